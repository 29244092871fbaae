/* check_asyncio.c -- the types of asyncio's Event, Lock, Semaphore,
 * Condition, Queue and Timeout.  Each is one builtin object type (TY_SYNC, Type.sub says which);
 * their methods are rows of builtins.c under the receiver names below,
 * and the awaited ones (B_SYNC_AWAIT) are lowered by emit_await.c.
 * BoundedSemaphore shares Semaphore's type and LifoQueue/PriorityQueue
 * share Queue's: they differ only in what their constructors make.  The
 * items of queues are typed by what the program puts (queue_stores). */
#include "check.h"

#include <string.h>

static const char *const sync_names[SY_NKINDS] = {
    [SY_EVENT] = "Event", [SY_LOCK] = "Lock",           [SY_SEMAPHORE] = "Semaphore",
    [SY_QUEUE] = "Queue", [SY_CONDITION] = "Condition", [SY_TIMEOUT] = "Timeout", [SY_LOOP] = "EventLoop",
    [SY_TASKGROUP] = "TaskGroup", [SY_HANDLE] = "Handle", [SY_BARRIER] = "Barrier", [SY_RUNNER] = "Runner",
    /* not "tinyio.X": a dotted receiver would be taken for a module's */
    [SY_TLOOP] = "tinyio_Loop", [SY_TEVENT] = "tinyio_Event", [SY_TSEM] = "tinyio_Semaphore",
    [SY_TGUARD] = "tinyio_CloseSemaphore", [SY_TBARRIER] = "tinyio_Barrier"};

Type *ty_sync(SyncKind k) {
    static Type *types[SY_NKINDS];
    if (!types[k]) {
        Type *t = xcalloc(1, sizeof *t);
        t->kind = TY_SYNC;
        t->sub = (int)k;
        t->elem = k == SY_QUEUE ? ty_unknown : NULL;
        t->id = all_types.len + 1;
        vec_push(&all_types, t);
        types[k] = t;
    }
    return types[k];
}

Type *sync_type_named(const char *name) {
    if (!strcmp(name, "BoundedSemaphore")) return ty_sync(SY_SEMAPHORE);
    if (!strcmp(name, "LifoQueue") || !strcmp(name, "PriorityQueue")) return ty_sync(SY_QUEUE);
    for (int k = 0; k < SY_NKINDS; k++)
        if (!strcmp(name, sync_names[k])) return ty_sync((SyncKind)k);
    if (!strcmp(name, "tinyio_Lock") || !strcmp(name, "tinyio_ThreadPool")) return ty_sync(SY_TSEM);
    return NULL;
}

const char *sync_recv_name(const Type *t) { return sync_names[t->sub]; }

/* as messages spell the type: tinyio.Loop */
const char *sync_type_name(const Type *t) {
    const char *n = sync_names[t->sub];
    if (t->sub == SY_QUEUE && t->elem && t->elem->kind != TY_UNKNOWN) return format("Queue[%s]", ty_name(t->elem));
    return SY_IS_TINYIO(t->sub) ? format("tinyio.%s", n + 7) : n;
}

/* ---- typing hooks of the Task and asyncio rows ---------------------------- */

/* Task.exception(): the exception it raised, or None */
Type *type_task_exception(Node *e, Type *recv, Type **at) {
    (void)e, (void)recv, (void)at;
    return ty_optional(ty_exc(find_builtin_class("BaseException")));
}

/* sleep(delay, result): the await gives result */
Type *type_sleep(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (e->list.len < 2 || !at[1]) return ty_coro(ty_none);
    return ty_coro(at[1]);
}

/* asyncio.wait(fs): fs a list or set of tasks (of objects when their
 * result types differ: checked at run time); (done, pending) sets */
Type *type_asyncio_wait(Node *e, Type *recv, Type **at) {
    (void)recv;
    Type *fs = at[0];
    if ((fs->kind != TY_LIST && fs->kind != TY_SET) || (fs->elem->kind != TY_TASK && fs->elem->kind != TY_ANY)) {
        check_error(e->list.data[0], "asyncio.wait() needs a list or set of tasks, not '%s'", ty_name(fs));
        return ty_any;
    }
    Type *set = ty_set(fs->elem, false);
    Type **two = xcalloc(2, sizeof *two);
    two[0] = two[1] = set;
    return ty_coro(ty_tuple(two, 2));
}

/* ---- callbacks that are function values ------------------------------------ */

/* A callback that is a function value (a lambda, a closure, a partial) is
 * called through a function of the program made per call site,
 * `def <callback>(f, a0, ...): return f(a0, ...)`: the runtime's one C
 * signature reaches it through the thunk of a plain def, and the call
 * through the value is emitted inside a function like any other. */
static Vec cb_sites; /* the <callback> functions, one per call site */

/* A new program: nothing of an earlier one in this process (the fuzzer). */
void asyncio_begin(void) {
    cb_sites.len = 0;
    ty_sync(SY_QUEUE)->elem = ty_unknown;
}

/* ---- the items of queues ---------------------------------------------------- */
/* A queue's items have one type for the whole program: the join of
 * everything any put()/put_nowait() stores (int when every put is an int;
 * `object` when they differ, or when nothing is ever put).  One type for
 * every queue keeps it sound without following queue values through
 * variables, containers and parameters (a list's element type widens
 * along those flows; a queue's would have to as well), at the price of
 * `object` items in a program whose queues hold different types. */
static Type *queue_type(void) { return ty_sync(SY_QUEUE); }

/* q.put(x) / q.put_nowait(x): the items widen with x */
void queue_stores(Node *call, const char *m) {
    if ((strcmp(m, "put") && strcmp(m, "put_nowait")) || call->list.len < 1) return;
    Node *x = call->list.data[0];
    Type *q = queue_type();
    if (!x || !x->ty || x->ty->kind == TY_UNKNOWN) return;
    Type *j = ty_slot(ty_join(q->elem, x->ty)); /* items live in ac_vals: a tagged union is an object there */
    if (j == q->elem) return;
    q->elem = j;
    inf.changes++;
}

/* asyncio.Queue(maxsize) and the others: the one queue type; items never
 * put are objects (the defaulting pass decides) */
Type *type_queue_new(Node *e, Type *recv, Type **at) {
    (void)e, (void)recv, (void)at;
    Type *q = queue_type();
    if (q->elem->kind == TY_UNKNOWN && (inf.residue++, inf.defaulting)) {
        q->elem = ty_any;
        inf.changes++;
    }
    return q;
}

#define node_at check_node_at

static Func *cb_site_func(Func *encl, Loc loc) { return check_site_func(&cb_sites, encl, loc, "<callback>", "callback"); }

static Var *cb_param(Func *fn, const char *name, Type *t, Loc loc) {
    Var *v = NULL;
    for (int k = 0; k < fn->locals.len && !v; k++)
        if (!strcmp(((Var *)fn->locals.data[k])->name, name)) v = fn->locals.data[k];
    if (!v) {
        v = xcalloc(1, sizeof *v);
        v->name = (char *)name;
        v->loc = loc;
        v->owner = fn;
        v->is_param = true;
        vec_push(&fn->locals, v);
    }
    v->ty = t;
    fn->params[fn->nparams++].var = v;
    return v;
}

/* the site's function for a callback value of type ft called with args;
 * a bound method x.m (method non-NULL) is `def <callback>(x, ...): return
 * x.m(...)` over its receiver instead */
static Func *callback_value(Node *cb, Type *ft, Type **args, int nargs, const char *method) {
    Loc loc = cb->loc;
    Func *fn = cb_site_func(check_cur_fn(), loc);
    if (fn->used_pass != inf.pass) {
        fn->state = 0;
        fn->nparams = 0;
        fn->params = xcalloc((size_t)nargs + 2, sizeof(Param));
        cb_param(fn, "cb_f", ft, loc);
        Node *call = node_at(N_CALL, loc);
        call->a = node_at(N_NAME, loc);
        call->a->sval = "cb_f";
        if (method) {
            Node *m = node_at(N_ATTR, loc);
            m->a = call->a;
            m->sval = (char *)method;
            call->a = m;
        }
        for (int i = 0; i < nargs; i++) {
            const char *name = format("cb_a%d", i);
            cb_param(fn, name, args[i], loc);
            Node *a = node_at(N_NAME, loc);
            a->sval = (char *)name;
            vec_push(&call->list, a);
        }
        Node *ret = node_at(N_RETURN, loc);
        ret->a = call;
        fn->def->b = node_at(N_BLOCK, loc);
        vec_push(&fn->def->b->list, ret);
    }
    check_function(fn);
    return fn;
}

/* The callback functions the last pass reached, for the emitter. */
void asyncio_keep_callbacks(Vec *funcs) {
    for (int i = 0; i < cb_sites.len; i++) {
        Func *fn = ((CheckSite *)cb_sites.data[i])->fn;
        if (fn->used_pass == inf.pass) vec_push(funcs, fn);
    }
}

/* x.m where m is a method of x's type (a class of the program's or a
 * builtin type's): 1; not one: 0; x not typed yet or an error: -1 */
static int bound_method(Node *cb) {
    Node *r = cb->a;
    if (r->kind == N_NAME && !check_lookup(r->sval)) return 0; /* a module, a class: not a receiver */
    int before = diag_errors;
    Type *rt = check_expr(r, NULL);
    if (rt->kind == TY_UNKNOWN || diag_errors != before) return -1;
    if (rt->kind == TY_INST) {
        Func *m = class_method(rt->cls, cb->sval);
        return m && m->mkind == MK_METHOD && !class_field(rt->cls, cb->sval);
    }
    const char *rn = builtin_recv_name(rt);
    const Builtin *b = rn ? builtin_find(rn, cb->sval) : NULL;
    return b && !(b->flags & BF_ATTR) && !rt->opt;
}

/* A callback: the name of a plain def called with `args` (the types it is
 * called with); its specialisation for them.  A function value's site
 * function goes to `site` (NULL for a def).  NULL after an error. */
static Func *callback_def(Node *cb, Type **args, int nargs, const char *what, Func **site) {
    Func *fn = check_def_named(cb);
    *site = NULL;
    if (!fn && cb->kind == N_ATTR) {
        int bm = bound_method(cb);
        if (bm < 0) return NULL;
        if (bm) {
            *site = callback_value(cb, cb->a->ty, args, nargs, cb->sval);
            check_flow_back(cb->a, site[0]->params[0].var->ty); /* results.append: results widens */
            return *site;
        }
    }
    if (!fn) { /* a lambda, a closure, a partial: a function value */
        int before = diag_errors;
        Type *ft = check_expr(cb, NULL);
        if (ft->kind == TY_UNKNOWN || diag_errors != before) return NULL; /* a later pass knows it / reported */
        if (ft->kind != TY_FUNC) {
            check_error(cb, "%s needs a function, not '%s'", what, ty_name(ft));
            return NULL;
        }
        *site = callback_value(cb, ft, args, nargs, NULL);
        if (site[0]->ret && site[0]->ret->kind == TY_CORO) {
            check_error(cb, "%s needs a function, not a coroutine function (its coroutine would never run)", what);
            return *site = NULL;
        }
        return *site;
    }
    if (fn->is_async) {
        check_error(cb, "%s needs a function, not a coroutine function (its coroutine would never run)", what);
        return NULL;
    }
    int need = 0;
    while (need < fn->nparams && !fn->params[need].def) need++;
    if (nargs < need || nargs > fn->nparams) {
        check_error(cb, "%s: %s() must take %d argument%s", what, fn->name, nargs, nargs == 1 ? "" : "s");
        return NULL;
    }
    Type **key = xcalloc((size_t)fn->nparams + 1, sizeof(Type *));
    for (int i = nargs; i < fn->nparams; i++) /* the others take their defaults */
        key[i] = fn->params[i].var->fixed ? fn->params[i].var->ty : default_type(&fn->params[i]);
    for (int i = 0; i < nargs; i++) {
        Var *p = fn->params[i].var;
        if (p->fixed && !ty_assignable(p->ty, args[i])) {
            check_error(cb, "%s: parameter '%s' of %s() has type '%s', but it gets '%s'", what, p->name, fn->name,
                        ty_name(p->ty), ty_name(args[i]));
            return NULL;
        }
        key[i] = p->fixed ? p->ty : args[i];
    }
    fn = specialise(fn, key);
    cb->ty = ty_func(fn);
    check_func(fn);
    return fn;
}

/* t.add_done_callback(fn) / remove_done_callback(fn): fn(t) */
Type *type_done_callback(Node *e, Type *recv, Type **at) {
    (void)at;
    Func *site;
    callback_def(e->list.data[0], &recv, 1, format("Task.%s()", e->bi->name), &site);
    e->fn = site;
    return NULL;
}

/* shield(aw): a coroutine or a task; awaiting gives its result */
Type *type_shield(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_CORO && at[0]->kind != TY_TASK) {
        check_error(e->list.data[0], "%s() needs a coroutine or a task, not '%s'", builtin_qualname(e->bi),
                    ty_name(at[0]));
        return ty_any;
    }
    return ty_coro(at[0]->elem);
}

/* loop.call_soon(cb, *args), call_later(delay, cb, *args), call_at(when,
 * cb, *args): cb is called with args */
Type *type_loop_call(Node *e, Type *recv, Type **at) {
    (void)recv;
    int first = strcmp(e->bi->name, "call_soon") ? 1 : 0;
    int n = e->list.len - first - 1;
    Func *site;
    callback_def(e->list.data[first], at + first + 1, n, format("loop.%s()", e->bi->name), &site);
    e->fn = site;
    return NULL;
}

/* as_completed(fs): fs a list of coroutines or tasks of one result type */
Type *type_as_completed(Node *e, Type *recv, Type **at) {
    (void)recv;
    Type *fs = at[0];
    if (fs->kind != TY_LIST || (fs->elem->kind != TY_CORO && fs->elem->kind != TY_TASK)) {
        check_error(e->list.data[0], "asyncio.as_completed() needs a list of coroutines or tasks, not '%s'",
                    ty_name(fs));
        return ty_any;
    }
    return ty_list(ty_coro(fs->elem->elem));
}

/* __asyncc_eg_match/rest(exc, C): an except* clause's class (or tuple of classes); the match is
 * a group, the rest an exception (both may be None) */
Type *type_eg_split(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_EXC && at[0]->kind != TY_ANY) {
        check_error(e->list.data[0], "except* splits an exception, not '%s'", ty_name(at[0]));
        return ty_any;
    }
    bool classes = at[1]->kind == TY_CLASS || (at[1]->kind == TY_TUPLE && at[1]->nelems > 0);
    for (int i = 0; at[1]->kind == TY_TUPLE && i < at[1]->nelems; i++) classes &= at[1]->elems[i]->kind == TY_CLASS;
    if (!classes) {
        check_error(e->list.data[1], "except* needs an exception class or a tuple of them, not '%s'", ty_name(at[1]));
        return ty_any;
    }
    const char *want = strstr(e->bi->name, "match") ? "BaseExceptionGroup" : "BaseException";
    return ty_optional(ty_exc(find_builtin_class(want)));
}

/* cond.wait_for(predicate): predicate() until it is true; its value */
Type *type_cond_wait_for(Node *e, Type *recv, Type **at) {
    (void)recv, (void)at;
    Func *site;
    Func *fn = callback_def(e->list.data[0], NULL, 0, "Condition.wait_for()", &site);
    e->fn = site;
    if (!fn) return ((Node *)e->list.data[0])->ty && ((Node *)e->list.data[0])->ty->kind == TY_UNKNOWN ? ty_unknown : ty_any;
    if (!fn->ret || fn->ret->kind == TY_UNKNOWN) return ty_unknown;
    return ty_coro(fn->ret);
}

/* loop.run_until_complete(aw): a coroutine or a task; its result */
Type *type_shield_result(Node *e, Type *recv, Type **at) {
    Type *t = type_shield(e, recv, at);
    return t == ty_any ? t : t->elem;
}

/* loop.set_exception_handler(handler): handler(loop, context), context a
 * dict[str, object]; None puts the default handler back */
Type *type_set_exc_handler(Node *e, Type *recv, Type **at) {
    (void)recv, (void)at;
    Node *cb = e->list.data[0];
    Func *site;
    e->fn = NULL;
    if (cb->kind == N_NONE) return NULL;
    Type *args[2] = {ty_sync(SY_LOOP), ty_dict(ty_str, ty_any)};
    callback_def(cb, args, 2, "loop.set_exception_handler()", &site);
    e->fn = site;
    return NULL;
}

/* loop.call_exception_handler(context) / default_exception_handler(context) */
Type *type_call_exc_handler(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_DICT || at[0]->elems[0] != ty_str)
        check_error(e->list.data[0], "loop.%s() needs a dict with str keys, not '%s'", e->bi->name, ty_name(at[0]));
    return NULL;
}

/* loop.get_exception_handler(): the handler as an object (None, or it) */
Type *type_get_exc_handler(Node *e, Type *recv, Type **at) {
    (void)e, (void)recv, (void)at;
    return ty_any;
}
