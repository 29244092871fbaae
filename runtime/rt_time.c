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
#include <string.h>
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

/* struct_time's fields as CPython orders and numbers them: months from 1,
 * Monday is weekday 0, days of the year from 1. */
ac_tuple *ac_time_struct(int local, int has_secs, double secs, const ac_type *t) {
    struct tm tm;
    ac_val items[9];
    time_t when;
    int i;
    if (!has_secs) {
        when = time(NULL);
    } else {
        if (secs != secs || secs >= 9.2e18 || secs <= -9.2e18) {
            ac_raise_msg(&ac_cls_OverflowError, "timestamp out of range for platform time_t");
            return NULL;
        }
        when = (time_t)secs;
        if ((double)when > secs) when--; /* floor, as CPython's _PyTime_ObjectToTime_t rounding */
    }
    if (!(local ? localtime_r(&when, &tm) : gmtime_r(&when, &tm))) {
        ac_raise_msg(&ac_cls_OverflowError, "timestamp out of range for platform time_t");
        return NULL;
    }
    {
        const int64_t f[9] = {(int64_t)tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                              tm.tm_sec, (tm.tm_wday + 6) % 7, tm.tm_yday + 1, local ? tm.tm_isdst : 0};
        for (i = 0; i < 9; i++) items[i].i = f[i];
    }
    return ac_tuple_new(t, items);
}

static int tm_from_tuple(const ac_tuple *t, struct tm *tm) {
    int64_t f[9];
    int i;
    for (i = 0; i < 9; i++) f[i] = t->items[i].i;
    memset(tm, 0, sizeof *tm);
    if (f[1] < 1 || f[1] > 12 || f[2] < 1 || f[2] > 31 || f[3] < 0 || f[3] > 23 || f[4] < 0 || f[4] > 59 ||
        f[5] < 0 || f[5] > 61 || f[7] < 1 || f[7] > 366) {
        ac_raise_msg(&ac_cls_ValueError, "%s", f[1] < 1 || f[1] > 12   ? "month out of range"
                                               : f[2] < 1 || f[2] > 31 ? "day of month out of range"
                                               : f[3] < 0 || f[3] > 23 ? "hour out of range"
                                               : f[4] < 0 || f[4] > 59 ? "minute out of range"
                                               : f[5] < 0 || f[5] > 61 ? "seconds out of range"
                                                                       : "day of year out of range");
        return -1;
    }
    tm->tm_year = (int)(f[0] - 1900);
    tm->tm_mon = (int)f[1] - 1;
    tm->tm_mday = (int)f[2];
    tm->tm_hour = (int)f[3];
    tm->tm_min = (int)f[4];
    tm->tm_sec = (int)f[5];
    tm->tm_wday = (int)((f[6] % 7 + 8) % 7); /* Monday 0 -> C's Monday 1 */
    tm->tm_yday = (int)f[7] - 1;
    tm->tm_isdst = (int)(f[8] < -1 ? -1 : f[8] > 1 ? 1 : f[8]);
    return 0;
}

ac_str *ac_time_strftime(ac_str *format, ac_tuple *t) {
    struct tm tm;
    size_t cap = 64 + (size_t)format->len * 8, n;
    char *buf;
    ac_str *r;
    if (t) {
        if (tm_from_tuple(t, &tm) < 0) return NULL;
    } else {
        time_t now = time(NULL);
        localtime_r(&now, &tm);
    }
    if (!format->len) return ac_str_from_cstr("");
    for (;;) {
        buf = rt_malloc(cap);
        n = strftime(buf, cap, format->s, &tm);
        if (n || cap > 1024 * (size_t)format->len + 4096) break;
        rt_free(buf);
        cap *= 4;
    }
    r = ac_str_new(buf, (int64_t)n);
    rt_free(buf);
    return r;
}
