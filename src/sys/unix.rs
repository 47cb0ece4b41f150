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
];

pub fn code(option: &str) -> Option<Code> {
    CODES
        .iter()
        .find(|(name, _, _)| *name == option)
        .map(|&(_, level, name)| Code { level, name })
}

/// `setsockopt(fd, level, name, &v, sizeof(int))`; the error as its portable name.
pub fn set_int(socket: &impl AsRawFd, code: Code, value: i32) -> Result<(), String> {
    let value: libc::c_int = value;
    // SAFETY: the pointer and length describe a live c_int.
    let rc = unsafe {
        libc::setsockopt(
            socket.as_raw_fd(),
            code.level,
            code.name,
            (&value as *const libc::c_int).cast(),
            size_of::<libc::c_int>() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

/// `getsockopt(fd, level, name, &v, &len)` into a C `int`.
pub fn get_int(socket: &impl AsRawFd, code: Code) -> Result<i32, String> {
    let mut value: libc::c_int = 0;
    let mut len = size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: the pointer and length describe a live, writable c_int.
    let rc = unsafe {
        libc::getsockopt(
            socket.as_raw_fd(),
            code.level,
            code.name,
            (&mut value as *mut libc::c_int).cast(),
            &mut len,
        )
    };
    if rc == 0 {
        Ok(value)
    } else {
        Err(last_error_name())
    }
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
