/*
 * rt_agen.c -- async generators: the operations a consumer awaits (anext,
 * asend, athrow, aclose, and each step of `async for`) over a frame the
 * compiler laid out as an async def's (asyncc_rt.h, "Async generators"),
 * and the end of an unfinished one (CPython's asyncgen hooks).
 *
 * The rules are CPython's (Objects/genobject.c, async_gen_asend and
 * async_gen_athrow): one operation at a time ("anext(): asynchronous
 * generator is already running"); anext of a finished generator raises
 * StopAsyncIteration; asend of a value other than None to one that has not
 * started is a TypeError; athrow into one that has not started finishes it
 * and raises at once, into a finished one gives None, and one that ends
 * after it raises StopAsyncIteration as anext does; aclose throws
 * GeneratorExit and is satisfied by GeneratorExit or StopAsyncIteration
 * leaving the frame, while another yield is "async generator ignored
 * GeneratorExit"; StopAsyncIteration or StopIteration escaping the body
 * becomes a RuntimeError.
 *
 * Hooks: the loop's firstiter hook lists a generator when it starts (here:
 * GEN_LISTED, in start order; CPython keeps a WeakSet), and its finalizer
 * hook runs `call_soon(create_task, agen.aclose())` when the last
 * reference to an unfinished one goes, so its finally blocks run two hops
 * later in a task of their own.  asyncio.run's shutdown_asyncgens closes
 * the ones still listed.
 */
#include "rt_internal.h"
#include "rt_sched.h"

#include <stdio.h>
#include <string.h>

const ac_class ac_cls_StopAsyncIteration = {"StopAsyncIteration", &ac_cls_Exception};

static ac_val *mailbox(ac_gen *g) { return AC_GEN_FRAME(g, ac_val); }

/* ---- the generators a loop has seen start ------------------------------- */

static ac_gen **listed;
static uint32_t nlisted, caplisted;

static void list_add(ac_gen *g) {
    if (!rt_cur_loop) return;
    if (nlisted == caplisted) {
        caplisted = caplisted ? caplisted * 2 : 8;
        listed = rt_realloc(listed, caplisted * sizeof *listed);
    }
    listed[nlisted++] = g;
    g->flags |= GEN_LISTED;
}

static void list_remove(ac_gen *g) {
    uint32_t i;
    if (!(g->flags & GEN_LISTED)) return;
    g->flags &= ~(uint32_t)GEN_LISTED;
    for (i = 0; i < nlisted; i++)
        if (listed[i] == g) {
            memmove(&listed[i], &listed[i + 1], (nlisted - i - 1) * sizeof *listed);
            nlisted--;
            return;
        }
}

ac_gen *ac_agen_new(const ac_coro_vt *vt, const ac_type *yt) {
    ac_gen *g = ac_gen_new(vt, yt);
    g->flags = GEN_ASYNC;
    return g;
}

static const char *op_name(int op) {
    switch (op) {
    case AC_AOP_THROW: return "athrow";
    case AC_AOP_CLOSE: return "aclose";
    default: return "anext";
    }
}

static void finish(ac_gen *g) {
    g->flags = (g->flags & (GEN_ASYNC | GEN_LISTED)) | GEN_STARTED | GEN_DONE;
    list_remove(g);
}

static void renamed(const char *msg) {
    ac_exc *inner = ac_take_err();
    ac_raise_msg(&ac_cls_RuntimeError, msg);
    ac_exc_chain(inner);
    ac_decref(inner);
}

/* One resume of the frame for the operation under way. */
static ac_status run(ac_gen *g, ac_val *out) {
    int op = (int)(g->flags >> GEN_OP_SHIFT);
    g->flags |= GEN_RUNNING;
    ac_status st = g->vt->resume(mailbox(g));
    g->flags &= ~(uint32_t)GEN_RUNNING;
    if (st == AC_SUSPEND || st == AC_YIELD) return st;
    g->flags &= ~(uint32_t)(GEN_AWAITING | (0xffu << GEN_OP_SHIFT));
    if (st == AC_ITEM) {
        if (op != AC_AOP_CLOSE) {
            *out = *mailbox(g);
            return AC_ITEM;
        }
        ac_val_decref(*mailbox(g), g->yt);
        ac_raise_msg(&ac_cls_RuntimeError, "async generator ignored GeneratorExit");
        return AC_ERROR;
    }
    finish(g);
    if (st == AC_DONE) {
        if (op == AC_AOP_FOR || op == AC_AOP_CLOSE) return AC_DONE;
        ac_raise(ac_exc_new(&ac_cls_StopAsyncIteration, NULL));
        return AC_ERROR;
    }
    if (op == AC_AOP_CLOSE &&
        (ac_exc_matches(ac_err, &ac_cls_GeneratorExit) || ac_exc_matches(ac_err, &ac_cls_StopAsyncIteration))) {
        ac_decref(ac_take_err());
        return AC_DONE;
    }
    if (ac_exc_matches(ac_err, &ac_cls_StopAsyncIteration))
        renamed("async generator raised StopAsyncIteration");
    else if (ac_exc_matches(ac_err, &ac_cls_StopIteration))
        renamed("async generator raised StopIteration");
    return AC_ERROR;
}

static ac_status refuse(ac_obj *sent, ac_exc *thrown, ac_exc *raise) {
    ac_decref(sent);
    if (thrown) ac_decref(thrown);
    if (raise) ac_raise(raise);
    return raise ? AC_ERROR : AC_DONE;
}

ac_status ac_agen_begin(ac_gen *g, int op, ac_obj *sent, ac_exc *thrown, ac_val *out) {
    if (g->flags & GEN_AWAITING) {
        ac_decref(sent);
        if (thrown) ac_decref(thrown);
        ac_raise_msg(&ac_cls_RuntimeError, "%s(): asynchronous generator is already running", op_name(op));
        return AC_ERROR;
    }
    if (g->flags & GEN_DONE) {
        if (op == AC_AOP_NEXT || op == AC_AOP_SEND)
            return refuse(sent, thrown, ac_exc_new(&ac_cls_StopAsyncIteration, NULL));
        return refuse(sent, thrown, NULL);
    }
    if (!(g->flags & GEN_STARTED)) {
        if (op == AC_AOP_CLOSE || op == AC_AOP_THROW) {
            finish(g);
            if (g->vt->drop) g->vt->drop(mailbox(g));
            ac_decref(sent);
            if (!thrown) return AC_DONE;
            if (op == AC_AOP_CLOSE) { /* GeneratorExit into a fresh one: it just ends */
                ac_decref(thrown);
                return AC_DONE;
            }
            ac_raise(thrown);
            return AC_ERROR;
        }
        if (sent != &ac_None) {
            refuse(sent, thrown, NULL);
            ac_raise_msg(&ac_cls_TypeError, "can't send non-None value to a just-started async generator");
            return AC_ERROR;
        }
        list_add(g);
    }
    g->flags |= GEN_STARTED | GEN_AWAITING | ((uint32_t)op << GEN_OP_SHIFT);
    mailbox(g)->p = sent;
    if (thrown) ac_raise(thrown);
    return run(g, out);
}

ac_status ac_agen_again(ac_gen *g, ac_val *out) { return run(g, out); }

/* ---- aclose() as a task: the finalizer hook and shutdown_asyncgens ------- */

struct aclose_frame {
    ac_val ret;
    uint8_t state;
    ac_gen *g;
};

static ac_status aclose_resume(void *frame) {
    struct aclose_frame *f = frame;
    ac_val out;
    ac_status st;
    if (f->state == 0) {
        f->state = 1;
        st = ac_agen_begin(f->g, AC_AOP_CLOSE, &ac_None, ac_exc_new(&ac_cls_GeneratorExit, NULL), &out);
    } else if (f->state == 1) {
        st = ac_agen_again(f->g, &out);
    } else {
        return AC_DONE;
    }
    if (st == AC_SUSPEND || st == AC_YIELD) return st;
    f->state = 2;
    ac_decref(f->g);
    f->g = NULL;
    return st;
}

static void aclose_drop(void *frame) {
    struct aclose_frame *f = frame;
    if (f->g) ac_decref(f->g);
    f->g = NULL;
}

static const ac_coro_vt aclose_vt = {aclose_resume, aclose_drop, "aclose", &ac_t_none, sizeof(struct aclose_frame),
                                     NULL};

/* steals g */
static ac_task *aclose_coro(ac_gen *g) {
    ac_task *c = ac_coro_new(&aclose_vt);
    AC_TASK_FRAME(c, struct aclose_frame)->g = g;
    return c;
}

static void start_aclose(ac_obj *env, ac_tuple *args) {
    (void)args;
    ac_incref(env);
    ac_decref(ac_create_task((ac_task *)env));
}

int rt_agen_finalize(ac_gen *g) {
    list_remove(g);
    if ((g->flags & (GEN_STARTED | GEN_DONE | GEN_AWAITING)) != GEN_STARTED) return 0;
    if (!rt_cur_loop || rt_cur_loop->closing) return 0;
    g->h.rc = 1; /* aclose() holds it now */
    ac_task *c = aclose_coro(g);
    ac_sync *h = ac_loop_call_soon(NULL, start_aclose, (ac_obj *)c, NULL, "create_task");
    ac_decref(h);
    ac_decref(c);
    return 1;
}

void rt_agen_shutdown(void) {
    uint32_t n = nlisted, i;
    ac_task **tasks;
    if (!n || !rt_cur_loop) return;
    tasks = rt_malloc(n * sizeof *tasks);
    for (i = 0; i < n; i++) {
        ac_gen *g = listed[0];
        list_remove(g);
        ac_incref(g);
        tasks[i] = ac_create_task(aclose_coro(g));
    }
    for (;;) {
        int all = 1;
        for (i = 0; i < n; i++)
            if (!ac_task_done(tasks[i])) all = 0;
        if (all || !rt_run_once(rt_cur_loop, 0)) break;
    }
    for (i = 0; i < n; i++) {
        ac_task *t = tasks[i];
        if (ac_task_done(t) && !ac_task_cancelled(t)) {
            ac_exc *e = ac_task_exception(t);
            if (e) {
                ac_flush();
                fputs("an error occurred during closing of asynchronous generator\n", stderr);
                ac_report_uncaught(e);
                ac_decref(e);
            }
        }
        ac_decref(t);
    }
    rt_free(tasks);
}
