//! Timeouts and the low-water mark as they act: SO_RCVTIMEO on a blocking
//! receive with nothing to read and SO_SNDTIMEO on a blocking send into a
//! full window fail after at least the timeout (a lower bound only: a
//! busy machine may take longer, never less); SO_RCVLOWAT decides whether
//! poll() calls a socket holding five bytes readable.

use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// The call that waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Wait {
    /// recv() on a connected tcp4 socket that gets nothing.
    TcpRecv,
    /// recv() on a bound udp4 socket that gets nothing.
    UdpRecv,
    /// send() of 64 KiB on a tcp4 socket whose peer's window is full.
    TcpSend,
}

/// A timeout case: the call, and SO_RCVTIMEO or SO_SNDTIMEO in ms.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timeout {
    pub wait: Wait,
    pub millis: u64,
}

/// A low-water mark case: the kind, and SO_RCVLOWAT (`None`: not set),
/// with five bytes queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lowat {
    pub udp: bool,
    pub lowat: Option<i32>,
}

/// One case of the group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimingCase {
    Timeout(Timeout),
    Lowat(Lowat),
}

/// The bytes queued for a low-water mark case.
pub const QUEUED: usize = 5;

impl fmt::Display for TimingCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TimingCase::Timeout(t) => {
                let (call, option) = match t.wait {
                    Wait::TcpRecv => ("tcp4 recv, nothing sent", "SO_RCVTIMEO"),
                    Wait::UdpRecv => ("udp4 recv, nothing sent", "SO_RCVTIMEO"),
                    Wait::TcpSend => ("tcp4 send, peer window full", "SO_SNDTIMEO"),
                };
                write!(f, "{call}, {option} {} ms", t.millis)
            }
            TimingCase::Lowat(l) => {
                let kind = if l.udp { "udp4" } else { "tcp4" };
                let lowat = l.lowat.map_or("unset".to_string(), |v| v.to_string());
                write!(f, "{kind} SO_RCVLOWAT {lowat}, {QUEUED} bytes queued: poll")
            }
        }
    }
}

/// Every case.
pub fn cases() -> Vec<TimingCase> {
    let mut out = Vec::new();
    for wait in [Wait::TcpRecv, Wait::UdpRecv, Wait::TcpSend] {
        for millis in [10, 100] {
            out.push(TimingCase::Timeout(Timeout { wait, millis }));
        }
    }
    for udp in [false, true] {
        for lowat in [None, Some(1), Some(10)] {
            out.push(TimingCase::Lowat(Lowat { udp, lowat }));
        }
    }
    out
}

/// A timed-out call's outcome: its error, after at least the timeout.
pub fn timed_out(error: &str, millis: u64) -> String {
    format!("{error} after at least {millis} ms")
}

/// A timed-out send's outcome: it stopped after at least the timeout,
/// with its error if nothing went or with the count of what went (which
/// of the two depends on acknowledgements the test does not control: both
/// are the timeout acting).
pub fn send_stopped(millis: u64) -> String {
    format!("send stopped after at least {millis} ms (an error, or the part sent)")
}

/// A call that failed too soon, or otherwise.
pub fn too_soon(error: &str, elapsed_ms: u128) -> String {
    format!("{error} after only {elapsed_ms} ms")
}

/// poll() called the socket readable.
pub const READABLE: &str = "readable";
/// poll() waited its 100 ms for nothing.
pub const NOT_READABLE: &str = "not readable (poll waited 100 ms)";

/// What one OS does, as data and steps.
#[derive(Debug, Clone, Copy)]
pub struct TimingModel {
    /// The error a timed-out call fails with, and why.
    pub timeout: fn(Wait) -> (&'static str, &'static Rule),
    /// Whether poll() calls the socket readable once SO_RCVLOWAT is set
    /// (a refused set is the option model's to say).
    pub lowat: fn(&Lowat) -> (bool, &'static Rule),
    /// Every rule it can name.
    pub rules: &'static [&'static Rule],
}

/// The option case behind a low-water mark's set: SO_RCVLOWAT on the
/// receiving socket (the accepted end for TCP, a bound one for UDP).
pub fn lowat_case(l: &Lowat, value: i32) -> crate::case::Case {
    let (kind, state) = match l.udp {
        true => (crate::kind::Kind::Udp4, crate::kind::State::Bound),
        false => (crate::kind::Kind::Tcp4, crate::kind::State::Connected),
    };
    crate::case::Case::new(
        "SO_RCVLOWAT",
        kind,
        state,
        crate::api::Api::Raw,
        crate::case::Request::set(i128::from(value)),
    )
    .expect("SO_RCVLOWAT takes an int on tcp4 and udp4")
}

/// What `model` predicts for the case. `set` is the option model's
/// prediction for a low-water mark's set (`lowat_case`): a set the OS
/// refuses is its answer, the same as the option tables'.
pub fn predict(model: &TimingModel, case: &TimingCase, set: Option<Prediction>) -> Prediction {
    if let Some(set) = set {
        if matches!(set.expected, crate::prediction::Expected::Err(_)) {
            return set;
        }
    }
    match case {
        TimingCase::Timeout(t) => {
            let (error, rule) = (model.timeout)(t.wait);
            let text = match t.wait {
                Wait::TcpSend => send_stopped(t.millis),
                _ => timed_out(error, t.millis),
            };
            Prediction::ok(RelativeValue::text(&text), vec![rule])
        }
        TimingCase::Lowat(l) => {
            let (readable, rule) = (model.lowat)(l);
            let text = if readable { READABLE } else { NOT_READABLE };
            Prediction::ok(RelativeValue::text(text), vec![rule])
        }
    }
}
