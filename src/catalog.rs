//! The option catalogue, as data: one row per option, carrying its C name,
//! type, ladder, socket2 shape and its number on each OS (read from
//! Linux's, XNU's, FreeBSD's and Winsock's headers, as the libc and
//! windows-sys crates spell them). Adding an option is adding a variant in
//! `option` and a row here; the compiler then names every platform that must
//! predict it.

use crate::ladder;
use crate::option::{
    BufferOpt, Codes, IpOpt, Ipv6Opt, Limit, Opt, OptionSpec, Shape, SocketOpt, TcpOpt, Type, UdpOpt,
};
use crate::os::Os;

const fn opt(id: Opt, name: &'static str, ty: Type, ladder: &'static [ladder::Rung]) -> OptionSpec {
    OptionSpec {
        id,
        name,
        ty,
        read_back: id,
        socket2: None,
        ladder,
        limit: None,
        privileged: false,
        codes: Codes {
            linux: None,
            macos: None,
            freebsd: None,
            windows: None,
            windows_level: None,
        },
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
    /// Read back through another option after a set (a set-only option).
    const fn read_back(self, read_back: Opt) -> Self {
        OptionSpec { read_back, ..self }
    }
    const fn buffer(self, limit: Limit, read_back: Opt) -> Self {
        OptionSpec {
            limit: Some(limit),
            read_back,
            ..self
        }
    }
    /// The option's number on Linux, macOS, FreeBSD and Windows.
    const fn codes(
        self,
        linux: Option<i32>,
        macos: Option<i32>,
        freebsd: Option<i32>,
        windows: Option<i32>,
    ) -> Self {
        OptionSpec {
            codes: Codes {
                linux,
                macos,
                freebsd,
                windows,
                windows_level: self.codes.windows_level,
            },
            ..self
        }
    }
    /// Winsock's level for it, where that is not its family's.
    const fn windows_level(self, level: i32) -> Self {
        OptionSpec {
            codes: Codes {
                windows_level: Some(level),
                ..self.codes
            },
            ..self
        }
    }
}

/// Winsock's `SOL_IP` (ws2def.h `SOL_SOCKET - 4`), where socket2 reads
/// SO_ORIGINAL_DST on Windows.
const WINSOCK_SOL_IP: i32 = 0xFFFB;
/// Winsock's SO_ORIGINAL_DST (ws2def.h 0x300F; IP6T_SO_ORIGINAL_DST is the
/// same number).
const WINSOCK_ORIGINAL_DST: i32 = 0x300F;
/// Winsock's SIO_TCP_SET_ACK_FREQUENCY ioctl code (mstcpip.h
/// `_WSAIOW(IOC_VENDOR, 23)`, 0x98000017), as the catalogue's C int.
const WINSOCK_SIO_TCP_SET_ACK_FREQUENCY: i32 = 0x9800_0017_u32 as i32;

use Opt as O;
use Type as T;

/// Every option, in report order. On macOS the row SO_LINGER carries
/// SO_LINGER_SEC (0x1080) and TCP_KEEPIDLE carries TCP_KEEPALIVE (0x10):
/// those are what Rust's std and socket2 call on Apple targets.
pub const CATALOG: &[OptionSpec] = &[
    opt(O::Buffer(BufferOpt::Sndbuf), "SO_SNDBUF", T::Int, ladder::BUFFER)
        .codes(Some(7), Some(0x1001), Some(0x1001), Some(0x1001))
        .buffer(Limit::SendBuffer, O::Buffer(BufferOpt::Sndbuf))
        .socket2(Shape::Usize),
    opt(O::Buffer(BufferOpt::Rcvbuf), "SO_RCVBUF", T::Int, ladder::BUFFER)
        .codes(Some(8), Some(0x1002), Some(0x1002), Some(0x1002))
        .buffer(Limit::RecvBuffer, O::Buffer(BufferOpt::Rcvbuf))
        .socket2(Shape::Usize),
    opt(
        O::Buffer(BufferOpt::Sndbufforce),
        "SO_SNDBUFFORCE",
        T::Int,
        ladder::BUFFER,
    )
    .codes(Some(32), None, None, None)
    .buffer(Limit::SendBuffer, O::Buffer(BufferOpt::Sndbuf))
    .privileged(),
    opt(
        O::Buffer(BufferOpt::Rcvbufforce),
        "SO_RCVBUFFORCE",
        T::Int,
        ladder::BUFFER,
    )
    .codes(Some(33), None, None, None)
    .buffer(Limit::RecvBuffer, O::Buffer(BufferOpt::Rcvbuf))
    .privileged(),
    opt(
        O::Socket(SocketOpt::Keepalive),
        "SO_KEEPALIVE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(9), Some(8), Some(8), Some(8))
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::Reuseaddr),
        "SO_REUSEADDR",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(2), Some(4), Some(4), Some(4))
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::Reuseport),
        "SO_REUSEPORT",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(15), Some(0x200), Some(0x200), None)
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::Broadcast),
        "SO_BROADCAST",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(6), Some(32), Some(32), Some(32))
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::Oobinline),
        "SO_OOBINLINE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(10), Some(0x100), Some(0x100), Some(0x100))
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::Passcred),
        "SO_PASSCRED",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(16), None, None, None)
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::Linger),
        "SO_LINGER",
        T::Linger,
        ladder::LINGER,
    )
    .codes(Some(13), Some(0x1080), Some(0x80), Some(0x80))
    .socket2(Shape::Linger),
    opt(
        O::Socket(SocketOpt::Rcvtimeo),
        "SO_RCVTIMEO",
        T::Time,
        ladder::TIMEOUT,
    )
    .codes(Some(20), Some(0x1006), Some(0x1006), Some(0x1006))
    .socket2(Shape::Timeout),
    opt(
        O::Socket(SocketOpt::Sndtimeo),
        "SO_SNDTIMEO",
        T::Time,
        ladder::TIMEOUT,
    )
    .codes(Some(21), Some(0x1005), Some(0x1005), Some(0x1005))
    .socket2(Shape::Timeout),
    opt(
        O::Socket(SocketOpt::Rcvlowat),
        "SO_RCVLOWAT",
        T::Int,
        ladder::LOWAT,
    )
    .codes(Some(18), Some(0x1004), Some(0x1004), Some(0x1004)),
    opt(
        O::Socket(SocketOpt::Sndlowat),
        "SO_SNDLOWAT",
        T::Int,
        ladder::LOWAT,
    )
    .codes(Some(19), Some(0x1003), Some(0x1003), Some(0x1003)),
    opt(
        O::Socket(SocketOpt::Priority),
        "SO_PRIORITY",
        T::Int,
        ladder::PRIORITY,
    )
    .codes(Some(12), None, None, None)
    .socket2(Shape::U32)
    .privileged(),
    opt(O::Socket(SocketOpt::Mark), "SO_MARK", T::Int, ladder::MARK)
        .codes(Some(36), None, None, None)
        .socket2(Shape::U32)
        .privileged(),
    opt(
        O::Socket(SocketOpt::BusyPoll),
        "SO_BUSY_POLL",
        T::Int,
        ladder::BUSY_POLL,
    )
    .codes(Some(46), None, None, None)
    .socket2(Shape::U32),
    opt(
        O::Socket(SocketOpt::Type),
        "SO_TYPE",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(Some(3), Some(0x1008), Some(0x1008), Some(0x1008))
    .socket2(Shape::ReadOnly),
    opt(
        O::Socket(SocketOpt::Domain),
        "SO_DOMAIN",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(Some(39), None, Some(0x1019), None)
    .socket2(Shape::ReadOnly),
    opt(
        O::Socket(SocketOpt::Protocol),
        "SO_PROTOCOL",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(Some(38), None, Some(0x1016), None)
    .socket2(Shape::ReadOnly),
    // Winsock only: socket2 0.6's protocol() reads it on Windows (src/sys/
    // windows.rs, `SO_PROTOCOL_INFOW`, then `.iProtocol`); the raw path
    // reads the whole WSAPROTOCOL_INFOW and reports iProtocol.
    opt(
        O::Socket(SocketOpt::ProtocolInfo),
        "SO_PROTOCOL_INFOW",
        T::ProtocolInfo,
        ladder::READ_ONLY,
    )
    .codes(None, None, None, Some(0x2005))
    .socket2(Shape::ReadOnly),
    opt(
        O::Socket(SocketOpt::Error),
        "SO_ERROR",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(Some(4), Some(0x1007), Some(0x1007), Some(0x1007))
    .socket2(Shape::ReadOnly),
    // Linux only; no socket2 method.
    opt(
        O::Socket(SocketOpt::RxqOvfl),
        "SO_RXQ_OVFL",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(40), None, None, None),
    // Linux 6.0 and later; no socket2 method (rustix and nix have none either).
    opt(O::Socket(SocketOpt::Rcvmark), "SO_RCVMARK", T::Bool, ladder::BOOL).codes(Some(75), None, None, None),
    // On every OS; socket2 0.6 has no method (nix and rustix do).
    opt(
        O::Socket(SocketOpt::Dontroute),
        "SO_DONTROUTE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(5), Some(0x10), Some(0x10), Some(0x10)),
    // socket2 0.6 reads it with is_listener (!= 0) on Linux and FreeBSD.
    opt(
        O::Socket(SocketOpt::Acceptconn),
        "SO_ACCEPTCONN",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(Some(30), Some(0x2), Some(0x2), Some(2))
    .socket2(Shape::ReadOnlyBool),
    opt(
        O::Socket(SocketOpt::Timestamp),
        "SO_TIMESTAMP",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(29), Some(0x400), Some(0x400), None),
    opt(
        O::Socket(SocketOpt::Timestampns),
        "SO_TIMESTAMPNS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(35), None, None, None),
    opt(
        O::Socket(SocketOpt::SelectErrQueue),
        "SO_SELECT_ERR_QUEUE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(45), None, None, None),
    opt(
        O::Socket(SocketOpt::WifiStatus),
        "SO_WIFI_STATUS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(41), None, None, None),
    opt(O::Socket(SocketOpt::Nofcs), "SO_NOFCS", T::Bool, ladder::BOOL).codes(Some(43), None, None, None),
    opt(
        O::Socket(SocketOpt::LockFilter),
        "SO_LOCK_FILTER",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(44), None, None, None),
    opt(
        O::Socket(SocketOpt::BufLock),
        "SO_BUF_LOCK",
        T::Int,
        ladder::BUF_LOCK,
    )
    .codes(Some(72), None, None, None),
    opt(
        O::Socket(SocketOpt::Txrehash),
        "SO_TXREHASH",
        T::Int,
        ladder::TXREHASH,
    )
    .codes(Some(74), None, None, None),
    opt(
        O::Socket(SocketOpt::MaxPacingRate),
        "SO_MAX_PACING_RATE",
        T::Int,
        ladder::PACING,
    )
    .codes(Some(47), None, Some(0x1018), None),
    opt(
        O::Socket(SocketOpt::IncomingNapiId),
        "SO_INCOMING_NAPI_ID",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(Some(56), None, None, None),
    // socket2's `cpu_affinity` / `set_cpu_affinity` (a usize as a C int).
    opt(
        O::Socket(SocketOpt::IncomingCpu),
        "SO_INCOMING_CPU",
        T::Int,
        ladder::INCOMING_CPU,
    )
    .codes(Some(49), None, None, None)
    .socket2(Shape::Usize),
    // socket2's `cookie` (a u64; the kernel refuses a shorter buffer).
    opt(
        O::Socket(SocketOpt::Cookie),
        "SO_COOKIE",
        T::ReadOnlyU64,
        ladder::READ_ONLY,
    )
    .codes(Some(57), None, None, None)
    .socket2(Shape::ReadOnly),
    // When a packet may leave, a struct sock_txtime (no socket2 call).
    opt(
        O::Socket(SocketOpt::Txtime),
        "SO_TXTIME",
        T::TxTime,
        ladder::TXTIME,
    )
    .codes(Some(61), None, None, None)
    .privileged(),
    // A classic BPF program (socket2's set-only attach_filter), and its
    // removal (detach_filter), read back as the program's length.
    opt(
        O::Socket(SocketOpt::AttachFilter),
        "SO_ATTACH_FILTER",
        T::Filter,
        ladder::FILTER,
    )
    .codes(Some(26), None, None, None),
    opt(
        O::Socket(SocketOpt::DetachFilter),
        "SO_DETACH_FILTER",
        T::Int,
        ladder::DETACH,
    )
    .codes(Some(27), None, None, None)
    .read_back(O::Socket(SocketOpt::AttachFilter)),
    // The peer's credentials, a struct ucred (no socket2 call).
    opt(
        O::Socket(SocketOpt::Peercred),
        "SO_PEERCRED",
        T::Ucred,
        ladder::READ_ONLY,
    )
    .codes(Some(17), None, None, None),
    // The peer's process as a pidfd, a new descriptor per read (nix's
    // PeerPidfd; no socket2 call).
    opt(
        O::Socket(SocketOpt::Peerpidfd),
        "SO_PEERPIDFD",
        T::PidFd,
        ladder::READ_ONLY,
    )
    .codes(Some(77), None, None, None),
    opt(O::Socket(SocketOpt::Passsec), "SO_PASSSEC", T::Bool, ladder::BOOL).codes(Some(34), None, None, None),
    opt(
        O::Socket(SocketOpt::PreferBusyPoll),
        "SO_PREFER_BUSY_POLL",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(69), None, None, None)
    .privileged(),
    opt(O::Socket(SocketOpt::Bintime), "SO_BINTIME", T::Bool, ladder::BOOL).codes(
        None,
        None,
        Some(0x2000),
        None,
    ),
    // socket2 0.6 has set_nosigpipe on Apple targets, with no getter.
    opt(
        O::Socket(SocketOpt::Nosigpipe),
        "SO_NOSIGPIPE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, Some(0x1022), Some(0x800), None),
    opt(
        O::Socket(SocketOpt::ReuseportLb),
        "SO_REUSEPORT_LB",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, None, Some(0x10000), None)
    .socket2(Shape::Bool),
    opt(
        O::Socket(SocketOpt::TsClock),
        "SO_TS_CLOCK",
        T::Int,
        ladder::TS_CLOCK,
    )
    .codes(None, None, Some(0x1017), None),
    opt(
        O::Socket(SocketOpt::TimestampMonotonic),
        "SO_TIMESTAMP_MONOTONIC",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, Some(0x800), None, None),
    opt(
        O::Socket(SocketOpt::Noaddrerr),
        "SO_NOADDRERR",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, Some(0x1023), None, None),
    opt(
        O::Socket(SocketOpt::Nread),
        "SO_NREAD",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(None, Some(0x1020), None, None),
    opt(
        O::Socket(SocketOpt::Nwrite),
        "SO_NWRITE",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(None, Some(0x1024), None, None),
    // ~SO_REUSEADDR: Winsock only.
    opt(
        O::Socket(SocketOpt::Exclusiveaddruse),
        "SO_EXCLUSIVEADDRUSE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, None, None, Some(-5)),
    // Linux only; socket2 0.6 has bind_device / device on Linux.
    opt(
        O::Socket(SocketOpt::Bindtodevice),
        "SO_BINDTODEVICE",
        T::Text,
        ladder::DEVICE,
    )
    .codes(Some(25), None, None, None)
    .socket2(Shape::Bytes),
    // Linux only; socket2 0.6's bind_device_by_index_v4 / device_index_v4
    // use it on Linux (IP_BOUND_IF on Apple).
    opt(
        O::Socket(SocketOpt::Bindtoifindex),
        "SO_BINDTOIFINDEX",
        T::Int,
        ladder::IFINDEX,
    )
    .codes(Some(62), None, None, None)
    .socket2(Shape::U32),
    opt(O::Tcp(TcpOpt::Nodelay), "TCP_NODELAY", T::Bool, ladder::BOOL)
        .codes(Some(1), Some(1), Some(1), Some(1))
        .socket2(Shape::Bool),
    opt(O::Tcp(TcpOpt::Maxseg), "TCP_MAXSEG", T::Int, ladder::MAXSEG)
        .codes(Some(2), Some(2), Some(2), Some(4))
        .socket2(Shape::U32),
    opt(
        O::Tcp(TcpOpt::Keepidle),
        "TCP_KEEPIDLE",
        T::Int,
        ladder::KEEPALIVE_SECS,
    )
    .codes(Some(4), Some(16), Some(0x100), Some(3))
    .socket2(Shape::Secs),
    opt(
        O::Tcp(TcpOpt::Keepintvl),
        "TCP_KEEPINTVL",
        T::Int,
        ladder::KEEPALIVE_SECS,
    )
    .codes(Some(5), Some(0x101), Some(0x200), Some(17))
    .socket2(Shape::Secs),
    opt(O::Tcp(TcpOpt::Keepcnt), "TCP_KEEPCNT", T::Int, ladder::KEEPCNT)
        .codes(Some(6), Some(0x102), Some(0x400), Some(16))
        .socket2(Shape::U32),
    opt(
        O::Tcp(TcpOpt::UserTimeout),
        "TCP_USER_TIMEOUT",
        T::Int,
        ladder::USER_TIMEOUT,
    )
    .codes(Some(18), None, None, None)
    .socket2(Shape::OptMillis),
    opt(O::Tcp(TcpOpt::Cork), "TCP_CORK", T::Bool, ladder::BOOL)
        .codes(Some(3), None, None, None)
        .socket2(Shape::Bool),
    opt(O::Tcp(TcpOpt::Quickack), "TCP_QUICKACK", T::Bool, ladder::BOOL)
        .codes(Some(12), None, None, None)
        .socket2(Shape::Bool),
    opt(
        O::Tcp(TcpOpt::NotsentLowat),
        "TCP_NOTSENT_LOWAT",
        T::Int,
        ladder::NOTSENT_LOWAT,
    )
    // XNU's netinet/tcp.h has it (0x201); the libc crate does not.
    .codes(Some(25), Some(0x201), None, None)
    .socket2(Shape::U32),
    opt(
        O::Tcp(TcpOpt::ThinLinearTimeouts),
        "TCP_THIN_LINEAR_TIMEOUTS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(16), None, None, None)
    .socket2(Shape::Bool),
    opt(
        O::Tcp(TcpOpt::Congestion),
        "TCP_CONGESTION",
        T::Text,
        ladder::CONGESTION,
    )
    .codes(Some(13), None, Some(64), None)
    .socket2(Shape::Bytes),
    // Linux's own TCP timers: no other OS here names them, and socket2 0.6
    // has no method for them.
    opt(O::Tcp(TcpOpt::Syncnt), "TCP_SYNCNT", T::Int, ladder::SYNCNT).codes(Some(7), None, None, None),
    opt(O::Tcp(TcpOpt::Linger2), "TCP_LINGER2", T::Int, ladder::LINGER2).codes(Some(8), None, None, None),
    opt(
        O::Tcp(TcpOpt::WindowClamp),
        "TCP_WINDOW_CLAMP",
        T::Int,
        ladder::WINDOW_CLAMP,
    )
    .codes(Some(10), None, None, None),
    opt(
        O::Tcp(TcpOpt::DeferAccept),
        "TCP_DEFER_ACCEPT",
        T::Int,
        ladder::DEFER_ACCEPT,
    )
    .codes(Some(9), None, None, None),
    opt(
        O::Tcp(TcpOpt::FastopenConnect),
        "TCP_FASTOPEN_CONNECT",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(30), None, None, None),
    // Windows' delayed-ACK count for one TCP socket: an ioctl, not an
    // option (socket2's set_tcp_ack_frequency, which has no getter).
    opt(
        O::Tcp(TcpOpt::AckFrequency),
        "SIO_TCP_SET_ACK_FREQUENCY",
        T::AckFrequency,
        ladder::ACK_FREQUENCY,
    )
    .codes(None, None, None, Some(WINSOCK_SIO_TCP_SET_ACK_FREQUENCY))
    .socket2(Shape::Byte),
    // A server's Fast Open queue length on Linux; a switch elsewhere. No
    // socket2 method.
    opt(O::Tcp(TcpOpt::Fastopen), "TCP_FASTOPEN", T::Int, ladder::FASTOPEN).codes(
        Some(23),
        Some(0x105),
        Some(1025),
        Some(15),
    ),
    opt(O::Tcp(TcpOpt::Inq), "TCP_INQ", T::Bool, ladder::BOOL).codes(Some(36), None, None, None),
    opt(O::Tcp(TcpOpt::SaveSyn), "TCP_SAVE_SYN", T::Int, ladder::SAVE_SYN).codes(Some(27), None, None, None),
    // Linux only (CRIU's checkpoint and restore): needs CAP_NET_ADMIN.
    opt(O::Tcp(TcpOpt::Repair), "TCP_REPAIR", T::Int, ladder::REPAIR)
        .codes(Some(19), None, None, None)
        .privileged(),
    opt(O::Tcp(TcpOpt::Nopush), "TCP_NOPUSH", T::Bool, ladder::BOOL).codes(None, Some(4), Some(4), None),
    opt(O::Tcp(TcpOpt::Noopt), "TCP_NOOPT", T::Bool, ladder::BOOL).codes(None, Some(8), Some(8), None),
    opt(O::Tcp(TcpOpt::Keepinit), "TCP_KEEPINIT", T::Int, ladder::KEEPINIT).codes(
        None,
        None,
        Some(128),
        None,
    ),
    opt(
        O::Tcp(TcpOpt::Connectiontimeout),
        "TCP_CONNECTIONTIMEOUT",
        T::Int,
        ladder::KEEPINIT,
    )
    .codes(None, Some(0x20), None, None),
    opt(
        O::Tcp(TcpOpt::Sendmoreacks),
        "TCP_SENDMOREACKS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, Some(0x103), None, None),
    opt(O::Tcp(TcpOpt::EnableEcn), "TCP_ENABLE_ECN", T::Bool, ladder::BOOL).codes(
        None,
        Some(0x104),
        None,
        None,
    ),
    opt(
        O::Tcp(TcpOpt::RxtFindrop),
        "TCP_RXT_FINDROP",
        T::Bool,
        ladder::BOOL,
    )
    .codes(None, Some(0x100), None, None),
    opt(O::Ip(IpOpt::Ttl), "IP_TTL", T::Int, ladder::TTL)
        .codes(Some(2), Some(4), Some(4), Some(4))
        .socket2(Shape::U32),
    opt(O::Ip(IpOpt::Tos), "IP_TOS", T::Int, ladder::TOS)
        .codes(Some(1), Some(3), Some(3), Some(3))
        .socket2(Shape::U32),
    opt(
        O::Ip(IpOpt::MulticastTtl),
        "IP_MULTICAST_TTL",
        T::Int,
        ladder::HOPS,
    )
    .codes(Some(33), Some(10), Some(10), Some(10))
    .socket2(Shape::U32),
    opt(
        O::Ip(IpOpt::MulticastLoop),
        "IP_MULTICAST_LOOP",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(34), Some(11), Some(11), Some(11))
    .socket2(Shape::Bool),
    // An in_addr: int-sized, so the raw path passes the address's four
    // bytes as its int (`ladder::ADDR_V4`).
    opt(
        O::Ip(IpOpt::MulticastIf),
        "IP_MULTICAST_IF",
        T::Int,
        ladder::ADDR_V4,
    )
    .codes(Some(32), Some(9), Some(9), Some(9))
    .socket2(Shape::Ipv4Addr),
    // Memberships: a change per fresh socket, nothing to read back.
    opt(
        O::Ip(IpOpt::AddMembership),
        "IP_ADD_MEMBERSHIP",
        T::Membership,
        ladder::MEMBERSHIP_V4,
    )
    .codes(Some(35), Some(12), Some(12), Some(12))
    // join_multicast_v4, and join_multicast_v4_n for the rungs by index.
    .socket2(Shape::MembershipByIndex),
    opt(
        O::Ip(IpOpt::DropMembership),
        "IP_DROP_MEMBERSHIP",
        T::Membership,
        ladder::MEMBERSHIP_V4,
    )
    .codes(Some(36), Some(13), Some(13), Some(13))
    .socket2(Shape::MembershipByIndex),
    opt(
        O::Ip(IpOpt::AddSourceMembership),
        "IP_ADD_SOURCE_MEMBERSHIP",
        T::SourceMembership,
        ladder::SSM_V4,
    )
    .codes(Some(39), Some(70), Some(70), Some(15))
    .socket2(Shape::SourceMembership),
    opt(
        O::Ip(IpOpt::DropSourceMembership),
        "IP_DROP_SOURCE_MEMBERSHIP",
        T::SourceMembership,
        ladder::SSM_V4,
    )
    .codes(Some(40), Some(71), Some(71), Some(16))
    .socket2(Shape::SourceMembership),
    opt(O::Ip(IpOpt::Freebind), "IP_FREEBIND", T::Bool, ladder::BOOL)
        .codes(Some(15), None, None, None)
        .socket2(Shape::Bool),
    opt(O::Ip(IpOpt::Transparent), "IP_TRANSPARENT", T::Bool, ladder::BOOL)
        .codes(Some(19), None, None, None)
        .socket2(Shape::Bool)
        .privileged(),
    opt(O::Ip(IpOpt::Recvtos), "IP_RECVTOS", T::Bool, ladder::BOOL)
        .codes(Some(13), Some(27), Some(68), Some(40))
        .socket2(Shape::BoolPositive),
    opt(O::Ip(IpOpt::Recvttl), "IP_RECVTTL", T::Bool, ladder::BOOL).codes(
        Some(12),
        Some(24),
        Some(65),
        Some(21),
    ),
    // Linux only; socket2 0.6 has set_multicast_all_v4 on Linux.
    opt(
        O::Ip(IpOpt::MulticastAll),
        "IP_MULTICAST_ALL",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(49), None, None, None)
    .socket2(Shape::Bool),
    opt(O::Ip(IpOpt::Pktinfo), "IP_PKTINFO", T::Bool, ladder::BOOL).codes(Some(8), Some(26), None, Some(19)),
    opt(O::Ip(IpOpt::Recvopts), "IP_RECVOPTS", T::Bool, ladder::BOOL).codes(Some(6), Some(5), Some(5), None),
    opt(O::Ip(IpOpt::Retopts), "IP_RETOPTS", T::Bool, ladder::BOOL).codes(Some(7), None, None, None),
    opt(O::Ip(IpOpt::Recverr), "IP_RECVERR", T::Bool, ladder::BOOL).codes(Some(11), None, None, None),
    opt(
        O::Ip(IpOpt::MtuDiscover),
        "IP_MTU_DISCOVER",
        T::Int,
        ladder::PMTUDISC,
    )
    .codes(Some(10), None, None, None),
    opt(O::Ip(IpOpt::Mtu), "IP_MTU", T::ReadOnly, ladder::READ_ONLY).codes(Some(14), None, None, None),
    // Netfilter's: the destination a connection had before NAT (socket2's
    // original_dst_v4 on Linux); on Windows, where a WFP callout redirects,
    // socket2 reads Winsock's option of the name at SOL_IP.
    opt(
        O::Ip(IpOpt::OriginalDst),
        "SO_ORIGINAL_DST",
        T::SockAddr,
        ladder::READ_ONLY,
    )
    .codes(Some(80), None, None, Some(WINSOCK_ORIGINAL_DST))
    .windows_level(WINSOCK_SOL_IP)
    .socket2(Shape::ReadOnly),
    opt(
        O::Ip(IpOpt::Recvorigdstaddr),
        "IP_RECVORIGDSTADDR",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(20), None, Some(27), None),
    opt(O::Ip(IpOpt::Passsec), "IP_PASSSEC", T::Bool, ladder::BOOL).codes(Some(18), None, None, None),
    opt(O::Ip(IpOpt::Nodefrag), "IP_NODEFRAG", T::Bool, ladder::BOOL).codes(Some(22), None, None, None),
    opt(O::Ip(IpOpt::Checksum), "IP_CHECKSUM", T::Bool, ladder::BOOL).codes(Some(23), None, None, None),
    opt(
        O::Ip(IpOpt::BindAddressNoPort),
        "IP_BIND_ADDRESS_NO_PORT",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(24), None, None, None),
    opt(
        O::Ip(IpOpt::Recvfragsize),
        "IP_RECVFRAGSIZE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(25), None, None, None),
    opt(O::Ip(IpOpt::Minttl), "IP_MINTTL", T::Int, ladder::TTL).codes(Some(21), None, Some(66), None),
    opt(
        O::Ip(IpOpt::RecverrRfc4884),
        "IP_RECVERR_RFC4884",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(26), None, None, None),
    opt(O::Ip(IpOpt::Recvretopts), "IP_RECVRETOPTS", T::Bool, ladder::BOOL).codes(
        None,
        Some(6),
        Some(6),
        None,
    ),
    opt(O::Ip(IpOpt::Recvdstaddr), "IP_RECVDSTADDR", T::Bool, ladder::BOOL).codes(
        None,
        Some(7),
        Some(7),
        None,
    ),
    opt(O::Ip(IpOpt::Recvif), "IP_RECVIF", T::Bool, ladder::BOOL).codes(None, Some(20), Some(20), None),
    opt(O::Ip(IpOpt::Dontfrag), "IP_DONTFRAG", T::Bool, ladder::BOOL).codes(None, Some(28), Some(67), None),
    opt(O::Ipv6(Ipv6Opt::V6only), "IPV6_V6ONLY", T::Bool, ladder::BOOL)
        .codes(Some(26), Some(27), Some(27), Some(27))
        .socket2(Shape::Bool),
    opt(
        O::Ipv6(Ipv6Opt::UnicastHops),
        "IPV6_UNICAST_HOPS",
        T::Int,
        ladder::HOPS,
    )
    .codes(Some(16), Some(4), Some(4), Some(4))
    .socket2(Shape::U32),
    opt(
        O::Ipv6(Ipv6Opt::MulticastHops),
        "IPV6_MULTICAST_HOPS",
        T::Int,
        ladder::HOPS,
    )
    .codes(Some(18), Some(10), Some(10), Some(10))
    .socket2(Shape::U32),
    opt(
        O::Ipv6(Ipv6Opt::MulticastLoop),
        "IPV6_MULTICAST_LOOP",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(19), Some(11), Some(11), Some(11))
    .socket2(Shape::Bool),
    opt(O::Ipv6(Ipv6Opt::Tclass), "IPV6_TCLASS", T::Int, ladder::TOS)
        .codes(Some(67), Some(36), Some(61), Some(39))
        .socket2(Shape::U32),
    opt(
        O::Ipv6(Ipv6Opt::Recvtclass),
        "IPV6_RECVTCLASS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(66), Some(35), Some(57), Some(40))
    .socket2(Shape::BoolPositive),
    // Linux only; socket2 0.6 has set_multicast_all_v6 on Linux.
    opt(
        O::Ipv6(Ipv6Opt::MulticastAll),
        "IPV6_MULTICAST_ALL",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(29), None, None, None)
    .socket2(Shape::Bool),
    // Not in windows-sys (Windows has IPV6_HOPLIMIT / IPV6_PKTINFO instead).
    opt(
        O::Ipv6(Ipv6Opt::Recvhoplimit),
        "IPV6_RECVHOPLIMIT",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(51), Some(37), Some(37), None)
    .socket2(Shape::BoolPositive),
    opt(
        O::Ipv6(Ipv6Opt::Recvpktinfo),
        "IPV6_RECVPKTINFO",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(49), Some(61), Some(36), None),
    // Linux only; socket2 0.6 has set_freebind_v6 on Linux.
    opt(O::Ipv6(Ipv6Opt::Freebind), "IPV6_FREEBIND", T::Bool, ladder::BOOL)
        .codes(Some(78), None, None, None)
        .socket2(Shape::Bool),
    opt(O::Ipv6(Ipv6Opt::Recverr), "IPV6_RECVERR", T::Bool, ladder::BOOL).codes(Some(25), None, None, None),
    opt(
        O::Ipv6(Ipv6Opt::MtuDiscover),
        "IPV6_MTU_DISCOVER",
        T::Int,
        ladder::PMTUDISC,
    )
    .codes(Some(23), None, None, None),
    opt(
        O::Ipv6(Ipv6Opt::Recvorigdstaddr),
        "IPV6_RECVORIGDSTADDR",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(74), None, Some(72), None),
    opt(
        O::Ipv6(Ipv6Opt::Autoflowlabel),
        "IPV6_AUTOFLOWLABEL",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(70), None, Some(59), None),
    opt(
        O::Ipv6(Ipv6Opt::Minhopcount),
        "IPV6_MINHOPCOUNT",
        T::Int,
        ladder::TTL,
    )
    .codes(Some(73), None, None, None),
    opt(
        O::Ipv6(Ipv6Opt::Recvrthdr),
        "IPV6_RECVRTHDR",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(56), Some(38), Some(38), None),
    opt(
        O::Ipv6(Ipv6Opt::Recvhopopts),
        "IPV6_RECVHOPOPTS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(53), Some(39), Some(39), None),
    opt(
        O::Ipv6(Ipv6Opt::Recvdstopts),
        "IPV6_RECVDSTOPTS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(58), Some(40), Some(40), None),
    opt(
        O::Ipv6(Ipv6Opt::Recvpathmtu),
        "IPV6_RECVPATHMTU",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(60), Some(43), Some(43), None),
    opt(O::Ipv6(Ipv6Opt::Dontfrag), "IPV6_DONTFRAG", T::Bool, ladder::BOOL).codes(
        Some(62),
        Some(62),
        Some(62),
        Some(14),
    ),
    opt(
        O::Ipv6(Ipv6Opt::Recvfragsize),
        "IPV6_RECVFRAGSIZE",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(77), None, None, None),
    opt(O::Ipv6(Ipv6Opt::Flowinfo), "IPV6_FLOWINFO", T::Bool, ladder::BOOL).codes(Some(11), None, None, None),
    // RFC 2292's name for the hop-by-hop options flag, kept by Linux and the
    // BSDs (in6.h; libc names Linux's only): socket2 0.6's
    // header_included_v6 reads this number (IP_HDRINCL's, 3) on Linux.
    opt(
        O::Ipv6(Ipv6Opt::Hopopts2292),
        "IPV6_2292HOPOPTS",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(3), Some(22), Some(22), None),
    opt(
        O::Ipv6(Ipv6Opt::UseMinMtu),
        "IPV6_USE_MIN_MTU",
        T::Int,
        ladder::MINMTU,
    )
    .codes(None, Some(42), Some(42), None),
    // An interface index; socket2 0.6 has set_multicast_if_v6 (u32) everywhere.
    opt(
        O::Ipv6(Ipv6Opt::MulticastIf),
        "IPV6_MULTICAST_IF",
        T::Int,
        ladder::IFINDEX,
    )
    .codes(Some(17), Some(9), Some(9), Some(9))
    .socket2(Shape::U32),
    // BSD and Apple call these IPV6_JOIN_GROUP / IPV6_LEAVE_GROUP (the
    // same numbers as Winsock's IPV6_ADD_MEMBERSHIP / IPV6_DROP_MEMBERSHIP).
    opt(
        O::Ipv6(Ipv6Opt::AddMembership),
        "IPV6_ADD_MEMBERSHIP",
        T::Membership6,
        ladder::MEMBERSHIP_V6,
    )
    .codes(Some(20), Some(12), Some(12), Some(12))
    .socket2(Shape::Membership6),
    opt(
        O::Ipv6(Ipv6Opt::DropMembership),
        "IPV6_DROP_MEMBERSHIP",
        T::Membership6,
        ladder::MEMBERSHIP_V6,
    )
    .codes(Some(21), Some(13), Some(13), Some(13))
    .socket2(Shape::Membership6),
    // SO_ORIGINAL_DST's IPv6 twin (socket2's original_dst_v6 on Linux, and
    // on Windows, where socket2 reads it at SOL_IP too, not SOL_IPV6).
    opt(
        O::Ipv6(Ipv6Opt::OriginalDst),
        "IP6T_SO_ORIGINAL_DST",
        T::SockAddr,
        ladder::READ_ONLY,
    )
    .codes(Some(80), None, None, Some(WINSOCK_ORIGINAL_DST))
    .windows_level(WINSOCK_SOL_IP)
    .socket2(Shape::ReadOnly),
    // socket2 0.6 has set_header_included_v4 on every OS here.
    opt(O::Ip(IpOpt::Hdrincl), "IP_HDRINCL", T::Bool, ladder::BOOL)
        .codes(Some(3), Some(2), Some(2), Some(2))
        .socket2(Shape::Bool),
    // The BSDs' unix socket credentials (sys/un.h). Their level, 0 (SOL_LOCAL),
    // is IPPROTO_IP on an inet socket, so the rows sit with the IPv4 options,
    // and there they are IP_OPTIONS (1) and IP_HDRINCL (2).
    // LOCAL_PEERCRED read as the struct xucred it copies out, LOCAL_PEERPID
    // as the pid_t it is. Neither can be set on a unix socket, but on an
    // inet one an int set is IP options (or IP_HDRINCL).
    opt(
        O::Ip(IpOpt::LocalPeercred),
        "LOCAL_PEERCRED",
        T::Xucred,
        ladder::IP_OPTIONS_INT,
    )
    .codes(None, Some(1), Some(1), None),
    opt(
        O::Ip(IpOpt::LocalPeerpid),
        "LOCAL_PEERPID",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(None, Some(2), None, None),
    // socket2 0.6 has set_ip_transparent_v6 on Linux.
    opt(
        O::Ipv6(Ipv6Opt::Transparent),
        "IPV6_TRANSPARENT",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(75), None, None, None)
    .socket2(Shape::Bool)
    .privileged(),
    // socket2 0.6's header_included_v6 reads IP_HDRINCL's number at
    // IPPROTO_IPV6: Winsock's IPV6_HDRINCL (2), but Linux's IPV6_2292HOPOPTS
    // (3), not IPV6_HDRINCL: the socket2 path runs on Windows only
    // (docs/findings/socket2-header-included-v6.md).
    opt(O::Ipv6(Ipv6Opt::Hdrincl), "IPV6_HDRINCL", T::Bool, ladder::BOOL)
        .codes(Some(36), None, None, Some(2))
        .socket2(Shape::Bool),
    // FreeBSD only; socket2 0.6's set_fib has no getter, and sogetopt has
    // no SO_SETFIB case either (sys/kern/uipc_socket.c).
    opt(O::Socket(SocketOpt::Setfib), "SO_SETFIB", T::Int, ladder::FIB).codes(None, None, Some(0x1014), None),
    // FreeBSD only, no socket2 call: a uint32 tag for firewall rules (set
    // only: sogetopt has no case), and the listen queue's limit and lengths
    // (read only).
    opt(
        O::Socket(SocketOpt::UserCookie),
        "SO_USER_COOKIE",
        T::Int,
        ladder::COOKIE,
    )
    .codes(None, None, Some(0x1015), None),
    opt(
        O::Socket(SocketOpt::Listenqlimit),
        "SO_LISTENQLIMIT",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(None, None, Some(0x1011), None),
    opt(
        O::Socket(SocketOpt::Listenqlen),
        "SO_LISTENQLEN",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(None, None, Some(0x1012), None),
    opt(
        O::Socket(SocketOpt::Listenincqlen),
        "SO_LISTENINCQLEN",
        T::ReadOnly,
        ladder::READ_ONLY,
    )
    .codes(None, None, Some(0x1013), None),
    // macOS's plain SO_LINGER (0x80), counted in clock ticks: the row
    // SO_LINGER carries SO_LINGER_SEC there (what std and socket2 use), so
    // this one has a name of its own; nix's and rustix's linger use it.
    opt(
        O::Socket(SocketOpt::LingerTicks),
        "SO_LINGER_TICKS",
        T::Linger,
        ladder::LINGER,
    )
    .codes(None, Some(0x80), None, None),
    // Apple only: socket2 0.6's bind_device_by_index_v4 / v6 set these on
    // Apple targets (SO_BINDTOIFINDEX on Linux).
    opt(O::Ip(IpOpt::BoundIf), "IP_BOUND_IF", T::Int, ladder::IFINDEX)
        .codes(None, Some(25), None, None)
        .socket2(Shape::U32),
    opt(
        O::Ipv6(Ipv6Opt::BoundIf),
        "IPV6_BOUND_IF",
        T::Int,
        ladder::IFINDEX,
    )
    .codes(None, Some(125), None, None)
    .socket2(Shape::U32),
    // Linux only here (Winsock's IPV6_MTU 72 is not modelled): a fragment
    // size to set, the route's MTU to read.
    opt(O::Ipv6(Ipv6Opt::Mtu), "IPV6_MTU", T::Int, ladder::MTU6).codes(Some(24), None, None, None),
    // SOL_UDP: Linux only (include/uapi/linux/udp.h).
    opt(O::Udp(UdpOpt::Cork), "UDP_CORK", T::Bool, ladder::BOOL).codes(Some(1), None, None, None),
    opt(
        O::Udp(UdpOpt::NoCheck6Tx),
        "UDP_NO_CHECK6_TX",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(101), None, None, None),
    opt(
        O::Udp(UdpOpt::NoCheck6Rx),
        "UDP_NO_CHECK6_RX",
        T::Bool,
        ladder::BOOL,
    )
    .codes(Some(102), None, None, None),
    opt(O::Udp(UdpOpt::Segment), "UDP_SEGMENT", T::Int, ladder::GSO_SIZE).codes(Some(103), None, None, None),
    opt(O::Udp(UdpOpt::Gro), "UDP_GRO", T::Bool, ladder::BOOL).codes(Some(104), None, None, None),
];

/// An option by name, case-insensitively.
pub fn find(name: &str) -> Option<&'static OptionSpec> {
    CATALOG.iter().find(|o| o.name.eq_ignore_ascii_case(name))
}

/// The row of an option identity.
pub fn spec(id: Opt) -> &'static OptionSpec {
    CATALOG
        .iter()
        .find(|o| o.id == id)
        .expect("every option identity has a catalogue row (checked by a unit test)")
}

/// The options an OS defines.
pub fn on(os: Os) -> impl Iterator<Item = &'static OptionSpec> {
    CATALOG.iter().filter(move |o| o.codes.on(os).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A forgotten row fails here, naming the option.
    #[test]
    fn every_option_identity_has_exactly_one_row() {
        for id in Opt::all() {
            let rows = CATALOG.iter().filter(|o| o.id == id).count();
            assert_eq!(rows, 1, "{id:?} has {rows} catalogue rows");
        }
        assert_eq!(CATALOG.len(), Opt::all().count());
    }

    #[test]
    fn names_are_unique_and_read_backs_exist_wherever_the_option_does() {
        for o in CATALOG {
            assert_eq!(
                find(o.name).map(|f| f.id),
                Some(o.id),
                "{} is not found by name",
                o.name
            );
            for os in Os::MODELLED {
                let read_back = spec(o.read_back).codes.on(os);
                assert!(
                    o.codes.on(os).is_none() || read_back.is_some(),
                    "{} on {os}",
                    o.name
                );
            }
        }
    }
}
