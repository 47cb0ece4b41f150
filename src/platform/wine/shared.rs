//! What every Wine family model uses: flags (one byte or four), ranged
//! ints passed to the host, and the host kernel's level check with its
//! errno translated.

use super::Ask;
use crate::case::Request;
use crate::kind::Kind;
use crate::option::Level;
use crate::platform::kit::{err, int, ok};
use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;

pub const WS2: &str = "Wine 8.0 dlls/ws2_32/socket.c setsockopt / getsockopt";
pub const UNIX_SOCKET: &str = "Wine 8.0 dlls/ntdll/unix/socket.c sock_ioctl; server/sock.c";

crate::rules! {
    pub const PING_SOCKET: Rule = Rule {
        id: "wine.icmp.host_ping_socket",
        formula: "icmp4: the Linux host's ping socket, so EACCES (WSAEACCES) while net.ipv4.ping_group_range excludes the wineserver's groups (the stock range 1..0); icmp6: WSAEPROTONOSUPPORT",
        why: "Wine's server hands socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP) to the Linux host, which refuses a group outside ping_group_range with EACCES (sock_get_error maps it to WSAEACCES) and otherwise makes a working ping socket, where Windows answers WSAEPROTONOSUPPORT; IPPROTO_ICMPV6 has no case in get_unix_protocol, so it is WSAEPROTONOSUPPORT before Linux is asked. A range that lets the wineserver in is not modelled",
        source: "wine-mirror/wine server/sock.c init_socket 'sockfd = socket( unix_family, unix_type, unix_protocol )', get_unix_protocol ('case WS_IPPROTO_ICMP: return IPPROTO_ICMP;', no ICMPv6 case: 'default: return -1' => WSAEPROTONOSUPPORT), sock_get_error 'case EPERM: case EACCES: return WSAEACCES'; Linux net/ipv4/ping.c ping_init_sock",
    };
    pub const NO_MPTCP: Rule = Rule {
        id: "wine.mptcp.no_protocol",
        formula: "socket(AF_INET/AF_INET6, SOCK_STREAM, 262) => WSAEPROTONOSUPPORT",
        why: "the wineserver maps a Winsock protocol to the host's through get_unix_protocol, which knows no 262 (Windows has no IPPROTO_MPTCP), so init_socket answers WSAEPROTONOSUPPORT before Linux is asked",
        source: "wine-mirror/wine server/sock.c get_unix_protocol ('default: return -1'), init_socket ('if (unix_protocol < 0) ... set_win32_error( WSAEPROTONOSUPPORT )'), read at Kron4ek/wine-tkg 4b12965ca (11.10)",
    };
    pub const FLAG_LOW_BYTE: Rule = Rule {
        id: "wine.flag_low_byte",
        formula: "(v & 0xff) != 0",
        why: "for SO_KEEPALIVE, TCP_NODELAY and IPV6_V6ONLY Wine reads only the first byte of the value (Windows takes a one-byte BOOL there), so 256 switches the option off (measured; source line UNCONFIRMED)",
        source: WS2,
    };
    pub const FLAG: Rule = Rule {
        id: "wine.flag",
        formula: "v != 0",
        why: "a Winsock BOOL option is passed to the host kernel, which stores one bit and reads back 0 or 1",
        source: WS2,
    };
    pub const OFF: Rule = Rule {
        id: "wine.default_off",
        formula: "0",
        why: "a new socket has the flag clear",
        source: WS2,
    };
    pub const ON: Rule = Rule {
        id: "wine.default_on",
        formula: "1",
        why: "on by default (multicast loopback; IPV6_V6ONLY, which Wine sets when it makes an IPv6 socket, as Windows does)",
        source: WS2,
    };
    pub const ERRNO_MAPPED: Rule = Rule {
        id: "wine.host_errno",
        formula: "ENOPROTOOPT, EINVAL => WSAEINVAL; EOPNOTSUPP => WSAEOPNOTSUPP",
        why: "the host kernel refused the call (as in the Linux rows) and Wine translated its errno",
        source: "Wine 8.0 dlls/ntdll/unix/socket.c sock_errno_to_status; dlls/ws2_32/socket.c",
    };
    pub const NOT_RUN: Rule = Rule {
        id: "wine.not_in_winsock_run",
        formula: "not run",
        why: "the Winsock path runs only the options whose Windows numbers the catalogue carries; this one has none there, so a Windows program cannot name it",
        source: "src/catalog.rs (Windows column)",
    };
    pub const UNSUPPORTED: Rule = Rule {
        id: "wine.unsupported",
        formula: "WSAENOPROTOOPT",
        why: "Wine 8 does not implement this option (SO_RCVLOWAT, SO_SNDLOWAT, TCP_MAXSEG and the TCP keepalive options), read or write",
        source: WS2,
    };
}

/// A DWORD BOOL passed to the host: any non-zero int reads 1.
pub fn flag<O>(a: &Ask<'_, O>, default: (i128, &'static Rule)) -> Prediction {
    match int(a.request) {
        None => ok(RelativeValue::int(default.0), default.1),
        Some(v) => ok(RelativeValue::int((v.value() != 0).into()), &FLAG),
    }
}

/// A BOOL of which Wine reads one byte.
pub fn byte_flag<O>(a: &Ask<'_, O>, default: (i128, &'static Rule)) -> Prediction {
    match int(a.request) {
        Some(v) => ok(RelativeValue::int((v.value() & 0xff != 0).into()), &FLAG_LOW_BYTE),
        None => flag(a, default),
    }
}

/// A ranged int passed to the host: -1 means `default`.
pub fn ranged<O>(
    a: &Ask<'_, O>,
    default: RelativeValue,
    range: std::ops::RangeInclusive<i128>,
    rule: &'static Rule,
) -> Prediction {
    match a.value() {
        None | Some(-1) => ok(default, rule),
        Some(v) if range.contains(&v) => ok(RelativeValue::int(v), rule),
        Some(_) => err("WSAEINVAL", rule),
    }
}

/// The host kernel's level check (the Linux model's), its errno translated:
/// Wine answers some options itself before the host sees the level.
pub fn host_level_error(level: Level, kind: Kind, request: &Request) -> Option<Prediction> {
    crate::platform::linux::level::refusal(level, kind, request).map(|refused| {
        let name = match refused.expected {
            Expected::Err("EOPNOTSUPP") => "WSAEOPNOTSUPP",
            _ => "WSAEINVAL",
        };
        err(name, &ERRNO_MAPPED)
    })
}
