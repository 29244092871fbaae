/* check_spread.c -- f(*xs, **kw) where the length of xs or the keys of kw
 * are known only when the call runs (a list, an object, a dict variable).
 * The call cannot be bound here: its arguments are gathered as objects
 * and the runtime binds them (rt_bind.c, CPython's TypeErrors), and each
 * parameter takes the join of the types of everything that could reach
 * it, unboxed with a check when it runs.  Calls whose spreads have a
 * static shape (a tuple in a name, a display, the running def's own
 * **kwargs never changed there) are still bound statically
 * (check_closure.c's closure_bind). */
#include "check.h"
#include "closure.h"

#include <string.h>

/* The operands spread_dynamic typed for the call spread_plan binds next
 * (typing one twice would bind a comprehension's names twice); the calls
 * inside them run both first. */
static Node *typed_call;
static int typed_pass;
static Vec typed_last;

static Vec typed_for(Node *call) {
    return typed_call == call && typed_pass == inf.pass ? typed_last : (Vec){0};
}

static Type *type_once(Vec *typed, Node *x) {
    for (int i = 0; i < typed->len; i++)
        if (typed->data[i] == x && x->ty) return x->ty;
    vec_push(typed, x);
    return check_expr(x, NULL);
}

/* A spread over a tuple held in a name or a display is bound statically. */
static bool static_star(Vec *typed, Node *x) {
    if (x->kind == N_LIST || x->kind == N_TUPLE) return true;
    Type *t = type_once(typed, x);
    return t->kind == TY_TUPLE && t->nelems >= 0 && x->kind == N_NAME;
}

static bool is_name(const Node *n, const char *name) { return n && n->kind == N_NAME && !strcmp(n->sval, name); }

/* Does the subtree store into the dict `name` (rebind it, set or delete
 * an item, call a method that changes it)?  Nested defs count (a closure
 * may change it; one that binds its own `name` makes this only cautious). */
static bool stores_into(const Node *n, const char *name) {
    if (!n) return false;
    if ((n->kind == N_ASSIGN || n->kind == N_AUGASSIGN) &&
        (is_name(n->a, name) || (n->a && n->a->kind == N_INDEX && is_name(n->a->a, name))))
        return true;
    if (n->kind == N_ASSIGN && n->a && (n->a->kind == N_TUPLE || n->a->kind == N_LIST))
        for (int i = 0; i < n->a->list.len; i++) {
            const Node *t = n->a->list.data[i];
            if (is_name(t, name) || (t->kind == N_INDEX && is_name(t->a, name))) return true;
        }
    if (n->kind == N_DEL)
        for (int i = 0; i < n->list.len; i++) {
            const Node *t = n->list.data[i];
            if (t->kind == N_INDEX && is_name(t->a, name)) return true;
        }
    if (n->kind == N_CALL && n->a && n->a->kind == N_ATTR && is_name(n->a->a, name)) {
        static const char *const changes[] = {"update", "pop", "popitem", "setdefault", "clear", "__setitem__", NULL};
        for (int i = 0; changes[i]; i++)
            if (!strcmp(n->a->sval, changes[i])) return true;
    }
    if (stores_into(n->a, name) || stores_into(n->b, name) || stores_into(n->c, name) || stores_into(n->d, name))
        return true;
    for (int i = 0; i < n->list.len; i++)
        if (stores_into(n->list.data[i], name)) return true;
    for (int i = 0; i < n->list2.len; i++)
        if (stores_into(n->list2.data[i], name)) return true;
    return false;
}

/* **kwargs of the running def, never changed there: the keyword names its
 * type records are the ones it holds, so f(**kwargs) binds statically.
 * Any other dict (a copy of it too) may hold other keys. */
static bool kwargs_unchanged(Node *d) {
    Func *fn = check_cur_fn();
    Func *def = fn && fn->origin ? fn->origin : fn;
    if (!def || d->kind != N_NAME || !d->var || !d->var->is_param) return false;
    for (int j = 0; j < fn->nparams; j++)
        if (fn->params[j].var == d->var)
            return def->params[j].star == 2 && fn->def && !stores_into(fn->def->b, d->sval);
    return false;
}

static bool static_dstar(Vec *typed, Node *d) {
    if (d->kind == N_DICT) {
        for (int k = 0; k < d->list.len; k++)
            if (((Node *)d->list.data[k])->kind != N_STR) return false;
        return true;
    }
    Type *t = type_once(typed, d);
    return t->kind == TY_DICT && t->cls && kwargs_unchanged(d);
}

bool spread_dynamic(Node *call) {
    bool dyn = false;
    Vec typed = typed_for(call);
    for (int i = 0; i < call->list.len; i++) {
        Node *a = call->list.data[i];
        if (a && a->kind == N_STARRED && !static_star(&typed, a->a)) dyn = true;
    }
    for (int i = 0; i < call->list2.len; i++) {
        Node *kw = call->list2.data[i];
        if (!strcmp(kw->sval, "**") && !static_dstar(&typed, kw->a)) dyn = true;
    }
    typed_call = call;
    typed_pass = inf.pass;
    typed_last = typed;
    return dyn;
}

/* The type of the items a *x spread gives; NULL while not known. */
static Type *star_item(Type *t) {
    if (ty_has_unknown(t)) return NULL;
    switch (t->kind) {
    case TY_LIST:
    case TY_SET:
    case TY_FROZENSET: return t->elem;
    case TY_STR: return ty_str;
    case TY_DICT: return t->elems[0];
    case TY_TUPLE: {
        Type *j = NULL;
        for (int k = 0; k < t->nelems; k++) j = j ? ty_join(j, t->elems[k]) : t->elems[k];
        return j && t->nelems >= 0 ? j : ty_any;
    }
    default: return ty_any; /* an object, or a value the runtime rejects with CPython's TypeError */
    }
}

static Type *dstar_value(Type *t) {
    if (ty_has_unknown(t)) return NULL;
    return t->kind == TY_DICT ? t->elems[1] : ty_any;
}

/* A parameter's type where an object is unboxed into it with a check:
 * the values that reach it are of one of the joined types, so the check
 * never fails for them; anything the unboxing cannot test is an object. */
static Type *checked_type(Type *t) {
    if (!t || t->opt || t->tag) return ty_any;
    switch (t->kind) {
    case TY_INT:
    case TY_FLOAT:
    case TY_BOOL:
    case TY_STR:
    case TY_NONE:
    case TY_LIST:
    case TY_DICT:
    case TY_SET:
    case TY_INST:
    case TY_FUNC:
    case TY_ANY: return t;
    case TY_TUPLE: return t->nelems >= 0 ? t : ty_any;
    default: return ty_any;
    }
}

const char *spread_site_name(Node *call, Func *def) {
    if (def->cls && !strcmp(def->name, "__init__") && call->a && call->a->kind == N_NAME)
        return format("__main__.%s()", call->a->sval); /* C(*xs): the class */
    return format("__main__.%s()", check_qualname(def));
}

BindPlan *spread_plan(Node *call, Func *def, int skip) {
    BindPlan *bp = xcalloc(1, sizeof *bp);
    bp->def = def;
    bp->skip = skip;
    bp->fname = spread_site_name(call, def);
    vec_push(&bp->qualnames, (char *)check_qualname(def));
    bool known = true;
    Vec typed = typed_for(call);
    bool starred = false;
    for (int i = skip; i < call->list.len; i++) {
        Node *a = call->list.data[i];
        Type *t = type_once(&typed, a->kind == N_STARRED ? a->a : a);
        known &= !ty_has_unknown(t);
        if (a->kind == N_STARRED && t->kind == TY_INST && class_method(t->cls, "__iter__")) {
            check_error(a, "*x of an instance of '%s' (its __iter__) in a call is not supported yet", t->cls->name);
            return NULL;
        }
        vec_push(&bp->pos, a);
        starred |= a->kind == N_STARRED;
        if (!starred) bp->prefix++;
    }
    for (int i = 0; i < call->list2.len; i++) {
        Node *kw = call->list2.data[i];
        Type *t = type_once(&typed, kw->a);
        known &= !ty_has_unknown(t);
        vec_push(&bp->kwnames, strcmp(kw->sval, "**") ? kw->sval : NULL);
        vec_push(&bp->kwvals, kw->a);
    }
    return known ? bp : NULL;
}

bool spread_fixed(const BindPlan *bp, Func *def, int j) {
    const Param *p = &(def->origin ? def->origin : def)->params[j];
    return !p->star && !p->kwonly && j - bp->skip < bp->prefix;
}

static Type *join(Type *a, Type *b) { return !a ? b : !b ? a : ty_join(a, b); }

Type *spread_param_type(BindPlan *bp, Func *def, int j) {
    Param *p = &def->params[j];
    if (!p->star && !p->kwonly && j - bp->skip < bp->prefix) /* its argument, or the call raises */
        return checked_type(((Node *)bp->pos.data[j - bp->skip])->ty);
    if (p->star == 1) return ty_tuple_list(ty_any);
    if (p->star == 2) return ty_dict(ty_str, ty_any);
    Type *t = NULL;
    for (int i = bp->prefix; i < bp->pos.len && !p->kwonly; i++) {
        Node *a = bp->pos.data[i];
        t = join(t, a->kind == N_STARRED ? star_item(a->a->ty) : a->ty);
    }
    for (int k = 0; k < bp->kwnames.len; k++) {
        const char *name = bp->kwnames.data[k];
        Node *v = bp->kwvals.data[k];
        if (!name)
            t = join(t, dstar_value(v->ty));
        else if (!strcmp(name, p->var->name))
            t = join(t, v->ty);
    }
    if (p->def) {
        Type *d = def->parsed ? closure_default_type(def, j) : default_type(p);
        if (!d || ty_has_unknown(d)) return NULL;
        t = join(t, d);
    }
    if (t && ty_has_unknown(t)) return NULL;
    return checked_type(t);
}

/* One B_BOUND_ARG node per parameter from skip on; the first carries the
 * gathered arguments (so later passes walk them), each its default. */
Node **spread_bind(Node *call, Func *def, int skip) {
    closure_bind_error = NULL;
    if (def->nparams == skip) { /* no parameter to carry the arguments (a def's goes through its value) */
        check_error(call, "%s(*...) or %s(**...) of a method that takes only self is not supported yet", def->name,
                    def->name);
        return NULL;
    }
    BindPlan *bp = spread_plan(call, def, skip);
    if (!bp) return NULL;
    Node **bound = xcalloc((size_t)def->nparams + 1, sizeof(Node *));
    for (int j = skip; j < def->nparams; j++) {
        Type *t = spread_param_type(bp, def, j);
        if (!t) return NULL;
        Node *n = ast_node(N_CALL, call->loc);
        n->builtin = B_BOUND_ARG;
        n->bind = bp;
        n->ival = j;
        n->ty = t;
        Param *p = &def->params[j];
        if (p->def && !p->star && !spread_fixed(bp, def, j)) n->a = default_node(p);
        if (j == skip) {
            n->list = bp->pos;
            for (int i = 0; i < call->list2.len; i++) vec_push(&n->list2, call->list2.data[i]);
        }
        bound[j] = n;
    }
    return bound;
}
