/* check_dict.c -- typing of dict, set and frozenset: literals,
 * comprehensions, d[k], del, the set operators, and the typing hooks of
 * their rows in builtin_table.  An empty literal takes its types from
 * what the context expects (an annotation, a parameter, the other side of
 * an assignment); items of different types make the element type
 * `object`, as they do for lists. */
#include "check.h"
#include "check_dict.h"

#include <string.h>

static bool hashable(const Type *t) {
    if (t->kind == TY_LIST && t->sub) return hashable(t->elem); /* tuple[T, ...] */
    if (t->kind == TY_LIST || t->kind == TY_DICT || t->kind == TY_SET) return false;
    if (t->kind == TY_TUPLE)
        for (int i = 0; i < t->nelems; i++)
            if (!hashable(t->elems[i])) return false;
    return t->kind != TY_CORO && t->kind != TY_FUNC && t->kind != TY_CLASS &&
           t->kind != TY_MODULE;
}

Type *dict_key_ok(Node *at, Type *t) {
    Type *k = t->kind == TY_DICT ? t->elems[0] : t->elem;
    if (!hashable(k)) {
        check_error(at, "unhashable type: '%s' cannot be a %s", ty_name(k),
                    t->kind == TY_DICT ? "dict key" : "set element");
        return ty_any;
    }
    return t;
}

/* The type of the items so far (u) joined with one more (t), as list
 * literals do it: different types make `object`. */
static Type *join(Type *u, Type *t, Type *want) {
    if (!u) return t;
    if (u == t) return u;
    if (ty_adopts(want, u) && ty_adopts(want, t)) return want;
    if (u == ty_any || t == ty_any || !ty_unify(u, t) || ty_numeric(u)) return ty_any;
    return ty_unify(u, t);
}

static bool is_empty_literal(Node *e) { return (e->kind == N_LIST && !e->list.len) || empty_dict_or_set(e); }

static Type *settle(Type *got, Type *want) {
    if (want && (!got || ty_adopts(want, got))) return want;
    return got;
}

Type *dict_literal_type(Node *e, Type *expect) {
    Type *site = check_site_type(e); /* where the dict flows, wider types */
    if (site && site->kind == TY_DICT) expect = expect && expect->kind == TY_DICT ? ty_join(expect, site) : site;
    Type *wk = expect && expect->kind == TY_DICT ? expect->elems[0] : NULL;
    Type *wv = expect && expect->kind == TY_DICT ? expect->elems[1] : NULL;
    if (wk && ty_has_unknown(wk)) wk = NULL; /* not inferred yet: no constraint */
    if (wv && ty_has_unknown(wv)) wv = NULL;
    Type *k = NULL, *v = NULL;
    /* empty values ({"a": [1], "b": []}) take the type of the others */
    bool splats = false;
    for (int i = 0; i < e->list.len; i++) {
        Node *key = e->list.data[i];
        if (key->kind == N_STARRED) { /* {**d}: d's keys and values */
            Type *dt = check_expr(key->a, expect && expect->kind == TY_DICT ? expect : NULL);
            key->ty = dt;
            splats = true;
            if (dt->kind != TY_DICT) {
                if (dt->kind != TY_UNKNOWN) check_error(key->a, "'%s' object is not a mapping", ty_name(dt));
                continue;
            }
            k = join(k, dt->elems[0], wk);
            v = join(v, dt->elems[1], wv);
            continue;
        }
        k = join(k, check_expr(key, wk), wk);
        if (!is_empty_literal(e->list2.data[i])) v = join(v, check_expr(e->list2.data[i], wv), wv);
        check_float_item(e->list2.data[i], wv);
    }
    for (int i = 0; i < e->list.len; i++)
        if (((Node *)e->list.data[i])->kind != N_STARRED && is_empty_literal(e->list2.data[i]))
            v = join(v, check_expr(e->list2.data[i], wv ? wv : v), wv);
    k = settle(k, wk);
    v = settle(v, wv);
    if (!k && expect == ty_any) k = v = ty_any;
    if (!k) { /* typed by later stores; one that never gets any: dict[int, int], as an empty list */
        inf.residue++;
        return inf.defaulting ? ty_dict(ty_int, ty_int) : ty_dict(ty_unknown, ty_unknown);
    }
    if (!k) {
        check_error(e, "cannot infer the types of an empty dict; annotate it, e.g. 'x: dict[str, int] = {}'");
        return ty_any;
    }
    if (v == ty_none) v = ty_any;
    Type *r = dict_key_ok(e, ty_dict(k, v));
    for (int i = 0; splats && i < e->list.len; i++) { /* copied entry by entry: the same types */
        Node *key = e->list.data[i];
        if (key->kind == N_STARRED && key->ty && key->ty->kind == TY_DICT && key->ty != r && !ty_has_unknown(key->ty))
            check_error(key->a, "{**d} of a '%s' into a '%s' is not supported yet", ty_name(key->ty), ty_name(r));
    }
    return r;
}

Type *set_literal_type(Node *e, Type *expect) {
    bool frozen = e->ival != 0;
    Type *want = expect && ty_is_set(expect) ? expect->elem : NULL;
    if (want && ty_has_unknown(want)) want = NULL;
    Type *u = NULL;
    for (int i = 0; i < e->list.len; i++) u = join(u, check_expr(e->list.data[i], want), want);
    u = settle(u, want);
    if (!u && expect == ty_any) u = ty_any;
    if (!u) { /* typed by later adds; one that never gets any: set[int] */
        inf.residue++;
        return ty_set(inf.defaulting ? ty_int : ty_unknown, frozen);
    }
    if (!u) {
        check_error(e, "cannot infer the element type of an empty %s; annotate it, e.g. 'x: set[int] = set()'",
                    frozen ? "frozenset" : "set");
        return ty_any;
    }
    return dict_key_ok(e, ty_set(u, frozen));
}

Type *dict_set_comp_type(Node *e, Type *expect) {
    if (e->kind == N_SETCOMP) {
        Type *want = expect && ty_is_set(expect) ? expect->elem : NULL;
        Type *t = check_expr(e->a, want);
        if (ty_adopts(want, t)) t = want;
        return dict_key_ok(e, ty_set(t, false));
    }
    Type *wk = expect && expect->kind == TY_DICT ? expect->elems[0] : NULL;
    Type *wv = expect && expect->kind == TY_DICT ? expect->elems[1] : NULL;
    Type *k = check_expr(e->a, wk), *v = check_expr(e->b, wv);
    if (ty_adopts(wk, k)) k = wk;
    if (ty_adopts(wv, v)) v = wv;
    if (v == ty_none) v = ty_any;
    return dict_key_ok(e, ty_dict(k, v));
}

Type *set_binop_type(int op, Type *l, Type *r) {
    if (!ty_is_set(l) || !ty_is_set(r)) return NULL;
    if (op != OP_BITOR && op != OP_BITAND && op != OP_SUB && op != OP_BITXOR) return NULL;
    /* s |= set() before the empty set's element type is known */
    if (l->elem != r->elem && l->elem->kind == TY_UNKNOWN) return ty_set(r->elem, l->kind == TY_FROZENSET);
    if (l->elem != r->elem && r->elem->kind == TY_UNKNOWN) return l;
    if (l->elem != r->elem) return NULL;
    return l; /* the left operand's kind: set | frozenset is a set */
}

static bool key_fits(Type *kt, Type *t) { return ty_assignable(kt, t) || (ty_numeric(kt) && ty_numeric(t)); }

static Type *key_arg(Node *k, Type *d) {
    Type *kt = d->elems[0];
    Type *t = check_expr(k, kt);
    if (!key_fits(kt, t))
        check_error(k, "a key of '%s' must be '%s', not '%s'", ty_name(d), ty_name(kt), ty_name(t));
    return t;
}

Type *dict_index_type(Node *e, Type *t) {
    key_arg(e->b, t);
    return t->elems[1];
}

void dict_store_type(Node *target, Type *d, Type *t, Node *value_at) {
    Var *dvar = (target->a->kind == N_NAME || target->a->kind == N_ATTR) ? target->a->var : NULL;
    Type *dk = d->elems[0], *dv = d->elems[1];
    if (dvar && !dvar->fixed && dk->kind != TY_UNKNOWN) {
        /* keys of several types (CPython hashes any hashable key; an int
         * and a float key stay as they are): the keys are objects, each
         * hashed and compared by its own type */
        Type *kt = check_expr(target->b, dk);
        bool other_number = ty_numeric(dk) && ty_numeric(kt) && ty_strip(dk)->kind != ty_strip(kt)->kind;
        if (!ty_has_unknown(kt) && (!key_fits(dk, kt) || other_number) && dict_key_ok(target->b, ty_set(kt, false)) != ty_any) {
            d = ty_dict(ty_any, dv);
            check_widen(dvar, d, target->loc);
            if (dvar->ty && dvar->ty->kind == TY_DICT) d = dvar->ty;
            dk = d->elems[0], dv = d->elems[1];
        }
    }
    key_arg(target->b, d);
    /* d = {} then d[k] = v: the variable is typed by its stores */
    if ((dk->kind == TY_UNKNOWN || dv->kind == TY_UNKNOWN) &&
        (target->a->kind == N_NAME || target->a->kind == N_ATTR) && target->a->var &&
        target->b->ty) {
        d = ty_dict(dk->kind == TY_UNKNOWN ? target->b->ty : dk, dv->kind == TY_UNKNOWN ? t : dv);
        check_widen(target->a->var, d, target->loc);
    }
    /* values of several types, as a list's items: the value type widens
     * (to object, or a union of scalars, boxed in the dict) */
    else if ((target->a->kind == N_NAME || target->a->kind == N_ATTR) && target->a->var && !target->a->var->fixed &&
             !ty_has_unknown(t) && ty_join(dv, t) != dv && dv->kind != TY_FUNC) {
        d = ty_dict(dk, ty_join(dv, t));
        check_widen(target->a->var, d, target->loc);
        d = target->a->var->ty && target->a->var->ty->kind == TY_DICT ? target->a->var->ty : d;
    }
    if (dv->kind == TY_FUNC && t->kind == TY_FUNC && target->a->kind == N_NAME && target->a->var) {
        d = ty_dict(dk, ty_join(dv, t)); /* a registry of functions: one C type, the defs join */
        check_widen(target->a->var, d, target->loc);
    }
    if (!ty_assignable(d->elems[1], t))
        check_error(value_at ? value_at : target, "cannot store '%s' in '%s'", ty_name(t), ty_name(d));
    else if (value_at && value_at->ty == t)
        check_float_item(value_at, d->elems[1]);
    target->ty = d->elems[1];
}

/* del x of a function's own local: x is unbound after it (check_assign.c) */
static void del_name(Node *t) {
    Var *v = check_lookup(t->sval);
    Func *fn = check_cur_fn();
    if (!v || !fn || v->owner != fn || v->is_global || v->scoped || v->is_param) {
        check_error(t, "del of '%s' is not supported (only of a local variable of the function)", t->sval);
        return;
    }
    if (!v->ty && inf.final_pass) check_widen(v, ty_any, t->loc); /* never stored: del always raises */
    t->var = v;
    t->ty = v->ty;
}

void del_stmt_type(Node *s) {
    for (int i = 0; i < s->list.len; i++) {
        Node *t = s->list.data[i];
        if (t->kind == N_ATTR && class_del_attr(t)) continue;
        if (t->kind == N_NAME) {
            del_name(t);
            continue;
        }
        if (t->kind != N_INDEX) {
            check_error(t, "del of this target is not supported (only a local name, d[k], l[i] and x.a of an instance)");
            continue;
        }
        Type *c = check_expr(t->a, NULL);
        if (c->kind == TY_DICT)
            key_arg(t->b, c);
        else if (c->kind == TY_LIST) {
            Type *it = check_expr(t->b, ty_int);
            if (it != ty_int && it != ty_bool)
                check_error(t->b, "list indices must be integers, not '%s'", ty_name(it));
        } else if (c != ty_any) {
            check_error(t, "'%s' object does not support item deletion", ty_name(c));
        } else {
            check_error(t, "del on an 'object' value is not supported yet");
        }
        t->ty = c;
    }
}

bool empty_ctor_call(Node *e) {
    Node *f = e->a;
    if (!f || f->kind != N_NAME || e->list.len || e->list2.len) return false;
    if (!strcmp(f->sval, "dict"))
        e->kind = N_DICT;
    else if (!strcmp(f->sval, "set"))
        e->kind = N_SET;
    else if (!strcmp(f->sval, "frozenset"))
        e->kind = N_SET, e->ival = 1;
    else if (!strcmp(f->sval, "tuple"))
        e->kind = N_TUPLE;
    else
        return false;
    e->a = NULL;
    return true;
}

bool empty_dict_or_set(Node *e) {
    if (e->kind == N_DICT || e->kind == N_SET) return e->list.len == 0;
    return e->kind == N_CALL && e->a && e->a->kind == N_NAME && !e->list.len && !e->list2.len &&
           (!strcmp(e->a->sval, "dict") || !strcmp(e->a->sval, "set") || !strcmp(e->a->sval, "frozenset"));
}

static Node *new_call_node(Node *like, const char *fn) {
    Node *c = xcalloc(1, sizeof *c);
    c->kind = N_CALL;
    c->loc = like->loc;
    Node *name = xcalloc(1, sizeof *name);
    name->kind = N_NAME;
    name->loc = like->loc;
    name->sval = (char *)fn;
    c->a = name;
    return c;
}

void iter_arg_as_list(Node *call, int i, Type **at) {
    Type *t = at[i];
    if (t->kind != TY_DICT && !ty_is_set(t) && t->kind != TY_VIEW) return;
    Node *a = call->list.data[i];
    Node *c = new_call_node(a, "list");
    vec_push(&c->list, a);
    c->bi = builtin_find(NULL, "list");
    c->builtin = c->bi->code;
    c->ty = at[i] = ty_list(t->kind == TY_DICT ? t->elems[0] : t->elem);
    call->list.data[i] = c;
}

/* sum(o), sorted(o), set(o) ... of an object: its items, list(o), as a
 * list[object] (TypeError when it runs if o is not iterable), so the
 * builtin is typed and emitted as for a list. */
void object_arg_as_list(Node *call, int i, Type **at) {
    Node *a = call->list.data[i];
    Node *c = new_call_node(a, "list");
    vec_push(&c->list, a);
    c->bi = builtin_find(NULL, "list");
    c->builtin = c->bi->code;
    c->ty = at[i] = ty_list(ty_any);
    call->list.data[i] = c;
}

/* ---- typing hooks of the dict and set rows ---------------------------------- */

static Node *arg(Node *e, int i) { return e->list.data[i]; }

static void want_arg(Node *e, int i, Type *want, Type *got) {
    if (got && want && !ty_assignable(want, got))
        check_error(arg(e, i), "%s() argument must be '%s', not '%s'", builtin_qualname(e->bi), ty_name(want),
                    ty_name(got));
}

/* d.get(k, default) / d.pop(k, default): the value's type, or what joins
 * it with a default of another type (d[str, int].pop(k, "none") is an
 * object, each result as it is). */
static Type *value_or_default(Type *v, Type *dflt) {
    if (!dflt || ty_has_unknown(dflt) || ty_assignable(v, dflt)) return v;
    return ty_join(v, dflt);
}

Type *type_dict_method(Node *e, Type *recv, Type **at) {
    const char *m = e->bi->name;
    Type *k = recv->elems[0], *v = recv->elems[1];
    int n = e->list.len;
    if (!strcmp(m, "get")) {
        if (n == 1 || (at[1] && at[1] == ty_none)) { /* V | None: NULL for None where V is a pointer */
            if (v->kind == TY_UNKNOWN) return ty_unknown;
            Type *o = ty_optional(v);
            return o ? o : ty_any; /* a scalar or None: an object */
        }
        /* d = {} then d[k] = d.get(k, 0) + 1: the default types the value */
        if (v->kind == TY_UNKNOWN) return at[1] && !ty_has_unknown(at[1]) ? at[1] : ty_unknown;
        return value_or_default(v, at[1]);
    }
    if (!strcmp(m, "setdefault") && n == 2 && ty_has_unknown(recv) && at[0] && at[1]) {
        /* d = {} then d.setdefault(k, []).append(x): the call types d */
        Node *d = e->a->a;
        Type *nk = k->kind == TY_UNKNOWN ? at[0] : k, *nv = v->kind == TY_UNKNOWN ? at[1] : v;
        if (!ty_has_unknown(nk)) check_widen_holder(d, ty_dict(nk, nv), e->loc);
        return nv;
    }
    if (ty_has_unknown(recv)) return ty_unknown;
    if (!strcmp(m, "pop") && n == 2) return value_or_default(v, at[1]);
    if (!strcmp(m, "update")) want_arg(e, 0, recv, at[0]);
    (void)k;
    if (!strcmp(m, "copy")) return recv;
    if (!strcmp(m, "keys")) return ty_view(k, 1);
    if (!strcmp(m, "values")) return ty_view(v, 2);
    if (!strcmp(m, "items")) {
        Type **kv = xcalloc(2, sizeof(Type *));
        kv[0] = k;
        kv[1] = v;
        return ty_view(ty_tuple(kv, 2), 3);
    }
    return NULL;
}

Type *type_set_method(Node *e, Type *recv, Type **at) {
    const char *m = e->bi->name;
    if (e->list.len == 1 && at[0] && (ty_is_set(at[0]) || at[0]->kind == TY_LIST)) {
        if (at[0]->elem != recv->elem)
            check_error(arg(e, 0), "%s() argument must hold '%s', not '%s'", builtin_qualname(e->bi),
                        ty_name(recv->elem), ty_name(at[0]));
    } else if (e->list.len == 1 && at[0] && strcmp(m, "add") && strcmp(m, "discard") && strcmp(m, "remove")) {
        check_error(arg(e, 0), "%s() argument must be a set or a list, not '%s'", builtin_qualname(e->bi),
                    ty_name(at[0]));
    }
    if (!strcmp(m, "copy") || !strcmp(m, "union") || !strcmp(m, "intersection") || !strcmp(m, "difference") ||
        !strcmp(m, "symmetric_difference"))
        return recv;
    return NULL;
}

/* set(x), frozenset(x), dict(x) */
Type *type_set_ctor(Node *e, Type *recv, Type **at) {
    (void)recv;
    bool frozen = !strcmp(e->bi->name, "frozenset");
    Type *t = at[0];
    if (t->kind == TY_TUPLE && t->nelems >= 0) t = tuple_as_list(e->list.data[0], t); /* frozenset((a, b)) */
    if (t->kind == TY_LIST || ty_is_set(t)) return dict_key_ok(e, ty_set(t->elem, frozen));
    if (t == ty_str) return ty_set(ty_str, frozen);
    if (t->kind == TY_DICT) return dict_key_ok(e, ty_set(t->elems[0], frozen));
    check_error(arg(e, 0), "%s() of '%s' is not supported", e->bi->name, ty_name(t));
    return ty_any;
}

Type *type_dict_ctor(Node *e, Type *recv, Type **at) {
    (void)recv;
    Type *t = at[0];
    if (t->kind == TY_DICT) return t;
    if (t->kind == TY_LIST && t->elem->kind == TY_TUPLE && t->elem->nelems == 2)
        return dict_key_ok(e, ty_dict(t->elem->elems[0], t->elem->elems[1]));
    check_error(arg(e, 0), "dict() of '%s' is not supported (a dict or a list of pairs)", ty_name(t));
    return ty_any;
}

/* ---- s.union(a, b, *c), set.union(*sets), s.update(a, b) ------------------- */

static const char *const fold_names[] = {"union", "intersection", "difference", "update", NULL};

static int fold_op(const char *m) {
    for (int i = 0; fold_names[i]; i++)
        if (!strcmp(m, fold_names[i])) return i;
    return -1;
}

static bool has_starred(Node *e) {
    for (int i = 0; i < e->list.len; i++)
        if (((Node *)e->list.data[i])->kind == N_STARRED) return true;
    return false;
}

/* [a, b] + list(c) + ... of the arguments a, b, *c, ... (as the parser
 * spells a display with starred items) */
static Node *fold_list(Node *e) {
    Node *acc = NULL, *run = NULL;
    for (int i = 0; i <= e->list.len; i++) {
        Node *a = i < e->list.len ? e->list.data[i] : NULL;
        if (a && a->kind != N_STARRED) {
            if (!run) {
                run = xcalloc(1, sizeof *run);
                run->kind = N_LIST;
                run->loc = a->loc;
            }
            vec_push(&run->list, a);
            continue;
        }
        Node *part = run, *spread = NULL;
        run = NULL;
        if (a) {
            spread = new_call_node(a, "list");
            vec_push(&spread->list, a->a);
        }
        for (int j = 0; j < 2; j++, part = spread) {
            if (!part) continue;
            if (!acc) {
                acc = part;
                continue;
            }
            Node *b = xcalloc(1, sizeof *b);
            b->kind = N_BINOP;
            b->loc = part->loc;
            b->op = OP_ADD;
            b->a = acc;
            b->b = part;
            acc = b;
        }
    }
    return acc;
}

/* The call is one fold over a list display of its set arguments: the
 * receiver (NULL for set.union(*sets)) starts it. */
static Type *fold_call(Node *e, Node *recv, int op, bool frozen_class) {
    const char *m = fold_names[op];
    Node *l = fold_list(e);
    Type *lt = check_expr(l, NULL);
    Type *rt = recv ? check_expr(recv, lt->kind == TY_LIST && ty_is_set(lt->elem) ? ty_set(lt->elem->elem, false) : NULL)
                    : NULL;
    e->builtin = B_SET_FOLD;
    e->ival = op;
    e->list = (Vec){0};
    vec_push(&e->list, l);
    if (recv) vec_push(&e->list, recv);
    if (lt->kind != TY_LIST || ty_has_unknown(lt) || (rt && ty_has_unknown(rt))) return ty_unknown;
    Type *st = lt->elem;
    if (!ty_is_set(st)) {
        check_error(l, "set.%s() of '%s' items is not supported (sets only)", m, ty_name(st));
        return ty_any;
    }
    if (!recv && (st->kind == TY_FROZENSET) != frozen_class) {
        check_error(e, "descriptor '%s' for '%s' objects doesn't apply to a '%s' object", m,
                    frozen_class ? "frozenset" : "set", ty_name(st));
        return ty_any;
    }
    if (rt && st->elem != rt->elem) {
        check_error(l, "set.%s() argument must hold '%s', not '%s'", m, ty_name(rt->elem), ty_name(st->elem));
        return ty_any;
    }
    if (op == 3 && rt && rt->kind == TY_FROZENSET) {
        check_error(e->a, "'frozenset' object has no attribute 'update'");
        return ty_any;
    }
    return op == 3 ? ty_none : rt ? rt : st;
}

/* set.union(*sets), set.union(a, b): NULL when the call is not one */
Type *set_class_fold(Node *e, Node *callee) {
    Node *c = callee->a;
    if (c->kind != N_NAME || (strcmp(c->sval, "set") && strcmp(c->sval, "frozenset")) || check_lookup_var(c->sval))
        return NULL;
    int op = fold_op(callee->sval);
    if (op < 0 || op == 3 || e->list2.len || !e->list.len) return NULL;
    Node *first = e->list.data[0];
    if (first->kind == N_STARRED) return fold_call(e, NULL, op, c->sval[0] == 'f');
    callee->a = first; /* set.union(a, b): a.union(b) */
    for (int i = 1; i < e->list.len; i++) e->list.data[i - 1] = e->list.data[i];
    e->list.len--;
    return NULL;
}

/* s.union(a, b, *c): NULL for the one-argument form (the library row) */
Type *set_method_fold(Node *e, Node *callee, Type *rt) {
    int op = fold_op(callee->sval);
    if (op < 0 || !ty_is_set(rt) || e->list2.len || (e->list.len <= 1 && !has_starred(e))) return NULL;
    return fold_call(e, callee->a, op, false);
}
