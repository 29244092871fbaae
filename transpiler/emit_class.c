/* emit_class.c -- user classes in C: the class records (ac_uclass, with
 * the dunder hooks the runtime calls), instance creation, attribute
 * reads and stores, and method calls that dispatch on the class. */
#include "emit.h"

#include <string.h>

static bool plain_recv(Type *t) { return t && (t->kind == TY_INST || (t->kind == TY_CLASS && t->cls->plain)); }

/* ---- class records --------------------------------------------------------- */

/* The specialisation of a dunder the runtime calls: self (and other) of
 * the class that defines it, returning ret; NULL when there is none. */
static Func *hook(Class *c, const char *name, int nself, Type *ret) {
    Func *def = class_method(c, name);
    if (!def || def->nparams != nself) return NULL;
    for (int i = 0; i < prog->funcs.len; i++) {
        Func *f = prog->funcs.data[i];
        if (f->origin != def || (ret && f->ret != ret)) continue;
        bool ok = true;
        for (int j = 0; j < nself; j++) ok &= f->key[j] == ty_inst(def->cls);
        if (ok) return f;
    }
    return NULL;
}

static const char *hook_name(Class *c, const char *name, int nself, Type *ret) {
    Func *f = hook(c, name, nself, ret);
    return f ? f->cname : "NULL";
}

static int nslots(Class *c) { return c->first_slot + c->fields.len; }

void emit_class_infos(Buf *out) {
    for (int i = 0; i < prog->classes.len; i++) {
        Class *c = prog->classes.data[i];
        if (!c->plain) continue;
        int n = nslots(c);
        if (n) {
            buf_printf(out, "static const ac_type *const %s_slots[] = {", c->cname);
            for (int k = 0; k < n; k++) {
                Class *owner = c;
                while (owner->first_slot > k) owner = owner->base;
                Var *f = owner->fields.data[k - owner->first_slot];
                buf_printf(out, "%s%s", k ? ", " : "", desc(f->ty ? f->ty : ty_none));
            }
            buf_puts(out, "};\n");
        }
        bool eq = class_method(c, "__eq__") != NULL, has_hash = class_method(c, "__hash__") != NULL;
        buf_printf(out, "static const ac_uclass %s = {\"%s\", %s%s, %d, %s%s, %s, %s, %s, %s, %s, %d, %s, %s};\n",
                   c->cname, c->name, c->base ? "&" : "", c->base ? c->base->cname : "NULL", n,
                   n ? c->cname : "NULL", n ? "_slots" : "", hook_name(c, "__repr__", 1, ty_str),
                   hook_name(c, "__str__", 1, ty_str), hook_name(c, "__eq__", 2, ty_bool),
                   hook_name(c, "__lt__", 2, ty_bool), hook_name(c, "__hash__", 1, ty_int), eq && !has_hash,
                   hook_name(c, "__bool__", 1, ty_bool), hook_name(c, "__len__", 1, ty_int));
    }
}

/* ---- instances ------------------------------------------------------------- */

/* The value of argument i of a call bound to fn (its default if absent). */
static Val arg_val(Func *fn, Node *call, int i) {
    Node *a = call->list.data[i];
    Val v = a ? expr(a) : expr(fn->params[i].def);
    return coerce(v, fn->params[i].var->ty);
}

/* fn(self, args...) with self given; the result (None: "0"), or for an
 * async def the coroutine object, as coro_object() makes it. */
static Val call_with_self(Func *fn, Node *call, Val self) {
    Val *vals = xcalloc((size_t)fn->nparams + 1, sizeof(Val));
    for (int i = 0; i < fn->nparams; i++) {
        if (i == 0 && fn->mkind != MK_STATIC)
            vals[i] = fn->mkind == MK_CLASS ? (Val){"0", ty_none, false} : coerce(self, fn->params[0].var->ty);
        else
            vals[i] = arg_val(fn, call, i);
    }
    if (fn->is_async) {
        Type *ct = ty_coro(fn->ret);
        char *tmp = new_temp(ct);
        emit("%s = ac_coro_new(&%s_vt);", tmp, fn->cname);
        for (int i = 0; i < fn->nparams; i++)
            emit("AC_TASK_FRAME(%s, struct %s_frame)->%s = %s;", tmp, fn->cname, safe_name(fn->params[i].var->name),
                 take_ref(vals[i]));
        check_err();
        hold(tmp, ct);
        return (Val){tmp, ct, true};
    }
    Buf b = {0};
    for (int i = 0; i < fn->nparams; i++) buf_printf(&b, "%s%s", i ? ", " : "", vals[i].c);
    const char *args = b.data ? b.data : "";
    if (fn->ret == ty_none) {
        emit("%s(%s);", fn->cname, args);
        check_err();
        return (Val){"0", ty_none, false};
    }
    return call_value(fn->ret, "%s(%s)", fn->cname, args);
}

Val emit_new_inst(Node *e) {
    Class *c = e->cls;
    Type *t = ty_inst(c);
    char *tmp = new_temp(t);
    emit("%s = ac_inst_new(&%s);", tmp, c->cname);
    hold(tmp, t);
    Val self = {tmp, t, true};
    if (e->fn) call_with_self(e->fn, e, self);
    return self;
}

/* ---- attributes --------------------------------------------------------------- */

static char *slot_ref(const char *recv, Var *f) { return format("%s->slots[%d]", recv, f->slot); }

static bool is_cattr(Var *v) { return v->is_global; }

Val emit_attr_get(Node *e) {
    if (e->builtin == B_TYPENAME) return (Val){str_lit(e->a->ty->cls->name, strlen(e->a->ty->cls->name)), ty_str, false};
    if (e->fn) { /* a property */
        Val r = pin(expr(e->a));
        return call_with_self(e->fn, e, r);
    }
    Var *v = e->var;
    if (is_cattr(v)) {
        if (e->a->kind != N_NAME) expr(e->a);
        v->read = true;
        return (Val){var_ref(v), v->ty, false};
    }
    Val r = pin(expr(e->a));
    char *x = from_val(slot_ref(r.c, v), v->ty);
    if (is_obj(v->ty) && !v->ty->opt) { /* read before any store: AttributeError */
        emit("if (AC_UNLIKELY(!%s)) ac_inst_no_attr(%s, \"%s\");", x, r.c, e->sval);
        check_err();
    }
    return (Val){x, v->ty, false};
}

void emit_attr_set(Node *t, Val val) {
    if (t->fn) { /* a property's setter */
        Val r = pin(expr(t->a));
        Func *s = t->fn;
        val = coerce(val, s->params[1].var->ty);
        emit("%s(%s, %s);", s->cname, r.c, val.c);
        check_err();
        return;
    }
    Var *v = t->var;
    if (is_cattr(v)) {
        if (t->a->kind != N_NAME) expr(t->a);
        assign_var(v, val);
        return;
    }
    Val r = pin(expr(t->a));
    if (t->ival == 1) { /* a frozen dataclass */
        emit("ac_inst_frozen(\"%s\");", t->sval);
        check_err();
        return;
    }
    val = coerce(val, v->ty);
    char *x = take_ref(val);
    emit("ac_inst_set(%s, %d, %s);", r.c, v->slot, to_val((Val){x, v->ty, false}));
}

/* x.a += v */
void emit_attr_augassign(Node *s) {
    Node *t = s->a;
    Var *v = t->var;
    Node fake = *s;
    fake.a = t;
    if (!v || t->fn) { /* a property: get, operate, set */
        Val cur = emit_attr_get(t);
        Val r = expr(s->b);
        fake.ty = s->ty ? s->ty : cur.ty;
        emit_attr_set(t, binop(&fake, s->op, cur, r));
        return;
    }
    if (is_cattr(v)) {
        Val cur = {var_ref(v), v->ty, false};
        v->read = true;
        Val r = expr(s->b);
        fake.ty = s->ty ? s->ty : v->ty;
        assign_var(v, binop(&fake, s->op, cur, r));
        return;
    }
    Val recv = pin(expr(t->a));
    Val cur = {from_val(slot_ref(recv.c, v), v->ty), v->ty, false};
    Val r = expr(s->b);
    fake.ty = s->ty ? s->ty : v->ty;
    Val res = coerce(binop(&fake, s->op, cur, r), v->ty);
    char *x = take_ref(res);
    emit("ac_inst_set(%s, %d, %s);", recv.c, v->slot, to_val((Val){x, v->ty, false}));
}

/* ---- method calls that dispatch ---------------------------------------------- */

/* The classes of the program that resolve the call's method to fn. */
static Buf class_test(const char *recv, Class *stat, Func *def, const char *m) {
    Buf b = {0};
    for (int i = 0; i < prog->classes.len; i++) {
        Class *d = prog->classes.data[i];
        if (!d->plain || !class_is_sub(d, stat) || class_method(d, m) != def) continue;
        buf_printf(&b, "%s%s->cls == &%s", b.len ? " || " : "", recv, d->cname);
    }
    return b;
}

Val emit_method_dispatch(Node *e) {
    Vec *copies = &e->d->list;
    if (!copies->len) return (Val){"0", ty_none, false}; /* super().__init__() of object */
    Node *callee = e->a;
    Val recv = pin(expr(callee->a));
    Class *stat = ty_strip(callee->a->ty)->cls;
    Type *rt = e->ty;
    char *res = rt == ty_none ? NULL : new_temp(rt);
    char *done = new_label("dispatched");
    for (int i = 0; i < copies->len; i++) {
        Node *copy = copies->data[i];
        Func *fn = copy->fn;
        bool last = i == copies->len - 1;
        if (!last) {
            Buf test = class_test(recv.c, stat, fn->origin, callee->sval);
            emit("if (%s) {", test.data ? test.data : "0");
        } else {
            emit("{");
        }
        int m = C->held.len;
        Val r = call_with_self(fn, copy, recv);
        if (res) {
            r = coerce(r, rt);
            emit("%s = %s;", res, take_ref(r));
        }
        release_held_from(m);
        C->held.len = m;
        if (!last) emit("goto %s;", done);
        emit("}");
    }
    emit_label(done);
    if (!res) return (Val){"0", ty_none, false};
    if (is_obj(rt)) hold(res, rt);
    return (Val){res, rt, is_obj(rt)};
}

/* The class statement: its class attributes, in order. */
void emit_class_stmt(Node *s) {
    if (!s->cls || !s->cls->plain) return;
    Vec assigns = {0};
    for (int i = 0; i < s->list.len; i++) {
        Node *m = s->list.data[i];
        if (m->kind == N_ASSIGN && m->a->kind == N_NAME && m->a->var && m->b) vec_push(&assigns, m);
    }
    stmt_list(&assigns);
}

bool emit_is_class_attr(Node *e) { return e->kind == N_ATTR && plain_recv(ty_strip(e->a->ty)) && (e->var || e->fn || e->builtin == B_TYPENAME); }

/* x[k] = v on an instance: its __setitem__ */
void emit_index_set(Node *t, Val val) {
    Func *f = t->fn;
    Val r = pin(expr(t->a));
    Val k = coerce(expr(t->b), f->params[1].var->ty);
    val = coerce(val, f->params[2].var->ty);
    emit("%s(%s, %s, %s);", f->cname, r.c, k.c, val.c);
    check_err();
}

/* if x: on an instance whose class (or a subclass) has __bool__ or __len__ */
char *inst_truth(Val v) {
    for (int i = 0; i < prog->classes.len; i++) {
        Class *d = prog->classes.data[i];
        if (d->plain && class_is_sub(d, v.ty->cls) &&
            (class_method(d, "__bool__") || class_method(d, "__len__")))
            return call_value(ty_bool, "ac_inst_truth(%s)", v.c).c;
    }
    return "1";
}

/* hash(x): the runtime's hash of any value (an instance's __hash__ is
 * called as a method where the class has one: check_class.c) */
Val emit_hash(Node *e) {
    Val v = expr(e->list.data[0]);
    return call_value(ty_int, "ac_val_hash(%s, %s)", to_val(v), desc(v.ty));
}
