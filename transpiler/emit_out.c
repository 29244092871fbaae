/* emit_out.c -- what every part of the emitter writes with: C lines with
 * #line markers, C types and type descriptors, string literals,
 * temporaries and the references they hold, value conversions. */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

/* the emitter's state: see emit.h */
int *drop_of;
Program *prog;
Ctx *C;
Vec frame_exc_slots;
Buf strings;
int nstrings;
Vec string_vals;
const char *py_path;
bool line_markers;
int py_line, py_line_fresh;
Buf out_protos, out_frames, out_funcs;

/* A member of the frame struct for a value that must survive an await
 * (lower.c lays the frame out). */
void frame_field(const char *ct, const char *name) {
    if (!strcmp(ct, "ac_exc *")) vec_push(&frame_exc_slots, format("f->%s", name));
    frame_temp(C->fn, ct, name);
}

/* ---- output helpers ------------------------------------------------------ */

/* A #line directive numbers the lines that follow it consecutively, so
 * every C line of a Python statement carries the statement's line again
 * (`#line N` alone keeps the file name). */

static void mark_line(void) {
    if (!line_markers || py_line <= 0) return;
    if (py_line_fresh)
        py_line_fresh = 0;
    else
        buf_printf(&C->body, "#line %d\n", py_line);
}

void emit(const char *fmt, ...) {
    mark_line();
    for (int i = 0; i < C->indent; i++) buf_puts(&C->body, "    ");
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    buf_puts(&C->body, s);
    buf_puts(&C->body, "\n");
}

void emit_label(const char *l) {
    mark_line();
    buf_printf(&C->body, "%s:;\n", l);
}

/* Scaffolding after a nested block belongs to the statement that owns it
 * (the loop's increment is the `for` line, not the body's last line). */
void resume_line(int line) {
    if (line > 0) tb_line = line;
    if (!line_markers || line <= 0 || line == py_line) return;
    buf_printf(&C->body, "#line %d\n", line);
    py_line = line;
    py_line_fresh = 1;
}

void emit_line(Node *n) {
    if (n->loc.line > 0) tb_line = n->loc.line;
    if (line_markers && n->loc.line > 0) {
        buf_printf(&C->body, "#line %d \"%s\"\n", n->loc.line, c_path_lit(py_path));
        py_line = n->loc.line;
        py_line_fresh = 1;
    }
}

char *new_label(const char *what) { return format("%s_%d", what, ++C->nlabels); }

const char *c_type(Type *t) {
    if (t->tag) return "ac_tag";
    switch (t->kind) {
    case TY_INT: return "int64_t";
    case TY_FLOAT: return "double";
    case TY_BOOL: return "int";
    case TY_STR: return "ac_str *";
    case TY_LIST: return "ac_list *";
    case TY_TUPLE: return "ac_tuple *";
    case TY_EXC: return "ac_exc *";
    case TY_TASK:
    case TY_CORO: return "ac_task *";
    case TY_SYNC: return SY_IS_TINYIO(t->sub) ? "ac_tio *" : "ac_sync *";
    case TY_NONE:
    case TY_CLASS: return "int"; /* one value, known statically (a class is type[C] of its one class) */
    case TY_ANY: return "ac_obj *";
    case TY_DICT: return "ac_dict *";
    case TY_SET:
    case TY_FROZENSET: return "ac_set *";
    case TY_VIEW: return "ac_dictview *";
    case TY_INST: return "ac_inst *";
    case TY_GEN:
    case TY_AGEN: return "ac_gen *";
    case TY_FUNC: return "ac_fn *";
    default: return "ac_val";
    }
}


/* ---- type descriptors ------------------------------------------------------ */

char *desc(Type *t) {
    switch (t->kind) {
    case TY_INT: return "&ac_t_int";
    case TY_FLOAT: return "&ac_t_float";
    case TY_BOOL: return "&ac_t_bool";
    case TY_STR: return "&ac_t_str";
    case TY_NONE: return "&ac_t_none";
    case TY_EXC: return "&ac_t_exc";
    case TY_ANY: return "&ac_t_object";
    case TY_SYNC: return SY_IS_TINYIO(t->sub) ? "&ac_t_tio" : "&ac_t_sync";
    case TY_INST: return "&ac_t_inst";
    case TY_FUNC: return "&ac_t_fn";
    case TY_CLASS: /* a class value is static: the int 0 stands for it in a container */
    case TY_MODULE: return "&ac_t_int";
    default: t->used = true; return format("&T%d", t->id);
    }
}

void emit_descriptors(Buf *out) {
    /* members are interned before the types that contain them */
    for (int i = all_types.len - 1; i >= 0; i--) {
        Type *t = all_types.data[i];
        if (!t->used) continue;
        if (t->elem) t->elem->used = true;
        for (int k = 0; k < t->nelems; k++) t->elems[k]->used = true;
    }
    for (int i = 0; i < all_types.len; i++) {
        Type *t = all_types.data[i];
        if (!t->used) continue;
        const char *kind = NULL;
        int n = 0;
        Type **el = NULL;
        switch (t->kind) {
        case TY_LIST:
            kind = "AC_K_LIST";
            n = 1;
            el = &t->elem;
            if (t->sub) { /* tuple[T, ...]: n 2 tells the runtime to print it as a tuple */
                el = xcalloc(2, sizeof *el);
                el[0] = el[1] = t->elem;
                n = 2;
            }
            break;
        case TY_TASK:
        case TY_CORO:
            kind = "AC_K_TASK";
            n = 1;
            el = &t->elem;
            break;
        case TY_GEN:
        case TY_AGEN:
            kind = "AC_K_GEN";
            n = 1;
            el = &t->elem;
            break;
        case TY_TUPLE:
            kind = "AC_K_TUPLE";
            n = t->nelems < 0 ? 0 : t->nelems;
            el = t->elems;
            break;
        case TY_DICT:
            kind = "AC_K_DICT";
            n = 2;
            el = t->elems;
            break;
        case TY_SET:
            kind = "AC_K_SET";
            n = 1;
            el = &t->elem;
            break;
        case TY_FROZENSET:
            kind = "AC_K_FROZENSET";
            n = 1;
            el = &t->elem;
            break;
        case TY_VIEW:
            kind = "AC_K_DICTVIEW";
            n = 1;
            el = &t->elem;
            break;
        default: continue;
        }
        bool ok = true;
        for (int k = 0; k < n; k++) ok &= el[k]->kind != TY_MODULE;
        if (!ok) continue;
        buf_printf(out, "/* %s */\n", ty_name(t));
        if (n) {
            buf_printf(out, "static const ac_type *const T%d_e[] = {", t->id);
            for (int k = 0; k < n; k++) buf_printf(out, "%s%s", k ? ", " : "", desc(el[k]));
            buf_printf(out, "};\n");
            buf_printf(out, "static const ac_type T%d = {%s, %d, T%d_e};\n", t->id, kind, n, t->id);
        } else {
            buf_printf(out, "static const ac_type T%d = {%s, 0, NULL};\n", t->id, kind);
        }
    }
}

/* ---- strings ------------------------------------------------------------- */

void c_escape(Buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c == '\n')
            buf_puts(b, "\\n");
        else if (c == '\t')
            buf_puts(b, "\\t");
        else if (c < 0x20 || c >= 0x7f) {
            buf_printf(b, "\\%03o", c);
        } else if (c == '?' && i + 1 < n && s[i + 1] == '?') {
            buf_puts(b, "?\\"); /* no trigraphs */
        } else {
            buf_putn(b, (const char *)&c, 1);
        }
    }
}

/* A file name as the inside of a C string literal (#line takes one). */
char *c_path_lit(const char *path) {
    Buf b = {0};
    c_escape(&b, path, strlen(path));
    return b.data ? buf_take(&b) : xstrdup("");
}

/* A file name inside a C comment: escaped as in a string, and no slash next
 * to a star, so it neither ends the comment nor opens one (-Wcomment). */
char *c_path_comment(const char *path) {
    const char *lit = c_path_lit(path);
    Buf b = {0};
    for (const char *q = lit; *q; q++) {
        bool star_next = (q > lit && q[-1] == '*') || q[1] == '*';
        if (*q == '/' && star_next)
            buf_puts(&b, "\\057");
        else
            buf_putn(&b, q, 1);
    }
    return b.data ? buf_take(&b) : xstrdup("");
}

int64_t utf8_len(const char *s, size_t n) {
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* A static, immortal ac_str for a literal. */
char *str_lit(const char *s, size_t n) {
    for (int i = 0; i < string_vals.len; i += 2) {
        Buf *b = string_vals.data[i];
        if (b->len == n && !memcmp(b->data, s, n)) return string_vals.data[i + 1];
    }
    char *name = format("S%d", ++nstrings);
    Buf *key = xcalloc(1, sizeof *key);
    buf_putn(key, s, n);
    if (!n) buf_puts(key, ""), key->len = 0;
    vec_push(&string_vals, key);
    vec_push(&string_vals, format("(&%s)", name));
    buf_printf(&strings, "static ac_str %s = {{AC_IMMORTAL, AC_K_STR}, %zu, %lld, \"", name, n,
               (long long)utf8_len(s, n));
    c_escape(&strings, s, n);
    buf_puts(&strings, "\"};\n");
    return format("(&%s)", name);
}

/* ---- temporaries and ownership -------------------------------------------- */

/* A temporary lives in the frame when its statement contains an await
 * (its value may have to survive the suspension). */
char *new_temp(Type *t) {
    int k = ++C->ntemps;
    const char *ct = c_type(t);
    if (C->async && C->frame_stmt) {
        frame_field(ct, format("tmp%d", k));
        return format("f->tmp%d", k);
    }
    buf_printf(&C->decls, "    %s%stmp%d;\n", ct, ct[strlen(ct) - 1] == '*' ? "" : " ", k);
    return format("tmp%d", k);
}

void hold(char *name, Type *t) {
    Held *h = xcalloc(1, sizeof *h);
    h->name = name;
    h->ty = t;
    vec_push(&C->held, h);
}

/* The consumer took the reference over: forget it without releasing. */
void unhold(Val v) {
    if (!v.owned) return;
    for (int i = C->held.len - 1; i >= 0; i--) {
        Held *h = C->held.data[i];
        if (!strcmp(h->name, v.c)) {
            memmove(&C->held.data[i], &C->held.data[i + 1], sizeof(void *) * (size_t)(C->held.len - i - 1));
            C->held.len--;
            return;
        }
    }
}

void release_held_from(int mark) {
    for (int i = C->held.len - 1; i >= mark; i--) {
        Held *h = C->held.data[i];
        emit("ac_decref(%s);", h->name);
    }
    C->held.len = mark;
}

void push_handler(const char *label) {
    Handler *h = xcalloc(1, sizeof *h);
    h->label = label;
    h->mark = C->held.len;
    vec_push(&C->handlers, h);
}

const char *handler(void) {
    return C->handlers.len ? ((Handler *)C->handlers.data[C->handlers.len - 1])->label : "L_fail";
}

int handler_mark(void) { return C->handlers.len ? ((Handler *)C->handlers.data[C->handlers.len - 1])->mark : 0; }

/* "ac_decref(a); ac_decref(b); " for the temporaries held above mark */
char *releases_above(int mark) {
    Buf b = {0};
    for (int i = C->held.len - 1; i >= mark; i--) buf_printf(&b, "ac_decref(%s); ", ((Held *)C->held.data[i])->name);
    return b.data ? b.data : "";
}

/* The label that releases the temporaries held above mark, newest first,
 * then jumps to target.  Each link (a temporary and where to go after it)
 * is written once per function and shared by every error test that needs
 * it: inline releases would repeat every live temporary at every test, and
 * an f-string or a gather() with N parts would cost O(N^2) C. */
const char *release_chain(int mark, const char *target) {
    const char *next = target;
    for (int i = mark; i < C->held.len; i++) {
        const char *name = ((Held *)C->held.data[i])->name;
        char *key = format("%s|%s", next, name);
        const char *link = map_get(&C->chain_of, key);
        if (!link) {
            link = new_label("L_rel");
            buf_printf(&C->chains, "%s:\n    ac_decref(%s);\n    goto %s;\n", link, name, next);
            map_put(&C->chain_of, key, (void *)link);
        }
        next = link;
    }
    return next;
}

/* After anything that may raise. */
void check_err(void) {
    const char *to = release_chain(handler_mark(), handler());
    char *tb = tb_note();
    if (!*tb)
        emit("if (AC_UNLIKELY(ac_err != NULL)) goto %s;", to);
    else
        emit("if (AC_UNLIKELY(ac_err != NULL)) { %sgoto %s; }", tb, to);
}

/* Runtime functions that only allocate: no test of ac_err after them (a
 * failed allocation's MemoryError is raised at the statement's next test).
 * Not ac_exc_str/ac_exc_repr: a program's exception class may have a
 * __str__/__repr__ that raises. */
static bool cannot_raise(const char *call) {
    static const char *const names[] = {"ac_coro_new(",
                                        "ac_create_task(",
                                        "ac_str_from_int(",
                                        "ac_str_from_float(",
                                        "ac_str_repr(",
                                        "ac_str_concat(",
                                        "ac_str_build(",
                                        "ac_list_new(",
                                        "ac_tuple_new(",
                                        "ac_exc_new(",
                                        "ac_list_copy(",
                                        "ac_list_concat(",
                                        "ac_exc_args(",
                                        "ac_str_split_chars(",
                                        "ac_obj_int(",
                                        "ac_obj_float(",
                                        "ac_obj_from(",
                                        "ac_tag_int(",
                                        "ac_tag_float(",
                                        "ac_tag_bool(",
                                        "ac_tag_none(",
                                        "ac_tag_truth(",
                                        NULL};
    for (int i = 0; names[i]; i++)
        if (!strncmp(call, names[i], strlen(names[i]))) return true;
    return false;
}

/* The result of a call that may raise, in a fresh temporary; an object
 * result is a new reference, held until the statement ends. */
Val call_value(Type *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *call = vformat(fmt, ap);
    va_end(ap);
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, call);
    /* held before the test: a result made while MemoryError was set
     * (rt_obj.c) is real and released with the rest */
    if (is_obj(t)) hold(tmp, t);
    if (!cannot_raise(call)) check_err();
    return (Val){tmp, t, is_obj(t)};
}

/* Make sure a Val is owned (for consumers that steal). */
char *take_ref(Val v) {
    if (v.owned) {
        unhold(v);
        return v.c;
    }
    /* string literals are immortal: a reference to one costs nothing */
    if (is_obj(v.ty) && strncmp(v.c, "(&S", 3)) emit("ac_incref(%s);", v.c);
    return v.c;
}

Val pin(Val v) {
    /* evaluate once into a temporary (for values used several times) */
    if (v.owned || !strchr(v.c, '(') || !strncmp(v.c, "(&S", 3)) return v; /* literals are constant */
    char *tmp = new_temp(v.ty);
    emit("%s = %s;", tmp, v.c);
    return (Val){tmp, v.ty, false};
}

/* ---- value conversions ----------------------------------------------------- */

char *to_val(Val v) {
    switch (v.ty->kind) {
    case TY_INT:
    case TY_BOOL:
    case TY_NONE: return format("ac_int_val(%s)", v.c);
    case TY_FLOAT: return format("ac_float_val(%s)", v.c);
    default: return format("ac_ptr_val(%s)", v.c);
    }
}

char *from_val(const char *v, Type *t) {
    switch (t->kind) {
    case TY_INT:
    case TY_BOOL:
    case TY_NONE: return format("(%s).i", v);
    case TY_FLOAT: return format("(%s).f", v);
    default: return format("((%s)(%s).p)", c_type(t), v);
    }
}

Val as_float(Val v) {
    if (v.ty == ty_float) return v;
    if (v.ty->kind == TY_ANY) return coerce(v, ty_float);   /* unboxed, TypeError if not a number */
    return (Val){format("(double)%s", v.c), ty_float, false};
}

char *truth(Val v) {
    if (v.ty->tag) return format("ac_tag_truth(%s)", v.c);
    if (v.ty->opt) { /* NULL is None, which is false */
        Type *t = ty_strip(v.ty);
        Val x = {v.c, t, false};
        return t->kind == TY_STR || t->kind == TY_LIST || t->kind == TY_TUPLE ? format("(%s && %s)", v.c, truth(x))
                                                                              : format("(%s != NULL)", v.c);
    }
    switch (v.ty->kind) {
    case TY_BOOL: return v.c; /* already 0 or 1 */
    case TY_INT: return format("(%s != 0)", v.c);
    case TY_FLOAT: return format("(%s != 0.0)", v.c);
    case TY_STR: return format("(%s->len != 0)", v.c);
    case TY_LIST: return format("(%s->len != 0)", v.c);
    case TY_NONE: return "0";
    case TY_TUPLE: return format("(%s->type->n != 0)", v.c);
    case TY_DICT: return format("(%s->len != 0)", v.c);
    case TY_SET:
    case TY_FROZENSET: return format("(%s->used != 0)", v.c);
    case TY_VIEW: return format("(%s->d->len != 0)", v.c);
    case TY_ANY: return format("ac_obj_truth(%s)", v.c);
    case TY_INST: return inst_truth(v);
    default: return "1";
    }
}

/* str(v) as an owned or borrowed str. */
Val to_str(Val v, bool repr) {
    if (v.ty->tag) { /* the tag is the member's descriptor */
        v = pin(v);
        return call_value(ty_str, repr ? "ac_repr_of(%s.v, %s.t)" : "ac_str_of(%s.v, %s.t)", v.c, v.c);
    }
    if (v.ty->opt) /* NULL prints None: the runtime's generic path */
        return call_value(ty_str, repr ? "ac_repr_of(%s, %s)" : "ac_str_of(%s, %s)", to_val(v), desc(v.ty));
    switch (v.ty->kind) {
    case TY_STR:
        if (!repr) return v;
        return call_value(ty_str, "ac_str_repr(%s)", v.c);
    case TY_INT: return call_value(ty_str, "ac_str_from_int(%s)", v.c);
    case TY_FLOAT: return call_value(ty_str, "ac_str_from_float(%s)", v.c);
    case TY_BOOL: return (Val){format("(%s ? %s : %s)", v.c, str_lit("True", 4), str_lit("False", 5)), ty_str, false};
    case TY_NONE: return (Val){str_lit("None", 4), ty_str, false};
    case TY_EXC: return call_value(ty_str, repr ? "ac_exc_repr(%s)" : "ac_exc_str(%s)", v.c);
    case TY_TUPLE:
        if (v.ty->nelems < 0) /* e.args: the tuple knows its own type */
            return call_value(ty_str, repr ? "ac_repr_of(%s, %s->type)" : "ac_str_of(%s, %s->type)", to_val(v), v.c);
        /* fall through */
    default: return call_value(ty_str, repr ? "ac_repr_of(%s, %s)" : "ac_str_of(%s, %s)", to_val(v), desc(v.ty));
    }
}

/* ---- object: boxing and unboxing where a value flows ------------------------ */

/* A static value as an object: heap objects are themselves (the reference
 * goes with them), scalars are boxed (small ints, bools and None without
 * allocating: the runtime keeps them immortal). */
static Val box(Val v) {
    if (v.ty->tag) {
        v = pin(v);
        return call_value(ty_any, "ac_obj_from(%s.v, %s.t)", v.c, v.c);
    }
    switch (v.ty->kind) {
    case TY_NONE: return (Val){"(&ac_None)", ty_any, false};
    case TY_BOOL: return (Val){format("ac_obj_bool(%s)", v.c), ty_any, false};
    case TY_INT: return call_value(ty_any, "ac_obj_int(%s)", v.c);
    case TY_FLOAT: return call_value(ty_any, "ac_obj_float(%s)", v.c);
    default:
        if (!v.owned) return (Val){format("((ac_obj *)%s)", v.c), ty_any, false};
        char *tmp = new_temp(ty_any);
        emit("%s = (ac_obj *)%s;", tmp, v.c);
        unhold(v);
        hold(tmp, ty_any);
        return (Val){tmp, ty_any, true};
    }
}

/* An object as a value of a static type: TypeError when it holds another
 * type.  A heap object comes back borrowed from v (v stays held). */
static Val unbox(Val v, Type *to) {
    switch (to->kind) {
    case TY_INT: return call_value(ty_int, "ac_obj_as_int(%s)", v.c);
    case TY_FLOAT: return call_value(ty_float, "ac_obj_as_float(%s)", v.c);
    case TY_BOOL: return call_value(ty_bool, "ac_obj_as_bool(%s)", v.c);
    case TY_NONE: return (Val){"0", ty_none, false};
    default: {
        char *tmp = new_temp(to);
        emit("%s = (%s)ac_obj_as_ptr(%s, %s);", tmp, c_type(to), v.c, desc(to));
        check_err();
        return (Val){tmp, to, false};
    }
    }
}

/* A scalar, an object or a narrower union as a tagged union. */
static Val to_tag(Val v, Type *to) {
    if (v.ty->tag) return (Val){v.c, to, false}; /* the same C value */
    switch (v.ty->kind) {
    case TY_INT: return (Val){format("ac_tag_int(%s)", v.c), to, false};
    case TY_FLOAT: return (Val){format("ac_tag_float(%s)", v.c), to, false};
    case TY_BOOL: return (Val){format("ac_tag_bool(%s)", v.c), to, false};
    case TY_NONE: return (Val){"ac_tag_none()", to, false};
    default: return call_value(to, "ac_tag_from_obj(%s, %uu)", box(v).c, to->tag);
    }
}

/* A tagged union read as one scalar (narrowed, or checked at run time). */
static Val from_tag(Val v, Type *to) {
    switch (to->kind) {
    case TY_INT: return call_value(ty_int, "ac_tag_as_int(%s)", v.c);
    case TY_BOOL: return call_value(ty_bool, "(int)ac_tag_as_int(%s)", v.c);
    case TY_FLOAT: return call_value(ty_float, "ac_tag_as_float(%s)", v.c);
    case TY_NONE: return (Val){"0", ty_none, false};
    default: return to->kind == TY_ANY ? box(v) : unbox(box(v), to);
    }
}

Val coerce(Val v, Type *to) {
    if (!to || v.ty == to) return v;
    if (to->tag) return to_tag(v, to);
    if (v.ty->tag) return from_tag(v, to);
    if (to == ty_float && (v.ty == ty_int || v.ty == ty_bool)) return as_float(v);
    if (to->kind == TY_ANY) return box(v);
    if (v.ty->kind == TY_ANY) return unbox(v, to);
    if (v.ty == ty_none && to->opt && is_obj(to)) return (Val){"NULL", to, false}; /* a None parameter */
    if (to->kind == TY_LIST && v.ty->kind == TY_LIST && v.ty->elem != to->elem)
        return unbox(box(v), to); /* list[object] where list[int] is wanted */
    return v;
}

Val as_object(Val v) { return coerce(v, ty_any); }

/* The lines of decls ("PREFIX<k>..." one per line, k = 1..n) whose name
 * "<ref><k>" appears in code: the emitter makes literals and traceback
 * records while it writes, and code it then drops leaves some unused. */
char *used_decls(const char *code, const char *ref, const char *decls, const char *prefix, int n) {
    bool *used = xcalloc((size_t)n + 2, sizeof(bool));
    size_t rl = strlen(ref);
    for (const char *p = code; (p = strstr(p, ref)); p += rl) {
        long k = strtol(p + rl, NULL, 10);
        if (k > 0 && k <= n) used[k] = true;
    }
    Buf out = {0};
    for (const char *s = decls ? decls : ""; *s;) {
        const char *nl = strchr(s, '\n');
        size_t len = nl ? (size_t)(nl - s) + 1 : strlen(s);
        long k = strtol(s + strlen(prefix), NULL, 10);
        if (k > 0 && k <= n && used[k]) buf_putn(&out, s, len);
        s += len;
    }
    return out.data ? buf_take(&out) : "";
}
