//! Linux: net/core/sock.c and the protocol files, as read for kernel 6.x.
//! Each family of options has its own file; `options.rs` routes a case to
//! it after the level check (`level.rs`). Facts come from /proc/sys and two
//! calibration probes (`facts.rs`).

mod bind_reuse;
mod broadcast;
mod buffers;
pub mod capacity;
mod conntrack;
mod dual_stack;
pub mod effects;
pub mod facts;
mod ipv4;
mod ipv6;
pub mod level;
mod linger;
mod membership;
mod mptcp;
pub mod options;
pub mod shared;
mod socket;
mod tcp;
mod timing;
mod udp;
mod wire;

use crate::capacity::{Capacity, Side};
use crate::effect::Effect;
use crate::kind::{Kind, State};
use crate::ladder::Anchors;
use crate::option::{Limit, OptionSpec};
use crate::os::Os;
use crate::platform::fact::Fact;
use crate::platform::release::ModelRelease;
use crate::platform::{Asked, CapacityModel, EffectModel, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;
use facts::LinuxFacts;

/// The Linux model over one host's facts.
#[derive(Debug, Clone)]
pub struct Linux {
    pub facts: LinuxFacts,
    pub release: String,
    /// Whether `::1` can be bound, for the report.
    pub ipv6: bool,
    /// A stock kernel's facts (an offline model), not this host's: the
    /// report then names each fact's source instead of a probe.
    pub stock: bool,
}

/// A modelled kernel release. Their stock facts differ in
/// `net.core.{w,r}mem_max` (`LinuxFacts::stock_mem_max`); their rules where
/// `options::era` and `capacity::era` key a rule by release.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Release {
    V6_1,
    V6_12,
    V6_18,
}

impl Release {
    /// The kernel version the facts carry.
    pub fn version(self) -> (u32, u32) {
        match self {
            Release::V6_1 => (6, 1),
            Release::V6_12 => (6, 12),
            Release::V6_18 => (6, 18),
        }
    }
}

impl ModelRelease for Release {
    const OS: &'static str = "Linux";
    const ALL: &'static [Release] = &[Release::V6_1, Release::V6_12, Release::V6_18];

    fn name(self) -> &'static str {
        match self {
            Release::V6_1 => "6.1",
            Release::V6_12 => "6.12",
            Release::V6_18 => "6.18",
        }
    }
}

impl Linux {
    /// The model of a stock Linux of `release` (default: the newest).
    pub fn offline(release: Option<&str>) -> Result<Linux, String> {
        let release = Release::parse(release)?;
        let mut facts = LinuxFacts::stock();
        facts.kernel_version = release.version();
        facts.wmem_max = LinuxFacts::stock_mem_max(facts.kernel_version);
        facts.rmem_max = facts.wmem_max;
        Ok(Linux {
            facts,
            release: release.name().to_string(),
            ipv6: true,
            stock: true,
        })
    }
}

impl Linux {
    /// A stock model's facts carry their sources, not this host's probes.
    fn sourced(&self, facts: Vec<Fact>) -> Vec<Fact> {
        match self.stock {
            false => facts,
            true => facts
                .into_iter()
                .map(|f| Fact {
                    how: Some(facts::stock_source(f.name)),
                    ..f
                })
                .collect(),
        }
    }
}

impl Platform for Linux {
    fn undefined(&self, _level: crate::option::Level) -> &'static Rule {
        &level::UNDEFINED
    }

    fn os(&self) -> Os {
        Os::Linux
    }

    fn label(&self) -> &'static str {
        "linux"
    }

    fn release(&self) -> String {
        self.release.clone()
    }

    fn facts(&self) -> Vec<Fact> {
        self.sourced(self.facts.report(self.ipv6))
    }

    fn calibrated(&self) -> Vec<Fact> {
        self.sourced(self.facts.calibrated())
    }

    fn anchors(&self, option: &OptionSpec) -> Anchors {
        let l = &self.facts;
        Anchors {
            max: option.limit.map(|limit| match limit {
                Limit::SendBuffer => l.wmem_max(),
                Limit::RecvBuffer => l.rmem_max(),
            }),
            jiffy_us: Some(l.jiffy()),
            default_congestion: Some(l.tcp_congestion_control.clone()),
            loopback: Some(crate::ladder::LOOPBACK_INDEX_1),
            ip_mreqn_index_dropped: false,
        }
    }

    fn refusal(&self, asked: &Asked<'_>) -> Option<Prediction> {
        // A kind socket() cannot make here is answered by `predict`.
        if self.unsupported_kinds().iter().any(|(k, _)| *k == asked.kind) {
            return None;
        }
        level::refusal(asked.option.level(), asked.kind, asked.request)
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        if asked.kind.is_raw() && !self.facts.cap_net_raw {
            return Prediction::err("EPERM", vec![&socket::RAW_EPERM]);
        }
        if asked.kind.is_icmp() && !self.facts.ping_group {
            return Prediction::err("EACCES", vec![&socket::PING_EACCES]);
        }
        if asked.kind.is_mptcp() && !self.facts.mptcp_enabled {
            return Prediction::err("ENOPROTOOPT", vec![&mptcp::DISABLED]);
        }
        // MPTCP's own option code decides every level (it asks TCP's rules
        // where it hands an option on).
        if asked.kind.is_mptcp() {
            return mptcp::predict(asked.option, asked.kind, asked.state, asked.request, &self.facts);
        }
        options::route(asked.option, asked.kind, asked.state, asked.request, &self.facts)
    }

    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        let mut kinds = Vec::new();
        if !self.facts.cap_net_raw {
            kinds.extend([(Kind::Raw4, "EPERM"), (Kind::Raw6, "EPERM")]);
        }
        if !self.facts.ping_group {
            kinds.extend([(Kind::Icmp4, "EACCES"), (Kind::Icmp6, "EACCES")]);
        }
        if !self.facts.mptcp_enabled {
            kinds.extend([(Kind::Mptcp4, "ENOPROTOOPT"), (Kind::Mptcp6, "ENOPROTOOPT")]);
        }
        kinds
    }

    /// Buffer sizes have one piecewise rule worth writing out with this
    /// host's limits; every other option's formula is derived from predict.
    fn formula(&self, option: &OptionSpec, kind: Kind, state: State) -> String {
        match option.id {
            crate::option::Opt::Buffer(_) => buffers::formula(option, kind, state, &self.facts),
            _ => crate::platform::kit::derived_formula(self, option, kind, state),
        }
    }

    fn capacity_model(&self) -> Option<&dyn CapacityModel> {
        Some(self)
    }

    fn effect_model(&self) -> Option<&dyn EffectModel> {
        Some(self)
    }

    fn dual_stack(&self) -> Option<crate::behaviour::DualStackModel> {
        Some(dual_stack::model(self.facts.bindv6only))
    }

    fn bind_reuse(&self) -> Option<crate::behaviour::bind::BindModel> {
        Some(bind_reuse::model())
    }

    fn broadcast(&self) -> Option<crate::behaviour::broadcast::BroadcastModel> {
        Some(broadcast::model())
    }

    fn linger(&self) -> Option<crate::behaviour::linger::LingerModel> {
        Some(linger::model())
    }

    fn wire(&self) -> Option<crate::behaviour::wire::WireModel> {
        Some(wire::model(self.facts.compat32))
    }

    fn timing(&self) -> Option<crate::behaviour::timing::TimingModel> {
        Some(timing::model())
    }

    fn rules(&self) -> Vec<&'static Rule> {
        let mut all = options::rules();
        all.extend(mptcp::RULES);
        all.extend(capacity::RULES);
        all.extend(effects::RULES);
        all.extend(dual_stack::RULES);
        all.extend(bind_reuse::RULES);
        all.extend(broadcast::RULES);
        all.extend(linger::RULES);
        all.extend(wire::RULES);
        all.extend(timing::RULES);
        all
    }

    fn era(&self, option: &OptionSpec) -> Option<&'static str> {
        options::era(option, &self.facts)
    }

    fn behaviour_variant(&self, group: crate::behaviour::Group) -> Option<&'static str> {
        (group == crate::behaviour::Group::WireTcp && self.facts.compat32).then_some("32bit-on-64bit-kernel")
    }

    fn kind_era(&self, kind: Kind) -> Option<&'static str> {
        kind.is_mptcp().then(|| mptcp::Era::of(&self.facts).name())
    }

    fn privileges(&self) -> &'static str {
        match (self.facts.cap_net_admin, self.facts.cap_net_raw_or_admin) {
            (true, _) => "cap_net_admin",
            (false, true) => "cap_net_raw",
            (false, false) => "unprivileged",
        }
    }
}

impl CapacityModel for Linux {
    fn capacity(&self, kind: Kind, side: Side, requested: Option<i32>) -> (Option<Capacity>, &'static Rule) {
        capacity::predict(kind, side, requested, &self.facts)
    }

    fn era(&self) -> &'static str {
        capacity::era(&self.facts)
    }
}

impl EffectModel for Linux {
    fn predict_effect(&self, effect: &Effect, kind: Kind) -> Prediction {
        effects::predict(effect, kind, &self.facts)
    }
}

#[cfg(test)]
mod stock_release_tests {
    use super::Linux;

    /// Each offline release carries its own stock limit: 212992 before 6.18,
    /// 4 MiB from 6.18 on (net/core/sock.c sysctl_wmem_max / sysctl_rmem_max).
    #[test]
    fn each_offline_release_has_its_own_stock_mem_max() {
        for (release, limit) in [("6.1", 212_992), ("6.12", 212_992), ("6.18", 4_194_304)] {
            let l = Linux::offline(Some(release)).unwrap();
            assert_eq!((l.facts.wmem_max, l.facts.rmem_max), (limit, limit), "{release}");
        }
    }
}
