/* emit.c -- calls: user functions, coroutine objects, asyncio.run, and
 * the builtin functions and methods of the library surface. */
#include "emit.h"
#include "emit_dict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- calls ------------------------------------------------------------------- */

/* The arguments of a call to a user function, one per parameter, in
 * order (defaults filled in, ints widened for float parameters). */
Vec call_args(Func *fn, Node *call) {
    Vec args = {0};
    for (int i = 0; i < fn->nparams; i++) {
        Node *a = call->list.data[i];
        Val *v = xcalloc(1, sizeof *v);
        *v = a ? expr_tag(a) : expr_tag(fn->params[i].def);
        if (i == 0 && a && fn->mkind == MK_METHOD && call->a && call->a->kind == N_ATTR && call->a->a == a)
            *v = recv_checked(a, *v, call->a->sval);
        *v = coerce(*v, fn->params[i].var->ty);
        *v = borrowable_arg(fn, i, a, *v);
        vec_push(&args, v);
    }
    return args;
}

static Val call_user(Node *e) {
    Func *fn = e->fn;
    Vec vals = call_args(fn, e);
    Buf b = {0};
    for (int i = 0; i < vals.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", ((Val *)vals.data[i])->c);
    const char *cn = direct_cname(fn);
    if (fn->ret == ty_none) {
        emit("%s(%s);", cn, b.data ? b.data : "");
        check_err();
        return (Val){"0", ty_none, false};
    }
    return call_value(fn->ret, "%s(%s)", cn, b.data ? b.data : "");
}

/* A coroutine object for `f(args)` (heap frame, not yet running). */
static Val coro_object(Node *e) {
    Func *fn = e->fn;
    Vec args = call_args(fn, e);
    char *tmp = new_temp(ty_coro(fn->ret));
    emit("%s = ac_coro_new(&%s_vt);", tmp, fn->cname);
    for (int i = 0; i < fn->nparams; i++) {
        Val *v = args.data[i];
        emit("AC_TASK_FRAME(%s, struct %s_frame)->%s = %s;", tmp, fn->cname, safe_name(fn->params[i].var->name),
             take_ref(*v));
    }
    hold(tmp, e->ty); /* before the test: a MemoryError leaves it real */
    check_err();
    return (Val){tmp, e->ty, true};
}

static Val exc_new(Node *e) {
    int n = e->list.len;
    Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
    for (int i = 0; i < n; i++) el[i] = ((Node *)e->list.data[i])->ty;
    Type *tt = ty_tuple(el, n);
    Node fake = {0};
    fake.list = e->list;
    Val args = tuple_lit(&fake, tt);
    char *a = take_ref(args);
    return call_value(e->ty, "ac_exc_new(&%s, %s)", e->cls->cname, a);
}

/* ---- library calls: the rows of builtin_table -------------------------------- */

/* A regular row: its C function over the receiver and the arguments in
 * signature order, defaults filled in; None is NULL and element-typed (T)
 * values travel as ac_val. */
/* A method's row (its receiver is a value), not a module function's
 * ("asyncio", "sys.stdout"). */
static Val lib_regular(Node *e) {
    const Builtin *b = e->bi;
    const Sig *s = builtin_sig(b);
    Buf args = {0};
    Type *elem = NULL;
    if (b->recv && !builtin_is_module(b->recv)) {
        Val r = expr(e->a->a);
        buf_puts(&args, r.c);
        if (r.ty->kind == TY_LIST || r.ty->kind == TY_TASK || r.ty->kind == TY_SYNC) elem = r.ty->elem;
    }
    Val *vals = xcalloc((size_t)s->n + 1, sizeof *vals);
    for (int i = 0; i < s->n; i++) { /* evaluated in order, then passed */
        Node *a = NULL;
        if (i < s->npos) a = i < e->list.len ? e->list.data[i] : NULL;
        for (int k = 0; k < e->list2.len && i >= s->npos; k++) {
            Node *kw = e->list2.data[k];
            if (!strcmp(kw->sval, s->params[i].name)) a = kw->a;
        }
        if (!a)
            vals[i] = (Val){(char *)builtin_c_default(s->params[i].def), ty_none, false};
        else if (a->kind == N_NONE && elem == ty_any && !strcmp(s->params[i].type, "T"))
            vals[i] = (Val){"(&ac_None)", ty_any, false}; /* None among objects: things.index(None) */
        else if (a->kind == N_NONE)
            vals[i] = (Val){"NULL", ty_none, false};
        else
            vals[i] = expr(a);
        if (a && a->kind != N_NONE &&
            (!strcmp(s->params[i].type, "float") || (elem == ty_float && !strcmp(s->params[i].type, "T"))))
            vals[i] = as_float(vals[i]);
        else if (a && a->kind != N_NONE && elem && !strcmp(s->params[i].type, "T"))
            vals[i] = coerce(vals[i], elem); /* list[object].append(1) */
        if (vals[i].ty->kind == TY_ANY && a && a->kind != N_NONE) {
            Type *pt = builtin_parse_type(s->params[i].type, elem);
            if (pt) vals[i] = coerce(vals[i], pt); /* an object where an int is wanted */
        }
    }
    for (int i = 0; i < s->n; i++) {
        char *c = vals[i].c;
        if (!strcmp(s->params[i].type, "T")) {
            if (b->flags & BF_STEALS) c = take_ref(vals[i]);
            c = to_val((Val){c, elem, false});
        }
        buf_printf(&args, "%s%s", args.len ? ", " : "", c);
    }
    if (b->flags & BF_RESULT_DESC) buf_printf(&args, "%s%s", args.len ? ", " : "", desc(e->ty));
    char *call = format("%s(%s)", b->cfn, args.data ? args.data : "");
    Type *t = e->ty;
    if (t == ty_none) {
        emit("%s;", call);
        if (!(b->flags & BF_PURE)) check_err();
        return (Val){"0", ty_none, false};
    }
    if (!strcmp(s->result, "T")) {
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(call, t));
        if (is_obj(t)) hold(tmp, t);
        check_err();
        return (Val){tmp, t, is_obj(t)};
    }
    if (b->flags & BF_PURE) return (Val){call, t, false};
    return call_value(t, "%s", call);
}

/* check_raise_at's node: the operands in order, then the exception; the
 * value the context expects is never made (the raise always jumps). */
Val emit_raise_at(Node *e) {
    for (int i = 0; i < e->list.len; i++) {
        Node *x = e->list.data[i];
        Val v = expr(x);
        if (x->kind == N_NAME && x->var && !x->var->is_global) emit("(void)%s;", v.c); /* maybe its only use */
    }
    Buf m = {0};
    c_escape(&m, e->sval, e->slen);
    emit("ac_raise_msg(&%s, \"%%s\", \"%s\");", e->cls->cname, m.data ? m.data : "");
    check_err();
    Type *t = e->ty ? e->ty : ty_none;
    if (t == ty_none) return (Val){"0", ty_none, false};
    return (Val){is_obj(t) ? "NULL" : t->tag ? "ac_tag_none()" : "0", t, false};
}

/* x of a T | None where None raises (check_not_none) */
static Val emit_not_none(Node *e) {
    Val v = pin(expr(e->a));
    Buf m = {0};
    c_escape(&m, e->sval, e->slen);
    emit("if (AC_UNLIKELY(!%s)) ac_raise_msg(&%s, \"%%s\", \"%s\");", v.c, e->cls->cname, m.data ? m.data : "");
    check_err();
    return (Val){v.c, e->ty, v.owned};
}

/* A call expression: a user function, an exception object or a library row. */
Val call_expr(Node *e) {
    if (e->a && e->a->kind == N_ATTR && e->a->var && e->a->var->over) return emit_over_method_call(e);
    switch (e->builtin) {
    case B_USER: return call_user(e);
    case B_CORO_CALL: return coro_object(e);
    case B_EXC_NEW: return exc_new(e);
    case B_NEW_INST: return emit_new_inst(e);
    case B_OBJ_ITER: return emit_obj_iter(e);
    case B_METHOD_DYN: return emit_method_dispatch(e);
    case B_ISINSTANCE: return emit_isinstance(e);
    case B_OBJ_METHOD: return emit_obj_method(e);
    case B_GEN_OP: return gen_call(e);
    case B_VALUE_CALL: return emit_value_call(e);
    case B_BOUND_ARG: return emit_bound_arg(e);
    case B_MAP:
    case B_FILTER: return emit_map_filter(e);
    case B_TUPLE_LIST: return emit_tuple_list(e);
    case B_RAISE: return emit_raise_at(e);
    case B_NOT_NONE: return emit_not_none(e);
    case B_SET_FOLD: return emit_set_fold(e);
    }
    const Builtin *b = e->bi;
    if (!b || (!b->emit && !b->cfn)) {
        /* awaitables not awaited in place were wrapped by the checker */
        fprintf(stderr, "asyncc: internal error: %s:%d:%d: call left unresolved by the checker\n", py_path, e->loc.line,
                e->loc.col);
        diag_errors++;
        return (Val){"0", ty_none, false};
    }
    return b->emit ? b->emit(e) : lib_regular(e);
}

static Node *kwarg(Node *e, const char *name) {
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        if (!strcmp(kw->sval, name)) return kw->a;
    }
    return NULL;
}

static Node *arg(Node *e, int i) { return i < e->list.len ? e->list.data[i] : NULL; }

/* print(file=sys.stderr): the runtime's stream number (checked by
 * type_print); 0 for stdout, which keeps the plain ac_write calls */
static int print_stream(Node *e) {
    Node *f = kwarg(e, "file");
    return f && f->kind == N_ATTR && !strcmp(f->sval, "stderr") ? 2 : 0;
}

Val emit_print(Node *e) {
    Val sep = {NULL, ty_str, false}, end = {NULL, ty_str, false}, flush = {NULL, ty_bool, false};
    int stream = print_stream(e);
    const char *w = stream ? "ac_write_to(2, " : "ac_write(", *wc = stream ? "ac_write_cstr_to(2, " : "ac_write_cstr(";
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        if (kw->a->kind == N_NONE || !strcmp(kw->sval, "file")) continue;
        Val v = expr(kw->a);
        if (!strcmp(kw->sval, "sep"))
            sep = v;
        else if (!strcmp(kw->sval, "flush"))
            flush = pin(v);
        else
            end = v;
    }
    /* the arguments are all evaluated before anything is written */
    int mark = C->held.len;
    Vec strs = {0};
    for (int i = 0; i < e->list.len; i++) {
        Val *v = xcalloc(1, sizeof *v);
        Node *a = e->list.data[i];
        *v = pin(expr_tag(a->kind == N_STARRED ? a->a : a));
        vec_push(&strs, v);
    }
    /* print(*xs): a count of what was written says where separators go */
    char *count = NULL;
    for (int i = 0; i < e->list.len && !count; i++)
        if (((Node *)e->list.data[i])->kind == N_STARRED) count = new_temp(ty_int);
    if (count) emit("%s = 0;", count);
    char *sep_stmt = sep.c ? format("%s%s);", w, sep.c) : format("%s\" \");", wc);
    for (int i = 0; i < strs.len; i++) {
        Val item = *(Val *)strs.data[i];
        if (((Node *)e->list.data[i])->kind == N_STARRED) {
            char *k = new_temp(ty_int);
            Type *el = item.ty->elem;
            emit("for (%s = 0; %s < %s->len; %s++) {", k, k, item.c, k);
            emit("if (%s++) %s", count, sep_stmt);
            int m2 = C->held.len;
            Val v = to_str((Val){from_val(format("%s->items[%s]", item.c, k), el), el, false}, false);
            emit("%s%s);", w, v.c);
            release_held_from(m2);
            emit("}");
            continue;
        }
        if (count)
            emit("if (%s++) %s", count, sep_stmt);
        else if (i)
            emit("%s", sep_stmt);
        Val v = to_str(item, false);
        emit("%s%s);", w, v.c);
    }
    release_held_from(mark);
    if (end.c)
        emit("%s%s);", w, end.c);
    else
        emit("%s\"\\n\");", wc);
    if (flush.c) emit("if (%s) ac_flush_to(%d);", truth(flush), stream ? 2 : 1);
    return (Val){"0", ty_none, false};
}

Val emit_len(Node *e) {
    Val v = expr(arg(e, 0));
    if (v.ty->kind == TY_ANY) return call_value(ty_int, "ac_obj_len(%s)", v.c);
    if (v.ty == ty_str) return (Val){format("%s->nchars", v.c), ty_int, false};
    if (v.ty->kind == TY_LIST) return (Val){format("%s->len", v.c), ty_int, false};
    if (v.ty->kind == TY_DICT || ty_is_set(v.ty) || v.ty->kind == TY_VIEW) return dict_set_len(v);
    return (Val){format("(int64_t)%s->type->n", v.c), ty_int, false};
}

Val emit_str(Node *e) {
    if (!e->list.len) return (Val){str_lit("", 0), ty_str, false};
    return to_str(expr_tag(arg(e, 0)), false);
}

Val emit_repr(Node *e) { return to_str(expr_tag(arg(e, 0)), true); }

Val emit_int(Node *e) {
    if (!e->list.len) return int_lit(0);
    Val v = expr(arg(e, 0));
    if (v.ty == ty_int) return v;
    if (v.ty->kind == TY_ANY && e->list.len == 1) return obj_convert("int", v);
    if (v.ty->kind == TY_ANY) v = coerce(v, ty_str);
    if (v.ty == ty_bool) return (Val){format("(int64_t)%s", v.c), ty_int, false};
    if (v.ty == ty_float) return call_value(ty_int, "ac_float_to_int(%s)", v.c);
    if (e->list.len == 2) {
        Val base = expr(arg(e, 1));
        return call_value(ty_int, "ac_str_to_int(%s, %s)", v.c, base.c);
    }
    return call_value(ty_int, "ac_str_to_int(%s, 10)", v.c);
}

Val emit_float(Node *e) {
    if (!e->list.len) return float_lit(0.0);
    Val v = expr(arg(e, 0));
    if (v.ty->kind == TY_ANY) return obj_convert("float", v);
    if (v.ty == ty_str) return call_value(ty_float, "ac_str_to_float(%s)", v.c);
    return as_float(v);
}

Val emit_bool(Node *e) {
    if (!e->list.len) return (Val){"0", ty_bool, false};
    return (Val){truth(expr(arg(e, 0))), ty_bool, false};
}

Val emit_abs(Node *e) {
    Val v = expr(arg(e, 0));
    if (v.ty->kind == TY_ANY) return obj_convert("abs", v);
    if (v.ty == ty_float) return (Val){format("fabs(%s)", v.c), ty_float, false};
    return call_value(ty_int, "ac_int_abs(%s)", v.c);
}

Val emit_round(Node *e) {
    Val v = expr(arg(e, 0));
    if (v.ty->kind == TY_ANY) { /* Python's rules at run time */
        if (e->list.len == 1 || arg(e, 1)->kind == N_NONE) return call_value(ty_int, "ac_obj_round(%s)", v.c);
        return call_value(ty_any, "ac_obj_round_n(%s, %s)", v.c, expr(arg(e, 1)).c);
    }
    if (v.ty == ty_bool) v = (Val){format("(int64_t)%s", v.c), ty_int, false}; /* round(True) is 1 */
    if (e->list.len == 1 || arg(e, 1)->kind == N_NONE) {
        if (v.ty == ty_float) return call_value(ty_int, "ac_float_round(%s)", v.c);
        return v;
    }
    Val d = expr(arg(e, 1));
    if (v.ty == ty_float) return call_value(ty_float, "ac_float_round_n(%s, %s)", v.c, d.c);
    return v;
}

static Node *kwarg(Node *e, const char *name);

/* key=len / key=abs applied to one item */
static Val builtin_key(Node *key, Val item) {
    if (item.ty->kind == TY_ANY)
        return key->ival == KEY_LEN ? call_value(ty_int, "ac_obj_len(%s)", item.c) : obj_convert("abs", item);
    if (key->ival == KEY_LEN) {
        if (item.ty == ty_str) return (Val){format("%s->nchars", item.c), ty_int, false};
        if (item.ty->kind == TY_LIST) return (Val){format("%s->len", item.c), ty_int, false};
        return (Val){format("(int64_t)%s->type->n", item.c), ty_int, false};
    }
    if (item.ty == ty_float) return (Val){format("fabs(%s)", item.c), ty_float, false};
    if (item.ty == ty_bool) return (Val){format("(int64_t)%s", item.c), ty_int, false};
    return call_value(ty_int, "ac_int_abs(%s)", item.c);
}

/* [key(x) for x in l], key a def of one parameter (or len, abs) */
static Val key_list(Node *key, Val l) {
    if (key->ival == KEY_VALUE) return key_list_value(key, l);
    Func *fn = key->ival == KEY_DEF ? key->ty->fn : NULL;
    Type *kt = fn ? fn->ret : key->ty, *lt = ty_list(kt), *el = l.ty->elem;
    char *keys = new_temp(lt), *k = new_temp(ty_int);
    emit("%s = ac_list_new(%s, 0, NULL);", keys, desc(kt));
    hold(keys, lt);
    emit("for (%s = 0; %s < %s->len; %s++) {", k, k, l.c, k);
    int m = C->held.len;
    Val item = {from_val(format("%s->items[%s]", l.c, k), el), el, false};
    if (!fn) {
        Val kv = builtin_key(key, item);
        if (is_obj(kv.ty)) kv = (Val){take_ref(kv), kv.ty, false}; /* abs() of an object: the list keeps it */
        emit("ac_list_append(%s, %s);", keys, to_val(kv));
        release_held_from(m);
        emit("}");
        return (Val){keys, lt, true};
    }
    if (fn->params[0].var->ty == ty_float) item = as_float(item);
    Buf args = {0};
    buf_puts(&args, item.c);
    for (int i = 1; i < fn->nparams; i++) {
        Val d = expr(fn->params[i].def);
        buf_printf(&args, ", %s", fn->params[i].var->ty == ty_float ? as_float(d).c : d.c);
    }
    Val r = call_value(kt, "%s(%s)", fn->cname, args.data);
    char *x = take_ref(r);
    emit("ac_list_append(%s, %s);", keys, to_val((Val){x, kt, false}));
    release_held_from(m);
    emit("}");
    return (Val){keys, lt, true};
}

static Val minmax(Node *e, bool is_min) {
    int n = e->list.len;
    Type *t = e->ty;
    Node *key = kwarg(e, "key");
    if (key && key->kind != N_NONE) {
        Val l = expr(arg(e, 0));
        Val keys = key_list(key, l);
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(format("ac_list_extreme_by(%s, %s, %d)", l.c, keys.c, !is_min), t));
        if (is_obj(t)) hold(tmp, t);
        check_err();
        return (Val){tmp, t, is_obj(t)};
    }
    if (n == 1) {
        Val l = expr(arg(e, 0));
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(format("ac_list_%s(%s)", is_min ? "min" : "max", l.c), t));
        if (is_obj(t)) hold(tmp, t);
        check_err();
        return (Val){tmp, t, is_obj(t)};
    }
    char *res = new_temp(t);
    Val first = expr(arg(e, 0));
    first = coerce(first, t);
    emit("%s = %s;", res, first.c);
    for (int i = 1; i < n; i++) {
        Val v = expr(arg(e, i));
        v = coerce(v, t);
        Val r = compare1(is_min ? OP_LT : OP_GT, v, (Val){res, t, false});
        emit("if (%s) %s = %s;", r.c, res, v.c);
    }
    if (is_obj(t)) {
        emit("ac_incref(%s);", res);
        hold(res, t);
        return (Val){res, t, true};
    }
    return (Val){res, t, false};
}

Val emit_min(Node *e) { return minmax(e, true); }
Val emit_max(Node *e) { return minmax(e, false); }

Val emit_sum(Node *e) {
    Val l = expr(arg(e, 0));
    return call_value(e->ty, "%s", from_val(format("ac_list_sum(%s)", l.c), e->ty));
}

Val emit_sorted(Node *e) {
    Val l = expr(arg(e, 0));
    if (l.ty->kind == TY_ANY) { /* sorted(obj): its items as a list[object] */
        Val lst = call_value(ty_list(ty_any), "ac_obj_to_list(%s)", l.c);
        Node *rn = kwarg(e, "reverse"), *key = kwarg(e, "key");
        char *rev = rn ? expr(rn).c : "0";
        if (key && key->kind != N_NONE)
            emit("ac_list_sort_by(%s, %s, %s);", lst.c, key_list(key, lst).c, rev);
        else
            emit("ac_list_sort(%s, %s);", lst.c, rev);
        check_err();
        return coerce(lst, e->ty);
    }
    Node *rn = kwarg(e, "reverse");
    char *rev = rn ? expr(rn).c : "0";
    Node *key = kwarg(e, "key");
    if (key && key->kind != N_NONE) {
        if (l.ty == ty_str) l = call_value(e->ty, "ac_str_split_chars(%s)", l.c);
        Val keys = key_list(key, l);
        return call_value(e->ty, "ac_list_sorted_by(%s, %s, %s)", l.c, keys.c, rev);
    }
    if (l.ty == ty_str) {
        Val lst = call_value(e->ty, "ac_str_split_chars(%s)", l.c);
        emit("ac_list_sort(%s, %s);", lst.c, rev);
        return lst;
    }
    return call_value(e->ty, "ac_list_sorted(%s, %s)", l.c, rev);
}

Val emit_list_sort(Node *e) {
    Val l = expr(e->a->a);
    Node *rn = kwarg(e, "reverse");
    char *rev = rn ? expr(rn).c : "0";
    Node *key = kwarg(e, "key");
    if (key && key->kind != N_NONE) {
        Val keys = key_list(key, l);
        emit("ac_list_sort_by(%s, %s, %s);", l.c, keys.c, rev);
    } else {
        emit("ac_list_sort(%s, %s);", l.c, rev);
    }
    check_err();
    return (Val){"0", ty_none, false};
}

/* range(...) as a value: the list a for loop over it would visit. */
static Val range_list(Node *range, Type *t) {
    char *res = new_temp(t);
    emit("%s = ac_list_new(&ac_t_int, 0, NULL);", res);
    hold(res, t);
    emit_for_iter(NULL, range, NULL, NULL, 0, res);
    return (Val){res, t, true};
}

Val emit_range(Node *e) { return range_list(e, e->ty); }

Val emit_list(Node *e) {
    Node *a0 = arg(e, 0);
    if (a0->kind == N_CALL && a0->builtin == B_RANGE) return range_list(a0, e->ty);
    Val v = expr(a0);
    if (v.ty == ty_any) return call_value(e->ty, "ac_obj_to_list(%s)", v.c); /* TypeError if not iterable */
    if (v.ty == ty_str) return call_value(e->ty, "ac_str_split_chars(%s)", v.c);
    if (v.ty->kind == TY_DICT || ty_is_set(v.ty) || v.ty->kind == TY_VIEW) return iter_as_list(v);
    if (v.ty->kind == TY_TUPLE) { /* list((a, b)): its members, each as the element type */
        Type *el = e->ty->elem;
        Val l = call_value(e->ty, "ac_list_new(%s, 0, NULL)", desc(el));
        for (int i = 0; i < v.ty->nelems; i++) {
            Type *mt = v.ty->elems[i];
            Val item = coerce((Val){from_val(format("%s->items[%d]", v.c, i), mt), mt, false}, el);
            emit("ac_list_append(%s, %s);", l.c, to_val((Val){take_ref(item), el, false}));
        }
        return l;
    }
    if (v.ty->kind == TY_ANY) { /* list(obj): its items as objects (TypeError if not iterable) */
        v = as_object(v);
        return call_value(e->ty, "ac_obj_to_list(%s)", v.c);
    }
    return call_value(e->ty, "ac_list_copy(%s)", v.c);
}

Val emit_tuple(Node *e) {
    if (e->ty->kind == TY_TUPLE) return expr(arg(e, 0)); /* tuple(t) is t */
    Val v = emit_list(e); /* a fresh list made as list(x) makes it */
    v.ty = e->ty;         /* the same C object, printed and hashed as a tuple */
    return v;
}

Val emit_format(Node *e) {
    Val v = expr(arg(e, 0));
    Val spec = e->list.len > 1 ? expr(arg(e, 1)) : (Val){str_lit("", 0), ty_str, false};
    return call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), spec.c);
}

Val emit_str_join(Node *e) {
    Val r = expr(e->a->a);
    Val a = expr(arg(e, 0));
    if (a.ty == ty_str) a = call_value(ty_list(ty_str), "ac_str_split_chars(%s)", a.c);
    if (a.ty->kind == TY_ANY || a.ty == ty_list(ty_any)) { /* items checked to be str at run time */
        a = as_object(a);
        return call_value(ty_str, "(ac_str *)ac_obj_call_method((ac_obj *)%s, \"join\", 1, (ac_obj *const[]){%s})", r.c,
                          a.c);
    }
    return call_value(ty_str, "ac_str_join(%s, %s)", r.c, a.c);
}

/* ac_str_build over the parts, or the one literal part itself. */
static char *str_parts(Vec *parts) {
    char *first = parts->data[0];
    if (parts->len == 1 && !strncmp(first, "(&S", 3)) return first;
    Buf b = {0};
    for (int i = 0; i < parts->len; i++) buf_printf(&b, "%s%s", i ? ", " : "", (char *)parts->data[i]);
    return call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", parts->len, b.data).c;
}

/* One replacement field of a str.format() template. */
static char *format_field(const FmtPiece *f, Val *args, bool *used) {
    Vec sparts = {0};
    for (int k = 0; k < f->nspec; k++) {
        const FmtPiece *sp = &f->spec[k];
        if (sp->lit) {
            vec_push(&sparts, str_lit(sp->lit, sp->len));
        } else {
            used[sp->arg] = true;
            vec_push(&sparts, to_str(args[sp->arg], false).c);
        }
    }
    used[f->arg] = true;
    Val v = args[f->arg];
    if (f->repr) v = to_str(v, true);
    if (!sparts.len) return to_str(v, false).c;
    return call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), str_parts(&sparts)).c;
}

/* "...{}...".format(args): the template is a literal the checker parsed. */
Val emit_str_format(Node *e) {
    Node *tpl = e->a->a;
    int n = e->list.len, np;
    char *err;
    int nkw = 0;
    for (const char *p = e->sval; p && *p; p++) nkw += *p == ' ';
    if (e->sval) nkw++;
    FmtPiece *pieces = format_template_kw(tpl->sval, tpl->slen, n - nkw, e->sval, &np, &err);
    Val *args = xcalloc((size_t)n + 1, sizeof *args);
    bool *used = xcalloc((size_t)n + 1, sizeof *used);
    for (int i = 0; i < n; i++) args[i] = expr(arg(e, i));
    Vec parts = {0};
    for (int i = 0; i < np; i++) {
        const FmtPiece *p = &pieces[i];
        vec_push(&parts, p->lit ? str_lit(p->lit, p->len) : format_field(p, args, used));
    }
    /* Python evaluates every argument, used or not */
    for (int i = 0; i < n; i++)
        if (!used[i] && !strncmp(args[i].c, "tmp", 3)) emit("(void)%s;", args[i].c);
    if (!parts.len) return (Val){str_lit("", 0), ty_str, false};
    Buf b = {0};
    for (int i = 0; i < parts.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", (char *)parts.data[i]);
    return call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", parts.len, b.data);
}

/* list.count/remove compare with ac_val_eq in place: no runtime entry. */
Val emit_list_count(Node *e) {
    Val r = expr(e->a->a);
    Type *el = r.ty->elem;
    Val x = coerce(expr(arg(e, 0)), el);
    char *cnt = new_temp(ty_int), *k = new_temp(ty_int);
    emit("%s = 0;", cnt);
    emit("for (%s = 0; %s < %s->len; %s++) %s += ac_val_eq(%s->items[%s], %s, %s);", k, k, r.c, k, cnt, r.c, k,
         to_val((Val){x.c, el, false}), desc(el));
    return (Val){cnt, ty_int, false};
}

Val emit_list_remove(Node *e) {
    Val r = expr(e->a->a);
    Type *el = r.ty->elem;
    Val x = coerce(expr(arg(e, 0)), el);
    char *k = new_temp(ty_int);
    emit("for (%s = 0; %s < %s->len && !ac_val_eq(%s->items[%s], %s, %s); %s++) {}", k, k, r.c, r.c, k,
         to_val((Val){x.c, el, false}), desc(el), k);
    emit("if (%s == %s->len) ac_raise_msg(&ac_cls_ValueError, \"list.remove(x): x not in list\");", k, r.c);
    emit("else ac_val_decref(ac_list_pop(%s, %s), %s);", r.c, k, desc(el));
    check_err();
    return (Val){"0", ty_none, false};
}

Val emit_list_clear(Node *e) {
    Val r = expr(e->a->a);
    char *tmp = new_temp(r.ty);
    emit("%s = ac_list_slice(%s, 0, 0, 1, 0, 0, 0);", tmp, r.c);
    emit("while (%s->len) ac_val_decref(ac_list_pop(%s, -1), %s);", r.c, r.c, desc(r.ty->elem));
    emit("ac_decref(%s);", tmp);
    return (Val){"0", ty_none, false};
}

Val emit_create_task(Node *e) {
    Val c = expr(arg(e, 0));
    Node *name = e->list2.len ? ((Node *)e->list2.data[0])->a : NULL; /* name= is its one keyword */
    if (name && name->kind != N_NONE) {
        char *coro = take_ref(c);
        Val n = expr(name);
        return call_value(e->ty, "ac_create_task_named(%s, %s)", coro, n.c);
    }
    return call_value(e->ty, "ac_create_task(%s)", take_ref(c));
}

Val emit_ecancel(Node *e) {
    Val c = expr(arg(e, 0));
    emit("ac_edge_cancel(%s);", c.c);
    return (Val){"0", ty_none, false};
}

/* The result a run function stored in `res`, as a value of the call's type. */
static Val run_result(Node *e, const char *res) {
    check_err();
    Type *t = e->ty;
    if (t == ty_none) return (Val){"0", ty_none, false};
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(res, t));
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

Val emit_arun(Node *e) {
    Val c = expr(arg(e, 0));
    char *res = format("runres%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s;\n", res);
    emit("ac_asyncio_run(%s, &%s);", take_ref(c), res);
    return run_result(e, res);
}

Val emit_run_until_complete(Node *e) {
    Val loop = expr(e->a->a);
    Val c = expr(arg(e, 0));
    char *res = format("runres%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s;\n", res);
    emit("ac_%s(%s, %s, &%s);", strcmp(e->bi->recv, "Runner") ? "loop_run_until_complete" : "runner_run", loop.c,
         take_ref(c), res);
    return run_result(e, res);
}

Val emit_erun(Node *e) {
    int n = e->list.len;
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = expr(arg(e, i));
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) buf_printf(&b, "%s%s", i ? ", " : "", take_ref(*(Val *)vals.data[i]));
    char *res = format("runres%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s;\n", res);
    emit("ac_edge_run(%d, (ac_task *[]){%s}, &%s);", n, b.data, res);
    return run_result(e, res);
}
