//! The README's cross-OS table is what `sockmatrix compare` makes of the
//! committed snapshots; this fails when either changed without the other.

use sockmatrix::compare::{Filter, Table};
use std::path::Path;

const BEGIN: &str = "<!-- compare:begin -->\n";
const END: &str = "<!-- compare:end -->";

#[test]
fn the_cross_os_table_in_the_readme_is_fresh() {
    // scripts/test-in and test-under-wine run the tests from a copy of the tree.
    let root = std::env::var("INSTA_WORKSPACE_ROOT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let root = Path::new(&root);
    let filter = Filter {
        option: Some("SO_RCVBUF".into()),
        kind: Some("udp4".into()),
        state: Some("fresh".into()),
        path: Some("raw".into()),
    };
    let table = Table::build(&root.join("snapshots"), &filter).expect("snapshots readable");
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let start = readme.find(BEGIN).expect("README has the compare:begin marker") + BEGIN.len();
    let end = readme.find(END).expect("README has the compare:end marker");
    assert_eq!(
        &readme[start..end],
        table.markdown(),
        "README's table is stale: regenerate it with \
         `cargo run --release -- compare --option SO_RCVBUF --kind udp4 --state fresh --path raw --format markdown` \
         and paste it between the markers"
    );
}
