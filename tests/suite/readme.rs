//! The README's cross-OS table is what `sockmatrix compare` makes of the
//! committed snapshots; this fails when either changed without the other.

use sockmatrix::compare::{Filter, Table};
use sockmatrix::host::Host;
use sockmatrix::os::Os;
use std::path::PathBuf;

/// The checkout's root (scripts/test-in and test-under-wine run the tests
/// from a copy of the tree).
fn root() -> PathBuf {
    std::env::var("INSTA_WORKSPACE_ROOT")
        .unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into())
        .into()
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).expect("README.md")
}

/// What stands between the README's `<!-- name:begin -->` line and its
/// `<!-- name:end -->` marker.
fn section<'a>(readme: &'a str, name: &str) -> &'a str {
    let (begin, end) = (format!("<!-- {name}:begin -->\n"), format!("<!-- {name}:end -->"));
    let start = readme
        .find(&begin)
        .unwrap_or_else(|| panic!("README has the {name}:begin marker"))
        + begin.len();
    let end = readme
        .find(&end)
        .unwrap_or_else(|| panic!("README has the {name}:end marker"));
    &readme[start..end]
}

/// Every OS's model at its stock facts.
fn models() -> Vec<Host> {
    Os::MODELLED
        .into_iter()
        .map(|os| Host::offline(os, None).expect("every OS has a model"))
        .collect()
}

/// The README's `name` section is `made`, which `command` prints.
fn assert_fresh(name: &str, made: String, command: &str) {
    assert_eq!(
        section(&readme(), name),
        made,
        "README's {name} table is stale: regenerate it with `{command}` and paste it between the markers"
    );
}

#[test]
fn the_cross_os_table_in_the_readme_is_fresh() {
    let filter = Filter {
        option: Some("SO_RCVBUF".into()),
        kind: Some("udp4".into()),
        state: Some("fresh".into()),
        path: Some("raw".into()),
    };
    let table = Table::build(&root().join("snapshots"), &filter).expect("snapshots readable");
    assert_fresh(
        "compare",
        table.markdown(),
        "cargo run --release -- compare --option SO_RCVBUF --kind udp4 --state fresh --path raw --format markdown",
    );
}

/// The README's table of socket2's calls says `row` exactly where the
/// catalogue has the option on that OS and the socket2 path can ask it, and
/// every such option appears as a `row`.
#[test]
fn the_socket2_call_table_in_the_readme_matches_the_catalogue() {
    use sockmatrix::api::Api;
    use std::collections::BTreeSet;
    let readme = readme();
    let table = section(&readme, "socket2-calls");
    let oses = [Os::Linux, Os::MacOs, Os::FreeBsd, Os::Windows];
    let covered = |os: Os, name: &str| {
        sockmatrix::catalog::find(name).is_some_and(|o| {
            sockmatrix::library::names(os, Api::Socket2, o)
                && sockmatrix::library::path_offers(os, Api::Socket2, o)
        })
    };
    // Whether any by-index membership rung resolves on `os`.
    let runs_by_index = |os: Os| {
        let option = sockmatrix::catalog::find("IP_ADD_MEMBERSHIP").expect("a row");
        let anchors = sockmatrix::host::Host::offline(os, None)
            .expect("a model")
            .anchors(option);
        option
            .ladder
            .iter()
            .filter(|r| r.label().contains(" on index "))
            .any(|r| r.resolve(&anchors).is_some())
    };
    let mut rows_seen: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut wrong = Vec::new();
    for line in table.lines().skip(2) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        assert_eq!(cells.len(), 7, "a row of 7 cells: {line}");
        // set_tcp_keepalive writes SO_KEEPALIVE and the three keep-alive
        // times (on Windows TCP_KEEPCNT only, beside an ioctl): a row where
        // any of them is one.
        // A call that sets different options by OS names them "A / B".
        let options: Vec<&str> = match cells[2].contains("TCP_KEEPIDLE") {
            true => vec!["TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT"],
            false => cells[2].split(" / ").collect(),
        };
        for (i, &os) in oses.iter().enumerate() {
            let cell = cells[3 + i];
            assert!(
                ["row", "missing", "set only", "not asked", "–"].contains(&cell),
                "unknown cell {cell:?} in {line}"
            );
            // A setter without a getter: the option must be a row on that
            // OS (the raw path runs it) that the socket2 path does not offer.
            if cell == "set only" {
                let row = options
                    .iter()
                    .all(|o| sockmatrix::catalog::find(o).is_some_and(|o| o.codes.on(os).is_some()));
                if !row || options.iter().any(|o| covered(os, o)) {
                    wrong.push(format!("{} on {os:?}: README says set only", cells[1]));
                }
            }
            let any = options.iter().any(|o| covered(os, o));
            // A row whose rungs for this call the OS never runs: the row
            // and the path exist, and the ladder resolves none of its
            // by-index rungs there (macOS: join_multicast_v4_n).
            if cell == "not asked" {
                if !any || runs_by_index(os) {
                    wrong.push(format!("{} on {os:?}: README says not asked", cells[1]));
                }
                continue;
            }
            if (cell == "row") != any {
                wrong.push(format!("{} on {os:?}: README says {cell}", cells[1]));
            }
            if cell == "row" {
                rows_seen.extend(options.iter().map(|o| (i, o.to_string())));
            }
        }
    }
    for (i, &os) in oses.iter().enumerate() {
        for o in sockmatrix::catalog::CATALOG
            .iter()
            .filter(|o| covered(os, o.name))
        {
            if !rows_seen.contains(&(i, o.name.to_string())) {
                wrong.push(format!("{} on {os:?} has no `row` in the README's table", o.name));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "the README's socket2 table is stale:\n{}",
        wrong.join("\n")
    );
}

/// The README's "same request, every library" table is what `sockmatrix
/// paths --models --format markdown` makes of the models today.
#[test]
fn the_same_request_table_in_the_readme_is_fresh() {
    // The table is the models as a 64-bit build asks them: where usize is
    // 32 bits, a library's usize cannot say 2^32+4096 (those rows show `-`).
    if usize::BITS != 64 {
        eprintln!("skipped: the README's table is a 64-bit build's");
        return;
    }
    use sockmatrix::render::paths;
    assert_fresh(
        "paths",
        paths::markdown(&models(), &paths::traps()),
        "cargo run --release -- paths --models --format markdown",
    );
}

/// The README's "what a constructor sets unasked" table is what `sockmatrix
/// paths --made --models --format markdown` makes of the models today.
#[test]
fn the_constructor_table_in_the_readme_is_fresh() {
    assert_fresh(
        "made",
        sockmatrix::render::made::markdown(&models()),
        "cargo run --release -- paths --made --models --format markdown",
    );
}

/// The README's dual-stack table is what `sockmatrix behaviours --models
/// --group dual-stack --format markdown` makes of the models today.
#[test]
fn the_behaviours_table_in_the_readme_is_fresh() {
    assert_fresh(
        "behaviours",
        sockmatrix::render::behaviour::markdown(&models(), &[sockmatrix::behaviour::Group::DualStack]),
        "cargo run --release -- behaviours --models --group dual-stack --format markdown",
    );
}
