/*
 * rt_time.c -- the time module.  Under the virtual clock every reading is
 * the loop's time and time.sleep moves it forward, so a program that
 * measures or waits prints the same under CPython's reference runner (which
 * patches time.* the same way) and here.
 */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 199309L
#undef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <errno.h>
#include <time.h>
#include "rt_sched.h"

static int on_virtual_clock(void) { return rt_cur_loop && rt_cur_loop->virtual_clock; }

static double clock_read(clockid_t id) {
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

double ac_time_time(void) { return on_virtual_clock() ? rt_cur_loop->vnow : clock_read(CLOCK_REALTIME); }

double ac_time_monotonic(void) { return on_virtual_clock() ? rt_cur_loop->vnow : clock_read(CLOCK_MONOTONIC); }

double ac_time_perf_counter(void) { return ac_time_monotonic(); }

void ac_time_sleep(double seconds) {
    struct timespec ts;
    if (seconds < 0) {
        ac_raise_msg(&ac_cls_ValueError, "sleep length must be non-negative");
        return;
    }
    if (on_virtual_clock()) {
        rt_cur_loop->vnow += seconds;
        return;
    }
    ac_flush(); /* what was printed shows before the wait */
    ts.tv_sec = (time_t)seconds;
    ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
    if (ts.tv_nsec >= 1000000000L) ts.tv_nsec = 999999999L;
    while (nanosleep(&ts, &ts) == -1 && errno == EINTR) {}
}
