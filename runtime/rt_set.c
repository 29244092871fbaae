/*
 * rt_set.c -- set and frozenset.  The table follows CPython's set object
 * (Objects/setobject.c, 3.11): open addressing, a run of LINEAR_PROBES
 * neighbouring slots before each perturbed jump, 8 slots at first, growth
 * when 3/5 of the slots are filled, and the same order of insertion in
 * every operation (copies, unions, intersections ...), because programs
 * print their sets and the order shows.
 */
#include <string.h>
#include "rt_internal.h"

#define MINSIZE       8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

enum { UNUSED, ACTIVE, DUMMY };

static const ac_type *key_type(const ac_set *s) { return s->type->elems[0]; }

static ac_set_entry *new_table(int64_t size) {
    ac_set_entry *t = rt_malloc(sizeof *t * (size_t)size);
    memset(t, 0, sizeof *t * (size_t)size);
    return t;
}

ac_set *ac_set_new(const ac_type *t) {
    ac_set *s = rt_gc_alloc(sizeof *s, rt_gc_type_refs(t->elems[0]));
    s->h.rc = 1;
    s->h.kind = t->kind;
    s->type = t;
    s->fill = s->used = s->finger = 0;
    s->mask = MINSIZE - 1;
    s->table = new_table(MINSIZE);
    return s;
}

void rt_set_free(ac_obj *o) {
    ac_set *s = (ac_set *)o;
    int64_t i;
    for (i = 0; i <= s->mask; i++)
        if (s->table[i].state == ACTIVE) ac_val_decref(s->table[i].key, key_type(s));
    rt_free(s->table);
    rt_gc_free(s);
}

void rt_set_gc_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_set *s = (ac_set *)o;
    int64_t i;
    if (key_type(s)->kind < AC_K_STR) return;
    for (i = 0; i <= s->mask; i++)
        if (s->table[i].state == ACTIVE) fn(s->table[i].key.p, arg);
}

/* Empty in place (clear_table allocates; the collector must not). */
void rt_set_gc_clear(ac_obj *o) {
    ac_set *s = (ac_set *)o;
    int64_t i;
    s->fill = s->used = 0;
    for (i = 0; i <= s->mask; i++) {
        int active = s->table[i].state == ACTIVE;
        s->table[i].state = UNUSED;
        if (active) ac_val_decref(s->table[i].key, key_type(s));
    }
}

int64_t ac_set_len(const ac_set *s) { return s->used; }

/* A slot for a key known to be absent, in a table without dummies. */
static void insert_clean(ac_set_entry *table, int64_t mask, ac_val key, int64_t hash) {
    uint64_t perturb = (uint64_t)hash, i = (uint64_t)hash & (uint64_t)mask;
    ac_set_entry *e;
    for (;;) {
        e = &table[i];
        if (e->state == UNUSED) goto found;
        if (i + LINEAR_PROBES <= (uint64_t)mask) {
            int j;
            for (j = 0; j < LINEAR_PROBES; j++) {
                e++;
                if (e->state == UNUSED) goto found;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & (uint64_t)mask;
    }
found:
    e->state = ACTIVE;
    e->key = key;
    e->hash = hash;
}

static void resize(ac_set *s, int64_t minused) {
    int64_t size = MINSIZE, i, oldmask = s->mask;
    ac_set_entry *old = s->table;
    while (size <= minused) size <<= 1;
    if (size == MINSIZE && oldmask == MINSIZE - 1 && s->fill == s->used) return;
    s->table = new_table(size);
    s->mask = size - 1;
    for (i = 0; i <= oldmask; i++)
        if (old[i].state == ACTIVE) insert_clean(s->table, s->mask, old[i].key, old[i].hash);
    s->fill = s->used;
    rt_free(old);
}

/* The active slot holding key, or NULL (also after an error). */
static ac_set_entry *lookup(const ac_set *s, ac_val key, int64_t hash) {
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    const ac_type *t = key_type(s);
    for (;;) {
        ac_set_entry *e = &s->table[i];
        int probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->state == UNUSED) return NULL;
            if (e->state == ACTIVE && e->hash == hash) {
                if (ac_val_eq(e->key, key, t)) return e;
                if (ac_err) return NULL;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

/* CPython's set_add_entry: the last dummy on the probe path is reused
 * when the key is absent. */
static void add_entry(ac_set *s, ac_val key, int64_t hash) {
    uint64_t mask = (uint64_t)s->mask, perturb = (uint64_t)hash;
    uint64_t i = (uint64_t)hash & mask;
    const ac_type *t = key_type(s);
    ac_set_entry *free_slot = NULL, *e;
    for (;;) {
        int probes;
        e = &s->table[i];
        probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
        do {
            if (e->state == UNUSED) goto unused;
            if (e->state == ACTIVE && e->hash == hash) {
                if (ac_val_eq(e->key, key, t)) {
                    ac_val_decref(key, t);
                    return;
                }
                if (ac_err) {
                    ac_val_decref(key, t);
                    return;
                }
            } else if (e->state == DUMMY) {
                free_slot = e;
            }
            e++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
unused:
    if (free_slot) {
        free_slot->state = ACTIVE;
        free_slot->key = key;
        free_slot->hash = hash;
        s->used++;
        return;
    }
    e->state = ACTIVE;
    e->key = key;
    e->hash = hash;
    s->fill++;
    s->used++;
    if ((uint64_t)s->fill * 5 < mask * 3) return;
    resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

void ac_set_add(ac_set *s, ac_val key) {
    int64_t h = ac_val_hash(key, key_type(s));
    if (ac_err) {
        ac_val_decref(key, key_type(s));
        return;
    }
    add_entry(s, key, h);
}

int ac_set_contains(const ac_set *s, ac_val key) {
    int64_t h = ac_val_hash(key, key_type(s));
    if (ac_err) return 0;
    return lookup(s, key, h) != NULL;
}

/* 1 when the key was there */
static int discard_entry(ac_set *s, ac_val key, int64_t hash) {
    ac_set_entry *e = lookup(s, key, hash);
    if (!e) return 0;
    e->state = DUMMY;
    e->hash = -1;
    s->used--;
    ac_val_decref(e->key, key_type(s));
    return 1;
}

static int discard(ac_set *s, ac_val key) {
    int64_t h = ac_val_hash(key, key_type(s));
    if (ac_err) return 0;
    return discard_entry(s, key, h);
}

void ac_set_discard(ac_set *s, ac_val key) { discard(s, key); }

void ac_set_remove(ac_set *s, ac_val key) {
    if (!discard(s, key) && !ac_err) { rt_key_error(key, key_type(s)); }
}

ac_val ac_set_pop(ac_set *s) {
    ac_set_entry *e = s->table + (s->finger & s->mask), *limit = s->table + s->mask;
    ac_val v;
    if (s->used == 0) {
        static ac_str msg = {{AC_IMMORTAL, AC_K_STR}, 21, 21, "pop from an empty set"};
        rt_key_error(ac_ptr_val(&msg), &ac_t_str);
        v.i = 0;
        return v;
    }
    while (e->state != ACTIVE) {
        e++;
        if (e > limit) e = s->table;
    }
    v = e->key;
    e->state = DUMMY;
    e->hash = -1;
    s->used--;
    s->finger = e - s->table + 1;
    return v;
}

static void clear_table(ac_set *s) {
    int64_t i;
    ac_set_entry *old = s->table;
    int64_t oldmask = s->mask;
    s->table = new_table(MINSIZE);
    s->mask = MINSIZE - 1;
    s->fill = s->used = 0;
    for (i = 0; i <= oldmask; i++)
        if (old[i].state == ACTIVE) ac_val_decref(old[i].key, key_type(s));
    rt_free(old);
}

void ac_set_clear(ac_set *s) { clear_table(s); }

static ac_set *checked(ac_set *r);

static void add_ref(ac_set *s, ac_val key, int64_t hash) {
    ac_val_incref(key, key_type(s));
    add_entry(s, key, hash);
}

/* CPython's set_merge: one resize up front, then a straight copy of the
 * slots or clean inserts when the target is empty. */
static void merge(ac_set *s, const ac_set *o) {
    int64_t i;
    const ac_type *t = key_type(s);
    if (o == s || o->used == 0) return;
    if ((s->fill + o->used) * 5 >= s->mask * 3) resize(s, (s->used + o->used) * 2);
    if (s->fill == 0 && s->mask == o->mask && o->fill == o->used) {
        for (i = 0; i <= o->mask; i++)
            if (o->table[i].state == ACTIVE) {
                s->table[i] = o->table[i];
                ac_val_incref(o->table[i].key, t);
            }
        s->fill = o->fill;
        s->used = o->used;
        return;
    }
    if (s->fill == 0) {
        s->fill = s->used = o->used;
        for (i = 0; i <= o->mask; i++)
            if (o->table[i].state == ACTIVE) {
                ac_val_incref(o->table[i].key, t);
                insert_clean(s->table, s->mask, o->table[i].key, o->table[i].hash);
            }
        return;
    }
    for (i = 0; i <= o->mask && !ac_err; i++)
        if (o->table[i].state == ACTIVE) add_ref(s, o->table[i].key, o->table[i].hash);
}

ac_set *ac_set_from_set(const ac_type *t, const ac_set *o) {
    ac_set *s = ac_set_new(t);
    merge(s, o);
    return s;
}

ac_set *ac_set_from_list(const ac_type *t, const ac_list *l) {
    ac_set *s = ac_set_new(t);
    int64_t i;
    for (i = 0; i < l->len; i++) {
        ac_val_incref(l->items[i], l->elem);
        ac_set_add(s, l->items[i]);
        if (ac_err) {
            ac_decref(s);
            return NULL;
        }
    }
    return s;
}

/* A set display of three or more constants: CPython's compiler folds the
 * items into a frozenset constant (built by adding them in order, then
 * rebuilt by iterating it when constants are merged), and the display is
 * an empty set updated from that constant. */
ac_set *ac_set_const(const ac_type *t, int64_t n, const ac_val *items) {
    ac_set *first = ac_set_new(t), *second = ac_set_new(t), *r = ac_set_new(t);
    int64_t i;
    for (i = 0; i < n; i++) ac_set_add(first, items[i]);
    for (i = 0; i <= first->mask; i++)
        if (first->table[i].state == ACTIVE) {
            ac_val_incref(first->table[i].key, key_type(first));
            ac_set_add(second, first->table[i].key);
        }
    merge(r, second);
    ac_decref(first);
    ac_decref(second);
    return checked(r);
}

static ac_set *checked(ac_set *r) {
    if (ac_err) {
        ac_decref(r);
        return NULL;
    }
    return r;
}

/* The named operations with a list argument work item by item, in the
 * list's order, as CPython's do with any iterable that is not a set. */
void ac_set_update_list(ac_set *s, const ac_list *l) {
    int64_t i;
    for (i = 0; i < l->len && !ac_err; i++) {
        ac_val_incref(l->items[i], key_type(s));
        ac_set_add(s, l->items[i]);
    }
}

ac_set *ac_set_list_op(const ac_set *s, const ac_list *l, int op) {
    ac_set *r;
    int64_t i;
    switch (op) {
    case 0: /* union: a copy, then each item added */
        r = ac_set_from_set(s->type, s);
        ac_set_update_list(r, l);
        return checked(r);
    case 1: /* intersection: the items of l that s holds, in l's order */
        r = ac_set_new(s->type);
        for (i = 0; i < l->len && !ac_err; i++)
            if (ac_set_contains(s, l->items[i])) {
                ac_val_incref(l->items[i], key_type(s));
                ac_set_add(r, l->items[i]);
            }
        return checked(r);
    case 2: /* difference: a copy, each item discarded, dummies purged */
        r = ac_set_from_set(s->type, s);
        for (i = 0; i < l->len && !ac_err; i++) ac_set_discard(r, l->items[i]);
        if (!ac_err && r->fill - r->used > r->mask / 4) resize(r, r->used > 50000 ? r->used * 2 : r->used * 4);
        return checked(r);
    default: /* symmetric difference: set(l), updated from s */
        r = ac_set_from_list(s->type, l);
        if (r) ac_set_ixor(r, s);
        return r ? checked(r) : NULL;
    }
}

ac_set *ac_set_or(const ac_set *a, const ac_set *b) {
    ac_set *r = ac_set_from_set(a->type, a);
    merge(r, b);
    return checked(r);
}

void ac_set_ior(ac_set *a, const ac_set *b) { merge(a, b); }

/* Walks the smaller set, adding what the larger one holds. */
static ac_set *intersection(const ac_set *a, const ac_set *b) {
    ac_set *r = ac_set_new(a->type);
    const ac_set *small = b, *big = a;
    int64_t i;
    if (a == b) return ac_set_from_set(a->type, a);
    if (b->used > a->used) {
        small = a;
        big = b;
    }
    for (i = 0; i <= small->mask && !ac_err; i++) {
        const ac_set_entry *e = &small->table[i];
        if (e->state == ACTIVE && lookup(big, e->key, e->hash)) add_ref(r, e->key, e->hash);
    }
    return checked(r);
}

ac_set *ac_set_and(const ac_set *a, const ac_set *b) { return intersection(a, b); }

static void swap_bodies(ac_set *a, ac_set *b) {
    ac_set tmp = *a;
    a->fill = b->fill;
    a->used = b->used;
    a->mask = b->mask;
    a->table = b->table;
    a->finger = b->finger;
    b->fill = tmp.fill;
    b->used = tmp.used;
    b->mask = tmp.mask;
    b->table = tmp.table;
    b->finger = tmp.finger;
}

void ac_set_iand(ac_set *a, const ac_set *b) {
    ac_set *r = intersection(a, b);
    if (!r) return;
    swap_bodies(a, r);
    ac_decref(r);
}

void ac_set_isub(ac_set *a, const ac_set *b) {
    int64_t i;
    if (a == b) {
        clear_table(a);
        return;
    }
    for (i = 0; i <= b->mask && !ac_err; i++)
        if (b->table[i].state == ACTIVE) discard_entry(a, b->table[i].key, b->table[i].hash);
    /* more than a quarter dummies: rebuild without them */
    if (a->fill - a->used <= a->mask / 4) return;
    resize(a, a->used > 50000 ? a->used * 2 : a->used * 4);
}

ac_set *ac_set_sub(const ac_set *a, const ac_set *b) {
    ac_set *r;
    int64_t i;
    if ((a->used >> 2) > b->used) { /* copy, then remove b's keys */
        r = ac_set_from_set(a->type, a);
        ac_set_isub(r, b);
        return checked(r);
    }
    r = ac_set_new(a->type);
    for (i = 0; i <= a->mask && !ac_err; i++) {
        const ac_set_entry *e = &a->table[i];
        if (e->state == ACTIVE && !lookup(b, e->key, e->hash) && !ac_err) add_ref(r, e->key, e->hash);
    }
    return checked(r);
}

void ac_set_ixor(ac_set *a, const ac_set *b) {
    int64_t i;
    if (a == b) {
        clear_table(a);
        return;
    }
    for (i = 0; i <= b->mask && !ac_err; i++) {
        const ac_set_entry *e = &b->table[i];
        if (e->state == ACTIVE && !discard_entry(a, e->key, e->hash) && !ac_err) add_ref(a, e->key, e->hash);
    }
}

/* CPython copies b and updates the copy with a */
ac_set *ac_set_xor(const ac_set *a, const ac_set *b) {
    ac_set *r = ac_set_from_set(a->type, b);
    ac_set_ixor(r, a);
    return checked(r);
}

int ac_set_le(const ac_set *a, const ac_set *b) {
    int64_t i;
    if (a->used > b->used) return 0;
    for (i = 0; i <= a->mask; i++)
        if (a->table[i].state == ACTIVE && !lookup(b, a->table[i].key, a->table[i].hash)) return 0;
    return 1;
}

int ac_set_eq(const ac_set *a, const ac_set *b) { return a->used == b->used && ac_set_le(a, b); }

int ac_set_lt(const ac_set *a, const ac_set *b) { return a->used < b->used && ac_set_le(a, b); }

int ac_set_isdisjoint(const ac_set *a, const ac_set *b) {
    const ac_set *small = a->used <= b->used ? a : b, *big = small == a ? b : a;
    int64_t i;
    for (i = 0; i <= small->mask; i++)
        if (small->table[i].state == ACTIVE && lookup(big, small->table[i].key, small->table[i].hash)) return 0;
    return 1;
}

int ac_set_next(const ac_set *s, int64_t *pos, ac_val *key) {
    int64_t i = *pos;
    while (i <= s->mask && s->table[i].state != ACTIVE) i++;
    if (i > s->mask) {
        *pos = i;
        return 0;
    }
    *key = s->table[i].key;
    *pos = i + 1;
    return 1;
}

ac_list *ac_set_to_list(const ac_set *s) {
    ac_list *l = ac_list_new(key_type(s), 0, NULL);
    int64_t pos = 0;
    ac_val k;
    while (ac_set_next(s, &pos, &k)) {
        ac_val_incref(k, key_type(s));
        ac_list_append(l, k);
    }
    return l;
}

/* CPython's frozenset hash: the xor of the shuffled hashes of the items
 * (independent of their order), mixed with the size. */
static uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747u) ^ (h << 16)) * 3644798167u; }

int64_t rt_frozenset_hash(const ac_set *fs) {
    uint64_t h = 0;
    int64_t i;
    for (i = 0; i <= fs->mask; i++)
        if (fs->table[i].state == ACTIVE) h ^= shuffle_bits((uint64_t)fs->table[i].hash);
    h ^= ((uint64_t)fs->used + 1) * 1927868237u;
    h ^= (h >> 11) ^ (h >> 25);
    h = h * 69069u + 907133923u;
    if (h == (uint64_t)-1) h = 590923713u;
    return (int64_t)h;
}

/* {1, 2}, set(), frozenset({1, 2}), frozenset() */
void rt_set_repr(rt_buf *b, const ac_set *s) {
    int64_t pos = 0, n = 0;
    ac_val k;
    int frozen = s->h.kind == AC_K_FROZENSET;
    if (s->used == 0) {
        rt_buf_puts(b, frozen ? "frozenset()" : "set()");
        return;
    }
    if (frozen) rt_buf_puts(b, "frozenset(");
    rt_buf_putc(b, '{');
    while (ac_set_next(s, &pos, &k)) {
        if (n++) rt_buf_puts(b, ", ");
        rt_buf_repr(b, k, key_type(s));
    }
    rt_buf_putc(b, '}');
    if (frozen) rt_buf_putc(b, ')');
}

/* Steps of s.union(a, b, ...) and set.union(*sets) (op 0..2: union,
 * intersection, difference), one set at a time as CPython does. */
static void fold_into(ac_set *r, const ac_list *sets, int64_t from, int op) {
    int64_t i;
    for (i = from; i < sets->len && !ac_err; i++) {
        const ac_set *o = (const ac_set *)sets->items[i].p;
        if (op == 0)
            ac_set_ior(r, o);
        else if (op == 1)
            ac_set_iand(r, o);
        else
            ac_set_isub(r, o);
    }
}

ac_set *ac_set_fold(const ac_set *s, const ac_list *sets, int op, const char *name) {
    int64_t from = 0;
    ac_set *r;
    if (!s) { /* set.union(*sets): the first one is the receiver */
        if (sets->len == 0) {
            ac_raise_msg(&ac_cls_TypeError, "unbound method set.%s() needs an argument", name);
            return NULL;
        }
        s = (const ac_set *)sets->items[0].p;
        from = 1;
    }
    r = ac_set_from_set(s->type, s);
    if (!r) return NULL;
    fold_into(r, sets, from, op);
    return checked(r);
}

void ac_set_fold_update(ac_set *s, const ac_list *sets) { fold_into(s, sets, 0, 0); }
