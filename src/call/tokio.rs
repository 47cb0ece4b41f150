//! The tokio path: the option methods of the tokio type the kind and state
//! have (`library::tokio::vehicles`), on a socket tokio made
//! (`Fixture::build_by_tokio`). The target is held as a socket2 `Socket`;
//! each call takes a duplicate of its descriptor as that tokio type
//! (`TcpSocket::from_std_stream`, or `from_std` inside this thread's
//! runtime), as a program hands tokio a socket it made, so the method that
//! runs is tokio's own, on the same socket.

use super::typed::{when, Calls};
use crate::library::tokio::{self as model, Vehicle};
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::tokio_runtime::within;
use crate::value::Value;
use socket2::Socket;
use std::io;
use tokio::net::{TcpListener, TcpSocket, TcpStream, UdpSocket};

/// The target as a tokio `TcpSocket`, on a duplicate of its descriptor.
fn tcp_socket(s: &Socket) -> io::Result<TcpSocket> {
    s.try_clone().map(|s| TcpSocket::from_std_stream(s.into()))
}

fn tcp_stream(s: &Socket) -> io::Result<TcpStream> {
    within(|| TcpStream::from_std(s.try_clone()?.into()))
}

fn tcp_listener(s: &Socket) -> io::Result<TcpListener> {
    within(|| TcpListener::from_std(s.try_clone()?.into()))
}

fn udp_socket(s: &Socket) -> io::Result<UdpSocket> {
    within(|| UdpSocket::from_std(s.try_clone()?.into()))
}

/// `take_error`, as the error number (0 for none).
fn error_of(r: io::Result<Option<io::Error>>) -> io::Result<i128> {
    r.map(|e| e.and_then(|e| e.raw_os_error()).unwrap_or(0).into())
}

/// tokio's method pair for an option on the type `vehicle`, if it has one.
pub fn calls(option: &OptionSpec, vehicle: Vehicle) -> Option<Calls> {
    use Calls::*;
    // Options tokio's constructors set: read raw.
    if matches!(
        (vehicle, option.id),
        (_, Opt::Socket(SocketOpt::Nosigpipe)) | (Vehicle::TcpListener, Opt::Socket(SocketOpt::Reuseaddr))
    ) {
        return model::method(Os::this(), option, vehicle).map(|_| RawRead);
    }
    match vehicle {
        Vehicle::TcpSocket => tcp_socket_calls(option),
        Vehicle::TcpStream => tcp_stream_calls(option),
        Vehicle::TcpListener => tcp_listener_calls(option),
        Vehicle::UdpSocket => udp_socket_calls(option),
        #[cfg(unix)]
        Vehicle::UnixStream | Vehicle::UnixListener | Vehicle::UnixDatagram => unix_calls(option, vehicle),
        #[allow(unreachable_patterns)]
        _ => None,
    }
}

fn tcp_socket_calls(option: &OptionSpec) -> Option<Calls> {
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
        Opt::Socket(SocketOpt::Error) => Some(ReadOnly(|s| error_of(tcp_socket(s)?.take_error()))),
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

fn tcp_stream_calls(option: &OptionSpec) -> Option<Calls> {
    use Calls::*;
    match option.id {
        Opt::Tcp(TcpOpt::Quickack) => when!(
            target_os = "linux",
            Bool(
                |s, v| tcp_stream(s)?.set_quickack(v),
                |s| tcp_stream(s)?.quickack()
            )
        ),
        Opt::Ip(IpOpt::Ttl) => Some(U32(|s, v| tcp_stream(s)?.set_ttl(v), |s| tcp_stream(s)?.ttl())),
        Opt::Socket(SocketOpt::Error) => Some(ReadOnly(|s| error_of(tcp_stream(s)?.take_error()))),
        _ => None,
    }
}

fn tcp_listener_calls(option: &OptionSpec) -> Option<Calls> {
    use Calls::*;
    match option.id {
        Opt::Ip(IpOpt::Ttl) => Some(U32(
            |s, v| tcp_listener(s)?.set_ttl(v),
            |s| tcp_listener(s)?.ttl(),
        )),
        _ => None,
    }
}

fn udp_socket_calls(option: &OptionSpec) -> Option<Calls> {
    use Calls::*;
    match option.id {
        Opt::Socket(SocketOpt::Broadcast) => Some(Bool(
            |s, v| udp_socket(s)?.set_broadcast(v),
            |s| udp_socket(s)?.broadcast(),
        )),
        Opt::Ip(IpOpt::MulticastLoop) => Some(Bool(
            |s, v| udp_socket(s)?.set_multicast_loop_v4(v),
            |s| udp_socket(s)?.multicast_loop_v4(),
        )),
        Opt::Ip(IpOpt::MulticastTtl) => Some(U32(
            |s, v| udp_socket(s)?.set_multicast_ttl_v4(v),
            |s| udp_socket(s)?.multicast_ttl_v4(),
        )),
        Opt::Ipv6(Ipv6Opt::MulticastLoop) => Some(Bool(
            |s, v| udp_socket(s)?.set_multicast_loop_v6(v),
            |s| udp_socket(s)?.multicast_loop_v6(),
        )),
        Opt::Ip(IpOpt::Ttl) => Some(U32(|s, v| udp_socket(s)?.set_ttl(v), |s| udp_socket(s)?.ttl())),
        Opt::Ip(IpOpt::Tos) => Some(U32(
            |s, v| udp_socket(s)?.set_tos_v4(v),
            |s| udp_socket(s)?.tos_v4(),
        )),
        Opt::Ipv6(Ipv6Opt::Tclass) => when!(
            unix,
            U32(
                |s, v| udp_socket(s)?.set_tclass_v6(v),
                |s| udp_socket(s)?.tclass_v6()
            )
        ),
        Opt::Socket(SocketOpt::Bindtodevice) => when!(
            target_os = "linux",
            Bytes(
                |s, name| udp_socket(s)?.bind_device(Some(name)),
                |s| udp_socket(s)?.device().map(Option::unwrap_or_default)
            )
        ),
        Opt::Socket(SocketOpt::Error) => Some(ReadOnly(|s| error_of(udp_socket(s)?.take_error()))),
        _ => None,
    }
}

/// The unix types have one option method: `take_error`.
#[cfg(unix)]
fn unix_calls(option: &OptionSpec, vehicle: Vehicle) -> Option<Calls> {
    use tokio::net::{UnixDatagram, UnixListener, UnixStream};
    if option.id != Opt::Socket(SocketOpt::Error) {
        return None;
    }
    Some(Calls::ReadOnly(match vehicle {
        Vehicle::UnixStream => {
            |s| error_of(within(|| UnixStream::from_std(s.try_clone()?.into()))?.take_error())
        }
        Vehicle::UnixListener => {
            |s| error_of(within(|| UnixListener::from_std(s.try_clone()?.into()))?.take_error())
        }
        _ => |s| error_of(within(|| UnixDatagram::from_std(s.try_clone()?.into()))?.take_error()),
    }))
}

/// Sets the request (if any) through tokio's method for the option on the
/// type the kind and state have, then reads it back.
pub fn apply(case: &crate::case::Case, socket: &Socket) -> Result<Value, String> {
    let (os, option) = (Os::this(), case.option);
    let (vehicle, shape, _) = model::method_in(os, option, case.kind, case.state).ok_or_else(|| {
        format!(
            "tokio has no type with a method for {} on a {} socket that is {}",
            option.name, case.kind, case.state
        )
    })?;
    let calls = calls(option, vehicle)
        .ok_or_else(|| format!("tokio's {vehicle:?} has no method for {} on this OS", option.name))?;
    super::typed::apply("tokio", option, shape, calls, socket, &case.request)
}

/// Whether tokio has a method for the option on any of its types here.
pub fn offers(option: &OptionSpec) -> bool {
    model::shape(Os::this(), option).is_some()
}

#[cfg(test)]
mod tests {
    use crate::catalog::CATALOG;
    use crate::os::Os;

    /// tokio's offer as data agrees with the methods compiled for this host.
    #[test]
    fn the_offer_as_data_matches_the_compiled_methods() {
        for option in CATALOG {
            for vehicle in crate::library::tokio::VEHICLES {
                assert_eq!(
                    crate::library::tokio::method(Os::this(), option, vehicle).is_some(),
                    super::calls(option, vehicle).is_some(),
                    "{} on {vehicle:?}",
                    option.name
                );
            }
        }
    }
}
