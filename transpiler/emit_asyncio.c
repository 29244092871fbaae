/* emit_asyncio.c -- the asyncio rows that need more than a C call: done
 * callbacks, whose function is a def of the program.
 *
 * The runtime calls every callback through one signature, ac_done_fn
 * (env, future); per callback def the emitter writes a small C function of
 * that signature (a "thunk") that calls the def's specialisation.  env is
 * what a closure would carry: NULL for a plain def. */
#include "emit.h"

#include <string.h>

/* x.m given as a callback (not checked as a value): its site function
 * takes the receiver x */
static bool bound_method_site(Node *cb) { return cb->kind == N_ATTR && (!cb->ty || cb->ty->kind != TY_FUNC); }

/* The end of a site function: fn(args) as a statement, its result
 * released or dropped, and the closing brace. */
static void call_dropping_result(Func *fn, const char *args) {
    if (is_obj(fn->ret))
        buf_printf(&out_funcs, "    ac_decref(%s(%s));\n", fn->cname, args);
    else if (fn->ret == ty_none)
        buf_printf(&out_funcs, "    %s(%s);\n", fn->cname, args);
    else
        buf_printf(&out_funcs, "    (void)%s(%s);\n", fn->cname, args);
    buf_printf(&out_funcs, "}\n");
}

/* the thunk of a callback specialisation, written once */
static const char *done_thunk(Func *fn) {
    static Map written;
    char *name = format("cb_%s", fn->cname);
    if (map_get(&written, name)) return name;
    map_put(&written, name, name);
    const char *pt = c_type(fn->params[0].var->ty);
    buf_printf(&out_protos, "static void %s(ac_obj *env, ac_task *fut);\n", name);
    buf_printf(&out_funcs, "\n/* %s(task) as a done-callback */\nstatic void %s(ac_obj *env, ac_task *fut) {\n", fn->name,
               name);
    /* a function value's site function takes the value (env) first */
    const char *args = fn->nparams == 2 ? format("(%s)env, (%s)fut", c_type(fn->params[0].var->ty),
                                                 c_type(fn->params[1].var->ty))
                                        : format("(%s)fut", pt);
    if (fn->nparams != 2) buf_printf(&out_funcs, "    (void)env;\n");
    call_dropping_result(fn, args);
    return name;
}

/* a def's name as the runtime reports a callback: "NAME at FILE:LINE",
 * CPython's format_helpers spelling (the runtime puts the arguments
 * between the two) */
static const char *callback_name(Func *fn) {
    Buf b = {0};
    const char *at = format("%s at %s:%d", fn->name, py_path, fn->def->loc.line);
    c_escape(&b, at, strlen(at));
    return buf_take(&b);
}

Val emit_done_callback(Node *e) {
    Val t = expr(e->a->a);
    Node *cb = e->list.data[0];
    /* a function value is found again by identity, a bound method by its receiver and name (CPython's ==) */
    if (!strcmp(e->bi->name, "remove_done_callback") && e->fn && bound_method_site(cb))
        return call_value(ty_int, "ac_task_remove_done_callback_value(%s, (ac_obj *)%s, \"%s\")", t.c, expr(cb->a).c,
                          cb->sval);
    if (!strcmp(e->bi->name, "remove_done_callback") && e->fn)
        return call_value(ty_int, "ac_task_remove_done_callback_value(%s, &%s->h, NULL)", t.c, expr(cb).c);
    const char *thunk = done_thunk(e->fn ? e->fn : cb->ty->fn);
    if (!strcmp(e->bi->name, "remove_done_callback"))
        return call_value(ty_int, "ac_task_remove_done_callback(%s, %s)", t.c, thunk);
    if (e->fn && bound_method_site(cb)) { /* a bound method: the runtime keeps a reference to the receiver */
        Val r = expr(cb->a);
        emit("ac_task_add_done_callback(%s, %s, (ac_obj *)%s, \"%s\");", t.c, thunk, r.c, cb->sval);
        return (Val){"0", ty_none, false};
    }
    if (e->fn) { /* the runtime keeps a reference to the value */
        Val f = expr(cb);
        emit("ac_task_add_done_callback(%s, %s, &%s->h, %s->name);", t.c, thunk, f.c, f.c);
        return (Val){"0", ty_none, false};
    }
    emit("ac_task_add_done_callback(%s, %s, NULL, \"%s\");", t.c, thunk, callback_name(cb->ty->fn));
    return (Val){"0", ty_none, false};
}

/* tg.create_task(coro, name=None) */
Val emit_taskgroup_create_task(Node *e) {
    Val g = expr(e->a->a);
    Val c = expr(e->list.data[0]);
    char *coro = take_ref(c);
    Node *name = e->list2.len ? ((Node *)e->list2.data[0])->a : NULL; /* name= is its one keyword */
    Val n = name && name->kind != N_NONE ? expr(name) : (Val){"NULL", ty_none, false};
    return call_value(e->ty, "ac_taskgroup_create_task(%s, %s, %s)", g.c, coro, n.c);
}

/* the thunk of a loop callback: the def over the tuple's items */
static const char *call_thunk(Func *fn) {
    static Map written;
    char *name = format("cs_%s", fn->cname);
    if (map_get(&written, name)) return name;
    map_put(&written, name, name);
    Buf args = {0};
    for (int i = 0; i < fn->nparams; i++)
        buf_printf(&args, "%s%s", i ? ", " : "",
                   from_val(format("args->items[%d]", i), fn->params[i].var->ty));
    buf_printf(&out_protos, "static void %s(ac_obj *env, ac_tuple *args);\n", name);
    buf_printf(&out_funcs, "\n/* %s(...) as a loop callback */\nstatic void %s(ac_obj *env, ac_tuple *args) {\n",
               fn->name, name);
    buf_printf(&out_funcs, "    (void)env;\n%s", fn->nparams ? "" : "    (void)args;\n");
    call_dropping_result(fn, args.data ? args.data : "");
    return name;
}

/* loop.call_soon(cb, *args) / call_later(delay, cb, *args) / call_at(when, cb, *args) */
Val emit_loop_call(Node *e) {
    Val loop = expr(e->a->a);
    bool soon = !strcmp(e->bi->name, "call_soon");
    int first = soon ? 0 : 1;
    Val when = soon ? (Val){"0", ty_float, false} : as_float(expr(e->list.data[0]));
    Func *fn = e->fn ? e->fn : ((Node *)e->list.data[first])->ty->fn;
    Type **el = xcalloc((size_t)fn->nparams + 1, sizeof(Type *));
    for (int i = 0; i < fn->nparams; i++) el[i] = fn->params[i].var->ty;
    Node fake = {0};
    /* a function value travels as the tuple's first item, its site function's first parameter */
    Node *cb = e->list.data[first];
    if (e->fn) vec_push(&fake.list, bound_method_site(cb) ? cb->a : cb);
    for (int i = first + 1; i < e->list.len; i++) vec_push(&fake.list, e->list.data[i]);
    for (int i = fake.list.len; i < fn->nparams; i++) vec_push(&fake.list, fn->params[i].def); /* defaults */
    Val args = tuple_lit(&fake, ty_tuple(el, fn->nparams));
    const char *thunk = call_thunk(fn);
    const char *name = e->fn ? fn->name : callback_name(fn);
    if (soon)
        return call_value(e->ty, "ac_loop_call_soon(%s, %s, NULL, %s, \"%s\")", loop.c, thunk, take_ref(args), name);
    return call_value(e->ty, "ac_loop_call_%s(%s, %s, %s, NULL, %s, \"%s\")", e->bi->name + 5, loop.c, when.c, thunk,
                      take_ref(args), name);
}

/* asyncio.as_completed(fs, timeout=None) */
Val emit_as_completed(Node *e) {
    Val fs = expr(e->list.data[0]);
    Node *timeout = e->list2.len ? ((Node *)e->list2.data[0])->a : NULL; /* its one keyword */
    bool has = timeout && timeout->kind != N_NONE;
    Val t = has ? as_float(expr(timeout)) : (Val){"0.0", ty_float, false};
    return call_value(e->ty, "ac_as_completed(%s, %d, %s, %s, %s)", fs.c, has, t.c, desc(e->ty->elem->elem),
                      desc(e->ty->elem));
}

/* except* C / except* (C1, C2): split the group by the classes (rt_taskgroup.c) */
Val emit_eg_split(Node *e) {
    Val g = expr(e->list.data[0]);
    Type *ct = ((Node *)e->list.data[1])->ty;
    Buf cls = {0};
    int n = ct->kind == TY_TUPLE ? ct->nelems : 1;
    for (int i = 0; i < n; i++)
        buf_printf(&cls, "%s&%s", i ? ", " : "", (ct->kind == TY_TUPLE ? ct->elems[i] : ct)->cls->cname);
    return call_value(e->ty, "%s(%s, %d, (const ac_class *const[]){%s})",
                      strstr(e->bi->name, "match") ? "ac_eg_match" : "ac_eg_rest", g.c, n, cls.data);
}

/* the thunk of an exception handler: the def over (loop, context) */
static const char *handler_thunk(Func *fn) {
    static Map written;
    char *name = format("ch_%s", fn->cname);
    if (map_get(&written, name)) return name;
    map_put(&written, name, name);
    int first = fn->nparams == 3; /* a function value's site function takes the value first */
    const char *args = format("%s%s(%s)loop, (%s)ctx", first ? format("(%s)env, ", c_type(fn->params[0].var->ty)) : "",
                              "", c_type(fn->params[first].var->ty), c_type(fn->params[first + 1].var->ty));
    buf_printf(&out_protos, "static void %s(ac_obj *env, ac_sync *loop, ac_dict *ctx);\n", name);
    buf_printf(&out_funcs,
               "\n/* %s(loop, context) as the loop's exception handler */\nstatic void %s(ac_obj *env, ac_sync *loop, "
               "ac_dict *ctx) {\n",
               fn->name, name);
    if (!first) buf_printf(&out_funcs, "    (void)env;\n");
    call_dropping_result(fn, args);
    return name;
}

/* loop.set_exception_handler(handler or None) */
Val emit_set_exc_handler(Node *e) {
    Val loop = expr(e->a->a);
    Node *cb = e->list.data[0];
    const char *ctx_t = desc(ty_dict(ty_str, ty_any));
    if (cb->kind == N_NONE) {
        emit("ac_loop_set_exception_handler(%s, NULL, NULL, %s);", loop.c, ctx_t);
        return (Val){"0", ty_none, false};
    }
    const char *thunk = handler_thunk(e->fn ? e->fn : cb->ty->fn);
    const char *env = "NULL";
    if (e->fn && bound_method_site(cb))
        env = format("(ac_obj *)%s", expr(cb->a).c);
    else if (e->fn)
        env = format("&%s->h", expr(cb).c);
    emit("ac_loop_set_exception_handler(%s, %s, %s, %s);", loop.c, thunk, env, ctx_t);
    return (Val){"0", ty_none, false};
}

/* loop.call_exception_handler(context) / default_exception_handler(context) */
Val emit_call_exc_handler(Node *e) {
    Val loop = expr(e->a->a);
    Val d = expr(e->list.data[0]);
    if (!strcmp(e->bi->name, "default_exception_handler")) {
        emit("ac_loop_default_exception_handler(%s, %s);", loop.c, d.c);
        return (Val){"0", ty_none, false};
    }
    emit("ac_loop_call_exception_handler(%s, %s, %s);", loop.c, d.c, desc(ty_dict(ty_str, ty_any)));
    return (Val){"0", ty_none, false};
}

/* asyncio.Queue(maxsize) / LifoQueue / PriorityQueue: the items' descriptor */
Val emit_queue_new(Node *e) {
    Val n = e->list.len && e->list.data[0] ? expr(e->list.data[0]) : (Val){"0", ty_int, false};
    const char *order = !strcmp(e->bi->name, "Queue") ? "AC_QUEUE_FIFO"
                        : !strcmp(e->bi->name, "LifoQueue") ? "AC_QUEUE_LIFO"
                                                            : "AC_QUEUE_PRIORITY";
    return call_value(e->ty, "ac_queue_new(%s, %s, %s)", n.c, desc(e->ty->elem), order);
}

/* loop.get_exception_handler(): an object (the row's result is no C type the generic call knows) */
Val emit_get_exc_handler(Node *e) {
    Val loop = expr(e->a->a);
    return call_value(ty_any, "ac_loop_get_exception_handler(%s)", loop.c);
}
