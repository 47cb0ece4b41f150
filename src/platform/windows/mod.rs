//! Windows (Winsock), from Microsoft's documentation (SOL_SOCKET, IPPROTO_TCP,
//! IPPROTO_IP and IPPROTO_IPV6 socket options; struct linger). It has not met
//! a real Windows run yet: every rule says UNCONFIRMED until the first
//! snapshot settles it. Wine, which this workplace can run, has its own model
//! (`wine.rs`): it is not Windows.

use crate::case::Request;
use crate::option::OptionSpec;
use crate::ladder::Anchors;
use crate::platform::fact::Fact;
use crate::platform::Asked;
use crate::expr::Expr;
use crate::kind::Kind;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const DOCS: &str =
    "Winsock docs: learn.microsoft.com sol-socket-socket-options, ipproto-tcp/ip/ipv6-socket-options";

pub const BUF: Rule = Rule {
    id: "windows.buf.as_requested",
    formula: "v; default 65536",
    why: "Winsock reports the per-socket buffer size that was set (UNCONFIRMED for every value, 0 and negatives included; default UNCONFIRMED)",
    source: DOCS,
};
pub const FLAG: Rule = Rule {
    id: "windows.flag",
    formula: "v != 0",
    why: "a BOOL option reads back TRUE or FALSE (UNCONFIRMED)",
    source: DOCS,
};
pub const BROADCAST_STREAM: Rule = Rule {
    id: "windows.broadcast_not_stream",
    formula: "WSAENOPROTOOPT",
    why: "SO_BROADCAST is only for datagram sockets (socket2's own tests skip it on TCP)",
    source: DOCS,
};
pub const LINGER: Rule = Rule {
    id: "windows.linger",
    formula: "linger(u_short on, u_short secs)",
    why: "struct linger holds two u_shorts; datagram sockets refuse it (UNCONFIRMED)",
    source: "Winsock docs: ns-winsock-linger",
};
pub const TIMEOUT: Rule = Rule {
    id: "windows.timeo.ms",
    formula: "DWORD ms as given; 0 = none",
    why: "SO_RCVTIMEO / SO_SNDTIMEO are a DWORD of milliseconds (UNCONFIRMED: values under 500 ms were once raised to 500)",
    source: DOCS,
};
pub const LOWAT: Rule = Rule {
    id: "windows.lowat",
    formula: "WSAEINVAL",
    why: "SO_RCVLOWAT / SO_SNDLOWAT are not supported",
    source: DOCS,
};
pub const TYPE: Rule = Rule {
    id: "windows.identity",
    formula: "SOCK_STREAM 1, SOCK_DGRAM 2; SO_ERROR 0",
    why: "read-only options (UNCONFIRMED error for a set)",
    source: DOCS,
};
pub const V6ONLY: Rule = Rule {
    id: "windows.ipv6.v6only_default",
    formula: "1",
    why: "IPV6_V6ONLY is on by default on Windows",
    source: DOCS,
};
pub const UNMODELLED: Rule = Rule {
    id: "windows.unmodelled",
    formula: "?",
    why: "not modelled yet for Windows: the first real run's snapshot will show what it does",
    source: "-",
};

pub const RULES: &[&Rule] = &[
    &BUF,
    &FLAG,
    &BROADCAST_STREAM,
    &LINGER,
    &TIMEOUT,
    &LOWAT,
    &TYPE,
    &V6ONLY,
    &UNMODELLED,
];

pub fn predict(option: &OptionSpec, kind: Kind, request: &Request) -> Prediction {
    let ok = |v: RelativeValue, rule: &'static Rule| Prediction::ok(v, vec![rule]);
    let int = match request {
        Request::Set(RelativeValue::Int(e)) => Some(*e),
        _ => None,
    };
    match option.name {
        "SO_SNDBUF" | "SO_RCVBUF" => ok(int.map_or(RelativeValue::int(65536), RelativeValue::Int), &BUF),
        "SO_BROADCAST" if kind.is_stream() => Prediction::err("WSAENOPROTOOPT", vec![&BROADCAST_STREAM]),
        "SO_KEEPALIVE" | "SO_REUSEADDR" | "SO_BROADCAST" | "SO_OOBINLINE" | "TCP_NODELAY" => {
            ok(RelativeValue::int(int.is_some_and(|v| v.value() != 0).into()), &FLAG)
        }
        "SO_LINGER" if !kind.is_stream() => Prediction::err("WSAENOPROTOOPT", vec![&LINGER]),
        "SO_LINGER" => match request {
            Request::Set(RelativeValue::Linger(on, secs)) => {
                ok(RelativeValue::Linger(Expr::lit((on.value() != 0).into()), *secs), &LINGER)
            }
            _ => ok(RelativeValue::linger(0, 0), &LINGER),
        },
        "SO_RCVTIMEO" | "SO_SNDTIMEO" => match request {
            Request::Set(v) => ok(v.clone(), &TIMEOUT),
            Request::Default => ok(RelativeValue::time(0, 0), &TIMEOUT),
        },
        "SO_RCVLOWAT" | "SO_SNDLOWAT" => Prediction::err("WSAEINVAL", vec![&LOWAT]),
        "SO_TYPE" => ok(RelativeValue::int(if kind.is_stream() { 1 } else { 2 }), &TYPE),
        "SO_ERROR" => ok(RelativeValue::int(0), &TYPE),
        "IPV6_V6ONLY" if int.is_none() => ok(RelativeValue::int(1), &V6ONLY),
        _ => Prediction::err("UNMODELLED", vec![&UNMODELLED]),
    }
}

/// The Windows model (no host facts: Winsock exposes none it uses).
#[derive(Debug, Clone, Default)]
pub struct Windows;

impl crate::platform::Platform for Windows {
    fn os(&self) -> crate::os::Os {
        crate::os::Os::Windows
    }

    fn label(&self) -> &'static str {
        "windows"
    }

    fn release(&self) -> String {
        "unknown".into()
    }

    fn facts(&self) -> Vec<Fact> {
        Vec::new()
    }

    fn anchors(&self, _option: &OptionSpec) -> Anchors {
        Anchors::default()
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        predict(asked.option, asked.kind, asked.request)
    }

    fn formula(&self, _option: &OptionSpec, _kind: crate::kind::Kind, _state: crate::kind::State) -> String {
        UNMODELLED.formula.to_string()
    }

    fn rules(&self) -> Vec<&'static Rule> {
        RULES.to_vec()
    }
}
