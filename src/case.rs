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

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} via {} request {}",
            self.option.name, self.kind, self.state, self.api, self.request
        )
    }
}
