//! What each Rust library does to a request on its way to the OS and to
//! the answer on its way back, as data and rules: which option calls it
//! compiles on each OS and with which Rust type (`shape`), how it converts
//! (`request`, `read_back`), and where it refuses before any syscall. One
//! file per library; this one is the seam every path goes through, so the
//! gate, the prediction and the matrix ask the same question of each.

pub mod arg;
pub mod duration;
pub mod nix;
pub mod rustix;
pub mod socket2;
pub mod stdlib;
pub mod tokio;

use crate::api::Api;
use crate::case::Request;
use crate::expr::Expr;
use crate::kind::{Kind, State};
use crate::option::{Opt, OptionSpec, Shape, SocketOpt};
use crate::os::Os;
use crate::prediction::Expected;
use crate::rule::Rule;
use crate::value::RelativeValue;

/// Each library the paths go through, at the version its rules were read
/// at (file and line); Cargo.lock pins the same versions (a unit test holds
/// them together), so a run built here used them. mio is tokio's. std is
/// the toolchain's: its rules were read at 1.95.0.
pub const VERSIONS: [(&str, &str); 6] = [
    ("socket2", "0.6.5"),
    ("nix", "0.32.0"),
    ("rustix", "1.1.6"),
    ("tokio", "1.54.1"),
    ("mio", "1.2.5"),
    ("std", "1.95.0"),
];

/// Whether this build runs the library's path (its cargo feature, or the
/// OS: nix is Unix only), as opposed to only modelling it.
pub fn runs_here(name: &str) -> bool {
    let built = [
        ("nix", cfg!(all(unix, feature = "nix"))),
        ("rustix", cfg!(feature = "rustix")),
        ("tokio", cfg!(feature = "tokio")),
        ("mio", cfg!(feature = "tokio")),
    ];
    built.iter().find(|(n, _)| *n == name).is_none_or(|(_, b)| *b)
}

/// The libraries as one line for a report's host section.
pub fn versions_line() -> String {
    VERSIONS
        .iter()
        .map(|(name, version)| match runs_here(name) {
            true => format!("{name} {version}"),
            false => format!("{name} {version} (modelled only, not built)"),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Rust type of the library's call for the option on `os`, or `None`
/// where the library compiles no call for it there. The raw path has none.
pub fn shape(os: Os, api: Api, option: &OptionSpec) -> Option<Shape> {
    match api {
        Api::Raw => None,
        Api::Socket2 => option.socket2.filter(|_| socket2::offered_on(os, option)),
        Api::Nix => nix::shape(os, option),
        Api::Rustix => rustix::shape(os, option),
        Api::Std => stdlib::shape(os, option),
        Api::Tokio => tokio::shape(os, option),
    }
}

/// The Rust type of the path's call for the option on a socket of `kind`
/// in `state`: `shape`, but for std and tokio the method of the type they
/// have for the kind in the state (a tokio listener's SO_REUSEADDR is set
/// as tokio makes it, a fresh socket's through `TcpSocket`).
pub fn shape_in(os: Os, api: Api, option: &OptionSpec, kind: Kind, state: State) -> Option<Shape> {
    match api {
        Api::Std => stdlib::vehicle(os, kind, state).and_then(|v| stdlib::shape_on(os, option, v)),
        Api::Tokio => tokio::shape_in(os, option, kind, state),
        _ => shape(os, api, option),
    }
}

/// Whether a path can ask the option on `os`: the raw call always (the
/// gate has already answered an option the OS lacks), a library where it
/// has a call.
pub fn path_offers(os: Os, api: Api, option: &OptionSpec) -> bool {
    api == Api::Raw || shape(os, api, option).is_some()
}

/// Whether a program on the path can name the option on `os`: the OS's
/// headers do (the catalogue's number), or the library sends a number of
/// its own that the headers leave unnamed (socket2's header_included_v6 on
/// Apple), with the rule that says so.
pub fn names(os: Os, api: Api, option: &OptionSpec) -> bool {
    option.codes.on(os).is_some() || unnamed_number(os, api, option).is_some()
}

/// The number the path sends where the OS's headers do not name the
/// option, and the rule that says so.
pub fn unnamed_number(os: Os, api: Api, option: &OptionSpec) -> Option<(i32, &'static Rule)> {
    match (api, option.codes.on(os)) {
        (Api::Socket2, None) => {
            socket2::unnamed_number(os, option).map(|n| (n, &socket2::SENDS_UNNAMED_NUMBER))
        }
        _ => None,
    }
}

/// Whether the path can ask the option of a socket of `kind` in `state` on
/// `os`: `path_offers`, and for std a type of its for the kind in the state
/// with a method for the option.
pub fn offers_case(os: Os, api: Api, option: &OptionSpec, kind: Kind, state: State) -> bool {
    match api {
        Api::Std => stdlib::offers(os, option, kind, state),
        Api::Tokio => tokio::offers(os, option, kind, state),
        _ => path_offers(os, api, option),
    }
}

/// Whether the path's argument type can hold the request on `os`.
pub fn can_express(os: Os, api: Api, option: &OptionSpec, val: &RelativeValue) -> bool {
    shape_can_hold(api, shape(os, api, option), val)
}

/// Whether a call of this Rust type (none: the raw call) can hold the value.
pub fn shape_can_hold(api: Api, shape: Option<Shape>, val: &RelativeValue) -> bool {
    match shape {
        Some(shape) => arg::of(shape, val).is_some(),
        None => api == Api::Raw,
    }
}

/// Whether the path can read the option alone (a default read): not an
/// ioctl, which has no read, nor a library's setter without a getter (the
/// FORCE sizes, read back through the option they set).
pub fn reads_default(api: Api, option: &OptionSpec) -> bool {
    !option.ty.is_ioctl() && (api == Api::Raw || option.read_back == option.id)
}

/// The rule for a library with no call for the option on the OS.
pub fn no_call(api: Api) -> &'static Rule {
    match api {
        Api::Nix => &nix::NO_CALL,
        Api::Rustix => &rustix::NO_CALL,
        Api::Std => &stdlib::NO_METHOD,
        Api::Tokio => &tokio::NO_METHOD,
        Api::Raw | Api::Socket2 => &socket2::NO_CALL,
    }
}

/// What reaches the OS through a path.
#[derive(Debug, Clone)]
pub enum Sent {
    /// This request of this option (a library may ask another option than
    /// the one named: rustix's linger is SO_LINGER on macOS).
    Os(&'static OptionSpec, Request),
    /// Nothing: the library answered itself (rustix's EINVAL for a size
    /// above `c_int::MAX`).
    Refused(Expected),
}

/// Where a request is asked: the OS, the path, and the socket's kind and
/// state (std's and tokio's types, and so their methods, depend on them).
#[derive(Debug, Clone, Copy)]
pub struct On {
    pub os: Os,
    pub api: Api,
    pub kind: Kind,
    pub state: State,
}

impl On {
    /// Where the case is asked, on `os`.
    pub fn case(os: Os, case: &crate::case::Case) -> On {
        On {
            os,
            api: case.api,
            kind: case.kind,
            state: case.state,
        }
    }
}

/// The request as the OS receives it from the path, with the library's
/// rules for any change.
pub fn request(
    on: On,
    option: &'static OptionSpec,
    request: &Request,
    rules: &mut Vec<&'static Rule>,
) -> Sent {
    let (os, api) = (on.os, on.api);
    // The fixture makes every socket but std's and tokio's with socket2,
    // which sets SO_NOSIGPIPE as it makes one on Apple.
    if os == Os::MacOs
        && !matches!(api, Api::Std | Api::Tokio)
        && *request == Request::Default
        && option.id == Opt::Socket(SocketOpt::Nosigpipe)
    {
        rules.push(&socket2::MADE_NOSIGPIPE);
        return Sent::Os(option, Request::set(1));
    }
    let shape = shape_in(os, api, option, on.kind, on.state);
    if matches!(request, Request::Set(RelativeValue::Duration(_))) && !duration::takes_duration(shape) {
        rules.push(&duration::NOT_A_DURATION_CALL);
        return Sent::Refused(Expected::Err(duration::INEXPRESSIBLE));
    }
    let Some(shape) = shape else {
        return Sent::Os(option, request.clone());
    };
    // An option the library set as it made the socket (std's and tokio's
    // listeners, their SO_NOSIGPIPE): a default read is the OS's answer to
    // that set.
    if shape == Shape::Made && *request == Request::Default {
        rules.push(match api {
            Api::Tokio => tokio::made_rule(option),
            _ => stdlib::made_rule(option),
        });
        return Sent::Os(option, Request::set(1));
    }
    // A Duration becomes the library's linger or timeval first.
    let request = &match duration::to_c(os, api, shape, request, rules) {
        Ok(request) => request,
        Err(refused) => return *refused,
    };
    match api {
        Api::Raw => Sent::Os(option, request.clone()),
        Api::Socket2 => Sent::Os(option, socket2::request(shape, request, rules, os == Os::Windows)),
        Api::Nix => nix::request(shape, option, request, rules),
        Api::Rustix => rustix::request(os, shape, option, request, rules),
        Api::Std => stdlib::request(os, shape, option, request, rules),
        Api::Tokio => tokio::request(os, shape, option, request, rules),
    }
}

/// The option the path's getter reads after a set, where it is not the one
/// set (socket2's header_included_v6 on Linux), with the rule that says so.
pub fn getter_reads(on: On, option: &OptionSpec) -> Option<(&'static OptionSpec, &'static Rule)> {
    if on.api != Api::Socket2 || shape(on.os, on.api, option).is_none() {
        return None;
    }
    let other = socket2::getter_reads(on.os, option)?;
    Some((crate::catalog::spec(other), &socket2::GETTER_READS_OTHER))
}

/// The value the path hands back for what the OS reported.
pub fn read_back(
    on: On,
    option: &OptionSpec,
    expected: Expected,
    rules: &mut Vec<&'static Rule>,
) -> Expected {
    let (os, api) = (on.os, on.api);
    let (Some(shape), Expected::Ok(val)) = (shape_in(os, api, option, on.kind, on.state), &expected) else {
        return expected;
    };
    // A setter without a getter (the FORCE sizes): the read is the raw one.
    if option.read_back != option.id {
        return expected;
    }
    let val = val.clone();
    Expected::Ok(match api {
        Api::Raw => val,
        Api::Socket2 => socket2::read_back(shape, val, rules),
        Api::Nix => return nix::read_back(os, shape, val, rules),
        Api::Rustix => return rustix::read_back(shape, val, rules),
        Api::Std => stdlib::read_back(shape, val, rules),
        Api::Tokio => tokio::read_back(os, shape, option, val, rules),
    })
}

/// Every library's rules.
pub fn rules() -> impl Iterator<Item = &'static Rule> {
    [
        socket2::RULES,
        duration::RULES,
        nix::RULES,
        rustix::RULES,
        stdlib::RULES,
        tokio::RULES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

/// Whether a rule belongs to a library rather than to the OS (a path
/// divergence).
pub fn is_path_rule(rule: &Rule) -> bool {
    is_library_rule_id(rule.id)
}

/// Whether `rule` reads a negative int back `as usize`, a number that
/// depends on the target's width (-1 is 2^64 - 1 on 64-bit targets,
/// 2^32 - 1 on 32-bit ones). socket2 names its linger's `u64` read by the
/// same rule; no Linux linger reads negative.
pub fn wraps_to_usize(rule: &Rule) -> bool {
    matches!(rule.id, "socket2.negative_read_wraps" | "nix.negative_read_wraps")
}

/// The library a rule id belongs to (`socket2` for `socket2.u32_as_int`),
/// if any.
pub fn library_of_rule_id(id: &str) -> Option<&'static str> {
    LIBRARY_PREFIXES
        .into_iter()
        .find(|p| id.strip_prefix(p).is_some_and(|rest| rest.starts_with('.')))
}

/// Whether a rule id is a library's rather than an OS's.
pub fn is_library_rule_id(id: &str) -> bool {
    library_of_rule_id(id).is_some()
}

/// The libraries whose conversions have rules, as their ids begin.
pub const LIBRARY_PREFIXES: [&str; 5] = ["socket2", "nix", "rustix", "std", "tokio"];

/// The trap a library rule stands for, in the words a user acts on (the
/// digest and the HTML report call these hazards), for the rules whose
/// change a program does not see coming: a timeout that becomes none, a
/// linger that wraps, another unit, a value that wraps to a byte, an
/// option set unasked.
pub fn hazard(rule: &Rule) -> Option<&'static str> {
    Some(match rule.id {
        "socket2.timeout_ms_truncated" => "no timeout: under 1 ms is sent as 0, which waits forever",
        "socket2.linger_secs_truncated" => {
            "linger wraps: seconds past the C type wrap (65536 s is 0 s on Windows, an abortive close)"
        }
        "socket2.usize_truncated" | "nix.usize_truncated" => "size wraps: a usize of 2^32 + n is sent as n",
        "socket2.timeout_became_none" => {
            "no timeout: a Duration under the unit socket2 keeps is sent as 0, which waits forever"
        }
        "socket2.user_timeout_became_default" => "system default: a user timeout under 1 ms is sent as 0",
        "socket2.linger_became_abortive" => {
            "abortive close: a linger under 1 s is sent as 0 s, and close() resets the connection"
        }
        "std.zero_timeout_refused" | "rustix.zero_timeout_refused" => {
            "refused: Some(Duration::ZERO) is an error, not \"no timeout\""
        }
        "rustix.linger_in_ticks" => "another unit: the linger is in clock ticks, not seconds",
        "std.multicast_byte" => "wraps to a byte: a multicast TTL of 256 is sent as 0 and accepted",
        "std.listener_reuseaddr" => "set unasked: a listener std made has SO_REUSEADDR on",
        "std.nosigpipe" => "set unasked: a socket std made has SO_NOSIGPIPE on",
        "tokio.listener_reuseaddr" => "set unasked: a listener tokio made has SO_REUSEADDR on",
        "tokio.mio_nosigpipe" => "set unasked: a socket tokio made has SO_NOSIGPIPE on",
        _ => return None,
    })
}

/// Applies `f` to the value; notes `rule` if that changed it.
pub fn convert(
    expr: Expr,
    rule: &'static Rule,
    rules: &mut Vec<&'static Rule>,
    f: impl FnOnce(i128) -> i128,
) -> Expr {
    let out = expr.map_value(f);
    if out != expr {
        rules.push(rule);
    }
    out
}

/// `v as c_int`: the low 32 bits, as a signed int.
pub fn as_c_int(v: i128) -> i128 {
    i128::from(v as i32)
}

/// An int the OS reported, read back `as u32` (-1 is 4294967295).
pub fn int_as_u32(v: i128) -> i128 {
    i128::from(v as i32 as u32)
}

/// An int the OS reported, read back `as usize` (-1 is usize::MAX).
pub fn int_as_usize(v: i128) -> i128 {
    (v as i32) as usize as i128
}

/// A timeout in whole milliseconds, rounded up (std's `dur2timeout`,
/// rustix's Windows timeouts), and whether that changed it.
pub fn ms_rounded_up(sec: i128, usec: i128) -> (i128, bool) {
    (sec * 1000 + (usec + 999) / 1000, usec % 1000 != 0)
}

#[cfg(test)]
mod tests {
    /// The versions the rules were read at are the ones Cargo.lock pins.
    #[test]
    fn the_rules_versions_are_the_locked_ones() {
        // Read at build time: the test binaries also run where the tree is
        // not (the kernel and arch matrices' VMs).
        let lock = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.lock"));
        for (name, version) in super::VERSIONS.iter().filter(|(n, _)| *n != "std") {
            let entry = format!("name = \"{name}\"\nversion = \"{version}\"");
            assert!(
                lock.contains(&entry),
                "Cargo.lock does not pin {name} {version}: re-read its rules' lines and update VERSIONS"
            );
        }
    }
}
