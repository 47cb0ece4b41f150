//! Linux's header values (`crate::behaviour::wire`): a UDP datagram carries
//! what getsockopt reads back, the default resolved the same way on both
//! sides (net.ipv4.ip_default_ttl, the route's hop limit). Read at
//! ColtPlus/linux-6.18.y 57218520 (6.18.24).

use crate::behaviour::wire::{WireModel, WireOption};
use crate::rule::Rule;
use crate::value::Value;

crate::rules! {
    pub const TTL: Rule = Rule {
        id: "linux.wire.ttl",
        formula: "header TTL = getsockopt(IP_TTL) (the default: net.ipv4.ip_default_ttl)",
        why: "the header takes the socket's uc_ttl, or the route's hop limit (the sysctl) when it is -1; getsockopt resolves -1 the same way",
        source: "net/ipv4/ip_output.c ip_select_ttl ('int ttl = READ_ONCE(inet->uc_ttl); if (ttl < 0) ttl = ip4_dst_hoplimit(dst);'); net/ipv4/ip_sockglue.c do_ip_getsockopt IP_TTL ('val = (val < 0 ? READ_ONCE(net->ipv4.sysctl_ip_default_ttl) : val)')",
    };
    pub const TOS: Rule = Rule {
        id: "linux.wire.tos",
        formula: "header TOS = getsockopt(IP_TOS), all eight bits on UDP (ECN bits too)",
        why: "a UDP datagram's header takes inet->tos whole; only stream sockets keep the ECN bits for the stack",
        source: "net/ipv4/ip_output.c __ip_make_skb ('iph->tos = (cork->tos != -1) ? cork->tos : READ_ONCE(inet->tos)'); net/ipv4/ip_sockglue.c __ip_sock_set_tos (the ECN mask for SOCK_STREAM only)",
    };
    pub const HOPS: Rule = Rule {
        id: "linux.wire.hops",
        formula: "header hop limit = getsockopt(IPV6_UNICAST_HOPS) (the default: the route's hop limit, 64)",
        why: "the header takes the socket's hop limit, or the route's when it is -1; getsockopt resolves -1 from the route too",
        source: "net/ipv6/ip6_output.c ip6_make_skb / __ip6_make_skb (hlimit from ip6_sk_dst_hoplimit); net/ipv6/ipv6_sockglue.c do_ipv6_getsockopt IPV6_UNICAST_HOPS (val < 0: the dst's hop limit)",
    };
    pub const TCLASS: Rule = Rule {
        id: "linux.wire.tclass",
        formula: "header traffic class = getsockopt(IPV6_TCLASS), all eight bits on UDP",
        why: "the header takes np->tclass whole for a datagram socket",
        source: "net/ipv6/ip6_output.c __ip6_make_skb ('ip6_flow_hdr(hdr, v6_cork->tclass, ...)'); net/ipv6/ipv6_sockglue.c IPV6_TCLASS",
    };
}

fn carries(option: WireOption, read_back: &Value) -> (Value, &'static Rule) {
    let rule = match option {
        WireOption::Ttl => &TTL,
        WireOption::Tos => &TOS,
        WireOption::Hops => &HOPS,
        WireOption::Tclass => &TCLASS,
    };
    (read_back.clone(), rule)
}

pub fn model() -> WireModel {
    WireModel {
        carries,
        rules: RULES,
    }
}
