/* lower.c -- what async functions need before C can be emitted.
 *
 *  - every await gets a dense index (its resume state is index + 1);
 *  - Node.has_await marks subtrees that contain an await, so the emitter
 *    knows which temporaries must live in the frame;
 *  - `await f(...)` of a known async def runs the child's frame inside the
 *    parent's frame, unless f is on a cycle of direct awaits (recursion),
 *    in which case the child is a heap coroutine;
 *  - locals whose values may be live across an await go to the frame;
 *    scalars that are never live at the same time share frame slots.
 */
#include "compiler.h"

#include <string.h>

static Func *cur;
static int pos_counter;

/* Walk a subtree: number positions, collect awaits, compute has_await,
 * and widen each variable's live interval. */
static void touch(Var *v, int pos) {
    if (!v || v->is_global) return;
    if (!v->first_pos || pos < v->first_pos) v->first_pos = pos;
    if (pos > v->last_pos) v->last_pos = pos;
}

static bool walk(Node *n);

static bool walk_vec(Vec *v) {
    bool any = false;
    for (int i = 0; i < v->len; i++) any |= walk(v->data[i]);
    return any;
}

/* Loops: a variable used inside a loop that contains an await is live for
 * the whole loop (its value crosses iterations). */
typedef struct Loop { int start, end; struct Loop *up; Vec vars; } Loop;
static Loop *loop;

/* The emitter reads a variable when the value is used, which may be after
 * an await later in the same expression (print(x, await f())).  So every
 * name read in an expression that contains an await stays live to the
 * expression's end. */
static void extend_names(Node *n, int end) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF) return;
    if (n->kind == N_NAME && n->var) touch(n->var, end);
    extend_names(n->a, end);
    extend_names(n->b, end);
    extend_names(n->c, end);
    extend_names(n->d, end);
    for (int i = 0; i < n->list.len; i++) extend_names(n->list.data[i], end);
    for (int i = 0; i < n->list2.len; i++) extend_names(n->list2.data[i], end);
}

static bool is_simple_stmt(NodeKind k) {
    return k == N_EXPR || k == N_ASSIGN || k == N_AUGASSIGN || k == N_RETURN || k == N_RAISE || k == N_ASSERT;
}

static bool walk(Node *n) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF) return false;
    n->pos = ++pos_counter;
    bool any = false;
    Loop here = {0};
    bool is_loop = n->kind == N_WHILE || n->kind == N_FOR || n->kind == N_LISTCOMP;
    if (is_loop) {
        here.start = n->pos;
        here.up = loop;
        loop = &here;
    }
    if (n->kind == N_NAME && n->var) {
        touch(n->var, n->pos);
        for (Loop *l = loop; l; l = l->up) vec_push(&l->vars, n->var);
    }
    if (n->kind == N_EXCEPT && n->var) {
        touch(n->var, n->pos);
        for (Loop *l = loop; l; l = l->up) vec_push(&l->vars, n->var);
    }
    /* an assignment evaluates its value before it binds the target */
    if (n->kind == N_ASSIGN || n->kind == N_AUGASSIGN) {
        any |= walk(n->b);
        any |= walk(n->a);
    } else {
        any |= walk(n->a);
        any |= walk(n->b);
    }
    any |= walk(n->c);
    any |= walk(n->d);
    any |= walk_vec(&n->list);
    any |= walk_vec(&n->list2);
    if (n->kind == N_AWAIT) {
        n->await_id = cur ? cur->awaits.len : 0;
        if (cur) vec_push(&cur->awaits, n);
        n->pos = ++pos_counter;   /* the await happens after its operand */
        any = true;
    }
    if (is_loop) {
        here.end = ++pos_counter;
        loop = here.up;
        for (int i = 0; i < here.vars.len; i++) {
            touch(here.vars.data[i], here.start);
            touch(here.vars.data[i], here.end);
        }
        if (loop)
            for (int i = 0; i < here.vars.len; i++) vec_push(&loop->vars, here.vars.data[i]);
    }
    n->has_await = any;
    if (any && is_simple_stmt(n->kind)) {
        int end = ++pos_counter;
        extend_names(n, end);
    } else if (n->kind == N_IF || n->kind == N_WHILE) {
        if (n->a && n->a->has_await) extend_names(n->a, ++pos_counter);
    } else if (n->kind == N_FOR) {
        if (n->b && n->b->has_await) extend_names(n->b, ++pos_counter);
    }
    return any;
}

/* Direct awaits of known async functions, for the recursion check. */
static void direct_children(Func *fn, Vec *out) {
    for (int i = 0; i < fn->awaits.len; i++) {
        Node *aw = fn->awaits.data[i];
        Node *c = aw->a;
        if (c->kind == N_CALL && c->builtin == B_CORO_CALL && c->fn) vec_push(out, c->fn);
    }
}

static bool reaches(Func *from, Func *to, Vec *seen) {
    for (int i = 0; i < seen->len; i++)
        if (seen->data[i] == from) return false;
    vec_push(seen, from);
    Vec kids = {0};
    direct_children(from, &kids);
    for (int i = 0; i < kids.len; i++) {
        Func *k = kids.data[i];
        if (k == to || reaches(k, to, seen)) return true;
    }
    return false;
}

/* Frame placement: parameters always live in the frame (the caller fills
 * them in); other locals only when an await falls inside their interval.
 * Object locals keep their own field (they are NULL when dead, which makes
 * drop and cleanup simple); scalars share slots by interval colouring. */
static void place_vars(Func *fn) {
    int nslot = 0;
    Type **slot_ty = xcalloc((size_t)fn->locals.len + 1, sizeof(Type *));
    int *slot_end = xcalloc((size_t)fn->locals.len + 1, sizeof(int));
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        v->slot = -1;
        if (v->is_param || ty_is_obj(v->ty)) { v->in_frame = true; continue; }
        bool crosses = false;
        for (int k = 0; k < fn->awaits.len && !crosses; k++) {
            int p = ((Node *)fn->awaits.data[k])->pos;
            crosses = p > v->first_pos && p < v->last_pos;
        }
        v->in_frame = crosses;
        if (!crosses) continue;
        /* first-fit: a slot of the same type whose last user ended */
        int s;
        for (s = 0; s < nslot; s++)
            if (slot_ty[s] == v->ty && slot_end[s] < v->first_pos) break;
        if (s == nslot) slot_ty[nslot++] = v->ty;
        slot_end[s] = v->last_pos;
        v->slot = s;
    }
    fn->nslots = nslot;
    fn->slot_ty = slot_ty;
}

void lower_program(Program *prog) {
    for (int i = 0; i < prog->funcs.len; i++) {
        Func *fn = prog->funcs.data[i];
        cur = fn;
        pos_counter = 0;
        loop = NULL;
        for (int j = 0; j < fn->nparams; j++) touch(fn->params[j].var, 0);
        walk(fn->def->b);
    }
    cur = NULL;
    walk(prog->module);
    for (int i = 0; i < prog->funcs.len; i++) {
        Func *fn = prog->funcs.data[i];
        if (!fn->is_async) continue;
        Vec seen = {0};
        fn->recursive = reaches(fn, fn, &seen);
    }
    for (int i = 0; i < prog->funcs.len; i++) {
        Func *fn = prog->funcs.data[i];
        if (fn->is_async) place_vars(fn);
        /* inline children: direct awaits of non-recursive async defs */
        for (int k = 0; k < fn->awaits.len; k++) {
            Node *c = ((Node *)fn->awaits.data[k])->a;
            if (c->kind == N_CALL && c->builtin == B_CORO_CALL && c->fn && !c->fn->recursive) {
                bool have = false;
                for (int j = 0; j < fn->children.len; j++) have |= fn->children.data[j] == c->fn;
                if (!have) vec_push(&fn->children, c->fn);
            }
        }
    }
}
