//! One case: an option set (or just read) on one kind of socket in one state
//! through one path.

use crate::api::Api;
use crate::kind::{Kind, State};
use crate::option::OptionSpec;
use crate::value::RelativeValue;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Read the option without setting it: the OS's default.
    Default,
    /// Set this value, then read the option back.
    Set(RelativeValue),
}

impl Request {
    /// Set an integer (a size, a flag, a count).
    pub fn set(value: i128) -> Request {
        Request::Set(RelativeValue::int(value))
    }
}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Request::Default => f.write_str("(default)"),
            Request::Set(e) => write!(f, "{e}"),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Case {
    pub option: &'static OptionSpec,
    pub kind: Kind,
    pub state: State,
    pub api: Api,
    pub request: Request,
}

impl Case {
    /// A case by the option's C name (case-insensitive), e.g.
    /// `Case::new("SO_RCVBUF", Kind::Udp4, State::Fresh, Api::Raw, Request::set(4096))`.
    pub fn new(option: &str, kind: Kind, state: State, api: Api, request: Request) -> Result<Case, String> {
        let option =
            crate::catalog::find(option).ok_or_else(|| format!("{option} is not in the catalogue"))?;
        if !kind.states().contains(&state) {
            return Err(format!("{kind} sockets cannot be {state}"));
        }
        Ok(Case {
            option,
            kind,
            state,
            api,
            request,
        })
    }
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} via {} request {}",
            self.option.name, self.kind, self.state, self.api, self.request
        )
    }
}
