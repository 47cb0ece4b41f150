//! Runs effects: sets the options on real sockets, does what the effect
//! says (connect and transfer, accept), reads the option, and sets the
//! observation beside the platform's prediction.

use crate::api::Api;
use crate::call;
use crate::case::Request;
use crate::effect::{Effect, Procedure, EFFECTS, TRANSFER_BYTES};
use crate::fixture::{Fixture, SocketDir};
use crate::host::Host;
use crate::kind::{Domain, Kind, State};
use crate::outcome::Outcome;
use crate::prediction::Prediction;

/// One effect's result on one kind.
#[derive(Debug, Clone)]
pub struct EffectRow {
    pub effect: &'static Effect,
    pub kind: Kind,
    pub observed: Outcome,
    pub prediction: Prediction,
}

impl super::Checked for EffectRow {
    fn observed(&self) -> &Outcome {
        &self.observed
    }

    fn prediction(&self) -> &Prediction {
        &self.prediction
    }
}

/// Carries out the effect on a new socket (through the raw path).
pub fn observe(effect: &Effect, kind: Kind) -> Outcome {
    let dir = match kind.domain() {
        Domain::Unix => SocketDir::new().map(Some),
        _ => Ok(None),
    };
    observe_in(effect, kind, dir)
}

/// `observe` with unix socket files in `dir` (a run's, or the effect's own).
fn observe_in(effect: &Effect, kind: Kind, dir: std::io::Result<Option<SocketDir>>) -> Outcome {
    match dir.and_then(|dir| try_observe(effect, kind, dir)) {
        Ok(outcome) => outcome,
        Err(e) => Outcome::not_run(&e),
    }
}

fn try_observe(effect: &Effect, kind: Kind, dir: Option<SocketDir>) -> std::io::Result<Outcome> {
    let first = match effect.procedure {
        Procedure::Accepted => State::Listening,
        _ => State::Fresh,
    };
    let mut fixture = Fixture::build_in(kind, first, dir)?;
    for (option, request) in effect.set_requests() {
        if let Outcome::Err(e) = call::apply(Api::Raw, option, fixture.target(), &request) {
            return Ok(Outcome::Err(e));
        }
    }
    let read = effect.read_option();
    Ok(match effect.procedure {
        Procedure::Fresh => call::apply(Api::Raw, read, fixture.target(), &Request::Default),
        Procedure::ConnectAndTransfer => {
            fixture.connect_and_transfer(kind, TRANSFER_BYTES)?;
            call::apply(Api::Raw, read, fixture.target(), &Request::Default)
        }
        Procedure::Accepted => {
            let accepted = fixture.accept_one(kind)?;
            call::apply(Api::Raw, read, &accepted, &Request::Default)
        }
    })
}

/// Every effect on every kind it applies to that this host can make (none
/// where no model of effects exists for the OS), on this process's own
/// sockets or through the host's probe (F-Stack).
pub fn run_all(host: &Host) -> Vec<EffectRow> {
    let platform = host.platform();
    let Some(model) = platform.effect_model() else {
        return Vec::new();
    };
    let kinds = crate::matrix::kinds(host);
    // One directory for every unix socket file of the run, as for cases.
    let run_dir = SocketDir::new();
    let dir_for = |kind: Kind| match (kind.domain(), &run_dir) {
        (Domain::Unix, Ok(dir)) => Ok(Some(dir.clone())),
        (Domain::Unix, Err(e)) => Err(std::io::Error::new(e.kind(), e.to_string())),
        _ => Ok(None),
    };
    EFFECTS
        .iter()
        .filter(|e| e.available_on(host.os()))
        .flat_map(|e| e.kinds.iter().filter(|k| kinds.contains(k)).map(move |k| (e, *k)))
        .map(|(effect, kind)| EffectRow {
            effect,
            kind,
            observed: match host.probe() {
                Some(probe) => probe.observe_effect(effect, kind),
                None => observe_in(effect, kind, dir_for(kind)),
            },
            prediction: model.predict_effect(effect, kind),
        })
        .collect()
}
