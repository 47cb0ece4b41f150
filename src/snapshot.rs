//! Snapshot files: the only place that knows their format and their names.
//! A snapshot is one table per option family and platform, every value
//! host-independent (relative to host limits), so that it is the same on any
//! host of its OS. insta writes and checks the files; this module makes their
//! text, names them, and reads them back (for `compare` and for checking a
//! partial run against a committed table).

use crate::call;
use crate::case::Request;
use crate::engine::cases::Row;
use crate::host::Host;
use crate::render::{effective, fixed};
use std::path::Path;

/// The columns of an option table.
pub const COLUMNS: [&str; 7] = [
    "option",
    "kind",
    "state",
    "path",
    "requested",
    "effective",
    "rule",
];

/// The width of each column but the last (`rule`): room for the longest
/// option name (TCP_THIN_LINEAR_TIMEOUTS), kind (unix-seqpacket), state,
/// path, request and effective value the catalogue has. A longer cell
/// overflows its column; it never moves other rows.
pub const WIDTHS: [usize; 6] = [24, 14, 9, 7, 20, 28];

/// The snapshot table of some rows: one line per case.
pub fn table(rows: &[Row]) -> String {
    let mut table: Vec<Vec<String>> = vec![COLUMNS.map(String::from).to_vec()];
    table.extend(rows.iter().map(|r| {
        let c = &r.case;
        vec![
            c.option.name.to_string(),
            c.kind.to_string(),
            c.state.to_string(),
            c.api.to_string(),
            c.request.to_string(),
            effective(r),
            r.prediction.rule_id(),
        ]
    }));
    fixed(&table, &WIDTHS, " | ")
        .into_iter()
        .map(|l| l + "\n")
        .collect()
}

/// A snapshot's name and suffix: `<name>@<suffix>.snap`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Name {
    pub name: String,
    pub suffix: String,
}

impl Name {
    pub fn file_name(&self) -> String {
        format!("{}@{}.snap", self.name, self.suffix)
    }
}

/// Where a case's row goes: its family's table, or apart when the outcome
/// depends on the caller's privileges (named after those held), on the
/// kernel release (named after the era) or, on Linux, on this target's type
/// widths (named after them: `call::WIDTHS`; with the privileges where
/// both hold). Whether a library read a negative int back as a usize is
/// in the row's own prediction.
pub fn name_for(row: &Row, host: &Host) -> Name {
    let case = &row.case;
    let option = case.option;
    let platform = host.platform();
    let family = option.family().name();
    let os = platform.label();
    // (Linux only: Wine's tables were made on x86_64 alone.) A request
    // only a wide type holds, or a negative int read back as a usize.
    let wide = os == "linux"
        && (matches!(&case.request, Request::Set(v) if call::width_dependent(case.api, option, v))
            || row
                .prediction
                .rules
                .iter()
                .any(|r| crate::library::wraps_to_usize(r)));
    // A kind whose rows all move with the release gets tables of its own.
    if let Some(era) = platform.kind_era(case.kind) {
        let mut name = "mptcp".to_string();
        let mut suffix = format!("{os}-{era}");
        if option.privileged {
            name += "_privileged";
            suffix += &format!("-{}", platform.privileges());
        }
        if wide {
            name += "_width";
            suffix += &format!("-{}", call::WIDTHS);
        }
        return Name { name, suffix };
    }
    match (option.privileged, platform.era(option)) {
        // A library's usize of 2^32 and more for a FORCE size: both.
        (true, _) if wide => Name {
            name: format!("{family}_privileged_width"),
            suffix: format!("{os}-{}-{}", platform.privileges(), call::WIDTHS),
        },
        // Both the privileges and the release.
        (true, Some(era)) => Name {
            name: format!("{family}_privileged_kernel"),
            suffix: format!("{os}-{}-{era}", platform.privileges()),
        },
        (true, None) => Name {
            name: format!("{family}_privileged"),
            suffix: format!("{os}-{}", platform.privileges()),
        },
        (false, Some(era)) => Name {
            name: format!("{family}_kernel"),
            suffix: format!("{os}-{era}"),
        },
        (false, None) if wide => Name {
            name: format!("{family}_width"),
            suffix: format!("{os}-{}", call::WIDTHS),
        },
        (false, None) => Name {
            name: family.to_string(),
            suffix: os.to_string(),
        },
    }
}

/// The effects table's name.
pub fn effects_name(host: &Host) -> Name {
    Name {
        name: "effects".into(),
        suffix: host.os_label().into(),
    }
}

/// The constructor table's name (`made`: what each path's constructors
/// set unasked).
pub fn made_name(host: &Host) -> Name {
    Name {
        name: "made".into(),
        suffix: host.os_label().into(),
    }
}

/// The capacity table's name (one per era of the capacity rules).
pub fn capacity_name(host: &Host) -> Name {
    let os = host.os_label();
    Name {
        name: "capacity".into(),
        suffix: host
            .platform()
            .capacity_model()
            .map_or(os.to_string(), |model| format!("{os}-{}", model.era())),
    }
}

/// The table of a snapshot file's text: what follows insta's header.
pub fn body(file_text: &str) -> &str {
    file_text.splitn(3, "---\n").nth(2).unwrap_or_default()
}

/// A table's lines as trimmed cells.
pub fn cells(table: &str) -> Vec<Vec<String>> {
    table
        .lines()
        .map(|line| line.split(" | ").map(|c| c.trim().to_string()).collect())
        .collect()
}

/// One row of a committed option table.
#[derive(Debug, Clone)]
pub struct Entry {
    /// The platform label the file is named after (`linux`, `windows-wine`).
    pub os: String,
    pub option: String,
    pub kind: String,
    pub state: String,
    pub path: String,
    pub requested: String,
    pub effective: String,
    pub rule: String,
    /// Position in its file, so ladders keep their order.
    pub order: usize,
}

/// Every option-table row of every snapshot under `dir` (the effects and
/// capacity tables are not option cases and are left out).
/// The committed tables that are not case tables (their rows have other
/// columns): effects, capacity, what constructors set (`made`), and
/// behaviours.
const NOT_CASE_TABLES: [&str; 12] = [
    "effects",
    "capacity",
    "made",
    "behaviour",
    "behaviour-dual-stack-udp",
    "behaviour-bind",
    "behaviour-bind-other-user",
    "behaviour-broadcast",
    "behaviour-linger",
    "behaviour-wire",
    "behaviour-wire-tcp",
    "behaviour-timing",
];

pub fn read_dir(dir: &Path) -> Result<Vec<Entry>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "snap"))
        .collect();
    files.sort();
    let mut rows = Vec::new();
    for file in files {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
        let Some((family, os)) = stem.split_once('@') else {
            continue;
        };
        if NOT_CASE_TABLES.contains(&family) {
            continue;
        }
        let text =
            std::fs::read_to_string(&file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        for (order, row) in cells(body(&text)).into_iter().skip(1).enumerate() {
            let [option, kind, state, path, requested, effective, rule] = <[String; 7]>::try_from(row)
                .map_err(|row| format!("{}: a row without 7 columns: {row:?}", file.display()))?;
            rows.push(Entry {
                os: os.to_string(),
                option,
                kind,
                state,
                path,
                requested,
                effective,
                rule,
                order,
            });
        }
    }
    Ok(rows)
}
