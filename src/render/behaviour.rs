//! Behaviours as tables (`sockmatrix behaviours`): each case on this host
//! (measured, with the model beside it where they differ) or on an OS's
//! model, with the rule; and the measured runs as snapshots.

use crate::behaviour::{self, Case, Group};
use crate::engine;
use crate::host::Host;
use crate::outcome::Outcome;
use std::collections::HashMap;

/// Whether the host runs the cases (a measured host of its own, not a
/// probe of another kernel).
pub fn runs_here(host: &Host) -> bool {
    host.measured && host.probe().is_none()
}

/// An outcome as a cell: the text itself, or the error's name.
pub fn outcome_text(o: &Outcome) -> String {
    match o {
        Outcome::Ok(v) => match v {
            crate::value::Value::Text(t) => t.clone(),
            v => v.to_string(),
        },
        Outcome::Err(e) => e.clone(),
        Outcome::NotRun(why) => format!("not run: {why}"),
    }
}

/// A report's behaviour row as a cell: what happened, and the model's
/// answer beside it where it differs (offline, the model's answer).
pub fn effective(row: &engine::behaviours::BehaviourRow) -> String {
    use crate::engine::Checked;
    let model = outcome_text(&row.prediction.expected.outcome());
    match row.agrees() {
        true => model,
        false => format!("{} (model: {model})", outcome_text(&row.observed)),
    }
}

/// Each case's cell on `host`, with its rule ids: measured here
/// (`engine::behaviours::run_group`, the full report's own run) where the
/// host runs the group, else the model's answer.
fn cells(host: &Host, group: Group) -> HashMap<Case, (String, String)> {
    let run = match runs_here(host) && group.runs_here() {
        true => engine::behaviours::run_group(host, group),
        false => engine::behaviours::modelled_group(host, group),
    };
    run.rows
        .into_iter()
        .map(|row| {
            let cell = (effective(&row), row.prediction.rule_id());
            (row.case, cell)
        })
        .collect()
}

fn place(host: &Host) -> String {
    match runs_here(host) {
        true => format!("{} (here)", host.os_label()),
        false => format!("{} (model)", host.os_label()),
    }
}

/// The rows: the case, then per host its outcome; `rules_in_cell` makes
/// the outcome's cell of the rule ids (the terminal table gives them a
/// column of their own instead: `None`). A case no host answers is left
/// out.
fn rows(hosts: &[Host], group: Group, rules_in_cell: Option<fn(&str) -> String>) -> Vec<Vec<String>> {
    let mut header: Vec<String> = [format!("{} case", group.name())]
        .into_iter()
        .chain(hosts.iter().map(place))
        .collect();
    if rules_in_cell.is_none() {
        header.push("rules".to_string());
    }
    let mut rows = vec![header];
    let per_host: Vec<_> = hosts.iter().map(|h| cells(h, group)).collect();
    for case in behaviour::cases(group) {
        let cells: Vec<Option<&(String, String)>> = per_host.iter().map(|c| c.get(&case)).collect();
        if cells.iter().all(Option::is_none) {
            continue;
        }
        let mut row = vec![case.to_string()];
        let mut all_rules = Vec::new();
        for c in cells {
            let (text, rules) = c.cloned().unwrap_or_else(|| ("-".into(), "-".into()));
            match rules_in_cell {
                Some(sub) => row.push(format!("{text} {}", sub(&rules))),
                None => row.push(text),
            }
            all_rules.push(rules);
        }
        if rules_in_cell.is_none() {
            row.push(all_rules.join(" · "));
        }
        rows.push(row);
    }
    rows
}

/// The cases aligned for a terminal, with the rules' reasons below.
pub fn table(hosts: &[Host], groups: &[Group]) -> String {
    let mut out = String::new();
    let mut seen = Vec::new();
    let mut reasons = String::new();
    for &group in groups {
        out.push_str(&super::aligned_text(&rows(hosts, group, None), "  "));
        out.push('\n');
        for host in hosts {
            for rule in engine::behaviours::group_rules(host.platform(), group) {
                if !seen.contains(&rule.id) {
                    seen.push(rule.id);
                    reasons.push_str(&format!("  {}: {} ({})\n", rule.id, rule.why, rule.source));
                }
            }
        }
    }
    out.push_str("rules:\n");
    out.push_str(&reasons);
    out
}

/// The cases in Markdown, a table per group.
pub fn markdown(hosts: &[Host], groups: &[Group]) -> String {
    let tables: Vec<String> = groups
        .iter()
        .map(|&group| {
            super::markdown_table(&rows(
                hosts,
                group,
                Some(|rules| format!("<sub>{}</sub>", rules.replace('+', " + "))),
            ))
        })
        .collect();
    tables.join("\n")
}

/// A measured run as a snapshot: each case's cells, what happened, and the
/// rule; rows whose outcome follows a host fact are left out
/// (`Case::stored`: checked against the model, not stored).
pub fn snapshot(platform: &dyn crate::platform::Platform, observed: &[(Case, Outcome, String)]) -> String {
    let rows: Vec<Vec<String>> = observed
        .iter()
        .filter(|(case, _, _)| engine::behaviours::stored(case, platform))
        .map(|(case, outcome, rule)| {
            let mut row = case.columns();
            row.push(outcome_text(outcome));
            row.push(rule.clone());
            row
        })
        .collect();
    super::aligned_text(&rows, "  ")
}
