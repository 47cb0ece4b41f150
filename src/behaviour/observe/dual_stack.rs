//! Runs a dual-stack case here: a listener of the IPv6 family and one
//! client, on loopback, closed before the function returns.

use crate::behaviour::dual_stack::{RECEIVED_V4_MAPPED, RECEIVED_V6};
use crate::behaviour::{Bound, Client, DualStack, V6only, REACHED_V4_MAPPED, REACHED_V6};
use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

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
    let port = super::port_of(&listener)?;
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

/// The UDP case: a receiver of the IPv6 family and a connected client that
/// sends one datagram. What happened: the sender address recvfrom()
/// reported, or the client's pending error (the port-unreachable answer).
pub fn dual_stack_udp(case: &DualStack) -> Outcome {
    match run_udp(case) {
        Ok(Ok(from)) => Outcome::Ok(crate::value::Value::Text(from)),
        Ok(Err(refused)) => super::error_outcome(&refused),
        Err(e) => Outcome::not_run(&e),
    }
}

fn run_udp(case: &DualStack) -> io::Result<Result<String, io::Error>> {
    let receiver = Socket::new(Domain::IPV6, Type::DGRAM, Some(Protocol::UDP))?;
    match case.v6only {
        V6only::Default => {}
        V6only::Off => receiver.set_only_v6(false)?,
        V6only::On => receiver.set_only_v6(true)?,
    }
    let ip = match case.bound {
        Bound::Any => Ipv6Addr::UNSPECIFIED,
        Bound::Loopback => Ipv6Addr::LOCALHOST,
    };
    receiver.bind(&SocketAddr::from((ip, 0)).into())?;
    receiver.set_nonblocking(true)?;
    let port = super::port_of(&receiver)?;
    let (domain, from, to): (Domain, SocketAddr, SocketAddr) = match case.client {
        Client::V4 => (
            Domain::IPV4,
            (Ipv4Addr::LOCALHOST, 0).into(),
            (Ipv4Addr::LOCALHOST, port).into(),
        ),
        Client::V6 => (
            Domain::IPV6,
            (Ipv6Addr::LOCALHOST, 0).into(),
            (Ipv6Addr::LOCALHOST, port).into(),
        ),
    };
    let client = Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))?;
    client.bind(&from.into())?;
    client.connect(&to.into())?;
    client.send(b"d")?;
    // Loopback answers within the send; the deadline only bounds an OS
    // that neither delivers nor reports.
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut buf = [std::mem::MaybeUninit::new(0u8); 16];
    while Instant::now() < deadline {
        if let Ok((_, sender)) = receiver.recv_from(&mut buf) {
            return Ok(Ok(udp_sender_text(&sender)));
        }
        if let Some(e) = client.take_error()? {
            return Ok(Err(e));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    Err(io::Error::other("neither received nor refused within 1 s"))
}

/// The sender as the UDP outcome names it.
fn udp_sender_text(sender: &SockAddr) -> String {
    match sender.as_socket() {
        Some(SocketAddr::V6(a)) if a.ip().to_ipv4_mapped() == Some(Ipv4Addr::LOCALHOST) => {
            RECEIVED_V4_MAPPED.to_string()
        }
        Some(SocketAddr::V6(a)) if *a.ip() == Ipv6Addr::LOCALHOST => RECEIVED_V6.to_string(),
        Some(other) => format!("received, from {}", other.ip()),
        None => "received, from no inet address".to_string(),
    }
}
