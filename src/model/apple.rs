//! macOS (XNU): bsd/kern/uipc_socket.c sosetoptlock / sogetoptlock and
//! uipc_socket2.c sbreserve, with the shared BSD rules in `bsd.rs`.

use super::bsd::{self, Flavor, FlavorRules, OverLimit};
use crate::case::Request;
use crate::catalog::OptionSpec;
use crate::host::BsdFacts;
use crate::kind::Kind;
use crate::outcome::Prediction;
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
