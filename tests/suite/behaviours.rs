//! Behaviours measured here: every case of each group as the host's model
//! predicts it, and the outcomes as a snapshot per group (`behaviour@<os>`
//! for dual-stack listeners, `behaviour-dual-stack-udp@<os>` for dual-stack
//! UDP receivers, `behaviour-bind@<os>` for bind and reuse,
//! `behaviour-broadcast@<os>` for loopback broadcast, `behaviour-linger@<os>`
//! for linger and close, `behaviour-wire@<os>` for header values (and
//! `behaviour-wire-tcp@<os>` for TCP's packet options),
//! `behaviour-timing@<os>` for timeouts and the low-water mark,
//! `behaviour-bind-other-user@<os>` for a second bind by another uid, run
//! only as root on Linux).

use crate::common::host;
use sockmatrix::behaviour::Group;
use sockmatrix::engine;
use sockmatrix::host::Host;
use sockmatrix::render;

/// Runs every case of `group` the host's model answers and the host can
/// make (`engine::behaviours::run_group`: a disagreement runs again on
/// fresh ports, twice at most, since other tests take loopback ports too).
/// Then the snapshot, when no case was left out for a kind the host lacks.
fn behaves_as_the_model_says(group: Group, snapshot: &str) {
    if host().probe().is_some() {
        eprintln!("skipped: a probe runs another kernel's sockets (tests/suite/fstack.rs asks it)");
        return;
    }
    if !group.runs_here() {
        eprintln!("skipped: {} may not run on this OS", group.name());
        return;
    }
    check_group(host(), group, snapshot);
}

/// The group's run on `host` (this one, or F-Stack's stack through its
/// probe) against its model, then its snapshot `<snapshot>@<os label>`.
pub fn check_group(host: &Host, group: Group, snapshot: &str) {
    let run = engine::behaviours::run_group(host, group);
    let failures: Vec<String> = run
        .rows
        .iter()
        .filter(|r| !r.observed.fits(&r.prediction.expected.outcome()))
        .map(|r| {
            format!(
                "{}: {}, the model ({}) says {}",
                r.case,
                r.observed,
                r.prediction.rule_id(),
                r.prediction.expected
            )
        })
        .collect();
    eprintln!(
        "{}: {} cases, {} disagree, {} runs again, {} left out",
        group.name(),
        run.rows.len(),
        failures.len(),
        run.again,
        run.skipped
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    if run.skipped > 0 {
        eprintln!("snapshot not compared: cases were left out for kinds this host lacks");
        return;
    }
    assert!(
        !run.rows.is_empty(),
        "every measured platform models {}",
        group.name()
    );
    let observed: Vec<_> = run
        .rows
        .into_iter()
        .map(|r| {
            let rule = r.prediction.rule_id();
            (r.case, r.observed, rule)
        })
        .collect();
    let suffix = match host.platform().behaviour_variant(group) {
        Some(variant) => format!("{}-{variant}", host.os_label()),
        None => host.os_label().to_string(),
    };
    let name = sockmatrix::snapshot::Name {
        name: snapshot.into(),
        suffix,
    };
    let platform = host.platform();
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
fn tcp_packet_options_are_what_the_model_says() {
    behaves_as_the_model_says(Group::WireTcp, "behaviour-wire-tcp");
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
