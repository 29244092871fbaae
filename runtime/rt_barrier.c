/*
 * rt_barrier.c -- asyncio.Barrier (3.11, locks.py).
 *
 * CPython writes Barrier on a Condition: wait() is `async with cond:`,
 * `_block` (wait_for the barrier not to be draining or resetting), count
 * in, then the last party `_release`s (draining, notify_all) while the
 * others `_wait` (wait_for it to stop filling), and `finally` counts out
 * and `_exit`s (the last one out sets it filling again, notify_all).  The
 * order in which parties wake is the Condition's, so wait(), reset() and
 * abort() here are coroutines written in C over the runtime's Condition
 * (the same await macros generated code uses); awaiting one runs it
 * inline in the awaiting task, as CPython's coroutine methods run.
 */
#include <string.h>
#include "rt_sched.h"

const ac_class ac_cls_BrokenBarrierError = AC_CLASS("BrokenBarrierError", &ac_cls_RuntimeError);

enum { FILLING, DRAINING, RESETTING, BROKEN };
static const char *const state_names[] = {"filling", "draining", "resetting", "broken"};

typedef struct rt_barrier {
    ac_sync *cond; /* owned */
    int64_t parties, count;
    int state;
} rt_barrier;

static void barrier_fini(void *p) {
    rt_barrier *b = p;
    ac_decref(b->cond);
    rt_sched_free(b);
}

static void barrier_repr(rt_buf *out, const void *p) {
    const rt_barrier *b = p;
    rt_buf_printf(out, "<asyncio.locks.Barrier object [%s", state_names[b->state]);
    if (b->state != BROKEN)
        rt_buf_printf(out, ", waiters:%lld/%lld", (long long)(b->state == FILLING ? b->count : 0),
                      (long long)b->parties);
    rt_buf_puts(out, "]>");
}

ac_sync *ac_barrier_new(int64_t parties) {
    rt_barrier *b;
    if (parties < 1) {
        ac_raise_msg(&ac_cls_ValueError, "parties must be > 0");
        return NULL;
    }
    b = rt_sched_alloc(sizeof *b);
    memset(b, 0, sizeof *b);
    b->cond = ac_condition_new(NULL);
    b->parties = parties;
    return rt_sync_ext_new(b, barrier_fini, barrier_repr);
}

static rt_barrier *bar(ac_sync *s) { return rt_sync_ext(s); }

int64_t ac_barrier_parties(ac_sync *s) { return bar(s)->parties; }
int64_t ac_barrier_n_waiting(ac_sync *s) { return bar(s)->state == FILLING ? bar(s)->count : 0; }
int ac_barrier_broken(ac_sync *s) { return bar(s)->state == BROKEN; }

/* _exit: the last party out lets the next round fill */
static void barrier_exit(rt_barrier *b) {
    if (b->count == 0) {
        if (b->state == RESETTING || b->state == DRAINING) b->state = FILLING;
        ac_condition_notify_all(b->cond);
    }
}

/* release the condition's lock on the way out, keeping the error */
static void unlock_keeping_err(ac_sync *cond) {
    ac_exc *e = ac_take_err();
    ac_condition_release(cond);
    if (e) ac_raise(e);
}

/* ---- wait() ------------------------------------------------------------------ */

typedef struct wait_frame {
    ac_val ret;
    uint8_t state;
    uint8_t locked, counted;
    ac_sync *s; /* owned until the coroutine ends */
    int64_t index;
    ac_wait w;
} wait_frame;

static ac_status wait_resume(void *p) {
    wait_frame *f = p;
    rt_barrier *b = bar(f->s);
    ac_status st;
    switch (f->state) {
    case 1: goto resume_1;
    case 2: goto resume_2;
    case 3: goto resume_3;
    }
    AC_AWAIT(1, &f->w, ac_condition_acquire_begin(&f->w, b->cond), goto fail);
    ac_wait_result(&f->w);
    f->locked = 1;
    while (b->state == DRAINING || b->state == RESETTING) { /* _block */
        AC_AWAIT(2, &f->w, ac_condition_wait_begin(&f->w, b->cond), goto fail);
        ac_wait_result(&f->w);
    }
    if (b->state == BROKEN) {
        ac_raise_msg(&ac_cls_BrokenBarrierError, "Barrier aborted");
        goto fail;
    }
    f->index = b->count++;
    f->counted = 1;
    if (f->index + 1 == b->parties) { /* _release */
        b->state = DRAINING;
        ac_condition_notify_all(b->cond);
    } else { /* _wait */
        while (b->state == FILLING) {
            AC_AWAIT(3, &f->w, ac_condition_wait_begin(&f->w, b->cond), goto fail);
            ac_wait_result(&f->w);
        }
        if (b->state == BROKEN || b->state == RESETTING) {
            ac_raise_msg(&ac_cls_BrokenBarrierError, "Abort or reset of barrier");
            goto fail;
        }
    }
    b->count--;
    barrier_exit(b);
    ac_condition_release(b->cond);
    f->ret.i = f->index;
    ac_decref(f->s);
    f->s = NULL;
    return AC_DONE;
fail:
    if (f->counted) { /* finally: */
        b->count--;
        barrier_exit(b);
    }
    if (f->locked) unlock_keeping_err(b->cond);
    ac_decref(f->s);
    f->s = NULL;
    return AC_ERROR;
}

static void wait_drop(void *p) {
    wait_frame *f = p;
    ac_wait_drop(&f->w);
    ac_decref(f->s);
}

static const ac_coro_vt wait_vt = {wait_resume, wait_drop, "wait", &ac_t_int, sizeof(wait_frame), NULL};

ac_task *ac_barrier_wait(ac_sync *s) {
    ac_task *c = ac_coro_new(&wait_vt);
    ac_incref(s);
    AC_TASK_FRAME(c, wait_frame)->s = s;
    return c;
}

/* ---- reset(), abort() ------------------------------------------------------- */

typedef struct set_frame {
    ac_val ret;
    uint8_t state;
    uint8_t abort;
    ac_sync *s;
    ac_wait w;
} set_frame;

static ac_status set_resume(void *p) {
    set_frame *f = p;
    rt_barrier *b = bar(f->s);
    ac_status st;
    switch (f->state) {
    case 1: goto resume_1;
    }
    AC_AWAIT(1, &f->w, ac_condition_acquire_begin(&f->w, b->cond), goto fail);
    ac_wait_result(&f->w);
    if (f->abort)
        b->state = BROKEN;
    else if (b->count > 0)
        b->state = RESETTING;
    else
        b->state = FILLING;
    ac_condition_notify_all(b->cond);
    ac_condition_release(b->cond);
    ac_decref(f->s);
    f->s = NULL;
    return AC_DONE;
fail:
    ac_decref(f->s);
    f->s = NULL;
    return AC_ERROR;
}

static void set_drop(void *p) {
    set_frame *f = p;
    ac_wait_drop(&f->w);
    ac_decref(f->s);
}

static const ac_coro_vt reset_vt = {set_resume, set_drop, "reset", &ac_t_none, sizeof(set_frame), NULL};
static const ac_coro_vt abort_vt = {set_resume, set_drop, "abort", &ac_t_none, sizeof(set_frame), NULL};

static ac_task *set_coro(ac_sync *s, int abort) {
    ac_task *c = ac_coro_new(abort ? &abort_vt : &reset_vt);
    ac_incref(s);
    AC_TASK_FRAME(c, set_frame)->s = s;
    AC_TASK_FRAME(c, set_frame)->abort = (uint8_t)abort;
    return c;
}

ac_task *ac_barrier_reset(ac_sync *s) { return set_coro(s, 0); }
ac_task *ac_barrier_abort(ac_sync *s) { return set_coro(s, 1); }
