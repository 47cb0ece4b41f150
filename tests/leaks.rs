//! No leaks: the whole matrix, run several times in this process, leaves the
//! open fd count and the temp dir exactly as they were. Alone in its test
//! binary so that no other test opens files meanwhile.
#![cfg(target_os = "linux")]

use sockmatrix::engine;
use sockmatrix::host::Host;
use sockmatrix::matrix::{self, Filter, Requests};

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").expect("/proc/self/fd").count()
}

fn our_temp_entries() -> Vec<String> {
    let prefix = format!("sockmatrix-{}-", std::process::id());
    let mut names: Vec<String> = std::fs::read_dir(std::env::temp_dir())
        .expect("temp dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.starts_with(&prefix))
        .collect();
    names.sort();
    names
}

#[test]
fn the_matrix_leaves_no_fd_and_no_file() {
    let host = Host::detect().expect("host facts");
    let cases = matrix::cases(&host, &Filter::default(), &Requests::Ladder);
    // One warm-up run: lazily opened process-wide handles are not leaks.
    engine::cases::run_all(&cases, &host);
    let (fds, files) = (open_fds(), our_temp_entries());
    // Three rounds; the emulated kernels of scripts/kernel-matrix take one
    // (SOCKMATRIX_LEAK_ROUNDS), the host's run keeps three.
    let rounds: usize = std::env::var("SOCKMATRIX_LEAK_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    for round in 0..rounds {
        let rows = engine::cases::run_all(&cases, &host);
        let effects = engine::effects::run_all(&host);
        assert_eq!(rows.len(), cases.len());
        assert!(!effects.is_empty());
        assert_eq!(open_fds(), fds, "open fds changed after round {round}");
        assert_eq!(our_temp_entries(), files, "temp files left after round {round}");
    }
    assert!(files.is_empty(), "unix socket dirs left behind: {files:?}");
}
