//! Socket kinds and the states a case puts a socket in.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Kind {
    Tcp4,
    Tcp6,
    Udp4,
    Udp6,
    UnixStream,
    UnixDgram,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Domain {
    Ipv4,
    Ipv6,
    Unix,
}

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Tcp4,
        Kind::Tcp6,
        Kind::Udp4,
        Kind::Udp6,
        Kind::UnixStream,
        Kind::UnixDgram,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Tcp4 => "tcp4",
            Kind::Tcp6 => "tcp6",
            Kind::Udp4 => "udp4",
            Kind::Udp6 => "udp6",
            Kind::UnixStream => "unix-stream",
            Kind::UnixDgram => "unix-dgram",
        }
    }

    pub fn domain(self) -> Domain {
        match self {
            Kind::Tcp4 | Kind::Udp4 => Domain::Ipv4,
            Kind::Tcp6 | Kind::Udp6 => Domain::Ipv6,
            Kind::UnixStream | Kind::UnixDgram => Domain::Unix,
        }
    }

    pub fn is_stream(self) -> bool {
        matches!(self, Kind::Tcp4 | Kind::Tcp6 | Kind::UnixStream)
    }

    pub fn is_tcp(self) -> bool {
        matches!(self, Kind::Tcp4 | Kind::Tcp6)
    }

    /// The states this kind can be put in: only stream sockets listen.
    pub fn states(self) -> &'static [State] {
        if self.is_stream() {
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
    pub const ALL: [State; 4] = [State::Fresh, State::Bound, State::Listening, State::Connected];

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
