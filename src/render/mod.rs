//! Turns rows into text: the CLI's table and Markdown, the JSON report and
//! the snapshot tables. Values are written relative to host limits wherever
//! the model says they depend on them.

pub mod behaviour;
mod digest;
pub mod effects;
pub mod html;
mod json;
pub mod made;
pub mod paths;
mod text;

pub use digest::{colour_wanted, digest};
pub use html::html;
pub use json::json;
pub use text::{markdown, table};

use crate::api::Api;
use crate::engine::cases::Row;
use crate::engine::{Checked, Report};
use crate::kind::{Kind, State};

/// The effective value as host-independent text. When the observation
/// matches the model the model's expression names it (`2*wmem_max`);
/// otherwise the raw observation is shown beside the prediction, so a
/// snapshot can never hide a disagreement. For cases and effects alike.
pub fn effective(row: &impl Checked) -> String {
    let expected = &row.prediction().expected;
    if row.agrees() {
        expected.to_string()
    } else {
        format!("{} (model: {expected})", row.observed())
    }
}

/// A number and the expression it came from, when the expression says
/// more (`425984 (2*wmem_max)`); an address says all (its in_addr bits,
/// read as an int, mean nothing to a reader), as does a change that worked.
pub fn number_and_text(number: &str, text: &str) -> String {
    if text == number || text == crate::address::DONE.name || text.parse::<std::net::Ipv4Addr>().is_ok() {
        text.to_string()
    } else {
        format!("{number} ({text})")
    }
}

/// Lines of cells padded to fixed column widths and joined by `sep`,
/// trailing blanks trimmed: the layout of snapshot tables. A
/// longer cell overflows its column instead of widening it, so a snapshot
/// that gains a row with a long option name, kind or value keeps every old
/// row byte-identical.
pub fn fixed<S: AsRef<str>>(rows: &[Vec<S>], widths: &[usize], sep: &str) -> Vec<String> {
    rows.iter()
        .map(|row| {
            let padded: Vec<String> = row
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    let w = widths.get(i).copied().unwrap_or(0);
                    format!("{:<w$}", c.as_ref())
                })
                .collect();
            padded.join(sep).trim_end().to_string()
        })
        .collect()
}

/// `aligned`'s lines as one text, each ending in a newline.
pub fn aligned_text<S: AsRef<str>>(rows: &[Vec<S>], sep: &str) -> String {
    aligned(rows, sep).into_iter().map(|l| l + "\n").collect()
}

/// Rows as a Markdown table, the first row its header.
pub fn markdown_table(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        out.push_str(&format!("| {} |\n", row.join(" | ")));
        if i == 0 {
            out.push_str(&format!("|{}\n", "---|".repeat(row.len())));
        }
    }
    out
}

/// Lines of cells padded to each column's widest cell and joined by `sep`,
/// trailing blanks trimmed: the layout of every aligned table printed here.
pub fn aligned<S: AsRef<str>>(rows: &[Vec<S>], sep: &str) -> Vec<String> {
    let mut widths: Vec<usize> = Vec::new();
    for row in rows {
        widths.resize(widths.len().max(row.len()), 0);
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.as_ref().chars().count());
        }
    }
    rows.iter()
        .map(|row| {
            let padded: Vec<String> = row
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{:<w$}", c.as_ref()))
                .collect();
            padded.join(sep).trim_end().to_string()
        })
        .collect()
}

/// Rows of one option × kind × state, each request with its result per path.
pub struct Group<'a> {
    pub option: &'static str,
    pub kind: Kind,
    pub state: State,
    pub lines: Vec<Line<'a>>,
}

/// One request's rows, one per path that ran it (indexed as `Api::ALL`).
pub struct Line<'a> {
    pub requested: String,
    pub by_path: [Option<&'a Row>; Api::ALL.len()],
}

impl<'a> Line<'a> {
    /// The row of a path, if it ran the request.
    pub fn get(&self, api: Api) -> Option<&'a Row> {
        let i = Api::ALL.iter().position(|a| *a == api)?;
        self.by_path[i]
    }

    /// Every row, in path order.
    pub fn rows(&self) -> impl Iterator<Item = &'a Row> + '_ {
        self.by_path.iter().flatten().copied()
    }

    /// The first path's row (raw's where it ran).
    pub fn first(&self) -> Option<&'a Row> {
        self.rows().next()
    }
}

/// Groups rows, keeping their order (rows of one group are adjacent).
pub fn groups(rows: &[Row]) -> Vec<Group<'_>> {
    let mut out: Vec<Group> = Vec::new();
    for row in rows {
        let c = &row.case;
        let same = out
            .last()
            .is_some_and(|g| g.option == c.option.name && g.kind == c.kind && g.state == c.state);
        if !same {
            out.push(Group {
                option: c.option.name,
                kind: c.kind,
                state: c.state,
                lines: Vec::new(),
            });
        }
        let group = out.last_mut().expect("pushed above");
        let requested = c.request.to_string();
        let line = match group.lines.iter().position(|l| l.requested == requested) {
            Some(i) => &mut group.lines[i],
            None => {
                group.lines.push(Line {
                    requested,
                    by_path: [None; Api::ALL.len()],
                });
                group.lines.last_mut().expect("pushed above")
            }
        };
        if let Some(i) = Api::ALL.iter().position(|a| *a == c.api) {
            line.by_path[i] = Some(row);
        }
    }
    out
}

/// Host facts as `name = value` lines (shared by the table and Markdown).
fn host_lines(report: &Report) -> Vec<String> {
    let host = report.host;
    // Through a probe the platform's own label (freebsd-fstack), never the
    // OS it runs the code of.
    let os = match host.probe() {
        Some(_) => format!(
            "{} (the {} model at the release below)",
            host.os_label(),
            host.os()
        ),
        None => host.os().to_string(),
    };
    let mut lines = vec![
        format!("os = {os}"),
        format!("kernel = {}", host.kernel),
        format!("libraries = {}", crate::library::versions_line()),
    ];
    if !host.measured {
        lines.push(
            "measured = no: the model with its stock facts; nothing ran, every value is a prediction".into(),
        );
    }
    if let Some(probe) = host.probe() {
        lines.push(format!(
            "platform = {}: FreeBSD's kernel code run in user space through F-Stack, not a FreeBSD host; measured by {}",
            host.os_label(),
            probe.command().display()
        ));
        lines.push(format!(
            "socket2: not run ({})",
            crate::engine::fstack::NO_SOCKET2
        ));
        // Where each fact came from: the stack, or FreeBSD 13's stock value.
        lines.extend(
            host.limits()
                .iter()
                .map(|f| format!("{} = {} ({})", f.name, f.value, f.how.unwrap_or("-"))),
        );
    } else {
        lines.extend(host.limits().iter().map(|f| format!("{} = {}", f.name, f.value)));
    }
    lines.extend(
        host.calibrated()
            .iter()
            .map(|f| format!("{} = {} (calibrated: {})", f.name, f.value, f.how.unwrap_or("-"))),
    );
    lines.extend(
        report
            .unavailable
            .iter()
            .map(|(k, why)| format!("{k}: skipped, {why}")),
    );
    lines
}
