//! The prediction for one case: the gate (`gate`), the path's conversion of the request
//! (socket2's casts), the platform's rule for what the OS does with it, then
//! the path's conversion of what is read back. Pure: no socket is touched,
//! so any platform's model can be asked anywhere.

use crate::api::Api;
use crate::case::Case;
use crate::os::Os;
use crate::platform::{Asked, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::socket2_casts;

/// What the OS will report for the case, with every rule on the way.
pub fn predict(case: &Case, platform: &dyn Platform) -> Prediction {
    if let Some(refused) = crate::gate::refusal(case, platform) {
        return refused;
    }
    let mut rules = Vec::new();
    let shape = case.option.socket2;
    let windows = platform.os() == Os::Windows;
    let request = match (case.api, shape) {
        (Api::Socket2, Some(shape)) => socket2_casts::request(shape, &case.request, &mut rules, windows),
        _ => case.request.clone(),
    };
    let asked = Asked {
        option: case.option,
        kind: case.kind,
        state: case.state,
        api: case.api,
        request: &request,
    };
    let kernel = platform
        .refusal(&asked)
        .unwrap_or_else(|| platform.predict(asked));
    rules.extend(kernel.rules);
    let expected = match (case.api, shape) {
        (Api::Socket2, Some(shape)) => socket2_casts::read_back(shape, kernel.expected, &mut rules),
        _ => kernel.expected,
    };
    Prediction::new(expected, rules)
}

/// Whether a rule belongs to a path rather than to the OS (a divergence).
pub fn is_path_rule(rule: &Rule) -> bool {
    rule.id.starts_with("socket2.")
}
