/*
 * test_random.c -- the random module against CPython: random_cases.inc is
 * CPython 3.11's output for seeded sequences of calls
 * (tests/runtime/gen/random_cases.py), replayed here call by call.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

#include "random_cases.inc"

#include "check.h"

static const ac_type *const int_elem[1] = {&ac_t_int};
static const ac_type list_of_int = {AC_K_LIST, 1, int_elem};

static ac_str *shuffled(int64_t n) {
    ac_list *l = ac_list_new(&ac_t_int, 0, NULL);
    ac_val v, s;
    int64_t i;
    for (i = 0; i < n; i++) {
        v.i = i;
        ac_list_append(l, v);
    }
    ac_random_shuffle(l);
    s.p = l;
    {
        ac_str *r = ac_repr_of(s, &list_of_int);
        ac_decref(l);
        return r;
    }
}

static ac_str *chosen(int64_t n) {
    ac_list *l = ac_list_new(&ac_t_int, 0, NULL);
    ac_val v;
    int64_t i;
    for (i = 0; i < n; i++) {
        v.i = 100 + i;
        ac_list_append(l, v);
    }
    v = ac_random_choice(l);
    ac_decref(l);
    return ac_str_from_int(v.i);
}

static ac_str *draw(int k) {
    const char *op = random_cases[k].op;
    int64_t a = random_cases[k].a, b = random_cases[k].b, c = random_cases[k].c;
    char buf[32];
    if (!strcmp(op, "random")) return ac_str_from_float(ac_random_random());
    if (!strcmp(op, "uniform")) return ac_str_from_float(ac_random_uniform(random_cases[k].fa, random_cases[k].fb));
    if (!strcmp(op, "bits")) {
        snprintf(buf, sizeof buf, "%llu", (unsigned long long)ac_random_getrandbits((int)a));
        return ac_str_from_cstr(buf);
    }
    if (!strcmp(op, "randint")) return ac_str_from_int(ac_random_randint(a, b));
    if (!strcmp(op, "randrange1")) return ac_str_from_int(ac_random_randrange(a, 0, 0, 1));
    if (!strcmp(op, "randrange3")) {
        int64_t r = ac_random_randrange(a, 1, b, c);
        if (ac_err) {
            ac_exc *e = ac_take_err();
            ac_str *m = ac_exc_str(e);
            snprintf(buf, sizeof buf, "%s: ", e->cls->name);
            {
                ac_str *p = ac_str_from_cstr(buf), *all = ac_str_concat(p, m);
                ac_decref(p);
                ac_decref(m);
                ac_decref(e);
                return all;
            }
        }
        return ac_str_from_int(r);
    }
    if (!strcmp(op, "shuffle")) return shuffled(a);
    return chosen(a);
}

static void test_cpython_sequences(void **state) {
    size_t k;
    int fails = 0;
    (void)state;
    for (k = 0; k < N(random_cases); k++) {
        char what[80];
        if (!strcmp(random_cases[k].op, "seed")) {
            ac_random_seed(random_cases[k].a);
            continue;
        }
        snprintf(what, sizeof what, "case %zu (%s)", k, random_cases[k].op);
        fails += check_str(draw((int)k), random_cases[k].want, what);
    }
    assert_int_equal(fails, 0);
}

static void test_errors(void **state) {
    ac_list *l = ac_list_new(&ac_t_int, 0, NULL);
    (void)state;
    ac_random_choice(l);
    assert_int_equal(check_err(&ac_cls_IndexError, "Cannot choose from an empty sequence", "choice([])"), 0);
    ac_random_randrange(0, 0, 0, 1);
    assert_int_equal(check_err(&ac_cls_ValueError, "empty range for randrange()", "randrange(0)"), 0);
    ac_random_randrange(5, 1, 5, 1);
    assert_int_equal(check_err(&ac_cls_ValueError, "empty range for randrange() (5, 5, 0)", "randrange(5, 5)"), 0);
    ac_random_randrange(1, 1, 5, 0);
    assert_int_equal(check_err(&ac_cls_ValueError, "zero step for randrange()", "randrange(1, 5, 0)"), 0);
    ac_decref(l);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_cpython_sequences),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
