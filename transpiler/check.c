/* check.c -- names, types and whole-program inference.
 *
 * Every variable, parameter and return value has one type for its whole
 * life: the join of everything stored into it, computed to a fixed point
 * over the whole program (annotations, where present, fix a type).  Each
 * def is specialised per argument-type tuple.  Each expression node gets
 * its type in Node.ty; names are bound to Vars.  docs/DESIGN.md, "Type
 * inference and specialisation", describes the design. */
#include "check.h"
#include "check_dict.h"

#include <string.h>

static Program *prog;
static Source *src;
/* name -> Func / Class / global Var (hash maps: programs can be large) */
static Map func_map, class_map, global_map;
static Func *cur_fn; /* NULL at module level */
static Vec scopes;   /* comprehension scopes: Vec* of Var* */
static int loop_depth;
static int except_depth;

Type *ty_none, *ty_bool, *ty_int, *ty_float, *ty_str, *ty_any, *ty_module, *ty_unknown;
Vec all_types;

/* ---- types ----------------------------------------------------------- */

static Type *new_type(TypeKind k) {
    Type *t = xcalloc(1, sizeof *t);
    t->kind = k;
    return t;
}

static void init_types(void) {
    if (ty_none) return;
    ty_none = new_type(TY_NONE);
    ty_bool = new_type(TY_BOOL);
    ty_int = new_type(TY_INT);
    ty_float = new_type(TY_FLOAT);
    ty_str = new_type(TY_STR);
    ty_any = new_type(TY_ANY);
    ty_module = new_type(TY_MODULE);
    ty_unknown = new_type(TY_UNKNOWN);
}

static Type *intern(Type *t);
Type *ty_intern(Type *t) { return intern(t); }

static Type *intern(Type *t) {
    for (int i = 0; i < all_types.len; i++) {
        Type *u = all_types.data[i];
        if (u->kind != t->kind || u->elem != t->elem || u->cls != t->cls || u->fn != t->fn || u->nelems != t->nelems ||
            u->view != t->view || u->opt != t->opt || u->sub != t->sub || u->tag != t->tag)
            continue;
        bool same = true;
        for (int j = 0; j < t->nelems && same; j++) same = u->elems[j] == t->elems[j];
        if (same) return u;
    }
    t->id = all_types.len + 1;
    vec_push(&all_types, t);
    return t;
}

/* The interned type of kind k over an element type or a class. */
static Type *ty_of(TypeKind k, Type *elem, Class *cls) {
    Type *t = new_type(k);
    t->elem = elem;
    t->cls = cls;
    return intern(t);
}

unsigned ty_tag_mask(const Type *t) {
    if (!t) return 0;
    if (t->tag) return t->tag;
    if (t == ty_none || t == ty_bool || t == ty_int || t == ty_float) return 1u << t->kind;
    return 0;
}

Type *ty_tagged(unsigned mask) {
    if (mask == 1u << TY_NONE) return ty_none;
    if (mask == 1u << TY_BOOL) return ty_bool;
    if (mask == 1u << TY_INT) return ty_int;
    if (mask == 1u << TY_FLOAT) return ty_float;
    Type *t = new_type(TY_ANY);
    t->tag = mask;
    return intern(t);
}

Type *ty_slot(Type *t) { return t && t->tag ? ty_any : t; }

Type *ty_list(Type *elem) { return ty_of(TY_LIST, ty_slot(elem), NULL); }
Type *ty_tuple_list(Type *elem) {
    Type *t = new_type(TY_LIST);
    t->elem = ty_slot(elem);
    t->sub = 1;
    return intern(t);
}
Type *ty_task(Type *elem) { return ty_of(TY_TASK, ty_slot(elem), NULL); }
Type *ty_coro(Type *elem) { return ty_of(TY_CORO, ty_slot(elem), NULL); }
Type *ty_exc(Class *c) { return ty_of(TY_EXC, NULL, c); }
Type *ty_class(Class *c) { return ty_of(TY_CLASS, NULL, c); }

/* A class or module inside a container (C.__mro__): its C value is a
 * placeholder, so it cannot be printed or formatted. */
bool ty_holds_class(const Type *t) {
    if (!t) return false;
    if (t->kind == TY_CLASS || t->kind == TY_MODULE) return true;
    if (t->kind == TY_TUPLE)
        for (int i = 0; i < t->nelems; i++)
            if (ty_holds_class(t->elems[i])) return true;
    if (t->kind == TY_DICT) return ty_holds_class(t->elems[0]) || ty_holds_class(t->elems[1]);
    return (t->kind == TY_LIST || ty_is_set(t)) && ty_holds_class(t->elem);
}
Type *ty_inst(Class *c) { return ty_of(TY_INST, NULL, c); }
Type *ty_func(Func *f) {
    Type *t = new_type(TY_FUNC);
    t->fn = f;
    return intern(t);
}
/* A function value with several possible defs: the single-def types in
 * elems, sorted (check_closure.c joins them). */
Type *ty_funcs(Type **elems, int n) {
    if (n == 1) return elems[0];
    Type *t = new_type(TY_FUNC);
    t->elems = elems;
    t->nelems = n;
    return intern(t);
}
Type *ty_gen(Type *y, Type *s, Type *r) {
    y = ty_slot(y);
    s = ty_slot(s);
    r = ty_slot(r);
    Type *t = new_type(TY_GEN);
    t->elem = y;
    t->elems = xcalloc(3, sizeof(Type *));
    t->elems[0] = y;
    t->elems[1] = s;
    t->elems[2] = r;
    t->nelems = 3;
    return intern(t);
}
Type *ty_agen(Type *y, Type *s) {
    Type *t = new_type(TY_AGEN);
    t->elem = y;
    t->elems = xcalloc(2, sizeof(Type *));
    t->elems[0] = y;
    t->elems[1] = s;
    t->nelems = 2;
    return intern(t);
}
Type *ty_tuple(Type **elems, int n) {
    for (int i = 0; i < n; i++) elems[i] = ty_slot(elems[i]);
    Type *t = new_type(TY_TUPLE);
    t->elems = elems;
    t->nelems = n;
    return intern(t);
}

Type *ty_dict(Type *k, Type *v) {
    Type *t = new_type(TY_DICT);
    t->elems = xcalloc(2, sizeof(Type *));
    t->elems[0] = ty_slot(k);
    t->elems[1] = ty_slot(v);
    t->nelems = 2;
    return intern(t);
}
Type *ty_set(Type *elem, bool frozen) {
    Type *t = new_type(frozen ? TY_FROZENSET : TY_SET);
    t->elem = ty_slot(elem);
    return intern(t);
}
Type *ty_view(Type *item, int view) {
    Type *t = new_type(TY_VIEW);
    t->elem = ty_slot(item);
    t->view = view;
    return intern(t);
}
bool ty_is_set(const Type *t) { return t->kind == TY_SET || t->kind == TY_FROZENSET; }

bool ty_is_obj(const Type *t) {
    if (t->tag) return false; /* scalars only */
    return t->kind == TY_STR || t->kind == TY_LIST || t->kind == TY_TUPLE || t->kind == TY_DICT || ty_is_set(t) ||
           t->kind == TY_VIEW || t->kind == TY_EXC || t->kind == TY_TASK || t->kind == TY_CORO || t->kind == TY_ANY ||
           t->kind == TY_SYNC || t->kind == TY_GEN || t->kind == TY_AGEN || t->kind == TY_INST ||
           t->kind == TY_FUNC; /* "object": only in gather(return_exceptions=True) */
}

/* T | None for the pointer kinds (NULL stands for None); NULL otherwise. */
Type *ty_optional(Type *t) {
    if (t->opt) return t;
    if (t->kind != TY_STR && t->kind != TY_LIST && t->kind != TY_TUPLE && t->kind != TY_EXC && t->kind != TY_TASK &&
        t->kind != TY_SYNC && t->kind != TY_INST && t->kind != TY_FUNC)
        return NULL;
    Type *o = new_type(t->kind);
    *o = *t;
    o->opt = true;
    o->id = 0;
    o->used = false;
    return intern(o);
}

Type *ty_strip(Type *t) {
    if (!t || !t->opt) return t;
    switch (t->kind) {
    case TY_STR: return ty_str;
    case TY_LIST: return ty_list(t->elem);
    case TY_TASK: return ty_task(t->elem);
    case TY_EXC: return ty_exc(t->cls);
    case TY_INST: return ty_inst(t->cls);
    case TY_TUPLE: return ty_tuple(t->elems, t->nelems);
    case TY_SYNC: return ty_sync((SyncKind)t->sub);
    case TY_FUNC: return t->fn ? ty_func(t->fn) : ty_funcs(t->elems, t->nelems);
    default: return t;
    }
}

char *ty_name(const Type *t) {
    if (t->tag) { /* Python's spelling: int | float, int | None */
        static const TypeKind order[] = {TY_BOOL, TY_INT, TY_FLOAT, TY_NONE};
        Buf b = {0};
        for (int i = 0; i < 4; i++)
            if (t->tag & (1u << order[i])) buf_printf(&b, "%s%s", b.len ? " | " : "", ty_name(ty_tagged(1u << order[i])));
        return buf_take(&b);
    }
    if (t->opt) return format("%s | None", ty_name(ty_strip((Type *)t)));
    switch (t->kind) {
    case TY_NONE: return "None";
    case TY_BOOL: return "bool";
    case TY_INT: return "int";
    case TY_FLOAT: return "float";
    case TY_STR: return "str";
    case TY_LIST: return format(t->sub ? "tuple[%s, ...]" : "list[%s]", ty_name(t->elem));
    case TY_TASK: return format("Task[%s]", ty_name(t->elem));
    case TY_CORO: return format("Coroutine[%s]", ty_name(t->elem));
    case TY_EXC: return t->cls->name;
    case TY_CLASS: return format("type[%s]", t->cls->name);
    case TY_FUNC: return func_type_name(t);
    case TY_MODULE: return "module";
    case TY_ANY: return "object";
    case TY_DICT: return format("dict[%s, %s]", ty_name(t->elems[0]), ty_name(t->elems[1]));
    case TY_SET: return format("set[%s]", ty_name(t->elem));
    case TY_FROZENSET: return format("frozenset[%s]", ty_name(t->elem));
    case TY_VIEW:
        return format("dict_%s[%s]", t->view == 1 ? "keys" : t->view == 2 ? "values" : "items", ty_name(t->elem));
    case TY_UNKNOWN: return "unknown";
    case TY_SYNC: return (char *)sync_type_name(t);
    case TY_GEN:
        return format("Generator[%s, %s, %s]", ty_name(t->elems[0]), ty_name(t->elems[1]), ty_name(t->elems[2]));
    case TY_AGEN: return format("AsyncGenerator[%s, %s]", ty_name(t->elems[0]), ty_name(t->elems[1]));
    case TY_INST: return t->cls->name;
    case TY_TUPLE: {
        if (t->nelems < 0) return "tuple";
        Buf b = {0};
        buf_puts(&b, "tuple[");
        for (int i = 0; i < t->nelems; i++) buf_printf(&b, "%s%s", i ? ", " : "", ty_name(t->elems[i]));
        buf_puts(&b, t->nelems ? "]" : "()]");
        return buf_take(&b);
    }
    }
    return "?";
}

static bool vague(const Type *t) { return t == ty_any || t->kind == TY_UNKNOWN; }

/* ---- exception classes ------------------------------------------------ */

/* (the fields after cname describe user classes: zero here) */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
static Class builtin_classes[] = {
    {"BaseException", NULL, {0, 0}, true, "ac_cls_BaseException"},
    {"Exception", NULL, {0, 0}, true, "ac_cls_Exception"},
    {"ArithmeticError", NULL, {0, 0}, true, "ac_cls_ArithmeticError"},
    {"LookupError", NULL, {0, 0}, true, "ac_cls_LookupError"},
    {"ValueError", NULL, {0, 0}, true, "ac_cls_ValueError"},
    {"TypeError", NULL, {0, 0}, true, "ac_cls_TypeError"},
    {"KeyError", NULL, {0, 0}, true, "ac_cls_KeyError"},
    {"IndexError", NULL, {0, 0}, true, "ac_cls_IndexError"},
    {"ZeroDivisionError", NULL, {0, 0}, true, "ac_cls_ZeroDivisionError"},
    {"OverflowError", NULL, {0, 0}, true, "ac_cls_OverflowError"},
    {"RuntimeError", NULL, {0, 0}, true, "ac_cls_RuntimeError"},
    {"AssertionError", NULL, {0, 0}, true, "ac_cls_AssertionError"},
    {"OSError", NULL, {0, 0}, true, "ac_cls_OSError"},
    {"TimeoutError", NULL, {0, 0}, true, "ac_cls_TimeoutError"},
    {"NotImplementedError", NULL, {0, 0}, true, "ac_cls_NotImplementedError"},
    {"CancelledError", NULL, {0, 0}, true, "ac_cls_CancelledError"},
    {"KeyboardInterrupt", NULL, {0, 0}, true, "ac_cls_KeyboardInterrupt"},
    {"SystemExit", NULL, {0, 0}, true, "ac_cls_SystemExit"},
    {"ImportError", NULL, {0, 0}, true, "ac_cls_ImportError"},
    {"ModuleNotFoundError", NULL, {0, 0}, true, "ac_cls_ModuleNotFoundError"},
    {"EOFError", NULL, {0, 0}, true, "ac_cls_EOFError"},
    {"AttributeError", NULL, {0, 0}, true, "ac_cls_AttributeError"},
    {"MemoryError", NULL, {0, 0}, true, "ac_cls_MemoryError"},
    {"RecursionError", NULL, {0, 0}, true, "ac_cls_RecursionError"},
    {"NameError", NULL, {0, 0}, true, "ac_cls_NameError"},
    {"UnboundLocalError", NULL, {0, 0}, true, "ac_cls_UnboundLocalError"},
    {"ConnectionError", NULL, {0, 0}, true, "ac_cls_ConnectionError"},
    {"BrokenPipeError", NULL, {0, 0}, true, "ac_cls_BrokenPipeError"},
    {"ConnectionAbortedError", NULL, {0, 0}, true, "ac_cls_ConnectionAbortedError"},
    {"ConnectionRefusedError", NULL, {0, 0}, true, "ac_cls_ConnectionRefusedError"},
    {"ConnectionResetError", NULL, {0, 0}, true, "ac_cls_ConnectionResetError"},
    {"QueueEmpty", NULL, {0, 0}, true, "ac_cls_QueueEmpty"},
    {"QueueFull", NULL, {0, 0}, true, "ac_cls_QueueFull"},
    {"FrozenInstanceError", NULL, {0, 0}, true, "ac_cls_FrozenInstanceError"},
    {"StopIteration", NULL, {0, 0}, true, "ac_cls_StopIteration"},
    {"GeneratorExit", NULL, {0, 0}, true, "ac_cls_GeneratorExit"},
    {"StopAsyncIteration", NULL, {0, 0}, true, "ac_cls_StopAsyncIteration"},
    {"InvalidStateError", NULL, {0, 0}, true, "ac_cls_InvalidStateError"},
    {"BaseExceptionGroup", NULL, {0, 0}, true, "ac_cls_BaseExceptionGroup"},
    {"ExceptionGroup", NULL, {0, 0}, true, "ac_cls_ExceptionGroup"},
    {"BrokenBarrierError", NULL, {0, 0}, true, "ac_cls_BrokenBarrierError"},
};
#pragma GCC diagnostic pop
enum { NBUILTIN_CLASSES = sizeof builtin_classes / sizeof *builtin_classes };

Class *find_builtin_class(const char *name) {
    static const char *bases[][2] = {
        {"Exception", "BaseException"},
        {"ArithmeticError", "Exception"},
        {"LookupError", "Exception"},
        {"ValueError", "Exception"},
        {"TypeError", "Exception"},
        {"KeyError", "LookupError"},
        {"IndexError", "LookupError"},
        {"ZeroDivisionError", "ArithmeticError"},
        {"OverflowError", "ArithmeticError"},
        {"RuntimeError", "Exception"},
        {"AssertionError", "Exception"},
        {"OSError", "Exception"},
        {"TimeoutError", "OSError"},
        {"NotImplementedError", "RuntimeError"},
        {"CancelledError", "BaseException"},
        {"KeyboardInterrupt", "BaseException"},
        {"AttributeError", "Exception"},
        {"SystemExit", "BaseException"},
        {"ImportError", "Exception"},
        {"ModuleNotFoundError", "ImportError"},
        {"EOFError", "Exception"},
        {"MemoryError", "Exception"},
        {"RecursionError", "RuntimeError"},
        {"NameError", "Exception"},
        {"UnboundLocalError", "NameError"},
        {"ConnectionError", "OSError"},
        {"BrokenPipeError", "ConnectionError"},
        {"ConnectionAbortedError", "ConnectionError"},
        {"ConnectionRefusedError", "ConnectionError"},
        {"ConnectionResetError", "ConnectionError"},
        {"QueueEmpty", "Exception"},
        {"QueueFull", "Exception"},
        {"FrozenInstanceError", "AttributeError"},
        {"StopIteration", "Exception"},
        {"GeneratorExit", "BaseException"},
        {"StopAsyncIteration", "Exception"},
        {"InvalidStateError", "Exception"},
        {"BaseExceptionGroup", "BaseException"},
        {"ExceptionGroup", "BaseExceptionGroup"}, /* and Exception: rt_obj.c's matching knows */
        {"BrokenBarrierError", "RuntimeError"},
    };
    static bool linked;
    if (!linked) {
        linked = true;
        for (size_t i = 0; i < sizeof bases / sizeof *bases; i++)
            find_builtin_class(bases[i][0])->base = find_builtin_class(bases[i][1]);
    }
    for (int i = 0; i < NBUILTIN_CLASSES; i++)
        if (!strcmp(builtin_classes[i].name, name)) return &builtin_classes[i];
    return NULL;
}

static Class *find_class(const char *name) {
    Class *c = map_get(&class_map, name);
    return c ? c : find_builtin_class(name);
}

static bool is_subclass(const Class *c, const Class *base) {
    for (; c; c = c->base)
        if (c == base) return true;
    return false;
}

Class *common_base(Class *a, Class *b) {
    for (Class *c = a; c; c = c->base)
        if (is_subclass(b, c)) return c;
    return find_builtin_class("BaseException");
}

/* ---- diagnostics helpers ------------------------------------------------ */

static void err(Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, n->loc, "error", fmt, ap);
    va_end(ap);
    diag_errors++;
}

void check_error(Node *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, n->loc, "error", fmt, ap);
    va_end(ap);
    diag_errors++;
}

static Type *expr(Node *e, Type *expect);

/* An expression CPython rejects only when it runs (a def called with the
 * wrong arguments, len() of an instance without __len__): the program still
 * compiles, with a warning, and e becomes a raise of cls(msg) after its
 * operands are evaluated, in CPython's order (a method's receiver, then the
 * arguments).  ty is the type the context sees; no value is ever made. */
Type *check_raise_at(Node *e, const char *cls, Type *ty, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    diag_warning(src, e->loc, "this raises %s when it runs: %s", cls, msg);
    Vec ops = {0};
    if (e->kind == N_CALL && e->a && e->a->kind == N_ATTR && e->a->a && e->a->a->ty) vec_push(&ops, e->a->a);
    for (int i = 0; i < e->list.len; i++) {
        Node *x = e->list.data[i];
        if (x && x->kind == N_STARRED) x = x->a;
        if (!x) continue;
        if (!x->ty) expr(x, NULL);
        vec_push(&ops, x);
    }
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        Node *x = kw->kind == N_KWARG ? kw->a : kw;
        if (!x) continue;
        if (!x->ty) expr(x, NULL);
        vec_push(&ops, x);
    }
    if (e->kind != N_CALL) { /* an operand: for x in obj, obj[i] */
        if (e->ty) vec_push(&ops, clone_node(e));
    }
    e->kind = N_CALL;
    e->builtin = B_RAISE;
    e->sval = msg;
    e->slen = strlen(msg);
    e->cls = find_builtin_class(cls);
    e->fn = NULL;
    e->a = NULL;
    e->list = ops;
    e->list2 = (Vec){0};
    e->ty = ty;
    return ty;
}

/* x used where None would raise in CPython (a method of a Lock | None,
 * `async with` on one): x is checked when it runs, as CPython would find
 * out, and is a T here.  e becomes the check, its old contents Node.a. */
Type *check_not_none(Node *e, const char *cls, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *msg = vformat(fmt, ap);
    va_end(ap);
    Type *t = e->ty ? e->ty : expr(e, NULL);
    if (!t->opt) return t;
    Node *x = xcalloc(1, sizeof *x);
    *x = *e;
    memset(e, 0, sizeof *e);
    e->kind = N_CALL;
    e->loc = x->loc;
    e->builtin = B_NOT_NONE;
    e->a = x;
    e->sval = msg;
    e->slen = strlen(msg);
    e->cls = find_builtin_class(cls);
    e->ty = ty_strip(t);
    return e->ty;
}

static void note(Loc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, loc, "note", fmt, ap);
    va_end(ap);
}

/* Did parameter v get its type from its default value (not a call)? */
static bool is_default_loc(const Var *v) {
    Func *def = v->owner ? v->owner->origin : NULL;
    for (int j = 0; def && j < def->nparams; j++) {
        Node *d = def->params[j].def;
        if (d && !strcmp(def->params[j].var->name, v->name))
            return d->loc.line == v->ty_at.line && d->loc.col == v->ty_at.col;
    }
    return false;
}

/* After an error about the type of e: where e got that type (a note). */
void check_origin(Node *e) {
    if (!e || !e->ty) return;
    if (e->kind == N_NAME && e->var && e->var->ty_at.line) {
        Var *v = e->var;
        if (v->fixed)
            note(v->ty_at, "'%s' is declared as '%s' here", v->name, ty_name(v->ty));
        else if (v->is_param && is_default_loc(v))
            note(v->ty_at, "'%s' is '%s' from its default value", v->name, ty_name(v->ty));
        else if (v->is_param)
            note(v->ty_at, "'%s' is '%s' from this call", v->name, ty_name(v->ty));
        else
            note(v->ty_at, "'%s' gets type '%s' here", v->name, ty_name(v->ty));
    } else if (e->kind == N_CALL && e->fn && e->fn->ret_at.line && !e->fn->is_async) {
        note(e->fn->ret_at, "%s() returns '%s' here", e->fn->name, ty_name(e->fn->ret));
    }
}

/* ---- names -------------------------------------------------------------- */

/* A name defined by several defs: module-level statements see the def
 * that last ran before them (module_binding follows the statements);
 * function bodies, which run later, see the last one (func_map). */
static Map module_binding;
static bool in_module_body;

static Func *find_func(const char *name) {
    if (!cur_fn && in_module_body) return map_get(&module_binding, name);
    return map_get(&func_map, name);
}

static Var *find_in(Vec *vars, const char *name) {
    for (int i = 0; i < vars->len; i++) {
        Var *v = vars->data[i];
        if (!strcmp(v->name, name)) return v;
    }
    return NULL;
}

/* A function's own local of that name (a comprehension's or except
 * clause's variable lives in its scope only, though listed in locals) */
static Var *find_local(Func *fn, const char *name) {
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->scoped && !strcmp(v->name, name)) return v;
    }
    return NULL;
}

static bool declared_global(Func *fn, const char *name) {
    for (int i = 0; i < fn->globals_decl.len; i++)
        if (!strcmp(fn->globals_decl.data[i], name)) return true;
    return false;
}

static Var *new_var(const char *name, Loc loc, Func *owner) {
    Var *v = xcalloc(1, sizeof *v);
    v->name = xstrdup(name);
    v->loc = loc;
    v->owner = owner;
    return v;
}

/* A name fn binds somewhere in its body, read before the checker met the
 * store: fn's local all the same (Python's rule; check_assign.c). */
Var *check_bound_local(Func *fn, const char *name) {
    if (declared_global(fn, name) || closure_nonlocal(fn, name) || !assign_binds(fn, name)) return NULL;
    Var *v = find_local(fn, name);
    if (!v) {
        v = new_var(name, fn->def->loc, fn);
        vec_push(&fn->locals, v);
    }
    return v;
}

/* Where does an assignment to `name` go? */
static Var *target_var(const char *name, Loc loc) {
    Var *nl = cur_fn && closure_nonlocal(cur_fn, name) ? closure_lookup(cur_fn, name, true) : NULL;
    if (nl) return nl;
    if (cur_fn && !declared_global(cur_fn, name)) {
        Var *v = find_local(cur_fn, name);
        if (!v) {
            v = new_var(name, loc, cur_fn);
            vec_push(&cur_fn->locals, v);
        }
        return v;
    }
    Var *v = map_get(&global_map, name);
    if (!v) {
        v = new_var(name, loc, NULL);
        v->is_global = true;
        vec_push(&prog->globals, v);
        map_put(&global_map, v->name, v);
    }
    return v;
}

/* Names bound by imports: alias -> module ("t" -> "time"), and the names
 * of from-imports -> "module.name".  Imports bind module-wide, wherever they
 * stand (asyncc has no per-function import scopes). */
static Map module_alias, from_names;

static Var *lookup_var(const char *name);

/* the def a name stands for where a function value is passed (callbacks) */
Func *check_def_named(Node *n) {
    return n->kind == N_NAME && !lookup_var(n->sval) ? find_func(n->sval) : NULL;
}

/* The module a name stands for (a variable of that name hides it). */
static const char *module_of(Node *e) {
    if (e->kind != N_NAME || lookup_var(e->sval)) return NULL;
    return map_get(&module_alias, e->sval);
}

static bool is_asyncio(Node *e) {
    if (e->kind != N_NAME) return false;
    const char *m = module_of(e);
    /* a missing 'import asyncio' is reported where the name is used */
    return m ? !strcmp(m, "asyncio") : !strcmp(e->sval, "asyncio");
}

static bool is_tinyio(Node *e) {
    const char *m = e->kind == N_NAME ? module_of(e) : NULL;
    return m && !strcmp(m, "tinyio");
}

bool check_uses_tinyio(void) { return prog->uses_tinyio; }

/* asyncio.X used without `import asyncio`: CPython's NameError, found
 * here (emitting such a program crashed the compiler: issue 17, fuzzing) */
static void need_asyncio_import(Node *e) {
    if (!prog->uses_asyncio && !module_of(e)) err(e, "name 'asyncio' is not defined (missing 'import asyncio')");
}

/* ---- sys: the standard streams ------------------------------------------ */

static Node *stream_arg; /* print's file= argument being checked */

static bool is_sys(Node *e) {
    const char *m = module_of(e);
    return m && !strcmp(m, "sys");
}

/* "sys.stdout" / "sys.stderr" when e names one, else NULL */
static const char *sys_stream(Node *e) {
    if (e->kind != N_ATTR || !is_sys(e->a)) return NULL;
    if (!strcmp(e->sval, "stdout")) return "sys.stdout";
    if (!strcmp(e->sval, "stderr")) return "sys.stderr";
    return NULL;
}

/* A stream is not a value of the dialect: it is only print's file= and the
 * receiver of write/flush (which call_expr_inner resolves as rows). */
static Type *stream_expr(Node *e, const char *name) {
    if (e != stream_arg)
        err(e, "%s is supported only as print(file=%s) and in %s.write() and %s.flush()", name, name, name, name);
    return ty_any;
}

static void note_stream_arg(Node *call) {
    for (int i = 0; i < call->list2.len; i++) {
        Node *kw = call->list2.data[i];
        if (!strcmp(kw->sval, "file")) stream_arg = kw->a;
    }
}

/* ---- annotations -------------------------------------------------------- */

static Type *resolve_ann(Node *a) {
    if (!a) return NULL;
    if (a->kind == N_NONE) return ty_none;
    if (a->kind == N_STR) {
        err(a, "string annotations are not supported");
        return ty_any;
    }
    if (a->kind == N_NAME) {
        const char *n = a->sval;
        if (!strcmp(n, "int")) return ty_int;
        if (!strcmp(n, "float")) return ty_float;
        if (!strcmp(n, "bool")) return ty_bool;
        if (!strcmp(n, "str")) return ty_str;
        if (!strcmp(n, "None")) return ty_none;
        if (!strcmp(n, "object")) return ty_any;
        Class *c = find_class(n);
        if (c) return c->plain ? ty_inst(c) : ty_exc(c);
        if (!strcmp(n, "list") || !strcmp(n, "tuple") || !strcmp(n, "Task") || !strcmp(n, "dict") ||
            !strcmp(n, "set") || !strcmp(n, "frozenset"))
            err(a, "annotation '%s' needs its element types, e.g. %s[int]", n, n);
        else
            err(a, "unknown type '%s' in annotation", n);
        return ty_any;
    }
    if (a->kind == N_ATTR && is_tinyio(a->a)) {
        Class *c = tinyio_class(a->sval);
        if (c) return ty_exc(c);
        if (tinyio_type_named(a->sval)) return tinyio_type_named(a->sval);
        err(a, "unknown type 'tinyio.%s' in annotation", a->sval);
        return ty_any;
    }
    if (a->kind == N_ATTR && is_asyncio(a->a)) {
        Class *c = find_builtin_class(a->sval);
        if (c) return ty_exc(c);
        if (sync_type_named(a->sval)) return sync_type_named(a->sval);
        err(a, "unknown type 'asyncio.%s' in annotation", a->sval);
        return ty_any;
    }
    if (a->kind == N_INDEX) {
        Node *base = a->a;
        const char *n = base->kind == N_NAME                          ? base->sval
                        : base->kind == N_ATTR && is_asyncio(base->a) ? base->sval
                                                                      : "";
        Vec *args = a->b->kind == N_TUPLE ? &a->b->list : NULL;
        int nargs = args ? args->len : 1;
        Node *first = args ? (args->len ? args->data[0] : NULL) : a->b;
        if (!strcmp(n, "list") || !strcmp(n, "List")) {
            if (nargs != 1) {
                err(a, "list[...] takes one element type");
                return ty_any;
            }
            return ty_list(resolve_ann(first));
        }
        if (!strcmp(n, "Task")) {
            if (nargs != 1) {
                err(a, "Task[...] takes one result type");
                return ty_any;
            }
            return ty_task(resolve_ann(first));
        }
        if (!strcmp(n, "tuple") || !strcmp(n, "Tuple")) {
            Type **el = xcalloc((size_t)nargs + 1, sizeof(Type *));
            for (int i = 0; i < nargs; i++) {
                Node *x = args ? args->data[i] : a->b;
                if (x->kind == N_TUPLE && x->list.len == 0 && nargs == 1) return ty_tuple(el, 0);
                el[i] = resolve_ann(x);
            }
            return ty_tuple(el, nargs);
        }
        if (sync_type_named(n) && sync_type_named(n)->sub == SY_QUEUE) {
            resolve_ann(first); /* the items are objects whatever it says */
            return sync_type_named(n);
        }
        Type *gt = gen_ann(n, a, args, nargs);
        if (gt) return gt;
        if (!strcmp(n, "dict") || !strcmp(n, "Dict")) {
            if (nargs != 2) {
                err(a, "dict[...] takes a key and a value type");
                return ty_any;
            }
            return dict_key_ok(a, ty_dict(resolve_ann(args->data[0]), resolve_ann(args->data[1])));
        }
        if (!strcmp(n, "set") || !strcmp(n, "Set") || !strcmp(n, "frozenset") || !strcmp(n, "FrozenSet")) {
            if (nargs != 1) {
                err(a, "%s[...] takes one element type", n);
                return ty_any;
            }
            return dict_key_ok(a, ty_set(resolve_ann(first), n[0] == 'f' || n[0] == 'F'));
        }
        if (!strcmp(n, "Optional")) {
            err(a, "Optional is not supported yet");
            return ty_any;
        }
        err(a, "unknown generic type '%s' in annotation", n);
        return ty_any;
    }
    err(a, "unsupported annotation");
    return ty_any;
}

Type *check_ann(Node *a) { return resolve_ann(a); }
Var *check_lookup(const char *name) { return lookup_var(name); }

/* ---- assignability -------------------------------------------------------- */

/* int widens to float, and bool to int, as PEP 484's numeric tower allows. */
bool ty_assignable(Type *to, Type *from) {
    if (to == from || vague(to) || vague(from)) return true;
    if (from->tag || to->tag) {
        /* a union as an object: when a member fits (the run time checks
         * the value); into a union, a member of it */
        unsigned m = from->tag ? from->tag : ty_tag_mask(from);
        for (int k = TY_NONE; k <= TY_FLOAT; k++)
            if ((m & (1u << k)) && (to->tag ? (to->tag & (1u << k)) != 0 : ty_assignable(to, ty_tagged(1u << k))))
                return true;
        return false;
    }
    if (to->opt) return from == ty_none || ty_assignable(ty_strip(to), ty_strip(from));
    if (from->opt) return false;
    if (to == ty_float && (from == ty_int || from == ty_bool)) return true;
    if (to == ty_int && from == ty_bool) return true;
    if (to->kind == TY_EXC && from->kind == TY_EXC) return is_subclass(from->cls, to->cls);
    if (to->kind == TY_INST && from->kind == TY_INST) return is_subclass(from->cls, to->cls);
    if (to->kind == TY_FUNC && from->kind == TY_FUNC) return func_join(to, from) == to;
    if (to->kind == TY_LIST && from->kind == TY_LIST)
        return to->elem == from->elem || vague(from->elem) || to->elem->kind == TY_UNKNOWN;
    if (to->kind == TY_TUPLE && from->kind == TY_TUPLE && to->nelems == from->nelems) {
        for (int i = 0; i < to->nelems; i++)
            if (to->elems[i] != from->elems[i] && !vague(from->elems[i]) && to->elems[i]->kind != TY_UNKNOWN)
                return false;
        return true;
    }
    return false;
}

/* t has an object where want has a static type: taking want for t would
 * keep a later join from making it an object (the value is boxed) */
static bool hides_object(const Type *want, const Type *t) {
    if (t->kind == TY_ANY) return want != ty_any && want != t; /* an object or a tagged union */
    if (!want || want->kind != t->kind) return false;
    if (t->elem && want->elem && hides_object(want->elem, t->elem)) return true;
    for (int i = 0; i < t->nelems && i < want->nelems; i++)
        if (hides_object(want->elems[i], t->elems[i])) return true;
    return false;
}

/* The expected type comes from an inferred return type (return_stmt),
 * outside any call's arguments: an object in the value must show, or the
 * return type would keep its first pass's type. */
static bool expect_inferred;

/* An item's expected type stands for its own when the item fits it (a
 * declared type converts an object where it is stored). */
bool ty_adopts(Type *want, Type *t) {
    return want && !ty_has_unknown(want) && !(expect_inferred && hides_object(want, t)) && ty_assignable(want, t);
}

bool ty_numeric(const Type *t) { return t == ty_int || t == ty_float || t == ty_bool; }

Type *ty_unify(Type *a, Type *b) {
    if (a == b) return a;
    if (vague(a)) return b;
    if (vague(b)) return a;
    /* not inferred yet (an inference pass): what it will be, if anything */
    if (ty_has_unknown(a) || ty_has_unknown(b)) return ty_join(a, b);
    if (ty_numeric(a) && ty_numeric(b)) return (a == ty_float || b == ty_float) ? ty_float : ty_int;
    if (a->kind == TY_EXC && b->kind == TY_EXC) return ty_exc(common_base(a->cls, b->cls));
    if (a->kind == TY_INST && b->kind == TY_INST) return ty_join(a, b) == ty_any ? NULL : ty_join(a, b);
    if (a->kind == TY_FUNC && b->kind == TY_FUNC) return func_join(a, b);
    if (a->kind == TY_LIST && b->kind == TY_LIST && (vague(a->elem) || vague(b->elem))) return vague(a->elem) ? b : a;
    return NULL;
}

/* ---- expressions -------------------------------------------------------- */

static Type *expr(Node *e, Type *expect);
static int cond_known(Node *c);
static bool pure_test(const Node *c);
static void stmts(Vec *list);
static void assign_name(Node *target, Type *t, Node *value_at, Type *declared);
static bool rebound_def(Node *s);
static Map rebound_defs;
static void check_default(Func *fn, Param *p);

static Var *lookup_var(const char *name) {
    for (int i = scopes.len - 1; i >= 0; i--) {
        Var *v = find_in(scopes.data[i], name);
        if (v) return v;
    }
    if (cur_fn && !declared_global(cur_fn, name)) {
        Var *v = find_local(cur_fn, name);
        if (!v) v = check_bound_local(cur_fn, name);
        if (!v) v = closure_lookup(cur_fn, name, false);
        if (v) return v;
    }
    return map_get(&global_map, name);
}

/* Narrowing of `T | None` (the only flow-sensitive part): inside the
 * branch where `x is not None` (or `x`) holds, and after an `if x is None:`
 * whose body always leaves, a name read as x has type T.  Entries are
 * pushed per branch and popped with it; a store to x inside the region
 * ends its narrowing (entry type NULL). */
static Vec narrow_var, narrow_ty;

static Type *narrowed(Var *v) {
    for (int i = narrow_var.len - 1; i >= 0; i--)
        if (narrow_var.data[i] == v) return narrow_ty.data[i] ? narrow_ty.data[i] : v->ty;
    return v->ty;
}

static void narrow_push(Var *v, Type *t) {
    vec_push(&narrow_var, v);
    vec_push(&narrow_ty, t);
}

static void narrow_pop(int depth) { narrow_var.len = narrow_ty.len = depth; }

/* A store to v: whatever narrowed it no longer holds. */
static void narrow_store(Var *v) {
    for (int i = 0; i < narrow_var.len; i++)
        if (narrow_var.data[i] == v) {
            narrow_push(v, NULL);
            return;
        }
}

static bool is_none_lit(const Node *n) { return n->kind == N_NONE; }

/* The members of a tagged union an isinstance() class names (bool is an int). */
static unsigned isinstance_members(Node *call) {
    unsigned m = 0;
    for (int i = 0; i < call->list2.len; i++) {
        Type *k = ((Node *)call->list2.data[i])->ty;
        if (k == ty_int) m |= (1u << TY_INT) | (1u << TY_BOOL);
        if (k == ty_float || k == ty_bool || k == ty_none) m |= 1u << k->kind;
        if (k == ty_any) m = ~0u;
    }
    return m;
}

/* A tagged union narrowed where cond is `truth`: isinstance() keeps the
 * members it names (the other branch the rest), `x is None` / `x is not
 * None` and truthiness drop None.  Was cond such a test? */
static bool narrow_tag(Node *c, bool truth) {
    Node *x = c->kind == N_CALL && c->builtin == B_ISINSTANCE ? c->list.data[0]
              : c->kind == N_NAME                              ? c
              : c->kind == N_COMPARE && c->list.len == 2       ? c->list.data[0]
                                                               : NULL;
    if (!x || x->kind != N_NAME || !x->var) return false;
    Type *t = narrowed(x->var);
    if (!t || !t->tag) return false;
    unsigned keep = t->tag, none = 1u << TY_NONE;
    if (c->kind == N_CALL) {
        unsigned m = isinstance_members(c);
        keep = truth ? t->tag & m : t->tag & ~m;
    } else if (c->kind == N_NAME) {
        if (truth) keep &= ~none;
    } else if ((c->ops[0] == OP_IS || c->ops[0] == OP_ISNOT) && is_none_lit(c->list.data[1])) {
        bool not_none = (c->ops[0] == OP_ISNOT) == truth;
        keep = not_none ? keep & ~none : keep & none;
    } else {
        return false;
    }
    if (keep && keep != t->tag) narrow_push(x->var, ty_tagged(keep));
    return true;
}

/* Push the narrowings that hold where cond is `truth`. */
static void narrow_by(Node *c, bool truth) {
    if (c->kind == N_NOT) {
        narrow_by(c->a, !truth);
        return;
    }
    if ((c->kind == N_AND && truth) || (c->kind == N_OR && !truth)) {
        narrow_by(c->a, truth);
        narrow_by(c->b, truth);
        return;
    }
    Node *x = NULL;
    if (narrow_tag(c, truth)) return;
    if (c->kind == N_CALL && truth && c->builtin == B_ISINSTANCE && c->list2.len == 1) {
        /* isinstance(x, Sub): x is a Sub in that branch */
        Node *n = c->list.data[0], *k = c->list2.data[0];
        Type *t = n->kind == N_NAME && n->var ? ty_strip(narrowed(n->var)) : NULL;
        if (t && t->kind == TY_INST && k->ty && k->ty->kind == TY_INST && k->ty != t && class_is_sub(k->ty->cls, t->cls))
            narrow_push(n->var, k->ty);
        /* an exception of a subclass, or an object known to be an exception
         * or an instance (the same C pointer, read through a cast) */
        if (t && t->kind == TY_EXC && k->ty && k->ty->kind == TY_EXC && k->ty != t && class_is_sub(k->ty->cls, t->cls) &&
            !n->var->ty->opt)
            narrow_push(n->var, k->ty);
        if (t == ty_any && n->var->ty == ty_any && k->ty && (k->ty->kind == TY_EXC || k->ty->kind == TY_INST))
            narrow_push(n->var, k->ty);
        return;
    }
    if (c->kind == N_WALRUS) c = c->a; /* (x := f()) tests the value x now holds */
    if (c->kind == N_NAME && truth)
        x = c;
    else if (c->kind == N_COMPARE && c->list.len == 2 && (c->ops[0] == OP_IS || c->ops[0] == OP_ISNOT)) {
        Node *l = c->list.data[0], *r = c->list.data[1];
        Node *name = is_none_lit(r) ? l : is_none_lit(l) ? r : NULL;
        if (name && name->kind == N_WALRUS) name = name->a;
        if (name && name->kind == N_NAME && (c->ops[0] == OP_ISNOT) == truth) x = name;
    }
    if (!x || !x->var) return;
    Type *t = narrowed(x->var);
    if (t && t->opt) narrow_push(x->var, ty_strip(t));
}

/* `if x is None: x = []`: after it, x is not None. */
static void fill_default(Node *s) {
    Node *c = s->a, *x = NULL;
    if (c->kind == N_COMPARE && c->list.len == 2 && c->ops[0] == OP_IS && is_none_lit(c->list.data[1]))
        x = c->list.data[0];
    else if (c->kind == N_NOT)
        x = c->a;
    if (!x || x->kind != N_NAME || !x->var) return;
    for (int i = 0; i < s->b->list.len; i++) {
        Node *st = s->b->list.data[i];
        if (st->kind == N_ASSIGN && st->a->kind == N_NAME && st->a->var == x->var && st->b && st->b->ty &&
            st->b->ty != ty_none && !st->b->ty->opt && x->var->ty && x->var->ty->opt) {
            narrow_push(x->var, ty_strip(x->var->ty));
            return;
        }
        if (st->kind == N_ASSIGN && st->a->kind == N_NAME && st->a->var == x->var && st->b && st->b->ty &&
            !(ty_tag_mask(st->b->ty) & (1u << TY_NONE)) && x->var->ty && x->var->ty->tag &&
            (x->var->ty->tag & (1u << TY_NONE))) { /* `if n is None: n = 0` */
            narrow_push(x->var, ty_tagged(x->var->ty->tag & ~(1u << TY_NONE)));
            return;
        }
    }
}

/* An instance that may be None, used for an attribute or a method: the
 * emitter tests it and raises AttributeError as CPython does on None
 * (emit_class.c, recv_checked), so it is the instance type here. */
Type *check_inst_recv(Type *t) { return t && t->opt && ty_strip(t)->kind == TY_INST ? ty_strip(t) : t; }

/* A value that may be None used where it must not be: the error, once. */
static bool maybe_none(Node *at, Type *t) {
    if (!t || !t->opt) return false;
    err(at, "'%s' may be None here; check 'is not None' first", ty_name(t));
    check_origin(at);
    return true;
}

/* An int stored where a container declares float items would become a
 * float (printing 1.0 where CPython prints 1): an error, never a silent
 * difference.  (Scalars need no such rule: a `float` variable holds the int.) */
void check_float_item(Node *item, Type *want) {
    if (!item || want != ty_float || (item->ty != ty_int && item->ty != ty_bool)) return;
    err(item, "this %s would be stored as a float in a container of 'float' items (CPython keeps the %s); write a "
              "float, or declare the items 'object'",
        ty_name(item->ty), ty_name(item->ty));
}

static Type *name_expr(Node *e) {
    if (e->cls && e->ty && e->ty->kind == TY_CLASS && !e->var) return e->ty; /* a class C.__mro__ names */
    Var *v = lookup_var(e->sval);
    if (v) {
        bool local = v->owner && v->owner == cur_fn && !v->is_param && !v->scoped;
        bool captured = v->owner && v->owner != cur_fn && v->ty; /* a closure's cell */
        /* in the order the checker meets them (program order, a function's
         * body at its first call), as CPython would raise NameError */
        bool module_read = !cur_fn && in_module_body && v->is_global && !v->scoped;
        bool untyped = !v->ty || v->ty->kind == TY_UNKNOWN;
        if ((local || module_read) && !untyped) { /* maybe unbound here: a run-time test (check_assign.c) */
            e->var = v;
            return narrowed(v);
        }
        if (local && untyped && inf.final_pass) { /* no store gives it a type (n = n + 1): always unbound here */
            check_widen(v, ty_any, e->loc);
            e->var = v;
            return v->ty;
        }
        if (!v->ty || (!v->is_param && !v->scoped && !captured && v->assigned_pass != inf.pass)) {
            if (local)
                err(e, "local variable '%s' is used before it is assigned", e->sval);
            else
                err(e, "global '%s' is used before it is assigned", e->sval);
            if (!v->ty) return e->ty = inf.final_pass ? ty_any : ty_unknown;
        }
        e->var = v;
        return narrowed(v);
    }
    Func *f = find_func(e->sval);
    if (f) return ty_func(f);
    Class *c = find_class(e->sval);
    if (c) return ty_class(c);
    if (!strcmp(e->sval, "asyncio")) {
        if (!prog->uses_asyncio) err(e, "name 'asyncio' is not defined (missing 'import asyncio')");
        return ty_module;
    }
    if (!strcmp(e->sval, "__name__")) return ty_str;
    if (map_get(&module_alias, e->sval)) {
        err(e, "a module can only be used as 'module.name'");
        return ty_any;
    }
    const char *q = map_get(&from_names, e->sval);
    if (q) {
        const char *dot = strchr(q, '.');
        const Builtin *row = builtin_find(xstrndup(q, (size_t)(dot - q)), dot + 1);
        if (row && (row->flags & BF_ATTR)) { /* from sys import argv */
            e->bi = row;
            return builtin_parse_type(builtin_sig(row)->result, NULL);
        }
        err(e, "'%s' (imported from a module) can only be called", e->sval);
        return ty_any;
    }
    const Builtin *b = builtin_find(NULL, e->sval);
    if (b && lib_not_yet(e, NULL, e->sval)) return ty_any;
    if (b && !(b->flags & BF_ATTR))
        return closure_def_value(builtin_as_lambda(e), cur_fn, &scopes); /* map(str, xs) */
    if (b) {
        err(e, "builtin '%s' can only be called", e->sval);
        return ty_any;
    }
    err(e, "name '%s' is not defined", e->sval);
    return ty_any;
}

static Type *binop_type(Node *e, int op, Type *l, Type *r);

/* A tagged union's operation: the union of what each pair of numeric
 * members gives (the others raise TypeError at run time); an object when
 * no pair is numbers or an operand is not a scalar. */
static Type *tag_binop_type(Node *e, int op, Type *l, Type *r) {
    unsigned ml = ty_tag_mask(l), mr = ty_tag_mask(r), num = (1u << TY_BOOL) | (1u << TY_INT) | (1u << TY_FLOAT);
    if (!ml || !mr) return ty_any;
    unsigned res = 0;
    for (int a = TY_BOOL; a <= TY_FLOAT; a++)
        for (int b = TY_BOOL; b <= TY_FLOAT; b++) {
            if (!(ml & num & (1u << a)) || !(mr & num & (1u << b))) continue;
            Type *ta = ty_tagged(1u << a), *tb = ty_tagged(1u << b);
            if ((op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR || op == OP_LSHIFT || op == OP_RSHIFT) &&
                (ta == ty_float || tb == ty_float))
                continue;
            res |= ty_tag_mask(binop_type(e, op, ta, tb));
        }
    return res ? ty_tagged(res) : ty_any;
}

static Type *binop_type(Node *e, int op, Type *l, Type *r) {
    if (l->kind == TY_UNKNOWN || r->kind == TY_UNKNOWN) return ty_unknown;
    if (l->tag || r->tag) return tag_binop_type(e, op, l, r);
    if (l == ty_any || r == ty_any) return ty_any;
    if (ty_numeric(l) && ty_numeric(r)) {
        if (op == OP_DIV) return ty_float;
        if (op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR || op == OP_LSHIFT || op == OP_RSHIFT) {
            if (l == ty_float || r == ty_float) goto bad;
            if (l == ty_bool && r == ty_bool && op != OP_LSHIFT && op != OP_RSHIFT) return ty_bool;
            return ty_int;
        }
        /* 2 ** -1 is 0.5: a negative literal exponent makes a float */
        if (op == OP_POW && e && e->b && e->b->kind == N_UNARY && e->b->op == OP_NEG && e->b->a->kind == N_INT &&
            e->b->a->ival > 0)
            return ty_float;
        return (l == ty_float || r == ty_float) ? ty_float : ty_int;
    }
    if (op == OP_ADD && l == ty_str && r == ty_str) return ty_str;
    if (op == OP_MUL &&
        ((l == ty_str && (r == ty_int || r == ty_bool)) || ((l == ty_int || l == ty_bool) && r == ty_str)))
        return ty_str;
    if (op == OP_ADD && l->kind == TY_LIST && r->kind == TY_LIST) {
        Type *u = ty_unify(l, r);
        if (u && u->kind == TY_LIST) return u;
    }
    if (op == OP_MUL && l->kind == TY_LIST && (r == ty_int || r == ty_bool)) return l;
    if (op == OP_MUL && r->kind == TY_LIST && (l == ty_int || l == ty_bool)) return r;
    if (ty_is_set(l) || ty_is_set(r)) {
        Type *st = set_binop_type(op, l, r);
        if (st) return st;
    }
    if (op == OP_MOD && l == ty_str) {
        err(e, "printf-style '%%' formatting is not supported; use an f-string");
        return ty_str;
    }
bad:;
    static const char *names[] = {"", "+", "-", "*", "/", "//", "%", "**", "-", "+", "~", "&", "|", "^", "<<", ">>"};
    err(e, "unsupported operand types for %s: '%s' and '%s'", names[op], ty_name(l), ty_name(r));
    check_origin(e->a);
    check_origin(e->b);
    return ty_any;
}

bool ty_orderable(const Type *t) {
    if (t->kind == TY_INST) return class_method(t->cls, "__lt__") != NULL;
    if (ty_numeric(t) || t == ty_str || t == ty_any) return true; /* object: checked at run time */
    if (t->kind == TY_LIST) return ty_orderable(t->elem);
    if (t->kind == TY_TUPLE) {
        for (int i = 0; i < t->nelems; i++)
            if (!ty_orderable(t->elems[i])) return false;
        return t->nelems >= 0;
    }
    return false;
}

/* sorted(), min(), max(), list.sort(): instances of a class without
 * __lt__ raise TypeError when two are compared (ac_inst_cmp), as in CPython,
 * which a list of one never does */
bool ty_sortable(const Type *t) {
    if (t->kind == TY_INST && !t->opt) return true;
    if (t->kind == TY_LIST) return ty_sortable(t->elem);
    if (t->kind == TY_TUPLE && t->nelems >= 0) { /* (key, obj): obj is compared only on a tie */
        for (int i = 0; i < t->nelems; i++)
            if (!ty_sortable(t->elems[i])) return false;
        return true;
    }
    return ty_orderable(t);
}

static bool comparable_eq(Type *a, Type *b) {
    if (vague(a) || vague(b)) return true;
    if (a == ty_none || b == ty_none) return true; /* x == None: False unless x is None */
    if (a->opt || b->opt) { /* T | None == T (or None) */
        if (a == ty_none || b == ty_none) return true;
        a = ty_strip(a);
        b = ty_strip(b);
    }
    if (ty_numeric(a) && ty_numeric(b)) return true;
    if (a->kind == TY_TUPLE && b->kind == TY_TUPLE && a->nelems == b->nelems && a->nelems > 0 && a != b) {
        for (int i = 0; i < a->nelems; i++) /* (str, float) == (object, object): item by item */
            if (!comparable_eq(a->elems[i], b->elems[i])) return false;
        return true;
    }
    return ty_unify(a, b) != NULL && a->kind != TY_CORO; /* tasks: by identity */
}

/* Containers compared by identity (xs is ys): the same C pointer.  str
 * and tuples are left out: CPython's answer for them depends on caching. */
static bool same_mutable(Type *a, Type *b) {
    a = ty_strip(a);
    b = ty_strip(b);
    return a->kind == b->kind && (a->kind == TY_LIST || a->kind == TY_DICT || a->kind == TY_SET);
}

static Type *isinstance_call(Node *e);

/* type(x) is C (==, is not, !=): isinstance(x, C) of x's exact class
 * (Node.ival 1), negated for `is not` */
static bool type_is_class(Node *e) {
    int op = e->ops[0];
    Node *l = e->list.data[0], *c = e->list.data[1];
    if (e->list.len != 2 || (op != OP_IS && op != OP_ISNOT && op != OP_EQ && op != OP_NE)) return false;
    if (l->kind != N_CALL || l->a->kind != N_NAME || strcmp(l->a->sval, "type") || lookup_var("type") ||
        l->list.len != 1 || l->list2.len || c->kind != N_NAME || !find_class(c->sval))
        return false;
    Node *call = check_node_at(N_CALL, e->loc);
    call->a = check_node_at(N_NAME, l->a->loc);
    call->a->sval = "isinstance";
    vec_push(&call->list, l->list.data[0]);
    vec_push(&call->list, c);
    call->ty = isinstance_call(call);
    call->ival = 1;
    if (op == OP_IS || op == OP_EQ) {
        *e = *call;
    } else {
        e->kind = N_NOT;
        e->a = call;
        e->list = (Vec){0};
    }
    return true;
}

static Type *defaults_tuple(Node *e, Func *fn);

static Type *compare_expr(Node *e) {
    if (type_is_class(e)) return ty_bool;
    int n = e->list.len;
    for (int i = 1; i < n; i++) { /* x in (a, b): the same test on a list display */
        Node *r = e->list.data[i];
        if ((e->ops[i - 1] == OP_IN || e->ops[i - 1] == OP_NOTIN) && r->kind == N_TUPLE && r->list.len)
            r->kind = N_LIST;
    }
    Type **ts = xcalloc((size_t)n, sizeof(Type *));
    for (int i = 0; i < n; i++) ts[i] = expr(e->list.data[i], NULL);
    if (n == 2 && (ts[0]->kind == TY_INST || ts[1]->kind == TY_INST)) {
        Type *r = class_compare(e, ts[0], ts[1]); /* a dunder, rewritten as its call */
        if (r) return r;
    }
    for (int i = 0; i + 1 < n; i++) {
        Type *a = ts[i], *b = ts[i + 1];
        int op = e->ops[i];
        Node *at = e->list.data[i + 1];
        if (vague(a) || vague(b) || a->tag || b->tag) continue; /* objects and unions: at run time */
        if (op == OP_IN || op == OP_NOTIN) {
            if (b == ty_str) {
                if (a != ty_str) err(at, "'in <string>' requires a string on the left, not '%s'", ty_name(a));
            } else if (b->kind == TY_LIST) {
                if (!comparable_eq(a, b->elem))
                    err(at, "'in' compares '%s' with elements of '%s'", ty_name(a), ty_name(b));
            } else if (b->kind == TY_DICT || ty_is_set(b) || b->kind == TY_VIEW) {
                Type *k = b->kind == TY_DICT ? b->elems[0] : b->elem;
                if (!comparable_eq(a, k)) err(at, "'in' compares '%s' with the keys of '%s'", ty_name(a), ty_name(b));
            } else {
                err(at, "'in' is not supported for '%s'", ty_name(b));
            }
        } else if (op == OP_IS || op == OP_ISNOT) {
            Node *l = e->list.data[i];
            bool with_none = is_none_lit(l) || is_none_lit(at);
            Type *other = is_none_lit(l) ? b : a;
            bool tasks = a->kind == TY_TASK && b->kind == TY_TASK; /* identity, as == */
            bool insts = (ty_strip(a)->kind == TY_INST && ty_strip(b)->kind == TY_INST) ||
                         (ty_strip(a)->kind == TY_EXC && ty_strip(b)->kind == TY_EXC) || same_mutable(a, b);
            if (!tasks && !insts &&
                (!with_none || !(other == ty_none || other->opt || ty_is_obj(other) || ty_numeric(other))))
                err(at, "'is' is only supported with None; use '=='");
        } else if (op == OP_EQ || op == OP_NE) {
            if (!comparable_eq(a, b)) err(at, "cannot compare '%s' with '%s'", ty_name(a), ty_name(b));
        } else if (ty_is_set(a) && ty_is_set(b)) {
            if (a->elem != b->elem) err(at, "cannot compare '%s' with '%s'", ty_name(a), ty_name(b));
        } else {
            if (!(ty_numeric(a) && ty_numeric(b)) && !(ty_unify(a, b) && ty_orderable(ty_unify(a, b))))
                err(at, "'<' ordering is not supported between '%s' and '%s'", ty_name(a), ty_name(b));
        }
    }
    return ty_bool;
}

static Type *unchecked_args(Node *e);

/* A copy of a default value, typed where the def stands (module scope). */
Node *default_node(Param *p) {
    Func *save = cur_fn;
    Vec save_scopes = scopes;
    cur_fn = NULL;
    scopes = (Vec){0};
    Node *d = clone_node(p->def);
    expr(d, NULL);
    cur_fn = save;
    scopes = save_scopes;
    return d;
}

Type *default_type(Param *p) { return default_node(p)->ty; }

/* f(*t) with t a tuple held in a name: f(t[0], t[1], ...) */
static void spread_args(Node *call) {
    Vec out = {0};
    bool any = false;
    for (int i = 0; i < call->list.len; i++) {
        Node *a = call->list.data[i];
        Type *t = a->kind == N_STARRED && a->a->kind == N_NAME ? expr(a->a, NULL) : NULL;
        if (!t || t->kind != TY_TUPLE || t->nelems < 0) {
            vec_push(&out, a);
            continue;
        }
        any = true;
        for (int k = 0; k < t->nelems; k++) {
            Node *name = xcalloc(1, sizeof *name), *ix = xcalloc(1, sizeof *ix), *item = xcalloc(1, sizeof *item);
            *name = *a->a;
            ix->kind = N_INT;
            ix->loc = a->loc;
            ix->ival = k;
            item->kind = N_INDEX;
            item->loc = a->loc;
            item->a = name;
            item->b = ix;
            vec_push(&out, item);
        }
    }
    if (any) call->list = out;
}

/* Positional and keyword arguments against a def's signature: call->list
 * becomes one node per parameter (NULL: the default).  Returns the
 * argument-type tuple that picks the specialisation, NULL on errors. */
/* Class.method in messages about a method's arguments, as CPython */
static const char *qual_name(Func *fn) {
    Func *def = fn->origin ? fn->origin : fn;
    if (def->enclosing) return format("%s.<locals>.%s", qual_name(def->enclosing), def->is_lambda ? "<lambda>" : fn->name);
    return def->cls ? format("%s.%s", def->cls->name, fn->name) : fn->name;
}

const char *check_qualname(Func *fn) { return qual_name(fn); }

/* The TypeError a call of a def raises when it runs (check_call_args),
 * NULL when its arguments bind. */
static char *call_raise;

/* "f() missing 2 required positional arguments: 'a' and 'b'", as CPython
 * words it; NULL when nothing is missing. */
static char *missing_args(Func *fn, Node **bound, int skip) {
    Vec names = {0};
    for (int j = skip; j < fn->nparams; j++)
        if (!bound[j] && !fn->params[j].def && !fn->params[j].star) vec_push(&names, fn->params[j].var->name);
    if (!names.len) return NULL;
    Buf b = {0};
    for (int i = 0; i < names.len; i++)
        buf_printf(&b, "%s'%s'", i == 0 ? "" : names.len == 2 ? " and " : i == names.len - 1 ? ", and " : ", ",
                   (char *)names.data[i]);
    return format("%s() missing %d required positional argument%s: %s", qual_name(fn), names.len,
                  names.len == 1 ? "" : "s", b.data);
}

static Type **check_call_args(Node *call, Func *fn, Type *self_ty) {
    int np = fn->nparams, skip = self_ty ? 1 : 0;
    Node **bound = xcalloc((size_t)np + 1, sizeof(Node *));
    Type **key = xcalloc((size_t)np + 1, sizeof(Type *));
    bool ok = true;
    spread_args(call);
    if (closure_star_call(call, fn)) { /* *args, **kwargs, keyword-only: check_closure.c */
        if (skip) { /* the receiver's place, taken by self */
            Vec shifted = {0};
            Node *self = xcalloc(1, sizeof *self);
            self->kind = N_NONE;
            self->loc = call->loc;
            vec_push(&shifted, self);
            for (int i = 0; i < call->list.len; i++) vec_push(&shifted, call->list.data[i]);
            call->list = shifted;
        }
        bool dyn = spread_dynamic(call);
        Node **b = dyn ? spread_bind(call, fn, skip) : closure_bind(call, fn);
        if (!b) {
            call_raise = closure_bind_error;
            if (!dyn) unchecked_args(call); /* (spread_bind typed them) */
            return NULL;
        }
        bound = b;
        goto typed;
    }
    if (skip && !np) {
        err(call, "%s() takes no arguments, but a method receives the instance", qual_name(fn));
        return NULL;
    }
    if (skip) { /* the receiver: its own node goes in list[0] afterwards */
        Vec shifted = {0};
        vec_push(&shifted, NULL);
        for (int i = 0; i < call->list.len; i++) vec_push(&shifted, call->list.data[i]);
        call->list = shifted;
    }
    /* CPython's checks, in its order (keywords, then the positional count,
     * then what is missing): the first fails the call when it runs */
    char *kw_msg = NULL, *many_msg = NULL;
    if (call->list.len > np) {
        int ndef = 0;
        for (int j = 0; j < np; j++) ndef += fn->params[j].def != NULL;
        int given = call->list.len;
        many_msg = ndef ? format("%s() takes from %d to %d positional arguments but %d %s given", qual_name(fn),
                                 np - ndef, np, given, given == 1 ? "was" : "were")
                        : format("%s() takes %d positional argument%s but %d %s given", qual_name(fn), np,
                                 np == 1 ? "" : "s", given, given == 1 ? "was" : "were");
        ok = false;
    }
    for (int i = skip; i < call->list.len && i < np; i++) {
        Node *a = call->list.data[i];
        if (a->kind == N_STARRED) {
            err(a, "*args in a call of a def needs a tuple held in a name (f(*t)); a list's length is not known");
            ok = false;
            continue;
        }
        bound[i] = a;
    }
    for (int i = 0; i < call->list2.len; i++) {
        Node *kw = call->list2.data[i];
        int j;
        for (j = 0; j < np; j++)
            if (!strcmp(fn->params[j].var->name, kw->sval)) break;
        if (j == np) {
            if (!kw_msg) kw_msg = format("%s() got an unexpected keyword argument '%s'", qual_name(fn), kw->sval);
            ok = false;
            continue;
        }
        if (bound[j]) {
            if (!kw_msg) kw_msg = format("%s() got multiple values for argument '%s'", qual_name(fn), kw->sval);
            ok = false;
            continue;
        }
        bound[j] = kw->a;
    }
    if (kw_msg || many_msg) {
        call_raise = kw_msg ? kw_msg : many_msg;
        unchecked_args(call);
        return NULL;
    }
    char *missing = missing_args(fn, bound, skip);
    if (missing) {
        call_raise = missing;
        unchecked_args(call);
        return NULL;
    }
typed:;
    /* reorder: list holds one node per parameter (NULL: use the default) */
    Vec args = {0};
    for (int j = 0; j < np; j++) {
        Param *p = &fn->params[j];
        if (j < skip) {
            key[j] = self_ty;
            vec_push(&args, NULL);
            continue;
        }
        if (!bound[j] && !p->def) {
            err(call, "%s() missing required argument '%s'", qual_name(fn), p->var->name);
            ok = false;
            continue;
        }
        Type *ann = p->var->fixed ? p->var->ty : NULL, *decl = ann ? ann : p->var->bound;
        if (bound[j]) {
            Type *t = expr(bound[j], ann ? ann : p->star == 2 && !bound[j]->list.len ? ty_dict(ty_str, ty_int) : NULL);
            if (p->star == 2) t = closure_kwargs_type(bound[j], t);
            if (decl && !ty_assignable(decl, t)) {
                err(bound[j], "argument '%s' of %s() has type '%s', but '%s' was given", p->var->name, fn->name,
                    ty_name(decl), ty_name(t));
                note(p->var->loc, "parameter '%s' is declared here", p->var->name);
                if (!ann) t = decl;
            }
            if (ann) check_list_flow(bound[j], ann);
            key[j] = ann ? ann : t;
            /* bool is an int: f(True) for `x: int` keeps a bool (prints True) */
            if (ann == ty_int && t == ty_bool && !fn->host) key[j] = ty_bool;
        } else {
            key[j] = ann ? ann : default_type(p);
        }
        vec_push(&args, bound[j]);
    }
    for (int i = 0; i < call->list2.len; i++) {
        Node *kw = call->list2.data[i];
        if (!kw->a->ty) expr(kw->a, NULL); /* an argument in error: still typed */
    }
    call->list = args;
    call->list2 = (Vec){0};
    return ok ? key : NULL;
}

static void no_kwargs(Node *call, const char *name) {
    if (call->list2.len) err(call->list2.data[0], "%s() takes no keyword arguments", name);
}

Type *awaitable_result(Node *at, Type *t, const char *what) {
    if (t->kind == TY_CORO || t->kind == TY_TASK) return t->elem;
    if (t->kind == TY_UNKNOWN) return t;
    if (t != ty_any) err(at, "%s needs a coroutine or task, not '%s'", what, ty_name(t));
    return ty_any;
}

static Type *unchecked_args(Node *e) {
    for (int i = 0; i < e->list.len; i++) {
        Node *a = e->list.data[i];
        if (!a) continue; /* a method's receiver */
        expr(a->kind == N_STARRED ? a->a : a, NULL);
    }
    for (int i = 0; i < e->list2.len; i++) expr(((Node *)e->list2.data[i])->a, NULL);
    return ty_any;
}

static void widen_elem(Node *list, Type *elem, Loc at);
static void widen(Var *v, Type *t, Loc at);

/* s.add(x) on a set whose element type is not known yet (s = set()):
 * the variable widens to set[type of x]. */
static void set_stores(Node *call, Node *set, const char *m) {
    if (strcmp(m, "add") || call->list.len < 1) return;
    Node *x = call->list.data[0];
    Type *st = (set->kind == N_NAME || set->kind == N_ATTR) && set->var ? set->var->ty : set->ty;
    if (!x->ty || !st || !ty_is_set(st) || st->elem->kind != TY_UNKNOWN) return;
    check_widen_holder(set, ty_set(x->ty, st->kind == TY_FROZENSET), call->loc);
}

/* The element stored by xs.append(x), xs.insert(i, x), xs.extend(ys). */
static void list_stores(Node *call, Node *list, const char *m) {
    Node *x = NULL;
    if (!strcmp(m, "append") && call->list.len >= 1)
        x = call->list.data[0];
    else if (!strcmp(m, "insert") && call->list.len >= 2)
        x = call->list.data[1];
    else if (!strcmp(m, "extend") && call->list.len >= 1)
        x = call->list.data[0];
    if (!x || !x->ty) return;
    Type *t = x->ty;
    if (m[0] == 'e') {
        if (t->kind != TY_LIST) return;
        t = t->elem;
    }
    widen_elem(list, t, call->loc);
    if (m[0] != 'e' && list->ty && list->ty->kind == TY_LIST && !(list->kind == N_NAME && list->var && !list->var->fixed))
        check_float_item(x, list->ty->elem);
    if (list->ty && list->ty->kind == TY_LIST) {
        Type *elem = ty_join(list->ty->elem, t);
        if (m[0] == 'e')
            check_flow_back(x, ty_list(elem));
        else
            check_flow_back(x, elem);
    }
}

/* recv.name(...) on a value: a method row of the library table. */
static Type *method_call(Node *e, Node *callee) {
    Type *fold = set_class_fold(e, callee);
    if (fold) return fold;
    Type *rt = expr(callee->a, NULL);
    const char *m = callee->sval;
    if ((fold = set_method_fold(e, callee, rt)) != NULL) return fold;
    if (rt == ty_any) { /* looked up at run time (rt_dyn_method.c) */
        e->builtin = B_OBJ_METHOD;
        if (e->list2.len)
            err(e->list2.data[0], "keyword arguments to a method of an 'object' value are not supported yet");
        for (int i = 0; i < e->list.len; i++)
            if (((Node *)e->list.data[i])->kind == N_STARRED)
                err(e->list.data[i], "*args is only supported in gather()");
        return unchecked_args(e);
    }
    if (vague(rt)) {
        unchecked_args(e);
        return rt;
    }
    if (rt == ty_none && !inf.final_pass) { /* as for attributes (attr_expr) */
        inf.residue++;
        unchecked_args(e);
        return ty_unknown;
    }
    rt = check_inst_recv(rt);
    if (rt->opt && ty_strip(rt)->kind == TY_SYNC)
        rt = check_not_none(callee->a, "AttributeError", "'NoneType' object has no attribute '%s'", m);
    if (maybe_none(callee->a, rt)) {
        unchecked_args(e);
        return ty_any;
    }
    if (rt->kind == TY_INST || (rt->kind == TY_CLASS && rt->cls->plain)) return class_method_call(e, rt);
    if (rt->kind == TY_AGEN) return agen_method_call(e, rt);
    if (rt->kind == TY_EXC && class_is_user_exc(rt->cls) && class_method(rt->cls, m)) return class_method_call(e, rt);
    if (rt->kind == TY_GEN || (rt->kind == TY_CORO && gen_coro_method(m))) return gen_method_call(e, rt);
    if (rt->kind == TY_SYNC && rt->sub == SY_TSEM && !strcmp(m, "run_in_thread")) /* ThreadPool: inline too */
        return tinyio_run_in_thread(e, e->list.len ? e->list.data[0] : NULL, 1, cur_fn);
    if (rt->kind == TY_SYNC && rt->sub == SY_TSEM && !strcmp(m, "map")) return tinyio_pool_map(e, cur_fn);
    const char *rn = builtin_recv_name(rt);
    const Builtin *b = rn ? builtin_find(rn, m) : NULL;
    if (b && !(b->flags & BF_NOT_YET)) {
        Type *r = lib_call(e, b, rt);
        if (rt->kind == TY_LIST) list_stores(e, callee->a, m);
        if (ty_is_set(rt)) set_stores(e, callee->a, m);
        if (rt->kind == TY_SYNC && rt->sub == SY_QUEUE) queue_stores(e, m);
        return r;
    }
    if (!rn || !lib_not_yet(callee, rn, m)) {
        err(callee, "'%s' object has no attribute '%s'", rn ? rn : ty_name(rt), m);
        /* a method of another type: the value is not what was meant */
        if (builtin_find("str", m) || builtin_find("list", m)) check_origin(callee->a);
    }
    return unchecked_args(e);
}

/* module.name(...) (or name(...) after from-import): a module function row. */
static Type *module_call(Node *e, const char *module, const char *name, Node *callee) {
    const Builtin *b = builtin_find(module, name);
    if (b && !(b->flags & (BF_NOT_YET | BF_ATTR))) return lib_call(e, b, NULL);
    if (b && (b->flags & BF_ATTR))
        err(callee, "'%s.%s' is not callable", module, name);
    else if (!lib_not_yet(callee, module, name))
        err(callee, "module '%s' has no attribute '%s'", module, name);
    return unchecked_args(e);
}

/* A call through a module other than asyncio: time.sleep(...),
 * sys.stdin.readline(); NULL when the callee is no such thing. */
static Type *other_module_call(Node *e, Node *callee) {
    const char *m = module_of(callee->a);
    if (m && strcmp(m, "asyncio")) return module_call(e, m, callee->sval, callee);
    Node *obj = callee->a;
    if (obj->kind == N_ATTR && (m = module_of(obj->a)) != NULL && builtin_find(m, obj->sval) &&
        (builtin_find(m, obj->sval)->flags & BF_ATTR) && builtin_find(format("%s.%s", m, obj->sval), callee->sval))
        return module_call(e, format("%s.%s", m, obj->sval), callee->sval, callee);
    return NULL;
}

/* f(...) where f came from `from M import f` */
static Type *from_import_call(Node *e, Node *callee) {
    const char *q = map_get(&from_names, callee->sval);
    if (!q) return NULL;
    const char *dot = strchr(q, '.');
    return module_call(e, xstrndup(q, (size_t)(dot - q)), dot + 1, callee);
}

static Type *call_expr_inner(Node *e);

/* ValueError("...") and the like: the exception object. */
static Type *exc_new(Node *e) {
    if (class_is_user_exc(e->cls) && class_method(e->cls, "__init__")) return class_call(e, e->cls);
    e->builtin = B_EXC_NEW;
    no_kwargs(e, e->cls->name);
    for (int i = 0; i < e->list.len; i++) {
        Node *a = e->list.data[i];
        Type *t = expr(a, NULL);
        if (t->kind == TY_FUNC || t->kind == TY_CLASS || t->kind == TY_MODULE || t->kind == TY_CORO || t == ty_none)
            err(a, "exception arguments of type '%s' are not supported", ty_name(t));
    }
    return ty_exc(e->cls);
}

/* The call an await is applied to: a deferred host call must be its
 * operand.  (sleep/gather/wait_for/... used as values rather than awaited
 * in place are wrapped in generated coroutines by lower.c.) */
static Node *awaited_call;

/* ---- hasattr: answered from static types --------------------------------- */

/* The dunder methods every builtin type has, and those of containers. */
static bool has_dunder(const Type *t, const char *name) {
    static const char *const all[] = {"__class__", "__str__", "__repr__", "__eq__", "__ne__", "__doc__", NULL};
    static const char *const seq[] = {"__len__", "__iter__", "__contains__", NULL};
    for (int i = 0; all[i]; i++)
        if (!strcmp(name, all[i])) return true;
    bool container = t == ty_str || t->kind == TY_LIST || t->kind == TY_TUPLE || t->kind == TY_DICT || ty_is_set(t) ||
                     t->kind == TY_VIEW;
    for (int i = 0; container && seq[i]; i++)
        if (!strcmp(name, seq[i])) return true;
    if (!strcmp(name, "__getitem__")) return t == ty_str || t->kind == TY_LIST || t->kind == TY_TUPLE || t->kind == TY_DICT;
    if (!strcmp(name, "__add__") || !strcmp(name, "__mul__"))
        return ty_numeric(t) || t == ty_str || t->kind == TY_LIST || t->kind == TY_TUPLE;
    return false;
}

/* hasattr() of a value of static type t (not an object) */
bool ty_has_attr(Type *t, const char *name) {
    const char *rn = builtin_recv_name(t);
    return (rn && builtin_find(rn, name)) || has_dunder(t, name) ||
           (t->kind == TY_EXC && (!strcmp(name, "args") || !strcmp(name, "with_traceback")));
}

/* hasattr(x, "name"): the names of asyncc's library table (including the
 * ones it does not support yet: Python has them); of an object, looked up
 * by what it holds at run time (Node.ival 3). */
static Type *hasattr_call(Node *e) {
    Node *o = e->list.len == 2 ? e->list.data[0] : NULL, *n = e->list.len == 2 ? e->list.data[1] : NULL;
    if (!o || n->kind != N_STR || e->list2.len) {
        err(e, "hasattr() needs a value and a literal attribute name");
        return ty_bool;
    }
    const char *m = o->kind == N_NAME && !lookup_var(o->sval) ? map_get(&module_alias, o->sval) : NULL;
    if (m) {
        e->ival = builtin_find(m, n->sval) || (!strcmp(m, "asyncio") && find_builtin_class(n->sval));
        return ty_bool;
    }
    Type *t = expr(o, NULL);
    e->ival = t == ty_any ? 3 : ty_has_attr(t, n->sval);
    return ty_bool;
}

static Type *static_query(Node *e, const char *name) {
    e->bi = builtin_find(NULL, name);
    e->builtin = B_LIB;
    return hasattr_call(e);
}

Type *key_func_result(Node *key, Type *item, const char *what) {
    Func *fn = key->kind == N_NAME && !lookup_var(key->sval) ? find_func(key->sval) : NULL;
    if (!fn && key->kind == N_NAME && !lookup_var(key->sval) &&
        (!strcmp(key->sval, "len") || !strcmp(key->sval, "abs"))) {
        /* key=len, key=abs: the builtin applied to each item (Node.ival: which) */
        bool is_len = key->sval[0] == 'l';
        bool ok = item == ty_any || (is_len ? item == ty_str || item->kind == TY_LIST || item->kind == TY_TUPLE
                                            : ty_numeric(item)); /* objects: at run time */
        if (!ok) {
            err(key, "%s(key=%s): %s() of '%s' items is not supported", what, key->sval, key->sval, ty_name(item));
            return NULL;
        }
        key->ival = is_len ? KEY_LEN : KEY_ABS;
        return key->ty = is_len || item == ty_bool ? ty_int : item; /* abs of an object: an object */
    }
    if (!fn) { /* a lambda, a closure, a builtin: a function value */
        Type *ft = expr(key, NULL);
        if (ft->kind == TY_UNKNOWN) return ty_unknown;
        if (ft->kind != TY_FUNC) {
            err(key, "'%s' object is not callable", ty_name(ft));
            return NULL;
        }
        key->ival = KEY_VALUE;
        Type *r = value_call_types(key, ft, &item, 1, &key->plan);
        if (r && r->kind == TY_CORO) {
            err(key, "%s(key=...): the key function returns a coroutine, which cannot be compared", what);
            return NULL;
        }
        return r && r != ty_none ? r : NULL;
    }
    if (!fn || fn->is_async || fn->nparams < 1) {
        err(key, "%s(key=...) needs the name of a def taking one argument (lambdas are not supported yet)", what);
        return NULL;
    }
    for (int i = 1; i < fn->nparams; i++)
        if (!fn->params[i].def) {
            err(key, "%s(key=%s): %s() takes more than one argument", what, fn->name, fn->name);
            return NULL;
        }
    Type *pt = fn->params[0].var->fixed ? fn->params[0].var->ty : NULL;
    if (pt && !ty_assignable(pt, item)) {
        err(key, "%s(key=%s): parameter '%s' has type '%s', but the items are '%s'", what, fn->name,
            fn->params[0].var->name, ty_name(pt), ty_name(item));
        return NULL;
    }
    /* the key function is called with one item: its specialisation for
     * the item type (the other parameters take their defaults) */
    Type **k = xcalloc((size_t)fn->nparams + 1, sizeof(Type *));
    k[0] = pt ? pt : item;
    for (int i = 1; i < fn->nparams; i++)
        k[i] = fn->params[i].var->fixed ? fn->params[i].var->ty : default_type(&fn->params[i]);
    fn = specialise(fn, k);
    key->ty = ty_func(fn);
    check_func(fn);
    if (fn->ret && fn->ret->kind == TY_UNKNOWN && !inf.final_pass) return ty_unknown;
    if (!fn->ret || fn->ret == ty_none || (fn->ret == ty_any && item != ty_any)) {
        err(key, "%s(key=%s): %s() must return a value", what, fn->name, fn->name);
        return NULL;
    }
    return fn->ret;
}

/* A generator expression argument is compiled as a loop (any, all) or as
 * the list it would produce (the others): only where that means the same. */
static void check_generator_arg(Node *e) {
    static const char *const takers[] = {"sum", "any", "all", "min", "max", "sorted", "list", "set", "str.join", NULL};
    Node *g = NULL;
    for (int i = 0; i < e->list.len; i++) { /* a user call's list has NULLs for defaults */
        Node *a = e->list.data[i];
        if (a && a->kind == N_LISTCOMP && a->ival) g = a;
    }
    if (!g) return;
    for (int i = 0; e->bi && takers[i]; i++)
        if (!strcmp(builtin_qualname(e->bi), takers[i])) return;
    err(g, "a generator expression is only supported as the argument of sum(), any(), all(), "
           "min(), max(), sorted(), list(), set() and str.join()");
}

/* Whether a call compiles a generator expression argument as a loop or a
 * list (check_generator_arg); elsewhere the argument is a lazy generator. */
static bool consumes_generator(Node *callee) {
    static const char *const takers[] = {"sum", "any", "all", "min", "max", "sorted", "list", "set", NULL};
    if (callee->kind == N_ATTR) return !strcmp(callee->sval, "join");
    if (callee->kind != N_NAME || lookup_var(callee->sval) || find_func(callee->sval)) return false;
    for (int i = 0; takers[i]; i++)
        if (!strcmp(callee->sval, takers[i])) return true;
    return false;
}

static Type *call_expr(Node *e) {
    bool direct = awaited_call == e;
    awaited_call = NULL;
    if (!consumes_generator(e->a))
        for (int i = 0; i < e->list.len; i++) {
            Node *a = e->list.data[i];
            if (a && a->kind == N_LISTCOMP && a->ival == 1) a->ival = 2;
        }
    Type *t = call_expr_inner(e);
    check_generator_arg(e);
    e->ty = t;
    if (!direct && e->builtin == B_CORO_CALL && e->fn && e->fn->host)
        err(e, "a deferred host function must be awaited directly");
    return t;
}

/* ---- object: isinstance(x, C) and type(x).__name__ ------------------------ */

/* A class isinstance() accepts: a builtin type's name (as a Type) or an
 * exception class (TY_EXC); NULL after an error. */
static Type *isinstance_class(Node *c) {
    if (c->kind == N_NAME) {
        static const char *const names[] = {"int", "float", "bool", "str", "object", "list", "tuple"};
        for (int i = 0; i < 7; i++)
            if (!strcmp(c->sval, names[i])) {
                if (i == 5) return ty_list(ty_any);
                if (i == 6) return ty_tuple(NULL, -1);
                Node ann = *c;
                return resolve_ann(&ann);
            }
        Class *k = find_class(c->sval);
        if (k) return k->plain ? ty_inst(k) : ty_exc(k);
        if (!strcmp(c->sval, "dict")) return ty_dict(ty_any, ty_any); /* by kind */
        if (!strcmp(c->sval, "set") || !strcmp(c->sval, "frozenset")) return ty_set(ty_any, c->sval[0] == 'f');
    } else if (c->kind == N_ATTR && is_asyncio(c->a)) {
        Class *k = find_builtin_class(c->sval);
        if (k) return ty_exc(k);
    }
    err(c, "isinstance() needs a builtin type, an exception class or a tuple of them");
    return NULL;
}

static bool builtin_kind(const Type *t);

/* callable(x), answered by x's type: a class or a function is callable, an
 * instance is when its class has __call__, a builtin type's value is not. */
static bool callable_call(Node *e) {
    if (e->list.len != 1 || e->list2.len || ((Node *)e->list.data[0])->kind == N_STARRED) return false;
    Type *t = expr(e->list.data[0], NULL);
    int answer = t->kind == TY_CLASS || (t->kind == TY_FUNC && !t->opt) ? 1
                 : t->kind == TY_INST && !t->opt                      ? class_has_method(t->cls, "__call__")
                 : builtin_kind(t) && !t->opt                         ? 0
                                                                      : -1;
    if (answer < 0 && !ty_has_unknown(t)) err(e, "callable() of a '%s' is not supported yet", ty_name(t));
    e->bi = builtin_find(NULL, "hasattr"); /* its emitter prints e->ival */
    e->builtin = B_LIB;
    e->ival = answer > 0;
    return true;
}

/* A class a value's type names: KeyError's in `(KeyError,)`. */
static Node *class_of_type(Type *t, Loc at) {
    if (!t || t->kind != TY_CLASS) return NULL;
    Node *k = ast_node(N_NAME, at);
    k->sval = t->cls->name;
    k->ty = class_self(t->cls);
    return k;
}

/* issubclass(exc_type, C) in an __exit__/__aexit__: the exc_type asyncc
 * passes is the exception itself (parse.c, the with statement), so this is
 * isinstance(exc, C).  C is a class, or a tuple (a value too, such as
 * `self.suppress = (KeyError,)`) whose type names its classes. */
static bool exit_issubclass(Node *e) {
    if (!cur_fn || (strcmp(cur_fn->name, "__exit__") && strcmp(cur_fn->name, "__aexit__")) || e->list.len != 2 ||
        e->list2.len)
        return false;
    Node *x = e->list.data[0], *c = e->list.data[1];
    if (x->kind != N_NAME || c->kind == N_STARRED) return false;
    Type *xt = expr(x, NULL), *ct = expr(c, NULL);
    if (ty_strip(xt)->kind != TY_EXC) return false;
    e->builtin = B_ISINSTANCE;
    e->list2 = (Vec){0};
    if (maybe_none(x, xt)) return true;
    if (ct->kind == TY_CLASS)
        vec_push(&e->list2, class_of_type(ct, c->loc));
    for (int i = 0; ct->kind == TY_TUPLE && i < ct->nelems; i++) {
        Node *k = class_of_type(ct->elems[i], c->loc);
        if (!k) break;
        vec_push(&e->list2, k);
    }
    if (ty_has_unknown(ct) || e->list2.len == (ct->kind == TY_TUPLE ? ct->nelems : 1)) return true;
    err(c, "issubclass() needs a class or a tuple of classes, not '%s'", ty_name(ct));
    return true;
}

static Type *isinstance_call(Node *e) {
    e->builtin = B_ISINSTANCE;
    no_kwargs(e, "isinstance");
    if (e->list.len != 2) {
        err(e, "isinstance expected 2 arguments, got %d", e->list.len);
        return ty_bool;
    }
    expr(e->list.data[0], NULL);
    Node *c = e->list.data[1];
    Vec classes = {0};
    if (c->kind == N_TUPLE) {
        for (int i = 0; i < c->list.len; i++) vec_push(&classes, c->list.data[i]);
    } else {
        vec_push(&classes, c);
    }
    for (int i = 0; i < classes.len; i++) {
        Node *k = classes.data[i];
        k->ty = isinstance_class(k);
        if (!k->ty) k->ty = ty_any;
    }
    e->list2 = classes;
    return ty_bool;
}

/* type(x).__name__ (the only use of type() so far) */
static bool is_type_name(Node *e) {
    Node *c = e->a;
    return !strcmp(e->sval, "__name__") && c->kind == N_CALL && c->a->kind == N_NAME && !strcmp(c->a->sval, "type") &&
           !lookup_var("type") && c->list.len == 1 && !c->list2.len;
}

/* Has CPython's int, float, bool or None no attribute of that name?  (A
 * dunder's branch for another type of operand reads one: `self + other`
 * in a __radd__ that other == 0 never runs, so it is CPython's run-time
 * AttributeError, not a compile error.) */
static bool scalar_lacks(Type *t, const char *name) {
    static const char *const has[] = {"as_integer_ratio", "bit_count", "bit_length", "conjugate", "denominator",
                                      "from_bytes",       "imag",      "numerator",  "real",      "to_bytes",
                                      "fromhex",          "hex",       "is_integer"};
    if (t != ty_int && t != ty_float && t != ty_bool && t != ty_none) return false;
    if (!strncmp(name, "__", 2)) return false;
    for (size_t i = 0; t != ty_none && i < sizeof has / sizeof *has; i++)
        if (!strcmp(name, has[i])) return false;
    return true;
}

/* type(x).attr of an instance: the class attribute of x's class, which is
 * what x.attr reads (emit_class.c) when no instance attribute of x's class
 * or a subclass shadows it.  e becomes x.attr. */
static bool type_class_attr(Node *e) {
    Node *c = e->a;
    if (c->kind != N_CALL || c->a->kind != N_NAME || strcmp(c->a->sval, "type") || lookup_var("type") ||
        c->list.len != 1 || c->list2.len)
        return false;
    if (!strncmp(e->sval, "__", 2)) return false; /* type(x).__name__ and the like */
    Type *t = expr(c->list.data[0], NULL);
    bool inst = t->kind == TY_INST && !t->opt && class_cattr(t->cls, e->sval);
    bool obj = t == ty_any && class_cattr_named(e->sval);
    if (!(inst || obj) || class_field_below(inst ? t->cls : NULL, e->sval)) return false;
    e->a = c->list.data[0];
    e->op = 1; /* its AttributeError names the type object */
    return true;
}

/* An operand divmod() may evaluate twice: no call, no side effect. */
static bool plain_operand(const Node *n) {
    if (n->kind == N_UNARY) return plain_operand(n->a);
    if (n->kind == N_BINOP) return plain_operand(n->a) && plain_operand(n->b);
    return n->kind == N_NAME || n->kind == N_INT || n->kind == N_FLOAT || n->kind == N_BOOL;
}

/* divmod(a, b) is (a // b, a % b), Python's floor rules for int and float
 * alike: the call becomes that tuple display. */
static bool divmod_as_tuple(Node *e) {
    if (e->list.len != 2 || e->list2.len) {
        err(e, "divmod expected 2 arguments, got %d", e->list.len + e->list2.len);
        return false;
    }
    Node *a = e->list.data[0], *b = e->list.data[1];
    if (!plain_operand(a) || !plain_operand(b)) {
        err(e, "divmod() of an expression with a call is not supported; store it in a variable first");
        return false;
    }
    Node *q = xcalloc(1, sizeof *q), *r = xcalloc(1, sizeof *r);
    q->kind = r->kind = N_BINOP;
    q->loc = r->loc = e->loc;
    q->op = OP_FLOORDIV;
    r->op = OP_MOD;
    q->a = a;
    q->b = b;
    r->a = clone_node(a);
    r->b = clone_node(b);
    e->kind = N_TUPLE;
    e->list = (Vec){0};
    vec_push(&e->list, q);
    vec_push(&e->list, r);
    return true;
}

Type *check_user_call(Node *e, Func *def, Type *self_ty) {
    if (!self_ty && !def->nparams && e->a->kind == N_NAME && spread_dynamic(e)) {
        /* f(*xs) of a def without parameters: no parameter carries the
         * arguments, so the call goes through its function value */
        Type *ft = expr(e->a, NULL);
        if (ft->kind == TY_FUNC) return value_call(e, ft);
    }
    e->builtin = def->is_gen ? B_GEN_OP : def->is_async ? B_CORO_CALL : B_USER;
    call_raise = NULL;
    Type **key = check_call_args(e, def, self_ty);
    if (!key && call_raise) { /* typed as a good call of the def is */
        Type *r = def->specs.len ? ((Func *)def->specs.data[0])->ret : NULL;
        if (!r) r = inf.final_pass ? ty_none : ty_unknown;
        if (def->is_gen && def->specs.len) r = gen_type_of(def->specs.data[0]);
        else if (def->is_async) r = ty_coro(r);
        return check_raise_at(e, "TypeError", r, "%s", call_raise);
    }
    if (!key) return inf.final_pass ? ty_any : ty_unknown;
    int nspecs = def->specs.len;
    Func *fn = e->fn = specialise(def, key);
    if (def->specs.len > nspecs)
        for (int j = 0; j < fn->nparams; j++) {
            if (!fn->params[j].var->fixed && e->list.data[j])
                fn->params[j].var->ty_at = ((Node *)e->list.data[j])->loc;
            else if (!fn->params[j].var->fixed && def->params[j].def)
                fn->params[j].var->ty_at = def->params[j].def->loc;
        }
    check_func(fn);
    mutated_args(e, fn);
    shared_defaults_flow(e, fn);
    Type *r = fn->ret ? fn->ret : ty_unknown;
    if (fn->is_gen) return gen_type_of(fn);
    return fn->is_async ? ty_coro(r) : r;
}

static Type *call_expr_inner(Node *e) {
    Node *callee = e->a;
    if (e->builtin == B_OBJ_ITER) return class_obj_iter(e, expr(callee, NULL));
    if (callee->kind == N_ATTR && is_super_call(callee->a)) return class_super_call(e);
    if (callee->kind == N_ATTR && is_tinyio(callee->a)) {
        if (!strcmp(callee->sval, "run_in_thread"))
            return tinyio_run_in_thread(e, e->list.len ? e->list.data[0] : NULL, 1, cur_fn);
        e->cls = tinyio_class(callee->sval); /* raise tinyio.CancelledError(...) */
        if (e->cls) return exc_new(e);
    }
    if (callee->kind == N_ATTR) {
        const char *stream = sys_stream(callee->a);
        if (stream) return module_call(e, stream, callee->sval, callee); /* sys.stdout.write(s) */
        if (module_of(callee->a) && !strcmp(module_of(callee->a), "functools") && !strcmp(callee->sval, "partial"))
            return partial_call(e, cur_fn, &scopes);
        Type *mt = is_asyncio(callee->a) ? NULL : other_module_call(e, callee);
        if (mt) return mt;
        if (!is_asyncio(callee->a)) return method_call(e, callee);
        need_asyncio_import(callee->a);
        e->cls = find_builtin_class(callee->sval); /* asyncio.TimeoutError(...) */
        if (!e->cls) return module_call(e, "asyncio", callee->sval, callee);
        return exc_new(e);
    }
    if (callee->kind != N_NAME) {
        Type *ft = expr(callee, NULL);
        if (ft->kind == TY_FUNC) return value_call(e, ft);
        if (ft->kind == TY_INST && !ft->opt) return class_dunder(e, callee, "__call__", NULL, e); /* ops[0](x) */
        if (ft->kind == TY_UNKNOWN) return unchecked_args(e), ty_unknown;
        err(callee, "'%s' object is not callable", ty_name(ft));
        return unchecked_args(e);
    }
    const char *name = callee->sval;
    Var *v = lookup_var(name);
    if (v && v->is_global && !cur_fn && in_module_body && map_get(&rebound_defs, name) && map_get(&module_binding, name))
        return check_user_call(e, map_get(&module_binding, name), NULL); /* module code: the def bound here */
    if (v && v->ty && v->ty->kind == TY_INST && !v->ty->opt) return class_dunder(e, callee, "__call__", NULL, e); /* x(...) */
    if (v && v->ty && v->ty->kind == TY_CLASS && v->ty->cls->plain) { /* cls(...) */
        callee->var = v;
        return class_call(e, v->ty->cls);
    }
    if (v && v->ty && (v->ty->kind == TY_FUNC || v->ty->kind == TY_UNKNOWN)) {
        Type *ft = expr(callee, NULL);
        if (ft->kind == TY_FUNC) return value_call(e, ft);
        return unchecked_args(e), ty_unknown;
    }
    if (!v && (!strcmp(name, "map") || !strcmp(name, "filter")) && !find_func(name))
        return map_filter_call(e, name[0] == 'f');
    if (!v) {
        Func *def = find_func(name);
        if (def) return check_user_call(e, def, NULL);
        e->cls = find_class(name);
        if (e->cls && e->cls->plain) return class_call(e, e->cls);
        if (e->cls) return exc_new(e);
        const char *q = map_get(&from_names, name);
        if (q && !strcmp(q, "functools.partial")) return partial_call(e, cur_fn, &scopes);
        Type *ft = from_import_call(e, callee);
        if (ft) return ft;
        if (!strcmp(name, "isinstance")) return isinstance_call(e);
        if (!strcmp(name, "divmod") && divmod_as_tuple(e)) return expr(e, NULL);
        if (!strcmp(name, "hasattr")) return static_query(e, name);
        if (!strcmp(name, "issubclass") && class_issubclass(e)) return ty_bool;
        if (!strcmp(name, "issubclass") && exit_issubclass(e)) return ty_bool;
        if (!strcmp(name, "callable") && callable_call(e)) return ty_bool;
        Type *st = !strcmp(name, "sum") ? class_sum_call(e) : NULL;
        if (st) return st;
        Type *dt = class_builtin_dunder(e, name); /* len(x) -> x.__len__() ... */
        if (dt) return dt;
        Type *gt = gen_builtin_call(e, name);
        if (!gt) gt = agen_builtin_call(e, name);
        if (gt) return gt;
        const Builtin *b = builtin_find(NULL, name);
        if (b && !strcmp(name, "print")) note_stream_arg(e);
        if (b && !(b->flags & BF_NOT_YET)) {
            spread_args(e); /* f(*t) of a tuple: its items */
            return lib_call(e, b, NULL);
        }
        if (b && lib_not_yet(callee, NULL, name)) return unchecked_args(e);
    }
    if (v && v->ty && v->ty->kind == TY_SYNC && v->ty->sub == SY_TSEM) { /* sem(): its __call__ row */
        Node *attr = xcalloc(1, sizeof *attr);
        attr->kind = N_ATTR;
        attr->loc = callee->loc;
        attr->a = callee;
        attr->sval = "__call__";
        e->a = attr;
        return method_call(e, attr);
    }
    err(callee, v ? "'%s' is not callable" : "name '%s' is not defined", name);
    return unchecked_args(e);
}

/* An instance of parse.c's `slice` class (the prelude obj[a:b] needs) */
static bool is_slice_value(Type *t) {
    return t->kind == TY_INST && !t->opt && t->cls->name == prelude_slice_name;
}

static Type *index_expr(Node *e) {
    /* {}[k]: an empty literal has the key's type (its lookup raises KeyError) */
    Type *want = e->a->kind == N_DICT && !e->a->list.len ? ty_dict(expr(e->b, NULL), ty_any) : NULL;
    Type *t = expr(e->a, want);
    if (t->kind == TY_DICT) return dict_index_type(e, t);
    if (t->kind == TY_INST) return class_dunder(e, e->a, "__getitem__", e->b, NULL);
    Type *i = expr(e->b, ty_int);
    if (vague(t)) return t;
    if (maybe_none(e->a, t)) return ty_any;
    if (is_slice_value(i) && e->b->kind == N_NAME && (t == ty_str || t->kind == TY_LIST)) {
        /* xs[s] of a slice object s (obj[a:b] came as one): xs[s.start:s.stop:s.step] */
        Node *parts[3];
        static const char *const names[] = {"start", "stop", "step"};
        for (int k = 0; k < 3; k++) {
            parts[k] = check_node_at(N_ATTR, e->b->loc);
            parts[k]->a = clone_node(e->b);
            parts[k]->sval = (char *)names[k];
        }
        e->kind = N_SLICE;
        e->b = parts[0], e->c = parts[1], e->d = parts[2];
        return expr(e, NULL);
    }
    if (i != ty_int && i != ty_bool && !vague(i)) err(e->b, "indices must be integers, not '%s'", ty_name(i));
    if (t == ty_str) return ty_str;
    if (t->kind == TY_LIST) return t->elem;
    if (t->kind == TY_TUPLE && t->nelems >= 0) {
        Node *ix = e->b;
        int64_t k;
        if (ix->kind == N_INT)
            k = ix->ival;
        else if (ix->kind == N_UNARY && ix->op == OP_NEG && ix->a->kind == N_INT)
            k = -ix->a->ival;
        else {
            err(e->b, "tuple index must be an integer literal");
            return ty_any;
        }
        if (k < 0) k += t->nelems;
        if (k < 0 || k >= t->nelems) {
            err(e->b, "tuple index out of range");
            return ty_any;
        }
        e->ival = k;
        return t->elems[k];
    }
    err(e, "'%s' object is not subscriptable", ty_name(t));
    check_origin(e->a);
    return ty_any;
}

/* Names bound by a comprehension (or an except clause) live in their own
 * scope: they get a Var of their own with a unique C name. */
static void bind_scoped(Node *t, Type *ty, Vec *scope) {
    if (t->kind == N_NAME) {
        Var *v = new_var(t->sval, t->loc, cur_fn);
        v->ty = ty;
        v->scoped = true;
        vec_push(scope, v);
        t->var = v;
        t->ty = ty;
        if (cur_fn)
            vec_push(&cur_fn->locals, v);
        else {
            v->is_global = true;
            vec_push(&prog->globals, v);
        }
        v->cbase = format("%s_L%d_%d", v->name, t->loc.line, t->loc.col);
        return;
    }
    if (t->kind == N_TUPLE) {
        int n = t->list.len;
        if (ty->kind == TY_TUPLE && ty->nelems == n)
            for (int i = 0; i < n; i++) bind_scoped(t->list.data[i], ty->elems[i], scope);
        else if (ty->kind == TY_LIST)
            for (int i = 0; i < n; i++) bind_scoped(t->list.data[i], ty->elem, scope);
        else {
            if (!vague(ty)) err(t, "cannot unpack '%s' into %d names", ty_name(ty), n);
            for (int i = 0; i < n; i++) bind_scoped(t->list.data[i], vague(ty) ? ty : ty_any, scope);
        }
        t->ty = ty;
        return;
    }
    err(t, "comprehension targets must be names");
}

static Type *iter_elem(Node *it, Type *t) {
    if (it->kind == N_CALL && it->builtin == B_RANGE) return ty_int;
    if (t->kind == TY_TUPLE && !t->opt) t = tuple_as_list(it, t);
    if (maybe_none(it, t)) return ty_any;
    t = class_iter_of(it, t);
    if (t == ty_str) return ty_str;
    if (t->kind == TY_LIST || ty_is_set(t) || t->kind == TY_VIEW || t->kind == TY_GEN) return t->elem;
    if (t->kind == TY_DICT) return t->elems[0];
    if (vague(t)) return t;
    if (t->kind == TY_INST && !t->opt) { /* no __iter__: TypeError when it runs */
        check_raise_at(it, "TypeError", ty_list(ty_any), "'%s' object is not iterable", t->cls->name);
        return ty_any;
    }
    if (t->kind == TY_AGEN)
        err(it, "'async_generator' object is not iterable (use 'async for')");
    else
        err(it, "cannot iterate over '%s'", ty_name(t));
    check_origin(it);
    return ty_any;
}

/* The items of `async for` (a statement or a comprehension clause c, the
 * iterable checked already, of type t): an async generator's items; a
 * list, tuple, dict, str (or whatever a plain for walks) in the builtins
 * spelling is looped over as Edge Python does (c becomes a plain loop).  NULL for an instance whose
 * __aiter__ returns an iterator object (the statement is rewritten, see
 * afor_instance).  Over anything else the loop raises CPython's TypeError
 * when it runs (ival 2, sval the type's name): the program may never get
 * there. */
static Type *async_iter_elem(Node *c, Type *t, bool comp) {
    if (!cur_fn || !cur_fn->is_async)
        err(c, comp ? "asynchronous comprehension outside of an asynchronous function"
                    : "'async for' outside async function");
    if (t->kind == TY_INST && !t->opt) t = class_aiter_of(c->b, t);
    if (t->kind == TY_AGEN) return t->elem;
    if (t == ty_any) err(c->b, "async for over an 'object' value is not supported yet");
    if (vague(t)) return t;
    if (t->kind == TY_INST && !t->opt) {
        if (comp)
            err(c->b, "an async comprehension over '%s' is not supported yet (write __aiter__ as an async generator method)",
                ty_name(t));
        return comp ? ty_any : NULL;
    }
    bool plain = t->kind == TY_LIST || t->kind == TY_TUPLE || t->kind == TY_DICT || t == ty_str || ty_is_set(t) ||
                 t->kind == TY_VIEW || t->kind == TY_GEN || (c->b->kind == N_CALL && c->b->builtin == B_RANGE);
    if (!prog->uses_asyncio && plain) {
        c->ival = 0;
        if (c->b->kind == N_TUPLE) { /* a display: the loop over a list, as for a plain for */
            c->b->kind = N_LIST;
            t = expr(c->b, NULL);
        }
        return iter_elem(c->b, t);
    }
    const char *name = agen_py_type_name(c->b, t);
    if (!name) {
        err(c->b, "'async for' over '%s' is not supported", ty_name(t));
        return ty_any;
    }
    c->ival = 2;
    c->sval = (char *)name;
    return ty_any;
}

static Type *listcomp(Node *e, Type *expect) {
    if (e->ival == 2) return gen_expr_value(e, cur_fn);
    Vec *scope = xcalloc(1, sizeof *scope);
    int depth = scopes.len, ndepth = narrow_var.len;
    for (int i = 0; i < e->list.len; i++) {
        Node *c = e->list.data[i];
        if (c->kind == N_FOR) {
            if (c->b->kind == N_TUPLE && !c->ival) c->b->kind = N_LIST;
            Type *it = expr(c->b, NULL);
            Vec *sc = xcalloc(1, sizeof *sc);
            bind_scoped(c->a, c->ival ? async_iter_elem(c, it, true) : iter_elem(c->b, it), sc);
            vec_push(&scopes, sc);
        } else {
            expr(c->a, NULL);
            narrow_by(c->a, true); /* [s for s in xs if s is not None]: what follows sees s narrowed */
        }
    }
    (void)scope;
    if (e->kind != N_LISTCOMP) {
        Type *r = dict_set_comp_type(e, expect);
        scopes.len = depth;
        narrow_pop(ndepth);
        return r;
    }
    Type *bt = expr(e->a, expect && expect->kind == TY_LIST ? expect->elem : NULL);
    scopes.len = depth;
    narrow_pop(ndepth);
    if (bt == ty_none) err(e->a, "a list of None is not supported");
    if (expect && expect->kind == TY_LIST && expect->elem == ty_any) return expect; /* items boxed */
    return ty_list(bt);
}

static Type *fstring_expr(Node *e) {
    for (int i = 0; i < e->list.len; i++) {
        Node *p = e->list.data[i];
        if (p->kind != N_FMT) continue;
        Type *t = expr(p->a, NULL);
        p->ty = t;
        if (p->b && p->b->kind == N_FSTRING) expr(p->b, NULL); /* f"{x:{width}}" */
        if (t->kind == TY_FUNC || ty_holds_class(t) || t->kind == TY_MODULE || t->kind == TY_CORO || t->kind == TY_GEN)
            err(p->a, "cannot format a %s", ty_name(t));
    }
    return ty_str;
}

static Type *attr_expr(Node *e) {
    const char *stream = sys_stream(e);
    if (stream) return stream_expr(e, stream);
    if (is_tinyio(e->a) && tinyio_class(e->sval)) return ty_class(tinyio_class(e->sval));
    if (is_asyncio(e->a)) {
        need_asyncio_import(e->a);
        Class *c = find_builtin_class(e->sval);
        if (c) return ty_class(c);
        if (lib_not_yet(e, "asyncio", e->sval)) return ty_any;
        const Builtin *b = builtin_find("asyncio", e->sval);
        if (b && (b->flags & BF_ATTR)) { /* asyncio.FIRST_COMPLETED */
            e->bi = b;
            return builtin_parse_type(builtin_sig(b)->result, NULL);
        }
        if (b)
            err(e, "asyncio.%s can only be called", e->sval);
        else
            err(e, "module 'asyncio' has no attribute '%s'", e->sval);
        return ty_any;
    }
    type_class_attr(e);
    if (is_type_name(e)) {
        e->builtin = B_TYPENAME;
        Node *x = e->a->list.data[0];
        Type *xt = expr(x, NULL);
        if (xt->kind == TY_FUNC || xt->kind == TY_CLASS || xt->kind == TY_MODULE)
            err(x, "type() of a %s is not supported", ty_name(xt));
        return ty_str;
    }
    const char *m = module_of(e->a);
    if (m) {
        const Builtin *b = builtin_find(m, e->sval);
        if (b && (b->flags & BF_ATTR)) {
            e->bi = b;
            return builtin_parse_type(builtin_sig(b)->result, NULL);
        }
        if (b && lib_not_yet(e, m, e->sval)) return ty_any;
        if (b)
            err(e, "%s.%s can only be called", m, e->sval);
        else
            err(e, "module '%s' has no attribute '%s'", m, e->sval);
        return ty_any;
    }
    if (e->a->kind == N_NAME && !strcmp(e->a->sval, "str") && !lookup_var("str") && builtin_find("str", e->sval))
        return closure_def_value(method_as_lambda(e), cur_fn, &scopes); /* key=str.lower */
    int errors = diag_errors;
    if (!strcmp(e->sval, "__self__") && e->a->kind == N_ATTR && e->a->a->kind == N_NAME) {
        Node *x = e->a->a;
        Type *xt = expr(x, NULL);
        if (xt->kind == TY_INST && !xt->opt && class_method(xt->cls, e->a->sval) && !class_field(xt->cls, e->a->sval)) {
            *e = *x; /* x.m.__self__ is x */
            return xt;
        }
    }
    Type *t = expr(e->a, NULL);
    if (t->kind == TY_EXC && !strcmp(e->sval, "__name__")) { /* __exit__'s exc_type: the exception's class name */
        Node *call = xcalloc(1, sizeof *call);
        call->kind = N_CALL;
        call->loc = e->loc;
        vec_push(&call->list, e->a);
        e->a = call;
        e->builtin = B_TYPENAME;
        return ty_str;
    }
    if (t->kind == TY_EXC && !strcmp(e->sval, "exceptions") && is_subclass(t->cls, find_class("BaseExceptionGroup")))
        return ty_list(ty_exc(find_builtin_class("BaseException"))); /* a list here, a tuple in CPython */
    if (t->kind == TY_FUNC && !strcmp(e->sval, "__defaults__")) return defaults_tuple(e, t->fn);
    if (t->kind == TY_FUNC) return func_attr(e, t);
    if (t->kind == TY_TUPLE && t->nelems == 9 && !strncmp(e->sval, "tm_", 3)) { /* time.struct_time */
        static const char *fields[] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                       "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};
        for (int i = 0; i < 9; i++)
            if (!strcmp(e->sval, fields[i])) {
                e->kind = N_INDEX;
                e->b = check_node_at(N_INT, e->loc);
                e->b->ival = i;
                e->sval = NULL;
                return index_expr(e);
            }
    }
    if (t->kind == TY_EXC && (!strcmp(e->sval, "__cause__") || !strcmp(e->sval, "__context__"))) {
        static const Builtin cause = {"BaseException", "__cause__", "() -> BaseException|None", B_LIB, "ac_exc_cause",
                                      NULL, NULL, BF_ATTR, NULL, NULL},
                             context = {"BaseException", "__context__", "() -> BaseException|None", B_LIB,
                                        "ac_exc_context", NULL, NULL, BF_ATTR, NULL, NULL};
        e->bi = e->sval[2] == 'c' && e->sval[3] == 'a' ? &cause : &context;
        return ty_optional(ty_exc(find_builtin_class("BaseException")));
    }
    if (t->kind == TY_EXC && !strcmp(e->sval, "args")) {
        static Type *args;
        if (!args) { args = ty_tuple(NULL, -1); }
        return args;
    }
    if (t->kind == TY_UNKNOWN) return t;
    if (t->kind == TY_CLASS && !strcmp(e->sval, "__mro__") && !class_cattr(t->cls, e->sval)) return class_mro(e, t->cls);
    if (t->kind == TY_CLASS && !strcmp(e->sval, "__name__") && !class_cattr(t->cls, e->sval)) {
        e->builtin = B_TYPENAME; /* a class value's name is known here */
        return ty_str;
    }
    if ((t->kind == TY_EXC || t->kind == TY_CLASS) && class_is_user_exc(t->cls) &&
        (class_field(t->cls, e->sval) || class_method(t->cls, e->sval) || class_cattr(t->cls, e->sval))) {
        if (maybe_none(e->a, t)) return ty_any;
        return class_attr(e, t);
    }
    if (t == ty_none && !inf.final_pass) { /* x = None; later x = C(): not known yet */
        inf.residue++;
        return ty_unknown;
    }
    if (t->kind == TY_INST || t->opt || (t->kind == TY_CLASS && t->cls->plain)) {
        t = check_inst_recv(t);
        if (maybe_none(e->a, t)) return ty_any;
        return class_attr(e, t);
    }
    if (t->kind == TY_EXC && !strcmp(e->sval, "value") && t->cls == find_builtin_class("StopIteration")) {
        e->builtin = B_GEN_OP;
        e->ival = GOP_EXC_VALUE;
        return ty_any;
    }
    if (t == ty_any && class_obj_attr(e)) return ty_any;
    if (t == ty_any) {
        if (diag_errors == errors) /* not when the receiver was an error itself */
            err(e, "attributes of an 'object' value are not supported yet");
        return ty_any;
    }
    const char *rn = builtin_recv_name(t);
    if (rn && lib_not_yet(e, rn, e->sval)) return ty_any;
    const Builtin *ab = rn ? builtin_find(rn, e->sval) : NULL;
    if (ab && (ab->flags & BF_ATTR)) { /* barrier.parties: the row's C function of the value */
        e->bi = ab;
        return builtin_parse_type(builtin_sig(ab)->result, NULL);
    }
    if (ab && ab->code == B_LIB && !(ab->flags & BF_NOT_YET) &&
        (t->kind == TY_DICT || t == ty_str || t->kind == TY_LIST || ty_is_set(t)))
        return lib_bound_method_value(e, ab); /* key=d.get */
    if (rn && builtin_find(rn, e->sval))
        err(e, "method %s.%s can only be called", rn, e->sval);
    else if (scalar_lacks(t, e->sval)) { /* CPython's AttributeError, when it runs */
        e->list = (Vec){0};
        vec_push(&e->list, e->a);
        e->ty = NULL;
        return check_raise_at(e, "AttributeError", ty_any, "'%s' object has no attribute '%s'",
                              t == ty_none ? "NoneType" : ty_name(t), e->sval);
    } else
        err(e, "'%s' has no attribute '%s' in asyncc", ty_name(t), e->sval);
    return ty_any;
}

/* A default that reads the same object each time it is evaluated: a
 * constant, or parse.c's hidden global of a mutable default. */
static bool stable_default(const Node *d) {
    if (d->kind == N_UNARY) return stable_default(d->a);
    if (d->kind == N_NAME) return !strncmp(d->sval, "__default_", 10);
    return d->kind == N_INT || d->kind == N_FLOAT || d->kind == N_STR || d->kind == N_BOOL || d->kind == N_NONE;
}

/* f.__defaults__ of a module-level def: the tuple of its defaults (None
 * when it has none) */
static Type *defaults_tuple(Node *e, Func *fn) {
    Func *def = fn && fn->origin ? fn->origin : fn;
    if (!def || def->parsed || def->is_lambda) {
        err(e, "__defaults__ is only supported on a module-level def");
        return ty_any;
    }
    Vec items = {0};
    for (int i = 0; i < def->nparams; i++) {
        Node *d = def->params[i].def;
        if (!d || def->params[i].star) continue;
        if (!stable_default(d)) {
            err(e, "__defaults__ of a def whose defaults are computed is not supported");
            return ty_any;
        }
        vec_push(&items, clone_node(d));
    }
    e->a = NULL;
    e->sval = NULL;
    if (!items.len) {
        e->kind = N_NONE;
        return ty_none;
    }
    e->kind = N_TUPLE;
    e->list = items;
    return expr(e, NULL);
}

/* List literals whose value flows where a wider list type is: the type to
 * build them with, by function and position (the trees are fresh copies in
 * each pass, so a node cannot hold it). */
static Map site_types;

static const char *site_key(const Node *e) { return format("%p:%d:%d", (void *)cur_fn, e->loc.line, e->loc.col); }

/* The wider type a display at e is built with (check_flow_back), or NULL. */
Type *check_site_type(const Node *e) { return map_get(&site_types, site_key(e)); }

static Type *list_expr(Node *e, Type *expect) {
    Type *el = expect && expect->kind == TY_LIST ? expect->elem : NULL;
    Type *site = map_get(&site_types, site_key(e));
    if (site) el = el && el->kind != TY_UNKNOWN ? ty_join(el, site->elem) : site->elem;
    Type *u = NULL;
    for (int i = 0; i < e->list.len; i++) {
        Node *x = e->list.data[i];
        Type *t = expr(x, el), *prev = u;
        if (!u)
            u = t;
        else if (u != t && !(el && ty_assignable(el, u) && ty_assignable(el, t)) &&
                 (u == ty_any || t == ty_any || (ty_numeric(u) && ty_numeric(t))))
            u = ty_any; /* [1, "a"], [1, 2.5]: list[object], items print as they are */
        else if (ty_unify(u, t))
            u = ty_unify(u, t);
        /* lists of different elements: the wider one, their sources widen */
        else if (u->kind == TY_LIST && t->kind == TY_LIST && ty_join(u, t) != ty_any)
            u = ty_join(u, t);
        else
            u = ty_any; /* [1, "a"]: list[object] */
        if (u == ty_any && dyn_introduced(prev, u) && dyn_introduced(t, u))
            dyn_expr(x->loc, "this list mixes", "its items are objects", t, prev, ((Node *)e->list.data[0])->loc);
    }
    if (u && u->kind == TY_LIST)
        for (int i = 0; i < e->list.len; i++) check_flow_back(e->list.data[i], el && el->kind == TY_LIST ? el : u);
    for (int i = 0; el == ty_float && i < e->list.len; i++) check_float_item(e->list.data[i], el);
    if (el && el->kind != TY_UNKNOWN && (!u || (!(expect_inferred && hides_object(el, u)) && ty_assignable(el, u))))
        return ty_list(el);
    if (!u && expect == ty_any) return ty_list(ty_any); /* [] among objects */
    /* an empty list is typed by what is later stored in it (widen_elem);
     * one that never gets an element: list[int] */
    if (!u) {
        inf.residue++;
        return ty_list(inf.defaulting ? ty_int : ty_unknown);
    }
    return ty_list(u);
}

static Type *percent_operand(Node *e) { return expr(e, NULL); }

static Type *expr_inner(Node *e, Type *expect) {
    switch (e->kind) {
    case N_INT: return ty_int;
    case N_FLOAT: return ty_float;
    case N_STR: return ty_str;
    case N_BOOL: return ty_bool;
    case N_NONE: return ty_none;
    case N_FSTRING: return fstring_expr(e);
    case N_NAME: return name_expr(e);
    case N_BINOP: {
        if (e->op == OP_MOD && e->a->kind == N_STR) return percent_rewrite(e, percent_operand) ? fstring_expr(e) : ty_str;
        Type *l = expr(e->a, NULL), *r = expr(e->b, NULL);
        if (l->kind == TY_INST || r->kind == TY_INST) return class_binop(e, l, r);
        return binop_type(e, e->op, l, r);
    }
    case N_UNARY: {
        Type *t = expr(e->a, NULL);
        if (t->kind == TY_INST)
            return class_dunder(e, e->a, e->op == OP_NEG ? "__neg__" : e->op == OP_POS ? "__pos__" : "__invert__",
                                NULL, NULL);
        if (vague(t)) return t;
        if (t->tag) { /* int for bool members; None raises at run time */
            unsigned m = t->tag & ((1u << TY_INT) | (1u << TY_FLOAT));
            if (t->tag & (1u << TY_BOOL)) m |= 1u << TY_INT;
            if (e->op == OP_INVERT) m &= ~(1u << TY_FLOAT);
            return m ? ty_tagged(m) : ty_any;
        }
        if (!ty_numeric(t) || (e->op == OP_INVERT && t == ty_float)) {
            err(e, "bad operand type for unary %s: '%s'",
                e->op == OP_NEG   ? "-"
                : e->op == OP_POS ? "+"
                                  : "~",
                ty_name(t));
            check_origin(e->a);
            return ty_any;
        }
        return t == ty_bool ? ty_int : t;
    }
    case N_NOT: expr(e->a, NULL); return ty_bool;
    case N_AND:
    case N_OR: {
        Type *l = expr(e->a, expect);
        if (cond_known(e->a) == (e->kind == N_OR)) { /* `isinstance(o, C) and o.x` where o never is a C */
            *e = *e->a;
            return l;
        }
        int depth = narrow_var.len;
        narrow_by(e->a, e->kind == N_AND);
        Type *r = expr(e->b, expect);
        narrow_pop(depth);
        if (e->kind == N_OR && l->opt) l = ty_strip(l); /* None is false: `x or default` */
        /* Python returns one of the operands unchanged: of different
         * types (int and float too), it is an object */
        Type *u = ty_join(l, r);
        check_flow_back(e->a, u);
        check_flow_back(e->b, u);
        if (dyn_introduced(l, u) && dyn_introduced(r, u))
            dyn_expr(e->b->loc, e->kind == N_AND ? "this 'and' mixes" : "this 'or' mixes", "it is an object", r, l,
                     e->a->loc);
        return u;
    }
    case N_COMPARE: return compare_expr(e);
    case N_CALL:
        if (empty_ctor_call(e)) return expr_inner(e, expect); /* dict(), set() */
        return call_expr(e);
    case N_ATTR: return attr_expr(e);
    case N_INDEX: return index_expr(e);
    case N_SLICE: {
        Type *t = expr(e->a, NULL);
        if (t->kind == TY_INST && !t->opt && find_class(prelude_slice_name) &&
            find_class(prelude_slice_name)->name == prelude_slice_name) {
            /* obj[a:b:c]: obj.__getitem__(slice(a, b, c)) */
            Node *mk = check_node_at(N_CALL, e->loc);
            mk->a = check_node_at(N_NAME, e->loc);
            mk->a->sval = (char *)prelude_slice_name;
            Node *parts[3] = {e->b, e->c, e->d};
            for (int i = 0; i < 3; i++) vec_push(&mk->list, parts[i] ? parts[i] : check_node_at(N_NONE, e->loc));
            e->kind = N_INDEX;
            e->b = mk;
            e->c = e->d = NULL;
            return index_expr(e);
        }
        Node *parts[3] = {e->b, e->c, e->d};
        for (int i = 0; i < 3; i++)
            if (parts[i] && parts[i]->kind != N_NONE) {
                Type *pt = expr(parts[i], ty_int);
                if (pt != ty_int && pt != ty_bool && pt != ty_none && !vague(pt))
                    err(parts[i], "slice indices must be integers, not '%s'", ty_name(pt));
            }
        if (t != ty_str && t->kind != TY_LIST && !vague(t)) err(e, "'%s' cannot be sliced", ty_name(t));
        return t;
    }
    case N_LIST: return list_expr(e, expect);
    case N_TUPLE: {
        int n = e->list.len;
        Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
        for (int i = 0; i < n; i++) {
            Type *want = expect && expect->kind == TY_TUPLE && expect->nelems == n ? expect->elems[i] : NULL;
            el[i] = expr(e->list.data[i], want);
            check_float_item(e->list.data[i], want);
            /* the wanted type where the item fits it; never an object's
             * (or a still unknown) one: that would stop the join */
            if (ty_adopts(want, el[i])) el[i] = want;
        }
        return ty_tuple(el, n);
    }
    case N_LISTCOMP:
    case N_DICTCOMP:
    case N_SETCOMP: return listcomp(e, expect);
    case N_LAMBDA: return closure_def_value(e, cur_fn, &scopes);
    case N_DICT: return dict_literal_type(e, expect);
    case N_SET: return set_literal_type(e, expect);
    case N_IFEXP: {
        expr(e->a, NULL);
        int known = cond_known(e->a);
        if (known >= 0 && pure_test(e->a)) { /* `o if isinstance(o, C) else C(o)`: the branch that runs */
            *e = known ? *e->b : *e->c;
            return expr(e, expect);
        }
        int depth = narrow_var.len;
        narrow_by(e->a, true);
        Type *l = expr(e->b, expect);
        narrow_pop(depth);
        narrow_by(e->a, false);
        Type *r = expr(e->c, expect);
        narrow_pop(depth);
        /* of different types (int and float too): an object */
        Type *u = ty_join(l, r);
        check_flow_back(e->b, u);
        check_flow_back(e->c, u);
        if (dyn_introduced(l, u) && dyn_introduced(r, u))
            dyn_expr(e->c->loc, "this conditional expression mixes", "it is an object", r, l, e->b->loc);
        return u;
    }
    case N_AWAIT: {
        if (!cur_fn || !cur_fn->is_async) err(e, "'await' outside async function");
        awaited_call = e->a;
        Type *t = expr(e->a, NULL);
        if (e->a->kind == N_CALL && e->a->builtin == B_RAISE) { /* await f(bad args): the raise */
            Type *r = t->kind == TY_CORO ? t->elem : t;
            *e = *e->a;
            e->ty = r;
            return r;
        }
        Type *g = t->kind == TY_INST ? class_await_of(e->a, t) : NULL;
        if (g) return g->kind == TY_GEN ? g->elems[2] : g;
        return awaitable_result(e->a, t, "await");
    }
    case N_YIELD: return gen_yield_expr(e, cur_fn);
    case N_WALRUS: {
        Var *old = lookup_var(e->a->sval);
        Type *t = expr(e->b, old ? old->ty : NULL);
        assign_name(e->a, t, e->b, NULL);
        return e->a->ty ? e->a->ty : t;
    }
    case N_STARRED: err(e, "starred expressions are only supported in gather()"); return ty_any;
    default: err(e, "unsupported expression"); return ty_any;
    }
}

static Type *expr(Node *e, Type *expect) {
    /* a call checked already (an operand of a dunder rewritten as a call):
     * checking binds its arguments again */
    if (e->kind == N_CALL && e->builtin && e->ty) return e->ty;
    bool save = expect_inferred;
    if (e->kind == N_CALL || e->kind == N_LAMBDA) expect_inferred = false; /* arguments: their parameters' types */
    Type *t = expr_inner(e, expect);
    expect_inferred = save;
    if (!t) t = ty_any;
    e->ty = t;
    return t;
}

Type *check_expr(Node *e, Type *expect) { return expr(e, expect); }
void check_function(Func *fn) { check_func(fn); }

/* ---- statements ---------------------------------------------------------- */

/* A store of a value of type t into v (flow-insensitive: v's type is the
 * join of everything stored into it). */
static void widen(Var *v, Type *t, Loc at) {
    if (v->fixed || !t) return;
    Type *j = v->ty ? ty_join(v->ty, t) : t;
    if (v->cell || (!v->owner && !v->is_global)) j = ty_slot(j); /* a cell or an attribute's slot */
    if (j == v->ty) return;
    if (dyn_introduced(v->ty, j)) dyn_var(v, v->ty, v->ty_at, t, at);
    v->ty = j;
    v->ty_at = at;
    inf.changes++;
}

/* A list value that flows where a wider list type is (a variable, a
 * parameter, a return, a list's element): lists are invariant in C (the
 * object carries its element descriptor), so the value's own source widens
 * too, and the next pass builds it with the wider type. */
void check_flow_back(Node *src, Type *to) {
    if (!src || !to || !src->ty) return;
    Type *from = ty_strip(src->ty);
    to = ty_strip(to);
    if (from->kind == TY_CORO && src->kind == N_CALL) from = from->elem;
    /* d = {} passed to a function that stores into it: the variable widens
     * (a dict made elsewhere keeps its types, as before) */
    if (from != to && from->kind == TY_DICT && to->kind == TY_DICT && !ty_has_unknown(to) && src->kind == N_NAME &&
        src->var && !src->var->fixed) {
        widen(src->var, to, src->loc);
        return;
    }
    /* a dict carries its key and value descriptors as a list does its
     * element's: a dict flowing where wider types are widens its source */
    bool dicts = from->kind == TY_DICT && to->kind == TY_DICT;
    if (dicts && (from == to || ty_has_unknown(from) || ty_has_unknown(to) || ty_join(from, to) != to)) return;
    if (!dicts && (from == to || from->kind != TY_LIST || to->kind != TY_LIST || from->elem == ty_any ||
                   ty_has_unknown(to)))
        return;
    /* an empty [] typed by its use (not by int defaulting, which would
     * make list[int] | list[float] an object list) */
    if (!dicts && from->elem->kind == TY_UNKNOWN && src->kind != N_LIST && src->kind != N_NAME && src->kind != N_CALL)
        return;
    switch (src->kind) {
    case N_ATTR: /* an attribute (slot or class attribute) */
    case N_NAME:
        if (!src->var) return;
        if (src->var->fixed) break;
        widen(src->var, to, src->loc);
        return;
    case N_INDEX: widen_elem(src->a, to, src->loc); return;
    case N_AWAIT: check_flow_back(src->a, to); return;
    case N_BINOP: /* [None] * n: the display widens */
        if (src->op == OP_MUL && src->a && src->a->ty && ty_strip(src->a->ty)->kind == TY_LIST) {
            check_flow_back(src->a, to);
            return;
        }
        if (src->op == OP_MUL && src->b && src->b->ty && ty_strip(src->b->ty)->kind == TY_LIST) {
            check_flow_back(src->b, to);
            return;
        }
        break;
    case N_CALL: {
        Func *fn = src->fn;
        if (!fn || !fn->ret_inferred) break;
        Type *j = ty_join(fn->ret, to);
        if (j != fn->ret) {
            fn->ret = j;
            inf.changes++;
        }
        return;
    }
    case N_DICT: {
        const char *k = site_key(src);
        Type *old = map_get(&site_types, k), *j = old ? ty_join(old, to) : to;
        if (j != old) {
            map_put(&site_types, k, j);
            inf.changes++;
        }
        for (int i = 0; i < src->list2.len; i++) check_flow_back(src->list2.data[i], to->elems[1]);
        return;
    }
    case N_LIST: {
        if (dicts) break;
        const char *k = site_key(src);
        Type *old = map_get(&site_types, k), *j = old ? ty_join(old, to) : to;
        if (j != old) {
            map_put(&site_types, k, j);
            inf.changes++;
        }
        for (int i = 0; i < src->list.len; i++) check_flow_back(src->list.data[i], to->elem);
        return;
    }
    default: break;
    }
    /* a list made elsewhere (a library call, a comprehension, an
     * annotated variable) keeps the element type it was built with */
    err(src, "this '%s' is used as '%s' here, but a %s keeps the %s it was built with", ty_name(from), ty_name(to),
        dicts ? "dict" : "list", dicts ? "key and value types" : "element type");
    check_origin(src);
}

/* An empty list variable passed where a list[T] is expected: it is a
 * list[T] (e.g. ", ".join(parts) with parts = []). */
void check_list_flow(Node *a, Type *want) {
    if (!a || (a->kind != N_NAME && a->kind != N_ATTR) || !a->var || !want || want->kind != TY_LIST) return;
    Type *t = a->var->ty;
    if (t && t->kind == TY_LIST && t->elem->kind == TY_UNKNOWN) widen(a->var, want, a->loc);
}

/* xs.append(x), xs[i] = x, xs.extend(ys): the list variable's element
 * type widens with what is stored (an empty [] is typed by these). */
static void widen_elem(Node *list, Type *elem, Loc at) {
    if (!elem) return;
    if ((list->kind == N_NAME || list->kind == N_ATTR) && list->var && list->var->ty && list->var->ty->kind == TY_LIST)
        widen(list->var, ty_list(ty_join(list->var->ty->elem, elem)), at);
    /* d.setdefault(k, []).append(x): d's value type widens */
    else if (list->kind == N_CALL && list->bi && list->bi->recv && !strcmp(list->bi->recv, "dict") &&
             !strcmp(list->bi->name, "setdefault") && list->ty && list->ty->kind == TY_LIST)
        check_widen_holder(list, ty_list(ty_join(list->ty->elem, elem)), at);
    /* grid[r].append(x): grid's element type widens */
    else if (list->kind == N_INDEX && list->ty && list->ty->kind == TY_LIST && list->a->ty &&
             list->a->ty->kind == TY_LIST)
        widen_elem(list->a, ty_list(ty_join(list->ty->elem, elem)), at);
    /* groups[k].append(x) after groups[k] = []: the dict's value type widens */
    else if (list->kind == N_INDEX && list->ty && list->ty->kind == TY_LIST && list->a->ty &&
             list->a->ty->kind == TY_DICT && (list->a->kind == N_NAME || list->a->kind == N_ATTR) && list->a->var &&
             !list->a->var->fixed)
        widen(list->a->var, ty_dict(list->a->ty->elems[0], ty_list(ty_join(list->ty->elem, elem))), at);
}

static void assign_to(Node *target, Type *t, Node *value_at, Type *declared);

static void assign_name(Node *target, Type *t, Node *value_at, Type *declared) {
    Var *v = target_var(target->sval, target->loc);
    if (v->is_const) err(target, "cannot assign to '%s'", target->sval);
    if (find_func(target->sval) && !v->ty) err(target, "'%s' is a function and cannot be assigned", target->sval);
    if (declared == ty_float) { /* `x: float = 3` holds the int 3, as in CPython */
        v->bound = ty_float;
        if (!ty_assignable(ty_float, t)) {
            err(value_at ? value_at : target, "cannot assign '%s' to '%s' declared as 'float'", ty_name(t), v->name);
            t = ty_float;
        }
        declared = NULL;
    } else if (declared == ty_int && t == ty_bool && !v->fixed) {
        /* x: int = True: CPython's x holds a bool (prints True); a later
         * x = 5 makes it an int, so the two join as for `x: float = 1` */
        v->bound = ty_int;
        declared = NULL;
    } else if (v->bound && !v->fixed && !ty_assignable(v->bound, t)) {
        err(value_at ? value_at : target, "'%s' changes type from '%s' to '%s'", v->name, ty_name(v->bound),
            ty_name(t));
        note(v->loc, "'%s' is declared as '%s' here", v->name, ty_name(v->bound));
        t = v->bound;
    }
    if (declared) {
        if (v->ty && v->fixed && v->ty != declared) {
            err(target, "'%s' is declared as '%s' but was '%s' before", target->sval, ty_name(declared),
                ty_name(v->ty));
            note(v->ty_at, "'%s' first gets its type here", v->name);
        }
        v->ty = declared;
        v->fixed = true;
        v->loc = v->ty_at = target->loc;
    }
    if (t->kind == TY_CLASS || t->kind == TY_MODULE)
        err(target, "cannot store a %s in a variable", ty_name(t));
    else if (v->fixed && !ty_assignable(v->ty, t)) {
        err(value_at ? value_at : target, "'%s' changes type from '%s' to '%s'", v->name, ty_name(v->ty), ty_name(t));
        note(v->ty_at, "'%s' is declared as '%s' here", v->name, ty_name(v->ty));
    } else {
        if (!v->ty) v->loc = target->loc;
        widen(v, t, target->loc);
        if (value_at && value_at->ty == t) check_flow_back(value_at, v->ty);
    }
    v->assigned_pass = inf.pass;
    narrow_store(v);
    target->var = v;
    target->ty = v->ty;
}

/* first, *rest = xs / a, *mid, b = t: the starred name gets a list of
 * what the others leave; false when there is no starred target. */
static bool assign_starred(Node *target, Type *t, Node *value_at) {
    int n = target->list.len, star = -1;
    for (int i = 0; i < n; i++)
        if (((Node *)target->list.data[i])->kind == N_STARRED) {
            if (star >= 0) err(target->list.data[i], "multiple starred expressions in assignment");
            star = i;
        }
    if (star < 0) return false;
    Node *st = target->list.data[star];
    int after = n - 1 - star;
    Type *rest = NULL;
    if (t == ty_any) {
        rest = ty_any;
    } else if (t->kind == TY_LIST) {
        for (int i = 0; i < n; i++)
            if (i != star) assign_to(target->list.data[i], t->elem, value_at, NULL);
        rest = t;
    } else if (t->kind == TY_TUPLE && t->nelems >= 0) {
        if (t->nelems < n - 1) {
            err(value_at ? value_at : target, "not enough values to unpack (expected at least %d, got %d)", n - 1,
                t->nelems);
            return true;
        }
        Type *u = NULL;
        for (int i = star; i < t->nelems - after; i++) {
            Type *ti = t->elems[i];
            u = !u ? ti : ty_unify(u, ti);
            if (!u || (ty_numeric(ti) && ti != t->elems[star])) {
                err(st, "the starred name collects items of different types ('%s' and '%s')", ty_name(t->elems[star]),
                    ty_name(ti));
                return true;
            }
        }
        if (!u) {
            err(st, "the starred name would always be an empty list; its element type is unknown");
            return true;
        }
        for (int i = 0; i < star; i++) assign_to(target->list.data[i], t->elems[i], value_at, NULL);
        for (int j = 0; j < after; j++)
            assign_to(target->list.data[star + 1 + j], t->elems[t->nelems - after + j], value_at, NULL);
        rest = ty_list(u);
    } else {
        err(value_at ? value_at : target, "cannot unpack a value of type '%s'", ty_name(t));
        return true;
    }
    assign_to(st->a, rest, value_at, NULL);
    st->ty = rest;
    target->ty = t;
    return true;
}

static void assign_to(Node *target, Type *t, Node *value_at, Type *declared) {
    switch (target->kind) {
    case N_NAME: assign_name(target, t, value_at, declared); return;
    case N_TUPLE:
    case N_LIST: {
        if (assign_starred(target, t, value_at)) return;
        if (declared) err(target, "annotated tuple targets are not supported");
        int n = target->list.len;
        if (vague(t)) {
            for (int i = 0; i < n; i++) assign_to(target->list.data[i], t, value_at, NULL);
            return;
        }
        if (t->kind == TY_TUPLE && t->nelems >= 0) {
            if (t->nelems != n) {
                err(target, "cannot unpack %d values into %d targets", t->nelems, n);
                return;
            }
            for (int i = 0; i < n; i++) assign_to(target->list.data[i], t->elems[i], value_at, NULL);
        } else if (t->kind == TY_LIST) {
            for (int i = 0; i < n; i++) assign_to(target->list.data[i], t->elem, value_at, NULL);
        } else {
            err(value_at ? value_at : target, "cannot unpack a value of type '%s'", ty_name(t));
        }
        target->ty = t;
        return;
    }
    case N_INDEX: {
        Type *ct = expr(target->a, NULL);
        if (ct->kind == TY_DICT) {
            dict_store_type(target, ct, t, value_at);
            return;
        }
        if (ct->kind == TY_INST) {
            class_setitem(target, ct, t);
            return;
        }
        Type *it = expr(target->b, ty_int);
        if (vague(ct)) return;
        if (ct->kind != TY_LIST) {
            err(target, "'%s' does not support item assignment", ty_name(ct));
            return;
        }
        widen_elem(target->a, t, target->loc);
        if (target->a->kind == N_NAME && target->a->var) ct = target->a->ty = target->a->var->ty;
        check_float_item(value_at, ct->elem);
        if (it != ty_int && it != ty_bool) err(target->b, "list indices must be integers, not '%s'", ty_name(it));
        if (!ty_assignable(ct->elem, t))
            err(value_at ? value_at : target, "cannot store '%s' in '%s'", ty_name(t), ty_name(ct));
        target->ty = ct->elem;
        return;
    }
    case N_ATTR:
        if (func_attr_store(target, t)) return; /* f.cache = {} on a closure */
        class_store(target, t, value_at);
        return;
    case N_SLICE: err(target, "slice assignment is not supported"); return;
    default: err(target, "cannot assign to this expression"); return;
    }
}

static bool always_exits(Node *s);

static bool block_exits(Node *b) {
    for (int i = 0; b && i < b->list.len; i++)
        if (always_exits(b->list.data[i])) return true;
    return false;
}

/* Does control never reach the statement after this block? (narrowing) */
static bool block_leaves(Node *b) {
    for (int i = 0; b && i < b->list.len; i++) {
        Node *s = b->list.data[i];
        if (s->kind == N_CONTINUE || s->kind == N_BREAK || always_exits(s)) return true;
        if (s->kind == N_IF && s->c && block_leaves(s->b) && block_leaves(s->c)) return true;
    }
    return false;
}

static bool has_break(Node *s) {
    if (!s) return false;
    if (s->kind == N_BREAK) return true;
    if (s->kind == N_WHILE || s->kind == N_FOR || s->kind == N_FUNCDEF) return false;
    if (s->kind == N_BLOCK || s->kind == N_TRY) {
        for (int i = 0; i < s->list.len; i++)
            if (has_break(s->list.data[i])) return true;
    }
    if (s->kind == N_EXCEPT) return has_break(s->b);
    return has_break(s->a && s->a->kind == N_BLOCK ? s->a : NULL) ||
           has_break(s->b && s->b->kind == N_BLOCK ? s->b : NULL) ||
           has_break(s->c && s->c->kind == N_BLOCK ? s->c : NULL);
}

static int isinstance_known(Node *c);

/* Does control never fall off the end of s? (for "missing return") */
static bool always_exits(Node *s) {
    switch (s->kind) {
    case N_RETURN:
    case N_RAISE: return true;
    case N_BLOCK: return block_exits(s);
    case N_IF: /* an if a specialisation made unconditional (prune_isinstance) */
        return block_exits(s->b) && (s->c ? block_exits(s->c) : isinstance_known(s->a) == 1);
    case N_WHILE: return s->a->kind == N_BOOL && s->a->ival && !has_break(s->b);
    case N_TRY: {
        if (s->c && block_exits(s->c)) return true;
        bool body = block_exits(s->a) || (s->b && block_exits(s->b));
        for (int i = 0; i < s->list.len; i++)
            if (!block_exits(((Node *)s->list.data[i])->b)) return false;
        return body;
    }
    default: return false;
    }
}

static Class *except_class(Node *c) {
    if (c->kind == N_NAME) {
        Class *k = find_class(c->sval);
        if (k) return c->cls = k;
        if (lookup_var(c->sval))
            err(c, "'%s' is not an exception class", c->sval);
        else
            err(c, "name '%s' is not defined", c->sval);
        return NULL;
    }
    if (c->kind == N_ATTR && is_tinyio(c->a) && tinyio_class(c->sval)) return c->cls = tinyio_class(c->sval);
    if (c->kind == N_ATTR && is_asyncio(c->a)) {
        need_asyncio_import(c->a);
        Class *k = find_builtin_class(c->sval);
        if (k) return c->cls = k;
        if (lib_not_yet(c, "asyncio", c->sval)) return NULL;
    }
    err(c, "except needs an exception class or a tuple of them");
    return NULL;
}

static bool is_empty_display(Node *e) { return (e->kind == N_LIST && !e->list.len) || empty_dict_or_set(e); }

/* self.d = {}: the attribute's type from its other stores, as a name's
 * (an empty dict or set defaulted to int keys would make it an object). */
static Type *attr_type_so_far(Node *target) {
    Node *recv = target->a;
    Var *rv = recv->kind == N_NAME ? lookup_var(recv->sval) : NULL;
    Type *rt = rv && rv->ty ? ty_strip(rv->ty) : NULL;
    if (!rt || rt->kind != TY_INST) return NULL;
    Var *f = class_field(rt->cls, target->sval);
    return f && f->ty && !ty_has_unknown(f->ty) ? f->ty : NULL;
}

static bool empty_display(Node *v) {
    return !v->list.len && (v->kind == N_LIST || v->kind == N_DICT || v->kind == N_SET);
}

/* The tuple type an unpacking's value display is checked against: its
 * empty displays take their name's type so far, the rest are free. */
static Type *unpack_expect(Node *targets, Node *values) {
    int n = values->list.len;
    Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
    bool any = false;
    for (int i = 0; i < n; i++) {
        Node *t = targets->list.data[i];
        Var *v = t->kind == N_NAME ? lookup_var(t->sval) : NULL;
        el[i] = ty_unknown;
        if (v && v->ty && !v->fixed && !ty_has_unknown(v->ty) && empty_display(values->list.data[i])) {
            el[i] = v->ty;
            any = true;
        }
    }
    return any ? ty_tuple(el, n) : NULL;
}

static void assign_stmt(Node *s) {
    Type *declared = s->c ? resolve_ann(s->c) : NULL;
    if (!s->b) { /* x: int */
        if (s->a->kind == N_NAME) {
            Var *v = target_var(s->a->sval, s->a->loc);
            if (declared == ty_float)
                v->bound = ty_float;
            else if (declared) {
                v->ty = declared;
                v->fixed = true;
                v->ty_at = s->a->loc;
            }
            v->assigned_pass = inf.pass;
            s->a->var = v;
        }
        return;
    }
    Var *old_var = s->a->kind == N_NAME ? lookup_var(s->a->sval) : NULL;
    /* c = {} in a def: a local, whatever a module variable c holds */
    if (old_var && old_var->is_global && cur_fn && !declared_global(cur_fn, s->a->sval)) old_var = NULL;
    bool save = expect_inferred;
    expect_inferred = !declared && old_var && !old_var->fixed; /* x = [f()]: x's type so far is no constraint */
    Type *expect = declared ? declared : old_var ? old_var->ty : NULL;
    /* d[k] = []: an empty display takes the dict's value type (which
     * its other stores may have made list[object] by now) */
    if (!expect && s->a->kind == N_INDEX && s->a->a->kind == N_NAME && !s->b->list.len &&
        (s->b->kind == N_LIST || s->b->kind == N_DICT || s->b->kind == N_SET)) {
        Var *dv = lookup_var(s->a->a->sval);
        if (dv && dv->ty && dv->ty->kind == TY_DICT && !ty_has_unknown(dv->ty->elems[1])) expect = dv->ty->elems[1];
    }
    /* a, xs = 0, []: each empty display takes its target's type so far */
    if (!expect && (s->a->kind == N_TUPLE || s->a->kind == N_LIST) && s->b->kind == N_TUPLE &&
        s->a->list.len == s->b->list.len)
        expect = unpack_expect(s->a, s->b);
    /* self.d = {}: as for a variable, the attribute's type so far (its
     * other stores typed it), not the type an empty display defaults to */
    if (!expect && s->a->kind == N_ATTR && s->a->a->kind == N_NAME && !s->b->list.len &&
        (s->b->kind == N_LIST || s->b->kind == N_DICT || s->b->kind == N_SET)) {
        Var *fv = class_store_var(s->a);
        if (fv && fv->ty && !ty_has_unknown(fv->ty)) expect = fv->ty;
    }
    if (!expect && s->a->kind == N_ATTR && is_empty_display(s->b)) expect = attr_type_so_far(s->a);
    Type *t = expr(s->b, expect);
    expect_inferred = save;
    if (t == ty_str && (s->a->kind == N_TUPLE || s->a->kind == N_LIST)) { /* a, *b = "xyz": its characters */
        Node *call = check_node_at(N_CALL, s->b->loc), *name = check_node_at(N_NAME, s->b->loc);
        name->sval = "list";
        call->a = name;
        vec_push(&call->list, s->b);
        s->b = call;
        t = expr(s->b, NULL);
    }
    if (declared && !ty_assignable(declared, t)) {
        err(s->b, "cannot assign '%s' to '%s' declared as '%s'", ty_name(t),
            s->a->kind == N_NAME ? s->a->sval : "target", ty_name(declared));
        t = declared;
    }
    assign_to(s->a, t, s->b, declared);
}

static void augassign_stmt(Node *s) {
    Type *tt;
    if (s->a->kind == N_NAME)
        tt = expr(s->a, NULL);
    else if (s->a->kind == N_INDEX || s->a->kind == N_ATTR)
        tt = expr(s->a, NULL);
    else {
        err(s->a, "augmented assignment to this target is not supported");
        return;
    }
    Type *vt = expr(s->b, tt);
    if (tt->kind == TY_UNKNOWN || vt->kind == TY_UNKNOWN) return;
    if (tt->kind == TY_INST || vt->kind == TY_INST) { /* x += y: x = x.__iadd__(y) or x.__add__(y) */
        class_augassign(s);
        assign_stmt(s);
        return;
    }
    Type *r;
    if (s->op == OP_ADD && tt->kind == TY_LIST && vt->kind == TY_LIST)
        r = ty_unify(tt, vt);
    else
        r = binop_type(s, s->op, tt, vt);
    if (r && r != ty_any && !ty_assignable(tt, r) && !(s->a->kind == N_NAME && s->a->var && !s->a->var->fixed)) {
        Node *at = s->a;
        Var *v = at->var;
        err(s, "'%s' changes type from '%s' to '%s'", v ? v->name : "target", ty_name(tt), ty_name(r));
        if (v) note(v->ty_at, "'%s' gets type '%s' here", v->name, ty_name(v->ty));
    }
    if (r && s->a->kind == N_ATTR && r->kind != TY_UNKNOWN) class_store(s->a, r, NULL);
    if (r && s->a->kind == N_NAME && s->a->var && r->kind != TY_UNKNOWN) { /* total += obj: an object */
        widen(s->a->var, r, s->loc);
        s->a->var->assigned_pass = inf.pass;
        s->a->ty = s->a->var->ty;
    }
    s->ty = r;
}

static void return_stmt(Node *s) {
    if (!cur_fn) {
        err(s, "'return' outside function");
        return;
    }
    if (s->a && cur_fn->is_gen && cur_fn->is_async) {
        err(s->a, "'return' with value in async generator");
        expr(s->a, NULL);
        return;
    }
    bool save = expect_inferred;
    expect_inferred = cur_fn->ret_inferred || !cur_fn->ret;
    Type *t = s->a ? expr(s->a, cur_fn->ret) : ty_none;
    expect_inferred = save;
    Type *bound = cur_fn->origin ? cur_fn->origin->ret_bound : cur_fn->ret_bound;
    if (bound && !ty_assignable(bound, t)) {
        err(s->a ? s->a : s, "%s() is declared to return '%s', but returns '%s' here", cur_fn->name, ty_name(bound),
            ty_name(t));
        t = bound;
    }
    /* -> int follows its returns only as far as bool goes: anything else
     * (an object, a recursive call not known yet) returns the int */
    if (bound == ty_int && t != ty_bool) t = ty_int;
    if (cur_fn->ret_inferred || !cur_fn->ret) {
        cur_fn->ret_inferred = true;
        Type *j = ty_join(cur_fn->ret, t);
        if (cur_fn->is_async || cur_fn->is_gen) j = ty_slot(j); /* the task's result is one ac_val */
        if (j != cur_fn->ret) {
            if (dyn_introduced(cur_fn->ret, j)) dyn_ret(cur_fn, cur_fn->ret, cur_fn->ret_at, t, s->loc);
            cur_fn->ret = j;
            cur_fn->ret_at = s->loc;
            inf.changes++;
        }
    } else if (!ty_assignable(cur_fn->ret, t)) {
        err(s->a ? s->a : s, "%s() returns '%s' here but '%s' elsewhere", cur_fn->name, ty_name(t),
            ty_name(cur_fn->ret));
    }
    if (s->a) check_flow_back(s->a, cur_fn->ret);
}

static void try_stmt(Node *s) {
    stmts(&s->a->list);
    for (int i = 0; i < s->list.len; i++) {
        Node *h = s->list.data[i];
        Class *k = NULL;
        if (h->a) {
            if (h->a->kind == N_TUPLE) {
                for (int j = 0; j < h->a->list.len; j++) {
                    Class *c = except_class(h->a->list.data[j]);
                    if (c) k = k ? common_base(k, c) : c;
                }
            } else {
                k = except_class(h->a);
            }
        }
        int depth = scopes.len;
        if (h->sval) {
            Node *nm = xcalloc(1, sizeof *nm);
            nm->kind = N_NAME;
            nm->sval = h->sval;
            nm->loc = h->loc;
            Class *bk = k ? k : find_builtin_class("BaseException");
            Vec *sc = xcalloc(1, sizeof *sc);
            bind_scoped(nm, ty_exc(bk), sc);
            vec_push(&scopes, sc);
            h->var = nm->var;
        }
        except_depth++;
        stmts(&h->b->list);
        except_depth--;
        scopes.len = depth;
    }
    if (s->b) stmts(&s->b->list);
    if (s->c) stmts(&s->c->list);
}

/* A builtin type isinstance() tells apart by its kind alone. */
static bool builtin_kind(const Type *t) {
    switch (t->kind) {
    case TY_INT:
    case TY_FLOAT:
    case TY_BOOL:
    case TY_STR:
    case TY_LIST:
    case TY_TUPLE:
    case TY_DICT:
    case TY_SET:
    case TY_FROZENSET:
    case TY_NONE: return true;
    default: return false;
    }
}

/* Is a value of static type t an instance of class k: 1, 0, or -1 (a
 * subclass of t's class may be there).  An instance of the program's
 * classes is never one of a builtin type (they cannot derive from one). */
static int class_answer(const Type *t, const Type *k) {
    bool tc = t->kind == TY_INST, kc = k->kind == TY_INST;
    if (builtin_kind(t) && builtin_kind(k)) return t->kind == k->kind || (k == ty_int && t == ty_bool);
    if ((builtin_kind(t) && (kc || k->kind == TY_EXC)) || (tc && builtin_kind(k))) return 0;
    if (tc && kc) {
        if (class_is_sub(t->cls, k->cls)) return 1;
        return class_is_sub(k->cls, t->cls) ? -1 : 0;
    }
    return -1;
}

/* isinstance(x, C) answered by x's static type: 1, 0, or -1 (only the
 * run time knows: objects, exception subclasses, types not inferred yet) */
static int none_test_known(Node *c);

static int isinstance_known(Node *c) {
    if (c->kind == N_COMPARE) return none_test_known(c);
    if (c->kind != N_CALL || c->builtin != B_ISINSTANCE || c->list.len != 2) return -1;
    Type *t = ((Node *)c->list.data[0])->ty;
    if (!t || ty_has_unknown(t) || t == ty_any || t->opt) return -1;
    int answer = 0;
    for (int i = 0; i < c->list2.len; i++) {
        Type *k = ((Node *)c->list2.data[i])->ty;
        if (!k || k == ty_any) return k ? 1 : -1;
        int a = class_answer(t, k);
        if (a < 0) return -1;
        answer |= a;
    }
    return answer;
}

/* `if p is not None:` (or `is None`) on a parameter that is None in this
 * specialisation (f(x=None) called without x): 1, 0, or -1.  Parameters
 * only: a local's type may still grow through the branch's own stores. */
static int none_test_known(Node *c) {
    if (c->kind != N_COMPARE || c->list.len != 2 || (c->ops[0] != OP_IS && c->ops[0] != OP_ISNOT)) return -1;
    Node *l = c->list.data[0], *r = c->list.data[1];
    Node *x = is_none_lit(r) ? l : is_none_lit(l) ? r : NULL;
    if (!x || x->kind != N_NAME || !x->var || !x->var->is_param || x->var->ty != ty_none) return -1;
    return c->ops[0] == OP_IS;
}

/* A condition answered statically (an isinstance() above, a None test of
 * a None, or its `not`). */
static int cond_known(Node *c) {
    if (c->kind == N_NOT) {
        int k = cond_known(c->a);
        return k < 0 ? k : !k;
    }
    int k = none_test_known(c);
    return k >= 0 ? k : isinstance_known(c);
}

/* A test that may be left out: isinstance() of a name, a name's None test
 * (or its `not`). */
static bool pure_test(const Node *c) {
    if (c->kind == N_NOT) return pure_test(c->a);
    if (c->kind == N_COMPARE) return c->list.len == 2 && ((Node *)c->list.data[0])->kind == N_NAME;
    return c->kind == N_CALL && c->list.len == 2 && ((Node *)c->list.data[0])->kind == N_NAME;
}

/* `if isinstance(v, dict):` in a specialisation where v's type answers
 * it: the branch that cannot run is not checked (nor compiled), so
 * duck-typed code specialises as it reads. */
static Node *pruned_exit; /* an if made unconditional whose body always leaves */

static void prune_isinstance(Node *s) {
    int known = cond_known(s->a); /* `if not isinstance(other, C): return ...` too */
    if (known == 0) {
        Node *empty = xcalloc(1, sizeof *empty);
        empty->kind = N_BLOCK;
        empty->loc = s->b->loc;
        vec_push(&empty->list, xcalloc(1, sizeof(Node)));
        ((Node *)empty->list.data[0])->kind = N_PASS;
        ((Node *)empty->list.data[0])->loc = s->b->loc;
        s->b = empty;
    } else if (known == 1) {
        s->c = NULL;
    }
}


/* `async for x in obj` whose obj.__aiter__() (s->b now) is an iterator
 * object: the loop CPython runs,
 *     it = obj.__aiter__()
 *     while True:
 *         try: x = await it.__anext__()
 *         except StopAsyncIteration: break
 *         body
 * checked as written. */
static void afor_instance(Node *s) {
    Loc at = s->loc;
    const char *it = format("aiter_L%d_%d", at.line, at.col);
    Node *store = ast_node(N_ASSIGN, at);
    store->a = ast_name(it, at);
    store->b = s->b;
    Node *callee = ast_node(N_ATTR, at);
    callee->a = ast_name(it, at);
    callee->sval = "__anext__";
    Node *call = ast_node(N_CALL, at);
    call->a = callee;
    Node *aw = ast_node(N_AWAIT, at);
    aw->a = call;
    Node *get = ast_node(N_ASSIGN, at);
    get->a = s->a;
    get->b = aw;
    Node *tr = ast_node(N_TRY, at);
    tr->a = ast_node(N_BLOCK, at);
    vec_push(&tr->a->list, get);
    Node *h = ast_node(N_EXCEPT, at);
    h->a = ast_name("StopAsyncIteration", at);
    h->b = ast_node(N_BLOCK, at);
    vec_push(&h->b->list, ast_node(N_BREAK, at));
    vec_push(&tr->list, h);
    Node *loop = ast_node(N_WHILE, at);
    loop->a = ast_node(N_BOOL, at);
    loop->a->ival = 1;
    loop->b = ast_node(N_BLOCK, at);
    vec_push(&loop->b->list, tr);
    for (int i = 0; i < s->c->list.len; i++) vec_push(&loop->b->list, s->c->list.data[i]);
    Node *blk = s;
    memset(blk, 0, sizeof *blk);
    blk->kind = N_BLOCK;
    blk->loc = at;
    vec_push(&blk->list, store);
    vec_push(&blk->list, loop);
    stmts(&blk->list);
}

static void stmt(Node *s) {
    switch (s->kind) {
    case N_EXPR: {
        Type *t = expr(s->a, NULL);
        if (t->kind == TY_CORO && s->a->kind == N_CALL) {
            bool builtins_spelling = !prog->uses_asyncio && !prog->uses_tinyio;
            if (builtins_spelling && cur_fn && cur_fn->cls && !cur_fn->is_async)
                err(s->a, "coroutine is never awaited: a method does not suspend its caller (in the builtins "
                          "spelling only plain functions do); make it 'async def' and await its calls");
            else
                err(s->a, "coroutine is never awaited; use 'await' (or asyncio.create_task)");
        }
        return;
    }
    case N_ASSIGN: assign_stmt(s); return;
    case N_AUGASSIGN: augassign_stmt(s); return;
    case N_IF: {
        expr(s->a, NULL);
        prune_isinstance(s);
        int depth = narrow_var.len;
        narrow_by(s->a, true);
        stmts(&s->b->list);
        narrow_pop(depth);
        narrow_by(s->a, false);
        if (s->c) stmts(&s->c->list);
        narrow_pop(depth);
        /* `if x is None: return` narrows the rest of the block (popped
         * by stmts) */
        bool then_exits = block_leaves(s->b), else_exits = s->c && block_leaves(s->c);
        if (then_exits && !else_exits)
            narrow_by(s->a, false);
        else if (else_exits && !then_exits)
            narrow_by(s->a, true);
        else if (!s->c)
            fill_default(s);
        if (!s->c && then_exits && block_exits(s->b) && isinstance_known(s->a) == 1)
            pruned_exit = s; /* what follows it cannot run either */
        return;
    }
    case N_WHILE: {
        expr(s->a, NULL);
        int depth = narrow_var.len;
        narrow_by(s->a, true);
        loop_depth++;
        stmts(&s->b->list);
        loop_depth--;
        narrow_pop(depth);
        return;
    }
    case N_FOR: {
        if (s->b->kind == N_TUPLE && !s->ival) s->b->kind = N_LIST; /* for x in (a, b): the same loop over a list */
        Type *it = expr(s->b, NULL);
        if (s->ival) {
            Type *at = async_iter_elem(s, it, false);
            if (!at) {
                afor_instance(s);
                return;
            }
            if (s->ival) {
                assign_to(s->a, at, s->b, NULL);
                loop_depth++;
                stmts(&s->c->list);
                loop_depth--;
                return;
            }
            it = s->b->ty; /* the builtins spelling: a plain loop */
        }
        if (it->kind == TY_INST && !it->opt) { /* for x in obj: obj.__iter__() */
            Node *call = xcalloc(1, sizeof *call);
            call->loc = s->b->loc;
            it = call->ty = class_dunder(call, s->b, "__iter__", NULL, NULL);
            s->b = call;
        }
        Type *vt;
        if (it->kind == TY_INST && !it->opt) it = class_iter_of(s->b, it);
        if (s->b->kind == N_CALL && s->b->builtin == B_RANGE)
            vt = ty_int;
        else if (maybe_none(s->b, it))
            vt = ty_any;
        else if (it->kind == TY_TUPLE && (it = tuple_as_list(s->b, it)) && it->kind == TY_LIST)
            vt = it->elem;
        else if (it == ty_str)
            vt = ty_str;
        else if (it->kind == TY_LIST || ty_is_set(it) || it->kind == TY_VIEW || it->kind == TY_GEN)
            vt = it->elem;
        else if (it->kind == TY_DICT)
            vt = it->elems[0];
        else {
            if (it->kind == TY_AGEN) {
                err(s->b, "'async_generator' object is not iterable (use 'async for')");
            } else if (!vague(it)) {
                err(s->b, "cannot iterate over '%s'", ty_name(it));
                check_origin(s->b);
            }
            vt = vague(it) ? it : ty_any;
        }
        assign_to(s->a, vt, s->b, NULL);
        loop_depth++;
        stmts(&s->c->list);
        loop_depth--;
        return;
    }
    case N_BREAK:
    case N_CONTINUE:
        if (!loop_depth) err(s, "'%s' outside loop", s->kind == N_BREAK ? "break" : "continue");
        return;
    case N_RETURN: return_stmt(s); return;
    case N_PASS:
    case N_IMPORT: return;
    case N_RAISE:
        if (!s->a) {
            if (!except_depth) err(s, "bare 'raise' is only supported inside an except block");
            return;
        }
        {
            Node *x = s->a;
            if (x->kind == N_NAME && !lookup_var(x->sval) && class_is_user_exc(find_class(x->sval)) &&
                class_method(find_class(x->sval), "__init__")) { /* raise E: E() runs its __init__ */
                Node *call = xcalloc(1, sizeof *call);
                call->kind = N_CALL;
                call->loc = x->loc;
                call->a = x;
                s->a = call;
            }
            Type *t = expr(s->a, NULL);
            if (s->b) {
                Type *c = expr(s->b, NULL);
                if (c != ty_none && c->kind != TY_EXC && !(c->kind == TY_CLASS && c->cls && !c->cls->plain) && !vague(c))
                    err(s->b, "exception causes must derive from BaseException");
            }
            if (t->kind == TY_CLASS) return; /* raise ValueError */
            if (t->kind != TY_EXC && !vague(t))
                err(s->a, "exceptions must derive from BaseException, not '%s'", ty_name(t));
        }
        return;
    case N_TRY: try_stmt(s); return;
    case N_ASSERT:
        expr(s->a, NULL);
        if (s->b) expr(s->b, NULL);
        narrow_by(s->a, true);
        return;
    case N_GLOBAL:
        if (s->ival) {
            for (int i = 0; i < s->list.len; i++) {
                Node *n = s->list.data[i];
                if (!cur_fn || !closure_lookup(cur_fn, n->sval, true))
                    err(s, cur_fn ? "no binding for nonlocal '%s' found" : "nonlocal declaration not allowed at module level",
                        n->sval);
            }
            return;
        }
        if (!cur_fn) return;
        for (int i = 0; i < s->list.len; i++) {
            Node *n = s->list.data[i];
            if (find_local(cur_fn, n->sval)) err(n, "name '%s' is used prior to global declaration", n->sval);
        }
        return;
    case N_FUNCDEF:
        if (!cur_fn && !s->list.len && rebound_def(s)) map_put(&module_binding, s->fn->name, s->fn);
        if (cur_fn || s->list.len || rebound_def(s)) {
            /* a nested def binds a local to its function value; a
             * decorated one to what its decorators return */
            s->c = def_value_node(s, !cur_fn);
            Type *t = expr(s->c, NULL);
            s->d = xcalloc(1, sizeof *s->d);
            s->d->kind = N_NAME;
            s->d->loc = s->loc;
            s->d->sval = s->fn->name;
            assign_to(s->d, t, s->c, NULL);
            return;
        }
        map_put(&module_binding, s->fn->name, s->fn);
        return;
    case N_CLASSDEF:
        if (cur_fn) err(s, "classes must be defined at module level");
        else if (s->cls) class_body(s);
        return;
    case N_BLOCK:
        if (s->ival == WITH_CHOICE) class_with_choice(s);
        if (s->ival == WITH_USER || s->ival == WITH_AUSER) class_with_user(s);
        stmts(&s->list);
        return;
    case N_DEL: del_stmt_type(s); return;
    default: err(s, "unsupported statement");
    }
}

static void stmts(Vec *list) {
    int depth = narrow_var.len;
    for (int i = 0; i < list->len; i++) {
        Node *s = list->data[i];
        stmt(s);
        if (pruned_exit && pruned_exit == list->data[i]) list->len = i + 1; /* not checked nor compiled */
        pruned_exit = NULL;
        /* `if not isinstance(o, C): return False` where o is never a C in
         * this specialisation: what follows cannot run, nor is checked */
        if (s->kind == N_IF && cond_known(s->a) == 1 && pure_test(s->a) && block_leaves(s->b)) {
            list->data[i] = s->b; /* the test is of a name: nothing to evaluate */
            list->len = i + 1;
        }
    }
    narrow_pop(depth);
}

/* ---- functions ------------------------------------------------------------ */

static void collect_globals(Vec *list, Func *fn) {
    for (int i = 0; i < list->len; i++) {
        Node *s = list->data[i];
        if (s->kind == N_GLOBAL)
            for (int j = 0; j < s->list.len; j++)
                vec_push(s->ival ? &fn->nonlocals : &fn->globals_decl, ((Node *)s->list.data[j])->sval);
        if (s->kind == N_IF || s->kind == N_WHILE) {
            collect_globals(&s->b->list, fn);
            if (s->c && s->c->kind == N_BLOCK) collect_globals(&s->c->list, fn);
        }
        if (s->kind == N_FOR) collect_globals(&s->c->list, fn);
        if (s->kind == N_TRY) {
            collect_globals(&s->a->list, fn);
            for (int k = 0; k < s->list.len; k++) collect_globals(&((Node *)s->list.data[k])->b->list, fn);
            if (s->b) collect_globals(&s->b->list, fn);
            if (s->c) collect_globals(&s->c->list, fn);
        }
    }
}

/* A default value of a specialisation's parameter: typed where the def
 * stands (module scope).  An annotated parameter checks it. */
static void check_default(Func *fn, Param *p) {
    if (p->def_checked) return;
    p->def_checked = true;
    Var *v = p->var;
    Func *save = cur_fn;
    Vec save_scopes = scopes;
    cur_fn = NULL;
    scopes = (Vec){0};
    /* `items=[]` whose parameter a store widened to list[object]: the
     * empty literal is built with the parameter's type */
    bool empty = (p->def->kind == N_LIST || p->def->kind == N_DICT) && !p->def->list.len;
    Type *dt = expr(p->def, v->fixed || (empty && v->ty && !ty_has_unknown(v->ty)) ? v->ty : NULL);
    cur_fn = save;
    scopes = save_scopes;
    Type *decl = v->fixed ? v->ty : v->bound;
    if (decl && !ty_assignable(decl, dt))
        err(p->def, "default value of '%s' has type '%s', but '%s' is declared", v->name, ty_name(dt), ty_name(decl));
    (void)fn;
}

/* A def's own signature: annotations (fixed types) and parameter order. */
void check_signature(Func *fn) {
    for (int i = 0; i < fn->nparams; i++) {
        Param *p = &fn->params[i];
        Var *v = p->var;
        v->owner = fn;
        for (int j = 0; j < i; j++)
            if (!strcmp(fn->params[j].var->name, v->name))
                err(fn->def, "duplicate argument '%s' in function definition", v->name);
        if (i > 0 && fn->params[i - 1].def && !p->def && !p->star && !p->kwonly)
            err(fn->def, "parameter '%s' without a default follows one with a default", v->name);
        if (p->ann) {
            v->ty = resolve_ann(p->ann);
            v->fixed = true;
            if (v->ty == ty_float && !fn->host) { /* an int argument stays an int */
                v->bound = ty_float;
                v->ty = NULL;
                v->fixed = false;
            }
        } else if (fn->host) {
            /* the host implements it in C: one signature, written down */
            Node at = {0};
            at.loc = v->loc;
            err(&at, "parameter '%s' of host function %s() needs a type annotation", v->name, fn->name);
            v->ty = ty_any;
            v->fixed = true;
        }
    }
    if (fn->def->a) fn->ret = resolve_ann(fn->def->a);
    fn->is_gen = gen_body_yields(fn->def->b); /* an async def with yield: an async generator */
    if (fn->is_gen) gen_finish(fn);
    if ((fn->ret == ty_float || fn->ret == ty_int) && !fn->host) { /* `return 0` returns the int */
        fn->ret_bound = fn->ret; /* -> int: `return x > 0` returns the bool */
        fn->ret = NULL;
    }
}

void check_func(Func *fn) {
    if (fn->state == 2 || fn->state == 1) return; /* recursion: its approximation so far */
    fn->state = 1;
    fn->used_pass = inf.pass;
    reset_spec(fn);
    Func *save_fn = cur_fn;
    Vec save_scopes = scopes;
    int save_loop = loop_depth, save_exc = except_depth;
    scopes = (Vec){0};
    loop_depth = except_depth = 0;
    cur_fn = fn;
    for (int j = 0; j < fn->nparams; j++)
        if (fn->params[j].def && !(fn->origin && fn->origin->parsed)) check_default(fn, &fn->params[j]); /* nested: where it stands */
    cur_fn = fn;
    collect_globals(&fn->def->b->list, fn);
    stmts(&fn->def->b->list);
    if (fn->is_gen) gen_finish(fn);
    if (!fn->ret) {
        /* -> int / -> float with no return (it raises): the declared type */
        Type *bound = fn->origin ? fn->origin->ret_bound : fn->ret_bound;
        fn->ret = bound ? bound : ty_none;
        inf.changes++;
    } else if (fn->ret->kind == TY_UNKNOWN && (inf.residue++, inf.defaulting)) {
        /* every return is a recursive call: it never returns a value
         * (it raises or recurses forever); as for an empty list, int */
        fn->ret = ty_int;
        inf.changes++;
    }
    if (fn->ret != ty_none && !vague(fn->ret) && !block_exits(fn->def->b))
        err(fn->def, "missing return at the end of %s(), which returns '%s'", fn->name, ty_name(fn->ret));
    cur_fn = save_fn;
    scopes = save_scopes;
    loop_depth = save_loop;
    except_depth = save_exc;
    fn->state = 2;
}

/* Module-level names bound by more than one undecorated def: each def
 * binds a variable (as a decorated def does), so a call in a function body
 * reaches the def bound when it runs, as in Python. */
static void find_rebound_defs(Vec *list) {
    Map seen = {0};
    rebound_defs = (Map){0};
    for (int i = 0; i < list->len; i++) {
        Node *s = list->data[i];
        if (s->kind != N_FUNCDEF || s->list.len) continue;
        if (map_get(&seen, s->fn->name)) map_put(&rebound_defs, s->fn->name, s->fn);
        map_put(&seen, s->fn->name, s->fn);
    }
}

static bool rebound_def(Node *s) { return s->kind == N_FUNCDEF && map_get(&rebound_defs, s->fn->name); }

static void declare_toplevel(Vec *list) {
    Map nth = {0};
    find_rebound_defs(list);
    for (int i = 0; i < list->len; i++) {
        Node *s = list->data[i];
        if (s->kind == N_FUNCDEF && (s->list.len || rebound_def(s))) { /* decorated: the name is a variable */
            s->fn->cname = format("%s", s->fn->name);
            if (!s->list.len) { /* the C names of a name's defs differ */
                intptr_t k = (intptr_t)map_get(&nth, s->fn->name);
                s->fn->redef = (int)k;
                map_put(&nth, s->fn->name, (void *)(k + 1));
            }
            vec_push(&prog->funcs, s->fn);
        } else if (s->kind == N_FUNCDEF) {
            Func *fn = s->fn;
            Func *dup = map_get(&func_map, fn->name);
            if (dup)
                fn->redef = dup->redef + 1; /* the later binding wins from there on */
            else
                map_put(&module_binding, fn->name, fn);
            fn->cname = format("%s", fn->name);
            vec_push(&prog->funcs, fn);
            map_put(&func_map, fn->name, fn);
        } else if (s->kind == N_CLASSDEF) {
            Class *base = s->a && s->a->kind == N_NAME ? find_class(s->a->sval) : NULL;
            if (!s->a || (base && base->plain) || (s->a->kind == N_NAME && !strcmp(s->a->sval, "object"))) {
                class_declare(prog, s);
                continue;
            }
            if (s->ival) {
                err(s, "@dataclass on an exception class is not supported");
                continue;
            }
            if (find_class(s->sval)) {
                err(s, "class '%s' is already defined", s->sval);
                continue;
            }
            if (!base && !strcmp(s->a->sval, "type")) {
                err(s->a, "metaclasses are not supported");
                continue;
            }
            if (!base) {
                err(s->a, "base class must be a class of the program, 'object' or an exception class");
                continue;
            }
            class_declare(prog, s); /* an exception class: methods and attributes as any class's */
        }
    }
}

static void bind_import(Node *s) {
    for (int i = 0; i < s->list.len; i++) {
        Node *item = s->list.data[i];
        if (item->ival) continue; /* raises ModuleNotFoundError */
        const char *as = item->a ? item->a->sval : item->sval;
        const char *module = s->sval ? s->sval : item->sval;
        if (!strcmp(module, "asyncio")) prog->uses_asyncio = true;
        if (!strcmp(module, "tinyio")) prog->uses_tinyio = true;
        if (!s->sval)
            map_put(&module_alias, as, (void *)module);
        else if (strcmp(module, "typing"))
            map_put(&from_names, as, format("%s.%s", module, item->sval));
        /* from typing import ...: annotations are resolved by name */
    }
}

/* Imports anywhere (module level, blocks, function bodies) bind for the
 * whole module, before any name is resolved. */
static void declare_imports(Vec *list) {
    for (int i = 0; i < list->len; i++) {
        Node *s = list->data[i];
        switch (s->kind) {
        case N_IMPORT: bind_import(s); break;
        case N_BLOCK: declare_imports(&s->list); break;
        case N_IF:
        case N_WHILE:
            declare_imports(&s->b->list);
            if (s->c && s->c->kind == N_BLOCK) declare_imports(&s->c->list);
            break;
        case N_FOR: declare_imports(&s->c->list); break;
        case N_TRY:
            declare_imports(&s->a->list);
            for (int k = 0; k < s->list.len; k++) declare_imports(&((Node *)s->list.data[k])->b->list);
            if (s->b) declare_imports(&s->b->list);
            if (s->c) declare_imports(&s->c->list);
            break;
        case N_FUNCDEF: declare_imports(&s->fn->def->b->list); break;
        default: break;
        }
    }
}

/* ---- for infer.c ------------------------------------------------------------ */

/* ---- functions the checker writes per call site ------------------------ */

/* A node of a function the checker writes (a callback wrapper, a
 * run_in_thread body): it stands at the call site for messages. */
Node *check_node_at(NodeKind k, Loc loc) { return ast_node(k, loc); }

/* The function made for the call at loc in encl (one per site, kept
 * across inference passes; the caller rebuilds its body each pass). */
Func *check_site_func(Vec *sites, Func *encl, Loc loc, const char *name, const char *cprefix) {
    for (int i = 0; i < sites->len; i++) {
        CheckSite *s = sites->data[i];
        if (s->encl == encl && s->loc.line == loc.line && s->loc.col == loc.col) return s->fn;
    }
    CheckSite *s = xcalloc(1, sizeof *s);
    Func *fn = s->fn = xcalloc(1, sizeof *fn);
    s->encl = encl;
    s->loc = loc;
    fn->name = xstrdup(name); /* named here, not by emit_program.c */
    fn->cname = format("%s_%d_%d_%d", cprefix, loc.line, loc.col, sites->len + 1);
    fn->def = check_node_at(N_FUNCDEF, loc);
    fn->def->fn = fn;
    vec_push(sites, s);
    return fn;
}

Vec check_declare(Program *p) {
    /* nothing of an earlier program in this process (the fuzzer) */
    Map none = {0};
    func_map = class_map = global_map = module_binding = module_alias = from_names = site_types = none;
    init_types();
    find_builtin_class("Exception");
    prog = p;
    src = p->src;
    class_begin(p);
    closure_begin();
    assign_begin();
    gen_begin();
    asyncio_begin();
    tinyio_begin();
    declare_toplevel(&p->module->list);
    class_sum_declare(p);
    declare_imports(&p->module->list);
    for (int i = 0; i < p->funcs.len; i++) check_signature(p->funcs.data[i]);
    return p->funcs;
}

void check_module(Node *module) {
    prog->module = module;
    in_module_body = true;
    stmts(&module->list);
    in_module_body = false;
}

Var *check_new_var(const char *name, Loc loc, Func *owner) { return new_var(name, loc, owner); }

Type *check_lambda_here(Node *e) { return closure_def_value(e, cur_fn, &scopes); }

void check_widen(Var *v, Type *t, Loc at) { widen(v, t, at); }

Var *check_lookup_var(const char *name) { return lookup_var(name); }

/* The container expression x holds a t from now on: the variable it reads
 * widens, or, for d.setdefault(k, ...), d[k] and xs[i], the value type of
 * the container it came out of (g.setdefault(a, set()).add(b) types g). */
void check_widen_holder(Node *x, Type *t, Loc at) {
    if (!x || !t) return;
    if ((x->kind == N_NAME || x->kind == N_ATTR) && x->var) {
        widen(x->var, t, at);
        return;
    }
    Node *src = x->kind == N_INDEX ? x->a
                : x->kind == N_CALL && x->bi && x->bi->recv && !strcmp(x->bi->recv, "dict") &&
                        !strcmp(x->bi->name, "setdefault") && x->a && x->a->kind == N_ATTR
                    ? x->a->a
                    : NULL;
    Type *st = src ? src->ty : NULL;
    if (!st) return;
    if (st->kind == TY_DICT)
        check_widen_holder(src, ty_dict(st->elems[0], ty_join(st->elems[1], t)), at);
    else if (st->kind == TY_LIST && x->kind == N_INDEX)
        check_widen_holder(src, ty_list(ty_join(st->elem, t)), at);
}

void check_err_at(Loc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, loc, "error", fmt, ap);
    va_end(ap);
    diag_errors++;
}

Func *check_cur_fn(void) { return cur_fn; }
Class *check_find_class(const char *name) { return find_class(name); }
Type *check_maybe_none(Node *at, Type *t) { return maybe_none(at, t) ? ty_any : NULL; }
void check_put_class(Class *c) { map_put(&class_map, c->name, c); }
