//! The one seam where the OS's socket API is called. Above it nothing knows
//! the OS's integer types or error numbers; below it nothing knows about
//! cases or models.

#[cfg(unix)]
mod unix;
#[cfg(unix)]
pub use unix::*;

#[cfg(windows)]
mod windows;
#[cfg(windows)]
pub use windows::*;

/// An option's level and number on this OS.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    pub level: i32,
    pub name: i32,
}

/// The second socket of a bind case made by a process of another uid
/// (`bind_in_child`): what it is, its options, where it binds.
#[derive(Debug)]
pub struct SecondSocket {
    /// IPv6 (else IPv4).
    pub v6: bool,
    /// TCP (else UDP).
    pub stream: bool,
    /// IPV6_V6ONLY 1 (an IPv6 socket), else 0.
    pub v6only: bool,
    pub reuse_addr: bool,
    pub reuse_port: bool,
    pub address: socket2::SockAddr,
    /// Listen after a successful bind.
    pub listen: bool,
}
