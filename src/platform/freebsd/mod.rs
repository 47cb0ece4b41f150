//! FreeBSD: sys/kern/uipc_socket.c sosetopt / sogetopt, uipc_sockbuf.c
//! sbsetopt / sbreserve_locked, the protocols' ctloutput functions
//! (tcp_usrreq.c, udp_usrreq.c, ip_output.c, ip6_output.c, uipc_usrreq.c),
//! as read for releng/13.1 and main (14/15). `options.rs` routes a case:
//! options FreeBSD cannot name, the level refusals, then the family files
//! (`socket.rs`, `tcp.rs`, `ip.rs`). Stock numbers per release: `facts.rs`.

mod bind_reuse;
mod broadcast;
pub mod capacity;
mod dual_stack;
mod effects;
pub mod facts;
mod ip;
mod linger;
mod membership;
pub mod options;
mod shared;
mod socket;
mod tcp;
mod timing;
mod wire;

use crate::kind::{Kind, State};
use crate::ladder::Anchors;
use crate::option::OptionSpec;
use crate::os::Os;
use crate::platform::bsd;
use crate::platform::bsd::facts::BsdFacts;
use crate::platform::fact::Fact;
use crate::platform::release::ModelRelease;
use crate::platform::{Asked, CapacityModel, EffectModel, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::xucred;
use facts::{Release, KERN_OSRELDATE, STOCK};
use shared::Ctx;

/// The model over one host's sysctls. The release is the sysctl
/// `kern.osreldate` (`__FreeBSD_version`) among the facts; without it the
/// newest modelled release is assumed. Sysctls the facts lack take the
/// release's stock value.
#[derive(Debug, Clone)]
pub struct FreeBsd {
    pub facts: BsdFacts,
    /// The congestion-control modules this kernel has (sysctl
    /// net.inet.tcp.cc.available), where read; `None`: a stock kernel of the
    /// release, whose built-in module is its default alone.
    pub cc_available: Option<Vec<String>>,
}

impl FreeBsd {
    /// The model of a release from its stock facts (the newest if `None`).
    pub fn offline(release: Option<&str>) -> Result<FreeBsd, String> {
        let release = Release::parse(release)?;
        Ok(FreeBsd {
            facts: facts::stock(release),
            cc_available: None,
        })
    }

    /// The model of a real FreeBSD host: its sysctls over the stock ones of
    /// its release (the newest modelled release unless kern.osreldate says
    /// otherwise).
    pub fn from_host(host: BsdFacts) -> FreeBsd {
        let release = host
            .values
            .get(KERN_OSRELDATE)
            .map_or(Release::newest(), |&v| Release::from_osreldate(v));
        let mut merged = facts::stock(release);
        merged.values.extend(host.values);
        if let Some(&n) = merged.values.get(xucred::GETGROUPS) {
            // Up to 14 getgroups lists the egid; from 15 it does not.
            merged
                .values
                .insert(xucred::NGROUPS, xucred::ngroups(n, release < Release::R15));
        }
        FreeBsd {
            facts: merged,
            cc_available: None,
        }
    }

    pub fn release_era(&self) -> Release {
        self.facts
            .values
            .get(KERN_OSRELDATE)
            .map_or(Release::newest(), |&v| Release::from_osreldate(v))
    }

    fn ctx<'a>(&'a self, kind: Kind, state: State, request: &'a crate::case::Request) -> Ctx<'a> {
        Ctx {
            opt: (),
            kind,
            state,
            api: crate::api::Api::Raw,
            request,
            facts: self,
        }
    }
}

impl Platform for FreeBsd {
    fn undefined(&self, level: crate::option::Level) -> &'static Rule {
        use crate::option::Level;
        match level {
            Level::Socket => &shared::ABSENT_SOCKET_H,
            Level::Tcp => &shared::ABSENT_TCP_H,
            Level::Ip => &shared::ABSENT_IN_H,
            Level::Ipv6 => &shared::ABSENT_IN6_H,
            Level::Udp => &shared::ABSENT_UDP_H,
        }
    }

    fn os(&self) -> Os {
        Os::FreeBsd
    }

    fn label(&self) -> &'static str {
        "freebsd"
    }

    fn release(&self) -> String {
        self.release_era().name().to_string()
    }

    fn facts(&self) -> Vec<Fact> {
        let release = self.release_era();
        let stock = facts::stock(release);
        let mut out: Vec<Fact> = self
            .facts
            .values
            .iter()
            .map(|(&name, &value)| {
                let how = STOCK.iter().find(|s| s.name == name).map(|s| s.how);
                match how {
                    Some(how) if stock.values.get(name) == Some(&value) => Fact::with_how(name, value, how),
                    _ if name == KERN_OSRELDATE && stock.values.get(name) == Some(&value) => Fact::with_how(
                        name,
                        value,
                        "stock value: __FreeBSD_version of the modelled release (sys/sys/param.h)",
                    ),
                    _ => Fact::new(name, value),
                }
            })
            .collect();
        out.push(Fact::with_how(
            "sb_max_adj",
            socket::sb_max_adj(&self.ctx(Kind::Tcp4, State::Fresh, &crate::platform::kit::READ)).value,
            "stock value: kern.ipc.maxsockbuf*MCLBYTES/(MSIZE+MCLBYTES), MSIZE 256, MCLBYTES 2048 (sys/sys/param.h; uipc_sockbuf.c BUF_MAX_ADJ)",
        ));
        out.push(Fact::with_how(
            "net.inet.tcp.cc.algorithm",
            release.default_cc(),
            release.default_cc_how(),
        ));
        out
    }

    fn anchors(&self, option: &OptionSpec) -> Anchors {
        let ctx = self.ctx(Kind::Tcp4, State::Fresh, &crate::platform::kit::READ);
        let hz = ctx.hz();
        Anchors {
            jiffy_us: Some(crate::expr::Sym {
                name: "tick",
                value: 1_000_000 / hz,
            }),
            default_congestion: Some(ctx.release().default_cc().to_string()),
            loopback: self
                .facts
                .values
                .get(bsd::facts::LO0_INDEX)
                .map(|&value| crate::expr::Sym { name: "lo", value }),
            ..bsd::anchors(option, &self.facts)
        }
    }

    fn refusal(&self, asked: &Asked<'_>) -> Option<Prediction> {
        // A kind socket() cannot make here is answered by `predict`.
        if self.unsupported_kinds().iter().any(|(k, _)| *k == asked.kind) {
            return None;
        }
        options::refusal(asked.option, asked.kind, asked.request)
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        if asked.kind.is_raw() {
            return Prediction::err("EPERM", vec![&shared::RAW_PRIV]);
        }
        if asked.kind.is_icmp() {
            return Prediction::err("EPROTONOSUPPORT", vec![&shared::NO_PING_SOCKET]);
        }
        if asked.kind.is_mptcp() {
            return Prediction::err("EPROTONOSUPPORT", vec![&shared::NO_MPTCP]);
        }
        options::predict(
            asked.option,
            &self.ctx(asked.kind, asked.state, asked.request),
            asked.request,
        )
    }

    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        vec![
            (Kind::Raw4, "EPERM"),
            (Kind::Raw6, "EPERM"),
            (Kind::Icmp4, "EPROTONOSUPPORT"),
            (Kind::Icmp6, "EPROTONOSUPPORT"),
            (Kind::Mptcp4, "EPROTONOSUPPORT"),
            (Kind::Mptcp6, "EPROTONOSUPPORT"),
        ]
    }

    fn capacity_model(&self) -> Option<&dyn CapacityModel> {
        Some(self)
    }

    fn effect_model(&self) -> Option<&dyn EffectModel> {
        Some(self)
    }

    fn dual_stack(&self) -> Option<crate::behaviour::DualStackModel> {
        Some(dual_stack::model())
    }

    fn bind_reuse(&self) -> Option<crate::behaviour::bind::BindModel> {
        Some(bind_reuse::model(self.release_era()))
    }

    fn broadcast(&self) -> Option<crate::behaviour::broadcast::BroadcastModel> {
        Some(broadcast::model())
    }

    fn linger(&self) -> Option<crate::behaviour::linger::LingerModel> {
        Some(linger::model())
    }

    fn wire(&self) -> Option<crate::behaviour::wire::WireModel> {
        Some(wire::model())
    }

    fn timing(&self) -> Option<crate::behaviour::timing::TimingModel> {
        Some(timing::model())
    }

    fn rules(&self) -> Vec<&'static Rule> {
        let mut all = options::rules();
        all.extend(effects::RULES);
        all.extend(capacity::RULES);
        all.extend(dual_stack::RULES);
        all.extend(bind_reuse::RULES);
        all.extend(broadcast::RULES);
        all.extend(linger::RULES);
        all.extend(wire::RULES);
        all.extend(timing::RULES);
        all
    }

    fn era(&self, option: &OptionSpec) -> Option<&'static str> {
        options::era(option, self.release_era())
    }
}

impl CapacityModel for FreeBsd {
    fn capacity(
        &self,
        kind: Kind,
        side: crate::capacity::Side,
        requested: Option<i32>,
    ) -> (Option<crate::capacity::Capacity>, &'static Rule) {
        capacity::predict(self, kind, side, requested)
    }

    /// The rules were read at 13.0 only: the era is the release.
    fn era(&self) -> &'static str {
        self.release_era().name()
    }
}

impl EffectModel for FreeBsd {
    fn predict_effect(&self, effect: &crate::effect::Effect, kind: Kind) -> Prediction {
        effects::predict(effect, kind, self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Api;
    use crate::case::Request;
    use crate::value::RelativeValue;

    /// Where net.inet.tcp.cc.available was read, it decides which names a
    /// set takes; a stock 13 kernel has newreno alone.
    #[test]
    fn the_congestion_modules_read_decide_a_set() {
        let ask = |fb: &FreeBsd, name: &str| {
            let case = crate::case::Case::new(
                "TCP_CONGESTION",
                Kind::Tcp4,
                State::Fresh,
                crate::api::Api::Raw,
                Request::Set(RelativeValue::text(name)),
            )
            .unwrap();
            crate::predict::predict(&case, fb).expected.to_string()
        };
        let mut fb = FreeBsd::offline(Some("13")).unwrap();
        assert_eq!(ask(&fb, "cubic"), "EINVAL");
        fb.cc_available = Some(vec!["cubic".into(), "newreno".into(), "htcp".into()]);
        assert_eq!(ask(&fb, "cubic"), "\"cubic\"");
        assert_eq!(ask(&fb, "bbr"), "EINVAL");
        let mut fb15 = FreeBsd::offline(Some("15")).unwrap();
        fb15.cc_available = Some(vec!["cubic".into()]);
        assert_eq!(ask(&fb15, "newreno"), "ESRCH");
    }

    #[test]
    fn unknown_release_lists_the_modelled_ones() {
        let err = FreeBsd::offline(Some("12")).unwrap_err();
        assert!(err.contains("13, 14, 15"), "{err}");
        assert_eq!(FreeBsd::offline(Some("14.3-RELEASE")).unwrap().release(), "14");
        assert_eq!(FreeBsd::offline(None).unwrap().release(), "15");
    }

    #[test]
    fn host_sysctls_override_stock_ones() {
        let mut host = BsdFacts::default();
        host.values.insert("kern.ipc.maxsockbuf", 8 * 1024 * 1024);
        host.values.insert(KERN_OSRELDATE, 1_302_001);
        let fb = FreeBsd::from_host(host);
        assert_eq!(fb.release(), "13");
        let option = crate::catalog::find("SO_SNDBUF").unwrap();
        let request = Request::Set(RelativeValue::int(4_000_000));
        let p = fb.predict(Asked {
            option,
            kind: Kind::Tcp4,
            state: State::Fresh,
            api: Api::Raw,
            request: &request,
        });
        assert_eq!(p.expected.to_string(), "4000000");
    }
}
