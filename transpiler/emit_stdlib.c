/* emit_stdlib.c -- the emit hooks of the time, sys and random rows whose
 * C call is not a plain function of their arguments. */
#include "emit.h"

static Node *arg(Node *e, int i) { return i < e->list.len ? e->list.data[i] : NULL; }

/* sys.exit(x) is `raise SystemExit(x)`; sys.exit() and sys.exit(None) give
 * SystemExit() (exit status 0 either way). */
Val emit_sys_exit(Node *e) {
    Node *a = arg(e, 0);
    if (!a || a->kind == N_NONE) {
        emit("ac_raise(ac_exc_new(&ac_cls_SystemExit, NULL));");
    } else {
        Type **el = xcalloc(1, sizeof *el);
        el[0] = a->ty;
        Type *tt = ty_tuple(el, 1);
        Node one = {0};
        vec_push(&one.list, a);
        char *args = take_ref(tuple_lit(&one, tt));
        emit("ac_raise(ac_exc_new(&ac_cls_SystemExit, %s));", args);
    }
    check_err();
    return (Val){"0", ty_none, false};
}

Val emit_random_seed(Node *e) {
    Node *a = arg(e, 0);
    if (!a || a->kind == N_NONE)
        emit("ac_random_seed_system();");
    else
        emit("ac_random_seed(%s);", expr(a).c);
    return (Val){"0", ty_none, false};
}

Val emit_random_randrange(Node *e) {
    Val start = expr(arg(e, 0));
    Node *stop = arg(e, 1), *step = arg(e, 2);
    bool has_stop = stop && stop->kind != N_NONE;
    Val vstop = has_stop ? expr(stop) : int_lit(0);
    Val vstep = step ? expr(step) : int_lit(1);
    return call_value(ty_int, "ac_random_randrange(%s, %d, %s, %s)", start.c, has_stop, vstop.c, vstep.c);
}

Val emit_random_choice(Node *e) {
    Val seq = expr(arg(e, 0));
    if (seq.ty == ty_str) return call_value(ty_str, "ac_random_choice_str(%s)", seq.c);
    char *tmp = new_temp(e->ty);
    emit("%s = %s;", tmp, from_val(format("ac_random_choice(%s)", seq.c), e->ty));
    if (is_obj(e->ty)) hold(tmp, e->ty);
    check_err();
    return (Val){tmp, e->ty, is_obj(e->ty)};
}

/* time.gmtime([secs]) / time.localtime([secs]): secs absent or None is now */
Val emit_time_struct(Node *e) {
    Node *a = arg(e, 0);
    bool now = !a || a->kind == N_NONE;
    Val secs = now ? float_lit(0) : as_float(expr(a));
    return call_value(e->ty, "ac_time_struct(%d, %d, %s, %s)", e->bi->name[0] == 'l', !now, secs.c, desc(e->ty));
}
