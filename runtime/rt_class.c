/* rt_class.c -- instances of user classes: allocation, release, and the
 * generic operations (print, ==, <, hash) through their dunder hooks. */
#include "rt_internal.h"

#include <stdio.h>
#include <string.h>

const ac_type ac_t_inst = {AC_K_INST, 0, NULL};

static void inst_free(ac_obj *o) {
    ac_inst *x = (ac_inst *)o;
    uint32_t i;
    for (i = 0; i < x->cls->nslots; i++) ac_val_decref(x->slots[i], x->cls->slots[i]);
    rt_free(x);
}

ac_inst *ac_inst_new(const ac_uclass *c) {
    size_t n = c->nslots ? c->nslots : 1;
    ac_inst *x = rt_malloc(sizeof(ac_inst) + (n - 1) * sizeof(ac_val));
    rt_obj_free[AC_K_INST] = inst_free;
    x->h.rc = 1;
    x->h.kind = AC_K_INST;
    x->cls = c;
    x->set = 0;
    memset(x->slots, 0, n * sizeof(ac_val));
    return x;
}

int ac_inst_isinstance(const ac_inst *o, const ac_uclass *c) {
    const ac_uclass *k;
    if (!o || o->h.kind != AC_K_INST) return 0;
    for (k = o->cls; k; k = k->base)
        if (k == c) return 1;
    return 0;
}

void ac_inst_set(ac_inst *o, uint32_t slot, ac_val v) {
    ac_val old = o->slots[slot];
    o->slots[slot] = v;
    ac_val_decref(old, o->cls->slots[slot]);
}

/* CPython's default repr, with the object's address as C's %p prints it */
ac_str *ac_inst_repr(ac_inst *o) {
    char text[300];
    if (o->cls->repr) return o->cls->repr(o);
    snprintf(text, sizeof text, "<__main__.%.200s object at %p>", o->cls->name, (void *)o);
    return ac_str_from_cstr(text);
}

ac_str *ac_inst_str(ac_inst *o) { return o->cls->str ? o->cls->str(o) : ac_inst_repr(o); }

/* The class that defines the hook a class inherits (its C function is
 * the one its base has): the other operand must be an instance of that
 * class, the type its parameter was compiled for.  (Tagged(1) < Box(2)
 * runs Box.__lt__, as in CPython.) */
static const ac_uclass *eq_owner(const ac_uclass *c) {
    while (c->base && c->base->eq == c->eq) c = c->base;
    return c;
}

static const ac_uclass *lt_owner(const ac_uclass *c) {
    while (c->base && c->base->lt == c->lt) c = c->base;
    return c;
}

int ac_inst_eq(ac_inst *a, ac_inst *b) {
    if (a->cls->eq && ac_inst_isinstance(b, eq_owner(a->cls))) return a->cls->eq(a, b);
    return a == b;
}

int ac_inst_cmp(ac_inst *a, ac_inst *b) {
    if (!a->cls->lt || !ac_inst_isinstance(b, lt_owner(a->cls)) || !b->cls->lt ||
        !ac_inst_isinstance(a, lt_owner(b->cls))) {
        ac_raise_msg(&ac_cls_TypeError, "'<' not supported between instances of '%s' and '%s'", a->cls->name,
                     b->cls->name);
        return 0;
    }
    if (a->cls->lt(a, b)) return -1;
    if (ac_err) return 0;
    if (b->cls->lt(b, a)) return 1;
    return 0;
}

int64_t ac_inst_hash(ac_inst *o) {
    int64_t h;
    if (o->cls->hash) {
        h = o->cls->hash(o);
        return h == -1 ? -2 : h;
    }
    if (o->cls->unhashable) {
        ac_raise_msg(&ac_cls_TypeError, "unhashable type: '%s'", o->cls->name);
        return 0;
    }
    return (int64_t)((uintptr_t)o >> 4);
}

void ac_inst_no_attr(const ac_inst *o, const char *name) {
    ac_raise_msg(&ac_cls_AttributeError, "'%s' object has no attribute '%s'", o->cls->name, name);
}

int ac_inst_truth(ac_inst *o) {
    if (o->cls->bool_) return o->cls->bool_(o);
    if (o->cls->len) return o->cls->len(o) != 0;
    return 1;
}

/* its module's name is part of how CPython reports it uncaught */
const ac_class ac_cls_FrozenInstanceError = {"dataclasses.FrozenInstanceError", &ac_cls_AttributeError};

void ac_inst_frozen(const char *field) {
    ac_raise_msg(&ac_cls_FrozenInstanceError, "cannot assign to field '%s'", field);
}

void ac_inst_no_setter(const ac_inst *o, const char *name) {
    ac_raise_msg(&ac_cls_AttributeError, "property '%s' of '%s' object has no setter", name, o->cls->name);
}
