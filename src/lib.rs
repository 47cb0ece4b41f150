//! sockmatrix: what a socket option really becomes on each OS, and why.
//!
//! The route of one value: a [`case::Case`] (option × kind × state × path ×
//! request) gets its sockets from [`fixture`], is applied and read back by a
//! [`path::Path`] through the [`sys`] seam, and is compared with what
//! [`model::predict`] computes from the [`host::Host`] facts. [`render`]
//! prints the rows.

pub mod capacity;
pub mod case;
pub mod catalog;
pub mod cli;
pub mod compare;
pub mod effect;
pub mod engine;
pub mod expr;
pub mod fixture;
pub mod host;
pub mod kind;
pub mod ladder;
pub mod matrix;
pub mod model;
pub mod outcome;
pub mod path;
pub mod render;
pub mod rule;
pub mod sys;
pub mod value;
