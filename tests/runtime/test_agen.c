/*
 * test_agen.c -- async generators (rt_agen.c) over a hand-written frame
 * that uses the protocol of generated code (asyncc_rt.h, "Async
 * generators"): AC_AGEN_YIELD for items, AC_AWAIT_YIELD standing for an
 * await inside the generator, ac_agen_begin/ac_agen_again as the
 * consumer's AC_AWAIT_AGEN calls them.  No loop runs: an operation that
 * suspends is simply resumed again.  The messages are CPython 3.11's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

static int check_err(const ac_class *cls, const char *msg, const char *what) {
    ac_exc *e = ac_take_err();
    ac_str *m = e ? ac_exc_str(e) : NULL;
    int bad = !e || e->cls != cls || (msg && strcmp(m->s, msg) != 0);
    if (bad) fprintf(stderr, "%s: want %s(%s), got %s\n", what, cls->name, msg ? msg : "", e ? e->cls->name : "no error");
    ac_decref(m);
    ac_decref(e);
    return bad;
}

/* async def ticks(n):
 *     try:
 *         for i in range(n):
 *             await asyncio.sleep(0)
 *             yield i
 *         [raise StopAsyncIteration]          (raise_stop)
 *     finally: cleanups += 1
 * with `stubborn` set it swallows GeneratorExit and yields -1 instead. */
static int cleanups, stubborn, raise_stop;

struct ticks_frame {
    ac_val ret;
    uint8_t state;
    int64_t n, i;
};

static ac_status ticks_resume(void *frame) {
    struct ticks_frame *f = frame;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    case 2: goto resume_2;
    case 3: goto resume_3;
    default: return AC_DONE;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        AC_AWAIT_YIELD(1, goto caught);
        f->ret = ac_int_val(f->i);
        AC_AGEN_YIELD(2, goto caught);
        if (f->ret.p != &ac_None) ac_decref(f->ret.p); /* asend's value, unused */
    }
    if (raise_stop) {
        ac_raise(ac_exc_new(&ac_cls_StopAsyncIteration, NULL));
        goto fail;
    }
    cleanups++;
    f->state = 4;
    return AC_DONE;
caught:
    if (stubborn && ac_exc_matches(ac_err, &ac_cls_GeneratorExit)) {
        ac_decref(ac_take_err());
        f->ret = ac_int_val(-1);
        AC_AGEN_YIELD(3, goto fail);
    }
fail:
    cleanups++;
    f->state = 4;
    return AC_ERROR;
}

static const ac_coro_vt ticks_vt = {ticks_resume, NULL, "ticks", &ac_t_none, sizeof(struct ticks_frame), NULL};

static ac_gen *ticks(int64_t n) {
    ac_gen *g = ac_agen_new(&ticks_vt, &ac_t_int);
    AC_GEN_FRAME(g, struct ticks_frame)->n = n;
    return g;
}

/* One operation to its end, resuming it while it is suspended. */
static ac_status finish_op(ac_gen *g, int op, ac_obj *sent, ac_exc *thrown, ac_val *out) {
    ac_status st = ac_agen_begin(g, op, sent, thrown, out);
    while (st == AC_SUSPEND || st == AC_YIELD) st = ac_agen_again(g, out);
    return st;
}

static void test_async_for(void **state) {
    (void)state;
    cleanups = stubborn = raise_stop = 0;
    ac_gen *g = ticks(3);
    ac_val out;
    int64_t seen = 0;
    /* every item takes one suspension first (the await inside) */
    for (int64_t k = 0; k < 3; k++) {
        assert_int_equal(ac_agen_begin(g, AC_AOP_FOR, &ac_None, NULL, &out), AC_YIELD);
        assert_int_equal(ac_agen_again(g, &out), AC_ITEM);
        assert_int_equal(out.i, k);
        seen += out.i;
    }
    assert_int_equal(finish_op(g, AC_AOP_FOR, &ac_None, NULL, &out), AC_DONE);
    assert_int_equal(seen, 3);
    assert_int_equal(cleanups, 1);
    /* anext of an exhausted one: StopAsyncIteration; async for: the end again */
    assert_int_equal(finish_op(g, AC_AOP_NEXT, &ac_None, NULL, &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_StopAsyncIteration, NULL, "anext after the end"), 0);
    assert_int_equal(finish_op(g, AC_AOP_FOR, &ac_None, NULL, &out), AC_DONE);
    ac_decref(g);
}

static void test_already_running(void **state) {
    (void)state;
    cleanups = stubborn = raise_stop = 0;
    ac_gen *g = ticks(2);
    ac_val out;
    assert_int_equal(ac_agen_begin(g, AC_AOP_NEXT, &ac_None, NULL, &out), AC_YIELD);
    assert_int_equal(ac_agen_begin(g, AC_AOP_NEXT, &ac_None, NULL, &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_RuntimeError, "anext(): asynchronous generator is already running", "anext"), 0);
    assert_int_equal(ac_agen_begin(g, AC_AOP_CLOSE, &ac_None, ac_exc_new(&ac_cls_GeneratorExit, NULL), &out),
                     AC_ERROR);
    assert_int_equal(check_err(&ac_cls_RuntimeError, "aclose(): asynchronous generator is already running", "aclose"),
                     0);
    /* the first one goes on undisturbed */
    assert_int_equal(ac_agen_again(g, &out), AC_ITEM);
    assert_int_equal(out.i, 0);
    assert_int_equal(finish_op(g, AC_AOP_CLOSE, &ac_None, ac_exc_new(&ac_cls_GeneratorExit, NULL), &out), AC_DONE);
    assert_int_equal(cleanups, 1);
    ac_decref(g);
}

static void test_unstarted(void **state) {
    (void)state;
    cleanups = stubborn = raise_stop = 0;
    ac_val out;
    ac_gen *g = ticks(2);
    assert_int_equal(finish_op(g, AC_AOP_SEND, (ac_obj *)ac_str_from_cstr("x"), NULL, &out), AC_ERROR);
    assert_int_equal(
        check_err(&ac_cls_TypeError, "can't send non-None value to a just-started async generator", "asend"), 0);
    /* aclose before it ran: it is finished without running */
    assert_int_equal(finish_op(g, AC_AOP_CLOSE, &ac_None, ac_exc_new(&ac_cls_GeneratorExit, NULL), &out), AC_DONE);
    assert_int_equal(cleanups, 0);
    assert_int_equal(finish_op(g, AC_AOP_NEXT, &ac_None, NULL, &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_StopAsyncIteration, NULL, "anext after aclose"), 0);
    ac_decref(g);
    /* athrow before it ran raises at once; athrow into a finished one gives None */
    g = ticks(2);
    assert_int_equal(finish_op(g, AC_AOP_THROW, &ac_None, ac_exc_new(&ac_cls_ValueError, NULL), &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_ValueError, NULL, "athrow fresh"), 0);
    assert_int_equal(finish_op(g, AC_AOP_THROW, &ac_None, ac_exc_new(&ac_cls_ValueError, NULL), &out), AC_DONE);
    ac_decref(g);
}

static void test_close_rules(void **state) {
    (void)state;
    cleanups = raise_stop = 0;
    stubborn = 1;
    ac_val out;
    ac_gen *g = ticks(5);
    assert_int_equal(finish_op(g, AC_AOP_NEXT, &ac_None, NULL, &out), AC_ITEM);
    assert_int_equal(finish_op(g, AC_AOP_CLOSE, &ac_None, ac_exc_new(&ac_cls_GeneratorExit, NULL), &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_RuntimeError, "async generator ignored GeneratorExit", "stubborn aclose"), 0);
    stubborn = 0;
    /* an exception thrown in that it does not catch comes out of athrow */
    assert_int_equal(finish_op(g, AC_AOP_THROW, &ac_None, ac_exc_new(&ac_cls_KeyError, NULL), &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_KeyError, NULL, "athrow"), 0);
    assert_int_equal(cleanups, 1);
    ac_decref(g);
}

static void test_raised_stop(void **state) {
    (void)state;
    cleanups = stubborn = 0;
    raise_stop = 1;
    ac_val out;
    ac_gen *g = ticks(0);
    assert_int_equal(finish_op(g, AC_AOP_FOR, &ac_None, NULL, &out), AC_ERROR);
    assert_int_equal(check_err(&ac_cls_RuntimeError, "async generator raised StopAsyncIteration", "raise_stop"), 0);
    raise_stop = 0;
    ac_decref(g);
}

/* the last reference to a suspended one, with no loop running: its frame
 * is let go (nothing leaks, LeakSanitizer says) without running it */
static void test_dropped_without_loop(void **state) {
    (void)state;
    cleanups = stubborn = raise_stop = 0;
    ac_val out;
    ac_gen *g = ticks(3);
    assert_int_equal(finish_op(g, AC_AOP_NEXT, &ac_None, NULL, &out), AC_ITEM);
    ac_decref(g);
    assert_int_equal(cleanups, 0);
    assert_null(ac_err);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_async_for),     cmocka_unit_test(test_already_running),
        cmocka_unit_test(test_unstarted),     cmocka_unit_test(test_close_rules),
        cmocka_unit_test(test_raised_stop),   cmocka_unit_test(test_dropped_without_loop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
