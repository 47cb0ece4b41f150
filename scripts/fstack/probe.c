/*
 * sockmatrix's F-Stack probe: boots FreeBSD 13.0's network stack (F-Stack,
 * FreeBSD kernel code compiled as a Linux user-space library) once, then
 * answers socket-option cases read from stdin, one line in, one line out.
 * Built and smoke-tested by scripts/test-under-fstack.
 *
 * Usage: probe -c scripts/fstack/config.ini
 *
 * Protocol (text, fields separated by one or more spaces, one case a line):
 *   case <kind> <state> <level> <optname> <request>
 *     kind     tcp4 | tcp6 | udp4 | udp6
 *     state    fresh | bound | listening (tcp only) | connected
 *              bound: bound to 127.0.0.1 or ::1 (port picked by the probe,
 *              see loopback()); listening: bound,
 *              listen(8); connected: tcp connects over loopback to a
 *              listener in this process (the case applies to the client);
 *              udp connect()s to a bound peer.
 *     level, optname  FreeBSD numbers, decimal (0x... also accepted)
 *     request  get                 read the default (type from the option:
 *                                  SO_LINGER linger, SO_SNDTIMEO/SO_RCVTIMEO
 *                                  timeval, TCP_CONGESTION/TCP_FUNCTION_BLK/
 *                                  SO_ACCEPTFILTER text, else int)
 *              get:int|get:linger|get:timeval|get:text|get:xucred
 *                                  read as that type
 *              int:<v>             v decimal or 0x hex, -2^31 .. 2^32-1
 *              int:<v>>xucred      set the int, read a struct xucred
 *              linger:<onoff>,<secs>
 *              timeval:<sec>,<usec>
 *              text:<string>       the rest of the line
 *              change:<hex>        a struct's bytes (up to 64, two hex
 *                                  digits each), a change with nothing to
 *                                  read back: a set that works answers ok 0
 *     The set (if any) goes through ff_setsockopt_freebsd, the read back
 *     through ff_getsockopt_freebsd with the same type.
 *   effect <kind> <fresh|transfer|accepted> [set <level> <optname> <value>]...
 *          read <level> <optname> <type>
 *                         an effect (see do_effect); answers as a case
 *   capacity <udp4|udp6> <send|receive> <requested|default>
 *                         -> ok held:<bytes>,<messages> | ok unbounded
 *                         (see do_capacity)
 *   bind | dual | wire ...  a behaviour: bind and reuse, a dual-stack
 *                         receiver, header values (scripts/fstack/behaviour.c)
 *   ifindex <name>        -> ok <index> | err <ENAME>  (SIOCGIFINDEX: lo0's)
 *   sysctl <name>         -> ok <int> | ok text:<s>   (through ff_sysctl)
 *   quit                  -> exits 0 (so does end of input)
 * Answers:
 *   ok <int> | ok linger:<a>,<b> | ok timeval:<a>,<b> | ok text:<s>
 *   ok xucred:<bytes written>,<version>,<uid>,<ngroups>,<groups[0]>
 *   err <ENAME>        the set failed (FreeBSD's errno name)
 *   err get:<ENAME>    the set (if any) worked, the read failed
 *   na <reason>        the stack could not make the socket state
 *   bad <reason>       the line is not understood
 * Text in answers is escaped: printable ASCII as is, backslash as \\,
 * anything else as \xHH.
 *
 * `sysctl` answers integers (any width) as ok <n>, strings as ok text:<s>;
 * a node gives err EISDIR, an opaque value na.
 *
 * Errno: every ff_* call returns -1 with errno set by ff_os_errno()
 * (F-Stack lib/ff_host_interface.c:238, called from ff_getsockopt_freebsd
 * and ff_setsockopt_freebsd at lib/ff_syscall_wrapper.c:963 and :1006),
 * which turns the FreeBSD number the kernel code returned into the Linux
 * errno of the same name; a FreeBSD number it does not list is passed
 * through unchanged (ff_host_interface.c:328). errno_name() undoes both with
 * the table below. SO_ERROR's value is FreeBSD's own number.
 *
 * Teardown: every socket of a case is closed with SO_LINGER {1, 0}, so a
 * connection ends with an RST and leaves no TIME_WAIT behind (timers never
 * run here, so TIME_WAIT would never end and would use up ports).
 *
 * Everything runs in the one thread that booted the stack. The kernel code
 * cannot sleep here, so sockets are non-blocking and loopback packets move
 * only when ff_swi_net_excute() runs (bounded by PUMP_MAX). Timers run only
 * on ff_hardclock(), which is never called: nothing time-driven happens.
 */
#define _GNU_SOURCE
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "ff_api.h"
#include "probe.h"



#define ENAME(e) errno_name((e), namebuf, sizeof(namebuf))

/* ---- parsing ------------------------------------------------------------ */

/* A whole-string integer: [-]decimal or [-]0xhex, within [lo, hi]. */
static int
parse_ll(const char *s, long long lo, long long hi, long long *v)
{
    const char *p = s;
    char *end;
    int base = 10;
    if (*p == '-' || *p == '+')
        p++;
    if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
        base = 16;
        if (!isxdigit((unsigned char)p[2]))
            return -1;
    } else if (!isdigit((unsigned char)*p)) {
        return -1;
    }
    errno = 0;
    *v = strtoll(s, &end, base);
    if (errno != 0 || *end != '\0' || *v < lo || *v > hi)
        return -1;
    return 0;
}

/* Two integers "a,b" into *a and *b, each within its range. */
static int
parse_pair(const char *s, long long alo, long long ahi, long long *a,
    long long blo, long long bhi, long long *b)
{
    char tmp[128];
    char *comma;
    if (strlen(s) >= sizeof(tmp))
        return -1;
    strcpy(tmp, s);
    comma = strchr(tmp, ',');
    if (comma == NULL)
        return -1;
    *comma = '\0';
    if (parse_ll(tmp, alo, ahi, a) < 0 || parse_ll(comma + 1, blo, bhi, b) < 0)
        return -1;
    return 0;
}

/* Appends s (len bytes, stopping at NUL) escaped to buf. */
static void
escape(const char *s, size_t len, char *buf, size_t buflen)
{
    size_t n = 0, i;
    for (i = 0; i < len && s[i] != '\0' && n + 5 < buflen; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\\') {
            buf[n++] = '\\';
            buf[n++] = '\\';
        } else if (c >= 0x20 && c < 0x7f) {
            buf[n++] = (char)c;
        } else {
            n += (size_t)snprintf(buf + n, buflen - n, "\\x%02x", c);
        }
    }
    buf[n] = '\0';
}

/* ---- sockets ------------------------------------------------------------ */

enum vtype { V_INT, V_LINGER, V_TIMEVAL, V_TEXT, V_CHANGE, V_XUCRED };

/* sizeof(struct xucred) on amd64 and arm64 (sys/ucred.h: cr_version,
 * cr_uid, cr_ngroups, cr_groups[16], then a pointer-sized union). */
#define XUCRED_SIZE 88

#define CHANGE_MAX 64

static const struct kind kinds[] = {
    {"tcp4", AF_INET, SOCK_STREAM},
    {"tcp6", AF_INET6, SOCK_STREAM},
    {"udp4", AF_INET, SOCK_DGRAM},
    {"udp6", AF_INET6, SOCK_DGRAM},
};

enum state { S_FRESH, S_BOUND, S_LISTENING, S_CONNECTED };

static const char *const states[] = {"fresh", "bound", "listening", "connected"};




/*
 * Makes the fixture. On failure answers `na ...` itself and returns -1
 * (closing what it made).
 */
static int
make_fixture(const struct kind *k, enum state st, struct fixture *fx)
{
    struct sockaddr_storage ss, far;
    socklen_t len, farlen;
    const char *step = "socket";

    fx->target = fx->peer = fx->listener = -1;
    switch (st) {
    case S_FRESH:
        fx->target = new_socket(k, &step);
        if (fx->target < 0)
            goto fail;
        return 0;
    case S_BOUND:
        fx->target = bound_socket(k, &ss, &len, &step);
        if (fx->target < 0)
            goto fail;
        return 0;
    case S_LISTENING:
        fx->target = listening_socket(k, &ss, &len, 8, &step);
        if (fx->target < 0)
            goto fail;
        return 0;
    case S_CONNECTED:
        if (k->type == SOCK_STREAM) {
            fx->listener = listening_socket(k, &far, &farlen, 1, &step);
            if (fx->listener < 0)
                goto fail;
        } else {
            fx->peer = bound_socket(k, &far, &farlen, &step);
            if (fx->peer < 0)
                goto fail;
        }
        fx->target = new_socket(k, &step);
        if (fx->target < 0)
            goto fail;
        if (k->type == SOCK_DGRAM) {
            step = "connect";
            if (ff_connect(fx->target, (struct linux_sockaddr *)&far, farlen) < 0)
                goto fail;
            return 0;
        }
        if (connect_client(fx, &far, farlen) < 0)
            goto close;
        return 0;
    }
fail:
    reply_na(step, errno, 0);
close:
    abort_close(fx->target);
    abort_close(fx->peer);
    abort_close(fx->listener);
    pump(4);
    return -1;
}

static void
drop_fixture(struct fixture *fx)
{
    abort_close(fx->target);
    abort_close(fx->peer);
    abort_close(fx->listener);
    pump(4);
}

/* The type `get` reads an option as. */
static enum vtype
default_type(long long level, long long optname)
{
    if (level == FB_SOL_SOCKET) {
        if (optname == FB_SO_LINGER)
            return V_LINGER;
        if (optname == FB_SO_SNDTIMEO || optname == FB_SO_RCVTIMEO)
            return V_TIMEVAL;
        if (optname == FB_SO_ACCEPTFILTER)
            return V_TEXT;
    }
    if (level == FB_IPPROTO_TCP &&
        (optname == FB_TCP_CONGESTION || optname == FB_TCP_FUNCTION_BLK))
        return V_TEXT;
    return V_INT;
}

/* 64-bit FreeBSD's struct timeval (and Linux x86-64's). */
struct fb_timeval {
    int64_t tv_sec;
    int64_t tv_usec;
};

/* A request: a read of one type, or a set of a value then a read. */
struct request {
    enum vtype type;
    enum vtype read;        /* the type read back: type, unless "><type>" */
    int have_set;
    long long a, b;
    const char *text;
    unsigned char bytes[CHANGE_MAX];
    size_t nbytes;
};

/* Two hex digits per byte into r->bytes; -1 when s is not that. */
static int
parse_hex(const char *s, struct request *r)
{
    size_t n = strlen(s);
    size_t i;
    if (n == 0 || n % 2 != 0 || n / 2 > CHANGE_MAX)
        return -1;
    for (i = 0; i < n / 2; i++) {
        unsigned int byte;
        if (!isxdigit((unsigned char)s[2 * i]) || !isxdigit((unsigned char)s[2 * i + 1]) ||
            sscanf(s + 2 * i, "%2x", &byte) != 1)
            return -1;
        r->bytes[i] = (unsigned char)byte;
    }
    r->nbytes = n / 2;
    return 0;
}

/*
 * Parses a request token (text: takes the rest of req). On error answers
 * `bad ...` itself and returns -1.
 */
static int
parse_request(char *req, long long level, long long optname, struct request *r)
{
    memset(r, 0, sizeof(*r));
    if (strncmp(req, "text:", 5) == 0) {
        r->type = V_TEXT;
        r->read = V_TEXT;
        r->have_set = 1;
        r->text = req + 5;
        if (strlen(r->text) > 255) {
            reply("bad text longer than 255 bytes");
            return -1;
        }
        return 0;
    }
    /* Other requests are one token: drop trailing blanks. */
    size_t len = strlen(req);
    while (len > 0 && (req[len - 1] == ' ' || req[len - 1] == '\t'))
        req[--len] = '\0';
    /* "int:<v>>xucred": an int set, read back as a struct xucred. */
    char *read_as = strchr(req, '>');
    if (read_as != NULL) {
        *read_as++ = '\0';
        if (strncmp(req, "int:", 4) != 0 || strcmp(read_as, "xucred") != 0) {
            reply("bad only int:<v>>xucred reads another type than it sets");
            return -1;
        }
    }
    if (strcmp(req, "get") == 0) {
        r->type = default_type(level, optname);
    } else if (strcmp(req, "get:int") == 0 || strcmp(req, "int") == 0) {
        r->type = V_INT;
    } else if (strcmp(req, "get:linger") == 0 || strcmp(req, "linger") == 0) {
        r->type = V_LINGER;
    } else if (strcmp(req, "get:timeval") == 0 || strcmp(req, "timeval") == 0) {
        r->type = V_TIMEVAL;
    } else if (strcmp(req, "get:text") == 0 || strcmp(req, "text") == 0) {
        r->type = V_TEXT;
    } else if (strcmp(req, "get:xucred") == 0) {
        r->type = V_XUCRED;
    } else if (strncmp(req, "int:", 4) == 0) {
        r->type = V_INT;
        r->have_set = 1;
        if (parse_ll(req + 4, INT_MIN, UINT_MAX, &r->a) < 0) {
            reply("bad int:<v> needs an integer in -2^31..2^32-1");
            return -1;
        }
    } else if (strncmp(req, "linger:", 7) == 0) {
        r->type = V_LINGER;
        r->have_set = 1;
        if (parse_pair(req + 7, INT_MIN, UINT_MAX, &r->a, INT_MIN, UINT_MAX, &r->b) < 0) {
            reply("bad linger:<onoff>,<secs> needs two 32-bit integers");
            return -1;
        }
    } else if (strncmp(req, "change:", 7) == 0) {
        r->type = V_CHANGE;
        r->have_set = 1;
        if (parse_hex(req + 7, r) < 0) {
            reply("bad change:<hex> needs 1..64 bytes as pairs of hex digits");
            return -1;
        }
    } else if (strncmp(req, "timeval:", 8) == 0) {
        r->type = V_TIMEVAL;
        r->have_set = 1;
        if (parse_pair(req + 8, LLONG_MIN, LLONG_MAX, &r->a, LLONG_MIN, LLONG_MAX, &r->b) < 0) {
            reply("bad timeval:<sec>,<usec> needs two 64-bit integers");
            return -1;
        }
    } else {
        reply("bad unknown request (get int: linger: timeval: text: change:)");
        return -1;
    }
    r->read = read_as != NULL ? V_XUCRED : r->type;
    return 0;
}

/* Sets the request's value on fd; ff_setsockopt_freebsd's result. */
static int
set_option(int fd, long long level, long long optname, const struct request *r)
{
    switch (r->type) {
    case V_INT: {
        int32_t v = (int32_t)(uint32_t)r->a;
        return ff_setsockopt_freebsd(fd, (int)level, (int)optname, &v, sizeof(v));
    }
    case V_LINGER: {
        struct linger l = {(int)(uint32_t)r->a, (int)(uint32_t)r->b};
        return ff_setsockopt_freebsd(fd, (int)level, (int)optname, &l, sizeof(l));
    }
    case V_TIMEVAL: {
        struct fb_timeval tv = {r->a, r->b};
        return ff_setsockopt_freebsd(fd, (int)level, (int)optname, &tv, sizeof(tv));
    }
    case V_TEXT: {
        /* The struct-typed "name" options take their whole struct. */
        char buf[256];
        socklen_t len = (socklen_t)strlen(r->text);
        memset(buf, 0, sizeof(buf));
        memcpy(buf, r->text, len);
        if (level == FB_SOL_SOCKET && optname == FB_SO_ACCEPTFILTER)
            len = 256;           /* struct accept_filter_arg */
        else if (level == FB_IPPROTO_TCP && optname == FB_TCP_FUNCTION_BLK)
            len = 36;            /* struct tcp_function_set */
        return ff_setsockopt_freebsd(fd, (int)level, (int)optname, buf, len);
    }
    case V_CHANGE:
        return ff_setsockopt_freebsd(fd, (int)level, (int)optname, r->bytes, (socklen_t)r->nbytes);
    case V_XUCRED:
        break;              /* never set: parse_request gives no such set */
    }
    return -1;
}

/* Reads the option from fd as `type` and answers ok / err get:. */
static void
reply_read(int fd, long long level, long long optname, enum vtype type)
{
    char namebuf[32];
    union {
        unsigned char raw[512];
        int32_t i;
        struct linger l;
        struct fb_timeval tv;
    } v;
    socklen_t vlen;
    memset(&v, 0, sizeof(v));
    switch (type) {
    case V_INT: vlen = sizeof(v.i); break;
    case V_LINGER: vlen = sizeof(v.l); break;
    case V_TIMEVAL: vlen = sizeof(v.tv); break;
    case V_XUCRED: vlen = XUCRED_SIZE; break;
    default: vlen = 256; break;
    }
    if (ff_getsockopt_freebsd(fd, (int)level, (int)optname, &v, &vlen) < 0) {
        reply("err get:%s", ENAME(errno));
        return;
    }
    switch (type) {
    case V_INT:
        if (vlen == 1)
            reply("ok %d", v.raw[0]);
        else if (vlen == 2)
            reply("ok %d", v.raw[0] | v.raw[1] << 8);
        else
            reply("ok %d", v.i);
        break;
    case V_LINGER:
        reply("ok linger:%d,%d", v.l.l_onoff, v.l.l_linger);
        break;
    case V_TIMEVAL:
        reply("ok timeval:%lld,%lld", (long long)v.tv.tv_sec, (long long)v.tv.tv_usec);
        break;
    case V_TEXT: {
        char esc[256 * 4 + 8];
        escape((const char *)v.raw, vlen > 256 ? 256 : vlen, esc, sizeof(esc));
        reply("ok text:%s", esc);
        break;
    }
    case V_CHANGE:
        reply("ok 0");       /* not reached: a change is never read */
        break;
    case V_XUCRED: {
        uint32_t version, uid, gid;
        int16_t ngroups;
        memcpy(&version, v.raw, 4);
        memcpy(&uid, v.raw + 4, 4);
        memcpy(&ngroups, v.raw + 8, 2);
        memcpy(&gid, v.raw + 12, 4);
        reply("ok xucred:%u,%u,%u,%d,%u", (unsigned)vlen, version, uid, ngroups, gid);
        break;
    }
    }
}


static const struct kind *
find_kind(const char *name)
{
    size_t i;
    for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
        if (strcmp(name, kinds[i].name) == 0)
            return &kinds[i];
    reply("bad unknown kind (tcp4 tcp6 udp4 udp6)");
    return NULL;
}

static void
do_case(char *args)
{
    char *field[5];
    char *p = args;
    const struct kind *k;
    int st = -1;
    long long level, optname;
    struct request r;
    struct fixture fx;
    char namebuf[32];
    size_t i;
    int n;

    /* kind state level optname: single tokens; request: the rest. */
    for (n = 0; n < 4; n++) {
        field[n] = next_token(&p);
        if (field[n] == NULL) {
            reply("bad case needs: kind state level optname request");
            return;
        }
    }
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '\0') {
        reply("bad case needs: kind state level optname request");
        return;
    }
    field[4] = p;
    if ((k = find_kind(field[0])) == NULL)
        return;
    for (i = 0; i < sizeof(states) / sizeof(states[0]); i++)
        if (strcmp(field[1], states[i]) == 0)
            st = (int)i;
    if (st < 0) {
        reply("bad unknown state (fresh bound listening connected)");
        return;
    }
    if (st == S_LISTENING && k->type != SOCK_STREAM) {
        reply("bad listening is for tcp kinds only");
        return;
    }
    if (parse_ll(field[2], INT_MIN, INT_MAX, &level) < 0 ||
        parse_ll(field[3], INT_MIN, INT_MAX, &optname) < 0) {
        reply("bad level and optname must be integers");
        return;
    }
    if (parse_request(field[4], level, optname, &r) < 0)
        return;
    if (make_fixture(k, (enum state)st, &fx) < 0)
        return;
    if (r.have_set && set_option(fx.target, level, optname, &r) < 0)
        reply("err %s", ENAME(errno));
    else if (r.type == V_CHANGE)
        reply("ok 0");
    else
        reply_read(fx.target, level, optname, r.read);
    drop_fixture(&fx);
}

/* ---- effects ------------------------------------------------------------ */

#define EFFECT_SETS_MAX 8

/*
 * Moves `bytes` each way between two connected non-blocking stream
 * sockets, pumping the stack between rounds. 0 when all arrived; else
 * answers `na ...` itself and returns -1.
 */
static int
transfer(int a, int b, size_t bytes)
{
    static char buf[16384];
    size_t sent[2] = {0, 0}, got[2] = {0, 0};
    int fds[2] = {a, b};
    long round;

    memset(buf, 'x', sizeof(buf));
    for (round = 0; round < TRANSFER_ROUNDS_MAX; round++) {
        int d;
        for (d = 0; d < 2; d++) {
            int from = fds[d], to = fds[1 - d];
            ssize_t n;
            if (sent[d] < bytes) {
                size_t want = bytes - sent[d];
                n = ff_write(from, buf, want < sizeof(buf) ? want : sizeof(buf));
                if (n > 0)
                    sent[d] += (size_t)n;
                else if (n < 0 && errno != EAGAIN) {
                    reply_na("write", errno, 0);
                    return -1;
                }
            }
            while ((n = ff_read(to, buf, sizeof(buf))) > 0)
                got[d] += (size_t)n;
            if (n == 0) {
                reply("na read: the peer closed the connection");
                return -1;
            }
            if (errno != EAGAIN) {
                reply_na("read", errno, 0);
                return -1;
            }
        }
        if (got[0] >= bytes && got[1] >= bytes)
            return 0;
        ff_swi_net_excute();
    }
    reply("na transfer stalled: %zu and %zu of %zu bytes arrived", got[0], got[1], bytes);
    return -1;
}

/*
 * effect <kind> <fresh|transfer|accepted> [set <level> <optname> <value>]...
 *        read <level> <optname> <type>
 * fresh: the sets on a new socket, then the read. transfer: the sets on a
 * new stream socket, connect it over loopback, move TRANSFER_BYTES each
 * way, read. accepted: the sets on a listening socket, connect a client,
 * read on the socket accept() returns. Answers like `case`.
 */
static void
do_effect(char *args)
{
    char *p = args;
    char *kname, *proc, *word;
    const struct kind *k;
    long long levels[EFFECT_SETS_MAX], names[EFFECT_SETS_MAX], rlevel, rname;
    struct request sets[EFFECT_SETS_MAX], rread;
    struct fixture fx;
    struct sockaddr_storage far;
    socklen_t farlen;
    const char *step = "socket";
    char namebuf[32];
    int nsets = 0, i;

    kname = next_token(&p);
    proc = next_token(&p);
    if (kname == NULL || proc == NULL) {
        reply("bad effect needs: kind procedure [set level optname value]... read level optname type");
        return;
    }
    if ((k = find_kind(kname)) == NULL)
        return;
    if (strcmp(proc, "fresh") != 0 && strcmp(proc, "transfer") != 0 &&
        strcmp(proc, "accepted") != 0) {
        reply("bad unknown procedure (fresh transfer accepted)");
        return;
    }
    if (strcmp(proc, "fresh") != 0 && k->type != SOCK_STREAM) {
        reply("bad %s is for tcp kinds only", proc);
        return;
    }
    for (;;) {
        char *lv, *nm, *val;
        word = next_token(&p);
        if (word == NULL || (strcmp(word, "set") != 0 && strcmp(word, "read") != 0)) {
            reply("bad expected `set` or `read`");
            return;
        }
        lv = next_token(&p);
        nm = next_token(&p);
        val = next_token(&p);
        if (lv == NULL || nm == NULL || val == NULL) {
            reply("bad %s needs: level optname value", word);
            return;
        }
        if (strcmp(word, "read") == 0) {
            if (parse_ll(lv, INT_MIN, INT_MAX, &rlevel) < 0 ||
                parse_ll(nm, INT_MIN, INT_MAX, &rname) < 0) {
                reply("bad level and optname must be integers");
                return;
            }
            if (parse_request(val, rlevel, rname, &rread) < 0)
                return;
            if (rread.have_set || next_token(&p) != NULL) {
                reply("bad read takes a type and ends the line");
                return;
            }
            break;
        }
        if (nsets == EFFECT_SETS_MAX) {
            reply("bad more than %d sets", EFFECT_SETS_MAX);
            return;
        }
        if (parse_ll(lv, INT_MIN, INT_MAX, &levels[nsets]) < 0 ||
            parse_ll(nm, INT_MIN, INT_MAX, &names[nsets]) < 0) {
            reply("bad level and optname must be integers");
            return;
        }
        if (parse_request(val, levels[nsets], names[nsets], &sets[nsets]) < 0)
            return;
        if (!sets[nsets].have_set) {
            reply("bad set needs a value");
            return;
        }
        nsets++;
    }

    /* The socket the sets go to: the listener (accepted) or a new one. */
    fx.target = fx.peer = fx.listener = -1;
    int *setfd = &fx.target;
    if (strcmp(proc, "accepted") == 0) {
        fx.listener = listening_socket(k, &far, &farlen, 8, &step);
        if (fx.listener < 0)
            goto fail;
        setfd = &fx.listener;
    } else {
        fx.target = new_socket(k, &step);
        if (fx.target < 0)
            goto fail;
    }
    for (i = 0; i < nsets; i++) {
        if (set_option(*setfd, levels[i], names[i], &sets[i]) < 0) {
            reply("err %s", ENAME(errno));
            goto close;
        }
        /* Each set is read back, as the engine's own effects do (a read
         * that fails ends the effect with its error). */
        unsigned char back[512];
        socklen_t blen = sizeof(back);
        if (ff_getsockopt_freebsd(*setfd, (int)levels[i], (int)names[i], back, &blen) < 0) {
            reply("err get:%s", ENAME(errno));
            goto close;
        }
    }
    if (strcmp(proc, "fresh") == 0) {
        reply_read(fx.target, rlevel, rname, rread.type);
        goto close;
    }
    if (strcmp(proc, "transfer") == 0) {
        fx.listener = listening_socket(k, &far, &farlen, 1, &step);
        if (fx.listener < 0)
            goto fail;
        if (connect_client(&fx, &far, farlen) < 0)
            goto close;
        if (transfer(fx.target, fx.peer, TRANSFER_BYTES) < 0)
            goto close;
        reply_read(fx.target, rlevel, rname, rread.type);
        goto close;
    }
    /* accepted: a client connects; the read is on what accept() gave. */
    fx.target = new_socket(k, &step);
    if (fx.target < 0)
        goto fail;
    if (connect_client(&fx, &far, farlen) < 0)
        goto close;
    reply_read(fx.peer, rlevel, rname, rread.type);
    goto close;
fail:
    reply_na(step, errno, 0);
close:
    drop_fixture(&fx);
}

/* ---- capacity ----------------------------------------------------------- */

#define MESSAGE 1024                  /* capacity.rs MESSAGE */
#define BYTE_LIMIT (16 << 20)         /* capacity.rs BYTE_LIMIT */
#define FB_SO_SNDBUF 0x1001
#define FB_SO_RCVBUF 0x1002

/*
 * capacity <udp4|udp6> <send|receive> <requested|default>
 * A connected pair; the side under test gets SO_SNDBUF (send: the sender)
 * or SO_RCVBUF (receive: the receiver) = requested. The sender sends
 * MESSAGE-byte datagrams, the stack pumped after each, until EAGAIN or a
 * budget of twice the buffer plus 64 KiB (capacity.rs datagram_budget);
 * receive then drains what the receiver kept. Answers
 * `ok held:<bytes>,<messages>`, `ok unbounded` (the budget went out without
 * the sender being pushed back: send only), `err <ENAME>` (the set or a
 * send failed) or `na <reason>`.
 */
static void
do_capacity(char *args)
{
    static char buf[65536];
    char *p = args, *kname, *side, *req;
    const struct kind *k;
    long long requested = 0;
    int has_request, receive, bufopt, under, rc, size;
    socklen_t len = sizeof(size);
    unsigned long long bytes = 0, messages = 0;
    size_t budget;
    struct fixture fx;
    char namebuf[32];

    kname = next_token(&p);
    side = next_token(&p);
    req = next_token(&p);
    if (kname == NULL || side == NULL || req == NULL || next_token(&p) != NULL) {
        reply("bad capacity needs: kind send|receive requested|default");
        return;
    }
    if ((k = find_kind(kname)) == NULL)
        return;
    if (k->type != SOCK_DGRAM) {
        reply("na capacity runs on udp kinds only here: a stream's depends on segment sizes, the peer's window and autosizing");
        return;
    }
    if (strcmp(side, "send") != 0 && strcmp(side, "receive") != 0) {
        reply("bad side is send or receive");
        return;
    }
    receive = strcmp(side, "receive") == 0;
    has_request = strcmp(req, "default") != 0;
    if (has_request && parse_ll(req, INT_MIN, INT_MAX, &requested) < 0) {
        reply("bad requested is an integer or default");
        return;
    }
    if (make_fixture(k, S_CONNECTED, &fx) < 0)
        return;
    /* make_fixture's udp pair: target connected to peer (bound). */
    bufopt = receive ? FB_SO_RCVBUF : FB_SO_SNDBUF;
    under = receive ? fx.peer : fx.target;
    if (has_request) {
        int32_t v = (int32_t)requested;
        if (ff_setsockopt_freebsd(under, FB_SOL_SOCKET, bufopt, &v, sizeof(v)) < 0) {
            reply("err %s", ENAME(errno));
            goto done;
        }
    }
    if (ff_getsockopt_freebsd(under, FB_SOL_SOCKET, bufopt, &size, &len) < 0) {
        reply("err get:%s", ENAME(errno));
        goto done;
    }
    budget = (size_t)2 * (size_t)(size > 0 ? size : 0) + (64 << 10);
    if (budget > BYTE_LIMIT)
        budget = BYTE_LIMIT;
    memset(buf, 0x5a, MESSAGE);
    for (;;) {
        if (bytes >= budget) {
            if (!receive) {
                reply("ok unbounded");
                goto done;
            }
            break;
        }
        rc = (int)ff_write(fx.target, buf, MESSAGE);
        if (rc < 0 && errno == EAGAIN) {
            if (!receive) {
                reply("ok held:%llu,%llu", bytes, messages);
                goto done;
            }
            break;
        }
        if (rc < 0) {
            reply("err %s", ENAME(errno));
            goto done;
        }
        bytes += (unsigned long long)rc;
        messages++;
        /* Deliver it now: loopback's queue is short and drops when full. */
        pump(2);
    }
    pump(8);
    bytes = messages = 0;
    while ((rc = (int)ff_read(fx.peer, buf, sizeof(buf))) > 0) {
        bytes += (unsigned long long)rc;
        messages++;
    }
    if (rc < 0 && errno != EAGAIN) {
        reply("err %s", ENAME(errno));
        goto done;
    }
    reply("ok held:%llu,%llu", bytes, messages);
done:
    drop_fixture(&fx);
}

/* A command's one argument without the blanks around it (in place). */
static char *
trimmed(char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    size_t len = strlen(p);
    while (len > 0 && (p[len - 1] == ' ' || p[len - 1] == '\t'))
        p[--len] = '\0';
    return p;
}

/* ---- ifindex ------------------------------------------------------------ */

/* FreeBSD's SIOCGIFINDEX, _IOWR('i', 32, struct ifreq) (sys/sockio.h), and
 * its struct ifreq: a 16-byte name, then a 16-byte union whose first short
 * is ifr_index (net/if.h). */
#define FB_SIOCGIFINDEX 0xc0206920UL
struct fb_ifreq {
    char name[16];
    union {
        short index;
        unsigned char pad[16];
    } u;
};

/* The index of the stack's interface `name` (lo0), as ifioctl reports it. */
static void
do_ifindex(const char *name)
{
    struct fb_ifreq ifr;
    char namebuf[32];
    int fd;

    if (*name == '\0' || strlen(name) >= sizeof(ifr.name) || strpbrk(name, " \t") != NULL) {
        reply("bad ifindex needs one interface name");
        return;
    }
    memset(&ifr, 0, sizeof(ifr));
    memcpy(ifr.name, name, strlen(name));
    fd = ff_socket(AF_INET, SOCK_DGRAM, 0);
    if (fd < 0) {
        reply("na socket: %s", ENAME(errno));
        return;
    }
    if (ff_ioctl_freebsd(fd, FB_SIOCGIFINDEX, &ifr) < 0)
        reply("err %s", ENAME(errno));
    else
        reply("ok %d", ifr.u.index);
    ff_close(fd);
}

/* ---- sysctl ------------------------------------------------------------- */

static void
do_sysctl(const char *name)
{
    int mib[FB_CTL_MAXNAME + 2];
    int q[FB_CTL_MAXNAME + 2];
    size_t miblen = FB_CTL_MAXNAME * sizeof(int);
    size_t n, len;
    unsigned char fmt[1024];
    unsigned int ctlkind;
    char namebuf[32];
    char *buf;

    if (*name == '\0' || strlen(name) >= 1024 || strpbrk(name, " \t") != NULL) {
        reply("bad sysctl needs one name");
        return;
    }
    /* sysctl.name2oid */
    q[0] = 0;
    q[1] = 3;
    if (ff_sysctl(q, 2, mib, &miblen, name, strlen(name)) < 0) {
        reply("err %s", ENAME(errno));
        return;
    }
    n = miblen / sizeof(int);
    if (n == 0 || n > FB_CTL_MAXNAME) {
        reply("na name2oid gave %zu components", n);
        return;
    }
    /* sysctl.oidfmt: the kind (type and flags), then the format string */
    q[0] = 0;
    q[1] = 4;
    memcpy(q + 2, mib, n * sizeof(int));
    len = sizeof(fmt) - 1;
    memset(fmt, 0, sizeof(fmt));
    if (ff_sysctl(q, (u_int)(n + 2), fmt, &len, NULL, 0) < 0 || len < sizeof(ctlkind)) {
        reply("err %s", ENAME(errno));
        return;
    }
    memcpy(&ctlkind, fmt, sizeof(ctlkind));

    len = 0;
    if (ff_sysctl(mib, (u_int)n, NULL, &len, NULL, 0) < 0) {
        reply("err %s", ENAME(errno));
        return;
    }
    len = len * 2 + 64;          /* room for a value that grows meanwhile */
    if (len > (1 << 20)) {
        reply("na value larger than 1 MiB");
        return;
    }
    buf = calloc(1, len + 1);
    if (buf == NULL) {
        reply("na out of memory");
        return;
    }
    if (ff_sysctl(mib, (u_int)n, buf, &len, NULL, 0) < 0) {
        reply("err %s", ENAME(errno));
        free(buf);
        return;
    }
    switch (ctlkind & FB_CTLTYPE) {
    case 2:  /* INT */
    case 14: /* S32 */
        if (len == 4) {
            int32_t v;
            memcpy(&v, buf, 4);
            reply("ok %d", v);
            break;
        }
        goto size;
    case 6:  /* UINT */
    case 15: /* U32 */
        if (len == 4) {
            uint32_t v;
            memcpy(&v, buf, 4);
            reply("ok %u", v);
            break;
        }
        goto size;
    case 7:  /* LONG */
    case 4:  /* S64 */
        if (len == 8) {
            int64_t v;
            memcpy(&v, buf, 8);
            reply("ok %lld", (long long)v);
            break;
        }
        goto size;
    case 8:  /* ULONG */
    case 9:  /* U64 */
        if (len == 8) {
            uint64_t v;
            memcpy(&v, buf, 8);
            reply("ok %llu", (unsigned long long)v);
            break;
        }
        goto size;
    case 10: /* U8 */
        if (len == 1) {
            reply("ok %u", (unsigned char)buf[0]);
            break;
        }
        goto size;
    case 12: /* S8 */
        if (len == 1) {
            reply("ok %d", (signed char)buf[0]);
            break;
        }
        goto size;
    case 11: /* U16 */
    case 13: /* S16 */
        if (len == 2) {
            uint16_t v;
            memcpy(&v, buf, 2);
            reply("ok %d", (ctlkind & FB_CTLTYPE) == 11 ? (int)v : (int)(int16_t)v);
            break;
        }
        goto size;
    case 3: { /* STRING */
        char *esc = malloc(len * 4 + 8);
        if (esc == NULL) {
            reply("na out of memory");
            break;
        }
        escape(buf, len, esc, len * 4 + 8);
        reply("ok text:%s", esc);
        free(esc);
        break;
    }
    default: {
        char esc[64];
        escape((const char *)fmt + sizeof(ctlkind), sizeof(fmt) - sizeof(ctlkind) - 1,
            esc, sizeof(esc));
        reply("na sysctl of type %u (format %s)", ctlkind & FB_CTLTYPE, esc);
        break;
    }
    }
    free(buf);
    return;
size:
    reply("na sysctl of type %u gave %zu bytes", ctlkind & FB_CTLTYPE, len);
    free(buf);
}

/* ---- main --------------------------------------------------------------- */

int
main(int argc, char **argv)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    int fd;

    if (argc != 3 || strcmp(argv[1], "-c") != 0) {
        fprintf(stderr, "usage: %s -c CONFIG.ini\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    /* Answers go to the original stdout; fd 1 then points at stderr, so
     * whatever F-Stack and the FreeBSD code print cannot mix with them. */
    fd = dup(1);
    if (fd < 0 || dup2(2, 1) < 0 || (out = fdopen(fd, "w")) == NULL) {
        perror("probe: stdout");
        return 1;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);

    char *ff_argv[] = {argv[0], "-c", argv[2], "-p", "0", NULL};
    if (ff_load_config(5, ff_argv) < 0) {
        fprintf(stderr, "probe: ff_load_config(%s) failed\n", argv[2]);
        return 1;
    }
    if (ff_freebsd_init() != 0) {
        fprintf(stderr, "probe: ff_freebsd_init failed\n");
        return 1;
    }
    pump(8);

    while ((got = getline(&line, &cap, stdin)) >= 0) {
        char *p, *cmd;
        if (got > LINE_MAX_LEN) {
            reply("bad line longer than %d bytes", LINE_MAX_LEN);
            continue;
        }
        if ((size_t)got != strlen(line)) {
            reply("bad NUL byte in line");
            continue;
        }
        while (got > 0 && (line[got - 1] == '\n' || line[got - 1] == '\r'))
            line[--got] = '\0';
        p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        cmd = p;
        while (*p != '\0' && *p != ' ' && *p != '\t')
            p++;
        if (*p != '\0')
            *p++ = '\0';
        if (strcmp(cmd, "case") == 0) {
            do_case(p);
        } else if (strcmp(cmd, "effect") == 0) {
            do_effect(p);
        } else if (strcmp(cmd, "capacity") == 0) {
            do_capacity(p);
        } else if (strcmp(cmd, "bind") == 0) {
            do_bind(p);
        } else if (strcmp(cmd, "dual") == 0) {
            do_dual(p);
        } else if (strcmp(cmd, "wire") == 0) {
            do_wire(p);
        } else if (strcmp(cmd, "ifindex") == 0) {
            do_ifindex(trimmed(p));
        } else if (strcmp(cmd, "sysctl") == 0) {
            do_sysctl(trimmed(p));
        } else if (strcmp(cmd, "quit") == 0 && *p == '\0') {
            break;
        } else if (*cmd == '\0') {
            reply("bad empty line");
        } else {
            reply("bad unknown command (case effect capacity bind dual wire ifindex sysctl quit)");
        }
    }
    free(line);
    return 0;
}
