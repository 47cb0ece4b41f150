//! Small pieces every Linux family model uses: the case's arguments, flag
//! and range rules, and host facts as named values.

use crate::case::Request;
use crate::expr::Expr;

use crate::platform::linux::facts::LinuxFacts;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

/// A case as the Linux family models see it (the kit's, over this host's
/// facts).
pub type Args<'a, O> = crate::platform::kit::Ask<'a, O, LinuxFacts>;

pub use crate::platform::kit::int;

crate::rules! {
    /// `val ? 1 : 0`: how most flags are stored and read back.
    pub const FLAG: Rule = Rule {
        id: "linux.flag",
        formula: "v != 0",
        why: "the kernel stores a flag as one bit (`valbool = val ? 1 : 0`) and reads back 0 or 1",
        source: "net/core/sock.c sk_setsockopt; net/ipv4/ip_sockglue.c; net/ipv4/tcp.c do_tcp_setsockopt",
    };
}

/// A flag option: default `default`, any non-zero request reads back 1.
pub fn flag(request: &Request, default: i128, default_rule: &'static Rule) -> Prediction {
    match request {
        Request::Default => Prediction::ok(RelativeValue::int(default), vec![default_rule]),
        Request::Set(RelativeValue::Int(v)) => {
            Prediction::ok(RelativeValue::int((v.value() != 0).into()), vec![&FLAG])
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

/// An int stored as given within `lo..=hi`, else EINVAL.
pub fn ranged(v: Expr, lo: i128, hi: i128, ok: &'static Rule, bad: &'static Rule) -> Prediction {
    if (lo..=hi).contains(&v.value()) {
        Prediction::ok(RelativeValue::Int(v), vec![ok])
    } else {
        Prediction::err("EINVAL", vec![bad])
    }
}

/// kmalloc's rounding of an allocation size: the next power of two (sizes
/// here are small and positive).
pub fn roundup_pow2(n: i128) -> i128 {
    (n.max(1) as u128).next_power_of_two() as i128
}

/// A host fact shown by its name in snapshots.
pub fn fact(name: &'static str, value: i128) -> RelativeValue {
    RelativeValue::Int(Expr::of(crate::expr::Sym { name, value }))
}
