//! What tokio 1.54 does to a value on its way in and out, and to a socket
//! it makes. tokio writes no setsockopt of its own: each method hands the
//! value to socket2 (`TcpSocket`'s methods, and those tokio writes with
//! `socket2::SockRef`: linger, quickack, tos, tclass, bind_device) or,
//! through mio, to std (`TcpStream::set_nodelay`, `set_ttl`, the
//! `UdpSocket` flags and multicast methods, `take_error`). So a tokio method
//! converts as the library it calls does (`Via`), but for `TcpSocket`'s
//! `u32` buffer sizes. The sockets are tokio's own, made by its
//! constructors (mio's `new_socket` under them), which set options the
//! caller did not ask for: `made`. Lines are tokio 1.54.1's `src/net/` and
//! mio 1.2.5's `src/` (the versions in Cargo.lock).

use super::{as_c_int, convert, int_as_u32, socket2, stdlib, Sent};
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, Shape, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const NO_METHOD: Rule = Rule {
        id: "tokio.no_method",
        formula: "no tokio type or method here => UNDEFINED",
        why: "tokio has no socket type for this kind in this state (no fresh UDP socket, no raw, ping or seqpacket type, no unix types on Windows), or its type has no method for this option on this OS",
        source: "tokio 1.54.1 src/net/tcp/{socket,stream,listener}.rs, src/net/udp.rs, src/net/unix/ (the methods and their cfg attributes)",
    };
    pub const SIZE_AS_INT: Rule = Rule {
        id: "tokio.size_as_int",
        formula: "(c_int)(usize)v",
        why: "tokio takes a buffer size as u32 and passes it to socket2 `as usize`, which sends it `as c_int`: sizes from 2^31 up arrive negative",
        source: "tokio 1.54.1 src/net/tcp/socket.rs set_send_buffer_size, line 356 / set_recv_buffer_size, line 390 (`size as usize`); socket2 0.6.5 src/socket.rs set_send_buffer_size, line 1158 / set_recv_buffer_size, line 1087 (`size as c_int`)",
    };
    pub const SIZE_READ_AS_U32: Rule = Rule {
        id: "tokio.size_read_as_u32",
        formula: "(u32)(usize)(c_int)r",
        why: "tokio reads socket2's usize size back `as u32`, so a negative int reads as its low 32 bits",
        source: "tokio 1.54.1 src/net/tcp/socket.rs send_buffer_size, line 383 / recv_buffer_size, line 417 (`n as u32`)",
    };
    pub const LISTENER_REUSEADDR: Rule = Rule {
        id: "tokio.listener_reuseaddr",
        formula: "TcpListener::bind sets SO_REUSEADDR = 1 (not on Windows)",
        why: "tokio's TcpListener::bind calls mio's, which sets SO_REUSEADDR to 1 before bind on every OS but Windows (as std does), so a listener tokio made reads what the OS makes of 1",
        source: "mio 1.2.5 src/net/tcp/listener.rs TcpListener::bind, lines 81-82 (`#[cfg(not(windows))] set_reuseaddr(&listener.inner, true)`); src/sys/unix/tcp.rs set_reuseaddr, lines 46-53 (SO_REUSEADDR, `i32::from(reuseaddr)`); tokio 1.54.1 src/net/tcp/listener.rs bind_addr, line 123 (mio::net::TcpListener::bind)",
    };
    pub const MIO_NOSIGPIPE: Rule = Rule {
        id: "tokio.mio_nosigpipe",
        formula: "mio's new_socket sets SO_NOSIGPIPE = 1 (Apple only)",
        why: "every socket tokio's constructors make but TcpSocket's (socket2's, which does the same) comes from mio's new_socket, which sets SO_NOSIGPIPE on Apple targets only: on macOS a default read is what the OS makes of 1; on FreeBSD, where std sets it too, mio does not, so a tokio socket there reads the default 0",
        source: "mio 1.2.5 src/sys/unix/net.rs new_socket, lines 40-57 (`Mimic libstd and set SO_NOSIGPIPE on apple systems`, cfg ios, macos, tvos, visionos, watchos, lines 41-47; setsockopt SO_NOSIGPIPE &1, lines 48-54)",
    };
}

/// The tokio type a program holds for a socket of `kind` in `state`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Vehicle {
    /// A TCP socket before it listens or connects (or a connected std
    /// stream taken over with `TcpSocket::from_std_stream`).
    TcpSocket,
    TcpStream,
    TcpListener,
    UdpSocket,
    UnixStream,
    UnixListener,
    UnixDatagram,
}

/// Which library a tokio method hands the value to, and so whose
/// conversions apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Socket2,
    /// Through mio to std's method.
    Std,
}

/// tokio's types for the kind in the state on `os`, the first with a
/// method for an option answering it. A connected TCP socket is a
/// `TcpStream`, and `TcpSocket::from_std_stream` reaches what the stream
/// has no method for (buffer sizes, keepalive, reuse); where both have one
/// (nodelay, linger, take_error) `TcpSocket` answers: the same syscall,
/// and socket2 and std both read a flag as `!= 0`.
pub fn vehicles(os: Os, kind: Kind, state: State) -> &'static [Vehicle] {
    use Vehicle::*;
    let unix = os != Os::Windows;
    match (kind, state) {
        (Kind::Tcp4 | Kind::Tcp6, State::Fresh | State::Bound) => &[TcpSocket],
        (Kind::Tcp4 | Kind::Tcp6, State::Connected) => &[TcpSocket, TcpStream],
        (Kind::Tcp4 | Kind::Tcp6, State::Listening) => &[TcpListener],
        (Kind::Udp4 | Kind::Udp6, State::Bound | State::Connected) => &[UdpSocket],
        (Kind::UnixStream, State::Connected) if unix => &[UnixStream],
        (Kind::UnixStream, State::Listening) if unix => &[UnixListener],
        (Kind::UnixDgram, _) if unix => &[UnixDatagram],
        _ => &[],
    }
}

/// The method of `vehicle` for the option on `os`: its Rust type and the
/// library it calls; `None` where that type has none there. SO_REUSEADDR on
/// a listener and SO_NOSIGPIPE on Apple are set by the constructor and read
/// raw (`Shape::Made`).
pub fn method(os: Os, option: &OptionSpec, vehicle: Vehicle) -> Option<(Shape, Via)> {
    use IpOpt as I;
    use Ipv6Opt as I6;
    use Shape::*;
    use SocketOpt as S;
    use TcpOpt as T;
    use Vehicle::*;
    let (linux, unix, apple) = (os == Os::Linux, os != Os::Windows, os == Os::MacOs);
    // std's IpV4MultiCastType is a one-byte u_char on FreeBSD.
    let byte = os == Os::FreeBsd;
    let by = |yes: bool, shape: Shape, via: Via| yes.then_some((shape, via));
    let mio_made = !matches!(vehicle, TcpSocket);
    if matches!(vehicle, UnixStream | UnixListener | UnixDatagram) && !unix {
        return None;
    }
    match (vehicle, option.id) {
        (_, Opt::Socket(S::Nosigpipe)) => by(apple && mio_made, Made, Via::Std),
        (TcpSocket, id) => tcp_socket(os, id).map(|shape| (shape, Via::Socket2)),
        (TcpStream, Opt::Tcp(T::Quickack)) => by(linux, Bool, Via::Socket2),
        (TcpStream, Opt::Ip(I::Ttl)) | (TcpListener, Opt::Ip(I::Ttl)) => Some((U32, Via::Std)),
        (TcpListener, Opt::Socket(S::Reuseaddr)) => by(unix, Made, Via::Std),
        (UdpSocket, Opt::Socket(S::Broadcast)) => Some((Bool, Via::Std)),
        (UdpSocket, Opt::Ip(I::MulticastLoop)) => Some((if byte { BoolByte } else { Bool }, Via::Std)),
        (UdpSocket, Opt::Ip(I::MulticastTtl)) => Some((if byte { U32Byte } else { U32 }, Via::Std)),
        (UdpSocket, Opt::Ipv6(I6::MulticastLoop)) => Some((Bool, Via::Std)),
        (UdpSocket, Opt::Ip(I::Ttl)) => Some((U32, Via::Std)),
        (UdpSocket, Opt::Ip(I::Tos)) => Some((U32, Via::Socket2)),
        (UdpSocket, Opt::Ipv6(I6::Tclass)) => by(unix, U32, Via::Socket2),
        (UdpSocket, Opt::Socket(S::Bindtodevice)) => by(linux, Bytes, Via::Socket2),
        // tokio's TcpListener has no take_error.
        (TcpListener, Opt::Socket(S::Error)) => None,
        (_, Opt::Socket(S::Error)) => Some((ReadOnly, Via::Std)),
        _ => None,
    }
}

/// `TcpSocket`'s Rust type for the option on `os`.
fn tcp_socket(os: Os, id: Opt) -> Option<Shape> {
    use Shape::*;
    let (linux, unix) = (os == Os::Linux, os != Os::Windows);
    let on = |yes: bool, shape: Shape| yes.then_some(shape);
    match id {
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf) => Some(U32),
        Opt::Socket(SocketOpt::Keepalive | SocketOpt::Reuseaddr) => Some(Bool),
        Opt::Socket(SocketOpt::Reuseport) => on(unix, Bool),
        // set_linger is deprecated ("SO_LINGER causes the socket to block
        // the thread on drop"), still there.
        Opt::Socket(SocketOpt::Linger) => Some(Linger),
        Opt::Socket(SocketOpt::Error) => Some(ReadOnly),
        Opt::Socket(SocketOpt::Bindtodevice) => on(linux, Bytes),
        Opt::Tcp(TcpOpt::Nodelay) => Some(Bool),
        Opt::Ip(IpOpt::Tos) => Some(U32),
        Opt::Ipv6(Ipv6Opt::Tclass) => on(unix, U32),
        _ => None,
    }
}

/// The method that answers the option on a socket of `kind` in `state`.
pub fn method_in(os: Os, option: &OptionSpec, kind: Kind, state: State) -> Option<(Vehicle, Shape, Via)> {
    vehicles(os, kind, state)
        .iter()
        .find_map(|v| method(os, option, *v).map(|(shape, via)| (*v, shape, via)))
}

/// Every tokio type, for the questions that do not depend on the state.
pub const VEHICLES: [Vehicle; 7] = [
    Vehicle::TcpSocket,
    Vehicle::TcpStream,
    Vehicle::TcpListener,
    Vehicle::UdpSocket,
    Vehicle::UnixStream,
    Vehicle::UnixListener,
    Vehicle::UnixDatagram,
];

/// tokio's Rust type for the option on the first of its types with a
/// method for it on `os` (`shape_in` for a given kind and state).
pub fn shape(os: Os, option: &OptionSpec) -> Option<Shape> {
    VEHICLES
        .iter()
        .find_map(|v| method(os, option, *v))
        .map(|(shape, _)| shape)
}

/// tokio's Rust type for the option on a socket of `kind` in `state`: a
/// listener's SO_REUSEADDR is made, not a method.
pub fn shape_in(os: Os, option: &OptionSpec, kind: Kind, state: State) -> Option<Shape> {
    method_in(os, option, kind, state).map(|(_, shape, _)| shape)
}

/// Whether tokio can ask the option of a socket of `kind` in `state`.
pub fn offers(os: Os, option: &OptionSpec, kind: Kind, state: State) -> bool {
    method_in(os, option, kind, state).is_some()
}

/// Which library the method for the option hands the value to (each
/// option's methods on tokio's types all call the same one).
fn via(os: Os, option: &OptionSpec) -> Via {
    VEHICLES
        .iter()
        .find_map(|v| method(os, option, *v))
        .map_or(Via::Socket2, |(_, via)| via)
}

fn is_size(option: &OptionSpec) -> bool {
    matches!(option.id, Opt::Buffer(_))
}

/// The rule of an option tokio's constructors (mio's) set when they make a
/// socket (`Shape::Made`).
pub fn made_rule(option: &OptionSpec) -> &'static Rule {
    match option.id {
        Opt::Socket(SocketOpt::Reuseaddr) => &LISTENER_REUSEADDR,
        _ => &MIO_NOSIGPIPE,
    }
}

/// The request as the OS receives it from tokio: the conversions of the
/// library its method calls, but for `TcpSocket`'s `u32` buffer sizes.
pub fn request(
    os: Os,
    shape: Shape,
    option: &'static OptionSpec,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Sent {
    match (request, shape, via(os, option)) {
        (Request::Set(RelativeValue::Int(e)), _, _) if is_size(option) => Sent::Os(
            option,
            Request::Set(RelativeValue::Int(convert(*e, &SIZE_AS_INT, rules, as_c_int))),
        ),
        (_, _, Via::Std) => stdlib::request(os, shape, option, request, rules),
        (_, _, Via::Socket2) => Sent::Os(option, socket2::request(shape, request, rules, os == Os::Windows)),
    }
}

/// The value tokio hands back for what the OS reported.
pub fn read_back(
    os: Os,
    shape: Shape,
    option: &OptionSpec,
    val: RelativeValue,
    rules: &mut Vec<&'static Rule>,
) -> RelativeValue {
    match (val, is_size(option), via(os, option)) {
        (RelativeValue::Int(e), true, _) => {
            RelativeValue::Int(convert(e, &SIZE_READ_AS_U32, rules, int_as_u32))
        }
        (val, _, Via::Std) => stdlib::read_back(shape, val, rules),
        (val, _, Via::Socket2) => socket2::read_back(shape, val, rules),
    }
}
