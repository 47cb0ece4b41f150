//! Rules and helpers every Windows family shares: the options Winsock has no
//! constant for, the kinds that cannot be made, the two BOOL widths, and the
//! levels an AF_UNIX or datagram socket does not serve.

use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

/// A case as the Windows family models see it (the kit's, over the model's
/// release).
pub(super) type Args<'a, O> = crate::platform::kit::Ask<'a, O, super::Windows>;

pub(super) use crate::platform::kit::{err, ok};

crate::rules! {
    pub const UNDEFINED_SOL_SOCKET: Rule = Rule {
        id: "windows.undefined.ws2def",
        formula: "UNDEFINED",
        why: "Winsock has no such SOL_SOCKET constant (ws2def.h / winsock2.h define none, windows-sys exports none, the SOL_SOCKET page lists none): a Windows program cannot name SO_SNDBUFFORCE, SO_RCVBUFFORCE, SO_REUSEPORT, SO_PASSCRED, SO_PRIORITY, SO_MARK, SO_BUSY_POLL, SO_DOMAIN or SO_PROTOCOL (closest relatives: SO_EXCLUSIVEADDRUSE, SO_PROTOCOL_INFOW)",
        source: "learn.microsoft.com SOL_SOCKET Socket Options (MicrosoftDocs/win32 desktop-src/WinSock/sol-socket-socket-options.md); microsoft/WSL issue #1419 (\"SO_REUSEPORT does not exist on Windows\"); windows-sys Win32::Networking::WinSock",
    };
    pub const UNDEFINED_TCP: Rule = Rule {
        id: "windows.undefined.ws2ipdef_tcp",
        formula: "UNDEFINED",
        why: "ws2ipdef.h has no TCP_USER_TIMEOUT, TCP_CORK, TCP_QUICKACK, TCP_NOTSENT_LOWAT, TCP_THIN_LINEAR_TIMEOUTS or string TCP_CONGESTION option (TCP_MAXRT and the undocumented TCP_CONGESTION_ALGORITHM 12 are other options)",
        source: "learn.microsoft.com IPPROTO_TCP socket options (MicrosoftDocs/win32 desktop-src/WinSock/ipproto-tcp-socket-options.md); wine-mirror/wine include/ws2ipdef.h",
    };
    pub const UNDEFINED_IP: Rule = Rule {
        id: "windows.undefined.ws2ipdef_ip",
        formula: "UNDEFINED",
        why: "ws2ipdef.h has no IP_FREEBIND or IP_TRANSPARENT",
        source: "learn.microsoft.com IPPROTO_IP socket options (MicrosoftDocs/win32 desktop-src/WinSock/ipproto-ip-socket-options.md); wine-mirror/wine include/ws2ipdef.h",
    };
    pub const UNDEFINED_UDP: Rule = Rule {
        id: "windows.undefined.ws2ipdef_udp",
        formula: "UNDEFINED",
        why: "ws2ipdef.h's IPPROTO_UDP options are Winsock's own (UDP_NOCHECKSUM 1, UDP_SEND_MSG_SIZE 2, UDP_RECV_MAX_COALESCED_SIZE 3, UDP_CHECKSUM_COVERAGE 20), none of Linux's names, so a Windows program cannot name it",
        source: "learn.microsoft.com IPPROTO_UDP socket options; windows-sys 0.61.2 Win32::Networking::WinSock (UDP_* constants)",
    };
    pub const UNDEFINED_IPV6: Rule = Rule {
        id: "windows.undefined.ws2ipdef_ipv6",
        formula: "UNDEFINED",
        why: "ws2ipdef.h has no such IPV6_* option, so a Windows program cannot name it",
        source: "learn.microsoft.com IPPROTO_IPV6 socket options (MicrosoftDocs/win32 desktop-src/WinSock/ipproto-ipv6-socket-options.md); wine-mirror/wine include/ws2ipdef.h",
    };
    pub const UNIX_DGRAM: Rule = Rule {
        id: "windows.unix_dgram.no_socket",
        formula: "socket(AF_UNIX, SOCK_DGRAM) => WSAEAFNOSUPPORT",
        why: "Windows' AF_UNIX provider has SOCK_STREAM only; the error socket() gives is UNCONFIRMED (WSAEAFNOSUPPORT by analogy with a provider lacking SOCK_DGRAM, AF_BTH + SOCK_DGRAM in Wine's Windows-run test; newest builds may add datagrams)",
        source: "microsoft/WSL issue #5272 (AF_UNIX announcement: \"Support for the datagram (SOCK_DGRAM) can be considered in future\"); python/cpython PR #14302; wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket (AF_BTH SOCK_DGRAM => WSAEAFNOSUPPORT)",
    };
    pub const RAW_ADMIN: Rule = Rule {
        id: "windows.raw.needs_administrator",
        formula: "socket(SOCK_RAW) not as Administrator => WSAEACCES",
        why: "only members of the Administrators group may open raw sockets; the model is of an ordinary user",
        source: "learn.microsoft.com Winsock 'TCP/IP raw sockets' (ms740548): a SOCK_RAW socket needs membership of the Administrators group, otherwise the calls fail with WSAEACCES, enforced at socket creation since Vista",
    };
    pub const NO_PING_SOCKET: Rule = Rule {
        id: "windows.icmp.no_datagram_socket",
        formula: "socket(SOCK_DGRAM, IPPROTO_ICMP / IPPROTO_ICMPV6) => WSAEPROTONOSUPPORT (icmp6 UNCONFIRMED)",
        why: "Winsock has ICMP only as a SOCK_RAW protocol (unprivileged ping goes through IcmpSendEcho2 instead); a datagram socket asked for a protocol its type lacks is WSAEPROTONOSUPPORT, as an elevated prompt too reports for IPv4; no report or test was found for ICMPv6, taken to be the same",
        source: "learn.microsoft.com Winsock 'TCP/IP raw sockets' (ms740548: ICMP and ICMPv6 as raw protocols); wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket '{AF_INET, SOCK_DGRAM, IPPROTO_TCP, WSAEPROTONOSUPPORT}' (a Windows-run table); go-ping/ping#17 and prometheus-community/pro-bing#143 (Windows: 'The requested protocol has not been configured into the system', the text of WSAEPROTONOSUPPORT, for SOCK_DGRAM IPPROTO_ICMP)",
    };
    pub const NO_MPTCP: Rule = Rule {
        id: "windows.mptcp.no_protocol",
        formula: "socket(AF_INET/AF_INET6, SOCK_STREAM, 262) => WSAEPROTONOSUPPORT (UNCONFIRMED)",
        why: "Winsock has no Multipath TCP protocol (ws2def.h's IPPROTO list has none at 262) and no provider in its catalog for that triple; a socket() asking a protocol no provider offers for its type is WSAEPROTONOSUPPORT, as the Windows-run table in Wine's tests shows for SOCK_DGRAM with IPPROTO_TCP. Not seen on Windows for 262 itself: UNCONFIRMED",
        source: "learn.microsoft.com socket function (WSAEPROTONOSUPPORT: 'The specified protocol is not supported'); shared/ws2def.h IPPROTO enumeration; wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket '{AF_INET, SOCK_DGRAM, IPPROTO_TCP, WSAEPROTONOSUPPORT}'",
    };
    pub const UNIX_SEQPACKET: Rule = Rule {
        id: "windows.unix_seqpacket.no_socket",
        formula: "socket(AF_UNIX, SOCK_SEQPACKET) => WSAEAFNOSUPPORT",
        why: "Windows' AF_UNIX provider has SOCK_STREAM only; the error socket() gives for SOCK_SEQPACKET is UNCONFIRMED (taken as for SOCK_DGRAM)",
        source: "microsoft/WSL issue #5272 (AF_UNIX announcement: stream sockets only); learn.microsoft.com 'AF_UNIX comes to Windows' (SOCK_STREAM)",
    };
    pub const AF_UNIX_1803: Rule = Rule {
        id: "windows.era.afunix_1803",
        formula: "release < 10-1803 => socket(AF_UNIX) WSAEAFNOSUPPORT",
        why: "AF_UNIX SOCK_STREAM exists from Windows 10 1803 (build 17134); earlier socket() fails with WSAEAFNOSUPPORT",
        source: "python/cpython PR #14302 (\"AF_UNIX has been supported on windows since version 1803 (build 17134)\"); rust-lang/socket2 tests/socket.rs unix_sockets_supported() (WSAEAFNOSUPPORT)",
    };
    pub const UNIX_LEVEL: Rule = Rule {
        id: "windows.unix.level_enoprotoopt",
        formula: "AF_UNIX, level IPPROTO_TCP/IP/IPV6 => WSAENOPROTOOPT",
        why: "the AF_UNIX provider does not serve the TCP/IP levels (UNCONFIRMED: only SO_KEEPALIVE => WSAENOPROTOOPT is reported for it; the code is taken from that)",
        source: "curl/curl PR #19812 (AF_UNIX SO_KEEPALIVE => 10042 WSAENOPROTOOPT), by analogy (UNCONFIRMED)",
    };
    pub const TCP_LEVEL_DGRAM: Rule = Rule {
        id: "windows.tcp_level.dgram_enoprotoopt",
        formula: "UDP, level IPPROTO_TCP => WSAENOPROTOOPT",
        why: "a UDP socket does not know IPPROTO_TCP options (UNCONFIRMED: no Windows-run test sets one; getsockopt's page says an unsupported option gives WSAENOPROTOOPT)",
        source: "learn.microsoft.com getsockopt function (MicrosoftDocs/sdk-api nf-winsock-getsockopt.md: \"unsupported option will result in an error code of WSAENOPROTOOPT\")",
    };
    pub const BOOL_BYTE: Rule = Rule {
        id: "windows.bool.byte",
        formula: "(v & 0xff) != 0",
        why: "SO_KEEPALIVE, TCP_NODELAY and IPV6_V6ONLY are one-byte BOOLEANs: setsockopt reads only the first byte (256 => 0) and getsockopt writes one byte; the read-back for a low byte other than 0 or 1 (2, 255, -1, INT_MAX) is UNCONFIRMED (taken as 1). IPV6_V6ONLY is one byte on UDP (Wine's row, socket2 #564); on TCP Windows sometimes writes 4 bytes (socket2 #593/#655), so its width and 256 => 0 on tcp4/tcp6 are UNCONFIRMED",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt test_optsize rows {1,1,1} (expected 0xdeadbe00) and TCP_NODELAY 0x100 => 0 (Windows-run assertions); rust-lang/socket2 issue #564 (AF_INET UDP IPV6_V6ONLY optlen 1), PR #593 and commit 5f64403 (#655, v0.6.4: 'getsockopt with IPV6_V6ONLY can sometimes write 1 byte but other time write 4 bytes')",
    };
    pub const BOOL_DWORD: Rule = Rule {
        id: "windows.bool.dword",
        formula: "v != 0 => 1",
        why: "a DWORD BOOL option reads back 1 for any nonzero value (0x100 => 1, 2 => 1)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt test_optsize (bool_value => expected 0x1), test_so_debug (2 => 1); learn.microsoft.com setsockopt function (\"a nonzero integer\")",
    };
    pub const BOOL_OFF: Rule = Rule {
        id: "windows.bool.default_off",
        formula: "0",
        why: "off by default (SO_KEEPALIVE, TCP_NODELAY, SO_REUSEADDR, SO_BROADCAST documented or asserted; SO_OOBINLINE on TCP asserted by socket2's Windows CI; SO_OOBINLINE on UDP, IP_RECVTOS, IP_RECVTTL, IPV6_RECVTCLASS UNCONFIRMED: Wine's test_optsize saves those defaults without asserting them)",
        source: "learn.microsoft.com SOL_SOCKET Socket Options, so-keepalive.md, ipproto-tcp-socket-options.md (\"disabled (set to FALSE) by default\"); wine-mirror/wine dlls/ws2_32/tests/sock.c test_reuseaddr; dotnet/runtime KeepAliveTest.cs Socket_KeepAlive_Disabled_By_Default; rust-lang/socket2 v0.6.4 tests/socket.rs test!(out_of_band_inline, set_out_of_band_inline(true)) (the macro asserts the initial value differs from the one set; run on windows-latest)",
    };
}

/// A one-byte BOOLEAN: only the low byte of the int counts.
pub(super) fn bool_byte<O>(a: &Args<'_, O>) -> Prediction {
    match a.value() {
        Some(v) => ok(RelativeValue::int(i128::from(v & 0xff != 0)), &BOOL_BYTE),
        None => ok(RelativeValue::int(0), &BOOL_OFF),
    }
}

/// A DWORD BOOL: any nonzero value reads back 1.
pub(super) fn bool_dword<O>(a: &Args<'_, O>, default: (i128, &'static Rule)) -> Prediction {
    match a.value() {
        Some(v) => ok(RelativeValue::int(i128::from(v != 0)), &BOOL_DWORD),
        None => ok(RelativeValue::int(default.0), default.1),
    }
}
