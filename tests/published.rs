//! Published facts (`facts/<os>.toml`) run through the public API: each
//! `[[fact]]` is one named test, `published::<os>::<id>`, whose case is made
//! with `Case::new`, predicted by `Host::offline(os, release)` and compared
//! with the fact's outcome (never the model's own output). A data file that
//! does not parse, or a fact naming an unknown option, kind, state, path,
//! release or source prefix, is a failing test, never a skipped one. The
//! files are built in (`DATA`), so the binary also runs away from the
//! repository.
//!
//! The file format is described at the top of every data file.

use libtest_mimic::{Arguments, Failed, Trial};
use serde::Deserialize;
use sockmatrix::kind::parse_name;
use sockmatrix::{Api, Case, Host, Kind, Os, Outcome, RelativeValue, Request, State, Value};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    sources: BTreeMap<String, String>,
    #[serde(default)]
    fact: Vec<Fact>,
    #[serde(default)]
    limit: Vec<Limit>,
    #[serde(default)]
    left_out: Vec<LeftOut>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Fact {
    id: String,
    option: String,
    kind: String,
    state: String,
    path: String,
    request: String,
    release: Option<String>,
    expected: String,
    source: String,
    #[serde(default)]
    note: Option<String>,
}

/// A stock limit of the model (`Host::limits`), on each listed release.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Limit {
    id: String,
    name: String,
    releases: Vec<String>,
    expected: i128,
    source: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LeftOut {
    id: String,
    why: String,
}

/// What a fact expects.
#[derive(Debug, PartialEq)]
enum Expect {
    Is(Outcome),
    /// The fact asserts a failure without naming the error.
    AnyErr,
}

fn int(s: &str) -> Result<i128, String> {
    let (neg, body) = s.strip_prefix('-').map_or((false, s), |b| (true, b));
    let v = match body.strip_prefix("0x") {
        Some(hex) => i128::from_str_radix(hex, 16),
        None => body.parse(),
    }
    .map_err(|e| format!("{s:?} is not an integer: {e}"))?;
    Ok(if neg { -v } else { v })
}

fn pair(s: &str) -> Result<(i128, i128), String> {
    let (a, b) = s
        .split_once(',')
        .ok_or_else(|| format!("{s:?} is not two integers A,B"))?;
    Ok((int(a)?, int(b)?))
}

/// `4096`, `0x100`, `linger:1,30`, `time:1,0`, `text:cubic`.
fn value(s: &str) -> Result<RelativeValue, String> {
    if let Some(rest) = s.strip_prefix("linger:") {
        let (on, secs) = pair(rest)?;
        Ok(RelativeValue::linger(on, secs))
    } else if let Some(rest) = s.strip_prefix("time:") {
        let (sec, usec) = pair(rest)?;
        Ok(RelativeValue::time(sec, usec))
    } else if let Some(rest) = s.strip_prefix("text:") {
        Ok(RelativeValue::text(rest))
    } else {
        Ok(RelativeValue::int(int(s)?))
    }
}

/// `default`, or a value to set.
fn request(s: &str) -> Result<Request, String> {
    if s == "default" {
        Ok(Request::Default)
    } else {
        value(s).map(Request::Set).map_err(|e| format!("request: {e}"))
    }
}

/// `ok:VALUE`, `err:NAME`, `any-err`.
fn expected(s: &str) -> Result<Expect, String> {
    if s == "any-err" {
        Ok(Expect::AnyErr)
    } else if let Some(name) = s.strip_prefix("err:") {
        Ok(Expect::Is(Outcome::Err(name.to_string())))
    } else if let Some(v) = s.strip_prefix("ok:") {
        let v: Value = value(v).map_err(|e| format!("expected: {e}"))?.value();
        Ok(Expect::Is(Outcome::Ok(v)))
    } else {
        Err(format!("expected {s:?} is none of ok:VALUE, err:NAME, any-err"))
    }
}

/// A source with every `{name}` replaced by its `[sources]` prefix.
fn expand(source: &str, sources: &BTreeMap<String, String>) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = source;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name = after.find('}').map(|close| &after[..close]);
        match name {
            Some(name)
                if !name.is_empty()
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                let prefix = sources
                    .get(name)
                    .ok_or_else(|| format!("source names {{{name}}}, which [sources] lacks"))?;
                out.push_str(prefix);
                rest = &after[name.len() + 1..];
            }
            // Not a prefix name (`{1,1,1}` in C): kept as written.
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn check(os: Os, fact: &Fact, sources: &BTreeMap<String, String>) -> Result<(), String> {
    let source = expand(&fact.source, sources)?;
    let kind = parse_name(&Kind::ALL, &fact.kind, Kind::name)
        .ok_or_else(|| format!("unknown kind {:?}", fact.kind))?;
    let state = parse_name(&State::ALL, &fact.state, State::name)
        .ok_or_else(|| format!("unknown state {:?}", fact.state))?;
    let api = parse_name(&Api::ALL, &fact.path, Api::name)
        .ok_or_else(|| format!("unknown path {:?}", fact.path))?;
    let request = request(&fact.request)?;
    let expect = expected(&fact.expected)?;
    let host = Host::offline(os, fact.release.as_deref()).map_err(|e| e.to_string())?;
    let case =
        Case::new(&fact.option, kind, state, api, request).map_err(|e| format!("no such case: {e}"))?;
    let prediction = sockmatrix::predict(&case, &host);
    let got = prediction.expected.outcome();
    let agrees = match &expect {
        Expect::Is(want) => &got == want,
        Expect::AnyErr => matches!(got, Outcome::Err(_)),
    };
    if agrees {
        return Ok(());
    }
    let want = match expect {
        Expect::Is(want) => want.to_string(),
        Expect::AnyErr => "an error".to_string(),
    };
    let note = fact
        .note
        .as_deref()
        .map(|n| format!("; note: {n}"))
        .unwrap_or_default();
    Err(format!(
        "{case} on {os} {}: predicted {got} by rules {}, published {want} ({source}){note}",
        host.kernel,
        prediction.rule_id()
    ))
}

fn check_limit(os: Os, limit: &Limit, sources: &BTreeMap<String, String>) -> Result<(), String> {
    let source = expand(&limit.source, sources)?;
    if limit.releases.is_empty() {
        return Err("a limit lists no release".to_string());
    }
    for release in &limit.releases {
        let host = Host::offline(os, Some(release)).map_err(|e| e.to_string())?;
        if host.kernel != *release {
            return Err(format!("{os} {release} runs as release {}", host.kernel));
        }
        let got = host.limits().into_iter().find(|f| f.name == limit.name);
        match got {
            Some(f) if f.value.to_string() == limit.expected.to_string() => {}
            Some(f) => {
                return Err(format!(
                    "{os} {release}: {} is {}, published {} ({source})",
                    limit.name, f.value, limit.expected
                ))
            }
            None => return Err(format!("{os} {release} has no limit {} ({source})", limit.name)),
        }
    }
    Ok(())
}

fn trial(name: String, test: impl FnOnce() -> Result<(), String> + Send + 'static) -> Trial {
    Trial::test(name, move || test().map_err(Failed::from))
}

/// A data file, parsed and checked: at least one fact, ids used once,
/// every left-out fact with its reason.
fn load(text: &str) -> Result<File, String> {
    let file: File = toml::from_str(text).map_err(|e| format!("does not parse: {e}"))?;
    if file.fact.is_empty() {
        return Err("has no [[fact]]".to_string());
    }
    let mut seen = HashSet::new();
    let ids = file
        .fact
        .iter()
        .map(|f| &f.id)
        .chain(file.limit.iter().map(|l| &l.id));
    if let Some(dup) = ids
        .chain(file.left_out.iter().map(|l| &l.id))
        .find(|id| !seen.insert(*id))
    {
        return Err(format!("id {dup:?} is used twice"));
    }
    if let Some(bare) = file.left_out.iter().find(|l| l.why.trim().is_empty()) {
        return Err(format!("left-out fact {:?} says not why", bare.id));
    }
    Ok(file)
}

/// The trials of one data file (`facts/<os>.toml`), or one failing trial
/// that says why the file cannot be read.
fn trials_of(stem: &str, text: &str) -> Vec<Trial> {
    let fail = |why: String| {
        let shown = format!("facts/{stem}.toml");
        vec![trial(format!("published::{stem}::data_file"), move || {
            Err(format!("{shown}: {why}"))
        })]
    };
    let Some(os) = Os::parse(stem) else {
        return fail(format!("{stem:?} names no modelled OS"));
    };
    let file = match load(text) {
        Ok(file) => file,
        Err(why) => return fail(why),
    };
    let sources = std::sync::Arc::new(file.sources);
    let mut out = Vec::new();
    for fact in file.fact {
        let sources = sources.clone();
        out.push(trial(format!("published::{os}::{}", fact.id), move || {
            check(os, &fact, &sources).map_err(|e| format!("{os} fact {}: {e}", fact.id))
        }));
    }
    for limit in file.limit {
        let sources = sources.clone();
        out.push(trial(format!("published::{os}::{}", limit.id), move || {
            check_limit(os, &limit, &sources).map_err(|e| format!("{os} limit {}: {e}", limit.id))
        }));
    }
    out
}

/// The data files, built into the test binary so that it also runs where
/// the repository is not (a VM's initramfs, under Wine).
const DATA: &[(&str, &str)] = &[
    ("macos", include_str!("../facts/macos.toml")),
    ("freebsd", include_str!("../facts/freebsd.toml")),
    ("windows", include_str!("../facts/windows.toml")),
];

fn all_trials() -> Vec<Trial> {
    DATA.iter()
        .flat_map(|(stem, text)| trials_of(stem, text))
        .collect()
}

/// Where the repository is at hand, every `facts/*.toml` is one of `DATA`
/// (a new file that is not listed would never run).
fn every_data_file_is_listed() -> Result<(), String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("facts");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Ok(()); // run away from the repository: DATA is all there is
    };
    let mut unlisted = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        if path.extension().is_some_and(|x| x == "toml") && !DATA.iter().any(|(s, _)| *s == stem) {
            unlisted.push(path.display().to_string());
        }
    }
    match unlisted.as_slice() {
        [] => Ok(()),
        _ => Err(format!(
            "not in tests/published.rs's DATA: {}",
            unlisted.join(", ")
        )),
    }
}

/// The harness's own checks (named without "published", so that
/// `cargo test published` counts facts only): bad data fails loudly.
fn harness_trials() -> Vec<Trial> {
    let sources: BTreeMap<String, String> = [("x".to_string(), "prefix".to_string())].into();
    let good = Fact {
        id: "ok".into(),
        option: "SO_KEEPALIVE".into(),
        kind: "tcp4".into(),
        state: "fresh".into(),
        path: "raw".into(),
        request: "1".into(),
        release: None,
        expected: "ok:8".into(),
        source: "{x} file.c {1,1}".into(),
        note: None,
    };
    let bad = |edit: fn(&mut Fact), wants: &'static str| {
        let mut fact = good.clone();
        edit(&mut fact);
        let sources = sources.clone();
        move || match check(Os::MacOs, &fact, &sources) {
            Err(e) if e.contains(wants) => Ok(()),
            other => Err(format!("wanted an error naming {wants:?}, got {other:?}")),
        }
    };
    let data = |text: &'static str, wants: &'static str| {
        move || {
            let trials = trials_of("macos", text);
            match (trials.as_slice(), load(text)) {
                ([one], Err(why)) if one.name() == "published::macos::data_file" && why.contains(wants) => {
                    Ok(())
                }
                (_, got) => Err(format!(
                    "wanted one failing data_file trial naming {wants:?}, got {got:?}"
                )),
            }
        }
    };
    let (good_fact, good_sources) = (good.clone(), sources.clone());
    vec![
        trial("harness::every_data_file_is_listed".into(), every_data_file_is_listed),
        trial("harness::good_fact_passes".into(), move || {
            check(Os::MacOs, &good_fact, &good_sources)?;
            match expand(&good_fact.source, &good_sources)?.as_str() {
                "prefix file.c {1,1}" => Ok(()),
                other => Err(format!("expanded to {other:?}")),
            }
        }),
        trial(
            "harness::unknown_option".into(),
            bad(|f| f.option = "SO_NOPE".into(), "SO_NOPE"),
        ),
        trial(
            "harness::unknown_kind".into(),
            bad(|f| f.kind = "tcp5".into(), "unknown kind"),
        ),
        trial(
            "harness::unknown_state".into(),
            bad(|f| f.state = "open".into(), "unknown state"),
        ),
        trial(
            "harness::unknown_path".into(),
            bad(|f| f.path = "libc".into(), "unknown path"),
        ),
        trial(
            "harness::unknown_release".into(),
            bad(|f| f.release = Some("9".into()), "9"),
        ),
        trial(
            "harness::unknown_source".into(),
            bad(|f| f.source = "{y} a.c".into(), "{y}"),
        ),
        trial(
            "harness::bad_request".into(),
            bad(|f| f.request = "linger:1".into(), "request"),
        ),
        trial(
            "harness::bad_expected".into(),
            bad(|f| f.expected = "8".into(), "expected"),
        ),
        trial(
            "harness::wrong_outcome".into(),
            bad(|f| f.expected = "ok:1".into(), "macos."),
        ),
        trial(
            "harness::unparsable_file".into(),
            data("[[fact]]\nid = ", "does not parse"),
        ),
        trial(
            "harness::unknown_field".into(),
            data("[[fact]]\nid = \"a\"\nopton = \"SO_RCVBUF\"\n", "unknown field"),
        ),
        trial("harness::no_facts".into(), data("[sources]\n", "no [[fact]]")),
        trial(
            "harness::duplicate_id".into(),
            data("[[fact]]\nid = \"a\"\noption = \"SO_RCVBUF\"\nkind = \"tcp4\"\nstate = \"fresh\"\npath = \"raw\"\nrequest = \"default\"\nexpected = \"any-err\"\nsource = \"s\"\n[[left_out]]\nid = \"a\"\nwhy = \"w\"\n", "twice"),
        ),
    ]
}

fn main() {
    let args = Arguments::from_args();
    let mut trials = all_trials();
    trials.extend(harness_trials());
    libtest_mimic::run(&args, trials).exit();
}
