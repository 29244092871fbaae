/*
 * test_dict.c -- dict, set and frozenset (rt_dict.c, rt_set.c): the
 * iteration order of int and tuple sets after every operation against
 * CPython (set_cases.inc, from gen/set_cases.py), dict order, lookups,
 * KeyError messages, object keys that compare equal across int, float and
 * bool, and printing.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

#include "check.h"
#include "set_cases.inc"

static const ac_type *const int1[1] = {&ac_t_int};
static const ac_type t_set_int = {AC_K_SET, 1, int1};
static const ac_type t_fset_int = {AC_K_FROZENSET, 1, int1};
static const ac_type *const int2[2] = {&ac_t_int, &ac_t_int};
static const ac_type t_pair = {AC_K_TUPLE, 2, int2};
static const ac_type *const pair1[1] = {&t_pair};
static const ac_type t_set_pair = {AC_K_SET, 1, pair1};
static const ac_type *const str_int[2] = {&ac_t_str, &ac_t_int};
static const ac_type t_dict_str_int = {AC_K_DICT, 2, str_int};
static const ac_type t_item = {AC_K_TUPLE, 2, str_int};
static const ac_type *const obj_str[2] = {&ac_t_object, &ac_t_str};
static const ac_type t_dict_obj_str = {AC_K_DICT, 2, obj_str};
static const ac_type *const int_list[2] = {&ac_t_int, &ac_t_int};
static const ac_type t_dict_int_int = {AC_K_DICT, 2, int_list};

static void expect_repr(void *obj, const ac_type *t, const char *want) {
    assert_int_equal(check_str(ac_repr_of(ac_ptr_val(obj), t), want, want), 0);
}

static ac_set *build(const int64_t *a, int na, const int64_t *b, int nb, const int64_t *c, int nc) {
    ac_set *s = ac_set_new(&t_set_int);
    int i;
    for (i = 0; i < na; i++) ac_set_add(s, ac_int_val(a[i]));
    for (i = 0; i < nb; i++) ac_set_discard(s, ac_int_val(b[i]));
    for (i = 0; i < nc; i++) ac_set_add(s, ac_int_val(c[i]));
    return s;
}

/* The same sequence of operations as gen/set_cases.py; returns repr. */
static ac_str *run_case(int k) {
    const int64_t *a = set_case_items[k][0], *b = set_case_items[k][1], *c = set_case_items[k][2];
    int na = set_cases[k].na, nb = set_cases[k].nb, nc = set_cases[k].nc, i;
    const char *op = set_cases[k].op;
    ac_set *s, *t, *r = NULL;
    int64_t ta[300];
    ac_str *out;
    if (!strcmp(op, "literal") && na > 2) {
        ac_val items[200];
        for (i = 0; i < na; i++) items[i].i = a[i];
        s = ac_set_const(&t_set_int, na, items);
        out = ac_repr_of(ac_ptr_val(s), &t_set_int);
        ac_decref(s);
        return out;
    }
    if (!strcmp(op, "pairs") || !strcmp(op, "tliteral")) {
        ac_val items[200];
        s = ac_set_new(&t_set_pair);
        for (i = 0; i < na; i++) {
            ac_val it[2];
            it[0].i = a[2 * i];
            it[1].i = a[2 * i + 1];
            items[i].p = ac_tuple_new(&t_pair, it);
            if (strcmp(op, "tliteral") || na <= 2) ac_set_add(s, items[i]);
        }
        if (!strcmp(op, "tliteral") && na > 2) {
            ac_decref(s);
            s = ac_set_const(&t_set_pair, na, items);
        }
        out = ac_repr_of(ac_ptr_val(s), &t_set_pair);
        ac_decref(s);
        return out;
    }
    s = build(a, na, NULL, 0, NULL, 0);
    if (!strcmp(op, "literal")) goto whole; /* two items or fewer: added in order */
    ac_decref(s);
    s = build(a, na, b, nb, c, nc);
    /* t = build(c + b[:3], [], a[::3]) */
    for (i = 0; i < nc; i++) ta[i] = c[i];
    for (i = 0; i < nb && i < 3; i++) ta[nc + i] = b[i];
    {
        int n1 = nc + (nb < 3 ? nb : 3), n2 = 0;
        int64_t tb[300];
        for (i = 0; i < na; i += 3) tb[n2++] = a[i];
        t = build(ta, n1, NULL, 0, tb, n2);
    }
    if (op[1] == 'l' || op[2] == 'l') { /* ulist, ilist, dlist, xlist, uplist: l = c + b */
        ac_list *l = ac_list_new(&ac_t_int, 0, NULL);
        for (i = 0; i < nc; i++) ac_list_append(l, ac_int_val(c[i]));
        for (i = 0; i < nb; i++) ac_list_append(l, ac_int_val(b[i]));
        if (!strcmp(op, "uplist"))
            ac_set_update_list(s, l);
        else
            r = ac_set_list_op(s, l, op[0] == 'u' ? 0 : op[0] == 'i' ? 1 : op[0] == 'd' ? 2 : 3);
        ac_decref(l);
    }
    if (!strcmp(op, "copy"))
        r = ac_set_from_set(&t_set_int, s);
    else if (!strcmp(op, "or"))
        r = ac_set_or(s, t);
    else if (!strcmp(op, "and"))
        r = ac_set_and(s, t);
    else if (!strcmp(op, "sub"))
        r = ac_set_sub(s, t);
    else if (!strcmp(op, "xor"))
        r = ac_set_xor(s, t);
    else if (!strcmp(op, "ior"))
        ac_set_ior(s, t);
    else if (!strcmp(op, "iand"))
        ac_set_iand(s, t);
    else if (!strcmp(op, "isub"))
        ac_set_isub(s, t);
    else if (!strcmp(op, "ixor"))
        ac_set_ixor(s, t);
    if (!strcmp(op, "pop")) {
        ac_list *got = ac_list_new(&ac_t_int, 0, NULL);
        ac_str *parts[2];
        while (got->len < 4 && ac_set_len(s)) ac_list_append(got, ac_set_pop(s));
        ac_set_add(s, ac_int_val(na ? a[0] : 1));
        parts[0] = ac_repr_of(ac_ptr_val(got), &(const ac_type){AC_K_LIST, 1, int1});
        parts[1] = ac_repr_of(ac_ptr_val(s), &t_set_int);
        out = ac_str_build(2, parts);
        ac_decref(parts[0]);
        ac_decref(parts[1]);
        ac_decref(got);
    } else {
        out = ac_repr_of(ac_ptr_val(r ? r : s), &t_set_int);
    }
    if (0) {
    whole:
        out = ac_repr_of(ac_ptr_val(s), &t_set_int);
        ac_decref(s);
        return out;
    }
    ac_decref(r);
    ac_decref(s);
    ac_decref(t);
    return out;
}

static void test_set_order_matches_cpython(void **state) {
    int k, bad = 0;
    (void)state;
    for (k = 0; k < (int)N(set_cases); k++) {
        char what[64];
        snprintf(what, sizeof what, "case %d (%s)", k, set_cases[k].op);
        bad += check_str(run_case(k), set_cases[k].want, what);
    }
    assert_int_equal(bad, 0);
}

static void test_set_methods(void **state) {
    ac_set *a = ac_set_new(&t_set_int), *b = ac_set_new(&t_set_int);
    ac_set *f;
    (void)state;
    expect_repr(a, &t_set_int, "set()");
    ac_set_add(a, ac_int_val(3));
    ac_set_add(a, ac_int_val(1));
    ac_set_add(b, ac_int_val(1));
    assert_true(ac_set_le(b, a));
    assert_true(ac_set_lt(b, a));
    assert_false(ac_set_lt(a, a));
    assert_false(ac_set_isdisjoint(a, b));
    assert_true(ac_set_contains(a, ac_int_val(3)));
    ac_set_remove(a, ac_int_val(7));
    assert_int_equal(check_err(&ac_cls_KeyError, "7", "remove"), 0);
    f = ac_set_from_set(&t_fset_int, a);
    expect_repr(f, &t_fset_int, "frozenset({1, 3})");
    ac_set_clear(a);
    ac_set_pop(a);
    assert_int_equal(check_err(&ac_cls_KeyError, "'pop from an empty set'", "pop"), 0);
    ac_decref(f);
    ac_decref(a);
    ac_decref(b);
}

static ac_str *S(const char *s) { return ac_str_from_cstr(s); }

static void test_dict_order_and_errors(void **state) {
    ac_dict *d = ac_dict_new(&t_dict_str_int), *e;
    ac_tuple *it;
    const char *keys[] = {"b", "a", "c", "d", "e", "f", "g", "h", "i", "j"};
    int i;
    (void)state;
    expect_repr(d, &t_dict_str_int, "{}");
    for (i = 0; i < 10; i++) ac_dict_set(d, ac_ptr_val(S(keys[i])), ac_int_val(i));
    ac_dict_set(d, ac_ptr_val(S("a")), ac_int_val(100)); /* keeps its place */
    for (i = 3; i < 10; i++) {
        ac_str *k = S(keys[i]);
        ac_dict_del(d, ac_ptr_val(k));
        ac_decref(k);
    }
    ac_dict_set(d, ac_ptr_val(S("z")), ac_int_val(-1));
    expect_repr(d, &t_dict_str_int, "{'b': 0, 'a': 100, 'c': 2, 'z': -1}");
    {
        ac_str *k = S("x");
        ac_dict_get(d, ac_ptr_val(k));
        assert_int_equal(check_err(&ac_cls_KeyError, "'x'", "get"), 0);
        assert_int_equal(ac_dict_get_or(d, ac_ptr_val(k), ac_int_val(5)).i, 5);
        assert_int_equal(ac_dict_setdefault(d, ac_ptr_val(k), ac_int_val(6)).i, 6);
        assert_int_equal(ac_dict_pop(d, ac_ptr_val(k)).i, 6);
        ac_dict_pop(d, ac_ptr_val(k));
        assert_int_equal(check_err(&ac_cls_KeyError, "'x'", "pop"), 0);
        ac_decref(k);
    }
    e = ac_dict_copy(d);
    assert_true(ac_dict_eq(d, e));
    it = ac_dict_popitem(e, &t_item);
    expect_repr(it, &t_item, "('z', -1)");
    assert_false(ac_dict_eq(d, e));
    ac_dict_clear(e);
    ac_dict_popitem(e, &t_item);
    assert_int_equal(check_err(&ac_cls_KeyError, "'popitem(): dictionary is empty'", "popitem"), 0);
    ac_decref(it);
    ac_decref(e);
    ac_decref(d);
}

static void test_dict_grows(void **state) {
    ac_dict *d = ac_dict_new(&t_dict_int_int);
    int64_t i, pos = 0, n = 0;
    ac_val k, v;
    (void)state;
    for (i = 0; i < 5000; i++) ac_dict_set(d, ac_int_val(i * 7919 % 10007), ac_int_val(i));
    for (i = 0; i < 5000; i += 2) ac_dict_del(d, ac_int_val(i * 7919 % 10007));
    assert_int_equal(ac_dict_len(d), 2500);
    while (ac_dict_next(d, &pos, &k, &v)) {
        assert_int_equal(v.i, 2 * n + 1);
        n++;
    }
    assert_int_equal(n, 2500);
    ac_decref(d);
}

/* 1, 1.0 and True are one key, as in CPython */
static void test_object_keys(void **state) {
    ac_dict *d = ac_dict_new(&t_dict_obj_str);
    (void)state;
    ac_dict_set(d, ac_ptr_val(ac_obj_int(1)), ac_ptr_val(S("int")));
    ac_dict_set(d, ac_ptr_val(ac_obj_float(1.0)), ac_ptr_val(S("float")));
    ac_dict_set(d, ac_ptr_val(ac_obj_bool(1)), ac_ptr_val(S("bool")));
    ac_dict_set(d, ac_ptr_val(ac_obj_float(2.5)), ac_ptr_val(S("x")));
    expect_repr(d, &t_dict_obj_str, "{1: 'bool', 2.5: 'x'}");
    {
        ac_val l;
        l.p = ac_list_new(&ac_t_int, 0, NULL);
        ac_dict_set(d, l, ac_ptr_val(S("y")));
        assert_int_equal(check_err(&ac_cls_TypeError, "unhashable type: 'list'", "list key"), 0);
    }
    ac_decref(d);
}

/* hash(frozenset(...)) as CPython 3.11 prints it */
static void test_frozenset_hash(void **state) {
    ac_set *f = ac_set_new(&t_fset_int);
    (void)state;
    assert_int_equal(ac_val_hash(ac_ptr_val(f), &t_fset_int), 133146708735736LL);
    ac_set_add(f, ac_int_val(3));
    ac_set_add(f, ac_int_val(1));
    ac_set_add(f, ac_int_val(2));
    assert_int_equal(ac_val_hash(ac_ptr_val(f), &t_fset_int), -272375401224217160LL);
    ac_decref(f);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_set_order_matches_cpython),
        cmocka_unit_test(test_set_methods),
        cmocka_unit_test(test_dict_order_and_errors),
        cmocka_unit_test(test_dict_grows),
        cmocka_unit_test(test_object_keys),
        cmocka_unit_test(test_frozenset_hash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
