/*
 * rt_dict.c -- dict: a compact, insertion-ordered table (CPython's layout
 * since 3.6): entries in insertion order, and an index table of entry
 * numbers probed by the key's hash.  Deleting leaves a hole in the entries
 * and a "deleted" mark in the index; both go at the next resize.
 */
#include <string.h>
#include "rt_internal.h"

#define EMPTY         (-1)
#define DELETED       (-2)
#define PERTURB_SHIFT 5

static const ac_type *kt(const ac_dict *d) { return d->type->elems[0]; }
static const ac_type *vt(const ac_dict *d) { return d->type->elems[1]; }

static const ac_type *const obj1_elems[1] = {&ac_t_object};
static const ac_type tuple_obj1 = {AC_K_TUPLE, 1, obj1_elems};

void rt_key_error(ac_val key, const ac_type *t) {
    ac_val arg;
    ac_val_incref(key, t);
    arg.p = ac_obj_from(key, t);
    ac_raise(ac_exc_new(&ac_cls_KeyError, ac_tuple_new(&tuple_obj1, &arg)));
}

static void alloc_index(ac_dict *d, int64_t size) {
    int64_t i;
    d->index = rt_malloc(sizeof(int64_t) * (size_t)size);
    for (i = 0; i < size; i++) d->index[i] = EMPTY;
    d->mask = size - 1;
}

ac_dict *ac_dict_new(const ac_type *t) {
    ac_dict *d = rt_gc_alloc(sizeof *d, rt_gc_types_refs(t->elems, 2));
    d->h.rc = 1;
    d->h.kind = AC_K_DICT;
    d->type = t;
    d->len = d->used = 0;
    d->cap = 5; /* 2/3 of the first 8 slots, as CPython */
    d->entries = rt_malloc(sizeof(ac_dict_entry) * (size_t)d->cap);
    alloc_index(d, 8);
    return d;
}

static void release_entries(ac_dict *d) {
    int64_t i;
    for (i = 0; i < d->used; i++)
        if (d->entries[i].live) {
            ac_val_decref(d->entries[i].key, kt(d));
            ac_val_decref(d->entries[i].val, vt(d));
        }
}

void rt_dict_free(ac_obj *o) {
    ac_dict *d = (ac_dict *)o;
    release_entries(d);
    rt_free(d->entries);
    rt_free(d->index);
    rt_gc_free(d);
}

void rt_dict_gc_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_dict *d = (ac_dict *)o;
    int64_t i;
    for (i = 0; i < d->used; i++)
        if (d->entries[i].live) {
            if (kt(d)->kind >= AC_K_STR) fn(d->entries[i].key.p, arg);
            if (vt(d)->kind >= AC_K_STR && d->entries[i].val.p) fn(d->entries[i].val.p, arg);
        }
}

/* Empty in place (ac_dict_clear allocates; the collector must not): the
 * entries are released after the dict says it has none. */
void rt_dict_gc_clear(ac_obj *o) {
    ac_dict *d = (ac_dict *)o;
    int64_t n = d->used, i;
    d->len = d->used = 0;
    for (i = 0; i <= d->mask; i++) d->index[i] = EMPTY;
    for (i = 0; i < n; i++)
        if (d->entries[i].live) {
            d->entries[i].live = 0;
            ac_val_decref(d->entries[i].key, kt(d));
            ac_val_decref(d->entries[i].val, vt(d));
        }
}

int64_t ac_dict_len(const ac_dict *d) { return d->len; }

/* The index slot of key (its entry number >= 0), or where it would go
 * (EMPTY); -3 after an error. */
static int64_t find_slot(const ac_dict *d, ac_val key, int64_t hash, int64_t *slot) {
    uint64_t mask = (uint64_t)d->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    for (;;) {
        int64_t ix = d->index[i];
        if (ix == EMPTY) {
            *slot = (int64_t)i;
            return EMPTY;
        }
        if (ix >= 0 && d->entries[ix].hash == hash) {
            if (ac_val_eq(d->entries[ix].key, key, kt(d))) {
                *slot = (int64_t)i;
                return ix;
            }
            if (ac_err) return -3;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* entry number of key, or -1 (absent or error) */
static int64_t find(const ac_dict *d, ac_val key) {
    int64_t slot, h = ac_val_hash(key, kt(d)), ix;
    if (ac_err) return -1;
    ix = find_slot(d, key, h, &slot);
    return ix >= 0 ? ix : -1;
}

/* Compacts the entries and rebuilds the index for at least need entries. */
static void grow(ac_dict *d, int64_t need) {
    int64_t size = 8, i, n = 0;
    while (size * 2 / 3 < need) size <<= 1;
    for (i = 0; i < d->used; i++)
        if (d->entries[i].live) d->entries[n++] = d->entries[i];
    d->used = n;
    d->cap = size * 2 / 3;
    d->entries = rt_realloc(d->entries, sizeof(ac_dict_entry) * (size_t)d->cap);
    rt_free(d->index);
    alloc_index(d, size);
    for (i = 0; i < n; i++) {
        int64_t slot;
        find_slot(d, d->entries[i].key, d->entries[i].hash, &slot);
        d->index[slot] = i;
    }
}

void ac_dict_set(ac_dict *d, ac_val key, ac_val v) {
    int64_t h = ac_val_hash(key, kt(d)), slot, ix;
    ac_dict_entry *e;
    if (ac_err) goto drop;
    ix = find_slot(d, key, h, &slot);
    if (ix == -3) goto drop;
    if (ix >= 0) { /* the old key stays, as in CPython */
        ac_val old = d->entries[ix].val;
        d->entries[ix].val = v;
        ac_val_decref(key, kt(d));
        ac_val_decref(old, vt(d));
        return;
    }
    if (d->used == d->cap) {
        grow(d, d->len * 3 + 1);
        find_slot(d, key, h, &slot);
    }
    e = &d->entries[d->used];
    e->hash = h;
    e->key = key;
    e->val = v;
    e->live = 1;
    d->index[slot] = d->used++;
    d->len++;
    return;
drop:
    ac_val_decref(key, kt(d));
    ac_val_decref(v, vt(d));
}

static ac_val zero(void) {
    ac_val v;
    v.i = 0;
    return v;
}

ac_val ac_dict_get(const ac_dict *d, ac_val key) {
    int64_t ix = find(d, key);
    if (ix >= 0) return d->entries[ix].val;
    if (!ac_err) rt_key_error(key, kt(d));
    return zero();
}

int ac_dict_contains(const ac_dict *d, ac_val key) { return find(d, key) >= 0; }

ac_val ac_dict_get_or(const ac_dict *d, ac_val key, ac_val dflt) {
    int64_t ix = find(d, key);
    return ix >= 0 ? d->entries[ix].val : dflt;
}

ac_val ac_dict_setdefault(ac_dict *d, ac_val key, ac_val dflt) {
    int64_t ix = find(d, key);
    if (ix >= 0 || ac_err) return ix >= 0 ? d->entries[ix].val : zero();
    ac_val_incref(key, kt(d));
    ac_val_incref(dflt, vt(d));
    ac_dict_set(d, key, dflt);
    return dflt;
}

/* Takes entry ix out; its key and value references go to the caller. */
static void unlink_entry(ac_dict *d, int64_t ix) {
    int64_t slot;
    find_slot(d, d->entries[ix].key, d->entries[ix].hash, &slot);
    d->index[slot] = DELETED;
    d->entries[ix].live = 0;
    d->len--;
}

void ac_dict_del(ac_dict *d, ac_val key) {
    int64_t ix = find(d, key);
    if (ix < 0) {
        if (!ac_err) rt_key_error(key, kt(d));
        return;
    }
    unlink_entry(d, ix);
    ac_val_decref(d->entries[ix].key, kt(d));
    ac_val_decref(d->entries[ix].val, vt(d));
}

ac_val ac_dict_pop(ac_dict *d, ac_val key) {
    int64_t ix = find(d, key);
    if (ix < 0) {
        if (!ac_err) rt_key_error(key, kt(d));
        return zero();
    }
    unlink_entry(d, ix);
    ac_val_decref(d->entries[ix].key, kt(d));
    return d->entries[ix].val;
}

ac_val ac_dict_pop_or(ac_dict *d, ac_val key, ac_val dflt) {
    int64_t ix = find(d, key);
    if (ix < 0) {
        if (ac_err) return zero();
        ac_val_incref(dflt, vt(d));
        return dflt;
    }
    return ac_dict_pop(d, key);
}

ac_tuple *ac_dict_popitem(ac_dict *d, const ac_type *tuple_t) {
    int64_t ix = d->used - 1;
    ac_val kv[2];
    if (d->len == 0) {
        ac_raise_msg(&ac_cls_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    while (!d->entries[ix].live) ix--;
    unlink_entry(d, ix);
    d->used = ix; /* the tail is free again */
    kv[0] = d->entries[ix].key;
    kv[1] = d->entries[ix].val;
    return ac_tuple_new(tuple_t, kv);
}

void ac_dict_update(ac_dict *d, const ac_dict *other) {
    int64_t pos = 0;
    ac_val k, v;
    if (other == d) return;
    while (ac_dict_next(other, &pos, &k, &v) && !ac_err) {
        ac_val_incref(k, kt(d));
        ac_val_incref(v, vt(d));
        ac_dict_set(d, k, v);
    }
}

void ac_dict_clear(ac_dict *d) {
    ac_dict_entry *old = d->entries;
    int64_t n = d->used, i;
    const ac_type *t = d->type;
    rt_free(d->index);
    d->len = d->used = 0;
    d->cap = 5;
    d->entries = rt_malloc(sizeof(ac_dict_entry) * (size_t)d->cap);
    alloc_index(d, 8);
    for (i = 0; i < n; i++) /* after the reset: a value may own d */
        if (old[i].live) {
            ac_val_decref(old[i].key, t->elems[0]);
            ac_val_decref(old[i].val, t->elems[1]);
        }
    rt_free(old);
}

ac_dict *ac_dict_copy(const ac_dict *d) {
    ac_dict *r = ac_dict_new(d->type);
    ac_dict_update(r, d);
    return r;
}

int ac_dict_eq(const ac_dict *a, const ac_dict *b) {
    int64_t pos = 0, ix;
    ac_val k, v;
    if (a == b) return 1;
    if (a->len != b->len) return 0;
    while (ac_dict_next(a, &pos, &k, &v)) {
        ix = find(b, k);
        if (ix < 0 || !ac_val_eq(v, b->entries[ix].val, vt(a))) return 0;
    }
    return 1;
}

int ac_dict_next(const ac_dict *d, int64_t *pos, ac_val *key, ac_val *val) {
    int64_t i = *pos;
    while (i < d->used && !d->entries[i].live) i++;
    if (i >= d->used) {
        *pos = i;
        return 0;
    }
    *key = d->entries[i].key;
    if (val) *val = d->entries[i].val;
    *pos = i + 1;
    return 1;
}

ac_dict *ac_dict_from_items(const ac_type *t, const ac_list *pairs) {
    ac_dict *d = ac_dict_new(t);
    int64_t i;
    for (i = 0; i < pairs->len && !ac_err; i++) {
        const ac_tuple *p = pairs->items[i].p;
        ac_val_incref(p->items[0], t->elems[0]);
        ac_val_incref(p->items[1], t->elems[1]);
        ac_dict_set(d, p->items[0], p->items[1]);
    }
    if (ac_err) {
        ac_decref(d);
        return NULL;
    }
    return d;
}

/* The keys (column 0) or the values (column 1) as a new list of type t. */
static ac_list *dict_column(const ac_dict *d, const ac_type *t, int column) {
    ac_list *l = ac_list_new(t, 0, NULL);
    int64_t pos = 0;
    ac_val kv[2];
    while (ac_dict_next(d, &pos, &kv[0], &kv[1])) {
        ac_val_incref(kv[column], t);
        ac_list_append(l, kv[column]);
    }
    return l;
}

ac_list *ac_dict_keys(const ac_dict *d, const ac_type *key_t) { return dict_column(d, key_t, 0); }

ac_list *ac_dict_values(const ac_dict *d, const ac_type *val_t) { return dict_column(d, val_t, 1); }

ac_list *ac_dict_items(const ac_dict *d, const ac_type *tuple_t) {
    ac_list *l = ac_list_new(tuple_t, 0, NULL);
    int64_t pos = 0;
    ac_val kv[2], t;
    while (ac_dict_next(d, &pos, &kv[0], &kv[1])) {
        ac_val_incref(kv[0], kt(d));
        ac_val_incref(kv[1], vt(d));
        t.p = ac_tuple_new(tuple_t, kv);
        ac_list_append(l, t);
    }
    return l;
}

ac_dictview *ac_dict_view(ac_dict *d, int which) {
    ac_dictview *v = rt_malloc(sizeof *v);
    v->h.rc = 1;
    v->h.kind = AC_K_DICTVIEW;
    v->d = d;
    v->which = which;
    ac_incref(d);
    return v;
}

void rt_dictview_free(ac_obj *o) {
    ac_dictview *v = (ac_dictview *)o;
    ac_decref(v->d);
    rt_free(v);
}

/* An items view makes its tuples with a descriptor built from the dict's. */
static const ac_type *item_type(const ac_dict *d, ac_type *buf) {
    buf->kind = AC_K_TUPLE;
    buf->n = 2;
    buf->elems = d->type->elems;
    return buf;
}

ac_list *ac_dictview_list(const ac_dictview *v, const ac_type *item_t) {
    if (v->which == 1) return ac_dict_keys(v->d, item_t);
    if (v->which == 2) return ac_dict_values(v->d, item_t);
    return ac_dict_items(v->d, item_t);
}

int ac_dictview_contains(const ac_dictview *v, ac_val x) {
    const ac_dict *d = v->d;
    int64_t pos = 0, ix;
    ac_val k, val;
    if (v->which == 1) return ac_dict_contains(d, x);
    if (v->which == 2) {
        while (ac_dict_next(d, &pos, &k, &val))
            if (ac_val_eq(val, x, vt(d))) return 1;
        return 0;
    }
    {
        const ac_tuple *t = x.p;
        ix = find(d, t->items[0]);
        return ix >= 0 && ac_val_eq(d->entries[ix].val, t->items[1], vt(d));
    }
}

void rt_dictview_repr(rt_buf *b, const ac_dictview *v) {
    int64_t pos = 0, n = 0;
    ac_val kv[2];
    ac_type tt;
    static const char *const names[] = {"", "dict_keys([", "dict_values([", "dict_items(["};
    rt_buf_puts(b, names[v->which]);
    while (ac_dict_next(v->d, &pos, &kv[0], &kv[1])) {
        if (n++) rt_buf_puts(b, ", ");
        if (v->which == 3) {
            ac_tuple *t = ac_tuple_new(item_type(v->d, &tt), kv);
            rt_buf_repr(b, ac_ptr_val(t), &tt);
            rt_gc_free(t); /* borrowed items: only the block goes */
        } else {
            rt_buf_repr(b, kv[v->which - 1], v->d->type->elems[v->which - 1]);
        }
    }
    rt_buf_puts(b, "])");
}

/* ---- dicts and sets held as objects (rt_dyn.c) ---------------------- */

static int num_kind(const ac_type *t) { return t->kind == AC_K_INT || t->kind == AC_K_BOOL || t->kind == AC_K_FLOAT; }

int rt_same_type(const ac_type *a, const ac_type *b) {
    int i;
    if (a == b) return 1;
    if (a->kind != b->kind || a->n != b->n) return 0;
    for (i = 0; i < a->n; i++)
        if (!rt_same_type(a->elems[i], b->elems[i])) return 0;
    return 1;
}

/* What a dict or set held as an object has inside: its size, and item
 * as one of its keys (*out borrowed; 0 when no key of type kt can equal
 * it, so `in` is False and d[item] a KeyError). */
int64_t rt_container_len(ac_val v, const ac_type *t) {
    if (t->kind == AC_K_DICT) return ((const ac_dict *)v.p)->len;
    if (t->kind == AC_K_DICTVIEW) return ((const ac_dictview *)v.p)->d->len;
    return ((const ac_set *)v.p)->used;
}

int rt_is_container(const ac_type *t) {
    return t->kind == AC_K_DICT || t->kind == AC_K_SET || t->kind == AC_K_FROZENSET || t->kind == AC_K_DICTVIEW;
}

int rt_obj_as_key(const ac_obj *item, const ac_type *kt, ac_val *out) {
    ac_val x;
    const ac_type *xt = ac_obj_unwrap(item, &x);
    if (kt->kind == AC_K_OBJECT) {
        out->p = (void *)item;
        return 1;
    }
    if (kt->kind == AC_K_FLOAT && num_kind(xt)) {
        out->f = xt->kind == AC_K_FLOAT ? x.f : (double)x.i;
        return 1;
    }
    if ((kt->kind == AC_K_INT || kt->kind == AC_K_BOOL) && num_kind(xt)) {
        if (xt->kind != AC_K_FLOAT) {
            out->i = x.i;
            return 1;
        }
        if (!(x.f >= -9.2e18 && x.f <= 9.2e18) || x.f != (double)(int64_t)x.f) return 0;
        out->i = (int64_t)x.f;
        return 1;
    }
    if (!rt_same_type(xt, kt)) return 0;
    *out = x;
    return 1;
}

void rt_dict_repr(rt_buf *b, const ac_dict *d) {
    int64_t pos = 0, n = 0;
    ac_val k, v;
    rt_buf_putc(b, '{');
    while (ac_dict_next(d, &pos, &k, &v)) {
        if (n++) rt_buf_puts(b, ", ");
        rt_buf_repr(b, k, kt(d));
        rt_buf_puts(b, ": ");
        rt_buf_repr(b, v, vt(d));
    }
    rt_buf_putc(b, '}');
}
