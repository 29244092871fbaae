/* emit_program.c -- the whole C file and the host header: the module's
 * exported names, its top-level statements, the host interface, the
 * template that puts the parts together. */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

/* The module's name as Python sees it (__name__ when imported): the file
 * name without directory and extension. */
static char *module_name(Program *p) {
    const char *path = p->src->path;
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot ? xstrndup(base, (size_t)(dot - base)) : xstrdup(base);
}

/* A name as a C identifier, for the symbols a module exports
 * (asyncc_<module>_init ...), so several modules link into one host: every
 * byte that cannot be part of an identifier (dash, space, dot, quote, any
 * byte of a non-ASCII character) becomes '_', and a leading digit gets a
 * '_' in front.  Distinct files may map to the same identifier
 * ("a-b.py", "a_b.py"); the linker then reports the clash. */
static char *c_ident(const char *name) {
    Buf b = {0};
    if (!*name || (*name >= '0' && *name <= '9')) buf_puts(&b, "_");
    for (const char *q = name; *q; q++) {
        char c = *q;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
        buf_putn(&b, ok ? q : "_", 1);
    }
    return buf_take(&b);
}

static char *module_cid(Program *p) { return c_ident(module_name(p)); }

/* asyncc_<module>_<what>: the exported names of this module */
static char *export_name(Program *p, const char *what) { return format("asyncc_%s_%s", module_cid(p), what); }

/* asyncc_<module>_new_<function>: the constructor the host calls */
static char *constructor_name(Program *p, Func *fn) {
    const char *suffix = fn->redef ? format("_def%d", fn->redef + 1) : "";
    return format("asyncc_%s_new_%s%s", module_cid(p), c_ident(fn->spname ? fn->spname : fn->name), suffix);
}

/* __name__ of the imported module: a static, immortal str */
static char *module_name_lit(Program *p) {
    char *name = module_name(p);
    Buf b = {0};
    buf_printf(&b, "static ac_str asyncc_module_stem = {{AC_IMMORTAL, AC_K_STR}, %zu, %lld, \"", strlen(name),
               (long long)utf8_len(name, strlen(name)));
    c_escape(&b, name, strlen(name));
    buf_puts(&b, "\"};");
    return buf_take(&b);
}

static void emit_module(Program *p) {
    static Ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    C = &ctx;
    py_line = tb_line = 0;
    ctx.indent = 1;
    stmt_list(&p->module->list);
    Buf fnbuf = {0};
    Buf *out = &fnbuf;
    buf_printf(out, "\n/* the module's top-level statements */\nstatic void module_body(void) {\n");
    if (ctx.decls.data) buf_puts(out, ctx.decls.data);
    buf_puts(out, ctx.body.data ? ctx.body.data : "");
    buf_printf(out, "@@CLINE@@\n");
    buf_printf(out, "    goto L_return;\n%sL_fail:\n%sL_return:\n    return;\n}\n",
               ctx.chains.data ? ctx.chains.data : "", tb_exit(NULL, ""));
    buf_printf(out, "\n/* release the module's globals */\nvoid %s(void) {\n", export_name(p, "exit"));
    for (int i = 0; i < p->globals.len; i++) {
        Var *v = p->globals.data[i];
        if (is_obj(v->ty)) buf_printf(out, "    ac_decref(%s); %s = NULL;\n", v->cname, v->cname);
    }
    buf_printf(out, "}\n");
    buf_puts(&out_funcs, drop_unused_labels(buf_take(out)));
}

/* Emit the functions so that every inline child's frame struct is defined
 * before its parent's (children first, by depth-first order). */
static void emit_in_order(Func *fn, bool *started) {
    int i = func_index(fn);
    if (started[i]) return;
    started[i] = true;
    if (fn->host) return; /* the host provides it */
    for (int k = 0; k < fn->children.len; k++) emit_in_order(fn->children.data[k], started);
    emit_function(fn);
}

static char *c_params(Func *fn, bool names) {
    Buf b = {0};
    for (int i = 0; i < fn->nparams; i++) {
        Var *v = fn->params[i].var;
        const char *ct = c_type(v->ty);
        buf_printf(&b, "%s%s%s%s", i ? ", " : "", ct, names && ct[strlen(ct) - 1] != '*' ? " " : "",
                   names ? safe_name(v->name) : "");
    }
    return b.data;
}

/* What the host sees: the host functions it must provide, a constructor
 * per async def, and the module's initialiser. */
static char *host_interface(Program *p, bool for_header) {
    Buf b = {0};
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        char *ps = c_params(fn, true);
        if (fn->host == HOST_CALL) {
            const char *rt = fn->ret == ty_none ? "void" : c_type(fn->ret);
            buf_printf(&b, "/* @asyncc.host def %s (line %d); raise with ac_raise_msg */\n%s%s%s(%s);\n", fn->name,
                       fn->def->loc.line, rt, rt[strlen(rt) - 1] == '*' ? "" : " ", fn->cname, ps ? ps : "void");
        } else if (fn->host == HOST_DEFERRED) {
            buf_printf(&b,
                       "/* @asyncc.deferred async def %s (line %d): complete `id` later with\n"
                       " * asyncc_call_return / asyncc_call_raise (result type %s) */\nvoid %s(ac_call_id id%s%s);\n",
                       fn->name, fn->def->loc.line, ty_name(fn->ret), fn->cname, ps ? ", " : "", ps ? ps : "");
        } else if (fn->is_async && !fn->is_gen && !fn->helper && !fn->self && for_header) {
            buf_printf(&b,
                       "/* async def %s (line %d): a new coroutine (pass it to asyncc_spawn) */\nac_task *%s(%s);\n",
                       fn->name, fn->def->loc.line, constructor_name(p, fn), ps ? ps : "void");
        }
    }
    if (for_header) {
        buf_printf(&b,
                   "/* run the module's top-level statements (with __name__ set to \"%s\") */\n"
                   "void %s(void);\n"
                   "/* release the module's globals */\nvoid %s(void);\n"
                   "/* every async def of the module, NULL-terminated */\n"
                   "extern const ac_coro_vt *const %s[];\n",
                   module_name(p), export_name(p, "init"), export_name(p, "exit"), export_name(p, "coroutines"));
    }
    return b.data ? b.data : "";
}

static void emit_constructors(Program *p, Buf *out) {
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        if (!fn->is_async || fn->is_gen || fn->host || fn->helper || fn->self) continue; /* a closure needs its cells */
        char *ps = c_params(fn, true);
        buf_printf(out, "\nac_task *%s(%s) {\n    ac_task *coro_ = ac_coro_new(&%s_vt);\n", constructor_name(p, fn),
                   ps ? ps : "void", fn->cname);
        if (fn->nparams)
            buf_printf(out, "    struct %s_frame *f = AC_TASK_FRAME(coro_, struct %s_frame);\n", fn->cname, fn->cname);
        for (int k = 0; k < fn->nparams; k++) {
            Var *v = fn->params[k].var;
            if (is_obj(v->ty)) buf_printf(out, "    ac_incref(%s);\n", safe_name(v->name));
            buf_printf(out, "    f->%s = %s;\n", safe_name(v->name), safe_name(v->name));
        }
        buf_printf(out, "    return coro_;\n}\n");
    }
}

char *emit_header(Program *p, const char *h_path) {
    (void)h_path;
    Buf b = {0};
    char *guard = format("ASYNCC_%s_H", module_cid(p));
    for (char *q = guard; *q; q++)
        *q = (*q >= 'a' && *q <= 'z') ? (char)(*q - 32)
                                      : (((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')) ? *q : '_');
    buf_printf(&b,
               "/* Generated by asyncc %s from %s -- the host interface. */\n#ifndef %s\n#define %s\n\n#include "
               "\"asyncc.h\"\n\n"
               "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n%s\n#ifdef __cplusplus\n}\n#endif\n#endif\n",
               ASYNCC_VERSION, c_path_comment(p->src->path), guard, guard, host_interface(p, true));
    return buf_take(&b);
}

/* String literals that the code refers to (some are made while building
 * an expression that turns out not to need them). */
static char *used_strings(const char *code) {
    return used_decls(code, "(&S", strings.data, "static ac_str S", nstrings);
}

/* A part of the C file under its banner; nothing when it is empty. */
static char *section(const char *title, const char *body) {
    if (!body || !*body) return "";
    Buf b = {0};
    buf_printf(&b, "\n/* ---- %s ", title);
    while (b.len < 77) buf_puts(&b, "-");
    buf_printf(&b, " */\n%s", body);
    return buf_take(&b);
}

char *emit_program(Program *p, const char *c_path) {
    prog = p;
    py_path = p->src->path;
    line_markers = c_path != NULL;
    strings = (Buf){0};
    nstrings = 0;
    string_vals = (Vec){0};
    out_protos = out_frames = out_funcs = (Buf){0};
    drop_of = xcalloc((size_t)p->funcs.len + 1, sizeof(int));
    tb_reset();
    emit_closure_begin();
    int errors_before = diag_errors;
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        if (fn->name[0] == '<' && !fn->origin) continue; /* <genexpr>: named by the checker (not <lambda>) */
        const char *base = fn->spname ? fn->spname : fn->name; /* a specialisation's name */
        fn->cname = fn->host ? format("host_%s", base) : fn->is_async ? xstrdup(base) : format("py_%s", base);
        if (fn->redef) fn->cname = format("%s_def%d", fn->cname, fn->redef + 1); /* a def of a name defined before */
    }
    for (int i = 0; i < p->globals.len; i++) {
        Var *v = p->globals.data[i];
        v->cname = format("g_%s", v->cbase ? v->cbase : v->name);
    }
    bool *started = xcalloc((size_t)p->funcs.len + 1, sizeof(bool));
    for (int i = 0; i < p->funcs.len; i++) emit_in_order(p->funcs.data[i], started);
    emit_module(p);
    if (diag_errors > errors_before) return NULL;

    Buf classes = {0};
    for (int i = 0; i < p->classes.len; i++) {
        Class *c = p->classes.data[i];
        if (c->plain) /* emit_class.c: defined after the functions it names */
            buf_printf(&classes, "static const ac_uclass %s;\n", c->cname);
        else
            buf_printf(&classes, "static const ac_class %s = {\"%s\", &%s};\n", c->cname, c->name, c->base->cname);
    }
    emit_class_infos(&out_funcs);
    Buf globals = {0};
    for (int i = 0; i < p->globals.len; i++) {
        Var *v = p->globals.data[i];
        const char *ct = c_type(v->ty);
        buf_printf(&globals, "static %s%s%s;\n", ct, ct[strlen(ct) - 1] == '*' ? "" : " ", v->cname);
    }
    Buf coros = {0}, keep = {0};
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        if (fn->host) continue;
        if (fn->is_async && fn->self)
            continue;
        if (fn->is_async && !fn->is_gen)
            buf_printf(&coros, "    &%s_vt,\n", fn->cname);
        else if (fn->is_gen)
            buf_printf(&keep, "    (void)%s_vt;   /* Python allows unused functions */\n", fn->cname);
        else
            buf_printf(&keep, "    (void)%s;   /* Python allows unused functions */\n", fn->cname);
    }
    for (int i = 0; i < p->classes.len; i++)
        buf_printf(&keep, "    (void)&%s;\n", ((Class *)p->classes.data[i])->cname);
    emit_constructors(p, &out_funcs);
    Buf descs = {0};
    emit_descriptors(&descs);

    TplVar vars[] = {
        {"source", c_path_comment(py_path)},
        {"version", ASYNCC_VERSION},
        {"types", section("type descriptors", descs.data)},
        {"strings", section("string literals", used_strings(out_funcs.data ? out_funcs.data : ""))},
        {"tracebacks",
         section("where errors leave a line (traceback records)", tb_section(out_funcs.data ? out_funcs.data : ""))},
        {"classes", section("exception classes", classes.data)},
        {"globals", section("module globals", globals.data)},
        {"frames", section("coroutine frames", out_frames.data)},
        {"prototypes", section("prototypes", out_protos.data)},
        {"functions", out_funcs.data ? out_funcs.data : ""},
        {"coroutines", coros.data ? coros.data : ""},
        {"host", section("host functions (provided by the embedding program)", host_interface(p, false))},
        {"module_name", module_name_lit(p)},
        {"init", export_name(p, "init")},
        {"exit", export_name(p, "exit")},
        {"coroutines_table", export_name(p, "coroutines")},
        {"keep", keep.data ? keep.data : ""},
    };
    char *err;
    const char *tpl = tpl_get("program.c.in");
    if (!tpl) {
        fprintf(stderr, "asyncc: internal error: template program.c.in is missing\n");
        return NULL;
    }
    char *text = tpl_render(tpl, vars, (int)(sizeof vars / sizeof *vars), &err);
    if (!text) {
        fprintf(stderr, "asyncc: internal error: %s\n", err);
        return NULL;
    }
    /* scaffolding after user code points back at the .c file */
    Buf fin = {0};
    int line = 1;
    for (char *s = text; *s;) {
        char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        if (!strncmp(s, "@@CLINE@@", 9)) {
            if (line_markers)
                buf_printf(&fin, "#line %d \"%s\"\n", line + 1, c_path_lit(c_path));
            else {
                s += n;
                continue;
            }
        } else {
            buf_putn(&fin, s, n);
        }
        line++;
        s += n;
    }
    return buf_take(&fin);
}

void print_frame_sizes(Program *p, FILE *out) {
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        if (!fn->is_async && !fn->is_gen) continue;
        bool spec = fn->spname && strcmp(fn->spname, fn->name); /* one of several specialisations */
        fprintf(out, "%s:%d: %s %s%s%s: frame %d bytes%s\n", p->src->path, fn->def->loc.line,
                fn->is_gen ? (fn->is_async ? "async def (async generator)" : "def (generator)") : "async def", fn->name, spec ? " as " : "", spec ? fn->spname : "",
                fn->frame_size, fn->recursive ? " (recursive: awaited frames come from the heap)" : "");
    }
}
