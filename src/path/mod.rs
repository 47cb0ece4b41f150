//! The two ways a program sets an option: a raw C `int` through the OS's own
//! call, or socket2's `usize` API. Each applies a request and reads it back.

mod raw;
mod socket2;

use crate::case::Request;
use crate::catalog::OptionSpec;
use crate::outcome::Outcome;
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
    pub fn can_express(self, value: i128) -> bool {
        match self {
            Path::Raw => i32::try_from(value).is_ok(),
            Path::Socket2 => usize::try_from(value).is_ok(),
        }
    }

    /// Whether this path offers the option at all.
    pub fn offers(self, option: &OptionSpec) -> bool {
        match self {
            Path::Raw => crate::sys::code(option.name).is_some(),
            Path::Socket2 => option.socket2.is_some(),
        }
    }

    /// Sets the request (if any) on `socket`, then reads the option back.
    pub fn apply(self, option: &OptionSpec, socket: &::socket2::Socket, request: Request) -> Outcome {
        let result = match self {
            Path::Raw => raw::apply(option, socket, request),
            Path::Socket2 => socket2::apply(option, socket, request),
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
