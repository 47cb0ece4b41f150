//! Linger and close: a connected TCP socket with SO_LINGER unset, (1, 0),
//! (1, 1) or (0, 1), set through the raw option (so macOS's SO_LINGER
//! counts ticks, not seconds), closes with nothing pending, with data its
//! peer has not taken (the peer's window full), or with data it has not
//! read itself. The outcome is whether close() waited the linger (at least
//! nine tenths of a second: a lower bound, never a tight upper one) and
//! what the peer's reads then return: EOF, the reset's error, or the data
//! first.

use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// SO_LINGER before close.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Linger {
    /// Never set: the OS's default (off).
    Unset,
    /// l_onoff 1, l_linger 0.
    OnZero,
    /// l_onoff 1, l_linger 1.
    OnOne,
    /// l_onoff 0, l_linger 1.
    OffOne,
}

/// What is pending when the socket closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pending {
    /// Nothing either way.
    Nothing,
    /// Data the peer has not taken: its receive window is full.
    Unsent,
    /// A byte from the peer the closing socket never read.
    Unread,
}

/// One linger case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LingerCase {
    pub linger: Linger,
    pub pending: Pending,
}

impl fmt::Display for LingerCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let linger = match self.linger {
            Linger::Unset => "SO_LINGER unset",
            Linger::OnZero => "SO_LINGER (1, 0)",
            Linger::OnOne => "SO_LINGER (1, 1)",
            Linger::OffOne => "SO_LINGER (0, 1)",
        };
        let pending = match self.pending {
            Pending::Nothing => "nothing pending",
            Pending::Unsent => "data the peer has not taken",
            Pending::Unread => "a byte it never read",
        };
        write!(f, "tcp4 {linger}, close with {pending}")
    }
}

/// Every linger case.
pub fn cases() -> Vec<LingerCase> {
    let mut out = Vec::new();
    for linger in [Linger::Unset, Linger::OnZero, Linger::OnOne, Linger::OffOne] {
        for pending in [Pending::Nothing, Pending::Unsent, Pending::Unread] {
            out.push(LingerCase { linger, pending });
        }
    }
    out
}

/// How close() returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Close {
    /// Before nine tenths of the linger's second.
    AtOnce,
    /// After at least that.
    Waited,
}

/// What the peer's reads return after the close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PeerReads {
    /// End of file (the orderly FIN).
    Eof,
    /// The reset's error (named per OS).
    Reset,
    /// The data it had not taken, then EOF.
    DataThenEof,
    /// The data, then the reset's error.
    DataThenReset,
    /// The reset's error at once: the data it had not taken is lost.
    ResetDataLost,
}

/// The outcome's text.
pub fn text(close: Close, reads: PeerReads, reset: &str) -> String {
    let close = match close {
        Close::AtOnce => "close at once",
        Close::Waited => "close waited",
    };
    let reads = match reads {
        PeerReads::Eof => "EOF".to_string(),
        PeerReads::Reset | PeerReads::ResetDataLost => reset.to_string(),
        PeerReads::DataThenEof => "data, then EOF".to_string(),
        PeerReads::DataThenReset => format!("data, then {reset}"),
    };
    format!("{close}; peer reads {reads}")
}

/// What one OS does at close, as its steps: each a function of the case
/// naming its rule; `predict` walks them the same way for every OS.
#[derive(Debug, Clone, Copy)]
pub struct LingerModel {
    /// The reset's error as the peer's read names it.
    pub reset: &'static str,
    /// Whether close() waits, and why.
    pub close: fn(&LingerCase) -> (Close, &'static Rule),
    /// What the peer reads, and why.
    pub reads: fn(&LingerCase) -> (PeerReads, &'static Rule),
    /// Every rule the steps can name.
    pub rules: &'static [&'static Rule],
}

/// What `model` predicts for the case.
pub fn predict(model: &LingerModel, case: &LingerCase) -> Prediction {
    let (close, close_rule) = (model.close)(case);
    let (reads, reads_rule) = (model.reads)(case);
    let mut rules = vec![close_rule, reads_rule];
    rules.dedup_by_key(|r| r.id);
    Prediction::ok(RelativeValue::text(&text(close, reads, model.reset)), rules)
}
