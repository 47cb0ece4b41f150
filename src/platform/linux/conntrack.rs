//! SO_ORIGINAL_DST and IP6T_SO_ORIGINAL_DST: netfilter's connection
//! tracking, asked through getsockopt (what a transparent proxy reads after
//! a REDIRECT). Neither is the IP layer's own: do_ip_getsockopt and
//! do_ipv6_getsockopt answer ENOPROTOOPT, and the name goes on to the
//! options nf_conntrack registered, if it is loaded.

use super::facts::LinuxFacts;
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const SOURCE: &str = "net/ipv4/ip_sockglue.c ip_getsockopt ('if (err == -ENOPROTOOPT && optname != IP_PKTOPTIONS && !ip_mroute_opt(optname)) ... err = nf_getsockopt(sk, PF_INET, optname, optval, &len)'), net/ipv6/ipv6_sockglue.c ipv6_getsockopt (the same for PF_INET6); net/netfilter/nf_sockopt.c nf_sockopt_find (-ENOPROTOOPT where no module registered the name); net/netfilter/nf_conntrack_proto.c getorigdst / ipv6_getorigdst ('if (tuple.dst.protonum != IPPROTO_TCP && tuple.dst.protonum != IPPROTO_SCTP) return -ENOPROTOOPT', the length check, 'h = nf_conntrack_find_get(...)', 'return -ENOENT'), nf_conntrack_proto_init (nf_register_sockopt: get only) (read at ColtPlus/linux-6.18.y 57218520)";

crate::rules! {
    pub const NOT_LOADED: Rule = Rule {
        id: "linux.conntrack.not_loaded",
        formula: "nf_conntrack not loaded (host fact conntrack_loaded) => ENOPROTOOPT",
        why: "SO_ORIGINAL_DST and IP6T_SO_ORIGINAL_DST are netfilter names, registered by nf_conntrack when it loads; without it the IP layer's ENOPROTOOPT stands, read or set",
        source: SOURCE,
    };
    pub const NOT_TCP: Rule = Rule {
        id: "linux.conntrack.tcp_only",
        formula: "not TCP (or SCTP) => ENOPROTOOPT; set => ENOPROTOOPT",
        why: "conntrack answers the read only for TCP and SCTP sockets (UDP, raw and ping sockets get ENOPROTOOPT) and registers no setter, so a set falls through to ENOPROTOOPT",
        source: SOURCE,
    };
    pub const NO_ENTRY: Rule = Rule {
        id: "linux.conntrack.no_entry",
        formula: "tcp, no tracked connection for the socket's addresses => ENOENT",
        why: "the read looks up the connection by the socket's own addresses and ports: a socket that is not connected has none, and a loopback connection is tracked only where a firewall in the namespace has hooked conntrack in (host fact conntrack_tracks_loopback); an IPv4 read of an IPv6 socket builds its tuple from the IPv4 fields, which no tracked connection has (measured where loopback is tracked: scripts/test-in conntrack)",
        source: SOURCE,
    };
    pub const ORIGINAL: Rule = Rule {
        id: "linux.conntrack.original_dst",
        formula: "tcp connected, tracked => the address the connection was first sent to (here the listener's: no NAT on loopback); the port is not reported",
        why: "conntrack keeps the connection's original direction; with no REDIRECT or DNAT in the way, its destination is the listener the client connected to (measured in a network namespace whose one nftables rule asks for ct state: scripts/test-in conntrack)",
        source: SOURCE,
    };
}

/// SO_ORIGINAL_DST (`v6` false) or IP6T_SO_ORIGINAL_DST (`v6` true), after
/// the level check.
pub fn predict(v6: bool, kind: Kind, state: State, request: &Request, facts: &LinuxFacts) -> Prediction {
    if !facts.conntrack_loaded {
        return Prediction::err("ENOPROTOOPT", vec![&NOT_LOADED]);
    }
    if matches!(request, Request::Set(_)) || !kind.is_tcp() {
        return Prediction::err("ENOPROTOOPT", vec![&NOT_TCP]);
    }
    let own_family = v6 == (kind.domain() == crate::kind::Domain::Ipv6);
    if !(state == State::Connected && facts.conntrack_tracks_loopback && own_family) {
        return Prediction::err("ENOENT", vec![&NO_ENTRY]);
    }
    let listener = match v6 {
        true => crate::address::in6_addr("::1"),
        false => crate::address::in_addr("127.0.0.1"),
    };
    match listener {
        Some(address) => Prediction::ok(RelativeValue::Int(address), vec![&ORIGINAL]),
        None => crate::platform::gated(),
    }
}
