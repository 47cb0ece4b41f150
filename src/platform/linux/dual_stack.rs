//! Linux's dual-stack listeners (`crate::behaviour`): an IPv6 TCP socket
//! bound to `::` takes IPv4 connections unless IPV6_V6ONLY is set; one bound
//! to a specific address never does. Read at torvalds/linux master.

use crate::behaviour::dual_stack::DualStackUdp;
use crate::behaviour::DualStackModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "linux.dual.default",
        formula: "IPV6_V6ONLY default = net.ipv6.bindv6only (0 unless changed)",
        why: "a new IPv6 socket takes IPV6_V6ONLY from the namespace's net.ipv6.bindv6only, whose default is 0",
        source: "net/ipv6/af_inet6.c inet6_create ('sk->sk_ipv6only = net->ipv6.sysctl.bindv6only') and inet6_net_init ('net->ipv6.sysctl.bindv6only = 0')",
    };
    pub const MAPPED: Rule = Rule {
        id: "linux.dual.mapped",
        formula: "v6only 0 on :: => an IPv4 client is accepted, peer ::ffff:a.b.c.d",
        why: "an IPv6 listener on :: leaves its IPv4 address at 0, so the IPv4 lookup's wildcard pass finds it unless it is IPv6-only; the child socket records the IPv4 peer as an IPv4-mapped IPv6 address, which accept() returns in a sockaddr_in6",
        source: "net/ipv4/inet_hashtables.c compute_score ('sk->sk_num == hnum && !ipv6_only_sock(sk)', then 'if (sk->sk_rcv_saddr != daddr) return -1') and __inet_lookup_listener ('Lookup lhash2 with INADDR_ANY'), read at torvalds/linux 00c1d298; net/ipv6/tcp_ipv6.c tcp_v6_syn_recv_sock ('v6 mapped' branch: ipv6_addr_set_v4mapped(newinet->inet_daddr, &newsk->sk_v6_daddr)); net/ipv6/af_inet6.c inet6_getname",
    };
    pub const V6ONLY_REFUSES: Rule = Rule {
        id: "linux.dual.v6only_refuses",
        formula: "v6only 1 on :: => an IPv4 client finds no listener: ECONNREFUSED",
        why: "the IPv4 lookup skips an IPv6-only socket, so nothing listens at 127.0.0.1:port and the SYN is answered with a reset",
        source: "net/ipv4/inet_hashtables.c compute_score ('!ipv6_only_sock(sk)' or no match; read at torvalds/linux 00c1d298); net/ipv4/tcp_ipv4.c tcp_v4_rcv (no socket: tcp_v4_send_reset)",
    };
    pub const SPECIFIC_REFUSES: Rule = Rule {
        id: "linux.dual.specific_refuses",
        formula: "bound to ::1 => IPv6 only, whatever IPV6_V6ONLY was: an IPv4 client gets ECONNREFUSED",
        why: "binding an IPv6 socket to an address that is neither :: nor IPv4-mapped turns IPV6_V6ONLY on and gives it no IPv4 address, so no IPv4 connection can find it (a getsockopt afterwards reads 1)",
        source: "net/ipv6/af_inet6.c __inet6_bind ('if (addr_type != IPV6_ADDR_ANY && addr_type != IPV6_ADDR_MAPPED) sk->sk_ipv6only = 1', rcv_saddr LOOPBACK4_IPV6: 'ipv4 addr of the socket is invalid')",
    };
    pub const IPV6_CLIENT: Rule = Rule {
        id: "linux.dual.ipv6_client",
        formula: "an IPv6 client to ::1 => accepted, peer ::1",
        why: "an IPv6 connection to ::1 finds a listener on :: or on ::1 whatever IPV6_V6ONLY says (it limits IPv4 only)",
        source: "net/ipv6/inet6_hashtables.c inet6_lookup_listener (the exact address, then ::); net/ipv6/tcp_ipv6.c tcp_v6_syn_recv_sock",
    };
    pub const UDP_MAPPED: Rule = Rule {
        id: "linux.dual.udp_mapped",
        formula: "udp: v6only 0 on :: => an IPv4 datagram is received, from ::ffff:a.b.c.d",
        why: "the IPv4 UDP lookup takes an IPv6 socket on :: unless it is IPv6-only (its IPv4 address is 0), and recvfrom on an IPv6 socket writes an IPv4 sender as an IPv4-mapped address",
        source: "net/ipv4/udp.c compute_score ('ipv6_only_sock(sk)' => -1; 'sk->sk_rcv_saddr != daddr' => -1), read at ColtPlus/linux-6.18.y 57218520; net/ipv6/udp.c udpv6_recvmsg ('if (is_udp4) ipv6_addr_set_v4mapped(ip_hdr(skb)->saddr, &sin6->sin6_addr)')",
    };
    pub const UDP_UNREACHABLE: Rule = Rule {
        id: "linux.dual.udp_unreachable",
        formula: "udp: no socket takes the IPv4 datagram => port unreachable: the connected client's next call fails with ECONNREFUSED",
        why: "with no matching socket udp_rcv answers ICMP port unreachable, and the error handler sets ECONNREFUSED on a connected sender (an unconnected one would not hear it)",
        source: "net/ipv4/udp.c __udp4_lib_rcv ('icmp_send(skb, ICMP_DEST_UNREACH, ICMP_PORT_UNREACH, 0)'), __udp4_lib_err (ICMP_PORT_UNREACH => ECONNREFUSED, reported when inet->recverr or the socket is connected)",
    };
    pub const UDP_IPV6_CLIENT: Rule = Rule {
        id: "linux.dual.udp_ipv6_client",
        formula: "udp: an IPv6 client to ::1 => received, from ::1",
        why: "IPV6_V6ONLY limits IPv4 only: an IPv6 datagram to ::1 finds a socket on :: or ::1",
        source: "net/ipv6/udp.c __udp6_lib_lookup, udpv6_recvmsg",
    };
}

/// Linux's dual-stack model; the default follows this host's (or the
/// modelled release's) net.ipv6.bindv6only.
pub fn model(bindv6only: i128) -> DualStackModel {
    DualStackModel {
        default_v6only: bindv6only != 0,
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
