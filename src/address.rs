//! Addresses as socket options carry them: an IPv4 address is the four
//! bytes of a `struct in_addr` (an int-sized option holds them as its int),
//! a multicast membership is an `ip_mreq` (group, interface address) or an
//! `ipv6_mreq` (group, interface index). Requests and predictions name each
//! address (`127.0.0.1`), so snapshots print names, never bits.

use crate::expr::{Expr, Sym};
use crate::value::RelativeValue;
use std::net::{Ipv4Addr, Ipv6Addr};

/// What a membership change reads as when it worked: there is nothing to
/// read back, only that the call returned 0.
pub const DONE: Sym = Sym { name: "ok", value: 0 };

/// A set with nothing to read back that worked.
pub fn done() -> RelativeValue {
    RelativeValue::Int(Expr::of(DONE))
}

/// An IPv4 address as the int an int-sized `struct in_addr` option holds,
/// named by the address; `None` when `a` is not an address.
pub fn in_addr(a: &'static str) -> Option<Expr> {
    let ip: Ipv4Addr = a.parse().ok()?;
    Some(Expr::of(Sym {
        name: a,
        value: in_addr_bits(ip),
    }))
}

/// 0.0.0.0 (INADDR_ANY), by name: what an unset interface reads as.
pub fn any() -> RelativeValue {
    in_addr("0.0.0.0").map_or(RelativeValue::int(0), RelativeValue::Int)
}

/// An IP address as the catalogue holds addresses: an IPv4 one as its
/// `in_addr` int (`in_addr_bits`), an IPv6 one as its 128 bits.
pub fn ip_bits(ip: std::net::IpAddr) -> i128 {
    match ip {
        std::net::IpAddr::V4(a) => in_addr_bits(a),
        std::net::IpAddr::V6(a) => u128::from(a) as i128,
    }
}

/// The int an `in_addr` holding `ip` reads as: its four bytes in network
/// order, read as a native int.
pub fn in_addr_bits(ip: Ipv4Addr) -> i128 {
    i32::from_ne_bytes(ip.octets()).into()
}

/// The address an int-sized `in_addr` holding `v` is (`None` when `v` is
/// wider than 32 bits; a `u32` above `i32::MAX` is taken as its bits).
pub fn in_addr_of(v: i128) -> Option<Ipv4Addr> {
    let v = i32::try_from(v)
        .or_else(|_| u32::try_from(v).map(|u| u as i32))
        .ok()?;
    Some(Ipv4Addr::from(v.to_ne_bytes()))
}

/// The int the address `e` names reads back as (a request of a `u32` above
/// `i32::MAX` reads back negative).
pub fn in_addr_read(e: Expr) -> Expr {
    e.map_value(|v| in_addr_of(v).map_or(v, in_addr_bits))
}

/// An IPv6 address, named, its value the 128 bits in network order.
pub fn in6_addr(a: &'static str) -> Option<Expr> {
    let ip: Ipv6Addr = a.parse().ok()?;
    Some(Expr::of(Sym {
        name: a,
        value: ip_bits(ip.into()),
    }))
}

/// The IPv6 address a value of `in6_addr` is.
pub fn in6_addr_of(v: i128) -> Ipv6Addr {
    Ipv6Addr::from(v as u128)
}

/// The `struct ip_mreq` {group, interface address}; `None` for a value
/// that is no IPv4 address.
pub fn ip_mreq_bytes(group: i128, interface: i128) -> Option<Vec<u8>> {
    let mut bytes = in_addr_of(group)?.octets().to_vec();
    bytes.extend(in_addr_of(interface)?.octets());
    Some(bytes)
}

/// An IPv4 membership by interface index, as this build's OS takes one:
/// on Unix a `struct ip_mreqn` {group, address 0.0.0.0, index as an int}
/// (Linux's and the BSDs' layout); on Windows an `ip_mreq` whose interface
/// is the index written as an address in 0.0.0.0/8 (ws2ipdef.h: "an
/// interface index of 1 would be the same as an IP address of 0.0.0.1").
/// `None` for a group that is no IPv4 address or an index out of range.
pub fn ip_mreq_by_index_bytes(group: i128, index: i128) -> Option<Vec<u8>> {
    let mut bytes = in_addr_of(group)?.octets().to_vec();
    if cfg!(windows) {
        bytes.extend(u32::try_from(index).ok()?.to_be_bytes());
    } else {
        bytes.extend([0; 4]);
        bytes.extend(i32::try_from(index).ok()?.to_ne_bytes());
    }
    Some(bytes)
}

/// The `struct ipv6_mreq` {group, interface index as an unsigned int};
/// `None` for an index out of range.
pub fn ipv6_mreq_bytes(group: i128, interface: i128) -> Option<Vec<u8>> {
    let mut bytes = in6_addr_of(group).octets().to_vec();
    bytes.extend(u32::try_from(interface).ok()?.to_ne_bytes());
    Some(bytes)
}

/// The order of `struct ip_mreq_source`'s last two fields: Linux has the
/// interface before the source (include/uapi/linux/in.h), the BSDs and
/// Winsock the source before the interface (netinet/in.h, ws2ipdef.h).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceOrder {
    /// {group, interface, source}: Linux.
    InterfaceFirst,
    /// {group, source, interface}: the BSDs, Windows.
    SourceFirst,
}

impl SourceOrder {
    /// This build's OS's.
    pub const HERE: SourceOrder = if cfg!(any(target_os = "linux", target_os = "android")) {
        SourceOrder::InterfaceFirst
    } else {
        SourceOrder::SourceFirst
    };
}

/// The `struct ip_mreq_source` for a group, a source and an interface
/// address, in `order`; `None` for a value that is no IPv4 address.
pub fn source_membership_bytes(
    order: SourceOrder,
    group: i128,
    source: i128,
    interface: i128,
) -> Option<Vec<u8>> {
    let (group, source, interface) = (in_addr_of(group)?, in_addr_of(source)?, in_addr_of(interface)?);
    let fields = match order {
        SourceOrder::InterfaceFirst => [group, interface, source],
        SourceOrder::SourceFirst => [group, source, interface],
    };
    Some(fields.iter().flat_map(|a| a.octets()).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_membership_by_index_is_laid_out_as_this_os_takes_it() {
        let group = in_addr("239.255.0.1").expect("an address").value();
        let bytes = ip_mreq_by_index_bytes(group, 1).expect("a request");
        if cfg!(windows) {
            // An ip_mreq whose interface is 0.0.0.1.
            assert_eq!(bytes, [239, 255, 0, 1, 0, 0, 0, 1]);
        } else {
            // An ip_mreqn: group, address 0.0.0.0, index.
            let mut want = vec![239, 255, 0, 1, 0, 0, 0, 0];
            want.extend(1i32.to_ne_bytes());
            assert_eq!(bytes, want);
        }
        assert_eq!(ip_mreq_by_index_bytes(group, -1).is_some(), !cfg!(windows));
    }

    #[test]
    fn an_address_keeps_its_name_and_its_bytes() {
        let lo = in_addr("127.0.0.1").expect("an address");
        assert_eq!(lo.to_string(), "127.0.0.1");
        assert_eq!(in_addr_of(lo.value()), Some(Ipv4Addr::LOCALHOST));
        assert_eq!(in_addr("lo"), None);
        // 255.255.255.255 as a u32 request reads back as the int -1.
        assert_eq!(in_addr_read(Expr::lit(u32::MAX.into())).value(), -1);
    }

    #[test]
    fn memberships_are_the_c_structs() {
        let g = in_addr("239.255.0.1").expect("an address").value();
        let i = in_addr("127.0.0.1").expect("an address").value();
        assert_eq!(ip_mreq_bytes(g, i), Some(vec![239, 255, 0, 1, 127, 0, 0, 1]));
        let g6 = in6_addr("ff12::5ec").expect("an address").value();
        let bytes = ipv6_mreq_bytes(g6, 1).expect("a struct");
        assert_eq!(bytes.len(), 20);
        assert_eq!(&bytes[..2], &[0xff, 0x12]);
        assert_eq!(&bytes[16..], &1u32.to_ne_bytes());
        assert_eq!(ipv6_mreq_bytes(g6, -1), None);
    }

    #[test]
    fn a_source_membership_follows_the_os_order() {
        let [g, s, i] =
            ["232.1.1.1", "10.0.0.1", "127.0.0.1"].map(|a| in_addr(a).expect("an address").value());
        let linux = source_membership_bytes(SourceOrder::InterfaceFirst, g, s, i).expect("a struct");
        assert_eq!(linux, vec![232, 1, 1, 1, 127, 0, 0, 1, 10, 0, 0, 1]);
        let bsd = source_membership_bytes(SourceOrder::SourceFirst, g, s, i).expect("a struct");
        assert_eq!(bsd, vec![232, 1, 1, 1, 10, 0, 0, 1, 127, 0, 0, 1]);
    }
}
