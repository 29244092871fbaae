/*
 * rt_iter.c -- enumerate, zip, reversed and key= sorting.  The iterators
 * Python makes lazily are built here as lists at once: a for loop (or
 * list()) over them sees the same items in the same order.
 */
#include <string.h>
#include "rt_internal.h"

/* enumerate(l, start): tuple[int, T] items described by tuple_t */
ac_list *ac_enumerate(const ac_list *l, int64_t start, const ac_type *tuple_t) {
    ac_list *r = ac_list_new(tuple_t, 0, NULL);
    int64_t i;
    for (i = 0; i < l->len; i++) {
        ac_val items[2], t;
        items[0].i = start + i;
        items[1] = l->items[i];
        ac_val_incref(items[1], l->elem);
        t.p = ac_tuple_new(tuple_t, items);
        ac_list_append(r, t);
    }
    return r;
}

/* zip(*lists): as long as the shortest */
ac_list *ac_zip(int n, const ac_list *const *lists, const ac_type *tuple_t) {
    ac_list *r = ac_list_new(tuple_t, 0, NULL);
    ac_val small[8], *items = n <= 8 ? small : rt_malloc(sizeof(ac_val) * (size_t)n);
    int64_t len = n ? lists[0]->len : 0, i;
    int k;
    for (k = 1; k < n; k++)
        if (lists[k]->len < len) len = lists[k]->len;
    for (i = 0; i < len; i++) {
        ac_val t;
        for (k = 0; k < n; k++) {
            items[k] = lists[k]->items[i];
            ac_val_incref(items[k], lists[k]->elem);
        }
        t.p = ac_tuple_new(tuple_t, items);
        ac_list_append(r, t);
    }
    if (items != small) rt_free(items);
    return r;
}

/* zip(*rows) of a list of lists: its columns, each a tuple stored as a
 * list (col_t), as many as the shortest row has items */
ac_list *ac_zip_star(const ac_list *rows, const ac_type *col_t) {
    ac_list *r = ac_list_new(col_t, 0, NULL);
    int64_t len = 0, i, k;
    for (k = 0; k < rows->len; k++) {
        int64_t n = ((const ac_list *)rows->items[k].p)->len;
        if (k == 0 || n < len) len = n;
    }
    for (i = 0; i < len && !ac_err; i++) {
        ac_list *col = ac_list_new(col_t->elems[0], 0, NULL);
        ac_val c;
        for (k = 0; k < rows->len; k++) {
            ac_val x = ((const ac_list *)rows->items[k].p)->items[i];
            ac_val_incref(x, col_t->elems[0]);
            ac_list_append(col, x);
        }
        c.p = col;
        ac_list_append(r, c);
    }
    return r;
}

ac_list *ac_list_reversed(const ac_list *l) {
    ac_list *r = ac_list_copy(l);
    ac_list_reverse(r);
    return r;
}

/* Stable merge sort of positions by their keys; reverse compares the other
 * way round, which keeps equal keys in their original order as Python's
 * reverse=True does.  0, or -1 after a TypeError. */
static int merge_by_key(int64_t *pos, int64_t *tmp, int64_t n, const ac_list *keys, int reverse) {
    int64_t mid = n / 2, a = 0, b, k = 0;
    if (n < 2) return 0;
    if (merge_by_key(pos, tmp, mid, keys, reverse) || merge_by_key(pos + mid, tmp, n - mid, keys, reverse)) return -1;
    b = mid;
    while (a < mid && b < n) {
        ac_val ka = keys->items[pos[a]], kb = keys->items[pos[b]];
        int c = reverse ? ac_val_cmp(ka, kb, keys->elem) : ac_val_cmp(kb, ka, keys->elem);
        if (ac_err) return -1;
        tmp[k++] = c < 0 ? pos[b++] : pos[a++];
    }
    while (a < mid) tmp[k++] = pos[a++];
    while (b < n) tmp[k++] = pos[b++];
    memcpy(pos, tmp, sizeof(int64_t) * (size_t)n);
    return 0;
}

/* sorted(l, key=f, reverse=r) given keys[i] = f(l[i]) */
ac_list *ac_list_sorted_by(const ac_list *l, const ac_list *keys, int reverse) {
    int64_t n = l->len, i;
    int64_t *pos = rt_malloc(sizeof(int64_t) * (size_t)(n ? n : 1) * 2);
    ac_list *r = NULL;
    for (i = 0; i < n; i++) pos[i] = i;
    if (merge_by_key(pos, pos + n, n, keys, reverse) == 0) {
        r = ac_list_new(l->elem, 0, NULL);
        for (i = 0; i < n; i++) {
            ac_val v = l->items[pos[i]];
            ac_val_incref(v, l->elem);
            ac_list_append(r, v);
        }
    }
    rt_free(pos);
    return r;
}

/* l.sort(key=f, reverse=r): the sorted copy's items become l's */
void ac_list_sort_by(ac_list *l, const ac_list *keys, int reverse) {
    ac_list *r = ac_list_sorted_by(l, keys, reverse);
    ac_val *items;
    int64_t cap;
    if (!r) return;
    items = l->items;
    cap = l->cap;
    l->items = r->items;
    l->cap = r->cap;
    r->items = items; /* the old items, released with r */
    r->cap = cap;
    r->len = l->len;
    ac_decref(r);
}

/* min/max(l, key=f) given the keys: the first item with the least
 * (greatest) key; new reference */
ac_val ac_list_extreme_by(const ac_list *l, const ac_list *keys, int want_max) {
    int64_t best = 0, i;
    ac_val v;
    v.i = 0;
    if (!l->len) {
        ac_raise_msg(&ac_cls_ValueError, "%s() arg is an empty sequence", want_max ? "max" : "min");
        return v;
    }
    for (i = 1; i < l->len; i++) {
        int c = ac_val_cmp(keys->items[i], keys->items[best], keys->elem);
        if (ac_err) return v;
        if (want_max ? c > 0 : c < 0) best = i;
    }
    v = l->items[best];
    ac_val_incref(v, l->elem);
    return v;
}
