//! The Rust argument a library's setter takes for a request, by the shape
//! of its type: one place says what a `u32`, an `Option<u8>` or an
//! `Option<Duration>` can hold, for the model (can the path say it?) and
//! for the calls (what to pass).

use crate::option::Shape;
use crate::value::{RelativeValue, Value};
use std::time::Duration;

/// A setter's argument, as its plain parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Usize(usize),
    Bool(bool),
    U32(u32),
    Int(i32),
    U8(u8),
    OptU8(Option<u8>),
    Duration(Duration),
    OptDuration(Option<Duration>),
    Bytes(Vec<u8>),
    /// A `linger` as the caller fills it: (l_onoff, l_linger).
    Linger(i32, i32),
    /// A `sock_txtime` as the caller fills it: (clockid, flags).
    TxTime(i32, u32),
    /// A `timeval` as the caller fills it: (tv_sec, tv_usec).
    Timeval(i64, i64),
    Ipv4(std::net::Ipv4Addr),
    /// A group and the interface's address.
    Membership(std::net::Ipv4Addr, std::net::Ipv4Addr),
    /// An IPv4 group and the interface's index.
    MembershipByIndex(std::net::Ipv4Addr, u32),
    /// An IPv6 group and the interface's index.
    Membership6(std::net::Ipv6Addr, u32),
    /// A source, a group and the interface's address (socket2's order).
    SourceMembership(std::net::Ipv4Addr, std::net::Ipv4Addr, std::net::Ipv4Addr),
}

/// The argument a setter of `shape` is called with for `val`, or `None`
/// when its type cannot hold the request.
pub fn of(shape: Shape, val: &RelativeValue) -> Option<Arg> {
    let int = |v: &RelativeValue| v.as_int().map(|e| e.value());
    Some(match (shape, val) {
        // A Duration, where the library's method takes one.
        (Shape::Secs | Shape::SecsChecked, RelativeValue::Duration(n)) => {
            Arg::Duration(Duration::from_nanos(u64::try_from(n.value()).ok()?))
        }
        (
            Shape::Timeout | Shape::TimeoutChecked | Shape::Linger | Shape::LingerChecked | Shape::OptMillis,
            RelativeValue::Duration(n),
        ) => Arg::OptDuration(Some(Duration::from_nanos(u64::try_from(n.value()).ok()?))),
        (Shape::Usize | Shape::UsizeChecked, v) => Arg::Usize(usize::try_from(int(v)?).ok()?),
        (Shape::Bool | Shape::BoolPositive | Shape::BoolByte, v) => match int(v)? {
            0 => Arg::Bool(false),
            1 => Arg::Bool(true),
            _ => return None,
        },
        (Shape::U32 | Shape::U32Byte, v) => Arg::U32(u32::try_from(int(v)?).ok()?),
        (Shape::Int, v) => Arg::Int(i32::try_from(int(v)?).ok()?),
        (Shape::Ipv4Addr, v) => Arg::Ipv4(crate::address::in_addr_of(int(v)?)?),
        (Shape::Byte | Shape::U8, v) => Arg::U8(u8::try_from(int(v)?).ok()?),
        (Shape::OptU8, v) => match int(v)? {
            -1 => Arg::OptU8(None),
            v => Arg::OptU8(Some(u8::try_from(v).ok()?)),
        },
        (Shape::Secs | Shape::SecsChecked, v) => {
            Arg::Duration(Duration::from_secs(u64::try_from(int(v)?).ok()?))
        }
        (Shape::OptMillis, v) => match u64::try_from(int(v)?).ok()? {
            0 => Arg::OptDuration(None),
            ms => Arg::OptDuration(Some(Duration::from_millis(ms))),
        },
        (Shape::Timeout | Shape::TimeoutChecked, RelativeValue::Time(sec, usec)) => {
            let (sec, usec) = (
                u64::try_from(sec.value()).ok()?,
                u32::try_from(usec.value()).ok()?,
            );
            match (sec, usec) {
                (_, 1_000_000..) => return None,
                (0, 0) => Arg::OptDuration(None),
                _ => Arg::OptDuration(Some(Duration::new(sec, usec * 1000))),
            }
        }
        (Shape::Linger | Shape::LingerChecked, RelativeValue::Linger(on, secs)) => {
            match (on.value(), u64::try_from(secs.value()).ok()?) {
                (0, 0) => Arg::OptDuration(None),
                (1, secs) => Arg::OptDuration(Some(Duration::from_secs(secs))),
                _ => return None,
            }
        }
        (Shape::Struct, RelativeValue::Linger(on, secs)) => {
            Arg::Linger(i32::try_from(on.value()).ok()?, i32::try_from(secs.value()).ok()?)
        }
        (Shape::Struct, RelativeValue::Time(sec, usec)) => Arg::Timeval(
            i64::try_from(sec.value()).ok()?,
            i64::try_from(usec.value()).ok()?,
        ),
        (Shape::ClockAndFlags, RelativeValue::TxTime(clock, _))
            if !crate::library::rustix::CLOCKS.contains(&clock.value()) =>
        {
            return None
        }
        (Shape::Struct | Shape::ClockAndFlags, RelativeValue::TxTime(clock, flags)) => Arg::TxTime(
            i32::try_from(clock.value()).ok()?,
            u32::try_from(flags.value()).ok()?,
        ),
        (Shape::Bytes, RelativeValue::Text(s, _)) => Arg::Bytes(s.as_bytes().to_vec()),
        (Shape::MembershipByIndex, RelativeValue::GroupByIndex(group, index)) => Arg::MembershipByIndex(
            crate::address::in_addr_of(group.value())?,
            u32::try_from(index.value()).ok()?,
        ),
        (Shape::Membership | Shape::MembershipByIndex, RelativeValue::Group(group, on)) => Arg::Membership(
            crate::address::in_addr_of(group.value())?,
            crate::address::in_addr_of(on.value())?,
        ),
        (Shape::SourceMembership, RelativeValue::SourceGroup(g)) => {
            let [group, from, on] = **g;
            Arg::SourceMembership(
                crate::address::in_addr_of(from.value())?,
                crate::address::in_addr_of(group.value())?,
                crate::address::in_addr_of(on.value())?,
            )
        }
        (Shape::Membership6, RelativeValue::Group(group, on)) => Arg::Membership6(
            crate::address::in6_addr_of(group.value()),
            u32::try_from(on.value()).ok()?,
        ),
        _ => return None,
    })
}

/// How a library's `Option<Duration>` result reads as a value of the
/// option's C shape.
pub fn from_duration(shape: Shape, d: Option<Duration>) -> Value {
    match shape {
        Shape::Linger | Shape::LingerChecked => {
            d.map_or(Value::Linger(0, 0), |d| Value::Linger(1, d.as_secs().into()))
        }
        Shape::Timeout | Shape::TimeoutChecked => d.map_or(Value::Time(0, 0), |d| {
            Value::Time(d.as_secs().into(), d.subsec_micros().into())
        }),
        _ => Value::Int(d.map_or(0, |d| d.as_millis() as i128)),
    }
}
