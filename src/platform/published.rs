//! What the per-OS published-fact tests share: short constructors for a
//! case's request and expected outcome, and the check itself (the model's
//! prediction against the fact's value, never against the model's output).

use crate::api::Api;
use crate::case::{Case, Request};
use crate::kind::{Kind, State};
use crate::outcome::Outcome;
use crate::platform::Platform;
use crate::prediction::Prediction;
use crate::value::{RelativeValue, Value};

pub fn dflt() -> Request {
    Request::Default
}
pub fn set(v: i128) -> Request {
    Request::Set(RelativeValue::int(v))
}
pub fn linger(on: i128, secs: i128) -> Request {
    Request::Set(RelativeValue::linger(on, secs))
}
pub fn time(sec: i128, usec: i128) -> Request {
    Request::Set(RelativeValue::time(sec, usec))
}
pub fn text(s: &str) -> Request {
    Request::Set(RelativeValue::text(s))
}
pub fn ok(v: i128) -> Outcome {
    Outcome::Ok(Value::Int(v))
}
pub fn ok_linger(on: i128, secs: i128) -> Outcome {
    Outcome::Ok(Value::Linger(on, secs))
}
pub fn ok_time(sec: i128, usec: i128) -> Outcome {
    Outcome::Ok(Value::Time(sec, usec))
}
pub fn ok_text(s: &str) -> Outcome {
    Outcome::Ok(Value::Text(s.to_string()))
}
pub fn err(name: &str) -> Outcome {
    Outcome::Err(name.to_string())
}

/// The case a published fact describes, and what `model` predicts for it.
pub fn predicted(
    model: &dyn Platform,
    option: &str,
    kind: Kind,
    state: State,
    api: Api,
    request: Request,
) -> (Case, Prediction) {
    let case =
        Case::new(option, kind, state, api, request).expect("a catalogue option in a state its kind has");
    let prediction = crate::predict::predict(&case, model);
    (case, prediction)
}

/// Asserts that `model` predicts the fact's `expected` outcome; a failure
/// names the model (`label`), the rules that answered and the fact's source.
#[allow(clippy::too_many_arguments)]
pub fn assert_predicts(
    model: &dyn Platform,
    label: &str,
    option: &str,
    kind: Kind,
    state: State,
    api: Api,
    request: Request,
    expected: &Outcome,
    source: &str,
) {
    let (case, prediction) = predicted(model, option, kind, state, api, request);
    assert_eq!(
        &prediction.expected.outcome(),
        expected,
        "{case} on {label}: rules {} (published: {source})",
        prediction.rule_id()
    );
}
