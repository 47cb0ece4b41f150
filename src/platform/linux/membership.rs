//! Multicast memberships (IP_ADD/DROP_MEMBERSHIP, IPV6_ADD/DROP_MEMBERSHIP):
//! a change per fresh socket with nothing to read back, so a set that works
//! reads `ok`; a read of the option's number is refused.

use super::shared::Args;
use crate::address::{done, in6_addr_of, in_addr_of};
use crate::option::{IpOpt, Ipv6Opt};
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const READ: Rule = Rule {
        id: "linux.membership.read",
        formula: "get => ENOPROTOOPT",
        why: "a membership is a change, not a value: do_ip_getsockopt and do_ipv6_getsockopt have no case for these names (nor has netfilter's getsockopt they fall back to)",
        source: "net/ipv4/ip_sockglue.c do_ip_getsockopt 'default: ... return -ENOPROTOOPT', ip_getsockopt (nf_getsockopt on -ENOPROTOOPT); net/ipv6/ipv6_sockglue.c do_ipv6_getsockopt 'default: return -ENOPROTOOPT' (read at Debian 6.12.118)",
    };
    pub const CONNECTION: Rule = Rule {
        id: "linux.membership.tcp",
        formula: "tcp => EPROTO",
        why: "a connection-oriented socket (TCP, on AF_INET6 too) cannot be a group member: the set is refused with EPROTO before the request is read",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_ADD_MEMBERSHIP / IP_DROP_MEMBERSHIP 'err = -EPROTO; if (inet_test_bit(IS_ICSK, sk)) break'; net/ipv6/ipv6_sockglue.c do_ipv6_setsockopt case IPV6_ADD_MEMBERSHIP 'retv = -EPROTO; if (inet_test_bit(IS_ICSK, sk)) break' (read at Debian 6.12.118)",
    };
    pub const JOIN: Rule = Rule {
        id: "linux.membership.join",
        formula: "group not multicast => EINVAL; no device for the interface address => ENODEV; else ok",
        why: "ip_mc_join_group checks the group, then finds the device by the interface's address through __ip_dev_find, whose local-table fallback takes any 127/8 address as lo (127.0.0.2 too); an address no device holds (192.0.2.1) is ENODEV; a new socket is in no group yet, so the join is not EADDRINUSE",
        source: "net/ipv4/igmp.c __ip_mc_join_group 'if (!ipv4_is_multicast(addr)) return -EINVAL; in_dev = ip_mc_find_dev(net, imr); if (!in_dev) { err = -ENODEV; ...}', ip_mc_find_dev 'dev = __ip_dev_find(net, imr->imr_address.s_addr, false); if (!dev) return NULL'; net/ipv4/devinet.c __ip_dev_find (FIB local table fallback) (read at Debian 6.12.118)",
    };
    pub const JOIN_BY_INDEX: Rule = Rule {
        id: "linux.membership.join_by_index",
        formula: "ip_mreqn with an index: group not multicast => EINVAL; no device of that index => ENODEV; else ok",
        why: "a request of an ip_mreqn's size is read whole, and a non-zero imr_ifindex picks the device by index alone (the address is not looked at): 1 is lo in every namespace, 1000000 no device",
        source: "net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_ADD_MEMBERSHIP 'if (optlen >= sizeof(struct ip_mreqn)) { if (copy_from_sockptr(&mreq, optval, sizeof(mreq)))'; net/ipv4/igmp.c __ip_mc_join_group (the multicast check first), ip_mc_find_dev 'if (imr->imr_ifindex) { idev = inetdev_by_index(net, imr->imr_ifindex); return idev; }' (read at ColtPlus/linux-6.18.y 57218520)",
    };
    pub const LEAVE: Rule = Rule {
        id: "linux.membership.leave",
        formula: "not a member => EADDRNOTAVAIL",
        why: "ip_mc_leave_group looks the group up in the socket's list, which is empty on a new socket; it checks neither that the group is multicast nor, with an interface address given, that a device holds it",
        source: "net/ipv4/igmp.c ip_mc_leave_group 'int ret = -EADDRNOTAVAIL; ... if (!imr->imr_ifindex && !imr->imr_address.s_addr && !in_dev) { ret = -ENODEV; ...} for (imlp = &inet->mc_list; ...)' (read at Debian 6.12.118)",
    };
    pub const JOIN_SOURCE: Rule = Rule {
        id: "linux.membership.join_source",
        formula: "group not multicast => EINVAL; no device for the interface address => ENODEV; else ok (TCP too; the source is not checked)",
        why: "IP_ADD_SOURCE_MEMBERSHIP joins the group in include mode (the checks of IP_ADD_MEMBERSHIP: 127.0.0.2 finds lo through the local table), then adds the source, which is never looked at; unlike IP_ADD_MEMBERSHIP it has no EPROTO check, so a TCP socket joins too. Linux's struct is {group, interface, source}; the BSDs' and Windows' {group, source, interface}",
        source: "include/uapi/linux/in.h struct ip_mreq_source '{ imr_multiaddr; imr_interface; imr_sourceaddr; }'; net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_ADD_SOURCE_MEMBERSHIP 'if (optlen != sizeof(struct ip_mreq_source)) goto e_inval; ... err = ip_mc_join_group_ssm(sk, &mreq, MCAST_INCLUDE); if (err && err != -EADDRINUSE) break; ... err = ip_mc_source(add, omode, sk, &mreqs, 0)' (no IS_ICSK check); net/ipv4/igmp.c __ip_mc_join_group, ip_mc_source (6.18.24; measured here, 6.18.44)",
    };
    pub const LEAVE_SOURCE: Rule = Rule {
        id: "linux.membership.leave_source",
        formula: "group not multicast => EINVAL; no device for the interface address => ENODEV; not joined => EINVAL",
        why: "IP_DROP_SOURCE_MEMBERSHIP goes to ip_mc_source, which checks the group and the device, then wants a prior join: a new socket has none, EINVAL (where IP_DROP_MEMBERSHIP says EADDRNOTAVAIL)",
        source: "net/ipv4/igmp.c ip_mc_source 'if (!ipv4_is_multicast(addr)) return -EINVAL; ... in_dev = ip_mc_find_dev(net, &imr); if (!in_dev) { err = -ENODEV; ...} ... if (!pmc) { /* must have a prior join */ err = -EINVAL;' (6.18.24)",
    };
    pub const JOIN6: Rule = Rule {
        id: "linux.membership.join6",
        formula: "group not multicast => EINVAL; no interface of that index => ENODEV; else ok",
        why: "ipv6_sock_mc_join checks the group, then the index (1 is lo in every namespace); a new socket is in no group yet",
        source: "net/ipv6/mcast.c __ipv6_sock_mc_join 'if (!ipv6_addr_is_multicast(addr)) return -EINVAL; ... dev = __dev_get_by_index(net, ifindex); if (!dev) { ... return -ENODEV; }' (read at Debian 6.12.118)",
    };
    pub const LEAVE6: Rule = Rule {
        id: "linux.membership.leave6",
        formula: "group not multicast => EINVAL; not a member => EADDRNOTAVAIL",
        why: "ipv6_sock_mc_drop checks the group is multicast, then looks it up in the socket's list, empty on a new socket",
        source: "net/ipv6/mcast.c ipv6_sock_mc_drop 'if (!ipv6_addr_is_multicast(addr)) return -EINVAL; ... return -EADDRNOTAVAIL;' (read at Debian 6.12.118)",
    };
}

/// The loopback device's index in every network namespace.
const LOOPBACK_IFINDEX: i128 = 1;

pub fn v4(a: &Args<IpOpt>) -> Prediction {
    if let Some((group, _, on)) = a.source_group() {
        return source(a.opt, group, on);
    }
    let by_index = a.group_by_index();
    let Some((group, on)) = a.group().or(by_index) else {
        return Prediction::err("ENOPROTOOPT", vec![&READ]);
    };
    if a.kind.is_stream() {
        return Prediction::err("EPROTO", vec![&CONNECTION]);
    }
    if a.opt == IpOpt::DropMembership {
        return Prediction::err("EADDRNOTAVAIL", vec![&LEAVE]);
    }
    if by_index.is_some() {
        return match in_addr_of(group.value()).is_some_and(|g| g.is_multicast()) {
            false => Prediction::err("EINVAL", vec![&JOIN_BY_INDEX]),
            true if on.value() != LOOPBACK_IFINDEX => Prediction::err("ENODEV", vec![&JOIN_BY_INDEX]),
            true => Prediction::ok(done(), vec![&JOIN_BY_INDEX]),
        };
    }
    let (Some(group), Some(on)) = (in_addr_of(group.value()), in_addr_of(on.value())) else {
        return Prediction::err("EINVAL", vec![&JOIN]);
    };
    if !group.is_multicast() {
        Prediction::err("EINVAL", vec![&JOIN])
    } else if on.octets()[0] != 127 {
        Prediction::err("ENODEV", vec![&JOIN])
    } else {
        Prediction::ok(done(), vec![&JOIN])
    }
}

/// IP_ADD/DROP_SOURCE_MEMBERSHIP: no socket-type check; the source is
/// never looked at.
fn source(o: IpOpt, group: crate::expr::Expr, on: crate::expr::Expr) -> Prediction {
    let rule = if o == IpOpt::AddSourceMembership {
        &JOIN_SOURCE
    } else {
        &LEAVE_SOURCE
    };
    let (Some(group), Some(on)) = (in_addr_of(group.value()), in_addr_of(on.value())) else {
        return Prediction::err("EINVAL", vec![rule]);
    };
    if !group.is_multicast() {
        Prediction::err("EINVAL", vec![rule])
    } else if on.octets()[0] != 127 {
        Prediction::err("ENODEV", vec![rule])
    } else if o == IpOpt::AddSourceMembership {
        Prediction::ok(done(), vec![rule])
    } else {
        Prediction::err("EINVAL", vec![rule])
    }
}

pub fn v6(a: &Args<Ipv6Opt>) -> Prediction {
    let Some((group, on)) = a.group() else {
        return Prediction::err("ENOPROTOOPT", vec![&READ]);
    };
    if a.kind.is_stream() {
        return Prediction::err("EPROTO", vec![&CONNECTION]);
    }
    let multicast = in6_addr_of(group.value()).is_multicast();
    match a.opt {
        _ if !multicast => {
            let rule = if a.opt == Ipv6Opt::AddMembership {
                &JOIN6
            } else {
                &LEAVE6
            };
            Prediction::err("EINVAL", vec![rule])
        }
        Ipv6Opt::AddMembership if on.value() != LOOPBACK_IFINDEX => Prediction::err("ENODEV", vec![&JOIN6]),
        Ipv6Opt::AddMembership => Prediction::ok(done(), vec![&JOIN6]),
        _ => Prediction::err("EADDRNOTAVAIL", vec![&LEAVE6]),
    }
}
