/* emit_iter.c -- the emit hooks of enumerate, zip, reversed, any and all,
 * and the early exit of any/all over a generator expression. */
#include "emit.h"

#include <string.h>

static Node *arg(Node *e, int i) { return i < e->list.len ? e->list.data[i] : NULL; }

/* A list argument as it is; a str as the list of its characters. */
static Val as_list(Node *a) {
    Val v = expr(a);
    if (v.ty == ty_str) return call_value(ty_list(ty_str), "ac_str_split_chars(%s)", v.c);
    return v;
}

Val emit_enumerate(Node *e) {
    Val l = as_list(arg(e, 0));
    Val start = arg(e, 1) ? expr(arg(e, 1)) : int_lit(0);
    return call_value(e->ty, "ac_enumerate(%s, %s, %s)", l.c, start.c, desc(e->ty->elem));
}

Val emit_zip(Node *e) {
    if (arg(e, 0)->kind == N_STARRED) {
        Val m = expr(arg(e, 0)->a);
        return call_value(e->ty, "ac_zip_star(%s, %s)", m.c, desc(e->ty->elem));
    }
    Buf lists = {0};
    for (int i = 0; i < e->list.len; i++) buf_printf(&lists, "%s%s", i ? ", " : "", as_list(arg(e, i)).c);
    return call_value(e->ty, "ac_zip(%d, (const ac_list *const[]){%s}, %s)", e->list.len, lists.data,
                      desc(e->ty->elem));
}

Val emit_reversed(Node *e) {
    Val l = as_list(arg(e, 0));
    return call_value(e->ty, "ac_list_reversed(%s)", l.c);
}

/* any/all over a generator expression: where its items go (comp_sink) */
typedef struct Sink {
    char *result, *done;
    bool is_all;
    int mark;
} Sink;
static Sink sink;

void comp_sink(Node *comp) {
    int m = C->held.len;
    Val v = expr(comp->a);
    char *tv = new_temp(ty_bool);
    emit("%s = %s;", tv, truth(v));
    release_held_from(m);
    /* the loops' sequences are released on the way out, as at their ends */
    emit("if (%s%s) { %s = %d; %sgoto %s; }", sink.is_all ? "!" : "", tv, sink.result, !sink.is_all,
         releases_above(sink.mark), sink.done);
}

static Val any_all(Node *e, bool is_all) {
    Node *a = arg(e, 0);
    char *r = new_temp(ty_bool);
    emit("%s = %d;", r, is_all);
    if (a->kind == N_LISTCOMP && a->ival) {
        Sink save = sink;
        sink.result = r;
        sink.done = new_label("anyall_done");
        sink.is_all = is_all;
        sink.mark = C->held.len;
        comp_rest(a, 0, NULL, NULL);
        emit_label(sink.done);
        sink = save;
        return (Val){r, ty_bool, false};
    }
    Val v = expr(a);
    if (v.ty == ty_str) {
        if (!is_all) emit("%s = %s->len != 0;", r, v.c);
        return (Val){r, ty_bool, false};
    }
    char *k = new_temp(ty_int);
    Type *el = v.ty->elem;
    char *item = truth((Val){from_val(format("%s->items[%s]", v.c, k), el), el, false});
    emit("for (%s = 0; %s < %s->len; %s++) if (%s%s) { %s = %d; break; }", k, k, v.c, k, is_all ? "!" : "", item, r,
         !is_all);
    return (Val){r, ty_bool, false};
}

Val emit_any(Node *e) { return any_all(e, false); }
Val emit_all(Node *e) { return any_all(e, true); }

/* ---- isinstance, hasattr, type(x).__name__ ---------------------------------- */

/* The argument is still evaluated for what it does (a call); the answer
 * was found by the checker, or is the exception's class test. */
Val emit_static_answer(Node *e) {
    Node *o = arg(e, 0);
    if (e->ival == 3) { /* hasattr(obj, "name"): the kinds that have it */
        static const char *const kinds[] = {"AC_K_NONE", "AC_K_BOOL", "AC_K_INT", "AC_K_FLOAT", "AC_K_STR",
                                            "AC_K_LIST", "AC_K_TUPLE", "AC_K_EXC", "AC_K_DICT", "AC_K_SET",
                                            "AC_K_FROZENSET"};
        Type *types[] = {ty_none,         ty_bool,          ty_int, ty_float, ty_str, ty_list(ty_any),
                         ty_tuple(NULL, 0), NULL, ty_dict(ty_any, ty_any), ty_set(ty_any, false),
                         ty_set(ty_any, true)};
        Buf mask = {0};
        for (int i = 0; i < 11; i++)
            if (types[i] ? ty_has_attr(types[i], arg(e, 1)->sval) /* NULL: an exception */
                         : !strcmp(arg(e, 1)->sval, "args") || !strcmp(arg(e, 1)->sval, "with_traceback"))
                buf_printf(&mask, "%s(1u << %s)", mask.len ? " | " : "", kinds[i]);
        Val v = expr(o);
        return call_value(ty_bool, "ac_obj_kind_in(%s, %s)", v.c, mask.len ? mask.data : "0u");
    }
    bool plain = o->kind == N_NAME || o->kind == N_STR || o->kind == N_INT || o->kind == N_FLOAT;
    if (e->ival != 2) {
        if (!plain && o->ty && o->ty->kind != TY_MODULE) expr(o);
        return (Val){e->ival ? "1" : "0", ty_bool, false};
    }
    Val v = expr(o);
    Node *ci = arg(e, 1);
    Vec one = {0};
    vec_push(&one, ci);
    Vec *classes = ci->kind == N_TUPLE ? &ci->list : &one;
    Buf b = {0};
    for (int i = 0; i < classes->len; i++) {
        Node *c = classes->data[i];
        if (c->cls) buf_printf(&b, "%sac_exc_matches(%s, &%s)", b.len ? " || " : "", v.c, c->cls->cname);
    }
    return (Val){format("(%s)", b.data), ty_bool, false};
}
