/*
 * rt_callback.c -- done-callbacks that are functions of the program:
 * Task.add_done_callback(fn) and remove_done_callback(fn).
 *
 * A callback is a record (W_FCALL) on the task's waiter list, so it runs
 * in registration order among the task's other done-callbacks (a task
 * awaiting it, a gather): CPython call_soon()s them one after another when
 * the future completes, and our finished task runs its list in one hop,
 * which is the same order.  Added to a task that is already done, it is
 * queued at once (call_soon).  The function is a C function the compiler
 * writes for the def (a "thunk" with one signature for every callback) and
 * an environment it owns, NULL for a plain def, a closure later.
 *
 * A record on the list does not hold the task: the task holds the record
 * (as CPython's future holds its _callbacks, not the other way round), so
 * a future that is never completed and that nothing else refers to is
 * freed with its callbacks instead of keeping itself alive through them.
 * The task's finish holds it while its list runs; a record queued at once
 * (the task already done) holds it, as CPython's Handle holds its args.
 */
#include <stdio.h>
#include <string.h>
#include "rt_sched.h"

typedef struct rt_fcall {
    ac_wait w; /* first: the record is the entry */
    ac_done_fn fn;
    ac_obj *env;      /* owned, may be NULL */
    const char *name; /* the def's name, for the error report */
    int holds_task;   /* queued at once: w.obj is owned */
} rt_fcall;

static void fcall_free(rt_fcall *c) {
    if (c->holds_task) ac_decref(c->w.obj);
    ac_decref(c->env);
    rt_sched_free(c);
}

/* CPython's report of an exception in a done-callback: "Exception in
 * callback on_done(<Task finishe...> result=1>) at prog.py:4" and the
 * handle it ran from (the context's 'handle' is its repr here: the
 * callback has no Handle object) */
static void report_callback_error(const char *name, ac_task *t) {
    ac_exc *e = ac_take_err();
    rt_buf m = {NULL, 0, 0}, hb = {NULL, 0, 0};
    ac_str *msg, *h;
    rt_buf_puts(&m, "Exception in callback ");
    rt_callback_source(&m, name, NULL, t);
    msg = rt_buf_finish(&m);
    rt_buf_printf(&hb, "<Handle %s>", msg->s + strlen("Exception in callback "));
    h = rt_buf_finish(&hb);
    rt_report_to_handler(msg->s, e, "handle", &h->h, h->s);
    ac_decref(msg);
    ac_decref(h);
    ac_decref(e);
}

static void fcall_run(rt_loop *L, ac_wait *w) {
    rt_fcall *c = (rt_fcall *)w;
    ac_task *t = w->obj;
    ac_task *prev = L->current;
    L->current = NULL; /* a callback runs outside any task */
    c->fn(c->env, t);
    if (ac_err) report_callback_error(c->name, t);
    L->current = prev;
    fcall_free(c);
}

static void fcall_closing(rt_loop *L, ac_wait *w) {
    (void)L;
    fcall_free((rt_fcall *)w);
}

const rt_wait_ops rt_ops_fcall = {.callback = fcall_run, .closing = fcall_closing};

void ac_task_add_done_callback(ac_task *t, ac_done_fn fn, ac_obj *env, const char *name) {
    rt_loop *L = rt_need_loop();
    rt_fcall *c = rt_sched_alloc(sizeof *c);
    memset(c, 0, sizeof *c);
    c->w.kind = W_FCALL;
    c->w.obj = t;
    c->fn = fn;
    c->env = env;
    ac_incref(env);
    c->name = name;
    if (t->flags & TF_DONE) {
        c->holds_task = 1;
        ac_incref(t);
        rt_queue_callback(L, &c->w);
    } else {
        rt_waiter_append(t, &c->w);
    }
}

/* A task freed unfinished (a future no one completed) with callbacks
 * still on its list: they never run, as in CPython. */
void rt_drop_pending_callbacks(ac_task *t) {
    rt_gather *b;
    ac_wait *w;
    while ((w = rt_waiter_pop(t, &b)) != NULL)
        if (w->kind == W_FCALL) fcall_free((rt_fcall *)w);
}

/* the record is the callback remove_done_callback names: the def's thunk
 * fn, or (fn NULL) the function value env, or the bound method env.name */
static int fcall_is(const rt_fcall *c, ac_done_fn fn, const ac_obj *env, const char *name) {
    if (fn) return c->fn == fn && !c->env;
    return c->env == env && (!name || (c->name && !strcmp(c->name, name)));
}

/* the callbacks still on t's list that are the one named: removed, counted */
static int64_t remove_callbacks(ac_task *t, ac_done_fn fn, const ac_obj *env, const char *name) {
    rt_loop *L = rt_need_loop();
    ac_wait *w, *next;
    int64_t n = 0;
    for (w = rt_waiter_next(t, NULL); w; w = next) {
        next = rt_waiter_next(t, w);
        if (w->kind != W_FCALL || !fcall_is((rt_fcall *)w, fn, env, name)) continue;
        rt_unhook(L, w);
        fcall_free((rt_fcall *)w);
        n++;
    }
    return n;
}

int64_t ac_task_remove_done_callback(ac_task *t, ac_done_fn fn) { return remove_callbacks(t, fn, NULL, NULL); }

int64_t ac_task_remove_done_callback_value(ac_task *t, ac_obj *env, const char *method) {
    return remove_callbacks(t, NULL, env, method);
}
