/*
 * test_values.c -- int/float arithmetic and exceptions against CPython.
 * num_cases.inc comes from running each expression under CPython 3.11
 * (tests/runtime/gen/num_cases.py); the 64-bit overflow cases are our
 * documented difference and are written by hand.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "asyncc_rt.h"

#include "num_cases.inc"

#include "check.h"

static void test_int_ops(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(int_ops); k++) {
        const char *op = int_ops[k].op;
        int64_t a = int_ops[k].a, b = int_ops[k].b;
        ac_str *r;
        char what[100];
        snprintf(what, sizeof what, "%s(%lld, %lld)", op, (long long)a, (long long)b);
        if (!strcmp(op, "floordiv"))
            r = ac_str_from_int(ac_int_floordiv(a, b));
        else if (!strcmp(op, "mod"))
            r = ac_str_from_int(ac_int_mod(a, b));
        else if (!strcmp(op, "pow"))
            r = ac_str_from_int(ac_int_pow(a, b));
        else if (!strcmp(op, "lshift"))
            r = ac_str_from_int(ac_int_lshift(a, b));
        else if (!strcmp(op, "rshift"))
            r = ac_str_from_int(ac_int_rshift(a, b));
        else
            r = ac_str_from_float(ac_int_truediv(a, b));
        if (int_ops[k].exc) {
            ac_decref(r);
            fails += check_err(int_ops[k].exc, int_ops[k].want, what);
        } else {
            fails += check_str(r, int_ops[k].want, what);
        }
    }
    assert_int_equal(fails, 0);
}

static void test_float_ops(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(float_ops); k++) {
        const char *op = float_ops[k].op;
        double a = float_ops[k].a, b = float_ops[k].b;
        ac_str *r;
        char what[100];
        snprintf(what, sizeof what, "%s(%.17g, %.17g)", op, a, b);
        if (!strcmp(op, "div"))
            r = ac_str_from_float(ac_float_div(a, b));
        else if (!strcmp(op, "floordiv"))
            r = ac_str_from_float(ac_float_floordiv(a, b));
        else if (!strcmp(op, "mod"))
            r = ac_str_from_float(ac_float_mod(a, b));
        else if (!strcmp(op, "pow"))
            r = ac_str_from_float(ac_float_pow(a, b));
        else if (!strcmp(op, "round"))
            r = ac_str_from_int(ac_float_round(a));
        else
            r = ac_str_from_int(ac_float_to_int(a));
        if (float_ops[k].exc) {
            ac_decref(r);
            fails += check_err(float_ops[k].exc, float_ops[k].want, what);
        } else {
            fails += check_str(r, float_ops[k].want, what);
        }
    }
    assert_int_equal(fails, 0);
}

/* 64-bit limits: OverflowError("integer overflow") where CPython would
 * grow the int (documented difference); in-range edge results exact. */
static void test_int_overflow(void **state) {
    const int64_t MAX = INT64_MAX, MIN = INT64_MIN;
    int fails = 0;
    (void)state;
    assert_int_equal(ac_int_add(MAX - 1, 1), MAX);
    assert_int_equal(ac_int_sub(MIN + 1, 1), MIN);
    assert_int_equal(ac_int_mul(-1, MAX), -MAX);
    assert_int_equal(ac_int_mul(MIN / 2, 2), MIN);
    assert_int_equal(ac_int_neg(MAX), -MAX);
    assert_int_equal(ac_int_abs(-MAX), MAX);
    assert_int_equal(ac_int_pow(-2, 63), MIN);
    assert_int_equal(ac_int_lshift(-1, 63), MIN);
    assert_int_equal(ac_int_mod(MIN, -1), 0);
    assert_int_equal(ac_int_floordiv(MIN, 1), MIN);
    assert_null(ac_err);
    ac_int_add(MAX, 1);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "add");
    ac_int_sub(MIN, 1);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "sub");
    ac_int_mul(MAX, 2);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "mul");
    ac_int_mul(MIN, -1);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "mul min");
    ac_int_neg(MIN);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "neg");
    ac_int_abs(MIN);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "abs");
    ac_int_floordiv(MIN, -1);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "floordiv");
    ac_int_pow(2, 63);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "pow");
    ac_int_pow(10, 19);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "pow10");
    ac_int_lshift(1, 63);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "lshift");
    ac_int_lshift(3, 62);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "lshift 3");
    ac_float_to_int(1e19);
    fails += check_err(&ac_cls_OverflowError, "integer overflow", "int(1e19)");
    /* documented differences: negative int powers and complex results */
    ac_int_pow(2, -1);
    fails += check_err(&ac_cls_ValueError, "negative exponent not supported for int", "pow");
    ac_float_pow(-8.0, 0.5);
    fails += check_err(&ac_cls_ValueError, "negative number cannot be raised to a fractional power", "fpow");
    /* int / int stays correctly rounded beyond 2**53: 2**62 / 3 */
    {
        ac_str *r = ac_str_from_float(ac_int_truediv((int64_t)1 << 62, 3));
        fails += check_str(r, "1.5372286728091292e+18", "2**62/3"); /* CPython */
    }
    assert_int_equal(fails, 0);
}

static const ac_type *const e_s[1] = {&ac_t_str};
static const ac_type t_s = {AC_K_TUPLE, 1, e_s};
static const ac_type *const e_si[2] = {&ac_t_str, &ac_t_int};
static const ac_type t_si = {AC_K_TUPLE, 2, e_si};
static const ac_type t_0 = {AC_K_TUPLE, 0, NULL};

static const ac_class *cls_named(const char *n) {
    static const ac_class *const all[] = {&ac_cls_ValueError, &ac_cls_KeyError, &ac_cls_TypeError, &ac_cls_RuntimeError,
                                          &ac_cls_IndexError};
    size_t k;
    for (k = 0; k < N(all); k++)
        if (!strcmp(all[k]->name, n)) return all[k];
    return NULL;
}

static void test_exc_str_repr(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(exc_cases); k++) {
        ac_val it[2];
        ac_tuple *args;
        ac_exc *e;
        if (exc_cases[k].nargs == 0)
            args = ac_tuple_new(&t_0, NULL);
        else {
            it[0].p = ac_str_from_cstr(exc_cases[k].a0);
            it[1].i = exc_cases[k].a1;
            args = ac_tuple_new(exc_cases[k].nargs == 1 ? &t_s : &t_si, it);
        }
        e = ac_exc_new(cls_named(exc_cases[k].cls), args);
        fails += check_str(ac_exc_str(e), exc_cases[k].str, exc_cases[k].repr);
        fails += check_str(ac_exc_repr(e), exc_cases[k].repr, exc_cases[k].repr);
        ac_decref(e);
    }
    { /* ac_exc_new with NULL args means cls() */
        ac_exc *e = ac_exc_new(&ac_cls_AssertionError, NULL);
        fails += check_str(ac_exc_repr(e), "AssertionError()", "no args");
        ac_decref(e);
    }
    assert_int_equal(fails, 0);
}

static const ac_class my_error = AC_CLASS("MyError", &ac_cls_ValueError);

static void test_exc_hierarchy(void **state) {
    ac_exc *e;
    (void)state;
    ac_raise_msg(&ac_cls_ZeroDivisionError, "division by zero");
    e = ac_err;
    assert_true(ac_exc_matches(e, &ac_cls_ZeroDivisionError));
    assert_true(ac_exc_matches(e, &ac_cls_ArithmeticError));
    assert_true(ac_exc_matches(e, &ac_cls_Exception));
    assert_true(ac_exc_matches(e, &ac_cls_BaseException));
    assert_false(ac_exc_matches(e, &ac_cls_ValueError));
    /* raising again replaces (and releases) the pending exception */
    ac_raise_msg(&ac_cls_CancelledError, NULL);
    e = ac_take_err();
    assert_null(ac_err);
    assert_false(ac_exc_matches(e, &ac_cls_Exception));
    assert_true(ac_exc_matches(e, &ac_cls_BaseException));
    ac_decref(e);
    ac_raise_msg(&ac_cls_TimeoutError, NULL);
    assert_true(ac_exc_matches(ac_err, &ac_cls_OSError));
    ac_decref(ac_take_err());
    ac_raise_msg(&ac_cls_NotImplementedError, "x");
    assert_true(ac_exc_matches(ac_err, &ac_cls_RuntimeError));
    ac_decref(ac_take_err());
    ac_raise_msg(&ac_cls_KeyError, "k");
    assert_true(ac_exc_matches(ac_err, &ac_cls_LookupError));
    ac_decref(ac_take_err());
    ac_raise_msg(&ac_cls_IndexError, "i");
    assert_true(ac_exc_matches(ac_err, &ac_cls_LookupError));
    assert_false(ac_exc_matches(NULL, &ac_cls_LookupError));
    ac_decref(ac_take_err());
    { /* user classes; ac_raise_str borrows the message */
        ac_str *m = ac_str_from_cstr("bad");
        ac_raise_str(&my_error, m);
        assert_true(ac_exc_matches(ac_err, &ac_cls_ValueError));
        assert_int_equal(m->h.rc, 2);
        e = ac_take_err();
        {
            ac_str *r = ac_exc_repr(e);
            assert_string_equal(r->s, "MyError('bad')");
            ac_decref(r);
        }
        ac_decref(e);
        assert_int_equal(m->h.rc, 1);
        ac_decref(m);
    }
    { /* a long formatted message is not truncated */
        char big[2000];
        ac_str *s;
        memset(big, 'x', sizeof big - 1);
        big[sizeof big - 1] = '\0';
        ac_raise_msg(&ac_cls_ValueError, "%s!", big);
        s = ac_exc_str(ac_err);
        assert_int_equal(s->len, 2000);
        ac_decref(s);
        ac_decref(ac_take_err());
    }
}

/* Captures what ac_report_uncaught writes to stderr. */
static char *report(const ac_exc *e) {
    static char out[4096];
    FILE *tmp = tmpfile();
    int saved = dup(2);
    size_t n;
    fflush(stderr);
    dup2(fileno(tmp), 2);
    ac_report_uncaught(e);
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    rewind(tmp);
    n = fread(out, 1, sizeof out - 1, tmp);
    out[n] = '\0';
    fclose(tmp);
    return out;
}

static const char *last_line(const char *s) {
    size_t n = strlen(s);
    const char *p;
    if (n && s[n - 1] == '\n') n--;
    for (p = s + n; p > s && p[-1] != '\n'; p--) {}
    return p;
}

static const ac_tb_site inner_site = {"p.py", "f", "raise ValueError('msg')", 2};
static const ac_tb_site outer_site = {"p.py", "<module>", "f(1)", 9};

static void test_report_uncaught(void **state) {
    char *out;
    ac_exc *e;
    (void)state;
    /* last lines as CPython 3.11 prints them for an uncaught exception */
    ac_raise_msg(&ac_cls_ValueError, "msg");
    ac_tb_here(&inner_site); /* the error leaves f, then the module */
    ac_tb_here(&outer_site);
    e = ac_take_err();
    out = report(e);
    assert_string_equal(out, "Traceback (most recent call last):\n"
                             "  File \"p.py\", line 9, in <module>\n"
                             "    f(1)\n"
                             "  File \"p.py\", line 2, in f\n"
                             "    raise ValueError('msg')\n"
                             "ValueError: msg\n");
    ac_decref(e);
    /* no frame recorded: CPython prints the last line alone */
    ac_raise_msg(&ac_cls_ValueError, "msg");
    e = ac_take_err();
    assert_string_equal(report(e), "ValueError: msg\n");
    ac_decref(e);
    e = ac_exc_new(&ac_cls_ValueError, NULL);
    assert_string_equal(last_line(report(e)), "ValueError\n");
    ac_decref(e);
    ac_raise_msg(&ac_cls_KeyError, "x");
    e = ac_take_err();
    assert_string_equal(last_line(report(e)), "KeyError: 'x'\n");
    ac_decref(e);
    ac_raise_msg(&my_error, "boom");
    e = ac_take_err();
    assert_string_equal(last_line(report(e)), "MyError: boom\n");
    ac_decref(e);
    ac_raise_msg(&ac_cls_RuntimeError, "");
    e = ac_take_err();
    assert_string_equal(last_line(report(e)), "RuntimeError\n");
    ac_decref(e);
    e = ac_exc_new(&ac_cls_CancelledError, NULL);
    assert_string_equal(last_line(report(e)), "asyncio.exceptions.CancelledError\n");
    ac_decref(e);
}

static void test_refcounts(void **state) {
    static const ac_type *const le[1] = {&ac_t_str};
    static const ac_type tl = {AC_K_LIST, 1, le};
    static const ac_type *const te[2] = {&ac_t_int, &tl};
    static const ac_type tt = {AC_K_TUPLE, 2, te};
    ac_str *s = ac_str_from_cstr("x");
    ac_val v, it[2];
    ac_list *l;
    ac_tuple *t;
    (void)state;
    v.p = s;
    ac_val_incref(v, &ac_t_str);
    assert_int_equal(s->h.rc, 2);
    l = ac_list_new(&ac_t_str, 1, &v); /* steals one */
    it[0].i = 5;
    it[1].p = l;
    t = ac_tuple_new(&tt, it); /* steals l */
    v.i = 3;
    ac_val_incref(v, &ac_t_int); /* scalars: no-op */
    ac_val_decref(v, &ac_t_float);
    v.p = t;
    {
        ac_str *r = ac_repr_of(v, &tt);
        assert_string_equal(r->s, "(5, ['x'])");
        ac_decref(r);
    }
    ac_decref(t); /* frees the list too */
    assert_int_equal(s->h.rc, 1);
    ac_decref(s);
    ac_incref(NULL);
    ac_decref(NULL);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int_ops),       cmocka_unit_test(test_float_ops),
        cmocka_unit_test(test_int_overflow),  cmocka_unit_test(test_exc_str_repr),
        cmocka_unit_test(test_exc_hierarchy), cmocka_unit_test(test_report_uncaught),
        cmocka_unit_test(test_refcounts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
