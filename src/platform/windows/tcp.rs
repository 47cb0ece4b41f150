//! IPPROTO_TCP (level 6).

use super::common::{bool_byte, err, ok, Args};
use super::Release;
use crate::kind::State;
use crate::option::TcpOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

pub const DEFAULT_KEEPIDLE: i128 = 7200;
pub const DEFAULT_KEEPINTVL: i128 = 1;
pub const DEFAULT_KEEPCNT: i128 = 10;

crate::rules! {
    pub const ACK_FREQUENCY: Rule = Rule {
        id: "windows.tcp.ack_frequency",
        formula: "TCP socket, any count 0..=255 => ok (a change, nothing to read); any other socket => WSAEOPNOTSUPP (UNCONFIRMED)",
        why: "the SIO_TCP_SET_ACK_FREQUENCY ioctl sets, for one TCP socket, how many segments may arrive before the delayed ACK timer is ignored (the socket's twin of the TcpAckFrequency registry value); no Microsoft page gives its range, the states that take it, or its answer on a socket that is not TCP: a TCP socket is taken to accept any count, any other socket to refuse the ioctl (UNCONFIRMED), and no case runs on Windows here",
        source: "socket2 0.6.5 src/sys/windows.rs set_tcp_ack_frequency, lines 848-870 (WSAIoctl(SIO_TCP_SET_ACK_FREQUENCY) with a TCP_ACK_FREQUENCY_PARAMETERS { TcpDelayedAckFrequency: u8 }, no output buffer); windows-sys 0.61 Win32::Networking::WinSock SIO_TCP_SET_ACK_FREQUENCY = 2550136855 (mstcpip.h)",
    };
    pub const FASTOPEN: Rule = Rule {
        id: "windows.tcp.fastopen",
        formula: "v != 0 (a DWORD BOOL); default 0",
        why: "TCP_FASTOPEN (from Windows 10 1607) switches RFC 7413 Fast Open on for a TCP socket (the initial connect then goes through ConnectEx); the default, the read-back of values other than 0 and 1 and the states that refuse it are UNCONFIRMED (no Windows-run source sets it; taken as windows.bool.dword in every state)",
        source: "learn.microsoft.com IPPROTO_TCP socket options (MicrosoftDocs/win32 ipproto-tcp-socket-options.md: TCP_FASTOPEN, DWORD (boolean), get and set, 'Starting with Windows 10, version 1607')",
    };
    pub const MAXSEG_GET_ONLY: Rule = Rule {
        id: "windows.maxseg.get_only",
        formula: "WSAENOPROTOOPT (get-only option)",
        why: "TCP_MAXSEG is documented for getsockopt only (Windows 10 and newer); the error a set gives is UNCONFIRMED (taken as for the other get-only options on TCP, SO_TYPE and SO_ACCEPTCONN)",
        source: "learn.microsoft.com getsockopt function (MicrosoftDocs/sdk-api nf-winsock-getsockopt.md, TCP_MAXSEG row); wine-mirror/wine dlls/ws2_32/tests/sock.c test_WSASocket, test_listen",
    };
    pub const MAXSEG_UNCONNECTED: Rule = Rule {
        id: "windows.maxseg.unconnected",
        formula: "536",
        why: "an unconnected socket reports the RFC 1122 default MSS (UNCONFIRMED: no source reads it)",
        source: "learn.microsoft.com getsockopt function (TCP_MAXSEG row; value UNCONFIRMED)",
    };
    pub const MAXSEG_LOOPBACK: Rule = Rule {
        id: "windows.maxseg.loopback",
        formula: "65495",
        why: "a loopback connection reports 65535 - 40 (UNCONFIRMED: the MSS Windows loopback SYNs are commonly seen to carry, quoted nowhere)",
        source: "learn.microsoft.com getsockopt function (TCP_MAXSEG row; value UNCONFIRMED)",
    };
    pub const KEEP_SECS: Rule = Rule {
        id: "windows.keepalive_secs.as_set",
        formula: "v",
        why: "TCP_KEEPIDLE (= TCP_KEEPALIVE, 3) and TCP_KEEPINTVL are DWORD seconds read back as set (3600, 5, 2 and 256 asserted); 0, negatives and INT_MAX UNCONFIRMED (taken as stored); setting one leaves the other alone. TCP_KEEPIDLE is modelled on every release: the docs say 1709, but Wine's Windows-run TCP_KEEPALIVE row allows no WSAENOPROTOOPT on older Windows (TCP_KEEPINTVL's does)",
        source: "wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt (TCP_KEEPALIVE 3600, TCP_KEEPINTVL 5, test_optsize 0x100 accepted); learn.microsoft.com IPPROTO_TCP socket options; dotnet/runtime KeepAliveTest.cs Socket_KeepAlive_Time_And_Interval",
    };
    pub const KEEPIDLE_DEFAULT: Rule = Rule {
        id: "windows.keepidle.default_7200",
        formula: "7200",
        why: "the keep-alive time is 2 hours by default",
        source: "dotnet/runtime KeepAliveTest.cs (WindowsDefaultTime = 7200); learn.microsoft.com so-keepalive.md (\"default keep-alive timeout is 2 hours\")",
    };
    pub const KEEPINTVL_DEFAULT: Rule = Rule {
        id: "windows.keepintvl.default_1",
        formula: "1",
        why: "the keep-alive interval is 1 second by default",
        source: "dotnet/runtime KeepAliveTest.cs (WindowsDefaultInterval = 1); learn.microsoft.com SOL_SOCKET Socket Options (\"keep-alive interval is 1 second\")",
    };
    pub const KEEPINTVL_1709: Rule = Rule {
        id: "windows.era.keepintvl_1709",
        formula: "release < 10-1709 => WSAENOPROTOOPT",
        why: "TCP_KEEPINTVL exists from Windows 10 1709; before, it is an unknown option",
        source: "learn.microsoft.com IPPROTO_TCP socket options (\"available starting with Windows 10, version 1709\"); wine-mirror/wine dlls/ws2_32/tests/sock.c test_optsize row TCP_KEEPINTVL (allow_noprotoopt, /* win10+ */)",
    };
    pub const KEEPCNT: Rule = Rule {
        id: "windows.keepcnt.max255",
        formula: "0 <= v <= 255 => v; else WSAEINVAL",
        why: "TCP_KEEPCNT is a DWORD that may not exceed 255 (256 => WSAEINVAL asserted); 0 and negatives (a DWORD over 255) UNCONFIRMED",
        source: "learn.microsoft.com IPPROTO_TCP socket options (\"illegal to set TCP_KEEPCNT to a value greater than 255\"); wine-mirror/wine dlls/ws2_32/tests/sock.c test_optsize row TCP_KEEPCNT (accepts_large_value FALSE), test_set_getsockopt (5 => 5)",
    };
    pub const KEEPCNT_DEFAULT: Rule = Rule {
        id: "windows.keepcnt.default_10",
        formula: "10",
        why: "Windows sends 10 keep-alive probes (UNCONFIRMED as the TCP_KEEPCNT read-back: the sentence predates the option)",
        source: "learn.microsoft.com so-keepalive.md (\"the number of keep-alive probes ... is set to 10\")",
    };
    pub const KEEPCNT_1703: Rule = Rule {
        id: "windows.era.keepcnt_1703",
        formula: "release < 10-1703 => WSAENOPROTOOPT",
        why: "TCP_KEEPCNT exists from Windows 10 1703; before, it is an unknown option",
        source: "learn.microsoft.com IPPROTO_TCP socket options (\"Starting with Windows 10, version 1703\"); wine-mirror/wine dlls/ws2_32/tests/sock.c test_set_getsockopt (broken(WSAENOPROTOOPT) on old Windows)",
    };
}

pub(super) fn predict(a: &Args<'_, TcpOpt>) -> Prediction {
    match a.opt {
        TcpOpt::Keepintvl if a.facts.release < Release::V1709 => {
            return err("WSAENOPROTOOPT", &KEEPINTVL_1709)
        }
        TcpOpt::Keepcnt if a.facts.release < Release::V1703 => return err("WSAENOPROTOOPT", &KEEPCNT_1703),
        _ => {}
    }
    match a.opt {
        TcpOpt::AckFrequency if a.kind.is_tcp() => ok(crate::address::done(), &ACK_FREQUENCY),
        TcpOpt::AckFrequency => err("WSAEOPNOTSUPP", &ACK_FREQUENCY),
        TcpOpt::Nodelay => bool_byte(a),
        TcpOpt::Fastopen => match a.value() {
            Some(v) => ok(RelativeValue::int(i128::from(v != 0)), &FASTOPEN),
            None => ok(RelativeValue::int(0), &FASTOPEN),
        },
        TcpOpt::Maxseg if a.is_set() => err("WSAENOPROTOOPT", &MAXSEG_GET_ONLY),
        TcpOpt::Maxseg if a.state == State::Connected => ok(RelativeValue::int(65495), &MAXSEG_LOOPBACK),
        TcpOpt::Maxseg => ok(RelativeValue::int(536), &MAXSEG_UNCONNECTED),
        TcpOpt::Keepidle | TcpOpt::Keepintvl => match a.value() {
            Some(v) => ok(RelativeValue::int(v), &KEEP_SECS),
            None if a.opt == TcpOpt::Keepidle => ok(RelativeValue::int(DEFAULT_KEEPIDLE), &KEEPIDLE_DEFAULT),
            None => ok(RelativeValue::int(DEFAULT_KEEPINTVL), &KEEPINTVL_DEFAULT),
        },
        TcpOpt::Keepcnt => match a.value() {
            Some(v) if (0..=255).contains(&v) => ok(RelativeValue::int(v), &KEEPCNT),
            Some(_) => err("WSAEINVAL", &KEEPCNT),
            None => ok(RelativeValue::int(DEFAULT_KEEPCNT), &KEEPCNT_DEFAULT),
        },
        _ => crate::platform::gated(),
    }
}
