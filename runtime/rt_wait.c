/*
 * rt_wait.c -- wait records: the table of operations per wait kind and the
 * entry points of the await protocol that dispatch on it (ac_wait_end,
 * ac_wait_result, ac_wait_drop, cancellation), the records waiting on a
 * task (its done-callbacks), and the primitives sleep and await
 * coroutine/task.  gather/wait_for/with_timeout are in rt_gather.c,
 * receive/frame/host calls in rt_host.c.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

/* One row per wait kind (the kinds are listed in rt_sched.h, which says
 * why this is a table).  A new primitive: a W_ kind, its rt_wait_ops in the
 * file that implements it, and its row here. */
const rt_wait_ops *const rt_wait_kinds[W_NKINDS] = {
    [W_IDLE] = &rt_ops_idle,       [W_SLEEP0] = &rt_ops_sleep0,    [W_SLEEP] = &rt_ops_sleep,
    [W_CORO] = &rt_ops_coro,       [W_TASK] = &rt_ops_task,        [W_GATHER] = &rt_ops_gather,
    [W_EGATHER] = &rt_ops_egather, [W_WAITFOR] = &rt_ops_wait_for, [W_WTIMEOUT] = &rt_ops_with_timeout,
    [W_GNODE] = &rt_ops_gnode,     [W_TPROXY] = &rt_ops_tproxy,    [W_VALUE] = &rt_ops_value,
    [W_RECV] = &rt_ops_recv,       [W_FRAME] = &rt_ops_frame,      [W_HOST] = &rt_ops_host,
    [W_EVENT] = &rt_ops_event,     [W_LOCK] = &rt_ops_lock,        [W_SEM] = &rt_ops_sem,
    [W_QGET] = &rt_ops_qget,       [W_QPUT] = &rt_ops_qput,        [W_COND] = &rt_ops_cond,
    [W_TIMEOUT] = &rt_ops_timeout, [W_WAITSET] = &rt_ops_waitset, [W_WNODE] = &rt_ops_wnode,
    [W_FCALL] = &rt_ops_fcall,     [W_SHIELD] = &rt_ops_shield,    [W_TGEXIT] = &rt_ops_tgexit,
    [W_TGNODE] = &rt_ops_tgnode,   [W_HANDLE] = &rt_ops_handle,
    [W_ACNODE] = &rt_ops_acnode,   [W_ACTIMER] = &rt_ops_actimer, [W_TRUE] = &rt_ops_true};

/* ---- the await protocol (asyncc_rt.h) ----------------------------------- */

/* Release what a completed or abandoned record still owns; idle it.  Only
 * records in frames come here, so the owner is a task (or NULL). */
static inline void wait_idle(ac_wait *w) {
    void *obj = w->obj;
    const rt_wait_ops *ops = WAIT_OPS(w);
    if (w->owner) {
        ac_task *o = w->owner;
        if (leaf_of(o) == w) set_leaf(o, NULL);
    }
    memset(w, 0, sizeof *w);
    if (ops->release) ops->release(obj);
}

void rt_wait_idle(ac_wait *w) { wait_idle(w); }

void ac_wait_drop(ac_wait *w) {
    rt_loop *L;
    if (!w || w->kind == W_IDLE) return;
    L = rt_need_loop();
    if (WAIT_OPS(w)->drop) WAIT_OPS(w)->drop(L, w);
    rt_wait_idle(w);
}

/* Future.cancel() of what the task waits on (Task.cancel's first move). */
int rt_wait_cancel(rt_loop *L, ac_wait *w) { return WAIT_OPS(w)->cancel ? WAIT_OPS(w)->cancel(L, w) : 0; }

/* ---- ac_wait_end / ac_wait_result ------------------------------------- */

static ac_status wait_end_slow(ac_wait *w);

ac_status ac_wait_end(ac_wait *w) {
    rt_loop *L = rt_cur_loop;
    ac_task *cur;
    if (AC_LIKELY(w->kind == W_SLEEP0 && L && (cur = L->current) != NULL && !(cur->flags & TF_MUST_CANCEL))) {
        if (leaf_of(cur) == w) set_leaf(cur, NULL);
        w->st = ST_DONE;
        return AC_DONE;
    }
    return wait_end_slow(w);
}

static AC_NOINLINE ac_status wait_end_slow(ac_wait *w) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = L->current;
    if (cur && leaf_of(cur) == w) set_leaf(cur, NULL);
    if (AC_UNLIKELY(!WAIT_OPS(w)->end)) { /* idle, or not a frame's record */
        ac_raise_msg(&ac_cls_RuntimeError, "ac_wait_end on an idle wait");
        return AC_ERROR;
    }
    return WAIT_OPS(w)->end(L, w, cur);
}

static ac_val wait_result_slow(ac_wait *w);

ac_val ac_wait_result(ac_wait *w) {
    if (AC_LIKELY(w->kind == W_SLEEP0)) {
        /* owns nothing; ac_wait_end already unhooked it from the owner */
        ac_task *o = w->owner;
        ac_val v;
        if (o && leaf_of(o) == w) set_leaf(o, NULL);
        memset(w, 0, sizeof *w);
        v.i = 0;
        return v;
    }
    if (w->kind == W_TRUE) { /* its end released what it held */
        memset(w, 0, sizeof *w);
        return ac_int_val(1);
    }
    return wait_result_slow(w);
}

static AC_NOINLINE ac_val wait_result_slow(ac_wait *w) {
    ac_val v;
    if (WAIT_OPS(w)->result) {
        v = WAIT_OPS(w)->result(rt_need_loop(), w);
    } else {
        v.i = 0;
    }
    wait_idle(w);
    return v;
}

/* idle the record, raise cls() */
ac_status rt_raise_idle(ac_wait *w, const ac_class *cls) {
    rt_wait_idle(w);
    if (cls == &ac_cls_CancelledError)
        raise_cancelled(); /* with the message of the task's cancel(msg) */
    else
        ac_raise_msg(cls, NULL);
    return AC_ERROR;
}

/* the outcome of a finished task as an await result */
ac_status rt_task_outcome(ac_wait *w, ac_task *t) {
    if (t->flags & TF_CANCELLED) {
        ac_incref(t);
        rt_wait_idle(w); /* may release t */
        rt_raise_cancelled_result(t);
        ac_decref(t);
        return AC_ERROR;
    }
    if (t->flags & TF_FAILED) {
        ac_exc *e = FRET(t).p;
        t->flags |= TF_RETRIEVED;
        ac_incref(e);
        rt_wait_idle(w); /* may free t */
        ac_raise(e);
        return AC_ERROR;
    }
    t->flags |= TF_RETRIEVED;
    w->st = ST_DONE;
    return AC_DONE;
}

/* ---- waiter lists (circular, the task keeps the tail) ------------------ */
/* A gather child's done-callback costs no record when the gather is the
 * child's only waiter (the usual case): t->waiters is then the gather block
 * with GATHER_TAG.  A second waiter turns the tag into a W_GNODE record
 * (pooled, freed when its callback runs) at the head of a real list. */

static inline rt_gather *waiters_gather(const ac_task *t) {
    return (t->waiters & GATHER_TAG) ? (rt_gather *)(t->waiters & ~GATHER_TAG) : NULL;
}

static ac_wait *gnode_new(rt_gather *b, ac_task *t) {
    ac_wait *node = rt_rec_new(W_GNODE, b);
    node->obj = t; /* borrowed: b owns the child */
    return node;
}

void rt_waiter_append(ac_task *t, ac_wait *w) {
    ac_wait *tail;
    rt_gather *b = waiters_gather(t);
    if (b) {
        ac_wait *node = gnode_new(b, t);
        t->waiters = 0;
        rt_waiter_append(t, node);
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

static ac_wait *list_pop(ac_task *t) {
    ac_wait *tail = (ac_wait *)t->waiters, *head;
    if (!tail) return NULL;
    head = (ac_wait *)tail->link;
    if (head == tail)
        t->waiters = 0;
    else
        tail->link = head->link;
    head->bits &= (uint16_t)~B_LISTED;
    head->link = 0;
    return head;
}

static void list_remove(ac_task *t, ac_wait *w) {
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
ac_wait *rt_waiter_pop(ac_task *t, rt_gather **gb) {
    *gb = waiters_gather(t);
    if (*gb) {
        t->waiters = 0;
        return NULL;
    }
    return list_pop(t);
}

/* the record after w on t's list (its first for NULL), NULL at the end */
ac_wait *rt_waiter_next(const ac_task *t, const ac_wait *w) {
    ac_wait *tail = (ac_wait *)t->waiters;
    if (!tail || waiters_gather(t)) return NULL;
    if (!w) return (ac_wait *)tail->link;
    return w == tail ? NULL : (ac_wait *)w->link;
}

/* detach a record from the child's list or from the ready queue */
void rt_unhook(rt_loop *L, ac_wait *w) {
    if (w->bits & B_LISTED) list_remove((ac_task *)w->obj, w);
    if (w->bits & B_QUEUED) {
        rt_q_remove(L, (uintptr_t)w | TAG_WAIT);
        w->bits &= (uint16_t)~B_QUEUED;
    }
}

/* gather's add_done_callback on child t */
void rt_gather_hook(rt_loop *L, rt_gather *b, ac_task *t) {
    if (t->flags & TF_DONE)
        rt_queue_callback(L, gnode_new(b, t));
    else if (!t->waiters)
        t->waiters = (uintptr_t)b | GATHER_TAG;
    else
        rt_waiter_append(t, gnode_new(b, t));
}

/* ---- sleep ------------------------------------------------------------- */

static ac_status sleep_begin_slow(ac_wait *w, double seconds);

ac_status ac_sleep_begin(ac_wait *w, double seconds) {
    rt_loop *L = rt_cur_loop;
    ac_task *cur;
    if (AC_LIKELY(L && (cur = L->current) != NULL && !(seconds > 0) && !L->closing &&
                  !(cur->flags & (TF_QUEUED | TF_DONE)))) {
        /* bare yield: one loop round, the record only marks the await */
        w->owner = cur; /* link and obj are not read */
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

static AC_NOINLINE ac_status sleep_begin_slow(ac_wait *w, double seconds) {
    rt_loop *L;
    ac_task *cur;
    L = rt_need_loop();
    cur = rt_current_or_die();
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    w->owner = cur;
    set_leaf(cur, w);
    if (!(seconds > 0)) { /* bare yield: one loop round */
        w->kind = W_SLEEP0;
        wake(L, cur);
        return AC_SUSPEND;
    }
    w->kind = W_SLEEP;
    rt_timer_add(L, w, rt_loop_time(L) + seconds);
    return AC_SUSPEND;
}

/* ---- await coroutine / task ------------------------------------------- */

static ac_status coro_step_end(ac_wait *w, ac_task *c, ac_status st) {
    if (st >= AC_SUSPEND) return st; /* AC_YIELD goes up to the task */
    if (st == AC_DONE) {
        c->flags |= TF_DONE;
        w->st = ST_DONE;
        return AC_DONE;
    }
    c->flags |= TF_DONE | TF_NORET;
    rt_wait_idle(w);
    return AC_ERROR;
}

ac_status ac_await_begin(ac_wait *w, ac_task *t) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = L->current;
    ac_status st;
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
        if (t->flags & TF_DONE) return rt_task_outcome(w, t);
        if (t == cur) {
            rt_wait_idle(w);
            ac_raise_msg(&ac_cls_RuntimeError, "Task cannot await on itself");
            return AC_ERROR;
        }
        rt_waiter_append(t, w);
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    if (!(t->flags & TF_FRESH) || (t->flags & TF_DONE)) {
        ac_raise_msg(&ac_cls_RuntimeError, "cannot reuse already awaited coroutine");
        return AC_ERROR;
    }
    ac_incref(t);
    t->flags &= ~(uint32_t)TF_FRESH;
    t->flags |= TF_AWAITED;
    w->kind = W_CORO;
    w->obj = t;
    w->owner = NULL;
    if (t->flags & TF_SILENT) { /* cancel(c) before it started */
        if (t->vt->drop) t->vt->drop(FRAME(t));
        t->flags |= TF_DONE | TF_NORET;
        w->st = ST_DONE;
        return AC_DONE;
    }
    /* awaiting starts the coroutine inside its awaiter's C frame: deep
     * recursive awaits count against the recursion limit as plain calls do */
    if (AC_UNLIKELY(--ac_depth_left < 0)) {
        if (t->vt->drop) t->vt->drop(FRAME(t));
        ac_recursion_fail();
        return coro_step_end(w, t, AC_ERROR);
    }
    st = t->vt->resume(FRAME(t));
    ac_depth_left++;
    return coro_step_end(w, t, st);
}


/* ---- the rows of the primitives above ----------------------------------- */

static ac_status sleep0_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    (void)L;
    if (take_must_cancel(cur)) return rt_raise_idle(w, &ac_cls_CancelledError);
    w->st = ST_DONE;
    return AC_DONE;
}

static ac_status sleep_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        rt_timer_remove(L, w);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (w->st != ST_READY) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    w->st = ST_DONE;
    return AC_DONE;
}

static int sleep_cancel(rt_loop *L, ac_wait *w) {
    if (!(w->bits & B_ARMED)) return 0;
    rt_timer_remove(L, w);
    w->st = ST_CANCELLED;
    wake(L, w->owner);
    return 1;
}

static void sleep_fire(rt_loop *L, ac_wait *w) {
    w->st = ST_READY;
    wake(L, w->owner);
}

static ac_status coro_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_task *c = w->obj;
    ac_status st;
    (void)L, (void)cur;
    ac_depth_left--;
    st = c->vt->resume(FRAME(c));
    ac_depth_left++;
    return coro_step_end(w, c, st);
}

static ac_val coro_result(rt_loop *L, ac_wait *w) {
    ac_task *c = w->obj;
    ac_val v;
    (void)L;
    if (c->h.rc == 1 && !(c->flags & (TF_NORET | TF_RETAKEN))) {
        v = FRET(c); /* last reference: move it out */
        c->flags |= TF_RETAKEN;
    } else {
        v = rt_task_value(c);
    }
    return v;
}

static ac_status task_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_task *t = w->obj;
    if (take_must_cancel(cur)) {
        rt_unhook(L, w);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (!(t->flags & TF_DONE)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    rt_unhook(L, w);
    return rt_task_outcome(w, t);
}

/* also wait_for's and with_timeout's: the child's result, if it has one */
ac_val rt_child_result(rt_loop *L, ac_wait *w) {
    ac_val v;
    (void)L;
    if (w->st != ST_NONE) return rt_task_value(w->obj);
    v.i = 0;
    return v;
}

static int task_cancel(rt_loop *L, ac_wait *w) {
    (void)L;
    return ac_task_cancel(w->obj);
}

/* the awaited task finished: step the waiter directly ([__wakeup]) */
static void task_callback(rt_loop *L, ac_wait *w) {
    ac_task *owner = w->owner;
    w->st = ST_READY;
    if (!(owner->flags & (TF_QUEUED | TF_DONE)) && owner != L->current) rt_task_step(L, owner);
}

static void task_closing(rt_loop *L, ac_wait *w) {
    (void)L;
    w->st = ST_READY;
}

static ac_status value_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    (void)L, (void)w, (void)cur;
    return AC_DONE;
}

/* the result object moves out (also receive()'s event) */
ac_val rt_obj_result(rt_loop *L, ac_wait *w) {
    ac_val v;
    (void)L;
    v.p = w->obj;
    w->obj = NULL;
    return v;
}

void rt_release_obj(void *obj) { ac_decref(obj); }

const rt_wait_ops rt_ops_idle = {.end = NULL};
const rt_wait_ops rt_ops_sleep0 = {.end = sleep0_end};
const rt_wait_ops rt_ops_sleep = {
    .end = sleep_end, .cancel = sleep_cancel, .drop = rt_timer_remove, .fire = sleep_fire};
const rt_wait_ops rt_ops_coro = {.end = coro_end, .result = coro_result, .release = rt_release_obj};
const rt_wait_ops rt_ops_task = {.end = task_end,
                                 .result = rt_child_result,
                                 .cancel = task_cancel,
                                 .drop = rt_unhook,
                                 .release = rt_release_obj,
                                 .callback = task_callback,
                                 .closing = task_closing};
const rt_wait_ops rt_ops_value = {.end = value_end, .result = rt_obj_result, .release = rt_release_obj};

static ac_val true_value(rt_loop *L, ac_wait *w) {
    (void)L, (void)w;
    return ac_int_val(1);
}

const rt_wait_ops rt_ops_true = {.end = value_end, .result = true_value};
