//! IPPROTO_IP on tcp4/udp4 (bsd/netinet/ip_output.c ip_ctloutput,
//! in_mcast.c) and IPPROTO_IPV6 on tcp6/udp6 (bsd/netinet6/ip6_output.c
//! ip6_ctloutput, in6_mcast.c). Other kinds are refused before (route.rs).

use super::route::{err, ok, ok_int, Ctx};
use crate::expr::Expr;
use crate::kind::State;
use crate::option::{IpOpt, Ipv6Opt};
use crate::platform::bsd::ip_options;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::xucred;

const SRC4: &str = "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput";

crate::rules! {
    pub const RECV_ANCILLARY: Rule = Rule {
        id: "macos.ip6.recv_ancillary_flag",
        formula: "v != 0 → 1; 0 → 0; default 0 (EINVAL after an RFC 2292 IPV6_2292PKTINFO/HOPLIMIT set)",
        why: "IPV6_RECVHOPLIMIT and IPV6_RECVPKTINFO are OPTSET on inp_flags and read with OPTBIT as 0/1 in any state, tcp6 as udp6 (TCP stores them but never delivers the ancillary data); a socket that used the RFC 2292 names first refuses them",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput case IPV6_RECVPKTINFO 'if (OPTBIT(IN6P_RFC2292)) { error = EINVAL; } OPTSET(IN6P_PKTINFO)', case IPV6_RECVHOPLIMIT OPTSET(IN6P_HOPLIMIT), get 'optval = OPTBIT(IN6P_HOPLIMIT)'",
    };
    pub const BYTE_CHECKED: Rule = Rule {
        id: "macos.ip.byte_checked",
        formula: "v > 255 → EINVAL; else (uint8_t)v (-1 → 255); IP_TTL default net.inet.ip.ttl, IP_TOS default 0",
        why: "from xnu-7195 (macOS 11): `if (optval > UINT8_MAX) { error = EINVAL; } inp->inp_ip_ttl = (uint8_t)optval;` (same for inp_ip_tos): a signed test, so negatives pass and wrap",
        source: SRC4,
    };
    pub const BYTE_UNCHECKED: Rule = Rule {
        id: "macos.ip.byte_unchecked",
        formula: "(u_char)v (256 → 0, -1 → 255); IP_TTL default net.inet.ip.ttl, IP_TOS default 0",
        why: "up to xnu-6153 (macOS 10.15) `inp->inp_ip_ttl = optval;` / `inp->inp_ip_tos = optval;` with no range check: plain u_char truncation, never EINVAL",
        source: "apple-oss-distributions/xnu xnu-6153.141.1 bsd/netinet/ip_output.c ip_ctloutput",
    };
    pub const HDRINCL_RAW: Rule = Rule {
        id: "macos.ip.hdrincl_raw_only",
        formula: "tcp, udp: ENOPROTOOPT (set and get)",
        why: "IP_HDRINCL is answered by rip_ctloutput for raw sockets; ip_ctloutput, which TCP and UDP hand IPPROTO_IP to, has no such case",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/raw_ip.c rip_ctloutput case IP_HDRINCL; bsd/netinet/ip_output.c ip_ctloutput 'default: error = ENOPROTOOPT' (SOPT_SET and SOPT_GET)",
    };
    pub const OPTIONS_EMPTY: Rule = Rule {
        id: "macos.ip.local_peercred_is_ip_options",
        formula: "inet: LOCAL_PEERCRED's number (1) is IP_OPTIONS: no options set => the read succeeds with 0 bytes, xucred(0 bytes)",
        why: "level 0 is SOL_LOCAL on a unix socket but IPPROTO_IP on an inet one, where name 1 is IP_OPTIONS; ip_ctloutput copies out the socket's IP options, and a socket that set none has its value size set to 0: no error, nothing written (an ICMP datagram socket passes IP_OPTIONS on to the same code)",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/netinet/ip_output.c ip_ctloutput SOPT_GET 'case IP_OPTIONS: case IP_RETOPTS: if (inp->inp_options) { ... } else { sopt->sopt_valsize = 0; }'; bsd/netinet/ip_icmp.c icmp_dgram_ctloutput 'case IP_OPTIONS:' → rip_ctloutput; bsd/sys/un.h LOCAL_PEERCRED 0x001",
    };
    pub const OPTIONS_SET: Rule = Rule {
        id: "macos.ip.local_peercred_set_is_ip_options",
        formula: "inet: a set of LOCAL_PEERCRED's number is IP_OPTIONS with the int's 4 bytes: ip_pcbopts takes them (EOL first, NOPs, whole options) => ok, and the read after it gets the 8 bytes stored, a zeroed first-hop address and the int: xucred(8 bytes: 0,v as unsigned,0,0), the int read as cr_uid; else EINVAL",
        why: "ip_ctloutput copies the int into an mbuf and hands it to ip_pcbopts, which stores a zeroed first-hop address in front of the options and walks them as (type, length) pairs: EOL ends the walk, NOP is one byte, a length under 2 or past the end is EINVAL, and a source route needs more bytes than an int has (the walk FreeBSD does, measured there through F-Stack)",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/netinet/ip_output.c ip_ctloutput SOPT_SET 'case IP_OPTIONS: ... return ip_pcbopts(sopt->sopt_name, &inp->inp_options, m)', ip_pcbopts ('bzero(mtod(m, caddr_t), sizeof(struct in_addr))', 'if (opt == IPOPT_EOL) break', 'if (optlen < IPOPT_OLEN + sizeof(*cp) || optlen > cnt) goto bad')",
    };
    pub const PEERPID_IS_HDRINCL: Rule = Rule {
        id: "macos.ip.local_peerpid_is_ip_hdrincl",
        formula: "inet: LOCAL_PEERPID's number (2) is IP_HDRINCL: as that option",
        why: "level 0 is SOL_LOCAL on a unix socket but IPPROTO_IP on an inet one, where name 2 is IP_HDRINCL, answered as the IP_HDRINCL row is",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/sys/un.h LOCAL_PEERPID 0x002; bsd/netinet/in.h IP_HDRINCL 2",
    };
    pub const INP_FLAG: Rule = Rule {
        id: "macos.ip.inp_flag",
        formula: "v != 0 → 1; 0 → 0; default 0",
        why: "IP_PKTINFO (= IP_RECVPKTINFO), IP_RECVOPTS, IP_RECVRETOPTS, IP_RECVDSTADDR, IP_RECVIF and IP_DONTFRAG are inp_flags / inp_flags2 bits set with OPTSET and read with OPTBIT / OPTBIT2 as 0/1, on TCP as on UDP",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput cases IP_RECVOPTS 'OPTSET(INP_RECVOPTS)', IP_RECVRETOPTS, IP_RECVDSTADDR, IP_RECVIF, IP_RECVPKTINFO 'OPTSET(INP_PKTINFO)', IP_DONTFRAG 'OPTSET2(INP2_DONTFRAG)'; '#define OPTBIT(bit) (inp->inp_flags & bit ? 1 : 0)'; bsd/netinet/in.h IP_PKTINFO 26, IP_RECVPKTINFO IP_PKTINFO",
    };
    pub const HDROPTS_ROOT_ONLY: Rule = Rule {
        id: "macos.ip6.recv_hdropts_root_only",
        formula: "not root: set succeeds and is ignored, reads 0; root: v != 0 → 1",
        why: "for a process that is not root, ip6_ctloutput breaks out of IPV6_RECVHOPOPTS / IPV6_RECVDSTOPTS before storing anything, with no error: the set 'succeeds' and the option stays 0 (the model is of an ordinary user)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput 'privileged = (proc_suser(p) == 0)', 'case IPV6_RECVHOPOPTS: case IPV6_RECVDSTOPTS: ... if (!privileged) { break; }', get OPTBIT(IN6P_HOPOPTS) / OPTBIT(IN6P_DSTOPTS)",
    };
    pub const IP6_UNNAMED: Rule = Rule {
        id: "macos.ip6.unnamed_name",
        formula: "IPPROTO_IPV6 name 2 on tcp6, udp6: ENOPROTOOPT (set and get)",
        why: "xnu's headers give no IPPROTO_IPV6 option the number 2 (IPV6_OPTIONS 1 and the IPv4 relics are '#if 0', 3 is reserved) and ip6_ctloutput has no case for it: both directions end in 'default: error = ENOPROTOOPT'. tcp_ctloutput and udp_ctloutput hand a level that is not theirs to ip6_ctloutput; an ordinary user's icmp6 socket stops earlier, at icmp6_dgram_ctloutput's allow list (EPERM). socket2's header_included_v6 pair sends it (socket2.sends_unnamed_number)",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/netinet6/ip6_output.c ip6_ctloutput SOPT_SET 'default: error = ENOPROTOOPT' (line 2897) and SOPT_GET (line 3109); bsd/netinet6/in6.h lines 504-511; bsd/netinet6/raw_ip6.c rip6_ctloutput 'default: error = ip6_ctloutput(so, sopt)'",
    };
    pub const HOPOPTS_2292: Rule = Rule {
        id: "macos.ip6.hopopts2292_root_only",
        formula: "not root: set => EPERM, reads 0; root: v != 0 → 1",
        why: "RFC 2292's IPV6_2292HOPOPTS is the IN6P_HOPOPTS bit; unlike IPV6_RECVHOPOPTS, a set by a process that is not root returns EPERM (the model is of an ordinary user); a read is OPTBIT, 0 until root sets it",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/netinet6/ip6_output.c ip6_ctloutput set 'case IPV6_2292HOPOPTS: ... if (!privileged) { return EPERM; } OPTSET2292(IN6P_HOPOPTS)' (after 'if (optlen != sizeof(int))'), get 'optval = OPTBIT(IN6P_HOPOPTS)'; bsd/netinet6/in6.h IPV6_2292HOPOPTS 22",
    };
    pub const TCP_IGNORES6: Rule = Rule {
        id: "macos.ip6.tcp_ignores",
        formula: "tcp6: set succeeds, reads 0; udp6: v != 0 → 1; default 0",
        why: "IPV6_RECVPATHMTU and IPV6_DONTFRAG are ignored on TCP sockets (the set returns 0 and stores nothing); on datagram sockets they are flags read back as 0/1",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput case IPV6_RECVPATHMTU 'if (uproto != IPPROTO_TCP) { OPTSET(IN6P_MTU); }'; ip6_setpktopt case IPV6_DONTFRAG 'if (uproto == IPPROTO_TCP || *(int *)(void *)buf == 0) opt->ip6po_flags &= ~IP6PO_DONTFRAG'; ip6_getpcbopt",
    };
    pub const MCAST_IF6: Rule = Rule {
        id: "macos.ip6.multicast_if",
        formula: "stream => EOPNOTSUPP (set and get); 1..if_index with IFF_MULTICAST => v (lo0 is 1); 0, negative or past if_index => EINVAL; default 0",
        why: "ip6_setmoptions / ip6_getmoptions serve only datagram and raw sockets; in6p_set_multicast_if refuses an index outside 1..if_index, 0 included (the comment above it says 0 removes the choice, the code does not)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c ip6_setmoptions 'SOCK_TYPE(...) != SOCK_RAW && SOCK_TYPE(...) != SOCK_DGRAM => return EOPNOTSUPP', in6p_set_multicast_if 'if (!IF_INDEX_IN_RANGE(ifindex)) return EINVAL', '#define IF_INDEX_IN_RANGE(_ind_) ((_ind_) > 0 && (unsigned int)(_ind_) <= (unsigned int)if_index)'",
    };
    pub const USE_MIN_MTU: Rule = Rule {
        id: "macos.ip6.use_min_mtu",
        formula: "v in {-1, 0, 1} else EINVAL; default -1",
        why: "IPV6_USE_MIN_MTU is a policy: -1 the minimum MTU for multicast only (the default), 0 never, 1 always",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_setpktopt case IPV6_USE_MIN_MTU ('minmtupolicy != IP6PO_MINMTU_MCASTONLY && ... => EINVAL'), ip6_getpcbopt (IP6PO_MINMTU_MCASTONLY when unset)",
    };
    pub const RECV_FLAG: Rule = Rule {
        id: "macos.ip.recv_flag",
        formula: "v != 0 → 1; 0 → 0; default 0",
        why: "IP_RECVTTL / IP_RECVTOS / IPV6_RECVTCLASS / IPV6_V6ONLY are OPTSET on inp_flags and read with `OPTBIT(bit) (inp->inp_flags & bit ? 1 : 0)`, on TCP as on UDP",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput; bsd/netinet6/ip6_output.c ip6_ctloutput",
    };
    pub const MCAST_STREAM: Rule = Rule {
        id: "macos.route.multicast_on_stream",
        formula: "multicast option on tcp → EOPNOTSUPP (set and get)",
        why: "inp_setmoptions / inp_getmoptions / ip6_setmoptions / ip6_getmoptions: `if (SOCK_TYPE != SOCK_RAW && SOCK_TYPE != SOCK_DGRAM) return EOPNOTSUPP;`",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions / inp_getmoptions; bsd/netinet6/in6_mcast.c ip6_setmoptions / ip6_getmoptions",
    };
    pub const MCAST_IF: Rule = Rule {
        id: "macos.ip.mcast_if",
        formula: "0.0.0.0 → none; 0.x.x.x → interface index x (read back as set); else the interface holding exactly that address (read back as its first IPv4 address), else EADDRNOTAVAIL; default 0.0.0.0",
        why: "inp_set_multicast_if reads an in_addr: ip_multicast_if takes 0.0.0.0/8 as an interface index (RFC 1724 §3.3; lo0 is index 1) and remembers that address, otherwise it looks the address up exactly (INADDR_TO_IFP: 127.0.0.2 and 192.0.2.1 find nothing) and keeps only the interface, so the read reports lo0's first IPv4 address, 127.0.0.1; lo0 has IFF_MULTICAST. The same in xnu-6153, 7195, 10002 and 11417",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_set_multicast_if 'ifp = ip_multicast_if(&addr, &ifindex); if (ifp == NULL) { ... return EADDRNOTAVAIL; }' ... 'if (ifindex) { imo->imo_multicast_addr = addr; } else { imo->imo_multicast_addr.s_addr = INADDR_ANY; }', ip_multicast_if 'if (ntohl(a->s_addr) >> 24 == 0) { ifindex = ntohl(a->s_addr) & 0xffffff; ...' else 'INADDR_TO_IFP(*a, ifp)', inp_getmoptions case IP_MULTICAST_IF 'if (!in_nullhost(imo->imo_multicast_addr)) { mreqn.imr_address = imo->imo_multicast_addr; } else if (ifp != NULL) { ... IFP_TO_IA(ifp, ia); ... mreqn.imr_address = IA_SIN(ia)->sin_addr'; unchanged from xnu-6153.141.1, xnu-7195.141.2, xnu-10002.81.5",
    };
    pub const MCAST_TTL: Rule = Rule {
        id: "macos.ip.mcast_ttl",
        formula: "(u_int)v <= 255 → v, else EINVAL (negatives too); default 1",
        why: "inp_setmoptions IP_MULTICAST_TTL reads a u_int: `if (ittl > 255) error = EINVAL;`; IP_DEFAULT_MULTICAST_TTL is 1",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions; bsd/netinet/in.h IP_DEFAULT_MULTICAST_TTL",
    };
    pub const MCAST_LOOP: Rule = Rule {
        id: "macos.ip.mcast_loop",
        formula: "(u_char)v != 0 → 1, else 0 (256 → 0); default 1",
        why: "inp_setmoptions IP_MULTICAST_LOOP: `loop = (u_char)iloop; imo->imo_multicast_loop = !!loop;` — only the low byte counts",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions",
    };
    pub const V6ONLY: Rule = Rule {
        id: "macos.ip6.v6only",
        formula: "fresh: v != 0 → 1, 0 → 0; bound/listening/connected: set → EINVAL; default net.inet6.ip6.v6only (0)",
        why: "ip6_ctloutput IPV6_V6ONLY: `if (in6p->inp_lport || !IN6_IS_ADDR_UNSPECIFIED(&in6p->in6p_laddr)) { error = EINVAL; }` else OPTSET, read with OPTBIT; ip6_v6only is 0",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput; bsd/netinet6/in6_proto.c ip6_v6only",
    };
    pub const UNICAST_HOPS: Rule = Rule {
        id: "macos.ip6.unicast_hops",
        formula: "-1 <= v <= 255 → v (-1 kept); else EINVAL; default -1",
        why: "`if (optval < -1 || optval >= 256) error = EINVAL; else in6p->in6p_hops = optval;` and get returns in6p_hops; tcp_attach / udp6_attach start it at -1 (use the kernel default)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput; bsd/netinet6/udp6_usrreq.c udp6_attach",
    };
    pub const MCAST_HOPS: Rule = Rule {
        id: "macos.ip6.mcast_hops",
        formula: "0 <= v <= 255 → v; -1 → 1 (ip6_defmcasthlim); else EINVAL; default 1",
        why: "ip6_setmoptions IPV6_MULTICAST_HOPS: `if (hlim < -1 || hlim > IPV6_MAXHLIM) EINVAL; else if (hlim == -1) hlim = ip6_defmcasthlim;`",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c ip6_setmoptions",
    };
    pub const MCAST_LOOP6: Rule = Rule {
        id: "macos.ip6.mcast_loop",
        formula: "(u_int)v <= 1 → v, else EINVAL (2, 256, -1 too); default 1",
        why: "ip6_setmoptions IPV6_MULTICAST_LOOP reads a u_int: `if (loop > 1) error = EINVAL;` — stricter than IPv4",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c ip6_setmoptions",
    };
    pub const TCLASS: Rule = Rule {
        id: "macos.ip6.tclass",
        formula: "0 <= v <= 255 → v; -1 → 0 (kernel default); else EINVAL; default 0",
        why: "ip6_setpktopt: `if (tclass < -1 || tclass > 255) return EINVAL;` stores it; ip6_getpcbopt returns ip6po_tclass when >= 0, else 0",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_setpktopt / ip6_getpcbopt",
    };
    pub const ICMP4_FILTER: Rule = Rule {
        id: "macos.icmp.ip_filter",
        formula: "icmp4: IP_TTL, IP_TOS, IP_HDRINCL, IP_MULTICAST_TTL/LOOP, IP_RECV{OPTS,RETOPTS,DSTADDR,IF,TTL}, IP_BOUND_IF, IP_DONTFRAG as on udp4; any other IPPROTO_IP option (IP_RECVTOS, IP_PKTINFO) → EINVAL",
        why: "an ICMP datagram socket (unprivileged ping, icmp_dgram_attach has no root check) answers IPPROTO_IP through icmp_dgram_ctloutput, an allow list in front of rip_ctloutput / ip_ctloutput; a name outside it is EINVAL for set and get, where a UDP socket would reach ip_ctloutput",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_icmp.c icmp_dgram_ctloutput (case list, 'default: error = EINVAL'), icmp_dgram_attach '/* Like rip_attach but without root privilege enforcement */'; bsd/netinet/in_proto.c inetsw SOCK_DGRAM IPPROTO_ICMP '.pr_ctloutput = icmp_dgram_ctloutput'",
    };
    pub const ICMP4_HDRINCL: Rule = Rule {
        id: "macos.icmp.hdrincl_bit",
        formula: "icmp4: v != 0 → 8 (INP_HDRINCL); 0 → 0; default 0",
        why: "rip_ctloutput keeps IP_HDRINCL as the INP_HDRINCL bit of inp_flags and reads it back as `inp->inp_flags & INP_HDRINCL`, the bit itself (8), not 1; on an ICMP datagram socket it makes icmp_dgram_send expect a caller-built IPv4 header",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/raw_ip.c rip_ctloutput get 'optval = inp->inp_flags & INP_HDRINCL', set 'if (optval) { inp->inp_flags |= INP_HDRINCL; } else ...'; bsd/netinet/in_pcb.h INP_HDRINCL 0x00000008",
    };
    pub const ICMP6_FILTER: Rule = Rule {
        id: "macos.icmp6.ip6_filter",
        formula: "icmp6: IPV6_UNICAST_HOPS, V6ONLY, USE_MIN_MTU, RECV{RTHDR,PKTINFO,HOPLIMIT,TCLASS}, MULTICAST_{IF,HOPS,LOOP}, TCLASS, BOUND_IF, 2292HOPOPTS as on udp6; any other IPPROTO_IPV6 option (IPV6_RECVHOPOPTS, RECVDSTOPTS, RECVPATHMTU, DONTFRAG) → EPERM",
        why: "an ICMPv6 datagram socket an ordinary user made answers IPPROTO_IPV6 through icmp6_dgram_ctloutput, an allow list in front of ip6_ctloutput whose default is EPERM (set and get); a socket made by root skips the list (rip6_ctloutput), which the model does not cover",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/icmp6.c icmp6_dgram_ctloutput (case list, 'default: return EPERM;'), icmp6_dgram_attach (no privilege check); bsd/netinet6/in6_proto.c inet6sw SOCK_DGRAM IPPROTO_ICMPV6",
    };
    pub const BOUND_IF: Rule = Rule {
        id: "macos.ip.bound_if",
        formula: "0 => 0 (unbound); an index 1..if_index with an interface => v (lo0 is 1); past if_index or negative (as unsigned) => ENXIO; default 0",
        why: "IP_BOUND_IF and IPV6_BOUND_IF (socket2's bind_device_by_index_v4 / _v6 on Apple) pass the int as an unsigned interface scope to inp_bindif, which refuses one past if_index or with no interface (ENXIO) and treats 0 as unbind; the getter reads inp_boundifp's index only while INP_BOUND_IF is set, else the 0 optval starts at; tcp as udp, in every state",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_pcb.c inp_bindif 'if ((ifscope > (unsigned)if_index) || (ifscope != IFSCOPE_NONE && (ifp = ifindex2ifnet[ifscope]) == NULL)) { return ENXIO; }'; bsd/netinet/ip_output.c ip_ctloutput 'error = optval = 0', case IP_BOUND_IF set 'error = inp_bindif(inp, optval, NULL)', get 'if (inp->inp_flags & INP_BOUND_IF) { optval = inp->inp_boundifp->if_index; }'; bsd/netinet6/ip6_output.c ip6_ctloutput case IPV6_BOUND_IF (the same through inp_bindif)",
    };
}

/// The IPPROTO_IP options icmp_dgram_ctloutput passes on (to rip_ctloutput,
/// and from there to ip_ctloutput but for IP_HDRINCL); the rest are EINVAL.
const ICMP4_PASSES: &[IpOpt] = &[
    IpOpt::Hdrincl,
    // (IP_HDRINCL's and IP_OPTIONS' numbers, on an inet socket.)
    IpOpt::LocalPeerpid,
    IpOpt::LocalPeercred,
    IpOpt::Tos,
    IpOpt::Ttl,
    IpOpt::Recvopts,
    IpOpt::Recvretopts,
    IpOpt::Recvdstaddr,
    IpOpt::MulticastTtl,
    IpOpt::MulticastLoop,
    IpOpt::MulticastIf,
    IpOpt::AddMembership,
    IpOpt::DropMembership,
    IpOpt::Recvif,
    IpOpt::Recvttl,
    IpOpt::BoundIf,
    IpOpt::Dontfrag,
];

/// The IPPROTO_IPV6 options icmp6_dgram_ctloutput passes on to
/// ip6_ctloutput for a socket an ordinary user made; the rest are EPERM.
const ICMP6_PASSES: &[Ipv6Opt] = &[
    Ipv6Opt::UnicastHops,
    Ipv6Opt::V6only,
    Ipv6Opt::UseMinMtu,
    Ipv6Opt::Recvrthdr,
    Ipv6Opt::Recvpktinfo,
    Ipv6Opt::Recvhoplimit,
    Ipv6Opt::MulticastIf,
    Ipv6Opt::MulticastHops,
    Ipv6Opt::MulticastLoop,
    Ipv6Opt::AddMembership,
    Ipv6Opt::DropMembership,
    Ipv6Opt::Recvtclass,
    Ipv6Opt::Tclass,
    Ipv6Opt::BoundIf,
    Ipv6Opt::Hopopts2292,
];

/// IP_BOUND_IF / IPV6_BOUND_IF: lo0 is index 1, and the ladder's other
/// indexes (1000000, and -1 or u32::MAX as unsigned) are past if_index.
fn bound_if(v: Option<Expr>) -> Prediction {
    match v {
        None => ok_int(Expr::lit(0), &BOUND_IF),
        Some(e) if matches!(e.value(), 0 | 1) => ok_int(e, &BOUND_IF),
        Some(_) => err("ENXIO", &BOUND_IF),
    }
}

/// The int a set asks for, as the C int the kernel copies in (None for a read).
fn request_int(c: &Ctx<'_>) -> Option<Expr> {
    c.int().map(|e| e.map_value(|v| i128::from(v as i32)))
}

fn flag(v: Option<Expr>, rule: &'static Rule) -> Prediction {
    let on = v.is_some_and(|v| v.value() != 0);
    ok_int(Expr::lit(i128::from(on)), rule)
}

pub fn v4(o: IpOpt, c: &Ctx<'_>) -> Prediction {
    let v = request_int(c);
    let dgram = !c.kind.is_stream();
    if c.kind.is_icmp() && !ICMP4_PASSES.contains(&o) {
        return err("EINVAL", &ICMP4_FILTER);
    }
    match o {
        IpOpt::LocalPeercred => match v {
            None => ok(xucred::empty(), &OPTIONS_EMPTY),
            Some(v) if ip_options::takes_int(v.value()) => ok(xucred::after_options(v.value()), &OPTIONS_SET),
            Some(_) => err("EINVAL", &OPTIONS_SET),
        },
        IpOpt::LocalPeerpid => {
            let as_hdrincl = v4(IpOpt::Hdrincl, c);
            let mut rules = vec![&PEERPID_IS_HDRINCL];
            rules.extend(as_hdrincl.rules);
            Prediction::new(as_hdrincl.expected, rules)
        }
        IpOpt::Hdrincl if c.kind.is_icmp() => {
            let on = v.is_some_and(|v| v.value() != 0);
            ok_int(Expr::lit(if on { 8 } else { 0 }), &ICMP4_HDRINCL)
        }
        IpOpt::Ttl | IpOpt::Tos => {
            let default = if o == IpOpt::Ttl {
                c.fact("net.inet.ip.ttl")
            } else {
                Expr::lit(0)
            };
            let checked = c.facts.release.ip_byte_checked;
            let rule = if checked { &BYTE_CHECKED } else { &BYTE_UNCHECKED };
            match v {
                None => ok_int(default, rule),
                Some(v) if checked && v.value() > 255 => err("EINVAL", rule),
                Some(v) => ok_int(v.map_value(|x| i128::from(x as u8)), rule),
            }
        }
        IpOpt::AddMembership
        | IpOpt::DropMembership
        | IpOpt::AddSourceMembership
        | IpOpt::DropSourceMembership => super::membership::v4(o, c),
        IpOpt::MulticastTtl | IpOpt::MulticastLoop | IpOpt::MulticastIf if !dgram => {
            err("EOPNOTSUPP", &MCAST_STREAM)
        }
        IpOpt::MulticastIf => {
            let addr = |a| crate::address::in_addr(a).unwrap_or(Expr::lit(0));
            match v.map(|v| (v, crate::address::in_addr_of(v.value()).map(|ip| ip.octets()))) {
                None | Some((_, Some([0, 0, 0, 0]))) => ok_int(addr("0.0.0.0"), &MCAST_IF),
                // Index 1 is lo0.
                Some((v, Some([0, 0, 0, 1]))) => ok_int(crate::address::in_addr_read(v), &MCAST_IF),
                Some((_, Some([127, 0, 0, 1]))) => ok_int(addr("127.0.0.1"), &MCAST_IF),
                Some(_) => err("EADDRNOTAVAIL", &MCAST_IF),
            }
        }
        IpOpt::MulticastTtl => match v {
            None => ok_int(Expr::lit(1), &MCAST_TTL),
            Some(v) if (v.value() as u32) > 255 => err("EINVAL", &MCAST_TTL),
            Some(v) => ok_int(v, &MCAST_TTL),
        },
        IpOpt::MulticastLoop => match v {
            None => ok_int(Expr::lit(1), &MCAST_LOOP),
            Some(v) => ok_int(Expr::lit(i128::from(v.value() as u8 != 0)), &MCAST_LOOP),
        },
        IpOpt::Recvtos | IpOpt::Recvttl => flag(v, &RECV_FLAG),
        IpOpt::Pktinfo
        | IpOpt::Recvopts
        | IpOpt::Recvretopts
        | IpOpt::Recvdstaddr
        | IpOpt::Recvif
        | IpOpt::Dontfrag => flag(v, &INP_FLAG),
        IpOpt::Hdrincl => err("ENOPROTOOPT", &HDRINCL_RAW),
        IpOpt::BoundIf => bound_if(v),
        _ => crate::platform::gated(),
    }
}

pub fn v6(o: Ipv6Opt, c: &Ctx<'_>) -> Prediction {
    let v = request_int(c);
    let dgram = !c.kind.is_stream();
    if c.kind.is_icmp() && !ICMP6_PASSES.contains(&o) {
        return err("EPERM", &ICMP6_FILTER);
    }
    match o {
        Ipv6Opt::AddMembership | Ipv6Opt::DropMembership => super::membership::v6(o, c),
        Ipv6Opt::V6only => match v {
            Some(_) if c.state != State::Fresh => err("EINVAL", &V6ONLY),
            v => flag(v, &V6ONLY),
        },
        Ipv6Opt::UnicastHops => match v {
            None => ok_int(Expr::lit(-1), &UNICAST_HOPS),
            Some(v) if v.value() < -1 || v.value() >= 256 => err("EINVAL", &UNICAST_HOPS),
            Some(v) => ok_int(v, &UNICAST_HOPS),
        },
        Ipv6Opt::MulticastHops | Ipv6Opt::MulticastLoop if !dgram => err("EOPNOTSUPP", &MCAST_STREAM),
        Ipv6Opt::MulticastHops => match v {
            None => ok_int(Expr::lit(1), &MCAST_HOPS),
            Some(v) if v.value() < -1 || v.value() > 255 => err("EINVAL", &MCAST_HOPS),
            Some(v) if v.value() == -1 => ok_int(Expr::lit(1), &MCAST_HOPS),
            Some(v) => ok_int(v, &MCAST_HOPS),
        },
        Ipv6Opt::MulticastLoop => match v {
            None => ok_int(Expr::lit(1), &MCAST_LOOP6),
            Some(v) if (v.value() as u32) > 1 => err("EINVAL", &MCAST_LOOP6),
            Some(v) => ok_int(v, &MCAST_LOOP6),
        },
        Ipv6Opt::Tclass => match v {
            None => ok_int(Expr::lit(0), &TCLASS),
            Some(v) if v.value() < -1 || v.value() > 255 => err("EINVAL", &TCLASS),
            Some(v) if v.value() == -1 => ok_int(Expr::lit(0), &TCLASS),
            Some(v) => ok_int(v, &TCLASS),
        },
        Ipv6Opt::Recvtclass => flag(v, &RECV_FLAG),
        Ipv6Opt::Recvhoplimit | Ipv6Opt::Recvpktinfo => flag(v, &RECV_ANCILLARY),
        Ipv6Opt::Recvrthdr => flag(v, &RECV_ANCILLARY),
        Ipv6Opt::Recvhopopts | Ipv6Opt::Recvdstopts if c.sym("privileged").value == 0 => {
            ok_int(Expr::lit(0), &HDROPTS_ROOT_ONLY)
        }
        Ipv6Opt::Recvhopopts | Ipv6Opt::Recvdstopts => flag(v, &HDROPTS_ROOT_ONLY),
        Ipv6Opt::Hopopts2292 if c.sym("privileged").value == 0 => match v {
            Some(_) => err("EPERM", &HOPOPTS_2292),
            None => ok_int(Expr::lit(0), &HOPOPTS_2292),
        },
        Ipv6Opt::Hopopts2292 => flag(v, &HOPOPTS_2292),
        Ipv6Opt::Recvpathmtu | Ipv6Opt::Dontfrag if !dgram => ok_int(Expr::lit(0), &TCP_IGNORES6),
        Ipv6Opt::Recvpathmtu | Ipv6Opt::Dontfrag => flag(v, &TCP_IGNORES6),
        Ipv6Opt::MulticastIf if !dgram => err("EOPNOTSUPP", &MCAST_IF6),
        Ipv6Opt::MulticastIf => match v {
            None => ok_int(Expr::lit(0), &MCAST_IF6),
            Some(e) if e.value() == 1 => ok_int(e, &MCAST_IF6),
            Some(_) => err("EINVAL", &MCAST_IF6),
        },
        Ipv6Opt::BoundIf => bound_if(v),
        // socket2's set_header_included_v6: IP_HDRINCL's 2, unnamed here.
        Ipv6Opt::Hdrincl => err("ENOPROTOOPT", &IP6_UNNAMED),
        Ipv6Opt::UseMinMtu => match v {
            None => ok_int(Expr::lit(-1), &USE_MIN_MTU),
            Some(e) if (-1..=1).contains(&e.value()) => ok_int(e, &USE_MIN_MTU),
            Some(_) => err("EINVAL", &USE_MIN_MTU),
        },
        _ => crate::platform::gated(),
    }
}
