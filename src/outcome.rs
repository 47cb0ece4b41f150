//! What a case produced: the value read back, or the error.

use crate::value::Value;
use std::fmt;

/// An observed result: the value read back, or the error's portable name
/// (`EINVAL`, `ENOBUFS`, `WSAEINVAL`, never a raw number).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The value read back.
    Ok(Value),
    /// The error the set or the read failed with, by name.
    Err(String),
    /// The case could not run here: its sockets could not be set up (no
    /// temp dir, no file descriptors left). The environment's fault, never
    /// a model disagreement.
    NotRun(String),
}

impl Outcome {
    /// Whether this observation is what `expected` (a model's answer as an
    /// outcome) says: the same, or an int within a predicted range.
    pub fn fits(&self, expected: &Outcome) -> bool {
        match (self, expected) {
            (Outcome::Ok(Value::Int(v)), Outcome::Ok(Value::Range(low, high))) => low <= v && v <= high,
            _ => self == expected,
        }
    }

    /// Why the case could not run here, if it could not.
    pub fn not_run_cause(&self) -> Option<&str> {
        match self {
            Outcome::NotRun(cause) => Some(cause),
            _ => None,
        }
    }

    /// A setup failure, with fd exhaustion named as such.
    pub fn not_run(e: &std::io::Error) -> Outcome {
        if crate::sys::is_fd_exhaustion(e) {
            Outcome::NotRun(format!("{FD_EXHAUSTED}: {e}"))
        } else {
            Outcome::NotRun(format!("setup failed: {e}"))
        }
    }
}

/// How a case that ran out of file descriptors says so.
pub const FD_EXHAUSTED: &str = "out of file descriptors";

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Outcome::Ok(v) => write!(f, "{v}"),
            Outcome::Err(name) => f.write_str(name),
            Outcome::NotRun(cause) => write!(f, "could not run: {cause}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An int fits a predicted range with both ends included; anything
    /// else fits only what is equal to it.
    #[test]
    fn an_int_fits_a_range_with_both_ends() {
        let range = Outcome::Ok(Value::Range(0, 3));
        for v in [0, 3] {
            assert!(Outcome::Ok(Value::Int(v)).fits(&range), "{v}");
        }
        for v in [-1, 4] {
            assert!(!Outcome::Ok(Value::Int(v)).fits(&range), "{v}");
        }
        assert!(!Outcome::Err("EINVAL".into()).fits(&range));
        assert!(!Outcome::Ok(Value::Linger(0, 3)).fits(&range));
        assert!(Outcome::Ok(Value::Int(7)).fits(&Outcome::Ok(Value::Int(7))));
        assert!(!Outcome::Ok(Value::Int(7)).fits(&Outcome::Ok(Value::Int(8))));
    }
}
