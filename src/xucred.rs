//! `struct xucred`, as LOCAL_PEERCRED copies it out on macOS and FreeBSD
//! (sys/ucred.h): cr_version, cr_uid, cr_ngroups, then cr_groups[16],
//! whose first is the effective gid; FreeBSD adds a pointer-sized union
//! that holds cr_pid (not shown: macOS has no such field). The layout and
//! the values the models and a library's reading of it are built from.

use crate::expr::{Expr, Sym};
use crate::value::RelativeValue;

/// sizeof(struct xucred) on FreeBSD's 64-bit machines (amd64, arm64: the
/// union is aligned to 8).
pub const FREEBSD_SIZE: i128 = 88;
/// sizeof(struct xucred) on macOS (no union).
pub const MACOS_SIZE: i128 = 76;

/// sizeof(struct xucred) on `os`, where it has one.
pub fn size_on(os: crate::os::Os) -> Option<i128> {
    match os {
        crate::os::Os::FreeBsd => Some(FREEBSD_SIZE),
        crate::os::Os::MacOs => Some(MACOS_SIZE),
        _ => None,
    }
}

/// XU_NGROUPS: the most groups a xucred holds.
pub const MOST_GROUPS: i128 = 16;

/// The facts a same-process peer's credentials are made of (the fixtures'
/// peer is the reading process): its effective uid,
pub const EUID: &str = "euid";
/// its effective gid,
pub const EGID: &str = "egid";
/// and the count of groups cru2x copies.
pub const NGROUPS: &str = "xucred.ngroups";
/// What getgroups(0, NULL) returned on the host, from which `NGROUPS` is
/// worked out (each OS counts the effective gid its own way).
pub const GETGROUPS: &str = "getgroups";

/// The whole struct of the reading process, as cru2x fills it:
/// XUCRED_VERSION (0), then the facts `EUID`, `NGROUPS` and `EGID` as
/// `fact` names them.
pub fn whole(size: i128, fact: impl Fn(&'static str) -> Sym) -> RelativeValue {
    RelativeValue::Xucred(Box::new([
        Expr::lit(size),
        Expr::lit(0),
        Expr::of(fact(EUID)),
        Expr::of(fact(NGROUPS)),
        Expr::of(fact(EGID)),
    ]))
}

/// `NGROUPS` from what getgroups(0, NULL) counted on the host: one more
/// where the list leaves out the effective gid, which the xucred holds
/// first; at most `MOST_GROUPS`.
pub fn ngroups(getgroups: i128, egid_listed: bool) -> i128 {
    let n = if egid_listed { getgroups } else { getgroups + 1 };
    n.min(MOST_GROUPS)
}

/// Nothing written: an inet socket with no IP options to copy out.
pub fn empty() -> RelativeValue {
    RelativeValue::Xucred(Box::new([0; 5].map(Expr::lit)))
}

/// The read after an IP_OPTIONS set of the int `v`: ip_pcbopts stored a
/// zeroed first-hop address and then the int's four bytes, so 8 bytes come
/// back, read as cr_version 0 and cr_uid = `v` as unsigned.
pub fn after_options(v: i128) -> RelativeValue {
    let uid = i128::from(v as i32 as u32);
    RelativeValue::Xucred(Box::new([8, 0, uid, 0, 0].map(Expr::lit)))
}

#[cfg(test)]
mod tests {
    /// FreeBSD 15's getgroups leaves out the egid the xucred holds first;
    /// the count stops at XU_NGROUPS either way.
    #[test]
    fn the_group_count_is_what_cru2x_copies() {
        assert_eq!(super::ngroups(3, true), 3);
        assert_eq!(super::ngroups(3, false), 4);
        assert_eq!(super::ngroups(16, false), 16);
        assert_eq!(super::ngroups(40, true), 16);
    }
}
