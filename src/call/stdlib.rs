//! The std path: the stable option methods of std's socket types, called on
//! a socket std made (`Fixture::build_by_std`). The target is held as a
//! socket2 `Socket`; each call takes a duplicate of it as the std type the
//! kind and state have (`library::std::vehicle`), so the method that runs
//! is std's own, on the same socket.

use super::typed::Calls;
use crate::case::Request;
use crate::library::stdlib::{self as model, Vehicle};
use crate::option::{IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::value::Value;
use socket2::Socket;
use std::io;
use std::net::{TcpListener, TcpStream, UdpSocket};

/// The target as the std type `T`, on a duplicate of its descriptor.
fn std_type<T: From<Socket>>(s: &Socket) -> io::Result<T> {
    s.try_clone().map(T::from)
}

/// `take_error` of the std type `T`, as the error number (0 for none).
fn error_of(r: io::Result<Option<io::Error>>) -> io::Result<i128> {
    r.map(|e| e.and_then(|e| e.raw_os_error()).unwrap_or(0).into())
}

/// The socket timeouts of a std type with `set_read_timeout` and friends.
macro_rules! timeouts {
    ($ty:ty, $option:expr) => {
        match $option {
            Opt::Socket(SocketOpt::Rcvtimeo) => Some(Calls::OptDuration(
                |s, d| std_type::<$ty>(s)?.set_read_timeout(d),
                |s| std_type::<$ty>(s)?.read_timeout(),
            )),
            Opt::Socket(SocketOpt::Sndtimeo) => Some(Calls::OptDuration(
                |s, d| std_type::<$ty>(s)?.set_write_timeout(d),
                |s| std_type::<$ty>(s)?.write_timeout(),
            )),
            Opt::Socket(SocketOpt::Error) => {
                Some(Calls::ReadOnly(|s| error_of(std_type::<$ty>(s)?.take_error())))
            }
            _ => None,
        }
    };
}

/// std's method pair for an option on the type `vehicle`, if it has one.
pub fn calls(option: &OptionSpec, vehicle: Vehicle) -> Option<Calls> {
    use Calls::*;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use SocketOpt as S;
    use TcpOpt as T;
    // Options std sets when it makes the socket: read raw.
    if matches!(option.id, Opt::Socket(S::Reuseaddr | S::Nosigpipe)) {
        return model::shape_on(Os::this(), option, vehicle).map(|_| RawRead);
    }
    match (vehicle, option.id) {
        (Vehicle::TcpStream, Opt::Tcp(T::Nodelay)) => Some(Bool(
            |s, v| std_type::<TcpStream>(s)?.set_nodelay(v),
            |s| std_type::<TcpStream>(s)?.nodelay(),
        )),
        (Vehicle::TcpStream, Opt::Ip(I::Ttl)) => Some(U32(
            |s, v| std_type::<TcpStream>(s)?.set_ttl(v),
            |s| std_type::<TcpStream>(s)?.ttl(),
        )),
        #[cfg(target_os = "linux")]
        (Vehicle::TcpStream, Opt::Tcp(T::Quickack)) => Some(Bool(
            |s, v| std::os::linux::net::TcpStreamExt::set_quickack(&std_type::<TcpStream>(s)?, v),
            |s| std::os::linux::net::TcpStreamExt::quickack(&std_type::<TcpStream>(s)?),
        )),
        (Vehicle::TcpStream, id) => timeouts!(TcpStream, id),
        (Vehicle::TcpListener, Opt::Ip(I::Ttl)) => Some(U32(
            |s, v| std_type::<TcpListener>(s)?.set_ttl(v),
            |s| std_type::<TcpListener>(s)?.ttl(),
        )),
        #[allow(deprecated)] // "can only be set before the socket is bound"
        (Vehicle::TcpListener, Opt::Ipv6(I6::V6only)) => Some(Bool(
            |s, v| std_type::<TcpListener>(s)?.set_only_v6(v),
            |s| std_type::<TcpListener>(s)?.only_v6(),
        )),
        (Vehicle::TcpListener, Opt::Socket(S::Error)) => {
            Some(ReadOnly(|s| error_of(std_type::<TcpListener>(s)?.take_error())))
        }
        (Vehicle::UdpSocket, Opt::Ip(I::Ttl)) => Some(U32(
            |s, v| std_type::<UdpSocket>(s)?.set_ttl(v),
            |s| std_type::<UdpSocket>(s)?.ttl(),
        )),
        (Vehicle::UdpSocket, Opt::Socket(S::Broadcast)) => Some(Bool(
            |s, v| std_type::<UdpSocket>(s)?.set_broadcast(v),
            |s| std_type::<UdpSocket>(s)?.broadcast(),
        )),
        (Vehicle::UdpSocket, Opt::Ip(I::MulticastLoop)) => Some(Bool(
            |s, v| std_type::<UdpSocket>(s)?.set_multicast_loop_v4(v),
            |s| std_type::<UdpSocket>(s)?.multicast_loop_v4(),
        )),
        (Vehicle::UdpSocket, Opt::Ip(I::MulticastTtl)) => Some(U32(
            |s, v| std_type::<UdpSocket>(s)?.set_multicast_ttl_v4(v),
            |s| std_type::<UdpSocket>(s)?.multicast_ttl_v4(),
        )),
        (Vehicle::UdpSocket, Opt::Ipv6(I6::MulticastLoop)) => Some(Bool(
            |s, v| std_type::<UdpSocket>(s)?.set_multicast_loop_v6(v),
            |s| std_type::<UdpSocket>(s)?.multicast_loop_v6(),
        )),
        (Vehicle::UdpSocket, id) => timeouts!(UdpSocket, id),
        #[cfg(unix)]
        (Vehicle::UnixStream, id) => timeouts!(std::os::unix::net::UnixStream, id),
        #[cfg(unix)]
        (Vehicle::UnixDatagram, id) => timeouts!(std::os::unix::net::UnixDatagram, id),
        #[cfg(unix)]
        (Vehicle::UnixListener, Opt::Socket(S::Error)) => Some(ReadOnly(|s| {
            error_of(std_type::<std::os::unix::net::UnixListener>(s)?.take_error())
        })),
        _ => None,
    }
}

pub fn apply(
    option: &OptionSpec,
    vehicle: Option<Vehicle>,
    socket: &Socket,
    request: &Request,
) -> Result<Value, String> {
    let os = Os::this();
    let vehicle = vehicle.ok_or_else(|| "std has no socket type for this kind in this state".to_string())?;
    let shape = model::shape_on(os, option, vehicle)
        .ok_or_else(|| format!("std's {vehicle:?} has no method for {}", option.name))?;
    let calls = calls(option, vehicle)
        .ok_or_else(|| format!("std's {vehicle:?} has no method for {} on this OS", option.name))?;
    super::typed::apply("std", option, shape, calls, socket, request)
}

#[cfg(test)]
mod tests {
    use crate::catalog::CATALOG;
    use crate::kind::Kind;
    use crate::os::Os;

    /// std's offer as data agrees with the methods compiled for this host.
    #[test]
    fn the_offer_as_data_matches_the_compiled_methods() {
        for option in CATALOG {
            for kind in Kind::ALL {
                for &state in kind.states() {
                    let Some(vehicle) = crate::library::stdlib::vehicle(Os::this(), kind, state) else {
                        continue;
                    };
                    assert_eq!(
                        crate::library::stdlib::shape_on(Os::this(), option, vehicle).is_some(),
                        super::calls(option, vehicle).is_some(),
                        "{} on {vehicle:?}",
                        option.name
                    );
                }
            }
        }
    }
}
