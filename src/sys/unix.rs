//! libc on Unix: `setsockopt`/`getsockopt` with a C `int`, as a C program does.

use super::Code;
use std::mem::size_of;
use std::os::fd::AsRawFd;

/// The option names this OS defines, by their C name.
const CODES: &[(&str, libc::c_int, libc::c_int)] = &[
    ("SO_SNDBUF", libc::SOL_SOCKET, libc::SO_SNDBUF),
    ("SO_RCVBUF", libc::SOL_SOCKET, libc::SO_RCVBUF),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SO_SNDBUFFORCE", libc::SOL_SOCKET, libc::SO_SNDBUFFORCE),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SO_RCVBUFFORCE", libc::SOL_SOCKET, libc::SO_RCVBUFFORCE),
    ("SO_KEEPALIVE", libc::SOL_SOCKET, libc::SO_KEEPALIVE),
    ("SO_REUSEADDR", libc::SOL_SOCKET, libc::SO_REUSEADDR),
    ("SO_REUSEPORT", libc::SOL_SOCKET, libc::SO_REUSEPORT),
    ("SO_BROADCAST", libc::SOL_SOCKET, libc::SO_BROADCAST),
    ("SO_OOBINLINE", libc::SOL_SOCKET, libc::SO_OOBINLINE),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SO_PASSCRED", libc::SOL_SOCKET, libc::SO_PASSCRED),
    ("SO_LINGER", libc::SOL_SOCKET, LINGER),
    ("SO_RCVTIMEO", libc::SOL_SOCKET, libc::SO_RCVTIMEO),
    ("SO_SNDTIMEO", libc::SOL_SOCKET, libc::SO_SNDTIMEO),
    ("SO_RCVLOWAT", libc::SOL_SOCKET, libc::SO_RCVLOWAT),
    ("SO_SNDLOWAT", libc::SOL_SOCKET, libc::SO_SNDLOWAT),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SO_PRIORITY", libc::SOL_SOCKET, libc::SO_PRIORITY),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SO_MARK", libc::SOL_SOCKET, libc::SO_MARK),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("SO_BUSY_POLL", libc::SOL_SOCKET, libc::SO_BUSY_POLL),
    ("SO_TYPE", libc::SOL_SOCKET, libc::SO_TYPE),
    #[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
    ("SO_DOMAIN", libc::SOL_SOCKET, libc::SO_DOMAIN),
    #[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
    ("SO_PROTOCOL", libc::SOL_SOCKET, libc::SO_PROTOCOL),
    ("SO_ERROR", libc::SOL_SOCKET, libc::SO_ERROR),
    ("TCP_NODELAY", libc::IPPROTO_TCP, libc::TCP_NODELAY),
    ("TCP_MAXSEG", libc::IPPROTO_TCP, libc::TCP_MAXSEG),
    #[cfg(not(any(target_os = "macos", target_os = "ios")))]
    ("TCP_KEEPIDLE", libc::IPPROTO_TCP, libc::TCP_KEEPIDLE),
    #[cfg(any(target_os = "macos", target_os = "ios"))]
    ("TCP_KEEPALIVE", libc::IPPROTO_TCP, libc::TCP_KEEPALIVE),
    ("TCP_KEEPINTVL", libc::IPPROTO_TCP, libc::TCP_KEEPINTVL),
    ("TCP_KEEPCNT", libc::IPPROTO_TCP, libc::TCP_KEEPCNT),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("TCP_USER_TIMEOUT", libc::IPPROTO_TCP, libc::TCP_USER_TIMEOUT),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("TCP_CORK", libc::IPPROTO_TCP, libc::TCP_CORK),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("TCP_QUICKACK", libc::IPPROTO_TCP, libc::TCP_QUICKACK),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("TCP_NOTSENT_LOWAT", libc::IPPROTO_TCP, libc::TCP_NOTSENT_LOWAT),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    (
        "TCP_THIN_LINEAR_TIMEOUTS",
        libc::IPPROTO_TCP,
        libc::TCP_THIN_LINEAR_TIMEOUTS,
    ),
    #[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
    ("TCP_CONGESTION", libc::IPPROTO_TCP, libc::TCP_CONGESTION),
    ("IP_TTL", libc::IPPROTO_IP, libc::IP_TTL),
    ("IP_TOS", libc::IPPROTO_IP, libc::IP_TOS),
    ("IP_MULTICAST_TTL", libc::IPPROTO_IP, libc::IP_MULTICAST_TTL),
    ("IP_MULTICAST_LOOP", libc::IPPROTO_IP, libc::IP_MULTICAST_LOOP),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("IP_FREEBIND", libc::IPPROTO_IP, libc::IP_FREEBIND),
    #[cfg(any(target_os = "linux", target_os = "android"))]
    ("IP_TRANSPARENT", libc::IPPROTO_IP, libc::IP_TRANSPARENT),
    #[cfg(any(
        target_os = "linux",
        target_os = "android",
        target_os = "macos",
        target_os = "freebsd"
    ))]
    ("IP_RECVTOS", libc::IPPROTO_IP, libc::IP_RECVTOS),
    ("IPV6_V6ONLY", libc::IPPROTO_IPV6, libc::IPV6_V6ONLY),
    ("IPV6_UNICAST_HOPS", libc::IPPROTO_IPV6, libc::IPV6_UNICAST_HOPS),
    (
        "IPV6_MULTICAST_HOPS",
        libc::IPPROTO_IPV6,
        libc::IPV6_MULTICAST_HOPS,
    ),
    (
        "IPV6_MULTICAST_LOOP",
        libc::IPPROTO_IPV6,
        libc::IPV6_MULTICAST_LOOP,
    ),
    ("IPV6_TCLASS", libc::IPPROTO_IPV6, libc::IPV6_TCLASS),
    ("IPV6_RECVTCLASS", libc::IPPROTO_IPV6, libc::IPV6_RECVTCLASS),
];

/// Apple's Rust code (std, socket2) means SO_LINGER_SEC when it says
/// SO_LINGER: seconds rather than ticks.
#[cfg(any(target_os = "macos", target_os = "ios"))]
const LINGER: libc::c_int = libc::SO_LINGER_SEC;
#[cfg(not(any(target_os = "macos", target_os = "ios")))]
const LINGER: libc::c_int = libc::SO_LINGER;

/// Whether the C types of this OS can hold the request: ints and linger
/// fields are `int`, a timeval's seconds a 64-bit `time_t`.
pub fn raw_fits(val: &crate::value::Val) -> bool {
    use crate::value::Val;
    let int = |v: i128| i32::try_from(v).is_ok();
    match val {
        Val::Int(e) => int(e.value()),
        Val::Linger(on, secs) => int(on.value()) && int(secs.value()),
        Val::Time(sec, usec) => i64::try_from(sec.value()).is_ok() && int(usec.value()),
        Val::Text(..) => true,
    }
}

pub fn code(option: &str) -> Option<Code> {
    CODES
        .iter()
        .find(|(name, _, _)| *name == option)
        .map(|&(_, level, name)| Code { level, name })
}

/// `setsockopt(fd, level, name, value, sizeof value)` for any plain C type.
fn set<T>(socket: &impl AsRawFd, code: Code, value: &T, len: usize) -> Result<(), String> {
    // SAFETY: `value` points to at least `len` readable bytes.
    let rc = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            code.level,
            code.name,
            (value as *const T).cast(),
            len as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

/// `getsockopt` into a zeroed C value; returns the length the OS wrote.
fn get<T>(socket: &impl AsRawFd, code: Code, value: &mut T, len: usize) -> Result<usize, String> {
    let mut len = len as libc::socklen_t;
    // SAFETY: `value` points to at least `len` writable bytes.
    let rc = unsafe {
        libc::getsockopt(
            socket.as_raw_fd(),
            code.level,
            code.name,
            (value as *mut T).cast(),
            &mut len,
        )
    };
    if rc == 0 {
        Ok(len as usize)
    } else {
        Err(last_error_name())
    }
}

/// A C `int` option, set.
pub fn set_int(socket: &impl AsRawFd, code: Code, value: i32) -> Result<(), String> {
    set(socket, code, &(value as libc::c_int), size_of::<libc::c_int>())
}

/// A C `int` option, read.
pub fn get_int(socket: &impl AsRawFd, code: Code) -> Result<i32, String> {
    let mut value: libc::c_int = 0;
    get(socket, code, &mut value, size_of::<libc::c_int>())?;
    Ok(value)
}

/// `struct linger`, set.
pub fn set_linger(socket: &impl AsRawFd, code: Code, on: i32, secs: i32) -> Result<(), String> {
    let l = libc::linger {
        l_onoff: on,
        l_linger: secs,
    };
    set(socket, code, &l, size_of::<libc::linger>())
}

/// `struct linger`, read: (l_onoff, l_linger).
pub fn get_linger(socket: &impl AsRawFd, code: Code) -> Result<(i128, i128), String> {
    let mut l = libc::linger {
        l_onoff: 0,
        l_linger: 0,
    };
    get(socket, code, &mut l, size_of::<libc::linger>())?;
    Ok((l.l_onoff.into(), l.l_linger.into()))
}

/// `struct timeval`, set. Fails (without a call) if the numbers do not fit.
pub fn set_timeval(socket: &impl AsRawFd, code: Code, sec: i128, usec: i128) -> Result<(), String> {
    let tv = libc::timeval {
        tv_sec: sec
            .try_into()
            .map_err(|_| format!("tv_sec {sec} does not fit time_t"))?,
        tv_usec: usec
            .try_into()
            .map_err(|_| format!("tv_usec {usec} does not fit suseconds_t"))?,
    };
    set(socket, code, &tv, size_of::<libc::timeval>())
}

/// `struct timeval`, read: (tv_sec, tv_usec).
pub fn get_timeval(socket: &impl AsRawFd, code: Code) -> Result<(i128, i128), String> {
    let mut tv = libc::timeval {
        tv_sec: 0,
        tv_usec: 0,
    };
    get(socket, code, &mut tv, size_of::<libc::timeval>())?;
    Ok((tv.tv_sec.into(), tv.tv_usec.into()))
}

/// A byte-string option (e.g. TCP_CONGESTION), set with exactly these bytes.
pub fn set_bytes(socket: &impl AsRawFd, code: Code, bytes: &[u8]) -> Result<(), String> {
    // A zero-length buffer still needs a valid pointer.
    let buf: Vec<u8> = if bytes.is_empty() { vec![0] } else { bytes.to_vec() };
    // SAFETY: `buf` holds at least `bytes.len()` readable bytes.
    let rc = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            code.level,
            code.name,
            buf.as_ptr().cast(),
            bytes.len() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

/// A byte-string option, read into a buffer of `capacity` bytes and cut at
/// the first NUL.
pub fn get_bytes(socket: &impl AsRawFd, code: Code, capacity: usize) -> Result<Vec<u8>, String> {
    let mut buf = vec![0u8; capacity];
    let mut len = capacity as libc::socklen_t;
    // SAFETY: `buf` holds `capacity` writable bytes.
    let rc = unsafe {
        libc::getsockopt(
            socket.as_raw_fd(),
            code.level,
            code.name,
            buf.as_mut_ptr().cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return Err(last_error_name());
    }
    buf.truncate(len as usize);
    if let Some(nul) = buf.iter().position(|&b| b == 0) {
        buf.truncate(nul);
    }
    Ok(buf)
}

fn last_error_name() -> String {
    error_name(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
}

/// An errno's symbolic name; unknown numbers keep their number.
pub fn error_name(errno: i32) -> String {
    const NAMES: &[(libc::c_int, &str)] = &[
        (libc::EPERM, "EPERM"),
        (libc::EACCES, "EACCES"),
        (libc::EINVAL, "EINVAL"),
        (libc::EDOM, "EDOM"),
        (libc::EFAULT, "EFAULT"),
        (libc::EBADF, "EBADF"),
        (libc::ENOTSOCK, "ENOTSOCK"),
        (libc::ENOBUFS, "ENOBUFS"),
        (libc::ENOMEM, "ENOMEM"),
        (libc::ENOPROTOOPT, "ENOPROTOOPT"),
        (libc::EOPNOTSUPP, "EOPNOTSUPP"),
        (libc::EAFNOSUPPORT, "EAFNOSUPPORT"),
        (libc::EADDRNOTAVAIL, "EADDRNOTAVAIL"),
        (libc::EADDRINUSE, "EADDRINUSE"),
        (libc::EISCONN, "EISCONN"),
        (libc::ENOTCONN, "ENOTCONN"),
        (libc::EMSGSIZE, "EMSGSIZE"),
        (libc::EAGAIN, "EAGAIN"),
        (libc::ENOENT, "ENOENT"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == errno)
        .map_or_else(|| format!("errno {errno}"), |(_, name)| (*name).to_string())
}
