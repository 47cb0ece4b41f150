//! Facts about this host, read once per run: the only module that reads
//! /proc. Everything the model needs beyond the request comes from here.

use crate::expr::Sym;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Os {
    Linux,
    MacOs,
    FreeBsd,
    Windows,
    Other,
}

impl Os {
    pub fn name(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::MacOs => "macos",
            Os::FreeBsd => "freebsd",
            Os::Windows => "windows",
            Os::Other => std::env::consts::OS,
        }
    }

    pub fn this() -> Os {
        match std::env::consts::OS {
            "linux" => Os::Linux,
            "macos" => Os::MacOs,
            "freebsd" => Os::FreeBsd,
            "windows" => Os::Windows,
            _ => Os::Other,
        }
    }
}

impl fmt::Display for Os {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone)]
pub struct Host {
    pub os: Os,
    pub kernel: String,
    /// Whether `::1` can be bound; without it the IPv6 kinds are skipped.
    pub ipv6: bool,
    /// Kinds whose sockets this host cannot create, with the OS's error
    /// (Windows has no unix datagram sockets; Wine no unix sockets at all).
    pub missing_kinds: Vec<(crate::kind::Kind, String)>,
    pub linux: Option<LinuxFacts>,
    /// Set when this Windows process runs under Wine, which is not Windows.
    pub wine: Option<WineFacts>,
    /// macOS and FreeBSD: the sysctls the models use, by name.
    pub bsd: Option<BsdFacts>,
}

/// Sysctls read with sysctlbyname on macOS and FreeBSD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BsdFacts {
    pub values: std::collections::BTreeMap<&'static str, i128>,
}

/// The sysctls the BSD models use (those an OS lacks are left out).
pub const BSD_SYSCTLS: &[&str] = &[
    "kern.ipc.maxsockbuf",
    "kern.hz",
    "net.inet.tcp.sendspace",
    "net.inet.tcp.recvspace",
    "net.inet.udp.recvspace",
    "net.inet.udp.maxdgram",
    "net.local.stream.sendspace",
    "net.local.stream.recvspace",
    "net.local.dgram.maxdgram",
    "net.local.dgram.recvspace",
    "net.inet.ip.ttl",
    "net.inet6.ip6.hlim",
];

impl BsdFacts {
    /// A sysctl as a host quantity, named by its sysctl name.
    pub fn sym(&self, name: &'static str) -> Option<Sym> {
        self.values.get(name).map(|&value| sym(name, value))
    }
}

/// Wine runs the Windows code path on a Linux kernel; what it reports
/// before any set comes from that kernel, read through Wine's Z: drive.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WineFacts {
    pub version: String,
    pub wmem_default: i128,
    pub rmem_default: i128,
    pub tcp_wmem_default: i128,
    pub tcp_rmem_default: i128,
    pub ip_default_ttl: i128,
    pub ipv6_hop_limit: i128,
}

impl WineFacts {
    pub fn sym(&self, name: &'static str) -> Sym {
        let value = match name {
            "wmem_default" => self.wmem_default,
            "rmem_default" => self.rmem_default,
            "tcp_wmem[1]" => self.tcp_wmem_default,
            "tcp_rmem[1]" => self.tcp_rmem_default,
            "ip_default_ttl" => self.ip_default_ttl,
            "hop_limit" => self.ipv6_hop_limit,
            _ => panic!("no Wine fact named {name}"),
        };
        sym(name, value)
    }
}

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
    pub fn hz(&self) -> i128 {
        1_000_000 / self.jiffy_us
    }
}

const fn sym(name: &'static str, value: i128) -> Sym {
    Sym { name, value }
}

/// A named number for the report's host section.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub name: &'static str,
    pub value: String,
    /// How it was obtained, for calibrated facts.
    pub how: Option<&'static str>,
}

impl Host {
    /// Reads this host's facts. Fails with a one-line reason when a fact the
    /// model needs cannot be read.
    pub fn detect() -> Result<Host, String> {
        let os = Os::this();
        #[cfg(target_os = "linux")]
        let linux = Some(linux::read()?);
        #[cfg(not(target_os = "linux"))]
        let linux = None;
        #[cfg(any(target_os = "macos", target_os = "freebsd"))]
        let bsd = Some(bsd::read());
        #[cfg(not(any(target_os = "macos", target_os = "freebsd")))]
        let bsd = None;
        #[cfg(windows)]
        let wine = wine::detect()?;
        #[cfg(not(windows))]
        let wine = None;
        Ok(Host {
            os,
            kernel: kernel_release(),
            ipv6: ipv6_available(),
            missing_kinds: missing_kinds(),
            linux,
            wine,
            bsd,
        })
    }

    /// The OS as snapshots name it: Wine is kept apart from Windows.
    pub fn os_label(&self) -> &'static str {
        match (self.os, &self.wine) {
            (Os::Windows, Some(_)) => "windows-wine",
            (os, _) => os.name(),
        }
    }

    /// Limits read from the OS, for the report.
    pub fn limits(&self) -> Vec<Fact> {
        if let Some(b) = &self.bsd {
            return b.values.iter().map(|(n, v)| fact(n, v)).collect();
        }
        if let Some(w) = &self.wine {
            return vec![
                fact("wine", &w.version),
                fact("host net.core.wmem_default", w.wmem_default),
                fact("host net.core.rmem_default", w.rmem_default),
                fact("host net.ipv4.tcp_wmem[1]", w.tcp_wmem_default),
                fact("host net.ipv4.tcp_rmem[1]", w.tcp_rmem_default),
                fact("host net.ipv4.ip_default_ttl", w.ip_default_ttl),
                fact("host net.ipv6.conf.all.hop_limit", w.ipv6_hop_limit),
                fact("ipv6", self.ipv6),
            ];
        }
        let Some(l) = &self.linux else {
            return Vec::new();
        };
        let triple = |t: [i128; 3]| format!("{} {} {}", t[0], t[1], t[2]);
        vec![
            fact("net.core.wmem_max", l.wmem_max),
            fact("net.core.rmem_max", l.rmem_max),
            fact("net.core.wmem_default", l.wmem_default),
            fact("net.core.rmem_default", l.rmem_default),
            fact("net.ipv4.tcp_wmem", triple(l.tcp_wmem)),
            fact("net.ipv4.tcp_rmem", triple(l.tcp_rmem)),
            fact("net.ipv4.tcp_reordering", l.tcp_reordering),
            fact("net.ipv4.tcp_congestion_control", &l.tcp_congestion_control),
            fact("lo.mtu", l.loopback_mtu),
            fact("net.ipv4.ip_default_ttl", l.ip_default_ttl),
            fact("net.ipv4.tcp_keepalive_time", l.tcp_keepalive_time),
            fact("net.ipv4.tcp_keepalive_intvl", l.tcp_keepalive_intvl),
            fact("net.ipv4.tcp_keepalive_probes", l.tcp_keepalive_probes),
            fact("net.ipv4.tcp_timestamps", l.tcp_timestamps),
            fact("net.ipv4.tcp_ecn", l.tcp_ecn),
            fact(
                "net.ipv4.tcp_available_congestion_control",
                l.tcp_available_congestion_control.join(" "),
            ),
            fact(
                "net.ipv4.tcp_allowed_congestion_control",
                l.tcp_allowed_congestion_control.join(" "),
            ),
            fact("net.ipv6.bindv6only", l.bindv6only),
            fact("net.ipv6.conf.all.hop_limit", l.ipv6_hop_limit),
            fact("net.core.busy_read", l.busy_read),
            fact("net.unix.max_dgram_qlen", l.max_dgram_qlen),
            fact("cap_net_admin", l.cap_net_admin),
            fact("cap_net_raw_or_admin", l.cap_net_raw_or_admin),
            fact("ipv6", self.ipv6),
        ]
    }

    /// Facts the kernel does not expose, and how each was calibrated.
    pub fn calibrated(&self) -> Vec<Fact> {
        let Some(l) = &self.linux else {
            return Vec::new();
        };
        vec![
            Fact {
                name: "skb_overhead",
                value: l.skb_overhead.to_string(),
                how: Some(
                    "SO_RCVBUF=0 on a fresh unix datagram socket reads SOCK_MIN_RCVBUF = 2048 + skb_overhead",
                ),
            },
            Fact {
                name: "SOCK_MIN_RCVBUF",
                value: l.min_rcvbuf().value.to_string(),
                how: Some("2048 + skb_overhead (include/net/sock.h)"),
            },
            Fact {
                name: "SOCK_MIN_SNDBUF",
                value: l.min_sndbuf().value.to_string(),
                how: Some("2 * SOCK_MIN_RCVBUF (include/net/sock.h)"),
            },
            Fact {
                name: "jiffy_us",
                value: l.jiffy_us.to_string(),
                how: Some("SO_RCVTIMEO = (0, 1us) reads back one tick, (0, jiffy_us)"),
            },
            Fact {
                name: "HZ",
                value: l.hz().to_string(),
                how: Some("1000000 / jiffy_us"),
            },
        ]
        .into_iter()
        .chain(l.busy_read_calibrated.then(|| Fact {
            name: "net.core.busy_read",
            value: l.busy_read.to_string(),
            how: Some("not visible in this network namespace: a new socket's SO_BUSY_POLL"),
        }))
        .collect()
    }
}

fn fact(name: &'static str, value: impl ToString) -> Fact {
    Fact {
        name,
        value: value.to_string(),
        how: None,
    }
}

/// Kinds whose socket() fails here, each with the error's name.
fn missing_kinds() -> Vec<(crate::kind::Kind, String)> {
    crate::kind::Kind::ALL
        .into_iter()
        .filter_map(|k| {
            let e = crate::fixture::new_socket(k).err()?;
            let name = e
                .raw_os_error()
                .map_or_else(|| e.to_string(), crate::sys::error_name);
            Some((k, name))
        })
        .collect()
}

fn ipv6_available() -> bool {
    let addr = std::net::SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 0));
    std::net::UdpSocket::bind(addr).is_ok()
}

#[cfg(target_os = "linux")]
fn kernel_release() -> String {
    std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|_| "unknown".into())
}

#[cfg(not(target_os = "linux"))]
fn kernel_release() -> String {
    "unknown".into()
}

#[cfg(target_os = "linux")]
mod linux {
    use super::{files, LinuxFacts, TCP_SKB_MIN_DATA};
    use crate::{fixture, kind::Kind, sys};

    pub fn read() -> Result<LinuxFacts, String> {
        let busy_read = match number("net/core/busy_read") {
            Ok(v) => (v, false),
            Err(_) => (calibrate_busy_read()?, true),
        };
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
            kernel_version: kernel_version(&super::kernel_release())?,
            cap_net_admin: cap_net_admin(),
            cap_net_raw_or_admin: effective_caps() & (1 << CAP_NET_RAW | 1 << CAP_NET_ADMIN) != 0,
        })
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

    /// One probe: a new socket's SO_BUSY_POLL is net.core.busy_read.
    fn calibrate_busy_read() -> Result<i128, String> {
        let why = |e: String| format!("calibrating net.core.busy_read failed: {e}");
        let socket = fixture::new_socket(Kind::UnixDgram).map_err(|e| why(e.to_string()))?;
        let code = sys::code("SO_BUSY_POLL").expect("SO_BUSY_POLL exists on Linux");
        sys::get_int(&socket, code).map(i128::from).map_err(why)
    }

    /// One probe: a 1 us receive timeout is stored as one tick.
    fn calibrate_jiffy() -> Result<i128, String> {
        let why = |e: String| format!("calibrating HZ failed: {e}");
        let socket = fixture::new_socket(Kind::UnixDgram).map_err(|e| why(e.to_string()))?;
        let code = sys::code("SO_RCVTIMEO").expect("SO_RCVTIMEO exists on Linux");
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
        let code = sys::code("SO_RCVBUF").expect("SO_RCVBUF exists on Linux");
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

impl Host {
    /// The host quantities an option's relative rungs are placed at.
    pub fn anchors(&self, option: &crate::catalog::OptionSpec) -> crate::ladder::Anchors {
        use crate::catalog::Limit;
        if let Some(b) = &self.bsd {
            // One limit for both directions: kern.ipc.maxsockbuf (sb_max).
            return crate::ladder::Anchors {
                max: option.limit.and_then(|_| b.sym("kern.ipc.maxsockbuf")),
                ..Default::default()
            };
        }
        let Some(l) = self.linux.as_ref() else {
            return Default::default();
        };
        crate::ladder::Anchors {
            max: option.limit.map(|limit| match limit {
                Limit::SendBuffer => l.wmem_max(),
                Limit::RecvBuffer => l.rmem_max(),
            }),
            jiffy_us: Some(l.jiffy()),
            default_congestion: Some(l.tcp_congestion_control.clone()),
        }
    }
}

#[cfg(windows)]
mod wine {
    use super::WineFacts;
    use windows_sys::Win32::System::LibraryLoader::{GetModuleHandleA, GetProcAddress};

    /// Wine's ntdll exports `wine_get_version`; Windows' does not.
    pub fn detect() -> Result<Option<WineFacts>, String> {
        // SAFETY: both calls take NUL-terminated names and only look up symbols.
        let version = unsafe {
            let ntdll = GetModuleHandleA(c"ntdll.dll".as_ptr().cast());
            if ntdll.is_null() {
                return Ok(None);
            }
            let Some(get) = GetProcAddress(ntdll, c"wine_get_version".as_ptr().cast()) else {
                return Ok(None);
            };
            let get: extern "C" fn() -> *const std::ffi::c_char = std::mem::transmute(get);
            std::ffi::CStr::from_ptr(get()).to_string_lossy().into_owned()
        };
        // The host's /proc/sys, through Wine's Z: drive.
        let path = |name: &str| format!("Z:\\proc\\sys\\{}", name.replace('/', "\\"));
        let number = |name: &str| super::files::number(&path(name));
        let middle = |name: &str| super::files::triple(&path(name)).map(|t| t[1]);
        Ok(Some(WineFacts {
            version,
            wmem_default: number("net/core/wmem_default")?,
            rmem_default: number("net/core/rmem_default")?,
            tcp_wmem_default: middle("net/ipv4/tcp_wmem")?,
            tcp_rmem_default: middle("net/ipv4/tcp_rmem")?,
            ip_default_ttl: number("net/ipv4/ip_default_ttl")?,
            ipv6_hop_limit: number("net/ipv6/conf/all/hop_limit").unwrap_or(64),
        }))
    }
}

#[cfg(any(target_os = "macos", target_os = "freebsd"))]
mod bsd {
    use super::{BsdFacts, BSD_SYSCTLS};

    /// Each sysctl this OS has, as an int or a long.
    pub fn read() -> BsdFacts {
        let mut facts = BsdFacts::default();
        for &name in BSD_SYSCTLS {
            let Ok(cname) = std::ffi::CString::new(name) else {
                continue;
            };
            let mut buf = [0u8; 8];
            let mut len = buf.len();
            // SAFETY: the buffer and its length are valid; no new value is set.
            let rc = unsafe {
                libc::sysctlbyname(
                    cname.as_ptr(),
                    buf.as_mut_ptr().cast(),
                    &mut len,
                    std::ptr::null_mut(),
                    0,
                )
            };
            let value = match (rc, len) {
                (0, 4) => i128::from(i32::from_ne_bytes([buf[0], buf[1], buf[2], buf[3]])),
                (0, 8) => i128::from(i64::from_ne_bytes(buf)),
                _ => continue,
            };
            facts.values.insert(name, value);
        }
        facts
    }
}

/// Small text files of numbers: /proc/sys on Linux, and the Linux host's
/// /proc/sys as Wine shows it.
#[cfg(any(target_os = "linux", windows))]
mod files {
    pub fn text(path: &str) -> Result<String, String> {
        std::fs::read_to_string(path)
            .map(|s| s.trim().to_string())
            .map_err(|e| format!("cannot read {path}: {e}"))
    }

    pub fn number(path: &str) -> Result<i128, String> {
        let text = text(path)?;
        text.parse()
            .map_err(|_| format!("{path} holds {text:?}, not a number"))
    }

    pub fn triple(path: &str) -> Result<[i128; 3], String> {
        let text = text(path)?;
        let bad = || format!("{path} holds {text:?}, not three numbers");
        let parts: Vec<i128> = text
            .split_whitespace()
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map_err(|_| bad())?;
        <[i128; 3]>::try_from(parts).map_err(|_| bad())
    }
}
