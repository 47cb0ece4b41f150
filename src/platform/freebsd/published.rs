//! One case per published FreeBSD fact the catalogue can express
//! (/work/scratch/research/freebsd/facts.jsonl): kernel source, man pages,
//! socket2 0.6's assertions run on FreeBSD 13.2 and real issue reports. The
//! expectation is the fact's, never the model's output.
//!
//! Not here: the stock kern.ipc.maxsockbuf (a sysctl, checked below), the
//! options the catalogue lacks (SO_ACCEPTCONN, IP_BINDANY), a 2-byte
//! IPV6_V6ONLY optlen, and the four accept-inheritance facts (set on a
//! listener, read on the accepted socket: a case sets the socket it reads).
//! "unexpressible" facts are the model's `UNDEFINED`.

// rstest hands each case's eight columns to one function.
#![allow(clippy::too_many_arguments)]

use super::FreeBsd;
use crate::api::Api;
use crate::case::Request;
use crate::kind::{Kind, State};
use crate::outcome::Outcome;
use crate::platform::published::{
    assert_predicts, dflt, err, linger, ok, ok_linger, ok_text, ok_time, set, text, time,
};
use crate::platform::Platform;
use rstest::rstest;

#[rstest]
#[case::published_so_sndbuf_zero_einval("SO_SNDBUF", Kind::Udp4, State::Fresh, Api::Raw, set(0), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt")]
#[case::published_so_rcvbuf_neg1_einval("SO_RCVBUF", Kind::Tcp4, State::Fresh, Api::Raw, set(-1), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt")]
#[case::published_so_sndbuf_intmin_einval("SO_SNDBUF", Kind::UnixStream, State::Fresh, Api::Raw, set(-2147483648), Some("13"), err("EINVAL"), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sosetopt")]
#[case::published_so_rcvlowat_zero_einval("SO_RCVLOWAT", Kind::Tcp4, State::Fresh, Api::Raw, set(0), Some("13"), err("EINVAL"), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sosetopt (case SO_SNDBUF/SO_RCVBUF/SO_SNDLOWAT/SO_RCVLOWAT share the check)")]
#[case::published_so_sndlowat_neg1_einval("SO_SNDLOWAT", Kind::Udp4, State::Fresh, Api::Raw, set(-1), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt")]
#[case::published_so_rcvbuf_above_sbmaxadj_enobufs("SO_RCVBUF", Kind::Tcp4, State::Fresh, Api::Raw, set(1864136), Some("15"), err("ENOBUFS"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbreserve_locked_limit (BUF_MAX_ADJ(x)=x*MCLBYTES/(MSIZE+MCLBYTES); 2097152*2048/2304=1864135)")]
#[case::published_so_sndbuf_intmax_enobufs("SO_SNDBUF", Kind::Udp4, State::Fresh, Api::Raw, set(2147483647), Some("15"), err("ENOBUFS"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt")]
#[case::published_so_rcvbuf_listening_enobufs("SO_RCVBUF", Kind::Tcp4, State::Listening, Api::Raw, set(2147483647), Some("15"), err("ENOBUFS"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt (SOLISTENING branch)")]
#[case::published_so_rcvbuf_listening_stored("SO_RCVBUF", Kind::Tcp4, State::Listening, Api::Raw, set(4096), Some("15"), ok(4096), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt + freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sogetopt")]
#[case::published_bufmaxadj_formula("SO_SNDBUF", Kind::Tcp6, State::Fresh, Api::Raw, set(1864135), Some("15"), ok(1864135), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c")]
#[case::published_socket2_recv_buffer_4096("SO_RCVBUF", Kind::Tcp4, State::Fresh, Api::Socket2, set(4096), Some("13"), ok(4096), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') test!(recv_buffer_size)")]
#[case::published_socket2_send_buffer_4096_v6("SO_SNDBUF", Kind::Tcp6, State::Fresh, Api::Socket2, set(4096), Some("13"), ok(4096), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') test!(send_buffer_size) (runs IPV4 and IPV6 STREAM)")]
#[case::published_issue_unbound_sndbuf_4m_enobufs(
    "SO_SNDBUF",
    Kind::Udp4,
    State::Bound,
    Api::Raw,
    set(4194304),
    None,
    err("ENOBUFS"),
    "NLnetLabs/unbound issue #1360 (FreeBSD, kern.ipc.maxsockbuf: 2097152)"
)]
#[case::published_issue_unbound_udp_default_sndbuf(
    "SO_SNDBUF",
    Kind::Udp4,
    State::Bound,
    Api::Raw,
    dflt(),
    None,
    ok(9216),
    "NLnetLabs/unbound issue #1360"
)]
#[case::published_issue_tinyportmapper_2m_enobufs(
    "SO_SNDBUF",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    set(2097152),
    Some("14"),
    err("ENOBUFS"),
    "wangyu-/tinyPortMapper issue #25 (FreeBSD 14.0)"
)]
#[case::published_udp_sendspace_default("SO_SNDBUF", Kind::Udp6, State::Fresh, Api::Raw, dflt(), Some("15"), ok(9216), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_attach")]
#[case::published_udp_recvspace_default("SO_RCVBUF", Kind::Udp4, State::Fresh, Api::Raw, dflt(), Some("15"), ok(42080), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c (40*(1024+sizeof(struct sockaddr_in6)=28))")]
#[case::published_udp_attach_soreserve("SO_RCVBUF", Kind::Udp6, State::Fresh, Api::Raw, dflt(), Some("15"), ok(42080), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_attach")]
#[case::published_tcp_sendspace_default("SO_SNDBUF", Kind::Tcp4, State::Fresh, Api::Raw, dflt(), Some("15"), ok(32768), "freebsd/freebsd-src sys/netinet/tcp_output.c (indexed copy, era 10-13) + freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) tcp_usr_attach soreserve(V_tcp_sendspace, V_tcp_recvspace)")]
#[case::published_tcp_recvspace_default(
    "SO_RCVBUF",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    dflt(),
    None,
    ok(65536),
    "freebsd/freebsd-src sys/netinet/tcp_input.c (indexed copy)"
)]
#[case::published_tcp_attach_autosize("SO_SNDBUF", Kind::Tcp4, State::Fresh, Api::Raw, dflt(), Some("15"), ok(32768), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_usr_attach")]
#[case::published_unix_stream_default("SO_SNDBUF", Kind::UnixStream, State::Fresh, Api::Raw, dflt(), Some("15"), ok(8192), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c")]
#[case::published_unix_stream_default_rcv("SO_RCVBUF", Kind::UnixStream, State::Fresh, Api::Raw, dflt(), Some("15"), ok(8192), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c")]
#[case::published_unix_dgram_14_sndbuf_is_recvspace("SO_SNDBUF", Kind::UnixDgram, State::Fresh, Api::Raw, dflt(), Some("15"), ok(16384), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c uipc_attach (FreeBSD 14+ unix/dgram rewrite)")]
#[case::published_unix_dgram_14_recvspace("SO_RCVBUF", Kind::UnixDgram, State::Fresh, Api::Raw, dflt(), Some("15"), ok(16384), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c")]
#[case::published_unix_dgram_13_sndbuf(
    "SO_SNDBUF",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    dflt(),
    Some("13"),
    ok(2048),
    "freebsd/freebsd-src pre-14 sys/kern/uipc_usrreq.c (indexed copy, id 12133152; stable/13 era)"
)]
#[case::published_unix_dgram_13_rcvbuf(
    "SO_RCVBUF",
    Kind::UnixDgram,
    State::Fresh,
    Api::Raw,
    dflt(),
    Some("13"),
    ok(4096),
    "freebsd/freebsd-src pre-14 sys/kern/uipc_usrreq.c (indexed copy, id 12133152; stable/13 era)"
)]
#[case::published_rcvlowat_default_1("SO_RCVLOWAT", Kind::Tcp4, State::Fresh, Api::Raw, dflt(), Some("15"), ok(1), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c soreserve")]
#[case::published_sndlowat_default_mclbytes("SO_SNDLOWAT", Kind::Tcp4, State::Fresh, Api::Raw, dflt(), Some("15"), ok(2048), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c soreserve (MCLBYTES = 1<<11)")]
#[case::published_rcvlowat_intmax_clamped("SO_RCVLOWAT", Kind::Tcp4, State::Fresh, Api::Raw, set(2147483647), Some("15"), ok(65536), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt")]
#[case::published_sndlowat_65536_clamped_udp("SO_SNDLOWAT", Kind::Udp4, State::Fresh, Api::Raw, set(65536), Some("15"), ok(9216), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_sockbuf.c sbsetopt")]
#[case::published_so_keepalive_bit("SO_KEEPALIVE", Kind::Tcp4, State::Fresh, Api::Raw, set(1), Some("15"), ok(8), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sogetopt; sys/sys/socket.h SO_KEEPALIVE 0x00000008")]
#[case::published_so_reuseaddr_bit("SO_REUSEADDR", Kind::Udp4, State::Fresh, Api::Raw, set(2), Some("13"), ok(4), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sogetopt; socket.h SO_REUSEADDR 0x00000004")]
#[case::published_so_broadcast_tcp_bit("SO_BROADCAST", Kind::Tcp4, State::Fresh, Api::Raw, set(256), Some("15"), ok(32), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt (no per-protocol check); socket.h SO_BROADCAST 0x00000020")]
#[case::published_so_oobinline_neg1_bit("SO_OOBINLINE", Kind::UnixStream, State::Fresh, Api::Raw, set(-1), Some("15"), ok(256), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt/sogetopt; socket.h SO_OOBINLINE 0x00000100")]
#[case::published_so_reuseport_unix_bit("SO_REUSEPORT", Kind::UnixDgram, State::Fresh, Api::Raw, set(2147483647), Some("15"), ok(512), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt (uipc_ctloutput result ignored: '(void)so->so_proto->pr_ctloutput')")]
#[case::published_socket2_keepalive("SO_KEEPALIVE", Kind::Tcp6, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') test!(keepalive, set_keepalive(true))")]
#[case::published_socket2_reuse_address("SO_REUSEADDR", Kind::Tcp4, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_socket2_oob_inline("SO_OOBINLINE", Kind::Tcp4, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_socket2_broadcast_on_tcp4("SO_BROADCAST", Kind::Tcp4, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (test! creates Type::STREAM sockets)")]
#[case::published_socket2_reuse_port("SO_REUSEPORT", Kind::Tcp4, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_linger_onoff_reads_0x80("SO_LINGER", Kind::Tcp4, State::Fresh, Api::Raw, linger(2, 5), Some("15"), ok_linger(128, 5), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sogetopt; socket.h SO_LINGER 0x00000080")]
#[case::published_linger_65536_edom(
    "SO_LINGER",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    linger(1, 65536),
    Some("15"),
    err("EDOM"),
    "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt"
)]
#[case::published_linger_neg_edom("SO_LINGER", Kind::Udp4, State::Fresh, Api::Raw, linger(1, -1), Some("15"), err("EDOM"), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt")]
#[case::published_linger_edom_13("SO_LINGER", Kind::UnixStream, State::Fresh, Api::Raw, linger(1, 65536), Some("13"), err("EDOM"), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sosetopt")]
#[case::published_linger_off_keeps_time(
    "SO_LINGER",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    linger(0, 30),
    Some("15"),
    ok_linger(0, 30),
    "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt"
)]
#[case::published_socket2_linger_10s("SO_LINGER", Kind::Tcp4, State::Fresh, Api::Socket2, linger(1, 10), Some("13"), ok_linger(1, 10), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (socket2 maps l_onoff!=0 -> Some)")]
#[case::published_rcvtimeo_negsec_edom("SO_RCVTIMEO", Kind::Tcp4, State::Fresh, Api::Raw, time(-1, 0), Some("15"), err("EDOM"), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt")]
#[case::published_sndtimeo_usec_1e6_edom(
    "SO_SNDTIMEO",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    time(0, 1000000),
    Some("15"),
    err("EDOM"),
    "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt"
)]
#[case::published_rcvtimeo_negusec_edom("SO_RCVTIMEO", Kind::UnixDgram, State::Fresh, Api::Raw, time(0, -1), Some("13"), err("EDOM"), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sosetopt")]
#[case::published_socket2_read_timeout_10s("SO_RCVTIMEO", Kind::Tcp4, State::Fresh, Api::Socket2, time(10, 0), Some("13"), ok_time(10, 0), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_timeo_usec_roundtrip("SO_RCVTIMEO", Kind::Tcp4, State::Fresh, Api::Raw, time(0, 1), None, ok_time(0, 1), "FreeBSD sys/sys/time.h ustosbt/sbttous (copy indexed as id 23159647004); sosetopt uses tvtosbt, sogetopt sbttotv")]
#[case::published_so_type_set_enoprotoopt("SO_TYPE", Kind::Tcp4, State::Fresh, Api::Raw, set(1), Some("15"), err("ENOPROTOOPT"), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt default case")]
#[case::published_so_domain_inet6("SO_DOMAIN", Kind::Tcp6, State::Fresh, Api::Raw, dflt(), Some("15"), ok(28), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sogetopt; socket.h AF_INET6 28")]
#[case::published_so_domain_exists_13("SO_DOMAIN", Kind::Udp4, State::Fresh, Api::Raw, dflt(), Some("13"), ok(2), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/kern/uipc_socket.c sogetopt")]
#[case::published_socket2_protocol_tcp("SO_PROTOCOL", Kind::Tcp4, State::Fresh, Api::Socket2, dflt(), Some("13"), ok(6), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn protocol()")]
#[case::published_socket2_protocol_unix_none("SO_PROTOCOL", Kind::UnixStream, State::Fresh, Api::Socket2, dflt(), Some("13"), ok(0), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn protocol() (None == 0)")]
#[case::published_socket2_type_dgram_v6("SO_TYPE", Kind::Udp6, State::Fresh, Api::Socket2, dflt(), Some("13"), ok(2), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn r#type()")]
#[case::published_so_error_fresh_zero(
    "SO_ERROR",
    Kind::Udp4,
    State::Fresh,
    Api::Raw,
    dflt(),
    Some("15"),
    ok(0),
    "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sogetopt"
)]
#[case::published_so_passcred_absent(
    "SO_PASSCRED",
    Kind::UnixStream,
    State::Fresh,
    Api::Raw,
    set(1),
    None,
    err("UNDEFINED"),
    "rust-lang/socket2 v0.6.0 src/sys/unix.rs"
)]
#[case::published_so_mark_absent("SO_MARK", Kind::Tcp4, State::Fresh, Api::Raw, set(1), Some("13"), err("UNDEFINED"), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (mark test gated to fuchsia/linux)")]
#[case::published_tcp_cork_absent("TCP_CORK", Kind::Tcp4, State::Fresh, Api::Raw, set(1), Some("15"), err("UNDEFINED"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp.h (option list has TCP_NOPUSH, no TCP_CORK)")]
#[case::published_tcp_user_timeout_absent("TCP_USER_TIMEOUT", Kind::Tcp4, State::Fresh, Api::Raw, set(1000), Some("15"), err("UNDEFINED"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp.h")]
#[case::published_tcp_quickack_absent("TCP_QUICKACK", Kind::Tcp4, State::Fresh, Api::Socket2, set(0), Some("13"), err("UNDEFINED"), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (tcp_quickack test gated to android/fuchsia/linux)")]
#[case::published_tcp_thin_linear_absent("TCP_THIN_LINEAR_TIMEOUTS", Kind::Tcp4, State::Fresh, Api::Socket2, set(1), Some("13"), err("UNDEFINED"), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (gated to android/fuchsia/linux)")]
#[case::published_ip_freebind_absent("IP_FREEBIND", Kind::Udp4, State::Fresh, Api::Socket2, set(1), Some("13"), err("UNDEFINED"), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (freebind_v4 gated to fuchsia/linux)")]
#[case::published_tcp_nodelay_bit("TCP_NODELAY", Kind::Tcp4, State::Fresh, Api::Raw, set(1), Some("15"), ok(4), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_default_ctloutput; tcp_var.h TF_NODELAY 0x00000004")]
#[case::published_socket2_tcp_mss_256("TCP_MAXSEG", Kind::Tcp6, State::Fresh, Api::Socket2, set(256), Some("13"), ok(256), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (test ignored only on linux)")]
#[case::published_tcp_maxseg_zero_einval("TCP_MAXSEG", Kind::Tcp4, State::Fresh, Api::Raw, set(0), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_default_ctloutput")]
#[case::published_tcp_maxseg_87_einval("TCP_MAXSEG", Kind::Tcp4, State::Fresh, Api::Raw, set(87), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) tcp_usrreq.c (optval + 40 >= V_tcp_minmss) + tcp.h TCP_MINMSS 216")]
#[case::published_tcp_keepidle_neg1_einval("TCP_KEEPIDLE", Kind::Tcp4, State::Fresh, Api::Raw, set(-1), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c (u_int ui; -1 -> UINT_MAX)")]
#[case::published_tcp_keepintvl_intmax_einval("TCP_KEEPINTVL", Kind::Tcp6, State::Fresh, Api::Raw, set(2147483647), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c")]
#[case::published_socket2_keepidle_200("TCP_KEEPIDLE", Kind::Tcp4, State::Fresh, Api::Socket2, set(200), Some("13"), ok(200), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn tcp_keepalive (socket2 uses TCP_KEEPIDLE on FreeBSD)")]
#[case::published_socket2_keepintvl_30("TCP_KEEPINTVL", Kind::Tcp4, State::Fresh, Api::Socket2, set(30), Some("13"), ok(30), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn tcp_keepalive")]
#[case::published_socket2_keepcnt_10("TCP_KEEPCNT", Kind::Tcp4, State::Fresh, Api::Socket2, set(10), Some("13"), ok(10), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn tcp_keepalive")]
#[case::published_tcp_keepcnt_nocheck("TCP_KEEPCNT", Kind::Tcp4, State::Fresh, Api::Raw, set(-1), Some("15"), ok(-1), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c (u_int stored unchecked, copied out as u_int)")]
#[case::published_keepidle_default_man(
    "TCP_KEEPIDLE",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    dflt(),
    None,
    ok(7200),
    "freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021; mirror sobomax/freebsd14_vendor@0f7ff342)"
)]
#[case::published_keepintvl_default_man(
    "TCP_KEEPINTVL",
    Kind::Tcp6,
    State::Fresh,
    Api::Raw,
    dflt(),
    None,
    ok(75),
    "freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021)"
)]
#[case::published_keepcnt_default_man(
    "TCP_KEEPCNT",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    dflt(),
    None,
    ok(8),
    "freebsd/freebsd-src share/man/man4/tcp.4 (Feb 2021)"
)]
#[case::published_congestion_nosuch_esrch("TCP_CONGESTION", Kind::Tcp4, State::Fresh, Api::Raw, text("no-such-cc"), Some("15"), err("ESRCH"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_set_cc_mod")]
#[case::published_socket2_congestion_newreno("TCP_CONGESTION", Kind::Tcp4, State::Fresh, Api::Socket2, text("newreno"), Some("13"), ok_text("newreno"), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') fn tcp_congestion")]
#[case::published_congestion_default_cubic_15(
    "TCP_CONGESTION",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    dflt(),
    Some("15"),
    ok_text("cubic"),
    "FreeBSD 15.1-RELEASE cc_cubic(4) (man.freebsd.org)"
)]
#[case::published_congestion_default_newreno_13(
    "TCP_CONGESTION",
    Kind::Tcp4,
    State::Fresh,
    Api::Raw,
    dflt(),
    Some("13"),
    ok_text("newreno"),
    "freebsd/freebsd-src share/man/man4/tcp.4 dated February 11, 2021 (13.x era)"
)]
#[case::source_congestion_newreno_not_built_into_14("TCP_CONGESTION", Kind::Tcp4, State::Fresh, Api::Raw, text("newreno"), Some("14"), err("ESRCH"), "freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/amd64/conf/DEFAULTS 'options CC_CUBIC' only; sys/conf/files 'cc_newreno.c optional ... cc_newreno'; tcp_usrreq.c tcp_set_cc_mod 'if (algo == NULL) ... return(ESRCH)'")]
#[case::source_multicast_loop_low_byte("IP_MULTICAST_LOOP", Kind::Udp4, State::Fresh, Api::Raw, set(256), Some("14"), ok(0), "freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/in_mcast.c inp_setmoptions 'loop = (u_char)iloop;' / 'imo->imo_multicast_loop = !!loop;'")]
#[case::source_multicast_loop_default("IP_MULTICAST_LOOP", Kind::Udp4, State::Fresh, Api::Raw, dflt(), Some("14"), ok(1), "freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/in_mcast.c inp_getmoptions; in.h IP_DEFAULT_MULTICAST_LOOP 1")]
#[case::source_tcp_maxseg_loopback_v4("TCP_MAXSEG", Kind::Tcp4, State::Connected, Api::Raw, dflt(), Some("14"), ok(16344), "freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/tcp_input.c tcp_mss_update 'mss = maxmtu - min_protoh' (16384 - 40, no option space); if_loop.c LOMTU 16384")]
#[case::source_tcp_maxseg_loopback_v6("TCP_MAXSEG", Kind::Tcp6, State::Connected, Api::Raw, dflt(), Some("14"), ok(16324), "freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/tcp_input.c tcp_mss_update (16384 - 60)")]
#[case::source_ipv6_unicast_hops_unset("IPV6_UNICAST_HOPS", Kind::Udp6, State::Fresh, Api::Raw, dflt(), Some("14"), ok(-1), "freebsd/freebsd-src stable/14 1400507 (mirror ilnp/ilnp-freebsd14@2f2a4162) sys/netinet/in_pcb.c in_pcballoc 'inp->in6p_hops = -1;'; ip6_output.c ip6_ctloutput 'optval = inp->in6p_hops'")]
#[case::source_congestion_unknown_einval_13("TCP_CONGESTION", Kind::Tcp4, State::Fresh, Api::Raw, text("no-such-cc"), Some("13"), err("EINVAL"), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/netinet/tcp_usrreq.c tcp_default_ctloutput case TCP_CONGESTION 'if (algo == NULL) ... error = EINVAL'")]
#[case::source_congestion_cubic_not_built_into_13("TCP_CONGESTION", Kind::Tcp4, State::Fresh, Api::Raw, text("cubic"), Some("13"), err("EINVAL"), "freebsd/freebsd-src releng/13.1 (mirror MPTCP-FreeBSD/FB13.1-ML-MPTCP-SRC@23e1b47c) sys/conf/files (cc_newreno.c, no cc_cubic.c); tcp_usrreq.c tcp_default_ctloutput searches cc_list only")]
#[case::published_congestion_empty_einval("TCP_CONGESTION", Kind::Tcp4, State::Fresh, Api::Raw, text(""), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_set_cc_mod (minlen 1; optlen 0 -> sooptcopyin EINVAL)")]
#[case::published_tcp_level_on_unix_set_einval("TCP_NODELAY", Kind::UnixStream, State::Fresh, Api::Raw, set(1), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c uipc_ctloutput")]
#[case::published_tcp_level_on_unix_get_einval("TCP_NODELAY", Kind::UnixDgram, State::Fresh, Api::Raw, dflt(), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c uipc_ctloutput")]
#[case::published_tcp_level_on_udp4_set_einval("TCP_NODELAY", Kind::Udp4, State::Fresh, Api::Raw, set(1), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_ctloutput -> ip_ctloutput")]
#[case::published_tcp_level_on_udp4_get_einval("TCP_MAXSEG", Kind::Udp4, State::Fresh, Api::Raw, dflt(), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_ctloutput")]
#[case::published_tcp_level_on_udp6_get_einval("TCP_NODELAY", Kind::Udp6, State::Fresh, Api::Raw, dflt(), Some("15"), err("EINVAL"), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_ctloutput")]
#[case::published_ip_level_on_udp6_set_einval("IP_TTL", Kind::Udp6, State::Fresh, Api::Raw, set(64), Some("15"), err("EINVAL"), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_ctloutput (udp_ctloutput sends AF_INET6 sockets here)")]
#[case::published_ipv6_level_on_tcp4_get_einval("IPV6_V6ONLY", Kind::Tcp4, State::Fresh, Api::Raw, dflt(), Some("15"), err("EINVAL"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_ctloutput_get -> ip_ctloutput")]
#[case::published_ip_ttl_256_truncates("IP_TTL", Kind::Udp4, State::Fresh, Api::Raw, set(256), Some("15"), ok(0), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/ip_output.c ip_ctloutput (no range check; inp_ip_ttl is u_char per in_pcb.h)")]
#[case::published_ip_ttl_neg1_255("IP_TTL", Kind::Udp4, State::Fresh, Api::Raw, set(-1), Some("15"), ok(255), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/ip_output.c ip_ctloutput; in_pcb.h 'u_char\tinp_ip_ttl;'")]
#[case::published_ip_tos_0xff_udp("IP_TOS", Kind::Udp4, State::Fresh, Api::Raw, set(255), Some("15"), ok(255), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/ip_output.c ip_ctloutput")]
#[case::published_ip_tos_tcp_ecn_masked("IP_TOS", Kind::Tcp4, State::Fresh, Api::Raw, set(255), Some("15"), ok(252), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_ctloutput_set")]
#[case::published_socket2_tos_96("IP_TOS", Kind::Tcp4, State::Fresh, Api::Socket2, set(96), Some("13"), ok(96), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_socket2_ttl_40("IP_TTL", Kind::Tcp4, State::Fresh, Api::Socket2, set(40), Some("13"), ok(40), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_udp_default_ttl("IP_TTL", Kind::Udp4, State::Fresh, Api::Raw, dflt(), Some("15"), ok(64), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/udp_usrreq.c udp_attach")]
#[case::published_ip_recvttl_normalised("IP_RECVTTL", Kind::Udp4, State::Fresh, Api::Raw, set(256), Some("15"), ok(1), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/ip_output.c ip_ctloutput")]
#[case::published_socket2_recv_tos("IP_RECVTOS", Kind::Tcp4, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_unix_ipproto_ip_is_sol_local("IP_TTL", Kind::UnixStream, State::Fresh, Api::Raw, set(1), Some("15"), ok(1), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c uipc_ctloutput (IPPROTO_IP==0==SOL_LOCAL; IP_TTL=4==LOCAL_CONNWAIT per sys/un.h)")]
#[case::published_unix_unknown_local_get_eopnotsupp("IP_MULTICAST_TTL", Kind::UnixDgram, State::Fresh, Api::Raw, dflt(), Some("15"), err("EOPNOTSUPP"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c uipc_ctloutput SOPT_GET default (level 0 == SOL_LOCAL, name 10 unknown)")]
#[case::published_unix_unknown_local_set_enoprotoopt("IP_MULTICAST_TTL", Kind::UnixDgram, State::Fresh, Api::Raw, set(1), Some("15"), err("ENOPROTOOPT"), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/kern/uipc_usrreq.c uipc_ctloutput SOPT_SET default")]
#[case::published_ipv6_unicast_hops_256_einval("IPV6_UNICAST_HOPS", Kind::Udp6, State::Fresh, Api::Raw, set(256), Some("15"), err("EINVAL"), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_ctloutput")]
#[case::published_ipv6_unicast_hops_neg2_einval("IPV6_UNICAST_HOPS", Kind::Tcp6, State::Fresh, Api::Raw, set(-2), Some("15"), err("EINVAL"), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_ctloutput")]
#[case::published_ipv6_unicast_hops_neg1_raw("IPV6_UNICAST_HOPS", Kind::Udp6, State::Fresh, Api::Raw, set(-1), Some("15"), ok(-1), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c (stored and returned as is)")]
#[case::published_socket2_unicast_hops_20("IPV6_UNICAST_HOPS", Kind::Tcp6, State::Fresh, Api::Socket2, set(20), Some("13"), ok(20), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_ipv6_tclass_256_einval("IPV6_TCLASS", Kind::Udp6, State::Fresh, Api::Raw, set(256), Some("15"), err("EINVAL"), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_setpktopt")]
#[case::published_ipv6_tclass_neg1_reads_0("IPV6_TCLASS", Kind::Udp6, State::Fresh, Api::Raw, set(-1), Some("15"), ok(0), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_getpcbopt")]
#[case::published_ipv6_tclass_default_0("IPV6_TCLASS", Kind::Tcp6, State::Fresh, Api::Raw, dflt(), Some("15"), ok(0), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_getpcbopt")]
#[case::published_socket2_tclass_96("IPV6_TCLASS", Kind::Tcp6, State::Fresh, Api::Socket2, set(96), Some("13"), ok(96), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_socket2_v6only_default_true("IPV6_V6ONLY", Kind::Tcp6, State::Fresh, Api::Socket2, set(0), Some("13"), ok(0), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64') (initial must differ from false, i.e. default is 1)")]
#[case::published_ipv6_v6only_bound_einval("IPV6_V6ONLY", Kind::Udp6, State::Bound, Api::Raw, set(0), Some("15"), err("EINVAL"), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_ctloutput")]
#[case::published_ipv6_v6only_normalised("IPV6_V6ONLY", Kind::Tcp6, State::Fresh, Api::Raw, set(2), Some("15"), ok(1), "freebsd/freebsd-src main (mirror fel1x-developer/freebsd-src@b252a43e) sys/netinet6/ip6_output.c ip6_ctloutput")]
#[case::published_socket2_recv_tclass("IPV6_RECVTCLASS", Kind::Tcp6, State::Fresh, Api::Socket2, set(1), Some("13"), ok(1), "rust-lang/socket2 v0.6.0 tests/socket.rs (run on FreeBSD 13.2 by .cirrus.yml 'freebsd-13-2-release-amd64')")]
#[case::published_listen_keeps_buffer("SO_SNDBUF", Kind::Tcp4, State::Listening, Api::Raw, dflt(), Some("15"), ok(32768), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c solisten_proto")]
#[case::published_listening_timeo_stored("SO_SNDTIMEO", Kind::Tcp4, State::Listening, Api::Raw, time(1, 0), Some("15"), ok_time(1, 0), "freebsd/freebsd-src main 2025 (mirror blubskye/freebsd-src@0c964205) sys/kern/uipc_socket.c sosetopt/sogetopt (sol_sbsnd_timeo)")]
#[case::published_tcp4_ip_ttl_256_no_error("IP_TTL", Kind::Tcp4, State::Fresh, Api::Raw, set(256), Some("15"), ok(0), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_ctloutput_set -> ip_ctloutput (no range check) then tcp_default_ctloutput 'case IPPROTO_IP: ... return (0);'")]
#[case::published_tcp6_ipv6_tclass_256_swallowed("IPV6_TCLASS", Kind::Tcp6, State::Fresh, Api::Raw, set(256), Some("15"), ok(0), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_ctloutput_set: ip6_ctloutput EINVAL is replaced by tfb_tcp_ctloutput's return (0) for IPV6_TCLASS; value never stored")]
#[case::published_tcp_ipproto_ip_returns_0("IP_TOS", Kind::Tcp4, State::Fresh, Api::Raw, set(3), Some("15"), ok(0), "freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2) sys/netinet/tcp_usrreq.c tcp_default_ctloutput (IP_TOS=3 stored then ECN bits masked in tcp_ctloutput_set)")]
fn published(
    #[case] option: &str,
    #[case] kind: Kind,
    #[case] state: State,
    #[case] api: Api,
    #[case] request: Request,
    #[case] release: Option<&str>,
    #[case] expected: Outcome,
    #[case] source: &str,
) {
    let model = FreeBsd::offline(release).expect("a modelled release");
    let label = format!("FreeBSD {release:?}");
    assert_predicts(
        &model, &label, option, kind, state, api, request, &expected, source,
    );
}

#[test]
fn stock_maxsockbuf_is_sb_max() {
    // freebsd/freebsd-src main __FreeBSD_version 1500012 (mirror fel1x-developer/freebsd-src@2d614aa2)
    // sys/sys/sockbuf.h "#define SB_MAX (2 * 1024 * 1024)"
    for release in super::RELEASES {
        let model = FreeBsd::offline(Some(release)).unwrap();
        assert_eq!(model.facts.values.get("kern.ipc.maxsockbuf"), Some(&2_097_152));
        assert_eq!(model.release(), *release);
    }
}
