/*
 * rt_gc_kinds.c -- what the cycle collector sees of each kind: one row per
 * kind (traverse, clear), and which types make a container worth tracking.
 *
 * A traverse must report exactly the references the object's free
 * releases (the counted ones): one more would make the collector free a
 * live object, one fewer only keeps a cycle alive.
 *
 * Not tracked, so standing outside like C locals: strings (they hold
 * nothing), tasks and coroutines (their frames are not traversed: a
 * frame's references keep what it points at alive, and a cycle through a
 * task is never freed), generators, tinyio objects, dict views.  Of the
 * asyncio objects (ac_sync) a queue's items and a handle's function and
 * arguments are seen; the rest of them hold nothing a cycle can go
 * through.  Exceptions are tracked, every one: a traceback here is a list of
 * static line records, not frames, so what an exception holds is its
 * args, its fields (a program's exception class), __context__ and
 * __cause__.
 */
#include "rt_internal.h"

int rt_gc_type_refs(const ac_type *t) { return t && t->kind > AC_K_STR; }

int rt_gc_types_refs(const ac_type *const *ts, int n) {
    int i;
    for (i = 0; i < n; i++)
        if (rt_gc_type_refs(ts[i])) return 1;
    return 0;
}

static void visit_val(ac_val v, const ac_type *t, rt_gc_visit fn, void *arg) {
    if (t && t->kind >= AC_K_STR && v.p) fn(v.p, arg);
}

/* The value's reference, now the caller's to release; the slot holds
 * zero (None, NULL), which every free and read accepts. */
static ac_val take_val(ac_val *slot) {
    ac_val v = *slot;
    slot->i = 0;
    return v;
}

static void list_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_list *l = (ac_list *)o;
    int64_t i;
    for (i = 0; i < l->len; i++) visit_val(l->items[i], l->elem, fn, arg);
}

/* the items stay allocated (the free releases the block); length first,
 * so nothing sees an item being released */
static void list_clear(ac_obj *o) {
    ac_list *l = (ac_list *)o;
    int64_t n = l->len, i;
    l->len = 0;
    for (i = 0; i < n; i++) ac_val_decref(l->items[i], l->elem);
}

static void tuple_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_tuple *t = (ac_tuple *)o;
    int i;
    for (i = 0; i < t->type->n; i++) visit_val(t->items[i], t->type->elems[i], fn, arg);
}

static void tuple_clear(ac_obj *o) {
    ac_tuple *t = (ac_tuple *)o;
    int i;
    for (i = 0; i < t->type->n; i++) ac_val_decref(take_val(&t->items[i]), t->type->elems[i]);
}

static void box_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_box *b = (ac_box *)o;
    visit_val(b->v, b->type, fn, arg);
}

static void box_clear(ac_obj *o) {
    ac_box *b = (ac_box *)o;
    ac_val_decref(take_val(&b->v), b->type);
}

static void inst_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_inst *x = (ac_inst *)o;
    uint32_t i;
    for (i = 0; i < x->cls->nslots; i++) visit_val(x->slots[i], x->cls->slots[i], fn, arg);
}

static void inst_clear(ac_obj *o) {
    ac_inst *x = (ac_inst *)o;
    uint32_t i;
    for (i = 0; i < x->cls->nslots; i++) ac_val_decref(take_val(&x->slots[i]), x->cls->slots[i]);
}

static void fn_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_fn *f = (ac_fn *)o;
    int32_t i;
    for (i = 0; i < f->n; i++)
        if (f->cells[i]) fn(f->cells[i], arg);
}

static void fn_clear(ac_obj *o) {
    ac_fn *f = (ac_fn *)o;
    int32_t i;
    for (i = 0; i < f->n; i++) {
        ac_obj *c = f->cells[i];
        f->cells[i] = NULL;
        ac_decref(c);
    }
}

static void exc_traverse(ac_obj *o, rt_gc_visit fn, void *arg) {
    ac_exc *e = (ac_exc *)o;
    uint32_t k;
    if (e->args) fn(&e->args->h, arg);
    if (e->context) fn(&e->context->h, arg);
    if (e->cause) fn(&e->cause->h, arg);
    for (k = 0; k < e->cls->nslots; k++) visit_val(e->slots[k], e->cls->slots[k], fn, arg);
}

/* args stay: a cycle through them runs through the tuple, which is
 * garbage too and cleared, and an exception with its args can still be
 * printed by a free that runs meanwhile (a generator's finally) */
static void exc_clear(ac_obj *o) {
    ac_exc *e = (ac_exc *)o;
    ac_exc *context = e->context, *cause = e->cause;
    uint32_t k;
    e->context = NULL;
    e->cause = NULL;
    ac_decref(context);
    ac_decref(cause);
    for (k = 0; k < e->cls->nslots; k++) ac_val_decref(take_val(&e->slots[k]), e->cls->slots[k]);
}

const rt_gc_ops rt_gc_kind[AC_K_NKINDS] = {
    [AC_K_LIST] = {list_traverse, list_clear, NULL},
    [AC_K_TUPLE] = {tuple_traverse, tuple_clear, NULL},
    [AC_K_BOX] = {box_traverse, box_clear, rt_gc_box_headless},
    [AC_K_DICT] = {rt_dict_gc_traverse, rt_dict_gc_clear, NULL},
    [AC_K_SET] = {rt_set_gc_traverse, rt_set_gc_clear, NULL},
    [AC_K_FROZENSET] = {rt_set_gc_traverse, rt_set_gc_clear, NULL},
    [AC_K_INST] = {inst_traverse, inst_clear, NULL},
    [AC_K_FN] = {fn_traverse, fn_clear, NULL},
    [AC_K_EXC] = {exc_traverse, exc_clear, NULL},
    [AC_K_SYNC] = {rt_sync_gc_traverse, rt_sync_gc_clear, NULL},
};
