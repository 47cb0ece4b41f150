//! Builds the socket(s) one case needs, fresh for every case.
//!
//! The socket under test is `target`; peers and socket files live as long as
//! the fixture and are closed or removed when it drops, so a case leaves no
//! fd or file behind.

use crate::kind::{Family, Kind, State};
use socket2::{Domain, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

pub struct Fixture {
    target: Socket,
    // Held only to keep the other end open for the fixture's lifetime.
    _peers: Vec<Socket>,
    _dir: Option<TempDir>,
}

impl Fixture {
    pub fn build(kind: Kind, state: State) -> io::Result<Fixture> {
        let dir = match kind.family() {
            Family::Unix => Some(TempDir::new()?),
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
                if kind.family() == Family::Unix {
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
            _peers: peers,
            _dir: dir,
        })
    }

    /// The socket the option is applied to.
    pub fn target(&self) -> &Socket {
        &self.target
    }
}

pub fn new_socket(kind: Kind) -> io::Result<Socket> {
    let domain = match kind.family() {
        Family::Ipv4 => Domain::IPV4,
        Family::Ipv6 => Domain::IPV6,
        Family::Unix => Domain::UNIX,
    };
    let ty = if kind.is_stream() {
        Type::STREAM
    } else {
        Type::DGRAM
    };
    Socket::new(domain, ty, None)
}

fn local_addr(kind: Kind, dir: Option<&TempDir>, name: &str) -> io::Result<SockAddr> {
    Ok(match kind.family() {
        Family::Ipv4 => SocketAddr::from((Ipv4Addr::LOCALHOST, 0)).into(),
        Family::Ipv6 => SocketAddr::from((Ipv6Addr::LOCALHOST, 0)).into(),
        Family::Unix => {
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
