/*
 * asyncc.h -- embedding a compiled asyncc program in a C host.
 *
 * A host drives the scheduler from its own main loop:
 *
 *     asyncc_loop *L = asyncc_open();              // virtual clock
 *     asyncc_set_time(L, my_clock, NULL);          // or: the host's clock
 *     ac_task *t = asyncc_spawn(L, asyncc_prog_new_f(args...));
 *     for (;;) {
 *         double when;
 *         int st = asyncc_step(L, &when);          // run what is ready now
 *         if (st == ASYNCC_IDLE) break;            // nothing left
 *         if (st == ASYNCC_TIMER) wait_until(when); // the host waits
 *         if (st == ASYNCC_WAITING) feed_events(L); // asyncc_push_event...
 *     }
 *     ac_val v; ac_exc *e;
 *     if (asyncc_result(t, &v, &e) == ASYNCC_OK) ...;
 *     asyncc_release(t);
 *     asyncc_close(L);                             // also flushes print()
 *
 * Coroutine objects come from the compiler: for `async def f(x: int)` in
 * prog.py the generated code has `ac_task *asyncc_prog_new_f(int64_t x)`
 * (see the header `asyncc emit --header` writes; every exported symbol
 * carries the module's name, so several modules link into one host) -- or
 * ac_coro_new(&vt) + AC_TASK_FRAME for hand-written frames.
 *
 * This header only names the runtime's types.  A host that looks inside
 * values (a str's bytes, a list's items, ac_incref, ac_str_from_cstr...)
 * also includes asyncc_rt.h, the interface generated code is written
 * against.
 *
 * Time.  Without a time hook the loop runs on a virtual clock: time starts
 * at 0.0 and moves only through asyncc_advance (or asyncc_run, which jumps
 * straight to each next deadline).  With a hook, the loop reads the host's
 * clock and never sleeps: asyncc_step returns ASYNCC_TIMER and the
 * deadline, and the host decides how to wait.
 *
 * Ownership follows asyncc_rt.h: "steals" takes the caller's reference,
 * functions returning objects return new references.  One loop is current
 * at a time (asyncc_open and asyncc_use make it current); the scheduler is
 * not thread-safe: call it from one thread.
 *
 * This header compiles as C99 and as C++.
 */
#ifndef ASYNCC_H
#define ASYNCC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#include "asyncc_types.h" /* the runtime's types, by name only */

typedef struct asyncc_loop asyncc_loop;

/* status of asyncc_step / asyncc_run */
enum {
    ASYNCC_IDLE = 0,   /* every spawned coroutine has finished */
    ASYNCC_READY = 1,  /* more work is ready right now (call step again) */
    ASYNCC_TIMER = 2,  /* waiting for a timer; *deadline says when */
    ASYNCC_WAITING = 3 /* waiting only for events, frame ticks or host calls */
};

/* result codes of asyncc_result */
enum {
    ASYNCC_OK = 0,        /* finished with a value */
    ASYNCC_RAISED = 1,    /* finished with an exception */
    ASYNCC_CANCELLED = 2, /* cancelled */
    ASYNCC_PENDING = -1   /* not finished yet */
};

/* Create a loop on the virtual clock and make it current. */
asyncc_loop *asyncc_open(void);
/* Destroy a loop: coroutines still pending are dropped (their frames are
 * released, none of their code runs).  Task handles stay valid until
 * asyncc_release.  Then flushes print() output (asyncc_flush). */
void asyncc_close(asyncc_loop *L);
/* print() output is buffered apart from the host's stdio: write it out now
 * (before the host prints itself, to keep the order). */
void asyncc_flush(void);
/* Make L the current loop (generated code always uses the current one). */
void asyncc_use(asyncc_loop *L);

/* Time hook: now() returns seconds (any origin, non-decreasing).  NULL goes
 * back to the virtual clock. */
void asyncc_set_time(asyncc_loop *L, double (*now)(void *ud), void *ud);
/* The loop's current time (virtual or the hook's). */
double asyncc_time(asyncc_loop *L);
/* Virtual clock only: move time forward to t (never backward). */
void asyncc_advance(asyncc_loop *L, double t);

/* Allocator hook for the scheduler's memory (the slabs coroutine frames
 * are carved from, gather blocks, timer heap, live-task array; values such
 * as strings and lists, gather's result list included, use malloc):
 * fn(ud, NULL, n) allocates, fn(ud, p, n) resizes,
 * fn(ud, p, 0) frees.  NULL restores malloc.  Install it before any
 * coroutine exists.  asyncc_alloc_count() counts calls that allocate. */
void asyncc_set_allocator(void *(*fn)(void *ud, void *old, size_t n), void *ud);
uint64_t asyncc_alloc_count(void);

/* Start a coroutine as a task (steals coro).  Returns a new reference to
 * the task: the handle for asyncc_result / asyncc_cancel. */
ac_task *asyncc_spawn(asyncc_loop *L, ac_task *coro);

/* Run everything that is ready at the current time (ready tasks, due
 * timers, and what they make ready), without waiting.  Returns a status;
 * for ASYNCC_TIMER *deadline (if not NULL) is the next deadline.  Steps do
 * not nest: called from inside one of L's own coroutines (a host function)
 * it runs nothing and only reports the status. */
int asyncc_step(asyncc_loop *L, double *deadline);
/* Virtual clock: step, jumping time to each next deadline, until nothing
 * can progress (ASYNCC_IDLE or ASYNCC_WAITING).  With a time hook this is
 * one asyncc_step. */
int asyncc_run(asyncc_loop *L, double *deadline);
/* Next timer deadline; returns 0 when there is no timer. */
int asyncc_next_deadline(asyncc_loop *L, double *deadline);

/* Events for receive(): a copy of the bytes (UTF-8) becomes a str. */
void asyncc_push_event(asyncc_loop *L, const char *data, size_t len);
/* A frame tick: every coroutine waiting in frame() resumes. */
void asyncc_frame_tick(asyncc_loop *L);

/* Completing a deferred host call (see ac_host_call_begin in asyncc_rt.h).
 * asyncc_call_return steals v and returns 1; it returns 0 (and v stays the
 * host's) when the id is unknown: already completed, or its caller was
 * cancelled.  asyncc_call_raise raises cls(msg) (msg NULL: no argument)
 * in the calling coroutine only. */
int asyncc_call_return(asyncc_loop *L, ac_call_id id, ac_val v);
int asyncc_call_raise(asyncc_loop *L, ac_call_id id, const ac_class *cls, const char *msg);

/* Outcome of a task: ASYNCC_OK (*value: new reference), ASYNCC_RAISED
 * (*error: new reference), ASYNCC_CANCELLED, ASYNCC_PENDING. */
int asyncc_result(ac_task *t, ac_val *value, ac_exc **error);
int asyncc_cancel(ac_task *t);         /* task.cancel() */
void asyncc_cancel_silent(ac_task *t); /* builtins cancel(c) */
void asyncc_release(ac_task *t);       /* drop the handle */

/* Run a compiled program as a standalone process: set up the default loop
 * (monotonic clock, or virtual when ASYNCC_CLOCK=virtual), call module()
 * (the program's top-level statements, which run their own asyncio.run or
 * run(...)), flush output, report an uncaught exception the way CPython
 * does, and return the exit status (0, or 1 after an uncaught exception).
 * The main() that `asyncc build` generates is just this call. */
int asyncc_main(int argc, char **argv, void (*module)(void));

#ifdef __cplusplus
}
#endif
#endif
