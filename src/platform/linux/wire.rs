//! Linux's header values (`crate::behaviour::wire`): a UDP datagram carries
//! what getsockopt reads back, the default resolved the same way on both
//! sides (net.ipv4.ip_default_ttl, the route's hop limit). A TCP receiver's
//! packet options come from the handshake: IPv6's from the client's SYN or
//! its handshake ACK, IPv4's from that ACK (its TTL through the accepted
//! socket's multicast TTL). Read at ColtPlus/linux-6.18.y 57218520 (6.18.24).

use crate::behaviour::wire::{TcpReport, WireModel, WireOption};
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
    pub const TCP_TTL_OF_ACK: Rule = Rule {
        id: "linux.wire.tcp_ttl_of_ack",
        formula: "tcp4: IP_PKTOPTIONS's IP_TTL = the TTL of the client's handshake ACK = getsockopt(IP_TTL)",
        why: "IP_PKTOPTIONS writes the socket's multicast TTL (mc_ttl) as its IP_TTL message, and an accepted socket's mc_ttl is the TTL of the packet that completed the handshake (so its IP_MULTICAST_TTL reads that too)",
        source: "net/ipv4/ip_sockglue.c do_ip_getsockopt case IP_PKTOPTIONS l.1669-1673 ('int hlim = READ_ONCE(inet->mc_ttl); put_cmsg(&msg, SOL_IP, IP_TTL, ...)'); net/ipv4/tcp_ipv4.c tcp_v4_syn_recv_sock l.1788 ('newinet->mc_ttl = ip_hdr(skb)->ttl;')",
    };
    pub const TCP_TOS_OF_ACK: Rule = Rule {
        id: "linux.wire.tcp_tos_of_ack",
        formula: "tcp4: IP_PKTOPTIONS's IP_TOS = the TOS of the client's handshake ACK = getsockopt(IP_TOS) (ECN bits cleared at set)",
        why: "the accepted socket keeps the TOS of the packet that completed the handshake (rcv_tos) and IP_PKTOPTIONS reports it; the client's TOS lost its ECN bits when set on a stream socket, and a pure ACK carries no ECT mark",
        source: "net/ipv4/tcp_ipv4.c tcp_v4_syn_recv_sock l.1789 ('newinet->rcv_tos = ip_hdr(skb)->tos;'); net/ipv4/ip_sockglue.c do_ip_getsockopt case IP_PKTOPTIONS l.1674-1677, __ip_sock_set_tos l.590-593 (SOCK_STREAM: 'val &= ~INET_ECN_MASK')",
    };
    pub const TCP_HOPS_OF_SYN: Rule = Rule {
        id: "linux.wire.tcp_hops_of_syn",
        formula: "tcp6: IPV6_2292PKTOPTIONS's IPV6_HOPLIMIT = the client's SYN's hop limit = getsockopt(IPV6_UNICAST_HOPS)",
        why: "a listener with IPV6_RECVHOPLIMIT keeps the SYN (ireq->pktopts), the accepted socket takes it as its pktoptions, and IPV6_2292PKTOPTIONS writes that packet's messages",
        source: "net/ipv6/tcp_ipv6.c tcp_v6_init_req l.812-818 (rxhlim: 'ireq->pktopts = skb'), tcp_v6_syn_recv_sock l.1533-1536; net/ipv6/ipv6_sockglue.c do_ipv6_getsockopt case IPV6_2292PKTOPTIONS l.1131-1133 (ip6_datagram_recv_ctl); net/ipv6/datagram.c ip6_datagram_recv_specific_ctl l.627-630",
    };
    pub const TCP_TCLASS_OF_ACK: Rule = Rule {
        id: "linux.wire.tcp_tclass_of_ack",
        formula: "tcp6: IPV6_2292PKTOPTIONS's IPV6_TCLASS = the traffic class of the client's handshake ACK = getsockopt(IPV6_TCLASS) (ECN bits cleared at set)",
        why: "with IPV6_RECVTCLASS alone the SYN is not kept, so the getsockopt falls back to rcv_flowinfo, which the accepted socket took from the packet completing the handshake; a stream socket's traffic class lost its ECN bits at set",
        source: "net/ipv6/tcp_ipv6.c tcp_v6_init_req l.812-818 (rxtclass not among the reasons to keep the SYN), tcp_v6_syn_recv_sock l.1469 ('newnp->rcv_flowinfo = ip6_flowinfo(ipv6_hdr(skb))'); net/ipv6/ipv6_sockglue.c do_ipv6_getsockopt l.1150-1154, do_ipv6_setsockopt IPV6_TCLASS l.724-727",
    };
    pub const TCP_V6_COMPAT32: Rule = Rule {
        id: "linux.wire.tcp_v6_compat32",
        formula: "tcp6, a 32-bit program on a 64-bit kernel: IPV6_2292PKTOPTIONS holds no message the program can find ('none')",
        why: "IPV6_2292PKTOPTIONS builds its messages with msg_flags 0, so put_cmsg writes the kernel's 64-bit cmsghdr (an 8-byte cmsg_len) even to a compat caller; a 32-bit program's CMSG walk reads the length's high half as the level and stops after one header. IPv4's IP_PKTOPTIONS sets MSG_CMSG_COMPAT and is read correctly",
        source: "net/ipv6/ipv6_sockglue.c do_ipv6_getsockopt case IPV6_2292PKTOPTIONS l.1128 ('msg.msg_flags = 0;'); net/ipv4/ip_sockglue.c do_ip_getsockopt case IP_PKTOPTIONS l.1659 ('msg.msg_flags = in_compat_syscall() ? MSG_CMSG_COMPAT : 0;'); net/core/scm.c put_cmsg (the compat layout only under MSG_CMSG_COMPAT)",
    };
}

/// The same read by a 32-bit program on a 64-bit kernel: IPv6's messages
/// come in the kernel's own layout, which the program's CMSG walk misreads.
fn tcp_compat32(option: WireOption, read_back: &Value) -> TcpReport {
    match option {
        WireOption::Hops | WireOption::Tclass => Some((None, &TCP_V6_COMPAT32)),
        _ => tcp(option, read_back),
    }
}

/// What a TCP receiver's IP_PKTOPTIONS / IPV6_2292PKTOPTIONS reports.
fn tcp(option: WireOption, read_back: &Value) -> TcpReport {
    Some(match option {
        WireOption::Ttl => (Some(read_back.clone()), &TCP_TTL_OF_ACK),
        WireOption::Tos => (Some(read_back.clone()), &TCP_TOS_OF_ACK),
        WireOption::Hops => (Some(read_back.clone()), &TCP_HOPS_OF_SYN),
        WireOption::Tclass => (Some(read_back.clone()), &TCP_TCLASS_OF_ACK),
    })
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

/// The model for a program of this width (`compat32`: 32-bit on a 64-bit
/// kernel).
pub fn model(compat32: bool) -> WireModel {
    WireModel {
        carries,
        tcp: if compat32 { tcp_compat32 } else { tcp },
        rules: RULES,
    }
}
