//! Effects on Linux: what a read shows after other options were set and the
//! socket went on (connected, carried traffic, or was cloned by accept).
//! The sets themselves are predicted by the ordinary per-option model; this
//! file adds what links them.

use super::buffers::tcp_sndbuf_expanded;
use super::facts::LinuxFacts;
use super::options;
use super::shared::Args;
use super::tcp::loopback_mss_cache;
use crate::case::Request;
use crate::effect::{Effect, Procedure};
use crate::expr::{Expr, Sym};
use crate::option::OptionSpec;
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, SocketOpt, TcpOpt};

const RCVBUF: Opt = Opt::Buffer(BufferOpt::Rcvbuf);
const RCVLOWAT: Opt = Opt::Socket(SocketOpt::Rcvlowat);
use crate::kind::{Domain, Kind, State};
use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::collections::BTreeMap;

crate::rules! {
    pub const RCVLOWAT_RAISES_RCVBUF: Rule = Rule {
        id: "linux.effect.rcvlowat_raises_rcvbuf",
        formula: "rcvbuf = max(rcvbuf, 2*min(lowat, tcp_rmem[2]/2)) unless SO_RCVBUF locked it",
        why: "TCP grows an unlocked receive buffer so that a low-water mark of that many bytes can be met (space_from_win doubles the window)",
        source: "net/ipv4/tcp.c tcp_set_rcvlowat",
    };
    pub const RCVLOWAT_CAPPED_BY_LOCK: Rule = Rule {
        id: "linux.effect.rcvlowat_capped_by_locked_rcvbuf",
        formula: "lowat = min(lowat, rcvbuf/2) when SO_RCVBUF was set",
        why: "with the receive buffer locked TCP cannot grow it, so the low-water mark is capped at half of it instead",
        source: "net/ipv4/tcp.c tcp_set_rcvlowat",
    };
    pub const LOCK_KEPT: Rule = Rule {
        id: "linux.effect.buffer_lock_kept",
        formula: "set size survives connect and traffic",
        why: "setting SO_SNDBUF/SO_RCVBUF sets SOCK_*BUF_LOCK, which turns off TCP's buffer autotuning for good",
        source: "net/core/sock.c sk_setsockopt (sk_userlocks); net/ipv4/tcp_input.c tcp_init_buffer_space, tcp_rcv_space_adjust",
    };
    pub const USER_MSS_CLAMPS: Rule = Rule {
        id: "linux.effect.user_mss_clamps",
        formula: "mss_cache = min(user_mss - timestamps, mss_cache)",
        why: "a user MSS is advertised in the SYN and clamps both ends' MSS; the 12-byte timestamp option comes off it",
        source: "net/ipv4/tcp_output.c tcp_advertise_mss, tcp_sync_mss; net/ipv4/tcp_input.c tcp_parse_options",
    };
    pub const TOS_KEPT: Rule = Rule {
        id: "linux.effect.tos_kept",
        formula: "tos | (tcp_ecn == 1 ? ECT(0) : 0)",
        why: "the TOS set before connect is kept; with net.ipv4.tcp_ecn = 1 the client asks for ECN and TCP marks ECT(0) in the low bits (UNCONFIRMED: only tcp_ecn = 2 was measured)",
        source: "net/ipv4/tcp_output.c tcp_ecn_send_syn; include/net/inet_ecn.h INET_ECN_xmit",
    };
    pub const ACCEPT_CLONES: Rule = Rule {
        id: "linux.effect.accept_clones_listener",
        formula: "accepted = listener's value",
        why: "a TCP socket from accept() is a copy of the listener (sk_clone_lock), so options set on the listener carry over",
        source: "net/core/sock.c sk_clone_lock; net/ipv4/inet_connection_sock.c inet_csk_clone_lock",
    };
    pub const ACCEPT_PRIORITY: Rule = Rule {
        id: "linux.effect.accept_priority_reset",
        formula: "0",
        why: "the accepted socket's priority is not the listener's: it is taken from the incoming SYN, 0 on loopback (measured on 6.18; source line UNCONFIRMED)",
        source: "net/ipv4/tcp_ipv4.c tcp_v4_syn_recv_sock; net/ipv6/tcp_ipv6.c tcp_v6_syn_recv_sock",
    };
    pub const ACCEPT_SNDBUF_EXPANDED: Rule = Rule {
        id: "linux.effect.accept_sndbuf_expanded",
        formula: "tcp_sndbuf_expanded unless locked",
        why: "the accepted socket sets up its own buffers when the handshake completes, growing an unlocked send buffer like any connected socket",
        source: "net/ipv4/tcp_input.c tcp_init_buffer_space, tcp_sndbuf_expand",
    };
    pub const ACCEPT_UNIX_FRESH: Rule = Rule {
        id: "linux.effect.accept_unix_fresh",
        formula: "accepted = a new socket's defaults",
        why: "a unix stream socket from accept() is created anew in connect (unix_create1), not copied from the listener: nothing set on the listener carries over",
        source: "net/unix/af_unix.c unix_stream_connect",
    };
}

/// What the sets left on the socket, as far as the reads care.
#[derive(Default)]
struct Sim {
    values: BTreeMap<Opt, (RelativeValue, Vec<&'static Rule>)>,
    rcvbuf_locked: bool,
}

pub fn predict(effect: &Effect, kind: Kind, facts: &LinuxFacts) -> Prediction {
    let first = match effect.procedure {
        Procedure::Accepted => State::Listening,
        _ => State::Fresh,
    };
    let mut sim = Sim::default();
    for (option, request) in effect.set_requests() {
        let p = options::predict(option, kind, first, &request, facts);
        let Expected::Ok(val) = p.expected.clone() else {
            return p;
        };
        if let Some(p) = apply(&mut sim, option, &request, val, p.rules, kind, facts) {
            return p;
        }
    }
    let read = effect.read_option();
    let set = sim.values.get(&read.id).cloned();
    let plain = |state| options::predict(read, kind, state, &Request::Default, facts);
    match effect.procedure {
        Procedure::Fresh => set.map_or_else(|| plain(State::Fresh), |(v, r)| Prediction::ok(v, r)),
        Procedure::ConnectAndTransfer => after_connect(read, set, kind, facts),
        Procedure::Accepted if kind.domain() == Domain::Unix => {
            let mut p = plain(State::Connected);
            p.rules.push(&ACCEPT_UNIX_FRESH);
            p
        }
        Procedure::Accepted => accepted(read, set, kind, facts),
    }
}

/// Records a set; returns a prediction when the set links to another value.
fn apply(
    sim: &mut Sim,
    option: &OptionSpec,
    request: &Request,
    val: RelativeValue,
    rules: Vec<&'static Rule>,
    kind: Kind,
    h: &LinuxFacts,
) -> Option<Prediction> {
    match option.read_back {
        RCVBUF => sim.rcvbuf_locked = true,
        // One bit for both: what IPV6_FREEBIND set, IP_FREEBIND reads.
        Opt::Ipv6(Ipv6Opt::Freebind) => {
            let mut shared = rules.clone();
            shared.push(&super::ipv6::FREEBIND6);
            sim.values.insert(Opt::Ip(IpOpt::Freebind), (val.clone(), shared));
        }
        RCVLOWAT if kind.is_tcp() => {
            let asked = match request {
                Request::Set(RelativeValue::Int(v)) if v.value() < 0 => Expr::lit(i32::MAX.into()),
                Request::Set(RelativeValue::Int(v)) => *v,
                _ => return None,
            };
            if sim.rcvbuf_locked {
                let (rcvbuf, _) = sim.values.get(&RCVBUF)?.clone();
                let half = rcvbuf.as_int()?.value() / 2;
                let lowat = asked.min(Expr::of(Sym {
                    name: "rcvbuf/2",
                    value: half,
                }));
                sim.values.insert(
                    RCVLOWAT,
                    (RelativeValue::Int(lowat), vec![&RCVLOWAT_CAPPED_BY_LOCK]),
                );
            } else {
                let lowat = val.as_int()?;
                let grown = lowat.times(2);
                let current = Expr::of(h.tcp_rmem_default());
                sim.values.insert(RCVLOWAT, (val, rules));
                sim.values.insert(
                    RCVBUF,
                    (
                        RelativeValue::Int(current.max(grown)),
                        vec![&RCVLOWAT_RAISES_RCVBUF],
                    ),
                );
            }
            return None;
        }
        _ => {}
    }
    sim.values.insert(option.read_back, (val, rules));
    None
}

fn after_connect(
    read: &OptionSpec,
    set: Option<(RelativeValue, Vec<&'static Rule>)>,
    kind: Kind,
    h: &LinuxFacts,
) -> Prediction {
    let Some((val, mut rules)) = set else {
        return options::predict(read, kind, State::Connected, &Request::Default, h);
    };
    match read.id {
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf) => {
            rules.push(&LOCK_KEPT);
            Prediction::ok(val, rules)
        }
        Opt::Tcp(TcpOpt::Maxseg) => Prediction::ok(clamped_mss(&val, kind, h), vec![&USER_MSS_CLAMPS]),
        Opt::Ip(IpOpt::Tos) => {
            let ect = if h.tcp_ecn == 1 { 2 } else { 0 };
            let tos = val
                .as_int()
                .map_or(val.clone(), |t| RelativeValue::Int(t.map_value(|v| v | ect)));
            Prediction::ok(tos, vec![&TOS_KEPT])
        }
        _ => Prediction::ok(val, rules),
    }
}

fn accepted(
    read: &OptionSpec,
    set: Option<(RelativeValue, Vec<&'static Rule>)>,
    kind: Kind,
    h: &LinuxFacts,
) -> Prediction {
    match (read.id, set) {
        (Opt::Socket(SocketOpt::Priority), _) => {
            Prediction::ok(RelativeValue::int(0), vec![&ACCEPT_PRIORITY])
        }
        (Opt::Tcp(TcpOpt::Maxseg), Some((val, _))) => {
            Prediction::ok(clamped_mss(&val, kind, h), vec![&USER_MSS_CLAMPS])
        }
        (Opt::Buffer(BufferOpt::Sndbuf), None) => Prediction::ok(
            RelativeValue::Int(Expr::of(tcp_sndbuf_expanded(kind, h))),
            vec![&ACCEPT_SNDBUF_EXPANDED],
        ),
        (_, Some((val, mut rules))) => {
            rules.push(&ACCEPT_CLONES);
            Prediction::ok(val, rules)
        }
        (_, None) => options::predict(read, kind, State::Connected, &Request::Default, h),
    }
}

/// A connection whose SYN carried `user_mss`.
fn clamped_mss(user_mss: &RelativeValue, kind: Kind, h: &LinuxFacts) -> RelativeValue {
    let timestamps = if h.tcp_timestamps != 0 { 12 } else { 0 };
    let args = Args {
        opt: TcpOpt::Maxseg,
        kind,
        state: State::Connected,
        api: crate::api::Api::Raw,
        request: &Request::Default,
        facts: h,
    };
    let natural = Expr::of(loopback_mss_cache(&args));
    match user_mss.as_int() {
        Some(u) if u.value() > 0 => RelativeValue::Int(u.plus(-timestamps).min(natural)),
        _ => RelativeValue::Int(natural),
    }
}
