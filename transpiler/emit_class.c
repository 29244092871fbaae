/* emit_class.c -- user classes in C: the class records (ac_uclass, with
 * the dunder hooks the runtime calls), instance creation, attribute
 * reads and stores, and method calls that dispatch on the class. */
#include "emit.h"

#include <string.h>

static bool plain_recv(Type *t) {
    return t && (t->kind == TY_INST || (t->kind == TY_CLASS && t->cls->plain) ||
                 ((t->kind == TY_EXC || t->kind == TY_CLASS) && class_is_user_exc(t->cls)));
}

/* the same kind of class as c (a user class, or an exception class) */
static bool same_kind(const Class *d, const Class *c) { return !d->builtin && d->plain == c->plain; }

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
        for (int j = 0; j < nself; j++) ok &= f->key[j] == class_self(def->cls);
        if (ok) return f;
    }
    return NULL;
}

static const char *hook_name(Class *c, const char *name, int nself, Type *ret) {
    Func *f = hook(c, name, nself, ret);
    return f ? f->cname : "NULL";
}

static int nslots(Class *c) { return c->first_slot + c->fields.len; }

/* C_slots[]: the type of each slot, its bases' first; the name to put in
 * the class record ("NULL" without slots) */
static const char *slot_types(Buf *out, Class *c) {
    int n = nslots(c);
    if (!n) return "NULL";
    buf_printf(out, "static const ac_type *const %s_slots[] = {", c->cname);
    for (int k = 0; k < n; k++) {
        Class *owner = c;
        while (owner->first_slot > k) owner = owner->base;
        Var *f = owner->fields.data[k - owner->first_slot];
        buf_printf(out, "%s%s", k ? ", " : "", desc(f->ty ? f->ty : ty_none));
    }
    buf_puts(out, "};\n");
    return format("%s_slots", c->cname);
}

/* A program's exception class: its ac_class record, with the slots and
 * the __str__/__repr__ of the class or of its bases. */
static void exc_class_info(Buf *out, Class *c) {
    const char *slots = slot_types(out, c);
    buf_printf(out, "static const ac_class %s = {\"%s\", &%s, %d, %s, %s, %s};\n", c->cname, c->name, c->base->cname,
               nslots(c), slots, hook_name(c, "__str__", 1, ty_str), hook_name(c, "__repr__", 1, ty_str));
}

void emit_class_infos(Buf *out) {
    for (int i = 0; i < prog->classes.len; i++) {
        Class *c = prog->classes.data[i];
        if (!c->plain) {
            exc_class_info(out, c);
            continue;
        }
        const char *slots = slot_types(out, c);
        bool eq = class_method(c, "__eq__") != NULL, has_hash = class_method(c, "__hash__") != NULL;
        buf_printf(out, "static const ac_uclass %s = {\"%s\", %s%s, %d, %s, %s, %s, %s, %s, %s, %d, %s, %s};\n",
                   c->cname, c->name, c->base ? "&" : "", c->base ? c->base->cname : "NULL", nslots(c), slots,
                   hook_name(c, "__repr__", 1, ty_str),
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
    return borrowable_arg(fn, i, a, coerce(v, fn->params[i].var->ty));
}

/* fn(self, args...) with self given; the result (None: "0"), or for an
 * async def the coroutine object, as coro_object() makes it. */
static Val call_with_self(Func *fn, Node *call, Val self, Node *self_node) {
    Val *vals = xcalloc((size_t)fn->nparams + 1, sizeof(Val));
    for (int i = 0; i < fn->nparams; i++) {
        if (i == 0 && fn->mkind != MK_STATIC)
            vals[i] = fn->mkind == MK_CLASS ? (Val){"0", ty_none, false} /* type[C]: see c_type */
                                            : borrowable_arg(fn, 0, self_node, coerce(self, fn->params[0].var->ty));
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
        emit("%s(%s);", direct_cname(fn), args);
        check_err();
        return (Val){"0", ty_none, false};
    }
    return call_value(fn->ret, "%s(%s)", direct_cname(fn), args);
}

/* E(args) of an exception class with an __init__: the exception, its
 * args the call's positional arguments, then __init__ on it (which may
 * set them again through super().__init__). */
static Val new_exc(Node *e) {
    Func *fn = e->fn;
    Class *c = e->cls;
    Type *t = ty_exc(c);
    Val *vals = xcalloc((size_t)fn->nparams + 1, sizeof(Val));
    for (int i = 1; i < fn->nparams; i++) vals[i] = pin(arg_val(fn, e, i));
    int n = (int)e->ival < fn->nparams ? (int)e->ival : fn->nparams - 1;
    Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
    Buf items = {0};
    for (int i = 0; i < n; i++) {
        el[i] = vals[i + 1].ty;
        if (is_obj(el[i])) emit("ac_incref(%s);", vals[i + 1].c);
        buf_printf(&items, "%s%s", i ? ", " : "", to_val(vals[i + 1]));
    }
    Type *tt = ty_tuple(el, n);
    char *tmp = new_temp(t);
    if (n)
        emit("%s = ac_exc_new(&%s, ac_tuple_new(%s, (ac_val[]){%s}));", tmp, c->cname, desc(tt), items.data);
    else
        emit("%s = ac_exc_new(&%s, NULL);", tmp, c->cname);
    hold(tmp, t);
    check_err();
    Buf b = {0};
    buf_printf(&b, "%s", tmp);
    for (int i = 1; i < fn->nparams; i++) buf_printf(&b, ", %s", vals[i].c);
    emit("%s(%s);", fn->cname, b.data);
    check_err();
    return (Val){tmp, t, true};
}

Val emit_new_inst(Node *e) {
    Class *c = e->cls;
    if (!c->plain) return new_exc(e);
    Type *t = ty_inst(c);
    char *tmp = new_temp(t);
    emit("%s = ac_inst_new(&%s);", tmp, c->cname);
    hold(tmp, t);
    Val self = {tmp, t, true};
    if (e->fn) call_with_self(e->fn, e, self, NULL);
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

/* super().__init__(...), or Base.__init__(self, ...) naming the direct base */
static bool super_pred(Node *s, const char *self, const char *base) {
    if (calls_super_init(s)) return true;
    if (s->kind != N_EXPR || s->a->kind != N_CALL || !s->a->list.len) return false;
    Node *callee = s->a->a, *first = s->a->list.data[0];
    return base && callee->kind == N_ATTR && !strcmp(callee->sval, "__init__") && callee->a->kind == N_NAME &&
           !strcmp(callee->a->sval, base) && first && first->kind == N_NAME && !strcmp(first->sval, self);
}

/* An attribute every instance has once constructed: its class's own
 * __init__ stores it unconditionally, and every subclass __init__ calls
 * super().__init__() first thing at its top level.  Other attributes'
 * reads test that a store happened (ac_inst.set), as CPython raises
 * AttributeError. */
static bool surely_set(Var *f) {
    if (f->shadows || f->over) return false; /* its bit tells which value a read sees */
    if (f->slot >= 64) return true; /* beyond the mask: not checked */
    Class *owner = NULL;
    for (int i = 0; i < prog->classes.len && !owner; i++) {
        Class *c = prog->classes.data[i];
        for (int k = 0; !c->builtin && k < c->fields.len; k++)
            if (c->fields.data[k] == f) owner = c;
    }
    if (!owner) return true;
    Func *init = own_init(owner);
    if (!init || !body_has(init, stores_top, f->name)) return false;
    for (int i = 0; i < prog->classes.len; i++) {
        Class *d = prog->classes.data[i];
        if (d == owner || !same_kind(d, owner) || !class_is_sub(d, owner)) continue;
        Func *di = own_init(d);
        if (di && !body_has(di, super_pred, d->base ? d->base->name : NULL)) return false;
    }
    return true;
}

/* the read of slot f of r, checked when it may be unassigned */
static Val cattr_of(const char *recv, Class *stat, Var *v, const char *name);
static char *shadow_read(Val r, Var *f);

static char *slot_read(Val r, Var *f, const char *name) {
    if (f->shadows && ty_strip(r.ty)->kind == TY_INST) return shadow_read(r, f);
    char *x = from_val(slot_ref(r.c, f), f->ty);
    if (f->over) { /* unset: CPython's bound method, which is not a value here yet */
        emit("if (AC_UNLIKELY(!(%s->set >> %d & 1))) ac_raise_msg(&ac_cls_NotImplementedError, \"%%s\", "
             "\"asyncc: method '%s' read as a value (no instance attribute hides it here)\");",
             r.c, f->slot, name);
        check_err();
        return x;
    }
    const char *kind = ty_strip(r.ty)->kind == TY_EXC ? "exc" : "inst";
    if (!surely_set(f)) {
        emit("if (AC_UNLIKELY(!(%s->set >> %d & 1))) ac_%s_no_attr(%s, \"%s\");", r.c, f->slot, kind, r.c, name);
        check_err();
    } else if (is_obj(f->ty) && !f->ty->opt) {
        emit("if (AC_UNLIKELY(!%s)) ac_%s_no_attr(%s, \"%s\");", x, kind, r.c, name);
        check_err();
    }
    return x;
}

static void slot_store(Val r, Var *f, char *cval) {
    if (ty_strip(r.ty)->kind == TY_EXC) /* an exception's fields follow the exception */
        emit("ac_exc_set(%s, %d, %s);", r.c, f->slot, to_val((Val){cval, f->ty, false}));
    /* inline: the slot's type is known here, so is whether it holds a reference */
    else if (is_obj(f->ty))
        emit("{ ac_val old_ = %s->slots[%d]; %s->slots[%d] = %s; ac_decref(old_.p); }", r.c, f->slot, r.c, f->slot,
             to_val((Val){cval, f->ty, false}));
    else
        emit("%s->slots[%d] = %s;", r.c, f->slot, to_val((Val){cval, f->ty, false}));
    if (!surely_set(f)) emit("%s->set |= (uint64_t)1 << %d;", r.c, f->slot);
}

static bool is_cattr(Var *v) { return v->is_global; }

/* self.x where x is a class attribute: the one of the object's class (a
 * subclass may define its own), chosen on the class record. */
static Val cattr_of(const char *recv, Class *stat, Var *v, const char *name) {
    Buf b = {0};
    for (int i = prog->classes.len - 1; i >= 0; i--) { /* subclasses come later */
        Class *d = prog->classes.data[i];
        if (!same_kind(d, stat) || d == stat || !class_is_sub(d, stat)) continue;
        Var *w = class_cattr(d, name);
        if (!w || w == v || w->ty != v->ty) continue;
        w->read = true;
        buf_printf(&b, "%s->cls == &%s ? %s : ", recv, d->cname, var_ref(w));
    }
    v->read = true;
    if (!b.len) return (Val){var_ref(v), v->ty, false};
    return (Val){format("(%s%s)", b.data, var_ref(v)), v->ty, false};
}

static Val cattr_through_instance(Node *e, Var *v) {
    Val r = pin(expr(e->a));
    return cattr_of(r.c, ty_strip(e->a->ty)->cls, v, e->sval);
}

/* x.a where the instance attribute a is over a class attribute (x.a = v
 * from outside, del x.a): the slot while it is set, else the class
 * attribute of x's class.  A reference held by the statement. */
static char *shadow_read(Val r, Var *f) {
    char *tmp = new_temp(f->ty);
    emit("if (%s->set >> %d & 1) {", r.c, f->slot);
    emit("    %s = %s;", tmp, from_val(slot_ref(r.c, f), f->ty));
    if (is_obj(f->ty)) emit("    ac_incref(%s);", tmp);
    emit("} else {");
    Class *stat = ty_strip(r.ty)->cls;
    Val c = cattr_of(r.c, stat, class_cattr(stat, f->name), f->name);
    emit("    %s = %s;", tmp, take_ref(coerce(c, f->ty)));
    emit("}");
    if (is_obj(f->ty)) hold(tmp, f->ty);
    return tmp;
}

/* The receiver of an attribute or a method, evaluated once; when it is
 * typed C | None, a None raises AttributeError as CPython does. */
Val recv_checked(Node *a, Val r, const char *name) {
    r = pin(r);
    if (a->ty && a->ty->opt && ty_strip(a->ty)->kind == TY_INST) {
        emit("if (AC_UNLIKELY(!%s)) ac_none_no_attr(\"%s\");", r.c, name);
        check_err();
    }
    return r;
}

Val emit_attr_get(Node *e) {
    if (e->builtin == B_TYPENAME) return (Val){str_lit(e->a->ty->cls->name, strlen(e->a->ty->cls->name)), ty_str, false};
    if (e->fn) { /* a property */
        Val r = pin(expr(e->a));
        return call_with_self(e->fn, e, r, e->a);
    }
    Var *v = e->var;
    if (is_cattr(v) && (ty_strip(e->a->ty)->kind == TY_INST || ty_strip(e->a->ty)->kind == TY_EXC)) return cattr_through_instance(e, v);
    if (is_cattr(v)) {
        if (e->a->kind != N_NAME) expr(e->a);
        v->read = true;
        return (Val){var_ref(v), v->ty, false};
    }
    Val r = recv_checked(e->a, expr(e->a), e->sval);
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
    Val r = recv_checked(t->a, expr(t->a), t->sval);
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
    Val recv = recv_checked(t->a, expr(t->a), t->sval);
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
        if (!same_kind(d, stat) || !class_is_sub(d, stat) || class_method(d, m) != def) continue;
        buf_printf(&b, "%s%s->cls == &%s", b.len ? " || " : "", recv, d->cname);
    }
    return b;
}

Val emit_method_dispatch(Node *e) {
    Vec *copies = &e->d->list;
    if (!copies->len && e->c && strcmp(e->a->sval, "__init__")) /* BaseException.__str__/__repr__ */
        return call_value(ty_str, "ac_exc_base_%s(%s)", e->a->sval[2] == 's' ? "str" : "repr", expr(e->c).c);
    if (!copies->len && e->c && e->list.len == 1 && ((Node *)e->list.data[0])->kind == N_STARRED) {
        Val self = expr(e->c); /* super().__init__(*args): args is that tuple */
        Val t = expr(((Node *)e->list.data[0])->a);
        emit("ac_exc_set_args(%s, %s);", self.c, take_ref(t));
        return (Val){"0", ty_none, false};
    }
    if (!copies->len && e->c) { /* super().__init__(args) of BaseException: args */
        Val self = expr(e->c);
        Node fake = {0};
        fake.list = e->list;
        int n = e->list.len;
        Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
        for (int i = 0; i < n; i++) el[i] = ((Node *)e->list.data[i])->ty;
        Val args = tuple_lit(&fake, ty_tuple(el, n));
        emit("ac_exc_set_args(%s, %s);", self.c, take_ref(args));
        return (Val){"0", ty_none, false};
    }
    if (!copies->len) return (Val){"0", ty_none, false}; /* super().__init__() of object */
    Node *callee = e->a;
    bool cls = callee->a->ty->kind == TY_CLASS; /* a class method called on the class */
    Val recv = cls ? (Val){"NULL", callee->a->ty, false} : recv_checked(callee->a, expr(callee->a), callee->sval);
    Class *stat = ty_strip(callee->a->ty)->cls;
    Type *rt = e->ty;
    char *res = rt == ty_none ? NULL : new_temp(rt);
    char *done = new_label("dispatched");
    for (int i = 0; i < copies->len; i++) {
        Node *copy = copies->data[i];
        Func *fn = copy->fn;
        bool last = i == copies->len - 1, raises = copy->builtin == B_RAISE;
        if (!last) {
            Buf test = class_test(recv.c, stat, raises ? fn : fn->origin, callee->sval);
            emit("if (%s) {", test.data ? test.data : "0");
        } else {
            emit("{");
        }
        int m = C->held.len;
        if (raises) { /* this definition's parameters do not take the arguments */
            emit_raise_at(copy);
            if (res) emit("%s = %s;", res, is_obj(rt) ? "NULL" : rt->tag ? "ac_tag_none()" : "0"); /* never reached */
            release_held_from(m);
            C->held.len = m;
            if (!last) emit("goto %s;", done);
            emit("}");
            continue;
        }
        Val r = call_with_self(fn, copy, recv, cls ? NULL : callee->a);
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
    if (!s->cls) return;
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

/* ---- iterator objects ------------------------------------------------------------ */

/* The thunk ac_obj_iter calls: the class's __next__ with its result as
 * an ac_val.  One per specialisation of __next__. */
static char *next_thunk(Func *fn) {
    static Vec done; /* Func*: the Funcs of every program of this process are distinct */
    char *name = format("%s_nextv", fn->cname);
    for (int i = 0; i < done.len; i++)
        if (done.data[i] == fn) return name;
    vec_push(&done, fn);
    const char *self = c_type(fn->params[0].var->ty);
    buf_printf(&out_protos, "static ac_val %s(void *self);\n", name);
    char *call = format("%s((%s)self)", fn->cname, self);
    if (fn->ret == ty_none)
        buf_printf(&out_funcs, "static ac_val %s(void *self) {\n    %s;\n    return ac_int_val(0);\n}\n\n", name, call);
    else
        buf_printf(&out_funcs, "static ac_val %s(void *self) {\n    return %s;\n}\n\n", name,
                   to_val((Val){call, fn->ret, false}));
    return name;
}

Val emit_obj_iter(Node *e) {
    Val it = expr(e->a);
    return call_value(e->ty, "ac_obj_iter(%s, %s, %s)", it.c, next_thunk(e->fn), desc(e->ty->elem));
}

/* ---- attributes of objects ------------------------------------------------------- */

/* One branch of x.a on an object: the classes whose instances (or
 * exceptions) have the attribute, tested on the record, the slot boxed. */
static void obj_attr_branch(const char *x, const char *res, Class *d, Var *f, const char *name, bool *first) {
    const char *kind = d->plain ? "inst" : "exc";
    emit("%sif (%s->kind == AC_K_%s && ((ac_%s *)%s)->cls == &%s) {", *first ? "" : "} else ", x,
         d->plain ? "INST" : "EXC", kind, x, d->cname);
    *first = false;
    char *slot = format("((ac_%s *)%s)->slots[%d]", kind, x, f->slot);
    Type *t = f->ty ? f->ty : ty_none;
    Buf unset = {0};
    if (!surely_set(f)) buf_printf(&unset, "!(((ac_%s *)%s)->set >> %d & 1)", kind, x, f->slot);
    if (is_obj(t) && !t->opt) buf_printf(&unset, "%s!%s", unset.len ? " || " : "", from_val(slot, t));
    if (unset.len)
        emit("    if (AC_UNLIKELY(%s)) ac_%s_no_attr((ac_%s *)%s, \"%s\"); else", unset.data, kind, kind, x, name);
    emit("    { ac_val_incref(%s, %s); %s = ac_obj_from(%s, %s); }", slot, desc(t), res, slot, desc(t));
}

Val emit_obj_attr(Node *e) {
    Val x = pin(expr(e->a));
    const char *name = e->sval;
    char *res = new_temp(ty_any);
    emit("%s = NULL;", res);
    bool first = true;
    if (!strcmp(name, "__cause__") || !strcmp(name, "__context__") || !strcmp(name, "args")) {
        const char *get = name[2] == 'c' && name[3] == 'a' ? "ac_exc_cause" : name[0] == 'a' ? "ac_exc_args" : "ac_exc_context";
        emit("if (%s->kind == AC_K_EXC) {", x.c);
        emit("    %s = (ac_obj *)%s((ac_exc *)%s);", res, get, x.c);
        emit("    if (!%s) %s = &ac_None;", res, res);
        first = false;
    }
    for (int i = 0; i < prog->classes.len; i++) {
        Class *d = prog->classes.data[i];
        Var *f = d->builtin ? NULL : class_field(d, name), *ca = d->builtin || !d->plain ? NULL : class_cattr(d, name);
        if (f)
            obj_attr_branch(x.c, res, d, f, name, &first);
        else if (ca) { /* a class attribute, read through the instance: its class's (or a base's) */
            emit("%sif (%s->kind == AC_K_INST && ((ac_inst *)%s)->cls == &%s) {", first ? "" : "} else ", x.c, x.c,
                 d->cname);
            first = false;
            Val v = {var_ref(ca), ca->ty, false};
            emit("    %s = %s;", res, take_ref(as_object(v)));
        }
    }
    emit("%s{", first ? "" : "} else ");
    emit("    ac_str *tn = ac_obj_type_name(%s);", x.c);
    emit("    ac_raise_msg(&ac_cls_AttributeError, \"%s'%%s' %shas no attribute '%s'\", tn->s);", e->op ? "type object " : "",
         e->op ? "" : "object ", name);
    emit("    ac_decref(tn);");
    emit("}");
    hold(res, ty_any);
    check_err();
    return (Val){res, ty_any, true};
}

/* ---- del x.a and vars(x) ------------------------------------------------------------ */

/* del x.a: AttributeError unless the slot holds a value; then it holds none. */
void emit_del_attr(Node *t) {
    Val r = recv_checked(t->a, expr(t->a), t->sval);
    Var *f = t->var;
    if (!surely_set(f)) {
        emit("if (AC_UNLIKELY(!(%s->set >> %d & 1))) ac_inst_no_attr(%s, \"%s\");", r.c, f->slot, r.c, t->sval);
        check_err();
        emit("%s->set &= ~((uint64_t)1 << %d);", r.c, f->slot);
    }
    if (is_obj(f->ty)) {
        emit("ac_decref(%s);", from_val(slot_ref(r.c, f), f->ty));
        emit("%s = ac_ptr_val(NULL);", slot_ref(r.c, f));
    }
}

/* vars(x): one branch per class x may be, adding the attributes it holds. */
Val emit_vars(Node *e) {
    Val r = pin(expr(e->list.data[0]));
    Class *stat = r.ty->cls;
    char *d = new_temp(e->ty);
    emit("%s = ac_dict_new(%s);", d, desc(e->ty));
    bool first = true;
    for (int i = 0; i < prog->classes.len; i++) {
        Class *c = prog->classes.data[i];
        if (!same_kind(c, stat) || !class_is_sub(c, stat)) continue;
        emit("%sif (%s->cls == &%s) {", first ? "" : "} else ", r.c, c->cname);
        first = false;
        Vec chain = {0};
        for (Class *k = c; k; k = k->base) vec_push(&chain, k);
        for (int j = chain.len - 1; j >= 0; j--) {
            Class *k = chain.data[j];
            for (int n = 0; n < k->fields.len; n++) {
                Var *f = k->fields.data[n];
                Type *t = f->ty ? f->ty : ty_none;
                char *slot = slot_ref(r.c, f);
                emit("    %s{ ac_val_incref(%s, %s); ac_dict_set(%s, ac_ptr_val(ac_str_from_cstr(\"%s\")), "
                     "ac_ptr_val(ac_obj_from(%s, %s))); }",
                     surely_set(f) ? "" : format("if (%s->set >> %d & 1) ", r.c, f->slot), slot, desc(t), d, f->name,
                     slot, desc(t));
            }
        }
    }
    if (!first) emit("}");
    hold(d, e->ty);
    check_err();
    return (Val){d, e->ty, true};
}

/* x.m(args) where an instance attribute x.m may hide the method: while
 * x's slot is set, CPython calls what it holds (a value that cannot be
 * called: TypeError after the arguments), else the method. */
Val emit_over_method_call(Node *e) {
    Node *callee = e->a;
    Var *f = callee->var;
    Val r = expr(callee->a);
    Type *t = e->ty ? e->ty : ty_none;
    char *res = t == ty_none ? NULL : new_temp(t);
    emit("if (%s->set >> %d & 1) {", r.c, f->slot);
    int m = C->held.len;
    for (int i = 0; i < e->list.len; i++) {
        Node *a = e->list.data[i];
        if (a && a != callee->a) expr(a->kind == N_STARRED ? a->a : a);
    }
    release_held_from(m);
    Type *ft = f->ty ? f->ty : ty_none;
    if (ft->kind == TY_ANY || ft->opt) { /* the name of what it holds (NULL: None) */
        emit("    { ac_str *tn_ = ac_obj_type_name((const ac_obj *)%s.p);", slot_ref(r.c, f));
        emit("      ac_raise_msg(&ac_cls_TypeError, \"'%%s' object is not callable\", tn_->s); ac_decref(tn_); }");
    } else {
        const char *tn = ft->kind == TY_INST ? ft->cls->name : ft == ty_none ? "NoneType" : builtin_recv_name(ft);
        emit("    ac_raise_msg(&ac_cls_TypeError, \"%%s\", \"'%s' object is not callable\");", tn ? tn : ty_name(ft));
    }
    if (res) emit("    %s = %s;", res, is_obj(t) ? "NULL" : t->tag ? "ac_tag_none()" : "0");
    emit("} else {");
    callee->var = NULL; /* the method call itself */
    Val v = call_expr(e);
    callee->var = f;
    if (res) emit("    %s = %s;", res, take_ref(coerce(v, t)));
    release_held_from(m);
    emit("}");
    check_err();
    if (res && is_obj(t)) hold(res, t);
    return res ? (Val){res, t, is_obj(t)} : (Val){"0", ty_none, false};
}
