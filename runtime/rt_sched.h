/*
 * rt_sched.h -- the scheduler: what its files share, and why it is built
 * the way it is.  Generated code never includes it; the runtime tests do.
 *
 *   rt_loop.c    the ready queue, the timer heap, one round (rt_run_once)
 *                with the task step inlined in it, asyncio.run's shutdown
 *   rt_task.c    coroutine objects and tasks, the frame pool, a task's end
 *                (finish, done-callbacks), Task.cancel and cancel(c)
 *   rt_wait.c    wait records: the table of operations per wait kind and
 *                the entry points that dispatch on it, sleep, await
 *   rt_gather.c  gather (both spellings), wait_for, with_timeout
 *   rt_host.c    receive(), frame() and deferred host calls
 *   rt_sync.c    Event, Lock, Semaphore, queues
 *   rt_taskx.c   task names, cancel messages and counts (a side table)
 *   rt_waitset.c asyncio.wait, shield, as_completed
 *   rt_callback.c, rt_future.c, rt_taskgroup.c, rt_barrier.c
 *                done-callbacks, futures and handles, TaskGroup, Barrier
 *   rt_clock.c   the clock and the allocator hook
 *
 * THE HOP MODEL
 * =============
 * Output is compared byte for byte with CPython 3.11 running the same
 * program on a virtual clock, so the scheduler reproduces asyncio's
 * callback hops, not just its semantics.  Vocabulary: a "hop" is one entry
 * of the ready queue, i.e. one loop.call_soon().
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
 * timers wait in the heap meanwhile, see fire_due in rt_loop.c).
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
 *   wait(fs), shield(t)   a task's done-callback (hop 1) sets the waiter
 *                         future, whose wakeup steps the task (hop 2)
 *                                                         [tasks._wait, shield]
 *   TaskGroup __aexit__   the last child's _on_task_done (hop 1) sets
 *                         on_completed_fut, the parent steps (hop 2)
 *   add_done_callback(f)  f runs with the task's other callbacks, in
 *                         registration order (hop 1)     [Future]
 *   call_soon(f)          hop 1; call_later: when due, like sleep's timer
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
#ifndef ASYNCC_RT_SCHED_H
#define ASYNCC_RT_SCHED_H

#include <signal.h>
#include "rt_internal.h"

/* The scheduler changes counts several times per task (the loop's
 * reference, a step's, the awaited object's): a call for each was a tenth
 * of a task's life in bench/event.py.  The same fast paths as generated
 * code's (asyncc_rt.h); a name used as a function pointer stays the
 * out-of-line function. */
#define ac_incref(o) ac_incref_inline(o)
#define ac_decref(o) ac_decref_inline(o)

#if defined(__GNUC__) || defined(__clang__)
#define AC_NOINLINE      __attribute__((noinline))
#define AC_ALWAYS_INLINE inline __attribute__((always_inline))
#else
#define AC_NOINLINE
#define AC_ALWAYS_INLINE inline
#endif

/* The task header.  Layout (LP64): 40 bytes, a multiple of 8 so the frame
 * that follows is aligned for every type a frame holds (pool blocks are
 * 8-aligned, see the frame pool in rt_task.c).
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
    union {
        uintptr_t next;
        ac_wait *leaf;
    } qw;
    const ac_coro_vt *vt;
    uintptr_t waiters;
    uint32_t slot;
    uint32_t flags;
};

enum {
    TF_TASK = 1u << 0,  /* scheduled as a task */
    TF_FRESH = 1u << 1, /* resume has not run yet (set by ac_coro_new) */
    TF_DONE = 1u << 2,
    TF_FAILED = 1u << 3,      /* done, frame->ret.p is the exception (owned) */
    TF_CANCELLED = 1u << 4,   /* done by cancellation */
    TF_NORET = 1u << 5,       /* done, nothing to release in frame->ret */
    TF_MUST_CANCEL = 1u << 6, /* CPython's _must_cancel */
    TF_QUEUED = 1u << 7,      /* in the ready queue */
    TF_RETRIEVED = 1u << 8,   /* exception/result was looked at */
    TF_SILENT = 1u << 9,      /* Edge silent cancel requested */
    TF_EXTRA = 1u << 10,      /* has an entry in rt_taskx.c's side table */
    TF_MAIN = 1u << 11,       /* asyncio.run's main: stop the loop when done */
    TF_AWAITED = 1u << 12,    /* awaited inline as a coroutine */
    TF_LIVE = 1u << 13,       /* counted in the loop's live array */
    TF_RETAKEN = 1u << 14,    /* result moved out (ret is empty) */
    TF_YIELDED = 1u << 15     /* suspended by AC_YIELD (no wait record) */
};
/* The bits above the flags hold the task's number (CPython's 'Task-N',
 * counted from 1 by rt_spawn) while it fits; 0 means it did not.  They
 * share the word so that the header keeps its 40 bytes. */
#define TF_ID_SHIFT 16
#define TF_ID_MAX   0xFFFFu

/* AC_TASK_FRAME (asyncc_rt.h) adds AC_TASK_HEAD */
typedef char rt_task_head_size_check[sizeof(struct ac_task) == AC_TASK_HEAD ? 1 : -1];

#define FRAME(t) ((void *)((char *)(t) + sizeof(struct ac_task)))
#define FRET(t)  (((ac_val *)FRAME(t))[0])

typedef double (*rt_time_fn)(void *ud);
typedef void (*rt_sleep_fn)(double seconds, void *ud);

/* asyncc.h calls it asyncc_loop */
typedef struct asyncc_loop {
    /* ready queue: entries run in the current iteration, entries for the
     * next one (CPython runs exactly the callbacks ready at the start of an
     * iteration; whatever they schedule runs in the next). */
    uintptr_t cur_head, next_head; /* no pushes to cur: it needs no tail */
    uintptr_t *next_link;          /* where the next push links in */
    /* timers: a binary heap of armed records on (deadline, sequence); an
     * armed record keeps both in its own link and obj fields (rt_loop.c) */
    ac_wait **heap;
    uint32_t nheap, capheap;
    uint64_t timer_seq;
    /* live (not finished) tasks, in creation order, with holes */
    ac_task **live;
    uint32_t nlive, caplive, nholes, npending;
    /* clock */
    int virtual_clock;
    double vnow;
    rt_time_fn time_fn;
    rt_sleep_fn sleep_fn;
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
    /* the CancelledError that ended the main task (asyncio.run raises it,
     * traceback and all); owned */
    ac_exc *main_cancel;
    ac_exc *exiting; /* a task ended with SystemExit, which leaves the loop (a reference) */
    uint64_t iterations;
} rt_loop;

extern rt_loop *rt_cur_loop;

/* ---- wait records ------------------------------------------------------ */

/* wait record kinds: the index into rt_wait_kinds (rt_wait.c) */
enum {
    W_IDLE = 0,
    W_SLEEP0,   /* sleep(<=0): the owner is in the ready queue */
    W_SLEEP,    /* timer */
    W_CORO,     /* coroutine object run inline */
    W_TASK,     /* awaiting a task: listed on its waiters */
    W_GATHER,   /* asyncio.gather: obj is the gather block */
    W_EGATHER,  /* builtins gather */
    W_WAITFOR,  /* asyncio.wait_for: timer + listed on the child */
    W_WTIMEOUT, /* builtins with_timeout */
    W_GNODE,    /* a gather child's done-callback, when it needs a record */
    W_TPROXY,   /* the timer of a record that is also listed (owner) */
    W_VALUE,    /* finished at once; obj is the result object */
    W_RECV,     /* receive(): listed on the loop's receivers */
    W_FRAME,    /* frame(): listed on the loop's frame waiters */
    W_HOST,     /* deferred host call: idx is the call slot */
    W_EVENT,    /* Event.wait, Queue.join: listed on the event (rt_sync.c) */
    W_LOCK,     /* Lock.acquire: listed on the lock */
    W_SEM,      /* Semaphore.acquire: listed on the semaphore */
    W_QGET,     /* Queue.get: listed on the getters */
    W_QPUT,     /* Queue.put: listed on the putters */
    W_COND,     /* Condition.wait: on the condition, then on its lock */
    W_TIMEOUT,  /* asyncio.timeout()'s timer: cancels its task (rt_sync.c) */
    W_WAITSET,  /* asyncio.wait: obj is the block (rt_waitset.c) */
    W_WNODE,    /* asyncio.wait's done-callback on one task */
    W_FCALL,    /* a done-callback that is a function (rt_callback.c) */
    W_SHIELD,   /* asyncio.shield: obj is the inner task (rt_waitset.c) */
    W_TGEXIT,   /* TaskGroup.__aexit__ waiting for the children (rt_taskgroup.c) */
    W_TGNODE,   /* a TaskGroup child's done-callback */
    W_HANDLE,   /* call_soon/call_later's handle (rt_future.c) */
    W_ACNODE,   /* as_completed's done-callback (rt_waitset.c) */
    W_ACTIMER,  /* as_completed's timeout */
    W_TRUE,     /* finished with the result True, holds nothing (Event, Lock, Semaphore) */
    W_NKINDS
};

/* a gather's state (rt_gather.c) */
typedef struct rt_gather rt_gather;

/* outcome (st) */
enum { ST_PENDING = 0, ST_READY, ST_CANCELLED, ST_DONE, ST_NONE };

/* bits */
enum {
    B_ARMED = 1,     /* in the timer heap (idx) */
    B_LISTED = 4,    /* in obj's waiters list */
    B_QUEUED = 8,    /* in the ready queue as a callback entry */
    B_RELEASED = 16, /* the waiter future is done (wait_for, gathers) */
    B_PHASE2 = 32,   /* wait_for: waiting for the cancelled child */
    B_BYCANCEL = 64  /* wait_for: phase 2 because the caller was cancelled */
};

/* What the scheduler does with a record of one kind, at each point where
 * the kind matters.  Why a table: every primitive (sleep, task, gather,
 * wait_for, ...) differs at the same handful of points, so a primitive is
 * one row of rt_wait_kinds (rt_wait.c) filled by the file that implements
 * it, instead of one case in each of several switches spread over the
 * scheduler.  A NULL entry means "nothing to do" (result: None; end: not
 * a record a frame awaits on, ac_wait_end raises RuntimeError). */
typedef struct rt_wait_ops {
    /* ac_wait_end once the task runs again: AC_DONE, AC_ERROR (record
     * idle), or AC_SUSPEND to keep waiting (the leaf set again) */
    ac_status (*end)(rt_loop *L, ac_wait *w, ac_task *cur);
    /* ac_wait_result: the value, moved out (the record is idled after) */
    ac_val (*result)(rt_loop *L, ac_wait *w);
    /* Future.cancel() of what the task waits on: 1 if the task will be
     * woken with the record cancelled (Task.cancel's first move) */
    int (*cancel)(rt_loop *L, ac_wait *w);
    /* ac_wait_drop: detach from timer heap, waiter lists, slots */
    void (*drop)(rt_loop *L, ac_wait *w);
    /* the record is idled: release what obj held */
    void (*release)(void *obj);
    /* a done-callback: the task this record is listed on has finished */
    void (*callback)(rt_loop *L, ac_wait *w);
    /* the same while the loop is closing (no task may run) */
    void (*closing)(rt_loop *L, ac_wait *w);
    /* the record's timer is due */
    void (*fire)(rt_loop *L, ac_wait *w);
    /* cancel(c) reached the task waiting here: children it started too */
    void (*silent)(rt_loop *L, ac_wait *w);
} rt_wait_ops;

extern const rt_wait_ops *const rt_wait_kinds[W_NKINDS];
#define WAIT_OPS(w) (rt_wait_kinds[(w)->kind])

/* the rows, each defined by the file that implements the primitive */
extern const rt_wait_ops rt_ops_idle, rt_ops_sleep0, rt_ops_sleep, rt_ops_coro, rt_ops_task, rt_ops_value,
    rt_ops_gather, rt_ops_egather, rt_ops_wait_for, rt_ops_with_timeout, rt_ops_gnode, rt_ops_tproxy, rt_ops_recv,
    rt_ops_frame, rt_ops_host, rt_ops_event, rt_ops_lock, rt_ops_sem, rt_ops_qget, rt_ops_qput, rt_ops_cond,
    rt_ops_timeout, rt_ops_waitset, rt_ops_wnode, rt_ops_fcall, rt_ops_shield, rt_ops_tgexit, rt_ops_tgnode, rt_ops_handle, rt_ops_acnode,
    rt_ops_actimer, rt_ops_true;

/* ---- the hot path, inline in every file -------------------------------- */

#define TAG_WAIT ((uintptr_t)1)

/* A queue entry is a task pointer, or a wait record's address with
 * TAG_WAIT set; the link word is t->qw.next or the record's link field.  The
 * loop tests the tag once and then reads the task's fields directly. */
#define TASK_E(t) ((uintptr_t)(t))
#define E_TASK(e) ((ac_task *)(e))

/* The leaf record shares its word with the queue link (see the task
 * header): a queued task has no leaf as far as anyone can tell, and setting
 * one while it is queued is a no-op (the step that follows re-sets it). */
static inline ac_wait *leaf_of(const ac_task *t) { return (t->flags & TF_QUEUED) ? NULL : t->qw.leaf; }

static inline void set_leaf(ac_task *t, ac_wait *w) {
    if (!(t->flags & TF_QUEUED)) t->qw.leaf = w;
}

/* Pushing appends at L->next_link, the link word of the last entry (or
 * next_head itself when the list is empty): no branch. */
static inline void q_push_wait(rt_loop *L, ac_wait *w) {
    w->link = 0;
    *L->next_link = (uintptr_t)w | TAG_WAIT;
    L->next_link = &w->link;
}

static inline void q_push_task(rt_loop *L, ac_task *t) {
    t->qw.next = 0;
    *L->next_link = TASK_E(t);
    L->next_link = &t->qw.next;
}

static inline void wake(rt_loop *L, ac_task *t) {
    if (L->closing || (t->flags & (TF_QUEUED | TF_DONE))) return;
    t->flags |= TF_QUEUED;
    q_push_task(L, t);
}

rt_loop *rt_default_loop(void);

/* the current loop; the default one (own clock) if nobody set one */
static inline rt_loop *rt_need_loop(void) {
    if (AC_UNLIKELY(!rt_cur_loop)) return rt_default_loop();
    return rt_cur_loop;
}

/* Consume a pending _must_cancel of the current task (the CancelledError
 * thrown into the coroutine at its leaf await). */
static inline int take_must_cancel(ac_task *cur) {
    if (cur && (cur->flags & TF_MUST_CANCEL)) {
        cur->flags &= ~TF_MUST_CANCEL;
        return 1;
    }
    return 0;
}

/* CancelledError with the message of the current task's cancel(msg) */
void rt_raise_cancel_of(ac_task *t);
static inline void raise_cancelled(void) { rt_raise_cancel_of(rt_cur_loop ? rt_cur_loop->current : NULL); }

/* ---- clock and allocator hooks (rt_clock.c) ---------------------------- */
double rt_loop_time(rt_loop *L);
void rt_loop_sleep(rt_loop *L, double seconds);
void rt_clock_default(rt_loop *L); /* reads ASYNCC_CLOCK */
void *rt_sched_alloc(size_t n);
void *rt_sched_realloc(void *p, size_t n);
void rt_sched_free(void *p);
void rt_set_allocator(void *(*alloc)(void *ud, void *old, size_t n), void *ud);
uint64_t rt_alloc_count(void); /* allocations through the hook */

/* ---- the loop (rt_loop.c) ---------------------------------------------- */
void rt_loop_init(rt_loop *L);
void rt_loop_fini(rt_loop *L); /* drops everything still pending */
/* Set by a standalone program's SIGINT handler (rt_main.c); asyncio.run
 * looks at it once per loop round and the monotonic sleep returns early. */
extern volatile sig_atomic_t rt_interrupted;
/* One CPython _run_once.  nonblock: do not wait/advance the clock even if
 * nothing is ready.  Returns 0 when there was nothing at all to do. */
int rt_run_once(rt_loop *L, int nonblock);
/* asyncio.run's end: cancel what is left and run it to completion. */
void rt_shutdown(rt_loop *L);
int rt_has_ready(rt_loop *L);
void rt_task_step(rt_loop *L, ac_task *t); /* Task.__step, now */
void rt_q_remove(rt_loop *L, uintptr_t e); /* unlink a queued entry */
void rt_queue_callback(rt_loop *L, ac_wait *w);
void rt_timer_add(rt_loop *L, ac_wait *w, double when);
void rt_timer_remove(rt_loop *L, ac_wait *w); /* no-op when not armed */
double rt_next_deadline(rt_loop *L, int *has);
/* an armed timer record's deadline and insertion sequence (tests) */
double rt_timer_when(const ac_wait *w);
uint64_t rt_timer_seq(const ac_wait *w);

/* ---- tasks (rt_task.c) ------------------------------------------------- */
void rt_pool_flush(void);                       /* free the pooled frames */
ac_wait *rt_rec_new(uint8_t kind, void *owner); /* a pooled record */
void rt_rec_free(ac_wait *w);
ac_task *rt_spawn(ac_task *coro); /* ensure_future: steals */
void rt_task_run_slow(rt_loop *L, ac_task *t);
void rt_task_step_end(rt_loop *L, ac_task *t, ac_status st);
void rt_task_finish(rt_loop *L, ac_task *t, uint32_t how, ac_exc *e);
void rt_deliver(rt_loop *L, ac_task *t); /* run done-callbacks */
void rt_deliver_closing(rt_loop *L, ac_task *t);
/* does a value of type t hold a reference (ac_val_incref's test, inline:
 * a task's result is mostly an int or None) */
static inline int rt_val_counted(const ac_type *t) { return t && t->kind >= AC_K_STR; }
/* the task's result as a new reference (None for NORET) */
static inline ac_val rt_task_value(ac_task *t) {
    ac_val v;
    if (t->flags & (TF_NORET | TF_RETAKEN)) {
        v.i = 0;
        return v;
    }
    v = FRET(t);
    if (rt_val_counted(t->vt->ret)) ac_incref(v.p);
    return v;
}
void rt_task_release_result(ac_task *t, ac_val *out); /* new ref of ret */
void rt_silent_cancel(rt_loop *L, ac_task *t);        /* builtins cancel(c) */
ac_task **rt_live_snapshot(rt_loop *L, uint32_t *n);  /* new refs */
/* CPython's exception handler output: what, "key: <Task ...>", traceback */
void rt_report_unretrieved(ac_task *t, ac_exc *e, const char *what, const char *key);
void rt_task_repr(rt_buf *b, ac_task *t);
/* rt_exchandler.c: the loop's exception handler */
void rt_report_to_handler(const char *message, ac_exc *e, const char *key, ac_obj *value, const char *what);
int rt_has_exception_handler(void);
void rt_callback_source(rt_buf *b, const char *name, const ac_tuple *args, ac_task *fut);
void rt_exchandler_fini(void);
ac_exc *rt_new_exc(const ac_class *cls, const char *msg);
ac_task *rt_current_or_die(void); /* RuntimeError when none */

/* ---- names, cancel messages and counts (rt_taskx.c) -------------------- */
void rt_taskx_forget(ac_task *t);    /* task_free */
void rt_taskx_cancelled(ac_task *t); /* Task.cancel() counted, its message kept */
void rt_taskx_ended_cancelled(ac_task *t, ac_exc *e); /* ended by CancelledError e */
void rt_raise_cancelled_result(ac_task *t);            /* awaiting a cancelled task */

/* ---- wait records (rt_wait.c) ------------------------------------------ */
void rt_wait_idle(ac_wait *w); /* release what it owns, zero it */
int rt_wait_cancel(rt_loop *L, ac_wait *w);
ac_status rt_raise_idle(ac_wait *w, const ac_class *cls);
ac_status rt_task_outcome(ac_wait *w, ac_task *t); /* a finished task's */
/* row entries several kinds share */
ac_val rt_child_result(rt_loop *L, ac_wait *w); /* the awaited task's */
ac_val rt_obj_result(rt_loop *L, ac_wait *w);   /* obj, moved out */
void rt_release_obj(void *obj);                 /* decref */
/* the records waiting on a task (its done-callbacks) */
void rt_waiter_append(ac_task *t, ac_wait *w);
ac_wait *rt_waiter_pop(ac_task *t, rt_gather **gb);
void rt_unhook(rt_loop *L, ac_wait *w); /* off the child's list / queue */
ac_wait *rt_waiter_next(const ac_task *t, const ac_wait *w); /* walk t's list; NULL: its first */
void rt_gather_hook(rt_loop *L, rt_gather *b, ac_task *t);
/* t->waiters of a task whose only waiter is gather block b: b | GATHER_TAG */
#define GATHER_TAG ((uintptr_t)1)

/* ---- gather (rt_gather.c) ---------------------------------------------- */
void rt_gather_child_done(rt_loop *L, rt_gather *b, ac_task *t);

/* ---- Event, Lock, Semaphore, queues (rt_sync.c) ------------------------- */
int64_t rt_sync_nwaiters(const ac_sync *s, int putters); /* tests */
/* a primitive another file implements on an ac_sync: its state and how to free it */
ac_sync *rt_sync_ext_new(void *ext, void (*fini)(void *ext), void (*repr)(rt_buf *b, const void *ext));
void *rt_sync_ext(const ac_sync *s);

/* ---- futures and handles (rt_future.c) ---------------------------------- */
int rt_is_future(const ac_task *t);
int rt_future_cancel(ac_task *t); /* Future.cancel(): done at once */

/* ---- receive(), frame(), host calls (rt_host.c) ------------------------- */
void rt_push_event(rt_loop *L, ac_str *s); /* steals s */
void rt_frame_tick(rt_loop *L);
int rt_call_return(rt_loop *L, ac_call_id id, ac_val v);
int rt_call_raise(rt_loop *L, ac_call_id id, ac_exc *e); /* steals e */
void rt_host_fini(rt_loop *L);                           /* drop queued events and slots */

#endif
