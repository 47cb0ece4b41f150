//! What XNU decides before an option's own handler runs: names the headers
//! lack, the level check of ip_ctloutput / ip6_ctloutput, and AF_UNIX's
//! uipc_ctloutput, which answers every non-SOL_SOCKET level by name alone.

use super::executable_uuid;
use super::MacOs;
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, State};
use crate::option::Opt;
use crate::prediction::Prediction;
use crate::rule::Rule;

/// A case as the macOS family models see it (the kit's, over the model).
pub type Ctx<'a> = crate::platform::kit::Ask<'a, (), MacOs>;

impl<O> crate::platform::kit::Ask<'_, O, MacOs> {
    pub fn sym(&self, name: &'static str) -> Sym {
        self.facts.sym(name)
    }

    pub fn fact(&self, name: &'static str) -> Expr {
        Expr::of(self.sym(name))
    }
}

pub use crate::platform::kit::{err, ok, ok_int};
use crate::xucred;

crate::rules! {
    pub const UNDEFINED_SOCKET: Rule = Rule {
        id: "macos.undefined.socket_h",
        formula: "no such constant → UNDEFINED",
        why: "bsd/sys/socket.h defines no SO_SNDBUFFORCE, SO_RCVBUFFORCE, SO_PASSCRED, SO_PRIORITY, SO_MARK, SO_BUSY_POLL, SO_DOMAIN or SO_PROTOCOL: a macOS program cannot name the option",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/socket.h (SO_* list: SO_TYPE 0x1008 is followed by SO_LABEL 0x1010)",
    };
    pub const UNDEFINED_TCP: Rule = Rule {
        id: "macos.undefined.tcp_h",
        formula: "no such constant → UNDEFINED",
        why: "bsd/netinet/tcp.h defines no TCP_USER_TIMEOUT, TCP_CORK (only TCP_NOPUSH), TCP_QUICKACK, TCP_THIN_LINEAR_TIMEOUTS or TCP_CONGESTION",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp.h",
    };
    pub const UNDEFINED_IN: Rule = Rule {
        id: "macos.undefined.in_h",
        formula: "no such constant → UNDEFINED",
        why: "bsd/netinet/in.h defines no IP_FREEBIND or IP_TRANSPARENT",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in.h",
    };
    pub const RAW_ROOT: Rule = Rule {
        id: "macos.raw.needs_root",
        formula: "socket(SOCK_RAW) not as root => EPERM",
        why: "rip_attach refuses a socket that was not made by a privileged process (SS_PRIV unset), and rip6_attach asks proc_suser: the model is of an ordinary user, so every raw case is EPERM",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/raw_ip.c rip_attach 'if ((so->so_state & SS_PRIV) == 0) { return EPERM; }'; bsd/netinet6/raw_ip6.c rip6_attach 'if ((error = proc_suser(p)) != 0)'",
    };
    pub const NO_SEQPACKET: Rule = Rule {
        id: "macos.unix_seqpacket.no_socket",
        formula: "socket(AF_UNIX, SOCK_SEQPACKET) => EPROTONOSUPPORT",
        why: "XNU's unix domain has protocols for SOCK_STREAM and SOCK_DGRAM only, so socreate finds none for SOCK_SEQPACKET and answers EPROTONOSUPPORT",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_proto.c localsw (.pr_type SOCK_STREAM, SOCK_DGRAM); bsd/kern/uipc_socket.c socreate_internal 'prp = pffindtype(dom, type); if (prp == NULL ...) { ... return EPROTONOSUPPORT; }'",
    };
    pub const NO_MPTCP: Rule = Rule {
        id: "macos.mptcp.no_protocol",
        formula: "socket(AF_INET/AF_INET6, SOCK_STREAM, IPPROTO_MPTCP 262) => EPROTONOSUPPORT",
        why: "XNU's MPTCP is reached through its own AF_MULTIPATH domain (connectx), not a protocol number: the inet domains have no protosw for 262, so socreate finds none and, finding the number under no other type either, answers EPROTONOSUPPORT; no option can be asked",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/kern/uipc_socket.c socreate_internal l.645-661 ('prp = pffindproto(dom, proto, type); ... if (pffindprotonotype(dom, proto) != NULL) return EPROTOTYPE; ... return EPROTONOSUPPORT'); bsd/netinet/in.h (no IPPROTO_MPTCP)",
    };
    pub const UNDEFINED_UDP: Rule = Rule {
        id: "macos.undefined.udp_h",
        formula: "no such constant → UNDEFINED",
        why: "bsd/netinet/udp.h defines only UDP_NOCKSUM (1) and UDP_KEEPALIVE_OFFLOAD (2) at IPPROTO_UDP, none of Linux's, so a macOS program cannot name it",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/udp.h",
    };
    pub const UNDEFINED_IN6: Rule = Rule {
        id: "macos.undefined.in6_h",
        formula: "no such constant → UNDEFINED",
        why: "bsd/netinet6/in6.h defines no such IPV6_* option, so a macOS program cannot name it",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6.h",
    };
    pub const IP_WRONG_LEVEL: Rule = Rule {
        id: "macos.route.ip_wrong_level",
        formula: "AF_INET socket, level ∉ {SOL_SOCKET, IPPROTO_IP, own protocol} → EINVAL",
        why: "tcp_ctloutput / udp_ctloutput pass any other level to ip_ctloutput, which starts with `if (sopt->sopt_level != IPPROTO_IP ...) return EINVAL;` (set and get): IPPROTO_IPV6 on tcp4/udp4 and IPPROTO_TCP on udp4",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput",
    };
    pub const ICMP_WRONG_LEVEL: Rule = Rule {
        id: "macos.route.icmp_wrong_level",
        formula: "icmp4: level ∉ {SOL_SOCKET, IPPROTO_IP} → EINVAL; icmp6: level ∉ {SOL_SOCKET, IPPROTO_IPV6, IPPROTO_ICMPV6} → EINVAL",
        why: "an ICMP datagram socket's pr_ctloutput is a filter, icmp_dgram_ctloutput / icmp6_dgram_ctloutput, which refuses any other level before looking at the name (set and get); the icmp6 filter is skipped for a socket a root process made, which the model (an ordinary user) does not cover",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_icmp.c icmp_dgram_ctloutput 'if (sopt->sopt_level != IPPROTO_IP) { return EINVAL; }'; bsd/netinet6/icmp6.c icmp6_dgram_ctloutput 'if (kauth_cred_issuser(so->so_cred)) return rip6_ctloutput(so, sopt); ... else if (sopt->sopt_level != IPPROTO_IPV6) { return EINVAL; }'",
    };
    pub const IP6_WRONG_LEVEL: Rule = Rule {
        id: "macos.route.ip6_wrong_level",
        formula: "AF_INET6 socket, level ∉ {SOL_SOCKET, IPPROTO_IPV6, own protocol} → EINVAL",
        why: "ip6_ctloutput handles only IPPROTO_IPV6 (and SO_BINDTODEVICE), else `error = EINVAL;` — XNU does not pass IPPROTO_IP to ip_ctloutput on AF_INET6 sockets, even dual-stack ones (rust-lang/rust#95541: set_ttl fails on macOS IPv6 sockets); IPPROTO_TCP on udp6 likewise (udp6 used ip6_ctloutput directly up to xnu-7195)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput",
    };
    pub const UNIX_SET: Rule = Rule {
        id: "macos.route.unix_set",
        formula: "AF_UNIX, level != SOL_SOCKET, set → EOPNOTSUPP",
        why: "uipc_ctloutput: `case SOPT_SET: default: error = EOPNOTSUPP;` whatever the level",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput",
    };
    pub const UNIX_GET_OTHER: Rule = Rule {
        id: "macos.route.unix_get_other",
        formula: "AF_UNIX, level != SOL_SOCKET, get of a name ∉ LOCAL_PEER* (1..6) → EOPNOTSUPP",
        why: "uipc_ctloutput's get switch looks at sopt_name only (never the level); names other than LOCAL_PEERCRED..LOCAL_PEERTOKEN fall to `default: error = EOPNOTSUPP;`",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput",
    };
    pub const UNIX_PEERCRED: Rule = Rule {
        id: "macos.route.unix_get_peercred",
        formula: "AF_UNIX get of name 1 (= LOCAL_PEERCRED): stream with peer → xucred(76 bytes: 0,euid,xucred.ngroups,egid) read whole, cr_version 0 read into an int; stream without → ENOTCONN; dgram → EINVAL",
        why: "name 1 (LOCAL_PEERCRED; TCP_NODELAY's number too) is LOCAL_PEERCRED to uipc_ctloutput: with UNP_HAVEPC (a connected stream) it copies the struct xucred cru2x made at connect: XUCRED_VERSION 0, the effective uid, the kernel's group count and groups, the effective gid first (the peer is this process); an int buffer gets its first 4 bytes, cr_version; else `if (so->so_type == SOCK_STREAM) error = ENOTCONN; else error = EINVAL;`",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput LOCAL_PEERCRED, unp_connect 'cru2x(vfs_context_ucred(ctx), &unp3->unp_peercred)'; bsd/kern/kern_prot.c cru2x; bsd/sys/un.h; bsd/sys/ucred.h XUCRED_VERSION, 'cr_gid cr_groups[0]'",
    };
    pub const UNIX_PEERPID: Rule = Rule {
        id: "macos.route.unix_get_peerpid",
        formula: "AF_UNIX get of name 2 or 3 (= LOCAL_PEERPID / LOCAL_PEEREPID): connected → peer pid (getpid() in one-process fixtures; a stand-in 0 in an offline report); else ENOTCONN",
        why: "names 2 (TCP_MAXSEG) and 3 (IP_TOS) are LOCAL_PEERPID / LOCAL_PEEREPID to uipc_ctloutput: `unp_conn == NULL` → ENOTCONN, else the peer's pid; the fixture's peer lives in the same process",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput LOCAL_PEERPID; bsd/sys/un.h",
    };
    pub const UNIX_PEERUUID: Rule = Rule {
        id: "macos.route.unix_get_peeruuid",
        formula: "AF_UNIX get of name 4 (= LOCAL_PEERUUID): connected → the first 4 bytes of the peer's executable UUID (LC_UUID of this executable in one-process fixtures; a stand-in 0 in an offline report); else ENOTCONN",
        why: "name 4 (IP_TTL, IPV6_UNICAST_HOPS) is LOCAL_PEERUUID: `unp_conn == NULL` → ENOTCONN, else the peer socket's last_uuid (e_uuid only for LOCAL_PEEREUUID on a delegated socket), truncated to the 4-byte buffer by sooptcopyout. last_uuid is proc_getexecutableuuid of the creating (or last sending) process, which exec takes from the main executable's LC_UUID; the fixture's peer is this process. Not yet compared with a Mac run (UNCONFIRMED)",
        source: "apple-oss-distributions/xnu xnu-11417.101.15 bsd/kern/uipc_usrreq.c uipc_ctloutput 'case LOCAL_PEERUUID: ... sooptcopyout(sopt, &peerso->last_uuid, ...)'; bsd/kern/uipc_socket.c socreate_internal 'proc_getexecutableuuid(p, so->last_uuid, ...)'; bsd/kern/kern_proc.c proc_getexecutableuuid; bsd/sys/un.h",
    };
}

/// The process id a same-process peer reports. Offline there is no peer
/// process: a fixed stand-in keeps the report the same from run to run.
fn own_pid(mac: &MacOs) -> Sym {
    match mac.on_host {
        true => Sym {
            name: "getpid()",
            value: i128::from(std::process::id()),
        },
        false => Sym {
            name: "peer_pid (the reading process; 0 offline)",
            value: 0,
        },
    }
}

/// The first four bytes of the executable UUID a same-process peer
/// reports; offline (or if the executable cannot be read) a fixed stand-in.
fn own_uuid(mac: &MacOs) -> Sym {
    match mac.on_host.then(executable_uuid::own_prefix).flatten() {
        Some(prefix) => Sym {
            name: "LC_UUID[0..4] of this executable",
            value: i128::from(prefix),
        },
        None => Sym {
            name: "peer_uuid[0..4] (the reading executable's LC_UUID; 0 offline)",
            value: 0,
        },
    }
}

/// A non-SOL_SOCKET option on AF_UNIX: uipc_ctloutput. `xucred`: the
/// row reads a whole struct xucred (LOCAL_PEERCRED's own row), not an int.
pub fn unix(c: &Ctx<'_>, code: i32, xucred: bool) -> Prediction {
    if let Request::Set(_) = c.request {
        return err("EOPNOTSUPP", &UNIX_SET);
    }
    let connected = c.state == State::Connected;
    match code {
        1 if c.kind.is_stream() && connected && xucred => ok(
            xucred::whole(xucred::MACOS_SIZE, |name| c.facts.sym(name)),
            &UNIX_PEERCRED,
        ),
        1 if c.kind.is_stream() && connected => ok_int(Expr::lit(0), &UNIX_PEERCRED),
        1 if c.kind.is_stream() => err("ENOTCONN", &UNIX_PEERCRED),
        1 => err("EINVAL", &UNIX_PEERCRED),
        2 | 3 if connected => ok_int(Expr::of(own_pid(c.facts)), &UNIX_PEERPID),
        2 | 3 => err("ENOTCONN", &UNIX_PEERPID),
        4 if connected => ok_int(Expr::of(own_uuid(c.facts)), &UNIX_PEERUUID),
        4 => err("ENOTCONN", &UNIX_PEERUUID),
        _ => err("EOPNOTSUPP", &UNIX_GET_OTHER),
    }
}

/// Which level a protocol option reaches on this kind: None when the
/// option's own handler runs, else the refusal.
pub fn level(c: &Ctx<'_>, id: Opt) -> Option<Prediction> {
    // socket2's header_included_v6 sends a number xnu's headers leave
    // unnamed at its level; the kernel routes it all the same.
    let spec = crate::catalog::spec(id);
    let code = spec
        .codes
        .macos
        .or_else(|| crate::library::unnamed_number(crate::os::Os::MacOs, c.api, spec).map(|(n, _)| n))?;
    let domain = c.kind.domain();
    if domain == Domain::Unix {
        return Some(unix(c, code, spec.ty == crate::option::Type::Xucred));
    }
    let wrong = |d: Domain| match d {
        Domain::Ipv6 => Some(err("EINVAL", &IP6_WRONG_LEVEL)),
        _ => Some(err("EINVAL", &IP_WRONG_LEVEL)),
    };
    if c.kind.is_icmp() {
        let own = match domain {
            Domain::Ipv6 => matches!(id, Opt::Ipv6(_)),
            _ => matches!(id, Opt::Ip(_)),
        };
        return match id {
            Opt::Buffer(_) | Opt::Socket(_) => None,
            _ if own => None,
            _ => Some(err("EINVAL", &ICMP_WRONG_LEVEL)),
        };
    }
    match id {
        Opt::Buffer(_) | Opt::Socket(_) => None,
        Opt::Tcp(_) if !c.kind.is_tcp() => wrong(domain),
        Opt::Tcp(_) => None,
        Opt::Ip(_) if domain != Domain::Ipv4 => wrong(domain),
        Opt::Ip(_) => None,
        Opt::Ipv6(_) if domain != Domain::Ipv6 => wrong(domain),
        Opt::Ipv6(_) => None,
        // No UDP-level option is defined on macOS here: the gate has answered.
        Opt::Udp(_) => None,
    }
}
