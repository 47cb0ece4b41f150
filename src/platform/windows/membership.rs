//! Multicast memberships on Windows: set only, each on a fresh socket.
//! Evidence is thin (no Windows-run test sets one and checks the error);
//! what is not read is marked UNCONFIRMED in the rules.

use super::common::{err, ok, Args};
use crate::address::{done, in6_addr_of, in_addr_of};
use crate::option::{IpOpt, Ipv6Opt};
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const READ: Rule = Rule {
        id: "windows.membership.read",
        formula: "get => WSAENOPROTOOPT",
        why: "the membership options are set only; a read is refused on TCP, UDP and raw sockets alike (Windows-run test)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_sockopt_validity l.13513-13514, 13548-13549, 13583-13584, 13617-13618, 13652-13653, 13687-13688 '{ IP_ADD_MEMBERSHIP, WSAENOPROTOOPT }' (Wine 10.0, Windows-run); learn.microsoft.com IPPROTO_IP socket options (IP_ADD_MEMBERSHIP: Get empty, Set yes)",
    };
    pub const DGRAM_ONLY: Rule = Rule {
        id: "windows.membership.dgram_only",
        formula: "TCP => WSAEINVAL (UNCONFIRMED)",
        why: "the IPv6 membership options are documented as valid only on datagram and raw sockets (the IPv4 ones taken alike); the error a TCP socket gets is UNCONFIRMED, taken as WSAEINVAL like the other datagram-only options",
        source: "learn.microsoft.com IPPROTO_IPV6 socket options (IPV6_ADD_MEMBERSHIP: 'only valid on datagram and raw sockets (the socket type must be SOCK_DGRAM or SOCK_RAW)')",
    };
    pub const JOIN: Rule = Rule {
        id: "windows.membership.join",
        formula: "group not multicast => WSAEINVAL (UNCONFIRMED); interface address no interface holds (or index none has) => WSAEADDRNOTAVAIL; else ok",
        why: "a fresh datagram socket joins on the loopback interface (by index 1, Windows-run tests; by its address 127.0.0.1, UNCONFIRMED); an interface address Windows does not hold is WSAEADDRNOTAVAIL (reports from Windows users); 127.0.0.2 is held by no interface (UNCONFIRMED); the index 1000000 and a group that is not multicast are UNCONFIRMED",
        source: "dotnet/runtime src/libraries/System.Net.Sockets/tests/FunctionalTests/SocketOptionNameTest.cs (Windows: 'we can apparently assume interface 1 is loopback', joins 239.1.2.3 and ff11::1:1 on index 1); s2e-systems/dust-dds#407 and python-zeroconf PR #18 (10049 WSAEADDRNOTAVAIL joining on an address the host cannot use)",
    };
    pub const JOIN_SOURCE: Rule = Rule {
        id: "windows.membership.join_source",
        formula: "as IP_ADD_MEMBERSHIP (UNCONFIRMED); the struct is {group, source, interface}",
        why: "a source-specific join on a fresh datagram socket is taken to check the group and the interface as IP_ADD_MEMBERSHIP does (UNCONFIRMED: no Windows-run test joins on loopback or with a bad interface; socket2's Windows-run test joins with an off-link source on the default interface and succeeds)",
        source: "learn.microsoft.com IPPROTO_IP socket options (IP_ADD_SOURCE_MEMBERSHIP: set only, ip_mreq_source), ws2ipdef.h ip_mreq_source '{ imr_multiaddr; imr_sourceaddr; imr_interface; }'; rust-lang/socket2 tests/socket.rs join_leave_ssm_v4 (run on windows-latest)",
    };
    pub const LEAVE_SOURCE: Rule = Rule {
        id: "windows.membership.leave_source",
        formula: "not in the inclusion list => WSAEINVAL (UNCONFIRMED)",
        why: "dropping a group and source the socket is not receiving is read from the documented table's 'not currently in the inclusion list (due to dropping membership, or otherwise)' row, WSAEINVAL (UNCONFIRMED for a socket that never joined)",
        source: "learn.microsoft.com Multicast Socket Option Behavior (IP_DROP_SOURCE_MEMBERSHIP rows)",
    };
    pub const LEAVE: Rule = Rule {
        id: "windows.membership.leave",
        formula: "not a member => WSAEADDRNOTAVAIL",
        why: "leaving a group the socket never joined fails with WSAEADDRNOTAVAIL (socket2's Windows-run test expects AddrNotAvailable); the IPv6 leave and the leave of a group that is not multicast are taken alike (UNCONFIRMED)",
        source: "rust-lang/socket2 tests/socket.rs join_leave_multicast_v4_n (leave before join: io::ErrorKind::AddrNotAvailable, run on windows-latest); learn.microsoft.com Multicast Socket Option Behavior",
    };
}

pub(super) fn v4(a: &Args<'_, IpOpt>) -> Prediction {
    if let Some((group, _, on)) = a.source_group() {
        return source(a, group.value(), on.value());
    }
    // An index is sent as an address in 0.0.0.0/8 (socket2's to_mreqn).
    let by_index = a.group_by_index();
    let Some((group, on)) = a.group().or(by_index) else {
        return err("WSAENOPROTOOPT", &READ);
    };
    if a.kind.is_tcp() {
        return err("WSAEINVAL", &DGRAM_ONLY);
    }
    if a.opt == IpOpt::DropMembership {
        return err("WSAEADDRNOTAVAIL", &LEAVE);
    }
    let on_loopback = match by_index {
        Some(_) => on.value() == 1,
        None => in_addr_of(on.value()).is_some_and(|i| i.octets() == [127, 0, 0, 1]),
    };
    match in_addr_of(group.value()) {
        Some(g) if !g.is_multicast() => err("WSAEINVAL", &JOIN),
        Some(_) if on_loopback => ok(done(), &JOIN),
        _ => err("WSAEADDRNOTAVAIL", &JOIN),
    }
}

/// IP_ADD/DROP_SOURCE_MEMBERSHIP, all but the read UNCONFIRMED.
fn source(a: &Args<'_, IpOpt>, group: i128, on: i128) -> Prediction {
    if a.kind.is_tcp() {
        return err("WSAEINVAL", &DGRAM_ONLY);
    }
    if a.opt == IpOpt::DropSourceMembership {
        return err("WSAEINVAL", &LEAVE_SOURCE);
    }
    match (in_addr_of(group), in_addr_of(on)) {
        (Some(g), _) if !g.is_multicast() => err("WSAEINVAL", &JOIN_SOURCE),
        (Some(_), Some(i)) if i.octets() == [127, 0, 0, 1] => ok(done(), &JOIN_SOURCE),
        _ => err("WSAEADDRNOTAVAIL", &JOIN_SOURCE),
    }
}

pub(super) fn v6(a: &Args<'_, Ipv6Opt>) -> Prediction {
    let Some((group, on)) = a.group() else {
        return err("WSAENOPROTOOPT", &READ);
    };
    if a.kind.is_tcp() {
        return err("WSAEINVAL", &DGRAM_ONLY);
    }
    if a.opt == Ipv6Opt::DropMembership {
        return err("WSAEADDRNOTAVAIL", &LEAVE);
    }
    match (in6_addr_of(group.value()).is_multicast(), on.value()) {
        (false, _) => err("WSAEINVAL", &JOIN),
        (true, 1) => ok(done(), &JOIN),
        (true, _) => err("WSAEADDRNOTAVAIL", &JOIN),
    }
}
