//! Makes a socket through each constructor in the table, here, and reads
//! its descriptor flags. A constructor that makes a case's target (socket2's
//! `Socket::new`, std's and tokio's `bind`, `connect` and friends) is the
//! fixture's own (`Fixture::build*`), so the table reads the very sockets
//! the std and tokio paths run on; the rest (the plain calls, `accept`) are
//! made here. Everything is on loopback or in a temp folder, and closed (its
//! file removed) before the function returns.

use super::{How, Maker};
use crate::api::Api;
use crate::fixture::Fixture;
use crate::kind::State;
use socket2::{Domain, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};

/// The flags (close-on-exec, non-blocking) of the socket `maker` makes
/// here, `None` where it cannot run here (a library not built, a call this
/// OS lacks), or why it failed.
pub fn flags(maker: &Maker) -> Option<Result<(bool, bool), String>> {
    // No such call here (nix, or the unix types, on Windows).
    if super::predict(crate::os::Os::this(), maker, super::Flag::CloseOnExec).0 == super::Answer::NoCall {
        return None;
    }
    // Read on the descriptor the constructor returned: a duplicate would
    // have close-on-exec of its own.
    let read = |made: io::Result<Socket>| {
        made.map_err(|e| e.to_string())
            .and_then(|s| crate::sys::descriptor_flags(&s))
    };
    let of_fixture = |built: io::Result<Fixture>| {
        built
            .map_err(|e| e.to_string())
            .and_then(|f| crate::sys::descriptor_flags(f.target()))
    };
    let (kind, state) = (maker.kind, fixture_state(maker.how));
    Some(match (maker.path, state) {
        (Api::Socket2, Some(state)) => of_fixture(Fixture::build(kind, state)),
        (Api::Std, Some(state)) => of_fixture(Fixture::build_by_std_alone(kind, state)),
        #[cfg(feature = "tokio")]
        (Api::Tokio, Some(state)) => of_fixture(Fixture::build_by_tokio_alone(kind, state)),
        _ => read(make(maker)?),
    })
}

/// The fixture's state whose target the constructor makes, if any
/// (`accept` makes no target).
fn fixture_state(how: How) -> Option<State> {
    match how {
        How::New => Some(State::Fresh),
        How::Bind => Some(State::Bound),
        How::Listen => Some(State::Listening),
        How::Connect => Some(State::Connected),
        How::Accept => None,
    }
}

const LOOPBACK: SocketAddr = SocketAddr::new(std::net::IpAddr::V4(Ipv4Addr::LOCALHOST), 0);

/// The socket a constructor the fixture does not have makes (the plain
/// calls, `accept`), as a socket2 `Socket` (the same descriptor), with
/// whatever it needed (a listener) already closed.
fn make(maker: &Maker) -> Option<io::Result<Socket>> {
    Some(match maker.path {
        Api::Raw => crate::sys::plain_tcp4_socket(),
        Api::Socket2 => accept_from(|| {
            let listener = Socket::new(Domain::IPV4, Type::STREAM, None)?;
            listener.bind(&LOOPBACK.into())?;
            listener.listen(1)?;
            Ok(listener)
        }),
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
        Api::Std => TcpListener::bind(LOOPBACK).and_then(|l| {
            let _client = TcpStream::connect(l.local_addr()?)?;
            l.accept().map(|(s, _)| s.into())
        }),
        #[cfg(feature = "tokio")]
        Api::Tokio => crate::tokio_runtime::block_on(async {
            let listener = tokio::net::TcpListener::bind(LOOPBACK).await?;
            let _client = tokio::net::TcpStream::connect(listener.local_addr()?).await?;
            listener.accept().await?.0.into_std()
        })
        .map(Socket::from),
        #[allow(unreachable_patterns)]
        _ => return None,
    })
}

/// The socket a listener from `listen` accepts from a client connecting to
/// it.
fn accept_from(listen: impl FnOnce() -> io::Result<Socket>) -> io::Result<Socket> {
    let listener = listen()?;
    let to = listener
        .local_addr()?
        .as_socket()
        .ok_or_else(|| io::Error::other("not an inet address"))?;
    let _client = TcpStream::connect(to)?;
    listener.accept().map(|(s, _)| s)
}
