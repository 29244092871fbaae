/* emit_expr.c -- expressions: operators, comparisons, literals, f-strings,
 * short-circuit and conditional expressions, indexing, and the dispatch
 * over expression kinds (calls are in emit.c, awaits in emit_await.c). */
#include "emit.h"
#include "emit_dict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- expressions ----------------------------------------------------------- */

char *var_ref(Var *v) {
    if (v->cell) return closure_var_ref(v);
    if (v->cname) return v->cname;
    return v->name;
}

/* The runtime's operator code for an operator token (objects). */
static const char *obj_op(int op) {
    switch (op) {
    case OP_ADD: return "AC_OP_ADD";
    case OP_SUB: return "AC_OP_SUB";
    case OP_MUL: return "AC_OP_MUL";
    case OP_DIV: return "AC_OP_DIV";
    case OP_FLOORDIV: return "AC_OP_FLOORDIV";
    case OP_MOD: return "AC_OP_MOD";
    case OP_POW: return "AC_OP_POW";
    case OP_LSHIFT: return "AC_OP_LSHIFT";
    case OP_RSHIFT: return "AC_OP_RSHIFT";
    case OP_BITAND: return "AC_OP_AND";
    case OP_BITOR: return "AC_OP_OR";
    case OP_BITXOR: return "AC_OP_XOR";
    case OP_LT: return "AC_OP_LT";
    case OP_LE: return "AC_OP_LE";
    case OP_GT: return "AC_OP_GT";
    case OP_GE: return "AC_OP_GE";
    case OP_EQ: return "AC_OP_EQ";
    case OP_NE: return "AC_OP_NE";
    case OP_NEG: return "AC_OP_NEG";
    case OP_POS: return "AC_OP_POS";
    default: return "AC_OP_INVERT";
    }
}

static bool any_obj(Val a, Val b) { return a.ty->kind == TY_ANY || b.ty->kind == TY_ANY; }

/* Any member: the C type of what the runtime's union operations return. */
static Type *any_tag(void) {
    return ty_tagged((1u << TY_NONE) | (1u << TY_BOOL) | (1u << TY_INT) | (1u << TY_FLOAT));
}

/* A union operation's result as the checker typed it: a scalar is read
 * straight out (every member pair gives that type), a union stays one. */
static Val tag_result(Val res, Type *want) {
    if (!want || want->tag) return (Val){res.c, want ? want : res.ty, false};
    switch (want->kind) {
    case TY_INT:
    case TY_BOOL: return (Val){format("%s.v.i", res.c), want, false};
    case TY_FLOAT: return (Val){format("%s.v.f", res.c), want, false};
    case TY_NONE: return (Val){"0", ty_none, false};
    default: return coerce(res, want);
    }
}

/* l OP r where a side is a tagged union and both are scalars. */
static Val tag_binop(Node *e, int op, Val l, Val r) {
    l = coerce(l, any_tag());
    r = coerce(r, any_tag());
    Val res = call_value(any_tag(), "ac_tag_binop(%s%s, %s, %s)", obj_op(op),
                         e->kind == N_AUGASSIGN ? " | AC_OP_INPLACE" : "", l.c, r.c);
    return tag_result(res, e->ty);
}

Val binop(Node *e, int op, Val l, Val r) {
    Type *t = e->ty;
    if (ty_is_set(t) && ty_is_set(l.ty) && ty_is_set(r.ty)) return set_binop(op, l, r, t);
    if ((l.ty->tag || r.ty->tag) && ty_tag_mask(l.ty) && ty_tag_mask(r.ty)) return tag_binop(e, op, l, r);
    if (any_obj(l, r)) {
        l = as_object(l);
        r = as_object(r);
        return call_value(ty_any, "ac_obj_binop(%s%s, %s, %s)", obj_op(op),
                          e->kind == N_AUGASSIGN ? " | AC_OP_INPLACE" : "", l.c, r.c);
    }
    if (t == ty_str) {
        if (op == OP_ADD) return call_value(ty_str, "ac_str_concat(%s, %s)", l.c, r.c);
        if (l.ty == ty_str) return call_value(ty_str, "ac_str_repeat(%s, %s)", l.c, r.c);
        return call_value(ty_str, "ac_str_repeat(%s, %s)", r.c, l.c);
    }
    if (t->kind == TY_LIST) {
        if (op == OP_ADD) return call_value(t, "ac_list_concat(%s, %s)", l.c, r.c);
        if (l.ty->kind == TY_LIST) return call_value(t, "ac_list_repeat(%s, %s)", l.c, r.c);
        return call_value(t, "ac_list_repeat(%s, %s)", r.c, l.c);
    }
    if (t == ty_float) {
        l = as_float(l);
        r = as_float(r);
        switch (op) {
        case OP_ADD: return (Val){format("(%s + %s)", l.c, r.c), t, false};
        case OP_SUB: return (Val){format("(%s - %s)", l.c, r.c), t, false};
        case OP_MUL: return (Val){format("(%s * %s)", l.c, r.c), t, false};
        case OP_DIV:
            if (l.ty == ty_float && e->a->ty != ty_float && e->b->ty != ty_float)
                return call_value(t, "ac_int_truediv(%s, %s)", e->a->ty == ty_bool ? l.c : format("(int64_t)%s", l.c),
                                  format("(int64_t)%s", r.c));
            return call_value(t, "ac_float_div(%s, %s)", l.c, r.c);
        case OP_FLOORDIV: return call_value(t, "ac_float_floordiv(%s, %s)", l.c, r.c);
        case OP_MOD: return call_value(t, "ac_float_mod(%s, %s)", l.c, r.c);
        case OP_POW: return call_value(t, "ac_float_pow(%s, %s)", l.c, r.c);
        }
    }
    if (op == OP_DIV) return call_value(ty_float, "ac_int_truediv(%s, %s)", l.c, r.c);
    switch (op) {
    case OP_ADD: return call_value(t, "ac_int_add(%s, %s)", l.c, r.c);
    case OP_SUB: return call_value(t, "ac_int_sub(%s, %s)", l.c, r.c);
    case OP_MUL: return call_value(t, "ac_int_mul(%s, %s)", l.c, r.c);
    case OP_FLOORDIV: return call_value(t, "ac_int_floordiv(%s, %s)", l.c, r.c);
    case OP_MOD: return call_value(t, "ac_int_mod(%s, %s)", l.c, r.c);
    case OP_POW: return call_value(t, "ac_int_pow(%s, %s)", l.c, r.c);
    case OP_LSHIFT: return call_value(t, "ac_int_lshift(%s, %s)", l.c, r.c);
    case OP_RSHIFT: return call_value(t, "ac_int_rshift(%s, %s)", l.c, r.c);
    case OP_BITAND: return (Val){format("(%s & %s)", l.c, r.c), t, false};
    case OP_BITOR: return (Val){format("(%s | %s)", l.c, r.c), t, false};
    case OP_BITXOR: return (Val){format("(%s ^ %s)", l.c, r.c), t, false};
    }
    return (Val){"0", t, false};
}

/* One comparison a OP b, as a C int expression (may emit calls). */
/* A comparison with a tagged union on a side: between scalars the
 * runtime's row for the members' kinds, `is None` a test of the tag;
 * otherwise the union is boxed and compared as an object. */
static bool tag_compare(int op, Val *a, Val *b, Val *out) {
    if (!a->ty->tag && !b->ty->tag) return false;
    if ((op == OP_IS || op == OP_ISNOT) && (a->ty == ty_none || b->ty == ty_none)) {
        Val x = pin(a->ty == ty_none ? *b : *a);
        *out = (Val){format("(%s.t %s &ac_t_none)", x.c, op == OP_IS ? "==" : "!="), ty_bool, false};
        return true;
    }
    bool order = op == OP_EQ || op == OP_NE || op == OP_LT || op == OP_LE || op == OP_GT || op == OP_GE;
    if (order && ty_tag_mask(a->ty) && ty_tag_mask(b->ty)) {
        Val x = coerce(*a, any_tag()), y = coerce(*b, any_tag());
        *out = call_value(ty_bool, "ac_tag_compare(%s, %s, %s)", obj_op(op), x.c, y.c);
        return true;
    }
    if (a->ty->tag) *a = as_object(*a);
    if (b->ty->tag) *b = as_object(*b);
    return false;
}

/* A list, dict or set: `is` between two is identity (CPython's answer too). */
static bool mutable_container(const Type *t) { return t->kind == TY_LIST || t->kind == TY_DICT || t->kind == TY_SET; }

Val compare1(int op, Val a, Val b) {
    Val tr;
    if (tag_compare(op, &a, &b, &tr)) return tr;
    Type *ta = a.ty, *tb = b.ty;
    if (ta->kind == TY_TASK && tb->kind == TY_TASK && op != OP_IN && op != OP_NOTIN) /* identity */
        return (Val){format("((void *)%s %s (void *)%s)", a.c, op == OP_IS || op == OP_EQ ? "==" : "!=", b.c), ty_bool,
                     false};
    if (op == OP_IS || op == OP_ISNOT) { /* x is None: NULL is None */
        Val x = ta == ty_none ? b : a;
        bool is = op == OP_IS;
        Type *sa = ty_strip(ta), *sb = ty_strip(tb);
        bool ptr_a = sa->kind == TY_INST || sa->kind == TY_EXC || mutable_container(sa),
             ptr_b = sb->kind == TY_INST || sb->kind == TY_EXC || mutable_container(sb);
        if (mutable_container(sa) && mutable_container(sb)) /* xs is ys: the same list */
            return (Val){format("((void *)%s %s (void *)%s)", a.c, is ? "==" : "!=", b.c), ty_bool, false};
        /* identity: an object holding an exception or an instance is that pointer */
        bool containers = sa->kind == sb->kind && (sa->kind == TY_LIST || sa->kind == TY_DICT || sa->kind == TY_SET);
        if ((sa->kind == TY_INST && sb->kind == TY_INST) || (sa->kind == TY_EXC && sb->kind == TY_EXC) || containers ||
            (ptr_a && sb->kind == TY_ANY) || (sa->kind == TY_ANY && ptr_b))
            return (Val){format("((void *)%s %s (void *)%s)", a.c, is ? "==" : "!=", b.c), ty_bool, false};
        if (x.ty == ty_none) return (Val){is ? "1" : "0", ty_bool, false};
        if (!is_obj(x.ty)) return (Val){is ? "0" : "1", ty_bool, false}; /* a scalar is never None */
        if (x.ty->kind == TY_ANY) { /* an object holds None as &ac_None (or NULL) */
            char *t = new_temp(ty_any);
            emit("%s = %s;", t, x.c);
            return (Val){format("%s(%s == NULL || %s->kind == AC_K_NONE)", is ? "" : "!", t, t), ty_bool, false};
        }
        return (Val){format("(%s %s NULL)", x.c, is ? "==" : "!="), ty_bool, false};
    }
    if ((op == OP_EQ || op == OP_NE) && (ta == ty_none) != (tb == ty_none)) {
        /* a value that can never be None (its type has no None in it) */
        Type *other = ta == ty_none ? tb : ta;
        if (!other->opt && other->kind != TY_ANY && other->kind != TY_INST)
            return (Val){op == OP_EQ ? "0" : "1", ty_bool, false};
    }
    if (ta->opt || tb->opt) { /* T | None == T: None equals only None */
        if (op == OP_EQ || op == OP_NE)
            return (Val){format("%sac_val_eq(%s, %s, %s)", op == OP_NE ? "!" : "", to_val(a), to_val(b),
                                desc(ta->opt ? ta : tb)),
                         ty_bool, false};
    }
    const char *cop = op == OP_EQ   ? "=="
                      : op == OP_NE ? "!="
                      : op == OP_LT ? "<"
                      : op == OP_LE ? "<="
                      : op == OP_GT ? ">"
                                    : ">=";
    if ((op == OP_IN || op == OP_NOTIN) && (tb->kind == TY_DICT || ty_is_set(tb) || tb->kind == TY_VIEW))
        return dict_set_in(op, a, b);
    if (ty_is_set(ta) && ty_is_set(tb)) return set_compare(op, a, b);
    /* 2.5 in [2]: compared as numbers, not converted to the element type */
    bool lossy_in = (op == OP_IN || op == OP_NOTIN) && tb->kind == TY_LIST && ta == ty_float &&
                    (tb->elem == ty_int || tb->elem == ty_bool);
    /* (str, float) == (object, object): item by item, each as it is held */
    bool mixed = ta != tb && ta->kind == tb->kind && (ta->kind == TY_TUPLE || ta->kind == TY_LIST) &&
                 (op == OP_EQ || op == OP_NE);
    if (lossy_in || mixed || (any_obj(a, b) && !(tb->kind == TY_LIST && ta->kind != TY_ANY))) {
        a = as_object(a);
        b = as_object(b);
        if (op == OP_IN || op == OP_NOTIN) {
            Val r = call_value(ty_bool, "ac_obj_contains(%s, %s)", b.c, a.c);
            return (Val){format("%s%s", op == OP_NOTIN ? "!" : "", r.c), ty_bool, false};
        }
        if (op == OP_EQ || op == OP_NE)
            return (Val){format("%sac_obj_eq(%s, %s)", op == OP_NE ? "!" : "", a.c, b.c), ty_bool, false};
        return call_value(ty_bool, "ac_obj_compare(%s, %s, %s)", obj_op(op), a.c, b.c);
    }
    if (op == OP_IN || op == OP_NOTIN) {
        const char *neg = op == OP_NOTIN ? "!" : "";
        if (tb == ty_str) return (Val){format("%sac_str_contains(%s, %s)", neg, b.c, a.c), ty_bool, false};
        Val x = a;
        if (tb->elem == ty_float || tb->elem->kind == TY_ANY)
            x = coerce(a, tb->elem);
        else
            x.ty = tb->elem;
        Val r = call_value(ty_bool, "ac_list_contains(%s, %s)", b.c, to_val(x));
        return (Val){format("%s%s", neg, r.c), ty_bool, false};
    }
    bool num = (ta == ty_int || ta == ty_float || ta == ty_bool) && (tb == ty_int || tb == ty_float || tb == ty_bool);
    if (!strcmp(a.c, b.c) && !a.owned) {
        /* x == x: a copy keeps compilers from calling it tautological (it
         * is not, for NaN) */
        char *tmp = new_temp(tb);
        emit("%s = %s;", tmp, b.c);
        b.c = tmp;
    }
    if (num) return (Val){format("(%s %s %s)", a.c, cop, b.c), ty_bool, false};
    if (ta == ty_str) {
        if (op == OP_EQ) return (Val){format("ac_str_eq(%s, %s)", a.c, b.c), ty_bool, false};
        if (op == OP_NE) return (Val){format("!ac_str_eq(%s, %s)", a.c, b.c), ty_bool, false};
        return (Val){format("(ac_str_cmp(%s, %s) %s 0)", a.c, b.c, cop), ty_bool, false};
    }
    if (op == OP_EQ || op == OP_NE)
        return (Val){format("%sac_val_eq(%s, %s, %s)", op == OP_NE ? "!" : "", to_val(a), to_val(b), desc(ta)), ty_bool,
                     false};
    Val r = call_value(ty_int, "ac_val_cmp(%s, %s, %s)", to_val(a), to_val(b), desc(ta));
    return (Val){format("(%s %s 0)", r.c, cop), ty_bool, false};
}

static Val compare(Node *e) {
    int n = e->list.len;
    if (n == 2) {
        Val a = expr_tag(e->list.data[0]);
        Val b = expr_tag(e->list.data[1]);
        Val r = compare1(e->ops[0], a, b);
        char *tmp = new_temp(ty_bool);
        emit("%s = %s;", tmp, r.c);
        return (Val){tmp, ty_bool, false};
    }
    /* a < b < c: each operand evaluated once, stop at the first false */
    char *res = new_temp(ty_bool);
    char *end = new_label("cmp_end");
    int mark = C->held.len;
    Val prev = pin(expr_tag(e->list.data[0]));
    for (int i = 1; i < n; i++) {
        Val cur = pin(expr_tag(e->list.data[i]));
        Val r = compare1(e->ops[i - 1], prev, cur);
        emit("%s = %s;", res, r.c);
        /* what is held so far, released on the way out: operands after
         * the exit are never made */
        if (i + 1 < n) emit("if (!%s) { %sgoto %s; }", res, releases_above(mark), end);
        prev = cur;
    }
    release_held_from(mark);
    emit_label(end);
    return (Val){res, ty_bool, false};
}

Val int_lit(int64_t v) {
    if (v == INT64_MIN) return (Val){"INT64_MIN", ty_int, false};
    return (Val){format("INT64_C(%lld)", (long long)v), ty_int, false};
}

Val float_lit(double d) {
    if (isinf(d)) return (Val){d > 0 ? "HUGE_VAL" : "(-HUGE_VAL)", ty_float, false};
    char buf[64];
    /* the shortest spelling that reads back as the same double */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d) break;
    }
    if (!strchr(buf, '.') && !strchr(buf, 'e') && !strchr(buf, 'n')) strcat(buf, ".0");
    return (Val){xstrdup(buf), ty_float, false};
}

static Val fstring(Node *e) {
    int n = e->list.len;
    Vec parts = {0};
    for (int i = 0; i < n; i++) {
        Node *p = e->list.data[i];
        if (p->kind == N_STR) {
            vec_push(&parts, str_lit(p->sval, p->slen));
            continue;
        }
        Val v = expr_tag(p->a);
        Val s;
        char *spec = NULL;
        if (p->b) spec = p->b->kind == N_STR ? str_lit(p->b->sval, p->b->slen) : fstring(p->b).c;
        if (p->op == 's' && spec) v = to_str(v, false); /* f"{ok!s:<5}": the str is formatted */
        if (p->op == 'r') {
            v = to_str(v, true);
            if (spec)
                s = call_value(ty_str, "ac_format_str(%s, %s)", v.c, spec);
            else
                s = v;
        } else if (spec) {
            const char *fmtfn = v.ty == ty_int     ? "ac_format_int"
                                : v.ty == ty_float ? "ac_format_float"
                                : v.ty == ty_str   ? "ac_format_str"
                                : v.ty == ty_bool  ? "ac_format_bool"
                                                   : NULL;
            if (fmtfn)
                s = call_value(ty_str, "%s(%s, %s)", fmtfn, v.c, spec);
            else if (v.ty->tag) {
                v = pin(v);
                s = call_value(ty_str, "ac_format(%s.v, %s.t, %s)", v.c, v.c, spec);
            }
            else
                s = call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), spec);
        } else {
            s = to_str(v, false);
        }
        vec_push(&parts, s.c);
    }
    if (parts.len == 1 && ((Node *)e->list.data[0])->kind == N_STR) return (Val){parts.data[0], ty_str, false};
    Buf b = {0};
    for (int i = 0; i < parts.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", (char *)parts.data[i]);
    Val r = call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", parts.len, b.data);
    return r;
}

static Val list_lit(Node *e) {
    Type *t = e->ty;
    int n = e->list.len;
    if (!n) return call_value(t, "ac_list_new(%s, 0, NULL)", desc(t->elem));
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val v = expr(e->list.data[i]);
        if (t->elem == ty_float || t->elem->kind == TY_ANY)
            v = coerce(v, t->elem);
        else
            v.ty = v.ty == ty_bool && t->elem == ty_int ? ty_int : v.ty;
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = v;
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) {
        Val *v = vals.data[i];
        char *c = take_ref(*v);
        Val tv = {c, v->ty, false};
        buf_printf(&b, "%s%s", i ? ", " : "", to_val(tv));
    }
    return call_value(t, "ac_list_new(%s, %d, (ac_val[]){%s})", desc(t->elem), n, b.data);
}

Val tuple_lit(Node *e, Type *t) {
    int n = e->list.len;
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val v = coerce(expr(e->list.data[i]), t->elems[i]);
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = v;
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) {
        Val *v = vals.data[i];
        char *c = take_ref(*v);
        buf_printf(&b, "%s%s", i ? ", " : "", to_val((Val){c, v->ty, false}));
    }
    if (!n) return call_value(t, "ac_tuple_new(%s, NULL)", desc(t));
    return call_value(t, "ac_tuple_new(%s, (ac_val[]){%s})", desc(t), b.data);
}

/* Short-circuit and/or and conditional expressions: each branch computes
 * into one result temporary; temporaries of a branch die in that branch. */
static Val branchy(Node *e) {
    Type *t = e->ty;
    char *res = new_temp(t);
    char *end = new_label("sel_end");
    int mark = C->held.len;
    if (e->kind == N_IFEXP) {
        Val c = expr(e->a);
        char *cv = truth(c);
        char *tmp = new_temp(ty_bool);
        emit("%s = %s;", tmp, cv);
        release_held_from(mark);
        char *els = new_label("sel_else");
        emit("if (!%s) goto %s;", tmp, els);
        Val a = expr(e->b);
        a = coerce(a, t);
        emit("%s = %s;", res, take_ref(a));
        release_held_from(mark);
        emit("goto %s;", end);
        emit_label(els);
        Val b = expr(e->c);
        b = coerce(b, t);
        emit("%s = %s;", res, take_ref(b));
        release_held_from(mark);
    } else {
        Val a = expr(e->a);
        a = coerce(a, t);
        emit("%s = %s;", res, take_ref((Val){a.c, a.ty, a.owned}));
        Val ra = {res, a.ty->opt ? a.ty : t, false}; /* `x or d`: x may be None */
        char *tv = truth(ra);
        release_held_from(mark);
        emit(e->kind == N_AND ? "if (!%s) goto %s;" : "if (%s) goto %s;", tv, end);
        if (is_obj(t)) emit("ac_decref(%s);", res);
        Val b = expr(e->b);
        b = coerce(b, t);
        emit("%s = %s;", res, take_ref(b));
        release_held_from(mark);
    }
    emit_label(end);
    if (is_obj(t)) hold(res, t);
    return (Val){res, t, is_obj(t)};
}

static Val index_expr(Node *e) {
    Val c = expr(e->a);
    if (c.ty->kind == TY_DICT) return dict_index(e, c);
    if (c.ty->kind == TY_ANY || (e->b->ty->kind == TY_ANY && c.ty->kind != TY_TUPLE)) {
        c = as_object(c); /* an object index: the run time checks it */
        Val i = as_object(expr(e->b));
        if (e->ty->kind != TY_ANY) {
            Val r = call_value(ty_any, "ac_obj_getitem(%s, %s)", c.c, i.c);
            return coerce(r, e->ty);
        }
        return call_value(ty_any, "ac_obj_getitem(%s, %s)", c.c, i.c);
    }
    /* a tuple's index is a constant the checker already resolved */
    Val i = c.ty->kind == TY_TUPLE ? int_lit(e->ival) : expr(e->b);
    if (c.ty == ty_str) return call_value(ty_str, "ac_str_index(%s, %s)", c.c, i.c);
    Type *t = e->ty;
    if (c.ty->kind == TY_TUPLE) {
        Val v = {from_val(format("%s->items[%lld]", c.c, (long long)e->ival), t), t, false};
        if (!is_obj(t) || !c.owned) return v;
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, v.c);
        emit("ac_incref(%s);", tmp);
        hold(tmp, t);
        return (Val){tmp, t, true};
    }
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(format("ac_list_get(%s, %s)", c.c, i.c), t));
    check_err();
    if (!is_obj(t)) return (Val){tmp, t, false};
    /* keep the element alive even if the list dies with the statement */
    emit("ac_incref(%s);", tmp);
    hold(tmp, t);
    return (Val){tmp, t, true};
}

/* One bound of a slice: "has, value".  A bound that may hold None at run
 * time (int | None, an object) is absent when it does. */
static char *slice_part(Node *p) {
    if (!p || p->kind == N_NONE) return "0, 0";
    Type *pt = p->ty;
    if (pt == ty_none) { /* a name that is None in this specialisation */
        expr(p);
        return "0, 0";
    }
    if (!pt || (!pt->tag && pt->kind != TY_ANY)) return format("1, %s", coerce(expr(p), ty_int).c);
    Val v = pin(expr_tag(p));
    char *has = new_temp(ty_bool), *val = new_temp(ty_int);
    if (v.ty->tag)
        emit("%s = %s.t != &ac_t_none;", has, v.c);
    else
        emit("%s = %s != NULL && %s->kind != AC_K_NONE;", has, v.c, v.c);
    emit("%s = 0;", val);
    emit("if (%s) {", has);
    emit("%s = %s;", val, coerce(v, ty_int).c);
    emit("}");
    return format("%s, %s", has, val);
}

static Val slice_expr(Node *e) {
    Val c = expr(e->a);
    Node *p[3] = {e->b, e->c, e->d};
    char *part[3];
    for (int i = 0; i < 3; i++) part[i] = slice_part(p[i]);
    if (c.ty->kind == TY_ANY) return call_value(ty_any, "ac_obj_slice(%s, %s, %s, %s)", c.c, part[0], part[1], part[2]);
    return call_value(e->ty, "%s(%s, %s, %s, %s)", c.ty == ty_str ? "ac_str_slice" : "ac_list_slice", c.c, part[0],
                      part[1], part[2]);
}

static Val unary_expr(Node *e) {
    Val v = expr_tag(e->a);
    if (e->kind == N_NOT) {
        char *tmp = new_temp(ty_bool);
        emit("%s = !%s;", tmp, truth(v));
        return (Val){tmp, ty_bool, false};
    }
    if (v.ty->tag)
        return tag_result(call_value(any_tag(), "ac_tag_unary(%s, %s)", obj_op(e->op), v.c), e->ty);
    if (v.ty->kind == TY_ANY) return call_value(ty_any, "ac_obj_unary(%s, %s)", obj_op(e->op), v.c);
    if (e->op == OP_POS) return v.ty == ty_bool ? (Val){format("(int64_t)%s", v.c), ty_int, false} : v;
    if (e->op == OP_INVERT) return (Val){format("(~(int64_t)%s)", v.c), ty_int, false};
    if (v.ty == ty_float) return (Val){format("(-%s)", v.c), ty_float, false};
    return call_value(ty_int, "ac_int_neg(%s)", v.c);
}

/* A read of a local that may be unbound here (check_assign.c): CPython's
 * UnboundLocalError when it is (NameError for a closure's free variable).
 * A reference is NULL until bound; a scalar has its flag, or in a cell its
 * box's type. */
void emit_unbound_test(Node *e) {
    if (!e->unbound_check) return;
    Var *v = e->var;
    char *cond = v->unbound_cell ? format("((ac_box *)%s)->type == &ac_t_unbound", closure_cell_ref(v))
                 : v->flag       ? format("!%s", var_ref(v->flag))
                                 : format("%s == NULL", var_ref(v));
    if (v->is_global)
        emit("if (AC_UNLIKELY(%s)) ac_raise_msg(&ac_cls_NameError, \"name '%s' is not defined\");", cond, v->name);
    else if (v->owner != C->fn)
        emit("if (AC_UNLIKELY(%s)) ac_raise_msg(&ac_cls_NameError, \"cannot access free variable '%s' where it is not "
             "associated with a value in enclosing scope\");",
             cond, v->name);
    else
        emit("if (AC_UNLIKELY(%s)) ac_raise_msg(&ac_cls_UnboundLocalError, \"cannot access local variable '%s' where "
             "it is not associated with a value\");",
             cond, v->name);
    check_err();
}

static Val name_expr(Node *e) {
    if (!e->var) {
        if (!strcmp(e->sval, "__name__")) return (Val){"asyncc_module_name", ty_str, false};
        if (e->bi) return call_value(e->ty, "%s()", e->bi->cfn); /* from sys import argv */
        if (e->ty && e->ty->kind == TY_FUNC) return emit_def_value(e);
        return (Val){"0", ty_none, false};
    }
    e->var->read = true;
    emit_unbound_test(e);
    /* a narrowed tagged union: the member read straight out */
    if (e->var->ty->tag && e->ty && e->ty != e->var->ty) return tag_result((Val){var_ref(e->var), e->var->ty, false}, e->ty);
    /* narrowed `T | None`: same C value, read as T */
    Type *t = e->ty && e->var->ty->opt && !e->ty->opt ? e->ty : e->var->ty;
    /* narrowed by isinstance(): an object that holds an exception or an
     * instance is that pointer; an exception of a subclass is the same */
    if (e->ty && e->var->ty == ty_any && (e->ty->kind == TY_EXC || e->ty->kind == TY_INST))
        return (Val){format("((%s)%s)", c_type(e->ty), var_ref(e->var)), e->ty, false};
    if (e->ty && e->ty->kind == TY_EXC && e->var->ty->kind == TY_EXC && !e->var->ty->opt) t = e->ty;
    return (Val){var_ref(e->var), t, false};
}

static Val listcomp_expr(Node *e) {
    char *res = new_temp(e->ty);
    emit("%s = ac_list_new(%s, 0, NULL);", res, desc(e->ty->elem));
    hold(res, e->ty);
    comp_rest(e, 0, res, NULL);
    return (Val){res, e->ty, true};
}

static Val expr_kind(Node *e);

/* An error raised while e is evaluated leaves the line where e starts, as
 * CPython locates the failing instruction (a statement may span lines). */
Val expr_tag(Node *e) {
    int saved = tb_line;
    if (e->loc.line > 0) tb_line = e->loc.line;
    Val v = expr_kind(e);
    tb_line = saved;
    return v;
}

/* Consumers that do not know tagged unions see them boxed. */
Val expr(Node *e) {
    Val v = expr_tag(e);
    return v.ty->tag ? as_object(v) : v;
}

static Val expr_kind(Node *e) {
    switch (e->kind) {
    case N_INT: return int_lit(e->ival);
    case N_FLOAT: return float_lit(e->fval);
    case N_BOOL: return (Val){e->ival ? "1" : "0", ty_bool, false};
    case N_NONE: return (Val){"0", ty_none, false};
    case N_STR: return (Val){str_lit(e->sval, e->slen), ty_str, false};
    case N_FSTRING: return fstring(e);
    case N_NAME: return name_expr(e);
    case N_BINOP: {
        Val l = expr_tag(e->a);
        Val r = expr_tag(e->b);
        return binop(e, e->op, l, r);
    }
    case N_UNARY:
    case N_NOT: return unary_expr(e);
    case N_AND:
    case N_OR:
    case N_IFEXP: return branchy(e);
    case N_COMPARE: return compare(e);
    case N_CALL: return call_expr(e);
    case N_LAMBDA: return emit_lambda(e);
    case N_WALRUS: {
        assign_var(e->a->var, expr(e->b));
        return (Val){var_ref(e->a->var), e->a->var->ty, false};
    }
    case N_ATTR: {
        if (emit_is_class_attr(e)) return emit_attr_get(e);
        if (e->bi && e->bi->recv && !builtin_is_module(e->bi->recv)) { /* barrier.parties */
            Val r = expr(e->a);
            return call_value(e->ty, "%s(%s)", e->bi->cfn, r.c);
        }
        if (e->bi) return call_value(e->ty, "%s()", e->bi->cfn); /* sys.argv */
        if (e->builtin == B_TYPENAME && e->a->ty && e->a->ty->kind == TY_CLASS) { /* C.__mro__[1].__name__ */
            expr(e->a);
            const char *n = e->a->ty->cls->name;
            return (Val){str_lit(n, strlen(n)), ty_str, false};
        }
        if (e->builtin == B_TYPENAME) return emit_type_name(e);
        if (e->builtin == B_OBJ_ATTR) return emit_obj_attr(e);
        if (e->builtin == B_GEN_OP) return gen_attr(e);
        if (e->builtin == B_FN_ATTR) return emit_fn_attr(e);
        if (e->builtin == B_FN_NAME) return call_value(ty_str, "ac_str_from_cstr(%s->name)", expr(e->a).c);
        Val v = expr(e->a);
        if (!strcmp(e->sval, "exceptions")) return call_value(e->ty, "ac_exc_group_exceptions(%s)", v.c);
        return call_value(e->ty, "ac_exc_args(%s)", v.c);
    }
    case N_INDEX: return index_expr(e);
    case N_SLICE: return slice_expr(e);
    case N_LIST: return list_lit(e);
    case N_TUPLE: return tuple_lit(e, e->ty);
    case N_LISTCOMP: return listcomp_expr(e);
    case N_DICT: return dict_lit(e);
    case N_SET: return set_lit(e);
    case N_DICTCOMP:
    case N_SETCOMP: return dict_set_comp(e);
    case N_AWAIT: return await_expr(e);
    case N_YIELD: return yield_expr(e);
    default: return (Val){"0", ty_none, false};
    }
}
