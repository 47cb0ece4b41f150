//! Helpers shared by the test matrices.

use sockmatrix::api::Api;
use sockmatrix::case::{Case, Request};
use sockmatrix::catalog;
use sockmatrix::engine::{self, cases::Row, Checked};
use sockmatrix::fixture;
use sockmatrix::host::Host;
use sockmatrix::kind::{Domain, Kind, State};
use sockmatrix::ladder::{self, At, Rung};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::option::{Family, OptionSpec};
use sockmatrix::snapshot;
use sockmatrix::{Outcome, RelativeValue};
use std::sync::OnceLock;

/// This host's facts, read once per test binary.
pub fn host() -> &'static Host {
    static HOST: OnceLock<Host> = OnceLock::new();
    HOST.get_or_init(|| Host::detect().unwrap_or_else(|why| panic!("cannot read host facts: {why}")))
}

pub fn option(name: &str) -> &'static OptionSpec {
    catalog::find(name).unwrap_or_else(|| panic!("{name} is not in the catalogue"))
}

/// Whether the kind can be made here. Where it cannot, the case asserts
/// that instead: the host's reason (`matrix::unavailable_kinds`) holds right
/// now. The reason is printed.
pub fn available(kind: Kind) -> bool {
    let Some((_, why)) = matrix::unavailable_kinds(host())
        .into_iter()
        .find(|(k, _)| *k == kind)
    else {
        return true;
    };
    assert_unavailable(kind, &why);
    eprintln!("skipped: {kind}: {why}");
    false
}

/// Asserts that the kind cannot be set up here, for the reason the host gave.
fn assert_unavailable(kind: Kind, why: &str) {
    let host = host();
    if host.skipped_kinds.iter().any(|(k, _)| *k == kind) {
        assert!(
            fixture::SocketDir::new().is_err(),
            "{kind} was skipped ({why}), yet a socket dir can be made now"
        );
    } else if let Some((_, reason)) = host
        .missing_kinds
        .iter()
        .find(|(k, reason)| *k == kind && reason.starts_with("not run"))
    {
        // Left out on purpose, not refused: only the raw kinds on Windows,
        // where CI and Wine run as Administrator and the model is not.
        assert!(
            cfg!(windows) && kind.is_raw(),
            "{kind} is left out ({reason}) where only Windows' raw kinds may be"
        );
    } else if host.missing_kinds.iter().any(|(k, _)| *k == kind) {
        assert!(
            fixture::new_socket(kind).is_err(),
            "{kind} is reported missing ({why}), yet socket() succeeds now"
        );
    } else {
        assert!(
            kind.domain() == Domain::Ipv6 && !host.ipv6,
            "{kind} is unavailable ({why}) for no reason the host records"
        );
        let loopback = std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 0));
        assert!(
            std::net::UdpSocket::bind(loopback).is_err(),
            "{kind}: IPv6 is reported missing, yet ::1 can be bound now"
        );
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

/// Sets one rung of the ladder and checks it. The matrices list only the
/// options this OS's path offers and the rungs its types can hold; a rung
/// this platform has no anchor for (Windows and Wine have no buffer limit, so
/// no `max`) asserts that there is no limit to stand at instead.
pub fn check_rung(option: &str, kind: Kind, state: State, path: Api, label: &str) {
    let option = offered(option, path);
    if !available(kind) {
        return;
    }
    let shape = sockmatrix::library::shape(host().os(), path, option);
    let c_typed = shape.is_some_and(sockmatrix::option::Shape::passes_c_type);
    let rung = ladder::find(option.ladder, path, c_typed, label)
        .unwrap_or_else(|| panic!("{} has no rung {label:?} for {path}", option.name));
    let Some(value) = rung.resolve(&host().anchors(option)) else {
        return check_no_limit(option, kind, state, path, rung);
    };
    assert!(
        sockmatrix::call::can_express(path, option, &value),
        "{} rung {label} is listed, yet {path} cannot hold {value} on this target",
        option.name
    );
    check(
        Case::of(option, kind, state, path, Request::Set(value)).expect("a rung of the option's own ladder"),
    );
}

/// For a rung at the host's limit where the platform places none: asserts
/// that its anchors have no limit and that nothing clamps, in the model or
/// on this host: INT_MAX is predicted and observed to read back whole.
fn check_no_limit(option: &'static OptionSpec, kind: Kind, state: State, path: Api, rung: &Rung) {
    assert!(
        matches!(rung.at, At::Max(..)) && host().anchors(option).max.is_none(),
        "{} rung {} cannot be placed on {}, and not for want of a limit",
        option.name,
        rung.label(),
        host().os_label()
    );
    let int_max = RelativeValue::int(i32::MAX.into());
    let row = check(
        Case::of(option, kind, state, path, Request::Set(int_max.clone()))
            .expect("INT_MAX fits a buffer size"),
    );
    assert_eq!(
        row.observed,
        Outcome::Ok(int_max.value()),
        "{} has no limit on {} to place rung {} at, yet INT_MAX does not read back whole",
        option.name,
        host().os_label(),
        rung.label()
    );
}

/// Reads the option without setting it and checks the default.
pub fn check_default(option: &str, kind: Kind, state: State, path: Api) {
    let option = offered(option, path);
    if available(kind) {
        check(Case::of(option, kind, state, path, Request::Default).expect("a read fits every option"));
    }
}

/// The option, which the matrices name only where this OS defines it and the
/// path offers it (the FORCE names exist only on Linux: buffers.rs lists
/// them only there and asserts that every other OS refuses them).
fn offered(name: &str, path: Api) -> &'static OptionSpec {
    let option = option(name);
    assert!(
        sockmatrix::call::offers(path, option),
        "{path} does not offer {name} on {}: the matrix should not list it here",
        host().os()
    );
    option
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
/// moment (IPv6 switched off, or a raw socket without the privilege to make
/// one) cannot reproduce a snapshot whole, so every row it can produce must
/// match the committed one. A committed table with no row of a missing kind
/// (one only unprivileged runs write, say) is still checked whole.
pub fn assert_snapshot_text(name: &snapshot::Name, text: String) {
    let missing: Vec<String> = matrix::unavailable_kinds(host())
        .iter()
        .filter(|(k, _)| {
            !host()
                .missing_kinds
                .iter()
                .any(|(m, why)| m == k && !for_lack_of_privilege(why))
        })
        .map(|(k, why)| {
            eprintln!("skipped: {k}: {why}");
            k.to_string()
        })
        .collect();
    let committed = std::fs::read_to_string(committed_path(name)).ok();
    let has_missing_rows = committed.as_deref().is_some_and(|text| {
        snapshot::cells(snapshot::body(text))
            .iter()
            .any(|row| row.iter().any(|c| missing.contains(c)))
    });
    if has_missing_rows {
        return assert_rows_match_committed(name, &text, &missing);
    }
    assert_whole_snapshot(name, text);
}

/// socket() refused for want of a privilege: the OS makes the kind for a
/// privileged caller, whose rows the committed tables hold.
fn for_lack_of_privilege(error: &str) -> bool {
    matches!(error, "EPERM" | "EACCES")
}

fn committed_path(name: &snapshot::Name) -> std::path::PathBuf {
    let root = std::env::var("INSTA_WORKSPACE_ROOT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    std::path::Path::new(&root)
        .join("snapshots")
        .join(name.file_name())
}

/// Asserts a whole snapshot table under `snapshots/` with insta.
pub fn assert_whole_snapshot(name: &snapshot::Name, text: String) {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file, tests/suite/: the top-level snapshots/.
    settings.set_snapshot_path("../../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_suffix(&name.suffix);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name.name.as_str(), text));
}

fn assert_rows_match_committed(name: &snapshot::Name, text: &str, missing: &[String]) {
    let path = committed_path(name);
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
