//! The JSON report. Other tools read it, so its key names are fixed:
//! `{"host": {"os", "kernel", "limits", "calibrated"}, "cases": [{"option",
//! "kind", "state", "path", "requested", "observed", "predicted", "rule",
//! "agrees"}]}`, values as `{"ok": n}` or `{"err": "NAME"}`.

use crate::case::Request;
use crate::engine::cases::Row;
use crate::engine::{Checked, Report};
use crate::outcome::Outcome;
use crate::platform::fact::{Fact, FactValue};
use serde::Serialize;
use serde_json::{json, Map, Number, Value};

fn number(v: i128) -> Value {
    Number::from_i128(v).map_or_else(|| Value::String(v.to_string()), Value::Number)
}

/// An int is a plain number; the C structs and text get their own shape.
fn value(v: &crate::value::Value) -> Value {
    use crate::value::Value as V;
    match v {
        V::Int(n) => number(*n),
        V::Linger(on, secs) => json!({ "linger": [number(*on), number(*secs)] }),
        V::Time(sec, usec) => json!({ "timeval": [number(*sec), number(*usec)] }),
        V::Text(s) => json!(s),
        V::Duration(n) => json!({ "duration_ns": number(*n) }),
        V::Group(group, on) => json!({ "group": [number(*group), number(*on)] }),
        V::GroupByIndex(group, index) => json!({ "group_by_index": [number(*group), number(*index)] }),
        V::SourceGroup(group, from, on) => {
            json!({ "source_group": [number(*group), number(*from), number(*on)] })
        }
        V::TxTime(clock, flags) => json!({ "txtime": [number(*clock), number(*flags)] }),
        V::Ucred(pid, uid, gid) => json!({ "ucred": [number(*pid), number(*uid), number(*gid)] }),
        V::Xucred(c) => json!({ "xucred": c.map(number) }),
        V::Range(low, high) => json!({ "range": [number(*low), number(*high)] }),
    }
}

fn capacity(c: &crate::capacity::Report) -> Value {
    use crate::capacity::Capacity;
    let shape = |c: &Capacity| match c {
        Capacity::Held { bytes, messages } => json!({ "bytes": bytes, "messages": messages }),
        Capacity::Unbounded => json!({ "unbounded": true }),
    };
    json!({
        "measured": match &c.measured {
            Ok(m) => shape(m),
            Err(e) => json!({ "err": e }),
        },
        "predicted": c.predicted.as_ref().map(shape),
        "rule": c.rule.id,
        "ratio": c.ratio(),
        "agrees": c.agrees(),
    })
}

fn facts(list: Vec<Fact>) -> Value {
    let map: Map<String, Value> = list
        .into_iter()
        .map(|f| {
            let value = match f.value {
                FactValue::Int(v) => number(v),
                FactValue::Bool(v) => Value::Bool(v),
                FactValue::Text(v) => Value::String(v),
            };
            (f.name.to_string(), value)
        })
        .collect();
    Value::Object(map)
}

/// How each fact was obtained, where that is known (a probe, or an offline
/// model's source for its stock value).
fn sources(list: impl Iterator<Item = Fact>) -> Value {
    let map: Map<String, Value> = list
        .filter_map(|f| Some((f.name.to_string(), Value::String(f.how?.to_string()))))
        .collect();
    Value::Object(map)
}

/// An outcome as the report writes it: `{"ok": v}`, `{"err": "NAME"}` or
/// `{"not_run": "cause"}`.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum OutcomeJson {
    Ok(Value),
    Err(String),
    NotRun(String),
}

fn outcome(o: &Outcome) -> OutcomeJson {
    match o {
        Outcome::Ok(v) => OutcomeJson::Ok(value(v)),
        Outcome::Err(name) => OutcomeJson::Err(name.clone()),
        Outcome::NotRun(cause) => OutcomeJson::NotRun(cause.clone()),
    }
}

/// One case as the report writes it: a struct, not a `json!` tree, because
/// fifteen thousand of them are written per run. Fields are in sorted order,
/// as serde_json writes an object's keys.
#[derive(Serialize)]
struct CaseJson<'a> {
    agrees: Option<bool>,
    capacity: Option<Value>,
    family: &'a str,
    kind: &'a str,
    observed: Option<OutcomeJson>,
    option: &'a str,
    path: &'a str,
    predicted: OutcomeJson,
    predicted_text: String,
    requested: Value,
    requested_text: String,
    rule: String,
    state: &'a str,
}

fn case(r: &Row) -> CaseJson<'_> {
    let c = &r.case;
    CaseJson {
        agrees: r.measured.then(|| r.agrees()),
        capacity: r.capacity.as_ref().map(capacity),
        family: c.option.family().name(),
        kind: c.kind.name(),
        observed: r.measured.then(|| outcome(&r.observed)),
        option: c.option.name,
        path: c.api.name(),
        predicted: outcome(&r.prediction.expected.outcome()),
        predicted_text: r.prediction.expected.to_string(),
        requested: match &c.request {
            Request::Default => Value::Null,
            Request::Set(v) => value(&v.value()),
        },
        requested_text: c.request.to_string(),
        rule: r.prediction.rule_id(),
        state: c.state.name(),
    }
}

/// The report. Cases are written one at a time (a whole-matrix tree of
/// values would cost more than the run); keys in sorted order, as
/// serde_json writes an object's.
pub fn json(report: &Report) -> String {
    let (host, rows) = (report.host, &report.rows);
    let mut out: Vec<u8> = Vec::with_capacity(rows.len() * 400);
    out.extend_from_slice(b"{\"cases\":[");
    for (i, r) in rows.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        serde_json::to_writer(&mut out, &case(r)).expect("a JSON value always serializes");
    }
    out.extend_from_slice(b"],");
    let skipped: Vec<Value> = report
        .unavailable
        .iter()
        .map(|(k, why)| json!({ "kind": k.name(), "reason": why }))
        .collect();
    let effects: Vec<Value> = report
        .effects
        .iter()
        .map(|e| {
            json!({
                "effect": e.effect.id,
                "kind": e.kind.name(),
                "what": e.effect.describe(),
                "observed": outcome(&e.observed),
                "predicted": outcome(&e.prediction.expected.outcome()),
                "predicted_text": e.prediction.expected.to_string(),
                "rule": e.prediction.rule_id(),
                "agrees": e.agrees(),
            })
        })
        .collect();
    let behaviours: Vec<Value> = report
        .behaviours
        .iter()
        .map(|b| {
            json!({
                "group": b.case.group().name(),
                "case": b.case.to_string(),
                "columns": b.case.columns(),
                "observed": outcome(&b.observed),
                "predicted": outcome(&b.prediction.expected.outcome()),
                "predicted_text": b.prediction.expected.to_string(),
                "rule": b.prediction.rule_id(),
                "agrees": b.agrees(),
            })
        })
        .collect();
    let s = report.summary();
    // Cases per path: every path is named, with 0 where it ran nothing.
    let paths: serde_json::Map<String, Value> = crate::api::Api::ALL
        .iter()
        .map(|a| {
            (
                a.name().to_string(),
                json!(report.rows.iter().filter(|r| r.case.api == *a).count()),
            )
        })
        .collect();
    let rest = json!({
        "host": {
            "os": host.os_label(),
            "kernel": host.kernel,
            "measured": host.measured,
            "limits": facts(host.limits()),
            "calibrated": facts(host.calibrated()),
            "sources": sources(host.limits().into_iter().chain(host.calibrated())),
            "skipped_kinds": skipped,
            "libraries": crate::library::VERSIONS
                .iter()
                .map(|(name, version)| json!({
                    "name": name,
                    "version": version,
                    "runs_here": crate::library::runs_here(name),
                }))
                .collect::<Vec<_>>(),
        },
        "effects": effects,
        "behaviours": behaviours,
        "summary": {
            "cases": s.cases,
            "disagreements": s.disagreements,
            "not_run": s.not_run,
            "divergences": s.divergences,
            "paths": paths,
        },
    });
    let rest = serde_json::to_string(&rest).expect("a JSON value always serializes");
    // `rest` is `{"effects":...}`: its fields follow the cases.
    out.extend_from_slice(&rest.as_bytes()[1..]);
    String::from_utf8(out).expect("serde_json writes UTF-8")
}
