//! SOL_SOCKET options: sosetopt / sogetopt, sbsetopt / sbreserve_locked.

use super::shared::{int, src, Ctx};
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::kind::{Domain, Kind, SockType, State};
use crate::option::{BufferOpt, SocketOpt};
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

crate::rules! {
    pub const BUF_EINVAL: Rule = Rule {
        id: "freebsd.buf.einval",
        formula: "v < 1 => EINVAL",
        why: "values < 1 make no sense for the buffer sizes and low-water marks: refused before any reservation (in sosetopt up to 13, in sbsetopt from 14)",
        source: src!(F, "sys/kern/uipc_sockbuf.c sbsetopt 'if (optval < 1) return (EINVAL);'; releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sosetopt"),
    };
    pub const BUF_ENOBUFS: Rule = Rule {
        id: "freebsd.buf.enobufs",
        formula: "(u_int)v > sb_max_adj => ENOBUFS, sb_max_adj = kern.ipc.maxsockbuf*MCLBYTES/(MSIZE+MCLBYTES)",
        why: "sbreserve_locked refuses more than BUF_MAX_ADJ(sb_max) (1864135 for the stock 2 MiB; MSIZE 256, MCLBYTES 2048); no clamping",
        source: src!(F, "sys/kern/uipc_sockbuf.c sbreserve_locked_limit 'if (cc > BUF_MAX_ADJ(buf_max)) return (false);' and sbsetopt 'error = ENOBUFS'"),
    };
    pub const BUF_EXACT: Rule = Rule {
        id: "freebsd.buf.exact",
        formula: "1 <= v <= sb_max_adj => v",
        why: "sbreserve_locked stores the size as asked: no doubling, minimum or rounding, and SB_AUTOSIZE is cleared (RLIMIT_SBSIZE is unlimited by default)",
        source: src!(F, "sys/kern/uipc_sockbuf.c sbsetopt / sbreserve_locked"),
    };
    pub const BUF_LISTEN: Rule = Rule {
        id: "freebsd.buf.listen",
        formula: "listening: v > sb_max_adj => ENOBUFS else sol_sb*_hiwat = v",
        why: "a listening socket keeps its buffer options in sol_sb*_hiwat (copied from the buffers by solisten_proto) and a set stores the size there exactly (read at 1400507, 1500012 and main; at 13.1 sogetopt reads sol_sb*_hiwat, but sbsetopt's body there was not read: UNCONFIRMED for 13, taken the same)",
        source: concat!(
            src!(F, "sys/kern/uipc_sockbuf.c sbsetopt (SOLISTENING branch 'if (cc > sb_max_adj) error = ENOBUFS; ... *hiwat = cc'), the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162); main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c solisten_proto / sogetopt"),
            "; ",
            src!(R13, "sys/kern/uipc_socket.c sogetopt 'optval = SOLISTENING(so) ? so->sol_sbsnd_hiwat : so->so_snd.sb_hiwat'")
        ),
    };
    pub const BUF_DEFAULT: Rule = Rule {
        id: "freebsd.buf.default",
        formula: "tcp: net.inet.tcp.{send,recv}space; udp: net.inet.udp.maxdgram / net.inet.udp.recvspace; unix-stream: net.local.stream.*; unix-dgram: net.local.dgram.recvspace both (14+), maxdgram / recvspace (13); unix-seqpacket: net.local.seqpacket.maxseqpacket / recvspace",
        why: "each protocol's attach calls soreserve with its sysctls; FreeBSD 14's unix/dgram rewrite gives both buffers unpdg_recvspace ('sendspace = recvspace = unpdg_recvspace')",
        source: src!(F, "sys/netinet/tcp_usrreq.c tcp_usr_attach, sys/netinet/udp_usrreq.c udp_attach, sys/kern/uipc_usrreq.c uipc_attach; pre-14 uipc_usrreq.c unpdg_sendspace 2*1024 / unpdg_recvspace 4*1024"),
    };
    pub const BUF_TCP_MSS_ROUND: Rule = Rule {
        id: "freebsd.buf.tcp_mss_round",
        formula: "connected tcp default: roundup(hiwat, mss), mss = lo0.mtu - 40 (v4) / 60 (v6)",
        why: "tcp_mss rounds both buffers up to a multiple of the MSS when the connection is set up (if larger; capped at sb_max); a size set after connect is exact. The loopback MSS is lo0's 16384 less 40 / 60 bytes of headers (see freebsd.tcp.maxseg_default); autosizing can grow the buffers later while data flows",
        source: src!(S14, "sys/netinet/tcp_input.c tcp_mss 'bufsize = roundup(bufsize, mss); if (bufsize > sb_max) bufsize = sb_max; if (bufsize > so->so_snd.sb_hiwat) (void)sbreserve_locked(...)'"),
    };
    pub const LOWAT: Rule = Rule {
        id: "freebsd.lowat",
        formula: "v < 1 => EINVAL else min(v, hiwat)",
        why: "sbsetopt clamps the low-water mark to the buffer's high-water mark ('Make sure the low-water is never greater than the high-water')",
        source: src!(F, "sys/kern/uipc_sockbuf.c sbsetopt '*lowat = (cc > *hiwat) ? *hiwat : cc;'"),
    };
    pub const LOWAT_DEFAULT: Rule = Rule {
        id: "freebsd.lowat.default",
        formula: "rcv 1; snd min(MCLBYTES 2048, hiwat)",
        why: "soreserve sets so_rcv.sb_lowat to 1 and so_snd.sb_lowat to MCLBYTES, clamped to the send buffer",
        source: src!(F, "sys/kern/uipc_sockbuf.c soreserve"),
    };
    pub const FLAG_BIT: Rule = Rule {
        id: "freebsd.flag_bit",
        formula: "v != 0 => so_options & SO_x (the bit: REUSEADDR 4, KEEPALIVE 8, DONTROUTE 16, BROADCAST 32, OOBINLINE 256, REUSEPORT 512, TIMESTAMP 1024, NOSIGPIPE 2048, BINTIME 8192, REUSEPORT_LB 65536) else 0",
        why: "sosetopt sets the option's bit for any non-zero int on every kind (the protocol's follow-up pr_ctloutput error is ignored), and sogetopt returns so_options & name, the bit itself",
        source: src!(M, "sys/kern/uipc_socket.c sosetopt 'so->so_options |= sopt->sopt_name' / sogetopt 'optval = so->so_options & sopt->sopt_name'"),
    };
    pub const ACCEPTCONN: Rule = Rule {
        id: "freebsd.so.acceptconn_bit",
        formula: "listening ? SO_ACCEPTCONN (2) : 0; set => ENOPROTOOPT",
        why: "solisten sets the SO_ACCEPTCONN bit of so_options and sogetopt returns so_options & SO_ACCEPTCONN, the bit itself (2), not 1; sosetopt has no case for it",
        source: src!(F13, "sys/kern/uipc_socket.c sogetopt 'case SO_ACCEPTCONN: ... optval = so->so_options & sopt->sopt_name', solisten_proto 'so->so_options |= SO_ACCEPTCONN', sosetopt default 'error = ENOPROTOOPT'; the same at stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162)"),
    };
    pub const TS_CLOCK: Rule = Rule {
        id: "freebsd.so.ts_clock",
        formula: "0 <= v <= SO_TS_CLOCK_MAX (3) else EINVAL; default 0",
        why: "SO_TS_CLOCK picks the clock SO_TIMESTAMP reports: realtime in microseconds (0), bintime (1), realtime in nanoseconds (2) or monotonic (3)",
        source: src!(F13, "sys/kern/uipc_socket.c sosetopt case SO_TS_CLOCK 'if (optval < 0 || optval > SO_TS_CLOCK_MAX) { error = EINVAL; ...}', sogetopt 'optval = so->so_ts_clock'; sys/sys/socket.h SO_TS_CLOCK_MAX SO_TS_MONOTONIC (3)"),
    };
    pub const PACING: Rule = Rule {
        id: "freebsd.so.max_pacing_rate",
        formula: "v (stored as uint32_t, read back as int); default 0",
        why: "SO_MAX_PACING_RATE is kept as a uint32_t with no check (the protocol hook's EOPNOTSUPP without RATELIMIT is ignored), so every int reads back as itself; 0 means no limit",
        source: src!(F13, "sys/kern/uipc_socket.c sosetopt case SO_MAX_PACING_RATE 'sooptcopyin(sopt, &val32, sizeof(val32), sizeof(val32)); so->so_max_pacing_rate = val32', sogetopt 'optval = so->so_max_pacing_rate'; sys/sys/socketvar.h 'uint32_t so_max_pacing_rate'"),
    };
    pub const SETFIB: Rule = Rule {
        id: "freebsd.so.setfib",
        formula: "0 <= v < net.fibs => ok, else EINVAL; every read => ENOPROTOOPT (no getter)",
        why: "sosetopt checks the table number against rt_numfibs (net.fibs: 1 unless the kernel was built with options ROUTETABLES, as F-Stack is with 16 in lib/opt/opt_route.h, or the loader tunable raised it) and stores it in so_fibnum (0 on a unix socket); sogetopt has no SO_SETFIB case, so a read is ENOPROTOOPT whatever was set: only the set's own error tells",
        source: src!(F13, "sys/kern/uipc_socket.c sosetopt case SO_SETFIB 'if (optval < 0 || optval >= rt_numfibs) { error = EINVAL; goto bad; }', sogetopt (no SO_SETFIB case: 'default: ... error = ENOPROTOOPT'); sys/net/route/route_tables.c 'RT_NUMFIBS 1', '_rt_numfibs) = RT_NUMFIBS'; the same sogetopt in a 14-era copy with SO_RERROR (tag UNCONFIRMED)"),
    };
    pub const USER_COOKIE: Rule = Rule {
        id: "freebsd.so.user_cookie",
        formula: "set: any int (kept as uint32) => ok; every read => ENOPROTOOPT (no getter)",
        why: "sosetopt copies SO_USER_COOKIE into so_user_cookie with no check (a tag ipfw and dummynet match on); sogetopt has no case for it, so a read is ENOPROTOOPT whatever was set",
        source: src!(F13, "sys/kern/uipc_socket.c sosetopt case SO_USER_COOKIE 'sooptcopyin(sopt, &val32, sizeof val32, sizeof val32); so->so_user_cookie = val32', sogetopt (no SO_USER_COOKIE case: 'error = ENOPROTOOPT'); the same sogetopt in a 14-era copy with SO_RERROR (tag UNCONFIRMED)"),
    };
    pub const LISTEN_QUEUE: Rule = Rule {
        id: "freebsd.so.listen_queue",
        formula: "SO_LISTENQLIMIT: listening ? backlog (8 here; < 0 or > kern.ipc.soacceptqueue => soacceptqueue) : 0; SO_LISTENQLEN, SO_LISTENINCQLEN: the listener's complete / incomplete queue lengths (none waiting here), 0 otherwise; set => ENOPROTOOPT",
        why: "sogetopt reads sol_qlimit, sol_qlen and sol_incqlen only from a listening socket and answers 0 for any other; solisten_proto stores the backlog listen() was given; sosetopt has no case for any of the three",
        source: src!(F13, "sys/kern/uipc_socket.c sogetopt 'case SO_LISTENQLIMIT: optval = SOLISTENING(so) ? so->sol_qlimit : 0' (SO_LISTENQLEN sol_qlen, SO_LISTENINCQLEN sol_incqlen), solisten_proto 'if (backlog < 0 || backlog > somaxconn) backlog = somaxconn; so->sol_qlimit = backlog', sosetopt default ENOPROTOOPT"),
    };
    pub const LINGER: Rule = Rule {
        id: "freebsd.linger",
        formula: "(l_onoff != 0 ? 128 : 0, (short)l_linger)",
        why: "sosetopt stores l_linger even when lingering is off, in so_linger, a short (so 32768..65535 read back negative: 40000 reads -25536), and sets the SO_LINGER bit iff l_onoff != 0; sogetopt reports l_onoff = so_options & SO_LINGER (0x80)",
        source: src!(M, "sys/kern/uipc_socket.c sosetopt 'so->so_linger = l.l_linger' / sogetopt 'l.l_onoff = so->so_options & SO_LINGER'; sys/sys/socketvar.h 'short so_linger;' (the same at 13.0 as vendored in F-Stack 5cb586b5, releng/13.1, stable/14 1400507 and main 1500012)"),
    };
    pub const LINGER_EDOM: Rule = Rule {
        id: "freebsd.linger.edom",
        formula: "l_linger < 0 || l_linger > USHRT_MAX || l_linger > INT_MAX/hz => EDOM",
        why: "sosetopt range-checks the linger time (present in 13.1 and main)",
        source: src!(M, "sys/kern/uipc_socket.c sosetopt case SO_LINGER; releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) same check"),
    };
    pub const TIMEO: Rule = Rule {
        id: "freebsd.timeo",
        formula: "(sec, usec) round-trips exactly; (0,0) = no timeout",
        why: "sosetopt converts with tvtosbt and sogetopt back with sbttotv; the us conversions round-trip (time.h: 'we get all the ns, us and ms conversions back and forth right'). Listening sockets keep it in sol_sb*_timeo (read at 1400507 and main). 13.1 has no listening branch: set and get both use so_snd/so_rcv.sb_timeo, on a listening socket a slot of the union it shares with the sol_* fields, so the value still reads back as set (though accepted sockets inherit sol_sb*_timeo, copied at listen())",
        source: concat!(
            src!(M, "sys/kern/uipc_socket.c sosetopt / sogetopt case SO_SNDTIMEO/SO_RCVTIMEO; sys/sys/time.h ustosbt / sbttous"),
            "; ",
            src!(R13, "sys/kern/uipc_socket.c sosetopt 'case SO_SNDTIMEO: so->so_snd.sb_timeo = val' / sogetopt 'tv = sbttotv(... so->so_snd.sb_timeo ...)'")
        ),
    };
    pub const TIMEO_EDOM: Rule = Rule {
        id: "freebsd.timeo.edom",
        formula: "tv_sec < 0 || tv_usec < 0 || tv_usec >= 1000000 => EDOM",
        why: "sosetopt refuses a negative or unnormalised timeval",
        source: src!(M, "sys/kern/uipc_socket.c sosetopt 'if (tv.tv_sec < 0 || tv.tv_usec < 0 || tv.tv_usec >= 1000000) error = EDOM'"),
    };
    pub const TIMEO_HUGE: Rule = Rule {
        id: "freebsd.timeo.huge",
        formula: "tv_sec > INT32_MAX => SBT_MAX => (2147483647, 999999)",
        why: "sosetopt saturates a timeval beyond INT32_MAX seconds to SBT_MAX, which sbttotv reads as 2147483647 s and sbttous(0xffffffff) = 999999 us (worked out from the source at main and stable/14 1400507; no published test shows it)",
        source: src!(M, "sys/kern/uipc_socket.c sosetopt 'if (tv.tv_sec > INT32_MAX) val = SBT_MAX'"),
    };
    pub const IDENTITY: Rule = Rule {
        id: "freebsd.identity",
        formula: "SO_TYPE 1/2, SO_DOMAIN 1/2/28, SO_PROTOCOL 6/17/0, SO_ERROR 0; set => ENOPROTOOPT",
        why: "sogetopt reports so_type, the domain's family, pr_protocol and so_error (then so_rerror); sosetopt has no case for them and answers ENOPROTOOPT",
        source: src!(M, "sys/kern/uipc_socket.c sogetopt case SO_TYPE/SO_DOMAIN/SO_PROTOCOL/SO_ERROR, sosetopt default 'error = ENOPROTOOPT'"),
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Side {
    Send,
    Recv,
}

/// The sysctl soreserve used for this kind's buffer.
pub(super) fn default_sysctl(ctx: &Ctx<'_>, side: Side) -> &'static str {
    match (ctx.kind, side) {
        (Kind::Tcp4 | Kind::Tcp6, Side::Send) => "net.inet.tcp.sendspace",
        (Kind::Tcp4 | Kind::Tcp6, Side::Recv) => "net.inet.tcp.recvspace",
        (Kind::Udp4 | Kind::Udp6, Side::Send) => "net.inet.udp.maxdgram",
        (Kind::Udp4 | Kind::Udp6, Side::Recv) => "net.inet.udp.recvspace",
        (Kind::UnixStream, Side::Send) => "net.local.stream.sendspace",
        (Kind::UnixStream, Side::Recv) => "net.local.stream.recvspace",
        (Kind::UnixDgram, Side::Send) if !ctx.release().fourteen_or_later() => "net.local.dgram.maxdgram",
        (Kind::UnixDgram, _) => "net.local.dgram.recvspace",
        (Kind::UnixSeqpacket, Side::Send) => "net.local.seqpacket.maxseqpacket",
        (Kind::UnixSeqpacket, Side::Recv) => "net.local.seqpacket.recvspace",
        // Never asked: socket() fails first (freebsd.raw.needs_privilege,
        // freebsd.icmp.no_datagram_socket).
        (Kind::Raw4 | Kind::Raw6 | Kind::Icmp4 | Kind::Icmp6, Side::Send) => "net.inet.udp.maxdgram",
        (Kind::Raw4 | Kind::Raw6 | Kind::Icmp4 | Kind::Icmp6, Side::Recv) => "net.inet.udp.recvspace",
        // Never asked: socket() fails first (freebsd.mptcp.no_protocol).
        (Kind::Mptcp4 | Kind::Mptcp6, Side::Send) => "net.inet.tcp.sendspace",
        (Kind::Mptcp4 | Kind::Mptcp6, Side::Recv) => "net.inet.tcp.recvspace",
    }
}

/// The loopback MSS a connected TCP socket ends with (freebsd.tcp.maxseg_default).
pub fn loopback_mss(ctx: &Ctx<'_>) -> i128 {
    let header = if ctx.kind.domain() == Domain::Ipv6 { 60 } else { 40 };
    ctx.sym("lo0.mtu").value - header
}

/// What tcp_mss makes of a buffer of `hiwat` bytes when a TCP connection
/// is set up (freebsd.buf.tcp_mss_round): `None` where it leaves it alone.
pub fn mss_rounded(ctx: &Ctx<'_>, hiwat: i128) -> Option<i128> {
    let mss = loopback_mss(ctx);
    if mss <= 0 || hiwat <= mss {
        return None;
    }
    let sb_max = ctx.sym("kern.ipc.maxsockbuf").value;
    Some(((hiwat + mss - 1) / mss * mss).min(sb_max).max(hiwat))
}

/// The buffer's size before any set: the protocol's default, rounded up to
/// the MSS on a connected TCP socket.
fn default_hiwat(ctx: &Ctx<'_>, side: Side) -> (Expr, Vec<&'static Rule>) {
    let base = ctx.fact(default_sysctl(ctx, side));
    if ctx.kind.is_tcp() && ctx.state == State::Connected {
        if let Some(rounded) = mss_rounded(ctx, base.value()) {
            return (Expr::lit(rounded), vec![&BUF_DEFAULT, &BUF_TCP_MSS_ROUND]);
        }
    }
    (base, vec![&BUF_DEFAULT])
}

pub(super) fn sb_max_adj(ctx: &Ctx<'_>) -> Sym {
    Sym {
        name: "sb_max_adj",
        value: ctx.sym("kern.ipc.maxsockbuf").value * 2048 / (256 + 2048),
    }
}

fn side_of(o: BufferOpt) -> Side {
    match o {
        BufferOpt::Sndbuf | BufferOpt::Sndbufforce => Side::Send,
        BufferOpt::Rcvbuf | BufferOpt::Rcvbufforce => Side::Recv,
    }
}

pub fn buffer(ctx: &Ctx<'_>, o: BufferOpt, request: &Request) -> Prediction {
    match o {
        BufferOpt::Sndbuf | BufferOpt::Rcvbuf => {
            let v = match int(request) {
                None => {
                    let (e, rules) = default_hiwat(ctx, side_of(o));
                    return Prediction::ok(RelativeValue::Int(e), rules);
                }
                Some(v) => v,
            };
            let store = if ctx.state == State::Listening {
                &BUF_LISTEN
            } else {
                &BUF_EXACT
            };
            if v.value() < 1 {
                return Prediction::err("EINVAL", vec![&BUF_EINVAL]);
            }
            if v.value() > sb_max_adj(ctx).value {
                return Prediction::err("ENOBUFS", vec![&BUF_ENOBUFS]);
            }
            Prediction::ok(RelativeValue::Int(v), vec![store])
        }
        _ => crate::platform::gated(),
    }
}

fn lowat(ctx: &Ctx<'_>, side: Side, request: &Request) -> Prediction {
    let (hiwat, _) = default_hiwat(ctx, side);
    match int(request) {
        None => {
            let v = match side {
                Side::Recv => Expr::lit(1),
                Side::Send => Expr::lit(2048).min(hiwat),
            };
            Prediction::ok(RelativeValue::Int(v), vec![&LOWAT_DEFAULT])
        }
        Some(v) if v.value() < 1 => Prediction::err("EINVAL", vec![&BUF_EINVAL]),
        Some(v) => Prediction::ok(RelativeValue::Int(v.min(hiwat)), vec![&LOWAT]),
    }
}

fn flag(bit: i128, request: &Request) -> Prediction {
    match int(request) {
        None => Prediction::ok(RelativeValue::int(0), vec![&FLAG_BIT]),
        Some(v) => Prediction::ok(
            RelativeValue::int(if v.value() != 0 { bit } else { 0 }),
            vec![&FLAG_BIT],
        ),
    }
}

fn linger(ctx: &Ctx<'_>, request: &Request) -> Prediction {
    match request {
        Request::Default => Prediction::ok(RelativeValue::linger(0, 0), vec![&LINGER]),
        Request::Set(RelativeValue::Linger(on, secs)) => {
            let s = secs.value();
            if s < 0 || s > i128::from(u16::MAX) || s > i128::from(i32::MAX) / ctx.hz() {
                return Prediction::err("EDOM", vec![&LINGER_EDOM]);
            }
            let onoff = if on.value() != 0 { 0x80 } else { 0 };
            let stored = secs.map_value(|v| i128::from(v as i16));
            Prediction::ok(RelativeValue::Linger(Expr::lit(onoff), stored), vec![&LINGER])
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

fn timeo(request: &Request) -> Prediction {
    match request {
        Request::Default => Prediction::ok(RelativeValue::time(0, 0), vec![&TIMEO]),
        Request::Set(RelativeValue::Time(sec, usec)) => {
            let (s, us) = (sec.value(), usec.value());
            if s < 0 || !(0..1_000_000).contains(&us) {
                return Prediction::err("EDOM", vec![&TIMEO_EDOM]);
            }
            if s > i128::from(i32::MAX) {
                return Prediction::ok(
                    RelativeValue::time(i128::from(i32::MAX), 999_999),
                    vec![&TIMEO_HUGE],
                );
            }
            Prediction::ok(RelativeValue::Time(*sec, *usec), vec![&TIMEO])
        }
        Request::Set(_) => crate::platform::gated(),
    }
}

fn identity(request: &Request, value: i128) -> Prediction {
    match request {
        Request::Default => Prediction::ok(RelativeValue::int(value), vec![&IDENTITY]),
        Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&IDENTITY]),
    }
}

pub fn predict(ctx: &Ctx<'_>, o: SocketOpt, request: &Request) -> Prediction {
    match o {
        SocketOpt::Keepalive => flag(0x8, request),
        SocketOpt::Reuseaddr => flag(0x4, request),
        SocketOpt::Reuseport => flag(0x200, request),
        SocketOpt::Broadcast => flag(0x20, request),
        SocketOpt::Oobinline => flag(0x100, request),
        SocketOpt::Dontroute => flag(0x10, request),
        SocketOpt::Linger => linger(ctx, request),
        SocketOpt::Rcvtimeo | SocketOpt::Sndtimeo => timeo(request),
        SocketOpt::Rcvlowat => lowat(ctx, Side::Recv, request),
        SocketOpt::Sndlowat => lowat(ctx, Side::Send, request),
        SocketOpt::Type => identity(
            request,
            match ctx.kind.sock_type() {
                SockType::Stream => 1,
                SockType::Dgram => 2,
                SockType::Seqpacket => 5,
                SockType::Raw => 3,
            },
        ),
        SocketOpt::Domain => identity(
            request,
            match ctx.kind.domain() {
                Domain::Unix => 1,
                Domain::Ipv4 => 2,
                Domain::Ipv6 => 28,
            },
        ),
        SocketOpt::Protocol => identity(
            request,
            match ctx.kind {
                Kind::Tcp4 | Kind::Tcp6 => 6,
                Kind::Udp4 | Kind::Udp6 => 17,
                Kind::UnixStream | Kind::UnixDgram | Kind::UnixSeqpacket => 0,
                Kind::Raw4 | Kind::Raw6 => crate::kind::IPPROTO_RAW.into(),
                // Never asked: socket() fails first.
                Kind::Icmp4 => crate::kind::IPPROTO_ICMP.into(),
                Kind::Icmp6 => crate::kind::IPPROTO_ICMPV6.into(),
                Kind::Mptcp4 | Kind::Mptcp6 => crate::kind::IPPROTO_MPTCP.into(),
            },
        ),
        SocketOpt::Error => identity(request, 0),
        SocketOpt::Timestamp => flag(0x400, request),
        SocketOpt::Nosigpipe => flag(0x800, request),
        SocketOpt::Bintime => flag(0x2000, request),
        SocketOpt::ReuseportLb => flag(0x10000, request),
        SocketOpt::Acceptconn => match request {
            Request::Default => Prediction::ok(
                RelativeValue::int(if ctx.state == State::Listening { 2 } else { 0 }),
                vec![&ACCEPTCONN],
            ),
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&ACCEPTCONN]),
        },
        SocketOpt::TsClock => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&TS_CLOCK]),
            Some(v) if (0..=3).contains(&v.value()) => Prediction::ok(RelativeValue::Int(v), vec![&TS_CLOCK]),
            Some(_) => Prediction::err("EINVAL", vec![&TS_CLOCK]),
        },
        SocketOpt::UserCookie => Prediction::err("ENOPROTOOPT", vec![&USER_COOKIE]),
        SocketOpt::Listenqlimit | SocketOpt::Listenqlen | SocketOpt::Listenincqlen => match request {
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&LISTEN_QUEUE]),
            Request::Default => {
                let limit = o == SocketOpt::Listenqlimit && ctx.state == State::Listening;
                let value = if limit {
                    crate::fixture::LISTEN_BACKLOG.into()
                } else {
                    0
                };
                Prediction::ok(RelativeValue::int(value), vec![&LISTEN_QUEUE])
            }
        },
        SocketOpt::Setfib => match int(request) {
            Some(v) if v.value() < 0 || v.value() >= ctx.fact("net.fibs").value() => {
                Prediction::err("EINVAL", vec![&SETFIB])
            }
            _ => Prediction::err("ENOPROTOOPT", vec![&SETFIB]),
        },
        SocketOpt::MaxPacingRate => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&PACING]),
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&PACING]),
        },
        _ => crate::platform::gated(),
    }
}
