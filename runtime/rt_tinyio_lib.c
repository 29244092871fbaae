/*
 * rt_tinyio_lib.c -- tinyio's Event (and its waits), sleep, Semaphore and
 * Lock, Barrier, timeout and as_completed.  tinyio writes most of them as
 * generator functions over Event.wait(); here each is a generator object
 * whose frame is a small C state machine (the protocol of asyncc_rt.h's
 * "Generators" block: ret is the mailbox, AC_YIELD hands out a wait or
 * coroutines, ac_err set on resume means something was thrown in), so the
 * loop in rt_tinyio.c drives them exactly as it drives compiled ones.
 */
#include "rt_tinyio.h"

#include <string.h>

/* ---- waits: tinyio's _Wait state machine --------------------------------------- */

static tio_wait *wait_new(tio_event *ev, double timeout) {
    tio_wait *w = tio_new(TIO_WAIT, sizeof *w);
    ac_incref(ev);
    w->ev = ev;
    w->timeout = timeout;
    return w;
}

static void notify_event(tio_wait *w) {
    if (w->state == TW_REGISTERED) {
        w->state = TW_NOTIFIED_EVENT;
        tio_wf_decrement(w->wf);
    }
}

void tio_wait_register(tio_wait *w, tio_wf *wf, double now) {
    tio_event *ev = w->ev;
    w->state = TW_REGISTERED;
    if (w->timeout >= 0) w->deadline = now + w->timeout;
    w->wf = wf;
    ev->waits = tio_grow(ev->waits, &ev->capwaits, ev->nwaits + 1, sizeof *ev->waits);
    ev->waits[ev->nwaits++] = w;
    ac_incref(w);
    if (ev->value) notify_event(w);
}

void tio_wait_timeout(tio_wait *w) {
    int registered = w->state == TW_REGISTERED;
    w->state = TW_NOTIFIED_TIMEOUT; /* a later clear() does not take it back */
    if (registered) tio_wf_decrement(w->wf);
}

void tio_wait_cleanup(tio_wait *w) {
    if (w->state == TW_DONE || w->state == TW_INIT) return;
    tio_event *ev = w->ev;
    w->state = TW_DONE;
    w->wf = NULL;
    for (uint32_t i = 0; i < ev->nwaits; i++)
        if (ev->waits[i] == w) {
            memmove(&ev->waits[i], &ev->waits[i + 1], (ev->nwaits - i - 1) * sizeof *ev->waits);
            ev->nwaits--;
            break;
        }
    w->ev = NULL;
    ac_decref(ev);
    ac_decref(w); /* the event's reference */
}

/* ---- Event ------------------------------------------------------------------- */

ac_tio *ac_tio_event_new(void) { return tio_new(TIO_EVENT, sizeof(tio_event)); }

int ac_tio_event_is_set(ac_tio *t) { return ((tio_event *)t)->value; }

void ac_tio_event_set(ac_tio *t) {
    tio_event *ev = (tio_event *)t;
    if (ev->value) return;
    /* a copy: a notified gather may clean its waits up meanwhile */
    uint32_t n = ev->nwaits;
    tio_wait **ws = rt_malloc((n + 1) * sizeof *ws);
    for (uint32_t i = 0; i < n; i++) {
        ws[i] = ev->waits[i];
        ac_incref(ws[i]);
    }
    for (uint32_t i = 0; i < n; i++) {
        if (ws[i]->state == TW_REGISTERED || ws[i]->state == TW_NOTIFIED_TIMEOUT) notify_event(ws[i]);
        ac_decref(ws[i]);
    }
    rt_free(ws);
    ev->value = 1;
}

void ac_tio_event_clear(ac_tio *t) {
    tio_event *ev = (tio_event *)t;
    if (!ev->value) return;
    for (uint32_t i = 0; i < ev->nwaits; i++) {
        tio_wait *w = ev->waits[i];
        if (w->state == TW_NOTIFIED_EVENT) {
            w->state = TW_REGISTERED;
            tio_wf_increment(w->wf);
        }
    }
    ev->value = 0;
}

/* ---- native generators ----------------------------------------------------- */

typedef struct nat_frame {
    ac_val ret;
    int32_t state;
} nat_frame;

/* Generator[object, ...] as the compiler describes it */
static const ac_type *const obj1[] = {&ac_t_object};
static const ac_type gen_t = {AC_K_GEN, 1, obj1};

/* A resumed frame's sent value is dropped; 1 when an error was thrown in. */
static int resumed(nat_frame *f) {
    ac_decref(f->ret.p);
    return ac_err != NULL;
}

/* Event.wait(timeout) and sleep(): yield one wait, return None. */
typedef struct wait_frame {
    nat_frame f;
    tio_event *ev;
    double timeout;
} wait_frame;

static ac_status wait_resume(void *frame) {
    wait_frame *f = frame;
    if (f->f.state == 0) {
        f->f.ret.p = wait_new(f->ev, f->timeout);
        f->f.state = 1;
        return AC_YIELD;
    }
    int err = resumed(&f->f);
    ac_decref(f->ev);
    f->f.ret.i = 0;
    return err ? AC_ERROR : AC_DONE;
}

static void wait_drop(void *frame) { ac_decref(((wait_frame *)frame)->ev); }

static const ac_coro_vt wait_vt = {wait_resume, wait_drop, "Event.wait", &ac_t_none, sizeof(wait_frame), NULL};
static const ac_coro_vt sleep_vt = {wait_resume, wait_drop, "sleep", &ac_t_none, sizeof(wait_frame), NULL};

static ac_gen *wait_gen(const ac_coro_vt *vt, tio_event *ev, double timeout) {
    ac_gen *g = ac_gen_new(vt, &ac_t_object);
    wait_frame *f = AC_GEN_FRAME(g, wait_frame);
    ac_incref(ev);
    f->ev = ev;
    f->timeout = timeout;
    return g;
}

ac_gen *ac_tio_event_wait(ac_tio *ev, double timeout) { return wait_gen(&wait_vt, (tio_event *)ev, timeout); }

ac_gen *ac_tio_sleep(double seconds) {
    tio_event *ev = (tio_event *)ac_tio_event_new();
    ac_gen *g = wait_gen(&sleep_vt, ev, seconds < 0 ? 0 : seconds);
    ac_decref(ev);
    return g;
}

/* ---- Semaphore and Lock -------------------------------------------------------- */

typedef struct tio_sem {
    ac_tio t;
    int64_t value;
    tio_event **events; /* FIFO of the waiters' events */
    uint32_t head, n, cap;
} tio_sem;

typedef struct tio_guard {
    ac_tio t;
    tio_sem *sem;
} tio_guard;

ac_tio *ac_tio_semaphore_new(int64_t value) {
    if (value <= 0) {
        ac_raise_msg(&ac_cls_ValueError, "`tinyio.Semaphore(value=...)` must be positive.");
        return NULL;
    }
    tio_sem *s = tio_new(TIO_SEM, sizeof *s);
    s->value = value;
    return &s->t;
}

ac_tio *ac_tio_lock_new(void) { return ac_tio_semaphore_new(1); }

typedef struct sem_frame {
    nat_frame f;
    tio_sem *sem;
    tio_event *ev;
} sem_frame;

static ac_status sem_resume(void *frame) {
    sem_frame *f = frame;
    tio_sem *s = f->sem;
    if (f->f.state == 0 && s->value == 0) { /* wait for a release to set our event */
        f->ev = (tio_event *)ac_tio_event_new();
        if (s->head + s->n == s->cap) {
            if (s->n) memmove(s->events, s->events + s->head, s->n * sizeof *s->events);
            s->head = 0;
            s->events = tio_grow(s->events, &s->cap, s->n + 1, sizeof *s->events);
        }
        ac_incref(f->ev);
        s->events[s->head + s->n++] = f->ev;
        f->f.ret.p = wait_new(f->ev, -1);
        f->f.state = 1;
        return AC_YIELD;
    }
    if (f->f.state == 1) {
        int err = resumed(&f->f);
        ac_decref(f->ev);
        if (err) {
            ac_decref(s);
            return AC_ERROR;
        }
    }
    if (s->value <= 0) {
        ac_decref(s);
        ac_raise_msg(&ac_cls_RuntimeError, "semaphore woken with no value left");
        return AC_ERROR;
    }
    s->value--;
    tio_guard *g = tio_new(TIO_GUARD, sizeof *g);
    g->sem = s; /* the frame's reference moves to the guard */
    f->f.ret.p = g;
    return AC_DONE;
}

static void sem_drop(void *frame) {
    sem_frame *f = frame;
    if (f->f.state == 1) ac_decref(f->ev);
    ac_decref(f->sem);
}

static const ac_coro_vt sem_vt = {sem_resume, sem_drop, "Semaphore.__call__", &ac_t_tio, sizeof(sem_frame), NULL};

ac_gen *ac_tio_semaphore_call(ac_tio *sem) {
    ac_gen *g = ac_gen_new(&sem_vt, &ac_t_object);
    ac_incref(sem);
    AC_GEN_FRAME(g, sem_frame)->sem = (tio_sem *)sem;
    return g;
}

/* The end of `with (yield sem()):` -- _CloseSemaphore.__exit__. */
void ac_tio_guard_exit(ac_tio *guard) {
    tio_sem *s = ((tio_guard *)guard)->sem;
    s->value++;
    if (s->n > 0) {
        tio_event *ev = s->events[s->head++];
        s->n--;
        ac_tio_event_set(&ev->t);
        ac_decref(ev);
    }
}

/* ---- Barrier ------------------------------------------------------------------- */

typedef struct tio_barrier {
    ac_tio t;
    int64_t count, value;
    tio_event *ev;
} tio_barrier;

ac_tio *ac_tio_barrier_new(int64_t value) {
    tio_barrier *b = tio_new(TIO_BARRIER, sizeof *b);
    b->value = value;
    b->ev = (tio_event *)ac_tio_event_new();
    return &b->t;
}

typedef struct barrier_frame {
    nat_frame f;
    tio_barrier *b;
    int64_t count;
} barrier_frame;

static ac_status barrier_resume(void *frame) {
    barrier_frame *f = frame;
    tio_barrier *b = f->b;
    if (f->f.state == 0) {
        f->count = b->count++;
        if (b->count == b->value) ac_tio_event_set(&b->ev->t);
        f->f.ret.p = wait_new(b->ev, -1);
        f->f.state = 1;
        return AC_YIELD;
    }
    int err = resumed(&f->f);
    ac_decref(b);
    f->f.ret.i = f->count;
    return err ? AC_ERROR : AC_DONE;
}

static void barrier_drop(void *frame) { ac_decref(((barrier_frame *)frame)->b); }

static const ac_coro_vt barrier_vt = {barrier_resume, barrier_drop, "Barrier.wait", &ac_t_int, sizeof(barrier_frame),
                                      NULL};

ac_gen *ac_tio_barrier_wait(ac_tio *b) {
    ac_gen *g = ac_gen_new(&barrier_vt, &ac_t_object);
    ac_incref(b);
    AC_GEN_FRAME(g, barrier_frame)->b = (tio_barrier *)b;
    return g;
}

/* ---- timeout -------------------------------------------------------------------- */

/* What a background wrapper got from the coroutine it waited for. */
typedef struct tio_cell {
    ac_tio t;
    ac_obj *out;
    int has;
} tio_cell;

/* `out = yield coro; cell = out; done.set()` (timeout's wrapper) */
typedef struct wrap_frame {
    nat_frame f;
    ac_gen *coro;
    tio_cell *cell;
    tio_event *done;
} wrap_frame;

static void wrap_release(wrap_frame *f) {
    ac_decref(f->coro);
    ac_decref(f->cell);
    ac_decref(f->done);
}

static ac_status wrap_resume(void *frame) {
    wrap_frame *f = frame;
    if (f->f.state == 0) {
        ac_incref(f->coro);
        f->f.ret.p = f->coro;
        f->f.state = 1;
        return AC_YIELD;
    }
    if (ac_err) {
        ac_decref(f->f.ret.p);
        wrap_release(f);
        return AC_ERROR;
    }
    f->cell->out = f->f.ret.p;
    f->cell->has = 1;
    ac_tio_event_set(&f->done->t);
    wrap_release(f);
    f->f.ret.i = 0;
    return AC_DONE;
}

static void wrap_drop(void *frame) { wrap_release(frame); }

static const ac_coro_vt wrap_vt = {wrap_resume, wrap_drop, "wrapper", &ac_t_none, sizeof(wrap_frame), NULL};

static ac_gen *wrapper(ac_gen *coro, tio_cell *cell, tio_event *done) {
    ac_gen *g = ac_gen_new(&wrap_vt, &gen_t);
    wrap_frame *f = AC_GEN_FRAME(g, wrap_frame);
    ac_incref(coro);
    ac_incref(cell);
    ac_incref(done);
    f->coro = coro;
    f->cell = cell;
    f->done = done;
    return g;
}

static const ac_type *const gen1[] = {&gen_t};
static const ac_type gen_set_t = {AC_K_SET, 1, gen1};

static ac_set *set_of(ac_gen *g /* stolen */) {
    ac_set *s = ac_set_new(&gen_set_t);
    ac_set_add(s, ac_ptr_val(g));
    return s;
}

typedef struct timeout_frame {
    nat_frame f;
    ac_gen *coro;
    double seconds;
    tio_cell *cell;
    tio_event *done;
} timeout_frame;

static const ac_type *const obj_bool[] = {&ac_t_object, &ac_t_bool};
static const ac_type obj_bool_t = {AC_K_TUPLE, 2, obj_bool};

static void timeout_release(timeout_frame *f) {
    ac_decref(f->coro);
    if (f->cell) ac_decref(f->cell);
    if (f->done) ac_decref(f->done);
}

static ac_status timeout_resume(void *frame) {
    timeout_frame *f = frame;
    switch (f->f.state) {
    case 0:
        f->cell = tio_new(TIO_CELL, sizeof *f->cell);
        f->done = (tio_event *)ac_tio_event_new();
        f->f.ret.p = set_of(wrapper(f->coro, f->cell, f->done));
        f->f.state = 1;
        return AC_YIELD;
    case 1:
        if (resumed(&f->f)) break;
        f->f.ret.p = wait_new(f->done, f->seconds);
        f->f.state = 2;
        return AC_YIELD;
    default: {
        if (resumed(&f->f)) break;
        ac_val items[2];
        if (f->cell->has) {
            items[0].p = f->cell->out;
            ac_incref(f->cell->out);
            items[1].i = 1;
        } else {
            /* halt the coroutine: TimeoutError thrown in, and suppressed */
            ac_val v;
            ac_status st = ac_gen_resume(f->coro, &ac_None, ac_exc_new(&ac_cls_tio_TimeoutError, NULL), &v);
            if (st == AC_ERROR && ac_exc_matches(ac_err, &ac_cls_tio_TimeoutError)) ac_decref(ac_take_err());
            if (st == AC_ERROR && ac_err) break;
            if (st == AC_YIELD) ac_val_decref(v, f->coro->yt);
            if (st == AC_DONE) ac_val_decref(v, f->coro->vt->ret);
            items[0].p = &ac_None;
            items[1].i = 0;
        }
        timeout_release(f);
        f->f.ret.p = ac_tuple_new(&obj_bool_t, items);
        return AC_DONE;
    }
    }
    timeout_release(f);
    return AC_ERROR;
}

static void timeout_drop(void *frame) { timeout_release(frame); }

static const ac_coro_vt timeout_vt = {timeout_resume, timeout_drop, "timeout", &obj_bool_t, sizeof(timeout_frame),
                                      NULL};

ac_gen *ac_tio_timeout(ac_gen *coro, double seconds) {
    ac_gen *g = ac_gen_new(&timeout_vt, &ac_t_object);
    timeout_frame *f = AC_GEN_FRAME(g, timeout_frame);
    ac_incref(coro);
    f->coro = coro;
    f->seconds = seconds;
    return g;
}

/* ---- as_completed ---------------------------------------------------------------- */

/* The results in the order they came, and one event per place. */
typedef struct tio_acstate {
    ac_tio t;
    int64_t n, put;
    ac_obj **outs;
    tio_event **events;
} tio_acstate;

typedef struct acwrap_frame {
    nat_frame f;
    ac_gen *coro;
    tio_acstate *s;
} acwrap_frame;

static ac_status acwrap_resume(void *frame) {
    acwrap_frame *f = frame;
    if (f->f.state == 0) {
        ac_incref(f->coro);
        f->f.ret.p = f->coro;
        f->f.state = 1;
        return AC_YIELD;
    }
    ac_decref(f->coro);
    if (ac_err) {
        ac_decref(f->f.ret.p);
        ac_decref(f->s);
        return AC_ERROR;
    }
    tio_acstate *s = f->s;
    s->outs[s->put] = f->f.ret.p;
    ac_tio_event_set(&s->events[s->put]->t);
    s->put++;
    ac_decref(s);
    f->f.ret.i = 0;
    return AC_DONE;
}

static void acwrap_drop(void *frame) {
    acwrap_frame *f = frame;
    ac_decref(f->coro);
    ac_decref(f->s);
}

static const ac_coro_vt acwrap_vt = {acwrap_resume, acwrap_drop, "wrapper", &ac_t_none, sizeof(acwrap_frame), NULL};

/* as_completed_i: `yield events[i].wait(); return outs[i]` */
typedef struct aci_frame {
    nat_frame f;
    tio_acstate *s;
    int64_t i;
} aci_frame;

static ac_status aci_resume(void *frame) {
    aci_frame *f = frame;
    if (f->f.state == 0) {
        f->f.ret.p = wait_new(f->s->events[f->i], -1);
        f->f.state = 1;
        return AC_YIELD;
    }
    int err = resumed(&f->f);
    if (!err) {
        f->f.ret.p = f->s->outs[f->i];
        ac_incref(f->f.ret.p);
    }
    ac_decref(f->s);
    return err ? AC_ERROR : AC_DONE;
}

static void aci_drop(void *frame) { ac_decref(((aci_frame *)frame)->s); }

static const ac_coro_vt aci_vt = {aci_resume, aci_drop, "as_completed_i", &ac_t_object, sizeof(aci_frame), NULL};

typedef struct asc_frame {
    nat_frame f;
    ac_set *coros;
    tio_acstate *s;
} asc_frame;

static const ac_type gen_list_t = {AC_K_LIST, 1, gen1};

static ac_status asc_resume(void *frame) {
    asc_frame *f = frame;
    if (f->f.state == 0) {
        tio_acstate *s = f->s = tio_new(TIO_ACSTATE, sizeof *s);
        s->n = ac_set_len(f->coros);
        s->outs = rt_malloc((size_t)(s->n + 1) * sizeof *s->outs);
        s->events = rt_malloc((size_t)(s->n + 1) * sizeof *s->events);
        for (int64_t i = 0; i < s->n; i++) {
            s->outs[i] = NULL;
            s->events[i] = (tio_event *)ac_tio_event_new();
        }
        ac_set *ws = ac_set_new(&gen_set_t);
        int64_t pos = 0;
        ac_val key;
        while (ac_set_next(f->coros, &pos, &key)) {
            ac_gen *g = ac_gen_new(&acwrap_vt, &gen_t);
            acwrap_frame *w = AC_GEN_FRAME(g, acwrap_frame);
            w->coro = key.p;
            ac_incref(key.p);
            w->s = s;
            ac_incref(s);
            ac_set_add(ws, ac_ptr_val(g));
        }
        ac_decref(f->coros);
        f->f.ret.p = ws;
        f->f.state = 1;
        return AC_YIELD;
    }
    int err = resumed(&f->f);
    if (!err) {
        ac_list *l = ac_list_new(&gen_t, 0, NULL);
        for (int64_t i = 0; i < f->s->n; i++) {
            ac_gen *g = ac_gen_new(&aci_vt, &ac_t_object);
            aci_frame *a = AC_GEN_FRAME(g, aci_frame);
            a->s = f->s;
            ac_incref(f->s);
            a->i = i;
            ac_list_append(l, ac_ptr_val(g));
        }
        f->f.ret.p = l;
    }
    ac_decref(f->s);
    return err ? AC_ERROR : AC_DONE;
}

static void asc_drop(void *frame) {
    asc_frame *f = frame;
    if (f->f.state == 0)
        ac_decref(f->coros);
    else
        ac_decref(f->s);
}

static const ac_coro_vt asc_vt = {asc_resume, asc_drop, "as_completed", &gen_list_t, sizeof(asc_frame), NULL};

ac_gen *ac_tio_as_completed(ac_set *coros) {
    ac_gen *g = ac_gen_new(&asc_vt, &ac_t_object);
    ac_incref(coros);
    AC_GEN_FRAME(g, asc_frame)->coros = coros;
    return g;
}

/* ---- freeing ---------------------------------------------------------------------- */

void tio_lib_free(ac_tio *t) {
    switch (t->sub) {
    case TIO_SEM: {
        tio_sem *s = (tio_sem *)t;
        for (uint32_t i = 0; i < s->n; i++) ac_decref(s->events[s->head + i]);
        rt_free(s->events);
        break;
    }
    case TIO_GUARD: ac_decref(((tio_guard *)t)->sem); break;
    case TIO_BARRIER: ac_decref(((tio_barrier *)t)->ev); break;
    case TIO_CELL:
        if (((tio_cell *)t)->out) ac_decref(((tio_cell *)t)->out);
        break;
    case TIO_ACSTATE: {
        tio_acstate *s = (tio_acstate *)t;
        for (int64_t i = 0; i < s->n; i++) {
            if (s->outs[i]) ac_decref(s->outs[i]);
            ac_decref(s->events[i]);
        }
        rt_free(s->outs);
        rt_free(s->events);
        break;
    }
    default: break;
    }
}

/* ---- exception groups -------------------------------------------------------------- */

ac_exc *tio_exception_group(const char *msg, ac_exc **subs, uint32_t n) {
    int all_exc = 1;
    for (uint32_t i = 0; i < n; i++) all_exc &= ac_exc_matches(subs[i], &ac_cls_Exception);
    rt_buf b = {0};
    rt_buf_printf(&b, "%s (%u sub-exception%s)", msg, n, n == 1 ? "" : "s");
    ac_val v;
    v.p = rt_buf_finish(&b);
    ac_exc *g = ac_exc_new(all_exc ? &ac_cls_ExceptionGroup : &ac_cls_BaseExceptionGroup,
                           ac_tuple_new(&rt_t_tuple_str1, &v));
    /* the first sub-exception is kept as the group's context, so an
     * uncaught group still shows the original error's traceback */
    g->context = subs[0];
    for (uint32_t i = 1; i < n; i++) ac_decref(subs[i]);
    return g;
}
