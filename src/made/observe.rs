//! Makes a socket through each constructor in the table, here, and reads
//! its descriptor flags. Everything is on loopback or in a temp folder, and
//! closed (its file removed) before the function returns.

use super::{How, Maker};
use crate::api::Api;
use crate::kind::Kind;
use socket2::{Domain, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream, UdpSocket};

/// The flags (close-on-exec, non-blocking) of the socket `maker` makes
/// here, `None` where it cannot run here (a library not built, a call this
/// OS lacks), or why it failed.
pub fn flags(maker: &Maker) -> Option<Result<(bool, bool), String>> {
    let made = make(maker)?;
    Some(
        made.map_err(|e| e.to_string())
            .and_then(|s| crate::sys::descriptor_flags(&s)),
    )
}

const LOOPBACK: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST), 0);

/// The socket `maker` makes, as a socket2 `Socket` (the same descriptor),
/// with whatever it needed (a listener, a folder) already closed.
fn make(maker: &Maker) -> Option<io::Result<Socket>> {
    Some(match maker.path {
        Api::Raw => raw_socket(),
        Api::Socket2 => match maker.how {
            How::Accept => accept_from(|| {
                let listener = Socket::new(Domain::IPV4, Type::STREAM, None)?;
                listener.bind(&LOOPBACK.into())?;
                listener.listen(1)?;
                Ok(listener)
            }),
            _ => Socket::new(Domain::IPV4, Type::STREAM, None),
        },
        #[cfg(all(unix, feature = "nix"))]
        Api::Nix => {
            use nix::sys::socket::{socket, AddressFamily, SockFlag, SockType};
            socket(AddressFamily::Inet, SockType::Stream, SockFlag::empty(), None)
                .map(Socket::from)
                .map_err(io::Error::from)
        }
        #[cfg(feature = "rustix")]
        Api::Rustix => rustix::net::socket(
            rustix::net::AddressFamily::INET,
            rustix::net::SocketType::STREAM,
            None,
        )
        .map(Socket::from)
        .map_err(io::Error::from),
        Api::Std => return by_std(maker),
        #[cfg(feature = "tokio")]
        Api::Tokio => return by_tokio(maker),
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// The plain socket call, with the bare type.
fn raw_socket() -> io::Result<Socket> {
    crate::sys::plain_tcp4_socket()
}

/// The socket a listener from `listen` accepts from a client connecting to
/// it.
fn accept_from(listen: impl FnOnce() -> io::Result<Socket>) -> io::Result<Socket> {
    let listener = listen()?;
    let _client = TcpStream::connect(listener.local_addr()?.as_socket().ok_or_else(not_inet)?)?;
    listener.accept().map(|(s, _)| s)
}

fn not_inet() -> io::Error {
    io::Error::other("not an inet address")
}

fn by_std(maker: &Maker) -> Option<io::Result<Socket>> {
    let listener = || TcpListener::bind(LOOPBACK);
    Some(match (maker.kind, maker.how) {
        (Kind::Tcp4, How::Connect) => {
            listener().and_then(|l| TcpStream::connect(l.local_addr()?).map(Socket::from))
        }
        (Kind::Tcp4, How::Listen) => listener().map(Socket::from),
        (Kind::Tcp4, How::Accept) => listener().and_then(|l| {
            let _client = TcpStream::connect(l.local_addr()?)?;
            l.accept().map(|(s, _)| s.into())
        }),
        (Kind::Udp4, How::Bind) => UdpSocket::bind(LOOPBACK).map(Socket::from),
        #[cfg(unix)]
        (Kind::UnixStream | Kind::UnixDgram, how) => unix_by_std(how),
        _ => return None,
    })
}

#[cfg(unix)]
fn unix_by_std(how: How) -> io::Result<Socket> {
    use std::os::unix::net::{UnixDatagram, UnixListener, UnixStream};
    let dir = crate::interrupt::tempdir("sockmatrix-made-")?;
    let path = dir.path().join("s");
    match how {
        How::Listen => UnixListener::bind(&path).map(Socket::from),
        How::Connect => {
            let _listener = UnixListener::bind(&path)?;
            UnixStream::connect(&path).map(Socket::from)
        }
        _ => UnixDatagram::unbound().map(Socket::from),
    }
}

#[cfg(feature = "tokio")]
fn by_tokio(maker: &Maker) -> Option<io::Result<Socket>> {
    use crate::tokio_runtime::block_on;
    use tokio::net::{TcpListener, TcpSocket, TcpStream, UdpSocket};
    Some(match (maker.kind, maker.how) {
        (Kind::Tcp4, How::New) => TcpSocket::new_v4().map(|s| Socket::from(into_std(s))),
        (Kind::Tcp4, How::Connect) => block_on(async {
            let listener = TcpListener::bind(LOOPBACK).await?;
            TcpStream::connect(listener.local_addr()?).await?.into_std()
        })
        .map(Socket::from),
        (Kind::Tcp4, How::Listen) => {
            block_on(async { TcpListener::bind(LOOPBACK).await?.into_std() }).map(Socket::from)
        }
        (Kind::Tcp4, How::Accept) => block_on(async {
            let listener = TcpListener::bind(LOOPBACK).await?;
            let _client = TcpStream::connect(listener.local_addr()?).await?;
            listener.accept().await?.0.into_std()
        })
        .map(Socket::from),
        (Kind::Udp4, How::Bind) => {
            block_on(async { UdpSocket::bind(LOOPBACK).await?.into_std() }).map(Socket::from)
        }
        #[cfg(unix)]
        (Kind::UnixStream | Kind::UnixDgram, how) => unix_by_tokio(how),
        _ => return None,
    })
}

/// A `TcpSocket` as the std stream of the same descriptor.
#[cfg(feature = "tokio")]
fn into_std(socket: tokio::net::TcpSocket) -> std::net::TcpStream {
    #[cfg(unix)]
    {
        use std::os::fd::{FromRawFd, IntoRawFd};
        // SAFETY: into_raw_fd gives the descriptor up to the new stream.
        unsafe { std::net::TcpStream::from_raw_fd(socket.into_raw_fd()) }
    }
    #[cfg(windows)]
    {
        use std::os::windows::io::{FromRawSocket, IntoRawSocket};
        // SAFETY: into_raw_socket gives the handle up to the new stream.
        unsafe { std::net::TcpStream::from_raw_socket(socket.into_raw_socket()) }
    }
}

#[cfg(all(unix, feature = "tokio"))]
fn unix_by_tokio(how: How) -> io::Result<Socket> {
    use crate::tokio_runtime::{block_on, within};
    use tokio::net::{UnixDatagram, UnixListener, UnixStream};
    let dir = crate::interrupt::tempdir("sockmatrix-made-")?;
    let path = dir.path().join("s");
    let socket = match how {
        How::Listen => Socket::from(within(|| UnixListener::bind(&path))?.into_std()?),
        How::Connect => Socket::from(block_on(async {
            let _listener = UnixListener::bind(&path)?;
            UnixStream::connect(&path).await?.into_std()
        })?),
        _ => Socket::from(within(UnixDatagram::unbound)?.into_std()?),
    };
    Ok(socket)
}
