/* emit_closure.c -- function values: making a closure (its cells and
 * defaults), reading captured variables through cells, calls through a
 * function value (a switch on the def when there are several), map(),
 * filter() and key= functions.  docs/DESIGN.md, "Functions as values". */
#include "emit.h"
#include "closure.h"

#include <string.h>

static Vec value_defs; /* Func*: the defs used as values, by value_id - 1 */

/* A new program: ids start again (the fuzzer compiles many in one process). */
void emit_closure_begin(void) { value_defs.len = 0; }

static int value_id(Func *def) {
    if (!def->value_id) {
        vec_push(&value_defs, def);
        def->value_id = value_defs.len;
    }
    return def->value_id;
}

/* ---- cells ------------------------------------------------------------------------ */

/* The cell of a captured variable, seen from the function being written:
 * its own box, or one of its function value's cells. */
static char *cell_of(Var *v) {
    Func *fn = C->fn;
    if (fn && v->owner == fn && v->cellbox) return var_ref(v->cellbox);
    Func *d = fn ? fn->origin : NULL;
    for (int k = 0; d && fn->self && k < d->captures.len; k++)
        if (d->captures.data[k] == v) return format("%s->cells[%d]", var_ref(fn->self), k);
    fprintf(stderr, "asyncc: internal error: %s: no cell for '%s' in %s()\n", py_path, v->name, fn ? fn->name : "?");
    return "NULL";
}

char *closure_cell_ref(Var *v) { return cell_of(v); }

char *closure_var_ref(Var *v) {
    const char *ct = c_type(v->ty);
    return format("AC_CELL(%s, %s%s)", cell_of(v), ct, ct[strlen(ct) - 1] == '*' ? "" : " ");
}

static const char *zero_val(Type *t) { return is_obj(t) ? "ac_ptr_val(NULL)" : t == ty_float ? "ac_float_val(0)" : "ac_int_val(0)"; }

/* At the start of a function: a cell per captured variable, a captured
 * parameter copied into its own. */
void closure_prologue(Func *fn) {
    Vec recs = {0};
    closure_cells(fn, &recs);
    for (int i = 0; i < recs.len; i++) {
        CellRec *r = recs.data[i];
        const char *init = zero_val(r->var->ty);
        if (r->arg) {
            r->arg->read = true;
            if (is_obj(r->arg->ty)) emit("ac_incref(%s);", var_ref(r->arg));
            init = to_val((Val){var_ref(r->arg), r->arg->ty, false});
        }
        const char *t = r->var->unbound_cell && !r->arg ? "&ac_t_unbound" : desc(r->var->ty); /* check_assign.c */
        emit("%s = ac_cell_new(%s, %s);", var_ref(r->box), t, init);
    }
}

/* ---- making a function value ---------------------------------------------------------- */

static Val static_value(Func *def, Type *t) {
    int id = value_id(def);
    if (!def->cname || strncmp(def->cname, "fnv", 3)) {
        buf_printf(&out_protos, "static ac_fn fnv%d = {{AC_IMMORTAL, AC_K_FN}, %d, 0, \"%s\", {NULL}};\n", id, id,
                   def->name);
        def->cname = format("fnv%d", id);
    }
    return (Val){format("(&fnv%d)", id), t, false};
}

/* A nested def or lambda where it stands: its captured cells and the
 * values of its defaults. */
Val emit_lambda(Node *e) {
    Func *d = e->fn;
    if (!d->parsed) return static_value(d, e->ty);
    int ncap = d->captures.len, ndef = 0;
    for (int j = 0; j < d->nparams; j++) ndef += d->params[j].def != NULL;
    char *tmp = new_temp(e->ty);
    emit("%s = ac_fn_new(%d, \"%s\", %d);", tmp, value_id(d), d->name, ncap + ndef + d->attrs.len);
    for (int k = 0; k < d->attrs.len; k++) {
        Type *t = ((Var *)d->attrs.data[k])->ty;
        emit("%s->cells[%d] = ac_cell_new(%s, %s);", tmp, ncap + ndef + k, desc(t), zero_val(t));
    }
    hold(tmp, e->ty);
    if (e->d) emit("%s->name = %s->name;", tmp, expr(e->d).c); /* @functools.wraps(f) */
    for (int k = 0; k < ncap; k++) {
        char *c = cell_of(d->captures.data[k]);
        emit("%s->cells[%d] = %s;", tmp, k, c);
        emit("ac_incref(%s);", c);
    }
    for (int j = 0, m = ncap; j < d->nparams; j++) {
        Node *dn = j < e->list2.len ? e->list2.data[j] : NULL;
        if (!dn) continue;
        Type *t = d->def_types[j];
        Val v = coerce(expr(dn), t);
        emit("%s->cells[%d] = ac_cell_new(%s, %s);", tmp, m++, desc(t), to_val((Val){take_ref(v), t, false}));
    }
    return (Val){tmp, e->ty, true};
}

/* A module-level def named as a value (no variable holds it). */
Val emit_def_value(Node *e) { return static_value(e->ty->fn, e->ty); }

/* ---- calls ------------------------------------------------------------------------------- */

static Val default_arg(Func *sp, int j, Val fv) {
    Func *d = sp->origin;
    Param *p = &sp->params[j];
    if (!d->parsed) return coerce(expr(p->def), p->var->ty);
    int idx = d->captures.len;
    for (int i = 0; i < j; i++) idx += d->params[i].def != NULL;
    Type *t = d->def_types[j];
    const char *ct = c_type(t);
    Val v = {format("AC_CELL(%s->cells[%d], %s%s)", fv.c, idx, ct, ct[strlen(ct) - 1] == '*' ? "" : " "), t, false};
    return coerce(v, p->var->ty);
}

/* *args of a call through a value: the tuple of the remaining arguments. */
static Val star_tuple(Type *t, Val *args) {
    if (!t->nelems) return call_value(t, "ac_tuple_new(%s, NULL)", desc(t));
    Buf b = {0};
    for (int i = 0; i < t->nelems; i++) {
        Val v = coerce(args[i], t->elems[i]);
        if (is_obj(v.ty)) emit("ac_incref(%s);", v.c);
        buf_printf(&b, "%s%s", i ? ", " : "", to_val(v));
    }
    return call_value(t, "ac_tuple_new(%s, (ac_val[]){%s})", desc(t), b.data);
}

/* **kwargs of a call through a value: the keywords no parameter took. */
static Val kwargs_dict(CallPlan *pl, int t, Type *dt, Val *args) {
    Val d = call_value(dt, "ac_dict_new(%s)", desc(dt));
    for (int k = 0; pl->kwsel[t][k] >= 0; k++) {
        int i = pl->kwsel[t][k];
        Val v = coerce(args[i], dt->elems[1]);
        if (is_obj(v.ty)) emit("ac_incref(%s);", v.c);
        const char *key = pl->kwnames[i - pl->npos];
        emit("ac_dict_set(%s, ac_ptr_val(%s), %s);", d.c, str_lit(key, strlen(key)), to_val(v));
        check_err();
    }
    return d;
}

/* One possible def of the value: its specialisation called directly, or
 * (async) its coroutine object made. */
typedef struct DefaultArg {
    Func *sp;
    int j;
    Val fv;
} DefaultArg;

static Val default_cb(void *ctx) {
    DefaultArg *d = ctx;
    return default_arg(d->sp, d->j, d->fv);
}

/* f(*xs, **kw) of a value: the gathered arguments bound to this target. */
static Val *spread_args(CallPlan *pl, int t, Val fv) {
    Func *sp = pl->specs[t];
    char *bound = spread_bind_list(pl->bind, sp, t);
    Val *a = xcalloc((size_t)sp->nparams + 1, sizeof(Val));
    for (int j = 0; j < sp->nparams; j++) {
        DefaultArg *d = xcalloc(1, sizeof *d);
        *d = (DefaultArg){sp, j, fv};
        Type *to = sp->params[j].var->ty;
        a[j] = coerce(spread_slot(bound, sp, j, to, sp->origin->params[j].def && !spread_fixed(pl->bind, sp, j) ? default_cb : NULL, d), to);
    }
    return a;
}

static Val call_target(CallPlan *pl, int t, Val fv, Val *args) {
    Func *sp = pl->specs[t];
    int *map = pl->bind ? NULL : pl->argmap[t];
    Val *a = pl->bind ? spread_args(pl, t, fv) : xcalloc((size_t)sp->nparams + 1, sizeof(Val));
    for (int j = 0; j < sp->nparams && map; j++)
        a[j] = map[j] >= 0            ? coerce(args[map[j]], sp->params[j].var->ty)
               : map[j] <= MAP_STAR     ? star_tuple(sp->params[j].var->ty, args + (MAP_STAR - map[j]))
               : map[j] == MAP_KW       ? kwargs_dict(pl, t, sp->params[j].var->ty, args)
                                        : default_arg(sp, j, fv);
    if (sp->is_gen) { /* a generator object, its frame filled as a coroutine's */
        Type *gt = pl->ret; /* one target (check_closure.c) */
        char *tmp = new_temp(gt);
        emit("%s = ac_%sgen_new(&%s_vt, %s);", tmp, sp->is_async ? "a" : "", sp->cname, desc(gt->elem));
        if (sp->self) {
            emit("ac_incref(%s);", fv.c);
            emit("AC_GEN_FRAME(%s, struct %s_frame)->%s = %s;", tmp, sp->cname, safe_name(sp->self->name), fv.c);
        }
        for (int j = 0; j < sp->nparams; j++)
            emit("AC_GEN_FRAME(%s, struct %s_frame)->%s = %s;", tmp, sp->cname, safe_name(sp->params[j].var->name),
                 take_ref(a[j]));
        hold(tmp, gt);
        return (Val){tmp, gt, true};
    }
    if (sp->is_async) {
        Type *ct = ty_coro(sp->ret);
        char *tmp = new_temp(ct);
        emit("%s = ac_coro_new(&%s_vt);", tmp, sp->cname);
        if (sp->self) {
            emit("ac_incref(%s);", fv.c);
            emit("AC_TASK_FRAME(%s, struct %s_frame)->%s = %s;", tmp, sp->cname, safe_name(sp->self->name), fv.c);
        }
        for (int j = 0; j < sp->nparams; j++)
            emit("AC_TASK_FRAME(%s, struct %s_frame)->%s = %s;", tmp, sp->cname, safe_name(sp->params[j].var->name),
                 take_ref(a[j]));
        hold(tmp, ct); /* before the test: a MemoryError leaves it real */
        check_err();
        return (Val){tmp, ct, true};
    }
    Buf b = {0};
    if (sp->self) buf_puts(&b, fv.c);
    for (int j = 0; j < sp->nparams; j++) buf_printf(&b, "%s%s", b.len ? ", " : "", a[j].c);
    const char *argv = b.data ? b.data : "";
    if (sp->ret == ty_none) {
        emit("%s(%s);", sp->cname, argv);
        check_err();
        return (Val){"0", ty_none, false};
    }
    return call_value(sp->ret, "%s(%s)", sp->cname, argv);
}

/* f(args) with the arguments already evaluated: one def is a direct call;
 * several are a switch on the value's def, each result widened to the
 * joined type. */
Val value_call_vals(CallPlan *pl, Val fv, Val *args) {
    if (!fv.owned && !strncmp(fv.c, "tmp", 3)) emit("(void)%s;", fv.c); /* a module-level def needs no cells */
    if (pl->ntargets == 1) return call_target(pl, 0, fv, args);
    Type *rt = pl->ret;
    char *res = rt == ty_none ? NULL : new_temp(rt);
    if (res) emit("%s = %s;", res, is_obj(rt) ? "NULL" : rt->tag ? "ac_tag_none()" : "0"); /* the default branch: never taken */
    emit("switch (%s->id) {", fv.c);
    for (int t = 0; t < pl->ntargets; t++) {
        emit("case %d: {", value_id(pl->specs[t]->origin));
        int mark = C->held.len;
        Val r = coerce(call_target(pl, t, fv, args), rt);
        if (res) emit("%s = %s;", res, is_obj(rt) ? take_ref(r) : r.c);
        release_held_from(mark);
        emit("break;");
        emit("}");
    }
    emit("default: break;");
    emit("}");
    if (!res) return (Val){"0", ty_none, false};
    if (is_obj(rt)) hold(res, rt);
    return (Val){res, rt, is_obj(rt)};
}

Val emit_value_call(Node *e) {
    Val fv = pin(expr(e->a));
    CallPlan *pl = e->plan;
    Val *args = xcalloc((size_t)pl->nargs + 1, sizeof(Val));
    int n = 0;
    if (pl->bind) {
        spread_gather(pl->bind, &e->list, &e->list2);
        return value_call_vals(pl, fv, args);
    }
    for (int i = 0; i < e->list.len; i++) args[n++] = pin(expr(e->list.data[i]));
    for (int k = 0; k < e->list2.len; k++) args[n++] = pin(expr(((Node *)e->list2.data[k])->a));
    return value_call_vals(pl, fv, args);
}

/* ---- map, filter, key= -------------------------------------------------------------------- */

/* The item i of an iterable map() takes: a list or a str (a range
 * argument was made a list by the checker). */
static Val nth_item(Val it, const char *i) {
    if (it.ty == ty_str) return call_value(ty_str, "ac_str_index(%s, %s)", it.c, i);
    return (Val){from_val(format("%s->items[%s]", it.c, i), it.ty->elem), it.ty->elem, false};
}

static char *len_of(Val it) { return format(it.ty == ty_str ? "%s->nchars" : "%s->len", it.c); }

/* map(f, xs, ys): the list of f(x, y) up to the shortest; filter(f, xs):
 * the items for which f's result is true.  A range argument is walked as
 * a list. */
Val emit_map_filter(Node *e) {
    bool is_filter = e->builtin == B_FILTER;
    Val fv = pin(expr(e->list.data[0]));
    int n = e->list.len - 1;
    Val *its = xcalloc((size_t)n + 1, sizeof(Val));
    for (int i = 0; i < n; i++) its[i] = pin(expr(e->list.data[i + 1]));
    char *res = new_temp(e->ty), *k = new_temp(ty_int), *len = new_temp(ty_int);
    emit("%s = ac_list_new(%s, 0, NULL);", res, desc(e->ty->elem));
    hold(res, e->ty);
    emit("%s = %s;", len, len_of(its[0]));
    for (int i = 1; i < n; i++)
        emit("if (%s < %s) %s = %s;", len_of(its[i]), len, len, len_of(its[i]));
    emit("for (%s = 0; %s < %s; %s++) {", k, k, len, k);
    int mark = C->held.len;
    Val *items = xcalloc((size_t)n + 1, sizeof(Val));
    for (int i = 0; i < n; i++) items[i] = pin(nth_item(its[i], k));
    Val r = value_call_vals(e->plan, fv, items);
    if (is_filter) {
        emit("if (%s) ac_list_append(%s, %s);", truth(r), res, to_val((Val){take_ref(items[0]), items[0].ty, false}));
    } else {
        r = coerce(r, e->ty->elem);
        emit("ac_list_append(%s, %s);", res, to_val((Val){take_ref(r), r.ty, false}));
    }
    check_err();
    release_held_from(mark);
    emit("}");
    return (Val){res, e->ty, true};
}

/* [key(x) for x in l] for a key that is a function value. */
Val key_list_value(Node *key, Val l) {
    Val fv = pin(expr(key));
    Type *kt = key->plan->ret, *lt = ty_list(kt), *el = l.ty->elem;
    char *keys = new_temp(lt), *k = new_temp(ty_int);
    emit("%s = ac_list_new(%s, 0, NULL);", keys, desc(kt));
    hold(keys, lt);
    emit("for (%s = 0; %s < %s->len; %s++) {", k, k, l.c, k);
    int m = C->held.len;
    Val item = {from_val(format("%s->items[%s]", l.c, k), el), el, false};
    Val r = value_call_vals(key->plan, fv, &item);
    char *x = take_ref(r);
    emit("ac_list_append(%s, %s);", keys, to_val((Val){x, kt, false}));
    release_held_from(m);
    emit("}");
    return (Val){keys, lt, true};
}

Val emit_tuple_list(Node *e) {
    Val t = expr(e->list.data[0]);
    return call_value(e->ty, "ac_tuple_list(%s, %s)", t.c, desc(e->ty->elem));
}

/* ---- attributes of a closure ------------------------------------------------------------ */

static char *attr_cell(Node *e, Val fv) {
    Func *d = e->a->ty->fn;
    int idx = d->captures.len;
    for (int j = 0; j < d->nparams; j++) idx += d->params[j].def != NULL;
    for (int k = 0; k < d->attrs.len; k++)
        if (d->attrs.data[k] == e->var) return format("%s->cells[%d]", fv.c, idx + k);
    return "NULL";
}

static char *attr_ref(Node *e, Val fv) {
    const char *ct = c_type(e->var->ty);
    return format("AC_CELL(%s, %s%s)", attr_cell(e, fv), ct, ct[strlen(ct) - 1] == '*' ? "" : " ");
}

/* f.cache: the attribute's cell (None until stored: AttributeError). */
Val emit_fn_attr(Node *e) {
    Val fv = pin(expr(e->a));
    char *ref = attr_ref(e, fv);
    if (is_obj(e->var->ty)) {
        emit("if (!%s) ac_raise_msg(&ac_cls_AttributeError, \"'function' object has no attribute '%s'\");", ref,
             e->sval);
        check_err();
    }
    return (Val){ref, e->var->ty, false};
}

void emit_fn_attr_store(Node *target, Val v) {
    Val fv = pin(expr(target->a));
    char *ref = attr_ref(target, fv);
    v = coerce(v, target->var->ty);
    if (is_obj(target->var->ty)) {
        char *src = take_ref(v);
        emit("ac_decref(%s);", ref);
        emit("%s = %s;", ref, src);
    } else {
        emit("%s = %s;", ref, v.c);
    }
}
