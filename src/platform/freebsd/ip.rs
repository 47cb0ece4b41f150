//! IPPROTO_IP (ip_ctloutput, in_mcast.c; on unix sockets level 0 is
//! SOL_LOCAL) and IPPROTO_IPV6 (ip6_ctloutput, in6_mcast.c).

use super::shared::{int, src, Ctx};
use crate::case::Request;
use crate::expr::Expr;
use crate::kind::{Domain, State};
use crate::option::{IpOpt, Ipv6Opt};
use crate::platform::bsd::ip_options;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;
use crate::xucred;

crate::rules! {
    pub const RECV_ANCILLARY: Rule = Rule {
        id: "freebsd.ip6.recv_ancillary_flag",
        formula: "v != 0 => 1 else 0; default 0 (EINVAL after an RFC 2292 IPV6_2292* set)",
        why: "IPV6_RECVHOPLIMIT and IPV6_RECVPKTINFO are inp_flags bits set with OPTSET2292_EXCLUSIVE and read with OPTBIT as 0/1, on tcp6 as on udp6, in any state",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_ctloutput case IPV6_RECVPKTINFO 'OPTSET2292_EXCLUSIVE(IN6P_PKTINFO)', case IPV6_RECVHOPLIMIT 'OPTSET2292_EXCLUSIVE(IN6P_HOPLIMIT)', get 'optval = OPTBIT(IN6P_HOPLIMIT)'; the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162)"),
    };
    pub const INP_FLAGS01: Rule = Rule {
        id: "freebsd.ip.inp_flag",
        formula: "v != 0 ? 1 : 0; default 0",
        why: "IP_RECVOPTS, IP_RECVRETOPTS, IP_RECVDSTADDR, IP_RECVIF, IP_ORIGDSTADDR and IP_DONTFRAG are inp_flags / inp_flags2 bits set with OPTSET and read with OPTBIT as 0/1, on TCP as on UDP (ip_ctloutput checks no socket type; TCP just ignores them)",
        source: src!(F13, "sys/netinet/ip_output.c ip_ctloutput cases IP_RECVOPTS 'OPTSET(INP_RECVOPTS)', IP_RECVRETOPTS, IP_RECVDSTADDR, IP_RECVIF, IP_ORIGDSTADDR 'OPTSET2(INP_ORIGDSTADDR, optval)', IP_DONTFRAG 'OPTSET(INP_DONTFRAG)'; get 'optval = OPTBIT(...)', '#define OPTBIT(bit) (inp->inp_flags & bit ? 1 : 0)'"),
    };
    pub const HDRINCL_RAW: Rule = Rule {
        id: "freebsd.ip.hdrincl_raw_only",
        formula: "tcp, udp: ENOPROTOOPT (set and get)",
        why: "IP_HDRINCL is answered by rip_ctloutput, the raw sockets' handler; ip_ctloutput, which TCP and UDP hand IPPROTO_IP to, has no such case",
        source: src!(F13, "sys/netinet/raw_ip.c rip_ctloutput case IP_HDRINCL; sys/netinet/ip_output.c ip_ctloutput 'default: error = ENOPROTOOPT' (set and get)"),
    };
    pub const MINTTL: Rule = Rule {
        id: "freebsd.ip.minttl",
        formula: "0 <= v <= MAXTTL (255) else EINVAL; default 0",
        why: "IP_MINTTL drops received packets with a smaller TTL (RFC 5082); 0 is off",
        source: src!(F13, "sys/netinet/ip_output.c ip_ctloutput case IP_MINTTL 'if (optval >= 0 && optval <= MAXTTL) inp->inp_ip_minttl = optval; else error = EINVAL', get 'optval = inp->inp_ip_minttl'"),
    };
    pub const RECV_ANCILLARY6: Rule = Rule {
        id: "freebsd.ip6.recv_flag",
        formula: "v != 0 ? 1 : 0; default 0",
        why: "IPV6_RECVRTHDR and IPV6_RECVPATHMTU are inp_flags bits read with OPTBIT as 0/1 (IPV6_RECVPATHMTU only on datagram sockets: see freebsd.ip6.tcp_ignores)",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_ctloutput case IPV6_RECVRTHDR 'OPTSET2292_EXCLUSIVE(IN6P_RTHDR)', case IPV6_RECVPATHMTU 'if (uproto != IPPROTO_TCP) OPTSET(IN6P_MTU)', get 'optval = OPTBIT(...)'"),
    };
    pub const RECV_HDROPTS: Rule = Rule {
        id: "freebsd.ip6.recv_hdropts_privileged",
        formula: "set without privilege => EPERM; else v != 0 ? 1 : 0; default 0",
        why: "IPV6_RECVHOPOPTS and IPV6_RECVDSTOPTS need PRIV_NETINET_SETHDROPTS (root); F-Stack's priv_check always succeeds, so there they are plain flags",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_ctloutput 'case IPV6_RECVHOPOPTS: case IPV6_RECVDSTOPTS: ... error = priv_check(td, PRIV_NETINET_SETHDROPTS); if (error) break;', then 'OPTSET2292_EXCLUSIVE(IN6P_HOPOPTS)' / IN6P_DSTOPTS; F-Stack lib/ff_glue.c priv_check 'return (0)'"),
    };
    pub const HOPOPTS_2292: Rule = Rule {
        id: "freebsd.ip6.hopopts2292_privileged",
        formula: "set without privilege => EPERM; else v != 0 ? 1 : 0; default 0",
        why: "RFC 2292's IPV6_2292HOPOPTS sets the same IN6P_HOPOPTS bit as IPV6_RECVHOPOPTS (and marks the socket as using the old API), and needs PRIV_NETINET_SETHDROPTS first; F-Stack's priv_check always succeeds, so there it is a plain flag",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_ctloutput set 'case IPV6_2292HOPOPTS: ... error = priv_check(td, PRIV_NETINET_SETHDROPTS); if (error) return (error); OPTSET2292(IN6P_HOPOPTS)', get 'optval = OPTBIT(IN6P_HOPOPTS)'; F-Stack lib/ff_glue.c priv_check 'return (0)'"),
    };
    pub const TCP_IGNORES: Rule = Rule {
        id: "freebsd.ip6.tcp_ignores",
        formula: "tcp6: set succeeds, reads 0",
        why: "ip6_ctloutput ignores IPV6_RECVPATHMTU and IPV6_DONTFRAG on TCP sockets ('We ignore this option for TCP sockets'): the set returns 0 and nothing is stored",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_ctloutput case IPV6_RECVPATHMTU 'if (uproto != IPPROTO_TCP) OPTSET(IN6P_MTU)'; ip6_setpktopt case IPV6_DONTFRAG 'if (uproto == IPPROTO_TCP || *(int *)buf == 0) opt->ip6po_flags &= ~IP6PO_DONTFRAG'"),
    };
    pub const DONTFRAG6: Rule = Rule {
        id: "freebsd.ip6.dontfrag",
        formula: "v != 0 ? 1 : 0; default 0",
        why: "IPV6_DONTFRAG is a flag of the socket's packet options, read back as 0/1",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_setpktopt case IPV6_DONTFRAG 'opt->ip6po_flags |= IP6PO_DONTFRAG', ip6_getpcbopt 'on = 1 / on = 0'"),
    };
    pub const AUTOFLOWLABEL: Rule = Rule {
        id: "freebsd.ip6.autoflowlabel",
        formula: "v != 0 ? 1 : 0; default net.inet6.ip6.auto_flowlabel != 0",
        why: "a new socket gets IN6P_AUTOFLOWLABEL when net.inet6.ip6.auto_flowlabel is on (stock 1); the option sets and reads that bit as 0/1",
        source: src!(F13, "sys/netinet/in_pcb.c in_pcballoc 'if (V_ip6_auto_flowlabel) inp->inp_flags |= IN6P_AUTOFLOWLABEL'; sys/netinet6/ip6_output.c ip6_ctloutput case IPV6_AUTOFLOWLABEL 'OPTSET(IN6P_AUTOFLOWLABEL)', get OPTBIT"),
    };
    pub const ORIGDSTADDR6_NO_GET: Rule = Rule {
        id: "freebsd.ip6.origdstaddr_unreadable",
        formula: "get => ENOPROTOOPT (a set succeeds)",
        why: "ip6_ctloutput sets IPV6_ORIGDSTADDR, but its get side lists the name only inside the inner switch, not among the outer case labels, so every read falls to the default ENOPROTOOPT",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_ctloutput SOPT_SET case IPV6_ORIGDSTADDR 'OPTSET2(INP_ORIGDSTADDR, optval)'; SOPT_GET outer case list without IPV6_ORIGDSTADDR, 'default: error = ENOPROTOOPT'; the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162)"),
    };
    pub const MCAST_IF6: Rule = Rule {
        id: "freebsd.ip6.multicast_if",
        formula: "stream => EOPNOTSUPP (set and get); 0 clears; an existing multicast ifindex => v; no such index: EINVAL (13), EADDRNOTAVAIL (14+); default 0",
        why: "ip6_setmoptions / ip6_getmoptions serve only datagram and raw sockets; in6p_set_multicast_if takes the index as a u_int (so -1 is huge) and refuses one past if_index with EINVAL up to 13, while 14 looks it up and answers EADDRNOTAVAIL; index 1 always exists (the first interface attached)",
        source: src!(F13, "sys/netinet6/in6_mcast.c ip6_setmoptions 'if (... (pr_type != SOCK_RAW && pr_type != SOCK_DGRAM)) return (EOPNOTSUPP)', in6p_set_multicast_if 'if (V_if_index < ifindex) return (EINVAL); if (ifindex == 0) ifp = NULL; ... if ((ifp->if_flags & IFF_MULTICAST) == 0) return (EADDRNOTAVAIL)'; stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) 'if (ifp == NULL || (ifp->if_flags & IFF_MULTICAST) == 0) return (EADDRNOTAVAIL)'"),
    };
    pub const USE_MIN_MTU: Rule = Rule {
        id: "freebsd.ip6.use_min_mtu",
        formula: "v in {-1, 0, 1} else EINVAL; default -1",
        why: "IPV6_USE_MIN_MTU is a policy: -1 the minimum MTU for multicast only (the default), 0 never, 1 always",
        source: src!(F13, "sys/netinet6/ip6_output.c ip6_setpktopt case IPV6_USE_MIN_MTU 'if (minmtupolicy != IP6PO_MINMTU_MCASTONLY && ... != IP6PO_MINMTU_ALL) return (EINVAL)', ip6_getpcbopt 'defminmtu = IP6PO_MINMTU_MCASTONLY'"),
    };
    pub const TTL_UCHAR: Rule = Rule {
        id: "freebsd.ip.ttl_uchar",
        formula: "v & 0xff (no range check); default net.inet.ip.ttl",
        why: "ip_ctloutput stores the int into u_char inp_ip_ttl without a range check: 256 reads 0, -1 reads 255",
        source: src!(F, "sys/netinet/ip_output.c ip_ctloutput case IP_TTL 'inp->inp_ip_ttl = optval'; in_pcb.h 'u_char inp_ip_ttl'; udp_usrreq.c udp_attach 'inp->inp_ip_ttl = V_ip_defttl'"),
    };
    pub const TOS_UCHAR: Rule = Rule {
        id: "freebsd.ip.tos_uchar",
        formula: "v & 0xff (no range check); default 0",
        why: "ip_ctloutput stores the int into u_char inp_ip_tos without a range check",
        source: src!(
            F,
            "sys/netinet/ip_output.c ip_ctloutput case IP_TOS 'inp->inp_ip_tos = optval'"
        ),
    };
    pub const TOS_TCP_ECN: Rule = Rule {
        id: "freebsd.ip.tos_tcp_ecn",
        formula: "tcp: (v & 0xff) & ~IPTOS_ECN_MASK",
        why: "on TCP sockets tcp_ctloutput_set clears the two ECN bits after ip_ctloutput stored the TOS (0xff reads 0xfc, 3 reads 0)",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_ctloutput_set 'case IP_TOS: inp->inp_ip_tos &= ~IPTOS_ECN_MASK;'"),
    };
    pub const TOS_TCP_13: Rule = Rule {
        id: "freebsd.ip.tos_tcp_13",
        formula: "13, tcp: v & 0xff (ECN bits kept)",
        why: "on 13 tcp_ctloutput hands every non-TCP level to ip_ctloutput and returns its answer; nothing clears the ECN bits (0xff reads 0xff; the clearing arrived with 14's tcp_ctloutput_set). 13.2-13.5 not read (UNCONFIRMED, taken as 13.1)",
        source: src!(R13, "sys/netinet/tcp_usrreq.c tcp_ctloutput 'if (sopt->sopt_level != IPPROTO_TCP) { ... error = ip_ctloutput(so, sopt); ... return (error); }'; the same at 13.0 (1300139, as vendored in F-Stack 5cb586b5), where F-Stack measured IP_TOS 0xff on tcp4 reading 0xff"),
    };
    pub const RECVFLAG01: Rule = Rule {
        id: "freebsd.ip.recvflag01",
        formula: "v != 0 => 1 else 0; default 0",
        why: "ip_ctloutput / ip6_ctloutput keep these as inp_flags bits and report OPTBIT(bit), normalised to 0/1",
        source: src!(F, "sys/netinet/ip_output.c ip_ctloutput '#define OPTBIT(bit) (inp->inp_flags & bit ? 1 : 0)'; (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c OPTBIT"),
    };
    pub const MCAST_STREAM: Rule = Rule {
        id: "freebsd.ip.mcast_stream",
        formula: "tcp => EOPNOTSUPP (set and get)",
        why: "inp_setmoptions / inp_getmoptions (and ip6_*moptions) reject sockets that are neither SOCK_RAW nor SOCK_DGRAM",
        source: "freebsd/freebsd-src sys/netinet/in_mcast.c inp_setmoptions / inp_getmoptions and sys/netinet6/in6_mcast.c ip6_setmoptions / ip6_getmoptions 'If socket is neither of type SOCK_RAW or SOCK_DGRAM ... return (EOPNOTSUPP)' (indexed copies, find_string ids 575566838, 1397403537, 18638516132)",
    };
    pub const MCAST_IF: Rule = Rule {
        id: "freebsd.ip.multicast_if",
        formula: "0.0.0.0 => none; else the interface holding exactly that address, else EADDRNOTAVAIL; reads that interface's first IPv4 address (0.0.0.0 when none chosen)",
        why: "an in_addr-sized IP_MULTICAST_IF picks the interface by an address it holds (INADDR_TO_IFP, an exact lookup: 127.0.0.2, 0.0.0.1 and 192.0.2.1 find none); the socket keeps the interface, not the address, so the read reports the interface's first IPv4 address (lo0's 127.0.0.1); unset or cleared reads 0.0.0.0",
        source: "freebsd/freebsd-src sys/netinet/in_mcast.c inp_set_multicast_if 'if (in_nullhost(addr)) { ifp = NULL; } else { ... INADDR_TO_IFP(addr, ifp); ... if (ifp == NULL) return (EADDRNOTAVAIL); } ... imo->imo_multicast_ifp = ifp; imo->imo_multicast_addr.s_addr = INADDR_ANY', inp_getmoptions case IP_MULTICAST_IF 'else if (ifp != NULL) { ... IFP_TO_IA(ifp, ia ...); if (ia != NULL) mreqn.imr_address = IA_SIN(ia)->sin_addr' (indexed copy, find_string id 575566838; the same in 13.0 as F-Stack 5cb586b5 vendors it, freebsd/netinet/in_mcast.c)",
    };
    pub const MCAST_TTL: Rule = Rule {
        id: "freebsd.ip.mcast_ttl",
        formula: "(u_int)v > 255 => EINVAL else v; default 1",
        why: "inp_setmoptions reads an int-sized IP_MULTICAST_TTL as u_int and refuses more than 255 (so -1 is EINVAL); unset reads IP_DEFAULT_MULTICAST_TTL 1",
        source: src!(S14, "sys/netinet/in_mcast.c inp_setmoptions case IP_MULTICAST_TTL 'if (ittl > 255) { error = EINVAL;' / inp_getmoptions 'optval = coptval = IP_DEFAULT_MULTICAST_TTL'; sys/netinet/in.h IP_DEFAULT_MULTICAST_TTL 1"),
    };
    pub const MCAST_LOOP: Rule = Rule {
        id: "freebsd.ip.mcast_loop",
        formula: "(v & 0xff) != 0 => 1 else 0; default 1",
        why: "inp_setmoptions reads an int-sized value as u_int, keeps its low byte and stores !!loop (so 256 switches loopback off); there is no range check; unset reads IP_DEFAULT_MULTICAST_LOOP 1",
        source: src!(S14, "sys/netinet/in_mcast.c inp_setmoptions case IP_MULTICAST_LOOP 'loop = (u_char)iloop;' / 'imo->imo_multicast_loop = !!loop;'; inp_getmoptions; sys/netinet/in.h IP_DEFAULT_MULTICAST_LOOP 1"),
    };
    pub const SOL_LOCAL_ALIAS: Rule = Rule {
        id: "freebsd.unix.sol_local_alias",
        formula: "unix level 0 = SOL_LOCAL: IP_HDRINCL(2) = LOCAL_CREDS, IP_TOS(3) = LOCAL_CREDS_PERSISTENT, IP_TTL(4) = LOCAL_CONNWAIT => v != 0 ? 1 : 0; default 0",
        why: "IPPROTO_IP and SOL_LOCAL are both 0, so on a unix socket IP_HDRINCL, IP_TOS and IP_TTL set and read the LOCAL_CREDS / LOCAL_CREDS_PERSISTENT / LOCAL_CONNWAIT flags (0/1), really changing credential passing and connect blocking",
        source: src!(F, "sys/kern/uipc_usrreq.c uipc_ctloutput get cases LOCAL_CREDS ('optval = unp->unp_flags & UNP_WANTCRED_ONESHOT ? 1 : 0'), LOCAL_CREDS_PERSISTENT, LOCAL_CONNWAIT, set 'case LOCAL_CREDS: case LOCAL_CREDS_PERSISTENT: case LOCAL_CONNWAIT:' OPTSET; sys/sys/un.h '#define LOCAL_CREDS 2', '#define LOCAL_CONNWAIT 4'"),
    };
    pub const LOCAL_PEERCRED: Rule = Rule {
        id: "freebsd.unix.local_peercred",
        formula: "unix: a connected stream or seqpacket socket => xucred(88 bytes: 0,euid,xucred.ngroups,egid) (the peer is this process); a stream socket without a peer (a listener too) => ENOTCONN; any other => EINVAL",
        why: "LOCAL_PEERCRED copies the peer's credentials, which a connection sets on both its ends (UNP_HAVEPC) with cru2xt: XUCRED_VERSION 0, the effective uid, the group count (at most 16) and the groups, the effective gid first, then the peer's pid in the union (not shown). A listener caches its own credentials for the connections it accepts but holds no peer's; a socket that has none says ENOTCONN when it is a stream and EINVAL otherwise (datagram, and a seqpacket socket not connected)",
        source: src!(F13, "sys/kern/kern_prot.c cru2x, cru2xt; sys/kern/uipc_usrreq.c uipc_ctloutput SOPT_GET 'case LOCAL_PEERCRED: ... if (unp->unp_flags & UNP_HAVEPC) xu = unp->unp_peercred; else { if (so->so_type == SOCK_STREAM) error = ENOTCONN; else error = EINVAL; }', unp_copy_peercred (UNP_HAVEPC on both ends, for PR_CONNREQUIRED kinds), uipc_listen 'cru2xt(td, &unp->unp_peercred)' (no UNP_HAVEPC); sys/sys/ucred.h XUCRED_VERSION 0; sys/sys/un.h LOCAL_PEERCRED 1"),
    };
    pub const OPTIONS_EMPTY: Rule = Rule {
        id: "freebsd.ip.local_peercred_is_ip_options",
        formula: "inet: LOCAL_PEERCRED's number (1) is IP_OPTIONS: no options set => the read succeeds with 0 bytes, xucred(0 bytes)",
        why: "level 0 is SOL_LOCAL on a unix socket but IPPROTO_IP on an inet one, where name 1 is IP_OPTIONS; ip_ctloutput copies out the socket's IP options, and a socket that set none has its value size set to 0: no error, nothing written",
        source: src!(F13, "sys/netinet/ip_output.c ip_ctloutput SOPT_GET 'case IP_OPTIONS: case IP_RETOPTS: ... if (inp->inp_options) { ... } else { INP_RUNLOCK(inp); sopt->sopt_valsize = 0; }'"),
    };
    pub const OPTIONS_SET: Rule = Rule {
        id: "freebsd.ip.local_peercred_set_is_ip_options",
        formula: "inet: a set of LOCAL_PEERCRED's number is IP_OPTIONS with the int's 4 bytes: ip_pcbopts takes them (EOL first, NOPs, whole options) => ok, and the read after it gets the 8 bytes stored, a zeroed first-hop address and the int: xucred(8 bytes: 0,v as unsigned,0,0), the int read as cr_uid; else EINVAL",
        why: "ip_ctloutput copies the int into an mbuf and hands it to ip_pcbopts, which stores a zeroed first-hop address in front of the options and walks them as (type, length) pairs: EOL ends the walk, NOP is one byte, a length under 2 or past the end is EINVAL, and a source route needs more bytes than an int has",
        source: src!(F13, "sys/netinet/ip_output.c ip_ctloutput SOPT_SET 'case IP_OPTIONS: ... error = ip_pcbopts(inp, sopt->sopt_name, m)'; sys/netinet/ip_options.c ip_pcbopts ('bzero(mtod(m, void *), sizeof(struct in_addr))', 'if (opt == IPOPT_EOL) break', 'if (optlen < IPOPT_OLEN + sizeof(*cp) || optlen > cnt) goto bad')"),
    };
    pub const LOCAL_PEERCRED_SET: Rule = Rule {
        id: "freebsd.unix.local_peercred_set",
        formula: "unix: a set of LOCAL_PEERCRED => ENOPROTOOPT",
        why: "uipc_ctloutput's set switch knows LOCAL_CREDS, LOCAL_CREDS_PERSISTENT and LOCAL_CONNWAIT only; the peer's credentials are read, never written",
        source: src!(F13, "sys/kern/uipc_usrreq.c uipc_ctloutput SOPT_SET 'default: error = ENOPROTOOPT'"),
    };
    pub const SOL_LOCAL_UNKNOWN: Rule = Rule {
        id: "freebsd.unix.sol_local_unknown",
        formula: "unix level 0, unknown name: set ENOPROTOOPT, get EOPNOTSUPP",
        why: "IP_MULTICAST_TTL(10), IP_MULTICAST_LOOP(11), IP_RECVTTL(65), IP_RECVTOS(68) are unknown SOL_LOCAL names to uipc_ctloutput",
        source: src!(F, "sys/kern/uipc_usrreq.c uipc_ctloutput SOPT_SET default 'error = ENOPROTOOPT', SOPT_GET default 'error = EOPNOTSUPP'"),
    };
    pub const HOPS_RAW: Rule = Rule {
        id: "freebsd.ip6.hops_raw",
        formula: "-1 <= v <= 255 => v (read raw) else EINVAL; default -1",
        why: "ip6_ctloutput range-checks IPV6_UNICAST_HOPS and stores in6p_hops as given; the read is in6p_hops raw, -1 (kernel default) when unset (in_pcballoc 'inp->in6p_hops = -1;', read at stable/14 1400507, mirror ilnp/ilnp-freebsd14@2f2a4162)",
        source: src!(F6, "sys/netinet6/ip6_output.c ip6_ctloutput 'if (optval < -1 || optval >= 256)' / 'optval = inp->in6p_hops'"),
    };
    pub const MCAST_HOPS6: Rule = Rule {
        id: "freebsd.ip6.mcast_hops",
        formula: "-1 <= v <= 255 => (v == -1 ? 1 : v) else EINVAL; default 1",
        why: "ip6_setmoptions range-checks the hop limit and turns -1 into V_ip6_defmcasthlim (1); unset reads V_ip6_defmcasthlim",
        source: "freebsd/freebsd-src sys/netinet6/in6_mcast.c ip6_setmoptions case IPV6_MULTICAST_HOPS 'if (hlim < -1 || hlim > 255) error = EINVAL' / ip6_getmoptions (indexed copy, find_string id 18638516132)",
    };
    pub const MCAST_LOOP6: Rule = Rule {
        id: "freebsd.ip6.mcast_loop",
        formula: "(u_int)v > 1 => EINVAL else v; default 1",
        why: "ip6_setmoptions takes only a u_int-sized value and refuses more than 1; unset reads in6_mcast_loop = IPV6_DEFAULT_MULTICAST_LOOP 1",
        source: src!(S14, "sys/netinet6/in6_mcast.c ip6_setmoptions case IPV6_MULTICAST_LOOP 'if (loop > 1) { error = EINVAL;' / ip6_getmoptions 'optval = in6_mcast_loop'"),
    };
    pub const TCLASS: Rule = Rule {
        id: "freebsd.ip6.tclass",
        formula: "-1 <= v <= 255 => (v == -1 ? 0 : v) else EINVAL; default 0",
        why: "ip6_setpktopt range-checks the traffic class; ip6_getpcbopt reports the stored class, or 0 when unset or -1",
        source: src!(F6, "sys/netinet6/ip6_output.c ip6_setpktopt 'if (tclass < -1 || tclass > 255) return (EINVAL)' / ip6_getpcbopt 'int deftclass = 0'"),
    };
    pub const TCLASS_TCP_SWALLOW: Rule = Rule {
        id: "freebsd.ip6.tclass_tcp_swallow",
        formula: "tcp6 invalid v => set 0, value unchanged",
        why: "tcp_ctloutput_set discards ip6_ctloutput's EINVAL for IPV6_TCLASS (tfb_tcp_ctloutput returns 0), so the set succeeds and the class stays as it was",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_ctloutput_set case IPV6_TCLASS"),
    };
    pub const TCLASS_TCP_13: Rule = Rule {
        id: "freebsd.ip6.tclass_tcp_13",
        formula: "13, tcp6 invalid v => EINVAL",
        why: "on 13 tcp_ctloutput returns ip6_ctloutput's answer unchanged, so ip6_setpktopt's range check refuses -2 and 256 with EINVAL (14 swallows it). 13.2-13.5 not read (UNCONFIRMED, taken as 13.1)",
        source: src!(R13, "sys/netinet/tcp_usrreq.c tcp_ctloutput (non-IPPROTO_TCP levels: 'error = ip6_ctloutput(so, sopt); ... return (error);'); sys/netinet6/ip6_output.c ip6_setpktopt 'if (tclass < -1 || tclass > 255) return (EINVAL)'; the same at 13.0 (as vendored in F-Stack 5cb586b5), where F-Stack measured -2 on tcp6 as EINVAL"),
    };
    pub const V6ONLY: Rule = Rule {
        id: "freebsd.ip6.v6only",
        formula: "bound (local port set) => EINVAL; else v != 0 ? 1 : 0; default net.inet6.ip6.v6only (1)",
        why: "ip6_ctloutput refuses IPV6_V6ONLY once the socket has a local address or port ('The socket is already bound.'); the read is OPTBIT(IN6P_IPV6_V6ONLY)",
        source: src!(F6, "sys/netinet6/ip6_output.c ip6_ctloutput case IPV6_V6ONLY"),
    };
}

fn flag01(request: &Request, default: i128, rule: &'static Rule) -> Prediction {
    match int(request) {
        None => Prediction::ok(RelativeValue::int(default), vec![rule]),
        Some(v) => Prediction::ok(RelativeValue::int(i128::from(v.value() != 0)), vec![rule]),
    }
}

fn uchar(v: Expr, mask: i128) -> Expr {
    v.map_value(|n| n & mask)
}

/// IPPROTO_IP on unix sockets, where level 0 is SOL_LOCAL.
fn sol_local(ctx: &Ctx<'_>, o: IpOpt, request: &Request) -> Prediction {
    match o {
        IpOpt::LocalPeercred if matches!(request, Request::Set(_)) => {
            Prediction::err("ENOPROTOOPT", vec![&LOCAL_PEERCRED_SET])
        }
        IpOpt::LocalPeercred if ctx.kind.listens() && ctx.state == State::Connected => {
            let value = xucred::whole(xucred::FREEBSD_SIZE, |name| ctx.sym(name));
            Prediction::ok(value, vec![&LOCAL_PEERCRED])
        }
        IpOpt::LocalPeercred if ctx.kind.is_stream() => Prediction::err("ENOTCONN", vec![&LOCAL_PEERCRED]),
        IpOpt::LocalPeercred => Prediction::err("EINVAL", vec![&LOCAL_PEERCRED]),
        IpOpt::Ttl | IpOpt::Tos | IpOpt::Hdrincl => flag01(request, 0, &SOL_LOCAL_ALIAS),
        IpOpt::MulticastTtl
        | IpOpt::MulticastLoop
        | IpOpt::MulticastIf
        | IpOpt::AddMembership
        | IpOpt::DropMembership
        | IpOpt::AddSourceMembership
        | IpOpt::DropSourceMembership
        | IpOpt::Recvtos
        | IpOpt::Recvttl
        | IpOpt::Recvopts
        | IpOpt::Recvretopts
        | IpOpt::Recvdstaddr
        | IpOpt::Recvif
        | IpOpt::Recvorigdstaddr
        | IpOpt::Minttl
        | IpOpt::Dontfrag => match request {
            Request::Default => Prediction::err("EOPNOTSUPP", vec![&SOL_LOCAL_UNKNOWN]),
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&SOL_LOCAL_UNKNOWN]),
        },
        _ => crate::platform::gated(),
    }
}

pub fn predict_v4(ctx: &Ctx<'_>, o: IpOpt, request: &Request) -> Prediction {
    if ctx.kind.domain() == Domain::Unix {
        return sol_local(ctx, o, request);
    }
    let tcp = ctx.kind.is_tcp();
    match o {
        IpOpt::Ttl => match int(request) {
            None => Prediction::ok(RelativeValue::Int(ctx.fact("net.inet.ip.ttl")), vec![&TTL_UCHAR]),
            Some(v) => Prediction::ok(RelativeValue::Int(uchar(v, 0xff)), vec![&TTL_UCHAR]),
        },
        IpOpt::Tos => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&TOS_UCHAR]),
            Some(v) if tcp && ctx.release().fourteen_or_later() => {
                Prediction::ok(RelativeValue::Int(uchar(v, 0xfc)), vec![&TOS_UCHAR, &TOS_TCP_ECN])
            }
            Some(v) if tcp => Prediction::ok(RelativeValue::Int(uchar(v, 0xff)), vec![&TOS_TCP_13]),
            Some(v) => Prediction::ok(RelativeValue::Int(uchar(v, 0xff)), vec![&TOS_UCHAR]),
        },
        IpOpt::AddMembership
        | IpOpt::DropMembership
        | IpOpt::AddSourceMembership
        | IpOpt::DropSourceMembership => super::membership::v4(ctx, o, request),
        IpOpt::MulticastTtl | IpOpt::MulticastLoop | IpOpt::MulticastIf if tcp => {
            Prediction::err("EOPNOTSUPP", vec![&MCAST_STREAM])
        }
        IpOpt::MulticastTtl => match int(request) {
            None => Prediction::ok(RelativeValue::int(1), vec![&MCAST_TTL]),
            Some(v) if i128::from(v.value() as i32 as u32) > 255 => {
                Prediction::err("EINVAL", vec![&MCAST_TTL])
            }
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&MCAST_TTL]),
        },
        IpOpt::MulticastLoop => match int(request) {
            None => Prediction::ok(RelativeValue::int(1), vec![&MCAST_LOOP]),
            // `(u_char)iloop`: only the low byte decides.
            Some(v) => Prediction::ok(
                RelativeValue::int(i128::from(v.value() & 0xff != 0)),
                vec![&MCAST_LOOP],
            ),
        },
        IpOpt::MulticastIf => {
            let any = crate::address::any;
            match int(request).map(|v| (v, crate::address::in_addr_of(v.value()))) {
                None => Prediction::ok(any(), vec![&MCAST_IF]),
                Some((_, Some(ip))) if ip.is_unspecified() => Prediction::ok(any(), vec![&MCAST_IF]),
                // lo0 holds 127.0.0.1 and no other IPv4 address.
                Some((_, Some(ip))) if ip == std::net::Ipv4Addr::LOCALHOST => Prediction::ok(
                    crate::address::in_addr("127.0.0.1").map_or(RelativeValue::int(0), RelativeValue::Int),
                    vec![&MCAST_IF],
                ),
                Some(_) => Prediction::err("EADDRNOTAVAIL", vec![&MCAST_IF]),
            }
        }
        IpOpt::Recvtos | IpOpt::Recvttl => flag01(request, 0, &RECVFLAG01),
        IpOpt::Recvopts
        | IpOpt::Recvretopts
        | IpOpt::Recvdstaddr
        | IpOpt::Recvif
        | IpOpt::Recvorigdstaddr
        | IpOpt::Dontfrag => flag01(request, 0, &INP_FLAGS01),
        IpOpt::Hdrincl => Prediction::err("ENOPROTOOPT", vec![&HDRINCL_RAW]),
        IpOpt::LocalPeercred => match int(request) {
            None => Prediction::ok(xucred::empty(), vec![&OPTIONS_EMPTY]),
            Some(v) if ip_options::takes_int(v.value()) => {
                Prediction::ok(xucred::after_options(v.value()), vec![&OPTIONS_SET])
            }
            Some(_) => Prediction::err("EINVAL", vec![&OPTIONS_SET]),
        },
        IpOpt::Minttl => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&MINTTL]),
            Some(v) if (0..=255).contains(&v.value()) => Prediction::ok(RelativeValue::Int(v), vec![&MINTTL]),
            Some(_) => Prediction::err("EINVAL", vec![&MINTTL]),
        },
        _ => crate::platform::gated(),
    }
}

pub fn predict_v6(ctx: &Ctx<'_>, o: Ipv6Opt, request: &Request) -> Prediction {
    let tcp = ctx.kind.is_tcp();
    match o {
        Ipv6Opt::AddMembership | Ipv6Opt::DropMembership => super::membership::v6(ctx, o, request),
        Ipv6Opt::V6only => match int(request) {
            None => Prediction::ok(
                RelativeValue::Int(ctx.fact("net.inet6.ip6.v6only")),
                vec![&V6ONLY],
            ),
            Some(_) if ctx.state != State::Fresh => Prediction::err("EINVAL", vec![&V6ONLY]),
            Some(v) => Prediction::ok(RelativeValue::int(i128::from(v.value() != 0)), vec![&V6ONLY]),
        },
        Ipv6Opt::UnicastHops => match int(request) {
            None => Prediction::ok(RelativeValue::int(-1), vec![&HOPS_RAW]),
            Some(v) if (-1..=255).contains(&v.value()) => {
                Prediction::ok(RelativeValue::Int(v), vec![&HOPS_RAW])
            }
            Some(_) => Prediction::err("EINVAL", vec![&HOPS_RAW]),
        },
        Ipv6Opt::MulticastHops | Ipv6Opt::MulticastLoop if tcp => {
            Prediction::err("EOPNOTSUPP", vec![&MCAST_STREAM])
        }
        Ipv6Opt::MulticastHops => match int(request) {
            None => Prediction::ok(RelativeValue::int(1), vec![&MCAST_HOPS6]),
            Some(v) if v.value() == -1 => Prediction::ok(RelativeValue::int(1), vec![&MCAST_HOPS6]),
            Some(v) if (0..=255).contains(&v.value()) => {
                Prediction::ok(RelativeValue::Int(v), vec![&MCAST_HOPS6])
            }
            Some(_) => Prediction::err("EINVAL", vec![&MCAST_HOPS6]),
        },
        Ipv6Opt::MulticastLoop => match int(request) {
            None => Prediction::ok(RelativeValue::int(1), vec![&MCAST_LOOP6]),
            Some(v) if (0..=1).contains(&v.value()) => {
                Prediction::ok(RelativeValue::Int(v), vec![&MCAST_LOOP6])
            }
            Some(_) => Prediction::err("EINVAL", vec![&MCAST_LOOP6]),
        },
        Ipv6Opt::Tclass => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&TCLASS]),
            Some(v) if v.value() == -1 => Prediction::ok(RelativeValue::int(0), vec![&TCLASS]),
            Some(v) if (0..=255).contains(&v.value()) => Prediction::ok(RelativeValue::Int(v), vec![&TCLASS]),
            Some(_) if tcp && ctx.release().fourteen_or_later() => {
                Prediction::ok(RelativeValue::int(0), vec![&TCLASS, &TCLASS_TCP_SWALLOW])
            }
            Some(_) if tcp => Prediction::err("EINVAL", vec![&TCLASS_TCP_13]),
            Some(_) => Prediction::err("EINVAL", vec![&TCLASS]),
        },
        Ipv6Opt::Recvtclass => flag01(request, 0, &RECVFLAG01),
        Ipv6Opt::Recvhoplimit | Ipv6Opt::Recvpktinfo => flag01(request, 0, &RECV_ANCILLARY),
        Ipv6Opt::Recvrthdr => flag01(request, 0, &RECV_ANCILLARY6),
        Ipv6Opt::Recvhopopts | Ipv6Opt::Recvdstopts => match int(request) {
            Some(_) if ctx.sym("privileged").value == 0 => Prediction::err("EPERM", vec![&RECV_HDROPTS]),
            _ => flag01(request, 0, &RECV_HDROPTS),
        },
        Ipv6Opt::Hopopts2292 => match int(request) {
            Some(_) if ctx.sym("privileged").value == 0 => Prediction::err("EPERM", vec![&HOPOPTS_2292]),
            _ => flag01(request, 0, &HOPOPTS_2292),
        },
        Ipv6Opt::Recvpathmtu | Ipv6Opt::Dontfrag if tcp => match request {
            Request::Default => Prediction::ok(RelativeValue::int(0), vec![&TCP_IGNORES]),
            Request::Set(_) => Prediction::ok(RelativeValue::int(0), vec![&TCP_IGNORES]),
        },
        Ipv6Opt::Recvpathmtu => flag01(request, 0, &RECV_ANCILLARY6),
        Ipv6Opt::Dontfrag => flag01(request, 0, &DONTFRAG6),
        Ipv6Opt::Autoflowlabel => flag01(
            request,
            i128::from(ctx.sym("net.inet6.ip6.auto_flowlabel").value != 0),
            &AUTOFLOWLABEL,
        ),
        Ipv6Opt::Recvorigdstaddr => Prediction::err("ENOPROTOOPT", vec![&ORIGDSTADDR6_NO_GET]),
        Ipv6Opt::MulticastIf if tcp => Prediction::err("EOPNOTSUPP", vec![&MCAST_IF6]),
        Ipv6Opt::MulticastIf => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&MCAST_IF6]),
            // Index 1 is an interface on every FreeBSD (the first attached), multicast-capable.
            Some(v) if matches!(v.value(), 0 | 1) => Prediction::ok(RelativeValue::Int(v), vec![&MCAST_IF6]),
            Some(_) if ctx.release().fourteen_or_later() => {
                Prediction::err("EADDRNOTAVAIL", vec![&MCAST_IF6])
            }
            Some(_) => Prediction::err("EINVAL", vec![&MCAST_IF6]),
        },
        Ipv6Opt::UseMinMtu => match int(request) {
            None => Prediction::ok(RelativeValue::int(-1), vec![&USE_MIN_MTU]),
            Some(v) if (-1..=1).contains(&v.value()) => {
                Prediction::ok(RelativeValue::Int(v), vec![&USE_MIN_MTU])
            }
            Some(_) => Prediction::err("EINVAL", vec![&USE_MIN_MTU]),
        },
        _ => crate::platform::gated(),
    }
}
