/*
 * rt_tag.c -- the operations of tagged scalar unions (ac_tag, described in
 * asyncc_lib.h): int | float, int | None, ... held unboxed.  Each is one
 * row of the shared (value, descriptor) operations of rt_dyn.c, so a union
 * behaves exactly as the same value boxed in an object would, without the
 * allocation.
 */
#include "rt_internal.h"

static int is_num(const ac_type *t) { return t->kind == AC_K_INT || t->kind == AC_K_BOOL || t->kind == AC_K_FLOAT; }

ac_tag ac_tag_binop(int op, ac_tag a, ac_tag b) {
    if (is_num(a.t) && is_num(b.t)) return rt_num_binop(op, a.v, a.t, b.v, b.t);
    rt_unsupported(op, a.v, a.t, b.v, b.t);
    return ac_tag_none();
}

static const char *unary_name(int op) { return op == AC_OP_NEG ? "-" : op == AC_OP_POS ? "+" : "~"; }

ac_tag ac_tag_unary(int op, ac_tag a) {
    if (a.t->kind == AC_K_FLOAT && op != AC_OP_INVERT) return ac_tag_float(op == AC_OP_NEG ? -a.v.f : a.v.f);
    if (a.t->kind == AC_K_INT || a.t->kind == AC_K_BOOL) {
        if (op == AC_OP_NEG) {
            int64_t r = ac_int_neg(a.v.i);
            return ac_tag_int(ac_err ? 0 : r);
        }
        return ac_tag_int(op == AC_OP_POS ? a.v.i : ~a.v.i);
    }
    ac_raise_msg(&ac_cls_TypeError, "bad operand type for unary %s: '%s'", unary_name(op), rt_type_name(a.t));
    return ac_tag_none();
}

int ac_tag_compare(int op, ac_tag a, ac_tag b) {
    if (op == AC_OP_EQ) return rt_val_eq2(a.v, a.t, b.v, b.t);
    if (op == AC_OP_NE) return !rt_val_eq2(a.v, a.t, b.v, b.t);
    return rt_val_order2(op, a.v, a.t, b.v, b.t);
}

int ac_tag_truth(ac_tag a) { return a.t->kind == AC_K_FLOAT ? a.v.f != 0.0 : a.v.i != 0; }

static void tag_error(const char *want, const char *got) {
    ac_raise_msg(&ac_cls_TypeError, "expected %s, got %s", want, got);
}

ac_tag ac_tag_from_obj(const ac_obj *o, unsigned kinds) {
    ac_tag x;
    x.t = ac_obj_unwrap(o, &x.v);
    if (kinds & (1u << x.t->kind)) return x;
    if (x.t->kind == AC_K_BOOL && (kinds & (1u << AC_K_INT))) return ac_tag_int(x.v.i);
    if (is_num(x.t) && x.t->kind != AC_K_FLOAT && (kinds & (1u << AC_K_FLOAT)))
        return ac_tag_float((double)x.v.i);
    /* their "expected float, got str" */
    if (kinds & (1u << AC_K_FLOAT))
        ac_obj_as_float(o);
    else
        ac_obj_as_int(o);
    return ac_tag_none();
}

int64_t ac_tag_as_int(ac_tag a) {
    if (a.t->kind == AC_K_INT || a.t->kind == AC_K_BOOL) return a.v.i;
    tag_error("int", rt_type_name(a.t));
    return 0;
}

double ac_tag_as_float(ac_tag a) {
    if (a.t->kind == AC_K_FLOAT) return a.v.f;
    if (a.t->kind == AC_K_INT || a.t->kind == AC_K_BOOL) return (double)a.v.i;
    tag_error("float", rt_type_name(a.t));
    return 0.0;
}
