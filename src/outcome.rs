//! What a case produced: the value read back, or the error.

use crate::value::Value;
use std::fmt;

/// An observed result: the value read back, or the error's portable name
/// (`EINVAL`, `ENOBUFS`, `WSAEINVAL`, never a raw number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Ok(Value),
    Err(String),
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Ok(v) => write!(f, "{v}"),
            Outcome::Err(name) => f.write_str(name),
        }
    }
}
