//! Runs a timing case here: a loopback pair (or a lone UDP socket), the
//! timeout or low-water mark set, the call timed or poll() asked. Every
//! socket is closed before the function returns.

use crate::behaviour::timing::{
    send_stopped, timed_out, too_soon, Lowat, Timeout, TimingCase, Wait, NOT_READABLE, QUEUED, READABLE,
};
use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io::{self, Read, Write};
use std::net::{Ipv4Addr, SocketAddr};
use std::time::{Duration, Instant};

/// What happened: the call's error and how long it took, or what poll()
/// said.
pub fn timing(case: &TimingCase) -> Outcome {
    let run = match case {
        TimingCase::Timeout(t) => timeout(t),
        TimingCase::Lowat(l) => lowat(l),
    };
    match run {
        Ok(Ok(text)) => Outcome::Ok(crate::value::Value::Text(text)),
        Ok(Err(error)) => Outcome::Err(error),
        Err(e) => Outcome::not_run(&e),
    }
}

fn loopback() -> SockAddr {
    SockAddr::from(SocketAddr::from((Ipv4Addr::LOCALHOST, 0)))
}

fn timeout(t: &Timeout) -> io::Result<Result<String, String>> {
    let limit = Duration::from_millis(t.millis);
    let mut buf = vec![0u8; 64 * 1024];
    // The pair (or socket) lives until the call returns.
    let (waiter, _keep): (Socket, Option<Socket>) = match t.wait {
        Wait::TcpRecv => {
            let (client, accepted) = super::tcp_pair()?;
            client.set_read_timeout(Some(limit))?;
            (client, Some(accepted))
        }
        Wait::UdpRecv => {
            let s = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
            s.bind(&loopback())?;
            s.set_read_timeout(Some(limit))?;
            (s, None)
        }
        Wait::TcpSend => {
            let (client, accepted) = super::tcp_pair()?;
            fill(&client, &buf)?;
            client.set_write_timeout(Some(limit))?;
            (client, Some(accepted))
        }
    };
    let start = Instant::now();
    let result = match t.wait {
        Wait::TcpSend => (&waiter).write(&buf),
        _ => (&waiter).read(&mut buf),
    };
    let elapsed = start.elapsed();
    let send = t.wait == Wait::TcpSend;
    Ok(match result {
        Ok(n) if send && n < buf.len() && elapsed >= limit => Ok(send_stopped(t.millis)),
        Ok(n) => Err(format!(
            "the call returned {n} bytes after {} ms",
            elapsed.as_millis()
        )),
        Err(_) if send && elapsed >= limit => Ok(send_stopped(t.millis)),
        Err(e) if elapsed >= limit => Ok(timed_out(&super::error_name(&e), t.millis)),
        Err(e) => Ok(too_soon(&super::error_name(&e), elapsed.as_millis())),
    })
}

/// Writes until nothing more goes: the peer's window and this socket's
/// buffer full. Acknowledgements free buffer space for a moment after the
/// first would-block, so the filling goes on until a round writes nothing.
fn fill(client: &Socket, buf: &[u8]) -> io::Result<()> {
    client.set_nonblocking(true)?;
    for _ in 0..50 {
        let mut wrote = 0;
        loop {
            match (&*client).write(buf) {
                Ok(n) => wrote += n,
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) => return Err(e),
            }
        }
        if wrote == 0 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    client.set_nonblocking(false)
}

fn lowat(l: &Lowat) -> io::Result<Result<String, String>> {
    let set = |s: &Socket| -> io::Result<Result<(), String>> {
        let Some(v) = l.lowat else { return Ok(Ok(())) };
        let code = crate::catalog::find("SO_RCVLOWAT")
            .and_then(crate::sys::code)
            .ok_or_else(|| io::Error::other("no SO_RCVLOWAT here"))?;
        Ok(crate::sys::set_int(s, code, v))
    };
    let bytes = [0u8; QUEUED];
    let (receiver, _keep) = if l.udp {
        let receiver = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
        receiver.bind(&loopback())?;
        if let Err(e) = set(&receiver)? {
            return Ok(Err(e));
        }
        let sender = Socket::new(Domain::IPV4, Type::DGRAM, Some(Protocol::UDP))?;
        sender.send_to(&bytes, &receiver.local_addr()?)?;
        (receiver, sender)
    } else {
        let (client, accepted) = super::tcp_pair()?;
        if let Err(e) = set(&accepted)? {
            return Ok(Err(e));
        }
        (&client).write_all(&bytes)?;
        (accepted, client)
    };
    let readable = crate::sys::poll_readable(&receiver, Duration::from_millis(100))?;
    Ok(Ok(if readable { READABLE } else { NOT_READABLE }.to_string()))
}
