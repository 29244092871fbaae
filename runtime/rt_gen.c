/*
 * rt_gen.c -- generator objects: next/send/throw/close over a frame the
 * compiler laid out as an async def's (asyncc_rt.h, "Generators"), yield
 * from, iter() of a list, and StopIteration's value.
 *
 * The rules are CPython's (Objects/genobject.c): a finished generator
 * raises StopIteration on every later next(); send() of a value other than
 * None to a generator that has not started is a TypeError; throw() into
 * one that has not started finishes it and raises at once; close() throws
 * GeneratorExit and is satisfied by GeneratorExit or StopIteration leaving
 * the frame, while another yield is "generator ignored GeneratorExit"; a
 * StopIteration escaping the body becomes "generator raised StopIteration";
 * a generator that is running refuses to be resumed ("generator already
 * executing").  Dropping the last reference to a suspended generator
 * closes it, so its finally blocks run (a for loop left by break).
 */
#include "rt_internal.h"

#include <stdio.h>
#include <string.h>

#define CLS(name, base) const ac_class ac_cls_##name = AC_CLASS(#name, base)
CLS(StopIteration, &ac_cls_Exception);
CLS(GeneratorExit, &ac_cls_BaseException);


/* The mailbox at the start of every frame. */
static ac_val *mailbox(ac_gen *g) { return AC_GEN_FRAME(g, ac_val); }

static const ac_type obj1_elems0 = {AC_K_OBJECT, 0, NULL};
static const ac_type *const obj1_elems[] = {&obj1_elems0};
static const ac_type tuple_obj1 = {AC_K_TUPLE, 1, obj1_elems};

static void gen_free(ac_obj *o);

ac_gen *ac_gen_new(const ac_coro_vt *vt, const ac_type *yt) {
    rt_obj_free[AC_K_GEN] = gen_free;
    ac_gen *g = rt_malloc(sizeof *g + vt->frame_size);
    memset(g, 0, sizeof *g + vt->frame_size);
    g->h.rc = 1;
    g->h.kind = AC_K_GEN;
    g->vt = vt;
    g->yt = yt;
    return g;
}

/* What a finished frame leaves in its mailbox is the return value. */
static void discard_result(ac_gen *g) {
    if (g->vt->ret->kind != AC_K_NONE) ac_val_decref(*mailbox(g), g->vt->ret);
}

static void finish_unstarted(ac_gen *g) {
    g->flags |= GEN_DONE;
    if (g->vt->drop) g->vt->drop(mailbox(g));
}

/* One resume with `sent` (owned) in the mailbox and, for throw(), the
 * exception already in ac_err. */
static ac_status run(ac_gen *g, ac_obj *sent) {
    if (g->flags & GEN_RUNNING) {
        ac_decref(sent);
        ac_raise_msg(&ac_cls_ValueError, "generator already executing");
        return AC_ERROR;
    }
    mailbox(g)->p = sent;
    g->flags |= GEN_STARTED | GEN_RUNNING;
    ac_status st = g->vt->resume(mailbox(g));
    g->flags &= ~(uint32_t)GEN_RUNNING;
    if (st == AC_PAUSE) { /* a bare yield: None, which the frame did not store */
        mailbox(g)->p = &ac_None;
        return AC_YIELD;
    }
    if (st == AC_YIELD) return st;
    g->flags |= GEN_DONE;
    if (st == AC_ERROR && ac_exc_matches(ac_err, &ac_cls_StopIteration)) {
        ac_exc *inner = ac_take_err();
        ac_raise_msg(&ac_cls_RuntimeError, "generator raised StopIteration");
        ac_exc_chain(inner);
        ac_decref(inner);
    }
    return st;
}

/* A resume as send() or throw() makes it, with CPython's rules for a
 * generator that has not started or has finished.  `thrown` is owned. */
static ac_status resume_with(ac_gen *g, ac_obj *sent, ac_exc *thrown) {
    if (thrown) {
        ac_decref(sent);
        if (!(g->flags & GEN_STARTED) && !(g->flags & GEN_DONE)) finish_unstarted(g);
        ac_raise(thrown);
        if (g->flags & GEN_DONE) return AC_ERROR;
        return run(g, &ac_None);
    }
    if (AC_UNLIKELY(ac_err != NULL)) {
        /* raised before the call (a MemoryError while making `sent`): the
         * generator is not resumed, as in CPython */
        ac_decref(sent);
        return AC_ERROR;
    }
    if (g->flags & GEN_DONE) {
        ac_decref(sent);
        return AC_DONE;
    }
    if (!(g->flags & GEN_STARTED) && sent != &ac_None) {
        ac_decref(sent);
        ac_raise_msg(&ac_cls_TypeError, "can't send non-None value to a just-started generator");
        return AC_ERROR;
    }
    return run(g, sent);
}

int ac_gen_next(ac_gen *g, ac_val *out) {
    if (AC_UNLIKELY(ac_err != NULL)) return -1; /* as resume_with() */
    if (g->flags & GEN_DONE) return 0;
    ac_status st = run(g, &ac_None);
    if (st == AC_YIELD) {
        *out = *mailbox(g);
        return 1;
    }
    if (st == AC_DONE) {
        discard_result(g);
        return 0;
    }
    return -1;
}

static void raise_stop(ac_gen *g, int fresh) {
    ac_tuple *args = NULL;
    if (fresh && g->vt->ret->kind != AC_K_NONE) {
        ac_val v;
        v.p = ac_obj_from(*mailbox(g), g->vt->ret);
        args = ac_tuple_new(&tuple_obj1, &v);
    }
    ac_raise(ac_exc_new(&ac_cls_StopIteration, args));
}

/* The value a send()/throw() hands back, or StopIteration when it ends. */
static ac_val outcome(ac_gen *g, ac_status st, int was_done) {
    ac_val none;
    none.p = NULL;
    if (st == AC_YIELD) return *mailbox(g);
    if (st == AC_DONE) raise_stop(g, !was_done);
    return none;
}

ac_val ac_gen_send(ac_gen *g, ac_obj *v) {
    int was_done = (g->flags & GEN_DONE) != 0;
    return outcome(g, resume_with(g, v, NULL), was_done);
}

ac_val ac_gen_throw(ac_gen *g, ac_exc *e) {
    int was_done = (g->flags & GEN_DONE) != 0;
    return outcome(g, resume_with(g, &ac_None, e), was_done);
}

ac_val ac_gen_next_default(ac_gen *g, ac_val dflt, const ac_type *t) {
    ac_val out;
    int r = ac_gen_next(g, &out);
    if (r == 1) return out;
    if (r == 0) {
        ac_val_incref(dflt, t);
        return dflt;
    }
    out.p = NULL;
    return out;
}

void ac_gen_close(ac_gen *g) {
    if (g->flags & GEN_DONE) return;
    if (!(g->flags & GEN_STARTED)) {
        finish_unstarted(g);
        return;
    }
    ac_raise(ac_exc_new(&ac_cls_GeneratorExit, NULL));
    ac_status st = run(g, &ac_None);
    if (st == AC_YIELD) {
        ac_val_decref(*mailbox(g), g->yt);
        ac_raise_msg(&ac_cls_RuntimeError, "generator ignored GeneratorExit");
    } else if (st == AC_DONE) {
        discard_result(g);
    } else if (ac_exc_matches(ac_err, &ac_cls_GeneratorExit) || ac_exc_matches(ac_err, &ac_cls_StopIteration)) {
        ac_decref(ac_take_err());
    }
}

/* The last reference went: close a suspended generator (its finally
 * blocks run), keeping whatever error is on its way meanwhile. */
static void gen_free(ac_obj *o) {
    ac_gen *g = (ac_gen *)o;
    if ((g->flags & GEN_ASYNC) && rt_agen_finalize(g)) return;
    if ((g->flags & (GEN_STARTED | GEN_DONE | GEN_ASYNC)) == GEN_STARTED) {
        ac_exc *pending = ac_take_err();
        g->h.rc = 1; /* alive while its frame runs */
        ac_gen_close(g);
        if (ac_err) {
            /* CPython's unraisable hook: reported, then forgotten */
            ac_exc *e = ac_take_err();
            ac_flush();
            fprintf(stderr, "Exception ignored in: <generator object %s at %p>\n", g->vt->name, (void *)g);
            ac_report_uncaught(e);
            ac_decref(e);
        }
        if (pending) ac_raise(pending);
    }
    if (!(g->flags & GEN_DONE) && g->vt->drop) g->vt->drop(mailbox(g));
    rt_free(g);
}

ac_list *ac_gen_to_list(ac_gen *g, const ac_type *elem) {
    ac_list *l = ac_list_new(elem, 0, NULL);
    ac_val v;
    int r;
    while ((r = ac_gen_next(g, &v)) == 1) ac_list_append(l, v);
    if (r < 0) {
        ac_decref(l);
        return NULL;
    }
    return l;
}

ac_status ac_gen_delegate(ac_gen *sub, ac_val *io) {
    ac_obj *sent = io->p;
    ac_status st;
    if (ac_err != NULL) {
        ac_exc *e = ac_take_err();
        ac_decref(sent);
        if (ac_exc_matches(e, &ac_cls_GeneratorExit)) {
            /* the delegating generator is being closed: close the
             * subgenerator first, then let GeneratorExit go on */
            ac_gen_close(sub);
            if (ac_err)
                ac_decref(e);
            else
                ac_raise(e);
            return AC_ERROR;
        }
        st = resume_with(sub, &ac_None, e);
    } else {
        int was_done = (sub->flags & GEN_DONE) != 0;
        st = resume_with(sub, sent, NULL);
        if (st == AC_DONE && was_done) {
            /* an exhausted subgenerator: yield from gives None */
            if (sub->vt->ret->kind == AC_K_OBJECT)
                io->p = &ac_None;
            else
                io->i = 0;
            return AC_DONE;
        }
    }
    if (st != AC_ERROR) *io = *mailbox(sub);
    return st;
}

/* ---- iter(list): a generator whose frame walks the list ---------------- */

struct list_iter_frame {
    ac_val ret;
    uint8_t state;
    ac_list *l;
    int64_t i;
};

static ac_status list_iter_resume(void *frame) {
    struct list_iter_frame *f = frame;
    if (ac_err != NULL || f->i >= f->l->len) { /* thrown into, or at its end */
        ac_decref(f->l);                       /* a finished frame holds nothing */
        return ac_err != NULL ? AC_ERROR : AC_DONE;
    }
    f->ret = f->l->items[f->i++];
    ac_val_incref(f->ret, f->l->elem);
    return AC_YIELD;
}

static void list_iter_drop(void *frame) {
    struct list_iter_frame *f = frame;
    ac_decref(f->l);
}

static const ac_coro_vt list_iter_vt = {
    list_iter_resume, list_iter_drop, "list_iterator", &ac_t_none, sizeof(struct list_iter_frame), NULL};

ac_gen *ac_list_iter(ac_list *l) {
    ac_gen *g = ac_gen_new(&list_iter_vt, l->elem);
    ac_incref(l);
    AC_GEN_FRAME(g, struct list_iter_frame)->l = l;
    return g;
}

/* ---- an iterator object: its __next__ until StopIteration --------------- */

struct obj_iter_frame {
    ac_val ret;
    uint8_t state;
    void *it;
    ac_val (*next)(void *it);
};

static ac_status obj_iter_resume(void *frame) {
    struct obj_iter_frame *f = frame;
    if (ac_err == NULL) {
        f->ret = f->next(f->it);
        if (ac_err == NULL) return AC_YIELD;
        if (ac_exc_matches(ac_err, &ac_cls_StopIteration)) ac_decref(ac_take_err()); /* the end */
    }
    ac_decref(f->it); /* a finished frame holds nothing */
    return ac_err != NULL ? AC_ERROR : AC_DONE;
}

static void obj_iter_drop(void *frame) {
    struct obj_iter_frame *f = frame;
    ac_decref(f->it);
}

static const ac_coro_vt obj_iter_vt = {
    obj_iter_resume, obj_iter_drop, "iterator", &ac_t_none, sizeof(struct obj_iter_frame), NULL};

ac_gen *ac_obj_iter(void *it, ac_val (*next)(void *it), const ac_type *yt) {
    ac_gen *g = ac_gen_new(&obj_iter_vt, yt);
    ac_incref(it);
    AC_GEN_FRAME(g, struct obj_iter_frame)->it = it;
    AC_GEN_FRAME(g, struct obj_iter_frame)->next = next;
    return g;
}

ac_gen *ac_gen_iter(ac_gen *g) {
    ac_incref(g);
    return g;
}

ac_obj *ac_exc_value(const ac_exc *e) {
    if (!e->args || e->args->type->n == 0) return &ac_None;
    ac_val v = e->args->items[0];
    const ac_type *t = e->args->type->elems[0];
    ac_val_incref(v, t);
    return ac_obj_from(v, t);
}

/* ---- for drivers of generators (rt_tinyio.c) ----------------------------- */

ac_status rt_gen_finish_fast(ac_gen *g, ac_status st, ac_val *out) {
    g->flags = GEN_STARTED | GEN_DONE;
    if (st == AC_DONE) {
        *out = *mailbox(g);
        return st;
    }
    if (ac_exc_matches(ac_err, &ac_cls_StopIteration)) {
        ac_exc *inner = ac_take_err();
        ac_raise_msg(&ac_cls_RuntimeError, "generator raised StopIteration");
        ac_exc_chain(inner);
        ac_decref(inner);
    }
    return st;
}

ac_status ac_gen_resume(ac_gen *g, ac_obj *sent, ac_exc *thrown, ac_val *out) {
    if (!thrown) {
        ac_status st = rt_gen_send_fast(g, sent, out);
        if (st != AC_SUSPEND) return st;
    }
    if (g->flags & GEN_DONE) { /* finished before: nothing in the mailbox */
        ac_decref(sent);
        if (!thrown) return AC_SUSPEND;
        ac_raise(thrown);
        return AC_ERROR;
    }
    ac_status st = resume_with(g, sent, thrown);
    if (st != AC_ERROR) *out = *mailbox(g);
    return st;
}

int ac_gen_started(const ac_gen *g) { return (g->flags & (GEN_STARTED | GEN_DONE)) != 0; }

int ac_gen_finished(const ac_gen *g) { return (g->flags & GEN_DONE) != 0; }
