//! macOS's timeouts and low-water mark as they act
//! (`crate::behaviour::timing`), read in XNU at tag xnu-11417.101.15. Model
//! only.

use crate::behaviour::timing::{Lowat, TimingModel, Wait, QUEUED};
use crate::rule::Rule;

crate::rules! {
    pub const TIMEOUT: Rule = Rule {
        id: "macos.timing.timeout",
        formula: "a blocking call past SO_RCVTIMEO / SO_SNDTIMEO => EWOULDBLOCK (= EAGAIN), after at least the timeout (a send returns what it sent, if any)",
        why: "sbwait sleeps at most sb_timeo and returns EWOULDBLOCK when it runs out; soreceive and sosend pass it on when nothing was moved",
        source: "xnu-11417.101.15 bsd/kern/uipc_socket2.c sbwait (msleep with sb_timeo: EWOULDBLOCK); bsd/kern/uipc_socket.c soreceive, sosend (UNCONFIRMED: the lines were not re-read)",
    };
    pub const LOWAT: Rule = Rule {
        id: "macos.timing.lowat",
        formula: "readable once the queue holds SO_RCVLOWAT bytes, TCP and UDP alike (5 queued: readable for 1, not for 10; UDP's count UNCONFIRMED)",
        why: "soreadable compares the bytes queued with so_rcv.sb_lowat for every socket, datagram ones too; whether a datagram's sender address counts in that total was not read: UNCONFIRMED",
        source: "xnu-11417.101.15 bsd/sys/socketvar.h soreadable ('(so)->so_rcv.sb_cc >= (so)->so_rcv.sb_lowat'); bsd/kern/uipc_socket.c sopoll",
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
