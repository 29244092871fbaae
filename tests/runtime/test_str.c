/*
 * test_str.c -- strings against CPython: float and str repr, int() and
 * float() parsing, the str methods and slicing.  The tables in
 * str_cases.inc come from running each expression under CPython 3.11
 * (regenerate: python3 tests/runtime/gen/str_cases.py > tests/runtime/str_cases.inc).
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

#include "str_cases.inc"

#include "check.h"

static ac_str *mk(const char *s) { return s ? ac_str_from_cstr(s) : NULL; }

static void test_float_repr(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(float_reprs); k++)
        fails += check_str(ac_str_from_float(float_reprs[k].v), float_reprs[k].want, float_reprs[k].want);
    assert_int_equal(fails, 0);
}

static void test_str_repr(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(str_reprs); k++) {
        ac_str *s = ac_str_new(str_reprs[k].s, (int64_t)strlen(str_reprs[k].s));
        fails += check_str(ac_str_repr(s), str_reprs[k].want, str_reprs[k].want);
        ac_decref(s);
    }
    { /* an embedded NUL needs the explicit length; repr('a\x00b') */
        ac_str *s = ac_str_new("a\0b", 3);
        fails += check_str(ac_str_repr(s), "'a\\x00b'", "nul");
        ac_decref(s);
    }
    assert_int_equal(fails, 0);
}

static void test_int_parse(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(int_parses); k++) {
        ac_str *s = mk(int_parses[k].s);
        int64_t v = ac_str_to_int(s, int_parses[k].base);
        if (int_parses[k].exc) {
            fails += check_err(int_parses[k].exc, int_parses[k].msg, int_parses[k].s);
        } else if (ac_err || v != int_parses[k].want) {
            fprintf(stderr, "int('%s', %lld): want %lld got %lld\n", int_parses[k].s, (long long)int_parses[k].base,
                    (long long)int_parses[k].want, (long long)v);
            ac_decref(ac_take_err());
            fails++;
        }
        ac_decref(s);
    }
    { /* beyond 64 bits: OverflowError (documented difference) */
        ac_str *s = mk("9223372036854775808");
        ac_str_to_int(s, 10);
        fails += check_err(&ac_cls_OverflowError, "integer overflow", "2**63");
        ac_decref(s);
    }
    assert_int_equal(fails, 0);
}

static void test_float_parse(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(float_parses); k++) {
        ac_str *s = mk(float_parses[k].s);
        double v = ac_str_to_float(s);
        if (float_parses[k].exc)
            fails += check_err(float_parses[k].exc, float_parses[k].want, float_parses[k].s);
        else if (ac_err)
            fails += check_str(NULL, float_parses[k].want, float_parses[k].s);
        else
            fails += check_str(ac_str_from_float(v), float_parses[k].want, float_parses[k].s);
        ac_decref(s);
    }
    assert_int_equal(fails, 0);
}

/* Runs one str_ops row and returns repr() of the result. */
static ac_str *run_op(const char *op, ac_str *s, ac_str *a, ac_str *b, int64_t n) {
    static const ac_type *const le[1] = {&ac_t_str};
    static const ac_type tl = {AC_K_LIST, 1, le};
    ac_val v;
    ac_str *r = NULL;
    if (!strcmp(op, "split")) {
        ac_list *l = ac_str_split(s, a, n);
        if (!l) return NULL;
        v.p = l;
        r = ac_repr_of(v, &tl);
        ac_decref(l);
        return r;
    }
    if (!strcmp(op, "strip"))
        r = ac_str_strip(s, a);
    else if (!strcmp(op, "lstrip"))
        r = ac_str_lstrip(s, a);
    else if (!strcmp(op, "rstrip"))
        r = ac_str_rstrip(s, a);
    else if (!strcmp(op, "upper"))
        r = ac_str_upper(s);
    else if (!strcmp(op, "lower"))
        r = ac_str_lower(s);
    else if (!strcmp(op, "replace"))
        r = ac_str_replace(s, a, b, n);
    else if (!strcmp(op, "repeat"))
        r = ac_str_repeat(s, n);
    else if (!strcmp(op, "index"))
        r = ac_str_index(s, n);
    else if (!strcmp(op, "find"))
        return ac_str_from_int(ac_str_find(s, a));
    else if (!strcmp(op, "rfind"))
        return ac_str_from_int(ac_str_rfind(s, a));
    else if (!strcmp(op, "count"))
        return ac_str_from_int(ac_str_count(s, a));
    else if (!strcmp(op, "len"))
        return ac_str_from_int(ac_str_len(s));
    else if (!strcmp(op, "startswith"))
        return ac_str_from_bool(ac_str_startswith(s, a));
    else if (!strcmp(op, "endswith"))
        return ac_str_from_bool(ac_str_endswith(s, a));
    else if (!strcmp(op, "contains"))
        return ac_str_from_bool(ac_str_contains(s, a));
    else if (!strcmp(op, "isdigit"))
        return ac_str_from_bool(ac_str_isdigit(s));
    else if (!strcmp(op, "isalpha"))
        return ac_str_from_bool(ac_str_isalpha(s));
    else if (!strcmp(op, "isspace"))
        return ac_str_from_bool(ac_str_isspace(s));
    else
        fail_msg("unknown op %s", op);
    if (!r) return NULL;
    {
        ac_str *q = ac_str_repr(r);
        ac_decref(r);
        return q;
    }
}

static void test_str_ops(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(str_ops); k++) {
        ac_str *s = mk(str_ops[k].s), *a = mk(str_ops[k].a), *b = mk(str_ops[k].b);
        ac_str *r = run_op(str_ops[k].op, s, a, b, str_ops[k].n);
        char what[200];
        snprintf(what, sizeof what, "%s('%s', %s, %lld)", str_ops[k].op, str_ops[k].s,
                 str_ops[k].a ? str_ops[k].a : "None", (long long)str_ops[k].n);
        if (str_ops[k].exc) {
            fails += r != NULL;
            ac_decref(r);
            fails += check_err(str_ops[k].exc, str_ops[k].want, what);
        } else {
            fails += check_str(r, str_ops[k].want, what);
        }
        ac_decref(s);
        ac_decref(a);
        ac_decref(b);
    }
    assert_int_equal(fails, 0);
}

static void test_str_slices(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(str_slices); k++) {
        ac_str *s = mk(str_slices[k].s);
        ac_str *r = ac_str_slice(s, str_slices[k].hs, str_slices[k].st, str_slices[k].hp, str_slices[k].sp,
                                 str_slices[k].hk, str_slices[k].k);
        char what[160];
        snprintf(what, sizeof what, "'%s'[%lld:%lld:%lld] (row %zu)", str_slices[k].s, (long long)str_slices[k].st,
                 (long long)str_slices[k].sp, (long long)str_slices[k].k, k);
        if (str_slices[k].exc)
            fails += check_err(str_slices[k].exc, str_slices[k].want, what) + (r != NULL);
        else
            fails += check_str(r, str_slices[k].want, what);
        ac_decref(s);
    }
    assert_int_equal(fails, 0);
}

static void test_str_misc(void **state) {
    static ac_str lit = {{AC_IMMORTAL, AC_K_STR}, 5, 5, "hello"};
    ac_str *a = mk("ab"), *b = mk("cd"), *e = mk(""), *u = mk("h\303\251!");
    ac_str *parts[3], *r, *sep;
    ac_list *l;
    ac_val v[3];
    int64_t pos = 0;
    (void)state;
    /* literals are immortal: refcounting leaves them alone */
    ac_incref(&lit);
    ac_decref(&lit);
    ac_decref(&lit);
    assert_int_equal(lit.h.rc, AC_IMMORTAL);
    r = ac_str_concat(a, b);
    assert_string_equal(r->s, "abcd");
    ac_decref(r);
    parts[0] = a;
    parts[1] = u;
    parts[2] = b;
    r = ac_str_build(3, parts);
    assert_string_equal(r->s, "abh\303\251!cd");
    assert_int_equal(r->nchars, 7);
    ac_decref(r);
    assert_true(ac_str_eq(a, a));
    assert_false(ac_str_eq(a, b));
    assert_true(ac_str_cmp(a, b) < 0);
    assert_true(ac_str_cmp(b, a) > 0);
    assert_true(ac_str_cmp(a, a) == 0);
    assert_true(ac_str_cmp(e, a) < 0);
    assert_true(ac_str_cmp(u, a) > 0); /* 'hé!' > 'ab' */
    assert_true(ac_str_contains(a, e));
    /* '-'.join(['ab', 'cd', '']) == 'ab-cd-' */
    v[0].p = a;
    v[1].p = b;
    v[2].p = e;
    ac_incref(a);
    ac_incref(b);
    ac_incref(e);
    l = ac_list_new(&ac_t_str, 3, v);
    sep = mk("-");
    r = ac_str_join(sep, l);
    assert_string_equal(r->s, "ab-cd-");
    ac_decref(r);
    ac_decref(l);
    l = ac_list_new(&ac_t_str, 0, NULL); /* '-'.join([]) == '' */
    r = ac_str_join(sep, l);
    assert_string_equal(r->s, "");
    ac_decref(r);
    ac_decref(l);
    ac_decref(sep);
    /* iteration by code point */
    r = ac_str_next_char(u, &pos);
    assert_string_equal(r->s, "h");
    ac_decref(r);
    r = ac_str_next_char(u, &pos);
    assert_string_equal(r->s, "\303\251");
    ac_decref(r);
    r = ac_str_next_char(u, &pos);
    assert_string_equal(r->s, "!");
    ac_decref(r);
    assert_null(ac_str_next_char(u, &pos));
    r = ac_str_from_int(-9223372036854775807LL - 1);
    assert_string_equal(r->s, "-9223372036854775808");
    ac_decref(r);
    assert_string_equal(ac_str_from_bool(1)->s, "True");
    assert_string_equal(ac_str_from_bool(0)->s, "False");
    assert_string_equal(ac_str_none()->s, "None");
    ac_decref(a);
    ac_decref(b);
    ac_decref(e);
    ac_decref(u);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_float_repr),  cmocka_unit_test(test_str_repr), cmocka_unit_test(test_int_parse),
        cmocka_unit_test(test_float_parse), cmocka_unit_test(test_str_ops),  cmocka_unit_test(test_str_slices),
        cmocka_unit_test(test_str_misc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
