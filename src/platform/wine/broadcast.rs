//! Wine's loopback broadcast (`crate::behaviour::broadcast`): Wine checks
//! nothing itself; SO_BROADCAST goes to the Linux host, whose EACCES comes
//! back as WSAEACCES and whose delivery rules decide the rest.

use crate::behaviour::broadcast::BroadcastModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "wine.broadcast.default",
        formula: "SO_BROADCAST default 0 (the host's)",
        why: "Wine sets no SO_BROADCAST on a new socket; the host's default holds (linux.broadcast.default)",
        source: "wine dlls/ntdll/unix/socket.c (IOCTL_AFD_WINE_SET_SO_BROADCAST -> do_setsockopt SOL_SOCKET SO_BROADCAST), read at 0bdb575f; the host: linux.broadcast.default",
    };
    pub const REFUSED: Rule = Rule {
        id: "wine.broadcast.refused",
        formula: "127.255.255.255 without SO_BROADCAST => WSAEACCES",
        why: "the host refuses with EACCES (linux.broadcast.refused), which Wine turns into STATUS_ACCESS_DENIED, then WSAEACCES",
        source: "wine dlls/ntdll/unix/socket.c sock_errno_to_status (EACCES -> STATUS_ACCESS_DENIED); dlls/ws2_32/socket.c NtStatusToWSAError; the host: linux.broadcast.refused",
    };
    pub const SENT: Rule = Rule {
        id: "wine.broadcast.sent",
        formula: "127.255.255.255 with SO_BROADCAST => sent; 0.0.0.0 receives, 127.0.0.1 not (the host's)",
        why: "the host sends and delivers (linux.broadcast.sent, linux.broadcast.wildcard_only)",
        source: "the host: linux.broadcast.sent, linux.broadcast.wildcard_only",
    };
    pub const UNICAST: Rule = Rule {
        id: "wine.broadcast.unicast",
        formula: "127.0.0.1 => received, SO_BROADCAST or not",
        why: "the host's rule (linux.broadcast.unicast)",
        source: "the host: linux.broadcast.unicast",
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
