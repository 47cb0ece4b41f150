//! Helpers shared by the test matrices.
#![allow(dead_code)]

use sockmatrix::case::{Case, Request};
use sockmatrix::catalog::{self, OptionSpec};
use sockmatrix::engine::{self, Row};
use sockmatrix::host::Host;
use sockmatrix::kind::Kind;
use sockmatrix::kind::State;
use sockmatrix::ladder;
use sockmatrix::matrix;
use sockmatrix::path::Path;
use std::sync::OnceLock;

/// This host's facts, read once per test binary.
pub fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| Host::detect().unwrap_or_else(|why| panic!("cannot read host facts: {why}")))
}

pub fn option(name: &str) -> &'static OptionSpec {
    catalog::find(name).unwrap_or_else(|| panic!("{name} is not in the catalogue"))
}

/// The `index`-th rung of the option's ladder that `path` can express.
pub fn rung_request(option: &OptionSpec, path: Path, index: usize) -> Option<Request> {
    let rung = ladder::for_path(option.ladder, path)
        .nth(index)
        .unwrap_or_else(|| panic!("{} has no rung {index} for {path}", option.name));
    let max = host().buffer_limit(option.limit);
    match (rung.at, max) {
        (ladder::At::Max(..), None) => None,
        (_, max) => Some(Request::Set(rung.resolve(max.unwrap_or(ladder::INT_MAX_HALF)))),
    }
}

/// Whether the kind can be made here; prints the reason when it cannot.
pub fn available(kind: Kind) -> bool {
    match matrix::unavailable_kinds(host())
        .into_iter()
        .find(|(k, _)| *k == kind)
    {
        Some((_, why)) => {
            eprintln!("skipped: {kind}: {why}");
            false
        }
        None => true,
    }
}

/// Runs the case and asserts the observation equals the model's prediction.
pub fn check(case: Case) -> Row {
    let row = engine::run(&case, host());
    let rules: Vec<String> = row
        .prediction
        .rules
        .iter()
        .map(|r| format!("{} ({}: {})", r.id, r.source, r.why))
        .collect();
    assert!(
        row.agrees(),
        "{case}: observed {}, model predicts {} = {}\n  by {}",
        row.observed,
        row.prediction.expected,
        row.prediction.expected.outcome(),
        rules.join("\n  then ")
    );
    row
}

/// Sets one rung of the ladder and checks it, unless the kind is unavailable.
pub fn check_rung(option: &str, kind: Kind, state: State, path: Path, index: usize) {
    let option = option_on_path(option, path);
    if !available(kind) {
        return;
    }
    let Some(request) = rung_request(option, path, index) else {
        eprintln!("skipped: {} has no host limit on this OS", option.name);
        return;
    };
    check(Case {
        option,
        kind,
        state,
        path,
        request,
    });
}

/// Reads the option without setting it and checks the default.
pub fn check_default(option: &str, kind: Kind, state: State, path: Path) {
    let option = option_on_path(option, path);
    if available(kind) {
        check(Case {
            option,
            kind,
            state,
            path,
            request: Request::Default,
        });
    }
}

fn option_on_path(name: &str, path: Path) -> &'static OptionSpec {
    let option = option(name);
    assert!(path.offers(option), "{path} does not offer {name}");
    option
}
