//! IPPROTO_TCP options on TCP sockets (net/ipv4/tcp.c do_tcp_setsockopt /
//! do_tcp_getsockopt unless noted). Other kinds never get here: the level
//! check in `mod.rs` answers for them.

use super::shared::{fact, flag, int, ranged, Args};
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, State};
use crate::option::TcpOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const TCP_C: &str = "net/ipv4/tcp.c do_tcp_setsockopt / do_tcp_getsockopt";

crate::rules! {
    pub const OFF: Rule = Rule {
        id: "linux.tcp.default_off",
        formula: "0",
        why: "a new TCP socket has this off",
        source: "net/ipv4/tcp.c tcp_init_sock",
    };
    pub const QUICKACK_DEFAULT: Rule = Rule {
        id: "linux.tcp.quickack_default",
        formula: "1",
        why: "TCP_QUICKACK reads 'not in pingpong mode', which a new socket is not",
        source: TCP_C,
    };
    pub const THIN_LINEAR: Rule = Rule {
        id: "linux.tcp.thin_linear_timeouts",
        formula: "v in {0, 1} else EINVAL",
        why: "TCP_THIN_LINEAR_TIMEOUTS takes only 0 or 1",
        source: TCP_C,
    };
    pub const MAXSEG_SET: Rule = Rule {
        id: "linux.tcp.maxseg_range",
        formula: "v == 0 or 88 <= v <= 32767, else EINVAL",
        why: "a user MSS must be 0 (none) or between TCP_MIN_MSS and MAX_TCP_WINDOW",
        source: TCP_C,
    };
    pub const MAXSEG_UNCONNECTED: Rule = Rule {
        id: "linux.tcp.maxseg_unconnected",
        formula: "user_mss or 536",
        why:
            "before a connection exists TCP_MAXSEG reads the user MSS if one was set, else TCP_MSS_DEFAULT (536)",
        source: TCP_C,
    };
    pub const MAXSEG_CONNECTED: Rule = Rule {
        id: "linux.tcp.maxseg_connected",
        formula: "mss_cache = min(mss, window/2), window = min(rounddown(tcp_rmem[1]/2, mss), 65535)",
        why: "a connected socket reads its live mss_cache: the MSS (advmss less 12 bytes of timestamps), which tcp_bound_to_half_wnd keeps to half the peer's first window; that window is half the peer's tcp_rmem[1] receive buffer, rounded down to whole segments and unscaled in the SYN. A user MSS set now does not change it",
        source: "net/ipv4/tcp_output.c tcp_select_initial_window, tcp_sync_mss; include/net/tcp.h tcp_bound_to_half_wnd, tcp_win_from_space; net/ipv4/route.c ipv4_default_advmss",
    };
    pub const KEEPALIVE_DEFAULT: Rule = Rule {
        id: "linux.tcp.keepalive_default",
        formula: "net.ipv4.tcp_keepalive_{time,intvl,probes}",
        why: "until set, the keepalive options read the namespace's sysctls",
        source: TCP_C,
    };
    pub const KEEPALIVE_RANGE: Rule = Rule {
        id: "linux.tcp.keepalive_range",
        formula: "1 <= v <= 32767 (TCP_KEEPCNT: 127), else EINVAL",
        why:
            "keepalive idle and interval must be 1..MAX_TCP_KEEPIDLE seconds; the probe count 1..MAX_TCP_KEEPCNT",
        source: TCP_C,
    };
    pub const USER_TIMEOUT: Rule = Rule {
        id: "linux.tcp.user_timeout",
        formula: "v < 0 => EINVAL; else v ms",
        why: "TCP_USER_TIMEOUT takes any non-negative number of milliseconds",
        source: TCP_C,
    };
    pub const STORED: Rule = Rule {
        id: "linux.tcp.stored",
        formula: "v",
        why:
            "the value is stored and read back as given (TCP_NOTSENT_LOWAT: an unsigned field, read back as int)",
        source: TCP_C,
    };
    pub const CONGESTION_DEFAULT: Rule = Rule {
        id: "linux.tcp.congestion_default",
        formula: "net.ipv4.tcp_congestion_control",
        why: "a new socket uses the namespace's default congestion control",
        source: "net/ipv4/tcp_cong.c tcp_assign_congestion_control",
    };
    pub const CONGESTION_SET: Rule = Rule {
        id: "linux.tcp.congestion_set",
        formula: "name in tcp_available_congestion_control",
        why: "a known algorithm is switched to (one not in tcp_allowed_congestion_control needs CAP_NET_ADMIN)",
        source: "net/ipv4/tcp_cong.c tcp_set_congestion_control",
    };
    pub const CONGESTION_UNKNOWN: Rule = Rule {
        id: "linux.tcp.congestion_unknown",
        formula: "ENOENT",
        why: "no algorithm (and no module tcp_<name>) has that name",
        source: "net/ipv4/tcp_cong.c tcp_set_congestion_control",
    };
    pub const CONGESTION_EMPTY: Rule = Rule {
        id: "linux.tcp.congestion_empty",
        formula: "optlen < 1 => EINVAL",
        why: "an empty name is refused before it is looked up",
        source: TCP_C,
    };
    pub const CONGESTION_EPERM: Rule = Rule {
        id: "linux.tcp.congestion_eperm",
        formula: "EPERM",
        why: "an algorithm outside tcp_allowed_congestion_control needs CAP_NET_ADMIN",
        source: "net/ipv4/tcp_cong.c tcp_set_congestion_control",
    };
}

pub fn predict(a: &Args<TcpOpt>) -> Prediction {
    let request = a.request;
    let h = a.facts;
    match a.opt {
        TcpOpt::Nodelay | TcpOpt::Cork => flag(request, 0, &OFF),
        TcpOpt::Quickack => flag(request, 1, &QUICKACK_DEFAULT),
        TcpOpt::ThinLinearTimeouts => match int(request) {
            Some(v) => ranged(v, 0, 1, &THIN_LINEAR, &THIN_LINEAR),
            None => Prediction::ok(RelativeValue::int(0), vec![&OFF]),
        },
        TcpOpt::Maxseg => maxseg(a),
        TcpOpt::Keepidle => keepalive(request, "tcp_keepalive_time", h.tcp_keepalive_time, 32767),
        TcpOpt::Keepintvl => keepalive(request, "tcp_keepalive_intvl", h.tcp_keepalive_intvl, 32767),
        TcpOpt::Keepcnt => keepalive(request, "tcp_keepalive_probes", h.tcp_keepalive_probes, 127),
        TcpOpt::UserTimeout => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&OFF]),
            Some(v) => ranged(v, 0, i32::MAX.into(), &USER_TIMEOUT, &USER_TIMEOUT),
        },
        TcpOpt::NotsentLowat => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&OFF]),
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&STORED]),
        },
        TcpOpt::Congestion => congestion(a),
    }
}

fn keepalive(request: &Request, sysctl: &'static str, default: i128, max: i128) -> Prediction {
    match int(request) {
        None => Prediction::ok(fact(sysctl, default), vec![&KEEPALIVE_DEFAULT]),
        Some(v) => ranged(v, 1, max, &KEEPALIVE_RANGE, &KEEPALIVE_RANGE),
    }
}

fn maxseg(a: &Args<TcpOpt>) -> Prediction {
    let request = a.request;
    let mut rules: Vec<&'static Rule> = Vec::new();
    let user_mss = match int(request) {
        Some(v) if v.value() == 0 || (88..=32767).contains(&v.value()) => {
            rules.push(&MAXSEG_SET);
            v.value()
        }
        Some(_) => return Prediction::err("EINVAL", vec![&MAXSEG_SET]),
        None => 0,
    };
    if a.state == State::Connected {
        rules.push(&MAXSEG_CONNECTED);
        return Prediction::ok(RelativeValue::Int(Expr::of(loopback_mss_cache(a))), rules);
    }
    rules.push(&MAXSEG_UNCONNECTED);
    Prediction::ok(
        RelativeValue::int(if user_mss == 0 { 536 } else { user_mss }),
        rules,
    )
}

/// The mss_cache of a fresh loopback connection: the MSS, bounded by half
/// the first window the peer offered. The peer offers half its receive
/// buffer (tcp_rmem[1]), rounded down to a multiple of its MSS when larger,
/// and at most 65535 (a SYN's window is not scaled).
pub fn loopback_mss_cache(a: &Args<TcpOpt>) -> Sym {
    let h = a.facts;
    let advmss = match a.kind.domain() {
        Domain::Ipv6 => (h.loopback_mtu - 60).min(65535 - 20),
        _ => (h.loopback_mtu - 40).min(65535 - 40),
    };
    let timestamps = if h.tcp_timestamps != 0 { 12 } else { 0 };
    let mss = advmss - timestamps;
    let space = h.tcp_rmem[1] / 2;
    let space = if space > mss { space - space % mss } else { space };
    let window = space.min(65535);
    let cutoff = if window > 536 { window / 2 } else { window };
    Sym {
        name: "mss_cache",
        value: mss.min(cutoff),
    }
}

fn congestion(a: &Args<TcpOpt>) -> Prediction {
    let request = a.request;
    let h = a.facts;
    let Request::Set(val) = request else {
        return Prediction::ok(
            RelativeValue::Text(h.tcp_congestion_control.clone(), Some("tcp_congestion_control")),
            vec![&CONGESTION_DEFAULT],
        );
    };
    let RelativeValue::Text(name, label) = val else {
        return crate::platform::gated();
    };
    if name.is_empty() {
        return Prediction::err("EINVAL", vec![&CONGESTION_EMPTY]);
    }
    if !h.tcp_available_congestion_control.contains(name) {
        return Prediction::err("ENOENT", vec![&CONGESTION_UNKNOWN]);
    }
    if !h.tcp_allowed_congestion_control.contains(name) && !h.cap_net_raw_or_admin {
        return Prediction::err("EPERM", vec![&CONGESTION_EPERM]);
    }
    Prediction::ok(RelativeValue::Text(name.clone(), *label), vec![&CONGESTION_SET])
}
