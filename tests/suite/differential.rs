//! Raw vs each library (socket2, nix, rustix, std, tokio), for every option both paths
//! offer. A library's result must be exactly the raw path's result for the
//! request the library really sends (or the library's own refusal),
//! converted the way the library converts what it reads; every place the
//! two paths differ must be a divergence the model names (a rule of the
//! library's).

use crate::common::{available, explain, host};
use rstest::rstest;
use sockmatrix::api::Api;
use sockmatrix::case::{Case, Request};
use sockmatrix::catalog;
use sockmatrix::engine::cases::Row;
use sockmatrix::engine::{self, Checked};
use sockmatrix::kind::{Kind, State};
use sockmatrix::library::{self, Sent};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::option::Family;
use sockmatrix::outcome::Outcome;
use sockmatrix::prediction::Expected;
use sockmatrix::socket2_casts::OTHER_CALL;
use sockmatrix::value::{RelativeValue, Value};

fn compare(api: Api, family: Family, kind: Kind, state: State) {
    if !available(kind) {
        return;
    }
    let os = host().os();
    let mut compared = 0;
    let mut failures = Vec::new();
    // (std has a type, and so methods, only in some states.)
    let both = || {
        catalog::on(os).filter(move |o| {
            o.family() == family
                && sockmatrix::call::offers(api, o)
                && library::offers_case(os, api, o, kind, state)
        })
    };
    for option in both() {
        let filter = Filter {
            option: Some(option),
            kind: Some(kind),
            state: Some(state),
            api: Some(api),
        };
        for case in matrix::cases(host(), &filter, &Requests::Ladder) {
            let via_library = engine::cases::run(&case, host());
            // What the library hands the kernel, and how it converts the answer.
            let mut conversions = Vec::new();
            let on = library::On::case(os, &case);
            let converted = match library::request(on, option, &case.request, &mut conversions) {
                Sent::Refused(expected) => expected.outcome(),
                // The raw call cannot send it here (rustix's 64-bit timeval
                // where time_t is 32 bits): only the model speaks for it.
                Sent::Os(asked, Request::Set(v)) if !sockmatrix::call::can_express(Api::Raw, asked, &v) => {
                    compared += 1;
                    if !via_library.agrees() {
                        failures.push(explain(&via_library));
                    }
                    continue;
                }
                Sent::Os(asked, sent) => {
                    let raw_case = Case::of(asked, kind, state, Api::Raw, sent)
                        .expect("a library's conversion keeps the request's type");
                    let mut observed = engine::cases::run(&raw_case, host()).observed;
                    // A getter that reads another option: the raw set, then
                    // (if it worked, or for a plain read) that option's read.
                    if let Some((other, rule)) = library::getter_reads(on, option) {
                        if case.request == Request::Default || matches!(observed, Outcome::Ok(_)) {
                            let read =
                                Case::of(other, kind, state, Api::Raw, Request::Default).expect("a read");
                            observed = engine::cases::run(&read, host()).observed;
                            conversions.push(rule);
                        }
                    }
                    match observed {
                        Outcome::Ok(v) => library::read_back(
                            on,
                            option,
                            Expected::Ok(RelativeValue::literal(&v)),
                            &mut conversions,
                        )
                        .outcome(),
                        err => err,
                    }
                }
            };
            // The same request through the raw call, where it can say it (a
            // Rust Duration it cannot: only the conversion speaks for it).
            let raw_can_say = match &case.request {
                Request::Set(v) => sockmatrix::call::can_express(Api::Raw, option, v),
                Request::Default => true,
            };
            let via_raw = raw_can_say.then(|| {
                engine::cases::run(
                    &case.through(Api::Raw, case.request.clone()).expect("same type"),
                    host(),
                )
            });
            compared += 1;
            let mut problem = None;
            let other_call = via_library.prediction.rules.contains(&&OTHER_CALL);
            if other_call {
                // socket2 made another call than the raw path can: only the model speaks for it.
                if !via_library.agrees() {
                    problem = Some(explain(&via_library));
                }
            } else if !alike(&via_library, &converted) {
                problem = Some(format!(
                    "{api} read {}, raw + {api}'s conversions gives {converted}",
                    via_library.observed
                ));
            } else if let Some(via_raw) =
                via_raw.filter(|r| !alike(&via_library, &r.observed) && !via_library.diverges())
            {
                problem = Some(format!(
                    "paths differ ({} vs {}) but no divergence is named",
                    via_library.observed, via_raw.observed
                ));
            } else if conversions
                .iter()
                .any(|r| !via_library.prediction.rules.contains(r))
            {
                problem = Some(format!(
                    "{api} converted the value ({conversions:?}) but the model does not name it"
                ));
            } else if !via_library.agrees() {
                problem = Some(explain(&via_library));
            }
            if let Some(p) = problem {
                failures.push(format!("{}: {p}", case));
            }
        }
    }
    if both().next().is_some() {
        assert!(compared > 0, "nothing compared");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[rstest]
fn stream(
    #[values(Api::Socket2, Api::Nix, Api::Rustix, Api::Std, Api::Tokio)] api: Api,
    #[values(Family::Buffers, Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    compare(api, family, kind, state);
}

#[rstest]
fn dgram(
    #[values(Api::Socket2, Api::Nix, Api::Rustix, Api::Std, Api::Tokio)] api: Api,
    #[values(Family::Buffers, Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    compare(api, family, kind, state);
}

/// Two sockets' answers to the same request agree: the same, or both within
/// the range the model gives (each socket has its own cookie; the CPU that
/// took a connection's packet is the kernel's choice).
fn alike(via_library: &Row, other: &Outcome) -> bool {
    let predicted = via_library.prediction.expected.outcome();
    match predicted {
        Outcome::Ok(Value::Range(..)) => via_library.observed.fits(&predicted) && other.fits(&predicted),
        _ => via_library.observed == *other,
    }
}
