/*
 * rt_loop.c -- the event loop: the ready queue, the timer heap, one round
 * (rt_run_once, with the task step inlined in it: the pingpong benchmark
 * measures this path), asyncio.run's shutdown and the loop's destruction.
 * The hop model these reproduce is described in rt_sched.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

rt_loop *rt_cur_loop;
static rt_loop default_loop;

AC_NOINLINE rt_loop *rt_default_loop(void) {
    if (!rt_cur_loop) {
        rt_loop_init(&default_loop);
        rt_clock_default(&default_loop);
        rt_cur_loop = &default_loop;
    }
    return rt_cur_loop;
}

/* ---- ready queue (entries and pushes: rt_sched.h) ---------------------- */

static inline uintptr_t *qlink(uintptr_t e) {
    if (e & TAG_WAIT) return &((ac_wait *)(e & ~TAG_WAIT))->link;
    return &E_TASK(e)->qw.next;
}

static void q_reset_next(rt_loop *L) {
    L->next_head = 0;
    L->next_link = &L->next_head;
}

/* unlink e from the list at head; *tail_link (if given) follows the end */
static int q_remove_from(uintptr_t *head, uintptr_t **tail_link, uintptr_t e) {
    uintptr_t prev = 0, cur = *head;
    while (cur) {
        uintptr_t nx = *qlink(cur);
        if (cur == e) {
            if (prev)
                *qlink(prev) = nx;
            else
                *head = nx;
            if (tail_link && !nx) *tail_link = prev ? qlink(prev) : head;
            return 1;
        }
        prev = cur;
        cur = nx;
    }
    return 0;
}

void rt_q_remove(rt_loop *L, uintptr_t e) {
    if (!q_remove_from(&L->cur_head, NULL, e)) q_remove_from(&L->next_head, &L->next_link, e);
}

void rt_queue_callback(rt_loop *L, ac_wait *w) {
    w->bits |= B_QUEUED;
    q_push_wait(L, w);
}

int rt_has_ready(rt_loop *L) { return L->next_head != 0 || L->cur_head != 0; }

/* ---- timers: binary heap on (deadline, seq) ---------------------------- */
/* The heap holds pointers, 8 bytes a timer.  While a record is armed its
 * link and obj fields are unused, so they hold its deadline and insertion
 * sequence, and idx its heap index.  Records that are armed AND listed on a
 * child task (wait_for, with_timeout) need link and obj for the child: their
 * timer is a separate pooled record, a "proxy" (kind W_TPROXY, owner = the
 * real record), and the real record's idx mirrors the proxy's position.
 *
 * There is no fired list: a timer due at the start of an iteration stays in
 * the heap while the ready entries run (a cancellation there removes it as
 * it would have removed it from CPython's ready deque), then the due timers
 * are popped and fired in (deadline, seq) order.  Timers added during the
 * iteration (seq >= the iteration's first) are not due yet even if their
 * deadline is: CPython only considers them in the next _run_once. */

#if UINTPTR_MAX < UINT64_MAX /* link and obj are too small */
static inline double tm_when(const ac_wait *x) { return x->when; }
static inline uint64_t tm_seq(const ac_wait *x) { return x->seq; }
static inline void tm_set(ac_wait *x, double when, uint64_t seq) {
    x->when = when;
    x->seq = seq;
}
#else
static inline double tm_when(const ac_wait *x) {
    double d;
    memcpy(&d, &x->link, sizeof d);
    return d;
}

static inline uint64_t tm_seq(const ac_wait *x) { return (uint64_t)(uintptr_t)x->obj; }

static inline void tm_set(ac_wait *x, double when, uint64_t seq) {
    memcpy(&x->link, &when, sizeof when);
    x->obj = (void *)(uintptr_t)seq;
}
#endif

double rt_timer_when(const ac_wait *w) { return tm_when(w); }
uint64_t rt_timer_seq(const ac_wait *w) { return tm_seq(w); }

/* the record whose B_ARMED and idx describe heap entry x */
static inline ac_wait *tm_rec(ac_wait *x) { return x->kind == W_TPROXY ? (ac_wait *)x->owner : x; }

static inline int tless(const ac_wait *a, const ac_wait *b) {
    double wa = tm_when(a), wb = tm_when(b);
    return wa < wb || (wa == wb && tm_seq(a) < tm_seq(b));
}

static inline void heap_set(rt_loop *L, uint32_t i, ac_wait *x) {
    L->heap[i] = x;
    tm_rec(x)->idx = i;
}

static void sift_up(rt_loop *L, uint32_t i) {
    ac_wait *x = L->heap[i];
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (!tless(x, L->heap[p])) break;
        heap_set(L, i, L->heap[p]);
        i = p;
    }
    heap_set(L, i, x);
}

/* x goes where the hole at i was.  Floyd's way: the hole first sinks to a
 * leaf along the earlier children (one comparison a level, not two), then
 * x rises from there.  x was the last entry, among the latest deadlines
 * (timers are mostly armed in deadline order), so it rarely rises far. */
static void sift_down(rt_loop *L, uint32_t i, ac_wait *x) {
    uint32_t n = L->nheap;
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && tless(L->heap[c + 1], L->heap[c])) c++;
        heap_set(L, i, L->heap[c]);
        i = c;
    }
    L->heap[i] = x;
    sift_up(L, i);
}

/* insert an entry whose deadline and seq are set */
static void heap_push(rt_loop *L, ac_wait *x) {
    if (L->nheap == L->capheap) {
        L->capheap = L->capheap ? L->capheap * 2 : 64;
        L->heap = rt_sched_realloc(L->heap, L->capheap * sizeof(ac_wait *));
    }
    L->heap[L->nheap++] = x;
    tm_rec(x)->bits |= B_ARMED;
    sift_up(L, L->nheap - 1);
}

/* A drained heap gives back its memory (a burst of timers must not pin
 * its peak); halving at a quarter full keeps a steady state allocation-free. */
static void heap_shrink(rt_loop *L) {
    if (L->capheap > 1024 && L->nheap < L->capheap / 4) {
        L->capheap /= 2;
        L->heap = rt_sched_realloc(L->heap, L->capheap * sizeof(ac_wait *));
    }
}

static void heap_delete(rt_loop *L, uint32_t i) {
    ac_wait *last = L->heap[--L->nheap];
    if (i < L->nheap) {
        if (i > 0 && tless(last, L->heap[(i - 1) / 2])) {
            heap_set(L, i, last);
            sift_up(L, i);
        } else {
            sift_down(L, i, last);
        }
    }
}

void rt_timer_add(rt_loop *L, ac_wait *w, double when) {
    ac_wait *x = w;
    uint64_t seq = L->timer_seq++;
    if (w->kind != W_SLEEP) { /* link and obj are taken */
        x = rt_rec_new(W_TPROXY, w);
    }
    tm_set(x, when, seq);
    heap_push(L, x);
}

/* the entry left the heap: clear what the armed state borrowed */
static void timer_disarmed(ac_wait *x) {
    ac_wait *w = tm_rec(x);
    w->bits &= (uint16_t)~B_ARMED;
    if (x != w)
        rt_rec_free(x);
    else
        x->link = 0, x->obj = NULL;
}

void rt_timer_remove(rt_loop *L, ac_wait *w) {
    ac_wait *x;
    if (!(w->bits & B_ARMED)) return;
    x = L->heap[w->idx];
    heap_delete(L, w->idx);
    timer_disarmed(x);
    heap_shrink(L);
}

double rt_next_deadline(rt_loop *L, int *has) {
    *has = L->nheap > 0;
    return L->nheap ? tm_when(L->heap[0]) : 0.0;
}

/* ---- one round --------------------------------------------------------- */

void rt_loop_init(rt_loop *L) {
    memset(L, 0, sizeof *L);
    q_reset_next(L);
}

/* Task.__step; f is t->flags, TF_QUEUED may still be set: this clears it.
 * The loop's reference keeps t alive while it is not finished (only a step
 * that finishes the task takes a reference of its own, as rt_task_finish
 * may drop the loop's).  A finished task in the queue means "run its
 * done-callbacks".  The common case, a yield, reads and writes the flags
 * once on each side of the resume; everything else is in rt_task.c. */
static AC_ALWAYS_INLINE void task_run(rt_loop *L, ac_task *t, uint32_t f) {
    ac_status st;
    if (AC_UNLIKELY(f & (TF_SILENT | TF_AWAITED | TF_MUST_CANCEL | TF_DONE))) {
        L->current = NULL;
        t->flags = f & ~(uint32_t)TF_QUEUED;
        if (f & TF_DONE)
            rt_deliver(L, t);
        else
            rt_task_run_slow(L, t);
        return;
    }
    L->current = t; /* left set after the step: see rt_run_once */
    /* a first step is an ordinary one once TF_FRESH is gone (a task
     * cancelled before it ran has TF_MUST_CANCEL and went above) */
    t->flags = f & ~(uint32_t)(TF_QUEUED | TF_YIELDED | TF_FRESH);
    st = t->vt->resume(FRAME(t));
    f = t->flags;
    if (AC_LIKELY(st == AC_YIELD && !(f & (TF_QUEUED | TF_DONE | TF_MUST_CANCEL)))) {
        t->flags = f | TF_QUEUED | TF_YIELDED; /* task_yielded, inline */
        q_push_task(L, t);
        return;
    }
    if (st == AC_SUSPEND && !(f & TF_MUST_CANCEL)) return; /* its record wakes it */
    rt_task_step_end(L, t, st);
}

/* a step outside the round's loop (a done-callback stepping its waiter) */
void rt_task_step(rt_loop *L, ac_task *t) { task_run(L, t, t->flags); }

/* a wait record in the queue: a done-callback (see rt_sched.h) */
static AC_NOINLINE void run_callback(rt_loop *L, uintptr_t e) {
    ac_wait *w = (ac_wait *)(e & ~TAG_WAIT);
    const rt_wait_ops *ops = WAIT_OPS(w);
    L->current = NULL;
    w->bits &= (uint16_t)~B_QUEUED;
    w->link = 0;
    if (ops->callback) ops->callback(L, w);
}

/* After the ready entries: fire the timers that were due when the
 * iteration began, in (deadline, seq) order. */
static AC_NOINLINE void fire_due(rt_loop *L, double end, uint64_t first_new) {
    ac_wait **later = NULL; /* due but added in this iteration */
    uint32_t nlater = 0, caplater = 0, i;
    while (L->nheap && tm_when(L->heap[0]) < end) {
        ac_wait *x = L->heap[0], *w = tm_rec(x);
        heap_delete(L, 0);
        if (tm_seq(x) >= first_new) {
            if (nlater == caplater) {
                caplater = caplater ? caplater * 2 : 8;
                later = rt_sched_realloc(later, caplater * sizeof *later);
            }
            later[nlater++] = x;
            continue;
        }
        timer_disarmed(x);
        if (WAIT_OPS(w)->fire) WAIT_OPS(w)->fire(L, w);
    }
    for (i = 0; i < nlater; i++) heap_push(L, later[i]);
    rt_sched_free(later);
    heap_shrink(L);
}

int rt_run_once(rt_loop *L, int nonblock) {
    uintptr_t e;
    double end;
    uint64_t first_new;
    if (!L->next_head && !nonblock) {
        double when;
        if (!L->nheap) return 0;
        when = tm_when(L->heap[0]);
        if (L->virtual_clock) {
            if (when > L->vnow) L->vnow = when;
        } else {
            double d = when - rt_loop_time(L);
            if (d > 0) rt_loop_sleep(L, d);
        }
    }
    end = rt_loop_time(L) + 1e-9;
    first_new = L->timer_seq;
    /* The entries ready now; an entry may unlink later ones (rt_q_remove).
     * Steps do not nest, and L->current names the running task during a
     * step.  The fast step leaves it set afterwards (one store less per
     * switch); whatever runs between steps resets it first (run_callback,
     * the slow paths of task_run), and it is NULL again once the entries
     * have run. */
    L->cur_head = L->next_head;
    q_reset_next(L);
    while ((e = L->cur_head) != 0) {
        if (AC_UNLIKELY(e & TAG_WAIT)) {
            L->cur_head = ((ac_wait *)(e & ~TAG_WAIT))->link;
            run_callback(L, e);
        } else {
            ac_task *t = E_TASK(e);
            L->cur_head = t->qw.next;
            t->qw.leaf = NULL; /* the word is the leaf again */
            task_run(L, t, t->flags);
        }
    }
    L->current = NULL;
    if (L->nheap && tm_when(L->heap[0]) < end) fire_due(L, end, first_new);
    L->iterations++;
    return 1;
}

/* ---- asyncio.run's end ------------------------------------------------- */

void rt_shutdown(rt_loop *L) {
    uint32_t n, i;
    ac_task **v = rt_live_snapshot(L, &n);
    if (n) {
        for (i = 0; i < n; i++) ac_task_cancel(v[i]);
        for (;;) {
            int all = 1;
            for (i = 0; i < n; i++)
                if (!(v[i]->flags & TF_DONE)) all = 0;
            if (all || !rt_run_once(L, 0)) break;
        }
        rt_run_once(L, 1); /* gather's _done_callback */
        rt_run_once(L, 1); /* run_until_complete's stop */
        for (i = 0; i < n; i++) {
            ac_task *t = v[i];
            if ((t->flags & TF_FAILED) && !(t->flags & TF_RETRIEVED)) {
                t->flags |= TF_RETRIEVED;
                rt_report_unretrieved(t, FRET(t).p, "unhandled exception during asyncio.run() shutdown", "task");
            }
            ac_decref(t);
        }
        rt_sched_free(v);
    }
    rt_agen_shutdown();
    for (i = 0; i < 4; i++) rt_run_once(L, 1); /* shutdown_asyncgens etc. */
}

/* the queued entries, unlinked: callbacks see the loop closing, finished
 * tasks give up the loop's reference */
static void drain_queue(rt_loop *L) {
    uintptr_t heads[2], e;
    uint32_t k;
    heads[0] = L->cur_head;
    heads[1] = L->next_head;
    L->cur_head = 0;
    q_reset_next(L);
    for (k = 0; k < 2; k++) {
        for (e = heads[k]; e;) {
            uintptr_t nx = *qlink(e);
            if (e & TAG_WAIT) {
                ac_wait *w = (ac_wait *)(e & ~TAG_WAIT);
                w->bits &= (uint16_t)~B_QUEUED;
                w->link = 0;
                if (WAIT_OPS(w)->closing) WAIT_OPS(w)->closing(L, w);
            } else {
                ac_task *t = E_TASK(e);
                t->flags &= ~TF_QUEUED;
                if (t->flags & TF_DONE) {
                    rt_deliver_closing(L, t);
                    ac_decref(t);
                }
            }
            e = nx;
        }
    }
}

/* Destroy everything still pending, without running any user code. */
void rt_loop_fini(rt_loop *L) {
    uint32_t n, i;
    ac_task **v;
    rt_loop *saved = rt_cur_loop;
    rt_cur_loop = L;
    L->closing = 1;
    L->current = NULL;
    if (L->exiting) ac_decref(L->exiting); /* a host loop's SystemExit nobody took */
    L->exiting = NULL;
    drain_queue(L);
    v = rt_live_snapshot(L, &n);
    for (i = 0; i < n; i++) {
        ac_task *t = v[i];
        if (!(t->flags & TF_DONE)) {
            t->flags &= ~(uint32_t)TF_FRESH;
            if (t->vt->drop) t->vt->drop(FRAME(t));
            rt_task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
        }
    }
    for (i = 0; i < n; i++) ac_decref(v[i]);
    rt_sched_free(v);
    while (L->nheap) { /* timers nobody waits for (loop.call_later's handles) */
        ac_wait *w = tm_rec(L->heap[0]);
        rt_timer_remove(L, w);
        if (WAIT_OPS(w)->closing) WAIT_OPS(w)->closing(L, w);
    }
    rt_host_fini(L);
    rt_exchandler_fini();
    ac_decref(L->main_cancel);
    L->main_cancel = NULL;
    rt_sched_free(L->heap);
    rt_sched_free(L->live);
    L->heap = NULL;
    L->live = NULL;
    L->nheap = L->capheap = 0;
    L->nlive = L->caplive = L->nholes = L->npending = 0;
    L->closing = 0;
    rt_cur_loop = saved;
    rt_pool_flush();
}
