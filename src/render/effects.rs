//! Effects as text: one line per effect and kind.

use crate::effect::EffectRow;
use crate::host::Host;
use crate::outcome::Outcome;

/// The host-independent text of an effect's result.
pub fn effective(row: &EffectRow) -> String {
    if row.agrees() {
        row.prediction.expected.to_string()
    } else {
        format!("{} (model: {})", row.observed, row.prediction.expected)
    }
}

fn cells(row: &EffectRow, host: &Host, numbers: bool) -> [String; 5] {
    let mut value = effective(row);
    if numbers {
        if let Outcome::Ok(v) = &row.observed {
            let n = v.to_string();
            if row.agrees() && n != value {
                value = format!("{n} ({value})");
            }
        }
    }
    [
        row.effect.id.to_string(),
        row.kind.to_string(),
        row.effect.describe(host),
        value,
        row.prediction.rule_id(),
    ]
}

const TITLES: [&str; 5] = ["effect", "kind", "what is done", "read", "rule"];

/// Aligned columns; `numbers` adds the host's numbers beside symbolic values.
pub fn table(host: &Host, rows: &[EffectRow], numbers: bool) -> String {
    let body: Vec<[String; 5]> = rows.iter().map(|r| cells(r, host, numbers)).collect();
    let mut widths = TITLES.map(str::len);
    for row in &body {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |cells: [&str; 5]| {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        format!("{}\n", padded.join(" | ").trim_end())
    };
    let mut out = line(TITLES);
    for row in &body {
        out.push_str(&line([&row[0], &row[1], &row[2], &row[3], &row[4]]));
    }
    out
}

pub fn markdown(host: &Host, rows: &[EffectRow]) -> String {
    let mut out = format!("| {} |\n|---|---|---|---|---|\n", TITLES.join(" | "));
    for row in rows {
        out.push_str(&format!("| {} |\n", cells(row, host, true).join(" | ")));
    }
    out
}
