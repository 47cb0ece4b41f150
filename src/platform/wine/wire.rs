//! Wine's header values (`crate::behaviour::wire`): IP_TTL, IP_TOS and
//! IPV6_UNICAST_HOPS go to the Linux host's socket, so the datagram carries
//! the host's values (unlike Windows, IP_TOS is marked); IPV6_TCLASS is
//! unknown to Wine 8.0. Not run here: the cases need WSARecvMsg.

use crate::behaviour::wire::{TcpReport, WireModel, WireOption};
use crate::rule::Rule;
use crate::value::Value;

crate::rules! {
    pub const HOST: Rule = Rule {
        id: "wine.wire.host",
        formula: "header values = the Linux host's (linux.wire.*): what getsockopt reads",
        why: "ws2_32 hands IP_TTL, IP_TOS and IPV6_UNICAST_HOPS to the host's setsockopt through ntdll, so the host's header rules apply",
        source: "wine dlls/ws2_32/socket.c setsockopt (IPPROTO_IP / IPPROTO_IPV6 cases -> server_setsockopt / ntdll do_setsockopt), read in Kron4ek/wine-tkg's 8.0 snapshot; the host: linux.wire.*",
    };
}

fn carries(_: WireOption, read_back: &Value) -> (Value, &'static Rule) {
    (read_back.clone(), &HOST)
}

/// No packet options for a TCP receiver: Winsock has no IP_PKTOPTIONS or
/// IPV6_2292PKTOPTIONS, so there are no TCP wire cases.
fn tcp(_: WireOption, _: &Value) -> TcpReport {
    None
}

pub fn model() -> WireModel {
    WireModel {
        carries,
        tcp,
        rules: RULES,
    }
}
