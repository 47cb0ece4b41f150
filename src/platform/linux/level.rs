//! The check every Linux option goes through first: does this kind of
//! socket's protocol handle the option's level at all?

use crate::case::Request;
use crate::kind::{Domain, Kind};
use crate::option::Level;
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const LEVEL_UNIX: Rule = Rule {
        id: "linux.level.unix",
        formula: "EOPNOTSUPP",
        why: "unix sockets have no setsockopt/getsockopt for any level but SOL_SOCKET",
        source: "net/socket.c do_sock_setsockopt / do_sock_getsockopt (no ops->setsockopt for AF_UNIX)",
    };
    pub const LEVEL_SET_ENOPROTOOPT: Rule = Rule {
        id: "linux.level.set_enoprotoopt",
        formula: "ENOPROTOOPT",
        why: "a level this protocol does not handle (IPPROTO_TCP on UDP, SOL_UDP on TCP, IPPROTO_IPV6 on IPv4) falls through to ip_setsockopt / ipv6_setsockopt, which answer ENOPROTOOPT",
        source: "net/ipv4/ip_sockglue.c ip_setsockopt; net/ipv6/ipv6_sockglue.c ipv6_setsockopt",
    };
    pub const LEVEL_GET_IPV4: Rule = Rule {
        id: "linux.level.get_eopnotsupp",
        formula: "EOPNOTSUPP",
        why: "on an IPv4 socket a level it does not handle falls through to ip_getsockopt, which answers EOPNOTSUPP (not the setter's ENOPROTOOPT)",
        source: "net/ipv4/ip_sockglue.c ip_getsockopt",
    };
    pub const LEVEL_GET_IPV6: Rule = Rule {
        id: "linux.level.get_enoprotoopt",
        formula: "ENOPROTOOPT",
        why: "on an IPv6 socket a level it does not handle falls through to ipv6_getsockopt, which answers ENOPROTOOPT (SOL_IP too on a raw IPv6 socket: only non-raw sockets are handed to ip_getsockopt)",
        source: "net/ipv6/ipv6_sockglue.c ipv6_getsockopt 'if (level == SOL_IP && sk->sk_type != SOCK_RAW) return ip_getsockopt(...); if (level != SOL_IPV6) return -ENOPROTOOPT'; net/ipv6/raw.c rawv6_getsockopt",
    };
    pub const UNDEFINED: Rule = Rule {
        id: "linux.undefined.uapi",
        formula: "no such constant → UNDEFINED",
        why: "the Linux UAPI headers define no such option at this level, so a Linux program cannot name it",
        source: "include/uapi/asm-generic/socket.h, include/uapi/linux/tcp.h, include/uapi/linux/in.h, include/uapi/linux/in6.h, include/uapi/linux/udp.h",
    };
}

/// The error when the socket's protocol does not handle the option's level.
pub fn refusal(level: Level, kind: Kind, request: &Request) -> Option<Prediction> {
    // MPTCP's own code takes every level and decides (`mptcp.rs`).
    if kind.is_mptcp() {
        return None;
    }
    let handled = match level {
        Level::Socket => true,
        Level::Tcp => kind.is_tcp(),
        // A raw IPv6 socket does not hand SOL_IP to the IPv4 code (the
        // others do).
        Level::Ip => kind.domain() != Domain::Unix && kind != Kind::Raw6,
        Level::Ipv6 => kind.domain() == Domain::Ipv6,
        Level::Udp => matches!(kind, Kind::Udp4 | Kind::Udp6),
    };
    if handled {
        return None;
    }
    Some(match (kind.domain(), request) {
        (Domain::Unix, _) => Prediction::err("EOPNOTSUPP", vec![&LEVEL_UNIX]),
        (_, Request::Set(_)) => Prediction::err("ENOPROTOOPT", vec![&LEVEL_SET_ENOPROTOOPT]),
        (Domain::Ipv4, Request::Default) => Prediction::err("EOPNOTSUPP", vec![&LEVEL_GET_IPV4]),
        (Domain::Ipv6, Request::Default) => Prediction::err("ENOPROTOOPT", vec![&LEVEL_GET_IPV6]),
    })
}
