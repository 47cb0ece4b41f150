//! Effects: where setting one option changes what another reads, or where
//! a value survives (or not) what happens to the socket next. Each effect is
//! data: the options set, what is done, and the option read at the end.

use crate::case::Request;
use crate::catalog;
use crate::kind::Kind;
use crate::ladder::{Anchors, At};
use crate::option::{BufferOpt, IpOpt, Ipv6Opt, Opt, OptionSpec, SocketOpt, TcpOpt};
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
    /// The options set first, by id, each with its value.
    pub sets: &'static [(Opt, At)],
    pub procedure: Procedure,
    /// The option read at the end.
    pub read: Opt,
    pub kinds: &'static [Kind],
}

const TCP: &[Kind] = &[Kind::Tcp4, Kind::Tcp6];
const V6: &[Kind] = &[Kind::Tcp6, Kind::Udp6];
const STREAM: &[Kind] = &[Kind::Tcp4, Kind::Tcp6, Kind::UnixStream];
const ANY_INET_OR_UNIX: &[Kind] = &[Kind::Tcp4, Kind::Tcp6, Kind::Udp4, Kind::UnixStream];

const fn effect(
    id: &'static str,
    sets: &'static [(Opt, At)],
    procedure: Procedure,
    read: Opt,
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
        &[(Opt::Socket(SocketOpt::Rcvlowat), Fixed(1 << 20))],
        Fresh,
        Opt::Buffer(BufferOpt::Rcvbuf),
        ANY_INET_OR_UNIX,
    ),
    effect(
        "locked_rcvbuf_caps_rcvlowat",
        &[
            (Opt::Buffer(BufferOpt::Rcvbuf), Fixed(65536)),
            (Opt::Socket(SocketOpt::Rcvlowat), Fixed(1 << 20)),
        ],
        Fresh,
        Opt::Socket(SocketOpt::Rcvlowat),
        ANY_INET_OR_UNIX,
    ),
    effect(
        "locked_rcvbuf_not_raised",
        &[
            (Opt::Buffer(BufferOpt::Rcvbuf), Fixed(65536)),
            (Opt::Socket(SocketOpt::Rcvlowat), Fixed(1 << 20)),
        ],
        Fresh,
        Opt::Buffer(BufferOpt::Rcvbuf),
        ANY_INET_OR_UNIX,
    ),
    effect(
        "sndbuf_lock_survives_transfer",
        &[(Opt::Buffer(BufferOpt::Sndbuf), Fixed(65536))],
        ConnectAndTransfer,
        Opt::Buffer(BufferOpt::Sndbuf),
        STREAM,
    ),
    effect(
        "rcvbuf_lock_survives_transfer",
        &[(Opt::Buffer(BufferOpt::Rcvbuf), Fixed(65536))],
        ConnectAndTransfer,
        Opt::Buffer(BufferOpt::Rcvbuf),
        STREAM,
    ),
    effect(
        "user_mss_clamps_connection",
        &[(Opt::Tcp(TcpOpt::Maxseg), Fixed(1000))],
        ConnectAndTransfer,
        Opt::Tcp(TcpOpt::Maxseg),
        TCP,
    ),
    effect(
        "tos_survives_connect",
        &[(Opt::Ip(IpOpt::Tos), Fixed(0x10))],
        ConnectAndTransfer,
        Opt::Ip(IpOpt::Tos),
        TCP,
    ),
    effect(
        "accepted_rcvbuf",
        &[(Opt::Buffer(BufferOpt::Rcvbuf), Fixed(65536))],
        Accepted,
        Opt::Buffer(BufferOpt::Rcvbuf),
        STREAM,
    ),
    effect(
        "accepted_sndbuf",
        &[(Opt::Buffer(BufferOpt::Sndbuf), Fixed(65536))],
        Accepted,
        Opt::Buffer(BufferOpt::Sndbuf),
        STREAM,
    ),
    effect(
        "accepted_sndbuf_unset",
        &[],
        Accepted,
        Opt::Buffer(BufferOpt::Sndbuf),
        STREAM,
    ),
    effect(
        "accepted_keepalive",
        &[(Opt::Socket(SocketOpt::Keepalive), Fixed(1))],
        Accepted,
        Opt::Socket(SocketOpt::Keepalive),
        STREAM,
    ),
    effect(
        "accepted_reuseaddr",
        &[(Opt::Socket(SocketOpt::Reuseaddr), Fixed(1))],
        Accepted,
        Opt::Socket(SocketOpt::Reuseaddr),
        STREAM,
    ),
    effect(
        "accepted_linger",
        &[(Opt::Socket(SocketOpt::Linger), At::Linger(1, 5))],
        Accepted,
        Opt::Socket(SocketOpt::Linger),
        STREAM,
    ),
    effect(
        "accepted_rcvtimeo",
        &[(Opt::Socket(SocketOpt::Rcvtimeo), At::Time(1, 0))],
        Accepted,
        Opt::Socket(SocketOpt::Rcvtimeo),
        STREAM,
    ),
    effect(
        "accepted_rcvlowat",
        &[(Opt::Socket(SocketOpt::Rcvlowat), Fixed(100))],
        Accepted,
        Opt::Socket(SocketOpt::Rcvlowat),
        STREAM,
    ),
    effect(
        "accepted_priority",
        &[(Opt::Socket(SocketOpt::Priority), Fixed(5))],
        Accepted,
        Opt::Socket(SocketOpt::Priority),
        STREAM,
    ),
    effect(
        "accepted_nodelay",
        &[(Opt::Tcp(TcpOpt::Nodelay), Fixed(1))],
        Accepted,
        Opt::Tcp(TcpOpt::Nodelay),
        TCP,
    ),
    effect(
        "accepted_keepidle",
        &[(Opt::Tcp(TcpOpt::Keepidle), Fixed(100))],
        Accepted,
        Opt::Tcp(TcpOpt::Keepidle),
        TCP,
    ),
    effect(
        "accepted_user_timeout",
        &[(Opt::Tcp(TcpOpt::UserTimeout), Fixed(1234))],
        Accepted,
        Opt::Tcp(TcpOpt::UserTimeout),
        TCP,
    ),
    effect(
        "accepted_maxseg",
        &[(Opt::Tcp(TcpOpt::Maxseg), Fixed(1000))],
        Accepted,
        Opt::Tcp(TcpOpt::Maxseg),
        TCP,
    ),
    effect(
        "accepted_congestion",
        &[(Opt::Tcp(TcpOpt::Congestion), At::Text("reno"))],
        Accepted,
        Opt::Tcp(TcpOpt::Congestion),
        TCP,
    ),
    effect(
        "ipv6_freebind_is_ip_freebind",
        &[(Opt::Ipv6(Ipv6Opt::Freebind), Fixed(1))],
        Fresh,
        Opt::Ip(IpOpt::Freebind),
        V6,
    ),
    effect(
        "accepted_tos",
        &[(Opt::Ip(IpOpt::Tos), Fixed(0x10))],
        Accepted,
        Opt::Ip(IpOpt::Tos),
        TCP,
    ),
];

impl Effect {
    pub fn read_option(&self) -> &'static OptionSpec {
        catalog::spec(self.read)
    }

    /// The options set, with the requests, resolved for this host.
    pub fn set_requests(&self) -> Vec<(&'static OptionSpec, Request)> {
        self.sets
            .iter()
            .map(|(id, at)| {
                let option = catalog::spec(*id);
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
            .map(|(id, _)| *id)
            .chain([self.read])
            .all(|id| catalog::spec(id).codes.on(os).is_some())
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
            Procedure::Fresh => format!("set {sets}; read {}", self.read_option().name),
            Procedure::ConnectAndTransfer => {
                format!(
                    "set {sets}; connect; {} KiB each way; read {}",
                    TRANSFER_BYTES / 1024,
                    self.read_option().name
                )
            }
            Procedure::Accepted if sets.is_empty() => {
                format!("read {} on an accepted socket", self.read_option().name)
            }
            Procedure::Accepted => format!(
                "set {sets} on the listener; read {} on the accepted socket",
                self.read_option().name
            ),
        }
    }
}
