/*
 * What the probe's files share: the F-Stack calls ff_api.h lacks, FreeBSD's
 * numbers, the helpers common.c defines, and behaviour.c's commands.
 */
#ifndef SOCKMATRIX_PROBE_H
#define SOCKMATRIX_PROBE_H

#include <stdio.h>
#include <sys/socket.h>

/* Not in ff_api.h (lib/ff_config.h, lib/ff_freebsd_init.c). */
int ff_load_config(int argc, char *const argv[]);
int ff_freebsd_init(void);
void ff_swi_net_excute(void);    /* lib/ff_host_interface.h */

/* FreeBSD's numbers for the few options the probe itself needs to know. */
#define FB_SOL_SOCKET      0xffff
#define FB_SO_LINGER       0x0080
#define FB_SO_ACCEPTFILTER 0x1000
#define FB_SO_SNDTIMEO     0x1005
#define FB_SO_RCVTIMEO     0x1006
#define FB_SO_ERROR        0x1007
#define FB_IPPROTO_TCP     6
#define FB_TCP_CONGESTION  64
#define FB_TCP_FUNCTION_BLK 8192
#define FB_CTL_MAXNAME     24
#define FB_CTLTYPE         0xf

#define PUMP_MAX   2000      /* ff_swi_net_excute rounds before giving up */
#define TRANSFER_BYTES (256 * 1024)   /* effect.rs TRANSFER_BYTES: each way */
#define TRANSFER_ROUNDS_MAX 200000
#define LINE_MAX_LEN 65536

#define PORT_FIRST 2000     /* the ports the probe binds: see loopback() */
#define PORT_LAST  9999

struct kind {
    const char *name;
    int family;              /* Linux AF_*: ff_socket/ff_bind translate */
    int type;
};

/* The sockets of one case; target is the one the option applies to. */
struct fixture {
    int target, peer, listener;
};

extern FILE *out;
extern int next_port;

void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void reply_na(const char *step, int e, int fb);
const char *errno_name(int e, char *buf, size_t len);
const char *freebsd_errno_name(int e, char *buf, size_t len);
char *next_token(char **p);
socklen_t loopback(const struct kind *k, int port, struct sockaddr_storage *ss);
int nonblocking(int fd);
int new_socket(const struct kind *k, const char **step);
int bound_socket(const struct kind *k, struct sockaddr_storage *ss, socklen_t *len,
    const char **step);
int listening_socket(const struct kind *k, struct sockaddr_storage *ss, socklen_t *len,
    int backlog, const char **step);
int connect_client(struct fixture *fx, const struct sockaddr_storage *far, socklen_t farlen);
void abort_close(int fd);
void pump(int rounds);

/* behaviour.c: the behaviour commands probe.c dispatches to */
void do_bind(char *args);
void do_dual(char *args);
void do_wire(char *args);

#endif
