//! Runs cases: builds the sockets, applies the request through the path,
//! and sets the observation beside the model's prediction.

use crate::api::Api;
use crate::call;
use crate::capacity::{applies, measure, Capacity, Report, Side};
use crate::case::Case;
use crate::case::Request;
use crate::fixture::{Fixture, SharedEnds, SocketDir};
use crate::host::Host;
use crate::kind::Domain;
use crate::kind::Kind;
use crate::option::{BufferOpt, Opt};
use crate::outcome::Outcome;
use crate::predict;
use crate::prediction::Prediction;
use std::collections::BTreeMap;

#[derive(Debug, Clone)]
pub struct Row {
    pub case: Case,
    /// False for an offline model's row: `observed` then repeats the
    /// prediction and nothing was measured.
    pub measured: bool,
    pub observed: Outcome,
    pub prediction: Prediction,
    /// For buffer sizes, when asked for: what the buffer really held.
    pub capacity: Option<Report>,
}

impl super::Checked for Row {
    fn observed(&self) -> &Outcome {
        &self.observed
    }

    fn prediction(&self) -> &Prediction {
        &self.prediction
    }
}

impl Row {
    /// A path divergence: the path itself changed the value on its way to
    /// or from the kernel (a library's conversions), so the path and the raw
    /// call differ.
    pub fn diverges(&self) -> bool {
        self.prediction
            .rules
            .iter()
            .any(|r| crate::library::is_path_rule(r))
    }
}

/// What this host reports for the case, on fresh sockets.
pub fn observe(case: &Case) -> Outcome {
    let fixture = match case.api {
        Api::Std => Fixture::build_by_std_alone(case.kind, case.state),
        Api::Tokio => Fixture::build_by_tokio_alone(case.kind, case.state),
        _ => Fixture::build(case.kind, case.state),
    };
    apply_on(case, fixture)
}

/// The case's request on its fixture, or why the fixture could not be made.
fn apply_on(case: &Case, fixture: std::io::Result<Fixture>) -> Outcome {
    match fixture {
        Ok(fixture) => call::apply_case(case, fixture.target()),
        Err(e) => Outcome::not_run(&e),
    }
}

/// `observe` on a worker's thread: unix socket files in its directory, and
/// a connected target's far end taken from those the worker shares.
fn observe_in(case: &Case, dir: &Result<SocketDir, String>, shared: &mut SharedEnds) -> Outcome {
    let dir = match (case.kind.domain(), dir) {
        (Domain::Unix, Ok(dir)) => Some(dir.clone()),
        (Domain::Unix, Err(why)) => return Outcome::NotRun(why.clone()),
        _ => None,
    };
    let fixture = match case.api {
        // std's own constructors make the target (and its far end).
        Api::Std => Fixture::build_by_std(case.kind, case.state, dir),
        Api::Tokio => Fixture::build_by_tokio(case.kind, case.state, dir),
        _ => Fixture::build_sharing(case.kind, case.state, dir, Some(shared)),
    };
    apply_on(case, fixture)
}

/// Runs one case on fresh sockets.
pub fn run(case: &Case, host: &Host) -> Row {
    match host.probe() {
        Some(probe) => row(case, host, probe.observe(case)),
        None => row(case, host, observe(case)),
    }
}

fn row(case: &Case, host: &Host, observed: Outcome) -> Row {
    Row {
        case: case.clone(),
        measured: true,
        observed,
        prediction: predict::predict(case, host.platform()),
        capacity: None,
    }
}

/// The model's row for a case, with nothing measured.
pub fn model(case: &Case, host: &Host) -> Row {
    let prediction = predict::predict(case, host.platform());
    Row {
        case: case.clone(),
        measured: false,
        observed: prediction.expected.outcome(),
        prediction,
        capacity: None,
    }
}

/// Runs every case, spread over the available cores, in the input order.
pub fn run_all(cases: &[Case], host: &Host) -> Vec<Row> {
    if !host.measured {
        return cases.iter().map(|c| model(c, host)).collect();
    }
    // A probe answers one case at a time, in its own single thread.
    if let Some(probe) = host.probe() {
        return cases.iter().map(|c| row(c, host, probe.observe(c))).collect();
    }
    // One directory for every unix socket file of the run.
    let dir = SocketDir::new().map_err(|e| format!("no temp dir for unix sockets: {e}"));
    // Cases differ a lot in cost (a connected TCP pair is three sockets and
    // a handshake): threads take small batches in turn rather than one half
    // each, and the rows are put back in the input order.
    const BATCH: usize = 32;
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, Row)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|worker| {
                let (dir, next) = (&dir, &next);
                scope.spawn(move || {
                    let dir = dir.as_ref().map_err(Clone::clone).and_then(|d| {
                        d.worker(worker)
                            .map_err(|e| format!("no folder for unix sockets: {e}"))
                    });
                    let mut shared = SharedEnds::new(dir.as_ref().ok().cloned());
                    let mut mine = Vec::new();
                    loop {
                        let start = next.fetch_add(BATCH, std::sync::atomic::Ordering::Relaxed);
                        if start >= cases.len() {
                            return mine;
                        }
                        for (i, c) in cases.iter().enumerate().skip(start).take(BATCH) {
                            mine.push((i, row(c, host, observe_in(c, &dir, &mut shared))));
                        }
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a case panicked"))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// Measures capacity for every buffer-size row whose request a C int can
/// hold, once per kind, side and request (states and paths share it).
///
/// A buffer's capacity follows from the size the OS settled on, not from the
/// request: requests that the OS turned into the same size share one probe.
pub fn attach_capacity(rows: &mut [Row], host: &Host) {
    let mut measured: BTreeMap<(Kind, Side, Option<String>), Result<Capacity, String>> = BTreeMap::new();
    for row in rows.iter_mut() {
        let side = match row.case.option.id {
            Opt::Buffer(BufferOpt::Sndbuf) => Side::Send,
            Opt::Buffer(BufferOpt::Rcvbuf) => Side::Receive,
            _ => continue,
        };
        let kind = row.case.kind;
        if !applies(kind, side) {
            continue;
        }
        let requested = match &row.case.request {
            Request::Default => None,
            Request::Set(v) => match v.as_int().and_then(|e| i32::try_from(e.value()).ok()) {
                Some(v) => Some(v),
                None => continue,
            },
        };
        let settled = requested.map(|_| row.observed.to_string());
        let measured = measured
            .entry((kind, side, settled))
            .or_insert_with(|| match host.probe() {
                Some(probe) => probe.measure_capacity(kind, side, requested),
                None => measure(kind, side, requested).map_err(|e| e.to_string()),
            })
            .clone();
        let (predicted, rule) = match host.platform().capacity_model() {
            Some(model) => model.capacity(kind, side, requested),
            None => (None, &crate::platform::UNMODELLED),
        };
        row.capacity = Some(Report {
            measured,
            predicted,
            rule,
            requested,
        });
    }
}
