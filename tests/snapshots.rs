//! One snapshot per option family and OS: the effective value of every case,
//! written relative to host limits so the table is the same on any host of
//! the OS. Rows whose outcome depends on privileges go to a snapshot named
//! after the privilege held, so running as root or not changes no snapshot.

mod common;

use common::host;
use sockmatrix::option::Family;
use sockmatrix::effect;
use sockmatrix::engine::{self, Row};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::model::linux;
use sockmatrix::render;
use std::collections::BTreeMap;

/// The OS part of a snapshot's name.
fn os_suffix() -> String {
    host().os_label().to_string()
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
    common::assert_snapshot_text(name, suffix, text);
}

#[test]
fn effects_table() {
    let rows = effect::run_all(host());
    if !sockmatrix::model::models_effects(host()) {
        eprintln!("skipped: no model of effects for {}", host().os_label());
        return;
    }
    assert!(!rows.is_empty(), "no effects ran");
    assert_text(
        "effects",
        &os_suffix(),
        render::effects::table(&rows, false),
    );
}

#[test]
fn family_tables() {
    let cases = matrix::cases(host(), &Filter::default(), &Requests::Ladder);
    let rows = engine::run_all(&cases, host());
    for family in Family::ALL {
        // Each row goes to its family's table, or apart when its outcome
        // depends on privileges or on the kernel release.
        let mut tables: BTreeMap<(String, String), Vec<Row>> = BTreeMap::new();
        for row in rows.iter().filter(|r| r.case.option.family == family) {
            let option = row.case.option;
            let era = host().linux.as_ref().and_then(|l| linux::era(option, l));
            let key = match (option.privileged, era) {
                (true, _) => (format!("{}_privileged", family.name()), privilege_suffix()),
                (false, Some(era)) => (
                    format!("{}_kernel", family.name()),
                    format!("{}-{era}", os_suffix()),
                ),
                (false, None) => (family.name().to_string(), os_suffix()),
            };
            tables.entry(key).or_default().push(row.clone());
        }
        for ((name, suffix), rows) in tables {
            assert_table(&name, &suffix, &rows);
        }
    }
}
