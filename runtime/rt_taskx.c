/*
 * rt_taskx.c -- what a task needs only when the program asks for it:
 * its name once set, the message of a cancel(msg), the count of
 * cancellation requests (cancelling/uncancel), and the API around them
 * (current_task, get_name/set_name, exception()).
 *
 * Why a side table: the task header is 40 bytes on purpose (a sleeping
 * task costs little, see rt_sched.h), and most tasks are never named,
 * cancelled or asked for their exception.  A task with an entry has
 * TF_EXTRA set, so a lookup costs nothing for the others and task_free
 * knows when to drop the entry.  The table maps the task's address to its
 * entry (open addressing, linear probing, backward-shift deletion).
 *
 * Cancel messages follow CPython 3.11 (tasks.py, futures.py): the message
 * of the latest cancel(msg) is what the CancelledError thrown into the
 * task carries; a task that ends by that CancelledError keeps it for the
 * first awaiter or result()/exception() caller (_make_cancelled_error
 * hands the saved exception out once), later ones get a bare
 * CancelledError().
 */
#include <stdio.h>
#include <string.h>
#include "rt_sched.h"

typedef struct rt_xtask {
    ac_task *t;          /* the key (borrowed: the entry dies with the task) */
    ac_str *name;        /* set by create_task(name=) or set_name (owned) */
    ac_str *cancel_msg;  /* the latest cancel(msg)'s message (owned) */
    ac_tuple *done_args; /* args of the CancelledError it ended with, handed out once (owned) */
    int64_t ncancel;     /* _num_cancels_requested */
} rt_xtask;

static struct {
    rt_xtask **slots;
    uint32_t cap, n;
} xt;

static uint32_t slot_of(const ac_task *t) {
    uintptr_t h = (uintptr_t)t >> 3;
    h ^= h >> 17;
    h *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (uint32_t)(h >> 7) & (xt.cap - 1);
}

static rt_xtask *x_find(const ac_task *t) {
    uint32_t i;
    if (!(t->flags & TF_EXTRA)) return NULL;
    for (i = slot_of(t); xt.slots[i]; i = (i + 1) & (xt.cap - 1))
        if (xt.slots[i]->t == t) return xt.slots[i];
    return NULL;
}

static void x_insert(rt_xtask *x) {
    uint32_t i = slot_of(x->t);
    while (xt.slots[i]) i = (i + 1) & (xt.cap - 1);
    xt.slots[i] = x;
}

static void x_grow(void) {
    rt_xtask **old = xt.slots;
    uint32_t oldcap = xt.cap, i;
    xt.cap = xt.cap ? xt.cap * 2 : 16;
    xt.slots = rt_sched_alloc(xt.cap * sizeof *xt.slots);
    memset(xt.slots, 0, xt.cap * sizeof *xt.slots);
    for (i = 0; i < oldcap; i++)
        if (old[i]) x_insert(old[i]);
    rt_sched_free(old);
}

static rt_xtask *x_get(ac_task *t) {
    rt_xtask *x = x_find(t);
    if (x) return x;
    if ((xt.n + 1) * 4 > xt.cap * 3) x_grow();
    x = rt_sched_alloc(sizeof *x);
    memset(x, 0, sizeof *x);
    x->t = t;
    x_insert(x);
    xt.n++;
    t->flags |= TF_EXTRA;
    return x;
}

/* task_free: the task is gone, and so is its entry */
void rt_taskx_forget(ac_task *t) {
    uint32_t i, j;
    rt_xtask *x = x_find(t);
    if (!x) return;
    t->flags &= ~(uint32_t)TF_EXTRA;
    for (i = slot_of(t); xt.slots[i] != x; i = (i + 1) & (xt.cap - 1)) {
    }
    xt.slots[i] = NULL;
    /* backward shift: move later members of the run into the hole */
    for (j = (i + 1) & (xt.cap - 1); xt.slots[j]; j = (j + 1) & (xt.cap - 1)) {
        uint32_t home = slot_of(xt.slots[j]->t);
        if (((j - home) & (xt.cap - 1)) >= ((j - i) & (xt.cap - 1))) {
            xt.slots[i] = xt.slots[j];
            xt.slots[j] = NULL;
            i = j;
        }
    }
    xt.n--;
    ac_decref(x->name);
    ac_decref(x->cancel_msg);
    ac_decref(x->done_args);
    rt_sched_free(x);
    if (!xt.n) {
        rt_sched_free(xt.slots);
        xt.slots = NULL;
        xt.cap = 0;
    }
}

/* ---- cancellation ------------------------------------------------------- */

/* The message of the cancel() being delivered: Task.cancel(msg) passes it
 * on to what the task waits for (a child task, a gather), whose own
 * cancel() calls come back through rt_taskx_cancelled. */
static ac_str *inflight_msg;

void rt_taskx_cancelled(ac_task *t) {
    rt_xtask *x = x_get(t);
    ac_incref(inflight_msg);
    ac_decref(x->cancel_msg);
    x->cancel_msg = inflight_msg;
    x->ncancel++;
}

int ac_task_cancel_msg(ac_task *t, ac_str *msg) {
    ac_str *outer = inflight_msg;
    int r;
    inflight_msg = msg;
    r = ac_task_cancel(t);
    inflight_msg = outer;
    return r;
}

/* CancelledError for the task being cancelled (thrown into it) */
void rt_raise_cancel_of(ac_task *t) {
    rt_xtask *x = t ? x_find(t) : NULL;
    if (x && x->cancel_msg)
        ac_raise_str(&ac_cls_CancelledError, x->cancel_msg);
    else
        ac_raise_msg(&ac_cls_CancelledError, NULL);
}

/* the task ended by CancelledError e (borrowed): keep what it said */
void rt_taskx_ended_cancelled(ac_task *t, ac_exc *e) {
    rt_xtask *x;
    if (!e || (!(t->flags & TF_EXTRA) && !e->args->type->n)) return; /* a bare CancelledError: nothing to keep */
    x = x_get(t);
    ac_decref(x->done_args);
    x->done_args = ac_exc_args(e);
    ac_decref(x->cancel_msg);
    x->cancel_msg = NULL; /* Future.cancel() without a message */
}

/* awaiting or asking a cancelled task: _make_cancelled_error */
void rt_raise_cancelled_result(ac_task *t) {
    rt_xtask *x = x_find(t);
    if (x && x->done_args) {
        ac_tuple *a = x->done_args;
        x->done_args = NULL;
        ac_raise(ac_exc_new(&ac_cls_CancelledError, a));
        return;
    }
    rt_raise_cancel_of(t);
}

int64_t ac_task_cancelling(ac_task *t) {
    rt_xtask *x = x_find(t);
    return x ? x->ncancel : 0;
}

int64_t ac_task_uncancel(ac_task *t) {
    rt_xtask *x = x_find(t);
    if (!x) return 0;
    if (x->ncancel > 0) x->ncancel--;
    return x->ncancel;
}

/* ---- names ---------------------------------------------------------------- */

ac_str *ac_task_get_name(ac_task *t) {
    rt_xtask *x = x_find(t);
    char buf[32];
    if (x && x->name) {
        ac_incref(x->name);
        return x->name;
    }
    snprintf(buf, sizeof buf, "Task-%u", (unsigned)(t->flags >> TF_ID_SHIFT));
    return ac_str_from_cstr(buf);
}

void ac_task_set_name(ac_task *t, ac_str *name) {
    rt_xtask *x = x_get(t);
    ac_incref(name);
    ac_decref(x->name);
    x->name = name;
}

ac_task *ac_create_task_named(ac_task *coro, ac_str *name) {
    ac_task *t;
    if (!name) return ac_create_task(coro);
    t = rt_spawn(coro); /* a named task takes its number all the same, as CPython's C Task does */
    ac_task_set_name(t, name);
    return t;
}

/* ---- current_task, exception() ------------------------------------------ */

ac_task *ac_current_task(void) {
    ac_task *t = rt_current_or_die();
    if (t) ac_incref(t);
    return t;
}

/* the unfinished tasks of the running loop (CPython keeps them in a weak set) */
ac_set *ac_all_tasks(const ac_type *set_t) {
    rt_loop *L = rt_need_loop();
    uint32_t n, i;
    ac_task **v;
    ac_set *s;
    if (!rt_current_or_die()) return NULL;
    s = ac_set_new(set_t);
    v = rt_live_snapshot(L, &n);
    for (i = 0; i < n; i++) ac_set_add(s, ac_ptr_val(v[i])); /* the snapshot's references */
    rt_sched_free(v);
    return s;
}

ac_exc *ac_task_exception(ac_task *t) {
    if (!(t->flags & TF_DONE)) {
        ac_raise_msg(&ac_cls_InvalidStateError, "Exception is not set.");
        return NULL;
    }
    if (t->flags & TF_CANCELLED) {
        rt_raise_cancelled_result(t);
        return NULL;
    }
    t->flags |= TF_RETRIEVED;
    if (!(t->flags & TF_FAILED)) return NULL;
    ac_incref(FRET(t).p);
    return FRET(t).p;
}
