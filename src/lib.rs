//! sockmatrix: what a socket option really becomes on each OS, and why.
//!
//! Three entry points for other projects' tests:
//! - [`predict`]: what an OS will report for option = value on a kind of
//!   socket in a state, through a path, with the rules (id, why, source)
//!   that produce it. It runs nothing, so any OS's model can be asked
//!   anywhere ([`Host::offline`]), or this host's ([`Host::detect`]).
//! - [`observe`]: what this host really reports, on fresh sockets.
//! - [`CATALOG`]: every option, with its C name, type and per-OS numbers.
//!
//! ```
//! use sockmatrix::{Api, Case, Host, Kind, Os, Outcome, Request, State, Value};
//!
//! // macOS reads a flag back as its bit in so_options, not as 1.
//! let macos = Host::offline(Os::MacOs, None).unwrap();
//! let case = Case::new("SO_KEEPALIVE", Kind::Tcp4, State::Fresh, Api::Raw, Request::set(1)).unwrap();
//! let prediction = sockmatrix::predict(&case, &macos);
//! assert_eq!(prediction.expected.outcome(), Outcome::Ok(Value::Int(8)));
//! assert!(prediction.rules.iter().all(|rule| !rule.source.is_empty()));
//! ```
//!
//! Everything else (`engine`, `platform`, `render`, ...) is the CLI's and
//! the test suite's, public only so that they can reach it, and hidden from
//! these docs.
//!
//! The CLI and its reports are the default `cli` feature (clap, plotters,
//! serde, serde_json). Without it, `sockmatrix = { version = "0.1",
//! default-features = false }`, the crate is the API above on socket2,
//! tempfile and libc or windows-sys alone.

#![deny(missing_docs)]

pub use api::Api;
pub use case::{Case, CaseError, Request};
pub use catalog::CATALOG;
pub use host::{Host, HostError};
pub use kind::{Kind, State};
pub use os::Os;
pub use outcome::Outcome;
pub use prediction::{Expected, Prediction};
pub use rule::Rule;
pub use value::{RelativeValue, Value};

/// The model's answer for a case on a host: the value (or error) and every
/// rule on the way, socket2's conversions included when `case.api` is
/// [`Api::Socket2`].
///
/// ```
/// use sockmatrix::{Api, Case, Host, Kind, Os, Outcome, Request, State, Value};
///
/// // Linux doubles a buffer size and floors it at SOCK_MIN_RCVBUF.
/// let linux = Host::offline(Os::Linux, Some("6.18")).unwrap();
/// let case = Case::new("SO_RCVBUF", Kind::Udp4, State::Fresh, Api::Raw, Request::set(4096)).unwrap();
/// let prediction = sockmatrix::predict(&case, &linux);
/// assert_eq!(prediction.expected.outcome(), Outcome::Ok(Value::Int(8192)));
/// assert_eq!(prediction.rule_id(), "linux.buf.doubled");
/// ```
pub fn predict(case: &Case, host: &Host) -> Prediction {
    predict::predict(case, host.platform())
}

/// What this host reports for the case: the request set through the case's
/// path on fresh sockets in the case's state, then read back.
///
/// ```
/// use sockmatrix::{Api, Case, Host, Kind, Request, State};
///
/// let host = Host::detect().unwrap();
/// let case = Case::new("SO_RCVBUF", Kind::Udp4, State::Fresh, Api::Socket2, Request::set(4096)).unwrap();
/// // What this machine did is what its model says, rule and all.
/// assert_eq!(sockmatrix::observe(&case), sockmatrix::predict(&case, &host).expected.outcome());
/// ```
pub fn observe(case: &Case) -> Outcome {
    engine::cases::observe(case)
}

pub mod address;
pub mod api;
pub mod case;
pub mod catalog;
pub mod expr;
pub mod host;
pub mod kind;
pub mod option;
pub mod os;
pub mod outcome;
pub mod prediction;
pub mod rule;
pub mod value;
pub mod xucred;

#[doc(hidden)]
pub mod behaviour;
#[doc(hidden)]
pub mod call;
#[doc(hidden)]
pub mod capacity;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod cli;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod compare;
#[doc(hidden)]
pub mod effect;
#[doc(hidden)]
pub mod engine;
#[doc(hidden)]
pub mod filter;
#[doc(hidden)]
pub mod fixture;
#[doc(hidden)]
pub mod gate;
#[doc(hidden)]
pub mod interrupt;
#[doc(hidden)]
pub mod ladder;
#[doc(hidden)]
pub mod library;
#[doc(hidden)]
pub mod made;
#[doc(hidden)]
pub mod matrix;
#[doc(hidden)]
pub mod platform;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod plot;
#[doc(hidden)]
pub mod predict;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod render;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod site;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod snapshot;
#[doc(hidden)]
pub use library::socket2 as socket2_casts;
#[doc(hidden)]
pub mod sys;
#[cfg(feature = "tokio")]
#[doc(hidden)]
pub mod tokio_runtime;
#[cfg(feature = "cli")]
#[doc(hidden)]
pub mod triage;
