/* lower.c -- what async functions need before C can be emitted.
 *
 *  - sleep/gather/wait_for/with_timeout/receive/frame used as values (not
 *    the operand of an await) become calls of small generated async defs
 *    that await them (desugar);
 *  - every await gets a dense index (its resume state is index + 1);
 *  - Node.has_await marks subtrees that contain an await, so the emitter
 *    knows which temporaries must live in the frame;
 *  - `await f(...)` of a known async def runs the child's frame inside the
 *    parent's frame, unless f is on a cycle of direct awaits (recursion),
 *    in which case its frame is a block from the runtime's frame pool;
 *  - locals whose values may be live across an await go to the frame;
 *    scalars that are never live at the same time share frame slots;
 *  - the frame's layout and size: the locals above, then the members the
 *    emitter asks for while it writes the body (frame_temp, frame_await),
 *    as an LP64 compiler lays them out (frame_finish).
 */
#include "compiler.h"

#include <string.h>

static Program *prog;
static Func *cur;
static int pos_counter;

/* ---- desugaring: awaitables used as values ------------------------------ */

/* Calls that are awaited in place when they are the operand of an await. */
static bool is_awaitable_call(const Node *e) {
    if (e->kind != N_CALL || !e->ty || e->ty->kind != TY_CORO) return false;
    switch (e->builtin) {
    case B_SLEEP:
    case B_GATHER:
    case B_EGATHER:
    case B_WAIT_FOR:
    case B_WITH_TIMEOUT:
    case B_RECEIVE:
    case B_FRAME:
    case B_SYNC_AWAIT:
    case B_ASYNC_WAIT:
    case B_SHIELD: return true;
    case B_GEN_OP: return e->ival >= GOP_ANEXT; /* anext(g), g.aclose() ... */
    default: return false;
    }
}

static Var *helper_param(Func *fn, Type *ty, Loc loc) {
    Var *v = xcalloc(1, sizeof *v);
    v->name = format("a%d", fn->nparams);
    v->loc = loc;
    v->owner = fn;
    v->is_param = true;
    v->ty = ty;
    fn->params[fn->nparams++].var = v;
    vec_push(&fn->locals, v);
    return v;
}

static Node *new_node(NodeKind kind, Loc loc) {
    Node *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->loc = loc;
    return n;
}

static Node *name_ref(Var *v, Loc loc) {
    Node *n = new_node(N_NAME, loc);
    n->sval = v->name;
    n->var = v;
    n->ty = v->ty;
    return n;
}

/* `e` used as a value becomes a coroutine object of a generated
 *     async def gather_12_9(a0, a1): return await asyncio.gather(a0, a1)
 * whose parameters are e's arguments (literal keyword flags such as
 * return_exceptions=True stay in the body).  So its children start when
 * that coroutine first runs (docs/DESIGN.md, differences from CPython). */
static void wrap_awaitable(Node *e) {
    static const char *names[] = {[B_SLEEP] = "sleep",
                                  [B_GATHER] = "gather",
                                  [B_EGATHER] = "gather",
                                  [B_WAIT_FOR] = "wait_for",
                                  [B_WITH_TIMEOUT] = "with_timeout",
                                  [B_RECEIVE] = "receive",
                                  [B_FRAME] = "frame",
                                  [B_ASYNC_WAIT] = "wait",
                                  [B_SHIELD] = "shield"};
    Func *fn = xcalloc(1, sizeof *fn);
    static const char *agen_ops[] = {"anext", "anext", "asend", "athrow", "aclose"};
    fn->name = format("%s_%d_%d",
                      e->builtin == B_SYNC_AWAIT ? e->a->sval
                      : e->builtin == B_GEN_OP   ? agen_ops[e->ival - GOP_ANEXT]
                                                 : names[e->builtin],
                      e->loc.line, e->loc.col);
    fn->is_async = true;
    fn->helper = true;
    fn->state = 2;
    fn->ret = e->ty->elem;
    fn->params = xcalloc((size_t)(e->list.len + e->list2.len) + 1, sizeof(Param));
    Node *inner = new_node(N_CALL, e->loc);
    *inner = *e;
    inner->list = inner->list2 = (Vec){0};
    Vec outer_args = {0};
    if (e->builtin == B_SYNC_AWAIT) { /* q.get(): the receiver is the first parameter */
        Node *callee = new_node(N_ATTR, e->a->loc);
        *callee = *e->a;
        callee->a = name_ref(helper_param(fn, e->a->a->ty, e->loc), e->loc);
        inner->a = callee;
        vec_push(&outer_args, e->a->a);
    }
    for (int i = 0; i < e->list.len + e->list2.len; i++) {
        bool kw = i >= e->list.len;
        Node *a = kw ? e->list2.data[i - e->list.len] : e->list.data[i];
        Node *val = kw || a->kind == N_STARRED ? a->a : a;
        if (kw && val->kind == N_BOOL) {
            vec_push(&inner->list2, a);
            continue;
        }
        Node *ref = name_ref(helper_param(fn, val->ty, e->loc), e->loc);
        vec_push(&outer_args, val);
        if (kw || a->kind == N_STARRED) {
            Node *wrapped = new_node(a->kind, a->loc);
            *wrapped = *a;
            wrapped->a = ref;
            ref = wrapped;
        }
        vec_push(kw ? &inner->list2 : &inner->list, ref);
    }
    Node *aw = new_node(N_AWAIT, e->loc);
    aw->a = inner;
    aw->ty = fn->ret;
    Node *ret = new_node(N_RETURN, e->loc);
    ret->a = aw;
    Node *body = new_node(N_BLOCK, e->loc);
    vec_push(&body->list, ret);
    fn->def = new_node(N_FUNCDEF, e->loc);
    fn->def->fn = fn;
    fn->def->b = body;
    vec_push(&prog->funcs, fn);
    e->builtin = B_CORO_CALL;
    e->fn = fn;
    e->list = outer_args;
    e->list2 = (Vec){0};
}

/* Arguments first, so gather(sleep(1), f()) wraps the sleep before the
 * gather that now receives its coroutine object. */
static void desugar(Node *n, bool awaited) {
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF) return;
    desugar(n->a, n->kind == N_AWAIT);
    desugar(n->b, false);
    desugar(n->c, false);
    desugar(n->d, false);
    for (int i = 0; i < n->list.len; i++) desugar(n->list.data[i], false);
    for (int i = 0; i < n->list2.len; i++) desugar(n->list2.data[i], false);
    if (!awaited && is_awaitable_call(n)) wrap_awaitable(n);
}

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
typedef struct Loop {
    int start, end;
    struct Loop *up;
    Vec vars;
} Loop;
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
    if (n && n->kind == N_FUNCDEF && n->c) { /* a nested def: what binds its name */
        walk(n->c);
        return walk(n->d);
    }
    if (!n || n->kind == N_FUNCDEF || n->kind == N_CLASSDEF) return false;
    n->pos = ++pos_counter;
    bool any = false;
    Loop here = {0};
    bool is_loop = n->kind == N_WHILE || n->kind == N_FOR || n->kind == N_LISTCOMP || n->kind == N_DICTCOMP ||
                   n->kind == N_SETCOMP;
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
    if (n->kind == N_ASSIGN || n->kind == N_AUGASSIGN || n->kind == N_WALRUS) {
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
    /* a yield suspends as an await does, and so does each step of async for */
    if (n->kind == N_AWAIT || n->kind == N_YIELD || (n->kind == N_FOR && n->ival == 1)) {
        n->await_id = cur ? cur->awaits.len : 0;
        if (cur) vec_push(&cur->awaits, n);
        n->pos = ++pos_counter; /* the await happens after its operand */
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
        if (v->is_param || ty_is_obj(v->ty) || v->is_flag) { /* a flag is read from the start (zeroed frame) */
            v->in_frame = true;
            continue;
        }
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

void lower_program(Program *p) {
    prog = p;
    int nfuncs = prog->funcs.len; /* helpers appended below need none */
    for (int i = 0; i < nfuncs; i++) desugar(((Func *)prog->funcs.data[i])->def->b, false);
    desugar(prog->module, false);
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
        if (fn->is_async || fn->is_gen) place_vars(fn);
        /* inline children: direct awaits of non-recursive async defs */
        for (int k = 0; k < fn->awaits.len; k++) {
            Node *c = ((Node *)fn->awaits.data[k])->a;
            if (c && c->kind == N_CALL && c->builtin == B_CORO_CALL && c->fn && !c->fn->recursive) {   /* bare yield: none */
                bool have = false;
                for (int j = 0; j < fn->children.len; j++) have |= fn->children.data[j] == c->fn;
                if (!have) vec_push(&fn->children, c->fn);
            }
        }
    }
}

/* ---- frame layout ----------------------------------------------------- */

/* Sizes and alignments as an LP64 C compiler lays the frame struct out
 * (tests/test_gdb.sh compares with sizeof). */
int type_size(const Type *t) {
    if (t->tag) return 16; /* ac_tag: descriptor, value */
    return t->kind == TY_BOOL || t->kind == TY_NONE ? 4 : 8; /* int; int64_t, double, pointers */
}

static int ctype_size(const char *ct) {
    if (!strcmp(ct, "int")) return 4;
    if (!strcmp(ct, "ac_tag")) return 16;
    if (!strcmp(ct, "uint8_t")) return 1;
    if (!strcmp(ct, "uint16_t")) return 2;
    if (!strcmp(ct, "uint32_t")) return 4;
    return 8;
}

static int lay(int off, int size) {
    int al = size >= 8 ? 8 : size;
    return (off + al - 1) / al * al + size;
}

static FrameSlot *new_slot(const char *ctype, const char *name, int size) {
    FrameSlot *s = xcalloc(1, sizeof *s);
    s->ctype = ctype;
    s->name = name;
    s->size = size;
    return s;
}

void frame_temp(Func *fn, const char *ctype, const char *name) {
    vec_push(&fn->frame_temps, new_slot(ctype, name, ctype_size(ctype)));
}

void frame_await(Func *fn, const char *ctype, const char *name, int size) {
    vec_push(&fn->frame_awaits, new_slot(ctype, name, size));
}

/* The states run 0 .. awaits + 1 (finished): the smallest type that holds them. */
const char *frame_state_type(const Func *fn) {
    return fn->awaits.len < 255 ? "uint8_t" : fn->awaits.len < 65535 ? "uint16_t" : "uint32_t";
}

/* The struct's members in order: ret, state, the locals with their own
 * field, the shared scalar slots, the temporaries, the await union. */
void frame_finish(Func *fn) {
    int size = lay(8, ctype_size(frame_state_type(fn)));
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (v->in_frame && (v->slot < 0 || ty_is_obj(v->ty))) size = lay(size, type_size(v->ty));
    }
    for (int s = 0; s < fn->nslots; s++) size = lay(size, type_size(fn->slot_ty[s]));
    for (int i = 0; i < fn->frame_temps.len; i++) size = lay(size, ((FrameSlot *)fn->frame_temps.data[i])->size);
    int sub = 0;
    for (int i = 0; i < fn->frame_awaits.len; i++) {
        int k = ((FrameSlot *)fn->frame_awaits.data[i])->size;
        if (k > sub) sub = k;
    }
    if (sub) size = (size + 7) / 8 * 8 + sub;
    fn->frame_size = (size + 7) / 8 * 8;
}
