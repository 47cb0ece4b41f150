//! Every option other than the buffer sizes (those have their own matrix in
//! buffers.rs): family × kind × state, each case inside asserting that the
//! value read back is the one the model predicts.

use crate::common::check_family;
use rstest::rstest;
use sockmatrix::kind::{Kind, State};
use sockmatrix::option::Family;

#[rstest]
fn stream(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Tcp4, Kind::Tcp6, Kind::UnixStream)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}

#[rstest]
fn dgram(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Udp4, Kind::Udp6, Kind::UnixDgram)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}

#[rstest]
fn seqpacket(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::UnixSeqpacket)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}

/// Raw IP and ICMP ping sockets: reported unavailable, with the reason
/// asserted, where socket() refuses them (no CAP_NET_RAW, a group outside
/// ping_group_range, an OS without them).
#[rstest]
fn raw_and_icmp(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Raw4, Kind::Raw6, Kind::Icmp4, Kind::Icmp6)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}

/// Multipath TCP sockets: every level goes through MPTCP's own option code
/// on Linux; reported unavailable where socket() refuses the protocol.
#[rstest]
fn mptcp(
    #[values(Family::Socket, Family::Tcp, Family::Ipv4, Family::Ipv6)] family: Family,
    #[values(Kind::Mptcp4, Kind::Mptcp6)] kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    check_family(family, kind, state);
}

/// SOL_UDP: only Linux defines options at this level.
#[cfg(target_os = "linux")]
#[rstest]
fn udp_level_connection(
    #[values(
        Kind::Tcp4,
        Kind::Tcp6,
        Kind::UnixStream,
        Kind::UnixSeqpacket,
        Kind::Mptcp4,
        Kind::Mptcp6
    )]
    kind: Kind,
    #[values(State::Fresh, State::Bound, State::Listening, State::Connected)] state: State,
) {
    check_family(Family::Udp, kind, state);
}

#[cfg(target_os = "linux")]
#[rstest]
fn udp_level_datagram(
    #[values(
        Kind::Udp4,
        Kind::Udp6,
        Kind::UnixDgram,
        Kind::Raw4,
        Kind::Raw6,
        Kind::Icmp4,
        Kind::Icmp6
    )]
    kind: Kind,
    #[values(State::Fresh, State::Bound, State::Connected)] state: State,
) {
    check_family(Family::Udp, kind, state);
}
