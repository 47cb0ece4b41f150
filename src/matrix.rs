//! Enumerates the cases of the matrix, optionally narrowed by a filter.

use crate::case::{Case, Request};
use crate::catalog::{self, OptionSpec};
use crate::expr::Expr;
use crate::host::Host;
use crate::kind::{Family, Kind, State};
use crate::ladder;
use crate::path::Path;

/// Narrows the matrix; `None` keeps everything on that axis.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub option: Option<&'static OptionSpec>,
    pub kind: Option<Kind>,
    pub state: Option<State>,
    pub path: Option<Path>,
}

impl Filter {
    fn keeps_option(&self, o: &OptionSpec) -> bool {
        self.option.is_none_or(|f| f.name == o.name)
    }
}

/// What a user asks the matrix for.
#[derive(Debug, Clone, Copy)]
pub enum Requests {
    /// Every option's default and value ladder.
    Ladder,
    /// One value of the user's, on every path that can express it.
    Value(i128),
}

/// Every case the filter keeps, in catalogue × kind × state × request × path order.
pub fn cases(host: &Host, filter: &Filter, requests: Requests) -> Vec<Case> {
    let mut out = Vec::new();
    for option in catalog::on_this_os().filter(|o| filter.keeps_option(o)) {
        for kind in kinds(host)
            .into_iter()
            .filter(|k| filter.kind.is_none_or(|f| f == *k))
        {
            for &state in kind
                .states()
                .iter()
                .filter(|s| filter.state.is_none_or(|f| f == **s))
            {
                for request in requests_for(host, option, requests) {
                    for path in Path::ALL {
                        let fits = match request {
                            Request::Default => true,
                            Request::Set(e) => path.can_express(e.value()),
                        };
                        if filter.path.is_none_or(|f| f == path) && path.offers(option) && fits {
                            out.push(Case {
                                option,
                                kind,
                                state,
                                path,
                                request,
                            });
                        }
                    }
                }
            }
        }
    }
    out
}

/// The kinds this host can make; the others are reported by `unavailable_kinds`.
pub fn kinds(host: &Host) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| unavailable_reason(host, *k).is_none())
        .collect()
}

/// Kinds skipped on this host, each with the reason.
pub fn unavailable_kinds(host: &Host) -> Vec<(Kind, &'static str)> {
    Kind::ALL
        .into_iter()
        .filter_map(|k| unavailable_reason(host, k).map(|why| (k, why)))
        .collect()
}

fn unavailable_reason(host: &Host, kind: Kind) -> Option<&'static str> {
    (kind.family() == Family::Ipv6 && !host.ipv6)
        .then_some("IPv6 is not available on this host (::1 cannot be bound)")
}

fn requests_for(host: &Host, option: &'static OptionSpec, requests: Requests) -> Vec<Request> {
    match requests {
        Requests::Value(v) => vec![Request::Set(Expr::lit(v))],
        Requests::Ladder => {
            // Without a known limit the rungs placed around it mean nothing.
            let max = host.buffer_limit(option.limit);
            let rungs = option.ladder.iter().filter_map(|r| match (r.at, max) {
                (ladder::At::Max(..), None) => None,
                (_, max) => Some(Request::Set(r.resolve(max.unwrap_or(ladder::INT_MAX_HALF)))),
            });
            std::iter::once(Request::Default).chain(rungs).collect()
        }
    }
}

/// One line saying why a filter selects no case.
pub fn why_empty(host: &Host, filter: &Filter, requests: Requests) -> String {
    if let Some(o) = filter.option {
        if crate::sys::code(o.name).is_none() {
            return format!("{} is not defined on {}", o.name, host.os);
        }
        if let Some(p) = filter.path.filter(|p| !p.offers(o)) {
            return format!("the {p} path has no call for {}; use --path raw", o.name);
        }
    }
    if let Some((k, why)) = filter
        .kind
        .and_then(|k| unavailable_kinds(host).into_iter().find(|(u, _)| *u == k))
    {
        return format!("{k}: {why}");
    }
    if let (Some(k), Some(s)) = (filter.kind, filter.state) {
        if !k.states().contains(&s) {
            let valid: Vec<&str> = k.states().iter().map(|s| s.name()).collect();
            return format!("{k} sockets cannot be {s}; states for {k}: {}", valid.join(", "));
        }
    }
    if let (Requests::Value(v), Some(p)) = (requests, filter.path) {
        if !p.can_express(v) {
            return format!("the {p} path cannot express {v} (raw takes a C int, socket2 a usize)");
        }
    }
    "no case matches these filters".to_string()
}
