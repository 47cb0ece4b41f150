//! What Rust's std (1.95) does to a value on its way in and out, and to a
//! socket it makes. std has no option API of its own beyond a few methods
//! on its socket types, and those types exist only in some states: a
//! `TcpStream` is connected, a `TcpListener` listens, a `UdpSocket` is
//! bound. So the std path is the method of the type std gives for the
//! kind and state (`vehicle`), on a socket std made itself (its
//! constructors set options the caller did not ask for: `made_with`).
//! Lines are std 1.95.0's `library/std/src/sys/net/connection/socket/`
//! (`mod.rs`, `unix.rs`; `windows.rs` and `sys/pal/windows/mod.rs` on
//! Windows).

use super::{as_c_int, convert, int_as_u32, Sent};
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::option::{IpOpt, Ipv6Opt, Opt, OptionSpec, Shape, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const NO_METHOD: Rule = Rule {
        id: "std.no_method",
        formula: "no std type or method here => UNDEFINED",
        why: "std has no socket type for this kind in this state (a TcpStream is always connected, a TcpListener always listening, a UdpSocket always bound; no raw, ping or seqpacket type), or that type has no stable method for this option on this OS",
        source: "std 1.95.0 library/std/src/net/{tcp,udp}.rs, library/std/src/os/unix/net/{stream,listener,datagram}.rs, library/std/src/os/linux/net/tcp.rs (stable methods only)",
    };
    pub const LISTENER_REUSEADDR: Rule = Rule {
        id: "std.listener_reuseaddr",
        formula: "TcpListener::bind sets SO_REUSEADDR = 1 (not on Windows)",
        why: "std's TcpListener::bind sets SO_REUSEADDR to 1 before bind on every OS but Windows, so a listener std made reads what the OS makes of 1, where socket2 leaves the default",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/mod.rs TcpListener::bind, line 552 (setsockopt(&sock, SOL_SOCKET, SO_REUSEADDR, 1 as c_int), not on Windows)",
    };
    pub const NOSIGPIPE: Rule = Rule {
        id: "std.nosigpipe",
        formula: "Socket::new sets SO_NOSIGPIPE = 1 (macOS, FreeBSD)",
        why: "std sets SO_NOSIGPIPE to 1 on every socket it makes on Apple targets and on FreeBSD (socket2 and mio only on Apple), so a socket std made reads what the OS makes of 1",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/unix.rs Socket::new, lines 89-90 (freebsd, netbsd, dragonfly) and 102-103 (Apple): setsockopt(SO_NOSIGPIPE, 1)",
    };
    pub const BOOL_READ: Rule = Rule {
        id: "std.bool_read",
        formula: "r != 0",
        why: "std reads a flag as `!= 0` (nodelay, quickack, broadcast, only_v6, the multicast loops), hiding the value the OS reported",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/mod.rs (e.g. only_v6, line 622: `raw != 0`); unix.rs quickack, lines 473-476",
    };
    pub const U32_AS_INT: Rule = Rule {
        id: "std.u32_as_int",
        formula: "(c_int)v",
        why: "std passes set_ttl's and set_multicast_ttl_v4's u32 `as c_int`: values from 2^31 up arrive negative (u32::MAX as -1)",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/mod.rs set_ttl, line 480 (`ttl as c_int`); set_multicast_ttl_v4, line 761",
    };
    pub const NEGATIVE_READ_AS_U32: Rule = Rule {
        id: "std.negative_read_as_u32",
        formula: "(u32)r",
        why: "std returns the int read back `as u32`, so -1 reads as 4294967295",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/mod.rs ttl, line 485 (`raw as u32`)",
    };
    pub const MULTICAST_BYTE: Rule = Rule {
        id: "std.multicast_byte",
        formula: "(u_char)v, a one-byte value",
        why: "on FreeBSD (and the other BSDs but Apple, illumos) std passes IP_MULTICAST_TTL and IP_MULTICAST_LOOP as a one-byte u_char (`as IpV4MultiCastType`): 256 is sent as 0 and 300 as 44, which the kernel's one-byte path accepts",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/mod.rs IpV4MultiCastType, lines 78-91 (c_uchar on freebsd, dragonfly, openbsd, netbsd, illumos, solaris, nto); set_multicast_ttl_v4, line 761",
    };
    pub const TIMEVAL_SATURATED: Rule = Rule {
        id: "std.timeval_saturated",
        formula: "min(secs, time_t::MAX)",
        why: "std saturates the Duration's seconds at time_t::MAX when building the timeval (2^31-1 where time_t is 32 bits)",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/unix.rs set_timeout, lines 392-396 (saturated at libc::time_t::MAX)",
    };
    pub const TIMEOUT_MS_ROUNDED_UP: Rule = Rule {
        id: "std.timeout_ms_rounded_up",
        formula: "ms = ceil(d / 1 ms)",
        why: "on Windows std turns the timeout into whole milliseconds rounded up (dur2timeout; socket2 truncates), so 1 s + 1 µs is 1001 ms",
        source: "std library/std/src/sys/pal/windows/mod.rs dur2timeout (read at rust-lang/rust 0c28822; the function is older than 1.95)",
    };
    pub const TIMEOUT_MS_INFINITE: Rule = Rule {
        id: "std.timeout_ms_infinite",
        formula: "ms > u32::MAX => INFINITE (0xFFFFFFFF)",
        why: "on Windows std sends a timeout longer than u32::MAX milliseconds as INFINITE",
        source: "std library/std/src/sys/pal/windows/mod.rs dur2timeout (read at rust-lang/rust 0c28822)",
    };
}

/// The std type a program holds for a socket of `kind` in `state`, if std
/// can make one (stable API only).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vehicle {
    TcpStream,
    TcpListener,
    UdpSocket,
    UnixStream,
    UnixListener,
    UnixDatagram,
}

/// The std type for the kind in the state on `os`: none for a fresh or
/// merely bound stream socket, a fresh UDP socket, raw, ping and seqpacket
/// sockets, and unix sockets on Windows (`std::os::unix` only).
pub fn vehicle(os: Os, kind: Kind, state: State) -> Option<Vehicle> {
    use Vehicle::*;
    let unix = os != Os::Windows;
    match (kind, state) {
        (Kind::Tcp4 | Kind::Tcp6, State::Connected) => Some(TcpStream),
        (Kind::Tcp4 | Kind::Tcp6, State::Listening) => Some(TcpListener),
        (Kind::Udp4 | Kind::Udp6, State::Bound | State::Connected) => Some(UdpSocket),
        (Kind::UnixStream, State::Connected) if unix => Some(UnixStream),
        (Kind::UnixStream, State::Listening) if unix => Some(UnixListener),
        (Kind::UnixDgram, _) if unix => Some(UnixDatagram),
        _ => None,
    }
}

/// std's Rust type for the option on the type `vehicle` on `os`, or `None`
/// where that type has no stable method for it. SO_REUSEADDR and
/// SO_NOSIGPIPE are the options std sets itself when it makes a socket:
/// they have no std method, and read raw (`Shape::Made`).
pub fn shape_on(os: Os, option: &OptionSpec, vehicle: Vehicle) -> Option<Shape> {
    use IpOpt as I;
    use Ipv6Opt as I6;
    use Shape::*;
    use SocketOpt as S;
    use TcpOpt as T;
    use Vehicle::*;
    // IpV4MultiCastType is a one-byte u_char on FreeBSD.
    let byte = os == Os::FreeBsd;
    let on = |yes: bool, shape: Shape| yes.then_some(shape);
    let timed = matches!(vehicle, TcpStream | UdpSocket | UnixStream | UnixDatagram);
    match option.id {
        Opt::Socket(S::Rcvtimeo | S::Sndtimeo) => on(timed, Timeout),
        Opt::Socket(S::Error) => Some(ReadOnly),
        Opt::Socket(S::Reuseaddr) => on(vehicle == TcpListener && os != Os::Windows, Made),
        Opt::Socket(S::Nosigpipe) => on(matches!(os, Os::MacOs | Os::FreeBsd), Made),
        Opt::Socket(S::Broadcast) => on(vehicle == UdpSocket, Bool),
        Opt::Tcp(T::Nodelay) => on(vehicle == TcpStream, Bool),
        // std::os::linux::net::TcpStreamExt (stable since 1.89).
        Opt::Tcp(T::Quickack) => on(vehicle == TcpStream && os == Os::Linux, Bool),
        Opt::Ip(I::Ttl) => on(matches!(vehicle, TcpStream | TcpListener | UdpSocket), U32),
        Opt::Ip(I::MulticastLoop) => on(vehicle == UdpSocket, if byte { BoolByte } else { Bool }),
        Opt::Ip(I::MulticastTtl) => on(vehicle == UdpSocket, if byte { U32Byte } else { U32 }),
        Opt::Ipv6(I6::MulticastLoop) => on(vehicle == UdpSocket, Bool),
        // TcpListener::set_only_v6, deprecated: the listener is already bound.
        Opt::Ipv6(I6::V6only) => on(vehicle == TcpListener, Bool),
        _ => None,
    }
}

/// Every std type, for the questions that do not depend on the state.
const VEHICLES: [Vehicle; 6] = [
    Vehicle::TcpStream,
    Vehicle::TcpListener,
    Vehicle::UdpSocket,
    Vehicle::UnixStream,
    Vehicle::UnixListener,
    Vehicle::UnixDatagram,
];

/// std's Rust type for the option on any of its types on `os` (the same
/// type wherever it has the method).
pub fn shape(os: Os, option: &OptionSpec) -> Option<Shape> {
    VEHICLES.iter().find_map(|v| shape_on(os, option, *v))
}

/// Whether std can ask the option of a socket of `kind` in `state`.
pub fn offers(os: Os, option: &OptionSpec, kind: Kind, state: State) -> bool {
    vehicle(os, kind, state).is_some_and(|v| shape_on(os, option, v).is_some())
}

/// The rule of an option std sets when it makes a socket (`Shape::Made`).
pub fn made_rule(option: &OptionSpec) -> &'static Rule {
    match option.id {
        Opt::Socket(SocketOpt::Reuseaddr) => &LISTENER_REUSEADDR,
        _ => &NOSIGPIPE,
    }
}

/// The request as the OS receives it from std.
pub fn request(
    os: Os,
    shape: Shape,
    option: &'static OptionSpec,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Sent {
    let val = match request {
        Request::Default => return Sent::Os(option, Request::Default),
        Request::Set(val) => val,
    };
    let sent = match (shape, val) {
        (Shape::U32, RelativeValue::Int(e)) => RelativeValue::Int(convert(*e, &U32_AS_INT, rules, as_c_int)),
        (Shape::U32Byte, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(*e, &MULTICAST_BYTE, rules, |v| i128::from(v as u8)))
        }
        (Shape::Timeout, RelativeValue::Time(sec, usec)) if os == Os::Windows => {
            let (ms, rounded) = super::ms_rounded_up(sec.value(), usec.value());
            if rounded {
                rules.push(&TIMEOUT_MS_ROUNDED_UP);
            }
            let ms = if ms > i128::from(u32::MAX) {
                rules.push(&TIMEOUT_MS_INFINITE);
                i128::from(u32::MAX)
            } else {
                ms
            };
            RelativeValue::time(ms / 1000, (ms % 1000) * 1000)
        }
        (Shape::Timeout, RelativeValue::Time(sec, usec)) => {
            let time_t_max = match os == Os::this() {
                true => crate::sys::TIME_T_MAX,
                false => i128::from(i64::MAX),
            };
            RelativeValue::Time(
                convert(*sec, &TIMEVAL_SATURATED, rules, |v| v.min(time_t_max)),
                *usec,
            )
        }
        _ => val.clone(),
    };
    Sent::Os(option, Request::Set(sent))
}

/// The value std hands back for what the OS reported.
pub fn read_back(shape: Shape, val: RelativeValue, rules: &mut Vec<&'static Rule>) -> RelativeValue {
    match (shape, val) {
        (Shape::U32, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &NEGATIVE_READ_AS_U32, rules, int_as_u32))
        }
        (Shape::Bool | Shape::BoolByte, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &BOOL_READ, rules, |v| (v != 0).into()))
        }
        (_, val) => val,
    }
}
