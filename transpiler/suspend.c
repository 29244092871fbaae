/*
 * suspend.c -- the builtins spelling's suspending plain functions.
 *
 * In Edge Python a plain `def` that calls sleep(), receive(), frame(), a
 * deferred host call -- or another def that does -- suspends its whole
 * call chain, and its caller cannot tell; gather() and with_timeout()
 * return their result without `await`; the module body may suspend too.
 * This pass makes that explicit before the checker runs, so the rest of
 * the compiler only ever sees ordinary coroutines:
 *
 *   - a plain def that may transitively suspend becomes an `async def`
 *     (found by a fixed point over calls by name); the others stay plain
 *     C functions;
 *   - each call that suspends gets the `await` the programmer left out;
 *   - a module body that suspends becomes `async def <module>()`, whose
 *     assignments are module globals, run as `run(<module>())`.
 *
 * A call that is an argument of gather/run/with_timeout/cancel stays a
 * coroutine: those take coroutines.  Only the builtins spelling does this;
 * with `import asyncio` or `import tinyio` a missing await stays an error.
 * Methods are left alone (a call through an object cannot be resolved by
 * name here).
 */
#include "compiler.h"

#include <string.h>

/* the builtins that suspend their caller */
static const char *const suspending_builtins[] = {"sleep", "receive", "frame", "gather", "with_timeout"};
/* ... and those whose arguments are coroutines, not values */
static const char *const coroutine_takers[] = {"gather", "run", "with_timeout", "cancel"};

static Map defs;      /* name -> Vec* of the N_FUNCDEFs of that name */
static Map shadowed;  /* builtin names the program binds itself */
static Map suspends;  /* name -> non-NULL: a def of that name suspends */

static bool in_list(const char *s, const char *const *names, int n) {
    for (int i = 0; i < n; i++)
        if (!strcmp(s, names[i])) return true;
    return false;
}

static const char *callee_name(const Node *call) {
    return call->kind == N_CALL && call->a && call->a->kind == N_NAME ? call->a->sval : NULL;
}

static bool takes_coroutines(const Node *call) {
    const char *name = callee_name(call);
    return name && !map_get(&shadowed, name) && in_list(name, coroutine_takers, 4);
}

/* a call whose result is only there once its callee has suspended */
static bool suspending_call(const Node *n) {
    const char *name = callee_name(n);
    if (!name) return false;
    if (map_get(&suspends, name)) return true;
    return !map_get(&shadowed, name) && !map_get(&defs, name) && in_list(name, suspending_builtins, 5);
}

/* ---- the program's defs ------------------------------------------------- */

static void each_child(Node *n, void (*f)(Node *, void *), void *arg) {
    Node *kids[] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++)
        if (kids[i]) f(kids[i], arg);
    for (int i = 0; i < n->list.len; i++)
        if (n->list.data[i]) f(n->list.data[i], arg);
    for (int i = 0; i < n->list2.len; i++)
        if (n->list2.data[i]) f(n->list2.data[i], arg);
}

static void find_defs(Node *n, void *unused) {
    if (n->kind == N_CLASSDEF) return; /* methods are not resolved by name */
    if (n->kind == N_FUNCDEF && n->fn) {
        Vec *v = map_get(&defs, n->fn->name);
        if (!v) map_put(&defs, n->fn->name, v = xcalloc(1, sizeof *v));
        vec_push(v, n);
    }
    if (n->kind == N_ASSIGN && n->a && n->a->kind == N_NAME) map_put(&shadowed, n->a->sval, n);
    if (n->kind == N_LAMBDA) return;
    each_child(n, find_defs, unused);
}

static void find_imports(Node *n, void *found) {
    if (n->kind == N_IMPORT)
        for (int i = 0; i < n->list.len; i++) {
            const char *m = n->sval ? n->sval : ((Node *)n->list.data[i])->sval;
            if (!strcmp(m, "asyncio") || !strcmp(m, "tinyio")) *(bool *)found = true;
        }
    if (n->kind != N_LAMBDA) each_child(n, find_imports, found);
}

/* ---- which calls suspend ------------------------------------------------ */

typedef struct Scan {
    bool found;   /* a suspending call outside any argument slot */
    bool rewrite; /* ... and give it its await */
} Scan;

static void scan(Node *n, Scan *s, bool slot);

static void scan_child(Node *n, void *s) { scan(n, s, false); }

/* the arguments of gather(...) and friends, and the items of a list,
 * tuple or comprehension spread into them: coroutines stay coroutines */
static void scan_slot(Node *n, void *s) {
    if (n->kind == N_STARRED || n->kind == N_LIST || n->kind == N_TUPLE || n->kind == N_LISTCOMP) {
        each_child(n, scan_slot, s);
        return;
    }
    scan(n, s, true);
}

static Node *awaited(Node *call) {
    Node *copy = xcalloc(1, sizeof *copy);
    *copy = *call;
    memset(call, 0, sizeof *call);
    call->kind = N_AWAIT;
    call->loc = copy->loc;
    call->a = copy;
    return copy;
}

static void scan(Node *n, Scan *s, bool slot) {
    if (n->kind == N_FUNCDEF || n->kind == N_CLASSDEF || n->kind == N_LAMBDA) return;
    if (n->kind == N_AWAIT) {
        if (n->a) each_child(n->a, takes_coroutines(n->a) ? scan_slot : scan_child, s);
        return;
    }
    if (n->kind == N_CALL && takes_coroutines(n)) {
        /* the callee expression, then the coroutine arguments */
        scan(n->a, s, false);
        for (int i = 0; i < n->list.len; i++) scan_slot(n->list.data[i], s);
        for (int i = 0; i < n->list2.len; i++) scan_child(n->list2.data[i], s);
        if (!slot && suspending_call(n)) {
            s->found = true;
            if (s->rewrite) awaited(n);
        }
        return;
    }
    each_child(n, scan_child, s);
    if (!slot && suspending_call(n)) {
        s->found = true;
        if (s->rewrite) awaited(n);
    }
}

static bool body_suspends(Node *body) {
    Scan s = {false, false};
    scan(body, &s, false);
    return s.found;
}

static void has_yield(Node *n, void *found) {
    if (n->kind == N_YIELD) *(bool *)found = true;
    if (n->kind != N_FUNCDEF && n->kind != N_CLASSDEF && n->kind != N_LAMBDA) each_child(n, has_yield, found);
}

/* a plain def that may become a coroutine: not a generator, not wrapped
 * by decorators (their result is a function value), not a host function */
static bool may_suspend(Func *fn) {
    if (fn->is_async || fn->host || fn->def->list.len || fn->is_lambda) return false;
    bool yields = false;
    has_yield(fn->def->b, &yields);
    return !yields;
}

/* Every def whose body calls something that suspends, to a fixed point. */
static void find_suspending(void) {
    for (bool changed = true; changed;) {
        changed = false;
        for (int i = 0; i < defs.cap; i++) {
            if (!defs.keys[i]) continue;
            Vec *v = defs.vals[i];
            for (int k = 0; k < v->len; k++) {
                Func *fn = ((Node *)v->data[k])->fn;
                if (fn->host == HOST_DEFERRED && !map_get(&suspends, fn->name)) {
                    map_put(&suspends, fn->name, fn);
                    changed = true;
                }
                if (map_get(&suspends, fn->name) || !may_suspend(fn) || !body_suspends(fn->def->b)) continue;
                map_put(&suspends, fn->name, fn);
                changed = true;
            }
        }
    }
}

/* ---- the module body as a coroutine ------------------------------------ */

static void add_name(Vec *names, const char *name) {
    for (int i = 0; i < names->len; i++)
        if (!strcmp(names->data[i], name)) return;
    vec_push(names, (void *)name);
}

static void target_names(Node *t, Vec *names) {
    if (!t) return;
    if (t->kind == N_NAME) add_name(names, t->sval);
    if (t->kind == N_TUPLE || t->kind == N_LIST)
        for (int i = 0; i < t->list.len; i++) target_names(t->list.data[i], names);
    if (t->kind == N_STARRED) target_names(t->a, names);
}

/* names a statement binds in the scope it stands in */
static void bound_names(Node *s, void *names) {
    switch (s->kind) {
    case N_FUNCDEF: add_name(names, s->fn->name); return;
    case N_CLASSDEF:
    case N_LAMBDA:
    case N_LISTCOMP:
    case N_DICTCOMP:
    case N_SETCOMP: return;
    case N_ASSIGN:
    case N_AUGASSIGN:
    case N_FOR: target_names(s->a, names); break;
    case N_EXCEPT:
        if (s->sval) add_name(names, s->sval);
        break;
    default: break;
    }
    each_child(s, bound_names, names);
}

/* run(c1, c2, ...) inside the module's coroutine: await c1 alone, or the
 * first of gather(c1, c2, ...) (they run concurrently, c1's result) */
static void inner_run(Node *n, void *unused) {
    if (n->kind == N_FUNCDEF || n->kind == N_CLASSDEF || n->kind == N_LAMBDA) return;
    each_child(n, inner_run, unused);
    if (!callee_name(n) || strcmp(callee_name(n), "run") || map_get(&shadowed, "run") || n->list2.len) return;
    if (n->list.len == 1) {
        Node *c = n->list.data[0];
        *n = (Node){.kind = N_AWAIT, .loc = n->loc, .a = c};
        return;
    }
    Node *call = awaited(n); /* n is now the await */
    call->a = ast_name("gather", call->a->loc);
    Node *await = ast_node(N_AWAIT, n->loc);
    *await = *n;
    Node *zero = ast_node(N_INT, n->loc);
    *n = (Node){.kind = N_INDEX, .loc = await->loc, .a = await, .b = zero};
}

static void module_coroutine(Program *prog, Scan *rewrite) {
    Node *module = prog->module;
    Loc at = {1, 1};
    Node *body = ast_node(N_BLOCK, at);
    Node *global = ast_node(N_GLOBAL, at);
    vec_push(&body->list, global);
    Vec kept = {0}, names = {0};
    for (int i = 0; i < module->list.len; i++) {
        Node *s = module->list.data[i];
        if (!s) continue;
        if (s->kind == N_FUNCDEF || s->kind == N_CLASSDEF || s->kind == N_IMPORT) {
            vec_push(&kept, s);
            continue;
        }
        if (s->kind == N_GLOBAL) continue;
        if (!body->list.len || body->list.len == 1) at = s->loc;
        bound_names(s, &names);
        vec_push(&body->list, s);
    }
    for (int i = 0; i < names.len; i++) vec_push(&global->list, ast_name(names.data[i], at));
    if (!names.len) body->list.data[0] = ast_node(N_PASS, at);
    inner_run(body, NULL);
    scan(body, rewrite, false);

    Node *def = ast_node(N_FUNCDEF, at);
    Func *fn = xcalloc(1, sizeof *fn);
    def->fn = fn;
    fn->def = def;
    fn->name = "__module__";
    fn->is_async = true;
    fn->implicit = true;
    def->b = body;
    vec_push(&kept, def);

    /* line 0: no traceback entry of its own; the coroutine's frames are
     * the module's */
    Loc none = {0, 0};
    Node *run = ast_node(N_CALL, none);
    run->a = ast_name("run", none);
    Node *call = ast_node(N_CALL, none);
    call->a = ast_name(fn->name, none);
    vec_push(&run->list, call);
    Node *stmt = ast_node(N_EXPR, none);
    stmt->a = run;
    vec_push(&kept, stmt);
    module->list = kept;
}

/* ---- the pass ------------------------------------------------------------- */

void suspend_program(Program *prog) {
    defs = shadowed = suspends = (Map){0};
    bool other_spelling = false;
    find_imports(prog->module, &other_spelling);
    if (other_spelling) return;
    find_defs(prog->module, NULL);
    find_suspending();

    Scan rewrite = {false, true};
    for (int i = 0; i < defs.cap; i++) {
        if (!defs.keys[i]) continue;
        Vec *v = defs.vals[i];
        for (int k = 0; k < v->len; k++) {
            Func *fn = ((Node *)v->data[k])->fn;
            if (!fn->is_async && !(map_get(&suspends, fn->name) && may_suspend(fn))) continue;
            if (!fn->is_async) fn->is_async = fn->implicit = true;
            scan(fn->def->b, &rewrite, false);
        }
    }
    Scan top = {false, false};
    for (int i = 0; i < prog->module->list.len; i++)
        if (prog->module->list.data[i]) scan(prog->module->list.data[i], &top, false);
    if (top.found) module_coroutine(prog, &rewrite);
}
