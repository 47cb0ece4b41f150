//! What an option is: its identity (one exhaustive enum per family, so a
//! platform that forgets an option does not compile), its level, C type,
//! socket2 shape and per-OS numbers. The rows themselves are in `catalog`.

use crate::ladder::Rung;
use crate::os::Os;

/// Declares a family's option enum and the list of all its variants.
macro_rules! options {
    ($(#[$doc:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $($variant),*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),*];
        }
    };
}

options!(
    /// SO_SNDBUF, SO_RCVBUF and their privileged FORCE twins.
    BufferOpt { Sndbuf, Rcvbuf, Sndbufforce, Rcvbufforce }
);
options!(
    /// SOL_SOCKET options other than the buffer sizes.
    SocketOpt {
        Keepalive, Reuseaddr, Reuseport, Broadcast, Oobinline, Passcred, Linger, Rcvtimeo,
        Sndtimeo, Rcvlowat, Sndlowat, Priority, Mark, BusyPoll, Type, Domain, Protocol, Error,
    }
);
options!(
    /// IPPROTO_TCP options.
    TcpOpt {
        Nodelay, Maxseg, Keepidle, Keepintvl, Keepcnt, UserTimeout, Cork, Quickack, NotsentLowat,
        ThinLinearTimeouts, Congestion,
    }
);
options!(
    /// IPPROTO_IP options.
    IpOpt { Ttl, Tos, MulticastTtl, MulticastLoop, Freebind, Transparent, Recvtos, Recvttl }
);
options!(
    /// IPPROTO_IPV6 options.
    Ipv6Opt { V6only, UnicastHops, MulticastHops, MulticastLoop, Tclass, Recvtclass }
);

/// An option's identity. Every platform matches on it without a catch-all
/// arm: adding a variant breaks the build until each platform predicts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Opt {
    Buffer(BufferOpt),
    Socket(SocketOpt),
    Tcp(TcpOpt),
    Ip(IpOpt),
    Ipv6(Ipv6Opt),
}

impl Opt {
    /// Every option identity, family by family.
    pub fn all() -> impl Iterator<Item = Opt> {
        let buffers = BufferOpt::ALL.iter().map(|&o| Opt::Buffer(o));
        let socket = SocketOpt::ALL.iter().map(|&o| Opt::Socket(o));
        let tcp = TcpOpt::ALL.iter().map(|&o| Opt::Tcp(o));
        let ip = IpOpt::ALL.iter().map(|&o| Opt::Ip(o));
        let ipv6 = Ipv6Opt::ALL.iter().map(|&o| Opt::Ipv6(o));
        buffers.chain(socket).chain(tcp).chain(ip).chain(ipv6)
    }

    pub fn family(self) -> Family {
        match self {
            Opt::Buffer(_) => Family::Buffers,
            Opt::Socket(_) => Family::Socket,
            Opt::Tcp(_) => Family::Tcp,
            Opt::Ip(_) => Family::Ipv4,
            Opt::Ipv6(_) => Family::Ipv6,
        }
    }

    pub fn level(self) -> Level {
        match self {
            Opt::Buffer(_) | Opt::Socket(_) => Level::Socket,
            Opt::Tcp(_) => Level::Tcp,
            Opt::Ip(_) => Level::Ip,
            Opt::Ipv6(_) => Level::Ipv6,
        }
    }
}

/// Which snapshot table an option's rows belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Family {
    Buffers,
    Socket,
    Tcp,
    Ipv4,
    Ipv6,
}

impl Family {
    pub const ALL: [Family; 5] = [
        Family::Buffers,
        Family::Socket,
        Family::Tcp,
        Family::Ipv4,
        Family::Ipv6,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::Buffers => "buffers",
            Family::Socket => "socket",
            Family::Tcp => "tcp",
            Family::Ipv4 => "ipv4",
            Family::Ipv6 => "ipv6",
        }
    }
}

/// The protocol level an option lives at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Level {
    Socket,
    Tcp,
    Ip,
    Ipv6,
}

/// The C type of the option's value on the raw path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Type {
    Int,
    /// An int read as a flag.
    Bool,
    Linger,
    Time,
    Text,
    /// Only getsockopt means anything; a set shows what the OS says to it.
    ReadOnly,
}

impl Type {
    /// The value a set of this type takes, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Type::Int | Type::Bool | Type::ReadOnly => "an integer",
            Type::Linger => "a linger (on:SECS or off)",
            Type::Time => "a timeout",
            Type::Text => "a name",
        }
    }
}

/// The shape of socket2's call pair for an option: which Rust type it takes
/// and how it converts to the C value (see `socket2_casts`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Shape {
    /// `usize`, passed `as c_int`.
    Usize,
    /// `bool`, passed as 0 or 1, read as `!= 0`.
    Bool,
    /// `bool`, passed as 0 or 1, read as `> 0` (recv_tos_v4, recv_tclass_v6).
    BoolPositive,
    /// `u32`, passed `as c_int`, read `as u32`.
    U32,
    /// A `Duration` in whole seconds, saturated to `c_int::MAX`.
    Secs,
    /// `Option<Duration>` in milliseconds as a C `unsigned int` (None is 0).
    OptMillis,
    /// `Option<Duration>` as a `timeval` (None is 0,0).
    Timeout,
    /// `Option<Duration>` as a `linger` (None is off).
    Linger,
    /// A byte string.
    Bytes,
    /// A getter only.
    ReadOnly,
}

/// Which host limit the relative rungs of an option are placed around.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    SendBuffer,
    RecvBuffer,
}

/// The option's number on each OS, from that OS's headers; `None` where
/// the OS has no such constant (a program cannot even name the option).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Codes {
    pub linux: Option<i32>,
    pub macos: Option<i32>,
    pub freebsd: Option<i32>,
    pub windows: Option<i32>,
}

impl Codes {
    pub fn on(&self, os: Os) -> Option<i32> {
        match os {
            Os::Linux => self.linux,
            Os::MacOs => self.macos,
            Os::FreeBsd => self.freebsd,
            Os::Windows => self.windows,
            Os::Other => None,
        }
    }
}

/// One row of the catalogue.
#[derive(Debug, PartialEq, Eq)]
pub struct OptionSpec {
    pub id: Opt,
    /// The C name, as programs and reports spell it.
    pub name: &'static str,
    pub ty: Type,
    /// The option read back after a set (the FORCE options are write-only
    /// and read back through SO_SNDBUF / SO_RCVBUF).
    pub read_back: Opt,
    pub socket2: Option<Shape>,
    pub ladder: &'static [Rung],
    /// For buffer sizes: the limit their relative rungs sit around.
    pub limit: Option<Limit>,
    /// Whether an outcome depends on the caller's privileges; such rows go to
    /// a snapshot of their own, named after the privileges held.
    pub privileged: bool,
    pub codes: Codes,
}

impl OptionSpec {
    pub fn family(&self) -> Family {
        self.id.family()
    }

    pub fn level(&self) -> Level {
        self.id.level()
    }
}
