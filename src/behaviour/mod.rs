//! Behaviours: what an option does, not what getsockopt reads back. Each
//! case sets sockets up, does one thing, and records what happened; the
//! platform's model predicts it from the OS's source with cited rules (the
//! plans here take each platform's model as data; `engine::behaviours`
//! asks a platform for them), and `observe` measures it here, on loopback.
//!
//! The groups: dual-stack listeners (`dual_stack`), bind and reuse
//! (`bind`), loopback broadcast (`broadcast`), linger and close
//! (`linger`), the values a datagram's header carries (`wire`), timeouts
//! and the low-water mark as they act (`timing`).

pub mod bind;
pub mod broadcast;
pub mod dual_stack;
pub mod linger;
pub mod observe;
pub mod timing;
pub mod wire;

pub use dual_stack::{
    dual_stack_cases, predict, rules, Bound, Client, DualStack, DualStackModel, V6only, REACHED_V4_MAPPED,
    REACHED_V6,
};

use crate::outcome::Outcome;

/// A group of behaviour cases.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Dual-stack listeners.
    DualStack,
    /// Dual-stack UDP receivers.
    DualStackUdp,
    /// A second bind of a port: bind, listen, who receives.
    Bind,
    /// The same, the second socket made by another uid.
    BindOtherUser,
    /// A send to 127.255.255.255 with and without SO_BROADCAST.
    Broadcast,
    /// SO_LINGER, then close: does close wait, what does the peer read.
    Linger,
    /// IP_TTL, IP_TOS, IPV6_UNICAST_HOPS, IPV6_TCLASS as a datagram
    /// carries them.
    Wire,
    /// The same on TCP, as the accepted socket's packet options report
    /// them.
    WireTcp,
    /// SO_RCVTIMEO, SO_SNDTIMEO and SO_RCVLOWAT as they act.
    Timing,
}

impl Group {
    /// Every group, in the tables' order.
    pub const ALL: [Group; 9] = [
        Group::DualStack,
        Group::DualStackUdp,
        Group::Bind,
        Group::BindOtherUser,
        Group::Broadcast,
        Group::Linger,
        Group::Wire,
        Group::WireTcp,
        Group::Timing,
    ];

    /// The group's cases may run on this machine: never a broadcast where
    /// 127.255.255.255 could leave it (`sys::LOOPBACK_BROADCAST_STAYS_LOCAL`).
    pub fn runs_here(self) -> bool {
        match self {
            Group::Broadcast => crate::sys::LOOPBACK_BROADCAST_STAYS_LOCAL,
            Group::Wire | Group::WireTcp => crate::sys::READS_CONTROL_MESSAGES,
            Group::BindOtherUser => crate::sys::can_switch_user(),
            _ => true,
        }
    }

    /// The options whose effect the group shows (the site links an
    /// option's page to these groups).
    pub fn options(self) -> &'static [&'static str] {
        match self {
            Group::DualStack | Group::DualStackUdp => &["IPV6_V6ONLY"],
            Group::Bind | Group::BindOtherUser => &[
                "SO_REUSEADDR",
                "SO_REUSEPORT",
                "SO_REUSEPORT_LB",
                "SO_EXCLUSIVEADDRUSE",
            ],
            Group::Broadcast => &["SO_BROADCAST"],
            Group::Linger => &["SO_LINGER"],
            Group::Wire | Group::WireTcp => &[
                "IP_TTL",
                "IP_TOS",
                "IPV6_UNICAST_HOPS",
                "IPV6_TCLASS",
                "IP_RECVTTL",
                "IP_RECVTOS",
                "IPV6_RECVHOPLIMIT",
                "IPV6_RECVTCLASS",
            ],
            Group::Timing => &["SO_RCVTIMEO", "SO_SNDTIMEO", "SO_RCVLOWAT"],
        }
    }

    /// The group's name in tables and snapshots.
    pub fn name(self) -> &'static str {
        match self {
            Group::DualStack => "dual-stack",
            Group::DualStackUdp => "dual-stack-udp",
            Group::Bind => "bind",
            Group::BindOtherUser => "bind-other-user",
            Group::Broadcast => "broadcast",
            Group::Linger => "linger",
            Group::Wire => "wire",
            Group::WireTcp => "wire-tcp",
            Group::Timing => "timing",
        }
    }
}

/// One case of any group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Case {
    DualStack(DualStack),
    DualStackUdp(DualStack),
    Bind(bind::BindCase),
    BindOtherUser(bind::BindCase),
    Broadcast(broadcast::Broadcast),
    Linger(linger::LingerCase),
    Wire(wire::WireCase),
    Timing(timing::TimingCase),
}

impl Case {
    /// The group the case belongs to.
    pub fn group(&self) -> Group {
        match self {
            Case::DualStack(_) => Group::DualStack,
            Case::DualStackUdp(_) => Group::DualStackUdp,
            Case::Bind(_) => Group::Bind,
            Case::BindOtherUser(_) => Group::BindOtherUser,
            Case::Broadcast(_) => Group::Broadcast,
            Case::Linger(_) => Group::Linger,
            Case::Wire(c) if c.proto == bind::Proto::Tcp => Group::WireTcp,
            Case::Wire(_) => Group::Wire,
            Case::Timing(_) => Group::Timing,
        }
    }

    /// What happens here.
    pub fn observe(&self) -> Outcome {
        match self {
            Case::DualStack(c) => observe::dual_stack(c),
            Case::DualStackUdp(c) => observe::dual_stack_udp(c),
            Case::Bind(c) => observe::bind(c),
            Case::BindOtherUser(c) => observe::bind_other_user(c),
            Case::Broadcast(c) => observe::broadcast(c),
            Case::Linger(c) => observe::linger(c),
            Case::Wire(c) => observe::wire(c),
            Case::Timing(c) => observe::timing(c),
        }
    }

    /// The socket kinds the case needs here (a host without IPv6 runs only
    /// the cases that need none of its kinds).
    pub fn kinds(&self) -> Vec<crate::kind::Kind> {
        use crate::kind::Kind;
        let ip = |addr: bind::Addr, proto: bind::Proto| match (addr, proto) {
            (bind::Addr::V4Loopback | bind::Addr::V4Any, bind::Proto::Tcp) => Kind::Tcp4,
            (bind::Addr::V4Loopback | bind::Addr::V4Any, bind::Proto::Udp) => Kind::Udp4,
            (_, bind::Proto::Tcp) => Kind::Tcp6,
            (_, bind::Proto::Udp) => Kind::Udp6,
        };
        match self {
            Case::DualStack(_) => vec![Kind::Tcp6, Kind::Tcp4],
            Case::DualStackUdp(_) => vec![Kind::Udp6, Kind::Udp4],
            Case::Bind(c) | Case::BindOtherUser(c) => {
                let (a1, a2) = c.relation.addrs();
                vec![ip(a1, c.proto), ip(a2, c.proto)]
            }
            Case::Broadcast(_) => vec![Kind::Udp4],
            Case::Linger(_) => vec![Kind::Tcp4],
            Case::Wire(c) => vec![c.kind()],
            Case::Timing(timing::TimingCase::Timeout(t)) => match t.wait {
                timing::Wait::UdpRecv => vec![Kind::Udp4],
                _ => vec![Kind::Tcp4],
            },
            Case::Timing(timing::TimingCase::Lowat(l)) => match l.udp {
                true => vec![Kind::Udp4],
                false => vec![Kind::Tcp4],
            },
        }
    }

    /// The case's cells in a table, before its outcome.
    pub fn columns(&self) -> Vec<String> {
        match self {
            Case::DualStack(c) => vec![c.to_string()],
            Case::DualStackUdp(c) => vec![dual_stack::udp_label(c)],
            Case::Bind(c) | Case::BindOtherUser(c) => c.columns().to_vec(),
            Case::Broadcast(c) => vec![c.to_string()],
            Case::Linger(c) => vec![c.to_string()],
            Case::Wire(c) => vec![c.to_string()],
            Case::Timing(c) => vec![c.to_string()],
        }
    }
}

impl std::fmt::Display for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Case::DualStack(c) => c.fmt(f),
            Case::DualStackUdp(c) => f.write_str(&dual_stack::udp_label(c)),
            Case::Bind(c) => c.fmt(f),
            Case::BindOtherUser(c) => write!(f, "{c}, as another uid"),
            Case::Broadcast(c) => c.fmt(f),
            Case::Linger(c) => c.fmt(f),
            Case::Wire(c) => c.fmt(f),
            Case::Timing(c) => c.fmt(f),
        }
    }
}

/// The group's cases, every reuse set included (a model answers the ones
/// its OS has).
pub fn cases(group: Group) -> Vec<Case> {
    match group {
        Group::DualStack => dual_stack_cases().into_iter().map(Case::DualStack).collect(),
        Group::DualStackUdp => dual_stack_cases().into_iter().map(Case::DualStackUdp).collect(),
        Group::Bind => bind::cases(&bind::Reuse::ALL)
            .into_iter()
            .map(Case::Bind)
            .collect(),
        Group::BindOtherUser => bind::other_user_cases(&bind::Reuse::ALL)
            .into_iter()
            .map(Case::BindOtherUser)
            .collect(),
        Group::Broadcast => broadcast::cases().into_iter().map(Case::Broadcast).collect(),
        Group::Linger => linger::cases().into_iter().map(Case::Linger).collect(),
        Group::Wire => wire::cases(bind::Proto::Udp)
            .into_iter()
            .map(Case::Wire)
            .collect(),
        Group::WireTcp => wire::cases(bind::Proto::Tcp)
            .into_iter()
            .map(Case::Wire)
            .collect(),
        Group::Timing => timing::cases().into_iter().map(Case::Timing).collect(),
    }
}

/// The cases the digest names: the ones people trip over (the issue's
/// reports), each a question with one line of answer per OS.
pub fn headlines() -> Vec<Case> {
    use bind::{BindCase, FirstState as S, Proto, Relation as R, Reuse as U};
    let b = |proto, first, state, relation, second| {
        Case::Bind(BindCase {
            proto,
            first,
            state,
            relation,
            second,
        })
    };
    vec![
        Case::DualStack(DualStack {
            v6only: V6only::Default,
            bound: Bound::Any,
            client: Client::V4,
        }),
        b(Proto::Tcp, U::Addr, S::Bound, R::Same, U::Addr),
        b(Proto::Tcp, U::Addr, S::Listening, R::Same, U::Addr),
        b(Proto::Tcp, U::Port, S::Listening, R::Same, U::Port),
        b(Proto::Tcp, U::None, S::TimeWait, R::Same, U::None),
        b(Proto::Tcp, U::Addr, S::TimeWait, R::Same, U::Addr),
        b(
            Proto::Tcp,
            U::None,
            S::Listening,
            R::SpecificAfterWildcard,
            U::Addr,
        ),
        b(Proto::Tcp, U::None, S::Listening, R::DualAfterV4, U::None),
        b(Proto::Udp, U::Addr, S::Bound, R::Same, U::Addr),
        b(Proto::Udp, U::Port, S::Bound, R::Same, U::Port),
        Case::Broadcast(broadcast::Broadcast {
            flag: broadcast::Flag::Default,
            receiver: broadcast::Receiver::Any,
            to: broadcast::To::Broadcast,
        }),
        Case::Linger(linger::LingerCase {
            linger: linger::Linger::OnZero,
            pending: linger::Pending::Nothing,
        }),
        Case::Linger(linger::LingerCase {
            linger: linger::Linger::Unset,
            pending: linger::Pending::Unread,
        }),
        Case::Linger(linger::LingerCase {
            linger: linger::Linger::OnOne,
            pending: linger::Pending::Unsent,
        }),
        Case::Wire(wire::WireCase {
            proto: bind::Proto::Udp,
            option: wire::WireOption::Tos,
            value: Some(0xff),
        }),
        Case::Wire(wire::WireCase {
            proto: bind::Proto::Udp,
            option: wire::WireOption::Hops,
            value: Some(-1),
        }),
        Case::Wire(wire::WireCase {
            proto: bind::Proto::Tcp,
            option: wire::WireOption::Ttl,
            value: Some(64),
        }),
        Case::Timing(timing::TimingCase::Lowat(timing::Lowat {
            udp: true,
            lowat: Some(10),
        })),
    ]
}
