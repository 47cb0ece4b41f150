//! What every prediction passes before any OS rule, decided once from data
//! the crate already holds: an option the OS's headers lack (the catalogue's
//! number column) unless the path sends a number of its own for it
//! (`library::names`), and a path with no call for the option (socket2's offer
//! table). A request of the wrong type never gets here: `Case::new` refuses
//! it. The level check and the kernel's own rules come after, per platform.

use crate::api::Api;
use crate::case::Case;
use crate::library;
use crate::platform::Platform;
use crate::prediction::Prediction;

/// The error name of an option a program cannot even name on the OS, or a
/// path cannot ask.
pub const UNDEFINED: &str = "UNDEFINED";

/// The gate's answer for a case, or `None` when the OS's model must decide.
pub fn refusal(case: &Case, platform: &dyn Platform) -> Option<Prediction> {
    let os = platform.os();
    if !library::names(os, case.api, case.option) {
        let header = platform.undefined(case.option.level());
        return Some(Prediction::err(UNDEFINED, vec![header]));
    }
    if !library::offers_case(os, case.api, case.option, case.kind, case.state) {
        return Some(Prediction::err(UNDEFINED, vec![library::no_call(case.api)]));
    }
    None
}

/// The rule for an option as one formula: the gate's where the OS lacks
/// the option, else the platform's own.
pub fn formula(
    platform: &dyn Platform,
    option: &crate::option::OptionSpec,
    kind: crate::kind::Kind,
    state: crate::kind::State,
) -> String {
    match option.codes.on(platform.os()) {
        None => {
            let rule = platform.undefined(option.level());
            let mut formula = format!("{} ({})", rule.formula, rule.id);
            for api in Api::ALL {
                if let Some((number, sent)) = library::unnamed_number(platform.os(), api, option) {
                    formula += &format!("; {api} sends number {number} all the same ({})", sent.id);
                }
            }
            formula
        }
        Some(_) => {
            let ask = |request: &crate::case::Request| {
                platform.refusal(&crate::platform::Asked {
                    option: crate::catalog::spec(option.id),
                    kind,
                    state,
                    api: Api::Raw,
                    request,
                })
            };
            let set = crate::case::Request::Set(crate::value::RelativeValue::int(0));
            match (ask(&set), ask(&crate::case::Request::Default)) {
                (Some(set), Some(get)) => format!(
                    "not handled by {kind} sockets: set {} ({}), get {} ({})",
                    set.expected,
                    set.rule_id(),
                    get.expected,
                    get.rule_id()
                ),
                _ => platform.formula(option, kind, state),
            }
        }
    }
}
