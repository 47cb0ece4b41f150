//! IPPROTO_TCP on tcp4/tcp6: tcp_default_ctloutput and tcp_set_cc_mod
//! (udp and unix sockets never get here: see `options::refusal`).

use super::facts::Release;
use super::shared::{int, src, Ctx};
use super::socket::loopback_mss;
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, State};
use crate::option::TcpOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const FASTOPEN: Rule = Rule {
        id: "freebsd.tcp.fastopen",
        formula: "client_enable == 0 && server_enable == 0 => EPERM; not CLOSED/LISTEN (connected) => EINVAL; v != 0 on a listener without server_enable => EPERM; else t_flags & TF_FASTOPEN (0x80000000: reads INT_MIN) or 0",
        why: "FreeBSD's TCP_FASTOPEN takes an int (the 'enable' of struct tcp_fastopen) before connect or on a listener, and reads back the raw TF_FASTOPEN bit, 0x80000000, which an int shows as -2147483648; a listener needs net.inet.tcp.fastopen.server_enable (stock 0), and a kernel without TCP_RFC7413 (F-Stack) refuses every set with EPERM",
        source: src!(F13, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_FASTOPEN 'if (!V_tcp_fastopen_client_enable && !V_tcp_fastopen_server_enable) return (EPERM)', 'if ((tp->t_state != TCPS_CLOSED) && (tp->t_state != TCPS_LISTEN)) error = EINVAL', 'if (!V_tcp_fastopen_server_enable) error = EPERM', get 'optval = tp->t_flags & TF_FASTOPEN'; sys/netinet/tcp_var.h TF_FASTOPEN 0x80000000; the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162)"),
    };
    pub const NODELAY_BIT: Rule = Rule {
        id: "freebsd.tcp.nodelay_bit",
        formula: "v != 0 => t_flags & TF_NODELAY = 4 else 0",
        why: "tcp_default_ctloutput sets TF_NODELAY for any non-zero int and reads back t_flags & TF_NODELAY, the bit (4)",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput 'optval = tp->t_flags & TF_NODELAY'; tcp_var.h TF_NODELAY 0x00000004"),
    };
    pub const MAXSEG: Rule = Rule {
        id: "freebsd.tcp.maxseg",
        formula: "0 < v <= t_maxseg && v + 40 >= tcp_minmss(216) => v else EINVAL",
        why: "TCP_MAXSEG can only lower the MSS: 176..t_maxseg; the read is t_maxseg",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_MAXSEG 'if (optval > 0 && optval <= tp->t_maxseg && optval + 40 >= V_tcp_minmss)'; tcp.h TCP_MINMSS 216"),
    };
    pub const MAXSEG_DEFAULT: Rule = Rule {
        id: "freebsd.tcp.maxseg_default",
        formula: "unconnected: net.inet.tcp.mssdflt (v4) / v6mssdflt (v6); connected: lo0.mtu - 40 / 60",
        why: "a new tcpcb starts at the default MSS (TCP_MSS 536, TCP6_MSS 1220); tcp_mss_update sets t_maxseg = MTU - IP and TCP headers at connection setup, with no room taken for options ('resulting t_maxseg doesn't include space for TCP options'), so lo0's 16384 gives 16344 / 16324",
        source: src!(S14, "sys/netinet/tcp_subr.c tcp_newtcpcb 'tp->t_maxseg = ... V_tcp_v6mssdflt : V_tcp_mssdflt'; sys/netinet/tcp_input.c tcp_mss_update 'mss = maxmtu - min_protoh'; tcp_usrreq.c tcp_default_ctloutput get 'optval = tp->t_maxseg'"),
    };
    pub const NOPUSH_NOOPT_BIT: Rule = Rule {
        id: "freebsd.tcp.nopush_noopt_bit",
        formula: "v != 0 => t_flags & TF_x (TF_NOPUSH 4096, TF_NOOPT 8) else 0",
        why: "tcp_default_ctloutput sets TF_NOPUSH / TF_NOOPT for any non-zero int and reads back the t_flags bit itself, not 1",
        source: src!(F13, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_NOOPT 'opt = TF_NOOPT', case TCP_NOPUSH 'tp->t_flags |= TF_NOPUSH', get 'optval = tp->t_flags & TF_NOOPT' / 'tp->t_flags & TF_NOPUSH'; sys/netinet/tcp_var.h TF_NOOPT 0x00000008, TF_NOPUSH 0x00001000"),
    };
    pub const KEEPTIME: Rule = Rule {
        id: "freebsd.tcp.keeptime",
        formula: "(u_int)v > UINT_MAX/hz => EINVAL; 0 => sysctl default; else v",
        why: "TCP_KEEPIDLE, TCP_KEEPINTVL and TCP_KEEPINIT are u_int seconds stored as ticks (-1 is UINT_MAX); a per-socket 0 means the global sysctl",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_KEEPIDLE/TCP_KEEPINTVL 'if (ui > (UINT_MAX / hz)) error = EINVAL'; stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/tcp_timer.h 'TP_KEEPIDLE(tp) ((tp)->t_keepidle ? (tp)->t_keepidle : tcp_keepidle)'"),
    };
    pub const KEEPTIME_DEFAULT: Rule = Rule {
        id: "freebsd.tcp.keeptime_default",
        formula: "net.inet.tcp.keepidle/1000 (7200), net.inet.tcp.keepintvl/1000 (75), net.inet.tcp.keepinit/1000 (75)",
        why: "the sysctls are in ms; the socket reports TP_KEEP*(tp)/hz seconds",
        source: "freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021; mirror sobomax/freebsd14_vendor@0f7ff342) TCP_KEEPIDLE / TCP_KEEPINTVL",
    };
    pub const KEEPCNT: Rule = Rule {
        id: "freebsd.tcp.keepcnt",
        formula: "0 => net.inet.tcp.keepcnt (8); else (int)(u_int)v",
        why: "TCP_KEEPCNT is stored as u_int with no range check and copied out as is, so -1 reads -1",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_KEEPCNT 'tp->t_keepcnt = ui'; share/man/man4/tcp.4 default 8"),
    };
    pub const CC_AVAILABLE: Rule = Rule {
        id: "freebsd.tcp.cc_available",
        formula: "name in net.inet.tcp.cc.available => name; else ESRCH (14+), EINVAL (13)",
        why: "the set looks the name up in cc_list, which the sysctl net.inet.tcp.cc.available lists: where it was read (a host with modules built in or kldloaded, F-Stack's stack with cubic and htcp built in), a listed name is set and read back",
        source: concat!(
            src!(S14, "sys/netinet/tcp_usrreq.c tcp_set_cc_mod 'STAILQ_FOREACH(algo, &cc_list, entries)'; sys/netinet/cc/cc.c cc_list_available (the sysctl net.inet.tcp.cc.available walks cc_list)"),
            "; FreeBSD 13.0 as vendored in F-Stack 5cb586b5 netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_CONGESTION (the same cc_list lookup, EINVAL when absent)"
        ),
    };
    pub const CC: Rule = Rule {
        id: "freebsd.tcp.cc",
        formula: "a loaded algorithm's name => name (stock 14+: cubic only; 13: newreno only); unknown => ESRCH (14+), EINVAL (13); empty => EINVAL",
        why: "the set looks the name up in cc_list, the algorithms built in or kldloaded, and never loads one. 14's amd64 DEFAULTS builds in only CUBIC (newreno is the module cc_newreno.ko, so 'newreno' is ESRCH until kldload); tcp_set_cc_mod answers an unknown name with ESRCH. 13.1's sys/conf/files has cc_newreno.c and no cc_cubic.c line, so 'cubic' needs kldload there, and tcp_default_ctloutput answers an unknown name with EINVAL (13.2 to 13.5 not read: UNCONFIRMED, taken as 13.1). 'reno' is no algorithm. At most TCP_CA_NAME_MAX-1 bytes are copied, at least 1",
        source: concat!(
            src!(S14, "sys/netinet/tcp_usrreq.c tcp_set_cc_mod 'STAILQ_FOREACH(algo, &cc_list, entries)' / 'if (algo == NULL) ... return(ESRCH)' / 'sooptcopyin(sopt, buf, TCP_CA_NAME_MAX - 1, 1)'; sys/amd64/conf/DEFAULTS 'options CC_CUBIC'; sys/conf/files 'netinet/cc/cc_newreno.c optional inet cc_newreno'"),
            "; ",
            src!(R13, "sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_CONGESTION 'if (algo == NULL) { INP_WUNLOCK(inp); error = EINVAL; break; }'; sys/conf/files 'netinet/cc/cc_newreno.c optional inet | inet6', no cc_cubic.c"),
            "; rust-lang/socket2 v0.6.2 .cirrus.yml on freebsd-14-3-release runs 'kldload cc_newreno  # For the tcp_congestion test', whose ESRCH panic asks 'Is the kernel module loaded?'"
        ),
    };
    pub const CC_DEFAULT: Rule = Rule {
        id: "freebsd.tcp.cc_default",
        formula: "13: newreno; 14+: cubic",
        why: "tcp.4 (2021) names cc_newreno the default; from 14.0 CC_DEFAULT is \"cubic\" (cc_cubic(4): 'This became the default congestion algorithm for FreeBSD in version 14.0'); socket2's FreeBSD 13.2 test reads newreno",
        source: "freebsd/freebsd-src share/man/man4/tcp.4 dated February 11, 2021; stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/cc/cc.c '#define CC_DEFAULT \"cubic\"' and share/man/man4/cc_cubic.4; FreeBSD 15.1-RELEASE cc_cubic(4); rust-lang/socket2 v0.6.0 tests/socket.rs fn tcp_congestion",
    };
}

fn t_maxseg(ctx: &Ctx<'_>) -> Expr {
    if ctx.state == State::Connected {
        Expr::lit(loopback_mss(ctx))
    } else if ctx.kind.domain() == Domain::Ipv6 {
        ctx.fact("net.inet.tcp.v6mssdflt")
    } else {
        ctx.fact("net.inet.tcp.mssdflt")
    }
}

fn keeptime(ctx: &Ctx<'_>, sysctl: &'static str, shown: &'static str, request: &Request) -> Prediction {
    let default = Expr::of(Sym {
        name: shown,
        value: ctx.sym(sysctl).value / 1000,
    });
    match int(request) {
        None => Prediction::ok(RelativeValue::Int(default), vec![&KEEPTIME_DEFAULT]),
        Some(v) => {
            let ui = i128::from(v.value() as i32 as u32);
            if ui > i128::from(u32::MAX) / ctx.hz() {
                Prediction::err("EINVAL", vec![&KEEPTIME])
            } else if ui == 0 {
                Prediction::ok(RelativeValue::Int(default), vec![&KEEPTIME, &KEEPTIME_DEFAULT])
            } else {
                Prediction::ok(RelativeValue::Int(v), vec![&KEEPTIME])
            }
        }
    }
}

fn congestion(ctx: &Ctx<'_>, request: &Request) -> Prediction {
    match request {
        Request::Default => {
            Prediction::ok(RelativeValue::text(ctx.release().default_cc()), vec![&CC_DEFAULT])
        }
        Request::Set(RelativeValue::Text(name, _)) => {
            if name.is_empty() {
                return Prediction::err("EINVAL", vec![&CC]);
            }
            let copied: String = name.chars().take(15).collect();
            let missing = match ctx.release() {
                Release::R13 => "EINVAL",
                Release::R14 | Release::R15 => "ESRCH",
            };
            // Where the host's cc_list was read, it decides.
            if let Some(available) = &ctx.facts.cc_available {
                return match available.contains(&copied) {
                    true => Prediction::ok(RelativeValue::text(&copied), vec![&CC_AVAILABLE]),
                    false => Prediction::err(missing, vec![&CC_AVAILABLE]),
                };
            }
            // A stock kernel's cc_list holds the default algorithm alone (see `CC`).
            if copied == ctx.release().default_cc() {
                Prediction::ok(RelativeValue::text(&copied), vec![&CC])
            } else if ctx.release() == Release::R13 {
                Prediction::err("EINVAL", vec![&CC])
            } else {
                Prediction::err("ESRCH", vec![&CC])
            }
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

pub fn predict(ctx: &Ctx<'_>, o: TcpOpt, request: &Request) -> Prediction {
    match o {
        TcpOpt::Nodelay => {
            let on = int(request).is_some_and(|v| v.value() != 0);
            Prediction::ok(RelativeValue::int(if on { 4 } else { 0 }), vec![&NODELAY_BIT])
        }
        TcpOpt::Maxseg => {
            let current = t_maxseg(ctx);
            match int(request) {
                None => Prediction::ok(RelativeValue::Int(current), vec![&MAXSEG_DEFAULT]),
                Some(v) => {
                    let minmss = ctx.sym("net.inet.tcp.minmss").value;
                    let n = v.value();
                    if n > 0 && n <= current.value() && n + 40 >= minmss {
                        Prediction::ok(RelativeValue::Int(v), vec![&MAXSEG])
                    } else {
                        Prediction::err("EINVAL", vec![&MAXSEG, &MAXSEG_DEFAULT])
                    }
                }
            }
        }
        TcpOpt::Keepidle => keeptime(
            ctx,
            "net.inet.tcp.keepidle",
            "net.inet.tcp.keepidle/1000",
            request,
        ),
        TcpOpt::Keepintvl => keeptime(
            ctx,
            "net.inet.tcp.keepintvl",
            "net.inet.tcp.keepintvl/1000",
            request,
        ),
        TcpOpt::Keepcnt => match int(request) {
            Some(v) if v.value() as i32 != 0 => Prediction::ok(
                RelativeValue::Int(v.map_value(|n| i128::from(n as i32))),
                vec![&KEEPCNT],
            ),
            _ => Prediction::ok(
                RelativeValue::Int(ctx.fact("net.inet.tcp.keepcnt")),
                vec![&KEEPCNT],
            ),
        },
        TcpOpt::Congestion => congestion(ctx, request),
        TcpOpt::Nopush | TcpOpt::Noopt => {
            let bit = if o == TcpOpt::Nopush { 0x1000 } else { 8 };
            let on = int(request).is_some_and(|v| v.value() != 0);
            Prediction::ok(
                RelativeValue::int(if on { bit } else { 0 }),
                vec![&NOPUSH_NOOPT_BIT],
            )
        }
        TcpOpt::Keepinit => keeptime(
            ctx,
            "net.inet.tcp.keepinit",
            "net.inet.tcp.keepinit/1000",
            request,
        ),
        TcpOpt::Fastopen => {
            let client = ctx.sym("net.inet.tcp.fastopen.client_enable").value != 0;
            let server = ctx.sym("net.inet.tcp.fastopen.server_enable").value != 0;
            match int(request).map(|v| v.value() as i32) {
                None => Prediction::ok(RelativeValue::int(0), vec![&FASTOPEN]),
                Some(_) if !client && !server => Prediction::err("EPERM", vec![&FASTOPEN]),
                Some(_) if ctx.state == State::Connected => Prediction::err("EINVAL", vec![&FASTOPEN]),
                Some(0) => Prediction::ok(RelativeValue::int(0), vec![&FASTOPEN]),
                Some(_) if ctx.state == State::Listening && !server => {
                    Prediction::err("EPERM", vec![&FASTOPEN])
                }
                Some(_) => Prediction::ok(RelativeValue::int(i128::from(i32::MIN)), vec![&FASTOPEN]),
            }
        }
        _ => crate::platform::gated(),
    }
}
