//! The buffer-size matrix: every option × kind × state × rung × path, each
//! case asserting that the value read back is the one the model predicts.

use crate::common::{check_default, check_rung};
use rstest::rstest;
use sockmatrix::api::Api;
use sockmatrix::kind::{Kind, State};
use sockmatrix::ladder;

/// The buffer ladder's rungs by label, one list per path. rstest needs
/// them written out to name each case after its rung; `the_rung_lists_are_the_ladder`
/// holds each list against the ladder, so a rung added there fails here
/// until it is listed.
macro_rules! with_rungs {
    (raw, $($item:tt)*) => { with_rungs!(@ ["0", "1", "2", "255", "256", "1023", "1024", "2047", "2048", "2303", "2304", "2305", "4095", "4096", "4607", "4608", "4609", "8192", "65535", "65536", "max-1", "max", "max+1", "2*max", "INT_MAX/2-1", "INT_MAX/2", "INT_MAX/2+1", "INT_MAX", "-1", "-4096", "INT_MIN"] $($item)*); };
    (socket2, $($item:tt)*) => { with_rungs!(@ ["0", "1", "2", "255", "256", "1023", "1024", "2047", "2048", "2303", "2304", "2305", "4095", "4096", "4607", "4608", "4609", "8192", "65535", "65536", "max-1", "max", "max+1", "2*max", "INT_MAX/2-1", "INT_MAX/2", "INT_MAX/2+1", "INT_MAX", "2^31", "2^32", "2^32+4096", "U64_MAX"] $($item)*); };
    (@ [$($label:literal),*] const $name:ident) => { const $name: &[&str] = &[$($label),*]; };
    (@ [$($label:literal),*] fn $fn:ident($($kinds:expr),*; $($states:expr),*; $path:expr; $($options:literal),*)) => {
        #[rstest]
        fn $fn(
            #[values($($options),*)] option: &str,
            #[values($($kinds),*)] kind: Kind,
            #[values($($states),*)] state: State,
            #[values($($label),*)] rung: &str,
        ) {
            check_rung(option, kind, state, $path, rung);
        }
    };
}

#[test]
fn the_rung_lists_are_the_ladder() {
    with_rungs!(raw, const RAW);
    with_rungs!(socket2, const SOCKET2);
    for (path, listed) in [(Api::Raw, RAW), (Api::Socket2, SOCKET2)] {
        let ladder: Vec<String> = ladder::for_path(ladder::BUFFER, path)
            .map(|r| r.label())
            .collect();
        assert_eq!(listed, ladder, "the {path} rung list differs from ladder::BUFFER");
    }
}

const STREAM: [Kind; 3] = [Kind::Tcp4, Kind::Tcp6, Kind::UnixStream];
const DGRAM: [Kind; 3] = [Kind::Udp4, Kind::Udp6, Kind::UnixDgram];

with_rungs!(raw, fn set_stream_raw(STREAM[0], STREAM[1], STREAM[2]; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_stream_socket2(STREAM[0], STREAM[1], STREAM[2]; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));
with_rungs!(raw, fn set_dgram_raw(DGRAM[0], DGRAM[1], DGRAM[2]; State::Fresh, State::Bound, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF", "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_dgram_socket2(DGRAM[0], DGRAM[1], DGRAM[2]; State::Fresh, State::Bound, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));

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
