/* check_closure.c -- functions as values: nested defs and lambdas, the
 * variables they capture (cells), calls through a function value, map(),
 * filter() and decorators.  docs/DESIGN.md, "Functions as values",
 * describes the design.
 *
 * A nested def (or lambda) is a def of its own per specialisation of the
 * function it stands in (its `enclosing`): the types of what it captures
 * come from there.  Its specialisations take their function value as a
 * hidden first parameter (Func.self), through which they reach their cells
 * and the defaults evaluated where the def stands. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

static Vec nested; /* Func*: every nested def made so far */
static Node *str_node(const char *s, Loc loc);

/* ---- types ------------------------------------------------------------------ */

static int targets_of(Type *t, Type **out) {
    if (t->fn) {
        out[0] = t;
        return 1;
    }
    for (int i = 0; i < t->nelems; i++) out[i] = t->elems[i];
    return t->nelems;
}

static int by_id(const void *a, const void *b) {
    const Type *x = *(Type *const *)a, *y = *(Type *const *)b;
    return (x->id > y->id) - (x->id < y->id);
}

enum { MAX_TARGETS = 16 };

/* func[f] | func[g] = func[f | g]: a call through it dispatches on the def. */
Type *func_join(Type *a, Type *b) {
    if (a->opt || b->opt) { /* f | None: the join of the functions, NULL for None */
        Type *j = func_join(ty_strip(a), ty_strip(b));
        return j == ty_any ? j : ty_optional(j);
    }
    Type *all[2 * MAX_TARGETS + 2];
    int n = targets_of(a, all), m = targets_of(b, all + n);
    int k = 0;
    for (int i = 0; i < n + m; i++) {
        bool dup = false;
        for (int j = 0; j < k && !dup; j++) dup = all[j] == all[i];
        if (!dup) all[k++] = all[i];
    }
    if (k > MAX_TARGETS) return ty_any;
    qsort(all, (size_t)k, sizeof *all, by_id);
    Type **el = xcalloc((size_t)k + 1, sizeof(Type *));
    memcpy(el, all, (size_t)k * sizeof(Type *));
    return ty_funcs(el, k);
}

char *func_type_name(const Type *t) {
    if (t->fn) return format("function %s", t->fn->name);
    Buf b = {0};
    buf_puts(&b, "function (");
    for (int i = 0; i < t->nelems; i++) buf_printf(&b, "%s%s", i ? " | " : "", t->elems[i]->fn->name);
    buf_puts(&b, ")");
    return buf_take(&b);
}

/* ---- nested defs --------------------------------------------------------------- */

/* The def of `parsed` made in the specialisation `cur`, if there is one. */
Func *closure_nested_in(Func *cur, Func *parsed) {
    for (int i = 0; i < nested.len; i++) {
        Func *d = nested.data[i];
        if (d->parsed == parsed && d->enclosing == cur) return d;
    }
    return NULL;
}

/* The def of `parsed` standing in the specialisation `cur` (NULL: module). */
static Func *nested_def(Func *cur, Func *parsed) {
    for (int i = 0; i < nested.len; i++) {
        Func *d = nested.data[i];
        if (d->parsed == parsed && d->enclosing == cur) return d;
    }
    Func *d = xcalloc(1, sizeof *d);
    d->name = parsed->name;
    d->def = parsed->def;
    d->is_async = parsed->is_async;
    d->is_lambda = parsed->is_lambda;
    d->params = parsed->params;
    d->nparams = parsed->nparams;
    d->parsed = parsed;
    d->enclosing = cur;
    d->def_types = xcalloc((size_t)d->nparams + 1, sizeof(Type *));
    check_signature(d);
    vec_push(&nested, d);
    vec_push(&inf.defs, d);
    inf.changes++;
    return d;
}

void closure_new_pass(void) {
    for (int i = 0; i < nested.len; i++) {
        Func *d = nested.data[i];
        for (int k = 0; k < d->captures.len; k++) ((Var *)d->captures.data[k])->cell = false;
        d->captures = (Vec){0};
    }
}

/* A lambda or nested def evaluated where it stands: its defaults are
 * computed there (they travel in the function value), and the scopes of
 * the comprehensions around it are remembered for its body. */
Type *closure_def_value(Node *e, Func *cur, Vec *scopes) {
    Func *parsed = e->fn->parsed ? e->fn->parsed : e->fn;
    if (e->ival) return ty_func(parsed); /* a module-level def under a decorator */
    Func *d = nested_def(cur, parsed);
    if (e->d && check_expr(e->d, NULL)->kind != TY_FUNC) e->d = NULL; /* wraps(f): f's name */
    d->def_scopes = (Vec){0};
    for (int i = 0; i < scopes->len; i++) vec_push(&d->def_scopes, scopes->data[i]);
    Vec defs = {0};
    for (int j = 0; j < d->nparams; j++) {
        Param *p = &d->params[j];
        Node *dn = p->def ? clone_node(p->def) : NULL;
        if (dn) {
            Type *t = check_expr(dn, p->var->fixed ? p->var->ty : NULL);
            if (p->var->fixed && !ty_assignable(p->var->ty, t))
                check_error(dn, "default value of '%s' has type '%s', but '%s' is declared", p->var->name,
                            ty_name(t), ty_name(p->var->ty));
            Type *jt = ty_slot(ty_join(d->def_types[j], t)); /* it travels in a box */
            if (jt != d->def_types[j]) {
                d->def_types[j] = jt;
                inf.changes++;
            }
        }
        vec_push(&defs, dn);
    }
    e->list2 = defs;
    e->fn = d;
    return ty_func(d);
}

Type *closure_default_type(Func *fn, int j) {
    if (!fn->parsed) return NULL;
    return fn->def_types[j] ? fn->def_types[j] : ty_unknown;
}

/* ---- captured variables ----------------------------------------------------------- */

static Var *find_var(Vec *vars, const char *name) {
    for (int i = 0; i < vars->len; i++) {
        Var *v = vars->data[i];
        if (!strcmp(v->name, name)) return v;
    }
    return NULL;
}

static bool declared(Vec *names, const char *name) {
    for (int i = 0; i < names->len; i++)
        if (!strcmp(names->data[i], name)) return true;
    return false;
}

bool closure_nonlocal(Func *fn, const char *name) { return declared(&fn->nonlocals, name); }

static void capture(Func *d, Var *v) {
    for (int i = 0; i < d->captures.len; i++)
        if (d->captures.data[i] == v) return;
    vec_push(&d->captures, v);
    v->cell = true;
    if (v->ty && v->ty->tag) { /* a cell holds one ac_val: the union boxed */
        v->ty = ty_any;
        inf.changes++;
    }
}

/* A name a nested def's body uses and does not bind: the comprehension
 * scopes and then the variables of the functions around it (CPython's
 * enclosing scopes).  Module globals are not captured. */
Var *closure_lookup(Func *fn, const char *name, bool store) {
    (void)store;
    Func *d = fn ? fn->origin : NULL;
    if (!d || !d->parsed) return NULL;
    Var *v = NULL;
    for (int i = d->def_scopes.len - 1; i >= 0 && !v; i--) v = find_var(d->def_scopes.data[i], name);
    Func *e = d->enclosing;
    if (!v && e && !declared(&e->globals_decl, name)) {
        v = find_var(&e->locals, name);
        if (!v) v = check_bound_local(e, name); /* bound further down e's body */
        if (!v) v = closure_lookup(e, name, store);
    }
    if (!v || v->is_global) return v;
    /* a def that calls itself by its name, never rebound: its own value,
     * not a cell holding it (that cycle would never be freed) */
    if (!store && fn->self && !d->is_lambda && !strcmp(name, d->name) && v->ty == ty_func(d)) return fn->self;
    capture(d, v);
    return v;
}

/* ---- calls through a function value ------------------------------------------------ */

char *closure_bind_error;

static const char *plural(int n, const char *word) { return n == 1 ? word : format("%ss", word); }

/* Bind n positional arguments and the keywords (names) to def's
 * parameters: map[j] is the argument of parameter j, MAP_DEFAULT for its
 * default, MAP_STAR - s for a *args tuple of the arguments from s on,
 * MAP_KW for **kwargs: the keyword arguments listed in kwsel (-1 ends it). */
static bool bind_args(Node *at, Func *def, int npos, const char **kw, int nkw, int *map, int *kwsel) {
    int np = def->nparams, star = -1, dstar = -1, nposp = 0, req = 0, nsel = 0;
    const char *qn = check_qualname(def);
    (void)at;
    closure_bind_error = NULL;
    for (int j = 0; j < np; j++) {
        Param *p = &def->params[j];
        map[j] = p->star == 2 ? MAP_KW : MAP_DEFAULT;
        if (p->star == 1) star = j;
        if (p->star == 2) dstar = j;
        if (!p->star && !p->kwonly) nposp++, req += !p->def;
    }
    if (npos > nposp && star < 0) {
        closure_bind_error = format("%s() takes %s%d positional %s but %d %s given", qn,
                                    req < nposp ? format("from %d to ", req) : "", nposp, plural(nposp, "argument"),
                                    npos, npos == 1 ? "was" : "were");
        return false;
    }
    for (int i = 0, j = 0; i < npos && i < nposp; i++, j++) {
        while (def->params[j].star || def->params[j].kwonly) j++;
        map[j] = i;
    }
    if (star >= 0) map[star] = MAP_STAR - (npos < nposp ? npos : nposp);
    for (int k = 0; k < nkw; k++) {
        int j;
        for (j = 0; j < np; j++)
            if (!def->params[j].star && !strcmp(def->params[j].var->name, kw[k])) break;
        if (j == np && dstar >= 0) {
            kwsel[nsel++] = npos + k;
            continue;
        }
        if (j == np) {
            closure_bind_error = format("%s() got an unexpected keyword argument '%s'", qn, kw[k]);
            return false;
        }
        if (map[j] >= 0) {
            closure_bind_error = format("%s() got multiple values for argument '%s'", qn, kw[k]);
            return false;
        }
        map[j] = npos + k;
    }
    kwsel[nsel] = -1;
    for (int j = 0; j < np; j++)
        if (map[j] == MAP_DEFAULT && !def->params[j].def) {
            closure_bind_error = format("%s() missing 1 required %s argument: '%s'", qn,
                                        def->params[j].kwonly ? "keyword-only" : "positional",
                                        def->params[j].var->name);
            return false;
        }
    return true;
}

/* The specialisation a call with these argument types reaches. */
/* nargs: the positional arguments (keywords follow them in at) */
static Func *target_spec(Func *def, Type **at, int nargs, int *map, int *kwsel, const char **kw) {
    Type **key = xcalloc((size_t)def->nparams + 1, sizeof(Type *));
    for (int j = 0; j < def->nparams; j++) {
        Param *p = &def->params[j];
        if (map[j] <= MAP_STAR) { /* the rest of the positional arguments */
            int from = MAP_STAR - map[j];
            Type **el = xcalloc((size_t)(nargs - from) + 1, sizeof(Type *));
            for (int i = from; i < nargs; i++) el[i - from] = at[i];
            key[j] = ty_tuple(el, nargs - from);
        } else if (map[j] == MAP_KW) { /* a dict of the keywords nothing else took, their names in its type */
            Node d = {0};
            d.kind = N_DICT;
            Type *vt = NULL;
            for (int k = 0; kwsel[k] >= 0; k++) {
                vec_push(&d.list, str_node(kw[kwsel[k] - nargs], d.loc));
                vt = vt ? ty_join(vt, at[kwsel[k]]) : at[kwsel[k]];
            }
            key[j] = closure_kwargs_type(&d, ty_dict(ty_str, vt ? vt : ty_int));
        } else if (p->var->fixed)
            key[j] = p->var->ty;
        else if (map[j] >= 0)
            key[j] = at[map[j]];
        else
            key[j] = def->parsed ? closure_default_type(def, j) : default_type(p);
    }
    Func *sp = specialise(def, key);
    check_func(sp);
    return sp;
}

/* What calling specialisation sp of one of n possible targets gives: its
 * return type, a coroutine or a generator object; NULL (after an error)
 * for a generator among several targets. */
static Type *target_result(Func *sp, int n, Node *at, Type *ft) {
    Type *r = sp->ret ? sp->ret : ty_unknown;
    if (sp->is_async) r = ty_coro(r);
    if (sp->is_gen) r = gen_type_of(sp); /* a generator object */
    if (sp->is_gen && n > 1) {
        check_error(at, "a call of a value that may be one of several functions, one a generator (%s), is not "
                        "supported yet",
                    ty_name(ft));
        return NULL;
    }
    return r;
}

static Type *call_plan(Node *at, Type *ft, Type **args, int npos, const char **kw, int nkw, CallPlan **out) {
    Type *tg[MAX_TARGETS + 1];
    int n = targets_of(ft, tg);
    CallPlan *pl = xcalloc(1, sizeof *pl);
    pl->ntargets = n;
    pl->specs = xcalloc((size_t)n + 1, sizeof(Func *));
    pl->argmap = xcalloc((size_t)n + 1, sizeof(int *));
    pl->kwsel = xcalloc((size_t)n + 1, sizeof(int *));
    pl->kwnames = kw;
    pl->npos = npos;
    pl->nargs = npos + nkw;
    pl->arg_ty = args;
    Type *ret = NULL;
    for (int i = 0; i < n; i++) {
        Func *def = tg[i]->fn;
        pl->argmap[i] = xcalloc((size_t)def->nparams + 1, sizeof(int));
        pl->kwsel[i] = xcalloc((size_t)nkw + 1, sizeof(int));
        if (!bind_args(at, def, npos, kw, nkw, pl->argmap[i], pl->kwsel[i])) {
            /* f(args) of a value that is one def: CPython's TypeError when it runs */
            Func *cf = check_cur_fn();
            bool site = cf && (!strcmp(cf->name, "<callback>") || !strcmp(cf->name, "<run_in_thread>"));
            /* (not in the function a callback site makes: the loop calls it, and CPython reports its
             * TypeError there, so a wrong callback stays a compile error) */
            if (n == 1 && at->kind == N_CALL && at->builtin == B_VALUE_CALL && !site) {
                Type *r = def->specs.len ? ((Func *)def->specs.data[0])->ret : NULL;
                if (!r) r = inf.final_pass ? ty_any : ty_unknown;
                if (def->is_async) r = ty_coro(r);
                return check_raise_at(at, "TypeError", r, "%s", closure_bind_error);
            }
            check_error(at, "%s", closure_bind_error);
            return inf.final_pass ? ty_any : ty_unknown;
        }
        for (int k = 0; k < pl->nargs; k++)
            if (!args[k] || args[k]->kind == TY_UNKNOWN) return ty_unknown;
        Func *sp = pl->specs[i] = target_spec(def, args, npos, pl->argmap[i], pl->kwsel[i], kw);
        Type *r = target_result(sp, n, at, ft);
        if (!r) return ty_any;
        ret = ret ? ty_join(ret, r) : r;
    }
    pl->ret = ret;
    *out = pl;
    return ret;
}

static bool spread_positional(Node *call, Vec *pos);
static bool spread_keywords(Node *call, Vec *names, Vec *vals);

/* f(*xs, **kw) of a function value, bound when it runs (check_spread.c):
 * each possible def's parameters typed by what could reach them. */
static Type *value_call_spread(Node *e, Type *ft) {
    Type *tg[MAX_TARGETS + 1] = {0};
    int n = targets_of(ft, tg);
    e->builtin = B_VALUE_CALL;
    if (n < 1) return ty_any;
    BindPlan *bp = spread_plan(e, tg[0]->fn, 0);
    if (!bp) return inf.final_pass ? ty_any : ty_unknown;
    bp->qualnames = (Vec){0};
    CallPlan *pl = xcalloc(1, sizeof *pl);
    pl->ntargets = n;
    pl->specs = xcalloc((size_t)n + 1, sizeof(Func *));
    pl->bind = bp;
    Type *ret = NULL;
    for (int i = 0; i < n; i++) {
        Func *def = tg[i]->fn;
        vec_push(&bp->qualnames, (char *)check_qualname(def));
        Type **key = xcalloc((size_t)def->nparams + 1, sizeof(Type *));
        for (int j = 0; j < def->nparams; j++) {
            key[j] = def->params[j].var->fixed ? def->params[j].var->ty : spread_param_type(bp, def, j);
            if (!key[j]) return inf.final_pass ? ty_any : ty_unknown;
        }
        Func *sp = pl->specs[i] = specialise(def, key);
        check_func(sp);
        Type *r = target_result(sp, n, e, ft);
        if (!r) return ty_any;
        ret = ret ? ty_join(ret, r) : r;
    }
    pl->ret = ret;
    e->plan = pl;
    return ret;
}

/* f(args) of a function value: f(*t, **kw) spread first (statically), the
 * arguments then evaluated once, in order, and bound per possible def. */
Type *value_call(Node *e, Type *ft) {
    if (ft->opt) {
        check_error(e->a, "'%s' may be None here; check 'is not None' first", ty_name(ft));
        return ty_any;
    }
    if (spread_dynamic(e)) return value_call_spread(e, ft);
    Vec pos = {0}, names = {0}, vals = {0};
    if (!spread_positional(e, &pos) || !spread_keywords(e, &names, &vals)) return inf.final_pass ? ty_any : ty_unknown;
    int npos = pos.len, nkw = names.len;
    Type **at = xcalloc((size_t)(npos + nkw) + 1, sizeof(Type *));
    Vec all = {0};
    for (int i = 0; i < npos; i++) vec_push(&all, pos.data[i]);
    for (int k = 0; k < nkw; k++) vec_push(&all, vals.data[k]);
    for (int i = 0; i < all.len; i++) at[i] = check_expr(all.data[i], NULL);
    e->list = all;
    e->list2 = (Vec){0};
    e->builtin = B_VALUE_CALL;
    return call_plan(e, ft, at, npos, (const char **)names.data, nkw, &e->plan);
}

Type *value_call_types(Node *at, Type *ft, Type **args, int n, CallPlan **plan) {
    return call_plan(at, ft, args, n, NULL, 0, plan);
}

/* ---- map(f, xs, ...) and filter(f, xs) ------------------------------------------------ */

/* The items of an iterable map/filter accept: a list, a str, a range. */
static Type *items_of(Node *a, Type *t) {
    if (t->kind == TY_UNKNOWN) return t;
    (void)a;
    if (t->kind == TY_LIST) return t->elem;
    if (t == ty_str) return ty_str;
    return NULL;
}

Type *map_filter_call(Node *e, bool is_filter) {
    const char *name = is_filter ? "filter" : "map";
    e->builtin = is_filter ? B_FILTER : B_MAP;
    if (e->list2.len) check_error(e->list2.data[0], "%s() takes no keyword arguments", name);
    int n = e->list.len - 1;
    if (n < 1 || (is_filter && n != 1)) {
        check_error(e, is_filter ? "filter expected 2 arguments, got %d" : "map() must have at least two arguments.",
                    e->list.len);
        return ty_any;
    }
    Node *f = e->list.data[0];
    Type *ft = check_expr(f, NULL);
    Type **items = xcalloc((size_t)n + 1, sizeof(Type *));
    for (int i = 0; i < n; i++) {
        Node *a = e->list.data[i + 1];
        if (a->kind == N_CALL && a->a->kind == N_NAME && !strcmp(a->a->sval, "range")) {
            Node *l = xcalloc(1, sizeof *l), *callee = xcalloc(1, sizeof *callee); /* list(range(...)) */
            l->kind = N_CALL;
            callee->kind = N_NAME;
            l->loc = callee->loc = a->loc;
            callee->sval = "list";
            l->a = callee;
            vec_push(&l->list, a);
            e->list.data[i + 1] = a = l;
        }
        Type *t = check_expr(a, NULL);
        items[i] = items_of(a, t);
        if (!items[i]) {
            check_error(a, "%s() over a '%s' is not supported yet (lists, str and range are)", name, ty_name(t));
            return ty_any;
        }
        if (items[i]->kind == TY_UNKNOWN) return ty_unknown;
    }
    if (ft->kind == TY_UNKNOWN) return ty_unknown;
    if (ft->kind != TY_FUNC) {
        check_error(f, "'%s' object is not callable", ty_name(ft));
        return ty_any;
    }
    Type *r = value_call_types(e, ft, items, n, &e->plan);
    if (!r || r->kind == TY_UNKNOWN) return ty_unknown;
    return ty_list(is_filter ? items[0] : r);
}

/* ---- builtins and decorated defs as values ---------------------------------------------- */

/* `str` where a function value is wanted: a lambda calling it, made once
 * per builtin (the lambda is a nested def like any other). */
static Func *print_def(Loc loc);

Node *builtin_as_lambda(Node *name) {
    static Map made;
    Func *fn = map_get(&made, name->sval);
    if (!fn && !strcmp(name->sval, "print")) {
        fn = print_def(name->loc);
        map_put(&made, fn->name, fn);
    }
    if (!fn) {
        Node *d = xcalloc(1, sizeof *d);
        d->kind = N_FUNCDEF;
        d->loc = name->loc;
        fn = xcalloc(1, sizeof *fn);
        d->fn = fn;
        fn->def = d;
        fn->name = xstrdup(name->sval);
        fn->is_lambda = true;
        fn->nparams = 1;
        fn->params = xcalloc(2, sizeof(Param));
        Var *v = xcalloc(1, sizeof *v);
        v->name = "x";
        v->loc = name->loc;
        v->is_param = true;
        fn->params[0].var = v;
        Node *call = xcalloc(1, sizeof *call), *callee = xcalloc(1, sizeof *callee), *arg = xcalloc(1, sizeof *arg);
        call->kind = N_CALL;
        callee->kind = arg->kind = N_NAME;
        call->loc = callee->loc = arg->loc = name->loc;
        callee->sval = fn->name;
        arg->sval = "x";
        call->a = callee;
        vec_push(&call->list, arg);
        Node *ret = xcalloc(1, sizeof *ret);
        ret->kind = N_RETURN;
        ret->loc = name->loc;
        ret->a = call;
        d->b = xcalloc(1, sizeof *d->b);
        d->b->kind = N_BLOCK;
        vec_push(&d->b->list, ret);
        map_put(&made, fn->name, fn);
    }
    name->kind = N_LAMBDA;
    name->fn = fn;
    return name;
}

static bool is_wraps(Node *d) {
    if (d->kind != N_CALL || d->list.len != 1 || d->list2.len) return false;
    Node *c = d->a;
    return (c->kind == N_NAME && !strcmp(c->sval, "wraps")) ||
           (c->kind == N_ATTR && !strcmp(c->sval, "wraps") && c->a->kind == N_NAME && !strcmp(c->a->sval, "functools"));
}

/* def f (nested, or under decorators): the expression whose value binds f:
 * the function itself, or dec1(dec2(<f>)) for @dec1 @dec2 def f. */
Node *def_value_node(Node *s, bool toplevel) {
    Node *v = xcalloc(1, sizeof *v);
    v->kind = N_LAMBDA;
    v->loc = s->loc;
    v->fn = s->fn->parsed ? s->fn->parsed : s->fn;
    v->ival = toplevel;
    for (int i = s->list.len - 1; i >= 0; i--) {
        Node *dn = s->list.data[i];
        if (is_wraps(dn)) { /* @functools.wraps(f): the value takes f's __name__ */
            Node *src = clone_node(dn->list.data[0]);
            if (v->kind == N_LAMBDA) v->d = src;
            continue;
        }
        Node *call = xcalloc(1, sizeof *call);
        call->kind = N_CALL;
        call->loc = ((Node *)s->list.data[i])->loc;
        call->a = clone_node(s->list.data[i]);
        vec_push(&call->list, v);
        v = call;
    }
    return v;
}

/* ---- after the last pass: cells ------------------------------------------------------ */

static Vec cell_recs; /* CellRec* */
static Map kw_records;

static Var *hidden_var(Func *fn, const char *name, Type *t, Loc loc) {
    Var *v = check_new_var(name, loc, fn);
    v->ty = t;
    v->assigned_pass = inf.pass;
    return v;
}

/* A captured variable lives in a cell (a box the function makes when it
 * starts) that every closure over it shares; a captured parameter is
 * copied into its cell there. */
static void make_cells(Func *fn) {
    Vec keep = {0};
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->cell) {
            vec_push(&keep, v);
            continue;
        }
        CellRec *r = xcalloc(1, sizeof *r);
        r->fn = fn;
        r->var = v;
        r->box = v->cellbox = hidden_var(fn, format("%s_cell", v->name), ty_any, v->loc);
        vec_push(&keep, r->box);
        if (v->is_param) {
            for (int j = 0; j < fn->nparams; j++)
                if (fn->params[j].var == v) {
                    Var *a = hidden_var(fn, v->name, v->ty, v->loc);
                    a->is_param = true;
                    a->read = true;
                    fn->params[j].var = a;
                    r->arg = a;
                    vec_push(&keep, a);
                }
            v->is_param = false;
        }
        vec_push(&cell_recs, r);
    }
    fn->locals = keep;
}

void closure_cells(Func *fn, Vec *out) {
    for (int i = 0; i < cell_recs.len; i++) {
        CellRec *r = cell_recs.data[i];
        if (r->fn == fn) vec_push(out, r);
    }
}

/* C names: a nested def is named after the functions around it. */
static const char *c_base(Func *sp) {
    Func *d = sp->origin;
    const char *own = sp->spname ? sp->spname : sp->name;
    if (d && d->is_lambda) own = format("lambda%s", own + strlen(d->name));
    if (!strcmp(own, "lambda") || !strncmp(own, "lambda_", 7)) own = format("%s_L%d", own, d->def->loc.line);
    if (!d || !d->parsed || !d->enclosing) return own;
    return format("%s_%s", c_base(d->enclosing), own);
}

void closure_finish(Program *p) {
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        make_cells(fn);
    }
    const char **names = xcalloc((size_t)p->funcs.len + 1, sizeof(char *));
    for (int i = 0; i < p->funcs.len; i++) names[i] = c_base(p->funcs.data[i]);
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        if (fn->origin && fn->origin->parsed) fn->spname = (char *)names[i];
    }
    /* two lambdas on one line, or a nested name met twice */
    for (int i = 0; i < p->funcs.len; i++) {
        Func *a = p->funcs.data[i];
        int k = 1;
        for (int j = i + 1; j < p->funcs.len; j++) {
            Func *b = p->funcs.data[j];
            if (a->spname && b->spname && !strcmp(a->spname, b->spname)) b->spname = format("%s_%d", b->spname, ++k);
        }
    }
}

/* ---- *args, **kwargs, keyword-only parameters, f(*xs, **kw) ------------------------------ */


static bool has_star_params(Func *def) {
    for (int j = 0; j < def->nparams; j++)
        if (def->params[j].star || def->params[j].kwonly) return true;
    return false;
}

bool closure_star_call(Node *call, Func *def) {
    if (has_star_params(def)) return true;
    for (int i = 0; i < call->list.len; i++)
        if (((Node *)call->list.data[i])->kind == N_STARRED) return true;
    for (int i = 0; i < call->list2.len; i++)
        if (!strcmp(((Node *)call->list2.data[i])->sval, "**")) return true;
    return false;
}

static Node *index_node(Node *of, Node *key) {
    Node *ix = ast_node(N_INDEX, of->loc);
    ix->a = of;
    ix->b = key;
    return ix;
}

static Node *str_node(const char *s, Loc loc) {
    Node *n = ast_node(N_STR, loc);
    n->sval = (char *)s;
    n->slen = strlen(s);
    return n;
}

/* The names a **kwargs parameter was called with travel in its type
 * (Class.name of a dict type: "a,b"), so that f(**kwargs) inside can bind
 * them statically: one specialisation per set of keyword names. */
Type *closure_kwargs_type(Node *dict, Type *t) {
    if (t->kind != TY_DICT || dict->kind != N_DICT) return t;
    Buf b = {0};
    for (int i = 0; i < dict->list.len; i++) buf_printf(&b, "%s%s", i ? "," : "", ((Node *)dict->list.data[i])->sval);
    char *key = b.data ? buf_take(&b) : "";
    Class *c = map_get(&kw_records, key);
    if (!c) {
        c = xcalloc(1, sizeof *c);
        c->name = key;
        map_put(&kw_records, key, c);
    }
    Type *r = xcalloc(1, sizeof *r);
    *r = *ty_dict(t->elems[0]->kind == TY_UNKNOWN ? ty_str : t->elems[0], t->elems[1]);
    r->cls = c;
    r->id = 0;
    r->used = false;
    return ty_intern(r);
}

/* Positional arguments with f(*xs) spread: a tuple (its arity is static)
 * or a list or tuple display. */
static bool spread_positional(Node *call, Vec *pos) {
    for (int i = 0; i < call->list.len; i++) {
        Node *a = call->list.data[i];
        if (a->kind != N_STARRED) {
            vec_push(pos, a);
            continue;
        }
        Node *x = a->a;
        if (x->kind == N_LIST || x->kind == N_TUPLE) {
            for (int k = 0; k < x->list.len; k++) vec_push(pos, x->list.data[k]);
            continue;
        }
        Type *t = check_expr(x, NULL);
        if (t->kind == TY_TUPLE && t->nelems >= 0 && x->kind == N_NAME) {
            for (int k = 0; k < t->nelems; k++) {
                Node *ik = ast_node(N_INT, x->loc);
                ik->ival = k;
                vec_push(pos, index_node(x, ik));
            }
            continue;
        }
        if (t->kind == TY_UNKNOWN) return false;
        check_error(a, "*%s in a call: the number of arguments must be known; spread a tuple held in a name, "
                       "or a list or tuple display (a '%s' is not supported yet)",
                    x->kind == N_NAME ? x->sval : "...", ty_name(t));
        return false;
    }
    return true;
}

/* Keyword arguments with f(**d) spread: a dict display with str keys, or
 * a **kwargs parameter (its names are in its type). */
static bool spread_keywords(Node *call, Vec *names, Vec *vals) {
    for (int i = 0; i < call->list2.len; i++) {
        Node *kw = call->list2.data[i];
        if (strcmp(kw->sval, "**")) {
            vec_push(names, kw->sval);
            vec_push(vals, kw->a);
            continue;
        }
        Node *d = kw->a;
        if (d->kind == N_DICT) {
            for (int k = 0; k < d->list.len; k++) {
                Node *key = d->list.data[k];
                if (key->kind != N_STR) {
                    check_error(key, "keywords must be strings");
                    return false;
                }
                vec_push(names, key->sval);
                vec_push(vals, d->list2.data[k]);
            }
            continue;
        }
        Type *t = check_expr(d, NULL);
        if (t->kind == TY_DICT && t->cls && d->kind == N_NAME) {
            char *rest = xstrdup(t->cls->name);
            for (char *name = rest; *name;) {
                char *comma = strchr(name, ',');
                if (comma) *comma = 0;
                vec_push(names, name);
                vec_push(vals, index_node(d, str_node(name, d->loc)));
                if (!comma) break;
                name = comma + 1;
            }
            continue;
        }
        if (t->kind == TY_UNKNOWN) return false;
        check_error(kw, "**%s in a call: the keyword names must be known; spread a dict display or a **kwargs "
                        "parameter (a '%s' is not supported yet)",
                    d->kind == N_NAME ? d->sval : "...", ty_name(t));
        return false;
    }
    return true;
}

/* The arguments of a call bound to def's parameters, one node per
 * parameter (NULL: its default): extra positional arguments become the
 * *args tuple, unknown keywords the **kwargs dict.  NULL after an error
 * (CPython's TypeError wording). */
Node **closure_bind(Node *call, Func *def) {
    Vec pos = {0}, names = {0}, vals = {0};
    closure_bind_error = NULL;
    const char *qn = check_qualname(def);
    if (!spread_positional(call, &pos) || !spread_keywords(call, &names, &vals)) return NULL;
    for (int k = 0; k < names.len; k++) /* the call site's check, before any binding */
        for (int m = 0; m < k; m++)
            if (!strcmp(names.data[k], names.data[m])) {
                closure_bind_error = format("%s got multiple values for keyword argument '%s'",
                                            spread_site_name(call, def), (char *)names.data[k]);
                return NULL;
            }
    int np = def->nparams, star = -1, dstar = -1, npos = 0, req = 0;
    Node **bound = xcalloc((size_t)np + 1, sizeof(Node *));
    for (int j = 0; j < np; j++) {
        Param *p = &def->params[j];
        if (p->star == 1) star = j;
        if (p->star == 2) dstar = j;
        if (!p->star && !p->kwonly) npos++, req += !p->def;
    }
    Node *extra = ast_node(N_TUPLE, call->loc);
    for (int i = 0, j = 0; i < pos.len; i++) {
        while (j < np && (def->params[j].star || def->params[j].kwonly)) j++;
        if (j < np) {
            bound[j++] = pos.data[i];
        } else if (star >= 0) {
            vec_push(&extra->list, pos.data[i]);
        } else {
            closure_bind_error = format("%s() takes %s%d positional %s but %d %s given", qn,
                                        req < npos ? format("from %d to ", req) : "", npos, plural(npos, "argument"),
                                        pos.len, pos.len == 1 ? "was" : "were");
            return NULL;
        }
    }
    Node *kwd = ast_node(N_DICT, call->loc);
    for (int k = 0; k < names.len; k++) {
        const char *name = names.data[k];
        int j;
        for (j = 0; j < np; j++)
            if (!def->params[j].star && !strcmp(def->params[j].var->name, name)) break;
        if (j < np && bound[j]) {
            closure_bind_error = format("%s() got multiple values for argument '%s'", qn, name);
            return NULL;
        }
        if (j < np) {
            bound[j] = vals.data[k];
        } else if (dstar >= 0) {
            vec_push(&kwd->list, str_node(name, call->loc));
            vec_push(&kwd->list2, vals.data[k]);
        } else {
            closure_bind_error = format("%s() got an unexpected keyword argument '%s'", qn, name);
            return NULL;
        }
    }
    /* all the missing positional ones, else all the keyword-only ones */
    for (int kwonly = 0; kwonly < 2; kwonly++) {
        Vec miss = {0};
        for (int j = 0; j < np; j++) {
            Param *p = &def->params[j];
            if (!bound[j] && !p->def && !p->star && p->kwonly == kwonly) vec_push(&miss, p->var->name);
        }
        if (!miss.len) continue;
        Buf b = {0};
        for (int i = 0; i < miss.len; i++)
            buf_printf(&b, "%s'%s'", i == 0 ? "" : miss.len == 2 ? " and " : i == miss.len - 1 ? ", and " : ", ",
                       (char *)miss.data[i]);
        closure_bind_error = format("%s() missing %d required %s %s: %s", qn, miss.len,
                                    kwonly ? "keyword-only" : "positional", plural(miss.len, "argument"), b.data);
        return NULL;
    }
    if (star >= 0) bound[star] = extra;
    if (dstar >= 0) bound[dstar] = kwd;
    return bound;
}

/* ---- iterating a tuple (*args) --------------------------------------------------------- */

/* `for x in t`: the iterable node becomes a call that lists t's items,
 * typed as the join of its members (object when they differ). */
Type *tuple_as_list(Node *it, Type *t) {
    if (t->nelems < 0) return t;
    Type *el = NULL;
    for (int i = 0; i < t->nelems; i++) {
        Type *m = t->elems[i];
        if (m->kind == TY_UNKNOWN) return ty_unknown;
        el = !el ? m : ty_join(el, m);
    }
    if (!el) el = ty_int; /* () */
    if (el->kind == TY_CORO) el = ty_any;
    Node *inner = xcalloc(1, sizeof *inner);
    *inner = *it;
    memset(it, 0, sizeof *it);
    it->kind = N_CALL;
    it->loc = inner->loc;
    it->builtin = B_TUPLE_LIST;
    vec_push(&it->list, inner);
    return it->ty = ty_list(el);
}

/* ---- functools.partial and functools.wraps ----------------------------------------------- */

static Node *copy_tree(const Node *n) {
    if (!n) return NULL;
    Node *c = xcalloc(1, sizeof *c);
    *c = *n;
    if (n->kind == N_FUNCDEF) return c;
    c->a = copy_tree(n->a);
    c->b = copy_tree(n->b);
    c->c = copy_tree(n->c);
    c->d = copy_tree(n->d);
    c->list = c->list2 = (Vec){0};
    for (int i = 0; i < n->list.len; i++) vec_push(&c->list, copy_tree(n->list.data[i]));
    for (int i = 0; i < n->list2.len; i++) vec_push(&c->list2, copy_tree(n->list2.data[i]));
    return c;
}

static Node *name_node(const char *name, Loc loc) {
    Node *n = ast_node(N_NAME, loc);
    n->sval = (char *)name;
    return n;
}

static Param *add_param(Func *fn, const char *name, Loc loc, Node *def, int star) {
    Param *p = &fn->params[fn->nparams++];
    Var *v = xcalloc(1, sizeof *v);
    v->name = (char *)name;
    v->loc = loc;
    v->is_param = true;
    p->var = v;
    p->def = def;
    p->star = star;
    p->kwonly = star != 1;
    return p;
}

/* `print` as a value (functools.partial(print, ...), a callback):
 *     lambda *args, sep=" ", end="\n", flush=False:
 *         print(*args, sep=sep, end=end, flush=flush) */
static Func *print_def(Loc loc) {
    static const char *const kw[] = {"sep", "end", "flush"};
    Func *fn = xcalloc(1, sizeof *fn);
    fn->name = "print";
    fn->is_lambda = true;
    fn->params = xcalloc(5, sizeof(Param));
    fn->def = ast_node(N_FUNCDEF, loc);
    fn->def->fn = fn;
    add_param(fn, "args", loc, NULL, 1);
    Node *call = ast_node(N_CALL, loc), *rest = ast_node(N_STARRED, loc), *no = ast_node(N_BOOL, loc);
    call->a = name_node("print", loc);
    rest->a = name_node("args", loc);
    vec_push(&call->list, rest);
    Node *defs[] = {str_node(" ", loc), str_node("\n", loc), no};
    for (int k = 0; k < 3; k++) {
        add_param(fn, kw[k], loc, defs[k], 0);
        Node *pass = ast_node(N_KWARG, loc);
        pass->sval = (char *)kw[k];
        pass->a = name_node(kw[k], loc);
        vec_push(&call->list2, pass);
    }
    Node *ret = ast_node(N_RETURN, loc);
    ret->a = call;
    fn->def->b = ast_node(N_BLOCK, loc);
    vec_push(&fn->def->b->list, ret);
    return fn;
}

/* The function made for the expression at e (one per source position,
 * kept in made), or NULL when it is still to be made. */
static Func *made_at(Vec *made, Node *e) {
    for (int i = 0; i < made->len; i++) {
        Func *f = made->data[i];
        if (f->def->loc.line == e->loc.line && f->def->loc.col == e->loc.col) return f;
    }
    return NULL;
}

/* functools.partial(f, a, k=v) is the closure
 *     lambda *args, __f=f, __p0=a, k=v, **kwargs: __f(__p0, *args, k=k, **kwargs)
 * whose defaults, evaluated where the partial is made, hold f and the
 * bound arguments (a call's k= overrides v, as partial's keywords do). */
static Func *partial_def(Node *e) {
    static Vec made; /* by source position: one def per partial(...) */
    Func *known = made_at(&made, e);
    if (known) return known;
    Loc loc = e->loc;
    Func *fn = xcalloc(1, sizeof *fn);
    fn->name = "partial";
    fn->is_lambda = true;
    fn->params = xcalloc((size_t)(e->list.len + e->list2.len) + 3, sizeof(Param));
    fn->def = ast_node(N_FUNCDEF, loc);
    fn->def->fn = fn;
    add_param(fn, "args", loc, NULL, 1);
    add_param(fn, "__f", loc, copy_tree(e->list.data[0]), 0);
    Node *call = ast_node(N_CALL, loc);
    call->a = name_node("__f", loc);
    for (int i = 1; i < e->list.len; i++) {
        const char *pn = format("__p%d", i - 1);
        add_param(fn, pn, loc, copy_tree(e->list.data[i]), 0);
        vec_push(&call->list, name_node(pn, loc));
    }
    Node *rest = ast_node(N_STARRED, loc);
    rest->a = name_node("args", loc);
    vec_push(&call->list, rest);
    for (int k = 0; k < e->list2.len; k++) {
        Node *kw = e->list2.data[k];
        add_param(fn, kw->sval, loc, copy_tree(kw->a), 0);
        Node *pass = ast_node(N_KWARG, loc);
        pass->sval = kw->sval;
        pass->a = name_node(kw->sval, loc);
        vec_push(&call->list2, pass);
    }
    add_param(fn, "kwargs", loc, NULL, 2);
    Node *more = ast_node(N_KWARG, loc);
    more->sval = "**";
    more->a = name_node("kwargs", loc);
    vec_push(&call->list2, more);
    Node *ret = ast_node(N_RETURN, loc);
    ret->a = call;
    fn->def->b = ast_node(N_BLOCK, loc);
    vec_push(&fn->def->b->list, ret);
    vec_push(&made, fn);
    return fn;
}

Type *partial_call(Node *e, Func *cur, Vec *scopes) {
    if (!e->list.len) {
        check_error(e, "type 'partial' takes at least one argument");
        return ty_any;
    }
    for (int i = 0; i < e->list.len; i++)
        if (((Node *)e->list.data[i])->kind == N_STARRED) {
            check_error(e->list.data[i], "functools.partial(f, *args) is not supported yet");
            return ty_any;
        }
    for (int k = 0; k < e->list2.len; k++)
        if (!strcmp(((Node *)e->list2.data[k])->sval, "**")) {
            check_error(e->list2.data[k], "functools.partial(f, **kwargs) is not supported yet");
            return ty_any;
        }
    Func *fn = partial_def(e);
    e->kind = N_LAMBDA;
    e->fn = fn;
    e->a = NULL;
    e->list = e->list2 = (Vec){0};
    return closure_def_value(e, cur, scopes);
}

/* Attributes of a closure (f.cache = {} in a memoising decorator): one
 * more cell per name in each of its values, typed by every store. */
static Var *attr_var(Func *d, const char *name, bool make) {
    for (int i = 0; i < d->attrs.len; i++) {
        Var *v = d->attrs.data[i];
        if (!strcmp(v->name, name)) return v;
    }
    if (!make) return NULL;
    Var *v = check_new_var(name, (Loc){0, 0}, NULL);
    vec_push(&d->attrs, v);
    return v;
}

bool func_attr_store(Node *target, Type *t) {
    Type *ft = check_expr(target->a, NULL);
    if (ft->kind != TY_FUNC) return false;
    if (!ft->fn || !ft->fn->parsed || ft->fn->is_lambda) {
        check_error(target, "attributes can only be stored on a nested def's function for now, not on '%s'",
                    ty_name(ft));
        return true;
    }
    Var *v = attr_var(ft->fn, target->sval, true);
    check_widen(v, t, target->loc);
    v->assigned_pass = inf.pass;
    target->var = v;
    target->builtin = B_FN_ATTR;
    target->ty = v->ty;
    return true;
}

/* f.__name__, f.cache of a function value. */
Type *func_attr(Node *e, Type *t) {
    if (!strcmp(e->sval, "__name__") || !strcmp(e->sval, "__qualname__")) {
        e->builtin = B_FN_NAME;
        return ty_str;
    }
    Var *v = t->fn && t->fn->parsed ? attr_var(t->fn, e->sval, false) : NULL;
    if (v && v->ty) {
        e->var = v;
        e->builtin = B_FN_ATTR;
        return v->ty;
    }
    if (!inf.final_pass && t->fn && t->fn->parsed) return ty_unknown; /* stored later in this pass */
    check_error(e, "'function' object has no attribute '%s'", e->sval);
    return ty_any;
}
/* str.lower (a method of str named through the class) as a value: the
 * lambda s, *args: s.lower(*args) over its required arguments. */
Node *method_as_lambda(Node *attr) {
    static Map made;
    Func *fn = map_get(&made, attr->sval);
    if (!fn) {
        const Builtin *b = builtin_find("str", attr->sval);
        const Sig *sig = builtin_sig(b);
        Loc loc = attr->loc;
        fn = xcalloc(1, sizeof *fn);
        fn->name = format("str.%s", attr->sval);
        fn->is_lambda = true;
        fn->params = xcalloc((size_t)sig->n + 2, sizeof(Param));
        fn->def = ast_node(N_FUNCDEF, loc);
        fn->def->fn = fn;
        Param *self = add_param(fn, "s", loc, NULL, 0);
        self->kwonly = false;
        Node *call = ast_node(N_CALL, loc), *m = ast_node(N_ATTR, loc);
        m->a = name_node("s", loc);
        m->sval = attr->sval;
        call->a = m;
        for (int i = 0; i < sig->n; i++) {
            if (sig->params[i].def || sig->params[i].kind == PK_KW_ONLY || sig->params[i].kind == PK_STAR) continue;
            const char *pn = format("a%d", i);
            Param *p = add_param(fn, pn, loc, NULL, 0);
            p->kwonly = false;
            vec_push(&call->list, name_node(pn, loc));
        }
        Node *ret = ast_node(N_RETURN, loc);
        ret->a = call;
        fn->def->b = ast_node(N_BLOCK, loc);
        vec_push(&fn->def->b->list, ret);
        map_put(&made, attr->sval, fn);
    }
    attr->kind = N_LAMBDA;
    attr->fn = fn;
    attr->a = NULL;
    return attr;
}

/* A new lambda named for the method, room for nparams, its body
 * `return __self.<method>(...)`: the call is returned for its arguments. */
static Func *method_lambda(Vec *made, Node *e, int nparams, Node **call) {
    Loc loc = e->loc;
    Func *fn = xcalloc(1, sizeof *fn);
    fn->name = xstrdup(e->sval);
    fn->is_lambda = true;
    fn->params = xcalloc((size_t)nparams, sizeof(Param));
    fn->def = ast_node(N_FUNCDEF, loc);
    fn->def->fn = fn;
    Node *m = ast_node(N_ATTR, loc);
    m->a = name_node("__self", loc);
    m->sval = e->sval;
    *call = ast_node(N_CALL, loc);
    (*call)->a = m;
    Node *ret = ast_node(N_RETURN, loc);
    ret->a = *call;
    fn->def->b = ast_node(N_BLOCK, loc);
    vec_push(&fn->def->b->list, ret);
    vec_push(made, fn);
    return fn;
}

/* e, the method value, becomes the lambda fn (its default holds the
 * receiver, evaluated where the value is made) */
static Type *method_value(Node *e, Func *fn) {
    e->kind = N_LAMBDA;
    e->fn = fn;
    e->a = NULL;
    e->builtin = 0;
    e->var = NULL;
    return check_lambda_here(e);
}

/* obj.method as a value (a bound method) is the closure
 *     lambda *args, __self=obj, **kwargs: __self.method(*args, **kwargs)
 * whose default holds the object, evaluated where the value is made. */
Type *bound_method_value(Node *e) {
    static Vec made; /* by source position */
    Func *fn = made_at(&made, e);
    if (!fn) {
        Loc loc = e->loc;
        Node *call;
        fn = method_lambda(&made, e, 4, &call);
        add_param(fn, "args", loc, NULL, 1);
        add_param(fn, "__self", loc, copy_tree(e->a), 0);
        add_param(fn, "kwargs", loc, NULL, 2);
        Node *rest = ast_node(N_STARRED, loc);
        rest->a = name_node("args", loc);
        vec_push(&call->list, rest);
        Node *more = ast_node(N_KWARG, loc);
        more->sval = "**";
        more->a = name_node("kwargs", loc);
        vec_push(&call->list2, more);
    }
    return method_value(e, fn);
}

/* d.get as a value (a method of a library type bound to its receiver) is
 * the closure  lambda a0, ..., __self=d: __self.get(a0, ...)  over the
 * method's required arguments. */
Type *lib_bound_method_value(Node *e, const Builtin *b) {
    static Vec made; /* by source position */
    Func *fn = made_at(&made, e);
    if (!fn) {
        const Sig *sig = builtin_sig(b);
        Loc loc = e->loc;
        Node *call;
        fn = method_lambda(&made, e, sig->n + 2, &call);
        for (int i = 0; i < sig->n; i++) {
            if (sig->params[i].def || sig->params[i].kind == PK_KW_ONLY || sig->params[i].kind == PK_STAR) continue;
            const char *pn = format("a%d", i);
            Param *p = add_param(fn, pn, loc, NULL, 0);
            p->kwonly = false;
            vec_push(&call->list, name_node(pn, loc));
        }
        add_param(fn, "__self", loc, copy_tree(e->a), 0);
    }
    return method_value(e, fn);
}

/* A new program: nothing of an earlier one in this process (the fuzzer). */
void closure_begin(void) {
    nested.len = 0;
    cell_recs.len = 0;
    kw_records = (Map){0};
}
