//! Runs cases: builds the sockets, applies the request through the path,
//! and sets the observation beside the model's prediction.

use crate::case::Case;
use crate::fixture::Fixture;
use crate::host::Host;
use crate::model;
use crate::outcome::{Outcome, Prediction};

#[derive(Debug, Clone)]
pub struct Row {
    pub case: Case,
    pub observed: Outcome,
    pub prediction: Prediction,
    /// For buffer sizes, when asked for: what the buffer really held.
    pub capacity: Option<crate::capacity::Report>,
}

impl Row {
    pub fn agrees(&self) -> bool {
        self.observed == self.prediction.expected.outcome()
    }

    /// A path divergence: the path itself changed the value on its way to
    /// or from the kernel (socket2's casts), so raw and socket2 differ.
    pub fn diverges(&self) -> bool {
        self.prediction.rules.iter().any(|r| model::is_path_rule(r))
    }
}

/// Runs one case on fresh sockets.
pub fn run(case: &Case, host: &Host) -> Row {
    let observed = match Fixture::build(case.kind, case.state) {
        Ok(fixture) => case.path.apply(case.option, fixture.target(), &case.request),
        Err(e) => Outcome::Err(format!("setup failed: {e}")),
    };
    Row {
        case: case.clone(),
        observed,
        prediction: model::predict(case, host),
        capacity: None,
    }
}

/// Runs every case, spread over the available cores, in the input order.
pub fn run_all(cases: &[Case], host: &Host) -> Vec<Row> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let chunk = cases.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = cases
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(|c| run(c, host)).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().expect("a case panicked"))
            .collect()
    })
}
