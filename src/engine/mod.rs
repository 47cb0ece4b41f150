//! Runs what the matrix asks for on real sockets, beside the model:
//! option cases (`cases`) and effects (`effects`); `fstack` asks F-Stack's
//! FreeBSD stack through its probe program instead of this host.

pub mod cases;
pub mod effects;
pub mod fstack;
