/* emit_dict.c -- dict, set and frozenset: literals, comprehensions,
 * d[k] (read, store, augmented, del), `in`, the set operators and
 * comparisons, iteration, and the emit hooks of their rows in
 * builtin_table.  Keys and values cross into the runtime as ac_val, after
 * coerce() has made them the dict's key and value types (boxing into
 * object, widening int to float). */
#include "emit.h"
#include "emit_dict.h"

#include <string.h>

static Type *key_ty(Type *t) { return t->kind == TY_DICT ? t->elems[0] : t->elem; }

/* v as an ac_val of type t, borrowed (held temporaries keep it alive) */
static char *val_as(Val v, Type *t) {
    Val x = coerce(v, t);
    x.ty = t;
    return to_val(x);
}

/* v as an ac_val of type t that the callee steals */
static char *val_owned(Val v, Type *t) {
    Val x = coerce(v, t);
    char *c = take_ref(x);
    return to_val((Val){c, t, false});
}

static Val new_container(Type *t) {
    if (t->kind == TY_DICT) return call_value(t, "ac_dict_new(%s)", desc(t));
    return call_value(t, "ac_set_new(%s)", desc(t));
}

Val dict_lit(Node *e) {
    Type *t = e->ty;
    Val d = new_container(t);
    for (int i = 0; i < e->list.len; i++) {
        int m = C->held.len;
        Node *key = e->list.data[i];
        if (key->kind == N_STARRED) {
            Val o = expr(key->a);
            emit("ac_dict_update(%s, %s);", d.c, o.c);
            check_err();
            release_held_from(m);
            continue;
        }
        Val k = expr(key);
        Val v = expr(e->list2.data[i]);
        char *kc = val_owned(k, t->elems[0]);
        char *vc = val_owned(v, t->elems[1]);
        emit("ac_dict_set(%s, %s, %s);", d.c, kc, vc);
        check_err();
        release_held_from(m);
    }
    return d;
}

/* What CPython's compiler folds into a constant. */
static bool is_const(Node *e) {
    switch (e->kind) {
    case N_INT:
    case N_FLOAT:
    case N_STR:
    case N_BOOL:
    case N_NONE: return true;
    case N_UNARY: return (e->op == OP_NEG || e->op == OP_POS) && (e->a->kind == N_INT || e->a->kind == N_FLOAT);
    case N_TUPLE:
        for (int i = 0; i < e->list.len; i++)
            if (!is_const(e->list.data[i])) return false;
        return true;
    default: return false;
    }
}

/* {c1, c2, c3, ...}: CPython builds it from a frozenset constant, which
 * shows in the order (ac_set_const) */
static Val const_set_lit(Node *e) {
    Type *t = e->ty;
    Buf b = {0};
    for (int i = 0; i < e->list.len; i++)
        buf_printf(&b, "%s%s", i ? ", " : "", val_owned(expr(e->list.data[i]), t->elem));
    return call_value(t, "ac_set_const(%s, %d, (ac_val[]){%s})", desc(t), e->list.len, b.data);
}

Val set_lit(Node *e) {
    Type *t = e->ty;
    bool all_const = e->list.len > 2;
    for (int i = 0; i < e->list.len && all_const; i++) all_const = is_const(e->list.data[i]);
    if (all_const) return const_set_lit(e);
    Val s = new_container(t);
    for (int i = 0; i < e->list.len; i++) {
        int m = C->held.len;
        Val k = expr(e->list.data[i]);
        emit("ac_set_add(%s, %s);", s.c, val_owned(k, t->elem));
        check_err();
        release_held_from(m);
    }
    return s;
}

Val dict_set_comp(Node *e) {
    Val r = new_container(e->ty);
    comp_rest(e, 0, r.c, NULL);
    return r;
}

void comp_store(Node *comp, char *result) {
    Type *t = comp->ty;
    if (comp->kind == N_SETCOMP) {
        Val k = expr(comp->a);
        emit("ac_set_add(%s, %s);", result, val_owned(k, t->elem));
    } else {
        Val k = expr(comp->a);
        Val v = expr(comp->b);
        char *kc = val_owned(k, t->elems[0]);
        char *vc = val_owned(v, t->elems[1]);
        emit("ac_dict_set(%s, %s, %s);", result, kc, vc);
    }
    check_err();
}

Val dict_index(Node *e, Val d) {
    Type *t = e->ty;
    Val k = expr(e->b);
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(format("ac_dict_get(%s, %s)", d.c, val_as(k, d.ty->elems[0])), t));
    check_err();
    if (!is_obj(t)) return (Val){tmp, t, false};
    emit("ac_incref(%s);", tmp); /* the value outlives a statement that empties d */
    hold(tmp, t);
    return (Val){tmp, t, true};
}

void dict_store(Node *target, Val d, Val val) {
    Type *dt = d.ty;
    Val k = expr(target->b);
    char *kc = val_owned(k, dt->elems[0]);
    char *vc = val_owned(val, dt->elems[1]);
    emit("ac_dict_set(%s, %s, %s);", d.c, kc, vc);
    check_err();
}

/* d[k] op= v: one lookup for the read, one store */
void dict_augassign(Node *s, Val d) {
    Node *t = s->a;
    Type *dt = d.ty, *vt = dt->elems[1];
    Val k = pin(coerce(expr(t->b), dt->elems[0]));
    k.ty = dt->elems[0];
    char *cur = new_temp(vt);
    emit("%s = %s;", cur, from_val(format("ac_dict_get(%s, %s)", d.c, to_val(k)), vt));
    check_err();
    Val r = expr(s->b);
    Node fake = *s;
    fake.ty = s->ty ? s->ty : vt;
    Val res = coerce(binop(&fake, s->op, (Val){cur, vt, false}, r), vt);
    char *x = take_ref(res);
    if (is_obj(k.ty)) emit("ac_incref(%s);", k.c);
    emit("ac_dict_set(%s, %s, %s);", d.c, to_val(k), to_val((Val){x, vt, false}));
    check_err();
}

void emit_del(Node *s) {
    for (int i = 0; i < s->list.len; i++) {
        int m = C->held.len;
        Node *t = s->list.data[i];
        if (t->kind == N_ATTR) {
            emit_del_attr(t);
            release_held_from(m);
            continue;
        }
        if (t->kind == N_NAME) { /* a local: unbound from here on (check_assign.c) */
            emit_unbound_test(t);
            char *ref = var_ref(t->var);
            if (is_obj(t->var->ty)) emit("ac_decref(%s); %s = NULL;", ref, ref);
            if (t->var->flag) emit("%s = 0;", var_ref(t->var->flag));
            if (t->var->unbound_cell) emit("((ac_box *)%s)->type = &ac_t_unbound;", closure_cell_ref(t->var));
            continue;
        }
        Val c = expr(t->a);
        if (c.ty->kind == TY_DICT) {
            Val k = expr(t->b);
            emit("ac_dict_del(%s, %s);", c.c, val_as(k, c.ty->elems[0]));
        } else {
            Val ix = expr(t->b);
            emit("ac_val_decref(ac_list_pop(%s, %s), %s);", c.c, ix.c, desc(c.ty->elem));
            emit("if (ac_err && ac_exc_matches(ac_err, &ac_cls_IndexError)) "
                 "ac_raise_msg(&ac_cls_IndexError, \"list assignment index out of range\");");
        }
        check_err();
        release_held_from(m);
    }
}

Val dict_set_in(int op, Val a, Val b) {
    if (b.ty->kind == TY_VIEW) {
        Val r = call_value(ty_bool, "ac_dictview_contains(%s, %s)", b.c, val_as(a, b.ty->elem));
        return (Val){format("%s%s", op == OP_NOTIN ? "!" : "", r.c), ty_bool, false};
    }
    const char *fn = b.ty->kind == TY_DICT ? "ac_dict_contains" : "ac_set_contains";
    Val r = call_value(ty_bool, "%s(%s, %s)", fn, b.c, val_as(a, key_ty(b.ty)));
    return (Val){format("%s%s", op == OP_NOTIN ? "!" : "", r.c), ty_bool, false};
}

Val set_compare(int op, Val a, Val b) {
    switch (op) {
    case OP_EQ: return (Val){format("ac_set_eq(%s, %s)", a.c, b.c), ty_bool, false};
    case OP_NE: return (Val){format("!ac_set_eq(%s, %s)", a.c, b.c), ty_bool, false};
    case OP_LE: return call_value(ty_bool, "ac_set_le(%s, %s)", a.c, b.c);
    case OP_LT: return call_value(ty_bool, "ac_set_lt(%s, %s)", a.c, b.c);
    case OP_GE: return call_value(ty_bool, "ac_set_le(%s, %s)", b.c, a.c);
    default: return call_value(ty_bool, "ac_set_lt(%s, %s)", b.c, a.c);
    }
}

static const char *set_op_name(int op) {
    switch (op) {
    case OP_BITOR: return "or";
    case OP_BITAND: return "and";
    case OP_SUB: return "sub";
    default: return "xor";
    }
}

Val set_binop(int op, Val l, Val r, Type *t) { return call_value(t, "ac_set_%s(%s, %s)", set_op_name(op), l.c, r.c); }

void set_inplace(int op, Val cur, Val r) {
    emit("ac_set_i%s(%s, %s);", set_op_name(op), cur.c, r.c);
    check_err();
}

/* for x in d / s: over a list of the keys taken when the loop starts */
Val iter_as_list(Val seq) {
    if (seq.ty->kind == TY_DICT)
        return call_value(ty_list(seq.ty->elems[0]), "ac_dict_keys(%s, %s)", seq.c, desc(seq.ty->elems[0]));
    if (ty_is_set(seq.ty)) return call_value(ty_list(seq.ty->elem), "ac_set_to_list(%s)", seq.c);
    if (seq.ty->kind == TY_VIEW)
        return call_value(ty_list(seq.ty->elem), "ac_dictview_list(%s, %s)", seq.c, desc(seq.ty->elem));
    return seq;
}

Val dict_set_len(Val v) {
    if (v.ty->kind == TY_DICT) return (Val){format("%s->len", v.c), ty_int, false};
    if (v.ty->kind == TY_VIEW) return (Val){format("%s->d->len", v.c), ty_int, false};
    return (Val){format("%s->used", v.c), ty_int, false};
}

/* ---- the rows of builtin_table ---------------------------------------------- */

static Node *arg(Node *e, int i) { return e->list.data[i]; }

/* a set argument of a method: a list becomes a set of the receiver's type */
static Val set_arg(Node *e, Type *st) {
    Val o = expr(arg(e, 0));
    if (o.ty->kind == TY_LIST) return call_value(st, "ac_set_from_list(%s, %s)", desc(st), o.c);
    return o;
}

/* d.get(k, default) / d.pop(k, default) with a default of another type
 * than the values: either one, converted to the joined type e->ty. */
static Val value_or_default(Node *e, Val d, const char *kc, Type *vt) {
    Type *t = e->ty;
    bool pop = e->bi->name[0] == 'p';
    Val dv = pin(expr(arg(e, 1)));
    char *tmp = new_temp(t), *pos = new_temp(ty_bool);
    emit("%s = ac_dict_contains(%s, %s);", pos, d.c, kc);
    check_err();
    emit("if (%s) {", pos);
    Val got = {from_val(format("ac_dict_%s(%s, %s)", pop ? "pop" : "get", d.c, kc), vt), vt, pop && is_obj(vt)};
    emit("%s = %s;", tmp, take_ref(coerce(got, t)));
    emit("} else {");
    dv.owned = false; /* the default stays held by this statement: a reference of its own */
    emit("%s = %s;", tmp, take_ref(coerce(dv, t)));
    emit("}");
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

Val emit_dict_method(Node *e) {
    const char *m = e->bi->name;
    Val d = expr(e->a->a);
    Type *dt = d.ty, *kt = dt->elems[0], *vt = dt->elems[1];
    Type *t = e->ty;
    int n = e->list.len;
    if (!strcmp(m, "keys") || !strcmp(m, "values") || !strcmp(m, "items"))
        return call_value(t, "ac_dict_view(%s, %d)", d.c, t->view);
    if (!strcmp(m, "copy")) return call_value(t, "ac_dict_copy(%s)", d.c);
    if (!strcmp(m, "popitem")) return call_value(t, "ac_dict_popitem(%s, %s)", d.c, desc(t));
    if (!strcmp(m, "clear") || !strcmp(m, "update")) {
        if (m[0] == 'c')
            emit("ac_dict_clear(%s);", d.c);
        else
            emit("ac_dict_update(%s, %s);", d.c, expr(arg(e, 0)).c);
        check_err();
        return (Val){"0", ty_none, false};
    }
    Val k = pin(expr(arg(e, 0)));
    char *kc = val_as(k, kt);
    if (!strcmp(m, "get") && (n == 1 || !arg(e, 1) || arg(e, 1)->kind == N_NONE) && t->opt) {
        /* V | None: NULL for None */
        char *tmp = new_temp(t), *pos = new_temp(ty_bool);
        emit("%s = ac_dict_contains(%s, %s);", pos, d.c, kc);
        check_err();
        emit("%s = NULL;", tmp);
        emit("if (%s) {", pos);
        emit("%s = %s;", tmp, from_val(format("ac_dict_get(%s, %s)", d.c, kc), vt));
        emit("ac_incref(%s);", tmp);
        emit("}");
        hold(tmp, t);
        return (Val){tmp, t, true};
    }
    if (!strcmp(m, "get") && (n == 1 || !arg(e, 1) || arg(e, 1)->kind == N_NONE)) {
        /* the value as an object, or None */
        char *tmp = new_temp(ty_any), *pos = new_temp(ty_bool);
        emit("%s = ac_dict_contains(%s, %s);", pos, d.c, kc);
        check_err();
        emit("%s = &ac_None;", tmp);
        emit("if (%s) {", pos);
        Val got = {from_val(format("ac_dict_get(%s, %s)", d.c, kc), vt), vt, false};
        emit("%s = %s;", tmp, take_ref(as_object(got)));
        emit("}");
        hold(tmp, ty_any);
        return (Val){tmp, ty_any, true};
    }
    if (n > 1 && t != vt) return value_or_default(e, d, kc, vt);
    Val dv = n > 1 ? pin(coerce(expr(arg(e, 1)), vt)) : (Val){"0", vt, false};
    dv.ty = vt;
    if (!strcmp(m, "get") || !strcmp(m, "setdefault")) {
        const char *fn = m[0] == 'g' ? "ac_dict_get_or" : "ac_dict_setdefault";
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(format("%s(%s, %s, %s)", fn, d.c, kc, to_val(dv)), t));
        check_err();
        if (!is_obj(t)) return (Val){tmp, t, false};
        emit("ac_incref(%s);", tmp);
        hold(tmp, t);
        return (Val){tmp, t, true};
    }
    /* pop */
    char *call =
        n > 1 ? format("ac_dict_pop_or(%s, %s, %s)", d.c, kc, to_val(dv)) : format("ac_dict_pop(%s, %s)", d.c, kc);
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(call, t));
    if (is_obj(t)) hold(tmp, t);
    check_err();
    return (Val){tmp, t, is_obj(t)};
}

Val emit_set_method(Node *e) {
    const char *m = e->bi->name;
    Val s = expr(e->a->a);
    Type *st = s.ty, *el = st->elem, *t = e->ty;
    if (!strcmp(m, "add")) {
        emit("ac_set_add(%s, %s);", s.c, val_owned(expr(arg(e, 0)), el));
    } else if (!strcmp(m, "discard") || !strcmp(m, "remove")) {
        emit("ac_set_%s(%s, %s);", m, s.c, val_as(expr(arg(e, 0)), el));
    } else if (!strcmp(m, "pop")) {
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(format("ac_set_pop(%s)", s.c), t));
        if (is_obj(t)) hold(tmp, t);
        check_err();
        return (Val){tmp, t, is_obj(t)};
    } else if (!strcmp(m, "clear")) {
        emit("ac_set_clear(%s);", s.c);
    } else if (!strcmp(m, "copy")) {
        return call_value(t, "ac_set_from_set(%s, %s)", desc(t), s.c);
    } else if (!strcmp(m, "update") && arg(e, 0)->ty->kind == TY_LIST) {
        emit("ac_set_update_list(%s, %s);", s.c, expr(arg(e, 0)).c);
    } else if (!strcmp(m, "update")) {
        set_inplace(OP_BITOR, s, set_arg(e, st));
        return (Val){"0", ty_none, false};
    } else if (arg(e, 0)->ty->kind == TY_LIST && (!strcmp(m, "union") || !strcmp(m, "intersection") ||
                                                  !strcmp(m, "difference") || !strcmp(m, "symmetric_difference"))) {
        int op = m[0] == 'u' ? 0 : m[0] == 'i' ? 1 : m[0] == 'd' ? 2 : 3;
        return call_value(t, "ac_set_list_op(%s, %s, %d)", s.c, expr(arg(e, 0)).c, op);
    } else {
        Val o = set_arg(e, st);
        if (!strcmp(m, "union")) return set_binop(OP_BITOR, s, o, t);
        if (!strcmp(m, "intersection")) return set_binop(OP_BITAND, s, o, t);
        if (!strcmp(m, "difference")) return set_binop(OP_SUB, s, o, t);
        if (!strcmp(m, "symmetric_difference")) return set_binop(OP_BITXOR, s, o, t);
        if (!strcmp(m, "issubset")) return set_compare(OP_LE, s, o);
        if (!strcmp(m, "issuperset")) return set_compare(OP_GE, s, o);
        return call_value(ty_bool, "ac_set_isdisjoint(%s, %s)", s.c, o.c);
    }
    check_err();
    return (Val){"0", ty_none, false};
}

/* B_SET_FOLD (check_dict.c): one runtime call over the list of sets */
Val emit_set_fold(Node *e) {
    static const char *const names[] = {"union", "intersection", "difference"};
    Val r = e->list.len > 1 ? pin(expr(e->list.data[1])) : (Val){"NULL", NULL, false};
    Val l = expr(e->list.data[0]);
    if (e->ival == 3) {
        emit("ac_set_fold_update(%s, %s);", r.c, l.c);
        check_err();
        return (Val){"0", ty_none, false};
    }
    return call_value(e->ty, "ac_set_fold(%s, %s, %d, \"%s\")", r.c, l.c, (int)e->ival, names[e->ival]);
}

Val emit_set_ctor(Node *e) {
    Type *t = e->ty;
    Val a = expr(arg(e, 0));
    if (a.ty == ty_str) a = call_value(ty_list(ty_str), "ac_str_split_chars(%s)", a.c);
    if (a.ty->kind == TY_DICT) a = iter_as_list(a);
    if (ty_is_set(a.ty)) return call_value(t, "ac_set_from_set(%s, %s)", desc(t), a.c);
    return call_value(t, "ac_set_from_list(%s, %s)", desc(t), a.c);
}

Val emit_dict_ctor(Node *e) {
    Type *t = e->ty;
    Val a = expr(arg(e, 0));
    if (a.ty->kind == TY_DICT) return call_value(t, "ac_dict_copy(%s)", a.c);
    return call_value(t, "ac_dict_from_items(%s, %s)", desc(t), a.c);
}
