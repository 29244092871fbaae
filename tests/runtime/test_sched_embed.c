/*
 * test_sched_embed.c -- the embedding API (asyncc.h): a host loop with its
 * own clock, receive()/frame(), deferred host calls routed to the right
 * coroutine, allocator hook, print() output flushed by asyncc_close.
 * Frames are written as the compiler writes them.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <unistd.h>

#include "asyncc_rt.h"
#include "asyncc.h"

static char log_buf[8192];
static size_t log_len;

static void logf_(const char *fmt, ...) {
    va_list ap;
    if (log_len > sizeof log_buf - 64) return; /* long runs: keep a prefix */
    if (log_len) log_buf[log_len++] = ' ';
    va_start(ap, fmt);
    log_len += (size_t)vsnprintf(log_buf + log_len, sizeof log_buf - log_len, fmt, ap);
    va_end(ap);
}

static void log_reset(void) {
    log_len = 0;
    log_buf[0] = 0;
}

/* async def ticker(name, n, d): for i in range(n): log; await sleep(d) */
typedef struct ticker_frame {
    ac_val ret;
    uint8_t state;
    const char *name;
    int64_t n, i;
    double d;
    ac_wait w;
} ticker_frame;

static ac_status ticker_resume(void *p) {
    ticker_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        logf_("%s%d", f->name, (int)f->i);
        AC_AWAIT(1, &f->w, ac_sleep_begin(&f->w, f->d), return AC_ERROR);
        (void)ac_wait_result(&f->w);
    }
    f->ret.i = f->n;
    return AC_DONE;
}

static void ticker_drop(void *p) { ac_wait_drop(&((ticker_frame *)p)->w); }

static const ac_coro_vt ticker_vt = {ticker_resume, ticker_drop, "ticker", &ac_t_int, sizeof(ticker_frame), NULL};

static ac_task *ticker_new(const char *name, int64_t n, double d) {
    ac_task *t = ac_coro_new(&ticker_vt);
    ticker_frame *f = AC_TASK_FRAME(t, ticker_frame);
    f->name = name;
    f->n = n;
    f->d = d;
    return t;
}

/* async def listener(name, n): for _ in range(n): log(await receive()) */
typedef struct listener_frame {
    ac_val ret;
    uint8_t state;
    const char *name;
    int64_t n, i;
    ac_wait w;
} listener_frame;

static ac_status listener_resume(void *p) {
    listener_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->i = 0; f->i < f->n; f->i++) {
        AC_AWAIT(1, &f->w, ac_receive_begin(&f->w), return AC_ERROR);
        {
            ac_str *s = ac_wait_result(&f->w).p;
            logf_("%s:%s", f->name, s->s);
            ac_decref(s);
        }
    }
    f->ret.i = f->n;
    return AC_DONE;
}

static void listener_drop(void *p) { ac_wait_drop(&((listener_frame *)p)->w); }

static const ac_coro_vt listener_vt = {listener_resume, listener_drop,          "listener",
                                       &ac_t_int,       sizeof(listener_frame), NULL};

static ac_task *listener_new(const char *name, int64_t n) {
    ac_task *t = ac_coro_new(&listener_vt);
    listener_frame *f = AC_TASK_FRAME(t, listener_frame);
    f->name = name;
    f->n = n;
    return t;
}

/* async def animator(name): for i in range(3): await frame(); log */
typedef struct anim_frame {
    ac_val ret;
    uint8_t state;
    const char *name;
    int64_t i;
    ac_wait w;
} anim_frame;

static ac_status anim_resume(void *p) {
    anim_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    for (f->i = 0; f->i < 3; f->i++) {
        AC_AWAIT(1, &f->w, ac_frame_begin(&f->w), return AC_ERROR);
        (void)ac_wait_result(&f->w);
        logf_("%s%d", f->name, (int)f->i);
    }
    return AC_DONE;
}

static void anim_drop(void *p) { ac_wait_drop(&((anim_frame *)p)->w); }

static const ac_coro_vt anim_vt = {anim_resume, anim_drop, "anim", &ac_t_none, sizeof(anim_frame), NULL};

/* A deferred host function and its caller:
 *   @asyncc.deferred
 *   def host_double(x: int) -> int: ...
 *   async def caller(x: int) -> int:
 *       try: return await host_double(x) + 1
 *       except ValueError: return -1                                     */
static ac_call_id pending_ids[2000];
static int64_t pending_args[2000];
static int npending_calls;

static void host_double(ac_call_id id, int64_t x) {
    pending_ids[npending_calls] = id;
    pending_args[npending_calls++] = x;
}

typedef struct caller_frame {
    ac_val ret;
    uint8_t state;
    int64_t x;
    ac_wait w;
} caller_frame;

static ac_status caller_resume(void *p) {
    caller_frame *f = p;
    ac_status st = AC_SUSPEND;
    ac_call_id id;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    st = ac_host_call_begin(&f->w, &ac_t_int, &id);
    if (st == AC_SUSPEND) host_double(id, f->x);
    AC_AWAIT_BEGUN(1, &f->w, goto failed);
    f->ret.i = ac_wait_result(&f->w).i + 1;
    return AC_DONE;
failed:
    if (ac_exc_matches(ac_err, &ac_cls_ValueError)) {
        ac_decref(ac_take_err());
        f->ret.i = -1;
        return AC_DONE;
    }
    return AC_ERROR;
}

static void caller_drop(void *p) { ac_wait_drop(&((caller_frame *)p)->w); }

static const ac_coro_vt caller_vt = {caller_resume, caller_drop, "caller", &ac_t_int, sizeof(caller_frame), NULL};

/* async def many(n): return await gather(*[caller(i) for i in range(n)]) */
typedef struct many_frame {
    ac_val ret;
    uint8_t state;
    int64_t n;
    ac_wait w;
} many_frame;

static ac_status many_resume(void *p) {
    many_frame *f = p;
    ac_status st = AC_SUSPEND;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    }
    {
        ac_task **kids = malloc((size_t)f->n * sizeof *kids);
        int64_t i;
        for (i = 0; i < f->n; i++) {
            kids[i] = ac_coro_new(&caller_vt);
            AC_TASK_FRAME(kids[i], caller_frame)->x = i;
        }
        st = ac_gather_begin(&f->w, f->n, kids, &ac_t_int, 0);
        free(kids);
    }
    AC_AWAIT_BEGUN(1, &f->w, return AC_ERROR);
    f->ret = ac_wait_result(&f->w);
    return AC_DONE;
}

static void many_drop(void *p) { ac_wait_drop(&((many_frame *)p)->w); }

static const ac_type list_int = {AC_K_LIST, 1, NULL};
static const ac_coro_vt many_vt = {many_resume, many_drop, "many", &list_int, sizeof(many_frame), NULL};

/* ---- tests ------------------------------------------------------------- */

static double host_clock;
static double host_now(void *ud) {
    (void)ud;
    return host_clock;
}

static void test_host_clock(void **state) {
    asyncc_loop *L = asyncc_open();
    ac_task *a, *b;
    double when = -1;
    ac_val v;
    (void)state;
    log_reset();
    host_clock = 100.0;
    asyncc_set_time(L, host_now, NULL);
    a = asyncc_spawn(L, ticker_new("a", 3, 0.5));
    b = asyncc_spawn(L, ticker_new("b", 2, 0.7));
    assert_int_equal(asyncc_step(L, &when), ASYNCC_TIMER);
    assert_true(when == 100.5);
    assert_string_equal(log_buf, "a0 b0");
    host_clock = 100.6; /* the host's own clock moves */
    assert_int_equal(asyncc_step(L, &when), ASYNCC_TIMER);
    assert_string_equal(log_buf, "a0 b0 a1");
    assert_true(when == 100.7);
    host_clock = 200;
    while (asyncc_step(L, &when) != ASYNCC_IDLE) host_clock += 1;
    assert_string_equal(log_buf, "a0 b0 a1 b1 a2");
    assert_int_equal(asyncc_result(a, &v, NULL), ASYNCC_OK);
    assert_int_equal(v.i, 3);
    asyncc_release(a);
    asyncc_release(b);
    asyncc_close(L);
}

static void test_virtual_run_and_close(void **state) {
    asyncc_loop *L = asyncc_open();
    ac_task *a;
    double when;
    (void)state;
    log_reset();
    a = asyncc_spawn(L, ticker_new("a", 100, 1.0));
    assert_int_equal(asyncc_step(L, &when), ASYNCC_TIMER);
    asyncc_advance(L, 2.5); /* the 1.0 timer is due; a1 at 2.5 */
    asyncc_step(L, &when);
    assert_string_equal(log_buf, "a0 a1");
    assert_true(when == 3.5);
    assert_int_equal(asyncc_result(a, NULL, NULL), ASYNCC_PENDING);
    asyncc_close(L); /* a is dropped, nothing leaks */
    assert_int_equal(asyncc_result(a, NULL, NULL), ASYNCC_CANCELLED);
    asyncc_release(a);
}

static void test_events(void **state) {
    asyncc_loop *L = asyncc_open();
    ac_task *x, *y;
    (void)state;
    log_reset();
    asyncc_push_event(L, "early", 5); /* queued before anyone waits */
    x = asyncc_spawn(L, listener_new("x", 3));
    y = asyncc_spawn(L, listener_new("y", 1));
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_WAITING);
    assert_string_equal(log_buf, "x:early");
    /* x took "early" without waiting, then waited again before y did, so
     * x waits longest: e1 -> x, e2 -> y; e3 is queued until x asks again */
    asyncc_push_event(L, "e1", 2);
    asyncc_push_event(L, "e2", 2);
    asyncc_push_event(L, "e3", 2);
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_IDLE);
    assert_string_equal(log_buf, "x:early x:e1 x:e3 y:e2");
    asyncc_release(x);
    asyncc_release(y);
    asyncc_close(L); /* e3 still queued: freed */
}

static void test_frames(void **state) {
    asyncc_loop *L = asyncc_open();
    ac_task *p, *q;
    int i;
    (void)state;
    log_reset();
    p = asyncc_spawn(L, ac_coro_new(&anim_vt));
    AC_TASK_FRAME(p, anim_frame)->name = "p";
    q = asyncc_spawn(L, ac_coro_new(&anim_vt));
    AC_TASK_FRAME(q, anim_frame)->name = "q";
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_WAITING);
    for (i = 0; i < 3; i++) {
        asyncc_frame_tick(L);
        asyncc_run(L, NULL);
    }
    assert_string_equal(log_buf, "p0 q0 p1 q1 p2 q2");
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_IDLE);
    asyncc_release(p);
    asyncc_release(q);
    asyncc_close(L);
}

static void test_deferred_calls(void **state) {
    asyncc_loop *L = asyncc_open();
    ac_task *m;
    ac_val v;
    ac_list *l;
    int i;
    (void)state;
    npending_calls = 0;
    m = ac_coro_new(&many_vt);
    AC_TASK_FRAME(m, many_frame)->n = 1000;
    m = asyncc_spawn(L, m);
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_WAITING);
    assert_int_equal(npending_calls, 1000);
    for (i = npending_calls - 1; i >= 0; i--) { /* complete in reverse */
        ac_val r;
        if (pending_args[i] == 500) {
            assert_int_equal(asyncc_call_raise(L, pending_ids[i], &ac_cls_ValueError, "no"), 1);
            continue;
        }
        r.i = pending_args[i] * 2;
        assert_int_equal(asyncc_call_return(L, pending_ids[i], r), 1);
        assert_int_equal(asyncc_call_return(L, pending_ids[i], r), 0);
    }
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_IDLE);
    assert_int_equal(asyncc_result(m, &v, NULL), ASYNCC_OK);
    l = v.p;
    assert_int_equal(l->len, 1000);
    for (i = 0; i < 1000; i++) assert_int_equal(l->items[i].i, i == 500 ? -1 : 2 * i + 1);
    ac_decref(l);
    asyncc_release(m);
    asyncc_close(L);
}

static void test_deferred_cancelled_caller(void **state) {
    asyncc_loop *L = asyncc_open();
    ac_task *c;
    ac_val r;
    (void)state;
    npending_calls = 0;
    c = ac_coro_new(&caller_vt);
    c = asyncc_spawn(L, c);
    asyncc_run(L, NULL);
    assert_int_equal(npending_calls, 1);
    assert_int_equal(asyncc_cancel(c), 1);
    asyncc_run(L, NULL);
    assert_int_equal(asyncc_result(c, NULL, NULL), ASYNCC_CANCELLED);
    r.i = 5;
    assert_int_equal(asyncc_call_return(L, pending_ids[0], r), 0); /* stale */
    asyncc_release(c);
    asyncc_close(L);
}

static size_t live_bytes;
static void *counting_alloc(void *ud, void *old, size_t n) {
    (void)ud;
    if (n == 0) {
        free(old);
        return NULL;
    }
    live_bytes += n;
    return realloc(old, n);
}

static void test_allocator_hook(void **state) {
    asyncc_loop *L;
    ac_task *a;
    uint64_t before;
    (void)state;
    asyncc_set_allocator(counting_alloc, NULL);
    L = asyncc_open();
    before = asyncc_alloc_count();
    a = asyncc_spawn(L, ticker_new("a", 10000, 0.001));
    asyncc_step(L, NULL);
    asyncc_advance(L, 0.001); /* first timer fires: lists grown */
    asyncc_step(L, NULL);
    assert_true(asyncc_alloc_count() - before >= 1);
    before = asyncc_alloc_count();
    log_len = 0;
    assert_int_equal(asyncc_run(L, NULL), ASYNCC_IDLE);
    assert_int_equal(asyncc_alloc_count() - before, 0); /* 10,000 sleeps */
    asyncc_release(a);
    asyncc_close(L);
    asyncc_set_allocator(NULL, NULL);
    assert_true(live_bytes > 0);
}

/* async def hello(): print("hello from a coroutine") */
typedef struct hello_frame {
    ac_val ret;
    uint8_t state;
} hello_frame;

static ac_status hello_resume(void *p) {
    (void)p;
    ac_write_cstr("hello from a coroutine\n");
    return AC_DONE;
}

static const ac_coro_vt hello_vt = {hello_resume, NULL, "hello", &ac_t_none, sizeof(hello_frame), NULL};

static size_t file_size(FILE *f) {
    long n;
    fflush(f);
    fseek(f, 0, SEEK_END);
    n = ftell(f);
    return n < 0 ? 0 : (size_t)n;
}

/* A host that never calls ac_flush still gets the coroutines' output:
 * print() stays buffered until asyncc_close writes it out. */
static void test_close_flushes_output(void **state) {
    FILE *out = tmpfile();
    int saved;
    asyncc_loop *L;
    ac_task *t;
    char buf[64] = {0};
    size_t before, after;
    (void)state;
    assert_non_null(out);
    fflush(stdout);
    saved = dup(1);
    assert_true(saved >= 0);
    dup2(fileno(out), 1);
    L = asyncc_open();
    t = asyncc_spawn(L, ac_coro_new(&hello_vt));
    asyncc_run(L, NULL);
    before = file_size(out); /* ran, but still buffered */
    asyncc_release(t);
    asyncc_close(L);
    after = file_size(out);
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    rewind(out);
    assert_true(fread(buf, 1, sizeof buf - 1, out) > 0);
    fclose(out);
    assert_int_equal(before, 0);
    assert_int_equal(after, strlen("hello from a coroutine\n"));
    assert_string_equal(buf, "hello from a coroutine\n");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_host_clock),     cmocka_unit_test(test_virtual_run_and_close),
        cmocka_unit_test(test_events),         cmocka_unit_test(test_frames),
        cmocka_unit_test(test_deferred_calls), cmocka_unit_test(test_deferred_cancelled_caller),
        cmocka_unit_test(test_allocator_hook), cmocka_unit_test(test_close_flushes_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
