//! Runs a dual-stack case here: a listener of the IPv6 family and one
//! client, on loopback, closed before the function returns.

use crate::behaviour::{Bound, Client, DualStack, V6only, REACHED_V4_MAPPED, REACHED_V6};
use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

/// What happened: the accepted peer, or connect()'s error by name.
pub fn dual_stack(case: &DualStack) -> Outcome {
    match run(case) {
        Ok(Ok(peer)) => Outcome::Ok(crate::value::Value::Text(peer)),
        Ok(Err(refused)) => super::error_outcome(&refused),
        Err(e) => Outcome::not_run(&e),
    }
}

/// Ok(Ok(peer)) when accepted, Ok(Err(e)) when connect() failed, Err when
/// the listener could not be set up.
fn run(case: &DualStack) -> io::Result<Result<String, io::Error>> {
    let listener = Socket::new(Domain::IPV6, Type::STREAM, Some(Protocol::TCP))?;
    match case.v6only {
        V6only::Default => {}
        V6only::Off => listener.set_only_v6(false)?,
        V6only::On => listener.set_only_v6(true)?,
    }
    let ip = match case.bound {
        Bound::Any => Ipv6Addr::UNSPECIFIED,
        Bound::Loopback => Ipv6Addr::LOCALHOST,
    };
    listener.bind(&SocketAddr::from((ip, 0)).into())?;
    listener.listen(1)?;
    let port = listener
        .local_addr()?
        .as_socket()
        .ok_or_else(|| io::Error::other("no port"))?
        .port();
    let (domain, to): (Domain, SocketAddr) = match case.client {
        Client::V4 => (Domain::IPV4, (Ipv4Addr::LOCALHOST, port).into()),
        Client::V6 => (Domain::IPV6, (Ipv6Addr::LOCALHOST, port).into()),
    };
    let client = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    // A loopback connect is answered at once; the bound keeps a lost
    // answer from hanging the run.
    if let Err(e) = client.connect_timeout(&to.into(), Duration::from_secs(5)) {
        return Ok(Err(e));
    }
    let (accepted, peer) = listener.accept()?;
    drop(accepted);
    Ok(Ok(peer_text(&peer)))
}

/// The peer as the outcome names it.
fn peer_text(peer: &SockAddr) -> String {
    match peer.as_socket() {
        Some(SocketAddr::V6(a)) if a.ip().to_ipv4_mapped() == Some(Ipv4Addr::LOCALHOST) => {
            REACHED_V4_MAPPED.to_string()
        }
        Some(SocketAddr::V6(a)) if *a.ip() == Ipv6Addr::LOCALHOST => REACHED_V6.to_string(),
        Some(other) => format!("accepted, peer {}", other.ip()),
        None => "accepted, peer not an inet address".to_string(),
    }
}
