/*
 * The probe's behaviour commands: what an option does, run on FreeBSD's own
 * kernel code (src/behaviour/ has the same cases for a host's sockets).
 *
 *   bind <tcp|udp> <first> <addr1> <state> <second> <addr2>
 *     first, second  the reuse options each socket sets before bind:
 *                    none | addr | port | addrport | portlb
 *                    (SO_REUSEADDR, SO_REUSEPORT, SO_REUSEPORT_LB)
 *     addr1, addr2   v4lo (127.0.0.1) | v4any (0.0.0.0) |
 *                    v6dual (:: with IPV6_V6ONLY 0) | v6only (:: with 1)
 *     state          the first socket's: bound | listening (tcp) |
 *                    connected | timewait (tcp) | closed
 *   The first socket binds a port free on every address of both families,
 *   is put in its state, and the second binds the same port.
 *   Answers:
 *     err <ENAME>                    the second's bind failed
 *     ok text:listen=<R>,first=<R>   tcp: the second's listen, then the
 *                                    first's (R ok or an error name; `-`
 *                                    when the first was not only bound)
 *     ok text:recv=<first|second|both|neither>
 *                                    udp: which socket received the
 *                                    datagrams of SENDERS connected clients
 *     na <step>:<ENAME>              the case could not be set up
 *
 * (`dual`, a dual-stack receiver, and `wire`, header values, are
 * described above do_dual and do_wire.)
 *
 * connected: connected over loopback to a peer of its own (tcp: a listener
 * in this process). timewait: connected, then closed first (the active
 * close) and the peer closed after reading the end: the first's end waits
 * in TIME_WAIT, which lasts here, since timers never run; the port is never
 * picked again (the free-port check meets it).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/uio.h>

#include "ff_api.h"
#include "probe.h"

#define FB_SO_REUSEADDR    0x0004
#define FB_SO_REUSEPORT    0x0200
#define FB_SO_REUSEPORT_LB 0x00010000
#define FB_IPPROTO_IPV6    41
#define FB_IPV6_V6ONLY     27

/* src/behaviour/observe/bind.rs SENDERS: enough that a group spreading by
 * a hash of the sender reaches both members. */
#define SENDERS 8

enum reuse { R_NONE, R_ADDR, R_PORT, R_ADDRPORT, R_PORTLB };
static const char *const reuses[] = {"none", "addr", "port", "addrport", "portlb", NULL};

enum baddr { A_V4LO, A_V4ANY, A_V6DUAL, A_V6ONLY };
static const char *const addrs[] = {"v4lo", "v4any", "v6dual", "v6only", NULL};

enum bstate { B_BOUND, B_LISTENING, B_CONNECTED, B_TIMEWAIT, B_CLOSED };
static const char *const bstates[] = {"bound", "listening", "connected", "timewait", "closed", NULL};

/* Transports, indexed as the commands test them: 0 udp, 1 tcp. */
static const char *const protos[] = {"udp", "tcp", NULL};

static const struct kind tcp4 = {"tcp4", AF_INET, SOCK_STREAM};
static const struct kind udp4 = {"udp4", AF_INET, SOCK_DGRAM};

/* The index of `word` in the NULL-terminated `names`, or -1. */
static int
lookup(const char *word, const char *const *names)
{
    int i;
    for (i = 0; word != NULL && names[i] != NULL; i++)
        if (strcmp(word, names[i]) == 0)
            return i;
    return -1;
}

/*
 * A command's arguments: exactly n words into field[], and, for each
 * lists[i] given (not NULL), the word's index in that list into v[i].
 * Answers `bad ...` itself and returns -1 when they do not fit.
 */
static int
fields(char *args, const char *cmd, const char *usage, int n, char *field[],
    const char *const *const lists[], int v[])
{
    int i;
    for (i = 0; i < n; i++)
        field[i] = next_token(&args);
    if (next_token(&args) != NULL || field[n - 1] == NULL) {
        reply("bad %s takes %d fields: %s", cmd, n, usage);
        return -1;
    }
    for (i = 0; i < n; i++) {
        if (lists[i] == NULL)
            continue;
        v[i] = lookup(field[i], lists[i]);
        if (v[i] < 0) {
            reply("bad %s field %d (%s) is not understood", cmd, i + 1, field[i]);
            return -1;
        }
    }
    return 0;
}

static socklen_t
address(enum baddr a, int port, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof(*ss));
    if (a == A_V4LO || a == A_V4ANY) {
        struct sockaddr_in *sin = (struct sockaddr_in *)ss;
        sin->sin_family = AF_INET;
        sin->sin_port = htons((uint16_t)port);
        sin->sin_addr.s_addr = htonl(a == A_V4LO ? INADDR_LOOPBACK : INADDR_ANY);
        return sizeof(*sin);
    }
    struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
    sin6->sin6_family = AF_INET6;
    sin6->sin6_port = htons((uint16_t)port);
    sin6->sin6_addr = in6addr_any;
    return sizeof(*sin6);
}

static int
set_int(int fd, int level, int name, int v)
{
    return ff_setsockopt_freebsd(fd, level, name, &v, sizeof(v));
}

/* Closes fd keeping errno (of the call that failed): -1, to return. */
static int
close_failed(int fd)
{
    int saved = errno;
    ff_close(fd);
    errno = saved;
    return -1;
}

/* A non-blocking socket for the address with the reuse options set; -1
 * with errno and *step on failure. */
static int
reuse_socket(int stream, enum baddr a, enum reuse r, const char **step)
{
    int v6 = a == A_V6DUAL || a == A_V6ONLY;
    int fd, rc = 0;
    *step = "socket";
    fd = ff_socket(v6 ? AF_INET6 : AF_INET, stream ? SOCK_STREAM : SOCK_DGRAM, 0);
    if (fd < 0)
        return -1;
    *step = "fionbio";
    rc = nonblocking(fd);
    if (rc == 0 && v6) {
        *step = "IPV6_V6ONLY";
        rc = set_int(fd, FB_IPPROTO_IPV6, FB_IPV6_V6ONLY, a == A_V6ONLY);
    }
    if (rc == 0 && (r == R_ADDR || r == R_ADDRPORT)) {
        *step = "SO_REUSEADDR";
        rc = set_int(fd, FB_SOL_SOCKET, FB_SO_REUSEADDR, 1);
    }
    if (rc == 0 && (r == R_PORT || r == R_ADDRPORT)) {
        *step = "SO_REUSEPORT";
        rc = set_int(fd, FB_SOL_SOCKET, FB_SO_REUSEPORT, 1);
    }
    if (rc == 0 && r == R_PORTLB) {
        *step = "SO_REUSEPORT_LB";
        rc = set_int(fd, FB_SOL_SOCKET, FB_SO_REUSEPORT_LB, 1);
    }
    return rc < 0 ? close_failed(fd) : fd;
}

/*
 * A port that a dual-stack `::` socket with no reuse option can bind, so no
 * earlier case (a TIME_WAIT entry, an IPv6 or IPv4 socket) holds it on
 * either family; 0 with errno and *step when none is found.
 */
static int
free_port(int stream, const char **step)
{
    struct sockaddr_storage ss;
    socklen_t len;
    int tries;
    for (tries = 0; tries < 64; tries++) {
        int p = next_port, check, rc;
        next_port = next_port >= PORT_LAST ? PORT_FIRST : next_port + 1;
        check = reuse_socket(stream, A_V6DUAL, R_NONE, step);
        if (check < 0)
            return 0;
        len = address(A_V6DUAL, p, &ss);
        rc = ff_bind(check, (struct linux_sockaddr *)&ss, len);
        if (rc < 0)
            close_failed(check);
        else
            ff_close(check);  /* never connected: the pcb goes at once */
        if (rc == 0)
            return p;
        if (errno != EADDRINUSE) {
            *step = "free-port bind";
            return 0;
        }
    }
    *step = "free-port";
    errno = EADDRINUSE;
    return 0;
}

/* The first socket bound to a free port (*port). -1 with errno and *step. */
static int
first_bound(int stream, enum baddr a, enum reuse r, int *port, const char **step)
{
    struct sockaddr_storage ss;
    socklen_t len;
    int fd, p = free_port(stream, step);
    if (p == 0)
        return -1;
    fd = reuse_socket(stream, a, r, step);
    if (fd < 0)
        return -1;
    *step = "bind";
    len = address(a, p, &ss);
    if (ff_bind(fd, (struct linux_sockaddr *)&ss, len) < 0)
        return close_failed(fd);
    *port = p;
    return fd;
}

/* Reads what is there until the other end's FIN: 0 at the end, -1 when it
 * does not come within PUMP_MAX rounds. */
static int
read_to_end(int fd)
{
    char buf[64];
    int i;
    for (i = 0; i < PUMP_MAX; i++) {
        ssize_t n = ff_read(fd, buf, sizeof(buf));
        if (n == 0)
            return 0;
        if (n < 0 && errno != EAGAIN)
            return -1;
        ff_swi_net_excute();
    }
    errno = ETIMEDOUT;
    return -1;
}

/* The sockets a bind case holds. */
struct held {
    int first, second, peer, listener;
    int clients[SENDERS];
};

static void
release(struct held *h)
{
    int i;
    abort_close(h->first);
    abort_close(h->second);
    abort_close(h->peer);
    abort_close(h->listener);
    for (i = 0; i < SENDERS; i++)
        abort_close(h->clients[i]);
    pump(4);
}

/*
 * Puts h->first (bound to 127.0.0.1) in the connected or TIME_WAIT state.
 * Answers `na ...` itself and returns -1 on failure.
 */
static int
connect_first(int stream, enum bstate st, struct held *h)
{
    struct sockaddr_storage far;
    socklen_t farlen;
    const char *step = "peer";
    if (!stream) {
        h->peer = bound_socket(&udp4, &far, &farlen, &step);
        if (h->peer < 0 || ff_connect(h->first, (struct linux_sockaddr *)&far, farlen) < 0) {
            reply_na(h->peer < 0 ? step : "connect", errno, 0);
            return -1;
        }
        return 0;
    }
    h->listener = listening_socket(&tcp4, &far, &farlen, 1, &step);
    if (h->listener < 0) {
        reply_na(step, errno, 0);
        return -1;
    }
    struct fixture fx = {h->first, -1, h->listener};
    int rc = connect_client(&fx, &far, farlen);
    h->peer = fx.peer;
    if (rc < 0)
        return -1;
    if (st != B_TIMEWAIT)
        return 0;
    /* The active close: a FIN, not abort_close's RST. */
    ff_close(h->first);
    h->first = -1;
    if (read_to_end(h->peer) < 0) {
        reply_na("read the first's FIN", errno, 0);
        return -1;
    }
    ff_close(h->peer);
    h->peer = -1;
    pump(16);
    return 0;
}

/* SENDERS clients send one datagram each to 127.0.0.1 at the port; who got
 * them, as the answer's word. A datagram nobody takes comes back as a port
 * unreachable error on its (connected) client. */
static const char *
receiver(struct held *h, int port, const char **step)
{
    struct sockaddr_storage to;
    socklen_t tolen = address(A_V4LO, port, &to);
    int counts[2] = {0, 0}, refused[SENDERS] = {0};
    int i, round;
    for (i = 0; i < SENDERS; i++) {
        struct sockaddr_storage ss;
        socklen_t len;
        h->clients[i] = bound_socket(&udp4, &ss, &len, step);
        if (h->clients[i] < 0)
            return NULL;
        *step = "connect";
        if (ff_connect(h->clients[i], (struct linux_sockaddr *)&to, tolen) < 0)
            return NULL;
        *step = "send";
        if (ff_write(h->clients[i], "x", 1) != 1)
            return NULL;
    }
    for (round = 0; round < PUMP_MAX; round++) {
        int fds[2] = {h->first, h->second}, n = 0;
        ff_swi_net_excute();
        for (i = 0; i < 2; i++) {
            char buf[16];
            while (fds[i] >= 0 && ff_read(fds[i], buf, sizeof(buf)) >= 0)
                counts[i]++;
        }
        for (i = 0; i < SENDERS; i++) {
            int soerr = 0;
            socklen_t elen = sizeof(soerr);
            if (!refused[i] &&
                ff_getsockopt_freebsd(h->clients[i], FB_SOL_SOCKET, FB_SO_ERROR, &soerr, &elen) == 0 &&
                soerr != 0)
                refused[i] = 1;
            n += refused[i];
        }
        if (counts[0] + counts[1] + n >= SENDERS)
            break;
    }
    if (counts[0] == 0 && counts[1] == 0)
        return "neither";
    if (counts[1] == 0)
        return "first";
    if (counts[0] == 0)
        return "second";
    return "both";
}

void
do_bind(char *args)
{
    char *field[6];
    int i, v[6], port = 0, stream;
    const char *step = "socket";
    char namebuf[32];
    struct held h = {-1, -1, -1, -1, {0}};
    struct sockaddr_storage ss;
    socklen_t len;

    static const char *const *const lists[6] = {protos, reuses, addrs, bstates, reuses, addrs};

    for (i = 0; i < SENDERS; i++)
        h.clients[i] = -1;
    if (fields(args, "bind", "proto first addr1 state second addr2", 6, field, lists, v) < 0)
        return;
    stream = v[0];
    if (!stream && (v[3] == B_LISTENING || v[3] == B_TIMEWAIT)) {
        reply("bad udp neither listens nor waits in TIME_WAIT");
        return;
    }
    if ((v[3] == B_CONNECTED || v[3] == B_TIMEWAIT) && v[2] != A_V4LO) {
        reply("bad a connected first socket is bound to v4lo");
        return;
    }

    h.first = first_bound(stream, (enum baddr)v[2], (enum reuse)v[1], &port, &step);
    if (h.first < 0) {
        reply_na(step, errno, 0);
        release(&h);
        return;
    }
    switch ((enum bstate)v[3]) {
    case B_BOUND:
        break;
    case B_LISTENING:
        if (ff_listen(h.first, 8) < 0) {
            reply_na("listen", errno, 0);
            release(&h);
            return;
        }
        break;
    case B_CONNECTED:
    case B_TIMEWAIT:
        if (connect_first(stream, (enum bstate)v[3], &h) < 0) {
            release(&h);
            return;
        }
        break;
    case B_CLOSED:
        ff_close(h.first);
        h.first = -1;
        break;
    }

    h.second = reuse_socket(stream, (enum baddr)v[5], (enum reuse)v[4], &step);
    if (h.second < 0) {
        reply_na(step, errno, 0);
        release(&h);
        return;
    }
    len = address((enum baddr)v[5], port, &ss);
    if (ff_bind(h.second, (struct linux_sockaddr *)&ss, len) < 0) {
        reply("err %s", errno_name(errno, namebuf, sizeof(namebuf)));
        release(&h);
        return;
    }
    if (stream) {
        char second[32], first[32] = "-";
        int rc = ff_listen(h.second, 8);
        snprintf(second, sizeof(second), "%s", rc < 0 ? errno_name(errno, namebuf, sizeof(namebuf)) : "ok");
        if (v[3] == B_BOUND) {
            rc = ff_listen(h.first, 8);
            snprintf(first, sizeof(first), "%s", rc < 0 ? errno_name(errno, namebuf, sizeof(namebuf)) : "ok");
        }
        reply("ok text:listen=%s,first=%s", second, first);
    } else {
        const char *who = receiver(&h, port, &step);
        if (who == NULL)
            reply_na(step, errno, 0);
        else
            reply("ok text:recv=%s", who);
    }
    release(&h);
}

/*
 * dual <tcp|udp> <default|0|1> <any|lo> <v4|v6>
 *   A listener (tcp) or receiver (udp) of the IPv6 family, IPV6_V6ONLY left
 *   at the stack's default or set, bound to :: (any) or ::1 (lo) at a free
 *   port; a client of the IPv4 or IPv6 family connects to its loopback at
 *   that port (udp: a connected client sends one datagram).
 * Answers:
 *   ok text:peer=<address>   the peer accept() reported (tcp), the sender
 *                            recvfrom() did (udp), as inet_ntop writes it
 *   err <ENAME>              connect's error (tcp), the client's pending
 *                            error: the port-unreachable answer (udp)
 *   na <step>:<ENAME>        the case could not be set up
 */
void
do_dual(char *args)
{
    char *field[4];
    int i, v[4], port, stream, lfd = -1, cfd = -1, afd = -1;
    const char *step = "socket";
    char namebuf[32], text[INET6_ADDRSTRLEN];
    struct sockaddr_storage ss, from;
    socklen_t len, fromlen;

    static const char *const v6onlys[] = {"default", "0", "1", NULL};
    static const char *const bounds[] = {"any", "lo", NULL};
    static const char *const clients[] = {"v4", "v6", NULL};
    static const char *const *const lists[4] = {protos, v6onlys, bounds, clients};

    if (fields(args, "dual", "proto v6only bound client", 4, field, lists, v) < 0)
        return;
    stream = v[0];

    port = free_port(stream, &step);
    if (port == 0)
        goto na;
    step = "socket";
    lfd = ff_socket(AF_INET6, stream ? SOCK_STREAM : SOCK_DGRAM, 0);
    if (lfd < 0 || nonblocking(lfd) < 0)
        goto na;
    step = "IPV6_V6ONLY";
    if (v[1] != 0 && set_int(lfd, FB_IPPROTO_IPV6, FB_IPV6_V6ONLY, v[1] == 2) < 0)
        goto na;
    step = "bind";
    len = address(A_V6DUAL, port, &ss);
    if (v[2] == 1)
        ((struct sockaddr_in6 *)&ss)->sin6_addr = in6addr_loopback;
    if (ff_bind(lfd, (struct linux_sockaddr *)&ss, len) < 0)
        goto na;
    step = "listen";
    if (stream && ff_listen(lfd, 1) < 0)
        goto na;

    /* The client, of its family, to its loopback at the port. */
    {
        static const struct kind client_kinds[2][2] = {
            {{"udp4", AF_INET, SOCK_DGRAM}, {"udp6", AF_INET6, SOCK_DGRAM}},
            {{"tcp4", AF_INET, SOCK_STREAM}, {"tcp6", AF_INET6, SOCK_STREAM}},
        };
        const struct kind *k = &client_kinds[stream][v[3]];
        struct sockaddr_storage to, own;
        socklen_t tolen = loopback(k, port, &to), ownlen;
        if (stream) {
            cfd = new_socket(k, &step);
        } else {
            cfd = bound_socket(k, &own, &ownlen, &step);
        }
        if (cfd < 0)
            goto na;
        if (ff_connect(cfd, (struct linux_sockaddr *)&to, tolen) < 0 && errno != EINPROGRESS) {
            if (stream) {
                reply("err %s", errno_name(errno, namebuf, sizeof(namebuf)));
                goto out;
            }
            step = "connect";
            goto na;
        }
        step = "send";
        if (!stream && ff_write(cfd, "d", 1) != 1)
            goto na;
    }

    for (i = 0; i < PUMP_MAX; i++) {
        int soerr = 0;
        socklen_t elen = sizeof(soerr);
        char buf[16];
        ff_swi_net_excute();
        fromlen = sizeof(from);
        if (stream) {
            afd = ff_accept(lfd, (struct linux_sockaddr *)&from, &fromlen);
        } else if (ff_recvfrom(lfd, buf, sizeof(buf), 0, (struct linux_sockaddr *)&from, &fromlen) >= 0) {
            afd = 0;     /* received: no socket to close */
        }
        if (afd >= 0) {
            const void *a = from.ss_family == AF_INET6
                ? (const void *)&((struct sockaddr_in6 *)&from)->sin6_addr
                : (const void *)&((struct sockaddr_in *)&from)->sin_addr;
            if (inet_ntop(from.ss_family, a, text, sizeof(text)) == NULL)
                snprintf(text, sizeof(text), "family%d", from.ss_family);
            reply("ok text:peer=%s", text);
            if (!stream)
                afd = -1;
            goto out;
        }
        if (ff_getsockopt_freebsd(cfd, FB_SOL_SOCKET, FB_SO_ERROR, &soerr, &elen) == 0 && soerr != 0) {
            reply("err %s", freebsd_errno_name(soerr, namebuf, sizeof(namebuf)));
            goto out;
        }
    }
    reply("na neither accepted nor refused within %d rounds", PUMP_MAX);
    goto out;
na:
    reply_na(step, errno, 0);
out:
    abort_close(afd);
    abort_close(cfd);
    abort_close(lfd);
    pump(4);
}

/*
 * wire <udp4|udp6|tcp6> <ttl|tos|hops|tclass> <get|int:<v>>
 *   udp: a receiver with the option's receive flag (IP_RECVTTL, IP_RECVTOS,
 *   IPV6_RECVHOPLIMIT, IPV6_RECVTCLASS) and a sender with the option
 *   (IP_TTL, IP_TOS, IPV6_UNICAST_HOPS, IPV6_TCLASS) set to v, or left;
 *   one datagram; recvmsg's control message holds what it carried.
 *   tcp6: a listener with the receive flag, a client with the option set
 *   before connect; the accepted socket's getsockopt(IPV6_2292PKTOPTIONS).
 *   (FreeBSD has no IP_PKTOPTIONS: no tcp4.)
 * Answers:
 *   ok text:read=<r>,carried=<v|none>   the sender's getsockopt after the
 *                                       set, and the control message's
 *                                       value (none: no such message)
 *   err <ENAME>                         the set failed
 *   na <step>:<ENAME>                   the case could not be set up
 * F-Stack's ff_recvmsg hands IPv4 control messages over as Linux's
 * (IP_RECVTTL's byte becomes an IP_TTL int, IP_RECVTOS's an IP_TOS byte:
 * freebsd2linux_cmsghdr in lib/ff_syscall_wrapper.c) and IPv6 ones as they
 * are, with FreeBSD's types (IPV6_HOPLIMIT 47, IPV6_TCLASS 61).
 */
#define FB_IPPROTO_IP         0
#define FB_IP_TOS             3
#define FB_IP_TTL             4
#define FB_IP_RECVTTL         65
#define FB_IP_RECVTOS         68
#define FB_IPV6_UNICAST_HOPS  4
#define FB_IPV6_2292PKTOPTIONS 25
#define FB_IPV6_RECVHOPLIMIT  37
#define FB_IPV6_HOPLIMIT      47
#define FB_IPV6_RECVTCLASS    57
#define FB_IPV6_TCLASS        61
#define LINUX_IP_TOS          1
#define LINUX_IP_TTL          2

struct wire_option {
    const char *name;
    int v6, level, send, recv, cmsg_type;
};

static const struct wire_option wire_options[] = {
    {"ttl", 0, FB_IPPROTO_IP, FB_IP_TTL, FB_IP_RECVTTL, LINUX_IP_TTL},
    {"tos", 0, FB_IPPROTO_IP, FB_IP_TOS, FB_IP_RECVTOS, LINUX_IP_TOS},
    {"hops", 1, FB_IPPROTO_IPV6, FB_IPV6_UNICAST_HOPS, FB_IPV6_RECVHOPLIMIT, FB_IPV6_HOPLIMIT},
    {"tclass", 1, FB_IPPROTO_IPV6, FB_IPV6_TCLASS, FB_IPV6_RECVTCLASS, FB_IPV6_TCLASS},
};

/* The value of the control message (level, type) in msg, one byte or an
 * int as written; -1 when there is none. */
static int
find_cmsg(struct msghdr *msg, int level, int type, int *value)
{
    struct cmsghdr *c;
    for (c = CMSG_FIRSTHDR(msg); c != NULL; c = CMSG_NXTHDR(msg, c)) {
        if (c->cmsg_level != level || c->cmsg_type != type)
            continue;
        if (c->cmsg_len - CMSG_LEN(0) == 1)
            *value = *(unsigned char *)CMSG_DATA(c);
        else
            memcpy(value, CMSG_DATA(c), sizeof(*value));
        return 0;
    }
    return -1;
}

void
do_wire(char *args)
{
    char *field[3];
    const struct wire_option *o = NULL;
    const char *step = "socket";
    char namebuf[32], carried[24] = "none";
    int i, stream, value = 0, set = 0, rfd = -1, sfd = -1, afd = -1, read_back = 0;
    long long v = 0;
    struct sockaddr_storage rss, sss;
    socklen_t rlen, slen, ilen = sizeof(read_back);
    const struct kind *rk, *sk;
    static const struct kind wire_kinds[] = {
        {"udp4", AF_INET, SOCK_DGRAM}, {"udp6", AF_INET6, SOCK_DGRAM},
        {"tcp6", AF_INET6, SOCK_STREAM},
    };

    static const char *const kind_names[] = {"udp4", "udp6", "tcp6", NULL};
    static const char *const *const lists[3] = {NULL, NULL, NULL};

    if (fields(args, "wire", "kind option request", 3, field, lists, NULL) < 0)
        return;
    i = lookup(field[0], kind_names);
    for (size_t j = 0; j < sizeof(wire_options) / sizeof(wire_options[0]); j++)
        if (strcmp(field[1], wire_options[j].name) == 0)
            o = &wire_options[j];
    if (strcmp(field[2], "get") != 0) {
        char *end;
        if (strncmp(field[2], "int:", 4) != 0) {
            reply("bad wire request is get or int:<v>");
            return;
        }
        errno = 0;
        v = strtoll(field[2] + 4, &end, 0);
        if (errno != 0 || *end != '\0' || field[2][4] == '\0' || v < INT_MIN || v > INT_MAX) {
            reply("bad wire value %s is not a C int", field[2] + 4);
            return;
        }
        set = 1;
    }
    if (i < 0 || o == NULL || o->v6 != (wire_kinds[i].family == AF_INET6)) {
        reply("bad wire kind and option do not match (udp4 ttl|tos, udp6|tcp6 hops|tclass)");
        return;
    }
    rk = sk = &wire_kinds[i];
    stream = rk->type == SOCK_STREAM;

    rfd = stream ? listening_socket(rk, &rss, &rlen, 1, &step) : bound_socket(rk, &rss, &rlen, &step);
    if (rfd < 0)
        goto na;
    step = "receive option";
    if (set_int(rfd, o->level, o->recv, 1) < 0)
        goto na;
    sfd = stream ? new_socket(sk, &step) : bound_socket(sk, &sss, &slen, &step);
    if (sfd < 0)
        goto na;
    if (set && set_int(sfd, o->level, o->send, (int)v) < 0) {
        reply("err %s", errno_name(errno, namebuf, sizeof(namebuf)));
        goto out;
    }
    step = "read back";
    if (ff_getsockopt_freebsd(sfd, o->level, o->send, &read_back, &ilen) < 0)
        goto na;

    if (stream) {
        struct fixture fx = {sfd, -1, rfd};
        unsigned char opts[256];
        socklen_t olen = sizeof(opts);
        if (connect_client(&fx, &rss, rlen) < 0) {
            afd = fx.peer;
            goto out;
        }
        afd = fx.peer;
        step = "IPV6_2292PKTOPTIONS";
        if (ff_getsockopt_freebsd(afd, FB_IPPROTO_IPV6, FB_IPV6_2292PKTOPTIONS, opts, &olen) < 0)
            goto na;
        if (olen > 0)     /* FreeBSD's own layout: never seen, so not parsed */
            snprintf(carried, sizeof(carried), "%u-bytes", (unsigned)olen);
    } else {
        char data[16];
        uint64_t control[32];
        struct iovec iov = {data, sizeof(data)};
        struct msghdr msg;
        step = "sendto";
        if (ff_sendto(sfd, "w", 1, 0, (struct linux_sockaddr *)&rss, rlen) != 1)
            goto na;
        for (i = 0; i < PUMP_MAX; i++) {
            ssize_t n;
            memset(&msg, 0, sizeof(msg));
            msg.msg_iov = &iov;
            msg.msg_iovlen = 1;
            msg.msg_control = control;
            msg.msg_controllen = sizeof(control);
            ff_swi_net_excute();
            n = ff_recvmsg(rfd, &msg, 0);
            if (n >= 0)
                break;
            if (errno != EAGAIN) {
                step = "recvmsg";
                goto na;
            }
        }
        if (i == PUMP_MAX) {
            reply("na the datagram did not arrive within %d rounds", PUMP_MAX);
            goto out;
        }
        if (find_cmsg(&msg, o->level, o->cmsg_type, &value) == 0)
            snprintf(carried, sizeof(carried), "%d", value);
    }
    reply("ok text:read=%d,carried=%s", read_back, carried);
    goto out;
na:
    reply_na(step, errno, 0);
out:
    abort_close(afd);
    abort_close(sfd);
    abort_close(rfd);
    pump(4);
}
