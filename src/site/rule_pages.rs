//! A page per OS (`os/linux.html`) and per library (`lib/socket2.html`):
//! every rule it owns, each with its formula, reason and source (the
//! anchor every cell's rule mark links to), and its traps: the rules that
//! change a request without an error, with how often and one example.

use super::data::{Data, Row};
use super::page::{esc, page, slug};
use super::rule_page;
use crate::rule::Rule;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The pages, each with its title and what it says of itself.
const PAGES: [(&str, &str, &str); 11] = [
    ("os/linux.html", "Linux", "Measured here on Linux (and its kernels and archs under qemu); the snapshots are host-independent."),
    ("os/macos.html", "macOS", "The model of XNU, per release; no run of macOS is committed."),
    ("os/freebsd.html", "FreeBSD", "The model of FreeBSD, per release, and FreeBSD 13.0's own stack measured through F-Stack (freebsd-fstack)."),
    ("os/windows.html", "Windows", "The model of Winsock, per release; no run of Windows is committed."),
    ("os/windows-wine.html", "Windows API under Wine", "Wine's Winsock, measured under Wine (windows-wine): its own rules, not Windows'."),
    ("os/other.html", "Other rules", "Rules that belong to no OS or library."),
    ("lib/socket2.html", "socket2", "socket2's own conversions on the way to and from the kernel."),
    ("lib/nix.html", "nix", "nix's sockopt types and what they convert."),
    ("lib/rustix.html", "rustix", "rustix's checked option functions."),
    ("lib/std.html", "std", "The standard library's socket methods."),
    ("lib/tokio.html", "tokio", "tokio's methods, and the library each hands the value to."),
];

/// What constructors set unasked.
const MADE: (&str, &str, &str) = (
    "lib/made.html",
    "What constructors set",
    "The options a library's constructor sets before the program asks for anything.",
);

pub fn render(data: &Data) -> Vec<(String, Vec<u8>)> {
    let mut by_page: BTreeMap<String, Vec<&'static Rule>> = BTreeMap::new();
    for rule in data.rules.values() {
        by_page.entry(rule_page(rule.id)).or_default().push(rule);
    }
    let mut files = Vec::new();
    let mut all_traps = traps(data);
    let mut os_list = String::from("<h1>OSes</h1><ul>");
    let mut lib_list = String::from("<h1>Libraries</h1><ul>");
    for (file, title, about) in PAGES.iter().chain([&MADE]) {
        let rules = by_page.get(*file).map(Vec::as_slice).unwrap_or_default();
        let list = if file.starts_with("os/") {
            &mut os_list
        } else {
            &mut lib_list
        };
        let _ = write!(
            list,
            "<li><a href=\"{}\">{}</a>: {} rules</li>",
            file.split('/').nth(1).unwrap_or(file),
            esc(title),
            rules.len()
        );
        let mut body = format!("<h1>{}</h1><p>{}</p>", esc(title), esc(about));
        let traps = all_traps.remove(*file).unwrap_or_default();
        if !traps.is_empty() {
            body.push_str(
                "<h2 id=\"traps\">Traps</h2><p>The rules that give back something other than what was asked \
                 for, without an error: how many requests each changes, and one of them.</p>\
                 <table><thead><tr><th>rule</th><th>requests</th><th>example</th></tr></thead><tbody>",
            );
            for (rule, (n, example)) in traps {
                let _ = write!(
                    body,
                    "<tr><td><a href=\"#{id}\">{id}</a></td><td>{n}</td><td>{example}</td></tr>",
                    id = esc(&rule)
                );
            }
            body.push_str("</tbody></table>");
        }
        let _ = write!(
            body,
            "<h2 id=\"rules\">Rules ({})</h2><dl class=\"rules\">",
            rules.len()
        );
        for rule in rules {
            let _ = write!(
                body,
                "<dt id=\"{id}\">{id}</dt><dd><code>{}</code> {}<br><span class=\"muted\">source: {}</span></dd>",
                esc(rule.formula),
                esc(rule.why),
                esc(rule.source),
                id = esc(rule.id)
            );
        }
        body.push_str("</dl>");
        if file.starts_with("os/") {
            if let Some(plot) = plot_of(file) {
                let _ = write!(
                    body,
                    "<p>Buffer sizes: <a href=\"../plots/index.html#{plot}\">the plot</a>.</p>"
                );
            }
        }
        files.push((file.to_string(), page(title, 1, &body, false).into_bytes()));
    }
    os_list.push_str("</ul>");
    lib_list.push_str("</ul>");
    files.push((
        "os/index.html".into(),
        page("OSes", 1, &os_list, false).into_bytes(),
    ));
    files.push((
        "lib/index.html".into(),
        page("Libraries", 1, &lib_list, false).into_bytes(),
    ));
    files
}

/// The plot anchor of an OS page, if it has one.
fn plot_of(file: &str) -> Option<String> {
    let name = file.strip_prefix("os/")?.strip_suffix(".html")?;
    (name != "other").then(|| slug(name))
}

/// Per page, each of its rules that changes a request silently: how many
/// requests (every source, kind, state and path), and one of them as text.
/// One pass over every row serves every page.
fn traps(data: &Data) -> BTreeMap<String, BTreeMap<String, (usize, String)>> {
    // page → rule → (requests, example, whether the example is the raw call's)
    let mut out: BTreeMap<String, BTreeMap<String, (usize, String, bool)>> = BTreeMap::new();
    for (option, rows) in &data.options {
        for row in rows.iter().filter(|r| silently_changed(r)) {
            // The rule that gave the value, per page: the last of that
            // page's in the chain (`linux.mptcp.as_tcp+linux.flag` is
            // linux.flag's).
            let mut pages_seen: Vec<String> = Vec::new();
            for rule in row.cell.rule.split('+').rev() {
                let page = rule_page(rule);
                if pages_seen.contains(&page) {
                    continue;
                }
                pages_seen.push(page.clone());
                let example = || {
                    let source = &data.sources[row.source];
                    format!(
                        "<a href=\"../options/{}.html#{}\">{}</a> {} {} via {}: {} → <b>{}</b> ({})",
                        slug(option),
                        esc(&row.kind),
                        esc(option),
                        esc(&row.kind),
                        esc(&row.state),
                        esc(&row.path),
                        esc(&row.requested),
                        esc(&row.cell.effective),
                        esc(&source.title)
                    )
                };
                // The raw call's example where there is one.
                let entry = out
                    .entry(page)
                    .or_default()
                    .entry(rule.to_string())
                    .or_insert_with(|| (0, example(), false));
                if !entry.2 && row.path == "raw" {
                    entry.1 = example();
                    entry.2 = true;
                }
                entry.0 += 1;
            }
        }
    }
    out.into_iter()
        .map(|(page, rules)| {
            let rules = rules
                .into_iter()
                .map(|(rule, (n, example, _))| (rule, (n, example)))
                .collect();
            (page, rules)
        })
        .collect()
}

/// A set whose read-back is neither the request nor an error (a library's
/// `Duration` is read back as the OS's type, so it is not compared).
fn silently_changed(row: &Row) -> bool {
    row.requested != "(default)"
        && !row.requested.starts_with("dur(")
        && row.cell.effective != row.requested
        && !super::is_error(&row.cell.effective)
        && !row.cell.effective.starts_with("not run")
}
