//! Option values: what is asked for and what is read back.
//!
//! `Val` is the model's and the ladder's form, whose numbers may be
//! host-relative (`Expr`); `Value` is what a socket actually reported.

use crate::expr::Expr;
use std::fmt;

/// A concrete value read from a socket.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Int(i128),
    /// `struct linger`: l_onoff and l_linger (seconds).
    Linger(i128, i128),
    /// `struct timeval`: tv_sec and tv_usec.
    Time(i128, i128),
    Text(String),
}

/// A value with host-relative numbers: a request, or the model's expectation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Val {
    Int(Expr),
    Linger(Expr, Expr),
    Time(Expr, Expr),
    /// The text, and the host-independent name it is shown by (if any).
    Text(String, Option<&'static str>),
}

impl Val {
    pub fn int(v: i128) -> Val {
        Val::Int(Expr::lit(v))
    }

    pub fn linger(on: i128, secs: i128) -> Val {
        Val::Linger(Expr::lit(on), Expr::lit(secs))
    }

    pub fn time(sec: i128, usec: i128) -> Val {
        Val::Time(Expr::lit(sec), Expr::lit(usec))
    }

    pub fn text(s: &str) -> Val {
        Val::Text(s.to_string(), None)
    }

    /// The concrete value on this host.
    pub fn value(&self) -> Value {
        match self {
            Val::Int(e) => Value::Int(e.value()),
            Val::Linger(on, secs) => Value::Linger(on.value(), secs.value()),
            Val::Time(sec, usec) => Value::Time(sec.value(), usec.value()),
            Val::Text(s, _) => Value::Text(s.clone()),
        }
    }

    /// A concrete value as a literal `Val`.
    pub fn literal(v: &Value) -> Val {
        match v {
            Value::Int(n) => Val::int(*n),
            Value::Linger(on, secs) => Val::linger(*on, *secs),
            Value::Time(sec, usec) => Val::time(*sec, *usec),
            Value::Text(s) => Val::text(s),
        }
    }

    /// The integer of an `Int`, for rules that only deal in integers.
    pub fn as_int(&self) -> Option<Expr> {
        match self {
            Val::Int(e) => Some(*e),
            _ => None,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Int(v) => write!(f, "{v}"),
            Value::Linger(on, secs) => write!(f, "linger({on},{secs})"),
            Value::Time(sec, usec) => write!(f, "tv({sec},{usec})"),
            Value::Text(s) => write!(f, "{s:?}"),
        }
    }
}

impl fmt::Display for Val {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Val::Int(e) => write!(f, "{e}"),
            Val::Linger(on, secs) => write!(f, "linger({on},{secs})"),
            Val::Time(sec, usec) => write!(f, "tv({sec},{usec})"),
            Val::Text(_, Some(label)) => f.write_str(label),
            Val::Text(s, None) => write!(f, "{s:?}"),
        }
    }
}
