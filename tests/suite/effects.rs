//! Effects: one option changing another, values surviving connect and
//! traffic, and what accept() carries over from the listener. Each effect on
//! each kind asserts the final read equals the model's prediction.

use crate::common::host;
use rstest::rstest;
use sockmatrix::effect::EFFECTS;
use sockmatrix::engine;
use sockmatrix::kind::Kind;

#[rstest]
fn effect_on_kind(
    #[values(
        Kind::Tcp4,
        Kind::Tcp6,
        Kind::Udp4,
        Kind::Udp6,
        Kind::UnixStream,
        Kind::UnixDgram
    )]
    kind: Kind,
) {
    if !crate::common::available(kind) {
        return;
    }
    if host().platform().effect_model().is_none() {
        eprintln!("skipped: no model of effects for {}", host().os_label());
        return;
    }
    let mut failures = Vec::new();
    let mut ran = 0;
    for e in EFFECTS
        .iter()
        .filter(|e| e.kinds.contains(&kind) && e.available_on(host().os()))
    {
        let observed = engine::effects::observe(e, kind);
        let predicted = host()
            .platform()
            .effect_model()
            .expect("checked above")
            .predict_effect(e, kind);
        ran += 1;
        if !observed.fits(&predicted.expected.outcome()) {
            failures.push(format!(
                "{} on {kind} ({}): observed {observed}, model predicts {} by {}",
                e.id,
                e.describe(),
                predicted.expected,
                predicted.rule_id()
            ));
        }
    }
    if kind != Kind::UnixDgram && kind != Kind::Udp6 {
        assert!(ran > 0, "no effect ran on {kind}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
