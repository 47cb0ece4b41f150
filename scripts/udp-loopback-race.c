/*
 * Shows the rare ECONNREFUSED a connected UDP sender can get on loopback
 * while other UDP sockets are bound, connected and closed at the same
 * moment; the reason src/capacity.rs passes over a few such reports.
 *
 *   cc -O2 -pthread scripts/udp-loopback-race.c -o /tmp/udp-race
 *   /tmp/udp-race 6 30 2     # IPv6, 30 s, two churning threads
 *   /tmp/udp-race 6 30 0     # the same without the churn
 *
 * Each round binds a receiver on ::1 (or 127.0.0.1 with "4") with an
 * 8 KiB SO_RCVBUF, connects a sender to it, sends 40 datagrams of 1 KiB
 * without blocking, and closes both. A full receiver drops silently
 * (EAGAIN or nothing); ECONNREFUSED means an ICMP port unreachable came
 * back for a datagram although the receiver was bound the whole time.
 * On Linux 6.18 (2 cores): 1 refusal in 96k rounds (20 s, one churning
 * thread), 1 in 115k and 2 in 89k (30 s, two threads); none in 172k and
 * 170k rounds without the churn (30 s each).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static volatile int stop;
static int family = AF_INET6;

static socklen_t loopback(struct sockaddr_storage *s)
{
    memset(s, 0, sizeof *s);
    if (family == AF_INET6) {
        struct sockaddr_in6 *a = (struct sockaddr_in6 *)s;
        a->sin6_family = AF_INET6;
        a->sin6_addr = in6addr_loopback;
        return sizeof *a;
    }
    struct sockaddr_in *a = (struct sockaddr_in *)s;
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return sizeof *a;
}

/* A bound socket and its address, written to `s`. */
static int bound(struct sockaddr_storage *s, socklen_t *len)
{
    int fd = socket(family, SOCK_DGRAM, 0);
    *len = loopback(s);
    bind(fd, (struct sockaddr *)s, *len);
    getsockname(fd, (struct sockaddr *)s, len);
    return fd;
}

/* Other sockets coming and going: bind one, connect another to it, close. */
static void *churn(void *unused)
{
    (void)unused;
    while (!stop) {
        struct sockaddr_storage s;
        socklen_t len;
        int a = bound(&s, &len), b = socket(family, SOCK_DGRAM, 0);
        connect(b, (struct sockaddr *)&s, len);
        close(b);
        close(a);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "4") == 0)
        family = AF_INET;
    int seconds = argc > 2 ? atoi(argv[2]) : 20;
    int threads = argc > 3 ? atoi(argv[3]) : 2;
    pthread_t churners[16];
    if (threads > 16)
        threads = 16;
    for (int i = 0; i < threads; i++)
        pthread_create(&churners[i], NULL, churn, NULL);

    long rounds = 0, refused = 0, other = 0;
    char payload[1024] = {0};
    time_t end = time(NULL) + seconds;
    while (time(NULL) < end) {
        struct sockaddr_storage s;
        socklen_t len;
        int receiver = bound(&s, &len), sender = socket(family, SOCK_DGRAM, 0);
        int size = 8192;
        setsockopt(receiver, SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
        connect(sender, (struct sockaddr *)&s, len);
        for (int i = 0; i < 40; i++) {
            if (send(sender, payload, sizeof payload, MSG_DONTWAIT) < 0) {
                if (errno == ECONNREFUSED)
                    refused++;
                else if (errno != EAGAIN)
                    other++;
            }
        }
        close(sender);
        close(receiver);
        rounds++;
    }
    stop = 1;
    for (int i = 0; i < threads; i++)
        pthread_join(churners[i], NULL);
    printf("ipv%s rounds=%ld refused=%ld other=%ld\n", family == AF_INET6 ? "6" : "4",
           rounds, refused, other);
    return 0;
}
