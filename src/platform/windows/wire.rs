//! Windows' header values (`crate::behaviour::wire`), from Microsoft's
//! pages: IP_TTL and IPV6_UNICAST_HOPS go into the header; IP_TOS is "Do
//! not use" and is not marked (documented for older Windows, UNCONFIRMED
//! for 10 and 11). Model only: the wire cases are not run through Winsock
//! here (no WSARecvMsg).

use crate::behaviour::wire::{TcpReport, WireModel, WireOption};
use crate::rule::Rule;
use crate::value::Value;

crate::rules! {
    pub const AS_SET: Rule = Rule {
        id: "windows.wire.as_set",
        formula: "header TTL / hop limit = getsockopt's value",
        why: "IP_TTL 'changes the default value set by the TCP/IP service provider in the TTL field of the IP header in outgoing datagrams'; IPV6_UNICAST_HOPS is the unicast hop limit",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/ipproto-ip-socket-options (IP_TTL); ipproto-ipv6-socket-options (IPV6_UNICAST_HOPS)",
    };
    pub const TOS_NOT_MARKED: Rule = Rule {
        id: "windows.wire.tos_not_marked",
        formula: "IP_TOS => accepted, but the header's TOS stays 0 (UNCONFIRMED for Windows 10 and 11)",
        why: "IP_TOS is 'Do not use. Type of Service (TOS) settings should only be set using the Quality of Service API'; Microsoft's KB248611 (archived) says the call succeeds but the TOS bits are not marked, for Windows 2000 to Server 2003",
        source: "learn.microsoft.com/en-us/windows/win32/winsock/ipproto-ip-socket-options (IP_TOS); KB248611 (archived copy)",
    };
}

fn carries(option: WireOption, read_back: &Value) -> (Value, &'static Rule) {
    match option {
        WireOption::Tos => (Value::Int(0), &TOS_NOT_MARKED),
        _ => (read_back.clone(), &AS_SET),
    }
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
