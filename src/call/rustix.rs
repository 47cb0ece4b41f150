//! The rustix path: rustix 1.1.6's `net::sockopt` functions, called on the
//! socket under test. Each option's pair is looked up by the option's id;
//! the Rust type is `library::rustix::shape`'s, checked against this table
//! by a unit test.

use super::typed::{when, Calls};
use crate::case::Request;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::value::Value;
use rustix::net::sockopt as so;
use socket2::Socket;
use std::io;

fn io<T>(r: rustix::io::Result<T>) -> io::Result<T> {
    r.map_err(io::Error::from)
}

/// rustix's functions for an option on this OS, if it has them.
pub fn calls(option: &OptionSpec) -> Option<Calls> {
    use so::Timeout::{Recv, Send};
    use BufferOpt as B;
    use Calls::*;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use SocketOpt as S;
    use TcpOpt as T;
    match option.id {
        Opt::Buffer(B::Sndbuf) => Some(Usize(
            |s, v| io(so::set_socket_send_buffer_size(s, v)),
            |s| io(so::socket_send_buffer_size(s)),
        )),
        Opt::Buffer(B::Rcvbuf) => Some(Usize(
            |s, v| io(so::set_socket_recv_buffer_size(s, v)),
            |s| io(so::socket_recv_buffer_size(s)),
        )),
        Opt::Buffer(B::Sndbufforce) => when!(
            target_os = "linux",
            SetOnly(|s, v| io(so::set_socket_send_buffer_size_force(s, v)))
        ),
        Opt::Buffer(B::Rcvbufforce) => when!(
            target_os = "linux",
            SetOnly(|s, v| io(so::set_socket_recv_buffer_size_force(s, v)))
        ),
        Opt::Socket(S::Reuseaddr) => Some(Bool(
            |s, v| io(so::set_socket_reuseaddr(s, v)),
            |s| io(so::socket_reuseaddr(s)),
        )),
        Opt::Socket(S::Broadcast) => Some(Bool(
            |s, v| io(so::set_socket_broadcast(s, v)),
            |s| io(so::socket_broadcast(s)),
        )),
        Opt::Socket(S::Keepalive) => Some(Bool(
            |s, v| io(so::set_socket_keepalive(s, v)),
            |s| io(so::socket_keepalive(s)),
        )),
        Opt::Socket(S::Oobinline) => Some(Bool(
            |s, v| io(so::set_socket_oobinline(s, v)),
            |s| io(so::socket_oobinline(s)),
        )),
        Opt::Socket(S::Linger) => Some(OptDuration(
            |s, v| io(so::set_socket_linger(s, v)),
            |s| io(so::socket_linger(s)),
        )),
        Opt::Socket(S::Passcred) => when!(
            target_os = "linux",
            Bool(
                |s, v| io(so::set_socket_passcred(s, v)),
                |s| io(so::socket_passcred(s))
            )
        ),
        Opt::Socket(S::Rcvtimeo) => Some(OptDuration(
            |s, v| io(so::set_socket_timeout(s, Recv, v)),
            |s| io(so::socket_timeout(s, Recv)),
        )),
        Opt::Socket(S::Sndtimeo) => Some(OptDuration(
            |s, v| io(so::set_socket_timeout(s, Send, v)),
            |s| io(so::socket_timeout(s, Send)),
        )),
        Opt::Socket(S::IncomingCpu) => when!(
            target_os = "linux",
            U32(
                |s, v| io(so::set_socket_incoming_cpu(s, v)),
                |s| io(so::socket_incoming_cpu(s))
            )
        ),
        // A ClockId from the clock (the model asks only clocks it has) and
        // the flags' bits as they are.
        Opt::Socket(S::Txtime) => when!(
            target_os = "linux",
            TxTime(
                |s, clock, flags| {
                    let clock = rustix::time::ClockId::try_from(clock).map_err(io::Error::from)?;
                    io(so::set_txtime(
                        s,
                        clock,
                        rustix::net::TxTimeFlags::from_bits_retain(flags),
                    ))
                },
                |s| io(so::get_txtime(s)).map(|(clock, flags)| (clock as i32, flags.bits()))
            )
        ),
        Opt::Socket(S::Cookie) => when!(
            target_os = "linux",
            ReadOnly(|s| io(so::socket_cookie(s)).map(i128::from))
        ),
        Opt::Socket(S::Error) => Some(ReadOnly(|s| {
            io(so::socket_error(s)).map(|r| r.err().map_or(0, |e| e.raw_os_error().into()))
        })),
        Opt::Socket(S::Type) => Some(ReadOnly(|s| io(so::socket_type(s)).map(|t| t.as_raw().into()))),
        Opt::Socket(S::Domain) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            ReadOnly(|s| io(so::socket_domain(s)).map(|d| d.as_raw().into()))
        ),
        Opt::Socket(S::Protocol) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            ReadOnly(|s| io(so::socket_protocol(s)).map(|p| p.map_or(0, |p| p.as_raw().get().into())))
        ),
        Opt::Socket(S::Acceptconn) => when!(
            not(target_vendor = "apple"),
            ReadOnly(|s| io(so::socket_acceptconn(s)).map(i128::from))
        ),
        Opt::Socket(S::Reuseport) => when!(
            unix,
            Bool(
                |s, v| io(so::set_socket_reuseport(s, v)),
                |s| io(so::socket_reuseport(s))
            )
        ),
        Opt::Socket(S::ReuseportLb) => when!(
            target_os = "freebsd",
            Bool(
                |s, v| io(so::set_socket_reuseport_lb(s, v)),
                |s| io(so::socket_reuseport_lb(s))
            )
        ),
        Opt::Socket(S::Nosigpipe) => when!(
            any(target_vendor = "apple", target_os = "freebsd"),
            Bool(
                |s, v| io(so::set_socket_nosigpipe(s, v)),
                |s| io(so::socket_nosigpipe(s))
            )
        ),
        Opt::Ip(I::Ttl) => Some(U32(|s, v| io(so::set_ip_ttl(s, v)), |s| io(so::ip_ttl(s)))),
        Opt::Ip(I::MulticastTtl) => Some(U32(
            |s, v| io(so::set_ip_multicast_ttl(s, v)),
            |s| io(so::ip_multicast_ttl(s)),
        )),
        Opt::Ip(I::MulticastLoop) => Some(Bool(
            |s, v| io(so::set_ip_multicast_loop(s, v)),
            |s| io(so::ip_multicast_loop(s)),
        )),
        Opt::Ip(I::Tos) => when!(unix, U8(|s, v| io(so::set_ip_tos(s, v)), |s| io(so::ip_tos(s)))),
        Opt::Ip(I::Recvtos) => when!(
            unix,
            Bool(|s, v| io(so::set_ip_recvtos(s, v)), |s| io(so::ip_recvtos(s)))
        ),
        Opt::Ip(I::Freebind) => when!(
            target_os = "linux",
            Bool(|s, v| io(so::set_ip_freebind(s, v)), |s| io(so::ip_freebind(s)))
        ),
        Opt::Ip(I::Mtu) => when!(
            target_os = "linux",
            ReadOnly(|s| io(so::ip_mtu(s)).map(i128::from))
        ),
        Opt::Ipv6(I6::V6only) => Some(Bool(
            |s, v| io(so::set_ipv6_v6only(s, v)),
            |s| io(so::ipv6_v6only(s)),
        )),
        Opt::Ipv6(I6::MulticastLoop) => Some(Bool(
            |s, v| io(so::set_ipv6_multicast_loop(s, v)),
            |s| io(so::ipv6_multicast_loop(s)),
        )),
        Opt::Ipv6(I6::UnicastHops) => Some(OptU8(
            |s, v| io(so::set_ipv6_unicast_hops(s, v)),
            |s| io(so::ipv6_unicast_hops(s)),
        )),
        Opt::Ipv6(I6::MulticastHops) => Some(U32(
            |s, v| io(so::set_ipv6_multicast_hops(s, v)),
            |s| io(so::ipv6_multicast_hops(s)),
        )),
        Opt::Ip(I::MulticastIf) => Some(Ipv4(
            |s, v| io(so::set_ip_multicast_if(s, v)),
            |s| io(so::ip_multicast_if(s)),
        )),
        Opt::Ip(I::AddMembership) => Some(Membership(|s, group, on| {
            io(so::set_ip_add_membership(s, group, on))
        })),
        Opt::Ip(I::DropMembership) => Some(Membership(|s, group, on| {
            io(so::set_ip_drop_membership(s, group, on))
        })),
        // rustix takes (group, interface, source); socket2's order is
        // (source, group, interface).
        Opt::Ip(I::AddSourceMembership) => when!(
            unix,
            SourceMembership(|s, from, group, on| io(so::set_ip_add_source_membership(s, group, on, from)))
        ),
        Opt::Ip(I::DropSourceMembership) => when!(
            unix,
            SourceMembership(|s, from, group, on| io(so::set_ip_drop_source_membership(s, group, on, from)))
        ),
        Opt::Ipv6(I6::AddMembership) => Some(Membership6(|s, group, on| {
            io(so::set_ipv6_add_membership(s, group, on))
        })),
        Opt::Ipv6(I6::DropMembership) => Some(Membership6(|s, group, on| {
            io(so::set_ipv6_drop_membership(s, group, on))
        })),
        Opt::Ipv6(I6::MulticastIf) => Some(U32(
            |s, v| io(so::set_ipv6_multicast_if(s, v)),
            |s| io(so::ipv6_multicast_if(s)),
        )),
        Opt::Ipv6(I6::Tclass) => when!(
            unix,
            U32(|s, v| io(so::set_ipv6_tclass(s, v)), |s| io(so::ipv6_tclass(s)))
        ),
        Opt::Ipv6(I6::Recvtclass) => when!(
            unix,
            Bool(
                |s, v| io(so::set_ipv6_recvtclass(s, v)),
                |s| io(so::ipv6_recvtclass(s))
            )
        ),
        Opt::Ipv6(I6::Freebind) => when!(
            target_os = "linux",
            Bool(
                |s, v| io(so::set_ipv6_freebind(s, v)),
                |s| io(so::ipv6_freebind(s))
            )
        ),
        Opt::Ipv6(I6::Mtu) => when!(
            target_os = "linux",
            ReadOnly(|s| io(so::ipv6_mtu(s)).map(i128::from))
        ),
        Opt::Tcp(T::Nodelay) => Some(Bool(
            |s, v| io(so::set_tcp_nodelay(s, v)),
            |s| io(so::tcp_nodelay(s)),
        )),
        Opt::Tcp(T::Keepcnt) => Some(U32(
            |s, v| io(so::set_tcp_keepcnt(s, v)),
            |s| io(so::tcp_keepcnt(s)),
        )),
        Opt::Tcp(T::Keepidle) => Some(Duration(
            |s, v| io(so::set_tcp_keepidle(s, v)),
            |s| io(so::tcp_keepidle(s)),
        )),
        Opt::Tcp(T::Keepintvl) => Some(Duration(
            |s, v| io(so::set_tcp_keepintvl(s, v)),
            |s| io(so::tcp_keepintvl(s)),
        )),
        Opt::Tcp(T::UserTimeout) => when!(
            target_os = "linux",
            U32(
                |s, v| io(so::set_tcp_user_timeout(s, v)),
                |s| io(so::tcp_user_timeout(s))
            )
        ),
        Opt::Tcp(T::Quickack) => when!(
            target_os = "linux",
            Bool(|s, v| io(so::set_tcp_quickack(s, v)), |s| io(so::tcp_quickack(s)))
        ),
        Opt::Tcp(T::ThinLinearTimeouts) => when!(
            target_os = "linux",
            Bool(
                |s, v| io(so::set_tcp_thin_linear_timeouts(s, v)),
                |s| io(so::tcp_thin_linear_timeouts(s))
            )
        ),
        Opt::Tcp(T::Cork) => when!(
            target_os = "linux",
            Bool(|s, v| io(so::set_tcp_cork(s, v)), |s| io(so::tcp_cork(s)))
        ),
        Opt::Tcp(T::Congestion) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            Bytes(
                |s, name| {
                    let name = std::str::from_utf8(name).map_err(io::Error::other)?;
                    io(so::set_tcp_congestion(s, name))
                },
                |s| io(so::tcp_congestion(s)).map(String::into_bytes)
            )
        ),
        _ => None,
    }
}

pub fn apply(option: &OptionSpec, socket: &Socket, request: &Request) -> Result<Value, String> {
    let os = crate::os::Os::this();
    let shape = crate::library::rustix::shape(os, option)
        .ok_or_else(|| format!("rustix has no function for {}", option.name))?;
    let calls =
        calls(option).ok_or_else(|| format!("rustix has no function for {} on this OS", option.name))?;
    super::typed::apply("rustix", option, shape, calls, socket, request)
}

#[cfg(test)]
mod tests {
    use crate::catalog::CATALOG;
    use crate::os::Os;

    /// rustix's offer as data agrees with the functions compiled for this host.
    #[test]
    fn the_offer_as_data_matches_the_compiled_functions() {
        for option in CATALOG {
            assert_eq!(
                crate::library::rustix::shape(Os::this(), option).is_some(),
                super::calls(option).is_some(),
                "{}",
                option.name
            );
        }
    }
}
