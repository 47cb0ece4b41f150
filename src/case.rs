//! One case: an option set (or just read) on one kind of socket in one state
//! through one path.

use crate::api::Api;
use crate::kind::{Kind, State};
use crate::option::{OptionSpec, Type};
use crate::value::RelativeValue;
use std::fmt;

/// What a case does with its option: read the default, or set a value and
/// read it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// Read the option without setting it: the OS's default.
    Default,
    /// Set this value, then read the option back.
    Set(RelativeValue),
}

impl Request {
    /// Set an integer (a size, a flag, a count).
    pub fn set(value: i128) -> Request {
        Request::Set(RelativeValue::int(value))
    }

    /// Whether this request can be made of an option of type `ty`: a read
    /// always; a set only with a value of the option's C shape.
    pub fn fits(&self, ty: Type) -> bool {
        match self {
            Request::Default => true,
            Request::Set(RelativeValue::Int(_)) if ty.sets_an_int() => true,
            Request::Set(v) => matches!(
                (ty, v),
                (Type::Linger, RelativeValue::Linger(..))
                    | (Type::Time, RelativeValue::Time(..))
                    | (Type::Int | Type::Linger | Type::Time, RelativeValue::Duration(_))
                    | (Type::Text, RelativeValue::Text(..))
                    | (Type::TxTime, RelativeValue::TxTime(..))
                    | (Type::Filter, RelativeValue::Text(..))
                    | (Type::Membership | Type::Membership6, RelativeValue::Group(..))
                    | (Type::Membership, RelativeValue::GroupByIndex(..))
                    | (Type::SourceMembership, RelativeValue::SourceGroup(..))
                    | (Type::AckFrequency, RelativeValue::Int(_))
            ),
        }
    }
}

/// Why a case cannot be made.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum CaseError {
    /// No catalogue option has this name.
    UnknownOption(String),
    /// Sockets of this kind are never in this state (a datagram socket
    /// does not listen).
    StateOfKind {
        /// The kind of socket.
        kind: Kind,
        /// The state it cannot be in.
        state: State,
    },
    /// The request's value is not of the option's type (an int for
    /// SO_LINGER): no OS is asked such a thing.
    WrongType {
        /// The option's C name.
        option: &'static str,
        /// The option's type.
        expected: Type,
        /// The request as written (`1`, `on:30`).
        request: String,
    },
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaseError::UnknownOption(name) => write!(f, "{name} is not in the catalogue"),
            CaseError::StateOfKind { kind, state } => write!(f, "{kind} sockets cannot be {state}"),
            CaseError::WrongType {
                option,
                expected,
                request,
            } => write!(f, "{option} takes {}, not {request}", expected.describe()),
        }
    }
}

impl std::error::Error for CaseError {}

impl fmt::Display for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Request::Default => f.write_str("(default)"),
            Request::Set(e) => write!(f, "{e}"),
        }
    }
}

/// A case is made only through `Case::new` / `Case::of` (outside this
/// crate; `#[non_exhaustive]`), which check that
/// the state is one of the kind's and that the request has the option's
/// type; its fields can be read, not assembled.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct Case {
    /// The option's catalogue row.
    pub option: &'static OptionSpec,
    /// The kind of socket.
    pub kind: Kind,
    /// The state the socket is put in before the request.
    pub state: State,
    /// The path the option is set and read through.
    pub api: Api,
    /// Read the default, or set a value and read it back.
    pub request: Request,
}

impl Case {
    /// A case by the option's C name (case-insensitive), e.g.
    /// `Case::new("SO_RCVBUF", Kind::Udp4, State::Fresh, Api::Raw, Request::set(4096))`.
    pub fn new(
        option: &str,
        kind: Kind,
        state: State,
        api: Api,
        request: Request,
    ) -> Result<Case, CaseError> {
        let option =
            crate::catalog::find(option).ok_or_else(|| CaseError::UnknownOption(option.to_string()))?;
        Case::of(option, kind, state, api, request)
    }

    /// A case of a catalogue row.
    pub fn of(
        option: &'static OptionSpec,
        kind: Kind,
        state: State,
        api: Api,
        request: Request,
    ) -> Result<Case, CaseError> {
        if !kind.states().contains(&state) {
            return Err(CaseError::StateOfKind { kind, state });
        }
        if !request.fits(option.ty) {
            return Err(CaseError::WrongType {
                option: option.name,
                expected: option.ty,
                request: request.to_string(),
            });
        }
        Ok(Case {
            option,
            kind,
            state,
            api,
            request,
        })
    }

    /// The same case through another path with another request (checked
    /// like a new case).
    pub fn through(&self, api: Api, request: Request) -> Result<Case, CaseError> {
        Case::of(self.option, self.kind, self.state, api, request)
    }
}

impl fmt::Display for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {} via {} request {}",
            self.option.name, self.kind, self.state, self.api, self.request
        )
    }
}
