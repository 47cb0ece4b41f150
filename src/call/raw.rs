//! The raw path: the OS's setsockopt/getsockopt with the option's C type.

use crate::case::Request;
use crate::catalog;
use crate::option::{OptionSpec, Type};
use crate::sys;
use crate::value::{RelativeValue, Value};

/// TCP_CA_NAME_MAX: the longest congestion control name plus its NUL.
const TEXT_CAPACITY: usize = 16;

pub fn apply(option: &OptionSpec, socket: &socket2::Socket, request: &Request) -> Result<Value, String> {
    let code = |o: &OptionSpec| sys::code(o).ok_or_else(|| format!("{} is not defined on this OS", o.name));
    match request {
        // A plain read asks for the option by its own name (FORCE: ENOPROTOOPT).
        Request::Default => get(option.ty, socket, code(option)?),
        Request::Set(val) => {
            set(option, socket, code(option)?, val)?;
            if is_change(option.ty) {
                return Ok(done());
            }
            let back = catalog::spec(option.read_back);
            get(back.ty, socket, code(back)?)
        }
    }
}

/// Reads a set option back as the raw path does (a FORCE option through
/// the option it sets): for a library setter with no getter.
pub fn read_back(option: &OptionSpec, socket: &socket2::Socket) -> Result<Value, String> {
    let read = catalog::spec(option.read_back);
    let code = sys::code(read).ok_or_else(|| format!("{} is not defined on this OS", read.name))?;
    get(read.ty, socket, code)
}

/// Whether a set of this type is a change with nothing to read back (a
/// membership): a set that worked reads as `address::DONE`.
pub fn is_change(ty: Type) -> bool {
    matches!(
        ty,
        Type::Membership | Type::Membership6 | Type::SourceMembership | Type::AckFrequency
    )
}

/// What a change that worked reads as.
pub fn done() -> Value {
    Value::Int(crate::address::DONE.value)
}

/// The C struct a change of type `ty` sends for `val` (`ip_mreq`,
/// `ipv6_mreq`, or `ip_mreq_source` in `order`); `None` when the value is
/// not of the type's shape.
pub fn change_bytes(ty: Type, val: &RelativeValue, order: crate::address::SourceOrder) -> Option<Vec<u8>> {
    use crate::address::{ip_mreq_by_index_bytes, ip_mreq_bytes, ipv6_mreq_bytes, source_membership_bytes};
    match (ty, val) {
        (Type::Membership, RelativeValue::Group(group, on)) => ip_mreq_bytes(group.value(), on.value()),
        (Type::Membership, RelativeValue::GroupByIndex(group, index)) => {
            ip_mreq_by_index_bytes(group.value(), index.value())
        }
        (Type::Membership6, RelativeValue::Group(group, on)) => ipv6_mreq_bytes(group.value(), on.value()),
        (Type::SourceMembership, RelativeValue::SourceGroup(g)) => {
            let [group, from, on] = **g;
            source_membership_bytes(order, group.value(), from.value(), on.value())
        }
        _ => None,
    }
}

fn set(
    option: &OptionSpec,
    socket: &socket2::Socket,
    code: sys::Code,
    val: &RelativeValue,
) -> Result<(), String> {
    let int = |v: i128| i32::try_from(v).map_err(|_| format!("{v} does not fit a C int"));
    match (option.ty, val) {
        (ty, RelativeValue::Int(e)) if ty.sets_an_int() => sys::set_int(socket, code, int(e.value())?),
        (Type::Linger, RelativeValue::Linger(on, secs)) => {
            sys::set_linger(socket, code, int(on.value())?, int(secs.value())?)
        }
        (Type::Time, RelativeValue::Time(sec, usec)) => {
            sys::set_timeval(socket, code, sec.value(), usec.value())
        }
        (Type::Text, RelativeValue::Text(s, _)) => sys::set_bytes(socket, code, s.as_bytes()),
        (Type::Filter, RelativeValue::Text(name, _)) => {
            let program = crate::filter::program(name)
                .ok_or_else(|| format!("no program is named {name:?} ({})", crate::filter::names()))?;
            sys::set_filter(socket, code, &program.insns())
        }
        (Type::TxTime, RelativeValue::TxTime(clock, flags)) => {
            let flags = u32::try_from(flags.value()).map_err(|_| format!("{flags} does not fit a u32"))?;
            sys::set_txtime(socket, code, int(clock.value())?, flags)
        }
        (Type::AckFrequency, RelativeValue::Int(e)) => {
            let count = u8::try_from(e.value()).map_err(|_| format!("{e} does not fit a byte"))?;
            sys::set_ack_frequency(socket, code, count)
        }
        (ty, val) if is_change(ty) => {
            let bytes = change_bytes(ty, val, crate::address::SourceOrder::HERE)
                .ok_or_else(|| format!("{val} is no {} membership", option.name))?;
            sys::set_bytes(socket, code, &bytes)
        }
        (ty, val) => Err(format!("{} takes a {ty:?} value, not {val}", option.name)),
    }
}

fn get(ty: Type, socket: &socket2::Socket, code: sys::Code) -> Result<Value, String> {
    Ok(match ty {
        // A membership read is an int's: what the OS says to one.
        Type::Int
        | Type::Bool
        | Type::ReadOnly
        | Type::Membership
        | Type::Membership6
        | Type::SourceMembership => Value::Int(sys::get_int(socket, code)?.into()),
        Type::ProtocolInfo => Value::Int(sys::get_protocol_info(socket, code)?.into()),
        Type::ReadOnlyU64 => Value::Int(sys::get_u64(socket, code)?.into()),
        Type::PidFd => Value::Int(sys::get_new_fd(socket, code)?.into()),
        Type::SockAddr => Value::Int(sys::get_sockaddr(socket, code)?),
        Type::Filter => Value::Int(sys::get_filter_len(socket, code)?.into()),
        Type::TxTime => {
            let (clock, flags) = sys::get_txtime(socket, code)?;
            Value::TxTime(clock.into(), flags.into())
        }
        Type::Ucred => {
            let (pid, uid, gid) = sys::get_ucred(socket, code)?;
            Value::Ucred(pid.into(), uid.into(), gid.into())
        }
        Type::Xucred => Value::Xucred(Box::new(sys::get_xucred(socket, code)?)),
        Type::Linger => {
            let (on, secs) = sys::get_linger(socket, code)?;
            Value::Linger(on, secs)
        }
        Type::Time => {
            let (sec, usec) = sys::get_timeval(socket, code)?;
            Value::Time(sec, usec)
        }
        Type::Text => {
            Value::Text(String::from_utf8_lossy(&sys::get_bytes(socket, code, TEXT_CAPACITY)?).into())
        }
        // (The matrix asks no read of an ioctl: `library::reads_default`.)
        Type::AckFrequency => return Err("an ioctl has nothing to read".into()),
    })
}
