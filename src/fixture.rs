//! Builds the socket(s) one case needs, fresh for every case.
//!
//! The socket under test is `target`; peers and socket files live as long as
//! the fixture and are closed or removed when it drops, so a case leaves no
//! fd or file behind.

use crate::kind::{Domain as AddressFamily, Kind, State};
use socket2::{Domain, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Fixture {
    target: Socket,
    // Held only to keep the other ends open for the fixture's lifetime.
    peers: Vec<Socket>,
    dir: Option<TempDir>,
}

impl Fixture {
    pub fn build(kind: Kind, state: State) -> io::Result<Fixture> {
        let dir = match kind.domain() {
            AddressFamily::Unix => Some(TempDir::new()?),
            _ => None,
        };
        let local = |name: &str| local_addr(kind, dir.as_ref(), name);
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
        Ok(Fixture { target, peers, dir })
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
        listener.bind(&local_addr(kind, self.dir.as_ref(), "listener")?)?;
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

fn local_addr(kind: Kind, dir: Option<&TempDir>, name: &str) -> io::Result<SockAddr> {
    Ok(match kind.domain() {
        AddressFamily::Ipv4 => SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into(),
        AddressFamily::Ipv6 => SocketAddr::from((Ipv6Addr::LOCALHOST, 0)).into(),
        AddressFamily::Unix => {
            let dir = dir.expect("unix kinds get a temp dir");
            SockAddr::unix(dir.path.join(name))?
        }
    })
}

/// A private directory for unix socket files, removed on drop.
struct TempDir {
    path: PathBuf,
}

impl TempDir {
    fn new() -> io::Result<TempDir> {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        // Short names: a unix socket path must fit in sun_path (108 bytes).
        let path = std::env::temp_dir().join(format!("sockmatrix-{}-{n}", std::process::id()));
        std::fs::create_dir(&path)?;
        Ok(TempDir { path })
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.path);
    }
}
