//! The default report: the host facts, then one line per option and kind
//! (the rule as a formula, the default, and what surprises), grouped by
//! family, then the summary. `--all` prints every case instead.

use super::host_lines;
use crate::api::Api;
use crate::case::Request;
use crate::engine::cases::Row;
use crate::engine::{Checked, Report};
use crate::kind::{Kind, State};
use crate::option::{Family, Type};
use crate::outcome::Outcome;
use crate::value::{RelativeValue, Value};
use std::collections::BTreeSet;
use std::io::IsTerminal;

/// Colour only on a terminal, and never with NO_COLOR set.
pub fn colour_wanted() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

struct Paint(bool);

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.0 {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }
    fn bold(&self, t: &str) -> String {
        self.wrap("1", t)
    }
    fn surprise(&self, t: &str) -> String {
        self.wrap("33", t)
    }
    fn bad(&self, t: &str) -> String {
        self.wrap("1;31", t)
    }
}

/// What one set did to the number asked for.
fn change(ty: Type, asked: i128, got: &Outcome) -> Option<String> {
    let Outcome::Ok(Value::Int(got)) = got else {
        return None;
    };
    let got = *got;
    Some(match ty {
        _ if got == asked => return None,
        // A change (a membership, an ioctl) that worked reads `ok`, not the
        // number asked for.
        ty if crate::call::raw::is_change(ty) => return None,
        Type::Bool if asked != 0 && asked & 0xff == 0 && got == 0 => "low byte only".into(),
        Type::Bool if asked != 0 && got == 1 => "non-zero reads 1".into(),
        Type::Bool => format!("reads back {got}"),
        _ if asked > 0 && got == 2 * asked => "doubled".into(),
        _ if asked >= 0 && got < asked => "clamped".into(),
        _ if got > asked => "raised".into(),
        _ => "changed".into(),
    })
}

/// The surprises of one option on one kind, across states and paths.
fn surprises(rows: &[&Row]) -> (Vec<String>, Vec<String>) {
    let mut found: BTreeSet<String> = BTreeSet::new();
    let mut refused: BTreeSet<String> = BTreeSet::new();
    for r in rows {
        // A library's trap, on a set or on a default read alike.
        for hazard in r
            .prediction
            .rules
            .iter()
            .filter_map(|rule| crate::library::hazard(rule))
        {
            found.insert(format!("hazard ({}): {hazard}", r.case.api));
        }
        let Request::Set(v) = &r.case.request else {
            continue;
        };
        // What a library's conversion did (a usize truncated to 0, say) is
        // "<library> converts", not something the OS clamped or raised: the
        // OS's own answer to the same int shows on the raw path.
        let converted = r
            .prediction
            .rules
            .iter()
            .any(|rule| crate::library::is_path_rule(rule));
        if converted {
            found.insert(format!("{} converts", r.case.api));
        }
        // A library's own refusal (rustix's EINVAL before any syscall) is
        // its conversion, not the OS refusing.
        let library_refused = r
            .prediction
            .rules
            .last()
            .is_some_and(|rule| crate::library::is_path_rule(rule));
        match (&r.observed, v) {
            (Outcome::Err(_), _) if library_refused => {}
            (Outcome::Err(e), _) => {
                refused.insert(e.clone());
            }
            _ if converted => {}
            (got, RelativeValue::Int(asked)) => {
                found.extend(change(r.case.option.ty, asked.value(), got));
            }
            // A change (a membership) that worked reads `ok`: nothing to compare.
            (Outcome::Ok(_), _) if crate::call::raw::is_change(r.case.option.ty) => {}
            (Outcome::Ok(got), asked) if *got != asked.value() => {
                found.insert("changed".into());
            }
            _ => {}
        }
    }
    // The same request answered differently through a library and the raw
    // call, or in two states.
    let answer = |api: Api, state: State, request: &Request| {
        rows.iter()
            .find(|r| r.case.api == api && r.case.state == state && r.case.request == *request)
            .map(|r| r.answer())
    };
    for r in rows {
        // A library's answer beside the raw call's for the same request.
        let raw = match r.case.api {
            Api::Raw => None,
            _ => answer(Api::Raw, r.case.state, &r.case.request),
        };
        if raw.is_some_and(|o| o != r.answer()) {
            found.insert("differs by path".into());
        }
        if r.case.state != State::Fresh
            && answer(r.case.api, State::Fresh, &r.case.request).is_some_and(|o| o != r.answer())
        {
            found.insert("differs by state".into());
        }
    }
    (found.into_iter().collect(), refused.into_iter().collect())
}

/// One line for an option on a kind.
fn line(report: &Report, rows: &[&Row], paint: &Paint) -> Vec<String> {
    let first = rows[0];
    let option = first.case.option;
    let kind = first.case.kind;
    let default = rows
        .iter()
        .find(|r| r.case.state == State::Fresh && r.case.request == Request::Default)
        .map_or("-".to_string(), |r| match (&r.observed, super::effective(*r)) {
            (Outcome::Ok(v), text) => super::number_and_text(&v.to_string(), &text),
            (_, text) => text,
        });
    let (found, refused) = surprises(rows);
    let mut notes: Vec<String> = found.iter().map(|s| paint.surprise(s)).collect();
    if !refused.is_empty() {
        notes.push(paint.surprise(&format!("refused: {}", refused.join(", "))));
    }
    let disagree = rows.iter().filter(|r| r.disagrees()).count();
    if disagree > 0 {
        notes.push(paint.bad(&format!("{disagree} disagree with the model")));
    }
    let not_run = rows.iter().filter(|r| r.not_run().is_some()).count();
    if not_run > 0 {
        notes.push(paint.bad(&format!("{not_run} could not run")));
    }
    if notes.is_empty() {
        notes.push("as set".into());
    }
    vec![
        format!("  {}", option.name),
        kind.to_string(),
        format!("default {default}"),
        report.formula(option, kind, State::Fresh).to_string(),
        notes.join(", "),
    ]
}

/// The digest. `colour` adds terminal colours.
pub fn digest(report: &Report, colour: bool) -> String {
    let paint = Paint(colour);
    let rows = &report.rows;
    let mut out = paint.bold("host") + "\n";
    for l in host_lines(report) {
        out.push_str(&format!("  {l}\n"));
    }
    for family in Family::ALL {
        let mut table: Vec<Vec<String>> = Vec::new();
        let mut seen: Vec<(crate::option::Opt, Kind)> = Vec::new();
        for r in rows.iter().filter(|r| r.case.option.family() == family) {
            let key = (r.case.option.id, r.case.kind);
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            let group: Vec<&Row> = rows
                .iter()
                .filter(|o| o.case.option.id == key.0 && o.case.kind == key.1)
                .collect();
            table.push(line(report, &group, &paint));
        }
        if table.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{}\n", paint.bold(family.name())));
        out.push_str(&super::aligned_text(&table, "  "));
    }
    out.push_str(&what_it_does(report, &paint));
    let summary = report.summary();
    out.push_str(&format!(
        "\n{}: {summary}\nevery case: --all; every case as data: --format json\n",
        paint.bold("summary")
    ));
    out
}

/// What options do: each group's count, then the headline cases
/// (`behaviour::headlines`) this report answers, as measured (the model's
/// beside it where they differ) or modelled, with the rule.
fn what_it_does(report: &Report, paint: &Paint) -> String {
    if report.behaviours.is_empty() {
        return String::new();
    }
    let mut out = format!("\n{}\n", paint.bold("what it does (sockmatrix behaviours)"));
    let mut counts = Vec::new();
    for group in crate::behaviour::Group::ALL {
        let rows: Vec<_> = report
            .behaviours
            .iter()
            .filter(|b| b.case.group() == group)
            .collect();
        let disagree = rows.iter().filter(|b| b.disagrees()).count();
        let verdict = match (report.host.measured, disagree) {
            (false, _) => "modelled".to_string(),
            (true, 0) => "all as the model says".to_string(),
            (true, n) => paint.bad(&format!("{n} disagree with the model")),
        };
        counts.push(vec![
            format!("  {}", group.name()),
            format!("{} cases", rows.len()),
            verdict,
        ]);
    }
    out.push_str(&super::aligned_text(&counts, "  "));
    let mut lines = Vec::new();
    for case in crate::behaviour::headlines() {
        if let Some(row) = report.behaviours.iter().find(|b| b.case == case) {
            lines.push(vec![
                format!("  {case}"),
                super::behaviour::effective(row),
                row.prediction.rule_id(),
            ]);
        }
    }
    out.push_str(&super::aligned_text(&lines, "  "));
    out
}
