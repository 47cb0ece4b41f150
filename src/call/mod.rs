//! Makes the calls: sets a request through one path (the raw C call, or a
//! library's typed API) and reads the option back.

#[cfg(all(unix, feature = "nix"))]
mod nix;
pub(crate) mod raw;
#[cfg(feature = "rustix")]
mod rustix;
mod socket2;
mod stdlib;
#[cfg(feature = "tokio")]
mod tokio;
mod typed;

use crate::api::Api;
use crate::case::Request;
use crate::option::OptionSpec;
use crate::os::Os;
use crate::outcome::Outcome;
use crate::value::RelativeValue;

/// Whether this path's argument type can hold the request on `os`.
pub fn can_express_on(os: Os, api: Api, option: &OptionSpec, val: &RelativeValue) -> bool {
    shape_can_hold(os, api, crate::library::shape(os, api, option), val)
}

/// `can_express_on` for a socket of `kind` in `state` (std's and tokio's
/// methods depend on the type they have for it).
pub fn can_express_in(
    os: Os,
    api: Api,
    option: &OptionSpec,
    kind: crate::kind::Kind,
    state: crate::kind::State,
    val: &RelativeValue,
) -> bool {
    shape_can_hold(
        os,
        api,
        crate::library::shape_in(os, api, option, kind, state),
        val,
    )
}

fn shape_can_hold(os: Os, api: Api, shape: Option<crate::option::Shape>, val: &RelativeValue) -> bool {
    match shape {
        // A C struct as the caller fills it holds what the C type holds.
        Some(crate::option::Shape::Struct) => raw_fits(os, val),
        Some(_) => crate::library::shape_can_hold(api, shape, val),
        None => api == Api::Raw && raw_fits(os, val),
    }
}

/// Whether this path's argument type can hold the request on this OS.
pub fn can_express(api: Api, option: &OptionSpec, val: &RelativeValue) -> bool {
    can_express_on(Os::this(), api, option, val)
}

/// Whether the C types of `os` can hold the request: on Unix ints and linger
/// fields are `int` and a timeval's seconds a `time_t` (this target's width
/// here, 64 bits for a modelled OS); Winsock's linger is two `u_short`s and
/// a timeout a DWORD of whole milliseconds.
pub fn raw_fits(os: Os, val: &RelativeValue) -> bool {
    let int = |v: i128| i32::try_from(v).is_ok();
    let windows = os == Os::Windows;
    let time_t_max = match os == Os::this() {
        true => crate::sys::TIME_T_MAX,
        false => i128::from(i64::MAX),
    };
    match val {
        RelativeValue::Int(e) => int(e.value()),
        // The struct holds what the ladder names (addresses, an index).
        RelativeValue::Group(..) | RelativeValue::SourceGroup(..) => true,
        RelativeValue::GroupByIndex(_, index) => match windows {
            // The index is written as an address in 0.0.0.0/8.
            true => (0..1 << 24).contains(&index.value()),
            false => int(index.value()),
        },
        // A model's answer or a read, never a request.
        RelativeValue::Range(..) | RelativeValue::Ucred(..) | RelativeValue::Xucred(..) => false,
        RelativeValue::TxTime(clock, flags) => int(clock.value()) && u32::try_from(flags.value()).is_ok(),
        RelativeValue::Linger(on, secs) if windows => {
            u16::try_from(on.value()).is_ok() && u16::try_from(secs.value()).is_ok()
        }
        RelativeValue::Linger(on, secs) => int(on.value()) && int(secs.value()),
        RelativeValue::Time(sec, usec) if windows => {
            let (sec, usec) = (sec.value(), usec.value());
            (0..1_000_000).contains(&usec)
                && usec % 1000 == 0
                && u32::try_from(sec * 1000 + usec / 1000).is_ok()
        }
        RelativeValue::Time(sec, usec) => {
            (-time_t_max - 1..=time_t_max).contains(&sec.value()) && int(usec.value())
        }
        RelativeValue::Text(..) => !windows,
        // A Duration is a Rust type: no C call takes one.
        RelativeValue::Duration(_) => false,
    }
}

/// Whether this path offers the option at all on this OS (a library path
/// only where its feature is built).
pub fn offers(api: Api, option: &OptionSpec) -> bool {
    match api {
        Api::Raw => crate::sys::code(option).is_some(),
        Api::Socket2 => option.socket2.is_some() && self::socket2::calls(option).is_some(),
        #[cfg(all(unix, feature = "nix"))]
        Api::Nix => self::nix::calls(option).is_some(),
        #[cfg(feature = "rustix")]
        Api::Rustix => self::rustix::calls(option).is_some(),
        Api::Std => crate::library::stdlib::shape(Os::this(), option).is_some(),
        #[cfg(feature = "tokio")]
        Api::Tokio => self::tokio::offers(option),
        #[allow(unreachable_patterns)]
        _ => false,
    }
}

/// Sets the case's request (if any) on `socket`, then reads the option
/// back, through the case's path.
pub fn apply_case(case: &crate::case::Case, socket: &::socket2::Socket) -> Outcome {
    match case.api {
        Api::Std => {
            let vehicle = crate::library::stdlib::vehicle(Os::this(), case.kind, case.state);
            match self::stdlib::apply(case.option, vehicle, socket, &case.request) {
                Ok(v) => Outcome::Ok(v),
                Err(name) => Outcome::Err(name),
            }
        }
        #[cfg(feature = "tokio")]
        Api::Tokio => match self::tokio::apply(case, socket) {
            Ok(v) => Outcome::Ok(v),
            Err(name) => Outcome::Err(name),
        },
        api => apply(api, case.option, socket, &case.request),
    }
}

/// Sets the request (if any) on `socket`, then reads the option back (every
/// path but std and tokio, whose calls depend on the kind and state:
/// `apply_case`).
pub fn apply(api: Api, option: &OptionSpec, socket: &::socket2::Socket, request: &Request) -> Outcome {
    let result = match api {
        Api::Raw => raw::apply(option, socket, request),
        Api::Socket2 => self::socket2::apply(option, socket, request),
        #[cfg(all(unix, feature = "nix"))]
        Api::Nix => self::nix::apply(option, socket, request),
        #[cfg(feature = "rustix")]
        Api::Rustix => self::rustix::apply(option, socket, request),
        Api::Std => Err("the std path needs the case's kind and state (call::apply_case)".to_string()),
        Api::Tokio => Err("the tokio path needs the case's kind and state (call::apply_case)".to_string()),
        #[allow(unreachable_patterns)]
        _ => Err(format!("the {api} path is not built (cargo feature {api})")),
    };
    match result {
        Ok(v) => Outcome::Ok(v),
        Err(name) => Outcome::Err(name),
    }
}

/// This target's widths of `usize` and `time_t`, which name the snapshot
/// rows that depend on them (see `width_dependent`).
pub const WIDTHS: &str = match (usize::BITS, crate::sys::TIME_T_MAX == i64::MAX as i128) {
    (64, true) => "64bit",
    (32, false) => "32bit",
    (32, true) => "32bit-time64",
    _ => "other-widths",
};

/// Whether a case's outcome depends on this target's type widths: a
/// library's `usize` for a request of 2^32 or more (no such call where it is
/// 32 bits), a timeval's `time_t` for seconds of 2^31 or more (the raw call
/// cannot hold them where it is 32 bits, socket2 saturates them).
pub fn width_dependent(api: Api, option: &OptionSpec, val: &RelativeValue) -> bool {
    use crate::option::Shape;
    match val {
        RelativeValue::Int(e) => {
            matches!(
                crate::library::shape(Os::this(), api, option),
                Some(Shape::Usize | Shape::UsizeChecked)
            ) && e.value() > i128::from(u32::MAX)
        }
        RelativeValue::Time(sec, _) => sec.value() > i128::from(i32::MAX),
        _ => false,
    }
}
