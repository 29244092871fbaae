/* annotate.c -- `asyncc annotate prog.py`: one self-contained HTML page of
 * the source, the way `cython -a` shows where code falls back to Python
 * objects.  A line is marked when an expression on it has a boxed dynamic
 * type (`object`, or a container of objects); each line lists the inferred
 * types of the names on it, the joins that made values dynamic (as
 * -Wdynamic reports them) and, on an `async def` line, the frame size of
 * each specialisation. */
#include "compiler.h"

#include <string.h>

typedef struct LineInfo {
    bool dyn;
    Vec names; /* char*: "name: type", each once */
    Vec sigs;  /* char*: the specialisations of a def on this line, frame sizes */
    Vec notes; /* char*: the joins that made values objects here */
} LineInfo;

static LineInfo *lines;
static int nlines;

static bool has_object(const Type *t) {
    if (!t) return false;
    if (t->kind == TY_ANY) return !t->tag; /* a tagged union is unboxed */
    if (t->elem && has_object(t->elem)) return true;
    for (int i = 0; i < t->nelems; i++)
        if (has_object(t->elems[i])) return true;
    return false;
}

static void add_once(Vec *v, char *s) {
    for (int i = 0; i < v->len; i++)
        if (!strcmp(v->data[i], s)) return;
    vec_push(v, s);
}

static LineInfo *line_of(Loc loc) { return loc.line >= 1 && loc.line <= nlines ? &lines[loc.line - 1] : NULL; }

static void walk(Node *n);

static void walk_vec(Vec *v) {
    for (int i = 0; i < v->len; i++) walk(v->data[i]); /* a call's list has NULLs for defaults */
}

static void walk(Node *n) {
    if (!n) return;
    LineInfo *li = line_of(n->loc);
    if (li && n->kind != N_FUNCDEF && has_object(n->ty)) li->dyn = true;
    if (li && n->kind == N_NAME && n->var && n->var->ty) add_once(&li->names, format("%s: %s", n->sval, ty_name(n->var->ty)));
    if (n->kind == N_FUNCDEF) return; /* a def's body is checked per specialisation (Func.def) */
    walk(n->a);
    walk(n->b);
    walk(n->c);
    walk(n->d);
    walk_vec(&n->list);
    walk_vec(&n->list2);
}

static void walk_func(Func *fn) {
    LineInfo *li = line_of(fn->def->loc);
    if (li) {
        Buf sig = {0};
        buf_printf(&sig, "%s(", fn->spname ? fn->spname : fn->name);
        for (int j = 0; j < fn->nparams; j++) {
            Type *t = fn->params[j].var->ty;
            buf_printf(&sig, "%s%s: %s", j ? ", " : "", fn->params[j].var->name, ty_name(t));
            if (has_object(t)) li->dyn = true;
        }
        buf_printf(&sig, ") -> %s", ty_name(fn->ret));
        if (fn->is_async) buf_printf(&sig, ", frame %d bytes", fn->frame_size);
        add_once(&li->sigs, buf_take(&sig));
    }
    walk(fn->def->b);
}

static void put_escaped(Buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '<')
            buf_puts(b, "&lt;");
        else if (c == '>')
            buf_puts(b, "&gt;");
        else if (c == '&')
            buf_puts(b, "&amp;");
        else if (c == '"')
            buf_puts(b, "&quot;");
        else if (c != '\r')
            buf_putn(b, &c, 1);
    }
}

static const char style[] =
    "body{font-family:sans-serif;margin:1em}"
    ".src{font-family:monospace;white-space:pre;border-collapse:collapse}"
    ".src td{padding:0 .5em;vertical-align:top}"
    ".ln{color:#888;text-align:right}"
    "tr.dyn td.code{background:#ffd9a0}"
    ".info{color:#246;font-size:90%;white-space:normal}"
    ".join{color:#a40}.sig{color:#060}";

static void put_list(Buf *b, Vec *v, const char *cls, const char *sep) {
    for (int i = 0; i < v->len; i++) {
        buf_printf(b, "%s<span class=\"%s\">", i ? sep : "", cls);
        put_escaped(b, v->data[i], strlen(v->data[i]));
        buf_puts(b, "</span>");
    }
}

char *annotate_html(Program *prog) {
    const Source *src = prog->src;
    nlines = 1;
    for (size_t i = 0; i < src->len; i++) nlines += src->text[i] == '\n';
    if (src->len && src->text[src->len - 1] == '\n') nlines--; /* no empty line after the last newline */
    lines = xcalloc((size_t)nlines + 1, sizeof *lines);
    walk(prog->module);
    for (int i = 0; i < prog->funcs.len; i++) {
        Func *fn = prog->funcs.data[i];
        if (!fn->helper) walk_func(fn);
    }
    Vec joins = dyn_joins(prog);
    for (int i = 0; i < joins.len; i++) {
        Loc at;
        const char *msg = dyn_join_message(joins.data[i], &at);
        LineInfo *li = line_of(at);
        if (li) {
            li->dyn = true;
            add_once(&li->notes, (char *)msg);
        }
    }
    int marked = 0;
    for (int i = 0; i < nlines; i++) marked += lines[i].dyn;
    Buf b = {0};
    buf_puts(&b, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>");
    put_escaped(&b, src->path, strlen(src->path));
    buf_printf(&b, " -- asyncc annotate</title><style>%s</style></head><body>\n<h1>", style);
    put_escaped(&b, src->path, strlen(src->path));
    buf_printf(&b, "</h1>\n<p>%d of %d lines use boxed dynamic values (<code>object</code>), marked in orange: "
                   "each operation on them dispatches at run time.</p>\n<table class=\"src\">\n",
               marked, nlines);
    const char *p = src->text, *end = src->text + src->len;
    for (int i = 0; i < nlines; i++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        LineInfo *li = &lines[i];
        buf_printf(&b, "<tr id=\"L%d\"%s><td class=\"ln\">%d</td><td class=\"code\">", i + 1,
                   li->dyn ? " class=\"dyn\"" : "", i + 1);
        put_escaped(&b, p, (size_t)(stop - p));
        buf_puts(&b, "</td><td class=\"info\">");
        put_list(&b, &li->sigs, "sig", "<br>");
        if (li->sigs.len && li->notes.len) buf_puts(&b, "<br>");
        put_list(&b, &li->notes, "join", "<br>");
        if ((li->sigs.len || li->notes.len) && li->names.len) buf_puts(&b, "<br>");
        put_list(&b, &li->names, "name", ", ");
        buf_puts(&b, "</td></tr>\n");
        p = nl ? nl + 1 : end;
    }
    buf_puts(&b, "</table>\n</body></html>\n");
    return buf_take(&b);
}
