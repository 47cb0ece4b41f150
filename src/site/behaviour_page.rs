//! A page per behaviour group (`behaviours/bind.html`): each case down the
//! side, each measured run and model across (model releases that answer
//! alike share a column), every outcome with its rules; and the index of
//! the groups. Small groups also show on their options' pages.

use super::data::{BehaviourTable, Data};
use super::page::{esc, page, slug};
use super::{cell_html, Legend};
use crate::behaviour::Group;
use std::fmt::Write as _;

/// Groups with at most this many cases are shown whole on their options'
/// pages too.
pub const INLINE_CASES: usize = 40;

/// The most rows one table of a group holds.
const TABLE_ROWS: usize = 100;

pub fn render(data: &Data) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut list = String::from(
        "<h1>What an option does</h1><p>Each group sets sockets up on loopback, does one thing, and records \
         what happened: measured where a run is committed, the OS's model elsewhere.</p><ul>",
    );
    for (group, table) in &data.behaviours {
        let options: Vec<String> = group
            .options()
            .iter()
            .map(|o| format!("<a href=\"../options/{}.html\">{}</a>", slug(o), esc(o)))
            .collect();
        let _ = write!(
            list,
            "<li><a href=\"{g}.html\">{g}</a>: {} cases · {}</li>",
            table.cases.len(),
            options.join(", "),
            g = group.name()
        );
        let mut legend = Legend::new(data);
        let mut body = format!(
            "<h1>Behaviour: {}</h1><p>Options: {}.</p>{}",
            group.name(),
            options.join(", "),
            reading(*group)
        );
        body.push_str(&table_html(data, table, &mut legend));
        legend.write(&mut body, 1);
        files.push((
            format!("behaviours/{}.html", group.name()),
            page(&format!("behaviour {}", group.name()), 1, &body, false).into_bytes(),
        ));
    }
    list.push_str("</ul>");
    files.push((
        "behaviours/index.html".into(),
        page("Behaviours", 1, &list, false).into_bytes(),
    ));
    files
}

/// How to read a case whose text is its table columns.
fn reading(group: Group) -> &'static str {
    match group {
        Group::Bind | Group::BindOtherUser => {
            "<p>A case reads: the transport; the first socket's reuse options, its address and the \
             state it is left in; the second socket's reuse options and the address it binds on the \
             same port. TCP's outcome is the second bind, then its listen (and the first's listen when \
             it had only bound); UDP's is the second bind, then who receives eight clients' datagrams.</p>"
        }
        _ => "",
    }
}

/// The group's table: a column per measured source and per model (its
/// releases merged where every case answers alike).
pub fn table_html(data: &Data, table: &BehaviourTable, legend: &mut Legend) -> String {
    let answers: std::collections::BTreeMap<usize, _> = table
        .cells
        .iter()
        .filter(|(_, cells)| !cells.is_empty())
        .map(|(&i, cells)| (i, cells))
        .collect();
    let columns = super::merged_columns(data, &answers, |_| false);
    if columns.is_empty() {
        return "<p>No run or model answers this group.</p>".into();
    }
    let mut head = format!(
        "<table class=\"bh\">{}<thead><tr><th>case</th>",
        super::colgroup(1, columns.iter().map(|c| c.measured))
    );
    for c in &columns {
        let _ = write!(head, "<th>{}</th>", c.heading());
    }
    head.push_str("</tr></thead><tbody>");
    let mut out = head.clone();
    for (n, case) in table.cases.iter().enumerate() {
        // A long group is cut into tables of TABLE_ROWS: a browser lays out
        // (and paints) each on its own instead of waiting for a thousand rows.
        if n > 0 && n % TABLE_ROWS == 0 {
            out.push_str("</tbody></table>");
            out.push_str(&head);
        }
        let _ = write!(out, "<tr><td>{}</td>", esc(case));
        for c in &columns {
            let cell = table
                .cells
                .get(&c.sources[0])
                .and_then(|c| c.get(case))
                .map(|answers| cell_html(answers, legend))
                .unwrap_or_else(|| "<span class=\"muted\">–</span>".into());
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str(
        "</tbody></table><p class=\"muted\">– in a measured column: the case is not in that run's \
         snapshot (its outcome follows a host fact, such as the default of IPV6_V6ONLY, so it is \
         checked against the model but not stored), or that platform does not run the group.</p>",
    );
    out
}
