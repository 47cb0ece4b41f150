//! The socket2 path: the crate's typed setters and getters. Each option's
//! call pair is looked up by the option's id; its `Shape` (in the catalogue) says how
//! a request becomes the Rust argument and how the result reads back.

use super::typed::Calls;
use crate::case::Request;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::value::Value;
use socket2::{Socket, TcpKeepalive};

/// The expression on the OSes named, `None` elsewhere: socket2 compiles
/// some calls only for some targets.
macro_rules! only_on {
    (unix, $e:expr) => {{
        #[cfg(unix)]
        let call = Some($e);
        #[cfg(not(unix))]
        let call = None;
        call
    }};
    (linux, $e:expr) => {{
        #[cfg(any(target_os = "linux", target_os = "android"))]
        let call = Some($e);
        #[cfg(not(any(target_os = "linux", target_os = "android")))]
        let call = None;
        call
    }};
    (windows, $e:expr) => {{
        #[cfg(windows)]
        let call = Some($e);
        #[cfg(not(windows))]
        let call = None;
        call
    }};
    (apple, $e:expr) => {{
        #[cfg(target_vendor = "apple")]
        let call = Some($e);
        #[cfg(not(target_vendor = "apple"))]
        let call = None;
        call
    }};
    (freebsd, $e:expr) => {{
        #[cfg(target_os = "freebsd")]
        let call = Some($e);
        #[cfg(not(target_os = "freebsd"))]
        let call = None;
        call
    }};
    (not_bsd, $e:expr) => {{
        #[cfg(not(any(
            target_os = "freebsd",
            target_os = "openbsd",
            target_os = "netbsd",
            target_os = "dragonfly"
        )))]
        let call = Some($e);
        #[cfg(any(
            target_os = "freebsd",
            target_os = "openbsd",
            target_os = "netbsd",
            target_os = "dragonfly"
        ))]
        let call = None;
        call
    }};
    (linux_or_windows, $e:expr) => {{
        #[cfg(any(target_os = "linux", target_os = "android", windows))]
        let call = Some($e);
        #[cfg(not(any(target_os = "linux", target_os = "android", windows)))]
        let call = None;
        call
    }};
    (linux_or_freebsd, $e:expr) => {{
        #[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
        let call = Some($e);
        #[cfg(not(any(target_os = "linux", target_os = "android", target_os = "freebsd")))]
        let call = None;
        call
    }};
}

/// socket2's calls for an option on this OS, if it has them: one arm per
/// option, so a new option must say whether socket2 offers it.
pub fn calls(option: &OptionSpec) -> Option<Calls> {
    use BufferOpt as B;
    use Calls::*;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use SocketOpt as S;
    use TcpOpt as T;
    match option.id {
        Opt::Buffer(B::Sndbuf) => Some(Usize(Socket::set_send_buffer_size, Socket::send_buffer_size)),
        Opt::Buffer(B::Rcvbuf) => Some(Usize(Socket::set_recv_buffer_size, Socket::recv_buffer_size)),
        Opt::Buffer(B::Sndbufforce | B::Rcvbufforce) => None,
        Opt::Socket(S::Keepalive) => Some(Bool(Socket::set_keepalive, Socket::keepalive)),
        Opt::Socket(S::Reuseaddr) => Some(Bool(Socket::set_reuse_address, Socket::reuse_address)),
        Opt::Socket(S::Reuseport) => only_on!(unix, Bool(Socket::set_reuse_port, Socket::reuse_port)),
        Opt::Socket(S::Broadcast) => Some(Bool(Socket::set_broadcast, Socket::broadcast)),
        Opt::Socket(S::Oobinline) => Some(Bool(Socket::set_out_of_band_inline, Socket::out_of_band_inline)),
        Opt::Socket(S::Passcred) => only_on!(linux, Bool(Socket::set_passcred, Socket::passcred)),
        Opt::Socket(S::Linger) => Some(OptDuration(Socket::set_linger, Socket::linger)),
        Opt::Socket(S::Rcvtimeo) => Some(OptDuration(Socket::set_read_timeout, Socket::read_timeout)),
        Opt::Socket(S::Sndtimeo) => Some(OptDuration(Socket::set_write_timeout, Socket::write_timeout)),
        Opt::Socket(S::Rcvlowat | S::Sndlowat) => None,
        Opt::Socket(S::Priority) => only_on!(linux, U32(Socket::set_priority, Socket::priority)),
        Opt::Socket(S::Mark) => only_on!(linux, U32(Socket::set_mark, Socket::mark)),
        Opt::Socket(S::BusyPoll) => only_on!(linux, U32(Socket::set_busy_poll, Socket::busy_poll)),
        Opt::Socket(S::Type) => Some(ReadOnly(|s| s.r#type().map(|t| i128::from(i32::from(t))))),
        Opt::Socket(S::Domain) => only_on!(linux, ReadOnly(|s| s.domain().map(|d| i128::from(i32::from(d))))),
        Opt::Socket(S::Protocol) => only_on!(
            linux_or_freebsd,
            ReadOnly(|s| s.protocol().map(|p| p.map_or(0, |p| i128::from(i32::from(p)))))
        ),
        Opt::Socket(S::ProtocolInfo) => only_on!(
            windows,
            ReadOnly(|s| s.protocol().map(|p| p.map_or(0, |p| i128::from(i32::from(p)))))
        ),
        Opt::Socket(S::Error) => Some(ReadOnly(|s| {
            s.take_error()
                .map(|e| e.and_then(|e| e.raw_os_error()).unwrap_or(0).into())
        })),
        Opt::Tcp(T::Nodelay) => Some(Bool(Socket::set_tcp_nodelay, Socket::tcp_nodelay)),
        Opt::Tcp(T::Maxseg) => only_on!(unix, U32(Socket::set_tcp_mss, Socket::tcp_mss)),
        Opt::Tcp(T::Keepidle) => only_on!(
            unix,
            Calls::Duration(
                |s, d| s.set_tcp_keepalive(&TcpKeepalive::new().with_time(d)),
                Socket::tcp_keepalive_time,
            )
        ),
        Opt::Tcp(T::Keepintvl) => only_on!(
            unix,
            Calls::Duration(
                |s, d| s.set_tcp_keepalive(&TcpKeepalive::new().with_interval(d)),
                Socket::tcp_keepalive_interval,
            )
        ),
        Opt::Tcp(T::Keepcnt) => Some(U32(
            |s, n| s.set_tcp_keepalive(&TcpKeepalive::new().with_retries(n)),
            Socket::tcp_keepalive_retries,
        )),
        Opt::Tcp(T::UserTimeout) => only_on!(
            linux,
            OptDuration(Socket::set_tcp_user_timeout, Socket::tcp_user_timeout)
        ),
        Opt::Tcp(T::Cork) => only_on!(linux, Bool(Socket::set_tcp_cork, Socket::tcp_cork)),
        Opt::Tcp(T::Quickack) => only_on!(linux, Bool(Socket::set_tcp_quickack, Socket::tcp_quickack)),
        Opt::Tcp(T::NotsentLowat) => only_on!(
            linux,
            U32(Socket::set_tcp_notsent_lowat, Socket::tcp_notsent_lowat)
        ),
        Opt::Tcp(T::ThinLinearTimeouts) => only_on!(
            linux,
            Bool(
                Socket::set_tcp_thin_linear_timeouts,
                Socket::tcp_thin_linear_timeouts,
            )
        ),
        Opt::Tcp(T::Congestion) => only_on!(
            linux_or_freebsd,
            Bytes(Socket::set_tcp_congestion, Socket::tcp_congestion)
        ),
        Opt::Ip(I::Ttl) => Some(U32(Socket::set_ttl_v4, Socket::ttl_v4)),
        Opt::Ip(I::Tos) => Some(U32(Socket::set_tos_v4, Socket::tos_v4)),
        Opt::Ip(I::MulticastTtl) => Some(U32(Socket::set_multicast_ttl_v4, Socket::multicast_ttl_v4)),
        Opt::Ip(I::MulticastIf) => Some(Ipv4(Socket::set_multicast_if_v4, Socket::multicast_if_v4)),
        Opt::Ip(I::AddMembership) => Some(MembershipByIndex(Socket::join_multicast_v4, |s, group, index| {
            s.join_multicast_v4_n(group, &socket2::InterfaceIndexOrAddress::Index(index))
        })),
        Opt::Ip(I::DropMembership) => Some(MembershipByIndex(
            Socket::leave_multicast_v4,
            |s, group, index| s.leave_multicast_v4_n(group, &socket2::InterfaceIndexOrAddress::Index(index)),
        )),
        Opt::Ip(I::AddSourceMembership) => Some(SourceMembership(Socket::join_ssm_v4)),
        Opt::Ip(I::DropSourceMembership) => Some(SourceMembership(Socket::leave_ssm_v4)),
        Opt::Ip(I::MulticastLoop) => Some(Bool(Socket::set_multicast_loop_v4, Socket::multicast_loop_v4)),
        Opt::Ip(I::Freebind) => only_on!(linux, Bool(Socket::set_freebind_v4, Socket::freebind_v4)),
        Opt::Ip(I::MulticastAll) => only_on!(
            linux,
            Bool(Socket::set_multicast_all_v4, Socket::multicast_all_v4)
        ),
        Opt::Ipv6(I6::MulticastAll) => only_on!(
            linux,
            Bool(Socket::set_multicast_all_v6, Socket::multicast_all_v6)
        ),
        Opt::Ip(I::Transparent) => only_on!(
            linux,
            Bool(Socket::set_ip_transparent_v4, Socket::ip_transparent_v4)
        ),
        Opt::Ip(I::Recvtos) => Some(Bool(Socket::set_recv_tos_v4, Socket::recv_tos_v4)),
        // socket2 0.6 has no call for IP_RECVTTL.
        Opt::Ip(I::Recvttl) => None,
        Opt::Tcp(T::Syncnt | T::Linger2 | T::DeferAccept | T::FastopenConnect | T::WindowClamp) => None,
        Opt::Socket(S::RxqOvfl | S::Dontroute) => None,
        Opt::Tcp(T::Fastopen) => None,
        Opt::Ipv6(I6::Recvhoplimit) => {
            only_on!(unix, Bool(Socket::set_recv_hoplimit_v6, Socket::recv_hoplimit_v6))
        }
        Opt::Ipv6(I6::Recvpktinfo) => None,
        Opt::Socket(S::IncomingCpu) => only_on!(linux, Usize(Socket::set_cpu_affinity, Socket::cpu_affinity)),
        Opt::Socket(S::Cookie) => only_on!(linux, ReadOnly(|s| s.cookie().map(i128::from))),
        // Reported by its address, as the raw path reports it.
        Opt::Ip(I::OriginalDst) => only_on!(
            linux_or_windows,
            ReadOnly(|s| s.original_dst_v4().and_then(address_of))
        ),
        Opt::Ipv6(I6::OriginalDst) => only_on!(
            linux_or_windows,
            ReadOnly(|s| s.original_dst_v6().and_then(address_of))
        ),
        Opt::Socket(S::Acceptconn) => {
            only_on!(linux_or_freebsd, ReadOnly(|s| s.is_listener().map(i128::from)))
        }
        // socket2 0.6 has no call for these.
        Opt::Socket(
            S::Timestamp
            | S::Timestampns
            | S::SelectErrQueue
            | S::WifiStatus
            | S::Nofcs
            | S::LockFilter
            | S::BufLock
            | S::Txrehash
            | S::MaxPacingRate
            | S::IncomingNapiId
            | S::Peercred
            | S::Peerpidfd
            | S::Txtime
            | S::AttachFilter
            | S::DetachFilter
            | S::Passsec
            | S::PreferBusyPoll,
        ) => None,
        Opt::Tcp(T::Inq | T::SaveSyn | T::Repair) => None,
        Opt::Socket(
            S::Bintime
            | S::Nosigpipe
            | S::TsClock
            | S::TimestampMonotonic
            | S::Noaddrerr
            | S::LingerTicks
            | S::Rcvmark
            | S::UserCookie
            | S::Listenqlimit
            | S::Listenqlen
            | S::Listenincqlen
            | S::Nread
            | S::Nwrite
            | S::Exclusiveaddruse,
        ) => None,
        Opt::Tcp(
            T::Nopush
            | T::Noopt
            | T::Keepinit
            | T::Connectiontimeout
            | T::Sendmoreacks
            | T::EnableEcn
            | T::RxtFindrop,
        ) => None,
        Opt::Ip(I::Recvretopts | I::Recvdstaddr | I::Recvif | I::Dontfrag) => None,
        Opt::Ipv6(I6::UseMinMtu) => None,
        // socket2 0.6 has no SOL_UDP call.
        Opt::Udp(_) => None,
        Opt::Ipv6(I6::MulticastIf) => Some(U32(Socket::set_multicast_if_v6, Socket::multicast_if_v6)),
        Opt::Ipv6(I6::AddMembership) => Some(Membership6(Socket::join_multicast_v6)),
        Opt::Ipv6(I6::DropMembership) => Some(Membership6(Socket::leave_multicast_v6)),
        Opt::Socket(S::Bindtodevice) => only_on!(
            linux,
            Bytes(
                |s, name| s.bind_device(Some(name)),
                |s| s.device().map(Option::unwrap_or_default)
            )
        ),
        Opt::Socket(S::Bindtoifindex) => only_on!(
            linux,
            U32(
                |s, index| s.bind_device_by_index_v4(std::num::NonZeroU32::new(index)),
                |s| s
                    .device_index_v4()
                    .map(|i| i.map_or(0, std::num::NonZeroU32::get))
            )
        ),
        Opt::Ip(I::BoundIf) => only_on!(
            apple,
            U32(
                |s, index| s.bind_device_by_index_v4(std::num::NonZeroU32::new(index)),
                |s| s
                    .device_index_v4()
                    .map(|i| i.map_or(0, std::num::NonZeroU32::get))
            )
        ),
        Opt::Ipv6(I6::BoundIf) => only_on!(
            apple,
            U32(
                |s, index| s.bind_device_by_index_v6(std::num::NonZeroU32::new(index)),
                |s| s
                    .device_index_v6()
                    .map(|i| i.map_or(0, std::num::NonZeroU32::get))
            )
        ),
        // set_fib has no getter.
        Opt::Socket(S::Setfib) => None,
        Opt::Tcp(T::AckFrequency) => only_on!(windows, ChangeU8(Socket::set_tcp_ack_frequency)),
        Opt::Socket(S::ReuseportLb) => {
            only_on!(freebsd, Bool(Socket::set_reuse_port_lb, Socket::reuse_port_lb))
        }
        Opt::Ip(I::Hdrincl) => Some(Bool(Socket::set_header_included_v4, Socket::header_included_v4)),
        Opt::Ip(I::LocalPeercred | I::LocalPeerpid) => None,
        Opt::Ipv6(I6::Transparent) => only_on!(
            linux,
            Bool(Socket::set_ip_transparent_v6, Socket::ip_transparent_v6)
        ),
        // On Linux its getter reads another option (see the catalogue row);
        // on Apple both calls send a number xnu leaves unnamed.
        Opt::Ipv6(I6::Hdrincl) => only_on!(
            not_bsd,
            Bool(Socket::set_header_included_v6, Socket::header_included_v6)
        ),
        Opt::Ipv6(I6::Mtu) => None,
        Opt::Ip(
            I::Pktinfo
            | I::Recvopts
            | I::Retopts
            | I::Recverr
            | I::MtuDiscover
            | I::Mtu
            | I::Recvorigdstaddr
            | I::Passsec
            | I::Nodefrag
            | I::Checksum
            | I::BindAddressNoPort
            | I::Recvfragsize
            | I::Minttl
            | I::RecverrRfc4884,
        ) => None,
        Opt::Ipv6(
            I6::Recverr
            | I6::MtuDiscover
            | I6::Recvorigdstaddr
            | I6::Autoflowlabel
            | I6::Minhopcount
            | I6::Recvrthdr
            | I6::Recvhopopts
            | I6::Recvdstopts
            | I6::Recvpathmtu
            | I6::Dontfrag
            | I6::Recvfragsize
            | I6::Flowinfo
            | I6::Hopopts2292,
        ) => None,
        Opt::Ipv6(I6::Freebind) => only_on!(linux, Bool(Socket::set_freebind_v6, Socket::freebind_v6)),
        Opt::Ipv6(I6::V6only) => Some(Bool(Socket::set_only_v6, Socket::only_v6)),
        Opt::Ipv6(I6::UnicastHops) => Some(U32(Socket::set_unicast_hops_v6, Socket::unicast_hops_v6)),
        Opt::Ipv6(I6::MulticastHops) => Some(U32(Socket::set_multicast_hops_v6, Socket::multicast_hops_v6)),
        Opt::Ipv6(I6::MulticastLoop) => Some(Bool(Socket::set_multicast_loop_v6, Socket::multicast_loop_v6)),
        Opt::Ipv6(I6::Tclass) => only_on!(unix, U32(Socket::set_tclass_v6, Socket::tclass_v6)),
        Opt::Ipv6(I6::Recvtclass) => Some(Bool(Socket::set_recv_tclass_v6, Socket::recv_tclass_v6)),
    }
}

pub fn apply(option: &OptionSpec, socket: &Socket, request: &Request) -> Result<Value, String> {
    let shape = option
        .socket2
        .ok_or_else(|| format!("socket2 has no call for {}", option.name))?;
    let calls = calls(option).ok_or_else(|| format!("socket2 has no call for {} on this OS", option.name))?;
    super::typed::apply("socket2", option, shape, calls, socket, request)
}

/// A socket address as the catalogue holds addresses: an IPv4 `in_addr` as
/// an int, an IPv6 one as its 128 bits (the port is not reported).
#[cfg(any(target_os = "linux", target_os = "android", windows))]
fn address_of(address: socket2::SockAddr) -> std::io::Result<i128> {
    match address.as_socket() {
        Some(a) => Ok(crate::address::ip_bits(a.ip())),
        None => Err(std::io::Error::other(format!(
            "a socket address of family {}",
            address.family()
        ))),
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::CATALOG;
    use crate::os::Os;

    /// socket2's offer as data agrees with the calls compiled for this host.
    #[test]
    fn the_offer_as_data_matches_the_compiled_calls() {
        for option in CATALOG {
            assert_eq!(
                crate::socket2_casts::offered_on(Os::this(), option),
                super::calls(option).is_some(),
                "{}",
                option.name
            );
        }
    }
}
