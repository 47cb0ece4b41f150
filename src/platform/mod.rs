//! One folder per platform, each behind the `Platform` trait: the facts it
//! reads from its OS, where the ladders' relative rungs sit, and the model
//! that predicts every option with a cited rule. Platform code is pure
//! except each folder's `facts.rs`, which reads the running OS.
//!
//! `host` picks the platform of the running OS; `offline` builds one from an
//! OS's stock facts, so any OS's model can be asked from any machine.

pub mod bsd;
pub mod fact;
pub mod files;
pub mod freebsd;
pub mod fstack;
#[cfg(test)]
mod invariants;
pub mod kit;
pub mod linux;
pub mod macos;
pub mod release;
pub mod windows;
pub mod wine;

use crate::api::Api;
use crate::capacity::{Capacity, Side};
use crate::case::Request;
use crate::effect::Effect;
use crate::kind::{Kind, State};
use crate::ladder::Anchors;
use crate::option::{Level, OptionSpec};
use crate::os::Os;
use crate::prediction::Prediction;
use crate::rule::Rule;
use fact::Fact;

/// The rule of a case no model covers (a capacity or effect on an OS whose
/// model has none).
pub const UNMODELLED: Rule = Rule {
    id: "none.unmodelled",
    formula: "?",
    why: "no model exists for this on this OS, so nothing is predicted",
    source: "-",
};

/// The releases an OS's model speaks for, oldest first (none for an OS
/// without a model).
pub fn releases(os: Os) -> Vec<&'static str> {
    use release::ModelRelease;
    match os {
        Os::Linux => linux::Release::names(),
        Os::MacOs => macos::Release::names(),
        Os::FreeBsd => freebsd::facts::Release::names(),
        Os::Windows => windows::Release::names(),
        Os::Other => Vec::new(),
    }
}

/// The answer of a model's catch-all arm. Options an OS lacks never reach
/// its model (the gate answers them), so a model names only the options its
/// OS has; the invariant test fails if a defined option lands here.
pub fn gated() -> Prediction {
    Prediction::err("UNMODELLED", vec![&UNMODELLED])
}

/// What a case asks a model: the option on one kind in one state, through
/// one path.
#[derive(Debug, Clone, Copy)]
pub struct Asked<'a> {
    pub option: &'static OptionSpec,
    pub kind: Kind,
    pub state: State,
    pub api: Api,
    /// The request as the kernel sees it (after the path's conversion).
    pub request: &'a Request,
}

/// A platform's model of what a buffer really holds.
pub trait CapacityModel {
    /// The predicted capacity of a buffer, where a rule covers it.
    fn capacity(&self, kind: Kind, side: Side, requested: Option<i32>) -> (Option<Capacity>, &'static Rule);

    /// The era of the capacity rules, which names the capacity snapshot.
    fn era(&self) -> &'static str;
}

/// A platform's model of effects.
pub trait EffectModel {
    /// What the effect's final read gives on this kind.
    fn predict_effect(&self, effect: &Effect, kind: Kind) -> Prediction;
}

pub trait Platform: Send + Sync + std::fmt::Debug {
    fn os(&self) -> Os;

    /// The platform's name in reports and snapshot suffixes (`linux`,
    /// `windows-wine`, `macos`).
    fn label(&self) -> &'static str;

    /// The release the model speaks for (kernel release, Wine version, or
    /// the modelled release of an offline model).
    fn release(&self) -> String;

    /// The facts the model uses, typed, each with where it comes from.
    fn facts(&self) -> Vec<Fact>;

    /// Facts the OS does not expose, and how each was calibrated.
    fn calibrated(&self) -> Vec<Fact> {
        Vec::new()
    }

    /// The host quantities an option's relative rungs are placed at.
    fn anchors(&self, option: &OptionSpec) -> Anchors;

    /// The rule of an option this OS's headers lack at `level` (the gate
    /// answers UNDEFINED with it where the catalogue has no number).
    fn undefined(&self, level: Level) -> &'static Rule;

    /// The protocol's refusal of the option's whole level on this kind of
    /// socket (asked after the gate, before `predict`), or None when the
    /// option's own rules decide.
    fn refusal(&self, asked: &Asked<'_>) -> Option<Prediction>;

    /// The OS's answer to a request that passed the gate (`crate::gate`)
    /// and the level (`refusal`), with the rules that produced it.
    fn predict(&self, asked: Asked<'_>) -> Prediction;

    /// The OS's rule for an option as one formula with this host's numbers:
    /// derived from `predict` for every OS (the rule a read and a set of the
    /// option's type follow), so no second copy of its branching exists.
    fn formula(&self, option: &OptionSpec, kind: Kind, state: State) -> String {
        kit::derived_formula(self, option, kind, state)
    }

    /// The model of what a buffer really holds, where the platform has one
    /// (Linux); `None` elsewhere.
    fn capacity_model(&self) -> Option<&dyn CapacityModel> {
        None
    }

    /// The model of effects (what a set does to later reads, what accept()
    /// carries over), where the platform has one (Linux); `None` elsewhere.
    fn effect_model(&self) -> Option<&dyn EffectModel> {
        None
    }

    /// What the OS does with a dual-stack listener (`crate::behaviour`),
    /// where the platform has a model of it; `None` elsewhere.
    fn dual_stack(&self) -> Option<crate::behaviour::DualStackModel> {
        None
    }

    /// What the OS does when a second socket binds a port
    /// (`crate::behaviour::bind`), where the platform has a model of it.
    fn bind_reuse(&self) -> Option<crate::behaviour::bind::BindModel> {
        None
    }

    /// What the OS does with a send to the loopback broadcast address
    /// (`crate::behaviour::broadcast`), where the platform has a model.
    fn broadcast(&self) -> Option<crate::behaviour::broadcast::BroadcastModel> {
        None
    }

    /// What the OS does at close with SO_LINGER and pending data
    /// (`crate::behaviour::linger`), where the platform has a model.
    fn linger(&self) -> Option<crate::behaviour::linger::LingerModel> {
        None
    }

    /// How a datagram's header values follow from what getsockopt reads
    /// back (`crate::behaviour::wire`), where the platform has a model.
    fn wire(&self) -> Option<crate::behaviour::wire::WireModel> {
        None
    }

    /// What timeouts and the low-water mark do
    /// (`crate::behaviour::timing`), where the platform has a model.
    fn timing(&self) -> Option<crate::behaviour::timing::TimingModel> {
        None
    }

    /// Kinds the modelled OS cannot create, with the error socket() gives
    /// there (an offline run skips them, as a measured run does).
    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        Vec::new()
    }

    /// Every rule the model can name.
    fn rules(&self) -> Vec<&'static Rule>;

    /// For a kind whose every row changed between releases (MPTCP on
    /// Linux): the era, which names that kind's own snapshot tables
    /// (`mptcp@<os>-<era>`); `None` keeps the kind's rows in the option
    /// families' tables.
    fn kind_era(&self, _kind: crate::kind::Kind) -> Option<&'static str> {
        None
    }

    /// For a behaviour group whose outcomes hang on something of this host
    /// a rule names (a 32-bit program on a 64-bit kernel): the variant,
    /// which keeps that group's snapshot apart (`behaviour-<group>@<os>-
    /// <variant>`).
    fn behaviour_variant(&self, _group: crate::behaviour::Group) -> Option<&'static str> {
        None
    }

    /// For options whose behaviour changed between releases: the era this
    /// release is in, which keeps their snapshot rows apart.
    fn era(&self, _option: &OptionSpec) -> Option<&'static str> {
        None
    }

    /// Which privileges the privileged rows depend on were held
    /// (`cap_net_admin`, `unprivileged`), for their snapshot's name.
    fn privileges(&self) -> &'static str {
        "unprivileged"
    }
}
