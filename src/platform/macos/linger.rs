//! macOS's close (`crate::behaviour::linger`), read in XNU at tag
//! xnu-11417.101.15: unread data or SO_LINGER (1, 0) drop the connection
//! with a reset; the plain SO_LINGER option counts ticks (hz = 100), so
//! (1, 1) lingers 10 ms, not a second (SO_LINGER_SEC counts seconds). Model
//! only.

use crate::behaviour::linger::{Close, Linger, LingerCase, LingerModel, PeerReads, Pending};
use crate::rule::Rule;

crate::rules! {
    pub const UNREAD_DROPS: Rule = Rule {
        id: "macos.close.unread_drops",
        formula: "unread data at close => tcp_drop: RST, the peer reads ECONNRESET",
        why: "tcp_disconnect drops the connection whenever receive data is left unread, linger or not",
        source: "xnu-11417.101.15 bsd/netinet/tcp_usrreq.c tcp_disconnect l.3155-3157 ('if (so->so_rcv.sb_cc != 0 ...) return tcp_drop(tp, 0)'); bsd/netinet/tcp_subr.c tcp_drop l.1241 (CLOSED: RST|ACK)",
    };
    pub const LINGER_ZERO_DROPS: Rule = Rule {
        id: "macos.close.linger_zero_drops",
        formula: "SO_LINGER (1, 0) => tcp_drop: RST; the peer reads its queued data, then ECONNRESET (the peer's side UNCONFIRMED)",
        why: "a zero linger drops the connection; the reset sets the peer's so_error, which soreceive reports once the queued data is read (that order is BSD soreceive's, not re-read here: UNCONFIRMED)",
        source: "xnu-11417.101.15 bsd/netinet/tcp_usrreq.c tcp_disconnect l.3162-3163 ('else if ((so->so_options & SO_LINGER) && so->so_linger == 0) { tp = tcp_drop(tp, 0); }')",
    };
    pub const LINGER_TICKS: Rule = Rule {
        id: "macos.close.linger_ticks",
        formula: "SO_LINGER (1, 1) => close waits at most 1 tick (10 ms): at once; then the FIN goes when the peer reads",
        why: "the plain SO_LINGER stores l_linger as ticks (SO_LINGER_SEC multiplies by hz = 100), and soclose sleeps so_linger/100 seconds at most; the expiry sends no reset (UNCONFIRMED: the orphan's path after the wait was not re-read)",
        source: "xnu-11417.101.15 bsd/kern/uipc_socket.c sosetoptlock l.4916-4932 ('if (sopt->sopt_name == SO_LINGER) so->so_linger = (short)l.l_linger; else ... * hz'), soclose_locked l.1435-1445; bsd/kern/kern_clock.c l.111 (hz = 100)",
    };
    pub const ORDERLY: Rule = Rule {
        id: "macos.close.orderly",
        formula: "otherwise => FIN: close returns at once; the peer reads any queued data, then EOF",
        why: "tcp_disconnect marks the socket disconnecting and sends a FIN after the queued data; close() waits only with a nonzero linger",
        source: "xnu-11417.101.15 bsd/netinet/tcp_usrreq.c tcp_disconnect (tcp_usrclosed, tcp_output); bsd/kern/uipc_socket.c soclose_locked l.1425 (sodisconnectlocked)",
    };
}

fn close(case: &LingerCase) -> (Close, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Unread, _) => (Close::AtOnce, &UNREAD_DROPS),
        (_, Linger::OnZero) => (Close::AtOnce, &LINGER_ZERO_DROPS),
        (Pending::Unsent, Linger::OnOne) => (Close::AtOnce, &LINGER_TICKS),
        _ => (Close::AtOnce, &ORDERLY),
    }
}

fn reads(case: &LingerCase) -> (PeerReads, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Unread, _) => (PeerReads::Reset, &UNREAD_DROPS),
        (Pending::Nothing, Linger::OnZero) => (PeerReads::Reset, &LINGER_ZERO_DROPS),
        (Pending::Unsent, Linger::OnZero) => (PeerReads::DataThenReset, &LINGER_ZERO_DROPS),
        (Pending::Unsent, Linger::OnOne) => (PeerReads::DataThenEof, &LINGER_TICKS),
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
