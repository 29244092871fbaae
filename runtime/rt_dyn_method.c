/*
 * rt_dyn_method.c -- method calls on `object` values: x.upper(),
 * x.append(v) ... dispatched on what x holds at run time, through the same
 * runtime functions the statically typed calls use.  A name the held type
 * does not have raises AttributeError with CPython's message; argument
 * counts and types are checked with CPython's wording where it has one.
 */
#include <string.h>
#include "rt_internal.h"

typedef struct method {
    const char *name;
    int min, max; /* positional arguments accepted */
    int id;
} method;

enum {
    M_UPPER,
    M_LOWER,
    M_STRIP,
    M_LSTRIP,
    M_RSTRIP,
    M_SPLIT,
    M_STARTSWITH,
    M_ENDSWITH,
    M_REPLACE,
    M_FIND,
    M_RFIND,
    M_COUNT,
    M_JOIN,
    M_ISDIGIT,
    M_ISALPHA,
    M_ISSPACE,
    M_APPEND,
    M_INSERT,
    M_POP,
    M_INDEX,
    M_LCOUNT,
    M_REMOVE,
    M_EXTEND,
    M_REVERSE,
    M_SORT,
    M_COPY,
    M_CLEAR
};

static const method str_methods[] = {{"upper", 0, 0, M_UPPER},
                                     {"lower", 0, 0, M_LOWER},
                                     {"strip", 0, 1, M_STRIP},
                                     {"lstrip", 0, 1, M_LSTRIP},
                                     {"rstrip", 0, 1, M_RSTRIP},
                                     {"split", 0, 2, M_SPLIT},
                                     {"startswith", 1, 1, M_STARTSWITH},
                                     {"endswith", 1, 1, M_ENDSWITH},
                                     {"replace", 2, 3, M_REPLACE},
                                     {"find", 1, 1, M_FIND},
                                     {"rfind", 1, 1, M_RFIND},
                                     {"count", 1, 1, M_COUNT},
                                     {"join", 1, 1, M_JOIN},
                                     {"isdigit", 0, 0, M_ISDIGIT},
                                     {"isalpha", 0, 0, M_ISALPHA},
                                     {"isspace", 0, 0, M_ISSPACE},
                                     {NULL, 0, 0, 0}};

static const method list_methods[] = {
    {"append", 1, 1, M_APPEND}, {"insert", 2, 2, M_INSERT}, {"pop", 0, 1, M_POP},       {"index", 1, 1, M_INDEX},
    {"count", 1, 1, M_LCOUNT},  {"remove", 1, 1, M_REMOVE}, {"extend", 1, 1, M_EXTEND}, {"reverse", 0, 0, M_REVERSE},
    {"sort", 0, 0, M_SORT},     {"copy", 0, 0, M_COPY},     {"clear", 0, 0, M_CLEAR},   {NULL, 0, 0, 0}};

static const method *find_method(const method *t, const char *name) {
    for (; t->name; t++)
        if (!strcmp(t->name, name)) return t;
    return NULL;
}

static const char *type_name(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_EXC) return ((const ac_exc *)v.p)->cls->name;
    if (t->kind == AC_K_INST) return ((const ac_inst *)v.p)->cls->name;
    return rt_type_name(t);
}

/* CPython's wording per calling convention: no arguments, exactly one,
 * or a range. */
static int arity_ok(const char *tname, const method *m, int n) {
    if (n >= m->min && n <= m->max) return 1;
    if (m->max == 0)
        ac_raise_msg(&ac_cls_TypeError, "%s.%s() takes no arguments (%d given)", tname, m->name, n);
    else if (m->min == 1 && m->max == 1)
        ac_raise_msg(&ac_cls_TypeError, "%s.%s() takes exactly one argument (%d given)", tname, m->name, n);
    else if (n > m->max)
        ac_raise_msg(&ac_cls_TypeError, "%s expected at most %d argument%s, got %d", m->name, m->max,
                     m->max == 1 ? "" : "s", n);
    else
        ac_raise_msg(&ac_cls_TypeError, "%s expected %s%d argument%s, got %d", m->name,
                     m->min == m->max ? "" : "at least ", m->min, m->min == 1 ? "" : "s", n);
    return 0;
}

/* A str argument (borrowed), or NULL with CPython's "must be str" error;
 * none_ok: None gives NULL without an error. */
static const ac_str *str_arg(const ac_obj *a, int none_ok, const char *what) {
    if (a && a->kind == AC_K_STR) return (const ac_str *)a;
    if (none_ok && (!a || a->kind == AC_K_NONE)) return NULL;
    ac_raise_msg(&ac_cls_TypeError, "%smust be str%s, not %s", what, none_ok ? " or None" : "", type_name(a));
    return NULL;
}

static int int_arg(const ac_obj *a, int64_t *out) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(a, &v);
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) {
        *out = v.i;
        return 1;
    }
    ac_raise_msg(&ac_cls_TypeError, "'%s' object cannot be interpreted as an integer", type_name(a));
    return 0;
}

static ac_obj *str_result(ac_str *s) { return (ac_obj *)s; }
static ac_obj *int_res(int64_t i) { return ac_err ? NULL : ac_obj_int(i); }

/* sep.join(items): items a list or tuple whose members are all str */
static ac_obj *str_join(const ac_str *sep, const ac_obj *items) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(items, &v);
    ac_list *parts;
    int64_t i, n;
    ac_str *r;
    if (t->kind == AC_K_LIST && ((const ac_list *)v.p)->elem->kind == AC_K_STR)
        return str_result(ac_str_join(sep, v.p));
    if (t->kind != AC_K_LIST && t->kind != AC_K_TUPLE) {
        ac_raise_msg(&ac_cls_TypeError, "can only join an iterable");
        return NULL;
    }
    n = ac_obj_len(items);
    parts = ac_list_new(&ac_t_str, 0, NULL);
    for (i = 0; i < n; i++) {
        int64_t pos = i;
        ac_obj *x = ac_obj_next(items, &pos);
        if (!x || x->kind != AC_K_STR) {
            ac_raise_msg(&ac_cls_TypeError, "sequence item %lld: expected str instance, %s found", (long long)i,
                         type_name(x));
            ac_decref(x);
            ac_decref(parts);
            return NULL;
        }
        ac_list_append(parts, ac_ptr_val(x));
    }
    r = ac_str_join(sep, parts);
    ac_decref(parts);
    return str_result(r);
}

static ac_obj *call_str(const ac_str *s, const method *m, int n, ac_obj *const *a) {
    const ac_str *x = NULL, *y = NULL;
    int64_t k = -1;
    switch (m->id) {
    case M_UPPER: return str_result(ac_str_upper(s));
    case M_LOWER: return str_result(ac_str_lower(s));
    case M_ISDIGIT: return ac_obj_bool(ac_str_isdigit(s));
    case M_ISALPHA: return ac_obj_bool(ac_str_isalpha(s));
    case M_ISSPACE: return ac_obj_bool(ac_str_isspace(s));
    case M_JOIN: return str_join(s, a[0]);
    case M_STRIP:
    case M_LSTRIP:
    case M_RSTRIP:
        if (n && a[0] && a[0]->kind != AC_K_STR && a[0]->kind != AC_K_NONE) {
            ac_raise_msg(&ac_cls_TypeError, "%s arg must be None or str", m->name);
            return NULL;
        }
        if (n) x = str_arg(a[0], 1, "");
        if (m->id == M_STRIP) return str_result(ac_str_strip(s, x));
        return str_result(m->id == M_LSTRIP ? ac_str_lstrip(s, x) : ac_str_rstrip(s, x));
    case M_SPLIT:
        if (n && !(x = str_arg(a[0], 1, "")) && ac_err) return NULL;
        if (n > 1 && !int_arg(a[1], &k)) return NULL;
        return (ac_obj *)ac_str_split(s, x, k);
    case M_REPLACE:
        if (!(x = str_arg(a[0], 0, "replace() argument 1 "))) return NULL;
        if (!(y = str_arg(a[1], 0, "replace() argument 2 "))) return NULL;
        if (n > 2 && !int_arg(a[2], &k)) return NULL;
        return str_result(ac_str_replace(s, x, y, k));
    default:
        if ((m->id == M_STARTSWITH || m->id == M_ENDSWITH) && (!a[0] || a[0]->kind != AC_K_STR)) {
            ac_raise_msg(&ac_cls_TypeError, "%s first arg must be str or a tuple of str, not %s", m->name,
                         type_name(a[0]));
            return NULL;
        }
        if (!(x = str_arg(a[0], 0, ""))) return NULL;
        switch (m->id) {
        case M_STARTSWITH: return ac_obj_bool(ac_str_startswith(s, x));
        case M_ENDSWITH: return ac_obj_bool(ac_str_endswith(s, x));
        case M_FIND: return int_res(ac_str_find(s, x));
        case M_RFIND: return int_res(ac_str_rfind(s, x));
        default: return int_res(ac_str_count(s, x));
        }
    }
}

/* An object as an item of l (a new reference in *out). */
static int as_item(const ac_list *l, const ac_obj *x, ac_val *out) { return rt_dyn_to_val(x, l->elem, out); }

static ac_obj *call_list(ac_list *l, const method *m, int n, ac_obj *const *a) {
    ac_val v;
    int64_t i = -1;
    switch (m->id) {
    case M_APPEND:
        if (as_item(l, a[0], &v) < 0) return NULL;
        ac_list_append(l, v);
        return &ac_None;
    case M_INSERT:
        if (!int_arg(a[0], &i) || as_item(l, a[1], &v) < 0) return NULL;
        ac_list_insert(l, i, v);
        return &ac_None;
    case M_POP:
        if (n && !int_arg(a[0], &i)) return NULL;
        v = ac_list_pop(l, i);
        return ac_err ? NULL : ac_obj_from(v, l->elem);
    case M_INDEX:
    case M_LCOUNT:
    case M_REMOVE: {
        int64_t k, cnt = 0;
        for (k = 0; k < l->len; k++) {
            ac_obj *x = ac_obj_from(l->items[k], l->elem);
            int eq;
            ac_val_incref(l->items[k], l->elem); /* ac_obj_from steals */
            eq = ac_obj_eq(x, a[0]);
            ac_decref(x);
            if (!eq) continue;
            if (m->id == M_INDEX) return ac_obj_int(k);
            if (m->id == M_REMOVE) {
                ac_val_decref(ac_list_pop(l, k), l->elem);
                return &ac_None;
            }
            cnt++;
        }
        if (m->id == M_LCOUNT) return ac_obj_int(cnt);
        if (m->id == M_REMOVE) {
            ac_raise_msg(&ac_cls_ValueError, "list.remove(x): x not in list");
        } else {
            ac_str *r = ac_obj_repr(a[0]);
            ac_raise_msg(&ac_cls_ValueError, "%s is not in list", r->s);
            ac_decref(r);
        }
        return NULL;
    }
    case M_EXTEND: {
        int64_t pos = 0;
        ac_obj *x;
        ac_obj_iter_check(a[0]);
        if (ac_err) return NULL;
        if (a[0] == &l->h) { /* x.extend(x): the items as they were */
            ac_list_extend(l, l);
            return &ac_None;
        }
        while ((x = ac_obj_next(a[0], &pos)) != NULL) {
            int bad = as_item(l, x, &v) < 0;
            ac_decref(x);
            if (bad) return NULL;
            ac_list_append(l, v);
        }
        return &ac_None;
    }
    case M_REVERSE: ac_list_reverse(l); return &ac_None;
    case M_SORT: ac_list_sort(l, 0); return ac_err ? NULL : &ac_None;
    case M_COPY: return (ac_obj *)ac_list_copy(l);
    default:
        while (l->len) ac_val_decref(ac_list_pop(l, -1), l->elem);
        return &ac_None;
    }
}

ac_obj *ac_obj_call_method(const ac_obj *o, const char *name, int n, ac_obj *const *args) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    const method *m = NULL;
    if (t->kind == AC_K_STR)
        m = find_method(str_methods, name);
    else if (t->kind == AC_K_LIST)
        m = find_method(list_methods, name);
    if (!m) {
        ac_raise_msg(&ac_cls_AttributeError, "'%s' object has no attribute '%s'", type_name(o), name);
        return NULL;
    }
    if (!arity_ok(rt_type_name(t), m, n)) return NULL;
    if (t->kind == AC_K_STR) return call_str(v.p, m, n, args);
    return call_list(v.p, m, n, args);
}
