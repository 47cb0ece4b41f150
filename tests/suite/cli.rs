//! The CLI as a user meets it: good invocations print reports, every bad one
//! prints one line naming the valid choices and exits with status 2.

use rstest::rstest;
use std::process::{Command, Output};

/// The binary under test; SOCKMATRIX_BIN points elsewhere when the tests run
/// from a copy (scripts/test-in runs them as another user).
fn run(args: &[&str]) -> Output {
    let bin = std::env::var("SOCKMATRIX_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_sockmatrix").into());
    Command::new(bin).args(args).output().expect("the binary runs")
}

#[rstest]
#[case::unknown_flag(&["--colour"], "valid flags")]
#[case::unknown_option(&["--option", "SO_NOPE"], "SO_SNDBUF, SO_RCVBUF")]
#[case::unknown_kind(&["--kind", "sctp"], "tcp4, tcp6, udp4, udp6, unix-stream, unix-dgram")]
#[case::unknown_state(&["--state", "closed"], "fresh, bound, listening, connected")]
#[case::unknown_format(&["--format", "yaml"], "table, markdown, json")]
#[case::unknown_path(&["--path", "nix"], "raw, socket2")]
#[case::missing_value(&["--value"], "needs a value")]
#[case::empty_value(&["--value="], "needs a value")]
#[case::not_a_number(&["--value", "lots"], "not an integer")]
#[case::overflowing(&["--value", "99999999999999999999999"], "fits neither")]
#[case::below_int(&["--value", "-2147483649"], "fits neither")]
#[case::twice(&["--kind", "tcp4", "--kind", "udp4"], "given twice")]
#[case::listening_dgram(&["--kind", "udp4", "--state", "listening"], "states for udp4")]
// Linux: "the socket2 path has no call for SO_SNDBUFFORCE"; elsewhere: "not defined".
#[case::socket2_force(&["--option", "SO_SNDBUFFORCE", "--path", "socket2"], "SO_SNDBUFFORCE")]
#[case::negative_socket2(&["--value", "-1", "--path", "socket2"], "cannot express -1")]
fn bad_invocations_say_one_line_and_exit_2(#[case] args: &[&str], #[case] says: &str) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{args:?}: {stderr}");
    assert!(
        stderr.contains(says),
        "{args:?} should mention {says:?}: {stderr}"
    );
    assert!(out.stdout.is_empty(), "{args:?} printed a report");
}

#[test]
fn a_users_value_is_explained() {
    let out = run(&["--option", "so_rcvbuf", "--kind", "udp4", "--value", "3000000"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}");
    // 3000000 is below this host's rmem_max or above it: either way the
    // rule shows with its reason and source under the line.
    if cfg!(target_os = "linux") {
        assert!(stdout.contains("net/core/sock.c"), "{stdout}");
    }
    assert!(stdout.contains("SO_RCVBUF · udp4 · fresh"), "{stdout}");
    assert!(stdout.contains("6 cases, 0 model disagreements"), "{stdout}");
}

#[test]
fn json_lists_every_case_with_the_fixed_keys() {
    let out = run(&["--format", "json", "--option", "SO_SNDBUF", "--kind", "tcp4"]);
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    for key in ["os", "kernel", "limits", "calibrated"] {
        assert!(report["host"].get(key).is_some(), "host.{key} missing");
    }
    let cases = report["cases"].as_array().expect("cases is an array");
    // On Linux: a default and 35 rungs over two paths (31 raw, 32 socket2)
    // on four states. Elsewhere the rungs at a host limit may be missing.
    if cfg!(target_os = "linux") {
        assert_eq!(cases.len(), 4 * (2 + 31 + 32));
    } else {
        assert!(cases.len() >= 4 * 2, "{}", cases.len());
    }
    for case in cases {
        for key in [
            "option",
            "kind",
            "state",
            "path",
            "requested",
            "observed",
            "predicted",
            "rule",
            "agrees",
        ] {
            assert!(case.get(key).is_some(), "case key {key} missing in {case}");
        }
        assert_eq!(case["agrees"], true, "{case}");
    }
}

#[test]
fn markdown_has_a_table_per_group() {
    let out = run(&["--format", "markdown", "--option", "SO_RCVBUF", "--kind", "udp4"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert_eq!(
        stdout.matches("| requested | raw | socket2 | rule |").count(),
        3,
        "{stdout}"
    );
}

#[test]
fn help_prints_usage() {
    let out = run(&["--help"]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("usage: sockmatrix"));
}
