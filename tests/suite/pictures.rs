//! The README's picture (`docs/buffers.svg`) is what `sockmatrix plot` draws
//! from every OS's model at stock facts; this fails when the models or the
//! drawing changed without the committed file. And the HTML report is one
//! self-contained page holding every case.

use sockmatrix::engine::{cases, Report};
use sockmatrix::matrix::{self, Filter, Requests};
use sockmatrix::{plot, render, Host, Os};
use std::path::Path;

#[test]
fn the_buffer_picture_in_the_readme_is_fresh() {
    // scripts/test-in and test-under-wine run the tests from a copy of the tree.
    let root = std::env::var("INSTA_WORKSPACE_ROOT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let root = Path::new(&root);
    let committed = std::fs::read_to_string(root.join("docs/buffers.svg")).expect("docs/buffers.svg");
    let drawn = plot::stock_svg();
    assert!(
        committed == drawn,
        "docs/buffers.svg is stale: regenerate it with `{}`",
        plot::REGENERATE
    );
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    assert!(
        readme.contains("](docs/buffers.svg)"),
        "the README shows docs/buffers.svg"
    );
}

#[test]
fn the_picture_labels_each_shape_with_its_numbers() {
    let svg = plot::stock_svg();
    // Text stays text (no font feature in plotters): the viewer lays it out.
    for label in [
        "floor 2304",
        "floor 4608",
        "clamp 8388608",
        "×2: 65536 → 131072",
        "macos 15 (model)",
        "windows-wine 8.0",
        "≤ 0 → EINVAL",
    ] {
        assert!(svg.contains(label), "the picture says {label:?}");
    }
    assert!(svg.contains("<text"), "labels are SVG text");
    assert_eq!(svg, plot::stock_svg(), "drawing is deterministic");
}

#[test]
fn the_html_report_of_a_model_holds_every_case_and_no_network() {
    let host = Host::offline(Os::MacOs, None).unwrap();
    let list = matrix::cases(&host, &Filter::default(), &Requests::Ladder);
    let report = Report::new(&host, cases::run_all(&list, &host), Vec::new());
    let page = render::html(&report, &plot::stock_svg());
    assert!(page.starts_with("<!DOCTYPE html>"));
    for remote in ["http://", "https://", "src=", "<link"] {
        let outside_svg = page.replace("http://www.w3.org/2000/svg", "");
        assert!(
            !outside_svg.contains(remote),
            "the page fetches nothing ({remote})"
        );
    }
    let data = page
        .split("<script type=\"application/json\" id=\"data\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("the page embeds its data");
    let data: serde_json::Value = serde_json::from_str(data).expect("the embedded data is JSON");
    assert_eq!(data["rows"].as_array().map(Vec::len), Some(report.rows.len()));
    assert_eq!(data["measured"], false);
    // Every rule a row names has its why and source.
    let rules = data["rules"].as_object().unwrap();
    for r in &report.rows {
        for rule in &r.prediction.rules {
            assert_eq!(rules[rule.id][1], rule.why);
            assert_eq!(rules[rule.id][2], rule.source);
        }
    }
}
