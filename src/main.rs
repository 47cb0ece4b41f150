//! `sockmatrix`: runs the matrix on this host and prints it.

use sockmatrix::cli::{self, Format, Parsed};
use sockmatrix::host::Host;
use sockmatrix::matrix::{self, Requests};
use sockmatrix::os::Os;
use sockmatrix::{compare, engine, render};
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (what, args) = match cli::parse(&args) {
        Ok(parsed) => parsed,
        Err(line) => {
            eprintln!("sockmatrix: {line}");
            return ExitCode::from(2);
        }
    };
    match what {
        Parsed::Help => {
            println!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Parsed::Compare(dir) => return compare(&dir, &args),
        Parsed::Run => {}
    }
    // `--os` names a model to ask offline, unless it is this host's own OS.
    let offline = args
        .os
        .as_ref()
        .filter(|(os, release)| *os != Os::this() || release.is_some());
    let host = match offline {
        Some((os, release)) => match Host::offline(*os, release.as_deref()) {
            Ok(host) => host,
            Err(why) => {
                eprintln!("sockmatrix: --os: {why}");
                return ExitCode::from(2);
            }
        },
        None => match Host::detect() {
            Ok(host) => host,
            Err(why) => {
                eprintln!("sockmatrix: cannot read this host's facts: {why}");
                return ExitCode::from(1);
            }
        },
    };
    let cases = matrix::cases(&host, &args.filter, &args.requests);
    if cases.is_empty() {
        eprintln!(
            "sockmatrix: {}",
            matrix::why_empty(&host, &args.filter, &args.requests)
        );
        return ExitCode::from(2);
    }
    let mut rows = engine::cases::run_all(&cases, &host);
    // Capacity takes real traffic: measured when the run is narrowed to a
    // buffer size, where it is read.
    if host.measured
        && args
            .filter
            .option
            .is_some_and(|o| matches!(o.name, "SO_SNDBUF" | "SO_RCVBUF"))
    {
        engine::cases::attach_capacity(&mut rows, &host);
    }
    // Effects belong to the full report; a narrowed run keeps to its cases.
    let effects = if host.measured && args.filter.is_empty() && matches!(args.requests, Requests::Ladder) {
        engine::effects::run_all(&host)
    } else {
        Vec::new()
    };
    let explain = matches!(args.requests, Requests::Value(_));
    let text = match args.format {
        Format::Table => render::table(&host, &rows, &effects, explain),
        Format::Markdown => render::markdown(&host, &rows, &effects, explain),
        Format::Json => render::json(&host, &rows, &effects),
    };
    println!("{}", text.trim_end());
    let capacity_ok = rows
        .iter()
        .all(|r| r.capacity.as_ref().is_none_or(|c| c.agrees() != Some(false)));
    if rows.iter().all(|r| r.agrees()) && effects.iter().all(|e| e.agrees()) && capacity_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `sockmatrix compare`: the committed snapshots side by side.
fn compare(dir: &str, args: &cli::Args) -> ExitCode {
    let f = &args.filter;
    let filter = compare::Filter {
        option: f.option.map(|o| o.name.to_string()),
        kind: f.kind.map(|k| k.name().to_string()),
        state: f.state.map(|s| s.name().to_string()),
        path: f.api.map(|p| p.name().to_string()),
    };
    match compare::Table::build(std::path::Path::new(dir), &filter) {
        Ok(table) if table.lines.is_empty() => {
            eprintln!("sockmatrix: compare: no snapshot rows in {dir} match these filters");
            ExitCode::from(2)
        }
        Ok(table) => {
            let text = match args.format {
                Format::Markdown => table.markdown(),
                _ => table.text(),
            };
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("sockmatrix: compare: {why}");
            ExitCode::from(2)
        }
    }
}
