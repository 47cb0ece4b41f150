//! What socket2 0.6 does to a value on its way in and out. Its calls take
//! Rust types (`usize`, `u32`, `bool`, `Duration`) but the OS speaks C, and
//! the conversions are plain `as` casts or saturations
//! (socket2 src/socket.rs, src/sys/unix.rs).

use crate::case::Request;
use crate::option::Shape;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::rule::Rule;
use crate::value::RelativeValue;

const SOCKET_RS: &str = "socket2 0.6.5 src/socket.rs (e.g. broadcast, line 881: `broadcast != 0`; keepalive, line 921; tcp_nodelay, line 2369); src/sys/unix.rs is_listener, line 1696 (`v != 0`); from_linger, line 1181 (`l_onoff == 0`)";

crate::rules! {
    pub const NO_CALL: Rule = Rule {
        id: "socket2.no_call",
        formula: "no method on this OS => UNDEFINED",
        why: "socket2 compiles no method pair for this option on this OS (its #[cfg]s, kept as data in `offered_on`), so a program using socket2 cannot ask it",
        source: "socket2 0.6.5 src/socket.rs, src/sys/unix.rs, src/sys/windows.rs (cfg attributes of each option's methods)",
    };
    pub const OTHER_CALL: Rule = Rule {
        id: "socket2.other_call",
        formula: "not setsockopt",
        why: "socket2 makes another call than setsockopt here (on Windows, keepalive goes through the SIO_KEEPALIVE_VALS ioctl first), so the raw path cannot reproduce the result",
        source: "socket2 0.6.5 src/sys/windows.rs set_tcp_keepalive, lines 819-833 (WSAIoctl SIO_KEEPALIVE_VALS; TCP_KEEPCNT setsockopt after, lines 834-843)",
    };
    pub const MADE_NOSIGPIPE: Rule = Rule {
        id: "made.socket2_nosigpipe",
        formula: "Socket::new sets SO_NOSIGPIPE = 1 (Apple)",
        why: "every socket sockmatrix measures on but std's is made by socket2's Socket::new, which sets SO_NOSIGPIPE on Apple targets: a default read there is what the OS makes of 1",
        source: "socket2 0.6.5 src/socket.rs set_common_flags, line 802 (`socket._set_nosigpipe(true)`, cfg lines 795-801: target_os = macos, ios, ...), called by Socket::new, line 117; src/sys/unix.rs _set_nosigpipe, lines 1642-1647 (SO_NOSIGPIPE, `nosigpipe as c_int`)",
    };
    pub const TIMEOUT_MS_TRUNCATED: Rule = Rule {
        id: "socket2.timeout_ms_truncated",
        formula: "ms = min(d.as_millis(), u32::MAX)",
        why: "on Windows socket2 passes whole milliseconds, dropping the rest: a timeout under 1 ms becomes 0, which means no timeout at all (its comment says it rounds up; the code truncates)",
        source: "socket2 0.6.5 src/sys/windows.rs into_ms, line 807 (`min(duration.as_millis(), INFINITE as u128) as u32`; the comment at line 803 says rounded up), called by set_timeout_opt, line 794",
    };
    pub const TIMEOUT_MS_SATURATED: Rule = Rule {
        id: "socket2.timeout_ms_saturated",
        formula: "min(ms, u32::MAX)",
        why: "on Windows a timeout longer than u32::MAX milliseconds (about 49.7 days) is passed as u32::MAX (INFINITE)",
        source: "socket2 0.6.5 src/sys/windows.rs into_ms, line 807 (`min(duration.as_millis(), INFINITE as u128) as u32`)",
    };
    pub const USIZE_TRUNCATED: Rule = Rule {
        id: "socket2.usize_truncated",
        formula: "(c_int)v",
        why: "socket2 casts the usize to a C int with `as`, keeping the low 32 bits: 2^32+4096 is applied as 4096, 2^31 as i32::MIN (where usize is 32 bits, 2^32 and up cannot be passed at all)",
        source: "socket2 0.6.5 src/socket.rs set_send_buffer_size, line 1158 / set_recv_buffer_size, line 1087 (`size as c_int`)",
    };
    pub const NEGATIVE_READ_WRAPS: Rule = Rule {
        id: "socket2.negative_read_wraps",
        formula: "(usize)(c_int)r",
        why: "socket2 casts the int read back to usize with `as`, so a negative value becomes a huge size",
        source: "socket2 0.6.5 src/socket.rs send_buffer_size, line 1144 / recv_buffer_size, line 1073 (`size as usize`); from_linger, line 1184 (`linger.l_linger as u64`)",
    };
    pub const U32_AS_INT: Rule = Rule {
        id: "socket2.u32_as_int",
        formula: "(c_int)v",
        why: "socket2 passes the u32 `as c_int`: values from 2^31 up arrive negative (u32::MAX as -1)",
        source: "socket2 0.6.5 src/socket.rs, src/sys/unix.rs (e.g. set_ttl_v4, line 1631: `ttl as c_int`)",
    };
    pub const NEGATIVE_READ_AS_U32: Rule = Rule {
        id: "socket2.negative_read_as_u32",
        formula: "(u32)(c_int)r",
        why: "socket2 returns the int read back `as u32`, so -1 reads as 4294967295",
        source: "socket2 0.6.5 src/socket.rs, src/sys/unix.rs (e.g. ttl_v4, line 1622: `ttl as u32`)",
    };
    pub const BOOL_READ: Rule = Rule {
        id: "socket2.bool_read",
        formula: "r != 0",
        why: "socket2 reads a flag as `!= 0`, hiding the value the OS reported",
        source: SOCKET_RS,
    };
    pub const POSITIVE_READ: Rule = Rule {
        id: "socket2.positive_read",
        formula: "r > 0",
        why: "socket2 reads IP_RECVTOS, IPV6_RECVTCLASS and IPV6_RECVHOPLIMIT as `> 0` (not `!= 0` like its other flags), so a negative value reads as false",
        source: "socket2 0.6.5 src/socket.rs recv_tos_v4, line 1735 (`.map(|recv_tos| recv_tos > 0)`), recv_tclass_v6, line 2115 (`.map(|recv_tclass| recv_tclass > 0)`), recv_hoplimit_v6, line 2179 (`.map(|recv_hoplimit| recv_hoplimit > 0)`)",
    };
    pub const SECS_SATURATED: Rule = Rule {
        id: "socket2.secs_saturated",
        formula: "min(secs, c_int::MAX)",
        why: "socket2 saturates a Duration's seconds at c_int::MAX before setting the keepalive time",
        source: "socket2 0.6.5 src/sys/unix.rs into_secs, line 1335 (`min(duration.as_secs(), c_int::MAX as u64) as c_int`) / set_tcp_keepalive, lines 1284-1285 (time) and 1310-1311 (interval)",
    };
    pub const MILLIS_AS_UINT: Rule = Rule {
        id: "socket2.millis_as_uint",
        formula: "(c_int)(c_uint)min(ms, u32::MAX)",
        why: "socket2 passes the timeout as a C unsigned int of milliseconds; the kernel reads an int, so 2^31 ms and more arrive negative",
        source: "socket2 0.6.5 src/sys/unix.rs set_tcp_user_timeout, line 2554 (`min(to.as_millis(), libc::c_uint::MAX as u128) as libc::c_uint`), setsockopt lines 2557-2562",
    };
    pub const TIMEVAL_SATURATED: Rule = Rule {
        id: "socket2.timeval_saturated",
        formula: "min(secs, time_t::MAX)",
        why: "socket2 saturates the Duration's seconds at time_t::MAX when building the timeval: 2^63-1, but 2^31-1 where time_t is 32 bits (i686 glibc), so a timeout from 2^31 s up is cut to about 68 years there",
        source: "socket2 0.6.5 src/sys/unix.rs into_timeval, line 1254 (`min(duration.as_secs(), libc::time_t::MAX as u64) as libc::time_t`); libc 0.2.191 src/unix/linux_like/linux/gnu/b32/mod.rs, lines 43 and 55 (time_t = i32; i64 only with gnu_time_bits64, line 31)",
    };
    pub const LINGER_SECS_TRUNCATED: Rule = Rule {
        id: "socket2.linger_secs_truncated",
        formula: "(c_int)secs",
        why: "socket2 casts the linger Duration's seconds to l_linger with `as`: a C int on Unix, a u_short on Windows",
        source: "socket2 0.6.5 src/socket.rs into_linger, line 1192 (`l_linger: duration.as_secs() as _`)",
    };
    pub const GETTER_READS_OTHER: Rule = Rule {
        id: "socket2.getter_reads_other",
        formula: "header_included_v6() reads IPPROTO_IPV6 option 3 (IPV6_2292HOPOPTS), not IPV6_HDRINCL (36)",
        why: "on Linux set_header_included_v6 writes IPV6_HDRINCL but header_included_v6 asks IP_HDRINCL's number (3) at IPPROTO_IPV6, which is RFC 2292's hop-by-hop flag there: the read is that flag's (0 on every socket here), whatever the set did (docs/findings/socket2-header-included-v6.md)",
        source: "socket2 0.6.5 src/socket.rs header_included_v6, line 1781 (`getsockopt::<c_int>(self.as_raw(), sys::IPPROTO_IPV6, sys::IP_HDRINCL)`), set_header_included_v6, lines 1814-1820 (`#[cfg(target_os = \"linux\")] sys::IPV6_HDRINCL`); include/uapi/linux/in6.h IPV6_2292HOPOPTS 3",
    };
    pub const SENDS_UNNAMED_NUMBER: Rule = Rule {
        id: "socket2.sends_unnamed_number",
        formula: "set_header_included_v6 / header_included_v6 on Apple: IPPROTO_IPV6 option 2 (IP_HDRINCL's number)",
        why: "outside Linux socket2 sends IP_HDRINCL's number at IPPROTO_IPV6 for both calls; Apple has no IPV6_HDRINCL, and at that level 2 is a number xnu's headers give no name (in6.h skips from IPV6_OPTIONS 1, disabled, to IPV6_SOCKOPT_RESERVED1 3), so the calls ask the kernel for an option no C program on macOS could name",
        source: "socket2 0.6.5 src/socket.rs header_included_v6, line 1781, set_header_included_v6, lines 1814-1820 (`#[cfg(not(target_os = \"linux\"))] sys::IP_HDRINCL`); apple-oss-distributions/xnu xnu-11417.101.15 bsd/netinet/in.h IP_HDRINCL 2, bsd/netinet6/in6.h lines 504-511",
    };
    pub const LINGER_OFF_HIDES_TIME: Rule = Rule {
        id: "socket2.linger_off_hides_time",
        formula: "l_onoff == 0 => None",
        why: "socket2 reads linger off as None, dropping the l_linger the OS still reports",
        source: "socket2 0.6.5 src/socket.rs from_linger, lines 1181-1182 (`if linger.l_onoff == 0 { None }`)",
    };
}

use super::{as_c_int, convert, int_as_u32, int_as_usize};

/// The request as the kernel receives it from socket2 (`windows`: socket2's
/// Windows code, which speaks Winsock's types).
pub fn request(shape: Shape, request: &Request, rules: &mut Vec<&'static Rule>, windows: bool) -> Request {
    let Request::Set(val) = request else {
        return request.clone();
    };
    let sent = match (shape, val) {
        (Shape::Usize, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(*e, &USIZE_TRUNCATED, rules, as_c_int))
        }
        (Shape::U32, RelativeValue::Int(e)) => RelativeValue::Int(convert(*e, &U32_AS_INT, rules, as_c_int)),
        (Shape::Secs, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(*e, &SECS_SATURATED, rules, |v| v.min(i32::MAX.into())))
        }
        (Shape::OptMillis, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(*e, &MILLIS_AS_UINT, rules, |v| {
                i128::from(v.min(u32::MAX.into()) as u32 as i32)
            }))
        }
        (Shape::Timeout, RelativeValue::Time(sec, usec)) if windows => {
            let ms = sec.value() * 1000 + usec.value() / 1000;
            if usec.value() % 1000 != 0 {
                rules.push(&TIMEOUT_MS_TRUNCATED);
            }
            let sent = if ms > i128::from(u32::MAX) {
                rules.push(&TIMEOUT_MS_SATURATED);
                i128::from(u32::MAX)
            } else {
                ms
            };
            RelativeValue::time(sent / 1000, (sent % 1000) * 1000)
        }
        (Shape::Timeout, RelativeValue::Time(sec, usec)) => RelativeValue::Time(
            convert(*sec, &TIMEVAL_SATURATED, rules, |v| v.min(crate::sys::TIME_T_MAX)),
            *usec,
        ),
        (Shape::Linger, RelativeValue::Linger(on, secs)) if windows => RelativeValue::Linger(
            *on,
            convert(*secs, &LINGER_SECS_TRUNCATED, rules, |v| i128::from(v as u16)),
        ),
        (Shape::Linger, RelativeValue::Linger(on, secs)) => {
            RelativeValue::Linger(*on, convert(*secs, &LINGER_SECS_TRUNCATED, rules, as_c_int))
        }
        _ => val.clone(),
    };
    Request::Set(sent)
}

/// The value socket2 hands back for what the kernel reported.
pub fn read_back(shape: Shape, val: RelativeValue, rules: &mut Vec<&'static Rule>) -> RelativeValue {
    match (shape, val) {
        (Shape::Usize, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &NEGATIVE_READ_WRAPS, rules, int_as_usize))
        }
        (Shape::U32 | Shape::OptMillis, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &NEGATIVE_READ_AS_U32, rules, int_as_u32))
        }
        (Shape::Bool | Shape::ReadOnlyBool, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &BOOL_READ, rules, |v| (v != 0).into()))
        }
        (Shape::BoolPositive, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &POSITIVE_READ, rules, |v| (v > 0).into()))
        }
        (Shape::Linger, RelativeValue::Linger(on, secs)) if on.value() == 0 => {
            if secs.value() != 0 {
                rules.push(&LINGER_OFF_HIDES_TIME);
            }
            RelativeValue::linger(0, 0)
        }
        (Shape::Linger, RelativeValue::Linger(on, secs)) => RelativeValue::Linger(
            convert(on, &BOOL_READ, rules, |_| 1),
            convert(secs, &NEGATIVE_READ_WRAPS, rules, |v| (v as i32) as u64 as i128),
        ),
        (_, val) => val,
    }
}

/// The option socket2's getter reads on `os` where it is not the one its
/// setter writes (`GETTER_READS_OTHER`): a set is followed by a read of it.
pub fn getter_reads(os: Os, option: &OptionSpec) -> Option<Opt> {
    match option.id {
        Opt::Ipv6(Ipv6Opt::Hdrincl) if os == Os::Linux => Some(Opt::Ipv6(Ipv6Opt::Hopopts2292)),
        _ => None,
    }
}

/// The number socket2 sends for an option the OS's headers do not name
/// (`SENDS_UNNAMED_NUMBER`): the calls exist there all the same.
pub fn unnamed_number(os: Os, option: &OptionSpec) -> Option<i32> {
    match option.id {
        // libc::IP_HDRINCL on Apple (bsd/netinet/in.h).
        Opt::Ipv6(Ipv6Opt::Hdrincl) if os == Os::MacOs => Some(2),
        _ => None,
    }
}

/// Whether socket2 0.6 has a call pair for the option when built for `os`
/// (its `#[cfg]`s in src/socket.rs and src/sys/*.rs, as data, so a model of
/// an OS this program does not run on knows which paths exist there). A
/// unit test in `call` holds it against the calls compiled for this host.
pub fn offered_on(os: Os, option: &OptionSpec) -> bool {
    use BufferOpt as B;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use SocketOpt as S;
    use TcpOpt as T;
    let unix = matches!(os, Os::Linux | Os::MacOs | Os::FreeBsd);
    let linux = os == Os::Linux;
    match option.id {
        Opt::Buffer(B::Sndbuf | B::Rcvbuf) => true,
        Opt::Buffer(B::Sndbufforce | B::Rcvbufforce) => false,
        Opt::Socket(S::Keepalive | S::Reuseaddr | S::Broadcast | S::Oobinline | S::Linger) => true,
        Opt::Socket(S::Rcvtimeo | S::Sndtimeo | S::Type | S::Error) => true,
        Opt::Socket(S::Rcvlowat | S::Sndlowat) => false,
        Opt::Socket(S::Reuseport) => unix,
        Opt::Socket(S::Passcred | S::Priority | S::Mark | S::BusyPoll | S::Domain) => linux,
        // On Windows socket2's protocol() reads SO_PROTOCOL_INFOW, a row of
        // its own (the catalogue's SO_PROTOCOL has no Windows number).
        Opt::Socket(S::Protocol) => matches!(os, Os::Linux | Os::FreeBsd),
        Opt::Socket(S::ProtocolInfo) => os == Os::Windows,
        Opt::Tcp(T::Nodelay | T::Keepcnt) => true,
        Opt::Tcp(T::Maxseg | T::Keepidle | T::Keepintvl) => unix,
        Opt::Tcp(T::UserTimeout | T::Cork | T::Quickack | T::NotsentLowat | T::ThinLinearTimeouts) => linux,
        Opt::Tcp(T::Congestion) => matches!(os, Os::Linux | Os::FreeBsd),
        Opt::Ip(I::Ttl | I::Tos | I::MulticastTtl | I::MulticastLoop | I::MulticastIf) => true,
        Opt::Ip(I::AddMembership | I::DropMembership) => true,
        Opt::Ip(I::AddSourceMembership | I::DropSourceMembership) => true,
        Opt::Ip(I::Freebind | I::Transparent | I::MulticastAll) => linux,
        Opt::Ipv6(I6::MulticastAll) => linux,
        Opt::Ip(I::Recvtos) => true,
        Opt::Ip(I::Recvttl) => false,
        // socket2 0.6 has no method for Linux's TCP timers.
        Opt::Tcp(T::Syncnt | T::Linger2 | T::DeferAccept | T::FastopenConnect | T::WindowClamp) => false,
        Opt::Socket(S::RxqOvfl | S::Dontroute) => false,
        Opt::Tcp(T::Fastopen) => false,
        Opt::Ipv6(I6::Recvhoplimit) => unix,
        Opt::Ipv6(I6::Recvpktinfo) => false,
        // is_listener: Linux and FreeBSD (and AIX, Fuchsia, Cygwin).
        Opt::Socket(S::Acceptconn) => matches!(os, Os::Linux | Os::FreeBsd),
        Opt::Socket(S::IncomingCpu | S::Cookie) => linux,
        // original_dst_v4 / _v6: netfilter's on Linux, Winsock's at SOL_IP
        // on Windows.
        Opt::Ip(I::OriginalDst) | Opt::Ipv6(I6::OriginalDst) => linux || os == Os::Windows,
        Opt::Socket(
            S::Timestamp
            | S::Timestampns
            | S::SelectErrQueue
            | S::WifiStatus
            | S::Nofcs
            | S::LockFilter
            | S::BufLock
            | S::Txrehash
            | S::MaxPacingRate
            | S::IncomingNapiId
            | S::Peercred
            | S::Peerpidfd
            | S::Txtime
            | S::AttachFilter
            | S::DetachFilter
            | S::Passsec
            | S::PreferBusyPoll,
        ) => false,
        Opt::Tcp(T::Inq | T::SaveSyn | T::Repair) => false,
        Opt::Socket(
            S::Bintime
            | S::Nosigpipe
            | S::TsClock
            | S::TimestampMonotonic
            | S::Noaddrerr
            | S::LingerTicks
            | S::Rcvmark
            | S::UserCookie
            | S::Listenqlimit
            | S::Listenqlen
            | S::Listenincqlen
            | S::Nread
            | S::Nwrite
            | S::Exclusiveaddruse,
        ) => false,
        Opt::Tcp(
            T::Nopush
            | T::Noopt
            | T::Keepinit
            | T::Connectiontimeout
            | T::Sendmoreacks
            | T::EnableEcn
            | T::RxtFindrop,
        ) => false,
        Opt::Ip(I::Recvretopts | I::Recvdstaddr | I::Recvif | I::Dontfrag) => false,
        Opt::Ipv6(I6::UseMinMtu) => false,
        // socket2 0.6 has no SOL_UDP call.
        Opt::Udp(_) => false,
        // set_multicast_if_v6 / multicast_if_v6: every OS but WASI.
        Opt::Ipv6(I6::MulticastIf) => true,
        // set_header_included_v4 / header_included_v4: every OS here.
        Opt::Ip(I::Hdrincl) => true,
        Opt::Ip(I::LocalPeercred | I::LocalPeerpid) => false,
        Opt::Socket(S::ReuseportLb) => os == Os::FreeBsd,
        // set_tcp_ack_frequency: Windows only, an ioctl, no getter.
        Opt::Tcp(T::AckFrequency) => os == Os::Windows,
        // bind_device, and bind_device_by_index_v4 (SO_BINDTOIFINDEX on
        // Linux; IP_BOUND_IF, another option, on Apple).
        Opt::Socket(S::Bindtodevice | S::Bindtoifindex) => linux,
        // bind_device_by_index_v4 / _v6 and device_index_v4 / _v6 on Apple.
        Opt::Ip(I::BoundIf) | Opt::Ipv6(I6::BoundIf) => os == Os::MacOs,
        // set_fib has no getter: the raw path runs the row.
        Opt::Socket(S::Setfib) => false,
        Opt::Ipv6(I6::Transparent) => linux,
        // set_header_included_v6 / header_included_v6 compile on Linux,
        // Apple and Windows. Windows' getter reads what its setter writes
        // (IP_HDRINCL's number at IPPROTO_IPV6 is Winsock's IPV6_HDRINCL);
        // Linux's reads IPV6_2292HOPOPTS (`getter_reads`); Apple's both ask
        // a number xnu does not name at that level (`unnamed_number`).
        Opt::Ipv6(I6::Hdrincl) => matches!(os, Os::Windows | Os::Linux | Os::MacOs),
        Opt::Ipv6(I6::Mtu) => false,
        Opt::Ip(
            I::Pktinfo
            | I::Recvopts
            | I::Retopts
            | I::Recverr
            | I::MtuDiscover
            | I::Mtu
            | I::Recvorigdstaddr
            | I::Passsec
            | I::Nodefrag
            | I::Checksum
            | I::BindAddressNoPort
            | I::Recvfragsize
            | I::Minttl
            | I::RecverrRfc4884,
        ) => false,
        Opt::Ipv6(
            I6::Recverr
            | I6::MtuDiscover
            | I6::Recvorigdstaddr
            | I6::Autoflowlabel
            | I6::Minhopcount
            | I6::Recvrthdr
            | I6::Recvhopopts
            | I6::Recvdstopts
            | I6::Recvpathmtu
            | I6::Dontfrag
            | I6::Recvfragsize
            | I6::Flowinfo
            | I6::Hopopts2292,
        ) => false,
        Opt::Ipv6(I6::Freebind) => linux,
        Opt::Ipv6(I6::V6only | I6::UnicastHops | I6::MulticastHops | I6::MulticastLoop) => true,
        Opt::Ipv6(I6::AddMembership | I6::DropMembership) => true,
        Opt::Ipv6(I6::Tclass) => unix,
        Opt::Ipv6(I6::Recvtclass) => true,
    }
}
