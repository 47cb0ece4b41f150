//! IP_OPTIONS as both BSD kernels check a set of it. LOCAL_PEERCRED's
//! number is IP_OPTIONS on an inet socket, so a program that sets that
//! "read-only" option with an int hands the int's four bytes to the same
//! walk (FreeBSD 13 sys/netinet/ip_options.c ip_pcbopts; xnu-11417.101.15
//! bsd/netinet/ip_output.c ip_pcbopts: the same loop).

/// IPOPT_EOL, IPOPT_NOP, IPOPT_LSRR, IPOPT_SSRR (netinet/ip.h).
const EOL: u8 = 0;
const NOP: u8 = 1;
const LSRR: u8 = 0x83;
const SSRR: u8 = 0x89;
/// IPOPT_MINOFF - 1 + sizeof(struct in_addr): the shortest source route.
const SHORTEST_ROUTE: usize = 4 - 1 + 4;

/// Whether ip_pcbopts takes these bytes as IP options: it walks them as
/// (type, length) pairs where EOL ends the walk and NOP is one byte, and
/// refuses (EINVAL) a length under 2 or past the end, a source route
/// shorter than its first hop, or a total that is not whole 32-bit words.
pub fn accepted(bytes: &[u8]) -> bool {
    if !bytes.len().is_multiple_of(4) {
        return false;
    }
    let mut at = 0;
    while at < bytes.len() {
        let left = bytes.len() - at;
        let len = match bytes[at] {
            EOL => return true,
            NOP => 1,
            _ if left < 2 => return false,
            _ => usize::from(bytes[at + 1]),
        };
        let route = matches!(bytes[at], LSRR | SSRR);
        if bytes[at] != NOP && (len < 2 || len > left || (route && len < SHORTEST_ROUTE)) {
            return false;
        }
        at += len;
    }
    true
}

/// A C int as the options a set sends: its bytes in memory order, on the
/// little-endian machines these kernels run on here (amd64, arm64).
fn of_int(v: i128) -> [u8; 4] {
    (v as i32).to_le_bytes()
}

/// Whether ip_pcbopts takes a C int set as IP options (`accepted`).
pub fn takes_int(v: i128) -> bool {
    accepted(&of_int(v))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_int_is_walked_as_options() {
        // 0: EOL at once; 1: NOP, then EOL; 0x0101: two NOPs, then EOL.
        for v in [0, 1, 0x0101, 0x0101_0101] {
            assert!(accepted(&of_int(v)), "{v:#x}");
        }
        // 2: option 2 of length 0; -1: option 255 of length 255;
        // 0x0402: option 2 of length 4 (the whole int), taken;
        // 0x0483: a loose source route of 4 bytes, too short.
        assert!(!accepted(&of_int(2)));
        assert!(!accepted(&of_int(-1)));
        assert!(accepted(&of_int(0x0402)));
        assert!(!accepted(&of_int(0x0483)));
        assert!(!accepted(&[1, 1, 1]));
    }
}
