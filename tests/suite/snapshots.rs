//! One snapshot per option family and OS: the effective value of every case,
//! written relative to host limits so the table is the same on any host of
//! the OS. Rows whose outcome depends on privileges go to a snapshot named
//! after the privilege held, so running as root or not changes no snapshot.

use crate::common::host;
use sockmatrix::engine::{self, cases::Row};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::{render, snapshot};
use std::collections::BTreeMap;

fn assert_table(name: &snapshot::Name, rows: &[Row]) {
    assert!(!rows.is_empty(), "no rows for {}", name.file_name());
    crate::common::assert_snapshot_text(name, snapshot::table(rows));
}

#[test]
fn effects_table() {
    let rows = engine::effects::run_all(host());
    if host().platform().effect_model().is_none() {
        eprintln!("skipped: no model of effects for {}", host().os_label());
        return;
    }
    assert!(!rows.is_empty(), "no effects ran");
    crate::common::assert_snapshot_text(&snapshot::effects_name(host()), render::effects::snapshot(&rows));
}

#[test]
fn family_tables() {
    let cases = matrix::cases(host(), &Filter::default(), &Requests::Ladder);
    let rows = engine::cases::run_all(&cases, host());
    let mut tables: BTreeMap<snapshot::Name, Vec<Row>> = BTreeMap::new();
    for row in rows {
        let name = snapshot::name_for(&row, host());
        tables.entry(name).or_default().push(row);
    }
    for (name, rows) in tables {
        assert_table(&name, &rows);
    }
}
