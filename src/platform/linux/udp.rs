//! SOL_UDP options on UDP sockets, IPv4 and IPv6 alike (net/ipv4/udp.c
//! udp_lib_setsockopt / udp_lib_getsockopt, which udpv6 shares).

use super::shared::{flag, int, Args};
use crate::option::UdpOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const UDP_FLAGS: Rule = Rule {
        id: "linux.udp.plain_flag",
        formula: "v != 0; default 0",
        why: "UDP_CORK, UDP_NO_CHECK6_TX, UDP_NO_CHECK6_RX and UDP_GRO are bits of the UDP socket set from any non-zero int, on udp4 and udp6 alike (the IPv6 checksum bits are kept on an IPv4 socket too); a new socket has them clear",
        source: "net/ipv4/udp.c udp_lib_setsockopt case UDP_CORK 'if (val != 0) udp_set_bit(CORK, sk)', case UDP_NO_CHECK6_TX / _RX 'udp_set_no_check6_tx(sk, valbool)', case UDP_GRO 'udp_assign_bit(GRO_ENABLED, sk, valbool)'; udp_lib_getsockopt the same cases (read at Debian 6.12.118; the same text at 6.1.192)",
    };
    pub const SEGMENT: Rule = Rule {
        id: "linux.udp.segment",
        formula: "0 <= v <= USHRT_MAX (65535) else EINVAL; default 0",
        why: "UDP_SEGMENT is the GSO segment size a send is cut into (0: off); it is only range-checked here (a send checks it against the MTU)",
        source: "net/ipv4/udp.c udp_lib_setsockopt case UDP_SEGMENT 'if (val < 0 || val > USHRT_MAX) return -EINVAL; WRITE_ONCE(up->gso_size, val)', udp_lib_getsockopt 'val = READ_ONCE(up->gso_size)' (read at Debian 6.12.118; the same at 6.1.192)",
    };
}

pub fn predict(a: &Args<UdpOpt>) -> Prediction {
    let request = a.request;
    match a.opt {
        UdpOpt::Cork | UdpOpt::NoCheck6Tx | UdpOpt::NoCheck6Rx | UdpOpt::Gro => flag(request, 0, &UDP_FLAGS),
        UdpOpt::Segment => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&SEGMENT]),
            Some(v) if (0..=65535).contains(&v.value()) => {
                Prediction::ok(RelativeValue::Int(v), vec![&SEGMENT])
            }
            Some(_) => Prediction::err("EINVAL", vec![&SEGMENT]),
        },
    }
}
