/*
 * test_sched_fuzz.c -- 400 random scheduler scenarios (seed 1) whose
 * expected traces come from CPython (tests/runtime/py/sched_scenarios.py
 * --fuzz 400 1 > tests/runtime/sched_fuzz.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "rt_sched.h"
#include "sched_script.h"
#include "sched_fuzz.h"

static int setup_virtual(void **state) {
    static rt_loop test_loop;
    (void)state;
    if (rt_cur_loop) rt_loop_fini(rt_cur_loop);
    rt_loop_init(&test_loop);
    rt_clock_default(&test_loop);
    test_loop.virtual_clock = 1;
    rt_cur_loop = &test_loop;
    return 0;
}

static int teardown_loop(void **state) {
    (void)state;
    if (rt_cur_loop) rt_loop_fini(rt_cur_loop);
    assert_null(ac_err);
    return 0;
}

static void test_scenario(void **state) {
    const scenario *s = *state;
    const char *got = run_scenario(s->sc, s->edge, s->nmain);
    if (strcmp(got, s->expected) != 0)
        print_error("scenario %s\n  expected: %s\n  got:      %s\n", s->name, s->expected, got);
    assert_string_equal(got, s->expected);
}

int main(void) {
    enum { NS = sizeof all_scenarios / sizeof all_scenarios[0] };
    static struct CMUnitTest tests[NS];
    size_t i;
    for (i = 0; i < NS; i++) {
        struct CMUnitTest t = {all_scenarios[i].name, test_scenario, setup_virtual, teardown_loop,
                               (void *)&all_scenarios[i]};
        tests[i] = t;
    }
    return _cmocka_run_group_tests("sched_fuzz", tests, NS, NULL, NULL);
}
