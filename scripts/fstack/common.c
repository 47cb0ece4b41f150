/*
 * What the probe's commands share (probe.c's option cases and behaviour.c's
 * behaviours): the answer line, FreeBSD's errno names, and making, binding,
 * connecting and closing sockets in the stack. Declared in probe.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include "ff_api.h"
#include "probe.h"

FILE *out;            /* the protocol's stdout (fd 1 goes to stderr) */

void
reply(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(out, fmt, ap);
    va_end(ap);
    fputc('\n', out);
    if (fflush(out) != 0 || ferror(out))
        exit(0);             /* the reader has gone */
}

/* ---- errno ------------------------------------------------------------- */

struct errname {
    const char *name;
    int freebsd;             /* FreeBSD's number */
    int linux_no;            /* what ff_os_errno() makes of it; -1: unchanged */
};

/* From lib/ff_errno.h (FreeBSD numbers) and ff_os_errno()'s switch. */
static const struct errname errnames[] = {
    {"EPERM", 1, EPERM},
    {"ENOENT", 2, ENOENT},
    {"ESRCH", 3, ESRCH},
    {"EINTR", 4, EINTR},
    {"EIO", 5, EIO},
    {"ENXIO", 6, ENXIO},
    {"E2BIG", 7, E2BIG},
    {"ENOEXEC", 8, ENOEXEC},
    {"EBADF", 9, EBADF},
    {"ECHILD", 10, ECHILD},
    {"EDEADLK", 11, EDEADLK},
    {"ENOMEM", 12, ENOMEM},
    {"EACCES", 13, EACCES},
    {"EFAULT", 14, EFAULT},
    {"ENOTBLK", 15, ENOTBLK},
    {"EBUSY", 16, EBUSY},
    {"EEXIST", 17, EEXIST},
    {"EXDEV", 18, EXDEV},
    {"ENODEV", 19, ENODEV},
    {"ENOTDIR", 20, ENOTDIR},
    {"EISDIR", 21, EISDIR},
    {"EINVAL", 22, EINVAL},
    {"ENFILE", 23, ENFILE},
    {"EMFILE", 24, EMFILE},
    {"ENOTTY", 25, ENOTTY},
    {"ETXTBSY", 26, ETXTBSY},
    {"EFBIG", 27, EFBIG},
    {"ENOSPC", 28, ENOSPC},
    {"ESPIPE", 29, ESPIPE},
    {"EROFS", 30, EROFS},
    {"EMLINK", 31, EMLINK},
    {"EPIPE", 32, EPIPE},
    {"EDOM", 33, EDOM},
    {"ERANGE", 34, ERANGE},
    {"EAGAIN", 35, EWOULDBLOCK},
    {"EINPROGRESS", 36, EINPROGRESS},
    {"EALREADY", 37, EALREADY},
    {"ENOTSOCK", 38, ENOTSOCK},
    {"EDESTADDRREQ", 39, EDESTADDRREQ},
    {"EMSGSIZE", 40, EMSGSIZE},
    {"EPROTOTYPE", 41, EPROTOTYPE},
    {"ENOPROTOOPT", 42, ENOPROTOOPT},
    {"EPROTONOSUPPORT", 43, EPROTONOSUPPORT},
    {"ESOCKTNOSUPPORT", 44, ESOCKTNOSUPPORT},
    {"EOPNOTSUPP", 45, ENOTSUP},
    {"EPFNOSUPPORT", 46, EPFNOSUPPORT},
    {"EAFNOSUPPORT", 47, EAFNOSUPPORT},
    {"EADDRINUSE", 48, EADDRINUSE},
    {"EADDRNOTAVAIL", 49, EADDRNOTAVAIL},
    {"ENETDOWN", 50, ENETDOWN},
    {"ENETUNREACH", 51, ENETUNREACH},
    {"ENETRESET", 52, ENETRESET},
    {"ECONNABORTED", 53, ECONNABORTED},
    {"ECONNRESET", 54, ECONNRESET},
    {"ENOBUFS", 55, ENOBUFS},
    {"EISCONN", 56, EISCONN},
    {"ENOTCONN", 57, ENOTCONN},
    {"ESHUTDOWN", 58, ESHUTDOWN},
    {"ETOOMANYREFS", 59, ETOOMANYREFS},
    {"ETIMEDOUT", 60, ETIMEDOUT},
    {"ECONNREFUSED", 61, ECONNREFUSED},
    {"ELOOP", 62, ELOOP},
    {"ENAMETOOLONG", 63, ENAMETOOLONG},
    {"EHOSTDOWN", 64, EHOSTDOWN},
    {"EHOSTUNREACH", 65, EHOSTUNREACH},
    {"ENOTEMPTY", 66, ENOTEMPTY},
    {"EUSERS", 68, EUSERS},
    {"EDQUOT", 69, EDQUOT},
    {"ESTALE", 70, ESTALE},
    {"EREMOTE", 71, EREMOTE},
    {"ENOLCK", 77, ENOLCK},
    {"ENOSYS", 78, ENOSYS},
    {"EIDRM", 82, EIDRM},
    {"ENOMSG", 83, ENOMSG},
    {"EOVERFLOW", 84, EOVERFLOW},
    {"ECANCELED", 85, ECANCELED},
    {"EILSEQ", 86, EILSEQ},
    {"EBADMSG", 89, EBADMSG},
    {"EMULTIHOP", 90, EMULTIHOP},
    {"ENOLINK", 91, ENOLINK},
    {"EPROTO", 92, EPROTO},
    /* not in ff_os_errno: passed through as the FreeBSD number */
    {"EPROCLIM", 67, -1},
    {"EBADRPC", 72, -1},
    {"ERPCMISMATCH", 73, -1},
    {"EPROGUNAVAIL", 74, -1},
    {"EPROGMISMATCH", 75, -1},
    {"EPROCUNAVAIL", 76, -1},
    {"EFTYPE", 79, -1},
    {"EAUTH", 80, -1},
    {"ENEEDAUTH", 81, -1},
    {"ENOATTR", 87, -1},
    {"EDOOFUS", 88, -1},
    {"ENOTCAPABLE", 93, -1},
    {"ECAPMODE", 94, -1},
    {"ENOTRECOVERABLE", 95, -1},
    {"EOWNERDEAD", 96, -1},
    {"EINTEGRITY", 97, -1},
    /* kernel-internal codes that should never reach a caller */
    {"ERESTART", -1, -1},
    {"EJUSTRETURN", -2, -1},
    {"ENOIOCTL", -3, -1},
    {"EDIRIOCTL", -4, -1},
    {"ERELOOKUP", -5, -1},
};
#define NERRNAMES (sizeof(errnames) / sizeof(errnames[0]))

/*
 * The name of the FreeBSD error behind errno after an ff_* call. A Linux
 * number that ff_os_errno() produces is read as that mapping; any other is
 * a FreeBSD number passed through. (A passed-through FreeBSD number that
 * equals a mapped Linux one, e.g. EINTEGRITY 97 vs Linux EAFNOSUPPORT 97,
 * cannot be told apart; none of those comes from the socket-option paths.)
 */
const char *
errno_name(int e, char *buf, size_t len)
{
    size_t i;
    for (i = 0; i < NERRNAMES; i++)
        if (errnames[i].linux_no >= 0 && errnames[i].linux_no == e)
            return errnames[i].name;
    for (i = 0; i < NERRNAMES; i++)
        if (errnames[i].linux_no < 0 && errnames[i].freebsd == e)
            return errnames[i].name;
    snprintf(buf, len, "EUNKNOWN%d", e);
    return buf;
}

/*
 * Loopback of the kind's family at `port`. The probe picks ports itself:
 * F-Stack's IPv4 bind leaves port 0 unassigned (in_pcbbind_setup skips
 * in_pcb_lport under #ifndef FSTACK, for RSS), after which listen() on a
 * socket bound to 127.0.0.1 fails with EINVAL and connect() to it with
 * EADDRNOTAVAIL. Ports come from PORT_FIRST..PORT_LAST, below FreeBSD's
 * ephemeral range (10000..65535), so they never meet a client's port.
 */
int next_port = PORT_FIRST;

socklen_t
loopback(const struct kind *k, int port, struct sockaddr_storage *ss)
{
    memset(ss, 0, sizeof(*ss));
    if (k->family == AF_INET) {
        struct sockaddr_in *sin = (struct sockaddr_in *)ss;
        sin->sin_family = AF_INET;
        sin->sin_port = htons((uint16_t)port);
        sin->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return sizeof(*sin);
    } else {
        struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)ss;
        sin6->sin6_family = AF_INET6;
        sin6->sin6_port = htons((uint16_t)port);
        sin6->sin6_addr = in6addr_loopback;
        return sizeof(*sin6);
    }
}

int
nonblocking(int fd)
{
    int on = 1;
    return ff_ioctl(fd, FIONBIO, &on);
}

/* A new non-blocking socket of the kind, or -1 (errno kept). */
int
new_socket(const struct kind *k, const char **step)
{
    int fd;
    *step = "socket";
    fd = ff_socket(k->family, k->type, 0);
    if (fd < 0)
        return -1;
    *step = "fionbio";
    if (nonblocking(fd) < 0) {
        int saved = errno;
        ff_close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* A new non-blocking socket bound to a loopback port; its address in *ss. */
int
bound_socket(const struct kind *k, struct sockaddr_storage *ss, socklen_t *len,
    const char **step)
{
    int fd, tries, rc = -1;
    fd = new_socket(k, step);
    if (fd < 0)
        return -1;
    *step = "bind";
    for (tries = 0; tries < 64; tries++) {
        int port = next_port;
        next_port = next_port >= PORT_LAST ? PORT_FIRST : next_port + 1;
        *len = loopback(k, port, ss);
        rc = ff_bind(fd, (struct linux_sockaddr *)ss, *len);
        if (rc == 0 || errno != EADDRINUSE)
            break;
    }
    if (rc < 0)
        goto fail;
    *len = sizeof(*ss);
    *step = "getsockname";
    if (ff_getsockname(fd, (struct linux_sockaddr *)ss, len) < 0)
        goto fail;
    return fd;
fail:;
    int saved = errno;
    ff_close(fd);
    errno = saved;
    return -1;
}

/* bound_socket, then listen(backlog); -1 with errno kept on failure. */
int
listening_socket(const struct kind *k, struct sockaddr_storage *ss, socklen_t *len,
    int backlog, const char **step)
{
    int fd = bound_socket(k, ss, len, step);
    if (fd < 0)
        return -1;
    *step = "listen";
    if (ff_listen(fd, backlog) < 0) {
        int saved = errno;
        ff_close(fd);
        errno = saved;
        return -1;
    }
    return fd;
}

/* Closes a socket at once: an RST instead of FIN and TIME_WAIT, which
 * would pile up (timers never run here) and use up ephemeral ports. */
void
abort_close(int fd)
{
    struct linger l = {1, 0};
    if (fd < 0)
        return;
    (void)ff_setsockopt_freebsd(fd, FB_SOL_SOCKET, FB_SO_LINGER, &l, sizeof(l));
    ff_close(fd);
}

void
pump(int rounds)
{
    while (rounds-- > 0)
        ff_swi_net_excute();
}

/* The name of a FreeBSD errno number (SO_ERROR's value), or EUNKNOWN<n>. */
const char *
freebsd_errno_name(int e, char *buf, size_t len)
{
    size_t j;
    for (j = 0; j < NERRNAMES; j++)
        if (errnames[j].freebsd == e)
            return errnames[j].name;
    snprintf(buf, len, "EUNKNOWN%d", e);
    return buf;
}

/* Answers `na <step>:<ENAME>` for errno, a Linux number from an ff_* call
 * or (fb) a FreeBSD one from SO_ERROR. */
void
reply_na(const char *step, int e, int fb)
{
    char namebuf[32];
    reply("na %s:%s", step,
        fb ? freebsd_errno_name(e, namebuf, sizeof(namebuf)) : errno_name(e, namebuf, sizeof(namebuf)));
}

/*
 * Connects fx->target (a new non-blocking stream socket) to fx->listener
 * (listening at far) and moves SYN, SYN-ACK and ACK until both ends are
 * established; the accepted socket goes to fx->peer. On failure answers
 * `na ...` itself and returns -1 (the caller closes the sockets).
 */
int
connect_client(struct fixture *fx, const struct sockaddr_storage *far, socklen_t farlen)
{
    int i;

    if (ff_connect(fx->target, (const struct linux_sockaddr *)far, farlen) < 0 &&
        errno != EINPROGRESS) {
        reply_na("connect", errno, 0);
        return -1;
    }
    for (i = 0; i < PUMP_MAX; i++) {
        int soerr = 0;
        socklen_t elen = sizeof(soerr);
        struct sockaddr_storage peer;
        socklen_t plen = sizeof(peer);

        ff_swi_net_excute();
        if (fx->peer < 0) {
            fx->peer = ff_accept(fx->listener, NULL, NULL);
            if (fx->peer < 0 && errno != EAGAIN) {
                reply_na("accept", errno, 0);
                return -1;
            }
        }
        if (ff_getsockopt_freebsd(fx->target, FB_SOL_SOCKET, FB_SO_ERROR,
                &soerr, &elen) < 0) {
            reply_na("connect", errno, 0);
            return -1;
        }
        if (soerr != 0) {
            reply_na("connect", soerr, 1);   /* a FreeBSD number */
            return -1;
        }
        if (fx->peer >= 0 &&
            ff_getpeername(fx->target, (struct linux_sockaddr *)&peer, &plen) == 0)
            return 0;
    }
    reply("na pump timeout");
    return -1;
}

/* Splits the next blank-separated token off *p (NULL at the end). */
char *
next_token(char **p)
{
    char *t;
    while (**p == ' ' || **p == '\t')
        (*p)++;
    if (**p == '\0')
        return NULL;
    t = *p;
    while (**p != '\0' && **p != ' ' && **p != '\t')
        (*p)++;
    if (**p != '\0')
        *(*p)++ = '\0';
    return t;
}
