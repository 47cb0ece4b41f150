//! Capacity: what the buffer holds. Each probe runs five times and must give
//! the same result every time before it is compared with the model and
//! written to the snapshot; probes no rule predicts are reported by the CLI
//! only.
#![cfg(target_os = "linux")]

use crate::common::host;
use sockmatrix::capacity::{self, Side};
use sockmatrix::kind::Kind;
use sockmatrix::platform::linux::capacity as model;

/// Fixed requests: their buffers are the same on every host.
const REQUESTS: [i32; 5] = [0, 1, 4096, 8192, 65536];
const RUNS: usize = 5;

fn stable<T: PartialEq + std::fmt::Debug>(what: &str, mut probe: impl FnMut() -> T) -> T {
    let first = probe();
    for run in 1..RUNS {
        let again = probe();
        assert_eq!(again, first, "{what}: run {run} differs from run 0");
    }
    first
}

#[test]
fn modelled_capacities_are_stable_and_predicted() {
    let facts = &sockmatrix::platform::linux::facts::read().expect("Linux facts");
    let mut failures = Vec::new();
    let mut table = String::from("kind       | side    | requested | capacity                  | rule\n");
    for kind in [Kind::Udp4, Kind::Udp6, Kind::UnixDgram] {
        if !crate::common::available(kind) {
            continue;
        }
        for side in [Side::Send, Side::Receive] {
            for requested in REQUESTS {
                let what = format!("{kind} {} = {requested}", side.option().name);
                let observed = stable(&what, || {
                    capacity::measure(kind, side, Some(requested)).expect(&what)
                });
                let (predicted, rule) = model::predict(kind, side, Some(requested), facts);
                if Some(observed) != predicted {
                    failures.push(format!(
                        "{what}: observed {observed}, model {predicted:?} by {}",
                        rule.id
                    ));
                }
                table.push_str(&format!(
                    "{:<10} | {:<7} | {requested:<9} | {:<25} | {}\n",
                    kind.name(),
                    format!("{side:?}"),
                    observed.to_string(),
                    rule.id
                ));
            }
        }
    }
    for requested in REQUESTS {
        let what = format!("largest unix datagram at SO_SNDBUF = {requested}");
        let observed = stable(&what, || capacity::largest_datagram(requested).expect(&what));
        let predicted = model::largest_datagram(requested, facts);
        assert_eq!(
            Some(i128::from(observed)),
            predicted,
            "{what}: by {}",
            model::UNIX_DGRAM_MAX.id
        );
        // Written relative to the send buffer: SOCK_MIN_SNDBUF differs by kernel.
        table.push_str(&format!(
            "unix-dgram | largest | {requested:<9} | {:<25} | {}\n",
            "sndbuf-32",
            model::UNIX_DGRAM_MAX.id
        ));
    }
    assert!(
        failures.is_empty(),
        "capacity disagrees with the model:\n{}",
        failures.join("\n")
    );
    // The UDP receive rule changed between releases: one table per era.
    crate::common::assert_snapshot_text(&sockmatrix::snapshot::capacity_name(host()), table);
}
