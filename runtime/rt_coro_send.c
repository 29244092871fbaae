/*
 * rt_coro_send.c -- an async def's coroutine object driven by hand, as the
 * "build your own event loop" programs drive one: coro.send(None) runs it
 * to its next bare yield (`await asyncio.sleep(0)`, which is what such a
 * yield is in CPython too) and returns None; when it returns, send() raises
 * StopIteration carrying the result; throw() raises an exception at the
 * yield it stopped at; close() throws GeneratorExit.  CPython's messages:
 * "cannot reuse already awaited coroutine", "can't send non-None value to a
 * just-started coroutine", "coroutine ignored GeneratorExit".  A coroutine
 * that waits on something only the event loop finishes (a timer, a task)
 * cannot be driven this way: RuntimeError.
 */
#include "rt_internal.h"
#include "rt_sched.h"

static const ac_type obj1_elem = {AC_K_OBJECT, 0, NULL};
static const ac_type *const obj1_elems[] = {&obj1_elem};
static const ac_type tuple_obj1 = {AC_K_TUPLE, 1, obj1_elems};

/* One resume with ac_err already holding a thrown exception, or not. */
static ac_status step(ac_task *t) {
    if (t->flags & TF_TASK) {
        ac_raise_msg(&ac_cls_RuntimeError, "coroutine is already running as a task");
        return AC_ERROR;
    }
    t->flags &= ~(uint32_t)TF_FRESH;
    ac_status st = t->vt->resume(FRAME(t));
    if (st == AC_YIELD) return st;
    if (st == AC_SUSPEND) {
        /* waiting on a record only the loop can complete: give it up */
        if (t->vt->drop) t->vt->drop(FRAME(t));
        t->flags |= TF_DONE | TF_NORET;
        ac_raise_msg(&ac_cls_RuntimeError,
                     "%s() awaited something only an event loop can finish; "
                     "a coroutine driven by send() can only yield with asyncio.sleep(0)",
                     t->vt->name);
        return AC_ERROR;
    }
    t->flags |= TF_DONE | TF_NORET; /* the result leaves with StopIteration */
    return st;
}

static ac_obj *after(ac_task *t, ac_status st) {
    if (st == AC_YIELD) return &ac_None;
    if (st == AC_DONE) {
        ac_tuple *args = NULL;
        if (t->vt->ret->kind != AC_K_NONE) {
            ac_val v;
            v.p = ac_obj_from(FRET(t), t->vt->ret);
            args = ac_tuple_new(&tuple_obj1, &v);
        }
        ac_raise(ac_exc_new(&ac_cls_StopIteration, args));
    }
    return NULL;
}

static int finished(ac_task *t) {
    if (!(t->flags & TF_DONE)) return 0;
    ac_raise_msg(&ac_cls_RuntimeError, "cannot reuse already awaited coroutine");
    return 1;
}

ac_obj *ac_coro_send(ac_task *t, ac_obj *v) {
    if (finished(t)) {
        ac_decref(v);
        return NULL;
    }
    if ((t->flags & TF_FRESH) && v != &ac_None) {
        ac_decref(v);
        ac_raise_msg(&ac_cls_TypeError, "can't send non-None value to a just-started coroutine");
        return NULL;
    }
    ac_decref(v); /* a bare yield receives nothing */
    return after(t, step(t));
}

ac_obj *ac_coro_throw(ac_task *t, ac_exc *e) {
    if (finished(t)) {
        ac_decref(e);
        return NULL;
    }
    if (t->flags & TF_FRESH) {
        /* thrown before it started: it ends without running */
        if (t->vt->drop) t->vt->drop(FRAME(t));
        t->flags |= TF_DONE | TF_NORET;
        ac_raise(e);
        return NULL;
    }
    ac_raise(e);
    return after(t, step(t));
}

void ac_coro_close(ac_task *t) {
    if (t->flags & TF_DONE) return;
    if (t->flags & TF_FRESH) {
        if (t->vt->drop) t->vt->drop(FRAME(t));
        t->flags |= TF_DONE | TF_NORET;
        return;
    }
    ac_raise(ac_exc_new(&ac_cls_GeneratorExit, NULL));
    ac_status st = step(t);
    if (st == AC_YIELD) {
        ac_raise_msg(&ac_cls_RuntimeError, "coroutine ignored GeneratorExit");
    } else if (st == AC_DONE) {
        ac_val_decref(FRET(t), t->vt->ret);
    } else if (ac_exc_matches(ac_err, &ac_cls_GeneratorExit) || ac_exc_matches(ac_err, &ac_cls_StopIteration)) {
        ac_decref(ac_take_err());
    }
}
