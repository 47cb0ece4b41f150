//! Command-line arguments, with clap: subcommands, `--help` per
//! subcommand, `--version`, suggestions for misspelt flags and values, and
//! exit status 2 on a usage error. `--value` takes the option's own type.

use crate::api::Api;
use crate::behaviour::Group;
use crate::catalog::{self, CATALOG};
use crate::kind::{Kind, State};
use crate::matrix::{Filter, Requests};
use crate::option::{OptionSpec, Type};
use crate::os::Os;
use crate::value::RelativeValue;
use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

/// What the exit status says, for `--help` and the README.
pub const EXIT_STATUS: &str = "\
Exit status:
  0  every case ran and agrees with the model
  1  a model disagreement: some case's observed value is not the predicted one
  2  a usage error (unknown flag or value, a filter that selects nothing)
  3  some cases could not run here (no temp dir, too few file descriptors):
     the environment's fault, not the model's; the report says which";

#[derive(Parser, Debug)]
#[command(
    name = "sockmatrix",
    version,
    about = "What a socket option really becomes on each OS, and why",
    long_about = "Runs every socket option case on this host (option × kind × state × \
                  value × path) and sets what each request really became beside the \
                  model's prediction and the rule behind it. By default a digest: one \
                  line per option and kind; --all prints every case.",
    after_help = EXIT_STATUS,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run the matrix on this host, or ask an OS's model offline (the default)
    #[command(after_help = EXIT_STATUS)]
    Run(RunArgs),
    /// Every committed snapshot side by side, with model columns for the OSes
    /// that have none
    Compare(CompareArgs),
    /// A JSON report's disagreements, grouped by rule with each rule's source
    Triage(TriageArgs),
    /// The buffer picture (SVG): effective vs requested SO_SNDBUF / SO_RCVBUF
    /// per OS, from each model at stock facts, or this host's run (--here)
    Plot(PlotArgs),
    /// What an option does: dual-stack listeners (IPV6_V6ONLY default, 0
    /// and 1 on :: and ::1, an IPv4 and an IPv6 client), measured here or
    /// on OS models
    Behaviours(BehavioursArgs),
    /// One request through every library (raw, socket2, nix, rustix, std,
    /// tokio): the requests where they part ways, or yours (--option,
    /// --value), on this host or OS models; or (--made) what each library's
    /// constructors set unasked
    Paths(PathsArgs),
    /// A static site of every option on every OS (index with search and
    /// filters, a page per option, OS, library and behaviour group, the
    /// buffer plots), from the committed snapshots and the models; no
    /// network, works from file://
    Site(SiteArgs),
}

#[derive(Args, Debug, Clone)]
pub struct SiteArgs {
    /// The folder to write (new, empty, or a site this command wrote)
    #[arg(long, value_name = "DIR")]
    pub out: std::path::PathBuf,
    /// The snapshots folder
    #[arg(long, value_name = "DIR", default_value = "snapshots")]
    pub snapshots: std::path::PathBuf,
    /// CI runs' JSON reports (`sockmatrix --format json`), searched in
    /// subfolders too, to include on the runs page
    #[arg(long, value_name = "DIR")]
    pub reports: Option<std::path::PathBuf>,
}

#[derive(Args, Debug, Clone)]
pub struct PathsArgs {
    /// Your request's option, instead of the built-in requests where the
    /// libraries part ways (with --value)
    #[arg(long, value_parser = option_parser(), ignore_case = true, requires = "value")]
    pub option: Option<&'static OptionSpec>,
    /// Your request's value in the option's type (see `run --value`), or
    /// `default` for a plain read
    #[arg(long, value_name = "VALUE", allow_hyphen_values = true, requires = "option")]
    pub value: Option<String>,
    /// The kind of socket of your request
    #[arg(long, value_enum, ignore_case = true, default_value = "tcp4")]
    pub kind: Kind,
    /// The state of your request's socket
    #[arg(long, value_enum, ignore_case = true, default_value = "connected")]
    pub state: State,
    /// One OS's model instead of this host (NAME[@RELEASE], as `run --os`)
    #[arg(long, value_name = "NAME[@RELEASE]", value_parser = parse_os, conflicts_with = "models")]
    pub os: Option<(Os, Option<String>)>,
    /// Every OS's model (Linux, macOS, FreeBSD, Windows) at stock facts
    #[arg(long)]
    pub models: bool,
    /// What each path's constructors set unasked on the socket they make:
    /// close-on-exec and non-blocking (instead of a request)
    #[arg(long, conflicts_with_all = ["option", "value"])]
    pub made: bool,
    #[arg(long, value_enum, default_value_t = CompareFormat::Table, ignore_case = true)]
    pub format: CompareFormat,
}

impl PathsArgs {
    /// The requests: the user's one, or the built-in ones.
    pub fn asks(&self) -> Result<Vec<crate::render::paths::Ask>, String> {
        let Some(option) = self.option else {
            return Ok(crate::render::paths::traps());
        };
        let text = self.value.as_deref().unwrap_or("default");
        let request = match text {
            "default" => crate::case::Request::Default,
            _ => crate::case::Request::Set(parse_request(text, Some(option.ty))?),
        };
        Ok(vec![crate::render::paths::Ask {
            option: option.name,
            kind: self.kind,
            state: self.state,
            request,
        }])
    }
}

#[derive(Args, Debug, Clone)]
pub struct BehavioursArgs {
    /// One OS's model instead of this host (NAME[@RELEASE], as `run --os`)
    #[arg(long, value_name = "NAME[@RELEASE]", value_parser = parse_os, conflicts_with = "models")]
    pub os: Option<(Os, Option<String>)>,
    /// Every OS's model (Linux, macOS, FreeBSD, Windows) at stock facts
    #[arg(long)]
    pub models: bool,
    /// One group of cases instead of all (dual-stack listeners, or a
    /// second bind of a port)
    #[arg(long, value_enum, ignore_case = true)]
    pub group: Option<Group>,
    #[arg(long, value_enum, default_value_t = CompareFormat::Table, ignore_case = true)]
    pub format: CompareFormat,
}

#[derive(Args, Debug, Clone)]
pub struct PlotArgs {
    /// Where to write the SVG (`-` for stdout)
    #[arg(long, value_name = "FILE", default_value = "-")]
    pub out: std::path::PathBuf,
    /// This host's measured run instead of every OS's model
    #[arg(long)]
    pub here: bool,
}

#[derive(Args, Debug, Clone, Default)]
pub struct Filters {
    /// One option, e.g. SO_RCVBUF (case-insensitive)
    #[arg(long, value_parser = option_parser(), ignore_case = true)]
    pub option: Option<&'static OptionSpec>,
    /// One kind of socket
    #[arg(long, value_enum, ignore_case = true)]
    pub kind: Option<Kind>,
    /// One state
    #[arg(long, value_enum, ignore_case = true)]
    pub state: Option<State>,
    /// One path: raw (the OS call with the C type) or a library's typed API
    /// (socket2, nix, rustix)
    #[arg(long, value_enum, ignore_case = true)]
    pub path: Option<Api>,
}

impl Filters {
    pub fn matrix(&self) -> Filter {
        Filter {
            option: self.option,
            kind: self.kind,
            state: self.state,
            api: self.path,
        }
    }
}

#[derive(Args, Debug, Clone, Default)]
pub struct RunArgs {
    /// Output format; json, markdown and html always hold every case
    #[arg(long, value_enum, default_value_t = Format::Table, ignore_case = true)]
    pub format: Format,
    /// Print every case instead of the digest (table format)
    #[arg(long)]
    pub all: bool,
    #[command(flatten)]
    pub filters: Filters,
    /// Your own request instead of the ladder, through every path whose type
    /// can hold it: an integer (3000000, -1, 0x100), a timeout (1s, 250ms,
    /// 15us, tv(1,4000)), a linger (on:30, off) or, with --option
    /// TCP_CONGESTION, a name (reno)
    #[arg(long, value_name = "VALUE", allow_hyphen_values = true)]
    pub value: Option<String>,
    /// That OS's model with its stock facts, run nowhere: linux, macos,
    /// freebsd or windows, with @RELEASE for an older modelled release
    /// (macos@14.3). On a host of that OS, the ordinary measured run.
    #[arg(long, value_name = "NAME[@RELEASE]", value_parser = parse_os)]
    pub os: Option<(Os, Option<String>)>,
    /// Measure FreeBSD 13.0's stack run in user space through F-Stack
    /// instead of this host, with the probe program PROBE (the platform
    /// freebsd-fstack; built by scripts/test-under-fstack, which prints the
    /// command). Raw path and inet kinds only
    #[arg(long, value_name = "PROBE", conflicts_with = "os")]
    pub fstack: Option<std::path::PathBuf>,
}

impl RunArgs {
    /// The requests: the ladder, or the user's `--value` read as the
    /// option's type.
    pub fn requests(&self) -> Result<Requests, String> {
        match &self.value {
            None => Ok(Requests::Ladder),
            Some(text) => {
                let ty = self.filters.option.map(|o| o.ty);
                parse_request(text, ty).map(Requests::Value)
            }
        }
    }
}

#[derive(Args, Debug, Clone)]
pub struct CompareArgs {
    /// The snapshots folder
    #[arg(long, default_value = "snapshots")]
    pub dir: String,
    #[arg(long, value_enum, default_value_t = CompareFormat::Table, ignore_case = true)]
    pub format: CompareFormat,
    #[command(flatten)]
    pub filters: Filters,
}

#[derive(Args, Debug, Clone)]
pub struct TriageArgs {
    /// A JSON report (`sockmatrix --format json`), e.g. from a CI job on
    /// another OS
    pub report: std::path::PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Format {
    #[default]
    Table,
    Markdown,
    Json,
    /// One self-contained page: host, digest, every case with filters, the plot
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    Table,
    Markdown,
}

impl ValueEnum for Kind {
    fn value_variants<'a>() -> &'a [Self] {
        &Kind::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

impl ValueEnum for State {
    fn value_variants<'a>() -> &'a [Self] {
        &State::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

impl ValueEnum for Group {
    fn value_variants<'a>() -> &'a [Self] {
        &Group::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

impl ValueEnum for Api {
    fn value_variants<'a>() -> &'a [Self] {
        &Api::ALL
    }
    fn to_possible_value(&self) -> Option<PossibleValue> {
        Some(PossibleValue::new(self.name()))
    }
}

/// `--option`: one of the catalogue's names, suggested when misspelt.
fn option_parser() -> impl TypedValueParser<Value = &'static OptionSpec> {
    PossibleValuesParser::new(CATALOG.iter().map(|o| PossibleValue::new(o.name)))
        .map(|name| catalog::find(&name).expect("a possible value is a catalogue name"))
}

/// `--os NAME[@RELEASE]`.
fn parse_os(text: &str) -> Result<(Os, Option<String>), String> {
    let (name, release) = match text.split_once('@') {
        Some((n, r)) => (n, Some(r.to_string())),
        None => (text, None),
    };
    let os = Os::parse(name).ok_or_else(|| {
        let names: Vec<&str> = Os::MODELLED.iter().map(|o| o.name()).collect();
        format!("unknown OS {name:?}; choose one of: {}", names.join(", "))
    })?;
    Ok((os, release))
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

/// A Rust `Duration` for a library's linger or timeout method: `dur(500ms)`,
/// `dur(500ns)`, `dur(1500us)`, `dur(2s)`, `dur(0)`.
fn parse_duration(text: &str) -> Option<RelativeValue> {
    let inner = text.trim().strip_prefix("dur(")?.strip_suffix(')')?;
    let units = [("ns", 1), ("us", 1_000), ("ms", 1_000_000), ("s", 1_000_000_000)];
    let (number, size) = units
        .iter()
        .find_map(|(unit, size)| inner.strip_suffix(unit).map(|n| (n, *size)))
        .unwrap_or((inner, 1));
    let nanos = parse_int(number)?.checked_mul(size)?;
    (0..=i128::from(u64::MAX))
        .contains(&nanos)
        .then(|| RelativeValue::duration(nanos))
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

/// A sock_txtime: `txtime(CLOCK,FLAGS)`.
fn parse_txtime(text: &str) -> Option<RelativeValue> {
    let inner = text.trim().strip_prefix("txtime(")?.strip_suffix(')')?;
    let (clock, flags) = inner.split_once(',')?;
    Some(RelativeValue::txtime(parse_int(clock)?, parse_int(flags)?))
}

/// Parses `--value` for an option of type `ty`, or, with no option named,
/// as whichever kind of value the text spells.
pub fn parse_request(text: &str, ty: Option<Type>) -> Result<RelativeValue, String> {
    let bad = |what: &str| format!("--value: {text:?} is not {what}");
    match ty {
        Some(Type::Linger) => parse_linger(text)
            .or_else(|| parse_duration(text))
            .ok_or_else(|| bad("a linger (e.g. on:30, off, linger(1,30), or a library's dur(500ms))")),
        Some(Type::Time) => parse_time(text)
            .or_else(|| parse_duration(text))
            .ok_or_else(|| bad("a timeout (e.g. 1s, 250ms, 15us, tv(1,4000), or a library's dur(500ns))")),
        Some(Type::TxTime) => parse_txtime(text).ok_or_else(|| bad("a clock and flags (e.g. txtime(1,0))")),
        Some(Type::Filter) => match crate::filter::program(text) {
            Some(p) => Ok(RelativeValue::text(p.name)),
            None => Err(bad(&format!("a program's name ({})", crate::filter::names()))),
        },
        Some(Type::Text) if text.is_empty() => Err(bad("a name")),
        Some(Type::Text) => Ok(RelativeValue::text(text)),
        // A library's keepalive or user timeout takes a Duration.
        Some(_) if text.trim().starts_with("dur(") => {
            parse_duration(text).ok_or_else(|| bad("a Duration (e.g. dur(1500ms))"))
        }
        Some(_) => parse_value(text).map(RelativeValue::int),
        None => match parse_int(text) {
            Some(_) => parse_value(text).map(RelativeValue::int),
            None => parse_time(text).or_else(|| parse_linger(text)).or_else(|| parse_duration(text)).ok_or_else(|| {
                bad("an integer, a timeout (1s, 250ms, tv(1,4000)) or a linger (on:30); name an --option for text")
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
            parse_request("dur(500ms)", Some(Type::Linger)),
            Ok(RelativeValue::duration(500_000_000))
        );
        assert_eq!(
            parse_request("dur(500ns)", Some(Type::Time)),
            Ok(RelativeValue::duration(500))
        );
        assert_eq!(
            parse_request("dur(0)", Some(Type::Time)),
            Ok(RelativeValue::duration(0))
        );
        assert!(parse_request("dur(-1ms)", Some(Type::Time)).is_err());
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
        assert_eq!(
            parse_request("txtime(1,2)", Some(Type::TxTime)),
            Ok(RelativeValue::txtime(1, 2))
        );
        assert!(parse_request("5", Some(Type::TxTime)).is_err());
        assert!(parse_request("reno", None).is_err());
        assert!(parse_request("on:x", Some(Type::Linger)).is_err());
        assert!(parse_request("5", Some(Type::Time)).is_err());
    }

    fn cli(list: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("sockmatrix").chain(list.iter().copied()))
    }

    #[test]
    fn names_are_case_insensitive() {
        let a = cli(&["--option", "so_rcvbuf", "--kind", "UDP4"]).unwrap().run;
        assert_eq!(a.filters.option.map(|o| o.name), Some("SO_RCVBUF"));
        assert_eq!(a.filters.kind, Some(Kind::Udp4));
    }

    #[test]
    fn mistakes_name_the_choices_and_suggest() {
        let e = cli(&["--kind", "sctp"]).unwrap_err().to_string();
        assert!(
            e.contains("tcp4, tcp6, udp4, udp6, unix-stream, unix-dgram"),
            "{e}"
        );
        let e = cli(&["--option", "SO_RCVBUFF"]).unwrap_err().to_string();
        assert!(e.contains("SO_RCVBUF"), "{e}");
        let e = cli(&["--kindd", "tcp4"]).unwrap_err().to_string();
        assert!(e.contains("--kind"), "{e}");
        assert_eq!(cli(&["--format"]).unwrap_err().exit_code(), 2);
        assert_eq!(
            cli(&["--path", "raw", "--path=socket2"]).unwrap_err().exit_code(),
            2
        );
    }

    #[test]
    fn os_takes_a_release() {
        let a = cli(&["--os", "macos@14.3"]).unwrap().run;
        assert_eq!(a.os, Some((Os::MacOs, Some("14.3".into()))));
        assert!(cli(&["--os", "plan9"]).is_err());
    }
}
