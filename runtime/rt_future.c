/*
 * rt_future.c -- asyncio futures and the loop's callbacks: create_future()
 * (set_result, set_exception, cancel, await), call_soon, call_later,
 * call_at and their handles.
 *
 * A future is a task without a coroutine: the same header and flags
 * (TF_TASK, done, failed, cancelled), its result in the frame's ret slot
 * (always `object`), its waiters and done-callbacks on the same list.  So
 * awaiting one is awaiting a task (W_TASK), a done-callback is one
 * (rt_callback.c), and completing one is rt_task_finish: its callbacks run
 * one hop later, as Future.__schedule_callbacks call_soon()s them.  It is
 * never queued, never in the live-task array (asyncio.run does not cancel
 * futures), and has no number.
 *
 * A handle is an ac_sync (the type of loop objects in generated code)
 * whose state holds a record: queued (call_soon) or in the timer heap
 * (call_later/call_at), run by its callback/fire operation.  cancel()
 * takes it out, which is what CPython's skipping a cancelled handle
 * amounts to.  The function is a compiler-written thunk over the
 * arguments, a typed tuple.
 */
#include <stdio.h>
#include <string.h>
#include "rt_sched.h"

static ac_status future_resume(void *frame) {
    (void)frame;
    ac_raise_msg(&ac_cls_RuntimeError, "a Future has no coroutine");
    return AC_ERROR;
}

const ac_coro_vt rt_future_vt = {future_resume, NULL, "Future", &ac_t_object, sizeof(ac_val), NULL};

int rt_is_future(const ac_task *t) { return t->vt == &rt_future_vt; }

ac_task *ac_loop_create_future(ac_sync *loop) {
    ac_task *t = ac_coro_new(&rt_future_vt);
    (void)loop;
    t->flags = TF_TASK;
    FRET(t).p = NULL;
    return t;
}

ac_task *ac_future_new(void) { return ac_loop_create_future(NULL); }

/* not a future (a task): CPython's message */
static int not_settable(ac_task *t, const char *op) {
    if (rt_is_future(t)) return 0;
    ac_raise_msg(&ac_cls_RuntimeError, "Task does not support %s operation", op);
    return 1;
}

static void finish(ac_task *t, uint32_t how, ac_exc *e) {
    ac_incref(t); /* rt_task_finish lets go of "the loop's reference" */
    rt_task_finish(rt_need_loop(), t, how, e);
}

void ac_future_set_result(ac_task *t, ac_val v) {
    if (not_settable(t, "set_result")) return;
    if (t->flags & TF_DONE) {
        ac_raise_msg(&ac_cls_InvalidStateError, "invalid state");
        return;
    }
    ac_incref(v.p); /* an object: borrowed on the way in */
    FRET(t) = v;
    finish(t, 0, NULL);
}

void ac_future_set_exception(ac_task *t, ac_exc *e) {
    if (not_settable(t, "set_exception")) return;
    if (t->flags & TF_DONE) {
        ac_raise_msg(&ac_cls_InvalidStateError, "invalid state");
        return;
    }
    ac_incref(e);
    finish(t, TF_FAILED, e);
}

/* Future.cancel(msg): done at once, the message kept for every awaiter */
int rt_future_cancel(ac_task *t) {
    if (t->flags & TF_DONE) return 0;
    rt_taskx_cancelled(t);
    finish(t, TF_CANCELLED | TF_NORET, NULL);
    return 1;
}

/* ---- handles ---------------------------------------------------------------- */

typedef struct rt_handle {
    ac_wait w; /* W_HANDLE: queued or armed while scheduled */
    ac_sync *self;
    ac_call_fn fn;
    ac_obj *env;
    ac_tuple *args;
    const char *name;
    double when;
    uint8_t timer, scheduled, cancelled;
} rt_handle;

#define HANDLE_OF(w) ((rt_handle *)(w))

/* CPython's: <TimerHandle when=1.5 boom(3) at prog.py:2> */
static void handle_repr(rt_buf *b, const void *ext) {
    const rt_handle *h = ext;
    rt_buf_printf(b, "<%sHandle ", h->timer ? "Timer" : "");
    if (h->cancelled) rt_buf_puts(b, "cancelled ");
    if (h->timer) {
        ac_str *w = ac_str_from_float(h->when);
        rt_buf_printf(b, "when=%s ", w->s);
        ac_decref(w);
    }
    rt_callback_source(b, h->name, h->args, NULL);
    rt_buf_putc(b, '>');
}

/* the default handler's "Exception in callback boom(3) at prog.py:2" */
static void report_handle_error(rt_handle *h) {
    ac_exc *e = ac_take_err();
    rt_buf src = {NULL, 0, 0}, rep = {NULL, 0, 0};
    ac_str *msg, *r;
    rt_buf_puts(&src, "Exception in callback ");
    rt_callback_source(&src, h->name, h->args, NULL);
    msg = rt_buf_finish(&src);
    handle_repr(&rep, h);
    r = rt_buf_finish(&rep);
    rt_report_to_handler(msg->s, e, "handle", (ac_obj *)h->self, r->s);
    ac_decref(msg);
    ac_decref(r);
    ac_decref(e);
}

static void handle_fini(void *p) {
    rt_handle *h = p;
    ac_decref(h->env);
    ac_decref(h->args);
    rt_sched_free(h);
}

/* A handle keeps its function and arguments after it ran (its repr shows
 * them), and they may hold the handle (self.timer = loop.call_later(1,
 * self.tick)): the cycle collector sees them.  While it is scheduled the
 * loop's reference keeps it. */
static void handle_traverse(void *p, rt_gc_visit fn, void *arg) {
    rt_handle *h = p;
    if (h->env) fn(h->env, arg);
    if (h->args) fn(&h->args->h, arg);
}

static void handle_clear(void *p) {
    rt_handle *h = p;
    ac_obj *env = h->env;
    ac_tuple *args = h->args;
    h->env = NULL;
    h->args = NULL;
    ac_decref(env);
    ac_decref(args);
}

/* the loop let go of it: ran, cancelled, or the loop closed */
static void unschedule(rt_handle *h) {
    if (!h->scheduled) return;
    h->scheduled = 0;
    ac_decref(h->self); /* the loop's reference */
}

static void handle_run(rt_loop *L, ac_wait *w) {
    rt_handle *h = HANDLE_OF(w);
    ac_sync *self = h->self;
    ac_task *prev = L->current;
    ac_incref(self);
    unschedule(h);
    if (!h->cancelled) {
        L->current = NULL; /* a callback runs outside any task */
        h->fn(h->env, h->args);
        if (ac_err) report_handle_error(h);
        L->current = prev;
    }
    ac_decref(self);
}

static void handle_closing(rt_loop *L, ac_wait *w) {
    (void)L;
    unschedule(HANDLE_OF(w));
}

const rt_wait_ops rt_ops_handle = {.callback = handle_run, .closing = handle_closing, .fire = handle_run};

static ac_sync *schedule(ac_call_fn fn, ac_obj *env, ac_tuple *args, const char *name, int timer, double when) {
    rt_loop *L = rt_need_loop();
    rt_handle *h = rt_sched_alloc(sizeof *h);
    ac_sync *s;
    memset(h, 0, sizeof *h);
    h->w.kind = W_HANDLE;
    h->fn = fn;
    h->env = env;
    ac_incref(env);
    h->args = args;
    h->name = name;
    h->timer = (uint8_t)timer;
    h->when = when;
    s = rt_sync_ext_new(h, handle_fini, handle_repr);
    rt_sync_ext_gc(s, handle_traverse, handle_clear);
    h->self = s;
    ac_incref(s); /* the loop's, while scheduled */
    h->scheduled = 1;
    if (timer)
        rt_timer_add(L, &h->w, when);
    else
        rt_queue_callback(L, &h->w);
    return s;
}

ac_sync *ac_loop_call_soon(ac_sync *loop, ac_call_fn fn, ac_obj *env, ac_tuple *args, const char *name) {
    (void)loop;
    return schedule(fn, env, args, name, 0, 0.0);
}

ac_sync *ac_loop_call_at(ac_sync *loop, double when, ac_call_fn fn, ac_obj *env, ac_tuple *args, const char *name) {
    (void)loop;
    return schedule(fn, env, args, name, 1, when);
}

ac_sync *ac_loop_call_later(ac_sync *loop, double delay, ac_call_fn fn, ac_obj *env, ac_tuple *args,
                            const char *name) {
    return ac_loop_call_at(loop, rt_loop_time(rt_need_loop()) + delay, fn, env, args, name);
}

static rt_handle *handle_of(ac_sync *s) { return rt_sync_ext(s); }

void ac_handle_cancel(ac_sync *s) {
    rt_handle *h = handle_of(s);
    rt_loop *L = rt_need_loop();
    if (h->cancelled) return;
    h->cancelled = 1;
    if (!h->scheduled) return;
    if (h->timer)
        rt_timer_remove(L, &h->w);
    else if (h->w.bits & B_QUEUED) {
        rt_q_remove(L, (uintptr_t)&h->w | TAG_WAIT);
        h->w.bits &= (uint16_t)~B_QUEUED;
    }
    unschedule(h);
}

int ac_handle_cancelled(ac_sync *s) { return handle_of(s)->cancelled; }

double ac_handle_when(ac_sync *s) { return handle_of(s)->when; }
