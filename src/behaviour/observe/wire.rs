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

/// Loopback of the case's family.
fn loopback(case: &WireCase) -> (Domain, IpAddr) {
    match case.kind().domain() {
        crate::kind::Domain::Ipv4 => (Domain::IPV4, Ipv4Addr::LOCALHOST.into()),
        _ => (Domain::IPV6, Ipv6Addr::LOCALHOST.into()),
    }
}

/// The receive option's control message (level, type), after setting the
/// receive option on `receiver`.
fn ask_for_value(case: &WireCase, receiver: &Socket) -> io::Result<(i32, i32)> {
    let message = crate::sys::control_message_of(case.option.receiver())
        .ok_or_else(|| io::Error::other("no control message for the receive option here"))?;
    crate::sys::set_int(receiver, code(case.option.receiver())?, 1).map_err(io::Error::other)?;
    Ok(message)
}

/// The sender's option set to the case's rung (if any), then read back:
/// Err(name) when the set fails.
fn set_then_read(case: &WireCase, sender: &Socket) -> io::Result<Result<i32, String>> {
    let option = code(case.option.sender())?;
    if let Some(v) = case.value {
        let v = i32::try_from(v).map_err(|_| io::Error::other("the rung does not fit a C int"))?;
        if let Err(e) = crate::sys::set_int(sender, option, v) {
            return Ok(Err(e));
        }
    }
    crate::sys::get_int(sender, option)
        .map(Ok)
        .map_err(io::Error::other)
}

/// The outcome's text, `none` for no message.
fn outcome(case: &WireCase, read_back: i32, got: Option<i32>) -> String {
    let got = got.map_or("none".to_string(), |v| v.to_string());
    text(case, &read_back.to_string(), &got)
}

fn run(case: &WireCase) -> io::Result<Result<String, String>> {
    if case.proto == Proto::Tcp {
        return run_tcp(case);
    }
    let (domain, ip) = loopback(case);
    let receiver = Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))?;
    let (level, kind) = ask_for_value(case, &receiver)?;
    receiver.bind(&SockAddr::from(SocketAddr::new(ip, 0)))?;
    receiver.set_read_timeout(Some(Duration::from_secs(2)))?;
    let to = receiver.local_addr()?;
    let sender = Socket::new(domain, Type::DGRAM, Some(Protocol::UDP))?;
    sender.bind(&SockAddr::from(SocketAddr::new(ip, 0)))?;
    let read_back = match set_then_read(case, &sender)? {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    sender.send_to(b"w", &to)?;
    let carried = crate::sys::recv_control_int(&receiver, level, kind)?;
    Ok(Ok(outcome(case, read_back, carried)))
}

/// TCP: a listener asking for the value by the receive option (the
/// accepted socket inherits it), a client with the option set before
/// connect; the accepted socket's packet options, read once the handshake
/// is done, say what it learnt.
fn run_tcp(case: &WireCase) -> io::Result<Result<String, String>> {
    let (domain, ip) = loopback(case);
    let listener = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    let (level, kind) = ask_for_value(case, &listener)?;
    listener.bind(&SockAddr::from(SocketAddr::new(ip, 0)))?;
    listener.listen(1)?;
    let client = Socket::new(domain, Type::STREAM, Some(Protocol::TCP))?;
    let read_back = match set_then_read(case, &client)? {
        Ok(v) => v,
        Err(e) => return Ok(Err(e)),
    };
    client.connect_timeout(&listener.local_addr()?, Duration::from_secs(5))?;
    let (accepted, _) = listener.accept()?;
    let v6 = case.kind() == Kind::Tcp6;
    let reported = crate::sys::packet_option_int(&accepted, v6, level, kind)?;
    Ok(Ok(outcome(case, read_back, reported)))
}
