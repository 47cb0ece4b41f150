//! Runs what the matrix asks for on real sockets, beside the model:
//! option cases (`cases`) and effects (`effects`).

pub mod cases;
pub mod effects;
