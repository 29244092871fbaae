/*
 * rt_waitset.c -- asyncio.wait(fs, timeout=, return_when=): wait for a
 * set of tasks, return the (done, pending) sets; asyncio.shield(aw).
 *
 * CPython 3.11 (tasks.py, _wait): a waiter future; one done-callback
 * _on_completion per task of set(fs), added in the set's order (call_soon
 * at once for a task already done); a call_later(timeout,
 * _release_waiter) timer.  _on_completion counts down and sets the waiter
 * when the count reaches 0, at once for FIRST_COMPLETED, and for
 * FIRST_EXCEPTION when the task raised (it asks f.exception(), which
 * marks the exception retrieved).  After `await waiter` (normally or by a
 * cancellation) the timer is cancelled and the callbacks removed; then
 * done/pending are filled walking fs.  So a task finishing wakes the
 * waiting task two hops later, as gather does.
 *
 * Here the waiter future is the frame's record (W_WAITSET, obj: the
 * block) and its timer, and each task's callback is a pooled W_WNODE
 * record listed on the task (owner: the block, obj: the task).
 */
#include <stddef.h>
#include <string.h>
#include "rt_sched.h"

enum { RW_ALL, RW_FIRST_COMPLETED, RW_FIRST_EXCEPTION };

typedef struct rt_waitset {
    ac_wait *ow;      /* the waiting record; NULL once it left */
    ac_list *fs;      /* set(fs) in its iteration order (owned) */
    ac_wait **nodes;  /* nodes[i]: task i's callback until it ran or was removed */
    int64_t counter;  /* tasks not done yet, as _on_completion counts */
    int64_t nnodes;   /* callbacks still listed or queued */
    const ac_type *tt; /* tuple[set[Task[T]], set[Task[T]]] */
    int mode;
} rt_waitset;

static void ws_free(rt_waitset *b) {
    ac_decref(b->fs);
    rt_sched_free(b->nodes);
    rt_sched_free(b);
}

/* waiter.set_result(None) unless done: its task steps one hop later */
static void ws_release(rt_loop *L, rt_waitset *b, uint8_t st) {
    ac_wait *w = b->ow;
    if (!w || (w->bits & B_RELEASED)) return;
    w->bits |= B_RELEASED;
    w->st = st;
    rt_timer_remove(L, w); /* timeout_handle.cancel() */
    wake(L, w->owner);
}

static void node_done(rt_loop *L, ac_wait *node) {
    rt_waitset *b = node->owner;
    ac_task *t = node->obj;
    int64_t i;
    for (i = 0; i < b->fs->len; i++)
        if (b->nodes[i] == node) b->nodes[i] = NULL;
    rt_rec_free(node);
    b->nnodes--;
    if (!b->ow) { /* the waiter left already: nothing to count */
        if (!b->nnodes) ws_free(b);
        return;
    }
    b->counter--;
    if (b->counter <= 0 || b->mode == RW_FIRST_COMPLETED) {
        ws_release(L, b, ST_READY);
    } else if (b->mode == RW_FIRST_EXCEPTION && !(t->flags & TF_CANCELLED)) {
        t->flags |= TF_RETRIEVED; /* f.exception() */
        if (t->flags & TF_FAILED) ws_release(L, b, ST_READY);
    }
}

static void node_closing(rt_loop *L, ac_wait *node) {
    rt_waitset *b = node->owner;
    int64_t i;
    (void)L;
    for (i = 0; i < b->fs->len; i++)
        if (b->nodes[i] == node) b->nodes[i] = NULL;
    rt_rec_free(node);
    b->nnodes--;
    if (!b->ow && !b->nnodes) ws_free(b);
}

/* f.remove_done_callback(_on_completion) for every task */
static void ws_unhook_all(rt_loop *L, rt_waitset *b) {
    int64_t i;
    for (i = 0; i < b->fs->len; i++) {
        ac_wait *node = b->nodes[i];
        if (!node) continue;
        rt_unhook(L, node);
        rt_rec_free(node);
        b->nodes[i] = NULL;
        b->nnodes--;
    }
}

static int mode_of(const ac_str *s) {
    if (!strcmp(s->s, "FIRST_COMPLETED")) return RW_FIRST_COMPLETED;
    if (!strcmp(s->s, "FIRST_EXCEPTION")) return RW_FIRST_EXCEPTION;
    if (!strcmp(s->s, "ALL_COMPLETED")) return RW_ALL;
    return -1;
}

/* a set of objects holds tasks only (a coroutine is not one) */
static int all_tasks(const ac_set *s) {
    int64_t i;
    for (i = 0; i <= s->mask; i++) {
        const ac_set_entry *e = &s->table[i];
        const ac_obj *o = e->key.p;
        if (e->state != 1 || s->type->elems[0]->kind != AC_K_OBJECT) continue;
        if (o->kind != AC_K_TASK || !(((const ac_task *)o)->flags & TF_TASK)) {
            if (o->kind == AC_K_TASK)
                ac_raise_msg(&ac_cls_TypeError, "Passing coroutines is forbidden, use tasks explicitly.");
            else
                ac_raise_msg(&ac_cls_TypeError, "An asyncio.Future, a coroutine or an awaitable is required");
            return 0;
        }
    }
    return 1;
}

/* fs: a list or a set of tasks (borrowed) */
ac_status ac_asyncio_wait_begin(ac_wait *w, void *fs, ac_str *return_when, int has_timeout, double timeout,
                                const ac_type *tt) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = L->current;
    const ac_type *st = tt->elems[0];
    ac_set *s;
    rt_waitset *b;
    int64_t i;
    int mode = return_when ? mode_of(return_when) : RW_ALL;
    memset(w, 0, sizeof *w);
    if (((ac_obj *)fs)->kind == AC_K_LIST ? ((ac_list *)fs)->len == 0 : ac_set_len(fs) == 0) {
        ac_raise_msg(&ac_cls_ValueError, "Set of Tasks/Futures is empty.");
        return AC_ERROR;
    }
    if (mode < 0) {
        ac_raise_msg(&ac_cls_ValueError, "Invalid return_when value: %s", return_when->s);
        return AC_ERROR;
    }
    if (!cur) {
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return AC_ERROR;
    }
    s = ((ac_obj *)fs)->kind == AC_K_LIST ? ac_set_from_list(st, fs) : ac_set_from_set(st, fs);
    if (!s || ac_err) { /* MemoryError pending (rt_obj.c) */
        ac_decref(s);
        return AC_ERROR;
    }
    if (!all_tasks(s)) {
        ac_decref(s);
        return AC_ERROR;
    }
    b = rt_sched_alloc(sizeof *b);
    memset(b, 0, sizeof *b);
    b->fs = ac_set_to_list(s);
    ac_decref(s);
    b->tt = tt;
    b->mode = mode;
    b->counter = b->fs->len;
    b->nodes = rt_sched_alloc((size_t)b->fs->len * sizeof *b->nodes);
    for (i = 0; i < b->fs->len; i++) {
        ac_task *t = b->fs->items[i].p;
        ac_wait *node = rt_rec_new(W_WNODE, b);
        node->obj = t;
        b->nodes[i] = node;
        b->nnodes++;
        if (t->flags & TF_DONE)
            rt_queue_callback(L, node);
        else
            rt_waiter_append(t, node);
    }
    w->kind = W_WAITSET;
    w->obj = b;
    w->owner = cur;
    b->ow = w;
    if (has_timeout) rt_timer_add(L, w, rt_loop_time(L) + timeout);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* the waiter is done (or we were cancelled): the finally of _wait */
static void ws_leave(rt_loop *L, ac_wait *w) {
    rt_waitset *b = w->obj;
    rt_timer_remove(L, w);
    ws_unhook_all(L, b);
}

static ac_status ws_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        ws_leave(L, w);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (!(w->bits & B_RELEASED)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    ws_leave(L, w);
    w->st = ST_DONE;
    return AC_DONE;
}

/* (done, pending), walking fs */
static ac_val ws_result(rt_loop *L, ac_wait *w) {
    rt_waitset *b = w->obj;
    const ac_type *st = b->tt->elems[0];
    ac_val parts[2], v;
    int64_t i;
    (void)L;
    parts[0].p = ac_set_new(st);
    parts[1].p = ac_set_new(st);
    for (i = 0; i < b->fs->len; i++) {
        ac_task *t = b->fs->items[i].p;
        ac_incref(t);
        ac_set_add(parts[(t->flags & TF_DONE) ? 0 : 1].p, ac_ptr_val(t));
    }
    v.p = ac_tuple_new(b->tt, parts);
    return v;
}

/* Future.cancel() of the waiter */
static int ws_cancel(rt_loop *L, ac_wait *w) {
    rt_waitset *b = w->obj;
    if (w->bits & B_RELEASED) return 0;
    ws_release(L, b, ST_CANCELLED);
    return 1;
}

static void ws_fire(rt_loop *L, ac_wait *w) { ws_release(L, w->obj, ST_READY); }

static void ws_drop(rt_loop *L, ac_wait *w) { ws_leave(L, w); }

static void ws_release_block(void *obj) {
    rt_waitset *b = obj;
    b->ow = NULL;
    if (!b->nnodes) ws_free(b);
}

const rt_wait_ops rt_ops_waitset = {.end = ws_end,
                                    .result = ws_result,
                                    .cancel = ws_cancel,
                                    .drop = ws_drop,
                                    .release = ws_release_block,
                                    .fire = ws_fire};
const rt_wait_ops rt_ops_wnode = {.callback = node_done, .closing = node_closing};

/* asyncio.FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED: CPython's are these strings */
ac_str *ac_asyncio_first_completed(void) { return ac_str_from_cstr("FIRST_COMPLETED"); }
ac_str *ac_asyncio_first_exception(void) { return ac_str_from_cstr("FIRST_EXCEPTION"); }
ac_str *ac_asyncio_all_completed(void) { return ac_str_from_cstr("ALL_COMPLETED"); }

/* ---- shield ---------------------------------------------------------------
 * asyncio.shield(aw) (tasks.py): inner = ensure_future(aw); a finished
 * inner is awaited as it is; otherwise an outer future, set by inner's
 * done-callback (so the awaiting task steps two hops after inner ends).
 * Cancelling the awaiting task cancels only outer: inner runs on, and
 * outer's own callback takes inner's callback off again.  The record
 * (W_SHIELD, obj: inner) is both outer and inner's callback. */

ac_status ac_shield_begin(ac_wait *w, ac_task *aw) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = L->current, *inner;
    ac_status st;
    if (!cur) {
        ac_decref(aw);
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return AC_ERROR;
    }
    inner = rt_spawn(aw); /* aw's reference is the record's */
    if (inner->flags & TF_DONE) {
        st = ac_await_begin(w, inner);
        ac_decref(inner);
        return st;
    }
    memset(w, 0, sizeof *w);
    w->kind = W_SHIELD;
    w->obj = inner;
    w->owner = cur;
    rt_waiter_append(inner, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* _inner_done_callback: outer gets inner's outcome */
static void shield_inner_done(rt_loop *L, ac_wait *w) {
    w->bits |= B_RELEASED;
    w->st = ST_READY;
    wake(L, w->owner);
}

static int shield_cancel(rt_loop *L, ac_wait *w) {
    if (w->bits & B_RELEASED) return 0;
    rt_unhook(L, w); /* _outer_done_callback */
    w->bits |= B_RELEASED;
    w->st = ST_CANCELLED;
    wake(L, w->owner);
    return 1;
}

static ac_status shield_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        rt_unhook(L, w);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (!(w->bits & B_RELEASED)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    return rt_task_outcome(w, w->obj);
}

static void shield_closing(rt_loop *L, ac_wait *w) {
    (void)L;
    w->bits |= B_RELEASED;
    w->st = ST_READY;
}

const rt_wait_ops rt_ops_shield = {.end = shield_end,
                                   .result = rt_child_result,
                                   .cancel = shield_cancel,
                                   .drop = rt_unhook,
                                   .release = rt_release_obj,
                                   .callback = shield_inner_done,
                                   .closing = shield_closing};

/* ---- as_completed -----------------------------------------------------------
 * asyncio.as_completed(fs, timeout=) (tasks.py): a Queue `done`; each task
 * of fs gets the done-callback _on_completion, which moves it from todo to
 * done; the timer (_on_timeout) puts one None per task still in todo; each
 * of the len(todo) awaitables it yields is `_wait_for_one()`: `f = await
 * done.get()`, TimeoutError for None, else f.result().  Here the block is
 * an ac_sync (its state: the queue, todo, the timer), the callbacks are
 * W_ACNODE records, and _wait_for_one is a coroutine written in C whose
 * vtable carries the result type (one per type, kept for the program). */

typedef struct rt_ascomp {
    ac_sync *done;  /* the Queue of finished tasks (objects; None on timeout) */
    ac_task **todo; /* owned */
    ac_wait **nodes;
    int64_t ntodo;
    ac_wait timer; /* W_ACTIMER, owner: the block */
    ac_sync *self;
} rt_ascomp;

static void ac_fini(void *p) {
    rt_ascomp *b = p;
    int64_t i;
    rt_timer_remove(rt_need_loop(), &b->timer);
    for (i = 0; i < b->ntodo; i++) ac_decref(b->todo[i]);
    rt_sched_free(b->todo);
    rt_sched_free(b->nodes);
    ac_decref(b->done);
    rt_sched_free(b);
}

static void ac_repr(rt_buf *out, const void *p) {
    (void)p;
    rt_buf_puts(out, "<as_completed>");
}

/* remove todo[i] (its callback ran or was removed) */
static void todo_remove(rt_ascomp *b, int64_t i) {
    ac_decref(b->todo[i]);
    memmove(&b->todo[i], &b->todo[i + 1], (size_t)(b->ntodo - i - 1) * sizeof *b->todo);
    memmove(&b->nodes[i], &b->nodes[i + 1], (size_t)(b->ntodo - i - 1) * sizeof *b->nodes);
    b->ntodo--;
}

/* _on_completion(f) */
static void acnode_done(rt_loop *L, ac_wait *node) {
    ac_sync *s = node->owner;
    rt_ascomp *b = rt_sync_ext(s);
    ac_task *t = node->obj;
    int64_t i;
    for (i = 0; i < b->ntodo; i++)
        if (b->nodes[i] == node) {
            ac_queue_put_nowait(b->done, ac_ptr_val(t));
            todo_remove(b, i);
            break;
        }
    rt_rec_free(node);
    if (!b->ntodo) rt_timer_remove(L, &b->timer);
    ac_decref(s); /* the node's */
}

static void acnode_closing(rt_loop *L, ac_wait *node) {
    ac_sync *s = node->owner;
    rt_ascomp *b = rt_sync_ext(s);
    int64_t i;
    (void)L;
    for (i = 0; i < b->ntodo; i++)
        if (b->nodes[i] == node) todo_remove(b, i);
    rt_rec_free(node);
    ac_decref(s);
}

/* _on_timeout */
static void actimer_fire(rt_loop *L, ac_wait *w) {
    rt_ascomp *b = (rt_ascomp *)((char *)w - offsetof(rt_ascomp, timer));
    ac_sync *s = b->self;
    ac_incref(s);
    while (b->ntodo) {
        ac_wait *node = b->nodes[0];
        rt_unhook(L, node);
        rt_rec_free(node);
        ac_queue_put_nowait(b->done, ac_ptr_val(&ac_None));
        todo_remove(b, 0);
        ac_decref(s); /* the node's */
    }
    ac_decref(s);
}

const rt_wait_ops rt_ops_acnode = {.callback = acnode_done, .closing = acnode_closing};
const rt_wait_ops rt_ops_actimer = {.fire = actimer_fire};

/* _wait_for_one() */
typedef struct one_frame {
    ac_val ret;
    uint8_t state;
    ac_sync *blk; /* owned */
    ac_wait w;
} one_frame;

static ac_status one_resume(void *p) {
    one_frame *f = p;
    rt_ascomp *b = rt_sync_ext(f->blk);
    ac_status st;
    ac_task *t;
    switch (f->state) {
    case 1: goto resume_1;
    }
    AC_AWAIT(1, &f->w, ac_queue_get_begin(&f->w, b->done), goto fail);
    t = ac_wait_result(&f->w).p;
    if ((ac_obj *)t == (ac_obj *)&ac_None) {
        ac_raise_msg(&ac_cls_TimeoutError, NULL);
        goto fail;
    }
    if (ac_err) { /* a MemoryError on its way: the result would be dropped with a reference */
        ac_decref(t);
        goto fail;
    }
    f->ret = ac_task_get_result(t); /* may raise the task's exception */
    ac_decref(t);
    if (ac_err) goto fail;
    ac_decref(f->blk);
    f->blk = NULL;
    return AC_DONE;
fail:
    ac_decref(f->blk);
    f->blk = NULL;
    return AC_ERROR;
}

static void one_drop(void *p) {
    one_frame *f = p;
    ac_wait_drop(&f->w);
    ac_decref(f->blk);
}

/* one vtable per result type, kept (a coroutine's block is freed after
 * its vtable is last read) */
static const ac_coro_vt *one_vt(const ac_type *ret) {
    static struct {
        const ac_type *ret;
        ac_coro_vt vt;
    } vts[32];
    static int nvts;
    int i;
    for (i = 0; i < nvts; i++)
        if (vts[i].ret == ret) return &vts[i].vt;
    if (nvts == 32) return NULL;
    vts[nvts].ret = ret;
    vts[nvts].vt.resume = one_resume;
    vts[nvts].vt.drop = one_drop;
    vts[nvts].vt.name = "_wait_for_one";
    vts[nvts].vt.ret = ret;
    vts[nvts].vt.frame_size = sizeof(one_frame);
    return &vts[nvts++].vt;
}

/* fs: a list of coroutines or tasks (borrowed); the coroutines to await,
 * as a list whose items are described by elem */
ac_list *ac_as_completed(ac_list *fs, int has_timeout, double timeout, const ac_type *ret, const ac_type *elem) {
    rt_loop *L = rt_need_loop();
    const ac_coro_vt *vt = one_vt(ret);
    rt_ascomp *b;
    ac_sync *s;
    ac_list *out;
    int64_t i, n = fs->len;
    if (!vt) {
        ac_raise_msg(&ac_cls_NotImplementedError, "as_completed() of more than 32 result types");
        return NULL;
    }
    b = rt_sched_alloc(sizeof *b);
    memset(b, 0, sizeof *b);
    b->done = ac_queue_new(0, &ac_t_object, AC_QUEUE_FIFO);
    b->todo = rt_sched_alloc((size_t)(n ? n : 1) * sizeof *b->todo);
    b->nodes = rt_sched_alloc((size_t)(n ? n : 1) * sizeof *b->nodes);
    s = rt_sync_ext_new(b, ac_fini, ac_repr);
    b->self = s;
    for (i = 0; i < n; i++) { /* todo = {ensure_future(f) for f in fs} */
        ac_task *t = fs->items[i].p;
        ac_incref(t);
        b->todo[b->ntodo++] = rt_spawn(t);
    }
    for (i = 0; i < b->ntodo; i++) { /* f.add_done_callback(_on_completion) */
        ac_task *t = b->todo[i];
        ac_wait *node = rt_rec_new(W_ACNODE, s);
        ac_incref(s);
        node->obj = t;
        b->nodes[i] = node;
        if (t->flags & TF_DONE)
            rt_queue_callback(L, node);
        else
            rt_waiter_append(t, node);
    }
    if (b->ntodo && has_timeout) {
        b->timer.kind = W_ACTIMER;
        rt_timer_add(L, &b->timer, rt_loop_time(L) + timeout);
    }
    out = ac_list_new(elem, 0, NULL);
    for (i = 0; i < n; i++) {
        ac_task *c = ac_coro_new(vt);
        ac_incref(s);
        AC_TASK_FRAME(c, one_frame)->blk = s;
        ac_list_append(out, ac_ptr_val(c));
    }
    ac_decref(s);
    return out;
}
