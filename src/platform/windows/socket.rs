//! SOL_SOCKET (level 0xffff), buffer sizes included.

use super::common::{bool_byte, bool_dword, err, ok, Args, BOOL_OFF};
use crate::case::Request;
use crate::kind::Kind;
use crate::option::{BufferOpt, SocketOpt};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const SOL_SOCKET_DOC: &str =
    "learn.microsoft.com SOL_SOCKET Socket Options (MicrosoftDocs/win32 desktop-src/WinSock/sol-socket-socket-options.md)";

/// Stock default of SO_SNDBUF / SO_RCVBUF (UNCONFIRMED, see `BUF_DEFAULT`).
pub const DEFAULT_BUFFER: i128 = 65536;

crate::rules! {
    pub const PROTOCOL_INFO: Rule = Rule {
        id: "windows.so_protocol_info",
        formula: "WSAPROTOCOL_INFOW.iProtocol: TCP 6, UDP 17; AF_UNIX 0 (UNCONFIRMED)",
        why: "SO_PROTOCOL_INFOW returns the socket's WSAPROTOCOL_INFOW, whose iProtocol is the protocol to pass to socket() for it: IPPROTO_TCP or IPPROTO_UDP for a socket asked with protocol 0 (what socket2's protocol() reports on Windows). Microsoft says nothing of an AF_UNIX socket's: 0, UNCONFIRMED",
        source: "learn.microsoft.com 'SOL_SOCKET socket options' (SO_PROTOCOL_INFO: get only, returns the WSAPROTOCOL_INFO structure) and 'WSAPROTOCOL_INFOW structure' (iProtocol; IPPROTO_TCP 6, IPPROTO_UDP 17); Wine 10.0 dlls/ws2_32/tests/sock.c test_WSASocket, lines 1250-1254 and 1828 (run on Windows too: TCP 6, UDP 17)",
    };
    pub const PROTOCOL_INFO_SET: Rule = Rule {
        id: "windows.so_protocol_info.set",
        formula: "WSAENOPROTOOPT (UNCONFIRMED)",
        why: "SO_PROTOCOL_INFO can only be read; setsockopt answers an option the provider cannot set with WSAENOPROTOOPT, as it answers SO_TYPE on TCP. No page or test sets this one, and SO_TYPE on UDP says WSAEINVAL instead: UNCONFIRMED",
        source: "learn.microsoft.com 'SOL_SOCKET socket options' (SO_PROTOCOL_INFO: get only) and 'setsockopt function' (WSAENOPROTOOPT: the option is unknown or unsupported for the specified provider or socket)",
    };
    pub const DONTROUTE: Rule = Rule {
        id: "windows.so.dontroute",
        formula: "AF_INET: (v & 0xff) != 0 in one byte, default 0; AF_INET6: WSAENOPROTOOPT; AF_UNIX: WSAENOPROTOOPT",
        why: "Microsoft's providers accept SO_DONTROUTE on IPv4 and ignore it (the routing table is always consulted); it is a one-byte BOOL like SO_KEEPALIVE (256 reads 0). IPv6 sockets refuse it. The default and the read-back of values other than 0, 1 and 256 are UNCONFIRMED (taken as windows.bool.byte), and so is the AF_UNIX refusal (taken as for SO_KEEPALIVE there)",
        source: "learn.microsoft.com SOL_SOCKET socket options (MicrosoftDocs/win32 sol-socket-socket-options.md: 'Microsoft providers silently ignore this option'); getsockopt function, 2018 copy of MicrosoftDocs/sdk-api ('Setting this succeeds but is ignored on AF_INET sockets; fails on AF_INET6 sockets with WSAENOPROTOOPT'); wine-mirror/wine dlls/ws2_32/tests/sock.c test_optsize row {AF_INET, SOCK_STREAM, SOL_SOCKET, SO_DONTROUTE, TRUE, {1, 1, 1}} (Windows-run: optlen 1, 0x100 => 0)",
    };
    pub const BUF: Rule = Rule {
        id: "windows.buf.as_requested",
        formula: "v",
        why: "SO_SNDBUF / SO_RCVBUF read back exactly the DWORD set: no doubling, no floor, 0 allowed (asserted for 0, 256, 291, 1024, 4096, 8192 on TCP; UDP and unix-stream UNCONFIRMED, taken as TCP)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt, test_accept_inheritance, test_send (Windows-run assertions); dotnet/runtime SocketOptionNameTest.cs GetSetRawSocketOption_Roundtrips; rust-lang/socket2 tests/socket.rs send_buffer_size/recv_buffer_size",
    };
    pub const BUF_NEGATIVE: Rule = Rule {
        id: "windows.buf.negative_as_dword",
        formula: "v < 0 => v (same DWORD bits)",
        why: "a negative size is stored as the DWORD it is and read back unchanged (UNCONFIRMED: no source sets one; AFD may refuse with WSAEINVAL instead)",
        source: SOL_SOCKET_DOC,
    };
    pub const ACCEPTCONN: Rule = Rule {
        id: "windows.so_acceptconn",
        formula: "get: listening ? 1 : 0 (a DWORD BOOL); set => WSAENOPROTOOPT",
        why: "SO_ACCEPTCONN is get-only and says whether the socket is listening; the set's error is UNCONFIRMED on real Windows (Wine answers WSAENOPROTOOPT), and so is a non-stream socket's read (Wine reads 0)",
        source: "learn.microsoft.com SOL_SOCKET socket options (SO_ACCEPTCONN: get, DWORD (boolean), 'Returns whether a socket is in listening mode'); wine-mirror/wine dlls/ws2_32/socket.c @8dc5242e setsockopt 'case SO_ACCEPTCONN: case SO_TYPE: SetLastError(WSAENOPROTOOPT)'",
    };
    pub const EXCLUSIVEADDRUSE: Rule = Rule {
        id: "windows.so_exclusiveaddruse",
        formula: "v != 0 ? 1 : 0 (a DWORD BOOL); default 0",
        why: "SO_EXCLUSIVEADDRUSE (~SO_REUSEADDR) stops any other socket binding the same address and port; it is off on a new socket and refused (WSAEINVAL) while SO_REUSEADDR is on, which a single set never meets; its effect on AF_UNIX is UNCONFIRMED",
        source: "learn.microsoft.com SO_EXCLUSIVEADDRUSE and 'Using SO_REUSEADDR and SO_EXCLUSIVEADDRUSE'; wine-mirror/wine dlls/ws2_32/tests/sock.c test_optsize row SO_EXCLUSIVEADDRUSE (0x100 reads back 1) and test_reuseaddr (mutually exclusive)",
    };
    pub const BUF_DEFAULT: Rule = Rule {
        id: "windows.buf.default",
        formula: "65536",
        why: "default buffer size: 65536 reported on Windows 10 for UDP (8192 on Windows 7); TCP UNCONFIRMED, taken as UDP. The docs say \"implementation dependent\": AFD's DefaultSendWindow / DefaultReceiveWindow registry values set it, so only an untuned host reads this",
        source: "esnet/iperf issue #659 (Windows 10: \"sending socket buffer size 65536 / receiving socket buffer size 65536\"), issue #658 (Windows 7: 8192); learn.microsoft.com SOL_SOCKET Socket Options; dotnet/dotnet-api-docs issue #9493 (the old 8192 is wrong; \"the value comes from underlying OS\")",
    };
    pub const KEEPALIVE_DGRAM: Rule = Rule {
        id: "windows.keepalive.dgram_enoprotoopt",
        formula: "UDP => WSAENOPROTOOPT",
        why: "SO_KEEPALIVE is refused on a datagram socket (documented for setsockopt; that getsockopt fails too is UNCONFIRMED)",
        source: "learn.microsoft.com SO_KEEPALIVE socket option (MicrosoftDocs/win32 desktop-src/WinSock/so-keepalive.md, WSAENOPROTOOPT row)",
    };
    pub const KEEPALIVE_UNIX: Rule = Rule {
        id: "windows.unix.keepalive_enoprotoopt",
        formula: "AF_UNIX => WSAENOPROTOOPT",
        why: "the AF_UNIX provider refuses SO_KEEPALIVE (measured on set; get UNCONFIRMED)",
        source: "curl/curl PR #19812 (\"fails to set SO_KEEPALIVE with error 10042 (WSAENOPROTOOPT)\")",
    };
    pub const REUSEADDR_UNIX: Rule = Rule {
        id: "windows.unix.reuseaddr_eopnotsupp",
        formula: "AF_UNIX => WSAEOPNOTSUPP",
        why: "the AF_UNIX provider refuses SO_REUSEADDR (measured on set; get UNCONFIRMED)",
        source: "curl/curl PR #19812 (\"fails to set for unix sockets the SO_REUSEADDR option, with error 10045 (WSAEOPNOTSUPP)\")",
    };
    pub const BROADCAST_STREAM: Rule = Rule {
        id: "windows.broadcast.stream_enoprotoopt",
        formula: "stream => WSAENOPROTOOPT",
        why: "SO_BROADCAST is only for datagram sockets: a TCP socket's getsockopt gives WSAENOPROTOOPT (set UNCONFIRMED; unix-stream UNCONFIRMED)",
        source: "rust-lang/socket2 tests/socket.rs test!(IPv4 broadcast) cfg(not(windows)) comment \"returns WSAENOPROTOOPT (10042) on Windows\"; learn.microsoft.com SOL_SOCKET Socket Options",
    };
    pub const BROADCAST_UDP6: Rule = Rule {
        id: "windows.broadcast.udp6_accepted",
        formula: "v != 0 => 1",
        why: "IPv6 has no broadcast, but SO_BROADCAST on udp6 is taken to be stored like on udp4 (UNCONFIRMED)",
        source: "learn.microsoft.com SOL_SOCKET Socket Options (\"except SO_BROADCAST, since broadcast is not implemented in IPv6\")",
    };
    pub const OOBINLINE_NON_TCP: Rule = Rule {
        id: "windows.oobinline.non_tcp",
        formula: "v != 0 => 1",
        why: "SO_OOBINLINE is documented for connection-oriented protocols only; on UDP and AF_UNIX it is taken to be stored as a DWORD BOOL anyway (UNCONFIRMED)",
        source: SOL_SOCKET_DOC,
    };
    pub const LINGER: Rule = Rule {
        id: "windows.linger.verbatim",
        formula: "linger(on, secs) as two u_shorts, l_onoff not normalised",
        why: "struct linger is stored as given: l_onoff 0x100 reads back 0x100, (5,189) reads (5,189); l_linger kept when l_onoff is 0 is UNCONFIRMED; unix-stream UNCONFIRMED (taken as TCP)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt linger_testvals and test_optsize (todo_wine_if SO_LINGER: Wine is the one that differs), test_accept_inheritance (1,555); learn.microsoft.com linger structure (ns-winsock-linger.md)",
    };
    pub const LINGER_DEFAULT: Rule = Rule {
        id: "windows.linger.default",
        formula: "linger(0, 0)",
        why: "l_onoff and l_linger are 0 by default (a Windows-run test asserts both on a new TCP socket)",
        source: "learn.microsoft.com SOL_SOCKET Socket Options (\"l_onoff is 0\"); dotnet/runtime src/libraries/System.Net.Sockets/tests/FunctionalTests/LingerStateTest.cs Socket_LingerState_Common_Boundaries_CorrectBehavior",
    };
    pub const LINGER_DGRAM: Rule = Rule {
        id: "windows.linger.dgram_enoprotoopt",
        formula: "UDP => WSAENOPROTOOPT",
        why: "SO_LINGER is for connection-oriented sockets: getsockopt on UDP gives WSAENOPROTOOPT (setsockopt on UDP UNCONFIRMED, taken the same)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_extendedSocketOptions (\"getsockopt should fail for UDP sockets setting last error to WSAENOPROTOOPT\")",
    };
    pub const TIMEOUT: Rule = Rule {
        id: "windows.timeo.ms",
        formula: "DWORD ms as given",
        why: "SO_RCVTIMEO / SO_SNDTIMEO are a DWORD of milliseconds read back exactly (63000, 997000, 100, 291 asserted; no 500 ms floor on the read-back: that was an effective-wait quirk of Windows 7 and older); values >= 2^31 ms UNCONFIRMED",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt, test_timeout, test_accept_inheritance (Windows-run assertions); pocoproject/poco PR #881",
    };
    pub const TIMEOUT_DEFAULT: Rule = Rule {
        id: "windows.timeo.default",
        formula: "0 (no timeout)",
        why: "the default is 0, no timeout",
        source: "learn.microsoft.com SOL_SOCKET Socket Options; wine-mirror/wine dlls/ws2_32/tests/sock.c test_timeout (\"ok(!timeout\")",
    };
    pub const LOWAT: Rule = Rule {
        id: "windows.lowat.einval",
        formula: "WSAEINVAL",
        why: "SO_RCVLOWAT / SO_SNDLOWAT fail with WSAEINVAL on set and get from Vista on (WSAENOPROTOOPT before); unix-stream UNCONFIRMED",
        source: "learn.microsoft.com SOL_SOCKET Socket Options (SO_RCVLOWAT / SO_SNDLOWAT rows)",
    };
    pub const TYPE: Rule = Rule {
        id: "windows.so_type.read",
        formula: "SOCK_STREAM 1, SOCK_DGRAM 2",
        why: "SO_TYPE reports the socket type (unix-stream 1 by the same rule, UNCONFIRMED)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket (Windows-run assertion)",
    };
    pub const TYPE_SET_STREAM: Rule = Rule {
        id: "windows.so_type.set_stream",
        formula: "stream => WSAENOPROTOOPT",
        why: "SO_TYPE cannot be set: TCP says WSAENOPROTOOPT (unix-stream UNCONFIRMED, taken the same)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket (not todo_wine); learn.microsoft.com setsockopt function (SO_TYPE not supported for setting)",
    };
    pub const TYPE_SET_DGRAM: Rule = Rule {
        id: "windows.so_type.set_dgram",
        formula: "UDP => WSAEINVAL",
        why:
            "SO_TYPE cannot be set: UDP says WSAEINVAL (todo_wine there, so this is Windows' answer, not Wine's)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket (todo_wine WSAEINVAL)",
    };
    pub const ERROR_SETTABLE: Rule = Rule {
        id: "windows.so_error.settable",
        formula: "v",
        why: "setsockopt(SO_ERROR, v) succeeds and getsockopt then returns v (todo_wine there: Wine returns 0, Windows v); reading does not clear it; unix-stream UNCONFIRMED",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt (set 1234, todo_wine ok(i == 1234)); dotnet/runtime SocketOptionNameTest.cs (\"doesn't clear the error code after retrieved\")",
    };
    pub const ERROR_DEFAULT: Rule = Rule {
        id: "windows.so_error.default",
        formula: "0",
        why: "no pending error on a new, bound, listening or successfully connected socket",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_select (0 after a successful connect)",
    };
}

pub(super) fn buffer(a: &Args<'_, BufferOpt>) -> Prediction {
    match a.opt {
        BufferOpt::Sndbuf | BufferOpt::Rcvbuf => match a.request {
            Request::Set(RelativeValue::Int(e)) if e.value() < 0 => ok(RelativeValue::Int(*e), &BUF_NEGATIVE),
            Request::Set(RelativeValue::Int(e)) => ok(RelativeValue::Int(*e), &BUF),
            _ => ok(RelativeValue::int(DEFAULT_BUFFER), &BUF_DEFAULT),
        },
        _ => crate::platform::gated(),
    }
}

pub(super) fn predict(a: &Args<'_, SocketOpt>) -> Prediction {
    let udp = !a.kind.is_stream();
    let unix = a.kind == Kind::UnixStream;
    match a.opt {
        SocketOpt::Keepalive if udp => err("WSAENOPROTOOPT", &KEEPALIVE_DGRAM),
        SocketOpt::Keepalive if unix => err("WSAENOPROTOOPT", &KEEPALIVE_UNIX),
        SocketOpt::Keepalive => bool_byte(a),
        SocketOpt::Reuseaddr if unix => err("WSAEOPNOTSUPP", &REUSEADDR_UNIX),
        SocketOpt::Reuseaddr => bool_dword(a, (0, &BOOL_OFF)),
        SocketOpt::Broadcast if !udp => err("WSAENOPROTOOPT", &BROADCAST_STREAM),
        SocketOpt::Broadcast if a.kind == Kind::Udp6 && a.is_set() => match a.value() {
            Some(v) => ok(RelativeValue::int(i128::from(v != 0)), &BROADCAST_UDP6),
            None => ok(RelativeValue::int(0), &BOOL_OFF),
        },
        SocketOpt::Broadcast => bool_dword(a, (0, &BOOL_OFF)),
        SocketOpt::Oobinline if a.kind.is_tcp() || !a.is_set() => bool_dword(a, (0, &BOOL_OFF)),
        SocketOpt::Oobinline => match a.value() {
            Some(v) => ok(RelativeValue::int(i128::from(v != 0)), &OOBINLINE_NON_TCP),
            None => ok(RelativeValue::int(0), &BOOL_OFF),
        },
        SocketOpt::Dontroute if a.kind.domain() == crate::kind::Domain::Ipv4 => match a.value() {
            Some(v) => ok(RelativeValue::int(i128::from(v & 0xff != 0)), &DONTROUTE),
            None => ok(RelativeValue::int(0), &DONTROUTE),
        },
        SocketOpt::Dontroute => err("WSAENOPROTOOPT", &DONTROUTE),
        SocketOpt::Linger if udp => err("WSAENOPROTOOPT", &LINGER_DGRAM),
        SocketOpt::Linger => match a.request {
            Request::Set(RelativeValue::Linger(on, secs)) => ok(
                RelativeValue::Linger(
                    on.map_value(|v| i128::from(v as u16)),
                    secs.map_value(|v| i128::from(v as u16)),
                ),
                &LINGER,
            ),
            _ => ok(RelativeValue::linger(0, 0), &LINGER_DEFAULT),
        },
        SocketOpt::Rcvtimeo | SocketOpt::Sndtimeo => match a.request {
            Request::Set(RelativeValue::Time(sec, usec)) => {
                let ms = sec.value() * 1000 + usec.value() / 1000;
                ok(RelativeValue::time(ms / 1000, (ms % 1000) * 1000), &TIMEOUT)
            }
            _ => ok(RelativeValue::time(0, 0), &TIMEOUT_DEFAULT),
        },
        SocketOpt::Rcvlowat | SocketOpt::Sndlowat => err("WSAEINVAL", &LOWAT),
        SocketOpt::Type if a.is_set() && udp => err("WSAEINVAL", &TYPE_SET_DGRAM),
        SocketOpt::Type if a.is_set() => err("WSAENOPROTOOPT", &TYPE_SET_STREAM),
        SocketOpt::Type => ok(RelativeValue::int(if udp { 2 } else { 1 }), &TYPE),
        SocketOpt::Acceptconn if a.is_set() => err("WSAENOPROTOOPT", &ACCEPTCONN),
        SocketOpt::Acceptconn => ok(
            RelativeValue::int(i128::from(a.state == crate::kind::State::Listening)),
            &ACCEPTCONN,
        ),
        SocketOpt::Exclusiveaddruse => bool_dword(a, (0, &EXCLUSIVEADDRUSE)),
        SocketOpt::ProtocolInfo if a.is_set() => err("WSAENOPROTOOPT", &PROTOCOL_INFO_SET),
        SocketOpt::ProtocolInfo => ok(
            RelativeValue::int(match a.kind {
                _ if unix => 0,
                _ if udp => 17,
                _ => 6,
            }),
            &PROTOCOL_INFO,
        ),
        SocketOpt::Error => match a.value() {
            Some(v) => ok(RelativeValue::int(v), &ERROR_SETTABLE),
            None => ok(RelativeValue::int(0), &ERROR_DEFAULT),
        },
        _ => crate::platform::gated(),
    }
}
