/* dynamic.c -- where inference falls back to `object` (boxed values):
 * the joins that made a variable, a return type or an expression dynamic,
 * each with both sites (RPython-style), for -Wdynamic and for the lines
 * `asyncc annotate` marks.  The checker reports a join as it happens
 * (variables and returns in any pass: the lattice only grows, so a type
 * that became an object stays one; expressions in the final pass). */
#include "check.h"

#include <stdlib.h>
#include <string.h>

bool warn_dynamic;

typedef struct DynJoin {
    Loc at, other; /* the store that made it dynamic, the earlier one */
    char *msg, *note;
} DynJoin;

static Map var_joins, ret_joins; /* "%p" of the Var / Func -> DynJoin */
static Vec expr_joins;           /* DynJoin*, final pass */

static bool has_any(const Type *t) {
    if (!t) return false;
    if (t == ty_any) return true;
    if (t->elem && has_any(t->elem)) return true;
    for (int i = 0; i < t->nelems; i++)
        if (has_any(t->elems[i])) return true;
    return false;
}

bool dyn_introduced(Type *old, Type *joined) {
    return old && !ty_has_unknown(old) && !has_any(old) && has_any(joined);
}

static DynJoin *new_join(Loc at, Loc other, char *msg, char *note) {
    DynJoin *j = xcalloc(1, sizeof *j);
    j->at = at;
    j->other = other;
    j->msg = msg;
    j->note = note;
    return j;
}

void dyn_var(Var *v, Type *old, Loc old_at, Type *t, Loc at) {
    const char *k = format("%p", (void *)v);
    if (map_get(&var_joins, k)) return; /* the first join that made it dynamic */
    Type *now = ty_join(old, t);
    map_put(&var_joins, k,
            new_join(at, old_at,
                     format("'%s' is given '%s' here and '%s' elsewhere: it is '%s'", v->name, ty_name(t),
                            ty_name(old), ty_name(now)),
                     format("'%s' is given '%s' here", v->name, ty_name(old))));
}

void dyn_ret(Func *fn, Type *old, Loc old_at, Type *t, Loc at) {
    const char *k = format("%p", (void *)fn);
    if (map_get(&ret_joins, k)) return;
    map_put(&ret_joins, k,
            new_join(at, old_at,
                     format("%s() returns '%s' here and '%s' elsewhere: its result is '%s'", fn->name, ty_name(t),
                            ty_name(old), ty_name(ty_join(old, t))),
                     format("%s() returns '%s' here", fn->name, ty_name(old))));
}

void dyn_expr(Loc at, const char *what, const char *result, Type *a, Type *b, Loc b_at) {
    if (!inf.final_pass || diag_muted) return;
    for (int i = 0; i < expr_joins.len; i++) {
        DynJoin *j = expr_joins.data[i];
        if (j->at.line == at.line && j->at.col == at.col) return;
    }
    vec_push(&expr_joins, new_join(at, b_at,
                                   format("%s '%s' (here) and '%s': %s", what, ty_name(a), ty_name(b), result),
                                   format("this is '%s'", ty_name(b))));
}

static int by_loc(const void *x, const void *y) {
    const DynJoin *a = *(DynJoin *const *)x, *b = *(DynJoin *const *)y;
    return a->at.line != b->at.line ? a->at.line - b->at.line : a->at.col - b->at.col;
}

/* The joins of the program as compiled (specialisations the last pass
 * reached, their locals and returns, the globals), in source order. */
Vec dyn_joins(Program *p) {
    Vec out = {0};
    for (int i = 0; i < p->globals.len; i++) {
        Var *v = p->globals.data[i];
        DynJoin *j = v->ty == ty_any || has_any(v->ty) ? map_get(&var_joins, format("%p", (void *)v)) : NULL;
        if (j) vec_push(&out, j);
    }
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        for (int k = 0; k < fn->locals.len; k++) {
            Var *v = fn->locals.data[k];
            DynJoin *j = has_any(v->ty) ? map_get(&var_joins, format("%p", (void *)v)) : NULL;
            if (j) vec_push(&out, j);
        }
        DynJoin *j = has_any(fn->ret) ? map_get(&ret_joins, format("%p", (void *)fn)) : NULL;
        if (j) vec_push(&out, j);
    }
    for (int i = 0; i < expr_joins.len; i++) vec_push(&out, expr_joins.data[i]);
    if (out.len > 1) qsort(out.data, (size_t)out.len, sizeof(void *), by_loc);
    /* one warning per site (specialisations repeat their body's joins) */
    Vec uniq = {0};
    for (int i = 0; i < out.len; i++) {
        DynJoin *j = out.data[i], *prev = uniq.len ? uniq.data[uniq.len - 1] : NULL;
        if (!prev || prev->at.line != j->at.line || prev->at.col != j->at.col || strcmp(prev->msg, j->msg))
            vec_push(&uniq, j);
    }
    return uniq;
}

const char *dyn_join_message(void *join, Loc *at) {
    DynJoin *j = join;
    *at = j->at;
    return j->msg;
}

/* -Wdynamic: a warning at each join, a note at its other site. */
void dyn_report(Program *p) {
    Vec js = dyn_joins(p);
    for (int i = 0; i < js.len; i++) {
        DynJoin *j = js.data[i];
        diag_warning(p->src, j->at, "%s [-Wdynamic]", j->msg);
        if (j->other.line) diag_note(p->src, j->other, "%s", j->note);
    }
}
