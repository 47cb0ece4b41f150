//! SO_SNDBUF / SO_RCVBUF: ws2_32 keeps the value it was given and reports
//! it back; a fresh socket reports the host's default.

use super::shared::UNIX_SOCKET;
use super::Ask;
use crate::case::Request;
use crate::expr::Expr;
use crate::option::BufferOpt;
use crate::platform::kit::ok;
use crate::prediction::Prediction;
use crate::rule::Rule;

crate::rules! {
    pub const BUF_DEFAULT: Rule = Rule {
        id: "wine.buf.host_default",
        formula: "TCP: tcp_wmem[1] | tcp_rmem[1]; UDP: wmem_default | rmem_default",
        why: "Wine reports the size the host kernel gave the socket when it was made (not Windows' defaults, and not what TCP autotuning makes of it later)",
        source: UNIX_SOCKET,
    };
    pub const BUF_AS_REQUESTED: Rule = Rule {
        id: "wine.buf.reports_requested",
        formula: "v",
        why: "Wine passes the size to the host kernel (which doubles and clamps it) but keeps and reports the request itself, negative or zero included",
        source: UNIX_SOCKET,
    };
}

pub fn predict(a: &Ask<'_, BufferOpt>) -> Prediction {
    match (a.opt, a.request) {
        (BufferOpt::Sndbuf | BufferOpt::Rcvbuf, Request::Default) => {
            let name = match (a.kind.is_stream(), a.opt == BufferOpt::Sndbuf) {
                (true, true) => "tcp_wmem[1]",
                (true, false) => "tcp_rmem[1]",
                (false, true) => "wmem_default",
                (false, false) => "rmem_default",
            };
            ok(
                crate::value::RelativeValue::Int(Expr::of(a.facts.sym(name))),
                &BUF_DEFAULT,
            )
        }
        (BufferOpt::Sndbuf | BufferOpt::Rcvbuf, Request::Set(v)) => ok(v.clone(), &BUF_AS_REQUESTED),
        _ => crate::platform::gated(),
    }
}
