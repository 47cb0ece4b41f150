//! What a Linux buffer holds, where it can be predicted: in truesize, the
//! kernel charges each message its allocation (payload and headers rounded
//! up to a power of two by kmalloc) plus struct sk_buff, not its payload.

use super::buffers;
use super::facts::LinuxFacts;
use crate::capacity::{Capacity, Side, MESSAGE};
use crate::case::Request;
use crate::kind::{Domain, Kind, State};
use crate::prediction::Expected;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const UDP_SEND_UNBOUNDED: Rule = Rule {
        id: "linux.capacity.udp_send_unbounded",
        formula: "never EAGAIN",
        why: "a UDP datagram leaves at once through loopback; the send buffer only holds it in flight, so a non-reading peer never pushes back on the sender (its own buffer drops instead)",
        source: "net/ipv4/udp.c udp_sendmsg; net/core/sock.c sock_wfree",
    };
    pub const UDP_RECEIVE: Rule = Rule {
        id: "linux.capacity.udp_receive",
        formula: "floor(rcvbuf / truesize) datagrams, truesize = roundup_pow2(1024 + headers + 320) + skb_overhead",
        why: "since 6.18 each queued datagram is charged its truesize against the doubled SO_RCVBUF, and one that would take the charge past it is dropped unless the queue is empty (the header allowance is hidden by the power-of-two rounding; UNCONFIRMED beyond 1 KiB messages)",
        source: "net/ipv4/udp.c __udp_enqueue_schedule_skb (6.18: `if (rmem + size > rcvbuf) ... if (rmem) goto drop`, commit 9aaec660b5be \"udp: refine __udp_enqueue_schedule_skb() test\"); include/linux/skbuff.h SKB_TRUESIZE",
    };
    pub const UNIX_DGRAM_SEND: Rule = Rule {
        id: "linux.capacity.unix_dgram_send",
        formula: "min(ceil(sndbuf / truesize), max_dgram_qlen + 1) datagrams",
        why: "a unix datagram stays charged to the sender until read: sends go on while the sender's charge is below its doubled SO_SNDBUF, and stop when the peer's queue passes net.unix.max_dgram_qlen",
        source: "net/unix/af_unix.c unix_dgram_sendmsg (sock_alloc_send_pskb, unix_recvq_full)",
    };
    pub const UNIX_DGRAM_MAX: Rule = Rule {
        id: "linux.capacity.unix_dgram_max",
        formula: "largest datagram = sndbuf - 32",
        why: "a unix datagram longer than the send buffer less 32 bytes is refused with EMSGSIZE",
        source: "net/unix/af_unix.c unix_dgram_sendmsg",
    };
    pub const MEASURED_ONLY: Rule = Rule {
        id: "linux.capacity.measured_only",
        formula: "?",
        why: "not modelled: stream capacity depends on segment sizes, the peer's window and autotuning; reported, not predicted",
        source: "-",
    };
    pub const UDP_RECEIVE_OLD: Rule = Rule {
        id: "linux.capacity.udp_receive_up_to_6_17",
        formula: "floor(rcvbuf / truesize) + 1 datagrams",
        why: "up to 6.17 a datagram is admitted while the charge before it is within SO_RCVBUF, so one more fits than the buffer holds (measured on 6.1, 6.12, 6.16 and 6.17; 6.15's wraparound fix, also in 6.12.23+, only adds a truesize check above INT_MAX/2)",
        source: "net/ipv4/udp.c __udp_enqueue_schedule_skb (up to 6.14: `if (rmem > rcvbuf) goto drop`; 6.15-6.17: the same under `if (rmem + size > rcvbuf)`, commit 5a465a0da13e)",
    };
}

/// The first release that stops at the limit: 6.18 (commit 9aaec660b5be,
/// net-next 2025-09, merged for 6.18-rc1; measured: 6.17 still admits one more).
pub const UDP_STRICT_SINCE: (u32, u32) = (6, 18);

/// The era of the UDP receive rule, which snapshots are kept apart by.
pub fn era(h: &LinuxFacts) -> &'static str {
    if h.kernel_version < UDP_STRICT_SINCE {
        "up-to-6.17"
    } else {
        "6.18-and-later"
    }
}

/// SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) on x86_64.
const SHINFO: i128 = 320;
/// Room for link, IP and UDP headers ahead of the payload (rounded away).
const HEADERS: i128 = 128;

/// What one message of `MESSAGE` bytes is charged.
fn truesize(h: &LinuxFacts, headers: i128) -> i128 {
    super::shared::roundup_pow2(MESSAGE as i128 + headers + SHINFO) + h.skb_overhead
}

/// The buffer the kernel keeps for this request (the buffers model).
fn effective(kind: Kind, side: Side, requested: Option<i32>, h: &LinuxFacts) -> Option<i128> {
    let option = side.option();
    let request = requested.map_or(Request::Default, |v| Request::Set(RelativeValue::int(v.into())));
    match buffers::predict(option, kind, State::Fresh, &request, h).expected {
        Expected::Ok(v) => v.as_int().map(|e| e.value()),
        Expected::Err(_) => None,
    }
}

/// The predicted capacity, where a rule covers the kind and side.
pub fn predict(
    kind: Kind,
    side: Side,
    requested: Option<i32>,
    h: &LinuxFacts,
) -> (Option<Capacity>, &'static Rule) {
    let held = |messages: i128| Capacity::Held {
        bytes: (messages * MESSAGE as i128) as u64,
        messages: messages as u64,
    };
    match (kind.domain(), kind.is_stream(), side) {
        (Domain::Ipv4 | Domain::Ipv6, false, Side::Send) => (Some(Capacity::Unbounded), &UDP_SEND_UNBOUNDED),
        (Domain::Ipv4 | Domain::Ipv6, false, Side::Receive) => {
            let rcvbuf = effective(kind, side, requested, h);
            let fits = |b: i128| b / truesize(h, HEADERS);
            if h.kernel_version < UDP_STRICT_SINCE {
                (rcvbuf.map(|b| held(fits(b) + 1)), &UDP_RECEIVE_OLD)
            } else {
                (rcvbuf.map(|b| held(fits(b))), &UDP_RECEIVE)
            }
        }
        (Domain::Unix, false, _) => {
            // Either way the sender's buffer and the peer's queue decide
            // (af_unix never looks at SO_RCVBUF): the receive probe's sender
            // keeps its default.
            let request = if side == Side::Send { requested } else { None };
            let sndbuf = effective(kind, Side::Send, request, h);
            let t = truesize(h, 0);
            let cap = |b: i128| ((b + t - 1) / t).min(h.max_dgram_qlen + 1);
            (sndbuf.map(|b| held(cap(b))), &UNIX_DGRAM_SEND)
        }
        _ => (None, &MEASURED_ONLY),
    }
}

/// The largest datagram a unix datagram socket with this SO_SNDBUF request sends.
pub fn largest_datagram(requested: i32, h: &LinuxFacts) -> Option<i128> {
    effective(Kind::UnixDgram, Side::Send, Some(requested), h).map(|b| b - 32)
}
