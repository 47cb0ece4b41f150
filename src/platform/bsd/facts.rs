//! What the macOS and FreeBSD models read from their host: sysctls, by
//! name, with sysctlbyname.

use crate::expr::Sym;

/// Sysctls read with sysctlbyname on macOS and FreeBSD.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BsdFacts {
    pub values: std::collections::BTreeMap<&'static str, i128>,
}

/// lo0's interface index, a host fact with no stock value: the NICs a
/// FreeBSD host attaches at boot come first, so it differs by host. Read
/// with if_nametoindex on a FreeBSD host and with SIOCGIFINDEX through
/// F-Stack; the membership ladder's rungs on lo are asked only where it was.
pub const LO0_INDEX: &str = "lo0.index";

/// The sysctls the BSD models use (those an OS lacks are left out).
pub const BSD_SYSCTLS: &[&str] = &[
    "kern.ipc.maxsockbuf",
    "kern.hz",
    "kern.osreldate",
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
        self.values.get(name).map(|&value| Sym { name, value })
    }
}

#[cfg(any(target_os = "macos", target_os = "freebsd"))]
mod reader {
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
        // The ids a same-process peer's LOCAL_PEERCRED reports.
        // SAFETY: geteuid and getegid cannot fail; getgroups with a count of
        // 0 writes nothing and returns how many groups there are.
        let (euid, egid, groups) = unsafe {
            (
                libc::geteuid(),
                libc::getegid(),
                libc::getgroups(0, std::ptr::null_mut()),
            )
        };
        facts.values.insert(crate::xucred::EUID, euid.into());
        facts.values.insert(crate::xucred::EGID, egid.into());
        if groups >= 0 {
            facts.values.insert(crate::xucred::GETGROUPS, groups.into());
        }
        // lo0's index differs by FreeBSD host (the NICs attach first).
        #[cfg(target_os = "freebsd")]
        {
            // SAFETY: the name is a NUL-terminated C string.
            let index = unsafe { libc::if_nametoindex(c"lo0".as_ptr()) };
            if index != 0 {
                facts.values.insert(super::LO0_INDEX, index.into());
            }
        }
        facts
    }
}

#[cfg(any(target_os = "macos", target_os = "freebsd"))]
pub use reader::read;
