//! Host-relative quantities.
//!
//! A value such as "twice wmem_max" is 8388608 on one machine and 425984 on
//! another. Keeping it as `coef * symbol + offset` lets the model compute with
//! the real number while snapshots print the host-independent text.

use std::fmt;

/// A named host quantity together with its value on this host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sym {
    /// The name snapshots print (`wmem_max`, `SOCK_MIN_SNDBUF`).
    pub name: &'static str,
    /// Its value on this host (or the model's stock value offline).
    pub value: i128,
}

/// `coef * sym + offset`, or a plain number when `sym` is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expr {
    sym: Option<Sym>,
    coef: i128,
    offset: i128,
}

impl Expr {
    /// A plain number.
    pub const fn lit(value: i128) -> Self {
        Expr {
            sym: None,
            coef: 0,
            offset: value,
        }
    }

    /// The quantity itself (`1 * sym + 0`).
    pub const fn of(sym: Sym) -> Self {
        Expr {
            sym: Some(sym),
            coef: 1,
            offset: 0,
        }
    }

    /// The number on this host.
    pub fn value(&self) -> i128 {
        self.sym.map_or(0, |s| self.coef * s.value) + self.offset
    }

    /// This plus `k`.
    pub fn plus(self, k: i128) -> Self {
        Expr {
            offset: self.offset + k,
            ..self
        }
    }

    /// This times `k`.
    pub fn times(self, k: i128) -> Self {
        Expr {
            coef: self.coef * k,
            offset: self.offset * k,
            ..self
        }
    }

    /// The smaller of the two by value; on a tie the first one keeps its text.
    pub fn min(self, other: Expr) -> Self {
        if other.value() < self.value() {
            other
        } else {
            self
        }
    }

    /// The larger of the two by value; on a tie the first one keeps its text.
    pub fn max(self, other: Expr) -> Self {
        if other.value() > self.value() {
            other
        } else {
            self
        }
    }

    /// Replaces the expression by a plain number when a conversion changed its value.
    pub fn map_value(self, f: impl FnOnce(i128) -> i128) -> Self {
        let before = self.value();
        let after = f(before);
        if after == before {
            self
        } else {
            Expr::lit(after)
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(sym) = self.sym else {
            return write!(f, "{}", self.offset);
        };
        match self.coef {
            1 => write!(f, "{}", sym.name)?,
            -1 => write!(f, "-{}", sym.name)?,
            k => write!(f, "{k}*{}", sym.name)?,
        }
        match self.offset {
            0 => Ok(()),
            k if k > 0 => write!(f, "+{k}"),
            k => write!(f, "{k}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAX: Sym = Sym {
        name: "wmem_max",
        value: 212992,
    };

    #[test]
    fn renders_relative_to_the_symbol() {
        let e = Expr::of(MAX).plus(-1).times(2);
        assert_eq!(e.to_string(), "2*wmem_max-2");
        assert_eq!(e.value(), 425982);
        assert_eq!(Expr::lit(-7).to_string(), "-7");
    }

    #[test]
    fn min_and_max_pick_by_value() {
        let big = Expr::lit(1 << 40);
        assert_eq!(Expr::of(MAX).min(big).to_string(), "wmem_max");
        assert_eq!(Expr::of(MAX).max(big), big);
    }

    #[test]
    fn a_changed_value_loses_its_symbol() {
        let e = Expr::of(MAX).map_value(|v| v as i32 as i128);
        assert_eq!(e.to_string(), "wmem_max");
        let e = Expr::lit(1 << 32).map_value(|v| v as i32 as i128);
        assert_eq!(e.to_string(), "0");
    }
}
