//! Runs a wire case here: a receiver asking for the value by its receive
//! option, a sender with the option set (or not), one datagram on loopback
//! (UDP), or a connection whose accepted end reads its packet options
//! (TCP); every socket closed before the function returns.

use crate::behaviour::bind::Proto;
use crate::behaviour::wire::{text, WireCase};
use crate::kind::Kind;
use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::Duration;

/// What happened: the set's error, or the read back beside what the
/// datagram carried.
pub fn wire(case: &WireCase) -> Outcome {
    match run(case) {
        Ok(Ok(text)) => Outcome::Ok(crate::value::Value::Text(text)),
        Ok(Err(error)) => Outcome::Err(error),
        Err(e) => Outcome::not_run(&e),
    }
}

fn code(name: &str) -> io::Result<crate::sys::Code> {
    crate::catalog::find(name)
        .and_then(crate::sys::code)
        .ok_or_else(|| io::Error::other(format!("no {name} here")))
}

fn run(case: &WireCase) -> io::Result<Result<String, String>> {
    if case.proto == Proto::Tcp {
        return run_tcp(case);
    }
    let (domain, ip): (Domain, IpAddr) = match case.kind() {
        Kind::Udp4 => (Domain::IPV4, Ipv4Addr::LOCALHOST.into()),
        _ => (Domain::IPV6, Ipv6Addr::LOCALHOST.into()),
    };
    let (level, kind) = crate::sys::control_message_of(case.option.receiver())
        .ok_or_else(|| io::Error::other("no control message for the receive option here"))?;
    let receiver = Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))?;
    crate::sys::set_int(&receiver, code(case.option.receiver())?, 1).map_err(io::Error::other)?;
    receiver.bind(&SockAddr::from(SocketAddr::new(ip, 0)))?;
    receiver.set_read_timeout(Some(Duration::from_secs(2)))?;
    let to = receiver.local_addr()?;
    let sender = Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))?;
    sender.bind(&SockAddr::from(SocketAddr::new(ip, 0)))?;
    let option = code(case.option.sender())?;
    if let Some(v) = case.value {
        let v = i32::try_from(v).map_err(|_| io::Error::other("the rung does not fit a C int"))?;
        if let Err(e) = crate::sys::set_int(&sender, option, v) {
            return Ok(Err(e));
        }
    }
    let read_back = crate::sys::get_int(&sender, option).map_err(io::Error::other)?;
    sender.send_to(b"w", &to)?;
    let carried = crate::sys::recv_control_int(&receiver, level, kind)?;
    let carried = carried.map_or("none".to_string(), |v| v.to_string());
    Ok(Ok(text(case, &read_back.to_string(), &carried)))
}

/// TCP: a listener asking for the value by the receive option (the
/// accepted socket inherits it), a client with the option set before
/// connect; the accepted socket's packet options, read once the handshake
/// is done, say what it learnt.
fn run_tcp(case: &WireCase) -> io::Result<Result<String, String>> {
    let v6 = case.kind() == Kind::Tcp6;
    let (domain, ip): (Domain, IpAddr) = match v6 {
        false => (Domain::IPV4, Ipv4Addr::LOCALHOST.into()),
        true => (Domain::IPV6, Ipv6Addr::LOCALHOST.into()),
    };
    let (level, kind) = crate::sys::control_message_of(case.option.receiver())
        .ok_or_else(|| io::Error::other("no control message for the receive option here"))?;
    let listener = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    crate::sys::set_int(&listener, code(case.option.receiver())?, 1).map_err(io::Error::other)?;
    listener.bind(&SockAddr::from(SocketAddr::new(ip, 0)))?;
    listener.listen(1)?;
    let client = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    let option = code(case.option.sender())?;
    if let Some(v) = case.value {
        let v = i32::try_from(v).map_err(|_| io::Error::other("the rung does not fit a C int"))?;
        if let Err(e) = crate::sys::set_int(&client, option, v) {
            return Ok(Err(e));
        }
    }
    let read_back = crate::sys::get_int(&client, option).map_err(io::Error::other)?;
    client.connect_timeout(&listener.local_addr()?, Duration::from_secs(5))?;
    let (accepted, _) = listener.accept()?;
    let reported = crate::sys::packet_option_int(&accepted, v6, level, kind)?;
    let reported = reported.map_or("none".to_string(), |v| v.to_string());
    Ok(Ok(text(case, &read_back.to_string(), &reported)))
}
