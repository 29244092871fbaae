/*
 * rt_func.c -- function values and the cells of closures.
 *
 * A cell is an ordinary box (ac_box, kind AC_K_BOX) that the function
 * owning the variable makes when it starts; the closures over the variable
 * hold references to the same box, so a store through any of them is seen
 * by all (Python's late binding), and a suspended coroutine that holds its
 * function value keeps the cells alive.  Cells are never the shared
 * immortal boxes of ac_obj_int: they are written in place.
 */
#include <stdio.h>
#include "rt_internal.h"

const ac_type ac_t_fn = {AC_K_FN, 0, NULL};

static void fn_free(ac_obj *o) {
    ac_fn *f = (ac_fn *)o;
    int32_t i;
    for (i = 0; i < f->n; i++) ac_decref(f->cells[i]);
    rt_gc_free(f);
}

ac_fn *ac_fn_new(int32_t id, const char *name, int32_t ncells) {
    ac_fn *f = rt_gc_alloc(sizeof *f + (size_t)(ncells > 1 ? ncells - 1 : 0) * sizeof(ac_obj *), ncells > 0);
    int32_t i;
    rt_obj_free[AC_K_FN] = fn_free;
    f->h.rc = 1;
    f->h.kind = AC_K_FN;
    f->id = id;
    f->n = ncells;
    f->name = name;
    for (i = 0; i < ncells; i++) f->cells[i] = NULL;
    return f;
}

ac_obj *ac_cell_new(const ac_type *t, ac_val v) { return &ac_box_new(t, v)->h; }

/* The type of a scalar cell not bound yet (or deleted): an int to the
 * collector and to the box's release, so nothing else needs to know. */
const ac_type ac_t_unbound = {AC_K_INT, 0, NULL};

/* CPython prints the address too: <function main.<locals>.f at 0x7f...> */
void rt_fn_repr(rt_buf *b, const void *p) {
    const ac_fn *f = p;
    char text[240];
    snprintf(text, sizeof text, "<function %.180s at %p>", f->name, p);
    rt_buf_puts(b, text);
}

ac_obj *ac_obj_from(ac_val v, const ac_type *t); /* rt_dyn.c: borrowed for heap objects */

/* `for x in t` over a tuple: its items as a list of the joined type
 * (object boxes each, float widens ints). */
ac_list *ac_tuple_list(const ac_tuple *t, const ac_type *elem) {
    ac_list *l = ac_list_new(elem, 0, NULL);
    int i;
    for (i = 0; i < t->type->n; i++) {
        const ac_type *it = t->type->elems[i];
        ac_val v = t->items[i];
        if (elem->kind == AC_K_OBJECT) {
            ac_obj *o = ac_obj_from(v, it);
            if (it->kind >= AC_K_STR) ac_incref(o);
            v = ac_ptr_val(o);
        } else if (elem->kind == AC_K_FLOAT && it->kind != AC_K_FLOAT) {
            v = ac_float_val((double)v.i);
        } else {
            ac_val_incref(v, it);
        }
        ac_list_append(l, v);
    }
    return l;
}
