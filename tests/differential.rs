//! Raw vs socket2: for every value both paths can express they must read
//! back the same, and every place they differ must be a divergence the
//! model names (socket2's `usize as c_int` truncation).

mod common;

use common::{available, check, host, option, rung_request};
use rstest::rstest;
use sockmatrix::case::{Case, Request};
use sockmatrix::expr::Expr;
use sockmatrix::kind::{Kind, State};
use sockmatrix::ladder::{Reach, BUFFER};
use sockmatrix::model::socket2::USIZE_TRUNCATED;
use sockmatrix::path::Path;

fn case(option: &str, kind: Kind, state: State, path: Path, request: Request) -> Case {
    Case {
        option: option_named(option),
        kind,
        state,
        path,
        request,
    }
}

fn option_named(name: &str) -> &'static sockmatrix::catalog::OptionSpec {
    option(name)
}

#[rstest]
fn raw_and_socket2_agree_or_diverge_as_named(
    #[values("SO_SNDBUF", "SO_RCVBUF")] option: &str,
    #[values(
        Kind::Tcp4,
        Kind::Tcp6,
        Kind::Udp4,
        Kind::Udp6,
        Kind::UnixStream,
        Kind::UnixDgram
    )]
    kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    if !kind.states().contains(&state) || !available(kind) {
        return;
    }
    let default_raw = check(case(option, kind, state, Path::Raw, Request::Default));
    let default_s2 = check(case(option, kind, state, Path::Socket2, Request::Default));
    assert_eq!(
        default_raw.observed, default_s2.observed,
        "defaults differ between paths"
    );

    let spec = option_named(option);
    let mut compared = 0;
    for (index, rung) in BUFFER.iter().filter(|r| r.reaches(Path::Socket2)).enumerate() {
        let Some(Request::Set(asked)) = rung_request(spec, Path::Socket2, index) else {
            continue;
        };
        let via_socket2 = check(case(option, kind, state, Path::Socket2, Request::Set(asked)));
        match rung.reach {
            Reach::Both => {
                let via_raw = check(case(option, kind, state, Path::Raw, Request::Set(asked)));
                assert_eq!(via_raw.observed, via_socket2.observed, "paths differ for {asked}");
                assert!(
                    !via_socket2.diverges(),
                    "divergence predicted for {asked}, none observed"
                );
            }
            Reach::Socket2Only => {
                // What socket2 really sent: the low 32 bits, as a C int.
                let sent = Expr::lit(i128::from(asked.value() as i32));
                let via_raw = check(case(option, kind, state, Path::Raw, Request::Set(sent)));
                assert_eq!(
                    via_socket2.observed, via_raw.observed,
                    "socket2({asked}) is not raw({sent})"
                );
                assert!(
                    via_socket2.prediction.rules.contains(&&USIZE_TRUNCATED),
                    "socket2 changed {asked} to {sent} but the model names no truncation"
                );
            }
            Reach::RawOnly => unreachable!("filtered to socket2 rungs"),
        }
        compared += 1;
    }
    assert_eq!(
        compared,
        BUFFER.iter().filter(|r| r.reaches(Path::Socket2)).count(),
        "rungs skipped"
    );
    let _ = host();
}
