//! macOS (XNU), as read from apple-oss-distributions/xnu tags xnu-6153 …
//! xnu-11417.121.6: bsd/kern/uipc_socket.c sosetoptlock / sogetoptlock for
//! SOL_SOCKET, each protocol's pr_ctloutput for the rest (tcp_ctloutput,
//! udp_ctloutput → ip_ctloutput / ip6_ctloutput, uipc_ctloutput on AF_UNIX).
//!
//! `options.rs` routes a case by level and socket family; the families are in
//! `socket.rs` (SOL_SOCKET incl. buffers), `tcp.rs`, `ip.rs` (IPv4 and IPv6).
//! `route.rs` has what is decided before a family sees the option (names XNU
//! lacks, wrong levels, AF_UNIX). Stock facts are in `facts.rs`.

mod bind_reuse;
mod broadcast;
mod dual_stack;
mod executable_uuid;
pub mod facts;
mod ip;
mod linger;
mod membership;
pub mod options;
mod route;
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
use crate::platform::{Asked, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::xucred;

/// What sbreserve does with a size above the limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OverLimit {
    /// xnu ≤ 10002 (macOS ≤ 14.3): ENOBUFS above sb_max·MCLBYTES/(MSIZE+MCLBYTES).
    Enobufs,
    /// xnu ≥ 10063.101.15 (macOS 14.4+): clamped to sb_max.
    Clamp,
}

/// One modelled release range and the XNU tag it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Release {
    /// The name `offline` accepts.
    pub name: &'static str,
    /// The macOS releases it covers.
    pub covers: &'static str,
    pub xnu: &'static str,
    /// IP_TTL / IP_TOS refuse `optval > UINT8_MAX` (xnu-7195+).
    pub ip_byte_checked: bool,
    pub over_limit: OverLimit,
    /// unp_attach sets a unix datagram socket's send low-water mark to 1
    /// (from xnu-8792.41.9, macOS 13); before, soreserve's MCLBYTES capped
    /// at the send buffer (2048) stays.
    pub dgram_sndlowat_one: bool,
}

impl ModelRelease for Release {
    const OS: &'static str = "macOS";
    const ALL: &'static [Release] = RELEASE_TABLE;

    fn name(self) -> &'static str {
        self.name
    }
}

/// The modelled releases, oldest first; the last is the newest.
pub const RELEASE_TABLE: &[Release] = &[
    Release {
        name: "10.15",
        covers: "macOS 10.15 and older",
        xnu: "xnu-6153.141.1",
        ip_byte_checked: false,
        over_limit: OverLimit::Enobufs,
        dgram_sndlowat_one: false,
    },
    Release {
        name: "11",
        covers: "macOS 11 to 13",
        xnu: "xnu-7195.50.7.100.1",
        ip_byte_checked: true,
        over_limit: OverLimit::Enobufs,
        // macOS 13 (xnu-8792.41.9) already sets it: this release speaks for 11 and 12 here.
        dgram_sndlowat_one: false,
    },
    Release {
        name: "14.3",
        covers: "macOS 14.0 to 14.3",
        xnu: "xnu-10002.81.5",
        ip_byte_checked: true,
        over_limit: OverLimit::Enobufs,
        dgram_sndlowat_one: true,
    },
    Release {
        name: "15",
        covers: "macOS 14.4 to 15.x",
        xnu: "xnu-11417.121.6",
        ip_byte_checked: true,
        over_limit: OverLimit::Clamp,
        dgram_sndlowat_one: true,
    },
];

/// The macOS model over one set of sysctls and one release.
#[derive(Debug, Clone)]
pub struct MacOs {
    pub facts: BsdFacts,
    pub release: Release,
    /// Whether the facts were read from a real Mac (else stock values).
    pub on_host: bool,
}

impl MacOs {
    /// The model of a stock Mac of `release` (default: the newest).
    pub fn offline(release: Option<&str>) -> Result<MacOs, String> {
        let release = Release::parse(release)?;
        Ok(MacOs {
            facts: facts::stock(),
            release,
            on_host: false,
        })
    }

    /// The model of a real Mac: the newest release, its sysctls over the
    /// stock ones.
    pub fn from_host(host: BsdFacts) -> MacOs {
        let mut all = facts::stock();
        all.values.extend(host.values);
        if let Some(&n) = all.values.get(xucred::GETGROUPS) {
            all.values.insert(xucred::NGROUPS, xucred::ngroups(n, true));
        }
        MacOs {
            facts: all,
            release: Release::newest(),
            on_host: true,
        }
    }

    /// A fact by name (stock facts are always present).
    pub(crate) fn sym(&self, name: &'static str) -> crate::expr::Sym {
        // Every stock fact is present (offline and on a Mac): a name that is
        // not is a model bug, which the invariant test's every-case run finds.
        self.facts
            .sym(name)
            .unwrap_or_else(|| panic!("the macOS model names {name}, which is not in facts::STOCK"))
    }
}

impl Platform for MacOs {
    fn undefined(&self, level: crate::option::Level) -> &'static Rule {
        use crate::option::Level;
        match level {
            Level::Socket => &route::UNDEFINED_SOCKET,
            Level::Tcp => &route::UNDEFINED_TCP,
            Level::Ip => &route::UNDEFINED_IN,
            Level::Ipv6 => &route::UNDEFINED_IN6,
            Level::Udp => &route::UNDEFINED_UDP,
        }
    }

    fn os(&self) -> Os {
        Os::MacOs
    }

    fn label(&self) -> &'static str {
        "macos"
    }

    fn release(&self) -> String {
        format!(
            "{} ({}, {})",
            self.release.name, self.release.covers, self.release.xnu
        )
    }

    fn facts(&self) -> Vec<Fact> {
        self.facts
            .values
            .iter()
            .map(|(&name, &value)| {
                let stock = facts::STOCK.iter().find(|(n, _, _)| *n == name);
                match stock {
                    Some(&(_, v, how)) if !self.on_host || v == value => Fact::with_how(name, value, how),
                    _ => Fact::with_how(name, value, "read from this host with sysctlbyname"),
                }
            })
            .collect()
    }

    fn anchors(&self, option: &OptionSpec) -> Anchors {
        let mut anchors = bsd::anchors(option, &self.facts);
        // One tick of kern.hz, for the timeout ladder's rungs around a tick
        // (XNU keeps timeouts as a timeval, so none of them is rounded).
        let hz = self.sym("kern.hz").value.max(1);
        anchors.jiffy_us = Some(crate::expr::Sym {
            name: "tick(1e6/kern.hz)",
            value: 1_000_000 / hz,
        });
        anchors.loopback = Some(crate::ladder::LOOPBACK_INDEX_1);
        // xnu reads an ip_mreqn as an ip_mreq: no join by index is asked.
        anchors.ip_mreqn_index_dropped = true;
        anchors
    }

    fn refusal(&self, asked: &Asked<'_>) -> Option<Prediction> {
        options::refusal(self, asked)
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        options::predict(self, asked)
    }

    fn formula(&self, option: &OptionSpec, kind: Kind, state: State) -> String {
        options::formula(self, option, kind, state)
    }

    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        vec![
            (Kind::UnixSeqpacket, "EPROTONOSUPPORT"),
            (Kind::Raw4, "EPERM"),
            (Kind::Raw6, "EPERM"),
            (Kind::Mptcp4, "EPROTONOSUPPORT"),
            (Kind::Mptcp6, "EPROTONOSUPPORT"),
        ]
    }

    fn dual_stack(&self) -> Option<crate::behaviour::DualStackModel> {
        Some(dual_stack::model())
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
        Some(wire::model())
    }

    fn timing(&self) -> Option<crate::behaviour::timing::TimingModel> {
        Some(timing::model())
    }

    fn rules(&self) -> Vec<&'static Rule> {
        let mut all = options::rules();
        all.extend(dual_stack::RULES);
        all.extend(bind_reuse::RULES);
        all.extend(broadcast::RULES);
        all.extend(linger::RULES);
        all.extend(wire::RULES);
        all.extend(timing::RULES);
        all
    }

    fn era(&self, option: &OptionSpec) -> Option<&'static str> {
        options::era(self, option)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Api;
    use crate::case::{Case, Request};
    use crate::value::RelativeValue;

    /// socket2's header_included_v6 pair sends IP_HDRINCL's 2 at
    /// IPPROTO_IPV6, a number xnu leaves unnamed: the raw path cannot ask
    /// it, socket2's can, and the kernel routes it like any other name.
    #[test]
    fn socket2_sends_an_ipv6_number_xnu_leaves_unnamed() {
        let mac = MacOs::offline(None).unwrap();
        let ask = |kind, state, api, request| {
            let case = Case::new("IPV6_HDRINCL", kind, state, api, request).unwrap();
            let p = crate::predict::predict(&case, &mac);
            (
                p.expected.to_string(),
                p.rules.iter().map(|r| r.id).collect::<Vec<_>>(),
            )
        };
        let set = Request::Set(RelativeValue::int(1));
        assert_eq!(
            ask(Kind::Tcp6, State::Fresh, Api::Raw, set.clone()).0,
            "UNDEFINED"
        );
        let (value, rules) = ask(Kind::Tcp6, State::Fresh, Api::Socket2, set.clone());
        assert_eq!(value, "ENOPROTOOPT");
        assert_eq!(rules, ["socket2.sends_unnamed_number", "macos.ip6.unnamed_name"]);
        assert_eq!(
            ask(Kind::Udp4, State::Fresh, Api::Socket2, set.clone()).0,
            "EINVAL"
        );
        assert_eq!(
            ask(Kind::UnixStream, State::Connected, Api::Socket2, set).0,
            "EOPNOTSUPP"
        );
        let (_, rules) = ask(Kind::UnixStream, State::Connected, Api::Socket2, Request::Default);
        assert!(rules.contains(&"macos.route.unix_get_peerpid"), "{rules:?}");
    }
}
