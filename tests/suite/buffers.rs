//! The buffer-size matrix: every option × kind × state × rung × path, each
//! case asserting that the value read back is the one the model predicts.

use crate::common::{check_default, check_rung};
use rstest::rstest;
use sockmatrix::api::Api;
use sockmatrix::kind::{Kind, State};
use sockmatrix::ladder::{count_for, BUFFER};

// The rung lists below must cover the ladder exactly.
const _: () = assert!(count_for(BUFFER, Api::Raw) == 31);
const _: () = assert!(count_for(BUFFER, Api::Socket2) == 32);

#[rstest]
fn set_stream_raw(
    #[values("SO_SNDBUF", "SO_RCVBUF", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE")] option: &str,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
    #[values(
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30
    )]
    rung: usize,
) {
    check_rung(option, kind, state, Api::Raw, rung);
}

#[rstest]
fn set_stream_socket2(
    #[values("SO_SNDBUF", "SO_RCVBUF")] option: &str,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
    #[values(
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30, 31
    )]
    rung: usize,
) {
    check_rung(option, kind, state, Api::Socket2, rung);
}

#[rstest]
fn set_dgram_raw(
    #[values("SO_SNDBUF", "SO_RCVBUF", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE")] option: &str,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
    #[values(
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30
    )]
    rung: usize,
) {
    check_rung(option, kind, state, Api::Raw, rung);
}

#[rstest]
fn set_dgram_socket2(
    #[values("SO_SNDBUF", "SO_RCVBUF")] option: &str,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
    #[values(
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27,
        28, 29, 30, 31
    )]
    rung: usize,
) {
    check_rung(option, kind, state, Api::Socket2, rung);
}

#[rstest]
#[case::sndbuf_raw("SO_SNDBUF", Api::Raw)]
#[case::sndbuf_socket2("SO_SNDBUF", Api::Socket2)]
#[case::rcvbuf_raw("SO_RCVBUF", Api::Raw)]
#[case::rcvbuf_socket2("SO_RCVBUF", Api::Socket2)]
#[case::sndbufforce_raw("SO_SNDBUFFORCE", Api::Raw)]
#[case::rcvbufforce_raw("SO_RCVBUFFORCE", Api::Raw)]
fn default_stream(
    #[case] option: &str,
    #[case] path: Api,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    check_default(option, kind, state, path);
}

#[rstest]
#[case::sndbuf_raw("SO_SNDBUF", Api::Raw)]
#[case::sndbuf_socket2("SO_SNDBUF", Api::Socket2)]
#[case::rcvbuf_raw("SO_RCVBUF", Api::Raw)]
#[case::rcvbuf_socket2("SO_RCVBUF", Api::Socket2)]
#[case::sndbufforce_raw("SO_SNDBUFFORCE", Api::Raw)]
#[case::rcvbufforce_raw("SO_RCVBUFFORCE", Api::Raw)]
fn default_dgram(
    #[case] option: &str,
    #[case] path: Api,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    check_default(option, kind, state, path);
}
