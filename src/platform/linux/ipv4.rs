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

/// The largest IPv4 packet (include/uapi/linux/ip.h IP_MAX_MTU 0xFFFFU).
const IP_MAX_MTU: i128 = 0xFFFF;

const IP_C: &str = "net/ipv4/ip_sockglue.c do_ip_setsockopt / do_ip_getsockopt";

crate::rules! {
    pub const CMSG_FLAGS: Rule = Rule {
        id: "linux.ip.plain_flag",
        formula: "v != 0; default 0",
        why: "IP_PKTINFO, IP_RECVOPTS, IP_RETOPTS, IP_RECVORIGDSTADDR, IP_PASSSEC, IP_BIND_ADDRESS_NO_PORT, IP_RECVERR and IP_CHECKSUM are bits of the inet socket set from any non-zero int (inet_assign_bit), on every inet kind, TCP too; a new socket has them clear",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt cases IP_PKTINFO / IP_RECVOPTS / IP_RETOPTS / IP_PASSSEC / IP_RECVORIGDSTADDR / IP_BIND_ADDRESS_NO_PORT 'inet_assign_bit(..., sk, val)', IP_RECVERR (also purges the error queue when cleared), IP_CHECKSUM 'if (val) ... inet_set_bit(CHECKSUM, sk)'; do_ip_getsockopt 'val = inet_test_bit(...)' (read at Debian 6.12.118)",
    };
    pub const RECVFRAGSIZE: Rule = Rule {
        id: "linux.ip.recvfragsize",
        formula: "stream => EINVAL; else v != 0; default 0",
        why: "IP_RECVFRAGSIZE (report the largest fragment's size) is for datagram and raw sockets: a TCP socket refuses a set, whatever the value, but reads 0",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_RECVFRAGSIZE 'if (sk->sk_type != SOCK_RAW && sk->sk_type != SOCK_DGRAM) return -EINVAL; inet_assign_bit(RECVFRAGSIZE, sk, val)' (read at Debian 6.12.118)",
    };
    pub const HDRINCL: Rule = Rule {
        id: "linux.ip.hdrincl",
        formula: "non-raw: set => ENOPROTOOPT, reads 0; raw: v != 0, default 1 (IPPROTO_RAW)",
        why: "IP_HDRINCL (the caller writes the IP header) is for raw sockets only; a raw socket made with IPPROTO_RAW starts with it on, since it can only send whole packets",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_HDRINCL 'if (sk->sk_type != SOCK_RAW) return -ENOPROTOOPT; inet_assign_bit(HDRINCL, sk, val)', do_ip_getsockopt 'val = inet_test_bit(HDRINCL, sk)'; net/ipv4/af_inet.c inet_create 'if (IPPROTO_RAW == protocol) inet_set_bit(HDRINCL, sk)' (read at Debian 6.12.118)",
    };
    pub const NODEFRAG: Rule = Rule {
        id: "linux.ip.nodefrag_raw_only",
        formula: "set on a non-raw socket => ENOPROTOOPT; raw: v != 0; default 0",
        why: "IP_NODEFRAG (skip reassembly) can only be set on raw sockets, where it is a plain flag; every socket reads it, clear until set",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_NODEFRAG 'if (sk->sk_type != SOCK_RAW) return -ENOPROTOOPT', do_ip_getsockopt 'val = inet_test_bit(NODEFRAG, sk)' (read at Debian 6.12.118)",
    };
    pub const RFC4884: Rule = Rule {
        id: "linux.ip.recverr_rfc4884",
        formula: "v in {0, 1} else EINVAL; default 0",
        why: "IP_RECVERR_RFC4884 (parse ICMP extensions in queued errors) takes only 0 or 1",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_RECVERR_RFC4884 'if (val < 0 || val > 1) return -EINVAL' (read at Debian 6.12.118)",
    };
    pub const MINTTL: Rule = Rule {
        id: "linux.ip.minttl",
        formula: "0 <= v <= 255 else EINVAL; default 0",
        why: "IP_MINTTL drops received packets with a smaller TTL (RFC 5082); 0 is off",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_MINTTL 'if (val < 0 || val > 255) return -EINVAL; ... WRITE_ONCE(inet->min_ttl, val)' (read at Debian 6.12.118)",
    };
    pub const PMTUDISC: Rule = Rule {
        id: "linux.ip.mtu_discover",
        formula: "IP_PMTUDISC_DONT (0) <= v <= IP_PMTUDISC_OMIT (5) else EINVAL; default net.ipv4.ip_no_pmtu_disc ? 0 : 1",
        why: "IP_MTU_DISCOVER is one of six path-MTU modes; a new socket wants discovery (IP_PMTUDISC_WANT) unless net.ipv4.ip_no_pmtu_disc is set (AF_INET6 sockets too, for their IPv4 side)",
        source: "net/ipv4/ip_sockglue.c ip_sock_set_mtu_discover 'if (val < IP_PMTUDISC_DONT || val > IP_PMTUDISC_OMIT) return -EINVAL'; net/ipv4/af_inet.c inet_create and net/ipv6/af_inet6.c inet6_create 'if (READ_ONCE(net->ipv4.sysctl_ip_no_pmtu_disc)) inet->pmtudisc = IP_PMTUDISC_DONT; else inet->pmtudisc = IP_PMTUDISC_WANT' (read at Debian 6.12.118)",
    };
    pub const MTU: Rule = Rule {
        id: "linux.ip.mtu_connected",
        formula: "connected => AF_INET min(lo.mtu, 65535), AF_INET6 lo.mtu; else ENOTCONN; set => ENOPROTOOPT",
        why: "IP_MTU reads the path MTU of the socket's cached route, which only a connected socket has (here loopback's); an IPv4 route caps it at IP_MAX_MTU (65535) while an AF_INET6 socket's IPv6 route does not (measured: 65535 on tcp4/udp4, 65536 on tcp6/udp6); without a route the read fails with ENOTCONN; there is no setter",
        source: "net/ipv4/ip_sockglue.c do_ip_getsockopt case IP_MTU 'dst = sk_dst_get(sk); if (dst) { val = dst4_mtu(dst); ...} if (!val) return -ENOTCONN'; include/net/dst.h dst_mtu (ip6_mtu / ipv4_mtu); include/net/ip.h 'mtu = min_t(unsigned int, mtu, IP_MAX_MTU)'; do_ip_setsockopt has no case (-ENOPROTOOPT) (read at Debian 6.12.118)",
    };
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
    pub const MULTICAST_IF: Rule = Rule {
        id: "linux.ip.multicast_if",
        formula: "stream => EINVAL (set); 0.0.0.0 => cleared; else ip_dev_find(addr) ? addr : EADDRNOTAVAIL; reads the address set, default 0.0.0.0",
        why: "IP_MULTICAST_IF names the interface multicast leaves by through one of its addresses: a TCP socket refuses any set (a read works); 0.0.0.0 clears the choice; another address must find a device through ip_dev_find, which falls back to the local routing table, so 127.0.0.2 (on no interface, but inside lo's 127/8 local route) is accepted as lo while 0.0.0.1 and 192.0.2.1 are not; the read gives back the address as set (inet->mc_addr), not the device's own",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_MULTICAST_IF 'if (sk->sk_type == SOCK_STREAM) goto e_inval; ... if (mreq.imr_address.s_addr == htonl(INADDR_ANY)) { inet->mc_index = 0; inet->mc_addr = 0; ... dev = ip_dev_find(...); err = -EADDRNOTAVAIL; if (!dev) break; ... inet->mc_addr = mreq.imr_address.s_addr', do_ip_getsockopt case IP_MULTICAST_IF 'addr.s_addr = READ_ONCE(inet->mc_addr)'; net/ipv4/devinet.c __ip_dev_find 'Fallback to FIB local table so that communication over loopback subnets work' (read at Debian 6.12.118)",
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
        IpOpt::MulticastIf => multicast_if(a),
        IpOpt::AddMembership
        | IpOpt::DropMembership
        | IpOpt::AddSourceMembership
        | IpOpt::DropSourceMembership => super::membership::v4(a),
        IpOpt::Freebind | IpOpt::Recvtos | IpOpt::Recvttl => flag(request, 0, &FLAG_DEFAULT),
        IpOpt::MulticastAll => match int(request).map(|v| v.value()) {
            None => Prediction::ok(
                RelativeValue::int(i128::from(a.kind.domain() == crate::kind::Domain::Ipv4)),
                vec![&MULTICAST_ALL],
            ),
            Some(v @ (0 | 1)) => Prediction::ok(RelativeValue::int(v), vec![&MULTICAST_ALL]),
            Some(_) => Prediction::err("EINVAL", vec![&MULTICAST_ALL]),
        },
        IpOpt::Pktinfo
        | IpOpt::Recvopts
        | IpOpt::Retopts
        | IpOpt::Recverr
        | IpOpt::Recvorigdstaddr
        | IpOpt::Passsec
        | IpOpt::Checksum
        | IpOpt::BindAddressNoPort => flag(request, 0, &CMSG_FLAGS),
        IpOpt::Recvfragsize => match int(request) {
            Some(_) if a.kind.is_stream() => Prediction::err("EINVAL", vec![&RECVFRAGSIZE]),
            _ => flag(request, 0, &RECVFRAGSIZE),
        },
        IpOpt::Nodefrag => match int(request) {
            Some(_) if a.kind.is_raw() => flag(request, 0, &NODEFRAG),
            Some(_) => Prediction::err("ENOPROTOOPT", vec![&NODEFRAG]),
            None => Prediction::ok(RelativeValue::int(0), vec![&NODEFRAG]),
        },
        IpOpt::RecverrRfc4884 => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&RFC4884]),
            Some(v @ (0 | 1)) => Prediction::ok(RelativeValue::int(v), vec![&RFC4884]),
            Some(_) => Prediction::err("EINVAL", vec![&RFC4884]),
        },
        IpOpt::Minttl => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&MINTTL]),
            Some(v) if (0..=255).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&MINTTL]),
            Some(_) => Prediction::err("EINVAL", vec![&MINTTL]),
        },
        IpOpt::MtuDiscover => match int(request).map(|v| v.value()) {
            None => Prediction::ok(
                RelativeValue::int(if a.facts.ip_no_pmtu_disc != 0 { 0 } else { 1 }),
                vec![&PMTUDISC],
            ),
            Some(v) if (0..=5).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&PMTUDISC]),
            Some(_) => Prediction::err("EINVAL", vec![&PMTUDISC]),
        },
        IpOpt::Mtu => match request {
            crate::case::Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&MTU]),
            crate::case::Request::Default if a.state == crate::kind::State::Connected => {
                let mtu = Expr::of(crate::expr::Sym {
                    name: "lo.mtu",
                    value: a.facts.loopback_mtu,
                });
                let mtu = match a.kind.domain() {
                    crate::kind::Domain::Ipv6 => mtu,
                    _ => mtu.min(Expr::lit(IP_MAX_MTU)),
                };
                Prediction::ok(RelativeValue::Int(mtu), vec![&MTU])
            }
            crate::case::Request::Default => Prediction::err("ENOTCONN", vec![&MTU]),
        },
        // BSD names Linux's headers lack (the gate answers them).
        IpOpt::OriginalDst => super::conntrack::predict(false, a.kind, a.state, request, a.facts),
        IpOpt::Hdrincl => match int(request) {
            Some(_) if a.kind.is_raw() => flag(request, 1, &HDRINCL),
            Some(_) => Prediction::err("ENOPROTOOPT", vec![&HDRINCL]),
            None => Prediction::ok(RelativeValue::int(a.kind.is_raw().into()), vec![&HDRINCL]),
        },
        IpOpt::Recvretopts
        | IpOpt::Recvdstaddr
        | IpOpt::Recvif
        | IpOpt::Dontfrag
        | IpOpt::BoundIf
        | IpOpt::LocalPeercred
        | IpOpt::LocalPeerpid => crate::platform::gated(),
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

/// IP_MULTICAST_IF: an address of lo's 127/8 selects lo; any other needs an
/// interface holding it (none here).
fn multicast_if(a: &Args<IpOpt>) -> Prediction {
    let any = crate::address::any;
    let Some(v) = int(a.request) else {
        return Prediction::ok(any(), vec![&MULTICAST_IF]);
    };
    if a.kind.is_stream() {
        return Prediction::err("EINVAL", vec![&MULTICAST_IF]);
    }
    match crate::address::in_addr_of(v.value()).map(|ip| ip.octets()) {
        Some([0, 0, 0, 0]) => Prediction::ok(any(), vec![&MULTICAST_IF]),
        Some([127, ..]) => Prediction::ok(
            RelativeValue::Int(crate::address::in_addr_read(v)),
            vec![&MULTICAST_IF],
        ),
        _ => Prediction::err("EADDRNOTAVAIL", vec![&MULTICAST_IF]),
    }
}
