//! The model: from a case and the host's facts, predict the value (or
//! error) the OS will report, with the rules that produced it. Pure
//! functions, no I/O: every OS's model compiles and can be tested anywhere.

pub mod apple;
pub mod bsd;
pub mod freebsd;
pub mod linux;
pub mod socket2;
pub mod windows;
pub mod wine;

use crate::case::Case;
use crate::host::{Host, Os};
use crate::outcome::Prediction;
use crate::path::Path;
use crate::rule::Rule;

pub const UNMODELLED: Rule = Rule {
    id: "none.unmodelled",
    formula: "?",
    why: "no model exists for this OS yet, so nothing is predicted",
    source: "-",
};

/// The prediction for one case: the path's conversion of the request, the
/// kernel's rule, then the path's conversion of what is read back.
pub fn predict(case: &Case, host: &Host) -> Prediction {
    let mut rules = Vec::new();
    let shape = case.option.socket2;
    let request = match (case.path, shape) {
        (Path::Socket2, Some(shape)) => {
            socket2::request(shape, &case.request, &mut rules, host.os == Os::Windows)
        }
        _ => case.request.clone(),
    };
    let kernel = match (host.os, &host.linux, &host.wine, &host.bsd) {
        (Os::Linux, Some(facts), ..) => linux::predict(case.option, case.kind, case.state, &request, facts),
        (Os::Windows, _, Some(wine), _) => {
            let via_socket2 = case.path == Path::Socket2;
            wine::predict(case.option, case.kind, case.state, &request, via_socket2, wine)
        }
        (Os::Windows, _, None, _) => windows::predict(case.option, case.kind, &request),
        (Os::MacOs, .., Some(bsd)) => apple::predict(case.option, case.kind, &request, bsd),
        (Os::FreeBsd, .., Some(bsd)) => freebsd::predict(case.option, case.kind, &request, bsd),
        _ => Prediction::err("UNMODELLED", vec![&UNMODELLED]),
    };
    rules.extend(kernel.rules);
    let expected = match (case.path, shape) {
        (Path::Socket2, Some(shape)) => socket2::read_back(shape, kernel.expected, &mut rules),
        _ => kernel.expected,
    };
    Prediction::new(expected, rules)
}

/// The OS's rule for an option as one formula with this host's numbers,
/// for the CLI's group headers.
pub fn formula(case: &Case, host: &Host) -> String {
    match (host.os, &host.linux, &host.wine) {
        (Os::Linux, Some(facts), _) => linux::formula(case.option, case.kind, case.state, facts),
        (Os::Windows, _, Some(_)) => wine::formula(case.option, case.kind),
        _ => UNMODELLED.formula.to_string(),
    }
}

/// The predicted capacity of a buffer, where a rule covers it.
pub fn predict_capacity(
    kind: crate::kind::Kind,
    side: crate::capacity::Side,
    requested: Option<i32>,
    host: &Host,
) -> (Option<crate::capacity::Capacity>, &'static Rule) {
    match (host.os, &host.linux) {
        (Os::Linux, Some(facts)) => linux::capacity::predict(kind, side, requested, facts),
        _ => (None, &UNMODELLED),
    }
}

/// Whether this host's OS has a model of effects (only Linux so far).
pub fn models_effects(host: &Host) -> bool {
    host.os == Os::Linux && host.linux.is_some()
}

/// The prediction for an effect on one kind.
pub fn predict_effect(effect: &crate::effect::Effect, kind: crate::kind::Kind, host: &Host) -> Prediction {
    match (host.os, &host.linux) {
        (Os::Linux, Some(facts)) => linux::effects::predict(effect, kind, host, facts),
        _ => Prediction::err("UNMODELLED", vec![&UNMODELLED]),
    }
}

/// Whether a rule belongs to a path rather than to the OS (a divergence).
pub fn is_path_rule(rule: &Rule) -> bool {
    rule.id.starts_with("socket2.")
}

/// Every rule any model can name.
pub fn all_rules() -> Vec<&'static Rule> {
    let mut all = vec![&UNMODELLED];
    all.extend(socket2::RULES);
    all.extend(linux::rules());
    all.extend(wine::RULES);
    all.extend(windows::RULES);
    all.extend(apple::rules());
    all.extend(freebsd::rules());
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every rule any model can name carries a unique id, a formula, a
    /// reason and a source (only "not modelled" rules may lack one).
    #[test]
    fn every_rule_is_named_once_and_cites_a_source() {
        let rules = all_rules();
        let mut ids: Vec<&str> = rules.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "a rule id is used twice");
        for r in rules {
            assert!(
                !r.formula.is_empty() && !r.why.is_empty(),
                "{} is not explained",
                r.id
            );
            let unmodelled =
                r.id.ends_with("unmodelled") || r.id == "linux.wrong_type" || r.id.ends_with("measured_only");
            assert!(unmodelled || r.source != "-", "{} cites no source", r.id);
        }
    }
}
