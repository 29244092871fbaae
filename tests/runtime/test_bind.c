/*
 * test_bind.c -- arguments bound when the call runs (rt_bind.c): which
 * parameter each argument reaches, and CPython 3.11's TypeError for every
 * way a call can fail to bind (the messages were taken from python3.11
 * running the same calls).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include "asyncc_rt.h"

#include "check.h"

static const ac_type *const str_obj[2] = {&ac_t_str, &ac_t_object};
static const ac_type t_kw = {AC_K_DICT, 2, str_obj};

enum { D = AC_BIND_DEFAULT, K = AC_BIND_KWONLY, S = AC_BIND_STAR, DS = AC_BIND_DSTAR };

/* def f(a, b=2, *, c, d=4) */
static const char *const f_names[] = {"a", "b", "c", "d"};
static const unsigned char f_flags[] = {0, D, K, K | D};

/* npos ints 1, 2, ...; keywords "name=value" pairs, NULL-terminated */
static ac_list *call(const char *qn, int n, const char *const *names, const unsigned char *flags, int nskip, int npos,
                     ...) {
    ac_list *pos = ac_list_new(&ac_t_object, 0, NULL), *out;
    ac_dict *kw = ac_dict_new(&t_kw);
    va_list ap;
    const char *name;
    int i;
    for (i = 0; i < npos; i++) ac_list_append(pos, ac_ptr_val(ac_obj_int(i + 1)));
    va_start(ap, npos);
    while ((name = va_arg(ap, const char *)) != NULL) ac_bind_kw(kw, name, ac_obj_int(va_arg(ap, int)), "__main__.f()");
    va_end(ap);
    assert_null(ac_err);
    out = ac_bind_args(qn, n, names, flags, nskip, pos, kw, &t_kw);
    ac_decref(pos);
    ac_decref(kw);
    return out;
}

static int64_t slot_int(ac_list *b, int j) { return ac_obj_as_int(b->items[j].p); }

static void test_binds(void **state) {
    ac_list *b = call("f", 4, f_names, f_flags, 0, 1, "c", 5, NULL);
    (void)state;
    assert_non_null(b);
    assert_int_equal(slot_int(b, 0), 1);
    assert_null(b->items[1].p); /* b: its default */
    assert_int_equal(slot_int(b, 2), 5);
    assert_null(b->items[3].p);
    ac_decref(b);
    b = call("f", 4, f_names, f_flags, 0, 2, "d", 7, "c", 6, NULL);
    assert_int_equal(slot_int(b, 1), 2);
    assert_int_equal(slot_int(b, 3), 7);
    ac_decref(b);
}

/* def s(self, a, *rest, k=0, **more) called with the receiver bound */
static void test_star_params(void **state) {
    static const char *const names[] = {"self", "a", "rest", "k", "more"};
    static const unsigned char flags[] = {0, 0, S, K | D, DS};
    ac_list *b = call("C.s", 5, names, flags, 1, 3, "x", 9, "k", 4, NULL), *rest;
    ac_dict *more;
    (void)state;
    assert_non_null(b);
    assert_null(b->items[0].p); /* the receiver is the caller's */
    assert_int_equal(slot_int(b, 1), 1);
    rest = b->items[2].p;
    assert_int_equal(rest->len, 2);
    assert_int_equal(ac_obj_as_int(rest->items[1].p), 3);
    assert_int_equal(slot_int(b, 3), 4);
    more = b->items[4].p;
    assert_int_equal(ac_dict_len(more), 1);
    ac_decref(b);
    b = call("C.s", 5, names, flags, 1, 1, NULL); /* nothing extra: empty *rest and **more */
    assert_int_equal(((ac_list *)b->items[2].p)->len, 0);
    assert_int_equal(ac_dict_len(b->items[4].p), 0);
    ac_decref(b);
}

static void test_errors(void **state) {
    static const char *const w_names[] = {"self", "a"};
    static const unsigned char w_flags[] = {0, 0};
    static const char *const k_names[] = {"a", "b"};
    static const unsigned char k_flags[] = {K, K};
    static const char *const g_names[] = {"a", "b", "c"};
    static const unsigned char g_flags[] = {0, 0, 0};
    static const unsigned char h_flags[] = {0, K};
    int bad = 0;
    (void)state;
#define FAILS(expr, msg)                                                                                               \
    do {                                                                                                               \
        assert_null(expr);                                                                                             \
        bad |= check_err(&ac_cls_TypeError, msg, #expr);                                                              \
    } while (0)
    FAILS(call("f", 4, f_names, f_flags, 0, 3, NULL), "f() takes from 1 to 2 positional arguments but 3 were given");
    FAILS(call("f", 4, f_names, f_flags, 0, 3, "c", 1, NULL),
          "f() takes from 1 to 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were "
          "given");
    FAILS(call("f", 4, f_names, f_flags, 0, 0, NULL), "f() missing 1 required positional argument: 'a'");
    FAILS(call("f", 4, f_names, f_flags, 0, 1, NULL), "f() missing 1 required keyword-only argument: 'c'");
    FAILS(call("f", 4, f_names, f_flags, 0, 1, "c", 1, "x", 2, NULL), "f() got an unexpected keyword argument 'x'");
    FAILS(call("f", 4, f_names, f_flags, 0, 1, "a", 2, "c", 1, NULL), "f() got multiple values for argument 'a'");
    FAILS(call("W.__init__", 2, w_names, w_flags, 1, 2, NULL),
          "W.__init__() takes 2 positional arguments but 3 were given");
    FAILS(call("W.__init__", 2, w_names, w_flags, 1, 0, "b", 1, NULL),
          "W.__init__() got an unexpected keyword argument 'b'");
    FAILS(call("W.__init__", 2, w_names, w_flags, 1, 0, NULL), "W.__init__() missing 1 required positional argument: 'a'");
    FAILS(call("W.__init__", 2, w_names, w_flags, 1, 0, "self", 1, "a", 1, NULL),
          "W.__init__() got multiple values for argument 'self'");
    FAILS(call("k", 2, k_names, k_flags, 0, 0, NULL), "k() missing 2 required keyword-only arguments: 'a' and 'b'");
    FAILS(call("g", 3, g_names, g_flags, 0, 0, NULL), "g() missing 3 required positional arguments: 'a', 'b', and 'c'");
    FAILS(call("one", 1, g_names, g_flags, 0, 2, NULL), "one() takes 1 positional argument but 2 were given");
    FAILS(call("h", 2, k_names, h_flags, 0, 2, "b", 3, NULL),
          "h() takes 1 positional argument but 2 positional arguments (and 1 keyword-only argument) were given");
#undef FAILS
    assert_int_equal(bad, 0);
}

/* The call site's own errors, while the arguments are gathered. */
static void test_gathering(void **state) {
    ac_list *pos = ac_list_new(&ac_t_object, 0, NULL), *ints;
    ac_dict *kw = ac_dict_new(&t_kw), *bad_keys;
    ac_obj *five = ac_obj_int(5);
    ac_val it[3];
    int bad = 0;
    (void)state;
    ac_bind_star(pos, five, "__main__.f()");
    bad |= check_err(&ac_cls_TypeError, "__main__.f() argument after * must be an iterable, not int", "star int");
    it[0].i = 1;
    it[1].i = 2;
    it[2].i = 3;
    ints = ac_list_new(&ac_t_int, 3, it);
    ac_bind_star(pos, (ac_obj *)ints, "__main__.f()");
    assert_null(ac_err);
    assert_int_equal(pos->len, 3);
    assert_int_equal(ac_obj_as_int(pos->items[2].p), 3); /* boxed from the list[int] */
    ac_bind_kwmap(kw, (ac_obj *)ints, "__main__.f()");
    bad |= check_err(&ac_cls_TypeError, "__main__.f() argument after ** must be a mapping, not list", "kwmap list");
    ac_bind_kw(kw, "c", ac_obj_int(1), "__main__.f()");
    ac_bind_kw(kw, "c", ac_obj_int(2), "__main__.f()");
    bad |= check_err(&ac_cls_TypeError, "__main__.f() got multiple values for keyword argument 'c'", "kw twice");
    {
        static const ac_type *const int_int[2] = {&ac_t_int, &ac_t_int};
        static const ac_type t_ii = {AC_K_DICT, 2, int_int};
        bad_keys = ac_dict_new(&t_ii);
        ac_dict_set(bad_keys, ac_int_val(1), ac_int_val(2));
        ac_bind_kwmap(kw, (ac_obj *)bad_keys, "__main__.f()");
        bad |= check_err(&ac_cls_TypeError, "keywords must be strings", "int keys");
    }
    assert_int_equal(ac_dict_len(kw), 1);
    ac_decref(bad_keys);
    ac_decref(ints);
    ac_decref(five);
    ac_decref(pos);
    ac_decref(kw);
    assert_int_equal(bad, 0);
    (void)check_str;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binds),
        cmocka_unit_test(test_star_params),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_gathering),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
