//! The tokio runtime the tokio path runs on: one per thread, current-thread,
//! with only its I/O driver. tokio's `TcpStream`, `TcpListener`,
//! `UdpSocket` and unix types register with a runtime as they are made or
//! taken over (`from_std`), so their constructors and methods run inside
//! it. It is made on the thread's first tokio case and closed (with its
//! poller's descriptors) when the thread ends.

use std::io;
use tokio::runtime::{Builder, Runtime};

thread_local! {
    static RUNTIME: Result<Runtime, String> = Builder::new_current_thread()
        .enable_io()
        .build()
        .map_err(|e| format!("no tokio runtime: {e}"));
}

fn with_runtime<T>(f: impl FnOnce(&Runtime) -> io::Result<T>) -> io::Result<T> {
    RUNTIME.with(|rt| f(rt.as_ref().map_err(|e| io::Error::other(e.clone()))?))
}

/// Runs `f` with this thread's runtime entered (what `from_std` needs).
pub fn within<T>(f: impl FnOnce() -> io::Result<T>) -> io::Result<T> {
    with_runtime(|rt| {
        let _entered = rt.enter();
        f()
    })
}

/// Drives `future` to its end on this thread's runtime.
pub fn block_on<T>(future: impl std::future::Future<Output = io::Result<T>>) -> io::Result<T> {
    with_runtime(|rt| rt.block_on(future))
}
