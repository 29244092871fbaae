/* infer.c -- whole-program inference around the checker (check.c): the
 * type lattice's join, the passes to a fixed point, and the specialisation
 * of each def per argument-type tuple.  docs/DESIGN.md, "Type inference and
 * specialisation", describes the design. */
#include "check.h"

#include <string.h>

InferState inf;

/* ---- the lattice -------------------------------------------------------------- */

/* Nesting depth of a type: joins cap it so that inference terminates. */
static int ty_depth(const Type *t) {
    int d = 0;
    if (t->elem) d = ty_depth(t->elem);
    for (int i = 0; i < t->nelems; i++) {
        int k = ty_depth(t->elems[i]);
        if (k > d) d = k;
    }
    return d + 1;
}

static Type *join_inner(Type *a, Type *b) {
    if (!a || a == b) return b;
    if (!b) return a;
    if (a->kind == TY_UNKNOWN) return b;
    if (b->kind == TY_UNKNOWN) return a;
    /* scalars (and unions of them): a tagged union, unboxed */
    unsigned ma = ty_tag_mask(a), mb = ty_tag_mask(b);
    if (ma && mb) return ty_tagged(ma | mb);
    if (a == ty_any || b == ty_any || a->tag || b->tag) return ty_any;
    if (a == ty_none || b == ty_none || a->opt || b->opt) {
        /* T | None: the pointer with NULL for None; scalars: object */
        Type *x = a == ty_none ? NULL : ty_strip(a), *y = b == ty_none ? NULL : ty_strip(b);
        Type *base = !x ? y : !y ? x : join_inner(x, y);
        Type *o = base == ty_any ? NULL : ty_optional(base);
        return o ? o : ty_any;
    }
    if (a->kind != b->kind) return ty_any; /* int | float too: each prints as what it is */
    switch (a->kind) {
    case TY_LIST: return ty_list(ty_join(a->elem, b->elem));
    case TY_TASK: return ty_task(ty_join(a->elem, b->elem));
    case TY_CORO: return ty_coro(ty_join(a->elem, b->elem));
    case TY_GEN: return ty_gen(ty_join(a->elems[0], b->elems[0]), ty_join(a->elems[1], b->elems[1]),
                               ty_join(a->elems[2], b->elems[2]));
    case TY_AGEN: return ty_agen(ty_join(a->elems[0], b->elems[0]), ty_join(a->elems[1], b->elems[1]));
    case TY_EXC: return ty_exc(common_base(a->cls, b->cls));
    case TY_INST: {
        for (Class *c = a->cls; c; c = c->base)
            if (class_is_sub(b->cls, c)) return ty_inst(c);
        return ty_any;
    }
    case TY_FUNC: return func_join(a, b);
    case TY_DICT: return ty_dict(ty_join(a->elems[0], b->elems[0]), ty_join(a->elems[1], b->elems[1]));
    case TY_SET:
    case TY_FROZENSET: return ty_set(ty_join(a->elem, b->elem), a->kind == TY_FROZENSET);
    case TY_TUPLE: {
        if (a->nelems != b->nelems || a->nelems < 0) return ty_any;
        Type **el = xcalloc((size_t)a->nelems + 1, sizeof(Type *));
        for (int i = 0; i < a->nelems; i++) el[i] = ty_join(a->elems[i], b->elems[i]);
        return ty_tuple(el, a->nelems);
    }
    default: return ty_any;
    }
}

/* The least upper bound: T|T = T, unknown|T = T, int|float (any of
 * int, float, bool, None) = the tagged union int | float,
 * list[A]|list[B] = list[A|B], tuples member by member, and `object`
 * otherwise or beyond a nesting depth of 6. */
Type *ty_join(Type *a, Type *b) {
    Type *t = join_inner(a, b);
    return t && t != a && t != b && ty_depth(t) > 6 ? ty_any : t;
}


/* ---- specialisation ---------------------------------------------------------- */

static Vec clone_vec(const Vec *v) {
    Vec c = {0};
    for (int i = 0; i < v->len; i++) vec_push(&c, clone_node(v->data[i]));
    return c;
}

/* The copies a muted pass checks are garbage once the next pass starts
 * (nothing that outlives a pass points into them): they live in chunks
 * that each muted pass reuses.  The final pass's copies are kept. */
typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    Node nodes[];
} Chunk;
static Chunk *arena, *arena_cur;
static bool in_arena;

static Node *arena_node(void) {
    while (arena_cur && arena_cur->used == arena_cur->cap) arena_cur = arena_cur->next;
    if (!arena_cur) {
        size_t cap = 8192;
        Chunk *c = xcalloc(1, sizeof *c + cap * sizeof(Node));
        c->cap = cap;
        Chunk **end = &arena;
        while (*end) end = &(*end)->next;
        *end = arena_cur = c;
    }
    return &arena_cur->nodes[arena_cur->used++];
}

static void arena_reset(void) {
    for (Chunk *c = arena; c; c = c->next) c->used = 0;
    arena_cur = arena;
}

/* Each pass checks fresh copies of the parsed trees (checking rewrites
 * call arguments and fills in types); each specialisation owns its copy. */
Node *clone_node(const Node *n) {
    if (!n) return NULL;
    Node *c = in_arena ? arena_node() : xcalloc(1, sizeof *c);
    *c = *n;
    if (n->kind == N_FUNCDEF) return c; /* its body is its specialisations' (reset_spec) */
    c->a = clone_node(n->a);
    c->b = clone_node(n->b);
    c->c = clone_node(n->c);
    c->d = clone_node(n->d);
    c->list = clone_vec(&n->list);
    c->list2 = clone_vec(&n->list2);
    return c;
}

static bool key_vague(Type **key, int n) {
    for (int i = 0; i < n; i++)
        if (key[i]->kind == TY_UNKNOWN || (key[i]->kind == TY_LIST && key[i]->elem->kind == TY_UNKNOWN)) return true;
    return false;
}

static Func *find_spec(Func *def, Type **key) {
    for (int i = 0; i < def->specs.len; i++) {
        Func *sp = def->specs.data[i];
        bool same = true;
        for (int j = 0; j < def->nparams && same; j++) same = sp->key[j] == key[j];
        if (same) return sp;
    }
    return NULL;
}

enum { MAX_SPECS = 8 };

/* The specialisation of def for these argument types (Cartesian product
 * style): made on first use.  Beyond MAX_SPECS complete tuples, further
 * ones share a specialisation whose unannotated parameters of varying type
 * are `object`. */
Func *specialise(Func *def, Type **key) {
    Func *sp = find_spec(def, key);
    if (sp) return sp;
    int complete = 0;
    for (int i = 0; i < def->specs.len; i++) {
        Func *f = def->specs.data[i];
        complete += !key_vague(f->key, def->nparams);
    }
    if (complete >= MAX_SPECS) {
        Type **k = xcalloc((size_t)def->nparams + 1, sizeof(Type *));
        for (int j = 0; j < def->nparams; j++) {
            /* only the parameters whose types vary between the tuples */
            bool varies = false;
            for (int i = 0; i < def->specs.len && !varies; i++) varies = ((Func *)def->specs.data[i])->key[j] != key[j];
            k[j] = def->params[j].var->fixed || !varies ? key[j] : ty_any;
        }
        key = k;
        if ((sp = find_spec(def, key))) return sp;
    }
    sp = xcalloc(1, sizeof *sp);
    sp->name = def->name;
    sp->def = def->def;
    sp->is_async = def->is_async;
    sp->implicit = def->implicit;
    sp->is_gen = def->is_gen;
    sp->send_ty = def->send_ty;
    sp->yield_declared = def->yield_declared;
    if (def->yield_declared) sp->yield_ty = def->yield_ty;
    sp->host = def->host;
    sp->redef = def->redef;
    sp->cls = def->cls;
    sp->mkind = def->mkind;
    sp->origin = def;
    sp->key = key;
    sp->nparams = def->nparams;
    sp->params = xcalloc((size_t)def->nparams + 1, sizeof(Param));
    for (int j = 0; j < def->nparams; j++) {
        Param *dp = &def->params[j], *p = &sp->params[j];
        Var *v = check_new_var(dp->var->name, dp->var->loc, sp);
        v->is_param = true;
        v->fixed = dp->var->fixed;
        v->bound = dp->var->bound;
        v->ty = key[j];
        if (v->fixed && dp->var->ty == ty_int && key[j] == ty_bool) { /* f(True) for `x: int` */
            v->fixed = false; /* x = 5 in the body: int and bool join (object) */
            v->bound = ty_int;
        }
        v->ty_at = dp->var->loc;
        p->var = v;
        p->ann = dp->ann;
        vec_push(&sp->locals, v);
    }
    if (def->ret) sp->ret = def->ret;
    if (def->parsed) { /* a nested def: its function value, a hidden parameter */
        Var *self = sp->self = check_new_var("ac_clo", def->def->loc, sp);
        self->is_param = true;
        self->ty = ty_func(def);
        self->assigned_pass = inf.pass;
        vec_push(&sp->locals, self);
    }
    vec_push(&def->specs, sp);
    inf.changes++;
    return sp;
}

/* A list passed to a function that stores into it: the caller's variable
 * (or whatever made the list) widens as the parameter did. */
void mutated_args(Node *call, Func *fn) {
    for (int j = 0; j < fn->nparams && j < call->list.len; j++) {
        check_flow_back(call->list.data[j], fn->params[j].var->ty);
    }
}

/* The names comprehensions bound in the last pass go: each pass binds them anew. */
static void drop_scoped(Func *fn) {
    fn->globals_decl = fn->nonlocals = (Vec){0};
    Vec keep = {0};
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->scoped) vec_push(&keep, v);
    }
    fn->locals = keep;
}

/* Fresh per pass: the body's copy, the defaults' copies, the scoped names. */
void reset_spec(Func *fn) {
    Func *def = fn->origin;
    if (!def) { /* a <genexpr>: check_gen.c builds its body each pass */
        drop_scoped(fn);
        return;
    }
    fn->def = clone_node(def->def);
    fn->def->b = clone_node(def->def->b);
    for (int j = 0; j < fn->nparams; j++) {
        fn->params[j].def = clone_node(def->params[j].def);
        fn->params[j].def_checked = false;
        fn->params[j].var->assigned_pass = inf.pass;
    }
    drop_scoped(fn);
}

/* A def that nothing calls is still compiled when its parameter types are
 * known without a call: annotations and defaults. */
static void check_uncalled(Func *def) {
    for (int i = 0; i < def->specs.len; i++)
        if (((Func *)def->specs.data[i])->used_pass == inf.pass) return;
    Type **key = xcalloc((size_t)def->nparams + 1, sizeof(Type *));
    for (int j = 0; j < def->nparams; j++) {
        Param *p = &def->params[j];
        if (p->var->fixed)
            key[j] = p->var->ty;
        else if (p->var->bound)
            key[j] = p->var->bound;
        else if (p->def)
            key[j] = default_type(p);
        else
            return;
    }
    check_func(specialise(def, key));
}

static char *spec_suffix(Type *t) {
    if (t->tag) { /* int | None: int_None */
        Buf b = {0};
        for (int k = TY_BOOL; k <= TY_FLOAT + 1; k++) {
            int m = k == TY_FLOAT + 1 ? TY_NONE : k;
            if (t->tag & (1u << m)) buf_printf(&b, "%s%s", b.len ? "_" : "", ty_name(ty_tagged(1u << m)));
        }
        return buf_take(&b);
    }
    switch (t->kind) {
    case TY_INT:
    case TY_FLOAT:
    case TY_STR:
    case TY_BOOL:
    case TY_NONE: return ty_name(t);
    case TY_LIST: return format("list_%s", spec_suffix(t->elem));
    case TY_TUPLE: return "tuple";
    case TY_ANY: return "object";
    case TY_EXC:
    case TY_INST: return t->cls->name;
    default: return "x";
    }
}

/* C names: `f` when a def has one specialisation; else `f_int_float` from
 * the parameters that differ, or `f__2` (1-based) when those collide. */
static void name_specs(Func *def, Vec *kept) {
    int n = kept->len;
    /* a method: Class_name (a property's setter: Class_set_name) */
    const char *base = !def->cls ? def->name
                       : def->mkind == MK_SETTER ? format("%s_set_%s", def->cls->name, def->name)
                                                  : format("%s_%s", def->cls->name, def->name);
    if (n == 1) {
        ((Func *)kept->data[0])->spname = (char *)base;
        return;
    }
    bool *differs = xcalloc((size_t)def->nparams + 1, sizeof(bool));
    for (int j = 0; j < def->nparams; j++)
        for (int i = 1; i < n; i++) differs[j] |= ((Func *)kept->data[i])->key[j] != ((Func *)kept->data[0])->key[j];
    for (int i = 0; i < n; i++) {
        Func *sp = kept->data[i];
        Buf b = {0};
        buf_puts(&b, base);
        for (int j = 0; j < def->nparams; j++)
            if (differs[j]) buf_printf(&b, "_%s", spec_suffix(sp->key[j]));
        sp->spname = buf_take(&b);
    }
    for (int i = 0; i < n; i++)
        for (int k = 0; k < n; k++)
            if (i != k && !strcmp(((Func *)kept->data[i])->spname, ((Func *)kept->data[k])->spname)) {
                for (int m = 0; m < n; m++) ((Func *)kept->data[m])->spname = format("%s__%d", base, m + 1);
                return;
            }
}

/* prog->funcs: the specialisations the last pass reached, def by def. */
static void keep_specs(Program *p) {
    p->funcs = (Vec){0};
    for (int i = 0; i < inf.defs.len; i++) {
        Func *def = inf.defs.data[i];
        Vec kept = {0};
        for (int k = 0; k < def->specs.len; k++) {
            Func *sp = def->specs.data[k];
            if (sp->used_pass == inf.pass) vec_push(&kept, sp);
        }
        if (kept.len) name_specs(def, &kept);
        for (int k = 0; k < kept.len; k++) vec_push(&p->funcs, kept.data[k]);
    }
    gen_keep_genexprs(&p->funcs);
    tinyio_keep_funcs(&p->funcs);
    asyncio_keep_callbacks(&p->funcs);
}

/* ---- the passes ----------------------------------------------------------------- */

bool ty_has_unknown(const Type *t) {
    if (!t || t->kind == TY_UNKNOWN) return true;
    if (t->elem && ty_has_unknown(t->elem)) return true;
    for (int i = 0; i < t->nelems; i++)
        if (ty_has_unknown(t->elems[i])) return true;
    return false;
}

static void uninferred(Var *v) {
    if (!v->ty || !ty_has_unknown(v->ty)) return;
    Node at = {0};
    at.loc = v->loc;
    check_err_at(at.loc, "cannot infer the type of '%s' (nothing typed is ever stored in it); annotate it", v->name);
}

/* What the fixed point left unknown (the emitter needs every type). */
static void report_uninferred(Program *p) {
    for (int i = 0; i < p->globals.len; i++) uninferred(p->globals.data[i]);
    /* an attribute no code ever stores (a class never instantiated): its
     * methods are still emitted, so reads of it need a C type */
    for (int i = 0; i < p->classes.len; i++) {
        Class *c = p->classes.data[i];
        for (int k = 0; k < c->fields.len; k++) {
            Var *f = c->fields.data[k];
            if (ty_has_unknown(f->ty)) f->ty = ty_any;
        }
    }
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        for (int k = 0; k < fn->locals.len; k++) uninferred(fn->locals.data[k]);
        if (ty_has_unknown(fn->ret)) {
            check_err_at(fn->def->loc, "cannot infer the return type of %s(); annotate it", fn->name);
            fn->ret = ty_any;
        }
    }
}

/* Module-level names bound by comprehensions: fresh in each pass. */
static void drop_scoped_globals(Program *p) {
    Vec keep = {0};
    for (int i = 0; i < p->globals.len; i++) {
        Var *v = p->globals.data[i];
        if (!v->scoped) vec_push(&keep, v);
    }
    p->globals = keep;
}

static void check_pass(Program *p, Node *pristine) {
    inf.changes = inf.residue = 0;
    for (int i = 0; i < inf.defs.len; i++) {
        Func *def = inf.defs.data[i];
        for (int k = 0; k < def->specs.len; k++) ((Func *)def->specs.data[k])->state = 0;
    }
    drop_scoped_globals(p);
    closure_new_pass();
    check_module(clone_node(pristine));
    class_pass();
    for (int i = 0; i < inf.defs.len; i++)
        if (!((Func *)inf.defs.data[i])->parsed) check_uncalled(inf.defs.data[i]);
}

enum { MAX_PASSES = 60 };

bool check_program(Program *p) {
    int before = diag_errors;
    memset(&inf, 0, sizeof inf); /* a second program in one process (the fuzzer) starts afresh */
    suspend_program(p);
    inf.defs = check_declare(p);
    Node *pristine = p->module;
    /* types only grow and nest at most 6 deep, so this terminates */
    for (inf.pass = 1; inf.pass < MAX_PASSES; inf.pass++) {
        int errors = diag_errors;
        diag_muted = in_arena = true;
        arena_reset();
        check_pass(p, pristine);
        diag_muted = in_arena = false;
        diag_errors = errors;
        if (!inf.changes) {
            if (inf.defaulting || !inf.residue) break;
            inf.defaulting = true;
        }
    }
    inf.pass++;
    inf.final_pass = true;
    check_pass(p, pristine);
    keep_specs(p);
    closure_finish(p);
    if (diag_errors == before) report_uninferred(p);
    if (diag_errors == before) assign_program(p);
    return diag_errors == before;
}

/* asyncc check --types: each specialisation's signature, then the globals. */
void print_inferred_types(Program *p, FILE *out) {
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        if (fn->helper) continue;
        fprintf(out, "%sdef %s(", fn->is_async && !fn->implicit ? "async " : "", fn->name);
        for (int j = 0; j < fn->nparams; j++)
            fprintf(out, "%s%s: %s", j ? ", " : "", fn->params[j].var->name, ty_name(fn->params[j].var->ty));
        fprintf(out, ") -> %s", ty_name(fn->ret));
        if (fn->spname && strcmp(fn->spname, fn->name)) fprintf(out, "   # C: %s", fn->spname);
        if (fn->implicit) fprintf(out, "   # suspends: compiled as a coroutine");
        fputc('\n', out);
    }
    for (int i = 0; i < p->globals.len; i++) {
        Var *v = p->globals.data[i];
        if (!v->scoped && v->ty) fprintf(out, "%s: %s\n", v->name, ty_name(v->ty));
    }
}
