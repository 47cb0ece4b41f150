//! What the Linux model needs to know about its host: sysctls from
//! /proc/sys, and the kernel constants no file shows, calibrated by one
//! probe each. The reader runs only on Linux; the facts are plain data.

use crate::expr::Sym;
use crate::platform::fact::Fact;

/// What the Linux model needs. Sysctls are read from /proc/sys; the one
/// kernel constant that no file exposes is calibrated (see `skb_overhead`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinuxFacts {
    pub wmem_max: i128,
    pub rmem_max: i128,
    pub wmem_default: i128,
    pub rmem_default: i128,
    pub tcp_wmem: [i128; 3],
    pub tcp_rmem: [i128; 3],
    pub tcp_reordering: i128,
    pub tcp_congestion_control: String,
    pub loopback_mtu: i128,
    /// SKB_DATA_ALIGN(sizeof(struct sk_buff)), which fixes SOCK_MIN_RCVBUF
    /// (2048 + this) and SOCK_MIN_SNDBUF (twice that). It depends on the
    /// kernel's version, config and arch, so it is calibrated by one probe:
    /// SO_RCVBUF = 0 on a fresh socket reads back SOCK_MIN_RCVBUF.
    pub skb_overhead: i128,
    /// Microseconds per timer tick (1e6 / HZ). HZ is a build option that no
    /// file shows, so it is calibrated by one probe: SO_RCVTIMEO = 1 us is
    /// stored as one tick and reads back as (0, jiffy_us).
    pub jiffy_us: i128,
    pub ip_default_ttl: i128,
    pub tcp_keepalive_time: i128,
    pub tcp_keepalive_intvl: i128,
    pub tcp_keepalive_probes: i128,
    /// net.ipv4.tcp_syn_retries: what TCP_SYNCNT reads until set.
    pub tcp_syn_retries: i128,
    /// net.ipv4.tcp_fin_timeout, seconds: what TCP_LINGER2 reads until set
    /// (and after a set of 0).
    pub tcp_fin_timeout: i128,
    /// net.ipv4.tcp_fastopen: bit 1 lets clients use TFO (TCP_FASTOPEN_CONNECT).
    pub tcp_fastopen: i128,
    /// net.core.somaxconn: the cap on TCP_FASTOPEN's queue length.
    pub somaxconn: i128,
    /// net.core.txrehash: what an inet socket's SO_TXREHASH starts at (and
    /// what a set of -1 means).
    pub txrehash: i128,
    /// net.ipv4.ip_no_pmtu_disc: non-zero makes IP_MTU_DISCOVER start at
    /// IP_PMTUDISC_DONT (0) instead of IP_PMTUDISC_WANT (1).
    pub ip_no_pmtu_disc: i128,
    /// net.ipv6.auto_flowlabels: 1 (opt-out) and 3 (forced) make
    /// IPV6_AUTOFLOWLABEL read 1 until set.
    pub auto_flowlabels: i128,
    pub tcp_timestamps: i128,
    pub tcp_ecn: i128,
    pub tcp_available_congestion_control: Vec<String>,
    pub tcp_allowed_congestion_control: Vec<String>,
    pub bindv6only: i128,
    pub ipv6_hop_limit: i128,
    pub busy_read: i128,
    /// net.unix.max_dgram_qlen: how many datagrams a unix socket queues.
    pub max_dgram_qlen: i128,
    /// net.core.busy_read is global and only the initial network namespace
    /// shows it; elsewhere it is calibrated by one SO_BUSY_POLL read.
    pub busy_read_calibrated: bool,
    /// The running kernel's (major, minor), for rules that changed between
    /// releases.
    pub kernel_version: (u32, u32),
    /// CAP_NET_ADMIN in the initial user namespace, which the FORCE options need.
    pub cap_net_admin: bool,
    /// CAP_NET_RAW or CAP_NET_ADMIN in this network namespace's user
    /// namespace (SO_PRIORITY above 6, SO_MARK, IP_TRANSPARENT).
    pub cap_net_raw_or_admin: bool,
    /// CAP_NET_RAW in this network namespace's user namespace: what
    /// socket(SOCK_RAW) needs.
    pub cap_net_raw: bool,
    /// CAP_NET_ADMIN in this network namespace's user namespace
    /// (sockopt_ns_capable): what SO_TXTIME needs for a clock other than
    /// CLOCK_MONOTONIC.
    pub cap_net_admin_ns: bool,
    /// The effective group or a supplementary one lies inside this network
    /// namespace's net.ipv4.ping_group_range: what an ICMP "ping" socket
    /// needs (no capability stands in for it).
    pub ping_group: bool,
    /// net.mptcp.enabled is 1: socket(IPPROTO_MPTCP) works (a kernel
    /// without MPTCP has no such sysctl and is taken as 0).
    pub mptcp_enabled: bool,
    /// A 32-bit program on a 64-bit kernel (the compat syscalls): what it
    /// is handed in native layouts the kernel does not convert.
    pub compat32: bool,
    /// net.ipv4.tcp_app_win, tcp_adv_win_scale and tcp_window_scaling: how
    /// a connection's first receive window (TCP_WINDOW_CLAMP) is drawn from
    /// its buffer.
    pub tcp_app_win: i128,
    pub tcp_adv_win_scale: i128,
    pub tcp_window_scaling: i128,
    /// This kernel refuses SO_ATTACH_FILTER on TCP sockets to this caller
    /// (EPERM), where upstream Linux has no such check: a policy of the
    /// kernel build, calibrated by one probe (false where the probe's
    /// attach works, as it does with CAP_NET_ADMIN).
    pub tcp_filter_refused: bool,
    /// Whether netfilter's connection tracking has registered
    /// SO_ORIGINAL_DST (nf_conntrack is loaded), and whether it tracks
    /// loopback connections in this network namespace (a firewall that
    /// uses conntrack here has hooked it in): two host facts, each found by
    /// one probe.
    pub conntrack_loaded: bool,
    pub conntrack_tracks_loopback: bool,
    /// This process's id, effective uid and effective gid (in its own
    /// namespaces): what SO_PEERCRED reads on a unix socket whose peer is
    /// this process.
    pub pid: i128,
    pub euid: i128,
    pub egid: i128,
    /// nr_cpu_ids: one more than the highest CPU id the kernel can hand
    /// out (/sys/devices/system/cpu/possible), the bound of what
    /// SO_INCOMING_CPU reads once a packet has come in.
    pub nr_cpu_ids: i128,
}

/// TCP_SKB_MIN_TRUESIZE's fixed part (include/net/sock.h).
pub const TCP_SKB_MIN_DATA: i128 = 2048;

impl LinuxFacts {
    pub fn wmem_max(&self) -> Sym {
        sym("wmem_max", self.wmem_max)
    }
    pub fn rmem_max(&self) -> Sym {
        sym("rmem_max", self.rmem_max)
    }
    pub fn wmem_default(&self) -> Sym {
        sym("wmem_default", self.wmem_default)
    }
    pub fn rmem_default(&self) -> Sym {
        sym("rmem_default", self.rmem_default)
    }
    pub fn tcp_wmem_default(&self) -> Sym {
        sym("tcp_wmem[1]", self.tcp_wmem[1])
    }
    pub fn tcp_rmem_default(&self) -> Sym {
        sym("tcp_rmem[1]", self.tcp_rmem[1])
    }
    pub fn min_rcvbuf(&self) -> Sym {
        sym("SOCK_MIN_RCVBUF", TCP_SKB_MIN_DATA + self.skb_overhead)
    }
    pub fn min_sndbuf(&self) -> Sym {
        sym("SOCK_MIN_SNDBUF", 2 * (TCP_SKB_MIN_DATA + self.skb_overhead))
    }
    pub fn jiffy(&self) -> Sym {
        sym("jiffy", self.jiffy_us)
    }
    pub fn nr_cpu_ids(&self) -> Sym {
        sym("nr_cpu_ids", self.nr_cpu_ids)
    }
    /// This process's credentials as SO_PEERCRED reports a peer's.
    pub fn own_ucred(&self) -> [Sym; 3] {
        [
            sym("pid", self.pid),
            sym("euid", self.euid),
            sym("egid", self.egid),
        ]
    }
    pub fn hz(&self) -> i128 {
        1_000_000 / self.jiffy_us
    }
}

const fn sym(name: &'static str, value: i128) -> Sym {
    Sym { name, value }
}

impl LinuxFacts {
    /// The limit both `net.core.{w,r}mem_max` start at on a stock kernel of
    /// `version`: 4 MiB from 6.18 (commit a6d4f25888b8), SK_WMEM_MAX before.
    pub fn stock_mem_max(version: (u32, u32)) -> i128 {
        match version < (6, 18) {
            true => 212_992,
            false => 4_194_304,
        }
    }

    /// A stock Linux 6.18 on x86_64, for an offline model: the kernel's
    /// built-in sysctl defaults, Debian's HZ, and no privileges. Each value's
    /// source is in `STOCK_SOURCES`.
    pub fn stock() -> LinuxFacts {
        LinuxFacts {
            wmem_max: 4_194_304,
            rmem_max: 4_194_304,
            wmem_default: 212_992,
            rmem_default: 212_992,
            tcp_wmem: [4096, 16384, 4_194_304],
            tcp_rmem: [4096, 131_072, 33_554_432],
            tcp_reordering: 3,
            tcp_congestion_control: "cubic".into(),
            loopback_mtu: 65536,
            skb_overhead: 256,
            jiffy_us: 4000,
            ip_default_ttl: 64,
            tcp_keepalive_time: 7200,
            tcp_keepalive_intvl: 75,
            tcp_keepalive_probes: 9,
            tcp_syn_retries: 6,
            tcp_fin_timeout: 60,
            tcp_fastopen: 1,
            somaxconn: 4096,
            txrehash: 1,
            ip_no_pmtu_disc: 0,
            auto_flowlabels: 1,
            tcp_timestamps: 1,
            tcp_ecn: 2,
            tcp_available_congestion_control: vec!["reno".into(), "cubic".into()],
            tcp_allowed_congestion_control: vec!["reno".into(), "cubic".into()],
            bindv6only: 0,
            ipv6_hop_limit: 64,
            busy_read: 0,
            max_dgram_qlen: 10,
            busy_read_calibrated: false,
            kernel_version: (6, 18),
            cap_net_admin: false,
            cap_net_raw_or_admin: false,
            cap_net_raw: false,
            cap_net_admin_ns: false,
            ping_group: false,
            mptcp_enabled: true,
            compat32: false,
            tcp_app_win: 31,
            tcp_adv_win_scale: 1,
            tcp_window_scaling: 1,
            tcp_filter_refused: false,
            conntrack_loaded: false,
            conntrack_tracks_loopback: false,
            pid: 1000,
            euid: 1000,
            egid: 1000,
            nr_cpu_ids: 1,
        }
    }

    /// Limits read from the OS, for the report.
    pub fn report(&self, ipv6: bool) -> Vec<Fact> {
        let l = self;
        let triple = |t: [i128; 3]| format!("{} {} {}", t[0], t[1], t[2]);
        vec![
            Fact::new("net.core.wmem_max", l.wmem_max),
            Fact::new("net.core.rmem_max", l.rmem_max),
            Fact::new("net.core.wmem_default", l.wmem_default),
            Fact::new("net.core.rmem_default", l.rmem_default),
            Fact::new("net.ipv4.tcp_wmem", triple(l.tcp_wmem)),
            Fact::new("net.ipv4.tcp_rmem", triple(l.tcp_rmem)),
            Fact::new("net.ipv4.tcp_reordering", l.tcp_reordering),
            Fact::new(
                "net.ipv4.tcp_congestion_control",
                l.tcp_congestion_control.as_str(),
            ),
            Fact::new("lo.mtu", l.loopback_mtu),
            Fact::new("net.ipv4.ip_default_ttl", l.ip_default_ttl),
            Fact::new("net.ipv4.tcp_keepalive_time", l.tcp_keepalive_time),
            Fact::new("net.ipv4.tcp_keepalive_intvl", l.tcp_keepalive_intvl),
            Fact::new("net.ipv4.tcp_keepalive_probes", l.tcp_keepalive_probes),
            Fact::new("net.ipv4.tcp_syn_retries", l.tcp_syn_retries),
            Fact::new("net.ipv4.tcp_fin_timeout", l.tcp_fin_timeout),
            Fact::new("net.ipv4.tcp_fastopen", l.tcp_fastopen),
            Fact::new("net.core.somaxconn", l.somaxconn),
            Fact::new("net.core.txrehash", l.txrehash),
            Fact::new("net.ipv4.ip_no_pmtu_disc", l.ip_no_pmtu_disc),
            Fact::new("net.ipv6.auto_flowlabels", l.auto_flowlabels),
            Fact::new("net.ipv4.tcp_timestamps", l.tcp_timestamps),
            Fact::new("net.ipv4.tcp_ecn", l.tcp_ecn),
            Fact::new(
                "net.ipv4.tcp_available_congestion_control",
                l.tcp_available_congestion_control.join(" "),
            ),
            Fact::new(
                "net.ipv4.tcp_allowed_congestion_control",
                l.tcp_allowed_congestion_control.join(" "),
            ),
            Fact::new("net.ipv6.bindv6only", l.bindv6only),
            Fact::new("net.ipv6.conf.all.hop_limit", l.ipv6_hop_limit),
            Fact::new("net.core.busy_read", l.busy_read),
            Fact::new("net.unix.max_dgram_qlen", l.max_dgram_qlen),
            Fact::new("cap_net_admin", l.cap_net_admin),
            Fact::new("cap_net_raw_or_admin", l.cap_net_raw_or_admin),
            Fact::new("cap_net_raw", l.cap_net_raw),
            Fact::new("cap_net_admin_ns", l.cap_net_admin_ns),
            Fact::new("ping_group", l.ping_group),
            Fact::new("net.mptcp.enabled", l.mptcp_enabled),
            Fact::new("compat32", l.compat32),
            Fact::new("net.ipv4.tcp_app_win", l.tcp_app_win),
            Fact::new("net.ipv4.tcp_adv_win_scale", l.tcp_adv_win_scale),
            Fact::new("net.ipv4.tcp_window_scaling", l.tcp_window_scaling),
            Fact::new("pid", l.pid),
            Fact::new("euid", l.euid),
            Fact::new("egid", l.egid),
            Fact::new("nr_cpu_ids", l.nr_cpu_ids),
            Fact::new("ipv6", ipv6),
        ]
    }

    /// Facts the kernel does not expose, and how each was calibrated.
    pub fn calibrated(&self) -> Vec<Fact> {
        let l = self;
        vec![
            Fact {
                name: "skb_overhead",
                value: l.skb_overhead.into(),
                how: Some(
                    "SO_RCVBUF=0 on a fresh unix datagram socket reads SOCK_MIN_RCVBUF = 2048 + skb_overhead",
                ),
            },
            Fact {
                name: "SOCK_MIN_RCVBUF",
                value: l.min_rcvbuf().value.into(),
                how: Some("2048 + skb_overhead (include/net/sock.h)"),
            },
            Fact {
                name: "SOCK_MIN_SNDBUF",
                value: l.min_sndbuf().value.into(),
                how: Some("2 * SOCK_MIN_RCVBUF (include/net/sock.h)"),
            },
            Fact {
                name: "jiffy_us",
                value: l.jiffy_us.into(),
                how: Some("SO_RCVTIMEO = (0, 1us) reads back one tick, (0, jiffy_us)"),
            },
            Fact {
                name: "HZ",
                value: l.hz().into(),
                how: Some("1000000 / jiffy_us"),
            },
        ]
        .into_iter()
        .chain(l.tcp_filter_refused.then(|| Fact {
            name: "tcp_filter_refused",
            value: true.into(),
            how: Some(
                "SO_ATTACH_FILTER of a one-instruction program on a fresh tcp4 socket: EPERM here, where net/core/filter.c has no such check (a policy of this kernel build)",
            ),
        }))
        .chain([
            Fact {
                name: "conntrack_loaded",
                value: l.conntrack_loaded.into(),
                how: Some(
                    "SO_ORIGINAL_DST on a fresh tcp4 socket: ENOENT where nf_conntrack has registered it, ENOPROTOOPT where not",
                ),
            },
            Fact {
                name: "conntrack_tracks_loopback",
                value: l.conntrack_tracks_loopback.into(),
                how: Some(
                    "SO_ORIGINAL_DST on a connected loopback tcp4 socket: an address where conntrack tracks the connection, ENOENT where not",
                ),
            },
        ])
        .chain(l.busy_read_calibrated.then(|| Fact {
            name: "net.core.busy_read",
            value: l.busy_read.into(),
            how: Some("not visible in this network namespace: a new socket's SO_BUSY_POLL"),
        }))
        .collect()
    }
}

/// The running kernel's release, e.g. "6.18.44-fc".
#[cfg(target_os = "linux")]
pub fn kernel_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "unknown".into())
}

#[cfg(target_os = "linux")]
mod reader {
    use super::{kernel_release, LinuxFacts, TCP_SKB_MIN_DATA};
    use crate::catalog;
    use crate::fixture;
    use crate::kind::{Kind, State};
    use crate::option::{BufferOpt, IpOpt, Opt, SocketOpt};
    use crate::platform::files;
    use crate::sys;

    pub fn read() -> Result<LinuxFacts, String> {
        let busy_read = match number("net/core/busy_read") {
            Ok(v) => (v, false),
            Err(_) => (calibrate_busy_read()?, true),
        };
        let conntrack_loaded = probe_original_dst(State::Fresh).is_err_and(|e| e == "ENOENT");
        Ok(LinuxFacts {
            wmem_max: number("net/core/wmem_max")?,
            rmem_max: number("net/core/rmem_max")?,
            wmem_default: number("net/core/wmem_default")?,
            rmem_default: number("net/core/rmem_default")?,
            tcp_wmem: triple("net/ipv4/tcp_wmem")?,
            tcp_rmem: triple("net/ipv4/tcp_rmem")?,
            tcp_reordering: number("net/ipv4/tcp_reordering")?,
            tcp_congestion_control: sysctl("net/ipv4/tcp_congestion_control")?,
            loopback_mtu: files::number("/sys/class/net/lo/mtu")?,
            skb_overhead: calibrate_skb_overhead()?,
            jiffy_us: calibrate_jiffy()?,
            ip_default_ttl: number("net/ipv4/ip_default_ttl")?,
            tcp_keepalive_time: number("net/ipv4/tcp_keepalive_time")?,
            tcp_keepalive_intvl: number("net/ipv4/tcp_keepalive_intvl")?,
            tcp_keepalive_probes: number("net/ipv4/tcp_keepalive_probes")?,
            tcp_syn_retries: number("net/ipv4/tcp_syn_retries")?,
            tcp_fin_timeout: number("net/ipv4/tcp_fin_timeout")?,
            tcp_fastopen: number("net/ipv4/tcp_fastopen")?,
            somaxconn: number("net/core/somaxconn")?,
            txrehash: number("net/core/txrehash")?,
            ip_no_pmtu_disc: number("net/ipv4/ip_no_pmtu_disc")?,
            auto_flowlabels: number("net/ipv6/auto_flowlabels").unwrap_or(1),
            tcp_timestamps: number("net/ipv4/tcp_timestamps")?,
            tcp_ecn: number("net/ipv4/tcp_ecn")?,
            tcp_available_congestion_control: words("net/ipv4/tcp_available_congestion_control")?,
            tcp_allowed_congestion_control: words("net/ipv4/tcp_allowed_congestion_control")?,
            // Without IPv6 these files may be missing; the IPv6 kinds are then skipped.
            bindv6only: number("net/ipv6/bindv6only").unwrap_or(0),
            ipv6_hop_limit: number("net/ipv6/conf/all/hop_limit").unwrap_or(64),
            busy_read: busy_read.0,
            max_dgram_qlen: number("net/unix/max_dgram_qlen")?,
            busy_read_calibrated: busy_read.1,
            kernel_version: kernel_version(&kernel_release())?,
            cap_net_admin: cap_net_admin(),
            cap_net_raw_or_admin: effective_caps() & (1 << CAP_NET_RAW | 1 << CAP_NET_ADMIN) != 0,
            cap_net_raw: effective_caps() & (1 << CAP_NET_RAW) != 0,
            cap_net_admin_ns: effective_caps() & (1 << CAP_NET_ADMIN) != 0,
            ping_group: in_ping_group_range()?,
            mptcp_enabled: number("net/mptcp/enabled").unwrap_or(0) == 1,
            compat32: cfg!(target_pointer_width = "32") && kernel_is_64bit(),
            tcp_app_win: number("net/ipv4/tcp_app_win")?,
            tcp_adv_win_scale: number("net/ipv4/tcp_adv_win_scale")?,
            tcp_window_scaling: number("net/ipv4/tcp_window_scaling")?,
            tcp_filter_refused: probe_tcp_filter_refused(),
            conntrack_loaded,
            // Nothing tracks a connection where conntrack is not loaded.
            conntrack_tracks_loopback: conntrack_loaded && probe_original_dst(State::Connected).is_ok(),
            pid: std::process::id().into(),
            euid: crate::sys::effective_ids().0,
            egid: crate::sys::effective_ids().1,
            nr_cpu_ids: possible_cpus()?,
        })
    }

    /// nr_cpu_ids: the last id in /sys/devices/system/cpu/possible ("0-3",
    /// "0", "0-3,8-11"), plus one.
    fn possible_cpus() -> Result<i128, String> {
        const POSSIBLE: &str = "/sys/devices/system/cpu/possible";
        let text = files::text(POSSIBLE)?;
        text.rsplit([',', '-'])
            .next()
            .and_then(|last| last.trim().parse::<i128>().ok())
            .map(|last| last + 1)
            .ok_or_else(|| format!("{POSSIBLE}: cannot read {text:?}"))
    }

    /// uname's machine names a 64-bit architecture (a 32-bit program sees
    /// the kernel's own unless it asked for PER_LINUX32).
    fn kernel_is_64bit() -> bool {
        crate::sys::machine().is_some_and(|m| m.contains("64") || m == "s390x")
    }

    /// "6.18.44-fc" -> (6, 18).
    fn kernel_version(release: &str) -> Result<(u32, u32), String> {
        let mut parts = release.split(|c: char| !c.is_ascii_digit());
        let mut next = || parts.next().and_then(|p| p.parse().ok());
        match (next(), next()) {
            (Some(major), Some(minor)) => Ok((major, minor)),
            _ => Err(format!("cannot read a kernel version from {release:?}")),
        }
    }

    fn words(name: &str) -> Result<Vec<String>, String> {
        Ok(sysctl(name)?.split_whitespace().map(str::to_string).collect())
    }

    /// One probe of conntrack: SO_ORIGINAL_DST read on a tcp4 socket.
    fn probe_original_dst(state: State) -> Result<i128, String> {
        let fixture = fixture::Fixture::build(Kind::Tcp4, state).map_err(|e| e.to_string())?;
        let code = sys::code(catalog::spec(Opt::Ip(IpOpt::OriginalDst)))
            .ok_or_else(|| "SO_ORIGINAL_DST is not defined here".to_string())?;
        sys::get_sockaddr(fixture.target(), code)
    }

    /// One probe: a one-instruction program attached to a fresh tcp4
    /// socket; only EPERM counts as refused (anything else, or a socket
    /// that cannot be made, leaves the model's upstream rule).
    fn probe_tcp_filter_refused() -> bool {
        let Ok(socket) = fixture::new_socket(Kind::Tcp4) else {
            return false;
        };
        let (Some(code), Some(program)) = (
            sys::code(catalog::spec(Opt::Socket(SocketOpt::AttachFilter))),
            crate::filter::program("accept-all"),
        ) else {
            return false;
        };
        sys::set_filter(&socket, code, &program.insns()).is_err_and(|e| e == "EPERM")
    }

    /// One probe: a new socket's SO_BUSY_POLL is net.core.busy_read.
    fn calibrate_busy_read() -> Result<i128, String> {
        let why = |e: String| format!("calibrating net.core.busy_read failed: {e}");
        let socket = fixture::new_socket(Kind::UnixDgram).map_err(|e| why(e.to_string()))?;
        let code =
            sys::code(catalog::spec(Opt::Socket(SocketOpt::BusyPoll))).expect("SO_BUSY_POLL exists on Linux");
        sys::get_int(&socket, code).map(i128::from).map_err(why)
    }

    /// One probe: a 1 us receive timeout is stored as one tick.
    fn calibrate_jiffy() -> Result<i128, String> {
        let why = |e: String| format!("calibrating HZ failed: {e}");
        let socket = fixture::new_socket(Kind::UnixDgram).map_err(|e| why(e.to_string()))?;
        let code =
            sys::code(catalog::spec(Opt::Socket(SocketOpt::Rcvtimeo))).expect("SO_RCVTIMEO exists on Linux");
        sys::set_timeval(&socket, code, 0, 1).map_err(why)?;
        let (sec, usec) = sys::get_timeval(&socket, code).map_err(why)?;
        if sec != 0 || usec <= 0 {
            return Err(why(format!("1 us read back as ({sec}, {usec})")));
        }
        Ok(usec)
    }

    fn sysctl(name: &str) -> Result<String, String> {
        files::text(&format!("/proc/sys/{name}"))
    }

    fn number(name: &str) -> Result<i128, String> {
        files::number(&format!("/proc/sys/{name}"))
    }

    fn triple(name: &str) -> Result<[i128; 3], String> {
        files::triple(&format!("/proc/sys/{name}"))
    }

    /// One probe: SO_RCVBUF = 0 stores max(0, SOCK_MIN_RCVBUF).
    fn calibrate_skb_overhead() -> Result<i128, String> {
        let why = |e: String| format!("calibrating SOCK_MIN_RCVBUF failed: {e}");
        let socket = fixture::new_socket(Kind::UnixDgram).map_err(|e| why(e.to_string()))?;
        let code =
            sys::code(catalog::spec(Opt::Buffer(BufferOpt::Rcvbuf))).expect("SO_RCVBUF exists on Linux");
        sys::set_int(&socket, code, 0).map_err(why)?;
        let min = sys::get_int(&socket, code).map_err(why)?;
        Ok(i128::from(min) - TCP_SKB_MIN_DATA)
    }

    /// `sockopt_capable(CAP_NET_ADMIN)` asks the initial user namespace
    /// (net/core/sock.c), whose /proc inode is PROC_USER_INIT_INO.
    fn cap_net_admin() -> bool {
        const PROC_USER_INIT_INO: &str = "user:[4026531837]";
        let in_init_ns = std::fs::read_link("/proc/self/ns/user")
            .map(|p| p.to_string_lossy() == PROC_USER_INIT_INO)
            .unwrap_or(false);
        in_init_ns && effective_caps() & (1 << CAP_NET_ADMIN) != 0
    }

    /// ping_init_sock's test: the effective gid, or any supplementary
    /// group, within net.ipv4.ping_group_range (both ends included).
    fn in_ping_group_range() -> Result<bool, String> {
        let range = sysctl("net/ipv4/ping_group_range")?;
        let mut ends = range.split_whitespace().map(str::parse::<u32>);
        let (Some(Ok(low)), Some(Ok(high))) = (ends.next(), ends.next()) else {
            return Err(format!("net.ipv4.ping_group_range: cannot read {range:?}"));
        };
        let status =
            std::fs::read_to_string("/proc/self/status").map_err(|e| format!("/proc/self/status: {e}"))?;
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .map(|rest| {
                    rest.split_whitespace()
                        .filter_map(|g| g.parse::<u32>().ok())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        // "Gid:" is real, effective, saved, filesystem: the second is egid.
        let egid = field("Gid:").get(1).copied();
        let groups = field("Groups:");
        Ok(egid.into_iter().chain(groups).any(|g| low <= g && g <= high))
    }

    const CAP_NET_ADMIN: u32 = 12;
    const CAP_NET_RAW: u32 = 13;

    /// The effective capability set of this process (CapEff in /proc/self/status).
    fn effective_caps() -> u64 {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        status
            .lines()
            .find_map(|l| l.strip_prefix("CapEff:"))
            .and_then(|hex| u64::from_str_radix(hex.trim(), 16).ok())
            .unwrap_or(0)
    }
}

#[cfg(target_os = "linux")]
pub use reader::read;

/// Where each stock value comes from.
pub const STOCK_SOURCES: &[(&str, &str)] = &[
    ("net.core.wmem_max", "net/core/sock.c sysctl_wmem_max: 4 << 20 = 4194304 from 6.18 (commit a6d4f25888b8 \"net: set net.core.rmem_max and net.core.wmem_max to 4 MB\", in the v6.18 net pull), SK_WMEM_MAX = SKB_TRUESIZE(256) * 256 = 212992 on x86_64 before (6.1, 6.12); 4194304 read on this workplace's Debian 6.18 kernel with no sysctl changed"),
    ("net.core.rmem_max", "as net.core.wmem_max (sysctl_rmem_max; SK_RMEM_MAX before 6.18)"),
    ("net.core.wmem_default", "include/net/sock.h SK_WMEM_DEFAULT (read on 6.18)"),
    ("net.core.rmem_default", "include/net/sock.h SK_RMEM_DEFAULT (read on 6.18)"),
    ("net.ipv4.tcp_wmem", "net/ipv4/tcp.c tcp_init (read on 6.18)"),
    ("net.ipv4.tcp_rmem", "net/ipv4/tcp.c tcp_init (read on 6.18)"),
    ("net.ipv4.tcp_congestion_control", "CONFIG_DEFAULT_TCP_CONG=\"cubic\" (net/ipv4/Kconfig default)"),
    ("lo.mtu", "drivers/net/loopback.c loopback_setup (64 KiB)"),
    ("skb_overhead", "SKB_DATA_ALIGN(sizeof(struct sk_buff)) on x86_64, measured on 6.1, 6.12 and 6.18"),
    ("HZ", "Debian's CONFIG_HZ=250"),
    ("net.ipv4.ip_default_ttl", "include/net/ip.h IPDEFTTL"),
    ("net.ipv4.tcp_keepalive_*", "include/net/tcp.h TCP_KEEPALIVE_TIME / INTVL / PROBES"),
    ("net.unix.max_dgram_qlen", "net/unix/af_unix.c unix_net_init (10)"),
    ("privileges", "an ordinary user: no CAP_NET_ADMIN, no CAP_NET_RAW"),
    ("compat32", "a 64-bit program: the stock model's target"),
    ("net.ipv4.tcp_app_win", "net/ipv4/tcp_ipv4.c tcp_sk_init ('net->ipv4.sysctl_tcp_app_win = 31') (read on 6.18)"),
    ("net.ipv4.tcp_adv_win_scale", "net/ipv4/tcp_ipv4.c tcp_sk_init ('net->ipv4.sysctl_tcp_adv_win_scale = 1') (read on 6.18)"),
    ("net.ipv4.tcp_window_scaling", "net/ipv4/tcp_ipv4.c tcp_sk_init ('net->ipv4.sysctl_tcp_window_scaling = 1') (read on 6.18)"),
    ("conntrack_loaded", "a stock kernel loads nf_conntrack only when a firewall rule or a tool asks for it (a module in Debian's and Ubuntu's kernels): absent (UNCONFIRMED for any given machine: Docker and firewalld load it)"),
    ("conntrack_tracks_loopback", "no firewall in the network namespace: conntrack's hooks are registered per namespace only when a table there uses it (net/netfilter/nf_conntrack_proto.c nf_ct_netns_get)"),
    ("tcp_filter_refused", "upstream Linux: no check refuses SO_ATTACH_FILTER on a TCP socket (net/core/filter.c __get_filter)"),
    ("pid", "a process of an ordinary user (1000): only a name in the model's answers (SO_PEERCRED)"),
    ("euid", "an ordinary user (1000)"),
    ("egid", "an ordinary user's group (1000)"),
    ("nr_cpu_ids", "one CPU: the count differs per machine and only bounds what SO_INCOMING_CPU may read (UNCONFIRMED for any given machine)"),
    ("net.mptcp.enabled", "net/mptcp/ctrl.c mptcp_pernet_set_defaults ('pernet->mptcp_enabled = 1')"),
    ("ping_group", "net/ipv4/af_inet.c inet_init_net 'ping_group_range.range[0] = make_kgid(&init_user_ns, 1); range[1] = make_kgid(&init_user_ns, 0)': the stock range 1..0 holds no group (distributions often widen it: systemd's 50-default.conf sets 0 2147483647)"),
];

/// Where a stock fact comes from: its entry in `STOCK_SOURCES` (a `*` entry
/// covers every name it prefixes; facts derived from another take its source).
pub fn stock_source(name: &str) -> &'static str {
    let key = match name {
        "SOCK_MIN_RCVBUF" | "SOCK_MIN_SNDBUF" => "skb_overhead",
        "jiffy_us" => "HZ",
        "cap_net_admin" | "cap_net_raw_or_admin" | "cap_net_raw" | "cap_net_admin_ns" => "privileges",
        other => other,
    };
    STOCK_SOURCES
        .iter()
        .find(|(n, _)| *n == key || n.strip_suffix('*').is_some_and(|p| key.starts_with(p)))
        .map_or(
            "stock value of the model: the kernel's built-in default (UNCONFIRMED per release)",
            |(_, s)| s,
        )
}
