//! FreeBSD's loopback broadcast (`crate::behaviour::broadcast`): lo0 holds
//! a host route for 127.0.0.1 alone and no broadcast address, so a send to
//! 127.255.255.255 finds no loopback route at all. Read in the 14.0-STABLE
//! tree named in `bind_reuse.rs`. Model only: sending there on a real
//! FreeBSD host is what the project never does (the packet would take the
//! default route), so it is not measured.

use crate::behaviour::broadcast::BroadcastModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "freebsd.broadcast.default",
        formula: "SO_BROADCAST default 0",
        why: "so_options start clear; SO_BROADCAST is set only when asked",
        source: "sys/kern/uipc_socket.c sosetopt (SO_BROADCAST among the boolean so_options)",
    };
    pub const NO_ROUTE: Rule = Rule {
        id: "freebsd.broadcast.no_loopback_route",
        formula: "127.255.255.255 => EADDRNOTAVAIL (with a default route; EHOSTUNREACH without one), SO_BROADCAST or not (UNCONFIRMED)",
        why: "in_broadcast is false on lo0 (no IFF_BROADCAST) and only 127.0.0.1 has a route, so the packet would take the default route, where ip_output refuses a loopback destination on a non-loopback interface. Read in the code, never run: UNCONFIRMED, and a firewall may change it",
        source: "sys/netinet/in.c in_broadcast l.1276-1300, ia_getrtprefix l.951-969; libexec/rc/rc.d/routing l.152 (only 127.0.0.1 -iface lo0); sys/netinet/ip_output.c ip_output l.724-729 (IN_LOOPBACK off a loopback interface: EADDRNOTAVAIL), l.487/522 (no route: EHOSTUNREACH)",
    };
    pub const UNICAST: Rule = Rule {
        id: "freebsd.broadcast.unicast",
        formula: "127.0.0.1 => received, SO_BROADCAST or not",
        why: "a unicast datagram needs no flag and finds a socket on 127.0.0.1 or 0.0.0.0",
        source: "sys/netinet/udp_usrreq.c udp_input (in_pcblookup_mbuf)",
    };
}

pub fn model() -> BroadcastModel {
    BroadcastModel {
        default_on: false,
        default_rule: &DEFAULT,
        without: Some("EADDRNOTAVAIL"),
        without_rule: &NO_ROUTE,
        with: Some("EADDRNOTAVAIL"),
        with_rule: &NO_ROUTE,
        to_any: false,
        to_specific: false,
        delivery_rule: &NO_ROUTE,
        unicast: &UNICAST,
    }
}
