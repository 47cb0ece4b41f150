//! The buffer picture: effective against requested size for `SO_SNDBUF` and
//! `SO_RCVBUF` (udp4, fresh, raw), log–log, one line per OS, with each
//! line's floor, doubling and clamp labelled with its numbers. Drawn with
//! plotters' SVG backend and no font feature: SVG text is laid out by the
//! viewer, so plotters' naive size estimate is all the layout needs.
//!
//! `stock_svg` draws every OS from its model at stock facts, so the same
//! bytes come out on any machine (the README's `docs/buffers.svg`);
//! `here_svg` draws what this host really reported.

use crate::api::Api;
use crate::case::{Case, Request};
use crate::engine;
use crate::host::Host;
use crate::kind::{Kind, State};
use crate::matrix::{self, Filter, Requests};
use crate::os::Os;
use crate::outcome::Outcome;
use crate::platform::wine::Wine;
use crate::platform::Platform;
use crate::value::{RelativeValue, Value};
use plotters::coord::Shift;
use plotters::prelude::*;

/// The options drawn, one panel each.
pub const OPTIONS: [&str; 2] = ["SO_SNDBUF", "SO_RCVBUF"];

/// The command that rewrites the committed picture.
pub const REGENERATE: &str = "cargo run --release -- plot --out docs/buffers.svg";

const WIDTH: u32 = 1200;
const HEIGHT: u32 = 640;
const TOP: f64 = 4.3e9;

/// One OS's answers for one option: requested → effective, and the
/// requests it refused.
#[derive(Debug, Clone)]
pub struct Line {
    pub option: &'static str,
    /// (requested, effective) for positive requests that read back a size.
    pub points: Vec<(i128, i128)>,
    /// Requests answered with an error, and the error's name.
    pub errors: Vec<(i128, String)>,
}

/// One OS row: its two lines and how to draw them.
#[derive(Debug, Clone)]
pub struct Series {
    /// `linux 6.18`, `windows-wine 8.0`, ...
    pub name: String,
    /// Drawn dashed: no committed snapshot backs it, only the model.
    pub model_only: bool,
    pub lines: Vec<Line>,
}

/// The requests: the option's udp4 ladder on this host, and every power of
/// two up to 2^30 so that each shape has points on both sides of it.
fn requests(host: &Host, option: &'static str) -> Vec<i128> {
    let filter = Filter {
        option: crate::catalog::find(option),
        kind: Some(Kind::Udp4),
        state: Some(State::Fresh),
        api: Some(Api::Raw),
    };
    let mut out: Vec<i128> = matrix::cases(host, &filter, &Requests::Ladder)
        .into_iter()
        .filter_map(|c| match c.request {
            Request::Set(RelativeValue::Int(e)) => Some(e.value()),
            _ => None,
        })
        .chain((0..=30).map(|p| 1i128 << p))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn case(option: &'static str, v: i128) -> Case {
    Case::new(option, Kind::Udp4, State::Fresh, Api::Raw, Request::set(v))
        .expect("udp4 fresh is a state of udp4")
}

fn line(option: &'static str, answers: Vec<(i128, Outcome)>) -> Line {
    let mut points = Vec::new();
    let mut errors = Vec::new();
    for (v, outcome) in answers {
        match outcome {
            Outcome::Ok(Value::Int(n)) if v >= 1 && n >= 1 => points.push((v, n)),
            Outcome::Err(name) => errors.push((v, name)),
            _ => {}
        }
    }
    Line {
        option,
        points,
        errors,
    }
}

/// A model's lines, every request predicted (`requests_from` places the
/// host-relative rungs).
fn modelled(platform: &dyn Platform, requests_from: &Host) -> Vec<Line> {
    OPTIONS
        .iter()
        .map(|&option| {
            let answers = requests(requests_from, option)
                .into_iter()
                .map(|v| {
                    let p = crate::predict::predict(&case(option, v), platform);
                    (v, p.expected.outcome())
                })
                .collect();
            line(option, answers)
        })
        .collect()
}

/// Every OS from its model at stock facts: the committed picture.
pub fn stock() -> Vec<Series> {
    let host = |os| Host::offline(os, None).expect("every modelled OS has an offline model");
    let linux = host(Os::Linux);
    let mut out = vec![Series {
        name: format!("linux {}", linux.kernel),
        model_only: false,
        lines: modelled(linux.platform(), &linux),
    }];
    let wine = Wine::offline();
    out.push(Series {
        name: format!("windows-wine {}", wine.facts.version),
        model_only: false,
        // Wine places no rungs of its own; it gets the Linux host's.
        lines: modelled(&wine, &linux),
    });
    for os in [Os::MacOs, Os::FreeBsd, Os::Windows] {
        let h = host(os);
        out.push(Series {
            name: format!("{} {}", os.name(), short_release(&h.platform().release())),
            model_only: true,
            lines: modelled(h.platform(), &h),
        });
    }
    out
}

/// `15 (macOS 14.4 to 15.x, xnu-...)` → `15`.
fn short_release(release: &str) -> &str {
    release.split(" (").next().unwrap_or(release)
}

/// This host's lines, measured (or, for an offline host, predicted).
pub fn here(host: &Host) -> Vec<Series> {
    let lines = OPTIONS
        .iter()
        .map(|&option| {
            let values = requests(host, option);
            let cases: Vec<Case> = values.iter().map(|&v| case(option, v)).collect();
            let rows = engine::cases::run_all(&cases, host);
            line(
                option,
                values
                    .into_iter()
                    .zip(rows.into_iter().map(|r| r.observed))
                    .collect(),
            )
        })
        .collect();
    vec![Series {
        name: format!("{} {}", host.os_label(), host.kernel),
        model_only: !host.measured,
        lines,
    }]
}

/// The committed picture's SVG.
pub fn stock_svg() -> String {
    svg(
        &stock(),
        "Every OS from its model at stock facts. Solid: linux and windows-wine, the models the committed \
         snapshots of measured runs agree with; dashed: model only (no snapshot).",
    )
}

/// This host's picture: measured, with this host's numbers.
pub fn here_svg(host: &Host) -> String {
    let what = if host.probe().is_some() {
        "measured through F-Stack's probe"
    } else if host.measured {
        "measured on this host"
    } else {
        "model only"
    };
    svg(
        &here(host),
        &format!("{} {}: {what}.", host.os_label(), host.kernel),
    )
}

/// The shapes of a line, as the labels say them.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Shapes {
    /// What the smallest request reads back, when more than asked.
    pub floor: Option<i128>,
    /// A request read back doubled.
    pub doubled: bool,
    /// The ceiling the largest requests are cut to.
    pub clamp: Option<i128>,
    /// The smallest of the large requests refused, when the largest
    /// accepted is below it, and the error.
    pub refused_above: Option<(i128, String)>,
}

pub fn shapes(line: &Line) -> Shapes {
    let floor = line.points.first().filter(|(v, n)| n > v).map(|p| p.1);
    let doubled = line.points.iter().any(|&(v, n)| v > 1 && n == 2 * v);
    let clamp = line.points.last().filter(|(v, n)| n < v).map(|p| p.1);
    let largest_ok = line.points.last().map_or(0, |p| p.0);
    let refused_above = line
        .errors
        .iter()
        .find(|(v, _)| *v > largest_ok && largest_ok > 0)
        .map(|(v, e)| (*v, e.clone()));
    Shapes {
        floor,
        doubled,
        clamp,
        refused_above,
    }
}

fn describe(line: &Line) -> String {
    let s = shapes(line);
    let mut parts = Vec::new();
    if let Some(f) = s.floor {
        parts.push(format!("floor {f}"));
    }
    if s.doubled {
        parts.push("×2".to_string());
    }
    if let Some(c) = s.clamp {
        parts.push(format!("clamp {c}"));
    }
    if let Some((v, e)) = &s.refused_above {
        parts.push(format!("{e} from {v}"));
    }
    let mut small: Vec<&str> = line
        .errors
        .iter()
        .filter(|(v, _)| *v <= 0)
        .map(|(_, e)| e.as_str())
        .collect();
    small.dedup();
    for e in small {
        let zero = line.errors.iter().any(|(v, x)| *v == 0 && x == e);
        let negative = line.errors.iter().any(|(v, x)| *v < 0 && x == e);
        let which = match (zero, negative) {
            (true, true) => "≤ 0",
            (true, false) => "0",
            _ => "< 0",
        };
        parts.push(format!("{which} → {e}"));
    }
    if parts.is_empty() {
        parts.push("as requested".into());
    }
    format!("{}: {}", line.option, parts.join(" · "))
}

const COLOURS: [RGBColor; 5] = [
    RGBColor(200, 30, 30),
    RGBColor(130, 50, 170),
    RGBColor(30, 90, 200),
    RGBColor(20, 140, 60),
    RGBColor(220, 130, 0),
];

fn short(v: f64) -> String {
    let v = v.round() as i128;
    match v {
        _ if v >= 1 << 30 && v % (1 << 30) == 0 => format!("{}G", v >> 30),
        _ if v >= 1 << 20 && v % (1 << 20) == 0 => format!("{}M", v >> 20),
        _ if v >= 1 << 10 && v % (1 << 10) == 0 => format!("{}K", v >> 10),
        _ if v >= 1_000_000_000 => format!("{}G", v / 1_000_000_000),
        _ if v >= 1_000_000 => format!("{}M", v / 1_000_000),
        _ if v >= 1_000 => format!("{}k", v / 1_000),
        _ => v.to_string(),
    }
}

/// Draws the series into an SVG document.
pub fn svg(series: &[Series], subtitle: &str) -> String {
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (WIDTH, HEIGHT)).into_drawing_area();
        draw(&root, series, subtitle).expect("drawing into a string cannot fail");
        root.present().expect("an SVG string always presents");
    }
    out
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[Series],
    subtitle: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let legend_height = 28 + 20 * series.len() as u32;
    let (head, rest) = root.split_vertically(58);
    let (charts, legend) = rest.split_vertically(HEIGHT - 58 - legend_height);
    head.draw_text(
        "Effective vs requested buffer size (udp4, fresh socket, setsockopt then getsockopt)",
        &("sans-serif", 24).into_font().color(&BLACK),
        (16, 8),
    )?;
    head.draw_text(
        subtitle,
        &("sans-serif", 16).into_font().color(&BLACK.mix(0.75)),
        (16, 36),
    )?;
    let panels = charts.split_evenly((1, OPTIONS.len()));
    for (panel, option) in panels.iter().zip(OPTIONS) {
        panel_chart(panel, series, option)?;
    }
    // The legend: one row per OS, with both options' shapes and numbers.
    legend.draw_text(
        "Thin grey: as requested (v) and doubled (2v). × at the bottom: a request refused with an error.",
        &("sans-serif", 15).into_font().color(&BLACK.mix(0.7)),
        (16, 4),
    )?;
    for (i, s) in series.iter().enumerate() {
        let y = 28 + 20 * i as i32;
        let colour = COLOURS[i % COLOURS.len()];
        let style = colour.stroke_width(2);
        if s.model_only {
            legend.draw(&PathElement::new(vec![(16, y + 7), (26, y + 7)], style))?;
            legend.draw(&PathElement::new(vec![(32, y + 7), (42, y + 7)], style))?;
        } else {
            legend.draw(&PathElement::new(vec![(16, y + 7), (42, y + 7)], style))?;
        }
        let kind = if s.model_only { " (model)" } else { "" };
        let shapes: Vec<String> = s.lines.iter().map(describe).collect();
        legend.draw_text(
            &format!("{}{kind} — {}", s.name, shapes.join("; ")),
            &("sans-serif", 16).into_font().color(&colour),
            (50, y),
        )?;
    }
    Ok(())
}

fn panel_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    series: &[Series],
    option: &str,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let mut chart = ChartBuilder::on(area)
        .margin(12)
        .caption(option, ("sans-serif", 20))
        .x_label_area_size(40)
        .y_label_area_size(62)
        .build_cartesian_2d((1f64..TOP).log_scale(), (1f64..TOP).log_scale())?;
    chart
        .configure_mesh()
        .x_desc("requested (bytes)")
        .y_desc("effective: getsockopt (bytes)")
        .x_label_formatter(&|v| short(*v))
        .y_label_formatter(&|v| short(*v))
        .light_line_style(WHITE.mix(0.0))
        .label_style(("sans-serif", 14))
        .axis_desc_style(("sans-serif", 15))
        .draw()?;
    let grey = BLACK.mix(0.25).stroke_width(1);
    chart.draw_series(LineSeries::new([(1.0, 1.0), (TOP, TOP)], grey))?;
    chart.draw_series(DashedLineSeries::new([(0.5, 1.0), (TOP / 2.0, TOP)], 3, 3, grey))?;
    for (i, s) in series.iter().enumerate() {
        let colour = COLOURS[i % COLOURS.len()];
        let Some(line) = s.lines.iter().find(|l| l.option == option) else {
            continue;
        };
        let pts: Vec<(f64, f64)> = line.points.iter().map(|&(v, n)| (v as f64, n as f64)).collect();
        let width = if s.model_only { 2 } else { 3 };
        let style = colour.stroke_width(width);
        if s.model_only {
            chart.draw_series(DashedLineSeries::new(pts.clone(), 6 + 2 * i as i32, 5, style))?;
        } else {
            chart.draw_series(LineSeries::new(pts.clone(), style))?;
        }
        // Refused requests: a cross on the bottom edge.
        let bottom = 1.25 * 1.5f64.powi(i as i32);
        chart.draw_series(
            line.errors
                .iter()
                .filter(|(v, _)| *v >= 1)
                .map(|&(v, _)| Cross::new((v as f64, bottom), 4, colour.stroke_width(2))),
        )?;
        // The shapes, labelled where they are.
        let sh = shapes(line);
        let font = ("sans-serif", 15).into_font().color(&colour);
        let nudge = 1.0 + 0.9 * i as f64;
        if let Some(f) = sh.floor {
            chart.draw_series(std::iter::once(Text::new(
                format!("floor {f}"),
                (2.0, f as f64 * 2.4 * nudge),
                font.clone(),
            )))?;
        }
        if sh.doubled {
            if let Some(&(v, n)) = line.points.iter().find(|&&(v, n)| n == 2 * v && v >= 65536) {
                chart.draw_series(std::iter::once(Text::new(
                    format!("×2: {v} → {n}"),
                    (v as f64 / 60.0, n as f64 * 4.0),
                    font.clone(),
                )))?;
            }
        }
        if let Some(c) = sh.clamp {
            chart.draw_series(std::iter::once(Text::new(
                format!("clamp {c}"),
                (1.5e7, c as f64 / (2.5 * (1.0 + 1.2 * i as f64))),
                font.clone(),
            )))?;
        }
        if let Some((v, e)) = &sh.refused_above {
            chart.draw_series(std::iter::once(Text::new(
                format!("{e} from {v}"),
                (*v as f64 / 30.0, bottom * 1.8),
                font.clone(),
            )))?;
        }
    }
    Ok(())
}
