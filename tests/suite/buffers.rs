//! The buffer-size matrix: every option × kind × state × rung × path, each
//! case asserting that the value read back is the one the model predicts.
//! Only the cases that apply to the OS the suite is built for are generated:
//! the FORCE options only on Linux, socket2's rungs above 2^32-1 only where
//! its `usize` holds them. The guard tests below hold both choices against
//! the catalogue and the ladder.

use crate::common::{check_default, check_rung, host, option};
use rstest::rstest;
use sockmatrix::api::Api;
use sockmatrix::case::{Case, Request};
use sockmatrix::kind::{Kind, State};
use sockmatrix::ladder::{self, Rung};
use sockmatrix::{call, gate, predict, Expected, CATALOG};

/// The buffer ladder's rungs by label, one list per path. rstest needs
/// them written out to name each case after its rung; `the_rung_lists_are_the_ladder`
/// holds each list against the ladder, so a rung added there fails here
/// until it is listed. Options after `linux:` are listed only on Linux, the
/// one OS that names them (`the_force_options_are_listed_only_on_linux`).
macro_rules! with_rungs {
    (raw, $($item:tt)*) => { with_rungs!(@ ["0", "1", "2", "255", "256", "1023", "1024", "2047", "2048", "2303", "2304", "2305", "4095", "4096", "4607", "4608", "4609", "8192", "65535", "65536", "max-1", "max", "max+1", "2*max", "INT_MAX/2-1", "INT_MAX/2", "INT_MAX/2+1", "INT_MAX", "-1", "-4096", "INT_MIN"] $($item)*); };
    // socket2's usize holds 2^32 and above only on a 64-bit target.
    (socket2, $($item:tt)*) => {
        #[cfg(target_pointer_width = "64")]
        with_rungs!(@ ["0", "1", "2", "255", "256", "1023", "1024", "2047", "2048", "2303", "2304", "2305", "4095", "4096", "4607", "4608", "4609", "8192", "65535", "65536", "max-1", "max", "max+1", "2*max", "INT_MAX/2-1", "INT_MAX/2", "INT_MAX/2+1", "INT_MAX", "2^31", "2^32", "2^32+4096", "U64_MAX"] $($item)*);
        #[cfg(not(target_pointer_width = "64"))]
        with_rungs!(@ ["0", "1", "2", "255", "256", "1023", "1024", "2047", "2048", "2303", "2304", "2305", "4095", "4096", "4607", "4608", "4609", "8192", "65535", "65536", "max-1", "max", "max+1", "2*max", "INT_MAX/2-1", "INT_MAX/2", "INT_MAX/2+1", "INT_MAX", "2^31"] $($item)*);
    };
    (@ [$($label:literal),*] const $name:ident) => { const $name: &[&str] = &[$($label),*]; };
    (@ [$($label:literal),*] fn $fn:ident($($kinds:expr),*; $($states:expr),*; $path:expr; $($options:literal),*; linux: $($linux:literal),*)) => {
        #[cfg(target_os = "linux")]
        with_rungs!(@ [$($label),*] fn $fn($($kinds),*; $($states),*; $path; $($options,)* $($linux),*));
        #[cfg(not(target_os = "linux"))]
        with_rungs!(@ [$($label),*] fn $fn($($kinds),*; $($states),*; $path; $($options),*));
    };
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

/// Whether `path`'s type can hold the rung on this target. A rung this host
/// has no anchor for stays listed: its cases assert there is no limit.
fn holds(rung: &Rung, path: Api) -> bool {
    let option = option("SO_SNDBUF");
    rung.resolve(&host().anchors(option))
        .is_none_or(|v| call::can_express(path, option, &v))
}

#[test]
fn the_rung_lists_are_the_ladder() {
    with_rungs!(raw, const RAW);
    with_rungs!(socket2, const SOCKET2);
    for (path, listed) in [(Api::Raw, RAW), (Api::Socket2, SOCKET2)] {
        let ladder: Vec<String> = ladder::for_path(ladder::BUFFER, path, false)
            .filter(|r| holds(r, path))
            .map(|r| r.label())
            .collect();
        assert_eq!(
            listed, ladder,
            "the {path} rung list differs from the rungs of ladder::BUFFER it can hold here"
        );
    }
}

/// Only Linux names SO_SNDBUFFORCE and SO_RCVBUFFORCE, so the matrices list
/// them only there. On every other OS this asserts, in place of the cases
/// not generated, that the model refuses them as UNDEFINED for every kind and
/// state and that neither path can name them; and that each other buffer
/// option is named and offered by both paths.
#[test]
fn the_force_options_are_listed_only_on_linux() {
    const LINUX_ONLY: [&str; 2] = ["SO_SNDBUFFORCE", "SO_RCVBUFFORCE"];
    let os = host().os();
    let buffers: Vec<_> = CATALOG.iter().filter(|o| o.limit.is_some()).collect();
    assert_eq!(
        buffers.len(),
        4,
        "a buffer option was added: list it in the matrices"
    );
    for option in buffers {
        let force = LINUX_ONLY.contains(&option.name);
        let listed = cfg!(target_os = "linux") || !force;
        assert_eq!(
            option.codes.on(os).is_some(),
            listed,
            "{}: defined on {os}",
            option.name
        );
        assert_eq!(
            call::offers(Api::Raw, option),
            listed,
            "{}: raw offers it",
            option.name
        );
        assert_eq!(
            call::offers(Api::Socket2, option),
            !force,
            "{}: socket2 offers it",
            option.name
        );
        if listed {
            continue;
        }
        for kind in Kind::ALL {
            for &state in kind.states() {
                let case = Case::of(option, kind, state, Api::Raw, Request::Default)
                    .expect("a read fits every option");
                let predicted = predict::predict(&case, host().platform()).expected;
                assert_eq!(predicted, Expected::Err(gate::UNDEFINED), "{case}");
            }
        }
    }
}

const STREAM: [Kind; 3] = [Kind::Tcp4, Kind::Tcp6, Kind::UnixStream];
const DGRAM: [Kind; 3] = [Kind::Udp4, Kind::Udp6, Kind::UnixDgram];

with_rungs!(raw, fn set_stream_raw(STREAM[0], STREAM[1], STREAM[2]; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF"; linux: "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_stream_socket2(STREAM[0], STREAM[1], STREAM[2]; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));
with_rungs!(raw, fn set_dgram_raw(DGRAM[0], DGRAM[1], DGRAM[2]; State::Fresh, State::Bound, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF"; linux: "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_dgram_socket2(DGRAM[0], DGRAM[1], DGRAM[2]; State::Fresh, State::Bound, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));
with_rungs!(raw, fn set_seqpacket_raw(Kind::UnixSeqpacket; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF"; linux: "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_seqpacket_socket2(Kind::UnixSeqpacket; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));
with_rungs!(raw, fn set_raw_icmp_raw(Kind::Raw4, Kind::Raw6, Kind::Icmp4, Kind::Icmp6; State::Fresh, State::Bound, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF"; linux: "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_raw_icmp_socket2(Kind::Raw4, Kind::Raw6, Kind::Icmp4, Kind::Icmp6; State::Fresh, State::Bound, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));
with_rungs!(raw, fn set_mptcp_raw(Kind::Mptcp4, Kind::Mptcp6; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Raw; "SO_SNDBUF", "SO_RCVBUF"; linux: "SO_SNDBUFFORCE", "SO_RCVBUFFORCE"));
with_rungs!(socket2, fn set_mptcp_socket2(Kind::Mptcp4, Kind::Mptcp6; State::Fresh, State::Bound, State::Listening, State::Connected; Api::Socket2; "SO_SNDBUF", "SO_RCVBUF"));

/// A buffer's default read on each path, for the kinds and states given;
/// the FORCE names only where they exist (Linux).
macro_rules! defaults {
    ($fn:ident($($kinds:expr),*; $($states:expr),*)) => {
        #[rstest]
        #[case::sndbuf_raw("SO_SNDBUF", Api::Raw)]
        #[case::sndbuf_socket2("SO_SNDBUF", Api::Socket2)]
        #[case::rcvbuf_raw("SO_RCVBUF", Api::Raw)]
        #[case::rcvbuf_socket2("SO_RCVBUF", Api::Socket2)]
        #[cfg_attr(target_os = "linux", case::sndbufforce_raw("SO_SNDBUFFORCE", Api::Raw))]
        #[cfg_attr(target_os = "linux", case::rcvbufforce_raw("SO_RCVBUFFORCE", Api::Raw))]
        fn $fn(
            #[case] option: &str,
            #[case] path: Api,
            #[values($($kinds),*)] kind: Kind,
            #[values($($states),*)] state: State,
        ) {
            check_default(option, kind, state, path);
        }
    };
}

defaults!(default_stream(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream; State::Fresh, State::Bound, State::Listening, State::Connected));
defaults!(default_dgram(Kind::Udp4, Kind::Udp6, Kind::UnixDgram; State::Fresh, State::Bound, State::Connected));
defaults!(default_seqpacket(Kind::UnixSeqpacket; State::Fresh, State::Bound, State::Listening, State::Connected));
defaults!(default_raw_icmp(Kind::Raw4, Kind::Raw6, Kind::Icmp4, Kind::Icmp6; State::Fresh, State::Bound, State::Connected));
defaults!(default_mptcp(Kind::Mptcp4, Kind::Mptcp6; State::Fresh, State::Bound, State::Listening, State::Connected));
