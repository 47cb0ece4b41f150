//! IPPROTO_IP and IPPROTO_IPV6 under Wine: the byte-ranged values ws2_32
//! checks itself, the multicast and receive flags it keeps to datagram
//! sockets, and the rest passed to the host.

use super::shared::{byte_flag, flag, host_level_error, ranged, OFF, ON, WS2};
use super::Ask;
use crate::expr::Expr;
use crate::kind::{Domain, State};
use crate::option::{IpOpt, Ipv6Opt, Level};
use crate::platform::kit::{err, ok};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const UNKNOWN_LEVEL: Rule = Rule {
        id: "wine.unknown_level",
        formula: "level SOL_IP (0xFFFB) => WSAEINVAL (set and get, any kind)",
        why: "Wine's ws2_32 knows the levels SOL_SOCKET, NSPROTO_IPX, SOL_IRLMP, IPPROTO_TCP, IPPROTO_IP and IPPROTO_IPV6 only; any other, SOL_IP (where socket2 reads SO_ORIGINAL_DST) among them, is an unknown level, refused before the socket or the option is looked at",
        source: "Kron4ek/wine-tkg (Wine 11.10) dlls/ws2_32/socket.c getsockopt, line 2366, and setsockopt, line 3850 (switch (level) 'default: WARN(\"Unknown level: 0x%08x\\n\", level); SetLastError(WSAEINVAL);')",
    };
    pub const HDRINCL_RAW_ONLY: Rule = Rule {
        id: "wine.hdrincl_raw_only",
        formula: "non-raw: WSAEINVAL (set and get)",
        why: "ntdll passes IP_HDRINCL to Linux only for SOCK_RAW sockets and answers STATUS_INVALID_PARAMETER (WSAEINVAL) for any other, before the level is looked at",
        source: "wine-mirror/wine dlls/ntdll/unix/socket.c @0bdb575f IOCTL_AFD_WINE_SET_IP_HDRINCL / GET ('if (get_sock_type(handle) != SOCK_RAW) return STATUS_INVALID_PARAMETER')",
    };
    pub const HDRINCL6_UNKNOWN: Rule = Rule {
        id: "wine.ipv6_hdrincl_unknown",
        formula: "WSAENOPROTOOPT (set and get, any kind)",
        why: "Wine 8.0's ws2_32 has no case for IPV6_HDRINCL (2) at IPPROTO_IPV6: it is an unknown option, refused before the socket's type or family is looked at (measured under Wine 8.0; real Windows refuses it on TCP and UDP too, with WSAEINVAL per windows.hdrincl_raw_only, UNCONFIRMED)",
        source: "wine-mirror/wine dlls/ws2_32/socket.c @8dc5242e setsockopt / getsockopt (IPPROTO_IPV6 default case: WSAENOPROTOOPT; no IPV6_HDRINCL case)",
    };
    pub const MCAST_IF6: Rule = Rule {
        id: "wine.ipv6_multicast_if",
        formula: "stream (tcp4 too) => WSAEINVAL (set and get); else Linux's: 0 or lo (1) => v, else WSAEINVAL; default 0",
        why: "ntdll passes IPV6_MULTICAST_IF to Linux only on datagram and raw sockets (others: STATUS_INVALID_PARAMETER, WSAEINVAL); Linux's ENODEV for an index no device has comes back as WSAEINVAL too",
        source: "wine-mirror/wine dlls/ntdll/unix/socket.c @0bdb575f IOCTL_AFD_WINE_SET_IPV6_MULTICAST_IF / GET (get_sock_type check), errno_to_status; net/ipv6/ipv6_sockglue.c case IPV6_MULTICAST_IF",
    };
    pub const PKTINFO_DGRAM_ONLY: Rule = Rule {
        id: "wine.ip_pktinfo_dgram_only",
        formula: "stream => WSAEINVAL; else Linux's IP_PKTINFO (v != 0)",
        why: "ntdll passes IP_PKTINFO to Linux only on datagram and raw sockets (get_sock_type), refusing others with STATUS_INVALID_PARAMETER, which ws2_32 reports as WSAEINVAL",
        source: "wine-mirror/wine dlls/ntdll/unix/socket.c @0bdb575f IOCTL_AFD_WINE_SET_IP_PKTINFO (get_sock_type != SOCK_DGRAM && != SOCK_RAW => STATUS_INVALID_PARAMETER)",
    };
    pub const DONTFRAG6: Rule = Rule {
        id: "wine.ipv6_dontfrag",
        formula: "default: stream 1, datagram 0; set: Linux's IPV6_DONTFRAG (v != 0)",
        why: "Wine's server switches IPV6_DONTFRAG on for a new stream socket and off for a datagram one (as Windows does); a set is passed to Linux as a DWORD",
        source: "wine-mirror/wine server/sock.c @a69d2958 init_socket; dlls/ntdll/unix/socket.c @0bdb575f IOCTL_AFD_WINE_SET_IPV6_DONTFRAG",
    };
    pub const RECVTTL_DGRAM_ONLY: Rule = Rule {
        id: "wine.ip.recvttl_dgram_only",
        formula: "SOCK_STREAM: WSAEINVAL; datagram: the host's flag (v != 0)",
        why: "Wine passes IP_RECVTTL to the host only for datagram and raw sockets and answers STATUS_INVALID_PARAMETER (WSAEINVAL) otherwise",
        source: "wine-mirror/wine dlls/ntdll/unix/socket.c sock_ioctl (IOCTL_AFD_WINE_GET/SET_IP_RECVTTL)",
    };
    pub const RECV_TOS_TCLASS_DGRAM_ONLY: Rule = Rule {
        id: "wine.ip.recv_tos_tclass_dgram_only",
        formula: "SOCK_STREAM: WSAEINVAL; datagram: the host's flag (v != 0)",
        why: "Wine passes IP_RECVTOS and IPV6_RECVTCLASS to the host only for datagram and raw sockets (checked before the level) and answers STATUS_INVALID_PARAMETER (WSAEINVAL) otherwise, as Windows does (Wine's Windows-run tests: WSAEINVAL on TCP, a DWORD flag on UDP)",
        source: "wine-mirror/wine dlls/ntdll/unix/socket.c sock_ioctl (IOCTL_AFD_WINE_GET/SET_IP_RECVTOS, IOCTL_AFD_WINE_GET/SET_IPV6_RECVTCLASS: `if (sock_type != SOCK_DGRAM && sock_type != SOCK_RAW) return STATUS_INVALID_PARAMETER`); dlls/ws2_32/tests/sock.c test_sockopt_validity",
    };
    pub const TCLASS_UNKNOWN: Rule = Rule {
        id: "wine.ipv6.tclass_unknown",
        formula: "WSAENOPROTOOPT",
        why: "Wine's ws2_32 has no IPV6_TCLASS case: getsockopt falls to `default: FIXME(\"unrecognized IPv6 option\") ... WSAENOPROTOOPT` for every kind (the set half is taken to be the same: UNCONFIRMED from source, decided by the Wine run)",
        source: "wine-mirror/wine dlls/ws2_32/socket.c getsockopt / setsockopt (IPPROTO_IPV6 default case)",
    };
    pub const TTL: Rule = Rule {
        id: "wine.ip.ttl",
        formula: "-1 => ip_default_ttl; 1..255; else WSAEINVAL",
        why: "passed to the host kernel: -1 means the default TTL and 0 is refused",
        source: WS2,
    };
    pub const TOS: Rule = Rule {
        id: "wine.ip.tos",
        formula: "0..255, else WSAEINVAL; stream: ECN bits kept",
        why: "a TOS outside one byte is refused; otherwise the host kernel stores it, keeping the ECN bits on TCP (UNCONFIRMED which layer refuses the out-of-range byte)",
        source: WS2,
    };
    pub const MULTICAST_STREAM: Rule = Rule {
        id: "wine.multicast_not_stream",
        formula: "WSAEINVAL",
        why: "Wine refuses the multicast options, read and write, on stream sockets",
        source: WS2,
    };
    pub const MULTICAST_IF: Rule = Rule {
        id: "wine.ip.multicast_if",
        formula: "not dgram/raw => WSAEINVAL (set and get); else Linux's IP_MULTICAST_IF, EADDRNOTAVAIL as WSAEINVAL; 0.x.x.x is an address, not an index",
        why: "ntdll refuses IP_MULTICAST_IF, read and write, on a socket that is neither SOCK_DGRAM nor SOCK_RAW, then hands the four bytes to the host's setsockopt unchanged: Linux clears on 0.0.0.0, takes 127.0.0.1 and 127.0.0.2 (lo's local route) and reads the address back as set; 0.0.0.1 is no interface index there (Windows' reading) but an address no device holds, EADDRNOTAVAIL, which Wine reports as STATUS_INVALID_PARAMETER, WSAEINVAL",
        source: "Wine 10.0 dlls/ntdll/unix/socket.c sock_ioctl l.2131-2142 IOCTL_AFD_WINE_GET/SET_IP_MULTICAST_IF 'if (sock_type != SOCK_DGRAM && sock_type != SOCK_RAW) return STATUS_INVALID_PARAMETER; return do_setsockopt( handle, io, IPPROTO_IP, IP_MULTICAST_IF, in_buffer, in_size )', sock_errno_to_status l.166/183 'case EINVAL: ... case EADDRNOTAVAIL: return STATUS_INVALID_PARAMETER'; dlls/ws2_32/socket.c l.1979, 3439 (server_getsockopt / server_setsockopt), NtStatusToWSAError l.528 (WSAEINVAL); the host: net/ipv4/ip_sockglue.c do_ip_setsockopt case IP_MULTICAST_IF",
    };
    pub const HOPS: Rule = Rule {
        id: "wine.hops",
        formula: "-1 => default; 0..255; else WSAEINVAL",
        why: "passed to the host kernel: -1 reads the default (1 for multicast, the hop limit for unicast)",
        source: WS2,
    };
    pub const V6ONLY: Rule = Rule {
        id: "wine.ipv6.v6only",
        formula: "bound => WSAEINVAL; IPv4 => WSAEOPNOTSUPP; else v != 0",
        why: "IPV6_V6ONLY can only change before bind (also on an IPv4 socket, which is refused once bound before its family is looked at; UNCONFIRMED order)",
        source: WS2,
    };
}

pub fn v4(a: &Ask<'_, IpOpt>) -> Prediction {
    let stream = a.kind.is_stream();
    match a.opt {
        IpOpt::Ttl => ranged(
            a,
            RelativeValue::Int(Expr::of(a.facts.sym("ip_default_ttl"))),
            1..=255,
            &TTL,
        ),
        IpOpt::Tos => match a.value() {
            None => ok(RelativeValue::int(0), &TOS),
            Some(v) if !(0..=255).contains(&v) => err("WSAEINVAL", &TOS),
            Some(v) if stream => ok(RelativeValue::int(v & !3), &TOS),
            Some(v) => ok(RelativeValue::int(v), &TOS),
        },
        IpOpt::MulticastTtl | IpOpt::MulticastLoop if stream => err("WSAEINVAL", &MULTICAST_STREAM),
        IpOpt::MulticastTtl => ranged(a, RelativeValue::int(1), 0..=255, &HOPS),
        IpOpt::MulticastLoop => flag(a, (1, &ON)),
        IpOpt::MulticastIf => multicast_if(a),
        IpOpt::AddMembership
        | IpOpt::DropMembership
        | IpOpt::AddSourceMembership
        | IpOpt::DropSourceMembership => super::membership::v4(a),
        IpOpt::Recvtos if stream => err("WSAEINVAL", &RECV_TOS_TCLASS_DGRAM_ONLY),
        IpOpt::Recvttl if stream => err("WSAEINVAL", &RECVTTL_DGRAM_ONLY),
        IpOpt::Recvttl | IpOpt::Recvtos => flag(a, (0, &OFF)),
        IpOpt::Hdrincl => err("WSAEINVAL", &HDRINCL_RAW_ONLY),
        IpOpt::OriginalDst => err("WSAEINVAL", &UNKNOWN_LEVEL),
        IpOpt::Pktinfo if stream => err("WSAEINVAL", &PKTINFO_DGRAM_ONLY),
        IpOpt::Pktinfo => flag(a, (0, &OFF)),
        _ => crate::platform::gated(),
    }
}

pub fn v6(a: &Ask<'_, Ipv6Opt>) -> Prediction {
    let stream = a.kind.is_stream();
    let v4 = a.kind.domain() == Domain::Ipv4;
    match a.opt {
        Ipv6Opt::AddMembership | Ipv6Opt::DropMembership => super::membership::v6(a),
        Ipv6Opt::V6only if a.is_set() && a.state != State::Fresh => err("WSAEINVAL", &V6ONLY),
        Ipv6Opt::V6only if v4 => err("WSAEOPNOTSUPP", &V6ONLY),
        Ipv6Opt::V6only => byte_flag(a, (1, &ON)),
        Ipv6Opt::MulticastHops | Ipv6Opt::MulticastLoop if stream => err("WSAEINVAL", &MULTICAST_STREAM),
        Ipv6Opt::Recvtclass if stream => err("WSAEINVAL", &RECV_TOS_TCLASS_DGRAM_ONLY),
        Ipv6Opt::Tclass => err("WSAENOPROTOOPT", &TCLASS_UNKNOWN),
        // ntdll checks the socket type before Linux sees the level.
        Ipv6Opt::MulticastIf if stream => err("WSAEINVAL", &MCAST_IF6),
        Ipv6Opt::Hdrincl => err("WSAENOPROTOOPT", &HDRINCL6_UNKNOWN),
        Ipv6Opt::OriginalDst => err("WSAEINVAL", &UNKNOWN_LEVEL),
        _ if v4 => host_level_error(Level::Ipv6, a.kind, a.request)
            .expect("the host refuses IPPROTO_IPV6 on IPv4 sockets"),
        Ipv6Opt::UnicastHops => ranged(
            a,
            RelativeValue::Int(Expr::of(a.facts.sym("hop_limit"))),
            0..=255,
            &HOPS,
        ),
        Ipv6Opt::MulticastHops => ranged(a, RelativeValue::int(1), 0..=255, &HOPS),
        Ipv6Opt::MulticastLoop => flag(a, (1, &ON)),
        Ipv6Opt::Recvtclass => flag(a, (0, &OFF)),
        Ipv6Opt::Dontfrag => flag(a, (i128::from(stream), &DONTFRAG6)),
        Ipv6Opt::MulticastIf => match a.value() {
            None => ok(RelativeValue::int(0), &MCAST_IF6),
            Some(v @ (0 | 1)) => ok(RelativeValue::int(v), &MCAST_IF6),
            Some(_) => err("WSAEINVAL", &MCAST_IF6),
        },
        _ => crate::platform::gated(),
    }
}

/// IP_MULTICAST_IF: Wine's type check, then the host's (Linux) answer.
fn multicast_if(a: &Ask<'_, IpOpt>) -> Prediction {
    if a.kind.is_stream() {
        return err("WSAEINVAL", &MULTICAST_IF);
    }
    let any = crate::address::any;
    let Some(v) = a.int() else {
        return ok(any(), &MULTICAST_IF);
    };
    match crate::address::in_addr_of(v.value()).map(|ip| ip.octets()) {
        Some([0, 0, 0, 0]) => ok(any(), &MULTICAST_IF),
        Some([127, ..]) => ok(RelativeValue::Int(crate::address::in_addr_read(v)), &MULTICAST_IF),
        _ => err("WSAEINVAL", &MULTICAST_IF),
    }
}
