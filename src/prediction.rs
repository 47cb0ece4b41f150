//! The model's answer for a case: a host-relative value or an error name,
//! with the chain of rules that produced it.

use crate::outcome::Outcome;
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// The model's answer: a host-relative value or an error name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// The value the read back gives.
    Ok(RelativeValue),
    /// The error the set or the read fails with, by name (`EINVAL`).
    Err(&'static str),
}

impl Expected {
    /// As an [`Outcome`], with this host's numbers: what `observe` should
    /// report.
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
    /// The predicted value or error.
    pub expected: Expected,
    /// Every rule applied, in order; never empty.
    pub rules: Vec<&'static Rule>,
}

impl Prediction {
    /// A prediction of `expected` by `rules`.
    pub fn new(expected: Expected, rules: Vec<&'static Rule>) -> Self {
        Prediction { expected, rules }
    }

    /// A predicted value.
    pub fn ok(value: RelativeValue, rules: Vec<&'static Rule>) -> Self {
        Prediction::new(Expected::Ok(value), rules)
    }

    /// A predicted error, by name.
    pub fn err(name: &'static str, rules: Vec<&'static Rule>) -> Self {
        Prediction::new(Expected::Err(name), rules)
    }

    /// Rule ids joined with `+`, e.g. `socket2.usize_truncated+linux.buf.floor`.
    pub fn rule_id(&self) -> String {
        let ids: Vec<&str> = self.rules.iter().map(|r| r.id).collect();
        ids.join("+")
    }
}
