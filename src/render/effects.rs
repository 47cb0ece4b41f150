//! Effects as text: one line per effect and kind.

use super::effective;
use crate::engine::effects::EffectRow;
use crate::engine::Checked;
use crate::outcome::Outcome;

fn cells(row: &EffectRow, numbers: bool) -> [String; 5] {
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
        row.effect.describe(),
        value,
        row.prediction.rule_id(),
    ]
}

const TITLES: [&str; 5] = ["effect", "kind", "what is done", "read", "rule"];

/// The width of each column but the last in the effects snapshot: a longer
/// cell overflows, so a new effect never moves the rows of the old ones.
pub const WIDTHS: [usize; 4] = [32, 14, 88, 24];

/// Aligned columns, the host's numbers beside symbolic values.
pub fn table(rows: &[EffectRow]) -> String {
    let mut table: Vec<Vec<String>> = vec![TITLES.map(String::from).to_vec()];
    table.extend(rows.iter().map(|r| cells(r, true).to_vec()));
    super::aligned_text(&table, " | ")
}

/// The effects snapshot: fixed columns ([`WIDTHS`]), host numbers left out.
pub fn snapshot(rows: &[EffectRow]) -> String {
    let mut table: Vec<Vec<String>> = vec![TITLES.map(String::from).to_vec()];
    table.extend(rows.iter().map(|r| cells(r, false).to_vec()));
    super::fixed(&table, &WIDTHS, " | ")
        .into_iter()
        .map(|l| l + "\n")
        .collect()
}

pub fn markdown(rows: &[EffectRow]) -> String {
    let mut out = format!("| {} |\n|---|---|---|---|---|\n", TITLES.join(" | "));
    for row in rows {
        out.push_str(&format!("| {} |\n", cells(row, true).join(" | ")));
    }
    out
}
