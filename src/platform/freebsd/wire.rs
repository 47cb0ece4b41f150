//! FreeBSD's header values (`crate::behaviour::wire`): a UDP datagram
//! carries the one-byte TTL and TOS getsockopt reads back; IPV6_UNICAST_HOPS
//! and IPV6_TCLASS read -1 and 0 for "the default", which goes out as the
//! interface's hop limit (64) and 0. Read in FreeBSD
//! 13.0 as F-Stack 5cb586b5 vendors it, and run there: every UDP case and
//! the tcp6 ones agree (`behaviour-wire@freebsd-fstack`,
//! `behaviour-wire-tcp@freebsd-fstack`).

use crate::behaviour::wire::{TcpReport, WireModel, WireOption};
use crate::rule::Rule;
use crate::value::Value;

crate::rules! {
    pub const AS_READ: Rule = Rule {
        id: "freebsd.wire.as_read",
        formula: "header TTL / TOS / hop limit / traffic class = getsockopt's value",
        why: "the UDP output path copies the pcb's one-byte TTL and TOS into the IPv4 header, and the IPv6 path the set hop limit and the whole traffic-class byte (ECN bits kept)",
        source: "freebsd/netinet/udp_usrreq.c udp_output l.1189, l.1474-1475 ('ip_ttl = inp->inp_ip_ttl', 'ip_tos = tos'); freebsd/netinet/ip_output.c l.1229-1234 (IP_TOS, IP_TTL: no range check, one byte); freebsd/netinet6/ip6_output.c l.656-665 (the traffic class into the flow word), l.1780-1789 (IPV6_UNICAST_HOPS -1..255)",
    };
    pub const DEFAULT_HOPS: Rule = Rule {
        id: "freebsd.wire.default_hops",
        formula: "IPV6_UNICAST_HOPS -1 (the default) => the header carries the interface's hop limit, 64",
        why: "in6_selecthlim uses the socket's hop limit when it is set (>= 0), else the interface's (ND chlim, 64) or ip6_defhlim (64)",
        source: "freebsd/netinet6/in6_src.c in6_selecthlim l.908-929; freebsd/netinet6/in6_proto.c l.368 (ip6_defhlim = IPV6_DEFHLIM, 64)",
    };
    pub const TCP_PKTOPTIONS_EMPTY: Rule = Rule {
        id: "freebsd.wire.tcp_pktoptions_empty",
        formula: "tcp6: IPV6_2292PKTOPTIONS reports nothing (no IPV6_HOPLIMIT or IPV6_TCLASS message); tcp4: no IP_PKTOPTIONS at all",
        why: "the 2292-style packet options are deprecated by RFC 3542 and ip6_ctloutput always returns empty data for them; the IPv4 code has no IP_PKTOPTIONS: a TCP receiver is never told its packets' header values",
        source: "freebsd/netinet6/ip6_output.c ip6_ctloutput SOPT_GET case IPV6_2292PKTOPTIONS l.2165-2179 ('sopt->sopt_valsize = 0;'), FreeBSD 13.0 as F-Stack 5cb586b5 vendors it; sys/netinet/in.h (no IP_PKTOPTIONS)",
    };
}

fn carries(option: WireOption, read_back: &Value) -> (Value, &'static Rule) {
    match (option, read_back) {
        (WireOption::Hops, Value::Int(-1)) => (Value::Int(64), &DEFAULT_HOPS),
        _ => (read_back.clone(), &AS_READ),
    }
}

/// A TCP receiver's packet options: empty for IPv6, not offered for IPv4.
fn tcp(option: WireOption, _: &Value) -> TcpReport {
    match option {
        WireOption::Ttl | WireOption::Tos => None,
        WireOption::Hops | WireOption::Tclass => Some((None, &TCP_PKTOPTIONS_EMPTY)),
    }
}

pub fn model() -> WireModel {
    WireModel {
        carries,
        tcp,
        rules: RULES,
    }
}
