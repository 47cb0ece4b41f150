//! FreeBSD's timeouts and low-water mark as they act
//! (`crate::behaviour::timing`), read in FreeBSD 13.0 as F-Stack 5cb586b5
//! vendors it. Model only.

use crate::behaviour::timing::{Lowat, TimingModel, Wait, QUEUED};
use crate::rule::Rule;

crate::rules! {
    pub const TIMEOUT: Rule = Rule {
        id: "freebsd.timing.timeout",
        formula: "a blocking call past SO_RCVTIMEO / SO_SNDTIMEO => EWOULDBLOCK (= EAGAIN), after at least the timeout (a send returns what it sent, if any)",
        why: "sbwait sleeps at most sb_timeo and returns EWOULDBLOCK when it runs out; soreceive and sosend hand it back when nothing was moved",
        source: "freebsd/kern/uipc_sockbuf.c sbwait (msleep_sbt with sb_timeo); freebsd/kern/uipc_socket.c soreceive_generic, sosend_generic (UNCONFIRMED: the lines were not re-read)",
    };
    pub const LOWAT: Rule = Rule {
        id: "freebsd.timing.lowat",
        formula: "readable once the queue holds SO_RCVLOWAT bytes, TCP and UDP alike (5 queued: readable for 1, not for 10; UDP's count UNCONFIRMED)",
        why: "sopoll_generic asks soreadabledata, which compares sbavail(&so->so_rcv) with sb_lowat for every socket; whether a datagram's address mbuf counts in sbavail was not read: UNCONFIRMED",
        source: "freebsd/kern/uipc_socket.c sopoll_generic; freebsd/sys/socketvar.h soreadabledata ('sbavail(&(so)->so_rcv) >= (so)->so_rcv.sb_lowat')",
    };
}

fn timeout(_: Wait) -> (&'static str, &'static Rule) {
    ("EAGAIN", &TIMEOUT)
}

fn lowat(l: &Lowat) -> (bool, &'static Rule) {
    (l.lowat.unwrap_or(1) as usize <= QUEUED, &LOWAT)
}

pub fn model() -> TimingModel {
    TimingModel {
        timeout,
        lowat,
        rules: RULES,
    }
}
