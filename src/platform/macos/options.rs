//! Routes a macOS case to its family: SOL_SOCKET to the socket layer (every
//! kind), the protocol levels through route.rs's level and AF_UNIX checks to
//! tcp.rs and ip.rs. One arm per family; each family matches its options
//! without a catch-all.

use super::route::{self, Ctx};
use super::{ip, socket, tcp, MacOs, OverLimit};
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::option::{BufferOpt, IpOpt, Opt, OptionSpec};
use crate::platform::fact::with_numbers;
use crate::platform::{Asked, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;

pub fn rules() -> Vec<&'static Rule> {
    let mut all = Vec::new();
    for family in [
        route::RULES,
        socket::RULES,
        tcp::RULES,
        ip::RULES,
        super::membership::RULES,
    ] {
        all.extend(family.iter().copied());
    }
    all
}

/// The level check of XNU's protocol ctloutput (and AF_UNIX's uipc_ctloutput).
pub fn refusal(mac: &MacOs, asked: &Asked<'_>) -> Option<Prediction> {
    if asked.option.level() == crate::option::Level::Socket {
        return None;
    }
    let c = Ctx::of(asked, mac);
    route::level(&c, asked.option.id)
}

pub fn predict(mac: &MacOs, asked: Asked<'_>) -> Prediction {
    if asked.kind == crate::kind::Kind::UnixSeqpacket {
        return super::route::err("EPROTONOSUPPORT", &super::route::NO_SEQPACKET);
    }
    if asked.kind.is_raw() {
        return super::route::err("EPERM", &super::route::RAW_ROOT);
    }
    if asked.kind.is_mptcp() {
        return super::route::err("EPROTONOSUPPORT", &super::route::NO_MPTCP);
    }
    let c = Ctx::of(&asked, mac);
    match asked.option.id {
        Opt::Buffer(o) => socket::buffer(o, &c),
        Opt::Socket(o) => socket::predict(o, &c),
        Opt::Tcp(o) => tcp::predict(o, &c),
        Opt::Ip(o) => ip::v4(o, &c),
        Opt::Ipv6(o) => ip::v6(o, &c),
        Opt::Udp(_) => crate::platform::gated(),
    }
}

/// The options whose behaviour differs between the modelled releases, and
/// the era this release is in.
pub fn era(mac: &MacOs, option: &OptionSpec) -> Option<&'static str> {
    match option.id {
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf) => Some(match mac.release.over_limit {
            OverLimit::Enobufs => "enobufs-before-14.4",
            OverLimit::Clamp => "clamp-since-14.4",
        }),
        Opt::Ip(IpOpt::Ttl | IpOpt::Tos) => Some(if mac.release.ip_byte_checked {
            "checked-since-11"
        } else {
            "unchecked-before-11"
        }),
        _ => None,
    }
}

/// The main rule's formula for the option on this kind and state, with the
/// host numbers it names.
pub fn formula(mac: &MacOs, option: &OptionSpec, kind: Kind, state: State) -> String {
    let ask = |request: &Request| {
        predict(
            mac,
            Asked {
                option: crate::catalog::spec(option.id),
                kind,
                state,
                api: crate::api::Api::Raw,
                request,
            },
        )
    };
    let set = ask(&crate::platform::kit::sample(option));
    let get = ask(&Request::Default);
    let main = |p: &Prediction| p.rules.last().map_or("?", |r| r.formula);
    let mut text = main(&set).to_string();
    // A default read from a sysctl is named as that sysctl: the default
    // rule's own formula lists every kind's.
    let default = get.expected.to_string();
    if mac.facts.values.iter().any(|(name, _)| default.contains(*name)) {
        text = format!("{text}; default {default}");
    } else if main(&get) != text {
        text = format!("{text}; default: {}", main(&get));
    }
    with_numbers(text, &mac.facts())
}
