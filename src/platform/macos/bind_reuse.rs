//! macOS's bind and reuse (`crate::behaviour::bind`), read in XNU at tag
//! xnu-11417.101.15 (bsd/netinet/in_pcb.c, bsd/netinet6/in6_pcb.c,
//! bsd/netinet/tcp_usrreq.c, bsd/netinet/udp_usrreq.c). The second socket's
//! own options choose the check: with neither SO_REUSEADDR nor SO_REUSEPORT
//! any overlapping socket on the port blocks it, in any state; with either,
//! only an unconnected socket on exactly the same address is looked at, and
//! sharing that needs SO_REUSEPORT on both. listen() never checks again.
//! Model only: not measured here.

use crate::behaviour::bind::{BindCase, BindModel, FirstState, Receiver, Relation, Reuse, Step};
use crate::rule::Rule;

crate::rules! {
    pub const CLOSED: Rule = Rule {
        id: "macos.bind.closed",
        formula: "first closed (bound only) => the port is free",
        why: "closing a socket that never connected detaches its pcb and takes it off the port's list",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcbdetach / in_pcbdispose (UNCONFIRMED: the line where the port entry goes was not read)",
    };
    pub const V6ONLY_INVISIBLE: Rule = Rule {
        id: "macos.bind.v6only_apart",
        formula: "IPv6-only :: against IPv4 => bind ok",
        why: "an IPv6-only pcb lacks INP_IPV4, so the IPv4 lookup skips it; an IPv6-only bind skips the IPv4 checks",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_local (l.2392, l.2433: pcbs without INP_IPV4 skipped); bsd/netinet6/in6_pcb.c in6_pcbbind ('!(inp->inp_flags & IN6P_IPV6_V6ONLY)' guards the IPv4 checks)",
    };
    pub const DUAL_AFTER_V4: Rule = Rule {
        id: "macos.bind.dual_after_v4",
        formula: ":: v6only 0 after an IPv4 0.0.0.0 => bind ok, whatever the options",
        why: "in6_pcbbind's IPv4 check exempts an IPv4 pcb on the wildcard address of the other domain, and the IPv6 lookup does not see an IPv4-only pcb",
        source: "xnu-11417.101.15 bsd/netinet6/in6_pcb.c in6_pcbbind l.475-495 ('(t->inp_laddr.s_addr != INADDR_ANY || SOCK_DOM(so) == SOCK_DOM(t->inp_socket))'), in6_pcblookup_local l.1232 (INP_IPV6 pcbs only)",
    };
    pub const WILD_LOOKUP: Rule = Rule {
        id: "macos.bind.no_option_blocks",
        formula: "second without SO_REUSEADDR/SO_REUSEPORT, overlapping address => EADDRINUSE (any state)",
        why: "with neither option the lookup is a best-fit wildcard search over every pcb on the port, connected and TIME_WAIT ones too, and the one it finds blocks the bind",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcbbind l.890-891 ('if (!(so->so_options & (SO_REUSEADDR | SO_REUSEPORT))) wild = 1;'), l.1087-1110 (EADDRINUSE); in_pcblookup_local l.2436 (wildcard match)",
    };
    pub const EXACT_MISSES: Rule = Rule {
        id: "macos.bind.exact_lookup",
        formula: "second with SO_REUSEADDR or SO_REUSEPORT, no unconnected socket on the same address => bind ok",
        why: "with either option only an unconnected pcb on exactly the same address is looked for: a wildcard against a specific address, a connected or a TIME_WAIT pcb is not found",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_local l.2395 ('inp->inp_faddr.s_addr == INADDR_ANY && inp->inp_laddr.s_addr == laddr.s_addr')",
    };
    pub const SAME_NEEDS_REUSEPORT: Rule = Rule {
        id: "macos.bind.same_needs_reuseport",
        formula: "the same address, the first unconnected => ok only with SO_REUSEPORT on both, else EADDRINUSE",
        why: "the pcb found must carry the SO_REUSEPORT the new socket sets; SO_REUSEADDR alone shares a port only on a multicast address",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcbbind l.1087-1090 ('(reuseport & t->inp_socket->so_options) == 0' => EADDRINUSE), l.927-936 (the multicast exception)",
    };
    pub const V4_AFTER_DUAL: Rule = Rule {
        id: "macos.bind.v4_after_dual",
        formula: "IPv4 0.0.0.0 after :: v6only 0 => EADDRINUSE unless SO_REUSEPORT on both",
        why: "a dual-stack pcb carries INP_IPV4 with the IPv4 wildcard address, so the IPv4 lookup finds it; the exemption covers only two IPv6 sockets",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcbbind l.1094-1097 (exempt only when both are PF_INET6); bsd/netinet/udp_usrreq.c udp6_bind l.878 and tcp_usrreq.c tcp6_usr_bind l.338 (INP_IPV4 set before bind)",
    };
    pub const OTHER_UID: Rule = Rule {
        id: "macos.bind.other_uid",
        formula: "another (non-root) uid, a specific address on either side, any socket left on the port => EADDRINUSE, whatever the options",
        why: "for a caller other than root in_pcbbind first runs a wildcard lookup and refuses a port held by another uid (unless that socket set SOF_REUSESHAREUID) when either address is specific; TIME_WAIT and connected pcbs stay on the port's lists, so they count",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcbbind l.1056-1085 ('u != kauth_cred_getuid(t->inp_socket->so_cred)', SOF_REUSESHAREUID, the specific-address test at l.1066-1067)",
    };
    pub const LISTEN_NO_RECHECK: Rule = Rule {
        id: "macos.bind.listen_no_recheck",
        formula: "listen() on a bound socket => ok (no second check)",
        why: "tcp_usr_listen binds only a socket that has no port yet, then sets LISTEN: a port shared at bind stays shared",
        source: "xnu-11417.101.15 bsd/netinet/tcp_usrreq.c tcp_usr_listen l.392 ('if (inp->inp_lport == 0) error = in_pcbbind(...)'), l.398",
    };
    pub const UDP_CONNECTED_ELSEWHERE: Rule = Rule {
        id: "macos.udp.connected_elsewhere",
        formula: "first connected to another peer => the second receives",
        why: "a connected pcb matches only its own four-tuple",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_hash_locked l.2629 (exact four-tuple), l.2653 (unconnected: faddr INADDR_ANY)",
    };
    pub const UDP_V6ONLY_SKIPPED: Rule = Rule {
        id: "macos.udp.v6only_skipped",
        formula: "an IPv6-only socket takes no IPv4 datagram => the IPv4 socket receives",
        why: "the IPv4 lookup skips pcbs without INP_IPV4",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_hash_locked (INP_IPV4 test)",
    };
    pub const UDP_EXACT_FIRST: Rule = Rule {
        id: "macos.udp.exact_first",
        formula: "127.0.0.1 against 0.0.0.0 => the socket on 127.0.0.1 receives",
        why: "in the unconnected bucket a specific address returns at once; a wildcard pcb is only remembered",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_hash_locked l.2671 (specific returns), l.2683 ('local_wild = inp;')",
    };
    pub const UDP_IPV4_FIRST: Rule = Rule {
        id: "macos.udp.ipv4_first",
        formula: "0.0.0.0 against dual-stack :: => the IPv4 socket receives",
        why: "a dual-stack wildcard is kept as local_wild_mapped and used only when no IPv4 wildcard pcb matched",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_hash_locked l.2681, l.2688-2699",
    };
    pub const UDP_NEWEST_FIRST: Rule = Rule {
        id: "macos.udp.newest_first",
        formula: "two sockets on the same address (SO_REUSEPORT) => the newest (the second) receives",
        why: "a unicast datagram goes to one pcb, the first found; a bound pcb is inserted at the head of its hash chain",
        source: "xnu-11417.101.15 bsd/netinet/udp_usrreq.c udp_input l.683 (in_pcblookup_hash, one pcb); bsd/netinet/in_pcb.c in_pcbinshash l.2853 ('LIST_INSERT_HEAD(pcbhash, inp, inp_hash)')",
    };
}

/// macOS's reuse sets: no SO_EXCLUSIVEADDRUSE, no SO_REUSEPORT_LB.
pub const SETS: &[Reuse] = &[Reuse::None, Reuse::Addr, Reuse::Port, Reuse::AddrPort];

/// The first socket is unconnected (connected and TIME_WAIT pcbs carry a
/// foreign address).
fn unconnected(case: &BindCase) -> bool {
    matches!(case.state, FirstState::Bound | FirstState::Listening)
}

fn reuseport_on_both(case: &BindCase) -> bool {
    case.first.port() && case.second.port()
}

fn bind(case: &BindCase) -> Step {
    match case.relation {
        Relation::V4AfterV6only | Relation::V6onlyAfterV4 => return Step::ok(&V6ONLY_INVISIBLE),
        Relation::DualAfterV4 => return Step::ok(&DUAL_AFTER_V4),
        _ => {}
    }
    if case.second == Reuse::None {
        return Step::fails("EADDRINUSE", &WILD_LOOKUP);
    }
    match case.relation {
        Relation::V4AfterDual if reuseport_on_both(case) => Step::ok(&V4_AFTER_DUAL),
        Relation::V4AfterDual => Step::fails("EADDRINUSE", &V4_AFTER_DUAL),
        Relation::Same if !unconnected(case) => Step::ok(&EXACT_MISSES),
        Relation::Same if reuseport_on_both(case) => Step::ok(&SAME_NEEDS_REUSEPORT),
        Relation::Same => Step::fails("EADDRINUSE", &SAME_NEEDS_REUSEPORT),
        _ => Step::ok(&EXACT_MISSES),
    }
}

fn other_user(_: &BindCase) -> Step {
    Step::fails("EADDRINUSE", &OTHER_UID)
}

fn listen(_: &BindCase) -> Step {
    Step::ok(&LISTEN_NO_RECHECK)
}

fn receiver(case: &BindCase) -> (Receiver, &'static Rule) {
    match (case.state, case.relation) {
        (FirstState::Closed, Relation::V6onlyAfterV4) => (Receiver::Neither, &UDP_V6ONLY_SKIPPED),
        (FirstState::Closed, _) => (Receiver::Second, &CLOSED),
        (FirstState::Connected, _) => (Receiver::Second, &UDP_CONNECTED_ELSEWHERE),
        (_, Relation::V6onlyAfterV4) => (Receiver::First, &UDP_V6ONLY_SKIPPED),
        (_, Relation::V4AfterV6only) => (Receiver::Second, &UDP_V6ONLY_SKIPPED),
        (_, Relation::SpecificAfterWildcard) => (Receiver::Second, &UDP_EXACT_FIRST),
        (_, Relation::WildcardAfterSpecific) => (Receiver::First, &UDP_EXACT_FIRST),
        (_, Relation::V4AfterDual) => (Receiver::Second, &UDP_IPV4_FIRST),
        (_, Relation::DualAfterV4) => (Receiver::First, &UDP_IPV4_FIRST),
        (_, Relation::Same) => (Receiver::Second, &UDP_NEWEST_FIRST),
    }
}

/// macOS's bind-and-reuse model.
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
