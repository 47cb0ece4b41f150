//! What macOS (XNU) and FreeBSD share: the BSD socket layer, where a set
//! size is kept as given (no doubling), flags read back as their bit in
//! so_options, and errors come from sosetopt / sbreserve. Each OS's file
//! (`apple.rs`, `freebsd.rs`) passes its own numbers and differences.
//! Neither has met a real run yet: rules marked UNCONFIRMED come from the
//! fact sheet and the sources it names, and the first snapshot decides.

pub mod facts;

use crate::case::Request;
use crate::expr::Expr;
use crate::kind::{Domain, Kind};
use crate::option::{Limit, OptionSpec};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;
use facts::BsdFacts;

/// How one BSD differs.
pub struct Flavor {
    /// What a request above the limit gives: Apple clamps, FreeBSD refuses.
    pub over_limit: OverLimit,
    pub rules: &'static FlavorRules,
    pub af_inet6: i128,
}

pub enum OverLimit {
    /// Clamped to sb_max.
    Clamp,
    /// ENOBUFS above sb_max * MCLBYTES / (MSIZE + MCLBYTES).
    EnobufsAbove { msize: i128, mclbytes: i128 },
}

/// The rules one BSD names (ids carry the OS's prefix).
pub struct FlavorRules {
    pub buf_default: Rule,
    pub buf_exact: Rule,
    pub buf_over: Rule,
    pub buf_einval: Rule,
    pub flag_bit: Rule,
    pub linger: Rule,
    pub timeout: Rule,
    pub timeout_edom: Rule,
    pub lowat: Rule,
    pub identity: Rule,
    pub byte: Rule,
    pub unmodelled: Rule,
}

impl FlavorRules {
    /// Every rule of the flavour, for listings.
    pub fn all(&'static self) -> Vec<&'static Rule> {
        vec![
            &self.buf_default,
            &self.buf_exact,
            &self.buf_over,
            &self.buf_einval,
            &self.flag_bit,
            &self.linger,
            &self.timeout,
            &self.timeout_edom,
            &self.lowat,
            &self.identity,
            &self.byte,
            &self.unmodelled,
        ]
    }
}

/// The bit SO_* flags read back as (sys/socket.h on both BSDs).
fn flag_bit(name: &str) -> Option<i128> {
    Some(match name {
        "SO_REUSEADDR" => 0x4,
        "SO_KEEPALIVE" => 0x8,
        "SO_BROADCAST" => 0x20,
        "SO_OOBINLINE" => 0x100,
        "SO_REUSEPORT" => 0x200,
        // TF_NODELAY in tcp_var.h.
        "TCP_NODELAY" => 0x4,
        _ => return None,
    })
}

fn int(request: &Request) -> Option<Expr> {
    match request {
        Request::Set(RelativeValue::Int(e)) => Some(*e),
        _ => None,
    }
}

/// The sysctl a new socket's buffer comes from.
fn default_buffer(kind: Kind, limit: Limit) -> &'static str {
    match (kind, limit) {
        (Kind::Tcp4 | Kind::Tcp6, Limit::SendBuffer) => "net.inet.tcp.sendspace",
        (Kind::Tcp4 | Kind::Tcp6, Limit::RecvBuffer) => "net.inet.tcp.recvspace",
        (Kind::Udp4 | Kind::Udp6, Limit::SendBuffer) => "net.inet.udp.maxdgram",
        (Kind::Udp4 | Kind::Udp6, Limit::RecvBuffer) => "net.inet.udp.recvspace",
        (Kind::UnixStream, Limit::SendBuffer) => "net.local.stream.sendspace",
        (Kind::UnixStream, Limit::RecvBuffer) => "net.local.stream.recvspace",
        (Kind::UnixDgram, Limit::SendBuffer) => "net.local.dgram.maxdgram",
        (Kind::UnixDgram, Limit::RecvBuffer) => "net.local.dgram.recvspace",
    }
}

pub fn predict(f: &Flavor, option: &OptionSpec, kind: Kind, request: &Request, h: &BsdFacts) -> Prediction {
    let r = f.rules;
    let ok = |v: RelativeValue, rule: &'static Rule| Prediction::ok(v, vec![rule]);
    let fact = |name: &'static str| h.sym(name).map(|s| RelativeValue::Int(Expr::of(s)));
    let unmodelled = || Prediction::err("UNMODELLED", vec![&r.unmodelled]);
    match option.name {
        "SO_SNDBUF" | "SO_RCVBUF" => {
            let limit = option.limit.unwrap_or(Limit::SendBuffer);
            let Some(v) = int(request) else {
                return fact(default_buffer(kind, limit)).map_or_else(unmodelled, |v| ok(v, &r.buf_default));
            };
            let Some(max) = h.sym("kern.ipc.maxsockbuf") else {
                return unmodelled();
            };
            if v.value() < 1 {
                return Prediction::err("EINVAL", vec![&r.buf_einval]);
            }
            match f.over_limit {
                OverLimit::Clamp if v.value() > max.value => {
                    ok(RelativeValue::Int(Expr::of(max)), &r.buf_over)
                }
                OverLimit::EnobufsAbove { msize, mclbytes }
                    if v.value() > max.value * mclbytes / (msize + mclbytes) =>
                {
                    Prediction::err("ENOBUFS", vec![&r.buf_over])
                }
                _ => ok(RelativeValue::Int(v), &r.buf_exact),
            }
        }
        name if flag_bit(name).is_some() => {
            let bit = flag_bit(name).expect("checked");
            match int(request) {
                None => ok(RelativeValue::int(0), &r.flag_bit),
                Some(v) => ok(
                    RelativeValue::int(if v.value() != 0 { bit } else { 0 }),
                    &r.flag_bit,
                ),
            }
        }
        "SO_LINGER" => match request {
            Request::Set(RelativeValue::Linger(on, secs)) if on.value() != 0 => {
                ok(RelativeValue::Linger(Expr::lit(0x80), *secs), &r.linger)
            }
            Request::Set(RelativeValue::Linger(_, secs)) => {
                ok(RelativeValue::Linger(Expr::lit(0), *secs), &r.linger)
            }
            _ => ok(RelativeValue::linger(0, 0), &r.linger),
        },
        "SO_RCVTIMEO" | "SO_SNDTIMEO" => match request {
            Request::Set(RelativeValue::Time(sec, usec)) => {
                if sec.value() < 0 || !(0..1_000_000).contains(&usec.value()) {
                    Prediction::err("EDOM", vec![&r.timeout_edom])
                } else {
                    ok(RelativeValue::Time(*sec, *usec), &r.timeout)
                }
            }
            _ => ok(RelativeValue::time(0, 0), &r.timeout),
        },
        "SO_RCVLOWAT" => match int(request) {
            None => ok(RelativeValue::int(1), &r.lowat),
            Some(v) if v.value() < 0 => Prediction::err("EINVAL", vec![&r.lowat]),
            Some(_) => unmodelled(),
        },
        "SO_TYPE" | "SO_DOMAIN" | "SO_PROTOCOL" | "SO_ERROR" if matches!(request, Request::Set(_)) => {
            Prediction::err("ENOPROTOOPT", vec![&r.identity])
        }
        "SO_TYPE" => ok(
            RelativeValue::int(if kind.is_stream() { 1 } else { 2 }),
            &r.identity,
        ),
        "SO_DOMAIN" => ok(
            RelativeValue::int(match kind.domain() {
                Domain::Unix => 1,
                Domain::Ipv4 => 2,
                Domain::Ipv6 => f.af_inet6,
            }),
            &r.identity,
        ),
        "SO_ERROR" => ok(RelativeValue::int(0), &r.identity),
        "IP_TTL" | "IP_TOS" if kind.domain() != Domain::Unix => match int(request) {
            None if option.name == "IP_TTL" => {
                fact("net.inet.ip.ttl").map_or_else(unmodelled, |v| ok(v, &r.byte))
            }
            None => ok(RelativeValue::int(0), &r.byte),
            Some(v) if v.value() > 255 => Prediction::err("EINVAL", vec![&r.byte]),
            Some(v) => ok(RelativeValue::int(v.value() & 0xff), &r.byte),
        },
        _ => unmodelled(),
    }
}

/// Builds a flavour's rules with its prefix and sources.
#[macro_export]
macro_rules! bsd_rules {
    ($prefix:literal, $sock:literal, $sb:literal) => {
        $crate::platform::bsd::FlavorRules {
            buf_default: Rule {
                id: concat!($prefix, ".buf.default"),
                formula: "the net.inet.* / net.local.* sendspace, recvspace or maxdgram sysctl",
                why: "a new socket's buffer comes from its protocol's sysctl (UNCONFIRMED: autosizing may change TCP's)",
                source: $sock,
            },
            buf_exact: Rule {
                id: concat!($prefix, ".buf.exact"),
                formula: "v",
                why: "the size is kept as given: no doubling, no minimum (UNCONFIRMED: a connected TCP socket may round it to a multiple of the MSS)",
                source: $sb,
            },
            buf_over: Rule {
                id: concat!($prefix, ".buf.over_limit"),
                formula: "above kern.ipc.maxsockbuf: see why",
                why: "a size above the limit is clamped to kern.ipc.maxsockbuf on macOS and refused with ENOBUFS on FreeBSD (above sb_max*MCLBYTES/(MSIZE+MCLBYTES)) (UNCONFIRMED)",
                source: $sb,
            },
            buf_einval: Rule {
                id: concat!($prefix, ".buf.einval"),
                formula: "v < 1 => EINVAL",
                why: "a buffer size must be at least 1",
                source: $sock,
            },
            flag_bit: Rule {
                id: concat!($prefix, ".flag_bit"),
                formula: "v != 0 => the option's bit (SO_REUSEADDR 4, SO_KEEPALIVE 8, SO_BROADCAST 0x20, SO_OOBINLINE 0x100, SO_REUSEPORT 0x200, TCP_NODELAY 4)",
                why: "getsockopt reports so_options & the option's bit, not 1",
                source: $sock,
            },
            linger: Rule {
                id: concat!($prefix, ".linger"),
                formula: "linger(on ? 0x80 : 0, l_linger)",
                why: "l_onoff reads back as the SO_LINGER bit (0x80) and l_linger as stored (UNCONFIRMED; macOS's SO_LINGER_SEC keeps ticks in a short)",
                source: $sock,
            },
            timeout: Rule {
                id: concat!($prefix, ".timeo"),
                formula: "tv(sec, usec)",
                why: "a timeout is kept and read back as given (UNCONFIRMED: FreeBSD converts through sbintime and may lose a microsecond)",
                source: $sock,
            },
            timeout_edom: Rule {
                id: concat!($prefix, ".timeo.edom"),
                formula: "sec < 0 or usec not in [0, 1000000) => EDOM",
                why: "a negative or malformed timeval is refused",
                source: $sock,
            },
            lowat: Rule {
                id: concat!($prefix, ".lowat"),
                formula: "default 1; v < 0 => EINVAL",
                why: "the receive low-water mark starts at 1 and cannot be negative (larger values are capped at the buffer size: not modelled yet)",
                source: $sock,
            },
            identity: Rule {
                id: concat!($prefix, ".identity"),
                formula: "read-only: the socket's type / domain; SO_ERROR 0",
                why: "these describe the socket; a set is refused with ENOPROTOOPT",
                source: $sock,
            },
            byte: Rule {
                id: concat!($prefix, ".ip.byte"),
                formula: "v > 255 => EINVAL; else (u_char)v",
                why: "IP_TTL and IP_TOS are one byte: only values above 255 are refused, so -1 becomes 255 (UNCONFIRMED on FreeBSD)",
                source: "netinet/ip_output.c ip_ctloutput",
            },
            unmodelled: Rule {
                id: concat!($prefix, ".unmodelled"),
                formula: "?",
                why: "not modelled yet for this OS: the first real run's snapshot will show what it does",
                source: "-",
            },
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog;

    fn facts(maxsockbuf: i128) -> BsdFacts {
        let mut f = BsdFacts::default();
        f.values.insert("kern.ipc.maxsockbuf", maxsockbuf);
        f
    }

    fn set(flavor: &Flavor, name: &str, v: i128, h: &BsdFacts) -> String {
        let option = catalog::find(name).expect("in the catalogue");
        predict(
            flavor,
            option,
            Kind::Tcp4,
            &Request::Set(RelativeValue::int(v)),
            h,
        )
        .expected
        .to_string()
    }

    #[test]
    fn freebsd_refuses_above_the_adjusted_limit() {
        // The fact sheet's figure: sb_max 2 MiB gives sb_max_adj 1864135.
        let flavor = Flavor {
            over_limit: OverLimit::EnobufsAbove {
                msize: 256,
                mclbytes: 2048,
            },
            rules: &crate::platform::freebsd::RULES,
            af_inet6: 28,
        };
        let h = facts(2 * 1024 * 1024);
        assert_eq!(set(&flavor, "SO_RCVBUF", 1_864_135, &h), "1864135");
        assert_eq!(set(&flavor, "SO_RCVBUF", 1_864_136, &h), "ENOBUFS");
        assert_eq!(set(&flavor, "SO_RCVBUF", 0, &h), "EINVAL");
    }

    #[test]
    fn apple_clamps_and_reads_flag_bits() {
        let flavor = Flavor {
            over_limit: OverLimit::Clamp,
            rules: &crate::platform::macos::RULES,
            af_inet6: 30,
        };
        let h = facts(8 * 1024 * 1024);
        assert_eq!(set(&flavor, "SO_SNDBUF", 9_000_000, &h), "kern.ipc.maxsockbuf");
        assert_eq!(set(&flavor, "SO_KEEPALIVE", 1, &h), "8");
        assert_eq!(set(&flavor, "TCP_NODELAY", 2, &h), "4");
        assert_eq!(set(&flavor, "IP_TTL", -1, &h), "255");
    }
}

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
