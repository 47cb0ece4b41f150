//! Linux: net/core/sock.c and the protocol files, as read for kernel 6.x.

mod buffers;

use crate::case::Request;
use crate::catalog::{Family, OptionSpec};
use crate::host::LinuxFacts;
use crate::kind::{Kind, State};
use crate::outcome::Prediction;

pub use buffers::RULES;

pub fn predict(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: Request,
    host: &LinuxFacts,
) -> Prediction {
    match option.family {
        Family::Buffers => buffers::predict(option, kind, state, request, host),
    }
}

pub fn formula(option: &OptionSpec, kind: Kind, state: State, host: &LinuxFacts) -> String {
    match option.family {
        Family::Buffers => buffers::formula(option, kind, state, host),
    }
}
