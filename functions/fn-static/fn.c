// fn-static: the precise knob for sweeping init time. A tiny statically linked HTTP "function".
//
// Environment (all optional):
//   INIT_MS    simulated init: sleep this many ms before listening
//   INIT_WORK  real init work: allocate, write and checksum this many MiB before listening
//   EXEC_MS    per-request work: sleep this many ms before answering GET /
//   PORT       listening port (default 8080; with --network host every instance needs its own)
//   BIND_ADDR  IPv4 address to bind (default: every address; host networking passes 127.0.0.1)
//
// GET /healthz answers at once, GET / after EXEC_MS. Every answer reports, so the harness can cross-check
// its own timeline on the same clock (CLOCK_MONOTONIC is not namespaced by Docker):
//   X-Fn-Init-Ns         entry of main() -> listening socket
//   X-Fn-Listen-Mono-Ns  CLOCK_MONOTONIC when the socket started listening
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static long exec_ms;
static char header_tail[256];

static int64_t mono_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void sleep_ms(long ms) {
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) != 0) {}
}

static long env_long(const char *name, long fallback) {
    const char *v = getenv(name);
    return v && *v ? atol(v) : fallback;
}

/* Real work, not a sleep: touch every byte of N MiB and fold it into a checksum the compiler must keep. */
static uint64_t init_work(long mib) {
    size_t n = (size_t)mib << 20;
    unsigned char *p = malloc(n);
    if (!p) { fprintf(stderr, "fn: cannot allocate %ld MiB\n", mib); exit(1); }
    for (size_t i = 0; i < n; i++) p[i] = (unsigned char)(i * 2654435761u >> 13);
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < n; i++) h = (h ^ p[i]) * 1099511628211ULL;
    free(p);
    return h;
}

static void on_term(int s) { (void)s; _exit(0); }

static void reply(int c, int status, const char *reason, const char *body) {
    char out[512];
    int len = snprintf(out, sizeof out,
                       "HTTP/1.1 %d %s\r\nContent-Type: text/plain\r\nContent-Length: %zu\r\nConnection: close\r\n%s\r\n%s",
                       status, reason, strlen(body), header_tail, body);
    ssize_t w = write(c, out, (size_t)len); (void)w;
}

static void *serve(void *arg) {
    int c = (int)(intptr_t)arg;
    int one = 1;
    setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    char buf[4096];
    size_t got = 0;
    for (;;) { /* read the request head; the body, if any, is ignored */
        ssize_t n = read(c, buf + got, sizeof buf - 1 - got);
        if (n <= 0) break;
        got += (size_t)n;
        buf[got] = 0;
        if (strstr(buf, "\r\n\r\n") || got >= sizeof buf - 1) break;
    }
    buf[got] = 0;
    if (strncmp(buf, "GET /healthz ", 13) == 0) {
        reply(c, 200, "OK", "ok\n");
    } else if (strncmp(buf, "GET / ", 6) == 0 || strncmp(buf, "GET /?", 6) == 0) {
        if (exec_ms > 0) sleep_ms(exec_ms);
        reply(c, 200, "OK", "ok\n");
    } else {
        reply(c, 404, "Not Found", "not found\n");
    }
    shutdown(c, SHUT_WR);
    close(c);
    return NULL;
}

int main(void) {
    int64_t t0 = mono_ns();
    signal(SIGTERM, on_term);
    signal(SIGINT, on_term);
    signal(SIGPIPE, SIG_IGN);
    long init_ms = env_long("INIT_MS", 0);
    long work_mib = env_long("INIT_WORK", 0);
    exec_ms = env_long("EXEC_MS", 0);
    int port = (int)env_long("PORT", 8080);
    if (init_ms > 0) sleep_ms(init_ms);
    uint64_t sum = work_mib > 0 ? init_work(work_mib) : 0;

    const char *bind_addr = getenv("BIND_ADDR");
    int one = 1, zero = 0, s;
    if (bind_addr && *bind_addr) {
        struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
        if (inet_pton(AF_INET, bind_addr, &a.sin_addr) != 1) { fprintf(stderr, "fn: bad BIND_ADDR %s\n", bind_addr); return 1; }
        s = socket(AF_INET, SOCK_STREAM, 0);
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("fn: bind"); return 1; }
    } else {
        struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_port = htons((uint16_t)port), .sin6_addr = in6addr_any };
        s = socket(AF_INET6, SOCK_STREAM, 0);
        setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        setsockopt(s, IPPROTO_IPV6, IPV6_V6ONLY, &zero, sizeof zero);
        if (bind(s, (struct sockaddr *)&a, sizeof a) < 0) { perror("fn: bind"); return 1; }
    }
    if (listen(s, 128) < 0) { perror("fn: listen"); return 1; }
    int64_t t1 = mono_ns();
    snprintf(header_tail, sizeof header_tail, "X-Fn-Name: fn-static\r\nX-Fn-Init-Ns: %lld\r\nX-Fn-Listen-Mono-Ns: %lld\r\n",
             (long long)(t1 - t0), (long long)t1);
    fprintf(stderr, "fn-static: listening on %d after %.3f ms (INIT_MS=%ld INIT_WORK=%ld MiB sum=%llx)\n",
            port, (t1 - t0) / 1e6, init_ms, work_mib, (unsigned long long)sum);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    for (;;) {
        int c = accept(s, NULL, NULL);
        if (c < 0) continue;
        pthread_t t;
        if (pthread_create(&t, &attr, serve, (void *)(intptr_t)c) != 0) serve((void *)(intptr_t)c);
    }
}
