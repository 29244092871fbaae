/* dataclass.c -- @dataclass: the methods CPython's dataclasses module
 * generates, written as the defs a programmer would write (__init__,
 * __repr__, __eq__, the orderings, __hash__ when frozen), added to the
 * class body before it is declared (check_class.c).  They are then
 * inferred, specialised and compiled like any method. */
#include "compiler.h"

#include <string.h>

static Loc at;

static Node *node(NodeKind k) {
    Node *n = xcalloc(1, sizeof *n);
    n->kind = k;
    n->loc = at;
    return n;
}

static Node *name(const char *s) {
    Node *n = node(N_NAME);
    n->sval = (char *)s;
    return n;
}

static Node *attr(const char *obj, const char *a) {
    Node *n = node(N_ATTR);
    n->a = name(obj);
    n->sval = (char *)a;
    return n;
}

static Node *str(const char *s) {
    Node *n = node(N_STR);
    n->sval = xstrdup(s);
    n->slen = strlen(s);
    return n;
}

static Node *stmt1(NodeKind k, Node *a) {
    Node *n = node(k);
    n->a = a;
    return n;
}

/* def NAME(params...): body */
static Node *def(Node *cls, const char *fname, const char **params, Node **defaults, int np, Node *body) {
    Node *d = node(N_FUNCDEF);
    Func *fn = xcalloc(1, sizeof *fn);
    d->fn = fn;
    fn->def = d;
    fn->name = (char *)fname;
    fn->params = xcalloc((size_t)np + 1, sizeof(Param));
    for (int i = 0; i < np; i++) {
        Var *v = xcalloc(1, sizeof *v);
        v->name = (char *)params[i];
        v->loc = at;
        v->is_param = true;
        fn->params[i].var = v;
        fn->params[i].def = defaults ? defaults[i] : NULL;
    }
    fn->nparams = np;
    d->b = body;
    vec_push(&cls->list, d);
    return d;
}

static bool defines(Class *c, const char *m) {
    for (int i = 0; i < c->def->list.len; i++) {
        Node *s = c->def->list.data[i];
        if (s->kind == N_FUNCDEF && !strcmp(s->fn->name, m)) return true;
    }
    return false;
}

static const char *field_name(Node *f) { return f->a->sval; }

/* A field's default: its value, or field(default=X) / field(default_factory=F)
 * (a default is evaluated at each call that needs it: a factory's call). */
static Node *field_default(Node *f) {
    Node *v = f->b;
    if (!v || v->kind != N_CALL || v->a->kind != N_NAME || strcmp(v->a->sval, "field")) return v;
    for (int i = 0; i < v->list2.len; i++) {
        Node *kw = v->list2.data[i];
        if (!strcmp(kw->sval, "default")) return kw->a;
        if (!strcmp(kw->sval, "default_factory")) {
            Node *fac = kw->a;
            if (fac->kind == N_NAME && !strcmp(fac->sval, "list")) return node(N_LIST);
            if (fac->kind == N_NAME && !strcmp(fac->sval, "dict")) return node(N_DICT);
            Node *call = node(N_CALL);
            call->a = fac;
            return call;
        }
    }
    return NULL;
}

/* field(..., key=False) */
static bool field_off(Node *f, const char *key) {
    Node *v = f->b;
    if (!v || v->kind != N_CALL || v->a->kind != N_NAME || strcmp(v->a->sval, "field")) return false;
    for (int i = 0; i < v->list2.len; i++) {
        Node *kw = v->list2.data[i];
        if (!strcmp(kw->sval, key)) return kw->a->kind == N_BOOL && !kw->a->ival;
    }
    return false;
}

static Node *fields_tuple(Class *c, const char *obj) {
    Node *t = node(N_TUPLE);
    for (int i = 0; i < c->dc_fields.len; i++)
        if (!field_off(c->dc_fields.data[i], "compare"))
            vec_push(&t->list, attr(obj, field_name(c->dc_fields.data[i])));
    return t;
}

static void init_method(Class *c, Node *s) {
    int n = c->dc_fields.len;
    const char **ps = xcalloc((size_t)n + 2, sizeof(char *));
    Node **ds = xcalloc((size_t)n + 2, sizeof(Node *));
    Node *body = node(N_BLOCK);
    ps[0] = "self";
    int np = 1;
    for (int i = 0; i < n; i++) {
        Node *f = c->dc_fields.data[i];
        bool init = !field_off(f, "init");
        if (init) {
            ps[np] = field_name(f);
            ds[np++] = field_default(f);
        }
        Node *as = node(N_ASSIGN);
        as->a = attr("self", field_name(f));
        as->a->ival = 2; /* the generated __init__'s store: allowed when frozen */
        as->b = init ? name(field_name(f)) : field_default(f);
        if (as->b) vec_push(&body->list, as);
    }
    bool post = false;
    for (Class *k = c; k && !post; k = k->base) post = defines(k, "__post_init__");
    if (post) {
        Node *call = node(N_CALL);
        call->a = attr("self", "__post_init__");
        vec_push(&body->list, stmt1(N_EXPR, call));
    }
    if (!body->list.len) vec_push(&body->list, node(N_PASS));
    def(s, "__init__", ps, ds, np, body);
}

static void repr_method(Class *c, Node *s) {
    Node *f = node(N_FSTRING);
    Buf b = {0};
    buf_printf(&b, "%s(", c->name);
    int shown = 0;
    for (int i = 0; i < c->dc_fields.len; i++) {
        if (field_off(c->dc_fields.data[i], "repr")) continue;
        buf_printf(&b, "%s%s=", shown++ ? ", " : "", field_name(c->dc_fields.data[i]));
        vec_push(&f->list, str(buf_take(&b)));
        Node *fm = node(N_FMT);
        fm->a = attr("self", field_name(c->dc_fields.data[i]));
        fm->op = 'r';
        vec_push(&f->list, fm);
    }
    buf_puts(&b, ")");
    vec_push(&f->list, str(buf_take(&b)));
    Node *body = node(N_BLOCK);
    vec_push(&body->list, stmt1(N_RETURN, f));
    const char *ps[] = {"self"};
    def(s, "__repr__", ps, NULL, 1, body);
}

/* def NAME(self, other): return (self.a, ...) OP (other.a, ...) */
static void compare_method(Class *c, Node *s, const char *m, int op) {
    Node *body = node(N_BLOCK);
    Node *r;
    if (!c->dc_fields.len) {
        r = node(N_BOOL);
        r->ival = op == OP_EQ || op == OP_LE || op == OP_GE;
    } else {
        r = node(N_COMPARE);
        vec_push(&r->list, fields_tuple(c, "self"));
        vec_push(&r->list, fields_tuple(c, "other"));
        r->ops = xcalloc(2, sizeof(int));
        r->ops[0] = op;
    }
    vec_push(&body->list, stmt1(N_RETURN, r));
    const char *ps[] = {"self", "other"};
    def(s, m, ps, NULL, 2, body);
}

static void hash_method(Class *c, Node *s) {
    Node *call = node(N_CALL);
    call->a = name("hash");
    vec_push(&call->list, fields_tuple(c, "self"));
    Node *body = node(N_BLOCK);
    vec_push(&body->list, stmt1(N_RETURN, call));
    const char *ps[] = {"self"};
    def(s, "__hash__", ps, NULL, 1, body);
}

void dataclass_methods(Class *c, Node *s) {
    at = s->loc;
    c->dc_flags = (int)s->ival;
    if (c->base && c->base->dc_flags)
        for (int i = 0; i < c->base->dc_fields.len; i++) vec_push(&c->dc_fields, c->base->dc_fields.data[i]);
    for (int i = 0; i < s->list.len; i++) {
        Node *m = s->list.data[i];
        if (m->kind != N_ASSIGN || !m->c || m->a->kind != N_NAME) continue;
        int k;
        for (k = 0; k < c->dc_fields.len; k++) /* a redefined field keeps its place */
            if (!strcmp(field_name(c->dc_fields.data[k]), m->a->sval)) break;
        if (k < c->dc_fields.len)
            c->dc_fields.data[k] = m;
        else
            vec_push(&c->dc_fields, m);
    }
    int flags = c->dc_flags;
    if (!defines(c, "__init__")) init_method(c, s);
    if (!defines(c, "__repr__")) repr_method(c, s);
    if (!(flags & DC_NO_EQ) && !defines(c, "__eq__")) compare_method(c, s, "__eq__", OP_EQ);
    if (flags & DC_ORDER) {
        static const char *const names[] = {"__lt__", "__le__", "__gt__", "__ge__"};
        static const int ops[] = {OP_LT, OP_LE, OP_GT, OP_GE};
        for (int i = 0; i < 4; i++)
            if (!defines(c, names[i])) compare_method(c, s, names[i], ops[i]);
    }
    if ((flags & DC_FROZEN) && !(flags & DC_NO_EQ) && !defines(c, "__hash__")) hash_method(c, s);
}
