//! An interrupted run (Ctrl-C, SIGTERM) removes the temp folders of unix
//! socket files it made before it exits, with the usual status 128 + signal
//! (130, 143). Folders are made, removed and swept under one lock, which
//! the handler keeps until the process exits: none can appear, or be half
//! removed, behind its back.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A temp folder that an interrupted run removes too; removed on drop.
#[derive(Debug)]
pub struct TempFolder {
    dir: Option<tempfile::TempDir>,
}

impl TempFolder {
    pub fn path(&self) -> &Path {
        self.dir.as_ref().map_or(Path::new(""), |d| d.path())
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let mut live = live();
        if let Some(dir) = self.dir.take() {
            let path = dir.path().to_path_buf();
            let _ = dir.close();
            live.retain(|p| *p != path);
        }
    }
}

/// A new temp folder named `prefix…`.
pub fn tempdir(prefix: &str) -> std::io::Result<TempFolder> {
    let mut live = live();
    let dir = tempfile::Builder::new().prefix(prefix).tempdir()?;
    live.push(dir.path().to_path_buf());
    Ok(TempFolder { dir: Some(dir) })
}

/// Installs the handler: call once, first thing in `main`.
pub fn remove_folders_on_termination() {
    crate::sys::on_termination(terminate);
}

fn terminate(signal: i32) {
    // The guard is held until exit.
    let live = live();
    for dir in live.iter() {
        remove(dir);
    }
    std::process::exit(128 + signal);
}

/// Other threads may still be binding socket files in the folder: move it
/// aside first (their later binds fail), then remove it until it is gone.
fn remove(dir: &Path) {
    let aside = dir.with_extension("removing");
    let target = match std::fs::rename(dir, &aside) {
        Ok(()) => aside,
        Err(_) => dir.to_path_buf(),
    };
    for _ in 0..100 {
        if std::fs::remove_dir_all(&target).is_ok() || !target.exists() {
            return;
        }
    }
}
