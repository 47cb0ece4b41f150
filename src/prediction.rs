//! The model's answer for a case: a host-relative value or an error name,
//! with the chain of rules that produced it.

use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// The model's answer: a host-relative value or an error name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    Ok(RelativeValue),
    Err(&'static str),
}

impl Expected {
    pub fn outcome(&self) -> Outcome {
        match self {
            Expected::Ok(v) => Outcome::Ok(v.value()),
            Expected::Err(name) => Outcome::Err((*name).to_string()),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::Ok(e) => write!(f, "{e}"),
            Expected::Err(name) => f.write_str(name),
        }
    }
}

/// The predicted result and the chain of rules that produced it, in the
/// order they apply (a path's conversion first, then the kernel's rule).
#[derive(Debug, Clone)]
pub struct Prediction {
    pub expected: Expected,
    pub rules: Vec<&'static Rule>,
}

impl Prediction {
    pub fn new(expected: Expected, rules: Vec<&'static Rule>) -> Self {
        Prediction { expected, rules }
    }

    pub fn ok(value: RelativeValue, rules: Vec<&'static Rule>) -> Self {
        Prediction::new(Expected::Ok(value), rules)
    }

    pub fn err(name: &'static str, rules: Vec<&'static Rule>) -> Self {
        Prediction::new(Expected::Err(name), rules)
    }

    /// Rule ids joined with `+`, e.g. `socket2.usize_truncated+linux.buf.floor`.
    pub fn rule_id(&self) -> String {
        let ids: Vec<&str> = self.rules.iter().map(|r| r.id).collect();
        ids.join("+")
    }
}
