/*
 * rt_task.c -- coroutine objects and tasks: the frame pool their blocks
 * come from, the live-task array, a task's step outside the fast path
 * (rt_loop.c inlines the common one), its end (finish, done-callbacks),
 * and the asyncio/builtins task API (create_task, cancel, result, cancel(c)).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

const ac_class ac_cls_InvalidStateError = AC_CLASS("InvalidStateError", &ac_cls_Exception);

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
#define POOL_BYTES   AC_POOL_BYTES
#define POOL_NCLASS  (POOL_MAXSIZE / 8)

/* the free lists; asyncc_rt.h has inline fast paths on them */
typedef struct pool_block {
    struct pool_block *next;
} pool_block;
ac_pool_list ac_frame_pool[POOL_NCLASS + 1];

#ifdef AC_POOL_CHECKED
#include <sanitizer/asan_interface.h>
#define POOL_POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define POOL_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POOL_POISON(p, n)   ((void)0)
#define POOL_UNPOISON(p, n) ((void)0)
#endif

static inline size_t pool_size(size_t n) { return (n + 7) & ~(size_t)7; }

/* Only ASan's bound needs the length of a list: the inline fast paths
 * (asyncc_rt.h) leave it alone, which keeps a recursive await cheap. */
#ifdef AC_POOL_CHECKED
#define POOL_COUNT(c, d) (ac_frame_pool[c].n += (uint32_t)(d))
#define POOL_KEEP(c, n)  (ac_frame_pool[c].n * (n) < POOL_BYTES)
#define block_new(n)    rt_sched_alloc(n)
#else
#define SLAB_BYTES      (64 * 1024)
#define SLAB_HEAD        16 /* the slab link */
#define POOL_COUNT(c, d) ((void)0)
#define POOL_KEEP(c, n)  1

static struct slab_class {
    char *slabs;      /* this class's slabs, linked by their head */
    char *bump, *end; /* the uncarved part of the newest */
    uint32_t carved;  /* blocks carved (all on the free list: none in use) */
} slab[POOL_NCLASS + 1];

static AC_NOINLINE void *block_new(size_t n) {
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

static void *pool_get(size_t n) {
    size_t c = n / 8;
    pool_block *b;
    if (c <= POOL_NCLASS && (b = ac_frame_pool[c].head) != NULL) {
        POOL_UNPOISON(b, n);
        ac_frame_pool[c].head = b->next;
        POOL_COUNT(c, -1);
        return b;
    }
    return block_new(n);
}

static void pool_put(void *p, size_t n) {
    size_t c = n / 8;
    if (c <= POOL_NCLASS && POOL_KEEP(c, n)) {
        pool_block *b = p;
        b->next = ac_frame_pool[c].head;
        ac_frame_pool[c].head = b;
        POOL_COUNT(c, 1);
        POOL_POISON(b, n);
        return;
    }
    rt_sched_free(p);
}

#ifndef AC_POOL_CHECKED
static uint32_t free_blocks(size_t c) {
    uint32_t n = 0;
    pool_block *b;
    for (b = ac_frame_pool[c].head; b; b = b->next) n++;
    return n;
}
#endif

void rt_pool_flush(void) {
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
        if (sc->carved != free_blocks(c)) continue; /* blocks still in use */
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
AC_NOINLINE ac_wait *rt_rec_new(uint8_t kind, void *owner) {
    ac_wait *w = pool_get(sizeof(ac_wait));
    memset(w, 0, sizeof *w);
    w->kind = kind;
    w->owner = owner;
    return w;
}

AC_NOINLINE void rt_rec_free(ac_wait *w) { pool_put(w, sizeof *w); }

/* ---- coroutine objects ------------------------------------------------- */

ac_exc *rt_new_exc(const ac_class *cls, const char *msg) {
    if (msg)
        ac_raise_msg(cls, "%s", msg);
    else
        ac_raise_msg(cls, NULL);
    return ac_take_err();
}

/* CPython's repr of a task, as a done-callback's argument shows it */
void rt_task_repr(rt_buf *b, ac_task *t) {
    const ac_tb_site *def = t->vt->def;
    uint32_t f = t->flags, id = f >> TF_ID_SHIFT;
    const char *state = !(f & TF_DONE) ? "pending" : (f & TF_CANCELLED) ? "cancelled" : "finished";
    rt_buf_printf(b, "<Task %s ", state);
    if (f & TF_EXTRA) {
        ac_str *name = ac_task_get_name(t); /* NULL: out of memory, ac_err set for our caller */
        if (name) rt_buf_printf(b, "name='%s' ", name->s);
        ac_decref(name);
    } else if (id) {
        rt_buf_printf(b, "name='Task-%u' ", (unsigned)id);
    }
    rt_buf_printf(b, "coro=<%s() %s", t->vt->name ? t->vt->name : "?", (f & TF_DONE) ? "done" : "running");
    if (def) rt_buf_printf(b, ", defined at %s:%d", def->file, (int)def->line);
    rt_buf_putc(b, '>');
    if ((f & TF_DONE) && !(f & TF_CANCELLED)) {
        ac_str *r = (f & TF_FAILED) ? ac_exc_repr(FRET(t).p)
                    : (f & (TF_NORET | TF_RETAKEN)) ? ac_str_from_cstr("None")
                                                    : ac_repr_of(FRET(t), t->vt->ret);
        if (r) rt_buf_printf(b, " %s=%s", (f & TF_FAILED) ? "exception" : "result", r->s);
        ac_decref(r); /* NULL: a __repr__ raised (or memory ran out); ac_err is our caller's */
    }
    rt_buf_putc(b, '>');
}

void rt_report_unretrieved(ac_task *t, ac_exc *e, const char *what, const char *key) {
    ac_str *r = ac_exc_repr(e);
    if (!r) ac_decref(ac_take_err()); /* its __repr__ raised: the report goes on without it */
    const char *rs = r ? r->s : "<exception repr() failed>";
    const ac_tb_site *def = t->vt->def;
    uint32_t id = t->flags >> TF_ID_SHIFT;
    if (rt_has_exception_handler()) { /* the task may be on its way out: not in the context */
        ac_decref(r);
        rt_report_to_handler(rt_is_future(t) ? "Future exception was never retrieved" : what, e, NULL, NULL, NULL);
        return;
    }
    ac_flush();
    if (rt_is_future(t)) {
        fprintf(stderr, "Future exception was never retrieved\nfuture: <Future finished exception=%s>\n", rs);
        ac_decref(r);
        ac_report_uncaught(e);
        return;
    }
    fprintf(stderr, "%s\n%s: <Task finished ", what, key);
    if (t->flags & TF_EXTRA) {
        ac_str *name = ac_task_get_name(t);
        if (name) fprintf(stderr, "name='%s' ", name->s);
        else ac_decref(ac_take_err()); /* out of memory: the name is left out */
        ac_decref(name);
    } else if (id) {
        fprintf(stderr, "name='Task-%u' ", (unsigned)id);
    }
    fprintf(stderr, "coro=<%s() done", t->vt->name ? t->vt->name : "?");
    if (def) fprintf(stderr, ", defined at %s:%d", def->file, (int)def->line);
    fprintf(stderr, "> exception=%s>\n", rs);
    ac_decref(r);
    ac_report_uncaught(e);
}

/* A coroutine object dropped before it ever ran: CPython's warning.  It
 * names the line where the last reference went (often inside asyncio);
 * this one has no such line and says "sys:1", as CPython does when no
 * Python frame is running.  Once per coroutine function, as CPython's
 * default filter shows a warning once per location. */
static void warn_never_awaited(const ac_coro_vt *vt) {
    static const ac_coro_vt *warned[16];
    static unsigned nwarned;
    unsigned i;
    for (i = 0; i < nwarned && i < 16; i++)
        if (warned[i] == vt) return;
    if (nwarned < 16) warned[nwarned] = vt;
    nwarned++;
    ac_flush();
    fprintf(stderr,
            "sys:1: RuntimeWarning: coroutine '%s' was never awaited\n"
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
            vt->name ? vt->name : "?");
    fflush(stderr);
}

/* rt_obj.c's free hook for AC_K_TASK (set by ac_coro_new, which makes
 * every task): an unfinished frame is dropped, a result released. */
static void task_free(ac_obj *o) {
    ac_task *t = (ac_task *)o;
    uint32_t f = t->flags;
    if (!(f & TF_DONE)) {
        if ((f & (TF_FRESH | TF_TASK | TF_SILENT)) == TF_FRESH) warn_never_awaited(t->vt);
        if (t->vt->drop) t->vt->drop(FRAME(t));
        if (t->waiters) rt_drop_pending_callbacks(t);
    } else if (f & TF_FAILED) {
        ac_exc *e = FRET(t).p;
        if ((f & TF_TASK) && !(f & TF_RETRIEVED))
            rt_report_unretrieved(t, e, "Task exception was never retrieved", "future");
        ac_decref(e);
    } else if (!(f & (TF_NORET | TF_RETAKEN)) && rt_val_counted(t->vt->ret)) {
        ac_decref(FRET(t).p);
    }
    if (f & TF_EXTRA) rt_taskx_forget(t);
    pool_put(t, pool_size(sizeof(struct ac_task) + t->vt->frame_size));
}

ac_task *ac_coro_new(const ac_coro_vt *vt) {
    size_t n = pool_size(sizeof(struct ac_task) + vt->frame_size);
    ac_task *t = pool_get(n);
    rt_obj_free[AC_K_TASK] = task_free;
    t->h.rc = 1;
    t->h.kind = AC_K_TASK;
    t->qw.next = 0;
    t->vt = vt;
    t->waiters = 0;
    t->slot = 0;
    t->flags = TF_FRESH;
    memset(FRAME(t), 0, n - sizeof(struct ac_task));
    return t;
}

void *ac_task_frame(ac_task *t) { return FRAME(t); }

void *ac_frame_alloc_slow(size_t size) { return pool_get(pool_size(size)); }

void ac_frame_free_slow(void *frame, size_t size) { pool_put(frame, pool_size(size)); }

void rt_task_release_result(ac_task *t, ac_val *out) { *out = rt_task_value(t); }

/* ---- live tasks (creation order; asyncio.run cancels them at the end) -- */

static void live_compact(rt_loop *L) {
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

/* Holes are squeezed out when the array is full rather than as tasks
 * finish: tasks mostly finish in creation order, which leaves the holes in
 * front, and compacting when half were holes moved the survivors once per
 * half-array of finished tasks.  Compacting only when at least half are
 * holes keeps the cost per task constant; otherwise the array doubles. */
static AC_NOINLINE void live_make_room(rt_loop *L) {
    if (L->nholes >= L->nlive / 2 && L->nholes) {
        live_compact(L);
        return;
    }
    L->caplive = L->caplive ? L->caplive * 2 : 64;
    L->live = rt_sched_realloc(L->live, L->caplive * sizeof(ac_task *));
}

/* the caller sets TF_LIVE */
static inline void live_add(rt_loop *L, ac_task *t) {
    if (AC_UNLIKELY(L->nlive == L->caplive)) live_make_room(L);
    t->slot = L->nlive;
    L->live[L->nlive++] = t;
    L->npending++;
}

/* holes at the end go at once */
static AC_NOINLINE void live_trim(rt_loop *L) {
    uint32_t n = L->nlive;
    while (n && !L->live[n - 1]) n--;
    L->nholes -= L->nlive - n;
    L->nlive = n;
}

/* the caller clears TF_LIVE */
static inline void live_remove(rt_loop *L, ac_task *t) {
    L->live[t->slot] = NULL;
    L->npending--;
    L->nholes++;
    if (AC_UNLIKELY(t->slot == L->nlive - 1)) live_trim(L);
}

/* the unfinished tasks, in creation order, as new references */
ac_task **rt_live_snapshot(rt_loop *L, uint32_t *n) {
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

/* The task is finished: record the outcome, queue its done-callbacks. */
static AC_NOINLINE void task_failed(rt_loop *L, ac_task *t, ac_exc *e) {
    FRET(t).p = e;
    /* asyncio lets SystemExit out of the loop from whichever task raised it */
    if (!L->closing && !L->exiting && ac_exc_matches(e, &ac_cls_SystemExit)) {
        ac_incref(e);
        L->exiting = e;
        L->stopping = 1;
    }
}

/* The flags are read once and written once (the stores in between could
 * alias them), and nothing is called before the loop's reference goes: a
 * returning task's end costs no register saves. */
static AC_ALWAYS_INLINE void task_finish_open(rt_loop *L, ac_task *t, uint32_t how) {
    uint32_t f0 = t->flags, f = (f0 | TF_DONE | how) & ~(uint32_t)(TF_MUST_CANCEL | TF_LIVE);
    if (!(f0 & TF_QUEUED)) t->qw.leaf = NULL;
    if (f0 & TF_LIVE) live_remove(L, t);
    if (t->waiters || (f & TF_MAIN)) {
        if (!(f & TF_QUEUED)) {
            f |= TF_QUEUED;
            q_push_task(L, t);
        }
        t->flags = f;
    } else {
        t->flags = f;
        ac_decref(t); /* the loop's reference */
    }
}

void rt_task_finish(rt_loop *L, ac_task *t, uint32_t how, ac_exc *e) {
    if (how & TF_FAILED) task_failed(L, t, e);
    if (!L->closing) {
        task_finish_open(L, t, how);
        return;
    }
    set_leaf(t, NULL);
    if (t->flags & TF_LIVE) live_remove(L, t);
    t->flags = (t->flags | TF_DONE | how) & ~(uint32_t)(TF_MUST_CANCEL | TF_LIVE);
    rt_deliver_closing(L, t);
    ac_decref(t); /* the loop's reference */
}

/* run the done-callbacks of a finished task (one hop, see rt_sched.h) */
void rt_deliver(rt_loop *L, ac_task *t) {
    ac_wait *w;
    if (t->flags & TF_MAIN) { /* run_until_complete's done-callback */
        t->flags &= ~TF_MAIN;
        L->stopping = 1;
    }
    if (t->waiters & GATHER_TAG) { /* the usual one: a gather's, without a record */
        rt_gather *b = (rt_gather *)(t->waiters & ~GATHER_TAG);
        t->waiters = 0;
        rt_gather_child_done(L, b, t);
    }
    while (t->waiters) { /* a callback may add another */
        rt_gather *b;
        if ((w = rt_waiter_pop(t, &b)) != NULL) {
            if (WAIT_OPS(w)->callback) WAIT_OPS(w)->callback(L, w);
        } else if (b)
            rt_gather_child_done(L, b, t);
    }
    ac_decref(t); /* the loop's reference */
}

/* the same while the loop is closing: nothing may run */
void rt_deliver_closing(rt_loop *L, ac_task *t) {
    ac_wait *w;
    for (;;) {
        rt_gather *b;
        if ((w = rt_waiter_pop(t, &b)) == NULL) {
            if (!b) break;
            rt_gather_child_done(L, b, t);
        } else if (WAIT_OPS(w)->closing) {
            WAIT_OPS(w)->closing(L, w);
        }
    }
}

/* ---- the step outside the fast path ----------------------------------- */

/* Silently cancelled: drop the frame, finish with None. */
static void task_abandon(rt_loop *L, ac_task *t) {
    t->flags &= ~(uint32_t)TF_FRESH;
    if (t->vt->drop) t->vt->drop(FRAME(t));
    FRET(t).i = 0;
    rt_task_finish(L, t, TF_NORET, NULL);
}

/* the end of a step that finished the coroutine (AC_DONE or AC_ERROR) */
static AC_NOINLINE void task_step_done(rt_loop *L, ac_task *t, ac_status st) {
    if (st == AC_DONE && AC_UNLIKELY(ac_err != NULL)) {
        /* out of memory after the last error test (rt_obj.c): the task
         * fails with MemoryError and its result goes */
        ac_val_decref(FRET(t), t->vt->ret);
        st = AC_ERROR;
    }
    if (st == AC_DONE) {
        if (t->flags & TF_MUST_CANCEL) {
            ac_val_decref(FRET(t), t->vt->ret);
            rt_task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
        } else {
            rt_task_finish(L, t, 0, NULL);
        }
    } else {
        ac_exc *e = ac_take_err();
        if (!e) e = rt_new_exc(&ac_cls_RuntimeError, "coroutine failed without an exception");
        if (ac_exc_matches(e, &ac_cls_CancelledError)) {
            rt_taskx_ended_cancelled(t, e);
            if (t->flags & TF_MAIN) { /* asyncio.run raises this one */
                ac_decref(L->main_cancel);
                L->main_cancel = e;
            } else {
                ac_decref(e);
            }
            rt_task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
        } else {
            rt_task_finish(L, t, TF_FAILED, e);
        }
    }
}

/* The step ended in AC_YIELD: a bare yield, requeue the task for the next
 * round ([Task.__step]: "bare yield relinquishes control for one event
 * loop iteration").  TF_YIELDED tells the next step that a cancellation
 * must be thrown in before the resume.  No test for L->closing: while the
 * loop is closing no task runs. */
static inline uint32_t task_yielded(rt_loop *L, ac_task *t, uint32_t f) {
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
AC_NOINLINE void rt_task_run_slow(rt_loop *L, ac_task *t) {
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
        if (t->flags & TF_MUST_CANCEL) { /* cancelled before it ran */
            if (t->flags & TF_EXTRA) { /* the error thrown into it is what it ends with */
                ac_exc *e;
                rt_raise_cancel_of(t);
                e = ac_take_err();
                rt_taskx_ended_cancelled(t, e);
                ac_decref(e);
            }
            if (t->vt->drop) t->vt->drop(FRAME(t));
            rt_task_finish(L, t, TF_CANCELLED | TF_NORET, NULL);
            goto out;
        }
    } else if (t->flags & TF_AWAITED) { /* create_task(awaited coro) */
        t->flags &= ~TF_AWAITED;
        rt_task_finish(L, t, TF_FAILED, rt_new_exc(&ac_cls_RuntimeError, "cannot reuse already awaited coroutine"));
        goto out;
    }
    if ((t->flags & (TF_YIELDED | TF_MUST_CANCEL)) == (TF_YIELDED | TF_MUST_CANCEL)) { /* throw into the yield */
        t->flags &= ~TF_MUST_CANCEL;
        raise_cancelled();
    }
    t->flags &= ~TF_YIELDED;
    st = t->vt->resume(FRAME(t));
    rt_task_step_end(L, t, st);
out:
    L->current = prev;
    ac_decref(t);
}

/* After a step: requeue a yield, offer a pending cancel to the record the
 * task now waits on, or finish the task. */
static AC_NOINLINE void step_end_slow(rt_loop *L, ac_task *t, ac_status st) {
    uint32_t f = t->flags;
    if (st >= AC_SUSPEND) {
        if (st == AC_YIELD) f = task_yielded(L, t, f);
        if ((f & TF_MUST_CANCEL) && !(f & TF_QUEUED) && leaf_of(t) && rt_wait_cancel(L, leaf_of(t)))
            t->flags &= ~TF_MUST_CANCEL;
    } else {
        ac_incref(t);
        task_step_done(L, t, st);
        ac_decref(t);
    }
}

/* A coroutine that returned is the common end of a step that is not a
 * yield (rt_loop.c handles those and plain suspensions itself); it calls
 * nothing but the free of the task, so this costs no register saves. */
void rt_task_step_end(rt_loop *L, ac_task *t, ac_status st) {
    if (AC_LIKELY(st == AC_DONE && !(t->flags & TF_MUST_CANCEL) && ac_err == NULL && !L->closing)) {
        task_finish_open(L, t, 0);
        return;
    }
    step_end_slow(L, t, st);
}

/* ---- the task API ------------------------------------------------------ */

/* CPython numbers every task it creates, across event loops */
static uint32_t task_count;

ac_task *rt_spawn(ac_task *c) {
    rt_loop *L = rt_need_loop();
    uint32_t f = c->flags;
    if (f & TF_TASK) return c;
    if (task_count < TF_ID_MAX)
        task_count++;
    else
        task_count = TF_ID_MAX + 1u; /* no name from now on */
    f |= TF_TASK | TF_LIVE | ((task_count & TF_ID_MAX) << TF_ID_SHIFT);
    if (AC_UNLIKELY(f & TF_DONE)) /* a finished coroutine object */
        f = (f & ~(uint32_t)(TF_DONE | TF_NORET | TF_FRESH)) | TF_AWAITED;
    ac_incref(c); /* the loop's reference */
    live_add(L, c);
    if (!L->closing && !(f & TF_QUEUED)) { /* wake(), with the flags in hand */
        f |= TF_QUEUED;
        q_push_task(L, c);
    }
    c->flags = f;
    return c;
}

ac_task *ac_create_task(ac_task *coro) { return rt_spawn(coro); }

int ac_task_done(const ac_task *t) { return (t->flags & TF_DONE) != 0; }

int ac_task_cancelled(const ac_task *t) { return (t->flags & TF_CANCELLED) != 0; }

int ac_task_cancel(ac_task *t) {
    rt_loop *L = rt_need_loop();
    if (!(t->flags & TF_TASK) || (t->flags & TF_DONE)) return 0;
    if (AC_UNLIKELY(rt_is_future(t))) return rt_future_cancel(t);
    rt_taskx_cancelled(t);
    if (!(t->flags & TF_QUEUED) && t != L->current && leaf_of(t) && rt_wait_cancel(L, leaf_of(t))) return 1;
    t->flags |= TF_MUST_CANCEL;
    return 1;
}

ac_val ac_task_get_result(ac_task *t) {
    ac_val v;
    v.i = 0;
    if (!(t->flags & TF_DONE)) {
        ac_raise_msg(&ac_cls_InvalidStateError, "Result is not set.");
    } else if (t->flags & TF_CANCELLED) {
        rt_raise_cancelled_result(t);
    } else if (t->flags & TF_FAILED) {
        t->flags |= TF_RETRIEVED;
        ac_incref(FRET(t).p);
        ac_raise(FRET(t).p);
    } else {
        t->flags |= TF_RETRIEVED;
        v = rt_task_value(t);
    }
    return v;
}

ac_task *rt_current_or_die(void) {
    ac_task *cur = rt_need_loop()->current;
    if (!cur) ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
    return cur;
}

/* ---- cancel(c): silent ------------------------------------------------- */

void rt_silent_cancel(rt_loop *L, ac_task *t) {
    ac_wait *w;
    if (t->flags & TF_DONE) return;
    w = leaf_of(t); /* before the cancel, which may queue t (no leaf then) */
    t->flags |= TF_SILENT;
    ac_task_cancel(t);
    if (w && WAIT_OPS(w)->silent) WAIT_OPS(w)->silent(L, w); /* its children */
}

void ac_edge_cancel(ac_task *t) {
    rt_loop *L = rt_need_loop();
    if (!t || (t->flags & TF_DONE)) return;
    if (t->flags & TF_TASK) {
        rt_silent_cancel(L, t);
        return;
    }
    /* a coroutine object: if it never started it never will; one being
     * awaited inline cannot be stopped apart from its awaiter (as in the
     * reference runner) -- it is marked and left alone. */
    t->flags |= TF_SILENT;
}
