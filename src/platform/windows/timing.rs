//! Windows' timeouts and low-water mark as they act
//! (`crate::behaviour::timing`), from Microsoft's pages. Model only.

use crate::behaviour::timing::{Lowat, TimingModel, Wait};
use crate::rule::Rule;

crate::rules! {
    pub const TIMEOUT: Rule = Rule {
        id: "windows.timing.timeout",
        formula: "a blocking call past SO_RCVTIMEO / SO_SNDTIMEO => WSAETIMEDOUT, after at least the timeout (UNCONFIRMED: any rounding)",
        why: "'If a blocking receive call times out, the connection is in an indeterminate state and should be closed'; the timeouts are DWORD milliseconds and a timed-out call fails with WSAETIMEDOUT. Whether small values are rounded up is not documented: UNCONFIRMED",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/sol-socket-socket-options (SO_RCVTIMEO, SO_SNDTIMEO); learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-recv (WSAETIMEDOUT)",
    };
    pub const LOWAT: Rule = Rule {
        id: "windows.timing.lowat",
        formula: "SO_RCVLOWAT unset => readable with any data queued",
        why: "Winsock's TCP/IP provider does not support SO_RCVLOWAT (the set is refused: the option model's answer), so readiness is plain data-ready",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/sol-socket-socket-options (SO_RCVLOWAT: not supported)",
    };
}

fn timeout(_: Wait) -> (&'static str, &'static Rule) {
    ("WSAETIMEDOUT", &TIMEOUT)
}

fn lowat(_: &Lowat) -> (bool, &'static Rule) {
    (true, &LOWAT)
}

pub fn model() -> TimingModel {
    TimingModel {
        timeout,
        lowat,
        rules: RULES,
    }
}
