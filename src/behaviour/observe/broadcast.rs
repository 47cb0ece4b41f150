//! Runs a broadcast case here: a receiver on loopback, a sender that sends
//! the case's datagram and then a marker to 127.0.0.1; the receiver reads
//! up to the marker, so a datagram that never came is known at once (one
//! socket's queue keeps the order of one sender's datagrams on loopback).

use crate::behaviour::broadcast::{Broadcast, Flag, Receiver, To, NOT_RECEIVED, RECEIVED};
use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

/// The loopback network's broadcast address.
const LOOPBACK_BROADCAST: Ipv4Addr = Ipv4Addr::new(127, 255, 255, 255);

/// What happened: whether the datagram came, or the send's error by name.
pub fn broadcast(case: &Broadcast) -> Outcome {
    match run(case) {
        Ok(Ok(text)) => Outcome::Ok(crate::value::Value::Text(text.to_string())),
        Ok(Err(e)) => super::error_outcome(&e),
        Err(e) => Outcome::not_run(&e),
    }
}

fn udp4() -> io::Result<Socket> {
    Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))
}

fn to(ip: Ipv4Addr, port: u16) -> SockAddr {
    SocketAddr::from((ip, port)).into()
}

fn run(case: &Broadcast) -> io::Result<Result<&'static str, io::Error>> {
    let receiver = udp4()?;
    let at = match case.receiver {
        Receiver::Any => Ipv4Addr::UNSPECIFIED,
        Receiver::Loopback => Ipv4Addr::LOCALHOST,
    };
    receiver.bind(&to(at, 0))?;
    let port = super::port_of(&receiver)?;
    receiver.set_read_timeout(Some(Duration::from_secs(2)))?;
    let sender = udp4()?;
    sender.bind(&to(Ipv4Addr::LOCALHOST, 0))?;
    match case.flag {
        Flag::Default => {}
        Flag::Off => sender.set_broadcast(false)?,
        Flag::On => sender.set_broadcast(true)?,
    }
    let dest = match case.to {
        To::Broadcast => LOOPBACK_BROADCAST,
        To::Loopback => Ipv4Addr::LOCALHOST,
    };
    if let Err(e) = sender.send_to(b"d", &to(dest, port)) {
        return Ok(Err(e));
    }
    sender.send_to(b"m", &to(Ipv4Addr::LOCALHOST, port))?;
    let receiver = std::net::UdpSocket::from(receiver);
    let mut buf = [0u8; 4];
    let mut got = false;
    while receiver.recv(&mut buf)? != 1 || buf[0] != b'm' {
        got = true;
    }
    Ok(Ok(if got { RECEIVED } else { NOT_RECEIVED }))
}
