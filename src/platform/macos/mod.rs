//! macOS (XNU): bsd/kern/uipc_socket.c sosetoptlock / sogetoptlock and
//! uipc_socket2.c sbreserve, with the shared BSD rules in `bsd.rs`.

use crate::platform::bsd::{self, Flavor, FlavorRules, OverLimit};
use crate::case::Request;
use crate::option::OptionSpec;
use crate::platform::bsd::facts::BsdFacts;
use crate::kind::Kind;
use crate::prediction::Prediction;
use crate::rule::Rule;

pub const RULES: FlavorRules = crate::bsd_rules!(
    "apple",
    "xnu bsd/kern/uipc_socket.c sosetoptlock / sogetoptlock",
    "xnu bsd/kern/uipc_socket2.c sbreserve"
);

const FLAVOR: Flavor = Flavor {
    over_limit: OverLimit::Clamp,
    rules: &RULES,
    af_inet6: 30,
};

pub fn predict(option: &OptionSpec, kind: Kind, request: &Request, h: &BsdFacts) -> Prediction {
    bsd::predict(&FLAVOR, option, kind, request, h)
}

pub fn rules() -> Vec<&'static Rule> {
    RULES.all()
}

/// The model over one host's sysctls.
#[derive(Debug, Clone)]
pub struct MacOs {
    pub facts: BsdFacts,
}

impl crate::platform::Platform for MacOs {
    fn os(&self) -> crate::os::Os {
        crate::os::Os::MacOs
    }

    fn label(&self) -> &'static str {
        "macos"
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
