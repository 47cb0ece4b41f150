//! Capacity: what a buffer really holds, beside what getsockopt says. Each
//! probe fills one socket on loopback, non-blocking, with fixed-size
//! messages until the kernel pushes back, bounded in bytes and time.

use crate::catalog;
use crate::fixture::Fixture;
use crate::kind::{Kind, State};
use crate::option::{BufferOpt, Opt, OptionSpec};
use crate::sys;
use socket2::Socket;
use std::io::{self, ErrorKind};
use std::time::{Duration, Instant};

/// The datagram size every probe uses.
pub const MESSAGE: usize = 1024;
/// No probe moves more than this, or runs longer than `TIME_LIMIT`.
pub const BYTE_LIMIT: usize = 16 << 20;
pub const TIME_LIMIT: Duration = Duration::from_secs(2);

/// Which side of a socket a probe fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Side {
    /// SO_SNDBUF: payload accepted by send() before EAGAIN, peer not reading.
    Send,
    /// SO_RCVBUF: payload a non-reading socket kept out of what was sent to it.
    Receive,
}

impl Side {
    pub fn option(self) -> &'static OptionSpec {
        catalog::spec(match self {
            Side::Send => Opt::Buffer(BufferOpt::Sndbuf),
            Side::Receive => Opt::Buffer(BufferOpt::Rcvbuf),
        })
    }
}

/// One probe's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Capacity {
    /// Payload bytes and messages held.
    Held { bytes: u64, messages: u64 },
    /// The kernel never pushed back within the limits (UDP's send side:
    /// datagrams leave at once).
    Unbounded,
}

impl std::fmt::Display for Capacity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Capacity::Held { bytes, messages } => write!(f, "{bytes} B in {messages} msgs"),
            Capacity::Unbounded => write!(f, "unbounded (>= {} MiB)", BYTE_LIMIT >> 20),
        }
    }
}

/// The kinds and sides capacity is measured for: every kind's send side,
/// and the receive side of datagram kinds (where a full buffer drops).
pub fn applies(kind: Kind, side: Side) -> bool {
    side == Side::Send || !kind.is_stream()
}

fn set_buffer(socket: &Socket, side: Side, requested: i32) -> io::Result<()> {
    let code = sys::code(side.option()).expect("buffer options exist everywhere");
    sys::set_int(socket, code, requested).map_err(io::Error::other)
}

fn would_block(e: &io::Error) -> bool {
    e.kind() == ErrorKind::WouldBlock
}

fn get_buffer(socket: &Socket, side: Side) -> io::Result<usize> {
    let code = sys::code(side.option()).expect("buffer options exist everywhere");
    let v = sys::get_int(socket, code).map_err(io::Error::other)?;
    Ok(usize::try_from(v).unwrap_or(0))
}

/// How many bytes a datagram probe sends at most. A queued datagram is
/// charged at least its payload against the buffer, so once twice the
/// buffer's size (and a margin) went out without the kernel pushing back,
/// the buffer is not what bounds the sender: the probe can stop there
/// instead of at `BYTE_LIMIT`. Streams keep `BYTE_LIMIT`: TCP moves data on
/// into the peer's (autotuned) receive buffer.
fn datagram_budget(buffer: usize) -> usize {
    (2 * buffer + (64 << 10)).min(BYTE_LIMIT)
}

/// Measures one probe: `requested` set (None: left at the default) on the
/// side under test of a new connected pair of `kind` sockets whose other
/// end never reads.
pub fn measure(kind: Kind, side: Side, requested: Option<i32>) -> io::Result<Capacity> {
    let fixture = Fixture::build(kind, State::Connected)?;
    let target = fixture.target();
    let peer = fixture.peer().expect("a connected fixture has a peer");
    let budget = |socket: &Socket| -> io::Result<usize> {
        match kind.is_stream() {
            true => Ok(BYTE_LIMIT),
            false => Ok(datagram_budget(get_buffer(socket, side)?)),
        }
    };
    match side {
        Side::Send => {
            if let Some(v) = requested {
                set_buffer(target, side, v)?;
            }
            fill(target, kind.is_stream(), budget(target)?)
        }
        Side::Receive => {
            if let Some(v) = requested {
                set_buffer(peer, side, v)?;
            }
            // Flood the peer (unix datagram senders stop at EAGAIN, UDP's
            // never do: the receiver drops), then count what it kept.
            fill(target, false, budget(peer)?)?;
            drain(peer)
        }
    }
}

/// Sends until EAGAIN, or `limit` bytes (then the sender is unbounded);
/// returns what was accepted.
fn fill(socket: &Socket, stream: bool, limit: usize) -> io::Result<Capacity> {
    socket.set_nonblocking(true)?;
    let chunk = vec![0x5a_u8; if stream { 65536 } else { MESSAGE }];
    let (mut bytes, mut messages) = (0u64, 0u64);
    let start = Instant::now();
    loop {
        if bytes as usize >= limit || start.elapsed() > TIME_LIMIT {
            return Ok(Capacity::Unbounded);
        }
        match socket.send(&chunk) {
            Ok(n) => {
                bytes += n as u64;
                messages += 1;
            }
            Err(e) if would_block(&e) => return Ok(Capacity::Held { bytes, messages }),
            // A full unix datagram queue answers EAGAIN too; anything else is a failure.
            Err(e) => return Err(e),
        }
    }
}

fn drain(socket: &Socket) -> io::Result<Capacity> {
    socket.set_nonblocking(true)?;
    let mut buf = vec![std::mem::MaybeUninit::<u8>::uninit(); 65536];
    let (mut bytes, mut messages) = (0u64, 0u64);
    loop {
        match socket.recv(&mut buf) {
            Ok(n) => {
                bytes += n as u64;
                messages += 1;
            }
            Err(e) if would_block(&e) => return Ok(Capacity::Held { bytes, messages }),
            Err(e) => return Err(e),
        }
    }
}

/// The largest datagram a connected unix datagram socket with this
/// SO_SNDBUF request accepts (EMSGSIZE above it), found by bisection.
pub fn largest_datagram(requested: i32) -> io::Result<u64> {
    let fixture = Fixture::build(Kind::UnixDgram, State::Connected)?;
    let target = fixture.target();
    let peer = fixture.peer().expect("a connected fixture has a peer");
    set_buffer(target, Side::Send, requested)?;
    target.set_nonblocking(true)?;
    let (mut ok, mut too_big) = (0usize, 1usize << 24);
    while too_big - ok > 1 {
        let mid = (ok + too_big) / 2;
        match target.send(&vec![0u8; mid]) {
            Ok(_) => {
                ok = mid;
                // Keep the peer's queue empty so only the size decides.
                drain(peer)?;
            }
            Err(e) if e.raw_os_error() == Some(emsgsize()) => too_big = mid,
            Err(e) => return Err(e),
        }
    }
    Ok(ok as u64)
}

#[cfg(unix)]
fn emsgsize() -> i32 {
    libc::EMSGSIZE
}

#[cfg(windows)]
fn emsgsize() -> i32 {
    windows_sys::Win32::Networking::WinSock::WSAEMSGSIZE
}

/// A capacity beside a case: measured, and predicted where a rule covers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub measured: Result<Capacity, String>,
    pub predicted: Option<Capacity>,
    pub rule: &'static crate::rule::Rule,
    /// The request, for the capacity/requested ratio (None: a default).
    pub requested: Option<i32>,
}

impl Report {
    /// Payload held per byte asked for.
    pub fn ratio(&self) -> Option<f64> {
        match (&self.measured, self.requested) {
            (Ok(Capacity::Held { bytes, .. }), Some(r)) if r > 0 => Some(*bytes as f64 / f64::from(r)),
            _ => None,
        }
    }

    pub fn agrees(&self) -> Option<bool> {
        self.predicted.map(|p| self.measured.as_ref().ok() == Some(&p))
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.measured {
            Ok(c) => write!(f, "{c}")?,
            Err(e) => write!(f, "failed: {e}")?,
        }
        if let Some(r) = self.ratio() {
            write!(f, " ({r:.2}x requested)")?;
        }
        if self.agrees() == Some(false) {
            write!(
                f,
                " !! model: {}",
                self.predicted.map_or(String::new(), |p| p.to_string())
            )?;
        }
        Ok(())
    }
}
