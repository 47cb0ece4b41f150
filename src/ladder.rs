//! Value ladders: the requests each option is tried with, as data.
//!
//! Fixed rungs are the same numbers everywhere. Relative rungs are placed
//! around the host's limit for the option (`max` is wmem_max for send
//! buffers and rmem_max for receive buffers on Linux), so they probe the same
//! edge on every machine. Some rungs only one path can say: a C `int` cannot
//! hold 2^31, a `usize` cannot hold -1.

use crate::expr::{Expr, Sym};
use crate::path::Path;

/// Which paths can express a rung.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Both,
    RawOnly,
    Socket2Only,
}

/// Where a rung sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Fixed(i128),
    /// `coef * max + offset`, max being the option's host limit.
    Max(i128, i128),
    /// `INT_MAX/2 + offset`: the kernel's cap before doubling.
    IntMaxHalf(i128),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rung {
    pub at: At,
    pub reach: Reach,
}

/// INT_MAX / 2, named so that requests and results near it read as such.
pub const INT_MAX_HALF: Sym = Sym {
    name: "(INT_MAX/2)",
    value: (i32::MAX / 2) as i128,
};

impl Rung {
    /// The request this rung makes on a host whose limit is `max`.
    pub fn resolve(&self, max: Sym) -> Expr {
        match self.at {
            At::Fixed(v) => Expr::lit(v),
            At::Max(coef, offset) => Expr::of(max).times(coef).plus(offset),
            At::IntMaxHalf(offset) => Expr::of(INT_MAX_HALF).plus(offset),
        }
    }

    pub fn reaches(&self, path: Path) -> bool {
        match self.reach {
            Reach::Both => true,
            Reach::RawOnly => path == Path::Raw,
            Reach::Socket2Only => path == Path::Socket2,
        }
    }
}

const fn both(v: i128) -> Rung {
    Rung {
        at: At::Fixed(v),
        reach: Reach::Both,
    }
}
const fn max(coef: i128, offset: i128) -> Rung {
    Rung {
        at: At::Max(coef, offset),
        reach: Reach::Both,
    }
}
const fn half(offset: i128) -> Rung {
    Rung {
        at: At::IntMaxHalf(offset),
        reach: Reach::Both,
    }
}
const fn raw(v: i128) -> Rung {
    Rung {
        at: At::Fixed(v),
        reach: Reach::RawOnly,
    }
}
const fn socket2(v: i128) -> Rung {
    Rung {
        at: At::Fixed(v),
        reach: Reach::Socket2Only,
    }
}

/// Buffer sizes. Fixed values between 65536 and the smallest common limit
/// are left out on purpose: whether they are clamped depends on the host.
pub const BUFFER: &[Rung] = &[
    both(0),
    both(1),
    both(2),
    both(255),
    both(256),
    both(1023),
    both(1024),
    both(2047),
    both(2048),
    both(2303),
    both(2304),
    both(2305),
    both(4095),
    both(4096),
    both(4607),
    both(4608),
    both(4609),
    both(8192),
    both(65535),
    both(65536),
    max(1, -1),
    max(1, 0),
    max(1, 1),
    max(2, 0),
    half(-1),
    half(0),
    half(1),
    both(i32::MAX as i128),
    raw(-1),
    raw(-4096),
    raw(i32::MIN as i128),
    socket2(1 << 31),
    socket2(1 << 32),
    socket2((1 << 32) + 4096),
    socket2(u64::MAX as i128),
];

/// The rungs of `ladder` that `path` can express, in ladder order.
pub fn for_path(ladder: &'static [Rung], path: Path) -> impl Iterator<Item = &'static Rung> {
    ladder.iter().filter(move |r| r.reaches(path))
}

/// How many rungs of `ladder` a path can express; the rstest matrices check
/// their index lists against it at compile time.
pub const fn count_for(ladder: &[Rung], path: Path) -> usize {
    let mut n = 0;
    let mut i = 0;
    while i < ladder.len() {
        let reached = matches!(
            (ladder[i].reach, path),
            (Reach::Both, _) | (Reach::RawOnly, Path::Raw) | (Reach::Socket2Only, Path::Socket2)
        );
        if reached {
            n += 1;
        }
        i += 1;
    }
    n
}
