//! Multipath TCP sockets (`mptcp4`, `mptcp6`: `IPPROTO_MPTCP`): every
//! option goes through net/mptcp/sockopt.c, which takes some on the MPTCP
//! socket itself as TCP would, hands some to its first subflow, silently
//! drops a few SOL_SOCKET flags and refuses the rest. Where it hands the
//! option on, the answer is TCP's own (the tcp4 / tcp6 rules, which this
//! asks); only what MPTCP decides is ruled here. Read at
//! ColtPlus/linux-6.18.y 57218520 (6.18.24); line numbers are that tree's.
//! Older kernels answer otherwise in a few places (`Era`, each difference a
//! rule of its own: 6.1.166 read, Debian's 6.1, 6.12, 6.16 and 6.17
//! measured; docs/research/mptcp-sockopt.md has the per-kernel reading).
//!
//! A connected socket here is one whose MPTCP handshake succeeded on
//! loopback (no fallback to plain TCP), so the MPTCP paths below apply in
//! every state.

use super::facts::LinuxFacts;
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const DISABLED: Rule = Rule {
        id: "linux.mptcp.disabled",
        formula: "net.mptcp.enabled = 0 => socket(IPPROTO_MPTCP) fails with ENOPROTOOPT",
        why: "mptcp_init_sock refuses a new MPTCP socket while the namespace's net.mptcp.enabled is 0 (a kernel built without MPTCP has no such protocol at all: EPROTONOSUPPORT, not modelled)",
        source: "net/mptcp/protocol.c mptcp_init_sock ('if (!mptcp_is_enabled(net)) return -ENOPROTOOPT;')",
    };
    pub const AS_TCP: Rule = Rule {
        id: "linux.mptcp.as_tcp",
        formula: "handled on the MPTCP socket (or its first subflow) as TCP handles it",
        why: "mptcp_setsockopt passes this option to sock_setsockopt / ip_setsockopt / tcp_setsockopt on the MPTCP socket or its first subflow, and getsockopt reads the same field, so the value is TCP's (the tcp4 / tcp6 rules named beside this one)",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_socket l.290-354, mptcp_setsockopt_sol_socket_int l.172-203, mptcp_setsockopt_v4 l.763-777, mptcp_setsockopt_v6 l.387-432, mptcp_setsockopt_sol_tcp l.818-890; net/socket.c do_sock_getsockopt (SOL_SOCKET reads go to sk_getsockopt on the MPTCP socket)",
    };
    pub const IGNORED: Rule = Rule {
        id: "linux.mptcp.sol_socket_ignored",
        formula: "set => 0 and nothing changes: the read is the socket's default",
        why: "mptcp_setsockopt_sol_socket returns 0 for SO_NO_CHECK, SO_DONTROUTE, SO_BROADCAST, SO_BSDCOMPAT, SO_PASSCRED, SO_PASSPIDFD, SO_PASSSEC, SO_RXQ_OVFL, SO_WIFI_STATUS, SO_NOFCS and SO_SELECT_ERR_QUEUE without storing anything, and getsockopt reads the MPTCP socket's own field: a set that 'worked' reads back the default (SO_BROADCAST 1 reads 0)",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_socket l.343-354 ('case SO_BROADCAST: ... return 0;')",
    };
    pub const SOL_SOCKET_REFUSED: Rule = Rule {
        id: "linux.mptcp.sol_socket_refused",
        formula: "set => EOPNOTSUPP (any SOL_SOCKET option not listed)",
        why: "mptcp_setsockopt_sol_socket answers EOPNOTSUPP for every SOL_SOCKET option it does not list (SO_OOBINLINE, SO_MAX_PACING_RATE, SO_TXREHASH, the read-only ones, ...); the read still goes to sk_getsockopt",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_socket l.357-385 ('SO_OOBINLINE is not supported ... return -EOPNOTSUPP;')",
    };
    pub const NMPC_CONNECTED: Rule = Rule {
        id: "linux.mptcp.first_subflow_connected",
        formula: "connected => EINVAL (the option lives on the first subflow, reachable only before connect or while listening)",
        why: "SO_REUSEADDR, SO_REUSEPORT, SO_BINDTODEVICE, SO_BINDTOIFINDEX, IP_FREEBIND, IP_TRANSPARENT, IP_BIND_ADDRESS_NO_PORT, IPV6_V6ONLY, IPV6_TRANSPARENT, IPV6_FREEBIND, TCP_FASTOPEN and TCP_FASTOPEN_CONNECT are set on the first subflow through __mptcp_nmpc_sk, which refuses a socket not in TCP_CLOSE or TCP_LISTEN (the IP ones are stored on the MPTCP socket first, so a read afterwards shows the value even though the set failed)",
        source: "net/mptcp/protocol.c __mptcp_nmpc_sk l.136-137 ('if (!((1 << sk->sk_state) & (TCPF_CLOSE | TCPF_LISTEN))) return ERR_PTR(-EINVAL);'); net/mptcp/sockopt.c mptcp_setsockopt_sol_socket l.298-304, mptcp_setsockopt_sol_ip_set l.689-706, mptcp_setsockopt_v6 l.398-403, mptcp_setsockopt_first_sf_only l.779-799",
    };
    pub const UNSUPPORTED_SET: Rule = Rule {
        id: "linux.mptcp.unsupported_set",
        formula: "set => ENOPROTOOPT (not in mptcp_supported_sockopt)",
        why: "an IP, IPv6, TCP or UDP option MPTCP does not list is refused before any protocol code sees it",
        source: "net/mptcp/sockopt.c mptcp_setsockopt l.900-901 ('if (!mptcp_supported_sockopt(level, optname)) return -ENOPROTOOPT;'), mptcp_supported_sockopt l.434-580",
    };
    pub const LISTED_UNHANDLED_SET: Rule = Rule {
        id: "linux.mptcp.listed_unhandled_set",
        formula: "set => EOPNOTSUPP (IP/IPv6 level) or ENOPROTOOPT (TCP level): listed as supported, then not handled",
        why: "mptcp_supported_sockopt lets IP_TTL, IP_RECVTOS, IPV6_TCLASS, TCP_USER_TIMEOUT and the like through, but mptcp_setsockopt_v4 / _v6 handle only a few and answer EOPNOTSUPP for the rest, and mptcp_setsockopt_sol_tcp's default is ENOPROTOOPT",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_v4 l.776 ('return -EOPNOTSUPP;'), mptcp_setsockopt_v6 l.391 ('int ret = -EOPNOTSUPP;'), mptcp_setsockopt_sol_tcp l.884-885 ('default: ret = -ENOPROTOOPT;')",
    };
    pub const UNSUPPORTED_GET: Rule = Rule {
        id: "linux.mptcp.unsupported_get",
        formula: "get => EOPNOTSUPP (not among the few IP, IPv6 and TCP options mptcp_getsockopt answers)",
        why: "mptcp_getsockopt answers IP_TOS, IP_FREEBIND, IP_TRANSPARENT, IP_BIND_ADDRESS_NO_PORT, IP_LOCAL_PORT_RANGE, IPV6_V6ONLY, IPV6_TRANSPARENT, IPV6_FREEBIND and its TCP list; every other IP, IPv6, TCP or UDP read is EOPNOTSUPP",
        source: "net/mptcp/sockopt.c mptcp_getsockopt_sol_tcp l.1396-1440, mptcp_getsockopt_v4 l.1442-1465, mptcp_getsockopt_v6 l.1467-1485, mptcp_getsockopt l.1504-1533 ('return -EOPNOTSUPP;')",
    };
    pub const V6_ON_V4: Rule = Rule {
        id: "linux.mptcp.ipv6_read_on_v4",
        formula: "mptcp4: get IPV6_V6ONLY / IPV6_TRANSPARENT / IPV6_FREEBIND => 0 (the socket's bits), where TCPv4 refuses the level",
        why: "mptcp_getsockopt_v6 reads sk_ipv6only and the inet bits without asking the family, so an IPv4 MPTCP socket answers an IPv6-level read (its set goes to the IPv4 subflow, which refuses SOL_IPV6 with ENOPROTOOPT)",
        source: "net/mptcp/sockopt.c mptcp_getsockopt_v6 l.1467-1485 ('case IPV6_V6ONLY: return mptcp_put_int_option(msk, optval, optlen, sk->sk_ipv6only);')",
    };
    pub const KEEP_NO_SUBFLOW: Rule = Rule {
        id: "linux.mptcp.keepalive_unchecked",
        formula: "fresh: TCP_KEEPIDLE / TCP_KEEPINTVL / TCP_KEEPCNT = any int, read back as set (0 reads the sysctl default)",
        why: "__mptcp_setsockopt_set_val checks the value only through each subflow's setter; a fresh MPTCP socket has no subflow yet, so any value is stored and read back (the read gives the sysctl when it is 0); once a subflow exists (bound, listening, connected) TCP's range checks apply",
        source: "net/mptcp/sockopt.c __mptcp_setsockopt_set_val l.625-648 (the max argument is unused), mptcp_getsockopt_sol_tcp l.1421-1432 ('msk->keepalive_idle ? : READ_ONCE(...sysctl_tcp_keepalive_time) / HZ')",
    };
    pub const OWN_PROTOCOL: Rule = Rule {
        id: "linux.mptcp.own_protocol",
        formula: "SOL_SOCKET reads see sk_protocol = IPPROTO_MPTCP (262): SO_PROTOCOL 262, and what sk_is_tcp guards is refused",
        why: "a SOL_SOCKET read is sk_getsockopt on the MPTCP socket itself, whose protocol is IPPROTO_MPTCP, not IPPROTO_TCP: SO_PROTOCOL reports 262 and SO_TXREHASH, kept for TCP sockets from 6.16, answers EOPNOTSUPP as for any other protocol",
        source: "net/socket.c do_sock_getsockopt ('if (level == SOL_SOCKET) err = sk_getsockopt(...)'); net/mptcp/protocol.c mptcp_prot / mptcp_v6_prot (.protocol = IPPROTO_MPTCP in mptcp_protosw); net/core/sock.c sk_getsockopt case SO_PROTOCOL, case SO_TXREHASH",
    };
    pub const NO_PACKETS_OF_ITS_OWN: Rule = Rule {
        id: "linux.mptcp.incoming_cpu_unrecorded",
        formula: "connected, untouched: SO_INCOMING_CPU reads -1, where TCP reads the CPU that took the SYN-ACK",
        why: "packets come in on the subflows, and tcp_v4_rcv / tcp_v6_rcv record the CPU on the subflow's sock; nothing records it on the MPTCP socket, which SOL_SOCKET reads ask, so it keeps sock_init_data's -1 (a set goes to the MPTCP socket and every subflow: mptcp_so_incoming_cpu)",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_socket_int 'case SO_INCOMING_CPU: mptcp_so_incoming_cpu(msk, val)', mptcp_sol_socket_sync_intval (the only writers of sk_incoming_cpu under net/mptcp); net/ipv4/tcp_ipv4.c tcp_v4_rcv 'sk_incoming_cpu_update(sk)' on the subflow (read at ColtPlus/linux-6.18.y 57218520; the same lines in unifreq/linux-6.1.y 525d1212a)",
    };
    pub const SNDBUF_SUM: Rule = Rule {
        id: "linux.mptcp.sndbuf_sum",
        formula: "connected, unlocked: SO_SNDBUF = tcp_wmem[0] + the subflow's send buffer (tcp_sndbuf_expanded)",
        why: "an MPTCP socket whose send buffer the program did not set takes tcp_wmem[0] plus the sum of its subflows' send buffers, and its one loopback subflow has grown its buffer as TCP does",
        source: "net/mptcp/protocol.h __mptcp_sync_sndbuf ('new_sndbuf = sock_net(sk)->ipv4.sysctl_tcp_wmem[0]; mptcp_for_each_subflow(...) new_sndbuf += ssk_sndbuf;'); net/ipv4/tcp_input.c tcp_sndbuf_expand",
    };
    pub const MAXSEG_BEFORE_SUBFLOW: Rule = Rule {
        id: "linux.mptcp.maxseg_before_subflow",
        formula: "fresh: TCP_MAXSEG outside 88..32767 => 0 (no subflow to refuse it), then the read is a new subflow's default, 536",
        why: "mptcp_setsockopt_sol_tcp stores TCP_MAXSEG on the MPTCP socket and sets it on each subflow; a fresh socket has none, so nothing checks the value. The read creates the first subflow, which takes the stored value through tcp_sock_set_maxseg, and that setter drops one outside TCP's range, leaving the default",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_tcp l.878-882 ('msk->maxseg = val; ret = mptcp_setsockopt_all_sf(...)'), mptcp_getsockopt_first_sf_only l.930-954, sync_socket_options l.1583 ('tcp_sock_set_maxseg(ssk, msk->maxseg)'); net/ipv4/tcp.c tcp_sock_set_maxseg ('if (val && (val < TCP_MIN_MSS || val > MAX_TCP_WINDOW)) return -EINVAL;')",
    };
    pub const CONGESTION_BEFORE_SUBFLOW: Rule = Rule {
        id: "linux.mptcp.congestion_before_subflow",
        formula: "fresh: any TCP_CONGESTION name => 0; the read is the name if the first subflow can take it with CAP_NET_ADMIN, else the default",
        why: "mptcp_setsockopt_sol_tcp_congestion sets the name on each subflow and keeps it when none failed; a fresh socket has none, so any name is accepted. The read creates the first subflow, which sync_socket_options gives the stored name as if by an administrator (no module load): a loaded algorithm is taken, an unknown one leaves the default",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_tcp_congestion l.582-623, sync_socket_options l.1575-1576 ('tcp_set_congestion_control(ssk, msk->ca_name, false, true)'); net/ipv4/tcp_cong.c tcp_set_congestion_control",
    };
    pub const V6ONLY_ON_SUBFLOW: Rule = Rule {
        id: "linux.mptcp.v6only_stays_on_subflow",
        formula: "mptcp6 bound to ::1 (bound, listening): IPV6_V6ONLY reads 0, where TCP reads 1",
        why: "bind goes to the first subflow, and inet6_bind marks that subflow IPv6-only for a specific address; mptcp_copy_inaddrs copies the addresses back to the MPTCP socket but not sk_ipv6only, which is what mptcp_getsockopt_v6 reads",
        source: "net/mptcp/protocol.c mptcp_bind l.4054-4067 ('err = inet6_bind_sk(ssk, uaddr, addr_len); if (!err) mptcp_copy_inaddrs(sk, ssk);'), mptcp_copy_inaddrs l.3330-3352 (addresses only); net/ipv6/af_inet6.c __inet6_bind ('sk->sk_ipv6only = 1' for a non-mapped address); net/mptcp/sockopt.c mptcp_getsockopt_v6 l.1471-1473",
    };
    pub const CONGESTION_EMPTY: Rule = Rule {
        id: "linux.mptcp.congestion_empty",
        formula: "TCP_CONGESTION with an empty name (optlen 0) => EINVAL",
        why: "mptcp_setsockopt_sol_tcp_congestion refuses an option shorter than one byte before looking at any subflow",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_tcp_congestion l.591-592 ('if (optlen < 1) return -EINVAL;')",
    };
    pub const MAXSEG_BEFORE_6_17: Rule = Rule {
        id: "linux.mptcp.maxseg_before_6_17",
        formula: "before 6.17: TCP_MAXSEG set => ENOPROTOOPT, get => EOPNOTSUPP",
        why: "MPTCP learnt TCP_MAXSEG in 6.17 (commit 51c5fd09e1b4, net-next 2025-07-22); before, it was listed in mptcp_supported_sockopt but fell to the default case of mptcp_setsockopt_sol_tcp and of mptcp_getsockopt_sol_tcp",
        source: "net/mptcp/sockopt.c at v6.12.0 (shilei-massclouds/linux-6.12 2974a9e75) mptcp_setsockopt_sol_tcp l.862-863 ('default: ret = -ENOPROTOOPT;'), mptcp_getsockopt_sol_tcp l.1411 ('return -EOPNOTSUPP;'); 6.16 from the commit's date, no 6.16 tree read (UNCONFIRMED)",
    };
    pub const SUBFLOW_AT_INIT: Rule = Rule {
        id: "linux.mptcp.subflow_at_init_before_6_12",
        formula: "before 6.12: a fresh socket already has its first subflow, so TCP_KEEP*, TCP_CONGESTION and the like are checked as on TCP",
        why: "until the first subflow was made lazily, mptcp_init_sock created it with the socket, so the setters that ask each subflow refuse what TCP refuses even before bind",
        source: "net/mptcp/protocol.c mptcp_init_sock ('ret = __mptcp_socket_create(mptcp_sk(sk));'), read at 6.1.166 (unifreq/linux-6.1.y 525d1212a)",
    };
    pub const RCVLOWAT_GENERIC: Rule = Rule {
        id: "linux.mptcp.rcvlowat_generic_before_6_12",
        formula: "before 6.12: SO_RCVLOWAT as on a socket without set_rcvlowat (no tcp_rmem[2]/2 cap; < 0 => INT_MAX, 0 => 1)",
        why: "MPTCP had no set_rcvlowat operation yet, so sk_setsockopt stores the value as for a datagram socket, without TCP's cap",
        source: "net/core/sock.c sk_setsockopt case SO_RCVLOWAT ('if (sock && sock->ops->set_rcvlowat) ... else WRITE_ONCE(sk->sk_rcvlowat, val ? : 1)'); net/mptcp/protocol.c at 6.1.166 (unifreq/linux-6.1.y 525d1212a): no mptcp_set_rcvlowat (from 6.18's net/mptcp/sockopt.c l.1615 on)",
    };
    pub const SNDBUF_UNSYNCED: Rule = Rule {
        id: "linux.mptcp.sndbuf_unsynced_before_6_12",
        formula: "before 6.12: a connected socket's SO_SNDBUF stays tcp_wmem[1]",
        why: "the send buffer was not yet summed over the subflows: the MPTCP socket keeps what mptcp_init_sock gave it",
        source: "net/mptcp/protocol.c mptcp_init_sock ('sk->sk_sndbuf = READ_ONCE(sock_net(sk)->ipv4.sysctl_tcp_wmem[1]);'), read at 6.1.166 (unifreq/linux-6.1.y 525d1212a); no __mptcp_sync_sndbuf there",
    };
    pub const OLD_TCP_LIST: Rule = Rule {
        id: "linux.mptcp.tcp_options_before_6_12",
        formula: "before 6.12: TCP_FASTOPEN set => ENOPROTOOPT (unlisted), TCP_NOTSENT_LOWAT set => ENOPROTOOPT (listed, unhandled); both reads => EOPNOTSUPP",
        why: "6.1's MPTCP had neither TCP_FASTOPEN in mptcp_supported_sockopt nor a TCP_NOTSENT_LOWAT case in its setter or getter",
        source: "net/mptcp/sockopt.c at 6.1.166 (unifreq/linux-6.1.y 525d1212a) mptcp_supported_sockopt l.540-561, mptcp_setsockopt_sol_tcp l.825-871 ('default: ret = -ENOPROTOOPT;'), mptcp_getsockopt_sol_tcp l.1231-1258",
    };
    pub const OLD_BIND_NO_PORT: Rule = Rule {
        id: "linux.mptcp.bind_address_no_port_before_6_12",
        formula: "before 6.12: IP_BIND_ADDRESS_NO_PORT set and get => EOPNOTSUPP",
        why: "6.1's MPTCP listed IP_BIND_ADDRESS_NO_PORT as supported but its IPv4 setter handled only IP_FREEBIND, IP_TRANSPARENT and IP_TOS, and its getter only those three",
        source: "net/mptcp/sockopt.c at 6.1.166 (unifreq/linux-6.1.y 525d1212a) mptcp_supported_sockopt l.451, mptcp_setsockopt_v4 l.776-787, mptcp_getsockopt_v4 l.1265-1277",
    };
    pub const MAXSEG_UNSYNCED_6_17: Rule = Rule {
        id: "linux.mptcp.maxseg_unsynced_6_17",
        formula: "6.17, fresh: any TCP_MAXSEG => 0, and the read (a new first subflow's) is 536",
        why: "measured on Debian's 6.17.13: the value stored on a fresh MPTCP socket never reaches the first subflow the read creates, which reads TCP's default; on 6.18.44 a value inside 88..32767 does. net/mptcp/sockopt.c is the same in both (sync_socket_options calls tcp_sock_set_maxseg; the TCP_MAXSEG setter does not bump setsockopt_seq), so the difference lies in how the first subflow is made: UNCONFIRMED which change",
        source: "net/mptcp/sockopt.c at 6.17.0 (busysteve/linux-6.17.0-rust-ported-c 1e9822c10) l.880, l.1579, identical to 6.18's l.880, l.1583; the runs on Debian's 6.17.13 and this 6.18.44",
    };
    pub const DEFER_ACCEPT_ALWAYS_OK: Rule = Rule {
        id: "linux.mptcp.defer_accept_ok",
        formula: "set TCP_DEFER_ACCEPT => 0 always; the read is the first subflow's (connected: unchanged)",
        why: "mptcp_setsockopt_sol_tcp ignores the first subflow's answer for TCP_DEFER_ACCEPT ('See tcp.c: TCP_DEFER_ACCEPT does not fail'), so on a connected socket, where __mptcp_nmpc_sk refuses, nothing is set and 0 is returned",
        source: "net/mptcp/sockopt.c mptcp_setsockopt_sol_tcp l.827-830",
    };
}

/// The releases whose net/mptcp/sockopt.c answers differently; each names
/// the kind's snapshot tables (`mptcp@linux-<era>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Era {
    /// 6.1 to 6.11.
    Before6_12,
    /// 6.12 to 6.15.
    From6_12,
    /// 6.16.
    V6_16,
    /// 6.17.
    V6_17,
    /// 6.18 and later.
    From6_18,
}

impl Era {
    pub fn of(facts: &LinuxFacts) -> Era {
        match facts.kernel_version {
            v if v < (6, 12) => Era::Before6_12,
            v if v < (6, 16) => Era::From6_12,
            (6, 16) => Era::V6_16,
            (6, 17) => Era::V6_17,
            _ => Era::From6_18,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Era::Before6_12 => "before-6.12",
            Era::From6_12 => "6.12-to-6.15",
            Era::V6_16 => "6.16",
            Era::V6_17 => "6.17",
            Era::From6_18 => "6.18-and-later",
        }
    }
}

/// Which TCP socket the MPTCP socket answers like: the same family.
fn tcp_twin(kind: Kind) -> Kind {
    match kind {
        Kind::Mptcp6 => Kind::Tcp6,
        _ => Kind::Tcp4,
    }
}

/// TCP's answer (level check included) for the same case on the twin kind,
/// with `rule` named after it.
fn as_tcp(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    facts: &LinuxFacts,
    rule: &'static Rule,
) -> Prediction {
    then(
        super::options::predict(option, tcp_twin(kind), state, request, facts),
        rule,
    )
}

fn err(name: &'static str, rule: &'static Rule) -> Prediction {
    Prediction::err(name, vec![rule])
}

/// `p`, with `rule` named after its own.
fn then(mut p: Prediction, rule: &'static Rule) -> Prediction {
    p.rules.push(rule);
    p
}

/// The generic SOL_SOCKET rules asked with the MPTCP kind itself (what
/// keys on sk_protocol, or on a missing set_rcvlowat).
fn on_mptcp_socket(
    opt: SocketOpt,
    kind: Kind,
    state: State,
    request: &Request,
    facts: &LinuxFacts,
) -> Prediction {
    super::socket::predict(&super::shared::Args {
        opt,
        kind,
        state,
        api: crate::api::Api::Raw,
        request,
        facts,
    })
}

/// A read MPTCP answers itself; `None` where the read is TCP's.
fn own_read(path: GetPath) -> Option<Prediction> {
    match path {
        GetPath::AsTcp => None,
        GetPath::Refused => Some(err("EOPNOTSUPP", &UNSUPPORTED_GET)),
        GetPath::V6BitOnV4 => Some(Prediction::ok(RelativeValue::int(0), vec![&V6_ON_V4])),
    }
}

/// How MPTCP treats a set of the option.
enum SetPath {
    /// On the MPTCP socket or a subflow, as TCP.
    AsTcp,
    /// On the first subflow: EINVAL once connected, else as TCP.
    FirstSubflow,
    /// Returns 0, stores nothing.
    Ignored,
    /// Refused with the error by the rule.
    Refused(&'static str, &'static Rule),
    /// TCP_KEEPIDLE and its kin: unchecked before the first subflow.
    Keepalive,
    /// TCP_DEFER_ACCEPT: 0 whatever the subflow said.
    DeferAccept,
}

fn set_path(option: &OptionSpec) -> SetPath {
    use SetPath::*;
    let unsupported = Refused("ENOPROTOOPT", &UNSUPPORTED_SET);
    let unhandled_ip = Refused("EOPNOTSUPP", &LISTED_UNHANDLED_SET);
    match option.id {
        Opt::Buffer(
            BufferOpt::Sndbuf | BufferOpt::Rcvbuf | BufferOpt::Sndbufforce | BufferOpt::Rcvbufforce,
        ) => AsTcp,
        Opt::Socket(o) => match o {
            SocketOpt::Reuseaddr
            | SocketOpt::Reuseport
            | SocketOpt::Bindtodevice
            | SocketOpt::Bindtoifindex => FirstSubflow,
            SocketOpt::Keepalive
            | SocketOpt::Priority
            | SocketOpt::Mark
            | SocketOpt::Timestamp
            | SocketOpt::Timestampns
            | SocketOpt::Linger
            | SocketOpt::Rcvlowat
            | SocketOpt::Rcvtimeo
            | SocketOpt::Sndtimeo
            | SocketOpt::BusyPoll
            | SocketOpt::PreferBusyPoll
            | SocketOpt::IncomingCpu => AsTcp,
            SocketOpt::Dontroute
            | SocketOpt::Broadcast
            | SocketOpt::Passcred
            | SocketOpt::Passsec
            | SocketOpt::RxqOvfl
            | SocketOpt::WifiStatus
            | SocketOpt::Nofcs
            | SocketOpt::SelectErrQueue => Ignored,
            _ => Refused("EOPNOTSUPP", &SOL_SOCKET_REFUSED),
        },
        Opt::Ip(o) => match o {
            IpOpt::Freebind | IpOpt::Transparent | IpOpt::BindAddressNoPort => FirstSubflow,
            IpOpt::Tos => AsTcp,
            IpOpt::Pktinfo
            | IpOpt::Recvttl
            | IpOpt::Recvtos
            | IpOpt::Recvopts
            | IpOpt::Retopts
            | IpOpt::Passsec
            | IpOpt::Recvorigdstaddr
            | IpOpt::Checksum
            | IpOpt::Recvfragsize
            | IpOpt::Ttl
            | IpOpt::MtuDiscover
            | IpOpt::Recverr
            | IpOpt::Minttl
            | IpOpt::RecverrRfc4884 => unhandled_ip,
            _ => unsupported,
        },
        Opt::Ipv6(o) => match o {
            Ipv6Opt::V6only | Ipv6Opt::Transparent | Ipv6Opt::Freebind => FirstSubflow,
            Ipv6Opt::Recvpktinfo
            | Ipv6Opt::Recvhoplimit
            | Ipv6Opt::Recvrthdr
            | Ipv6Opt::Recvhopopts
            | Ipv6Opt::Recvdstopts
            | Ipv6Opt::Recvtclass
            | Ipv6Opt::Flowinfo
            | Ipv6Opt::Hopopts2292
            | Ipv6Opt::Recvpathmtu
            | Ipv6Opt::Recvorigdstaddr
            | Ipv6Opt::Recvfragsize
            | Ipv6Opt::Tclass
            | Ipv6Opt::UnicastHops
            | Ipv6Opt::MtuDiscover
            | Ipv6Opt::Mtu
            | Ipv6Opt::Recverr
            | Ipv6Opt::Minhopcount
            | Ipv6Opt::Dontfrag
            | Ipv6Opt::Autoflowlabel => unhandled_ip,
            _ => unsupported,
        },
        Opt::Tcp(o) => match o {
            TcpOpt::Congestion
            | TcpOpt::Inq
            | TcpOpt::NotsentLowat
            | TcpOpt::Cork
            | TcpOpt::Nodelay
            | TcpOpt::Maxseg => AsTcp,
            TcpOpt::Fastopen | TcpOpt::FastopenConnect => FirstSubflow,
            TcpOpt::Keepidle | TcpOpt::Keepintvl | TcpOpt::Keepcnt => Keepalive,
            TcpOpt::DeferAccept => DeferAccept,
            TcpOpt::ThinLinearTimeouts
            | TcpOpt::Syncnt
            | TcpOpt::SaveSyn
            | TcpOpt::Linger2
            | TcpOpt::WindowClamp
            | TcpOpt::Quickack
            | TcpOpt::UserTimeout => Refused("ENOPROTOOPT", &LISTED_UNHANDLED_SET),
            _ => unsupported,
        },
        Opt::Udp(_) => unsupported,
    }
}

/// How MPTCP answers a read of the option: `Some(rule)` when the read is
/// TCP's (SOL_SOCKET reads go to sk_getsockopt on the MPTCP socket), an
/// error or an IPv6 read on an IPv4 socket otherwise.
enum GetPath {
    AsTcp,
    Refused,
    V6BitOnV4,
}

fn get_path(option: &OptionSpec, kind: Kind) -> GetPath {
    match option.id {
        Opt::Buffer(_) | Opt::Socket(_) => GetPath::AsTcp,
        Opt::Ip(IpOpt::Tos | IpOpt::Freebind | IpOpt::Transparent | IpOpt::BindAddressNoPort) => {
            GetPath::AsTcp
        }
        Opt::Ipv6(Ipv6Opt::V6only | Ipv6Opt::Transparent | Ipv6Opt::Freebind) if kind == Kind::Mptcp4 => {
            GetPath::V6BitOnV4
        }
        Opt::Ipv6(Ipv6Opt::V6only | Ipv6Opt::Transparent | Ipv6Opt::Freebind) => GetPath::AsTcp,
        Opt::Tcp(
            TcpOpt::Congestion
            | TcpOpt::DeferAccept
            | TcpOpt::Fastopen
            | TcpOpt::FastopenConnect
            | TcpOpt::Inq
            | TcpOpt::Cork
            | TcpOpt::Nodelay
            | TcpOpt::Keepidle
            | TcpOpt::Keepintvl
            | TcpOpt::Keepcnt
            | TcpOpt::NotsentLowat
            | TcpOpt::Maxseg,
        ) => GetPath::AsTcp,
        _ => GetPath::Refused,
    }
}

/// The read of an untouched socket.
fn read_default(option: &OptionSpec, kind: Kind, state: State, facts: &LinuxFacts) -> Prediction {
    match option.id {
        Opt::Socket(o @ (SocketOpt::Protocol | SocketOpt::Txrehash)) => {
            return then(
                on_mptcp_socket(o, kind, state, &Request::Default, facts),
                &OWN_PROTOCOL,
            );
        }
        Opt::Socket(o @ SocketOpt::IncomingCpu) if state == State::Connected => {
            return then(
                on_mptcp_socket(o, kind, state, &Request::Default, facts),
                &NO_PACKETS_OF_ITS_OWN,
            );
        }
        Opt::Buffer(BufferOpt::Sndbuf) if state == State::Connected => {
            let expanded = super::buffers::tcp_sndbuf_expanded(tcp_twin(kind), facts);
            let sum = crate::expr::Sym {
                name: "tcp_wmem[0]+tcp_sndbuf_expanded",
                value: facts.tcp_wmem[0] + expanded.value,
            };
            return Prediction::ok(RelativeValue::Int(crate::expr::Expr::of(sum)), vec![&SNDBUF_SUM]);
        }
        Opt::Ipv6(Ipv6Opt::V6only)
            if kind == Kind::Mptcp6 && matches!(state, State::Bound | State::Listening) =>
        {
            return Prediction::ok(RelativeValue::int(0), vec![&V6ONLY_ON_SUBFLOW]);
        }
        _ => {}
    }
    own_read(get_path(option, kind))
        .unwrap_or_else(|| as_tcp(option, kind, state, &Request::Default, facts, &AS_TCP))
}

/// Where 6.1's MPTCP answered otherwise than 6.18's: `None` where it did
/// not.
fn before_6_12(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    facts: &LinuxFacts,
) -> Option<Prediction> {
    let set = matches!(request, Request::Set(_));
    Some(match option.id {
        Opt::Tcp(TcpOpt::Fastopen | TcpOpt::NotsentLowat) if set => err("ENOPROTOOPT", &OLD_TCP_LIST),
        Opt::Tcp(TcpOpt::Fastopen | TcpOpt::NotsentLowat) => err("EOPNOTSUPP", &OLD_TCP_LIST),
        Opt::Ip(IpOpt::BindAddressNoPort) => err("EOPNOTSUPP", &OLD_BIND_NO_PORT),
        Opt::Socket(SocketOpt::Rcvlowat) if set => then(
            on_mptcp_socket(SocketOpt::Rcvlowat, kind, state, request, facts),
            &RCVLOWAT_GENERIC,
        ),
        Opt::Buffer(BufferOpt::Sndbuf) if state == State::Connected && !set => {
            as_tcp(option, kind, State::Fresh, request, facts, &SNDBUF_UNSYNCED)
        }
        // The first subflow exists from the start: a fresh socket's
        // setters refuse what TCP refuses.
        Opt::Tcp(TcpOpt::Keepidle | TcpOpt::Keepintvl | TcpOpt::Keepcnt | TcpOpt::Congestion)
            if set && state == State::Fresh =>
        {
            as_tcp(option, kind, state, request, facts, &SUBFLOW_AT_INIT)
        }
        _ => return None,
    })
}

/// What an MPTCP socket in `state` answers for `request` of `option`.
pub fn predict(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    facts: &LinuxFacts,
) -> Prediction {
    let era = Era::of(facts);
    if option.id == Opt::Tcp(TcpOpt::Maxseg) && era < Era::V6_17 {
        return match request {
            Request::Set(_) => err("ENOPROTOOPT", &MAXSEG_BEFORE_6_17),
            _ => err("EOPNOTSUPP", &MAXSEG_BEFORE_6_17),
        };
    }
    if era == Era::Before6_12 {
        if let Some(p) = before_6_12(option, kind, state, request, facts) {
            return p;
        }
    }
    let Request::Set(value) = request else {
        return read_default(option, kind, state, facts);
    };
    let set = || as_tcp(option, kind, state, request, facts, &AS_TCP);
    // A set that succeeds is read back through the same path a plain read
    // takes; where that read is TCP's, TCP's own set-then-read answers.
    let read_after = |p: Prediction| match p.expected {
        crate::prediction::Expected::Err(_) => p,
        _ => own_read(get_path(option, kind)).unwrap_or(p),
    };
    match set_path(option) {
        SetPath::AsTcp
            if state == State::Fresh
                && option.id == Opt::Tcp(TcpOpt::Maxseg)
                && Era::of(facts) == Era::V6_17 =>
        {
            then(read_default(option, kind, state, facts), &MAXSEG_UNSYNCED_6_17)
        }
        SetPath::AsTcp if state == State::Fresh && option.id == Opt::Tcp(TcpOpt::Maxseg) => {
            let taken = set();
            match taken.expected {
                crate::prediction::Expected::Err(_) => {
                    then(read_default(option, kind, state, facts), &MAXSEG_BEFORE_SUBFLOW)
                }
                _ => read_after(taken),
            }
        }
        SetPath::AsTcp
            if option.id == Opt::Tcp(TcpOpt::Congestion)
                && matches!(value, RelativeValue::Text(t, _) if t.is_empty()) =>
        {
            err("EINVAL", &CONGESTION_EMPTY)
        }
        SetPath::AsTcp if state == State::Fresh && option.id == Opt::Tcp(TcpOpt::Congestion) => {
            let admin = LinuxFacts {
                cap_net_admin: true,
                ..facts.clone()
            };
            let taken = as_tcp(option, kind, state, request, &admin, &AS_TCP);
            let read = match taken.expected {
                crate::prediction::Expected::Err(_) => read_default(option, kind, state, facts),
                _ => taken,
            };
            then(read, &CONGESTION_BEFORE_SUBFLOW)
        }
        SetPath::AsTcp => read_after(set()),
        SetPath::FirstSubflow if state == State::Connected => {
            // The IP options are stored on the MPTCP socket (ip_setsockopt,
            // which may refuse the value) before the subflow is asked; the
            // others ask for the subflow first.
            let tcp = set();
            match (option.id, &tcp.expected) {
                (Opt::Ip(_), crate::prediction::Expected::Err(_)) => tcp,
                _ => err("EINVAL", &NMPC_CONNECTED),
            }
        }
        SetPath::FirstSubflow => read_after(set()),
        SetPath::Ignored => then(read_default(option, kind, state, facts), &IGNORED),
        SetPath::Refused(name, rule) => err(name, rule),
        SetPath::Keepalive if state == State::Fresh => match value {
            RelativeValue::Int(v) if v.value() == 0 => {
                then(read_default(option, kind, state, facts), &KEEP_NO_SUBFLOW)
            }
            RelativeValue::Int(v) => Prediction::ok(RelativeValue::Int(*v), vec![&KEEP_NO_SUBFLOW]),
            _ => crate::platform::gated(),
        },
        SetPath::Keepalive => read_after(set()),
        SetPath::DeferAccept if state == State::Connected => {
            then(read_default(option, kind, state, facts), &DEFER_ACCEPT_ALWAYS_OK)
        }
        SetPath::DeferAccept => then(set(), &DEFER_ACCEPT_ALWAYS_OK),
    }
}
