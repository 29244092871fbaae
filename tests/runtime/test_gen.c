/*
 * test_gen.c -- generator objects (rt_gen.c) over hand-written frames that
 * use the same protocol as generated code (asyncc_rt.h, "Generators"):
 * the mailbox, AC_AWAIT_YIELD, AC_DONE with the return value, ac_err at
 * the resume label for throw() and close().  The expected messages are
 * CPython 3.11's.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

/* The pending error is (cls, msg); it is cleared.  0 when it matches. */
static int check_err(const ac_class *cls, const char *msg, const char *what) {
    ac_exc *e = ac_take_err();
    ac_str *m = e ? ac_exc_str(e) : NULL;
    int bad = !e || e->cls != cls || strcmp(m->s, msg) != 0;
    if (bad) fprintf(stderr, "%s: want %s(%s), got %s\n", what, cls->name, msg, e ? e->cls->name : "no error");
    ac_decref(m);
    ac_decref(e);
    return bad;
}

/* def counter(n):            # yields 0..n-1, returns n * 10
 *     try:
 *         for i in range(n): yield i
 *     finally: cleanups += 1
 * with `stubborn` set it swallows GeneratorExit and yields -1 instead. */
static int cleanups, stubborn;
static ac_gen *self_ref; /* resumes itself on the yield after i == 1 */

struct counter_frame {
    ac_val ret;
    uint8_t state;
    int64_t n, i;
};

static ac_status counter_resume(void *frame) {
    struct counter_frame *f = frame;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    case 2: goto resume_2;
    default: return AC_DONE;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        if (self_ref && f->i == 2) {
            ac_decref(ac_gen_send(self_ref, &ac_None).p);
            if (ac_err) goto fail;
        }
        f->ret = ac_int_val(f->i);
        AC_AWAIT_YIELD(1, goto caught);
        ac_decref(f->ret.p); /* the sent value, unused */
    }
    cleanups++;
    f->ret = ac_int_val(f->n * 10);
    f->state = 3;
    return AC_DONE;
caught:
    if (stubborn && ac_exc_matches(ac_err, &ac_cls_GeneratorExit)) {
        ac_decref(ac_take_err());
        f->ret = ac_int_val(-1);
        AC_AWAIT_YIELD(2, goto fail);
    }
fail:
    cleanups++;
    f->state = 3;
    return AC_ERROR;
}

static const ac_coro_vt counter_vt = {counter_resume, NULL, "counter", &ac_t_int, sizeof(struct counter_frame), NULL};

static ac_gen *counter(int64_t n) {
    ac_gen *g = ac_gen_new(&counter_vt, &ac_t_int);
    AC_GEN_FRAME(g, struct counter_frame)->n = n;
    return g;
}

static int64_t stop_value(void) {
    ac_exc *e = ac_take_err();
    ac_obj *v;
    int64_t r;
    assert_non_null(e);
    assert_ptr_equal(e->cls, &ac_cls_StopIteration);
    v = ac_exc_value(e);
    r = v == &ac_None ? -999 : ac_obj_as_int(v);
    ac_decref(v);
    ac_decref(e);
    return r;
}

static void test_next_and_return_value(void **state) {
    ac_gen *g = counter(3);
    ac_val v;
    (void)state;
    cleanups = 0;
    assert_int_equal(ac_gen_send(g, &ac_None).i, 0);
    assert_int_equal(ac_gen_send(g, ac_obj_int(5)).i, 1);
    assert_int_equal(ac_gen_next(g, &v), 1);
    assert_int_equal(v.i, 2);
    ac_gen_send(g, &ac_None);
    assert_int_equal(stop_value(), 30);
    ac_gen_send(g, &ac_None); /* a finished generator: no value */
    assert_int_equal(stop_value(), -999);
    assert_int_equal(cleanups, 1);
    ac_decref(g);
}

static void test_to_list_and_for_loop(void **state) {
    ac_gen *g = counter(4);
    ac_list *l = ac_gen_to_list(g, &ac_t_int);
    ac_val v;
    (void)state;
    assert_int_equal(l->len, 4);
    assert_int_equal(l->items[3].i, 3);
    assert_int_equal(ac_gen_next(g, &v), 0);
    ac_decref(l);
    ac_decref(g);
}

static void test_unstarted(void **state) {
    ac_gen *g = counter(2);
    (void)state;
    ac_gen_send(g, ac_obj_int(1));
    assert_int_equal(check_err(&ac_cls_TypeError, "can't send non-None value to a just-started generator", "send"), 0);
    cleanups = 0;
    ac_gen_throw(g, ac_exc_new(&ac_cls_ValueError, NULL));
    assert_int_equal(check_err(&ac_cls_ValueError, "", "throw"), 0);
    assert_int_equal(cleanups, 0); /* the body never ran */
    ac_gen_send(g, &ac_None);
    assert_int_equal(stop_value(), -999);
    ac_decref(g);
}

static void test_throw_close(void **state) {
    ac_gen *g = counter(5);
    (void)state;
    cleanups = 0;
    ac_gen_send(g, &ac_None);
    ac_gen_throw(g, ac_exc_new(&ac_cls_KeyError, NULL));
    assert_int_equal(check_err(&ac_cls_KeyError, "", "throw"), 0);
    assert_int_equal(cleanups, 1);
    ac_decref(g);

    g = counter(5);
    ac_gen_send(g, &ac_None);
    ac_gen_close(g);
    assert_null(ac_err);
    assert_int_equal(cleanups, 2);
    ac_gen_close(g); /* closing twice is nothing */
    ac_decref(g);

    stubborn = 1;
    g = counter(5);
    ac_gen_send(g, &ac_None);
    ac_gen_close(g);
    assert_int_equal(check_err(&ac_cls_RuntimeError, "generator ignored GeneratorExit", "close"), 0);
    stubborn = 0;
    ac_gen_close(g); /* now it lets GeneratorExit out */
    assert_null(ac_err);
    ac_decref(g);
}

static void test_already_executing(void **state) {
    ac_gen *g = counter(5);
    (void)state;
    self_ref = g;
    assert_int_equal(ac_gen_send(g, &ac_None).i, 0);
    assert_int_equal(ac_gen_send(g, &ac_None).i, 1);
    ac_gen_send(g, &ac_None);
    self_ref = NULL;
    assert_int_equal(check_err(&ac_cls_ValueError, "generator already executing", "self"), 0);
    ac_decref(g);
}

static void test_delegate_to_list_iter(void **state) {
    ac_val items[2];
    ac_list *l;
    ac_gen *it;
    ac_val io;
    (void)state;
    items[0] = ac_int_val(7);
    items[1] = ac_int_val(8);
    l = ac_list_new(&ac_t_int, 2, items);
    it = ac_list_iter(l);
    ac_decref(l); /* the iterator holds it */
    io.p = &ac_None;
    assert_int_equal(ac_gen_delegate(it, &io), AC_YIELD);
    assert_int_equal(io.i, 7);
    io.p = &ac_None;
    assert_int_equal(ac_gen_delegate(it, &io), AC_YIELD);
    assert_int_equal(io.i, 8);
    io.p = &ac_None;
    assert_int_equal(ac_gen_delegate(it, &io), AC_DONE);
    ac_decref(it);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_next_and_return_value),
        cmocka_unit_test(test_to_list_and_for_loop),
        cmocka_unit_test(test_unstarted),
        cmocka_unit_test(test_throw_close),
        cmocka_unit_test(test_already_executing),
        cmocka_unit_test(test_delegate_to_list_iter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
