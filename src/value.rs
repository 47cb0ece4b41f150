//! Option values: what is asked for and what is read back.
//!
//! `RelativeValue` is the model's and the ladder's form, whose numbers may be
//! host-relative (`Expr`); `Value` is what a socket actually reported.

use crate::expr::Expr;
use std::fmt;

/// A concrete value read from a socket.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Value {
    /// An int, a flag or a size.
    Int(i128),
    /// `struct linger`: l_onoff and l_linger (seconds).
    Linger(i128, i128),
    /// `struct timeval`: tv_sec and tv_usec.
    Time(i128, i128),
    /// A name (TCP_CONGESTION).
    Text(String),
    /// A Rust `Duration`, in nanoseconds: what a library's linger and
    /// timeout methods take (never read back: the OS reports a linger or a
    /// timeval).
    Duration(i128),
    /// A multicast group and the interface to change its membership on
    /// (`address`), as requested (never read back).
    Group(i128, i128),
    /// An IPv4 multicast group and the index of the interface to change
    /// its membership on (an `ip_mreqn` by index), as requested.
    GroupByIndex(i128, i128),
    /// A source-specific membership: group, source, interface address.
    SourceGroup(i128, i128, i128),
    /// `struct ucred`: the peer's pid, uid and gid.
    Ucred(i128, i128, i128),
    /// `struct xucred` (the BSDs' LOCAL_PEERCRED): how many bytes the
    /// kernel wrote, then cr_version, cr_uid, cr_ngroups and cr_groups[0]
    /// (the effective gid).
    Xucred(Box<[i128; 5]>),
    /// `struct sock_txtime`: a clock id and flags.
    TxTime(i128, i128),
    /// Any int from the first to the second, both included: never read
    /// from a socket, the model's answer where the OS picks the number (a
    /// socket's cookie, the CPU that took its last packet).
    Range(i128, i128),
}

/// A value with host-relative numbers: a request, or the model's expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RelativeValue {
    /// An int, a flag or a size.
    Int(Expr),
    /// `struct linger`: l_onoff and l_linger (seconds).
    Linger(Expr, Expr),
    /// `struct timeval`: tv_sec and tv_usec.
    Time(Expr, Expr),
    /// The text, and the host-independent name it is shown by (if any).
    Text(String, Option<&'static str>),
    /// A Rust `Duration` in nanoseconds, for a linger or a timeout: what a
    /// library's method takes, finer than the C types (only a library path
    /// can say it; the library turns it into the OS's linger or timeval).
    Duration(Expr),
    /// A multicast group and the interface to join or leave it on: an
    /// address (`ip_mreq`) or an index (`ipv6_mreq`), each named.
    Group(Expr, Expr),
    /// An IPv4 multicast group and an interface by its index (socket2's
    /// `join_multicast_v4_n` with `InterfaceIndexOrAddress::Index`).
    GroupByIndex(Expr, Expr),
    /// A source-specific membership: the group, the source to receive it
    /// from, and the interface's address, each named (boxed: three
    /// expressions would make every value twice as large).
    SourceGroup(Box<[Expr; 3]>),
    /// `struct ucred`: the peer's pid, uid and gid, each named (boxed, as
    /// `SourceGroup`).
    Ucred(Box<[Expr; 3]>),
    /// `struct xucred`: bytes written, version, uid, group count, first
    /// group, each named (as `Value::Xucred`).
    Xucred(Box<[Expr; 5]>),
    /// `struct sock_txtime`: a clock id and flags (SO_TXTIME).
    TxTime(Expr, Expr),
    /// Any int from the first to the second, both included: where the OS
    /// picks the number and the model can say only its bounds.
    Range(Expr, Expr),
}

impl RelativeValue {
    /// A literal int.
    pub fn int(v: i128) -> RelativeValue {
        RelativeValue::Int(Expr::lit(v))
    }

    /// A source-specific membership: group, source, interface.
    pub fn source_group(group: Expr, from: Expr, on: Expr) -> RelativeValue {
        RelativeValue::SourceGroup(Box::new([group, from, on]))
    }

    /// The group, source and interface of a source-specific membership.
    pub fn as_source_group(&self) -> Option<(Expr, Expr, Expr)> {
        match self {
            RelativeValue::SourceGroup(g) => Some((g[0], g[1], g[2])),
            _ => None,
        }
    }

    /// A literal linger.
    pub fn linger(on: i128, secs: i128) -> RelativeValue {
        RelativeValue::Linger(Expr::lit(on), Expr::lit(secs))
    }

    /// A literal sock_txtime.
    pub fn txtime(clock: i128, flags: i128) -> RelativeValue {
        RelativeValue::TxTime(Expr::lit(clock), Expr::lit(flags))
    }

    /// A literal timeval.
    pub fn time(sec: i128, usec: i128) -> RelativeValue {
        RelativeValue::Time(Expr::lit(sec), Expr::lit(usec))
    }

    /// A literal `Duration` of `nanos` nanoseconds.
    pub fn duration(nanos: i128) -> RelativeValue {
        RelativeValue::Duration(Expr::lit(nanos))
    }

    /// A literal name.
    pub fn text(s: &str) -> RelativeValue {
        RelativeValue::Text(s.to_string(), None)
    }

    /// The concrete value on this host.
    pub fn value(&self) -> Value {
        match self {
            RelativeValue::Int(e) => Value::Int(e.value()),
            RelativeValue::Linger(on, secs) => Value::Linger(on.value(), secs.value()),
            RelativeValue::Time(sec, usec) => Value::Time(sec.value(), usec.value()),
            RelativeValue::Text(s, _) => Value::Text(s.clone()),
            RelativeValue::Duration(n) => Value::Duration(n.value()),
            RelativeValue::Group(group, on) => Value::Group(group.value(), on.value()),
            RelativeValue::GroupByIndex(group, index) => Value::GroupByIndex(group.value(), index.value()),
            RelativeValue::SourceGroup(g) => {
                let [group, from, on] = **g;
                Value::SourceGroup(group.value(), from.value(), on.value())
            }
            RelativeValue::Ucred(c) => Value::Ucred(c[0].value(), c[1].value(), c[2].value()),
            RelativeValue::Xucred(c) => Value::Xucred(Box::new(c.map(|e| e.value()))),
            RelativeValue::TxTime(clock, flags) => Value::TxTime(clock.value(), flags.value()),
            RelativeValue::Range(low, high) => Value::Range(low.value(), high.value()),
        }
    }

    /// A concrete value as a literal `RelativeValue`.
    pub fn literal(v: &Value) -> RelativeValue {
        match v {
            Value::Int(n) => RelativeValue::int(*n),
            Value::Linger(on, secs) => RelativeValue::linger(*on, *secs),
            Value::Time(sec, usec) => RelativeValue::time(*sec, *usec),
            Value::Text(s) => RelativeValue::text(s),
            Value::Duration(n) => RelativeValue::duration(*n),
            Value::Group(group, on) => RelativeValue::Group(Expr::lit(*group), Expr::lit(*on)),
            Value::GroupByIndex(group, index) => {
                RelativeValue::GroupByIndex(Expr::lit(*group), Expr::lit(*index))
            }
            Value::SourceGroup(group, from, on) => {
                RelativeValue::source_group(Expr::lit(*group), Expr::lit(*from), Expr::lit(*on))
            }
            Value::Ucred(pid, uid, gid) => {
                RelativeValue::Ucred(Box::new([Expr::lit(*pid), Expr::lit(*uid), Expr::lit(*gid)]))
            }
            Value::Xucred(c) => RelativeValue::Xucred(Box::new(c.map(Expr::lit))),
            Value::TxTime(clock, flags) => RelativeValue::txtime(*clock, *flags),
            Value::Range(low, high) => RelativeValue::Range(Expr::lit(*low), Expr::lit(*high)),
        }
    }

    /// The integer of an `Int`, for rules that only deal in integers.
    pub fn as_int(&self) -> Option<Expr> {
        match self {
            RelativeValue::Int(e) => Some(*e),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(v) => write!(f, "{v}"),
            Value::Linger(on, secs) => write!(f, "linger({on},{secs})"),
            Value::Time(sec, usec) => write!(f, "tv({sec},{usec})"),
            Value::Text(s) => write!(f, "{s:?}"),
            Value::Duration(n) => write!(f, "dur({})", duration_text(*n)),
            Value::Group(group, on) => write!(f, "group({group},{on})"),
            Value::GroupByIndex(group, index) => write!(f, "group_by_index({group},{index})"),
            Value::SourceGroup(group, from, on) => write!(f, "group({group},{from},{on})"),
            Value::Ucred(pid, uid, gid) => write!(f, "ucred({pid},{uid},{gid})"),
            Value::Xucred(c) => xucred(f, c),
            Value::TxTime(clock, flags) => write!(f, "txtime({clock},{flags})"),
            Value::Range(low, high) => write!(f, "{low}..={high}"),
        }
    }
}

impl fmt::Display for RelativeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RelativeValue::Int(e) => write!(f, "{e}"),
            RelativeValue::Linger(on, secs) => write!(f, "linger({on},{secs})"),
            RelativeValue::Time(sec, usec) => write!(f, "tv({sec},{usec})"),
            RelativeValue::Text(_, Some(label)) => f.write_str(label),
            RelativeValue::Text(s, None) => write!(f, "{s:?}"),
            RelativeValue::Duration(n) => write!(f, "dur({})", duration_text(n.value())),
            RelativeValue::Group(group, on) => write!(f, "{group} on {on}"),
            RelativeValue::GroupByIndex(group, index) => write!(f, "{group} on index {index}"),
            RelativeValue::SourceGroup(g) => {
                let [group, from, on] = &**g;
                write!(f, "{group} from {from} on {on}")
            }
            RelativeValue::Ucred(c) => write!(f, "ucred({},{},{})", c[0], c[1], c[2]),
            RelativeValue::Xucred(c) => xucred(f, c),
            RelativeValue::TxTime(clock, flags) => write!(f, "txtime({clock},{flags})"),
            RelativeValue::Range(low, high) => write!(f, "{low}..={high}"),
        }
    }
}

/// `xucred(76 bytes: 0,euid,ngroups,egid)`; `xucred(0 bytes)` where the
/// kernel wrote nothing (LOCAL_PEERCRED's number is IP_OPTIONS on an inet
/// socket, which has none to copy out).
fn xucred<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    [bytes, version, uid, ngroups, gid]: &[T; 5],
) -> fmt::Result {
    match bytes.to_string().as_str() {
        "0" => write!(f, "xucred(0 bytes)"),
        _ => write!(f, "xucred({bytes} bytes: {version},{uid},{ngroups},{gid})"),
    }
}

/// Nanoseconds in the largest unit that says them whole: `500ms`, `1500us`,
/// `500ns`, `0`.
pub fn duration_text(nanos: i128) -> String {
    const UNITS: [(i128, &str); 4] = [(1_000_000_000, "s"), (1_000_000, "ms"), (1_000, "us"), (1, "ns")];
    if nanos == 0 {
        return "0".to_string();
    }
    let (size, unit) = UNITS
        .into_iter()
        .find(|(size, _)| nanos % size == 0)
        .unwrap_or((1, "ns"));
    format!("{}{unit}", nanos / size)
}
