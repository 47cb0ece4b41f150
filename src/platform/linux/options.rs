//! Routes a Linux case to its family's model, after the level check. One
//! arm per family; each family matches its options without a catch-all.

use super::facts::LinuxFacts;
use super::level;
use super::shared::Args;
use super::{buffers, ipv4, ipv6, membership, socket, tcp, udp};
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::option::{IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::prediction::Prediction;
use crate::rule::Rule;

pub fn rules() -> Vec<&'static Rule> {
    let mut all = Vec::new();
    for family in [
        level::RULES,
        super::shared::RULES,
        super::conntrack::RULES,
        buffers::RULES,
        socket::RULES,
        tcp::RULES,
        ipv4::RULES,
        ipv6::RULES,
        membership::RULES,
        udp::RULES,
    ] {
        all.extend(family);
    }
    all
}

/// The level check, then the option's own rules (for the effect and
/// capacity models, which ask the options model directly).
pub fn predict(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    host: &LinuxFacts,
) -> Prediction {
    level::refusal(option.level(), kind, request).unwrap_or_else(|| route(option, kind, state, request, host))
}

/// The option's own rules, by family.
pub fn route(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    host: &LinuxFacts,
) -> Prediction {
    let case = Args {
        opt: (),
        kind,
        state,
        api: crate::api::Api::Raw,
        request,
        facts: host,
    };
    match option.id {
        Opt::Buffer(_) => buffers::predict(option, kind, state, request, host),
        Opt::Socket(o) => socket::predict(&case.with(o)),
        Opt::Tcp(o) => tcp::predict(&case.with(o)),
        Opt::Ip(o) => ipv4::predict(&case.with(o)),
        Opt::Ipv6(o) => ipv6::predict(&case.with(o)),
        Opt::Udp(o) => udp::predict(&case.with(o)),
    }
}

/// For options whose behaviour changed between kernel releases (or, for
/// one, differs in this kernel's build): which era this kernel is in, so
/// that snapshots keep those rows apart per era.
pub fn era(option: &OptionSpec, host: &LinuxFacts) -> Option<&'static str> {
    match option.id {
        Opt::Socket(SocketOpt::Passcred | SocketOpt::Passsec)
            if host.kernel_version < socket::PASSCRED_RESTRICTED_SINCE =>
        {
            Some("before-6.16")
        }
        Opt::Socket(SocketOpt::Passcred | SocketOpt::Passsec) => Some("6.16-and-later"),
        Opt::Socket(SocketOpt::Txrehash) if host.kernel_version < socket::TXREHASH_TCP_ONLY_SINCE => {
            Some("before-6.16")
        }
        Opt::Socket(SocketOpt::Txrehash) => Some("6.16-and-later"),
        Opt::Socket(SocketOpt::Peerpidfd) if host.kernel_version < socket::PEERPIDFD_SINCE => {
            Some("before-6.5")
        }
        Opt::Socket(SocketOpt::Peerpidfd) => Some("6.5-and-later"),
        // Without CAP_NET_ADMIN every release refuses the other clocks
        // alike (EPERM comes first): no era.
        Opt::Socket(SocketOpt::Txtime) if !host.cap_net_admin_ns => None,
        Opt::Socket(SocketOpt::Txtime) if host.kernel_version < socket::TXTIME_CLOCKS_CHECKED_SINCE => {
            Some("before-6.11")
        }
        Opt::Socket(SocketOpt::Txtime) => Some("6.11-and-later"),
        // Conntrack's rows depend on whether it is loaded and tracks
        // loopback here.
        Opt::Ip(IpOpt::OriginalDst) | Opt::Ipv6(Ipv6Opt::OriginalDst) => {
            Some(match (host.conntrack_loaded, host.conntrack_tracks_loopback) {
                (false, _) => "conntrack-absent",
                (true, false) => "conntrack-loaded",
                (true, true) => "conntrack-tracking",
            })
        }
        // A kernel build that refuses TCP filters keeps its rows apart.
        Opt::Socket(SocketOpt::AttachFilter) if host.tcp_filter_refused => Some("tcp-filters-refused"),
        Opt::Socket(SocketOpt::AttachFilter) => Some("tcp-filters-taken"),
        Opt::Tcp(TcpOpt::WindowClamp) if host.kernel_version < tcp::WINDOW_CLAMP_SIGNED_SINCE => {
            Some("before-6.15")
        }
        Opt::Tcp(TcpOpt::WindowClamp) => Some("6.15-and-later"),
        _ => None,
    }
}
