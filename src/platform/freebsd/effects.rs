//! Effects on FreeBSD: what a read shows after other options were set and
//! the socket went on (connected, carried traffic, or was cloned by
//! accept). The sets are predicted by the ordinary per-option model; this
//! file adds what links them: sbsetopt's low-water cap, tcp_mss's rounding
//! when a connection is set up, and what the clone of a listening socket
//! (sonewconn / solisten_clone, then syncache_socket for TCP) copies.

use super::facts::Release;
use super::shared::src;
use super::socket::{mss_rounded, BUF_TCP_MSS_ROUND};
use super::FreeBsd;
use crate::api::Api;
use crate::case::{Case, Request};
use crate::effect::{Effect, Procedure};
use crate::expr::Expr;
use crate::kind::{Kind, State};
use crate::option::{BufferOpt, IpOpt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::collections::BTreeMap;

const RCVBUF: Opt = Opt::Buffer(BufferOpt::Rcvbuf);
const RCVLOWAT: Opt = Opt::Socket(SocketOpt::Rcvlowat);

crate::rules! {
    pub const LOWAT_CAPPED: Rule = Rule {
        id: "freebsd.effect.lowat_capped_by_buffer",
        formula: "lowat = min(lowat, rcvbuf as set)",
        why: "sbsetopt caps a low-water mark at the buffer's high-water mark as it stands, so after SO_RCVBUF the cap is the size that was set",
        source: src!(F13, "sys/kern/uipc_sockbuf.c sbsetopt '*lowat = (cc > *hiwat) ? *hiwat : cc'"),
    };
    pub const LOWAT_NEVER_GROWS: Rule = Rule {
        id: "freebsd.effect.lowat_never_grows_buffer",
        formula: "rcvbuf unchanged by SO_RCVLOWAT",
        why: "unlike Linux's tcp_set_rcvlowat, FreeBSD never grows a buffer to meet a low-water mark: sbsetopt caps the mark at the buffer instead",
        source: src!(F13, "sys/kern/uipc_sockbuf.c sbsetopt case SO_RCVLOWAT"),
    };
    pub const SET_SIZE_ROUNDED: Rule = Rule {
        id: "freebsd.effect.set_size_rounded_at_connect",
        formula: "tcp: roundup(size set, mss) once connected (if size > mss; capped at sb_max); unix: the size set",
        why: "a size set before the connection is set up still goes through tcp_mss, which rounds both buffers up to a whole number of segments whatever set them; the set cleared SB_AUTOSIZE, so traffic grows them no further. Unix stream sockets have no such step and keep the size",
        source: src!(F13, "sys/netinet/tcp_input.c tcp_mss 'bufsize = roundup(bufsize, mss)'; sys/kern/uipc_sockbuf.c sbsetopt '*flags &= ~SB_AUTOSIZE'"),
    };
    pub const MSS_RECOMPUTED: Rule = Rule {
        id: "freebsd.effect.mss_recomputed_at_connect",
        formula: "maxseg = the connection's own MSS",
        why: "tcp_mss_update sets t_maxseg from the route's MTU and the peer's offer when the connection is set up, over any value set before; FreeBSD's SYN advertises tcp_mssopt, not t_maxseg",
        source: src!(F13, "sys/netinet/tcp_input.c tcp_mss_update 'tp->t_maxseg = mss'; sys/netinet/tcp_output.c tcp_output 'to.to_mss = tcp_mssopt(&tp->t_inpcb->inp_inc)'"),
    };
    pub const TOS_KEPT: Rule = Rule {
        id: "freebsd.effect.tos_kept",
        formula: "inp_ip_tos as set",
        why: "connect does not touch inp_ip_tos; ECN marks are added to each packet by tcp_output, never stored in the socket's TOS",
        source: src!(F13, "sys/netinet/tcp_output.c tcp_output (ECN bits per packet); sys/netinet/ip_output.c ip_ctloutput case IP_TOS"),
    };
    pub const ACCEPT_SOCKET_CLONE: Rule = Rule {
        id: "freebsd.effect.accept_clones_socket_layer",
        formula: "accepted = listener's linger, buffer sizes, low-water marks, timeouts; so_options: all (13), SO_KEEPALIVE/SO_DONTROUTE/SO_LINGER/SO_OOBINLINE/SO_NOSIGPIPE (14+)",
        why: "the socket accept() returns is made from the listener: so_linger, soreserve with the listener's sol_sb*_hiwat, sol_sb*_lowat, sol_sb*_timeo and its SB_AUTOSIZE bits, and so_options (13: all but SO_ACCEPTCONN; from 14 only a list of 'meaningful' ones). Unix stream sockets are cloned the same way by unp_connectat",
        source: concat!(
            src!(F13, "sys/kern/uipc_socket.c sonewconn 'so->so_options = head->so_options & ~SO_ACCEPTCONN', the same at releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c); sys/kern/uipc_usrreq.c unp_connectat 'so2 = sonewconn(so2, 0)'"),
            "; ",
            src!(S14, "sys/kern/uipc_socket.c solisten_clone 'so->so_options = head->so_options & (SO_KEEPALIVE | SO_DONTROUTE | SO_LINGER | SO_OOBINLINE | SO_NOSIGPIPE)'")
        ),
    };
    pub const ACCEPT_TIMEO_LOST_13: Rule = Rule {
        id: "freebsd.effect.accept_timeo_set_after_listen_lost_13",
        formula: "13: accepted SO_RCVTIMEO/SO_SNDTIMEO = the listener's at listen() (a set after listen is not carried over)",
        why: "on 13 sosetopt and sogetopt keep a timeout in so_rcv/so_snd.sb_timeo even on a listening socket, where those bytes are shared (a union) with the sol_* fields, so the listener reads back what was set; but sonewconn copies sol_sb*_timeo, which solisten_proto saved when listen() ran: a timeout set after listen never reaches the accepted socket. 14 sets and reads sol_sb*_timeo on a listener, so it is carried over",
        source: concat!(
            src!(F13, "sys/kern/uipc_socket.c sosetopt case SO_RCVTIMEO 'so->so_rcv.sb_timeo = val', sonewconn 'so->so_rcv.sb_timeo = head->sol_sbrcv_timeo', solisten_proto; the same at releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c)"),
            "; ",
            src!(S14, "sys/kern/uipc_socket.c sosetopt '(SOLISTENING(so) ? &so->sol_sbrcv_timeo : &so->so_rcv.sb_timeo)'")
        ),
    };
    pub const ACCEPT_REUSE_NOT_INHERITED: Rule = Rule {
        id: "freebsd.effect.accept_reuse_not_inherited",
        formula: "14+: accepted SO_REUSEADDR / SO_REUSEPORT = 0",
        why: "from 14 solisten_clone copies only SO_KEEPALIVE, SO_DONTROUTE, SO_LINGER, SO_OOBINLINE and SO_NOSIGPIPE ('FreeBSD had historically inherited all so_options ... we will inherit a list of meaningful options'), so the reuse flags read 0 on the accepted socket; 13 copied them",
        source: src!(S14, "sys/kern/uipc_socket.c solisten_clone"),
    };
    pub const ACCEPT_UNIX_BUFFERS_RESET: Rule = Rule {
        id: "freebsd.effect.accept_unix_buffers_reset",
        formula: "15: accepted unix stream buffers = net.local.stream.{send,recv}space",
        why: "in main uipc_listen gives the listener's buffers back (chgsbsize to 0) before solisten_proto saves them, and uipc_attach reserves the sysctl defaults for the clone without looking at what it inherited (read in a main fork, blubskye/freebsd-src@0c964205 era; exact release UNCONFIRMED, taken as 15)",
        source: "freebsd/freebsd-src main (fork The-Capable-Hub@345685d5) sys/kern/uipc_usrreq.c uipc_listen 'chgsbsize(..., &so->so_snd.sb_hiwat, 0, RLIM_INFINITY)', uipc_attach 'error = soreserve(so, sendspace, recvspace)', unp_connectat 'so2 = solisten_clone(so2)'",
    };
    pub const ACCEPT_TCP_COPIES: Rule = Rule {
        id: "freebsd.effect.accept_copies_tcp_flags_and_keepalive",
        formula: "accepted = listener's TF_NODELAY / TF_NOPUSH and keepalive timers",
        why: "syncache_socket copies the listener's TF_NOPUSH|TF_NODELAY and its t_keepinit/t_keepidle/t_keepintvl/t_keepcnt into the new connection",
        source: src!(F13, "sys/netinet/tcp_syncache.c syncache_socket 'tp->t_flags = sototcpcb(lso)->t_flags & (TF_NOPUSH|TF_NODELAY)' and 'tp->t_keepidle = sototcpcb(lso)->t_keepidle'"),
    };
    pub const ACCEPT_TOS: Rule = Rule {
        id: "freebsd.effect.accept_tos",
        formula: "tcp4: accepted IP_TOS = listener's",
        why: "syncache_add records the listener's inp_ip_tos (and TTL) for the SYN-ACK and syncache_socket gives them to the new connection",
        source: src!(F13, "sys/netinet/tcp_syncache.c syncache_add 'ip_tos = inp->inp_ip_tos', syncache_socket 'inp->inp_ip_tos = sc->sc_ip_tos'"),
    };
    pub const ACCEPT_CC_DEFAULT: Rule = Rule {
        id: "freebsd.effect.accept_cc_default",
        formula: "13, 14: accepted TCP_CONGESTION = net.inet.tcp.cc.algorithm",
        why: "syncache_socket makes the connection's tcpcb anew with the default algorithm and copies no congestion control from the listener",
        source: concat!(
            src!(F13, "sys/netinet/tcp_subr.c tcp_newtcpcb 'CC_ALGO(tp) = CC_DEFAULT()'; sys/netinet/tcp_syncache.c syncache_socket"),
            "; ",
            src!(S14, "sys/netinet/tcp_subr.c tcp_newtcpcb 'cc_attach(tp, CC_DEFAULT_ALGO())'")
        ),
    };
    pub const ACCEPT_CC_INHERITED: Rule = Rule {
        id: "freebsd.effect.accept_cc_inherited",
        formula: "15: accepted TCP_CONGESTION = listener's",
        why: "in main syncache_socket passes the listener to tcp_newtcpcb, which takes its function block and its congestion control ('CC_ALGO(tp) = CC_ALGO(listening_tcb)'); read in main forks, exact release UNCONFIRMED, taken as 15",
        source: "freebsd/freebsd-src main (fork DominoTree@edaa699b) sys/netinet/tcp_subr.c tcp_newtcpcb; (fork blubskye@0c964205) sys/netinet/tcp_syncache.c syncache_socket 'tcp_newtcpcb(inp, sototcpcb(lso))'",
    };
}

/// The per-option model's answer for one request (the gate included).
fn option(fb: &FreeBsd, spec: &'static OptionSpec, kind: Kind, state: State, request: Request) -> Prediction {
    match Case::of(spec, kind, state, Api::Raw, request) {
        Ok(case) => crate::predict::predict(&case, fb),
        Err(_) => crate::platform::gated(),
    }
}

pub fn predict(effect: &Effect, kind: Kind, fb: &FreeBsd) -> Prediction {
    let first = match effect.procedure {
        Procedure::Accepted => State::Listening,
        _ => State::Fresh,
    };
    // What the sets left on the socket, as far as the reads care.
    let mut sim: BTreeMap<Opt, (RelativeValue, Vec<&'static Rule>)> = BTreeMap::new();
    for (spec, request) in effect.set_requests() {
        let p = option(fb, spec, kind, first, request.clone());
        let Expected::Ok(val) = p.expected.clone() else {
            return p;
        };
        let entry = match (spec.read_back, sim.get(&RCVBUF), &request) {
            (RCVLOWAT, Some((rcvbuf, _)), Request::Set(RelativeValue::Int(asked))) => match rcvbuf.as_int() {
                Some(hiwat) => (RelativeValue::Int(asked.min(hiwat)), vec![&LOWAT_CAPPED]),
                None => (val, p.rules),
            },
            _ => (val, p.rules),
        };
        sim.insert(spec.read_back, entry);
    }
    let read = effect.read_option();
    let set = sim.remove(&read.id);
    let plain = |state| option(fb, read, kind, state, Request::Default);
    match (effect.procedure, set) {
        (Procedure::Fresh, Some((v, rules))) => Prediction::ok(v, rules),
        (Procedure::Fresh, None) if read.id == RCVBUF => with(plain(State::Fresh), &LOWAT_NEVER_GROWS),
        (Procedure::Fresh, None) => plain(State::Fresh),
        (_, None) => plain(State::Connected),
        (Procedure::ConnectAndTransfer, Some((v, rules))) => after_connect(fb, read, kind, v, rules),
        (Procedure::Accepted, Some((v, rules))) => accepted(fb, read, kind, v, rules),
    }
}

fn with(mut p: Prediction, rule: &'static Rule) -> Prediction {
    p.rules.push(rule);
    p
}

/// The read's value on a connected socket that nothing was set on, and the
/// rule that says why the set value is not what it reads.
fn connected_default(fb: &FreeBsd, read: &'static OptionSpec, kind: Kind, rule: &'static Rule) -> Prediction {
    with(option(fb, read, kind, State::Connected, Request::Default), rule)
}

/// A buffer size `v` once tcp_mss has seen it (TCP), or as it was (unix);
/// `None` where it stays as it was.
fn connected_size(fb: &FreeBsd, kind: Kind, v: &RelativeValue) -> Option<RelativeValue> {
    let ctx = fb.ctx(kind, State::Connected, &crate::platform::kit::READ);
    let size = v.as_int().filter(|_| kind.is_tcp())?;
    mss_rounded(&ctx, size.value()).map(|r| RelativeValue::Int(Expr::lit(r)))
}

fn after_connect(
    fb: &FreeBsd,
    read: &'static OptionSpec,
    kind: Kind,
    v: RelativeValue,
    mut rules: Vec<&'static Rule>,
) -> Prediction {
    match read.id {
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf) => {
            rules.push(&SET_SIZE_ROUNDED);
            Prediction::ok(connected_size(fb, kind, &v).unwrap_or(v), rules)
        }
        Opt::Tcp(TcpOpt::Maxseg) => connected_default(fb, read, kind, &MSS_RECOMPUTED),
        Opt::Ip(IpOpt::Tos) => {
            rules.push(&TOS_KEPT);
            Prediction::ok(v, rules)
        }
        _ => crate::platform::gated(),
    }
}

fn accepted(
    fb: &FreeBsd,
    read: &'static OptionSpec,
    kind: Kind,
    v: RelativeValue,
    mut rules: Vec<&'static Rule>,
) -> Prediction {
    match read.id {
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf)
            if !kind.is_tcp() && fb.release_era() >= Release::R15 =>
        {
            connected_default(fb, read, kind, &ACCEPT_UNIX_BUFFERS_RESET)
        }
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf) => {
            rules.push(&ACCEPT_SOCKET_CLONE);
            match connected_size(fb, kind, &v) {
                Some(rounded) => {
                    rules.push(&BUF_TCP_MSS_ROUND);
                    Prediction::ok(rounded, rules)
                }
                None => Prediction::ok(v, rules),
            }
        }
        Opt::Socket(SocketOpt::Rcvtimeo | SocketOpt::Sndtimeo) if !fb.release_era().fourteen_or_later() => {
            connected_default(fb, read, kind, &ACCEPT_TIMEO_LOST_13)
        }
        Opt::Socket(SocketOpt::Reuseaddr | SocketOpt::Reuseport) if fb.release_era().fourteen_or_later() => {
            connected_default(fb, read, kind, &ACCEPT_REUSE_NOT_INHERITED)
        }
        Opt::Socket(
            SocketOpt::Keepalive
            | SocketOpt::Reuseaddr
            | SocketOpt::Reuseport
            | SocketOpt::Linger
            | SocketOpt::Rcvtimeo
            | SocketOpt::Sndtimeo
            | SocketOpt::Rcvlowat
            | SocketOpt::Sndlowat,
        ) => {
            rules.push(&ACCEPT_SOCKET_CLONE);
            Prediction::ok(v, rules)
        }
        Opt::Tcp(TcpOpt::Nodelay | TcpOpt::Keepidle | TcpOpt::Keepintvl | TcpOpt::Keepcnt) => {
            rules.push(&ACCEPT_TCP_COPIES);
            Prediction::ok(v, rules)
        }
        Opt::Tcp(TcpOpt::Maxseg) => connected_default(fb, read, kind, &MSS_RECOMPUTED),
        Opt::Tcp(TcpOpt::Congestion) if fb.release_era() >= Release::R15 => {
            rules.push(&ACCEPT_CC_INHERITED);
            Prediction::ok(v, rules)
        }
        Opt::Tcp(TcpOpt::Congestion) => connected_default(fb, read, kind, &ACCEPT_CC_DEFAULT),
        Opt::Ip(IpOpt::Tos) => {
            rules.push(&ACCEPT_TOS);
            Prediction::ok(v, rules)
        }
        _ => crate::platform::gated(),
    }
}
