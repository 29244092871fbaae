/*
 * test_waiting.c -- the task API's side table (rt_taskx.c), asyncio.wait
 * (rt_waitset.c), done-callbacks that are functions (rt_callback.c),
 * futures and loop callbacks (rt_future.c) and TaskGroup
 * (rt_taskgroup.c): their rules, cancellation while waiting on each (no
 * record stays on a child's list; nothing leaks: the test runs under
 * ASan/LSan).  The orders checked here are CPython 3.11's (the samples
 * asyncio_wait_*, asyncio_done_callbacks, asyncio_futures and
 * asyncio_taskgroup_* compare whole programs with it).
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

static char out[4096];
static size_t outlen;

static void say(const char *fmt, ...) {
    va_list ap;
    if (outlen + 64 > sizeof out) return; /* the many-task test only counts */
    if (outlen) out[outlen++] = ' ';
    va_start(ap, fmt);
    outlen += (size_t)vsnprintf(out + outlen, sizeof out - outlen, fmt, ap);
    va_end(ap);
}

static rt_loop loop;

static void loop_start(void) {
    rt_loop_init(&loop);
    rt_clock_default(&loop);
    loop.virtual_clock = 1;
    rt_cur_loop = &loop;
    outlen = 0;
    out[0] = 0;
}

static void loop_end(void) {
    while (rt_run_once(&loop, 0)) {
    }
    rt_loop_fini(&loop);
    rt_cur_loop = NULL;
    ac_decref(ac_take_err());
}

/* ---- a sleeper: sleeps `d` seconds, then fails if asked ---------------- */

typedef struct sleeper_frame {
    ac_val ret;
    uint8_t state;
    double d;
    int fail;
    char name;
    ac_wait w;
} sleeper_frame;

static ac_status sleeper_resume(void *p) {
    sleeper_frame *f = p;
    ac_status st;
    switch (f->state) {
    case 1: goto resume_1;
    }
    AC_AWAIT(1, &f->w, ac_sleep_begin(&f->w, f->d), goto fail);
    ac_wait_result(&f->w);
    say("%c:end", f->name);
    if (f->fail) {
        ac_raise_msg(&ac_cls_ValueError, "%c", f->name);
        return AC_ERROR;
    }
    f->ret.i = f->name;
    return AC_DONE;
fail:
    say("%c:X", f->name);
    return AC_ERROR;
}

static void sleeper_drop(void *p) { ac_wait_drop(&((sleeper_frame *)p)->w); }

static const ac_coro_vt sleeper_vt = {sleeper_resume, sleeper_drop, "sleeper", &ac_t_int, sizeof(sleeper_frame),
                                      NULL};

static ac_task *sleeper(char name, double d, int fail) {
    ac_task *c = ac_coro_new(&sleeper_vt);
    sleeper_frame *f = AC_TASK_FRAME(c, sleeper_frame);
    f->name = name;
    f->d = d;
    f->fail = fail;
    return c;
}

/* ---- the side table ------------------------------------------------------ */

/* names and cancel counts of many tasks, freed in a scrambled order: every
 * lookup still finds its own entry (backward-shift deletion), and the
 * table is empty at the end (LSan) */
static void test_side_table(void **state) {
    enum { N = 3000 };
    static ac_task *ts[N];
    int i;
    (void)state;
    loop_start();
    for (i = 0; i < N; i++) {
        char buf[16];
        ac_str *name;
        snprintf(buf, sizeof buf, "t%d", i);
        name = ac_str_from_cstr(buf);
        ts[i] = ac_create_task_named(sleeper('s', 1, 0), i % 3 ? name : NULL);
        ac_decref(name);
        if (i % 5 == 0) ac_task_cancel(ts[i]);
        if (i % 10 == 0) ac_task_cancel(ts[i]);
    }
    for (i = 0; i < N; i++) {
        ac_str *name = ac_task_get_name(ts[i]);
        char buf[16];
        if (i % 3)
            snprintf(buf, sizeof buf, "t%d", i);
        else
            snprintf(buf, sizeof buf, "Task-%u", (unsigned)(ts[i]->flags >> TF_ID_SHIFT));
        assert_string_equal(name->s, buf);
        ac_decref(name);
        assert_int_equal(ac_task_cancelling(ts[i]), (i % 10 == 0) ? 2 : (i % 5 == 0) ? 1 : 0);
    }
    assert_int_equal(ac_task_uncancel(ts[0]), 1);
    while (rt_run_once(&loop, 0)) {
    }
    for (i = 0; i < N; i += 2) ac_decref(ts[i]);
    for (i = 1; i < N; i += 2) assert_int_equal(ac_task_cancelling(ts[i]), (i % 5 == 0) ? 1 : 0);
    for (i = 1; i < N; i += 2) ac_decref(ts[i]);
    loop_end();
}

/* ---- asyncio.wait ------------------------------------------------------------ */

typedef struct waiter_frame {
    ac_val ret;
    uint8_t state;
    ac_list *fs;
    ac_str *mode;
    double timeout;
    ac_wait w;
} waiter_frame;

static const ac_type *const task_elem[1] = {&ac_t_object};
static const ac_type set_t = {AC_K_SET, 1, task_elem};
static const ac_type *const pair_elems[2] = {&set_t, &set_t};
static const ac_type pair_t = {AC_K_TUPLE, 2, pair_elems};

static ac_status waiter_resume(void *p) {
    waiter_frame *f = p;
    ac_status st;
    ac_tuple *r;
    switch (f->state) {
    case 1: goto resume_1;
    }
    AC_AWAIT(1, &f->w, ac_asyncio_wait_begin(&f->w, f->fs, f->mode, f->timeout > 0, f->timeout, &pair_t), goto fail);
    r = ac_wait_result(&f->w).p;
    say("W:%lld/%lld", (long long)ac_set_len(r->items[0].p), (long long)ac_set_len(r->items[1].p));
    ac_decref(r);
    return AC_DONE;
fail:
    say("W:X");
    return AC_ERROR;
}

static void waiter_drop(void *p) {
    waiter_frame *f = p;
    ac_wait_drop(&f->w);
}

static const ac_coro_vt waiter_vt = {waiter_resume, waiter_drop, "waiter", &ac_t_none, sizeof(waiter_frame), NULL};

/* the children, a waiter over them; cancel_at > 0: cancel the waiter then */
static const char *run_wait(const char *mode, double timeout, double cancel_at, int fail_b) {
    ac_task *kids[3], *w;
    ac_list *fs = ac_list_new(&ac_t_object, 0, NULL);
    waiter_frame *f;
    int i;
    loop_start();
    kids[0] = ac_create_task(sleeper('a', 0.3, 0));
    kids[1] = ac_create_task(sleeper('b', 0.1, fail_b));
    kids[2] = ac_create_task(sleeper('c', 0.2, 0));
    for (i = 0; i < 3; i++) {
        ac_incref(kids[i]);
        ac_list_append(fs, ac_ptr_val(kids[i]));
    }
    w = ac_coro_new(&waiter_vt);
    f = AC_TASK_FRAME(w, waiter_frame);
    f->fs = fs;
    f->mode = mode ? ac_str_from_cstr(mode) : NULL;
    f->timeout = timeout;
    w = ac_create_task(w);
    if (cancel_at > 0) {
        while (rt_loop_time(&loop) < cancel_at && rt_run_once(&loop, 0)) {
        }
        ac_task_cancel(w);
    }
    while (!ac_task_done(w) && rt_run_once(&loop, 0)) {
    }
    /* the waiter left: none of its callbacks stays on a child */
    for (i = 0; i < 3; i++) {
        ac_wait *r;
        for (r = rt_waiter_next(kids[i], NULL); r; r = rt_waiter_next(kids[i], r)) assert_int_not_equal(r->kind, W_WNODE);
    }
    for (i = 0; i < 3; i++) {
        while (!ac_task_done(kids[i]) && rt_run_once(&loop, 0)) {
        }
        kids[i]->flags |= TF_RETRIEVED;
        ac_decref(kids[i]);
    }
    ac_decref(f->mode);
    ac_decref(w);
    ac_decref(fs);
    loop_end();
    return out;
}

static void test_wait_modes(void **state) {
    (void)state;
    assert_string_equal(run_wait(NULL, 0, 0, 0), "b:end c:end a:end W:3/0");
    assert_string_equal(run_wait("FIRST_COMPLETED", 0, 0, 0), "b:end W:1/2 c:end a:end");
    assert_string_equal(run_wait("FIRST_EXCEPTION", 0, 0, 0), "b:end c:end a:end W:3/0");
    assert_string_equal(run_wait("FIRST_EXCEPTION", 0, 0, 1), "b:end W:1/2 c:end a:end");
    assert_string_equal(run_wait(NULL, 0.15, 0, 0), "b:end W:1/2 c:end a:end");
}

static void test_wait_cancelled(void **state) {
    (void)state;
    /* the waiter goes, the children stay (the cancel comes after the
     * loop round that reached the time) */
    assert_string_equal(run_wait(NULL, 0, 0.15, 0), "b:end c:end W:X a:end");
    assert_string_equal(run_wait(NULL, 5, 0.05, 0), "b:end W:X c:end a:end");
}

/* ---- done-callbacks and handles --------------------------------------------- */

static void note_done(ac_obj *env, ac_task *t) {
    (void)env;
    say("cb:%c", (char)FRET(t).i);
}

static void note_call(ac_obj *env, ac_tuple *args) {
    (void)env;
    say("call:%lld", (long long)args->items[0].i);
}

static const ac_type *const int1_elems[1] = {&ac_t_int};
static const ac_type int1_t = {AC_K_TUPLE, 1, int1_elems};

static ac_tuple *one_int(int64_t v) {
    ac_val x;
    x.i = v;
    return ac_tuple_new(&int1_t, &x);
}

static void test_callbacks(void **state) {
    ac_task *a, *b;
    ac_sync *h1, *h2, *h3;
    (void)state;
    loop_start();
    a = ac_create_task(sleeper('a', 0.1, 0));
    b = ac_create_task(sleeper('b', 0.2, 0));
    ac_task_add_done_callback(a, note_done, NULL, "note_done");
    ac_task_add_done_callback(b, note_done, NULL, "note_done");
    ac_task_add_done_callback(b, note_done, NULL, "note_done");
    assert_int_equal(ac_task_remove_done_callback(b, note_done), 2);
    assert_int_equal(ac_task_remove_done_callback(b, note_done), 0);
    h1 = ac_loop_call_later(NULL, 0.15, note_call, NULL, one_int(1), "note_call");
    h2 = ac_loop_call_soon(NULL, note_call, NULL, one_int(2), "note_call");
    h3 = ac_loop_call_later(NULL, 0.05, note_call, NULL, one_int(3), "note_call");
    ac_handle_cancel(h3);
    assert_true(ac_handle_cancelled(h3));
    while (!ac_task_done(b) && rt_run_once(&loop, 0)) {
    }
    ac_task_add_done_callback(b, note_done, NULL, "note_done"); /* already done: call_soon */
    rt_run_once(&loop, 0);
    assert_string_equal(out, "call:2 a:end cb:a call:1 b:end cb:b");
    /* still scheduled when the loop is destroyed: dropped, not leaked */
    ac_decref(ac_loop_call_later(NULL, 10, note_call, NULL, one_int(4), "note_call"));
    ac_decref(h1);
    ac_decref(h2);
    ac_decref(h3);
    ac_decref(a);
    ac_decref(b);
    loop_end();
}

/* ---- futures ---------------------------------------------------------------- */

typedef struct reader_frame {
    ac_val ret;
    uint8_t state;
    ac_task *fut;
    ac_wait w;
} reader_frame;

static ac_status reader_resume(void *p) {
    reader_frame *f = p;
    ac_status st;
    ac_val v;
    switch (f->state) {
    case 1: goto resume_1;
    }
    AC_AWAIT(1, &f->w, ac_await_begin(&f->w, f->fut), goto fail);
    v = ac_wait_result(&f->w);
    say("R:%lld", (long long)((ac_box *)v.p)->v.i);
    ac_decref(v.p);
    return AC_DONE;
fail:
    say("R:%s", ac_err->cls->name);
    return AC_ERROR;
}

static void reader_drop(void *p) { ac_wait_drop(&((reader_frame *)p)->w); }

static const ac_coro_vt reader_vt = {reader_resume, reader_drop, "reader", &ac_t_none, sizeof(reader_frame), NULL};

static ac_task *reader(ac_task *fut) {
    ac_task *c = ac_coro_new(&reader_vt);
    AC_TASK_FRAME(c, reader_frame)->fut = fut;
    return c;
}

static void test_futures(void **state) {
    ac_task *f1, *f2, *r1, *r2, *r3;
    ac_str *msg;
    ac_obj *v;
    (void)state;
    loop_start();
    f1 = ac_loop_create_future(NULL);
    f2 = ac_future_new();
    r1 = ac_create_task(reader(f1));
    r2 = ac_create_task(reader(f1));
    r3 = ac_create_task(reader(f2));
    rt_run_once(&loop, 0);
    v = ac_obj_from(ac_int_val(7), &ac_t_int);
    ac_future_set_result(f1, ac_ptr_val(v));
    ac_decref(v);
    ac_future_set_result(f1, ac_ptr_val(v)); /* done already */
    assert_ptr_equal(ac_err->cls, &ac_cls_InvalidStateError);
    ac_decref(ac_take_err());
    msg = ac_str_from_cstr("stop");
    assert_true(ac_task_cancel_msg(f2, msg));
    assert_false(ac_task_cancel(f2));
    ac_decref(msg);
    assert_true(ac_task_done(f2) && ac_task_cancelled(f2));
    while (rt_run_once(&loop, 0)) {
    }
    assert_string_equal(out, "R:7 R:7 R:CancelledError");
    ac_future_set_result(r1, ac_int_val(1)); /* a task is not a future */
    assert_ptr_equal(ac_err->cls, &ac_cls_RuntimeError);
    ac_decref(ac_take_err());
    ac_decref(r1);
    ac_decref(r2);
    r3->flags |= TF_RETRIEVED;
    ac_decref(r3);
    ac_decref(f1);
    ac_decref(f2);
    loop_end();
}

/* ---- TaskGroup ------------------------------------------------------------------ */

typedef struct parent_frame {
    ac_val ret;
    uint8_t state;
    ac_sync *tg;
    int fail_b;
    int body_sleeps;
    ac_exc *body; /* the body's exception, what __aexit__ gets */
    ac_wait w;
} parent_frame;

static ac_status parent_resume(void *p) {
    parent_frame *f = p;
    ac_status st;
    switch (f->state) {
    case 1: goto resume_1;
    case 2: goto resume_2;
    }
    f->tg = ac_taskgroup_new();
    ac_taskgroup_aenter(f->tg);
    ac_decref(ac_taskgroup_create_task(f->tg, sleeper('a', 0.3, 0), NULL));
    ac_decref(ac_taskgroup_create_task(f->tg, sleeper('b', 0.1, f->fail_b), NULL));
    if (f->body_sleeps) {
        AC_AWAIT(1, &f->w, ac_sleep_begin(&f->w, 1), goto body_failed);
        ac_wait_result(&f->w);
        say("P:body");
    }
    goto exit;
body_failed:
    f->body = ac_take_err();
    say("P:%s", f->body->cls->name);
exit:
    AC_AWAIT(2, &f->w, ac_taskgroup_aexit_begin(&f->w, f->tg, f->body), goto fail);
    ac_wait_result(&f->w);
    ac_decref(f->body);
    say("P:ok");
    ac_decref(f->tg);
    return AC_DONE;
fail:
    ac_decref(f->body);
    say("P:raised:%s", ac_err->cls->name);
    ac_decref(f->tg);
    return AC_ERROR;
}

static void parent_drop(void *p) {
    parent_frame *f = p;
    ac_wait_drop(&f->w);
    ac_decref(f->tg);
    ac_decref(f->body);
}

static const ac_coro_vt parent_vt = {parent_resume, parent_drop, "parent", &ac_t_none, sizeof(parent_frame), NULL};

/* cancelling: the parent's count at the end (3.11 uncancels the group's
 * own request only when __aexit__ starts after it) */
static const char *run_group(int fail_b, int body_sleeps, double cancel_at, int cancelling) {
    ac_task *c = ac_coro_new(&parent_vt), *t;
    AC_TASK_FRAME(c, parent_frame)->fail_b = fail_b;
    AC_TASK_FRAME(c, parent_frame)->body_sleeps = body_sleeps;
    loop_start();
    t = ac_create_task(c);
    if (cancel_at > 0) {
        while (rt_loop_time(&loop) < cancel_at && rt_run_once(&loop, 0)) {
        }
        ac_task_cancel(t);
    }
    while (!ac_task_done(t) && rt_run_once(&loop, 0)) {
    }
    assert_int_equal(ac_task_cancelling(t), cancelling);
    t->flags |= TF_RETRIEVED;
    ac_decref(t);
    loop_end();
    return out;
}

static void test_taskgroup(void **state) {
    (void)state;
    assert_string_equal(run_group(0, 0, 0, 0), "b:end a:end P:ok");
    assert_string_equal(run_group(1, 0, 0, 1), "b:end a:X P:raised:ExceptionGroup");
    assert_string_equal(run_group(1, 1, 0, 0), "b:end a:X P:CancelledError P:raised:ExceptionGroup");
    /* cancelled from outside (after a ended: the clock jumped to 0.3) */
    assert_string_equal(run_group(0, 1, 0.2, 1), "b:end a:end P:CancelledError P:raised:CancelledError");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_side_table), cmocka_unit_test(test_wait_modes), cmocka_unit_test(test_wait_cancelled),
        cmocka_unit_test(test_callbacks),  cmocka_unit_test(test_futures),    cmocka_unit_test(test_taskgroup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
