//! Windows (Winsock), real Windows, not Wine (Wine has its own model in
//! `platform/wine`). Every rule comes from Windows-run evidence: Wine's
//! conformance tests (`dlls/ws2_32/tests/sock.c`, whose assertions the test
//! bot runs on Windows; a `todo_wine` assertion is Windows' answer), the
//! Microsoft docs, dotnet/runtime's and socket2's Windows-CI tests, and
//! measured reports in issues. What none of them settles says UNCONFIRMED in
//! its rule. One file per level: `socket.rs` (SOL_SOCKET and the buffer
//! sizes), `tcp.rs`, `ip.rs` (IPPROTO_IP and IPPROTO_IPV6); `common.rs` holds
//! the shared rules (options with no Winsock constant, kinds that cannot be
//! made, the one-byte and DWORD BOOLs).

mod bind_reuse;
mod broadcast;
mod common;
mod dual_stack;
mod ip;
mod linger;
mod membership;
mod socket;
mod tcp;
mod timing;
mod wire;

use crate::kind::Kind;
use crate::ladder::Anchors;
use crate::option::{Level, Opt, OptionSpec, TcpOpt};
use crate::os::Os;
use crate::platform::fact::Fact;
use crate::platform::release::ModelRelease;
use crate::platform::{Asked, Platform};
use crate::prediction::Prediction;
use crate::rule::Rule;
use common::{err, Args, AF_UNIX_1803, UNIX_DGRAM};

/// A modelled Windows release: those whose differences the catalogue can
/// see, oldest first. TCP_KEEPCNT arrives in 10-1703, TCP_KEEPINTVL in
/// 10-1709, AF_UNIX stream sockets in 10-1803; "11" (newest, also Server
/// 2022/2025) adds nothing the catalogue sees over 10-1803.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Release {
    V1607,
    V1703,
    V1709,
    V1803,
    W11,
}

impl ModelRelease for Release {
    const OS: &'static str = "Windows";
    const ALL: &'static [Release] = &[
        Release::V1607,
        Release::V1703,
        Release::V1709,
        Release::V1803,
        Release::W11,
    ];

    fn name(self) -> &'static str {
        match self {
            Release::V1607 => "10-1607",
            Release::V1703 => "10-1703",
            Release::V1709 => "10-1709",
            Release::V1803 => "10-1803",
            Release::W11 => "11",
        }
    }
}

/// The Windows model for one release.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Windows {
    pub release: Release,
}

impl Windows {
    /// An offline model of `release` (default: the newest).
    pub fn offline(release: Option<&str>) -> Result<Windows, String> {
        Ok(Windows {
            release: Release::parse(release)?,
        })
    }

    /// The model for a real Windows host: the newest release (Winsock
    /// exposes no fact the model uses).
    pub fn from_host() -> Windows {
        Windows {
            release: Release::newest(),
        }
    }

    fn predict(&self, asked: &Asked<'_>) -> Prediction {
        let kind = asked.kind;
        if kind == Kind::UnixDgram {
            return err("WSAEAFNOSUPPORT", &UNIX_DGRAM);
        }
        if kind == Kind::UnixSeqpacket {
            return err("WSAEAFNOSUPPORT", &common::UNIX_SEQPACKET);
        }
        if kind.is_raw() {
            return err("WSAEACCES", &common::RAW_ADMIN);
        }
        if kind.is_icmp() {
            return err("WSAEPROTONOSUPPORT", &common::NO_PING_SOCKET);
        }
        if kind.is_mptcp() {
            return err("WSAEPROTONOSUPPORT", &common::NO_MPTCP);
        }
        if kind == Kind::UnixStream && self.release < Release::V1803 {
            return err("WSAEAFNOSUPPORT", &AF_UNIX_1803);
        }
        let a = Args::of(asked, self);
        match asked.option.id {
            Opt::Buffer(o) => socket::buffer(&a.with(o)),
            Opt::Socket(o) => socket::predict(&a.with(o)),
            Opt::Tcp(o) => tcp::predict(&a.with(o)),
            Opt::Ip(o) => ip::ipv4(&a.with(o)),
            Opt::Ipv6(o) => ip::ipv6(&a.with(o)),
            Opt::Udp(_) => crate::platform::gated(),
        }
    }
}

impl Platform for Windows {
    fn undefined(&self, level: crate::option::Level) -> &'static Rule {
        use crate::option::Level;
        match level {
            Level::Socket => &common::UNDEFINED_SOL_SOCKET,
            Level::Tcp => &common::UNDEFINED_TCP,
            Level::Ip => &common::UNDEFINED_IP,
            Level::Ipv6 => &common::UNDEFINED_IPV6,
            Level::Udp => &common::UNDEFINED_UDP,
        }
    }

    fn os(&self) -> Os {
        Os::Windows
    }

    fn label(&self) -> &'static str {
        "windows"
    }

    fn release(&self) -> String {
        self.release.name().to_string()
    }

    fn facts(&self) -> Vec<Fact> {
        vec![
            Fact::with_how("release", self.release.name(), "stock value: the modelled Windows release"),
            Fact::with_how(
                "default SO_SNDBUF / SO_RCVBUF",
                socket::DEFAULT_BUFFER,
                "stock value: UNCONFIRMED (commonly reported by Windows 10/11; learn.microsoft.com SOL_SOCKET Socket Options says implementation dependent)",
            ),
            Fact::with_how(
                "default TCP_KEEPIDLE (s)",
                tcp::DEFAULT_KEEPIDLE,
                "stock value: dotnet/runtime KeepAliveTest.cs WindowsDefaultTime; learn.microsoft.com so-keepalive.md",
            ),
            Fact::with_how(
                "default TCP_KEEPINTVL (s)",
                tcp::DEFAULT_KEEPINTVL,
                "stock value: dotnet/runtime KeepAliveTest.cs WindowsDefaultInterval",
            ),
            Fact::with_how(
                "default TCP_KEEPCNT",
                tcp::DEFAULT_KEEPCNT,
                "stock value: learn.microsoft.com so-keepalive.md (10 probes; UNCONFIRMED as a read-back)",
            ),
            Fact::with_how(
                "default IP_TTL / IPV6_UNICAST_HOPS",
                ip::DEFAULT_TTL,
                "stock value: UNCONFIRMED (Windows DefaultTTL)",
            ),
            Fact::with_how(
                "AF_UNIX stream sockets",
                self.release >= Release::V1803,
                "stock value: python/cpython PR #14302 (since Windows 10 1803)",
            ),
        ]
    }

    fn anchors(&self, _option: &OptionSpec) -> Anchors {
        Anchors {
            loopback: Some(crate::ladder::LOOPBACK_INDEX_1),
            ..Anchors::default()
        }
    }

    fn refusal(&self, asked: &Asked<'_>) -> Option<Prediction> {
        let kind = asked.kind;
        // A kind socket() cannot make here is answered by `predict`.
        if self.unsupported_kinds().iter().any(|(k, _)| *k == kind) {
            return None;
        }
        // A level of Winsock's own (SOL_IP), or an ioctl, which no level
        // refuses: the option's rule answers every kind.
        if asked.option.codes.windows_level.is_some() || asked.option.ty.is_ioctl() {
            return None;
        }
        match asked.option.level() {
            Level::Socket => None,
            _ if kind == Kind::UnixStream => Some(err("WSAENOPROTOOPT", &common::UNIX_LEVEL)),
            Level::Tcp if !kind.is_tcp() => Some(err("WSAENOPROTOOPT", &common::TCP_LEVEL_DGRAM)),
            Level::Tcp | Level::Ip | Level::Ipv6 | Level::Udp => None,
        }
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        Windows::predict(self, &asked)
    }

    fn dual_stack(&self) -> Option<crate::behaviour::DualStackModel> {
        Some(dual_stack::model())
    }

    fn bind_reuse(&self) -> Option<crate::behaviour::bind::BindModel> {
        Some(bind_reuse::model())
    }

    fn broadcast(&self) -> Option<crate::behaviour::broadcast::BroadcastModel> {
        Some(broadcast::model())
    }

    fn linger(&self) -> Option<crate::behaviour::linger::LingerModel> {
        Some(linger::model())
    }

    fn wire(&self) -> Option<crate::behaviour::wire::WireModel> {
        Some(wire::model())
    }

    fn timing(&self) -> Option<crate::behaviour::timing::TimingModel> {
        Some(timing::model())
    }

    fn rules(&self) -> Vec<&'static Rule> {
        let mut all: Vec<&'static Rule> = Vec::new();
        for family in [
            common::RULES,
            socket::RULES,
            tcp::RULES,
            ip::RULES,
            membership::RULES,
            dual_stack::RULES,
            bind_reuse::RULES,
            broadcast::RULES,
            linger::RULES,
            wire::RULES,
            timing::RULES,
        ] {
            all.extend(family);
        }
        all
    }

    fn era(&self, option: &OptionSpec) -> Option<&'static str> {
        match option.id {
            Opt::Tcp(TcpOpt::Keepcnt) if self.release < Release::V1703 => Some("before-10-1703"),
            Opt::Tcp(TcpOpt::Keepcnt) => Some("10-1703-and-later"),
            Opt::Tcp(TcpOpt::Keepintvl) if self.release < Release::V1709 => Some("before-10-1709"),
            Opt::Tcp(TcpOpt::Keepintvl) => Some("10-1709-and-later"),
            Opt::Buffer(_) | Opt::Socket(_) | Opt::Tcp(_) | Opt::Ip(_) | Opt::Ipv6(_) | Opt::Udp(_) => None,
        }
    }

    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        let mut kinds = Vec::new();
        if self.release < Release::V1803 {
            kinds.push((Kind::UnixStream, "WSAEAFNOSUPPORT"));
        }
        kinds.push((Kind::UnixDgram, "WSAEAFNOSUPPORT (UNCONFIRMED)"));
        kinds.push((Kind::UnixSeqpacket, "WSAEAFNOSUPPORT (UNCONFIRMED)"));
        kinds.push((Kind::Raw4, "WSAEACCES"));
        kinds.push((Kind::Raw6, "WSAEACCES"));
        kinds.push((Kind::Icmp4, "WSAEPROTONOSUPPORT"));
        kinds.push((Kind::Icmp6, "WSAEPROTONOSUPPORT (UNCONFIRMED)"));
        kinds.push((Kind::Mptcp4, "WSAEPROTONOSUPPORT (UNCONFIRMED)"));
        kinds.push((Kind::Mptcp6, "WSAEPROTONOSUPPORT (UNCONFIRMED)"));
        kinds
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_release_lists_the_known_ones() {
        let e = Windows::offline(Some("xp")).unwrap_err();
        assert!(e.contains("10-1803") && e.contains("11"), "{e}");
        assert_eq!(Windows::offline(None).unwrap().release(), "11");
    }
}
