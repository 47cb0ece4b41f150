//! Value ladders: the requests each option is tried with, as data.
//!
//! Fixed rungs are the same numbers everywhere. Relative rungs sit at a host
//! quantity (a buffer limit, one timer tick), so they probe the same edge on
//! every machine. Some rungs only one path can say: a C `int` cannot hold
//! 2^31, socket2's `usize`, `u32`, `bool` or `Duration` cannot hold -1.

use crate::api::Api;
use crate::expr::{Expr, Sym};
use crate::value::RelativeValue;

/// Which paths a rung is meant for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Every path that can express it.
    Both,
    /// A value only the C type as the caller fills it holds (a negative
    /// time, l_onoff = 2): the raw call, and a library that passes the C
    /// int or struct as given (nix's `c_int` and struct types).
    CTyped,
    /// A value wider than the C type, for a library's Rust type (a usize or
    /// Duration of 2^32 and more).
    Wide,
}

/// Where a rung sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Fixed(i128),
    /// `coef * max + offset`, max being the option's host limit.
    Max(i128, i128),
    /// `INT_MAX/2 + offset`: the kernel's cap before doubling buffers.
    IntMaxHalf(i128),
    /// `struct linger {l_onoff, l_linger}`.
    Linger(i128, i128),
    /// `struct timeval {tv_sec, tv_usec}`.
    Time(i128, i128),
    /// `timeval {0, coef * jiffy + offset}`: around one timer tick.
    Jiffy(i128, i128),
    /// A Rust `Duration` of this many nanoseconds (a library's linger or
    /// timeout, finer than the C types).
    Duration(i128),
    Text(&'static str),
    /// An IPv4 address, as the `struct in_addr` an int-sized option holds.
    Addr(&'static str),
    /// A multicast group and the interface, by address (`ip_mreq`).
    Group(&'static str, &'static str),
    /// A group, a source and the interface, by address (`ip_mreq_source`).
    SourceGroup(&'static str, &'static str, &'static str),
    /// An IPv6 multicast group and the interface, by index (`ipv6_mreq`):
    /// this one, or (None) the loopback interface's, a host fact.
    Group6(&'static str, Option<i128>),
    /// An IPv4 group and an interface by index (an `ip_mreqn`): the
    /// loopback's (`None`) or a fixed one.
    GroupByIndex(&'static str, Option<i128>),
    /// `struct sock_txtime {clockid, flags}`.
    TxTime(i128, i128),
    /// The host's default TCP congestion control.
    DefaultCongestion,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rung {
    pub at: At,
    pub reach: Reach,
}

/// INT_MAX / 2, named so that requests and results near it read as such.
pub const INT_MAX_HALF: Sym = Sym {
    name: "(INT_MAX/2)",
    value: (i32::MAX / 2) as i128,
};

/// The host quantities relative rungs are placed at.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    pub max: Option<Sym>,
    pub jiffy_us: Option<Sym>,
    pub default_congestion: Option<String>,
    /// The loopback interface's index, named `lo` (None where the model
    /// does not know it: such rungs are skipped, and no membership is
    /// ever asked on an interface that could send its reports out).
    pub loopback: Option<Sym>,
    /// Whether the OS drops the index of an IPv4 membership by index (an
    /// `ip_mreqn`) and joins on the interface of the route to the group:
    /// macOS. Such rungs are skipped there: that interface is a real one.
    pub ip_mreqn_index_dropped: bool,
}

/// The loopback interface's index where every host has the same one: 1 on
/// Linux (include/net/flow.h LOOPBACK_IFINDEX, in every namespace), on
/// macOS (lo0 attaches first) and on Windows (its loopback pseudo-interface).
pub const LOOPBACK_INDEX_1: Sym = Sym { name: "lo", value: 1 };

/// An interface index a membership rung names: a fixed one, or (None) the
/// loopback's, where the model knows it.
fn index(on: Option<i128>, anchors: &Anchors) -> Option<Expr> {
    match on {
        Some(index) => Some(Expr::lit(index)),
        None => anchors.loopback.map(Expr::of),
    }
}

impl Rung {
    /// The request this rung makes on this host, or None when the host has
    /// no such quantity (such rungs are skipped and reported).
    pub fn resolve(&self, anchors: &Anchors) -> Option<RelativeValue> {
        Some(match self.at {
            At::Fixed(v) => RelativeValue::int(v),
            At::Max(coef, offset) => RelativeValue::Int(Expr::of(anchors.max?).times(coef).plus(offset)),
            At::IntMaxHalf(offset) => RelativeValue::Int(Expr::of(INT_MAX_HALF).plus(offset)),
            At::Linger(on, secs) => RelativeValue::linger(on, secs),
            At::Time(sec, usec) => RelativeValue::time(sec, usec),
            At::TxTime(clock, flags) => RelativeValue::txtime(clock, flags),
            At::Jiffy(coef, offset) => {
                RelativeValue::Time(Expr::lit(0), Expr::of(anchors.jiffy_us?).times(coef).plus(offset))
            }
            At::Duration(nanos) => RelativeValue::duration(nanos),
            At::Text(s) => RelativeValue::text(s),
            At::Addr(a) => RelativeValue::Int(crate::address::in_addr(a)?),
            At::Group(group, on) => {
                RelativeValue::Group(crate::address::in_addr(group)?, crate::address::in_addr(on)?)
            }
            At::SourceGroup(group, from, on) => RelativeValue::source_group(
                crate::address::in_addr(group)?,
                crate::address::in_addr(from)?,
                crate::address::in_addr(on)?,
            ),
            At::Group6(group, on) => {
                RelativeValue::Group(crate::address::in6_addr(group)?, index(on, anchors)?)
            }
            At::GroupByIndex(group, on) => {
                if anchors.ip_mreqn_index_dropped {
                    return None;
                }
                RelativeValue::GroupByIndex(crate::address::in_addr(group)?, index(on, anchors)?)
            }
            At::DefaultCongestion => RelativeValue::Text(
                anchors.default_congestion.clone()?,
                Some("tcp_congestion_control"),
            ),
        })
    }

    /// A short, host-independent name for the rung (`max-1`, `INT_MAX/2+1`,
    /// `2^32+4096`, `tv(0,jiffy-1)`): tests and reports name cases by it.
    pub fn label(&self) -> String {
        let offset = |o: i128| match o {
            0 => String::new(),
            o if o > 0 => format!("+{o}"),
            o => o.to_string(),
        };
        let times = |c: i128, what: &str| match c {
            1 => what.to_string(),
            c => format!("{c}*{what}"),
        };
        match self.at {
            At::Fixed(v) => number_label(v),
            At::Max(c, o) => format!("{}{}", times(c, "max"), offset(o)),
            At::IntMaxHalf(o) => format!("INT_MAX/2{}", offset(o)),
            At::Linger(on, secs) => format!("linger({},{})", number_label(on), number_label(secs)),
            At::Time(sec, usec) => format!("tv({},{})", number_label(sec), number_label(usec)),
            At::Jiffy(c, o) => format!("tv(0,{}{})", times(c, "jiffy"), offset(o)),
            At::TxTime(clock, flags) => format!("txtime({},{})", number_label(clock), number_label(flags)),
            At::Duration(nanos) => format!("dur({})", crate::value::duration_text(nanos)),
            At::Text("") => "empty".to_string(),
            At::Text(s) | At::Addr(s) => s.to_string(),
            At::Group(group, on) => format!("{group} on {on}"),
            At::SourceGroup(group, from, on) => format!("{group} from {from} on {on}"),
            At::Group6(group, Some(on)) => format!("{group} on {}", number_label(on)),
            At::Group6(group, None) => format!("{group} on lo"),
            At::GroupByIndex(group, Some(on)) => format!("{group} on index {}", number_label(on)),
            At::GroupByIndex(group, None) => format!("{group} on index lo"),
            At::DefaultCongestion => "default".to_string(),
        }
    }

    /// Whether the rung is meant for `path`; `c_typed`: the path passes
    /// the C int or struct as the caller gives it (the raw call, nix's
    /// `c_int` and struct types: `Shape::passes_c_type`).
    pub fn reaches(&self, path: Api, c_typed: bool) -> bool {
        match self.reach {
            Reach::Both => true,
            Reach::CTyped => path == Api::Raw || c_typed,
            Reach::Wide => path.is_library(),
        }
    }
}

/// A number by the name it is known by where it is an edge.
fn number_label(v: i128) -> String {
    const NAMED: [(i128, &str); 6] = [
        (i32::MAX as i128, "INT_MAX"),
        (i32::MIN as i128, "INT_MIN"),
        (u32::MAX as i128, "U32_MAX"),
        (u64::MAX as i128, "U64_MAX"),
        (1 << 31, "2^31"),
        (1 << 62, "2^62"),
    ];
    if let Some((_, name)) = NAMED.iter().find(|(n, _)| *n == v) {
        return name.to_string();
    }
    match v - (1 << 32) {
        0 => "2^32".to_string(),
        k if (1..=1 << 16).contains(&k) => format!("2^32+{k}"),
        _ => v.to_string(),
    }
}

/// The rung of `ladder` meant for `path` (`c_typed` as in `Rung::reaches`)
/// that has this label.
pub fn find(ladder: &'static [Rung], path: Api, c_typed: bool, label: &str) -> Option<&'static Rung> {
    for_path(ladder, path, c_typed).find(|r| r.label() == label)
}

const fn rung(at: At, reach: Reach) -> Rung {
    Rung { at, reach }
}
const fn both(v: i128) -> Rung {
    rung(At::Fixed(v), Reach::Both)
}
const fn raw(v: i128) -> Rung {
    rung(At::Fixed(v), Reach::CTyped)
}
const fn socket2(v: i128) -> Rung {
    rung(At::Fixed(v), Reach::Wide)
}
const fn max(coef: i128, offset: i128) -> Rung {
    rung(At::Max(coef, offset), Reach::Both)
}
const fn half(offset: i128) -> Rung {
    rung(At::IntMaxHalf(offset), Reach::Both)
}
const fn linger(on: i128, secs: i128, reach: Reach) -> Rung {
    rung(At::Linger(on, secs), reach)
}
const fn time(sec: i128, usec: i128, reach: Reach) -> Rung {
    rung(At::Time(sec, usec), reach)
}
/// A `Duration` only a library's method takes.
const fn duration(nanos: i128) -> Rung {
    rung(At::Duration(nanos), Reach::Wide)
}
const fn jiffy(coef: i128, offset: i128) -> Rung {
    rung(At::Jiffy(coef, offset), Reach::Both)
}
const fn text(s: &'static str) -> Rung {
    rung(At::Text(s), Reach::Both)
}
const fn addr(a: &'static str) -> Rung {
    rung(At::Addr(a), Reach::Both)
}
const fn group(group: &'static str, on: &'static str) -> Rung {
    rung(At::Group(group, on), Reach::Both)
}
const fn source_group(group: &'static str, from: &'static str, on: &'static str) -> Rung {
    rung(At::SourceGroup(group, from, on), Reach::Both)
}
const fn group6(group: &'static str, on: Option<i128>) -> Rung {
    rung(At::Group6(group, on), Reach::Both)
}
const fn group_by_index(group: &'static str, on: Option<i128>) -> Rung {
    rung(At::GroupByIndex(group, on), Reach::Both)
}

const INT_MAX: i128 = i32::MAX as i128;
const INT_MIN: i128 = i32::MIN as i128;
const U32_MAX: i128 = u32::MAX as i128;
const U64_MAX: i128 = u64::MAX as i128;

/// Buffer sizes. Fixed values between 65536 and the smallest common limit
/// are left out on purpose: whether they are clamped depends on the host.
pub const BUFFER: &[Rung] = &[
    both(0),
    both(1),
    both(2),
    both(255),
    both(256),
    both(1023),
    both(1024),
    both(2047),
    both(2048),
    both(2303),
    both(2304),
    both(2305),
    both(4095),
    both(4096),
    both(4607),
    both(4608),
    both(4609),
    both(8192),
    both(65535),
    both(65536),
    max(1, -1),
    max(1, 0),
    max(1, 1),
    max(2, 0),
    half(-1),
    half(0),
    half(1),
    both(INT_MAX),
    raw(-1),
    raw(-4096),
    raw(INT_MIN),
    socket2(1 << 31),
    socket2(1 << 32),
    socket2((1 << 32) + 4096),
    socket2(U64_MAX),
];

/// SIO_TCP_SET_ACK_FREQUENCY's one-byte count: none, the first counts and
/// the largest (socket2 takes a `u8`, so nothing wider can be sent).
pub const ACK_FREQUENCY: &[Rung] = &[both(0), both(1), both(2), both(255)];

/// Flags: does a non-zero value read back as 1, or as something else? 256
/// has a zero low byte (Wine reads some flags as one byte). socket2's `bool`
/// can only say 0 and 1.
pub const BOOL: &[Rung] = &[both(0), both(1), raw(2), raw(256), raw(-1), raw(INT_MAX)];

pub const LINGER: &[Rung] = &[
    linger(0, 0, Reach::Both),
    linger(0, 30, Reach::CTyped),
    linger(1, 0, Reach::Both),
    linger(1, 1, Reach::Both),
    linger(1, 65535, Reach::Both),
    linger(1, 65536, Reach::Both),
    linger(2, 5, Reach::CTyped),
    linger(1, -1, Reach::CTyped),
    linger(1, (1 << 32) + 5, Reach::Wide),
    // `Some(Duration::ZERO)`, and half seconds: socket2 drops the fraction
    // (500 ms is an abortive close), rustix rounds up to the next second.
    duration(0),
    duration(500_000_000),
    duration(1_500_000_000),
];

pub const TIMEOUT: &[Rung] = &[
    time(0, 0, Reach::Both),
    time(0, 1, Reach::Both),
    time(0, 999, Reach::Both),
    jiffy(1, -1),
    jiffy(1, 0),
    jiffy(1, 1),
    time(0, 999_999, Reach::Both),
    time(1, 0, Reach::Both),
    time(1, 1, Reach::Both),
    time(3_153_600_000, 0, Reach::Both),
    time(1 << 62, 0, Reach::Both),
    time(-1, 0, Reach::CTyped),
    time(-1, 5, Reach::CTyped),
    time(0, -1, Reach::CTyped),
    time(0, 1_000_000, Reach::CTyped),
    time(U64_MAX, 0, Reach::Wide),
    // `Some(Duration::ZERO)`, and what the C type's microseconds (and
    // Windows' milliseconds) cannot hold: socket2 truncates to "no
    // timeout", std and rustix round up or refuse.
    duration(0),
    duration(500),
    duration(500_000),
    duration(1_000_000_001),
];

pub const LOWAT: &[Rung] = &[raw(-1), raw(0), raw(1), raw(2), raw(65536), raw(INT_MAX)];

pub const PRIORITY: &[Rung] = &[
    both(0),
    both(6),
    both(7),
    both(65536),
    both(INT_MAX),
    raw(-1),
    socket2(1 << 31),
    socket2(U32_MAX),
];

pub const MARK: &[Rung] = &[both(0), both(1), both(INT_MAX), raw(-1), socket2(U32_MAX)];

pub const BUSY_POLL: &[Rung] = &[
    both(0),
    both(1),
    both(65536),
    both(INT_MAX),
    raw(-1),
    socket2(U32_MAX),
];

/// Read-only options: the read, and what a set gives.
pub const READ_ONLY: &[Rung] = &[raw(1)];

/// LOCAL_PEERCRED, which no OS lets a program set, but whose number is
/// IP_OPTIONS on an inet socket: an int set there is four bytes of IP
/// options. 0 (EOL), 1 (NOP, EOL) and 0x0402 (option 2, four bytes long)
/// are taken; 2 (a length of 0) and -1 (a length of 255) are not.
pub const IP_OPTIONS_INT: &[Rung] = &[raw(0), raw(1), raw(0x0402), raw(2), raw(-1)];

/// SO_INCOMING_CPU: CPUs that exist and do not, the int's ends, -1 (what a
/// new socket reads) and a u32 above INT_MAX (a library's unsigned types
/// send it as -1).
pub const INCOMING_CPU: &[Rung] = &[
    both(0),
    both(1),
    both(4095),
    both(INT_MAX),
    raw(-1),
    raw(-2),
    raw(INT_MIN),
    socket2(U32_MAX),
];

/// SO_BUF_LOCK: the two lock bits, the next bit, and a negative.
pub const BUF_LOCK: &[Rung] = &[raw(0), raw(1), raw(2), raw(3), raw(4), raw(-1)];

/// SO_TXREHASH: -1 (the namespace's default), off, on, and just outside.
pub const TXREHASH: &[Rung] = &[raw(-1), raw(0), raw(1), raw(2), raw(-2), raw(255)];

/// SO_MAX_PACING_RATE in bytes per second (~0U: unlimited).
pub const PACING: &[Rung] = &[raw(0), raw(1), raw(INT_MAX), raw(-1), raw(-2)];

/// IP_MTU_DISCOVER / IPV6_MTU_DISCOVER: the six modes and one past each end.
pub const PMTUDISC: &[Rung] = &[raw(0), raw(1), raw(2), raw(3), raw(4), raw(5), raw(6), raw(-1)];

/// SO_TS_CLOCK: the four clocks and one past each end.
pub const TS_CLOCK: &[Rung] = &[raw(0), raw(1), raw(2), raw(3), raw(4), raw(-1)];

/// IPV6_USE_MIN_MTU: -1 (multicast only), 0, 1 and one past each end.
pub const MINMTU: &[Rung] = &[raw(-1), raw(0), raw(1), raw(2), raw(-2)];

/// Connection-setup timeouts in seconds (TCP_KEEPINIT, TCP_CONNECTIONTIMEOUT).
pub const KEEPINIT: &[Rung] = &[
    raw(0),
    raw(1),
    raw(75),
    raw(4_294_967),
    raw(4_294_968),
    raw(INT_MAX),
    raw(-1),
];

/// Interface indexes: none (0), the loopback's (1 on Linux, macOS and
/// Windows; some interface on FreeBSD), one no host has, and -1.
pub const IFINDEX: &[Rung] = &[both(0), both(1), both(1_000_000), raw(-1), socket2(U32_MAX)];

/// An interface by its IPv4 address (IP_MULTICAST_IF): none (0.0.0.0),
/// loopback's own address, another loopback address no interface holds
/// (Linux's local table still routes it to lo), 0.0.0.1 (an interface
/// index where the 0.x.x.x block means one: Winsock, XNU) and an address
/// no host holds (TEST-NET-1, RFC 5737).
pub const ADDR_V4: &[Rung] = &[
    addr("0.0.0.0"),
    addr("127.0.0.1"),
    addr("127.0.0.2"),
    addr("0.0.0.1"),
    addr("192.0.2.1"),
];

/// IPv4 multicast memberships, one per fresh socket: a group on loopback's
/// address, a group that is not multicast, a group on an address no
/// interface holds (TEST-NET-1) and on a loopback address none holds
/// (Linux's local table still finds lo for it); then by index (an
/// `ip_mreqn`, socket2's `join_multicast_v4_n`): on loopback's, a group
/// that is not multicast, and an index no host has. Never on 0.0.0.0, where
/// the kernel would pick the interface of the route to the group: a real
/// one, whose membership reports would leave the machine (and so never by
/// index where the OS drops the index: `Anchors::ip_mreqn_index_dropped`).
pub const MEMBERSHIP_V4: &[Rung] = &[
    group("239.255.0.1", "127.0.0.1"),
    group("127.0.0.1", "127.0.0.1"),
    group("239.255.0.1", "192.0.2.1"),
    group("239.255.0.1", "127.0.0.2"),
    group_by_index("239.255.0.1", None),
    group_by_index("127.0.0.1", None),
    group_by_index("239.255.0.1", Some(1_000_000)),
];

/// Source-specific memberships (group 232.1.1.1, in the SSM range), one per
/// fresh socket: from loopback on loopback, a group that is not multicast,
/// an interface address no interface holds and a loopback one none holds.
/// Neither field is ever 0.0.0.0: Wine hands Windows' struct to Linux
/// unconverted, where the source field is read as the interface, and an
/// interface of 0.0.0.0 is the route's, a real one.
pub const SSM_V4: &[Rung] = &[
    source_group("232.1.1.1", "127.0.0.1", "127.0.0.1"),
    source_group("127.0.0.1", "127.0.0.1", "127.0.0.1"),
    source_group("232.1.1.1", "127.0.0.1", "192.0.2.1"),
    source_group("232.1.1.1", "127.0.0.1", "127.0.0.2"),
];

/// IPv6 multicast memberships, one per fresh socket: a link-scope group on
/// the loopback interface (by its index, a host fact), an address that is
/// not multicast, and an index no host has. Never on index 0, nor on a
/// fixed index that may be a real interface (FreeBSD's 1 is the first
/// NIC), for the reason `MEMBERSHIP_V4` gives.
pub const MEMBERSHIP_V6: &[Rung] = &[
    group6("ff12::5ec", None),
    group6("::1", None),
    group6("ff12::5ec", Some(1_000_000)),
];

/// SO_SETFIB: the default table, the next one (absent unless net.fibs > 1),
/// a negative and one past RT_MAXFIBS (65536).
pub const FIB: &[Rung] = &[raw(0), raw(1), raw(-1), raw(65536)];

/// SO_USER_COOKIE: a uint32 tag, so every int is a cookie.
pub const COOKIE: &[Rung] = &[raw(0), raw(1), raw(-1), raw(INT_MAX)];

/// IPV6_MTU: unset, just under and at IPV6_MIN_MTU (1280), Ethernet's,
/// loopback's, and a negative.
pub const MTU6: &[Rung] = &[raw(0), raw(1279), raw(1280), raw(1500), raw(65536), raw(-1)];

/// TCP_REPAIR: off without a window probe, off, on, and just outside.
pub const REPAIR: &[Rung] = &[raw(-1), raw(0), raw(1), raw(2), raw(-2)];

/// UDP_SEGMENT: off, a small size, a typical one, the u16 limit and past it.
pub const GSO_SIZE: &[Rung] = &[raw(0), raw(1), raw(1472), raw(65535), raw(65536), raw(-1)];

/// Interface names: the loopback's, none (unbind), and one no host has.
pub const DEVICE: &[Rung] = &[text("lo"), text(""), text("nosuchdev0")];

/// TCP_SAVE_SYN: off, on, on with the link-layer header, and just outside.
pub const SAVE_SYN: &[Rung] = &[raw(0), raw(1), raw(2), raw(3), raw(-1)];

pub const MAXSEG: &[Rung] = &[
    both(0),
    both(1),
    both(87),
    both(88),
    both(536),
    both(32767),
    both(32768),
    both(INT_MAX),
    raw(-1),
    socket2(1 << 31),
];

pub const KEEPALIVE_SECS: &[Rung] = &[
    both(0),
    both(1),
    both(75),
    both(32767),
    both(32768),
    both(INT_MAX),
    raw(-1),
    socket2((1 << 32) + 5),
    // A Duration with a fraction: socket2 drops it (0.5 s is 0), rustix
    // rounds it up.
    duration(500_000_000),
    duration(1_500_000_000),
];

pub const KEEPCNT: &[Rung] = &[
    both(0),
    both(1),
    both(127),
    both(128),
    both(INT_MAX),
    raw(-1),
    socket2(U32_MAX),
];

pub const USER_TIMEOUT: &[Rung] = &[
    both(0),
    both(1),
    both(30_000),
    both(INT_MAX),
    raw(-1),
    socket2(1 << 31),
    socket2(1 << 32),
    // Under a millisecond: socket2 sends 0, the system default.
    duration(500_000),
];

pub const NOTSENT_LOWAT: &[Rung] = &[
    both(0),
    both(1),
    both(16384),
    both(INT_MAX),
    raw(-1),
    socket2(U32_MAX),
];

/// TCP_SYNCNT: 1..=127 (MAX_TCP_SYNCNT).
pub const SYNCNT: &[Rung] = &[raw(0), raw(1), raw(6), raw(127), raw(128), raw(-1), raw(INT_MAX)];

/// SO_TXTIME: CLOCK_MONOTONIC (1, the one a program without CAP_NET_ADMIN
/// may ask for) with each flag, an unknown flag, CLOCK_REALTIME (0),
/// CLOCK_TAI (11), a clock the kernel has but SO_TXTIME does not take
/// (CLOCK_PROCESS_CPUTIME_ID, 2) and a negative one.
pub const TXTIME: &[Rung] = &[
    rung(At::TxTime(1, 0), Reach::Both),
    rung(At::TxTime(1, 1), Reach::Both),
    rung(At::TxTime(1, 2), Reach::Both),
    rung(At::TxTime(1, 3), Reach::Both),
    rung(At::TxTime(1, 4), Reach::Both),
    rung(At::TxTime(0, 0), Reach::Both),
    rung(At::TxTime(11, 0), Reach::Both),
    rung(At::TxTime(2, 0), Reach::Both),
    rung(At::TxTime(-1, 0), Reach::Both),
];

/// SO_ATTACH_FILTER: `crate::filter`'s programs, two the kernel takes and
/// three it refuses.
pub const FILTER: &[Rung] = &[
    rung(At::Text("accept-all"), Reach::CTyped),
    rung(At::Text("drop-all"), Reach::CTyped),
    rung(At::Text("empty"), Reach::CTyped),
    rung(At::Text("jump-out"), Reach::CTyped),
    rung(At::Text("too-long"), Reach::CTyped),
];

/// SO_DETACH_FILTER: the value is not looked at.
pub const DETACH: &[Rung] = &[raw(0), raw(1)];

/// TCP_WINDOW_CLAMP, bytes: 0 (no clamp, closed sockets only), below and
/// above the floor of SOCK_MIN_RCVBUF / 2 (1152 with a 256-byte sk_buff),
/// the int's top, and negatives (which older kernels kept as set).
pub const WINDOW_CLAMP: &[Rung] = &[
    raw(0),
    raw(1),
    raw(1000),
    raw(5000),
    raw(65536),
    raw(INT_MAX),
    raw(-1),
    raw(INT_MIN),
];

/// TCP_LINGER2, seconds: negative, 0 (the sysctl), within and above the
/// 120 s ceiling (TCP_FIN_TIMEOUT_MAX).
pub const LINGER2: &[Rung] = &[
    raw(-1),
    raw(0),
    raw(1),
    raw(30),
    raw(120),
    raw(121),
    raw(INT_MAX),
    raw(INT_MIN),
];

/// TCP_DEFER_ACCEPT, seconds: turned into a retransmission count and back,
/// so most values read back rounded up to the next backoff step.
pub const DEFER_ACCEPT: &[Rung] = &[
    raw(-1),
    raw(0),
    raw(1),
    raw(2),
    raw(5),
    raw(60),
    raw(1000),
    raw(INT_MAX),
];

/// TCP_FASTOPEN, a queue length: 0, small, at and past net.core.somaxconn's
/// stock 4096, negative.
pub const FASTOPEN: &[Rung] = &[
    raw(0),
    raw(1),
    raw(5),
    raw(4096),
    raw(4097),
    raw(-1),
    raw(INT_MAX),
];

pub const CONGESTION: &[Rung] = &[
    text("reno"),
    rung(At::DefaultCongestion, Reach::Both),
    text("no-such-cc"),
    text(""),
];

pub const TTL: &[Rung] = &[
    both(0),
    both(1),
    both(64),
    both(255),
    both(256),
    both(INT_MAX),
    raw(-1),
    raw(-2),
    socket2(U32_MAX),
];

/// Hop limits (multicast TTL, unicast and multicast hops).
pub const HOPS: &[Rung] = &[
    both(0),
    both(1),
    both(255),
    both(256),
    raw(-1),
    raw(-2),
    socket2(U32_MAX),
];

/// Type of service and traffic class: the low two bits are ECN.
pub const TOS: &[Rung] = &[
    both(0),
    both(1),
    both(3),
    both(4),
    both(0xfc),
    both(0xff),
    both(0x100),
    both(0x1ff),
    raw(-1),
    raw(-2),
    socket2(U32_MAX),
];

/// The rungs of `ladder` that `path` can express, in ladder order.
pub fn for_path(ladder: &'static [Rung], path: Api, c_typed: bool) -> impl Iterator<Item = &'static Rung> {
    ladder.iter().filter(move |r| r.reaches(path, c_typed))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A membership by index is asked only where the OS keeps the index:
    /// on macOS it would join on the route's interface, a real one.
    #[test]
    fn no_membership_by_index_is_asked_where_the_index_is_dropped() {
        let by_index: Vec<&Rung> = MEMBERSHIP_V4
            .iter()
            .filter(|r| matches!(r.at, At::GroupByIndex(..)))
            .collect();
        assert!(!by_index.is_empty());
        let kept = Anchors {
            loopback: Some(LOOPBACK_INDEX_1),
            ..Anchors::default()
        };
        let dropped = Anchors {
            ip_mreqn_index_dropped: true,
            ..kept.clone()
        };
        assert!(by_index.iter().all(|r| r.resolve(&kept).is_some()));
        assert!(by_index.iter().all(|r| r.resolve(&dropped).is_none()));
        // Without the loopback's index only the index no host has is asked.
        let unknown = Anchors::default();
        let asked: Vec<String> = by_index
            .iter()
            .filter(|r| r.resolve(&unknown).is_some())
            .map(|r| r.label())
            .collect();
        assert_eq!(asked, ["239.255.0.1 on index 1000000"]);
    }

    /// Tests and reports find a rung by its label: within a ladder and
    /// path, labels must be unique.
    #[test]
    fn labels_are_unique_within_a_ladder() {
        for option in crate::catalog::CATALOG {
            for path in Api::ALL {
                // Each reach a path can have: C-typed (raw, nix's ints) or not.
                for c_typed in [false, true] {
                    let mut labels: Vec<String> =
                        for_path(option.ladder, path, c_typed).map(Rung::label).collect();
                    let n = labels.len();
                    labels.sort();
                    labels.dedup();
                    assert_eq!(labels.len(), n, "{} {path}: a label repeats", option.name);
                }
            }
        }
    }
}
