//! The CI runs' reports (`site --reports DIR`): each JSON report a workflow
//! job wrote (`sockmatrix --format json`), as its host, its summary and its
//! disagreements with the model (the reports themselves, tens of MB each,
//! stay the run's artifacts). Reports are what each runner measured; they
//! are shown as runs, never as snapshots.

use super::page::{esc, page};
use std::fmt::Write as _;
use std::path::Path;

pub fn render(reports: Option<&Path>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::new();
    let mut body = String::from("<h1>Runs</h1>");
    let Some(dir) = reports else {
        body.push_str(
            "<p>No CI reports were given to this build (<code>sockmatrix site --reports DIR</code>); \
             the workflow's Pages job gives it each runner image's JSON report.</p>",
        );
        files.push(("runs.html".into(), page("Runs", 0, &body, false).into_bytes()));
        return Ok(files);
    };
    let mut paths = Vec::new();
    collect_json(dir, &mut paths)?;
    paths.sort();
    body.push_str(
        "<p>Each runner image's report from the workflow run that built this site: what the matrix \
         measured there, against that OS's model. A report is a run's observation; committed snapshots \
         are reviewed ones.</p><table><thead><tr><th>report</th><th>os</th><th>kernel</th><th>cases</th>\
         <th>disagreements</th><th>library divergences</th><th>not run</th><th>behaviours</th></tr></thead><tbody>",
    );
    let mut read = 0;
    let mut details = String::new();
    for path in &paths {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let Ok(report) = serde_json::from_str::<serde_json::Value>(&text) else {
            eprintln!("sockmatrix site: {} is not JSON, left out", path.display());
            continue;
        };
        if report.get("summary").is_none() {
            eprintln!(
                "sockmatrix site: {} is no sockmatrix report, left out",
                path.display()
            );
            continue;
        }
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("report.json");
        let s = &report["summary"];
        let host = &report["host"];
        let text_of = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "–".into(),
            v => v.to_string(),
        };
        let behaviours = report["behaviours"].as_array().map_or(0, Vec::len);
        let _ = write!(
            body,
            "<tr><td><a href=\"#{n}\">{n}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{behaviours}</td></tr>",
            esc(&text_of(&host["os"])),
            esc(&text_of(&host["kernel"])),
            esc(&text_of(&s["cases"])),
            esc(&text_of(&s["disagreements"])),
            esc(&text_of(&s["divergences"])),
            esc(&text_of(&s["not_run"])),
            n = esc(name)
        );
        disagreements(&mut details, name, &report);
        read += 1;
    }
    body.push_str("</tbody></table>");
    body.push_str(&details);
    if read == 0 {
        let _ = write!(
            body,
            "<p>No report was found under {}.</p>",
            esc(&dir.display().to_string())
        );
    }
    files.push(("runs.html".into(), page("Runs", 0, &body, false).into_bytes()));
    Ok(files)
}

/// At most this many disagreements are listed per report.
const LISTED: usize = 200;

/// A report's cases whose observation is not the model's prediction.
fn disagreements(out: &mut String, name: &str, report: &serde_json::Value) {
    let cases: Vec<&serde_json::Value> = report["cases"]
        .as_array()
        .map(|c| c.iter().filter(|c| c["agrees"] == false).collect())
        .unwrap_or_default();
    let _ = write!(out, "<h2 id=\"{n}\">{n}</h2>", n = esc(name));
    if cases.is_empty() {
        out.push_str("<p>Every case agrees with the model.</p>");
        return;
    }
    out.push_str(
        "<table><thead><tr><th>option</th><th>kind</th><th>state</th><th>path</th><th>requested</th>\
         <th>observed</th><th>predicted</th><th>rule</th></tr></thead><tbody>",
    );
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        v => v.to_string(),
    };
    for c in cases.iter().take(LISTED) {
        let _ = write!(out, "<tr>");
        for field in [
            "option",
            "kind",
            "state",
            "path",
            "requested_text",
            "observed",
            "predicted_text",
            "rule",
        ] {
            let _ = write!(out, "<td>{}</td>", esc(&text(&c[field])));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    if cases.len() > LISTED {
        let _ = write!(
            out,
            "<p>And {} more: the run's artifact has them all.</p>",
            cases.len() - LISTED
        );
    }
}

/// Every `.json` file under `dir`, in subfolders too (a downloaded artifact
/// is a folder of its own).
fn collect_json(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("--reports: cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|x| x == "json") {
            out.push(path);
        }
    }
    Ok(())
}
