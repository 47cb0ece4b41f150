//! Makes the calls: sets a request through one path (the raw C call, or
//! socket2's typed API) and reads the option back.

mod raw;
mod socket2;

pub use self::socket2::can_express as socket2_can_express;

use crate::api::Api;
use crate::case::Request;
use crate::option::OptionSpec;
use crate::outcome::Outcome;
use crate::value::RelativeValue;

/// Whether this path's argument type can hold the request.
pub fn can_express(api: Api, option: &OptionSpec, val: &RelativeValue) -> bool {
    match api {
        Api::Raw => crate::sys::raw_fits(val),
        Api::Socket2 => option
            .socket2
            .is_some_and(|shape| socket2_can_express(shape, val)),
    }
}

/// Whether this path offers the option at all on this OS.
pub fn offers(api: Api, option: &OptionSpec) -> bool {
    match api {
        Api::Raw => crate::sys::code(option).is_some(),
        Api::Socket2 => option.socket2.is_some() && self::socket2::calls(option).is_some(),
    }
}

/// Sets the request (if any) on `socket`, then reads the option back.
pub fn apply(api: Api, option: &OptionSpec, socket: &::socket2::Socket, request: &Request) -> Outcome {
    let result = match api {
        Api::Raw => raw::apply(option, socket, request),
        Api::Socket2 => self::socket2::apply(option, socket, request),
    };
    match result {
        Ok(v) => Outcome::Ok(v),
        Err(name) => Outcome::Err(name),
    }
}
