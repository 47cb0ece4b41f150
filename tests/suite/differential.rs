//! Raw vs socket2, for every option both paths offer. socket2's result must
//! be exactly the raw path's result for the request socket2 really sends,
//! converted the way socket2 converts what it reads; every place the two
//! paths differ must be a divergence the model names (a `socket2.*` rule).

use crate::common::{available, explain, host};
use rstest::rstest;
use sockmatrix::api::Api;
use sockmatrix::case::Request;
use sockmatrix::catalog;
use sockmatrix::engine::{self, Checked};
use sockmatrix::kind::{Kind, State};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::option::Family;
use sockmatrix::outcome::Outcome;
use sockmatrix::prediction::Expected;
use sockmatrix::socket2_casts as conv;
use sockmatrix::value::RelativeValue;

fn compare(family: Family, kind: Kind, state: State) {
    if !available(kind) {
        return;
    }
    let mut compared = 0;
    let mut failures = Vec::new();
    let both = catalog::on(host().os())
        .filter(|o| o.family() == family && sockmatrix::call::offers(Api::Socket2, o));
    for option in both {
        let shape = option.socket2.expect("offered by socket2");
        let filter = Filter {
            option: Some(option),
            kind: Some(kind),
            state: Some(state),
            api: Some(Api::Socket2),
        };
        for case in matrix::cases(host(), &filter, &Requests::Ladder) {
            let via_socket2 = engine::cases::run(&case, host());
            // What socket2 hands the kernel, and how it converts the answer.
            let mut conversions = Vec::new();
            let windows = host().os() == sockmatrix::os::Os::Windows;
            let sent = conv::request(shape, &case.request, &mut conversions, windows);
            if let Request::Set(v) = &sent {
                assert!(
                    sockmatrix::call::can_express(Api::Raw, option, v),
                    "raw cannot send {v} for {}",
                    option.name
                );
            }
            let raw_case = case
                .through(Api::Raw, sent)
                .expect("socket2's conversion keeps the request's type");
            let via_raw = engine::cases::run(&raw_case, host());
            let converted = match &via_raw.observed {
                Outcome::Ok(v) => {
                    conv::read_back(shape, Expected::Ok(RelativeValue::literal(v)), &mut conversions)
                        .outcome()
                }
                err => err.clone(),
            };
            compared += 1;
            let mut problem = None;
            let other_call = via_socket2.prediction.rules.contains(&&conv::OTHER_CALL);
            if other_call {
                // socket2 made another call than the raw path can: only the model speaks for it.
                if !via_socket2.agrees() {
                    problem = Some(explain(&via_socket2));
                }
            } else if via_socket2.observed != converted {
                problem = Some(format!(
                    "socket2 read {}, raw + socket2's conversions gives {converted}",
                    via_socket2.observed
                ));
            } else if via_socket2.observed != via_raw.observed && !via_socket2.diverges() {
                problem = Some(format!(
                    "paths differ ({} vs {}) but no divergence is named",
                    via_socket2.observed, via_raw.observed
                ));
            } else if conversions
                .iter()
                .any(|r| !via_socket2.prediction.rules.contains(r))
            {
                problem = Some(format!(
                    "socket2 converted the value ({conversions:?}) but the model does not name it"
                ));
            } else if !via_socket2.agrees() {
                problem = Some(explain(&via_socket2));
            }
            if let Some(p) = problem {
                failures.push(format!("{}: {p}", case));
            }
        }
    }
    if catalog::on(host().os()).any(|o| o.family() == family && sockmatrix::call::offers(Api::Socket2, o)) {
        assert!(compared > 0, "nothing compared");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[rstest]
fn stream(
    #[values(Family::Buffers, Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    compare(family, kind, state);
}

#[rstest]
fn dgram(
    #[values(Family::Buffers, Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    compare(family, kind, state);
}
