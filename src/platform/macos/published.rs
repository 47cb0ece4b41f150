//! Published facts about macOS (XNU source at named tags, XNU's and
//! socket2's tests, public issues), one rstest case each, generated from
//! /work/scratch/research/macos/facts.jsonl: the expectation is the fact's,
//! never the model's. Releases: a fact read at xnu-6153 runs against "10.15",
//! xnu-7195/8792 against "11", xnu-10002 against "14.3", the rest against
//! the newest ("15").
//!
//! Facts about a listener's value reaching the accepted socket (state
//! connected, with a note) are checked on the connected socket itself, which
//! is what the catalogue asks; their expected values are the same there.
//!
//! Facts left out:
//! - macos-sb_max-default: names SB_MAX (the limit), not what SO_SNDBUF reads on a fresh socket (tcp_sendspace, see macos-tcp-sendspace-default)
//! - macos-tcp-mss-rounds-sndbuf: no published number; the source-derived loopback MSS is checked below (source_tcp_maxseg_loopback_*)
//! - macos-accept-inherits-bufsize: listener-to-accepted inheritance; the catalogue sets the option on the connected socket itself, and there is no stock number
//! - macos-linger-test-ticks-overflow-short: C SO_LINGER (0x80, ticks); the catalogue row SO_LINGER is SO_LINGER_SEC (0x1080)
//! - macos-issue-maxsockbuf-8388608: the sysctl kern.ipc.maxsockbuf itself, not a getsockopt result
//! - macos-linger-test-ticks-500: C SO_LINGER (0x80, ticks); the catalogue row SO_LINGER is SO_LINGER_SEC (0x1080)
//! - macos-linger-ticks-stored-short: C SO_LINGER (0x80, ticks); the catalogue row SO_LINGER is SO_LINGER_SEC (0x1080)

#![allow(clippy::too_many_arguments)]

use super::MacOs;
use crate::api::Api;
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::outcome::Outcome;
use crate::platform::published::{assert_predicts, err, linger, ok, set, time};
use crate::value::Value;
use rstest::rstest;

#[rstest]
#[case::published_so_keepalive_reads_bit(
    "SO_KEEPALIVE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(8),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_so_reuseaddr_reads_bit(
    "SO_REUSEADDR",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(4),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_so_broadcast_reads_bit("SO_BROADCAST", Kind::Udp4, State::Fresh, Api::Raw, set(-1), ok(32), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock")]
#[case::published_so_oobinline_reads_bit(
    "SO_OOBINLINE",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    set(2),
    ok(256),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_so_reuseport_reads_bit(
    "SO_REUSEPORT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(512),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/socket.h SO_REUSEPORT"
)]
#[case::published_so_keepalive_value_0x8(
    "SO_KEEPALIVE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(0),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/socket.h SO_KEEPALIVE"
)]
#[case::published_flags_inherited_by_accept(
    "SO_KEEPALIVE",
    Kind::Tcp4,
    State::Connected,
    Api::Raw,
    set(1),
    ok(8),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sonewconn_internal"
)]
#[case::published_so_keepalive_old_tag_same(
    "SO_KEEPALIVE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(8),
    Some("10.15"),
    "apple-oss-distributions/xnu xnu-6153.141.1 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_sobuf_zero_einval(
    "SO_SNDBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(0),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_sorcvbuf_negative_einval("SO_RCVBUF", Kind::Udp4, State::Fresh, Api::Raw, set(-1), err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock")]
#[case::published_sobuf_reads_hiwat(
    "SO_RCVBUF",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    set(4096),
    ok(4096),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_sbreserve_sets_hiwat_exact(
    "SO_SNDBUF",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sbreserve"
)]
#[case::published_sbreserve_clamps_15(
    "SO_SNDBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(16777216),
    ok(8388608),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sbreserve"
)]
#[case::published_sbreserve_clamp_in_14_4(
    "SO_RCVBUF",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(16777216),
    ok(8388608),
    None,
    "apple-oss-distributions/xnu xnu-10063.101.15 bsd/kern/uipc_socket2.c sbreserve"
)]
#[case::published_sbreserve_enobufs_14_3(
    "SO_RCVBUF",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(8388608),
    err("ENOBUFS"),
    Some("14.3"),
    "apple-oss-distributions/xnu xnu-10002.81.5 bsd/kern/uipc_socket2.c sbreserve"
)]
#[case::published_sbreserve_enobufs_10_15(
    "SO_SNDBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(8388608),
    err("ENOBUFS"),
    Some("10.15"),
    "apple-oss-distributions/xnu xnu-6153.141.1 bsd/kern/uipc_socket2.c sbreserve"
)]
#[case::published_sbreserve_enobufs_13(
    "SO_SNDBUF",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(2147483647),
    err("ENOBUFS"),
    Some("11"),
    "apple-oss-distributions/xnu xnu-8792.81.2 bsd/kern/uipc_socket2.c sbreserve"
)]
#[case::published_sosetopt_enobufs_when_sbreserve_fails(
    "SO_RCVBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(2147483647),
    err("ENOBUFS"),
    Some("14.3"),
    "apple-oss-distributions/xnu xnu-10002.81.5 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_tcp_sendspace_default(
    "SO_SNDBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(370688),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_sendspace"
)]
#[case::published_tcp_recvspace_default(
    "SO_RCVBUF",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(556032),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_recvspace"
)]
#[case::published_udp_maxdgram_default(
    "SO_SNDBUF",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(9216),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/udp_usrreq.c udp_sendspace"
)]
#[case::published_udp_recvspace_big_pool(
    "SO_RCVBUF",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(786896),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/udp_usrreq.c udp_init"
)]
#[case::published_unix_stream_default(
    "SO_SNDBUF",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(8192),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpst_sendspace"
)]
#[case::published_unix_dgram_sendspace(
    "SO_SNDBUF",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(2048),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpdg_sendspace"
)]
#[case::published_unix_dgram_recvspace(
    "SO_RCVBUF",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(4096),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c unpdg_recvspace"
)]
#[case::published_unix_sndbuf_adds_peer_cc(
    "SO_SNDBUF",
    Kind::UnixStream,
    State::Connected,
    Api::Raw,
    set(4096),
    ok(4096),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_buf_clears_autosize(
    "SO_RCVBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(65536),
    ok(65536),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_socket2_buffer_4096(
    "SO_RCVBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(4096),
    ok(4096),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs recv_buffer_size test"
)]
#[case::published_socket2_sndbuffer_4096_v6(
    "SO_SNDBUF",
    Kind::Tcp6,
    State::Fresh,
    Api::Socket2,
    set(4096),
    ok(4096),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs send_buffer_size test"
)]
#[case::published_rcvlowat_zero_einval(
    "SO_RCVLOWAT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(0),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_rcvlowat_clamped_to_hiwat(
    "SO_RCVLOWAT",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    set(65536),
    ok(8192),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_sndlowat_default_mclbytes(
    "SO_SNDLOWAT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(2048),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c soreserve"
)]
#[case::published_rcvlowat_default_1(
    "SO_RCVLOWAT",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c soreserve"
)]
#[case::published_unix_dgram_sndlowat_1(
    "SO_SNDLOWAT",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c unp_attach"
)]
#[case::published_sndlowat_clamped(
    "SO_SNDLOWAT",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(2147483647),
    ok(9216),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_linger_onoff_reads_1(
    "SO_LINGER",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    linger(2, 5),
    Outcome::Ok(Value::Linger(1, 5)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_linger_sec_times_hz(
    "SO_LINGER",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    linger(1, 65536),
    Outcome::Ok(Value::Linger(1, 0)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_linger_sec_divides_hz("SO_LINGER", Kind::Tcp4, State::Fresh, Api::Raw, linger(1, 65535), Outcome::Ok(Value::Linger(1, -1)), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock")]
#[case::published_hz_100(
    "SO_LINGER",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    linger(1, 1),
    Outcome::Ok(Value::Linger(1, 1)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/kern_clock.c hz"
)]
#[case::published_linger_test_sec_5(
    "SO_LINGER",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    linger(1, 5),
    Outcome::Ok(Value::Linger(1, 5)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 tests/so_linger.c so_linger_sec_5_seconds"
)]
#[case::published_linger_test_sec_negative("SO_LINGER", Kind::UnixDgram, State::Fresh, Api::Raw, linger(1, -1), Outcome::Ok(Value::Linger(1, -1)), None, "apple-oss-distributions/xnu xnu-11417.121.6 tests/so_linger.c so_linger_sec_negative")]
#[case::published_posix_linger_off_keeps_negative("SO_LINGER", Kind::Tcp4, State::Fresh, Api::Raw, linger(0, -1), Outcome::Ok(Value::Linger(0, -1)), None, "apple-oss-distributions/xnu xnu-11417.121.6 tests/posix_so_linger.c posix_so_linger_negative")]
#[case::published_posix_linger_1_5(
    "SO_LINGER",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    linger(1, 5),
    Outcome::Ok(Value::Linger(1, 5)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 tests/posix_so_linger.c posix_so_linger"
)]
#[case::published_linger_accept_inherits(
    "SO_LINGER",
    Kind::Tcp4,
    State::Connected,
    Api::Raw,
    linger(1, 5),
    Outcome::Ok(Value::Linger(1, 5)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sonewconn_internal"
)]
#[case::published_socket2_linger_uses_linger_sec(
    "SO_LINGER",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    linger(1, 10),
    Outcome::Ok(Value::Linger(1, 10)),
    None,
    "rust-lang/socket2 v0.6.3 src/sys/unix.rs SO_LINGER alias (+ tests/socket.rs linger test)"
)]
#[case::published_timeo_negative_edom("SO_RCVTIMEO", Kind::Tcp4, State::Fresh, Api::Raw, time(-1, 0), err("EDOM"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sooptcopyin_timeval")]
#[case::published_timeo_usec_1e6_edom(
    "SO_SNDTIMEO",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    time(0, 1000000),
    err("EDOM"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sooptcopyin_timeval"
)]
#[case::published_timeo_stored_exact(
    "SO_RCVTIMEO",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    time(1, 1),
    Outcome::Ok(Value::Time(1, 1)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock"
)]
#[case::published_timeo_huge_ok(
    "SO_SNDTIMEO",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    time(4611686018427387904, 0),
    Outcome::Ok(Value::Time(4611686018427387904, 0)),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sooptcopyin_timeval"
)]
#[case::published_socket2_read_timeout_10s(
    "SO_RCVTIMEO",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    time(10, 0),
    Outcome::Ok(Value::Time(10, 0)),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs read_timeout test"
)]
#[case::published_so_type_dgram(
    "SO_TYPE",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(2),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_so_error_clears(
    "SO_ERROR",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(0),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sogetoptlock"
)]
#[case::published_so_type_set_enoprotoopt(
    "SO_TYPE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    err("ENOPROTOOPT"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket.c sosetoptlock (default case)"
)]
#[case::published_so_domain_absent("SO_DOMAIN", Kind::Tcp4, State::Fresh, Api::Raw, Request::Default, err("UNDEFINED"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/socket.h (no SO_DOMAIN/SO_PROTOCOL defined; the list jumps from SO_TYPE 0x1008 to SO_LABEL 0x1010)")]
#[case::published_so_protocol_absent_socket2(
    "SO_PROTOCOL",
    Kind::Udp4,
    State::Fresh,
    Api::Socket2,
    Request::Default,
    err("UNDEFINED"),
    None,
    "rust-lang/socket2 v0.6.3 src/sys/unix.rs Socket::protocol cfg(android, freebsd, fuchsia, linux)"
)]
#[case::published_tcp_nodelay_reads_tf_nodelay(
    "TCP_NODELAY",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(4),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput"
)]
#[case::published_tf_nodelay_is_4(
    "TCP_NODELAY",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    set(256),
    ok(4),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_var.h TF_NODELAY"
)]
#[case::published_tcp_nodelay_accept_inherits(
    "TCP_NODELAY",
    Kind::Tcp4,
    State::Connected,
    Api::Raw,
    set(1),
    ok(4),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_input (SYN on listener)"
)]
#[case::published_tcp_level_on_udp_einval("TCP_NODELAY", Kind::Udp4, State::Fresh, Api::Raw, set(1), err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput (reached from udp_ctloutput)")]
#[case::published_tcp_level_on_udp_get_einval("TCP_KEEPCNT", Kind::Udp4, State::Fresh, Api::Raw, Request::Default, err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/udp_usrreq.c udp_ctloutput (forwards to ip_ctloutput which returns EINVAL)")]
#[case::published_tcp_maxseg_range(
    "TCP_MAXSEG",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(536),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput"
)]
#[case::published_tcp_maxseg_default_512("TCP_MAXSEG", Kind::Tcp4, State::Fresh, Api::Raw, Request::Default, ok(512), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp.h TCP_MSS (tcp_newtcpcb t_maxseg = tcp_mssdflt)")]
#[case::source_tcp_maxseg_loopback_v4("TCP_MAXSEG", Kind::Tcp4, State::Connected, Api::Raw, Request::Default, ok(16332), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_mss (16384 - 40 - TCPOLEN_TSTAMP_APPA 12); bsd/net/if_loop.c LOMTU 16384")]
#[case::source_tcp_maxseg_loopback_v6(
    "TCP_MAXSEG",
    Kind::Tcp6,
    State::Connected,
    Api::Raw,
    Request::Default,
    ok(16312),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_mss (16384 - 60 - 12)"
)]
#[case::published_tcp_maxseg_v6_default_1024(
    "TCP_MAXSEG",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(1024),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_subr.c tcp_newtcpcb"
)]
#[case::published_tcp_maxseg_min_176(
    "TCP_MAXSEG",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(88),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp.h TCP_MINMSS (optval + 40 >= tcp_minmss)"
)]
#[case::published_socket2_tcp_mss_256(
    "TCP_MAXSEG",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(256),
    ok(256),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tcp_mss test (ignored only on linux)"
)]
#[case::published_tcp_keepalive_range(
    "TCP_KEEPIDLE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(2147483647),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPALIVE"
)]
#[case::published_tcp_keepalive_zero_reads_default(
    "TCP_KEEPIDLE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(0),
    ok(7200),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPALIVE get"
)]
#[case::published_tcp_keepidle_default_7200(
    "TCP_KEEPIDLE",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(7200),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_timer.h TCPTV_KEEP_IDLE"
)]
#[case::published_tcp_keepintvl_default_75(
    "TCP_KEEPINTVL",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(75),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_timer.h TCPTV_KEEPINTVL"
)]
#[case::published_tcp_keepintvl_negative_einval("TCP_KEEPINTVL", Kind::Tcp4, State::Fresh, Api::Raw, set(-1), err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPINTVL")]
#[case::published_tcp_keepcnt_intmax_ok(
    "TCP_KEEPCNT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(2147483647),
    ok(2147483647),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPCNT"
)]
#[case::published_tcp_keepcnt_default_8(
    "TCP_KEEPCNT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(8),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_timer.h TCPTV_KEEPCNT"
)]
// note: accepted side; listener had TCP_KEEPALIVE set
#[case::published_tcp_keepidle_not_inherited("TCP_KEEPIDLE", Kind::Tcp4, State::Connected, Api::Raw, Request::Default, ok(7200), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_input (copies keepinit/keepcnt/keepintvl, not keepidle)")]
#[case::published_tcp_keepalive_const_0x10(
    "TCP_KEEPIDLE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(7200),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp.h TCP_KEEPALIVE"
)]
#[case::published_socket2_keepalive_uses_tcp_keepalive("TCP_KEEPIDLE", Kind::Tcp4, State::Fresh, Api::Socket2, set(200), ok(200), None, "rust-lang/socket2 v0.6.3 src/sys/unix.rs KEEPALIVE_TIME / set_tcp_keepalive (tests/socket.rs tcp_keepalive asserts 200 s)")]
#[case::published_socket2_keepalive_test_interval_30(
    "TCP_KEEPINTVL",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(30),
    ok(30),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tcp_keepalive test"
)]
#[case::published_socket2_keepalive_test_retries_10(
    "TCP_KEEPCNT",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(10),
    ok(10),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tcp_keepalive test"
)]
#[case::published_tcp_notsent_lowat_negative_einval("TCP_NOTSENT_LOWAT", Kind::Tcp4, State::Fresh, Api::Raw, set(-1), err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_NOTSENT_LOWAT")]
#[case::published_tcp_notsent_lowat_const(
    "TCP_NOTSENT_LOWAT",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    set(16384),
    ok(16384),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp.h TCP_NOTSENT_LOWAT"
)]
#[case::published_socket2_notsent_lowat_linux_only(
    "TCP_NOTSENT_LOWAT",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(16384),
    err("UNDEFINED"),
    None,
    "rust-lang/socket2 v0.6.3 src/sys/unix.rs set_tcp_notsent_lowat"
)]
#[case::published_tcp_cork_absent("TCP_CORK", Kind::Tcp4, State::Fresh, Api::Raw, set(1), err("UNDEFINED"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp.h (only TCP_NOPUSH exists; no TCP_CORK/TCP_QUICKACK/TCP_USER_TIMEOUT/TCP_CONGESTION/TCP_KEEPIDLE)")]
#[case::published_unix_nonsocket_set_eopnotsupp(
    "TCP_NODELAY",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    set(1),
    err("EOPNOTSUPP"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput"
)]
#[case::published_unix_ip_ttl_set_eopnotsupp(
    "IP_TTL",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    set(64),
    err("EOPNOTSUPP"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput"
)]
#[case::published_unix_nodelay_get_is_peercred_enotconn("TCP_NODELAY", Kind::UnixStream, State::Fresh, Api::Raw, Request::Default, err("ENOTCONN"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput LOCAL_PEERCRED (TCP_NODELAY==1==LOCAL_PEERCRED)")]
#[case::published_unix_nodelay_get_dgram_einval(
    "TCP_NODELAY",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    Request::Default,
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput LOCAL_PEERCRED"
)]
// note: 4-byte read of struct xucred = cr_version; see next fact
#[case::published_unix_local_peercred_is_1("TCP_NODELAY", Kind::UnixStream, State::Connected, Api::Raw, Request::Default, ok(0), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/un.h LOCAL_PEERCRED (TCP_NODELAY==1 aliases it on AF_UNIX)")]
#[case::published_xucred_version_0("TCP_NODELAY", Kind::UnixStream, State::Connected, Api::Raw, Request::Default, ok(0), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/ucred.h struct xucred (first field u_int cr_version)")]
#[case::published_unix_other_get_eopnotsupp(
    "IPV6_V6ONLY",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    Request::Default,
    err("EOPNOTSUPP"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_usrreq.c uipc_ctloutput GET default"
)]
#[case::published_unix_maxseg_get_peerpid_enotconn(
    "TCP_MAXSEG",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    Request::Default,
    err("ENOTCONN"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/sys/un.h LOCAL_PEERPID == TCP_MAXSEG == 2"
)]
#[case::published_ip_ttl_gt255_einval(
    "IP_TTL",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(256),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput"
)]
#[case::published_ip_ttl_negative_wraps("IP_TTL", Kind::Tcp4, State::Fresh, Api::Raw, set(-1), ok(255), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput")]
#[case::published_ip_tos_negative_wraps("IP_TOS", Kind::Udp4, State::Fresh, Api::Raw, set(-2), ok(254), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput")]
#[case::published_ip_tos_no_check_10_15(
    "IP_TOS",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(256),
    ok(0),
    Some("10.15"),
    "apple-oss-distributions/xnu xnu-6153.141.1 bsd/netinet/ip_output.c ip_ctloutput"
)]
#[case::published_ip_ttl_default_64(
    "IP_TTL",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(64),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip.h IPDEFTTL"
)]
#[case::published_ip_ttl_accept_inherits(
    "IP_TTL",
    Kind::Tcp4,
    State::Connected,
    Api::Raw,
    set(40),
    ok(40),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_input.c tcp_input"
)]
#[case::published_ip_recvtos_reads_1(
    "IP_RECVTOS",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(256),
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput"
)]
#[case::published_ip_level_on_inet6_einval(
    "IP_TTL",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(64),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput"
)]
#[case::published_ip_level_on_inet6_issue(
    "IP_TTL",
    Kind::Udp6,
    State::Connected,
    Api::Raw,
    set(10),
    err("EINVAL"),
    None,
    "rust-lang/rust#95541 (Tcp/UdpSocket.set_ttl fails on macOS for ipv6 sockets)"
)]
#[case::published_ipv6_level_on_inet_einval(
    "IPV6_V6ONLY",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/ip_output.c ip_ctloutput (level != IPPROTO_IP)"
)]
#[case::published_ip_multicast_ttl_stream_eopnotsupp(
    "IP_MULTICAST_TTL",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    err("EOPNOTSUPP"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions"
)]
#[case::published_ip_multicast_ttl_negative_einval("IP_MULTICAST_TTL", Kind::Udp4, State::Fresh, Api::Raw, set(-1), err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions")]
#[case::published_ip_multicast_ttl_default_1(
    "IP_MULTICAST_TTL",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in.h IP_DEFAULT_MULTICAST_TTL"
)]
#[case::published_ip_multicast_loop_low_byte(
    "IP_MULTICAST_LOOP",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(256),
    ok(0),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions"
)]
#[case::published_ip_multicast_loop_normalised(
    "IP_MULTICAST_LOOP",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(2),
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/in_mcast.c inp_setmoptions"
)]
#[case::published_v6only_after_bind_einval(
    "IPV6_V6ONLY",
    Kind::Tcp6,
    State::Bound,
    Api::Raw,
    set(1),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput"
)]
#[case::published_v6only_default_0(
    "IPV6_V6ONLY",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(0),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_proto.c ip6_v6only"
)]
#[case::published_socket2_only_v6_true(
    "IPV6_V6ONLY",
    Kind::Tcp6,
    State::Fresh,
    Api::Socket2,
    set(1),
    ok(1),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs only_v6 test (macOS not excluded)"
)]
#[case::published_unicast_hops_default_minus1("IPV6_UNICAST_HOPS", Kind::Udp6, State::Fresh, Api::Raw, Request::Default, ok(-1), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/udp6_usrreq.c udp6_attach")]
#[case::published_unicast_hops_reads_raw("IPV6_UNICAST_HOPS", Kind::Tcp6, State::Fresh, Api::Raw, set(-1), ok(-1), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput")]
#[case::published_unicast_hops_range(
    "IPV6_UNICAST_HOPS",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    set(256),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput"
)]
#[case::published_socket2_unicast_hops_20(
    "IPV6_UNICAST_HOPS",
    Kind::Tcp6,
    State::Fresh,
    Api::Socket2,
    set(20),
    ok(20),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs unicast_hops_v6 test"
)]
#[case::published_tclass_range(
    "IPV6_TCLASS",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(256),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_setpktopt"
)]
#[case::published_tclass_minus1_reads_0("IPV6_TCLASS", Kind::Tcp6, State::Fresh, Api::Raw, set(-1), ok(0), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_getpcbopt")]
#[case::published_socket2_tclass_96(
    "IPV6_TCLASS",
    Kind::Tcp6,
    State::Fresh,
    Api::Socket2,
    set(96),
    ok(96),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tclass_v6 test (macos listed)"
)]
#[case::published_recvtclass_reads_1(
    "IPV6_RECVTCLASS",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(2),
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput"
)]
#[case::published_ipv6_multicast_loop_gt1_einval(
    "IPV6_MULTICAST_LOOP",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(2),
    err("EINVAL"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c ip6_setmoptions"
)]
#[case::published_ipv6_multicast_hops_minus1_default("IPV6_MULTICAST_HOPS", Kind::Udp6, State::Fresh, Api::Raw, set(-1), ok(1), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c ip6_setmoptions")]
#[case::published_ipv6_multicast_hops_stream_eopnotsupp(
    "IPV6_MULTICAST_HOPS",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    Request::Default,
    err("EOPNOTSUPP"),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/in6_mcast.c ip6_getmoptions"
)]
#[case::published_tcp6_ip_level_goes_ip6("IP_TOS", Kind::Tcp6, State::Fresh, Api::Raw, set(3), err("EINVAL"), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput (SOCK_CHECK_DOM PF_INET6)")]
#[case::published_socket2_ttl_v4_40(
    "IP_TTL",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(40),
    ok(40),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs ttl_v4 test"
)]
#[case::published_socket2_tos_v4_96(
    "IP_TOS",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(96),
    ok(96),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tos_v4 test"
)]
#[case::published_issue_keepalive_8(
    "SO_KEEPALIVE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(1),
    ok(8),
    None,
    "oven-sh/bun#34269 review comment"
)]
#[case::published_issue_sndbuf_8mib_enobufs(
    "SO_SNDBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(8388608),
    err("ENOBUFS"),
    Some("10.15"),
    "dotnet/corefx#27814 (macOS, 2018: pre-14.4 era)"
)]
#[case::published_issue_keepidle_sysctl(
    "TCP_KEEPIDLE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(7200),
    None,
    "Mudlet/Mudlet#1738 (sysctl output on macOS)"
)]
#[case::published_issue_keepcnt_sysctl(
    "TCP_KEEPCNT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(8),
    None,
    "Mudlet/Mudlet#1738 (sysctl output on macOS)"
)]
#[case::published_issue_udp_maxdgram_9216(
    "SO_SNDBUF",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    Request::Default,
    ok(9216),
    None,
    "solana-labs/solana#4945"
)]
#[case::published_ip_ttl_check_since_11(
    "IP_TTL",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(256),
    err("EINVAL"),
    Some("11"),
    "apple-oss-distributions/xnu xnu-7195.50.7.100.1 bsd/netinet/ip_output.c ip_ctloutput"
)]
#[case::published_ip_ttl_no_check_10_15(
    "IP_TTL",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    set(256),
    ok(0),
    Some("10.15"),
    "apple-oss-distributions/xnu xnu-6153.141.1 bsd/netinet/ip_output.c ip_ctloutput"
)]
#[case::published_udp6_ctloutput_ip6_10_15(
    "TCP_NODELAY",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(1),
    err("EINVAL"),
    Some("10.15"),
    "apple-oss-distributions/xnu xnu-6153.141.1 bsd/netinet6/in6_proto.c inet6sw udp entry"
)]
#[case::published_socket2_keepalive_time_200(
    "TCP_KEEPIDLE",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(200),
    ok(200),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tcp_keepalive test"
)]
#[case::published_socket2_nodelay_true(
    "TCP_NODELAY",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(1),
    ok(1),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs tcp_nodelay test (bool read != 0)"
)]
#[case::published_socket2_reuse_port_true(
    "SO_REUSEPORT",
    Kind::Tcp6,
    State::Fresh,
    Api::Socket2,
    set(1),
    ok(1),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs reuse_port test"
)]
#[case::published_socket2_recv_tclass_true(
    "IPV6_RECVTCLASS",
    Kind::Tcp6,
    State::Fresh,
    Api::Socket2,
    set(1),
    ok(1),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs recv_tclass_v6 test"
)]
#[case::published_socket2_recv_tos_true(
    "IP_RECVTOS",
    Kind::Tcp4,
    State::Fresh,
    Api::Socket2,
    set(1),
    ok(1),
    None,
    "rust-lang/socket2 v0.6.3 tests/socket.rs recv_tos_v4 test"
)]
#[case::published_keepcnt_zero_reads_default(
    "TCP_KEEPCNT",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    set(0),
    ok(8),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_KEEPCNT get"
)]
#[case::published_notsent_lowat_zero_clears(
    "TCP_NOTSENT_LOWAT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(0),
    ok(0),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet/tcp_usrreq.c tcp_ctloutput TCP_NOTSENT_LOWAT"
)]
// note: accepted side; listener had SO_RCVTIMEO set; sb_timeo not copied
#[case::published_timeo_not_inherited("SO_RCVTIMEO", Kind::Tcp4, State::Connected, Api::Raw, Request::Default, Outcome::Ok(Value::Time(0, 0)), None, "apple-oss-distributions/xnu xnu-11417.121.6 bsd/kern/uipc_socket2.c sonewconn_internal (copies so_timeo, not sb_timeo)")]
#[case::published_v6only_reads_1(
    "IPV6_V6ONLY",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    set(256),
    ok(1),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput"
)]
// note: a 4-byte int works; any other optlen -> EINVAL
#[case::published_ipv6_intopt_optlen_exact(
    "IPV6_UNICAST_HOPS",
    Kind::Udp6,
    State::Fresh,
    Api::Raw,
    set(64),
    ok(64),
    None,
    "apple-oss-distributions/xnu xnu-11417.121.6 bsd/netinet6/ip6_output.c ip6_ctloutput"
)]
fn published(
    #[case] option: &str,
    #[case] kind: Kind,
    #[case] state: State,
    #[case] api: Api,
    #[case] request: Request,
    #[case] expected: Outcome,
    #[case] release: Option<&str>,
    #[case] source: &str,
) {
    let mac = MacOs::offline(release).expect("a modelled release");
    let label = format!("macOS {release:?}");
    assert_predicts(&mac, &label, option, kind, state, api, request, &expected, source);
}
