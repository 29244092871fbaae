/*
 * rt_embed.c -- the embedding API of asyncc.h.
 */
#include <stdlib.h>
#include <string.h>
#include "asyncc.h"
#include "rt_sched.h"

asyncc_loop *asyncc_open(void) {
    rt_loop *L = rt_sched_alloc(sizeof *L);
    rt_loop_init(L);
    L->virtual_clock = 1;
    rt_cur_loop = L;
    return L;
}

void asyncc_close(asyncc_loop *L) {
    rt_loop_fini(L);
    ac_gc_collect(); /* the cycles its tasks left, before a leak checker looks */
    if (rt_cur_loop == L) rt_cur_loop = NULL;
    rt_sched_free(L);
    asyncc_flush(); /* a host need not know print() is buffered */
}

void asyncc_flush(void) { ac_flush(); }

void asyncc_use(asyncc_loop *L) { rt_cur_loop = L; }

void asyncc_set_time(asyncc_loop *L, double (*now)(void *ud), void *ud) {
    if (!now) {
        if (!L->virtual_clock) L->vnow = L->time_fn(L->time_ud);
        L->virtual_clock = 1;
        return;
    }
    L->virtual_clock = 0;
    L->time_fn = now;
    L->sleep_fn = NULL;
    L->time_ud = ud;
}

double asyncc_time(asyncc_loop *L) { return rt_loop_time(L); }

void asyncc_advance(asyncc_loop *L, double t) {
    if (L->virtual_clock && t > L->vnow) L->vnow = t;
}

void asyncc_set_allocator(void *(*fn)(void *ud, void *old, size_t n), void *ud) { rt_set_allocator(fn, ud); }

uint64_t asyncc_alloc_count(void) { return rt_alloc_count(); }

ac_task *asyncc_spawn(asyncc_loop *L, ac_task *coro) {
    rt_loop *saved = rt_cur_loop;
    ac_task *t;
    rt_cur_loop = L;
    t = rt_spawn(coro); /* coro's reference is the handle */
    rt_cur_loop = saved ? saved : L;
    return t;
}

int asyncc_next_deadline(asyncc_loop *L, double *deadline) {
    int has;
    double d = rt_next_deadline(L, &has);
    if (deadline) *deadline = d;
    return has;
}

static int status(rt_loop *L, double *deadline) {
    if (rt_has_ready(L)) return ASYNCC_READY;
    if (asyncc_next_deadline(L, deadline)) return ASYNCC_TIMER;
    if (L->npending == 0) return ASYNCC_IDLE;
    return ASYNCC_WAITING;
}

int asyncc_step(asyncc_loop *L, double *deadline) {
    rt_loop *saved = rt_cur_loop;
    if (L->current) return status(L, deadline); /* from inside a step */
    rt_cur_loop = L;
    for (;;) {
        int has;
        double when = rt_next_deadline(L, &has);
        if (!rt_has_ready(L) && !(has && when < rt_loop_time(L) + 1e-9)) break;
        rt_run_once(L, 1);
    }
    rt_cur_loop = saved ? saved : L;
    return status(L, deadline);
}

int asyncc_run(asyncc_loop *L, double *deadline) {
    double when = 0;
    int st;
    for (;;) {
        st = asyncc_step(L, &when);
        if (deadline) *deadline = when;
        if (st != ASYNCC_TIMER || !L->virtual_clock || L->current) return st;
        asyncc_advance(L, when);
    }
}

void asyncc_push_event(asyncc_loop *L, const char *data, size_t len) {
    rt_push_event(L, ac_str_new(data, (int64_t)len));
}

void asyncc_frame_tick(asyncc_loop *L) { rt_frame_tick(L); }

int asyncc_call_return(asyncc_loop *L, ac_call_id id, ac_val v) { return rt_call_return(L, id, v); }

int asyncc_call_raise(asyncc_loop *L, ac_call_id id, const ac_class *cls, const char *msg) {
    ac_exc *saved = ac_take_err();
    ac_exc *e;
    if (msg)
        ac_raise_msg(cls, "%s", msg);
    else
        ac_raise_msg(cls, NULL);
    e = ac_take_err();
    ac_err = saved;
    return rt_call_raise(L, id, e);
}

int asyncc_result(ac_task *t, ac_val *value, ac_exc **error) {
    if (value) value->i = 0;
    if (error) *error = NULL;
    if (!ac_task_done(t)) return ASYNCC_PENDING;
    if (ac_task_cancelled(t)) return ASYNCC_CANCELLED;
    if (t->flags & TF_FAILED) {
        ac_exc *e = ((ac_val *)ac_task_frame(t))->p;
        t->flags |= TF_RETRIEVED;
        if (error) {
            ac_incref(e);
            *error = e;
        }
        return ASYNCC_RAISED;
    }
    t->flags |= TF_RETRIEVED;
    if (value) rt_task_release_result(t, value);
    return ASYNCC_OK;
}

int asyncc_cancel(ac_task *t) { return ac_task_cancel(t); }

void asyncc_cancel_silent(ac_task *t) { ac_edge_cancel(t); }

void asyncc_release(ac_task *t) { ac_decref(t); }
