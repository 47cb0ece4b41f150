//! Enumerates the cases of the matrix, optionally narrowed by a filter.

use crate::api::Api;
use crate::call;
use crate::case::{Case, Request};
use crate::catalog;
use crate::host::Host;
use crate::kind::{Domain, Kind, State};
use crate::ladder::Rung;
use crate::option::OptionSpec;
use crate::os::Os;
use crate::value::RelativeValue;

/// Narrows the matrix; `None` keeps everything on that axis.
#[derive(Debug, Clone, Copy, Default)]
pub struct Filter {
    pub option: Option<&'static OptionSpec>,
    pub kind: Option<Kind>,
    pub state: Option<State>,
    pub api: Option<Api>,
}

impl Filter {
    /// True when nothing is filtered out.
    pub fn is_empty(&self) -> bool {
        self.option.is_none() && self.kind.is_none() && self.state.is_none() && self.api.is_none()
    }

    fn keeps_option(&self, o: &OptionSpec) -> bool {
        self.option.is_none_or(|f| f.id == o.id)
    }
}

/// What a user asks the matrix for.
#[derive(Debug, Clone)]
pub enum Requests {
    /// Every option's default and value ladder.
    Ladder,
    /// One value of the user's, on every path that can express it.
    Value(RelativeValue),
}

/// Every case the filter keeps, in catalogue × kind × state × request × path order.
pub fn cases(host: &Host, filter: &Filter, requests: &Requests) -> Vec<Case> {
    let mut out = Vec::new();
    let os = host.os();
    // A measured run tries what a path can name on this OS; a model answers
    // for every option, an undefined one included (its prediction says so).
    let names = |o: &OptionSpec, p: Api| crate::library::names(os, p, o);
    let options = catalog::CATALOG
        .iter()
        .filter(|o| !host.measured || Api::ALL.into_iter().any(|p| names(o, p)))
        .filter(|o| filter.keeps_option(o));
    for option in options {
        // A probe of another stack (F-Stack) runs the raw path alone:
        // socket2 would call this host's libc.
        let offers = |p: Api| match (host.measured, host.probe().is_some()) {
            (true, false) => call::offers(p, option) && names(option, p),
            (true, true) => p == Api::Raw,
            (false, _) => crate::library::path_offers(os, p, option),
        };
        let paths: Vec<Api> = Api::ALL
            .into_iter()
            .filter(|p| filter.api.is_none_or(|f| f == *p) && offers(*p))
            .collect();
        let tried = requests_for(host, option, requests);
        for kind in kinds(host)
            .into_iter()
            .filter(|k| filter.kind.is_none_or(|f| f == *k))
        {
            let states = kind
                .states()
                .iter()
                .filter(|s| filter.state.is_none_or(|f| f == **s));
            for &state in states {
                for (request, rung) in &tried {
                    for &path in &paths {
                        let meant = rung.is_none_or(|r| {
                            let shape = crate::library::shape(os, path, option);
                            r.reaches(path, shape.is_some_and(crate::option::Shape::passes_c_type))
                        });
                        if meant && path_can_ask(os, path, option, kind, state, request) {
                            let case = Case::of(option, kind, state, path, request.clone())
                                .expect("a ladder rung has its option's type (catalog tests)");
                            out.push(case);
                        }
                    }
                }
            }
        }
    }
    out
}

/// Whether `path` can ask `request` of `option` on a `kind` socket in
/// `state` on `os`: the path has a call for it there (std and tokio have a
/// type, and so a method, only in some states), a default read has a
/// getter, and a set's value fits the call's argument type.
pub fn path_can_ask(
    os: Os,
    path: Api,
    option: &OptionSpec,
    kind: Kind,
    state: State,
    request: &Request,
) -> bool {
    crate::library::offers_case(os, path, option, kind, state)
        && match request {
            Request::Default => crate::library::reads_default(path, option),
            Request::Set(v) => call::can_express_in(os, path, option, kind, state, v),
        }
}

/// The kinds this host can make; the others are reported by `unavailable_kinds`.
pub fn kinds(host: &Host) -> Vec<Kind> {
    Kind::ALL
        .into_iter()
        .filter(|k| unavailable_reason(host, *k).is_none())
        .collect()
}

/// Kinds skipped on this host, each with the reason.
pub fn unavailable_kinds(host: &Host) -> Vec<(Kind, String)> {
    Kind::ALL
        .into_iter()
        .filter_map(|k| unavailable_reason(host, k).map(|why| (k, why)))
        .collect()
}

fn unavailable_reason(host: &Host, kind: Kind) -> Option<String> {
    if let Some((_, why)) = host.skipped_kinds.iter().find(|(k, _)| *k == kind) {
        return Some(why.clone());
    }
    if let Some((_, error)) = host.missing_kinds.iter().find(|(k, _)| *k == kind) {
        let place = if host.probe().is_some() {
            host.os_label().to_string()
        } else if host.measured {
            "this host".to_string()
        } else {
            host.os().to_string()
        };
        // A reason that is not an error name says itself why.
        if error.starts_with("not ") {
            return Some(format!("not available on {place} ({error})"));
        }
        return Some(format!("not available on {place} (socket() fails with {error})"));
    }
    (kind.domain() == Domain::Ipv6 && !host.ipv6)
        .then(|| "IPv6 is not available on this host (::1 cannot be bound)".to_string())
}

/// The requests an option is tried with, each with the ladder's word on
/// which paths it is meant for (None: any path that can express it).
fn requests_for(
    host: &Host,
    option: &'static OptionSpec,
    requests: &Requests,
) -> Vec<(Request, Option<Rung>)> {
    match requests {
        Requests::Value(v) if Request::Set(v.clone()).fits(option.ty) => {
            vec![(Request::Set(v.clone()), None)]
        }
        Requests::Value(_) => Vec::new(),
        Requests::Ladder => {
            let anchors = host.anchors(option);
            let mut out = vec![(Request::Default, None)];
            out.extend(
                option
                    .ladder
                    .iter()
                    .filter_map(|r| Some((Request::Set(r.resolve(&anchors)?), Some(*r)))),
            );
            out
        }
    }
}

/// One line saying why a filter selects no case.
pub fn why_empty(host: &Host, filter: &Filter, requests: &Requests) -> String {
    if host.probe().is_some() && filter.api == Some(Api::Socket2) {
        return crate::engine::fstack::NO_SOCKET2.to_string();
    }
    if let Some(o) = filter.option {
        let named = |p: Api| crate::library::names(host.os(), p, o);
        if filter.api.map_or(!Api::ALL.into_iter().any(named), |p| !named(p)) {
            return format!("{} is not defined on {}", o.name, host.os());
        }
        if let Some(p) = filter.api.filter(|p| !call::offers(*p, o)) {
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
    if let Requests::Value(v) = requests {
        let option = filter
            .option
            .map_or(String::new(), |o| format!(" for {}", o.name));
        return match filter.api {
            Some(p) => format!("the {p} path cannot express {v}{option}"),
            None => format!("no path can express {v}{option}"),
        };
    }
    "no case matches these filters".to_string()
}
