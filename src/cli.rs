//! Command-line arguments. Every mistake becomes one line naming the valid
//! choices; `main` prints it and exits with status 2.

use crate::catalog::{self, CATALOG};
use crate::kind::{parse_name, Kind, State};
use crate::matrix::{Filter, Requests};
use crate::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Table,
    Markdown,
    Json,
}

#[derive(Debug, Clone, Copy)]
pub struct Args {
    pub format: Format,
    pub filter: Filter,
    pub requests: Requests,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Parsed {
    Run,
    Help,
}

pub const USAGE: &str = "\
usage: sockmatrix [--format table|markdown|json] [--option NAME] [--kind KIND]
                  [--state STATE] [--path raw|socket2] [--value N]

Runs every socket option case on this host and prints what each request
really became, the model's prediction and the rule behind it.

  --format   table (default), markdown or json
  --option   one option, e.g. SO_RCVBUF (case-insensitive)
  --kind     tcp4, tcp6, udp4, udp6, unix-stream or unix-dgram
  --state    fresh, bound, listening or connected
  --path     raw (the OS call with a C int) or socket2 (usize API)
  --value    your own request instead of the ladder, e.g. 3000000;
             run through every path whose type can hold it
  --help     this text";

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

/// Parses a request: a decimal integer (`-1`, `3000000`, `1_000`) or `0x` hex.
pub fn parse_value(text: &str) -> Result<i128, String> {
    let clean: String = text.trim().chars().filter(|&c| c != '_').collect();
    let (negative, digits) = match clean.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, clean.as_str()),
    };
    let parsed = match digits.strip_prefix("0x").or_else(|| digits.strip_prefix("0X")) {
        Some(hex) => i128::from_str_radix(hex, 16),
        None => digits.parse::<i128>(),
    };
    let magnitude = parsed
        .ok()
        .filter(|_| !digits.starts_with(['+', '-']))
        .ok_or_else(|| format!("--value: {text:?} is not an integer (e.g. 3000000, -1, 0x10000)"))?;
    let value = if negative { -magnitude } else { magnitude };
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

/// Parses the arguments after the program name.
pub fn parse(args: &[String]) -> Result<(Parsed, Args), String> {
    let mut parsed = Args {
        format: Format::Table,
        filter: Filter::default(),
        requests: Requests::Ladder,
    };
    let mut seen: Vec<&str> = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        if flag == "--help" || flag == "-h" {
            return Ok((Parsed::Help, parsed));
        }
        const FLAGS: [&str; 6] = ["--format", "--option", "--kind", "--state", "--path", "--value"];
        let Some(&flag) = FLAGS.iter().find(|f| **f == flag) else {
            return Err(format!(
                "unknown argument {arg:?}; valid flags: {}, --help",
                FLAGS.join(", ")
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
            "--path" => parsed.filter.path = Some(choose(flag, &Path::ALL, &value, Path::name)?),
            "--value" => parsed.requests = Requests::Value(parse_value(&value)?),
            _ => unreachable!("flag checked against FLAGS"),
        }
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
