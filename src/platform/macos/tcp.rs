//! IPPROTO_TCP on tcp4/tcp6: bsd/netinet/tcp_usrreq.c tcp_ctloutput. Other
//! kinds are refused before this (route.rs).

use super::facts::{FASTOPEN, KEEPCNT, KEEPIDLE_MS, KEEPINTVL_MS, MSSDFLT, V6MSSDFLT};
use super::route::{err, ok_int, Ctx};
use super::socket::loopback_mss;
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, State};
use crate::option::TcpOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const SRC: &str = "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput";

crate::rules! {
    pub const FASTOPEN_RULE: Rule = Rule {
        id: "macos.tcp.fastopen",
        formula: "net.inet.tcp.fastopen & 1 == 0 => ENOTSUP; set: v not in {0, 1} => EINVAL, not listening => EINVAL; get: not listening => ENOTSUP, else 0/1",
        why: "on macOS TCP_FASTOPEN is a listener's switch: only a listening socket may turn it on or off, and only it can read it (every other state answers ENOTSUP to a read), as 0 or 1; the server bit of net.inet.tcp.fastopen (stock 3) must be on",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput case TCP_FASTOPEN (SOPT_SET: 'if (!(tcp_fastopen & TCP_FASTOPEN_SERVER)) error = ENOTSUP', 'if (optval < 0 || optval > 1) error = EINVAL', 'if (tp->t_state != TCPS_LISTEN) error = EINVAL'; SOPT_GET: 'if (tp->t_state != TCPS_LISTEN || !(tcp_fastopen & TCP_FASTOPEN_SERVER)) error = ENOTSUP', 'optval = !!TFO_ENABLED(tp)'); bsd/netinet/tcp_subr.c tcp_fastopen (read at this tag only; older releases taken the same, UNCONFIRMED)",
    };
    pub const NOPUSH_NOOPT_BIT: Rule = Rule {
        id: "macos.tcp.nopush_noopt_bit",
        formula: "v != 0 → the t_flags bit (TF_NOPUSH 4096, TF_NOOPT 8); 0 → 0; default 0",
        why: "tcp_ctloutput sets TF_NOPUSH / TF_NOOPT for any non-zero int and reads back t_flags & bit, the bit itself",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput case TCP_NOOPT / TCP_NOPUSH ('if (optval) tp->t_flags |= opt'), get 'optval = tp->t_flags & TF_NOOPT' / '& TF_NOPUSH'; bsd/netinet/tcp_var.h TF_NOOPT 0x00008, TF_NOPUSH 0x01000",
    };
    pub const CONNECTIONTIMEOUT: Rule = Rule {
        id: "macos.tcp.connectiontimeout",
        formula: "0 <= v <= UINT32_MAX/TCP_RETRANSHZ (4294967) else EINVAL; default 0 (the system's tcp_keepinit)",
        why: "TCP_CONNECTIONTIMEOUT is seconds kept in milliseconds (TCP_RETRANSHZ 1000); 0, the default, means the system's connect timeout and still reads 0",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput case TCP_CONNECTIONTIMEOUT 'if (optval < 0 || optval > UINT32_MAX / TCP_RETRANSHZ) { error = EINVAL; } else { tp->t_keepinit = optval * TCP_RETRANSHZ; ...}', get 'optval = tp->t_keepinit / TCP_RETRANSHZ'",
    };
    pub const SENDMOREACKS: Rule = Rule {
        id: "macos.tcp.sendmoreacks",
        formula: "v in {0, 1} else EINVAL; default 0",
        why: "TCP_SENDMOREACKS (no stretch ACKs) takes only 0 or 1 and reads back 0/1",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput case TCP_SENDMOREACKS 'if (optval < 0 || optval > 1) { error = EINVAL; }', get 'if (tp->t_flagsext & TF_NOSTRETCHACK) optval = 1'",
    };
    pub const ECN_FINDROP: Rule = Rule {
        id: "macos.tcp.flagsext",
        formula: "v != 0 → 1; 0 → 0; default 0",
        why: "TCP_ENABLE_ECN reads whether TE_ECN_MODE_ENABLE is set, and TCP_RXT_FINDROP reads t_flagsext & TF_RXTFINDROP, a bit worth 1: both read 0/1",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput case TCP_ENABLE_ECN 'optval = (tp->ecn_flags & TE_ECN_MODE_ENABLE) ? 1 : 0', case TCP_RXT_FINDROP 'optval = tp->t_flagsext & TF_RXTFINDROP'; bsd/netinet/tcp_var.h TF_RXTFINDROP 0x1",
    };
    pub const NODELAY_BIT: Rule = Rule {
        id: "macos.tcp.nodelay_bit",
        formula: "v != 0 → TF_NODELAY (4); 0 → 0; default 0",
        why: "set: `tp->t_flags |= TF_NODELAY` (or &= ~); get: `optval = tp->t_flags & TF_NODELAY;` and TF_NODELAY is 0x4 in tcp_var.h",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_NODELAY; bsd/netinet/tcp_var.h TF_NODELAY",
    };
    pub const MAXSEG: Rule = Rule {
        id: "macos.tcp.maxseg",
        formula: "176 <= v <= t_maxseg → v, else EINVAL; t_maxseg = net.inet.tcp.mssdflt 512 (tcp4) / v6mssdflt 1024 (tcp6) until connected",
        why: "`if (optval > 0 && optval <= tp->t_maxseg && optval + 40 >= tcp_minmss) tp->t_maxseg = optval; else error = EINVAL;` (TCP_MINMSS 216): the MSS can only be lowered; tcp_newtcpcb starts t_maxseg at tcp_mssdflt / tcp_v6mssdflt",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_MAXSEG; bsd/netinet/tcp_subr.c tcp_newtcpcb",
    };
    pub const MAXSEG_CONNECTED: Rule = Rule {
        id: "macos.tcp.maxseg_connected",
        formula: "connected: t_maxseg = lo0.mtu - 40 (v4) / 60 (v6) - 12",
        why: "tcp_mss() at connection setup takes the route MTU (lo0: LOMTU 16384), less IP and TCP headers, no more than the peer's offer (the same number over loopback), less TCPOLEN_TSTAMP_APPA (12) since timestamps are asked for by default and the peer sends them: 16332 (v4), 16312 (v6). Worked out from the source; no published measurement",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_mss 'mss -= min_protoh;' / 'mss = min(mss, offer);' / 'mss -= TCPOLEN_TSTAMP_APPA;'; bsd/net/if_loop.c LOMTU 16384",
    };
    pub const KEEPALIVE_SECS: Rule = Rule {
        id: "macos.tcp.keepalive_secs",
        formula: "0 < v <= 4294967 → v; 0 → the sysctl default (net.inet.tcp.keepidle/1000, keepintvl/1000); v < 0 or v > 4294967 → EINVAL",
        why: "TCP_KEEPALIVE (0x10) / TCP_KEEPINTVL: `if (optval < 0 || optval > UINT32_MAX / TCP_RETRANSHZ) error = EINVAL;` stores optval*1000; get returns the stored value/1000, or the global default while it is 0",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPALIVE / TCP_KEEPINTVL",
    };
    pub const KEEPCNT_RULE: Rule = Rule {
        id: "macos.tcp.keepcnt",
        formula: "v > 0 → v; 0 → net.inet.tcp.keepcnt; v < 0 → EINVAL",
        why: "`if (optval < 0 || optval > INT32_MAX) error = EINVAL; else tp->t_keepcnt = optval;` (no 127 cap); get returns tcp_keepcnt while t_keepcnt is 0",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPCNT",
    };
    pub const NOTSENT_LOWAT: Rule = Rule {
        id: "macos.tcp.notsent_lowat",
        formula: "v >= 0 → v (0 clears); v < 0 → EINVAL; default 0",
        why: "`if (optval < 0) error = EINVAL; else if (optval == 0) { clear SOF_NOTSENT_LOWAT } else { set; t_notsent_lowat = optval }`; get returns t_notsent_lowat while the flag is set, else 0",
        source: SRC,
    };
}

/// A fact divided by 1000 (a millisecond sysctl read back in seconds).
fn secs(c: &Ctx<'_>, name: &'static str, shown: &'static str) -> Expr {
    Expr::of(Sym {
        name: shown,
        value: c.sym(name).value / 1000,
    })
}

pub fn predict(o: TcpOpt, c: &Ctx<'_>) -> Prediction {
    let v = match c.request {
        Request::Default => None,
        Request::Set(RelativeValue::Int(e)) => Some(e.map_value(|v| i128::from(v as i32))),
        Request::Set(_) => return crate::platform::gated(),
    };
    match o {
        TcpOpt::Nodelay => {
            let on = v.is_some_and(|v| v.value() != 0);
            ok_int(Expr::lit(if on { 4 } else { 0 }), &NODELAY_BIT)
        }
        TcpOpt::Maxseg => maxseg(c, v),
        TcpOpt::Keepidle => keep_secs(v, secs(c, KEEPIDLE_MS, "net.inet.tcp.keepidle/1000")),
        TcpOpt::Keepintvl => keep_secs(v, secs(c, KEEPINTVL_MS, "net.inet.tcp.keepintvl/1000")),
        TcpOpt::Keepcnt => match v {
            Some(v) if v.value() < 0 => err("EINVAL", &KEEPCNT_RULE),
            Some(v) if v.value() > 0 => ok_int(v, &KEEPCNT_RULE),
            _ => ok_int(c.fact(KEEPCNT), &KEEPCNT_RULE),
        },
        TcpOpt::Fastopen => {
            let listening = c.state == State::Listening;
            match v {
                _ if c.sym(FASTOPEN).value & 1 == 0 => err("ENOTSUP", &FASTOPEN_RULE),
                Some(v) if !(0..=1).contains(&v.value()) => err("EINVAL", &FASTOPEN_RULE),
                Some(_) if !listening => err("EINVAL", &FASTOPEN_RULE),
                Some(v) => ok_int(v, &FASTOPEN_RULE),
                None if !listening => err("ENOTSUP", &FASTOPEN_RULE),
                None => ok_int(Expr::lit(0), &FASTOPEN_RULE),
            }
        }
        TcpOpt::Nopush | TcpOpt::Noopt => {
            let bit = if o == TcpOpt::Nopush { 0x1000 } else { 8 };
            let on = v.is_some_and(|v| v.value() != 0);
            ok_int(Expr::lit(if on { bit } else { 0 }), &NOPUSH_NOOPT_BIT)
        }
        TcpOpt::Connectiontimeout => match v {
            None => ok_int(Expr::lit(0), &CONNECTIONTIMEOUT),
            Some(e) if (0..=i128::from(u32::MAX) / 1000).contains(&e.value()) => {
                ok_int(e, &CONNECTIONTIMEOUT)
            }
            Some(_) => err("EINVAL", &CONNECTIONTIMEOUT),
        },
        TcpOpt::Sendmoreacks => match v {
            None => ok_int(Expr::lit(0), &SENDMOREACKS),
            Some(e) if (0..=1).contains(&e.value()) => ok_int(e, &SENDMOREACKS),
            Some(_) => err("EINVAL", &SENDMOREACKS),
        },
        TcpOpt::EnableEcn | TcpOpt::RxtFindrop => {
            let on = v.is_some_and(|v| v.value() != 0);
            ok_int(Expr::lit(i128::from(on)), &ECN_FINDROP)
        }
        TcpOpt::NotsentLowat => match v {
            Some(v) if v.value() < 0 => err("EINVAL", &NOTSENT_LOWAT),
            Some(v) => ok_int(v, &NOTSENT_LOWAT),
            None => ok_int(Expr::lit(0), &NOTSENT_LOWAT),
        },
        _ => crate::platform::gated(),
    }
}

fn keep_secs(v: Option<Expr>, default: Expr) -> Prediction {
    match v {
        Some(v) if v.value() < 0 || v.value() > i128::from(u32::MAX / 1000) => err("EINVAL", &KEEPALIVE_SECS),
        Some(v) if v.value() > 0 => ok_int(v, &KEEPALIVE_SECS),
        _ => ok_int(default, &KEEPALIVE_SECS),
    }
}

fn maxseg(c: &Ctx<'_>, v: Option<Expr>) -> Prediction {
    let (current, rule) = if c.state == State::Connected {
        let mss = Sym {
            name: "mss(lo0)",
            value: loopback_mss(c.facts, c.kind),
        };
        (Expr::of(mss), &MAXSEG_CONNECTED)
    } else if c.kind.domain() == Domain::Ipv6 {
        (c.fact(V6MSSDFLT), &MAXSEG)
    } else {
        (c.fact(MSSDFLT), &MAXSEG)
    };
    match v {
        None => ok_int(current, rule),
        Some(v) if v.value() > 0 && v.value() <= current.value() && v.value() + 40 >= 216 => {
            ok_int(v, &MAXSEG)
        }
        Some(_) => err("EINVAL", &MAXSEG),
    }
}
