/*
 * test_tinyio.c -- the tinyio loop (rt_tinyio.c) over hand-written
 * coroutines that use generated code's protocol, on the virtual clock:
 * a gather of sleeps, a diamond (one coroutine yielded by two waiters runs
 * once), an Event that wakes its waiters, and an error that cancels the
 * others (each sees tinyio.CancelledError) and leaves Loop.run.  The
 * expectations are what the real tinyio does with the same programs.
 */
#define _POSIX_C_SOURCE 200809L /* setenv */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

static char trace[512];

static void note(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    size_t n = strlen(trace);
    vsnprintf(trace + n, sizeof trace - n, fmt, ap);
    va_end(ap);
}

static const ac_type *const obj1[] = {&ac_t_object};
static const ac_type gen_t = {AC_K_GEN, 1, obj1};

/* def napper(k, secs, fail): yield sleep(secs); if fail: raise
 * ValueError; return k (noting its cancellation if it comes) */
struct napper_frame {
    ac_val ret;
    uint8_t state;
    int64_t k;
    double secs;
    int fail;
};

static ac_status napper_resume(void *frame) {
    struct napper_frame *f = frame;
    if (f->state == 1) goto resume_1;
    if (f->state != 0) return AC_DONE;
    f->ret.p = ac_tio_sleep(f->secs);
    AC_AWAIT_YIELD(1, goto caught);
    ac_decref(f->ret.p);
    if (f->fail) {
        note("fail%lld ", (long long)f->k);
        ac_raise_msg(&ac_cls_ValueError, "napper %lld", (long long)f->k);
        f->state = 2;
        return AC_ERROR;
    }
    note("woke%lld ", (long long)f->k);
    f->ret = ac_int_val(f->k);
    f->state = 2;
    return AC_DONE;
caught:
    if (ac_exc_matches(ac_err, &ac_cls_tio_CancelledError)) note("cancelled%lld ", (long long)f->k);
    f->state = 2;
    return AC_ERROR;
}

static const ac_coro_vt napper_vt = {napper_resume, NULL, "napper", &ac_t_int, sizeof(struct napper_frame), NULL};

static ac_gen *napper(int64_t k, double secs, int fail) {
    ac_gen *g = ac_gen_new(&napper_vt, &gen_t);
    struct napper_frame *f = AC_GEN_FRAME(g, struct napper_frame);
    f->k = k;
    f->secs = secs;
    f->fail = fail;
    return g;
}

/* def gatherer(a, b): return (yield [a, b]) -- the list it resumes with */
struct gatherer_frame {
    ac_val ret;
    uint8_t state;
    ac_gen *a, *b;
};

static const ac_type *const gen1[] = {&gen_t};
static const ac_type gen_list_t = {AC_K_LIST, 1, gen1};
static const ac_type *const int1[] = {&ac_t_int};
static const ac_type int_list_t = {AC_K_LIST, 1, int1};

static ac_status gatherer_resume(void *frame) {
    struct gatherer_frame *f = frame;
    if (f->state == 1) goto resume_1;
    if (f->state != 0) return AC_DONE;
    {
        ac_list *l = ac_list_new(&gen_list_t, 0, NULL);
        ac_list_append(l, ac_ptr_val(f->a));
        ac_list_append(l, ac_ptr_val(f->b));
        f->a = f->b = NULL;
        f->ret.p = l;
    }
    AC_AWAIT_YIELD(1, goto fail);
    f->state = 2; /* the list of results stays in ret */
    return AC_DONE;
fail:
    f->state = 2;
    return AC_ERROR;
}

static void gatherer_drop(void *frame) {
    struct gatherer_frame *f = frame;
    if (f->a) ac_decref(f->a);
    if (f->b) ac_decref(f->b);
}

static const ac_coro_vt gatherer_vt = {gatherer_resume, gatherer_drop, "gatherer", &ac_t_object,
                                       sizeof(struct gatherer_frame), NULL};

static ac_gen *gatherer(ac_gen *a, ac_gen *b) { /* steals a and b */
    ac_gen *g = ac_gen_new(&gatherer_vt, &gen_list_t);
    struct gatherer_frame *f = AC_GEN_FRAME(g, struct gatherer_frame);
    f->a = a;
    f->b = b;
    return g;
}

static void run_virtual(void) { setenv("ASYNCC_CLOCK", "virtual", 1); }

/* Loop.run borrows the coroutine (as a Python caller's reference) */
static ac_obj *run(ac_tio *loop, ac_gen *root, int exception_group) {
    ac_obj *r = ac_tio_run(loop, root, exception_group);
    ac_decref(root);
    return r;
}

static int64_t item(ac_obj *list, int64_t i) {
    ac_list *l = ac_obj_as_ptr(list, &int_list_t);
    assert_non_null(l);
    return l->items[i].i;
}

static void gather_in_list_order(void **state) {
    (void)state;
    trace[0] = 0;
    ac_tio *loop = ac_tio_loop_new();
    ac_obj *r = run(loop, gatherer(napper(1, 0.2, 0), napper(2, 0.1, 0)), -1);
    assert_null(ac_err);
    assert_string_equal(trace, "woke2 woke1 ");
    assert_int_equal(item(r, 0), 1);
    assert_int_equal(item(r, 1), 2);
    ac_decref(r);
    ac_decref(loop);
}

static void diamond_runs_once(void **state) {
    (void)state;
    trace[0] = 0;
    ac_tio *loop = ac_tio_loop_new();
    ac_gen *shared = napper(7, 0.1, 0);
    ac_incref(shared);
    ac_obj *r = run(loop, gatherer(shared, napper(8, 0.2, 0)), -1);
    assert_string_equal(trace, "woke7 woke8 ");
    ac_decref(r);
    /* finished: a later run answers from the loop's results */
    r = ac_tio_run(loop, shared, -1);
    assert_non_null(r);
    assert_string_equal(trace, "woke7 woke8 ");
    ac_decref(r);
    ac_decref(shared);
    ac_decref(loop);
}

static void error_cancels_the_others(void **state) {
    (void)state;
    trace[0] = 0;
    ac_tio *loop = ac_tio_loop_new();
    ac_obj *r = run(loop, gatherer(napper(1, 0.5, 0), napper(2, 0.1, 1)), -1);
    assert_null(r);
    ac_exc *e = ac_take_err();
    assert_non_null(e);
    assert_true(e->cls == &ac_cls_ValueError);
    /* the gatherer started first, then napper 1: cancelled in that order */
    assert_string_equal(trace, "fail2 cancelled1 ");
    ac_decref(e);
    ac_decref(loop);
}

static void exception_group_when_asked(void **state) {
    (void)state;
    trace[0] = 0;
    ac_tio *loop = ac_tio_loop_new();
    ac_obj *r = run(loop, gatherer(napper(1, 0.5, 0), napper(2, 0.1, 1)), 1);
    assert_null(r);
    ac_exc *e = ac_take_err();
    assert_true(e->cls == &ac_cls_BaseExceptionGroup); /* CancelledErrors are BaseExceptions */
    assert_non_null(e->context);
    assert_true(e->context->cls == &ac_cls_ValueError);
    ac_decref(e);
    ac_decref(loop);
}

/* def setter(ev): yield; ev.set() -- and an Event.wait() gathered with it */
struct setter_frame {
    ac_val ret;
    uint8_t state;
    ac_tio *ev;
};

static ac_status setter_resume(void *frame) {
    struct setter_frame *f = frame;
    if (f->state == 1) goto resume_1;
    if (f->state != 0) return AC_DONE;
    f->ret.p = &ac_None;
    AC_AWAIT_YIELD(1, goto fail);
    note("set ");
    ac_tio_event_set(f->ev);
    ac_decref(f->ev);
    f->ret.i = 0;
    f->state = 2;
    return AC_DONE;
fail:
    ac_decref(f->ev);
    f->state = 2;
    return AC_ERROR;
}

static void setter_drop(void *frame) { ac_decref(((struct setter_frame *)frame)->ev); }

static const ac_coro_vt setter_vt = {setter_resume, setter_drop, "setter", &ac_t_none, sizeof(struct setter_frame),
                                     NULL};

static void event_wakes_waiter(void **state) {
    (void)state;
    trace[0] = 0;
    ac_tio *loop = ac_tio_loop_new();
    ac_tio *ev = ac_tio_event_new();
    ac_gen *s = ac_gen_new(&setter_vt, &ac_t_object);
    ac_incref(ev);
    AC_GEN_FRAME(s, struct setter_frame)->ev = ev;
    ac_obj *r = run(loop, gatherer(ac_tio_event_wait(ev, -1), s), -1);
    assert_non_null(r);
    assert_int_equal(ac_tio_event_is_set(ev), 1);
    assert_string_equal(trace, "set ");
    ac_decref(r);
    ac_decref(ev);
    ac_decref(loop);
}

int main(void) {
    run_virtual();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gather_in_list_order),      cmocka_unit_test(diamond_runs_once),
        cmocka_unit_test(error_cancels_the_others),  cmocka_unit_test(exception_group_when_asked),
        cmocka_unit_test(event_wakes_waiter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
