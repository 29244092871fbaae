/*
 * rt_list.c -- lists, tuples and the generic equality/ordering that
 * containers, sorted(), min() and max() share.
 */
#include <string.h>
#include "rt_internal.h"

/* ---- generic comparison ---------------------------------------------- */

const char *rt_type_name(const ac_type *t) {
    switch (t->kind) {
    case AC_K_NONE: return "NoneType";
    case AC_K_BOOL: return "bool";
    case AC_K_INT: return "int";
    case AC_K_FLOAT: return "float";
    case AC_K_STR: return "str";
    case AC_K_LIST: return "list";
    case AC_K_TUPLE: return "tuple";
    case AC_K_EXC: return "Exception";
    case AC_K_OBJECT: return "object";
    case AC_K_DICT: return "dict";
    case AC_K_SET: return "set";
    case AC_K_FROZENSET: return "frozenset";
    case AC_K_DICTVIEW: return "dict_keys";
    case AC_K_GEN: return "generator";
    case AC_K_TIO: return "tinyio object";
    case AC_K_FN: return "function";
    default: return "Task";
    }
}

int ac_val_eq(ac_val a, ac_val b, const ac_type *t) {
    int64_t i;
    if (t->kind >= AC_K_STR && (!a.p || !b.p)) return a.p == b.p; /* T | None */
    switch (t->kind) {
    case AC_K_NONE: return 1;
    case AC_K_BOOL:
    case AC_K_INT: return a.i == b.i;
    case AC_K_FLOAT: return a.f == b.f;
    case AC_K_STR: return ac_str_eq(a.p, b.p);
    case AC_K_LIST: {
        const ac_list *x = a.p, *y = b.p;
        if (x == y) return 1;
        if (x->len != y->len) return 0;
        for (i = 0; i < x->len; i++)
            if (!ac_val_eq(x->items[i], y->items[i], x->elem)) return 0;
        return 1;
    }
    case AC_K_TUPLE: {
        const ac_tuple *x = a.p, *y = b.p;
        for (i = 0; i < t->n; i++)
            if (!ac_val_eq(x->items[i], y->items[i], t->elems[i])) return 0;
        return 1;
    }
    case AC_K_OBJECT: return rt_dyn_val_eq(a, b);
    case AC_K_DICT: return ac_dict_eq(a.p, b.p);
    case AC_K_SET:
    case AC_K_FROZENSET: return ac_set_eq(a.p, b.p);
    case AC_K_INST: return ac_inst_eq(a.p, b.p);
    default: return a.p == b.p; /* exceptions, tasks: identity */
    }
}

static int unordered(const ac_type *t, ac_val a) {
    const char *name = rt_type_name(t);
    if (t->kind == AC_K_EXC) name = ((const ac_exc *)a.p)->cls->name;
    ac_raise_msg(&ac_cls_TypeError, "'<' not supported between instances of '%s' and '%s'", name, name);
    return 0;
}

/* Sequences compare at the first unequal item, then by length. */
int ac_val_cmp(ac_val a, ac_val b, const ac_type *t) {
    int64_t i;
    switch (t->kind) {
    case AC_K_BOOL:
    case AC_K_INT: return (a.i > b.i) - (a.i < b.i);
    case AC_K_FLOAT: return (a.f > b.f) - (a.f < b.f);
    case AC_K_STR: return ac_str_cmp(a.p, b.p);
    case AC_K_LIST: {
        const ac_list *x = a.p, *y = b.p;
        for (i = 0; i < x->len && i < y->len; i++)
            if (!ac_val_eq(x->items[i], y->items[i], x->elem)) return ac_val_cmp(x->items[i], y->items[i], x->elem);
        return (x->len > y->len) - (x->len < y->len);
    }
    case AC_K_TUPLE: {
        const ac_tuple *x = a.p, *y = b.p;
        for (i = 0; i < t->n; i++)
            if (!ac_val_eq(x->items[i], y->items[i], t->elems[i]))
                return ac_val_cmp(x->items[i], y->items[i], t->elems[i]);
        return 0;
    }
    case AC_K_OBJECT: return rt_dyn_val_cmp(a, b);
    case AC_K_INST: return ac_inst_cmp(a.p, b.p);
    default: return unordered(t, a);
    }
}

/* ---- lists ----------------------------------------------------------- */

static void reserve(ac_list *l, int64_t need) {
    if (need <= l->cap) return;
    { /* grow by 1.5x so appends are amortised O(1) */
        int64_t cap = l->cap < 4 ? 4 : l->cap + l->cap / 2;
        if (cap < need) cap = need;
        l->items = rt_realloc(l->items, sizeof(ac_val) * (size_t)cap);
        l->cap = cap;
    }
}

ac_list *ac_list_new(const ac_type *elem, int64_t n, const ac_val *items) {
    ac_list *l = rt_gc_alloc(sizeof *l, rt_gc_type_refs(elem));
    l->h.rc = 1;
    l->h.kind = AC_K_LIST;
    l->elem = elem;
    l->len = l->cap = 0;
    l->items = NULL;
    if (n > 0) {
        reserve(l, n);
        memcpy(l->items, items, sizeof(ac_val) * (size_t)n);
        l->len = n;
    }
    return l;
}

int64_t ac_list_len(const ac_list *l) { return l->len; }

static ac_val zero_val(void) {
    ac_val v;
    v.i = 0;
    return v;
}

ac_val ac_list_get(const ac_list *l, int64_t i) {
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) {
        ac_raise_msg(&ac_cls_IndexError, "list index out of range");
        return zero_val();
    }
    return l->items[i];
}

void ac_list_set(ac_list *l, int64_t i, ac_val v) {
    ac_val old;
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) {
        ac_val_decref(v, l->elem); /* we were given it: drop it */
        ac_raise_msg(&ac_cls_IndexError, "list assignment index out of range");
        return;
    }
    old = l->items[i];
    l->items[i] = v;
    ac_val_decref(old, l->elem); /* after the store: old may own l */
}

void ac_list_append(ac_list *l, ac_val v) {
    if (l->len == l->cap) reserve(l, l->len + 1);
    l->items[l->len++] = v;
}

/* Out-of-range positions clamp to the ends, as in CPython. */
void ac_list_insert(ac_list *l, int64_t i, ac_val v) {
    if (i < 0) {
        i += l->len;
        if (i < 0) i = 0;
    }
    if (i > l->len) i = l->len;
    reserve(l, l->len + 1);
    memmove(l->items + i + 1, l->items + i, sizeof(ac_val) * (size_t)(l->len - i));
    l->items[i] = v;
    l->len++;
}

ac_val ac_list_pop(ac_list *l, int64_t i) {
    ac_val v;
    if (l->len == 0) {
        ac_raise_msg(&ac_cls_IndexError, "pop from empty list");
        return zero_val();
    }
    if (i < 0) i += l->len;
    if (i < 0 || i >= l->len) {
        ac_raise_msg(&ac_cls_IndexError, "pop index out of range");
        return zero_val();
    }
    v = l->items[i];
    memmove(l->items + i, l->items + i + 1, sizeof(ac_val) * (size_t)(l->len - i - 1));
    l->len--;
    return v; /* the list's reference moves out */
}

int64_t ac_list_index(const ac_list *l, ac_val v) {
    int64_t i;
    ac_str *r;
    for (i = 0; i < l->len; i++)
        if (ac_val_eq(l->items[i], v, l->elem)) return i;
    r = ac_repr_of(v, l->elem);
    ac_raise_msg(&ac_cls_ValueError, "%s is not in list", r->s);
    ac_decref(r);
    return -1;
}

int ac_list_contains(const ac_list *l, ac_val v) {
    int64_t i;
    for (i = 0; i < l->len; i++)
        if (ac_val_eq(l->items[i], v, l->elem)) return 1;
    return 0;
}

ac_list *ac_list_slice(const ac_list *l, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                       int64_t step) {
    int64_t n, k;
    ac_list *r;
    n = rt_slice_indices(l->len, has_start, start, has_stop, stop, has_step, step, &start, &step);
    if (n < 0) return NULL;
    r = ac_list_new(l->elem, 0, NULL);
    reserve(r, n);
    for (k = 0; k < n; k++, start += step) {
        r->items[k] = l->items[start];
        ac_val_incref(r->items[k], l->elem);
    }
    r->len = n;
    return r;
}

void ac_list_extend(ac_list *l, const ac_list *other) {
    int64_t n = other->len, k; /* read first: other may be l */
    reserve(l, l->len + n);
    for (k = 0; k < n; k++) {
        l->items[l->len + k] = other->items[k];
        ac_val_incref(other->items[k], l->elem);
    }
    l->len += n;
}

ac_list *ac_list_copy(const ac_list *l) {
    ac_list *r = ac_list_new(l->elem, 0, NULL);
    ac_list_extend(r, l);
    return r;
}

ac_list *ac_list_concat(const ac_list *a, const ac_list *b) {
    ac_list *r = ac_list_new(a->elem, 0, NULL);
    reserve(r, a->len + b->len);
    ac_list_extend(r, a);
    ac_list_extend(r, b);
    return r;
}

ac_list *ac_list_repeat(const ac_list *a, int64_t n) {
    ac_list *r = ac_list_new(a->elem, 0, NULL);
    int64_t i;
    if (n <= 0 || a->len == 0) return r;
    if (a->len > INT64_MAX / 16 / n) {
        ac_decref(r);
        ac_raise_msg(&ac_cls_MemoryError, NULL); /* CPython: a bare MemoryError */
        return NULL;
    }
    r->items = rt_try_realloc(NULL, sizeof(ac_val) * (size_t)(a->len * n));
    if (!r->items) { /* a size the program chose: CPython's MemoryError */
        ac_decref(r);
        ac_raise_msg(&ac_cls_MemoryError, NULL);
        return NULL;
    }
    r->cap = a->len * n;
    for (i = 0; i < n; i++) ac_list_extend(r, a);
    return r;
}

void ac_list_reverse(ac_list *l) {
    int64_t i, j;
    for (i = 0, j = l->len - 1; i < j; i++, j--) {
        ac_val t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

/* ---- sorting: a stable merge sort that stops at the first error ------ */

static int cmp_items(ac_val a, ac_val b, const ac_type *t, int reverse) {
    int c = ac_val_cmp(a, b, t);
    return reverse ? -c : c;
}

static int merge_sort(ac_val *v, ac_val *tmp, int64_t n, const ac_type *t, int rev) {
    int64_t h = n / 2, i, j, k;
    if (n < 2) return 0;
    if (merge_sort(v, tmp, h, t, rev) || merge_sort(v + h, tmp, n - h, t, rev)) return -1;
    /* already in order: common for sorted input (asked as "is the later
     * item smaller", like CPython's sort, so the first error matches) */
    if (cmp_items(v[h], v[h - 1], t, rev) >= 0) return ac_err ? -1 : 0;
    if (ac_err) return -1;
    memcpy(tmp, v, sizeof(ac_val) * (size_t)h);
    for (i = 0, j = h, k = 0; i < h && j < n;) {
        int c = cmp_items(v[j], tmp[i], t, rev);
        if (ac_err) { /* put back what is still in tmp: no item lost */
            while (i < h) v[k++] = tmp[i++];
            while (j < n) v[k++] = v[j++];
            return -1;
        }
        if (c < 0)
            v[k++] = v[j++]; /* strictly less: keeps stability */
        else
            v[k++] = tmp[i++];
    }
    while (i < h) v[k++] = tmp[i++];
    return 0;
}

/* a < b, or -1 after an error */
static int less(ac_val a, ac_val b, const ac_type *t) {
    int c = ac_val_cmp(a, b, t);
    return ac_err ? -1 : c < 0;
}

static void reverse_items(ac_val *v, int64_t n) {
    int64_t i, j;
    for (i = 0, j = n - 1; i < j; i++, j--) {
        ac_val x = v[i];
        v[i] = v[j];
        v[j] = x;
    }
}

/* Short lists are sorted the way CPython sorts them (the first run, then
 * binary insertion, comparing "later < earlier"), so that a list whose
 * items cannot all be compared fails at the same pair, with the same
 * message; reverse=True sorts the reversed list and reverses it back. */
static void small_sort(ac_val *v, int64_t n, const ac_type *t, int reverse) {
    int64_t run = 2, start;
    int c;
    if (reverse) reverse_items(v, n);
    if ((c = less(v[1], v[0], t)) < 0) goto out;
    if (c) { /* a strictly descending run is reversed */
        while (run < n && (c = less(v[run], v[run - 1], t)) == 1) run++;
        if (c < 0) goto out;
        reverse_items(v, run);
    } else {
        while (run < n && (c = less(v[run], v[run - 1], t)) == 0) run++;
        if (c < 0) goto out;
    }
    for (start = run; start < n; start++) {
        int64_t lo = 0, hi = start, p;
        ac_val pivot = v[start];
        while (lo < hi) {
            p = lo + ((hi - lo) >> 1);
            if ((c = less(pivot, v[p], t)) < 0) goto out;
            if (c)
                hi = p;
            else
                lo = p + 1;
        }
        for (p = start; p > lo; p--) v[p] = v[p - 1];
        v[lo] = pivot;
    }
out:
    if (reverse) reverse_items(v, n);
}

void ac_list_sort(ac_list *l, int reverse) {
    ac_val *tmp;
    if (l->len < 2) return;
    if (l->len < 64) {
        small_sort(l->items, l->len, l->elem, reverse);
        return;
    }
    tmp = rt_malloc(sizeof(ac_val) * (size_t)(l->len / 2 + 1));
    merge_sort(l->items, tmp, l->len, l->elem, reverse);
    rt_free(tmp);
}

ac_list *ac_list_sorted(const ac_list *l, int reverse) {
    ac_list *r = ac_list_copy(l);
    ac_list_sort(r, reverse);
    if (ac_err) {
        ac_decref(r);
        return NULL;
    }
    return r;
}

ac_val ac_list_sum(const ac_list *l) {
    ac_val s;
    int64_t i;
    s.i = 0;
    if (l->elem->kind == AC_K_FLOAT) {
        double f = 0.0; /* left-to-right, like 3.11 */
        for (i = 0; i < l->len; i++) f += l->items[i].f;
        s.f = f;
        return s;
    }
    if (l->elem->kind == AC_K_INT || l->elem->kind == AC_K_BOOL) {
        for (i = 0; i < l->len; i++) {
            s.i = ac_int_add(s.i, l->items[i].i);
            if (ac_err) return s;
        }
        return s;
    }
    if (l->elem->kind == AC_K_OBJECT) { /* 0 + x0 + x1 ...: a new reference */
        ac_obj *acc = ac_obj_int(0);
        for (i = 0; i < l->len && acc; i++) {
            ac_obj *next = ac_obj_binop(AC_OP_ADD, acc, l->items[i].p);
            ac_decref(acc);
            acc = next;
        }
        s.p = acc;
        return s;
    }
    if (l->len)
        ac_raise_msg(&ac_cls_TypeError, "unsupported operand type(s) for +: 'int' and '%s'", rt_type_name(l->elem));
    return s;
}

static ac_val extreme(const ac_list *l, int sign, const char *fn) {
    ac_val best;
    int64_t i;
    if (l->len == 0) {
        ac_raise_msg(&ac_cls_ValueError, "%s() arg is an empty sequence", fn);
        return zero_val();
    }
    best = l->items[0];
    for (i = 1; i < l->len; i++) {
        int c = ac_val_cmp(l->items[i], best, l->elem);
        if (ac_err) return zero_val();
        if (c * sign > 0) best = l->items[i]; /* first of equals wins */
    }
    ac_val_incref(best, l->elem);
    return best;
}

ac_val ac_list_min(const ac_list *l) { return extreme(l, -1, "min"); }
ac_val ac_list_max(const ac_list *l) { return extreme(l, 1, "max"); }

/* ---- tuples ---------------------------------------------------------- */

ac_tuple *ac_tuple_new(const ac_type *type, const ac_val *items) {
    size_t n = type->n ? type->n : 1;
    ac_tuple *t = rt_gc_alloc(sizeof(ac_tuple) + sizeof(ac_val) * (n - 1), rt_gc_types_refs(type->elems, type->n));
    t->h.rc = 1;
    t->h.kind = AC_K_TUPLE;
    t->type = type;
    if (type->n) memcpy(t->items, items, sizeof(ac_val) * type->n);
    return t;
}
