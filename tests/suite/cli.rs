//! The CLI as a user meets it: a digest by default, every case on request,
//! usage errors with suggestions and status 2, a closed pipe ending the run
//! quietly, environment faults apart from model disagreements (status 3),
//! and JSON that validates against the published schema.

use rstest::rstest;
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

/// The binary under test; SOCKMATRIX_BIN points elsewhere when the tests run
/// from a copy (scripts/test-in runs them as another user).
fn bin() -> String {
    std::env::var("SOCKMATRIX_BIN").unwrap_or_else(|_| env!("CARGO_BIN_EXE_sockmatrix").into())
}

fn run(args: &[&str]) -> Output {
    started(|| Command::new(bin()).args(args).output())
}

/// Under Wine, CreateProcess now and then fails with ERROR_INTERNAL_ERROR
/// (1359) while other tests start processes too (seen once in a full
/// `.ci/run`); these tests are about the binary, not about Wine starting
/// it, so such a start is tried again, three times in all.
fn started<T>(mut start: impl FnMut() -> std::io::Result<T>) -> T {
    const WINE_INTERNAL_ERROR: i32 = 1359;
    for _ in 0..2 {
        match start() {
            Err(e) if cfg!(windows) && e.raw_os_error() == Some(WINE_INTERNAL_ERROR) => continue,
            started => return started.expect("the binary runs"),
        }
    }
    start().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[rstest]
#[case::unknown_flag(&["--colour"], "--colour")]
#[case::misspelt_flag(&["--kindd", "tcp4"], "similar argument exists: '--kind'")]
#[case::unknown_option(&["--option", "SO_NOPE"], "SO_SNDBUF")]
#[case::misspelt_option(&["--option", "SO_RCVBUFF"], "SO_RCVBUF")]
#[case::unknown_kind(&["--kind", "sctp"], "tcp4, tcp6, udp4, udp6, unix-stream, unix-dgram")]
#[case::unknown_state(&["--state", "closed"], "fresh, bound, listening, connected")]
#[case::unknown_format(&["--format", "yaml"], "table, markdown, json")]
#[case::unknown_path(&["--path", "mio"], "raw, socket2, nix, rustix, std, tokio")]
#[case::unknown_os(&["--os", "plan9"], "linux, macos, freebsd, windows")]
#[case::unknown_release(&["--os", "macos@9"], "modelled releases")]
#[case::missing_value(&["--value"], "a value is required")]
#[case::not_a_number(&["--value", "lots"], "not an integer")]
#[case::overflowing(&["--value", "99999999999999999999999"], "fits neither")]
#[case::below_int(&["--value", "-2147483649"], "fits neither")]
#[case::twice(&["--kind", "tcp4", "--kind", "udp4"], "cannot be used multiple times")]
#[case::listening_dgram(&["--kind", "udp4", "--state", "listening"], "states for udp4")]
// Linux: "the socket2 path has no call for SO_SNDBUFFORCE"; elsewhere: "not defined".
#[case::socket2_force(&["--option", "SO_SNDBUFFORCE", "--path", "socket2"], "SO_SNDBUFFORCE")]
// (IP_TTL: socket2's IP_MULTICAST_IF takes -1 as the address 255.255.255.255.)
#[case::negative_socket2(&["--option", "IP_TTL", "--value", "-1", "--path", "socket2"], "cannot express -1")]
#[case::compare_json(&["compare", "--format", "json"], "table, markdown")]
#[case::triage_missing(&["triage", "/nonexistent/report.json"], "cannot read")]
#[case::paths_without_value(&["paths", "--option", "SO_LINGER"], "--value")]
#[case::paths_bad_value(&["paths", "--option", "SO_LINGER", "--value", "lots"], "not a linger")]
fn bad_invocations_say_why_and_exit_2(#[case] args: &[&str], #[case] says: &str) {
    let out = run(args);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
    assert!(err.contains(says), "{args:?} should mention {says:?}: {err}");
    assert!(out.stdout.is_empty(), "{args:?} printed a report");
}

#[test]
fn the_default_is_a_digest_of_a_few_hundred_lines() {
    // One line per option and kind (about 1,000 with 106 options on nine
    // kinds here): it grows with the catalogue, but stays far below the
    // --all listing.
    let out = run(&[]);
    let text = stdout(&out);
    // A disagreement exits 1 with nothing on stderr: show the digest's
    // flagged lines and its summary, which name what disagreed.
    let flagged: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("disagree") || l.starts_with("summary: "))
        .collect();
    assert_eq!(out.status.code(), Some(0), "{}{flagged:#?}", stderr(&out));
    let lines = text.lines().count();
    assert!((100..2000).contains(&lines), "{lines} lines");
    for family in ["buffers", "socket", "tcp", "ipv4", "ipv6"] {
        assert!(text.lines().any(|l| l == family), "no {family} heading");
    }
    assert!(text.contains("SO_RCVBUF"), "{text}");
    let summary = text
        .lines()
        .find(|l| l.starts_with("summary: "))
        .expect("a summary line");
    assert!(summary.contains(" 0 model disagreements"), "{summary}");
    // Not a terminal: no colour.
    assert!(!text.contains('\u{1b}'), "colour on a pipe");
}

/// The digest's notes for one option × kind of an offline model.
fn digest_notes(os: &str, option: &str, kind: &str) -> String {
    let out = run(&["--os", os, "--option", option, "--kind", kind]);
    let text = stdout(&out);
    text.lines()
        .find(|l| l.trim_start().starts_with(option))
        .unwrap_or_else(|| panic!("no {option} line in {text}"))
        .to_string()
}

#[test]
fn the_digest_blames_socket2_not_the_os_for_its_conversions() {
    // Windows keeps any SO_SNDBUF int as set; only socket2's usize -> int
    // conversion (2^32 -> 0) changes a value.
    let windows = digest_notes("windows", "SO_SNDBUF", "tcp4");
    assert!(windows.contains("socket2 converts"), "{windows}");
    // rustix refuses a size above c_int::MAX itself: its conversion, not
    // the OS refusing; tokio's u32 goes to socket2 `as usize` then `as c_int`.
    assert!(
        windows.ends_with("rustix converts, socket2 converts, tokio converts"),
        "{windows}"
    );
    for word in ["clamped", "raised", "changed"] {
        assert!(!windows.contains(word), "{windows}");
    }
    // Linux's doubling shows on the raw path.
    let linux = digest_notes("linux", "SO_SNDBUF", "tcp4");
    assert!(
        linux.contains("doubled") && linux.contains("socket2 converts"),
        "{linux}"
    );
}

#[test]
fn a_membership_that_worked_is_no_change_in_the_digest() {
    // A join reads `ok`, not the group asked for: the digest must not call
    // it "changed", only list the refusals.
    for os in ["linux", "freebsd", "windows"] {
        let notes = digest_notes(os, "IP_ADD_MEMBERSHIP", "udp4");
        assert!(!notes.contains("changed"), "{notes}");
        assert!(notes.contains("refused: ") && notes.contains("EINVAL"), "{notes}");
    }
    // A rule formula that names its direction ("set => ...") is not
    // prefixed with it again.
    let mptcp = digest_notes("linux@6.18", "IP_ADD_MEMBERSHIP", "mptcp4");
    assert!(
        mptcp.contains("; set => ENOPROTOOPT") && !mptcp.contains("set set"),
        "{mptcp}"
    );
}

#[test]
fn all_prints_every_case() {
    let digest = run(&["--kind", "udp4"]);
    let all = run(&["--kind", "udp4", "--all"]);
    assert!(all.status.success(), "{}", stderr(&all));
    assert!(stdout(&all).lines().count() > 2 * stdout(&digest).lines().count());
}

#[test]
fn version_and_help() {
    let out = run(&["--version"]);
    assert_eq!(
        stdout(&out).trim(),
        format!("sockmatrix {}", env!("CARGO_PKG_VERSION"))
    );
    let help = stdout(&run(&["--help"]));
    assert!(help.contains("Exit status:"), "{help}");
    for sub in ["run", "compare", "triage"] {
        let out = run(&[sub, "--help"]);
        assert!(out.status.success(), "{sub} --help");
        assert!(stdout(&out).contains("Usage: sockmatrix"), "{sub}");
    }
}

/// A reader that stops after one line must not make the program panic.
// One kind is enough: the report is written after every case has run.
#[rstest]
#[case::digest(&["--kind", "udp4"])]
#[case::all(&["--kind", "udp4", "--all"])]
#[case::json(&["--kind", "udp4", "--format", "json"])]
#[case::markdown(&["--kind", "udp4", "--format", "markdown"])]
#[case::compare(&["compare"])]
#[case::model(&["--os", "freebsd", "--all"])]
fn a_closed_pipe_ends_the_run_quietly(#[case] args: &[&str]) {
    let mut child = started(|| {
        Command::new(bin())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
    });
    let mut reader = BufReader::new(child.stdout.take().expect("piped"));
    let mut first = String::new();
    reader.read_line(&mut first).expect("a first line");
    drop(reader);
    let out = child.wait_with_output().expect("it ends");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(err.is_empty(), "{args:?} said something: {err}");
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        let quiet = out.status.code() == Some(0) || out.status.signal() == Some(libc::SIGPIPE);
        assert!(quiet, "{args:?}: {:?}", out.status);
    }
}

/// Too few file descriptors stops the run with one line and status 3.
#[cfg(target_os = "linux")]
#[test]
fn fd_exhaustion_is_not_a_model_disagreement() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -n 6 && exec '{}' --kind unix-stream", bin()))
        .output()
        .expect("sh runs");
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("out of file descriptors"), "{err}");
}

/// `--fstack` with no probe to start is no model disagreement: one line,
/// status 3; beside `--os` it is a usage error.
#[test]
fn fstack_without_a_probe_stops_with_the_reason() {
    let out = run(&["--fstack", "/nonexistent/sockmatrix-probe"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(err.contains("--fstack: cannot start the F-Stack probe"), "{err}");
    let out = run(&["--fstack", "/nonexistent/sockmatrix-probe", "--os", "freebsd"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

/// Without a usable temp dir the unix kinds are skipped once, with the
/// reason, and nothing is blamed on the model.
#[cfg(unix)]
#[test]
fn no_temp_dir_skips_the_unix_kinds() {
    let out = Command::new(bin())
        .args(["--option", "SO_SNDBUF", "--all"])
        .env("TMPDIR", "/nonexistent/sockmatrix")
        .output()
        .expect("the binary runs");
    let text = stdout(&out);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert!(text.contains("unix-stream: skipped, no temp dir"), "{text}");
    assert!(text.contains("unix-dgram: skipped, no temp dir"), "{text}");
    assert!(text.contains(" 0 model disagreements"), "{text}");
    assert!(!text.contains("SO_SNDBUF · unix-stream"), "{text}");
}

#[test]
fn a_users_value_is_explained() {
    let out = run(&["--option", "so_rcvbuf", "--kind", "udp4", "--value", "3000000"]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    // 3000000 is below this host's rmem_max or above it: either way the
    // rule shows with its reason and source under the line.
    if cfg!(target_os = "linux") {
        assert!(text.contains("net/core/sock.c"), "{text}");
    }
    assert!(text.contains("SO_RCVBUF · udp4 · fresh"), "{text}");
    // Three states, through raw, socket2, nix (Unix) and rustix.
    let paths = if cfg!(unix) { 4 } else { 3 };
    assert!(
        text.contains(&format!("{} cases, 0 model disagreements", 3 * paths)),
        "{text}"
    );
}

fn schema() -> jsonschema::Validator {
    let text = include_str!("../../schema/report.schema.json");
    let schema: serde_json::Value = serde_json::from_str(text).expect("the schema is JSON");
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

fn valid_report(args: &[&str]) -> serde_json::Value {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let errors: Vec<String> = schema()
        .iter_errors(&report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .take(5)
        .collect();
    assert!(
        errors.is_empty(),
        "{args:?} breaks the schema:\n{}",
        errors.join("\n")
    );
    report
}

#[test]
fn json_lists_every_case_with_typed_host_facts() {
    let report = valid_report(&["--format", "json", "--option", "SO_SNDBUF", "--kind", "tcp4"]);
    assert_eq!(report["host"]["measured"], true);
    let cases = report["cases"].as_array().expect("cases is an array");
    // On Linux: a default per path and 35 rungs over four paths (31 raw,
    // 32 for each library's usize, 29 where usize is 32 bits) on four
    // states, and tokio's TcpSocket (a default and 29 rungs for its u32) on
    // the three states before listening. Elsewhere the rungs at a host
    // limit may be missing.
    if cfg!(target_os = "linux") {
        let library = if usize::BITS == 64 { 32 } else { 29 };
        assert_eq!(cases.len(), 4 * (4 + 31 + 3 * library) + 3 * (1 + 29));
        assert!(report["host"]["limits"]["ipv6"].is_boolean());
        assert!(report["host"]["limits"]["cap_net_admin"].is_boolean());
        assert!(report["host"]["limits"]["net.core.rmem_max"].is_i64());
    }
    for case in cases {
        assert_eq!(case["agrees"], true, "{case}");
    }
}

#[rstest]
#[case::linux("linux@6.1")]
#[case::macos("macos")]
#[case::macos_14_3("macos@14.3")]
#[case::freebsd("freebsd")]
#[case::windows("windows")]
fn an_offline_model_predicts_every_case(#[case] os: &str) {
    let report = valid_report(&["--os", os, "--format", "json"]);
    assert_eq!(report["host"]["measured"], false);
    let cases = report["cases"].as_array().expect("cases is an array");
    assert!(cases.len() > 5000, "{} cases", cases.len());
    let options: std::collections::BTreeSet<&str> =
        cases.iter().filter_map(|c| c["option"].as_str()).collect();
    assert_eq!(options.len(), sockmatrix::CATALOG.len());
    for case in cases {
        assert!(case["observed"].is_null(), "{case}");
        let rule = case["rule"].as_str().expect("a rule");
        assert!(!rule.contains("unmodelled"), "{case}");
        assert_ne!(case["predicted"]["err"], "UNMODELLED", "{case}");
    }
}

#[test]
fn markdown_has_a_table_per_group() {
    let out = run(&["--format", "markdown", "--option", "SO_RCVBUF", "--kind", "udp4"]);
    let text = stdout(&out);
    assert!(out.status.success());
    assert_eq!(
        text.matches("| requested | raw | socket2 | nix | rustix | std | tokio | rule |")
            .count(),
        3,
        "{text}"
    );
}

/// The JSON report of a small run (udp4 SO_RCVBUF, fresh), to edit.
fn small_report() -> serde_json::Value {
    let out = run(&[
        "--format",
        "json",
        "--option",
        "SO_RCVBUF",
        "--kind",
        "udp4",
        "--state",
        "fresh",
    ]);
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// `sockmatrix triage` of a report written to a temp file.
fn triage(report: &serde_json::Value) -> (Output, String) {
    let dir = tempfile::tempdir().expect("a temp dir");
    let path = dir.path().join("report.json");
    std::fs::write(&path, report.to_string()).expect("written");
    let out = run(&["triage", path.to_str().expect("utf-8")]);
    let text = stdout(&out);
    (out, text)
}

#[test]
fn triage_groups_a_reports_disagreements_by_rule() {
    let mut report = small_report();
    // As a real macOS run would report it: one case says something else.
    report["cases"][1]["agrees"] = serde_json::Value::Bool(false);
    report["cases"][1]["observed"] = serde_json::json!({ "ok": 1 });
    let rule = report["cases"][1]["rule"]
        .as_str()
        .expect("a rule")
        .rsplit('+')
        .next()
        .unwrap()
        .to_string();
    let (out, text) = triage(&report);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains("1 of"), "{text}");
    assert!(text.contains(&format!("{rule} (1 cases)")), "{text}");
    assert!(text.contains("source: "), "{text}");
}

/// On a host of that OS, `--os` with its own name is the measured run.
#[cfg(target_os = "linux")]
#[test]
fn os_naming_this_host_measures() {
    let report = valid_report(&[
        "--os", "linux", "--format", "json", "--option", "IP_TTL", "--kind", "udp4",
    ]);
    assert_eq!(report["host"]["measured"], true);
}

/// An offline report depends on nothing of the process that wrote it, so
/// two runs of it can be diffed.
#[test]
fn an_offline_report_is_the_same_from_run_to_run() {
    for os in ["macos", "freebsd", "windows"] {
        let args = ["--os", os, "--format", "json"];
        let (first, second) = (run(&args), run(&args));
        assert!(first.status.success(), "{os}: {}", stderr(&first));
        assert!(first.stdout == second.stdout, "{os}: two offline runs differ");
    }
}

/// Ctrl-C (SIGINT) or SIGTERM during a run removes its temp folder of
/// socket files and exits 128 + signal. The signal is sent once the folder
/// exists; a run that finished first is tried again (a few times at most).
#[cfg(unix)]
#[rstest]
#[case::sigint(libc::SIGINT, 130)]
#[case::sigterm(libc::SIGTERM, 143)]
fn an_interrupted_run_removes_its_temp_folder(#[case] signal: i32, #[case] status: i32) {
    use std::os::unix::process::ExitStatusExt;
    let tmp = tempfile::tempdir().expect("a temp dir");
    let has_folder = || {
        std::fs::read_dir(tmp.path())
            .map(|d| {
                d.flatten()
                    .any(|e| e.file_name().to_string_lossy().starts_with("sockmatrix-"))
            })
            .unwrap_or(false)
    };
    for _ in 0..20 {
        let mut child = Command::new(bin())
            .args(["--format", "json"])
            .env("TMPDIR", tmp.path())
            .stdout(Stdio::null())
            .spawn()
            .expect("the binary runs");
        while !has_folder() && child.try_wait().expect("waitable").is_none() {
            std::thread::yield_now();
        }
        let caught = child.try_wait().expect("waitable").is_none();
        if caught {
            // SAFETY: kill sends a signal to our own child process.
            unsafe { libc::kill(child.id() as i32, signal) };
        }
        let exit = child.wait().expect("the run ends");
        if caught && exit.code() == Some(status) {
            assert!(!has_folder(), "the interrupted run left its folder behind");
            return;
        }
        assert!(
            exit.signal().is_none(),
            "the run died by the signal instead of exiting {status}"
        );
    }
    panic!("no run could be interrupted while its folder existed");
}

/// An effect that disagrees makes `run` exit 1, so triage lists it too (it
/// used to read only the cases and call such a report clean).
#[test]
fn triage_lists_a_disagreeing_effect() {
    let out = run(&["--format", "json", "--option", "SO_RCVBUF", "--kind", "udp4"]);
    let mut report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // As a Linux run reports one (a model without effects, Wine's, has none).
    let rule = "linux.effect.rcvlowat_raises_rcvbuf";
    report["effects"] = serde_json::json!([{
        "agrees": false, "effect": "rcvlowat_raises_rcvbuf", "kind": "tcp4",
        "observed": { "ok": 1 }, "predicted": { "ok": 2097152 }, "predicted_text": "2097152",
        "rule": rule, "what": "set SO_RCVLOWAT=1048576; read SO_RCVBUF"
    }]);
    let (out, text) = triage(&report);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(text.contains(&format!("{rule} (1 cases)")), "{text}");
}

/// Triage's exit status is the run's verdict on the report: a case that
/// could not run is no disagreement (it is written `"agrees": false`), but
/// it makes the report not-run (3), as it made `run` exit 3.
#[test]
fn triage_says_what_run_said_of_a_case_that_could_not_run() {
    let mut report = small_report();
    report["cases"][0]["agrees"] = serde_json::Value::Bool(false);
    report["cases"][0]["observed"] = serde_json::json!({ "not_run": "no temp dir" });
    let (out, text) = triage(&report);
    assert_eq!(out.status.code(), Some(3), "{text}");
    assert!(text.contains(": 0 of"), "{text}");
}

#[test]
fn paths_puts_one_request_through_every_library() {
    let out = run(&[
        "paths",
        "--models",
        "--option",
        "SO_SNDBUF",
        "--value",
        "2147483648",
        "--kind",
        "udp4",
        "--state",
        "fresh",
    ]);
    let text = stdout(&out);
    assert!(out.status.success(), "{text}");
    // One line per OS model, a column per path, the library rules named
    // and explained below.
    assert_eq!(
        text.lines().filter(|l| l.contains("(model)")).count(),
        4,
        "{text}"
    );
    for words in [
        "socket2.usize_truncated",
        "nix.usize_truncated",
        "rustix.size_refused",
        "std",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
    assert!(text.contains("library rules:"), "{text}");
}

/// `site` writes a page per catalogue option, the index and its JSON (the
/// facts the browser check filters by), names only rules some model,
/// library or behaviour group defines, and writes again over a site of its
/// own. (`scripts/check-site` opens every page in Chromium.)
#[test]
fn site_writes_a_page_per_option_and_knows_every_rule_it_names() {
    let tmp = tempfile::tempdir().expect("a temp dir");
    let out_dir = tmp.path().join("site");
    let out_arg = out_dir.to_str().expect("a UTF-8 temp path");
    // Where the tests run from a copy (a VM, Wine), the copy's snapshots.
    let root = std::env::var("INSTA_WORKSPACE_ROOT").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
    let snapshots = std::path::Path::new(&root).join("snapshots");
    let snapshots = snapshots.to_str().expect("a UTF-8 path");
    let out = run(&["site", "--out", out_arg, "--snapshots", snapshots]);
    assert!(out.status.success(), "{}", stderr(&out));
    let index: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out_dir.join("index.json")).expect("index.json"))
            .expect("index.json is JSON");
    let options = index["options"].as_array().expect("an options list");
    assert_eq!(options.len(), sockmatrix::CATALOG.len());
    for o in options {
        let page = out_dir.join(o["href"].as_str().expect("an href"));
        let html = std::fs::read_to_string(&page).unwrap_or_else(|e| panic!("{}: {e}", page.display()));
        assert!(html.contains(&format!("<h1>{}</h1>", o["name"].as_str().unwrap_or_default())));
        assert!(!html.contains("not a rule of this build"), "{}", page.display());
    }
    // Linux's flags read 1, macOS's model reads the bit: the index says the
    // option differs across OSes.
    let keepalive = options
        .iter()
        .find(|o| o["name"] == "SO_KEEPALIVE")
        .expect("SO_KEEPALIVE");
    assert_eq!(keepalive["differs"], true);
    // Its own folder is written again; another one is refused.
    let again = run(&["site", "--out", out_arg, "--snapshots", snapshots]);
    assert!(again.status.success(), "{}", stderr(&again));
    let foreign = tmp.path().join("mine");
    std::fs::create_dir(&foreign).expect("a folder");
    std::fs::write(foreign.join("notes.txt"), "keep me").expect("a file");
    let refused = run(&[
        "site",
        "--out",
        foreign.to_str().expect("UTF-8"),
        "--snapshots",
        snapshots,
    ]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr(&refused));
    assert!(stderr(&refused).contains("not empty"), "{}", stderr(&refused));
    assert!(foreign.join("notes.txt").exists());
}
