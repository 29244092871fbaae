/* check_gen.c -- the checker's part of generators: which defs are
 * generators, the type Generator[Y, S, R] (Y from the yields, S what
 * send() delivers, object unless annotated, R from the returns), yield and
 * yield from, next()/iter(), send()/throw()/close(), StopIteration.value,
 * and a generator passed where a list is consumed whole. */
#include "check.h"
#include "check_dict.h"

#include <string.h>

/* A yield anywhere in the body, nested defs and classes aside. */
static bool yields_in(Node *n) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF) return false;
    if (n->kind == N_YIELD) return true;
    if (yields_in(n->a) || yields_in(n->b) || yields_in(n->c) || yields_in(n->d)) return true;
    for (int i = 0; i < n->list.len; i++)
        if (yields_in(n->list.data[i])) return true;
    for (int i = 0; i < n->list2.len; i++)
        if (yields_in(n->list2.data[i])) return true;
    return false;
}

bool gen_body_yields(Node *body) { return yields_in(body); }

/* Generator[Y, S, R], Iterator[Y], Iterable[Y] (typing's spellings). */
Type *gen_ann(const char *name, Node *a, Vec *args, int nargs) {
    (void)a;
    Node *first = args ? (args->len ? args->data[0] : NULL) : a->b;
    if (!strcmp(name, "Iterator") || !strcmp(name, "Iterable")) {
        if (nargs != 1) {
            check_error(a, "%s[...] takes one element type", name);
            return ty_any;
        }
        Node ann = *first;
        return ty_gen(check_ann(&ann), ty_any, ty_none);
    }
    if (!strcmp(name, "AsyncIterator") || !strcmp(name, "AsyncIterable")) {
        if (nargs != 1) {
            check_error(a, "%s[...] takes one element type", name);
            return ty_any;
        }
        Node ann = *first;
        return ty_agen(check_ann(&ann), ty_any);
    }
    if (!strcmp(name, "AsyncGenerator")) {
        if (nargs != 2) {
            check_error(a, "AsyncGenerator[...] takes two types: yield and send");
            return ty_any;
        }
        Type *y = check_ann(args->data[0]), *s = check_ann(args->data[1]);
        return ty_agen(y, s == ty_none ? ty_any : s);
    }
    if (!strcmp(name, "Generator")) {
        if (nargs != 3) {
            check_error(a, "Generator[...] takes three types: yield, send and return");
            return ty_any;
        }
        Type *t[3];
        for (int i = 0; i < 3; i++) t[i] = check_ann(args->data[i]);
        /* what send() delivers travels as an object; None means "only next()" */
        return ty_gen(t[0], t[1] == ty_none ? ty_any : t[1], t[2]);
    }
    return NULL;
}

/* Before the body (state 0): an annotation Generator[Y, S, R] fixes the
 * three types.  After it, in the last pass: a generator that never yields a
 * value yields objects (None). */
void gen_finish(Func *fn) {
    if (fn->state == 0) {
        if (fn->ret && fn->ret->kind == TY_AGEN && fn->is_async) {
            fn->yield_ty = fn->ret->elems[0];
            fn->yield_declared = true;
            fn->send_ty = fn->ret->elems[1];
            fn->ret = ty_none;
        } else if (fn->ret && fn->ret->kind == TY_GEN && !fn->is_async) {
            fn->yield_ty = fn->ret->elems[0];
            fn->yield_declared = true;
            fn->send_ty = fn->ret->elems[1];
            fn->ret = fn->ret->elems[2];
        } else if (fn->ret == ty_none) {
            fn->ret = NULL; /* -> None on a generator says nothing of its items */
        } else if (fn->ret && fn->ret != ty_any) {
            check_error(fn->def->a, fn->is_async ? "an async generator's return annotation must be AsyncGenerator[...], "
                                                   "AsyncIterator[...] or AsyncIterable[...]"
                                                 : "a generator's return annotation must be Generator[...], "
                                                   "Iterator[...] or Iterable[...]");
            fn->ret = NULL;
        }
        if (!fn->send_ty) fn->send_ty = ty_any;
        return;
    }
    if (!fn->yield_ty && inf.final_pass) fn->yield_ty = ty_any;
}

/* The type of a call of generator function fn: its items are not known
 * until a pass has seen a yield of a known type. */
Type *gen_type_of(Func *fn) {
    Type *y = fn->yield_ty ? fn->yield_ty : inf.final_pass ? ty_any : ty_unknown;
    if (fn->is_async) return ty_agen(y, fn->send_ty ? fn->send_ty : ty_any);
    return ty_gen(y, fn->send_ty ? fn->send_ty : ty_any, fn->ret ? fn->ret : inf.final_pass ? ty_any : ty_unknown);
}

/* A yielded value's type joins the others; values of different types
 * make the generator yield objects, as a list literal of them would.  A
 * type not inferred yet waits for a later pass. */
static void add_yield(Func *fn, Node *at, Type *t) {
    if (t == ty_none && !fn->yield_declared) t = ty_any; /* None-valued variables are not in the dialect */
    if (fn->yield_declared) {
        if (!ty_assignable(fn->yield_ty, t))
            check_error(at, "%s() yields '%s' here but is annotated to yield '%s'", fn->name, ty_name(t),
                        ty_name(fn->yield_ty));
        return;
    }
    if (t->kind == TY_UNKNOWN) return;
    Type *before = fn->yield_ty;
    if (!fn->yield_ty)
        fn->yield_ty = t;
    else if (fn->yield_ty != t && fn->yield_ty != ty_any) /* an int and a float yield objects, not floats */
        fn->yield_ty = ty_numeric(fn->yield_ty) && ty_numeric(t) ? ty_any : ty_slot(ty_join(fn->yield_ty, t));
    if (fn->yield_ty != before) inf.changes++;
}

Type *gen_yield_expr(Node *e, Func *fn) {
    if (!fn || !fn->is_gen) {
        check_error(e, "'yield' outside function");
        if (e->a) check_expr(e->a, NULL);
        return ty_any;
    }
    if (e->ival && fn->is_async) {
        check_error(e, "'yield from' inside async function");
        check_expr(e->a, NULL);
        return ty_any;
    }
    if (e->ival) { /* yield from: the subgenerator's items, then its result */
        Type *t = check_expr(e->a, NULL);
        if (t->kind == TY_INST && !t->opt) t = class_iter_of(e->a, t); /* what its __iter__ gives */
        if (t->kind == TY_LIST) {
            Node *inner = xcalloc(1, sizeof *inner);
            *inner = *e->a;
            e->a->kind = N_CALL;
            e->a->builtin = B_GEN_OP;
            e->a->ival = GOP_ITER_LIST;
            e->a->list = (Vec){0};
            e->a->list2 = (Vec){0};
            vec_push(&e->a->list, inner);
            t = e->a->ty = ty_gen(t->elem, ty_any, ty_none);
        }
        if (t->kind != TY_GEN) {
            if (t == ty_any)
                check_error(e->a, "yield from of an 'object' value is not supported yet");
            else
                check_error(e->a, "yield from needs a generator or a list, not '%s'", ty_name(t));
            return ty_any;
        }
        add_yield(fn, e->a, t->elems[0]);
        return t->elems[2];
    }
    Type *t = e->a ? check_expr(e->a, fn->yield_declared ? fn->yield_ty : NULL) : ty_none;
    add_yield(fn, e, t);
    /* a tinyio loop sends back the result of what was yielded */
    if (check_uses_tinyio() && fn->send_ty == ty_any) return tinyio_sent_type(e->a, t);
    return fn->send_ty;
}

static Type *arg_gen(Node *e, int i, const char *what) {
    Node *a = e->list.data[i];
    Type *t = check_expr(a, NULL);
    if (t == ty_any)
        check_error(a, "%s of an 'object' value is not supported yet", what);
    else if (t->kind != TY_GEN)
        check_error(a, "%s: '%s' object is not an iterator", what, ty_name(t));
    return t;
}

/* next(g), next(g, default), iter(x); NULL for other names. */
Type *gen_builtin_call(Node *e, const char *name) {
    bool is_next = !strcmp(name, "next"), is_iter = !strcmp(name, "iter");
    if (!is_next && !is_iter) return NULL;
    e->builtin = B_GEN_OP;
    if (e->list2.len) check_error(e->list2.data[0], "%s() takes no keyword arguments", name);
    int lo = 1, hi = is_next ? 2 : 1;
    if (e->list.len < lo || e->list.len > hi) {
        check_error(e, "%s expected %s%d argument%s, got %d", name, lo == hi ? "" : "at most ", hi, hi == 1 ? "" : "s",
                    e->list.len);
        for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
        return ty_any;
    }
    if (is_iter) {
        Type *t = check_expr(e->list.data[0], NULL);
        if (t->kind == TY_DICT || ty_is_set(t) || t->kind == TY_VIEW) {
            Type *at[2] = {t, NULL};
            iter_arg_as_list(e, 0, at); /* iter(d): over a snapshot of its keys, list(d) */
            t = at[0];
        }
        if (t->kind == TY_GEN) {
            e->ival = GOP_ITER_GEN;
            return t;
        }
        if (t->kind == TY_LIST) {
            e->ival = GOP_ITER_LIST;
            return ty_gen(t->elem, ty_any, ty_none);
        }
        if (t == ty_any)
            check_error(e->list.data[0], "iter() of an 'object' value is not supported yet");
        else
            check_error(e->list.data[0], "iter() of '%s' is not supported yet", ty_name(t));
        return ty_any;
    }
    Type *g = arg_gen(e, 0, "next()");
    if (g->kind != TY_GEN) return ty_any;
    if (e->list.len == 1) {
        e->ival = GOP_NEXT;
        return g->elem;
    }
    e->ival = GOP_NEXT_DEFAULT;
    Type *d = check_expr(e->list.data[1], g->elem);
    if (d == g->elem) return d;
    return ty_any; /* the default as it is, or an item: an object */
}

bool gen_coro_method(const char *name) {
    return !strcmp(name, "send") || !strcmp(name, "throw") || !strcmp(name, "close");
}

/* g.send(v), g.throw(exc), g.close(); the same on a coroutine object,
 * whose bare yields hand out None */
Type *gen_method_call(Node *e, Type *recv) {
    const char *m = e->a->sval;
    e->builtin = B_GEN_OP;
    int want = -1;
    if (!strcmp(m, "send")) {
        e->ival = GOP_SEND;
        want = 1;
    } else if (!strcmp(m, "throw")) {
        e->ival = GOP_THROW;
        want = 1;
    } else if (!strcmp(m, "close")) {
        e->ival = GOP_CLOSE;
        want = 0;
    } else if (!strcmp(m, "__next__") && recv->kind == TY_GEN) {
        e->ival = GOP_NEXT;
        want = 0;
    }
    if (want < 0) {
        check_error(e->a, "'generator' object has no attribute '%s'", m);
        return ty_any;
    }
    if (e->list2.len) check_error(e->list2.data[0], "%s() takes no keyword arguments", m);
    if (e->list.len != want) {
        check_error(e, "%s() takes %s argument%s (%d given)", m, want ? "exactly one" : "no", want ? "" : "s",
                    e->list.len);
        return ty_any;
    }
    if (e->ival == GOP_THROW) {
        Type *t = check_expr(e->list.data[0], NULL);
        if (t->kind != TY_EXC && t->kind != TY_CLASS)
            check_error(e->list.data[0], "throw() needs an exception, not '%s'", ty_name(t));
    } else if (e->ival == GOP_SEND) {
        Type *want = recv->kind == TY_GEN ? recv->elems[1] : ty_any;
        Type *t = check_expr(e->list.data[0], want);
        if (!ty_assignable(want, t) && t != ty_none)
            check_error(e->list.data[0], "send() of '%s' to a generator that receives '%s'", ty_name(t),
                        ty_name(recv->elems[1]));
    }
    if (recv->kind == TY_CORO) {
        e->ival += GOP_CSEND - GOP_SEND;
        return e->ival == GOP_CCLOSE ? ty_none : ty_any;
    }
    return e->ival == GOP_CLOSE ? ty_none : recv->elem;
}

/* sum(g), sorted(g), list(g), ...: the items as a list, made at once */
Type *gen_materialize(Node *a) {
    Node *inner = xcalloc(1, sizeof *inner);
    *inner = *a;
    Node *call = a;
    memset(call, 0, sizeof *call);
    call->kind = N_CALL;
    call->loc = inner->loc;
    call->builtin = B_GEN_OP;
    call->ival = GOP_TO_LIST;
    vec_push(&call->list, inner);
    return call->ty = ty_list(inner->ty->elem);
}

/* ---- generator expressions as values ------------------------------------ */

/* Names the expression reads that are locals of the function around it:
 * they become the parameters of the generator, passed when it is made. */
static void free_names(Node *n, Vec *bound, Vec *out) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF) return;
    if (n->kind == N_NAME) {
        for (int i = 0; i < bound->len; i++)
            if (!strcmp(bound->data[i], n->sval)) return;
        Var *v = check_lookup(n->sval);
        if (!v || v->is_global || !v->ty) return;
        for (int i = 0; i < out->len; i++)
            if (out->data[i] == v) return;
        vec_push(out, v);
        return;
    }
    free_names(n->a, bound, out);
    free_names(n->b, bound, out);
    free_names(n->c, bound, out);
    free_names(n->d, bound, out);
    for (int i = 0; i < n->list.len; i++) free_names(n->list.data[i], bound, out);
    for (int i = 0; i < n->list2.len; i++) free_names(n->list2.data[i], bound, out);
}

static void bound_names(Node *t, Vec *bound) {
    if (t->kind == N_NAME) vec_push(bound, t->sval);
    for (int i = 0; t->kind == N_TUPLE && i < t->list.len; i++) bound_names(t->list.data[i], bound);
}

static Node *new_node_at(NodeKind k, Loc loc) {
    Node *n = xcalloc(1, sizeof *n);
    n->kind = k;
    n->loc = loc;
    return n;
}

/* The clauses nested as statements, innermost `yield body`. */
static Node *genexp_body(Node *e, int i) {
    Node *blk = new_node_at(N_BLOCK, e->loc);
    if (i == e->list.len) {
        Node *y = new_node_at(N_YIELD, e->a->loc);
        y->a = e->a;
        Node *s = new_node_at(N_EXPR, e->a->loc);
        s->a = y;
        vec_push(&blk->list, s);
        return blk;
    }
    Node *c = e->list.data[i];
    Node *s = new_node_at(c->kind, c->loc);
    s->a = c->a;
    s->ival = c->ival; /* async for */
    if (c->kind == N_FOR) {
        s->b = c->b;
        s->c = genexp_body(e, i + 1);
    } else {
        s->b = genexp_body(e, i + 1);
    }
    vec_push(&blk->list, s);
    return blk;
}

/* The <genexpr> functions, one per source expression and enclosing
 * function (specialisation): every inference pass checks fresh copies of
 * the trees, and the function made the first time is the one each later
 * pass fills in again. */
typedef struct GenExpr {
    Func *fn;
    Func *encl;
    Loc loc;
} GenExpr;
static Vec genexprs;

static Func *genexpr_func(Func *encl, Loc loc) {
    for (int i = 0; i < genexprs.len; i++) {
        GenExpr *g = genexprs.data[i];
        if (g->encl == encl && g->loc.line == loc.line && g->loc.col == loc.col) return g->fn;
    }
    GenExpr *g = xcalloc(1, sizeof *g);
    Func *fn = g->fn = xcalloc(1, sizeof *fn);
    g->encl = encl;
    g->loc = loc;
    fn->name = "<genexpr>";
    fn->cname = format("genexpr_%d_%d_%d", loc.line, loc.col, genexprs.len + 1);
    fn->is_gen = true;
    fn->send_ty = ty_any;
    fn->def = new_node_at(N_FUNCDEF, loc);
    fn->def->fn = fn;
    vec_push(&genexprs, g);
    return fn;
}

/* The parameter that carries the enclosing local `outer`: the same Var in
 * every pass, so the body's other locals keep their types. */
static Var *genexpr_param(Func *fn, Var *outer, Loc loc) {
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (v->is_param && !strcmp(v->name, outer->name)) return v;
    }
    Var *v = xcalloc(1, sizeof *v);
    v->name = outer->name;
    v->loc = loc;
    v->owner = fn;
    v->is_param = true;
    vec_push(&fn->locals, v);
    return v;
}

/* An async clause or an await (nested functions aside) makes a
 * generator expression asynchronous, as in CPython. */
static bool awaits_in(Node *n) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF || n->kind == N_LAMBDA) return false;
    if (n->kind == N_AWAIT || (n->kind == N_FOR && n->ival)) return true;
    if (awaits_in(n->a) || awaits_in(n->b) || awaits_in(n->c) || awaits_in(n->d)) return true;
    for (int i = 0; i < n->list.len; i++)
        if (awaits_in(n->list.data[i])) return true;
    for (int i = 0; i < n->list2.len; i++)
        if (awaits_in(n->list2.data[i])) return true;
    return false;
}

/* (body for x in xs if c): a generator function of its own, as CPython
 * compiles it, whose parameters are the enclosing function's locals it
 * reads (their values when the generator is made); the expression becomes
 * a call of it. */
Type *gen_expr_value(Node *e, Func *cur) {
    Vec bound = {0}, caps = {0};
    for (int i = 0; i < e->list.len; i++) {
        Node *c = e->list.data[i];
        if (c->kind == N_FOR) bound_names(c->a, &bound);
    }
    if (cur) free_names(e, &bound, &caps);
    Func *fn = genexpr_func(cur, e->loc);
    fn->is_async = awaits_in(e); /* (x async for x in g()): an async generator */
    if (fn->is_async && (!cur || !cur->is_async))
        check_error(e, "asynchronous comprehension outside of an asynchronous function");
    Node *call = e;
    if (fn->used_pass != inf.pass) { /* this pass's copy of the expression */
        fn->state = 0;
        fn->params = xcalloc((size_t)caps.len + 1, sizeof(Param));
        fn->nparams = 0;
        fn->def->b = genexp_body(e, 0);
        for (int i = 0; i < caps.len; i++) {
            Var *outer = caps.data[i];
            Var *v = genexpr_param(fn, outer, e->loc);
            v->ty = outer->ty;
            fn->params[fn->nparams++].var = v;
        }
    }
    memset(call, 0, sizeof *call);
    call->kind = N_CALL;
    call->loc = fn->def->loc;
    call->builtin = B_GEN_OP;
    call->ival = GOP_NEW;
    call->fn = fn;
    for (int i = 0; i < caps.len; i++) {
        Node *ref = new_node_at(N_NAME, call->loc);
        ref->sval = ((Var *)caps.data[i])->name;
        check_expr(ref, NULL);
        vec_push(&call->list, ref);
    }
    check_function(fn);
    Type *y = fn->yield_ty ? fn->yield_ty : inf.final_pass ? ty_any : ty_unknown;
    return fn->is_async ? ty_agen(y, ty_any) : ty_gen(y, ty_any, ty_none);
}

/* The <genexpr> functions the last pass reached, for the emitter. */
void gen_keep_genexprs(Vec *funcs) {
    for (int i = 0; i < genexprs.len; i++) {
        Func *fn = ((GenExpr *)genexprs.data[i])->fn;
        if (fn->used_pass == inf.pass) vec_push(funcs, fn);
    }
}

/* A new program: nothing of an earlier one in this process (the fuzzer). */
void gen_begin(void) { genexprs.len = 0; }

/* ---- async generators: the consumer's side ------------------------------ */

/* anext(g) [default], aiter(g); NULL for other names or other operands
 * (an instance's anext/aiter are its dunders, check_class.c). */
Type *agen_builtin_call(Node *e, const char *name) {
    bool is_next = !strcmp(name, "anext"), is_iter = !strcmp(name, "aiter");
    if (!is_next && !is_iter) return NULL;
    int hi = is_next ? 2 : 1;
    if (e->list2.len || e->list.len < 1 || e->list.len > hi) {
        check_error(e, "%s() takes %s argument%s", name, is_next ? "1 or 2" : "exactly one", is_next ? "s" : "");
        for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
        return ty_any;
    }
    Type *t = check_expr(e->list.data[0], NULL);
    if (t->kind == TY_UNKNOWN) return ty_unknown;
    if (t->kind != TY_AGEN) {
        check_error(e->list.data[0], "%s() of '%s' is not supported (an async generator or an instance with %s)", name,
                    ty_name(t), is_next ? "__anext__" : "__aiter__");
        return ty_any;
    }
    e->builtin = B_GEN_OP;
    if (is_iter) {
        e->ival = GOP_ITER_GEN;
        return t;
    }
    if (e->list.len == 1) {
        e->ival = GOP_ANEXT;
        return ty_coro(t->elem);
    }
    e->ival = GOP_ANEXT_DEFAULT;
    Type *d = check_expr(e->list.data[1], t->elem);
    return ty_coro(d == t->elem ? d : ty_any);
}

/* g.__anext__(), g.asend(v), g.athrow(exc), g.aclose(), g.__aiter__():
 * awaitables (typed as coroutines) whose await is one state
 * (emit_await.c); the receiver becomes the first argument, so lower.c can
 * wrap one used as a value like anext(g). */
Type *agen_method_call(Node *e, Type *recv) {
    const char *m = e->a->sval;
    static const struct {
        const char *name;
        int op, nargs;
    } ops[] = {{"__anext__", GOP_ANEXT, 0}, {"asend", GOP_ASEND, 1},     {"athrow", GOP_ATHROW, 1},
               {"aclose", GOP_ACLOSE, 0},   {"__aiter__", GOP_ITER_GEN, 0}};
    int k = -1;
    for (int i = 0; i < (int)(sizeof ops / sizeof *ops); i++)
        if (!strcmp(m, ops[i].name)) k = i;
    if (k < 0) {
        check_error(e->a, "'async_generator' object has no attribute '%s'", m);
        return ty_any;
    }
    if (e->list2.len) check_error(e->list2.data[0], "%s() takes no keyword arguments", m);
    if (e->list.len != ops[k].nargs) {
        check_error(e, "%s() takes %s argument%s (%d given)", m, ops[k].nargs ? "exactly one" : "no",
                    ops[k].nargs ? "" : "s", e->list.len);
        return ty_any;
    }
    Node *arg = e->list.len ? e->list.data[0] : NULL;
    if (ops[k].op == GOP_ATHROW) {
        Type *t = check_expr(arg, NULL);
        if (t->kind != TY_EXC && t->kind != TY_CLASS && t->kind != TY_UNKNOWN)
            check_error(arg, "athrow() needs an exception, not '%s'", ty_name(t));
    } else if (ops[k].op == GOP_ASEND) {
        Type *t = check_expr(arg, recv->elems[1]);
        if (!ty_assignable(recv->elems[1], t) && t != ty_none && t->kind != TY_UNKNOWN)
            check_error(arg, "asend() of '%s' to an async generator that receives '%s'", ty_name(t),
                        ty_name(recv->elems[1]));
    }
    e->builtin = B_GEN_OP;
    e->ival = ops[k].op;
    e->list = (Vec){0};
    vec_push(&e->list, e->a->a);
    if (arg) vec_push(&e->list, arg);
    switch (ops[k].op) {
    case GOP_ITER_GEN: return recv;
    case GOP_ACLOSE: return ty_coro(ty_none);
    case GOP_ATHROW: return ty_coro(ty_any); /* an item, or None when it ends */
    default: return ty_coro(recv->elem);
    }
}

/* CPython's name of a value's type, for "'async for' requires an object
 * with __aiter__ method, got list". */
const char *agen_py_type_name(Node *it, Type *t) {
    if (it->kind == N_CALL && it->builtin == B_RANGE) return "range";
    switch (t->kind) {
    case TY_INT: return "int";
    case TY_FLOAT: return "float";
    case TY_BOOL: return "bool";
    case TY_STR: return "str";
    case TY_NONE: return "NoneType";
    case TY_LIST: return "list";
    case TY_TUPLE: return "tuple";
    case TY_DICT: return "dict";
    case TY_SET: return "set";
    case TY_FROZENSET: return "frozenset";
    case TY_VIEW: return t->view == 1 ? "dict_keys" : t->view == 2 ? "dict_values" : "dict_items";
    case TY_GEN: return "generator";
    case TY_CORO: return "coroutine";
    case TY_TASK: return "Task";
    case TY_FUNC: return "function";
    case TY_INST: return t->cls->name;
    default: return NULL;
    }
}
