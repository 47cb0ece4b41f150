//! An interrupted run (Ctrl-C, SIGTERM) removes the temp folders of unix
//! socket files it made before it exits, with the usual status 128 + signal
//! (130, 143). Folders are registered here while they live.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A new temp folder, remembered to be removed if the run is interrupted.
/// It is made under the same lock the handler holds until the process
/// exits, so no folder can appear after the handler's sweep.
pub fn tempdir(prefix: &str) -> std::io::Result<tempfile::TempDir> {
    let mut live = LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
    live.push(dir.path().to_path_buf());
    Ok(dir)
}

/// Forget a folder that its owner has removed.
pub fn unregister(path: &Path) {
    if let Ok(mut live) = LIVE.lock() {
        live.retain(|p| p != path);
    }
}

/// Installs the handler: call once, first thing in `main`.
pub fn remove_folders_on_termination() {
    crate::sys::on_termination(terminate);
}

fn terminate(signal: i32) {
    // The guard is held until exit: no folder is made after the sweep.
    let live = LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    for dir in live.iter() {
        let _ = std::fs::remove_dir_all(dir);
    }
    std::process::exit(128 + signal);
}
