//! A run's report: the rows, the effects and what the renderers would
//! otherwise ask the model for (each group's formula, the kinds skipped),
//! with one summary and one verdict for `run`, `triage` and every renderer.

use super::behaviours::BehaviourRow;
use super::cases::Row;
use super::effects::EffectRow;
use super::Checked;
use crate::host::Host;
use crate::kind::{Kind, State};
use crate::option::{Opt, OptionSpec};
use std::collections::HashMap;
use std::fmt;

/// Everything a renderer shows of a run, and the run's verdict.
#[derive(Debug)]
pub struct Report<'h> {
    /// The host the run measured, or the model it asked offline.
    pub host: &'h Host,
    /// One row per case, in the plan's order.
    pub rows: Vec<Row>,
    /// Effects (only a full measured run has any).
    pub effects: Vec<EffectRow>,
    /// Behaviours (a full run's: measured here, or a model's predictions).
    pub behaviours: Vec<BehaviourRow>,
    /// Kinds this host could not make, each with the reason.
    pub unavailable: Vec<(Kind, String)>,
    /// The OS's rule as a formula per option × kind × state of the rows
    /// (and the fresh state of each option × kind, the digest's).
    formulas: HashMap<(Opt, Kind, State), String>,
}

impl<'h> Report<'h> {
    /// The report of these rows and effects on `host`.
    pub fn new(host: &'h Host, rows: Vec<Row>, effects: Vec<EffectRow>) -> Report<'h> {
        let mut formulas = HashMap::new();
        for row in &rows {
            let c = &row.case;
            for state in [c.state, State::Fresh] {
                formulas
                    .entry((c.option.id, c.kind, state))
                    .or_insert_with(|| crate::gate::formula(host.platform(), c.option, c.kind, state));
            }
        }
        Report {
            host,
            unavailable: crate::matrix::unavailable_kinds(host),
            rows,
            effects,
            behaviours: Vec::new(),
            formulas,
        }
    }

    /// The report with these behaviour rows.
    pub fn with_behaviours(mut self, behaviours: Vec<BehaviourRow>) -> Report<'h> {
        self.behaviours = behaviours;
        self
    }

    /// The OS's rule for the option on a kind in a state, as a formula.
    ///
    /// # Panics
    ///
    /// For an option × kind not in the report, or a state other than fresh
    /// that none of its rows is in.
    pub fn formula(&self, option: &OptionSpec, kind: Kind, state: State) -> &str {
        &self.formulas[&(option.id, kind, state)]
    }

    /// The counts of the summary line, and what the verdict is made of.
    pub fn summary(&self) -> Summary {
        let rows = &self.rows;
        let capacities: Vec<_> = rows.iter().filter_map(|r| r.capacity.as_ref()).collect();
        Summary {
            cases: rows.len(),
            disagreements: rows.iter().filter(|r| r.disagrees()).count(),
            divergences: rows.iter().filter(|r| r.diverges()).count(),
            not_run: rows.iter().filter(|r| r.not_run().is_some()).count(),
            measured: self.host.measured,
            effects: self.effects.len(),
            effect_disagreements: self.effects.iter().filter(|e| e.disagrees()).count(),
            effects_not_run: self.effects.iter().filter(|e| e.not_run().is_some()).count(),
            behaviours: self.behaviours.len(),
            behaviour_disagreements: self.behaviours.iter().filter(|b| b.disagrees()).count(),
            behaviours_not_run: self.behaviours.iter().filter(|b| b.not_run().is_some()).count(),
            capacities: capacities.len(),
            capacity_predicted: capacities.iter().filter(|c| c.agrees().is_some()).count(),
            capacity_disagreements: capacities.iter().filter(|c| c.agrees() == Some(false)).count(),
            skipped_kinds: self.host.skipped_kinds.len(),
        }
    }

    /// Agree, disagree or not run: the exit status of `run`.
    pub fn verdict(&self) -> Verdict {
        self.summary().verdict()
    }
}

/// Counts for the report's summary line and its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Cases in the report.
    pub cases: usize,
    /// Cases that ran and said something else than the model.
    pub disagreements: usize,
    /// Cases where socket2's own conversion changed the value.
    pub divergences: usize,
    /// Cases that could not run here (the environment's fault).
    pub not_run: usize,
    /// False for an offline model's report: nothing was measured.
    pub measured: bool,
    /// Effects in the report.
    pub effects: usize,
    /// Effects that ran and said something else than the model.
    pub effect_disagreements: usize,
    /// Effects that could not run here.
    pub effects_not_run: usize,
    /// Behaviour cases in the report.
    pub behaviours: usize,
    /// Behaviour cases that ran and did something else than the model said.
    pub behaviour_disagreements: usize,
    /// Behaviour cases that could not run here.
    pub behaviours_not_run: usize,
    /// Cases with a capacity probe beside them.
    pub capacities: usize,
    /// Capacity probes the model predicts.
    pub capacity_predicted: usize,
    /// Capacity probes that held something else than predicted.
    pub capacity_disagreements: usize,
    /// Kinds the environment kept from running (no IPv6, say).
    pub skipped_kinds: usize,
}

impl Default for Summary {
    fn default() -> Summary {
        Summary {
            cases: 0,
            disagreements: 0,
            divergences: 0,
            not_run: 0,
            measured: true,
            effects: 0,
            effect_disagreements: 0,
            effects_not_run: 0,
            behaviours: 0,
            behaviour_disagreements: 0,
            behaviours_not_run: 0,
            capacities: 0,
            capacity_predicted: 0,
            capacity_disagreements: 0,
            skipped_kinds: 0,
        }
    }
}

impl Summary {
    /// Disagree if any case, effect, behaviour or capacity disagrees;
    /// otherwise not run if any case, effect or behaviour could not run or
    /// the environment kept a kind from running.
    pub fn verdict(&self) -> Verdict {
        let disagree = self.disagreements
            + self.effect_disagreements
            + self.capacity_disagreements
            + self.behaviour_disagreements
            > 0;
        let not_run = self.not_run + self.effects_not_run + self.behaviours_not_run + self.skipped_kinds > 0;
        Verdict::of(disagree, not_run)
    }

    /// The capacity part of the sentence (`; capacity beside ...`), when
    /// any case has a probe: the full reports add it, the digest does not.
    pub fn capacity(&self) -> Option<String> {
        (self.capacities > 0).then(|| {
            format!(
                "; capacity beside {} cases ({} predicted, {} disagreeing)",
                self.capacities, self.capacity_predicted, self.capacity_disagreements
            )
        })
    }
}

/// The summary sentence: `N cases, N model disagreements, N path
/// divergences`, then what could not run, the effects, and whether
/// anything was measured (capacity is [`Summary::capacity`]).
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} cases, {} model disagreements, {} path divergences",
            self.cases, self.disagreements, self.divergences
        )?;
        if self.not_run > 0 {
            write!(f, ", {} could not run here", self.not_run)?;
        }
        if self.effects > 0 {
            write!(
                f,
                "; {} effects, {} disagreeing",
                self.effects, self.effect_disagreements
            )?;
        }
        if self.behaviours > 0 {
            write!(
                f,
                "; {} behaviours, {} disagreeing",
                self.behaviours, self.behaviour_disagreements
            )?;
        }
        if !self.measured {
            f.write_str(" (model only: nothing was measured)")?;
        }
        Ok(())
    }
}

/// What a report says as a whole: the exit status of `run` and `triage`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Everything ran and agrees with the model (exit 0).
    Agree,
    /// Something ran and disagrees with the model (exit 1).
    Disagree,
    /// Nothing disagrees, but something could not run here (exit 3).
    NotRun,
}

impl Verdict {
    /// A disagreement outweighs what could not run.
    pub fn of(disagree: bool, not_run: bool) -> Verdict {
        match (disagree, not_run) {
            (true, _) => Verdict::Disagree,
            (false, true) => Verdict::NotRun,
            (false, false) => Verdict::Agree,
        }
    }

    /// The exit status (documented in `--help` and the README).
    pub const fn status(self) -> u8 {
        match self {
            Verdict::Agree => 0,
            Verdict::Disagree => 1,
            Verdict::NotRun => 3,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_disagreement_outweighs_what_could_not_run() {
        let base = Summary::default();
        assert_eq!(base.verdict(), Verdict::Agree);
        for disagree in [
            Summary {
                disagreements: 1,
                ..base
            },
            Summary {
                effect_disagreements: 1,
                not_run: 2,
                ..base
            },
            Summary {
                capacity_disagreements: 1,
                skipped_kinds: 1,
                ..base
            },
        ] {
            assert_eq!(disagree.verdict(), Verdict::Disagree, "{disagree:?}");
        }
        for not_run in [
            Summary { not_run: 1, ..base },
            Summary {
                effects_not_run: 1,
                ..base
            },
            Summary {
                skipped_kinds: 1,
                ..base
            },
        ] {
            assert_eq!(not_run.verdict(), Verdict::NotRun, "{not_run:?}");
        }
        let statuses = [Verdict::Agree, Verdict::Disagree, Verdict::NotRun].map(Verdict::status);
        assert_eq!(statuses, [0, 1, 3]);
    }

    #[test]
    fn the_summary_sentence() {
        let s = Summary {
            cases: 10,
            disagreements: 1,
            divergences: 2,
            not_run: 3,
            effects: 4,
            effect_disagreements: 1,
            ..Summary::default()
        };
        assert_eq!(
            s.to_string(),
            "10 cases, 1 model disagreements, 2 path divergences, 3 could not run here; 4 effects, 1 disagreeing"
        );
        assert_eq!(s.capacity(), None);
        let offline = Summary {
            cases: 5,
            measured: false,
            capacities: 2,
            capacity_predicted: 1,
            ..Summary::default()
        };
        assert_eq!(
            format!("{offline}{}", offline.capacity().unwrap()),
            "5 cases, 0 model disagreements, 0 path divergences (model only: nothing was measured); \
             capacity beside 2 cases (1 predicted, 0 disagreeing)"
        );
    }
}
