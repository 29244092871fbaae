/*
 * rt_sched.c -- tasks, the ready queue, timers, and the await primitives
 * (sleep, await coroutine/task, gather, wait_for, with_timeout, cancel).
 *
 * THE HOP MODEL
 * =============
 * Output is compared byte for byte with CPython 3.11 running the same
 * program on a virtual clock, so this file reproduces asyncio's callback
 * hops, not just its semantics.  Vocabulary: a "hop" is one entry of the
 * ready queue, i.e. one loop.call_soon().
 *
 * Iterations.  One rt_run_once() is one BaseEventLoop._run_once():
 *   1. if nothing is ready, wait for (monotonic) or jump to (virtual) the
 *      earliest deadline;
 *   2. every timer whose deadline < now + 1e-9 is due;
 *   3. run exactly the entries that were ready at the start (list `cur`),
 *      then the due timers' handles, in (deadline, insertion sequence)
 *      order; whatever they schedule goes to `next` and runs in the
 *      following iteration.
 * In CPython step 2 moves the timer handles to the END of the ready
 * deque, so running `cur` then the due timers is the same order (the due
 * timers wait in the heap meanwhile, see fire_due).
 *
 * Entries.  The ready queue is intrusive and allocation-free: an entry is
 * either a task (its qw.next link; low tag bit 0) or a wait record (its
 * link field; tag bit 1).  A task entry means "Task.__step" if the task is not
 * done, and "run my done-callbacks" if it is: CPython schedules every
 * callback of a finishing future with its own call_soon, but they are
 * appended consecutively and can't be unscheduled, so running them from
 * one entry, in registration order, is observably the same.  A wait-record
 * entry is a done-callback that was added to an already finished task
 * (add_done_callback on a done future does call_soon at once).
 *
 * Hops per primitive (CPython source of each in brackets):
 *   create_task(c)        step queued now                 [Task.__init__]
 *   sleep(0), sleep(<0)   bare yield: step re-queued       [__sleep0]
 *   sleep(d > 0)          timer; when it fires its handle sets the future
 *                         (hop 1), whose done-callback queues the step
 *                         (hop 2)                         [tasks.sleep]
 *   await coroutine       inline, no hop
 *   await task            done: result at once; else the task's finish
 *                         queues its callbacks (hop 1), which step the
 *                         waiter directly                 [__wakeup]
 *   gather                each child: ensure_future (step queued) then
 *                         add_done_callback; child done -> _done_callback
 *                         (hop 1) -> outer future set -> waiter's step
 *                         (hop 2)                         [tasks.gather]
 *   wait_for(aw, t>0)     timer set BEFORE the child task is created; child
 *                         done -> _release_waiter (hop 1) -> step (hop 2);
 *                         timer -> handle (hop 1) -> step (hop 2); on
 *                         timeout: cancel child, wait for it the same way
 *                         (_cancel_and_wait), then TimeoutError
 *   task.cancel()         waiting on a future: the future is cancelled and
 *                         the waiter's step queued (1 hop); waiting on a
 *                         task/gather: that is cancelled instead; queued or
 *                         running: _must_cancel, raised at the next step
 *   asyncio.run           main done -> stop callback (hop) -> the current
 *                         iteration finishes; pending tasks are cancelled
 *                         and run to completion, + 2 iterations (gather
 *                         callback, stop), + 4 (shutdown_asyncgens and
 *                         shutdown_default_executor)   [runners.py]
 * The builtins spelling follows tests/ref/asyncc_ref.py, which builds it on
 * asyncio: gather = spawn all, then one done-callback per child; the last
 * one releases the parent (2 hops); with_timeout = timer, spawn, callback;
 * cancel(c) = mark silent + Task.cancel: at its next step the task drops
 * its frame without running any of its code and finishes with None.
 *
 * Cancellation delivery.  A task has one "leaf" wait record (leaf_of(t)), the
 * innermost await of its inline chain.  The runtime completes or cancels
 * that record and queues the task; when the step runs, the frames re-enter
 * down to the leaf, whose ac_wait_end raises CancelledError if the record
 * was cancelled or the task has _must_cancel; generated code propagates it
 * up by error returns.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

#if defined(__GNUC__) || defined(__clang__)
#define AC_NOINLINE __attribute__((noinline))
#define AC_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define AC_NOINLINE
#define AC_ALWAYS_INLINE inline
#endif

const ac_class ac_cls_InvalidStateError = {"InvalidStateError",
                                           &ac_cls_Exception};

static ac_loop default_loop;
ac_loop *ac_cur_loop;

static ac_loop *loop(void)
{
    if (AC_UNLIKELY(!ac_cur_loop)) {
        rt_loop_init(&default_loop);
        rt_clock_default(&default_loop);
        ac_cur_loop = &default_loop;
    }
    return ac_cur_loop;
}

/* wait record kinds */
enum {
    W_IDLE = 0,
    W_SLEEP0,     /* sleep(<=0): the owner is in the ready queue */
    W_SLEEP,      /* timer */
    W_CORO,       /* coroutine object run inline */
    W_TASK,       /* awaiting a task: listed on its waiters */
    W_GATHER,     /* asyncio.gather: obj is the gather block */
    W_EGATHER,    /* builtins gather */
    W_WAITFOR,    /* asyncio.wait_for: timer + listed on the child */
    W_WTIMEOUT,   /* builtins with_timeout */
    W_GNODE,      /* a gather child's done-callback, when it needs a record */
    W_TPROXY,     /* the timer of a record that is also listed (owner) */
    W_VALUE,      /* finished at once; obj is the result object */
    W_RECV,       /* receive(): listed on the loop's receivers */
    W_FRAME,      /* frame(): listed on the loop's frame waiters */
    W_HOST        /* deferred host call: idx is the call slot */
};

/* a deferred host call in flight */
typedef struct rt_call {
    ac_wait *w;               /* NULL when the slot is free */
    uint32_t gen, next_free;
    const ac_type *t;
    ac_val v;
    ac_exc *err;
    int completed;
} rt_call;

static ac_status host_wait_end(ac_loop *L, ac_wait *w, ac_task *cur);
static int host_wait_cancel(ac_loop *L, ac_wait *w);
static void host_wait_drop(ac_loop *L, ac_wait *w);
static ac_val host_wait_result(ac_loop *L, ac_wait *w);

/* outcome (st) */
enum { ST_PENDING = 0, ST_READY, ST_CANCELLED, ST_DONE, ST_NONE };

/* bits */
enum {
    B_ARMED = 1,      /* in the timer heap (idx) */
    B_LISTED = 4,     /* in obj's waiters list */
    B_QUEUED = 8,     /* in the ready queue as a callback entry */
    B_RELEASED = 16,  /* the waiter future is done (wait_for, gathers) */
    B_PHASE2 = 32,    /* wait_for: waiting for the cancelled child */
    B_BYCANCEL = 64   /* wait_for: phase 2 because the caller was cancelled */
};

/* A gather's children live in its result list: items[i].p is child i
 * (owned) until the results replace them in place (built), with len 0 until
 * then so that dropping the list never releases a child as a value. */
typedef struct rt_gather {
    ac_wait *ow;              /* the waiting record; NULL once it left */
    const ac_type *elem;
    ac_exc *exc;              /* outer exception (asyncio) */
    ac_list *res;             /* the children, then the outer result */
    int64_t n, nfinished;
    uint8_t edge, ret_exc, cancel_requested, done, built;
} rt_gather;

#define KID(b, i) ((ac_task *)(b)->res->items[i].p)

#define FRAME(t) ((void *)((char *)(t) + sizeof(struct ac_task)))
#define FRET(t) (((ac_val *)FRAME(t))[0])

static inline void task_run(ac_loop *L, ac_task *t, uint32_t f);
static void task_step_end(ac_loop *L, ac_task *t, ac_status st);
static void deliver(ac_loop *L, ac_task *t);
static void *pool_get(size_t n);
static void pool_put(void *p, size_t n);
static ac_wait *rec_new(uint8_t kind, void *owner);
static void rec_free(ac_wait *w);
static int wait_cancel(ac_loop *L, ac_wait *w);
static void wait_idle(ac_wait *w);
static void gather_child_done(ac_loop *L, rt_gather *b, ac_task *t);
static void gather_node_done(ac_loop *L, ac_wait *node);
static void gather_orphan(rt_gather *b);
static void edge_cancel_task(ac_loop *L, ac_task *t);
static ac_str *ev_pop(ac_loop *L);

/* ---- ready queue ----------------------------------------------------- */

#define TAG_WAIT ((uintptr_t)1)

/* A queue entry is a task pointer, or a wait record's address with
 * TAG_WAIT set; the link word is t->qw.next or the record's link field.  The
 * loop tests the tag once and then reads the task's fields directly. */
#define TASK_E(t) ((uintptr_t)(t))
#define E_TASK(e) ((ac_task *)(e))

/* The leaf record shares its word with the queue link (rt_sched.h): a
 * queued task has no leaf as far as anyone can tell, and setting one while
 * it is queued is a no-op (the step that follows re-sets it). */
static inline ac_wait *leaf_of(const ac_task *t)
{
    return (t->flags & TF_QUEUED) ? NULL : t->qw.leaf;
}

static inline void set_leaf(ac_task *t, ac_wait *w)
{
    if (!(t->flags & TF_QUEUED)) t->qw.leaf = w;
}

static inline uintptr_t *qlink(uintptr_t e)
{
    if (e & TAG_WAIT) return &((ac_wait *)(e & ~TAG_WAIT))->link;
    return &E_TASK(e)->qw.next;
}

/* Pushing appends at L->next_link, the link word of the last entry (or
 * next_head itself when the list is empty): no branch. */
static inline void q_push_wait(ac_loop *L, ac_wait *w)
{
    w->link = 0;
    *L->next_link = (uintptr_t)w | TAG_WAIT;
    L->next_link = &w->link;
}

static inline void q_push_task(ac_loop *L, ac_task *t)
{
    t->qw.next = 0;
    *L->next_link = TASK_E(t);
    L->next_link = &t->qw.next;
}

static void q_reset_next(ac_loop *L)
{
    L->next_head = 0;
    L->next_link = &L->next_head;
}

/* unlink e from the list at head; *tail_link (if given) follows the end */
static int q_remove_from(uintptr_t *head, uintptr_t **tail_link, uintptr_t e)
{
    uintptr_t prev = 0, cur = *head;
    while (cur) {
        uintptr_t nx = *qlink(cur);
        if (cur == e) {
            if (prev) *qlink(prev) = nx;
            else *head = nx;
            if (tail_link && !nx) *tail_link = prev ? qlink(prev) : head;
            return 1;
        }
        prev = cur;
        cur = nx;
    }
    return 0;
}

static void q_remove(ac_loop *L, uintptr_t e)
{
    if (!q_remove_from(&L->cur_head, NULL, e))
        q_remove_from(&L->next_head, &L->next_link, e);
}

static inline void wake(ac_loop *L, ac_task *t)
{
    if (L->closing || (t->flags & (TF_QUEUED | TF_DONE))) return;
    t->flags |= TF_QUEUED;
    q_push_task(L, t);
}

static void queue_callback(ac_loop *L, ac_wait *w)
{
    w->bits |= B_QUEUED;
    q_push_wait(L, w);
}

int rt_has_ready(ac_loop *L) { return L->next_head != 0 || L->cur_head != 0; }

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

#if UINTPTR_MAX < UINT64_MAX        /* link and obj are too small */
static inline double tm_when(const ac_wait *x) { return x->when; }
static inline uint64_t tm_seq(const ac_wait *x) { return x->seq; }
static inline void tm_set(ac_wait *x, double when, uint64_t seq)
{
    x->when = when;
    x->seq = seq;
}
#else
static inline double tm_when(const ac_wait *x)
{
    double d;
    memcpy(&d, &x->link, sizeof d);
    return d;
}

static inline uint64_t tm_seq(const ac_wait *x) { return (uint64_t)(uintptr_t)x->obj; }

static inline void tm_set(ac_wait *x, double when, uint64_t seq)
{
    memcpy(&x->link, &when, sizeof when);
    x->obj = (void *)(uintptr_t)seq;
}
#endif

double rt_timer_when(const ac_wait *w) { return tm_when(w); }
uint64_t rt_timer_seq(const ac_wait *w) { return tm_seq(w); }

/* the record whose B_ARMED and idx describe heap entry x */
static inline ac_wait *tm_rec(ac_wait *x)
{
    return x->kind == W_TPROXY ? (ac_wait *)x->owner : x;
}

static inline int tless(const ac_wait *a, const ac_wait *b)
{
    double wa = tm_when(a), wb = tm_when(b);
    return wa < wb || (wa == wb && tm_seq(a) < tm_seq(b));
}

static inline void heap_set(ac_loop *L, uint32_t i, ac_wait *x)
{
    L->heap[i] = x;
    tm_rec(x)->idx = i;
}

static void sift_up(ac_loop *L, uint32_t i)
{
    ac_wait *x = L->heap[i];
    while (i > 0) {
        uint32_t p = (i - 1) / 2;
        if (!tless(x, L->heap[p])) break;
        heap_set(L, i, L->heap[p]);
        i = p;
    }
    heap_set(L, i, x);
}

static void sift_down(ac_loop *L, uint32_t i)
{
    ac_wait *x = L->heap[i];
    uint32_t n = L->nheap;
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && tless(L->heap[c + 1], L->heap[c])) c++;
        if (!tless(L->heap[c], x)) break;
        heap_set(L, i, L->heap[c]);
        i = c;
    }
    heap_set(L, i, x);
}

/* insert an entry whose deadline and seq are set */
static void heap_push(ac_loop *L, ac_wait *x)
{
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
static void heap_shrink(ac_loop *L)
{
    if (L->capheap > 1024 && L->nheap < L->capheap / 4) {
        L->capheap /= 2;
        L->heap = rt_sched_realloc(L->heap, L->capheap * sizeof(ac_wait *));
    }
}

static void heap_delete(ac_loop *L, uint32_t i)
{
    ac_wait *last = L->heap[--L->nheap];
    if (i < L->nheap) {
        heap_set(L, i, last);
        if (i > 0 && tless(last, L->heap[(i - 1) / 2])) sift_up(L, i);
        else sift_down(L, i);
    }
}

static void timer_add(ac_loop *L, ac_wait *w, double when)
{
    ac_wait *x = w;
    uint64_t seq = L->timer_seq++;
    if (w->kind != W_SLEEP) {          /* link and obj are taken */
        x = rec_new(W_TPROXY, w);
    }
    tm_set(x, when, seq);
    heap_push(L, x);
}

/* the entry left the heap: clear what the armed state borrowed */
static void timer_disarmed(ac_wait *x)
{
    ac_wait *w = tm_rec(x);
    w->bits &= (uint16_t)~B_ARMED;
    if (x != w) rec_free(x);
    else x->link = 0, x->obj = NULL;
}

static void timer_remove(ac_loop *L, ac_wait *w)
{
    ac_wait *x;
    if (!(w->bits & B_ARMED)) return;
    x = L->heap[w->idx];
    heap_delete(L, w->idx);
    timer_disarmed(x);
    heap_shrink(L);
}

double rt_next_deadline(ac_loop *L, int *has)
{
    *has = L->nheap > 0;
    return L->nheap ? tm_when(L->heap[0]) : 0.0;
}

/* ---- waiter lists (circular, the task keeps the tail) ------------------ */
/* A gather child's done-callback costs no record when the gather is the
 * child's only waiter (the usual case): t->waiters is then the gather block
 * with GATHER_TAG.  A second waiter turns the tag into a W_GNODE record
 * (pooled, freed when its callback runs) at the head of a real list. */
#define GATHER_TAG ((uintptr_t)1)

static inline rt_gather *waiters_gather(const ac_task *t)
{
    return (t->waiters & GATHER_TAG) ? (rt_gather *)(t->waiters & ~GATHER_TAG)
                                     : NULL;
}

static ac_wait *gnode_new(rt_gather *b, ac_task *t)
{
    ac_wait *node = rec_new(W_GNODE, b);
    node->obj = t;                     /* borrowed: b owns the child */
    return node;
}

static void list_append(ac_task *t, ac_wait *w)
{
    ac_wait *tail;
    rt_gather *b = waiters_gather(t);
    if (b) {
        ac_wait *node = gnode_new(b, t);
        t->waiters = 0;
        list_append(t, node);
    }
    tail = (ac_wait *)t->waiters;
    if (!tail) {
        w->link = (uintptr_t)w;
    } else {
        w->link = tail->link;
        tail->link = (uintptr_t)w;
    }
    t->waiters = (uintptr_t)w;
    w->bits |= B_LISTED;
}

static ac_wait *list_pop(ac_task *t)
{
    ac_wait *tail = (ac_wait *)t->waiters, *head;
    if (!tail) return NULL;
    head = (ac_wait *)tail->link;
    if (head == tail) t->waiters = 0;
    else tail->link = head->link;
    head->bits &= (uint16_t)~B_LISTED;
    head->link = 0;
    return head;
}

static void list_remove(ac_task *t, ac_wait *w)
{
    ac_wait *tail = (ac_wait *)t->waiters, *prev = tail, *cur;
    if (!tail || !(w->bits & B_LISTED) || waiters_gather(t)) return;
    do {
        cur = (ac_wait *)prev->link;
        if (cur == w) {
            if (cur == prev) {
                t->waiters = 0;
            } else {
                prev->link = cur->link;
                if (tail == cur) t->waiters = (uintptr_t)prev;
            }
            w->bits &= (uint16_t)~B_LISTED;
            w->link = 0;
            return;
        }
        prev = cur;
    } while (prev != tail);
}

/* the next done-callback of a finished task: a record, or (NULL, *gb) for
 * a gather block's tag; NULL, NULL when there is none left */
static ac_wait *waiter_pop(ac_task *t, rt_gather **gb)
{
    *gb = waiters_gather(t);
    if (*gb) {
        t->waiters = 0;
        return NULL;
    }
    return list_pop(t);
}

/* detach a record from the child's list or from the ready queue */
static void unhook(ac_loop *L, ac_wait *w)
{
    if (w->bits & B_LISTED) list_remove((ac_task *)w->obj, w);
    if (w->bits & B_QUEUED) {
        q_remove(L, (uintptr_t)w | TAG_WAIT);
        w->bits &= (uint16_t)~B_QUEUED;
    }
}

/* ---- live tasks (creation order; asyncio.run cancels them at the end) -- */

static void live_add(ac_loop *L, ac_task *t)
{
    if (L->nlive == L->caplive) {
        L->caplive = L->caplive ? L->caplive * 2 : 64;
        L->live = rt_sched_realloc(L->live, L->caplive * sizeof(ac_task *));
    }
    t->slot = L->nlive;
    L->live[L->nlive++] = t;
    L->npending++;
    t->flags |= TF_LIVE;
}

static void live_compact(ac_loop *L)
{
    uint32_t i, j = 0;
    for (i = 0; i < L->nlive; i++) {
        ac_task *t = L->live[i];
        if (t) {
            t->slot = j;
            L->live[j++] = t;
        }
    }
    L->nlive = j;
    L->nholes = 0;
}

static void live_remove(ac_loop *L, ac_task *t)
{
    if (!(t->flags & TF_LIVE)) return;
    t->flags &= ~TF_LIVE;
    L->live[t->slot] = NULL;
    L->npending--;
    L->nholes++;
    if (t->slot == L->nlive - 1) {
        while (L->nlive && !L->live[L->nlive - 1]) {
            L->nlive--;
            L->nholes--;
        }
    } else if (L->nholes > 32 && L->nholes * 2 > L->nlive) {
        live_compact(L);
    }
}

/* ---- coroutine objects and tasks ------------------------------------- */

/* ---- frame pool ---------------------------------------------------------
 * Released task/coroutine blocks are kept on a LIFO free list per size (in
 * 8-byte classes up to POOL_MAXSIZE bytes), so a recursive await reuses the
 * frame its callee just released instead of going through malloc.
 *
 * Blocks of a class are carved from 64 KiB slabs (rt_sched_alloc, so the
 * allocator hook sees them): no malloc header per task, which is most of a
 * sleeping task's overhead.  A slab block can only go back to its class's
 * free list; rt_pool_flush (when the hook changes and when a loop is
 * destroyed) frees the slabs of every class with no block in use.  Blocks
 * are 8-aligned, which is all a frame needs: its members are ac_val,
 * int64_t, double, pointers and smaller, so no frame type asks for more.  Under
 * AddressSanitizer each block is its own allocation instead and at most
 * POOL_BYTES per class are kept, poisoned, so use-after-free is still
 * caught. */
#define POOL_MAXSIZE AC_POOL_MAXSIZE
#define POOL_BYTES AC_POOL_BYTES
#define POOL_NCLASS (POOL_MAXSIZE / 8)

/* the free lists; asyncc_rt.h has inline fast paths on them */
typedef struct pool_block { struct pool_block *next; } pool_block;
ac_pool_list ac_frame_pool[POOL_NCLASS + 1];

#ifdef AC_POOL_CHECKED
#include <sanitizer/asan_interface.h>
#define POOL_POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define POOL_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POOL_POISON(p, n) ((void)0)
#define POOL_UNPOISON(p, n) ((void)0)
#endif

static inline size_t pool_size(size_t n) { return (n + 7) & ~(size_t)7; }

#ifdef AC_POOL_CHECKED
#define POOL_KEEP(c, n) (ac_frame_pool[c].n * (n) < POOL_BYTES)
#define block_new(n) rt_sched_alloc(n)
#else
#define SLAB_BYTES (64 * 1024)
#define SLAB_HEAD 16               /* the slab link */
#define POOL_KEEP(c, n) 1

static struct slab_class {
    char *slabs;                   /* this class's slabs, linked by their head */
    char *bump, *end;              /* the uncarved part of the newest */
    uint32_t carved;               /* blocks carved (== ac_frame_pool[c].n: none in use) */
} slab[POOL_NCLASS + 1];

static AC_NOINLINE void *block_new(size_t n)
{
    size_t c = n / 8;
    struct slab_class *sc;
    void *p;
    if (c > POOL_NCLASS) return rt_sched_alloc(n);
    sc = &slab[c];
    if ((size_t)(sc->end - sc->bump) < n) {
        char *sl = rt_sched_alloc(SLAB_BYTES);
        memcpy(sl, &sc->slabs, sizeof sc->slabs);
        sc->slabs = sl;
        sc->bump = sl + SLAB_HEAD;
        sc->end = sl + SLAB_BYTES;
    }
    p = sc->bump;
    sc->bump += n;
    sc->carved++;
    return p;
}
#endif

static void *pool_get(size_t n)
{
    size_t c = n / 8;
    pool_block *b;
    if (c <= POOL_NCLASS && (b = ac_frame_pool[c].head) != NULL) {
        POOL_UNPOISON(b, n);
        ac_frame_pool[c].head = b->next;
        ac_frame_pool[c].n--;
        return b;
    }
    return block_new(n);
}

static void pool_put(void *p, size_t n)
{
    size_t c = n / 8;
    if (c <= POOL_NCLASS && POOL_KEEP(c, n)) {
        pool_block *b = p;
        b->next = ac_frame_pool[c].head;
        ac_frame_pool[c].head = b;
        ac_frame_pool[c].n++;
        POOL_POISON(b, n);
        return;
    }
    rt_sched_free(p);
}

void rt_pool_flush(void)
{
    size_t c;
    for (c = 0; c <= POOL_NCLASS; c++) {
#ifdef AC_POOL_CHECKED
        pool_block *b = ac_frame_pool[c].head;
        while (b) {
            pool_block *nx;
            POOL_UNPOISON(b, c * 8);
            nx = b->next;
            rt_sched_free(b);
            b = nx;
        }
#else
        struct slab_class *sc = &slab[c];
        if (sc->carved != ac_frame_pool[c].n) continue;    /* blocks still in use */
        while (sc->slabs) {
            char *nx;
            memcpy(&nx, sc->slabs, sizeof nx);
            rt_sched_free(sc->slabs);
            sc->slabs = nx;
        }
        memset(sc, 0, sizeof *sc);
#endif
        ac_frame_pool[c].head = NULL;
        ac_frame_pool[c].n = 0;
    }
}

/* a pooled record that is not in a frame (timer proxy, gather node); out
 * of line so that pool_get stays inlined in ac_coro_new */
static AC_NOINLINE ac_wait *rec_new(uint8_t kind, void *owner)
{
    ac_wait *w = pool_get(sizeof(ac_wait));
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->owner = owner;
    return w;
}

static AC_NOINLINE void rec_free(ac_wait *w) { pool_put(w, sizeof *w); }

ac_task *ac_coro_new(const ac_coro_vt *vt)
{
    size_t n = pool_size(sizeof(struct ac_task) + vt->frame_size);
    ac_task *t = pool_get(n);
    memset(t, 0, n);
    t->h.rc = 1;
    t->h.kind = AC_K_TASK;
    t->vt = vt;
    t->flags = TF_FRESH;
    return t;
}

void *ac_task_frame(ac_task *t) { return FRAME(t); }

void *ac_frame_alloc_slow(size_t size) { return pool_get(pool_size(size)); }

void ac_frame_free_slow(void *frame, size_t size)
{
    pool_put(frame, pool_size(size));
}

static void raise_cancelled(void) { ac_raise_msg(&ac_cls_CancelledError, NULL); }

static ac_exc *new_exc(const ac_class *cls, const char *msg)
{
    if (msg) ac_raise_msg(cls, "%s", msg);
    else ac_raise_msg(cls, NULL);
    return ac_take_err();
}

static void report_unretrieved(ac_task *t, ac_exc *e, const char *what)
{
    ac_str *r = ac_exc_repr(e);
    ac_flush();
    fprintf(stderr, "%s\nfuture: <Task finished coro=<%s() done> "
                    "exception=%s>\n", what,
            t->vt->name ? t->vt->name : "?", r->s);
    ac_decref(r);
    ac_report_uncaught(e);
}

void ac_task_free(void *p)
{
    ac_task *t = p;
    uint32_t f = t->flags;
    if (!(f & TF_DONE)) {
        if (t->vt->drop) t->vt->drop(FRAME(t));
    } else if (f & TF_FAILED) {
        ac_exc *e = FRET(t).p;
        if ((f & TF_TASK) && !(f & TF_RETRIEVED))
            report_unretrieved(t, e, "Task exception was never retrieved");
        ac_decref(e);
    } else if (!(f & (TF_NORET | TF_RETAKEN))) {
        ac_val_decref(FRET(t), t->vt->ret);
    }
    pool_put(t, pool_size(sizeof(struct ac_task) + t->vt->frame_size));
}

/* the task's result as a new reference (None for NORET) */
static ac_val task_value(ac_task *t)
{
    ac_val v;
    if (t->flags & (TF_NORET | TF_RETAKEN)) {
        v.i = 0;
        return v;
    }
    v = FRET(t);
    ac_val_incref(v, t->vt->ret);
    return v;
}

void rt_task_release_result(ac_task *t, ac_val *out) { *out = task_value(t); }

static void deliver_closing(ac_loop *L, ac_task *t);

/* The task is finished: record the outcome, queue its done-callbacks. */
static void task_finish(ac_loop *L, ac_task *t, uint32_t how, ac_exc *e)
{
    t->flags |= TF_DONE | how;
    t->flags &= ~(uint32_t)TF_MUST_CANCEL;
    if (how & TF_FAILED) FRET(t).p = e;
    set_leaf(t, NULL);
    live_remove(L, t);
    if (L->closing) {
        deliver_closing(L, t);
        ac_decref(t);                 /* the loop's reference */
    } else if (t->waiters || (t->flags & TF_MAIN)) {
        if (!(t->flags & TF_QUEUED)) {
            t->flags |= TF_QUEUED;
            q_push_task(L, t);
        }
    } else {
        ac_decref(t);                 /* the loop's reference */
    }
}

/* run the done-callbacks of a finished task (one hop, see the top) */
static void wait_callback(ac_loop *L, ac_wait *w)
{
    switch (w->kind) {
    case W_TASK: {
        ac_task *owner = w->owner;
        w->st = ST_READY;
        if (!(owner->flags & (TF_QUEUED | TF_DONE)) && owner != L->current)
            task_run(L, owner, owner->flags);
        break;
    }
    case W_GNODE:
        gather_node_done(L, w);
        break;
    case W_WAITFOR:
    case W_WTIMEOUT:
        if (!(w->bits & B_RELEASED)) {   /* _release_waiter */
            w->bits |= B_RELEASED;
            w->st = ST_READY;
            wake(L, w->owner);
        }
        break;
    default:
        break;
    }
}

static void deliver(ac_loop *L, ac_task *t)
{
    ac_wait *w;
    if (t->flags & TF_MAIN) {      /* run_until_complete's done-callback */
        t->flags &= ~TF_MAIN;
        L->stopping = 1;
    }
    for (;;) {
        rt_gather *b;
        if ((w = waiter_pop(t, &b)) != NULL) wait_callback(L, w);
        else if (b) gather_child_done(L, b, t);
        else break;
    }
    ac_decref(t);                  /* the loop's reference */
}

static void deliver_closing(ac_loop *L, ac_task *t)
{
    ac_wait *w;
    for (;;) {
        rt_gather *b;
        if ((w = waiter_pop(t, &b)) == NULL) {
            if (!b) break;
            gather_child_done(L, b, t);
        } else if (w->kind == W_GNODE) {
            gather_node_done(L, w);
        } else if (w->kind == W_TASK) {
            w->st = ST_READY;
        } else {
            w->bits |= B_RELEASED;
        }
    }
}

/* Silently cancelled: drop the frame, finish with None. */
static void task_abandon(ac_loop *L, ac_task *t)
{
    t->flags &= ~(uint32_t)TF_FRESH;
    if (t->vt->drop) t->vt->drop(FRAME(t));
    FRET(t).i = 0;
    task_finish(L, t, TF_NORET, NULL);
}

/* the end of a step that finished the coroutine (AC_DONE or AC_ERROR) */
static AC_NOINLINE void task_step_done(ac_loop *L, ac_task *t, ac_status st)
{
    if (st == AC_DONE) {
        if (t->flags & TF_MUST_CANCEL) {
            ac_val_decref(FRET(t), t->vt->ret);
            task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
        } else {
            task_finish(L, t, 0, NULL);
        }
    } else {
        ac_exc *e = ac_take_err();
        if (!e) e = new_exc(&ac_cls_RuntimeError, "coroutine failed without an exception");
        if (ac_exc_matches(e, &ac_cls_CancelledError)) {
            ac_decref(e);
            task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
        } else {
            task_finish(L, t, TF_FAILED, e);
        }
    }
}

/* The step ended in AC_YIELD: a bare yield, requeue the task for the next
 * round ([Task.__step]: "bare yield relinquishes control for one event
 * loop iteration").  TF_YIELDED tells the next step that a cancellation
 * must be thrown in before the resume.  No test for L->closing: while the
 * loop is closing no task runs. */
static inline uint32_t task_yielded(ac_loop *L, ac_task *t, uint32_t f)
{
    f |= TF_YIELDED;
    if (!(f & (TF_QUEUED | TF_DONE))) {
        f |= TF_QUEUED;
        q_push_task(L, t);
    }
    t->flags = f;
    return f;
}

/* Task.__step, first step or rare flags set (silent cancel, cancelled
 * before it started or while it yielded, an awaited coroutine made a task).
 * A task is running while it is L->current. */
static AC_NOINLINE void task_run_slow(ac_loop *L, ac_task *t)
{
    ac_task *prev = L->current;
    ac_status st;
    ac_incref(t);
    L->current = t;
    if (t->flags & TF_SILENT) {
        task_abandon(L, t);
        goto out;
    }
    if (t->flags & TF_FRESH) {
        t->flags &= ~(uint32_t)TF_FRESH;
        if (t->flags & TF_MUST_CANCEL) {      /* cancelled before it ran */
            if (t->vt->drop) t->vt->drop(FRAME(t));
            task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
            goto out;
        }
    } else if (t->flags & TF_AWAITED) {        /* create_task(awaited coro) */
        t->flags &= ~TF_AWAITED;
        task_finish(L, t, TF_FAILED,
                    new_exc(&ac_cls_RuntimeError,
                            "cannot reuse already awaited coroutine"));
        goto out;
    }
    if ((t->flags & (TF_YIELDED | TF_MUST_CANCEL)) ==
        (TF_YIELDED | TF_MUST_CANCEL)) {       /* throw into the yield */
        t->flags &= ~TF_MUST_CANCEL;
        raise_cancelled();
    }
    t->flags &= ~TF_YIELDED;
    st = t->vt->resume(FRAME(t));
    task_step_end(L, t, st);
out:
    L->current = prev;
    ac_decref(t);
}

/* After a step: requeue a yield, offer a pending cancel to the record the
 * task now waits on, or finish the task. */
static void task_step_end(ac_loop *L, ac_task *t, ac_status st)
{
    uint32_t f = t->flags;
    if (st >= AC_SUSPEND) {
        if (st == AC_YIELD) f = task_yielded(L, t, f);
        if ((f & TF_MUST_CANCEL) && !(f & TF_QUEUED) && leaf_of(t) &&
            wait_cancel(L, leaf_of(t)))
            t->flags &= ~TF_MUST_CANCEL;
    } else {
        ac_incref(t);
        task_step_done(L, t, st);
        ac_decref(t);
    }
}

/* Task.__step; f is t->flags, TF_QUEUED may still be set: this clears it.
 * The loop's reference keeps t alive while it is not finished (only a step
 * that finishes the task takes a reference of its own, as task_finish may
 * drop the loop's).  A finished task in the queue means "run its
 * done-callbacks".  The common case, a yield, reads and writes the flags
 * once on each side of the resume. */
static AC_ALWAYS_INLINE void task_run(ac_loop *L, ac_task *t, uint32_t f)
{
    ac_status st;
    if (AC_UNLIKELY(f & (TF_FRESH | TF_SILENT | TF_AWAITED | TF_MUST_CANCEL |
                         TF_DONE))) {
        L->current = NULL;
        t->flags = f & ~(uint32_t)TF_QUEUED;
        if (f & TF_DONE) deliver(L, t);
        else task_run_slow(L, t);
        return;
    }
    L->current = t;               /* left set after the step: see rt_run_once */
    t->flags = f & ~(uint32_t)(TF_QUEUED | TF_YIELDED);
    st = t->vt->resume(FRAME(t));
    f = t->flags;
    if (AC_LIKELY(st == AC_YIELD && !(f & (TF_QUEUED | TF_DONE | TF_MUST_CANCEL)))) {
        t->flags = f | TF_QUEUED | TF_YIELDED;    /* task_yielded, inline */
        q_push_task(L, t);
        return;
    }
    task_step_end(L, t, st);
}

ac_task *rt_spawn(ac_task *c)
{
    ac_loop *L = loop();
    if (c->flags & TF_TASK) return c;
    c->flags |= TF_TASK;
    ac_incref(c);                      /* the loop's reference */
    live_add(L, c);
    if (c->flags & TF_DONE) {          /* a finished coroutine object */
        c->flags &= ~(TF_DONE | TF_NORET);
        c->flags &= ~(uint32_t)TF_FRESH;
        c->flags |= TF_AWAITED;
    }
    wake(L, c);
    return c;
}

ac_task *ac_create_task(ac_task *coro) { return rt_spawn(coro); }

int ac_task_done(const ac_task *t) { return (t->flags & TF_DONE) != 0; }

int ac_task_cancelled(const ac_task *t)
{
    return (t->flags & TF_CANCELLED) != 0;
}

int ac_task_cancel(ac_task *t)
{
    ac_loop *L = loop();
    if (!(t->flags & TF_TASK) || (t->flags & TF_DONE)) return 0;
    if (!(t->flags & TF_QUEUED) && t != L->current && leaf_of(t) &&
        wait_cancel(L, leaf_of(t)))
        return 1;
    t->flags |= TF_MUST_CANCEL;
    return 1;
}

ac_val ac_task_get_result(ac_task *t)
{
    ac_val v;
    v.i = 0;
    if (!(t->flags & TF_DONE)) {
        ac_raise_msg(&ac_cls_InvalidStateError, "Result is not set.");
    } else if (t->flags & TF_CANCELLED) {
        raise_cancelled();
    } else if (t->flags & TF_FAILED) {
        t->flags |= TF_RETRIEVED;
        ac_incref(FRET(t).p);
        ac_raise(FRET(t).p);
    } else {
        t->flags |= TF_RETRIEVED;
        v = task_value(t);
    }
    return v;
}

/* the outcome of a finished task as an await result */
static ac_status task_outcome(ac_wait *w, ac_task *t)
{
    if (t->flags & TF_CANCELLED) {
        wait_idle(w);
        raise_cancelled();
        return AC_ERROR;
    }
    if (t->flags & TF_FAILED) {
        ac_exc *e = FRET(t).p;
        t->flags |= TF_RETRIEVED;
        ac_incref(e);
        wait_idle(w);               /* may free t */
        ac_raise(e);
        return AC_ERROR;
    }
    t->flags |= TF_RETRIEVED;
    w->st = ST_DONE;
    return AC_DONE;
}

static ac_task *current_or_die(void)
{
    ac_task *cur = loop()->current;
    if (!cur) ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
    return cur;
}

/* Consume a pending _must_cancel of the current task (the CancelledError
 * thrown into the coroutine at its leaf await). */
static int take_must_cancel(ac_task *cur)
{
    if (cur && (cur->flags & TF_MUST_CANCEL)) {
        cur->flags &= ~TF_MUST_CANCEL;
        return 1;
    }
    return 0;
}

/* ---- wait records ------------------------------------------------------ */

/* Release what a completed or abandoned record still owns; idle it. */
static void wait_idle(ac_wait *w)
{
    void *obj = w->obj;
    uint8_t kind = w->kind;
    if (kind != W_GNODE && w->owner) {
        ac_task *o = w->owner;
        if (leaf_of(o) == w) set_leaf(o, NULL);
    }
    memset(w, 0, sizeof *w);
    switch (kind) {
    case W_CORO:
    case W_TASK:
    case W_WAITFOR:
    case W_WTIMEOUT:
    case W_VALUE:
        ac_decref(obj);
        break;
    case W_GATHER:
    case W_EGATHER:
        gather_orphan(obj);
        break;
    default:
        break;
    }
}

void ac_wait_drop(ac_wait *w)
{
    ac_loop *L;
    if (!w || w->kind == W_IDLE) return;
    L = loop();
    if (w->kind >= W_RECV) host_wait_drop(L, w);
    timer_remove(L, w);
    if (w->kind == W_WAITFOR || w->kind == W_WTIMEOUT || w->kind == W_TASK)
        unhook(L, w);
    wait_idle(w);
}

/* Future.cancel() of what the task waits on (Task.cancel's first move). */
static int wait_cancel(ac_loop *L, ac_wait *w)
{
    switch (w->kind) {
    case W_SLEEP:
        if (!(w->bits & B_ARMED)) return 0;
        timer_remove(L, w);
        w->st = ST_CANCELLED;
        wake(L, w->owner);
        return 1;
    case W_TASK:
        return ac_task_cancel(w->obj);
    case W_GATHER: {                   /* _GatheringFuture.cancel */
        rt_gather *b = w->obj;
        int64_t i;
        int r = 0;
        if (b->done) return 0;
        for (i = 0; i < b->n; i++)
            if (ac_task_cancel(KID(b, i))) r = 1;
        if (r) b->cancel_requested = 1;
        return r;
    }
    case W_RECV:
    case W_FRAME:
    case W_HOST:
        return host_wait_cancel(L, w);
    case W_EGATHER:
    case W_WAITFOR:
    case W_WTIMEOUT:                   /* the inner waiter future */
        if (w->bits & B_RELEASED) return 0;
        w->bits |= B_RELEASED;
        w->st = ST_CANCELLED;
        wake(L, w->owner);
        return 1;
    default:
        return 0;
    }
}

static void timer_fire(ac_loop *L, ac_wait *w)
{
    switch (w->kind) {
    case W_SLEEP:
        w->st = ST_READY;
        wake(L, w->owner);
        break;
    case W_WAITFOR:
    case W_WTIMEOUT:
        if (!(w->bits & B_RELEASED)) {
            w->bits |= B_RELEASED;
            w->st = ST_READY;
            wake(L, w->owner);
        }
        break;
    default:
        break;
    }
}

/* ---- sleep ------------------------------------------------------------- */

static ac_status sleep_begin_slow(ac_wait *w, double seconds);

ac_status ac_sleep_begin(ac_wait *w, double seconds)
{
    ac_loop *L = ac_cur_loop;
    ac_task *cur;
    if (AC_LIKELY(L && (cur = L->current) != NULL && !(seconds > 0) &&
                  !L->closing && !(cur->flags & (TF_QUEUED | TF_DONE)))) {
        /* bare yield: one loop round, the record only marks the await */
        w->owner = cur;                /* link and obj are not read */
        w->idx = 0;
        w->kind = W_SLEEP0;
        w->st = ST_PENDING;
        w->bits = 0;
        set_leaf(cur, w);
        cur->flags |= TF_QUEUED;
        q_push_task(L, cur);
        return AC_SUSPEND;
    }
    return sleep_begin_slow(w, seconds);
}

static AC_NOINLINE ac_status sleep_begin_slow(ac_wait *w, double seconds)
{
    ac_loop *L;
    ac_task *cur;
    L = loop();
    cur = current_or_die();
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    w->owner = cur;
    set_leaf(cur, w);
    if (!(seconds > 0)) {              /* bare yield: one loop round */
        w->kind = W_SLEEP0;
        wake(L, cur);
        return AC_SUSPEND;
    }
    w->kind = W_SLEEP;
    timer_add(L, w, rt_loop_time(L) + seconds);
    return AC_SUSPEND;
}

/* ---- await coroutine / task ------------------------------------------- */

static ac_status coro_step_end(ac_wait *w, ac_task *c, ac_status st)
{
    if (st >= AC_SUSPEND) return st;     /* AC_YIELD goes up to the task */
    if (st == AC_DONE) {
        c->flags |= TF_DONE;
        w->st = ST_DONE;
        return AC_DONE;
    }
    c->flags |= TF_DONE | TF_NORET;
    wait_idle(w);
    return AC_ERROR;
}

ac_status ac_await_begin(ac_wait *w, ac_task *t)
{
    ac_loop *L = loop();
    ac_task *cur = L->current;
    memset(w, 0, sizeof *w);
    if (t->flags & TF_TASK) {
        if (!cur) {
            ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
            return AC_ERROR;
        }
        ac_incref(t);
        w->kind = W_TASK;
        w->obj = t;
        w->owner = cur;
        if (t->flags & TF_DONE) return task_outcome(w, t);
        if (t == cur) {
            wait_idle(w);
            ac_raise_msg(&ac_cls_RuntimeError, "Task cannot await on itself");
            return AC_ERROR;
        }
        list_append(t, w);
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    if (!(t->flags & TF_FRESH) || (t->flags & TF_DONE)) {
        ac_raise_msg(&ac_cls_RuntimeError,
                     "cannot reuse already awaited coroutine");
        return AC_ERROR;
    }
    ac_incref(t);
    t->flags &= ~(uint32_t)TF_FRESH;
    t->flags |= TF_AWAITED;
    w->kind = W_CORO;
    w->obj = t;
    w->owner = NULL;
    if (t->flags & TF_SILENT) {        /* cancel(c) before it started */
        if (t->vt->drop) t->vt->drop(FRAME(t));
        t->flags |= TF_DONE | TF_NORET;
        w->st = ST_DONE;
        return AC_DONE;
    }
    return coro_step_end(w, t, t->vt->resume(FRAME(t)));
}

/* ---- gather ------------------------------------------------------------ */

static void gather_free(rt_gather *b)
{
    int64_t i;
    if (!b->built)
        for (i = 0; i < b->n; i++) ac_decref(KID(b, i));
    ac_decref(b->exc);
    ac_decref(b->res);
    rt_sched_free(b);
}

static void gather_orphan(rt_gather *b)
{
    b->ow = NULL;
    if (b->nfinished == b->n) gather_free(b);
}

/* the outer future got its result/exception: wake the awaiting task */
static void gather_wake(ac_loop *L, rt_gather *b)
{
    b->done = 1;
    if (b->ow) {
        b->ow->st = ST_READY;
        b->ow->bits |= B_RELEASED;
        wake(L, b->ow->owner);
    }
}

/* every child is done: each list item becomes the child's outcome */
static void gather_results(rt_gather *b, int asyncio_style)
{
    ac_val *items = b->res->items;
    int64_t i;
    for (i = 0; i < b->n; i++) {
        ac_task *t = items[i].p;
        if (t->flags & TF_CANCELLED) {
            if (asyncio_style)
                items[i].p = new_exc(&ac_cls_CancelledError, "");
            else
                items[i].i = 0;
        } else if (t->flags & TF_FAILED) {
            t->flags |= TF_RETRIEVED;
            ac_incref(FRET(t).p);
            items[i].p = FRET(t).p;
        } else {
            t->flags |= TF_RETRIEVED;
            items[i] = task_value(t);
            /* list[object]: results share the list with exceptions */
            if (b->elem->kind == AC_K_OBJECT) items[i].p = ac_box_new(t->vt->ret, items[i]);
        }
        ac_decref(t);
    }
    b->res->len = b->n;
    b->built = 1;
}

/* one child finished: gather's _done_callback (or _wait_all's done) */
static void gather_child_done(ac_loop *L, rt_gather *b, ac_task *t)
{
    b->nfinished++;
    if (b->edge) {
        if (b->nfinished == b->n && b->ow && !(b->ow->bits & B_RELEASED))
            gather_wake(L, b);
    } else if (b->done) {
        if (!(t->flags & TF_CANCELLED)) t->flags |= TF_RETRIEVED;
    } else if (!b->ret_exc && (t->flags & TF_CANCELLED)) {
        b->exc = new_exc(&ac_cls_CancelledError, NULL);
        gather_wake(L, b);
    } else if (!b->ret_exc && (t->flags & TF_FAILED)) {
        t->flags |= TF_RETRIEVED;
        ac_incref(FRET(t).p);
        b->exc = FRET(t).p;
        gather_wake(L, b);
    } else if (b->nfinished == b->n) {
        gather_results(b, 1);
        if (b->cancel_requested) {
            ac_decref(b->res);
            b->res = NULL;
            b->exc = new_exc(&ac_cls_CancelledError, NULL);
        }
        gather_wake(L, b);
    }
    if (!b->ow && b->nfinished == b->n) gather_free(b);
}

static void gather_node_done(ac_loop *L, ac_wait *node)
{
    rt_gather *b = node->owner;
    ac_task *t = node->obj;
    rec_free(node);
    gather_child_done(L, b, t);
}

/* gather's add_done_callback on child t */
static void gather_hook(ac_loop *L, rt_gather *b, ac_task *t)
{
    if (t->flags & TF_DONE) queue_callback(L, gnode_new(b, t));
    else if (!t->waiters) t->waiters = (uintptr_t)b | GATHER_TAG;
    else list_append(t, gnode_new(b, t));
}

/* kids[0..n) are the children (stolen references) in an rt_malloc'd
 * array of cap items, which becomes the block's child/result list */
static ac_status gather_common(ac_wait *w, int64_t n, ac_val *kids,
                               int64_t cap, const ac_type *elem, int ret_exc,
                               int edge)
{
    ac_loop *L = loop();
    ac_task *cur = L->current;
    rt_gather *b;
    int64_t i;
    memset(w, 0, sizeof *w);
    if (n == 0) {
        rt_free(kids);
        w->kind = W_VALUE;
        w->obj = ac_list_new(elem, 0, NULL);
        w->st = ST_DONE;
        return AC_DONE;
    }
    if (!cur) {
        for (i = 0; i < n; i++) ac_decref(kids[i].p);
        rt_free(kids);
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return AC_ERROR;
    }
    b = rt_sched_alloc(sizeof(rt_gather));
    memset(b, 0, sizeof(rt_gather));
    b->n = n;
    b->elem = elem;
    b->edge = (uint8_t)edge;
    b->ret_exc = (uint8_t)ret_exc;
    b->res = ac_list_new(elem, 0, NULL);
    b->res->items = kids;
    b->res->cap = cap;
    for (i = 0; i < n; i++) {
        ac_task *t = rt_spawn(kids[i].p);
        if (!edge) gather_hook(L, b, t);  /* asyncio: ensure_future + callback */
    }
    if (edge)                      /* _spawn all, then _wait_all */
        for (i = 0; i < n; i++) gather_hook(L, b, KID(b, i));
    w->kind = edge ? W_EGATHER : W_GATHER;
    w->obj = b;
    w->owner = cur;
    b->ow = w;
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* the children of a gather(a, b, c) as a fresh array */
static ac_val *kids_from_array(int64_t n, ac_task **children)
{
    ac_val *kids = rt_malloc((size_t)(n ? n : 1) * sizeof(ac_val));
    int64_t i;
    for (i = 0; i < n; i++) kids[i].p = children[i];
    return kids;
}

/* The children of a gather(*l): a list nobody else holds gives its items
 * array away (no copy: with 100,000 children that is 8 bytes a task);
 * otherwise its items are copied with new references. */
static ac_val *kids_from_list(ac_list *l, int64_t *n, int64_t *cap)
{
    ac_val *kids;
    int64_t i;
    *n = l->len;
    if (l->h.rc == 1 && l->items) {
        /* the list grew by doubling; gather keeps the array until the end */
        if (l->cap - l->len > l->len / 16)
            l->items = rt_realloc(l->items, (size_t)l->len * sizeof(ac_val));
        kids = l->items;
        *cap = l->len;
        l->items = NULL;
        l->len = l->cap = 0;
    } else {
        kids = rt_malloc((size_t)(l->len ? l->len : 1) * sizeof(ac_val));
        *cap = l->len;
        for (i = 0; i < l->len; i++) {
            kids[i] = l->items[i];
            ac_incref(kids[i].p);
        }
    }
    ac_decref(l);
    return kids;
}

ac_status ac_gather_begin(ac_wait *w, int64_t n, ac_task **children,
                          const ac_type *elem, int return_exceptions)
{
    return gather_common(w, n, kids_from_array(n, children), n, elem,
                         return_exceptions, 0);
}

ac_status ac_gather_list_begin(ac_wait *w, ac_list *children,
                               const ac_type *elem, int return_exceptions)
{
    int64_t n, cap;
    ac_val *kids = kids_from_list(children, &n, &cap);
    return gather_common(w, n, kids, cap, elem, return_exceptions, 0);
}

ac_status ac_edge_gather_list_begin(ac_wait *w, ac_list *children,
                                    const ac_type *elem)
{
    int64_t n, cap;
    ac_val *kids = kids_from_list(children, &n, &cap);
    return gather_common(w, n, kids, cap, elem, 1, 1);
}

ac_status ac_edge_gather_begin(ac_wait *w, int64_t n, ac_task **children,
                               const ac_type *elem)
{
    return gather_common(w, n, kids_from_array(n, children), n, elem, 1, 1);
}

static ac_status gather_end(ac_loop *L, ac_wait *w, ac_task *cur)
{
    rt_gather *b = w->obj;
    int64_t i;
    (void)L;
    if (w->kind == W_GATHER) {
        if (take_must_cancel(cur)) {
            wait_idle(w);
            raise_cancelled();
            return AC_ERROR;
        }
        if (!b->done) goto still;
        if (b->exc) {
            ac_exc *e = b->exc;
            b->exc = NULL;
            wait_idle(w);
            ac_raise(e);
            return AC_ERROR;
        }
        w->st = ST_DONE;
        return AC_DONE;
    }
    /* builtins gather */
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        for (i = 0; i < b->n; i++) ac_task_cancel(KID(b, i));
        wait_idle(w);
        raise_cancelled();
        return AC_ERROR;
    }
    if (!(w->bits & B_RELEASED)) goto still;
    /* gather looked at every child's outcome: none is "never retrieved" */
    for (i = 0; i < b->n; i++) KID(b, i)->flags |= TF_RETRIEVED;
    for (i = 0; i < b->n; i++) {   /* first error in argument order */
        ac_task *t = KID(b, i);
        if (t->flags & TF_CANCELLED) continue;
        t->flags |= TF_RETRIEVED;
        if (t->flags & TF_FAILED) {
            ac_exc *e = FRET(t).p;
            ac_incref(e);
            wait_idle(w);
            ac_raise(e);
            return AC_ERROR;
        }
    }
    gather_results(b, 0);
    w->st = ST_DONE;
    return AC_DONE;
still:
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* ---- wait_for and with_timeout ---------------------------------------- */

static void hook_on_child(ac_loop *L, ac_wait *w)
{
    ac_task *t = w->obj;
    if (t->flags & TF_DONE) queue_callback(L, w);
    else list_append(t, w);
}

ac_status ac_wait_for_begin(ac_wait *w, ac_task *child, int has_timeout,
                            double timeout)
{
    ac_loop *L = loop();
    ac_task *cur, *t;
    if (!has_timeout) {                /* return await fut */
        ac_status st = ac_await_begin(w, child);
        ac_decref(child);
        return st;
    }
    cur = L->current;
    memset(w, 0, sizeof *w);
    if (!cur) {
        ac_decref(child);
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return AC_ERROR;
    }
    w->kind = W_WAITFOR;
    w->owner = cur;
    if (timeout <= 0) {
        t = rt_spawn(child);
        w->obj = t;
        if (t->flags & TF_DONE) return task_outcome(w, t);
        w->bits |= B_PHASE2;           /* await _cancel_and_wait(fut) */
        list_append(t, w);
        ac_task_cancel(t);
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    timer_add(L, w, rt_loop_time(L) + timeout);
    t = rt_spawn(child);
    w->obj = t;
    hook_on_child(L, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

static ac_status raise_idle(ac_wait *w, const ac_class *cls)
{
    wait_idle(w);
    ac_raise_msg(cls, NULL);
    return AC_ERROR;
}

static ac_status wait_for_end(ac_loop *L, ac_wait *w, ac_task *cur)
{
    ac_task *t = w->obj;
    int thrown = take_must_cancel(cur) || w->st == ST_CANCELLED;
    if (!(w->bits & B_PHASE2)) {
        if (!thrown && !(w->bits & B_RELEASED)) goto still;
        if (t->flags & TF_DONE) {      /* return fut.result() */
            timer_remove(L, w);
            unhook(L, w);
            return task_outcome(w, t);
        }
        /* timeout (or we were cancelled): cancel the child, wait for it */
        timer_remove(L, w);
        unhook(L, w);
        w->bits = (uint16_t)(B_PHASE2 | (thrown ? B_BYCANCEL : 0));
        w->st = ST_PENDING;
        list_append(t, w);
        ac_task_cancel(t);
        goto still;
    }
    if (!thrown && !(w->bits & B_RELEASED)) goto still;
    timer_remove(L, w);
    unhook(L, w);
    if (thrown || (w->bits & B_BYCANCEL))
        return raise_idle(w, &ac_cls_CancelledError);
    if (t->flags & TF_CANCELLED) return raise_idle(w, &ac_cls_TimeoutError);
    return task_outcome(w, t);
still:
    set_leaf(cur, w);
    return AC_SUSPEND;
}

ac_status ac_with_timeout_begin(ac_wait *w, double seconds, ac_task *child)
{
    ac_loop *L = loop();
    ac_task *cur = L->current;
    memset(w, 0, sizeof *w);
    if (!cur) {
        ac_decref(child);
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return AC_ERROR;
    }
    w->kind = W_WTIMEOUT;
    w->owner = cur;
    timer_add(L, w, rt_loop_time(L) + seconds);   /* before the child runs */
    w->obj = rt_spawn(child);
    hook_on_child(L, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

static ac_status with_timeout_end(ac_loop *L, ac_wait *w, ac_task *cur)
{
    ac_task *t = w->obj;
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        timer_remove(L, w);
        unhook(L, w);
        ac_task_cancel(t);
        return raise_idle(w, &ac_cls_CancelledError);
    }
    if (!(w->bits & B_RELEASED)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    timer_remove(L, w);
    unhook(L, w);
    if (t->flags & TF_DONE) {
        if (t->flags & TF_CANCELLED) {
            w->st = ST_NONE;
            return AC_DONE;
        }
        return task_outcome(w, t);
    }
    edge_cancel_task(L, t);
    return raise_idle(w, &ac_cls_TimeoutError);
}

/* ---- cancel(c): silent ------------------------------------------------- */

static void edge_cancel_task(ac_loop *L, ac_task *t)
{
    ac_wait *w;
    if (t->flags & TF_DONE) return;
    w = leaf_of(t);    /* before the cancel, which may queue t (no leaf then) */
    t->flags |= TF_SILENT;
    ac_task_cancel(t);
    if (!w) return;                       /* children it started: cancel too */
    if (w->kind == W_GATHER || w->kind == W_EGATHER) {
        rt_gather *b = w->obj;
        int64_t i;
        if (!b->built)
            for (i = 0; i < b->n; i++) edge_cancel_task(L, KID(b, i));
    } else if (w->kind == W_WTIMEOUT) {
        edge_cancel_task(L, w->obj);
    }
}

void ac_edge_cancel(ac_task *t)
{
    ac_loop *L = loop();
    if (!t || (t->flags & TF_DONE)) return;
    if (t->flags & TF_TASK) {
        edge_cancel_task(L, t);
        return;
    }
    /* a coroutine object: if it never started it never will; one being
     * awaited inline cannot be stopped apart from its awaiter (as in the
     * reference runner) -- it is marked and left alone. */
    t->flags |= TF_SILENT;
}

/* ---- ac_wait_end / ac_wait_result ------------------------------------- */

static ac_status wait_end_slow(ac_wait *w);

ac_status ac_wait_end(ac_wait *w)
{
    ac_loop *L = ac_cur_loop;
    ac_task *cur;
    if (AC_LIKELY(w->kind == W_SLEEP0 && L && (cur = L->current) != NULL &&
                  !(cur->flags & TF_MUST_CANCEL))) {
        if (leaf_of(cur) == w) set_leaf(cur, NULL);
        w->st = ST_DONE;
        return AC_DONE;
    }
    return wait_end_slow(w);
}

static AC_NOINLINE ac_status wait_end_slow(ac_wait *w)
{
    ac_loop *L = loop();
    ac_task *cur = L->current;
    if (cur && leaf_of(cur) == w) set_leaf(cur, NULL);
    switch (w->kind) {
    case W_CORO: {
        ac_task *c = w->obj;
        return coro_step_end(w, c, c->vt->resume(FRAME(c)));
    }
    case W_SLEEP0:
        if (take_must_cancel(cur)) return raise_idle(w, &ac_cls_CancelledError);
        w->st = ST_DONE;
        return AC_DONE;
    case W_SLEEP:
        if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
            timer_remove(L, w);
            return raise_idle(w, &ac_cls_CancelledError);
        }
        if (w->st != ST_READY) {
            set_leaf(cur, w);
            return AC_SUSPEND;
        }
        w->st = ST_DONE;
        return AC_DONE;
    case W_TASK: {
        ac_task *t = w->obj;
        if (take_must_cancel(cur)) {
            unhook(L, w);
            return raise_idle(w, &ac_cls_CancelledError);
        }
        if (!(t->flags & TF_DONE)) {
            set_leaf(cur, w);
            return AC_SUSPEND;
        }
        unhook(L, w);
        return task_outcome(w, t);
    }
    case W_GATHER:
    case W_EGATHER:
        return gather_end(L, w, cur);
    case W_WAITFOR:
        return wait_for_end(L, w, cur);
    case W_WTIMEOUT:
        return with_timeout_end(L, w, cur);
    case W_VALUE:
        return AC_DONE;
    case W_RECV:
    case W_FRAME:
    case W_HOST:
        return host_wait_end(L, w, cur);
    default:
        ac_raise_msg(&ac_cls_RuntimeError, "ac_wait_end on an idle wait");
        return AC_ERROR;
    }
}

static ac_val wait_result_slow(ac_wait *w);

ac_val ac_wait_result(ac_wait *w)
{
    if (AC_LIKELY(w->kind == W_SLEEP0)) {
        /* owns nothing; ac_wait_end already unhooked it from the owner */
        ac_task *o = w->owner;
        ac_val v;
        if (o && leaf_of(o) == w) set_leaf(o, NULL);
        memset(w, 0, sizeof *w);
        v.i = 0;
        return v;
    }
    return wait_result_slow(w);
}

static AC_NOINLINE ac_val wait_result_slow(ac_wait *w)
{
    ac_val v;
    v.i = 0;
    switch (w->kind) {
    case W_CORO: {
        ac_task *c = w->obj;
        if (c->h.rc == 1 && !(c->flags & (TF_NORET | TF_RETAKEN))) {
            v = FRET(c);               /* last reference: move it out */
            c->flags |= TF_RETAKEN;
        } else {
            v = task_value(c);
        }
        break;
    }
    case W_TASK:
    case W_WAITFOR:
    case W_WTIMEOUT:
        if (w->st != ST_NONE) v = task_value(w->obj);
        break;
    case W_GATHER:
    case W_EGATHER: {
        rt_gather *b = w->obj;
        v.p = b->res;
        b->res = NULL;
        break;
    }
    case W_VALUE:
    case W_RECV:
        v.p = w->obj;
        w->obj = NULL;
        break;
    case W_HOST:
        v = host_wait_result(loop(), w);
        break;
    default:
        break;
    }
    wait_idle(w);
    return v;
}

/* ---- the loop ---------------------------------------------------------- */

void rt_loop_init(ac_loop *L)
{
    memset(L, 0, sizeof *L);
    q_reset_next(L);
}

/* a wait record in the queue: a done-callback (see the top) */
static AC_NOINLINE void run_callback(ac_loop *L, uintptr_t e)
{
    ac_wait *w = (ac_wait *)(e & ~TAG_WAIT);
    L->current = NULL;
    w->bits &= (uint16_t)~B_QUEUED;
    w->link = 0;
    wait_callback(L, w);
}

/* After the ready entries: fire the timers that were due when the
 * iteration began, in (deadline, seq) order. */
static AC_NOINLINE void fire_due(ac_loop *L, double end, uint64_t first_new)
{
    ac_wait **later = NULL;          /* due but added in this iteration */
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
        timer_fire(L, w);
    }
    for (i = 0; i < nlater; i++) heap_push(L, later[i]);
    rt_sched_free(later);
    heap_shrink(L);
}

int rt_run_once(ac_loop *L, int nonblock)
{
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
    /* The entries ready now; an entry may unlink later ones (q_remove).
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
            t->qw.leaf = NULL;           /* the word is the leaf again */
            task_run(L, t, t->flags);
        }
    }
    L->current = NULL;
    if (L->nheap && tm_when(L->heap[0]) < end) fire_due(L, end, first_new);
    L->iterations++;
    return 1;
}

/* ---- asyncio.run's end ------------------------------------------------- */

static ac_task **live_snapshot(ac_loop *L, uint32_t *n)
{
    ac_task **v;
    uint32_t i, k = 0;
    if (!L->npending) {
        *n = 0;
        return NULL;
    }
    v = rt_sched_alloc(L->npending * sizeof(ac_task *));
    for (i = 0; i < L->nlive; i++) {
        ac_task *t = L->live[i];
        if (t && !(t->flags & TF_DONE)) {
            ac_incref(t);
            v[k++] = t;
        }
    }
    *n = k;
    return v;
}

void rt_shutdown(ac_loop *L)
{
    uint32_t n, i;
    ac_task **v = live_snapshot(L, &n);
    if (n) {
        for (i = 0; i < n; i++) ac_task_cancel(v[i]);
        for (;;) {
            int all = 1;
            for (i = 0; i < n; i++)
                if (!(v[i]->flags & TF_DONE)) all = 0;
            if (all || !rt_run_once(L, 0)) break;
        }
        rt_run_once(L, 1);    /* gather's _done_callback */
        rt_run_once(L, 1);    /* run_until_complete's stop */
        for (i = 0; i < n; i++) {
            ac_task *t = v[i];
            if ((t->flags & TF_FAILED) && !(t->flags & TF_RETRIEVED)) {
                t->flags |= TF_RETRIEVED;
                report_unretrieved(t, FRET(t).p,
                    "unhandled exception during asyncio.run() shutdown");
            }
            ac_decref(t);
        }
        rt_sched_free(v);
    }
    for (i = 0; i < 4; i++) rt_run_once(L, 1);   /* shutdown_asyncgens etc. */
}

/* Destroy everything still pending, without running any user code. */
void rt_loop_fini(ac_loop *L)
{
    uintptr_t heads[2], e;
    uint32_t n, i, k;
    ac_task **v;
    ac_loop *saved = ac_cur_loop;
    ac_cur_loop = L;
    L->closing = 1;
    L->current = NULL;
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
                if (w->kind == W_GNODE) gather_node_done(L, w);
                else w->bits |= B_RELEASED;
            } else {
                ac_task *t = E_TASK(e);
                t->flags &= ~TF_QUEUED;
                if (t->flags & TF_DONE) {
                    deliver_closing(L, t);
                    ac_decref(t);
                }
            }
            e = nx;
        }
    }
    v = live_snapshot(L, &n);
    for (i = 0; i < n; i++) {
        ac_task *t = v[i];
        if (!(t->flags & TF_DONE)) {
            t->flags &= ~(uint32_t)TF_FRESH;
            if (t->vt->drop) t->vt->drop(FRAME(t));
            task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
        }
    }
    for (i = 0; i < n; i++) ac_decref(v[i]);
    rt_sched_free(v);
    while (L->ev_len) ac_decref(ev_pop(L));
    rt_sched_free(L->ev);
    rt_sched_free(L->calls);
    L->ev = NULL;
    L->calls = NULL;
    L->ev_cap = L->ev_head = L->ncalls = L->capcalls = L->call_free = 0;
    rt_sched_free(L->heap);
    rt_sched_free(L->live);
    L->heap = NULL;
    L->live = NULL;
    L->nheap = L->capheap = 0;
    L->nlive = L->caplive = L->nholes = L->npending = 0;
    L->closing = 0;
    ac_cur_loop = saved;
    rt_pool_flush();
}

/* ---- receive(), frame(), deferred host calls ------------------------- */
/* Hops: an event pushed to a waiting receiver, a frame tick and a host
 * call's completion each queue the waiting task's step (one hop, like a
 * future's set_result waking its task).  An event already queued when
 * receive() is called is returned at once (asyncio.Queue.get_nowait). */

static void fifo_append(ac_wait **head, ac_wait **tail, ac_wait *w)
{
    w->link = 0;
    if (*tail) (*tail)->link = (uintptr_t)w;
    else *head = w;
    *tail = w;
    w->bits |= B_LISTED;
}

static ac_wait *fifo_pop(ac_wait **head, ac_wait **tail)
{
    ac_wait *w = *head;
    if (!w) return NULL;
    *head = (ac_wait *)w->link;
    if (!*head) *tail = NULL;
    w->link = 0;
    w->bits &= (uint16_t)~B_LISTED;
    return w;
}

static void fifo_remove(ac_wait **head, ac_wait **tail, ac_wait *w)
{
    ac_wait *prev = NULL, *cur = *head;
    if (!(w->bits & B_LISTED)) return;
    while (cur && cur != w) {
        prev = cur;
        cur = (ac_wait *)cur->link;
    }
    if (!cur) return;
    if (prev) prev->link = w->link;
    else *head = (ac_wait *)w->link;
    if (*tail == w) *tail = prev;
    w->link = 0;
    w->bits &= (uint16_t)~B_LISTED;
}

static void ev_push(ac_loop *L, ac_str *s, int front)
{
    if (L->ev_len == L->ev_cap) {       /* grow the ring, unrolled */
        uint32_t i, cap = L->ev_cap ? L->ev_cap * 2 : 16;
        ac_str **n = rt_sched_alloc(cap * sizeof(ac_str *));
        for (i = 0; i < L->ev_len; i++)
            n[i] = L->ev[(L->ev_head + i) % L->ev_cap];
        rt_sched_free(L->ev);
        L->ev = n;
        L->ev_cap = cap;
        L->ev_head = 0;
    }
    if (front) {
        L->ev_head = (L->ev_head + L->ev_cap - 1) % L->ev_cap;
        L->ev[L->ev_head] = s;
    } else {
        L->ev[(L->ev_head + L->ev_len) % L->ev_cap] = s;
    }
    L->ev_len++;
}

static ac_str *ev_pop(ac_loop *L)
{
    ac_str *s = L->ev[L->ev_head];
    L->ev_head = (L->ev_head + 1) % L->ev_cap;
    L->ev_len--;
    return s;
}

/* hand an event to the longest-waiting receiver, or queue it */
static void deliver_event(ac_loop *L, ac_str *s, int front)
{
    ac_wait *w = fifo_pop(&L->recv_head, &L->recv_tail);
    if (!w) {
        ev_push(L, s, front);
        return;
    }
    w->obj = s;
    w->st = ST_READY;
    wake(L, w->owner);
}

void rt_push_event(ac_loop *L, ac_str *s) { deliver_event(L, s, 0); }

void rt_frame_tick(ac_loop *L)
{
    ac_wait *head = L->frame_head, *w;
    L->frame_head = L->frame_tail = NULL;
    while ((w = head) != NULL) {
        head = (ac_wait *)w->link;
        w->link = 0;
        w->bits &= (uint16_t)~B_LISTED;
        w->st = ST_READY;
        wake(L, w->owner);
    }
}

ac_status ac_receive_begin(ac_wait *w)
{
    ac_loop *L = loop();
    ac_task *cur = current_or_die();
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    w->kind = W_RECV;
    w->owner = cur;
    if (L->ev_len) {
        w->obj = ev_pop(L);
        w->st = ST_DONE;
        return AC_DONE;
    }
    fifo_append(&L->recv_head, &L->recv_tail, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

ac_status ac_frame_begin(ac_wait *w)
{
    ac_loop *L = loop();
    ac_task *cur = current_or_die();
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    w->kind = W_FRAME;
    w->owner = cur;
    fifo_append(&L->frame_head, &L->frame_tail, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

static rt_call *call_of(ac_loop *L, ac_call_id id)
{
    uint32_t i = (uint32_t)(id & 0xffffffffu);
    if (i >= L->ncalls) return NULL;
    if (L->calls[i].gen != (uint32_t)(id >> 32) || !L->calls[i].w) return NULL;
    return &L->calls[i];
}

static void call_free(ac_loop *L, ac_wait *w)
{
    rt_call *c = &L->calls[w->idx];
    if (c->completed) {
        ac_val_decref(c->v, c->t);
        ac_decref(c->err);
    }
    memset(&c->v, 0, sizeof c->v);
    c->err = NULL;
    c->w = NULL;
    c->completed = 0;
    c->gen++;
    c->next_free = L->call_free;
    L->call_free = w->idx + 1;       /* 0 means "none" */
}

ac_status ac_host_call_begin(ac_wait *w, const ac_type *ret, ac_call_id *id)
{
    ac_loop *L = loop();
    ac_task *cur = current_or_die();
    uint32_t i;
    rt_call *c;
    *id = 0;
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    if (L->call_free) {
        i = L->call_free - 1;
        L->call_free = L->calls[i].next_free;
    } else {
        if (L->ncalls == L->capcalls) {
            L->capcalls = L->capcalls ? L->capcalls * 2 : 16;
            L->calls = rt_sched_realloc(L->calls, L->capcalls * sizeof(rt_call));
        }
        i = L->ncalls++;
        memset(&L->calls[i], 0, sizeof(rt_call));
        L->calls[i].gen = 1;
    }
    c = &L->calls[i];
    c->w = w;
    c->t = ret;
    c->completed = 0;
    w->kind = W_HOST;
    w->owner = cur;
    w->idx = i;
    set_leaf(cur, w);
    *id = ((uint64_t)c->gen << 32) | i;
    return AC_SUSPEND;
}

int rt_call_return(ac_loop *L, ac_call_id id, ac_val v)
{
    rt_call *c = call_of(L, id);
    if (!c || c->completed) return 0;
    c->v = v;
    c->completed = 1;
    c->w->st = ST_READY;
    wake(L, c->w->owner);
    return 1;
}

int rt_call_raise(ac_loop *L, ac_call_id id, ac_exc *e)
{
    rt_call *c = call_of(L, id);
    if (!c || c->completed) {
        ac_decref(e);
        return 0;
    }
    c->err = e;
    c->completed = 1;
    c->w->st = ST_READY;
    wake(L, c->w->owner);
    return 1;
}

static ac_status host_wait_end(ac_loop *L, ac_wait *w, ac_task *cur)
{
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        host_wait_drop(L, w);
        return raise_idle(w, &ac_cls_CancelledError);
    }
    if (w->st != ST_READY) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    if (w->kind == W_HOST && L->calls[w->idx].err) {
        ac_exc *e = L->calls[w->idx].err;
        L->calls[w->idx].err = NULL;
        L->calls[w->idx].completed = 0;
        call_free(L, w);
        wait_idle(w);
        ac_raise(e);
        return AC_ERROR;
    }
    w->st = ST_DONE;
    return AC_DONE;
}

static int host_wait_cancel(ac_loop *L, ac_wait *w)
{
    if (w->st != ST_PENDING) return 0;
    if (w->kind == W_RECV) fifo_remove(&L->recv_head, &L->recv_tail, w);
    else if (w->kind == W_FRAME) fifo_remove(&L->frame_head, &L->frame_tail, w);
    else call_free(L, w);
    w->kind = w->kind == W_HOST ? W_FRAME : w->kind;   /* slot released */
    w->st = ST_CANCELLED;
    wake(L, w->owner);
    return 1;
}

static void host_wait_drop(ac_loop *L, ac_wait *w)
{
    if (w->kind == W_RECV) {
        fifo_remove(&L->recv_head, &L->recv_tail, w);
        if (w->obj) deliver_event(L, w->obj, 1);   /* not consumed: back */
        w->obj = NULL;
    } else if (w->kind == W_FRAME) {
        fifo_remove(&L->frame_head, &L->frame_tail, w);
    } else if (w->kind == W_HOST) {
        call_free(L, w);
        w->kind = W_FRAME;
    }
}

static ac_val host_wait_result(ac_loop *L, ac_wait *w)
{
    ac_val v;
    rt_call *c = &L->calls[w->idx];
    v = c->v;
    c->completed = 0;                 /* the value is the caller's now */
    call_free(L, w);
    w->kind = W_FRAME;
    return v;
}
