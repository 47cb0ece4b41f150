//! The snapshot table of one option family: one row per case, every value
//! host-independent so that a snapshot is the same on any host of its OS.

use super::effective;
use crate::engine::Row;

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
    let body: Vec<[String; 7]> = rows
        .iter()
        .map(|r| {
            let c = &r.case;
            [
                c.option.name.to_string(),
                c.kind.to_string(),
                c.state.to_string(),
                c.path.to_string(),
                c.request.to_string(),
                effective(r),
                r.prediction.rule_id(),
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &body {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.len());
        }
    }
    let mut out = String::new();
    let mut line = |cells: &[&str]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        out.push_str(padded.join(" | ").trim_end());
        out.push('\n');
    };
    line(&header);
    for row in &body {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        line(&cells);
    }
    out
}
