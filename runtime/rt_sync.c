/*
 * rt_sync.c -- asyncio's synchronisation primitives and queues: Event,
 * Lock, Semaphore/BoundedSemaphore, Queue/LifoQueue/PriorityQueue.
 *
 * Each CPython primitive keeps a deque of futures, and a waiting task is
 * woken by its future's done-callback one hop later.  Here the future is
 * the wait record in the waiting frame (no allocation per wait): it is
 * listed on the primitive, and its st says what CPython's future would
 * say: ST_PENDING (not done), ST_READY (set_result), ST_CANCELLED.  The
 * order of every wake-up, and what stays in the lists until the waiter
 * runs again, follow Lib/asyncio/locks.py and queues.py of 3.11 exactly,
 * because the order tasks print in depends on them:
 *   - Event, Lock and Semaphore records stay listed until their owner
 *     resumes (CPython's `finally: self._waiters.remove(fut)`), so a woken
 *     or cancelled waiter still counts for Lock's "all cancelled" test and
 *     for Semaphore.locked();
 *   - Queue getters/putters are popped when woken (`_wakeup_next`), and a
 *     woken getter that finds the queue empty again waits at the back.
 */
#include <stddef.h>
#include <string.h>
#include "rt_sched.h"

const ac_class ac_cls_QueueEmpty = AC_CLASS("QueueEmpty", &ac_cls_Exception);
const ac_class ac_cls_QueueFull = AC_CLASS("QueueFull", &ac_cls_Exception);

enum { SY_EVENT, SY_LOCK, SY_SEM, SY_BSEM, SY_QUEUE, SY_COND, SY_TIMEOUT, SY_LOOP, SY_EXT };

/* A FIFO of records: circular through their link fields, the tail kept. */
typedef struct rt_wlist {
    ac_wait *tail;
} rt_wlist;

struct ac_sync {
    ac_obj h;
    uint8_t type;
    uint8_t order;    /* queues: AC_QUEUE_FIFO/LIFO/PRIORITY */
    uint8_t obj_items; /* queues: the items are reference counted */
    int64_t value;    /* event: set; lock: locked; semaphore: value */
    int64_t bound;    /* BoundedSemaphore's initial value */
    rt_wlist waiters; /* queue: the getters */
    /* queues only */
    rt_wlist putters;
    const ac_type *elem;
    ac_val *items; /* FIFO: a ring from head (cap a power of 2); else 0..len-1 */
    int64_t head, len, cap, maxsize, unfinished;
    ac_sync *finished; /* the Event join() waits on (owned); a
                              * Condition's lock (owned) */
    /* asyncio.timeout(): its timer (not a frame's await record: the body
     * awaits other things while it is armed), the task it cancels (a
     * reference while armed), the deadline; value: 1 entered, 2 expired */
    ac_wait timer;
    double when;
    /* a primitive implemented in another file (TaskGroup): its state */
    void *ext;
    void (*ext_fini)(void *ext);
    void (*ext_repr)(rt_buf *b, const void *ext);
};

/* ---- the record lists --------------------------------------------------- */

static ac_wait *wl_head(const rt_wlist *l) { return l->tail ? (ac_wait *)l->tail->link : NULL; }

static ac_wait *wl_next(const rt_wlist *l, const ac_wait *w) { return w == l->tail ? NULL : (ac_wait *)w->link; }

static void wl_append(rt_wlist *l, ac_wait *w) {
    if (!l->tail) {
        w->link = (uintptr_t)w;
    } else {
        w->link = l->tail->link;
        l->tail->link = (uintptr_t)w;
    }
    l->tail = w;
    w->bits |= B_LISTED;
}

/* w is listed on l and not its head */
static AC_NOINLINE void wl_unlink_inner(rt_wlist *l, ac_wait *w) {
    ac_wait *prev = (ac_wait *)l->tail->link, *cur;
    while ((cur = (ac_wait *)prev->link) != w) {
        if (prev == l->tail) return; /* not on this list */
        prev = cur;
    }
    prev->link = cur->link;
    if (l->tail == cur) l->tail = prev;
}

/* Waiters mostly leave in the order they came (an Event's all at once, a
 * Lock's one by one), so the head is the case inline. */
static inline void wl_remove(rt_wlist *l, ac_wait *w) {
    ac_wait *tail = l->tail;
    if (!tail || !(w->bits & B_LISTED)) return;
    if ((ac_wait *)tail->link == w) {
        if (w == tail)
            l->tail = NULL;
        else
            tail->link = w->link;
    } else {
        wl_unlink_inner(l, w);
    }
    w->bits &= (uint16_t)~B_LISTED;
    w->link = 0;
}

static ac_wait *wl_pop(rt_wlist *l) {
    ac_wait *h = wl_head(l);
    if (h) wl_remove(l, h);
    return h;
}

/* fut.set_result(): the owner's step runs one hop later */
static void fut_set(rt_loop *L, ac_wait *w) {
    w->st = ST_READY;
    wake(L, w->owner);
}

/* ---- objects ------------------------------------------------------------ */

static void timeout_disarm(ac_sync *t);

static void sync_free(ac_obj *o) {
    ac_sync *s = (ac_sync *)o;
    int64_t i;
    if (s->type == SY_TIMEOUT) timeout_disarm(s);
    if (s->ext_fini) s->ext_fini(s->ext);
    if (s->type == SY_QUEUE) {
        for (i = 0; i < s->len; i++) {
            int64_t k = s->order == AC_QUEUE_FIFO ? (s->head + i) & (s->cap - 1) : i;
            ac_val_decref(s->items[k], s->elem);
        }
        rt_free(s->items);
    }
    ac_decref(s->finished);
    rt_free(s);
}

static ac_sync *sync_new(uint8_t type, int64_t value) {
    ac_sync *s = rt_malloc(sizeof *s);
    memset(s, 0, sizeof *s);
    rt_obj_free[AC_K_SYNC] = sync_free;
    s->h.rc = 1;
    s->h.kind = AC_K_SYNC;
    s->type = type;
    s->value = value;
    return s;
}

/* the record of a wait that finished at once: its result is `value` */
static ac_status done_at_once(ac_wait *w, uint8_t kind, ac_sync *s) {
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->obj = s;
    ac_incref(s);
    w->st = ST_DONE;
    return AC_DONE;
}

static ac_status suspend_on(ac_wait *w, uint8_t kind, ac_sync *s, rt_wlist *l) {
    rt_loop *L = rt_cur_loop;
    ac_task *cur = L ? L->current : NULL;
    if (!cur && !(cur = rt_current_or_die())) return AC_ERROR;
    w->idx = 0; /* every field is set: wl_append writes link and the bits */
    w->bits = 0;
    w->kind = kind;
    w->obj = s;
    ac_incref(s);
    w->owner = cur;
    w->st = ST_PENDING;
    wl_append(l, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* Task.cancel() reaching a waiter: fut.cancel() succeeds only while the
 * future is not done */
static int fut_cancel(rt_loop *L, ac_wait *w) {
    if (w->st != ST_PENDING) return 0;
    w->st = ST_CANCELLED;
    wake(L, w->owner);
    return 1;
}

/* the CancelledError thrown in at `await fut`: a cancelled future, or a
 * _must_cancel that arrived after the future was set */
static int cancelled_at(ac_wait *w, ac_task *cur) { return take_must_cancel(cur) || w->st == ST_CANCELLED; }

static ac_status keep_waiting(ac_wait *w, ac_task *cur) {
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* A woken waiter that got what it waited for: the record lets go of the
 * primitive now and says True (W_TRUE), so ac_wait_result that follows
 * costs no call. */
static ac_status done_true(ac_wait *w) {
    ac_sync *s = w->obj;
    memset(w, 0, sizeof *w);
    w->kind = W_TRUE;
    w->st = ST_DONE;
    ac_decref(s);
    return AC_DONE;
}

static ac_val true_result(rt_loop *L, ac_wait *w) {
    (void)L, (void)w;
    return ac_int_val(1);
}

/* ---- Event -------------------------------------------------------------- */

ac_sync *ac_event_new(void) { return sync_new(SY_EVENT, 0); }
int ac_event_is_set(const ac_sync *e) { return e->value != 0; }
void ac_event_clear(ac_sync *e) { e->value = 0; }

void ac_event_set(ac_sync *e) {
    rt_loop *L;
    ac_wait *w;
    if (e->value) return;
    e->value = 1;
    L = rt_need_loop();
    for (w = wl_head(&e->waiters); w; w = wl_next(&e->waiters, w))
        if (w->st == ST_PENDING) fut_set(L, w);
}

ac_status ac_event_wait_begin(ac_wait *w, ac_sync *e) {
    if (e->value) return done_at_once(w, W_EVENT, e);
    return suspend_on(w, W_EVENT, e, &e->waiters);
}

static ac_status event_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_sync *e = w->obj;
    (void)L;
    if (cancelled_at(w, cur)) {
        wl_remove(&e->waiters, w);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (w->st == ST_PENDING) return keep_waiting(w, cur);
    wl_remove(&e->waiters, w);
    return done_true(w);
}

static void event_drop(rt_loop *L, ac_wait *w) {
    ac_sync *e = w->obj;
    (void)L;
    wl_remove(&e->waiters, w);
}

const rt_wait_ops rt_ops_event = {
    .end = event_end, .result = true_result, .cancel = fut_cancel, .drop = event_drop, .release = rt_release_obj};

/* ---- Lock --------------------------------------------------------------- */

ac_sync *ac_lock_new(void) { return sync_new(SY_LOCK, 0); }
int ac_lock_locked(const ac_sync *l) { return l->value != 0; }

/* _wake_up_first: only the first waiter is looked at; if its future is
 * already done (woken or cancelled) nobody is woken, and that waiter passes
 * the lock on itself when it runs */
static void lock_wake_first(ac_sync *l) {
    ac_wait *h = wl_head(&l->waiters);
    if (h && h->st == ST_PENDING) fut_set(rt_need_loop(), h);
}

static int all_cancelled(const rt_wlist *l) {
    ac_wait *w;
    for (w = wl_head(l); w; w = wl_next(l, w))
        if (w->st != ST_CANCELLED) return 0;
    return 1;
}

/* `await lock.acquire()` that need not wait: taken, 1 (no record) */
int ac_lock_try_acquire(ac_sync *l) {
    if (l->value || !all_cancelled(&l->waiters)) return 0;
    l->value = 1;
    return 1;
}

ac_status ac_lock_acquire_begin(ac_wait *w, ac_sync *l) {
    if (!l->value && all_cancelled(&l->waiters)) {
        l->value = 1;
        return done_at_once(w, W_LOCK, l);
    }
    return suspend_on(w, W_LOCK, l, &l->waiters);
}

void ac_lock_release(ac_sync *l) {
    if (!l->value) {
        ac_raise_msg(&ac_cls_RuntimeError, "Lock is not acquired.");
        return;
    }
    l->value = 0;
    lock_wake_first(l);
}

/* acquire's wake-up: 1 when it has the lock, 0 still waiting, -1 cancelled
 * (the record left the list, the lock passed on if it is free) */
static int lock_take(ac_sync *l, ac_wait *w, ac_task *cur) {
    if (cancelled_at(w, cur)) {
        wl_remove(&l->waiters, w);
        if (!l->value) lock_wake_first(l);
        return -1;
    }
    if (w->st == ST_PENDING) return 0;
    wl_remove(&l->waiters, w);
    l->value = 1;
    return 1;
}

static ac_status lock_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    int got = lock_take(w->obj, w, cur);
    (void)L;
    if (got < 0) return rt_raise_idle(w, &ac_cls_CancelledError);
    if (!got) return keep_waiting(w, cur);
    return done_true(w);
}

const rt_wait_ops rt_ops_lock = {
    .end = lock_end, .result = true_result, .cancel = fut_cancel, .drop = event_drop, .release = rt_release_obj};

/* ---- Condition ---------------------------------------------------------- */

/* Condition.wait() is two waits on one record: on the condition until
 * notified (B_PHASE2 clear), then on the lock until it is re-acquired
 * (B_PHASE2 set, listed on the lock).  A cancellation in either phase is
 * remembered (B_BYCANCEL) and raised once the lock is held again, as
 * CPython's `finally: while True: try: await self.acquire()` does. */
ac_sync *ac_condition_new(ac_sync *lock) {
    ac_sync *c = sync_new(SY_COND, 0);
    c->finished = lock ? lock : ac_lock_new();
    if (lock) ac_incref(lock);
    return c;
}

ac_sync *ac_condition_lock(ac_sync *c) { return c->finished; }
int ac_condition_locked(const ac_sync *c) { return c->finished->value != 0; }
void ac_condition_release(ac_sync *c) { ac_lock_release(c->finished); }

ac_status ac_condition_acquire_begin(ac_wait *w, ac_sync *c) { return ac_lock_acquire_begin(w, c->finished); }

void ac_condition_notify(ac_sync *c, int64_t n) {
    ac_wait *w;
    int64_t idx = 0;
    if (!c->finished->value) {
        ac_raise_msg(&ac_cls_RuntimeError, "cannot notify on un-acquired lock");
        return;
    }
    for (w = wl_head(&c->waiters); w && idx < n; w = wl_next(&c->waiters, w))
        if (w->st == ST_PENDING) {
            idx++;
            fut_set(rt_need_loop(), w);
        }
}

void ac_condition_notify_all(ac_sync *c) { ac_condition_notify(c, rt_sync_nwaiters(c, 0)); }

ac_status ac_condition_wait_begin(ac_wait *w, ac_sync *c) {
    if (!c->finished->value) {
        ac_raise_msg(&ac_cls_RuntimeError, "cannot wait on un-acquired lock");
        return AC_ERROR;
    }
    ac_lock_release(c->finished);
    return suspend_on(w, W_COND, c, &c->waiters);
}

/* phase 2: take the lock, or wait for it at the back of its queue */
static ac_status cond_reacquire(ac_wait *w, ac_task *cur) {
    ac_sync *l = ((ac_sync *)w->obj)->finished;
    w->bits |= B_PHASE2;
    for (;;) {
        int got;
        if (!(w->bits & B_LISTED)) {
            /* a fresh acquire(): at once if free and nobody live waits */
            if (!l->value && all_cancelled(&l->waiters)) {
                l->value = 1;
                break;
            }
            w->st = ST_PENDING;
            wl_append(&l->waiters, w);
            return keep_waiting(w, cur);
        }
        got = lock_take(l, w, cur);
        if (got > 0) break;
        if (got == 0) return keep_waiting(w, cur);
        w->bits |= B_BYCANCEL;
        w->st = ST_DONE; /* not listed: the loop acquires again */
    }
    if (w->bits & B_BYCANCEL) return rt_raise_idle(w, &ac_cls_CancelledError);
    w->st = ST_DONE;
    return AC_DONE;
}

static ac_status cond_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_sync *c = w->obj;
    (void)L;
    if (w->bits & B_PHASE2) return cond_reacquire(w, cur);
    if (cancelled_at(w, cur))
        w->bits |= B_BYCANCEL;
    else if (w->st == ST_PENDING)
        return keep_waiting(w, cur);
    wl_remove(&c->waiters, w);
    w->st = ST_DONE;
    return cond_reacquire(w, cur);
}

static void cond_drop(rt_loop *L, ac_wait *w) {
    ac_sync *c = w->obj;
    (void)L;
    wl_remove((w->bits & B_PHASE2) ? &c->finished->waiters : &c->waiters, w);
}

const rt_wait_ops rt_ops_cond = {
    .end = cond_end, .result = true_result, .cancel = fut_cancel, .drop = cond_drop, .release = rt_release_obj};

/* ---- Semaphore, BoundedSemaphore ---------------------------------------- */

static ac_sync *semaphore_new(uint8_t type, int64_t value) {
    ac_sync *s;
    if (value < 0) {
        ac_raise_msg(&ac_cls_ValueError, "Semaphore initial value must be >= 0");
        return NULL;
    }
    s = sync_new(type, value);
    s->bound = value;
    return s;
}

ac_sync *ac_semaphore_new(int64_t value) { return semaphore_new(SY_SEM, value); }
ac_sync *ac_bounded_semaphore_new(int64_t value) { return semaphore_new(SY_BSEM, value); }

int ac_semaphore_locked(const ac_sync *s) {
    ac_wait *w;
    if (s->value == 0) return 1;
    for (w = wl_head(&s->waiters); w; w = wl_next(&s->waiters, w))
        if (w->st != ST_CANCELLED) return 1;
    return 0;
}

/* _wake_up_next: the first waiter whose future is not done takes a unit */
static void sem_wake_next(ac_sync *s) {
    ac_wait *w;
    for (w = wl_head(&s->waiters); w; w = wl_next(&s->waiters, w))
        if (w->st == ST_PENDING) {
            s->value--;
            fut_set(rt_need_loop(), w);
            return;
        }
}

ac_status ac_semaphore_acquire_begin(ac_wait *w, ac_sync *s) {
    if (!ac_semaphore_locked(s)) {
        s->value--;
        return done_at_once(w, W_SEM, s);
    }
    return suspend_on(w, W_SEM, s, &s->waiters);
}

void ac_semaphore_release(ac_sync *s) {
    if (s->type == SY_BSEM && s->value >= s->bound) {
        ac_raise_msg(&ac_cls_ValueError, "BoundedSemaphore released too many times");
        return;
    }
    s->value++;
    sem_wake_next(s);
}

static ac_status sem_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_sync *s = w->obj;
    (void)L;
    if (cancelled_at(w, cur)) {
        wl_remove(&s->waiters, w);
        if (w->st != ST_CANCELLED) { /* woken with a unit: give it back */
            s->value++;
            sem_wake_next(s);
        }
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (w->st == ST_PENDING) return keep_waiting(w, cur);
    wl_remove(&s->waiters, w);
    if (s->value > 0) sem_wake_next(s);
    return done_true(w);
}

const rt_wait_ops rt_ops_sem = {
    .end = sem_end, .result = true_result, .cancel = fut_cancel, .drop = event_drop, .release = rt_release_obj};

/* ---- Queue, LifoQueue, PriorityQueue ------------------------------------ */

ac_sync *ac_queue_new(int64_t maxsize, const ac_type *elem, int order) {
    ac_sync *q = sync_new(SY_QUEUE, 0);
    q->order = (uint8_t)order;
    q->elem = elem;
    q->obj_items = elem->kind >= AC_K_STR;
    q->maxsize = maxsize;
    q->finished = ac_event_new();
    q->finished->value = 1;
    return q;
}

int64_t ac_queue_qsize(const ac_sync *q) { return q->len; }
int64_t ac_queue_maxsize(const ac_sync *q) { return q->maxsize; }
int ac_queue_empty(const ac_sync *q) { return q->len == 0; }
int ac_queue_full(const ac_sync *q) { return q->maxsize > 0 && q->len >= q->maxsize; }

static AC_NOINLINE void grow(ac_sync *q) {
    int64_t cap = q->cap ? q->cap * 2 : 8, i;
    ac_val *items = rt_malloc((size_t)cap * sizeof *items);
    for (i = 0; i < q->len; i++)
        items[i] = q->order == AC_QUEUE_FIFO ? q->items[(q->head + i) & (q->cap - 1)] : q->items[i];
    rt_free(q->items);
    q->items = items;
    q->cap = cap;
    q->head = 0;
}

static int less(ac_sync *q, ac_val a, ac_val b) { return ac_val_cmp(a, b, q->elem) < 0; }

/* heapq's _siftdown and _siftup, step for step: items of equal priority
 * come out in the order CPython's heap gives them */
static void sift_down(ac_sync *q, int64_t start, int64_t pos) {
    ac_val item = q->items[pos];
    while (pos > start) {
        int64_t parent = (pos - 1) >> 1;
        if (!less(q, item, q->items[parent])) break;
        q->items[pos] = q->items[parent];
        pos = parent;
    }
    q->items[pos] = item;
}

static void sift_up(ac_sync *q, int64_t pos) {
    int64_t end = q->len, start = pos, child = 2 * pos + 1;
    ac_val item = q->items[pos];
    while (child < end) {
        int64_t right = child + 1;
        if (right < end && !less(q, q->items[child], q->items[right])) child = right;
        q->items[pos] = q->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    q->items[pos] = item;
    sift_down(q, start, pos);
}

/* Queue._put: the item (borrowed) goes in */
static inline void q_put(ac_sync *q, ac_val item) {
    if (AC_UNLIKELY(q->len == q->cap)) grow(q);
    if (q->obj_items) ac_incref(item.p);
    if (AC_LIKELY(q->order == AC_QUEUE_FIFO)) {
        q->items[(q->head + q->len) & (q->cap - 1)] = item;
        q->len++;
    } else {
        q->items[q->len++] = item;
        if (q->order == AC_QUEUE_PRIORITY) sift_down(q, 0, q->len - 1);
    }
}

/* Queue._get: the item moves out */
static inline ac_val q_get(ac_sync *q) {
    ac_val v;
    if (AC_LIKELY(q->order == AC_QUEUE_FIFO)) {
        v = q->items[q->head];
        q->head = (q->head + 1) & (q->cap - 1);
        q->len--;
    } else if (q->order == AC_QUEUE_LIFO) {
        v = q->items[--q->len];
    } else {
        ac_val last = q->items[--q->len];
        v = last;
        if (q->len > 0) {
            v = q->items[0];
            q->items[0] = last;
            sift_up(q, 0);
        }
    }
    return v;
}

/* _wakeup_next: pop waiters until one whose future is not done */
static AC_NOINLINE void wake_next_slow(rt_wlist *l) {
    ac_wait *w;
    while ((w = wl_pop(l)) != NULL)
        if (w->st == ST_PENDING) {
            fut_set(rt_need_loop(), w);
            return;
        }
}

/* nobody waiting is the common case of a busy queue: no call */
static inline void wake_next(rt_wlist *l) {
    if (AC_UNLIKELY(l->tail != NULL)) wake_next_slow(l);
}

void ac_queue_put_nowait(ac_sync *q, ac_val item) {
    if (AC_UNLIKELY(ac_queue_full(q))) {
        ac_raise_msg(&ac_cls_QueueFull, NULL);
        return;
    }
    q_put(q, item);
    q->unfinished++;
    q->finished->value = 0; /* finished.clear() */
    wake_next(&q->waiters);
}

ac_val ac_queue_get_nowait(ac_sync *q) {
    ac_val v;
    if (AC_UNLIKELY(q->len == 0)) {
        ac_raise_msg(&ac_cls_QueueEmpty, NULL);
        v.i = 0;
        return v;
    }
    v = q_get(q);
    wake_next(&q->putters);
    return v;
}

/* `await q.put(x)` / `await q.get()` that need not wait (room / an item):
 * put_nowait / get_nowait at once, 1; else 0 and the caller awaits.  The
 * FIFO queue nobody waits on, the common case of a busy pipeline, is a
 * few stores with no call. */
int ac_queue_try_put(ac_sync *q, ac_val item) {
    int64_t len = q->len;
    if (AC_UNLIKELY(q->maxsize > 0 && len >= q->maxsize)) return 0;
    if (AC_UNLIKELY(len == q->cap || q->order != AC_QUEUE_FIFO || q->obj_items || q->waiters.tail)) {
        ac_queue_put_nowait(q, item);
        return 1;
    }
    q->items[(q->head + len) & (q->cap - 1)] = item;
    q->len = len + 1;
    q->unfinished++;
    q->finished->value = 0;
    return 1;
}

int ac_queue_try_get(ac_sync *q, ac_val *out) {
    int64_t head = q->head;
    if (AC_UNLIKELY(q->len == 0)) return 0;
    if (AC_UNLIKELY(q->order != AC_QUEUE_FIFO || q->putters.tail)) {
        *out = ac_queue_get_nowait(q);
        return 1;
    }
    *out = q->items[head];
    q->head = (head + 1) & (q->cap - 1);
    q->len--;
    return 1;
}

void ac_queue_task_done(ac_sync *q) {
    if (q->unfinished <= 0) {
        ac_raise_msg(&ac_cls_ValueError, "task_done() called too many times");
        return;
    }
    if (--q->unfinished == 0) ac_event_set(q->finished);
}

ac_status ac_queue_join_begin(ac_wait *w, ac_sync *q) {
    if (q->unfinished > 0) return ac_event_wait_begin(w, q->finished);
    return done_at_once(w, W_EVENT, q->finished);
}

/* get() waits until the queue is not empty; its result is get_nowait() */
ac_status ac_queue_get_begin(ac_wait *w, ac_sync *q) {
    if (q->len > 0) return done_at_once(w, W_QGET, q);
    return suspend_on(w, W_QGET, q, &q->waiters);
}

/* put() waits until the queue is not full; the caller then puts */
ac_status ac_queue_put_begin(ac_wait *w, ac_sync *q) {
    if (!ac_queue_full(q)) return done_at_once(w, W_QPUT, q);
    return suspend_on(w, W_QPUT, q, &q->putters);
}

/* get's and put's `while` loop and their `except:` clause */
static ac_status queue_end(ac_wait *w, ac_task *cur, rt_wlist *l, int blocked) {
    if (cancelled_at(w, cur)) {
        if (w->st == ST_PENDING) w->st = ST_CANCELLED; /* getter.cancel() */
        wl_remove(l, w);
        if (!blocked && w->st != ST_CANCELLED) wake_next(l);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (w->st == ST_PENDING) return keep_waiting(w, cur);
    if (blocked) { /* taken meanwhile: a new future */
        w->st = ST_PENDING;
        wl_append(l, w);
        return keep_waiting(w, cur);
    }
    w->st = ST_DONE;
    return AC_DONE;
}

static ac_status qget_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_sync *q = w->obj;
    (void)L;
    return queue_end(w, cur, &q->waiters, q->len == 0);
}

static ac_status qput_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_sync *q = w->obj;
    (void)L;
    return queue_end(w, cur, &q->putters, ac_queue_full(q));
}

static ac_val qget_result(rt_loop *L, ac_wait *w) {
    (void)L;
    return ac_queue_get_nowait(w->obj);
}

static void qget_drop(rt_loop *L, ac_wait *w) {
    ac_sync *q = w->obj;
    (void)L;
    wl_remove(&q->waiters, w);
}

static void qput_drop(rt_loop *L, ac_wait *w) {
    ac_sync *q = w->obj;
    (void)L;
    wl_remove(&q->putters, w);
}

const rt_wait_ops rt_ops_qget = {
    .end = qget_end, .result = qget_result, .cancel = fut_cancel, .drop = qget_drop, .release = rt_release_obj};
const rt_wait_ops rt_ops_qput = {.end = qput_end, .cancel = fut_cancel, .drop = qput_drop, .release = rt_release_obj};

/* the waiters a primitive lists (tests: the lists stay consistent) */
int64_t rt_sync_nwaiters(const ac_sync *s, int putters) {
    const rt_wlist *l = putters ? &s->putters : &s->waiters;
    int64_t n = 0;
    ac_wait *w;
    for (w = wl_head(l); w; w = wl_next(l, w)) n++;
    return n;
}

/* the constructors generated code calls: a queue's items are objects */
const ac_type ac_t_sync = {AC_K_SYNC, 0, NULL};

ac_sync *ac_queue_fifo_new(int64_t maxsize) { return ac_queue_new(maxsize, &ac_t_object, AC_QUEUE_FIFO); }

ac_sync *ac_queue_lifo_new(int64_t maxsize) { return ac_queue_new(maxsize, &ac_t_object, AC_QUEUE_LIFO); }

ac_sync *ac_queue_priority_new(int64_t maxsize) { return ac_queue_new(maxsize, &ac_t_object, AC_QUEUE_PRIORITY); }

/* ---- asyncio.timeout(), timeout_at() ------------------------------------ */

/* `async with asyncio.timeout(d):` is, as the parser lowers it,
 *     t = timeout(d); t.__aenter__()
 *     try: body
 *     except CancelledError: t.__aexit__(True); raise
 *     finally: t.__aexit__(False)
 * The deadline is fixed when timeout() is called (CPython: loop.time() +
 * delay); on expiry the owner task is cancelled from the timer callback,
 * as CPython's _on_timeout does, and __aexit__(True) turns the
 * CancelledError into TimeoutError. */
#define TIMEOUT_OF(w) ((ac_sync *)((char *)(w)-offsetof(ac_sync, timer)))

static void timeout_disarm(ac_sync *t) {
    ac_task *owner = t->timer.owner;
    if (t->timer.bits & B_ARMED) rt_timer_remove(rt_need_loop(), &t->timer);
    if (owner) {
        t->timer.owner = NULL;
        ac_decref(owner);
    }
}

static void timeout_arm(ac_sync *t) {
    rt_loop *L = rt_need_loop();
    t->timer.kind = W_TIMEOUT;
    rt_timer_add(L, &t->timer, t->when);
}

ac_sync *ac_timeout_at_new(double when) {
    ac_sync *t = sync_new(SY_TIMEOUT, 0);
    t->when = when;
    return t;
}

ac_sync *ac_timeout_new(double delay) { return ac_timeout_at_new(rt_loop_time(rt_need_loop()) + delay); }

void ac_timeout_aenter(ac_sync *t) {
    ac_task *cur = rt_current_or_die();
    if (!cur) return;
    if (t->value) {
        ac_raise_msg(&ac_cls_RuntimeError, "Timeout has already been entered");
        return;
    }
    t->value = 1;
    ac_incref(cur);
    t->timer.owner = cur;
    timeout_arm(t);
}

void ac_timeout_aexit(ac_sync *t, int cancelled) {
    timeout_disarm(t);
    if (cancelled && t->value == 2) ac_raise_msg(&ac_cls_TimeoutError, NULL);
}

int ac_timeout_expired(const ac_sync *t) { return t->value == 2; }
double ac_timeout_when(const ac_sync *t) { return t->when; }

void ac_timeout_reschedule(ac_sync *t, double when) {
    t->when = when;
    if (t->timer.owner && t->value == 1) {
        rt_timer_remove(rt_need_loop(), &t->timer);
        timeout_arm(t);
    }
}

static void timeout_fire(rt_loop *L, ac_wait *w) {
    ac_sync *t = TIMEOUT_OF(w);
    (void)L;
    t->value = 2;
    if (w->owner) ac_task_cancel(w->owner);
}

const rt_wait_ops rt_ops_timeout = {.fire = timeout_fire};

/* ---- primitives of other files --------------------------------------------- */

ac_sync *rt_sync_ext_new(void *ext, void (*fini)(void *ext), void (*repr)(rt_buf *b, const void *ext)) {
    ac_sync *s = sync_new(SY_EXT, 0);
    s->ext = ext;
    s->ext_fini = fini;
    s->ext_repr = repr;
    return s;
}

void *rt_sync_ext(const ac_sync *s) { return s->ext; }

/* ---- get_running_loop(): the loop as an object ---------------------------- */

/* One immortal object stands for the running loop: a program sees one
 * loop at a time, and its methods ask the runtime for the current one. */
ac_sync *ac_get_running_loop(void) {
    static ac_sync handle;
    if (!rt_cur_loop || !rt_cur_loop->current) {
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return NULL;
    }
    if (!handle.h.kind) {
        handle.h.rc = AC_IMMORTAL;
        handle.h.kind = AC_K_SYNC;
        handle.type = SY_LOOP;
    }
    return &handle;
}

/* new_event_loop(): the program's one loop under another object, which
 * can be closed (value: 1) */
ac_sync *ac_new_event_loop(void) { return sync_new(SY_LOOP, 0); }

void ac_loop_close(ac_sync *loop) {
    if (loop->h.rc >= 0) loop->value = 1; /* the running loop's object is never closed */
}

int ac_loop_is_closed(const ac_sync *loop) { return loop->value != 0; }

void ac_set_event_loop(ac_sync *loop) { (void)loop; }

double ac_loop_time(const ac_sync *loop) {
    (void)loop;
    return rt_loop_time(rt_need_loop());
}

/* ---- repr ---------------------------------------------------------------- */

void rt_sync_repr(rt_buf *b, const void *p) {
    const ac_sync *s = p;
    int64_t n = rt_sync_nwaiters(s, 0);
    switch (s->type) {
    case SY_EVENT: rt_buf_printf(b, "<asyncio.locks.Event object [%s", s->value ? "set" : "unset"); break;
    case SY_LOCK: rt_buf_printf(b, "<asyncio.locks.Lock object [%s", s->value ? "locked" : "unlocked"); break;
    case SY_SEM:
    case SY_BSEM:
        rt_buf_printf(b, "<asyncio.locks.%s object [", s->type == SY_SEM ? "Semaphore" : "BoundedSemaphore");
        if (ac_semaphore_locked(s))
            rt_buf_puts(b, "locked");
        else
            rt_buf_printf(b, "unlocked, value:%lld", (long long)s->value);
        break;
    case SY_COND:
        rt_buf_printf(b, "<asyncio.locks.Condition object [%s", s->finished->value ? "locked" : "unlocked");
        break;
    case SY_QUEUE:
        rt_buf_printf(b, "<%s maxsize=%lld",
                      s->order == AC_QUEUE_FIFO   ? "Queue"
                      : s->order == AC_QUEUE_LIFO ? "LifoQueue"
                                                  : "PriorityQueue",
                      (long long)s->maxsize);
        if (n) rt_buf_printf(b, " _getters[%lld]", (long long)n);
        if (rt_sync_nwaiters(s, 1)) rt_buf_printf(b, " _putters[%lld]", (long long)rt_sync_nwaiters(s, 1));
        if (s->unfinished) rt_buf_printf(b, " tasks=%lld", (long long)s->unfinished);
        rt_buf_putc(b, '>');
        return;
    case SY_LOOP: rt_buf_puts(b, "<_UnixSelectorEventLoop running=True closed=False debug=False>"); return;
    case SY_EXT: s->ext_repr(b, s->ext); return;
    default: rt_buf_puts(b, "<asyncio.Timeout>"); return;
    }
    if (n) rt_buf_printf(b, ", waiters:%lld", (long long)n);
    rt_buf_puts(b, "]>");
}
