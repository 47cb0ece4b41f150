//! The model: from a case and the host's facts, predict the value (or
//! error) the OS will report, with the rules that produced it. Pure
//! functions, no I/O: every OS's model compiles and can be tested anywhere.

pub mod linux;
pub mod socket2;

use crate::case::Case;
use crate::host::{Host, Os};
use crate::outcome::{Expected, Prediction};
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
    let request = match case.path {
        Path::Raw => case.request,
        Path::Socket2 => socket2::request(case.request, &mut rules),
    };
    let kernel = match (host.os, &host.linux) {
        (Os::Linux, Some(facts)) => linux::predict(case.option, case.kind, case.state, request, facts),
        _ => Prediction::new(Expected::Err("UNMODELLED"), vec![&UNMODELLED]),
    };
    rules.extend(kernel.rules);
    let expected = match case.path {
        Path::Raw => kernel.expected,
        Path::Socket2 => socket2::read_back(kernel.expected, &mut rules),
    };
    Prediction::new(expected, rules)
}

/// The OS's rule for an option as one formula with this host's numbers,
/// for the CLI's group headers.
pub fn formula(case: &Case, host: &Host) -> String {
    match (host.os, &host.linux) {
        (Os::Linux, Some(facts)) => linux::formula(case.option, case.kind, case.state, facts),
        _ => UNMODELLED.formula.to_string(),
    }
}

/// Whether the request reaches the kernel unchanged (used to name divergences).
pub fn is_path_rule(rule: &Rule) -> bool {
    rule.id.starts_with("socket2.")
}

/// Every rule any model can name, for `--explain` style listings and tests.
pub fn all_rules() -> Vec<&'static Rule> {
    let mut all = vec![&UNMODELLED];
    all.extend(socket2::RULES);
    all.extend(linux::RULES);
    all
}
