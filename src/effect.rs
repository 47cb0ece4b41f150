//! Effects: where setting one option changes what another reads, or where
//! a value survives (or not) what happens to the socket next. Each effect is
//! data: the options set, what is done, and the option read at the end.

use crate::case::Request;
use crate::catalog;
use crate::kind::Kind;
use crate::ladder::{Anchors, At};
use crate::option::OptionSpec;
use crate::os::Os;

/// What is done between the sets and the read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Procedure {
    /// Set on a fresh socket, read it back.
    Fresh,
    /// Set on a fresh socket, connect it, move 256 KiB each way, read.
    ConnectAndTransfer,
    /// Set on a listening socket, connect a client, read on the socket
    /// that accept() returns.
    Accepted,
}

/// Bytes moved each way by `ConnectAndTransfer`: well past the buffers'
/// initial sizes, so that autotuning would have had every reason to act.
pub const TRANSFER_BYTES: usize = 256 * 1024;

#[derive(Debug)]
pub struct Effect {
    pub id: &'static str,
    pub sets: &'static [(&'static str, At)],
    pub procedure: Procedure,
    pub read: &'static str,
    pub kinds: &'static [Kind],
}

const TCP: &[Kind] = &[Kind::Tcp4, Kind::Tcp6];
const STREAM: &[Kind] = &[Kind::Tcp4, Kind::Tcp6, Kind::UnixStream];
const ANY_INET_OR_UNIX: &[Kind] = &[Kind::Tcp4, Kind::Tcp6, Kind::Udp4, Kind::UnixStream];

const fn effect(
    id: &'static str,
    sets: &'static [(&'static str, At)],
    procedure: Procedure,
    read: &'static str,
    kinds: &'static [Kind],
) -> Effect {
    Effect {
        id,
        sets,
        procedure,
        read,
        kinds,
    }
}

use At::Fixed;
use Procedure::*;

pub const EFFECTS: &[Effect] = &[
    effect(
        "rcvlowat_raises_rcvbuf",
        &[("SO_RCVLOWAT", Fixed(1 << 20))],
        Fresh,
        "SO_RCVBUF",
        ANY_INET_OR_UNIX,
    ),
    effect(
        "locked_rcvbuf_caps_rcvlowat",
        &[("SO_RCVBUF", Fixed(65536)), ("SO_RCVLOWAT", Fixed(1 << 20))],
        Fresh,
        "SO_RCVLOWAT",
        ANY_INET_OR_UNIX,
    ),
    effect(
        "locked_rcvbuf_not_raised",
        &[("SO_RCVBUF", Fixed(65536)), ("SO_RCVLOWAT", Fixed(1 << 20))],
        Fresh,
        "SO_RCVBUF",
        ANY_INET_OR_UNIX,
    ),
    effect(
        "sndbuf_lock_survives_transfer",
        &[("SO_SNDBUF", Fixed(65536))],
        ConnectAndTransfer,
        "SO_SNDBUF",
        STREAM,
    ),
    effect(
        "rcvbuf_lock_survives_transfer",
        &[("SO_RCVBUF", Fixed(65536))],
        ConnectAndTransfer,
        "SO_RCVBUF",
        STREAM,
    ),
    effect(
        "user_mss_clamps_connection",
        &[("TCP_MAXSEG", Fixed(1000))],
        ConnectAndTransfer,
        "TCP_MAXSEG",
        TCP,
    ),
    effect(
        "tos_survives_connect",
        &[("IP_TOS", Fixed(0x10))],
        ConnectAndTransfer,
        "IP_TOS",
        TCP,
    ),
    effect(
        "accepted_rcvbuf",
        &[("SO_RCVBUF", Fixed(65536))],
        Accepted,
        "SO_RCVBUF",
        STREAM,
    ),
    effect(
        "accepted_sndbuf",
        &[("SO_SNDBUF", Fixed(65536))],
        Accepted,
        "SO_SNDBUF",
        STREAM,
    ),
    effect("accepted_sndbuf_unset", &[], Accepted, "SO_SNDBUF", STREAM),
    effect(
        "accepted_keepalive",
        &[("SO_KEEPALIVE", Fixed(1))],
        Accepted,
        "SO_KEEPALIVE",
        STREAM,
    ),
    effect(
        "accepted_reuseaddr",
        &[("SO_REUSEADDR", Fixed(1))],
        Accepted,
        "SO_REUSEADDR",
        STREAM,
    ),
    effect(
        "accepted_linger",
        &[("SO_LINGER", At::Linger(1, 5))],
        Accepted,
        "SO_LINGER",
        STREAM,
    ),
    effect(
        "accepted_rcvtimeo",
        &[("SO_RCVTIMEO", At::Time(1, 0))],
        Accepted,
        "SO_RCVTIMEO",
        STREAM,
    ),
    effect(
        "accepted_rcvlowat",
        &[("SO_RCVLOWAT", Fixed(100))],
        Accepted,
        "SO_RCVLOWAT",
        STREAM,
    ),
    effect(
        "accepted_priority",
        &[("SO_PRIORITY", Fixed(5))],
        Accepted,
        "SO_PRIORITY",
        STREAM,
    ),
    effect(
        "accepted_nodelay",
        &[("TCP_NODELAY", Fixed(1))],
        Accepted,
        "TCP_NODELAY",
        TCP,
    ),
    effect(
        "accepted_keepidle",
        &[("TCP_KEEPIDLE", Fixed(100))],
        Accepted,
        "TCP_KEEPIDLE",
        TCP,
    ),
    effect(
        "accepted_user_timeout",
        &[("TCP_USER_TIMEOUT", Fixed(1234))],
        Accepted,
        "TCP_USER_TIMEOUT",
        TCP,
    ),
    effect(
        "accepted_maxseg",
        &[("TCP_MAXSEG", Fixed(1000))],
        Accepted,
        "TCP_MAXSEG",
        TCP,
    ),
    effect(
        "accepted_congestion",
        &[("TCP_CONGESTION", At::Text("reno"))],
        Accepted,
        "TCP_CONGESTION",
        TCP,
    ),
    effect(
        "accepted_tos",
        &[("IP_TOS", Fixed(0x10))],
        Accepted,
        "IP_TOS",
        TCP,
    ),
];

impl Effect {
    pub fn read_option(&self) -> &'static OptionSpec {
        catalog::find(self.read).expect("effects read catalogue options")
    }

    /// The options set, with the requests, resolved for this host.
    pub fn set_requests(&self) -> Vec<(&'static OptionSpec, Request)> {
        self.sets
            .iter()
            .map(|(name, at)| {
                let option = catalog::find(name).expect("effects set catalogue options");
                let rung = crate::ladder::Rung {
                    at: *at,
                    reach: crate::ladder::Reach::Both,
                };
                let val = rung
                    .resolve(&Anchors::default())
                    .expect("effect values need no host anchor");
                (option, Request::Set(val))
            })
            .collect()
    }

    /// Whether every option the effect touches exists on the OS.
    pub fn available_on(&self, os: Os) -> bool {
        self.sets
            .iter()
            .map(|(n, _)| *n)
            .chain([self.read])
            .all(|n| catalog::find(n).is_some_and(|o| o.codes.on(os).is_some()))
    }

    /// A one-line description: what is set, what is done, what is read.
    pub fn describe(&self) -> String {
        let sets: Vec<String> = self
            .set_requests()
            .iter()
            .map(|(o, r)| format!("{}={r}", o.name))
            .collect();
        let sets = sets.join(", ");
        match self.procedure {
            Procedure::Fresh => format!("set {sets}; read {}", self.read),
            Procedure::ConnectAndTransfer => {
                format!(
                    "set {sets}; connect; {} KiB each way; read {}",
                    TRANSFER_BYTES / 1024,
                    self.read
                )
            }
            Procedure::Accepted if sets.is_empty() => format!("read {} on an accepted socket", self.read),
            Procedure::Accepted => format!(
                "set {sets} on the listener; read {} on the accepted socket",
                self.read
            ),
        }
    }
}
