//! The prediction for one case: the gate (`gate`), the path's conversion of
//! the request (`library`), the platform's rule for what the OS does with
//! it, then the path's conversion of what is read back. Pure: no socket is
//! touched, so any platform's model can be asked anywhere.

use crate::case::{Case, Request};
use crate::library::{self, Sent};
use crate::platform::{Asked, Platform};
use crate::prediction::{Expected, Prediction};

/// What the OS will report for the case, with every rule on the way.
pub fn predict(case: &Case, platform: &dyn Platform) -> Prediction {
    if let Some(refused) = crate::gate::refusal(case, platform) {
        return refused;
    }
    let os = platform.os();
    let mut rules = Vec::new();
    // A library that sends a number the OS's headers leave unnamed.
    rules.extend(library::unnamed_number(os, case.api, case.option).map(|(_, rule)| rule));
    let on = library::On::case(os, case);
    let (option, request) = match library::request(on, case.option, &case.request, &mut rules) {
        Sent::Os(option, request) => (option, request),
        Sent::Refused(expected) => return Prediction::new(expected, rules),
    };
    let asked = Asked {
        option,
        kind: case.kind,
        state: case.state,
        api: case.api,
        request: &request,
    };
    let ask = |asked: Asked<'_>| {
        platform
            .refusal(&asked)
            .unwrap_or_else(|| platform.predict(asked))
    };
    // A getter that reads another option: a plain read is that option's
    // read, and a set that worked answers with it too.
    let getter = library::getter_reads(on, case.option);
    let mut kernel = match getter {
        Some((other, rule)) if request == Request::Default => {
            let mut read = ask(Asked {
                option: other,
                ..asked
            });
            read.rules.insert(0, rule);
            read
        }
        _ => ask(asked),
    };
    if let (Some((other, rule)), Request::Set(_), Expected::Ok(_)) = (getter, &request, &kernel.expected) {
        let read = ask(Asked {
            option: other,
            request: &Request::Default,
            ..asked
        });
        kernel.rules.push(rule);
        kernel.rules.extend(read.rules);
        kernel.expected = read.expected;
    }
    rules.extend(kernel.rules);
    let expected = library::read_back(on, case.option, kernel.expected, &mut rules);
    Prediction::new(expected, rules)
}
