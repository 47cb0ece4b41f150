//! The integration suite, one binary with a module per family, so it links
//! once. Every case asserts that what the OS reported is what the host's
//! platform model predicts. (`tests/leaks.rs` stays a binary of its own: it
//! counts this process's open files, which other tests would disturb.)

mod common;

mod api;
mod behaviours;
mod buffers;
mod capacity;
mod cli;
mod differential;
mod effects;
mod fstack;
mod made;
mod options;
mod pictures;
mod properties;
mod readme;
mod snapshots;
