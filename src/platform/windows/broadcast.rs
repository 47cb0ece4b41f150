//! Windows' loopback broadcast (`crate::behaviour::broadcast`), from
//! Microsoft's sendto page: a broadcast destination without SO_BROADCAST
//! fails with WSAEACCES. Whether 127.255.255.255 counts as one on the
//! loopback interface, and who receives it, no page says: UNCONFIRMED.
//! Model only.

use crate::behaviour::broadcast::BroadcastModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "windows.broadcast.default",
        formula: "SO_BROADCAST default FALSE",
        why: "broadcast sends must be enabled with SO_BROADCAST: it is off until set",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/sol-socket-socket-options (SO_BROADCAST); learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-sendto (remarks)",
    };
    pub const REFUSED: Rule = Rule {
        id: "windows.broadcast.refused",
        formula: "127.255.255.255 without SO_BROADCAST => WSAEACCES (that it is a broadcast address on loopback: UNCONFIRMED)",
        why: "'To send to a broadcast address, an application must have used setsockopt with SO_BROADCAST enabled. Otherwise, sendto will fail with the error code WSAEACCES'",
        source: "learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-sendto (remarks; WSAEACCES)",
    };
    pub const SENT: Rule = Rule {
        id: "windows.broadcast.sent",
        formula: "127.255.255.255 with SO_BROADCAST => sent; a receiver on 0.0.0.0 gets it, one on 127.0.0.1 not (UNCONFIRMED)",
        why: "with SO_BROADCAST the send is allowed; delivery on the loopback interface follows the wildcard receiver as on other systems. UNCONFIRMED: no Microsoft page describes loopback broadcast delivery",
        source: "learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-sendto (remarks)",
    };
    pub const UNICAST: Rule = Rule {
        id: "windows.broadcast.unicast",
        formula: "127.0.0.1 => received, SO_BROADCAST or not",
        why: "a unicast datagram needs no flag",
        source: "learn.microsoft.com/en-us/windows/win32/api/winsock/nf-winsock-sendto",
    };
}

pub fn model() -> BroadcastModel {
    BroadcastModel {
        default_on: false,
        default_rule: &DEFAULT,
        without: Some("WSAEACCES"),
        without_rule: &REFUSED,
        with: None,
        with_rule: &SENT,
        to_any: true,
        to_specific: false,
        delivery_rule: &SENT,
        unicast: &UNICAST,
    }
}
