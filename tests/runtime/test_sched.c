/*
 * test_sched.c -- scheduler tests: every scenario of
 * tests/runtime/py/sched_scenarios.py (expected order from CPython), plus
 * hand-written frames for the ready queue, timers, clocks, frame release
 * and the allocation counter.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>
#include <time.h>

#include "rt_sched.h"
#include "sched_script.h"
#include "sched_expected.h"

/* a fresh loop on the virtual clock for each test */
static void fresh_loop(int virtual_clock) {
    static rt_loop test_loop;
    if (rt_cur_loop) rt_loop_fini(rt_cur_loop);
    rt_loop_init(&test_loop);
    rt_clock_default(&test_loop);
    test_loop.virtual_clock = virtual_clock;
    rt_cur_loop = &test_loop;
}

static int setup_virtual(void **state) {
    (void)state;
    fresh_loop(1);
    drops = 0;
    return 0;
}

static int teardown_loop(void **state) {
    (void)state;
    if (rt_cur_loop) rt_loop_fini(rt_cur_loop);
    assert_null(ac_err);
    return 0;
}

/* ---- scenarios (expected traces from CPython) ------------------------- */

static void test_scenario(void **state) {
    const scenario *s = *state;
    const char *got = run_scenario(s->sc, s->edge, s->nmain);
    if (strcmp(got, s->expected) != 0)
        print_error("scenario %s\n  expected: %s\n  got:      %s\n", s->name, s->expected, got);
    assert_string_equal(got, s->expected);
}

/* ---- hand-written frames ------------------------------------------------ */

/* async def worker(n: int) -> int:
 *     total = 0
 *     for i in range(n):
 *         await sleep(0.01)
 *         total += i
 *     return total                                       (issue 4's note) */
typedef struct worker_frame {
    ac_val ret;
    uint8_t state;
    int64_t n, i, total;
    ac_wait w;
} worker_frame;

static ac_status worker_resume(void *p) {
    worker_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    f->total = 0;
    for (f->i = 0; f->i < f->n; f->i++) {
        AC_AWAIT(1, &f->w, ac_sleep_begin(&f->w, 0.01), return AC_ERROR);
        (void)ac_wait_result(&f->w);
        f->total += f->i;
    }
    f->ret.i = f->total;
    return AC_DONE;
}

static void worker_drop(void *p) {
    worker_frame *f = p;
    drops++;
    ac_wait_drop(&f->w);
}

static const ac_coro_vt worker_vt = {worker_resume, worker_drop, "worker", &ac_t_int, sizeof(worker_frame), NULL};

static ac_task *worker_new(int64_t n) {
    ac_task *t = ac_coro_new(&worker_vt);
    AC_TASK_FRAME(t, worker_frame)->n = n;
    return t;
}

/* async def pinger(n): for _ in range(n): await sleep(0) */
typedef struct pinger_frame {
    ac_val ret;
    uint8_t state;
    int64_t n, i;
    ac_wait w;
} pinger_frame;

static ac_status pinger_resume(void *p) {
    pinger_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        AC_AWAIT(1, &f->w, ac_sleep_begin(&f->w, 0), return AC_ERROR);
        (void)ac_wait_result(&f->w);
    }
    f->ret.i = f->n;
    return AC_DONE;
}

static void pinger_drop(void *p) {
    drops++;
    ac_wait_drop(&((pinger_frame *)p)->w);
}

static const ac_coro_vt pinger_vt = {pinger_resume, pinger_drop, "pinger", &ac_t_int, sizeof(pinger_frame), NULL};

/* async def leaf(): return 1            (awaited inline, heap coroutine)
 * async def chain(n): s = 0; for _ in range(n): s += await leaf(); return s */
typedef struct leaf_frame {
    ac_val ret;
    uint8_t state;
} leaf_frame;

static ac_status leaf_resume(void *p) {
    ((leaf_frame *)p)->ret.i = 1;
    return AC_DONE;
}

static const ac_coro_vt leaf_vt = {leaf_resume, NULL, "leaf", &ac_t_int, sizeof(leaf_frame), NULL};

typedef struct chain_frame {
    ac_val ret;
    uint8_t state;
    int64_t n, i, s;
    ac_wait w;
} chain_frame;

/* the same await of a task that is already done (result at once) */
static ac_task *done_task;

static ac_status chain_resume(void *p) {
    chain_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        AC_AWAIT(1, &f->w, ac_await_begin(&f->w, done_task), return AC_ERROR);
        f->s += ac_wait_result(&f->w).i;
    }
    f->ret.i = f->s;
    return AC_DONE;
}

static const ac_coro_vt chain_vt = {chain_resume, NULL, "chain", &ac_t_int, sizeof(chain_frame), NULL};

/* ---- tests --------------------------------------------------------------- */

static void test_sizes(void **state) {
    (void)state;
    print_message("sizeof(task header) = %zu, sizeof(ac_wait) = %zu, "
                  "worker frame = %zu\n",
                  sizeof(struct ac_task), sizeof(ac_wait), sizeof(worker_frame));
    assert_true(sizeof(struct ac_task) <= 48);
    assert_true(sizeof(ac_wait) <= 32);
}

static void test_worker_result(void **state) {
    ac_val r;
    (void)state;
    assert_int_equal(ac_asyncio_run(worker_new(10), &r), AC_DONE);
    assert_int_equal(r.i, 45);
    assert_true(rt_loop_time(rt_cur_loop) > 0.0999 && rt_loop_time(rt_cur_loop) < 0.1001);
}

/* 1,000 tasks x 1,000 sleep(0) = 1,000,000 awaits and steps, and 1,000
 * sleeps x 1,000: no allocation after the tasks exist */
static void test_zero_alloc(void **state) {
    ac_task *tasks[1000];
    uint64_t before;
    int i, k;
    (void)state;
    for (i = 0; i < 1000; i++) {
        ac_task *t = ac_coro_new(&pinger_vt);
        AC_TASK_FRAME(t, pinger_frame)->n = 1000;
        tasks[i] = ac_create_task(t);
    }
    for (i = 0; i < 1000; i++) { /* warm: timer heap */
        ac_decref(ac_create_task(worker_new(1000)));
    }
    rt_run_once(rt_cur_loop, 0);
    rt_run_once(rt_cur_loop, 0);
    before = rt_alloc_count();
    for (k = 0; k < 998; k++) rt_run_once(rt_cur_loop, 0);
    print_message("allocations during ~1,000,000 awaits: %llu\n", (unsigned long long)(rt_alloc_count() - before));
    assert_int_equal(rt_alloc_count() - before, 0);
    while (rt_run_once(rt_cur_loop, 0)) {}
    for (i = 0; i < 1000; i++) {
        assert_true(ac_task_done(tasks[i]));
        assert_int_equal(ac_task_get_result(tasks[i]).i, 1000);
        ac_decref(tasks[i]);
    }
}

/* awaiting a finished task a million times: no allocation, no hop */
static void test_zero_alloc_await(void **state) {
    ac_val r;
    ac_task *c;
    uint64_t before;
    (void)state;
    done_task = ac_create_task(ac_coro_new(&leaf_vt));
    rt_run_once(rt_cur_loop, 0);
    assert_true(ac_task_done(done_task));
    c = ac_coro_new(&chain_vt);
    AC_TASK_FRAME(c, chain_frame)->n = 1000000;
    c = ac_create_task(c);
    before = rt_alloc_count();
    rt_run_once(rt_cur_loop, 0);
    assert_int_equal(rt_alloc_count() - before, 0);
    assert_true(ac_task_done(c));
    r = ac_task_get_result(c);
    assert_int_equal(r.i, 1000000);
    ac_decref(c);
    ac_decref(done_task);
}

/* drop is called for frames that never finish; ASan checks the rest */
static void test_frame_release(void **state) {
    ac_task *never, *t;
    (void)state;
    drops = 0;
    never = worker_new(5); /* a coroutine never awaited */
    ac_decref(never);
    assert_int_equal(drops, 1);
    t = ac_create_task(worker_new(1000));
    rt_run_once(rt_cur_loop, 0); /* suspended in its sleep */
    ac_decref(t);                /* the loop still holds it */
    assert_int_equal(drops, 1);
    rt_loop_fini(rt_cur_loop); /* destroyed pending: dropped */
    assert_int_equal(drops, 2);
    fresh_loop(1);
}

/* silent cancel releases the frame through drop and runs none of its code */
static void test_silent_cancel_drops(void **state) {
    ac_task *t;
    (void)state;
    drops = 0;
    t = ac_create_task(worker_new(1000));
    rt_run_once(rt_cur_loop, 0);
    ac_edge_cancel(t);
    while (rt_run_once(rt_cur_loop, 0)) {}
    assert_int_equal(drops, 1);
    assert_true(ac_task_done(t));
    assert_false(ac_task_cancelled(t)); /* finished with None */
    ac_decref(t);
}

/* awaiting a coroutine twice raises RuntimeError */
static void test_reuse_coroutine(void **state) {
    ac_wait w;
    ac_task *c = ac_coro_new(&leaf_vt);
    (void)state;
    memset(&w, 0, sizeof w);
    assert_int_equal(ac_await_begin(&w, c), AC_DONE);
    assert_int_equal(ac_wait_result(&w).i, 1);
    assert_int_equal(ac_await_begin(&w, c), AC_ERROR);
    assert_true(ac_exc_matches(ac_err, &ac_cls_RuntimeError));
    ac_decref(ac_take_err());
    ac_decref(c);
}

/* result() of an unfinished task: InvalidStateError */
static void test_result_not_ready(void **state) {
    ac_task *t;
    (void)state;
    t = ac_create_task(worker_new(1));
    ac_task_get_result(t);
    assert_true(ac_exc_matches(ac_err, &ac_cls_InvalidStateError));
    ac_decref(ac_take_err());
    assert_int_equal(ac_task_cancel(t), 1);
    while (rt_run_once(rt_cur_loop, 0)) {}
    assert_true(ac_task_cancelled(t));
    assert_int_equal(ac_task_cancel(t), 0);
    ac_decref(t);
}

/* the monotonic clock: real sleeps in deadline order, and the loop sleeps
 * instead of spinning (CPU time far below wall time) */
static void test_monotonic(void **state) {
    static const op o_a[] = {
        {OP_SLEEP, 0, 0, 0.03, NULL, NULL}, {OP_PRINT, 0, 0, 0, "a", NULL}, {OP_END, 0, 0, 0, NULL, NULL}};
    static const op o_b[] = {
        {OP_SLEEP, 0, 0, 0.01, NULL, NULL}, {OP_PRINT, 0, 0, 0, "b", NULL}, {OP_END, 0, 0, 0, NULL, NULL}};
    static const op o_c[] = {
        {OP_SLEEP, 0, 0, 0.02, NULL, NULL}, {OP_PRINT, 0, 0, 0, "c", NULL}, {OP_END, 0, 0, 0, NULL, NULL}};
    static const int js[] = {1, 2, 3, -1};
    static const op o_m[] = {{OP_GATHER, 0, 0, 0, NULL, js}, {OP_END, 0, 0, 0, NULL, NULL}};
    static const script sc[] = {{"m", o_m}, {"a", o_a}, {"b", o_b}, {"c", o_c}};
    struct timespec w0, w1;
    clock_t c0, c1;
    double wall, cpu;
    (void)state;
    fresh_loop(0);
    clock_gettime(CLOCK_MONOTONIC, &w0);
    c0 = clock();
    assert_string_equal(run_scenario(sc, 0, 1), "b c a m=[0,0,0] run=0");
    c1 = clock();
    clock_gettime(CLOCK_MONOTONIC, &w1);
    wall = (double)(w1.tv_sec - w0.tv_sec) + (double)(w1.tv_nsec - w0.tv_nsec) * 1e-9;
    cpu = (double)(c1 - c0) / CLOCKS_PER_SEC;
    print_message("monotonic: wall %.3fs cpu %.3fs\n", wall, cpu);
    assert_true(wall >= 0.029);
    assert_true(cpu < wall * 0.5);
}

/* timer heap: many random deadlines come out in (deadline, seq) order */
static void test_timer_heap_order(void **state) {
    enum { N = 2000 };
    static ac_wait w[N];
    static ac_task dummy;
    rt_loop *L = rt_cur_loop;
    double last = -1;
    int i, count = 0;
    unsigned seed = 12345;
    (void)state;
    dummy.flags = TF_TASK | TF_DONE; /* wake() ignores done tasks */
    L->current = &dummy;
    for (i = 0; i < N; i++) {
        seed = seed * 1103515245u + 12345u;
        ac_sleep_begin(&w[i], (double)((seed >> 16) % 50) * 0.01 + 0.01);
    }
    for (i = 0; i < N; i += 3) ac_wait_drop(&w[i]); /* removal */
    L->current = NULL;
    while (L->nheap) {
        ac_wait *x = L->heap[0];
        double when = rt_timer_when(x);
        uint64_t seq = rt_timer_seq(x);
        static uint64_t lastseq;
        assert_true(when >= last);
        if (when == last) assert_true(seq > lastseq);
        last = when;
        lastseq = seq;
        ac_wait_drop(x);
        count++;
    }
    assert_int_equal(count, N - (N + 2) / 3);
}

int main(void) {
    enum { NS = sizeof all_scenarios / sizeof all_scenarios[0] };
    struct CMUnitTest tests[NS + 16];
    size_t n = 0, i;
    for (i = 0; i < NS; i++) {
        struct CMUnitTest t = {all_scenarios[i].name, test_scenario, setup_virtual, teardown_loop,
                               (void *)&all_scenarios[i]};
        tests[n++] = t;
    }
#define T(f)                                                                                                           \
    do {                                                                                                               \
        struct CMUnitTest t = {#f, f, setup_virtual, teardown_loop, NULL};                                             \
        tests[n++] = t;                                                                                                \
    } while (0)
    T(test_sizes);
    T(test_worker_result);
    T(test_zero_alloc);
    T(test_zero_alloc_await);
    T(test_frame_release);
    T(test_silent_cancel_drops);
    T(test_reuse_coroutine);
    T(test_result_not_ready);
    T(test_monotonic);
    T(test_timer_heap_order);
    return _cmocka_run_group_tests("sched", tests, n, NULL, NULL);
}
