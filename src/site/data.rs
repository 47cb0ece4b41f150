//! What the site shows, gathered once: every committed snapshot row (the
//! measured runs: Linux and its kernels and archs, Wine, F-Stack, and any OS
//! whose real run is committed) and every model's prediction for each of
//! its releases (the OSes with no committed run), keyed alike, with every
//! rule the rows name.

use crate::behaviour::{self, Group};
use crate::engine;
use crate::host::Host;
use crate::matrix::{self, Requests};
use crate::os::Os;
use crate::platform::{self, Platform};
use crate::render;
use crate::rule::Rule;
use crate::snapshot;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// One column of the site: a measured platform label, or one release of a
/// model.
#[derive(Debug, Clone)]
pub struct Source {
    /// `linux`, `windows-wine`, `freebsd-fstack`, `macos@15`.
    pub id: String,
    /// What the column is called: `Linux`, `macOS 15`.
    pub title: String,
    /// The OS page its rules are on (`linux`, `windows-wine`, `macos`).
    pub os_page: &'static str,
    /// The model's OS when this is one release of a model (releases of the
    /// same OS merge into one column where they agree).
    pub model_of: Option<Os>,
}

impl Source {
    pub fn measured(&self) -> bool {
        self.model_of.is_none()
    }

    /// The OS the answers are of: the model's, or a measured run's (F-Stack
    /// runs FreeBSD's own code; Wine is not Windows: none).
    pub fn os(&self) -> Option<Os> {
        match self.model_of {
            Some(os) => Some(os),
            None => match self.os_page {
                "windows-wine" => None,
                page => Os::MODELLED.into_iter().find(|os| os.name() == page),
            },
        }
    }
}

/// One answer: what a request became in one source, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Cell {
    pub effective: String,
    /// Rule ids joined by `+`.
    pub rule: String,
    /// The snapshot variant a measured row came from (`cap_net_admin`,
    /// `64bit`, `before-6.16`), when not the platform's main table.
    pub variant: Option<String>,
}

/// One case of one source.
#[derive(Debug, Clone)]
pub struct Row {
    pub source: usize,
    pub kind: String,
    pub state: String,
    pub path: String,
    pub requested: String,
    /// Position in its table, so ladders keep their order.
    pub order: usize,
    pub cell: Cell,
}

/// A behaviour group's answers: the cases in the group's order, and per
/// source (by index) each case's outcome and rule.
#[derive(Debug, Default)]
pub struct BehaviourTable {
    pub cases: Vec<String>,
    /// A measured source may answer a case in several variants (the
    /// 32-bit program's table beside the main one).
    pub cells: BTreeMap<usize, HashMap<String, Vec<Cell>>>,
}

/// Everything the pages are made of.
pub struct Data {
    pub sources: Vec<Source>,
    /// Option name → its rows in every source.
    pub options: BTreeMap<String, Vec<Row>>,
    /// Every rule any platform, library or behaviour group defines, by id.
    pub rules: BTreeMap<&'static str, &'static Rule>,
    pub behaviours: Vec<(Group, BehaviourTable)>,
}

/// A measured platform: its snapshot label, its title, its OS page.
type Measured = (&'static str, &'static str, &'static str);

/// The measured platform labels a snapshot suffix can start with, the most
/// specific first, with their titles and OS pages.
const MEASURED: [Measured; 6] = [
    ("windows-wine", "Windows API under Wine", "windows-wine"),
    ("freebsd-fstack", "FreeBSD 13.0 stack via F-Stack", "freebsd"),
    ("linux", "Linux", "linux"),
    ("macos", "macOS", "macos"),
    ("freebsd", "FreeBSD", "freebsd"),
    ("windows", "Windows", "windows"),
];

/// `linux-cap_net_admin-64bit` → (`linux`, Some(`cap_net_admin-64bit`)).
fn split_label(label: &str) -> Option<(&'static Measured, Option<String>)> {
    MEASURED.iter().find_map(|m| {
        if label == m.0 {
            Some((m, None))
        } else {
            label
                .strip_prefix(m.0)
                .and_then(|rest| rest.strip_prefix('-'))
                .map(|rest| (m, Some(rest.to_string())))
        }
    })
}

/// An OS's name as people write it.
pub fn os_title(os: Os) -> &'static str {
    match os {
        Os::Linux => "Linux",
        Os::MacOs => "macOS",
        Os::FreeBsd => "FreeBSD",
        Os::Windows => "Windows",
        Os::Other => "other",
    }
}

impl Data {
    /// Reads the snapshots under `dir` and asks every model without a
    /// committed run, release by release.
    pub fn gather(dir: &Path) -> Result<Data, String> {
        let mut data = Data {
            sources: Vec::new(),
            options: BTreeMap::new(),
            rules: BTreeMap::new(),
            behaviours: Vec::new(),
        };
        data.read_measured(dir)?;
        let models = data.ask_models()?;
        data.collect_rules();
        data.read_behaviours(dir, &models)?;
        Ok(data)
    }

    fn source_index(&mut self, source: Source) -> usize {
        match self.sources.iter().position(|s| s.id == source.id) {
            Some(i) => i,
            None => {
                self.sources.push(source);
                self.sources.len() - 1
            }
        }
    }

    fn measured_source(&mut self, label: &str) -> Result<(usize, Option<String>), String> {
        let (m, variant) = split_label(label)
            .ok_or_else(|| format!("snapshot label {label:?} names no platform the site knows"))?;
        let i = self.source_index(Source {
            id: m.0.to_string(),
            title: m.1.to_string(),
            os_page: m.2,
            model_of: None,
        });
        Ok((i, variant))
    }

    fn read_measured(&mut self, dir: &Path) -> Result<(), String> {
        for e in snapshot::read_dir(dir)? {
            let (source, variant) = self.measured_source(&e.os)?;
            self.options.entry(e.option).or_default().push(Row {
                source,
                kind: e.kind,
                state: e.state,
                path: e.path,
                requested: e.requested,
                order: e.order,
                cell: Cell {
                    effective: e.effective,
                    rule: e.rule,
                    variant,
                },
            });
        }
        Ok(())
    }

    /// Every release of every modelled OS that has no committed run of its
    /// own (Linux has one: its models are what those snapshots agree with).
    fn ask_models(&mut self) -> Result<Vec<(usize, Host)>, String> {
        let mut hosts = Vec::new();
        for os in Os::MODELLED {
            if self.sources.iter().any(|s| s.measured() && s.id == os.name()) {
                continue;
            }
            for release in platform::releases(os) {
                let host = Host::offline(os, Some(release)).map_err(|e| e.to_string())?;
                let source = self.source_index(Source {
                    id: format!("{}@{release}", os.name()),
                    title: format!("{} {release}", os_title(os)),
                    os_page: os.name(),
                    model_of: Some(os),
                });
                let cases = matrix::cases(&host, &matrix::Filter::default(), &Requests::Ladder);
                for (order, row) in engine::cases::run_all(&cases, &host).into_iter().enumerate() {
                    let c = &row.case;
                    self.options
                        .entry(c.option.name.to_string())
                        .or_default()
                        .push(Row {
                            source,
                            kind: c.kind.to_string(),
                            state: c.state.to_string(),
                            path: c.api.to_string(),
                            requested: c.request.to_string(),
                            order,
                            cell: Cell {
                                effective: render::effective(&row),
                                rule: row.prediction.rule_id(),
                                variant: None,
                            },
                        });
                }
                hosts.push((source, host));
            }
        }
        Ok(hosts)
    }

    /// The rules of every platform (each model release, Wine, F-Stack),
    /// library, constructor and behaviour group.
    fn collect_rules(&mut self) {
        // Every release of every modelled OS (the models the columns asked
        // are among them), then Wine and F-Stack.
        let platforms: Vec<Box<dyn Platform>> = vec![
            Box::new(platform::wine::Wine::offline()),
            Box::new(platform::fstack::FstackFreeBsd::offline()),
        ];
        let mut hosts: Vec<Host> = Vec::new();
        for os in Os::MODELLED {
            for release in platform::releases(os) {
                if let Ok(h) = Host::offline(os, Some(release)) {
                    hosts.push(h);
                }
            }
        }
        let mut add = |rule: &'static Rule| {
            self.rules.entry(rule.id).or_insert(rule);
        };
        let every_platform = hosts
            .iter()
            .map(|h| h.platform())
            .chain(platforms.iter().map(|p| &**p));
        for p in every_platform {
            p.rules().into_iter().for_each(&mut add);
            for group in Group::ALL {
                engine::behaviours::group_rules(p, group)
                    .into_iter()
                    .for_each(&mut add);
            }
        }
        crate::library::rules().for_each(&mut add);
        crate::made::rules().for_each(&mut add);
        add(&platform::UNMODELLED);
    }

    /// The committed behaviour tables (measured) and each model's answers.
    fn read_behaviours(&mut self, dir: &Path, models: &[(usize, Host)]) -> Result<(), String> {
        let mut tables: Vec<(Group, BehaviourTable)> = Group::ALL
            .into_iter()
            .map(|g| {
                let cases = behaviour::cases(g).iter().map(case_key).collect();
                (
                    g,
                    BehaviourTable {
                        cases,
                        cells: BTreeMap::new(),
                    },
                )
            })
            .collect();
        for (family, label, text) in behaviour_files(dir)? {
            let Some((_, table)) = tables.iter_mut().find(|(g, _)| group_file(*g) == family) else {
                continue;
            };
            let (source, variant) = self.measured_source(&label)?;
            for line in snapshot::body(&text).lines() {
                let cells: Vec<&str> = split_wide(line);
                let [case @ .., outcome, rule] = cells.as_slice() else {
                    continue;
                };
                let key = case.join(" ");
                if !table.cases.contains(&key) {
                    table.cases.push(key.clone());
                }
                let answers = table.cells.entry(source).or_default().entry(key).or_default();
                answers.push(Cell {
                    effective: outcome.to_string(),
                    rule: rule.to_string(),
                    variant: variant.clone(),
                });
                // The main table's answer first, its variants after it.
                answers.sort_by_key(|c| c.variant.is_some());
            }
        }
        for (source, host) in models {
            for (group, table) in &mut tables {
                let run = engine::behaviours::modelled_group(host, *group);
                let cells = table.cells.entry(*source).or_default();
                for row in run.rows {
                    cells.insert(
                        case_key(&row.case),
                        vec![Cell {
                            effective: render::behaviour::effective(&row),
                            rule: row.prediction.rule_id(),
                            variant: None,
                        }],
                    );
                }
            }
        }
        self.behaviours = tables;
        Ok(())
    }

    /// The sources in column order: measured first, then the models.
    pub fn source_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.sources.len()).collect();
        // Linux, then Wine and F-Stack (MEASURED's order after its most
        // specific labels), then the models in `Os::MODELLED`'s order.
        let rank = |id: &str| match MEASURED.iter().position(|m| m.0 == id) {
            Some(r) if r < 2 => r + 1,
            Some(2) => 0,
            Some(r) => r,
            None => MEASURED.len(),
        };
        order.sort_by_key(|&i| (!self.sources[i].measured(), rank(&self.sources[i].id), i));
        order
    }
}

/// A behaviour case as its snapshot row's cells say it, blanks left out.
fn case_key(case: &behaviour::Case) -> String {
    let cells: Vec<String> = case.columns().into_iter().filter(|c| !c.is_empty()).collect();
    cells.join(" ")
}

/// A snapshot's aligned row split at runs of two or more spaces.
fn split_wide(line: &str) -> Vec<&str> {
    line.split("  ")
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

/// The family part of a behaviour group's snapshot name.
pub fn group_file(group: Group) -> String {
    match group {
        Group::DualStack => "behaviour".to_string(),
        g => format!("behaviour-{}", g.name()),
    }
}

/// Every committed behaviour table: (family, label, text).
fn behaviour_files(dir: &Path) -> Result<Vec<(String, String, String)>, String> {
    let mut out = Vec::new();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let Some((family, label)) = stem.split_once('@') else {
            continue;
        };
        if !family.starts_with("behaviour") || path.extension().is_none_or(|x| x != "snap") {
            continue;
        }
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        out.push((family.to_string(), label.to_string(), text));
    }
    Ok(out)
}
