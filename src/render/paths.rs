//! "Same request, every library": one request through every path, on this
//! host (measured) or an OS's model, each cell the value the path hands
//! back and the library's own rules on the way. `TRAPS` are the requests
//! where the libraries part ways (rust-socket-apis.md §6.2, as far as the
//! catalogue's types can say them); the README's table is them on every
//! OS's model.

use crate::api::Api;
use crate::case::{Case, Request};
use crate::engine;
use crate::host::Host;
use crate::kind::{Kind, State};
use crate::library;
use crate::value::RelativeValue;

/// One request to put through every path.
#[derive(Debug, Clone)]
pub struct Ask {
    pub option: &'static str,
    pub kind: Kind,
    pub state: State,
    pub request: Request,
}

/// The requests where the libraries part ways.
pub fn traps() -> Vec<Ask> {
    let ask = |option, kind, state, request| Ask {
        option,
        kind,
        state,
        request,
    };
    let set = |v: RelativeValue| Request::Set(v);
    vec![
        // Under 1 ms: "no timeout" through socket2 on Windows, 1 ms through std and rustix.
        ask(
            "SO_RCVTIMEO",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::time(0, 1)),
        ),
        // 100 years: INFINITE through socket2 and std on Windows, rustix refuses.
        ask(
            "SO_RCVTIMEO",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::time(3_153_600_000, 0)),
        ),
        // 2^32 + 5 s: socket2 wraps to 5 s, rustix refuses.
        ask(
            "SO_LINGER",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::linger(1, (1 << 32) + 5)),
        ),
        // 5 s: on macOS rustix's SO_LINGER is in ticks.
        ask(
            "SO_LINGER",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::linger(1, 5)),
        ),
        // Durations finer than the C types: 500 ns is "no timeout" through
        // socket2 and 1 µs through std and rustix; zero is "no timeout"
        // through socket2, an error through std and rustix; a 500 ms linger
        // is an abortive close through socket2 (and tokio), 1 s through rustix.
        ask(
            "SO_RCVTIMEO",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(500)),
        ),
        ask(
            "SO_RCVTIMEO",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(0)),
        ),
        ask(
            "SO_LINGER",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(500_000_000)),
        ),
        // 1 s + 1 ns: socket2 and std drop the nanosecond, rustix rounds up.
        ask(
            "SO_RCVTIMEO",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(1_000_000_001)),
        ),
        // Keepalive as a Duration: socket2 drops the fraction (0.5 s is 0,
        // EINVAL on Linux), rustix rounds up.
        ask(
            "TCP_KEEPIDLE",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(1_500_000_000)),
        ),
        ask(
            "TCP_KEEPIDLE",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(500_000_000)),
        ),
        // 0.5 ms of user timeout: socket2 sends 0, the system default.
        ask(
            "TCP_USER_TIMEOUT",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::duration(500_000)),
        ),
        // 2^31 and 2^32 + 4096: socket2 and nix cast `as c_int`, rustix refuses.
        ask(
            "SO_SNDBUF",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::int(1 << 31)),
        ),
        ask(
            "SO_SNDBUF",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::int((1 << 32) + 4096)),
        ),
        // 256: std's one-byte value on FreeBSD is 0, and accepted.
        ask(
            "IP_MULTICAST_TTL",
            Kind::Udp4,
            State::Bound,
            set(RelativeValue::int(256)),
        ),
        ask(
            "IP_MULTICAST_TTL",
            Kind::Udp4,
            State::Bound,
            set(RelativeValue::int(u32::MAX.into())),
        ),
        // 2^31 s of keepalive idle: socket2 saturates, rustix and nix send a negative int.
        ask(
            "TCP_KEEPIDLE",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::int(1 << 31)),
        ),
        // 256: rustix's IP_TOS is a u8.
        ask(
            "IP_TOS",
            Kind::Tcp4,
            State::Connected,
            set(RelativeValue::int(256)),
        ),
        // A listener std made has SO_REUSEADDR on.
        ask("SO_REUSEADDR", Kind::Tcp4, State::Listening, Request::Default),
        // std sets SO_NOSIGPIPE on every socket it makes on macOS and FreeBSD.
        ask("SO_NOSIGPIPE", Kind::Udp4, State::Bound, Request::Default),
    ]
}

/// One path's answer: the value (or error) and the library's rules, or
/// `None` where the path cannot say the request.
pub struct Answer {
    pub value: String,
    pub library_rules: Vec<&'static str>,
}

/// The answer of every path (in `Api::ALL` order) to the request on
/// `host`: measured where the host is, the model's otherwise.
pub fn answers(host: &Host, ask: &Ask) -> Vec<Option<Answer>> {
    let os = host.os();
    Api::ALL
        .iter()
        .map(|&api| {
            let case = Case::new(ask.option, ask.kind, ask.state, api, ask.request.clone()).ok()?;
            let option = case.option;
            let offered = library::names(os, api, option)
                && crate::matrix::path_can_ask(os, api, option, ask.kind, ask.state, &ask.request);
            if !offered || (host.measured && !crate::call::offers(api, option)) {
                return None;
            }
            let row = match host.measured {
                true => engine::cases::run(&case, host),
                false => engine::cases::model(&case, host),
            };
            Some(Answer {
                value: crate::render::effective(&row),
                library_rules: row
                    .prediction
                    .rules
                    .iter()
                    .filter(|r| library::is_path_rule(r))
                    .map(|r| r.id)
                    .collect(),
            })
        })
        .collect()
}

fn cell(answer: &Option<Answer>) -> String {
    match answer {
        None => "-".to_string(),
        Some(a) if a.library_rules.is_empty() => a.value.clone(),
        Some(a) => format!("{} <sub>{}</sub>", a.value, a.library_rules.join(" + ")),
    }
}

/// Where the answers come from: the host measured, or a model.
fn place(host: &Host) -> String {
    match host.measured {
        true => format!("{} (here)", host.os_label()),
        false => format!("{} (model)", host.os_label()),
    }
}

/// The requests through every path on each host, aligned for a terminal.
pub fn table(hosts: &[Host], asks: &[Ask]) -> String {
    let mut rows: Vec<Vec<String>> = vec![["request", "os"]
        .into_iter()
        .map(String::from)
        .chain(Api::ALL.iter().map(|a| a.to_string()))
        .collect()];
    let mut notes: Vec<&'static str> = Vec::new();
    for ask in asks {
        for host in hosts {
            let mut row = vec![request(ask), place(host)];
            for answer in answers(host, ask) {
                row.push(match answer {
                    None => "-".to_string(),
                    Some(a) if a.library_rules.is_empty() => a.value,
                    Some(a) => {
                        for id in &a.library_rules {
                            if !notes.contains(id) {
                                notes.push(id);
                            }
                        }
                        format!("{} ({})", a.value, a.library_rules.join(" + "))
                    }
                });
            }
            rows.push(row);
        }
    }
    let mut out = super::aligned_text(&rows, "  ");
    if !notes.is_empty() {
        out.push_str("\nlibrary rules:\n");
        for id in notes {
            if let Some(rule) = library::rules().find(|r| r.id == id) {
                out.push_str(&format!("  {}: {} ({})\n", rule.id, rule.why, rule.source));
            }
        }
    }
    out
}

fn request(ask: &Ask) -> String {
    format!("{} · {} · {} · {}", ask.option, ask.kind, ask.state, ask.request)
}

/// The requests through every path on each host, as a Markdown table.
pub fn markdown(hosts: &[Host], asks: &[Ask]) -> String {
    let paths: Vec<&str> = Api::ALL.iter().map(|a| a.name()).collect();
    let mut out = format!(
        "| request | os | {} |\n|---|---|{}\n",
        paths.join(" | "),
        "---|".repeat(paths.len())
    );
    for ask in asks {
        for host in hosts {
            let cells: Vec<String> = answers(host, ask).iter().map(cell).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                request(ask),
                place(host),
                cells.join(" | ")
            ));
        }
    }
    out
}
