/*
 * rt_gather.c -- the primitives that wait on child tasks they start:
 * asyncio.gather and the builtins gather (one block per gather, no record
 * per child), asyncio.wait_for and the builtins with_timeout (a timer and
 * the child's done-callback on one record).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

/* A gather's children live in its result list: items[i].p is child i
 * (owned) until the results replace them in place (built), with len 0 until
 * then so that dropping the list never releases a child as a value. */
struct rt_gather {
    ac_wait *ow; /* the waiting record; NULL once it left */
    const ac_type *elem;
    ac_exc *exc;  /* outer exception (asyncio) */
    ac_list *res; /* the children, then the outer result */
    int64_t n, nfinished;
    uint8_t edge, ret_exc, cancel_requested, done, built;
};

#define KID(b, i) ((ac_task *)(b)->res->items[i].p)

/* ---- gather ------------------------------------------------------------ */

static void gather_free(rt_gather *b) {
    int64_t i;
    if (!b->built)
        for (i = 0; i < b->n; i++) ac_decref(KID(b, i));
    ac_decref(b->exc);
    ac_decref(b->res);
    rt_sched_free(b);
}

static void gather_orphan(rt_gather *b) {
    b->ow = NULL;
    if (b->nfinished == b->n) gather_free(b);
}

/* the outer future got its result/exception: wake the awaiting task */
static void gather_wake(rt_loop *L, rt_gather *b) {
    b->done = 1;
    if (b->ow) {
        b->ow->st = ST_READY;
        b->ow->bits |= B_RELEASED;
        wake(L, b->ow->owner);
    }
}

/* every child is done: each list item becomes the child's outcome */
static void gather_results(rt_gather *b, int asyncio_style) {
    ac_val *items = b->res->items;
    int64_t i;
    for (i = 0; i < b->n; i++) {
        ac_task *t = items[i].p;
        if (t->flags & TF_CANCELLED) {
            if (asyncio_style)
                items[i].p = rt_new_exc(&ac_cls_CancelledError, "");
            else
                items[i].i = 0;
        } else if (t->flags & TF_FAILED) {
            t->flags |= TF_RETRIEVED;
            ac_incref(FRET(t).p);
            items[i].p = FRET(t).p;
        } else {
            t->flags |= TF_RETRIEVED;
            items[i] = rt_task_value(t);
            /* list[object]: results share the list with exceptions */
            if (b->elem->kind == AC_K_OBJECT) items[i].p = ac_obj_from(items[i], t->vt->ret);
        }
        ac_decref(t);
    }
    b->res->len = b->n;
    b->built = 1;
}

/* one child finished: gather's _done_callback (or _wait_all's done) */
void rt_gather_child_done(rt_loop *L, rt_gather *b, ac_task *t) {
    b->nfinished++;
    if (b->edge) {
        if (b->nfinished == b->n && b->ow && !(b->ow->bits & B_RELEASED)) gather_wake(L, b);
    } else if (b->done) {
        if (!(t->flags & TF_CANCELLED)) t->flags |= TF_RETRIEVED;
    } else if (!b->ret_exc && (t->flags & TF_CANCELLED)) {
        b->exc = rt_new_exc(&ac_cls_CancelledError, NULL);
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
            b->exc = rt_new_exc(&ac_cls_CancelledError, NULL);
        }
        gather_wake(L, b);
    }
    if (!b->ow && b->nfinished == b->n) gather_free(b);
}

static void gather_node_done(rt_loop *L, ac_wait *node) {
    rt_gather *b = node->owner;
    ac_task *t = node->obj;
    rt_rec_free(node);
    rt_gather_child_done(L, b, t);
}

/* kids[0..n) are the children (stolen references) in an rt_malloc'd
 * array of cap items, which becomes the block's child/result list */
static ac_status gather_common(ac_wait *w, int64_t n, ac_val *kids, int64_t cap, const ac_type *elem, int ret_exc,
                               int edge) {
    rt_loop *L = rt_need_loop();
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
        ac_task *t = kids[i].p;
        if (!(t->flags & TF_TASK)) rt_spawn(t);
        if (edge) continue;
        /* asyncio: ensure_future + callback; the usual case inline */
        if (!t->waiters && !(t->flags & TF_DONE))
            t->waiters = (uintptr_t)b | GATHER_TAG;
        else
            rt_gather_hook(L, b, t);
    }
    if (edge) /* _spawn all, then _wait_all */
        for (i = 0; i < n; i++) rt_gather_hook(L, b, KID(b, i));
    w->kind = edge ? W_EGATHER : W_GATHER;
    w->obj = b;
    w->owner = cur;
    b->ow = w;
    set_leaf(cur, w);
    return AC_SUSPEND;
}

/* the children of a gather(a, b, c) as a fresh array */
static ac_val *kids_from_array(int64_t n, ac_task **children) {
    ac_val *kids = rt_malloc((size_t)(n ? n : 1) * sizeof(ac_val));
    int64_t i;
    for (i = 0; i < n; i++) kids[i].p = children[i];
    return kids;
}

/* The children of a gather(*l): a list nobody else holds gives its items
 * array away (no copy: with 100,000 children that is 8 bytes a task);
 * otherwise its items are copied with new references. */
static ac_val *kids_from_list(ac_list *l, int64_t *n, int64_t *cap) {
    ac_val *kids;
    int64_t i;
    *n = l->len;
    if (l->h.rc == 1 && l->items) {
        /* the list grew by doubling; gather keeps the array until the end */
        if (l->cap - l->len > l->len / 16) l->items = rt_realloc(l->items, (size_t)l->len * sizeof(ac_val));
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

ac_status ac_gather_begin(ac_wait *w, int64_t n, ac_task **children, const ac_type *elem, int return_exceptions) {
    return gather_common(w, n, kids_from_array(n, children), n, elem, return_exceptions, 0);
}

ac_status ac_gather_list_begin(ac_wait *w, ac_list *children, const ac_type *elem, int return_exceptions) {
    int64_t n, cap;
    ac_val *kids = kids_from_list(children, &n, &cap);
    return gather_common(w, n, kids, cap, elem, return_exceptions, 0);
}

ac_status ac_edge_gather_list_begin(ac_wait *w, ac_list *children, const ac_type *elem) {
    int64_t n, cap;
    ac_val *kids = kids_from_list(children, &n, &cap);
    return gather_common(w, n, kids, cap, elem, 1, 1);
}

ac_status ac_edge_gather_begin(ac_wait *w, int64_t n, ac_task **children, const ac_type *elem) {
    return gather_common(w, n, kids_from_array(n, children), n, elem, 1, 1);
}

static ac_status gather_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    rt_gather *b = w->obj;
    (void)L;
    if (take_must_cancel(cur)) {
        rt_wait_idle(w);
        raise_cancelled();
        return AC_ERROR;
    }
    if (!b->done) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    if (b->exc) {
        ac_exc *e = b->exc;
        b->exc = NULL;
        rt_wait_idle(w);
        ac_raise(e);
        return AC_ERROR;
    }
    w->st = ST_DONE;
    return AC_DONE;
}

/* builtins gather */
static ac_status egather_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    rt_gather *b = w->obj;
    int64_t i;
    (void)L;
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        for (i = 0; i < b->n; i++) ac_task_cancel(KID(b, i));
        rt_wait_idle(w);
        raise_cancelled();
        return AC_ERROR;
    }
    if (!(w->bits & B_RELEASED)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    /* gather looked at every child's outcome: none is "never retrieved" */
    for (i = 0; i < b->n; i++) KID(b, i)->flags |= TF_RETRIEVED;
    for (i = 0; i < b->n; i++) { /* first error in argument order */
        ac_task *t = KID(b, i);
        if (t->flags & TF_CANCELLED) continue;
        t->flags |= TF_RETRIEVED;
        if (t->flags & TF_FAILED) {
            ac_exc *e = FRET(t).p;
            ac_incref(e);
            rt_wait_idle(w);
            ac_raise(e);
            return AC_ERROR;
        }
    }
    gather_results(b, 0);
    w->st = ST_DONE;
    return AC_DONE;
}

static ac_val gather_result(rt_loop *L, ac_wait *w) {
    rt_gather *b = w->obj;
    ac_val v;
    (void)L;
    v.p = b->res;
    b->res = NULL;
    return v;
}

/* _GatheringFuture.cancel */
static int gather_cancel(rt_loop *L, ac_wait *w) {
    rt_gather *b = w->obj;
    int64_t i;
    int r = 0;
    (void)L;
    if (b->done) return 0;
    for (i = 0; i < b->n; i++)
        if (ac_task_cancel(KID(b, i))) r = 1;
    if (r) b->cancel_requested = 1;
    return r;
}

static void gather_release(void *obj) { gather_orphan(obj); }

/* cancel(c) of the task awaiting a gather reaches the children it started */
static void gather_silent(rt_loop *L, ac_wait *w) {
    rt_gather *b = w->obj;
    int64_t i;
    if (!b->built)
        for (i = 0; i < b->n; i++) rt_silent_cancel(L, KID(b, i));
}

/* ---- wait_for and with_timeout ---------------------------------------- */

static void hook_on_child(rt_loop *L, ac_wait *w) {
    ac_task *t = w->obj;
    if (t->flags & TF_DONE)
        rt_queue_callback(L, w);
    else
        rt_waiter_append(t, w);
}

ac_status ac_wait_for_begin(ac_wait *w, ac_task *child, int has_timeout, double timeout) {
    rt_loop *L = rt_need_loop();
    ac_task *cur, *t;
    if (!has_timeout) { /* return await fut */
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
        if (t->flags & TF_DONE) return rt_task_outcome(w, t);
        w->bits |= B_PHASE2; /* await _cancel_and_wait(fut) */
        rt_waiter_append(t, w);
        ac_task_cancel(t);
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    rt_timer_add(L, w, rt_loop_time(L) + timeout);
    t = rt_spawn(child);
    w->obj = t;
    hook_on_child(L, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

static ac_status wait_for_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_task *t = w->obj;
    int thrown = take_must_cancel(cur) || w->st == ST_CANCELLED;
    if (!(w->bits & B_PHASE2)) {
        if (!thrown && !(w->bits & B_RELEASED)) goto still;
        if (t->flags & TF_DONE) { /* return fut.result() */
            rt_timer_remove(L, w);
            rt_unhook(L, w);
            return rt_task_outcome(w, t);
        }
        /* timeout (or we were cancelled): cancel the child, wait for it */
        rt_timer_remove(L, w);
        rt_unhook(L, w);
        w->bits = (uint16_t)(B_PHASE2 | (thrown ? B_BYCANCEL : 0));
        w->st = ST_PENDING;
        rt_waiter_append(t, w);
        ac_task_cancel(t);
        goto still;
    }
    if (!thrown && !(w->bits & B_RELEASED)) goto still;
    rt_timer_remove(L, w);
    rt_unhook(L, w);
    if (thrown || (w->bits & B_BYCANCEL)) return rt_raise_idle(w, &ac_cls_CancelledError);
    if (t->flags & TF_CANCELLED) return rt_raise_idle(w, &ac_cls_TimeoutError);
    return rt_task_outcome(w, t);
still:
    set_leaf(cur, w);
    return AC_SUSPEND;
}

ac_status ac_with_timeout_begin(ac_wait *w, double seconds, ac_task *child) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = L->current;
    memset(w, 0, sizeof *w);
    if (!cur) {
        ac_decref(child);
        ac_raise_msg(&ac_cls_RuntimeError, "no running event loop");
        return AC_ERROR;
    }
    w->kind = W_WTIMEOUT;
    w->owner = cur;
    rt_timer_add(L, w, rt_loop_time(L) + seconds); /* before the child runs */
    w->obj = rt_spawn(child);
    hook_on_child(L, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

static ac_status with_timeout_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_task *t = w->obj;
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        rt_timer_remove(L, w);
        rt_unhook(L, w);
        ac_task_cancel(t);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (!(w->bits & B_RELEASED)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    rt_timer_remove(L, w);
    rt_unhook(L, w);
    if (t->flags & TF_DONE) {
        if (t->flags & TF_CANCELLED) {
            w->st = ST_NONE;
            return AC_DONE;
        }
        return rt_task_outcome(w, t);
    }
    rt_silent_cancel(L, t);
    return rt_raise_idle(w, &ac_cls_TimeoutError);
}


/* The waiter future of wait_for, with_timeout and the builtins gather is
 * done: by the child's done-callback or the timer (_release_waiter), by a
 * cancellation, or (closing loop) by nobody. */
static int release_waiter(rt_loop *L, ac_wait *w, uint8_t st) {
    if (w->bits & B_RELEASED) return 0;
    w->bits |= B_RELEASED;
    w->st = st;
    wake(L, w->owner);
    return 1;
}

static void waiter_ready(rt_loop *L, ac_wait *w) { release_waiter(L, w, ST_READY); }

static int waiter_cancel(rt_loop *L, ac_wait *w) { return release_waiter(L, w, ST_CANCELLED); }

static void waiter_closing(rt_loop *L, ac_wait *w) {
    (void)L;
    w->bits |= B_RELEASED;
}

static void timed_drop(rt_loop *L, ac_wait *w) {
    rt_timer_remove(L, w);
    rt_unhook(L, w);
}

static void with_timeout_silent(rt_loop *L, ac_wait *w) { rt_silent_cancel(L, w->obj); }

const rt_wait_ops rt_ops_gather = {.end = gather_end,
                                   .result = gather_result,
                                   .cancel = gather_cancel,
                                   .release = gather_release,
                                   .silent = gather_silent};
const rt_wait_ops rt_ops_egather = {.end = egather_end,
                                    .result = gather_result,
                                    .cancel = waiter_cancel,
                                    .release = gather_release,
                                    .silent = gather_silent};
const rt_wait_ops rt_ops_wait_for = {.end = wait_for_end,
                                     .result = rt_child_result,
                                     .cancel = waiter_cancel,
                                     .drop = timed_drop,
                                     .release = rt_release_obj,
                                     .callback = waiter_ready,
                                     .closing = waiter_closing,
                                     .fire = waiter_ready};
const rt_wait_ops rt_ops_with_timeout = {.end = with_timeout_end,
                                         .result = rt_child_result,
                                         .cancel = waiter_cancel,
                                         .drop = timed_drop,
                                         .release = rt_release_obj,
                                         .callback = waiter_ready,
                                         .closing = waiter_closing,
                                         .fire = waiter_ready,
                                         .silent = with_timeout_silent};
/* a gather child's done-callback when it needs a record; a timer proxy
 * only lives in the timer heap (rt_loop.c) */
const rt_wait_ops rt_ops_gnode = {.callback = gather_node_done, .closing = gather_node_done};
const rt_wait_ops rt_ops_tproxy = {.end = NULL};
