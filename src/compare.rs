//! `sockmatrix compare`: every committed snapshot side by side, so one line
//! shows what the same request becomes on each OS.

use crate::engine;
use crate::host::Host;
use crate::matrix::{self, Requests};
use crate::os::Os;
use crate::render;
use crate::snapshot::{self, Entry};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// What identifies a case across OSes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub option: String,
    pub kind: String,
    pub state: String,
    pub path: String,
    pub requested: String,
    /// Position in the snapshot, so ladders keep their order.
    order: usize,
}

/// Narrows the comparison.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub option: Option<String>,
    pub kind: Option<String>,
    pub state: Option<String>,
    pub path: Option<String>,
}

impl Filter {
    fn keeps(&self, k: &Key) -> bool {
        let eq =
            |want: &Option<String>, have: &str| want.as_ref().is_none_or(|w| w.eq_ignore_ascii_case(have));
        eq(&self.option, &k.option)
            && eq(&self.kind, &k.kind)
            && eq(&self.state, &k.state)
            && eq(&self.path, &k.path)
    }
}

/// A committed row as this table keys it.
fn key(e: &Entry) -> Key {
    Key {
        option: e.option.clone(),
        kind: e.kind.clone(),
        state: e.state.clone(),
        path: e.path.clone(),
        requested: e.requested.clone(),
        order: e.order,
    }
}

/// One OS's result for a case: the effective value and the rule, if the OS
/// has the case at all.
pub type Cell = Option<(String, String)>;

/// The comparison: one line per case, one column per OS snapshot.
pub struct Table {
    pub oses: Vec<String>,
    pub lines: Vec<(Key, Vec<Cell>)>,
}

type CaseId = (String, String, String, String, String);

/// Where a row only a model has sorts: after the measured ones.
const MODEL_ORDER: usize = usize::MAX / 2;

/// The column label of an OS known only by its model.
pub fn model_label(os: Os) -> String {
    format!("{os} (model)")
}

/// Rows for every modelled OS that has no committed snapshot of its own:
/// the offline model's predictions, in columns marked as model. They are
/// computed here and never written to `snapshots/`.
/// `committed` is every row of the snapshots, whose OSes need no model.
fn model_entries(committed: &[Entry], filter: &Filter) -> Result<Vec<Entry>, String> {
    let mut entries = Vec::new();
    for os in Os::MODELLED {
        if committed.iter().any(|e| e.os == os.name()) {
            continue;
        }
        let host = Host::offline(os, None).map_err(|e| e.to_string())?;
        let cases = matrix::cases(&host, &matrix::Filter::default(), &Requests::Ladder);
        for (order, row) in engine::cases::run_all(&cases, &host).into_iter().enumerate() {
            let c = &row.case;
            let entry = Entry {
                os: model_label(os),
                option: c.option.name.to_string(),
                kind: c.kind.to_string(),
                state: c.state.to_string(),
                path: c.api.to_string(),
                requested: c.request.to_string(),
                effective: render::effective(&row),
                rule: row.prediction.rule_id(),
                // After every measured row of the same case group: a model's
                // own numbering depends on what this target can express
                // (32-bit targets have fewer socket2 rungs), a snapshot's not.
                order: MODEL_ORDER + order,
            };
            if filter.keeps(&key(&entry)) {
                entries.push(entry);
            }
        }
    }
    Ok(entries)
}

impl Table {
    /// The committed snapshots under `dir`, with model columns for the OSes
    /// that have none.
    pub fn build(dir: &Path, filter: &Filter) -> Result<Table, String> {
        let committed = snapshot::read_dir(dir)?;
        let models = model_entries(&committed, filter)?;
        let mut rows: Vec<Entry> = committed.into_iter().filter(|e| filter.keeps(&key(e))).collect();
        rows.extend(models);
        let mut oses: Vec<String> = rows.iter().map(|r| r.os.clone()).collect();
        // Measured columns first, then the models.
        oses.sort_by_key(|o| (o.ends_with("(model)"), o.clone()));
        oses.dedup();
        // The first time a case is seen fixes its place.
        let mut lines: BTreeMap<CaseId, (Key, Vec<Cell>)> = BTreeMap::new();
        for r in rows {
            let k = &key(&r);
            let id = (
                k.option.clone(),
                k.kind.clone(),
                k.state.clone(),
                k.path.clone(),
                k.requested.clone(),
            );
            let column = oses.iter().position(|o| *o == r.os).expect("collected above");
            let entry = lines
                .entry(id)
                .or_insert_with(|| (k.clone(), vec![None; oses.len()]));
            entry.1[column] = Some((r.effective, r.rule));
        }
        let mut lines: Vec<_> = lines.into_values().collect();
        lines.sort_by(|a, b| {
            (&a.0.option, &a.0.kind, &a.0.state, &a.0.path, a.0.order).cmp(&(
                &b.0.option,
                &b.0.kind,
                &b.0.state,
                &b.0.path,
                b.0.order,
            ))
        });
        Ok(Table { oses, lines })
    }

    /// Whether the OSes that have the case disagree on it.
    fn differs(cells: &[Cell]) -> bool {
        let mut seen = cells.iter().flatten().map(|(v, _)| v);
        let first = seen.next();
        seen.any(|v| Some(v) != first)
    }

    pub fn markdown(&self) -> String {
        let mut out = format!(
            "| option | kind | state | path | requested | {} | |\n",
            self.oses.join(" | ")
        );
        out.push_str(&format!("|{}\n", "---|".repeat(6 + self.oses.len())));
        for (k, cells) in &self.lines {
            let values: Vec<String> = cells
                .iter()
                .map(|c| {
                    c.as_ref()
                        .map_or("–".into(), |(v, rule)| format!("{v} <sub>{rule}</sub>"))
                })
                .collect();
            let mark = if Self::differs(cells) { "≠" } else { "" };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {mark} |",
                k.option,
                k.kind,
                k.state,
                k.path,
                k.requested,
                values.join(" | ")
            );
        }
        out
    }

    pub fn text(&self) -> String {
        let mut out = String::new();
        for (k, cells) in &self.lines {
            let mark = if Self::differs(cells) { "≠ " } else { "  " };
            let _ = writeln!(
                out,
                "{mark}{} {} {} {} {}",
                k.option, k.kind, k.state, k.path, k.requested
            );
            for (os, cell) in self.oses.iter().zip(cells) {
                if let Some((v, rule)) = cell {
                    let _ = writeln!(out, "      {os:<28} {v}  [{rule}]");
                }
            }
        }
        let differing = self.lines.iter().filter(|(_, c)| Self::differs(c)).count();
        let _ = writeln!(
            out,
            "\n{} cases across {} snapshots ({}); {differing} differ between them",
            self.lines.len(),
            self.oses.len(),
            self.oses.join(", ")
        );
        out
    }
}
