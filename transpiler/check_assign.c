/* check_assign.c -- Python's local-variable rule and what follows from it.
 *
 * A name a function binds anywhere in its body is local to it for the whole
 * body (CPython decides this when it compiles the def), whatever order the
 * checker meets the statements in: `count += n` in a nested def without
 * `nonlocal` reads the nested def's own, unbound, count.  assign_binds()
 * answers that question for the checker's name lookup.
 *
 * After inference, a definite-assignment dataflow over each function's
 * statements finds the reads of a local that may run before any store (an
 * assignment in one branch only, a loop that may run zero times, a `del`,
 * a try whose assignment raised).  Only those reads get a run-time test,
 * raising UnboundLocalError as CPython does (emit_expr.c); the rest of the
 * program's C is unchanged.  The same walk finds closures made before a
 * variable they capture is bound (their reads raise NameError, "free
 * variable") and the module body's globals bound on some paths only
 * (NameError).  docs/LANGUAGE.md states the rule (Statements, "Scopes"). */
#include "check.h"

#include <stdlib.h>
#include <string.h>

/* ---- the names a body binds ------------------------------------------------ */

static void add_name(Vec *out, const char *name) {
    for (int i = 0; i < out->len; i++)
        if (!strcmp(out->data[i], name)) return;
    vec_push(out, (void *)name);
}

static void bound_target(Node *t, Vec *out) {
    if (!t) return;
    if (t->kind == N_NAME) add_name(out, t->sval);
    if (t->kind == N_STARRED) bound_target(t->a, out);
    if (t->kind == N_TUPLE || t->kind == N_LIST)
        for (int i = 0; i < t->list.len; i++) bound_target(t->list.data[i], out);
}

static void bound_in(Node *n, Vec *out, bool in_comp);

static void bound_in_vec(Vec *v, Vec *out, bool in_comp) {
    for (int i = 0; i < v->len; i++) bound_in(v->data[i], out, in_comp);
}

/* A comprehension's own targets belong to its scope; a walrus inside it
 * binds in the function (PEP 572). */
static void bound_in(Node *n, Vec *out, bool in_comp) {
    if (!n || n->kind == N_LAMBDA || n->kind == N_CLASSDEF || n->kind == N_GLOBAL || n->kind == N_IMPORT) return;
    switch (n->kind) {
    case N_FUNCDEF: add_name(out, n->fn->name); return; /* its body is a scope of its own */
    case N_WALRUS: bound_target(n->a, out); break;
    case N_ASSIGN:
    case N_AUGASSIGN: bound_target(n->a, out); break;
    case N_FOR:
        if (!in_comp) bound_target(n->a, out);
        break;
    case N_DEL:
        for (int i = 0; i < n->list.len; i++) bound_target(n->list.data[i], out);
        break;
    default: break;
    }
    bool comp = in_comp || n->kind == N_LISTCOMP || n->kind == N_DICTCOMP || n->kind == N_SETCOMP;
    bound_in(n->a, out, comp);
    bound_in(n->b, out, comp);
    bound_in(n->c, out, comp);
    bound_in(n->d, out, comp);
    bound_in_vec(&n->list, out, comp);
    bound_in_vec(&n->list2, out, comp);
}

/* Per def (every specialisation has the same body): its bound names. */
static Vec bound_defs, bound_sets;

void assign_begin(void) { bound_defs.len = bound_sets.len = 0; }

bool assign_binds(Func *fn, const char *name) {
    Func *def = fn->origin;
    if (!def || !fn->def || !fn->def->b) return false; /* a <genexpr>: binds nothing of its own */
    Vec *names = NULL;
    for (int i = 0; i < bound_defs.len && !names; i++)
        if (bound_defs.data[i] == def) names = bound_sets.data[i];
    if (!names) {
        names = xcalloc(1, sizeof *names);
        bound_in(fn->def->b, names, false);
        vec_push(&bound_defs, def);
        vec_push(&bound_sets, names);
    }
    for (int i = 0; i < names->len; i++)
        if (!strcmp(names->data[i], name)) return true;
    return false;
}

/* ---- definite assignment ------------------------------------------------------ */

/* The locals surely bound at a point of the function: one bit per local
 * (its index in fn->locals); `dead` for a point no path reaches (after a
 * return, break, continue or raise), which joins as "everything bound". */
typedef struct {
    bool dead;
    uint64_t *bits;
} Bound;

static Func *fn;    /* the function analysed */
static int nwords;  /* of a Bound's bits */

typedef struct Loop {
    Bound brk, cont; /* the join of the states at its breaks / continues */
    struct Loop *up;
} Loop;
static Loop *loop;

static Bound bound_new(bool dead) {
    Bound b = {dead, xcalloc((size_t)nwords + 1, sizeof(uint64_t))};
    return b;
}

static Bound bound_copy(Bound b) {
    Bound c = bound_new(b.dead);
    memcpy(c.bits, b.bits, (size_t)nwords * sizeof(uint64_t));
    return c;
}

/* Where two paths meet: bound on both. */
static void join_into(Bound *to, Bound from) {
    if (from.dead) return;
    if (to->dead) {
        *to = bound_copy(from);
        return;
    }
    for (int i = 0; i < nwords; i++) to->bits[i] &= from.bits[i];
}

static bool bound_same(Bound a, Bound b) {
    if (a.dead || b.dead) return a.dead == b.dead;
    return !memcmp(a.bits, b.bits, (size_t)nwords * sizeof(uint64_t));
}

/* The index of a variable the analysis follows, or -1: fn's own locals
 * (not its parameters, comprehension or except names, or hidden values). */
static Vec tracked; /* Var*: fn's locals, its captured ones included (closure_finish took them out of locals) */

static int local_index(Var *v) {
    if (!fn) { /* the module body: its globals */
        for (int i = 0; v && v->is_global && !v->scoped && i < tracked.len; i++)
            if (tracked.data[i] == v) return i;
        return -1;
    }
    if (!v || v->owner != fn || v->is_param || v->scoped || v->is_global || v->is_flag || v == fn->self) return -1;
    for (int i = 0; i < tracked.len; i++)
        if (tracked.data[i] == v) return i;
    return -1;
}

static bool has(Bound b, int i) { return b.dead || (b.bits[i / 64] >> (i % 64)) & 1; }
static void set_bit(Bound *b, int i, bool on) {
    if (b->dead) return;
    if (on)
        b->bits[i / 64] |= (uint64_t)1 << (i % 64);
    else
        b->bits[i / 64] &= ~((uint64_t)1 << (i % 64));
}

/* A read of n's variable where it may be unbound: the emitter tests it. */
static Vec flagged; /* Var*: fn's locals with such a read */

static void read_name(Node *n, Bound b) {
    int i = local_index(n->var);
    if (i < 0 || has(b, i)) return;
    n->unbound_check = true;
    for (int k = 0; k < flagged.len; k++)
        if (flagged.data[k] == n->var) return;
    vec_push(&flagged, n->var);
}

static void expr(Node *e, Bound *b);

static void expr_vec(Vec *v, Bound *b) {
    for (int i = 0; i < v->len; i++) expr(v->data[i], b);
}

/* A store to a target: its names become bound; an attribute or item
 * target reads what it stores into. */
static void store(Node *t, Bound *b) {
    if (!t) return;
    if (t->kind == N_NAME) {
        int i = local_index(t->var);
        if (i >= 0) set_bit(b, i, true);
        return;
    }
    if (t->kind == N_STARRED) {
        store(t->a, b);
        return;
    }
    if (t->kind == N_TUPLE || t->kind == N_LIST) {
        for (int i = 0; i < t->list.len; i++) store(t->list.data[i], b);
        return;
    }
    expr(t, b);
}

/* An expression part that may not run (the right of and/or, a
 * comprehension's body, a conditional's branches): its reads are checked,
 * its stores (walrus) count for nothing after it. */
static void maybe_expr(Node *e, Bound b) {
    Bound c = bound_copy(b);
    expr(e, &c);
}

/* A closure made here runs later, when the captured locals unbound now
 * may still be unbound: its reads of them are tested. */
static void closure_made(Func *parsed, Bound b) {
    if (!fn) return; /* module globals are never captured */
    if (parsed && parsed->parsed) parsed = parsed->parsed;
    Func *d = parsed ? closure_nested_in(fn, parsed) : NULL;
    for (int i = 0; i < tracked.len; i++) {
        Var *v = tracked.data[i];
        bool captured = !d;
        for (int k = 0; d && k < d->captures.len && !captured; k++) captured = d->captures.data[k] == v;
        if (v->cell && !v->scoped && captured && !has(b, i)) v->free_check = true; /* a comprehension variable is bound in it */
    }
}

static void expr(Node *e, Bound *b) {
    if (e && e->kind == N_LAMBDA) closure_made(e->fn, *b);
    if (!e || e->kind == N_LAMBDA || e->kind == N_FUNCDEF || e->kind == N_CLASSDEF) return;
    switch (e->kind) {
    case N_NAME: read_name(e, *b); return;
    case N_WALRUS:
        expr(e->b, b);
        store(e->a, b);
        return;
    case N_AND:
    case N_OR:
        expr(e->a, b);
        maybe_expr(e->b, *b);
        return;
    case N_IFEXP:
        expr(e->a, b);
        maybe_expr(e->b, *b);
        maybe_expr(e->c, *b);
        return;
    case N_LISTCOMP:
    case N_DICTCOMP:
    case N_SETCOMP: {
        Bound c = bound_copy(*b);
        expr_vec(&e->list, &c); /* the clauses: iterables, conditions */
        expr(e->a, &c);
        expr(e->b, &c);
        return;
    }
    case N_FOR: /* a comprehension's clause: its target is the comprehension's */
        expr(e->b, b);
        return;
    default: break;
    }
    expr(e->a, b);
    expr(e->b, b);
    expr(e->c, b);
    expr(e->d, b);
    expr_vec(&e->list, b);
    expr_vec(&e->list2, b);
}

static void stmt(Node *s, Bound *b);

static void block(Node *blk, Bound *b) {
    if (!blk) return;
    if (blk->kind != N_BLOCK) {
        stmt(blk, b);
        return;
    }
    for (int i = 0; i < blk->list.len; i++) stmt(blk->list.data[i], b);
}

/* Names a statement may `del`: an exception can leave a try body anywhere,
 * so its handlers see only what was bound before it and not deleted. */
static void deleted_in(Node *n, Bound *b) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_LAMBDA || n->kind == N_CLASSDEF) return;
    if (n->kind == N_DEL)
        for (int i = 0; i < n->list.len; i++) {
            Node *t = n->list.data[i];
            int k = t->kind == N_NAME ? local_index(t->var) : -1;
            if (k >= 0) set_bit(b, k, false);
        }
    deleted_in(n->a, b);
    deleted_in(n->b, b);
    deleted_in(n->c, b);
    deleted_in(n->d, b);
    for (int i = 0; i < n->list.len; i++) deleted_in(n->list.data[i], b);
    for (int i = 0; i < n->list2.len; i++) deleted_in(n->list2.data[i], b);
}

static bool always_true(Node *c) {
    return c && ((c->kind == N_BOOL && c->ival) || (c->kind == N_INT && c->ival));
}

/* A loop: the state at its head is what holds on entry and at the end of
 * every iteration (a `del` in the body may unbind), found by iterating to
 * a fixed point; it ends where the condition fails (or the iterable is
 * exhausted, possibly at once) or at a break. */
static void loop_stmt(Node *s, Bound *b) {
    bool is_for = s->kind == N_FOR;
    Node *body = is_for ? s->c : s->b;
    if (is_for) expr(s->b, b);
    Bound head = bound_copy(*b);
    Loop l;
    for (;;) {
        l = (Loop){bound_new(true), bound_new(true), loop};
        loop = &l;
        Bound cur = bound_copy(head);
        if (is_for)
            store(s->a, &cur);
        else
            expr(s->a, &cur);
        Bound exit = bound_copy(cur);
        block(body, &cur);
        loop = l.up;
        Bound next = bound_copy(*b);
        join_into(&next, cur);
        join_into(&next, l.cont);
        if (bound_same(next, head)) {
            if (!is_for && always_true(s->a)) exit.dead = true;
            if (is_for) exit = bound_copy(head);
            join_into(&exit, l.brk);
            *b = exit;
            return;
        }
        head = next;
    }
}

static void try_stmt(Node *s, Bound *b) {
    Bound entry = bound_copy(*b);
    deleted_in(s->a, &entry);
    for (int i = 0; i < s->list.len; i++) deleted_in(((Node *)s->list.data[i])->b, &entry);
    deleted_in(s->b, &entry);
    Bound handler = bound_copy(entry); /* where an exception in the body finds the locals */
    Bound out = bound_copy(*b);
    block(s->a, &out);
    block(s->b, &out); /* else */
    for (int i = 0; i < s->list.len; i++) {
        Node *h = s->list.data[i];
        Bound hb = bound_copy(handler);
        expr(h->a, &hb);
        block(h->b, &hb);
        join_into(&out, hb);
    }
    if (s->c) {
        /* finally also runs on the way out of an exception, a return or a
         * break: its reads see only what every way in has bound.  One walk
         * (nested finally blocks would double it each level): after it, what
         * the finally bound plus what the normal way in had and it kept. */
        Bound fin = bound_copy(entry);
        join_into(&fin, out);
        block(s->c, &fin);
        if (out.dead || fin.dead) {
            out.dead = true;
        } else {
            deleted_in(s->c, &out);
            for (int w = 0; w < nwords; w++) fin.bits[w] |= out.bits[w];
            out = fin;
        }
    }
    *b = out;
}

static void stmt(Node *s, Bound *b) {
    if (!s) return;
    switch (s->kind) {
    case N_BLOCK: block(s, b); return;
    case N_EXPR: expr(s->a, b); return;
    case N_ASSIGN:
        if (!s->b) return; /* `x: int` binds nothing */
        expr(s->b, b);
        store(s->a, b);
        return;
    case N_AUGASSIGN:
        expr(s->a, b); /* reads the target first */
        expr(s->b, b);
        store(s->a, b);
        return;
    case N_IF: {
        expr(s->a, b);
        Bound other = bound_copy(*b);
        block(s->b, b);
        block(s->c, &other);
        join_into(b, other);
        return;
    }
    case N_WHILE:
    case N_FOR: loop_stmt(s, b); return;
    case N_BREAK:
    case N_CONTINUE:
        if (loop) join_into(s->kind == N_BREAK ? &loop->brk : &loop->cont, *b);
        b->dead = true;
        return;
    case N_RETURN:
    case N_RAISE:
        expr(s->a, b);
        expr(s->b, b);
        b->dead = true;
        return;
    case N_TRY: try_stmt(s, b); return;
    case N_ASSERT:
        expr(s->a, b);
        maybe_expr(s->b, *b);
        return;
    case N_DEL:
        for (int i = 0; i < s->list.len; i++) {
            Node *t = s->list.data[i];
            int k = t->kind == N_NAME ? local_index(t->var) : -1;
            if (k < 0) {
                expr(t, b);
                continue;
            }
            read_name(t, *b); /* del of an unbound local raises too */
            set_bit(b, k, false);
            if (t->var->cell) t->var->free_check = true;
        }
        return;
    case N_FUNCDEF: /* a nested or decorated def: its value, then its name */
        expr(s->c, b);
        closure_made(s->fn, *b);
        store(s->d, b);
        return;
    default: return; /* pass, global, import, class */
    }
}

/* NULL is "unbound" for a reference that is never NULL when bound; any
 * other local (a scalar, a union, `T | None` whose None is NULL) gets a
 * flag that its stores set. */
static bool needs_flag(const Type *t) { return !ty_is_obj(t) || t->opt; }

/* A captured int, float or bool lives in a cell that the closures share (a
 * flag of the owner's would miss their `nonlocal` stores): its box's type
 * says whether it is bound (ac_t_unbound until the first store).  A
 * captured `T | None`, whose None is NULL, stays untested. */
static bool scalar_cell(const Var *v) { return v->ty == ty_int || v->ty == ty_float || v->ty == ty_bool; }

static Vec module_globals; /* Var*: the flags of module globals, added after the analysis */

static void add_flags(void) {
    for (int k = 0; k < flagged.len; k++) {
        Var *v = flagged.data[k];
        if (!needs_flag(v->ty) || v->flag) continue;
        if (v->cell) {
            v->unbound_cell = scalar_cell(v);
            continue;
        }
        Var *f = check_new_var(format("ac_set_%s", v->name), v->loc, fn);
        f->ty = ty_bool;
        f->is_flag = true;
        f->is_global = !fn;
        vec_push(fn ? &fn->locals : &module_globals, f);
        v->flag = f;
    }
}

/* The reads the tests cannot serve; and, in closures, the reads of
 * captured variables that may be unbound when the closure runs. */
static void mark_cells(Node *n) {
    if (!n || n->kind == N_LAMBDA) return;
    if (n->kind == N_FUNCDEF) { /* its value and name are this function's; its body is its own */
        mark_cells(n->c);
        mark_cells(n->d);
        return;
    }
    Var *v = n->kind == N_NAME ? n->var : NULL;
    if (v && v->cell && v->owner != fn && v->free_check) {
        n->unbound_check = true;
        if (needs_flag(v->ty)) v->unbound_cell = scalar_cell(v);
    }
    if (v && n->unbound_check && v->cell && needs_flag(v->ty) && !scalar_cell(v)) n->unbound_check = false;
    mark_cells(n->a);
    mark_cells(n->b);
    mark_cells(n->c);
    mark_cells(n->d);
    for (int i = 0; i < n->list.len; i++) mark_cells(n->list.data[i]);
    for (int i = 0; i < n->list2.len; i++) mark_cells(n->list2.data[i]);
}

static void module_reads(Program *p);

void assign_program(Program *p) {
    for (int i = 0; i < p->funcs.len; i++) {
        fn = p->funcs.data[i];
        if (!fn->def || !fn->def->b) continue;
        tracked = (Vec){0};
        for (int k = 0; k < fn->locals.len; k++) vec_push(&tracked, fn->locals.data[k]);
        Vec cells = {0};
        closure_cells(fn, &cells);
        for (int k = 0; k < cells.len; k++) vec_push(&tracked, ((CellRec *)cells.data[k])->var);
        nwords = (tracked.len + 63) / 64;
        flagged.len = 0;
        loop = NULL;
        Bound b = bound_new(false);
        for (int k = 0; k < cells.len; k++) /* a captured parameter, copied into its cell */
            if (((CellRec *)cells.data[k])->arg) set_bit(&b, fn->locals.len + k, true);
        block(fn->def->b, &b);
        add_flags();
    }
    for (int i = 0; i < p->funcs.len; i++) {
        fn = p->funcs.data[i];
        if (fn->def && fn->def->b) mark_cells(fn->def->b);
    }
    module_reads(p);
}

/* The module body's reads of its globals: a global bound on some paths
 * only (an if, a loop, a try) is NameError where it is not. */
static bool is_class_attr(Program *p, Var *v) {
    for (int i = 0; i < p->classes.len; i++) {
        Class *c = p->classes.data[i];
        for (int k = 0; k < c->cattrs.len; k++)
            if (c->cattrs.data[k] == v) return true;
    }
    return false;
}

static bool names_has(Vec *names, const char *name) {
    for (int i = 0; i < names->len; i++)
        if (!strcmp(names->data[i], name)) return true;
    return false;
}

/* A function's reads of a global: the checker rejects a function that
 * runs (in program order) before any store of a global it reads, so what
 * is left to test is a global that a top-level statement may leave
 * unbound: from the first top-level statement storing it on, it must be
 * bound after each one.  Otherwise the function's reads are tested too. */
static void unsafe_globals(Program *p, Vec *list, Bound *after) {
    Vec *names = xcalloc((size_t)list->len + 1, sizeof(Vec));
    for (int k = 0; k < list->len; k++) bound_in(list->data[k], &names[k], false);
    for (int i = 0; i < tracked.len; i++) {
        Var *v = tracked.data[i];
        if (v->scoped || v->is_flag || is_class_attr(p, v)) continue;
        int first = -1;
        for (int k = 0; k < list->len && first < 0; k++)
            if (names_has(&names[k], v->name)) first = k;
        bool safe = first >= 0;
        for (int k = first; safe && k < list->len; k++) safe = has(after[k], i);
        if (!safe) v->free_check = true;
    }
}

static void mark_global_reads(Node *n) {
    if (!n || n->kind == N_LAMBDA) return;
    if (n->kind == N_FUNCDEF) {
        mark_global_reads(n->c);
        return;
    }
    if (n->kind == N_NAME && n->var && n->var->is_global && n->var->free_check && local_index(n->var) >= 0) {
        n->unbound_check = true;
        bool listed = false;
        for (int k = 0; k < flagged.len && !listed; k++) listed = flagged.data[k] == n->var;
        if (!listed) vec_push(&flagged, n->var);
    }
    mark_global_reads(n->a);
    mark_global_reads(n->b);
    mark_global_reads(n->c);
    mark_global_reads(n->d);
    for (int i = 0; i < n->list.len; i++) mark_global_reads(n->list.data[i]);
    for (int i = 0; i < n->list2.len; i++) mark_global_reads(n->list2.data[i]);
}

static void module_reads(Program *p) {
    fn = NULL;
    tracked = (Vec){0};
    for (int k = 0; k < p->globals.len; k++) vec_push(&tracked, p->globals.data[k]);
    nwords = (tracked.len + 63) / 64;
    flagged.len = 0;
    loop = NULL;
    module_globals = (Vec){0};
    Bound b = bound_new(false);
    /* the builtins spelling's module body runs as `__module__()` (suspend.c): its statements are the module's */
    Func *modfn = NULL;
    for (int i = 0; i < p->funcs.len && !modfn; i++) {
        Func *f = p->funcs.data[i];
        if (f->implicit && !strcmp(f->name, "__module__") && f->def && f->def->b) modfn = f;
    }
    Vec list = {0};
    for (int k = 0; k < p->module->list.len; k++) vec_push(&list, p->module->list.data[k]);
    for (int k = 0; modfn && k < modfn->def->b->list.len; k++) vec_push(&list, modfn->def->b->list.data[k]);
    Bound *after = xcalloc((size_t)list.len + 1, sizeof(Bound));
    for (int k = 0; k < list.len; k++) {
        stmt(list.data[k], &b);
        after[k] = bound_copy(b);
    }
    unsafe_globals(p, &list, after);
    for (int i = 0; i < p->funcs.len; i++) {
        Func *f = p->funcs.data[i];
        if (f != modfn && f->def && f->def->b) mark_global_reads(f->def->b);
    }
    add_flags();
    for (int k = 0; k < module_globals.len; k++) vec_push(&p->globals, module_globals.data[k]);
}
