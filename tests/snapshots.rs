//! One snapshot per option family and OS: the effective value of every case,
//! written relative to host limits so the table is the same on any host of
//! the OS. Rows whose outcome depends on privileges go to a snapshot named
//! after the privilege held, so running as root or not changes no snapshot.

mod common;

use common::host;
use sockmatrix::catalog::Family;
use sockmatrix::effect;
use sockmatrix::engine::{self, Row};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::render;

/// The OS part of a snapshot's name.
fn os_suffix() -> String {
    host().os.name().to_string()
}

/// The suffix of privilege-dependent snapshots: which of the capabilities
/// the rules consult were held.
fn privilege_suffix() -> String {
    let l = host().linux.as_ref();
    let admin = l.is_some_and(|l| l.cap_net_admin);
    let raw = l.is_some_and(|l| l.cap_net_raw_or_admin);
    let held = match (admin, raw) {
        (true, _) => "cap_net_admin",
        (false, true) => "cap_net_raw",
        (false, false) => "unprivileged",
    };
    format!("{}-{held}", os_suffix())
}

fn assert_table(name: &str, suffix: &str, rows: &[Row]) {
    assert!(!rows.is_empty(), "no rows for {name}");
    assert_text(name, suffix, render::snapshot(rows));
}

fn assert_text(name: &str, suffix: &str, text: String) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_snapshot_suffix(suffix);
    settings.set_omit_expression(true);
    settings.bind(|| insta::assert_snapshot!(name, text));
}

#[test]
fn effects_table() {
    let rows = effect::run_all(host());
    assert!(!rows.is_empty(), "no effects ran");
    assert_text(
        "effects",
        &os_suffix(),
        render::effects::table(host(), &rows, false),
    );
}

#[test]
fn family_tables() {
    let unavailable = matrix::unavailable_kinds(host());
    assert!(
        unavailable.is_empty(),
        "snapshots need every kind, but this host lacks: {unavailable:?}"
    );
    let cases = matrix::cases(host(), &Filter::default(), &Requests::Ladder);
    let rows = engine::run_all(&cases, host());
    for family in Family::ALL {
        let (privileged, plain): (Vec<Row>, Vec<Row>) = rows
            .iter()
            .filter(|r| r.case.option.family == family)
            .cloned()
            .partition(|r| r.case.option.privileged);
        assert_table(family.name(), &os_suffix(), &plain);
        if !privileged.is_empty() {
            assert_table(
                &format!("{}_privileged", family.name()),
                &privilege_suffix(),
                &privileged,
            );
        }
    }
}
