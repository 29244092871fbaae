/* emit_spread.c -- f(*xs, **kw) bound when it runs (check_spread.c): the
 * arguments gathered as objects in source order, ac_bind_args over the
 * def's parameter names, and each parameter read from the bound list,
 * unboxed into its type (with a check) or its default when none came. */
#include "closure.h"
#include "emit.h"

#include <string.h>

/* The positional arguments into a list[object], the keywords into a
 * dict[str, object] (NULL when there are none). */
void spread_gather(BindPlan *bp, Vec *pos, Vec *kws) {
    Type *lt = ty_list(ty_any), *dt = ty_dict(ty_str, ty_any);
    char *pl = bp->c_pos = new_temp(lt);
    emit("%s = ac_list_new(&ac_t_object, 0, NULL);", pl);
    hold(pl, lt);
    check_err();
    for (int i = 0; i < pos->len; i++) {
        Node *a = pos->data[i];
        if (a->kind == N_STARRED) {
            Val it = as_object(expr(a->a));
            emit("ac_bind_star(%s, %s, \"%s\");", pl, it.c, bp->fname);
        } else {
            Val v = as_object(expr(a));
            emit("ac_list_append(%s, ac_ptr_val(%s));", pl, take_ref(v));
        }
        check_err();
    }
    bp->c_kw = "NULL";
    if (!kws->len) return;
    char *kd = bp->c_kw = new_temp(dt);
    emit("%s = ac_dict_new(%s);", kd, desc(dt));
    hold(kd, dt);
    check_err();
    for (int i = 0; i < kws->len; i++) {
        Node *kw = kws->data[i];
        Val v = as_object(expr(kw->a));
        if (!strcmp(kw->sval, "**"))
            emit("ac_bind_kwmap(%s, %s, \"%s\");", kd, v.c, bp->fname);
        else
            emit("ac_bind_kw(%s, \"%s\", %s, \"%s\");", kd, kw->sval, take_ref(v), bp->fname);
        check_err();
    }
}

/* A specialisation's parameters have the def's kinds (only the def records them). */
static Param *def_param(Func *f, int j) { return &(f->origin ? f->origin : f)->params[j]; }

static unsigned param_flags(const Param *p) {
    if (p->star) return p->star == 1 ? 4u : 8u; /* AC_BIND_STAR, AC_BIND_DSTAR */
    return (p->def ? 1u : 0u) | (p->kwonly ? 2u : 0u);
}

/* The gathered arguments bound to def's parameters: a list[object] with
 * one item per parameter (NULL: its default). */
char *spread_bind_list(BindPlan *bp, Func *def, int target) {
    Type *lt = ty_list(ty_any);
    Buf names = {0}, flags = {0};
    for (int j = 0; j < def->nparams; j++) {
        buf_printf(&names, "%s\"%s\"", j ? ", " : "", def->params[j].var->name);
        buf_printf(&flags, "%s%u", j ? ", " : "", param_flags(def_param(def, j)));
    }
    char *b = new_temp(lt);
    emit("%s = ac_bind_args(\"%s\", %d, %s%s%s, %s%s%s, %d, %s, %s, %s);", b, (char *)bp->qualnames.data[target], def->nparams,
         names.data ? "(const char *const[]){" : "NULL", names.data ? names.data : "", names.data ? "}" : "",
         flags.data ? "(const unsigned char[]){" : "NULL", flags.data ? flags.data : "", flags.data ? "}" : "",
         bp->skip, bp->c_pos, bp->c_kw, desc(ty_dict(ty_str, ty_any)));
    hold(b, lt);
    check_err();
    return b;
}

/* Parameter j from the bound list as a value of type `to`: *args and
 * **kwargs as they are, others unboxed, or the default (dflt) if unbound. */
Val spread_slot(const char *bound, Func *def, int j, Type *to, Val (*dflt)(void *), void *ctx) {
    char *slot = format("((ac_obj *)%s->items[%d].p)", bound, j);
    Param *p = def_param(def, j);
    if (p->star == 1) return (Val){format("((ac_list *)%s)", slot), ty_tuple_list(ty_any), false};
    if (p->star == 2) return (Val){format("((ac_dict *)%s)", slot), ty_dict(ty_str, ty_any), false};
    Val obj = {slot, ty_any, false};
    if (!dflt) return coerce(obj, to);
    char *res = new_temp(to);
    bool ref = is_obj(to);
    emit("if (%s) {", slot);
    int mark = C->held.len;
    Val v = coerce(obj, to);
    emit("%s = %s;", res, ref ? take_ref(v) : v.c);
    release_held_from(mark);
    emit("} else {");
    mark = C->held.len;
    v = coerce(dflt(ctx), to);
    emit("%s = %s;", res, ref ? take_ref(v) : v.c);
    release_held_from(mark);
    emit("}");
    if (ref) hold(res, to);
    return (Val){res, to, ref};
}

static Val default_of(void *node) { return expr_tag(node); }

/* A direct call's parameter (B_BOUND_ARG): the first gathers and binds. */
Val emit_bound_arg(Node *e) {
    BindPlan *bp = e->bind;
    int j = (int)e->ival;
    if (j == bp->skip) {
        spread_gather(bp, &e->list, &e->list2);
        bp->c_bound = spread_bind_list(bp, bp->def, 0);
    }
    return spread_slot(bp->c_bound, bp->def, j, e->ty, e->a ? default_of : NULL, e->a);
}
