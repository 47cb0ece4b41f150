//! Linux: net/core/sock.c and the protocol files, as read for kernel 6.x.
//! Each family of options has its own file; this one routes a case to it
//! after the check every option goes through first: is the option's level
//! handled by this kind of socket at all?

mod buffers;
pub mod capacity;
pub mod effects;
mod ipv4;
mod ipv6;
mod socket;
mod tcp;

use crate::case::Request;
use crate::catalog::{Family, Level, OptionSpec};
use crate::expr::Expr;
use crate::host::LinuxFacts;
use crate::kind::{Family as Domain, Kind, State};
use crate::outcome::Prediction;
use crate::rule::Rule;
use crate::value::Val;

pub const LEVEL_UNIX: Rule = Rule {
    id: "linux.level.unix",
    formula: "EOPNOTSUPP",
    why: "unix sockets have no setsockopt/getsockopt for any level but SOL_SOCKET",
    source: "net/socket.c do_sock_setsockopt / do_sock_getsockopt (no ops->setsockopt for AF_UNIX)",
};
pub const LEVEL_SET_ENOPROTOOPT: Rule = Rule {
    id: "linux.level.set_enoprotoopt",
    formula: "ENOPROTOOPT",
    why: "a level this protocol does not handle falls through to ip_setsockopt / ipv6_setsockopt, which answer ENOPROTOOPT",
    source: "net/ipv4/ip_sockglue.c ip_setsockopt; net/ipv6/ipv6_sockglue.c ipv6_setsockopt",
};
pub const LEVEL_GET_IPV4: Rule = Rule {
    id: "linux.level.get_eopnotsupp",
    formula: "EOPNOTSUPP",
    why: "on an IPv4 socket a level it does not handle falls through to ip_getsockopt, which answers EOPNOTSUPP (not the setter's ENOPROTOOPT)",
    source: "net/ipv4/ip_sockglue.c ip_getsockopt",
};
pub const LEVEL_GET_IPV6: Rule = Rule {
    id: "linux.level.get_enoprotoopt",
    formula: "ENOPROTOOPT",
    why: "on an IPv6 socket a level it does not handle falls through to ipv6_getsockopt, which answers ENOPROTOOPT",
    source: "net/ipv6/ipv6_sockglue.c ipv6_getsockopt",
};

pub fn rules() -> Vec<&'static Rule> {
    let mut all = vec![
        &LEVEL_UNIX,
        &LEVEL_SET_ENOPROTOOPT,
        &LEVEL_GET_IPV4,
        &LEVEL_GET_IPV6,
    ];
    for family in [
        buffers::RULES,
        socket::RULES,
        tcp::RULES,
        ipv4::RULES,
        ipv6::RULES,
    ] {
        all.extend(family);
    }
    all
}

pub fn predict(
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
    host: &LinuxFacts,
) -> Prediction {
    if let Some(refused) = level_refusal(option.level, kind, request) {
        return refused;
    }
    let args = Args {
        name: option.name,
        kind,
        state,
        host,
    };
    match option.family {
        Family::Buffers => buffers::predict(option, kind, state, request, host),
        Family::Socket => socket::predict(&args, request),
        Family::Tcp => tcp::predict(&args, request),
        Family::Ipv4 => ipv4::predict(&args, request),
        Family::Ipv6 => ipv6::predict(&args, request),
    }
}

/// What a family model needs to know about the case.
pub struct Args<'a> {
    pub name: &'static str,
    pub kind: Kind,
    pub state: State,
    pub host: &'a LinuxFacts,
}

/// The error when the socket's protocol does not handle the option's level.
pub(crate) fn level_refusal(level: Level, kind: Kind, request: &Request) -> Option<Prediction> {
    let handled = match level {
        Level::Socket => true,
        Level::Tcp => kind.is_tcp(),
        Level::Ip => kind.family() != Domain::Unix,
        Level::Ipv6 => kind.family() == Domain::Ipv6,
    };
    if handled {
        return None;
    }
    Some(match (kind.family(), request) {
        (Domain::Unix, _) => Prediction::err("EOPNOTSUPP", vec![&LEVEL_UNIX]),
        (_, Request::Set(_)) => Prediction::err("ENOPROTOOPT", vec![&LEVEL_SET_ENOPROTOOPT]),
        (Domain::Ipv4, Request::Default) => Prediction::err("EOPNOTSUPP", vec![&LEVEL_GET_IPV4]),
        (Domain::Ipv6, Request::Default) => Prediction::err("ENOPROTOOPT", vec![&LEVEL_GET_IPV6]),
    })
}

/// For options whose behaviour changed between kernel releases: which era
/// this kernel is in, so that snapshots keep those rows apart per era.
pub fn era(option: &OptionSpec, host: &LinuxFacts) -> Option<&'static str> {
    match option.name {
        "SO_PASSCRED" if host.kernel_version < socket::PASSCRED_RESTRICTED_SINCE => Some("before-6.16"),
        "SO_PASSCRED" => Some("6.16-and-later"),
        _ => None,
    }
}

pub fn formula(option: &OptionSpec, kind: Kind, state: State, host: &LinuxFacts) -> String {
    let get = level_refusal(option.level, kind, &Request::Default);
    let set = level_refusal(option.level, kind, &Request::Set(Val::int(0)));
    if let (Some(get), Some(set)) = (get, set) {
        return format!(
            "not handled by {kind} sockets: set {} ({}), get {} ({})",
            set.expected,
            set.rule_id(),
            get.expected,
            get.rule_id()
        );
    }
    let args = Args {
        name: option.name,
        kind,
        state,
        host,
    };
    match option.family {
        Family::Buffers => buffers::formula(option, kind, state, host),
        Family::Socket => socket::main_rule(&args).formula.to_string(),
        Family::Tcp => tcp::main_rule(&args).formula.to_string(),
        Family::Ipv4 => ipv4::main_rule(&args).formula.to_string(),
        Family::Ipv6 => ipv6::main_rule(&args).formula.to_string(),
    }
}

/// The integer of a request, or None for another type.
fn int(request: &Request) -> Option<Expr> {
    match request {
        Request::Set(Val::Int(e)) => Some(*e),
        _ => None,
    }
}

/// A prediction for a request of the wrong type (a model/ladder mismatch).
fn wrong_type() -> Prediction {
    Prediction::err("EINVAL", vec![&WRONG_TYPE])
}

pub const WRONG_TYPE: Rule = Rule {
    id: "linux.wrong_type",
    formula: "EINVAL",
    why: "the request's type does not match the option (a catalogue mistake, not kernel behaviour)",
    source: "-",
};

/// `val ? 1 : 0`: how most flags are stored and read back.
pub const FLAG: Rule = Rule {
    id: "linux.flag",
    formula: "v != 0",
    why: "the kernel stores a flag as one bit (`valbool = val ? 1 : 0`) and reads back 0 or 1",
    source: "net/core/sock.c sk_setsockopt; net/ipv4/ip_sockglue.c; net/ipv4/tcp.c do_tcp_setsockopt",
};

/// A flag option: default `default`, any non-zero request reads back 1.
fn flag(request: &Request, default: i128, default_rule: &'static Rule) -> Prediction {
    match request {
        Request::Default => Prediction::ok(Val::int(default), vec![default_rule]),
        Request::Set(Val::Int(v)) => Prediction::ok(Val::int((v.value() != 0).into()), vec![&FLAG]),
        Request::Set(_) => wrong_type(),
    }
}

/// An int stored as given within `lo..=hi`, else EINVAL.
fn ranged(v: Expr, lo: i128, hi: i128, ok: &'static Rule, bad: &'static Rule) -> Prediction {
    if (lo..=hi).contains(&v.value()) {
        Prediction::ok(Val::Int(v), vec![ok])
    } else {
        Prediction::err("EINVAL", vec![bad])
    }
}

/// kmalloc's rounding of an allocation size: the next power of two (sizes
/// here are small and positive).
fn roundup_pow2(n: i128) -> i128 {
    (n.max(1) as u128).next_power_of_two() as i128
}

/// A host fact shown by its name in snapshots.
fn fact(name: &'static str, value: i128) -> Val {
    Val::Int(Expr::of(crate::expr::Sym { name, value }))
}
