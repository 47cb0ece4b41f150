//! Dual-stack listeners: a TCP socket of the IPv6
//! family with IPV6_V6ONLY left at the OS's default, 0 or 1, listening on
//! `::` or on `::1`, and a client of either family connecting to the
//! loopback address of its own family at that port. The outcome is whether
//! the connection is accepted and, if it is, the peer address `accept()`
//! reports (an IPv4 client shows as `::ffff:127.0.0.1`).

use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// IPV6_V6ONLY as the listener has it before bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum V6only {
    /// Not set: the OS's default.
    Default,
    Off,
    On,
}

/// The address the listener binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// `::`, every address.
    Any,
    /// `::1` alone.
    Loopback,
}

/// The family of the client, which connects to its family's loopback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Client {
    /// An IPv4 socket connecting to 127.0.0.1.
    V4,
    /// An IPv6 socket connecting to ::1.
    V6,
}

/// One dual-stack case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DualStack {
    pub v6only: V6only,
    pub bound: Bound,
    pub client: Client,
}

impl fmt::Display for DualStack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v6only = match self.v6only {
            V6only::Default => "default",
            V6only::Off => "0",
            V6only::On => "1",
        };
        let bound = match self.bound {
            Bound::Any => "::",
            Bound::Loopback => "::1",
        };
        let client = match self.client {
            Client::V4 => "127.0.0.1",
            Client::V6 => "::1",
        };
        write!(f, "tcp6 v6only={v6only} listening on {bound}, client to {client}")
    }
}

/// Every dual-stack case: each setting, each address, each client.
pub fn dual_stack_cases() -> Vec<DualStack> {
    let mut out = Vec::new();
    for v6only in [V6only::Default, V6only::Off, V6only::On] {
        for bound in [Bound::Any, Bound::Loopback] {
            for client in [Client::V4, Client::V6] {
                out.push(DualStack {
                    v6only,
                    bound,
                    client,
                });
            }
        }
    }
    out
}

/// An accepted connection, by the peer address accept() reported.
pub const REACHED_V4_MAPPED: &str = "accepted, peer ::ffff:127.0.0.1";
/// An accepted connection from an IPv6 client.
pub const REACHED_V6: &str = "accepted, peer ::1";

/// What one OS does with dual-stack listeners, as data: its default and
/// the rule for each way a connection goes. Every model answers the cases
/// with the same plan (`predict`), from these facts.
#[derive(Debug, Clone, Copy)]
pub struct DualStackModel {
    /// IPV6_V6ONLY on a new IPv6 socket, and the rule that says so.
    pub default_v6only: bool,
    pub default_rule: &'static Rule,
    /// An IPv4 client reaches a `::` listener with IPV6_V6ONLY 0, and
    /// accept() reports it as an IPv4-mapped IPv6 address.
    pub mapped: &'static Rule,
    /// An IPv4 client finds no listener: IPV6_V6ONLY 1 on `::`.
    pub v6only_refuses: &'static Rule,
    /// An IPv4 client finds no listener: a listener on `::1` takes IPv6
    /// alone, whatever IPV6_V6ONLY says.
    pub specific_refuses: &'static Rule,
    /// An IPv6 client reaches a listener on `::` or `::1`.
    pub ipv6_client: &'static Rule,
    /// connect()'s error where nothing listens (`ECONNREFUSED`).
    pub refused: &'static str,
    /// The same question for a UDP receiver and a connected UDP client.
    pub udp: DualStackUdp,
}

/// A dual-stack UDP receiver's rules: an IPv4 datagram reaches a `::`
/// socket with IPV6_V6ONLY 0 and arrives from an IPv4-mapped address;
/// otherwise nothing takes it, and the port-unreachable answer comes back
/// to the (connected) client as an error on its next call.
#[derive(Debug, Clone, Copy)]
pub struct DualStackUdp {
    pub mapped: &'static Rule,
    pub unreachable: &'static Rule,
    pub ipv6_client: &'static Rule,
    /// The client's error for the port-unreachable answer.
    pub refused: &'static str,
}

/// A datagram received from an IPv4 client, by the sender address
/// recvfrom() reported.
pub const RECEIVED_V4_MAPPED: &str = "received, from ::ffff:127.0.0.1";
/// A datagram received from an IPv6 client.
pub const RECEIVED_V6: &str = "received, from ::1";

/// How a UDP case reads: `udp6 v6only=... bound to ..., client sends to
/// ...` (the TCP case's `Display` is the listener's).
pub fn udp_label(case: &DualStack) -> String {
    case.to_string()
        .replacen("tcp6", "udp6", 1)
        .replacen("listening on", "bound to", 1)
        .replacen("client to", "client sends to", 1)
}

/// What `model` predicts for the case with UDP sockets.
pub fn predict_udp(model: &DualStackModel, case: &DualStack) -> Prediction {
    let mut rules = Vec::new();
    let v6only = match case.v6only {
        V6only::Default => {
            rules.push(model.default_rule);
            model.default_v6only
        }
        V6only::Off => false,
        V6only::On => true,
    };
    let udp = &model.udp;
    let (expected, rule) = match (case.client, case.bound, v6only) {
        (Client::V6, _, _) => (Expected::Ok(RelativeValue::text(RECEIVED_V6)), udp.ipv6_client),
        (Client::V4, Bound::Loopback, _) => {
            rules.push(model.specific_refuses);
            (Expected::Err(udp.refused), udp.unreachable)
        }
        (Client::V4, Bound::Any, true) => (Expected::Err(udp.refused), udp.unreachable),
        (Client::V4, Bound::Any, false) => {
            (Expected::Ok(RelativeValue::text(RECEIVED_V4_MAPPED)), udp.mapped)
        }
    };
    rules.push(rule);
    Prediction::new(expected, rules)
}

/// What `model` predicts for the case.
pub fn predict(model: &DualStackModel, case: &DualStack) -> Prediction {
    let mut rules = Vec::new();
    let v6only = match case.v6only {
        V6only::Default => {
            rules.push(model.default_rule);
            model.default_v6only
        }
        V6only::Off => false,
        V6only::On => true,
    };
    let (expected, rule) = match (case.client, case.bound, v6only) {
        (Client::V6, _, _) => (Expected::Ok(RelativeValue::text(REACHED_V6)), model.ipv6_client),
        (Client::V4, Bound::Loopback, _) => (Expected::Err(model.refused), model.specific_refuses),
        (Client::V4, Bound::Any, true) => (Expected::Err(model.refused), model.v6only_refuses),
        (Client::V4, Bound::Any, false) => {
            (Expected::Ok(RelativeValue::text(REACHED_V4_MAPPED)), model.mapped)
        }
    };
    rules.push(rule);
    Prediction::new(expected, rules)
}

/// The rules a dual-stack model can name.
pub fn rules(model: &DualStackModel) -> Vec<&'static Rule> {
    vec![
        model.default_rule,
        model.mapped,
        model.v6only_refuses,
        model.specific_refuses,
        model.ipv6_client,
        model.udp.mapped,
        model.udp.unreachable,
        model.udp.ipv6_client,
    ]
}
