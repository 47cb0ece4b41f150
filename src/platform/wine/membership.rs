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
    pub const CHANGE: Rule = Rule {
        id: "wine.membership.change",
        formula: "Linux's answer; every error WSAEINVAL",
        why: "the struct reaches Linux unchanged: TCP is refused (EPROTO), a group that is not multicast (EINVAL) or an interface no device has (ENODEV) too, a leave of a group never joined is EADDRNOTAVAIL; Wine turns each into WSAEINVAL (only EADDRINUSE, a second join, keeps a name of its own). 127.0.0.2 finds lo through Linux's local table, so that join works where Windows finds no interface",
        source: SOURCE,
    };
}

pub fn v4(a: &Ask<'_, IpOpt>) -> Prediction {
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
