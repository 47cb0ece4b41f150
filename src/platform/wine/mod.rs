//! Wine 8 on Linux: the Windows code path for real, but not Windows. Wine's
//! ws2_32 keeps some options itself (the buffer sizes, the timeouts), turns
//! some away, and hands the rest to the Linux kernel, translating its errno
//! into a WSA error. Sources: Wine 8.0 dlls/ws2_32/socket.c (setsockopt,
//! getsockopt), dlls/ntdll/unix/socket.c (the AFD ioctls behind them) and
//! server/sock.c; figures measured on this workplace's Linux machines.

pub mod facts;

use crate::api::Api;
use crate::case::Request;
use crate::expr::Expr;
use crate::kind::{Domain, Kind, State};
use crate::ladder::Anchors;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt as O, OptionSpec, SocketOpt, TcpOpt};
use crate::platform::fact::Fact;
use crate::platform::wine::facts::WineFacts;
use crate::platform::Asked;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const WS2: &str = "Wine 8.0 dlls/ws2_32/socket.c setsockopt / getsockopt";
const UNIX_SOCKET: &str = "Wine 8.0 dlls/ntdll/unix/socket.c sock_ioctl; server/sock.c";

crate::rules! {
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
    pub const NOT_RUN: Rule = Rule {
        id: "wine.not_in_winsock_run",
        formula: "not run",
        why: "the Winsock path runs only the options whose Windows numbers the catalogue carries; this one has none there, so a Windows program cannot name it",
        source: "src/catalog.rs (Windows column)",
    };
    pub const FLAG_LOW_BYTE: Rule = Rule {
        id: "wine.flag_low_byte",
        formula: "(v & 0xff) != 0",
        why: "for SO_KEEPALIVE, TCP_NODELAY and IPV6_V6ONLY Wine reads only the first byte of the value (Windows takes a one-byte BOOL there), so 256 switches the option off (measured; source line UNCONFIRMED)",
        source: WS2,
    };
    pub const BUF_DEFAULT: Rule = Rule {
        id: "wine.buf.host_default",
        formula: "TCP: tcp_wmem[1] | tcp_rmem[1]; UDP: wmem_default | rmem_default",
        why: "Wine reports the size the host kernel gave the socket when it was made (not Windows' defaults, and not what TCP autotuning makes of it later)",
        source: UNIX_SOCKET,
    };
    pub const BUF_AS_REQUESTED: Rule = Rule {
        id: "wine.buf.reports_requested",
        formula: "v",
        why: "Wine passes the size to the host kernel (which doubles and clamps it) but keeps and reports the request itself, negative or zero included",
        source: UNIX_SOCKET,
    };
    pub const FLAG: Rule = Rule {
        id: "wine.flag",
        formula: "v != 0",
        why: "a Winsock BOOL option is passed to the host kernel, which stores one bit and reads back 0 or 1",
        source: WS2,
    };
    pub const OFF: Rule = Rule {
        id: "wine.default_off",
        formula: "0",
        why: "a new socket has the flag clear",
        source: WS2,
    };
    pub const ON: Rule = Rule {
        id: "wine.default_on",
        formula: "1",
        why: "on by default (multicast loopback; IPV6_V6ONLY, which Wine sets when it makes an IPv6 socket, as Windows does)",
        source: WS2,
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
    pub const UNSUPPORTED: Rule = Rule {
        id: "wine.unsupported",
        formula: "WSAENOPROTOOPT",
        why: "Wine 8 does not implement this option (SO_RCVLOWAT, SO_SNDLOWAT, TCP_MAXSEG and the TCP keepalive options), read or write",
        source: WS2,
    };
    pub const KEEPALIVE_VALS_UDP: Rule = Rule {
        id: "wine.keepalive_vals_not_tcp",
        formula: "WSAEINVAL",
        why: "Wine refuses the SIO_KEEPALIVE_VALS ioctl on a non-TCP socket",
        source: "Wine 8.0 dlls/ntdll/unix/socket.c sock_ioctl",
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
    pub const ERRNO_MAPPED: Rule = Rule {
        id: "wine.host_errno",
        formula: "ENOPROTOOPT, EINVAL => WSAEINVAL; EOPNOTSUPP => WSAEOPNOTSUPP",
        why: "the host kernel refused the call (as in the Linux rows) and Wine translated its errno",
        source: "Wine 8.0 dlls/ntdll/unix/socket.c sock_errno_to_status; dlls/ws2_32/socket.c",
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

fn ok(v: RelativeValue, rule: &'static Rule) -> Prediction {
    Prediction::ok(v, vec![rule])
}

fn err(name: &'static str, rule: &'static Rule) -> Prediction {
    Prediction::err(name, vec![rule])
}

fn flag(request: &Request, default: (i128, &'static Rule)) -> Prediction {
    match request {
        Request::Default => ok(RelativeValue::int(default.0), default.1),
        Request::Set(RelativeValue::Int(v)) => ok(RelativeValue::int((v.value() != 0).into()), &FLAG),
        Request::Set(_) => crate::platform::gated(),
    }
}

/// A BOOL of which Wine reads one byte.
fn byte_flag(request: &Request, default: (i128, &'static Rule)) -> Prediction {
    match request {
        Request::Set(RelativeValue::Int(v)) => {
            ok(RelativeValue::int((v.value() & 0xff != 0).into()), &FLAG_LOW_BYTE)
        }
        _ => flag(request, default),
    }
}

fn int(request: &Request) -> Option<i128> {
    match request {
        Request::Set(RelativeValue::Int(v)) => Some(v.value()),
        _ => None,
    }
}

/// A ranged int passed to the host: -1 means `default`.
fn ranged(
    request: &Request,
    default: RelativeValue,
    range: std::ops::RangeInclusive<i128>,
    rule: &'static Rule,
) -> Prediction {
    match int(request) {
        None | Some(-1) => ok(default, rule),
        Some(v) if range.contains(&v) => ok(RelativeValue::int(v), rule),
        Some(_) => err("WSAEINVAL", rule),
    }
}

/// Wine's prediction. `via_socket2` matters where socket2's Windows code
/// makes other calls than the option's own (keepalive).
pub fn predict(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    via_socket2: bool,
    h: &WineFacts,
) -> Prediction {
    let stream = kind.is_stream();
    let v4 = kind.domain() == Domain::Ipv4;
    let set = matches!(request, Request::Set(_));
    // The host kernel's level check (the Linux model's), its errno translated.
    let host_level_error = || {
        crate::platform::linux::level::refusal(option.level(), kind, request).map(|refused| {
            let name = match refused.expected {
                crate::prediction::Expected::Err("EOPNOTSUPP") => "WSAEOPNOTSUPP",
                _ => "WSAEINVAL",
            };
            err(name, &ERRNO_MAPPED)
        })
    };
    match option.id {
        O::Buffer(BufferOpt::Sndbuf) | O::Buffer(BufferOpt::Rcvbuf) => match request {
            Request::Default => {
                let send = option.id == O::Buffer(BufferOpt::Sndbuf);
                let name = match (stream, send) {
                    (true, true) => "tcp_wmem[1]",
                    (true, false) => "tcp_rmem[1]",
                    (false, true) => "wmem_default",
                    (false, false) => "rmem_default",
                };
                ok(RelativeValue::Int(Expr::of(h.sym(name))), &BUF_DEFAULT)
            }
            Request::Set(v) => ok(v.clone(), &BUF_AS_REQUESTED),
        },
        O::Socket(SocketOpt::Keepalive) => byte_flag(request, (0, &OFF)),
        O::Socket(SocketOpt::Reuseaddr)
        | O::Socket(SocketOpt::Broadcast)
        | O::Socket(SocketOpt::Oobinline) => flag(request, (0, &OFF)),
        O::Socket(SocketOpt::Linger) if !stream => err("WSAENOPROTOOPT", &LINGER_STREAM_ONLY),
        O::Socket(SocketOpt::Linger) => match request {
            Request::Set(RelativeValue::Linger(on, secs)) if on.value() != 0 => {
                ok(RelativeValue::Linger(Expr::lit(1), *secs), &LINGER)
            }
            _ => ok(RelativeValue::linger(0, 0), &LINGER),
        },
        O::Socket(SocketOpt::Rcvtimeo) | O::Socket(SocketOpt::Sndtimeo) => match request {
            Request::Set(v) => ok(v.clone(), &TIMEOUT),
            Request::Default => ok(RelativeValue::time(0, 0), &TIMEOUT),
        },
        O::Socket(SocketOpt::Rcvlowat)
        | O::Socket(SocketOpt::Sndlowat)
        | O::Tcp(TcpOpt::Maxseg)
        | O::Tcp(TcpOpt::Keepidle)
        | O::Tcp(TcpOpt::Keepintvl) => err("WSAENOPROTOOPT", &UNSUPPORTED),
        O::Tcp(TcpOpt::Keepcnt) if via_socket2 && set && !stream => Prediction::err(
            "WSAEINVAL",
            vec![&crate::socket2_casts::OTHER_CALL, &KEEPALIVE_VALS_UDP],
        ),
        O::Tcp(TcpOpt::Keepcnt) => err("WSAENOPROTOOPT", &UNSUPPORTED),
        O::Socket(SocketOpt::Type) if set => err("WSAENOPROTOOPT", &TYPE),
        O::Socket(SocketOpt::Type) => ok(RelativeValue::int(if stream { 1 } else { 2 }), &TYPE),
        O::Socket(SocketOpt::Error) => ok(RelativeValue::int(0), &ERROR),
        O::Tcp(TcpOpt::Nodelay) => host_level_error().unwrap_or_else(|| byte_flag(request, (0, &OFF))),
        O::Ip(IpOpt::Ttl) => ranged(
            request,
            RelativeValue::Int(Expr::of(h.sym("ip_default_ttl"))),
            1..=255,
            &TTL,
        ),
        O::Ip(IpOpt::Tos) => match int(request) {
            None => ok(RelativeValue::int(0), &TOS),
            Some(v) if !(0..=255).contains(&v) => err("WSAEINVAL", &TOS),
            Some(v) if stream => ok(RelativeValue::int(v & !3), &TOS),
            Some(v) => ok(RelativeValue::int(v), &TOS),
        },
        O::Ip(IpOpt::MulticastTtl) | O::Ip(IpOpt::MulticastLoop) if stream => {
            err("WSAEINVAL", &MULTICAST_STREAM)
        }
        O::Ip(IpOpt::MulticastTtl) => ranged(request, RelativeValue::int(1), 0..=255, &HOPS),
        O::Ip(IpOpt::MulticastLoop) => flag(request, (1, &ON)),
        O::Ipv6(Ipv6Opt::V6only) if set && state != State::Fresh => err("WSAEINVAL", &V6ONLY),
        O::Ipv6(Ipv6Opt::V6only) if v4 => err("WSAEOPNOTSUPP", &V6ONLY),
        O::Ipv6(Ipv6Opt::V6only) => byte_flag(request, (1, &ON)),
        O::Ipv6(Ipv6Opt::MulticastHops) | O::Ipv6(Ipv6Opt::MulticastLoop) if stream => {
            err("WSAEINVAL", &MULTICAST_STREAM)
        }
        O::Ip(IpOpt::Recvtos) | O::Ipv6(Ipv6Opt::Recvtclass) if stream => {
            err("WSAEINVAL", &RECV_TOS_TCLASS_DGRAM_ONLY)
        }
        O::Ipv6(Ipv6Opt::Tclass) => err("WSAENOPROTOOPT", &TCLASS_UNKNOWN),
        O::Ipv6(_) if v4 => host_level_error().expect("IPv4 kinds refuse IPv6 options"),
        O::Ipv6(Ipv6Opt::UnicastHops) => ranged(
            request,
            RelativeValue::Int(Expr::of(h.sym("hop_limit"))),
            0..=255,
            &HOPS,
        ),
        O::Ipv6(Ipv6Opt::MulticastHops) => ranged(request, RelativeValue::int(1), 0..=255, &HOPS),
        O::Ipv6(Ipv6Opt::MulticastLoop) => flag(request, (1, &ON)),
        O::Ip(IpOpt::Recvttl) if stream => err("WSAEINVAL", &RECVTTL_DGRAM_ONLY),
        O::Ip(IpOpt::Recvttl) => flag(request, (0, &OFF)),
        O::Ip(IpOpt::Recvtos) | O::Ipv6(Ipv6Opt::Recvtclass) => flag(request, (0, &OFF)),
        _ => crate::platform::gated(),
    }
}

/// The rule behind an option, for the CLI's group headers.
pub fn formula(option: &OptionSpec, kind: Kind) -> String {
    let probe = predict(
        option,
        kind,
        State::Fresh,
        &Request::Default,
        false,
        // The rule's formula does not depend on the host's numbers.
        &WineFacts::default(),
    );
    probe.rules.first().map_or("?", |r| r.formula).to_string()
}

/// The Wine model over one host's facts.
#[derive(Debug, Clone)]
pub struct Wine {
    pub facts: WineFacts,
    /// Whether `::1` can be bound, for the report.
    pub ipv6: bool,
}

impl Wine {
    /// Wine 8.0 on a Linux host with stock limits (`net.core.{w,r}mem_default`
    /// = 212992, `tcp_{w,r}mem[1]` = 16384 / 131072, TTL and hop limit 64),
    /// for pictures drawn anywhere; nothing is measured.
    pub fn offline() -> Wine {
        Wine {
            facts: WineFacts {
                version: "8.0".into(),
                wmem_default: 212_992,
                rmem_default: 212_992,
                tcp_wmem_default: 16_384,
                tcp_rmem_default: 131_072,
                ip_default_ttl: 64,
                ipv6_hop_limit: 64,
            },
            ipv6: true,
        }
    }
}

impl crate::platform::Platform for Wine {
    fn undefined(&self, _level: crate::option::Level) -> &'static Rule {
        &NOT_RUN
    }

    fn os(&self) -> crate::os::Os {
        crate::os::Os::Windows
    }

    fn label(&self) -> &'static str {
        "windows-wine"
    }

    fn release(&self) -> String {
        format!("wine {}", self.facts.version)
    }

    fn facts(&self) -> Vec<Fact> {
        let w = &self.facts;
        vec![
            Fact::new("wine", w.version.as_str()),
            Fact::new("host net.core.wmem_default", w.wmem_default),
            Fact::new("host net.core.rmem_default", w.rmem_default),
            Fact::new("host net.ipv4.tcp_wmem[1]", w.tcp_wmem_default),
            Fact::new("host net.ipv4.tcp_rmem[1]", w.tcp_rmem_default),
            Fact::new("host net.ipv4.ip_default_ttl", w.ip_default_ttl),
            Fact::new("host net.ipv6.conf.all.hop_limit", w.ipv6_hop_limit),
            Fact::new("ipv6", self.ipv6),
        ]
    }

    fn anchors(&self, _option: &OptionSpec) -> Anchors {
        Anchors::default()
    }

    /// None: Wine's ws2_32 answers some options itself before the host's
    /// kernel sees the level (IPV6_TCLASS, the RECV flags on stream
    /// sockets), so the host's level check stays inside its option rules.
    fn refusal(&self, _asked: &Asked<'_>) -> Option<Prediction> {
        None
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        let via_socket2 = asked.api == Api::Socket2;
        predict(
            asked.option,
            asked.kind,
            asked.state,
            asked.request,
            via_socket2,
            &self.facts,
        )
    }

    fn formula(&self, option: &OptionSpec, kind: Kind, _state: State) -> String {
        formula(option, kind)
    }

    fn rules(&self) -> Vec<&'static Rule> {
        RULES.to_vec()
    }
}
