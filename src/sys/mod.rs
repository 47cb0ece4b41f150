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
