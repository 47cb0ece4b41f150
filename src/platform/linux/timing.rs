//! Linux's timeouts and low-water mark as they act
//! (`crate::behaviour::timing`): a timed-out blocking call fails with
//! EAGAIN after at least the timeout (rounded up to a jiffy); poll() honours
//! SO_RCVLOWAT on TCP and ignores it on UDP. Read at ColtPlus/linux-6.18.y
//! 57218520 (6.18.24).

use crate::behaviour::timing::{Lowat, TimingModel, Wait, QUEUED};
use crate::rule::Rule;

crate::rules! {
    pub const TIMEOUT: Rule = Rule {
        id: "linux.timing.timeout",
        formula: "a blocking call past SO_RCVTIMEO / SO_SNDTIMEO => EAGAIN after at least the timeout (a send returns the count it sent, if any)",
        why: "the timeout is stored in jiffies rounded up (sock_set_timeout); a receive that waited it out with nothing returns -EAGAIN, and a send returns -EAGAIN if it sent nothing, else what it sent (tcp_sendmsg_locked: 'if (copied) goto out')",
        source: "net/core/sock.c sock_set_timeout ('*timeo_p = (tv.tv_sec * HZ) + DIV_ROUND_UP((unsigned long)tv.tv_usec, USEC_PER_SEC / HZ)'); net/ipv4/tcp.c tcp_recvmsg_locked ('if (!timeo) { copied = -EAGAIN; break; }'); net/core/stream.c sk_stream_wait_memory (-EAGAIN when the time is out); net/core/datagram.c __skb_wait_for_more_packets",
    };
    pub const TCP_LOWAT: Rule = Rule {
        id: "linux.timing.tcp_lowat",
        formula: "TCP: readable once the queue holds SO_RCVLOWAT bytes (5 queued: readable for 1, not for 10)",
        why: "tcp_poll asks tcp_stream_is_readable with the target sock_rcvlowat gives, which is SO_RCVLOWAT (at least 1)",
        source: "net/ipv4/tcp.c tcp_poll ('int target = sock_rcvlowat(sk, 0, INT_MAX); ... if (tcp_stream_is_readable(sk, target))'), tcp_set_rcvlowat",
    };
    pub const UDP_NO_LOWAT: Rule = Rule {
        id: "linux.timing.udp_no_lowat",
        formula: "UDP: readable as soon as a datagram is queued, SO_RCVLOWAT or not",
        why: "a datagram socket's poll reports readable when its receive queue is not empty; SO_RCVLOWAT is stored but never asked",
        source: "net/ipv4/udp.c udp_poll -> net/core/datagram.c datagram_poll ('if (!skb_queue_empty_lockless(&sk->sk_receive_queue)) mask |= EPOLLIN | EPOLLRDNORM')",
    };
}

fn timeout(_: Wait) -> (&'static str, &'static Rule) {
    ("EAGAIN", &TIMEOUT)
}

fn lowat(l: &Lowat) -> (bool, &'static Rule) {
    match l.udp {
        true => (true, &UDP_NO_LOWAT),
        false => (l.lowat.unwrap_or(1) as usize <= QUEUED, &TCP_LOWAT),
    }
}

pub fn model() -> TimingModel {
    TimingModel {
        timeout,
        lowat,
        rules: RULES,
    }
}
