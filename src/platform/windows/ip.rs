//! IPPROTO_IP (0) and IPPROTO_IPV6 (41). Windows sockets are dual-stack
//! capable, so each level is taken to work on both inet families (asserted
//! for IPV6_V6ONLY on AF_INET; the rest UNCONFIRMED).

use super::common::{bool_byte, bool_dword, err, ok, Args, BOOL_OFF};
use crate::kind::State;
use crate::option::{IpOpt, Ipv6Opt};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

pub const DEFAULT_TTL: i128 = 128;

crate::rules! {
    pub const ORIGINAL_DST: Rule = Rule {
        id: "windows.original_dst",
        formula: "read or set at SOL_IP (0xFFFB), any socket => WSAEINVAL (UNCONFIRMED)",
        why: "ws2def.h names SOL_IP (SOL_SOCKET - 4) and SO_ORIGINAL_DST (0x300F; IP6T_SO_ORIGINAL_DST is the same number) for the destination a connection had before a Windows Filtering Platform callout redirected it; no Microsoft page says what a socket no callout redirected reads, or what a set does, or what an AF_UNIX socket says to that level: an error is assumed, WSAEINVAL (UNCONFIRMED), and no case runs on Windows here",
        source: "windows-sys 0.61 Win32::Networking::WinSock SOL_IP = 65531, SO_ORIGINAL_DST = IP6T_SO_ORIGINAL_DST = 12303 (ws2def.h); socket2 0.6.5 src/sys/windows.rs original_dst_v4 / original_dst_v6, lines 983-1018 (getsockopt(SOL_IP, SO_ORIGINAL_DST / IP6T_SO_ORIGINAL_DST) into a SOCKADDR_STORAGE)",
    };
    pub const BYTE_RANGE: Rule = Rule {
        id: "windows.byte_range",
        formula: "0 <= v <= 255 => v; else WSAEINVAL",
        why: "IP_TTL, IP_TOS, IP_MULTICAST_TTL, IPV6_UNICAST_HOPS and IPV6_MULTICAST_HOPS hold 0..255: 256 gives WSAEINVAL, 0 is accepted and read back (IP_TTL, measured); negatives (a DWORD over 255) UNCONFIRMED, taken as WSAEINVAL; IP_TOS is stored without ECN masking (UNCONFIRMED beyond 96)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt test_optsize (accepts_large_value FALSE => WSAEINVAL); urnetwork/connect PR #196 (Windows 11: IP_TTL 0 accepted, 256 rejected); rust-lang/socket2 tests/socket.rs ttl_v4(40), tos_v4(96), unicast_hops_v6(20); learn.microsoft.com IPPROTO_IPV6 socket options (\"illegal to set the TTL to a value greater than 255\")",
    };
    pub const TTL_DEFAULT: Rule = Rule {
        id: "windows.ttl.default_128",
        formula: "128",
        why: "unicast TTL / hop limit default to the stack's DefaultTTL, 128 (UNCONFIRMED: no source reads it)",
        source: "learn.microsoft.com IPPROTO_IP socket options (IP_TTL row; value UNCONFIRMED)",
    };
    pub const TOS_DEFAULT: Rule = Rule {
        id: "windows.tos.default_0",
        formula: "0",
        why: "IP_TOS is 0 by default: a fresh socket's datagram arrives with TOS 0 in a Windows-run test (getsockopt itself is never read there, so the read-back is inferred; the docs say \"Do not use\" and point to QoS)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_ipv4_cmsg (IP_RECVTOS control message 'ok(*int_data == 0')'; learn.microsoft.com IPPROTO_IP socket options (IP_TOS row)",
    };
    pub const MCAST_HOPS_DEFAULT: Rule = Rule {
        id: "windows.multicast_hops.default_1",
        formula: "1",
        why: "multicast TTL / hops default to 1 on IPv4 and IPv6 (a Windows-run test reads 1 from a new bound socket through a one-byte getsockopt; the other three bytes of an int read are taken as 0)",
        source: "dart-lang/sdk tests/standalone/io/raw_datagram_socket_test.dart testDatagramMulticastOptions, read by runtime/bin/socket_base_win.cc GetMulticastHops @04229201",
    };
    pub const DGRAM_ONLY: Rule = Rule {
        id: "windows.dgram_only.einval",
        formula: "TCP => WSAEINVAL",
        why: "IP_MULTICAST_TTL/LOOP, IP_RECVTOS, IP_RECVTTL, IPV6_MULTICAST_HOPS/LOOP and IPV6_RECVTCLASS are datagram-only: TCP gets WSAEINVAL on get (asserted); the set is taken to fail the same way (UNCONFIRMED: do_sockopt_validity_tests skips setsockopt once the get is expected to fail)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_sockopt_validity ipv4_tcp_tests / ipv6_tcp_tests (Windows-run)",
    };
    pub const MULTICAST_IF: Rule = Rule {
        id: "windows.ip.multicast_if",
        formula: "TCP => WSAEINVAL; 0.0.0.0 => none; 0.x.x.x => interface index x (1 is loopback); 127.0.0.1 => loopback; other addresses => WSAEINVAL (UNCONFIRMED); reads the interface index in host byte order (UNCONFIRMED), default 0",
        why: "IP_MULTICAST_IF takes a DWORD in network byte order: an address of the interface, or, in the 0.x.x.x block, an interface index (the loopback's is 1); a TCP socket refuses the read (Windows-run test; the set is taken to fail alike, UNCONFIRMED); 127.0.0.1 is accepted (a report against CPython on Windows); an address no interface holds is taken to be refused as invalid, WSAEINVAL (UNCONFIRMED: an index no interface has is refused, the code not asserted; an NT4-era note says no error at all before bind); the read is documented as the index in host byte order, not the address (UNCONFIRMED: no test reads it)",
        source: "learn.microsoft.com IPPROTO_IP socket options (IP_MULTICAST_IF: 'Any IP address in the 0.x.x.x block ... except 0.0.0.0 is treated as an interface index', 'When getting this option, the optval returns the current default interface index ... in host byte order'); wine-mirror/wine dlls/ws2_32/tests/sock.c test_sockopt_validity l.13510 ipv4_tcp_tests '{ IP_MULTICAST_IF, WSAEINVAL }', l.13545/13580 (UDP, raw: get and set succeed) (Wine 10.0, Windows-run); dotnet/runtime src/libraries/System.Net.Sockets/tests/FunctionalTests/SocketOptionNameTest.cs MulticastInterface_Set_Loopback_Succeeds (index 1 on Windows), MulticastInterface_Set_InvalidIndex_Throws; python/cpython#102590 (127.0.0.1 accepted)",
    };
    pub const MULTICAST_LOOP_DEFAULT: Rule = Rule {
        id: "windows.multicast_loop.default_on",
        formula: "1",
        why: "multicast loopback is on by default, IPv4 and IPv6 (IPv4 documented; both read as 1 by a Windows-run test)",
        source: "learn.microsoft.com IPPROTO_IP socket options (\"By default, IP_MULTICAST_LOOP is enabled\"); dotnet/runtime UdpClientTest MulticastLoopback_Roundtrips 'Assert.True(udpClient.MulticastLoopback)'; dart-lang/sdk tests/standalone/io/raw_datagram_socket_test.dart testDatagramMulticastOptions via runtime/bin/socket_base_win.cc GetMulticastLoop @04229201",
    };
    pub const V6ONLY_DEFAULT: Rule = Rule {
        id: "windows.v6only.default_on",
        formula: "1",
        why: "IPV6_V6ONLY is on by default, even as read on an AF_INET socket (todo_wine there: Windows' answer); bind does not change it",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_ipv6only (Windows-run); learn.microsoft.com IPPROTO_IPV6 socket options (\"nonzero (the default on Windows)\")",
    };
    pub const V6ONLY_LOCKED: Rule = Rule {
        id: "windows.v6only.after_bind",
        formula: "bound (or connected) => WSAEINVAL",
        why: "IPV6_V6ONLY cannot change once the socket is bound (asserted to fail; the code WSAEINVAL is UNCONFIRMED)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_ipv6only (set 0 and set 1 after bind both fail)",
    };
    pub const MCAST_IF6: Rule = Rule {
        id: "windows.ipv6_multicast_if",
        formula: "0 or an existing interface index (the loopback pseudo-interface is 1) => v; else WSAEINVAL (UNCONFIRMED); default 0",
        why: "IPV6_MULTICAST_IF takes an interface index in host byte order; the error for an index no interface has is UNCONFIRMED on real Windows",
        source: "learn.microsoft.com IPPROTO_IPV6 socket options (IPV6_MULTICAST_IF: DWORD, 'interface index ... in host byte order')",
    };
    pub const HDRINCL_RAW: Rule = Rule {
        id: "windows.hdrincl_raw_only",
        formula: "tcp, udp: WSAEINVAL (set and get)",
        why: "IP_HDRINCL and IPV6_HDRINCL apply to SOCK_RAW sockets only; since Vista a TCP or UDP socket refuses both the set and the get with WSAEINVAL (IPV6_HDRINCL taken as IP_HDRINCL: UNCONFIRMED)",
        source: "learn.microsoft.com IPPROTO_IP socket options (IP_HDRINCL: 'Applies only to SOCK_RAW sockets'); wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt (IP_HDRINCL on TCP and UDP: WSAEINVAL, Vista and later)",
    };
    pub const PKTINFO_DGRAM: Rule = Rule {
        id: "windows.ip_pktinfo_dgram_only",
        formula: "stream => WSAEINVAL; else a DWORD BOOL",
        why: "IP_PKTINFO asks WSARecvMsg for the destination address and interface, for datagram and raw sockets; Windows' error on a TCP socket is UNCONFIRMED (Wine answers WSAEINVAL)",
        source: "learn.microsoft.com IPPROTO_IP socket options (IP_PKTINFO, DWORD) and IN_PKTINFO (SOCK_DGRAM, SOCK_RAW); wine-mirror/wine dlls/ws2_32/tests/sock.c test_optsize row IP_PKTINFO on SOCK_DGRAM",
    };
    pub const DONTFRAG6_DEFAULT: Rule = Rule {
        id: "windows.ipv6_dontfrag_default",
        formula: "default: stream 1, datagram 0; set: v != 0",
        why: "a stream socket starts with IPV6_DONTFRAG on (TCP does path-MTU discovery) and a datagram socket with it off; UNCONFIRMED on real Windows (Wine's tests run IPV6_DONTFRAG on SOCK_STREAM only; Wine's server sets these defaults)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_optsize row IPV6_DONTFRAG (SOCK_STREAM, TRUE); server/sock.c @a69d2958 init_socket",
    };
    pub const TCLASS: Rule = Rule {
        id: "windows.tclass.not_an_option",
        formula: "WSAENOPROTOOPT",
        why: "IPV6_TCLASS (39) is defined as a WSARecvMsg control-message type, not documented as a socket option (UNCONFIRMED: taken as an unknown option)",
        source: "learn.microsoft.com IPPROTO_IPV6 socket options (no IPV6_TCLASS row); wine-mirror/wine include/ws2ipdef.h (IPV6_TCLASS 39)",
    };
}

/// A 0..255 option: as set, else WSAEINVAL.
fn byte_range<O>(a: &Args<'_, O>, default: (i128, &'static Rule)) -> Prediction {
    match a.value() {
        Some(v) if (0..=255).contains(&v) => ok(RelativeValue::int(v), &BYTE_RANGE),
        Some(_) => err("WSAEINVAL", &BYTE_RANGE),
        None => ok(RelativeValue::int(default.0), default.1),
    }
}

pub(super) fn ipv4(a: &Args<'_, IpOpt>) -> Prediction {
    let tcp = a.kind.is_tcp();
    match a.opt {
        IpOpt::Ttl => byte_range(a, (DEFAULT_TTL, &TTL_DEFAULT)),
        IpOpt::Tos => byte_range(a, (0, &TOS_DEFAULT)),
        IpOpt::MulticastTtl | IpOpt::MulticastLoop | IpOpt::Recvtos | IpOpt::Recvttl if tcp => {
            err("WSAEINVAL", &DGRAM_ONLY)
        }
        IpOpt::MulticastTtl => byte_range(a, (1, &MCAST_HOPS_DEFAULT)),
        IpOpt::MulticastLoop => bool_dword(a, (1, &MULTICAST_LOOP_DEFAULT)),
        IpOpt::AddMembership
        | IpOpt::DropMembership
        | IpOpt::AddSourceMembership
        | IpOpt::DropSourceMembership => super::membership::v4(a),
        IpOpt::MulticastIf if tcp => err("WSAEINVAL", &MULTICAST_IF),
        IpOpt::MulticastIf => match a
            .value()
            .and_then(crate::address::in_addr_of)
            .map(|ip| ip.octets())
        {
            None if !a.is_set() => ok(RelativeValue::int(0), &MULTICAST_IF),
            Some([0, 0, 0, 0]) => ok(RelativeValue::int(0), &MULTICAST_IF),
            // The loopback interface, by its index or its address.
            Some([0, 0, 0, 1] | [127, 0, 0, 1]) => ok(RelativeValue::int(1), &MULTICAST_IF),
            _ => err("WSAEINVAL", &MULTICAST_IF),
        },
        IpOpt::Recvtos | IpOpt::Recvttl => bool_dword(a, (0, &BOOL_OFF)),
        IpOpt::Hdrincl => err("WSAEINVAL", &HDRINCL_RAW),
        IpOpt::OriginalDst => err("WSAEINVAL", &ORIGINAL_DST),
        IpOpt::Pktinfo if tcp => err("WSAEINVAL", &PKTINFO_DGRAM),
        IpOpt::Pktinfo => bool_dword(a, (0, &BOOL_OFF)),
        _ => crate::platform::gated(),
    }
}

pub(super) fn ipv6(a: &Args<'_, Ipv6Opt>) -> Prediction {
    let tcp = a.kind.is_tcp();
    match a.opt {
        Ipv6Opt::AddMembership | Ipv6Opt::DropMembership => super::membership::v6(a),
        Ipv6Opt::Tclass => err("WSAENOPROTOOPT", &TCLASS),
        Ipv6Opt::V6only if a.is_set() && a.state != State::Fresh => err("WSAEINVAL", &V6ONLY_LOCKED),
        Ipv6Opt::V6only if a.is_set() => bool_byte(a),
        Ipv6Opt::V6only => ok(RelativeValue::int(1), &V6ONLY_DEFAULT),
        Ipv6Opt::UnicastHops => byte_range(a, (DEFAULT_TTL, &TTL_DEFAULT)),
        Ipv6Opt::MulticastHops | Ipv6Opt::MulticastLoop | Ipv6Opt::Recvtclass if tcp => {
            err("WSAEINVAL", &DGRAM_ONLY)
        }
        Ipv6Opt::MulticastHops => byte_range(a, (1, &MCAST_HOPS_DEFAULT)),
        Ipv6Opt::MulticastLoop => bool_dword(a, (1, &MULTICAST_LOOP_DEFAULT)),
        Ipv6Opt::Recvtclass => bool_dword(a, (0, &BOOL_OFF)),
        Ipv6Opt::Dontfrag => bool_dword(a, (i128::from(tcp), &DONTFRAG6_DEFAULT)),
        Ipv6Opt::Hdrincl => err("WSAEINVAL", &HDRINCL_RAW),
        Ipv6Opt::OriginalDst => err("WSAEINVAL", &ORIGINAL_DST),
        Ipv6Opt::MulticastIf if tcp => err("WSAEINVAL", &DGRAM_ONLY),
        Ipv6Opt::MulticastIf => match a.value() {
            None => ok(RelativeValue::int(0), &MCAST_IF6),
            Some(v @ (0 | 1)) => ok(RelativeValue::int(v), &MCAST_IF6),
            Some(_) => err("WSAEINVAL", &MCAST_IF6),
        },
        _ => crate::platform::gated(),
    }
}
