/*
 * How much slower a fixed piece of work runs right after the CPU sat idle, as a function of the idle
 * time. It reads 2,000 cache lines spread over a 4 MiB buffer (about what one pass of a small network
 * request through the kernel and a JVM touches) right after sleeping 0, 0.1, 1, 10 and 100 ms, and prints
 * the median and p90 of that read's duration. On a host that evicts an idle guest's caches, the work
 * after 100 ms idle costs what a calibrate exchange at one-way 50-100 ms pays in every host step
 * (README, "Emulated link accuracy").
 *
 *   cc -O2 -o /tmp/cold-after-idle tools/cold-after-idle.c && /tmp/cold-after-idle 30
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define LINES 2000
#define STRIDE 4160 /* 65 cache lines: no two reads share a line or a prefetch stream */

static char buf[4 << 20];

static long now_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000L + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    long x = *(const long *) a, y = *(const long *) b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 30;
    if (rounds < 10) {
        fprintf(stderr, "usage: %s [ROUNDS >= 10]\n", argv[0]);
        return 2;
    }
    const long idle_ns[] = {0, 100000, 1000000, 10000000, 100000000};
    long *took = malloc(sizeof(long) * rounds);
    volatile long sum = 0;
    memset(buf, 1, sizeof buf);
    for (size_t s = 0; s < sizeof idle_ns / sizeof idle_ns[0]; s++) {
        for (int i = 0; i < rounds; i++) {
            if (idle_ns[s] > 0) {
                struct timespec ts = {0, idle_ns[s]};
                nanosleep(&ts, NULL);
            }
            long t0 = now_ns();
            for (long k = 0; k < LINES; k++) {
                sum += buf[(k * STRIDE) % sizeof buf];
            }
            took[i] = now_ns() - t0;
        }
        qsort(took, rounds, sizeof(long), by_value);
        printf("idle %6.1f ms before: %d cache-line reads took p50 %7.1f us, p90 %7.1f us (%d rounds)\n",
               idle_ns[s] / 1e6, LINES, took[rounds / 2] / 1e3, took[rounds * 9 / 10] / 1e3, rounds);
    }
    free(took);
    return 0;
}
