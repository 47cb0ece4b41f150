//! Windows' dual-stack listeners (`crate::behaviour`), from Microsoft's
//! documentation: IPv6 sockets are IPv6-only by default since Vista.

use crate::behaviour::dual_stack::DualStackUdp;
use crate::behaviour::DualStackModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "windows.dual.default",
        formula: "IPV6_V6ONLY default 1",
        why: "Microsoft: 'When this value is nonzero (the default on Windows), a socket created for the AF_INET6 address family can be used to send and receive IPv6 packets only'",
        source: "Microsoft Learn, IPPROTO_IPV6 socket options (IPV6_V6ONLY); Dual-Stack Sockets for IPv6 Winsock Applications ('By default, an IPv6 socket created on Windows Vista and later only operates over the IPv6 protocol')",
    };
    pub const MAPPED: Rule = Rule {
        id: "windows.dual.mapped",
        formula: "v6only 0 on :: => an IPv4 client is accepted, peer ::ffff:a.b.c.d",
        why: "Microsoft: with IPV6_V6ONLY 0 set before bind, 'any accepted IPv4 connections will return an IPv4-mapped IPv6 address'",
        source: "Microsoft Learn, Dual-Stack Sockets for IPv6 Winsock Applications",
    };
    pub const V6ONLY_REFUSES: Rule = Rule {
        id: "windows.dual.v6only_refuses",
        formula: "v6only 1 on :: => an IPv4 client gets WSAECONNREFUSED",
        why: "an IPv6-only socket takes no IPv4 connection, so the IPv4 connect finds nothing listening (the error's name UNCONFIRMED: no Microsoft page says it for this case)",
        source: "Microsoft Learn, IPPROTO_IPV6 socket options (IPV6_V6ONLY); connect function (WSAECONNREFUSED: 'the target computer actively refused it'), UNCONFIRMED for this case",
    };
    pub const SPECIFIC_REFUSES: Rule = Rule {
        id: "windows.dual.specific_refuses",
        formula: "bound to ::1 => an IPv4 client gets WSAECONNREFUSED (UNCONFIRMED)",
        why: "a listener bound to ::1 is reached at ::1 only; no Microsoft page says what IPV6_V6ONLY 0 does with a specific IPv6 address: UNCONFIRMED, modelled as the other OSes do",
        source: "UNCONFIRMED (Microsoft Learn, Dual-Stack Sockets for IPv6 Winsock Applications, speaks of the wildcard only)",
    };
    pub const IPV6_CLIENT: Rule = Rule {
        id: "windows.dual.ipv6_client",
        formula: "an IPv6 client to ::1 => accepted, peer ::1",
        why: "IPV6_V6ONLY limits IPv4 only: an IPv6 connection finds a listener on :: or ::1",
        source: "Microsoft Learn, IPPROTO_IPV6 socket options (IPV6_V6ONLY)",
    };
    pub const UDP_MAPPED: Rule = Rule {
        id: "windows.dual.udp_mapped",
        formula: "udp: v6only 0 on :: => an IPv4 datagram is received, from ::ffff:a.b.c.d",
        why: "a dual-stack socket receives IPv4 traffic, and 'the IPv4 address is represented as an IPv4-mapped IPv6 address'",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/dual-stack-sockets",
    };
    pub const UDP_UNREACHABLE: Rule = Rule {
        id: "windows.dual.udp_unreachable",
        formula: "udp: no socket takes the IPv4 datagram => the client's next call fails with WSAECONNRESET",
        why: "'For a UDP datagram socket, this error indicates a previous send operation resulted in an ICMP Port Unreachable message' (WSAECONNRESET)",
        source: "learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-recv (WSAECONNRESET)",
    };
    pub const UDP_IPV6_CLIENT: Rule = Rule {
        id: "windows.dual.udp_ipv6_client",
        formula: "udp: an IPv6 client to ::1 => received, from ::1",
        why: "IPV6_V6ONLY limits IPv4 only",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/ipproto-ipv6-socket-options (IPV6_V6ONLY)",
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
            refused: "WSAECONNRESET",
        },
    }
}
