//! Wine 8 on Linux: the Windows code path for real, but not Windows. Wine's
//! ws2_32 keeps some options itself (the buffer sizes, the timeouts), turns
//! some away, and hands the rest to the Linux kernel, translating its errno
//! into a WSA error. Sources: Wine 8.0 dlls/ws2_32/socket.c (setsockopt,
//! getsockopt), dlls/ntdll/unix/socket.c (the AFD ioctls behind them) and
//! server/sock.c; figures measured on this workplace's Linux machines.

mod bind_reuse;
mod broadcast;
mod buffers;
mod dual_stack;
pub mod facts;
mod ip;
mod linger;
mod membership;
mod shared;
mod socket;
mod tcp;
mod timing;
mod wire;

use crate::kind::Kind;
use crate::ladder::Anchors;
use crate::option::{Opt, OptionSpec};
use crate::platform::fact::Fact;
use crate::platform::wine::facts::WineFacts;
use crate::platform::Asked;
use crate::prediction::Prediction;
use crate::rule::Rule;

/// A case as Wine's family models see it.
type Ask<'a, O> = crate::platform::kit::Ask<'a, O, WineFacts>;

/// Every rule the Wine model can name.
pub fn rules() -> Vec<&'static Rule> {
    [
        shared::RULES,
        buffers::RULES,
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
    ]
    .concat()
}

/// Wine's prediction, routed by family.
pub fn predict(asked: &Asked<'_>, facts: &WineFacts) -> Prediction {
    match asked.kind {
        Kind::Icmp4 => return Prediction::err("WSAEACCES", vec![&shared::PING_SOCKET]),
        Kind::Icmp6 => return Prediction::err("WSAEPROTONOSUPPORT", vec![&shared::PING_SOCKET]),
        Kind::Mptcp4 | Kind::Mptcp6 => return Prediction::err("WSAEPROTONOSUPPORT", vec![&shared::NO_MPTCP]),
        _ => {}
    }
    let a = Ask::of(asked, facts);
    match asked.option.id {
        Opt::Buffer(o) => buffers::predict(&a.with(o)),
        Opt::Socket(o) => socket::predict(&a.with(o)),
        Opt::Tcp(o) => tcp::predict(&a.with(o)),
        Opt::Ip(o) => ip::v4(&a.with(o)),
        Opt::Ipv6(o) => ip::v6(&a.with(o)),
        Opt::Udp(_) => crate::platform::gated(),
    }
}

/// The Wine model over one host's facts.
#[derive(Debug, Clone)]
pub struct Wine {
    pub facts: WineFacts,
    /// Whether `::1` can be bound, for the report.
    pub ipv6: bool,
}

impl Wine {
    /// Wine 8.0 on a Linux host with stock limits (`net.core.{w,r}mem_default`
    /// = 212992, `tcp_{w,r}mem[1]` = 16384 / 131072, TTL and hop limit 64),
    /// for pictures drawn anywhere; nothing is measured.
    pub fn offline() -> Wine {
        Wine {
            facts: WineFacts {
                version: "8.0".into(),
                wmem_default: 212_992,
                rmem_default: 212_992,
                tcp_wmem_default: 16_384,
                tcp_rmem_default: 131_072,
                ip_default_ttl: 64,
                ipv6_hop_limit: 64,
            },
            ipv6: true,
        }
    }
}

impl crate::platform::Platform for Wine {
    fn undefined(&self, _level: crate::option::Level) -> &'static Rule {
        &shared::NOT_RUN
    }

    fn os(&self) -> crate::os::Os {
        crate::os::Os::Windows
    }

    fn label(&self) -> &'static str {
        "windows-wine"
    }

    fn release(&self) -> String {
        format!("wine {}", self.facts.version)
    }

    fn facts(&self) -> Vec<Fact> {
        let w = &self.facts;
        vec![
            Fact::new("wine", w.version.as_str()),
            Fact::new("host net.core.wmem_default", w.wmem_default),
            Fact::new("host net.core.rmem_default", w.rmem_default),
            Fact::new("host net.ipv4.tcp_wmem[1]", w.tcp_wmem_default),
            Fact::new("host net.ipv4.tcp_rmem[1]", w.tcp_rmem_default),
            Fact::new("host net.ipv4.ip_default_ttl", w.ip_default_ttl),
            Fact::new("host net.ipv6.conf.all.hop_limit", w.ipv6_hop_limit),
            Fact::new("ipv6", self.ipv6),
        ]
    }

    /// The host's (Linux's) loopback index.
    fn anchors(&self, _option: &OptionSpec) -> Anchors {
        Anchors {
            loopback: Some(crate::ladder::LOOPBACK_INDEX_1),
            ..Anchors::default()
        }
    }

    /// None: Wine's ws2_32 answers some options itself before the host's
    /// kernel sees the level (IPV6_TCLASS, the RECV flags on stream
    /// sockets), so the host's level check stays inside its option rules.
    fn refusal(&self, _asked: &Asked<'_>) -> Option<Prediction> {
        None
    }

    fn predict(&self, asked: Asked<'_>) -> Prediction {
        predict(&asked, &self.facts)
    }

    fn unsupported_kinds(&self) -> Vec<(Kind, &'static str)> {
        vec![
            (Kind::Icmp4, "WSAEACCES"),
            (Kind::Icmp6, "WSAEPROTONOSUPPORT"),
            (Kind::Mptcp4, "WSAEPROTONOSUPPORT"),
            (Kind::Mptcp6, "WSAEPROTONOSUPPORT"),
        ]
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
        rules()
    }
}
