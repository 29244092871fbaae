/* check_asyncio.c -- the types of asyncio's Event, Lock, Semaphore,
 * Condition, Queue and Timeout.  Each is one builtin object type (TY_SYNC, Type.sub says which);
 * their methods are rows of builtins.c under the receiver names below,
 * and the awaited ones (B_SYNC_AWAIT) are lowered by emit_await.c.
 * BoundedSemaphore shares Semaphore's type and LifoQueue/PriorityQueue
 * share Queue's: they differ only in what their constructors make.  A
 * queue's items are `object` (boxed) whatever the program puts in it. */
#include "check.h"

#include <string.h>

static const char *const sync_names[SY_NKINDS] = {
    [SY_EVENT] = "Event", [SY_LOCK] = "Lock",           [SY_SEMAPHORE] = "Semaphore",
    [SY_QUEUE] = "Queue", [SY_CONDITION] = "Condition", [SY_TIMEOUT] = "Timeout", [SY_LOOP] = "EventLoop",
    [SY_TASKGROUP] = "TaskGroup", [SY_HANDLE] = "Handle", [SY_BARRIER] = "Barrier",
    /* not "tinyio.X": a dotted receiver would be taken for a module's */
    [SY_TLOOP] = "tinyio_Loop", [SY_TEVENT] = "tinyio_Event", [SY_TSEM] = "tinyio_Semaphore",
    [SY_TGUARD] = "tinyio_CloseSemaphore", [SY_TBARRIER] = "tinyio_Barrier"};

Type *ty_sync(SyncKind k) {
    static Type *types[SY_NKINDS];
    if (!types[k]) {
        Type *t = xcalloc(1, sizeof *t);
        t->kind = TY_SYNC;
        t->sub = (int)k;
        t->elem = k == SY_QUEUE ? ty_any : NULL;
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

/* A callback: the name of a plain def called with `args` (the types it is
 * called with); its specialisation for them.  NULL after an error. */
static Func *callback_def(Node *cb, Type **args, int nargs, const char *what) {
    Func *fn = check_def_named(cb);
    if (!fn || fn->is_async) {
        check_error(cb, "%s needs the name of a def (lambdas and other callables are not supported yet)", what);
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
    callback_def(e->list.data[0], &recv, 1, format("Task.%s()", e->bi->name));
    return NULL;
}

/* shield(aw): a coroutine or a task; awaiting gives its result */
Type *type_shield(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_CORO && at[0]->kind != TY_TASK) {
        check_error(e->list.data[0], "asyncio.shield() needs a coroutine or a task, not '%s'", ty_name(at[0]));
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
    callback_def(e->list.data[first], at + first + 1, n, format("loop.%s()", e->bi->name));
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

/* __asyncc_eg_match/rest(exc, C): an except* clause's class; the match is
 * a group, the rest an exception (both may be None) */
Type *type_eg_split(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_EXC && at[0]->kind != TY_ANY) {
        check_error(e->list.data[0], "except* splits an exception, not '%s'", ty_name(at[0]));
        return ty_any;
    }
    if (at[1]->kind != TY_CLASS) {
        check_error(e->list.data[1], "except* needs an exception class, not '%s'", ty_name(at[1]));
        return ty_any;
    }
    const char *want = strstr(e->bi->name, "match") ? "BaseExceptionGroup" : "BaseException";
    return ty_optional(ty_exc(find_builtin_class(want)));
}

/* cond.wait_for(predicate): predicate() until it is true; its value */
Type *type_cond_wait_for(Node *e, Type *recv, Type **at) {
    (void)recv, (void)at;
    Func *fn = callback_def(e->list.data[0], NULL, 0, "Condition.wait_for()");
    if (!fn) return ty_any;
    if (!fn->ret || fn->ret->kind == TY_UNKNOWN) return ty_unknown;
    return ty_coro(fn->ret);
}
