//! The two ways a program sets an option: the OS's own call with the C
//! type (`raw`), or socket2's typed API. Only the name of the axis lives
//! here; `call` makes the calls.

use std::fmt;

/// The path a case sets and reads its option through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Api {
    /// `setsockopt` / `getsockopt` with the option's C type.
    Raw,
    /// socket2's typed setter and getter, with their conversions.
    Socket2,
}

impl Api {
    /// Every path, in report order.
    pub const ALL: [Api; 2] = [Api::Raw, Api::Socket2];

    /// The name reports and the CLI use (`raw`, `socket2`).
    pub fn name(self) -> &'static str {
        match self {
            Api::Raw => "raw",
            Api::Socket2 => "socket2",
        }
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
