/* hc.h -- a minimal hand-written stackless coroutine scheduler, the
 * "practical limit" baseline for bench/.  Header-only, C99 + POSIX clocks.
 *
 * A task is a struct whose first member is hc_task: an intrusive FIFO link,
 * a resume function pointer and a small state number.  Resume functions are
 * Duff's-device switches on that state.  Sleeping tasks own an hc_timer node
 * inside their own frame; the timer list is a binary min-heap of pointers to
 * those nodes, ordered by (deadline, sequence number) so ties fire in the
 * order they were set.  The loop runs the ready queue one round at a time
 * (tasks made ready during a round run in the next one, as in asyncio),
 * then moves due timers to the ready queue, and sleeps with nanosleep until
 * the next deadline when nothing is ready.
 */
#ifndef HC_H
#define HC_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct hc_task hc_task;
typedef void (*hc_resume_fn)(hc_task *);

struct hc_task {
    hc_task *next;       /* ready-queue link */
    hc_resume_fn resume; /* resume function */
    uint32_t state;      /* Duff's-device label */
    uint32_t flags;
};

typedef struct hc_timer {
    uint64_t deadline; /* ns on CLOCK_MONOTONIC */
    uint64_t seq;      /* tie break: order of setting */
    hc_task *task;
} hc_timer;

static struct {
    hc_task *head, *tail;
    hc_timer **heap;
    size_t nheap, capheap;
    uint64_t seq;
} hc;

static inline void *hc_xmalloc(size_t n) {
    void *p = malloc(n);
    if (!p) {
        fputs("out of memory\n", stderr);
        exit(1);
    }
    return p;
}

static inline void hc_ready(hc_task *t) {
    t->next = NULL;
    if (hc.tail)
        hc.tail->next = t;
    else
        hc.head = t;
    hc.tail = t;
}

static inline uint64_t hc_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline int hc_less(const hc_timer *a, const hc_timer *b) {
    return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}

/* Arm `tm` to wake `t` after `seconds` (negative acts as 0). */
static inline void hc_sleep(hc_task *t, hc_timer *tm, double seconds) {
    if (seconds < 0) seconds = 0;
    tm->deadline = hc_now() + (uint64_t)(seconds * 1e9);
    tm->seq = hc.seq++;
    tm->task = t;
    if (hc.nheap == hc.capheap) {
        hc.capheap = hc.capheap ? hc.capheap * 2 : 64;
        hc.heap = realloc(hc.heap, hc.capheap * sizeof *hc.heap);
        if (!hc.heap) {
            fputs("out of memory\n", stderr);
            exit(1);
        }
    }
    size_t i = hc.nheap++;
    while (i > 0) { /* sift up */
        size_t p = (i - 1) / 2;
        if (!hc_less(tm, hc.heap[p])) break;
        hc.heap[i] = hc.heap[p];
        i = p;
    }
    hc.heap[i] = tm;
}

static inline hc_timer *hc_heap_pop(void) {
    hc_timer *top = hc.heap[0];
    hc_timer *last = hc.heap[--hc.nheap];
    size_t n = hc.nheap, i = 0;
    for (;;) { /* sift down */
        size_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && hc_less(hc.heap[c + 1], hc.heap[c])) c++;
        if (!hc_less(hc.heap[c], last)) break;
        hc.heap[i] = hc.heap[c];
        i = c;
    }
    if (n) hc.heap[i] = last;
    return top;
}

static inline void hc_run(void) {
    for (;;) {
        /* one round: run exactly the tasks that are ready now */
        hc_task *end = hc.tail;
        while (hc.head) {
            hc_task *t = hc.head;
            hc.head = t->next;
            if (!hc.head) hc.tail = NULL;
            t->resume(t);
            if (t == end) break;
        }
        if (hc.nheap) {
            uint64_t now = hc_now();
            if (!hc.head && hc.heap[0]->deadline > now) {
                uint64_t d = hc.heap[0]->deadline - now;
                struct timespec ts = {(time_t)(d / 1000000000u), (long)(d % 1000000000u)};
                nanosleep(&ts, NULL);
                now = hc_now();
            }
            while (hc.nheap && hc.heap[0]->deadline <= now) hc_ready(hc_heap_pop()->task);
        } else if (!hc.head) {
            break;
        }
    }
}

/* gather bookkeeping: the parent sleeps until `remaining` reaches 0 */
typedef struct hc_join {
    hc_task *parent;
    int64_t *results;
    size_t remaining;
} hc_join;

static inline void hc_join_done(hc_join *j, size_t idx, int64_t value) {
    j->results[idx] = value;
    if (--j->remaining == 0) hc_ready(j->parent);
}

static inline long hc_arg(int argc, char **argv, int i, long dflt) {
    return i < argc ? strtol(argv[i], NULL, 10) : dflt;
}

#endif
