//! SO_SNDBUF / SO_RCVBUF and their FORCE twins on Linux.
//!
//! sk_setsockopt (net/core/sock.c):
//!   SO_SNDBUF:      val = min_t(u32, val, wmem_max); then `set_sndbuf`
//!   SO_SNDBUFFORCE: EPERM unless CAP_NET_ADMIN; val = max(val, 0); then `set_sndbuf`
//!   set_sndbuf:     val = min_t(int, val, INT_MAX / 2);
//!                   sk_sndbuf = max_t(int, val * 2, SOCK_MIN_SNDBUF)
//! and the same for the receive side through __sock_set_rcvbuf.

use super::facts::LinuxFacts;
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, Kind, State};
use crate::ladder::INT_MAX_HALF;
use crate::option::{BufferOpt, Limit, Opt, OptionSpec};
use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;

const SOCK_C: &str = "net/core/sock.c sk_setsockopt";

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "linux.buf.default",
        formula: "wmem_default | rmem_default",
        why: "UDP and unix sockets start with net.core.wmem_default / rmem_default",
        source: "net/core/sock.c sock_init_data",
    };
    pub const TCP_DEFAULT: Rule = Rule {
        id: "linux.tcp.buf.default",
        formula: "tcp_wmem[1] | tcp_rmem[1]",
        why: "TCP sockets start with the middle value of net.ipv4.tcp_wmem / tcp_rmem",
        source: "net/ipv4/tcp.c tcp_init_sock",
    };
    pub const TCP_SNDBUF_EXPANDED: Rule = Rule {
        id: "linux.tcp.sndbuf_expanded",
        formula: "tcp_sndbuf_expanded = min(k*max(10, reordering+1)*(roundup_pow2(mss+640)+skb_overhead), tcp_wmem[2]), k = 3 for bbr else 2",
        why: "once a TCP connection is established an unlocked send buffer grows to hold the initial window twice (three times under bbr)",
        source: "net/ipv4/tcp_input.c tcp_init_buffer_space, tcp_sndbuf_expand; net/ipv4/tcp_bbr.c bbr_sndbuf_expand",
    };
    pub const DOUBLED: Rule = Rule {
        id: "linux.buf.doubled",
        formula: "2*v",
        why: "the kernel doubles the request to leave room for sk_buff overhead, and getsockopt reports the doubled value",
        source: SOCK_C,
    };
    pub const CLAMPED: Rule = Rule {
        id: "linux.buf.clamped",
        formula: "2*min(v, wmem_max | rmem_max)",
        why: "a request above net.core.wmem_max / rmem_max is silently clamped to it, then doubled",
        source: SOCK_C,
    };
    pub const NEGATIVE_AS_U32: Rule = Rule {
        id: "linux.buf.negative_as_u32",
        formula: "(u32)v",
        why: "the clamp compares as u32, so a negative int is a huge size and is clamped to the maximum",
        source: SOCK_C,
    };
    pub const FLOOR: Rule = Rule {
        id: "linux.buf.floor",
        formula: "max(2*v, SOCK_MIN_SNDBUF | SOCK_MIN_RCVBUF)",
        why: "a doubled request below the minimum (2048 + sk_buff size; twice that for send) is raised to it",
        source: "net/core/sock.c sk_setsockopt, __sock_set_rcvbuf; include/net/sock.h SOCK_MIN_SNDBUF",
    };
    pub const INT_MAX_HALF_CAP: Rule = Rule {
        id: "linux.buf.int_max_half",
        formula: "2*min(v, INT_MAX/2)",
        why: "the request is capped at INT_MAX/2 so that doubling it still fits an int",
        source: "net/core/sock.c sk_setsockopt (set_sndbuf), __sock_set_rcvbuf",
    };
    pub const FORCE_EPERM: Rule = Rule {
        id: "linux.buf.force_eperm",
        formula: "EPERM",
        why: "the FORCE names need CAP_NET_ADMIN in the initial user namespace",
        source: "net/core/sock.c sk_setsockopt (sockopt_capable)",
    };
    pub const FORCE_NEGATIVE_ZERO: Rule = Rule {
        id: "linux.buf.force_negative_zero",
        formula: "max(v, 0)",
        why: "the FORCE names turn a negative request into 0 (then the minimum applies)",
        source: SOCK_C,
    };
    pub const FORCE_UNCLAMPED: Rule = Rule {
        id: "linux.buf.force_unclamped",
        formula: "v (no wmem_max | rmem_max clamp)",
        why: "the FORCE names skip the net.core limit that the plain names are clamped to",
        source: SOCK_C,
    };
    pub const FORCE_WRITE_ONLY: Rule = Rule {
        id: "linux.buf.force_write_only",
        formula: "ENOPROTOOPT",
        why: "getsockopt does not know the FORCE names; read the plain name instead",
        source: "net/core/sock.c sk_getsockopt (default case)",
    };
}

fn is_force(option: &OptionSpec) -> bool {
    matches!(
        option.id,
        Opt::Buffer(BufferOpt::Sndbufforce | BufferOpt::Rcvbufforce)
    )
}

/// The limit, minimum and default that apply to one direction.
struct Side {
    max: Sym,
    min: Sym,
}

fn side(option: &OptionSpec, host: &LinuxFacts) -> Side {
    match option.limit.unwrap_or(Limit::SendBuffer) {
        Limit::SendBuffer => Side {
            max: host.wmem_max(),
            min: host.min_sndbuf(),
        },
        Limit::RecvBuffer => Side {
            max: host.rmem_max(),
            min: host.min_rcvbuf(),
        },
    }
}

pub fn predict(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    host: &LinuxFacts,
) -> Prediction {
    let limit = option.limit.unwrap_or(Limit::SendBuffer);
    match request {
        Request::Default if is_force(option) => Prediction::err("ENOPROTOOPT", vec![&FORCE_WRITE_ONLY]),
        Request::Default => default(limit, kind, state, host),
        Request::Set(RelativeValue::Int(v)) => set(option, *v, host),
        Request::Set(_) => crate::platform::gated(),
    }
}

fn default(limit: Limit, kind: Kind, state: State, host: &LinuxFacts) -> Prediction {
    let (value, rule) = match (kind.is_tcp(), limit) {
        (true, Limit::SendBuffer) if state == State::Connected => {
            (Expr::of(tcp_sndbuf_expanded(kind, host)), &TCP_SNDBUF_EXPANDED)
        }
        (true, Limit::SendBuffer) => (Expr::of(host.tcp_wmem_default()), &TCP_DEFAULT),
        (true, Limit::RecvBuffer) => (Expr::of(host.tcp_rmem_default()), &TCP_DEFAULT),
        (false, Limit::SendBuffer) => (Expr::of(host.wmem_default()), &DEFAULT),
        (false, Limit::RecvBuffer) => (Expr::of(host.rmem_default()), &DEFAULT),
    };
    Prediction::ok(RelativeValue::Int(value), vec![rule])
}

fn set(option: &OptionSpec, v: Expr, host: &LinuxFacts) -> Prediction {
    let Side { max, min } = side(option, host);
    let mut rules: Vec<&'static Rule> = Vec::new();
    // The size the kernel works with before the INT_MAX/2 cap.
    let (wanted, limited) = if is_force(option) {
        if !host.cap_net_admin {
            return Prediction::err("EPERM", vec![&FORCE_EPERM]);
        }
        let v = if v.value() < 0 {
            rules.push(&FORCE_NEGATIVE_ZERO);
            Expr::lit(0)
        } else {
            v
        };
        if v.value() > max.value {
            rules.push(&FORCE_UNCLAMPED);
        }
        (v, v)
    } else {
        let as_u32 = v.map_value(|x| i128::from(x as u32));
        if as_u32 != v {
            rules.push(&NEGATIVE_AS_U32);
        }
        (as_u32, as_u32.min(Expr::of(max)))
    };
    let capped = limited.min(Expr::of(INT_MAX_HALF));
    let stored = capped.times(2).max(Expr::of(min));
    let last = if stored.value() > capped.value() * 2 {
        &FLOOR
    } else if capped.value() < limited.value() {
        &INT_MAX_HALF_CAP
    } else if limited.value() < wanted.value() {
        &CLAMPED
    } else {
        &DOUBLED
    };
    rules.push(last);
    Prediction::ok(RelativeValue::Int(stored), rules)
}

/// tcp_sndbuf_expand on a loopback connection that has sent nothing yet.
pub fn tcp_sndbuf_expanded(kind: Kind, host: &LinuxFacts) -> Sym {
    // MAX_TCP_HEADER + SKB_DATA_ALIGN(sizeof(struct skb_shared_info)):
    // 320 + 320 on x86_64. The power-of-two rounding below makes the exact
    // figure irrelevant for loopback's 64 KiB MSS.
    const HEADERS: i128 = 640;
    const TCP_INIT_CWND: i128 = 10;
    let ip_and_tcp_headers = if kind.domain() == Domain::Ipv6 { 60 } else { 40 };
    let mss = (host.loopback_mtu - ip_and_tcp_headers).min(65535 - ip_and_tcp_headers);
    let per_mss = super::shared::roundup_pow2(mss + HEADERS) + host.skb_overhead;
    let segments = TCP_INIT_CWND.max(host.tcp_reordering + 1);
    let factor = if host.tcp_congestion_control == "bbr" {
        3
    } else {
        2
    };
    let wanted = factor * segments * per_mss;
    let initial = host.tcp_wmem[1];
    let value = if initial < wanted {
        wanted.min(host.tcp_wmem[2])
    } else {
        initial
    };
    Sym {
        name: "tcp_sndbuf_expanded",
        value,
    }
}

/// The whole rule for one option with this host's numbers.
pub fn formula(option: &OptionSpec, kind: Kind, state: State, host: &LinuxFacts) -> String {
    let Side { max, min } = side(option, host);
    let (lim, low) = (
        format!("{}={}", max.name, max.value),
        format!("{}={}", min.name, min.value),
    );
    let limit = option.limit.unwrap_or(Limit::SendBuffer);
    let default = match default(limit, kind, state, host).expected {
        Expected::Ok(v) => format!("{v}={}", v.value()),
        Expected::Err(e) => e.to_string(),
    };
    if is_force(option) {
        let access = if host.cap_net_admin {
            "CAP_NET_ADMIN held"
        } else {
            "EPERM: no CAP_NET_ADMIN"
        };
        format!("max(2*min(max(v, 0), INT_MAX/2), {low}) [{access}]; get: ENOPROTOOPT")
    } else {
        format!("max(2*min((u32)v, {lim}, INT_MAX/2), {low}); default {default}")
    }
}
