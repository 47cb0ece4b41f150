//! macOS's loopback broadcast (`crate::behaviour::broadcast`): lo0 has no
//! IFF_BROADCAST, so 127.255.255.255 is no broadcast address there and
//! SO_BROADCAST changes nothing. Read in XNU at tag xnu-11417.101.15. Model
//! only.

use crate::behaviour::broadcast::BroadcastModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "macos.broadcast.default",
        formula: "SO_BROADCAST default 0",
        why: "so_options start clear; SO_BROADCAST is set only when asked",
        source: "xnu-11417.101.15 bsd/kern/uipc_socket.c sosetoptlock (SO_BROADCAST among the boolean so_options)",
    };
    pub const NOT_BROADCAST: Rule = Rule {
        id: "macos.broadcast.not_broadcast",
        formula: "127.255.255.255 => sent (no EACCES), with or without SO_BROADCAST",
        why: "in_broadcast is true for an interface address only on an IFF_BROADCAST interface, and lo0 is IFF_LOOPBACK | IFF_MULTICAST, so ip_output never reaches its EACCES check; the datagram leaves as unicast on the 127/8 route (where that route comes from is UNCONFIRMED)",
        source: "xnu-11417.101.15 bsd/netinet/in.c in_broadcast l.1862-1870; bsd/net/if_loop.c l.685-686; bsd/netinet/ip_output.c l.1099-1108 (the EACCES check behind isbroadcast)",
    };
    pub const DROPPED: Rule = Rule {
        id: "macos.broadcast.dropped",
        formula: "127.255.255.255 arrives on lo0 as unicast to no local address => dropped: no receiver gets it (UNCONFIRMED)",
        why: "ip_input matches no local address and the broadcast match needs IFF_BROADCAST; with forwarding off the packet is dropped. Read in the code, never run: UNCONFIRMED",
        source: "xnu-11417.101.15 bsd/netinet/ip_input.c l.1350 (broadcast match), l.1403-1405 (ipforwarding == 0: drop)",
    };
    pub const UNICAST: Rule = Rule {
        id: "macos.broadcast.unicast",
        formula: "127.0.0.1 => received, SO_BROADCAST or not",
        why: "a unicast datagram needs no flag and finds a socket on 127.0.0.1 or 0.0.0.0",
        source: "xnu-11417.101.15 bsd/netinet/udp_usrreq.c udp_input (in_pcblookup_hash)",
    };
}

pub fn model() -> BroadcastModel {
    BroadcastModel {
        default_on: false,
        default_rule: &DEFAULT,
        without: None,
        without_rule: &NOT_BROADCAST,
        with: None,
        with_rule: &NOT_BROADCAST,
        to_any: false,
        to_specific: false,
        delivery_rule: &DROPPED,
        unicast: &UNICAST,
    }
}
