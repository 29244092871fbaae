/*
 * test_list.c -- lists and tuples.  Expected values were obtained by
 * running the same operations under CPython 3.11 (noted beside each).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

static const ac_type *const e_int[1] = {&ac_t_int};
static const ac_type t_list_int = {AC_K_LIST, 1, e_int};
static const ac_type *const e_str[1] = {&ac_t_str};
static const ac_type t_list_str = {AC_K_LIST, 1, e_str};
static const ac_type *const e_flt[1] = {&ac_t_float};
static const ac_type t_list_flt = {AC_K_LIST, 1, e_flt};
static const ac_type *const e_lflt[1] = {&t_list_flt};
static const ac_type t_list_list_flt = {AC_K_LIST, 1, e_lflt};
static const ac_type *const e_is[2] = {&ac_t_int, &ac_t_str};
static const ac_type t_tup_is = {AC_K_TUPLE, 2, e_is};
static const ac_type *const e_ltup[1] = {&t_tup_is};
static const ac_type t_list_tup = {AC_K_LIST, 1, e_ltup};
static const ac_type t_tup_i = {AC_K_TUPLE, 1, e_int};
static const ac_type *const e_none[1] = {&ac_t_none};
static const ac_type t_list_none = {AC_K_LIST, 1, e_none};
static const ac_type t_list_exc_elem = {AC_K_LIST, 1, NULL};

static ac_list *ints(int n, ...) {
    ac_list *l = ac_list_new(&ac_t_int, 0, NULL);
    va_list ap;
    int k;
    va_start(ap, n);
    for (k = 0; k < n; k++) {
        ac_val v;
        v.i = va_arg(ap, int);
        ac_list_append(l, v);
    }
    va_end(ap);
    return l;
}

static ac_list *strs(int n, ...) {
    ac_list *l = ac_list_new(&ac_t_str, 0, NULL);
    va_list ap;
    int k;
    va_start(ap, n);
    for (k = 0; k < n; k++) {
        ac_val v;
        v.p = ac_str_from_cstr(va_arg(ap, const char *));
        ac_list_append(l, v);
    }
    va_end(ap);
    return l;
}

/* Asserts repr(v) == want and releases l. */
static void expect_repr(void *obj, const ac_type *t, const char *want) {
    ac_val v;
    ac_str *r;
    v.p = obj;
    r = ac_repr_of(v, t);
    assert_string_equal(r->s, want);
    ac_decref(r);
    ac_decref(obj);
}

static void expect_err(const ac_class *cls, const char *msg) {
    ac_exc *e = ac_take_err();
    ac_str *m;
    assert_non_null(e);
    assert_ptr_equal(e->cls, cls);
    m = ac_exc_str(e);
    assert_string_equal(m->s, msg);
    ac_decref(m);
    ac_decref(e);
}

static void test_basic(void **state) {
    ac_list *l = ints(3, 1, 2, 3), *m;
    ac_val v;
    (void)state;
    assert_int_equal(ac_list_len(l), 3);
    assert_int_equal(ac_list_get(l, -1).i, 3);
    assert_int_equal(ac_list_get(l, 0).i, 1);
    ac_list_get(l, 3);
    expect_err(&ac_cls_IndexError, "list index out of range");
    ac_list_get(l, -4);
    expect_err(&ac_cls_IndexError, "list index out of range");
    v.i = 9;
    ac_list_set(l, -3, v);
    ac_list_set(l, 5, v);
    expect_err(&ac_cls_IndexError, "list assignment index out of range");
    /* x=[1,2]; x.insert(-100,0); x.insert(100,9); x.insert(-1,7) -> [0, 1, 2, 7, 9] */
    m = ints(2, 1, 2);
    v.i = 0;
    ac_list_insert(m, -100, v);
    v.i = 9;
    ac_list_insert(m, 100, v);
    v.i = 7;
    ac_list_insert(m, -1, v);
    expect_repr(m, &t_list_int, "[0, 1, 2, 7, 9]");
    assert_int_equal(ac_list_pop(l, -1).i, 3);
    assert_int_equal(ac_list_pop(l, 0).i, 9);
    ac_list_pop(l, 5);
    expect_err(&ac_cls_IndexError, "pop index out of range");
    ac_list_pop(l, -1);
    ac_list_pop(l, -1);
    expect_err(&ac_cls_IndexError, "pop from empty list");
    ac_decref(l);
    /* growth: many appends stay intact */
    l = ac_list_new(&ac_t_int, 0, NULL);
    for (v.i = 0; v.i < 10000; v.i++) ac_list_append(l, v);
    assert_int_equal(ac_list_get(l, 9999).i, 9999);
    ac_decref(l);
}

static void test_search(void **state) {
    ac_list *l = ints(3, 1, 2, 2), *s = strs(2, "a", "b");
    ac_val v;
    (void)state;
    v.i = 2;
    assert_int_equal(ac_list_index(l, v), 1);
    assert_true(ac_list_contains(l, v));
    v.i = 3;
    assert_false(ac_list_contains(l, v));
    ac_list_index(l, v);
    expect_err(&ac_cls_ValueError, "3 is not in list"); /* [1,2].index(3) */
    v.p = ac_str_from_cstr("x");
    ac_list_index(s, v);
    expect_err(&ac_cls_ValueError, "'x' is not in list"); /* ['a'].index('x') */
    ac_decref(v.p);
    v.p = ac_str_from_cstr("b");
    assert_int_equal(ac_list_index(s, v), 1);
    ac_decref(v.p);
    ac_decref(l);
    ac_decref(s);
}

static void test_slices_and_copies(void **state) {
    ac_list *l = ints(6, 0, 1, 2, 3, 4, 5), *s;
    (void)state;
    /* CPython: [0..5][::2], [::-2], [-2:], [4:1:-1] */
    expect_repr(ac_list_slice(l, 0, 0, 0, 0, 1, 2), &t_list_int, "[0, 2, 4]");
    expect_repr(ac_list_slice(l, 0, 0, 0, 0, 1, -2), &t_list_int, "[5, 3, 1]");
    expect_repr(ac_list_slice(l, 1, -2, 0, 0, 0, 0), &t_list_int, "[4, 5]");
    expect_repr(ac_list_slice(l, 1, 4, 1, 1, 1, -1), &t_list_int, "[4, 3, 2]");
    assert_null(ac_list_slice(l, 0, 0, 0, 0, 1, 0));
    expect_err(&ac_cls_ValueError, "slice step cannot be zero");
    s = strs(2, "it's", "b");
    expect_repr(ac_list_slice(s, 0, 0, 0, 0, 1, -1), &t_list_str, "['b', \"it's\"]");
    expect_repr(ac_list_repeat(s, 2), &t_list_str, "[\"it's\", 'b', \"it's\", 'b']");
    expect_repr(ac_list_repeat(s, 0), &t_list_str, "[]");
    expect_repr(ac_list_concat(s, s), &t_list_str, "[\"it's\", 'b', \"it's\", 'b']");
    expect_repr(ac_list_copy(s), &t_list_str, "[\"it's\", 'b']");
    ac_list_extend(s, s); /* x.extend(x) doubles */
    ac_list_reverse(s);
    ac_incref(s);
    expect_repr(s, &t_list_str, "['b', \"it's\", 'b', \"it's\"]");
    ac_decref(s);
    ac_decref(l);
}

static void test_sort(void **state) {
    ac_list *l = ints(3, 3, 1, 2), *t;
    ac_val it[2], v;
    int k;
    (void)state;
    expect_repr(ac_list_sorted(l, 0), &t_list_int, "[1, 2, 3]");
    expect_repr(ac_list_sorted(l, 1), &t_list_int, "[3, 2, 1]");
    ac_list_sort(l, 0);
    ac_incref(l);
    expect_repr(l, &t_list_int, "[1, 2, 3]");
    ac_decref(l);
    /* sorted([(1,'b'),(0,'z'),(1,'a')]) == [(0, 'z'), (1, 'a'), (1, 'b')] */
    t = ac_list_new(&t_tup_is, 0, NULL);
    {
        static const struct {
            int i;
            const char *s;
        } src[] = {{1, "b"}, {0, "z"}, {1, "a"}};
        for (k = 0; k < 3; k++) {
            it[0].i = src[k].i;
            it[1].p = ac_str_from_cstr(src[k].s);
            v.p = ac_tuple_new(&t_tup_is, it);
            ac_list_append(t, v);
        }
    }
    expect_repr(ac_list_sorted(t, 0), &t_list_tup, "[(0, 'z'), (1, 'a'), (1, 'b')]");
    ac_decref(t);
    /* sorted(['b','a','B','é']) == ['B', 'a', 'b', 'é'] */
    l = strs(4, "b", "a", "B", "\303\251");
    expect_repr(ac_list_sorted(l, 0), &t_list_str, "['B', 'a', 'b', '\303\251']");
    ac_decref(l);
    /* stability: sort by a key that ties -- tuples compare fully, so use
     * a long random-ish int list and check it is ordered and complete */
    l = ac_list_new(&ac_t_int, 0, NULL);
    for (k = 0; k < 1000; k++) {
        v.i = (k * 7919) % 1009;
        ac_list_append(l, v);
    }
    ac_list_sort(l, 1);
    for (k = 1; k < 1000; k++) assert_true(ac_list_get(l, k - 1).i >= ac_list_get(l, k).i);
    ac_decref(l);
    /* sorted([None, None]) raises */
    l = ac_list_new(&ac_t_none, 0, NULL);
    v.i = 0;
    ac_list_append(l, v);
    ac_list_append(l, v);
    assert_null(ac_list_sorted(l, 0));
    expect_err(&ac_cls_TypeError, "'<' not supported between instances of 'NoneType' and 'NoneType'");
    expect_repr(l, &t_list_none, "[None, None]");
    (void)t_list_exc_elem;
}

/* Stability with equal keys: floats -0.0 and 0.0 compare equal, so their
 * original order must survive (sorted([0.0, -0.0, -1.0, -0.0, 0.0]) in
 * CPython gives [-1.0, 0.0, -0.0, -0.0, 0.0]; reverse=True gives
 * [0.0, -0.0, -0.0, 0.0, -1.0]). */
static void test_sort_stable(void **state) {
    static const double src[] = {0.0, -0.0, -1.0, -0.0, 0.0};
    ac_list *l = ac_list_new(&ac_t_float, 0, NULL);
    ac_val v;
    int k;
    (void)state;
    for (k = 0; k < 5; k++) {
        v.f = src[k];
        ac_list_append(l, v);
    }
    expect_repr(ac_list_sorted(l, 0), &t_list_flt, "[-1.0, 0.0, -0.0, -0.0, 0.0]");
    expect_repr(ac_list_sorted(l, 1), &t_list_flt, "[0.0, -0.0, -0.0, 0.0, -1.0]");
    ac_decref(l);
}

static void test_aggregates(void **state) {
    ac_list *l = ints(3, 3, 1, 2), *f, *s, *ll;
    ac_val v, w;
    int k;
    (void)state;
    assert_int_equal(ac_list_sum(l).i, 6);
    assert_int_equal(ac_list_min(l).i, 1);
    assert_int_equal(ac_list_max(l).i, 3);
    ac_decref(l);
    f = ac_list_new(&ac_t_float, 0, NULL);
    for (k = 0; k < 10; k++) {
        v.f = 0.1;
        ac_list_append(f, v);
    }
    { /* sum([0.1]*10) == 0.9999999999999999 in CPython 3.11 */
        ac_str *r = ac_str_from_float(ac_list_sum(f).f);
        assert_string_equal(r->s, "0.9999999999999999");
        ac_decref(r);
    }
    ac_decref(f);
    /* min([2.5, -0.0, 0.0]) is -0.0: the first of equal items */
    f = ac_list_new(&ac_t_float, 0, NULL);
    v.f = 2.5;
    ac_list_append(f, v);
    v.f = -0.0;
    ac_list_append(f, v);
    v.f = 0.0;
    ac_list_append(f, v);
    assert_true(signbit(ac_list_min(f).f));
    ac_decref(f);
    s = strs(3, "b", "c", "a");
    v = ac_list_max(s);
    assert_string_equal(((ac_str *)v.p)->s, "c");
    ac_decref(v.p);
    ac_decref(s);
    l = ac_list_new(&ac_t_int, 0, NULL);
    ac_list_min(l);
    expect_err(&ac_cls_ValueError, "min() arg is an empty sequence");
    ac_list_max(l);
    expect_err(&ac_cls_ValueError, "max() arg is an empty sequence");
    assert_int_equal(ac_list_sum(l).i, 0);
    ac_decref(l);
    /* max([[1,2],[1,3],[0]]) == [1, 3]; nested repr [[2.5]] */
    ll = ac_list_new(&t_list_int, 0, NULL);
    w.p = ints(2, 1, 2);
    ac_list_append(ll, w);
    w.p = ints(2, 1, 3);
    ac_list_append(ll, w);
    w.p = ints(1, 0);
    ac_list_append(ll, w);
    v = ac_list_max(ll);
    expect_repr(v.p, &t_list_int, "[1, 3]");
    ac_decref(ll);
    ll = ac_list_new(&t_list_flt, 0, NULL);
    w.p = ac_list_new(&ac_t_float, 0, NULL);
    v.f = 2.5;
    ac_list_append(w.p, v);
    ac_list_append(ll, w);
    expect_repr(ll, &t_list_list_flt, "[[2.5]]");
}

static void test_tuples_and_eq(void **state) {
    ac_val it[2], a, b;
    ac_tuple *t1;
    (void)state;
    it[0].i = 1;
    t1 = ac_tuple_new(&t_tup_i, it);
    expect_repr(t1, &t_tup_i, "(1,)"); /* repr((1,)) */
    it[0].i = 1;
    it[1].p = ac_str_from_cstr("a");
    a.p = ac_tuple_new(&t_tup_is, it);
    it[0].i = 1;
    it[1].p = ac_str_from_cstr("b");
    b.p = ac_tuple_new(&t_tup_is, it);
    assert_false(ac_val_eq(a, b, &t_tup_is));
    assert_true(ac_val_eq(a, a, &t_tup_is));
    assert_true(ac_val_cmp(a, b, &t_tup_is) < 0); /* (1,'a') < (1,'b') */
    assert_true(ac_val_cmp(b, a, &t_tup_is) > 0);
    ac_decref(a.p);
    ac_decref(b.p);
    a.p = ints(2, 1, 2);
    b.p = ints(3, 1, 2, 0);
    assert_true(ac_val_cmp(a, b, &t_list_int) < 0); /* [1,2] < [1,2,0] */
    assert_false(ac_val_eq(a, b, &t_list_int));
    ac_decref(b.p);
    b.p = ints(2, 1, 2);
    assert_true(ac_val_eq(a, b, &t_list_int));
    assert_int_equal(ac_val_cmp(a, b, &t_list_int), 0);
    ac_decref(a.p);
    ac_decref(b.p);
    a.f = NAN;
    assert_false(ac_val_eq(a, a, &ac_t_float)); /* nan != nan */
    a.i = 0;
    assert_true(ac_val_eq(a, a, &ac_t_none));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_basic),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_slices_and_copies),
        cmocka_unit_test(test_sort),
        cmocka_unit_test(test_sort_stable),
        cmocka_unit_test(test_aggregates),
        cmocka_unit_test(test_tuples_and_eq),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
