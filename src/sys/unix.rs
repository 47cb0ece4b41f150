//! libc on Unix: `setsockopt`/`getsockopt` with a C `int`, as a C program does.

use super::Code;
use crate::option::{Level, OptionSpec};
use crate::os::Os;
use std::mem::size_of;
use std::os::fd::AsRawFd;

/// The largest `time_t`: 2^63-1, or 2^31-1 where it is 32 bits (i686 glibc).
#[cfg_attr(target_env = "musl", allow(deprecated))] // (64 bits from musl 1.2 on)
pub const TIME_T_MAX: i128 = libc::time_t::MAX as i128;

/// An option's level and number on this OS, if the OS has it (the
/// numbers are the catalogue's; a unit test holds them against libc's).
pub fn code(option: &OptionSpec) -> Option<Code> {
    let name = option.codes.on(Os::this())?;
    let level = match option.level() {
        Level::Socket => libc::SOL_SOCKET,
        Level::Tcp => libc::IPPROTO_TCP,
        Level::Ip => libc::IPPROTO_IP,
        Level::Ipv6 => libc::IPPROTO_IPV6,
        Level::Udp => libc::IPPROTO_UDP,
    };
    Some(Code { level, name })
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

/// `socket(AF_INET, SOCK_STREAM, 0)`: the plain call, no flags in the type.
pub fn plain_tcp4_socket() -> std::io::Result<socket2::Socket> {
    use std::os::fd::FromRawFd;
    // SAFETY: socket() takes no pointer; a descriptor it returns is new and ours.
    match unsafe { libc::socket(libc::AF_INET, libc::SOCK_STREAM, 0) } {
        -1 => Err(std::io::Error::last_os_error()),
        fd => Ok(unsafe { socket2::Socket::from_raw_fd(fd) }),
    }
}

/// A descriptor's close-on-exec (FD_CLOEXEC) and non-blocking (O_NONBLOCK)
/// flags, as fcntl reads them.
pub fn descriptor_flags(fd: &impl AsRawFd) -> Result<(bool, bool), String> {
    // SAFETY: F_GETFD and F_GETFL take no argument and only read.
    let (fd_flags, fl_flags) = unsafe {
        (
            libc::fcntl(fd.as_raw_fd(), libc::F_GETFD),
            libc::fcntl(fd.as_raw_fd(), libc::F_GETFL),
        )
    };
    if fd_flags < 0 || fl_flags < 0 {
        return Err(last_error_name());
    }
    Ok((fd_flags & libc::FD_CLOEXEC != 0, fl_flags & libc::O_NONBLOCK != 0))
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

/// A read that hands back a new file descriptor (SO_PEERPIDFD): its
/// number, the descriptor closed at once so no read leaves one behind.
pub fn get_new_fd(socket: &impl AsRawFd, code: Code) -> Result<i32, String> {
    use std::os::fd::FromRawFd;
    let fd = get_int(socket, code)?;
    if fd >= 0 {
        // SAFETY: the kernel has just installed `fd` for this read, and
        // nothing else in the process knows it: this is its only owner.
        drop(unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) });
    }
    Ok(fd)
}

/// SIO_TCP_SET_ACK_FREQUENCY is a Winsock ioctl (the catalogue gives it no
/// number here, so no case asks).
pub fn set_ack_frequency(_: &impl AsRawFd, _: Code, _: u8) -> Result<(), String> {
    Err("SIO_TCP_SET_ACK_FREQUENCY is a Winsock ioctl".to_string())
}

/// A socket address read into a `sockaddr_storage` (SO_ORIGINAL_DST): its
/// address as the catalogue holds addresses (an IPv4 `in_addr` as an int,
/// an IPv6 one as its 128 bits); the port is not reported.
pub fn get_sockaddr(socket: &impl AsRawFd, code: Code) -> Result<i128, String> {
    // SAFETY: sockaddr_storage is plain data; all zeroes is a valid value.
    let mut storage: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
    get(socket, code, &mut storage, size_of::<libc::sockaddr_storage>())?;
    match i32::from(storage.ss_family) {
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let sin: libc::sockaddr_in = unsafe { std::ptr::read((&raw const storage).cast()) };
            let ip = std::net::Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes());
            Ok(crate::address::ip_bits(ip.into()))
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let sin6: libc::sockaddr_in6 = unsafe { std::ptr::read((&raw const storage).cast()) };
            let ip = std::net::Ipv6Addr::from(sin6.sin6_addr.s6_addr);
            Ok(crate::address::ip_bits(ip.into()))
        }
        family => Err(format!("a socket address of family {family}")),
    }
}

/// A 64-bit unsigned read (SO_COOKIE, which refuses a shorter buffer).
pub fn get_u64(socket: &impl AsRawFd, code: Code) -> Result<u64, String> {
    let mut value: u64 = 0;
    get(socket, code, &mut value, size_of::<u64>())?;
    Ok(value)
}

/// `struct sock_txtime` (SO_TXTIME): `__kernel_clockid_t clockid; __u32 flags;`.
#[repr(C)]
#[derive(Default)]
struct SockTxtime {
    clockid: i32,
    flags: u32,
}

/// `struct sock_txtime`, set.
pub fn set_txtime(socket: &impl AsRawFd, code: Code, clockid: i32, flags: u32) -> Result<(), String> {
    let value = SockTxtime { clockid, flags };
    set(socket, code, &value, size_of::<SockTxtime>())
}

/// `struct sock_txtime`, read: the clock id and the flags.
pub fn get_txtime(socket: &impl AsRawFd, code: Code) -> Result<(i32, u32), String> {
    let mut value = SockTxtime::default();
    get(socket, code, &mut value, size_of::<SockTxtime>())?;
    Ok((value.clockid, value.flags))
}

/// `SO_ATTACH_FILTER`: a `struct sock_fprog` pointing at the program,
/// which must outlive the call (the kernel copies it during it).
#[cfg(any(target_os = "linux", target_os = "android"))]
pub fn set_filter(socket: &impl AsRawFd, code: Code, insns: &[crate::filter::Insn]) -> Result<(), String> {
    let mut program: Vec<libc::sock_filter> = insns
        .iter()
        .map(|&(code, jt, jf, k)| libc::sock_filter { code, jt, jf, k })
        .collect();
    let len = u16::try_from(program.len())
        .map_err(|_| format!("{} instructions do not fit a u16", program.len()))?;
    let fprog = libc::sock_fprog {
        len,
        filter: program.as_mut_ptr(),
    };
    set(socket, code, &fprog, size_of::<libc::sock_fprog>())
}

/// Classic BPF socket filters are Linux's (the catalogue gives
/// SO_ATTACH_FILTER no number elsewhere, so no case asks).
#[cfg(not(any(target_os = "linux", target_os = "android")))]
pub fn set_filter(_: &impl AsRawFd, _: Code, _: &[crate::filter::Insn]) -> Result<(), String> {
    Err("SO_ATTACH_FILTER is Linux's".to_string())
}

/// The attached program's length in instructions (SO_GET_FILTER asked
/// with a zero length: the kernel then copies nothing and answers the
/// count in the length; 0 without a program).
pub fn get_filter_len(socket: &impl AsRawFd, code: Code) -> Result<u32, String> {
    let mut room = [0u8; 1];
    let len = get(socket, code, &mut room, 0)?;
    u32::try_from(len).map_err(|_| format!("a filter length of {len}"))
}

/// This process's effective uid and gid.
pub fn effective_ids() -> (i128, i128) {
    // SAFETY: geteuid and getegid take nothing and cannot fail.
    unsafe { (libc::geteuid().into(), libc::getegid().into()) }
}

/// `struct ucred` (SO_PEERCRED): pid, uid, gid, as Linux lays it out.
pub fn get_ucred(socket: &impl AsRawFd, code: Code) -> Result<(i32, u32, u32), String> {
    #[repr(C)]
    #[derive(Default)]
    struct Ucred {
        pid: i32,
        uid: u32,
        gid: u32,
    }
    let mut value = Ucred::default();
    get(socket, code, &mut value, size_of::<Ucred>())?;
    Ok((value.pid, value.uid, value.gid))
}

/// `struct xucred` (LOCAL_PEERCRED on the BSDs): the bytes the kernel
/// wrote, then cr_version, cr_uid, cr_ngroups and cr_groups[0].
#[cfg(any(target_vendor = "apple", target_os = "freebsd"))]
pub fn get_xucred(socket: &impl AsRawFd, code: Code) -> Result<[i128; 5], String> {
    // SAFETY: xucred is plain data (FreeBSD's union holds a pointer or a
    // pid); all zeroes is a valid value of it.
    let mut value: libc::xucred = unsafe { std::mem::zeroed() };
    let len = get(socket, code, &mut value, size_of::<libc::xucred>())?;
    Ok([
        len as i128,
        value.cr_version.into(),
        value.cr_uid.into(),
        value.cr_ngroups.into(),
        value.cr_groups[0].into(),
    ])
}

/// `struct xucred` is the BSDs' (the catalogue gives LOCAL_PEERCRED no
/// number here, so no case asks).
#[cfg(not(any(target_vendor = "apple", target_os = "freebsd")))]
pub fn get_xucred(_: &impl AsRawFd, _: Code) -> Result<[i128; 5], String> {
    Err("struct xucred is the BSDs'".to_string())
}

/// Winsock's `SO_PROTOCOL_INFOW` struct: no Unix option has it (the
/// catalogue gives it no number here, so no case asks).
pub fn get_protocol_info(_: &impl AsRawFd, _: Code) -> Result<i32, String> {
    Err("WSAPROTOCOL_INFOW is Winsock's".to_string())
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
        (libc::EPROTO, "EPROTO"),
        (libc::EISCONN, "EISCONN"),
        (libc::ENOTCONN, "ENOTCONN"),
        (libc::ENODEV, "ENODEV"),
        (libc::EMSGSIZE, "EMSGSIZE"),
        (libc::EAGAIN, "EAGAIN"),
        (libc::ENOENT, "ENOENT"),
        (libc::ERANGE, "ERANGE"),
        // FreeBSD has no ENODATA.
        #[cfg(not(target_os = "freebsd"))]
        (libc::ENODATA, "ENODATA"),
        (libc::ECONNREFUSED, "ECONNREFUSED"),
        (libc::ETIMEDOUT, "ETIMEDOUT"),
        (libc::ECONNRESET, "ECONNRESET"),
        (libc::ECONNABORTED, "ECONNABORTED"),
        (libc::EPIPE, "EPIPE"),
        (libc::EHOSTUNREACH, "EHOSTUNREACH"),
        (libc::ENETUNREACH, "ENETUNREACH"),
    ];
    NAMES
        .iter()
        .find(|(n, _)| *n == errno)
        .map_or_else(|| format!("errno {errno}"), |(_, name)| (*name).to_string())
}

/// Whether an error says the process or system has no file descriptor left.
pub fn is_fd_exhaustion(e: &std::io::Error) -> bool {
    matches!(e.raw_os_error(), Some(libc::EMFILE | libc::ENFILE))
}

/// Restores the default action for SIGPIPE, which Rust's runtime ignores,
/// so that writing to a closed pipe ends the process the way it ends `cat`.
pub fn default_sigpipe() {
    // SAFETY: setting a signal's disposition to SIG_DFL has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

/// Calls `handler` with the signal's number, on a thread of its own, when
/// SIGINT or SIGTERM arrives. Call it before any other thread starts: the
/// two signals are blocked here and in every thread spawned later, so only
/// the waiting thread takes them.
pub fn on_termination(handler: fn(i32)) {
    // SAFETY: sigemptyset/sigaddset fill a local set; pthread_sigmask only
    // changes this thread's mask (inherited by threads it spawns).
    let set = unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, libc::SIGINT);
        libc::sigaddset(&mut set, libc::SIGTERM);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    };
    std::thread::spawn(move || loop {
        let mut signal = 0;
        // SAFETY: sigwait reads the set and writes one int.
        if unsafe { libc::sigwait(&set, &mut signal) } == 0 {
            handler(signal);
        }
    });
}

/// SO_REUSEPORT on (bind and reuse behaviours).
pub fn set_reuse_port(socket: &socket2::Socket) -> std::io::Result<()> {
    socket.set_reuse_port(true)
}

/// SO_REUSEPORT_LB on: FreeBSD's alone.
pub fn set_reuse_port_lb(socket: &socket2::Socket) -> std::io::Result<()> {
    #[cfg(target_os = "freebsd")]
    return socket.set_reuse_port_lb(true);
    #[cfg(not(target_os = "freebsd"))]
    {
        let _ = socket;
        Err(unsupported("SO_REUSEPORT_LB"))
    }
}

/// SO_EXCLUSIVEADDRUSE: Windows' alone.
pub fn set_exclusive_addr_use(_: &socket2::Socket) -> std::io::Result<()> {
    Err(unsupported("SO_EXCLUSIVEADDRUSE"))
}

fn unsupported(option: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::Unsupported, format!("no {option} on this OS"))
}

/// A datagram to 127.255.255.255 stays on this machine: Linux and macOS
/// route 127/8 to the loopback interface; FreeBSD routes 127.0.0.1 alone,
/// so it would take the default route, and the broadcast behaviours are
/// not run there.
pub const LOOPBACK_BROADCAST_STAYS_LOCAL: bool = !cfg!(target_os = "freebsd");

/// Where a received datagram's value arrives for a receive option
/// (`IP_RECVTTL` ...): the control message's level and type. Linux names
/// the IPv4 ones by the sending option (IP_TTL, IP_TOS); the BSDs by the
/// receive option itself.
pub fn control_message_of(receive_option: &str) -> Option<(i32, i32)> {
    let linux = cfg!(any(target_os = "linux", target_os = "android"));
    match receive_option {
        "IP_RECVTTL" if linux => Some((libc::IPPROTO_IP, libc::IP_TTL)),
        "IP_RECVTOS" if linux => Some((libc::IPPROTO_IP, libc::IP_TOS)),
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        "IP_RECVTTL" => Some((libc::IPPROTO_IP, libc::IP_RECVTTL)),
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        "IP_RECVTOS" => Some((libc::IPPROTO_IP, libc::IP_RECVTOS)),
        "IPV6_RECVHOPLIMIT" => Some((libc::IPPROTO_IPV6, libc::IPV6_HOPLIMIT)),
        "IPV6_RECVTCLASS" => Some((libc::IPPROTO_IPV6, libc::IPV6_TCLASS)),
        _ => None,
    }
}

/// Receives one datagram and returns the value its control message
/// (`level`, `kind`) holds: one byte or a C int, as the OS writes it;
/// `None` when the datagram came without one.
pub fn recv_control_int(socket: &impl AsRawFd, level: i32, kind: i32) -> std::io::Result<Option<i32>> {
    let mut data = [0u8; 64];
    let mut iov = libc::iovec {
        iov_base: data.as_mut_ptr().cast(),
        iov_len: data.len(),
    };
    // u64 words keep the control buffer aligned for cmsghdr.
    let mut control = [0u64; 32];
    // SAFETY: msghdr is plain data; all-zero is a valid empty header.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_iov = &mut iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = std::mem::size_of_val(&control) as _;
    // SAFETY: msg points to live buffers of the lengths it states.
    if unsafe { libc::recvmsg(socket.as_raw_fd(), &mut msg, 0) } < 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(control_int(&msg, level, kind))
}

/// The value the control message (`level`, `kind`) in `msg`'s control
/// buffer holds: one byte or a C int, as the OS writes it.
fn control_int(msg: &libc::msghdr, level: i32, kind: i32) -> Option<i32> {
    // SAFETY: the CMSG_* walk stays within msg_controllen, which the
    // caller set to the bytes the kernel wrote.
    unsafe {
        let mut cmsg = libc::CMSG_FIRSTHDR(msg);
        while !cmsg.is_null() {
            let header = &*cmsg;
            if header.cmsg_level == level && header.cmsg_type == kind {
                let len = header.cmsg_len as usize - libc::CMSG_LEN(0) as usize;
                let at = libc::CMSG_DATA(cmsg);
                return Some(match len {
                    1 => i32::from(*at),
                    _ => std::ptr::read_unaligned(at.cast::<i32>()),
                });
            }
            cmsg = libc::CMSG_NXTHDR(msg, cmsg);
        }
    }
    None
}

/// The getsockopt that hands a stream socket its packets' options, IPv4's
/// or (`v6`) IPv6's: Linux's IP_PKTOPTIONS and IPV6_2292PKTOPTIONS; the
/// BSDs' IPV6_2292PKTOPTIONS (25: netinet6/in6.h in FreeBSD and XNU), and
/// no IPv4 one.
fn packet_options_code(v6: bool) -> Option<(i32, i32)> {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    return Some(match v6 {
        false => (libc::IPPROTO_IP, libc::IP_PKTOPTIONS),
        true => (libc::IPPROTO_IPV6, libc::IPV6_2292PKTOPTIONS),
    });
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    return v6.then_some((libc::IPPROTO_IPV6, 25));
}

/// Reads a stream socket's packet options (`packet_options_code`) and
/// returns the value its control message (`level`, `kind`) holds; `None`
/// when it holds none.
pub fn packet_option_int(
    socket: &impl AsRawFd,
    v6: bool,
    level: i32,
    kind: i32,
) -> std::io::Result<Option<i32>> {
    let (opt_level, name) = packet_options_code(v6)
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::Unsupported, "no IPv4 packet options here"))?;
    // u64 words keep the buffer aligned for cmsghdr.
    let mut control = [0u64; 32];
    let mut len = std::mem::size_of_val(&control) as libc::socklen_t;
    // SAFETY: the buffer is live and len says its size.
    let rc = unsafe {
        libc::getsockopt(
            socket.as_raw_fd(),
            opt_level,
            name,
            control.as_mut_ptr().cast(),
            &mut len,
        )
    };
    if rc < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: msghdr is plain data; all-zero is a valid empty header.
    let mut msg: libc::msghdr = unsafe { std::mem::zeroed() };
    msg.msg_control = control.as_mut_ptr().cast();
    msg.msg_controllen = len as _;
    Ok(control_int(&msg, level, kind))
}

/// This OS's control messages can be read here (`recv_control_int`).
pub const READS_CONTROL_MESSAGES: bool = true;

/// poll() for POLLIN: whether the socket became readable within `limit`.
pub fn poll_readable(socket: &impl AsRawFd, limit: std::time::Duration) -> std::io::Result<bool> {
    let mut fd = libc::pollfd {
        fd: socket.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = libc::c_int::try_from(limit.as_millis()).unwrap_or(libc::c_int::MAX);
    // SAFETY: one pollfd, live for the call.
    match unsafe { libc::poll(&mut fd, 1, ms) } {
        n if n < 0 => Err(std::io::Error::last_os_error()),
        n => Ok(n > 0 && fd.revents & libc::POLLIN != 0),
    }
}

/// uname's machine name (`x86_64`, `aarch64`): the kernel's architecture.
pub fn machine() -> Option<String> {
    // SAFETY: utsname is plain data; uname fills it.
    let mut u: libc::utsname = unsafe { std::mem::zeroed() };
    // SAFETY: u is a valid utsname for uname to write.
    if unsafe { libc::uname(&mut u) } != 0 {
        return None;
    }
    // SAFETY: uname writes a NUL-terminated machine name.
    let machine = unsafe { std::ffi::CStr::from_ptr(u.machine.as_ptr()) };
    Some(machine.to_string_lossy().into_owned())
}

/// This process may make a socket as another user: Linux, as root.
pub fn can_switch_user() -> bool {
    // SAFETY: geteuid takes nothing and cannot fail.
    cfg!(target_os = "linux") && unsafe { libc::geteuid() } == 0
}

/// Makes `spec`'s socket in a child process running as `uid` (Linux, as
/// root): bind's errno (0 for success) and, when asked, listen's. The
/// child calls nothing but system calls (it is a fork of a threaded
/// process) and exits at once, closing its socket.
#[cfg(target_os = "linux")]
pub fn bind_in_child(uid: u32, spec: &super::SecondSocket) -> std::io::Result<(i32, Option<i32>)> {
    let err = std::io::Error::last_os_error;
    let mut pipe = [0 as libc::c_int; 2];
    // SAFETY: pipe2 writes two descriptors into the array.
    if unsafe { libc::pipe2(pipe.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(err());
    }
    let (domain, kind) = (
        if spec.v6 { libc::AF_INET6 } else { libc::AF_INET },
        if spec.stream {
            libc::SOCK_STREAM
        } else {
            libc::SOCK_DGRAM
        },
    );
    let one: libc::c_int = 1;
    let v6only: libc::c_int = spec.v6only.into();
    let int_len = size_of::<libc::c_int>() as libc::socklen_t;
    // SAFETY: fork, then in the child only system calls on memory prepared
    // before the fork, ending in _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        unsafe {
            let errno = || *libc::__errno_location();
            let mut out: [libc::c_int; 2] = [-1, -1];
            let switched = libc::syscall(libc::SYS_setgroups, 0, std::ptr::null::<libc::gid_t>()) == 0
                && libc::syscall(libc::SYS_setgid, uid) == 0
                && libc::syscall(libc::SYS_setuid, uid) == 0;
            if switched {
                let fd = libc::socket(domain, kind, 0);
                if fd >= 0 {
                    let opt = |level, name, v: *const libc::c_int| {
                        libc::setsockopt(fd, level, name, v.cast(), int_len)
                    };
                    if spec.v6 {
                        opt(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY, &v6only);
                    }
                    if spec.reuse_addr {
                        opt(libc::SOL_SOCKET, libc::SO_REUSEADDR, &one);
                    }
                    if spec.reuse_port {
                        opt(libc::SOL_SOCKET, libc::SO_REUSEPORT, &one);
                    }
                    out[0] = match libc::bind(fd, spec.address.as_ptr().cast(), spec.address.len()) {
                        0 => 0,
                        _ => errno(),
                    };
                    if out[0] == 0 && spec.listen {
                        out[1] = match libc::listen(fd, 8) {
                            0 => 0,
                            _ => errno(),
                        };
                    }
                }
            }
            libc::write(pipe[1], out.as_ptr().cast(), std::mem::size_of_val(&out));
            libc::_exit(if switched { 0 } else { 1 });
        }
    }
    // SAFETY: the parent closes its copy of the write end, reads the
    // child's eight bytes, and reaps the child.
    unsafe {
        libc::close(pipe[1]);
        let mut out: [libc::c_int; 2] = [-1, -1];
        let n = if pid > 0 {
            libc::read(pipe[0], out.as_mut_ptr().cast(), std::mem::size_of_val(&out))
        } else {
            -1
        };
        libc::close(pipe[0]);
        if pid < 0 {
            return Err(err());
        }
        let mut status = 0;
        libc::waitpid(pid, &mut status, 0);
        if n != std::mem::size_of_val(&out) as isize || libc::WEXITSTATUS(status) != 0 || out[0] < 0 {
            return Err(std::io::Error::other(
                "the child under another uid could not make its socket",
            ));
        }
        Ok((out[0], spec.listen.then_some(out[1]).filter(|_| out[0] == 0)))
    }
}

/// Only Linux runs the other-user cases here.
#[cfg(not(target_os = "linux"))]
pub fn bind_in_child(_: u32, _: &super::SecondSocket) -> std::io::Result<(i32, Option<i32>)> {
    Err(unsupported("a second socket under another uid"))
}

#[cfg(test)]
mod tests {
    use crate::catalog;

    /// The catalogue's numbers for this OS are libc's (Apple's Rust means
    /// SO_LINGER_SEC and TCP_KEEPALIVE where the rows say SO_LINGER and
    /// TCP_KEEPIDLE).
    #[test]
    fn catalogue_numbers_are_libcs() {
        // The names every Unix here has under the same C name.
        let common: &[(&str, libc::c_int)] = &[
            ("SO_SNDBUF", libc::SO_SNDBUF),
            ("SO_RCVBUF", libc::SO_RCVBUF),
            ("SO_KEEPALIVE", libc::SO_KEEPALIVE),
            ("SO_REUSEADDR", libc::SO_REUSEADDR),
            ("SO_REUSEPORT", libc::SO_REUSEPORT),
            ("SO_BROADCAST", libc::SO_BROADCAST),
            ("SO_OOBINLINE", libc::SO_OOBINLINE),
            ("SO_RCVTIMEO", libc::SO_RCVTIMEO),
            ("SO_SNDTIMEO", libc::SO_SNDTIMEO),
            ("SO_RCVLOWAT", libc::SO_RCVLOWAT),
            ("SO_SNDLOWAT", libc::SO_SNDLOWAT),
            ("SO_TYPE", libc::SO_TYPE),
            ("SO_ERROR", libc::SO_ERROR),
            ("TCP_NODELAY", libc::TCP_NODELAY),
            ("TCP_MAXSEG", libc::TCP_MAXSEG),
            ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL),
            ("TCP_KEEPCNT", libc::TCP_KEEPCNT),
            ("IP_TTL", libc::IP_TTL),
            ("IP_TOS", libc::IP_TOS),
            ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL),
            ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP),
            ("IP_RECVTOS", libc::IP_RECVTOS),
            ("IP_RECVTTL", libc::IP_RECVTTL),
            ("IPV6_V6ONLY", libc::IPV6_V6ONLY),
            ("IPV6_UNICAST_HOPS", libc::IPV6_UNICAST_HOPS),
            ("IPV6_MULTICAST_HOPS", libc::IPV6_MULTICAST_HOPS),
            ("IPV6_MULTICAST_LOOP", libc::IPV6_MULTICAST_LOOP),
            ("IPV6_TCLASS", libc::IPV6_TCLASS),
            ("IPV6_RECVTCLASS", libc::IPV6_RECVTCLASS),
            ("SO_DONTROUTE", libc::SO_DONTROUTE),
            ("IPV6_RECVHOPLIMIT", libc::IPV6_RECVHOPLIMIT),
            ("IPV6_RECVPKTINFO", libc::IPV6_RECVPKTINFO),
            ("TCP_FASTOPEN", libc::TCP_FASTOPEN),
            ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN),
            ("SO_TIMESTAMP", libc::SO_TIMESTAMP),
            ("IPV6_DONTFRAG", libc::IPV6_DONTFRAG),
            ("IPV6_MULTICAST_IF", libc::IPV6_MULTICAST_IF),
            ("IP_HDRINCL", libc::IP_HDRINCL),
            ("IP_MULTICAST_IF", libc::IP_MULTICAST_IF),
            ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP),
            ("IP_DROP_MEMBERSHIP", libc::IP_DROP_MEMBERSHIP),
        ];
        // (libc has IP_ADD_SOURCE_MEMBERSHIP on Linux, Apple and FreeBSD,
        // not on every Unix: checked in the lists below.)
        // Linux's own names, and SO_LINGER / TCP_KEEPIDLE, whose rows carry
        // SO_LINGER_SEC / TCP_KEEPALIVE on Apple.
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let only_here: &[(&str, libc::c_int)] = &[
            ("SO_SNDBUFFORCE", libc::SO_SNDBUFFORCE),
            ("SO_RCVBUFFORCE", libc::SO_RCVBUFFORCE),
            ("SO_PASSCRED", libc::SO_PASSCRED),
            ("SO_LINGER", libc::SO_LINGER),
            ("SO_PRIORITY", libc::SO_PRIORITY),
            ("SO_MARK", libc::SO_MARK),
            ("SO_BUSY_POLL", libc::SO_BUSY_POLL),
            ("SO_DOMAIN", libc::SO_DOMAIN),
            ("SO_PROTOCOL", libc::SO_PROTOCOL),
            ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE),
            ("TCP_USER_TIMEOUT", libc::TCP_USER_TIMEOUT),
            ("TCP_CORK", libc::TCP_CORK),
            ("TCP_QUICKACK", libc::TCP_QUICKACK),
            ("TCP_NOTSENT_LOWAT", libc::TCP_NOTSENT_LOWAT),
            ("TCP_THIN_LINEAR_TIMEOUTS", libc::TCP_THIN_LINEAR_TIMEOUTS),
            ("TCP_CONGESTION", libc::TCP_CONGESTION),
            ("TCP_SYNCNT", libc::TCP_SYNCNT),
            ("TCP_LINGER2", libc::TCP_LINGER2),
            ("TCP_WINDOW_CLAMP", libc::TCP_WINDOW_CLAMP),
            ("TCP_DEFER_ACCEPT", libc::TCP_DEFER_ACCEPT),
            ("TCP_FASTOPEN_CONNECT", libc::TCP_FASTOPEN_CONNECT),
            ("SO_RXQ_OVFL", libc::SO_RXQ_OVFL),
            ("IP_MULTICAST_ALL", libc::IP_MULTICAST_ALL),
            ("IPV6_MULTICAST_ALL", libc::IPV6_MULTICAST_ALL),
            ("IPV6_FREEBIND", libc::IPV6_FREEBIND),
            ("IP_FREEBIND", libc::IP_FREEBIND),
            ("IP_TRANSPARENT", libc::IP_TRANSPARENT),
            ("SO_TIMESTAMPNS", libc::SO_TIMESTAMPNS),
            ("SO_SELECT_ERR_QUEUE", libc::SO_SELECT_ERR_QUEUE),
            ("SO_WIFI_STATUS", libc::SO_WIFI_STATUS),
            ("SO_NOFCS", libc::SO_NOFCS),
            ("SO_LOCK_FILTER", libc::SO_LOCK_FILTER),
            ("SO_BUF_LOCK", libc::SO_BUF_LOCK),
            ("SO_TXREHASH", libc::SO_TXREHASH),
            ("SO_MAX_PACING_RATE", libc::SO_MAX_PACING_RATE),
            ("SO_INCOMING_NAPI_ID", libc::SO_INCOMING_NAPI_ID),
            ("SO_INCOMING_CPU", libc::SO_INCOMING_CPU),
            ("SO_COOKIE", libc::SO_COOKIE),
            ("SO_PEERCRED", libc::SO_PEERCRED),
            ("SO_PEERPIDFD", libc::SO_PEERPIDFD),
            ("SO_TXTIME", libc::SO_TXTIME),
            ("SO_ATTACH_FILTER", libc::SO_ATTACH_FILTER),
            ("SO_DETACH_FILTER", libc::SO_DETACH_FILTER),
            ("SO_PASSSEC", libc::SO_PASSSEC),
            ("SO_PREFER_BUSY_POLL", libc::SO_PREFER_BUSY_POLL),
            ("TCP_INQ", libc::TCP_INQ),
            ("TCP_SAVE_SYN", libc::TCP_SAVE_SYN),
            ("IP_PKTINFO", libc::IP_PKTINFO),
            ("IP_RECVOPTS", libc::IP_RECVOPTS),
            ("IP_RETOPTS", libc::IP_RETOPTS),
            ("IP_RECVERR", libc::IP_RECVERR),
            ("IP_MTU_DISCOVER", libc::IP_MTU_DISCOVER),
            ("IP_MTU", libc::IP_MTU),
            ("IP_RECVORIGDSTADDR", libc::IP_RECVORIGDSTADDR),
            ("IP_PASSSEC", libc::IP_PASSSEC),
            ("IP_NODEFRAG", libc::IP_NODEFRAG),
            ("IP_CHECKSUM", libc::IP_CHECKSUM),
            ("IP_BIND_ADDRESS_NO_PORT", libc::IP_BIND_ADDRESS_NO_PORT),
            ("IP_RECVFRAGSIZE", libc::IP_RECVFRAGSIZE),
            ("IP_MINTTL", libc::IP_MINTTL),
            ("IPV6_RECVERR", libc::IPV6_RECVERR),
            ("IPV6_MTU_DISCOVER", libc::IPV6_MTU_DISCOVER),
            ("IPV6_RECVORIGDSTADDR", libc::IPV6_RECVORIGDSTADDR),
            ("IPV6_AUTOFLOWLABEL", libc::IPV6_AUTOFLOWLABEL),
            ("IPV6_MINHOPCOUNT", libc::IPV6_MINHOPCOUNT),
            ("IPV6_RECVRTHDR", libc::IPV6_RECVRTHDR),
            ("IPV6_RECVHOPOPTS", libc::IPV6_RECVHOPOPTS),
            ("IPV6_RECVDSTOPTS", libc::IPV6_RECVDSTOPTS),
            ("IPV6_RECVPATHMTU", libc::IPV6_RECVPATHMTU),
            ("IPV6_RECVFRAGSIZE", libc::IPV6_RECVFRAGSIZE),
            ("IPV6_FLOWINFO", libc::IPV6_FLOWINFO),
            ("IPV6_2292HOPOPTS", libc::IPV6_2292HOPOPTS),
            ("IPV6_TRANSPARENT", libc::IPV6_TRANSPARENT),
            ("SO_BINDTODEVICE", libc::SO_BINDTODEVICE),
            ("SO_BINDTOIFINDEX", libc::SO_BINDTOIFINDEX),
            ("IPV6_HDRINCL", libc::IPV6_HDRINCL),
            ("IPV6_ADD_MEMBERSHIP", libc::IPV6_ADD_MEMBERSHIP),
            ("IPV6_DROP_MEMBERSHIP", libc::IPV6_DROP_MEMBERSHIP),
            ("IP_ADD_SOURCE_MEMBERSHIP", libc::IP_ADD_SOURCE_MEMBERSHIP),
            ("IP_DROP_SOURCE_MEMBERSHIP", libc::IP_DROP_SOURCE_MEMBERSHIP),
        ];
        // (IP_RECVERR_RFC4884 26 is not in libc 0.2.191: the catalogue's
        // number was read in include/uapi/linux/in.h.)
        // Names libc spells for one BSD only.
        // (The BSDs' IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP are the rows
        // IPV6_ADD_MEMBERSHIP / IPV6_DROP_MEMBERSHIP.)
        #[cfg(target_vendor = "apple")]
        let only_here: &[(&str, libc::c_int)] = &[
            ("IP_PKTINFO", libc::IP_PKTINFO),
            ("IPV6_ADD_MEMBERSHIP", libc::IPV6_JOIN_GROUP),
            ("IPV6_DROP_MEMBERSHIP", libc::IPV6_LEAVE_GROUP),
            ("IP_ADD_SOURCE_MEMBERSHIP", libc::IP_ADD_SOURCE_MEMBERSHIP),
            ("IP_DROP_SOURCE_MEMBERSHIP", libc::IP_DROP_SOURCE_MEMBERSHIP),
            ("LOCAL_PEERCRED", libc::LOCAL_PEERCRED),
            ("LOCAL_PEERPID", libc::LOCAL_PEERPID),
        ];
        #[cfg(target_os = "freebsd")]
        let only_here: &[(&str, libc::c_int)] = &[
            ("IP_MINTTL", libc::IP_MINTTL),
            ("IPV6_ADD_MEMBERSHIP", libc::IPV6_JOIN_GROUP),
            ("IPV6_DROP_MEMBERSHIP", libc::IPV6_LEAVE_GROUP),
            ("IP_ADD_SOURCE_MEMBERSHIP", libc::IP_ADD_SOURCE_MEMBERSHIP),
            ("IP_DROP_SOURCE_MEMBERSHIP", libc::IP_DROP_SOURCE_MEMBERSHIP),
            ("LOCAL_PEERCRED", libc::LOCAL_PEERCRED),
        ];
        #[cfg(not(any(
            target_os = "linux",
            target_os = "android",
            target_vendor = "apple",
            target_os = "freebsd"
        )))]
        let only_here: &[(&str, libc::c_int)] = &[];
        let libc_codes = common.iter().chain(only_here);
        for &(name, number) in libc_codes {
            let option = catalog::find(name).expect("a catalogue option");
            assert_eq!(super::code(option).map(|c| c.name), Some(number), "{name}");
        }
    }

    /// The size the models give a struct xucred (what LOCAL_PEERCRED writes
    /// whole) is libc's on this BSD.
    #[cfg(any(target_vendor = "apple", target_os = "freebsd"))]
    #[test]
    fn the_models_xucred_size_is_libcs() {
        use crate::xucred;
        let size = std::mem::size_of::<libc::xucred>() as i128;
        #[cfg(target_vendor = "apple")]
        assert_eq!(size, xucred::MACOS_SIZE);
        #[cfg(target_os = "freebsd")]
        assert_eq!(size, xucred::FREEBSD_SIZE);
    }
}
