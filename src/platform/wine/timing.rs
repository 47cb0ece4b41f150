//! Wine's timeouts and low-water mark as they act
//! (`crate::behaviour::timing`): the wineserver keeps SO_RCVTIMEO and
//! SO_SNDTIMEO itself and ends a blocking call's wait with a timeout, named
//! WSAETIMEDOUT; readiness comes from the host's poll.

use crate::behaviour::timing::{Lowat, TimingModel, Wait, QUEUED};
use crate::rule::Rule;

crate::rules! {
    pub const TIMEOUT: Rule = Rule {
        id: "wine.timing.timeout",
        formula: "a blocking call past SO_RCVTIMEO / SO_SNDTIMEO => WSAETIMEDOUT, after at least the timeout",
        why: "the wineserver stores the timeouts in milliseconds (sock->rcvtimeo, sock->sndtimeo) and gives a blocking receive or send an async wait that ends in STATUS_IO_TIMEOUT, which ws2_32 names WSAETIMEDOUT",
        source: "wine server/sock.c (rcvtimeo / sndtimeo: IOCTL_AFD_WINE_SET_SO_RCVTIMEO, the recv and send asyncs' timeouts) at a69d2958; dlls/ws2_32/socket.c NtStatusToWSAError (STATUS_IO_TIMEOUT -> WSAETIMEDOUT)",
    };
    pub const LOWAT: Rule = Rule {
        id: "wine.timing.lowat",
        formula: "readiness => the host's poll: TCP honours SO_RCVLOWAT, UDP not (when the set is accepted)",
        why: "WSAPoll goes to the wineserver, which polls the host socket; the host's rules decide (linux.timing.tcp_lowat, linux.timing.udp_no_lowat)",
        source: "wine server/sock.c poll_socket / sock_get_poll_events; the host: linux.timing.tcp_lowat, linux.timing.udp_no_lowat",
    };
}

fn timeout(_: Wait) -> (&'static str, &'static Rule) {
    ("WSAETIMEDOUT", &TIMEOUT)
}

fn lowat(l: &Lowat) -> (bool, &'static Rule) {
    (l.udp || l.lowat.unwrap_or(1) as usize <= QUEUED, &LOWAT)
}

pub fn model() -> TimingModel {
    TimingModel {
        timeout,
        lowat,
        rules: RULES,
    }
}
