/*
 * test_sync.c -- Event, Lock, Semaphore, Queue, Condition and Barrier
 * (rt_sync.c, rt_barrier.c): the order in
 * which waiters are woken, cancellation while waiting (the waiter lists
 * stay consistent, nothing leaks: the test runs under ASan/LSan) and the
 * errors.  Each scenario is a set of actor tasks running a string of
 * operations; tests/runtime/py/sync_scenarios.py is the same scenarios
 * on CPython's asyncio, and the expected traces below are its output.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "rt_sched.h"
#include "sync_fuzz.h"

static char out[4096];
static size_t outlen;

static void say(const char *fmt, ...) {
    va_list ap;
    if (outlen) out[outlen++] = ' ';
    va_start(ap, fmt);
    outlen += (size_t)vsnprintf(out + outlen, sizeof out - outlen, fmt, ap);
    va_end(ap);
}

/* the primitives the actors share */
static ac_sync *lk, *ev, *sem, *q, *cond, *bar;
static ac_task *tasks[8];

/* An actor: name, then its operations, one character each:
 *   L/U lock acquire/release   W/S/c event wait/set/clear
 *   A/R semaphore acquire/release   G/P queue get/put (P puts a counter)
 *   D task_done  J join  Y sleep(0)  T sleep(1)  0-7 cancel that task
 *   K/k/N condition acquire/release/wait  n/a notify()/notify_all()
 *   B barrier wait (Barrier(2); traces the index)
 *   g `async with TaskGroup() as tg:` with two children, one waiting on
 *     the event (traces "<name>1:W"), one getting an item ("<name>2:G<n>")
 * It traces "name:op" after each operation, "name:X" when cancelled. */
typedef struct actor_frame {
    ac_val ret;
    uint8_t state;
    const char *ops;
    int pc;
    ac_sync *tg; /* op g's group while it runs */
    ac_wait w;
} actor_frame;

static int counter;

/* a TaskGroup child of op g: the event's waiter (which 'W') or a getter */
typedef struct kid_frame {
    ac_val ret;
    uint8_t state;
    char name[3];
    char which;
    ac_wait w;
} kid_frame;

static ac_status kid_resume(void *p) {
    kid_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    case 2: goto resume_2;
    }
    if (f->which == 'W') {
        AC_AWAIT(1, &f->w, ac_event_wait_begin(&f->w, ev), return AC_ERROR);
        ac_wait_result(&f->w);
        say("%s:W", f->name);
    } else {
        AC_AWAIT(2, &f->w, ac_queue_get_begin(&f->w, q), return AC_ERROR);
        say("%s:G%d", f->name, (int)ac_wait_result(&f->w).i);
    }
    return AC_DONE;
}

static void kid_drop(void *p) { ac_wait_drop(&((kid_frame *)p)->w); }

static const ac_coro_vt kid_vt = {kid_resume, kid_drop, "kid", &ac_t_none, sizeof(kid_frame), NULL};

static ac_task *kid(char actor, char k, char which) {
    ac_task *c = ac_coro_new(&kid_vt);
    kid_frame *f = AC_TASK_FRAME(c, kid_frame);
    f->name[0] = actor;
    f->name[1] = k;
    f->which = which;
    return c;
}

static ac_status actor_resume(void *p) {
    actor_frame *f = p;
    ac_status st = AC_SUSPEND;
    char name = f->ops[0];
    switch (f->state) {
    case 0: f->pc = 1; break;
    case 1: goto resume_1;
    case 2: goto resume_2;
    case 3: goto resume_3;
    case 4: goto resume_4;
    case 5: goto resume_5;
    case 6: goto resume_6;
    case 7: goto resume_7;
    case 8: goto resume_8;
    case 9: goto resume_9;
    case 10: goto resume_10;
    case 11: goto resume_11;
    case 12: goto resume_12;
    }
    for (; f->ops[f->pc]; f->pc++) {
        char op = f->ops[f->pc];
        switch (op) {
        case 'L':
            AC_AWAIT(1, &f->w, ac_lock_acquire_begin(&f->w, lk), goto fail);
            ac_wait_result(&f->w);
            break;
        case 'U': ac_lock_release(lk); break;
        case 'W':
            AC_AWAIT(2, &f->w, ac_event_wait_begin(&f->w, ev), goto fail);
            ac_wait_result(&f->w);
            break;
        case 'S': ac_event_set(ev); break;
        case 'c': ac_event_clear(ev); break;
        case 'A':
            AC_AWAIT(3, &f->w, ac_semaphore_acquire_begin(&f->w, sem), goto fail);
            ac_wait_result(&f->w);
            break;
        case 'R': ac_semaphore_release(sem); break;
        case 'G': {
            AC_AWAIT(4, &f->w, ac_queue_get_begin(&f->w, q), goto fail);
            say("%c:G%d", name, (int)ac_wait_result(&f->w).i);
            continue;
        }
        case 'P':
            AC_AWAIT(5, &f->w, ac_queue_put_begin(&f->w, q), goto fail);
            ac_wait_result(&f->w);
            ac_queue_put_nowait(q, ac_int_val(++counter));
            say("%c:P%d", name, counter);
            continue;
        case 'D': ac_queue_task_done(q); break;
        case 'g': /* the body only creates the children: __aexit__(None) waits for them */
            f->tg = ac_taskgroup_new();
            ac_taskgroup_aenter(f->tg);
            ac_decref(ac_taskgroup_create_task(f->tg, kid(name, '1', 'W'), NULL));
            ac_decref(ac_taskgroup_create_task(f->tg, kid(name, '2', 'G'), NULL));
            AC_AWAIT(12, &f->w, ac_taskgroup_aexit_begin(&f->w, f->tg, NULL), goto fail);
            ac_wait_result(&f->w);
            ac_decref(f->tg);
            f->tg = NULL;
            break;
        case 'B': { /* await bar.wait(): a coroutine object the record holds */
            ac_task *c = ac_barrier_wait(bar);
            st = ac_await_begin(&f->w, c);
            ac_decref(c);
            AC_AWAIT_BEGUN(11, &f->w, goto fail);
            say("%c:B%d", name, (int)ac_wait_result(&f->w).i);
            continue;
        }
        case 'K':
            AC_AWAIT(9, &f->w, ac_condition_acquire_begin(&f->w, cond), goto fail);
            ac_wait_result(&f->w);
            break;
        case 'k': ac_condition_release(cond); break;
        case 'N':
            AC_AWAIT(10, &f->w, ac_condition_wait_begin(&f->w, cond), goto fail);
            ac_wait_result(&f->w);
            break;
        case 'n': ac_condition_notify(cond, 1); break;
        case 'a': ac_condition_notify_all(cond); break;
        case 'J':
            AC_AWAIT(6, &f->w, ac_queue_join_begin(&f->w, q), goto fail);
            ac_wait_result(&f->w);
            break;
        case 'Y':
            AC_AWAIT(7, &f->w, ac_sleep_begin(&f->w, 0), goto fail);
            ac_wait_result(&f->w);
            continue;
        case 'T':
            AC_AWAIT(8, &f->w, ac_sleep_begin(&f->w, 1), goto fail);
            ac_wait_result(&f->w);
            continue;
        default: say("%c:%d=%d", name, op - '0', ac_task_cancel(tasks[op - '0'])); continue;
        }
        if (ac_err) goto fail;
        say("%c:%c", name, op);
    }
    return AC_DONE;
fail:
    ac_decref(f->tg);
    f->tg = NULL;
    if (ac_err && ac_err->cls == &ac_cls_CancelledError) {
        ac_exc *e = ac_take_err();
        say("%c:X", name);
        if (ac_condition_locked(cond)) ac_condition_release(cond);
        ac_raise(e);
    } else if (ac_err)
        say("%c:E(%s)", name, ac_err->cls->name);
    return AC_ERROR;
}

static void actor_drop(void *p) {
    actor_frame *f = p;
    ac_wait_drop(&f->w);
    ac_decref(f->tg);
}

static const ac_coro_vt actor_vt = {actor_resume, actor_drop, "actor", &ac_t_none, sizeof(actor_frame), NULL};

static const ac_type t_int_desc = {AC_K_INT, 0, NULL};

/* run the actors as tasks (in order) to the end; the trace */
static const char *run(const char *const *actors) {
    static rt_loop loop;
    int i, n;
    rt_loop_init(&loop);
    rt_clock_default(&loop);
    loop.virtual_clock = 1;
    rt_cur_loop = &loop;
    outlen = 0;
    out[0] = 0;
    counter = 0;
    for (n = 0; actors[n]; n++) {
        ac_task *c = ac_coro_new(&actor_vt);
        AC_TASK_FRAME(c, actor_frame)->ops = actors[n];
        tasks[n] = ac_create_task(c);
    }
    while (rt_run_once(&loop, 0)) {}
    for (i = 0; i < n; i++) {
        assert_true(ac_task_done(tasks[i]));
        tasks[i]->flags |= TF_RETRIEVED;
        ac_decref(tasks[i]);
    }
    rt_loop_fini(&loop);
    rt_cur_loop = NULL;
    ac_decref(ac_take_err());
    return out;
}

static int setup(void **state) {
    (void)state;
    lk = ac_lock_new();
    ev = ac_event_new();
    sem = ac_semaphore_new(2);
    q = ac_queue_new(1, &t_int_desc, AC_QUEUE_FIFO);
    cond = ac_condition_new(NULL);
    bar = ac_barrier_new(2);
    return 0;
}

static int teardown(void **state) {
    (void)state;
    /* every waiter left its list */
    assert_int_equal(rt_sync_nwaiters(lk, 0), 0);
    assert_int_equal(rt_sync_nwaiters(ev, 0), 0);
    assert_int_equal(rt_sync_nwaiters(sem, 0), 0);
    assert_int_equal(rt_sync_nwaiters(q, 0), 0);
    assert_int_equal(rt_sync_nwaiters(q, 1), 0);
    ac_decref(lk);
    ac_decref(ev);
    ac_decref(sem);
    assert_int_equal(rt_sync_nwaiters(cond, 0), 0);
    assert_int_equal(rt_sync_nwaiters(ac_condition_lock(cond), 0), 0);
    ac_decref(q);
    ac_decref(cond);
    assert_int_equal(ac_barrier_n_waiting(bar), 0);
    ac_decref(bar);
    return 0;
}

#define CHECK(expected, ...)                                                                                           \
    do {                                                                                                               \
        static const char *const acts[] = {__VA_ARGS__, NULL};                                                         \
        assert_string_equal(run(acts), expected);                                                                      \
    } while (0)

/* a released lock goes to the first waiter, before a newcomer */
static void test_lock_fifo(void **state) {
    (void)state;
    CHECK("a:L a:U b:L b:U c:L c:U a:L a:U",
          "aLYUL"
          "U",
          "bLU", "cLU");
}

static void test_lock_cancel_waiter(void **state) {
    (void)state;
    /* b waits and is cancelled; the lock goes to c */
    CHECK("a:L d:1=1 b:X a:U c:L c:U", "aLYYU", "bLU", "cLU", "d1");
}

static void test_lock_cancel_woken(void **state) {
    (void)state;
    /* b was woken by the release, then cancelled before it ran: it
     * passes the lock on to c */
    CHECK("a:L a:U a:1=1 b:X c:L c:U", "aLYU1", "bLU", "cLU");
}

static void test_lock_release_unlocked(void **state) {
    (void)state;
    CHECK("a:E(RuntimeError)", "aU");
}

static void test_event(void **state) {
    (void)state;
    CHECK("d:S a:W c:W b:W", "aW", "bTW", "cW", "dSY");
}

static void test_event_cancel(void **state) {
    (void)state;
    CHECK("c:0=1 c:S a:X b:W", "aW", "bW", "c0S");
}

static void test_semaphore(void **state) {
    (void)state;
    CHECK("a:A b:A a:R b:R c:A d:A c:R d:R", "aAYR", "bAYR", "cAYR", "dAYR");
}

static void test_semaphore_cancel_woken(void **state) {
    (void)state;
    CHECK("a:A b:A a:R a:2=1 c:X d:A d:R b:R", "aAYR2", "bAYYYR", "cAR", "dAR");
}

static void test_queue(void **state) {
    (void)state;
    CHECK("a:P1 b:G1 b:D a:P2 b:G2 b:D a:P3 c:G3 c:D a:J", "aPPPJ", "bGDGD", "cGD");
}

static void test_queue_cancel_getter(void **state) {
    (void)state;
    CHECK("c:0=1 c:P1 a:X b:G1", "aG", "bG", "c0P");
}

/* a putter cancelled while the queue is full: the next putter gets the room */
static void test_queue_cancel_putter(void **state) {
    (void)state;
    CHECK("a:P1 b:0=1 b:G1 a:X c:P2", "aPP", "bY0G", "cP");
}

/* a putter woken by a get, then cancelled before it ran: it passes the
 * wake-up on (CPython's put() `except:` clause) */
static void test_queue_cancel_putter_woken(void **state) {
    (void)state;
    CHECK("a:P1 d:G1 d:1=1 b:X c:P2", "aP", "bP", "cP", "dYG1");
}

static void test_barrier(void **state) {
    (void)state;
    CHECK("c:B1 a:B0 d:B1 b:B0", "aB", "bYB", "cB", "dYYB");
}

/* a party cancelled while waiting leaves the barrier: two others fill it */
static void test_barrier_cancel_waiter(void **state) {
    (void)state;
    CHECK("b:0=1 a:X d:B1 c:B0", "aB", "b0Y", "cYYB", "dYYB");
}

static void test_condition(void **state) {
    (void)state;
    CHECK("a:K b:K c:K c:n c:k a:N a:k c:K c:a c:k b:N b:k", "aKNk", "bKNk", "cYKnkYKak");
}

static void test_condition_cancel(void **state) {
    (void)state;
    CHECK("b:K a:K c:K c:1=1 c:a c:k a:X b:N b:k", "bKNk", "aKNk", "cYK1akY");
}

static void test_condition_unlocked(void **state) {
    (void)state;
    CHECK("a:E(RuntimeError) b:E(RuntimeError)", "aN", "bn");
}

static void test_nowait_errors(void **state) {
    ac_val v;
    (void)state;
    ac_queue_put_nowait(q, ac_int_val(5));
    assert_null(ac_err);
    ac_queue_put_nowait(q, ac_int_val(6));
    assert_ptr_equal(ac_err->cls, &ac_cls_QueueFull);
    ac_decref(ac_take_err());
    v = ac_queue_get_nowait(q);
    assert_int_equal(v.i, 5);
    ac_queue_get_nowait(q);
    assert_ptr_equal(ac_err->cls, &ac_cls_QueueEmpty);
    ac_decref(ac_take_err());
    ac_queue_task_done(q);
    ac_queue_task_done(q);
    assert_ptr_equal(ac_err->cls, &ac_cls_ValueError);
    ac_decref(ac_take_err());
}

static void test_bounded(void **state) {
    ac_sync *b = ac_bounded_semaphore_new(1);
    (void)state;
    ac_semaphore_release(b);
    assert_ptr_equal(ac_err->cls, &ac_cls_ValueError);
    ac_decref(ac_take_err());
    ac_decref(b);
}

/* heapq's order, ties included */
static void test_priority(void **state) {
    static const int in[] = {5, 1, 4, 1, 3, 9, 2, 6};
    static const int want[] = {1, 1, 2, 3, 4, 5, 6, 9};
    ac_sync *p = ac_queue_new(0, &t_int_desc, AC_QUEUE_PRIORITY);
    ac_sync *l = ac_queue_new(0, &t_int_desc, AC_QUEUE_LIFO);
    int i;
    (void)state;
    for (i = 0; i < 8; i++) {
        ac_queue_put_nowait(p, ac_int_val(in[i]));
        ac_queue_put_nowait(l, ac_int_val(in[i]));
    }
    for (i = 0; i < 8; i++) {
        assert_int_equal(ac_queue_get_nowait(p).i, want[i]);
        assert_int_equal(ac_queue_get_nowait(l).i, in[7 - i]);
    }
    ac_decref(p);
    ac_decref(l);
}

/* ---- stress: items through a bounded queue, random cancellations ------- */

/* async def producer(q, n): for i in range(n): await q.put(i)
 * async def consumer(q): while True: await q.get(); consumed += 1 */
typedef struct pc_frame {
    ac_val ret;
    uint8_t state;
    int64_t n, i;
    ac_wait w;
} pc_frame;

static int64_t consumed;

static ac_status producer_resume(void *p) {
    pc_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        AC_AWAIT(1, &f->w, ac_queue_put_begin(&f->w, q), return AC_ERROR);
        ac_wait_result(&f->w);
        ac_queue_put_nowait(q, ac_int_val(f->i));
    }
    return AC_DONE;
}

static ac_status consumer_resume(void *p) {
    pc_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (;;) {
        AC_AWAIT(1, &f->w, ac_queue_get_begin(&f->w, q), return AC_ERROR);
        ac_wait_result(&f->w);
        consumed++;
    }
}

static void pc_drop(void *p) { ac_wait_drop(&((pc_frame *)p)->w); }

static const ac_coro_vt producer_vt = {producer_resume, pc_drop, "producer", &ac_t_none, sizeof(pc_frame), NULL};
static const ac_coro_vt consumer_vt = {consumer_resume, pc_drop, "consumer", &ac_t_none, sizeof(pc_frame), NULL};

static ac_task *spawn_pc(const ac_coro_vt *vt, int64_t n) {
    ac_task *c = ac_coro_new(vt);
    AC_TASK_FRAME(c, pc_frame)->n = n;
    return ac_create_task(c);
}

static void test_stress_queue(void **state) {
    enum { NPROD = 1000, PER = 100, NCONS = 50 };
    static ac_task *prod[NPROD], *cons[NCONS];
    static rt_loop loop;
    unsigned seed = 12345;
    int i, rounds = 0;
    (void)state;
    ac_decref(q);
    q = ac_queue_new(16, &t_int_desc, AC_QUEUE_FIFO);
    rt_loop_init(&loop);
    rt_clock_default(&loop);
    loop.virtual_clock = 1;
    rt_cur_loop = &loop;
    consumed = 0;
    for (i = 0; i < NPROD; i++) prod[i] = spawn_pc(&producer_vt, PER);
    for (i = 0; i < NCONS; i++) cons[i] = spawn_pc(&consumer_vt, 0);
    for (;;) {
        int busy = 0;
        rt_run_once(&loop, 1);
        /* a cancellation and a replacement consumer most rounds */
        seed = seed * 1103515245u + 12345u;
        if ((seed >> 16) % 4) {
            int k = (int)((seed >> 8) % NCONS);
            ac_task_cancel(cons[k]);
            rt_run_once(&loop, 1);
            cons[k]->flags |= TF_RETRIEVED;
            ac_decref(cons[k]);
            cons[k] = spawn_pc(&consumer_vt, 0);
        }
        for (i = 0; i < NPROD && !busy; i++) busy = !ac_task_done(prod[(i + rounds) % NPROD]);
        if (!busy && ac_queue_empty(q)) break;
        assert_true(++rounds < 1000000);
    }
    /* every item was taken exactly once, by a consumer that was not
     * cancelled before it ran */
    print_message("stress: %d rounds, %lld items\n", rounds, (long long)consumed);
    assert_int_equal(consumed, (int64_t)NPROD * PER);
    for (i = 0; i < NPROD; i++) ac_decref(prod[i]);
    for (i = 0; i < NCONS; i++) {
        ac_task_cancel(cons[i]);
        cons[i]->flags |= TF_RETRIEVED;
    }
    for (i = 0; i < 4; i++) rt_run_once(&loop, 1);
    for (i = 0; i < NCONS; i++) {
        assert_true(ac_task_done(cons[i]));
        ac_decref(cons[i]);
    }
    rt_loop_fini(&loop);
    rt_cur_loop = NULL;
}

/* ---- random scenarios (tests/runtime/sync_fuzz.h, traces from CPython) -- */

/* async def main(): spawn the actors; 12 x sleep(0); cancel them all in
 * creation order (random actors may wait forever) */
typedef struct main_frame {
    ac_val ret;
    uint8_t state;
    const char *const *actors;
    int n, r;
    ac_wait w;
} main_frame;

static ac_status main_resume(void *p) {
    main_frame *f = p;
    ac_status st = AC_SUSPEND;
    int i;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->n = 0; f->actors[f->n]; f->n++) {
        ac_task *c = ac_coro_new(&actor_vt);
        AC_TASK_FRAME(c, actor_frame)->ops = f->actors[f->n];
        tasks[f->n] = ac_create_task(c);
    }
    for (f->r = 0; f->r < 12; f->r++) {
        AC_AWAIT(1, &f->w, ac_sleep_begin(&f->w, 0), return AC_ERROR);
        ac_wait_result(&f->w);
    }
    for (i = 0; i < f->n; i++) ac_task_cancel(tasks[i]);
    return AC_DONE;
}

static void main_drop(void *p) { ac_wait_drop(&((main_frame *)p)->w); }

static const ac_coro_vt main_vt = {main_resume, main_drop, "main", &ac_t_none, sizeof(main_frame), NULL};

static void test_fuzz(void **state) {
    static rt_loop loop;
    size_t k;
    (void)state;
    for (k = 0; k < sizeof sync_fuzz / sizeof *sync_fuzz; k++) {
        const struct sync_case *c = &sync_fuzz[k];
        ac_task *m = ac_coro_new(&main_vt);
        int i;
        teardown(NULL);
        setup(NULL);
        rt_loop_init(&loop);
        rt_clock_default(&loop);
        loop.virtual_clock = 1;
        rt_cur_loop = &loop;
        outlen = 0;
        out[0] = 0;
        counter = 0;
        AC_TASK_FRAME(m, main_frame)->actors = c->actors;
        m = ac_create_task(m);
        while (rt_run_once(&loop, 0)) {}
        if (strcmp(out, c->expected) != 0)
            print_error("case %zu: %s %s ...\n  expected: %s\n  got:      %s\n", k, c->actors[0], c->actors[1],
                        c->expected, out);
        assert_string_equal(out, c->expected);
        assert_true(ac_task_done(m));
        ac_decref(m);
        for (i = 0; c->actors[i]; i++) {
            assert_true(ac_task_done(tasks[i]));
            tasks[i]->flags |= TF_RETRIEVED;
            ac_decref(tasks[i]);
        }
        rt_loop_fini(&loop);
        rt_cur_loop = NULL;
        ac_decref(ac_take_err());
    }
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void) {
    const struct CMUnitTest tests[] = {
        T(test_lock_fifo),
        T(test_lock_cancel_waiter),
        T(test_lock_cancel_woken),
        T(test_lock_release_unlocked),
        T(test_event),
        T(test_event_cancel),
        T(test_semaphore),
        T(test_semaphore_cancel_woken),
        T(test_queue),
        T(test_queue_cancel_getter),
        T(test_queue_cancel_putter),
        T(test_queue_cancel_putter_woken),
        T(test_barrier),
        T(test_barrier_cancel_waiter),
        T(test_condition),
        T(test_condition_cancel),
        T(test_condition_unlocked),
        T(test_nowait_errors),
        T(test_bounded),
        T(test_priority),
        T(test_stress_queue),
        T(test_fuzz),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
