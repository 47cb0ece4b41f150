//! The CLI's human-readable reports: an aligned table or Markdown, grouped
//! by option × kind × state, each group headed by the OS's rule with this
//! host's numbers.

use super::{groups, host_lines, Group, Line};
use crate::api::Api;
use crate::engine::cases::Row;
use crate::engine::{Checked, Report};
use crate::rule::Rule;

/// What a cell shows: the number, and the expression when it says more.
fn cell(row: Option<&Row>) -> String {
    let Some(row) = row else {
        return "-".into();
    };
    let text = super::effective(row);
    let number = row.observed.to_string();
    let mark = if row.agrees() { "" } else { " !!" };
    if row.agrees() {
        super::number_and_text(&number, &text)
    } else {
        format!("{text}{mark}")
    }
}

/// The capacity beside a line (the raw path's, which every request it
/// measured went through), or nothing.
fn capacity_cell(line: &Line) -> Option<String> {
    line.first()?.capacity.as_ref().map(|c| c.to_string())
}

fn rule_cell(line: &Line) -> String {
    let ids: Vec<(Api, String)> = line
        .rows()
        .map(|r| (r.case.api, r.prediction.rule_id()))
        .collect();
    match ids.first() {
        None => String::new(),
        Some((_, first)) if ids.iter().all(|(_, id)| id == first) => first.clone(),
        Some(_) => ids
            .iter()
            .map(|(api, id)| format!("{api}: {id}"))
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn rules_of<'a>(line: &Line<'a>) -> Vec<&'static Rule> {
    let mut out: Vec<&'static Rule> = Vec::new();
    for row in line.rows() {
        for rule in &row.prediction.rules {
            if !out.contains(rule) {
                out.push(rule);
            }
        }
    }
    out
}

fn header(group: &Group, report: &Report) -> String {
    let first = group
        .lines
        .iter()
        .find_map(Line::first)
        .expect("a group has at least one row");
    format!(
        "{} · {} · {}: {}",
        group.option,
        group.kind,
        group.state,
        report.formula(first.case.option, first.case.kind, first.case.state)
    )
}

/// The summary sentence with the capacity beside it.
fn summary_line(report: &Report) -> String {
    let s = report.summary();
    format!("{s}{}", s.capacity().unwrap_or_default())
}

/// An aligned plain-text report. With `explain`, each line is followed by
/// the why and the source of every rule it used.
pub fn table(report: &Report, explain: bool) -> String {
    let mut out = String::from("host\n");
    for l in host_lines(report) {
        out.push_str(&format!("  {l}\n"));
    }
    for group in groups(&report.rows) {
        out.push_str(&format!("\n{}\n", header(&group, report)));
        let with_capacity = group.lines.iter().any(|l| capacity_cell(l).is_some());
        let mut titles = vec!["requested".to_string()];
        titles.extend(Api::ALL.iter().map(|a| a.to_string()));
        titles.push("rule".into());
        let mut table: Vec<Vec<String>> = vec![titles];
        table.extend(group.lines.iter().map(|l| {
            let rule = match (with_capacity, capacity_cell(l)) {
                (true, Some(c)) => format!("{}  | capacity: {c}", rule_cell(l)),
                _ => rule_cell(l),
            };
            let mut cells = vec![l.requested.clone()];
            cells.extend(Api::ALL.iter().map(|a| cell(l.get(*a))));
            cells.push(rule);
            cells
        }));
        let lines = super::aligned(&table, "  ");
        out.push_str(&format!("  {}\n", lines[0]));
        for (text, line) in lines[1..].iter().zip(&group.lines) {
            out.push_str(&format!("  {text}\n"));
            if explain {
                for rule in rules_of(line) {
                    out.push_str(&format!("      {}: {} ({})\n", rule.id, rule.why, rule.source));
                }
            }
        }
    }
    if !report.effects.is_empty() {
        out.push_str("\neffects: one option changing another, and what survives connect and accept\n");
        out.push_str(&super::effects::table(&report.effects));
    }
    out.push_str(&format!("\nsummary: {}\n", summary_line(report)));
    out
}

/// The same report as Markdown, for CI step summaries and the README.
pub fn markdown(report: &Report, explain: bool) -> String {
    let mut out = String::from("## Host\n\n");
    for l in host_lines(report) {
        out.push_str(&format!("- `{l}`\n"));
    }
    for group in groups(&report.rows) {
        out.push_str(&format!(
            "\n### {}\n\n",
            header(&group, report).replacen(": ", "\n\n`", 1) + "`"
        ));
        let paths: Vec<&str> = Api::ALL.iter().map(|a| a.name()).collect();
        out.push_str(&format!(
            "| requested | {} | rule | capacity |\n|---|{}---|---|\n",
            paths.join(" | "),
            "---|".repeat(paths.len())
        ));
        for line in &group.lines {
            let cells: Vec<String> = Api::ALL.iter().map(|a| cell(line.get(*a))).collect();
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                line.requested,
                cells.join(" | "),
                rule_cell(line),
                capacity_cell(line).unwrap_or_default()
            ));
            if explain {
                for rule in rules_of(line) {
                    out.push_str(&format!(
                        "{}| `{}`: {} ({}) |\n",
                        "| ".repeat(1 + paths.len()),
                        rule.id,
                        rule.why,
                        rule.source
                    ));
                }
            }
        }
    }
    if !report.effects.is_empty() {
        out.push_str("\n### Effects\n\n");
        out.push_str(&super::effects::markdown(&report.effects));
    }
    out.push_str(&format!("\n**Summary:** {}\n", summary_line(report)));
    out
}
