//! IPPROTO_TCP under Wine: TCP_NODELAY reaches the host; the keep-alive
//! times and the MSS are not options ws2_32 knows.

use super::shared::{byte_flag, host_level_error, OFF, UNSUPPORTED};
use super::Ask;
use crate::api::Api;
use crate::option::{Level, TcpOpt};
use crate::platform::kit::err;
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const UNIMPLEMENTED_IOCTL: Rule = Rule {
        id: "wine.unimplemented_ioctl",
        formula: "WSAEOPNOTSUPP (any socket)",
        why: "Wine's WSAIoctl has no case for SIO_TCP_SET_ACK_FREQUENCY: an ioctl it does not implement is logged and answered WSAEOPNOTSUPP, on every socket",
        source: "Kron4ek/wine-tkg (Wine 11.10) dlls/ws2_32/socket.c WSAIoctl, lines 2902-2920 ('default: FIXME(\"unimplemented ioctl %s\\n\", ...); /* fall through */', then STATUS_NOT_SUPPORTED and 'SetLastError( WSAEOPNOTSUPP )')",
    };
    pub const FASTOPEN_UNKNOWN: Rule = Rule {
        id: "wine.tcp_fastopen_unknown",
        formula: "WSAENOPROTOOPT",
        why: "ws2_32 knows TCP_NODELAY, TCP_KEEPALIVE, TCP_KEEPCNT and TCP_KEEPINTVL at IPPROTO_TCP; any other name (TCP_FASTOPEN, 15) falls to the default branch, on every socket",
        source: "wine-mirror/wine dlls/ws2_32/socket.c setsockopt IPPROTO_TCP 'FIXME(\"Unknown IPPROTO_TCP optname 0x%08x\\n\", optname); SetLastError(WSAENOPROTOOPT)', getsockopt 'unrecognized TCP option'",
    };
    pub const KEEPALIVE_VALS_UDP: Rule = Rule {
        id: "wine.keepalive_vals_not_tcp",
        formula: "WSAEINVAL",
        why: "Wine refuses the SIO_KEEPALIVE_VALS ioctl on a non-TCP socket",
        source: "Wine 8.0 dlls/ntdll/unix/socket.c sock_ioctl",
    };
}

pub fn predict(a: &Ask<'_, TcpOpt>) -> Prediction {
    match a.opt {
        TcpOpt::AckFrequency => err("WSAEOPNOTSUPP", &UNIMPLEMENTED_IOCTL),
        TcpOpt::Maxseg | TcpOpt::Keepidle | TcpOpt::Keepintvl => err("WSAENOPROTOOPT", &UNSUPPORTED),
        // socket2's Windows code makes another call here (SIO_KEEPALIVE_VALS).
        TcpOpt::Keepcnt if a.api == Api::Socket2 && a.is_set() && !a.kind.is_stream() => Prediction::err(
            "WSAEINVAL",
            vec![&crate::socket2_casts::OTHER_CALL, &KEEPALIVE_VALS_UDP],
        ),
        TcpOpt::Keepcnt => err("WSAENOPROTOOPT", &UNSUPPORTED),
        TcpOpt::Fastopen => err("WSAENOPROTOOPT", &FASTOPEN_UNKNOWN),
        TcpOpt::Nodelay => {
            host_level_error(Level::Tcp, a.kind, a.request).unwrap_or_else(|| byte_flag(a, (0, &OFF)))
        }
        _ => crate::platform::gated(),
    }
}
