//! Windows' close (`crate::behaviour::linger`), from Microsoft's
//! closesocket page: l_onoff 0 is a graceful close that returns at once;
//! (1, 0) is a hard close whose peer's recv fails with WSAECONNRESET; (1, n)
//! on a blocking socket waits for the data to go, and a timeout ends in a
//! hard close. Model only.

use crate::behaviour::linger::{Close, Linger, LingerCase, LingerModel, PeerReads, Pending};
use crate::rule::Rule;

const DOC: &str = "learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-closesocket (the l_onoff / l_linger table and remarks)";

crate::rules! {
    pub const GRACEFUL: Rule = Rule {
        id: "windows.close.graceful",
        formula: "l_onoff 0 (the default) => graceful close, at once: the peer reads any queued data, then EOF",
        why: "'the closesocket call will return immediately ... any data queued for transmission will be sent, if possible, before the underlying socket is closed. This is also called a graceful disconnect'",
        source: DOC,
    };
    pub const HARD: Rule = Rule {
        id: "windows.close.hard",
        formula: "SO_LINGER (1, 0) => hard close at once: the peer's recv fails with WSAECONNRESET (its queued data lost)",
        why: "'This is called a hard or abortive close, because the socket's virtual circuit is reset immediately, and any unsent data is lost. On Windows, any recv call on the remote side of the circuit will fail with WSAECONNRESET'",
        source: DOC,
    };
    pub const LINGER_EXPIRES_HARD: Rule = Rule {
        id: "windows.close.linger_expires_hard",
        formula: "SO_LINGER (1, n), data not sent in n s => close waits n s, then a hard close: the peer reads WSAECONNRESET",
        why: "'the closesocket call blocks until the remaining data has been sent or until the timeout expires ... If the timeout expires before all data has been sent, the Windows Sockets implementation terminates the connection before closesocket returns'",
        source: DOC,
    };
    pub const LINGER_SENT: Rule = Rule {
        id: "windows.close.linger_sent",
        formula: "SO_LINGER (1, n), nothing pending => graceful, at once: the peer reads EOF",
        why: "with no data left to send the wait ends at once and the close is graceful ('Graceful if all data is sent within timeout value')",
        source: DOC,
    };
    pub const UNREAD: Rule = Rule {
        id: "windows.close.unread",
        formula: "unread data at close => reset: the peer reads WSAECONNRESET (UNCONFIRMED)",
        why: "the closesocket page does not say what unread received data does; the reset is assumed as on Linux and macOS. UNCONFIRMED",
        source: DOC,
    };
}

fn close(case: &LingerCase) -> (Close, &'static Rule) {
    match (case.pending, case.linger) {
        (_, Linger::OnZero) => (Close::AtOnce, &HARD),
        (Pending::Unsent, Linger::OnOne) => (Close::Waited, &LINGER_EXPIRES_HARD),
        (Pending::Unread, _) => (Close::AtOnce, &UNREAD),
        (Pending::Nothing, Linger::OnOne) => (Close::AtOnce, &LINGER_SENT),
        _ => (Close::AtOnce, &GRACEFUL),
    }
}

fn reads(case: &LingerCase) -> (PeerReads, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Unsent, Linger::OnZero) => (PeerReads::ResetDataLost, &HARD),
        (_, Linger::OnZero) => (PeerReads::Reset, &HARD),
        (Pending::Unsent, Linger::OnOne) => (PeerReads::ResetDataLost, &LINGER_EXPIRES_HARD),
        (Pending::Unread, _) => (PeerReads::Reset, &UNREAD),
        (Pending::Unsent, _) => (PeerReads::DataThenEof, &GRACEFUL),
        (Pending::Nothing, Linger::OnOne) => (PeerReads::Eof, &LINGER_SENT),
        (Pending::Nothing, _) => (PeerReads::Eof, &GRACEFUL),
    }
}

pub fn model() -> LingerModel {
    LingerModel {
        reset: "WSAECONNRESET",
        close,
        reads,
        rules: RULES,
    }
}
