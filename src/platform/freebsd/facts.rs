//! FreeBSD's stock numbers per modelled release (GENERIC amd64), each with
//! where it was read, and the release eras the model tells apart.

use crate::expr::Sym;
use crate::platform::bsd::facts::BsdFacts;
use crate::platform::release::ModelRelease;

/// The modelled releases, newest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Release {
    R13,
    R14,
    R15,
}

impl ModelRelease for Release {
    const OS: &'static str = "FreeBSD";
    const ALL: &'static [Release] = &[Release::R13, Release::R14, Release::R15];

    fn name(self) -> &'static str {
        match self {
            Release::R13 => "13",
            Release::R14 => "14",
            Release::R15 => "15",
        }
    }

    /// "13", "13.2", "14.3-RELEASE", "15-CURRENT" ...: the major number decides.
    fn parse(name: Option<&str>) -> Result<Release, String> {
        let Some(name) = name else {
            return Ok(Release::newest());
        };
        let major: String = name.trim().chars().take_while(char::is_ascii_digit).collect();
        Release::ALL
            .iter()
            .copied()
            .find(|r| r.name() == major)
            .ok_or_else(|| Release::unknown(name))
    }
}

impl Release {
    /// The `__FreeBSD_version` (sysctl kern.osreldate) the offline model
    /// stands for.
    pub fn osreldate(self) -> i128 {
        match self {
            Release::R13 => 1_302_001,
            Release::R14 => 1_400_097,
            Release::R15 => 1_500_012,
        }
    }

    /// The release era of a `__FreeBSD_version`; anything before 14 is
    /// modelled as 13.
    pub fn from_osreldate(v: i128) -> Release {
        match v {
            ..1_400_000 => Release::R13,
            1_400_000..1_500_000 => Release::R14,
            _ => Release::R15,
        }
    }

    /// 14 rewrote unix/dgram and moved the listening socket's buffer options
    /// into `pr_setsbopt`; CUBIC became the default congestion control.
    pub fn fourteen_or_later(self) -> bool {
        self >= Release::R14
    }

    /// The default congestion-control module's name.
    pub fn default_cc(self) -> &'static str {
        if self.fourteen_or_later() {
            "cubic"
        } else {
            "newreno"
        }
    }

    pub fn default_cc_how(self) -> &'static str {
        if self.fourteen_or_later() {
            "stock value: freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/cc/cc.c CC_DEFAULT \"cubic\"; FreeBSD 15.1-RELEASE cc_cubic(4) \"The CUBIC congestion control algorithm is the default for TCP.\""
        } else {
            "stock value: freebsd/freebsd-src share/man/man4/tcp.4 dated February 11, 2021 (default cc_newreno(4))"
        }
    }
}

/// One stock number: sysctl (or derived) name, value up to 13, value from 14,
/// and where it was read.
pub struct Stock {
    pub name: &'static str,
    pub r13: i128,
    pub r14: i128,
    pub how: &'static str,
}

const fn same(name: &'static str, v: i128, how: &'static str) -> Stock {
    Stock {
        name,
        r13: v,
        r14: v,
        how,
    }
}

pub const KERN_OSRELDATE: &str = "kern.osreldate";

pub const STOCK: &[Stock] = &[
    same("kern.ipc.maxsockbuf", 2_097_152, "stock value: freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/sys/sockbuf.h SB_MAX (2*1024*1024); unbound#1360 shows 2097152"),
    same("kern.hz", 1000, "stock value: freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/kern/subr_param.c HZ 1000 on real hardware; a guest of a hypervisor gets HZ_VM 100 ('hz = vm_guest > VM_GUEST_NO ? HZ_VM : HZ'), which a host run reads from kern.hz; only bounds SO_LINGER and TCP_KEEP* at INT_MAX/hz, UINT_MAX/hz"),
    same("net.inet.tcp.sendspace", 32_768, "stock value: freebsd/freebsd-src sys/netinet/tcp_output.c tcp_sendspace = 1024*32; tcp_usrreq.c tcp_usr_attach soreserve"),
    same("net.inet.tcp.recvspace", 65_536, "stock value: freebsd/freebsd-src sys/netinet/tcp_input.c tcp_recvspace = 1024*64"),
    same("net.inet.udp.maxdgram", 9216, "stock value: freebsd/freebsd-src main 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_sendspace = 9216"),
    same("net.inet.udp.recvspace", 42_080, "stock value: freebsd/freebsd-src main 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_recvspace = 40*(1024+sizeof(struct sockaddr_in6))"),
    same("net.local.stream.sendspace", 8192, "stock value: freebsd/freebsd-src main 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c PIPSIZ 8192"),
    same("net.local.stream.recvspace", 8192, "stock value: freebsd/freebsd-src main 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c unpst_recvspace = PIPSIZ"),
    same("net.local.seqpacket.maxseqpacket", 8192, "stock value: FreeBSD 13.0 as F-Stack 5cb586b5 vendors it sys/kern/uipc_usrreq.c 'unpsp_sendspace = PIPSIZ' (8192), sysctl net.local.seqpacket.maxseqpacket; the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162), uipc_attach 'case SOCK_SEQPACKET: sendspace = unpsp_sendspace'"),
    same("net.local.seqpacket.recvspace", 8192, "stock value: FreeBSD 13.0 (F-Stack 5cb586b5) and stable/14 1400507 sys/kern/uipc_usrreq.c 'unpsp_recvspace = PIPSIZ'"),
    Stock { name: "net.local.dgram.maxdgram", r13: 2048, r14: 8192, how: "stock value: freebsd/freebsd-src sys/kern/uipc_usrreq.c unpdg_sendspace 2*1024 up to 13 (stable/13-era copy); unpdg_maxdgram 8192 from 14 (mirror fel1x-developer/freebsd-src@2d614aa2)" },
    Stock { name: "net.local.dgram.recvspace", r13: 4096, r14: 16_384, how: "stock value: freebsd/freebsd-src sys/kern/uipc_usrreq.c unpdg_recvspace 4*1024 up to 13; 16*1024 from 14 (mirror fel1x-developer/freebsd-src@2d614aa2)" },
    same("net.inet.ip.ttl", 64, "stock value: freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/ip.h IPDEFTTL 64, raw_ip.c 'VNET_DEFINE(int, ip_defttl) = IPDEFTTL'; udp_attach 'inp->inp_ip_ttl = V_ip_defttl'"),
    same("net.inet.tcp.mssdflt", 536, "stock value: freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/tcp.h TCP_MSS 536; tcp_subr.c 'VNET_DEFINE(int, tcp_mssdflt) = TCP_MSS'"),
    same("net.inet.tcp.v6mssdflt", 1220, "stock value: freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/tcp.h TCP6_MSS 1220; tcp_subr.c 'VNET_DEFINE(int, tcp_v6mssdflt) = TCP6_MSS'"),
    same("net.inet.tcp.minmss", 216, "stock value: freebsd/freebsd-src main 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp.h TCP_MINMSS 216"),
    same("net.inet.tcp.keepidle", 7_200_000, "stock value (ms): freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021) 'The default is 7200000 msec (2 hours).'"),
    same("net.inet.tcp.keepintvl", 75_000, "stock value (ms): freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021) 'The default is 75000 msec.'"),
    same("net.inet.tcp.keepcnt", 8, "stock value: freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021) 'The default is 8 packets.'"),
    same("net.inet.tcp.fastopen.client_enable", 1, "stock value: FreeBSD 13.0 as F-Stack 5cb586b5 vendors it sys/netinet/tcp_fastopen.c 'VNET_DEFINE(unsigned int, tcp_fastopen_client_enable) = 1', the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162); a kernel without options TCP_RFC7413 has the constant 0 (tcp_fastopen.h)"),
    same("net.inet.tcp.fastopen.server_enable", 0, "stock value: FreeBSD 13.0 (F-Stack 5cb586b5) and stable/14 1400507 sys/netinet/tcp_fastopen.c 'tcp_fastopen_server_enable) = 0'"),
    same("net.inet.tcp.keepinit", 75_000, "stock value (ms): FreeBSD 13.0 as F-Stack 5cb586b5 vendors it sys/netinet/tcp_timer.h TCPTV_KEEP_INIT (75*hz), tcp_timer.c 'tcp_keepinit' (sysctl in ms)"),
    same("net.inet6.ip6.auto_flowlabel", 1, "stock value: FreeBSD 13.0 as F-Stack 5cb586b5 vendors it sys/netinet6/in6_proto.c 'VNET_DEFINE(int, ip6_auto_flowlabel) = 1'; in_pcb.c in_pcballoc 'if (V_ip6_auto_flowlabel) inp->inp_flags |= IN6P_AUTOFLOWLABEL'"),
    same("net.fibs", 1, "stock value: FreeBSD 13.0 as F-Stack 5cb586b5 vendors it sys/net/route/route_tables.c 'RT_NUMFIBS 1' without options ROUTETABLES, '_rt_numfibs) = RT_NUMFIBS' (sysctl net.fibs, a loader tunable)"),
    same("euid", 1001, "stand-in: the first account adduser(8) makes (uid 1001); a run on FreeBSD reads geteuid(), what a same-process peer's LOCAL_PEERCRED reports as cr_uid"),
    same("egid", 1001, "stand-in: that account's own group (1001); a run on FreeBSD reads getegid(), cr_groups[0] of LOCAL_PEERCRED (sys/sys/ucred.h 'cr_gid cr_groups[0]' in the xucred)"),
    same("xucred.ngroups", 1, "stand-in: a process in its primary group alone (1 in every release); a run on FreeBSD takes getgroups(0, NULL) = n: min(n, 16) up to 14, whose list starts with the egid (FreeBSD 13 sys/kern/kern_prot.c cru2x 'ngroups = MIN(cr->cr_ngroups, XU_NGROUPS)'), min(n + 1, 16) from 15, whose list holds the supplementary groups alone (freebsd/freebsd-src main sys/kern/kern_prot.c cru2x 'ngroups = MIN(cr->cr_ngroups + 1, nitems(xcr->cr_groups))', freebsd14_getgroups 'For FreeBSD < 15.0, we account for the egid')"),
    same("privileged", 0, "stock value of the model: an ordinary user, so priv_check (PRIV_NETINET_SETHDROPTS, PRIV_NETINET_BINDANY) fails with EPERM; F-Stack stubs priv_check to succeed (lib/ff_glue.c)"),
    same("net.inet6.ip6.v6only", 1, "stock value: rust-lang/socket2 v0.6.0 tests/socket.rs 'IPv6 socket are already IPv6 only on FreeBSD' (run on FreeBSD 13.2)"),
    same("lo0.mtu", 16_384, "stock value: freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/net/if_loop.c LOMTU 16384 (without TINY_LOMTU / LARGE_LOMTU), lo_clone_create 'ifp->if_mtu = LOMTU'"),
];

/// The stock facts of one release.
pub fn stock(release: Release) -> BsdFacts {
    let mut facts = BsdFacts::default();
    for s in STOCK {
        facts.values.insert(s.name, stock_value(s, release));
    }
    facts.values.insert(KERN_OSRELDATE, release.osreldate());
    facts
}

pub fn stock_value(s: &Stock, release: Release) -> i128 {
    if release.fourteen_or_later() {
        s.r14
    } else {
        s.r13
    }
}

/// A host quantity: the host's sysctl if it has one, else the release's
/// stock value. A name in neither is a model bug: it fails loudly, and the
/// invariant test's every-case run would find it.
pub fn sym(facts: &BsdFacts, release: Release, name: &'static str) -> Sym {
    facts.sym(name).unwrap_or_else(|| Sym {
        name,
        value: STOCK
            .iter()
            .find(|s| s.name == name)
            .map(|s| stock_value(s, release))
            .unwrap_or_else(|| panic!("the FreeBSD model names {name}, which is not in facts::STOCK")),
    })
}
