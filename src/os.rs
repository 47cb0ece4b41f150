//! The operating systems sockmatrix knows, by the name snapshots and
//! reports use.

use std::fmt;

/// An operating system, modelled or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Os {
    /// Linux.
    Linux,
    /// macOS (XNU).
    MacOs,
    /// FreeBSD.
    FreeBsd,
    /// Windows (Winsock); Wine is modelled apart, under this OS.
    Windows,
    /// Any other OS: nothing is modelled, every case is only measured.
    Other,
}

impl Os {
    /// The OSes with a model, in report order.
    pub const MODELLED: [Os; 4] = [Os::Linux, Os::MacOs, Os::FreeBsd, Os::Windows];

    /// The name snapshots, reports and `--os` use (`linux`, `macos`);
    /// [`Os::Other`] is `std::env::consts::OS`.
    pub fn name(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::MacOs => "macos",
            Os::FreeBsd => "freebsd",
            Os::Windows => "windows",
            Os::Other => std::env::consts::OS,
        }
    }

    /// The OS this program was built for.
    pub fn this() -> Os {
        match std::env::consts::OS {
            "linux" => Os::Linux,
            "macos" => Os::MacOs,
            "freebsd" => Os::FreeBsd,
            "windows" => Os::Windows,
            _ => Os::Other,
        }
    }

    /// An OS by its name, case-insensitively (`macos`, `freebsd`, ...).
    pub fn parse(name: &str) -> Option<Os> {
        Os::MODELLED
            .into_iter()
            .find(|os| os.name().eq_ignore_ascii_case(name))
    }
}

impl fmt::Display for Os {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
