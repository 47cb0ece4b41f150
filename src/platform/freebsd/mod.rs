//! FreeBSD: sys/kern/uipc_socket.c sosetopt / sogetopt and
//! uipc_sockbuf.c sbsetopt / sbreserve_locked, with the shared BSD rules in `bsd.rs`.

use crate::platform::bsd::{self, Flavor, FlavorRules, OverLimit};
use crate::case::Request;
use crate::option::OptionSpec;
use crate::platform::bsd::facts::BsdFacts;
use crate::kind::Kind;
use crate::prediction::Prediction;
use crate::rule::Rule;

pub const RULES: FlavorRules = crate::bsd_rules!(
    "freebsd",
    "freebsd sys/kern/uipc_socket.c sosetopt / sogetopt",
    "freebsd sys/kern/uipc_sockbuf.c sbreserve_locked"
);

const FLAVOR: Flavor = Flavor {
    over_limit: OverLimit::EnobufsAbove {
        msize: 256,
        mclbytes: 2048,
    },
    rules: &RULES,
    af_inet6: 28,
};

pub fn predict(option: &OptionSpec, kind: Kind, request: &Request, h: &BsdFacts) -> Prediction {
    bsd::predict(&FLAVOR, option, kind, request, h)
}

pub fn rules() -> Vec<&'static Rule> {
    RULES.all()
}

/// The model over one host's sysctls.
#[derive(Debug, Clone)]
pub struct FreeBsd {
    pub facts: BsdFacts,
}

impl crate::platform::Platform for FreeBsd {
    fn os(&self) -> crate::os::Os {
        crate::os::Os::FreeBsd
    }

    fn label(&self) -> &'static str {
        "freebsd"
    }

    fn release(&self) -> String {
        "unknown".into()
    }

    fn facts(&self) -> Vec<crate::platform::fact::Fact> {
        bsd::report(&self.facts)
    }

    fn anchors(&self, option: &OptionSpec) -> crate::ladder::Anchors {
        bsd::anchors(option, &self.facts)
    }

    fn predict(&self, asked: crate::platform::Asked<'_>) -> Prediction {
        predict(asked.option, asked.kind, asked.request, &self.facts)
    }

    fn formula(&self, _option: &OptionSpec, _kind: Kind, _state: crate::kind::State) -> String {
        "?".into()
    }

    fn rules(&self) -> Vec<&'static Rule> {
        rules()
    }
}
