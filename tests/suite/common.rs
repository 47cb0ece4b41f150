//! Helpers shared by the test matrices.

use sockmatrix::api::Api;
use sockmatrix::case::{Case, Request};
use sockmatrix::catalog;
use sockmatrix::engine::{self, cases::Row};
use sockmatrix::host::Host;
use sockmatrix::kind::{Kind, State};
use sockmatrix::ladder;
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::option::{Family, OptionSpec};
use sockmatrix::snapshot;
use std::sync::OnceLock;

/// This host's facts, read once per test binary.
pub fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| Host::detect().unwrap_or_else(|why| panic!("cannot read host facts: {why}")))
}

pub fn option(name: &str) -> &'static OptionSpec {
    catalog::find(name).unwrap_or_else(|| panic!("{name} is not in the catalogue"))
}

/// The rung of the option's ladder with this label that `path` can
/// express, or None when this host lacks the quantity it is placed at.
pub fn rung_request(option: &OptionSpec, path: Api, label: &str) -> Option<Request> {
    let rung = ladder::find(option.ladder, path, label)
        .unwrap_or_else(|| panic!("{} has no rung {label:?} for {path}", option.name));
    // None too where the path's type cannot hold it (socket2's 32-bit usize).
    rung.resolve(&host().anchors(option))
        .filter(|v| sockmatrix::call::can_express(path, option, v))
        .map(Request::Set)
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

/// What a failed case says: observation, prediction, and every rule's source.
pub fn explain(row: &Row) -> String {
    let rules: Vec<String> = row
        .prediction
        .rules
        .iter()
        .map(|r| format!("{} ({}: {})", r.id, r.source, r.why))
        .collect();
    format!(
        "{}: observed {}, model predicts {} = {}\n  by {}",
        row.case,
        row.observed,
        row.prediction.expected,
        row.prediction.expected.outcome(),
        rules.join("\n  then ")
    )
}

/// Runs the case and asserts the observation equals the model's prediction.
pub fn check(case: Case) -> Row {
    let row = engine::cases::run(&case, host());
    assert!(row.agrees(), "{}", explain(&row));
    row
}

/// Sets one rung of the ladder and checks it, unless the kind is unavailable.
pub fn check_rung(option: &str, kind: Kind, state: State, path: Api, rung: &str) {
    let Some(option) = option_on_path(option, path) else {
        return;
    };
    if !available(kind) {
        return;
    }
    let Some(request) = rung_request(option, path, rung) else {
        eprintln!(
            "skipped: {} rung {rung}: no host limit here, or {path} cannot hold it",
            option.name
        );
        return;
    };
    check(Case::of(option, kind, state, path, request).expect("a rung of the option's own ladder"));
}

/// Reads the option without setting it and checks the default.
pub fn check_default(option: &str, kind: Kind, state: State, path: Api) {
    let Some(option) = option_on_path(option, path) else {
        return;
    };
    if available(kind) {
        check(Case::of(option, kind, state, path, Request::Default).expect("a read fits every option"));
    }
}

/// The option, if this OS defines it and the path offers it (else skipped,
/// with the reason printed: e.g. the FORCE names exist only on Linux).
fn option_on_path(name: &str, path: Api) -> Option<&'static OptionSpec> {
    let option = option(name);
    if sockmatrix::call::offers(path, option) {
        return Some(option);
    }
    // On Linux every option the matrices name is offered: a missing one is a bug.
    if cfg!(target_os = "linux") {
        panic!("{path} does not offer {name} on Linux");
    }
    eprintln!("skipped: the {path} path has no {name} on {}", host().os());
    None
}

/// Every case of one family on one kind in one state: each option's default
/// and every rung, through every path that can say it. Each case asserts
/// observed == predicted; all failures are reported together.
pub fn check_family(family: Family, kind: Kind, state: State) {
    if !available(kind) {
        return;
    }
    let mut cases = 0;
    let mut failures = Vec::new();
    for option in catalog::on(host().os()).filter(|o| o.family() == family) {
        let filter = Filter {
            option: Some(option),
            kind: Some(kind),
            state: Some(state),
            api: None,
        };
        for case in matrix::cases(host(), &filter, &Requests::Ladder) {
            let row = engine::cases::run(&case, host());
            cases += 1;
            if !row.agrees() {
                failures.push(explain(&row));
            }
        }
    }
    assert!(cases > 0, "no {} cases for {kind} {state}", family.name());
    assert!(
        failures.is_empty(),
        "{} of {cases} cases disagree with the model:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Asserts a snapshot table under `snapshots/`. Kinds this OS cannot make
/// at all are simply not in its snapshots; kinds this host lacks for the
/// moment (IPv6 switched off) cannot reproduce a snapshot whole, so every row
/// it can produce must match the committed one.
pub fn assert_snapshot_text(name: &snapshot::Name, text: String) {
    let missing: Vec<String> = matrix::unavailable_kinds(host())
        .iter()
        .filter(|(k, _)| !host().missing_kinds.iter().any(|(m, _)| m == k))
        .map(|(k, why)| {
            eprintln!("skipped: {k}: {why}");
            k.to_string()
        })
        .collect();
    if !missing.is_empty() {
        return assert_rows_match_committed(name, &text, &missing);
    }
    let mut settings = insta::Settings::clone_current();
    // Relative to this file, tests/suite/: the top-level snapshots/.
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_suffix(&name.suffix);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name.name.as_str(), text));
}

fn assert_rows_match_committed(name: &snapshot::Name, text: &str, missing: &[String]) {
    let root = std::env::var("INSTA_WORKSPACE_ROOT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let path = std::path::Path::new(&root)
        .join("snapshots")
        .join(name.file_name());
    let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let expected: Vec<Vec<String>> = snapshot::cells(snapshot::body(&committed))
        .into_iter()
        .filter(|row| !row.iter().any(|c| missing.contains(c)))
        .collect();
    let actual = snapshot::cells(text);
    for (i, (a, e)) in actual.iter().zip(&expected).enumerate() {
        assert_eq!(
            a,
            e,
            "{}: row {i} differs from the committed snapshot",
            path.display()
        );
    }
    assert_eq!(
        actual.len(),
        expected.len(),
        "{}: row count differs",
        path.display()
    );
}
