//! FreeBSD's close (`crate::behaviour::linger`), read in FreeBSD 13.0's
//! sources as F-Stack 5cb586b5 vendors them (freebsd/netinet/tcp_usrreq.c,
//! freebsd/kern/uipc_socket.c): unread data is flushed, not reset; only
//! SO_LINGER (1, 0) drops the connection; SO_LINGER counts seconds. Model
//! only (F-Stack's probe asks options only).

use crate::behaviour::linger::{Close, Linger, LingerCase, LingerModel, PeerReads, Pending};
use crate::rule::Rule;

crate::rules! {
    pub const UNREAD_FLUSHED: Rule = Rule {
        id: "freebsd.close.unread_flushed",
        formula: "unread data at close => flushed, then an orderly FIN: the peer reads EOF",
        why: "tcp_disconnect discards the receive buffer and closes with a FIN; unlike Linux and macOS it sends no reset for data left unread",
        source: "freebsd/netinet/tcp_usrreq.c tcp_disconnect l.2673-2678 ('soisdisconnecting(so); sbflush(&so->so_rcv); tcp_usrclosed(tp);'), FreeBSD 13.0 as vendored by F-Stack 5cb586b5",
    };
    pub const LINGER_ZERO_DROPS: Rule = Rule {
        id: "freebsd.close.linger_zero_drops",
        formula: "SO_LINGER (1, 0) => tcp_drop: RST; the peer reads its queued data, then ECONNRESET (the peer's side UNCONFIRMED)",
        why: "a zero linger drops an established connection, which sends a reset; soreceive reports the peer's so_error once its queued data is read (not re-read here: UNCONFIRMED)",
        source: "freebsd/netinet/tcp_usrreq.c tcp_disconnect l.2669-2672 ('else if ((so->so_options & SO_LINGER) && so->so_linger == 0) tp = tcp_drop(tp, 0);')",
    };
    pub const LINGER_WAITS: Rule = Rule {
        id: "freebsd.close.linger_waits",
        formula: "SO_LINGER (1, n), FIN not acknowledged => close waits n s, then returns without a reset",
        why: "soclose sleeps while the socket is connected, so_linger * hz ticks at most; a full peer window keeps the FIN back, so the whole second passes; pru_close then finds the disconnect under way",
        source: "freebsd/kern/uipc_socket.c soclose l.1198-1207 ('tsleep(&so->so_timeo, PSOCK | PCATCH, \"soclos\", so->so_linger * hz)'), FreeBSD 13.0 as vendored by F-Stack 5cb586b5",
    };
    pub const ORDERLY: Rule = Rule {
        id: "freebsd.close.orderly",
        formula: "otherwise => FIN: close returns at once (or when the FIN is acknowledged); the peer reads any queued data, then EOF",
        why: "tcp_disconnect sends a FIN after the queued data; a linger wait ends as soon as the FIN's acknowledgement disconnects the socket",
        source: "freebsd/netinet/tcp_usrreq.c tcp_disconnect l.2673-2678; freebsd/kern/uipc_socket.c soclose l.1198-1207",
    };
}

fn close(case: &LingerCase) -> (Close, &'static Rule) {
    match (case.pending, case.linger) {
        (_, Linger::OnZero) => (Close::AtOnce, &LINGER_ZERO_DROPS),
        (Pending::Unsent, Linger::OnOne) => (Close::Waited, &LINGER_WAITS),
        (Pending::Unread, _) => (Close::AtOnce, &UNREAD_FLUSHED),
        _ => (Close::AtOnce, &ORDERLY),
    }
}

fn reads(case: &LingerCase) -> (PeerReads, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Nothing | Pending::Unread, Linger::OnZero) => (PeerReads::Reset, &LINGER_ZERO_DROPS),
        (Pending::Unsent, Linger::OnZero) => (PeerReads::DataThenReset, &LINGER_ZERO_DROPS),
        (Pending::Unread, _) => (PeerReads::Eof, &UNREAD_FLUSHED),
        (Pending::Unsent, Linger::OnOne) => (PeerReads::DataThenEof, &LINGER_WAITS),
        (Pending::Unsent, _) => (PeerReads::DataThenEof, &ORDERLY),
        (Pending::Nothing, _) => (PeerReads::Eof, &ORDERLY),
    }
}

pub fn model() -> LingerModel {
    LingerModel {
        reset: "ECONNRESET",
        close,
        reads,
        rules: RULES,
    }
}
