//! Winsock through windows-sys: `setsockopt`/`getsockopt` on a SOCKET with a
//! C `int`, as a C program on Windows does.

use super::Code;
use crate::option::{Level, OptionSpec};
use crate::os::Os;
use std::mem::size_of;
use std::os::windows::io::AsRawSocket;
use windows_sys::Win32::Networking::WinSock as ws;

/// The largest `time_t` (64 bits on Windows; Winsock's timeouts are no timeval).
pub const TIME_T_MAX: i128 = i64::MAX as i128;

/// An option's level and number on Windows, if Winsock has it (the
/// catalogue's numbers; a unit test holds them against windows-sys).
pub fn code(option: &OptionSpec) -> Option<Code> {
    let name = option.codes.on(Os::Windows)?;
    let level = option.codes.windows_level.unwrap_or(match option.level() {
        Level::Socket => ws::SOL_SOCKET,
        Level::Tcp => ws::IPPROTO_TCP,
        Level::Ip => ws::IPPROTO_IP,
        Level::Ipv6 => ws::IPPROTO_IPV6,
        Level::Udp => ws::IPPROTO_UDP,
    });
    Some(Code { level, name })
}

/// `setsockopt(s, level, name, value, sizeof value)` for any plain C type.
fn set<T>(socket: &impl AsRawSocket, code: Code, value: &T) -> Result<(), String> {
    // SAFETY: the pointer and length describe a live T.
    let rc = unsafe {
        ws::setsockopt(
            socket.as_raw_socket() as ws::SOCKET,
            code.level,
            code.name,
            (value as *const T).cast(),
            size_of::<T>() as i32,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

/// `getsockopt` into a zeroed C value.
fn get<T>(socket: &impl AsRawSocket, code: Code, value: &mut T) -> Result<(), String> {
    let mut len = size_of::<T>() as i32;
    // SAFETY: the pointer and length describe a live, writable T.
    let rc = unsafe {
        ws::getsockopt(
            socket.as_raw_socket() as ws::SOCKET,
            code.level,
            code.name,
            (value as *mut T).cast(),
            &mut len,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

/// `socket(AF_INET, SOCK_STREAM, 0)`: the plain call, no flags.
pub fn plain_tcp4_socket() -> std::io::Result<socket2::Socket> {
    use std::os::windows::io::FromRawSocket;
    // Winsock needs WSAStartup first: std does it for its own sockets.
    drop(std::net::UdpSocket::bind("127.0.0.1:0"));
    // SAFETY: socket() takes no pointer; a handle it returns is new and ours.
    match unsafe { ws::socket(ws::AF_INET as i32, ws::SOCK_STREAM, 0) } {
        ws::INVALID_SOCKET => Err(std::io::Error::from_raw_os_error(unsafe {
            ws::WSAGetLastError()
        })),
        s => Ok(unsafe { socket2::Socket::from_raw_socket(s as _) }),
    }
}

/// A socket's descriptor flags: Winsock has no call that reads whether a
/// socket is non-blocking, so the table is not measured on Windows.
pub fn descriptor_flags(_: &impl AsRawSocket) -> Result<(bool, bool), String> {
    Err("Winsock cannot read a socket's non-blocking state".to_string())
}

pub fn set_int(socket: &impl AsRawSocket, code: Code, value: i32) -> Result<(), String> {
    set(socket, code, &value)
}

pub fn get_int(socket: &impl AsRawSocket, code: Code) -> Result<i32, String> {
    let mut value: i32 = 0;
    get(socket, code, &mut value)?;
    Ok(value)
}

/// A 64-bit unsigned read (no Winsock option in the catalogue has one:
/// SO_COOKIE is Linux's).
pub fn get_u64(socket: &impl AsRawSocket, code: Code) -> Result<u64, String> {
    let mut value: u64 = 0;
    get(socket, code, &mut value)?;
    Ok(value)
}

/// `struct sock_txtime` is Linux's (no Winsock option has it).
pub fn set_txtime(_: &impl AsRawSocket, _: Code, _: i32, _: u32) -> Result<(), String> {
    Err("struct sock_txtime is Linux's".to_string())
}

/// `struct sock_txtime` is Linux's (no Winsock option has it).
pub fn get_txtime(_: &impl AsRawSocket, _: Code) -> Result<(i32, u32), String> {
    Err("struct sock_txtime is Linux's".to_string())
}

/// Classic BPF socket filters are Linux's (no Winsock option).
pub fn set_filter(_: &impl AsRawSocket, _: Code, _: &[crate::filter::Insn]) -> Result<(), String> {
    Err("SO_ATTACH_FILTER is Linux's".to_string())
}

/// Classic BPF socket filters are Linux's (no Winsock option).
pub fn get_filter_len(_: &impl AsRawSocket, _: Code) -> Result<u32, String> {
    Err("SO_ATTACH_FILTER is Linux's".to_string())
}

/// `WSAIoctl(s, SIO_TCP_SET_ACK_FREQUENCY, &params, sizeof params, ...)`:
/// the count in a `TCP_ACK_FREQUENCY_PARAMETERS`, nothing out.
pub fn set_ack_frequency(socket: &impl AsRawSocket, code: Code, count: u8) -> Result<(), String> {
    let mut params = ws::TCP_ACK_FREQUENCY_PARAMETERS {
        TcpDelayedAckFrequency: count,
    };
    let mut returned = 0u32;
    // SAFETY: the input pointer and length describe a live struct; there is
    // no output buffer, no overlapped call and no completion routine.
    let rc = unsafe {
        ws::WSAIoctl(
            socket.as_raw_socket() as ws::SOCKET,
            code.name as u32,
            (&raw mut params).cast(),
            size_of::<ws::TCP_ACK_FREQUENCY_PARAMETERS>() as u32,
            std::ptr::null_mut(),
            0,
            &mut returned,
            std::ptr::null_mut(),
            None,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

/// A socket address read into a `SOCKADDR_STORAGE` (SO_ORIGINAL_DST), as
/// the catalogue's number for its address.
pub fn get_sockaddr(socket: &impl AsRawSocket, code: Code) -> Result<i128, String> {
    let mut storage = [0u8; size_of::<ws::SOCKADDR_STORAGE>()];
    get(socket, code, &mut storage)?;
    // SOCKADDR_IN: family, port, then the address; SOCKADDR_IN6: family,
    // port, flow info, then the address.
    let ip: std::net::IpAddr = match u16::from_ne_bytes([storage[0], storage[1]]) {
        ws::AF_INET => <[u8; 4]>::try_from(&storage[4..8]).expect("4 bytes").into(),
        ws::AF_INET6 => <[u8; 16]>::try_from(&storage[8..24]).expect("16 bytes").into(),
        family => return Err(format!("a socket address of family {family}")),
    };
    Ok(crate::address::ip_bits(ip))
}

/// A pidfd is Linux's (the catalogue gives SO_PEERPIDFD no Winsock number,
/// so no case asks).
pub fn get_new_fd(_: &impl AsRawSocket, _: Code) -> Result<i32, String> {
    Err("a pidfd is Linux's".to_string())
}

/// `struct ucred` is Linux's (the catalogue gives SO_PEERCRED no Winsock
/// number, so no case asks).
pub fn get_ucred(_: &impl AsRawSocket, _: Code) -> Result<(i32, u32, u32), String> {
    Err("struct ucred is Linux's".to_string())
}

/// `struct xucred` is the BSDs' (the catalogue gives LOCAL_PEERCRED no
/// Winsock number, so no case asks).
pub fn get_xucred(_: &impl AsRawSocket, _: Code) -> Result<[i128; 5], String> {
    Err("struct xucred is the BSDs'".to_string())
}

/// `SO_PROTOCOL_INFOW` into a whole `WSAPROTOCOL_INFOW`: its `iProtocol`.
pub fn get_protocol_info(socket: &impl AsRawSocket, code: Code) -> Result<i32, String> {
    // SAFETY: WSAPROTOCOL_INFOW is plain data (integers, GUIDs, a UTF-16
    // array); all zeroes is a valid value of it.
    let mut info: ws::WSAPROTOCOL_INFOW = unsafe { std::mem::zeroed() };
    get(socket, code, &mut info)?;
    Ok(info.iProtocol)
}

/// Winsock's `struct linger` holds two `u_short`s; a request that does not
/// fit them cannot be said on this path.
pub fn set_linger(socket: &impl AsRawSocket, code: Code, on: i32, secs: i32) -> Result<(), String> {
    let short = |v: i32| u16::try_from(v).map_err(|_| format!("{v} does not fit a u_short"));
    let l = ws::LINGER {
        l_onoff: short(on)?,
        l_linger: short(secs)?,
    };
    set(socket, code, &l)
}

pub fn get_linger(socket: &impl AsRawSocket, code: Code) -> Result<(i128, i128), String> {
    let mut l = ws::LINGER {
        l_onoff: 0,
        l_linger: 0,
    };
    get(socket, code, &mut l)?;
    Ok((l.l_onoff.into(), l.l_linger.into()))
}

/// Winsock's timeouts are a DWORD of milliseconds: a timeval request is
/// said as that many milliseconds when it is a whole number of them.
pub fn set_timeval(socket: &impl AsRawSocket, code: Code, sec: i128, usec: i128) -> Result<(), String> {
    if usec % 1000 != 0 {
        return Err(format!(
            "tv_usec {usec} is not whole milliseconds (Windows takes a DWORD of ms)"
        ));
    }
    let ms = u32::try_from(sec * 1000 + usec / 1000)
        .map_err(|_| "the timeout does not fit a DWORD of ms".to_string())?;
    set(socket, code, &ms)
}

pub fn get_timeval(socket: &impl AsRawSocket, code: Code) -> Result<(i128, i128), String> {
    let mut ms: u32 = 0;
    get(socket, code, &mut ms)?;
    Ok(((ms / 1000).into(), ((ms % 1000) * 1000).into()))
}

/// An option set with exactly these bytes (a C struct, such as `ip_mreq`).
pub fn set_bytes(socket: &impl AsRawSocket, code: Code, bytes: &[u8]) -> Result<(), String> {
    // A zero-length buffer still needs a valid pointer.
    let buf: Vec<u8> = if bytes.is_empty() { vec![0] } else { bytes.to_vec() };
    let len = i32::try_from(bytes.len()).map_err(|_| "option value too long".to_string())?;
    // SAFETY: `buf` holds at least `len` readable bytes.
    let rc = unsafe {
        ws::setsockopt(
            socket.as_raw_socket() as ws::SOCKET,
            code.level,
            code.name,
            buf.as_ptr(),
            len,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(last_error_name())
    }
}

pub fn get_bytes(_: &impl AsRawSocket, _: Code, _: usize) -> Result<Vec<u8>, String> {
    Err("Winsock has no byte-string socket options".into())
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
        (ws::WSAEPROTONOSUPPORT, "WSAEPROTONOSUPPORT"),
        (ws::WSAESOCKTNOSUPPORT, "WSAESOCKTNOSUPPORT"),
        (ws::WSAEPROTOTYPE, "WSAEPROTOTYPE"),
        (ws::WSAEADDRINUSE, "WSAEADDRINUSE"),
        (ws::WSAEADDRNOTAVAIL, "WSAEADDRNOTAVAIL"),
        (ws::WSAENOBUFS, "WSAENOBUFS"),
        (ws::WSAEISCONN, "WSAEISCONN"),
        (ws::WSAENOTCONN, "WSAENOTCONN"),
        (ws::WSAEWOULDBLOCK, "WSAEWOULDBLOCK"),
        (ws::WSAECONNREFUSED, "WSAECONNREFUSED"),
        (ws::WSAETIMEDOUT, "WSAETIMEDOUT"),
        (ws::WSAECONNRESET, "WSAECONNRESET"),
        (ws::WSAECONNABORTED, "WSAECONNABORTED"),
        (ws::WSAEHOSTUNREACH, "WSAEHOSTUNREACH"),
        (ws::WSAENETUNREACH, "WSAENETUNREACH"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == code)
        .map_or_else(|| format!("WSA error {code}"), |(_, name)| (*name).to_string())
}

/// Whether an error says no socket handle is left (WSAEMFILE).
pub fn is_fd_exhaustion(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(ws::WSAEMFILE)
}

/// Windows has no SIGPIPE: a closed pipe is a write error, handled there.
pub fn default_sigpipe() {}

/// Windows has no SIGINT/SIGTERM to wait for (Ctrl-C is a console event,
/// not handled here): the temp folder of an interrupted run stays behind.
pub fn on_termination(_handler: fn(i32)) {}

/// SO_REUSEPORT: Winsock has none.
pub fn set_reuse_port(_: &socket2::Socket) -> std::io::Result<()> {
    Err(unsupported("SO_REUSEPORT"))
}

/// SO_REUSEPORT_LB: FreeBSD's alone.
pub fn set_reuse_port_lb(_: &socket2::Socket) -> std::io::Result<()> {
    Err(unsupported("SO_REUSEPORT_LB"))
}

/// SO_EXCLUSIVEADDRUSE on (bind and reuse behaviours).
pub fn set_exclusive_addr_use(socket: &socket2::Socket) -> std::io::Result<()> {
    let code = Code {
        level: ws::SOL_SOCKET,
        name: ws::SO_EXCLUSIVEADDRUSE,
    };
    set_int(socket, code, 1).map_err(std::io::Error::other)
}

fn unsupported(option: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Unsupported, format!("no {option} on this OS"))
}

/// A datagram to 127.255.255.255 stays on this machine: Windows routes it
/// on-link to the loopback interface (and Wine to the Linux host's lo).
pub const LOOPBACK_BROADCAST_STAYS_LOCAL: bool = true;

/// Winsock's control messages come through WSARecvMsg, which this project
/// does not call: the wire behaviours are not run here.
pub fn control_message_of(_: &str) -> Option<(i32, i32)> {
    None
}

/// See `control_message_of`.
pub fn recv_control_int(_: &impl AsRawSocket, _: i32, _: i32) -> std::io::Result<Option<i32>> {
    Err(unsupported("WSARecvMsg"))
}

/// See `control_message_of`: Winsock has no packet options for a stream
/// socket.
pub fn packet_option_int(_: &impl AsRawSocket, _: bool, _: i32, _: i32) -> std::io::Result<Option<i32>> {
    Err(unsupported("IP_PKTOPTIONS"))
}

/// This OS's control messages are not read here (`recv_control_int`).
pub const READS_CONTROL_MESSAGES: bool = false;

/// WSAPoll for POLLRDNORM: whether the socket became readable within
/// `limit`.
pub fn poll_readable(socket: &impl AsRawSocket, limit: std::time::Duration) -> std::io::Result<bool> {
    let mut fd = ws::WSAPOLLFD {
        fd: socket.as_raw_socket() as ws::SOCKET,
        events: ws::POLLRDNORM,
        revents: 0,
    };
    let ms = i32::try_from(limit.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one WSAPOLLFD, live for the call.
    match unsafe { ws::WSAPoll(&mut fd, 1, ms) } {
        n if n < 0 => Err(std::io::Error::from_raw_os_error(unsafe {
            ws::WSAGetLastError()
        })),
        n => Ok(n > 0 && fd.revents & ws::POLLRDNORM != 0),
    }
}

/// Windows runs no other-user cases here.
pub fn can_switch_user() -> bool {
    false
}

/// See `can_switch_user`.
pub fn bind_in_child(_: u32, _: &super::SecondSocket) -> std::io::Result<(i32, Option<i32>)> {
    Err(unsupported("a second socket under another uid"))
}

#[cfg(test)]
mod tests {
    use super::ws;
    use crate::catalog;

    #[test]
    fn catalogue_numbers_are_windows_sys() {
        let codes: &[(&str, i32)] = &[
            ("SO_SNDBUF", ws::SO_SNDBUF),
            ("SO_RCVBUF", ws::SO_RCVBUF),
            ("SO_KEEPALIVE", ws::SO_KEEPALIVE),
            ("SO_REUSEADDR", ws::SO_REUSEADDR),
            ("SO_BROADCAST", ws::SO_BROADCAST),
            ("SO_OOBINLINE", ws::SO_OOBINLINE),
            ("SO_LINGER", ws::SO_LINGER),
            ("SO_RCVTIMEO", ws::SO_RCVTIMEO),
            ("SO_SNDTIMEO", ws::SO_SNDTIMEO),
            ("SO_RCVLOWAT", ws::SO_RCVLOWAT),
            ("SO_SNDLOWAT", ws::SO_SNDLOWAT),
            ("SO_TYPE", ws::SO_TYPE),
            ("SO_ERROR", ws::SO_ERROR),
            ("TCP_NODELAY", ws::TCP_NODELAY),
            ("TCP_MAXSEG", ws::TCP_MAXSEG),
            ("TCP_KEEPIDLE", ws::TCP_KEEPIDLE),
            ("TCP_KEEPINTVL", ws::TCP_KEEPINTVL),
            ("TCP_KEEPCNT", ws::TCP_KEEPCNT),
            ("IP_TTL", ws::IP_TTL),
            ("IP_TOS", ws::IP_TOS),
            ("IP_MULTICAST_TTL", ws::IP_MULTICAST_TTL),
            ("IP_MULTICAST_LOOP", ws::IP_MULTICAST_LOOP),
            ("IP_RECVTTL", ws::IP_RECVTTL),
            ("IP_RECVTOS", ws::IP_RECVTOS),
            ("IPV6_TCLASS", ws::IPV6_TCLASS),
            ("IPV6_RECVTCLASS", ws::IPV6_RECVTCLASS),
            ("SO_DONTROUTE", ws::SO_DONTROUTE),
            ("TCP_FASTOPEN", ws::TCP_FASTOPEN),
            ("SO_ACCEPTCONN", ws::SO_ACCEPTCONN),
            ("IP_PKTINFO", ws::IP_PKTINFO),
            ("IPV6_DONTFRAG", ws::IPV6_DONTFRAG),
            ("SO_EXCLUSIVEADDRUSE", ws::SO_EXCLUSIVEADDRUSE),
            ("SO_PROTOCOL_INFOW", ws::SO_PROTOCOL_INFOW),
            ("IPV6_MULTICAST_IF", ws::IPV6_MULTICAST_IF),
            ("IP_HDRINCL", ws::IP_HDRINCL),
            ("IPV6_HDRINCL", ws::IPV6_HDRINCL),
            ("IPV6_V6ONLY", ws::IPV6_V6ONLY),
            ("IPV6_UNICAST_HOPS", ws::IPV6_UNICAST_HOPS),
            ("IPV6_MULTICAST_HOPS", ws::IPV6_MULTICAST_HOPS),
            ("IPV6_MULTICAST_LOOP", ws::IPV6_MULTICAST_LOOP),
            ("IP_MULTICAST_IF", ws::IP_MULTICAST_IF),
            ("IP_ADD_MEMBERSHIP", ws::IP_ADD_MEMBERSHIP),
            ("IP_DROP_MEMBERSHIP", ws::IP_DROP_MEMBERSHIP),
            ("IPV6_ADD_MEMBERSHIP", ws::IPV6_ADD_MEMBERSHIP),
            ("IPV6_DROP_MEMBERSHIP", ws::IPV6_DROP_MEMBERSHIP),
            ("IP_ADD_SOURCE_MEMBERSHIP", ws::IP_ADD_SOURCE_MEMBERSHIP),
            ("IP_DROP_SOURCE_MEMBERSHIP", ws::IP_DROP_SOURCE_MEMBERSHIP),
            ("SO_ORIGINAL_DST", ws::SO_ORIGINAL_DST as i32),
            ("IP6T_SO_ORIGINAL_DST", ws::IP6T_SO_ORIGINAL_DST as i32),
            ("SIO_TCP_SET_ACK_FREQUENCY", ws::SIO_TCP_SET_ACK_FREQUENCY as i32),
        ];
        for &(name, number) in codes {
            let option = catalog::find(name).expect("a catalogue option");
            assert_eq!(super::code(option).map(|c| c.name), Some(number), "{name}");
        }
        // The levels of Winsock's own (socket2 0.6.5 src/sys/windows.rs
        // original_dst_v4 / original_dst_v6: SOL_IP).
        for name in ["SO_ORIGINAL_DST", "IP6T_SO_ORIGINAL_DST"] {
            let option = catalog::find(name).expect("a catalogue option");
            assert_eq!(
                super::code(option).map(|c| c.level),
                Some(ws::SOL_IP as i32),
                "{name}"
            );
        }
    }
}
