//! Bind and reuse: a first socket takes a loopback port with some reuse
//! options and is left in some state; a second socket, with its own
//! options, binds the same port on the same, a wider or a narrower address,
//! or across the IPv4/IPv6 line. The outcome is bind's result, then for TCP
//! listen's (the second's, and the first's when it had only bound: Linux
//! checks again at listen), and for UDP which socket receives the
//! datagrams eight clients send to 127.0.0.1 at that port.
//!
//! Every OS answers with the same plan (`predict`): nothing holds the port
//! of a closed socket, then the OS's own steps (`BindModel`) decide bind,
//! listen and delivery, each naming its rule.

use crate::prediction::{Expected, Prediction};
use crate::rule::Rule;
use crate::value::RelativeValue;
use std::fmt;

/// The transport both sockets use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Proto {
    Tcp,
    Udp,
}

/// The reuse options a socket sets before bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Reuse {
    /// None of them.
    None,
    /// SO_REUSEADDR.
    Addr,
    /// SO_REUSEPORT.
    Port,
    /// SO_REUSEADDR and SO_REUSEPORT.
    AddrPort,
    /// Windows' SO_EXCLUSIVEADDRUSE.
    Exclusive,
    /// FreeBSD's SO_REUSEPORT_LB.
    PortLb,
}

impl Reuse {
    /// Every set, in the tables' order.
    pub const ALL: [Reuse; 6] = [
        Reuse::None,
        Reuse::Addr,
        Reuse::Port,
        Reuse::AddrPort,
        Reuse::Exclusive,
        Reuse::PortLb,
    ];

    /// SO_REUSEADDR is among them.
    pub fn addr(self) -> bool {
        matches!(self, Reuse::Addr | Reuse::AddrPort)
    }

    /// SO_REUSEPORT is among them.
    pub fn port(self) -> bool {
        matches!(self, Reuse::Port | Reuse::AddrPort)
    }

    /// The label the tables use.
    pub fn label(self) -> &'static str {
        match self {
            Reuse::None => "none",
            Reuse::Addr => "REUSEADDR",
            Reuse::Port => "REUSEPORT",
            Reuse::AddrPort => "REUSEADDR+PORT",
            Reuse::Exclusive => "EXCLUSIVEADDRUSE",
            Reuse::PortLb => "REUSEPORT_LB",
        }
    }
}

/// An address a socket binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Addr {
    /// 127.0.0.1.
    V4Loopback,
    /// 0.0.0.0.
    V4Any,
    /// `::` with IPV6_V6ONLY 0: IPv4 too.
    V6AnyDual,
    /// `::` with IPV6_V6ONLY 1.
    V6AnyOnly,
}

impl Addr {
    /// The label the tables use.
    pub fn label(self) -> &'static str {
        match self {
            Addr::V4Loopback => "127.0.0.1",
            Addr::V4Any => "0.0.0.0",
            Addr::V6AnyDual => ":: v6only=0",
            Addr::V6AnyOnly => ":: v6only=1",
        }
    }

    /// A wildcard of its family (every address).
    pub fn wildcard(self) -> bool {
        self != Addr::V4Loopback
    }
}

/// The two addresses, first then second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Both 127.0.0.1.
    Same,
    /// 127.0.0.1, then 0.0.0.0.
    WildcardAfterSpecific,
    /// 0.0.0.0, then 127.0.0.1.
    SpecificAfterWildcard,
    /// `::` v6only 0, then 0.0.0.0.
    V4AfterDual,
    /// `::` v6only 1, then 0.0.0.0.
    V4AfterV6only,
    /// 0.0.0.0, then `::` v6only 0.
    DualAfterV4,
    /// 0.0.0.0, then `::` v6only 1.
    V6onlyAfterV4,
}

impl Relation {
    /// Every relation, in the tables' order.
    pub const ALL: [Relation; 7] = [
        Relation::Same,
        Relation::WildcardAfterSpecific,
        Relation::SpecificAfterWildcard,
        Relation::V4AfterDual,
        Relation::V4AfterV6only,
        Relation::DualAfterV4,
        Relation::V6onlyAfterV4,
    ];

    /// The first socket's address and the second's.
    pub fn addrs(self) -> (Addr, Addr) {
        match self {
            Relation::Same => (Addr::V4Loopback, Addr::V4Loopback),
            Relation::WildcardAfterSpecific => (Addr::V4Loopback, Addr::V4Any),
            Relation::SpecificAfterWildcard => (Addr::V4Any, Addr::V4Loopback),
            Relation::V4AfterDual => (Addr::V6AnyDual, Addr::V4Any),
            Relation::V4AfterV6only => (Addr::V6AnyOnly, Addr::V4Any),
            Relation::DualAfterV4 => (Addr::V4Any, Addr::V6AnyDual),
            Relation::V6onlyAfterV4 => (Addr::V4Any, Addr::V6AnyOnly),
        }
    }

    /// One side is an IPv6-only socket and the other IPv4: they never
    /// share an address.
    pub fn v6only_against_v4(self) -> bool {
        matches!(self, Relation::V4AfterV6only | Relation::V6onlyAfterV4)
    }
}

/// What the first socket did after bind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FirstState {
    /// Bound only.
    Bound,
    /// Listening (TCP).
    Listening,
    /// Connected to another loopback socket.
    Connected,
    /// Closed first after a connection, so its end waits in TIME_WAIT
    /// (TCP).
    TimeWait,
    /// Bound, then closed.
    Closed,
}

impl FirstState {
    /// The label the tables use.
    pub fn label(self) -> &'static str {
        match self {
            FirstState::Bound => "bound",
            FirstState::Listening => "listening",
            FirstState::Connected => "connected",
            FirstState::TimeWait => "time-wait",
            FirstState::Closed => "closed",
        }
    }
}

/// One bind-and-reuse case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct BindCase {
    pub proto: Proto,
    pub first: Reuse,
    pub state: FirstState,
    pub relation: Relation,
    pub second: Reuse,
}

impl BindCase {
    /// The cells the tables show, before the outcome: transport, the
    /// first's options, address and state, the second's options and
    /// address.
    pub fn columns(&self) -> [String; 6] {
        let (a1, a2) = self.relation.addrs();
        let proto = match self.proto {
            Proto::Tcp => "tcp",
            Proto::Udp => "udp",
        };
        [
            proto.to_string(),
            self.first.label().to_string(),
            a1.label().to_string(),
            self.state.label().to_string(),
            self.second.label().to_string(),
            a2.label().to_string(),
        ]
    }
}

impl fmt::Display for BindCase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [proto, first, a1, state, second, a2] = self.columns();
        write!(f, "{proto} {first} on {a1} {state}, then {second} on {a2}")
    }
}

/// The states a first socket of `proto` takes on `relation`: TCP listens
/// and waits in TIME_WAIT, UDP does neither; connected and TIME_WAIT first
/// sockets are bound to 127.0.0.1 only, since connect() on a wildcard
/// socket picks its address and makes it another case.
pub fn states(proto: Proto, relation: Relation) -> Vec<FirstState> {
    let specific = relation.addrs().0 == Addr::V4Loopback;
    let all = [
        FirstState::Bound,
        FirstState::Listening,
        FirstState::Connected,
        FirstState::TimeWait,
        FirstState::Closed,
    ];
    all.into_iter()
        .filter(|s| match s {
            FirstState::Listening => proto == Proto::Tcp,
            FirstState::TimeWait => proto == Proto::Tcp && specific,
            FirstState::Connected => specific,
            _ => true,
        })
        .collect()
}

/// Every case with the reuse sets in `sets`.
pub fn cases(sets: &[Reuse]) -> Vec<BindCase> {
    let mut out = Vec::new();
    for proto in [Proto::Tcp, Proto::Udp] {
        for relation in Relation::ALL {
            for state in states(proto, relation) {
                for &first in sets {
                    for &second in sets {
                        out.push(BindCase {
                            proto,
                            first,
                            state,
                            relation,
                            second,
                        });
                    }
                }
            }
        }
    }
    out
}

/// Which of the two sockets received the clients' datagrams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Receiver {
    First,
    Second,
    /// Each got some: a group spreads them by a hash of the sender.
    Both,
    /// The OS does not say which (Microsoft: "indeterminate").
    Either,
    /// Neither did.
    Neither,
}

impl Receiver {
    /// The label the outcome uses.
    pub fn label(self) -> &'static str {
        match self {
            Receiver::First => "received by first",
            Receiver::Second => "received by second",
            Receiver::Both => "received by both",
            Receiver::Either => "received by one (which: not said)",
            Receiver::Neither => "received by neither",
        }
    }
}

/// One step's result: `None` for success or the error's name, and the rule.
#[derive(Debug, Clone, Copy)]
pub struct Step {
    pub error: Option<&'static str>,
    pub rule: &'static Rule,
}

impl Step {
    /// The step succeeds by `rule`.
    pub fn ok(rule: &'static Rule) -> Step {
        Step { error: None, rule }
    }

    /// The step fails with `error` by `rule`.
    pub fn fails(error: &'static str, rule: &'static Rule) -> Step {
        Step {
            error: Some(error),
            rule,
        }
    }

    fn text(&self) -> &'static str {
        self.error.unwrap_or("ok")
    }
}

/// What one OS does when a second socket binds a port: its steps, each a
/// function of the case naming its rule. `predict` walks them in the same
/// order for every OS.
#[derive(Debug, Clone, Copy)]
pub struct BindModel {
    /// The reuse sets the OS has.
    pub sets: &'static [Reuse],
    /// A closed first socket holds nothing: bind and listen succeed (UDP
    /// delivery is still `receiver`'s to say).
    pub closed: &'static Rule,
    /// The second socket's bind (the first is not closed).
    pub bind: fn(&BindCase) -> Step,
    /// TCP: the second socket's listen, after its bind succeeded.
    pub listen: fn(&BindCase) -> Step,
    /// TCP: the first socket's listen when it had only bound, after the
    /// second's.
    pub first_listen: fn(&BindCase) -> Step,
    /// UDP: which socket receives, after the second's bind succeeded (the
    /// first may be closed).
    pub receiver: fn(&BindCase) -> (Receiver, &'static Rule),
    /// The second socket's bind when another (unprivileged) uid makes it;
    /// `None` where the OS model has no users to tell apart (Wine).
    pub other_user: Option<fn(&BindCase) -> Step>,
    /// Every rule the steps can name.
    pub rules: &'static [&'static Rule],
}

/// The outcome's text after a successful bind: `listen ok` and, for a
/// first socket that had only bound, `first's listen <result>`; or the
/// receiver.
pub fn after_bind(listen: Option<(&str, Option<&str>)>, receiver: Option<Receiver>) -> String {
    let mut out = "bind ok".to_string();
    if let Some((second, first)) = listen {
        out.push_str(&format!("; listen {second}"));
        if let Some(first) = first {
            out.push_str(&format!("; first's listen {first}"));
        }
    }
    if let Some(r) = receiver {
        out.push_str(&format!("; {}", r.label()));
    }
    out
}

/// What `model` predicts for `case`; `None` where the OS lacks one of the
/// case's options.
pub fn predict(model: &BindModel, case: &BindCase) -> Option<Prediction> {
    if !model.sets.contains(&case.first) || !model.sets.contains(&case.second) {
        return None;
    }
    let first_bound = case.state == FirstState::Bound;
    if case.state == FirstState::Closed {
        let (text, rules) = match case.proto {
            Proto::Tcp => (after_bind(Some(("ok", None)), None), vec![model.closed]),
            Proto::Udp => {
                let (receiver, rule) = (model.receiver)(case);
                (after_bind(None, Some(receiver)), vec![model.closed, rule])
            }
        };
        return Some(Prediction::ok(RelativeValue::text(&text), dedup(rules)));
    }
    let bind = (model.bind)(case);
    let mut rules = vec![bind.rule];
    if let Some(error) = bind.error {
        return Some(Prediction::new(Expected::Err(error), rules));
    }
    let text = match case.proto {
        Proto::Tcp => {
            let listen = (model.listen)(case);
            rules.push(listen.rule);
            let first = first_bound.then(|| (model.first_listen)(case));
            if let Some(step) = first {
                rules.push(step.rule);
            }
            after_bind(Some((listen.text(), first.map(|s| s.text()))), None)
        }
        Proto::Udp => {
            let (receiver, rule) = (model.receiver)(case);
            rules.push(rule);
            after_bind(None, Some(receiver))
        }
    };
    Some(Prediction::ok(RelativeValue::text(&text), dedup(rules)))
}

/// The other-user cases: the same address and a specific one after the
/// wildcard, every state and reuse set.
pub fn other_user_cases(sets: &[Reuse]) -> Vec<BindCase> {
    cases(sets)
        .into_iter()
        .filter(|c| matches!(c.relation, Relation::Same | Relation::SpecificAfterWildcard))
        .collect()
}

/// What `model` predicts when another uid makes the second socket: bind's
/// result and, for TCP, listen's (the child that made it exits then; who
/// receives is not asked). `None` where the OS lacks an option or the
/// model has no users.
pub fn predict_other_user(model: &BindModel, case: &BindCase) -> Option<Prediction> {
    let other_user = model.other_user?;
    if !model.sets.contains(&case.first) || !model.sets.contains(&case.second) {
        return None;
    }
    let bind = match case.state {
        FirstState::Closed => Step::ok(model.closed),
        _ => other_user(case),
    };
    let mut rules = vec![bind.rule];
    if let Some(error) = bind.error {
        return Some(Prediction::new(Expected::Err(error), rules));
    }
    let text = match case.proto {
        Proto::Tcp => {
            let listen = match case.state {
                FirstState::Closed => Step::ok(model.closed),
                _ => (model.listen)(case),
            };
            rules.push(listen.rule);
            after_bind(Some((listen.text(), None)), None)
        }
        Proto::Udp => after_bind(None, None),
    };
    Some(Prediction::ok(RelativeValue::text(&text), dedup(rules)))
}

fn dedup(mut rules: Vec<&'static Rule>) -> Vec<&'static Rule> {
    rules.dedup_by_key(|r| r.id);
    rules
}
