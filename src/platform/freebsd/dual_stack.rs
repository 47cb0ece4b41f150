//! FreeBSD's dual-stack listeners (`crate::behaviour`): IPv6 sockets are
//! IPv6-only by default (net.inet6.ip6.v6only = 1). Read in freebsd-src
//! (releng/13 and 14 era copies; the stored repository copies are older,
//! so lines are not given).

use crate::behaviour::dual_stack::DualStackUdp;
use crate::behaviour::DualStackModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "freebsd.dual.default",
        formula: "IPV6_V6ONLY default 1 (net.inet6.ip6.v6only = 1)",
        why: "a new pcb takes IN6P_IPV6_V6ONLY from ip6_v6only, which is 1: an IPv6 listener takes no IPv4 connection unless the program turns it off",
        source: "sys/netinet6/in6_proto.c ('VNET_DEFINE(int, ip6_v6only) = 1;', sysctl net.inet6.ip6.v6only); sys/netinet/in_pcb.c in_pcballoc ('if (V_ip6_v6only) inp->inp_flags |= IN6P_IPV6_V6ONLY')",
    };
    pub const MAPPED: Rule = Rule {
        id: "freebsd.dual.mapped",
        formula: "v6only 0 on :: => an IPv4 client is accepted, peer ::ffff:a.b.c.d",
        why: "a bind to :: without IPV6_V6ONLY sets INP_IPV4, and the IPv4 wildcard lookup takes such an IPv6 pcb after any IPv4 one; accept() maps the peer",
        source: "sys/netinet/tcp_usrreq.c tcp6_usr_bind ('inp->inp_vflag |= INP_IPV4' for the unspecified address), tcp6_usr_accept (in6_v4mapsin6_sockaddr); sys/netinet/in_pcb.c in_pcblookup_hash_wild_locked (local_wild_mapped), in_pcblookup_wild_match",
    };
    pub const V6ONLY_REFUSES: Rule = Rule {
        id: "freebsd.dual.v6only_refuses",
        formula: "v6only 1 on :: => an IPv4 client gets ECONNREFUSED",
        why: "without INP_IPV4 the IPv4 lookup finds no listener and the SYN is answered with a reset (the reset path itself UNCONFIRMED here: not re-read)",
        source: "sys/netinet/in_pcb.c in_pcblookup_wild_match (a pcb without INP_IPV4 does not match); sys/netinet/tcp_input.c tcp_input (no pcb: reset, UNCONFIRMED)",
    };
    pub const SPECIFIC_REFUSES: Rule = Rule {
        id: "freebsd.dual.specific_refuses",
        formula: "bound to ::1 => an IPv4 client gets ECONNREFUSED",
        why: "a bind to a specific IPv6 address never sets INP_IPV4, so no IPv4 connection finds it",
        source: "sys/netinet/tcp_usrreq.c tcp6_usr_bind; sys/netinet/in_pcb.c in_pcblookup_wild_match",
    };
    pub const IPV6_CLIENT: Rule = Rule {
        id: "freebsd.dual.ipv6_client",
        formula: "an IPv6 client to ::1 => accepted, peer ::1",
        why: "IPV6_V6ONLY limits IPv4 only: an IPv6 connection finds a listener on :: or ::1",
        source: "sys/netinet6/in6_pcb.c in6_pcblookup_hash (the exact address, then the wildcard)",
    };
    pub const UDP_MAPPED: Rule = Rule {
        id: "freebsd.dual.udp_mapped",
        formula: "udp: v6only 0 on :: => an IPv4 datagram is received, from ::ffff:a.b.c.d",
        why: "a bind to :: without IPV6_V6ONLY sets INP_IPV4, so the IPv4 wild lookup takes the pcb; udp_append gives an IPv6 pcb the sender as a mapped address",
        source: "sys/netinet/udp_usrreq.c udp6_bind ('inp->inp_vflag |= INP_IPV4' for the unspecified address), udp_append ('if (inp->inp_vflag & INP_IPV6) ... in6_sin_2_v4mapsin6'); sys/netinet/in_pcb.c in_pcblookup_hash_wild_smr",
    };
    pub const UDP_UNREACHABLE: Rule = Rule {
        id: "freebsd.dual.udp_unreachable",
        formula: "udp: no socket takes the IPv4 datagram => port unreachable: the connected client's next call fails with ECONNREFUSED",
        why: "udp_input answers ICMP port unreachable when no pcb matches (net.inet.udp.blackhole off), and udp_notify sets ECONNREFUSED on the connected sender (UNCONFIRMED: the lines were not re-read)",
        source: "sys/netinet/udp_usrreq.c udp_input (icmp_error ICMP_UNREACH_PORT), udp_common_ctlinput, udp_notify (UNCONFIRMED lines)",
    };
    pub const UDP_IPV6_CLIENT: Rule = Rule {
        id: "freebsd.dual.udp_ipv6_client",
        formula: "udp: an IPv6 client to ::1 => received, from ::1",
        why: "IPV6_V6ONLY limits IPv4 only",
        source: "sys/netinet6/udp6_usrreq.c udp6_input (in6_pcblookup_mbuf)",
    };
}

pub fn model() -> DualStackModel {
    DualStackModel {
        default_v6only: true,
        default_rule: &DEFAULT,
        mapped: &MAPPED,
        v6only_refuses: &V6ONLY_REFUSES,
        specific_refuses: &SPECIFIC_REFUSES,
        ipv6_client: &IPV6_CLIENT,
        refused: "ECONNREFUSED",
        udp: DualStackUdp {
            mapped: &UDP_MAPPED,
            unreachable: &UDP_UNREACHABLE,
            ipv6_client: &UDP_IPV6_CLIENT,
            refused: "ECONNREFUSED",
        },
    }
}
