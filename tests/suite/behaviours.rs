//! Behaviours measured here: every dual-stack case as the host's model
//! predicts it, and the explicit settings' outcomes as a snapshot
//! (`behaviour@<os>`).

use crate::common::{available, host};
use sockmatrix::behaviour::{self, observe};
use sockmatrix::kind::Kind;
use sockmatrix::render;

#[test]
fn dual_stack_listeners_behave_as_the_model_says() {
    if host().probe().is_some() {
        eprintln!("skipped: a probe runs another kernel's options, not these sockets");
        return;
    }
    if !available(Kind::Tcp6) || !available(Kind::Tcp4) {
        return;
    }
    let model = host()
        .platform()
        .dual_stack()
        .expect("every measured platform has a dual-stack model");
    let mut observed = Vec::new();
    let mut failures = Vec::new();
    for case in behaviour::dual_stack_cases() {
        let seen = observe::dual_stack(&case);
        let p = behaviour::predict(&model, &case);
        if seen != p.expected.outcome() {
            failures.push(format!(
                "{case}: {seen}, the model ({}) says {}",
                p.rule_id(),
                p.expected
            ));
        }
        observed.push((case, seen, p.rule_id()));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let name = sockmatrix::snapshot::Name {
        name: "behaviour".into(),
        suffix: host().os_label().into(),
    };
    crate::common::assert_whole_snapshot(&name, render::behaviour::snapshot(&observed));
}
