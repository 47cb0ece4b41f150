//! The stock values of the sysctls and constants the macOS model uses, each
//! with the XNU source it comes from. A real Mac's sysctls override them
//! (`MacOs::from_host`).

use crate::platform::bsd::facts::BsdFacts;

/// Loopback MTU (lo0), the base of the MSS a loopback connection gets.
pub const LO0_MTU: &str = "lo0.mtu";
pub const KEEPIDLE_MS: &str = "net.inet.tcp.keepidle";
pub const KEEPINTVL_MS: &str = "net.inet.tcp.keepintvl";
pub const KEEPCNT: &str = "net.inet.tcp.keepcnt";
pub const MSSDFLT: &str = "net.inet.tcp.mssdflt";
pub const V6MSSDFLT: &str = "net.inet.tcp.v6mssdflt";
/// TCP Fast Open: bit 0x1 lets a listener enable it (TCP_FASTOPEN).
pub const FASTOPEN: &str = "net.inet.tcp.fastopen";

/// (name, stock value, where the stock value comes from).
pub const STOCK: &[(&str, i128, &str)] = &[
    (
        "kern.ipc.maxsockbuf",
        8_388_608,
        "stock value: xnu-11417.121.6 bsd/sys/socketvar.h SB_MAX (8192*1024), which bsd/kern/uipc_mbuf.c mbinit lowers to the mbuf pool / 16 on smaller Macs (from xnu-7195: 4194304 under 4 GiB, 6291456 under 8 GiB; xnu-6153: 4194304 under 8 GiB, 6291456 under 16 GiB); quic-go#4657 shows kern.ipc.maxsockbuf: 8388608. The model takes a Mac large enough for SB_MAX",
    ),
    ("privileged", 0, "stock value of the model: an ordinary user, for whom ip6_ctloutput's 'privileged = (proc_suser(p) == 0)' is false"),
    ("euid", 501, "stand-in: the first account a Mac makes (uid 501); a run on a Mac reads geteuid(), what a same-process peer's LOCAL_PEERCRED reports as cr_uid"),
    ("egid", 20, "stand-in: that account's primary group, staff (20); a run on a Mac reads getegid(), cr_groups[0] of LOCAL_PEERCRED (xnu-11417.101.15 bsd/sys/ucred.h 'cr_gid cr_groups[0]')"),
    ("xucred.ngroups", 1, "stand-in: a process in its primary group alone; a run on a Mac takes min(getgroups(0, NULL), 16), the kernel's posix_cred cr_ngroups that cru2x copies (xnu-11417.101.15 bsd/kern/kern_prot.c cru2x 'xcr->cr_ngroups = pcr->cr_ngroups'; that libc's plain getgroups returns the kernel's count, not memberd's, is UNCONFIRMED)"),
    ("kern.hz", 100, "stock value: xnu-11417.121.6 bsd/kern/kern_clock.c `int hz = 100;`"),
    (
        "net.inet.tcp.sendspace",
        131_072,
        "stock value: bsd/netinet/tcp_usrreq.c initialises tcp_sendspace = 1448 * 256, then bsd/dev/unix_startup.c bsd_startupearly scales it by nmbclusters / NMBCLUSTERS and caps it at maxspace = 128 * 1024 ('if (tcp_sendspace > maxspace) tcp_sendspace = maxspace;'); the scale is above 1 on every Mac, so 131072 at every tag from xnu-6153 to xnu-11417.121.6 (a Darwin 24.6 sysctl listing reads 131072)",
    ),
    (
        "net.inet.tcp.recvspace",
        131_072,
        "stock value: bsd/netinet/tcp_usrreq.c tcp_recvspace = 1448 * 384, capped at 128 * 1024 by bsd/dev/unix_startup.c bsd_startupearly as tcp_sendspace is (131072 at every tag from xnu-6153 to xnu-11417.121.6)",
    ),
    (
        "net.inet.udp.maxdgram",
        9216,
        "stock value: xnu-11417.121.6 bsd/netinet/udp_usrreq.c udp_sendspace = 9216",
    ),
    (
        "net.inet.udp.recvspace",
        786_896,
        "stock value: xnu-11417.121.6 bsd/netinet/udp_usrreq.c udp_init (udp_recvspace = 786896 when the mbuf pool >= 96 MiB: a Mac of 4 GiB or more from xnu-7195, 8 GiB or more at xnu-6153; else the initialiser 187 * (1024 + sizeof(struct sockaddr_in6)) = 196724)",
    ),
    (
        "net.local.stream.sendspace",
        8192,
        "stock value: xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpst_sendspace = PIPSIZ (8192)",
    ),
    (
        "net.local.stream.recvspace",
        8192,
        "stock value: xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpst_recvspace = PIPSIZ (8192)",
    ),
    (
        "net.local.dgram.maxdgram",
        2048,
        "stock value: xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpdg_sendspace = 2 * 1024",
    ),
    (
        "net.local.dgram.recvspace",
        4096,
        "stock value: xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpdg_recvspace = 4 * 1024",
    ),
    (
        "net.inet.raw.maxdgram",
        8192,
        "stock value: xnu-11417.121.6 bsd/netinet/raw_ip.c RIPSNDQ 8192 (rip_sendspace); icmp_dgram_attach and icmp6_dgram_attach 'soreserve(so, rip_sendspace, rip_recvspace)' (IPv6 too: rip6_sendspace is never used)",
    ),
    (
        "net.inet.raw.recvspace",
        8192,
        "stock value: xnu-11417.121.6 bsd/netinet/raw_ip.c RIPRCVQ 8192 (rip_recvspace)",
    ),
    ("net.inet.ip.ttl", 64, "stock value: xnu-11417.121.6 bsd/netinet/ip.h IPDEFTTL 64 (ip_defttl)"),
    (
        "net.inet6.ip6.hlim",
        64,
        "stock value: xnu-11417.121.6 bsd/netinet6/in6_proto.c ip6_defhlim = IPV6_DEFHLIM (64)",
    ),
    (
        KEEPIDLE_MS,
        7_200_000,
        "stock value: xnu-11417.121.6 bsd/netinet/tcp_timer.h TCPTV_KEEP_IDLE (120*60*TCP_RETRANSHZ)",
    ),
    (
        KEEPINTVL_MS,
        75_000,
        "stock value: xnu-11417.121.6 bsd/netinet/tcp_timer.h TCPTV_KEEPINTVL (75*TCP_RETRANSHZ)",
    ),
    (KEEPCNT, 8, "stock value: xnu-11417.121.6 bsd/netinet/tcp_timer.h TCPTV_KEEPCNT 8"),
    (
        FASTOPEN,
        3,
        "stock value: xnu-11417.121.6 bsd/netinet/tcp_subr.c tcp_fastopen = TCP_FASTOPEN_CLIENT | TCP_FASTOPEN_SERVER",
    ),
    (MSSDFLT, 512, "stock value: xnu-11417.121.6 bsd/netinet/tcp.h TCP_MSS 512 (tcp_mssdflt)"),
    (V6MSSDFLT, 1024, "stock value: xnu-11417.121.6 bsd/netinet/tcp.h TCP6_MSS 1024 (tcp_v6mssdflt)"),
    (
        LO0_MTU,
        16384,
        "stock value: lo0 MTU 16384 (xnu-11417.121.6 bsd/net/if_loop.c LOMTU)",
    ),
];

/// The stock facts of an unmodified Mac.
pub fn stock() -> BsdFacts {
    let mut facts = BsdFacts::default();
    for &(name, value, _) in STOCK {
        facts.values.insert(name, value);
    }
    facts
}

/// Where a stock fact comes from.
pub fn how(name: &str) -> Option<&'static str> {
    STOCK.iter().find(|(n, _, _)| *n == name).map(|&(_, _, how)| how)
}
