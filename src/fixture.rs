//! Builds the socket(s) one case needs, fresh for every case.
//!
//! The socket under test is `target`; peers and socket files live as long as
//! the fixture and are closed or removed when it drops, so a case leaves no
//! fd or file behind. Unix socket files go in a `SocketDir`: one per run
//! (`engine` makes it), or one per fixture when a case runs alone.

use crate::kind::{Domain as AddressFamily, Kind, State};
use socket2::{Domain, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A private directory for unix socket files, with unique short names in
/// it; removed (with anything left in it) when the last clone drops.
#[derive(Clone)]
pub struct SocketDir {
    dir: Arc<tempfile::TempDir>,
    next: Arc<AtomicU64>,
}

impl SocketDir {
    pub fn new() -> io::Result<SocketDir> {
        // Short names: a unix socket path must fit in sun_path (104-108 bytes).
        let dir = tempfile::Builder::new()
            .prefix(&format!("sockmatrix-{}-", std::process::id()))
            .tempdir()?;
        Ok(SocketDir {
            dir: Arc::new(dir),
            next: Arc::new(AtomicU64::new(0)),
        })
    }

    fn fresh_path(&self) -> PathBuf {
        self.dir
            .path()
            .join(self.next.fetch_add(1, Ordering::Relaxed).to_string())
    }
}

pub struct Fixture {
    target: Socket,
    // Held only to keep the other ends open for the fixture's lifetime.
    peers: Vec<Socket>,
    dir: Option<SocketDir>,
    files: Vec<PathBuf>,
}

impl Fixture {
    /// The sockets of one case; unix kinds get a directory of their own.
    pub fn build(kind: Kind, state: State) -> io::Result<Fixture> {
        let dir = match kind.domain() {
            AddressFamily::Unix => Some(SocketDir::new()?),
            _ => None,
        };
        Fixture::build_in(kind, state, dir)
    }

    /// The sockets of one case, unix socket files in `dir` (a run's).
    pub fn build_in(kind: Kind, state: State, dir: Option<SocketDir>) -> io::Result<Fixture> {
        let mut files = Vec::new();
        let mut local = |_role: &str| local_addr(kind, dir.as_ref(), &mut files);
        let target = new_socket(kind)?;
        let mut peers = Vec::new();
        match state {
            State::Fresh => {}
            State::Bound => target.bind(&local("target")?)?,
            State::Listening => {
                target.bind(&local("target")?)?;
                target.listen(8)?;
            }
            State::Connected if kind.is_stream() => {
                let listener = new_socket(kind)?;
                listener.bind(&local("listener")?)?;
                listener.listen(1)?;
                target.connect(&listener.local_addr()?)?;
                let (accepted, _) = listener.accept()?;
                peers.push(accepted);
                peers.push(listener);
            }
            State::Connected => {
                let peer = new_socket(kind)?;
                peer.bind(&local("peer")?)?;
                if kind.domain() == AddressFamily::Unix {
                    // An unbound unix datagram socket is fine to connect from,
                    // but binding it too keeps both ends addressable.
                    target.bind(&local("target")?)?;
                }
                target.connect(&peer.local_addr()?)?;
                peers.push(peer);
            }
        }
        Ok(Fixture {
            target,
            peers,
            dir,
            files,
        })
    }

    /// The socket the option is applied to.
    pub fn target(&self) -> &Socket {
        &self.target
    }

    /// The other end of a connected target: the bound peer of a datagram
    /// socket, the accepted socket of a stream.
    pub fn peer(&self) -> Option<&Socket> {
        self.peers.first()
    }

    /// For a listening target: connects a new client to it and returns the
    /// socket `accept()` gives (the fixture keeps the client open).
    pub fn accept_one(&mut self, kind: Kind) -> io::Result<Socket> {
        let client = new_socket(kind)?;
        client.connect(&self.target.local_addr()?)?;
        let (accepted, _) = self.target.accept()?;
        self.peers.push(client);
        Ok(accepted)
    }

    /// For a fresh stream target: connects it to a new listener, then moves
    /// `bytes` each way (target to peer, then back), so that the kernel has
    /// seen real traffic before the option is read again.
    pub fn connect_and_transfer(&mut self, kind: Kind, bytes: usize) -> io::Result<()> {
        let listener = new_socket(kind)?;
        listener.bind(&local_addr(kind, self.dir.as_ref(), &mut self.files)?)?;
        listener.listen(1)?;
        self.target.connect(&listener.local_addr()?)?;
        let (peer, _) = listener.accept()?;
        // A stuck transfer must fail the case, not hang the suite.
        let limit = Some(std::time::Duration::from_secs(10));
        for s in [&self.target, &peer] {
            s.set_read_timeout(limit)?;
            s.set_write_timeout(limit)?;
        }
        std::thread::scope(|scope| {
            let echo = scope.spawn(|| -> io::Result<()> {
                let mut got = read_exactly(&peer, bytes)?;
                got.reverse();
                write_all(&peer, &got)
            });
            write_all(&self.target, &vec![0x5a; bytes])?;
            read_exactly(&self.target, bytes)?;
            echo.join()
                .map_err(|_| io::Error::other("the echo thread panicked"))?
        })?;
        self.peers.push(peer);
        self.peers.push(listener);
        Ok(())
    }
}

fn write_all(socket: &Socket, mut buf: &[u8]) -> io::Result<()> {
    while !buf.is_empty() {
        let n = socket.send(buf)?;
        buf = &buf[n..];
    }
    Ok(())
}

fn read_exactly(socket: &Socket, n: usize) -> io::Result<Vec<u8>> {
    let mut out = Vec::with_capacity(n);
    let mut chunk = vec![std::mem::MaybeUninit::<u8>::uninit(); 65536];
    while out.len() < n {
        let want = (n - out.len()).min(chunk.len());
        let got = socket.recv(&mut chunk[..want])?;
        if got == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "peer closed early"));
        }
        // SAFETY: recv initialised the first `got` bytes.
        out.extend(chunk[..got].iter().map(|b| unsafe { b.assume_init() }));
    }
    Ok(out)
}

pub fn new_socket(kind: Kind) -> io::Result<Socket> {
    let domain = match kind.domain() {
        AddressFamily::Ipv4 => Domain::IPV4,
        AddressFamily::Ipv6 => Domain::IPV6,
        AddressFamily::Unix => Domain::UNIX,
    };
    let ty = if kind.is_stream() {
        Type::STREAM
    } else {
        Type::DGRAM
    };
    Socket::new(domain, ty, None)
}

/// An address to bind a socket of `kind` to: port 0 on loopback, or a new
/// path in `dir` (remembered in `files`, removed when the fixture drops).
fn local_addr(kind: Kind, dir: Option<&SocketDir>, files: &mut Vec<PathBuf>) -> io::Result<SockAddr> {
    match kind.domain() {
        AddressFamily::Ipv4 => Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into()),
        AddressFamily::Ipv6 => Ok(SocketAddr::from((Ipv6Addr::LOCALHOST, 0)).into()),
        AddressFamily::Unix => {
            let dir = dir.ok_or_else(|| io::Error::other("unix kinds need a socket dir"))?;
            let path = dir.fresh_path();
            files.push(path.clone());
            SockAddr::unix(path)
        }
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        // A connected TCP pair closed the ordinary way leaves a TIME_WAIT
        // entry for a minute; thousands of them slow every later connect.
        // Abort instead (linger 0: RST), after the case has read its option.
        if !self.peers.is_empty() && self.target.r#type().is_ok_and(|t| t == Type::STREAM) {
            for socket in std::iter::once(&self.target).chain(&self.peers) {
                if socket.local_addr().is_ok_and(|a| a.as_socket().is_some()) {
                    let _ = socket.set_linger(Some(std::time::Duration::ZERO));
                }
            }
        }
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        // The directory goes with the last clone of `dir`.
        let _ = self.dir.take();
    }
}
