//! Behaviours measured here: every case of each group as the host's model
//! predicts it, and the outcomes as a snapshot per group (`behaviour@<os>`
//! for dual-stack listeners, `behaviour-dual-stack-udp@<os>` for dual-stack
//! UDP receivers, `behaviour-bind@<os>` for bind and reuse,
//! `behaviour-broadcast@<os>` for loopback broadcast, `behaviour-linger@<os>`
//! for linger and close, `behaviour-wire@<os>` for header values,
//! `behaviour-timing@<os>` for timeouts and the low-water mark,
//! `behaviour-bind-other-user@<os>` for a second bind by another uid, run
//! only as root on Linux).

use crate::common::{available, host};
use sockmatrix::behaviour::{self, Group};
use sockmatrix::kind::Kind;
use sockmatrix::render;

/// Runs every case of `group` the host's model answers; a disagreement is
/// run again on fresh ports (twice at most) before it counts, since other
/// tests take loopback ports too. Then the snapshot.
fn behaves_as_the_model_says(group: Group, snapshot: &str) {
    if host().probe().is_some() {
        eprintln!("skipped: a probe runs another kernel's options, not these sockets");
        return;
    }
    if !available(Kind::Tcp6) || !available(Kind::Tcp4) {
        return;
    }
    if !group.runs_here() {
        eprintln!("skipped: {} may not run on this OS", group.name());
        return;
    }
    let platform = host().platform();
    let mut observed = Vec::new();
    let mut failures = Vec::new();
    let mut again = 0;
    for case in behaviour::cases(group) {
        let Some(p) = sockmatrix::engine::behaviours::predict(&case, platform) else {
            continue;
        };
        let expected = p.expected.outcome();
        let mut seen = case.observe();
        for _ in 0..2 {
            if seen == expected {
                break;
            }
            again += 1;
            seen = case.observe();
        }
        if seen != expected {
            failures.push(format!(
                "{case}: {seen}, the model ({}) says {}",
                p.rule_id(),
                p.expected
            ));
        }
        observed.push((case, seen, p.rule_id()));
    }
    assert!(
        !observed.is_empty(),
        "every measured platform models {}",
        group.name()
    );
    eprintln!(
        "{}: {} cases, {} disagree, {again} runs again",
        group.name(),
        observed.len(),
        failures.len()
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let name = sockmatrix::snapshot::Name {
        name: snapshot.into(),
        suffix: host().os_label().into(),
    };
    crate::common::assert_whole_snapshot(&name, render::behaviour::snapshot(platform, &observed));
}

#[test]
fn dual_stack_listeners_behave_as_the_model_says() {
    behaves_as_the_model_says(Group::DualStack, "behaviour");
}

#[test]
fn bind_and_reuse_behave_as_the_model_says() {
    behaves_as_the_model_says(Group::Bind, "behaviour-bind");
}

#[test]
fn loopback_broadcast_behaves_as_the_model_says() {
    behaves_as_the_model_says(Group::Broadcast, "behaviour-broadcast");
}

#[test]
fn linger_and_close_behave_as_the_model_says() {
    behaves_as_the_model_says(Group::Linger, "behaviour-linger");
}

#[test]
fn header_values_are_what_the_model_says() {
    behaves_as_the_model_says(Group::Wire, "behaviour-wire");
}

#[test]
fn timeouts_and_low_water_marks_act_as_the_model_says() {
    behaves_as_the_model_says(Group::Timing, "behaviour-timing");
}

#[test]
fn a_second_bind_by_another_uid_is_what_the_model_says() {
    behaves_as_the_model_says(Group::BindOtherUser, "behaviour-bind-other-user");
}

#[test]
fn dual_stack_udp_receivers_behave_as_the_model_says() {
    behaves_as_the_model_says(Group::DualStackUdp, "behaviour-dual-stack-udp");
}
