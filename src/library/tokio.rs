//! What tokio 1.54 does to a value on its way in and out. tokio writes no
//! setsockopt of its own: `TcpSocket`'s option methods call socket2 (so
//! socket2's conversions and rules apply), except that its buffer sizes are
//! `u32` (tokio src/net/tcp/socket.rs). Its `TcpStream`, `TcpListener` and
//! `UdpSocket` need a runtime and pass to std through mio (the std path
//! shows them). So the tokio path is `TcpSocket`, on a TCP socket before it
//! listens: fresh, bound, or connected and taken over with
//! `TcpSocket::from_std_stream`.

use super::{as_c_int, convert, int_as_u32, socket2, Sent};
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, Shape, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const NO_METHOD: Rule = Rule {
        id: "tokio.no_method",
        formula: "no TcpSocket method here => UNDEFINED",
        why: "tokio's TcpSocket is a TCP socket before it listens (fresh, bound, or a connected std stream taken over); other kinds and states, and options it has no method for on this OS, it cannot ask (its TcpStream, TcpListener and UdpSocket pass to std through mio: the std path)",
        source: "tokio 1.54.1 src/net/tcp/socket.rs (TcpSocket's methods and their cfg attributes)",
    };
    pub const SIZE_AS_INT: Rule = Rule {
        id: "tokio.size_as_int",
        formula: "(c_int)(usize)v",
        why: "tokio takes a buffer size as u32 and passes it to socket2 `as usize`, which sends it `as c_int`: sizes from 2^31 up arrive negative",
        source: "tokio 1.54.1 src/net/tcp/socket.rs set_send_buffer_size / set_recv_buffer_size (`size as usize`); socket2 0.6 src/socket.rs set_send_buffer_size (`size as c_int`)",
    };
    pub const SIZE_READ_AS_U32: Rule = Rule {
        id: "tokio.size_read_as_u32",
        formula: "(u32)(usize)(c_int)r",
        why: "tokio reads socket2's usize size back `as u32`, so a negative int reads as its low 32 bits",
        source: "tokio 1.54.1 src/net/tcp/socket.rs send_buffer_size / recv_buffer_size (`n as u32`)",
    };
}

/// Whether tokio has a `TcpSocket` for the kind in the state.
pub fn has_socket(kind: Kind, state: State) -> bool {
    matches!(kind, Kind::Tcp4 | Kind::Tcp6) && matches!(state, State::Fresh | State::Bound | State::Connected)
}

/// `TcpSocket`'s Rust type for the option on `os`, or `None` where it has
/// no method for it there.
pub fn shape(os: Os, option: &OptionSpec) -> Option<Shape> {
    use Shape::*;
    let (linux, unix) = (os == Os::Linux, os != Os::Windows);
    let on = |yes: bool, shape: Shape| yes.then_some(shape);
    match option.id {
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

/// Whether tokio can ask the option of a socket of `kind` in `state`.
pub fn offers(os: Os, option: &OptionSpec, kind: Kind, state: State) -> bool {
    has_socket(kind, state) && shape(os, option).is_some()
}

fn is_size(option: &OptionSpec) -> bool {
    matches!(option.id, Opt::Buffer(_))
}

/// The request as the OS receives it from tokio: socket2's conversions,
/// but for the `u32` buffer sizes.
pub fn request(
    os: Os,
    shape: Shape,
    option: &'static OptionSpec,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Sent {
    match (request, is_size(option)) {
        (Request::Set(RelativeValue::Int(e)), true) => Sent::Os(
            option,
            Request::Set(RelativeValue::Int(convert(*e, &SIZE_AS_INT, rules, as_c_int))),
        ),
        _ => Sent::Os(option, socket2::request(shape, request, rules, os == Os::Windows)),
    }
}

/// The value tokio hands back for what the OS reported.
pub fn read_back(
    shape: Shape,
    option: &OptionSpec,
    val: RelativeValue,
    rules: &mut Vec<&'static Rule>,
) -> RelativeValue {
    match (val, is_size(option)) {
        (RelativeValue::Int(e), true) => RelativeValue::Int(convert(e, &SIZE_READ_AS_U32, rules, int_as_u32)),
        (val, _) => socket2::read_back(shape, val, rules),
    }
}
