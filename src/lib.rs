//! sockmatrix: what a socket option really becomes on each OS, and why.
//!
//! The route of one value: a [`case::Case`] (option × kind × state × path ×
//! request) gets its sockets from `fixture`, is applied and read back through
//! the `call` module and the `sys` seam, and is compared with what the host's
//! platform model predicts (`predict`). `render` prints the rows.

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

#[doc(hidden)]
pub mod call;
#[doc(hidden)]
pub mod capacity;
#[doc(hidden)]
pub mod cli;
#[doc(hidden)]
pub mod compare;
#[doc(hidden)]
pub mod effect;
#[doc(hidden)]
pub mod engine;
#[doc(hidden)]
pub mod fixture;
#[doc(hidden)]
pub mod ladder;
#[doc(hidden)]
pub mod matrix;
#[doc(hidden)]
pub mod platform;
#[doc(hidden)]
pub mod predict;
#[doc(hidden)]
pub mod render;
#[doc(hidden)]
pub mod snapshot;
#[doc(hidden)]
pub mod socket2_casts;
#[doc(hidden)]
pub mod sys;
