//! Runs behaviours (`crate::behaviour`): every case of every group the
//! host's model answers, observed here beside the prediction; an offline
//! model's report carries the predictions alone; a probe (F-Stack) runs the
//! groups it can (`engine::fstack_behaviour`) and carries none of the
//! others (nor does a host where the group may not run: `Group::runs_here`).

use crate::behaviour::{self, bind, broadcast, linger, timing, wire, Case, Group, V6only};
use crate::host::Host;
use crate::outcome::Outcome;
use crate::platform::Platform;
use crate::prediction::Prediction;
use crate::rule::Rule;

/// What `platform`'s model predicts for the case; `None` where it has no
/// model of the group or the case asks for an option the OS lacks.
pub fn predict(case: &Case, platform: &dyn Platform) -> Option<Prediction> {
    match case {
        Case::DualStack(c) => platform.dual_stack().map(|m| behaviour::predict(&m, c)),
        Case::DualStackUdp(c) => platform
            .dual_stack()
            .map(|m| behaviour::dual_stack::predict_udp(&m, c)),
        Case::Bind(c) => platform.bind_reuse().and_then(|m| bind::predict(&m, c)),
        Case::BindOtherUser(c) => platform
            .bind_reuse()
            .and_then(|m| bind::predict_other_user(&m, c)),
        Case::Broadcast(c) => platform.broadcast().map(|m| broadcast::predict(&m, c)),
        Case::Linger(c) => platform.linger().map(|m| linger::predict(&m, c)),
        Case::Wire(c) => platform.wire().and_then(|m| {
            let read = crate::predict::predict(&wire::option_case(c), platform);
            wire::predict(&m, c, read)
        }),
        Case::Timing(c) => platform.timing().map(|m| {
            let set = match c {
                timing::TimingCase::Lowat(l @ timing::Lowat { lowat: Some(v), .. }) => {
                    Some(crate::predict::predict(&timing::lowat_case(l, *v), platform))
                }
                _ => None,
            };
            timing::predict(&m, c, set)
        }),
    }
}

/// The case's row may be stored in a snapshot: its outcome depends on no
/// host fact (a dual-stack listener's default IPV6_V6ONLY follows
/// net.ipv6.bindv6only on Linux; a default TTL follows a sysctl). Such rows
/// are still checked against the model, only not stored.
pub fn stored(case: &Case, platform: &dyn Platform) -> bool {
    match case {
        Case::DualStack(c) | Case::DualStackUdp(c) => c.v6only != V6only::Default,
        Case::Wire(c) => wire::host_independent(&crate::predict::predict(&wire::option_case(c), platform)),
        _ => true,
    }
}

/// The rules `platform`'s models of the group can name.
pub fn group_rules(platform: &dyn Platform, group: Group) -> Vec<&'static Rule> {
    match group {
        Group::DualStack | Group::DualStackUdp => platform
            .dual_stack()
            .map(|m| behaviour::rules(&m))
            .unwrap_or_default(),
        Group::Bind | Group::BindOtherUser => platform
            .bind_reuse()
            .map(|m| m.rules.to_vec())
            .unwrap_or_default(),
        Group::Broadcast => platform
            .broadcast()
            .map(|m| broadcast::rules(&m))
            .unwrap_or_default(),
        Group::Linger => platform.linger().map(|m| m.rules.to_vec()).unwrap_or_default(),
        Group::Wire | Group::WireTcp => platform.wire().map(|m| m.rules.to_vec()).unwrap_or_default(),
        Group::Timing => platform.timing().map(|m| m.rules.to_vec()).unwrap_or_default(),
    }
}

/// One behaviour case's result.
#[derive(Debug, Clone)]
pub struct BehaviourRow {
    pub case: Case,
    pub observed: Outcome,
    pub prediction: Prediction,
}

impl super::Checked for BehaviourRow {
    fn observed(&self) -> &Outcome {
        &self.observed
    }

    fn prediction(&self) -> &Prediction {
        &self.prediction
    }
}

/// How many times a disagreeing case runs again before it counts: the
/// cases take loopback ports, and other programs (or tests) take them too.
const AGAIN: usize = 2;

/// A group's run on a host.
#[derive(Debug, Default)]
pub struct GroupRun {
    /// One row per case the model answers and the host can make.
    pub rows: Vec<BehaviourRow>,
    /// Runs repeated after a disagreement.
    pub again: usize,
    /// Cases left out: they need a kind this host cannot make (no IPv6).
    pub skipped: usize,
}

/// The group's rows on `host`: measured on a host of its own where the
/// group may run, through a probe (F-Stack) for the groups it runs
/// (`engine::fstack_behaviour::runs`), the model's predictions offline;
/// none where the group may not run.
pub fn run_group(host: &Host, group: Group) -> GroupRun {
    if let Some(probe) = host.probe() {
        if !super::fstack_behaviour::runs(group) {
            return GroupRun::default();
        }
        let observe = |case: &Case| {
            probe
                .observe_behaviour(case)
                .unwrap_or_else(|| Outcome::NotRun("the F-Stack probe does not run this group".into()))
        };
        return rows(host, group, Some(&observe));
    }
    if !host.measured {
        return rows(host, group, None);
    }
    if !group.runs_here() {
        return GroupRun::default();
    }
    rows(host, group, Some(&Case::observe))
}

/// The model's predictions for the group on `host`, measuring nothing.
pub fn modelled_group(host: &Host, group: Group) -> GroupRun {
    rows(host, group, None)
}

/// Every case the model answers: observed by `observe` (and run again on a
/// disagreement) where the host can make its kinds; without `observe` the
/// prediction stands for the observation.
fn rows(host: &Host, group: Group, observe: Option<&dyn Fn(&Case) -> Outcome>) -> GroupRun {
    let mut run = GroupRun::default();
    let platform = host.platform();
    let kinds = crate::matrix::kinds(host);
    for case in behaviour::cases(group) {
        let Some(prediction) = predict(&case, platform) else {
            continue;
        };
        let expected = prediction.expected.outcome();
        let Some(observe) = observe else {
            run.rows.push(BehaviourRow {
                case,
                observed: expected,
                prediction,
            });
            continue;
        };
        if !case.kinds().iter().all(|k| kinds.contains(k)) {
            run.skipped += 1;
            continue;
        }
        let mut observed = observe(&case);
        for _ in 0..AGAIN {
            if observed == expected {
                break;
            }
            run.again += 1;
            observed = observe(&case);
        }
        run.rows.push(BehaviourRow {
            case,
            observed,
            prediction,
        });
    }
    run
}

/// Every group's rows on `host`, the groups side by side: most of their
/// time is waiting (a linger's second, the timeouts), not work.
pub fn run_all(host: &Host) -> Vec<BehaviourRow> {
    std::thread::scope(|scope| {
        let groups: Vec<_> = Group::ALL
            .into_iter()
            .map(|group| scope.spawn(move || run_group(host, group).rows))
            .collect();
        groups
            .into_iter()
            .flat_map(|g| g.join().expect("a behaviour group ran"))
            .collect()
    })
}
