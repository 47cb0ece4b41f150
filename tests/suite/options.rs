//! Every option other than the buffer sizes (those have their own matrix in
//! buffers.rs): family × kind × state, each case inside asserting that the
//! value read back is the one the model predicts.

use crate::common::check_family;
use rstest::rstest;
use sockmatrix::kind::{Kind, State};
use sockmatrix::option::Family;

#[rstest]
fn stream(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}

#[rstest]
fn dgram(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}
