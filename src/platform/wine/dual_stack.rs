//! Wine's dual-stack listeners (`crate::behaviour`): the wineserver makes
//! every IPv6 socket IPv6-only, as Windows does, and the host's kernel
//! (Linux here) decides the rest.

use crate::behaviour::dual_stack::DualStackUdp;
use crate::behaviour::DualStackModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "wine.dual.default",
        formula: "IPV6_V6ONLY default 1 (set by the wineserver, whatever net.ipv6.bindv6only says)",
        why: "the wineserver turns IPV6_V6ONLY on for every AF_INET6 socket it creates, to match Windows' default",
        source: "wine server/sock.c init_socket ('if (unix_family == AF_INET6) { static const int enable = 1; setsockopt( sockfd, IPPROTO_IPV6, IPV6_V6ONLY, &enable, sizeof(enable) ); }'), read at wine-mirror/wine 003ee620",
    };
    pub const MAPPED: Rule = Rule {
        id: "wine.dual.mapped",
        formula: "v6only 0 on :: => an IPv4 client is accepted, peer ::ffff:a.b.c.d (the host's)",
        why: "with IPV6_V6ONLY turned off the Linux host's rule applies (linux.dual.mapped) and Wine hands the IPv4-mapped address on in a SOCKADDR_IN6",
        source: "dlls/ntdll/unix/socket.c (IOCTL_AFD_WINE_SET_IPV6_V6ONLY passes to the host's setsockopt); the host: linux.dual.mapped",
    };
    pub const V6ONLY_REFUSES: Rule = Rule {
        id: "wine.dual.v6only_refuses",
        formula: "v6only 1 on :: => an IPv4 client gets WSAECONNREFUSED",
        why: "the host refuses (linux.dual.v6only_refuses) and Wine names ECONNREFUSED as WSAECONNREFUSED",
        source: "the host: linux.dual.v6only_refuses; dlls/ntdll/unix/socket.c sock_errno_to_status",
    };
    pub const SPECIFIC_REFUSES: Rule = Rule {
        id: "wine.dual.specific_refuses",
        formula: "bound to ::1 => an IPv4 client gets WSAECONNREFUSED",
        why: "the host binds the address IPv6-only (linux.dual.specific_refuses)",
        source: "the host: linux.dual.specific_refuses",
    };
    pub const IPV6_CLIENT: Rule = Rule {
        id: "wine.dual.ipv6_client",
        formula: "an IPv6 client to ::1 => accepted, peer ::1",
        why: "the host's rule (linux.dual.ipv6_client)",
        source: "the host: linux.dual.ipv6_client",
    };
    pub const UDP_MAPPED: Rule = Rule {
        id: "wine.dual.udp_mapped",
        formula: "udp: v6only 0 on :: => an IPv4 datagram is received, from ::ffff:a.b.c.d (the host's)",
        why: "with IPV6_V6ONLY turned off the Linux host delivers (linux.dual.udp_mapped) and Wine hands the mapped sender on in a SOCKADDR_IN6",
        source: "the host: linux.dual.udp_mapped",
    };
    pub const UDP_UNREACHABLE: Rule = Rule {
        id: "wine.dual.udp_unreachable",
        formula: "udp: no socket takes the IPv4 datagram => the client's pending error is the host's ECONNREFUSED, read through SO_ERROR as WSAECONNREFUSED",
        why: "the host sets ECONNREFUSED on the connected client (linux.dual.udp_unreachable), and Wine's SO_ERROR translates the host's errno",
        source: "the host: linux.dual.udp_unreachable; wine dlls/ntdll/unix/socket.c (SO_ERROR: sock_errno_to_status), measured under Wine 8.0",
    };
    pub const UDP_IPV6_CLIENT: Rule = Rule {
        id: "wine.dual.udp_ipv6_client",
        formula: "udp: an IPv6 client to ::1 => received, from ::1",
        why: "the host's rule (linux.dual.udp_ipv6_client)",
        source: "the host: linux.dual.udp_ipv6_client",
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
        refused: "WSAECONNREFUSED",
        udp: DualStackUdp {
            mapped: &UDP_MAPPED,
            unreachable: &UDP_UNREACHABLE,
            ipv6_client: &UDP_IPV6_CLIENT,
            refused: "WSAECONNREFUSED",
        },
    }
}
