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
    pub const INQ: Rule = Rule {
        id: "linux.tcp.inq",
        formula: "v in {0, 1} else EINVAL; default 0",
        why: "TCP_INQ (report the bytes left to read with each recvmsg) takes only 0 or 1",
        source: "net/ipv4/tcp.c do_tcp_setsockopt case TCP_INQ 'if (val > 1 || val < 0) err = -EINVAL; else tp->recvmsg_inq = val', do_tcp_getsockopt 'val = tp->recvmsg_inq' (read at Debian 6.12.118)",
    };
    pub const SAVE_SYN: Rule = Rule {
        id: "linux.tcp.save_syn",
        formula: "0 <= v <= 2 else EINVAL; default 0",
        why: "TCP_SAVE_SYN keeps a connection's SYN for TCP_SAVED_SYN: 1 from the IP header, 2 from the link-layer header; other values are refused",
        source: "net/ipv4/tcp.c do_tcp_setsockopt case TCP_SAVE_SYN '/* 0: disable, 1: enable, 2: start from ether_header */ if (val < 0 || val > 2) err = -EINVAL; else tp->save_syn = val', do_tcp_getsockopt 'val = tp->save_syn' (read at Debian 6.12.118)",
    };
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
    pub const SYNCNT: Rule = Rule {
        id: "linux.tcp.syncnt",
        formula: "1 <= v <= 127 (MAX_TCP_SYNCNT), else EINVAL; unset: net.ipv4.tcp_syn_retries",
        why: "TCP_SYNCNT takes 1..MAX_TCP_SYNCNT SYN retransmits; until set (icsk_syn_retries 0) it reads the namespace's tcp_syn_retries",
        source: "net/ipv4/tcp.c tcp_sock_set_syncnt 'if (val < 1 || val > MAX_TCP_SYNCNT) return -EINVAL', do_tcp_getsockopt 'icsk_syn_retries ? : sysctl_tcp_syn_retries'; include/net/tcp.h MAX_TCP_SYNCNT 127",
    };
    pub const LINGER2: Rule = Rule {
        id: "linux.tcp.linger2",
        formula: "v < 0 => -1; v == 0 => net.ipv4.tcp_fin_timeout; v > 120 => 120; else v",
        why: "TCP_LINGER2 is kept in jiffies: a negative value is stored as -1 (no FIN-WAIT-2 wait), one above TCP_FIN_TIMEOUT_MAX (120 s) as that maximum, and 0 means 'the sysctl', which is what reads back",
        source: "net/ipv4/tcp.c do_tcp_setsockopt case TCP_LINGER2 'if (val < 0) linger2 = -1; else if (val > TCP_FIN_TIMEOUT_MAX / HZ) linger2 = TCP_FIN_TIMEOUT_MAX; else linger2 = val * HZ', do_tcp_getsockopt '(val ? : sysctl_tcp_fin_timeout) / HZ'; include/net/tcp.h TCP_FIN_TIMEOUT_MAX (120 * HZ)",
    };
    pub const DEFER_ACCEPT: Rule = Rule {
        id: "linux.tcp.defer_accept",
        formula: "retrans_to_secs(secs_to_retrans(v, 1, 120), 1, 120): v <= 0 => 0, else the first backoff total >= v (1, 3, 7, 15, 31, 63, 120 more each step; at most 255 steps)",
        why: "TCP_DEFER_ACCEPT is stored as a count of SYN-ACK retransmissions (initial timeout 1 s, doubling up to TCP_RTO_MAX 120 s, at most 255) and read back as the seconds that count lasts, so most values come back rounded up: 5 reads 7, 60 reads 63",
        source: "net/ipv4/tcp.c secs_to_retrans, retrans_to_secs, do_tcp_setsockopt / do_tcp_getsockopt case TCP_DEFER_ACCEPT; include/net/tcp.h TCP_TIMEOUT_INIT (1 s), TCP_RTO_MAX (120 s)",
    };
    pub const FASTOPEN_CONNECT: Rule = Rule {
        id: "linux.tcp.fastopen_connect",
        formula: "v not in {0, 1} => EINVAL; tcp_fastopen & 1 == 0 => EOPNOTSUPP; not TCP_CLOSE (listening, connected) => EINVAL; else v; default 0",
        why: "TCP_FASTOPEN_CONNECT takes 0 or 1, only while the client side of Fast Open is enabled (net.ipv4.tcp_fastopen bit 1) and only before connect or listen (a bound socket is still TCP_CLOSE)",
        source: "net/ipv4/tcp.c do_tcp_setsockopt case TCP_FASTOPEN_CONNECT 'if (val > 1 || val < 0) err = -EINVAL; else if (READ_ONCE(net->ipv4.sysctl_tcp_fastopen) & TFO_CLIENT_ENABLE) { if (sk->sk_state == TCP_CLOSE) tp->fastopen_connect = val; else err = -EINVAL; } else err = -EOPNOTSUPP', do_tcp_getsockopt 'val = tp->fastopen_connect'",
    };
    pub const FASTOPEN: Rule = Rule {
        id: "linux.tcp.fastopen",
        formula: "v < 0 or not TCP_CLOSE/TCP_LISTEN (connected) => EINVAL; else min(v, net.core.somaxconn); default 0",
        why: "on Linux TCP_FASTOPEN is a server's queue length for Fast Open requests, set before or after listen (not once connected) and capped at somaxconn; it reads back the queue length, 0 until set",
        source: "net/ipv4/tcp.c do_tcp_setsockopt case TCP_FASTOPEN 'if (val >= 0 && ((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN))) ... fastopen_queue_tune(sk, val); else err = -EINVAL', do_tcp_getsockopt 'fastopenq.max_qlen'; include/net/tcp.h fastopen_queue_tune 'min_t(unsigned int, backlog, somaxconn)'",
    };
    pub const CONGESTION_EPERM: Rule = Rule {
        id: "linux.tcp.congestion_eperm",
        formula: "EPERM",
        why: "an algorithm outside tcp_allowed_congestion_control needs CAP_NET_ADMIN",
        source: "net/ipv4/tcp_cong.c tcp_set_congestion_control",
    };
    pub const WINDOW_CLAMP: Rule = Rule {
        id: "linux.tcp.window_clamp",
        formula: "0: fresh or bound => 0, else EINVAL; v > 0 => max(v, SOCK_MIN_RCVBUF/2); default 0 until connected",
        why: "TCP_WINDOW_CLAMP caps the receive window the socket advertises; a set below SOCK_MIN_RCVBUF / 2 is raised to it, and 0 (no cap) is taken only while the socket is closed (TCP_CLOSE: not listening, not connected). Nothing sets the cap before a connection is made, so it reads 0 until then",
        source: "net/ipv4/tcp.c tcp_set_window_clamp ('if (!val) { if (sk->sk_state != TCP_CLOSE) return -EINVAL; ...}', 'new_window_clamp = max_t(int, SOCK_MIN_RCVBUF / 2, val)'), do_tcp_getsockopt 'val = READ_ONCE(tp->window_clamp)'; include/net/sock.h SOCK_MIN_RCVBUF (read at ColtPlus/linux-6.18.y 57218520)",
    };
    pub const WINDOW_CLAMP_UNSIGNED: Rule = Rule {
        id: "linux.tcp.window_clamp_negative_kept",
        formula: "before 6.15: v < 0 => v",
        why: "the floor test was `val < SOCK_MIN_RCVBUF / 2`, whose right side is a size_t: a negative int converts to a huge unsigned, is not below the floor, and is stored as a u32 whose bits read back as the same negative int. From 6.15 max_t(int, ...) compares as ints and raises it to the floor (the release is that of the commit's merge window: UNCONFIRMED by a 6.15 run; the kernel matrix runs 6.12 and 6.16 on either side)",
        source: "net/ipv4/tcp.c tcp_set_window_clamp 'u32 new_window_clamp = val < SOCK_MIN_RCVBUF / 2 ? SOCK_MIN_RCVBUF / 2 : val;' (unifreq/linux-6.1.y 525d1212a, shilei-massclouds/linux-6.12); include/net/sock.h 'SOCK_MIN_RCVBUF TCP_SKB_MIN_TRUESIZE' = (2048 + SKB_DATA_ALIGN(sizeof(struct sk_buff))); replaced by 'tcp: tcp_set_window_clamp() cleanup' (Eric Dumazet, net-next 2025-02-28)",
    };
    pub const WINDOW_CLAMP_CONNECTED: Rule = Rule {
        id: "linux.tcp.window_clamp_connected",
        formula: "connected, untouched: tcp_full_space = tcp_win_from_space(tcp_rmem[1]) (half of it), less advmss where net.ipv4.tcp_app_win asks",
        why: "when the handshake completes, tcp_init_buffer_space lowers the clamp tcp_select_initial_window set (U16_MAX << rcv_wscale, or 65535 without window scaling) to the window the receive buffer allows: tcp_win_from_space of sk_rcvbuf, which is tcp_rmem[1] on a new connection, scaled by the socket's scaling_ratio (TCP_DEFAULT_SCALING_RATIO, one half, until data comes in; before 6.6, space - (space >> tcp_adv_win_scale), also one half by default: the first release with scaling_ratio is UNCONFIRMED, 6.1 has none and 6.12 has it). On a small MTU tcp_app_win keeps room for one advmss more",
        source: "net/ipv4/tcp_input.c tcp_init_buffer_space ('maxwin = tcp_full_space(sk); if (tp->window_clamp >= maxwin) { ... }', 'if (tcp_app_win && tp->window_clamp > 2 * tp->advmss && tp->window_clamp + tp->advmss > maxwin) ...'); include/net/tcp.h tcp_full_space, tcp_win_from_space, TCP_DEFAULT_SCALING_RATIO; net/ipv4/tcp_output.c tcp_select_initial_window (read at ColtPlus/linux-6.18.y 57218520 and unifreq/linux-6.1.y 525d1212a)",
    };
    pub const REPAIR: Rule = Rule {
        id: "linux.tcp.repair",
        formula: "without CAP_NET_ADMIN or listening => EPERM; 1 on, 0 off, -1 off without a window probe => reads 1 / 0 / 0; else EINVAL; default 0",
        why: "TCP_REPAIR (CRIU's checkpoint and restore mode) is refused unless the caller has CAP_NET_ADMIN over the socket's network namespace and the socket is not listening (tcp_can_repair_sock); the read is tp->repair, 1 while on",
        source: "net/ipv4/tcp.c do_tcp_setsockopt case TCP_REPAIR 'if (!tcp_can_repair_sock(sk)) err = -EPERM; else if (val == TCP_REPAIR_ON) ... else if (val == TCP_REPAIR_OFF) ... else if (val == TCP_REPAIR_OFF_NO_WP) ... else err = -EINVAL', tcp_can_repair_sock 'sockopt_ns_capable(sock_net(sk)->user_ns, CAP_NET_ADMIN) && (sk->sk_state != TCP_LISTEN)', do_tcp_getsockopt 'case TCP_REPAIR: val = tp->repair' (torvalds/linux master; measured on 6.18)",
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
        TcpOpt::Syncnt => match int(request) {
            None => Prediction::ok(fact("tcp_syn_retries", h.tcp_syn_retries), vec![&SYNCNT]),
            Some(v) => ranged(v, 1, 127, &SYNCNT, &SYNCNT),
        },
        TcpOpt::Linger2 => {
            let value = match int(request).map(|v| v.value()) {
                Some(v) if v < 0 => RelativeValue::int(-1),
                Some(v) if v > 120 => RelativeValue::int(120),
                Some(v) if v > 0 => RelativeValue::int(v),
                _ => fact("tcp_fin_timeout", h.tcp_fin_timeout),
            };
            Prediction::ok(value, vec![&LINGER2])
        }
        // BSD names, and a Winsock ioctl, Linux's headers lack (the gate
        // answers them).
        TcpOpt::Nopush
        | TcpOpt::Noopt
        | TcpOpt::Keepinit
        | TcpOpt::Connectiontimeout
        | TcpOpt::Sendmoreacks
        | TcpOpt::EnableEcn
        | TcpOpt::RxtFindrop
        | TcpOpt::AckFrequency => crate::platform::gated(),
        TcpOpt::Inq => match int(request) {
            Some(v) => ranged(v, 0, 1, &INQ, &INQ),
            None => Prediction::ok(RelativeValue::int(0), vec![&INQ]),
        },
        TcpOpt::Repair => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&REPAIR]),
            Some(_) if !h.cap_net_admin || a.state == State::Listening => {
                Prediction::err("EPERM", vec![&REPAIR])
            }
            Some(v @ -1..=1) => Prediction::ok(RelativeValue::int(i128::from(v == 1)), vec![&REPAIR]),
            Some(_) => Prediction::err("EINVAL", vec![&REPAIR]),
        },
        TcpOpt::SaveSyn => match int(request) {
            Some(v) => ranged(v, 0, 2, &SAVE_SYN, &SAVE_SYN),
            None => Prediction::ok(RelativeValue::int(0), vec![&SAVE_SYN]),
        },
        TcpOpt::Fastopen => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&FASTOPEN]),
            Some(v) if v.value() < 0 || a.state == State::Connected => {
                Prediction::err("EINVAL", vec![&FASTOPEN])
            }
            Some(v) => Prediction::ok(
                RelativeValue::Int(v.min(Expr::of(Sym {
                    name: "somaxconn",
                    value: h.somaxconn,
                }))),
                vec![&FASTOPEN],
            ),
        },
        TcpOpt::FastopenConnect => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&FASTOPEN_CONNECT]),
            Some(v) if !(0..=1).contains(&v) => Prediction::err("EINVAL", vec![&FASTOPEN_CONNECT]),
            Some(_) if h.tcp_fastopen & 1 == 0 => Prediction::err("EOPNOTSUPP", vec![&FASTOPEN_CONNECT]),
            Some(_) if matches!(a.state, State::Listening | State::Connected) => {
                Prediction::err("EINVAL", vec![&FASTOPEN_CONNECT])
            }
            Some(v) => Prediction::ok(RelativeValue::int(v), vec![&FASTOPEN_CONNECT]),
        },
        TcpOpt::WindowClamp => window_clamp(a),
        TcpOpt::DeferAccept => {
            let secs = int(request).map_or(0, |v| v.value());
            let stored = secs_to_retrans(secs, 1, 120);
            Prediction::ok(
                RelativeValue::int(retrans_to_secs(stored, 1, 120)),
                vec![&DEFER_ACCEPT],
            )
        }
    }
}

/// net/ipv4/tcp.c secs_to_retrans: seconds as a count of retransmissions
/// whose timeout starts at `timeout` and doubles up to `rto_max` (a u8).
fn secs_to_retrans(seconds: i128, mut timeout: i128, rto_max: i128) -> u8 {
    let mut res: u8 = 0;
    if seconds > 0 {
        let mut period = timeout;
        res = 1;
        while seconds > period && res < 255 {
            res += 1;
            timeout = (timeout << 1).min(rto_max);
            period += timeout;
        }
    }
    res
}

/// net/ipv4/tcp.c retrans_to_secs: the seconds `retrans` retransmissions last.
fn retrans_to_secs(retrans: u8, mut timeout: i128, rto_max: i128) -> i128 {
    if retrans == 0 {
        return 0;
    }
    let mut period = timeout;
    for _ in 1..retrans {
        timeout = (timeout << 1).min(rto_max);
        period += timeout;
    }
    period
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
    let advmss = loopback_advmss(a);
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

/// The MSS a loopback connection advertises: the loopback MTU less the IP
/// and TCP headers, within what the IP header's length can say.
fn loopback_advmss(a: &Args<TcpOpt>) -> i128 {
    let h = a.facts;
    match a.kind.domain() {
        Domain::Ipv6 => (h.loopback_mtu - 60).min(65535 - 20),
        _ => (h.loopback_mtu - 40).min(65535 - 40),
    }
}

/// The first release whose TCP_WINDOW_CLAMP raises a negative value to
/// SOCK_MIN_RCVBUF / 2 ("tcp: tcp_set_window_clamp() cleanup").
pub const WINDOW_CLAMP_SIGNED_SINCE: (u32, u32) = (6, 15);

/// The first release whose tcp_win_from_space uses the socket's
/// scaling_ratio (half the buffer until data has come in) instead of
/// net.ipv4.tcp_adv_win_scale.
const SCALING_RATIO_SINCE: (u32, u32) = (6, 6);

fn window_clamp(a: &Args<TcpOpt>) -> Prediction {
    let floor = || Sym {
        name: "SOCK_MIN_RCVBUF/2",
        value: a.facts.min_rcvbuf().value / 2,
    };
    match int(a.request).map(|v| v.value()) {
        None if a.state == State::Connected => Prediction::ok(
            RelativeValue::Int(Expr::of(connected_window_clamp(a))),
            vec![&WINDOW_CLAMP_CONNECTED],
        ),
        None => Prediction::ok(RelativeValue::int(0), vec![&WINDOW_CLAMP]),
        // Only a closed socket (fresh or bound) may drop its clamp.
        Some(0) if matches!(a.state, State::Fresh | State::Bound) => {
            Prediction::ok(RelativeValue::int(0), vec![&WINDOW_CLAMP])
        }
        Some(0) => Prediction::err("EINVAL", vec![&WINDOW_CLAMP]),
        Some(v) if v < 0 && a.facts.kernel_version < WINDOW_CLAMP_SIGNED_SINCE => {
            Prediction::ok(RelativeValue::int(v), vec![&WINDOW_CLAMP_UNSIGNED])
        }
        Some(v) if v < floor().value => {
            Prediction::ok(RelativeValue::Int(Expr::of(floor())), vec![&WINDOW_CLAMP])
        }
        Some(v) => Prediction::ok(RelativeValue::int(v), vec![&WINDOW_CLAMP]),
    }
}

/// The clamp tcp_init_buffer_space leaves on a connection that has just
/// been made: the window its receive buffer (tcp_rmem[1]) allows, less the
/// room tcp_app_win keeps for the application on a small MTU.
fn connected_window_clamp(a: &Args<TcpOpt>) -> Sym {
    let h = a.facts;
    let space = h.tcp_rmem[1];
    let maxwin = match h.kernel_version >= SCALING_RATIO_SINCE {
        // TCP_DEFAULT_SCALING_RATIO: 128 / 256.
        true => (space * 128) >> 8,
        false if h.tcp_adv_win_scale <= 0 => space >> -h.tcp_adv_win_scale,
        false => space - (space >> h.tcp_adv_win_scale),
    };
    let advmss = loopback_advmss(a);
    // tcp_select_initial_window: without window scaling the clamp starts
    // at what an unscaled window can say.
    let start = if h.tcp_window_scaling == 0 {
        65535
    } else {
        i128::MAX
    };
    let (mut clamp, mut name) = (start, "65535");
    if clamp >= maxwin {
        (clamp, name) = (maxwin, "tcp_full_space");
        if h.tcp_app_win != 0 && maxwin > 4 * advmss {
            clamp = (maxwin - (maxwin >> h.tcp_app_win.min(127))).max(4 * advmss);
            name = "tcp_full_space-app_win";
        }
    }
    if h.tcp_app_win != 0 && clamp > 2 * advmss && clamp + advmss > maxwin {
        clamp = (2 * advmss).max(maxwin - advmss);
        name = "tcp_full_space-advmss";
    }
    Sym { name, value: clamp }
}
