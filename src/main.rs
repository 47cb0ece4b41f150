//! `sockmatrix`: runs the matrix on this host (or asks a model offline) and
//! prints it; `compare` and `triage` read what runs left behind.

use clap::{CommandFactory, Parser};
use sockmatrix::cli::{
    BehavioursArgs, Cli, Command, CompareArgs, CompareFormat, Format, PathsArgs, PlotArgs, RunArgs, SiteArgs,
    TriageArgs,
};
use sockmatrix::engine::{self, Plan, Verdict};
use sockmatrix::host::Host;
use sockmatrix::matrix;
use sockmatrix::os::Os;
use sockmatrix::{compare, render, triage};
use std::io::Write;
use std::process::ExitCode;

/// The usage error's exit status; a report's are its verdict's
/// (documented in `--help` and the README).
const USAGE: u8 = 2;
const NOT_RUN: u8 = Verdict::NotRun.status();

fn main() -> ExitCode {
    // A closed pipe (`sockmatrix | head`) ends the run the usual way.
    sockmatrix::sys::default_sigpipe();
    // Ctrl-C or SIGTERM: remove the run's temp folders, then exit 130 / 143.
    sockmatrix::interrupt::remove_folders_on_termination();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Run(args)) => run(&args),
        Some(Command::Compare(args)) => compare(&args),
        Some(Command::Triage(args)) => triage(&args),
        Some(Command::Plot(args)) => plot(&args),
        Some(Command::Behaviours(args)) => behaviours(&args),
        Some(Command::Paths(args)) => paths(&args),
        Some(Command::Site(args)) => site(&args),
        None => run(&cli.run),
    }
}

/// Writes the report; a reader that went away is no error.
fn emit(text: &str) -> bool {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => false,
        Err(e) => {
            eprintln!("sockmatrix: cannot write the report: {e}");
            false
        }
    }
}

/// A usage error in clap's words and with its exit status.
fn usage(message: impl std::fmt::Display) -> ExitCode {
    let e = Cli::command().error(clap::error::ErrorKind::ValueValidation, message);
    let _ = e.print();
    ExitCode::from(USAGE)
}

fn run(args: &RunArgs) -> ExitCode {
    let requests = match args.requests() {
        Ok(r) => r,
        Err(why) => return usage(why),
    };
    // `--os` names a model to ask offline, unless it is this host's own
    // platform (Wine is not Windows: `--os windows` under Wine is the model).
    let detected = || match Host::detect() {
        Ok(host) => Ok(host),
        Err(why) => {
            eprintln!("sockmatrix: cannot read this host's facts: {why}");
            Err(ExitCode::from(NOT_RUN))
        }
    };
    let offline = |os: Os, release: Option<&str>| {
        Host::offline(os, release).map_err(|why| usage(format!("--os: {why}")))
    };
    let host = match (&args.fstack, &args.os) {
        // F-Stack's FreeBSD stack, through its probe: never this host.
        (Some(probe), _) => Host::fstack(probe).map_err(|why| {
            eprintln!("sockmatrix: --fstack: {why}");
            ExitCode::from(NOT_RUN)
        }),
        (None, Some((os, None))) if *os == Os::this() => {
            detected().and_then(|host| match host.os_label() == os.name() {
                true => Ok(host),
                false => offline(*os, None),
            })
        }
        (None, Some((os, release))) => offline(*os, release.as_deref()),
        (None, None) => detected(),
    };
    let host = match host {
        Ok(host) => host,
        Err(status) => return status,
    };
    let filter = args.filters.matrix();
    let plan = Plan::new(&host, &filter, &requests);
    if plan.cases.is_empty() {
        let why = matrix::why_empty(&host, &filter, &requests);
        if filter
            .kind
            .is_some_and(|k| host.skipped_kinds.iter().any(|(s, _)| *s == k))
        {
            eprintln!("sockmatrix: {why}");
            return ExitCode::from(NOT_RUN);
        }
        return usage(why);
    }
    let report = match engine::run(&host, &plan) {
        Ok(report) => report,
        Err(stopped) => {
            eprintln!("sockmatrix: {stopped}");
            return ExitCode::from(NOT_RUN);
        }
    };
    let explain = matches!(requests, matrix::Requests::Value(_));
    let text = match args.format {
        Format::Table if args.all || explain => render::table(&report, explain),
        Format::Table => render::digest(&report, render::colour_wanted()),
        Format::Markdown => render::markdown(&report, explain),
        Format::Json => render::json(&report),
        Format::Html => {
            let picture = match host.measured {
                true => sockmatrix::plot::here_svg(&host),
                false => sockmatrix::plot::stock_svg(),
            };
            render::html(&report, &picture)
        }
    };
    if !emit(&(text.trim_end().to_string() + "\n")) {
        return ExitCode::SUCCESS;
    }
    ExitCode::from(report.verdict().status())
}

/// `sockmatrix compare`: the committed snapshots side by side, with model
/// columns for the OSes that have none.
fn compare(args: &CompareArgs) -> ExitCode {
    let f = &args.filters;
    let filter = compare::Filter {
        option: f.option.map(|o| o.name.to_string()),
        kind: f.kind.map(|k| k.name().to_string()),
        state: f.state.map(|s| s.name().to_string()),
        path: f.path.map(|p| p.name().to_string()),
    };
    match compare::Table::build(std::path::Path::new(&args.dir), &filter) {
        Ok(table) if table.lines.is_empty() => usage(format!(
            "compare: no snapshot rows in {} match these filters",
            args.dir
        )),
        Ok(table) => {
            let text = match args.format {
                CompareFormat::Markdown => table.markdown(),
                CompareFormat::Table => table.text(),
            };
            emit(&text);
            ExitCode::SUCCESS
        }
        Err(why) => usage(format!("compare: {why}")),
    }
}

/// `sockmatrix site --out DIR`: the static site.
fn site(args: &SiteArgs) -> ExitCode {
    match sockmatrix::site::build(&args.snapshots, args.reports.as_deref(), &args.out) {
        Ok(s) => {
            eprintln!(
                "sockmatrix site: {} pages ({} options), {:.1} MB, in {}; open {}",
                s.pages,
                s.options,
                s.bytes as f64 / 1e6,
                s.out.display(),
                s.out.join("index.html").display()
            );
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("sockmatrix site: {why}");
            ExitCode::from(USAGE)
        }
    }
}

/// `sockmatrix triage REPORT.json`: a run's disagreements by rule.
fn triage(args: &TriageArgs) -> ExitCode {
    match triage::read(&args.report) {
        Ok(report) => {
            emit(&report.text());
            ExitCode::from(report.verdict().status())
        }
        Err(why) => {
            eprintln!("sockmatrix: triage: {why}");
            ExitCode::from(USAGE)
        }
    }
}

/// `sockmatrix plot`: the buffer picture, every OS's model at stock facts
/// (the README's), or this host's run with `--here`.
fn plot(args: &PlotArgs) -> ExitCode {
    let svg = if args.here {
        match Host::detect() {
            Ok(host) => sockmatrix::plot::here_svg(&host),
            Err(why) => {
                eprintln!("sockmatrix: cannot read this host's facts: {why}");
                return ExitCode::from(NOT_RUN);
            }
        }
    } else {
        sockmatrix::plot::stock_svg()
    };
    if args.out.as_os_str() == "-" {
        emit(&svg);
        return ExitCode::SUCCESS;
    }
    match std::fs::write(&args.out, svg) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sockmatrix: plot: cannot write {}: {e}", args.out.display());
            ExitCode::from(NOT_RUN)
        }
    }
}

/// `sockmatrix paths`: one request through every library, here or on the
/// models.
fn paths(args: &PathsArgs) -> ExitCode {
    let asks = match (args.made, args.asks()) {
        (true, _) => Vec::new(),
        (false, Ok(asks)) => asks,
        (false, Err(why)) => return usage(why),
    };
    let hosts = match chosen_hosts(&args.os, args.models) {
        Ok(hosts) => hosts,
        Err(status) => return status,
    };
    let text = match (args.format, args.made) {
        (CompareFormat::Table, false) => render::paths::table(&hosts, &asks),
        (CompareFormat::Markdown, false) => render::paths::markdown(&hosts, &asks),
        (CompareFormat::Table, true) => render::made::table(&hosts),
        (CompareFormat::Markdown, true) => render::made::markdown(&hosts),
    };
    emit(&text);
    ExitCode::SUCCESS
}

/// The hosts a `paths` or `behaviours` view asks: every OS's model
/// (`--models`), one model (`--os`), or this host.
fn chosen_hosts(os: &Option<(Os, Option<String>)>, models: bool) -> Result<Vec<Host>, ExitCode> {
    match (os, models) {
        (_, true) => Os::MODELLED
            .into_iter()
            .map(|os| Host::offline(os, None).map_err(|why| usage(format!("--models: {why}"))))
            .collect(),
        (Some((os, release)), false) => Host::offline(*os, release.as_deref())
            .map(|h| vec![h])
            .map_err(|why| usage(format!("--os: {why}"))),
        (None, false) => Host::detect().map(|h| vec![h]).map_err(|why| {
            eprintln!("sockmatrix: cannot read this host's facts: {why}");
            ExitCode::from(NOT_RUN)
        }),
    }
}

/// `sockmatrix behaviours`: what an option does, here or on the models.
fn behaviours(args: &BehavioursArgs) -> ExitCode {
    let hosts = match chosen_hosts(&args.os, args.models) {
        Ok(hosts) => hosts,
        Err(status) => return status,
    };
    let groups = match args.group {
        Some(group) => vec![group],
        None => sockmatrix::behaviour::Group::ALL.to_vec(),
    };
    let text = match args.format {
        CompareFormat::Table => render::behaviour::table(&hosts, &groups),
        CompareFormat::Markdown => render::behaviour::markdown(&hosts, &groups),
    };
    emit(&text);
    ExitCode::SUCCESS
}
