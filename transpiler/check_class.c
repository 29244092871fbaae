/* check_class.c -- user classes: declaration, attributes, methods and
 * their calls.
 *
 * An instance is one runtime object whose attributes are slots (runtime
 * rt_class.c).  The slots of a class are the attributes its methods store
 * through their first parameter (`self.x = ...`), found syntactically when
 * the class is declared; an attribute belongs to the topmost class that
 * stores it, so a subclass's slots extend its base's.  An attribute's type
 * is a Var widened by every store, like a variable's (whole-program
 * inference, infer.c).
 *
 * Methods are defs whose first parameter is bound to the receiver: each is
 * specialised with that parameter typed as the class that defines it, so
 * an inherited method is compiled once.  A call x.m() on a receiver of
 * static class C calls the one definition every subclass of C resolves m
 * to, or dispatches on the object's class when they differ (the program's
 * classes are all known: a closed world).  docs/DESIGN.md, "Classes". */
#include "check.h"

#include <string.h>

static Program *prog;
static Vec classes; /* Class*: user (non-exception) classes, source order */

static void err(Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(prog->src, n->loc, "error", fmt, ap);
    va_end(ap);
    diag_errors++;
}

bool class_is_sub(const Class *c, const Class *base) {
    for (; c; c = c->base)
        if (c == base) return true;
    return false;
}

static Func *own_method(Class *c, const char *name, bool setter) {
    for (int i = 0; i < c->methods.len; i++) {
        Func *f = c->methods.data[i];
        if (!strcmp(f->name, name) && (f->mkind == MK_SETTER) == setter) return f;
    }
    return NULL;
}

Func *class_method(Class *c, const char *name) {
    for (; c; c = c->base) {
        Func *f = own_method(c, name, false);
        if (f) return f;
    }
    return NULL;
}

static Func *class_setter(Class *c, const char *name) {
    for (; c; c = c->base) {
        if (own_method(c, name, false) && !own_method(c, name, true) && c->base) return NULL;
        Func *f = own_method(c, name, true);
        if (f) return f;
    }
    return NULL;
}

static Var *find_named(Vec *vars, const char *name) {
    for (int i = 0; i < vars->len; i++)
        if (!strcmp(((Var *)vars->data[i])->name, name)) return vars->data[i];
    return NULL;
}

static Func *class_setter(Class *c, const char *name);

Var *class_field(Class *c, const char *name) {
    for (; c; c = c->base) {
        Var *v = find_named(&c->fields, name);
        if (v) return v;
    }
    return NULL;
}

int class_has_method(Class *c, const char *name) {
    if (class_method(c, name)) return 1;
    for (int i = 0; i < classes.len; i++)
        if (class_is_sub(classes.data[i], c) && class_method(classes.data[i], name)) return -1;
    return 0;
}

bool class_cattr_named(const char *name) {
    for (int i = 0; i < classes.len; i++)
        if (find_named(&((Class *)classes.data[i])->cattrs, name)) return true;
    return false;
}

bool class_field_below(Class *c, const char *name) {
    for (int i = 0; i < classes.len; i++)
        if ((!c || class_is_sub(classes.data[i], c)) && class_field(classes.data[i], name)) return true;
    return c && class_field(c, name) != NULL;
}

Var *class_cattr(Class *c, const char *name) {
    for (; c; c = c->base) {
        Var *v = find_named(&c->cattrs, name);
        if (v) return v;
    }
    return NULL;
}

/* ---- declaration ----------------------------------------------------------- */

static void add_field(Class *c, const char *name, Loc loc) {
    if (class_field(c, name)) return;
    if (class_method(c, name) || class_setter(c, name)) return; /* self.prop = v: the property's setter */
    Var *v = check_new_var(name, loc, NULL);
    v->slot = c->first_slot + c->fields.len;
    v->shadows = c->plain ? class_cattr(c, name) : NULL;
    vec_push(&c->fields, v);
}

/* Slots after a class gained an attribute: its subclasses' move up. */
static void relayout(void) {
    for (int i = 0; i < classes.len; i++) {
        Class *c = classes.data[i];
        c->first_slot = c->base ? c->base->first_slot + c->base->fields.len : 0;
        for (int k = 0; k < c->fields.len; k++) ((Var *)c->fields.data[k])->slot = c->first_slot + k;
    }
}

/* x.m = v outside the methods where m is a method: an instance attribute
 * over it, a slot of the topmost class that has the method.  Calls x.m()
 * test the slot's bit (emit_class.c, emit_over_method_call): set, they
 * call the value, as CPython calls what the instance dict holds. */
static Var *over_field(Class *c, const char *name, Loc loc) {
    Class *k = c;
    while (k->base && class_method(k->base, name)) k = k->base;
    if (!k->plain) return NULL;
    Var *v = check_new_var(name, loc, NULL);
    v->over = class_method(k, name);
    vec_push(&k->fields, v);
    relayout();
    return v;
}

/* x.a = v outside the methods where a is a class attribute: an instance
 * attribute over it (CPython's instance dict), a slot of the class that
 * defines the class attribute; reads fall back to the class attribute
 * while the slot is unset (emit_class.c). */
static Var *shadow_field(Class *c, const char *name, Loc loc) {
    Class *k = c;
    while (k && !find_named(&k->cattrs, name)) k = k->base;
    if (!k || !k->plain) return NULL;
    Var *v = check_new_var(name, loc, NULL);
    v->shadows = find_named(&k->cattrs, name);
    vec_push(&k->fields, v);
    relayout();
    return v;
}

/* self.x = ..., self.x += ..., a, self.y = ...: the attributes stored
 * through `self` anywhere in a method's body. */
static void scan_target(Class *c, Node *t, const char *self) {
    if (!t) return;
    if (t->kind == N_ATTR && t->a->kind == N_NAME && !strcmp(t->a->sval, self)) add_field(c, t->sval, t->loc);
    if (t->kind == N_TUPLE || t->kind == N_LIST)
        for (int i = 0; i < t->list.len; i++) scan_target(c, t->list.data[i], self);
}

static void scan_stores(Class *c, Node *s, const char *self) {
    if (!s || s->kind == N_FUNCDEF || s->kind == N_CLASSDEF) return;
    if (s->kind == N_ASSIGN || s->kind == N_AUGASSIGN) scan_target(c, s->a, self);
    if (s->kind == N_FOR) scan_target(c, s->a, self);
    if (s->kind == N_BLOCK || s->kind == N_TRY)
        for (int i = 0; i < s->list.len; i++) scan_stores(c, s->list.data[i], self);
    if (s->kind == N_EXCEPT) scan_stores(c, s->b, self);
    Node *kids[] = {s->a, s->b, s->c};
    for (int i = 0; i < 3; i++)
        if (kids[i] && kids[i]->kind == N_BLOCK) scan_stores(c, kids[i], self);
}

static void declare_method(Class *c, Func *fn) {
    fn->cls = c;
    fn->cname = format("%s_%s", c->name, fn->name);
    if (fn->mkind != MK_STATIC && fn->nparams == 0) {
        err(fn->def, "method %s() of class '%s' needs a first parameter (self)", fn->name, c->name);
        fn->mkind = MK_STATIC;
    }
    if (!strcmp(fn->name, "__getattr__") || !strcmp(fn->name, "__getattribute__") ||
        !strcmp(fn->name, "__setattr__") || !strcmp(fn->name, "__delattr__") || !strcmp(fn->name, "__new__") ||
        !strcmp(fn->name, "__init_subclass__") || !strcmp(fn->name, "__class_getitem__"))
        err(fn->def, "'%s' is not supported: attributes and instances are fixed when the program is compiled", fn->name);
    vec_push(&c->methods, fn);
    vec_push(&prog->funcs, fn);
}

static void declare_cattr(Class *c, Node *s) {
    Node *t = s->a;
    if (t->kind != N_NAME) {
        err(t, "a class attribute must be a single name");
        return;
    }
    if (!s->b) return; /* `x: int`: an annotation only */
    if (find_named(&c->cattrs, t->sval)) return;
    Var *v = check_new_var(t->sval, t->loc, NULL);
    v->is_global = true;
    v->cbase = format("%s_%s", c->name, t->sval);
    vec_push(&c->cattrs, v);
    vec_push(&prog->globals, v);
}

/* A new program: its errors name its file even when it has no class
 * (class_store reports on any attribute store), and nothing of an earlier
 * program in this process (the fuzzer) stays. */
void class_begin(Program *p) {
    prog = p;
    classes.len = 0;
}

/* `__radd__ = __add__` in a class body: the method under a second name, a
 * def of its own (the same parameters and body) so that it is specialised
 * and dispatched like one written out. */
static Node *method_alias(Node *body, Node *s) {
    if (s->kind != N_ASSIGN || !s->b || s->c || s->a->kind != N_NAME || s->b->kind != N_NAME) return NULL;
    for (int i = 0; i < body->list.len && body->list.data[i] != s; i++) {
        Node *d = body->list.data[i];
        if (d->kind != N_FUNCDEF || strcmp(d->fn->name, s->b->sval) || d->fn->mkind == MK_SETTER) continue;
        Node *nd = xcalloc(1, sizeof *nd);
        *nd = *d;
        Func *fn = xcalloc(1, sizeof *fn);
        *fn = *d->fn;
        fn->name = s->a->sval;
        fn->params = xcalloc((size_t)fn->nparams + 1, sizeof(Param));
        for (int k = 0; k < fn->nparams; k++) {
            fn->params[k] = d->fn->params[k];
            Var *v = xcalloc(1, sizeof *v);
            *v = *d->fn->params[k].var;
            fn->params[k].var = v;
        }
        fn->def = nd;
        nd->fn = fn;
        return nd;
    }
    return NULL;
}

void class_declare(Program *p, Node *s) {
    prog = p;
    for (int i = 0; i < s->list.len; i++) {
        Node *alias = method_alias(s, s->list.data[i]);
        if (alias) s->list.data[i] = alias;
    }
    if (check_find_class(s->sval)) {
        err(s, "class '%s' is already defined", s->sval);
        return;
    }
    Class *c = xcalloc(1, sizeof *c);
    c->name = s->sval;
    c->loc = s->loc;
    c->def = s;
    c->id = classes.len + 1;
    if (s->a && strcmp(s->a->sval, "object")) c->base = check_find_class(s->a->sval);
    /* an exception class (its base is one) stays an exception: its
     * instances are ac_exc objects whose slots follow the exception */
    c->plain = !c->base || c->base->plain;
    c->cname = format(c->plain ? "ci_%s" : "cls_%s", c->name);
    c->first_slot = c->base ? c->base->first_slot + c->base->fields.len : 0;
    s->cls = c;
    if (s->ival & DC_ON) dataclass_methods(c, s);
    for (int i = 0; i < s->list.len; i++) {
        Node *m = s->list.data[i];
        if (m->kind == N_FUNCDEF)
            declare_method(c, m->fn);
        else if (m->kind == N_ASSIGN && m->c && (s->ival & DC_ON))
            ; /* a dataclass field: its __init__ stores it */
        else if (m->kind == N_ASSIGN)
            declare_cattr(c, m);
        else if (m->kind == N_EXPR && m->a->kind == N_STR)
            ; /* a docstring */
        else
            err(m, "a class body may only hold methods, class attributes and a docstring");
    }
    for (int i = 0; i < c->methods.len; i++) {
        Func *fn = c->methods.data[i];
        if (fn->mkind == MK_STATIC || fn->mkind == MK_CLASS || !fn->nparams) continue;
        scan_stores(c, fn->def->b, fn->params[0].var->name);
    }
    vec_push(&classes, c);
    vec_push(&p->classes, c);
    check_put_class(c);
}

/* ---- the class statement ------------------------------------------------- */

void class_body(Node *s) {
    Class *c = s->cls;
    for (int i = 0; i < s->list.len; i++) {
        Node *m = s->list.data[i];
        if (m->kind != N_ASSIGN || m->a->kind != N_NAME || !m->b) continue;
        Var *v = find_named(&c->cattrs, m->a->sval);
        if (!v) continue;
        Type *t = check_expr(m->b, v->ty);
        if (t->kind == TY_FUNC || t->kind == TY_CLASS || t->kind == TY_MODULE) {
            err(m->b, "a class attribute holding a %s is not supported", ty_name(t));
            continue;
        }
        check_widen(v, t, m->a->loc);
        v->assigned_pass = inf.pass;
        m->a->var = v;
        m->a->ty = v->ty;
    }
}

/* ---- calls ------------------------------------------------------------------ */

/* The receiver type a method's first parameter gets. */
static Type *self_type(Func *fn, Type *rt) {
    if (fn->mkind == MK_STATIC) return NULL;
    if (fn->mkind == MK_CLASS) return ty_class(rt->cls); /* cls() makes the receiver's class */
    return class_self(fn->cls);
}

Type *class_self(Class *c) { return c->plain ? ty_inst(c) : ty_exc(c); }

bool class_is_user_exc(const Class *c) { return c && !c->plain && !c->builtin; }

Type *class_call(Node *e, Class *c) {
    Func *init = class_method(c, "__init__");
    Type *t = class_self(c);
    /* an exception's args start as the call's positional arguments
     * (BaseException.__new__), whatever its __init__ does */
    int npos = 0;
    for (int i = 0; i < e->list.len; i++) npos += ((Node *)e->list.data[i])->kind != N_STARRED;
    if (!c->plain) e->ival = npos == e->list.len ? npos : 0;
    if (init) {
        check_user_call(e, init, class_self(init->cls));
        if (e->builtin == B_RAISE) return t; /* bad arguments: raises when it runs */
        if (init->is_async) err(e, "__init__() cannot be 'async def'");
    } else {
        for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
        if (e->list.len || e->list2.len) err(e, "%s() takes no arguments", c->name);
        e->list = (Vec){0};
        e->fn = NULL;
    }
    e->builtin = B_NEW_INST;
    e->cls = c;
    return t;
}

/* The subclasses of c (c included) whose definition of m differs from
 * c's: more than one means a call must dispatch. */
static Vec impls_of(Class *c, const char *m) {
    Vec out = {0};
    for (int i = 0; i < classes.len; i++) {
        Class *d = classes.data[i];
        if (!class_is_sub(d, c)) continue;
        Func *f = class_method(d, m);
        bool seen = false;
        for (int k = 0; k < out.len && !seen; k++) seen = out.data[k] == f;
        if (f && !seen) vec_push(&out, f);
    }
    return out;
}

/* A method whose body ends by raising (an "abstract" method): its None
 * result does not join the overriding definitions' results. */
static bool only_raises(Func *f) {
    Node *b = f->def->b;
    return f->ret == ty_none && b->list.len && ((Node *)b->list.data[b->list.len - 1])->kind == N_RAISE;
}

/* A method call that dispatches: each definition is checked on its own
 * copy of the call (e->d holds them: list = the copies). */
static Type *dispatch_call(Node *e, Type *rt, Vec *impls) {
    Node *holder = xcalloc(1, sizeof *holder);
    holder->kind = N_BLOCK;
    Type *ret = NULL;
    bool async = ((Func *)impls->data[0])->is_async;
    for (int i = 0; i < impls->len; i++) {
        Func *f = impls->data[i];
        Node *copy = clone_node(e);
        if (f->is_async != async) err(e, "'%s' is 'async def' in one class and 'def' in another", f->name);
        Node *crecv = copy->a && copy->a->kind == N_ATTR ? copy->a->a : NULL;
        Type *r = check_user_call(copy, f, self_type(f, rt));
        if (copy->builtin == B_RAISE) { /* bad arguments for this definition: that branch raises */
            if (copy->list.len && copy->list.data[0] == crecv) { /* the receiver is evaluated once, before */
                Vec rest = {0};
                for (int k = 1; k < copy->list.len; k++) vec_push(&rest, copy->list.data[k]);
                copy->list = rest;
            }
            copy->fn = f; /* the definition, for the class test */
            vec_push(&holder->list, copy);
            continue;
        }
        if (copy->list.len) copy->list.data[0] = e->a->a;
        if (async && r->kind == TY_CORO) r = r->elem;
        if (!copy->fn) continue;
        vec_push(&holder->list, copy);
        if (r->kind == TY_UNKNOWN || only_raises(copy->fn)) continue;
        if (ret && ret != r && async && inf.final_pass) {
            err(e, "the definitions of async %s() that this call may run return different types ('%s' and '%s')",
                f->name, ty_name(ret), ty_name(r));
            ret = ty_any;
        } else if (ret && ret != r && ty_numeric(ret) && ty_numeric(r))
            ret = ty_any; /* int from one, float from another: each prints as it is */
        else
            ret = ty_join(ret, r); /* each definition's result is converted (boxed) to the join */
    }
    e->d = holder;
    e->builtin = B_METHOD_DYN;
    if (!ret) ret = ty_unknown;
    return async ? ty_coro(ret) : ret;
}

/* A class method's call: emit_method_dispatch passes the class (which
 * the specialisation already knows: its cls parameter has no C value). */
static void class_method_form(Node *e) {
    if (!e->fn) return;
    Node *holder = xcalloc(1, sizeof *holder);
    holder->kind = N_BLOCK;
    Node *copy = xcalloc(1, sizeof *copy);
    *copy = *e;
    vec_push(&holder->list, copy);
    e->d = holder;
    e->builtin = B_METHOD_DYN;
}

Type *class_method_call(Node *e, Type *rt) {
    Node *callee = e->a;
    const char *m = callee->sval;
    Class *c = rt->cls;
    Func *fn = class_method(c, m);
    if (!fn && rt->kind == TY_INST && class_field(c, m)) { /* self.work(...): a function value in a slot */
        Type *ft = check_expr(callee, NULL);
        if (ft->kind == TY_FUNC) return value_call(e, ft);
        if (ft->kind == TY_UNKNOWN) {
            for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
            return ty_unknown;
        }
    }
    if (!fn) {
        if (class_field(c, m) || class_cattr(c, m))
            err(callee, "calling an attribute that holds a function is not supported yet");
        else
            err(callee, "'%s' %s has no attribute '%s'", c->name, rt->kind == TY_CLASS ? "class" : "object", m);
        for (int i = 0; i < e->list.len; i++) check_expr(e->list.data[i], NULL);
        return ty_any;
    }
    if (fn->mkind == MK_GETTER) {
        err(callee, "calling a property's value is not supported");
        return ty_any;
    }
    if (rt->kind == TY_CLASS) { /* C.m(args): a static or class method, or m(self, ...) */
        Type *r = check_user_call(e, fn, fn->mkind == MK_CLASS ? ty_class(c) : NULL);
        if (fn->mkind == MK_CLASS) class_method_form(e);
        return r;
    }
    Var *over = class_field(c, m);
    if (over && over->over) { /* x.m = v elsewhere: the call tests whether x holds an m of its own */
        if (callee->a->kind != N_NAME)
            err(callee, "calling method '%s' that an instance attribute may hide is only supported on a name", m);
        else if (over->ty && over->ty->kind == TY_FUNC)
            err(callee, "calling an instance attribute that holds a function is not supported yet");
        callee->var = over;
    }
    Vec impls = impls_of(c, m);
    if (fn->mkind == MK_METHOD && impls.len > 1) return dispatch_call(e, rt, &impls);
    Type *r = check_user_call(e, fn, self_type(fn, rt));
    if (fn->mkind == MK_METHOD && e->list.len) e->list.data[0] = callee->a;
    if (fn->mkind == MK_CLASS) class_method_form(e);
    return r;
}

bool is_super_call(const Node *c) {
    return c->kind == N_CALL && c->a->kind == N_NAME && !strcmp(c->a->sval, "super");
}

/* The method being checked and its class (NULL outside methods). */
static Func *cur_method(void) {
    Func *f = check_cur_fn();
    Func *def = f && f->origin ? f->origin : f;
    return def && def->cls ? f : NULL;
}

/* super().m(args): the base's definition, called on self. */
Type *class_super_call(Node *e) {
    Node *callee = e->a;
    Func *me = cur_method();
    Class *c = me ? (me->origin ? me->origin : me)->cls : NULL;
    if (!c || !me->nparams || (me->origin ? me->origin : me)->mkind != MK_METHOD) {
        err(callee->a, "super() is only supported in a method");
        return ty_any;
    }
    Func *fn = c->base ? class_method(c->base, callee->sval) : NULL;
    bool base_text = !c->plain && (!strcmp(callee->sval, "__str__") || !strcmp(callee->sval, "__repr__"));
    if (!fn && (!strcmp(callee->sval, "__init__") || base_text)) { /* object.__init__(), or BaseException's */
        for (int i = 0; i < e->list.len; i++) {
            Node *a = e->list.data[i];
            if (a->kind == N_STARRED && !c->plain)
                a->ty = check_expr(a->a, NULL); /* super().__init__(*args): that tuple */
            else
                check_expr(a, NULL);
        }
        e->builtin = B_METHOD_DYN;
        e->d = xcalloc(1, sizeof(Node));
        e->d->kind = N_BLOCK;
        if (!c->plain) { /* self.args = args, BaseException.__str__(self): emit_class.c */
            for (int i = 0; i < e->list.len; i++) {
                Node *a = e->list.data[i];
                if (a->kind == N_STARRED && (e->list.len > 1 || !a->a->ty || a->a->ty->kind != TY_TUPLE))
                    err(a, "super().__init__(*args) of an exception takes one *tuple only");
            }
            if (base_text && (e->list.len || e->list2.len)) err(e, "%s() takes no arguments", callee->sval);
            if (e->list2.len) err(e, "BaseException.__init__() takes no keyword arguments");
            Node *self = xcalloc(1, sizeof *self);
            self->kind = N_NAME;
            self->loc = callee->a->loc;
            self->sval = me->params[0].var->name;
            check_expr(self, NULL);
            e->c = self;
        }
        return base_text ? ty_str : ty_none;
    }
    if (!fn) {
        err(callee, "'super' object has no attribute '%s'", callee->sval);
        return ty_any;
    }
    Node *self = xcalloc(1, sizeof *self);
    self->kind = N_NAME;
    self->loc = callee->a->loc;
    self->sval = me->params[0].var->name;
    check_expr(self, NULL);
    Type *r = check_user_call(e, fn, self_type(fn, self->ty));
    if (fn->mkind == MK_METHOD && e->list.len) e->list.data[0] = self;
    return r;
}

/* ---- attributes --------------------------------------------------------------- */

/* A property read: a call of its getter, e->fn. */
static Type *getter_call(Node *e, Func *g) {
    Node *recv = e->a;
    e->list = (Vec){0};
    e->list2 = (Vec){0};
    Type *r = check_user_call(e, g, class_self(g->cls));
    if (e->list.len) e->list.data[0] = recv;
    e->builtin = B_USER;
    return r;
}

static void no_attr(Node *e, Class *c, bool is_class) {
    for (int i = 0; i < classes.len; i++) {
        Class *d = classes.data[i];
        if (d != c && class_is_sub(d, c) && class_field(d, e->sval)) {
            err(e, "attribute '%s' of '%s' objects is only assigned in subclass '%s'", e->sval, c->name, d->name);
            return;
        }
    }
    err(e, "'%s' %s has no attribute '%s'", c->name, is_class ? "class" : "object", e->sval);
}

/* C.__mro__: a tuple display of C, its bases and `object`, each a class
 * value whose only use is its __name__ (class values are static). */
Type *class_mro(Node *e, Class *c) {
    static Class object_cls = {.name = "object", .builtin = true};
    Vec names = {0};
    for (Class *k = c;; k = k->base) {
        Node *n = xcalloc(1, sizeof *n);
        n->kind = N_NAME;
        n->loc = e->loc;
        n->sval = k ? k->name : "object";
        n->cls = k ? k : &object_cls;
        n->ty = ty_class(n->cls);
        vec_push(&names, n);
        if (!k) break;
    }
    Type **el = xcalloc((size_t)names.len, sizeof(Type *));
    for (int i = 0; i < names.len; i++) el[i] = ((Node *)names.data[i])->ty;
    e->kind = N_TUPLE;
    e->a = NULL;
    e->list = names;
    return ty_tuple(el, names.len);
}

Type *class_attr(Node *e, Type *t) {
    Class *c = t->cls;
    const char *name = e->sval;
    if (t->kind == TY_CLASS) {
        Var *v = class_cattr(c, name);
        if (v) {
            e->var = v;
            return v->ty ? v->ty : ty_unknown;
        }
        if (!strcmp(name, "__name__")) {
            e->builtin = B_TYPENAME;
            return ty_str;
        }
        if (!strcmp(name, "__bases__") && c->base && !c->base->builtin) { /* (Base,): a tuple of class values */
            Node *base = xcalloc(1, sizeof *base);
            base->kind = N_NAME;
            base->loc = e->loc;
            base->sval = c->base->name;
            e->kind = N_TUPLE;
            e->a = NULL;
            e->sval = NULL;
            e->list = (Vec){0};
            vec_push(&e->list, base);
            return check_expr(e, NULL);
        }
        if (class_method(c, name))
            err(e, "a method used as a value is not supported yet (call it)");
        else
            no_attr(e, c, true);
        return ty_any;
    }
    Var *f = class_field(c, name);
    if (f) {
        e->var = f;
        /* over a class attribute: either value */
        if (f->shadows && f->shadows->ty && !ty_has_unknown(f->shadows->ty)) check_widen(f, f->shadows->ty, e->loc);
        return f->ty ? f->ty : inf.final_pass ? ty_any : ty_unknown;
    }
    Func *g = class_method(c, name);
    if (g && g->mkind == MK_GETTER) return getter_call(e, g);
    Var *v = class_cattr(c, name);
    if (v) {
        e->var = v;
        return v->ty ? v->ty : ty_unknown;
    }
    if (g) return bound_method_value(e); /* obj.method as a value: a closure over obj (check_closure.c) */
    no_attr(e, c, false);
    return ty_any;
}

/* x.a of an object: an attribute some class of the program stores, or an
 * exception's __cause__/__context__/args, looked up on the object's
 * class record at run time (emit_class.c); false if none has it. */
bool class_obj_attr(Node *e) {
    const char *name = e->sval;
    bool known = !strcmp(name, "__cause__") || !strcmp(name, "__context__") || !strcmp(name, "args");
    for (int i = 0; i < classes.len && !known; i++)
        known = class_field(classes.data[i], name) || class_cattr(classes.data[i], name);
    if (known) e->builtin = B_OBJ_ATTR;
    return known;
}

/* x.a = v: a slot, a property's setter or a class attribute. */
/* The instance attribute x.name a store assigns, if x is an instance
 * that has it (NULL otherwise: class_store reports what is wrong). */
Var *class_store_var(Node *target) {
    Type *rt = check_expr(target->a, NULL);
    if (rt->kind == TY_UNKNOWN || rt == ty_any || rt == ty_none) return NULL;
    rt = ty_strip(rt);
    return rt->kind == TY_INST ? class_field(rt->cls, target->sval) : NULL;
}

void class_store(Node *target, Type *t, Node *value_at) {
    Type *rt = check_expr(target->a, NULL);
    if (rt->kind == TY_UNKNOWN || rt == ty_any) {
        if (rt == ty_any) err(target, "attribute assignment on an 'object' value is not supported");
        return;
    }
    if (rt == ty_none && !inf.final_pass) return; /* not known yet, as for reads */
    rt = check_inst_recv(rt);
    if (check_maybe_none(target->a, rt)) return;
    if (rt->kind != TY_INST && !(rt->kind == TY_CLASS && rt->cls->plain) && !(rt->kind == TY_EXC && class_is_user_exc(rt->cls))) {
        err(target, "cannot set attributes of '%s'", ty_name(rt));
        return;
    }
    Class *c = rt->cls;
    if (t->kind == TY_CLASS || t->kind == TY_MODULE) {
        err(value_at ? value_at : target, "an attribute holding a %s is not supported", ty_name(t));
        return;
    }
    Var *v = rt->kind == TY_CLASS ? class_cattr(c, target->sval) : class_field(c, target->sval);
    if (!v && rt->kind != TY_CLASS) {
        Func *s = class_setter(c, target->sval);
        if (s && s->nparams == 2) {
            Type *key[2] = {class_self(s->cls), s->params[1].var->fixed ? s->params[1].var->ty : t};
            Type **k = xcalloc(3, sizeof(Type *));
            k[0] = key[0], k[1] = key[1];
            target->fn = specialise(s, k);
            check_func(target->fn);
            target->ty = t;
            return; /* emit_class.c calls the setter */
        }
        if (class_method(c, target->sval) && class_method(c, target->sval)->mkind == MK_GETTER) {
            target->ival = 4; /* AttributeError at run time, as CPython */
            target->ty = t;
            return;
        }
    }
    if (!v && rt->kind == TY_INST && class_cattr(c, target->sval)) v = shadow_field(c, target->sval, target->loc);
    if (!v && rt->kind == TY_INST && class_method(c, target->sval) && class_method(c, target->sval)->mkind == MK_METHOD)
        v = over_field(c, target->sval, target->loc);
    if (!v) {
        if (rt->kind == TY_INST && class_cattr(c, target->sval))
            err(target, "assigning class attribute '%s' through an instance of an exception class is not supported",
                target->sval);
        else
            err(target, "'%s' has no attribute '%s': attributes are the ones its methods assign to self "
                        "(adding one from outside is not supported)",
                c->name, target->sval);
        return;
    }
    check_widen(v, t, target->loc);
    if (value_at) check_flow_back(value_at, v->ty);
    if (rt->kind == TY_INST && (c->dc_flags & DC_FROZEN) && target->ival != 2)
        target->ival = 1; /* emit_class.c raises FrozenInstanceError */
    target->var = v;
    target->ty = v->ty;
}

/* ---- each pass: methods nothing calls, and the dunders the runtime calls ---- */

static void force(Class *c, Func *fn, int nself) {
    Type **key = xcalloc((size_t)fn->nparams + 1, sizeof(Type *));
    for (int j = 0; j < fn->nparams; j++) {
        Param *p = &fn->params[j];
        if (j == 0 && fn->mkind == MK_METHOD)
            key[j] = class_self(fn->cls);
        else if (j == 0 && fn->mkind == MK_CLASS)
            key[j] = ty_class(c);
        else if (j < nself)
            key[j] = class_self(c);
        else if (p->var->fixed)
            key[j] = p->var->ty;
        else if (p->def)
            key[j] = default_type(p);
        else
            return;
    }
    check_func(specialise(fn, key));
}

static bool called_this_pass(Func *def) {
    for (int i = 0; i < def->specs.len; i++)
        if (((Func *)def->specs.data[i])->used_pass == inf.pass) return true;
    return false;
}

/* The dunders the runtime calls on two instances of the class. */
static bool binary_hook(const char *n) {
    return !strcmp(n, "__eq__") || !strcmp(n, "__lt__") || !strcmp(n, "__le__") || !strcmp(n, "__gt__") ||
           !strcmp(n, "__ge__") || !strcmp(n, "__ne__");
}

void class_pass(void) {
    for (int i = 0; i < classes.len; i++) {
        Class *c = classes.data[i];
        for (int k = 0; k < c->methods.len; k++) {
            Func *fn = c->methods.data[k];
            if (binary_hook(fn->name) && fn->nparams == 2)
                force(c, fn, 2);
            else if (!called_this_pass(fn))
                force(c, fn, fn->mkind == MK_METHOD ? 1 : 0);
        }
    }
}

/* issubclass(A, B) of two class names (B may be a tuple of them): the
 * answer is known when the program is compiled. */
bool class_issubclass(Node *e) {
    if (e->list.len != 2 || e->list2.len) return false;
    Node *a = e->list.data[0], *b = e->list.data[1];
    Class *ca = a->kind == N_NAME ? check_find_class(a->sval) : NULL;
    if (!ca) return false;
    Vec bs = {0};
    if (b->kind == N_TUPLE)
        bs = b->list;
    else
        vec_push(&bs, b);
    bool answer = false;
    for (int i = 0; i < bs.len; i++) {
        Node *k = bs.data[i];
        Class *cb = k->kind == N_NAME ? check_find_class(k->sval) : NULL;
        if (!cb && !(k->kind == N_NAME && !strcmp(k->sval, "object"))) return false;
        answer |= !cb || class_is_sub(ca, cb);
    }
    e->bi = builtin_find(NULL, "hasattr"); /* its emitter prints e->ival */
    e->builtin = B_LIB;
    e->ival = answer;
    return true;
}

/* ---- dunders: operators and builtins rewritten as method calls --------------- */

static Node *new_node_at(NodeKind k, Loc loc) {
    Node *n = xcalloc(1, sizeof *n);
    n->kind = k;
    n->loc = loc;
    return n;
}

static bool has_dunder(Type *t, const char *name) {
    return t && t->kind == TY_INST && !t->opt && class_method(t->cls, name) != NULL;
}

/* e becomes recv.name(arg) (or recv.name(*args of args_of)): checked as the
 * method call it is, emitted as one. */
Type *class_dunder(Node *e, Node *recv, const char *name, Node *arg, Node *args_of) {
    Type *rt = recv->ty ? recv->ty : check_expr(recv, NULL);
    Vec args = {0}, kws = {0};
    if (arg) vec_push(&args, arg);
    if (args_of) args = args_of->list, kws = args_of->list2;
    bool runtime = rt && rt->kind == TY_INST && !rt->opt && (!strcmp(name, "__call__") ||
                   !strcmp(name, "__getitem__") || !strcmp(name, "__iter__"));
    if (!has_dunder(rt, name) && runtime) { /* TypeError when it runs, as in CPython */
        Vec ops = {0};
        vec_push(&ops, recv);
        for (int i = 0; i < args.len; i++) vec_push(&ops, args.data[i]);
        e->kind = N_CALL;
        e->a = NULL;
        e->b = NULL;
        e->list = ops;
        e->list2 = kws;
        const char *what = !strcmp(name, "__call__") ? "callable" : name[2] == 'g' ? "subscriptable" : "iterable";
        return check_raise_at(e, "TypeError", name[2] == 'i' ? ty_list(ty_any) : ty_any, "'%s' object is not %s",
                              rt->cls->name, what);
    }
    if (!has_dunder(rt, name)) {
        if (!strcmp(name, "__call__"))
            err(e, "'%s' object is not callable", ty_name(rt));
        else if (!strcmp(name, "__getitem__"))
            err(e, "'%s' object is not subscriptable", ty_name(rt));
        else if (!strcmp(name, "__iter__"))
            err(e, "'%s' object is not iterable", ty_name(rt));
        else
            err(e, "'%s' object has no method %s", ty_name(rt), name);
        for (int i = 0; i < args.len; i++) check_expr(args.data[i], NULL);
        return ty_any;
    }
    Node *callee = new_node_at(N_ATTR, e->loc);
    callee->a = recv;
    callee->sval = (char *)name;
    e->kind = N_CALL;
    e->a = callee;
    e->b = NULL;
    e->list = args;
    e->list2 = kws;
    e->op = 0;
    return class_method_call(e, rt);
}

static const char *const op_dunders[][2] = {
    [OP_ADD] = {"__add__", "__radd__"},           [OP_SUB] = {"__sub__", "__rsub__"},
    [OP_MUL] = {"__mul__", "__rmul__"},           [OP_DIV] = {"__truediv__", "__rtruediv__"},
    [OP_FLOORDIV] = {"__floordiv__", "__rfloordiv__"}, [OP_MOD] = {"__mod__", "__rmod__"},
    [OP_POW] = {"__pow__", "__rpow__"},           [OP_BITAND] = {"__and__", "__rand__"},
    [OP_BITOR] = {"__or__", "__ror__"},           [OP_BITXOR] = {"__xor__", "__rxor__"},
    [OP_LSHIFT] = {"__lshift__", "__rlshift__"},  [OP_RSHIFT] = {"__rshift__", "__rrshift__"},
};

Type *class_binop(Node *e, Type *l, Type *r) {
    int op = e->op;
    const char *fwd = op < OP_NEG || op >= OP_BITAND ? op_dunders[op][0] : NULL;
    const char *rev = fwd ? op_dunders[op][1] : NULL;
    if (fwd && e->ival == 1) { /* x += y: __iadd__ first */
        char *in = format("__i%s", fwd + 2);
        if (has_dunder(l, in)) return class_dunder(e, e->a, in, e->b, NULL);
    }
    if (fwd && has_dunder(l, fwd)) return class_dunder(e, e->a, fwd, e->b, NULL);
    if (rev && has_dunder(r, rev)) return class_dunder(e, e->b, rev, e->a, NULL);
    static const char *names[] = {"", "+", "-", "*", "/", "//", "%", "**", "-", "+", "~", "&", "|", "^", "<<", ">>"};
    err(e, "unsupported operand type(s) for %s: '%s' and '%s'", names[op], ty_name(l), ty_name(r));
    return ty_any;
}

void class_augassign(Node *s) {
    Node *bin = new_node_at(N_BINOP, s->loc);
    bin->op = s->op;
    bin->ival = 1;
    bin->a = clone_node(s->a);
    bin->b = s->b;
    s->kind = N_ASSIGN;
    s->b = bin;
    s->op = 0;
}

static Node *not_of(Node *e, Node *call) {
    e->kind = N_NOT;
    e->a = call;
    e->list = (Vec){0};
    e->ops = NULL;
    return e;
}

/* a OP b with an instance: its dunder (or the reflected one), or NULL for
 * the runtime's generic comparison (==, != without __eq__: identity). */
Type *class_compare(Node *e, Type *l, Type *r) {
    int op = e->ops[0];
    Node *a = e->list.data[0], *b = e->list.data[1];
    Node *call = new_node_at(N_CALL, e->loc);
    Type *t = NULL;
    static const char *const fwd[] = {[OP_EQ] = "__eq__", [OP_NE] = "__ne__", [OP_LT] = "__lt__",
                                      [OP_LE] = "__le__", [OP_GT] = "__gt__", [OP_GE] = "__ge__"};
    static const char *const rev[] = {[OP_EQ] = "__eq__", [OP_NE] = "__ne__", [OP_LT] = "__gt__",
                                      [OP_LE] = "__ge__", [OP_GT] = "__lt__", [OP_GE] = "__le__"};
    if (op == OP_IN || op == OP_NOTIN) {
        if (!has_dunder(r, "__contains__")) return NULL;
        t = class_dunder(call, b, "__contains__", a, NULL);
        call->ty = t;
        if (op == OP_NOTIN) return not_of(e, call), ty_bool;
        *e = *call;
        return t;
    }
    if (op < OP_EQ || op > OP_GE) return NULL;
    if (has_dunder(l, fwd[op]))
        t = class_dunder(call, a, fwd[op], b, NULL);
    else if (has_dunder(r, rev[op]))
        t = class_dunder(call, b, rev[op], a, NULL);
    else if (op == OP_NE && has_dunder(l, "__eq__")) {
        call->ty = class_dunder(call, a, "__eq__", b, NULL);
        not_of(e, call);
        return ty_bool;
    } else
        return NULL;
    *e = *call;
    return t;
}

static void class_next_default(Node *e);

/* len(x), abs(x), hash(x), bool(x), next(x), iter(x) ... of an instance. */
Type *class_builtin_dunder(Node *e, const char *name) {
    static const char *const map[][2] = {{"len", "__len__"},   {"abs", "__abs__"},   {"hash", "__hash__"},
                                         {"bool", "__bool__"}, {"next", "__next__"}, {"iter", "__iter__"},
                                         {"str", "__str__"},   {"repr", "__repr__"}, {"int", "__int__"},
                                         {"float", "__float__"}, {"anext", "__anext__"}, {"aiter", "__aiter__"}};
    if (!strcmp(name, "next") && e->list.len == 2 && !e->list2.len) class_next_default(e);
    if (e->list.len != 1 || e->list2.len) return NULL;
    for (size_t i = 0; i < sizeof map / sizeof *map; i++) {
        if (strcmp(name, map[i][0])) continue;
        Node *x = e->list.data[0];
        /* checked here and again by the builtin: only operands whose
         * checking binds no names (comprehensions do) */
        if (x->kind != N_NAME && x->kind != N_ATTR && x->kind != N_CALL && x->kind != N_INDEX && x->kind != N_SLICE)
            return NULL;
        Type *t = check_expr(x, NULL);
        if (t->kind != TY_INST || t->opt) return NULL;
        if (has_dunder(t, map[i][1])) return class_dunder(e, x, map[i][1], NULL, NULL);
        if (i == 0 || i == 2) /* TypeError when it runs, as in CPython */
            return check_raise_at(e, "TypeError", ty_int, i == 0 ? "object of type '%s' has no len()"
                                                                 : "unhashable type: '%s'", t->cls->name);
        if (i < 3) {
            err(e, i == 0 ? "object of type '%s' has no len()" : i == 1 ? "bad operand type for abs(): '%s'"
                                                                           : "unhashable type: '%s'",
                ty_name(t));
            return ty_any;
        }
        return NULL;
    }
    return NULL;
}

/* for x in obj / comprehensions over obj: the loop runs over what obj's
 * __iter__ returns (a generator method gives a generator), so e becomes
 * obj.__iter__() and the loop code for that type applies unchanged. */
static Type *class_iter_of_named(Node *e, Type *t, const char *name) {
    Node *recv = xcalloc(1, sizeof *recv);
    *recv = *e;
    recv->ty = t;
    return e->ty = class_dunder(e, recv, name, NULL, NULL);
}

/* An iterator object (its class has __next__) consumed as a generator
 * whose items are what __next__ returns until it raises StopIteration
 * (rt_gen.c, ac_obj_iter): every consumer of generators (loops, list(),
 * sum(), next(g, default) ...) then applies.  e is the B_OBJ_ITER node,
 * e->a the iterator of type t. */
Type *class_obj_iter(Node *e, Type *t) {
    if (t->kind == TY_UNKNOWN) return ty_gen(ty_unknown, ty_none, ty_none);
    if (t->kind != TY_INST || t->opt || !has_dunder(t, "__next__")) {
        err(e, "iter() returned non-iterator of type '%s'", ty_name(t));
        return ty_any;
    }
    Node *call = new_node_at(N_CALL, e->loc);
    Node *recv = xcalloc(1, sizeof *recv);
    *recv = *e->a;
    recv->ty = t;
    Type *y = class_dunder(call, recv, "__next__", NULL, NULL);
    if (call->builtin == B_METHOD_DYN || !call->fn) {
        err(e, "iterating over '%s' whose subclasses define their own __next__ is not supported yet", ty_name(t));
        return ty_any;
    }
    if (call->fn->is_async) {
        err(e, "__next__() of '%s' cannot be 'async def'", ty_name(t));
        return ty_any;
    }
    e->fn = call->fn;
    return ty_gen(y, ty_none, ty_none);
}

/* e (checked, of type t) becomes the generator over the iterator it is */
static Type *obj_iter_wrap(Node *e, Type *t) {
    Node *inner = xcalloc(1, sizeof *inner);
    *inner = *e;
    inner->ty = t;
    Node *w = new_node_at(N_CALL, e->loc);
    w->a = inner;
    w->builtin = B_OBJ_ITER;
    *e = *w;
    return e->ty = class_obj_iter(e, t);
}

Type *class_iter_of(Node *e, Type *t) {
    if (!has_dunder(t, "__iter__")) return t;
    Type *it = class_iter_of_named(e, t, "__iter__");
    if (it->kind != TY_INST) return it;
    return obj_iter_wrap(e, it);
}

/* next(it, default) of an iterator object: next() of the generator over it */
static void class_next_default(Node *e) {
    Node *x = e->list.data[0];
    if (x->kind != N_NAME && x->kind != N_ATTR && x->kind != N_INDEX) return;
    Type *t = check_expr(x, NULL);
    if (has_dunder(t, "__next__")) obj_iter_wrap(x, t);
}

/* async for x in obj: e becomes obj.__aiter__() (an async generator
 * method gives an async generator; an iterator object, its __anext__
 * calls) */
Type *class_aiter_of(Node *e, Type *t) {
    if (!has_dunder(t, "__aiter__")) return t;
    return class_iter_of_named(e, t, "__aiter__");
}

/* await obj: e becomes obj.__await__(); a generator method gives a
 * generator the await delegates to (emit_await.c).  NULL: no __await__. */
Type *class_await_of(Node *e, Type *t) {
    if (!has_dunder(t, "__await__")) return NULL;
    Type *g = class_iter_of_named(e, t, "__await__");
    if (g->kind == TY_GEN) return g;
    if (g != ty_any && g->kind != TY_UNKNOWN) err(e, "__await__() of '%s' must be a generator method (it returns '%s')", ty_name(t), ty_name(g));
    return ty_any;
}

/* x[k] = v on an instance: its __setitem__, called by emit_class.c. */
void class_setitem(Node *target, Type *ct, Type *t) {
    Type *kt = check_expr(target->b, NULL);
    Func *f = has_dunder(ct, "__setitem__") ? class_method(ct->cls, "__setitem__") : NULL;
    if (!f || f->nparams != 3) {
        err(target, "'%s' object does not support item assignment", ty_name(ct));
        return;
    }
    Type **k = xcalloc(4, sizeof(Type *));
    k[0] = class_self(f->cls);
    k[1] = f->params[1].var->fixed ? f->params[1].var->ty : kt;
    k[2] = f->params[2].var->fixed ? f->params[2].var->ty : t;
    target->fn = specialise(f, k);
    check_func(target->fn);
    target->ty = t;
}

/* async with m: (parse.c made both forms) the user class form when m is an
 * instance, else asyncio's acquire/release form. */
void class_with_choice(Node *s) {
    Node *prim = s->list.data[0], *user = s->list.data[1];
    Node *mgr = ((Node *)user->list.data[0])->b; /* with_mgr = m */
    Type *t = check_expr(mgr, NULL);
    s->list = (Vec){0};
    vec_push(&s->list, t->kind == TY_INST ? user : prim);
    s->ival = 0;
    if (t->kind != TY_INST && t->opt && ty_strip(t)->kind == TY_SYNC) {
        /* a Lock | None: CPython's TypeError if it is None when it runs */
        Node *acquire = ((Node *)prim->list.data[0])->a->a->a, *try = prim->list.data[1];
        Node *release = ((Node *)try->c->list.data[0])->a->a;
        const char *msg = "'NoneType' object does not support the asynchronous context manager protocol";
        check_not_none(acquire->a, "TypeError", "%s", msg);
        check_not_none(release->a, "TypeError", "%s", msg);
    }
}

/* with m: on anything but an instance, one error (CPython's TypeError
 * names the protocol); then only the body is checked. */
void class_with_user(Node *s) {
    bool async = s->ival == WITH_AUSER;
    s->ival = 0;
    Node *mgr = ((Node *)s->list.data[0])->b;
    Type *t = check_expr(mgr, NULL);
    if (t->kind == TY_INST || t->kind == TY_UNKNOWN || (t == ty_any && diag_errors)) return;
    if (t == ty_any)
        err(mgr, "%swith on an 'object' value is not supported", async ? "async " : "");
    else if (t->kind == TY_SYNC && async)
        err(mgr, "async with ... as is not supported yet on a Lock, Semaphore or Condition");
    else
        err(mgr, "'%s' object does not support the %scontext manager protocol", ty_name(t),
            async ? "asynchronous " : "");
    Node *try = s->list.data[s->list.len - 1];
    s->list = (Vec){0};
    vec_push(&s->list, try->a);
}

/* ---- sum() of instances --------------------------------------------------------- */

static Func *sum_def;
static Loc sum_at;

static Node *sum_node(NodeKind k, Node *a, Node *b) {
    Node *n = ast_node(k, sum_at);
    n->a = a;
    n->b = b;
    return n;
}

static Node *sum_name(const char *s) { return ast_name(s, sum_at); }

static Node *sum_int(int v) {
    Node *n = ast_node(N_INT, sum_at);
    n->ival = v;
    return n;
}

static Node *sum_call1(const char *f, Node *arg) {
    Node *c = sum_node(N_CALL, sum_name(f), NULL);
    vec_push(&c->list, arg);
    return c;
}

static Node *sum_cmp(Node *l, int op, Node *r) {
    Node *c = ast_node(N_COMPARE, sum_at);
    vec_push(&c->list, l);
    vec_push(&c->list, r);
    c->ops = xcalloc(2, sizeof(int));
    c->ops[0] = op;
    return c;
}

static Node *sum_binop(Node *l, int op, Node *r) {
    Node *n = sum_node(N_BINOP, l, r);
    n->op = op;
    return n;
}

static Node *sum_block(Node **stmts, int n) {
    Node *b = ast_node(N_BLOCK, sum_at);
    for (int i = 0; i < n; i++) vec_push(&b->list, stmts[i]);
    return b;
}

/* sum(xs, start=0) over a list of instances runs the items' dunders as
 * CPython's sum does (start + xs[0], then + each next item), written as
 *     def sum(xs, start=0):
 *         if len(xs) == 0:
 *             return start
 *         acc = start + xs[0]
 *         i = 1
 *         while i < len(xs):
 *             acc = acc + xs[i]
 *             i = i + 1
 *         return acc
 * made once for a program with a class that has __add__ or __radd__ and
 * specialised per call like any def (its result is start's type joined
 * with what the dunders return: an object when start is the int 0). */
void class_sum_declare(Program *p) {
    sum_def = NULL;
    Class *with = NULL;
    for (int i = 0; i < classes.len && !with; i++) {
        Class *c = classes.data[i];
        if (own_method(c, "__add__", false) || own_method(c, "__radd__", false)) with = c;
    }
    if (!with) return;
    sum_at = with->loc;
    Node *ret_start = sum_node(N_RETURN, sum_name("start"), NULL);
    Node *empty = sum_node(N_IF, sum_cmp(sum_call1("len", sum_name("xs")), OP_EQ, sum_int(0)),
                           sum_block(&ret_start, 1));
    Node *first = sum_node(N_ASSIGN, sum_name("acc"),
                           sum_binop(sum_name("start"), OP_ADD, sum_node(N_INDEX, sum_name("xs"), sum_int(0))));
    Node *i1 = sum_node(N_ASSIGN, sum_name("i"), sum_int(1));
    Node *body[2] = {
        sum_node(N_ASSIGN, sum_name("acc"),
                 sum_binop(sum_name("acc"), OP_ADD, sum_node(N_INDEX, sum_name("xs"), sum_name("i")))),
        sum_node(N_ASSIGN, sum_name("i"), sum_binop(sum_name("i"), OP_ADD, sum_int(1))),
    };
    Node *loop = sum_node(N_WHILE, sum_cmp(sum_name("i"), OP_LT, sum_call1("len", sum_name("xs"))), sum_block(body, 2));
    Node *stmts[5] = {empty, first, i1, loop, sum_node(N_RETURN, sum_name("acc"), NULL)};
    Node *d = ast_node(N_FUNCDEF, sum_at);
    Func *fn = xcalloc(1, sizeof *fn);
    d->fn = fn;
    d->b = sum_block(stmts, 5);
    fn->def = d;
    fn->name = "sum";
    fn->cname = "sum_of_instances";
    fn->nparams = 2;
    fn->params = xcalloc(3, sizeof(Param));
    const char *names[2] = {"xs", "start"};
    for (int i = 0; i < 2; i++) {
        Var *v = xcalloc(1, sizeof *v);
        v->name = (char *)names[i];
        v->loc = sum_at;
        v->is_param = true;
        fn->params[i].var = v;
    }
    fn->params[1].def = sum_int(0);
    vec_push(&p->funcs, fn);
    sum_def = fn;
}

/* sum(xs) / sum(xs, start) of a list of instances: a call of that def. */
Type *class_sum_call(Node *e) {
    if (!sum_def || e->list.len < 1 || e->list.len > 2 || e->list2.len) return NULL;
    Node *xs = e->list.data[0];
    if (xs->kind == N_STARRED) return NULL;
    Type *t = check_expr(xs, NULL);
    if (t->kind != TY_LIST || t->elem->kind != TY_INST || t->elem->opt) return NULL;
    return check_user_call(e, sum_def, NULL);
}

/* ---- del x.a and vars(x) ------------------------------------------------------------ */

/* del x.a of an instance attribute: the slot is emptied (AttributeError
 * when it holds nothing), and a class attribute under it shows again. */
bool class_del_attr(Node *t) {
    Type *rt = check_inst_recv(check_expr(t->a, NULL));
    if (rt->kind != TY_INST) return false;
    Var *f = class_field(rt->cls, t->sval);
    if (!f) {
        err(t, "'%s' object has no instance attribute '%s' to delete", rt->cls->name, t->sval);
        return true;
    }
    t->var = f;
    t->ty = f->ty;
    return true;
}

/* vars(x) of an instance: a dict of the attributes it holds, by name. */
Type *type_vars(Node *e, Type *recv, Type **at) {
    (void)recv;
    if (at[0]->kind != TY_INST || at[0]->opt) {
        err(e->list.data[0], "vars() of a '%s' is not supported yet (an instance of a class is)", ty_name(at[0]));
        return ty_any;
    }
    return ty_dict(ty_str, ty_any);
}
