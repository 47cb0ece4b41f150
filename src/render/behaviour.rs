//! Behaviours as tables (`sockmatrix behaviours`): each dual-stack case on
//! this host (measured, with the model beside it where they differ) or on
//! an OS's model, with the rule.

use crate::behaviour::{self, DualStack};
use crate::host::Host;
use crate::outcome::Outcome;
use crate::prediction::Prediction;

/// The model's prediction for the case on `host`, if its platform has a
/// dual-stack model.
pub fn predicted(host: &Host, case: &DualStack) -> Option<Prediction> {
    host.platform()
        .dual_stack()
        .map(|model| behaviour::predict(&model, case))
}

/// Whether the host runs the cases (a measured host of its own, not a
/// probe of another kernel).
pub fn runs_here(host: &Host) -> bool {
    host.measured && host.probe().is_none()
}

fn outcome_text(o: &Outcome) -> String {
    match o {
        Outcome::Ok(v) => match v {
            crate::value::Value::Text(t) => t.clone(),
            v => v.to_string(),
        },
        Outcome::Err(e) => e.clone(),
        Outcome::NotRun(why) => format!("not run: {why}"),
    }
}

/// One cell: the outcome here (and the model's where it differs), or the
/// model's; with the rule ids.
fn cell(host: &Host, case: &DualStack) -> (String, String) {
    let Some(p) = predicted(host, case) else {
        return ("no model".into(), "-".into());
    };
    let rules: Vec<&str> = p.rules.iter().map(|r| r.id).collect();
    let model = outcome_text(&p.expected.outcome());
    if !runs_here(host) {
        return (model, rules.join("+"));
    }
    let seen = outcome_text(&behaviour::observe::dual_stack(case));
    let text = match seen == model {
        true => seen,
        false => format!("{seen} (model: {model})"),
    };
    (text, rules.join("+"))
}

fn place(host: &Host) -> String {
    match runs_here(host) {
        true => format!("{} (here)", host.os_label()),
        false => format!("{} (model)", host.os_label()),
    }
}

/// The rows: the case, then per host its outcome; `rules` makes the
/// outcome's cell of the rule ids (the terminal table gives them a column
/// of their own instead: `None`).
fn rows(hosts: &[Host], rules_in_cell: Option<fn(&str) -> String>) -> Vec<Vec<String>> {
    let mut header: Vec<String> = ["case"]
        .into_iter()
        .map(String::from)
        .chain(hosts.iter().map(place))
        .collect();
    if rules_in_cell.is_none() {
        header.push("rules".to_string());
    }
    let mut rows = vec![header];
    for case in behaviour::dual_stack_cases() {
        let mut row = vec![case.to_string()];
        let mut all_rules = Vec::new();
        for host in hosts {
            let (text, rules) = cell(host, &case);
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
pub fn table(hosts: &[Host]) -> String {
    let mut out = super::aligned_text(&rows(hosts, None), "  ");
    out.push_str("\nrules:\n");
    let mut seen = Vec::new();
    for host in hosts {
        for rule in host
            .platform()
            .dual_stack()
            .map(|m| behaviour::rules(&m))
            .unwrap_or_default()
        {
            if !seen.contains(&rule.id) {
                seen.push(rule.id);
                out.push_str(&format!("  {}: {} ({})\n", rule.id, rule.why, rule.source));
            }
        }
    }
    out
}

/// The cases in Markdown.
pub fn markdown(hosts: &[Host]) -> String {
    let rows = rows(
        hosts,
        Some(|rules| format!("<sub>{}</sub>", rules.replace('+', " + "))),
    );
    super::markdown_table(&rows)
}

/// A measured run as a snapshot: each case with an explicit IPV6_V6ONLY,
/// what happened, and the rule (the default's rows depend on a host fact on
/// Linux, net.ipv6.bindv6only: checked against the model, not stored).
pub fn snapshot(observed: &[(DualStack, Outcome, String)]) -> String {
    let rows: Vec<Vec<String>> = observed
        .iter()
        .filter(|(case, _, _)| case.v6only != behaviour::V6only::Default)
        .map(|(case, outcome, rule)| vec![case.to_string(), outcome_text(outcome), rule.clone()])
        .collect();
    super::aligned_text(&rows, "  ")
}
