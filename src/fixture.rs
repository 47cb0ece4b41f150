//! Builds the socket(s) one case needs: the socket under test is always
//! new, and so is everything else unless the case shares a far end.
//!
//! The socket under test is `target`; peers and socket files live as long as
//! the fixture and are closed or removed when it drops, so a case leaves no
//! fd or file behind. A run's workers share the far end of connected cases
//! (`SharedEnds`), closed when the worker is done. Unix socket files go in
//! a `SocketDir`: one per run (`engine` makes it, with a folder per worker),
//! or one per fixture when a case runs alone.

use crate::kind::{Domain as AddressFamily, Kind, SockType, State};
use socket2::{Domain, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A private directory for unix socket files, with unique short names in
/// it; removed (with anything left in it) when the last clone drops.
#[derive(Clone)]
pub struct SocketDir {
    root: Arc<crate::interrupt::TempFolder>,
    /// Where new files go: the root, or a worker's folder inside it.
    dir: Arc<Path>,
    next: Arc<AtomicU64>,
}

impl SocketDir {
    pub fn new() -> io::Result<SocketDir> {
        // Short names: a unix socket path must fit in sun_path (104-108 bytes).
        let dir = crate::interrupt::tempdir(&format!("sockmatrix-{}-", std::process::id()))?;
        Ok(SocketDir {
            dir: dir.path().into(),
            root: Arc::new(dir),
            next: Arc::new(AtomicU64::new(0)),
        })
    }

    /// A folder of its own inside this one, for one worker thread: creating
    /// and removing socket files takes the directory's lock, which threads
    /// sharing one folder queue on.
    pub fn worker(&self, index: usize) -> io::Result<SocketDir> {
        let dir = self.dir.join(format!("w{index}"));
        std::fs::create_dir(&dir)?;
        Ok(SocketDir {
            root: Arc::clone(&self.root),
            dir: dir.into(),
            next: Arc::new(AtomicU64::new(0)),
        })
    }

    fn fresh_path(&self) -> PathBuf {
        self.dir
            .join(self.next.fetch_add(1, Ordering::Relaxed).to_string())
    }
}

pub struct Fixture {
    target: Socket,
    // Held only to keep the other ends open for the fixture's lifetime.
    peers: Vec<Socket>,
    // Fields drop in order: the sockets, their files, then (with its last
    // clone) the folder.
    files: SocketFiles,
    dir: Option<SocketDir>,
}

/// The unix socket files a fixture bound, removed when it drops.
#[derive(Default)]
struct SocketFiles(Vec<PathBuf>);

impl Drop for SocketFiles {
    fn drop(&mut self) {
        for file in &self.0 {
            let _ = std::fs::remove_file(file);
        }
    }
}

impl Fixture {
    /// The sockets of one case; unix kinds get a directory of their own.
    pub fn build(kind: Kind, state: State) -> io::Result<Fixture> {
        Fixture::build_in(kind, state, own_dir(kind)?)
    }

    /// `build_by_std` for a case run alone (a directory of its own).
    pub fn build_by_std_alone(kind: Kind, state: State) -> io::Result<Fixture> {
        Fixture::build_by_std(kind, state, own_dir(kind)?)
    }

    /// The sockets of one case made the way std makes them, for the std
    /// path: `TcpListener::bind`, `TcpStream::connect`, `UdpSocket::bind`
    /// and the unix types' `bind`, `connect` and `unbound`. std sets options
    /// as it makes some of them (SO_REUSEADDR on a listener, SO_NOSIGPIPE on
    /// the BSDs), which is what the path shows. The far ends are this
    /// fixture's own (std's constructors are the target's, not theirs).
    pub fn build_by_std(kind: Kind, state: State, dir: Option<SocketDir>) -> io::Result<Fixture> {
        let mut files = SocketFiles::default();
        let mut local = |_role: &str| local_addr(kind, dir.as_ref(), &mut files);
        let mut peers = Vec::new();
        let target = by_std(kind, state, &mut local, &mut peers)?;
        Ok(Fixture {
            target,
            peers,
            files,
            dir,
        })
    }

    /// The sockets of one case, unix socket files in `dir` (a run's).
    pub fn build_in(kind: Kind, state: State, dir: Option<SocketDir>) -> io::Result<Fixture> {
        Fixture::build_sharing(kind, state, dir, None)
    }

    /// `build_in`, with a connected target's far end taken from `shared`
    /// (one per worker and kind) instead of made for this fixture alone.
    /// The far end is never the socket under test and nothing changes its
    /// options, so sharing it changes no observation, only the cost: a
    /// listener or bound peer per case is a socket (and for unix kinds a
    /// file) made and removed for every connected case.
    pub fn build_sharing(
        kind: Kind,
        state: State,
        dir: Option<SocketDir>,
        mut shared: Option<&mut SharedEnds>,
    ) -> io::Result<Fixture> {
        let mut files = SocketFiles::default();
        let mut local = |_role: &str| local_addr(kind, dir.as_ref(), &mut files);
        let target = new_socket(kind)?;
        let mut peers = Vec::new();
        match state {
            State::Fresh => {}
            State::Bound => target.bind(&local("target")?)?,
            State::Listening => {
                target.bind(&local("target")?)?;
                target.listen(LISTEN_BACKLOG)?;
            }
            State::Connected => {
                let mut own = None;
                let met = match shared.as_deref_mut() {
                    Some(shared) => shared.end(kind),
                    None => far_end(kind, &mut local).map(|s| &*own.insert(s)),
                }
                .and_then(|far| meet(kind, &target, far, &mut peers, &mut local));
                if met.is_err() {
                    // A far end left with a half-made connection queued
                    // (accept ran out of fds, say) would block the next
                    // connect: the next case gets a new one.
                    if let Some(shared) = shared {
                        shared.discard(kind);
                    }
                }
                met?;
                peers.extend(own);
            }
        }
        Ok(Fixture {
            target,
            peers,
            files,
            dir,
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
        let (dir, files) = (self.dir.as_ref(), &mut self.files);
        let listener = far_end(kind, &mut |_| local_addr(kind, dir, files))?;
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

/// The backlog a listening target is made with (scripts/fstack/probe.c
/// uses the same): FreeBSD's SO_LISTENQLIMIT reads it back.
pub const LISTEN_BACKLOG: i32 = 8;

pub fn new_socket(kind: Kind) -> io::Result<Socket> {
    let domain = match kind.domain() {
        AddressFamily::Ipv4 => Domain::IPV4,
        AddressFamily::Ipv6 => Domain::IPV6,
        AddressFamily::Unix => Domain::UNIX,
    };
    let ty = match kind.sock_type() {
        SockType::Stream => Type::STREAM,
        SockType::Dgram => Type::DGRAM,
        SockType::Seqpacket => Type::SEQPACKET,
        SockType::Raw => Type::RAW,
    };
    let protocol = kind.protocol().map(Into::into);
    Socket::new(domain, ty, protocol)
}

/// The target std's constructors make for the kind in the state; a
/// connected target's far end (and a stream's accepted end) go in `peers`.
fn by_std(
    kind: Kind,
    state: State,
    local: &mut impl FnMut(&str) -> io::Result<SockAddr>,
    peers: &mut Vec<Socket>,
) -> io::Result<Socket> {
    use std::net::{TcpListener, TcpStream, UdpSocket};
    let inet = |a: SockAddr| {
        a.as_socket()
            .ok_or_else(|| io::Error::other("not an inet address"))
    };
    let none = || io::Error::other(format!("std makes no {kind} socket that is {state}"));
    match (kind, state) {
        (Kind::Tcp4 | Kind::Tcp6, State::Listening) => Ok(TcpListener::bind(inet(local("target")?)?)?.into()),
        (Kind::Tcp4 | Kind::Tcp6, State::Connected) => {
            let far = far_end(kind, local)?;
            let stream = TcpStream::connect(inet(far.local_addr()?)?)?;
            let (accepted, _) = far.accept()?;
            peers.extend([accepted, far]);
            Ok(stream.into())
        }
        (Kind::Udp4 | Kind::Udp6, State::Bound) => Ok(UdpSocket::bind(inet(local("target")?)?)?.into()),
        (Kind::Udp4 | Kind::Udp6, State::Connected) => {
            let far = far_end(kind, local)?;
            let udp = UdpSocket::bind(inet(local("target")?)?)?;
            udp.connect(inet(far.local_addr()?)?)?;
            peers.push(far);
            Ok(udp.into())
        }
        #[cfg(unix)]
        (Kind::UnixStream | Kind::UnixDgram, _) => unix_by_std(kind, state, local, peers),
        _ => Err(none()),
    }
}

/// `by_std` for the unix kinds (`std::os::unix::net`).
#[cfg(unix)]
fn unix_by_std(
    kind: Kind,
    state: State,
    local: &mut impl FnMut(&str) -> io::Result<SockAddr>,
    peers: &mut Vec<Socket>,
) -> io::Result<Socket> {
    use std::os::unix::net::{UnixDatagram, UnixListener, UnixStream};
    let path = |a: &SockAddr| {
        a.as_pathname()
            .map(Path::to_path_buf)
            .ok_or_else(|| io::Error::other("not a unix socket path"))
    };
    match (kind, state) {
        (Kind::UnixStream, State::Listening) => Ok(UnixListener::bind(path(&local("target")?)?)?.into()),
        (Kind::UnixStream, State::Connected) => {
            let far = far_end(kind, local)?;
            let stream = UnixStream::connect(path(&far.local_addr()?)?)?;
            let (accepted, _) = far.accept()?;
            peers.extend([accepted, far]);
            Ok(stream.into())
        }
        (Kind::UnixDgram, State::Fresh) => Ok(UnixDatagram::unbound()?.into()),
        (Kind::UnixDgram, State::Bound) => Ok(UnixDatagram::bind(path(&local("target")?)?)?.into()),
        (Kind::UnixDgram, State::Connected) => {
            let far = far_end(kind, local)?;
            // Bound too, as the socket2-made target is (`meet`).
            let dgram = UnixDatagram::bind(path(&local("target")?)?)?;
            dgram.connect(path(&far.local_addr()?)?)?;
            peers.push(far);
            Ok(dgram.into())
        }
        _ => Err(io::Error::other(format!(
            "std makes no {kind} socket that is {state}"
        ))),
    }
}

/// A directory for a unix kind's socket files, none for the others.
fn own_dir(kind: Kind) -> io::Result<Option<SocketDir>> {
    Ok(match kind.domain() {
        AddressFamily::Unix => Some(SocketDir::new()?),
        _ => None,
    })
}

/// An address to bind a socket of `kind` to: port 0 on loopback, or a new
/// path in `dir` (remembered in `files`, removed when the fixture drops).
fn local_addr(kind: Kind, dir: Option<&SocketDir>, files: &mut SocketFiles) -> io::Result<SockAddr> {
    match kind.domain() {
        AddressFamily::Ipv4 => Ok(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into()),
        AddressFamily::Ipv6 => Ok(SocketAddr::from((Ipv6Addr::LOCALHOST, 0)).into()),
        AddressFamily::Unix => {
            let dir = dir.ok_or_else(|| io::Error::other("unix kinds need a socket dir"))?;
            let path = dir.fresh_path();
            files.0.push(path.clone());
            SockAddr::unix(path)
        }
    }
}

/// The other end a connected target meets: a listener for a stream, a
/// bound peer for a datagram socket.
fn far_end(kind: Kind, local: &mut impl FnMut(&str) -> io::Result<SockAddr>) -> io::Result<Socket> {
    let socket = new_socket(kind)?;
    socket.bind(&local("far end")?)?;
    if kind.listens() {
        socket.listen(1)?;
    }
    Ok(socket)
}

/// Connects `target` to `far`; a stream's accepted end goes in `peers`.
fn meet(
    kind: Kind,
    target: &Socket,
    far: &Socket,
    peers: &mut Vec<Socket>,
    local: &mut impl FnMut(&str) -> io::Result<SockAddr>,
) -> io::Result<()> {
    if kind.listens() {
        target.connect(&far.local_addr()?)?;
        let (accepted, _) = far.accept()?;
        peers.push(accepted);
    } else {
        if kind.domain() == AddressFamily::Unix {
            // An unbound unix datagram socket is fine to connect from, but
            // binding it too keeps both ends addressable.
            target.bind(&local("target")?)?;
        }
        target.connect(&far.local_addr()?)?;
    }
    Ok(())
}

/// The far ends one worker's connected cases share: a listener per stream
/// kind, a bound peer per datagram kind. Each is made on first use, and
/// closed (its file removed) when the worker is done.
pub struct SharedEnds {
    // Fields drop in order: the sockets, their files, then the folder.
    ends: Vec<(Kind, Socket)>,
    files: SocketFiles,
    dir: Option<SocketDir>,
}

impl SharedEnds {
    /// Unix kinds' far ends get their files in `dir`.
    pub fn new(dir: Option<SocketDir>) -> SharedEnds {
        SharedEnds {
            ends: Vec::new(),
            files: SocketFiles::default(),
            dir,
        }
    }

    fn end(&mut self, kind: Kind) -> io::Result<&Socket> {
        let index = match self.ends.iter().position(|(k, _)| *k == kind) {
            Some(index) => index,
            None => {
                let (dir, files) = (self.dir.as_ref(), &mut self.files);
                let socket = far_end(kind, &mut |_| local_addr(kind, dir, files))?;
                self.ends.push((kind, socket));
                self.ends.len() - 1
            }
        };
        Ok(&self.ends[index].1)
    }

    /// Closes the far end of `kind` (its file stays until the worker ends).
    fn discard(&mut self, kind: Kind) {
        self.ends.retain(|(k, _)| *k != kind);
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
    }
}
