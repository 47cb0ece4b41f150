//! Option values: what is asked for and what is read back.
//!
//! `RelativeValue` is the model's and the ladder's form, whose numbers may be
//! host-relative (`Expr`); `Value` is what a socket actually reported.

use crate::expr::Expr;
use std::fmt;

/// An IPv4 address as the int an int-sized `struct in_addr` option holds
/// (its four bytes in network order, read as a native int), named by the
/// address; `None` when `a` is not an address.
pub fn in_addr(a: &'static str) -> Option<Expr> {
    let ip: std::net::Ipv4Addr = a.parse().ok()?;
    Some(Expr::of(crate::expr::Sym {
        name: a,
        value: in_addr_bits(ip),
    }))
}

/// The int an `in_addr` holding `ip` reads as.
pub fn in_addr_bits(ip: std::net::Ipv4Addr) -> i128 {
    i32::from_ne_bytes(ip.octets()).into()
}

/// The address an int-sized `in_addr` holding `v` is (`None` when `v` is
/// wider than 32 bits).
pub fn in_addr_of(v: i128) -> Option<std::net::Ipv4Addr> {
    let v = i32::try_from(v)
        .or_else(|_| u32::try_from(v).map(|u| u as i32))
        .ok()?;
    Some(std::net::Ipv4Addr::from(v.to_ne_bytes()))
}

/// The int an `in_addr` holding the address `e` names reads as (a request
/// of a `u32` above `i32::MAX` reads back negative).
pub fn in_addr_read(e: Expr) -> Expr {
    e.map_value(|v| in_addr_of(v).map_or(v, in_addr_bits))
}

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
}

impl RelativeValue {
    /// A literal int.
    pub fn int(v: i128) -> RelativeValue {
        RelativeValue::Int(Expr::lit(v))
    }

    /// A literal linger.
    pub fn linger(on: i128, secs: i128) -> RelativeValue {
        RelativeValue::Linger(Expr::lit(on), Expr::lit(secs))
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
        }
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
