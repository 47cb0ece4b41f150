//! Winsock through windows-sys: `setsockopt`/`getsockopt` on a SOCKET with a
//! C `int`, as a C program on Windows does.

use super::Code;
use std::mem::size_of;
use std::os::windows::io::AsRawSocket;
use windows_sys::Win32::Networking::WinSock as ws;

/// The option names this OS defines, by their C name.
const CODES: &[(&str, i32, i32)] = &[
    ("SO_SNDBUF", ws::SOL_SOCKET, ws::SO_SNDBUF),
    ("SO_RCVBUF", ws::SOL_SOCKET, ws::SO_RCVBUF),
];

pub fn code(option: &str) -> Option<Code> {
    CODES
        .iter()
        .find(|(name, _, _)| *name == option)
        .map(|&(_, level, name)| Code { level, name })
}

pub fn set_int(socket: &impl AsRawSocket, code: Code, value: i32) -> Result<(), String> {
    // SAFETY: the pointer and length describe a live i32.
    let rc = unsafe {
        ws::setsockopt(
            socket.as_raw_socket() as ws::SOCKET,
            code.level,
            code.name,
            (&value as *const i32).cast(),
            size_of::<i32>() as i32,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

pub fn get_int(socket: &impl AsRawSocket, code: Code) -> Result<i32, String> {
    let mut value: i32 = 0;
    let mut len = size_of::<i32>() as i32;
    // SAFETY: the pointer and length describe a live, writable i32.
    let rc = unsafe {
        ws::getsockopt(
            socket.as_raw_socket() as ws::SOCKET,
            code.level,
            code.name,
            (&mut value as *mut i32).cast(),
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
    // SAFETY: no arguments; reads the calling thread's last Winsock error.
    error_name(unsafe { ws::WSAGetLastError() })
}

/// A WSA error's symbolic name; unknown numbers keep their number.
pub fn error_name(code: i32) -> String {
    const NAMES: &[(i32, &str)] = &[
        (ws::WSAEACCES, "WSAEACCES"),
        (ws::WSAEFAULT, "WSAEFAULT"),
        (ws::WSAEINVAL, "WSAEINVAL"),
        (ws::WSAENOTSOCK, "WSAENOTSOCK"),
        (ws::WSAEMSGSIZE, "WSAEMSGSIZE"),
        (ws::WSAENOPROTOOPT, "WSAENOPROTOOPT"),
        (ws::WSAEOPNOTSUPP, "WSAEOPNOTSUPP"),
        (ws::WSAEAFNOSUPPORT, "WSAEAFNOSUPPORT"),
        (ws::WSAEADDRINUSE, "WSAEADDRINUSE"),
        (ws::WSAEADDRNOTAVAIL, "WSAEADDRNOTAVAIL"),
        (ws::WSAENOBUFS, "WSAENOBUFS"),
        (ws::WSAEISCONN, "WSAEISCONN"),
        (ws::WSAENOTCONN, "WSAENOTCONN"),
        (ws::WSAEWOULDBLOCK, "WSAEWOULDBLOCK"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == code)
        .map_or_else(|| format!("WSA error {code}"), |(_, name)| (*name).to_string())
}
