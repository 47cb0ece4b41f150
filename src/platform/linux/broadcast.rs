//! Linux's loopback broadcast (`crate::behaviour::broadcast`): the kernel
//! gives lo a broadcast route for 127.255.255.255, so a send there needs
//! SO_BROADCAST, and the datagram reaches sockets bound to the wildcard
//! address only. Read at ColtPlus/linux-6.18.y 57218520 (6.18.24).

use crate::behaviour::broadcast::BroadcastModel;
use crate::rule::Rule;

crate::rules! {
    pub const DEFAULT: Rule = Rule {
        id: "linux.broadcast.default",
        formula: "SO_BROADCAST default 0",
        why: "a new socket's flags start clear; SO_BROADCAST sets SOCK_BROADCAST only when asked",
        source: "net/core/sock.c sk_setsockopt (SO_BROADCAST: sock_valbool_flag(sk, SOCK_BROADCAST, valbool)); sock_init_data (no SOCK_BROADCAST)",
    };
    pub const REFUSED: Rule = Rule {
        id: "linux.broadcast.refused",
        formula: "127.255.255.255 without SO_BROADCAST => EACCES",
        why: "127.255.255.255 is a broadcast route on lo (the kernel adds one for every address with a prefix shorter than /31), and udp_sendmsg refuses a broadcast route to a socket without SOCK_BROADCAST",
        source: "net/ipv4/udp.c udp_sendmsg l.1459 ('err = -EACCES; if ((rt->rt_flags & RTCF_BROADCAST) && !sock_flag(sk, SOCK_BROADCAST)) goto out;'); net/ipv4/fib_frontend.c fib_add_ifaddr l.1177 (RTN_BROADCAST for prefix | ~mask); net/ipv4/route.c __mkroute_output (RTCF_BROADCAST | RTCF_LOCAL)",
    };
    pub const SENT: Rule = Rule {
        id: "linux.broadcast.sent",
        formula: "127.255.255.255 with SO_BROADCAST => sent, looped back on lo",
        why: "with SOCK_BROADCAST the send goes through, and the local broadcast route hands it back to this host's sockets",
        source: "net/ipv4/udp.c udp_sendmsg (the RTCF_BROADCAST check passes); net/ipv4/route.c __mkroute_output (RTCF_LOCAL)",
    };
    pub const WILDCARD_ONLY: Rule = Rule {
        id: "linux.broadcast.wildcard_only",
        formula: "a broadcast reaches sockets on 0.0.0.0 (or on the broadcast address), not one on 127.0.0.1",
        why: "a broadcast goes to every socket of the port whose bound address is 0 or the destination itself; a socket bound to 127.0.0.1 is skipped",
        source: "net/ipv4/udp.c __udp4_lib_mcast_deliver, __udp_is_mcast_sock ('(inet->inet_rcv_saddr && inet->inet_rcv_saddr != loc_addr)' => false)",
    };
    pub const UNICAST: Rule = Rule {
        id: "linux.broadcast.unicast",
        formula: "127.0.0.1 => received, SO_BROADCAST or not",
        why: "a unicast datagram to 127.0.0.1 needs no flag and finds a socket on 127.0.0.1 or 0.0.0.0",
        source: "net/ipv4/udp.c __udp4_lib_lookup",
    };
}

pub fn model() -> BroadcastModel {
    BroadcastModel {
        default_on: false,
        default_rule: &DEFAULT,
        without: Some("EACCES"),
        without_rule: &REFUSED,
        with: None,
        with_rule: &SENT,
        to_any: true,
        to_specific: false,
        delivery_rule: &WILDCARD_ONLY,
        unicast: &UNICAST,
    }
}
