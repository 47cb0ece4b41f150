//! On the wire: IP_TTL and IP_TOS on a udp4 sender, IPV6_UNICAST_HOPS and
//! IPV6_TCLASS on a udp6 one, set over the option's own ladder (the raw
//! path's rungs) or left at the default; a receiver on loopback with
//! IP_RECVTTL, IP_RECVTOS, IPV6_RECVHOPLIMIT or IPV6_RECVTCLASS reads the
//! value the datagram really carried. The outcome sets it beside what
//! getsockopt reads back on the sender.
//!
//! TCP has no control messages on recvmsg: a tcp4 or tcp6 client sets the
//! option before connect, and the accepted socket (its listener asked for
//! the value by the same receive option) reads its packet options with
//! getsockopt(IP_PKTOPTIONS) or getsockopt(IPV6_2292PKTOPTIONS), the one
//! way a TCP receiver is offered them. What that read reports is the
//! outcome; each OS's model says which packet it comes from, or that it
//! says nothing.
//!
//! The read back is the platform's option model's prediction (the same as
//! the option tables': one plan); the platform's wire model says how the
//! header follows from it.

use crate::api::Api;
use crate::behaviour::bind::Proto;
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

    /// The socket kind both ends are, over `proto`.
    pub fn kind(self, proto: Proto) -> Kind {
        match (self, proto) {
            (WireOption::Ttl | WireOption::Tos, Proto::Udp) => Kind::Udp4,
            (WireOption::Hops | WireOption::Tclass, Proto::Udp) => Kind::Udp6,
            (WireOption::Ttl | WireOption::Tos, Proto::Tcp) => Kind::Tcp4,
            (WireOption::Hops | WireOption::Tclass, Proto::Tcp) => Kind::Tcp6,
        }
    }

    /// The getsockopt a TCP receiver reads its packet options with.
    pub fn packet_options(self) -> &'static str {
        match self {
            WireOption::Ttl | WireOption::Tos => "IP_PKTOPTIONS",
            WireOption::Hops | WireOption::Tclass => "IPV6_2292PKTOPTIONS",
        }
    }

    /// The sender option's catalogue row.
    pub fn spec(self) -> &'static OptionSpec {
        crate::catalog::find(self.sender()).expect("the wire options are catalogue rows")
    }
}

/// One wire case: the transport, the option and the request (the default,
/// or a rung).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct WireCase {
    pub proto: Proto,
    pub option: WireOption,
    /// `None`: not set.
    pub value: Option<i128>,
}

impl WireCase {
    /// The socket kind both ends are.
    pub fn kind(&self) -> Kind {
        self.option.kind(self.proto)
    }
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
            self.kind(),
            self.option.sender(),
            self.option.receiver()
        )?;
        match self.proto {
            Proto::Udp => Ok(()),
            Proto::Tcp => write!(f, " through {}", self.option.packet_options()),
        }
    }
}

/// Every wire case over `proto`: each option's default, then its ladder's
/// raw rungs.
pub fn cases(proto: Proto) -> Vec<WireCase> {
    let mut out = Vec::new();
    for option in WireOption::ALL {
        out.push(WireCase {
            proto,
            option,
            value: None,
        });
        for rung in crate::ladder::for_path(option.spec().ladder, Api::Raw, true) {
            if let Some(RelativeValue::Int(e)) = rung.resolve(&Anchors::default()) {
                out.push(WireCase {
                    proto,
                    option,
                    value: Some(e.value()),
                });
            }
        }
    }
    out
}

/// The outcome's text: what getsockopt read back on the sender and what
/// the receiver learnt: the datagram's header (UDP), or what the accepted
/// socket's packet options reported (TCP; `none`: no such message).
pub fn text(case: &WireCase, read_back: &str, carried: &str) -> String {
    match case.proto {
        Proto::Udp => format!("getsockopt {read_back}; wire {carried}"),
        Proto::Tcp => format!(
            "getsockopt {read_back}; {} {carried}",
            case.option.packet_options()
        ),
    }
}

/// What a TCP receiver's packet-options read reports for an option: the
/// value (`None`: no message for it) and the rule; `None` where the OS has
/// no such read for the option's family.
pub type TcpReport = Option<(Option<Value>, &'static Rule)>;

/// How one OS's header follows from the read back: the value a datagram
/// carries for the option, given what getsockopt reads, with the rule.
#[derive(Debug, Clone, Copy)]
pub struct WireModel {
    pub carries: fn(WireOption, &Value) -> (Value, &'static Rule),
    /// What a TCP receiver's packet-options read reports, given the
    /// sender's read back.
    pub tcp: fn(WireOption, &Value) -> TcpReport,
    /// Every rule it can name.
    pub rules: &'static [&'static Rule],
}

/// The option case behind a wire case: the raw path on a bound UDP socket,
/// or on a fresh TCP one (a client sets it before connect).
pub fn option_case(case: &WireCase) -> OptionCase {
    let request = match case.value {
        None => Request::Default,
        Some(v) => Request::set(v),
    };
    let state = match case.proto {
        Proto::Udp => State::Bound,
        Proto::Tcp => State::Fresh,
    };
    OptionCase::of(case.option.spec(), case.kind(), state, Api::Raw, request)
        .expect("the wire options take ints on inet sockets")
}

/// What the platform predicts from the option model's prediction for
/// `option_case(case)` (the read back, or the set's error) and its wire
/// model; `None` for a TCP case the OS has no packet-options read for.
pub fn predict(model: &WireModel, case: &WireCase, read: Prediction) -> Option<Prediction> {
    let tcp = match case.proto {
        Proto::Udp => None,
        Proto::Tcp => Some(model.tcp),
    };
    // Whether the OS can read TCP's value at all does not hang on the value.
    if let Some(tcp) = tcp {
        tcp(case.option, &Value::Int(0))?;
    }
    let mut rules = read.rules.clone();
    let value = match &read.expected {
        Expected::Err(_) => return Some(read),
        Expected::Ok(v) => v.value(),
    };
    let (carried, rule) = match tcp {
        None => {
            let (v, rule) = (model.carries)(case.option, &value);
            (v.to_string(), rule)
        }
        Some(tcp) => {
            let (v, rule) = tcp(case.option, &value)?;
            (v.map_or("none".to_string(), |v| v.to_string()), rule)
        }
    };
    rules.push(rule);
    rules.dedup_by_key(|r| r.id);
    Some(Prediction::ok(
        RelativeValue::text(&text(case, &value.to_string(), &carried)),
        rules,
    ))
}

/// The read back depends on no host fact, so the row can be stored in a
/// snapshot byte for byte (a default TTL follows a sysctl, say).
pub fn host_independent(read: &Prediction) -> bool {
    match &read.expected {
        Expected::Ok(v) => v.to_string() == v.value().to_string(),
        Expected::Err(_) => true,
    }
}
