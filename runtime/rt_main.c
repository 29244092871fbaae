/*
 * rt_main.c -- program entry points used by generated code: asyncc_main
 * (a standalone program's main()), asyncio.run and the builtins run(),
 * and Ctrl-C as asyncio.run handles it.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include "asyncc.h"
#include "rt_sched.h"

/* ---- Ctrl-C ---------------------------------------------------------- */
/* CPython's asyncio.Runner: while asyncio.run runs, the first SIGINT
 * cancels the main task (its finally blocks run, output is kept) and
 * asyncio.run then raises KeyboardInterrupt, its context the
 * CancelledError; a second SIGINT raises KeyboardInterrupt at once.  The
 * handler only sets a flag: the loop looks at it once per round, and the
 * monotonic sleep returns early (rt_clock.c).  An uncaught
 * KeyboardInterrupt ends the process by SIGINT, as CPython does (a shell
 * shows status 130). */

static int interrupts;

static void on_sigint(int sig) {
    /* C99's signal() may reset the handler (System V semantics, glibc in
     * strict C mode): the second Ctrl-C must still come here */
    signal(sig, on_sigint);
    rt_interrupted = 1;
}

/* CPython installs its handler only over the default one */
static int sigint_install(void) {
    void (*old)(int) = signal(SIGINT, on_sigint);
    if (old == SIG_DFL) return 1;
    if (old != SIG_ERR) signal(SIGINT, old);
    return 0;
}

/* the loop saw the flag: 1 to stop the loop at once */
static int sigint_seen(ac_task *main_task) {
    rt_interrupted = 0;
    if (++interrupts == 1 && !(main_task->flags & TF_DONE)) {
        ac_task_cancel(main_task);
        return 0;
    }
    return 1;
}

/* asyncio.run's error after an interrupt: KeyboardInterrupt, raised while
 * the main task's CancelledError is handled */
static void raise_interrupt(void) {
    ac_exc *ki;
    if (!ac_exc_matches(ac_err, &ac_cls_CancelledError)) return;
    ki = ac_exc_new(&ac_cls_KeyboardInterrupt, NULL);
    ki->context = ac_take_err();
    ac_raise(ki);
}

static void exit_by_sigint(void) {
    fflush(stdout);
    fflush(stderr);
    signal(SIGINT, SIG_DFL);
    raise(SIGINT);
}

static rt_loop main_loop;

/* the default loop: reads ASYNCC_CLOCK */
static void program_init(void) {
    if (rt_cur_loop) return;
    rt_memory_init();
    rt_loop_init(&main_loop);
    rt_clock_default(&main_loop);
    rt_cur_loop = &main_loop;
}

/* flush, report an uncaught ac_err, destroy the loop: the exit status */
static int program_exit(void) {
    int status = 0;
    ac_flush();
    if (ac_err) {
        ac_exc *e = ac_take_err();
        if (ac_exc_matches(e, &ac_cls_SystemExit)) {
            status = ac_system_exit_status(e);
        } else {
            ac_report_uncaught(e);
            status = ac_exc_matches(e, &ac_cls_KeyboardInterrupt) ? 130 : 1;
        }
        ac_decref(e);
    }
    if (rt_cur_loop) rt_loop_fini(rt_cur_loop);
    rt_gc_exit();
    ac_flush();
    fflush(stderr);
    return status;
}

static rt_loop *need_loop(void) {
    if (!rt_cur_loop) program_init();
    return rt_cur_loop;
}

/* a finished task's outcome as the run() result */
static ac_status outcome(ac_task *t, ac_val *result) {
    if (!(t->flags & TF_DONE)) {
        ac_raise_msg(&ac_cls_RuntimeError, "Event loop stopped before Future completed.");
        return AC_ERROR;
    }
    if (t->flags & TF_CANCELLED) {
        rt_loop *L = rt_cur_loop;
        if (L->main_cancel) { /* the main task's, with its traceback */
            ac_raise(L->main_cancel);
            L->main_cancel = NULL;
        } else {
            ac_raise_msg(&ac_cls_CancelledError, NULL);
        }
        return AC_ERROR;
    }
    if (t->flags & TF_FAILED) {
        ac_exc *e = ((ac_val *)ac_task_frame(t))->p;
        t->flags |= TF_RETRIEVED;
        ac_incref(e);
        ac_raise(e);
        return AC_ERROR;
    }
    t->flags |= TF_RETRIEVED;
    if (result) rt_task_release_result(t, result);
    return AC_DONE;
}

/* A task raised SystemExit: the loop stopped there; the other tasks are
 * cancelled as asyncio.run's end does, then SystemExit goes on up. */
static ac_status leave_with_system_exit(rt_loop *L, ac_task *main_task) {
    ac_exc *e = L->exiting;
    L->exiting = NULL;
    /* run_until_complete consumes the main task's own exception */
    if (main_task && (main_task->flags & TF_FAILED)) main_task->flags |= TF_RETRIEVED;
    rt_shutdown(L);
    if (main_task) ac_decref(main_task);
    ac_raise(e);
    return AC_ERROR;
}

/* A task's coroutine runs 9 frames deep in CPython's asyncio.run (the
 * runner, the loop, the handle, the coroutine's own frame): a recursion
 * past the limit fails at the depth it fails at there.  Between the steps
 * nothing runs, so the frames are counted once for the whole run. */
#define RUN_DEPTH 9

static ac_status run_main(ac_task *main_coro, ac_val *result, int shutdown);

ac_status ac_asyncio_run(ac_task *main_coro, ac_val *result) {
    if (need_loop()->current) {
        ac_decref(main_coro);
        ac_raise_msg(&ac_cls_RuntimeError, "asyncio.run() cannot be called "
                                           "from a running event loop");
        return AC_ERROR;
    }
    return run_main(main_coro, result, 1);
}

/* loop.run_until_complete(coro): asyncio.run without the end (the tasks
 * still pending stay so) */
ac_status ac_loop_run_until_complete(ac_sync *loop, ac_task *coro, ac_val *result) {
    if (ac_loop_is_closed(loop)) {
        ac_decref(coro);
        ac_raise_msg(&ac_cls_RuntimeError, "Event loop is closed");
        return AC_ERROR;
    }
    if (need_loop()->current) {
        ac_decref(coro);
        ac_raise_msg(&ac_cls_RuntimeError, "This event loop is already running");
        return AC_ERROR;
    }
    if ((coro->flags & TF_TASK) && (coro->flags & TF_DONE)) { /* a finished task: its outcome */
        ac_status st = outcome(coro, result);
        ac_decref(coro);
        return st;
    }
    return run_main(coro, result, 0);
}

/* ---- asyncio.Runner ------------------------------------------------------- */
/* The runner is a loop object (value 1 once closed): the program has one
 * loop, so several runs of one runner share its clock and its pending
 * tasks, which close() cancels as asyncio.run's end does. */

ac_sync *ac_runner_new(void) { return ac_new_event_loop(); }

static int runner_closed(ac_sync *runner) {
    if (!ac_loop_is_closed(runner)) return 0;
    ac_raise_msg(&ac_cls_RuntimeError, "Runner is closed");
    return 1;
}

ac_status ac_runner_run(ac_sync *runner, ac_task *coro, ac_val *result) {
    if (runner_closed(runner)) {
        ac_decref(coro);
        return AC_ERROR;
    }
    if (need_loop()->current) {
        ac_decref(coro);
        ac_raise_msg(&ac_cls_RuntimeError, "Runner.run() cannot be called from a running event loop");
        return AC_ERROR;
    }
    return run_main(coro, result, 0);
}

ac_sync *ac_runner_get_loop(ac_sync *runner) {
    if (runner_closed(runner)) return NULL;
    ac_incref(runner);
    return runner;
}

void ac_runner_close(ac_sync *runner) {
    if (ac_loop_is_closed(runner)) return;
    rt_shutdown(need_loop());
    ac_loop_close(runner);
}

/* loop.run_forever(): rounds until loop.stop() (CPython's _stopping) */
void ac_loop_run_forever(ac_sync *loop) {
    rt_loop *L = need_loop();
    if (ac_loop_is_closed(loop)) {
        ac_raise_msg(&ac_cls_RuntimeError, "Event loop is closed");
        return;
    }
    if (L->current) {
        ac_raise_msg(&ac_cls_RuntimeError, "This event loop is already running");
        return;
    }
    L->stopping = 0;
    while (!L->stopping && !L->exiting)
        if (!rt_run_once(L, 0)) break; /* nothing left: CPython would wait forever */
    L->stopping = 0;
    if (L->exiting) {
        ac_exc *e = L->exiting;
        L->exiting = NULL;
        ac_raise(e);
    }
}

void ac_loop_stop(ac_sync *loop) {
    (void)loop;
    need_loop()->stopping = 1;
}

static ac_status run_main(ac_task *main_coro, ac_val *result, int shutdown) {
    rt_loop *L = need_loop();
    ac_task *t;
    ac_status st;
    int handler, forced = 0;
    ac_decref(L->main_cancel); /* left by a run that was interrupted */
    L->main_cancel = NULL;
    t = rt_spawn(main_coro); /* main_coro's reference is now ours */
    t->flags |= TF_MAIN;
    L->stopping = 0;
    rt_interrupted = 0; /* a Ctrl-C before this run is not ours */
    interrupts = 0;
    handler = sigint_install();
    ac_depth_left -= RUN_DEPTH;
    while (!L->stopping) {
        if (AC_UNLIKELY(rt_interrupted) && sigint_seen(t)) {
            forced = 1;
            break;
        }
        if (!rt_run_once(L, 0)) break; /* nothing left: deadlock */
    }
    L->stopping = 0;
    if (L->exiting) {
        ac_depth_left += RUN_DEPTH;
        return leave_with_system_exit(L, t);
    }
    if (shutdown) rt_shutdown(L);
    ac_depth_left += RUN_DEPTH;
    st = forced ? AC_ERROR : outcome(t, result);
    if (forced)
        ac_raise(ac_exc_new(&ac_cls_KeyboardInterrupt, NULL));
    else if (interrupts && st == AC_ERROR)
        raise_interrupt();
    if (handler) signal(SIGINT, SIG_DFL);
    ac_decref(t);
    return st;
}

ac_status ac_edge_run(int n, ac_task **coros, ac_val *result) {
    rt_loop *L = need_loop();
    ac_status st = AC_DONE;
    int i, k;
    if (result) result->i = 0;
    if (n <= 0) {
        ac_raise_msg(&ac_cls_TypeError, "run() expects at least one coroutine");
        return AC_ERROR;
    }
    for (i = 0; i < n; i++) rt_spawn(coros[i]); /* references now ours */
    for (;;) {
        int all = 1;
        for (i = 0; i < n; i++)
            if (!(coros[i]->flags & TF_DONE)) all = 0;
        if (all || !rt_run_once(L, 0)) break;
        if (L->exiting) {
            L->stopping = 0;
            for (i = 0; i < n; i++) ac_decref(coros[i]);
            return leave_with_system_exit(L, NULL);
        }
    }
    /* _wait_all's done-callback, the main task's wakeup, the stop */
    for (k = 0; k < 3; k++) rt_run_once(L, 1);
    rt_shutdown(L);
    for (i = 0; i < n; i++) { /* first error in argument order */
        ac_task *t = coros[i];
        if (!(t->flags & TF_DONE)) {
            ac_raise_msg(&ac_cls_RuntimeError, "Event loop stopped before Future completed.");
            st = AC_ERROR;
            break;
        }
        if (t->flags & TF_CANCELLED) continue;
        t->flags |= TF_RETRIEVED;
        if (t->flags & TF_FAILED) {
            ac_exc *e = ((ac_val *)ac_task_frame(t))->p;
            ac_incref(e);
            ac_raise(e);
            st = AC_ERROR;
            break;
        }
    }
    if (st == AC_DONE && result && !(coros[0]->flags & TF_CANCELLED)) rt_task_release_result(coros[0], result);
    for (i = 0; i < n; i++) ac_decref(coros[i]);
    return st;
}

int asyncc_main(int argc, char **argv, void (*module)(void)) {
    int status;
    ac_sys_set_argv(argc, argv);
    program_init();
    module();
    status = program_exit();
    if (status == 130) exit_by_sigint();
    return status;
}
