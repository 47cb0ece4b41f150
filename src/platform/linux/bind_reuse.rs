//! Linux's bind and reuse (`crate::behaviour::bind`): a second bind of a
//! port conflicts unless both sockets set SO_REUSEADDR and the first does
//! not listen, or both set SO_REUSEPORT under one uid; TCP checks again at
//! listen(); UDP delivers to the best-scoring socket. Read at
//! ColtPlus/linux-6.18.y 57218520 (6.18.24; line numbers are that tree's),
//! and measured here on 6.18.

use crate::behaviour::bind::{BindCase, BindModel, FirstState, Proto, Receiver, Relation, Reuse, Step};
use crate::rule::Rule;

crate::rules! {
    pub const CLOSED: Rule = Rule {
        id: "linux.bind.closed",
        formula: "first closed (bound only) => the port is free",
        why: "closing a socket that never connected unhashes it and drops its bind bucket: nothing is left to conflict with",
        source: "net/ipv4/inet_hashtables.c __inet_put_port (via tcp_set_state TCP_CLOSE -> inet_put_port); net/ipv4/udp.c udp_lib_unhash",
    };
    pub const NO_OVERLAP: Rule = Rule {
        id: "linux.bind.no_overlap",
        formula: "IPv6-only :: against IPv4 => no overlap: bind ok",
        why: "an IPv6-only socket never shares an address with an IPv4 one, so the conflict check finds no match",
        source: "net/ipv4/inet_connection_sock.c ipv4_rcv_saddr_equal ('if (sk2_ipv6only) return false') and ipv6_rcv_saddr_equal ('!(sk1_ipv6only && addr_type2 == IPV6_ADDR_MAPPED)'), used by inet_rcv_saddr_equal for TCP and UDP",
    };
    pub const REUSEADDR_SHARE: Rule = Rule {
        id: "linux.bind.reuseaddr_share",
        formula: "SO_REUSEADDR on both (TCP: and the first not listening) => bind ok",
        why: "TCP: two sockets that both set SO_REUSEADDR do not conflict while the existing one is not in LISTEN (a TIME_WAIT entry keeps its socket's flag); UDP: both setting it is enough",
        source: "net/ipv4/inet_connection_sock.c inet_bind_conflict l.156 ('if (sk->sk_reuse && sk2->sk_reuse && sk2->sk_state != TCP_LISTEN)'); net/ipv4/inet_timewait_sock.c inet_twsk_alloc l.195-196 ('tw->tw_reuse = sk->sk_reuse'); net/ipv4/udp.c udp_lib_lport_inuse ('(!sk2->sk_reuse || !sk->sk_reuse)')",
    };
    pub const REUSEPORT_SHARE: Rule = Rule {
        id: "linux.bind.reuseport_share",
        formula: "SO_REUSEPORT on both, same uid => bind ok (listening or not)",
        why: "two sockets that both set SO_REUSEPORT under the same uid may share the port, a listener too (the uid is not checked against a TIME_WAIT entry)",
        source: "net/ipv4/inet_connection_sock.c inet_bind_conflict ('!sk->sk_reuseport || !sk2->sk_reuseport ... (sk2->sk_state != TCP_TIME_WAIT && !uid_eq(...))'); net/ipv4/udp.c udp_lib_lport_inuse ('sk2->sk_reuseport && sk->sk_reuseport ... uid_eq(uid, sock_i_uid(sk2))')",
    };
    pub const CONFLICT: Rule = Rule {
        id: "linux.bind.conflict",
        formula: "overlapping addresses, neither sharing rule => EADDRINUSE",
        why: "the addresses overlap (equal, or one a wildcard of its family, a dual-stack :: counting as 0.0.0.0) and neither SO_REUSEADDR (with the first not listening) nor SO_REUSEPORT is set on both",
        source: "net/ipv4/inet_connection_sock.c inet_csk_get_port ('if (inet_csk_bind_conflict(sk, tb, tb2, true, true)) goto fail_unlock', ret = -EADDRINUSE), inet_bind_conflict; net/ipv4/udp.c udp_lib_get_port (udp_lib_lport_inuse -> fail)",
    };
    pub const OTHER_UID: Rule = Rule {
        id: "linux.bind.other_uid",
        formula: "another uid: SO_REUSEADDR on both (TCP: the first not listening) => ok; SO_REUSEPORT shares only over a TIME_WAIT entry; otherwise EADDRINUSE",
        why: "SO_REUSEADDR sharing checks no uid; SO_REUSEPORT sharing needs the same uid, except against a TIME_WAIT entry (TCP), whose uid is not checked",
        source: "net/ipv4/inet_connection_sock.c inet_bind_conflict l.156 ('(sk2->sk_state != TCP_TIME_WAIT && !uid_eq(uid, sk_uid(sk2)))'); net/ipv4/udp.c udp_lib_lport_inuse ('uid_eq(uid, sock_i_uid(sk2))')",
    };
    pub const LISTEN_RECHECK: Rule = Rule {
        id: "linux.bind.listen_recheck",
        formula: "TCP listen() checks the port again: ok here",
        why: "listen() takes the port again with the socket now in LISTEN; the other socket is not listening, or both set SO_REUSEPORT, or they do not overlap, so the check passes",
        source: "net/ipv4/inet_connection_sock.c inet_csk_listen_start l.1309 ('if (!sk->sk_prot->get_port(sk, inet->inet_num))'), inet_bind_conflict",
    };
    pub const FIRST_LISTEN_CONFLICT: Rule = Rule {
        id: "linux.bind.first_listen_conflict",
        formula: "shared by SO_REUSEADDR alone, the second listening => the first's listen EADDRINUSE",
        why: "the conflict SO_REUSEADDR let bind defer comes back at listen(): the other socket now listens, so sharing by SO_REUSEADDR no longer holds",
        source: "net/ipv4/inet_connection_sock.c inet_csk_listen_start (get_port again, -EADDRINUSE), inet_bind_conflict ('sk2->sk_state != TCP_LISTEN')",
    };
    pub const FIRST_LISTEN_OK: Rule = Rule {
        id: "linux.bind.first_listen_ok",
        formula: "shared by SO_REUSEPORT, or no overlap => the first's listen ok",
        why: "two SO_REUSEPORT listeners of one uid form a group; sockets that do not overlap never conflict",
        source: "net/ipv4/inet_connection_sock.c inet_csk_listen_start, inet_bind_conflict; net/core/sock_reuseport.c reuseport_add_sock",
    };
    pub const UDP_CONNECTED_ELSEWHERE: Rule = Rule {
        id: "linux.udp.connected_elsewhere",
        formula: "first connected to another peer => the second receives",
        why: "a connected UDP socket scores -1 for a datagram from any address but its peer's",
        source: "net/ipv4/udp.c compute_score ('if (inet->inet_daddr) { if (inet->inet_daddr != saddr) return -1;' and the same for the port)",
    };
    pub const UDP_IPV4_ONLY_SOCKET: Rule = Rule {
        id: "linux.udp.v6only_skipped",
        formula: "an IPv6-only socket takes no IPv4 datagram => the IPv4 socket receives",
        why: "the IPv4 lookup skips IPv6-only sockets",
        source: "net/ipv4/udp.c compute_score ('ipv6_only_sock(sk)' => -1)",
    };
    pub const UDP_EXACT_FIRST: Rule = Rule {
        id: "linux.udp.exact_first",
        formula: "127.0.0.1 against 0.0.0.0 => the socket on 127.0.0.1 receives",
        why: "the lookup searches the sockets bound to the destination address before the wildcard ones",
        source: "net/ipv4/udp.c __udp4_lib_lookup (udp4_lib_lookup2 for daddr first, then for INADDR_ANY only if nothing matched)",
    };
    pub const UDP_IPV4_FIRST: Rule = Rule {
        id: "linux.udp.ipv4_first",
        formula: "0.0.0.0 against dual-stack :: => the IPv4 socket receives",
        why: "compute_score gives an AF_INET socket 2 and an AF_INET6 one 1, and the best score wins",
        source: "net/ipv4/udp.c compute_score l.368 ('score = (sk->sk_family == PF_INET) ? 2 : 1')",
    };
    pub const UDP_NEWEST_FIRST: Rule = Rule {
        id: "linux.udp.newest_first",
        formula: "two equal sockets, not one SO_REUSEPORT group => the newest (the second) receives",
        why: "a bound socket is added at the head of its hash chain and a tie keeps the first found; the first datagram's CPU bonus then keeps the rest there",
        source: "net/ipv4/udp.c udp_lib_get_port (hlist_add_head_rcu for the address chain), udp4_lib_lookup2 ('if (score > badness)'), compute_score (sk_incoming_cpu bonus)",
    };
    pub const UDP_REUSEPORT_GROUP: Rule = Rule {
        id: "linux.udp.reuseport_group",
        formula: "both SO_REUSEPORT on one address, same uid => a group: spread over both by a hash of the sender",
        why: "sockets of one family on one address with SO_REUSEPORT and one uid join a reuseport group, and each datagram goes to the member a hash of its 4-tuple picks (eight senders reach both)",
        source: "net/ipv4/udp.c udp_reuseport_add_sock, udp4_lib_lookup2 (inet_lookup_reuseport); net/core/sock_reuseport.c reuseport_select_sock",
    };
}

/// Linux's reuse sets: no SO_EXCLUSIVEADDRUSE, no SO_REUSEPORT_LB.
pub const SETS: &[Reuse] = &[Reuse::None, Reuse::Addr, Reuse::Port, Reuse::AddrPort];

/// Both sockets of `case` share by SO_REUSEPORT.
fn by_reuseport(case: &BindCase) -> bool {
    case.first.port() && case.second.port()
}

/// Both set SO_REUSEADDR and, for TCP, the first does not listen.
fn by_reuseaddr(case: &BindCase) -> bool {
    case.first.addr()
        && case.second.addr()
        && !(case.proto == Proto::Tcp && case.state == FirstState::Listening)
}

fn bind(case: &BindCase) -> Step {
    if case.relation.v6only_against_v4() {
        Step::ok(&NO_OVERLAP)
    } else if by_reuseaddr(case) {
        Step::ok(&REUSEADDR_SHARE)
    } else if by_reuseport(case) {
        Step::ok(&REUSEPORT_SHARE)
    } else {
        Step::fails("EADDRINUSE", &CONFLICT)
    }
}

fn other_user(case: &BindCase) -> Step {
    let over_time_wait = case.proto == Proto::Tcp && case.state == FirstState::TimeWait;
    if by_reuseaddr(case) || (by_reuseport(case) && over_time_wait) {
        Step::ok(&OTHER_UID)
    } else {
        Step::fails("EADDRINUSE", &OTHER_UID)
    }
}

fn listen(_: &BindCase) -> Step {
    Step::ok(&LISTEN_RECHECK)
}

fn first_listen(case: &BindCase) -> Step {
    if case.relation.v6only_against_v4() || by_reuseport(case) {
        Step::ok(&FIRST_LISTEN_OK)
    } else {
        Step::fails("EADDRINUSE", &FIRST_LISTEN_CONFLICT)
    }
}

fn receiver(case: &BindCase) -> (Receiver, &'static Rule) {
    if case.state == FirstState::Closed {
        return match case.relation {
            Relation::V6onlyAfterV4 => (Receiver::Neither, &UDP_IPV4_ONLY_SOCKET),
            _ => (Receiver::Second, &CLOSED),
        };
    }
    if case.state == FirstState::Connected {
        return (Receiver::Second, &UDP_CONNECTED_ELSEWHERE);
    }
    match case.relation {
        Relation::V6onlyAfterV4 => (Receiver::First, &UDP_IPV4_ONLY_SOCKET),
        Relation::V4AfterV6only => (Receiver::Second, &UDP_IPV4_ONLY_SOCKET),
        Relation::SpecificAfterWildcard => (Receiver::Second, &UDP_EXACT_FIRST),
        Relation::WildcardAfterSpecific => (Receiver::First, &UDP_EXACT_FIRST),
        Relation::V4AfterDual => (Receiver::Second, &UDP_IPV4_FIRST),
        Relation::DualAfterV4 => (Receiver::First, &UDP_IPV4_FIRST),
        Relation::Same if by_reuseport(case) => (Receiver::Both, &UDP_REUSEPORT_GROUP),
        Relation::Same => (Receiver::Second, &UDP_NEWEST_FIRST),
    }
}

/// Linux's bind-and-reuse model.
pub fn model() -> BindModel {
    BindModel {
        sets: SETS,
        closed: &CLOSED,
        bind,
        listen,
        first_listen,
        receiver,
        other_user: Some(other_user),
        rules: RULES,
    }
}
