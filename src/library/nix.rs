//! What nix 0.32 (`nix::sys::socket::sockopt`) does to a value on its way
//! in and out. Each option is a type whose value type picks a setter and a
//! getter (`sockopt_impl!`, src/sys/socket/sockopt.rs): a `bool` is sent as
//! 0 or 1 and read as `!= 0`, a `usize` is cast `as c_int`, a `u32` or a C
//! struct is sent as its bytes, a `u8` as a one-byte value. nix adds no
//! unit conversion: timeouts and linger are the C structs the caller fills.
//! Its getters assert the length the kernel returns (a mismatch panics).

use super::{as_c_int, convert, int_as_u32, int_as_usize, Sent};
use crate::case::Request;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, Shape, SocketOpt, TcpOpt};
use crate::os::Os;
use crate::prediction::Expected;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const NO_CALL: Rule = Rule {
        id: "nix.no_call",
        formula: "no sockopt type on this OS => UNDEFINED",
        why: "nix 0.32 defines no sockopt type for this option on this OS (its #[cfg]s, kept as data in `shape`), so a program using nix cannot ask it",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs (sockopt_impl! invocations and their cfg attributes)",
    };
    pub const BOOL_READ: Rule = Rule {
        id: "nix.bool_read",
        formula: "r != 0",
        why: "nix's GetBool reads a flag as `!= 0`, hiding the value the OS reported",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs GetBool::assume_init, line 1735 (`self.val.assume_init() != 0`)",
    };
    pub const USIZE_TRUNCATED: Rule = Rule {
        id: "nix.usize_truncated",
        formula: "(c_int)v",
        why: "nix's SetUsize casts the usize `as c_int`, keeping the low 32 bits: 2^32+4096 is applied as 4096, 2^31 as i32::MIN",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs SetUsize::new, line 1868 (`*val as c_int`)",
    };
    pub const NEGATIVE_READ_WRAPS: Rule = Rule {
        id: "nix.negative_read_wraps",
        formula: "(usize)(c_int)r",
        why: "nix's GetUsize casts the int read back to usize with `as`, so a negative value becomes a huge size",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs GetUsize::assume_init, line 1854 (`self.val.assume_init() as usize`)",
    };
    pub const U32_AS_INT: Rule = Rule {
        id: "nix.u32_as_int",
        formula: "(c_int)v",
        why: "nix's SetStruct<u32> passes the u32's four bytes as they are; the kernel reads an int, so values from 2^31 up arrive negative",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs SetStruct::new, line 1692 (the &u32 as it is), ffi_len line 1700 (size_of::<T>()); u32 sockopt_impl!s: TcpKeepAlive (Apple) line 714, TcpKeepIdle 726, TcpMaxSeg 732, TcpKeepCount 753, TcpRepair 763, TcpKeepInterval 778, TcpUserTimeout 791, Mark 1027",
    };
    pub const LENGTH_ASSERTED: Rule = Rule {
        id: "nix.length_asserted",
        formula: "bytes written != size_of::<T>() => panic (\"invalid getsockopt implementation\"), shown as PANIC",
        why: "nix's struct getter asserts that the kernel wrote exactly the struct's size; LOCAL_PEERCRED on an inet socket is IP_OPTIONS, which writes 0 bytes (or the options set), so LocalPeerCred panics there instead of returning an error",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs GetStruct::assume_init, lines 1672-1679 (`assert_eq!(self.len as usize, mem::size_of::<T>(), \"invalid getsockopt implementation\")`); LocalPeerCred, lines 636-655 (`super::XuCred`)",
    };
    pub const NEGATIVE_READ_AS_U32: Rule = Rule {
        id: "nix.negative_read_as_u32",
        formula: "(u32)r",
        why: "nix's GetStruct<u32> reads the int's bytes as a u32, so -1 reads as 4294967295",
        source: "nix 0.32.0 src/sys/socket/sockopt.rs GetStruct::assume_init, line 1678 (`self.val.assume_init()`, the u32 as the bytes came)",
    };
}

/// nix's Rust type for the option on `os`, or `None` where it defines no
/// sockopt type for it (the cfgs of src/sys/socket/sockopt.rs, as data; a
/// unit test in `call` holds this host's row against the compiled types).
pub fn shape(os: Os, option: &OptionSpec) -> Option<Shape> {
    use BufferOpt as B;
    use IpOpt as I;
    use Ipv6Opt as I6;
    use Shape::*;
    use SocketOpt as S;
    use TcpOpt as T;
    let (linux, macos, freebsd) = (os == Os::Linux, os == Os::MacOs, os == Os::FreeBsd);
    let unix = linux || macos || freebsd;
    let on = |yes: bool, shape: Shape| yes.then_some(shape);
    match option.id {
        Opt::Buffer(B::Sndbuf | B::Rcvbuf) => on(unix, Usize),
        // SndBufForce / RcvBufForce: SetOnly.
        Opt::Buffer(B::Sndbufforce | B::Rcvbufforce) => on(linux, Usize),
        Opt::Socket(
            S::Reuseaddr
            | S::Reuseport
            | S::Broadcast
            | S::Oobinline
            | S::Dontroute
            | S::Keepalive
            | S::Timestamp,
        ) => on(unix, Bool),
        Opt::Socket(S::ReuseportLb) => on(freebsd, Bool),
        // Linger: SO_LINGER everywhere; on macOS the catalogue's SO_LINGER
        // row is SO_LINGER_SEC, nix's LingerSec, and its plain SO_LINGER
        // (ticks) row is nix's Linger.
        Opt::Socket(S::Linger) => on(unix, Struct),
        Opt::Socket(S::LingerTicks) => on(macos, Struct),
        Opt::Socket(S::Rcvtimeo | S::Sndtimeo) => on(unix, Struct),
        Opt::Socket(S::Error | S::Type) => on(unix, ReadOnly),
        Opt::Socket(S::Acceptconn) => on(unix, ReadOnlyBool),
        Opt::Socket(S::Listenqlimit) => on(freebsd, ReadOnly),
        // PeerPidfd: GetOnly, an OwnedFd (closed when dropped);
        // PeerCredentials: GetOnly, a UnixCredentials (struct ucred).
        Opt::Socket(S::Peerpidfd | S::Peercred) => on(linux, ReadOnly),
        // LocalPeerCred: GetOnly, a XuCred (struct xucred) on the BSDs;
        // LocalPeerPid: GetOnly, a c_int, on Apple.
        Opt::Ip(I::LocalPeercred) => on(macos || freebsd, ReadOnly),
        Opt::Ip(I::LocalPeerpid) => on(macos, ReadOnly),
        // TxTime: Both, a libc::sock_txtime as the caller fills it.
        Opt::Socket(S::Txtime) => on(linux, Struct),
        Opt::Socket(S::Priority) => on(linux, Int),
        Opt::Socket(S::Mark) => on(linux, U32),
        Opt::Socket(S::Passcred | S::Timestampns | S::Rcvmark) => on(linux, Bool),
        Opt::Socket(S::RxqOvfl) => on(linux, Int),
        Opt::Socket(S::Bindtodevice) => on(linux, Bytes),
        Opt::Tcp(T::Nodelay) => on(unix, Bool),
        Opt::Tcp(T::Keepcnt | T::Keepintvl) => on(unix, U32),
        // TcpKeepIdle (Linux, FreeBSD), TcpKeepAlive (macOS's TCP_KEEPALIVE,
        // the catalogue's TCP_KEEPIDLE row there).
        Opt::Tcp(T::Keepidle) => on(unix, U32),
        // TcpMaxSeg is GetOnly on FreeBSD.
        Opt::Tcp(T::Maxseg) => match os {
            Os::FreeBsd => Some(ReadOnly),
            _ => on(unix, U32),
        },
        Opt::Tcp(T::UserTimeout | T::Repair) => on(linux, U32),
        Opt::Tcp(T::FastopenConnect | T::Cork) => on(linux, Bool),
        Opt::Tcp(T::Congestion) => on(linux || freebsd, Bytes),
        Opt::Ip(I::MulticastTtl) => on(unix, Byte),
        Opt::Ip(I::MulticastLoop) => on(unix, Bool),
        Opt::Ip(I::Tos | I::Ttl) => on(linux || freebsd, Int),
        Opt::Ip(I::Recvtos | I::Recvttl | I::Recvorigdstaddr) => on(linux || freebsd, Bool),
        Opt::Ip(I::Freebind | I::BindAddressNoPort | I::Transparent | I::Recverr) => on(linux, Bool),
        Opt::Ip(I::Mtu) => on(linux, ReadOnly),
        Opt::Ip(I::Pktinfo) => on(linux || macos, Bool),
        Opt::Ip(I::Recvif | I::Recvdstaddr) => on(macos || freebsd, Bool),
        Opt::Ip(I::Dontfrag) => on(macos, Bool),
        Opt::Ipv6(I6::V6only | I6::Recvpktinfo) => on(unix, Bool),
        Opt::Ipv6(I6::MulticastHops | I6::UnicastHops) => on(unix, Int),
        Opt::Ipv6(I6::Tclass) => on(linux || freebsd, Int),
        Opt::Ipv6(I6::Recvtclass | I6::Recvhoplimit | I6::Recvorigdstaddr) => on(linux || freebsd, Bool),
        Opt::Ipv6(I6::Recverr) => on(linux, Bool),
        Opt::Ipv6(I6::Dontfrag) => on(linux || macos, Bool),
        _ => None,
    }
}

/// The request as the OS receives it from nix.
pub fn request(
    shape: Shape,
    option: &'static OptionSpec,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Sent {
    let Request::Set(val) = request else {
        return Sent::Os(option, request.clone());
    };
    let sent = match (shape, val) {
        (Shape::Usize, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(*e, &USIZE_TRUNCATED, rules, as_c_int))
        }
        (Shape::U32, RelativeValue::Int(e)) => RelativeValue::Int(convert(*e, &U32_AS_INT, rules, as_c_int)),
        _ => val.clone(),
    };
    Sent::Os(option, Request::Set(sent))
}

/// The value nix hands back for what the OS reported, or its panic where
/// a struct getter finds fewer bytes than its struct (`LENGTH_ASSERTED`).
pub fn read_back(os: Os, shape: Shape, val: RelativeValue, rules: &mut Vec<&'static Rule>) -> Expected {
    if let RelativeValue::Xucred(c) = &val {
        if Some(c[0].value()) != crate::xucred::size_on(os) {
            rules.push(&LENGTH_ASSERTED);
            return Expected::Err(PANIC);
        }
    }
    Expected::Ok(match (shape, val) {
        (Shape::Usize, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &NEGATIVE_READ_WRAPS, rules, int_as_usize))
        }
        (Shape::U32, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &NEGATIVE_READ_AS_U32, rules, int_as_u32))
        }
        (Shape::Bool | Shape::ReadOnlyBool, RelativeValue::Int(e)) => {
            RelativeValue::Int(convert(e, &BOOL_READ, rules, |v| (v != 0).into()))
        }
        (_, val) => val,
    })
}

/// What a library's panic is reported as: not an OS error, but what the
/// program gets instead of a value.
pub const PANIC: &str = "PANIC";

#[cfg(test)]
mod tests {
    use super::*;

    /// LocalPeerCred's getter asserts a whole struct xucred: an inet
    /// socket's 0-byte IP_OPTIONS read panics, a peer's whole struct does not.
    #[test]
    fn a_short_struct_read_panics() {
        let mut rules = Vec::new();
        let empty = read_back(Os::FreeBsd, Shape::ReadOnly, crate::xucred::empty(), &mut rules);
        assert_eq!(empty, Expected::Err(PANIC));
        assert_eq!(
            rules.iter().map(|r| r.id).collect::<Vec<_>>(),
            ["nix.length_asserted"]
        );
        for (os, size) in [
            (Os::FreeBsd, crate::xucred::FREEBSD_SIZE),
            (Os::MacOs, crate::xucred::MACOS_SIZE),
        ] {
            let whole = crate::xucred::whole(size, |name| crate::expr::Sym { name, value: 1001 });
            let mut rules = Vec::new();
            assert_eq!(
                read_back(os, Shape::ReadOnly, whole.clone(), &mut rules),
                Expected::Ok(whole)
            );
            assert!(rules.is_empty());
        }
    }
}
