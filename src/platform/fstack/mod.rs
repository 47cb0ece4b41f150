//! FreeBSD 13.0's kernel code run in user space through F-Stack, measured
//! beside `linux` and `windows-wine`: never a FreeBSD host. Its model is the
//! FreeBSD model at release 13 with the facts read from the running stack
//! through ff_sysctl (`engine::fstack` asks the probe); every prediction,
//! formula and rule is the FreeBSD model's own. What this platform adds is
//! only what sets it apart: its label, its release, where its facts came
//! from, and that it has no AF_UNIX.

use crate::engine::fstack::{Answer, Probe, NO_UNIX};
use crate::kind::{Kind, State};
use crate::ladder::Anchors;
use crate::option::{Level, OptionSpec};
use crate::os::Os;
use crate::platform::bsd::facts::BsdFacts;
use crate::platform::bsd::facts::LO0_INDEX;
use crate::platform::fact::{Fact, FactValue};
use crate::platform::freebsd::facts::{KERN_OSRELDATE, STOCK};
use crate::platform::freebsd::FreeBsd;
use crate::platform::{Asked, CapacityModel, EffectModel, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::Value;

/// The F-Stack commit the probe is built from (scripts/test-under-fstack).
pub const COMMIT: &str = "5cb586b5";

/// `__FreeBSD_version` of the FreeBSD source F-Stack vendors at that commit
/// (freebsd/sys/sys/param.h); F-Stack does not build kern_mib.c, so
/// `kern.osreldate` cannot be read from the stack.
pub const OSRELDATE: i128 = 1_300_139;

/// How a fact read from the stack says so.
pub const READ: &str = "read from the running stack with ff_sysctl";

const OSRELDATE_HOW: &str = "__FreeBSD_version 1300139 of the FreeBSD source F-Stack 5cb586b5 compiles (freebsd/sys/sys/param.h); kern.osreldate is not built into F-Stack (no kern_mib.c)";

/// Text sysctls read from the stack and shown in the host section.
const TEXT_SYSCTLS: [&str; 2] = ["net.inet.tcp.cc.available", "net.inet.tcp.cc.algorithm"];

/// Sysctls of code F-Stack does not compile, which its headers turn into
/// the constant 0 (read as such when the stack has no such sysctl).
const COMPILED_OUT: [&str; 2] = [
    "net.inet.tcp.fastopen.client_enable",
    "net.inet.tcp.fastopen.server_enable",
];

const COMPILED_OUT_HOW: &str = "0: F-Stack 5cb586b5 builds no tcp_fastopen.c (lib/Makefile defines no TCP_RFC7413), so freebsd/netinet/tcp_fastopen.h defines V_tcp_fastopen_client_enable and V_tcp_fastopen_server_enable as 0 and the stack has no such sysctl";

/// Why the raw and icmp kinds are not run here (F-Stack's stubbed
/// priv_check would let socket(SOCK_RAW) succeed: it is the probe that
/// cannot; FreeBSD has no icmp datagram socket anyway).
const NOT_PROBED_RAW: &str = "not probed: the F-Stack probe makes tcp and udp sockets only";

/// The model's privilege fact: F-Stack's priv_check always succeeds.
const PRIVILEGED: &str = "privileged";

const PRIVILEGED_HOW: &str = "1: F-Stack 5cb586b5 stubs priv_check and priv_check_cred to return 0 (lib/ff_glue.c), so every privilege check passes";

/// Sysctls the FreeBSD model uses that F-Stack cannot have (no AF_UNIX) or
/// that are no sysctl (lo0's MTU, the process's own ids): they keep the
/// stock value of 13.
fn readable(name: &str) -> bool {
    !name.starts_with("net.local.")
        && ![
            "lo0.mtu",
            PRIVILEGED,
            crate::xucred::EUID,
            crate::xucred::EGID,
            crate::xucred::NGROUPS,
        ]
        .contains(&name)
}

const LO0_INDEX_HOW: &str = "read from the running stack with the ioctl SIOCGIFINDEX (F-Stack's lo0, made by if_loop.c's vnet_loif_init)";

/// The FreeBSD model at 13 over the facts F-Stack's stack reported.
#[derive(Debug, Clone)]
pub struct FstackFreeBsd {
    /// The FreeBSD model at release 13 with the sysctls read.
    pub model: FreeBsd,
    /// The integer sysctls that came from the stack (the rest are stock).
    pub read: Vec<&'static str>,
    /// Text sysctls read from the stack (congestion control).
    pub text: Vec<(&'static str, String)>,
}

impl FstackFreeBsd {
    /// Reads every sysctl the FreeBSD model uses from the running stack.
    /// A sysctl the stack lacks keeps the stock value of 13 (and says so);
    /// a probe that does not answer is an error.
    pub fn read(probe: &Probe) -> Result<FstackFreeBsd, String> {
        let mut facts = BsdFacts::default();
        let mut read = Vec::new();
        for name in STOCK.iter().map(|s| s.name).filter(|n| readable(n)) {
            match probe.sysctl(name)? {
                Answer::Ok(Value::Int(v)) => {
                    facts.values.insert(name, v);
                    read.push(name);
                }
                Answer::Err(_) | Answer::NotAvailable(_) => {}
                other => return Err(format!("sysctl {name}: unexpected answer {other:?}")),
            }
        }
        for name in COMPILED_OUT {
            if !read.contains(&name) {
                facts.values.insert(name, 0);
            }
        }
        facts.values.insert(PRIVILEGED, 1);
        facts.values.insert(KERN_OSRELDATE, OSRELDATE);
        match probe.ifindex("lo0")? {
            Answer::Ok(Value::Int(index)) => {
                facts.values.insert(LO0_INDEX, index);
            }
            Answer::Err(_) | Answer::NotAvailable(_) => {}
            other => return Err(format!("ifindex lo0: unexpected answer {other:?}")),
        }
        let mut text = Vec::new();
        for name in TEXT_SYSCTLS {
            match probe.sysctl(name)? {
                Answer::Ok(Value::Text(s)) => text.push((name, s)),
                other => return Err(format!("sysctl {name}: unexpected answer {other:?}")),
            }
        }
        let mut model = FreeBsd::from_host(facts);
        // F-Stack builds more congestion modules in than a stock 13 kernel.
        model.cc_available = text
            .iter()
            .find(|(name, _)| *name == "net.inet.tcp.cc.available")
            .map(|(_, list)| list.split(',').map(|m| m.trim().to_string()).collect());
        Ok(FstackFreeBsd { model, read, text })
    }

    /// The model alone, at FreeBSD 13's stock facts with F-Stack's hz (for
    /// tests that have no probe).
    pub fn offline() -> FstackFreeBsd {
        let mut facts = BsdFacts::default();
        facts.values.insert(KERN_OSRELDATE, OSRELDATE);
        facts.values.insert("kern.hz", 100);
        for name in COMPILED_OUT {
            facts.values.insert(name, 0);
        }
        facts.values.insert(PRIVILEGED, 1);
        FstackFreeBsd {
            model: FreeBsd::from_host(facts),
            read: Vec::new(),
            text: Vec::new(),
        }
    }
}

impl Platform for FstackFreeBsd {
    fn os(&self) -> Os {
        Os::FreeBsd
    }

    fn label(&self) -> &'static str {
        "freebsd-fstack"
    }

    fn release(&self) -> String {
        format!("FreeBSD 13.0 (F-Stack {COMMIT})")
    }

    fn facts(&self) -> Vec<Fact> {
        let mut out: Vec<Fact> = self
            .model
            .facts()
            .into_iter()
            .filter(|f| !self.text.iter().any(|(n, _)| *n == f.name))
            .map(|f| match f.name {
                KERN_OSRELDATE => Fact::with_how(f.name, f.value, OSRELDATE_HOW),
                name if self.read.contains(&name) => Fact::with_how(name, f.value, READ),
                name if COMPILED_OUT.contains(&name) => Fact::with_how(name, f.value, COMPILED_OUT_HOW),
                PRIVILEGED => Fact::with_how(PRIVILEGED, f.value, PRIVILEGED_HOW),
                LO0_INDEX => Fact::with_how(LO0_INDEX, f.value, LO0_INDEX_HOW),
                _ => f,
            })
            .collect();
        out.extend(
            self.text
                .iter()
                .map(|(name, value)| Fact::with_how(name, FactValue::Text(value.clone()), READ)),
        );
        out
    }

    fn anchors(&self, option: &OptionSpec) -> Anchors {
        self.model.anchors(option)
    }

    fn undefined(&self, level: Level) -> &'static Rule {
        self.model.undefined(level)
    }

    fn refusal(&self, asked: &Asked<'_>) -> Option<Prediction> {
        self.model.refusal(asked)
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        self.model.predict(asked)
    }

    fn formula(&self, option: &OptionSpec, kind: Kind, state: State) -> String {
        self.model.formula(option, kind, state)
    }

    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        vec![
            (Kind::UnixStream, NO_UNIX),
            (Kind::UnixDgram, NO_UNIX),
            (Kind::UnixSeqpacket, NO_UNIX),
            (Kind::Raw4, NOT_PROBED_RAW),
            (Kind::Raw6, NOT_PROBED_RAW),
            (Kind::Icmp4, NOT_PROBED_RAW),
            (Kind::Icmp6, NOT_PROBED_RAW),
            (Kind::Mptcp4, NOT_PROBED_RAW),
            (Kind::Mptcp6, NOT_PROBED_RAW),
        ]
    }

    fn capacity_model(&self) -> Option<&dyn CapacityModel> {
        self.model.capacity_model()
    }

    fn effect_model(&self) -> Option<&dyn EffectModel> {
        self.model.effect_model()
    }

    /// FreeBSD's dual-stack model over the stack's facts: the probe runs
    /// these cases (`engine::fstack_behaviour`).
    fn dual_stack(&self) -> Option<crate::behaviour::DualStackModel> {
        self.model.dual_stack()
    }

    /// FreeBSD's header-value model: the probe runs these cases
    /// (`engine::fstack_behaviour`).
    fn wire(&self) -> Option<crate::behaviour::wire::WireModel> {
        self.model.wire()
    }

    /// FreeBSD's bind-and-reuse model: the probe runs these cases on the
    /// stack's own in_pcbbind (`engine::fstack_behaviour`).
    fn bind_reuse(&self) -> Option<crate::behaviour::bind::BindModel> {
        self.model.bind_reuse()
    }

    fn rules(&self) -> Vec<&'static Rule> {
        self.model.rules()
    }

    /// None: this platform is one release (F-Stack pins FreeBSD 13.0), so
    /// no row needs keeping apart by era and every table is
    /// `<family>@freebsd-fstack`.
    fn era(&self, _option: &OptionSpec) -> Option<&'static str> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The model is FreeBSD's at 13, labelled apart from FreeBSD.
    #[test]
    fn is_the_freebsd_13_model_labelled_apart() {
        let p = FstackFreeBsd::offline();
        assert_eq!(p.model.release(), "13");
        assert_eq!(p.label(), "freebsd-fstack");
        assert_eq!(p.os(), Os::FreeBsd);
        assert!(p.release().contains("F-Stack"));
        let hz = p.facts().into_iter().find(|f| f.name == "kern.hz").unwrap();
        assert_eq!(hz.value, FactValue::Int(100));
    }
}
