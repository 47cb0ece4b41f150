//! SOL_SOCKET, handled by the socket layer itself on every kind
//! (bsd/kern/uipc_socket.c sosetoptlock / sogetoptlock), buffers included
//! (uipc_socket2.c sbreserve).

use super::route::{err, ok, ok_int, Ctx};
use super::{MacOs, OverLimit};
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, Kind, State};
use crate::option::{BufferOpt, Opt, SocketOpt};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const SRC_SET: &str = "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock";
const SRC_GET: &str = "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock";

crate::rules! {
    pub const BUF_DEFAULT: Rule = Rule {
        id: "macos.buf.default",
        formula: "tcp: net.inet.tcp.sendspace / recvspace; udp: net.inet.udp.maxdgram / recvspace; unix-stream: net.local.stream.*; unix-dgram: net.local.dgram.maxdgram / recvspace",
        why: "soreserve at attach sizes both buffers from the protocol's sysctls (tcp_attach, udp_attach, unp_attach); getsockopt returns sb_hiwat",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_attach; bsd/netinet/udp_usrreq.c udp_attach; bsd/kern/uipc_usrreq.c unp_attach",
    };
    pub const BUF_TCP_MSS_ROUND: Rule = Rule {
        id: "macos.buf.tcp_mss_round",
        formula: "connected tcp: snd = roundup(hiwat, mss) if hiwat >= mss; rcv = roundup(hiwat, mss) if hiwat > mss; mss = lo0.mtu - 40 (v4) / 60 (v6) - 12 (timestamps)",
        why: "tcp_mss() at connection setup rounds both buffers up to a multiple of the MSS through sbreserve, with the MSS of macos.tcp.maxseg_connected (lo0 MTU 16384 less headers and 12 bytes of timestamps). Not modelled: the size rounded is at least the route's pipe size (3 x 16384 on lo0), which only matters when the buffer is under 49152 at connect",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_mss 'sbreserve(&so->so_snd, roundup(bufsize, mss))'",
    };
    pub const BUF_EINVAL: Rule = Rule {
        id: "macos.buf.einval",
        formula: "v < 1 → EINVAL",
        why: "sosetoptlock SO_SNDBUF/SO_RCVBUF/SO_SNDLOWAT/SO_RCVLOWAT: `if (optval < 1) { error = EINVAL; }`",
        source: SRC_SET,
    };
    pub const BUF_EXACT: Rule = Rule {
        id: "macos.buf.exact",
        formula: "1 <= v <= limit → v",
        why: "sbreserve sets sb_hiwat = v (no doubling, no minimum) and getsockopt returns sb_hiwat; on a connected AF_UNIX socket SO_SNDBUF adds the peer's unp_cc, 0 while idle",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sbreserve; bsd/kern/uipc_socket.c sogetoptlock",
    };
    pub const BUF_ENOBUFS: Rule = Rule {
        id: "macos.buf.over_limit_enobufs",
        formula: "v > kern.ipc.maxsockbuf*2048/2304 → ENOBUFS",
        why: "up to xnu-10002 (macOS 14.3) sbreserve refuses cc > sb_max*MCLBYTES/(MSIZE+MCLBYTES) (7456540 for the stock 8 MiB) and sosetopt turns that into ENOBUFS (dotnet/corefx#27814: 8388608 → No buffer space available)",
        source: "apple-oss-distributions/xnu xnu-10002.81.5 bsd/kern/uipc_socket2.c sbreserve (same test in xnu-6153.141.1, xnu-8792.81.2)",
    };
    pub const BUF_CLAMP: Rule = Rule {
        id: "macos.buf.over_limit_clamp",
        formula: "v > kern.ipc.maxsockbuf → kern.ipc.maxsockbuf (ENOBUFS if sb_hiwat is already sb_max)",
        why: "from xnu-10063.101.15 (macOS 14.4) sbreserve clamps: `if (cc > sb_max) { if (sb->sb_hiwat == sb_max) return 0; cc = sb_max; }`",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sbreserve",
    };
    pub const SOF_FLAG: Rule = Rule {
        id: "macos.so.so_flags_bit",
        formula: "v != 0 → the so_flags bit (SO_NOSIGPIPE: SOF_NOSIGPIPE 1, SO_NOADDRERR: SOF_NOADDRAVAIL 2); 0 → 0; default 0",
        why: "these two are kept in so_flags, not so_options, and read back as so_flags & bit: SO_NOSIGPIPE happens to read 1, SO_NOADDRERR reads 2",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock case SO_NOSIGPIPE 'so->so_flags |= SOF_NOSIGPIPE', case SO_NOADDRERR; sogetoptlock 'optval = (so->so_flags & SOF_NOSIGPIPE)', 'optval = (so->so_flags & SOF_NOADDRAVAIL)'; bsd/sys/socketvar.h SOF_NOSIGPIPE 0x00000001, SOF_NOADDRAVAIL 0x00000002",
    };
    pub const ACCEPTCONN_UNKNOWN: Rule = Rule {
        id: "macos.so.acceptconn_unknown",
        formula: "set and get => ENOPROTOOPT",
        why: "XNU keeps SO_ACCEPTCONN as an so_options bit that solisten sets, but neither sosetoptlock nor sogetoptlock has a case for it, so both fall to the default ENOPROTOOPT (unlike FreeBSD and Linux)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c solisten 'so->so_options |= SO_ACCEPTCONN'; sosetoptlock / sogetoptlock 'default: error = ENOPROTOOPT' (no case SO_ACCEPTCONN in either)",
    };
    pub const NREAD_NWRITE: Rule = Rule {
        id: "macos.so.nread_nwrite",
        formula: "get: bytes queued (0 here); set => ENOPROTOOPT",
        why: "SO_NREAD reads the bytes waiting to be read (a datagram socket's first record) and SO_NWRITE the bytes not yet sent; no case sets them, and none of these sockets has data queued",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock case SO_NREAD ('optval = so->so_rcv.sb_cc - so->so_rcv.sb_ctl' on streams), case SO_NWRITE 'optval = so->so_snd.sb_cc'; sosetoptlock 'default: error = ENOPROTOOPT'",
    };
    pub const FLAG_BIT: Rule = Rule {
        id: "macos.flag_bit",
        formula: "v != 0 → the option's own bit (SO_REUSEADDR 4, SO_KEEPALIVE 8, SO_DONTROUTE 16, SO_BROADCAST 32, SO_OOBINLINE 256, SO_REUSEPORT 512, SO_TIMESTAMP 1024, SO_TIMESTAMP_MONOTONIC 2048); 0 → 0; default 0",
        why: "set: `so->so_options |= sopt->sopt_name` (or &= ~); get: `optval = so->so_options & sopt->sopt_name;` on every kind",
        source: SRC_GET,
    };
    pub const LINGER_SEC: Rule = Rule {
        id: "macos.linger.sec_wrap",
        formula: "(on, s) → (on != 0, (short)(s*kern.hz) / kern.hz); default (0,0)",
        why: "SO_LINGER_SEC (0x1080, what Rust std and socket2 use) stores `(short)((long)l.l_linger * hz)` even when l_onoff is 0, and reads `so_linger / hz` with l_onoff = `(so_options & SO_LINGER) ? 1 : 0`: exact for |s| <= 327, wraps beyond",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock / sogetoptlock SO_LINGER_SEC; tests/so_linger.c",
    };
    pub const LINGER_TICKS: Rule = Rule {
        id: "macos.linger.ticks_short",
        formula: "(on, t) → (on != 0, (short)t) in clock ticks (kern.hz a second); default (0,0)",
        why: "the plain SO_LINGER (0x80, what nix and rustix set on Apple targets) stores l_linger as given, in ticks, cut to the short so_linger (65535 reads -1, 65536 reads 0), and reads it back unscaled: a program that means 5 seconds lingers 5 ticks, 50 ms at hz 100",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock 'if (sopt->sopt_name == SO_LINGER) { so->so_linger = (short)l.l_linger; } else { so->so_linger = (short)((long)l.l_linger * hz); }', sogetoptlock 'l.l_linger = (sopt->sopt_name == SO_LINGER) ? so->so_linger : so->so_linger / hz'; tests/so_linger.c so_linger_overflow ('l_linger is stored as a short signed integer'), so_linger_500",
    };
    pub const TIMEO_EXACT: Rule = Rule {
        id: "macos.timeo.exact",
        formula: "(s, us) → (s, us); default (0,0)",
        why: "sooptcopyin_timeval then `sb_timeo = tv`, read back by sooptcopyout_timeval: a timeval is kept as given (no tick rounding)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock SO_SNDTIMEO/SO_RCVTIMEO",
    };
    pub const TIMEO_EDOM: Rule = Rule {
        id: "macos.timeo.edom",
        formula: "s < 0 or us < 0 or us >= 1000000 → EDOM",
        why: "sooptcopyin_timeval: `if (tv64.tv_sec < 0 || tv64.tv_sec > LONG_MAX || tv64.tv_usec < 0 || tv64.tv_usec >= 1000000) return EDOM;`",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sooptcopyin_timeval",
    };
    pub const LOWAT_CLAMP: Rule = Rule {
        id: "macos.lowat.clamp",
        formula: "v >= 1 → min(v, the buffer's sb_hiwat)",
        why: "sosetoptlock: `sb_lowat = (optval > sb_hiwat) ? sb_hiwat : optval;` (for SO_SNDLOWAT on AF_UNIX hiwat adds the peer's unp_cc, 0 while idle)",
        source: SRC_SET,
    };
    pub const LOWAT_DEFAULT: Rule = Rule {
        id: "macos.lowat.default",
        formula: "SO_RCVLOWAT 1; SO_SNDLOWAT min(2048, snd hiwat), 1 on unix-dgram from macOS 13",
        why: "soreserve sets rcv lowat 1 and snd lowat MCLBYTES (2048) when unset, capped at hiwat; from xnu-8792.41.9 (macOS 13) unp_attach sets the dgram snd lowat to 1 first (absent at xnu-6153 and xnu-7195, so 2048 there; the release \"11\" model, covering 11 to 13, says 2048)",
        source: "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c soreserve; bsd/kern/uipc_usrreq.c unp_attach 'so->so_snd.sb_lowat = 1;' (first in xnu-8792.41.9)",
    };
    pub const IDENTITY_SET: Rule = Rule {
        id: "macos.identity.set",
        formula: "set SO_TYPE / SO_ERROR → ENOPROTOOPT",
        why: "sosetoptlock has no case for them: `default: error = ENOPROTOOPT;`",
        source: SRC_SET,
    };
    pub const SO_TYPE: Rule = Rule {
        id: "macos.identity.type",
        formula: "SOCK_STREAM 1 / SOCK_DGRAM 2",
        why: "sogetoptlock: `optval = so->so_type;`",
        source: SRC_GET,
    };
    pub const SO_ERROR: Rule = Rule {
        id: "macos.identity.error",
        formula: "so_error (0 in every modelled state), then cleared",
        why:
            "sogetoptlock: `optval = so->so_error; so->so_error = 0;`; no modelled state leaves an error pending",
        source: SRC_GET,
    };
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Send,
    Recv,
}

fn sysctl(kind: Kind, side: Side) -> &'static str {
    match (kind, side) {
        (Kind::Tcp4 | Kind::Tcp6, Side::Send) => "net.inet.tcp.sendspace",
        (Kind::Tcp4 | Kind::Tcp6, Side::Recv) => "net.inet.tcp.recvspace",
        (Kind::Udp4 | Kind::Udp6, Side::Send) => "net.inet.udp.maxdgram",
        (Kind::Udp4 | Kind::Udp6, Side::Recv) => "net.inet.udp.recvspace",
        (Kind::UnixStream, Side::Send) => "net.local.stream.sendspace",
        (Kind::UnixStream, Side::Recv) => "net.local.stream.recvspace",
        (Kind::UnixDgram, Side::Send) => "net.local.dgram.maxdgram",
        (Kind::UnixDgram, Side::Recv) => "net.local.dgram.recvspace",
        // Never asked: socket() has failed first (macos.unix_seqpacket.no_socket).
        (Kind::UnixSeqpacket, Side::Send) => "net.local.stream.sendspace",
        (Kind::UnixSeqpacket, Side::Recv) => "net.local.stream.recvspace",
        // Never asked: socket() fails first (macos.raw.needs_root).
        (Kind::Raw4 | Kind::Raw6, Side::Send) => "net.inet.udp.maxdgram",
        (Kind::Raw4 | Kind::Raw6, Side::Recv) => "net.inet.udp.recvspace",
        (Kind::Icmp4 | Kind::Icmp6, Side::Send) => "net.inet.raw.maxdgram",
        (Kind::Icmp4 | Kind::Icmp6, Side::Recv) => "net.inet.raw.recvspace",
        // Never asked: socket() fails first (macos.mptcp.no_protocol).
        (Kind::Mptcp4 | Kind::Mptcp6, Side::Send) => "net.inet.tcp.sendspace",
        (Kind::Mptcp4 | Kind::Mptcp6, Side::Recv) => "net.inet.tcp.recvspace",
    }
}

/// The MSS tcp_mss() settles on over loopback (macos.tcp.maxseg_connected).
pub fn loopback_mss(mac: &MacOs, kind: Kind) -> i128 {
    let headers = if kind.domain() == Domain::Ipv6 { 60 } else { 40 };
    mac.sym(super::facts::LO0_MTU).value - headers - 12
}

/// What sbreserve(cc) leaves in sb_hiwat from `before`, or None for ENOBUFS.
fn sbreserve(mac: &MacOs, before: i128, cc: i128) -> Option<Expr> {
    let sb_max = mac.sym("kern.ipc.maxsockbuf");
    match mac.release.over_limit {
        OverLimit::Enobufs if cc > sb_max.value * 2048 / 2304 => None,
        OverLimit::Clamp if cc > sb_max.value && before == sb_max.value => None,
        OverLimit::Clamp if cc > sb_max.value => Some(Expr::of(sb_max)),
        _ => Some(Expr::lit(cc)),
    }
}

/// A buffer's size before any set: the sysctl, rounded by tcp_mss once a
/// TCP connection is set up.
pub fn default_buffer(c: &Ctx<'_>, side: Side) -> (Expr, &'static Rule) {
    let base = c.sym(sysctl(c.kind, side));
    if !(c.kind.is_tcp() && c.state == State::Connected) {
        return (Expr::of(base), &BUF_DEFAULT);
    }
    let mss = loopback_mss(c.facts, c.kind);
    let size = base.value;
    let grows = match side {
        Side::Send => size >= mss,
        Side::Recv => size > mss,
    };
    if !grows || mss <= 0 {
        return (Expr::of(base), &BUF_TCP_MSS_ROUND);
    }
    let rounded = (size + mss - 1) / mss * mss;
    let name = match side {
        Side::Send => "roundup(net.inet.tcp.sendspace,mss)",
        Side::Recv => "roundup(net.inet.tcp.recvspace,mss)",
    };
    let after = match sbreserve(c.facts, size, rounded) {
        Some(e) if e.value() == rounded => Expr::of(Sym { name, value: rounded }),
        Some(e) => e,
        None => Expr::of(base),
    };
    (after, &BUF_TCP_MSS_ROUND)
}

/// The request as the C int the kernel copies in.
fn c_int(e: Expr) -> Expr {
    e.map_value(|v| i128::from(v as i32))
}

pub fn buffer(o: BufferOpt, c: &Ctx<'_>) -> Prediction {
    let side = match o {
        BufferOpt::Sndbuf => Side::Send,
        BufferOpt::Rcvbuf => Side::Recv,
        _ => return crate::platform::gated(),
    };
    let (before, default_rule) = default_buffer(c, side);
    let v = match c.request {
        Request::Default => return ok_int(before, default_rule),
        Request::Set(RelativeValue::Int(e)) => c_int(*e),
        Request::Set(_) => return crate::platform::gated(),
    };
    if v.value() < 1 {
        return err("EINVAL", &BUF_EINVAL);
    }
    let over = v.value() > c.sym("kern.ipc.maxsockbuf").value * 2048 / 2304;
    let rule = match c.facts.release.over_limit {
        OverLimit::Enobufs if over => &BUF_ENOBUFS,
        OverLimit::Clamp if v.value() > c.sym("kern.ipc.maxsockbuf").value => &BUF_CLAMP,
        _ => &BUF_EXACT,
    };
    match sbreserve(c.facts, before.value(), v.value()) {
        None => err("ENOBUFS", rule),
        Some(e) if e.value() == v.value() => ok_int(v, rule),
        Some(e) => ok_int(e, rule),
    }
}

pub fn predict(o: SocketOpt, c: &Ctx<'_>) -> Prediction {
    match o {
        SocketOpt::Keepalive
        | SocketOpt::Reuseaddr
        | SocketOpt::Reuseport
        | SocketOpt::Broadcast
        | SocketOpt::Oobinline
        | SocketOpt::Dontroute
        | SocketOpt::Timestamp
        | SocketOpt::TimestampMonotonic => flag(o, c),
        SocketOpt::Nosigpipe | SocketOpt::Noaddrerr => {
            let bit = if o == SocketOpt::Nosigpipe { 1 } else { 2 };
            let on = c.int().is_some_and(|e| c_int(e).value() != 0);
            ok_int(Expr::lit(if on { bit } else { 0 }), &SOF_FLAG)
        }
        SocketOpt::Acceptconn => err("ENOPROTOOPT", &ACCEPTCONN_UNKNOWN),
        SocketOpt::Nread | SocketOpt::Nwrite => match c.request {
            Request::Default => ok_int(Expr::lit(0), &NREAD_NWRITE),
            Request::Set(_) => err("ENOPROTOOPT", &NREAD_NWRITE),
        },
        SocketOpt::Linger => linger(c, c.sym("kern.hz").value.max(1), &LINGER_SEC),
        SocketOpt::LingerTicks => linger(c, 1, &LINGER_TICKS),
        SocketOpt::Rcvtimeo | SocketOpt::Sndtimeo => timeout(c),
        SocketOpt::Rcvlowat => lowat(c, Side::Recv),
        SocketOpt::Sndlowat => lowat(c, Side::Send),
        SocketOpt::Type => identity(c, &SO_TYPE, if c.kind.is_stream() { 1 } else { 2 }),
        SocketOpt::Error => identity(c, &SO_ERROR, 0),
        _ => crate::platform::gated(),
    }
}

fn flag(o: SocketOpt, c: &Ctx<'_>) -> Prediction {
    let bit = i128::from(crate::catalog::spec(Opt::Socket(o)).codes.macos.unwrap_or(0));
    match c.request {
        Request::Default => ok_int(Expr::lit(0), &FLAG_BIT),
        Request::Set(RelativeValue::Int(e)) => {
            let on = c_int(*e).value() != 0;
            ok_int(Expr::lit(if on { bit } else { 0 }), &FLAG_BIT)
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

/// SO_LINGER_SEC (`per_unit` = kern.hz) and the plain SO_LINGER (1): XNU
/// keeps `l_linger * per_unit` in the short so_linger and reads it back
/// divided by the same.
fn linger(c: &Ctx<'_>, per_unit: i128, rule: &'static Rule) -> Prediction {
    match c.request {
        Request::Default => ok(RelativeValue::linger(0, 0), rule),
        Request::Set(RelativeValue::Linger(on, given)) => {
            let on = i128::from(c_int(*on).value() != 0);
            let given = c_int(*given);
            let stored = i128::from((given.value().wrapping_mul(per_unit)) as i16);
            let read = stored / per_unit;
            let read = if read == given.value() {
                given
            } else {
                Expr::lit(read)
            };
            ok(RelativeValue::Linger(Expr::lit(on), read), rule)
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

fn timeout(c: &Ctx<'_>) -> Prediction {
    match c.request {
        Request::Default => ok(RelativeValue::time(0, 0), &TIMEO_EXACT),
        Request::Set(RelativeValue::Time(sec, usec)) => {
            let (s, us) = (sec.value(), usec.value());
            if s < 0 || s > i128::from(i64::MAX) || !(0..1_000_000).contains(&us) {
                err("EDOM", &TIMEO_EDOM)
            } else {
                ok(RelativeValue::Time(*sec, *usec), &TIMEO_EXACT)
            }
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

fn lowat(c: &Ctx<'_>, side: Side) -> Prediction {
    let (hiwat, _) = default_buffer(c, side);
    match c.request {
        Request::Default => {
            let v = match (side, c.kind) {
                (Side::Recv, _) => Expr::lit(1),
                (Side::Send, Kind::UnixDgram) if c.facts.release.dgram_sndlowat_one => Expr::lit(1),
                (Side::Send, _) => Expr::lit(2048).min(hiwat),
            };
            ok_int(v, &LOWAT_DEFAULT)
        }
        Request::Set(RelativeValue::Int(e)) => {
            let v = c_int(*e);
            if v.value() < 1 {
                err("EINVAL", &BUF_EINVAL)
            } else {
                ok_int(v.min(hiwat), &LOWAT_CLAMP)
            }
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

fn identity(c: &Ctx<'_>, rule: &'static Rule, value: i128) -> Prediction {
    match c.request {
        Request::Default => ok_int(Expr::lit(value), rule),
        Request::Set(_) => err("ENOPROTOOPT", &IDENTITY_SET),
    }
}
