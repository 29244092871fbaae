/*
 * test_overflow.c -- the portable C99 overflow checks of asyncc_rt.h, the
 * ones a compiler without __builtin_*_overflow gets.  This file forces them
 * (AC_NO_OVERFLOW_BUILTINS) and checks ac_int_add/sub/mul at the edges of
 * int64: every pair of a set of edge values, against the exact result
 * computed in 128 bits where the compiler has them, and against a few
 * hand-written cases everywhere.
 */
#define AC_NO_OVERFLOW_BUILTINS 1
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "asyncc_rt.h"

#ifdef AC_OVERFLOW_BUILTINS
#error "AC_NO_OVERFLOW_BUILTINS did not select the C99 checks"
#endif

static const int64_t edges[] = {
    INT64_MIN,
    INT64_MIN + 1,
    INT64_MIN / 2,
    -4294967296LL,
    -3037000500LL,
    -3037000499LL,
    -65536,
    -3,
    -2,
    -1,
    0,
    1,
    2,
    3,
    65536,
    3037000499LL,
    3037000500LL,
    4294967296LL,
    INT64_MAX / 2,
    INT64_MAX - 1,
    INT64_MAX,
};
#define NEDGES (sizeof edges / sizeof edges[0])

/* op(a, b): 1 and *r when it fits, 0 after OverflowError (cleared) */
static int checked(int op, int64_t a, int64_t b, int64_t *r) {
    *r = op == 0 ? ac_int_add(a, b) : op == 1 ? ac_int_sub(a, b) : ac_int_mul(a, b);
    if (ac_err) {
        ac_exc *e = ac_take_err();
        assert_true(ac_exc_matches(e, &ac_cls_OverflowError));
        ac_decref(e);
        return 0;
    }
    return 1;
}

static void test_hand_written_edges(void **state) {
    int64_t r;
    (void)state;
    assert_true(checked(0, INT64_MAX, 0, &r) && r == INT64_MAX);
    assert_false(checked(0, INT64_MAX, 1, &r));
    assert_false(checked(0, INT64_MIN, -1, &r));
    assert_true(checked(0, INT64_MIN, INT64_MAX, &r) && r == -1);
    assert_true(checked(1, INT64_MIN, 0, &r) && r == INT64_MIN);
    assert_false(checked(1, INT64_MIN, 1, &r));
    assert_false(checked(1, 0, INT64_MIN, &r));
    assert_true(checked(1, -1, INT64_MIN, &r) && r == INT64_MAX);
    assert_false(checked(1, INT64_MAX, -1, &r));
    assert_true(checked(2, INT64_MIN, 1, &r) && r == INT64_MIN);
    assert_false(checked(2, INT64_MIN, -1, &r));
    assert_false(checked(2, -1, INT64_MIN, &r));
    assert_true(checked(2, 3037000499LL, 3037000499LL, &r) && r == 9223372030926249001LL);
    assert_false(checked(2, 3037000500LL, 3037000500LL, &r));
    assert_false(checked(2, -3037000500LL, 3037000500LL, &r));
    assert_true(checked(2, INT64_MIN / 2, 2, &r) && r == INT64_MIN);
    assert_false(checked(2, INT64_MIN / 2, -2, &r));
    assert_true(checked(2, 0, INT64_MIN, &r) && r == 0);
}

static void test_all_edge_pairs(void **state) {
#ifdef __SIZEOF_INT128__
    size_t i, j;
    int op;
    (void)state;
    for (op = 0; op < 3; op++)
        for (i = 0; i < NEDGES; i++)
            for (j = 0; j < NEDGES; j++) {
                __int128 a = edges[i], b = edges[j];
                __int128 x = op == 0 ? a + b : op == 1 ? a - b : a * b;
                int fits = x >= INT64_MIN && x <= INT64_MAX;
                int64_t r;
                int ok = checked(op, edges[i], edges[j], &r);
                if (ok != fits || (ok && r != (int64_t)x))
                    fail_msg("op %d: %lld, %lld: %s", op, (long long)edges[i], (long long)edges[j],
                             fits ? "wrong result or overflow reported" : "overflow missed");
            }
#else
    (void)state;
    skip();
#endif
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_written_edges),
        cmocka_unit_test(test_all_edge_pairs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
