/*
 * rt_sched.h -- scheduler internals shared by rt_sched.c, rt_clock.c,
 * rt_main.c and the runtime tests.  Generated code never includes it.
 */
#ifndef ASYNCC_RT_SCHED_H
#define ASYNCC_RT_SCHED_H

#include "rt_internal.h"

/* The task header.  Layout (LP64): 40 bytes, a multiple of 8 so the frame
 * that follows is aligned for every type a frame holds (pool blocks are
 * 8-aligned, see rt_sched.c).
 *   h        rc + kind (the ac_obj header every object has)       8
 *   qw       while TF_QUEUED: the ready-queue link (qw.next);
 *            otherwise the leaf wait record it is suspended at
 *            (qw.leaf; read and written through leaf_of/set_leaf) 8
 *   vt       resume/drop/name/ret type                             8
 *   waiters  tail of the circular list of records waiting on it,
 *            or a gather block | 1 when that is the only waiter    8
 *   slot     index in the loop's live-task array                  4
 *   flags    TF_*                                                  4
 * The link and the leaf share a word because a queued task is never
 * cancelled through its record (Task.cancel only sets _must_cancel then),
 * and its next step finds or re-sets its leaf from the frames anyway. */
struct ac_task {
    ac_obj h;
    union { uintptr_t next; ac_wait *leaf; } qw;
    const ac_coro_vt *vt;
    uintptr_t waiters;
    uint32_t slot;
    uint32_t flags;
};

enum {
    TF_TASK = 1u << 0,        /* scheduled as a task */
    TF_FRESH = 1u << 1,       /* resume has not run yet (set by ac_coro_new) */
    TF_DONE = 1u << 2,
    TF_FAILED = 1u << 3,      /* done, frame->ret.p is the exception (owned) */
    TF_CANCELLED = 1u << 4,   /* done by cancellation */
    TF_NORET = 1u << 5,       /* done, nothing to release in frame->ret */
    TF_MUST_CANCEL = 1u << 6, /* CPython's _must_cancel */
    TF_QUEUED = 1u << 7,      /* in the ready queue */
    TF_RETRIEVED = 1u << 8,   /* exception/result was looked at */
    TF_SILENT = 1u << 9,      /* Edge silent cancel requested */
    TF_MAIN = 1u << 11,       /* asyncio.run's main: stop the loop when done */
    TF_AWAITED = 1u << 12,    /* awaited inline as a coroutine */
    TF_LIVE = 1u << 13,       /* counted in the loop's live array */
    TF_RETAKEN = 1u << 14,    /* result moved out (ret is empty) */
    TF_YIELDED = 1u << 15     /* suspended by AC_YIELD (no wait record) */
};

typedef double (*ac_time_fn)(void *ud);
typedef void (*ac_sleep_fn)(double seconds, void *ud);

typedef struct ac_loop {
    /* ready queue: entries run in the current iteration, entries for the
     * next one (CPython runs exactly the callbacks ready at the start of an
     * iteration; whatever they schedule runs in the next). */
    uintptr_t cur_head, next_head;   /* no pushes to cur: it needs no tail */
    uintptr_t *next_link;            /* where the next push links in */
    /* timers: a binary heap of armed records on (deadline, sequence); an
     * armed record keeps both in its own link and obj fields (rt_sched.c) */
    ac_wait **heap;
    uint32_t nheap, capheap;
    uint64_t timer_seq;
    /* live (not finished) tasks, in creation order, with holes */
    ac_task **live;
    uint32_t nlive, caplive, nholes, npending;
    /* clock */
    int virtual_clock;
    double vnow;
    ac_time_fn time_fn;
    ac_sleep_fn sleep_fn;
    void *time_ud;
    /* receive() events, frame() waiters, deferred host calls */
    ac_str **ev;
    uint32_t ev_head, ev_len, ev_cap;
    ac_wait *recv_head, *recv_tail;
    ac_wait *frame_head, *frame_tail;
    struct rt_call *calls;
    uint32_t ncalls, capcalls, call_free;
    /* state */
    ac_task *current;
    int stopping;
    int closing;
    uint64_t iterations;
} ac_loop;

extern ac_loop *ac_cur_loop;

/* clock and allocator hooks (rt_clock.c) */
double rt_loop_time(ac_loop *L);
void rt_loop_sleep(ac_loop *L, double seconds);
void rt_clock_default(ac_loop *L);       /* reads ASYNCC_CLOCK */
void *rt_sched_alloc(size_t n);
void *rt_sched_realloc(void *p, size_t n);
void rt_sched_free(void *p);
void ac_set_allocator(void *(*alloc)(void *ud, void *old, size_t n),
                      void *ud);
uint64_t ac_alloc_count(void);          /* allocations through the hook */
void rt_pool_flush(void);               /* free the pooled frames (rt_sched.c) */

/* loop control (rt_sched.c) */
void rt_loop_init(ac_loop *L);
void rt_loop_fini(ac_loop *L);           /* drops everything still pending */
/* One CPython _run_once.  nonblock: do not wait/advance the clock even if
 * nothing is ready.  Returns 0 when there was nothing at all to do. */
int rt_run_once(ac_loop *L, int nonblock);
/* asyncio.run's end: cancel what is left and run it to completion. */
void rt_shutdown(ac_loop *L);
ac_task *rt_spawn(ac_task *coro);        /* ensure_future: steals */
void rt_task_release_result(ac_task *t, ac_val *out); /* new ref of ret */
double rt_next_deadline(ac_loop *L, int *has);
/* an armed timer record's deadline and insertion sequence (tests) */
double rt_timer_when(const ac_wait *w);
uint64_t rt_timer_seq(const ac_wait *w);
/* host side of receive()/frame()/deferred calls (rt_sched.c) */
void rt_push_event(ac_loop *L, ac_str *s);          /* steals s */
void rt_frame_tick(ac_loop *L);
int rt_call_return(ac_loop *L, ac_call_id id, ac_val v);
int rt_call_raise(ac_loop *L, ac_call_id id, ac_exc *e);   /* steals e */
int rt_has_ready(ac_loop *L);

#endif
