/*
 * rt_dyn.c -- `object`: boxed dynamic values and the operations that
 * dispatch on what they hold at run time (asyncc_rt.h describes the
 * representation).  Every operation first reduces its operands to
 * (value, descriptor) pairs whose descriptor is never AC_K_OBJECT, then
 * follows CPython's rules for the pair of kinds, with CPython's TypeError
 * messages where the kinds do not support it.
 */
#include <math.h>
#include <string.h>
#include "rt_internal.h"

ac_obj ac_None = {AC_IMMORTAL, AC_K_NONE};

/* Descriptors for what an object can hold whose element types the object
 * itself carries (a list's elem) or that nothing reads (a task's). */
static const ac_type any_list = {AC_K_LIST, 0, NULL};
static const ac_type any_task = {AC_K_TASK, 0, NULL};
static const ac_type any_gen = {AC_K_GEN, 0, NULL};

static ac_box box_true = {{AC_IMMORTAL, AC_K_BOX}, &ac_t_bool, {1}};
static ac_box box_false = {{AC_IMMORTAL, AC_K_BOX}, &ac_t_bool, {0}};

/* The ints CPython caches too: boxing a counter or an index allocates
 * nothing. */
#define SMALL_MIN (-5)
#define SMALL_MAX 256
static ac_box small_ints[SMALL_MAX - SMALL_MIN + 1];
static int small_ready;

static void small_init(void) {
    int i;
    for (i = 0; i <= SMALL_MAX - SMALL_MIN; i++) {
        small_ints[i].h.rc = AC_IMMORTAL;
        small_ints[i].h.kind = AC_K_BOX;
        small_ints[i].type = &ac_t_int;
        small_ints[i].v.i = i + SMALL_MIN;
    }
    small_ready = 1;
}

/* ---- boxing and unboxing --------------------------------------------- */

ac_obj *ac_obj_int(int64_t i) {
    if (i >= SMALL_MIN && i <= SMALL_MAX) {
        if (AC_UNLIKELY(!small_ready)) small_init();
        return &small_ints[i - SMALL_MIN].h;
    }
    return &ac_box_new(&ac_t_int, ac_int_val(i))->h;
}

ac_obj *ac_obj_float(double f) { return &ac_box_new(&ac_t_float, ac_float_val(f))->h; }
ac_obj *ac_obj_bool(int b) { return b ? &box_true.h : &box_false.h; }

ac_obj *ac_obj_from(ac_val v, const ac_type *t) {
    switch (t->kind) {
    case AC_K_NONE: return &ac_None;
    case AC_K_BOOL: return ac_obj_bool(v.i != 0);
    case AC_K_INT: return ac_obj_int(v.i);
    case AC_K_FLOAT: return ac_obj_float(v.f);
    default: return v.p; /* heap objects (and objects) are themselves */
    }
}

const ac_type *ac_obj_unwrap(const ac_obj *o, ac_val *v) {
    v->p = (void *)o;
    if (!o) {
        v->i = 0;
        return &ac_t_none;
    }
    switch (o->kind) {
    case AC_K_BOX: *v = ((const ac_box *)o)->v; return ((const ac_box *)o)->type;
    case AC_K_NONE: v->i = 0; return &ac_t_none;
    case AC_K_STR: return &ac_t_str;
    case AC_K_LIST: return &any_list;
    case AC_K_TUPLE: return ((const ac_tuple *)o)->type;
    case AC_K_EXC: return &ac_t_exc;
    case AC_K_INST: return &ac_t_inst;
    case AC_K_DICT: return ((const ac_dict *)o)->type;
    case AC_K_SET:
    case AC_K_FROZENSET: return ((const ac_set *)o)->type;
    case AC_K_DICTVIEW: {
        static const ac_type view_t = {AC_K_DICTVIEW, 0, NULL};
        return &view_t;
    }
    case AC_K_GEN: return &any_gen;
    case AC_K_TIO: return &ac_t_tio;
    case AC_K_FN: return &ac_t_fn;
    case AC_K_SYNC: return &ac_t_sync; /* a loop callback's Handle in an exception handler's context */
    default: return &any_task;
    }
}

/* A (value, descriptor) pair with anything boxed looked into. */
static const ac_type *norm(ac_val *v, const ac_type *t) {
    while (t->kind == AC_K_OBJECT) t = ac_obj_unwrap(v->p, v);
    return t;
}

/* type(x).__name__ */
static const char *tname(ac_val v, const ac_type *t) {
    if (t->kind == AC_K_EXC) return ((const ac_exc *)v.p)->cls->name;
    if (t->kind == AC_K_INST) return ((const ac_inst *)v.p)->cls->name;
    return rt_type_name(t);
}

static const char *obj_tname(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    return tname(v, t);
}

static int same_type(const ac_type *a, const ac_type *b) {
    int i;
    if (a == b) return 1;
    if (a->kind != b->kind || a->n != b->n) return 0;
    for (i = 0; i < a->n; i++)
        if (!same_type(a->elems[i], b->elems[i])) return 0;
    return 1;
}

/* "list[int]", "tuple[str, float]" */
static void put_type(rt_buf *b, const ac_type *t) {
    int i;
    rt_buf_puts(b, t->kind == AC_K_OBJECT ? "object" : rt_type_name(t));
    if (!t->n || t->kind == AC_K_OBJECT) return;
    rt_buf_putc(b, '[');
    for (i = 0; i < t->n; i++) {
        if (i) rt_buf_puts(b, ", ");
        put_type(b, t->elems[i]);
    }
    rt_buf_putc(b, ']');
}

static void unbox_error(const ac_type *want, const ac_obj *o) {
    rt_buf b = {NULL, 0, 0};
    ac_str *s;
    rt_buf_puts(&b, "expected ");
    put_type(&b, want);
    rt_buf_puts(&b, ", got ");
    if (o && o->kind == AC_K_LIST) {
        ac_type l = {AC_K_LIST, 1, NULL};
        const ac_type *e[1];
        e[0] = ((const ac_list *)o)->elem;
        l.elems = e;
        put_type(&b, &l);
    } else {
        rt_buf_puts(&b, obj_tname(o));
    }
    s = rt_buf_finish(&b);
    ac_raise_str(&ac_cls_TypeError, s);
    ac_decref(s);
}

int64_t ac_obj_as_int(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) return v.i;
    unbox_error(&ac_t_int, o);
    return 0;
}

double ac_obj_as_float(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_FLOAT) return v.f;
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) return (double)v.i;
    unbox_error(&ac_t_float, o);
    return 0.0;
}

int ac_obj_as_bool(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_BOOL) return (int)v.i;
    unbox_error(&ac_t_bool, o);
    return 0;
}

void *ac_obj_as_ptr(const ac_obj *o, const ac_type *t) {
    int ok;
    if (t->kind == AC_K_OBJECT) return (void *)o;
    ok = o && (uint32_t)t->kind == o->kind;
    if (ok && t->kind == AC_K_LIST && t->n) {
        ac_list *l = (ac_list *)o;
        /* an empty list nobody else holds (gather() of nothing) can still
         * become a list of anything */
        if (l->len == 0 && l->h.rc == 1 && l->elem->kind == AC_K_OBJECT) l->elem = t->elems[0];
        ok = same_type(l->elem, t->elems[0]);
    } else if (ok && t->kind == AC_K_TUPLE)
        ok = same_type(((const ac_tuple *)o)->type, t);
    if (ok) return (void *)o;
    unbox_error(t, o);
    return NULL;
}

/* An object as a value of type t (a new reference for objects), for the
 * runtime's own stores into typed containers; -1 with TypeError. */
int rt_dyn_to_val(const ac_obj *o, const ac_type *t, ac_val *out) {
    switch (t->kind) {
    case AC_K_OBJECT:
        ac_incref((void *)o);
        out->p = (void *)o;
        return 0;
    case AC_K_INT: out->i = ac_obj_as_int(o); break;
    case AC_K_BOOL: out->i = ac_obj_as_bool(o); break;
    case AC_K_FLOAT: out->f = ac_obj_as_float(o); break;
    case AC_K_NONE:
        out->i = 0;
        if (o && o->kind != AC_K_NONE) unbox_error(t, o);
        break;
    default: out->p = ac_obj_as_ptr(o, t); ac_incref(out->p);
    }
    return ac_err ? -1 : 0;
}

/* ---- equality and ordering ------------------------------------------- */

static int is_num(const ac_type *t) { return t->kind == AC_K_INT || t->kind == AC_K_BOOL || t->kind == AC_K_FLOAT; }

/* -1, 0, 1, or 2 when unordered (a NaN); ints against floats exactly. */
static int int_float_cmp(int64_t i, double f) {
    double fl;
    int64_t fi;
    if (isnan(f)) return 2;
    if (f >= 9223372036854775808.0) return -1;
    if (f < -9223372036854775808.0) return 1;
    fl = floor(f);
    fi = (int64_t)fl;
    if (i != fi) return i < fi ? -1 : 1;
    return f > fl ? -1 : 0;
}

static int num_cmp(ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    int fa = ta->kind == AC_K_FLOAT, fb = tb->kind == AC_K_FLOAT;
    if (!fa && !fb) return (a.i > b.i) - (a.i < b.i);
    if (fa && fb) {
        if (isnan(a.f) || isnan(b.f)) return 2;
        return (a.f > b.f) - (a.f < b.f);
    }
    if (fb) return int_float_cmp(a.i, b.f);
    {
        int c = int_float_cmp(b.i, a.f);
        return c == 2 ? 2 : -c;
    }
}

static int eq2(ac_val a, const ac_type *ta, ac_val b, const ac_type *tb);

/* Item i of a list or tuple, with its descriptor (borrowed). */
static const ac_type *seq_item(ac_val s, const ac_type *t, int64_t i, ac_val *v) {
    if (t->kind == AC_K_LIST) {
        const ac_list *l = s.p;
        *v = l->items[i];
        return norm(v, l->elem);
    }
    *v = ((const ac_tuple *)s.p)->items[i];
    return norm(v, ((const ac_tuple *)s.p)->type->elems[i]);
}

static int64_t seq_len(ac_val s, const ac_type *t) {
    return t->kind == AC_K_LIST ? ((const ac_list *)s.p)->len : ((const ac_tuple *)s.p)->type->n;
}

/* The first index where two sequences differ, or the shorter length. */
static int64_t first_diff(ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    int64_t na = seq_len(a, ta), nb = seq_len(b, tb), i;
    for (i = 0; i < na && i < nb; i++) {
        ac_val x, y;
        const ac_type *tx = seq_item(a, ta, i, &x), *ty = seq_item(b, tb, i, &y);
        if (!eq2(x, tx, y, ty)) break;
    }
    return i;
}

static int eq2(ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    ta = norm(&a, ta);
    tb = norm(&b, tb);
    if (is_num(ta) && is_num(tb)) return num_cmp(a, ta, b, tb) == 0;
    if (ta->kind != tb->kind) return 0;
    switch (ta->kind) {
    case AC_K_NONE: return 1;
    case AC_K_STR: return ac_str_eq(a.p, b.p);
    case AC_K_LIST:
    case AC_K_TUPLE: {
        int64_t n = seq_len(a, ta);
        if (a.p == b.p) return 1;
        return n == seq_len(b, tb) && first_diff(a, ta, b, tb) == n;
    }
    case AC_K_DICT: return ac_dict_eq(a.p, b.p);
    case AC_K_SET:
    case AC_K_FROZENSET: return ac_set_eq(a.p, b.p);
    case AC_K_INST: return ac_inst_eq(a.p, b.p);
    default: return a.p == b.p; /* exceptions, tasks: identity */
    }
}

static const char *const op_names[] = {"+", "-", "*",  "/", "//", "%",  "** or pow()", "<<", ">>", "&", "|",
                                       "^", "<", "<=", ">", ">=", "==", "!=",          "-",  "+",  "~"};

static int apply_order(int op, int c) {
    switch (op) {
    case AC_OP_LT: return c == -1;
    case AC_OP_LE: return c == -1 || c == 0;
    case AC_OP_GT: return c == 1;
    default: return c == 1 || c == 0;
    }
}

/* a OP b for the four orderings; TypeError when the kinds have none. */
static int order2(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    ta = norm(&a, ta);
    tb = norm(&b, tb);
    if (is_num(ta) && is_num(tb)) return apply_order(op, num_cmp(a, ta, b, tb));
    if (ta->kind == AC_K_STR && tb->kind == AC_K_STR) {
        int c = ac_str_cmp(a.p, b.p);
        return apply_order(op, (c > 0) - (c < 0));
    }
    if ((ta->kind == AC_K_LIST || ta->kind == AC_K_TUPLE) && ta->kind == tb->kind) {
        int64_t i = first_diff(a, ta, b, tb), na = seq_len(a, ta), nb = seq_len(b, tb);
        if (i < na && i < nb) {
            ac_val x, y;
            const ac_type *tx = seq_item(a, ta, i, &x), *ty = seq_item(b, tb, i, &y);
            return order2(op, x, tx, y, ty);
        }
        return apply_order(op, (na > nb) - (na < nb));
    }
    if (ta->kind == AC_K_INST && tb->kind == AC_K_INST && ((const ac_inst *)a.p)->cls->lt) {
        int c = ac_inst_cmp(a.p, b.p);
        return ac_err ? 0 : apply_order(op, c);
    }
    ac_raise_msg(&ac_cls_TypeError, "'%s' not supported between instances of '%s' and '%s'", op_names[op], tname(a, ta),
                 tname(b, tb));
    return 0;
}

int rt_val_eq2(ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) { return eq2(a, ta, b, tb); }
int rt_val_order2(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) { return order2(op, a, ta, b, tb); }

int ac_obj_eq(const ac_obj *a, const ac_obj *b) {
    return eq2(ac_ptr_val((void *)a), &ac_t_object, ac_ptr_val((void *)b), &ac_t_object);
}

int ac_obj_compare(int op, const ac_obj *a, const ac_obj *b) {
    if (op == AC_OP_EQ) return ac_obj_eq(a, b);
    if (op == AC_OP_NE) return !ac_obj_eq(a, b);
    return order2(op, ac_ptr_val((void *)a), &ac_t_object, ac_ptr_val((void *)b), &ac_t_object);
}

/* list[object] and tuples holding objects: rt_list.c's generic equality
 * and three-way comparison come here.  The first comparison asked is
 * a < b, the one CPython's sort and min() make, so the first error names
 * the same pair of types. */
int rt_dyn_val_eq(ac_val a, ac_val b) { return eq2(a, &ac_t_object, b, &ac_t_object); }

int rt_dyn_val_cmp(ac_val a, ac_val b) {
    if (order2(AC_OP_LT, a, &ac_t_object, b, &ac_t_object)) return -1;
    if (ac_err) return 0;
    if (order2(AC_OP_LT, b, &ac_t_object, a, &ac_t_object)) return 1;
    return 0;
}

/* ---- hash ------------------------------------------------------------ */

#define HASH_BITS 61
#define HASH_MOD  (((uint64_t)1 << HASH_BITS) - 1)

static int64_t fix_hash(int64_t h) { return h == -1 ? -2 : h; }

static int64_t hash_int(int64_t i) {
    uint64_t u = i < 0 ? 0u - (uint64_t)i : (uint64_t)i;
    int64_t h = (int64_t)(u % HASH_MOD);
    return fix_hash(i < 0 ? -h : h);
}

/* CPython's _Py_HashDouble: the hash of the rational the double equals, so
 * that hash(2.0) == hash(2). */
static int64_t hash_float(double v) {
    int e, sign = 1;
    double m;
    uint64_t x = 0, y;
    if (isinf(v)) return v > 0 ? 314159 : -314159;
    if (isnan(v)) return 0;
    m = frexp(v, &e);
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    while (m) {
        x = ((x << 28) & HASH_MOD) | x >> (HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MOD) x -= HASH_MOD;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MOD) | x >> (HASH_BITS - e);
    return fix_hash((int64_t)x * sign);
}

static int64_t hash2(ac_val v, const ac_type *t);

/* CPython's tuple hash (xxHash's mixing of the item hashes); item i is
 * typed by types[i], or by types[0] for all (a tuple[T, ...]). */
static int64_t hash_items(int64_t n, const ac_val *items, const ac_type *const *types, int one_type) {
    const uint64_t p1 = 11400714785074694791ull, p2 = 14029467366897019727ull, p5 = 2870177450012600261ull;
    uint64_t acc = p5;
    int64_t i;
    for (i = 0; i < n; i++) {
        int64_t h = hash2(items[i], types[one_type ? 0 : i]);
        if (ac_err) return 0;
        acc += (uint64_t)h * p2;
        acc = (acc << 31) | (acc >> 33);
        acc *= p1;
    }
    acc += (uint64_t)n ^ (p5 ^ 3527539ull);
    if (acc == (uint64_t)-1) return 1546275796;
    return (int64_t)acc;
}

static int64_t hash_tuple(const ac_tuple *tu) { return hash_items(tu->type->n, tu->items, tu->type->elems, 0); }

static int64_t hash2(ac_val v, const ac_type *t) {
    t = norm(&v, t);
    switch (t->kind) {
    case AC_K_NONE: return 0x5f3759df;
    case AC_K_BOOL:
    case AC_K_INT: return hash_int(v.i);
    case AC_K_FLOAT: return hash_float(v.f);
    case AC_K_STR: { /* CPython's string hash differs per process anyway */
        const ac_str *s = v.p;
        uint64_t h = 14695981039346656037ull;
        int64_t i;
        for (i = 0; i < s->len; i++) h = (h ^ (unsigned char)s->s[i]) * 1099511628211ull;
        return fix_hash((int64_t)(h >> 1));
    }
    case AC_K_TUPLE: return hash_tuple(v.p);
    case AC_K_LIST:
        if (t->n == 2) /* tuple[T, ...] (tuple(x)): hashed as the tuple it is */
            return hash_items(((const ac_list *)v.p)->len, ((const ac_list *)v.p)->items, t->elems, 1);
        /* fall through */
    case AC_K_DICT:
    case AC_K_SET: ac_raise_msg(&ac_cls_TypeError, "unhashable type: '%s'", rt_type_name(t)); return 0;
    case AC_K_FROZENSET: return rt_frozenset_hash(v.p);
    case AC_K_INST: return ac_inst_hash(v.p);
    default: return fix_hash((int64_t)((uintptr_t)v.p >> 4));
    }
}

int64_t ac_val_hash(ac_val v, const ac_type *t) { return hash2(v, t); }

int64_t ac_obj_hash(const ac_obj *o) { return hash2(ac_ptr_val((void *)o), &ac_t_object); }

/* ---- truth, len, in, [], iteration ------------------------------------ */

int ac_obj_truth(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    switch (t->kind) {
    case AC_K_NONE: return 0;
    case AC_K_BOOL:
    case AC_K_INT: return v.i != 0;
    case AC_K_FLOAT: return v.f != 0.0;
    case AC_K_STR: return ((const ac_str *)v.p)->len != 0;
    case AC_K_LIST:
    case AC_K_TUPLE: return seq_len(v, t) != 0;
    default: return rt_is_container(t) ? rt_container_len(v, t) != 0 : 1;
    }
}

int64_t ac_obj_len(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_STR) return ((const ac_str *)v.p)->nchars;
    if (t->kind == AC_K_LIST || t->kind == AC_K_TUPLE) return seq_len(v, t);
    if (rt_is_container(t)) return rt_container_len(v, t);
    ac_raise_msg(&ac_cls_TypeError, "object of type '%s' has no len()", tname(v, t));
    return 0;
}

int ac_obj_contains(const ac_obj *container, const ac_obj *item) {
    ac_val v, x;
    const ac_type *t = ac_obj_unwrap(container, &v);
    const ac_type *tx = ac_obj_unwrap(item, &x);
    int64_t i, n;
    if (t->kind == AC_K_STR) {
        if (tx->kind == AC_K_STR) return ac_str_contains(v.p, x.p);
        ac_raise_msg(&ac_cls_TypeError, "'in <string>' requires string as left operand, not %s", tname(x, tx));
        return 0;
    }
    if (t->kind == AC_K_DICT || t->kind == AC_K_SET || t->kind == AC_K_FROZENSET) {
        ac_val k;
        if (!rt_obj_as_key(item, t->elems[0], &k)) return 0;
        return t->kind == AC_K_DICT ? ac_dict_contains(v.p, k) : ac_set_contains(v.p, k);
    }
    if (t->kind != AC_K_LIST && t->kind != AC_K_TUPLE) {
        ac_raise_msg(&ac_cls_TypeError, "argument of type '%s' is not iterable", tname(v, t));
        return 0;
    }
    n = seq_len(v, t);
    for (i = 0; i < n; i++) {
        ac_val y;
        const ac_type *ty = seq_item(v, t, i, &y);
        if (eq2(y, ty, x, tx)) return 1;
    }
    return 0;
}

/* Item i of a list or tuple as an object (new reference). */
static ac_obj *item_obj(ac_val s, const ac_type *t, int64_t i) {
    const ac_type *et;
    ac_val v;
    if (t->kind == AC_K_LIST) {
        v = ((const ac_list *)s.p)->items[i];
        et = ((const ac_list *)s.p)->elem;
    } else {
        v = ((const ac_tuple *)s.p)->items[i];
        et = ((const ac_tuple *)s.p)->type->elems[i];
    }
    ac_val_incref(v, et);
    return ac_obj_from(v, et);
}

ac_obj *ac_obj_getitem(const ac_obj *o, const ac_obj *index) {
    ac_val v, x;
    const ac_type *t = ac_obj_unwrap(o, &v);
    const ac_type *tx = ac_obj_unwrap(index, &x);
    int64_t i, n;
    const char *what = t->kind == AC_K_STR ? "string" : t->kind == AC_K_LIST ? "list" : "tuple";
    if (t->kind == AC_K_DICT) {
        ac_val k, r;
        if (!rt_obj_as_key(index, t->elems[0], &k)) {
            rt_key_error(ac_ptr_val((void *)index), &ac_t_object);
            return NULL;
        }
        r = ac_dict_get(v.p, k);
        if (ac_err) return NULL;
        ac_val_incref(r, t->elems[1]);
        return ac_obj_from(r, t->elems[1]);
    }
    if (t->kind != AC_K_STR && t->kind != AC_K_LIST && t->kind != AC_K_TUPLE) {
        ac_raise_msg(&ac_cls_TypeError, "'%s' object is not subscriptable", tname(v, t));
        return NULL;
    }
    if (tx->kind != AC_K_INT && tx->kind != AC_K_BOOL) {
        if (t->kind == AC_K_STR)
            ac_raise_msg(&ac_cls_TypeError, "string indices must be integers, not '%s'", tname(x, tx));
        else
            ac_raise_msg(&ac_cls_TypeError, "%s indices must be integers or slices, not %s", what, tname(x, tx));
        return NULL;
    }
    if (t->kind == AC_K_STR) return (ac_obj *)ac_str_index(v.p, x.i);
    n = seq_len(v, t);
    i = x.i < 0 ? x.i + n : x.i;
    if (i < 0 || i >= n) {
        ac_raise_msg(&ac_cls_IndexError, "%s index out of range", what);
        return NULL;
    }
    return item_obj(v, t, i);
}

void ac_obj_iter_check(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind != AC_K_STR && t->kind != AC_K_LIST && t->kind != AC_K_TUPLE && t->kind != AC_K_DICT &&
        t->kind != AC_K_SET && t->kind != AC_K_FROZENSET)
        ac_raise_msg(&ac_cls_TypeError, "'%s' object is not iterable", tname(v, t));
}

ac_obj *ac_obj_next(const ac_obj *o, int64_t *pos) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_STR) return (ac_obj *)ac_str_next_char(v.p, pos);
    if (t->kind == AC_K_DICT || t->kind == AC_K_SET || t->kind == AC_K_FROZENSET) {
        ac_val k; /* the keys, in the container's order */
        int more = t->kind == AC_K_DICT ? ac_dict_next(v.p, pos, &k, NULL) : ac_set_next(v.p, pos, &k);
        if (!more) return NULL;
        ac_val_incref(k, t->elems[0]);
        return ac_obj_from(k, t->elems[0]);
    }
    if ((t->kind != AC_K_LIST && t->kind != AC_K_TUPLE) || *pos >= seq_len(v, t)) return NULL;
    return item_obj(v, t, (*pos)++);
}

/* list(o) of an iterable object: its items as objects (sorted(o)) */
ac_list *ac_obj_to_list(const ac_obj *o) {
    ac_list *l;
    ac_obj *x;
    int64_t pos = 0;
    ac_obj_iter_check(o);
    if (ac_err) return NULL;
    l = ac_list_new(&ac_t_object, 0, NULL);
    while ((x = ac_obj_next(o, &pos)) != NULL) {
        ac_list_append(l, ac_ptr_val(x));
    }
    return l;
}

/* ---- str, repr, format, isinstance, type ------------------------------ */

ac_str *ac_obj_str(const ac_obj *o) { return ac_str_of(ac_ptr_val((void *)o), &ac_t_object); }
ac_str *ac_obj_repr(const ac_obj *o) { return ac_repr_of(ac_ptr_val((void *)o), &ac_t_object); }

ac_str *ac_obj_format(const ac_obj *o, const ac_str *spec) {
    return ac_format(ac_ptr_val((void *)o), &ac_t_object, spec);
}

int ac_obj_isinstance(const ac_obj *o, int kind) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (kind == AC_K_OBJECT) return 1;
    if (kind == AC_K_INT) return t->kind == AC_K_INT || t->kind == AC_K_BOOL;
    return t->kind == kind;
}

int ac_obj_kind_in(const ac_obj *o, unsigned kinds) {
    ac_val v;
    return (int)((kinds >> ac_obj_unwrap(o, &v)->kind) & 1u);
}

int ac_obj_isinstance_exc(const ac_obj *o, const ac_class *cls) {
    return o && o->kind == AC_K_EXC && ac_exc_matches((const ac_exc *)o, cls);
}

ac_str *ac_obj_type_name(const ac_obj *o) { return ac_str_from_cstr(obj_tname(o)); }

/* ---- arithmetic ------------------------------------------------------- */

ac_obj *rt_unsupported(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    int inplace = op & AC_OP_INPLACE;
    op &= ~AC_OP_INPLACE;
    if (inplace) /* "for +=:", "for **=:" */
        ac_raise_msg(&ac_cls_TypeError, "unsupported operand type(s) for %.*s=: '%s' and '%s'",
                     op == AC_OP_POW ? 2 : (int)strlen(op_names[op]), op_names[op], tname(a, ta), tname(b, tb));
    else
        ac_raise_msg(&ac_cls_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op_names[op], tname(a, ta),
                     tname(b, tb));
    return NULL;
}

static ac_tag float_result(double r) { return ac_tag_float(ac_err ? 0.0 : r); }
static ac_tag int_result(int64_t r) { return ac_tag_int(ac_err ? 0 : r); }

/* a OP b of two numbers, unboxed: objects and tagged unions share it. */
ac_tag rt_num_binop(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    int fl = ta->kind == AC_K_FLOAT || tb->kind == AC_K_FLOAT, inplace = op & AC_OP_INPLACE;
    op &= ~AC_OP_INPLACE;
    if (op >= AC_OP_LSHIFT && op <= AC_OP_XOR) {
        if (fl) {
            rt_unsupported(op | inplace, a, ta, b, tb);
            return ac_tag_none();
        }
        if (op >= AC_OP_AND && ta->kind == AC_K_BOOL && tb->kind == AC_K_BOOL)
            return ac_tag_bool(op == AC_OP_AND ? (a.i & b.i) : op == AC_OP_OR ? (a.i | b.i) : (a.i ^ b.i));
    }
    if (fl) {
        double x = ta->kind == AC_K_FLOAT ? a.f : (double)a.i;
        double y = tb->kind == AC_K_FLOAT ? b.f : (double)b.i;
        switch (op) {
        case AC_OP_ADD: return ac_tag_float(x + y);
        case AC_OP_SUB: return ac_tag_float(x - y);
        case AC_OP_MUL: return ac_tag_float(x * y);
        case AC_OP_DIV: return float_result(ac_float_div(x, y));
        case AC_OP_FLOORDIV: return float_result(ac_float_floordiv(x, y));
        case AC_OP_MOD: return float_result(ac_float_mod(x, y));
        default: return float_result(ac_float_pow(x, y));
        }
    }
    switch (op) {
    case AC_OP_ADD: return int_result(ac_int_add(a.i, b.i));
    case AC_OP_SUB: return int_result(ac_int_sub(a.i, b.i));
    case AC_OP_MUL: return int_result(ac_int_mul(a.i, b.i));
    case AC_OP_DIV: return float_result(ac_int_truediv(a.i, b.i));
    case AC_OP_FLOORDIV: return int_result(ac_int_floordiv(a.i, b.i));
    case AC_OP_MOD: return int_result(ac_int_mod(a.i, b.i));
    case AC_OP_POW: /* a negative exponent makes a float, as in Python */
        if (b.i < 0) return float_result(ac_float_pow((double)a.i, (double)b.i));
        return int_result(ac_int_pow(a.i, b.i));
    case AC_OP_LSHIFT: return int_result(ac_int_lshift(a.i, b.i));
    case AC_OP_RSHIFT: return int_result(ac_int_rshift(a.i, b.i));
    case AC_OP_AND: return ac_tag_int(a.i & b.i);
    case AC_OP_OR: return ac_tag_int(a.i | b.i);
    default: return ac_tag_int(a.i ^ b.i);
    }
}

static ac_obj *num_binop(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    ac_tag r = rt_num_binop(op, a, ta, b, tb);
    return ac_err ? NULL : ac_obj_from(r.v, r.t);
}

/* list + list of different element types: a list of objects. */
static ac_list *concat_mixed(const ac_list *a, const ac_list *b) {
    ac_list *r = ac_list_new(&ac_t_object, 0, NULL);
    const ac_list *parts[2];
    int k;
    int64_t i;
    parts[0] = a;
    parts[1] = b;
    for (k = 0; k < 2; k++)
        for (i = 0; i < parts[k]->len; i++) {
            ac_val v = parts[k]->items[i];
            ac_val_incref(v, parts[k]->elem);
            ac_list_append(r, ac_ptr_val(ac_obj_from(v, parts[k]->elem)));
        }
    return r;
}

static int is_seq(const ac_type *t) { return t->kind == AC_K_STR || t->kind == AC_K_LIST || t->kind == AC_K_TUPLE; }

/* A tuple built at run time (slices, +, *) carries its own descriptor in
 * the same block, after the items: no compiler-emitted one fits it. */
static ac_tuple *tuple_alloc(int64_t n) {
    size_t items = sizeof(ac_tuple) + sizeof(ac_val) * (size_t)(n ? n - 1 : 0);
    ac_tuple *t;
    ac_type *d;
    if (n > 255) { /* a descriptor counts members in a byte */
        ac_raise_msg(&ac_cls_NotImplementedError, "tuples of more than 255 items are not supported");
        return NULL;
    }
    /* tracked from the start, its members None until the caller fills
     * them in: a collection meanwhile sees nothing to follow */
    t = rt_gc_alloc(items + sizeof(ac_type) + sizeof(ac_type *) * (size_t)(n ? n : 1), 1);
    d = (ac_type *)((char *)t + items);
    d->kind = AC_K_TUPLE;
    d->n = (uint8_t)n;
    d->elems = (const ac_type *const *)(d + 1);
    {
        int64_t i;
        for (i = 0; i < n; i++) ((const ac_type **)(d + 1))[i] = &ac_t_none;
    }
    t->h.rc = 1;
    t->h.kind = AC_K_TUPLE;
    t->type = d;
    return t;
}

/* member k of the new tuple r := member i of src (a new reference) */
static void tuple_take(ac_tuple *r, int64_t k, const ac_tuple *src, int64_t i) {
    const ac_type **el = (const ac_type **)(r->type + 1);
    el[k] = src->type->elems[i];
    r->items[k] = src->items[i];
    ac_val_incref(r->items[k], el[k]);
}

static ac_obj *tuple_concat(const ac_tuple *a, const ac_tuple *b, int64_t times) {
    int64_t na = a->type->n, nb = b ? b->type->n : 0, n, k, i = 0;
    ac_tuple *r;
    if (times < 0) times = 0;
    n = times > 255 ? 256 : (na + nb) * times; /* more than 255 fails below */
    if (!(r = tuple_alloc(n))) return NULL;
    for (k = 0; k < times; k++) {
        int64_t j;
        for (j = 0; j < na; j++) tuple_take(r, i++, a, j);
        for (j = 0; j < nb; j++) tuple_take(r, i++, b, j);
    }
    return &r->h;
}

static ac_obj *tuple_slice(const ac_tuple *s, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                           int64_t step) {
    int64_t n = rt_slice_indices(s->type->n, has_start, start, has_stop, stop, has_step, step, &start, &step), k;
    ac_tuple *r;
    if (n < 0 || !(r = tuple_alloc(n))) return NULL;
    for (k = 0; k < n; k++, start += step) tuple_take(r, k, s, start);
    return &r->h;
}

static ac_obj *repeat(ac_val s, const ac_type *ts, int64_t n) {
    if (ts->kind == AC_K_STR) return (ac_obj *)ac_str_repeat(s.p, n);
    if (ts->kind == AC_K_LIST) return (ac_obj *)ac_list_repeat(s.p, n);
    return tuple_concat(s.p, NULL, n);
}

static ac_obj *seq_binop(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb) {
    int inplace = op & AC_OP_INPLACE;
    op &= ~AC_OP_INPLACE;
    if (inplace && op == AC_OP_ADD && ta->kind == AC_K_LIST && tb->kind == AC_K_LIST &&
        same_type(((ac_list *)a.p)->elem, ((ac_list *)b.p)->elem)) {
        ac_list_extend(a.p, b.p); /* x += y changes the list others see too */
        ac_incref(a.p);
        return a.p;
    }
    if (op == AC_OP_ADD && is_seq(ta)) {
        if (ta->kind == tb->kind) {
            if (ta->kind == AC_K_STR) return (ac_obj *)ac_str_concat(a.p, b.p);
            if (ta->kind == AC_K_LIST) {
                const ac_list *x = a.p, *y = b.p;
                if (same_type(x->elem, y->elem)) return (ac_obj *)ac_list_concat(x, y);
                return (ac_obj *)concat_mixed(x, y);
            }
            return tuple_concat(a.p, b.p, 1);
        }
        ac_raise_msg(&ac_cls_TypeError, "can only concatenate %s (not \"%s\") to %s", rt_type_name(ta), tname(b, tb),
                     rt_type_name(ta));
        return NULL;
    }
    if (op == AC_OP_MUL && (is_seq(ta) || is_seq(tb))) {
        ac_val s = is_seq(ta) ? a : b, n = is_seq(ta) ? b : a;
        const ac_type *ts = is_seq(ta) ? ta : tb, *tn = is_seq(ta) ? tb : ta;
        if (tn->kind == AC_K_INT || tn->kind == AC_K_BOOL) return repeat(s, ts, n.i);
        ac_raise_msg(&ac_cls_TypeError, "can't multiply sequence by non-int of type '%s'", tname(n, tn));
        return NULL;
    }
    if (op == AC_OP_MOD && ta->kind == AC_K_STR) {
        ac_raise_msg(&ac_cls_NotImplementedError, "printf-style '%%' formatting is not supported; use an f-string");
        return NULL;
    }
    return rt_unsupported(op | inplace, a, ta, b, tb);
}

ac_obj *ac_obj_binop(int op, const ac_obj *x, const ac_obj *y) {
    ac_val a, b;
    if (x->kind == AC_K_BOX && y->kind == AC_K_BOX) { /* numbers: no unwrap calls */
        const ac_box *bx = (const ac_box *)x, *by = (const ac_box *)y;
        if (is_num(bx->type) && is_num(by->type)) return num_binop(op, bx->v, bx->type, by->v, by->type);
    }
    const ac_type *ta = ac_obj_unwrap(x, &a), *tb = ac_obj_unwrap(y, &b);
    if (is_num(ta) && is_num(tb)) return num_binop(op, a, ta, b, tb);
    return seq_binop(op, a, ta, b, tb);
}

ac_obj *ac_obj_unary(int op, const ac_obj *x) {
    ac_val a;
    const ac_type *t = ac_obj_unwrap(x, &a);
    if (t->kind == AC_K_FLOAT && op != AC_OP_INVERT) return ac_obj_float(op == AC_OP_NEG ? -a.f : a.f);
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) {
        if (op == AC_OP_NEG) {
            int64_t r = ac_int_neg(a.i);
            return ac_err ? NULL : ac_obj_int(r);
        }
        if (op == AC_OP_POS) return ac_obj_int(a.i);
        return ac_obj_int(~a.i);
    }
    ac_raise_msg(&ac_cls_TypeError, "bad operand type for unary %s: '%s'", op_names[op], tname(a, t));
    return NULL;
}

/* ---- conversions ------------------------------------------------------ */

int64_t ac_obj_to_int(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    switch (t->kind) {
    case AC_K_INT:
    case AC_K_BOOL: return v.i;
    case AC_K_FLOAT: return ac_float_to_int(v.f);
    case AC_K_STR: return ac_str_to_int(v.p, 10);
    default:
        ac_raise_msg(&ac_cls_TypeError,
                     "int() argument must be a string, a bytes-like object or a real number, not '%s'", tname(v, t));
        return 0;
    }
}

double ac_obj_to_float(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    switch (t->kind) {
    case AC_K_INT:
    case AC_K_BOOL: return (double)v.i;
    case AC_K_FLOAT: return v.f;
    case AC_K_STR: return ac_str_to_float(v.p);
    default:
        ac_raise_msg(&ac_cls_TypeError, "float() argument must be a string or a real number, not '%s'", tname(v, t));
        return 0.0;
    }
}

ac_obj *ac_obj_to_abs(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_FLOAT) return ac_obj_float(fabs(v.f));
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) {
        int64_t r = ac_int_abs(v.i);
        return ac_err ? NULL : ac_obj_int(r);
    }
    ac_raise_msg(&ac_cls_TypeError, "bad operand type for abs(): '%s'", tname(v, t));
    return NULL;
}

static void no_round(ac_val v, const ac_type *t) {
    ac_raise_msg(&ac_cls_TypeError, "type %s doesn't define __round__ method", tname(v, t));
}

/* round(o): an int for an int, a bool or a float */
int64_t ac_obj_round(const ac_obj *o) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_FLOAT) return ac_float_round(v.f);
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) return v.i;
    no_round(v, t);
    return 0;
}

/* round(o, n): the same type (a bool gives an int) */
ac_obj *ac_obj_round_n(const ac_obj *o, int64_t ndigits) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_FLOAT) return ac_obj_float(ac_float_round_n(v.f, ndigits));
    if (t->kind == AC_K_INT || t->kind == AC_K_BOOL) return ac_obj_int(v.i);
    no_round(v, t);
    return NULL;
}

ac_obj *ac_obj_slice(const ac_obj *o, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                     int64_t step) {
    ac_val v;
    const ac_type *t = ac_obj_unwrap(o, &v);
    if (t->kind == AC_K_STR) return (ac_obj *)ac_str_slice(v.p, has_start, start, has_stop, stop, has_step, step);
    if (t->kind == AC_K_LIST) return (ac_obj *)ac_list_slice(v.p, has_start, start, has_stop, stop, has_step, step);
    if (t->kind == AC_K_TUPLE) return tuple_slice(v.p, has_start, start, has_stop, stop, has_step, step);
    ac_raise_msg(&ac_cls_TypeError, "'%s' object is not subscriptable", tname(v, t));
    return NULL;
}
