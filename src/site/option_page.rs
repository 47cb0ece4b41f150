//! One page per option (`options/so_rcvbuf.html`): a section per kind
//! (`#udp4`) with the OS and release columns side by side, each cell the
//! default and the ladder collapsed to its rules' formulas, every rung a
//! click away; the library paths side by side (`#paths`); the behaviour
//! results where the option has them (`#behaviours`); and a legend of every
//! rule the page names, with its reason and source.

use super::data::{Cell, Data, Row};
use super::page::{esc, page};
use super::{behaviour_page, cell_html, colgroup, Column, Legend};
use crate::api::Api;
use crate::catalog;
use crate::kind::{Kind, State};
use crate::os::Os;
use std::collections::BTreeMap;
use std::fmt::Write as _;

const READ: &str = "(default)";
const UNDEFINED: &str = "UNDEFINED";

/// A case's place within a kind: state, path, requested.
type Key = (String, String, String);

/// Per key, per column, the answers (a measured source may have several
/// variants of one key).
type Cells = BTreeMap<Key, Vec<Vec<Cell>>>;

/// States that answer one request alike, and their answers.
type StateGroups<'a> = Vec<(Vec<&'a str>, &'a Vec<Vec<Cell>>)>;

/// Kinds and, for each, the states where a path row applies.
type Places<'a> = Vec<(&'a str, Vec<&'a str>)>;

/// The page, and whether the option differs across OSes and whether a
/// library changes a request (for the index).
pub struct OptionPage {
    pub html: String,
    pub differs: bool,
    pub library_changes: bool,
}

pub fn render(data: &Data, name: &str, rows: &[Row]) -> OptionPage {
    let columns = super::columns(data, rows);
    let defined: Vec<&Column> = columns.iter().filter(|c| !c.undefined).collect();
    let undefined: Vec<&Column> = columns.iter().filter(|c| c.undefined).collect();
    let mut legend = Legend::new(data);
    let mut body = String::new();
    header(&mut body, name, &defined, &undefined);

    // kind → key → column → cells (a measured source may have several
    // variants of one key).
    let mut by_kind: BTreeMap<usize, (String, Vec<Key>, Cells)> = BTreeMap::new();
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| (r.source, r.order));
    for row in sorted {
        let Some(col) = defined.iter().position(|c| c.sources.contains(&row.source)) else {
            continue;
        };
        let entry = by_kind
            .entry(kind_rank(&row.kind))
            .or_insert_with(|| (row.kind.clone(), Vec::new(), BTreeMap::new()));
        let key = (row.state.clone(), row.path.clone(), row.requested.clone());
        if !entry.2.contains_key(&key) {
            entry.1.push(key.clone());
        }
        let cells = entry
            .2
            .entry(key)
            .or_insert_with(|| vec![Vec::new(); defined.len()]);
        // Merged model releases agree by construction: one copy is enough.
        if defined[col].sources[0] == row.source || data.sources[row.source].measured() {
            cells[col].push(row.cell.clone());
        }
    }

    let mut differs = false;
    let mut library_changes = false;
    // Kinds whose tables read alike share a section (each keeps its anchor).
    let mut sections: Vec<(Vec<&str>, String)> = Vec::new();
    let mut paths: Vec<PathRow> = Vec::new();
    for (kind, keys, cells) in by_kind.values() {
        differs |= raw_differs(&defined, keys, cells);
        let inner = kind_tables(&defined, keys, cells, &mut legend);
        match sections.iter_mut().find(|(_, html)| *html == inner) {
            Some((kinds, _)) => kinds.push(kind),
            None => sections.push((vec![kind], inner)),
        }
        library_changes |= library_rows(&mut paths, kind, &defined, keys, cells, &mut legend);
    }
    body.push_str("<p>Kinds: ");
    for (kind, _, _) in by_kind.values() {
        let _ = write!(body, "<a href=\"#{k}\">{k}</a> ", k = esc(kind));
    }
    body.push_str("· <a href=\"#paths\">library paths</a> · <a href=\"#rules\">rules</a></p>");
    for (kinds, inner) in &sections {
        let _ = write!(body, "<section id=\"{}\">", esc(kinds[0]));
        for other in &kinds[1..] {
            let _ = write!(body, "<span id=\"{}\"></span>", esc(other));
        }
        let _ = write!(body, "<h2>{}</h2>{inner}</section>", esc(&kinds.join(", ")));
    }
    paths_section(&mut body, &defined, &paths);

    behaviours(&mut body, data, name, &mut legend);
    legend.write(&mut body, 1);
    OptionPage {
        html: page(name, 1, &body, false),
        differs,
        library_changes,
    }
}

fn header(body: &mut String, name: &str, defined: &[&Column], undefined: &[&Column]) {
    let _ = write!(body, "<h1>{}</h1>", esc(name));
    if let Some(spec) = catalog::find(name) {
        let numbers: Vec<String> = Os::MODELLED
            .iter()
            .map(|&os| match (spec.codes.on(os), spec.codes.windows_level) {
                // A level of Winsock's own (SOL_IP) is named with the number.
                (Some(n), Some(level)) if os == Os::Windows => {
                    format!("{} {n:#x} at level {level:#x}", super::data::os_title(os))
                }
                (Some(n), _) => format!("{} {n:#x}", super::data::os_title(os)),
                (None, _) => format!("{} –", super::data::os_title(os)),
            })
            .collect();
        let _ = write!(
            body,
            "<p>{family} · {ty} · numbers: {numbers}{privileged}</p>",
            family = spec.family().name(),
            ty = spec.ty.describe(),
            numbers = numbers.join(", "),
            privileged = if spec.privileged {
                " · needs privilege"
            } else {
                ""
            }
        );
    }
    body.push_str("<p>Columns: <span class=\"meas\">measured</span> (a committed snapshot of a real run) or <span class=\"model\">model</span> (the OS's model; releases that answer alike share a column).</p>");
    if !undefined.is_empty() {
        let names: Vec<String> = undefined.iter().map(|c| c.heading()).collect();
        let _ = write!(body, "<p>Not defined on: {}.</p>", names.join(", "));
    }
    if defined.is_empty() {
        body.push_str("<p>No source defines this option.</p>");
    }
}

/// Kinds in the catalogue's order.
fn kind_rank(kind: &str) -> usize {
    Kind::ALL
        .iter()
        .position(|k| k.to_string() == kind)
        .unwrap_or(Kind::ALL.len())
}

fn state_rank(state: &str) -> usize {
    State::ALL
        .iter()
        .position(|s| s.to_string() == state)
        .unwrap_or(State::ALL.len())
}

/// Whether two columns answer one raw request differently.
fn raw_differs(columns: &[&Column], keys: &[Key], cells: &Cells) -> bool {
    keys.iter().filter(|k| k.1 == Api::Raw.to_string()).any(|k| {
        // Each OS's answers (its releases and variants together); Wine is
        // no OS of its own and sits out.
        let mut per_os: BTreeMap<Os, std::collections::BTreeSet<&str>> = BTreeMap::new();
        for (column, answers) in columns.iter().zip(&cells[k]) {
            let Some(os) = column.os else { continue };
            for a in answers.iter().filter(|a| a.effective != UNDEFINED) {
                per_os.entry(os).or_default().insert(&a.effective);
            }
        }
        let mut sets = per_os.values();
        let first = sets.next();
        sets.any(|s| Some(s) != first)
    })
}

/// A kind's tables: the states down the side (states that read alike share
/// a row), each cell the default and the ladder collapsed to its rules'
/// formulas; then every rung.
fn kind_tables(columns: &[&Column], keys: &[Key], cells: &Cells, legend: &mut Legend) -> String {
    let raw = Api::Raw.to_string();
    let mut states: Vec<&str> = keys.iter().map(|k| k.0.as_str()).collect();
    states.sort_by_key(|s| state_rank(s));
    states.dedup();
    let mut rows: Vec<(Vec<&str>, Vec<String>)> = Vec::new();
    for state in states {
        let row: Vec<String> = (0..columns.len())
            .map(|col| {
                summary_cell(
                    keys.iter().filter(|k| k.0 == state && k.1 == raw),
                    cells,
                    col,
                    legend,
                )
            })
            .collect();
        match rows.iter_mut().find(|(_, r)| *r == row) {
            Some((states, _)) => states.push(state),
            None => rows.push((vec![state], row)),
        }
    }
    let mut out = format!(
        "<table>{}<thead><tr><th>state</th>",
        colgroup(1, columns.iter().map(|c| c.measured))
    );
    for c in columns {
        let _ = write!(out, "<th>{}</th>", c.heading());
    }
    out.push_str("</tr></thead><tbody>");
    for (states, row) in rows {
        let _ = write!(out, "<tr><th>{}</th>", states.join(", "));
        for html in row {
            let _ = write!(out, "<td>{html}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    rungs(&mut out, columns, keys, cells, legend);
    out
}

/// Formulas longer than this are left to the legend.
const SHORT_FORMULA: usize = 48;

/// One column's raw answers for one state: the default, then each rule (and
/// variant) with its formula, the values it gave and how many rungs.
fn summary_cell<'k>(
    keys: impl Iterator<Item = &'k Key>,
    cells: &Cells,
    col: usize,
    legend: &mut Legend,
) -> String {
    let mut default = Vec::new();
    // (rule, variant, rungs, the distinct values in ladder order)
    let mut groups: Vec<(&str, Option<&str>, usize, Vec<&str>)> = Vec::new();
    for k in keys {
        for cell in &cells[k][col] {
            if k.2 == READ {
                default.push(cell.clone());
                continue;
            }
            let variant = cell.variant.as_deref();
            match groups.iter_mut().find(|g| g.0 == cell.rule && g.1 == variant) {
                Some(g) => {
                    g.2 += 1;
                    if !g.3.contains(&cell.effective.as_str()) {
                        g.3.push(&cell.effective);
                    }
                }
                None => groups.push((&cell.rule, variant, 1, vec![&cell.effective])),
            }
        }
    }
    let mut out = String::new();
    if !default.is_empty() {
        let _ = write!(out, "default {}", cell_html(&default, legend));
    }
    for (rule, variant, n, values) in groups {
        // A few values are listed; more are given as the ladder's first
        // and last (every rung is in the table below).
        let values = match values.as_slice() {
            few @ ([_] | [_, _] | [_, _, _]) => few.iter().map(|v| esc(v)).collect::<Vec<_>>().join(", "),
            [first, .., last] => format!("{} … {} ({} values)", esc(first), esc(last), values.len()),
            [] => String::new(),
        };
        let formula = legend.formula(rule);
        let formula = match formula.chars().count() <= SHORT_FORMULA {
            true => format!("<span class=\"f\">{}</span> → ", esc(&formula)),
            false => String::new(),
        };
        let variant = variant
            .map(|v| format!("<sub>{}</sub>", esc(v)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<br>{formula}<code>{values}</code>{}{variant} ×{n}",
            legend.marks(rule)
        );
    }
    if out.is_empty() {
        out.push_str("<span class=\"muted\">–</span>");
    }
    out
}

/// Every raw rung of the kind, states merged where every column answers
/// alike; left out when every column answers every rung alike (the summary
/// then says it all).
fn rungs(body: &mut String, columns: &[&Column], keys: &[Key], cells: &Cells, legend: &mut Legend) {
    let raw = Api::Raw.to_string();
    let raw_keys: Vec<&Key> = keys.iter().filter(|k| k.1 == raw).collect();
    let uniform = (0..columns.len()).all(|col| {
        let mut all = raw_keys.iter().flat_map(|k| cells[*k][col].iter());
        let first = all.next();
        all.all(|c| Some(c) == first)
    });
    if uniform || raw_keys.is_empty() {
        return;
    }
    // requested (in ladder order) → [(states, cells)]
    let mut order: Vec<&str> = Vec::new();
    let mut merged: BTreeMap<&str, StateGroups> = BTreeMap::new();
    let mut by_state: Vec<&Key> = raw_keys.clone();
    by_state.sort_by_key(|k| state_rank(&k.0));
    for k in by_state {
        if !order.contains(&k.2.as_str()) {
            order.push(&k.2);
        }
        let list = merged.entry(&k.2).or_default();
        let answer = &cells[k];
        match list.iter_mut().find(|(_, a)| *a == answer) {
            Some((states, _)) => states.push(&k.0),
            None => list.push((vec![&k.0], answer)),
        }
    }
    // Ladder order as the first column that has the rung placed it.
    let mut placed: Vec<&str> = raw_keys.iter().map(|k| k.2.as_str()).collect();
    placed.dedup();
    order.sort_by_key(|r| placed.iter().position(|p| p == r));
    let _ = write!(
        body,
        "<details><summary>every rung ({} requests)</summary><table>{}<thead><tr><th>requested</th><th>states</th>",
        order.len(),
        colgroup(2, columns.iter().map(|c| c.measured))
    );
    for c in columns {
        let _ = write!(body, "<th>{}</th>", c.heading());
    }
    body.push_str("</tr></thead><tbody>");
    for requested in order {
        for (states, answer) in &merged[requested] {
            let _ = write!(
                body,
                "<tr><td class=\"v\">{}</td><td>{}</td>",
                esc(requested),
                states.join(", ")
            );
            for answer in answer.iter() {
                let _ = write!(body, "<td>{}</td>", cell_html(answer, legend));
            }
            body.push_str("</tr>");
        }
    }
    body.push_str("</tbody></table></details>");
}

/// A library request whose answer is not the raw call's in some column.
struct PathRow {
    path: String,
    requested: String,
    kind: String,
    state: String,
    cells: Vec<String>,
}

/// The paths table's rows for one kind. Returns whether one of them names a
/// library's conversion rule.
fn library_rows(
    out: &mut Vec<PathRow>,
    kind: &str,
    columns: &[&Column],
    keys: &[Key],
    cells: &Cells,
    legend: &mut Legend,
) -> bool {
    let raw = Api::Raw.to_string();
    let mut changes = false;
    for k in keys.iter().filter(|k| k.1 != raw) {
        let raw_key = (k.0.clone(), raw.clone(), k.2.clone());
        let raw_cells = cells.get(&raw_key);
        let differs_in = |col: usize| {
            let mine: Vec<&str> = cells[k][col].iter().map(|c| c.effective.as_str()).collect();
            let theirs: Vec<&str> = raw_cells
                .map(|r| r[col].iter().map(|c| c.effective.as_str()).collect())
                .unwrap_or_default();
            !mine.is_empty() && mine != theirs
        };
        if !(0..columns.len()).any(differs_in) {
            continue;
        }
        changes |= cells[k]
            .iter()
            .flatten()
            .any(|c| c.rule.split('+').any(crate::library::is_library_rule_id));
        let row = (0..columns.len())
            .map(|col| {
                let mine = cell_html(&cells[k][col], legend);
                let theirs = match raw_cells {
                    Some(r) if !r[col].is_empty() => {
                        let values: Vec<String> = r[col].iter().map(|c| esc(&c.effective)).collect();
                        format!("<br><span class=\"muted\">raw: {}</span>", values.join(" / "))
                    }
                    _ if !cells[k][col].is_empty() => {
                        "<br><span class=\"muted\">raw: no such request</span>".into()
                    }
                    _ => String::new(),
                };
                format!("{mine}{theirs}")
            })
            .collect();
        out.push(PathRow {
            path: k.1.clone(),
            requested: k.2.clone(),
            kind: kind.to_string(),
            state: k.0.clone(),
            cells: row,
        });
    }
    changes
}

/// The library paths side by side: each request a library changes, the
/// kinds and states that answer it alike on one line.
fn paths_section(body: &mut String, columns: &[&Column], rows: &[PathRow]) {
    body.push_str("<section id=\"paths\"><h2>Library paths</h2>");
    if rows.is_empty() {
        body.push_str("<p>Every library that has a call for this option passes each request as the raw call does.</p></section>");
        return;
    }
    body.push_str(
        "<p>The requests where a library's own call gives something else than the raw \
         <code>setsockopt</code>/<code>getsockopt</code> with the C type, or asks what the raw \
         call cannot (each cell: that path's value; the raw call's below it).</p>",
    );
    let _ = write!(
        body,
        "<table>{}<thead><tr><th>path</th><th>requested</th><th>kinds and states</th>",
        colgroup(3, columns.iter().map(|c| c.measured))
    );
    for c in columns {
        let _ = write!(body, "<th>{}</th>", c.heading());
    }
    body.push_str("</tr></thead><tbody>");
    // (path, requested, cells) → [(kind, [states])]
    let mut merged: Vec<(&PathRow, Places)> = Vec::new();
    for r in rows {
        let found = merged
            .iter_mut()
            .find(|(m, _)| m.path == r.path && m.requested == r.requested && m.cells == r.cells);
        let places = match found {
            Some((_, places)) => places,
            None => {
                merged.push((r, Vec::new()));
                &mut merged.last_mut().expect("just pushed").1
            }
        };
        match places.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, states)) => states.push(&r.state),
            None => places.push((&r.kind, vec![&r.state])),
        }
    }
    merged.sort_by_key(|(r, _)| Api::ALL.iter().position(|a| a.to_string() == r.path));
    for (r, places) in merged {
        // Kinds with the same states are named together.
        let mut by_states: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
        for (kind, states) in places {
            match by_states.iter_mut().find(|(s, _)| *s == states) {
                Some((_, kinds)) => kinds.push(kind),
                None => by_states.push((states, vec![kind])),
            }
        }
        let place: Vec<String> = by_states
            .iter()
            .map(|(states, kinds)| format!("{} ({})", kinds.join(", "), states.join(", ")))
            .collect();
        let _ = write!(
            body,
            "<tr><td>{}</td><td class=\"v\">{}</td><td>{}</td>",
            esc(&r.path),
            esc(&r.requested),
            esc(&place.join("; "))
        );
        for html in &r.cells {
            let _ = write!(body, "<td>{html}</td>");
        }
        body.push_str("</tr>");
    }
    body.push_str("</tbody></table></section>");
}

fn behaviours(body: &mut String, data: &Data, name: &str, legend: &mut Legend) {
    let groups: Vec<_> = data
        .behaviours
        .iter()
        .filter(|(g, _)| g.options().contains(&name))
        .collect();
    if groups.is_empty() {
        return;
    }
    body.push_str("<section id=\"behaviours\"><h2>What it does</h2>");
    for (group, table) in groups {
        let _ = write!(
            body,
            "<h3><a href=\"../behaviours/{g}.html\">{g}</a></h3>",
            g = group.name()
        );
        if table.cases.len() <= behaviour_page::INLINE_CASES {
            body.push_str(&behaviour_page::table_html(data, table, legend));
        } else {
            let _ = write!(
                body,
                "<p>{} cases: on <a href=\"../behaviours/{}.html\">their own page</a>.</p>",
                table.cases.len(),
                group.name()
            );
        }
    }
    body.push_str("</section>");
}
