//! Linux's close (`crate::behaviour::linger`): unread data or SO_LINGER
//! (1, 0) make close() reset the connection; SO_LINGER (1, n) makes it wait
//! up to n seconds for the FIN's acknowledgement, then return quietly; the
//! peer reads what it had queued before any error. Read at
//! ColtPlus/linux-6.18.y 57218520 (6.18.24).

use crate::behaviour::linger::{Close, Linger, LingerCase, LingerModel, PeerReads, Pending};
use crate::rule::Rule;

crate::rules! {
    pub const UNREAD_RESETS: Rule = Rule {
        id: "linux.close.unread_resets",
        formula: "unread data at close => RST at once, whatever SO_LINGER says: the peer reads ECONNRESET",
        why: "__tcp_close checks for unread data first and sends an active reset instead of a FIN (RFC 2525 2.17)",
        source: "net/ipv4/tcp.c __tcp_close l.3128 ('} else if (data_was_unread) { tcp_set_state(sk, TCP_CLOSE); tcp_send_active_reset(...)')",
    };
    pub const LINGER_ZERO_RESETS: Rule = Rule {
        id: "linux.close.linger_zero_resets",
        formula: "SO_LINGER (1, 0) => RST at once: the peer reads its queued data, then ECONNRESET",
        why: "a zero linger time disconnects, which resets an established connection; the reset purges only the closer's queues, and the peer's read returns its queued bytes before the error",
        source: "net/ipv4/tcp.c __tcp_close ('sock_flag(sk, SOCK_LINGER) && !sk->sk_lingertime' => sk->sk_prot->disconnect), tcp_disconnect ('tcp_need_reset(old_state)' => tcp_send_active_reset), tcp_recvmsg_locked (an error only when nothing was copied)",
    };
    pub const ORDERLY: Rule = Rule {
        id: "linux.close.orderly",
        formula: "otherwise => FIN: close returns at once; the peer reads any queued data, then EOF",
        why: "without SO_LINGER (or with l_onoff 0) close() queues a FIN and returns; the orphaned socket keeps sending what the peer has not taken",
        source: "net/ipv4/tcp.c __tcp_close (tcp_close_state, tcp_send_fin; the timeout is 0 without SOCK_LINGER), inet_release ('timeout = sock_flag(sk, SOCK_LINGER) ... ? sk->sk_lingertime : 0')",
    };
    pub const LINGER_WAITS: Rule = Rule {
        id: "linux.close.linger_waits",
        formula: "SO_LINGER (1, n), FIN not acknowledged => close waits n s, then returns 0 without a reset",
        why: "sk_stream_wait_close sleeps while the socket is closing (FIN_WAIT1, CLOSING, LAST_ACK) for at most sk_lingertime; a full peer window keeps the FIN from going out, so the whole second passes; the expiry sends no RST and the orphan goes on",
        source: "net/ipv4/tcp.c __tcp_close (sk_stream_wait_close(sk, timeout)); net/core/stream.c sk_stream_wait_close, sk_stream_closing; net/core/sock.c sk_setsockopt SO_LINGER ('sk->sk_lingertime = (unsigned int)ling.l_linger * HZ')",
    };
    pub const LINGER_ACKED: Rule = Rule {
        id: "linux.close.linger_acked",
        formula: "SO_LINGER (1, n), nothing pending => close returns when the FIN is acknowledged (at once on loopback)",
        why: "the wait ends as soon as the socket leaves the closing states, which the peer's immediate ACK does",
        source: "net/core/stream.c sk_stream_wait_close ('!sk_stream_closing(sk)')",
    };
}

fn close(case: &LingerCase) -> (Close, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Unread, _) => (Close::AtOnce, &UNREAD_RESETS),
        (_, Linger::OnZero) => (Close::AtOnce, &LINGER_ZERO_RESETS),
        (Pending::Unsent, Linger::OnOne) => (Close::Waited, &LINGER_WAITS),
        (Pending::Nothing, Linger::OnOne) => (Close::AtOnce, &LINGER_ACKED),
        _ => (Close::AtOnce, &ORDERLY),
    }
}

fn reads(case: &LingerCase) -> (PeerReads, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Unread, _) => (PeerReads::Reset, &UNREAD_RESETS),
        (Pending::Nothing, Linger::OnZero) => (PeerReads::Reset, &LINGER_ZERO_RESETS),
        (Pending::Unsent, Linger::OnZero) => (PeerReads::DataThenReset, &LINGER_ZERO_RESETS),
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
