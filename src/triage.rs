//! `sockmatrix triage REPORT.json`: a run's model disagreements, grouped by
//! the rule that predicted them, each with the rule's why and source, so a
//! maintainer who has a report from a real macOS, FreeBSD or Windows run
//! fixes the model from one listing.

use crate::engine::{Summary, Verdict};
use crate::platform::Platform;
use crate::rule::Rule;
use serde_json::Value;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// One disagreeing case, as the report has it.
#[derive(Debug, Clone)]
pub struct Case {
    pub what: String,
    pub observed: String,
    pub predicted: String,
}

/// The disagreements of one rule.
#[derive(Debug)]
pub struct Group {
    pub rule: String,
    pub known: Option<&'static Rule>,
    pub cases: Vec<Case>,
}

#[derive(Debug)]
pub struct Report {
    pub os: String,
    /// The report's counts, as `run` counted them.
    pub summary: Summary,
    pub groups: Vec<Group>,
}

/// Every rule of every platform's model, by id.
fn rules() -> BTreeMap<&'static str, &'static Rule> {
    use crate::platform::{freebsd::FreeBsd, linux::Linux, macos::MacOs, windows::Windows};
    let mut platforms: Vec<Box<dyn Platform>> = Vec::new();
    platforms.extend(
        Linux::offline(None)
            .ok()
            .map(|p| Box::new(p) as Box<dyn Platform>),
    );
    platforms.extend(
        MacOs::offline(None)
            .ok()
            .map(|p| Box::new(p) as Box<dyn Platform>),
    );
    platforms.extend(
        FreeBsd::offline(None)
            .ok()
            .map(|p| Box::new(p) as Box<dyn Platform>),
    );
    platforms.extend(
        Windows::offline(None)
            .ok()
            .map(|p| Box::new(p) as Box<dyn Platform>),
    );
    let mut all: Vec<&'static Rule> = crate::library::rules().collect();
    all.extend(crate::platform::wine::rules());
    for p in &platforms {
        all.extend(p.rules());
    }
    all.into_iter().map(|r| (r.id, r)).collect()
}

fn text(v: &Value) -> String {
    match v {
        Value::Object(m) => m
            .iter()
            .map(|(k, v)| match v {
                Value::String(s) if k == "err" || k == "not_run" => s.clone(),
                other => other.to_string(),
            })
            .collect::<Vec<_>>()
            .join(" "),
        Value::Null => "-".into(),
        other => other.to_string(),
    }
}

/// A case or effect that ran and said something else than the model (one
/// that could not run is written `"agrees": false` too).
fn disagrees(c: &Value) -> bool {
    c["agrees"] == Value::Bool(false) && !ran_not(c)
}

fn ran_not(c: &Value) -> bool {
    c["observed"].get("not_run").is_some()
}

/// The report's counts, for the summary's verdict. Skipped kinds are not
/// counted: the report's list mixes kinds the OS lacks with kinds the
/// environment kept from running.
fn summary(report: &Value, cases: &[Value], effects: &[Value], behaviours: &[Value]) -> Summary {
    let count = |list: &[Value], keep: fn(&Value) -> bool| list.iter().filter(|c| keep(c)).count();
    Summary {
        cases: cases.len(),
        disagreements: count(cases, disagrees),
        divergences: report["summary"]["divergences"].as_u64().unwrap_or(0) as usize,
        not_run: count(cases, ran_not),
        measured: report["host"]["measured"] != Value::Bool(false),
        effects: effects.len(),
        effect_disagreements: count(effects, disagrees),
        effects_not_run: count(effects, ran_not),
        behaviours: behaviours.len(),
        behaviour_disagreements: count(behaviours, disagrees),
        behaviours_not_run: count(behaviours, ran_not),
        capacities: count(cases, |c| !c["capacity"].is_null()),
        capacity_predicted: count(cases, |c| c["capacity"]["agrees"].is_boolean()),
        capacity_disagreements: count(cases, |c| c["capacity"]["agrees"] == Value::Bool(false)),
        skipped_kinds: 0,
    }
}

/// Reads a JSON report and groups its disagreements by rule.
pub fn read(path: &Path) -> Result<Report, String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let report: Value = serde_json::from_str(&raw)
        .map_err(|e| format!("{} is not a sockmatrix JSON report: {e}", path.display()))?;
    let cases = report["cases"]
        .as_array()
        .ok_or_else(|| format!("{} has no \"cases\" array", path.display()))?;
    let known = rules();
    let mut groups: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    for c in cases {
        // A case's capacity probe disagrees on its own (run exits 1 for it).
        let cap = &c["capacity"];
        if cap["agrees"] == Value::Bool(false) {
            let field = |k: &str| c[k].as_str().unwrap_or("?").to_string();
            groups
                .entry(cap["rule"].as_str().unwrap_or("?").to_string())
                .or_default()
                .push(Case {
                    what: format!(
                        "capacity of {} {} requested {}",
                        field("option"),
                        field("kind"),
                        field("requested_text")
                    ),
                    observed: text(&cap["measured"]),
                    predicted: text(&cap["predicted"]),
                });
        }
        if !disagrees(c) {
            continue;
        }
        // The OS's rule is the last of the chain (socket2's come first).
        let chain = c["rule"].as_str().unwrap_or("?");
        let rule = chain.rsplit('+').next().unwrap_or(chain).to_string();
        let field = |k: &str| c[k].as_str().unwrap_or("?").to_string();
        groups.entry(rule).or_default().push(Case {
            what: format!(
                "{} {} {} {} {}",
                field("option"),
                field("kind"),
                field("state"),
                field("path"),
                field("requested_text")
            ),
            observed: text(&c["observed"]),
            predicted: text(&c["predicted"]),
        });
    }
    // Effects disagree as cases do, and make `run` exit 1 as they do.
    let effects = report["effects"].as_array().map_or(&[][..], |e| e.as_slice());
    for e in effects.iter().filter(|e| disagrees(e)) {
        let field = |k: &str| e[k].as_str().unwrap_or("?").to_string();
        groups.entry(field("rule")).or_default().push(Case {
            what: format!(
                "effect {} on {}: {}",
                field("effect"),
                field("kind"),
                field("what")
            ),
            observed: text(&e["observed"]),
            predicted: text(&e["predicted"]),
        });
    }
    // Behaviours too: the rule of the step that decided comes last.
    let behaviours = report["behaviours"].as_array().map_or(&[][..], |b| b.as_slice());
    for b in behaviours.iter().filter(|b| disagrees(b)) {
        let field = |k: &str| b[k].as_str().unwrap_or("?").to_string();
        let chain = field("rule");
        let rule = chain.rsplit('+').next().unwrap_or(&chain).to_string();
        groups.entry(rule).or_default().push(Case {
            what: format!("{} behaviour: {}", field("group"), field("case")),
            observed: text(&b["observed"]),
            predicted: text(&b["predicted"]),
        });
    }
    let mut groups: Vec<Group> = groups
        .into_iter()
        .map(|(rule, cases)| Group {
            known: known.get(rule.as_str()).copied(),
            rule,
            cases,
        })
        .collect();
    groups.sort_by(|a, b| b.cases.len().cmp(&a.cases.len()).then(a.rule.cmp(&b.rule)));
    Ok(Report {
        os: report["host"]["os"].as_str().unwrap_or("?").to_string(),
        summary: summary(&report, cases, effects, behaviours),
        groups,
    })
}

impl Report {
    /// What `run` said of the report: its exit status.
    pub fn verdict(&self) -> Verdict {
        self.summary.verdict()
    }

    pub fn text(&self) -> String {
        let disagreeing: usize = self.groups.iter().map(|g| g.cases.len()).sum();
        let mut out = format!(
            "{}: {disagreeing} of {} cases disagree with the model, under {} rules\n",
            self.os,
            self.summary.cases,
            self.groups.len()
        );
        for g in &self.groups {
            let _ = writeln!(out, "\n{} ({} cases)", g.rule, g.cases.len());
            match g.known {
                Some(r) => {
                    let _ = writeln!(out, "  rule:   {}", r.formula);
                    let _ = writeln!(out, "  why:    {}", r.why);
                    let _ = writeln!(out, "  source: {}", r.source);
                }
                None => {
                    let _ = writeln!(out, "  (no rule of that id in this build's models)");
                }
            }
            for c in g.cases.iter().take(12) {
                let _ = writeln!(
                    out,
                    "  {}: observed {}, predicted {}",
                    c.what, c.observed, c.predicted
                );
            }
            if g.cases.len() > 12 {
                let _ = writeln!(out, "  ... and {} more", g.cases.len() - 12);
            }
        }
        out
    }
}
