//! What every FreeBSD family file uses: the case's context, the rules for
//! options FreeBSD lacks and for refused levels, and request helpers.

use super::facts::{self, Release};
use crate::expr::{Expr, Sym};

use crate::rule::Rule;

/// `concat!`s a mirror's tag in front of a file and function.
#[macro_export]
#[doc(hidden)]
macro_rules! freebsd_src {
    (M, $s:literal) => {
        concat!("freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) ", $s)
    };
    (F, $s:literal) => {
        concat!("freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) ", $s)
    };
    (F6, $s:literal) => {
        concat!("freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) ", $s)
    };
    (S14, $s:literal) => {
        concat!("freebsd/freebsd-src stable/14 __FreeBSD_version 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) ", $s)
    };
    (F13, $s:literal) => {
        concat!("FreeBSD 13.0 as F-Stack 5cb586b5 vendors it (freebsd/, __FreeBSD_version 1300139) ", $s)
    };
    (R13, $s:literal) => {
        concat!("freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) ", $s)
    };
}
pub use crate::freebsd_src as src;

/// A case as the FreeBSD family models see it (the kit's, over the model).
pub type Ctx<'a> = crate::platform::kit::Ask<'a, (), super::FreeBsd>;

impl<O> crate::platform::kit::Ask<'_, O, super::FreeBsd> {
    /// The release era the model's facts put it in.
    pub fn release(&self) -> Release {
        self.facts.release_era()
    }

    pub fn sym(&self, name: &'static str) -> Sym {
        facts::sym(&self.facts.facts, self.release(), name)
    }

    pub fn fact(&self, name: &'static str) -> Expr {
        Expr::of(self.sym(name))
    }

    pub fn hz(&self) -> i128 {
        self.sym("kern.hz").value.max(1)
    }
}

crate::rules! {
    pub const ABSENT_SOCKET_H: Rule = Rule {
        id: "freebsd.absent.socket_h",
        formula: "no such constant",
        why: "sys/sys/socket.h defines no SO_SNDBUFFORCE/SO_RCVBUFFORCE (nearest: raise kern.ipc.maxsockbuf), SO_PASSCRED (nearest: LOCAL_CREDS / LOCAL_CREDS_PERSISTENT at level SOL_LOCAL=0), SO_PRIORITY, SO_MARK (nearest: SO_USER_COOKIE 0x1015 / SO_SETFIB 0x1014) or SO_BUSY_POLL; socket2 0.6 gates them to Linux",
        source: src!(F, "sys/sys/socket.h (option list); rust-lang/socket2 v0.6.0 src/sys/unix.rs (SO_PASSCRED cfg linux/cygwin)"),
    };
    pub const ABSENT_TCP_H: Rule = Rule {
        id: "freebsd.absent.tcp_h",
        formula: "no such constant",
        why: "sys/netinet/tcp.h defines no TCP_USER_TIMEOUT (nearest: TCP_MAXUNACKTIME 68, seconds), TCP_CORK (nearest: TCP_NOPUSH 4), TCP_QUICKACK, TCP_NOTSENT_LOWAT or TCP_THIN_LINEAR_TIMEOUTS; socket2 0.6's tests for them are gated to linux/android/fuchsia",
        source: src!(F, "sys/netinet/tcp.h (option list); rust-lang/socket2 v0.6.0 tests/socket.rs cfg gates"),
    };
    pub const ABSENT_IN_H: Rule = Rule {
        id: "freebsd.absent.in_h",
        formula: "no such constant",
        why: "sys/netinet/in.h defines no IP_FREEBIND or IP_TRANSPARENT; the nearest is IP_BINDANY 24 (IPV6_BINDANY for v6), which needs PRIV_NETINET_BINDANY (EPERM unprivileged) and reads back 0/1",
        source: src!(F, "sys/netinet/in.h; sys/netinet/ip_output.c ip_ctloutput case IP_BINDANY"),
    };
    pub const NO_PING_SOCKET: Rule = Rule {
        id: "freebsd.icmp.no_datagram_socket",
        formula: "socket(SOCK_DGRAM, IPPROTO_ICMP / IPPROTO_ICMPV6) => EPROTONOSUPPORT",
        why: "FreeBSD has no ICMP datagram (ping) socket: inetsw and inet6sw list ICMP only as SOCK_RAW, pffindproto's wildcard fallback is for SOCK_RAW alone, so socreate finds no protocol and, the protocol being non-zero, answers EPROTONOSUPPORT; no option can be asked",
        source: src!(F13, "sys/kern/uipc_domain.c pffindproto 'if ((pr->pr_protocol == protocol) && (pr->pr_type == type)) return (pr); if (type == SOCK_RAW && pr->pr_type == SOCK_RAW && pr->pr_protocol == 0 ...'; sys/kern/uipc_socket.c socreate 'if (proto == 0 && type != 0) return (EPROTOTYPE); return (EPROTONOSUPPORT)'; sys/netinet/in_proto.c inetsw '.pr_type = SOCK_RAW, ... .pr_protocol = IPPROTO_ICMP'; 14 and later UNCONFIRMED"),
    };
    pub const NO_MPTCP: Rule = Rule {
        id: "freebsd.mptcp.no_protocol",
        formula: "socket(AF_INET/AF_INET6, SOCK_STREAM, IPPROTO_MPTCP 262) => EPROTONOSUPPORT",
        why: "FreeBSD has no Multipath TCP in its tree: inetsw and inet6sw have no protocol 262, so socreate finds none and, the protocol being non-zero, answers EPROTONOSUPPORT; no option can be asked (14 and later UNCONFIRMED: no MPTCP was merged that this reading found)",
        source: src!(F13, "sys/kern/uipc_socket.c socreate 'if (prp == NULL) { ... if (proto == 0 && type != 0) return (EPROTOTYPE); return (EPROTONOSUPPORT); }'; sys/netinet/in_proto.c inetsw (no IPPROTO_MPTCP)"),
    };
    pub const RAW_PRIV: Rule = Rule {
        id: "freebsd.raw.needs_privilege",
        formula: "socket(SOCK_RAW) without privilege => EPERM",
        why: "rip_attach (and rip6_attach) asks for PRIV_NETINET_RAW, which only root has: the model is of an ordinary user, so every raw case is EPERM; a root's raw sockets are not modelled",
        source: src!(F13, "sys/netinet/raw_ip.c rip_attach 'error = priv_check(td, PRIV_NETINET_RAW); if (error) return (error)'; sys/netinet6/raw_ip6.c rip6_attach (the same check)"),
    };
    pub const ABSENT_UDP_H: Rule = Rule {
        id: "freebsd.absent.udp_h",
        formula: "no such constant",
        why: "sys/netinet/udp.h defines one IPPROTO_UDP option, UDP_ENCAP (1), and none of Linux's, so a FreeBSD program cannot name it",
        source: src!(F13, "sys/netinet/udp.h '#define UDP_ENCAP 1'"),
    };
    pub const ABSENT_IN6_H: Rule = Rule {
        id: "freebsd.absent.in6_h",
        formula: "no such constant",
        why: "sys/netinet6/in6.h defines no such IPV6_* option, so a FreeBSD program cannot name it",
        source: src!(F, "sys/netinet6/in6.h (option list)"),
    };
    pub const ROUTE_TCP_ON_UDP: Rule = Rule {
        id: "freebsd.route.tcp_on_udp",
        formula: "level IPPROTO_TCP on udp => EINVAL (set and get)",
        why: "udp_ctloutput passes a level other than IPPROTO_UDP to ip_ctloutput (udp4) or ip6_ctloutput (udp6), which refuse any level but their own with EINVAL",
        source: src!(F, "sys/netinet/udp_usrreq.c udp_ctloutput; sys/netinet/ip_output.c ip_ctloutput 'if (sopt->sopt_level != IPPROTO_IP) error = EINVAL'"),
    };
    pub const ROUTE_UNIX_LEVEL: Rule = Rule {
        id: "freebsd.route.unix_level",
        formula: "level != SOL_LOCAL(0) on unix => EINVAL (set and get)",
        why: "uipc_ctloutput only knows SOL_LOCAL, which is 0 (= IPPROTO_IP): IPPROTO_TCP and IPPROTO_IPV6 are EINVAL",
        source: src!(F, "sys/kern/uipc_usrreq.c uipc_ctloutput 'if (sopt->sopt_level != SOL_LOCAL) return (EINVAL);'"),
    };
    pub const ROUTE_IPV6_ON_INET: Rule = Rule {
        id: "freebsd.route.ipv6_on_inet",
        formula: "level IPPROTO_IPV6 on an AF_INET socket => EINVAL (set and get)",
        why: "tcp4 and udp4 hand non-TCP/UDP levels to ip_ctloutput, which refuses any level but IPPROTO_IP",
        source: src!(
            F,
            "sys/netinet/tcp_usrreq.c tcp_ctloutput_set/get -> sys/netinet/ip_output.c ip_ctloutput"
        ),
    };
    pub const ROUTE_IP_ON_INET6: Rule = Rule {
        id: "freebsd.route.ip_on_inet6",
        formula: "level IPPROTO_IP on an AF_INET6 socket => EINVAL",
        why: "AF_INET6 sockets hand non-TCP/UDP levels to ip6_ctloutput, which refuses any level but IPPROTO_IPV6 (no IPPROTO_IP pass-through at 1400507 and 1500012; later main UNCONFIRMED)",
        source: src!(F6, "sys/netinet6/ip6_output.c ip6_ctloutput 'if (level != IPPROTO_IPV6) error = EINVAL'; the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162)"),
    };
    pub const ROUTE_TCP_IPSWALLOW: Rule = Rule {
        id: "freebsd.route.tcp_ipswallow",
        formula: "tcp6 set IP_TOS/IP_TTL => 0, then get => EINVAL",
        why: "from 14, on tcp sockets tcp_ctloutput_set discards ip6_ctloutput's EINVAL for IP_TOS and IP_TTL (tfb_tcp_ctloutput returns 0), so the set succeeds; the read back still goes to ip6_ctloutput and is EINVAL. On 13 (13.0, 13.1) tcp_ctloutput returns ip6_ctloutput's EINVAL, so the set itself fails: the case's outcome is EINVAL either way",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_ctloutput_set (case IPPROTO_IP: IP_TOS / IP_TTL) and tcp_default_ctloutput 'case IPPROTO_IP: return (0)'"),
    };
}

pub use crate::platform::kit::int;
