//! `sockmatrix site --out DIR`: a static, self-contained site of every
//! option on every OS, built from the committed snapshots (measured) and the
//! models (every release of the OSes with no committed run): an index with
//! search and filters, a page per option, per OS, per library and per
//! behaviour group, the buffer plots, and the CI runs' reports when given.
//! No CDN and no network: it works from `file://` and any static host.

mod behaviour_page;
mod data;
mod index;
mod option_page;
mod page;
mod rule_pages;
mod runs;

pub use data::Data;

use data::{Cell, Row};
use page::esc;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What a build wrote.
#[derive(Debug)]
pub struct Summary {
    pub pages: usize,
    pub bytes: u64,
    pub options: usize,
    pub out: PathBuf,
}

/// The file that marks a folder as a site this command wrote (and may
/// therefore empty and write again).
const MARKER: &str = ".sockmatrix-site";

/// Builds the site from the snapshots under `snapshots` (and the JSON
/// reports under `reports`, if given) into `out`.
pub fn build(snapshots: &Path, reports: Option<&Path>, out: &Path) -> Result<Summary, String> {
    prepare(out)?;
    let data = Data::gather(snapshots)?;
    let mut files: Vec<(String, Vec<u8>)> = vec![
        ("site.css".into(), page::CSS.as_bytes().to_vec()),
        ("site.js".into(), page::JS.as_bytes().to_vec()),
        (MARKER.into(), b"written by sockmatrix site\n".to_vec()),
    ];
    let mut entries = Vec::new();
    for spec in crate::catalog::CATALOG {
        let rows = data.options.get(spec.name).map(Vec::as_slice).unwrap_or_default();
        let p = option_page::render(&data, spec.name, rows);
        files.push((
            format!("options/{}.html", page::slug(spec.name)),
            p.html.into_bytes(),
        ));
        entries.push(index::Entry {
            spec,
            differs: p.differs,
            library_changes: p.library_changes,
        });
    }
    let (index_html, index_json) = index::render(&entries);
    files.push(("index.html".into(), index_html.into_bytes()));
    files.push(("index.json".into(), index_json.into_bytes()));
    files.extend(rule_pages::render(&data));
    files.extend(behaviour_page::render(&data));
    files.extend(plots());
    files.extend(runs::render(reports)?);

    let mut bytes = 0;
    let mut pages = 0;
    for (name, content) in &files {
        let path = out.join(name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        std::fs::write(&path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        bytes += content.len() as u64;
        pages += usize::from(name.ends_with(".html"));
    }
    Ok(Summary {
        pages,
        bytes,
        options: entries.len(),
        out: out.to_path_buf(),
    })
}

/// An empty folder to write into: a new one, or an earlier site's (emptied);
/// never a folder of something else.
fn prepare(out: &Path) -> Result<(), String> {
    if out.exists() {
        let mut entries =
            std::fs::read_dir(out).map_err(|e| format!("cannot read {}: {e}", out.display()))?;
        if entries.next().is_some() {
            if !out.join(MARKER).exists() {
                return Err(format!(
                    "{} is not empty and is no site this command wrote: give a new or empty folder",
                    out.display()
                ));
            }
            remove_files(out)?;
        }
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))
}

/// Every file under `dir`, its folders left standing: on Windows a folder
/// removed and made again at once can still be pending deletion (a sharing
/// violation), and the build writes the same folders anyway.
fn remove_files(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let removed = match path.is_dir() {
            true => remove_files(&path),
            false => std::fs::remove_file(&path).map_err(|e| e.to_string()),
        };
        removed.map_err(|e| format!("cannot empty {}: {e}", path.display()))?;
    }
    Ok(())
}

/// The buffer plots: every OS together and one per OS, from the models at
/// stock facts (`sockmatrix plot`).
fn plots() -> Vec<(String, Vec<u8>)> {
    let series = crate::plot::stock();
    let mut files = vec![(
        "plots/buffers.svg".to_string(),
        crate::plot::stock_svg().into_bytes(),
    )];
    let mut body = String::from(
        "<h1>Buffer plots</h1><p>Effective against requested <code>SO_SNDBUF</code> and <code>SO_RCVBUF</code> \
         on udp4, from each model at its stock facts (<code>sockmatrix plot</code>); Linux's and Wine's are \
         the models their committed measured snapshots agree with.</p>\
         <h2>Every OS</h2><img src=\"buffers.svg\" alt=\"every OS's buffer sizes\" width=\"900\">",
    );
    for s in series {
        let name = format!(
            "buffers-{}.svg",
            page::slug(s.name.split(' ').next().unwrap_or(&s.name))
        );
        let what = if s.model_only {
            "model only"
        } else {
            "the model its measured snapshots agree with"
        };
        let svg = crate::plot::svg(std::slice::from_ref(&s), &format!("{}: {what}.", s.name));
        let _ = write!(
            body,
            "<h2 id=\"{id}\">{n}</h2><img src=\"{name}\" alt=\"{n}'s buffer sizes\" width=\"900\">",
            id = page::slug(s.name.split(' ').next().unwrap_or(&s.name)),
            n = esc(&s.name)
        );
        files.push((format!("plots/{name}"), svg.into_bytes()));
    }
    files.push((
        "plots/index.html".into(),
        page::page("Buffer plots", 1, &body, false).into_bytes(),
    ));
    files
}

/// The page (from the site's root) a rule's reason and source are on, by
/// its id's first word.
pub fn rule_page(id: &str) -> String {
    let prefix = id.split('.').next().unwrap_or_default();
    if let Some(lib) = crate::library::library_of_rule_id(id) {
        return format!("lib/{lib}.html");
    }
    match prefix {
        "linux" | "macos" | "freebsd" | "windows" => format!("os/{prefix}.html"),
        "wine" => "os/windows-wine.html".into(),
        "made" => "lib/made.html".into(),
        _ => "os/other.html".into(),
    }
}

/// A link to a rule from a page `depth` folders down.
pub fn rule_href(id: &str, depth: usize) -> String {
    format!("{}{}#{}", "../".repeat(depth), rule_page(id), esc(id))
}

/// One column of a table: a measured source, or model releases that answer
/// alike.
#[derive(Debug, Clone)]
pub struct Column {
    pub sources: Vec<usize>,
    pub title: String,
    pub measured: bool,
    /// The OS whose answers these are, for "differs across OSes" (none for
    /// Wine, which is not Windows).
    pub os: Option<crate::os::Os>,
    /// Nothing here but UNDEFINED (or, for a measured source, no row where
    /// the OS lacks the option).
    pub undefined: bool,
}

impl Column {
    pub fn heading(&self) -> String {
        match self.measured {
            true => format!("<span class=\"meas\">{}</span>", esc(&self.title)),
            false => format!("<span class=\"model\">{} (model)</span>", esc(&self.title)),
        }
    }
}

/// The columns for one option's rows: each measured source, and each
/// model's releases merged where they answer every request alike.
pub fn columns(data: &Data, rows: &[Row]) -> Vec<Column> {
    // kind, state, path, requested, answer
    type Answer<'a> = (&'a str, &'a str, &'a str, &'a str, &'a Cell);
    let mut per_source: BTreeMap<usize, Vec<Answer>> = BTreeMap::new();
    for r in rows {
        per_source
            .entry(r.source)
            .or_default()
            .push((&r.kind, &r.state, &r.path, &r.requested, &r.cell));
    }
    for list in per_source.values_mut() {
        list.sort();
    }
    merged_columns(data, &per_source, |list| {
        list.iter().all(|r| r.4.effective == "UNDEFINED")
    })
}

/// A column per source that has answers, in column order, the releases of
/// one model merged where their answers are equal.
pub fn merged_columns<T: PartialEq>(
    data: &Data,
    answers: &BTreeMap<usize, T>,
    undefined: impl Fn(&T) -> bool,
) -> Vec<Column> {
    let mut columns: Vec<Column> = Vec::new();
    for i in data.source_order() {
        let source = &data.sources[i];
        let Some(mine) = answers.get(&i) else {
            continue;
        };
        if let Some(last) = columns.last_mut() {
            let first = last.sources[0];
            let same_model = source.model_of.is_some()
                && data.sources[first].model_of == source.model_of
                && answers.get(&first) == Some(mine);
            if same_model {
                last.sources.push(i);
                let release = source.id.split('@').nth(1).unwrap_or_default();
                let _ = write!(last.title, ", {release}");
                continue;
            }
        }
        columns.push(Column {
            sources: vec![i],
            title: source.title.clone(),
            measured: source.measured(),
            os: source.os(),
            undefined: undefined(mine),
        });
    }
    columns
}

/// The rules a page names, numbered in order of first use, written out at
/// its end with their formulas, reasons and sources.
pub struct Legend<'a> {
    rules: &'a BTreeMap<&'static str, &'static crate::rule::Rule>,
    ids: Vec<String>,
}

impl<'a> Legend<'a> {
    pub fn new(data: &'a Data) -> Legend<'a> {
        Legend {
            rules: &data.rules,
            ids: Vec::new(),
        }
    }

    fn number(&mut self, id: &str) -> usize {
        match self.ids.iter().position(|i| i == id) {
            Some(n) => n + 1,
            None => {
                self.ids.push(id.to_string());
                self.ids.len()
            }
        }
    }

    /// The numbered marks of a `+`-joined rule list, each a link to the
    /// legend.
    pub fn marks(&mut self, rules: &str) -> String {
        let marks: Vec<String> = rules
            .split('+')
            .filter(|r| !r.is_empty())
            .map(|r| {
                let n = self.number(r);
                format!("<a href=\"#r{n}\">{n}</a>")
            })
            .collect();
        match marks.is_empty() {
            true => String::new(),
            false => format!("<sup>{}</sup>", marks.join(",")),
        }
    }

    /// The formula of the last rule of a `+`-joined list (the one that gave
    /// the value), or its id when the rule is unknown.
    pub fn formula(&self, rules: &str) -> String {
        let last = rules.split('+').next_back().unwrap_or(rules);
        self.rules.get(last).map_or(last, |r| r.formula).to_string()
    }

    /// The legend as a section, with every rule's formula, reason and source
    /// and a link to its OS or library page (`depth` folders up to the
    /// root).
    pub fn write(&self, body: &mut String, depth: usize) {
        if self.ids.is_empty() {
            return;
        }
        body.push_str("<section id=\"rules\"><h2>Rules on this page</h2><dl class=\"rules\">");
        for (i, id) in self.ids.iter().enumerate() {
            let n = i + 1;
            let _ = write!(
                body,
                "<dt id=\"r{n}\">{n}. <a href=\"{}\">{}</a></dt>",
                rule_href(id, depth),
                esc(id)
            );
            match self.rules.get(id.as_str()) {
                Some(rule) => {
                    let _ = write!(
                        body,
                        "<dd><code>{}</code> {}<br><span class=\"muted\">source: {}</span></dd>",
                        esc(rule.formula),
                        esc(rule.why),
                        esc(rule.source)
                    );
                }
                None => body.push_str(
                    "<dd class=\"muted\">not a rule of this build's models (an older snapshot's id)</dd>",
                ),
            }
        }
        body.push_str("</dl></section>");
    }
}

/// A cell's answers (several where a measured source has variants) as
/// HTML: the value, its rule marks, the variant.
pub fn cell_html(cells: &[Cell], legend: &mut Legend) -> String {
    let mut out = String::new();
    for (i, c) in cells.iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        match is_error(&c.effective) {
            true => write!(out, "<code class=\"e\">{}</code>", esc(&c.effective)),
            false => write!(out, "<code>{}</code>", esc(&c.effective)),
        }
        .expect("writing to a String");
        out.push_str(&legend.marks(&c.rule));
        if let Some(v) = &c.variant {
            let _ = write!(out, "<sub>{}</sub>", esc(v));
        }
    }
    out
}

/// A table's columns: `leading` label columns, then one per source column,
/// tinted measured or model (a `<col>` styles a whole column at once).
pub fn colgroup(leading: usize, measured: impl Iterator<Item = bool>) -> String {
    let mut out = format!("<colgroup><col span=\"{leading}\">");
    for m in measured {
        out.push_str(if m {
            "<col class=\"m\">"
        } else {
            "<col class=\"p\">"
        });
    }
    out.push_str("</colgroup>");
    out
}

/// An errno or Winsock error name, or UNDEFINED.
pub fn is_error(v: &str) -> bool {
    v.starts_with('E') && v.len() > 1 && v.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        || v.starts_with("WSAE")
        || v == "UNDEFINED"
}
