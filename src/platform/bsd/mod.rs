//! What macOS and FreeBSD share here: reading sysctls on the host
//! (`facts.rs`), the IP_OPTIONS walk both kernels do (`ip_options.rs`), and placing the buffer ladder's relative rungs at
//! kern.ipc.maxsockbuf. Each OS's model lives in its own folder: the two
//! kernels differ in too many details for a shared model to stay honest.

pub mod facts;
pub mod ip_options;

use crate::option::OptionSpec;
use facts::BsdFacts;

/// The host quantities a BSD option's relative rungs sit at: one limit for
/// both directions, kern.ipc.maxsockbuf (sb_max).
pub fn anchors(option: &OptionSpec, facts: &BsdFacts) -> crate::ladder::Anchors {
    crate::ladder::Anchors {
        max: option.limit.and_then(|_| facts.sym("kern.ipc.maxsockbuf")),
        ..Default::default()
    }
}

/// The sysctls, for the report.
pub fn report(facts: &BsdFacts) -> Vec<crate::platform::fact::Fact> {
    facts
        .values
        .iter()
        .map(|(&n, &v)| crate::platform::fact::Fact::new(n, v))
        .collect()
}
