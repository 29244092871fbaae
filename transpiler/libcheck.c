/* libcheck.c -- type checking of calls into the library (builtins.c).
 *
 * A call is bound to its row's signature the way Python binds arguments
 * (positional, keyword, defaults, *args); each argument is checked against
 * its parameter's type; the result type comes from the signature or, where
 * it depends on the arguments, from the row's typing hook.  After binding,
 * call->list holds the positional parameters in order (NULL where the
 * default applies) followed by the *args; call->list2 keeps only the
 * keyword-only arguments. */
#include "compiler.h"
#include "check_dict.h"

#include <stdlib.h>
#include <string.h>

static const char *plural(int n, const char *one, const char *many) { return n == 1 ? one : many; }

static const char *arity_text(const Sig *s) {
    int min = 0;
    while (min < s->npos && !s->params[min].def) min++;
    if (s->npos == 0) return "no arguments";
    if (min == s->npos) return format("%d argument%s", min, plural(min, "", "s"));
    if (min == 0) return format("at most %d argument%s", s->npos, plural(s->npos, "", "s"));
    return format("%d to %d arguments", min, s->npos);
}

static bool in_words(const char *words, const char *name) {
    size_t n = strlen(name);
    for (const char *p = words; p && (p = strstr(p, name)) != NULL; p += n)
        if ((p == words || p[-1] == ' ') && (p[n] == 0 || p[n] == ' ')) return true;
    return false;
}

/* "start end" -> "'start', 'end'" */
static const char *words_list(const char *words) {
    Buf b = {0};
    for (const char *p = words; *p;) {
        size_t n = strcspn(p, " ");
        buf_printf(&b, "%s'%.*s'", b.len ? ", " : "", (int)n, p);
        p += n;
        while (*p == ' ') p++;
    }
    return buf_take(&b);
}

static int param_named(const Sig *s, const char *name) {
    for (int i = 0; i < s->n; i++)
        if (s->params[i].kind != PK_POS_ONLY && s->params[i].kind != PK_STAR && !strcmp(s->params[i].name, name))
            return i;
    return -1;
}

static bool bind_keywords(Node *e, const Builtin *b, const Sig *s, const char *qn) {
    bool ok = true;
    Vec kwonly = {0};
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        int j = param_named(s, kw->sval);
        if (j < 0) {
            if (!strcmp(kw->sval, "**")) /* f(**d): parse.c */
                check_error(kw, "%s(**...) is not supported yet", qn);
            else if (b->later && (!strcmp(b->later, "**") || in_words(b->later, kw->sval)))
                check_error(kw, "%s(%s=...) is not supported yet", qn, kw->sval);
            else
                check_error(kw, "%s() got an unexpected keyword argument '%s'", qn, kw->sval);
            ok = false;
            continue;
        }
        if (s->params[j].kind == PK_KW_ONLY) {
            for (int k = 0; k < kwonly.len; k++)
                if (!strcmp(((Node *)kwonly.data[k])->sval, kw->sval)) {
                    check_error(kw, "%s() got multiple values for argument '%s'", qn, kw->sval);
                    ok = false;
                }
            vec_push(&kwonly, kw);
            continue;
        }
        while (e->list.len <= j) vec_push(&e->list, NULL);
        if (e->list.data[j]) {
            check_error(kw, "%s() got multiple values for argument '%s'", qn, kw->sval);
            ok = false;
            continue;
        }
        e->list.data[j] = kw->a;
    }
    e->list2 = kwonly;
    return ok;
}

/* Arguments to parameters; false (after an error) when they do not fit. */
static bool bind(Node *e, const Builtin *b, const Sig *s, const char *qn) {
    int n = e->list.len;
    if (s->star < 0 && n > s->npos) {
        if (b->later && strcmp(b->later, "**"))
            check_error(e, "%s() takes %s; its optional argument%s %s %s not supported yet", qn, arity_text(s),
                        strchr(b->later, ' ') ? "s" : "", words_list(b->later), strchr(b->later, ' ') ? "are" : "is");
        else
            check_error(e, "%s() takes %s (%d given)", qn, arity_text(s), n);
        return false;
    }
    for (int i = 0; i < n; i++) {
        Node *a = e->list.data[i];
        if (a->kind == N_STARRED && !(b->flags & BF_STARRED)) {
            check_error(a, "*args is only supported in gather()");
            return false;
        }
    }
    if (!bind_keywords(e, b, s, qn)) return false;
    for (int i = 0; i < s->npos; i++)
        if (!s->params[i].def && (i >= e->list.len || !e->list.data[i])) {
            if (s->npos == 1 || e->list.len == 0)
                check_error(e, "%s() takes %s (%d given)", qn, arity_text(s), e->list.len);
            else
                check_error(e, "%s() missing required argument '%s'", qn, s->params[i].name);
            return false;
        }
    return true;
}

/* Values whose C form cannot be printed, formatted or stored. */
static bool not_a_value(const Type *t) {
    return t->kind == TY_CLASS || t->kind == TY_MODULE ||
           t->kind == TY_GEN || t->kind == TY_AGEN; /* its repr is an address */
}

/* The list[...] member of a parameter type such as "list[str]|str". */
static Type *list_alternative(const char *type, Type *elem) {
    for (const char *p = type; *p;) {
        int depth = 0;
        const char *q = p;
        for (; *q && !(*q == '|' && depth == 0); q++) depth += *q == '[' ? 1 : *q == ']' ? -1 : 0;
        Type *t = builtin_parse_type(xstrndup(p, (size_t)(q - p)), elem);
        if (t && t->kind == TY_LIST) return t;
        p = *q ? q + 1 : q;
    }
    return NULL;
}

static Type *arg_type(Node *a, const SigParam *p, Type *elem, const char *qn) {
    if (a->kind == N_STARRED) return a->ty = check_expr(a->a, NULL);
    if (!strcmp(p->type, "callable")) return a->ty = ty_any; /* key=: the row's hook checks it */
    if (!strcmp(p->type, "object")) {
        /* print([]): the element type of an empty list does not matter */
        Type *t = check_expr(a, a->kind == N_LIST && !a->list.len ? ty_list(ty_int)
                                : empty_dict_or_set(a)            ? ty_any
                                                                  : NULL);
        /* tinyio's functions take coroutines, which are generators */
        bool coro_ok = t->kind == TY_GEN && !strncmp(qn, "tinyio", 6);
        /* a container of classes (C.__mro__) holds placeholders: not printable */
        bool shown = !strcmp(qn, "print") || !strcmp(qn, "str") || !strcmp(qn, "repr") || !strcmp(qn, "ascii") ||
                     !strcmp(qn, "str.format");
        if ((not_a_value(t) || (shown && ty_holds_class(t))) && !coro_ok)
            check_error(a, "%s() of a %s is not supported", qn, ty_name(t));
        return t;
    }
    Type *want = builtin_parse_type(p->type, elem);
    Type *t = check_expr(a, want);
    bool whole = strstr(p->type, "list[") || p->kind == PK_STAR;
    if (whole && t->kind == TY_INST) t = class_iter_of(a, t); /* list(obj): what obj.__iter__() yields */
    if (t->kind == TY_GEN && whole) t = gen_materialize(a);   /* consumed whole */
    if (t->kind == TY_LIST && t->elem->kind == TY_UNKNOWN) check_list_flow(a, list_alternative(p->type, elem));
    bool none_ok = (a->kind == N_NONE && strstr(p->type, "|None")) || strstr(p->type, "|object");
    if (want && !none_ok && !ty_assignable(want, t)) {
        check_error(a, "%s() argument '%s' must be %s, not '%s'", qn, p->name, ty_name(want), ty_name(t));
        check_origin(a);
    }
    return t;
}

/* A coroutine, task or awaitable parameter: its C form is the task with
 * a result type known at compile time, which an `object` argument lacks
 * (gather boxes each result by its task's type, so it takes objects). */
static void awaitable_object_arg(Node *a, const Builtin *b, const SigParam *p, Type *t, const char *qn) {
    if (t != ty_any || a->kind == N_STARRED || b->code == B_GATHER || b->code == B_EGATHER) return;
    if (strncmp(p->type, "Coroutine[", 10) && strncmp(p->type, "Awaitable[", 10) && strncmp(p->type, "Task[", 5)) return;
    check_error(a, "%s() of an 'object' value is not supported: its result type must be known here (await the "
                   "object itself, or keep coroutines of one result type together)",
                qn);
}

/* An object passed where a builtin function iterates its argument whole
 * (sum, sorted, set, min(o) ...): taken as list(o). */
static bool iterable_object_arg(Node *e, const Builtin *b, const SigParam *p, int i) {
    Node *a = e->list.data[i];
    if (a->ty != ty_any || a->kind == N_STARRED || b->recv || b->type == type_list || b->type == type_tuple) return false;
    bool one_of_star = p->kind == PK_STAR && e->list.len == 1 && b->type == type_minmax; /* min(o), max(o) */
    return !strncmp(p->type, "list[", 5) || one_of_star;
}

static void check_all(Node *e) {
    for (int i = 0; i < e->list.len; i++) {
        Node *a = e->list.data[i];
        if (a) check_expr(a->kind == N_STARRED ? a->a : a, NULL);
    }
    for (int i = 0; i < e->list2.len; i++) check_expr(((Node *)e->list2.data[i])->a, NULL);
}

/* "{name}".format(name=v): the keyword values become trailing positional
 * arguments (evaluated in the same order) and their names go to e->sval,
 * space-separated, for the template. */
static void format_keywords_last(Node *e) {
    Buf names = {0};
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        for (int k = 0; k < i; k++)
            if (!strcmp(((Node *)e->list2.data[k])->sval, kw->sval))
                check_error(kw, "str.format() got multiple values for keyword argument '%s'", kw->sval);
        buf_printf(&names, "%s%s", i ? " " : "", kw->sval);
        vec_push(&e->list, kw->a);
    }
    e->sval = names.data;
    e->list2.len = 0;
}

static Node *key_arg(Node *e);
static Type *key_type(Node *e, Type *item);

/* d.update(other, k=v, ...) is d.update({**other, "k": v, ...}): the same
 * keys land in d in the same order with the same values (the keywords
 * last), evaluated in the same order. */
static void update_keywords(Node *e) {
    for (int i = 0; i < e->list2.len; i++)
        if (!strcmp(((Node *)e->list2.data[i])->sval, "**")) return; /* d.update(**m): bind() reports it */
    if (e->list.len > 1) return;
    Node *d = ast_node(N_DICT, ((Node *)e->list2.data[0])->loc);
    if (e->list.len) {
        Node *other = e->list.data[0], *st = ast_node(N_STARRED, other->loc);
        st->a = other;
        vec_push(&d->list, st);
        vec_push(&d->list2, ast_node(N_NONE, other->loc));
    }
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i], *k = ast_node(N_STR, kw->loc);
        k->sval = kw->sval;
        k->slen = strlen(kw->sval);
        vec_push(&d->list, k);
        vec_push(&d->list2, kw->a);
    }
    e->list.len = 0;
    vec_push(&e->list, d);
    e->list2.len = 0;
}

Type *lib_call(Node *e, const Builtin *b, Type *recv) {
    const char *qn = builtin_qualname(b);
    const Sig *s = builtin_sig(b);
    if (b->type == type_str_format && e->list2.len) format_keywords_last(e);
    if (b->type == type_dict_method && !strcmp(b->name, "update") && e->list2.len) update_keywords(e);
    e->builtin = b->code;
    e->bi = b;
    Type *elem = recv && (recv->kind == TY_LIST || recv->kind == TY_TASK || ty_is_set(recv) || recv->kind == TY_SYNC)
                     ? recv->elem
                     : NULL;
    if (recv && recv->kind == TY_DICT) builtin_bind_kv(recv->elems[0], recv->elems[1]);
    if (!bind(e, b, s, qn)) {
        check_all(e);
        return ty_any;
    }
    int n = e->list.len, errors = diag_errors;
    Type **at = xcalloc((size_t)n + 1, sizeof(Type *));
    bool any = false, vague = recv && ty_has_unknown(recv);
    for (int i = 0; i < n; i++) {
        Node *a = e->list.data[i];
        if (!a) continue;
        const SigParam *sp = &s->params[i < s->npos ? i : s->star];
        at[i] = arg_type(a, sp, elem, qn);
        awaitable_object_arg(a, b, sp, at[i], qn);
        if (iterable_object_arg(e, b, sp, i)) object_arg_as_list(e, i, at);
        if (b->type == type_dict_ctor && at[i] == ty_any) /* its key and value types would be unknown */
            check_error(a, "dict() of an 'object' value is not supported yet");
        any |= at[i] && at[i]->kind == TY_ANY && strcmp(sp->type, "callable"); /* unions too: boxed */ /* a callback: the hook checks it */
        if (!b->recv && at[i] && strstr(" sorted min max sum any all enumerate zip ", format(" %s ", b->name)))
            iter_arg_as_list(e, i, at); /* sorted(d): sorted(list(d)) */
        vague |= ty_has_unknown(at[i]);
    }
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        arg_type(kw->a, &s->params[param_named(s, kw->sval)], elem, qn);
    }
    /* an inference pass has not typed an argument yet: nor the result */
    if (vague && b->type && b->type != type_dict_method) return ty_unknown; /* d.get(k, default) types d */
    Type *r = NULL;
    /* an argument that is already an error: no second error about it */
    if (b->type && !any && diag_errors == errors) r = b->type(e, recv, at);
    if (b->type == type_eg_split && any && at[0] == ty_any && at[1] != ty_any && diag_errors == errors)
        r = b->type(e, recv, at); /* the group an except* splits is held as an object */
    if (b->type == type_gather && any && diag_errors == errors) r = b->type(e, recv, at); /* list[object] */
    if ((b->type == type_list || b->type == type_tuple) && any && n == 1) /* list(obj): its items as objects */
        r = b->type == type_list ? ty_list(ty_any) : ty_tuple_list(ty_any);
    if (b->type == type_round && any && at[0]->kind == TY_ANY) /* round(obj) is an int; with ndigits, an object */
        r = e->list.len == 2 && ((Node *)e->list.data[1])->kind != N_NONE ? ty_any : ty_int;
    if (b->type == type_sorted && any && n == 1 && at[0] == ty_any && key_arg(e))
        key_type(e, ty_any); /* sorted(obj, key=f): f of an object */
    if (b->type == type_list && any && n == 1 && at[0]->kind == TY_ANY) r = ty_list(ty_any); /* list(obj) */
    if (!r) r = builtin_parse_type(s->result, elem);
    return r ? r : ty_any;
}

bool lib_not_yet(Node *at, const char *recv, const char *name) {
    static Map reported;
    const Builtin *b = builtin_find(recv, name);
    if (!b || !(b->flags & BF_NOT_YET)) return false;
    const char *qn = builtin_qualname(b);
    if (map_get(&reported, qn)) { /* one message per missing name, still an error */
        diag_errors++;
        return true;
    }
    if (!diag_muted) map_put(&reported, qn, (void *)qn);
    bool is_class = name[0] >= 'A' && name[0] <= 'Z';
    check_error(at, "%s%s is not supported yet", qn, is_class ? "" : "()");
    return true;
}

/* ---- typing hooks ------------------------------------------------------------ */

static Node *arg(Node *e, int i) { return e->list.data[i]; }

Type *type_len(Node *e, Type *recv, Type **at) {
    (void)recv;
    if ((at[0] != ty_str && at[0]->kind != TY_LIST && at[0]->kind != TY_TUPLE && at[0]->kind != TY_DICT &&
         !ty_is_set(at[0]) && at[0]->kind != TY_VIEW) ||
        at[0]->opt) {
        check_error(arg(e, 0), "object of type '%s' has no len()", ty_name(at[0]));
        check_origin(arg(e, 0));
    }
    return ty_int;
}

Type *type_int(Node *e, Type *recv, Type **at) {
    (void)recv;
    int n = e->list.len;
    if (n == 2 && at[0] != ty_str) check_error(e, "int(x, base) needs a str and an int");
    if (n == 1 && !ty_numeric(at[0]) && at[0] != ty_str)
        check_error(arg(e, 0), "int() argument must be a string or a number, not '%s'", ty_name(at[0]));
    return ty_int;
}

Type *type_float(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (e->list.len == 1 && !ty_numeric(at[0]) && at[0] != ty_str)
        check_error(arg(e, 0), "float() argument must be a string or a number, not '%s'", ty_name(at[0]));
    return ty_float;
}

Type *type_abs(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (!ty_numeric(at[0])) {
        check_error(arg(e, 0), "bad operand type for abs(): '%s'", ty_name(at[0]));
        return ty_any;
    }
    return at[0] == ty_bool ? ty_int : at[0];
}

Type *type_round(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (!ty_numeric(at[0])) {
        check_error(arg(e, 0), "round() needs a number, not '%s'", ty_name(at[0]));
        return ty_any;
    }
    bool ndigits = e->list.len == 2 && arg(e, 1)->kind != N_NONE;
    return ndigits ? (at[0] == ty_bool ? ty_int : at[0]) : ty_int;
}

/* key=f: the keyword's node when it names a function (None: no key) */
static Node *key_arg(Node *e) {
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        if (!strcmp(kw->sval, "key")) return kw->a->kind == N_NONE ? NULL : kw->a;
    }
    return NULL;
}

/* The type of key(item), or NULL after an error. */
static Type *key_type(Node *e, Type *item) {
    Node *k = key_arg(e);
    Type *kt = key_func_result(k, item, e->bi->name);
    if (kt && !ty_orderable(kt)) {
        check_error(k, "%s(key=%s): its results ('%s') cannot be ordered", e->bi->name, k->sval, ty_name(kt));
        return NULL;
    }
    return kt;
}

Type *type_minmax(Node *e, Type *recv, Type **at) {
    (void)recv;
    const char *name = e->bi->name;
    int n = e->list.len;
    if (key_arg(e)) {
        if (n != 1 || at[0]->kind != TY_LIST) {
            check_error(e, "%s(key=...) needs one list argument", name);
            return ty_any;
        }
        return key_type(e, at[0]->elem) ? at[0]->elem : ty_any;
    }
    if (n == 0) {
        check_error(e, "%s() takes at least one argument", name);
        return ty_any;
    }
    if (n == 1) {
        if (at[0]->kind != TY_LIST) {
            check_error(arg(e, 0), "%s() of a single '%s' is not supported", name, ty_name(at[0]));
            return ty_any;
        }
        if (!ty_sortable(at[0]->elem)) check_error(arg(e, 0), "%s() needs ordered elements", name);
        return at[0]->elem;
    }
    /* Python returns the winning argument unchanged: numbers of different
     * types (int and float) are compared and returned as objects */
    Type *u = at[0];
    for (int i = 1; i < n; i++) {
        Type *ti = at[i];
        if (ti != u && (u == ty_any || ti == ty_any || (ty_numeric(u) && ty_numeric(ti)))) {
            if (u != ty_any && ti != ty_any)
                dyn_expr(arg(e, i)->loc, format("%s() arguments mix", name), "the result is an object", ti, u,
                         arg(e, 0)->loc);
            u = ty_any;
        } else if (ti != u) {
            check_error(arg(e, i), "%s() arguments must share one type, not '%s' and '%s'", name, ty_name(u),
                        ty_name(ti));
            return ty_any;
        }
    }
    if (!ty_sortable(u)) {
        check_error(e, "%s() arguments must be ordered", name);
        return ty_any;
    }
    return u;
}

Type *type_sum(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind == TY_LIST && at[0]->elem == ty_any) return ty_any; /* added at run time */
    if (at[0]->kind != TY_LIST || !ty_numeric(at[0]->elem)) {
        check_error(arg(e, 0), "sum() needs a list of numbers, not '%s'", ty_name(at[0]));
        return ty_any;
    }
    return at[0]->elem == ty_bool ? ty_int : at[0]->elem;
}

Type *type_sorted(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (key_arg(e) && (at[0] == ty_str || at[0]->kind == TY_LIST)) {
        Type *item = at[0] == ty_str ? ty_str : at[0]->elem;
        return key_type(e, item) ? ty_list(item) : ty_any;
    }
    if (at[0] == ty_str) return ty_list(ty_str);
    if (at[0]->kind != TY_LIST || !ty_sortable(at[0]->elem)) {
        check_error(arg(e, 0), "sorted() needs a list of ordered values");
        return ty_any;
    }
    return ty_list(at[0]->elem); /* a list, of a tuple[T, ...] too */
}

Type *type_list(Node *e, Type *recv, Type **at) {
    (void)recv;
    Node *a0 = arg(e, 0);
    if (at[0]->kind == TY_LIST && !(a0->kind == N_CALL && a0->builtin == B_RANGE))
        return at[0]->sub ? ty_list(at[0]->elem) : at[0]; /* list(tuple[T, ...]) */
    if (at[0] == ty_str) return ty_list(ty_str);
    if (at[0]->kind == TY_TUPLE && at[0]->nelems >= 0) { /* one member type, else objects */
        Type *el = at[0]->nelems ? at[0]->elems[0] : ty_int;
        for (int i = 1; i < at[0]->nelems; i++)
            if (at[0]->elems[i] != el) el = ty_any;
        return ty_list(el);
    }
    if (ty_is_set(at[0]) || at[0]->kind == TY_VIEW) return ty_list(at[0]->elem);
    if (at[0]->kind == TY_DICT) return ty_list(at[0]->elems[0]);
    if (a0->kind == N_CALL && a0->builtin == B_RANGE) return ty_list(ty_int);
    check_error(a0, "%s() of '%s' is not supported", e->bi->name, ty_name(at[0]));
    return ty_any;
}

/* tuple(x): the items of what list(x) takes, as a tuple[T, ...] (a list
 * the runtime prints, hashes and compares as a tuple) */
Type *type_tuple(Node *e, Type *recv, Type **at) {
    if (at[0]->kind == TY_TUPLE) return at[0];
    Type *l = type_list(e, recv, at);
    return l->kind == TY_LIST ? ty_tuple_list(l->elem) : l;
}

Type *type_str_join(Node *e, Type *recv, Type **at) {
    (void)recv;
    iter_arg_as_list(e, 0, at); /* ", ".join(d): the keys (a set's, a view's items) */
    Type *a = at[0]->kind == TY_LIST ? ty_list(at[0]->elem) : at[0]; /* a tuple[str, ...] too */
    if (a != ty_str && a != ty_list(ty_str) && a != ty_list(ty_any)) /* objects: checked at run time */
        check_error(arg(e, 0), "str.join() argument must be list[str] or str, not '%s'", ty_name(at[0]));
    return ty_str;
}

Type *type_list_sort(Node *e, Type *recv, Type **at) {
    (void)at;
    if (key_arg(e)) {
        key_type(e, recv->elem);
        return ty_none;
    }
    if (!ty_sortable(recv->elem)) check_error(e, "list[%s] cannot be sorted", ty_name(recv->elem));
    return ty_none;
}

Type *type_str_format(Node *e, Type *recv, Type **at) {
    (void)recv;
    (void)at;
    Node *tpl = e->a->a;
    if (tpl->kind != N_STR) {
        check_error(e, "str.format() needs a literal template");
        return ty_str;
    }
    int np;
    char *msg;
    int nkw = 0;
    for (const char *p = e->sval; p && *p; p++) nkw += *p == ' ';
    if (e->sval) nkw++;
    if (!format_template_kw(tpl->sval, tpl->slen, e->list.len - nkw, e->sval, &np, &msg))
        check_error(tpl, "str.format(): %s", msg);
    return ty_str;
}

/* ---- iteration: enumerate, zip, reversed, any, all ---------------------------------- */

/* The items of an iterable argument: a list's elements or a str's characters. */
static Type *iterable_items(Node *e, int i, Type *t) {
    if (t == ty_str) return ty_str;
    if (t->kind == TY_LIST) return t->elem;
    check_error(arg(e, i), "%s() needs a list or a str, not '%s'", e->bi->name, ty_name(t));
    return NULL;
}

Type *type_enumerate(Node *e, Type *recv, Type **at) {
    (void)recv;
    Type *item = iterable_items(e, 0, at[0]);
    if (!item) return ty_any;
    Type **el = xcalloc(2, sizeof *el);
    el[0] = ty_int;
    el[1] = item;
    return ty_list(ty_tuple(el, 2));
}

Type *type_zip(Node *e, Type *recv, Type **at) {
    (void)recv;
    int n = e->list.len;
    for (int i = 0; i < n; i++) {
        Node *a = e->list.data[i];
        if (a->kind != N_STARRED) continue;
        /* zip(*m): the columns of a list of lists, tuples of len(m) items */
        Type *m = a->ty;
        if (n == 1 && m && m->kind == TY_LIST && m->elem->kind == TY_LIST) return ty_list(ty_tuple_list(m->elem->elem));
        if (m && (m->kind == TY_UNKNOWN || (m->kind == TY_LIST && m->elem->kind == TY_UNKNOWN))) return ty_unknown;
        check_error(a, "zip(*x) is supported for x a list of lists, alone (not '%s')", m ? ty_name(m) : "?");
        return ty_any;
    }
    if (n == 0) {
        check_error(e, "zip() needs at least one iterable");
        return ty_any;
    }
    Type **el = xcalloc((size_t)n, sizeof *el);
    for (int i = 0; i < n; i++)
        if (!(el[i] = iterable_items(e, i, at[i]))) return ty_any;
    return ty_list(ty_tuple(el, n));
}

Type *type_reversed(Node *e, Type *recv, Type **at) {
    (void)recv;
    Type *item = iterable_items(e, 0, at[0]);
    return item ? ty_list(item) : ty_any;
}

Type *type_type(Node *e, Type *recv, Type **at) {
    (void)recv;
    (void)at;
    check_error(e, "type(x) is only supported as type(x).__name__");
    return ty_any;
}

Type *type_any_all(Node *e, Type *recv, Type **at) {
    (void)recv;
    iterable_items(e, 0, at[0]);
    return ty_bool;
}

/* ---- sys, random ----------------------------------------------------------------- */

Type *type_sys_exit(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (e->list.len && at[0] && at[0]->kind != TY_NONE && at[0] != ty_int && at[0] != ty_bool && at[0] != ty_str &&
        at[0] != ty_float)
        check_error(arg(e, 0), "sys.exit() of a '%s' is not supported (an int, a str or None)", ty_name(at[0]));
    return ty_none;
}

Type *type_random_choice(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0] == ty_str) return ty_str;
    if (at[0]->kind == TY_LIST) return at[0]->elem;
    check_error(arg(e, 0), "random.choice() needs a list or a str, not '%s'", ty_name(at[0]));
    return ty_any;
}

Type *type_random_shuffle(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_LIST) check_error(arg(e, 0), "random.shuffle() needs a list, not '%s'", ty_name(at[0]));
    return ty_none;
}

/* ---- the async API ------------------------------------------------------------ */

Type *type_arun(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_CORO) {
        check_error(arg(e, 0), "asyncio.run() needs a coroutine, not '%s'", ty_name(at[0]));
        return ty_any;
    }
    return at[0]->elem;
}

Type *type_erun(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (e->list.len == 0) {
        check_error(e, "run() takes at least one coroutine");
        return ty_any;
    }
    Type *r = NULL;
    for (int i = 0; i < e->list.len; i++) {
        Type *t = awaitable_result(arg(e, i), at[i], "run()");
        if (!i) r = t;
    }
    return r;
}

Type *type_create_task(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_CORO) {
        check_error(arg(e, 0), "create_task() needs a coroutine, not '%s'", ty_name(at[0]));
        return ty_any;
    }
    return ty_task(at[0]->elem);
}

Type *type_cancel(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_TASK && at[0]->kind != TY_CORO) check_error(arg(e, 0), "cancel() needs a task or coroutine");
    return ty_none;
}

Type *type_wait_for(Node *e, Type *recv, Type **at) {
    (void)recv;
    return ty_coro(awaitable_result(arg(e, 0), at[0], "asyncio.wait_for()"));
}

Type *type_with_timeout(Node *e, Type *recv, Type **at) {
    (void)recv;
    return ty_coro(awaitable_result(arg(e, 1), at[1], "with_timeout()"));
}

/* gather(*aws): coroutines/tasks, or *lists of them, with one result type. */
Type *type_gather(Node *e, Type *recv, Type **at) {
    (void)recv;
    const char *name = builtin_qualname(e->bi);
    Type *elem = NULL, **res = xcalloc((size_t)e->list.len + 1, sizeof(Type *));
    for (int i = 0; i < e->list.len; i++) {
        Node *a = arg(e, i);
        Type *t;
        if (a->kind == N_STARRED) {
            if (at[i]->kind != TY_LIST) {
                check_error(a, "*%s needs a list of coroutines or tasks", ty_name(at[i]));
                continue;
            }
            t = awaitable_result(a, at[i]->elem, name);
        } else {
            t = awaitable_result(a, at[i], name);
        }
        res[i] = t;
        elem = ty_join(elem, t);
    }
    if (!elem) elem = ty_any;
    /* results of different types share a list[object] (the runtime boxes
     * each by its task's result type); None and exception subclasses fit
     * the joined type as they are */
    for (int i = 0; i < e->list.len && !ty_has_unknown(elem); i++) {
        Type *t = res[i];
        if (!t || arg(e, i)->kind == N_STARRED || t == elem || t->kind == TY_UNKNOWN) continue;
        if ((t == ty_none && elem->opt) || ty_strip(elem) == t || (t->kind == TY_EXC && elem->kind == TY_EXC)) continue;
        if (elem != ty_any && res[0] && dyn_introduced(t, ty_any) && dyn_introduced(res[0], ty_any))
            dyn_expr(arg(e, i)->loc, "gather() results mix", "the result is a list[object]", t, res[0],
                     arg(e, 0)->loc);
        elem = ty_any;
    }
    if (e->list2.len) { /* return_exceptions= */
        Node *kw = e->list2.data[0];
        if (kw->a->kind != N_BOOL) {
            check_error(kw, "return_exceptions must be the literal True or False");
        } else if (kw->a->ival) {
            /* results and exceptions share the list: typed list[object] */
            e->ival = 1;
            return ty_coro(ty_list(ty_any));
        }
    }
    return ty_coro(ty_list(elem));
}

/* ---- str.format() templates ---------------------------------------------------- */

typedef struct Fmt {
    const char *s;
    size_t len, i;
    const char *names; /* keyword arguments, space-separated, after nargs positional ones */
    int nargs, auto_idx;
    bool manual, automatic;
    char *err;
} Fmt;

/* {name}: the keyword argument's index (after the positional ones), or -1 */
static int keyword_index(Fmt *f, const char *name) {
    int k = 0;
    size_t n = strlen(name);
    for (const char *p = f->names; p && *p; k++) {
        size_t w = strcspn(p, " ");
        if (w == n && !strncmp(p, name, n)) return f->nargs + k;
        p += w;
        while (*p == ' ') p++;
    }
    return -1;
}

static bool field_index(Fmt *f, const char *text, int *idx) {
    if (*text && (*text < '0' || *text > '9') && keyword_index(f, text) >= 0) {
        *idx = keyword_index(f, text);
        return true;
    }
    if (!*text) {
        f->automatic = true;
        *idx = f->auto_idx++;
    } else {
        for (const char *p = text; *p; p++)
            if (*p < '0' || *p > '9') {
                f->err = format("field '{%s}' is not supported (only {}, {N} and {name} of a keyword argument: "
                                "attributes and indexing are not supported yet)",
                                text);
                return false;
            }
        f->manual = true;
        *idx = atoi(text);
    }
    if (f->manual && f->automatic) { /* CPython names the mode the string started in */
        f->err = *text ? "cannot switch from automatic field numbering to manual field specification"
                       : "cannot switch from manual field specification to automatic field numbering";
        return false;
    }
    if (*idx >= f->nargs) {
        f->err = format("replacement index %d out of range (%d argument%s given)", *idx, f->nargs,
                        plural(f->nargs, "", "s"));
        return false;
    }
    return true;
}

static void push_piece(Vec *v, FmtPiece p) {
    FmtPiece *q = xcalloc(1, sizeof *q);
    *q = p;
    vec_push(v, q);
}

static FmtPiece *pieces_of(Vec *v, int *n) {
    FmtPiece *out = xcalloc((size_t)v->len + 1, sizeof *out);
    for (int i = 0; i < v->len; i++) out[i] = *(FmtPiece *)v->data[i];
    *n = v->len;
    return out;
}

/* A spec: literal text and nested {} / {N} fields. */
static bool parse_spec(Fmt *f, const char *spec, FmtPiece *field) {
    Vec parts = {0};
    Buf lit = {0};
    for (const char *q = spec; *q; q++) {
        if (*q != '{') {
            buf_putn(&lit, q, 1);
            continue;
        }
        const char *close = strchr(q, '}');
        if (!close) {
            f->err = "unmatched '{' in format spec";
            return false;
        }
        FmtPiece nested = {0};
        if (!field_index(f, xstrndup(q + 1, (size_t)(close - q - 1)), &nested.arg)) return false;
        q = close;
        if (lit.len) push_piece(&parts, (FmtPiece){.lit = xstrndup(lit.data, lit.len), .len = lit.len}), lit.len = 0;
        push_piece(&parts, nested);
    }
    if (lit.len) push_piece(&parts, (FmtPiece){.lit = xstrndup(lit.data, lit.len), .len = lit.len});
    field->spec = pieces_of(&parts, &field->nspec);
    return true;
}

static bool parse_field(Fmt *f, FmtPiece *out) {
    /* the field ends at its matching brace: specs may nest {} */
    size_t j = f->i + 1;
    for (int depth = 1; j < f->len; j++) {
        if (f->s[j] == '{')
            depth++;
        else if (f->s[j] == '}' && --depth == 0)
            break;
    }
    if (j >= f->len) {
        f->err = "single '{' encountered in format string";
        return false;
    }
    char *field = xstrndup(f->s + f->i + 1, j - f->i - 1);
    f->i = j;
    char *spec = strchr(field, ':');
    if (spec) *spec++ = 0;
    char *conv = strchr(field, '!');
    if (conv) {
        if (strcmp(conv, "!r") && strcmp(conv, "!s")) {
            f->err = format("unknown conversion '%s'", conv);
            return false;
        }
        out->repr = conv[1] == 'r';
        *conv = 0;
    }
    if (!field_index(f, field, &out->arg)) return false;
    return !spec || parse_spec(f, spec, out);
}

FmtPiece *format_template(const char *s, size_t len, int nargs, int *npieces, char **err) {
    return format_template_kw(s, len, nargs, NULL, npieces, err);
}

FmtPiece *format_template_kw(const char *s, size_t len, int nargs, const char *names, int *npieces, char **err) {
    Fmt f = {s, len, 0, names, nargs, 0, false, false, NULL};
    Vec pieces = {0};
    Buf lit = {0};
    for (; f.i < len; f.i++) {
        char c = s[f.i];
        if ((c == '{' || c == '}') && f.i + 1 < len && s[f.i + 1] == c) {
            buf_putn(&lit, &c, 1);
            f.i++;
            continue;
        }
        if (c == '}') {
            *err = "single '}' encountered in format string";
            return NULL;
        }
        if (c != '{') {
            buf_putn(&lit, &c, 1);
            continue;
        }
        if (lit.len) push_piece(&pieces, (FmtPiece){.lit = xstrndup(lit.data, lit.len), .len = lit.len}), lit.len = 0;
        FmtPiece field = {0};
        if (!parse_field(&f, &field)) {
            *err = f.err;
            return NULL;
        }
        push_piece(&pieces, field);
    }
    if (lit.len) push_piece(&pieces, (FmtPiece){.lit = xstrndup(lit.data, lit.len), .len = lit.len});
    return pieces_of(&pieces, npieces);
}

/* print(file=...): the standard streams by name (they are not values) */
Type *type_print(Node *e, Type *recv, Type **at) {
    (void)recv;
    (void)at;
    for (int i = 0; i < e->list.len; i++) {
        Node *a = e->list.data[i];
        if (a && a->kind == N_STARRED && a->ty && a->ty->kind != TY_LIST && a->ty->kind != TY_UNKNOWN)
            check_error(a, "print(*x) of a '%s' is not supported yet (a list is)", ty_name(a->ty));
    }
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i], *f = kw->a;
        if (strcmp(kw->sval, "file") || f->kind == N_NONE) continue;
        if (f->kind != N_ATTR || f->a->kind != N_NAME || strcmp(f->a->sval, "sys") ||
            (strcmp(f->sval, "stdout") && strcmp(f->sval, "stderr")))
            check_error(f, "print(file=...) supports sys.stdout and sys.stderr");
    }
    return ty_none;
}
