//! What a FreeBSD UDP buffer holds, where it can be predicted: a queued
//! datagram is charged its payload and the sender's address (the
//! MT_SONAME mbuf sbappendaddr puts in front of it) against the receive
//! buffer's high-water mark, which is never doubled.

use super::shared::src;
use super::socket::{self, BUF_EINVAL, BUF_ENOBUFS};
use super::FreeBsd;
use crate::capacity::{Capacity, Side, MESSAGE};
use crate::kind::{Kind, State};
use crate::rule::Rule;

crate::rules! {
    pub const UDP_RECEIVE: Rule = Rule {
        id: "freebsd.capacity.udp_receive",
        formula: "floor(rcvbuf / (1024 + sa_len)) datagrams, sa_len = 16 (udp4) / 28 (udp6)",
        why: "udp_append queues a datagram with sbappendaddr_locked, which refuses it when payload + the sender's address length exceed sbspace = hiwat - sb_ccc (sb_ccc counts the address mbuf too); the mbuf bound (sb_mbmax = 8 x hiwat) is far looser for 1 KiB datagrams, and a datagram that does not fit is dropped even on an empty queue",
        source: src!(F13, "sys/kern/uipc_sockbuf.c sbappendaddr_locked 'if (space > sbspace(sb)) return (0)', sballoc 'sb->sb_ccc += m->m_len'; sys/sys/sockbuf.h sbspace; sys/netinet/udp_usrreq.c udp_append"),
    };
    pub const UDP_SEND_UNBOUNDED: Rule = Rule {
        id: "freebsd.capacity.udp_send_unbounded",
        formula: "sndbuf >= 1024: never EAGAIN",
        why: "udp_output hands a datagram to IP at once, so the send buffer never holds one and a non-reading peer never pushes back on the sender (its own buffer drops instead)",
        source: src!(F13, "sys/kern/uipc_socket.c sosend_dgram; sys/netinet/udp_usrreq.c udp_output"),
    };
    pub const UDP_SEND_EMSGSIZE: Rule = Rule {
        id: "freebsd.capacity.udp_send_emsgsize",
        formula: "sndbuf < 1024: every send EMSGSIZE",
        why: "sosend_dgram refuses a datagram longer than the send buffer's space (its high-water mark, as the buffer is always empty) with EMSGSIZE: SO_SNDBUF is the largest UDP datagram a FreeBSD socket sends",
        source: src!(F13, "sys/kern/uipc_socket.c sosend_dgram 'space = sbspace(&so->so_snd); ... if (resid > space) { error = EMSGSIZE;'"),
    };
    pub const MEASURED_ONLY: Rule = Rule {
        id: "freebsd.capacity.measured_only",
        formula: "?",
        why: "not modelled: stream capacity depends on segment sizes, the peer's window and autosizing, and unix datagram accounting was not read; reported, not predicted",
        source: "-",
    };
}

/// The predicted capacity of a UDP buffer with `requested` set (None: the
/// default), and the rule that says so.
pub fn predict(
    fb: &FreeBsd,
    kind: Kind,
    side: Side,
    requested: Option<i32>,
) -> (Option<Capacity>, &'static Rule) {
    let sa_len: u64 = match kind {
        Kind::Udp4 => 16,
        Kind::Udp6 => 28,
        _ => return (None, &MEASURED_ONLY),
    };
    // The buffer sizes of the per-option model: its default sysctl and limit.
    let ctx = fb.ctx(kind, State::Connected, &crate::platform::kit::READ);
    let buffer_side = match side {
        Side::Send => socket::Side::Send,
        Side::Receive => socket::Side::Recv,
    };
    let hiwat = match requested.map(i128::from) {
        None => ctx.sym(socket::default_sysctl(&ctx, buffer_side)).value,
        Some(v) if v < 1 => return (None, &BUF_EINVAL),
        Some(v) if v > socket::sb_max_adj(&ctx).value => return (None, &BUF_ENOBUFS),
        Some(v) => v,
    };
    let hiwat = u64::try_from(hiwat).unwrap_or(0);
    let message = MESSAGE as u64;
    match side {
        Side::Send if hiwat >= message => (Some(Capacity::Unbounded), &UDP_SEND_UNBOUNDED),
        Side::Send => (None, &UDP_SEND_EMSGSIZE),
        Side::Receive => {
            let messages = hiwat / (message + sa_len);
            (
                Some(Capacity::Held {
                    bytes: messages * message,
                    messages,
                }),
                &UDP_RECEIVE,
            )
        }
    }
}
