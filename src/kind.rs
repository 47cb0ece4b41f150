//! Socket kinds and the states a case puts a socket in.

use std::fmt;

/// A kind of socket: domain and type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    /// TCP over IPv4 (`AF_INET`, `SOCK_STREAM`).
    Tcp4,
    /// TCP over IPv6 (`AF_INET6`, `SOCK_STREAM`).
    Tcp6,
    /// UDP over IPv4 (`AF_INET`, `SOCK_DGRAM`).
    Udp4,
    /// UDP over IPv6 (`AF_INET6`, `SOCK_DGRAM`).
    Udp6,
    /// A unix stream socket (`AF_UNIX`, `SOCK_STREAM`).
    UnixStream,
    /// A unix datagram socket (`AF_UNIX`, `SOCK_DGRAM`).
    UnixDgram,
    /// A unix sequenced-packet socket (`AF_UNIX`, `SOCK_SEQPACKET`):
    /// connection-oriented like a stream, with message boundaries.
    UnixSeqpacket,
    /// A raw IPv4 socket (`AF_INET`, `SOCK_RAW`, `IPPROTO_RAW`): needs
    /// CAP_NET_RAW (root) on Linux, root elsewhere.
    Raw4,
    /// A raw IPv6 socket (`AF_INET6`, `SOCK_RAW`, `IPPROTO_RAW`).
    Raw6,
    /// An ICMP "ping" socket (`AF_INET`, `SOCK_DGRAM`, `IPPROTO_ICMP`):
    /// on Linux only for a group inside `net.ipv4.ping_group_range`.
    Icmp4,
    /// An ICMPv6 "ping" socket (`AF_INET6`, `SOCK_DGRAM`, `IPPROTO_ICMPV6`).
    Icmp6,
    /// A Multipath TCP socket (`AF_INET`, `SOCK_STREAM`, `IPPROTO_MPTCP`):
    /// Linux 5.6 and later, while `net.mptcp.enabled` is 1.
    Mptcp4,
    /// A Multipath TCP socket of the IPv6 family.
    Mptcp6,
}

/// `IPPROTO_RAW`, the protocol the raw kinds are made with: a send-only
/// raw socket that no arriving packet is delivered to, so the suite's own
/// traffic never queues on it.
pub const IPPROTO_RAW: i32 = 255;

/// `IPPROTO_ICMP`, the protocol of the icmp4 kind.
pub const IPPROTO_ICMP: i32 = 1;

/// `IPPROTO_ICMPV6`, the protocol of the icmp6 kind.
pub const IPPROTO_ICMPV6: i32 = 58;

/// `IPPROTO_MPTCP` (Linux's include/uapi/linux/in.h), the protocol of the
/// mptcp kinds.
pub const IPPROTO_MPTCP: i32 = 262;

/// A socket's type, the second argument of socket().
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SockType {
    /// `SOCK_STREAM`.
    Stream,
    /// `SOCK_DGRAM`.
    Dgram,
    /// `SOCK_SEQPACKET`.
    Seqpacket,
    /// `SOCK_RAW`.
    Raw,
}

/// A socket's address family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Domain {
    /// `AF_INET`.
    Ipv4,
    /// `AF_INET6`.
    Ipv6,
    /// `AF_UNIX`.
    Unix,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 13] = [
        Kind::Tcp4,
        Kind::Tcp6,
        Kind::Udp4,
        Kind::Udp6,
        Kind::UnixStream,
        Kind::UnixDgram,
        Kind::UnixSeqpacket,
        Kind::Raw4,
        Kind::Raw6,
        Kind::Icmp4,
        Kind::Icmp6,
        Kind::Mptcp4,
        Kind::Mptcp6,
    ];

    /// The name reports and the CLI use (`tcp4`, `unix-dgram`).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Tcp4 => "tcp4",
            Kind::Tcp6 => "tcp6",
            Kind::Udp4 => "udp4",
            Kind::Udp6 => "udp6",
            Kind::UnixStream => "unix-stream",
            Kind::UnixDgram => "unix-dgram",
            Kind::UnixSeqpacket => "unix-seqpacket",
            Kind::Raw4 => "raw4",
            Kind::Raw6 => "raw6",
            Kind::Icmp4 => "icmp4",
            Kind::Icmp6 => "icmp6",
            Kind::Mptcp4 => "mptcp4",
            Kind::Mptcp6 => "mptcp6",
        }
    }

    /// The address family.
    pub fn domain(self) -> Domain {
        match self {
            Kind::Tcp4 | Kind::Udp4 | Kind::Raw4 | Kind::Icmp4 | Kind::Mptcp4 => Domain::Ipv4,
            Kind::Tcp6 | Kind::Udp6 | Kind::Raw6 | Kind::Icmp6 | Kind::Mptcp6 => Domain::Ipv6,
            Kind::UnixStream | Kind::UnixDgram | Kind::UnixSeqpacket => Domain::Unix,
        }
    }

    /// The socket type it is made with.
    pub fn sock_type(self) -> SockType {
        match self {
            Kind::Tcp4 | Kind::Tcp6 | Kind::UnixStream | Kind::Mptcp4 | Kind::Mptcp6 => SockType::Stream,
            Kind::Udp4 | Kind::Udp6 | Kind::UnixDgram | Kind::Icmp4 | Kind::Icmp6 => SockType::Dgram,
            Kind::UnixSeqpacket => SockType::Seqpacket,
            Kind::Raw4 | Kind::Raw6 => SockType::Raw,
        }
    }

    /// A raw IP socket.
    pub fn is_raw(self) -> bool {
        self.sock_type() == SockType::Raw
    }

    /// An ICMP datagram ("ping") socket.
    pub fn is_icmp(self) -> bool {
        matches!(self, Kind::Icmp4 | Kind::Icmp6)
    }

    /// A Multipath TCP socket (not `is_tcp`: its own protocol, which takes
    /// some TCP options and refuses others).
    pub fn is_mptcp(self) -> bool {
        matches!(self, Kind::Mptcp4 | Kind::Mptcp6)
    }

    /// The protocol socket() is asked for, when it is not the type's
    /// default (0).
    pub fn protocol(self) -> Option<i32> {
        match self {
            Kind::Raw4 | Kind::Raw6 => Some(IPPROTO_RAW),
            Kind::Icmp4 => Some(IPPROTO_ICMP),
            Kind::Icmp6 => Some(IPPROTO_ICMPV6),
            Kind::Mptcp4 | Kind::Mptcp6 => Some(IPPROTO_MPTCP),
            _ => None,
        }
    }

    /// `SOCK_STREAM`: TCP or unix stream.
    pub fn is_stream(self) -> bool {
        self.sock_type() == SockType::Stream
    }

    /// Connection-oriented (stream or sequenced packets): it can listen
    /// and accept.
    pub fn listens(self) -> bool {
        matches!(self.sock_type(), SockType::Stream | SockType::Seqpacket)
    }

    /// TCP over either IP version.
    pub fn is_tcp(self) -> bool {
        matches!(self, Kind::Tcp4 | Kind::Tcp6)
    }

    /// The states this kind can be put in: only connection-oriented
    /// sockets listen.
    pub fn states(self) -> &'static [State] {
        if self.listens() {
            &State::ALL
        } else {
            &[State::Fresh, State::Bound, State::Connected]
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The state a case puts its socket in before the request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum State {
    /// Just created.
    Fresh,
    /// Bound to port 0 on loopback, or to a path in a temp dir.
    Bound,
    /// Bound and listening (stream kinds only).
    Listening,
    /// Stream: one end of a real accepted pair. Datagram: connected to a bound peer.
    Connected,
}

impl State {
    /// Every state, in report order.
    pub const ALL: [State; 4] = [State::Fresh, State::Bound, State::Listening, State::Connected];

    /// The name reports and the CLI use (`fresh`, `listening`).
    pub fn name(self) -> &'static str {
        match self {
            State::Fresh => "fresh",
            State::Bound => "bound",
            State::Listening => "listening",
            State::Connected => "connected",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Looks a name up in a list by its display name, case-insensitively.
pub fn parse_name<T: Copy>(all: &[T], name: &str, name_of: impl Fn(T) -> &'static str) -> Option<T> {
    all.iter()
        .copied()
        .find(|&t| name_of(t).eq_ignore_ascii_case(name))
}
