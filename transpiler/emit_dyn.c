/* emit_dyn.c -- what only `object` values need from the emitter:
 * isinstance(), type(x).__name__, method calls looked up at run time, and
 * the conversions int()/float()/abs()
 * of a value whose type is known only at run time.  (Boxing and unboxing
 * where values flow is coerce(), in emit_out.c.) */
#include "emit.h"

#include <string.h>

/* The runtime kind an isinstance() class tests for. */
static const char *class_kind(Type *c) {
    switch (c->kind) {
    case TY_INT: return "AC_K_INT";
    case TY_FLOAT: return "AC_K_FLOAT";
    case TY_BOOL: return "AC_K_BOOL";
    case TY_STR: return "AC_K_STR";
    case TY_LIST: return "AC_K_LIST";
    case TY_TUPLE: return "AC_K_TUPLE";
    case TY_DICT: return "AC_K_DICT";
    case TY_SET: return "AC_K_SET";
    case TY_FROZENSET: return "AC_K_FROZENSET";
    default: return "AC_K_OBJECT";
    }
}

/* Is a value of static type t an instance of c, when that is known at
 * compile time?  -1: only the run time knows (objects, exceptions). */
static int static_instance(Type *t, Type *c) {
    if (c->kind == TY_ANY) return 1;
    if (t->kind == TY_ANY) return -1;
    if (c->kind == TY_INST) {
        if (ty_strip(t)->kind != TY_INST) return 0;
        if (!t->opt && class_is_sub(t->cls, c->cls)) return 1;
        return class_is_sub(c->cls, t->cls) || t->opt ? -1 : 0; /* a subclass may be there */
    }
    if (c->kind == TY_EXC) {
        if (t->kind != TY_EXC) return 0;
        for (Class *k = t->cls; k; k = k->base)
            if (k == c->cls) return 1;
        return -1; /* a subclass of the static type may be there */
    }
    if (c->kind == TY_INT) return t->kind == TY_INT || t->kind == TY_BOOL;
    return t->kind == c->kind;
}

/* isinstance() of a tagged union: a test of its tag. */
static const char *tag_isinstance(Val x, Type *c) {
    switch (c->kind) {
    case TY_INT: return format("(%s.t == &ac_t_int || %s.t == &ac_t_bool)", x.c, x.c);
    case TY_FLOAT: return format("(%s.t == &ac_t_float)", x.c);
    case TY_BOOL: return format("(%s.t == &ac_t_bool)", x.c);
    case TY_ANY: return "1";
    default: return "0";
    }
}

/* type(x) is C: x's own class record, not a subclass's */
static Val exact_class_test(Val x, Type *c) {
    Type *t = ty_strip(x.ty);
    char *tmp = new_temp(ty_bool);
    x = pin(x);
    if ((c->kind == TY_INST && t->kind == TY_INST) || (c->kind == TY_EXC && t->kind == TY_EXC))
        emit("%s = (%s%s->cls == &%s);", tmp, x.ty->opt ? format("%s && ", x.c) : "", x.c, c->cls->cname);
    else if (c->kind == TY_INST && t->kind == TY_ANY)
        emit("%s = (ac_inst_isinstance((const ac_inst *)%s, &%s) && ((const ac_inst *)%s)->cls == &%s);", tmp, x.c,
             c->cls->cname, x.c, c->cls->cname);
    else
        emit("%s = ((void)%s, 0);", tmp, x.c); /* a value of another kind of type */
    return (Val){tmp, ty_bool, false};
}

/* isinstance(x, C) or isinstance(x, (C1, C2, ...)) */
Val emit_isinstance(Node *e) {
    Val x = expr_tag(e->list.data[0]);
    if (x.ty->tag) {
        x = pin(x);
        Buf b = {0};
        for (int i = 0; i < e->list2.len; i++)
            buf_printf(&b, "%s%s", i ? " || " : "", tag_isinstance(x, ((Node *)e->list2.data[i])->ty));
        char *tmp = new_temp(ty_bool);
        emit("%s = (%s);", tmp, b.data ? b.data : "0");
        return (Val){tmp, ty_bool, false};
    }
    if (e->ival == 1) return exact_class_test(x, ((Node *)e->list2.data[0])->ty);
    Buf b = {0};
    for (int i = 0; i < e->list2.len; i++) {
        Type *c = ((Node *)e->list2.data[i])->ty;
        int known = static_instance(x.ty, c);
        const char *test;
        if (known >= 0) /* x may be a parameter used nowhere else */
            test = format("((void)%s, %s)", x.c, known ? "1" : "0");
        else if (c->kind == TY_EXC && x.ty->kind == TY_ANY)
            test = format("ac_obj_isinstance_exc(%s, &%s)", x.c, c->cls->cname);
        else if (c->kind == TY_EXC)
            test = format("ac_exc_matches(%s, &%s)", x.c, c->cls->cname);
        else if (c->kind == TY_INST) /* an object or an instance: the record tells */
            test = format("ac_inst_isinstance((const ac_inst *)%s, &%s)", x.c, c->cls->cname);
        else
            test = format("ac_obj_isinstance(%s, %s)", x.c, class_kind(c));
        buf_printf(&b, "%s%s", i ? " || " : "", test);
    }
    char *tmp = new_temp(ty_bool);
    emit("%s = (%s);", tmp, b.data ? b.data : "0");
    return (Val){tmp, ty_bool, false};
}

/* type(x).__name__: the static type's name unless only the run time
 * knows it (objects, exceptions of a subclass). */
Val emit_type_name(Node *e) {
    Val x = expr(e->a->list.data[0]);
    switch (x.ty->kind) {
    case TY_ANY: return call_value(ty_str, "ac_obj_type_name(%s)", x.c);
    case TY_EXC:
    case TY_INST:
        if (x.ty->opt) return call_value(ty_str, "ac_str_from_cstr(%s ? %s->cls->name : \"NoneType\")", x.c, x.c);
        return call_value(ty_str, "ac_str_from_cstr(%s->cls->name)", x.c);
    case TY_NONE: return (Val){str_lit("NoneType", 8), ty_str, false};
    case TY_TASK: return (Val){str_lit("Task", 4), ty_str, false};
    case TY_CORO: return (Val){str_lit("coroutine", 9), ty_str, false};
    case TY_GEN: return (Val){str_lit("generator", 9), ty_str, false};
    case TY_AGEN: return (Val){str_lit("async_generator", 15), ty_str, false};
    case TY_LIST: return x.ty->sub ? (Val){str_lit("tuple", 5), ty_str, false} : (Val){str_lit("list", 4), ty_str, false};
    case TY_TUPLE: return (Val){str_lit("tuple", 5), ty_str, false};
    case TY_DICT: return (Val){str_lit("dict", 4), ty_str, false};
    case TY_SET: return (Val){str_lit("set", 3), ty_str, false};
    case TY_FROZENSET: return (Val){str_lit("frozenset", 9), ty_str, false};
    case TY_VIEW: {
        const char *n = x.ty->view == 1 ? "dict_keys" : x.ty->view == 2 ? "dict_values" : "dict_items";
        return (Val){str_lit(n, strlen(n)), ty_str, false};
    }
    default: {
        const char *n = ty_name(x.ty);
        return (Val){str_lit(n, strlen(n)), ty_str, false};
    }
    }
}

/* int(x), float(x), abs(x) of an object: Python's rules at run time */
Val obj_convert(const char *fn, Val v) {
    Type *t = !strcmp(fn, "int") ? ty_int : !strcmp(fn, "float") ? ty_float : ty_any;
    return call_value(t, "ac_obj_to_%s(%s)", fn, v.c);
}

/* x.name(args) on an object: the runtime finds the method of what x holds */
Val emit_obj_method(Node *e) {
    Val recv = expr(e->a->a);
    int n = e->list.len;
    Vec args = {0};
    for (int i = 0; i < n; i++) {
        Val *v = xcalloc(1, sizeof *v);
        *v = as_object(expr(e->list.data[i]));
        vec_push(&args, v);
    }
    Buf b = {0};
    for (int i = 0; i < n; i++) buf_printf(&b, "%s%s", i ? ", " : "", ((Val *)args.data[i])->c);
    char *arr = n ? format("(ac_obj *const[]){%s}", b.data) : "NULL";
    return call_value(ty_any, "ac_obj_call_method(%s, \"%s\", %d, %s)", recv.c, e->a->sval, n, arr);
}
