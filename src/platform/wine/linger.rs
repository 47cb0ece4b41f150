//! Wine's close (`crate::behaviour::linger`), as measured under Wine 8.0:
//! closesocket never resets the connection (neither SO_LINGER (1, 0) nor
//! unread data does, where the Linux host would); the peer always reads an
//! orderly end. SO_LINGER (1, n) still makes close wait for a full window,
//! as on the host.

use crate::behaviour::linger::{Close, Linger, LingerCase, LingerModel, PeerReads, Pending};
use crate::rule::Rule;

crate::rules! {
    pub const LINGER_WAITS: Rule = Rule {
        id: "wine.close.linger_waits",
        formula: "SO_LINGER (1, n), FIN not acknowledged => close waits n s (the host's linux.close.linger_waits)",
        why: "IOCTL_AFD_WINE_SET_SO_LINGER copies l_onoff and l_linger to the host socket, and the host's close waits for the FIN's acknowledgement up to the linger time",
        source: "wine dlls/ntdll/unix/socket.c (IOCTL_AFD_WINE_SET_SO_LINGER: do_setsockopt SOL_SOCKET SO_LINGER) at 0bdb575f; the host: linux.close.linger_waits; measured under Wine 8.0",
    };
    pub const NEVER_RESETS: Rule = Rule {
        id: "wine.close.never_resets",
        formula: "closesocket => an orderly end: the peer reads its queued data, then EOF, even with SO_LINGER (1, 0) or unread data (UNCONFIRMED in the source)",
        why: "measured under Wine 8.0: the peer reads EOF (and EOF again 400 ms later, never a reset) where the Linux host alone resets. closesocket only closes the handle (sock_destroy: 'FIXME: special socket shutdown stuff?'); the step that turns the host's reset into a FIN was not found in the source: UNCONFIRMED",
        source: "wine dlls/ws2_32/socket.c closesocket (CloseHandle) at 8dc5242e; server/sock.c sock_close_handle, sock_destroy at a69d2958; the measurement: behaviour-linger@windows-wine",
    };
    pub const ORDERLY: Rule = Rule {
        id: "wine.close.orderly",
        formula: "nothing to wait for => close returns at once",
        why: "no linger wait applies: the FIN is acknowledged at once or SO_LINGER asks none",
        source: "the host: linux.close.orderly, linux.close.linger_acked",
    };
}

fn close(case: &LingerCase) -> (Close, &'static Rule) {
    match (case.pending, case.linger) {
        (Pending::Unsent, Linger::OnOne) => (Close::Waited, &LINGER_WAITS),
        _ => (Close::AtOnce, &ORDERLY),
    }
}

fn reads(case: &LingerCase) -> (PeerReads, &'static Rule) {
    let reads = match case.pending {
        Pending::Unsent => PeerReads::DataThenEof,
        Pending::Nothing | Pending::Unread => PeerReads::Eof,
    };
    (reads, &NEVER_RESETS)
}

pub fn model() -> LingerModel {
    LingerModel {
        reset: "WSAECONNRESET",
        close,
        reads,
        rules: RULES,
    }
}
