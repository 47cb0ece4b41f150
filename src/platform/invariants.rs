//! One test over every platform (each offline release of each OS, and
//! Wine): every case any path can put to a model gets an answer from a
//! listed rule, never UNMODELLED, and UNDEFINED exactly where the catalogue
//! has no number for the OS or the path has no call for the option.

use super::wine::Wine;
use super::Platform;
use crate::api::Api;
use crate::case::{Case, Request};
use crate::catalog::CATALOG;
use crate::gate::UNDEFINED;
use crate::host::Host;
use crate::kind::Kind;
use crate::os::Os;
use crate::prediction::Expected;
use std::sync::Arc;

/// Every model this crate can build, named for the failure messages.
fn every_platform() -> Vec<(String, Arc<dyn Platform>)> {
    let mut out: Vec<(String, Arc<dyn Platform>)> = Vec::new();
    for os in Os::MODELLED {
        for release in super::releases(os) {
            let host = Host::offline(os, Some(release)).expect("a modelled release");
            out.push((format!("{os}@{release}"), host.platform_arc()));
        }
    }
    out.push(("windows-wine".into(), Arc::new(Wine::offline())));
    out
}

/// The default read and every rung of the option's ladder at the model's
/// anchors (a rung the anchors cannot place is left out, as the matrix does).
fn requests(platform: &dyn Platform, option: &'static crate::option::OptionSpec) -> Vec<Request> {
    let anchors = platform.anchors(option);
    let mut out = vec![Request::Default];
    out.extend(
        option
            .ladder
            .iter()
            .filter_map(|r| r.resolve(&anchors))
            .map(Request::Set),
    );
    out
}

#[test]
fn every_case_on_every_platform_is_answered_by_a_listed_rule() {
    let mut failures = Vec::new();
    for (name, platform) in every_platform() {
        let os = platform.os();
        let mut listed = platform.rules();
        listed.extend(crate::library::rules());
        for option in CATALOG {
            for kind in Kind::ALL {
                for &state in kind.states() {
                    for api in Api::ALL {
                        let defined = crate::library::names(os, api, option);
                        let offered = crate::library::offers_case(os, api, option, kind, state);
                        for request in requests(platform.as_ref(), option) {
                            let case = Case::new(option.name, kind, state, api, request)
                                .expect("a ladder rung has its option's type");
                            let p = crate::predict::predict(&case, platform.as_ref());
                            let problem = if p.rules.is_empty() {
                                Some("no rule".to_string())
                            } else if let Some(r) = p.rules.iter().find(|r| !listed.contains(r)) {
                                Some(format!("rule {} is not listed", r.id))
                            } else if p.expected == Expected::Err("UNMODELLED") {
                                Some("UNMODELLED".to_string())
                            } else if (p.expected == Expected::Err(UNDEFINED)) != (!defined || !offered) {
                                Some(format!(
                                    "{} although the catalogue says defined={defined}, offered={offered}",
                                    p.expected
                                ))
                            } else {
                                None
                            };
                            if let Some(problem) = problem {
                                failures.push(format!("{name}: {case}: {problem} ({})", p.rule_id()));
                            }
                        }
                    }
                }
            }
        }
    }
    let shown: Vec<&String> = failures.iter().take(40).collect();
    assert!(
        failures.is_empty(),
        "{} failures, the first: {shown:#?}",
        failures.len()
    );
}

#[test]
fn every_platform_lists_each_rule_once() {
    for (name, platform) in every_platform() {
        let mut ids: Vec<&str> = platform.rules().iter().map(|r| r.id).collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n, "{name} lists a rule twice");
    }
}

#[test]
fn every_capacity_and_effect_answer_names_a_listed_rule() {
    use crate::capacity::Side;
    for (name, platform) in every_platform() {
        let listed = platform.rules();
        let unmodelled = |id: &str| id == super::UNMODELLED.id;
        for kind in Kind::ALL {
            for side in [Side::Send, Side::Receive] {
                for requested in [None, Some(4096), Some(1 << 20)] {
                    let Some(model) = platform.capacity_model() else {
                        continue;
                    };
                    let (_, rule) = model.capacity(kind, side, requested);
                    assert!(
                        unmodelled(rule.id) || listed.contains(&rule),
                        "{name}: capacity rule {} is not listed",
                        rule.id
                    );
                }
            }
            let Some(model) = platform.effect_model() else {
                continue;
            };
            for effect in crate::effect::EFFECTS.iter().filter(|e| e.kinds.contains(&kind)) {
                for r in model.predict_effect(effect, kind).rules {
                    assert!(listed.contains(&r), "{name}: effect rule {} is not listed", r.id);
                }
            }
        }
    }
}
