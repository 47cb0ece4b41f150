//! On the wire: IP_TTL and IP_TOS on a udp4 sender, IPV6_UNICAST_HOPS and
//! IPV6_TCLASS on a udp6 one, set over the option's own ladder (the raw
//! path's rungs) or left at the default; a receiver on loopback with
//! IP_RECVTTL, IP_RECVTOS, IPV6_RECVHOPLIMIT or IPV6_RECVTCLASS reads the
//! value the datagram really carried. The outcome sets it beside what
//! getsockopt reads back on the sender.
//!
//! The read back is the platform's option model's prediction (the same as
//! the option tables': one plan); the platform's wire model says how the
//! header follows from it.

use crate::api::Api;
use crate::case::{Case as OptionCase, Request};
use crate::kind::{Kind, State};
use crate::ladder::Anchors;
use crate::option::OptionSpec;
use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::{RelativeValue, Value};
use std::fmt;

/// The option the sender sets, and the one the receiver asks the value by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum WireOption {
    /// IP_TTL, read through IP_RECVTTL (udp4).
    Ttl,
    /// IP_TOS, read through IP_RECVTOS (udp4).
    Tos,
    /// IPV6_UNICAST_HOPS, read through IPV6_RECVHOPLIMIT (udp6).
    Hops,
    /// IPV6_TCLASS, read through IPV6_RECVTCLASS (udp6).
    Tclass,
}

impl WireOption {
    /// Every option, in the tables' order.
    pub const ALL: [WireOption; 4] = [
        WireOption::Ttl,
        WireOption::Tos,
        WireOption::Hops,
        WireOption::Tclass,
    ];

    /// The sender's option.
    pub fn sender(self) -> &'static str {
        match self {
            WireOption::Ttl => "IP_TTL",
            WireOption::Tos => "IP_TOS",
            WireOption::Hops => "IPV6_UNICAST_HOPS",
            WireOption::Tclass => "IPV6_TCLASS",
        }
    }

    /// The receiver's option.
    pub fn receiver(self) -> &'static str {
        match self {
            WireOption::Ttl => "IP_RECVTTL",
            WireOption::Tos => "IP_RECVTOS",
            WireOption::Hops => "IPV6_RECVHOPLIMIT",
            WireOption::Tclass => "IPV6_RECVTCLASS",
        }
    }

    /// The socket kind both ends are.
    pub fn kind(self) -> Kind {
        match self {
            WireOption::Ttl | WireOption::Tos => Kind::Udp4,
            WireOption::Hops | WireOption::Tclass => Kind::Udp6,
        }
    }

    /// The sender option's catalogue row.
    pub fn spec(self) -> &'static OptionSpec {
        crate::catalog::find(self.sender()).expect("the wire options are catalogue rows")
    }
}

/// One wire case: the option and the request (the default, or a rung).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WireCase {
    pub option: WireOption,
    /// `None`: not set.
    pub value: Option<i128>,
}

impl fmt::Display for WireCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = match self.value {
            None => "default".to_string(),
            Some(v) => v.to_string(),
        };
        write!(
            f,
            "{} {}={value}, read by {}",
            self.option.kind(),
            self.option.sender(),
            self.option.receiver()
        )
    }
}

/// Every wire case: each option's default, then its ladder's raw rungs.
pub fn cases() -> Vec<WireCase> {
    let mut out = Vec::new();
    for option in WireOption::ALL {
        out.push(WireCase { option, value: None });
        for rung in crate::ladder::for_path(option.spec().ladder, Api::Raw, true) {
            if let Some(RelativeValue::Int(e)) = rung.resolve(&Anchors::default()) {
                out.push(WireCase {
                    option,
                    value: Some(e.value()),
                });
            }
        }
    }
    out
}

/// The outcome's text: what getsockopt read back and what the datagram
/// carried.
pub fn text(read_back: &str, carried: &str) -> String {
    format!("getsockopt {read_back}; wire {carried}")
}

/// How one OS's header follows from the read back: the value a datagram
/// carries for the option, given what getsockopt reads, with the rule.
#[derive(Debug, Clone, Copy)]
pub struct WireModel {
    pub carries: fn(WireOption, &Value) -> (Value, &'static Rule),
    /// Every rule it can name.
    pub rules: &'static [&'static Rule],
}

/// The option case behind a wire case: the raw path on a bound socket.
pub fn option_case(case: &WireCase) -> OptionCase {
    let request = match case.value {
        None => Request::Default,
        Some(v) => Request::set(v),
    };
    OptionCase::of(
        case.option.spec(),
        case.option.kind(),
        State::Bound,
        Api::Raw,
        request,
    )
    .expect("the wire options take ints on bound udp sockets")
}

/// What the platform predicts from the option model's prediction for
/// `option_case(case)` (the read back, or the set's error) and its wire
/// model.
pub fn predict(model: &WireModel, case: &WireCase, read: Prediction) -> Prediction {
    let mut rules = read.rules.clone();
    let value = match &read.expected {
        Expected::Err(_) => return read,
        Expected::Ok(v) => v.value(),
    };
    let (carried, rule) = (model.carries)(case.option, &value);
    rules.push(rule);
    rules.dedup_by_key(|r| r.id);
    Prediction::ok(
        RelativeValue::text(&text(&value.to_string(), &carried.to_string())),
        rules,
    )
}

/// The read back depends on no host fact, so the row can be stored in a
/// snapshot byte for byte (a default TTL follows a sysctl, say).
pub fn host_independent(read: &Prediction) -> bool {
    match &read.expected {
        Expected::Ok(v) => v.to_string() == v.value().to_string(),
        Expected::Err(_) => true,
    }
}
