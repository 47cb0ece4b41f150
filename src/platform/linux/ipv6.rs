//! IPPROTO_IPV6 options on IPv6 sockets (net/ipv6/ipv6_sockglue.c
//! do_ipv6_setsockopt / do_ipv6_getsockopt unless noted).

use super::shared::{fact, flag, int, Args};
use crate::kind::State;
use crate::option::Ipv6Opt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

/// The loopback device's index in every network namespace
/// (include/net/flow.h LOOPBACK_IFINDEX).
const LOOPBACK_IFINDEX: i128 = 1;

const IPV6_C: &str = "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt / do_ipv6_getsockopt";

crate::rules! {
    pub const PLAIN_FLAGS6: Rule = Rule {
        id: "linux.ipv6.plain_flag",
        formula: "v != 0; default 0",
        why: "IPV6_RECVERR, IPV6_RECVORIGDSTADDR, IPV6_RECVRTHDR, IPV6_RECVHOPOPTS, IPV6_RECVDSTOPTS, IPV6_RECVPATHMTU, IPV6_DONTFRAG, IPV6_RECVFRAGSIZE, IPV6_FLOWINFO and RFC 2292's IPV6_2292HOPOPTS are bits of the IPv6 socket set from valbool (any non-zero int), on TCP and UDP alike and without privilege; a new socket has them clear",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt cases IPV6_RECVERR / IPV6_DONTFRAG 'inet6_assign_bit(..., sk, valbool)', IPV6_RECVORIGDSTADDR / IPV6_RECVRTHDR / IPV6_RECVHOPOPTS / IPV6_RECVDSTOPTS / IPV6_RECVPATHMTU / IPV6_RECVFRAGSIZE / IPV6_FLOWINFO / IPV6_2292HOPOPTS 'np->rxopt.bits.* = valbool' (ohopopts for the last); do_ipv6_getsockopt the same cases (read at Debian 6.12.118; IPV6_2292HOPOPTS at 6.18.24)",
    };
    pub const AUTOFLOWLABEL: Rule = Rule {
        id: "linux.ipv6.autoflowlabel",
        formula: "v != 0; default net.ipv6.auto_flowlabels in {1, 3}",
        why: "until set, IPV6_AUTOFLOWLABEL reads the namespace's policy: on for opt-out (1, the default) and forced (3), off for 0 and opt-in (2); a set is a plain flag",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_AUTOFLOWLABEL 'inet6_assign_bit(AUTOFLOWLABEL, sk, valbool); inet6_set_bit(AUTOFLOWLABEL_SET, sk)', do_ipv6_getsockopt 'val = ip6_autoflowlabel(sock_net(sk), sk)'; include/net/ipv6.h ip6_default_np_autolabel, IP6_DEFAULT_AUTO_FLOW_LABELS = IP6_AUTO_FLOW_LABEL_OPTOUT (read at Debian 6.12.118)",
    };
    pub const MINHOPCOUNT: Rule = Rule {
        id: "linux.ipv6.minhopcount",
        formula: "0 <= v <= 255 else EINVAL; default 0",
        why: "IPV6_MINHOPCOUNT drops received packets with a smaller hop limit (RFC 5082); 0 is off",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_MINHOPCOUNT 'if (val < 0 || val > 255) return -EINVAL' (read at Debian 6.12.118)",
    };
    pub const TRANSPARENT6: Rule = Rule {
        id: "linux.ipv6.transparent",
        formula: "v != 0 without CAP_NET_RAW/CAP_NET_ADMIN => EPERM; else v != 0 (IP_TRANSPARENT's bit); default 0",
        why: "IPV6_TRANSPARENT has no bit of its own: it sets the IPv4 TRANSPARENT bit, and turning it on needs CAP_NET_RAW or CAP_NET_ADMIN (turning it off does not)",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_TRANSPARENT 'if (valbool && !sockopt_ns_capable(net->user_ns, CAP_NET_RAW) && !sockopt_ns_capable(net->user_ns, CAP_NET_ADMIN)) { retv = -EPERM; ...} /* we don't have a separate transparent bit for IPV6 ... */ inet_assign_bit(TRANSPARENT, sk, valbool)' (read at Debian 6.12.118)",
    };
    pub const HDRINCL6: Rule = Rule {
        id: "linux.ipv6.hdrincl",
        formula: "raw: v != 0, default 1 (IPPROTO_RAW); non-raw: ENOPROTOOPT (set and get)",
        why: "IPV6_HDRINCL is answered by the raw IPv6 code only (rawv6_setsockopt); on TCP and UDP sockets ipv6_setsockopt / ipv6_getsockopt have no such option",
        source: "net/ipv6/raw.c rawv6_setsockopt 'case SOL_IPV6: if (optname == IPV6_CHECKSUM || optname == IPV6_HDRINCL) break;', do_rawv6_setsockopt case IPV6_HDRINCL 'inet_assign_bit(HDRINCL, sk, val)', do_rawv6_getsockopt; net/ipv6/af_inet6.c inet6_create 'if (IPPROTO_RAW == protocol) inet_set_bit(HDRINCL, sk)'; net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt 'int retv = -ENOPROTOOPT' (no case) (read at Debian 6.12.118)",
    };
    pub const MCAST_IF: Rule = Rule {
        id: "linux.ipv6.multicast_if",
        formula: "stream => ENOPROTOOPT; 0 or an existing ifindex (lo is 1) => v; else ENODEV; default 0",
        why: "IPV6_MULTICAST_IF picks the interface multicast leaves by; a TCP socket refuses a set (a read still gives 0), and an index no device has is ENODEV (-1 and 1000000 here)",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_MULTICAST_IF 'if (sk->sk_type == SOCK_STREAM) return -ENOPROTOOPT; ... dev = dev_get_by_index_rcu(net, val); if (!dev) { ... return -ENODEV; }', do_ipv6_getsockopt 'val = READ_ONCE(np->mcast_oif)'; include/net/flow.h LOOPBACK_IFINDEX 1 (read at Debian 6.12.118)",
    };
    pub const PMTUDISC6: Rule = Rule {
        id: "linux.ipv6.mtu_discover",
        formula: "IPV6_PMTUDISC_DONT (0) <= v <= IPV6_PMTUDISC_OMIT (5) else EINVAL; default 1",
        why: "IPV6_MTU_DISCOVER is one of six path-MTU modes; a new IPv6 socket always starts at IPV6_PMTUDISC_WANT (no sysctl, unlike IPv4)",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_MTU_DISCOVER 'if (val < IPV6_PMTUDISC_DONT || val > IPV6_PMTUDISC_OMIT) return -EINVAL'; net/ipv6/af_inet6.c inet6_create 'np->pmtudisc = IPV6_PMTUDISC_WANT' (read at Debian 6.12.118)",
    };
    pub const RECV_ANCILLARY: Rule = Rule {
        id: "linux.ipv6.recv_ancillary_flag",
        formula: "v != 0; default 0",
        why: "IPV6_RECVHOPLIMIT and IPV6_RECVPKTINFO are bits of np->rxopt set from valbool (any non-zero int), asking for the hop limit / the destination and interface with each datagram; a new socket has them off",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_RECVHOPLIMIT 'np->rxopt.bits.rxhlim = valbool', case IPV6_RECVPKTINFO 'np->rxopt.bits.rxinfo = valbool'; do_ipv6_getsockopt",
    };
    pub const FREEBIND6: Rule = Rule {
        id: "linux.ipv6.freebind_shares_ip_freebind",
        formula: "v != 0; default 0; the same bit as IP_FREEBIND",
        why: "IPV6_FREEBIND is a plain flag with no bit of its own: it sets and reads the socket's IPv4 FREEBIND bit, so IP_FREEBIND reads back what IPV6_FREEBIND set (and the other way round)",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_FREEBIND ('we also don't have a separate freebind bit for IPV6', inet_assign_bit(FREEBIND, sk, valbool)), do_ipv6_getsockopt 'val = inet_test_bit(FREEBIND, sk)'",
    };
    pub const MULTICAST_ALL6: Rule = Rule {
        id: "linux.ipv6.multicast_all",
        formula: "v != 0; default 1",
        why: "IPV6_MULTICAST_ALL is a plain flag (any non-zero int turns it on, unlike IP_MULTICAST_ALL's 0-or-1), on for a new IPv6 socket",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_MULTICAST_ALL (valbool); net/ipv6/af_inet6.c inet6_create (MC6_ALL set)",
    };
    pub const V6ONLY_DEFAULT: Rule = Rule {
        id: "linux.ipv6.v6only_default",
        formula: "net.ipv6.bindv6only",
        why: "a new (or autobound) IPv6 socket takes IPV6_V6ONLY from net.ipv6.bindv6only",
        source: "net/ipv6/af_inet6.c inet6_create",
    };
    pub const MTU6: Rule = Rule {
        id: "linux.ipv6.mtu",
        formula: "set: 0 or >= 1280 => ok (the fragment size), else EINVAL; read: connected => the route's MTU (lo.mtu), else ENOTCONN, whatever was set",
        why: "IPV6_MTU sets np->frag_size (0 or at least IPV6_MIN_MTU) but reads the MTU of the socket's cached route, which only a connected socket has: a set of 1280 reads back loopback's 65536, and an unconnected socket reads ENOTCONN after any set",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_MTU 'if (val && val < IPV6_MIN_MTU) goto e_inval; WRITE_ONCE(np->frag_size, val)', do_ipv6_getsockopt case IPV6_MTU 'dst = __sk_dst_get(sk); if (dst) val = dst_mtu(dst); ... if (!val) return -ENOTCONN' (read at torvalds/linux master; measured on 6.18)",
    };
    pub const V6ONLY_PING: Rule = Rule {
        id: "linux.ipv6.v6only_ping",
        formula: "icmp6: default 1 in every state (not net.ipv6.bindv6only)",
        why: "ping_init_sock turns IPV6_V6ONLY on for every new ICMPv6 ping socket, after inet6_create copied bindv6only; a set is the usual flag (EINVAL once bound: the ident is its port)",
        source: "net/ipv4/ping.c ping_init_sock 'if (sk->sk_family == AF_INET6) sk->sk_ipv6only = 1;' (pingv6_prot .init = ping_init_sock, net/ipv6/ping.c)",
    };
    pub const V6ONLY_RAW: Rule = Rule {
        id: "linux.ipv6.v6only_raw",
        formula: "raw: set => EINVAL; reads net.ipv6.bindv6only in every state",
        why: "a raw socket has a local 'port' from birth (inet_num is its protocol), so IPV6_V6ONLY can never change; and rawv6_bind, unlike a TCP or UDP bind to ::1, leaves the flag as socket() set it",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_V6ONLY 'if (optlen < sizeof(int) || inet_sk(sk)->inet_num) goto e_inval'; net/ipv6/af_inet6.c inet6_create 'inet->inet_num = protocol' (SOCK_RAW), 'sk->sk_ipv6only = READ_ONCE(net->ipv6.sysctl.bindv6only)'; net/ipv6/raw.c rawv6_bind (read at Debian 6.12.118)",
    };
    pub const V6ONLY_BOUND: Rule = Rule {
        id: "linux.ipv6.v6only_after_bind",
        formula: "1",
        why: "binding to a specific IPv6 address that is not v4-mapped (here ::1) sets IPV6_V6ONLY",
        source: "net/ipv6/af_inet6.c __inet6_bind",
    };
    pub const V6ONLY_LOCKED: Rule = Rule {
        id: "linux.ipv6.v6only_locked",
        formula: "bound (or autobound by connect) => EINVAL",
        why: "IPV6_V6ONLY can only change before the socket has a local port",
        source: IPV6_C,
    };
    pub const HOPS_DEFAULT: Rule = Rule {
        id: "linux.ipv6.unicast_hops_default",
        formula: "-1 => net.ipv6.conf.all.hop_limit",
        why: "an unset hop limit (-1) reads the route's or the namespace's hop_limit (64 on loopback here)",
        source: IPV6_C,
    };
    pub const HOPS: Rule = Rule {
        id: "linux.ipv6.hops",
        formula: "-1 <= v <= 255, else EINVAL",
        why: "a hop limit is 0..255, or -1 for the default (0 is allowed, unlike IP_TTL)",
        source: IPV6_C,
    };
    pub const MCAST_HOPS_DEFAULT: Rule = Rule {
        id: "linux.ipv6.multicast_hops_default",
        formula: "-1 => 1",
        why: "an unset multicast hop limit reads IPV6_DEFAULT_MCASTHOPS (1)",
        source: IPV6_C,
    };
    pub const MCAST_HOPS_STREAM: Rule = Rule {
        id: "linux.ipv6.multicast_hops_stream",
        formula: "ENOPROTOOPT",
        why: "stream sockets do not take IPV6_MULTICAST_HOPS (the setter breaks out with ENOPROTOOPT)",
        source: IPV6_C,
    };
    pub const LOOP_DEFAULT: Rule = Rule {
        id: "linux.ipv6.multicast_loop_default",
        formula: "1",
        why: "multicast loops back to the host by default",
        source: "net/ipv6/af_inet6.c inet6_create",
    };
    pub const STRICT_BOOL: Rule = Rule {
        id: "linux.ipv6.strict_bool",
        formula: "v in {0, 1} else EINVAL",
        why: "IPV6_MULTICAST_LOOP takes only 0 or 1 (`val != valbool` is refused)",
        source: IPV6_C,
    };
    pub const TCLASS_DEFAULT: Rule = Rule {
        id: "linux.ipv6.tclass_default",
        formula: "0",
        why: "a new socket has traffic class 0",
        source: IPV6_C,
    };
    pub const TCLASS: Rule = Rule {
        id: "linux.ipv6.tclass",
        formula: "-1 => 0; 0 <= v <= 255; else EINVAL",
        why: "a traffic class is 0..255, -1 meaning the default 0 (RFC 3542)",
        source: IPV6_C,
    };
    pub const TCLASS_STREAM_ECN: Rule = Rule {
        id: "linux.ipv6.tclass_keeps_ecn",
        formula: "v & ~3 | old & 3",
        why: "on a stream socket the two ECN bits belong to TCP: the request's are dropped and the old ones (0 here) kept",
        source: IPV6_C,
    };
    pub const FLAG_DEFAULT: Rule = Rule {
        id: "linux.ipv6.default_off",
        formula: "0",
        why: "a new socket has this flag clear",
        source: IPV6_C,
    };
}

pub fn predict(a: &Args<Ipv6Opt>) -> Prediction {
    let request = a.request;
    let h = a.facts;
    match a.opt {
        Ipv6Opt::V6only => v6only(a),
        Ipv6Opt::AddMembership | Ipv6Opt::DropMembership => super::membership::v6(a),
        Ipv6Opt::UnicastHops => match int(request).map(|v| v.value()) {
            None => Prediction::ok(fact("hop_limit", h.ipv6_hop_limit), vec![&HOPS_DEFAULT]),
            Some(-1) => Prediction::ok(fact("hop_limit", h.ipv6_hop_limit), vec![&HOPS, &HOPS_DEFAULT]),
            Some(v) if (0..=255).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&HOPS]),
            Some(_) => Prediction::err("EINVAL", vec![&HOPS]),
        },
        Ipv6Opt::MulticastHops => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(1), vec![&MCAST_HOPS_DEFAULT]),
            Some(_) if a.kind.is_stream() => Prediction::err("ENOPROTOOPT", vec![&MCAST_HOPS_STREAM]),
            Some(-1) => Prediction::ok(RelativeValue::int(1), vec![&HOPS, &MCAST_HOPS_DEFAULT]),
            Some(v) if (0..=255).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&HOPS]),
            Some(_) => Prediction::err("EINVAL", vec![&HOPS]),
        },
        Ipv6Opt::MulticastLoop => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(1), vec![&LOOP_DEFAULT]),
            Some(v @ (0 | 1)) => Prediction::ok(RelativeValue::int(v), vec![&STRICT_BOOL]),
            Some(_) => Prediction::err("EINVAL", vec![&STRICT_BOOL]),
        },
        Ipv6Opt::Tclass => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&TCLASS_DEFAULT]),
            Some(v) if !(-1..=255).contains(&v) => Prediction::err("EINVAL", vec![&TCLASS]),
            Some(v) => {
                let v = v.max(0);
                if a.kind.is_stream() {
                    Prediction::ok(RelativeValue::int(v & !3), vec![&TCLASS_STREAM_ECN])
                } else {
                    Prediction::ok(RelativeValue::int(v), vec![&TCLASS])
                }
            }
        },
        Ipv6Opt::Recvtclass => flag(request, 0, &FLAG_DEFAULT),
        Ipv6Opt::MulticastAll => flag(request, 1, &MULTICAST_ALL6),
        Ipv6Opt::Recvhoplimit | Ipv6Opt::Recvpktinfo => flag(request, 0, &RECV_ANCILLARY),
        Ipv6Opt::Freebind => flag(request, 0, &FREEBIND6),
        // A BSD name Linux's headers lack (the gate answers it).
        Ipv6Opt::UseMinMtu | Ipv6Opt::BoundIf => crate::platform::gated(),
        Ipv6Opt::Transparent => match int(request) {
            Some(v) if v.value() != 0 && !a.facts.cap_net_raw_or_admin => {
                Prediction::err("EPERM", vec![&TRANSPARENT6])
            }
            _ => flag(request, 0, &TRANSPARENT6),
        },
        Ipv6Opt::OriginalDst => super::conntrack::predict(true, a.kind, a.state, a.request, a.facts),
        Ipv6Opt::Hdrincl => match int(request) {
            Some(_) if a.kind.is_raw() => flag(request, 1, &HDRINCL6),
            _ if a.kind.is_raw() => Prediction::ok(RelativeValue::int(1), vec![&HDRINCL6]),
            _ => Prediction::err("ENOPROTOOPT", vec![&HDRINCL6]),
        },
        Ipv6Opt::Mtu => match int(request).map(|v| v.value()) {
            Some(v) if v != 0 && v < 1280 => Prediction::err("EINVAL", vec![&MTU6]),
            _ if a.state == State::Connected => {
                Prediction::ok(fact("lo.mtu", a.facts.loopback_mtu), vec![&MTU6])
            }
            _ => Prediction::err("ENOTCONN", vec![&MTU6]),
        },
        Ipv6Opt::MulticastIf => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&MCAST_IF]),
            Some(_) if a.kind.is_stream() => Prediction::err("ENOPROTOOPT", vec![&MCAST_IF]),
            Some(v @ (0 | LOOPBACK_IFINDEX)) => Prediction::ok(RelativeValue::int(v), vec![&MCAST_IF]),
            Some(_) => Prediction::err("ENODEV", vec![&MCAST_IF]),
        },
        Ipv6Opt::Recverr
        | Ipv6Opt::Recvorigdstaddr
        | Ipv6Opt::Recvrthdr
        | Ipv6Opt::Recvhopopts
        | Ipv6Opt::Recvdstopts
        | Ipv6Opt::Recvpathmtu
        | Ipv6Opt::Dontfrag
        | Ipv6Opt::Recvfragsize
        | Ipv6Opt::Flowinfo
        | Ipv6Opt::Hopopts2292 => flag(request, 0, &PLAIN_FLAGS6),
        Ipv6Opt::Autoflowlabel => flag(
            request,
            i128::from(matches!(h.auto_flowlabels, 1 | 3)),
            &AUTOFLOWLABEL,
        ),
        Ipv6Opt::Minhopcount => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&MINHOPCOUNT]),
            Some(v) if (0..=255).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&MINHOPCOUNT]),
            Some(_) => Prediction::err("EINVAL", vec![&MINHOPCOUNT]),
        },
        Ipv6Opt::MtuDiscover => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(1), vec![&PMTUDISC6]),
            Some(v) if (0..=5).contains(&v) => Prediction::ok(RelativeValue::int(v), vec![&PMTUDISC6]),
            Some(_) => Prediction::err("EINVAL", vec![&PMTUDISC6]),
        },
    }
}

fn v6only(a: &Args<Ipv6Opt>) -> Prediction {
    let request = a.request;
    if a.kind.is_raw() {
        return match int(request) {
            Some(_) => Prediction::err("EINVAL", vec![&V6ONLY_RAW]),
            None => Prediction::ok(fact("bindv6only", a.facts.bindv6only), vec![&V6ONLY_RAW]),
        };
    }
    let has_port = a.state != State::Fresh;
    match int(request) {
        Some(_) if has_port => Prediction::err("EINVAL", vec![&V6ONLY_LOCKED]),
        Some(_) => flag(request, 0, &FLAG_DEFAULT),
        None if a.kind.is_icmp() => Prediction::ok(RelativeValue::int(1), vec![&V6ONLY_PING]),
        None if matches!(a.state, State::Bound | State::Listening) => {
            Prediction::ok(RelativeValue::int(1), vec![&V6ONLY_BOUND])
        }
        None => Prediction::ok(fact("bindv6only", a.facts.bindv6only), vec![&V6ONLY_DEFAULT]),
    }
}
