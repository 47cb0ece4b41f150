//! The option catalogue, as data: adding an option is adding a row.

use crate::kind::parse_name;
use crate::ladder::{self, Rung};

/// Which snapshot table an option's rows belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Family {
    Buffers,
}

impl Family {
    pub const ALL: [Family; 1] = [Family::Buffers];

    pub fn name(self) -> &'static str {
        match self {
            Family::Buffers => "buffers",
        }
    }
}

/// Which host limit the relative rungs of an option are placed around.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    SendBuffer,
    RecvBuffer,
}

/// The socket2 call pair that sets and reads an option.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Socket2Api {
    SendBufferSize,
    RecvBufferSize,
}

#[derive(Debug, PartialEq, Eq)]
pub struct OptionSpec {
    /// The C name; `sys::code` maps it to this OS's level and number.
    pub name: &'static str,
    pub family: Family,
    /// The name read back after a set (the FORCE names are write-only).
    pub read_back: &'static str,
    pub socket2: Option<Socket2Api>,
    pub ladder: &'static [Rung],
    pub limit: Limit,
    /// Whether the outcome depends on the caller's privileges; such rows go
    /// to a snapshot of their own, named after the privilege held.
    pub privileged: bool,
}

pub const CATALOG: &[OptionSpec] = &[
    OptionSpec {
        name: "SO_SNDBUF",
        family: Family::Buffers,
        read_back: "SO_SNDBUF",
        socket2: Some(Socket2Api::SendBufferSize),
        ladder: ladder::BUFFER,
        limit: Limit::SendBuffer,
        privileged: false,
    },
    OptionSpec {
        name: "SO_RCVBUF",
        family: Family::Buffers,
        read_back: "SO_RCVBUF",
        socket2: Some(Socket2Api::RecvBufferSize),
        ladder: ladder::BUFFER,
        limit: Limit::RecvBuffer,
        privileged: false,
    },
    OptionSpec {
        name: "SO_SNDBUFFORCE",
        family: Family::Buffers,
        read_back: "SO_SNDBUF",
        socket2: None,
        ladder: ladder::BUFFER,
        limit: Limit::SendBuffer,
        privileged: true,
    },
    OptionSpec {
        name: "SO_RCVBUFFORCE",
        family: Family::Buffers,
        read_back: "SO_RCVBUF",
        socket2: None,
        ladder: ladder::BUFFER,
        limit: Limit::RecvBuffer,
        privileged: true,
    },
];

/// An option by name, case-insensitively.
pub fn find(name: &str) -> Option<&'static OptionSpec> {
    let all: Vec<&'static OptionSpec> = CATALOG.iter().collect();
    parse_name(&all, name, |o| o.name)
}

/// The catalogue's options that this OS defines.
pub fn on_this_os() -> impl Iterator<Item = &'static OptionSpec> {
    CATALOG.iter().filter(|o| crate::sys::code(o.name).is_some())
}
