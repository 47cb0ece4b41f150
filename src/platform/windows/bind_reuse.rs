//! Windows' bind and reuse (`crate::behaviour::bind`), from Microsoft's
//! table in "Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE" (Windows Server
//! 2003 and later, same user), kept below as data. The table speaks of
//! bind only and of wildcard against specific addresses; what it leaves
//! open (listen, connected and TIME_WAIT first sockets, UDP delivery) is
//! said as UNCONFIRMED. Model only.

use crate::behaviour::bind::{Addr, BindCase, BindModel, FirstState, Receiver, Relation, Reuse, Step};
use crate::rule::Rule;

const DOC: &str = "learn.microsoft.com/en-us/windows/win32/winsock/using-so-reuseaddr-and-so-exclusiveaddruse (MicrosoftDocs/win32 desktop-src/WinSock/using-so-reuseaddr-and-so-exclusiveaddruse.md, read at 47e64c18)";

crate::rules! {
    pub const CLOSED: Rule = Rule {
        id: "windows.bind.closed",
        formula: "first closed (bound only) => the port is free",
        why: "a socket closed before any connection holds no address: WSAEADDRINUSE names sockets 'not closed properly, or ... still in the process of closing', which a bound-only socket is not (UNCONFIRMED beyond that)",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2 (WSAEADDRINUSE)",
    };
    pub const TABLE: Rule = Rule {
        id: "windows.bind.table",
        formula: "Microsoft's same-user table: first (option, wildcard/specific) x second (option, wildcard/specific) => Success / WSAEADDRINUSE / WSAEACCES",
        why: "Windows Server 2003 and later keep ports unshareable unless the first socket consents with SO_REUSEADDR; SO_EXCLUSIVEADDRUSE refuses sharing; a specific address and the wildcard coexist in most cells. A dual-stack :: is a wildcard on IPv4 too ('these checks must succeed on both networking stacks')",
        source: DOC,
    };
    pub const OTHER_USER_TABLE: Rule = Rule {
        id: "windows.bind.other_user_table",
        formula: "Microsoft's different-user table: first (option, wildcard/specific) x second => Success / WSAEADDRINUSE / WSAEACCES",
        why: "across user accounts more cells refuse: a default wildcard first bind lets no second bind on a specific address (WSAEACCES) unless the first set SO_REUSEADDR",
        source: DOC,
    };
    pub const TABLE_UNCONFIRMED_STATE: Rule = Rule {
        id: "windows.bind.table_state",
        formula: "first connected or in TIME_WAIT => the table as for a bound socket (UNCONFIRMED)",
        why: "the table speaks of two bind calls only; a connected socket still holds its address, and WSAEADDRINUSE is documented for a socket 'still in the process of closing', so the bound socket's cell is assumed. UNCONFIRMED: no Microsoft page says so for TIME_WAIT",
        source: "the table in Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE; learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2 (WSAEADDRINUSE)",
    };
    pub const V6ONLY_APART: Rule = Rule {
        id: "windows.bind.v6only_apart",
        formula: "IPv6-only :: against IPv4 => bind ok",
        why: "an IPv6-only socket reserves the port on the IPv6 stack alone, so an IPv4 socket meets no check there",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/using-so-reuseaddr-and-so-exclusiveaddruse (dual stack: 'the given port is reserved on both the IPv4 and IPv6 networking stacks' only for a dual-stack socket); ipproto-ipv6-socket-options (IPV6_V6ONLY)",
    };
    pub const LISTEN: Rule = Rule {
        id: "windows.bind.listen",
        formula: "listen() after a successful bind => ok (UNCONFIRMED)",
        why: "the table covers bind; Microsoft says only that a WSAEADDRINUSE for a wildcard bind 'could be delayed' to listen or connect. UNCONFIRMED",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/windows-sockets-error-codes-2 (WSAEADDRINUSE)",
    };
    pub const UDP_INDETERMINATE: Rule = Rule {
        id: "windows.udp.indeterminate",
        formula: "two sockets sharing the port => which one receives is not said",
        why: "'Once the second socket has successfully bound, the behavior for all sockets bound to that port is indeterminate' (unicast; multicast goes to both)",
        source: DOC,
    };
    pub const UDP_V6ONLY_SKIPPED: Rule = Rule {
        id: "windows.udp.v6only_skipped",
        formula: "an IPv6-only socket takes no IPv4 datagram => the IPv4 socket receives",
        why: "an AF_INET6 socket with IPV6_V6ONLY nonzero 'can be used to send and receive IPv6 packets only'",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/ipproto-ipv6-socket-options (IPV6_V6ONLY)",
    };
    pub const UDP_CONNECTED_ELSEWHERE: Rule = Rule {
        id: "windows.udp.connected_elsewhere",
        formula: "first connected to another peer => the second receives (UNCONFIRMED for a shared port)",
        why: "connect on a connectionless socket sets a default destination, and 'any datagrams received from an address other than the destination address specified will be discarded', so the other socket is the only taker; that the port's other socket then gets them is not said: UNCONFIRMED",
        source: "learn.microsoft.com/en-us/windows/win32/api/winsock2/nf-winsock2-connect (remarks on connectionless sockets; the same sentence in the WSPConnect page, learn.microsoft.com/en-us/previous-versions/aa916058)",
    };
}

/// Windows' reuse sets: no SO_REUSEPORT.
pub const SETS: &[Reuse] = &[Reuse::None, Reuse::Addr, Reuse::Exclusive];

/// The table's cells, first bind by rows, second by columns, each in the
/// order Default, SO_REUSEADDR, SO_EXCLUSIVEADDRUSE and within each
/// wildcard then specific. `""` is Success.
const CELLS: [[&str; 6]; 6] = [
    ["INUSE", "", "ACCESS", "", "INUSE", ""],
    ["", "INUSE", "", "ACCESS", "INUSE", "INUSE"],
    ["INUSE", "", "", "", "INUSE", ""],
    ["", "INUSE", "", "", "INUSE", "INUSE"],
    ["INUSE", "ACCESS", "ACCESS", "ACCESS", "INUSE", "ACCESS"],
    ["", "INUSE", "", "ACCESS", "INUSE", "INUSE"],
];

/// The different-user table, the same way round.
const OTHER_USER_CELLS: [[&str; 6]; 6] = [
    ["INUSE", "ACCESS", "ACCESS", "ACCESS", "INUSE", "ACCESS"],
    ["", "INUSE", "", "ACCESS", "INUSE", "INUSE"],
    ["INUSE", "ACCESS", "", "", "INUSE", "ACCESS"],
    ["", "INUSE", "", "", "INUSE", "INUSE"],
    ["INUSE", "ACCESS", "ACCESS", "ACCESS", "INUSE", "ACCESS"],
    ["", "INUSE", "", "ACCESS", "INUSE", "INUSE"],
];

/// The table's index of an option set and an address.
fn index(reuse: Reuse, addr: Addr) -> usize {
    let set = match reuse {
        Reuse::Addr => 1,
        Reuse::Exclusive => 2,
        _ => 0,
    };
    set * 2 + usize::from(!addr.wildcard())
}

fn bind(case: &BindCase) -> Step {
    by_table(case, &CELLS, &TABLE)
}

fn other_user(case: &BindCase) -> Step {
    by_table(case, &OTHER_USER_CELLS, &OTHER_USER_TABLE)
}

fn by_table(case: &BindCase, cells: &[[&str; 6]; 6], table: &'static Rule) -> Step {
    if case.relation.v6only_against_v4() {
        return Step::ok(&V6ONLY_APART);
    }
    let (a1, a2) = case.relation.addrs();
    let rule = match case.state {
        FirstState::Connected | FirstState::TimeWait => &TABLE_UNCONFIRMED_STATE,
        _ => table,
    };
    match cells[index(case.first, a1)][index(case.second, a2)] {
        "INUSE" => Step::fails("WSAEADDRINUSE", rule),
        "ACCESS" => Step::fails("WSAEACCES", rule),
        _ => Step::ok(rule),
    }
}

fn listen(_: &BindCase) -> Step {
    Step::ok(&LISTEN)
}

fn receiver(case: &BindCase) -> (Receiver, &'static Rule) {
    match (case.state, case.relation) {
        (FirstState::Closed, Relation::V6onlyAfterV4) => (Receiver::Neither, &UDP_V6ONLY_SKIPPED),
        (FirstState::Closed, _) => (Receiver::Second, &CLOSED),
        (FirstState::Connected, _) => (Receiver::Second, &UDP_CONNECTED_ELSEWHERE),
        (_, Relation::V6onlyAfterV4) => (Receiver::First, &UDP_V6ONLY_SKIPPED),
        (_, Relation::V4AfterV6only) => (Receiver::Second, &UDP_V6ONLY_SKIPPED),
        _ => (Receiver::Either, &UDP_INDETERMINATE),
    }
}

/// Windows' bind-and-reuse model.
pub fn model() -> BindModel {
    BindModel {
        sets: SETS,
        closed: &CLOSED,
        bind,
        listen,
        first_listen: listen,
        receiver,
        other_user: Some(other_user),
        rules: RULES,
    }
}
