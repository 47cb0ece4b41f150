//! SOL_SOCKET options under Wine: flags, linger and timeouts kept by
//! ws2_32, the identity reads, and what it turns away.

use super::shared::{byte_flag, flag, OFF, UNIX_SOCKET, UNSUPPORTED, WS2};
use super::Ask;
use crate::case::Request;
use crate::expr::Expr;
use crate::option::SocketOpt;
use crate::platform::kit::{err, ok};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const PROTOCOL_INFO: Rule = Rule {
        id: "wine.so_protocol_info",
        formula: "iProtocol = the socket's protocol: TCP 6, UDP 17; set => WSAENOPROTOOPT",
        why: "ws2_32 copies the matching entry of its supported_protocols table and sets iProtocol to the protocol the server keeps for the socket, which WSASocketW took from that table when asked for 0; a buffer smaller than WSAPROTOCOL_INFOW is WSAEFAULT. setsockopt has no case for it",
        source: "Wine 10.0 dlls/ws2_32/socket.c ws_protocol_info, lines 704-744 ('buffer->iProtocol = params.protocol'), getsockopt case SO_PROTOCOL_INFOA / SO_PROTOCOL_INFOW, lines 1783-1802, WSASocketW line 3964 ('if (!protocol) protocol = supported_protocols[i].iProtocol'); server/sock.c line 1966 ('sock->proto = protocol'); setsockopt's SOL_SOCKET default (WSAENOPROTOOPT)",
    };
    pub const ACCEPTCONN: Rule = Rule {
        id: "wine.so_acceptconn",
        formula: "get: listening ? 1 : 0; set => WSAENOPROTOOPT",
        why: "ws2_32 refuses a set of SO_ACCEPTCONN like one of SO_TYPE; the get asks the server, which answers whether the socket is listening, as a 4-byte int, on any kind",
        source: "wine-mirror/wine dlls/ws2_32/socket.c @8dc5242e setsockopt 'case SO_ACCEPTCONN: case SO_TYPE: SetLastError(WSAENOPROTOOPT)', getsockopt IOCTL_AFD_WINE_GET_SO_ACCEPTCONN; server/sock.c @a69d2958 'int listening = (sock->state == SOCK_LISTENING)'",
    };
    pub const EXCLUSIVEADDRUSE: Rule = Rule {
        id: "wine.so_exclusiveaddruse",
        formula: "v != 0 ? 1 : 0; default 0",
        why: "the server keeps SO_EXCLUSIVEADDRUSE as its own flag ('sock->exclusiveaddruse = !!exclusive', refused while SO_REUSEADDR is on) and reads it back as an int",
        source: "wine-mirror/wine dlls/ws2_32/socket.c @8dc5242e setsockopt case SO_EXCLUSIVEADDRUSE (a DWORD from min(optlen, 4) bytes); server/sock.c @a69d2958 sock_ioctl IOCTL_AFD_WINE_SET_SO_EXCLUSIVEADDRUSE",
    };
    pub const DONTROUTE_IGNORED: Rule = Rule {
        id: "wine.so_dontroute_ignored",
        formula: "set: accepted and ignored; get: 1 (one byte), whatever was set",
        why: "Wine follows MSDN's 'silently ignored': ws2_32 answers a SO_DONTROUTE set with success without touching the socket, and a get with TRUE in one byte; real Windows reads back the byte that was set (a todo_wine in Wine's own tests)",
        source: "wine-mirror/wine dlls/ws2_32/socket.c setsockopt case SO_DONTROUTE ('Ignoring SO_DONTROUTE'), getsockopt case SO_DONTROUTE ('*optval = TRUE; *optlen = 1'); dlls/ws2_32/tests/sock.c test_optsize (todo_wine_if SO_DONTROUTE)",
    };
    pub const LINGER: Rule = Rule {
        id: "wine.linger",
        formula: "l_onoff != 0 => linger(1, l_linger) else linger(0,0)",
        why: "the u_short pair is passed to the host kernel, which keeps one on/off bit and the seconds",
        source: WS2,
    };
    pub const LINGER_STREAM_ONLY: Rule = Rule {
        id: "wine.linger.stream_only",
        formula: "WSAENOPROTOOPT",
        why: "Wine refuses SO_LINGER on datagram sockets, as Windows does",
        source: WS2,
    };
    pub const TIMEOUT: Rule = Rule {
        id: "wine.timeo.ms",
        formula: "DWORD ms, stored and read back as given",
        why: "Wine keeps SO_RCVTIMEO / SO_SNDTIMEO itself as a DWORD of milliseconds; 0 means none",
        source: UNIX_SOCKET,
    };
    pub const TYPE: Rule = Rule {
        id: "wine.so_type",
        formula: "SOCK_STREAM 1, SOCK_DGRAM 2; set => WSAENOPROTOOPT",
        why: "the socket's type; it cannot be set",
        source: WS2,
    };
    pub const ERROR: Rule = Rule {
        id: "wine.so_error",
        formula: "0; a set is accepted and ignored",
        why: "no error is pending; Wine accepts setting SO_ERROR and changes nothing",
        source: WS2,
    };
}

pub fn predict(a: &Ask<'_, SocketOpt>) -> Prediction {
    let stream = a.kind.is_stream();
    match a.opt {
        SocketOpt::Keepalive => byte_flag(a, (0, &OFF)),
        SocketOpt::Reuseaddr | SocketOpt::Broadcast | SocketOpt::Oobinline => flag(a, (0, &OFF)),
        SocketOpt::Linger if !stream => err("WSAENOPROTOOPT", &LINGER_STREAM_ONLY),
        SocketOpt::Linger => match a.request {
            Request::Set(RelativeValue::Linger(on, secs)) if on.value() != 0 => {
                ok(RelativeValue::Linger(Expr::lit(1), *secs), &LINGER)
            }
            _ => ok(RelativeValue::linger(0, 0), &LINGER),
        },
        SocketOpt::Rcvtimeo | SocketOpt::Sndtimeo => match a.request {
            Request::Set(v) => ok(v.clone(), &TIMEOUT),
            Request::Default => ok(RelativeValue::time(0, 0), &TIMEOUT),
        },
        SocketOpt::Rcvlowat | SocketOpt::Sndlowat => err("WSAENOPROTOOPT", &UNSUPPORTED),
        SocketOpt::Type if a.is_set() => err("WSAENOPROTOOPT", &TYPE),
        SocketOpt::Type => ok(RelativeValue::int(if stream { 1 } else { 2 }), &TYPE),
        SocketOpt::Error => ok(RelativeValue::int(0), &ERROR),
        SocketOpt::Dontroute => ok(RelativeValue::int(1), &DONTROUTE_IGNORED),
        SocketOpt::Acceptconn if a.is_set() => err("WSAENOPROTOOPT", &ACCEPTCONN),
        SocketOpt::Acceptconn => ok(
            RelativeValue::int(i128::from(a.state == crate::kind::State::Listening)),
            &ACCEPTCONN,
        ),
        SocketOpt::Exclusiveaddruse => flag(a, (0, &EXCLUSIVEADDRUSE)),
        SocketOpt::ProtocolInfo if a.is_set() => err("WSAENOPROTOOPT", &PROTOCOL_INFO),
        SocketOpt::ProtocolInfo => ok(RelativeValue::int(if stream { 6 } else { 17 }), &PROTOCOL_INFO),
        _ => crate::platform::gated(),
    }
}
