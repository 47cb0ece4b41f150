//! Multicast memberships (IP_ADD/DROP_MEMBERSHIP, IPV6_JOIN/LEAVE_GROUP):
//! a change per fresh socket with nothing to read back.

use super::route::{err, Ctx};
use crate::address::{done, in6_addr_of, in_addr_of};
use crate::option::{IpOpt, Ipv6Opt};
use crate::platform::kit::ok;
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const READ: Rule = Rule {
        id: "macos.membership.read",
        formula: "get => ENOPROTOOPT (TCP too)",
        why: "ip_ctloutput / ip6_ctloutput hand only the multicast interface, TTL, loop and filter names to inp_getmoptions / ip6_getmoptions; a membership name falls to their default, ENOPROTOOPT, before any socket-type check",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput SOPT_GET 'default: error = ENOPROTOOPT'; bsd/netinet6/ip6_output.c ip6_ctloutput SOPT_GET 'default: error = ENOPROTOOPT'",
    };
    pub const STREAM: Rule = Rule {
        id: "macos.membership.stream",
        formula: "tcp set => EOPNOTSUPP",
        why: "inp_setmoptions and ip6_setmoptions refuse any socket that is neither SOCK_DGRAM nor SOCK_RAW",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions, bsd/netinet6/in6_mcast.c ip6_setmoptions 'if (SOCK_TYPE(so) != SOCK_RAW && SOCK_TYPE(so) != SOCK_DGRAM) return EOPNOTSUPP'",
    };
    pub const JOIN: Rule = Rule {
        id: "macos.membership.join",
        formula: "group not multicast => EINVAL; interface not found (0.x.x.x an index, else an exact address) or not multicast-capable => EADDRNOTAVAIL; else ok",
        why: "inp_join_group checks the group first, then finds the interface through ip_multicast_if: an exact address match (127.0.0.2 and 192.0.2.1 find none) or, in 0.0.0.0/8, an index; lo0 has IFF_MULTICAST. The same in xnu-7195 and xnu-10002 (xnu-6153 UNCONFIRMED, between versions that agree)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_join_group 'if (!IN_MULTICAST(ntohl(gsa->sin_addr.s_addr))) { return EINVAL; }', 'if (ifp == NULL || (ifp->if_flags & IFF_MULTICAST) == 0) { return EADDRNOTAVAIL; }', ip_multicast_if; bsd/net/if_loop.c loopattach 'IFF_LOOPBACK | IFF_MULTICAST'",
    };
    pub const LEAVE: Rule = Rule {
        id: "macos.membership.leave",
        formula: "group not multicast => EINVAL; not a member => EADDRNOTAVAIL",
        why: "inp_leave_group checks the group, then looks for the membership, which a new socket does not have",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_leave_group 'if (!IN_MULTICAST(...)) return EINVAL', 'idx = imo_match_group(...); if (idx == (size_t)-1) { error = EADDRNOTAVAIL;'",
    };
    pub const JOIN_SOURCE: Rule = Rule {
        id: "macos.membership.join_source",
        formula: "group not multicast => EINVAL; interface not found => EADDRNOTAVAIL; else ok, whatever the source (0.0.0.0 too)",
        why: "IP_ADD_SOURCE_MEMBERSHIP takes inp_join_group's path (group, then the interface through ip_multicast_if); the source is only compared with existing ones and a new socket has none. The struct is {group, source, interface}, Linux's {group, interface, source}",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in.h struct ip_mreq_source; bsd/netinet/in_mcast.c inp_join_group case IP_ADD_SOURCE_MEMBERSHIP ('if (!IN_MULTICAST(...)) { return EINVAL; }', 'if (ifp == NULL || ...) { return EADDRNOTAVAIL; }'), imf_graft (no check of the source); xnu-6153 to 10002 UNCONFIRMED (an older darwin-xnu reads alike)",
    };
    pub const LEAVE_SOURCE: Rule = Rule {
        id: "macos.membership.leave_source",
        formula: "group not multicast => EINVAL; not a member => EADDRNOTAVAIL",
        why: "IP_DROP_SOURCE_MEMBERSHIP takes inp_leave_group's path: the group is checked, then the membership looked for, which a new socket does not have",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_leave_group (multicast check EINVAL; imo_match_group -1 EADDRNOTAVAIL)",
    };
    pub const INDEX_DROPPED: Rule = Rule {
        id: "macos.membership.index_dropped",
        formula: "ip_mreqn with an index: only its first 8 bytes are read (interface 0.0.0.0): join: group not multicast => EINVAL; else ok on the interface of the route to the group; leave: group not multicast => EINVAL; not a member => EADDRNOTAVAIL",
        why: "inp_join_group and inp_leave_group copy an ip_mreq's size of any IP_ADD/DROP_MEMBERSHIP request, so socket2's join_multicast_v4_n by index (an ip_mreqn, address 0.0.0.0) arrives as 'any interface': the join goes to the interface of the route to the group, a real one (so no case asks it here: docs/findings/socket2-macos-join-by-index.md); a leave finds no membership on a new socket",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/netinet/in_mcast.c inp_join_group case IP_ADD_MEMBERSHIP 'error = sooptcopyin(sopt, &mreqs, sizeof(struct ip_mreq), sizeof(struct ip_mreq))', 'ifp = inp_lookup_mcast_ifp(inp, gsa, mreqs.imr_interface)' (INADDR_ANY: the route's interface), inp_leave_group (the same copy); socket2 0.6.5 src/sys/unix.rs to_mreqn",
    };
    pub const JOIN6: Rule = Rule {
        id: "macos.membership.join6",
        formula: "group not multicast => EINVAL; index out of range => EADDRNOTAVAIL; else ok",
        why: "in6p_join_group checks the group, then the index (IF_INDEX_IN_RANGE); a link-local group gets the interface's zone from in6_setscope, which lo0 has (it carries ::1 and fe80::1)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c in6p_join_group ('Only allow IPv6 multicast addresses' return EINVAL; 'if (!IF_INDEX_IN_RANGE(mreq.ipv6mr_interface)) { ... return EADDRNOTAVAIL;'; in6_setscope), bsd/netinet6/scope6.c in6_setscope",
    };
    pub const LEAVE6: Rule = Rule {
        id: "macos.membership.leave6",
        formula: "group not multicast => EINVAL; index out of range or not a member => EADDRNOTAVAIL",
        why: "in6p_leave_group checks the group, the index, then looks for the membership, which a new socket does not have",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c in6p_leave_group (multicast check EINVAL; '!IF_INDEX_IN_RANGE(ifindex)' EADDRNOTAVAIL; im6o_match_group '-1' EADDRNOTAVAIL)",
    };
}

pub fn v4(o: IpOpt, c: &Ctx<'_>) -> Prediction {
    if let Some((group, _)) = c.group_by_index() {
        return match (
            c.kind.is_stream(),
            in_addr_of(group.value()).is_some_and(|g| g.is_multicast()),
        ) {
            (true, _) => err("EOPNOTSUPP", &STREAM),
            (false, false) => err("EINVAL", &INDEX_DROPPED),
            (false, true) if o == IpOpt::AddMembership => ok(done(), &INDEX_DROPPED),
            (false, true) => err("EADDRNOTAVAIL", &INDEX_DROPPED),
        };
    }
    let Some((group, on)) = c.membership() else {
        return err("ENOPROTOOPT", &READ);
    };
    if c.kind.is_stream() {
        return err("EOPNOTSUPP", &STREAM);
    }
    let join = matches!(o, IpOpt::AddMembership | IpOpt::AddSourceMembership);
    let rule = match o {
        IpOpt::AddSourceMembership => &JOIN_SOURCE,
        IpOpt::DropSourceMembership => &LEAVE_SOURCE,
        _ if join => &JOIN,
        _ => &LEAVE,
    };
    if !in_addr_of(group.value()).is_some_and(|g| g.is_multicast()) {
        return err("EINVAL", rule);
    }
    // lo0: its address 127.0.0.1, or index 1 as 0.0.0.1.
    let on_lo0 = in_addr_of(on.value()).is_some_and(|i| matches!(i.octets(), [127, 0, 0, 1] | [0, 0, 0, 1]));
    if join && on_lo0 {
        ok(done(), rule)
    } else {
        err("EADDRNOTAVAIL", rule)
    }
}

pub fn v6(o: Ipv6Opt, c: &Ctx<'_>) -> Prediction {
    let Some((group, on)) = c.group() else {
        return err("ENOPROTOOPT", &READ);
    };
    if c.kind.is_stream() {
        return err("EOPNOTSUPP", &STREAM);
    }
    let join = o == Ipv6Opt::AddMembership;
    let rule = if join { &JOIN6 } else { &LEAVE6 };
    if !in6_addr_of(group.value()).is_multicast() {
        return err("EINVAL", rule);
    }
    // lo0 is index 1; no modelled Mac has a million interfaces.
    match on.value() {
        1 if join => ok(done(), &JOIN6),
        _ => err("EADDRNOTAVAIL", rule),
    }
}
