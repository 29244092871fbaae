/*
 * rt_taskgroup.c -- asyncio.TaskGroup (3.11, taskgroups.py) and the
 * exception groups it raises.
 *
 * The parser lowers `async with asyncio.TaskGroup() as tg:` to
 *     tg.__aenter__(); try: body
 *     except BaseException as err: await tg.__aexit__(err); raise
 *     finally: if the body did not raise: await tg.__aexit__(None)
 * Each child gets a done-callback (a W_TGNODE record, in registration
 * order among the child's other callbacks) that is CPython's
 * _on_task_done: the first error cancels the other children and the
 * parent task (once), and the last child to end sets the future
 * __aexit__ waits on (its record, W_TGEXIT: the parent steps two hops
 * after the last child ends).  __aexit__ then raises, in CPython's order:
 * a SystemExit/KeyboardInterrupt of a child or of the body, the
 * CancelledError that cancelled the parent from outside, or a
 * BaseExceptionGroup('unhandled errors in a TaskGroup', errors), which is
 * an ExceptionGroup when every error is an Exception.
 *
 * Difference: _abort cancels the children in creation order (CPython
 * walks a set of tasks).
 */
#include <string.h>
#include "rt_sched.h"

const ac_class ac_cls_BaseExceptionGroup = AC_CLASS("BaseExceptionGroup", &ac_cls_BaseException);
const ac_class ac_cls_ExceptionGroup = AC_CLASS("ExceptionGroup", &ac_cls_BaseExceptionGroup);

typedef struct rt_tg {
    ac_task *parent;      /* owned, once entered */
    ac_task **tasks;      /* the children not done yet, owned, in creation order */
    int64_t ntasks, cap;
    ac_list *errors;      /* list of exceptions, created on the first */
    ac_exc *base_error;   /* owned */
    ac_exc *propagate;    /* propagate_cancellation_error, owned */
    ac_exc *exit_exc;     /* what __aexit__ was called with, owned */
    ac_wait *waiter;      /* __aexit__'s record while it waits (on_completed_fut) */
    uint8_t entered, exiting, aborting, parent_cancel_requested;
} rt_tg;

#define exc_list_elem ac_t_exc
/* the args of a group: (str, list[BaseException]) */
static const ac_type *const exc_list_elems[1] = {&ac_t_exc};
static const ac_type exc_list_t = {AC_K_LIST, 1, exc_list_elems};
static const ac_type *const group_args_elems[2] = {&ac_t_str, &exc_list_t};
static const ac_type group_args_t = {AC_K_TUPLE, 2, group_args_elems};
/* the group `except*` wraps a naked exception in: (str, (e,)) */
static const ac_type *const exc_tuple1_elems[1] = {&ac_t_exc};
static const ac_type exc_tuple1_t = {AC_K_TUPLE, 1, exc_tuple1_elems};
static const ac_type *const naked_args_elems[2] = {&ac_t_str, &exc_tuple1_t};
static const ac_type naked_args_t = {AC_K_TUPLE, 2, naked_args_elems};

static int is_group(const ac_exc *e) {
    return ac_exc_matches(e, &ac_cls_BaseExceptionGroup) &&
           (e->args->type == &group_args_t || e->args->type == &naked_args_t);
}

/* a group's sub-exceptions: a list, or the one of a wrapped naked exception */
static int64_t sub_count(const ac_exc *g) {
    return g->args->type == &naked_args_t ? 1 : ((const ac_list *)g->args->items[1].p)->len;
}

static ac_exc *sub_at(const ac_exc *g, int64_t i) {
    if (g->args->type == &naked_args_t) return ((const ac_tuple *)g->args->items[1].p)->items[0].p;
    return ((const ac_list *)g->args->items[1].p)->items[i].p;
}

static void tg_fini(void *p) {
    rt_tg *g = p;
    int64_t i;
    for (i = 0; i < g->ntasks; i++) ac_decref(g->tasks[i]);
    rt_sched_free(g->tasks);
    ac_decref(g->parent);
    ac_decref(g->errors);
    ac_decref(g->base_error);
    ac_decref(g->propagate);
    ac_decref(g->exit_exc);
    rt_sched_free(g);
}

static void tg_repr(rt_buf *b, const void *ext);

ac_sync *ac_taskgroup_new(void) {
    rt_tg *g = rt_sched_alloc(sizeof *g);
    memset(g, 0, sizeof *g);
    return rt_sync_ext_new(g, tg_fini, tg_repr);
}

static rt_tg *tg_of(ac_sync *s) { return rt_sync_ext(s); }

void ac_taskgroup_aenter(ac_sync *s) {
    rt_tg *g = tg_of(s);
    ac_task *cur;
    if (g->entered) {
        ac_raise_msg(&ac_cls_RuntimeError, "TaskGroup <TaskGroup entered> has been already entered");
        return;
    }
    cur = rt_current_or_die();
    if (!cur) return;
    g->entered = 1;
    ac_incref(cur);
    g->parent = cur;
}

static int is_base_error(const ac_exc *e) {
    return ac_exc_matches(e, &ac_cls_SystemExit) || ac_exc_matches(e, &ac_cls_KeyboardInterrupt);
}

static void tg_abort(rt_tg *g) {
    int64_t i;
    g->aborting = 1;
    for (i = 0; i < g->ntasks; i++)
        if (!(g->tasks[i]->flags & TF_DONE)) ac_task_cancel(g->tasks[i]);
}

static void tg_discard(rt_tg *g, ac_task *t) {
    int64_t i;
    for (i = 0; i < g->ntasks; i++)
        if (g->tasks[i] == t) {
            memmove(&g->tasks[i], &g->tasks[i + 1], (size_t)(g->ntasks - i - 1) * sizeof *g->tasks);
            g->ntasks--;
            ac_decref(t);
            return;
        }
}

/* _on_task_done */
static void node_done(rt_loop *L, ac_wait *node) {
    ac_sync *s = node->owner;
    rt_tg *g = tg_of(s);
    ac_task *t = node->obj;
    ac_exc *e;
    rt_rec_free(node);
    ac_incref(t);
    tg_discard(g, t);
    if (g->waiter && !g->ntasks && !(g->waiter->bits & B_RELEASED)) {
        g->waiter->bits |= B_RELEASED;
        g->waiter->st = ST_READY;
        wake(L, g->waiter->owner);
    }
    if ((t->flags & TF_CANCELLED) || !(t->flags & TF_FAILED)) goto out;
    t->flags |= TF_RETRIEVED; /* task.exception() */
    e = FRET(t).p;
    if (!g->errors) g->errors = ac_list_new(&exc_list_elem, 0, NULL);
    ac_incref(e);
    ac_list_append(g->errors, ac_ptr_val(e));
    if (is_base_error(e) && !g->base_error) {
        ac_incref(e);
        g->base_error = e;
    }
    if (g->parent->flags & TF_DONE) {
        rt_report_unretrieved(t, e, "Task has errored out but its parent task is already completed", "task");
        goto out;
    }
    if (!g->aborting && !g->parent_cancel_requested) {
        tg_abort(g);
        g->parent_cancel_requested = 1;
        ac_task_cancel(g->parent);
    }
out:
    ac_decref(t);
    ac_decref(s); /* the node's reference */
}

static void node_closing(rt_loop *L, ac_wait *node) {
    ac_sync *s = node->owner;
    (void)L;
    tg_discard(tg_of(s), node->obj);
    rt_rec_free(node);
    ac_decref(s);
}

ac_task *ac_taskgroup_create_task(ac_sync *s, ac_task *coro, ac_str *name) {
    rt_tg *g = tg_of(s);
    ac_task *t;
    ac_wait *node;
    const char *why = !g->entered                  ? "has not been entered"
                      : g->exiting && !g->ntasks   ? "is finished"
                      : g->aborting                ? "is shutting down"
                                                   : NULL;
    if (why) {
        ac_decref(coro);
        ac_raise_msg(&ac_cls_RuntimeError, "TaskGroup <TaskGroup%s> %s", g->entered ? " entered" : "", why);
        return NULL;
    }
    t = ac_create_task_named(coro, name);
    node = rt_rec_new(W_TGNODE, s);
    ac_incref(s);
    node->obj = t;
    rt_waiter_append(t, node);
    if (g->ntasks == g->cap) {
        g->cap = g->cap ? g->cap * 2 : 8;
        g->tasks = rt_sched_realloc(g->tasks, (size_t)g->cap * sizeof *g->tasks);
    }
    ac_incref(t);
    g->tasks[g->ntasks++] = t;
    return t;
}

/* BaseExceptionGroup(msg, errors): an ExceptionGroup when all are Exceptions */
static ac_exc *group_of(ac_list *errors) {
    const ac_class *cls = &ac_cls_ExceptionGroup;
    ac_val args[2];
    int64_t i;
    for (i = 0; i < errors->len; i++)
        if (!ac_exc_matches(errors->items[i].p, &ac_cls_Exception)) cls = &ac_cls_BaseExceptionGroup;
    args[0].p = ac_str_from_cstr("unhandled errors in a TaskGroup");
    ac_incref(errors);
    args[1].p = errors;
    return ac_exc_new(cls, ac_tuple_new(&group_args_t, args));
}

/* the end of __aexit__ once no child is left */
static ac_status aexit_finish(rt_tg *g, ac_wait *w) {
    ac_exc *e;
    g->waiter = NULL;
    if (w) rt_wait_idle(w);
    if (g->base_error) {
        ac_incref(g->base_error);
        ac_raise(g->base_error);
        return AC_ERROR;
    }
    if (g->propagate && (!g->errors || !g->errors->len)) {
        ac_incref(g->propagate);
        ac_raise(g->propagate);
        return AC_ERROR;
    }
    e = g->exit_exc;
    if (e && e->cls != &ac_cls_CancelledError) {
        if (!g->errors) g->errors = ac_list_new(&exc_list_elem, 0, NULL);
        ac_incref(e);
        ac_list_append(g->errors, ac_ptr_val(e));
    }
    if (g->errors && g->errors->len) {
        ac_list *errors = g->errors;
        g->errors = NULL;
        ac_raise(group_of(errors));
        ac_decref(errors);
        return AC_ERROR;
    }
    return AC_DONE;
}

/* wait for the children: on_completed_fut is the record */
static ac_status aexit_wait(ac_sync *s, rt_tg *g, ac_wait *w, ac_task *cur) {
    memset(w, 0, sizeof *w);
    w->kind = W_TGEXIT;
    w->obj = s;
    ac_incref(s);
    w->owner = cur;
    g->waiter = w;
    set_leaf(cur, w);
    return AC_SUSPEND;
}

ac_status ac_taskgroup_aexit_begin(ac_wait *w, ac_sync *s, ac_exc *exc) {
    rt_tg *g = tg_of(s);
    ac_task *cur = rt_current_or_die();
    if (!cur) return AC_ERROR;
    g->exiting = 1;
    ac_incref(exc);
    ac_decref(g->exit_exc);
    g->exit_exc = exc;
    if (exc && is_base_error(exc) && !g->base_error) {
        ac_incref(exc);
        g->base_error = exc;
    }
    if (exc && exc->cls == &ac_cls_CancelledError) {
        ac_incref(exc);
        g->propagate = exc;
    }
    if (g->parent_cancel_requested && ac_task_uncancel(g->parent) == 0) {
        ac_decref(g->propagate);
        g->propagate = NULL;
    }
    if (exc && !g->aborting) tg_abort(g);
    memset(w, 0, sizeof *w);
    if (g->ntasks) return aexit_wait(s, g, w, cur);
    return aexit_finish(g, NULL);
}

static ac_status tgexit_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    ac_sync *s = w->obj;
    rt_tg *g = tg_of(s);
    (void)L;
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) { /* except CancelledError as ex */
        if (!g->aborting) {
            ac_exc *ex;
            raise_cancelled();
            ex = ac_take_err();
            ac_decref(g->propagate);
            g->propagate = ex;
            tg_abort(g);
        }
        w->st = ST_PENDING;
        w->bits &= (uint16_t)~B_RELEASED;
    } else if (!(w->bits & B_RELEASED)) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    if (g->ntasks) { /* a new on_completed_fut */
        w->st = ST_PENDING;
        w->bits &= (uint16_t)~B_RELEASED;
        g->waiter = w;
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    return aexit_finish(g, w);
}

static int tgexit_cancel(rt_loop *L, ac_wait *w) {
    if (w->bits & B_RELEASED) return 0;
    w->bits |= B_RELEASED;
    w->st = ST_CANCELLED;
    wake(L, w->owner);
    return 1;
}

static void tgexit_drop(rt_loop *L, ac_wait *w) {
    (void)L;
    tg_of(w->obj)->waiter = NULL;
}

const rt_wait_ops rt_ops_tgexit = {
    .end = tgexit_end, .cancel = tgexit_cancel, .drop = tgexit_drop, .release = rt_release_obj};
const rt_wait_ops rt_ops_tgnode = {.callback = node_done, .closing = node_closing};

static void tg_repr(rt_buf *b, const void *ext) {
    const rt_tg *g = ext;
    rt_buf_puts(b, "<TaskGroup");
    if (g->ntasks) rt_buf_printf(b, " tasks=%lld", (long long)g->ntasks);
    if (g->errors && g->errors->len) rt_buf_printf(b, " errors=%lld", (long long)g->errors->len);
    if (g->aborting)
        rt_buf_puts(b, " cancelling");
    else if (g->entered)
        rt_buf_puts(b, " entered");
    rt_buf_putc(b, '>');
}

/* ---- exception groups ------------------------------------------------------ */

/* eg.exceptions (a list here; CPython's is a tuple), new reference */
ac_list *ac_exc_group_exceptions(const ac_exc *e) {
    ac_list *l = ac_list_new(&exc_list_elem, 0, NULL);
    int64_t i;
    if (!is_group(e)) return l;
    for (i = 0; i < sub_count(e); i++) {
        ac_incref(sub_at(e, i));
        ac_list_append(l, ac_ptr_val(sub_at(e, i)));
    }
    return l;
}

/* except* C: BaseExceptionGroup.split(C).  A group splits into the
 * sub-exceptions that are C (nested groups split the same way, keeping
 * their shape and message) and the rest; a naked exception that is C
 * matches as ExceptionGroup('', [e]).  *rest is e itself when nothing
 * matched, NULL when everything did. */
static ac_exc *group_like(const ac_exc *g, ac_list *subs) {
    ac_val args[2];
    const ac_class *cls = &ac_cls_ExceptionGroup;
    int64_t i;
    for (i = 0; i < subs->len; i++)
        if (!ac_exc_matches(subs->items[i].p, &ac_cls_Exception)) cls = &ac_cls_BaseExceptionGroup;
    if (g->cls != &ac_cls_ExceptionGroup && g->cls != &ac_cls_BaseExceptionGroup) cls = g->cls;
    args[0] = g->args->items[0];
    ac_incref(args[0].p);
    args[1].p = subs;
    return ac_exc_new(cls, ac_tuple_new(&group_args_t, args));
}

/* e is one of the n classes of an except* clause */
static int matches_any(const ac_exc *e, int n, const ac_class *const *cls) {
    int k;
    for (k = 0; k < n; k++)
        if (ac_exc_matches(e, cls[k])) return 1;
    return 0;
}

static void split(ac_exc *e, int n, const ac_class *const *cls, ac_exc **match, ac_exc **rest) {
    ac_list *m, *r;
    int64_t i;
    *match = *rest = NULL;
    if (matches_any(e, n, cls)) {
        ac_incref(e);
        *match = e;
        return;
    }
    if (!is_group(e)) {
        ac_incref(e);
        *rest = e;
        return;
    }
    m = ac_list_new(&ac_t_exc, 0, NULL);
    r = ac_list_new(&ac_t_exc, 0, NULL);
    for (i = 0; i < sub_count(e); i++) {
        ac_exc *sm, *sr;
        split(sub_at(e, i), n, cls, &sm, &sr);
        if (sm) ac_list_append(m, ac_ptr_val(sm));
        if (sr) ac_list_append(r, ac_ptr_val(sr));
    }
    if (m->len && !r->len) { /* all of it */
        ac_incref(e);
        *match = e;
    } else if (!m->len) {
        ac_incref(e);
        *rest = e;
    } else {
        ac_incref(m);
        ac_incref(r);
        *match = group_like(e, m);
        *rest = group_like(e, r);
    }
    ac_decref(m);
    ac_decref(r);
}

/* the group the except* clause binds, or NULL */
ac_exc *ac_eg_match(ac_exc *e, int n, const ac_class *const *cls) {
    ac_exc *m, *r;
    if (!e) return NULL;
    split(e, n, cls, &m, &r);
    ac_decref(r);
    if (m && !is_group(m)) { /* a naked exception: ExceptionGroup('', (e,)) */
        ac_val args[2], one;
        one.p = m;
        args[0].p = ac_str_new("", 0);
        args[1].p = ac_tuple_new(&exc_tuple1_t, &one);
        m = ac_exc_new(ac_exc_matches(m, &ac_cls_Exception) ? &ac_cls_ExceptionGroup : &ac_cls_BaseExceptionGroup,
                       ac_tuple_new(&naked_args_t, args));
    }
    return m;
}

/* what is left for the next except* clauses, or NULL */
ac_exc *ac_eg_rest(ac_exc *e, int n, const ac_class *const *cls) {
    ac_exc *m, *r;
    if (!e) return NULL;
    split(e, n, cls, &m, &r);
    ac_decref(m);
    return r;
}
