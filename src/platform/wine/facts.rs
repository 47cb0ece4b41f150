//! What the Wine model needs: Wine's version, and the Linux host's
//! defaults that Wine passes through, read through Wine's Z: drive.

use crate::expr::Sym;

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
        Sym { name, value }
    }
}

#[cfg(windows)]
mod reader {
    use super::WineFacts;
    use crate::platform::files;
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
        let number = |name: &str| files::number(&path(name));
        let middle = |name: &str| files::triple(&path(name)).map(|t| t[1]);
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

#[cfg(windows)]
pub use reader::detect;
