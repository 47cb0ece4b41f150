//! Runs behaviours (`crate::behaviour`): every case of every group the
//! host's model answers, observed here beside the prediction; an offline
//! model's report carries the predictions alone, and a probe (F-Stack),
//! which asks options only, carries none (nor does a host where the group
//! may not run: `Group::runs_here`).

use crate::behaviour::{Case, Group};
use crate::host::Host;
use crate::outcome::Outcome;
use crate::prediction::Prediction;

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

/// The group's rows on `host`, and how many runs were repeated.
pub fn run_group(host: &Host, group: Group) -> (Vec<BehaviourRow>, usize) {
    if host.probe().is_some() || (host.measured && !group.runs_here()) {
        return (Vec::new(), 0);
    }
    let platform = host.platform();
    let mut again = 0;
    let rows = crate::behaviour::cases(group)
        .into_iter()
        .filter_map(|case| {
            let prediction = case.predict(platform)?;
            let expected = prediction.expected.outcome();
            if !host.measured {
                return Some(BehaviourRow {
                    case,
                    observed: expected,
                    prediction,
                });
            }
            let mut observed = case.observe();
            for _ in 0..AGAIN {
                if observed == expected {
                    break;
                }
                again += 1;
                observed = case.observe();
            }
            Some(BehaviourRow {
                case,
                observed,
                prediction,
            })
        })
        .collect();
    (rows, again)
}

/// Every group's rows on `host`, the groups side by side: most of their
/// time is waiting (a linger's second, the timeouts), not work.
pub fn run_all(host: &Host) -> Vec<BehaviourRow> {
    std::thread::scope(|scope| {
        let groups: Vec<_> = Group::ALL
            .into_iter()
            .map(|group| scope.spawn(move || run_group(host, group).0))
            .collect();
        groups
            .into_iter()
            .flat_map(|g| g.join().expect("a behaviour group ran"))
            .collect()
    })
}
