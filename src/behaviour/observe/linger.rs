//! Runs a linger case here: a loopback connection with small buffers
//! (`observe::tcp_pair`), the client set up as the case says and closed,
//! the accepted end reading what is left. Every socket is closed before the
//! function returns.

use crate::behaviour::linger::{text, Close, Linger, LingerCase, PeerReads, Pending};
use crate::outcome::Outcome;
use socket2::Socket;
use std::io::{self, Read, Write};
use std::time::{Duration, Instant};

/// A bound on what the client writes to fill the peer's window.
const FILL_LIMIT: usize = 16 * 1024 * 1024;
/// How long writes must have stalled before the window counts as full.
const STALLED: Duration = Duration::from_millis(100);
/// close() waited the linger: at least this long (of its one second).
const WAITED: Duration = Duration::from_millis(900);

/// What happened: how close() returned and what the peer read.
pub fn linger(case: &LingerCase) -> Outcome {
    match run(case) {
        Ok(text) => Outcome::Ok(crate::value::Value::Text(text)),
        Err(e) => Outcome::not_run(&e),
    }
}

fn run(case: &LingerCase) -> io::Result<String> {
    let (client, peer) = super::tcp_pair()?;
    match case.pending {
        Pending::Nothing => {}
        Pending::Unsent => fill(&client)?,
        Pending::Unread => {
            (&peer).write_all(b"u")?;
            // Wait until the byte is there, without taking it.
            client.set_read_timeout(Some(Duration::from_secs(5)))?;
            client.peek(&mut [std::mem::MaybeUninit::new(0u8); 1])?;
        }
    }
    let raw = |on, secs| {
        let option = crate::catalog::find("SO_LINGER").ok_or_else(|| io::Error::other("no SO_LINGER row"))?;
        let code = crate::sys::code(option).ok_or_else(|| io::Error::other("no SO_LINGER here"))?;
        crate::sys::set_linger(&client, code, on, secs).map_err(io::Error::other)
    };
    match case.linger {
        Linger::Unset => {}
        Linger::OnZero => raw(1, 0)?,
        Linger::OnOne => raw(1, 1)?,
        Linger::OffOne => raw(0, 1)?,
    }
    let start = Instant::now();
    drop(client);
    let close = match start.elapsed() >= WAITED {
        true => Close::Waited,
        false => Close::AtOnce,
    };
    let (reads, error) = read_to_end(&peer)?;
    Ok(text(close, reads, &error))
}

/// Writes until the peer's window and this socket's buffer are full: until
/// no write has gone through for STALLED. A single EWOULDBLOCK is not
/// enough: the send buffer can be full for a moment while the peer's window
/// is still open (the ACKs not yet processed), and what is left then drains
/// at close, which returns at once (seen once in a CI run's tcp-mem
/// namespace).
fn fill(client: &Socket) -> io::Result<()> {
    client.set_nonblocking(true)?;
    let chunk = [0u8; 4096];
    let mut written = 0;
    let mut blocked_since: Option<Instant> = None;
    while written < FILL_LIMIT {
        match (&*client).write(&chunk) {
            Ok(n) => {
                written += n;
                blocked_since = None;
            }
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => {
                let since = *blocked_since.get_or_insert_with(Instant::now);
                if since.elapsed() >= STALLED {
                    break;
                }
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(e) => return Err(e),
        }
    }
    client.set_nonblocking(false)
}

/// Reads until EOF or an error: what came, and the error's name.
fn read_to_end(peer: &Socket) -> io::Result<(PeerReads, String)> {
    peer.set_read_timeout(Some(Duration::from_secs(5)))?;
    let mut buf = vec![0u8; 64 * 1024];
    let mut data = false;
    loop {
        match (&*peer).read(&mut buf) {
            Ok(0) => {
                let reads = if data {
                    PeerReads::DataThenEof
                } else {
                    PeerReads::Eof
                };
                return Ok((reads, String::new()));
            }
            Ok(_) => data = true,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                return Err(io::Error::other("the peer's read waited 5 s for an end"));
            }
            Err(e) => {
                let name = super::error_name(&e);
                let reads = if data {
                    PeerReads::DataThenReset
                } else {
                    PeerReads::Reset
                };
                return Ok((reads, name));
            }
        }
    }
}
