/*
 * rt_clock.c -- the scheduler's clock and allocator hooks.
 *
 * Clock: CPython's loop.time().  Monotonic (clock_gettime) for standalone
 * programs; virtual when ASYNCC_CLOCK=virtual or when an embedding host
 * installs no time hook: time starts at 0.0 and only moves when the loop
 * has nothing ready, straight to the earliest deadline (rt_run_once).
 *
 * Allocator: every allocation the scheduler makes (coroutine objects,
 * gather blocks, the timer heap and the live-task array when they grow)
 * goes through one hook and is counted, so a test can show that an await,
 * a sleep and a scheduler step allocate nothing.
 */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 199309L
#undef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "rt_sched.h"

/* ---- clock ----------------------------------------------------------- */

volatile sig_atomic_t rt_interrupted;

static double mono_time(void *ud) {
    struct timespec ts;
    (void)ud;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void mono_sleep(double seconds, void *ud) {
    struct timespec ts;
    (void)ud;
    if (!(seconds > 0)) return;
    if (seconds > 86400.0) seconds = 86400.0;
    ts.tv_sec = (time_t)seconds;
    ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
    if (ts.tv_nsec >= 1000000000L) ts.tv_nsec = 999999999L;
    /* Ctrl-C ends the sleep: the loop has a task to cancel */
    while (!rt_interrupted && nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}

double rt_loop_time(rt_loop *L) {
    if (L->virtual_clock) return L->vnow;
    return L->time_fn(L->time_ud);
}

void rt_loop_sleep(rt_loop *L, double seconds) {
    if (L->virtual_clock) {
        L->vnow += seconds;
        return;
    }
    if (L->sleep_fn) L->sleep_fn(seconds, L->time_ud);
}

void rt_clock_default(rt_loop *L) {
    const char *c = getenv("ASYNCC_CLOCK");
    L->time_fn = mono_time;
    L->sleep_fn = mono_sleep;
    L->time_ud = NULL;
    L->virtual_clock = 0;
    if (c && strcmp(c, "virtual") == 0) {
        L->virtual_clock = 1;
    } else if (c && *c && strcmp(c, "monotonic") != 0) {
        fprintf(stderr,
                "asyncc: unknown ASYNCC_CLOCK=%s "
                "(expected virtual or monotonic)\n",
                c);
        exit(2);
    }
}

/* ---- allocator --------------------------------------------------------- */

static void *(*alloc_hook)(void *ud, void *old, size_t n);
static void *alloc_ud;
static uint64_t alloc_count;

void rt_set_allocator(void *(*alloc)(void *ud, void *old, size_t n), void *ud) {
    rt_pool_flush(); /* pooled frames belong to the old hook */
    alloc_hook = alloc;
    alloc_ud = ud;
}

uint64_t rt_alloc_count(void) { return alloc_count; }

/* The host's allocator failed: one more try, then MemoryError as
 * rt_malloc does (the host's allocator has no reserve of ours to free). */
static AC_NOINLINE void *hook_retry(void *old, size_t n) {
    void *p = alloc_hook(alloc_ud, old, n ? n : 1);
    if (!p) {
        ac_flush();
        fputs("asyncc: out of memory\n", stderr);
        abort();
    }
    rt_memory_error();
    return p;
}

void *rt_sched_alloc(size_t n) {
    void *p;
    alloc_count++;
    if (!alloc_hook) return rt_malloc(n);
    p = rt_alloc_fails() ? NULL : alloc_hook(alloc_ud, NULL, n ? n : 1);
    if (!p) p = hook_retry(NULL, n);
    return p;
}

void *rt_sched_realloc(void *old, size_t n) {
    void *p;
    alloc_count++;
    if (!alloc_hook) return rt_realloc(old, n);
    p = rt_alloc_fails() ? NULL : alloc_hook(alloc_ud, old, n ? n : 1);
    if (!p) p = hook_retry(old, n);
    return p;
}

void rt_sched_free(void *p) {
    if (!p) return;
    if (!alloc_hook) {
        rt_free(p);
        return;
    }
    alloc_hook(alloc_ud, p, 0);
}
