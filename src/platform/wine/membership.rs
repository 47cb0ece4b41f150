//! Multicast memberships under Wine: ws2_32 answers a read itself; a set
//! goes to the host's setsockopt unchanged (Windows' `ip_mreq` and
//! `ipv6_mreq` are laid out as Linux's), whose errors Wine maps.

use super::shared::host_level_error;
use super::Ask;
use crate::address::{done, in6_addr_of, in_addr_of};
use crate::kind::Domain;
use crate::option::{IpOpt, Ipv6Opt, Level};
use crate::platform::kit::{err, ok};
use crate::prediction::Prediction;
use crate::rule::Rule;

const SOURCE: &str = "Wine 10.0 dlls/ws2_32/socket.c getsockopt l.2027-2034 / 2129-2136 ('case IP_ADD_MEMBERSHIP: case IP_DROP_MEMBERSHIP: SetLastError( WSAENOPROTOOPT )'), setsockopt l.3418-3431 / 3529-3542 (server_setsockopt IOCTL_AFD_WINE_SET_IP_ADD_MEMBERSHIP ...), NtStatusToWSAError l.528 (unlisted statuses are WSAEINVAL); dlls/ntdll/unix/socket.c sock_ioctl l.2041, 2113, 2266, 2329 (do_setsockopt, no socket-type check), sock_errno_to_status l.157-201 (EINVAL, EADDRNOTAVAIL: STATUS_INVALID_PARAMETER; EPROTO, ENODEV: STATUS_UNSUCCESSFUL)";

crate::rules! {
    pub const READ: Rule = Rule {
        id: "wine.membership.read",
        formula: "get => WSAENOPROTOOPT",
        why: "ws2_32's getsockopt answers the membership names itself, on every socket, as Windows does (a Windows-run test expects WSAENOPROTOOPT on TCP, UDP and raw)",
        source: SOURCE,
    };
    pub const SOURCE_SWAPPED: Rule = Rule {
        id: "wine.membership.source_swapped",
        formula: "Linux's IP_*_SOURCE_MEMBERSHIP with the source read as the interface and the interface as the source; every error WSAEINVAL",
        why: "Windows' ip_mreq_source is {group, source, interface}, Linux's {group, interface, source}, and Wine passes the 12 bytes on unconverted: Linux joins on the interface holding the source's address and filters for the interface's address as the source. So joining from 127.0.0.1 on 192.0.2.1 works under Wine (lo, source 192.0.2.1), where Windows and Linux refuse the interface; a leave of a group never joined is Linux's EINVAL; TCP is not refused (Linux has no check for these options, Wine none either)",
        source: "Wine 10.0 dlls/ws2_32/socket.c setsockopt l.3421-3422, 3433-3434 (server_setsockopt IOCTL_AFD_WINE_SET_IP_ADD_SOURCE_MEMBERSHIP / DROP); dlls/ntdll/unix/socket.c sock_ioctl l.2044-2046, 2116-2118 'return do_setsockopt( handle, io, IPPROTO_IP, IP_ADD_SOURCE_MEMBERSHIP, in_buffer, in_size )' (no conversion: no other use of ip_mreq_source in dlls/, include/, server/); include/ws2ipdef.h l.191-195 struct ip_mreq_source; the host: include/uapi/linux/in.h, net/ipv4/igmp.c ip_mc_source; measured under Wine 8.0 with a test program (the same code at 10.0)",
    };
    pub const INDEX_AS_ADDRESS: Rule = Rule {
        id: "wine.membership.index_as_address",
        formula: "interface by index (0.0.0.x) => WSAEINVAL",
        why: "Windows reads an ip_mreq interface in 0.0.0.0/8 as an interface index (socket2's join_multicast_v4_n writes index 1 as 0.0.0.1); Wine passes the struct to Linux unchanged, where it is an address no device holds: ENODEV on a join, EADDRNOTAVAIL on a leave, each WSAEINVAL. So a join by index that works on Windows fails under Wine",
        source: "learn.microsoft.com ws2ipdef.h ip_mreq ('To use an interface index of 1 would be the same as an IP address of 0.0.0.1'); socket2 0.6.5 src/sys/windows.rs to_mreqn; Wine 10.0 dlls/ntdll/unix/socket.c sock_ioctl IOCTL_AFD_WINE_SET_IP_ADD_MEMBERSHIP (do_setsockopt, unconverted); the host: net/ipv4/igmp.c ip_mc_find_dev '__ip_dev_find(net, imr->imr_address.s_addr, false)'",
    };
    pub const CHANGE: Rule = Rule {
        id: "wine.membership.change",
        formula: "Linux's answer; every error WSAEINVAL",
        why: "the struct reaches Linux unchanged: TCP is refused (EPROTO), a group that is not multicast (EINVAL) or an interface no device has (ENODEV) too, a leave of a group never joined is EADDRNOTAVAIL; Wine turns each into WSAEINVAL (only EADDRINUSE, a second join, keeps a name of its own). 127.0.0.2 finds lo through Linux's local table, so that join works where Windows finds no interface",
        source: SOURCE,
    };
}

pub fn v4(a: &Ask<'_, IpOpt>) -> Prediction {
    if let Some((group, from, _)) = a.source_group() {
        // Linux reads Windows' source field as the interface.
        let joined = a.opt == IpOpt::AddSourceMembership
            && in_addr_of(group.value()).is_some_and(|g| g.is_multicast())
            && in_addr_of(from.value()).is_some_and(|i| i.octets()[0] == 127);
        return if joined {
            ok(done(), &SOURCE_SWAPPED)
        } else {
            err("WSAEINVAL", &SOURCE_SWAPPED)
        };
    }
    if a.group_by_index().is_some() {
        return err("WSAEINVAL", &INDEX_AS_ADDRESS);
    }
    let Some((group, on)) = a.group() else {
        return err("WSAENOPROTOOPT", &READ);
    };
    let joined = a.opt == IpOpt::AddMembership
        && !a.kind.is_stream()
        && in_addr_of(group.value()).is_some_and(|g| g.is_multicast())
        && in_addr_of(on.value()).is_some_and(|i| i.octets()[0] == 127);
    if joined {
        ok(done(), &CHANGE)
    } else {
        err("WSAEINVAL", &CHANGE)
    }
}

pub fn v6(a: &Ask<'_, Ipv6Opt>) -> Prediction {
    let Some((group, on)) = a.group() else {
        return err("WSAENOPROTOOPT", &READ);
    };
    if a.kind.domain() == Domain::Ipv4 {
        if let Some(refused) = host_level_error(Level::Ipv6, a.kind, a.request) {
            return refused;
        }
    }
    // Interface 1 is lo in every Linux namespace.
    let joined = a.opt == Ipv6Opt::AddMembership
        && !a.kind.is_stream()
        && in6_addr_of(group.value()).is_multicast()
        && on.value() == 1;
    if joined {
        ok(done(), &CHANGE)
    } else {
        err("WSAEINVAL", &CHANGE)
    }
}
