//! Routes a FreeBSD case: options FreeBSD has no constant for, then the
//! protocol's `pr_ctloutput` refusals (level vs socket family), then the
//! family's model. Each family file matches its sub-enum without a catch-all.

use super::facts::Release;
use super::shared::{
    Ctx, ROUTE_IPV6_ON_INET, ROUTE_IP_ON_INET6, ROUTE_TCP_IPSWALLOW, ROUTE_TCP_ON_UDP, ROUTE_UNIX_LEVEL,
};
use super::{ip, socket, tcp};
use crate::case::Request;
use crate::kind::{Domain, Kind};
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Level, Opt, OptionSpec, SocketOpt, TcpOpt};
use crate::prediction::Prediction;
use crate::rule::Rule;

/// The protocol's refusal of the whole level on this kind, if it refuses.
pub fn refusal(option: &OptionSpec, kind: Kind, request: &Request) -> Option<Prediction> {
    let err = |rule: &'static Rule| Some(Prediction::err("EINVAL", vec![rule]));
    match (option.level(), kind.domain()) {
        (Level::Socket, _) => None,
        (Level::Tcp, Domain::Unix) | (Level::Ipv6, Domain::Unix) => err(&ROUTE_UNIX_LEVEL),
        (Level::Tcp, _) if !kind.is_tcp() => err(&ROUTE_TCP_ON_UDP),
        (Level::Tcp, _) => None,
        (Level::Ipv6, Domain::Ipv4) => err(&ROUTE_IPV6_ON_INET),
        (Level::Ipv6, Domain::Ipv6) => None,
        (Level::Ip, Domain::Ipv6) => {
            let swallowed = kind.is_tcp()
                && matches!(option.id, Opt::Ip(IpOpt::Ttl | IpOpt::Tos))
                && matches!(request, Request::Set(_));
            if swallowed {
                Some(Prediction::err(
                    "EINVAL",
                    vec![&ROUTE_TCP_IPSWALLOW, &ROUTE_IP_ON_INET6],
                ))
            } else {
                err(&ROUTE_IP_ON_INET6)
            }
        }
        (Level::Ip, _) => None,
        // No UDP-level option is defined on FreeBSD here: the gate has answered.
        (Level::Udp, _) => None,
    }
}

pub fn predict(option: &'static OptionSpec, ctx: &Ctx<'_>, request: &Request) -> Prediction {
    match option.id {
        Opt::Buffer(o) => socket::buffer(ctx, o, request),
        Opt::Socket(o) => socket::predict(ctx, o, request),
        Opt::Tcp(o) => tcp::predict(ctx, o, request),
        Opt::Ip(o) => ip::predict_v4(ctx, o, request),
        Opt::Ipv6(o) => ip::predict_v6(ctx, o, request),
        Opt::Udp(_) => crate::platform::gated(),
    }
}

/// Options whose rows differ between the modelled releases.
pub fn era(option: &OptionSpec, release: Release) -> Option<&'static str> {
    let name = if release.fourteen_or_later() {
        "14-and-later"
    } else {
        "13"
    };
    match option.id {
        Opt::Buffer(BufferOpt::Sndbuf | BufferOpt::Rcvbuf)
        | Opt::Socket(SocketOpt::Sndlowat | SocketOpt::Rcvlowat)
        | Opt::Tcp(TcpOpt::Congestion)
        | Opt::Ip(IpOpt::Tos)
        | Opt::Ipv6(Ipv6Opt::Tclass) => Some(name),
        _ => None,
    }
}

pub fn rules() -> Vec<&'static Rule> {
    let mut all: Vec<&'static Rule> = super::shared::RULES.to_vec();
    all.extend(socket::RULES);
    all.extend(tcp::RULES);
    all.extend(ip::RULES);
    all.extend(super::membership::RULES);
    all
}
