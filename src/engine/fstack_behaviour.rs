//! Behaviours through F-Stack's probe: its `bind`, `dual` and `wire`
//! commands (the protocol is in `scripts/fstack/behaviour.c`) run a
//! bind-and-reuse, a dual-stack or a header-value case on FreeBSD's own
//! kernel code, and each answer becomes the outcome the same case has on a
//! host (`behaviour::bind::after_bind`, the dual-stack texts,
//! `behaviour::wire::text`). The other groups need timers, blocking calls
//! or another uid, which the probe lacks.

use super::fstack::Probe;
use crate::behaviour::bind::{after_bind, Addr, BindCase, FirstState, Proto, Receiver, Reuse};
use crate::behaviour::wire::{self, WireCase, WireOption};
use crate::behaviour::{Bound, Case, Client, DualStack, Group, V6only};
use crate::outcome::Outcome;
use crate::value::Value;

/// The groups the probe runs.
pub fn runs(group: Group) -> bool {
    matches!(
        group,
        Group::Bind | Group::DualStack | Group::DualStackUdp | Group::Wire | Group::WireTcp
    )
}

fn reuse(r: Reuse) -> Option<&'static str> {
    Some(match r {
        Reuse::None => "none",
        Reuse::Addr => "addr",
        Reuse::Port => "port",
        Reuse::AddrPort => "addrport",
        Reuse::PortLb => "portlb",
        // FreeBSD has no SO_EXCLUSIVEADDRUSE: its model asks no such case.
        Reuse::Exclusive => return None,
    })
}

fn addr(a: Addr) -> &'static str {
    match a {
        Addr::V4Loopback => "v4lo",
        Addr::V4Any => "v4any",
        Addr::V6AnyDual => "v6dual",
        Addr::V6AnyOnly => "v6only",
    }
}

/// The probe's line for a bind case; `None` for a reuse set FreeBSD lacks.
pub fn bind_line(case: &BindCase) -> Option<String> {
    let (a1, a2) = case.relation.addrs();
    let proto = match case.proto {
        Proto::Tcp => "tcp",
        Proto::Udp => "udp",
    };
    let state = match case.state {
        FirstState::Bound => "bound",
        FirstState::Listening => "listening",
        FirstState::Connected => "connected",
        FirstState::TimeWait => "timewait",
        FirstState::Closed => "closed",
    };
    Some(format!(
        "bind {proto} {} {} {state} {} {}",
        reuse(case.first)?,
        addr(a1),
        reuse(case.second)?,
        addr(a2)
    ))
}

/// The outcome an answer to `bind` stands for.
pub fn parse_bind(line: &str) -> Outcome {
    let text = |t: String| Outcome::Ok(Value::Text(t));
    let unexpected = || Outcome::NotRun(format!("the F-Stack probe answered {line:?}"));
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    match word {
        "err" => Outcome::Err(rest.to_string()),
        "na" => Outcome::NotRun(format!("not run under F-Stack: {rest}")),
        "ok" => {
            let Some(result) = rest.strip_prefix("text:") else {
                return unexpected();
            };
            if let Some(who) = result.strip_prefix("recv=") {
                let receiver = match who {
                    "first" => Receiver::First,
                    "second" => Receiver::Second,
                    "both" => Receiver::Both,
                    "neither" => Receiver::Neither,
                    _ => return unexpected(),
                };
                return text(after_bind(None, Some(receiver)));
            }
            let steps = result
                .strip_prefix("listen=")
                .and_then(|r| r.split_once(",first="));
            match steps {
                Some((second, "-")) => text(after_bind(Some((second, None)), None)),
                Some((second, first)) => text(after_bind(Some((second, Some(first))), None)),
                None => unexpected(),
            }
        }
        _ => unexpected(),
    }
}

/// The probe's line for a dual-stack case, TCP or (`udp`) UDP.
pub fn dual_line(case: &DualStack, udp: bool) -> String {
    let v6only = match case.v6only {
        V6only::Default => "default",
        V6only::Off => "0",
        V6only::On => "1",
    };
    let bound = match case.bound {
        Bound::Any => "any",
        Bound::Loopback => "lo",
    };
    let client = match case.client {
        Client::V4 => "v4",
        Client::V6 => "v6",
    };
    let proto = if udp { "udp" } else { "tcp" };
    format!("dual {proto} {v6only} {bound} {client}")
}

/// The outcome an answer to `dual` stands for: the texts a host run gives
/// (`accepted, peer ::1`, `received, from ::ffff:127.0.0.1`) or the error.
pub fn parse_dual(line: &str, udp: bool) -> Outcome {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    match (word, rest.strip_prefix("text:peer=")) {
        ("ok", Some(peer)) if udp => Outcome::Ok(Value::Text(format!("received, from {peer}"))),
        ("ok", Some(peer)) => Outcome::Ok(Value::Text(format!("accepted, peer {peer}"))),
        ("err", _) => Outcome::Err(rest.to_string()),
        ("na", _) => Outcome::NotRun(format!("not run under F-Stack: {rest}")),
        _ => Outcome::NotRun(format!("the F-Stack probe answered {line:?}")),
    }
}

/// The probe's line for a wire case; `None` for tcp4 (FreeBSD has no
/// IP_PKTOPTIONS, and its model asks no such case).
pub fn wire_line(case: &WireCase) -> Option<String> {
    let kind = match case.kind() {
        crate::kind::Kind::Tcp4 => return None,
        k => k.name(),
    };
    let option = match case.option {
        WireOption::Ttl => "ttl",
        WireOption::Tos => "tos",
        WireOption::Hops => "hops",
        WireOption::Tclass => "tclass",
    };
    let request = match case.value {
        None => "get".to_string(),
        Some(v) => format!("int:{v}"),
    };
    Some(format!("wire {kind} {option} {request}"))
}

/// The outcome an answer to `wire` stands for: `behaviour::wire::text` of
/// the read back and the carried value, or the set's error.
pub fn parse_wire(line: &str, case: &WireCase) -> Outcome {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let fields = rest
        .strip_prefix("text:read=")
        .and_then(|r| r.split_once(",carried="));
    match (word, fields) {
        ("ok", Some((read, carried))) => Outcome::Ok(Value::Text(wire::text(case, read, carried))),
        ("err", _) => Outcome::Err(rest.to_string()),
        ("na", _) => Outcome::NotRun(format!("not run under F-Stack: {rest}")),
        _ => Outcome::NotRun(format!("the F-Stack probe answered {line:?}")),
    }
}

impl Probe {
    /// The case run in F-Stack's stack; `None` for a group the probe does
    /// not run (`runs`).
    pub fn observe_behaviour(&self, case: &Case) -> Option<Outcome> {
        let line = match case {
            Case::Bind(c) => bind_line(c),
            Case::DualStack(c) => Some(dual_line(c, false)),
            Case::DualStackUdp(c) => Some(dual_line(c, true)),
            Case::Wire(c) => wire_line(c),
            _ => return None,
        };
        let Some(line) = line else {
            return Some(Outcome::NotRun(
                "FreeBSD has no such option (SO_EXCLUSIVEADDRUSE, IP_PKTOPTIONS)".to_string(),
            ));
        };
        let answer = match self.ask_line(&line) {
            Ok(answer) => answer,
            Err(e) => return Some(Outcome::NotRun(e)),
        };
        Some(match case {
            Case::DualStack(_) => parse_dual(&answer, false),
            Case::DualStackUdp(_) => parse_dual(&answer, true),
            Case::Wire(c) => parse_wire(&answer, c),
            _ => parse_bind(&answer),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::behaviour::bind::Relation;

    #[test]
    fn a_bind_case_becomes_the_probe_line() {
        let case = BindCase {
            proto: Proto::Tcp,
            first: Reuse::AddrPort,
            state: FirstState::TimeWait,
            relation: Relation::Same,
            second: Reuse::PortLb,
        };
        assert_eq!(
            bind_line(&case).as_deref(),
            Some("bind tcp addrport v4lo timewait portlb v4lo")
        );
        let exclusive = BindCase {
            first: Reuse::Exclusive,
            ..case
        };
        assert_eq!(bind_line(&exclusive), None);
    }

    #[test]
    fn a_dual_stack_case_becomes_the_probe_line_and_its_answer_the_hosts_text() {
        let case = DualStack {
            v6only: V6only::Off,
            bound: Bound::Any,
            client: Client::V4,
        };
        assert_eq!(dual_line(&case, false), "dual tcp 0 any v4");
        assert_eq!(dual_line(&case, true), "dual udp 0 any v4");
        assert_eq!(
            parse_dual("ok text:peer=::ffff:127.0.0.1", false),
            Outcome::Ok(Value::Text(crate::behaviour::REACHED_V4_MAPPED.into()))
        );
        assert_eq!(
            parse_dual("ok text:peer=::1", true),
            Outcome::Ok(Value::Text(crate::behaviour::dual_stack::RECEIVED_V6.into()))
        );
        assert_eq!(
            parse_dual("err ECONNREFUSED", true),
            Outcome::Err("ECONNREFUSED".into())
        );
        assert!(matches!(parse_dual("ok 1", false), Outcome::NotRun(_)));
        assert!(matches!(
            parse_dual("na bind:EADDRINUSE", false),
            Outcome::NotRun(_)
        ));
    }

    #[test]
    fn a_wire_case_becomes_the_probe_line_and_its_answer_the_hosts_text() {
        use crate::behaviour::bind::Proto;
        let udp = WireCase {
            proto: Proto::Udp,
            option: WireOption::Hops,
            value: Some(-1),
        };
        assert_eq!(wire_line(&udp).as_deref(), Some("wire udp6 hops int:-1"));
        assert_eq!(
            parse_wire("ok text:read=-1,carried=64", &udp),
            Outcome::Ok(Value::Text("getsockopt -1; wire 64".into()))
        );
        let tcp = WireCase {
            proto: Proto::Tcp,
            option: WireOption::Tclass,
            value: None,
        };
        assert_eq!(wire_line(&tcp).as_deref(), Some("wire tcp6 tclass get"));
        assert_eq!(
            parse_wire("ok text:read=0,carried=none", &tcp),
            Outcome::Ok(Value::Text("getsockopt 0; IPV6_2292PKTOPTIONS none".into()))
        );
        let tcp4 = WireCase {
            option: WireOption::Ttl,
            ..tcp
        };
        assert_eq!(wire_line(&tcp4), None);
        assert_eq!(parse_wire("err EINVAL", &udp), Outcome::Err("EINVAL".into()));
        assert!(matches!(parse_wire("ok text:read=1", &udp), Outcome::NotRun(_)));
    }

    #[test]
    fn answers_become_the_outcomes_a_host_run_gives() {
        let text = |s: &str| Outcome::Ok(Value::Text(s.into()));
        assert_eq!(parse_bind("err EADDRINUSE"), Outcome::Err("EADDRINUSE".into()));
        assert_eq!(
            parse_bind("ok text:listen=ok,first=-"),
            text("bind ok; listen ok")
        );
        assert_eq!(
            parse_bind("ok text:listen=ok,first=EADDRINUSE"),
            text("bind ok; listen ok; first's listen EADDRINUSE")
        );
        assert_eq!(parse_bind("ok text:recv=both"), text("bind ok; received by both"));
        assert!(matches!(
            parse_bind("na connect:ECONNREFUSED"),
            Outcome::NotRun(_)
        ));
        assert!(matches!(parse_bind("ok text:recv=all"), Outcome::NotRun(_)));
        assert!(matches!(parse_bind("ok 5"), Outcome::NotRun(_)));
        assert!(matches!(parse_bind("bad bind"), Outcome::NotRun(_)));
    }
}
