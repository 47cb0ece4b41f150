//! The snapshot table of one option family: one row per case, every value
//! host-independent so that a snapshot is the same on any host of its OS.

use super::{aligned, effective};
use crate::engine::cases::Row;

pub fn snapshot(rows: &[Row]) -> String {
    let header = [
        "option",
        "kind",
        "state",
        "path",
        "requested",
        "effective",
        "rule",
    ];
    let mut table: Vec<Vec<String>> = vec![header.map(String::from).to_vec()];
    table.extend(rows.iter().map(|r| {
        let c = &r.case;
        vec![
            c.option.name.to_string(),
            c.kind.to_string(),
            c.state.to_string(),
            c.api.to_string(),
            c.request.to_string(),
            effective(r),
            r.prediction.rule_id(),
        ]
    }));
    aligned(&table, " | ").into_iter().map(|l| l + "\n").collect()
}
