//! The socket2 path: the crate's typed setters and getters. Each option's
//! call pair is looked up by name; its `Shape` (in the catalogue) says how
//! a request becomes the Rust argument and how the result reads back.

use crate::case::Request;
use crate::catalog::{OptionSpec, Shape};
use crate::sys;
use crate::value::{Val, Value};
use socket2::{Socket, TcpKeepalive};
use std::io;
use std::time::Duration;

type R<T> = io::Result<T>;

/// A socket2 setter and getter, by the Rust types they take and give.
#[derive(Clone, Copy)]
// Not every OS has a call of every shape (macOS has no byte-string option).
#[allow(dead_code)]
pub enum Api {
    Usize(fn(&Socket, usize) -> R<()>, fn(&Socket) -> R<usize>),
    Bool(fn(&Socket, bool) -> R<()>, fn(&Socket) -> R<bool>),
    U32(fn(&Socket, u32) -> R<()>, fn(&Socket) -> R<u32>),
    Duration(fn(&Socket, Duration) -> R<()>, fn(&Socket) -> R<Duration>),
    OptDuration(
        fn(&Socket, Option<Duration>) -> R<()>,
        fn(&Socket) -> R<Option<Duration>>,
    ),
    Bytes(fn(&Socket, &[u8]) -> R<()>, fn(&Socket) -> R<Vec<u8>>),
    ReadOnly(fn(&Socket) -> R<i128>),
}

/// socket2's calls for an option on this OS, if it has them.
pub fn api(name: &str) -> Option<Api> {
    use Api::*;
    Some(match name {
        "SO_SNDBUF" => Usize(Socket::set_send_buffer_size, Socket::send_buffer_size),
        "SO_RCVBUF" => Usize(Socket::set_recv_buffer_size, Socket::recv_buffer_size),
        "SO_KEEPALIVE" => Bool(Socket::set_keepalive, Socket::keepalive),
        "SO_REUSEADDR" => Bool(Socket::set_reuse_address, Socket::reuse_address),
        "SO_BROADCAST" => Bool(Socket::set_broadcast, Socket::broadcast),
        "SO_OOBINLINE" => Bool(Socket::set_out_of_band_inline, Socket::out_of_band_inline),
        "SO_LINGER" => OptDuration(Socket::set_linger, Socket::linger),
        "SO_RCVTIMEO" => OptDuration(Socket::set_read_timeout, Socket::read_timeout),
        "SO_SNDTIMEO" => OptDuration(Socket::set_write_timeout, Socket::write_timeout),
        "SO_TYPE" => ReadOnly(|s| s.r#type().map(|t| i128::from(i32::from(t)))),
        "SO_ERROR" => ReadOnly(|s| {
            s.take_error()
                .map(|e| e.and_then(|e| e.raw_os_error()).unwrap_or(0).into())
        }),
        "TCP_NODELAY" => Bool(Socket::set_tcp_nodelay, Socket::tcp_nodelay),
        "TCP_KEEPCNT" => U32(
            |s, n| s.set_tcp_keepalive(&TcpKeepalive::new().with_retries(n)),
            Socket::tcp_keepalive_retries,
        ),
        "IP_TTL" => U32(Socket::set_ttl_v4, Socket::ttl_v4),
        "IP_TOS" => U32(Socket::set_tos_v4, Socket::tos_v4),
        "IP_MULTICAST_TTL" => U32(Socket::set_multicast_ttl_v4, Socket::multicast_ttl_v4),
        "IP_MULTICAST_LOOP" => Bool(Socket::set_multicast_loop_v4, Socket::multicast_loop_v4),
        "IPV6_V6ONLY" => Bool(Socket::set_only_v6, Socket::only_v6),
        "IPV6_UNICAST_HOPS" => U32(Socket::set_unicast_hops_v6, Socket::unicast_hops_v6),
        "IPV6_MULTICAST_HOPS" => U32(Socket::set_multicast_hops_v6, Socket::multicast_hops_v6),
        "IPV6_MULTICAST_LOOP" => Bool(Socket::set_multicast_loop_v6, Socket::multicast_loop_v6),
        _ => return platform_api(name),
    })
}

#[cfg(unix)]
fn platform_api(name: &str) -> Option<Api> {
    use Api::*;
    Some(match name {
        "SO_REUSEPORT" => Bool(Socket::set_reuse_port, Socket::reuse_port),
        "TCP_MAXSEG" => U32(Socket::set_tcp_mss, Socket::tcp_mss),
        #[cfg(not(any(target_os = "macos", target_os = "ios")))]
        "TCP_KEEPIDLE" => Duration(
            |s, d| s.set_tcp_keepalive(&TcpKeepalive::new().with_time(d)),
            Socket::tcp_keepalive_time,
        ),
        #[cfg(any(target_os = "macos", target_os = "ios"))]
        "TCP_KEEPALIVE" => Duration(
            |s, d| s.set_tcp_keepalive(&TcpKeepalive::new().with_time(d)),
            Socket::tcp_keepalive_time,
        ),
        "TCP_KEEPINTVL" => Duration(
            |s, d| s.set_tcp_keepalive(&TcpKeepalive::new().with_interval(d)),
            Socket::tcp_keepalive_interval,
        ),
        "IP_RECVTOS" => Bool(Socket::set_recv_tos_v4, Socket::recv_tos_v4),
        "IPV6_RECVTCLASS" => Bool(Socket::set_recv_tclass_v6, Socket::recv_tclass_v6),
        "IPV6_TCLASS" => U32(Socket::set_tclass_v6, Socket::tclass_v6),
        #[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
        "TCP_CONGESTION" => Bytes(Socket::set_tcp_congestion, Socket::tcp_congestion),
        _ => return linux_api(name),
    })
}

#[cfg(not(unix))]
fn platform_api(_: &str) -> Option<Api> {
    None
}

#[cfg(any(target_os = "linux", target_os = "android"))]
fn linux_api(name: &str) -> Option<Api> {
    use Api::*;
    Some(match name {
        "SO_PASSCRED" => Bool(Socket::set_passcred, Socket::passcred),
        "SO_PRIORITY" => U32(Socket::set_priority, Socket::priority),
        "SO_MARK" => U32(Socket::set_mark, Socket::mark),
        "SO_BUSY_POLL" => U32(Socket::set_busy_poll, Socket::busy_poll),
        "SO_DOMAIN" => ReadOnly(|s| s.domain().map(|d| i128::from(i32::from(d)))),
        "SO_PROTOCOL" => ReadOnly(|s| s.protocol().map(|p| p.map_or(0, |p| i128::from(i32::from(p))))),
        "TCP_USER_TIMEOUT" => OptDuration(Socket::set_tcp_user_timeout, Socket::tcp_user_timeout),
        "TCP_CORK" => Bool(Socket::set_tcp_cork, Socket::tcp_cork),
        "TCP_QUICKACK" => Bool(Socket::set_tcp_quickack, Socket::tcp_quickack),
        "TCP_NOTSENT_LOWAT" => U32(Socket::set_tcp_notsent_lowat, Socket::tcp_notsent_lowat),
        "TCP_THIN_LINEAR_TIMEOUTS" => Bool(
            Socket::set_tcp_thin_linear_timeouts,
            Socket::tcp_thin_linear_timeouts,
        ),
        "IP_FREEBIND" => Bool(Socket::set_freebind_v4, Socket::freebind_v4),
        "IP_TRANSPARENT" => Bool(Socket::set_ip_transparent_v4, Socket::ip_transparent_v4),
        _ => return None,
    })
}

#[cfg(all(unix, not(any(target_os = "linux", target_os = "android"))))]
fn linux_api(_: &str) -> Option<Api> {
    None
}

/// Whether socket2's argument type can hold this request for the shape.
pub fn can_express(shape: Shape, val: &Val) -> bool {
    to_rust(shape, val).is_some()
}

/// The Rust argument socket2 is called with, as its plain parts.
enum Arg {
    Usize(usize),
    Bool(bool),
    U32(u32),
    Duration(Duration),
    OptDuration(Option<Duration>),
    Bytes(Vec<u8>),
}

fn to_rust(shape: Shape, val: &Val) -> Option<Arg> {
    let int = |v: &Val| v.as_int().map(|e| e.value());
    Some(match (shape, val) {
        (Shape::Usize, v) => Arg::Usize(usize::try_from(int(v)?).ok()?),
        (Shape::Bool, v) => match int(v)? {
            0 => Arg::Bool(false),
            1 => Arg::Bool(true),
            _ => return None,
        },
        (Shape::U32, v) => Arg::U32(u32::try_from(int(v)?).ok()?),
        (Shape::Secs, v) => Arg::Duration(Duration::from_secs(u64::try_from(int(v)?).ok()?)),
        (Shape::OptMillis, v) => match u64::try_from(int(v)?).ok()? {
            0 => Arg::OptDuration(None),
            ms => Arg::OptDuration(Some(Duration::from_millis(ms))),
        },
        (Shape::Timeout, Val::Time(sec, usec)) => {
            let (sec, usec) = (
                u64::try_from(sec.value()).ok()?,
                u32::try_from(usec.value()).ok()?,
            );
            match (sec, usec) {
                (_, 1_000_000..) => return None,
                (0, 0) => Arg::OptDuration(None),
                _ => Arg::OptDuration(Some(Duration::new(sec, usec * 1000))),
            }
        }
        (Shape::Linger, Val::Linger(on, secs)) => match (on.value(), u64::try_from(secs.value()).ok()?) {
            (0, 0) => Arg::OptDuration(None),
            (1, secs) => Arg::OptDuration(Some(Duration::from_secs(secs))),
            _ => return None,
        },
        (Shape::Bytes, Val::Text(s, _)) => Arg::Bytes(s.as_bytes().to_vec()),
        _ => return None,
    })
}

/// How socket2's result reads as a value of the option's C shape.
fn from_duration(shape: Shape, d: Option<Duration>) -> Value {
    match shape {
        Shape::Linger => d.map_or(Value::Linger(0, 0), |d| Value::Linger(1, d.as_secs().into())),
        Shape::Timeout => d.map_or(Value::Time(0, 0), |d| {
            Value::Time(d.as_secs().into(), d.subsec_micros().into())
        }),
        _ => Value::Int(d.map_or(0, |d| d.as_millis() as i128)),
    }
}

pub fn apply(option: &OptionSpec, socket: &Socket, request: &Request) -> Result<Value, String> {
    let shape = option
        .socket2
        .ok_or_else(|| format!("socket2 has no call for {}", option.name))?;
    let api =
        api(option.name).ok_or_else(|| format!("socket2 has no call for {} on this OS", option.name))?;
    if let Request::Set(val) = request {
        let arg = to_rust(shape, val).ok_or_else(|| format!("socket2's {shape:?} call cannot take {val}"))?;
        match (api, arg) {
            (Api::Usize(set, _), Arg::Usize(v)) => set(socket, v),
            (Api::Bool(set, _), Arg::Bool(v)) => set(socket, v),
            (Api::U32(set, _), Arg::U32(v)) => set(socket, v),
            (Api::Duration(set, _), Arg::Duration(v)) => set(socket, v),
            (Api::OptDuration(set, _), Arg::OptDuration(v)) => set(socket, v),
            (Api::Bytes(set, _), Arg::Bytes(v)) => set(socket, &v),
            _ => {
                return Err(format!(
                    "{} has no socket2 setter of shape {shape:?}",
                    option.name
                ))
            }
        }
        .map_err(name)?;
    }
    Ok(match api {
        Api::Usize(_, get) => Value::Int(get(socket).map_err(name)? as i128),
        Api::Bool(_, get) => Value::Int(get(socket).map_err(name)?.into()),
        Api::U32(_, get) => Value::Int(get(socket).map_err(name)?.into()),
        Api::Duration(_, get) => Value::Int(get(socket).map_err(name)?.as_secs().into()),
        Api::OptDuration(_, get) => from_duration(shape, get(socket).map_err(name)?),
        Api::Bytes(_, get) => {
            let mut bytes = get(socket).map_err(name)?;
            if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                bytes.truncate(nul);
            }
            Value::Text(String::from_utf8_lossy(&bytes).into())
        }
        Api::ReadOnly(get) => Value::Int(get(socket).map_err(name)?),
    })
}

fn name(e: io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => sys::error_name(code),
        None => e.to_string(),
    }
}
