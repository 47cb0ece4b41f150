//! Multicast memberships (IP_ADD/DROP_MEMBERSHIP, IPV6_JOIN/LEAVE_GROUP):
//! a change per fresh socket with nothing to read back.

use super::shared::{src, Ctx};
use crate::address::{done, in6_addr_of, in_addr_of};
use crate::case::Request;
use crate::option::{IpOpt, Ipv6Opt};
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const READ: Rule = Rule {
        id: "freebsd.membership.read",
        formula: "get => ENOPROTOOPT (TCP too)",
        why: "a read of a membership name never reaches the multicast code: ip_ctloutput / ip6_ctloutput hand only the multicast interface, TTL, loop and filter names to inp_getmoptions / ip6_getmoptions, so even a TCP socket gets ENOPROTOOPT, not the EOPNOTSUPP a TCP read of IP_MULTICAST_TTL gets",
        source: src!(F13, "sys/netinet/ip_output.c ip_ctloutput SOPT_GET 'case IP_MULTICAST_IF: ... case IP_MSFILTER: error = inp_getmoptions(inp, sopt)', 'default: error = ENOPROTOOPT'; sys/netinet6/ip6_output.c ip6_ctloutput SOPT_GET 'default: error = ENOPROTOOPT'; the same at main (mirror fel1x-developer/freebsd-src@2d614aa2)"),
    };
    pub const STREAM: Rule = Rule {
        id: "freebsd.membership.stream",
        formula: "tcp set => EOPNOTSUPP",
        why: "inp_setmoptions and ip6_setmoptions refuse any socket that is neither SOCK_DGRAM nor SOCK_RAW",
        source: src!(F13, "sys/netinet/in_mcast.c inp_setmoptions, sys/netinet6/in6_mcast.c ip6_setmoptions 'if (... (pr_type != SOCK_RAW && pr_type != SOCK_DGRAM)) return (EOPNOTSUPP)'"),
    };
    pub const JOIN: Rule = Rule {
        id: "freebsd.membership.join",
        formula: "group not multicast => EINVAL; interface address not held exactly by a multicast interface => EADDRNOTAVAIL; else ok",
        why: "inp_join_group checks the group first, then finds the interface by the address it holds exactly (INADDR_TO_IFP: 127.0.0.2 and 192.0.2.1 find none, where Linux's local table takes 127.0.0.2 as lo); lo0 has IFF_MULTICAST",
        source: src!(F13, "sys/netinet/in_mcast.c inp_join_group 'if (!IN_MULTICAST(ntohl(gsa->sin.sin_addr.s_addr))) return (EINVAL)', inp_lookup_mcast_ifp / 'INADDR_TO_IFP(ina, ifp)', 'if (ifp == NULL || (ifp->if_flags & IFF_MULTICAST) == 0) ... return (EADDRNOTAVAIL)'; sys/net/if_loop.c 'IFF_LOOPBACK | IFF_MULTICAST'; unchanged at main (mirror fel1x-developer/freebsd-src@2d614aa2)"),
    };
    pub const LEAVE: Rule = Rule {
        id: "freebsd.membership.leave",
        formula: "group not multicast => EINVAL; not a member => EADDRNOTAVAIL",
        why: "inp_leave_group checks the group, then looks for the membership, which a new socket does not have (an interface address that finds no interface matches any interface, and still nothing)",
        source: src!(F13, "sys/netinet/in_mcast.c inp_leave_group 'if (!IN_MULTICAST(ntohl(gsa->sin.sin_addr.s_addr))) return (EINVAL)', 'imf = imo_match_group(imo, ifp, &gsa->sa); if (imf == NULL) { error = EADDRNOTAVAIL;'"),
    };
    pub const JOIN_SOURCE: Rule = Rule {
        id: "freebsd.membership.join_source",
        formula: "group not multicast => EINVAL; interface address not held exactly => EADDRNOTAVAIL; else ok, whatever the source (0.0.0.0 too)",
        why: "IP_ADD_SOURCE_MEMBERSHIP takes inp_join_group's path: the group, then the interface by its exact address; the source is only compared with existing ones, and a new socket has none, so even 0.0.0.0 is accepted. The struct is {group, source, interface}, Linux's is {group, interface, source}",
        source: src!(F13, "sys/netinet/in.h struct ip_mreq_source '{ imr_multiaddr; imr_sourceaddr; imr_interface; }'; sys/netinet/in_mcast.c inp_join_group case IP_ADD_SOURCE_MEMBERSHIP 'ssa->sin.sin_addr = mreqs.imr_sourceaddr', 'if (!IN_MULTICAST(...)) return (EINVAL)', 'if (ifp == NULL || ...) return (EADDRNOTAVAIL)', imf_graft (no check of the source); the same order at main (mirror fel1x-developer/freebsd-src@2d614aa2)"),
    };
    pub const LEAVE_SOURCE: Rule = Rule {
        id: "freebsd.membership.leave_source",
        formula: "group not multicast => EINVAL; not a member => EADDRNOTAVAIL",
        why: "IP_DROP_SOURCE_MEMBERSHIP takes inp_leave_group's path: an interface address that finds nothing is no error, the group is checked, then the membership looked for, which a new socket does not have",
        source: src!(F13, "sys/netinet/in_mcast.c inp_leave_group case IP_DROP_SOURCE_MEMBERSHIP, 'if (!IN_MULTICAST(...)) return (EINVAL)', 'imf = imo_match_group(imo, ifp, &gsa->sa); if (imf == NULL) { error = EADDRNOTAVAIL;'"),
    };
    pub const BY_INDEX: Rule = Rule {
        id: "freebsd.membership.by_index",
        formula: "ip_mreqn with an index: join: group not multicast => EINVAL; no interface of that index (taken as a u_short) => EADDRNOTAVAIL; else ok; leave: the index is not read (group not multicast => EINVAL; not a member => EADDRNOTAVAIL)",
        why: "inp_join_group reads a request of exactly an ip_mreqn's size whole and, with a non-zero imr_ifindex, takes the interface by index (ifnet_byindex takes a u_short: 1000000 is 16960, past any modelled host's if_index); inp_leave_group copies only an ip_mreq's 8 bytes, so the index is dropped, the interface 0.0.0.0 finds none, and the leave looks for a membership a new socket does not have. lo0's index is not fixed on FreeBSD (the NICs attach first), so it is a host fact, lo0.index (if_nametoindex on a FreeBSD host, SIOCGIFINDEX through F-Stack): where it is known the join on lo is asked too, else only an index no host has",
        source: src!(F13, "sys/netinet/in_mcast.c inp_join_group case IP_ADD_MEMBERSHIP 'if (sopt->sopt_valsize == sizeof(struct ip_mreqn)) error = sooptcopyin(sopt, &mreqn, sizeof(struct ip_mreqn), ...)', 'if (sopt->sopt_valsize == sizeof(struct ip_mreqn) && mreqn.imr_ifindex != 0) ifp = ifnet_byindex_ref(mreqn.imr_ifindex)', 'if (ifp == NULL || ...) return (EADDRNOTAVAIL)'; inp_leave_group case IP_DROP_MEMBERSHIP 'sooptcopyin(sopt, &mreqs, sizeof(struct ip_mreq), sizeof(struct ip_mreq))'; sys/net/if.c ifnet_byindex(u_short idx) 'if (__predict_false(idx > V_if_index)) return (NULL)' (F-Stack's FreeBSD 13)"),
    };
    pub const JOIN6: Rule = Rule {
        id: "freebsd.membership.join6",
        formula: "index past if_index => EADDRNOTAVAIL; group not multicast => EINVAL; else ok",
        why: "in6p_join_group checks the interface index first, then the group; the link-local group's zone is the interface's index, filled in by the kernel (no scope id from the caller). lo0's index is not fixed on FreeBSD (the NICs attach first), so it is a host fact, lo0.index: where it is known the join on lo is asked, never a fixed index that could be a real interface",
        source: src!(F13, "sys/netinet6/in6_mcast.c in6p_join_group 'if (V_if_index < mreq.ipv6mr_interface) return (EADDRNOTAVAIL)', 'if (!IN6_IS_ADDR_MULTICAST(&gsa->sin6.sin6_addr)) return (EINVAL)', '(void)in6_setscope(&gsa->sin6.sin6_addr, ifp, NULL)'; main: 'ifp = ifnet_byindex(mreq.ipv6mr_interface); if (ifp == NULL) return (EADDRNOTAVAIL)' (mirror fel1x-developer/freebsd-src@2d614aa2)"),
    };
    pub const LEAVE6: Rule = Rule {
        id: "freebsd.membership.leave6",
        formula: "group not multicast => EINVAL; index past if_index or not a member => EADDRNOTAVAIL",
        why: "in6p_leave_group checks the group first, then the index, then looks for the membership, which a new socket does not have",
        source: src!(F13, "sys/netinet6/in6_mcast.c in6p_leave_group 'if (!IN6_IS_ADDR_MULTICAST(...)) return (EINVAL)', 'if (V_if_index < ifindex) return (EADDRNOTAVAIL)', 'imf = im6o_match_group(...); if (imf == NULL) { error = EADDRNOTAVAIL;'"),
    };
}

/// The group and interface an `ip_mreq`, `ip_mreq_source` or `ipv6_mreq`
/// set asks for, as numbers; None for a read.
fn group(request: &Request) -> Option<(i128, i128)> {
    crate::platform::kit::membership(request).map(|(group, on)| (group.value(), on.value()))
}

pub fn v4(ctx: &Ctx<'_>, o: IpOpt, request: &Request) -> Prediction {
    if let Some((group, index)) = crate::platform::kit::group_by_index(request) {
        return by_index(ctx, o, group.value(), index.value());
    }
    let Some((group, on)) = group(request) else {
        return Prediction::err("ENOPROTOOPT", vec![&READ]);
    };
    if ctx.kind.is_tcp() {
        return Prediction::err("EOPNOTSUPP", vec![&STREAM]);
    }
    let join = matches!(o, IpOpt::AddMembership | IpOpt::AddSourceMembership);
    let rule = match o {
        IpOpt::AddSourceMembership => &JOIN_SOURCE,
        IpOpt::DropSourceMembership => &LEAVE_SOURCE,
        _ if join => &JOIN,
        _ => &LEAVE,
    };
    if !in_addr_of(group).is_some_and(|g| g.is_multicast()) {
        return Prediction::err("EINVAL", vec![rule]);
    }
    // lo0 holds 127.0.0.1 and no other IPv4 address.
    let on_lo0 = in_addr_of(on).is_some_and(|i| i == std::net::Ipv4Addr::LOCALHOST);
    if join && on_lo0 {
        Prediction::ok(done(), vec![rule])
    } else {
        Prediction::err("EADDRNOTAVAIL", vec![rule])
    }
}

/// IP_ADD/DROP_MEMBERSHIP with an `ip_mreqn` naming the interface by index.
fn by_index(ctx: &Ctx<'_>, o: IpOpt, group: i128, index: i128) -> Prediction {
    if ctx.kind.is_tcp() {
        return Prediction::err("EOPNOTSUPP", vec![&STREAM]);
    }
    if !in_addr_of(group).is_some_and(|g| g.is_multicast()) {
        return Prediction::err("EINVAL", vec![&BY_INDEX]);
    }
    // No modelled host has a million interfaces (nor 16960, a million as
    // a u_short).
    let known = index < 1_000_000;
    match o {
        IpOpt::AddMembership if known => Prediction::ok(done(), vec![&BY_INDEX]),
        _ => Prediction::err("EADDRNOTAVAIL", vec![&BY_INDEX]),
    }
}

pub fn v6(ctx: &Ctx<'_>, o: Ipv6Opt, request: &Request) -> Prediction {
    let Some((group, on)) = group(request) else {
        return Prediction::err("ENOPROTOOPT", vec![&READ]);
    };
    if ctx.kind.is_tcp() {
        return Prediction::err("EOPNOTSUPP", vec![&STREAM]);
    }
    let multicast = in6_addr_of(group).is_multicast();
    // No modelled host has a million interfaces (lo0's index is below).
    let known = on < 1_000_000;
    match o {
        Ipv6Opt::AddMembership if !known => Prediction::err("EADDRNOTAVAIL", vec![&JOIN6]),
        Ipv6Opt::AddMembership if !multicast => Prediction::err("EINVAL", vec![&JOIN6]),
        Ipv6Opt::AddMembership => Prediction::ok(done(), vec![&JOIN6]),
        _ if !multicast => Prediction::err("EINVAL", vec![&LEAVE6]),
        _ => Prediction::err("EADDRNOTAVAIL", vec![&LEAVE6]),
    }
}
