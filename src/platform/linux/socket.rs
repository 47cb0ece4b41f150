//! SOL_SOCKET options other than the buffer sizes (net/core/sock.c
//! sk_setsockopt / sk_getsockopt unless noted).

use super::shared::{fact, flag, int, Args};
use crate::case::Request;
use crate::expr::{Expr, Sym};
use crate::filter::Verdict;
use crate::kind::{Domain, Kind, SockType, State};
use crate::option::SocketOpt;
use crate::prediction::Prediction;
use crate::rule::Rule;
use crate::value::RelativeValue;

const SOCK_C: &str = "net/core/sock.c sk_setsockopt / sk_getsockopt";

crate::rules! {
    pub const DONTROUTE: Rule = Rule {
        id: "linux.so.dontroute",
        formula: "v != 0; default 0",
        why: "SO_DONTROUTE is a plain socket flag (SOCK_LOCALROUTE; any non-zero int turns it on) on every kind; setting it also drops the cached route",
        source: "net/core/sock.c sk_setsockopt case SO_DONTROUTE 'sock_valbool_flag(sk, SOCK_LOCALROUTE, valbool); sk_dst_reset(sk)', sk_getsockopt 'v.val = sock_flag(sk, SOCK_LOCALROUTE)'",
    };
    pub const RXQ_OVFL: Rule = Rule {
        id: "linux.so.rxq_ovfl",
        formula: "v != 0; default 0",
        why: "SO_RXQ_OVFL is a plain socket flag (any non-zero int turns it on) asking for the count of dropped packets with each message; every kind takes it",
        source: "net/core/sock.c sk_setsockopt case SO_RXQ_OVFL 'sock_valbool_flag(sk, SOCK_RXQ_OVFL, valbool)', sk_getsockopt 'v.val = sock_flag(sk, SOCK_RXQ_OVFL)'",
    };
    pub const BINDTODEVICE: Rule = Rule {
        id: "linux.so.bindtodevice",
        formula: "empty name => unbound (reads empty); an existing device's name => that name; else ENODEV; default empty",
        why: "SO_BINDTODEVICE binds the socket to a device by name (lo here), with no privilege while the socket is not bound to one yet; the empty name unbinds, a name no device has is ENODEV, and a read gives the bound device's name or nothing (length 0)",
        source: "net/core/sock.c sock_setbindtodevice 'dev = dev_get_by_name_rcu(net, devname); ... ret = -ENODEV; if (!dev) goto out;', sock_bindtoindex_locked 'if (sk->sk_bound_dev_if && !ns_capable(net->user_ns, CAP_NET_RAW)) goto out' (-EPERM), sock_getbindtodevice 'if (bound_dev_if == 0) { len = 0; goto zero; }' (read at Debian 6.12.118)",
    };
    pub const BINDTOINDEX: Rule = Rule {
        id: "linux.so.bindtoifindex",
        formula: "v < 0 => EINVAL; else v (no check that a device has the index); default 0",
        why: "SO_BINDTOIFINDEX stores any non-negative index as the bound device without looking it up (so 1000000 reads back 1000000); 0 unbinds; a negative one is EINVAL",
        source: "net/core/sock.c sk_setsockopt case SO_BINDTOIFINDEX 'ret = sock_bindtoindex_locked(sk, val)', sock_bindtoindex_locked 'ret = -EINVAL; if (ifindex < 0) goto out; WRITE_ONCE(sk->sk_bound_dev_if, ifindex)', sk_getsockopt 'v.val = READ_ONCE(sk->sk_bound_dev_if)' (read at Debian 6.12.118)",
    };
    pub const RCVMARK: Rule = Rule {
        id: "linux.so.rcvmark",
        formula: "v != 0; default 0; no privilege needed",
        why: "SO_RCVMARK asks for each message's skb mark as ancillary data: a plain socket flag on every kind; unlike SO_MARK it needs no CAP_NET_RAW / CAP_NET_ADMIN (a check added for 6.1 was reverted in 6.5 and in the 6.1, 6.3 and 6.4 stable series in June 2023, so early 6.1 to 6.4 point releases answered EPERM without it: not modelled by point release)",
        source: "net/core/sock.c sk_setsockopt case SO_RCVMARK 'sock_valbool_flag(sk, SOCK_RCVMARK, valbool)', sk_getsockopt 'v.val = sock_flag(sk, SOCK_RCVMARK)'; commit a9628e88776e (revert \"net: align SO_RCVMARK required privileges with SO_MARK\", 1f86123b9749), stable 6.3 backport 2023-06-26",
    };
    pub const RAW_EPERM: Rule = Rule {
        id: "linux.raw.needs_cap_net_raw",
        formula: "socket(SOCK_RAW) without CAP_NET_RAW => EPERM",
        why: "a raw socket needs CAP_NET_RAW in the network namespace's user namespace; without it socket() fails, so no option can be asked",
        source: "net/ipv4/af_inet.c inet_create and net/ipv6/af_inet6.c inet6_create 'if (sock->type == SOCK_RAW && !kern && !ns_capable(net->user_ns, CAP_NET_RAW)) goto out_rcu_unlock' (err = -EPERM) (read at Debian 6.12.118)",
    };
    pub const PING_EACCES: Rule = Rule {
        id: "linux.icmp.needs_ping_group",
        formula: "socket(SOCK_DGRAM, IPPROTO_ICMP / IPPROTO_ICMPV6) outside net.ipv4.ping_group_range => EACCES",
        why: "a ping socket is allowed only to a process whose effective gid or a supplementary group lies in the network namespace's ping_group_range (stock 1..0: nobody, root included; no capability stands in); otherwise socket() fails, so no option can be asked",
        source: "net/ipv4/ping.c ping_init_sock 'inet_get_ping_group_range_net(net, &low, &high); if (gid_lte(low, group) && gid_lte(group, high)) return 0; ... ret = -EACCES', called for icmp4 and icmp6 (net/ipv6/ping.c pingv6_prot .init = ping_init_sock)",
    };
    pub const RAW_REUSE: Rule = Rule {
        id: "linux.raw.reuseaddr_on",
        formula: "raw, icmp: default 1; set v != 0",
        why: "the raw and the ping (ICMP datagram) protocols are registered with INET_PROTOSW_REUSE, so a new raw or ping socket starts with SO_REUSEADDR on (sk_reuse = SK_CAN_REUSE); a set is the plain flag",
        source: "net/ipv4/af_inet.c inetsw_array (SOCK_RAW and SOCK_DGRAM/IPPROTO_ICMP '.flags = INET_PROTOSW_REUSE'), inet_create 'if (INET_PROTOSW_REUSE & answer_flags) sk->sk_reuse = SK_CAN_REUSE'; net/ipv6/raw.c rawv6_protosw, net/ipv6/ping.c pingv6_protosw, net/ipv6/af_inet6.c inet6_create (the same) (read at Debian 6.12.118; the ping entries in torvalds/linux master)",
    };
    pub const PLAIN_FLAGS: Rule = Rule {
        id: "linux.so.plain_flag",
        formula: "v != 0; default 0",
        why: "SO_TIMESTAMP, SO_TIMESTAMPNS, SO_SELECT_ERR_QUEUE, SO_WIFI_STATUS, SO_NOFCS and SO_LOCK_FILTER are socket flags set from valbool (any non-zero int) on every kind; a new socket has them clear (SO_TIMESTAMP reads 1 only while SO_TIMESTAMPNS is off, and clearing SO_LOCK_FILTER once set is EPERM: neither shows with one set per socket)",
        source: "net/core/sock.c sk_setsockopt case SO_TIMESTAMP_OLD / SO_TIMESTAMPNS_OLD 'sock_set_timestamp(sk, optname, valbool)', case SO_SELECT_ERR_QUEUE / SO_WIFI_STATUS / SO_NOFCS 'sock_valbool_flag(...)', case SO_LOCK_FILTER; sk_getsockopt the same cases 'v.val = sock_flag(...)' (read at Debian 6.12.118)",
    };
    pub const ACCEPTCONN: Rule = Rule {
        id: "linux.so.acceptconn",
        formula: "listening ? 1 : 0; set => ENOPROTOOPT",
        why: "SO_ACCEPTCONN reads whether the socket is in TCP_LISTEN (a listening unix socket too); it has no setter",
        source: "net/core/sock.c sk_getsockopt case SO_ACCEPTCONN 'v.val = sk->sk_state == TCP_LISTEN'; sk_setsockopt has no case (default: -ENOPROTOOPT) (read at Debian 6.12.118)",
    };
    pub const NAPI_ID: Rule = Rule {
        id: "linux.so.incoming_napi_id",
        formula: "0; set => ENOPROTOOPT",
        why: "SO_INCOMING_NAPI_ID reads the NAPI instance that last delivered a packet; loopback traffic has no NAPI id, and ids below MIN_NAPI_ID are reported as 0; there is no setter",
        source: "net/core/sock.c sk_getsockopt case SO_INCOMING_NAPI_ID '/* aggregate non-NAPI IDs down to 0 */ if (v.val < MIN_NAPI_ID) v.val = 0'; sock_init_data 'sk->sk_napi_id = 0' (read at Debian 6.12.118)",
    };
    pub const INCOMING_CPU: Rule = Rule {
        id: "linux.so.incoming_cpu",
        formula: "v (any int, unchecked); default -1",
        why: "SO_INCOMING_CPU stores whatever int it is given (a negative one too) as the socket's incoming CPU and reads it back; a new socket starts at -1, and only a packet taken in for it changes that (linux.so.incoming_cpu_rx)",
        source: "net/core/sock.c sk_setsockopt case SO_INCOMING_CPU 'reuseport_update_incoming_cpu(sk, val)', net/core/sock_reuseport.c reuseport_update_incoming_cpu 'WRITE_ONCE(sk->sk_incoming_cpu, val)', sk_getsockopt 'v.val = READ_ONCE(sk->sk_incoming_cpu)', sock_init_data 'sk->sk_incoming_cpu = -1' (read at ColtPlus/linux-6.18.y 57218520 and unifreq/linux-6.1.y 525d1212a)",
    };
    pub const INCOMING_CPU_RX: Rule = Rule {
        id: "linux.so.incoming_cpu_rx",
        formula: "tcp connected, untouched: 0..=nr_cpu_ids-1 (the CPU that took the SYN-ACK)",
        why: "TCP records, for every packet it takes in for a socket that is not listening, the id of the CPU whose softirq took it; a connected client has taken its handshake's SYN-ACK, so it reads one CPU's id, which one being the scheduler's choice. UDP does the same per datagram, but a connected UDP socket here has taken none (-1); the unix, raw and ping protocols never record it",
        source: "net/ipv4/tcp_ipv4.c tcp_v4_rcv and net/ipv6/tcp_ipv6.c tcp_v6_rcv 'sk_incoming_cpu_update(sk)' (after the TCP_LISTEN branch); include/net/sock.h sk_incoming_cpu_update 'int cpu = raw_smp_processor_id()'; net/ipv4/udp.c udp_queue_rcv_one_skb (read at ColtPlus/linux-6.18.y 57218520)",
    };
    pub const COOKIE: Rule = Rule {
        id: "linux.so.cookie",
        formula: "u64 read: 1..=u64::MAX (the socket's cookie); set => ENOPROTOOPT",
        why: "SO_COOKIE reads a number the kernel gives the socket the first time one is asked for, from a global generator that never hands out 0 (per-CPU batches counting up, a nested call counting down from the top of u64); it has no setter",
        source: "net/core/sock.c sk_getsockopt case SO_COOKIE 'v.val64 = sock_gen_cookie(sk)'; net/core/sock_diag.c __sock_gen_cookie; include/linux/cookie.h gen_cookie_next ('local->last = ++val', 'atomic64_dec_return(&gc->reverse_last)'); sk_setsockopt has no case (default: -ENOPROTOOPT) (read at ColtPlus/linux-6.18.y 57218520)",
    };
    pub const PEERCRED: Rule = Rule {
        id: "linux.so.peercred",
        formula: "unix stream / seqpacket listening or connected: ucred(pid, euid, egid) of the peer (here this process); else ucred(0, (uid_t)-1, (gid_t)-1); set => ENOPROTOOPT",
        why: "SO_PEERCRED copies the credentials a unix socket took when it listened (its own) or connected (its listener's, taken at listen), as pid, effective uid and effective gid seen from the reader's namespaces; any other socket has none, which reads pid 0 and uid and gid -1 in their unsigned fields. A datagram connect takes none. It has no setter",
        source: "net/core/sock.c sk_getsockopt case SO_PEERCRED 'cred_to_ucred(sk->sk_peer_pid, sk->sk_peer_cred, &peercred)', cred_to_ucred ('ucred->pid = pid_vnr(pid); ucred->uid = ucred->gid = -1; if (cred) { ... from_kuid_munged(current_ns, cred->euid) ...}'); net/unix/af_unix.c unix_listen 'update_peercred(sk, &peercred)', unix_stream_connect 'copy_peercred(sk, other)', prepare_peercred 'task_tgid(current)'; unix_dgram_connect sets none (read at ColtPlus/linux-6.18.y 57218520 and unifreq/linux-6.1.y 525d1212a)",
    };
    pub const PEERPIDFD: Rule = Rule {
        id: "linux.so.peerpidfd",
        formula: "from 6.5: unix stream / seqpacket listening or connected: a new descriptor, 0..=INT_MAX (a pidfd of the peer, here this process); else ENODATA; set => ENOPROTOOPT",
        why: "SO_PEERPIDFD opens a pidfd for the process a unix socket took as its peer (the same pid SO_PEERCRED reports: its own when it listened, its listener's when it connected) and installs it as a new descriptor in the reader, whose number (the lowest free one) is the value read; a socket without a peer pid (every inet socket, a unix datagram socket) answers ENODATA. Each read makes another descriptor, which the reader must close (the raw path closes it at once). It has no setter",
        source: "net/core/sock.c sk_getsockopt case SO_PEERPIDFD ('peer_pid = get_pid(sk->sk_peer_pid); ... if (!peer_pid) return -ENODATA; ... pidfd = pidfd_prepare(peer_pid, flags, &pidfd_file); ... fd_install(pidfd, pidfd_file)'), sk_setsockopt has no case (default: -ENOPROTOOPT); net/unix/af_unix.c unix_listen, unix_stream_connect, prepare_peercred 'task_tgid(current)' (read at ColtPlus/linux-6.18.y 57218520 and shilei-massclouds/linux-6.12)",
    };
    pub const PEERPIDFD_NEW: Rule = Rule {
        id: "linux.so.peerpidfd_new",
        formula: "before 6.5: ENOPROTOOPT",
        why: "SO_PEERPIDFD came with 'net: core: add getsockopt SO_PEERPIDFD' in 6.5; an older kernel's sk_getsockopt has no such case (measured on 6.1 in the kernel matrix)",
        source: "net/core/sock.c sk_getsockopt (no SO_PEERPIDFD at unifreq/linux-6.1.y 525d1212a); commit 7b26952a91cf, merged for v6.5-rc1",
    };
    pub const TXTIME: Rule = Rule {
        id: "linux.so.txtime",
        formula: "flags & ~3 => EINVAL; clock != CLOCK_MONOTONIC without CAP_NET_ADMIN => EPERM; else txtime(clock, flags); default txtime(0,0)",
        why: "SO_TXTIME turns on launch times for the socket's packets: it takes only the two known flags (SOF_TXTIME_DEADLINE_MODE 1, SOF_TXTIME_REPORT_ERRORS 2) and, from a caller without CAP_NET_ADMIN over the socket's network namespace, only CLOCK_MONOTONIC (the one sch_fq uses); the read rebuilds the struct from the stored clock and the two flag bits, and a new socket has clock 0 (CLOCK_REALTIME) and no flags",
        source: "net/core/sock.c sk_setsockopt case SO_TXTIME ('if (sk_txtime.flags & ~SOF_TXTIME_FLAGS_MASK) ret = -EINVAL', 'if (sk_txtime.clockid != CLOCK_MONOTONIC && !sockopt_ns_capable(sock_net(sk)->user_ns, CAP_NET_ADMIN)) ret = -EPERM'), sk_getsockopt case SO_TXTIME; include/uapi/linux/net_tstamp.h SOF_TXTIME_* (read at ColtPlus/linux-6.18.y 57218520 and unifreq/linux-6.1.y 525d1212a)",
    };
    pub const TXTIME_CLOCKS: Rule = Rule {
        id: "linux.so.txtime_clocks",
        formula: "from 6.11: clock not CLOCK_REALTIME (0), CLOCK_MONOTONIC (1) or CLOCK_TAI (11) => EINVAL (after the EPERM check)",
        why: "since 'net: validate SO_TXTIME clockid coming from userspace' the set refuses any clock the packet scheduler cannot use; before it, an administrator's clock id was stored as given, a negative one too (the release is that of the patch's net-next window, May 2024: UNCONFIRMED by a 6.11 run; the kernel matrix runs 6.1 without the check and 6.12 with it)",
        source: "net/core/sock.c sockopt_validate_clockid ('case CLOCK_REALTIME: case CLOCK_MONOTONIC: case CLOCK_TAI: return 0; ... return -EINVAL'), sk_setsockopt case SO_TXTIME 'ret = sockopt_validate_clockid(sk_txtime.clockid)' (present at ColtPlus/linux-6.18.y 57218520 and shilei-massclouds/linux-6.12, absent at unifreq/linux-6.1.y 525d1212a)",
    };
    pub const ATTACH_FILTER: Rule = Rule {
        id: "linux.so.attach_filter",
        formula: "a valid classic program of n instructions => reads n; none, more than BPF_MAXINSNS (4096) or a jump past the end => EINVAL; default 0 (no program)",
        why: "SO_ATTACH_FILTER copies the program a struct sock_fprog points at, checks its length before reading it and every jump against the program's end, and attaches it to any socket; SO_GET_FILTER (the same number read back) asked with no room copies nothing and answers the program's length in instructions, 0 when none is attached",
        source: "net/core/sock.c sk_setsockopt case SO_ATTACH_FILTER ('copy_bpf_fprog_from_user', 'sk_attach_filter'), sk_getsockopt case SO_GET_FILTER; net/core/filter.c __get_filter ('if (!bpf_check_basics_ok(fprog->filter, fprog->len)) return ERR_PTR(-EINVAL)'), bpf_check_basics_ok ('if (flen == 0 || flen > BPF_MAXINSNS) return false'), bpf_check_classic ('case BPF_JMP | BPF_JA: if (ftest->k >= (unsigned int)(flen - pc - 1)) return -EINVAL'), sk_get_filter ('ret = fprog->len; if (!len) /* User space only enquires number of filter blocks. */ goto out') (read at ColtPlus/linux-6.18.y 57218520)",
    };
    pub const ATTACH_FILTER_REFUSED_HERE: Rule = Rule {
        id: "linux.so.attach_filter_tcp_refused_here",
        formula: "tcp, where this kernel refuses it (host fact tcp_filter_refused): set => EPERM, before any check of the program",
        why: "the sandbox kernel this runs on (6.18.44-fc) answers EPERM to SO_ATTACH_FILTER on a TCP socket from a caller without CAP_NET_ADMIN, even for a program the kernel would refuse as EINVAL, while UDP and unix sockets take it; upstream net/core has no such check, so it is a policy of that kernel build (a hook ahead of sk_setsockopt), calibrated by one probe: UNCONFIRMED in any source",
        source: "measured here (scripts/test-in unprivileged; the probe in platform/linux/facts.rs); no such check in net/core/sock.c sk_setsockopt or net/core/filter.c at ColtPlus/linux-6.18.y 57218520",
    };
    pub const DETACH_FILTER: Rule = Rule {
        id: "linux.so.detach_filter",
        formula: "set (any int) => ENOENT without a program (every socket here), else 0; read back through SO_ATTACH_FILTER",
        why: "SO_DETACH_FILTER does not look at its value: it removes the attached program, and a socket without one answers ENOENT; it has no read of its own (the catalogue reads SO_GET_FILTER's length after it)",
        source: "net/core/sock.c sk_setsockopt case SO_DETACH_FILTER 'ret = sk_detach_filter(sk)'; net/core/filter.c sk_detach_filter ('int ret = -ENOENT; ... if (filter) { ... ret = 0; }'); sk_getsockopt has no SO_DETACH_FILTER case (default: -ENOPROTOOPT) (read at ColtPlus/linux-6.18.y 57218520)",
    };
    pub const TXTIME_CLOCK_BYTE: Rule = Rule {
        id: "linux.so.txtime_clock_byte",
        formula: "before 6.11: the clock is stored in a u8 => reads clock & 0xff (-1 reads 255)",
        why: "the socket keeps SO_TXTIME's clock in sk_clockid, a u8; with no check of the clock before 6.11, an administrator's -1 is stored as 255 and read back so (measured on 6.1 in the kernel matrix)",
        source: "include/net/sock.h struct sock 'u8 sk_clockid'; net/core/sock.c sk_setsockopt case SO_TXTIME 'sk->sk_clockid = sk_txtime.clockid', sk_getsockopt 'v.txtime.clockid = sk->sk_clockid' (unifreq/linux-6.1.y 525d1212a)",
    };
    pub const BUF_LOCK: Rule = Rule {
        id: "linux.so.buf_lock",
        formula: "v & ~3 => EINVAL; else v; default 0",
        why: "SO_BUF_LOCK sets the two buffer-lock bits (SOCK_SNDBUF_LOCK 1, SOCK_RCVBUF_LOCK 2) that a set of SO_SNDBUF / SO_RCVBUF would set, so autotuning leaves the size alone; any other bit is refused",
        source: "net/core/sock.c sk_setsockopt case SO_BUF_LOCK 'if (val & ~SOCK_BUF_LOCK_MASK) { ret = -EINVAL; ...} sk->sk_userlocks = val | (sk->sk_userlocks & ~SOCK_BUF_LOCK_MASK)', sk_getsockopt 'v.val = sk->sk_userlocks & SOCK_BUF_LOCK_MASK' (read at Debian 6.12.118)",
    };
    pub const TXREHASH: Rule = Rule {
        id: "linux.so.txrehash",
        formula: "-1 <= v <= 1 else EINVAL; -1 => net.core.txrehash; default: inet net.core.txrehash, unix 0",
        why: "SO_TXREHASH says whether a retransmission may pick a new flow hash (path); -1 means the namespace's default; an inet socket starts at the default, a unix socket at 0 (the field is never set for it)",
        source: "net/core/sock.c sk_setsockopt case SO_TXREHASH 'if (val < -1 || val > 1) return -EINVAL; if ((u8)val == SOCK_TXREHASH_DEFAULT) val = READ_ONCE(sock_net(sk)->core.sysctl_txrehash)'; net/ipv4/af_inet.c inet_create and net/ipv6/af_inet6.c inet6_create 'sk->sk_txrehash = READ_ONCE(net->core.sysctl_txrehash)' (read at Debian 6.12.118)",
    };
    pub const TXREHASH_TCP_ONLY: Rule = Rule {
        id: "linux.so.txrehash_tcp_only",
        formula: "kernel >= 6.16: EOPNOTSUPP unless TCP",
        why: "SO_TXREHASH only matters to TCP's retransmissions, and newer kernels refuse it, read and write, on every other socket (measured: 6.18 refuses on udp and unix; the 6.12 source has no check; the first release with the check is UNCONFIRMED, taken as 6.16 and held to the kernel matrix's 6.16 and 6.17 runs)",
        source: "net/core/sock.c sk_setsockopt / sk_getsockopt case SO_TXREHASH (no socket check at Debian 6.12.118; the refusal measured on 6.18)",
    };
    pub const PACING: Rule = Rule {
        id: "linux.so.max_pacing_rate",
        formula: "v (as u32; ~0U means unlimited); default ~0U, read as -1",
        why: "an int-sized SO_MAX_PACING_RATE is taken as an unsigned 32-bit rate (~0U becomes ~0UL, unlimited), and an int-sized read gives min(rate, ~0U): so every int reads back as itself, and a new socket's unlimited rate reads 0xffffffff (-1)",
        source: "net/core/sock.c sk_setsockopt case SO_MAX_PACING_RATE 'unsigned long ulval = (val == ~0U) ? ~0UL : (unsigned int)val', sk_getsockopt '/* 32bit version */ v.val = min_t(unsigned long, ~0U, READ_ONCE(sk->sk_max_pacing_rate))'; sock_init_data 'sk->sk_max_pacing_rate = ~0UL' (read at Debian 6.12.118)",
    };
    pub const PREFER_BUSY_POLL: Rule = Rule {
        id: "linux.so.prefer_busy_poll",
        formula: "v != 0 without CAP_NET_ADMIN => EPERM; else v != 0; default 0",
        why: "switching SO_PREFER_BUSY_POLL on needs CAP_NET_ADMIN in the initial user namespace (sockopt_capable); switching it off does not",
        source: "net/core/sock.c sk_setsockopt case SO_PREFER_BUSY_POLL 'if (valbool && !sockopt_capable(CAP_NET_ADMIN)) return -EPERM; WRITE_ONCE(sk->sk_prefer_busy_poll, valbool)' (read at Debian 6.12.118)",
    };
    pub const OFF: Rule = Rule {
        id: "linux.sock.default_off",
        formula: "0",
        why: "a new socket has the flag clear",
        source: "net/core/sock.c sock_init_data",
    };
    pub const REUSEPORT_UNIX: Rule = Rule {
        id: "linux.sock.reuseport_inet_only",
        formula: "v != 0 on AF_UNIX => EOPNOTSUPP",
        why: "SO_REUSEPORT can only be switched on for inet sockets",
        source: SOCK_C,
    };
    pub const PASSCRED_UNIX_ONLY: Rule = Rule {
        id: "linux.sock.passcred_unix_only",
        formula: "kernel >= 6.16: EOPNOTSUPP unless AF_UNIX (or netlink)",
        why: "since 6.16 SO_PASSCRED and SO_PASSSEC are refused, read and write, on sockets that cannot receive SCM_CREDENTIALS / SCM_SECURITY (measured: 6.16, 6.17 and 6.18 refuse, 6.12 and 6.1 accept)",
        source: "net/core/sock.c sk_setsockopt / sk_getsockopt (sk_may_scm_recv), commit 7d8d93fdde50 \"net: Restrict SO_PASS{CRED,PIDFD,SEC} to AF_{UNIX,NETLINK,BLUETOOTH}.\" (net-next 2025-05, in 6.16-rc1)",
    };
    pub const PASSCRED_ANY: Rule = Rule {
        id: "linux.sock.passcred_any_socket",
        formula: "kernel < 6.16: v != 0 on any socket",
        why: "before 6.16 SO_PASSCRED and SO_PASSSEC are plain flags on every socket, even where no credentials can arrive",
        source: "net/core/sock.c sock_setsockopt (SO_PASSCRED: sock_valbool_flag)",
    };
    pub const LINGER_DEFAULT: Rule = Rule {
        id: "linux.linger.default",
        formula: "linger(0,0)",
        why: "lingering is off and the linger time 0 on a new socket",
        source: "net/core/sock.c sock_init_data",
    };
    pub const LINGER_OFF_KEEPS_TIME: Rule = Rule {
        id: "linux.linger.off_keeps_time",
        formula: "l_onoff == 0 => linger(0, previous l_linger)",
        why: "switching linger off only clears the flag; the stored time (0 on a new socket) is what reads back",
        source: SOCK_C,
    };
    pub const LINGER_ON: Rule = Rule {
        id: "linux.linger.on",
        formula: "linger(1, l_linger)",
        why: "l_onoff is stored as one flag bit, so any non-zero reads back 1; the time is kept in ticks and divided back",
        source: SOCK_C,
    };
    pub const LINGER_HUGE: Rule = Rule {
        id: "linux.linger.infinite",
        formula: "linger(1, (int)(LONG_MAX/HZ))",
        why: "l_linger is widened to unsigned long, so a negative one is huge: it becomes MAX_SCHEDULE_TIMEOUT, which reads back truncated to an int",
        source: SOCK_C,
    };
    pub const TIMEO_DEFAULT: Rule = Rule {
        id: "linux.timeo.default",
        formula: "tv(0,0)",
        why: "a new socket waits forever (MAX_SCHEDULE_TIMEOUT), which reads back as tv(0,0)",
        source: "net/core/sock.c sock_init_data, sock_get_timeout",
    };
    pub const TIMEO_EDOM: Rule = Rule {
        id: "linux.timeo.edom",
        formula: "tv_usec not in [0, 1000000) => EDOM",
        why: "the microseconds must be a proper fraction of a second",
        source: "net/core/sock.c sock_set_timeout",
    };
    pub const TIMEO_NEGATIVE: Rule = Rule {
        id: "linux.timeo.negative",
        formula: "tv_sec < 0 => 0 ticks, reads tv(0,0)",
        why: "a negative timeout is stored as zero ticks (calls fail at once with EAGAIN), yet reads back like 'no timeout'",
        source: "net/core/sock.c sock_set_timeout",
    };
    pub const TIMEO_INFINITE: Rule = Rule {
        id: "linux.timeo.infinite",
        formula: "tv(0,0) or tv_sec >= LONG_MAX/HZ - 1 => forever, reads tv(0,0)",
        why: "zero, and anything too long to count in ticks, mean 'wait forever'",
        source: "net/core/sock.c sock_set_timeout, sock_get_timeout",
    };
    pub const TIMEO_TICKS: Rule = Rule {
        id: "linux.timeo.rounded_up_to_tick",
        formula: "ticks = sec*HZ + ceil(usec/jiffy); reads tv(ticks/HZ, (ticks%HZ)*jiffy)",
        why: "timeouts are kept in timer ticks, rounding the microseconds up to a whole tick",
        source: "net/core/sock.c sock_set_timeout, sock_get_timeout",
    };
    pub const RCVLOWAT_DEFAULT: Rule = Rule {
        id: "linux.rcvlowat.default",
        formula: "1",
        why: "SO_RCVLOWAT and SO_SNDLOWAT start at 1",
        source: "net/core/sock.c sock_init_data; sk_getsockopt SO_SNDLOWAT",
    };
    pub const RCVLOWAT: Rule = Rule {
        id: "linux.rcvlowat.set",
        formula: "v < 0 => INT_MAX; 0 => 1",
        why: "a negative low-water mark means INT_MAX and 0 means 1",
        source: SOCK_C,
    };
    pub const TCP_RCVLOWAT: Rule = Rule {
        id: "linux.tcp.rcvlowat_capped",
        formula: "min(v < 0 ? INT_MAX : v, (rcvbuf locked ? rcvbuf : tcp_rmem[2]) / 2), 0 => 1",
        why: "TCP caps the low-water mark at half the receive buffer it may grow to",
        source: "net/ipv4/tcp.c tcp_set_rcvlowat",
    };
    pub const SNDLOWAT_FIXED: Rule = Rule {
        id: "linux.sndlowat.fixed",
        formula: "set => ENOPROTOOPT",
        why: "SO_SNDLOWAT cannot be changed on Linux; it always reads 1",
        source: SOCK_C,
    };
    pub const PRIORITY: Rule = Rule {
        id: "linux.priority.stored",
        formula: "v",
        why: "the priority is stored as given (0..6 for anyone; any int with CAP_NET_RAW or CAP_NET_ADMIN)",
        source: SOCK_C,
    };
    pub const PRIORITY_EPERM: Rule = Rule {
        id: "linux.priority.eperm",
        formula: "v outside 0..6 without CAP_NET_RAW/CAP_NET_ADMIN => EPERM",
        why: "priorities above 6 (and negative ones) need CAP_NET_RAW or CAP_NET_ADMIN",
        source: SOCK_C,
    };
    pub const MARK: Rule = Rule {
        id: "linux.mark.stored",
        formula: "v",
        why: "the mark is stored as given",
        source: SOCK_C,
    };
    pub const MARK_EPERM: Rule = Rule {
        id: "linux.mark.eperm",
        formula: "EPERM without CAP_NET_RAW/CAP_NET_ADMIN",
        why: "setting SO_MARK needs CAP_NET_RAW or CAP_NET_ADMIN, whatever the value",
        source: SOCK_C,
    };
    pub const BUSY_POLL_DEFAULT: Rule = Rule {
        id: "linux.busy_poll.default",
        formula: "net.core.busy_read",
        why: "a new socket busy-polls for net.core.busy_read microseconds",
        source: "net/core/sock.c sock_init_data",
    };
    pub const BUSY_POLL: Rule = Rule {
        id: "linux.busy_poll.set",
        formula: "v < 0 => EINVAL; else v",
        why: "a negative busy-poll time is refused; any other is stored",
        source: SOCK_C,
    };
    pub const READ_ONLY: Rule = Rule {
        id: "linux.sock.read_only",
        formula: "set => ENOPROTOOPT",
        why: "SO_TYPE, SO_DOMAIN, SO_PROTOCOL and SO_ERROR have no setter; sk_setsockopt's default case answers ENOPROTOOPT",
        source: SOCK_C,
    };
    pub const IDENTITY: Rule = Rule {
        id: "linux.sock.identity",
        formula: "the socket's type / domain / protocol",
        why: "read from the socket itself: SOCK_STREAM 1, SOCK_DGRAM 2, SOCK_RAW 3, SOCK_SEQPACKET 5; AF_UNIX 1, AF_INET 2, AF_INET6 10; IPPROTO_TCP 6, IPPROTO_UDP 17, the raw kinds' IPPROTO_RAW 255, 0 for unix",
        source: SOCK_C,
    };
    pub const NO_ERROR: Rule = Rule {
        id: "linux.sock.no_error",
        formula: "0",
        why: "no asynchronous error is pending on these loopback sockets",
        source: SOCK_C,
    };
}

/// The first release that refuses SO_PASSCRED outside AF_UNIX / netlink.
pub const PASSCRED_RESTRICTED_SINCE: (u32, u32) = (6, 16);

/// The first release taken to refuse SO_TXREHASH outside TCP.
pub const TXREHASH_TCP_ONLY_SINCE: (u32, u32) = (6, 16);

/// -1 in a uid_t or gid_t field: no credentials.
const NO_ID: i128 = u32::MAX as i128;

/// The top of a u64, by name (the highest cookie).
const U64_MAX: Sym = Sym {
    name: "u64::MAX",
    value: u64::MAX as i128,
};

/// The top of an int, by name (the highest descriptor a read could name).
const INT_MAX: Sym = Sym {
    name: "INT_MAX",
    value: i32::MAX as i128,
};

/// LONG_MAX on 64-bit Linux: MAX_SCHEDULE_TIMEOUT.
const MAX_SCHEDULE_TIMEOUT: i128 = i64::MAX as i128;

pub fn predict(a: &Args<SocketOpt>) -> Prediction {
    let request = a.request;
    let unix = a.kind.domain() == Domain::Unix;
    match a.opt {
        SocketOpt::Reuseaddr if a.kind.is_raw() || a.kind.is_icmp() => flag(request, 1, &RAW_REUSE),
        SocketOpt::Keepalive | SocketOpt::Reuseaddr | SocketOpt::Broadcast | SocketOpt::Oobinline => {
            flag(request, 0, &OFF)
        }
        SocketOpt::Reuseport => match int(request) {
            Some(v) if unix && v.value() != 0 => Prediction::err("EOPNOTSUPP", vec![&REUSEPORT_UNIX]),
            _ => flag(request, 0, &OFF),
        },
        SocketOpt::Passcred if !unix && a.facts.kernel_version < PASSCRED_RESTRICTED_SINCE => {
            flag(request, 0, &PASSCRED_ANY)
        }
        SocketOpt::Passcred if !unix => Prediction::err("EOPNOTSUPP", vec![&PASSCRED_UNIX_ONLY]),
        SocketOpt::Passcred => flag(request, 0, &OFF),
        SocketOpt::Passsec if !unix && a.facts.kernel_version < PASSCRED_RESTRICTED_SINCE => {
            flag(request, 0, &PASSCRED_ANY)
        }
        SocketOpt::Passsec if !unix => Prediction::err("EOPNOTSUPP", vec![&PASSCRED_UNIX_ONLY]),
        SocketOpt::Passsec => flag(request, 0, &OFF),
        SocketOpt::Timestamp
        | SocketOpt::Timestampns
        | SocketOpt::SelectErrQueue
        | SocketOpt::WifiStatus
        | SocketOpt::Nofcs
        | SocketOpt::LockFilter => flag(request, 0, &PLAIN_FLAGS),
        SocketOpt::Acceptconn => match request {
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&ACCEPTCONN]),
            Request::Default => Prediction::ok(
                RelativeValue::int((a.state == State::Listening).into()),
                vec![&ACCEPTCONN],
            ),
        },
        SocketOpt::IncomingNapiId => match request {
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&NAPI_ID]),
            Request::Default => Prediction::ok(RelativeValue::int(0), vec![&NAPI_ID]),
        },
        SocketOpt::IncomingCpu => match int(request) {
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&INCOMING_CPU]),
            None if a.kind.is_tcp() && a.state == State::Connected => Prediction::ok(
                RelativeValue::Range(Expr::lit(0), Expr::of(a.facts.nr_cpu_ids()).plus(-1)),
                vec![&INCOMING_CPU_RX],
            ),
            None => Prediction::ok(RelativeValue::int(-1), vec![&INCOMING_CPU]),
        },
        SocketOpt::Cookie => match request {
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&COOKIE]),
            Request::Default => Prediction::ok(
                RelativeValue::Range(Expr::lit(1), Expr::of(U64_MAX)),
                vec![&COOKIE],
            ),
        },
        SocketOpt::Peercred => match request {
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&PEERCRED]),
            Request::Default => {
                let ucred = match has_peer_pid(a.kind, a.state) {
                    true => a.facts.own_ucred().map(Expr::of),
                    false => [0, NO_ID, NO_ID].map(Expr::lit),
                };
                Prediction::ok(RelativeValue::Ucred(Box::new(ucred)), vec![&PEERCRED])
            }
        },
        SocketOpt::Peerpidfd => match request {
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&PEERPIDFD]),
            Request::Default if a.facts.kernel_version < PEERPIDFD_SINCE => {
                Prediction::err("ENOPROTOOPT", vec![&PEERPIDFD_NEW])
            }
            Request::Default if has_peer_pid(a.kind, a.state) => Prediction::ok(
                RelativeValue::Range(Expr::lit(0), Expr::of(INT_MAX)),
                vec![&PEERPIDFD],
            ),
            Request::Default => Prediction::err("ENODATA", vec![&PEERPIDFD]),
        },
        SocketOpt::Txtime => txtime(a),
        SocketOpt::AttachFilter => match a.request {
            Request::Default => Prediction::ok(RelativeValue::int(0), vec![&ATTACH_FILTER]),
            Request::Set(_) if a.kind.is_tcp() && a.facts.tcp_filter_refused => {
                Prediction::err("EPERM", vec![&ATTACH_FILTER_REFUSED_HERE])
            }
            Request::Set(RelativeValue::Text(name, _)) => {
                match crate::filter::program(name).map(|p| p.verdict) {
                    Some(Verdict::Valid(n)) => {
                        Prediction::ok(RelativeValue::int(n as i128), vec![&ATTACH_FILTER])
                    }
                    Some(Verdict::BadLength | Verdict::BadJump) => {
                        Prediction::err("EINVAL", vec![&ATTACH_FILTER])
                    }
                    None => crate::platform::gated(),
                }
            }
            Request::Set(_) => crate::platform::gated(),
        },
        // Every socket here is without a program; the read is of no program.
        SocketOpt::DetachFilter => match a.request {
            Request::Set(_) => Prediction::err("ENOENT", vec![&DETACH_FILTER]),
            Request::Default => Prediction::err("ENOPROTOOPT", vec![&DETACH_FILTER]),
        },
        SocketOpt::BufLock => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&BUF_LOCK]),
            Some(v) if v.value() & !3 != 0 => Prediction::err("EINVAL", vec![&BUF_LOCK]),
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&BUF_LOCK]),
        },
        SocketOpt::Txrehash if !a.kind.is_tcp() && a.facts.kernel_version >= TXREHASH_TCP_ONLY_SINCE => {
            Prediction::err("EOPNOTSUPP", vec![&TXREHASH_TCP_ONLY])
        }
        SocketOpt::Txrehash => {
            let default = || fact("net.core.txrehash", a.facts.txrehash);
            match int(request).map(|v| v.value()) {
                None if unix => Prediction::ok(RelativeValue::int(0), vec![&TXREHASH]),
                None | Some(-1) => Prediction::ok(default(), vec![&TXREHASH]),
                Some(v @ (0 | 1)) => Prediction::ok(RelativeValue::int(v), vec![&TXREHASH]),
                Some(_) => Prediction::err("EINVAL", vec![&TXREHASH]),
            }
        }
        SocketOpt::MaxPacingRate => match int(request) {
            None => Prediction::ok(RelativeValue::int(-1), vec![&PACING]),
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&PACING]),
        },
        SocketOpt::PreferBusyPoll => match int(request) {
            Some(v) if v.value() != 0 && !a.facts.cap_net_admin => {
                Prediction::err("EPERM", vec![&PREFER_BUSY_POLL])
            }
            _ => flag(request, 0, &PREFER_BUSY_POLL),
        },
        SocketOpt::Linger => linger(a),
        SocketOpt::Rcvtimeo | SocketOpt::Sndtimeo => timeout(a),
        SocketOpt::Rcvlowat => rcvlowat(a),
        SocketOpt::Sndlowat => match request {
            Request::Default => Prediction::ok(RelativeValue::int(1), vec![&RCVLOWAT_DEFAULT]),
            Request::Set(_) => Prediction::err("ENOPROTOOPT", vec![&SNDLOWAT_FIXED]),
        },
        SocketOpt::Priority => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&OFF]),
            Some(v) if (0..=6).contains(&v.value()) || a.facts.cap_net_raw_or_admin => {
                Prediction::ok(RelativeValue::Int(v), vec![&PRIORITY])
            }
            Some(_) => Prediction::err("EPERM", vec![&PRIORITY_EPERM]),
        },
        SocketOpt::Mark => match int(request) {
            None => Prediction::ok(RelativeValue::int(0), vec![&OFF]),
            Some(v) if a.facts.cap_net_raw_or_admin => Prediction::ok(RelativeValue::Int(v), vec![&MARK]),
            Some(_) => Prediction::err("EPERM", vec![&MARK_EPERM]),
        },
        SocketOpt::RxqOvfl => flag(request, 0, &RXQ_OVFL),
        SocketOpt::Rcvmark => flag(request, 0, &RCVMARK),
        SocketOpt::Dontroute => flag(request, 0, &DONTROUTE),
        SocketOpt::BusyPoll => match int(request) {
            None => Prediction::ok(
                fact("net.core.busy_read", a.facts.busy_read),
                vec![&BUSY_POLL_DEFAULT],
            ),
            Some(v) if v.value() < 0 => Prediction::err("EINVAL", vec![&BUSY_POLL]),
            Some(v) => Prediction::ok(RelativeValue::Int(v), vec![&BUSY_POLL]),
        },
        SocketOpt::Type | SocketOpt::Domain | SocketOpt::Protocol | SocketOpt::Error => read_only(a),
        SocketOpt::Bindtodevice => bindtodevice(a),
        SocketOpt::Bindtoifindex => match int(request).map(|v| v.value()) {
            None => Prediction::ok(RelativeValue::int(0), vec![&BINDTOINDEX]),
            Some(v) if v < 0 => Prediction::err("EINVAL", vec![&BINDTOINDEX]),
            Some(v) => Prediction::ok(RelativeValue::int(v), vec![&BINDTOINDEX]),
        },
        // BSD and Winsock names Linux's headers lack (the gate answers them).
        SocketOpt::Bintime
        | SocketOpt::Nosigpipe
        | SocketOpt::ReuseportLb
        | SocketOpt::TsClock
        | SocketOpt::TimestampMonotonic
        | SocketOpt::Noaddrerr
        | SocketOpt::Nread
        | SocketOpt::Nwrite
        | SocketOpt::Exclusiveaddruse
        | SocketOpt::Setfib
        | SocketOpt::UserCookie
        | SocketOpt::Listenqlimit
        | SocketOpt::Listenqlen
        | SocketOpt::Listenincqlen
        | SocketOpt::LingerTicks
        | SocketOpt::ProtocolInfo => crate::platform::gated(),
    }
}

/// The first release with SO_PEERPIDFD.
pub const PEERPIDFD_SINCE: (u32, u32) = (6, 5);

/// Whether the socket holds a peer's pid and credentials: a unix stream or
/// seqpacket socket that listened (its own) or connected (its listener's).
fn has_peer_pid(kind: Kind, state: State) -> bool {
    matches!(kind, Kind::UnixStream | Kind::UnixSeqpacket)
        && matches!(state, State::Listening | State::Connected)
}

/// The first release that takes only the clocks the packet scheduler can
/// use in SO_TXTIME.
pub const TXTIME_CLOCKS_CHECKED_SINCE: (u32, u32) = (6, 11);

fn txtime(a: &Args<SocketOpt>) -> Prediction {
    const MONOTONIC: i128 = 1;
    const KNOWN_CLOCKS: [i128; 3] = [0, MONOTONIC, 11];
    let (clock, flags) = match a.request {
        Request::Default => return Prediction::ok(RelativeValue::txtime(0, 0), vec![&TXTIME]),
        Request::Set(RelativeValue::TxTime(clock, flags)) => (clock.value(), flags.value()),
        Request::Set(_) => return crate::platform::gated(),
    };
    if flags & !3 != 0 {
        return Prediction::err("EINVAL", vec![&TXTIME]);
    }
    if clock != MONOTONIC && !a.facts.cap_net_admin_ns {
        return Prediction::err("EPERM", vec![&TXTIME]);
    }
    match (
        a.facts.kernel_version >= TXTIME_CLOCKS_CHECKED_SINCE,
        KNOWN_CLOCKS.contains(&clock),
    ) {
        (_, true) => Prediction::ok(RelativeValue::txtime(clock, flags), vec![&TXTIME]),
        (true, false) => Prediction::err("EINVAL", vec![&TXTIME, &TXTIME_CLOCKS]),
        // Unchecked, and kept in a u8.
        (false, false) => {
            let rules = match clock & 0xff == clock {
                true => vec![&TXTIME],
                false => vec![&TXTIME, &TXTIME_CLOCK_BYTE],
            };
            Prediction::ok(RelativeValue::txtime(clock & 0xff, flags), rules)
        }
    }
}

/// SO_BINDTODEVICE by name: "" unbinds, a name no device has is ENODEV.
fn bindtodevice(a: &Args<SocketOpt>) -> Prediction {
    match a.request {
        Request::Default => Prediction::ok(RelativeValue::text(""), vec![&BINDTODEVICE]),
        Request::Set(RelativeValue::Text(name, _)) if name.is_empty() || name == LOOPBACK_NAME => {
            Prediction::ok(RelativeValue::text(name), vec![&BINDTODEVICE])
        }
        Request::Set(RelativeValue::Text(..)) => Prediction::err("ENODEV", vec![&BINDTODEVICE]),
        Request::Set(_) => crate::platform::gated(),
    }
}

/// The loopback device's name in every network namespace.
const LOOPBACK_NAME: &str = "lo";

fn read_only(a: &Args<SocketOpt>) -> Prediction {
    let request = a.request;
    if let Request::Set(_) = request {
        return Prediction::err("ENOPROTOOPT", vec![&READ_ONLY]);
    }
    let value = match a.opt {
        SocketOpt::Type => match a.kind.sock_type() {
            SockType::Stream => 1,
            SockType::Dgram => 2,
            SockType::Seqpacket => 5,
            SockType::Raw => 3,
        },
        SocketOpt::Domain => match a.kind.domain() {
            Domain::Unix => 1,
            Domain::Ipv4 => 2,
            Domain::Ipv6 => 10,
        },
        SocketOpt::Protocol => match a.kind {
            Kind::Tcp4 | Kind::Tcp6 => 6,
            Kind::Udp4 | Kind::Udp6 => 17,
            Kind::UnixStream | Kind::UnixDgram | Kind::UnixSeqpacket => 0,
            Kind::Raw4 | Kind::Raw6 => crate::kind::IPPROTO_RAW.into(),
            Kind::Icmp4 => crate::kind::IPPROTO_ICMP.into(),
            Kind::Icmp6 => crate::kind::IPPROTO_ICMPV6.into(),
            Kind::Mptcp4 | Kind::Mptcp6 => crate::kind::IPPROTO_MPTCP.into(),
        },
        _ => return Prediction::ok(RelativeValue::int(0), vec![&NO_ERROR]),
    };
    Prediction::ok(RelativeValue::int(value), vec![&IDENTITY])
}

fn linger(a: &Args<SocketOpt>) -> Prediction {
    let request = a.request;
    let Request::Set(val) = request else {
        return Prediction::ok(RelativeValue::linger(0, 0), vec![&LINGER_DEFAULT]);
    };
    let RelativeValue::Linger(on, secs) = val else {
        return crate::platform::gated();
    };
    if on.value() == 0 {
        return Prediction::ok(RelativeValue::linger(0, 0), vec![&LINGER_OFF_KEEPS_TIME]);
    }
    // `unsigned long t_sec = ling.l_linger`: an int widened, sign and all.
    let t_sec = secs.value() as i32 as i64 as u64 as i128;
    let hz = a.facts.hz();
    if t_sec >= MAX_SCHEDULE_TIMEOUT / hz {
        let read = Sym {
            name: "(int)(LONG_MAX/HZ)",
            value: i128::from((MAX_SCHEDULE_TIMEOUT / hz) as i32),
        };
        return Prediction::ok(
            RelativeValue::Linger(Expr::lit(1), Expr::of(read)),
            vec![&LINGER_HUGE],
        );
    }
    Prediction::ok(RelativeValue::Linger(Expr::lit(1), *secs), vec![&LINGER_ON])
}

fn timeout(a: &Args<SocketOpt>) -> Prediction {
    let request = a.request;
    let Request::Set(val) = request else {
        return Prediction::ok(RelativeValue::time(0, 0), vec![&TIMEO_DEFAULT]);
    };
    let RelativeValue::Time(sec, usec) = val else {
        return crate::platform::gated();
    };
    let (sec, usec) = (sec.value(), usec.value());
    if !(0..1_000_000).contains(&usec) {
        return Prediction::err("EDOM", vec![&TIMEO_EDOM]);
    }
    if sec < 0 {
        return Prediction::ok(RelativeValue::time(0, 0), vec![&TIMEO_NEGATIVE]);
    }
    let hz = a.facts.hz();
    if (sec == 0 && usec == 0) || sec >= MAX_SCHEDULE_TIMEOUT / hz - 1 {
        return Prediction::ok(RelativeValue::time(0, 0), vec![&TIMEO_INFINITE]);
    }
    let jiffy = a.facts.jiffy();
    let ticks = sec * hz + (usec + jiffy.value - 1) / jiffy.value;
    // Whole ticks of microseconds, written as a multiple of `jiffy`.
    let usec = match ticks % hz {
        0 => Expr::lit(0),
        k => Expr::of(jiffy).times(k),
    };
    Prediction::ok(
        RelativeValue::Time(Expr::lit(ticks / hz), usec),
        vec![&TIMEO_TICKS],
    )
}

fn rcvlowat(a: &Args<SocketOpt>) -> Prediction {
    let request = a.request;
    let Some(v) = int(request) else {
        return match request {
            Request::Default => Prediction::ok(RelativeValue::int(1), vec![&RCVLOWAT_DEFAULT]),
            _ => crate::platform::gated(),
        };
    };
    let v = if v.value() < 0 {
        Expr::lit(i32::MAX.into())
    } else {
        v
    };
    if a.kind.is_tcp() {
        // The receive buffer is not locked here: the cap is tcp_rmem[2] / 2.
        let cap = Expr::of(Sym {
            name: "tcp_rmem[2]/2",
            value: a.facts.tcp_rmem[2] >> 1,
        });
        let v = v.min(cap);
        let v = if v.value() == 0 { Expr::lit(1) } else { v };
        return Prediction::ok(RelativeValue::Int(v), vec![&TCP_RCVLOWAT]);
    }
    let v = if v.value() == 0 { Expr::lit(1) } else { v };
    Prediction::ok(RelativeValue::Int(v), vec![&RCVLOWAT])
}
