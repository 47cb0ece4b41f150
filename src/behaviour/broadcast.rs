//! Broadcast on loopback: a UDP socket sends to the loopback broadcast
//! address 127.255.255.255 (or, as a control, to 127.0.0.1) with
//! SO_BROADCAST left at its default, off or on, and a receiver bound to
//! 0.0.0.0 or to 127.0.0.1 at that port says whether the datagram came.
//! Only loopback addresses: never a LAN broadcast.

use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// SO_BROADCAST on the sender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Flag {
    /// Not set: the OS's default.
    Default,
    Off,
    On,
}

/// The receiver's address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Receiver {
    /// 0.0.0.0.
    Any,
    /// 127.0.0.1.
    Loopback,
}

/// Where the datagram goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum To {
    /// 127.255.255.255, the loopback network's broadcast address.
    Broadcast,
    /// 127.0.0.1: the control.
    Loopback,
}

/// One broadcast case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Broadcast {
    pub flag: Flag,
    pub receiver: Receiver,
    pub to: To,
}

impl fmt::Display for Broadcast {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let flag = match self.flag {
            Flag::Default => "default",
            Flag::Off => "0",
            Flag::On => "1",
        };
        let receiver = match self.receiver {
            Receiver::Any => "0.0.0.0",
            Receiver::Loopback => "127.0.0.1",
        };
        let to = match self.to {
            To::Broadcast => "127.255.255.255",
            To::Loopback => "127.0.0.1",
        };
        write!(
            f,
            "udp4 SO_BROADCAST={flag} sends to {to}, receiver on {receiver}"
        )
    }
}

/// Every broadcast case.
pub fn cases() -> Vec<Broadcast> {
    let mut out = Vec::new();
    for flag in [Flag::Default, Flag::Off, Flag::On] {
        for to in [To::Broadcast, To::Loopback] {
            for receiver in [Receiver::Any, Receiver::Loopback] {
                out.push(Broadcast { flag, receiver, to });
            }
        }
    }
    out
}

/// A datagram sent and taken by the receiver.
pub const RECEIVED: &str = "sent; received";
/// A datagram sent that the receiver never got.
pub const NOT_RECEIVED: &str = "sent; not received";

/// What one OS does with a send to 127.255.255.255, as data: one plan
/// (`predict`) answers every case from these facts.
#[derive(Debug, Clone, Copy)]
pub struct BroadcastModel {
    /// SO_BROADCAST's default (0 everywhere), and the rule.
    pub default_on: bool,
    pub default_rule: &'static Rule,
    /// The send's result without SO_BROADCAST: `None` when it is sent, or
    /// the error's name.
    pub without: Option<&'static str>,
    pub without_rule: &'static Rule,
    /// The send's result with SO_BROADCAST.
    pub with: Option<&'static str>,
    pub with_rule: &'static Rule,
    /// A sent broadcast reaches a receiver on 0.0.0.0, and one on
    /// 127.0.0.1; with the rule that says so.
    pub to_any: bool,
    pub to_specific: bool,
    pub delivery_rule: &'static Rule,
    /// A unicast datagram to 127.0.0.1 reaches either receiver.
    pub unicast: &'static Rule,
}

/// What `model` predicts for the case.
pub fn predict(model: &BroadcastModel, case: &Broadcast) -> Prediction {
    if case.to == To::Loopback {
        return Prediction::ok(RelativeValue::text(RECEIVED), vec![model.unicast]);
    }
    let mut rules = Vec::new();
    let on = match case.flag {
        Flag::Default => {
            rules.push(model.default_rule);
            model.default_on
        }
        Flag::Off => false,
        Flag::On => true,
    };
    let (result, rule) = match on {
        true => (model.with, model.with_rule),
        false => (model.without, model.without_rule),
    };
    rules.push(rule);
    if let Some(error) = result {
        return Prediction::new(Expected::Err(error), rules);
    }
    rules.push(model.delivery_rule);
    let reaches = match case.receiver {
        Receiver::Any => model.to_any,
        Receiver::Loopback => model.to_specific,
    };
    let text = if reaches { RECEIVED } else { NOT_RECEIVED };
    rules.dedup_by_key(|r| r.id);
    Prediction::ok(RelativeValue::text(text), rules)
}

/// The rules a broadcast model can name.
pub fn rules(model: &BroadcastModel) -> Vec<&'static Rule> {
    let mut all = vec![
        model.default_rule,
        model.without_rule,
        model.with_rule,
        model.delivery_rule,
        model.unicast,
    ];
    all.dedup_by_key(|r| r.id);
    all
}
