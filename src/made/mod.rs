//! What a path's constructors set on the socket they make that is not a
//! socket option: close-on-exec (on Windows, a handle children do not
//! inherit) and non-blocking. The options they set unasked (SO_REUSEADDR on
//! a listener, SO_NOSIGPIPE) are default reads of the option rows; these two
//! are descriptor flags, read with fcntl, so they are a table of their own:
//! one row per constructor, predicted per OS by a cited rule
//! (`predict`) and measured here (`observe`).

pub mod observe;

use crate::api::Api;
use crate::kind::Kind;
use crate::os::Os;
use crate::rule::Rule;

/// A descriptor flag a constructor may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flag {
    /// FD_CLOEXEC; on Windows, a handle not inherited by child processes
    /// (WSA_FLAG_NO_HANDLE_INHERIT).
    CloseOnExec,
    /// O_NONBLOCK; on Windows, FIONBIO.
    NonBlocking,
}

impl Flag {
    pub const ALL: [Flag; 2] = [Flag::CloseOnExec, Flag::NonBlocking];

    pub fn name(self) -> &'static str {
        match self {
            Flag::CloseOnExec => "close-on-exec",
            Flag::NonBlocking => "non-blocking",
        }
    }
}

/// How a constructor makes its socket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum How {
    /// A new socket, neither bound nor connected.
    New,
    /// Bound to a local address (a UDP socket).
    Bind,
    /// Bound and listening.
    Listen,
    /// Connected to a listener.
    Connect,
    /// Accepted from a listener the same library made.
    Accept,
}

/// One constructor of one path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Maker {
    pub path: Api,
    /// The call as a program writes it.
    pub call: &'static str,
    pub kind: Kind,
    pub how: How,
}

const fn maker(path: Api, call: &'static str, kind: Kind, how: How) -> Maker {
    Maker {
        path,
        call,
        kind,
        how,
    }
}

/// Every constructor in the table: the plain socket call of the raw path,
/// nix and rustix (which set only the flags their caller passes; sockmatrix
/// passes none), and the constructors of socket2, std and tokio.
pub const MAKERS: &[Maker] = &[
    maker(Api::Raw, "socket()", Kind::Tcp4, How::New),
    maker(Api::Socket2, "Socket::new", Kind::Tcp4, How::New),
    maker(Api::Socket2, "Socket::accept", Kind::Tcp4, How::Accept),
    maker(
        Api::Nix,
        "socket(.., SockFlag::empty(), ..)",
        Kind::Tcp4,
        How::New,
    ),
    maker(Api::Rustix, "socket()", Kind::Tcp4, How::New),
    maker(Api::Std, "TcpStream::connect", Kind::Tcp4, How::Connect),
    maker(Api::Std, "TcpListener::bind", Kind::Tcp4, How::Listen),
    maker(Api::Std, "TcpListener::accept", Kind::Tcp4, How::Accept),
    maker(Api::Std, "UdpSocket::bind", Kind::Udp4, How::Bind),
    maker(Api::Std, "UnixStream::connect", Kind::UnixStream, How::Connect),
    maker(Api::Std, "UnixListener::bind", Kind::UnixStream, How::Listen),
    maker(Api::Std, "UnixDatagram::unbound", Kind::UnixDgram, How::New),
    maker(Api::Tokio, "TcpSocket::new_v4", Kind::Tcp4, How::New),
    maker(Api::Tokio, "TcpStream::connect", Kind::Tcp4, How::Connect),
    maker(Api::Tokio, "TcpListener::bind", Kind::Tcp4, How::Listen),
    maker(Api::Tokio, "TcpListener::accept", Kind::Tcp4, How::Accept),
    maker(Api::Tokio, "UdpSocket::bind", Kind::Udp4, How::Bind),
    maker(Api::Tokio, "UnixStream::connect", Kind::UnixStream, How::Connect),
    maker(Api::Tokio, "UnixListener::bind", Kind::UnixStream, How::Listen),
    maker(Api::Tokio, "UnixDatagram::unbound", Kind::UnixDgram, How::New),
];

/// What a constructor leaves a flag at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Set,
    Clear,
    /// Neither source nor evidence says (the rule says UNCONFIRMED).
    Unconfirmed,
    /// No such call on the OS (nix on Windows, the unix types there).
    NoCall,
}

impl Answer {
    fn of(set: bool) -> Answer {
        if set {
            Answer::Set
        } else {
            Answer::Clear
        }
    }

    pub fn text(self) -> &'static str {
        match self {
            Answer::Set => "set",
            Answer::Clear => "clear",
            Answer::Unconfirmed => "unconfirmed",
            Answer::NoCall => "-",
        }
    }
}

crate::rules! {
    pub const PLAIN_SOCKET: Rule = Rule {
        id: "made.plain_socket",
        formula: "socket(domain, type, protocol) => close-on-exec clear, blocking (Windows: an inheritable handle)",
        why: "a socket made without SOCK_CLOEXEC / SOCK_NONBLOCK in its type has neither flag; nix's socket() and rustix's socket() pass only the flags their caller gives (sockmatrix gives none, as a program that does not ask); a Winsock socket() or WSASocketW without WSA_FLAG_NO_HANDLE_INHERIT is inheritable",
        source: "POSIX.1-2024 socket() (FD_CLOEXEC and O_NONBLOCK clear unless SOCK_CLOEXEC / SOCK_NONBLOCK); Linux net/socket.c __sys_socket (the flags are the type's SOCK_CLOEXEC / SOCK_NONBLOCK bits); nix 0.32.0 src/sys/socket/mod.rs socket, line 2257 (`ty |= flags.bits()`); rustix 1.1.6 src/net/socket.rs socket, line 50 (no flags; socket_with, line 95, takes them); Microsoft Learn, WSASocketW, dwFlags WSA_FLAG_NO_HANDLE_INHERIT (socket handles are inheritable by default)",
    };
    pub const SOCKET2_CLOEXEC: Rule = Rule {
        id: "made.socket2_cloexec",
        formula: "Socket::new => close-on-exec set, blocking",
        why: "socket2 makes every socket close-on-exec and leaves it blocking: SOCK_CLOEXEC in the type on Linux and FreeBSD, FD_CLOEXEC by fcntl right after on Apple, WSA_FLAG_NO_HANDLE_INHERIT on Windows",
        source: "socket2 0.6.5 src/socket.rs Socket::new, lines 116-117, set_common_type (line 761 `ty._cloexec()`, line 765 `ty._no_inherit()` on windows) and set_common_flags (line 792 `_set_cloexec(true)` where SOCK_CLOEXEC is missing); src/sys/unix.rs Type::_cloexec, line 531 (`self.0 | libc::SOCK_CLOEXEC`); src/sys/windows.rs socket, lines 310-312 (WSA_FLAG_NO_HANDLE_INHERIT) and 324-331 (WSASocketW)",
    };
    pub const SOCKET2_ACCEPT: Rule = Rule {
        id: "made.socket2_accept",
        formula: "Socket::accept => close-on-exec set (Windows: not inherited), blocking",
        why: "socket2's accept asks accept4(SOCK_CLOEXEC) on Linux and FreeBSD, sets FD_CLOEXEC after accept on Apple, and on Windows clears the new handle's inheritance (SetHandleInformation); it asks no SOCK_NONBLOCK (the listener it accepts from here is blocking)",
        source: "socket2 0.6.5 src/socket.rs Socket::accept, line 272 (`_accept4(libc::SOCK_CLOEXEC)`; elsewhere accept_raw and set_common_accept_flags, lines 287-288, which sets FD_CLOEXEC at line 842; on Windows `_set_no_inherit(true)`, line 292); src/sys/unix.rs _accept4, line 1546 (`accept4(..., flags)`); src/sys/windows.rs _set_no_inherit, lines 1074-1083 (SetHandleInformation(HANDLE_FLAG_INHERIT, 0))",
    };
    pub const WINDOWS_ACCEPT_INHERIT: Rule = Rule {
        id: "made.windows_accept_inherit",
        formula: "accept() on Windows => inheritance UNCONFIRMED",
        why: "std's and mio's accept on Windows call plain accept() and leave the handle as it comes (socket2 clears its inheritance: made.socket2_accept); Microsoft says the new socket has the listening socket's properties, but not whether that includes the handle's inheritance, and no run here reads it (Wine is not Windows): UNCONFIRMED",
        source: "std library/std/src/sys/net/connection/socket/windows.rs Socket::accept (read at rust-lang/rust 0c28822); mio 1.2.5 src/sys/windows/tcp.rs accept; Microsoft Learn, accept function, Remarks",
    };
    pub const STD_CLOEXEC: Rule = Rule {
        id: "made.std_cloexec",
        formula: "std's constructors => close-on-exec set, blocking",
        why: "std makes every socket close-on-exec (SOCK_CLOEXEC on Linux and FreeBSD, set_cloexec right after on Apple, WSA_FLAG_NO_HANDLE_INHERIT on Windows) and accepts with accept4(SOCK_CLOEXEC) on Linux and FreeBSD (set_cloexec after accept on Apple); it never sets non-blocking unless asked (set_nonblocking)",
        source: "std 1.95.0 library/std/src/sys/net/connection/socket/unix.rs Socket::new, lines 81-84 (SOCK_CLOEXEC) and 97 (set_cloexec), new_pair 129-137, accept 241-267 (accept4 SOCK_CLOEXEC); library/std/src/sys/net/connection/socket/windows.rs Socket::new (WSA_FLAG_NO_HANDLE_INHERIT, read at rust-lang/rust 0c28822)",
    };
    pub const MIO_NONBLOCKING: Rule = Rule {
        id: "made.mio_nonblocking",
        formula: "tokio's constructors => close-on-exec set, non-blocking",
        why: "tokio's sockets come from mio's new_socket (SOCK_NONBLOCK | SOCK_CLOEXEC on Linux and FreeBSD, fcntl O_NONBLOCK and FD_CLOEXEC on Apple, WSA_FLAG_NO_HANDLE_INHERIT and FIONBIO 1 on Windows) and mio's accept (accept4 SOCK_CLOEXEC | SOCK_NONBLOCK; on Windows the listener's non-blocking state is inherited); TcpSocket::new asks socket2 for a non-blocking type (set_nonblocking after, where the type cannot say it)",
        source: "mio 1.2.5 src/sys/unix/net.rs new_socket, line 30 (`socket_type | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC`), lines 73 and 78 (fcntl O_NONBLOCK, FD_CLOEXEC on Apple); src/sys/unix/tcp.rs accept, lines 80-85 (accept4 with SOCK_CLOEXEC | SOCK_NONBLOCK; on Apple accept and FD_CLOEXEC, lines 112-125, non-blocking inherited per lines 89-91); src/sys/windows/net.rs new_socket, lines 36 (WSA_FLAG_NO_HANDLE_INHERIT) and 43 (ioctlsocket FIONBIO 1); src/sys/windows/tcp.rs accept, lines 61-63 (std listener.accept(), non-blocking state inherited); tokio 1.54.1 src/net/tcp/socket.rs TcpSocket::new, line 176 (`ty.nonblocking()`), else line 189 (`set_nonblocking(true)`)",
    };
}

/// What `maker` leaves `flag` at on `os`, and the rule that says so.
pub fn predict(os: Os, maker: &Maker, flag: Flag) -> (Answer, &'static Rule) {
    let windows = os == Os::Windows;
    let unix_kind = matches!(maker.kind, Kind::UnixStream | Kind::UnixDgram);
    let cloexec = flag == Flag::CloseOnExec;
    let rule = match maker.path {
        Api::Raw | Api::Nix | Api::Rustix => &PLAIN_SOCKET,
        Api::Socket2 if maker.how == How::Accept => &SOCKET2_ACCEPT,
        Api::Socket2 => &SOCKET2_CLOEXEC,
        Api::Std => &STD_CLOEXEC,
        _ => &MIO_NONBLOCKING,
    };
    if windows && (maker.path == Api::Nix || unix_kind) {
        return (Answer::NoCall, rule);
    }
    if windows && cloexec && maker.how == How::Accept && maker.path != Api::Socket2 {
        return (Answer::Unconfirmed, &WINDOWS_ACCEPT_INHERIT);
    }
    let answer = match maker.path {
        Api::Raw | Api::Nix | Api::Rustix => Answer::Clear,
        Api::Socket2 | Api::Std => Answer::of(cloexec),
        _ => Answer::Set,
    };
    (answer, rule)
}

/// Every rule the table can name.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied()
}
