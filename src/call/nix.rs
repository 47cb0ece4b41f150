//! The nix path: nix 0.32's `sys::socket::sockopt` types through its
//! `setsockopt` / `getsockopt`, on the socket under test. Each option's
//! type is looked up by the option's id; the Rust value type is
//! `library::nix::shape`'s, checked against this table by a unit test.

use super::typed::{when, Calls};
use crate::case::Request;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::value::Value;
use nix::sys::socket::{getsockopt, setsockopt, sockopt as so};
use socket2::Socket;
use std::io;

fn io<T>(r: nix::Result<T>) -> io::Result<T> {
    r.map_err(io::Error::from)
}

/// A setter and a getter through one nix sockopt type, as the `Calls`
/// variant of its value type.
macro_rules! both {
    ($variant:ident, $opt:expr) => {
        Calls::$variant(|s, v| io(setsockopt(s, $opt, &v)), |s| io(getsockopt(s, $opt)))
    };
}

/// A `libc::linger` as the caller fills it, through a nix linger type.
macro_rules! linger {
    ($opt:expr) => {
        Calls::Linger(
            |s, on, secs| {
                io(setsockopt(
                    s,
                    $opt,
                    &libc::linger {
                        l_onoff: on,
                        l_linger: secs,
                    },
                ))
            },
            |s| io(getsockopt(s, $opt)).map(|l| (l.l_onoff, l.l_linger)),
        )
    };
}

/// A `TimeVal` as the caller builds it (`TimeVal::new`, unchecked).
macro_rules! timeval {
    ($opt:expr) => {
        Calls::Timeval(
            |s, sec, usec| {
                let sec = sec.try_into().map_err(io::Error::other)?;
                let usec = usec.try_into().map_err(io::Error::other)?;
                io(setsockopt(s, $opt, &nix::sys::time::TimeVal::new(sec, usec)))
            },
            |s| io(getsockopt(s, $opt)).map(|t| (i64::from(t.tv_sec()), i64::from(t.tv_usec()))),
        )
    };
}

/// A name through a nix `OsString` type (bytes without a NUL).
#[allow(unused_macros)] // macOS has no name-valued option here.
macro_rules! text {
    ($opt:expr) => {
        Calls::Bytes(
            |s, name| {
                use std::os::unix::ffi::OsStringExt;
                io(setsockopt(s, $opt, &std::ffi::OsString::from_vec(name.to_vec())))
            },
            |s| {
                use std::os::unix::ffi::OsStringExt;
                io(getsockopt(s, $opt)).map(std::ffi::OsString::into_vec)
            },
        )
    };
}

/// nix's calls for an option on this OS, if it has them.
pub fn calls(option: &OptionSpec) -> Option<Calls> {
    use BufferOpt as B;
    use Calls::*;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use SocketOpt as S;
    use TcpOpt as T;
    match option.id {
        Opt::Buffer(B::Sndbuf) => Some(both!(Usize, so::SndBuf)),
        Opt::Buffer(B::Rcvbuf) => Some(both!(Usize, so::RcvBuf)),
        Opt::Buffer(B::Sndbufforce) => when!(
            target_os = "linux",
            SetOnly(|s, v| io(setsockopt(s, so::SndBufForce, &v)))
        ),
        Opt::Buffer(B::Rcvbufforce) => when!(
            target_os = "linux",
            SetOnly(|s, v| io(setsockopt(s, so::RcvBufForce, &v)))
        ),
        Opt::Socket(S::Reuseaddr) => Some(both!(Bool, so::ReuseAddr)),
        Opt::Socket(S::Reuseport) => Some(both!(Bool, so::ReusePort)),
        Opt::Socket(S::Broadcast) => Some(both!(Bool, so::Broadcast)),
        Opt::Socket(S::Oobinline) => Some(both!(Bool, so::OobInline)),
        Opt::Socket(S::Dontroute) => Some(both!(Bool, so::DontRoute)),
        Opt::Socket(S::Keepalive) => Some(both!(Bool, so::KeepAlive)),
        Opt::Socket(S::Timestamp) => Some(both!(Bool, so::ReceiveTimestamp)),
        Opt::Socket(S::ReuseportLb) => when!(target_os = "freebsd", both!(Bool, so::ReusePortLb)),
        // On macOS the catalogue's SO_LINGER row is SO_LINGER_SEC.
        Opt::Socket(S::Linger) => {
            #[cfg(target_vendor = "apple")]
            let call = linger!(so::LingerSec);
            #[cfg(not(target_vendor = "apple"))]
            let call = linger!(so::Linger);
            Some(call)
        }
        Opt::Socket(S::LingerTicks) => when!(target_vendor = "apple", linger!(so::Linger)),
        Opt::Socket(S::Rcvtimeo) => Some(timeval!(so::ReceiveTimeout)),
        Opt::Socket(S::Sndtimeo) => Some(timeval!(so::SendTimeout)),
        Opt::Socket(S::Error) => Some(ReadOnly(|s| io(getsockopt(s, so::SocketError)).map(i128::from))),
        Opt::Socket(S::Type) => Some(ReadOnly(|s| {
            io(getsockopt(s, so::SockType)).map(|t| i128::from(t as i32))
        })),
        Opt::Socket(S::Acceptconn) => Some(ReadOnly(|s| io(getsockopt(s, so::AcceptConn)).map(i128::from))),
        Opt::Socket(S::Listenqlimit) => when!(
            target_os = "freebsd",
            ReadOnly(|s| io(getsockopt(s, so::ListenQLimit)).map(i128::from))
        ),
        // The OwnedFd is dropped, so closed, as soon as its number is read.
        Opt::Socket(S::Peerpidfd) => when!(
            target_os = "linux",
            ReadOnly(|s| {
                use std::os::fd::AsRawFd;
                io(getsockopt(s, so::PeerPidfd)).map(|fd| fd.as_raw_fd().into())
            })
        ),
        Opt::Socket(S::Peercred) => when!(
            target_os = "linux",
            ReadOnlyStruct(|s| {
                let c = io(getsockopt(s, so::PeerCredentials))?;
                Ok(Value::Ucred(c.pid().into(), c.uid().into(), c.gid().into()))
            })
        ),
        Opt::Socket(S::Txtime) => when!(
            target_os = "linux",
            TxTime(
                |s, clockid, flags| io(setsockopt(s, so::TxTime, &libc::sock_txtime { clockid, flags })),
                |s| io(getsockopt(s, so::TxTime)).map(|t| (t.clockid, t.flags))
            )
        ),
        Opt::Socket(S::Priority) => when!(target_os = "linux", both!(Int, so::Priority)),
        Opt::Socket(S::Mark) => when!(target_os = "linux", both!(U32, so::Mark)),
        Opt::Socket(S::Passcred) => when!(target_os = "linux", both!(Bool, so::PassCred)),
        Opt::Socket(S::Timestampns) => when!(target_os = "linux", both!(Bool, so::ReceiveTimestampns)),
        Opt::Socket(S::Rcvmark) => when!(target_os = "linux", both!(Bool, so::RcvMark)),
        Opt::Socket(S::RxqOvfl) => when!(target_os = "linux", both!(Int, so::RxqOvfl)),
        Opt::Socket(S::Bindtodevice) => when!(target_os = "linux", text!(so::BindToDevice)),
        Opt::Tcp(T::Nodelay) => Some(both!(Bool, so::TcpNoDelay)),
        Opt::Tcp(T::Keepcnt) => Some(both!(U32, so::TcpKeepCount)),
        Opt::Tcp(T::Keepintvl) => Some(both!(U32, so::TcpKeepInterval)),
        Opt::Tcp(T::Keepidle) => {
            #[cfg(target_vendor = "apple")]
            let call = both!(U32, so::TcpKeepAlive);
            #[cfg(not(target_vendor = "apple"))]
            let call = both!(U32, so::TcpKeepIdle);
            Some(call)
        }
        Opt::Tcp(T::Maxseg) => {
            #[cfg(target_os = "freebsd")]
            let call = ReadOnly(|s| io(getsockopt(s, so::TcpMaxSeg)).map(i128::from));
            #[cfg(not(target_os = "freebsd"))]
            let call = both!(U32, so::TcpMaxSeg);
            Some(call)
        }
        Opt::Tcp(T::UserTimeout) => when!(target_os = "linux", both!(U32, so::TcpUserTimeout)),
        Opt::Tcp(T::Repair) => when!(target_os = "linux", both!(U32, so::TcpRepair)),
        Opt::Tcp(T::FastopenConnect) => when!(target_os = "linux", both!(Bool, so::TcpFastOpenConnect)),
        Opt::Tcp(T::Cork) => when!(target_os = "linux", both!(Bool, so::TcpCork)),
        Opt::Tcp(T::Congestion) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            text!(so::TcpCongestion)
        ),
        // Its getter panics where the kernel writes less than a whole
        // struct (library::nix::LENGTH_ASSERTED): caught, and reported so.
        Opt::Ip(I::LocalPeercred) => when!(
            any(target_vendor = "apple", target_os = "freebsd"),
            ReadOnlyStruct(|s| {
                let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    getsockopt(s, so::LocalPeerCred)
                }));
                let c = io(read.map_err(|_| io::Error::other(crate::library::nix::PANIC))?)?;
                let size = std::mem::size_of::<libc::xucred>() as i128;
                let first = c.groups().first().copied().unwrap_or(0);
                Ok(Value::Xucred(Box::new([
                    size,
                    c.version().into(),
                    c.uid().into(),
                    c.groups().len() as i128,
                    first.into(),
                ])))
            })
        ),
        Opt::Ip(I::LocalPeerpid) => when!(
            target_vendor = "apple",
            ReadOnly(|s| io(getsockopt(s, so::LocalPeerPid)).map(i128::from))
        ),
        Opt::Ip(I::MulticastTtl) => Some(both!(U8, so::IpMulticastTtl)),
        Opt::Ip(I::MulticastLoop) => Some(both!(Bool, so::IpMulticastLoop)),
        Opt::Ip(I::Tos) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Int, so::Ipv4Tos)
        ),
        Opt::Ip(I::Ttl) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Int, so::Ipv4Ttl)
        ),
        Opt::Ip(I::Recvtos) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Bool, so::IpRecvTos)
        ),
        Opt::Ip(I::Recvttl) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Bool, so::Ipv4RecvTtl)
        ),
        Opt::Ip(I::Recvorigdstaddr) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Bool, so::Ipv4OrigDstAddr)
        ),
        Opt::Ip(I::Freebind) => when!(target_os = "linux", both!(Bool, so::IpFreebind)),
        Opt::Ip(I::BindAddressNoPort) => when!(target_os = "linux", both!(Bool, so::IpBindAddressNoPort)),
        Opt::Ip(I::Transparent) => when!(target_os = "linux", both!(Bool, so::IpTransparent)),
        Opt::Ip(I::Recverr) => when!(target_os = "linux", both!(Bool, so::Ipv4RecvErr)),
        Opt::Ip(I::Mtu) => when!(
            target_os = "linux",
            ReadOnly(|s| io(getsockopt(s, so::IpMtu)).map(i128::from))
        ),
        Opt::Ip(I::Pktinfo) => when!(
            any(target_os = "linux", target_vendor = "apple"),
            both!(Bool, so::Ipv4PacketInfo)
        ),
        Opt::Ip(I::Recvif) => when!(
            any(target_vendor = "apple", target_os = "freebsd"),
            both!(Bool, so::Ipv4RecvIf)
        ),
        Opt::Ip(I::Recvdstaddr) => when!(
            any(target_vendor = "apple", target_os = "freebsd"),
            both!(Bool, so::Ipv4RecvDstAddr)
        ),
        Opt::Ip(I::Dontfrag) => when!(target_vendor = "apple", both!(Bool, so::IpDontFrag)),
        Opt::Ipv6(I6::V6only) => Some(both!(Bool, so::Ipv6V6Only)),
        Opt::Ipv6(I6::Recvpktinfo) => Some(both!(Bool, so::Ipv6RecvPacketInfo)),
        Opt::Ipv6(I6::MulticastHops) => Some(both!(Int, so::Ipv6MulticastHops)),
        Opt::Ipv6(I6::UnicastHops) => Some(both!(Int, so::Ipv6Ttl)),
        Opt::Ipv6(I6::Tclass) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Int, so::Ipv6TClass)
        ),
        Opt::Ipv6(I6::Recvtclass) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Bool, so::Ipv6RecvTClass)
        ),
        Opt::Ipv6(I6::Recvhoplimit) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Bool, so::Ipv6RecvHopLimit)
        ),
        Opt::Ipv6(I6::Recvorigdstaddr) => when!(
            any(target_os = "linux", target_os = "freebsd"),
            both!(Bool, so::Ipv6OrigDstAddr)
        ),
        Opt::Ipv6(I6::Recverr) => when!(target_os = "linux", both!(Bool, so::Ipv6RecvErr)),
        Opt::Ipv6(I6::Dontfrag) => when!(
            any(target_os = "linux", target_vendor = "apple"),
            both!(Bool, so::Ipv6DontFrag)
        ),
        _ => None,
    }
}

pub fn apply(option: &OptionSpec, socket: &Socket, request: &Request) -> Result<Value, String> {
    let os = crate::os::Os::this();
    let shape = crate::library::nix::shape(os, option)
        .ok_or_else(|| format!("nix has no sockopt type for {}", option.name))?;
    let calls =
        calls(option).ok_or_else(|| format!("nix has no sockopt type for {} on this OS", option.name))?;
    super::typed::apply("nix", option, shape, calls, socket, request)
}

#[cfg(test)]
mod tests {
    use crate::catalog::CATALOG;
    use crate::os::Os;

    /// nix's offer as data agrees with the types compiled for this host.
    #[test]
    fn the_offer_as_data_matches_the_compiled_types() {
        for option in CATALOG {
            assert_eq!(
                crate::library::nix::shape(Os::this(), option).is_some(),
                super::calls(option).is_some(),
                "{}",
                option.name
            );
        }
    }
}
