/* emit_func.c -- functions: C names of locals, a def as a C function, an
 * async def as its frame struct, resume function, drop and vtable. */
#include "emit.h"

#include <string.h>

/* ---- functions --------------------------------------------------------------------- */

static void release_locals(Buf *out, Func *fn, const char *indent) {
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!is_obj(v->ty)) continue;
        buf_printf(out, "%sac_decref(%s); %s = NULL;\n", indent, var_ref(v), var_ref(v));
    }
}

static const char *c_keywords[] = {
    "auto",     "break",  "case",     "char",   "const",  "continue", "default", "do",     "double",  "else",
    "enum",     "extern", "float",    "for",    "goto",   "if",       "inline",  "int",    "long",    "register",
    "restrict", "return", "short",    "signed", "sizeof", "static",   "struct",  "switch", "typedef", "union",
    "unsigned", "void",   "volatile", "while",  "st",     "f",        "rv",      "main",   "errno",   "stdin",
    "stdout",   "stderr", "NULL",     "bool",   "true",   "false",    NULL};

char *safe_name(const char *n) {
    for (int i = 0; c_keywords[i]; i++)
        if (!strcmp(c_keywords[i], n)) return format("%s_", n);
    if (!strncmp(n, "tmp", 3) || !strncmp(n, "ac_", 3) || !strncmp(n, "why", 3) || !strncmp(n, "exc", 3) ||
        !strncmp(n, "fexc", 4) || !strncmp(n, "kids", 4) || !strncmp(n, "runres", 6) || !strncmp(n, "sub", 3) ||
        !strncmp(n, "ret", 3) || !strncmp(n, "state", 5) || !strncmp(n, "AC_", 3))
        return format("%s_", n);
    return xstrdup(n);
}

static int slot_users(Func *fn, int slot) {
    int k = 0;
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        k += v->in_frame && v->slot == slot && !is_obj(v->ty);
    }
    return k;
}

static void name_vars(Func *fn, bool async) {
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        char *n = safe_name(v->cbase ? v->cbase : v->name);
        if (async && v->in_frame) {
            if (v->slot >= 0 && !is_obj(v->ty))
                v->cname = slot_users(fn, v->slot) > 1 ? format("f->s%d.%s", v->slot, n) : format("f->%s", n);
            else
                v->cname = format("f->%s", n);
        } else {
            v->cname = n;
        }
    }
}

int func_index(Func *fn) {
    for (int i = 0; i < prog->funcs.len; i++)
        if (prog->funcs.data[i] == fn) return i;
    return 0;
}

/* Labels nobody jumps to would trip -Wunused-label: leave them out.  The
 * goto targets are collected once into a hash set. */
static uint64_t hash_name(const char *s, size_t n) {
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

char *drop_unused_labels(char *text) {
    size_t cap = 1024;
    for (const char *p = text; (p = strstr(p, "goto ")); p += 5) cap += 2;
    uint64_t *set = xcalloc(cap, sizeof(uint64_t));
    for (const char *p = text; (p = strstr(p, "goto ")); p += 5) {
        const char *q = p + 5;
        size_t n = strcspn(q, "; )");
        uint64_t h = hash_name(q, n) | 1;
        size_t i = h % cap;
        while (set[i] && set[i] != h) i = (i + 1) % cap;
        set[i] = h;
    }
    Buf out = {0};
    for (char *s = text; *s;) {
        char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        /* a label line looks like "name:;" or "name:" at column 0 */
        size_t id = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_0123456789");
        bool label = id > 0 && s[id] == ':' && (s[id + 1] == ';' || s[id + 1] == '\n') && strncmp(s, "default", 7) != 0;
        if (label) {
            uint64_t h = hash_name(s, id) | 1;
            size_t i = h % cap;
            while (set[i] && set[i] != h) i = (i + 1) % cap;
            if (!set[i]) {
                s += n;
                continue;
            }
        }
        buf_putn(&out, s, n);
        s += n;
    }
    return buf_take(&out);
}

/* Does the body already end by jumping to the epilogue? */
static bool ends_with_return(const char *body) {
    const char *tail = "goto L_return;\n";
    size_t n = body ? strlen(body) : 0, t = strlen(tail);
    return n >= t && !strcmp(body + n - t, tail);
}

/* The drop function: what an unfinished frame holds at each await, its
 * object locals and the exceptions its handlers hold.  NULL when that is
 * nothing and no caller names it. */
static char *emit_drop(Func *fn, Ctx *ctx) {
    Buf cases = {0}, rest = {0};
    for (int k = 1; k <= ctx->states.len; k++) {
        StateInfo *si = ctx->states.data[k - 1];
        if (!si->held.len && !si->child_drop) continue;
        buf_printf(&cases, "    case %d:", k);
        if (si->child_drop) buf_printf(&cases, " %s;", si->child_drop);
        for (int i = 0; i < si->held.len; i++) buf_printf(&cases, " ac_decref(%s);", ((Held *)si->held.data[i])->name);
        buf_printf(&cases, " break;\n");
    }
    release_locals(&rest, fn, "    ");
    for (int i = 0; i < frame_exc_slots.len; i++)
        buf_printf(&rest, "    ac_decref(%s);\n", (char *)frame_exc_slots.data[i]);
    int *d = &drop_of[func_index(fn)];
    if (!cases.len && !rest.len && *d != DROP_NAMED) {
        *d = DROP_NONE;
        return NULL;
    }
    *d = DROP_YES;
    Buf b = {0};
    buf_printf(&b, "\n/* release what an unfinished %s frame holds */\nstatic void %s_drop(void *frame) {\n", fn->name,
               fn->cname);
    if (!cases.len && !rest.len) {
        buf_puts(&b, "    (void)frame;\n}\n");
        return buf_take(&b);
    }
    buf_printf(&b, "    struct %s_frame *f = frame;\n", fn->cname);
    if (cases.len) buf_printf(&b, "    switch (f->state) {\n%s    default: break;\n    }\n", cases.data);
    if (rest.len) buf_puts(&b, rest.data);
    buf_puts(&b, "}\n");
    return buf_take(&b);
}

static void print_slot(Buf *b, const FrameSlot *s, const char *indent) {
    buf_printf(b, "%s%s%s%s;\n", indent, s->ctype, s->ctype[strlen(s->ctype) - 1] == '*' ? "" : " ", s->name);
}

/* "int64_t x", "ac_str *s": a declaration of name with C type ct */
static char *c_decl(const char *ct, const char *name) {
    return format("%s%s%s", ct, ct[strlen(ct) - 1] == '*' ? "" : " ", name);
}

/* The epilogue both kinds of function share: L_fail and L_return release
 * the object locals, then `fail` or `done` returns. */
static void epilogue(Buf *out, Func *fn, const char *body, const char *fail, const char *done) {
    buf_puts(out, body ? body : "");
    buf_printf(out, "@@CLINE@@\n");
    buf_printf(out, "%s%sL_fail:\n", ends_with_return(body) ? "" : "    goto L_return;\n",
               C->chains.data ? C->chains.data : "");
    release_locals(out, fn, "    ");
    buf_printf(out, "%sL_return:\n", fail);
    release_locals(out, fn, "    ");
    buf_printf(out, "%s}\n", done);
}

/* A plain def: a C function over C locals. */
static void emit_sync_function(Func *fn, Ctx *ctx) {
    Buf out = {0};
    const char *rt = fn->ret == ty_none ? "void" : c_type(fn->ret);
    Buf sig = {0};
    if (fn->self) buf_printf(&sig, "ac_fn *%s", var_ref(fn->self)); /* a closure: its cells */
    for (int i = 0; i < fn->nparams; i++) {
        Var *v = fn->params[i].var;
        buf_printf(&sig, "%s%s", sig.len ? ", " : "", c_decl(c_type(v->ty), var_ref(v)));
    }
    char *proto = format("static %s(%s)", c_decl(rt, fn->cname), sig.data ? sig.data : "void");
    buf_printf(&out_protos, "%s;\n", proto);
    buf_printf(&out, "\n/* def %s (line %d) */\n%s {\n", fn->name, fn->def->loc.line, proto);
    if (fn->ret != ty_none) buf_printf(&out, "    %s = %s;\n", c_decl(rt, "rv"), fn->ret->tag ? "ac_tag_none()" : "0");
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->is_param)
            buf_printf(&out, "    %s = %s;\n", c_decl(c_type(v->ty), var_ref(v)),
                       is_obj(v->ty) ? "NULL" : v->ty->tag ? "ac_tag_none()" : "0");
    }
    if (ctx->decls.data) buf_puts(&out, ctx->decls.data);
    /* Python allows unused names; C would warn about them (objects are
     * used: they are released at the end) */
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if ((!v->read || v->ty == ty_none) && !is_obj(v->ty)) buf_printf(&out, "    (void)%s;\n", var_ref(v));
    }
    /* parameters are owned like any local (the body may rebind them) */
    const char *zero = fn->ret == ty_none ? "" : is_obj(fn->ret) ? " NULL" : fn->ret->tag ? " ac_tag_none()" : " 0";
    /* before the parameters are owned: nothing to release yet */
    buf_printf(&out,
               "    if (AC_UNLIKELY(--ac_depth_left < 0)) { ac_recursion_fail(); return%s; }\n",
               zero);
    for (int i = 0; i < fn->nparams; i++)
        if (is_obj(fn->params[i].var->ty)) buf_printf(&out, "    ac_incref(%s);\n", var_ref(fn->params[i].var));
    if (fn->self) buf_printf(&out, "    ac_incref(%s);\n", var_ref(fn->self));
    epilogue(&out, fn, ctx->body.data, format("    ac_depth_left++;\n%s", tb_exit(fn, zero)),
             format("    ac_depth_left++;\n    return%s;\n", fn->ret == ty_none ? "" : " rv"));
    buf_puts(&out_funcs, drop_unused_labels(buf_take(&out)));
}

/* The frame struct, as lower.c laid it out.  Scalars that are never live
 * at the same time share one slot; a union keeps each one's name visible
 * (gdb: p f->s0.total). */
static void frame_struct(Func *fn) {
    Buf fr = {0};
    buf_printf(&fr, "\n/* %s %s (line %d): what lives across its awaits */\n", fn->is_gen && !fn->is_async ? "def" : "async def", fn->name, fn->def->loc.line);
    buf_printf(&fr, "struct %s_frame {\n    ac_val ret;\n    %s state;\n", fn->cname, frame_state_type(fn));
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (v->in_frame && (v->slot < 0 || is_obj(v->ty)))
            buf_printf(&fr, "    %s;\n", c_decl(c_type(v->ty), safe_name(v->cbase ? v->cbase : v->name)));
    }
    for (int s = 0; s < fn->nslots; s++) {
        bool shared = slot_users(fn, s) > 1;
        if (shared) buf_printf(&fr, "    union {\n");
        for (int i = 0; i < fn->locals.len; i++) {
            Var *v = fn->locals.data[i];
            if (v->in_frame && v->slot == s && !is_obj(v->ty))
                buf_printf(&fr, "%s    %s;\n", shared ? "    " : "",
                           c_decl(c_type(fn->slot_ty[s]), safe_name(v->cbase ? v->cbase : v->name)));
        }
        if (shared) buf_printf(&fr, "    } s%d;\n", s);
    }
    for (int i = 0; i < fn->frame_temps.len; i++) print_slot(&fr, fn->frame_temps.data[i], "    ");
    if (fn->frame_awaits.len) {
        buf_puts(&fr, "    union {   /* one member per await point */\n");
        for (int i = 0; i < fn->frame_awaits.len; i++) print_slot(&fr, fn->frame_awaits.data[i], "        ");
        buf_puts(&fr, "    } sub;\n");
    }
    buf_printf(&fr, "};\n");
    buf_puts(&out_frames, fr.data);
}

/* The jump to the await a frame stopped at. */
static void resume_dispatch(Buf *out, int nstates) {
    if (nstates == 0) {
        buf_printf(out, "    if (f->state != 0) return AC_DONE;\n");
    } else if (nstates == 1) {
        /* one await (a worker loop): test the resume first, it is the
         * common way in */
        buf_printf(out, "    if (AC_LIKELY(f->state == 1)) goto resume_1;\n"
                        "    if (f->state != 0) return AC_DONE;\n");
    } else {
        buf_printf(out, "    switch (f->state) {\n    case 0: break;\n");
        for (int k = 1; k <= nstates; k++) buf_printf(out, "    case %d: goto resume_%d;\n", k, k);
        buf_printf(out, "    default: return AC_DONE;\n    }\n");
    }
}

/* An async def: frame struct, resume function, drop, vtable. */
static void emit_async_function(Func *fn, Ctx *ctx) {
    int nstates = ctx->states.len;
    frame_finish(fn);
    frame_struct(fn);
    Buf out = {0};
    buf_printf(&out_protos, "static ac_status %s_resume(void *frame);\n", fn->cname);
    buf_printf(&out, "\n/* %s %s (line %d) */\nstatic ac_status %s_resume(void *frame) {\n",
               fn->is_gen && !fn->is_async ? "def" : "async def", fn->name, fn->def->loc.line, fn->cname);
    buf_printf(&out, "    struct %s_frame *f = frame;\n", fn->cname);
    if (ctx->uses_st) buf_printf(&out, "    ac_status st;\n");
    if (ctx->decls.data) buf_puts(&out, ctx->decls.data);
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->in_frame)
            buf_printf(&out, "    %s = %s;\n", c_decl(c_type(v->ty), var_ref(v)), v->ty->tag ? "ac_tag_none()" : "0");
    }
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->in_frame && (!v->read || v->ty == ty_none) && !is_obj(v->ty))
            buf_printf(&out, "    (void)%s;\n", var_ref(v));
    }
    resume_dispatch(&out, nstates);
    epilogue(&out, fn, ctx->body.data,
             format("    f->state = %d;\n%s", nstates + 1, fn->helper ? "    return AC_ERROR;\n" : tb_exit(fn, "")),
             format("    f->state = %d;\n    return AC_DONE;\n", nstates + 1));
    char *drop = emit_drop(fn, ctx);
    buf_printf(&out_protos, "static const ac_coro_vt %s_vt;\n", fn->cname);
    if (drop) {
        buf_printf(&out_protos, "static void %s_drop(void *frame);\n", fn->cname);
        buf_puts(&out, drop);
    }
    buf_printf(&out, "\nstatic const ac_coro_vt %s_vt = {%s_resume, %s, \"%s\", %s, sizeof(struct %s_frame), %s};\n",
               fn->cname, fn->cname, drop ? format("%s_drop", fn->cname) : "NULL", fn->name, desc(fn->ret), fn->cname,
               tb_def_site(fn));
    buf_puts(&out_funcs, drop_unused_labels(buf_take(&out)));
}

void emit_function(Func *fn) {
    static Ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    frame_exc_slots = (Vec){0};
    py_line = tb_line = 0;
    ctx.fn = fn;
    ctx.async = fn->is_async || fn->is_gen;   /* a generator is the same state machine */
    C = &ctx;
    fn->frame_temps = fn->frame_awaits = (Vec){0};
    name_vars(fn, ctx.async);
    ctx.indent = 1;
    closure_prologue(fn);
    stmt_list(&fn->def->b->list);
    if (ctx.async)
        emit_async_function(fn, &ctx);
    else
        emit_sync_function(fn, &ctx);
}
