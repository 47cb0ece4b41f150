//! Runs behaviour cases here, on loopback: every socket a case opens is
//! closed before its function returns.

mod bind;
mod broadcast;
mod dual_stack;
mod linger;
mod timing;
mod wire;

pub use bind::{bind, bind_other_user};
pub use broadcast::broadcast;
pub use dual_stack::{dual_stack, dual_stack_udp};
pub use linger::linger;
pub use timing::timing;
pub use wire::wire;

use crate::outcome::Outcome;
use socket2::{Domain, Protocol, SockAddr, Socket, Type};
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

/// An error by the name the outcome gives it: the OS's name for its code.
fn error_name(e: &io::Error) -> String {
    match e.raw_os_error() {
        Some(code) => crate::sys::error_name(code),
        None => e.to_string(),
    }
}

/// An error as the outcome names it.
fn error_outcome(e: &io::Error) -> Outcome {
    Outcome::Err(error_name(e))
}

/// The port a bound socket holds.
fn port_of(s: &Socket) -> io::Result<u16> {
    s.local_addr()?
        .as_socket()
        .map(|a| a.port())
        .ok_or_else(|| io::Error::other("no port"))
}

/// A connected tcp4 pair on loopback with 16 KiB buffers (the listener's
/// receive buffer, inherited by the accepted end; the client's send
/// buffer), so that a full window is quick to reach: (client, accepted).
fn tcp_pair() -> io::Result<(Socket, Socket)> {
    let listener = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
    listener.set_recv_buffer_size(16 * 1024)?;
    listener.bind(&SockAddr::from(SocketAddr::from((Ipv4Addr::LOCALHOST, 0))))?;
    listener.listen(1)?;
    let client = Socket::new(Domain::IPV4, Type::STREAM, Some(Protocol::TCP))?;
    client.set_send_buffer_size(16 * 1024)?;
    client.connect_timeout(&listener.local_addr()?, Duration::from_secs(5))?;
    let (accepted, _) = listener.accept()?;
    Ok((client, accepted))
}
