//! Runs behaviour cases here, on loopback: every socket a case opens is
//! closed before its function returns.

mod bind;
mod broadcast;
mod dual_stack;
mod linger;
mod timing;
mod wire;

pub use bind::{bind, bind_other_user};
pub use broadcast::broadcast;
pub use dual_stack::{dual_stack, dual_stack_udp};
pub use linger::linger;
pub use timing::timing;
pub use wire::wire;

use crate::outcome::Outcome;
use std::io;

/// An error as the outcome names it.
fn error_outcome(e: &io::Error) -> Outcome {
    Outcome::Err(match e.raw_os_error() {
        Some(code) => crate::sys::error_name(code),
        None => e.to_string(),
    })
}
