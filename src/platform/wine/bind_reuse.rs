//! Wine's bind and reuse (`crate::behaviour::bind`): not Windows' table but
//! two checks in a row. The wineserver keeps a tree of the TCP addresses
//! its sockets bound and refuses a second bind of exactly the same address
//! unless both sockets set SO_REUSEADDR; then the Linux host binds, with
//! SO_REUSEADDR forced on for every TCP socket and, for UDP, the program's
//! own SO_REUSEADDR. Read in wine-mirror/wine server/sock.c (init_socket,
//! sock_ioctl IOCTL_AFD_BIND / IOCTL_AFD_WINE_SET_SO_REUSEADDR,
//! check_addr_usage) at a69d2958 and as of wine-8.0 (6677c044; the file is
//! blob 851723a9 from rc2 to 8.2, read in Kron4ek/wine-tkg's 8.0 snapshot:
//! init_socket l.1922-1927, the bind path l.2861-2955, the option handlers
//! l.3112-3163), dlls/ws2_32/socket.c at 8dc5242e and
//! dlls/ntdll/unix/socket.c at 0bdb575f; measured under Wine 8.0 here.

use crate::behaviour::bind::{Addr, BindCase, BindModel, FirstState, Proto, Receiver, Relation, Reuse, Step};
use crate::rule::Rule;

crate::rules! {
    pub const CLOSED: Rule = Rule {
        id: "wine.bind.closed",
        formula: "first closed (bound only) => the port is free",
        why: "closing the handle destroys the wineserver's socket, which drops its address from the tree, and the host frees the port (linux.bind.closed)",
        source: "wine server/sock.c sock_destroy (the bound address removed); the host: linux.bind.closed",
    };
    pub const WINE_SAME_ADDRESS: Rule = Rule {
        id: "wine.bind.same_address",
        formula: "TCP, the same IPv4 address held by a live socket (or either an SO_EXCLUSIVEADDRUSE wildcard): unless both set SO_REUSEADDR => WSAEACCES (the second set SO_REUSEADDR, or the first is an exclusive wildcard), else WSAEADDRINUSE",
        why: "the wineserver seeks the address among the TCP addresses its live sockets bound; an SO_EXCLUSIVEADDRUSE wildcard matches every address on the port, and a :: socket has an IPv4 form only with SO_EXCLUSIVEADDRUSE. It refuses unless the first consented with SO_REUSEADDR and the second asks for it: STATUS_ACCESS_DENIED when the second set SO_REUSEADDR or the entry matches any address, else STATUS_SHARING_VIOLATION",
        source: "wine server/sock.c addr_compare ('if (bound_addr->match_any_addr || addr->match_any_addr || ...) return 0'), ipv4addr_from_v6 (map_unspecified = sock->exclusiveaddruse), check_addr_usage ('if (bound_addr->reuse_count == -1 || !sock->reuseaddr) set_error( sock->reuseaddr || bound_addr->match_any_addr ? STATUS_ACCESS_DENIED : STATUS_SHARING_VIOLATION )'), should_track_conflicts_for_addr (TCP only); dlls/ws2_32/socket.c NtStatusToWSAError",
    };
    pub const HOST_TCP: Rule = Rule {
        id: "wine.bind.host_tcp",
        formula: "TCP past the wineserver: the host binds with SO_REUSEADDR on both => ok unless the first listens; then EADDRINUSE, named WSAEACCES when the second set SO_REUSEADDR",
        why: "init_socket turns the host's SO_REUSEADDR on for every TCP socket (a program's own SO_REUSEADDR stays in the wineserver), so Linux shares the port while the first is not listening (linux.bind.reuseaddr_share); a host EADDRINUSE becomes EACCES for a socket that set SO_REUSEADDR",
        source: "wine server/sock.c init_socket ('if (is_tcp_socket( sock )) { value = 1; setsockopt( sockfd, SOL_SOCKET, SO_REUSEADDR, ...'), sock_ioctl IOCTL_AFD_BIND ('if (errno == EADDRINUSE && sock->reuseaddr) errno = EACCES;'); the host: linux.bind.reuseaddr_share",
    };
    pub const HOST_UDP: Rule = Rule {
        id: "wine.bind.host_udp",
        formula: "UDP: the host decides with the program's SO_REUSEADDR: both set => ok, else EADDRINUSE (WSAEACCES when the second set SO_REUSEADDR)",
        why: "the wineserver tracks TCP addresses only and passes a UDP socket's SO_REUSEADDR to the host (never SO_REUSEPORT on Linux), so Linux's UDP rule decides",
        source: "wine server/sock.c sock_ioctl IOCTL_AFD_WINE_SET_SO_REUSEADDR ('if (is_tcp_socket( sock )) ret = 0; else ret = setsockopt( unix_fd, SOL_SOCKET, SO_REUSEADDR, ...'), IOCTL_AFD_BIND (EADDRINUSE -> EACCES); the host: linux.bind.reuseaddr_share, linux.bind.conflict",
    };
    pub const V6ONLY_APART: Rule = Rule {
        id: "wine.bind.v6only_apart",
        formula: "IPv6-only :: against IPv4 => bind ok",
        why: "the wineserver checks an IPv6-only socket against IPv6 addresses only, and the host sees no overlap (linux.bind.no_overlap)",
        source: "wine server/sock.c check_addr_usage (the IPv4 form only for a dual-stack socket); the host: linux.bind.no_overlap",
    };
    pub const LISTEN: Rule = Rule {
        id: "wine.bind.listen",
        formula: "TCP listen() => the host's: ok for the second",
        why: "IOCTL_AFD_LISTEN calls the host's listen() with no check of Wine's own; the first is not listening, so Linux's check passes (linux.bind.listen_recheck)",
        source: "wine server/sock.c sock_ioctl IOCTL_AFD_LISTEN; the host: linux.bind.listen_recheck",
    };
    pub const FIRST_LISTEN_CONFLICT: Rule = Rule {
        id: "wine.bind.first_listen_conflict",
        formula: "sharing the port, the second listening => the first's listen WSAEADDRINUSE",
        why: "the host moves the conflict to listen (linux.bind.first_listen_conflict); listen has no EACCES remap, so EADDRINUSE arrives as WSAEADDRINUSE",
        source: "wine server/sock.c sock_ioctl IOCTL_AFD_LISTEN, sock_get_ntstatus (EADDRINUSE -> STATUS_SHARING_VIOLATION); dlls/ws2_32/socket.c NtStatusToWSAError; the host: linux.bind.first_listen_conflict",
    };
    pub const FIRST_LISTEN_OK: Rule = Rule {
        id: "wine.bind.first_listen_ok",
        formula: "no overlap => the first's listen ok",
        why: "an IPv6-only socket and an IPv4 one never conflict on the host (linux.bind.first_listen_ok)",
        source: "the host: linux.bind.first_listen_ok",
    };
    pub const UDP_HOST: Rule = Rule {
        id: "wine.udp.host",
        formula: "who receives => the host's rule (exact address first, IPv4 before dual-stack, the newest of equals; connected and IPv6-only sockets skipped)",
        why: "Wine receives through the host's sockets, so Linux's lookup picks the socket (linux.udp.*)",
        source: "the host: net/ipv4/udp.c __udp4_lib_lookup, compute_score (linux.udp.exact_first, linux.udp.ipv4_first, linux.udp.newest_first, linux.udp.connected_elsewhere, linux.udp.v6only_skipped)",
    };
}

/// Wine's reuse sets: Windows' (no SO_REUSEPORT).
pub const SETS: &[Reuse] = &[Reuse::None, Reuse::Addr, Reuse::Exclusive];

/// An IPv4 address as the wineserver's tree holds or seeks it: the
/// address, and whether it matches any address on the port (an
/// SO_EXCLUSIVEADDRUSE wildcard). A `::` socket has an IPv4 form only with
/// SO_EXCLUSIVEADDRUSE (`ipv4addr_from_v6(..., sock->exclusiveaddruse)`).
fn ipv4_entry(addr: Addr, reuse: Reuse) -> Option<(Addr, bool)> {
    let exclusive = reuse == Reuse::Exclusive;
    match addr {
        Addr::V4Loopback => Some((addr, false)),
        Addr::V4Any => Some((addr, exclusive)),
        Addr::V6AnyDual if exclusive => Some((Addr::V4Any, true)),
        Addr::V6AnyDual | Addr::V6AnyOnly => None,
    }
}

/// The wineserver finds the first's entry when it seeks the second's: a
/// live TCP socket's (closing the handle drops it), on the same address or
/// either matching any. `Some(match_any)` of the entry found.
fn wine_finds(case: &BindCase) -> Option<bool> {
    let live = !matches!(case.state, FirstState::Closed | FirstState::TimeWait);
    if case.proto != Proto::Tcp || !live {
        return None;
    }
    let (a1, a2) = case.relation.addrs();
    let (held, held_any) = ipv4_entry(a1, case.first)?;
    let (sought, sought_any) = ipv4_entry(a2, case.second)?;
    (held_any || sought_any || held == sought).then_some(held_any)
}

/// The host's error, as Wine names it for this second socket.
fn host_error(case: &BindCase) -> &'static str {
    match case.second.addr() {
        true => "WSAEACCES",
        false => "WSAEADDRINUSE",
    }
}

fn bind(case: &BindCase) -> Step {
    if case.relation.v6only_against_v4() {
        return Step::ok(&V6ONLY_APART);
    }
    if let Some(held_any) = wine_finds(case) {
        if !(case.first.addr() && case.second.addr()) {
            let error = match case.second.addr() || held_any {
                true => "WSAEACCES",
                false => "WSAEADDRINUSE",
            };
            return Step::fails(error, &WINE_SAME_ADDRESS);
        }
    }
    match case.proto {
        Proto::Tcp if case.state == FirstState::Listening => Step::fails(host_error(case), &HOST_TCP),
        Proto::Tcp => Step::ok(&HOST_TCP),
        Proto::Udp if case.first.addr() && case.second.addr() => Step::ok(&HOST_UDP),
        Proto::Udp => Step::fails(host_error(case), &HOST_UDP),
    }
}

fn listen(_: &BindCase) -> Step {
    Step::ok(&LISTEN)
}

fn first_listen(case: &BindCase) -> Step {
    match case.relation.v6only_against_v4() {
        true => Step::ok(&FIRST_LISTEN_OK),
        false => Step::fails("WSAEADDRINUSE", &FIRST_LISTEN_CONFLICT),
    }
}

fn receiver(case: &BindCase) -> (Receiver, &'static Rule) {
    let who = match (case.state, case.relation) {
        (FirstState::Closed, Relation::V6onlyAfterV4) => Receiver::Neither,
        (FirstState::Closed | FirstState::Connected, _) => Receiver::Second,
        (_, Relation::V6onlyAfterV4 | Relation::WildcardAfterSpecific | Relation::DualAfterV4) => {
            Receiver::First
        }
        _ => Receiver::Second,
    };
    (who, &UDP_HOST)
}

/// Wine's bind-and-reuse model.
pub fn model() -> BindModel {
    BindModel {
        sets: SETS,
        closed: &CLOSED,
        bind,
        listen,
        first_listen,
        receiver,
        other_user: None,
        rules: RULES,
    }
}
