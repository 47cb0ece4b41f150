//! The tokio path: tokio's `TcpSocket` methods, on the socket under test
//! taken over with `TcpSocket::from_std_stream` (a duplicate of its
//! descriptor, as a program hands tokio a socket it made). No runtime is
//! needed: `TcpSocket` registers nothing until it listens or connects.

use super::typed::{when, Calls};
use crate::case::Request;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::value::Value;
use socket2::Socket;
use std::io;
use tokio::net::TcpSocket;

/// The target as a tokio `TcpSocket`, on a duplicate of its descriptor.
fn tcp_socket(s: &Socket) -> io::Result<TcpSocket> {
    s.try_clone().map(|s| TcpSocket::from_std_stream(s.into()))
}

/// tokio's `TcpSocket` methods for an option on this OS, if it has them.
pub fn calls(option: &OptionSpec) -> Option<Calls> {
    use Calls::*;
    match option.id {
        Opt::Buffer(BufferOpt::Sndbuf) => Some(U32(
            |s, v| tcp_socket(s)?.set_send_buffer_size(v),
            |s| tcp_socket(s)?.send_buffer_size(),
        )),
        Opt::Buffer(BufferOpt::Rcvbuf) => Some(U32(
            |s, v| tcp_socket(s)?.set_recv_buffer_size(v),
            |s| tcp_socket(s)?.recv_buffer_size(),
        )),
        Opt::Socket(SocketOpt::Keepalive) => Some(Bool(
            |s, v| tcp_socket(s)?.set_keepalive(v),
            |s| tcp_socket(s)?.keepalive(),
        )),
        Opt::Socket(SocketOpt::Reuseaddr) => Some(Bool(
            |s, v| tcp_socket(s)?.set_reuseaddr(v),
            |s| tcp_socket(s)?.reuseaddr(),
        )),
        Opt::Socket(SocketOpt::Reuseport) => when!(
            unix,
            Bool(
                |s, v| tcp_socket(s)?.set_reuseport(v),
                |s| tcp_socket(s)?.reuseport()
            )
        ),
        #[allow(deprecated)] // set_linger: "blocks the thread on drop"
        Opt::Socket(SocketOpt::Linger) => Some(OptDuration(
            |s, d| tcp_socket(s)?.set_linger(d),
            |s| tcp_socket(s)?.linger(),
        )),
        Opt::Socket(SocketOpt::Error) => Some(ReadOnly(|s| {
            tcp_socket(s)?
                .take_error()
                .map(|e| e.and_then(|e| e.raw_os_error()).unwrap_or(0).into())
        })),
        Opt::Socket(SocketOpt::Bindtodevice) => when!(
            target_os = "linux",
            Bytes(
                |s, name| tcp_socket(s)?.bind_device(Some(name)),
                |s| tcp_socket(s)?.device().map(Option::unwrap_or_default)
            )
        ),
        Opt::Tcp(TcpOpt::Nodelay) => Some(Bool(
            |s, v| tcp_socket(s)?.set_nodelay(v),
            |s| tcp_socket(s)?.nodelay(),
        )),
        Opt::Ip(IpOpt::Tos) => Some(U32(
            |s, v| tcp_socket(s)?.set_tos_v4(v),
            |s| tcp_socket(s)?.tos_v4(),
        )),
        Opt::Ipv6(Ipv6Opt::Tclass) => when!(
            unix,
            U32(
                |s, v| tcp_socket(s)?.set_tclass_v6(v),
                |s| tcp_socket(s)?.tclass_v6()
            )
        ),
        _ => None,
    }
}

pub fn apply(option: &OptionSpec, socket: &Socket, request: &Request) -> Result<Value, String> {
    let os = crate::os::Os::this();
    let shape = crate::library::tokio::shape(os, option)
        .ok_or_else(|| format!("tokio's TcpSocket has no method for {}", option.name))?;
    let calls = calls(option)
        .ok_or_else(|| format!("tokio's TcpSocket has no method for {} on this OS", option.name))?;
    super::typed::apply("tokio", option, shape, calls, socket, request)
}

#[cfg(test)]
mod tests {
    use crate::catalog::CATALOG;
    use crate::os::Os;

    /// tokio's offer as data agrees with the methods compiled for this host.
    #[test]
    fn the_offer_as_data_matches_the_compiled_methods() {
        for option in CATALOG {
            assert_eq!(
                crate::library::tokio::shape(Os::this(), option).is_some(),
                super::calls(option).is_some(),
                "{}",
                option.name
            );
        }
    }
}
