/*
 * test_dyn.c -- `object` values (rt_dyn.c): every operation on every pair
 * of sample values against CPython (dyn_cases.inc, from
 * gen/dyn_cases.py), then boxing, unboxing, iteration, sorting and the
 * reference counts of what the operations return.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

#include "check.h"
#include "dyn_cases.inc"

static const ac_type *const int_elems[1] = {&ac_t_int};
static const ac_type t_list_int = {AC_K_LIST, 1, int_elems};
static const ac_type *const int_str[2] = {&ac_t_int, &ac_t_str};
static const ac_type t_int_str = {AC_K_TUPLE, 2, int_str};
static const ac_type t_str1 = {AC_K_TUPLE, 1, int_str + 1};

static ac_obj *S(const char *s) { return (ac_obj *)ac_str_from_cstr(s); }

/* The values of gen/dyn_cases.py's VALUES, in order (new references). */
static ac_obj *value(int k) {
    ac_val it[2];
    switch (k) {
    case 0: return ac_obj_int(0);
    case 1: return ac_obj_int(3);
    case 2: return ac_obj_int(-7);
    case 3: return ac_obj_bool(1);
    case 4: return ac_obj_bool(0);
    case 5: return ac_obj_float(2.5);
    case 6: return ac_obj_float(-0.5);
    case 7: return S("a");
    case 8: return S("bc");
    case 9: return &ac_None;
    case 10:
        it[0].i = 1;
        it[1].i = 2;
        return (ac_obj *)ac_list_new(&t_list_int.elems[0][0], 2, it);
    case 11:
        it[0].p = ac_obj_int(1);
        it[1].p = S("a");
        return (ac_obj *)ac_list_new(&ac_t_object, 2, it);
    case 12:
        it[0].i = 1;
        it[1].p = S("a");
        return (ac_obj *)ac_tuple_new(&t_int_str, it);
    default: {
        ac_val m;
        m.p = S("x");
        return (ac_obj *)ac_exc_new(&ac_cls_ValueError, ac_tuple_new(&t_str1, &m));
    }
    }
}

static int binop_code(const char *op) {
    static const char *const ops[] = {"+", "-", "*", "/", "//", "%", "**", "<<", ">>",
                                      "&", "|", "^", "<", "<=", ">", ">=", "==", "!="};
    int i;
    for (i = 0; i < (int)N(ops); i++)
        if (!strcmp(op, ops[i])) return i;
    return -1;
}

static ac_obj *run_case(const char *op, ac_obj *a, ac_obj *b, int k) {
    int c = binop_code(op);
    if (c >= AC_OP_LT) {
        int r = ac_obj_compare(c, a, b);
        return ac_err ? NULL : ac_obj_bool(r);
    }
    if (c >= 0) return ac_obj_binop(c, a, b);
    if (!strcmp(op, "in")) {
        int r = ac_obj_contains(b, a);
        return ac_err ? NULL : ac_obj_bool(r);
    }
    if (!strcmp(op, "[]")) return ac_obj_getitem(a, b);
    if (!strcmp(op, "u-")) return ac_obj_unary(AC_OP_NEG, a);
    if (!strcmp(op, "u+")) return ac_obj_unary(AC_OP_POS, a);
    if (!strcmp(op, "u~")) return ac_obj_unary(AC_OP_INVERT, a);
    if (!strcmp(op, "str")) return (ac_obj *)ac_obj_str(a);
    if (!strcmp(op, "bool")) return ac_obj_bool(ac_obj_truth(a));
    if (!strcmp(op, "type")) return (ac_obj *)ac_obj_type_name(a);
    if (!strcmp(op, "len")) {
        int64_t n = ac_obj_len(a);
        return ac_err ? NULL : ac_obj_int(n);
    }
    if (!strcmp(op, "hash")) {
        int64_t n = ac_obj_hash(a);
        return ac_err ? NULL : ac_obj_int(n);
    }
    if (!strcmp(op, "format")) {
        ac_str *spec = ac_str_from_cstr(dyn_specs[k]);
        ac_obj *r = (ac_obj *)ac_obj_format(a, spec);
        ac_decref(spec);
        return r;
    }
    fail_msg("unknown op %s", op);
    return NULL;
}

static void test_against_cpython(void **state) {
    size_t i;
    int fails = 0;
    (void)state;
    for (i = 0; i < N(dyn_cases); i++) {
        ac_obj *a = value(dyn_cases[i].a), *b = value(dyn_cases[i].b);
        ac_obj *r = run_case(dyn_cases[i].op, a, b, dyn_cases[i].b);
        char what[80];
        snprintf(what, sizeof what, "%s %d %d", dyn_cases[i].op, dyn_cases[i].a, dyn_cases[i].b);
        if (strcmp(dyn_cases[i].exc, "ok")) {
            ac_exc *e = ac_err;
            if (!e || strcmp(e->cls->name, dyn_cases[i].exc)) {
                fprintf(stderr, "%s: want %s, got %s\n", what, dyn_cases[i].exc, e ? e->cls->name : "no error");
                fails++;
                ac_decref(ac_take_err());
            } else {
                fails += check_err(e->cls, dyn_cases[i].want, what);
            }
            ac_decref(r);
        } else {
            /* str results print by repr in the table */
            fails += check_str(r ? ac_obj_repr(r) : NULL, dyn_cases[i].want, what);
            ac_decref(r);
        }
        ac_decref(a);
        ac_decref(b);
    }
    assert_int_equal(fails, 0);
}

static void test_box_unbox(void **state) {
    ac_obj *o;
    (void)state;
    assert_ptr_equal(ac_obj_int(7), ac_obj_int(7)); /* cached, immortal */
    assert_true(ac_obj_int(-5)->rc < 0 && ac_obj_int(256)->rc < 0);
    o = ac_obj_int(257);
    assert_int_equal(o->rc, 1);
    assert_int_equal(ac_obj_as_int(o), 257);
    assert_true(ac_obj_as_float(o) == 257.0);
    assert_int_equal(ac_obj_as_int(ac_obj_bool(1)), 1);
    ac_decref(o);
    o = ac_obj_from(ac_float_val(1.5), &ac_t_float);
    assert_true(ac_obj_as_float(o) == 1.5);
    ac_obj_as_int(o);
    assert_int_equal(check_err(&ac_cls_TypeError, "expected int, got float", "as_int"), 0);
    ac_obj_as_bool(o);
    assert_int_equal(check_err(&ac_cls_TypeError, "expected bool, got float", "as_bool"), 0);
    ac_decref(o);
    assert_ptr_equal(ac_obj_from(ac_int_val(0), &ac_t_none), &ac_None);
    o = value(11);
    assert_ptr_equal(ac_obj_as_ptr(o, &ac_t_object), o);
    assert_null(ac_obj_as_ptr(o, &t_list_int));
    assert_int_equal(check_err(&ac_cls_TypeError, "expected list[int], got list[object]", "as_ptr"), 0);
    assert_null(ac_obj_as_ptr(&ac_None, &ac_t_str));
    assert_int_equal(check_err(&ac_cls_TypeError, "expected str, got NoneType", "as_ptr"), 0);
    ac_decref(o);
    o = value(10);
    assert_ptr_equal(ac_obj_as_ptr(o, &t_list_int), o);
    ac_decref(o);
    o = value(12);
    assert_ptr_equal(ac_obj_as_ptr(o, &t_int_str), o);
    ac_decref(o);
}

/* hash((1, 2)) and hash((1.5, 3)) under CPython 3.11 */
static void test_tuple_hash(void **state) {
    static const ac_type *const ff[2] = {&ac_t_float, &ac_t_int};
    static const ac_type *const ii[2] = {&ac_t_int, &ac_t_int};
    static const ac_type t_ii = {AC_K_TUPLE, 2, ii}, t_fi = {AC_K_TUPLE, 2, ff};
    ac_val it[2];
    ac_tuple *t;
    (void)state;
    it[0].i = 1;
    it[1].i = 2;
    t = ac_tuple_new(&t_ii, it);
    assert_true(ac_obj_hash((ac_obj *)t) == -3550055125485641917LL);
    ac_decref(t);
    it[0].f = 1.5;
    it[1].i = 3;
    t = ac_tuple_new(&t_fi, it);
    assert_true(ac_obj_hash((ac_obj *)t) == -3664374849202191498LL);
    ac_decref(t);
}

static void test_isinstance(void **state) {
    ac_obj *e = value(13), *s = value(7);
    (void)state;
    assert_true(ac_obj_isinstance(ac_obj_bool(1), AC_K_INT)); /* bool is an int */
    assert_true(ac_obj_isinstance(ac_obj_bool(1), AC_K_BOOL));
    assert_false(ac_obj_isinstance(ac_obj_int(1), AC_K_BOOL));
    assert_false(ac_obj_isinstance(ac_obj_int(1), AC_K_FLOAT));
    assert_true(ac_obj_isinstance(s, AC_K_STR));
    assert_true(ac_obj_isinstance(&ac_None, AC_K_NONE));
    assert_true(ac_obj_isinstance_exc(e, &ac_cls_Exception));
    assert_false(ac_obj_isinstance_exc(e, &ac_cls_TypeError));
    assert_false(ac_obj_isinstance_exc(s, &ac_cls_Exception));
    ac_decref(e);
    ac_decref(s);
}

static void test_iterate(void **state) {
    const char *want[] = {"1", "'a'"};
    ac_obj *l = value(11), *t = value(12), *s = S("h\xc3\xa9"), *x;
    int64_t pos = 0;
    int k = 0;
    (void)state;
    ac_obj_iter_check(l);
    assert_null(ac_err);
    while ((x = ac_obj_next(l, &pos)) != NULL) {
        assert_int_equal(check_str(ac_obj_repr(x), want[k++], "iter list"), 0);
        ac_decref(x);
    }
    assert_int_equal(k, 2);
    for (pos = 0, k = 0; (x = ac_obj_next(t, &pos)) != NULL; k++) {
        assert_int_equal(check_str(ac_obj_repr(x), want[k], "iter tuple"), 0);
        ac_decref(x);
    }
    assert_int_equal(k, 2);
    pos = 0;
    x = ac_obj_next(s, &pos);
    assert_int_equal(check_str(ac_obj_repr(x), "'h'", "iter str"), 0);
    ac_decref(x);
    x = ac_obj_next(s, &pos);
    assert_int_equal(check_str(ac_obj_repr(x), "'\xc3\xa9'", "iter str"), 0);
    ac_decref(x);
    assert_null(ac_obj_next(s, &pos));
    x = ac_obj_float(1.0);
    ac_obj_iter_check(x);
    assert_int_equal(check_err(&ac_cls_TypeError, "'float' object is not iterable", "iter"), 0);
    ac_decref(x);
    ac_decref(l);
    ac_decref(t);
    ac_decref(s);
}

/* list[object]: the generic list code compares and prints through rt_dyn */
static void test_list_of_objects(void **state) {
    ac_val it[4];
    ac_list *l, *r;
    ac_val mx;
    (void)state;
    it[0].p = ac_obj_int(3);
    it[1].p = ac_obj_float(1.5);
    it[2].p = ac_obj_bool(1);
    it[3].p = ac_obj_int(2);
    l = ac_list_new(&ac_t_object, 4, it);
    r = ac_list_sorted(l, 0);
    assert_int_equal(check_str(ac_repr_of(ac_ptr_val(r), &t_list_int), "[True, 1.5, 2, 3]", "sorted"), 0);
    mx = ac_list_max(l);
    assert_int_equal(check_str(ac_obj_repr(mx.p), "3", "max"), 0);
    ac_decref(mx.p);
    it[0].p = ac_obj_float(2.0);
    assert_true(ac_list_contains(l, it[0])); /* 2.0 == 2 */
    ac_decref(it[0].p);
    ac_decref(r);
    ac_list_append(l, ac_ptr_val(S("x")));
    r = ac_list_sorted(l, 0);
    assert_null(r);
    assert_int_equal(check_err(&ac_cls_TypeError, "'<' not supported between instances of 'str' and 'int'", "sort"), 0);
    ac_decref(l);
}

/* expected values from CPython 3.11: see the comment on each line */
static void test_conversions_and_inplace(void **state) {
    ac_obj *s = S(" 42 "), *f = ac_obj_float(-2.75), *l = value(10), *m = value(11), *r, *t;
    ac_val sum;
    (void)state;
    assert_int_equal(ac_obj_to_int(s), 42); /* int(" 42 ") */
    assert_int_equal(ac_obj_to_int(f), -2); /* int(-2.75) */
    assert_true(ac_obj_to_float(s) == 42.0);
    r = ac_obj_to_abs(f);
    assert_int_equal(check_str(ac_obj_repr(r), "2.75", "abs"), 0);
    ac_decref(r);
    ac_obj_to_int(&ac_None);
    assert_int_equal(check_err(&ac_cls_TypeError,
                               "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
                               "int"),
                     0);
    ac_obj_to_float(l);
    assert_int_equal(
        check_err(&ac_cls_TypeError, "float() argument must be a string or a real number, not 'list'", "float"), 0);
    assert_null(ac_obj_to_abs(s));
    assert_int_equal(check_err(&ac_cls_TypeError, "bad operand type for abs(): 'str'", "abs"), 0);
    /* x += y on a list extends it: everyone holding it sees the change */
    r = ac_obj_binop(AC_OP_ADD | AC_OP_INPLACE, l, l);
    assert_ptr_equal(r, l);
    ac_decref(r);
    assert_int_equal(check_str(ac_obj_repr(l), "[1, 2, 1, 2]", "+="), 0);
    assert_null(ac_obj_binop(AC_OP_SUB | AC_OP_INPLACE, s, f));
    assert_int_equal(check_err(&ac_cls_TypeError, "unsupported operand type(s) for -=: 'str' and 'float'", "-="), 0);
    assert_null(ac_obj_binop(AC_OP_POW | AC_OP_INPLACE, s, f));
    assert_int_equal(check_err(&ac_cls_TypeError, "unsupported operand type(s) for **=: 'str' and 'float'", "**="), 0);
    /* tuples built at run time */
    t = value(12);
    r = ac_obj_binop(AC_OP_MUL, t, ac_obj_int(2));
    assert_int_equal(check_str(ac_obj_repr(r), "(1, 'a', 1, 'a')", "tuple*2"), 0);
    ac_decref(r);
    r = ac_obj_slice(t, 1, 1, 0, 0, 0, 0);
    assert_int_equal(check_str(ac_obj_repr(r), "('a',)", "tuple[1:]"), 0);
    assert_int_equal(ac_obj_hash(r), ac_obj_hash(r));
    ac_decref(r);
    r = ac_obj_slice(m, 0, 0, 0, 0, 1, -1);
    assert_int_equal(check_str(ac_obj_repr(r), "['a', 1]", "list[::-1]"), 0);
    ac_decref(r);
    assert_null(ac_obj_slice(f, 0, 0, 0, 0, 0, 0));
    assert_int_equal(check_err(&ac_cls_TypeError, "'float' object is not subscriptable", "slice"), 0);
    /* sum() of a list of objects */
    sum = ac_list_sum((ac_list *)m);
    assert_null(sum.p);
    assert_int_equal(check_err(&ac_cls_TypeError, "unsupported operand type(s) for +: 'int' and 'str'", "sum"), 0);
    ac_decref(s);
    ac_decref(f);
    ac_decref(l);
    ac_decref(m);
    ac_decref(t);
}

/* sorted(["b", 3]) and [1, 2, "x", 0].sort(reverse=True) fail at CPython's pair */
static void test_sort_error_pair(void **state) {
    ac_val it[4];
    ac_list *l;
    (void)state;
    it[0].p = S("b");
    it[1].p = ac_obj_int(3);
    l = ac_list_new(&ac_t_object, 2, it);
    assert_null(ac_list_sorted(l, 0));
    assert_int_equal(check_err(&ac_cls_TypeError, "'<' not supported between instances of 'int' and 'str'", "sort"), 0);
    ac_decref(l);
    it[0].p = ac_obj_int(1);
    it[1].p = ac_obj_int(2);
    it[2].p = S("x");
    it[3].p = ac_obj_int(0);
    l = ac_list_new(&ac_t_object, 4, it);
    ac_list_sort(l, 1); /* l.sort(reverse=True): the list comes back as it was */
    assert_int_equal(check_err(&ac_cls_TypeError, "'<' not supported between instances of 'str' and 'int'", "sort rev"),
                     0);
    assert_int_equal(check_str(ac_repr_of(ac_ptr_val(l), &t_list_int), "[1, 2, 'x', 0]", "kept"), 0);
    ac_decref(l);
}

/* expected values and messages from CPython 3.11 */
static void test_methods(void **state) {
    ac_obj *s = S("a,b"), *comma = S(","), *l = value(10), *m = value(11), *x = S("x"), *r;
    ac_obj *args[2];
    (void)state;
    args[0] = comma;
    r = ac_obj_call_method(s, "split", 1, args);
    assert_int_equal(check_str(ac_obj_repr(r), "['a', 'b']", "split"), 0);
    args[0] = r;
    ac_obj *j = ac_obj_call_method(comma, "join", 1, args);
    assert_int_equal(check_str(ac_obj_repr(j), "'a,b'", "join"), 0);
    ac_decref(j);
    ac_decref(r);
    args[0] = m;
    assert_null(ac_obj_call_method(comma, "join", 1, args));
    assert_int_equal(check_err(&ac_cls_TypeError, "sequence item 0: expected str instance, int found", "join"), 0);
    assert_null(ac_obj_call_method(ac_obj_int(3), "upper", 0, NULL));
    assert_int_equal(check_err(&ac_cls_AttributeError, "'int' object has no attribute 'upper'", "attr"), 0);
    assert_null(ac_obj_call_method(s, "upper", 1, args));
    assert_int_equal(check_err(&ac_cls_TypeError, "str.upper() takes no arguments (1 given)", "arity"), 0);
    assert_null(ac_obj_call_method(l, "append", 0, NULL));
    assert_int_equal(check_err(&ac_cls_TypeError, "list.append() takes exactly one argument (0 given)", "arity"), 0);
    /* a list[int] seen as an object takes ints only (asyncc's check) */
    args[0] = ac_obj_bool(1);
    assert_ptr_equal(ac_obj_call_method(l, "append", 1, args), &ac_None);
    args[0] = x;
    assert_null(ac_obj_call_method(l, "append", 1, args));
    assert_int_equal(check_err(&ac_cls_TypeError, "expected int, got str", "append"), 0);
    assert_ptr_equal(ac_obj_call_method(m, "append", 1, args), &ac_None);
    assert_int_equal(check_str(ac_obj_repr(l), "[1, 2, 1]", "appended"), 0);
    assert_int_equal(check_str(ac_obj_repr(m), "[1, 'a', 'x']", "appended"), 0);
    args[0] = ac_obj_int(9);
    assert_null(ac_obj_call_method(m, "index", 1, args));
    assert_int_equal(check_err(&ac_cls_ValueError, "9 is not in list", "index"), 0);
    args[0] = m;
    assert_ptr_equal(ac_obj_call_method(m, "extend", 1, args), &ac_None);
    assert_int_equal(check_str(ac_obj_repr(m), "[1, 'a', 'x', 1, 'a', 'x']", "extend self"), 0);
    ac_decref(s);
    ac_decref(comma);
    ac_decref(l);
    ac_decref(m);
    ac_decref(x);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_against_cpython),
        cmocka_unit_test(test_box_unbox),
        cmocka_unit_test(test_tuple_hash),
        cmocka_unit_test(test_isinstance),
        cmocka_unit_test(test_iterate),
        cmocka_unit_test(test_list_of_objects),
        cmocka_unit_test(test_conversions_and_inplace),
        cmocka_unit_test(test_sort_error_pair),
        cmocka_unit_test(test_methods),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
