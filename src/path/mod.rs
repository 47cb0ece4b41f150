//! The two ways a program sets an option: the OS's own call with the C
//! type, or socket2's typed API. Each applies a request and reads it back.

mod raw;
mod socket2;

pub use self::socket2::can_express as socket2_can_express;

use crate::case::Request;
use crate::catalog::OptionSpec;
use crate::outcome::Outcome;
use crate::value::Val;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Path {
    Raw,
    Socket2,
}

impl Path {
    pub const ALL: [Path; 2] = [Path::Raw, Path::Socket2];

    pub fn name(self) -> &'static str {
        match self {
            Path::Raw => "raw",
            Path::Socket2 => "socket2",
        }
    }

    /// Whether this path's argument type can hold the request.
    pub fn can_express(self, option: &OptionSpec, val: &Val) -> bool {
        match self {
            Path::Raw => crate::sys::raw_fits(val),
            Path::Socket2 => option
                .socket2
                .is_some_and(|shape| socket2_can_express(shape, val)),
        }
    }

    /// Whether this path offers the option at all on this OS.
    pub fn offers(self, option: &OptionSpec) -> bool {
        match self {
            Path::Raw => crate::sys::code(option.name).is_some(),
            Path::Socket2 => option.socket2.is_some() && self::socket2::api(option.name).is_some(),
        }
    }

    /// Sets the request (if any) on `socket`, then reads the option back.
    pub fn apply(self, option: &OptionSpec, socket: &::socket2::Socket, request: &Request) -> Outcome {
        let result = match self {
            Path::Raw => raw::apply(option, socket, request),
            Path::Socket2 => self::socket2::apply(option, socket, request),
        };
        match result {
            Ok(v) => Outcome::Ok(v),
            Err(name) => Outcome::Err(name),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
