//! IPPROTO_IP options on inet sockets, IPv4 and IPv6 alike: an AF_INET6
//! socket hands SOL_IP to the IPv4 code (net/ipv6/ipv6_sockglue.c
//! ipv6_setsockopt). Rules from net/ipv4/ip_sockglue.c do_ip_setsockopt /
//! do_ip_getsockopt unless noted.

use super::shared::{fact, flag, int, Args};
use crate::expr::Expr;
use crate::option::IpOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const IP_C: &str = "net/ipv4/ip_sockglue.c do_ip_setsockopt / do_ip_getsockopt";

crate::rules! {
    pub const TTL_DEFAULT: Rule = Rule {
        id: "linux.ip.ttl_default",
        formula: "-1 => net.ipv4.ip_default_ttl",
        why: "an unset TTL (stored as -1) reads the namespace's ip_default_ttl",
        source: IP_C,
    };
    pub const TTL: Rule = Rule {
        id: "linux.ip.ttl",
        formula: "v == -1 or 1 <= v <= 255, else EINVAL",
        why: "a TTL is 1..255, or -1 for the default; 0 is refused",
        source: IP_C,
    };
    pub const TOS_DEFAULT: Rule = Rule {
        id: "linux.ip.tos_default",
        formula: "0",
        why: "a new socket has TOS 0",
        source: IP_C,
    };
    pub const TOS: Rule = Rule {
        id: "linux.ip.tos",
        formula: "(u8)v",
        why: "IP_TOS keeps the low byte of the int",
        source: "net/ipv4/ip_sockglue.c __ip_sock_set_tos",
    };
    pub const TOS_STREAM_ECN: Rule = Rule {
        id: "linux.ip.tos_keeps_ecn",
        formula: "(u8)v & ~3 | old & 3",
        why: "on a stream socket the two ECN bits belong to TCP: the request's are dropped and the old ones (0 here) kept",
        source: "net/ipv4/ip_sockglue.c __ip_sock_set_tos",
    };
    pub const MULTICAST_TTL_DEFAULT: Rule = Rule {
        id: "linux.ip.multicast_ttl_default",
        formula: "1",
        why: "multicast leaves the host by default with TTL 1",
        source: "net/ipv4/af_inet.c inet_create (mc_ttl = 1)",
    };
    pub const MULTICAST_TTL: Rule = Rule {
        id: "linux.ip.multicast_ttl",
        formula: "-1 => 1; 0 <= v <= 255; else EINVAL; stream sockets: EINVAL",
        why: "a multicast TTL is 0..255, -1 meaning 1; TCP sockets refuse it",
        source: IP_C,
    };
    pub const LOOP_DEFAULT: Rule = Rule {
        id: "linux.ip.multicast_loop_default",
        formula: "1",
        why: "multicast loops back to the host by default",
        source: "net/ipv4/af_inet.c inet_create",
    };
    pub const FLAG_DEFAULT: Rule = Rule {
        id: "linux.ip.default_off",
        formula: "0",
        why: "a new socket has this flag clear",
        source: "net/ipv4/af_inet.c inet_create",
    };
    pub const MULTICAST_ALL: Rule = Rule {
        id: "linux.ip.multicast_all",
        formula: "v in {0, 1} else EINVAL; default 1 on AF_INET, 0 on AF_INET6",
        why: "IP_MULTICAST_ALL takes only 0 or 1. A new AF_INET socket has it on (it receives multicast for every group any socket on the host joined, not only its own); an AF_INET6 socket has only the IPv6 twin on: inet6_create sets MC6_ALL, and of the IPv4 part only the TTLs and multicast loop",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_MULTICAST_ALL 'if (val != 0 && val != 1) return -EINVAL'; net/ipv4/af_inet.c inet_create 'inet_set_bit(MC_ALL, sk)'; net/ipv6/af_inet6.c inet6_create 'inet6_set_bit(MC6_ALL, sk)' (no MC_ALL)",
    };
    pub const TRANSPARENT_EPERM: Rule = Rule {
        id: "linux.ip.transparent_eperm",
        formula: "v != 0 without CAP_NET_RAW/CAP_NET_ADMIN => EPERM",
        why: "turning IP_TRANSPARENT on needs CAP_NET_RAW or CAP_NET_ADMIN (turning it off does not)",
        source: IP_C,
    };
}

pub fn predict(a: &Args<IpOpt>) -> Prediction {
    let request = a.request;
    let default_ttl = || fact("ip_default_ttl", a.facts.ip_default_ttl);
    match a.opt {
        IpOpt::Ttl => match int(request).map(|v| v.value()) {
            None => Prediction::ok(default_ttl(), vec![&TTL_DEFAULT]),
            Some(-1) => Prediction::ok(default_ttl(), vec![&TTL, &TTL_DEFAULT]),
            Some(v) if (1..=255).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&TTL]),
            Some(_) => Prediction::err("EINVAL", vec![&TTL]),
        },
        IpOpt::Tos => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&TOS_DEFAULT]),
            Some(v) => tos(a, v),
        },
        IpOpt::MulticastTtl => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(1), vec![&MULTICAST_TTL_DEFAULT]),
            Some(_) if a.kind.is_stream() => Prediction::err("EINVAL", vec![&MULTICAST_TTL]),
            Some(-1) => Prediction::ok(RelativeValue::int(1), vec![&MULTICAST_TTL]),
            Some(v) if (0..=255).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&MULTICAST_TTL]),
            Some(_) => Prediction::err("EINVAL", vec![&MULTICAST_TTL]),
        },
        IpOpt::MulticastLoop => flag(request, 1, &LOOP_DEFAULT),
        IpOpt::Freebind | IpOpt::Recvtos | IpOpt::Recvttl => flag(request, 0, &FLAG_DEFAULT),
        IpOpt::MulticastAll => match int(request).map(|v| v.value()) {
            None => Prediction::ok(
                RelativeValue::int(i128::from(a.kind.domain() == crate::kind::Domain::Ipv4)),
                vec![&MULTICAST_ALL],
            ),
            Some(v @ (0 | 1)) => Prediction::ok(RelativeValue::int(v), vec![&MULTICAST_ALL]),
            Some(_) => Prediction::err("EINVAL", vec![&MULTICAST_ALL]),
        },
        IpOpt::Transparent => match int(request) {
            Some(v) if v.value() != 0 && !a.facts.cap_net_raw_or_admin => {
                Prediction::err("EPERM", vec![&TRANSPARENT_EPERM])
            }
            _ => flag(request, 0, &FLAG_DEFAULT),
        },
    }
}

fn tos(a: &Args<IpOpt>, v: Expr) -> Prediction {
    let byte = v.map_value(|v| v & 0xff);
    if a.kind.is_stream() {
        return Prediction::ok(
            RelativeValue::Int(byte.map_value(|v| v & !3)),
            vec![&TOS_STREAM_ECN],
        );
    }
    Prediction::ok(RelativeValue::Int(byte), vec![&TOS])
}
