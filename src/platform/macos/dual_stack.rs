//! macOS's dual-stack listeners (`crate::behaviour`), read in XNU at tag
//! xnu-11417.101.15: mapped addresses are on by default (ip6_v6only = 0).

use crate::behaviour::dual_stack::DualStackUdp;
use crate::behaviour::DualStackModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "macos.dual.default",
        formula: "IPV6_V6ONLY default 0 (net.inet6.ip6.v6only = 0)",
        why: "a new IPv6 pcb is IPv6-only only when ip6_v6only is set, and it is 0 (its comment says 'mapped addresses off by default', the value says on)",
        source: "xnu-11417.101.15 bsd/netinet6/in6_proto.c line 456 ('int ip6_v6only = 0;'); bsd/netinet6/ip6_var.h line 480 (ip6_mapped_addr_on = !ip6_v6only); bsd/netinet/in_pcb.c in_pcballoc, lines 770-771",
    };
    pub const MAPPED: Rule = Rule {
        id: "macos.dual.mapped",
        formula: "v6only 0 on :: => an IPv4 client is accepted, peer ::ffff:a.b.c.d",
        why: "binding or listening on :: without IPV6_V6ONLY marks the pcb INP_IPV4, and the IPv4 lookup takes such a PF_INET6 wildcard (after any IPv4 one); accept() reports the peer IPv4-mapped",
        source: "xnu-11417.101.15 bsd/netinet/tcp_usrreq.c tcp6_usr_bind, lines 334-338, tcp6_usr_listen 418-420, tcp6_usr_accept 960; bsd/netinet/in_pcb.c in_pcblookup_hash_locked, lines 2656, 2680-2681, 2692; bsd/netinet6/in6_pcb.c in6_mapped_peeraddr, lines 1092-1110",
    };
    pub const V6ONLY_REFUSES: Rule = Rule {
        id: "macos.dual.v6only_refuses",
        formula: "v6only 1 on :: => an IPv4 client gets ECONNREFUSED",
        why: "IPV6_V6ONLY clears INP_IPV4, so the IPv4 lookup skips the pcb and the SYN finds no socket: a reset (the blackhole sysctl does not apply on loopback)",
        source: "xnu-11417.101.15 bsd/netinet6/ip6_output.c ip6_ctloutput, lines 2648-2652; bsd/netinet/tcp_input.c lines 2362 and 2387 (dropwithresetnosock)",
    };
    pub const SPECIFIC_REFUSES: Rule = Rule {
        id: "macos.dual.specific_refuses",
        formula: "bound to ::1 => an IPv4 client gets ECONNREFUSED",
        why: "a bind to a specific IPv6 address never marks the pcb INP_IPV4, so no IPv4 connection finds it",
        source: "xnu-11417.101.15 bsd/netinet/tcp_usrreq.c tcp6_usr_bind, lines 334-338 (INP_IPV4 only for the unspecified address); bsd/netinet/tcp_input.c line 2387",
    };
    pub const IPV6_CLIENT: Rule = Rule {
        id: "macos.dual.ipv6_client",
        formula: "an IPv6 client to ::1 => accepted, peer ::1",
        why: "IPV6_V6ONLY limits IPv4 only: an IPv6 connection finds a listener on :: or ::1",
        source: "xnu-11417.101.15 bsd/netinet6/in6_pcb.c in6_pcblookup_hash (the exact address, then the wildcard)",
    };
    pub const UDP_MAPPED: Rule = Rule {
        id: "macos.dual.udp_mapped",
        formula: "udp: v6only 0 on :: => an IPv4 datagram is received, from ::ffff:a.b.c.d",
        why: "the IPv4 lookup keeps a dual-stack wildcard pcb (INP_IPV4 set at bind) as local_wild_mapped and delivers to it when no IPv4 socket matches; an IPv6 pcb gets the sender as a mapped address",
        source: "xnu-11417.101.15 bsd/netinet/in_pcb.c in_pcblookup_hash_locked l.2681, l.2688-2699; bsd/netinet/udp_usrreq.c udp6_bind l.878 (INP_IPV4), udp_input (in6_sin_2_v4mapsin6 for an IPv6 pcb: UNCONFIRMED line)",
    };
    pub const UDP_UNREACHABLE: Rule = Rule {
        id: "macos.dual.udp_unreachable",
        formula: "udp: no socket takes the IPv4 datagram => port unreachable: the connected client's next call fails with ECONNREFUSED",
        why: "udp_input answers a datagram no pcb takes with ICMP port unreachable; udp_ctlinput hands ECONNREFUSED to the connected sender's so_error (UNCONFIRMED: the lines were not re-read)",
        source: "xnu-11417.101.15 bsd/netinet/udp_usrreq.c udp_input (icmp_error ICMP_UNREACH_PORT), udp_ctlinput, udp_notify (UNCONFIRMED lines)",
    };
    pub const UDP_IPV6_CLIENT: Rule = Rule {
        id: "macos.dual.udp_ipv6_client",
        formula: "udp: an IPv6 client to ::1 => received, from ::1",
        why: "IPV6_V6ONLY limits IPv4 only",
        source: "xnu-11417.101.15 bsd/netinet6/udp6_usrreq.c udp6_input (in6_pcblookup_hash)",
    };
}

pub fn model() -> DualStackModel {
    DualStackModel {
        default_v6only: false,
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
