//! What an option is: its identity (one exhaustive enum per family, so a
//! platform that forgets an option does not compile), its level, C type,
//! socket2 shape and per-OS numbers. The rows themselves are in `catalog`.

use crate::ladder::Rung;
use crate::os::Os;

/// Declares a family's option enum, each variant documented by its C name,
/// and the list of all its variants.
macro_rules! options {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $c:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum $name {
            $(#[doc = concat!("`", $c, "`.")] $variant),*
        }

        impl $name {
            /// Every option of the family, in catalogue order.
            pub const ALL: &'static [$name] = &[$($name::$variant),*];

            /// The C names the variants are documented by.
            #[cfg(test)]
            const C_NAMES: &'static [&'static str] = &[$($c),*];
        }
    };
}

options!(
    /// SO_SNDBUF, SO_RCVBUF and their privileged FORCE twins.
    BufferOpt {
        Sndbuf = "SO_SNDBUF", Rcvbuf = "SO_RCVBUF", Sndbufforce = "SO_SNDBUFFORCE",
        Rcvbufforce = "SO_RCVBUFFORCE",
    }
);
options!(
    /// SOL_SOCKET options other than the buffer sizes.
    SocketOpt {
        Keepalive = "SO_KEEPALIVE", Reuseaddr = "SO_REUSEADDR", Reuseport = "SO_REUSEPORT",
        Broadcast = "SO_BROADCAST", Oobinline = "SO_OOBINLINE", Passcred = "SO_PASSCRED",
        Linger = "SO_LINGER", Rcvtimeo = "SO_RCVTIMEO", Sndtimeo = "SO_SNDTIMEO",
        Rcvlowat = "SO_RCVLOWAT", Sndlowat = "SO_SNDLOWAT", Priority = "SO_PRIORITY",
        Mark = "SO_MARK", BusyPoll = "SO_BUSY_POLL", Type = "SO_TYPE", Domain = "SO_DOMAIN",
        Protocol = "SO_PROTOCOL", Error = "SO_ERROR", RxqOvfl = "SO_RXQ_OVFL",
        Dontroute = "SO_DONTROUTE", Acceptconn = "SO_ACCEPTCONN", Timestamp = "SO_TIMESTAMP",
        Timestampns = "SO_TIMESTAMPNS", SelectErrQueue = "SO_SELECT_ERR_QUEUE",
        WifiStatus = "SO_WIFI_STATUS", Nofcs = "SO_NOFCS", LockFilter = "SO_LOCK_FILTER",
        BufLock = "SO_BUF_LOCK", Txrehash = "SO_TXREHASH", MaxPacingRate = "SO_MAX_PACING_RATE",
        IncomingNapiId = "SO_INCOMING_NAPI_ID", Passsec = "SO_PASSSEC",
        PreferBusyPoll = "SO_PREFER_BUSY_POLL", Bintime = "SO_BINTIME",
        Nosigpipe = "SO_NOSIGPIPE", ReuseportLb = "SO_REUSEPORT_LB", TsClock = "SO_TS_CLOCK",
        TimestampMonotonic = "SO_TIMESTAMP_MONOTONIC", Noaddrerr = "SO_NOADDRERR",
        Nread = "SO_NREAD", Nwrite = "SO_NWRITE", Exclusiveaddruse = "SO_EXCLUSIVEADDRUSE",
        Bindtodevice = "SO_BINDTODEVICE", Bindtoifindex = "SO_BINDTOIFINDEX",
        Setfib = "SO_SETFIB", UserCookie = "SO_USER_COOKIE", Listenqlimit = "SO_LISTENQLIMIT",
        Listenqlen = "SO_LISTENQLEN", Listenincqlen = "SO_LISTENINCQLEN",
        LingerTicks = "SO_LINGER_TICKS", Rcvmark = "SO_RCVMARK",
        ProtocolInfo = "SO_PROTOCOL_INFOW", Cookie = "SO_COOKIE", IncomingCpu = "SO_INCOMING_CPU",
        Peercred = "SO_PEERCRED", Txtime = "SO_TXTIME", AttachFilter = "SO_ATTACH_FILTER",
        DetachFilter = "SO_DETACH_FILTER", Peerpidfd = "SO_PEERPIDFD",
    }
);
options!(
    /// IPPROTO_TCP options.
    TcpOpt {
        Nodelay = "TCP_NODELAY", Maxseg = "TCP_MAXSEG", Keepidle = "TCP_KEEPIDLE",
        Keepintvl = "TCP_KEEPINTVL", Keepcnt = "TCP_KEEPCNT", UserTimeout = "TCP_USER_TIMEOUT",
        Cork = "TCP_CORK", Quickack = "TCP_QUICKACK", NotsentLowat = "TCP_NOTSENT_LOWAT",
        ThinLinearTimeouts = "TCP_THIN_LINEAR_TIMEOUTS", Congestion = "TCP_CONGESTION",
        Syncnt = "TCP_SYNCNT", Linger2 = "TCP_LINGER2", DeferAccept = "TCP_DEFER_ACCEPT",
        FastopenConnect = "TCP_FASTOPEN_CONNECT", Fastopen = "TCP_FASTOPEN", Inq = "TCP_INQ",
        SaveSyn = "TCP_SAVE_SYN", Nopush = "TCP_NOPUSH", Noopt = "TCP_NOOPT",
        Keepinit = "TCP_KEEPINIT", Connectiontimeout = "TCP_CONNECTIONTIMEOUT",
        Sendmoreacks = "TCP_SENDMOREACKS", EnableEcn = "TCP_ENABLE_ECN",
        RxtFindrop = "TCP_RXT_FINDROP", Repair = "TCP_REPAIR", WindowClamp = "TCP_WINDOW_CLAMP",
        AckFrequency = "SIO_TCP_SET_ACK_FREQUENCY",
    }
);
options!(
    /// IPPROTO_IP options.
    IpOpt {
        Ttl = "IP_TTL", Tos = "IP_TOS", MulticastTtl = "IP_MULTICAST_TTL",
        MulticastLoop = "IP_MULTICAST_LOOP", MulticastIf = "IP_MULTICAST_IF",
        Freebind = "IP_FREEBIND",
        Transparent = "IP_TRANSPARENT", Recvtos = "IP_RECVTOS", Recvttl = "IP_RECVTTL",
        MulticastAll = "IP_MULTICAST_ALL", Pktinfo = "IP_PKTINFO", Recvopts = "IP_RECVOPTS",
        Retopts = "IP_RETOPTS", Recverr = "IP_RECVERR", MtuDiscover = "IP_MTU_DISCOVER",
        Mtu = "IP_MTU", Recvorigdstaddr = "IP_RECVORIGDSTADDR", Passsec = "IP_PASSSEC",
        Nodefrag = "IP_NODEFRAG", Checksum = "IP_CHECKSUM",
        BindAddressNoPort = "IP_BIND_ADDRESS_NO_PORT", Recvfragsize = "IP_RECVFRAGSIZE",
        Minttl = "IP_MINTTL", RecverrRfc4884 = "IP_RECVERR_RFC4884",
        Recvretopts = "IP_RECVRETOPTS", Recvdstaddr = "IP_RECVDSTADDR", Recvif = "IP_RECVIF",
        Dontfrag = "IP_DONTFRAG", Hdrincl = "IP_HDRINCL", BoundIf = "IP_BOUND_IF",
        LocalPeercred = "LOCAL_PEERCRED", LocalPeerpid = "LOCAL_PEERPID",
        AddMembership = "IP_ADD_MEMBERSHIP", DropMembership = "IP_DROP_MEMBERSHIP",
        AddSourceMembership = "IP_ADD_SOURCE_MEMBERSHIP",
        DropSourceMembership = "IP_DROP_SOURCE_MEMBERSHIP", OriginalDst = "SO_ORIGINAL_DST",
    }
);
options!(
    /// IPPROTO_IPV6 options.
    Ipv6Opt {
        V6only = "IPV6_V6ONLY", UnicastHops = "IPV6_UNICAST_HOPS",
        MulticastHops = "IPV6_MULTICAST_HOPS", MulticastLoop = "IPV6_MULTICAST_LOOP",
        Tclass = "IPV6_TCLASS", Recvtclass = "IPV6_RECVTCLASS", MulticastAll = "IPV6_MULTICAST_ALL",
        Recvhoplimit = "IPV6_RECVHOPLIMIT", Recvpktinfo = "IPV6_RECVPKTINFO", Freebind = "IPV6_FREEBIND",
        Recverr = "IPV6_RECVERR", MtuDiscover = "IPV6_MTU_DISCOVER",
        Recvorigdstaddr = "IPV6_RECVORIGDSTADDR", Autoflowlabel = "IPV6_AUTOFLOWLABEL",
        Minhopcount = "IPV6_MINHOPCOUNT", Recvrthdr = "IPV6_RECVRTHDR",
        Recvhopopts = "IPV6_RECVHOPOPTS", Recvdstopts = "IPV6_RECVDSTOPTS",
        Recvpathmtu = "IPV6_RECVPATHMTU", Dontfrag = "IPV6_DONTFRAG",
        Recvfragsize = "IPV6_RECVFRAGSIZE", Flowinfo = "IPV6_FLOWINFO",
        Hopopts2292 = "IPV6_2292HOPOPTS",
        UseMinMtu = "IPV6_USE_MIN_MTU", MulticastIf = "IPV6_MULTICAST_IF",
        Transparent = "IPV6_TRANSPARENT", Hdrincl = "IPV6_HDRINCL", BoundIf = "IPV6_BOUND_IF",
        Mtu = "IPV6_MTU", AddMembership = "IPV6_ADD_MEMBERSHIP",
        DropMembership = "IPV6_DROP_MEMBERSHIP", OriginalDst = "IP6T_SO_ORIGINAL_DST",
    }
);

options!(
    /// IPPROTO_UDP options (Linux's SOL_UDP).
    UdpOpt {
        Cork = "UDP_CORK", NoCheck6Tx = "UDP_NO_CHECK6_TX", NoCheck6Rx = "UDP_NO_CHECK6_RX",
        Segment = "UDP_SEGMENT", Gro = "UDP_GRO",
    }
);

/// An option's identity. Every platform matches on it without a catch-all
/// arm: adding a variant breaks the build until each platform predicts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Opt {
    /// A buffer size.
    Buffer(BufferOpt),
    /// Another SOL_SOCKET option.
    Socket(SocketOpt),
    /// An IPPROTO_TCP option.
    Tcp(TcpOpt),
    /// An IPPROTO_IP option.
    Ip(IpOpt),
    /// An IPPROTO_IPV6 option.
    Ipv6(Ipv6Opt),
    /// An IPPROTO_UDP option.
    Udp(UdpOpt),
}

impl Opt {
    /// Every option identity, family by family.
    pub fn all() -> impl Iterator<Item = Opt> {
        let buffers = BufferOpt::ALL.iter().map(|&o| Opt::Buffer(o));
        let socket = SocketOpt::ALL.iter().map(|&o| Opt::Socket(o));
        let tcp = TcpOpt::ALL.iter().map(|&o| Opt::Tcp(o));
        let ip = IpOpt::ALL.iter().map(|&o| Opt::Ip(o));
        let ipv6 = Ipv6Opt::ALL.iter().map(|&o| Opt::Ipv6(o));
        let udp = UdpOpt::ALL.iter().map(|&o| Opt::Udp(o));
        buffers.chain(socket).chain(tcp).chain(ip).chain(ipv6).chain(udp)
    }

    /// The snapshot table its rows go to.
    pub fn family(self) -> Family {
        match self {
            Opt::Buffer(_) => Family::Buffers,
            Opt::Socket(_) => Family::Socket,
            Opt::Tcp(_) => Family::Tcp,
            Opt::Ip(_) => Family::Ipv4,
            Opt::Ipv6(_) => Family::Ipv6,
            Opt::Udp(_) => Family::Udp,
        }
    }

    /// The protocol level it is set at.
    pub fn level(self) -> Level {
        match self {
            Opt::Buffer(_) | Opt::Socket(_) => Level::Socket,
            Opt::Tcp(_) => Level::Tcp,
            Opt::Ip(_) => Level::Ip,
            Opt::Ipv6(_) => Level::Ipv6,
            Opt::Udp(_) => Level::Udp,
        }
    }
}

/// Which snapshot table an option's rows belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Family {
    /// SO_SNDBUF, SO_RCVBUF and their FORCE twins.
    Buffers,
    /// The other SOL_SOCKET options.
    Socket,
    /// IPPROTO_TCP.
    Tcp,
    /// IPPROTO_IP.
    Ipv4,
    /// IPPROTO_IPV6.
    Ipv6,
    /// IPPROTO_UDP.
    Udp,
}

impl Family {
    /// Every family, in report order.
    pub const ALL: [Family; 6] = [
        Family::Buffers,
        Family::Socket,
        Family::Tcp,
        Family::Ipv4,
        Family::Ipv6,
        Family::Udp,
    ];

    /// The name snapshots and reports use (`buffers`, `ipv4`).
    pub fn name(self) -> &'static str {
        match self {
            Family::Buffers => "buffers",
            Family::Socket => "socket",
            Family::Tcp => "tcp",
            Family::Ipv4 => "ipv4",
            Family::Ipv6 => "ipv6",
            Family::Udp => "udp",
        }
    }
}

/// The protocol level an option lives at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Level {
    /// `SOL_SOCKET`.
    Socket,
    /// `IPPROTO_TCP`.
    Tcp,
    /// `IPPROTO_IP`.
    Ip,
    /// `IPPROTO_IPV6`.
    Ipv6,
    /// `IPPROTO_UDP` (`SOL_UDP`).
    Udp,
}

/// The C type of the option's value on the raw path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Type {
    /// An `int`.
    Int,
    /// An int read as a flag.
    Bool,
    /// A `struct linger`.
    Linger,
    /// A `struct timeval`.
    Time,
    /// A string (TCP_CONGESTION).
    Text,
    /// Only getsockopt means anything; a set shows what the OS says to it.
    ReadOnly,
    /// Winsock's `WSAPROTOCOL_INFOW`, read only, reported by its
    /// `iProtocol` (what socket2's `protocol()` reads on Windows); a set is
    /// an int, to show what the OS says to it.
    ProtocolInfo,
    /// Read only, a 64-bit unsigned (SO_COOKIE, which refuses a shorter
    /// buffer); a set is an int, to show what the OS says to it.
    ReadOnlyU64,
    /// Read only, a `struct ucred` (SO_PEERCRED: pid, uid, gid); a set is
    /// an int, to show what the OS says to it.
    Ucred,
    /// Read only, a `struct xucred` (the BSDs' LOCAL_PEERCRED: version,
    /// uid, group count, groups); a set is an int, to show what the OS
    /// says to it.
    Xucred,
    /// A `struct sock_txtime` (a clock id and flags: SO_TXTIME).
    TxTime,
    /// Read only, a new file descriptor (SO_PEERPIDFD's pidfd), closed as
    /// soon as it is read and reported by its number; a set is an int, to
    /// show what the OS says to it.
    PidFd,
    /// Read only, a socket address (`sockaddr_in` / `sockaddr_in6`: what
    /// SO_ORIGINAL_DST reads), reported by its address; a set is an int,
    /// to show what the OS says to it.
    SockAddr,
    /// A classic BPF program (`struct sock_fprog`), named (`crate::filter`);
    /// read back as its length in instructions (SO_GET_FILTER asked with
    /// no room, so no instruction is ever copied out).
    Filter,
    /// A `struct ip_mreq` (group, interface address), or an `ip_mreqn`
    /// (group, interface index) where the request names the interface by
    /// index: set only, a change with nothing to read back; a read is an
    /// int's, to show what the OS says to it.
    Membership,
    /// A `struct ipv6_mreq` (group, interface index), as `Membership`.
    Membership6,
    /// A `struct ip_mreq_source` (group, source, interface address), as
    /// `Membership`; its fields are in another order on Linux than on the
    /// BSDs and Windows (`address::SourceOrder`).
    SourceMembership,
    /// Winsock's `TCP_ACK_FREQUENCY_PARAMETERS` (one byte: how many segments
    /// may arrive before the delayed ACK timer is ignored), sent by the
    /// `WSAIoctl` SIO_TCP_SET_ACK_FREQUENCY, not by setsockopt: set only, a
    /// change with nothing to read back, and no read at all.
    AckFrequency,
}

impl Type {
    /// Whether a set of this type is a C int: the int types, and the read
    /// only ones (whose set shows what the OS says to an int).
    pub fn sets_an_int(self) -> bool {
        matches!(
            self,
            Type::Int
                | Type::Bool
                | Type::ReadOnly
                | Type::ProtocolInfo
                | Type::ReadOnlyU64
                | Type::Ucred
                | Type::Xucred
                | Type::PidFd
                | Type::SockAddr
        )
    }

    /// Whether the option is an ioctl (`WSAIoctl`), not a socket option: no
    /// level refuses it and nothing reads it.
    pub fn is_ioctl(self) -> bool {
        self == Type::AckFrequency
    }

    /// The value a set of this type takes, in words.
    pub fn describe(self) -> &'static str {
        match self {
            Type::Linger => "a linger (on:SECS or off)",
            Type::Time => "a timeout",
            Type::Text => "a name",
            Type::TxTime => "a clock and flags (e.g. txtime(1,0))",
            Type::Filter => "a program's name (accept-all, drop-all, empty, jump-out, too-long)",
            Type::Membership | Type::Membership6 => "a group and an interface",
            Type::SourceMembership => "a group, a source and an interface",
            Type::AckFrequency => "a count of segments, 0 to 255",
            _ => "an integer",
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
    /// A getter only, read as `!= 0` (is_listener).
    ReadOnlyBool,
    /// `usize`, refused by the library above `c_int::MAX`, read as `u32`
    /// (rustix's buffer sizes).
    UsizeChecked,
    /// A C `int` as the caller gives it (nix's `c_int` / `i32` types).
    Int,
    /// A `u8` sent as a one-byte option value (nix's `IpMulticastTtl`).
    Byte,
    /// An `Ipv4Addr`, sent and read as a `struct in_addr` (socket2's and
    /// rustix's `set_multicast_if_v4` / `set_ip_multicast_if`).
    Ipv4Addr,
    /// A `u8` sent as an int, read back `as u8` (rustix's `set_ip_tos`).
    U8,
    /// `Option<u8>` sent as an int, `None` as -1, read back `as u8`
    /// (rustix's `set_ipv6_unicast_hops`).
    OptU8,
    /// A `Duration` rounded up to whole seconds, refused when they do not
    /// fit a C `unsigned int` (rustix's keepalive times).
    SecsChecked,
    /// `Option<Duration>` as a `timeval`, refused where a library checks
    /// (rustix's timeouts).
    TimeoutChecked,
    /// `Option<Duration>` as a `linger` in seconds rounded up, refused above
    /// the C type (rustix's linger).
    LingerChecked,
    /// The C struct (`linger`, `timeval`) as the caller fills it (nix).
    Struct,
    /// `bool` sent as a one-byte value, read as `!= 0` (std's
    /// `set_multicast_loop_v4` on FreeBSD).
    BoolByte,
    /// socket2's `join_multicast_v4` / `leave_multicast_v4`: two
    /// `&Ipv4Addr`, sent as an `ip_mreq`, nothing read back.
    Membership,
    /// socket2's `join_multicast_v4` / `leave_multicast_v4`, and for an
    /// interface by index `join_multicast_v4_n` / `leave_multicast_v4_n`
    /// (`InterfaceIndexOrAddress::Index`: an `ip_mreqn` on Unix, an
    /// `ip_mreq` whose interface is the index written as 0.0.0.x on
    /// Windows), nothing read back.
    MembershipByIndex,
    /// socket2's `join_multicast_v6` / `leave_multicast_v6`: an `&Ipv6Addr`
    /// and a `u32` index, sent as an `ipv6_mreq`, nothing read back.
    Membership6,
    /// socket2's `join_ssm_v4` / `leave_ssm_v4`: three `&Ipv4Addr` (source,
    /// group, interface), sent as an `ip_mreq_source`, nothing read back.
    SourceMembership,
    /// rustix's `set_txtime` / `get_txtime`: a `ClockId` (an enum of the
    /// clocks rustix knows: `library::rustix::CLOCKS`) and `TxTimeFlags`
    /// (any bits, through `from_bits_retain`); the read turns the kernel's
    /// clock and flags back into those types, and fails with ERANGE where
    /// it cannot.
    ClockAndFlags,
    /// `u32` sent `as u8`, a one-byte value (std's `set_multicast_ttl_v4` on
    /// FreeBSD).
    U32Byte,
    /// No call: an option the library sets itself when it makes the
    /// socket, read with the raw call (std's SO_REUSEADDR on a listener).
    Made,
}

impl Shape {
    /// Whether a call of this shape passes the C int or struct as the
    /// caller gives it (so it can say what only the C type holds: a
    /// negative time, l_onoff = 2).
    pub fn passes_c_type(self) -> bool {
        matches!(self, Shape::Int | Shape::Struct)
    }
}

/// Which host limit the relative rungs of an option are placed around.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// The send buffer's (`net.core.wmem_max` on Linux).
    SendBuffer,
    /// The receive buffer's (`net.core.rmem_max` on Linux).
    RecvBuffer,
}

/// The option's number on each OS, from that OS's headers; `None` where
/// the OS has no such constant (a program cannot even name the option).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Codes {
    /// Linux's.
    pub linux: Option<i32>,
    /// macOS's.
    pub macos: Option<i32>,
    /// FreeBSD's.
    pub freebsd: Option<i32>,
    /// Windows' (Winsock's).
    pub windows: Option<i32>,
    /// Winsock's level for it where that is not its family's: socket2 reads
    /// SO_ORIGINAL_DST and IP6T_SO_ORIGINAL_DST at `SOL_IP` (0xFFFB,
    /// `SOL_SOCKET - 4`), a level of Winsock's own.
    pub windows_level: Option<i32>,
}

impl Codes {
    /// The number on `os`; `None` for an OS that has none, or no model.
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
    /// Its identity.
    pub id: Opt,
    /// The C name, as programs and reports spell it.
    pub name: &'static str,
    /// The C type of its value.
    pub ty: Type,
    /// The option read back after a set (the FORCE options are write-only
    /// and read back through SO_SNDBUF / SO_RCVBUF).
    pub read_back: Opt,
    /// socket2's call pair for it, if socket2 has one.
    pub socket2: Option<Shape>,
    /// The values a run sets it to.
    pub ladder: &'static [Rung],
    /// For buffer sizes: the limit their relative rungs sit around.
    pub limit: Option<Limit>,
    /// Whether an outcome depends on the caller's privileges; such rows go to
    /// a snapshot of their own, named after the privileges held.
    pub privileged: bool,
    /// Its number on each OS.
    pub codes: Codes,
}

impl OptionSpec {
    /// The snapshot table its rows go to.
    pub fn family(&self) -> Family {
        self.id.family()
    }

    /// The protocol level it is set at.
    pub fn level(&self) -> Level {
        self.id.level()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each variant is documented by its catalogue row's C name.
    #[test]
    fn the_variants_docs_name_the_catalogues_options() {
        let documented = [
            BufferOpt::C_NAMES,
            SocketOpt::C_NAMES,
            TcpOpt::C_NAMES,
            IpOpt::C_NAMES,
            Ipv6Opt::C_NAMES,
            UdpOpt::C_NAMES,
        ]
        .concat();
        let names: Vec<&str> = Opt::all().map(|id| crate::catalog::spec(id).name).collect();
        assert_eq!(documented, names);
    }
}
