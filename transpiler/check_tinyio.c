/* check_tinyio.c -- the checker's part of the tinyio spelling (`import
 * tinyio`): the types of its functions and objects (rows of builtins.c
 * under "tinyio" and the receivers tinyio_Loop, tinyio_Event, ...), what a
 * `yield` resumes with in a tinyio coroutine, run_in_thread(), and
 * tinyio.CancelledError / tinyio.TimeoutError.
 *
 * A tinyio coroutine is a generator; its loop sends back the result of
 * what it yielded.  So in a program that imports tinyio, `x = yield c`
 * has the type of c's return value, `yield [c1, c2]` a list of them,
 * `yield {c}` and a bare `yield` None, and a yield of anything else (an
 * object) an object -- unless the generator's send type is annotated. */
#include "check.h"

#include <string.h>

static bool vague(const Type *t) { return t == ty_any || t->kind == TY_UNKNOWN; }

static Class tio_cancelled = {.name = "CancelledError", .builtin = true, .cname = "ac_cls_tio_CancelledError"};
static Class tio_timeout = {.name = "TimeoutError", .builtin = true, .cname = "ac_cls_tio_TimeoutError"};

/* tinyio.CancelledError, tinyio.TimeoutError (both BaseExceptions) */
Class *tinyio_class(const char *name) {
    Class *c = !strcmp(name, "CancelledError") ? &tio_cancelled : !strcmp(name, "TimeoutError") ? &tio_timeout : NULL;
    if (c) c->base = find_builtin_class("BaseException");
    return c;
}

static Type *coro_of(Type *ret) { return ty_gen(ty_any, ty_any, ret); }

/* tinyio.Event, ... in annotations; NULL for other names */
Type *tinyio_type_named(const char *name) {
    static const char *const names[] = {"Loop", "Event", "Semaphore", "Lock", "Barrier", "ThreadPool"};
    static const SyncKind kinds[] = {SY_TLOOP, SY_TEVENT, SY_TSEM, SY_TSEM, SY_TBARRIER, SY_TSEM};
    for (int i = 0; i < 6; i++)
        if (!strcmp(name, names[i])) return ty_sync(kinds[i]);
    return NULL;
}

/* Generator[Y, S, R] -> R; vague types stay vague for a later pass. */
static Type *result_of(Node *at, Type *t, const char *what) {
    if (t->kind == TY_GEN) return t->elems[2];
    if (t->kind == TY_UNKNOWN) return t;
    if (t != ty_any) check_error(at, "%s needs a coroutine (a generator), not '%s'", what, ty_name(t));
    return ty_any;
}

/* sleep(d), Event.wait(timeout): coroutines returning None */
Type *type_tio_none_coro(Node *e, Type *recv, Type **at) {
    (void)e, (void)recv, (void)at;
    return coro_of(ty_none);
}

/* Semaphore()/Lock() called: a coroutine giving the guard `with` holds */
Type *type_tio_sem_call(Node *e, Type *recv, Type **at) {
    (void)e, (void)recv, (void)at;
    return coro_of(ty_sync(SY_TGUARD));
}

Type *type_tio_barrier_wait(Node *e, Type *recv, Type **at) {
    (void)e, (void)recv, (void)at;
    return coro_of(ty_int);
}

/* Loop().run(coro): coro's return value */
Type *type_tio_run(Node *e, Type *recv, Type **at) {
    (void)recv;
    return result_of(e->list.data[0], at[0], "Loop.run()");
}

/* timeout(coro, t): (result, True) or (None, False); the first is an object */
Type *type_tio_timeout(Node *e, Type *recv, Type **at) {
    (void)recv;
    result_of(e->list.data[0], at[0], "tinyio.timeout()");
    Type **el = xcalloc(3, sizeof(Type *));
    el[0] = ty_any;
    el[1] = ty_bool;
    return coro_of(ty_tuple(el, 2));
}

/* as_completed({c1, c2}): a coroutine giving the list of coroutines that
 * each give one result (objects), in the order they complete */
Type *type_tio_as_completed(Node *e, Type *recv, Type **at) {
    (void)recv;
    Type *t = at[0];
    if (t->kind != TY_SET || (t->elem->kind != TY_GEN && !vague(t->elem)))
        check_error(e->list.data[0], "tinyio.as_completed() needs a set of coroutines, not '%s'", ty_name(t));
    return coro_of(ty_list(coro_of(ty_any)));
}

/* What `yield v` resumes with when a tinyio loop drives the generator. */
Type *tinyio_sent_type(Node *v, Type *t) {
    if (!v || t == ty_none || t->kind == TY_SET) return ty_none;
    if (t->kind == TY_UNKNOWN) return t;
    if (t->kind == TY_GEN) return t->elems[2];
    if (t->kind == TY_LIST && t->elem->kind == TY_GEN) return ty_list(t->elem->elems[2]);
    if (t->kind == TY_LIST && vague(t->elem)) return t;
    if (t->kind == TY_LIST && t->elem == ty_any) return ty_list(ty_any);
    return ty_any;
}

/* ---- run_in_thread(fn, *args): a generator of our own ---------------------- */

/* The function is run inline (there are no threads): a coroutine that
 * pauses once, as waiting for a thread does, then calls fn(args) and
 * returns its result.  One generator function per call site and enclosing
 * function, its parameters the arguments' values. */
static Vec sites; /* the <run_in_thread> functions, one per call site */

/* A new program: nothing of an earlier one in this process (the fuzzer). */
void tinyio_begin(void) { sites.len = 0; }

#define node_at check_node_at

static Func *site_func(Func *encl, Loc loc) {
    Func *fn = check_site_func(&sites, encl, loc, "<run_in_thread>", "run_in_thread");
    fn->is_gen = true;
    fn->send_ty = ty_any;
    return fn;
}

static Node *name_at(const char *name, Loc loc) {
    Node *n = node_at(N_NAME, loc);
    n->sval = (char *)name;
    return n;
}

/* `yield` then `return f(a0, a1, ...)`; for ThreadPool.map(f, xs) (one
 * argument, xs) `yield` then `return [f(x) for x in xs]`: the pool's
 * threads run inline too, so every call is made when the one pause ends */
static Node *thread_body(Node *f, int nargs, bool map, Loc loc) {
    Node *blk = node_at(N_BLOCK, loc);
    Node *pause = node_at(N_EXPR, loc);
    pause->a = node_at(N_YIELD, loc);
    vec_push(&blk->list, pause);
    Node *call = node_at(N_CALL, loc);
    call->a = name_at(f->sval, f->loc);
    for (int i = 0; i < nargs && !map; i++) vec_push(&call->list, name_at(format("arg%d", i), loc));
    Node *ret = node_at(N_RETURN, loc);
    ret->a = call;
    if (map) {
        const char *x = "__asyncc_item"; /* no user name: f stays visible */
        vec_push(&call->list, name_at(x, loc));
        Node *comp = node_at(N_LISTCOMP, loc), *each = node_at(N_FOR, loc);
        each->a = name_at(x, loc);
        each->b = name_at("arg0", loc);
        comp->a = call;
        vec_push(&comp->list, each);
        ret->a = comp;
    }
    vec_push(&blk->list, ret);
    return blk;
}

static Type *inline_thread(Node *e, Node *f, int first, bool map, Func *cur);

Type *tinyio_run_in_thread(Node *e, Node *f, int first, Func *cur) { return inline_thread(e, f, first, false, cur); }

/* pool.map(fn, xs): a coroutine giving [fn(x) for x in xs] */
Type *tinyio_pool_map(Node *e, Func *cur) {
    if (e->list.len != 2) {
        check_error(e, "ThreadPool.map() takes a function and an iterable, %d argument%s given", e->list.len,
                    e->list.len == 1 ? " was" : "s were");
        for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
        return ty_any;
    }
    return inline_thread(e, e->list.data[0], 1, true, cur);
}

static Type *inline_thread(Node *e, Node *f, int first, bool map, Func *cur) {
    int nargs = e->list.len - first;
    const char *what = map ? "ThreadPool.map()" : "run_in_thread()";
    if (!f || f->kind != N_NAME) {
        check_error(f ? f : e, "%s needs the name of a function", what);
        for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
        return ty_any;
    }
    if (e->list2.len) check_error(e->list2.data[0], "%s keyword arguments are not supported yet", what);
    Type **at = xcalloc((size_t)nargs + 1, sizeof(Type *));
    for (int i = 0; i < nargs; i++) at[i] = check_expr(e->list.data[first + i], NULL);
    Func *fn = site_func(cur, e->loc);
    if (fn->used_pass != inf.pass) {
        fn->state = 0;
        fn->params = xcalloc((size_t)nargs + 1, sizeof(Param));
        fn->nparams = 0;
        fn->def->b = thread_body(f, nargs, map, e->loc);
        for (int i = 0; i < nargs; i++) {
            Var *v = NULL;
            const char *name = format("arg%d", i);
            for (int k = 0; k < fn->locals.len && !v; k++)
                if (!strcmp(((Var *)fn->locals.data[k])->name, name)) v = fn->locals.data[k];
            if (!v) {
                v = xcalloc(1, sizeof *v);
                v->name = (char *)name;
                v->loc = e->loc;
                v->owner = fn;
                v->is_param = true;
                vec_push(&fn->locals, v);
            }
            v->ty = at[i];
            fn->params[fn->nparams++].var = v;
        }
    }
    Vec args = {0};
    for (int i = 0; i < nargs; i++) vec_push(&args, e->list.data[first + i]);
    e->list = args;
    e->list2 = (Vec){0};
    e->builtin = B_GEN_OP;
    e->ival = GOP_NEW;
    e->fn = fn;
    check_function(fn);
    return gen_type_of(fn);
}

/* The run_in_thread functions the last pass reached, for the emitter. */
void tinyio_keep_funcs(Vec *funcs) {
    for (int i = 0; i < sites.len; i++) {
        Func *fn = ((CheckSite *)sites.data[i])->fn;
        if (fn->used_pass == inf.pass) vec_push(funcs, fn);
    }
}
