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
            vals[i] = fn->mkind == MK_CLASS ? (Val){"ac_int_val(0)", ty_none, false}
                                            : coerce(self, fn->params[0].var->ty);
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
        hold(tmp, ct); /* before the test: a MemoryError leaves it real */
        check_err();
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

/* Does s (a statement of __init__'s body) store self.name / call super().__init__? */
static bool stores_top(Node *s, const char *self, const char *name) {
    if (s->kind != N_ASSIGN) return false;
    Node *t = s->a;
    Vec one = {0};
    if (t->kind == N_TUPLE)
        one = t->list;
    else
        vec_push(&one, t);
    for (int i = 0; i < one.len; i++) {
        Node *x = one.data[i];
        if (x->kind == N_ATTR && x->a->kind == N_NAME && !strcmp(x->a->sval, self) && !strcmp(x->sval, name))
            return true;
    }
    return false;
}

static bool calls_super_init(Node *s) {
    return s->kind == N_EXPR && s->a->kind == N_CALL && s->a->a->kind == N_ATTR &&
           !strcmp(s->a->a->sval, "__init__") && s->a->a->a->kind == N_CALL && s->a->a->a->a->kind == N_NAME &&
           !strcmp(s->a->a->a->a->sval, "super");
}

static Func *own_init(Class *c) {
    for (int i = 0; i < c->methods.len; i++) {
        Func *f = c->methods.data[i];
        if (!strcmp(f->name, "__init__") && f->nparams) return f;
    }
    return NULL;
}

static bool body_has(Func *init, bool (*pred)(Node *, const char *, const char *), const char *name) {
    Node *b = init->def->b;
    for (int i = 0; i < b->list.len; i++)
        if (pred(b->list.data[i], init->params[0].var->name, name)) return true;
    return false;
}

static bool super_pred(Node *s, const char *self, const char *name) {
    (void)self, (void)name;
    return calls_super_init(s);
}

/* An attribute every instance has once constructed: its class's own
 * __init__ stores it unconditionally, and every subclass __init__ calls
 * super().__init__() first thing at its top level.  Other attributes'
 * reads test that a store happened (ac_inst.set), as CPython raises
 * AttributeError. */
static bool surely_set(Var *f) {
    if (f->slot >= 64) return true; /* beyond the mask: not checked */
    Class *owner = NULL;
    for (int i = 0; i < prog->classes.len && !owner; i++) {
        Class *c = prog->classes.data[i];
        for (int k = 0; c->plain && k < c->fields.len; k++)
            if (c->fields.data[k] == f) owner = c;
    }
    if (!owner) return true;
    Func *init = own_init(owner);
    if (!init || !body_has(init, stores_top, f->name)) return false;
    for (int i = 0; i < prog->classes.len; i++) {
        Class *d = prog->classes.data[i];
        if (d == owner || !d->plain || !class_is_sub(d, owner)) continue;
        Func *di = own_init(d);
        if (di && !body_has(di, super_pred, NULL)) return false;
    }
    return true;
}

/* the read of slot f of r, checked when it may be unassigned */
static char *slot_read(Val r, Var *f, const char *name) {
    char *x = from_val(slot_ref(r.c, f), f->ty);
    if (!surely_set(f)) {
        emit("if (AC_UNLIKELY(!(%s->set >> %d & 1))) ac_inst_no_attr(%s, \"%s\");", r.c, f->slot, r.c, name);
        check_err();
    } else if (is_obj(f->ty) && !f->ty->opt) {
        emit("if (AC_UNLIKELY(!%s)) ac_inst_no_attr(%s, \"%s\");", x, r.c, name);
        check_err();
    }
    return x;
}

static void slot_store(Val r, Var *f, char *cval) {
    emit("ac_inst_set(%s, %d, %s);", r.c, f->slot, to_val((Val){cval, f->ty, false}));
    if (!surely_set(f)) emit("%s->set |= (uint64_t)1 << %d;", r.c, f->slot);
}

static bool is_cattr(Var *v) { return v->is_global; }

/* self.x where x is a class attribute: the one of the object's class (a
 * subclass may define its own), chosen on the class record. */
static Val cattr_through_instance(Node *e, Var *v) {
    Val r = pin(expr(e->a));
    Class *stat = ty_strip(e->a->ty)->cls;
    Buf b = {0};
    for (int i = prog->classes.len - 1; i >= 0; i--) { /* subclasses come later */
        Class *d = prog->classes.data[i];
        if (!d->plain || d == stat || !class_is_sub(d, stat)) continue;
        Var *w = class_cattr(d, e->sval);
        if (!w || w == v || w->ty != v->ty) continue;
        w->read = true;
        buf_printf(&b, "%s->cls == &%s ? %s : ", r.c, d->cname, var_ref(w));
    }
    v->read = true;
    if (!b.len) return (Val){var_ref(v), v->ty, false};
    return (Val){format("(%s%s)", b.data, var_ref(v)), v->ty, false};
}

Val emit_attr_get(Node *e) {
    if (e->builtin == B_TYPENAME) return (Val){str_lit(e->a->ty->cls->name, strlen(e->a->ty->cls->name)), ty_str, false};
    if (e->fn) { /* a property */
        Val r = pin(expr(e->a));
        return call_with_self(e->fn, e, r);
    }
    Var *v = e->var;
    if (is_cattr(v) && ty_strip(e->a->ty)->kind == TY_INST) return cattr_through_instance(e, v);
    if (is_cattr(v)) {
        if (e->a->kind != N_NAME) expr(e->a);
        v->read = true;
        return (Val){var_ref(v), v->ty, false};
    }
    Val r = pin(expr(e->a));
    return (Val){slot_read(r, v, e->sval), v->ty, false};
}

void emit_attr_set(Node *t, Val val) {
    if (t->ival == 4) { /* a property without a setter */
        Val r = pin(expr(t->a));
        emit("ac_inst_no_setter(%s, \"%s\");", r.c, t->sval);
        check_err();
        return;
    }
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
    slot_store(r, v, take_ref(val));
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
    Val cur = {slot_read(recv, v, t->sval), v->ty, false};
    Val r = expr(s->b);
    fake.ty = s->ty ? s->ty : v->ty;
    Val res = coerce(binop(&fake, s->op, cur, r), v->ty);
    slot_store(recv, v, take_ref(res));
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
    bool cls = callee->a->ty->kind == TY_CLASS; /* a class method called on the class */
    Val recv = cls ? (Val){"NULL", callee->a->ty, false} : pin(expr(callee->a));
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
