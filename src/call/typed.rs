//! A library's setter and getter pair, by the Rust types they take and
//! give, and the one way every library path applies a request through
//! them: the argument from `library::arg`, the result read back as a value
//! of the option's C shape.

use crate::case::Request;
use crate::library::arg::{self, Arg};
use crate::option::{OptionSpec, Shape};
use crate::sys;
use crate::value::Value;
use socket2::Socket;
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr};
use std::time::Duration;

type R<T> = io::Result<T>;

/// `Some(call)` where the cfg holds, `None` elsewhere: a library compiles
/// some calls only for some targets. (Unused when no library feature that
/// needs it is built.)
#[allow(unused_macros)]
macro_rules! when {
    ($cfg:meta, $e:expr) => {{
        #[cfg($cfg)]
        let call = Some($e);
        #[cfg(not($cfg))]
        let call = None;
        call
    }};
}
#[allow(unused_imports)]
pub(crate) use when;

/// A setter and getter, by the Rust types they take and give.
#[derive(Clone, Copy)]
// Not every library or OS has a call of every shape.
#[allow(dead_code)]
pub enum Calls {
    Usize(fn(&Socket, usize) -> R<()>, fn(&Socket) -> R<usize>),
    Bool(fn(&Socket, bool) -> R<()>, fn(&Socket) -> R<bool>),
    U32(fn(&Socket, u32) -> R<()>, fn(&Socket) -> R<u32>),
    Int(fn(&Socket, i32) -> R<()>, fn(&Socket) -> R<i32>),
    U8(fn(&Socket, u8) -> R<()>, fn(&Socket) -> R<u8>),
    OptU8(fn(&Socket, Option<u8>) -> R<()>, fn(&Socket) -> R<u8>),
    Duration(fn(&Socket, Duration) -> R<()>, fn(&Socket) -> R<Duration>),
    OptDuration(
        fn(&Socket, Option<Duration>) -> R<()>,
        fn(&Socket) -> R<Option<Duration>>,
    ),
    Bytes(fn(&Socket, &[u8]) -> R<()>, fn(&Socket) -> R<Vec<u8>>),
    Linger(fn(&Socket, i32, i32) -> R<()>, fn(&Socket) -> R<(i32, i32)>),
    Timeval(fn(&Socket, i64, i64) -> R<()>, fn(&Socket) -> R<(i64, i64)>),
    Ipv4(fn(&Socket, &Ipv4Addr) -> R<()>, fn(&Socket) -> R<Ipv4Addr>),
    /// A membership change (group, interface address): nothing to read.
    Membership(fn(&Socket, &Ipv4Addr, &Ipv4Addr) -> R<()>),
    /// A membership change by interface address (group, address), and one
    /// by interface index (group, index).
    MembershipByIndex(
        fn(&Socket, &Ipv4Addr, &Ipv4Addr) -> R<()>,
        fn(&Socket, &Ipv4Addr, u32) -> R<()>,
    ),
    /// An IPv6 membership change (group, interface index).
    Membership6(fn(&Socket, &Ipv6Addr, u32) -> R<()>),
    /// A source-specific membership change (source, group, interface).
    SourceMembership(fn(&Socket, &Ipv4Addr, &Ipv4Addr, &Ipv4Addr) -> R<()>),
    /// A change by a `u8` with nothing to read back (socket2's
    /// `set_tcp_ack_frequency`, an ioctl).
    ChangeU8(fn(&Socket, u8) -> R<()>),
    /// A setter with no getter: the option is read back with the raw call.
    SetOnly(fn(&Socket, usize) -> R<()>),
    /// No call: an option the library set when it made the socket, read
    /// with the raw call.
    RawRead,
    ReadOnly(fn(&Socket) -> R<i128>),
    /// A getter only, of a C struct the library hands back whole (nix's
    /// `PeerCredentials`: a `struct ucred`).
    ReadOnlyStruct(fn(&Socket) -> R<Value>),
    /// A `struct sock_txtime` as the caller fills it: (clock id, flags).
    TxTime(fn(&Socket, i32, u32) -> R<()>, fn(&Socket) -> R<(i32, u32)>),
}

/// Sets the request (if any) through `calls`, then reads the option back
/// through them. `library` names the path in messages. A library that
/// panics (nix asserts the length the kernel returns) gives `PANIC`.
pub fn apply(
    library: &str,
    option: &OptionSpec,
    shape: Shape,
    calls: Calls,
    socket: &Socket,
    request: &Request,
) -> Result<Value, String> {
    let run = || apply_unwinding(library, option, shape, calls, socket, request);
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)).unwrap_or_else(|_| Err("PANIC".into()))
}

fn apply_unwinding(
    library: &str,
    option: &OptionSpec,
    shape: Shape,
    calls: Calls,
    socket: &Socket,
    request: &Request,
) -> Result<Value, String> {
    if let Request::Set(val) = request {
        let arg =
            arg::of(shape, val).ok_or_else(|| format!("{library}'s {shape:?} call cannot take {val}"))?;
        match (calls, arg) {
            (Calls::Usize(set, _) | Calls::SetOnly(set), Arg::Usize(v)) => set(socket, v),
            (Calls::Bool(set, _), Arg::Bool(v)) => set(socket, v),
            (Calls::U32(set, _), Arg::U32(v)) => set(socket, v),
            (Calls::Int(set, _), Arg::Int(v)) => set(socket, v),
            (Calls::U8(set, _), Arg::U8(v)) | (Calls::ChangeU8(set), Arg::U8(v)) => set(socket, v),
            (Calls::OptU8(set, _), Arg::OptU8(v)) => set(socket, v),
            (Calls::Duration(set, _), Arg::Duration(v)) => set(socket, v),
            (Calls::OptDuration(set, _), Arg::OptDuration(v)) => set(socket, v),
            (Calls::Bytes(set, _), Arg::Bytes(v)) => set(socket, &v),
            (Calls::Linger(set, _), Arg::Linger(on, secs)) => set(socket, on, secs),
            (Calls::Timeval(set, _), Arg::Timeval(sec, usec)) => set(socket, sec, usec),
            (Calls::TxTime(set, _), Arg::TxTime(clock, flags)) => set(socket, clock, flags),
            (Calls::Ipv4(set, _), Arg::Ipv4(a)) => set(socket, &a),
            (Calls::Membership(set) | Calls::MembershipByIndex(set, _), Arg::Membership(group, on)) => {
                set(socket, &group, &on)
            }
            (Calls::MembershipByIndex(_, set), Arg::MembershipByIndex(group, index)) => {
                set(socket, &group, index)
            }
            (Calls::Membership6(set), Arg::Membership6(group, on)) => set(socket, &group, on),
            (Calls::SourceMembership(set), Arg::SourceMembership(from, group, on)) => {
                set(socket, &from, &group, &on)
            }
            _ => {
                return Err(format!(
                    "{} has no {library} setter of shape {shape:?}",
                    option.name
                ))
            }
        }
        .map_err(name)?;
    }
    Ok(match calls {
        Calls::Usize(_, get) => Value::Int(get(socket).map_err(name)? as i128),
        Calls::Bool(_, get) => Value::Int(get(socket).map_err(name)?.into()),
        Calls::U32(_, get) => Value::Int(get(socket).map_err(name)?.into()),
        Calls::Int(_, get) => Value::Int(get(socket).map_err(name)?.into()),
        Calls::U8(_, get) | Calls::OptU8(_, get) => Value::Int(get(socket).map_err(name)?.into()),
        Calls::Ipv4(_, get) => Value::Int(crate::address::in_addr_bits(get(socket).map_err(name)?)),
        Calls::Duration(_, get) => Value::Int(get(socket).map_err(name)?.as_secs().into()),
        Calls::OptDuration(_, get) => arg::from_duration(shape, get(socket).map_err(name)?),
        Calls::Bytes(_, get) => {
            let mut bytes = get(socket).map_err(name)?;
            if let Some(nul) = bytes.iter().position(|&b| b == 0) {
                bytes.truncate(nul);
            }
            Value::Text(String::from_utf8_lossy(&bytes).into())
        }
        Calls::Linger(_, get) => {
            let (on, secs) = get(socket).map_err(name)?;
            Value::Linger(on.into(), secs.into())
        }
        Calls::Timeval(_, get) => {
            let (sec, usec) = get(socket).map_err(name)?;
            Value::Time(sec.into(), usec.into())
        }
        Calls::SetOnly(_) => super::raw::read_back(option, socket)?,
        Calls::RawRead => super::raw::apply(option, socket, &Request::Default)?,
        Calls::ReadOnly(get) => Value::Int(get(socket).map_err(name)?),
        Calls::ReadOnlyStruct(get) => get(socket).map_err(name)?,
        Calls::TxTime(_, get) => {
            let (clock, flags) = get(socket).map_err(name)?;
            Value::TxTime(clock.into(), flags.into())
        }
        // A membership has nothing to read: a set that worked is done; a
        // read is the raw call's (the library has no getter).
        Calls::Membership(_)
        | Calls::MembershipByIndex(..)
        | Calls::Membership6(_)
        | Calls::SourceMembership(_)
        | Calls::ChangeU8(_) => match request {
            Request::Set(_) => super::raw::done(),
            Request::Default => super::raw::apply(option, socket, request)?,
        },
    })
}

/// An OS error by its name (`EINVAL`); a library's own error by its text.
pub fn name(e: io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => sys::error_name(code),
        None => e.to_string(),
    }
}
