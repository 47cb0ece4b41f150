//! Runs what the matrix asks for on real sockets, beside the model:
//! option cases (`cases`), effects (`effects`) and behaviours
//! (`behaviours`), put together by [`run`]
//! into one [`Report`] that every renderer and the exit status read;
//! `fstack` asks F-Stack's FreeBSD stack through its probe program instead
//! of this host.

pub mod behaviours;
pub mod cases;
pub mod effects;
pub mod fstack;
pub mod fstack_behaviour;
pub mod report;

pub use report::{Report, Summary, Verdict};

use crate::case::Case;
use crate::host::Host;
use crate::matrix::{self, Filter, Requests};
use crate::outcome::{Outcome, FD_EXHAUSTED};
use crate::prediction::Prediction;

/// An observation beside the model's prediction: a case's row or an
/// effect's. What agreeing, not running and disagreeing mean, once.
pub trait Checked {
    /// What this host reported (the prediction again for an offline model).
    fn observed(&self) -> &Outcome;
    /// What the model predicted, with its rules.
    fn prediction(&self) -> &Prediction;

    /// The observation is the prediction.
    fn agrees(&self) -> bool {
        self.observed().fits(&self.prediction().expected.outcome())
    }

    /// What the row says, for setting it beside another row: the
    /// observation, or the model's range when the observation lies in it
    /// (two sockets' cookies differ, yet each is a cookie).
    fn answer(&self) -> Outcome {
        let predicted = self.prediction().expected.outcome();
        match predicted {
            Outcome::Ok(crate::value::Value::Range(..)) if self.observed().fits(&predicted) => predicted,
            _ => self.observed().clone(),
        }
    }

    /// Why it could not run here, if it could not.
    fn not_run(&self) -> Option<&str> {
        self.observed().not_run_cause()
    }

    /// A model disagreement: it ran and the OS said something else.
    fn disagrees(&self) -> bool {
        self.not_run().is_none() && !self.agrees()
    }
}

/// What a run does: its cases, and whether effects and capacity come with
/// them.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The option cases, in report order.
    pub cases: Vec<Case>,
    /// Effects belong to the full report; a narrowed run keeps to its cases.
    pub effects: bool,
    /// Capacity takes real traffic: measured when the run is narrowed to a
    /// buffer size, where it is read.
    pub capacity: bool,
}

impl Plan {
    /// The plan for a run narrowed by `filter` to `requests`.
    pub fn new(host: &Host, filter: &Filter, requests: &Requests) -> Plan {
        Plan {
            cases: matrix::cases(host, filter, requests),
            effects: filter.is_empty() && matches!(requests, Requests::Ladder),
            capacity: filter
                .option
                .is_some_and(|o| o.limit.is_some() && o.read_back == o.id),
        }
    }
}

/// A run that stopped before its report: the process ran out of file
/// descriptors, so the rest would only say the same.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    /// The first case's cause.
    pub cause: String,
}

impl std::fmt::Display for Stopped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "stopped: {} (raise `ulimit -n`)", self.cause)
    }
}

/// Runs the plan on `host` (or asks its model, offline): the cases, the
/// effects beside them (much of their time is spent waiting on loopback
/// transfers), then capacity where the plan asks for it. Nothing but the
/// cases runs offline.
pub fn run<'h>(host: &'h Host, plan: &Plan) -> Result<Report<'h>, Stopped> {
    let (mut rows, effects, behaviours) = std::thread::scope(|scope| {
        let effects = scope.spawn(|| match host.measured && plan.effects {
            true => effects::run_all(host),
            false => Vec::new(),
        });
        // Behaviours belong to the full report, like effects; a model's
        // are its predictions.
        let behaviours = scope.spawn(|| match plan.effects {
            true => behaviours::run_all(host),
            false => Vec::new(),
        });
        let rows = cases::run_all(&plan.cases, host);
        (
            rows,
            effects.join().expect("the effects ran"),
            behaviours.join().expect("the behaviours ran"),
        )
    });
    if let Some(cause) = rows
        .iter()
        .filter_map(|r| r.not_run())
        .find(|c| c.starts_with(FD_EXHAUSTED))
    {
        return Err(Stopped {
            cause: cause.to_string(),
        });
    }
    if host.measured && plan.capacity {
        cases::attach_capacity(&mut rows, host);
    }
    Ok(Report::new(host, rows, effects).with_behaviours(behaviours))
}
