//! The ways a program sets an option: the OS's own call with the C type
//! (`raw`), or a Rust library's typed API (socket2, nix, rustix, std, tokio). Only the
//! name of the axis lives here; `library` models each library's
//! conversions and `call` makes the calls.

use std::fmt;

/// The path a case sets and reads its option through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Api {
    /// `setsockopt` / `getsockopt` with the option's C type.
    Raw,
    /// socket2's typed setter and getter, with their conversions.
    Socket2,
    /// nix's `sys::socket::sockopt` types through `setsockopt` / `getsockopt`.
    Nix,
    /// rustix's `net::sockopt` functions.
    Rustix,
    /// std's socket types (`TcpStream`, `UdpSocket`, ...): their stable
    /// option methods, on sockets std made.
    Std,
    /// tokio's socket types (`TcpSocket`, `TcpStream`, `UdpSocket`, ...):
    /// their option methods, on sockets tokio made.
    Tokio,
}

impl Api {
    /// Every path, in report order.
    pub const ALL: [Api; 6] = [
        Api::Raw,
        Api::Socket2,
        Api::Nix,
        Api::Rustix,
        Api::Std,
        Api::Tokio,
    ];

    /// The name reports and the CLI use (`raw`, `socket2`, `nix`, `rustix`,
    /// `std`, `tokio`).
    pub fn name(self) -> &'static str {
        match self {
            Api::Raw => "raw",
            Api::Socket2 => "socket2",
            Api::Nix => "nix",
            Api::Rustix => "rustix",
            Api::Std => "std",
            Api::Tokio => "tokio",
        }
    }

    /// The path of this name.
    pub fn from_name(name: &str) -> Option<Api> {
        Api::ALL.into_iter().find(|a| a.name() == name)
    }

    /// Whether the path is a Rust library's typed API (not the C call).
    pub fn is_library(self) -> bool {
        self != Api::Raw
    }
}

impl fmt::Display for Api {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
