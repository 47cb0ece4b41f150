//! The option catalogue, as data: adding an option is adding a row.

use crate::ladder::{self, Rung};

/// Which snapshot table an option's rows belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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
pub enum Level {
    Socket,
    Tcp,
    Ip,
    Ipv6,
}

/// The C type of the option's value on the raw path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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

/// The shape of socket2's call pair for an option: which Rust type it takes
/// and how it converts to the C value (see `model::socket2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `usize`, passed `as c_int`.
    Usize,
    /// `bool`, passed as 0 or 1, read as `!= 0`.
    Bool,
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

#[derive(Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The C name; `sys::code` maps it to this OS's level and number.
    pub name: &'static str,
    pub family: Family,
    pub level: Level,
    pub ty: Type,
    /// The name read back after a set (the FORCE names are write-only).
    pub read_back: &'static str,
    pub socket2: Option<Shape>,
    pub ladder: &'static [Rung],
    /// For buffer sizes: the limit their relative rungs sit around.
    pub limit: Option<Limit>,
    /// Whether an outcome depends on the caller's privileges; such rows go to
    /// a snapshot of their own, named after the privileges held.
    pub privileged: bool,
}

const fn opt(
    name: &'static str,
    family: Family,
    level: Level,
    ty: Type,
    ladder: &'static [Rung],
) -> OptionSpec {
    OptionSpec {
        name,
        family,
        level,
        ty,
        read_back: name,
        socket2: None,
        ladder,
        limit: None,
        privileged: false,
    }
}

impl OptionSpec {
    const fn socket2(self, shape: Shape) -> Self {
        OptionSpec {
            socket2: Some(shape),
            ..self
        }
    }
    const fn privileged(self) -> Self {
        OptionSpec {
            privileged: true,
            ..self
        }
    }
    const fn buffer(self, limit: Limit, read_back: &'static str) -> Self {
        OptionSpec {
            limit: Some(limit),
            read_back,
            ..self
        }
    }
}

use Family as F;
use Level as L;
use Type as T;

pub const CATALOG: &[OptionSpec] = &[
    // Buffers
    opt("SO_SNDBUF", F::Buffers, L::Socket, T::Int, ladder::BUFFER)
        .buffer(Limit::SendBuffer, "SO_SNDBUF")
        .socket2(Shape::Usize),
    opt("SO_RCVBUF", F::Buffers, L::Socket, T::Int, ladder::BUFFER)
        .buffer(Limit::RecvBuffer, "SO_RCVBUF")
        .socket2(Shape::Usize),
    opt("SO_SNDBUFFORCE", F::Buffers, L::Socket, T::Int, ladder::BUFFER)
        .buffer(Limit::SendBuffer, "SO_SNDBUF")
        .privileged(),
    opt("SO_RCVBUFFORCE", F::Buffers, L::Socket, T::Int, ladder::BUFFER)
        .buffer(Limit::RecvBuffer, "SO_RCVBUF")
        .privileged(),
    // Socket level
    opt("SO_KEEPALIVE", F::Socket, L::Socket, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("SO_REUSEADDR", F::Socket, L::Socket, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("SO_REUSEPORT", F::Socket, L::Socket, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("SO_BROADCAST", F::Socket, L::Socket, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("SO_OOBINLINE", F::Socket, L::Socket, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("SO_PASSCRED", F::Socket, L::Socket, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("SO_LINGER", F::Socket, L::Socket, T::Linger, ladder::LINGER).socket2(Shape::Linger),
    opt("SO_RCVTIMEO", F::Socket, L::Socket, T::Time, ladder::TIMEOUT).socket2(Shape::Timeout),
    opt("SO_SNDTIMEO", F::Socket, L::Socket, T::Time, ladder::TIMEOUT).socket2(Shape::Timeout),
    opt("SO_RCVLOWAT", F::Socket, L::Socket, T::Int, ladder::LOWAT),
    opt("SO_SNDLOWAT", F::Socket, L::Socket, T::Int, ladder::LOWAT),
    opt("SO_PRIORITY", F::Socket, L::Socket, T::Int, ladder::PRIORITY)
        .socket2(Shape::U32)
        .privileged(),
    opt("SO_MARK", F::Socket, L::Socket, T::Int, ladder::MARK)
        .socket2(Shape::U32)
        .privileged(),
    opt("SO_BUSY_POLL", F::Socket, L::Socket, T::Int, ladder::BUSY_POLL).socket2(Shape::U32),
    opt("SO_TYPE", F::Socket, L::Socket, T::ReadOnly, ladder::READ_ONLY).socket2(Shape::ReadOnly),
    opt("SO_DOMAIN", F::Socket, L::Socket, T::ReadOnly, ladder::READ_ONLY).socket2(Shape::ReadOnly),
    opt(
        "SO_PROTOCOL",
        F::Socket,
        L::Socket,
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .socket2(Shape::ReadOnly),
    opt("SO_ERROR", F::Socket, L::Socket, T::ReadOnly, ladder::READ_ONLY).socket2(Shape::ReadOnly),
    // TCP
    opt("TCP_NODELAY", F::Tcp, L::Tcp, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("TCP_MAXSEG", F::Tcp, L::Tcp, T::Int, ladder::MAXSEG).socket2(Shape::U32),
    opt("TCP_KEEPIDLE", F::Tcp, L::Tcp, T::Int, ladder::KEEPALIVE_SECS).socket2(Shape::Secs),
    opt("TCP_KEEPINTVL", F::Tcp, L::Tcp, T::Int, ladder::KEEPALIVE_SECS).socket2(Shape::Secs),
    opt("TCP_KEEPCNT", F::Tcp, L::Tcp, T::Int, ladder::KEEPCNT).socket2(Shape::U32),
    opt("TCP_USER_TIMEOUT", F::Tcp, L::Tcp, T::Int, ladder::USER_TIMEOUT).socket2(Shape::OptMillis),
    opt("TCP_CORK", F::Tcp, L::Tcp, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("TCP_QUICKACK", F::Tcp, L::Tcp, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("TCP_NOTSENT_LOWAT", F::Tcp, L::Tcp, T::Int, ladder::NOTSENT_LOWAT).socket2(Shape::U32),
    opt("TCP_THIN_LINEAR_TIMEOUTS", F::Tcp, L::Tcp, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("TCP_CONGESTION", F::Tcp, L::Tcp, T::Text, ladder::CONGESTION).socket2(Shape::Bytes),
    // IPv4
    opt("IP_TTL", F::Ipv4, L::Ip, T::Int, ladder::TTL).socket2(Shape::U32),
    opt("IP_TOS", F::Ipv4, L::Ip, T::Int, ladder::TOS).socket2(Shape::U32),
    opt("IP_MULTICAST_TTL", F::Ipv4, L::Ip, T::Int, ladder::HOPS).socket2(Shape::U32),
    opt("IP_MULTICAST_LOOP", F::Ipv4, L::Ip, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("IP_FREEBIND", F::Ipv4, L::Ip, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("IP_TRANSPARENT", F::Ipv4, L::Ip, T::Bool, ladder::BOOL)
        .socket2(Shape::Bool)
        .privileged(),
    opt("IP_RECVTOS", F::Ipv4, L::Ip, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    // IPv6
    opt("IPV6_V6ONLY", F::Ipv6, L::Ipv6, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("IPV6_UNICAST_HOPS", F::Ipv6, L::Ipv6, T::Int, ladder::HOPS).socket2(Shape::U32),
    opt("IPV6_MULTICAST_HOPS", F::Ipv6, L::Ipv6, T::Int, ladder::HOPS).socket2(Shape::U32),
    opt("IPV6_MULTICAST_LOOP", F::Ipv6, L::Ipv6, T::Bool, ladder::BOOL).socket2(Shape::Bool),
    opt("IPV6_TCLASS", F::Ipv6, L::Ipv6, T::Int, ladder::TOS).socket2(Shape::U32),
    opt("IPV6_RECVTCLASS", F::Ipv6, L::Ipv6, T::Bool, ladder::BOOL).socket2(Shape::Bool),
];

/// An option by name, case-insensitively.
pub fn find(name: &str) -> Option<&'static OptionSpec> {
    CATALOG.iter().find(|o| o.name.eq_ignore_ascii_case(name))
}

/// The catalogue's options that this OS defines.
pub fn on_this_os() -> impl Iterator<Item = &'static OptionSpec> {
    CATALOG.iter().filter(|o| crate::sys::code(o.name).is_some())
}
