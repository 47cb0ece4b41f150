//! FreeBSD: sys/kern/uipc_socket.c sosetopt / sogetopt and
//! uipc_sockbuf.c sbsetopt / sbreserve_locked, with the shared BSD rules in `bsd.rs`.

use super::bsd::{self, Flavor, FlavorRules, OverLimit};
use crate::case::Request;
use crate::catalog::OptionSpec;
use crate::host::BsdFacts;
use crate::kind::Kind;
use crate::outcome::Prediction;
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
