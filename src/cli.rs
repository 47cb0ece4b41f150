//! Command-line arguments. Every mistake becomes one line naming the valid
//! choices; `main` prints it and exits with status 2.

use crate::api::Api;
use crate::catalog::{self, CATALOG};
use crate::kind::{parse_name, Kind, State};
use crate::matrix::{Filter, Requests};
use crate::option::Type;
use crate::os::Os;
use crate::value::RelativeValue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
}

#[derive(Debug, Clone)]
pub struct Args {
    pub format: Format,
    pub filter: Filter,
    pub requests: Requests,
    /// `--os NAME[@RELEASE]`: that OS's model, offline.
    pub os: Option<(Os, Option<String>)>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Run,
    Help,
    /// `compare`: the committed snapshots side by side, from this folder.
    Compare(String),
}

pub const USAGE: &str = "\
usage: sockmatrix [--format table|markdown|json] [--option NAME] [--kind KIND]
                  [--state STATE] [--path raw|socket2] [--value N]
                  [--os NAME[@RELEASE]]
       sockmatrix compare [--dir SNAPSHOTS] [--format table|markdown]
                  [--option NAME] [--kind KIND] [--state STATE] [--path P]

Runs every socket option case on this host and prints what each request
really became, the model's prediction and the rule behind it.

  --format   table (default), markdown or json
  --option   one option, e.g. SO_RCVBUF (case-insensitive)
  --kind     tcp4, tcp6, udp4, udp6, unix-stream or unix-dgram
  --state    fresh, bound, listening or connected
  --path     raw (the OS call with a C int) or socket2 (usize API)
  --os       NAME[@RELEASE]: that OS's model with its stock facts, run
             nowhere (linux, macos, freebsd, windows; e.g. macos@14.3);
             on a host of that OS, the ordinary measured run
  --value    your own request instead of the ladder, run through every
             path whose type can hold it: an integer (3000000, -1, 0x100),
             a timeout (1s, 250ms, 15us, tv(1,4000)), a linger (on:30, off)
             or, with --option TCP_CONGESTION, a name (reno)
  --help     this text

compare prints every committed snapshot (all OSes) side by side, marking
with ≠ the cases whose effective values differ between them.";

fn names<T: Copy>(all: &[T], name: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|&t| name(t)).collect::<Vec<_>>().join(", ")
}

fn choose<T: Copy>(
    flag: &str,
    all: &[T],
    given: &str,
    name: impl Fn(T) -> &'static str + Copy,
) -> Result<T, String> {
    parse_name(all, given, name).ok_or_else(|| {
        format!(
            "{flag}: unknown value {given:?}; choose one of: {}",
            names(all, name)
        )
    })
}

/// Parses an integer: decimal (`-1`, `3000000`, `1_000`) or `0x` hex.
fn parse_int(text: &str) -> Option<i128> {
    let clean: String = text.trim().chars().filter(|&c| c != '_').collect();
    let (negative, digits) = match clean.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, clean.as_str()),
    };
    if digits.is_empty() || digits.starts_with(['+', '-']) {
        return None;
    }
    let magnitude = match digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        Some(hex) => i128::from_str_radix(hex, 16).ok()?,
        None => digits.parse::<i128>().ok()?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// An integer request, which must fit a C int or a 64-bit usize.
pub fn parse_value(text: &str) -> Result<i128, String> {
    let value = parse_int(text)
        .ok_or_else(|| format!("--value: {text:?} is not an integer (e.g. 3000000, -1, 0x10000)"))?;
    if i32::try_from(value).is_err() && u64::try_from(value).is_err() {
        return Err(format!(
            "--value: {text} fits neither a C int ({}..={}) nor a 64-bit usize (0..={})",
            i32::MIN,
            i32::MAX,
            u64::MAX
        ));
    }
    Ok(value)
}

/// A timeout: `tv(SEC,USEC)`, or a number with a unit: `1s`, `250ms`, `15us`.
fn parse_time(text: &str) -> Option<RelativeValue> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix("tv(").and_then(|r| r.strip_suffix(')')) {
        let (sec, usec) = inner.split_once(',')?;
        return Some(RelativeValue::time(parse_int(sec)?, parse_int(usec)?));
    }
    let (number, per_unit_us) = if let Some(n) = t.strip_suffix("us") {
        (n, 1)
    } else if let Some(n) = t.strip_suffix("ms") {
        (n, 1_000)
    } else {
        (t.strip_suffix('s')?, 1_000_000)
    };
    let us = parse_int(number)?.checked_mul(per_unit_us)?;
    Some(RelativeValue::time(
        us.div_euclid(1_000_000),
        us.rem_euclid(1_000_000),
    ))
}

/// A linger: `on:SECS`, `off`, `off:SECS` or `linger(ONOFF,SECS)`.
fn parse_linger(text: &str) -> Option<RelativeValue> {
    let t = text.trim();
    if let Some(inner) = t.strip_prefix("linger(").and_then(|r| r.strip_suffix(')')) {
        let (on, secs) = inner.split_once(',')?;
        return Some(RelativeValue::linger(parse_int(on)?, parse_int(secs)?));
    }
    if t == "off" {
        return Some(RelativeValue::linger(0, 0));
    }
    let (on, secs) = t.split_once(':')?;
    let on = match on {
        "on" => 1,
        "off" => 0,
        _ => return None,
    };
    Some(RelativeValue::linger(on, parse_int(secs)?))
}

/// Parses `--value` for an option of type `ty`, or, with no option named,
/// as whichever kind of value the text spells.
pub fn parse_request(text: &str, ty: Option<Type>) -> Result<RelativeValue, String> {
    let bad = |what: &str| format!("--value: {text:?} is not {what}");
    match ty {
        Some(Type::Linger) => parse_linger(text).ok_or_else(|| bad("a linger (e.g. on:30, off, linger(1,30))")),
        Some(Type::Time) => parse_time(text).ok_or_else(|| bad("a timeout (e.g. 1s, 250ms, 15us, tv(1,4000))")),
        Some(Type::Text) if text.is_empty() => Err(bad("a name")),
        Some(Type::Text) => Ok(RelativeValue::text(text)),
        Some(_) => parse_value(text).map(RelativeValue::int),
        None => match parse_int(text) {
            Some(_) => parse_value(text).map(RelativeValue::int),
            None => parse_time(text).or_else(|| parse_linger(text)).ok_or_else(|| {
                bad("an integer, a timeout (1s, 250ms, tv(1,4000)) or a linger (on:30); name an --option for text")
            }),
        },
    }
}

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<(Parsed, Args), String> {
    let mut parsed = Args {
        format: Format::Table,
        filter: Filter::default(),
        requests: Requests::Ladder,
        os: None,
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut raw_value: Option<String> = None;
    let compare = args.first().is_some_and(|a| a == "compare");
    let mut dir = String::from("snapshots");
    let mut it = args.iter().skip(usize::from(compare));
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if flag == "--help" || flag == "-h" {
            return Ok((Parsed::Help, parsed));
        }
        const ALL_FLAGS: [&str; 8] = [
            "--format", "--option", "--kind", "--state", "--path", "--value", "--os", "--dir",
        ];
        // --value and --os run cases, --dir reads snapshots: each belongs to one mode.
        let flags: Vec<&'static str> = ALL_FLAGS
            .into_iter()
            .filter(|f| (*f != "--dir" || compare) && (!matches!(*f, "--value" | "--os") || !compare))
            .collect();
        let Some(&flag) = flags.iter().find(|f| **f == flag) else {
            return Err(format!(
                "unknown argument {arg:?}; valid flags: {}, --help",
                flags.join(", ")
            ));
        };
        if seen.contains(&flag) {
            return Err(format!("{flag} given twice; give it once"));
        }
        seen.push(flag);
        let value = match inline.or_else(|| it.next().cloned()) {
            Some(v) if !v.is_empty() => v,
            _ => return Err(format!("{flag} needs a value; see --help")),
        };
        match flag {
            "--format" => {
                let all = [Format::Table, Format::Markdown, Format::Json];
                parsed.format = choose(flag, &all, &value, format_name)?;
            }
            "--option" => {
                parsed.filter.option = Some(catalog::find(&value).ok_or_else(|| {
                    format!(
                        "--option: unknown option {value:?}; choose one of: {}",
                        CATALOG.iter().map(|o| o.name).collect::<Vec<_>>().join(", ")
                    )
                })?);
            }
            "--kind" => parsed.filter.kind = Some(choose(flag, &Kind::ALL, &value, Kind::name)?),
            "--state" => parsed.filter.state = Some(choose(flag, &State::ALL, &value, State::name)?),
            "--path" => parsed.filter.api = Some(choose(flag, &Api::ALL, &value, Api::name)?),
            "--value" => raw_value = Some(value),
            "--os" => {
                let (name, release) = match value.split_once('@') {
                    Some((n, r)) => (n.to_string(), Some(r.to_string())),
                    None => (value.clone(), None),
                };
                let os = choose(flag, &Os::MODELLED, &name, Os::name)?;
                parsed.os = Some((os, release));
            }
            "--dir" => dir = value,
            _ => unreachable!("flag checked against FLAGS"),
        }
    }
    if compare {
        if parsed.format == Format::Json {
            return Err("compare: --format takes table or markdown".into());
        }
        return Ok((Parsed::Compare(dir), parsed));
    }
    if let Some(text) = raw_value {
        let ty = parsed.filter.option.map(|o| o.ty);
        parsed.requests = Requests::Value(parse_request(&text, ty)?);
    }
    Ok((Parsed::Run, parsed))
}

pub fn format_name(f: Format) -> &'static str {
    match f {
        Format::Table => "table",
        Format::Markdown => "markdown",
        Format::Json => "json",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn values_parse_in_both_ranges() {
        assert_eq!(parse_value("3000000"), Ok(3000000));
        assert_eq!(parse_value("-2147483648"), Ok(-2147483648));
        assert_eq!(parse_value("18446744073709551615"), Ok(u64::MAX as i128));
        assert_eq!(parse_value("0x10000"), Ok(65536));
        assert!(parse_value("-2147483649").is_err());
        assert!(parse_value("18446744073709551616").is_err());
        assert!(parse_value("12abc").is_err());
        assert!(parse_value("--5").is_err());
        assert!(parse_value("").is_err());
    }

    #[test]
    fn typed_values_parse() {
        assert_eq!(parse_request("1s", None), Ok(RelativeValue::time(1, 0)));
        assert_eq!(
            parse_request("250ms", Some(Type::Time)),
            Ok(RelativeValue::time(0, 250_000))
        );
        assert_eq!(
            parse_request("-1us", Some(Type::Time)),
            Ok(RelativeValue::time(-1, 999_999))
        );
        assert_eq!(parse_request("tv(0,-1)", None), Ok(RelativeValue::time(0, -1)));
        assert_eq!(parse_request("on:30", None), Ok(RelativeValue::linger(1, 30)));
        assert_eq!(
            parse_request("off", Some(Type::Linger)),
            Ok(RelativeValue::linger(0, 0))
        );
        assert_eq!(
            parse_request("reno", Some(Type::Text)),
            Ok(RelativeValue::text("reno"))
        );
        assert!(parse_request("reno", None).is_err());
        assert!(parse_request("on:x", Some(Type::Linger)).is_err());
        assert!(parse_request("5", Some(Type::Time)).is_err());
    }

    #[test]
    fn names_are_case_insensitive() {
        let (_, a) = parse(&args(&["--option", "so_rcvbuf", "--kind", "UDP4"])).unwrap();
        assert_eq!(a.filter.option.map(|o| o.name), Some("SO_RCVBUF"));
        assert_eq!(a.filter.kind, Some(Kind::Udp4));
    }

    #[test]
    fn mistakes_name_the_choices() {
        let e = parse(&args(&["--kind", "sctp"])).unwrap_err();
        assert!(
            e.contains("tcp4, tcp6, udp4, udp6, unix-stream, unix-dgram"),
            "{e}"
        );
        let e = parse(&args(&["--format"])).unwrap_err();
        assert!(e.contains("needs a value"), "{e}");
        let e = parse(&args(&["--path", "raw", "--path=socket2"])).unwrap_err();
        assert!(e.contains("twice"), "{e}");
    }
}
