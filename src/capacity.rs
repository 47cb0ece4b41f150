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
    // Sequenced packets and raw sockets are neither probe's shape (a
    // stream's bytes or a datagram's drops): not probed yet.
    !matches!(
        kind,
        Kind::UnixSeqpacket | Kind::Raw4 | Kind::Raw6 | Kind::Icmp4 | Kind::Icmp6
    ) && (side == Side::Send || !kind.is_stream())
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
            fill(target, kind, budget(target)?)
        }
        Side::Receive => {
            if let Some(v) = requested {
                set_buffer(peer, side, v)?;
            }
            // Flood the peer (unix datagram senders stop at EAGAIN, UDP's
            // never do: the receiver drops), then count what it kept.
            fill(target, kind, budget(peer)?)?;
            drain(peer)
        }
    }
}

/// How many "connection refused" reports a UDP probe passes over before it
/// gives up: a peer that is really gone refuses every other send at once.
const REFUSALS_PASSED_OVER: u32 = 8;

/// Sends until EAGAIN, or `limit` bytes (then the sender is unbounded);
/// returns what was accepted.
///
/// A connected UDP sender's ECONNREFUSED is not about this send: it reports
/// an ICMP port unreachable for an earlier datagram, and the send it fails
/// is not made. On Linux a loopback datagram can, rarely, find no socket at
/// a port that has one while other UDP sockets are bound, connected and
/// closed at the same moment (seen in CI on 6.16; 1 or 2 per 90,000-115,000
/// rounds of `scripts/udp-loopback-race.c` on 6.18, none without the
/// churn). The lost datagram changes nothing a probe counts (the budget
/// overfills the buffer), so the report is passed over and the send made
/// again; a peer that is truly gone still fails the probe.
fn fill(socket: &Socket, kind: Kind, limit: usize) -> io::Result<Capacity> {
    let stream = kind.is_stream();
    let may_pass_over = matches!(kind, Kind::Udp4 | Kind::Udp6);
    socket.set_nonblocking(true)?;
    let chunk = vec![0x5a_u8; if stream { 65536 } else { MESSAGE }];
    let (mut bytes, mut messages, mut refusals) = (0u64, 0u64, 0u32);
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
            Err(e)
                if may_pass_over
                    && e.kind() == ErrorKind::ConnectionRefused
                    && refusals < REFUSALS_PASSED_OVER =>
            {
                refusals += 1;
            }
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

#[cfg(all(test, target_os = "linux"))]
mod tests {
    use super::*;
    use std::net::{Ipv4Addr, SocketAddr};

    fn udp4_bound() -> Socket {
        let socket = Socket::new(socket2::Domain::IPV4, socket2::Type::DGRAM, None).unwrap();
        socket
            .bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into())
            .unwrap();
        socket
    }

    /// A UDP socket connected to a port nothing listens on, holding the
    /// ICMP port unreachable its one datagram drew (POLLERR, not yet read).
    fn refused_sender() -> Socket {
        let gone = udp4_bound().local_addr().unwrap();
        let sender = udp4_bound();
        sender.connect(&gone).unwrap();
        sender.send(b"to nobody").unwrap();
        let mut poll = libc::pollfd {
            fd: std::os::fd::AsRawFd::as_raw_fd(&sender),
            events: 0,
            revents: 0,
        };
        // SAFETY: one valid pollfd, for the given count.
        let ready = unsafe { libc::poll(&mut poll, 1, 2000) };
        assert!(
            ready == 1 && poll.revents & libc::POLLERR != 0,
            "no ICMP error came back"
        );
        sender
    }

    #[test]
    fn an_earlier_datagrams_refusal_is_passed_over() {
        let sender = refused_sender();
        let peer = udp4_bound();
        sender.connect(&peer.local_addr().unwrap()).unwrap();
        assert_eq!(fill(&sender, Kind::Udp4, 64 << 10).unwrap(), Capacity::Unbounded);
        let Capacity::Held { messages, .. } = drain(&peer).unwrap() else {
            panic!("drain ends at EAGAIN")
        };
        assert!(messages > 0, "the flood reached the peer");
    }

    #[test]
    fn a_peer_that_is_gone_still_fails_the_probe() {
        let sender = refused_sender();
        let err = fill(&sender, Kind::Udp4, BYTE_LIMIT).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::ConnectionRefused);
    }
}
