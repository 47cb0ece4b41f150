//! What rustix 1.1.6 (`rustix::net::sockopt`) does to a value on its way in
//! and out. Its setters take narrower or checked Rust types than socket2's
//! (`u8` for IP_TOS, `Option<u8>` for the unicast hops) and refuse with
//! EINVAL what does not fit, where socket2 casts with `as`. On Linux it
//! makes the syscalls itself (the linux_raw backend); elsewhere it calls
//! libc (the libc backend). Lines below are rustix 1.1.6's.

use super::{as_c_int, convert, Sent};
use crate::case::Request;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, Shape, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::prediction::Expected;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const NO_CALL: Rule = Rule {
        id: "rustix.no_call",
        formula: "no function on this OS => UNDEFINED",
        why: "rustix compiles no function pair for this option on this OS (its #[cfg]s, kept as data in `shape`), so a program using rustix cannot ask it",
        source: "rustix 1.1.6 src/net/sockopt.rs (cfg attributes of each function)",
    };
    pub const SIZE_REFUSED: Rule = Rule {
        id: "rustix.size_refused",
        formula: "v > c_int::MAX => EINVAL",
        why: "rustix converts the usize with try_into::<c_int>() and returns EINVAL itself when it does not fit, before any syscall (socket2 and nix cast with `as` instead)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs set_socket_send_buffer_size, line 385 / set_socket_recv_buffer_size, line 368 (`size.try_into().map_err(|_| io::Errno::INVAL)?`; the _force twins, lines 391 and 374); src/backend/libc/net/sockopt.rs the same, lines 368, 350, 375, 357",
    };
    pub const SIZE_READ_AS_U32: Rule = Rule {
        id: "rustix.size_read_as_u32",
        formula: "(usize)(u32)r",
        why: "rustix reads a buffer size as a u32 and widens it, so a negative int would read as 4294967295 (socket2: 2^64-1)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs socket_send_buffer_size, line 397 / socket_recv_buffer_size, line 380 (`.map(|size: u32| size as usize)`); src/backend/libc/net/sockopt.rs lines 381 and 363",
    };
    pub const U32_AS_INT: Rule = Rule {
        id: "rustix.u32_as_int",
        formula: "(c_int)v",
        why: "rustix passes the u32's four bytes as they are; the kernel reads an int, so values from 2^31 up arrive negative (u32::MAX as -1)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs setsockopt::<u32> (set_ip_ttl, line 456; set_ip_multicast_ttl, 558; set_ipv6_multicast_hops, 583; set_ipv6_tclass, 764; set_tcp_keepcnt, 784; set_tcp_user_timeout, 818) and set_ipv6_multicast_if, line 533 (`value as c::c_int`)",
    };
    pub const NEGATIVE_READ_AS_U32: Rule = Rule {
        id: "rustix.negative_read_as_u32",
        formula: "(u32)r",
        why: "rustix reads the int as a u32, so -1 reads as 4294967295",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs getsockopt::<u32>, line 61 (`value.assume_init()`) (ip_ttl, line 461; ipv6_tclass, line 769; ...)",
    };
    pub const BOOL_READ: Rule = Rule {
        id: "rustix.bool_read",
        formula: "r != 0",
        why: "rustix reads a flag as `!= 0`, hiding the value the OS reported",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs to_bool, line 1162 (`value != 0`); src/backend/libc/net/sockopt.rs to_bool, line 1394 (`value.0 != 0`)",
    };
    pub const BYTE_READ: Rule = Rule {
        id: "rustix.byte_read",
        formula: "(u8)r",
        why: "rustix returns IP_TOS and IPV6_UNICAST_HOPS as a u8 (`value as u8`), keeping the low 8 bits of the int the OS reported",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs ip_tos, line 697 (`value as u8`) / ipv6_unicast_hops, line 677 (`hops as u8`); src/backend/libc/net/sockopt.rs lines 803 and 765",
    };
    pub const LINGER_REFUSED: Rule = Rule {
        id: "rustix.linger_refused",
        formula: "secs > c_int::MAX (Windows: u16::MAX) => EINVAL",
        why: "rustix rounds the linger Duration up to whole seconds and returns EINVAL itself when they do not fit l_linger (socket2 wraps them with `as`)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs set_socket_linger, line 173 (`duration_to_secs(linger)?`) / duration_to_secs, lines 1169-1172 (round up, `T::try_from(secs).map_err(|_e| io::Errno::INVAL)`); src/backend/libc/net/sockopt.rs the same, lines 190 and 1401-1404",
    };
    pub const LINGER_IN_TICKS: Rule = Rule {
        id: "rustix.linger_in_ticks",
        formula: "SO_LINGER (ticks), not SO_LINGER_SEC",
        why: "on macOS rustix's set_socket_linger and socket_linger use the plain SO_LINGER, which XNU counts in clock ticks, where socket2 and std use SO_LINGER_SEC: \"5 s\" through rustix lingers 5 ticks",
        source: "rustix 1.1.6 src/backend/libc/net/sockopt.rs set_socket_linger, line 198 (c::SO_LINGER); socket_linger, line 203",
    };
    pub const LINGER_OFF_HIDES_TIME: Rule = Rule {
        id: "rustix.linger_off_hides_time",
        formula: "l_onoff == 0 => None",
        why: "rustix reads linger off as None, dropping the l_linger the OS still reports",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs socket_linger, line 187 (`(linger.l_onoff != 0).then(...)`); src/backend/libc/net/sockopt.rs line 204",
    };
    pub const LINGER_ON_READ: Rule = Rule {
        id: "rustix.linger_on_read",
        formula: "l_onoff != 0 => (1, (u64)l_linger)",
        why: "rustix reads linger on as Some(Duration::from_secs(l_linger as u64)): any non-zero l_onoff becomes 1 and a negative l_linger a huge time",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs socket_linger, line 187 (`(linger.l_onoff != 0).then(|| Duration::from_secs(linger.l_linger as u64))`); src/backend/libc/net/sockopt.rs line 204",
    };
    pub const SECS_REFUSED: Rule = Rule {
        id: "rustix.secs_refused",
        formula: "secs > c_uint::MAX => EINVAL",
        why: "rustix rounds the keepalive Duration up to whole seconds and returns EINVAL itself when they do not fit a C unsigned int",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs set_tcp_keepidle, line 794 / set_tcp_keepintvl, line 806 (`let secs: c::c_uint = duration_to_secs(duration)?`) / duration_to_secs, lines 1169-1172",
    };
    pub const SECS_AS_INT: Rule = Rule {
        id: "rustix.secs_as_int",
        formula: "(c_int)(c_uint)secs",
        why: "rustix passes the seconds as a C unsigned int; the kernel reads an int, so 2^31 s and more arrive negative",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs set_tcp_keepidle, lines 794-795 (setsockopt::<c_uint>); set_tcp_keepintvl, lines 806-807",
    };
    pub const TIMEOUT_SECS_SATURATED: Rule = Rule {
        id: "rustix.timeout_secs_saturated",
        formula: "min(secs, i64::MAX)",
        why: "rustix saturates the Duration's seconds at i64::MAX when building the timeval (on Linux the 64-bit __kernel_sock_timeval of SO_RCVTIMEO_NEW / SO_SNDTIMEO_NEW, on 32-bit targets too; only a kernel without them, before 5.1, gets the old timeval, saturated at c_long::MAX)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs duration_to_linux_sock_timeval, lines 290-293 (try_into().unwrap_or(Secs::MAX)) and 298 (unwrap_or(i64::MAX)), used by set_socket_timeout, lines 206-210 (SO_RCVTIMEO_NEW / SO_SNDTIMEO_NEW); src/backend/libc/net/sockopt.rs set_socket_timeout, line 246 (time_t::MAX)",
    };
    pub const TIMEOUT_MS_ROUNDED_UP: Rule = Rule {
        id: "rustix.timeout_ms_rounded_up",
        formula: "ms = ceil(d / 1 ms)",
        why: "on Windows rustix rounds the timeout up to whole milliseconds (socket2 truncates), so 1 s + 1 µs is 1001 ms",
        source: "rustix 1.1.6 src/backend/libc/net/sockopt.rs set_socket_timeout, line 271 (#[cfg(windows)]: (as_nanos() + 999_999) / 1_000_000)",
    };
    pub const TXTIME_RANGE: Rule = Rule {
        id: "rustix.txtime_range",
        formula: "get_txtime: a clock not in ClockId, or a flag bit other than DEADLINE_MODE / REPORT_ERRORS => ERANGE",
        why: "rustix's get_txtime converts the kernel's sock_txtime into a ClockId and TxTimeFlags (from_bits), and answers ERANGE, its own error, for anything they cannot hold: CLOCK_TAI (11), the clock time-based packet schedulers use, is not a ClockId without rustix's linux_4_11 feature, so a socket an administrator set to TAI reads as ERANGE (and set_txtime cannot ask for it)",
        source: "rustix 1.1.6 src/backend/linux_raw/net/sockopt.rs get_txtime ('txtime.clockid.try_into().map_err(|_| io::Errno::RANGE)?', 'TxTimeFlags::from_bits(txtime.flags).ok_or(io::Errno::RANGE)?'), set_txtime; src/clockid.rs ClockId ('#[cfg(all(linux_kernel, feature = \"linux_4_11\"))] Tai') and its TryFrom",
    };
    pub const TIMEOUT_MS_REFUSED: Rule = Rule {
        id: "rustix.timeout_ms_refused",
        formula: "ms > u32::MAX => EINVAL",
        why: "on Windows rustix returns EINVAL itself for a timeout longer than u32::MAX milliseconds (socket2 saturates it to INFINITE)",
        source: "rustix 1.1.6 src/backend/libc/net/sockopt.rs set_socket_timeout, lines 271-273 (#[cfg(windows)] try_into::<u32>, map_err to INVAL)",
    };
}

/// The clocks rustix 1.1's `ClockId` has on Linux (src/clockid.rs, with the
/// features this project builds it with): CLOCK_REALTIME 0, MONOTONIC 1,
/// PROCESS_CPUTIME_ID 2, THREAD_CPUTIME_ID 3, MONOTONIC_RAW 4,
/// REALTIME_COARSE 5, MONOTONIC_COARSE 6, BOOTTIME 7, REALTIME_ALARM 8,
/// BOOTTIME_ALARM 9. CLOCK_TAI (11) needs its `linux_4_11` feature.
pub const CLOCKS: &[i128] = &[0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

/// rustix's Rust type for the option on `os`, or `None` where it compiles
/// no function for it (the `#[cfg]`s of src/net/sockopt.rs, as data; a unit
/// test in `call` holds this host's row against the compiled functions).
pub fn shape(os: Os, option: &OptionSpec) -> Option<Shape> {
    use BufferOpt as B;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use Shape::*;
    use SocketOpt as S;
    use TcpOpt as T;
    let (linux, macos, freebsd) = (os == Os::Linux, os == Os::MacOs, os == Os::FreeBsd);
    let unix = linux || macos || freebsd;
    let on = |yes: bool, shape: Shape| yes.then_some(shape);
    match option.id {
        Opt::Buffer(B::Sndbuf | B::Rcvbuf) => Some(UsizeChecked),
        Opt::Buffer(B::Sndbufforce | B::Rcvbufforce) => on(linux, UsizeChecked),
        Opt::Socket(S::Reuseaddr | S::Broadcast | S::Keepalive | S::Oobinline) => Some(Bool),
        Opt::Socket(S::Linger) => Some(LingerChecked),
        Opt::Socket(S::Passcred) => on(linux, Bool),
        Opt::Socket(S::Rcvtimeo | S::Sndtimeo) => Some(TimeoutChecked),
        Opt::Socket(S::Error | S::Type) => Some(ReadOnly),
        Opt::Socket(S::Domain | S::Protocol) => on(linux || freebsd, ReadOnly),
        Opt::Socket(S::IncomingCpu) => on(linux, U32),
        Opt::Socket(S::Cookie) => on(linux, ReadOnly),
        Opt::Socket(S::Txtime) => on(linux, ClockAndFlags),
        // "Apple platforms declare the constant, but do not actually implement it."
        Opt::Socket(S::Acceptconn) => on(!macos, ReadOnlyBool),
        Opt::Socket(S::Reuseport) => on(unix, Bool),
        Opt::Socket(S::ReuseportLb) => on(freebsd, Bool),
        Opt::Socket(S::Nosigpipe) => on(macos || freebsd, Bool),
        Opt::Ip(I::Ttl | I::MulticastTtl) => Some(U32),
        Opt::Ip(I::MulticastLoop) => Some(Bool),
        Opt::Ip(I::Tos) => on(unix, U8),
        Opt::Ip(I::Recvtos) => on(unix, Bool),
        Opt::Ip(I::Freebind) => on(linux, Bool),
        Opt::Ip(I::Mtu) => on(linux, ReadOnly),
        Opt::Ipv6(I6::V6only | I6::MulticastLoop) => Some(Bool),
        Opt::Ipv6(I6::UnicastHops) => Some(OptU8),
        Opt::Ip(I::MulticastIf) => Some(Ipv4Addr),
        Opt::Ip(I::AddMembership | I::DropMembership) => Some(Membership),
        Opt::Ip(I::AddSourceMembership | I::DropSourceMembership) => on(unix, SourceMembership),
        Opt::Ipv6(I6::AddMembership | I6::DropMembership) => Some(Membership6),
        Opt::Ipv6(I6::MulticastHops | I6::MulticastIf) => Some(U32),
        Opt::Ipv6(I6::Tclass) => on(unix, U32),
        Opt::Ipv6(I6::Recvtclass) => on(unix, Bool),
        Opt::Ipv6(I6::Freebind) => on(linux, Bool),
        Opt::Ipv6(I6::Mtu) => on(linux, ReadOnly),
        Opt::Tcp(T::Nodelay) => Some(Bool),
        Opt::Tcp(T::Keepcnt) => Some(U32),
        Opt::Tcp(T::Keepidle | T::Keepintvl) => Some(SecsChecked),
        Opt::Tcp(T::UserTimeout) => on(linux, U32),
        Opt::Tcp(T::Quickack | T::ThinLinearTimeouts | T::Cork) => on(linux, Bool),
        Opt::Tcp(T::Congestion) => on(linux || freebsd, Bytes),
        _ => None,
    }
}

/// The request as the OS receives it from rustix, or rustix's own refusal.
pub fn request(
    os: Os,
    shape: Shape,
    option: &'static OptionSpec,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Sent {
    let Request::Set(val) = request else {
        return Sent::Os(option, request.clone());
    };
    let windows = os == Os::Windows;
    // rustix's Errno is the OS's own code: WSAEINVAL on Windows.
    let refused = |rule: &'static Rule, rules: &mut Vec<&'static Rule>| {
        rules.push(rule);
        Sent::Refused(Expected::Err(if windows { "WSAEINVAL" } else { "EINVAL" }))
    };
    let sent = match (shape, val) {
        (Shape::UsizeChecked, RelativeValue::Int(e)) if e.value() > i128::from(i32::MAX) => {
            return refused(&SIZE_REFUSED, rules)
        }
        (Shape::U32, RelativeValue::Int(e)) => RelativeValue::Int(convert(*e, &U32_AS_INT, rules, as_c_int)),
        (Shape::SecsChecked, RelativeValue::Int(e)) if e.value() > i128::from(u32::MAX) => {
            return refused(&SECS_REFUSED, rules)
        }
        (Shape::SecsChecked, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(*e, &SECS_AS_INT, rules, as_c_int))
        }
        (Shape::OptU8, RelativeValue::Int(_)) => val.clone(),
        (Shape::LingerChecked, RelativeValue::Linger(on, secs)) => {
            let max = if windows {
                i128::from(u16::MAX)
            } else {
                i128::from(i32::MAX)
            };
            if on.value() != 0 && secs.value() > max {
                return refused(&LINGER_REFUSED, rules);
            }
            if os == Os::MacOs {
                rules.push(&LINGER_IN_TICKS);
                return Sent::Os(
                    crate::catalog::spec(Opt::Socket(SocketOpt::LingerTicks)),
                    request.clone(),
                );
            }
            val.clone()
        }
        (Shape::TimeoutChecked, RelativeValue::Time(sec, usec)) if windows => {
            let (ms, rounded) = super::ms_rounded_up(sec.value(), usec.value());
            if rounded {
                rules.push(&TIMEOUT_MS_ROUNDED_UP);
            }
            if ms > i128::from(u32::MAX) {
                return refused(&TIMEOUT_MS_REFUSED, rules);
            }
            RelativeValue::time(ms / 1000, (ms % 1000) * 1000)
        }
        (Shape::TimeoutChecked, RelativeValue::Time(sec, usec)) => RelativeValue::Time(
            convert(*sec, &TIMEOUT_SECS_SATURATED, rules, |v| {
                v.min(i128::from(i64::MAX))
            }),
            *usec,
        ),
        _ => val.clone(),
    };
    Sent::Os(option, Request::Set(sent))
}

/// The value rustix hands back for what the OS reported.
pub fn read_back(shape: Shape, val: RelativeValue, rules: &mut Vec<&'static Rule>) -> Expected {
    if let (Shape::ClockAndFlags, RelativeValue::TxTime(clock, flags)) = (shape, &val) {
        if !CLOCKS.contains(&clock.value()) || flags.value() & !3 != 0 {
            rules.push(&TXTIME_RANGE);
            return Expected::Err("ERANGE");
        }
    }
    Expected::Ok(match (shape, val) {
        (Shape::UsizeChecked, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &SIZE_READ_AS_U32, rules, |v| i128::from(v as u32)))
        }
        (Shape::U32 | Shape::SecsChecked, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &NEGATIVE_READ_AS_U32, rules, |v| i128::from(v as u32)))
        }
        (Shape::U8 | Shape::OptU8, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &BYTE_READ, rules, |v| i128::from(v as u8)))
        }
        (Shape::Bool | Shape::ReadOnlyBool, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &BOOL_READ, rules, |v| (v != 0).into()))
        }
        (Shape::LingerChecked, RelativeValue::Linger(on, secs)) if on.value() == 0 => {
            if secs.value() != 0 {
                rules.push(&LINGER_OFF_HIDES_TIME);
            }
            RelativeValue::linger(0, 0)
        }
        (Shape::LingerChecked, RelativeValue::Linger(on, secs)) => RelativeValue::Linger(
            convert(on, &LINGER_ON_READ, rules, |_| 1),
            convert(secs, &LINGER_ON_READ, rules, |v| i128::from(v as i32 as u64)),
        ),
        (_, val) => val,
    })
}
