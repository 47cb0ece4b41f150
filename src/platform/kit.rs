//! The one kit every platform model is written with: the case as a model
//! sees it (`Ask`), and the helpers that turn a rule into a prediction. Each
//! OS folder then holds only kernel rules, over its own facts `F`.

use crate::api::Api;
use crate::case::Request;
use crate::expr::Expr;
use crate::kind::{Kind, State};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

/// One case as a family model sees it: the option (as the family's own
/// enum), the socket, the request as the kernel receives it (after the
/// path's conversion), and the platform's facts.
#[derive(Debug)]
pub struct Ask<'a, O, F: ?Sized> {
    pub opt: O,
    pub kind: Kind,
    pub state: State,
    pub api: Api,
    pub request: &'a Request,
    pub facts: &'a F,
}

impl<O: Clone, F: ?Sized> Clone for Ask<'_, O, F> {
    fn clone(&self) -> Self {
        Ask {
            opt: self.opt.clone(),
            ..*self
        }
    }
}

impl<O: Copy, F: ?Sized> Copy for Ask<'_, O, F> {}

impl<'a, F: ?Sized> Ask<'a, (), F> {
    /// What the gate passed on, over the platform's facts; a router hands
    /// each family its option with `with`.
    pub fn of(asked: &super::Asked<'a>, facts: &'a F) -> Self {
        Ask {
            opt: (),
            kind: asked.kind,
            state: asked.state,
            api: asked.api,
            request: asked.request,
            facts,
        }
    }
}

impl<'a, O, F: ?Sized> Ask<'a, O, F> {
    /// The same case for another option type (a router builds `Ask<()>`
    /// once and hands each family its own).
    pub fn with<P>(&self, opt: P) -> Ask<'a, P, F> {
        Ask {
            opt,
            kind: self.kind,
            state: self.state,
            api: self.api,
            request: self.request,
            facts: self.facts,
        }
    }

    /// The integer set, or None for a read.
    pub fn int(&self) -> Option<Expr> {
        int(self.request)
    }

    /// The integer set as a number, or None for a read.
    pub fn value(&self) -> Option<i128> {
        self.int().map(|e| e.value())
    }

    pub fn is_set(&self) -> bool {
        matches!(self.request, Request::Set(_))
    }

    /// The group, source and interface a source-specific membership change
    /// asks for, or None for a read.
    pub fn source_group(&self) -> Option<(Expr, Expr, Expr)> {
        match self.request {
            Request::Set(v) => v.as_source_group(),
            Request::Default => None,
        }
    }

    /// The group and interface of any membership change (plain or
    /// source-specific), or None for a read.
    pub fn membership(&self) -> Option<(Expr, Expr)> {
        membership(self.request)
    }

    /// The group and interface index an IPv4 membership change by index
    /// asks for, or None for a read or a change by address.
    pub fn group_by_index(&self) -> Option<(Expr, Expr)> {
        group_by_index(self.request)
    }

    /// The group and interface a membership change asks for, or None for a
    /// read.
    pub fn group(&self) -> Option<(Expr, Expr)> {
        match self.request {
            Request::Set(RelativeValue::Group(group, on)) => Some((*group, *on)),
            _ => None,
        }
    }
}

/// A set of the option's type, for a model asking itself which rule a set
/// follows (to word its formula).
pub fn sample(option: &crate::option::OptionSpec) -> Request {
    use crate::option::Type;
    Request::Set(match option.ty {
        Type::Linger => RelativeValue::linger(1, 1),
        Type::Time => RelativeValue::time(1, 0),
        Type::Text => RelativeValue::text("cubic"),
        Type::Membership | Type::Membership6 => RelativeValue::Group(Expr::lit(0), Expr::lit(1)),
        Type::SourceMembership => RelativeValue::source_group(Expr::lit(0), Expr::lit(0), Expr::lit(1)),
        Type::TxTime => RelativeValue::txtime(1, 0),
        Type::Filter => RelativeValue::text("accept-all"),
        // Every other type's set is an int (`Type::sets_an_int`).
        _ => RelativeValue::int(1),
    })
}

/// The formula of the rules a read and a set of the option's type follow on
/// this kind and state (one formula when they are the same rule), with the
/// numbers of the facts it names.
pub fn derived_formula<P: super::Platform + ?Sized>(
    platform: &P,
    option: &crate::option::OptionSpec,
    kind: Kind,
    state: State,
) -> String {
    let option = crate::catalog::spec(option.id);
    let ask = |request: &Request| {
        platform.predict(super::Asked {
            option,
            kind,
            state,
            api: Api::Raw,
            request,
        })
    };
    let get = ask(&READ);
    let set = ask(&sample(option));
    let main = |p: &Prediction| p.rules.last().map_or("?", |r| r.formula);
    // A formula that already names its direction ("set => ...", "get =>
    // ...") is not named twice.
    let said = |word: &str, own: &[&str], formula: &str| {
        let named = own.iter().any(|w| {
            formula
                .strip_prefix(w)
                .is_some_and(|rest| rest.starts_with([' ', ':']))
        });
        match named {
            true => formula.to_string(),
            false => format!("{word} {formula}"),
        }
    };
    let text = match get.rule_id() == set.rule_id() {
        true => main(&set).to_string(),
        false => format!(
            "{}; {}",
            said("default", &["default", "get"], main(&get)),
            said("set", &["set"], main(&set))
        ),
    };
    super::fact::with_numbers(text, &platform.facts())
}

/// A plain read, for a model asking itself what a default is.
pub static READ: Request = Request::Default;

/// The integer of a request, or None for a read (`Case::of` guarantees the
/// request has the option's type, so an int option never sees another).
/// The group and interface of any membership change (plain or
/// source-specific), or None for a read.
pub fn membership(request: &Request) -> Option<(Expr, Expr)> {
    match request {
        Request::Set(RelativeValue::Group(group, on)) => Some((*group, *on)),
        Request::Set(v) => v.as_source_group().map(|(group, _, on)| (group, on)),
        Request::Default => None,
    }
}

/// The group and interface index of an IPv4 membership change by index
/// (an `ip_mreqn`), or None for anything else.
pub fn group_by_index(request: &Request) -> Option<(Expr, Expr)> {
    match request {
        Request::Set(RelativeValue::GroupByIndex(group, index)) => Some((*group, *index)),
        _ => None,
    }
}

pub fn int(request: &Request) -> Option<Expr> {
    match request {
        Request::Set(RelativeValue::Int(e)) => Some(*e),
        _ => None,
    }
}

pub fn ok(value: RelativeValue, rule: &'static Rule) -> Prediction {
    Prediction::ok(value, vec![rule])
}

pub fn ok_int(value: Expr, rule: &'static Rule) -> Prediction {
    Prediction::ok(RelativeValue::Int(value), vec![rule])
}

pub fn err(name: &'static str, rule: &'static Rule) -> Prediction {
    Prediction::err(name, vec![rule])
}
