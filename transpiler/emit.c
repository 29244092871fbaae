/* emit.c -- C code from the checked, lowered AST.
 *
 * Expressions become straight-line C over temporaries; every operation that
 * can raise is followed by a test of ac_err that releases the temporaries
 * held at that point and jumps to the innermost handler.  Control flow uses
 * labels, so the resume switch of an async function can jump to any await
 * point, however deeply it is nested (brief, section 5).
 *
 * Ownership: a Val is either borrowed (a variable, a literal) or owned (a
 * new reference held in a temporary, released at the end of the statement
 * unless a consumer takes it over). */
#include "compiler.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct Val { char *c; Type *ty; bool owned; } Val;

typedef struct Held { char *name; Type *ty; } Held;

typedef struct StateInfo {
    Vec held;            /* Held* live in the frame at this await */
    char *child_drop;    /* "g_drop(&f->sub.a3)" for inline children */
} StateInfo;

typedef struct Try {
    char *fin;           /* label of the finally block, or NULL */
    char *why, *fexc;    /* finally dispatch state */
    int loop_depth;      /* loops open when the try began */
    bool uses_return, uses_break, uses_continue;
    char *brk, *cont;    /* targets of break/continue through this finally */
} Try;

typedef struct Loop { char *brk, *cont; int try_depth, brk_mark, cont_mark, exc_mark; } Loop;

/* An error handler and how many held temporaries are still needed there
 * (those held when the try began, e.g. the sequence of an enclosing loop). */
typedef struct Handler { const char *label; int mark; } Handler;

typedef struct Ctx {
    Func *fn;            /* NULL for the module body */
    bool async;
    Buf body;
    Buf decls;           /* C locals of the function */
    int ntemps, nlabels;
    Vec held;            /* Held* */
    Vec handlers;        /* Handler* */
    Vec tries;           /* Try* */
    Vec loops;           /* Loop* */
    Vec excs;            /* char* names of exceptions being handled */
    Vec states;          /* StateInfo* per await, in order */
    bool frame_stmt;     /* temporaries of this statement go to the frame */
    bool discard;        /* the await being emitted is a whole statement */
    bool uses_st;        /* an await needs the resume function's `st` */
    char *ret_c;         /* C type of the return value */
    int indent;
} Ctx;

/* Per function (by index): does its drop exist?  A frame that holds
 * nothing at any await has none (the vtable's drop is NULL), unless a
 * caller emitted before it (recursion) already names it. */
enum { DROP_UNKNOWN, DROP_NAMED, DROP_YES, DROP_NONE };
static int *drop_of;

static Program *prog;
static Ctx *C;

static Vec frame_exc_slots;   /* frame fields holding exceptions (NULL when idle) */

/* A member of the frame struct for a value that must survive an await
 * (lower.c lays the frame out). */
static void frame_field(const char *ct, const char *name) {
    if (!strcmp(ct, "ac_exc *")) vec_push(&frame_exc_slots, format("f->%s", name));
    frame_temp(C->fn, ct, name);
}
static Buf strings;      /* string literal objects */
static int nstrings;
static Vec string_vals;  /* for deduplication */
static const char *py_path;
static bool line_markers;

/* ---- output helpers ------------------------------------------------------ */

/* A #line directive numbers the lines that follow it consecutively, so
 * every C line of a Python statement carries the statement's line again
 * (`#line N` alone keeps the file name). */
static int py_line, py_line_fresh;

static void mark_line(void) {
    if (!line_markers || py_line <= 0) return;
    if (py_line_fresh) py_line_fresh = 0;
    else buf_printf(&C->body, "#line %d\n", py_line);
}

static void emit(const char *fmt, ...) {
    mark_line();
    for (int i = 0; i < C->indent; i++) buf_puts(&C->body, "    ");
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    buf_puts(&C->body, s);
    buf_puts(&C->body, "\n");
}

static void emit_label(const char *l) {
    mark_line();
    buf_printf(&C->body, "%s:;\n", l);
}

/* Scaffolding after a nested block belongs to the statement that owns it
 * (the loop's increment is the `for` line, not the body's last line). */
static void resume_line(int line) {
    if (!line_markers || line <= 0 || line == py_line) return;
    buf_printf(&C->body, "#line %d\n", line);
    py_line = line;
    py_line_fresh = 1;
}

static void emit_line(Node *n) {
    if (line_markers && n->loc.line > 0) {
        buf_printf(&C->body, "#line %d \"%s\"\n", n->loc.line, py_path);
        py_line = n->loc.line;
        py_line_fresh = 1;
    }
}

static char *new_label(const char *what) { return format("%s_%d", what, ++C->nlabels); }

static const char *c_type(Type *t) {
    switch (t->kind) {
    case TY_INT: return "int64_t";
    case TY_FLOAT: return "double";
    case TY_BOOL: return "int";
    case TY_STR: return "ac_str *";
    case TY_LIST: return "ac_list *";
    case TY_TUPLE: return "ac_tuple *";
    case TY_EXC: return "ac_exc *";
    case TY_TASK: case TY_CORO: return "ac_task *";
    case TY_NONE: return "int";
    case TY_ANY: return "ac_obj *";
    default: return "ac_val";
    }
}

static bool is_obj(Type *t) { return ty_is_obj(t); }

/* ---- type descriptors ------------------------------------------------------ */

static char *desc(Type *t) {
    switch (t->kind) {
    case TY_INT: return "&ac_t_int";
    case TY_FLOAT: return "&ac_t_float";
    case TY_BOOL: return "&ac_t_bool";
    case TY_STR: return "&ac_t_str";
    case TY_NONE: return "&ac_t_none";
    case TY_EXC: return "&ac_t_exc";
    case TY_ANY: return "&ac_t_object";
    default: t->used = true; return format("&T%d", t->id);
    }
}

static void emit_descriptors(Buf *out) {
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
        case TY_LIST: kind = "AC_K_LIST"; n = 1; el = &t->elem; break;
        case TY_TASK: case TY_CORO: kind = "AC_K_TASK"; n = 1; el = &t->elem; break;
        case TY_TUPLE: kind = "AC_K_TUPLE"; n = t->nelems < 0 ? 0 : t->nelems; el = t->elems; break;
        default: continue;
        }
        bool ok = true;
        for (int k = 0; k < n; k++) ok &= el[k]->kind != TY_FUNC && el[k]->kind != TY_CLASS && el[k]->kind != TY_MODULE;
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

static void c_escape(Buf *b, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') buf_printf(b, "\\%c", c);
        else if (c == '\n') buf_puts(b, "\\n");
        else if (c == '\t') buf_puts(b, "\\t");
        else if (c < 0x20 || c >= 0x7f) {
            buf_printf(b, "\\%03o", c);
        } else if (c == '?' && i + 1 < n && s[i + 1] == '?') {
            buf_puts(b, "?\\");   /* no trigraphs */
        } else {
            buf_putn(b, (const char *)&c, 1);
        }
    }
}

static int64_t utf8_len(const char *s, size_t n) {
    int64_t k = 0;
    for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
    return k;
}

/* A static, immortal ac_str for a literal. */
static char *str_lit(const char *s, size_t n) {
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
    buf_printf(&strings, "static ac_str %s = {{AC_IMMORTAL, AC_K_STR}, %zu, %lld, \"", name, n, (long long)utf8_len(s, n));
    c_escape(&strings, s, n);
    buf_puts(&strings, "\"};\n");
    return format("(&%s)", name);
}

/* ---- temporaries and ownership -------------------------------------------- */

/* A temporary lives in the frame when its statement contains an await
 * (its value may have to survive the suspension). */
static char *new_temp(Type *t) {
    int k = ++C->ntemps;
    const char *ct = c_type(t);
    if (C->async && C->frame_stmt) {
        frame_field(ct, format("tmp%d", k));
        return format("f->tmp%d", k);
    }
    buf_printf(&C->decls, "    %s%stmp%d;\n", ct, ct[strlen(ct) - 1] == '*' ? "" : " ", k);
    return format("tmp%d", k);
}

static void hold(char *name, Type *t) {
    Held *h = xcalloc(1, sizeof *h);
    h->name = name;
    h->ty = t;
    vec_push(&C->held, h);
}

/* The consumer took the reference over: forget it without releasing. */
static void unhold(Val v) {
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

static void release_held_from(int mark) {
    for (int i = C->held.len - 1; i >= mark; i--) {
        Held *h = C->held.data[i];
        emit("ac_decref(%s);", h->name);
    }
    C->held.len = mark;
}

static void push_handler(const char *label) {
    Handler *h = xcalloc(1, sizeof *h);
    h->label = label;
    h->mark = C->held.len;
    vec_push(&C->handlers, h);
}

static const char *handler(void) {
    return C->handlers.len ? ((Handler *)C->handlers.data[C->handlers.len - 1])->label : "L_fail";
}

static int handler_mark(void) {
    return C->handlers.len ? ((Handler *)C->handlers.data[C->handlers.len - 1])->mark : 0;
}

/* "ac_decref(a); ac_decref(b); " for the temporaries held above mark */
static char *releases_above(int mark) {
    Buf b = {0};
    for (int i = C->held.len - 1; i >= mark; i--) buf_printf(&b, "ac_decref(%s); ", ((Held *)C->held.data[i])->name);
    return b.data ? b.data : "";
}

/* After anything that may raise. */
static void check_err(void) {
    char *rel = releases_above(handler_mark());
    if (!*rel) emit("if (AC_UNLIKELY(ac_err != NULL)) goto %s;", handler());
    else emit("if (AC_UNLIKELY(ac_err != NULL)) { %sgoto %s; }", rel, handler());
}

/* Runtime functions that only allocate (out of memory aborts): no test of
 * ac_err after them. */
static bool cannot_raise(const char *call) {
    static const char *const names[] = {"ac_coro_new(", "ac_create_task(", "ac_str_from_int(",
        "ac_str_from_float(", "ac_str_repr(", "ac_str_concat(", "ac_str_build(", "ac_list_new(",
        "ac_tuple_new(", "ac_exc_new(", "ac_list_copy(", "ac_list_concat(", "ac_exc_args(",
        "ac_exc_str(", "ac_exc_repr(", "ac_str_split_chars(", NULL};
    for (int i = 0; names[i]; i++)
        if (!strncmp(call, names[i], strlen(names[i]))) return true;
    return false;
}

/* The result of a call that may raise, in a fresh temporary; an object
 * result is a new reference, held until the statement ends. */
static Val call_value(Type *t, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *call = vformat(fmt, ap);
    va_end(ap);
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, call);
    if (!cannot_raise(call)) check_err();
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

/* Make sure a Val is owned (for consumers that steal). */
static char *take_ref(Val v) {
    if (v.owned) {
        unhold(v);
        return v.c;
    }
    /* string literals are immortal: a reference to one costs nothing */
    if (is_obj(v.ty) && strncmp(v.c, "(&S", 3)) emit("ac_incref(%s);", v.c);
    return v.c;
}

static Val pin(Val v) {
    /* evaluate once into a temporary (for values used several times) */
    if (v.owned || !strchr(v.c, '(') || !strncmp(v.c, "(&S", 3)) return v;   /* literals are constant */
    char *tmp = new_temp(v.ty);
    emit("%s = %s;", tmp, v.c);
    return (Val){tmp, v.ty, false};
}

/* ---- value conversions ----------------------------------------------------- */

static char *to_val(Val v) {
    switch (v.ty->kind) {
    case TY_INT: case TY_BOOL: case TY_NONE: return format("ac_int_val(%s)", v.c);
    case TY_FLOAT: return format("ac_float_val(%s)", v.c);
    default: return format("ac_ptr_val(%s)", v.c);
    }
}

static char *from_val(const char *v, Type *t) {
    switch (t->kind) {
    case TY_INT: case TY_BOOL: case TY_NONE: return format("(%s).i", v);
    case TY_FLOAT: return format("(%s).f", v);
    default: return format("((%s)(%s).p)", c_type(t), v);
    }
}

static Val as_float(Val v) {
    if (v.ty == ty_float) return v;
    return (Val){format("(double)%s", v.c), ty_float, false};
}

static char *truth(Val v) {
    switch (v.ty->kind) {
    case TY_BOOL: return v.c;   /* already 0 or 1 */
    case TY_INT: return format("(%s != 0)", v.c);
    case TY_FLOAT: return format("(%s != 0.0)", v.c);
    case TY_STR: return format("(%s->len != 0)", v.c);
    case TY_LIST: return format("(%s->len != 0)", v.c);
    case TY_NONE: return "0";
    case TY_TUPLE: return format("(%s->type->n != 0)", v.c);
    default: return "1";
    }
}

static Val expr(Node *e);
static char *safe_name(const char *n);
static Val await_value(Node *aw, bool discard);

/* str(v) as an owned or borrowed str. */
static Val to_str(Val v, bool repr) {
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
        if (v.ty->nelems < 0)   /* e.args: the tuple knows its own type */
            return call_value(ty_str, repr ? "ac_repr_of(%s, %s->type)" : "ac_str_of(%s, %s->type)", to_val(v), v.c);
        /* fall through */
    default: return call_value(ty_str, repr ? "ac_repr_of(%s, %s)" : "ac_str_of(%s, %s)", to_val(v), desc(v.ty));
    }
}

/* ---- expressions ----------------------------------------------------------- */

static char *var_ref(Var *v) {
    if (v->cname) return v->cname;
    return v->name;
}

static Val binop(Node *e, int op, Val l, Val r) {
    Type *t = e->ty;
    if (t == ty_str) {
        if (op == OP_ADD) return call_value(ty_str, "ac_str_concat(%s, %s)", l.c, r.c);
        if (l.ty == ty_str) return call_value(ty_str, "ac_str_repeat(%s, %s)", l.c, r.c);
        return call_value(ty_str, "ac_str_repeat(%s, %s)", r.c, l.c);
    }
    if (t->kind == TY_LIST) {
        if (op == OP_ADD) return call_value(t, "ac_list_concat(%s, %s)", l.c, r.c);
        if (l.ty->kind == TY_LIST) return call_value(t, "ac_list_repeat(%s, %s)", l.c, r.c);
        return call_value(t, "ac_list_repeat(%s, %s)", r.c, l.c);
    }
    if (t == ty_float) {
        l = as_float(l);
        r = as_float(r);
        switch (op) {
        case OP_ADD: return (Val){format("(%s + %s)", l.c, r.c), t, false};
        case OP_SUB: return (Val){format("(%s - %s)", l.c, r.c), t, false};
        case OP_MUL: return (Val){format("(%s * %s)", l.c, r.c), t, false};
        case OP_DIV:
            if (l.ty == ty_float && e->a->ty != ty_float && e->b->ty != ty_float)
                return call_value(t, "ac_int_truediv(%s, %s)", e->a->ty == ty_bool ? l.c : format("(int64_t)%s", l.c), format("(int64_t)%s", r.c));
            return call_value(t, "ac_float_div(%s, %s)", l.c, r.c);
        case OP_FLOORDIV: return call_value(t, "ac_float_floordiv(%s, %s)", l.c, r.c);
        case OP_MOD: return call_value(t, "ac_float_mod(%s, %s)", l.c, r.c);
        case OP_POW: return call_value(t, "ac_float_pow(%s, %s)", l.c, r.c);
        }
    }
    if (op == OP_DIV) return call_value(ty_float, "ac_int_truediv(%s, %s)", l.c, r.c);
    switch (op) {
    case OP_ADD: return call_value(t, "ac_int_add(%s, %s)", l.c, r.c);
    case OP_SUB: return call_value(t, "ac_int_sub(%s, %s)", l.c, r.c);
    case OP_MUL: return call_value(t, "ac_int_mul(%s, %s)", l.c, r.c);
    case OP_FLOORDIV: return call_value(t, "ac_int_floordiv(%s, %s)", l.c, r.c);
    case OP_MOD: return call_value(t, "ac_int_mod(%s, %s)", l.c, r.c);
    case OP_POW: return call_value(t, "ac_int_pow(%s, %s)", l.c, r.c);
    case OP_LSHIFT: return call_value(t, "ac_int_lshift(%s, %s)", l.c, r.c);
    case OP_RSHIFT: return call_value(t, "ac_int_rshift(%s, %s)", l.c, r.c);
    case OP_BITAND: return (Val){format("(%s & %s)", l.c, r.c), t, false};
    case OP_BITOR: return (Val){format("(%s | %s)", l.c, r.c), t, false};
    case OP_BITXOR: return (Val){format("(%s ^ %s)", l.c, r.c), t, false};
    }
    return (Val){"0", t, false};
}

/* One comparison a OP b, as a C int expression (may emit calls). */
static Val compare1(int op, Val a, Val b) {
    Type *ta = a.ty, *tb = b.ty;
    const char *cop = op == OP_EQ ? "==" : op == OP_NE ? "!=" : op == OP_LT ? "<" : op == OP_LE ? "<=" : op == OP_GT ? ">" : ">=";
    if (op == OP_IN || op == OP_NOTIN) {
        const char *neg = op == OP_NOTIN ? "!" : "";
        if (tb == ty_str) return (Val){format("%sac_str_contains(%s, %s)", neg, b.c, a.c), ty_bool, false};
        Val x = a;
        if (tb->elem == ty_float && a.ty != ty_float) x = as_float(a);
        else x.ty = tb->elem;
        Val r = call_value(ty_bool, "ac_list_contains(%s, %s)", b.c, to_val(x));
        return (Val){format("%s%s", neg, r.c), ty_bool, false};
    }
    bool num = (ta == ty_int || ta == ty_float || ta == ty_bool) && (tb == ty_int || tb == ty_float || tb == ty_bool);
    if (!strcmp(a.c, b.c) && !a.owned) {
        /* x == x: a copy keeps compilers from calling it tautological (it
         * is not, for NaN) */
        char *tmp = new_temp(tb);
        emit("%s = %s;", tmp, b.c);
        b.c = tmp;
    }
    if (num) return (Val){format("(%s %s %s)", a.c, cop, b.c), ty_bool, false};
    if (ta == ty_str) {
        if (op == OP_EQ) return (Val){format("ac_str_eq(%s, %s)", a.c, b.c), ty_bool, false};
        if (op == OP_NE) return (Val){format("!ac_str_eq(%s, %s)", a.c, b.c), ty_bool, false};
        return (Val){format("(ac_str_cmp(%s, %s) %s 0)", a.c, b.c, cop), ty_bool, false};
    }
    if (op == OP_EQ || op == OP_NE)
        return (Val){format("%sac_val_eq(%s, %s, %s)", op == OP_NE ? "!" : "", to_val(a), to_val(b), desc(ta)), ty_bool, false};
    Val r = call_value(ty_int, "ac_val_cmp(%s, %s, %s)", to_val(a), to_val(b), desc(ta));
    return (Val){format("(%s %s 0)", r.c, cop), ty_bool, false};
}

static Val compare(Node *e) {
    int n = e->list.len;
    if (n == 2) {
        Val a = expr(e->list.data[0]);
        Val b = expr(e->list.data[1]);
        Val r = compare1(e->ops[0], a, b);
        char *tmp = new_temp(ty_bool);
        emit("%s = %s;", tmp, r.c);
        return (Val){tmp, ty_bool, false};
    }
    /* a < b < c: each operand evaluated once, stop at the first false */
    char *res = new_temp(ty_bool);
    char *end = new_label("cmp_end");
    int mark = C->held.len;
    Val prev = pin(expr(e->list.data[0]));
    for (int i = 1; i < n; i++) {
        Val cur = pin(expr(e->list.data[i]));
        Val r = compare1(e->ops[i - 1], prev, cur);
        emit("%s = %s;", res, r.c);
        if (i + 1 < n) emit("if (!%s) goto %s;", res, end);
        prev = cur;
    }
    emit_label(end);
    release_held_from(mark);
    return (Val){res, ty_bool, false};
}

static Val int_lit(int64_t v) {
    if (v == INT64_MIN) return (Val){"INT64_MIN", ty_int, false};
    return (Val){format("INT64_C(%lld)", (long long)v), ty_int, false};
}

static Val float_lit(double d) {
    if (isinf(d)) return (Val){d > 0 ? "HUGE_VAL" : "(-HUGE_VAL)", ty_float, false};
    char buf[64];
    /* the shortest spelling that reads back as the same double */
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(buf, sizeof buf, "%.*g", prec, d);
        if (strtod(buf, NULL) == d) break;
    }
    if (!strchr(buf, '.') && !strchr(buf, 'e') && !strchr(buf, 'n')) strcat(buf, ".0");
    return (Val){xstrdup(buf), ty_float, false};
}

static Val fstring(Node *e) {
    int n = e->list.len;
    Vec parts = {0};
    for (int i = 0; i < n; i++) {
        Node *p = e->list.data[i];
        if (p->kind == N_STR) { vec_push(&parts, str_lit(p->sval, p->slen)); continue; }
        Val v = expr(p->a);
        Val s;
        char *spec = NULL;
        if (p->b) spec = p->b->kind == N_STR ? str_lit(p->b->sval, p->b->slen) : fstring(p->b).c;
        if (p->op == 'r') {
            v = to_str(v, true);
            if (spec) s = call_value(ty_str, "ac_format_str(%s, %s)", v.c, spec);
            else s = v;
        } else if (spec) {
            const char *fmtfn = v.ty == ty_int ? "ac_format_int" : v.ty == ty_float ? "ac_format_float"
                              : v.ty == ty_str ? "ac_format_str" : v.ty == ty_bool ? "ac_format_bool" : NULL;
            if (fmtfn) s = call_value(ty_str, "%s(%s, %s)", fmtfn, v.c, spec);
            else s = call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), spec);
        } else {
            s = to_str(v, false);
        }
        vec_push(&parts, s.c);
    }
    if (parts.len == 1 && ((Node *)e->list.data[0])->kind == N_STR) return (Val){parts.data[0], ty_str, false};
    Buf b = {0};
    for (int i = 0; i < parts.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", (char *)parts.data[i]);
    Val r = call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", parts.len, b.data);
    return r;
}

static Val list_lit(Node *e) {
    Type *t = e->ty;
    int n = e->list.len;
    if (!n) return call_value(t, "ac_list_new(%s, 0, NULL)", desc(t->elem));
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val v = expr(e->list.data[i]);
        if (t->elem == ty_float) v = as_float(v);
        else v.ty = v.ty == ty_bool && t->elem == ty_int ? ty_int : v.ty;
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = v;
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) {
        Val *v = vals.data[i];
        char *c = take_ref(*v);
        Val tv = {c, v->ty, false};
        buf_printf(&b, "%s%s", i ? ", " : "", to_val(tv));
    }
    return call_value(t, "ac_list_new(%s, %d, (ac_val[]){%s})", desc(t->elem), n, b.data);
}

static Val tuple_lit(Node *e, Type *t) {
    int n = e->list.len;
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val v = expr(e->list.data[i]);
        if (t->elems[i] == ty_float) v = as_float(v);
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = v;
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) {
        Val *v = vals.data[i];
        char *c = take_ref(*v);
        buf_printf(&b, "%s%s", i ? ", " : "", to_val((Val){c, v->ty, false}));
    }
    if (!n) return call_value(t, "ac_tuple_new(%s, NULL)", desc(t));
    return call_value(t, "ac_tuple_new(%s, (ac_val[]){%s})", desc(t), b.data);
}

static void assign_var(Var *v, Val val);
static void stmt_list(Vec *list);
static void comp_rest(Node *comp, int idx, char *result, const char *cont);
static void emit_for_iter(Node *target, Node *iter, Node *body, Node *comp, int next, char *result);

/* Short-circuit and/or and conditional expressions: each branch computes
 * into one result temporary; temporaries of a branch die in that branch. */
static Val branchy(Node *e) {
    Type *t = e->ty;
    char *res = new_temp(t);
    char *end = new_label("sel_end");
    int mark = C->held.len;
    if (e->kind == N_IFEXP) {
        Val c = expr(e->a);
        char *cv = truth(c);
        char *tmp = new_temp(ty_bool);
        emit("%s = %s;", tmp, cv);
        release_held_from(mark);
        char *els = new_label("sel_else");
        emit("if (!%s) goto %s;", tmp, els);
        Val a = expr(e->b);
        if (t == ty_float) a = as_float(a);
        emit("%s = %s;", res, take_ref(a));
        release_held_from(mark);
        emit("goto %s;", end);
        emit_label(els);
        Val b = expr(e->c);
        if (t == ty_float) b = as_float(b);
        emit("%s = %s;", res, take_ref(b));
        release_held_from(mark);
    } else {
        Val a = expr(e->a);
        if (t == ty_float) a = as_float(a);
        emit("%s = %s;", res, take_ref((Val){a.c, a.ty, a.owned}));
        Val ra = {res, t, false};
        char *tv = truth(ra);
        release_held_from(mark);
        emit(e->kind == N_AND ? "if (!%s) goto %s;" : "if (%s) goto %s;", tv, end);
        if (is_obj(t)) emit("ac_decref(%s);", res);
        Val b = expr(e->b);
        if (t == ty_float) b = as_float(b);
        emit("%s = %s;", res, take_ref(b));
        release_held_from(mark);
    }
    emit_label(end);
    if (is_obj(t)) hold(res, t);
    return (Val){res, t, is_obj(t)};
}

/* ---- calls ------------------------------------------------------------------- */

/* The arguments of a call to a user function, one per parameter, in
 * order (defaults filled in, ints widened for float parameters). */
static Vec call_args(Func *fn, Node *call) {
    Vec args = {0};
    for (int i = 0; i < fn->nparams; i++) {
        Node *a = call->list.data[i];
        Val *v = xcalloc(1, sizeof *v);
        *v = a ? expr(a) : expr(fn->params[i].def);
        if (fn->params[i].var->ty == ty_float) *v = as_float(*v);
        vec_push(&args, v);
    }
    return args;
}

static Val call_user(Node *e) {
    Func *fn = e->fn;
    Vec vals = call_args(fn, e);
    Buf b = {0};
    for (int i = 0; i < vals.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", ((Val *)vals.data[i])->c);
    if (fn->ret == ty_none) {
        emit("%s(%s);", fn->cname, b.data ? b.data : "");
        check_err();
        return (Val){"0", ty_none, false};
    }
    if (is_obj(fn->ret)) return call_value(fn->ret, "%s(%s)", fn->cname, b.data ? b.data : "");
    return call_value(fn->ret, "%s(%s)", fn->cname, b.data ? b.data : "");
}

/* A coroutine object for `f(args)` (heap frame, not yet running). */
static Val coro_object(Node *e) {
    Func *fn = e->fn;
    if (fn->host) {
        fprintf(stderr, "%s:%d:%d: error: a deferred host function must be awaited directly\n", py_path, e->loc.line, e->loc.col);
        diag_errors++;
        return (Val){"NULL", e->ty, false};
    }
    Vec args = call_args(fn, e);
    char *tmp = new_temp(ty_coro(fn->ret));
    emit("%s = ac_coro_new(&%s_vt);", tmp, fn->cname);
    for (int i = 0; i < fn->nparams; i++) {
        Val *v = args.data[i];
        emit("AC_TASK_FRAME(%s, struct %s_frame)->%s = %s;", tmp, fn->cname,
             safe_name(fn->params[i].var->name), take_ref(*v));
    }
    hold(tmp, e->ty);
    return (Val){tmp, e->ty, true};
}

static Val print_call(Node *e) {
    Val sep = {NULL, ty_str, false}, end = {NULL, ty_str, false};
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        if (kw->a->kind == N_NONE) continue;
        Val v = expr(kw->a);
        if (!strcmp(kw->sval, "sep")) sep = v;
        else end = v;
    }
    /* the arguments are all evaluated before anything is written */
    int mark = C->held.len;
    Vec strs = {0};
    for (int i = 0; i < e->list.len; i++) {
        Val *v = xcalloc(1, sizeof *v);
        *v = pin(expr(e->list.data[i]));
        vec_push(&strs, v);
    }
    for (int i = 0; i < strs.len; i++) {
        if (i) {
            if (sep.c) emit("ac_write(%s);", sep.c);
            else emit("ac_write_cstr(\" \");");
        }
        Val v = to_str(*(Val *)strs.data[i], false);
        emit("ac_write(%s);", v.c);
    }
    release_held_from(mark);
    if (end.c) emit("ac_write(%s);", end.c);
    else emit("ac_write_cstr(\"\\n\");");
    return (Val){"0", ty_none, false};
}

static Val exc_new(Node *e) {
    int n = e->list.len;
    Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
    for (int i = 0; i < n; i++) el[i] = ((Node *)e->list.data[i])->ty;
    Type *tt = ty_tuple(el, n);
    Node fake = {0};
    fake.list = e->list;
    Val args = tuple_lit(&fake, tt);
    char *a = take_ref(args);
    return call_value(e->ty, "ac_exc_new(&%s, %s)", e->cls->cname, a);
}

static Val minmax(Node *e, bool is_min) {
    int n = e->list.len;
    if (n == 1) {
        Val l = expr(e->list.data[0]);
        Type *t = e->ty;
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(format("ac_list_%s(%s)", is_min ? "min" : "max", l.c), t));
        check_err();
        if (is_obj(t)) hold(tmp, t);
        return (Val){tmp, t, is_obj(t)};
    }
    Type *t = e->ty;
    char *res = new_temp(t);
    Val first = expr(e->list.data[0]);
    if (t == ty_float) first = as_float(first);
    emit("%s = %s;", res, first.c);
    for (int i = 1; i < n; i++) {
        Val v = expr(e->list.data[i]);
        if (t == ty_float) v = as_float(v);
        Val r = compare1(is_min ? OP_LT : OP_GT, v, (Val){res, t, false});
        emit("if (%s) %s = %s;", r.c, res, v.c);
    }
    if (is_obj(t)) {
        emit("ac_incref(%s);", res);
        hold(res, t);
        return (Val){res, t, true};
    }
    return (Val){res, t, false};
}

static Val method(Node *e) {
    Node *callee = e->a;
    Val r = expr(callee->a);
    const char *m = e->sval;
    int n = e->list.len;
    Val a[3] = {{0}};
    for (int i = 0; i < n && i < 3; i++) {
        Node *x = e->list.data[i];
        if (x->kind == N_NONE) a[i] = (Val){"NULL", ty_none, false};
        else a[i] = expr(x);
    }
    if (r.ty == ty_str) {
        if (!strcmp(m, "upper") || !strcmp(m, "lower")) return call_value(ty_str, "ac_str_%s(%s)", m, r.c);
        if (!strcmp(m, "strip") || !strcmp(m, "lstrip") || !strcmp(m, "rstrip"))
            return call_value(ty_str, "ac_str_%s(%s, %s)", m, r.c, n ? a[0].c : "NULL");
        if (!strcmp(m, "split"))
            return call_value(e->ty, "ac_str_split(%s, %s, %s)", r.c, n ? a[0].c : "NULL", n > 1 ? a[1].c : "-1");
        if (!strcmp(m, "join")) {
            if (a[0].ty == ty_str) a[0] = call_value(ty_list(ty_str), "ac_str_split_chars(%s)", a[0].c);
            return call_value(ty_str, "ac_str_join(%s, %s)", r.c, a[0].c);
        }
        if (!strcmp(m, "startswith") || !strcmp(m, "endswith"))
            return (Val){format("ac_str_%s(%s, %s)", m, r.c, a[0].c), ty_bool, false};
        if (!strcmp(m, "replace")) return call_value(ty_str, "ac_str_replace(%s, %s, %s, %s)", r.c, a[0].c, a[1].c, n > 2 ? a[2].c : "-1");
        if (!strcmp(m, "find") || !strcmp(m, "rfind") || !strcmp(m, "count"))
            return call_value(ty_int, "ac_str_%s(%s, %s)", m, r.c, a[0].c);
        if (!strcmp(m, "isdigit") || !strcmp(m, "isalpha") || !strcmp(m, "isspace"))
            return (Val){format("ac_str_%s(%s)", m, r.c), ty_bool, false};
        if (!strcmp(m, "format")) {
            /* "...{}...".format(args): only literal templates with {} / {N} / {:spec} */
            Node *recv = callee->a;
            if (recv->kind != N_STR) {
                fprintf(stderr, "%s:%d:%d: error: str.format() needs a literal template\n", py_path, e->loc.line, e->loc.col);
                diag_errors++;
                return (Val){str_lit("", 0), ty_str, false};
            }
            Buf tpl = {0};
            Vec parts = {0};
            const char *s = recv->sval;
            size_t len = recv->slen;
            int auto_idx = 0;
            Val args[64];
            bool used[64] = {0};
            for (int i = 0; i < n && i < 64; i++) args[i] = i < 3 ? a[i] : expr(e->list.data[i]);
            for (size_t i = 0; i < len; i++) {
                if (s[i] == '{' && i + 1 < len && s[i + 1] == '{') { buf_putn(&tpl, "{", 1); i++; continue; }
                if (s[i] == '}' && i + 1 < len && s[i + 1] == '}') { buf_putn(&tpl, "}", 1); i++; continue; }
                if (s[i] != '{') { buf_putn(&tpl, s + i, 1); continue; }
                /* the field ends at its matching brace: specs may nest {} */
                size_t j = i + 1;
                for (int depth = 1; j < len; j++) {
                    if (s[j] == '{') depth++;
                    else if (s[j] == '}' && --depth == 0) break;
                }
                char *field = xstrndup(s + i + 1, j - i - 1);
                i = j;
                if (tpl.len) vec_push(&parts, str_lit(tpl.data, tpl.len)), tpl.len = 0;
                char *spec = strchr(field, ':');
                if (spec) *spec++ = 0;
                bool rep = false;
                char *conv = strchr(field, '!');
                if (conv) { rep = conv[1] == 'r'; *conv = 0; }
                int idx = *field ? atoi(field) : auto_idx++;
                if (idx < 0 || idx >= n || idx >= 64) {
                    fprintf(stderr, "%s:%d:%d: error: str.format() field {%s} has no argument\n", py_path, e->loc.line, e->loc.col, field);
                    diag_errors++;
                    continue;
                }
                /* the spec: literal text and nested {} / {N} fields */
                Vec sparts = {0};
                Buf lit = {0};
                for (char *q = spec; q && *q; q++) {
                    if (*q != '{') { buf_putn(&lit, q, 1); continue; }
                    char *close = strchr(q, '}');
                    if (!close) { buf_puts(&lit, q); break; }
                    int k = close > q + 1 ? atoi(q + 1) : auto_idx++;
                    q = close;
                    if (k < 0 || k >= n || k >= 64) {
                        fprintf(stderr, "%s:%d:%d: error: str.format() nested field has no argument\n", py_path, e->loc.line, e->loc.col);
                        diag_errors++;
                        continue;
                    }
                    if (lit.len) vec_push(&sparts, str_lit(lit.data, lit.len)), lit.len = 0;
                    used[k] = true;
                    vec_push(&sparts, to_str(args[k], false).c);
                }
                if (lit.len) vec_push(&sparts, str_lit(lit.data, lit.len));
                used[idx] = true;
                Val v = args[idx];
                Val sv;
                if (rep) v = to_str(v, true);
                if (sparts.len) {
                    char *sp = sparts.data[0];
                    if (sparts.len > 1 || strncmp(sp, "(&S", 3)) {
                        Buf sb = {0};
                        for (int k = 0; k < sparts.len; k++) buf_printf(&sb, "%s%s", k ? ", " : "", (char *)sparts.data[k]);
                        sp = call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", sparts.len, sb.data).c;
                    }
                    sv = call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), sp);
                } else {
                    sv = to_str(v, false);
                }
                vec_push(&parts, sv.c);
            }
            /* Python evaluates every argument, used or not */
            for (int i = 0; i < n && i < 64; i++)
                if (!used[i] && !strncmp(args[i].c, "tmp", 3)) emit("(void)%s;", args[i].c);
            if (tpl.len) vec_push(&parts, str_lit(tpl.data, tpl.len));
            if (!parts.len) return (Val){str_lit("", 0), ty_str, false};
            Buf b = {0};
            for (int i = 0; i < parts.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", (char *)parts.data[i]);
            return call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", parts.len, b.data);
        }
    }
    if (r.ty->kind == TY_LIST) {
        Type *el = r.ty->elem;
        if (n >= 1 && el == ty_float && strcmp(m, "insert")) a[0] = as_float(a[0]);
        if (!strcmp(m, "append")) {
            char *x = take_ref(a[0]);
            emit("ac_list_append(%s, %s);", r.c, to_val((Val){x, el, false}));
            check_err();
            return (Val){"0", ty_none, false};
        }
        if (!strcmp(m, "insert")) {
            if (el == ty_float) a[1] = as_float(a[1]);
            char *x = take_ref(a[1]);
            emit("ac_list_insert(%s, %s, %s);", r.c, a[0].c, to_val((Val){x, el, false}));
            check_err();
            return (Val){"0", ty_none, false};
        }
        if (!strcmp(m, "pop")) {
            char *tmp = new_temp(el);
            emit("%s = %s;", tmp, from_val(format("ac_list_pop(%s, %s)", r.c, n ? a[0].c : "-1"), el));
            check_err();
            if (is_obj(el)) hold(tmp, el);
            return (Val){tmp, el, is_obj(el)};
        }
        if (!strcmp(m, "index")) return call_value(ty_int, "ac_list_index(%s, %s)", r.c, to_val((Val){a[0].c, el, false}));
        if (!strcmp(m, "count")) {
            char *cnt = new_temp(ty_int), *k = new_temp(ty_int);
            emit("%s = 0;", cnt);
            emit("for (%s = 0; %s < %s->len; %s++) %s += ac_val_eq(%s->items[%s], %s, %s);", k, k, r.c, k, cnt, r.c, k,
                 to_val((Val){a[0].c, el, false}), desc(el));
            return (Val){cnt, ty_int, false};
        }
        if (!strcmp(m, "remove")) {
            char *k = new_temp(ty_int);
            emit("for (%s = 0; %s < %s->len && !ac_val_eq(%s->items[%s], %s, %s); %s++) {}", k, k, r.c, r.c, k,
                 to_val((Val){a[0].c, el, false}), desc(el), k);
            emit("if (%s == %s->len) ac_raise_msg(&ac_cls_ValueError, \"list.remove(x): x not in list\");", k, r.c);
            emit("else ac_val_decref(ac_list_pop(%s, %s), %s);", r.c, k, desc(el));
            check_err();
            return (Val){"0", ty_none, false};
        }
        if (!strcmp(m, "extend")) { emit("ac_list_extend(%s, %s);", r.c, a[0].c); check_err(); return (Val){"0", ty_none, false}; }
        if (!strcmp(m, "sort")) { emit("ac_list_sort(%s, 0);", r.c); check_err(); return (Val){"0", ty_none, false}; }
        if (!strcmp(m, "reverse")) { emit("ac_list_reverse(%s);", r.c); return (Val){"0", ty_none, false}; }
        if (!strcmp(m, "copy")) return call_value(r.ty, "ac_list_copy(%s)", r.c);
        if (!strcmp(m, "clear")) {
            char *tmp = new_temp(r.ty);
            emit("%s = ac_list_slice(%s, 0, 0, 1, 0, 0, 0);", tmp, r.c);
            emit("while (%s->len) ac_val_decref(ac_list_pop(%s, -1), %s);", r.c, r.c, desc(el));
            emit("ac_decref(%s);", tmp);
            return (Val){"0", ty_none, false};
        }
    }
    if (r.ty->kind == TY_TASK) {
        if (!strcmp(m, "done")) return (Val){format("ac_task_done(%s)", r.c), ty_bool, false};
        if (!strcmp(m, "cancelled")) return (Val){format("ac_task_cancelled(%s)", r.c), ty_bool, false};
        if (!strcmp(m, "cancel")) return call_value(ty_bool, "ac_task_cancel(%s)", r.c);
        if (!strcmp(m, "result")) {
            Type *t = e->ty;
            char *tmp = new_temp(t);
            emit("%s = %s;", tmp, from_val(format("ac_task_get_result(%s)", r.c), t));
            check_err();
            if (is_obj(t)) hold(tmp, t);
            return (Val){tmp, t, is_obj(t)};
        }
    }
    fprintf(stderr, "%s:%d:%d: error: method '%s' is not supported here\n", py_path, e->loc.line, e->loc.col, m);
    diag_errors++;
    return (Val){"0", ty_none, false};
}

static Val builtin(Node *e) {
    int n = e->list.len;
    Node *a0 = n ? e->list.data[0] : NULL;
    switch (e->builtin) {
    case B_PRINT: return print_call(e);
    case B_LEN: {
        Val v = expr(a0);
        if (v.ty == ty_str) return (Val){format("%s->nchars", v.c), ty_int, false};
        if (v.ty->kind == TY_LIST) return (Val){format("%s->len", v.c), ty_int, false};
        return (Val){format("(int64_t)%s->type->n", v.c), ty_int, false};
    }
    case B_STR: if (!n) return (Val){str_lit("", 0), ty_str, false}; return to_str(expr(a0), false);
    case B_REPR: return to_str(expr(a0), true);
    case B_INT: {
        if (!n) return int_lit(0);
        Val v = expr(a0);
        if (v.ty == ty_int) return v;
        if (v.ty == ty_bool) return (Val){format("(int64_t)%s", v.c), ty_int, false};
        if (v.ty == ty_float) return call_value(ty_int, "ac_float_to_int(%s)", v.c);
        if (n == 2) { Val b = expr(e->list.data[1]); return call_value(ty_int, "ac_str_to_int(%s, %s)", v.c, b.c); }
        return call_value(ty_int, "ac_str_to_int(%s, 10)", v.c);
    }
    case B_FLOAT: {
        if (!n) return float_lit(0.0);
        Val v = expr(a0);
        if (v.ty == ty_str) return call_value(ty_float, "ac_str_to_float(%s)", v.c);
        return as_float(v);
    }
    case B_BOOL: {
        if (!n) return (Val){"0", ty_bool, false};
        Val v = expr(a0);
        return (Val){truth(v), ty_bool, false};
    }
    case B_ABS: {
        Val v = expr(a0);
        if (v.ty == ty_float) return (Val){format("fabs(%s)", v.c), ty_float, false};
        return call_value(ty_int, "ac_int_abs(%s)", v.c);
    }
    case B_ROUND: {
        Val v = expr(a0);
        if (n == 1) {
            if (v.ty == ty_float) return call_value(ty_int, "ac_float_round(%s)", v.c);
            return v;
        }
        Val d = expr(e->list.data[1]);
        if (v.ty == ty_float) return call_value(ty_float, "ac_float_round_n(%s, %s)", v.c, d.c);
        return v;
    }
    case B_MIN: return minmax(e, true);
    case B_MAX: return minmax(e, false);
    case B_SUM: {
        Val l = expr(a0);
        Type *t = e->ty;
        return call_value(t, "%s", from_val(format("ac_list_sum(%s)", l.c), t));
    }
    case B_SORTED: {
        Val l = expr(a0);
        char *rev = "0";
        for (int i = 0; i < e->list2.len; i++) rev = expr(((Node *)e->list2.data[i])->a).c;
        if (l.ty == ty_str) {
            Val lst = call_value(e->ty, "ac_str_split_chars(%s)", l.c);
            emit("ac_list_sort(%s, %s);", lst.c, rev);
            return lst;
        }
        return call_value(e->ty, "ac_list_sorted(%s, %s)", l.c, rev);
    }
    case B_LIST: {
        if (a0->kind == N_CALL && a0->builtin == B_RANGE) {
            char *res = new_temp(e->ty);
            emit("%s = ac_list_new(&ac_t_int, 0, NULL);", res);
            hold(res, e->ty);
            emit_for_iter(NULL, a0, NULL, NULL, 0, res);
            return (Val){res, e->ty, true};
        }
        Val v = expr(a0);
        if (v.ty == ty_str) return call_value(e->ty, "ac_str_split_chars(%s)", v.c);
        return call_value(e->ty, "ac_list_copy(%s)", v.c);
    }
    case B_FORMAT: {
        Val v = expr(a0);
        Val spec = n > 1 ? expr(e->list.data[1]) : (Val){str_lit("", 0), ty_str, false};
        return call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), spec.c);
    }
    case B_RANGE: {
        char *res = new_temp(e->ty);
        emit("%s = ac_list_new(&ac_t_int, 0, NULL);", res);
        hold(res, e->ty);
        emit_for_iter(NULL, e, NULL, NULL, 0, res);
        return (Val){res, e->ty, true};
    }
    }
    return (Val){"0", ty_none, false};
}

/* ---- awaits ------------------------------------------------------------------- */

/* What an await runs when it raises: `extra` (releasing a child frame),
 * then the temporaries held above the handler, then the jump. */
static char *fail_stmt(const char *extra) {
    char *rel = releases_above(handler_mark());
    if (!*extra && !*rel) return format("goto %s", handler());
    return format("{ %s%sgoto %s; }", extra, rel, handler());
}

static StateInfo *new_state(void) {
    StateInfo *s = xcalloc(1, sizeof *s);
    for (int i = 0; i < C->held.len; i++) vec_push(&s->held, C->held.data[i]);
    vec_push(&C->states, s);
    return s;
}

static char *after_begin; /* code to run right after a begin call */

/* A leaf await: begin, suspend, wait_end.  Returns the wait record. */
static char *leaf_await(Node *aw, const char *begin_fmt, ...) {
    int k = aw->await_id + 1;
    frame_await(C->fn, "ac_wait", format("w%d", k), AC_WAIT_SIZE);
    char *w = format("&f->sub.w%d", k);
    va_list ap;
    va_start(ap, begin_fmt);
    char *call = vformat(begin_fmt, ap);
    va_end(ap);
    StateInfo *si = new_state();
    si->child_drop = format("ac_wait_drop(%s)", w);
    C->uses_st = true;
    if (after_begin) {
        emit("st = %s;", call);
        emit("%s", after_begin);
        after_begin = NULL;
        emit("AC_AWAIT_BEGUN(%d, %s, %s);", k, w, fail_stmt(""));
    } else {
        emit("AC_AWAIT(%d, %s, %s, %s);", k, w, call, fail_stmt(""));
    }
    return w;
}

/* Every finished leaf await hands over its value exactly once; an
 * expression statement's await lets go of it at once. */
static Val wait_value(char *w, bool discard, Type *t) {
    if (t == ty_none || t == ty_any || (discard && !is_obj(t))) {
        emit("(void)ac_wait_result(%s);", w);
        return (Val){"0", ty_none, false};
    }
    if (discard) {
        emit("ac_decref(ac_wait_result(%s).p);", w);
        return (Val){"0", ty_none, false};
    }
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(format("ac_wait_result(%s)", w), t));
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

static bool has_starred(Node *call) {
    for (int i = 0; i < call->list.len; i++)
        if (((Node *)call->list.data[i])->kind == N_STARRED) return true;
    return false;
}

/* gather(*xs, ...): the children as one list, a new reference that gather
 * steals (a list held nowhere else lends gather its items array). */
static char *gather_list(Node *call) {
    Node *only = call->list.len == 1 ? ((Node *)call->list.data[0])->a : NULL;
    if (only) return take_ref(expr(only));      /* gather(*xs): the list itself */
    Type *lt = NULL;
    for (int i = 0; i < call->list.len && !lt; i++) {
        Node *a = call->list.data[i];
        if (a->kind == N_STARRED) lt = a->a->ty;
    }
    Val all = call_value(lt, "ac_list_new(%s, 0, NULL)", desc(lt->elem));
    for (int i = 0; i < call->list.len; i++) {
        Node *a = call->list.data[i];
        if (a->kind == N_STARRED) {
            Val l = expr(a->a);
            emit("ac_list_extend(%s, %s);", all.c, l.c);
            if (l.owned) { unhold(l); emit("ac_decref(%s);", l.c); }
        } else {
            Val v = expr(a);
            emit("ac_list_append(%s, ac_ptr_val(%s));", all.c, take_ref(v));
        }
    }
    return take_ref(all);
}

/* gather(a, b, c): an array of stolen coroutine/task references. */
static char *gather_array(Node *call) {
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < call->list.len; i++) {
        Val v = expr(call->list.data[i]);
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = v;
        vec_push(&vals, pv);
    }
    for (int i = 0; i < vals.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", take_ref(*(Val *)vals.data[i]));
    if (!call->list.len) return "NULL";
    return format("(ac_task *[]){%s}", b.data);
}

static bool is_zero_literal(Node *n) {
    if (n->kind == N_UNARY && n->op == OP_NEG) return is_zero_literal(n->a);
    return (n->kind == N_INT && n->ival == 0) || (n->kind == N_FLOAT && n->fval == 0.0);
}

static Val await_expr(Node *aw) {
    /* only the outermost await of an expression statement discards */
    bool discard = C->discard;
    C->discard = false;
    if (!C->async) return (Val){"0", ty_none, false};
    return await_value(aw, discard);
}

/* What the drop of a frame suspended in an inline child releases: the
 * child's frame contents, and a pooled frame itself. */
static int func_index(Func *fn);
static char *child_drop(Func *fn, const char *cf, const char *release) {
    int *d = &drop_of[func_index(fn)];
    if (*d == DROP_NONE) return *release ? xstrdup(release) : NULL;
    if (*d == DROP_UNKNOWN) *d = DROP_NAMED;
    return *release ? format("%s_drop(%s); %s", fn->cname, cf, release) : format("%s_drop(%s)", fn->cname, cf);
}

static Val await_value(Node *aw, bool discard) {
    Node *x = aw->a;
    int k = aw->await_id + 1;
    if (x->kind == N_CALL && (x->builtin == B_RECEIVE || x->builtin == B_FRAME)) {
        char *w = leaf_await(aw, x->builtin == B_RECEIVE ? "ac_receive_begin(&f->sub.w%d)" : "ac_frame_begin(&f->sub.w%d)", k);
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && x->builtin == B_CORO_CALL && x->fn->host == HOST_DEFERRED) {
        /* the host gets the call id and completes the call later */
        Func *fn = x->fn;
        Vec vals = call_args(fn, x);
        Buf args = {0};
        for (int i = 0; i < vals.len; i++) buf_printf(&args, ", %s", ((Val *)vals.data[i])->c);
        char *id = format("call%d", ++C->ntemps);
        buf_printf(&C->decls, "    ac_call_id %s;\n", id);
        after_begin = format("if (st == AC_SUSPEND) %s(%s%s);", fn->cname, id, args.data ? args.data : "");
        char *w = leaf_await(aw, "ac_host_call_begin(&f->sub.w%d, %s, &%s)", k, desc(fn->ret), id);
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && x->builtin == B_CORO_CALL) {
        /* the callee's frame runs by direct calls to its resume function:
         * no allocation and no scheduler round.  It is a member of our
         * await union, or for a recursive callee, which cannot sit inside
         * its own frame, a block from the runtime's frame pool (no task
         * header either way). */
        Func *fn = x->fn;
        Vec args = call_args(fn, x);
        char *cf, *mem, *release = "";  /* a pointer to the child frame; its members */
        if (fn->recursive) {
            frame_await(C->fn, format("struct %s_frame *", fn->cname), format("p%d", k), PTR_SIZE);
            cf = format("f->sub.p%d", k);
            mem = format("%s->", cf);
            release = format("ac_frame_free(%s, sizeof(struct %s_frame))", cf, fn->cname);
            emit("%s = ac_frame_alloc(sizeof(struct %s_frame));", cf, fn->cname);
        } else {
            frame_await(C->fn, format("struct %s_frame", fn->cname), format("a%d", k), fn->frame_size);
            cf = format("&f->sub.a%d", k);
            mem = format("f->sub.a%d.", k);
        }
        emit("memset(%s, 0, sizeof(struct %s_frame));", cf, fn->cname);
        for (int i = 0; i < fn->nparams; i++) emit("%s%s = %s;", mem, safe_name(fn->params[i].var->name), take_ref(*(Val *)args.data[i]));
        StateInfo *si = new_state();
        si->child_drop = child_drop(fn, cf, release);
        C->uses_st = true;
        emit("AC_AWAIT_FRAME(%d, %s_resume(%s), %s);", k, fn->cname, cf, fail_stmt(*release ? format("%s; ", release) : ""));
        Val r = {"0", ty_none, false};
        if (discard && is_obj(fn->ret)) emit("ac_decref(%sret.p);", mem);
        else if (fn->ret != ty_none && !discard) {
            r = (Val){new_temp(fn->ret), fn->ret, is_obj(fn->ret)};
            emit("%s = %s;", r.c, from_val(format("%sret", mem), fn->ret));   /* moved out */
        }
        if (*release) emit("%s;", release);
        if (r.owned) hold(r.c, r.ty);
        return r;
    }
    if (x->kind == N_CALL && x->builtin == B_SLEEP && is_zero_literal(x->list.data[0])) {
        /* sleep(0): a bare yield, no wait record (see AC_YIELD) */
        new_state();
        emit("AC_AWAIT_YIELD(%d, %s);", k, fail_stmt(""));
        return (Val){"0", ty_none, false};
    }
    if (x->kind == N_CALL && x->builtin == B_SLEEP) {
        Val s = as_float(expr(x->list.data[0]));
        char *w = leaf_await(aw, "ac_sleep_begin(&f->sub.w%d, %s)", k, s.c);
        return wait_value(w, discard, ty_none);
    }
    if (x->kind == N_CALL && (x->builtin == B_GATHER || x->builtin == B_EGATHER)) {
        Type *lt = aw->ty;
        bool edge = x->builtin == B_EGATHER;
        char *w;
        if (has_starred(x)) {
            char *l = gather_list(x);
            if (edge) w = leaf_await(aw, "ac_edge_gather_list_begin(&f->sub.w%d, %s, %s)", k, l, desc(lt->elem));
            else w = leaf_await(aw, "ac_gather_list_begin(&f->sub.w%d, %s, %s, %d)", k, l, desc(lt->elem), (int)x->ival);
        } else {
            char *kids = gather_array(x);
            if (edge) w = leaf_await(aw, "ac_edge_gather_begin(&f->sub.w%d, %d, %s, %s)", k, x->list.len, kids, desc(lt->elem));
            else w = leaf_await(aw, "ac_gather_begin(&f->sub.w%d, %d, %s, %s, %d)", k, x->list.len, kids, desc(lt->elem), (int)x->ival);
        }
        return wait_value(w, discard, lt);
    }
    if (x->kind == N_CALL && x->builtin == B_WAIT_FOR) {
        Val c = expr(x->list.data[0]);
        Node *to = x->list.data[1];
        char *child = take_ref(c);
        char *w;
        if (to->kind == N_NONE) w = leaf_await(aw, "ac_wait_for_begin(&f->sub.w%d, %s, 0, 0.0)", k, child);
        else {
            Val t = as_float(expr(to));
            w = leaf_await(aw, "ac_wait_for_begin(&f->sub.w%d, %s, 1, %s)", k, child, t.c);
        }
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && x->builtin == B_WITH_TIMEOUT) {
        Val t = as_float(expr(x->list.data[0]));
        Val c = expr(x->list.data[1]);
        char *w = leaf_await(aw, "ac_with_timeout_begin(&f->sub.w%d, %s, %s)", k, t.c, take_ref(c));
        return wait_value(w, discard, aw->ty);
    }
    /* a coroutine object or task held in a value */
    Val v = expr(x);
    char *w = leaf_await(aw, "ac_await_begin(&f->sub.w%d, %s)", k, v.c);
    return wait_value(w, discard, aw->ty);
}

/* ---- expression dispatch --------------------------------------------------------- */

/* asyncio.run(c) / run(c1, c2, ...): the main coroutines, run to the end
 * by a loop of their own. */
static Val run_call(Node *e) {
    int n = e->list.len;
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = expr(e->list.data[i]);
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) buf_printf(&b, "%s%s", i ? ", " : "", take_ref(*(Val *)vals.data[i]));
    char *res = format("runres%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s;\n", res);
    if (e->builtin == B_ERUN) emit("ac_edge_run(%d, (ac_task *[]){%s}, &%s);", n, b.data, res);
    else emit("ac_asyncio_run(%s, &%s);", b.data, res);
    check_err();
    Type *t = e->ty;
    if (t == ty_none || t == ty_any) return (Val){"0", ty_none, false};
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(res, t));
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

static Val call_expr(Node *e) {
    switch (e->builtin) {
    case B_USER: return call_user(e);
    case B_CORO_CALL: return coro_object(e);
    case B_EXC_NEW: return exc_new(e);
    case B_METHOD: return method(e);
    case B_CREATE_TASK: {
        Val c = expr(e->list.data[0]);
        return call_value(e->ty, "ac_create_task(%s)", take_ref(c));
    }
    case B_ECANCEL: {
        Val c = expr(e->list.data[0]);
        emit("ac_edge_cancel(%s);", c.c);
        return (Val){"0", ty_none, false};
    }
    case B_ARUN: case B_ERUN: return run_call(e);
    default: return builtin(e);
    }
}

static Val index_expr(Node *e) {
    Val c = expr(e->a);
    /* a tuple's index is a constant the checker already resolved */
    Val i = c.ty->kind == TY_TUPLE ? int_lit(e->ival) : expr(e->b);
    if (c.ty == ty_str) return call_value(ty_str, "ac_str_index(%s, %s)", c.c, i.c);
    Type *t = e->ty;
    if (c.ty->kind == TY_TUPLE) {
        Val v = {from_val(format("%s->items[%lld]", c.c, (long long)e->ival), t), t, false};
        if (!is_obj(t) || !c.owned) return v;
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, v.c);
        emit("ac_incref(%s);", tmp);
        hold(tmp, t);
        return (Val){tmp, t, true};
    }
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(format("ac_list_get(%s, %s)", c.c, i.c), t));
    check_err();
    if (!is_obj(t)) return (Val){tmp, t, false};
    /* keep the element alive even if the list dies with the statement */
    emit("ac_incref(%s);", tmp);
    hold(tmp, t);
    return (Val){tmp, t, true};
}

static Val slice_expr(Node *e) {
    Val c = expr(e->a);
    Node *p[3] = {e->b, e->c, e->d};
    char *part[3];
    for (int i = 0; i < 3; i++) {
        if (!p[i] || p[i]->kind == N_NONE) part[i] = "0, 0";
        else part[i] = format("1, %s", expr(p[i]).c);
    }
    return call_value(e->ty, "%s(%s, %s, %s, %s)", c.ty == ty_str ? "ac_str_slice" : "ac_list_slice", c.c, part[0], part[1], part[2]);
}

static Val unary_expr(Node *e) {
    Val v = expr(e->a);
    if (e->kind == N_NOT) {
        char *tmp = new_temp(ty_bool);
        emit("%s = !%s;", tmp, truth(v));
        return (Val){tmp, ty_bool, false};
    }
    if (e->op == OP_POS) return v.ty == ty_bool ? (Val){format("(int64_t)%s", v.c), ty_int, false} : v;
    if (e->op == OP_INVERT) return (Val){format("(~(int64_t)%s)", v.c), ty_int, false};
    if (v.ty == ty_float) return (Val){format("(-%s)", v.c), ty_float, false};
    return call_value(ty_int, "ac_int_neg(%s)", v.c);
}

static Val name_expr(Node *e) {
    if (!e->var) {
        if (!strcmp(e->sval, "__name__")) return (Val){"asyncc_module_name", ty_str, false};
        return (Val){"0", ty_none, false};
    }
    e->var->read = true;
    return (Val){var_ref(e->var), e->var->ty, false};
}

static Val listcomp_expr(Node *e) {
    char *res = new_temp(e->ty);
    emit("%s = ac_list_new(%s, 0, NULL);", res, desc(e->ty->elem));
    hold(res, e->ty);
    comp_rest(e, 0, res, NULL);
    return (Val){res, e->ty, true};
}

static Val expr(Node *e) {
    switch (e->kind) {
    case N_INT: return int_lit(e->ival);
    case N_FLOAT: return float_lit(e->fval);
    case N_BOOL: return (Val){e->ival ? "1" : "0", ty_bool, false};
    case N_NONE: return (Val){"0", ty_none, false};
    case N_STR: return (Val){str_lit(e->sval, e->slen), ty_str, false};
    case N_FSTRING: return fstring(e);
    case N_NAME: return name_expr(e);
    case N_BINOP: {
        Val l = expr(e->a);
        Val r = expr(e->b);
        return binop(e, e->op, l, r);
    }
    case N_UNARY: case N_NOT: return unary_expr(e);
    case N_AND: case N_OR: case N_IFEXP: return branchy(e);
    case N_COMPARE: return compare(e);
    case N_CALL: return call_expr(e);
    case N_ATTR: {
        Val v = expr(e->a);
        return call_value(e->ty, "ac_exc_args(%s)", v.c);
    }
    case N_INDEX: return index_expr(e);
    case N_SLICE: return slice_expr(e);
    case N_LIST: return list_lit(e);
    case N_TUPLE: return tuple_lit(e, e->ty);
    case N_LISTCOMP: return listcomp_expr(e);
    case N_AWAIT: return await_expr(e);
    default: return (Val){"0", ty_none, false};
    }
}

/* ---- statements ----------------------------------------------------------------- */

static void assign_var(Var *v, Val val) {
    if (v->ty == ty_float) val = as_float(val);
    char *dst = var_ref(v);
    if (is_obj(v->ty)) {
        char *src = take_ref(val);
        emit("ac_decref(%s);", dst);
        emit("%s = %s;", dst, src);
    } else {
        emit("%s = %s;", dst, val.c);
    }
}

static void assign_target(Node *t, Val val) {
    if (t->kind == N_NAME) {
        assign_var(t->var, val);
        return;
    }
    if (t->kind == N_TUPLE || t->kind == N_LIST) {
        Val src = pin(val);
        int n = t->list.len;
        if (val.ty->kind == TY_LIST) {
            emit("if (%s->len != %d) ac_raise_msg(&ac_cls_ValueError, %s->len < %d ? \"not enough values to unpack (expected %d, got %%d)\" : \"too many values to unpack (expected %d)\", (int)%s->len);",
                 src.c, n, src.c, n, n, n, src.c);
            check_err();
        }
        for (int i = 0; i < n; i++) {
            Node *x = t->list.data[i];
            Type *et = val.ty->kind == TY_LIST ? val.ty->elem : val.ty->elems[i];
            Val ev = {from_val(format("%s->items[%d]", src.c, i), et), et, false};
            assign_target(x, ev);
        }
        return;
    }
    if (t->kind == N_INDEX) {
        Val c = expr(t->a);
        Val i = expr(t->b);
        Type *el = c.ty->elem;
        if (el == ty_float) val = as_float(val);
        char *x = take_ref(val);
        emit("ac_list_set(%s, %s, %s);", c.c, i.c, to_val((Val){x, el, false}));
        check_err();
    }
}

/* The rest of a comprehension from clause `idx` on, inside the loops of
 * the clauses before it (`cont` continues the innermost one). */
static void comp_rest(Node *comp, int idx, char *result, const char *cont) {
    if (idx == comp->list.len) {
        int m = C->held.len;
        Val v = expr(comp->a);
        if (comp->ty->elem == ty_float) v = as_float(v);
        char *x = take_ref(v);
        emit("ac_list_append(%s, %s);", result, to_val((Val){x, comp->ty->elem, false}));
        release_held_from(m);
        return;
    }
    Node *c = comp->list.data[idx];
    if (c->kind == N_IF) {
        int m = C->held.len;
        Val v = expr(c->a);
        char *tv = new_temp(ty_bool);
        emit("%s = %s;", tv, truth(v));
        release_held_from(m);
        emit("if (!%s) goto %s;", tv, cont);
        comp_rest(comp, idx + 1, result, cont);
        return;
    }
    emit_for_iter(c->a, c->b, NULL, comp, idx + 1, result);
}

/* The body of one loop iteration: statements, the rest of a
 * comprehension, or (list(range(...))) an append of the counter. */
static void loop_body(Node *body, Node *comp, int next, char *result, char *cur, char *brk, char *cont, int brk_mark) {
    if (body) {
        Loop *lp = xcalloc(1, sizeof *lp);
        lp->brk = brk;
        lp->cont = cont;
        lp->try_depth = C->tries.len;
        /* the loop's own sequence is released after its end label */
        (void)brk_mark;
        lp->brk_mark = lp->cont_mark = C->held.len;
        lp->exc_mark = C->excs.len;
        vec_push(&C->loops, lp);
        stmt_list(&body->list);
        C->loops.len--;
    } else if (comp) {
        comp_rest(comp, next, result, cont);
    } else if (result) {
        emit("ac_list_append(%s, ac_int_val(%s));", result, cur);
    }
}

/* for loops, comprehension clauses and list(range(...)): over a range, a
 * list or a str.  The sequence and the position live in temporaries, in
 * the frame when the loop contains an await. */
static void emit_for_iter(Node *target, Node *iter, Node *body, Node *comp, int next, char *result) {
    bool is_range = iter->kind == N_CALL && iter->builtin == B_RANGE;
    char *brk = new_label("loop_end"), *cont = new_label("loop_next"), *head = new_label("loop");
    int line = py_line;
    int mark = C->held.len;
    if (is_range) {
        int n = iter->list.len;
        Val a = expr(iter->list.data[0]);
        Val start = n == 1 ? int_lit(0) : a;
        Val stop = n == 1 ? a : expr(iter->list.data[1]);
        /* a literal step needs no variable and fixes the loop's direction */
        Node *sn = n == 3 ? iter->list.data[2] : NULL;
        bool const_step = !sn || sn->kind == N_INT || (sn->kind == N_UNARY && sn->op == OP_NEG && sn->a->kind == N_INT);
        int64_t step_val = !sn ? 1 : sn->kind == N_INT ? sn->ival : const_step ? -sn->a->ival : 0;
        if (const_step && step_val == 0) const_step = false;   /* raises at run time */
        Val step = const_step ? int_lit(step_val) : expr(sn);
        char *vstop = new_temp(ty_int);
        char *vstep = const_step ? int_lit(step_val).c : new_temp(ty_int);
        char *cur = new_temp(ty_int);
        emit("%s = %s;", cur, start.c);
        emit("%s = %s;", vstop, stop.c);
        if (!const_step) {
            emit("%s = %s;", vstep, step.c);
            emit("if (%s == 0) ac_raise_msg(&ac_cls_ValueError, \"range() arg 3 must not be zero\");", vstep);
            check_err();
        }
        release_held_from(mark);
        emit_label(head);
        if (const_step)
            emit("if (%s %s %s) goto %s;", cur, step_val > 0 ? ">=" : "<=", vstop, brk);
        else
            emit("if (%s > 0 ? %s >= %s : %s <= %s) goto %s;", vstep, cur, vstop, cur, vstop, brk);
        if (target) assign_target(target, (Val){cur, ty_int, false});
        loop_body(body, comp, next, result, cur, brk, cont, mark);
        resume_line(line);
        emit_label(cont);
        emit("if (AC_UNLIKELY(__builtin_add_overflow(%s, %s, &%s))) goto %s;", cur, vstep, cur, brk);
        emit("goto %s;", head);
        emit_label(brk);
        return;
    }
    /* list or str: hold the sequence for the whole loop */
    Val seq = expr(iter);
    Type *st = seq.ty;
    char *sv = new_temp(st);
    emit("%s = %s;", sv, take_ref(seq));
    release_held_from(mark);
    char *idx = new_temp(ty_int);
    emit("%s = 0;", idx);
    hold(sv, st);
    int loop_mark = C->held.len;
    emit_label(head);
    if (st == ty_str) {
        char *ch = new_temp(ty_str);
        emit("%s = ac_str_next_char(%s, &%s);", ch, sv, idx);
        emit("if (%s == NULL) goto %s;", ch, brk);
        hold(ch, ty_str);
        if (target) assign_target(target, (Val){ch, ty_str, true});
        release_held_from(loop_mark);
    } else {
        Type *vt = st->elem;
        emit("if (%s >= %s->len) goto %s;", idx, sv, brk);
        if (target) assign_target(target, (Val){from_val(format("%s->items[%s]", sv, idx), vt), vt, false});
        emit("%s++;", idx);
    }
    loop_body(body, comp, next, result, NULL, brk, cont, mark);
    resume_line(line);
    emit_label(cont);
    emit("goto %s;", head);
    emit_label(brk);
    release_held_from(mark);
}

static void stmt(Node *s);

static void stmt_list(Vec *list) {
    for (int i = 0; i < list->len; i++) stmt(list->data[i]);
}

/* Jump to `target` through every finally block between here and `depth`
 * (the try depth where the target lives). */
static void jump_through_finally(int depth, const char *target, int why) {
    if (C->tries.len > depth) {
        for (int i = C->tries.len - 1; i >= depth; i--) {
            Try *t = C->tries.data[i];
            if (t->fin) {
                emit("%s = %d;", t->why, why);
                if (why == 2) t->uses_return = true;
                if (why == 3) t->uses_break = true, t->brk = (char *)target;
                if (why == 4) t->uses_continue = true, t->cont = (char *)target;
                emit("goto %s;", t->fin);
                return;
            }
        }
    }
    emit("goto %s;", target);
}

static void cond_branch(Node *cond, const char *if_false) {
    int mark = C->held.len;
    Val c = expr(cond);
    char *tv = truth(c);
    if (C->held.len > mark) {
        char *tmp = new_temp(ty_bool);
        emit("%s = %s;", tmp, tv);
        release_held_from(mark);
        tv = tmp;
    }
    emit("if (!%s) goto %s;", tv, if_false);
}

static const char *ret_target(void) { return "L_return"; }

/* Leaving except blocks by return/break/continue lets go of the
 * exceptions they were handling. */
static void release_handled(int mark) {
    for (int i = C->excs.len - 1; i >= mark; i--) emit("ac_decref(%s); %s = NULL;", (char *)C->excs.data[i], (char *)C->excs.data[i]);
}

static void emit_try(Node *s) {
    bool frame = C->async && s->has_await;
    Try *t = xcalloc(1, sizeof *t);
    char *hlabel = new_label("except");
    char *end = new_label("try_end");
    if (s->c) {
        t->fin = new_label("finally");
        int k = ++C->ntemps;
        if (frame) {
            frame_field("int", format("why%d", k));
            frame_field("ac_exc *", format("fexc%d", k));
            t->why = format("f->why%d", k);
            t->fexc = format("f->fexc%d", k);
        } else {
            buf_printf(&C->decls, "    int why%d = 0;\n    ac_exc *fexc%d = NULL;\n", k, k);
            t->why = format("why%d", k);
            t->fexc = format("fexc%d", k);
        }
    }
    t->loop_depth = C->loops.len;
    char *fin_exc = t->fin ? new_label("finally_exc") : NULL;
    vec_push(&C->tries, t);
    /* body */
    push_handler(s->list.len ? hlabel : (fin_exc ? fin_exc : handler()));
    stmt_list(&s->a->list);
    C->handlers.len--;
    /* else runs only when the body finished normally */
    if (s->b) {
        if (fin_exc) push_handler(fin_exc);
        stmt_list(&s->b->list);
        if (fin_exc) C->handlers.len--;
    }
    if (t->fin) emit("%s = 0;", t->why);
    emit("goto %s;", t->fin ? t->fin : end);
    if (s->list.len) {
        emit_label(hlabel);
        int k = ++C->ntemps;
        char *exc;
        if (frame) {
            frame_field("ac_exc *", format("exc%d", k));
            exc = format("f->exc%d", k);
        } else {
            buf_printf(&C->decls, "    ac_exc *exc%d = NULL;\n", k);
            exc = format("exc%d", k);
        }
        emit("%s = ac_take_err();", exc);
        char *unhandled = new_label("unhandled");
        for (int i = 0; i < s->list.len; i++) {
            Node *h = s->list.data[i];
            char *next = new_label("next_except");
            if (h->a) {
                Buf b = {0};
                Vec classes = {0};
                if (h->a->kind == N_TUPLE) classes = h->a->list;
                else vec_push(&classes, h->a);
                for (int j = 0; j < classes.len; j++) {
                    Node *cn = classes.data[j];
                    buf_printf(&b, "%sac_exc_matches(%s, &%s)", j ? " || " : "", exc, cn->cls ? cn->cls->cname : "ac_cls_BaseException");
                }
                emit("if (!(%s)) goto %s;", b.data, next);
            }
            if (h->var) {
                emit("ac_incref(%s);", exc);
                assign_var(h->var, (Val){exc, h->var->ty, true});
                /* assign_var took our reference */
            }
            /* errors in the handler run finally (if any) with the new error */
            char *h_exit = new_label("handler_raised");
            push_handler(h_exit);
            vec_push(&C->excs, exc);
            stmt_list(&h->b->list);
            C->excs.len--;
            C->handlers.len--;
            emit("ac_decref(%s); %s = NULL;", exc, exc);
            if (t->fin) emit("%s = 0;", t->why);
            emit("goto %s;", t->fin ? t->fin : end);
            /* an exception escaping the handler: drop the handled one */
            emit_label(h_exit);
            emit("ac_decref(%s); %s = NULL;", exc, exc);
            if (fin_exc) emit("goto %s;", fin_exc);
            else emit("%sgoto %s;", releases_above(handler_mark()), handler());
            emit_label(next);
        }
        emit_label(unhandled);
        emit("ac_raise(%s); %s = NULL;", exc, exc);
        emit("goto %s;", fin_exc ? fin_exc : handler());   /* same held temporaries as the try */
    }
    C->tries.len--;
    if (t->fin) {
        emit_label(fin_exc);
        emit("%s = ac_take_err();", t->fexc);
        emit("%s = 1;", t->why);
        emit_label(t->fin);
        stmt_list(&s->c->list);
        emit("switch (%s) {", t->why);
        emit("case 1: ac_raise(%s); %s = NULL; %sgoto %s;", t->fexc, t->fexc, releases_above(handler_mark()), handler());
        if (t->uses_return) {
            C->indent++;
            emit("case 2:");
            jump_through_finally(0, ret_target(), 2);
            C->indent--;
        }
        if (t->uses_break) {
            C->indent++;
            emit("case 3:");
            jump_through_finally(((Loop *)C->loops.data[C->loops.len - 1])->try_depth, t->brk, 3);
            C->indent--;
        }
        if (t->uses_continue) {
            C->indent++;
            emit("case 4:");
            jump_through_finally(((Loop *)C->loops.data[C->loops.len - 1])->try_depth, t->cont, 4);
            C->indent--;
        }
        emit("default: break;");
        emit("}");
    }
    emit_label(end);
}

static void emit_augassign(Node *s, int mark) {
    Node *t = s->a;
    if (t->kind == N_NAME) {
        Val cur = {var_ref(t->var), t->var->ty, false};
        t->var->read = true;
        Val r = expr(s->b);
        if (cur.ty->kind == TY_LIST && s->op == OP_ADD) {
            emit("ac_list_extend(%s, %s);", cur.c, r.c);
            check_err();
        } else {
            Node fake = *s;
            fake.ty = s->ty ? s->ty : cur.ty;
            fake.a = t;
            fake.b = s->b;
            Val res = binop(&fake, s->op, cur, r);
            assign_var(t->var, res);
        }
    } else {
        Val c = expr(t->a);
        Val i = pin(expr(t->b));
        Type *el = t->ty;
        char *tmp = new_temp(el);
        emit("%s = %s;", tmp, from_val(format("ac_list_get(%s, %s)", c.c, i.c), el));
        check_err();
        Val r = expr(s->b);
        Node fake = *s;
        fake.ty = s->ty ? s->ty : el;
        fake.a = t;
        Val res = binop(&fake, s->op, (Val){tmp, el, false}, r);
        if (el == ty_float) res = as_float(res);
        char *x = take_ref(res);
        emit("ac_list_set(%s, %s, %s);", c.c, i.c, to_val((Val){x, el, false}));
        check_err();
    }
    release_held_from(mark);
}

static void emit_if(Node *s) {
    char *els = new_label("else"), *end = new_label("endif");
    cond_branch(s->a, els);
    stmt_list(&s->b->list);
    resume_line(s->loc.line);
    if (s->c) emit("goto %s;", end);
    emit_label(els);
    if (s->c) {
        stmt_list(&s->c->list);
        emit_label(end);
    }
}

static void emit_while(Node *s) {
    char *head = new_label("while"), *brk = new_label("while_end");
    emit_label(head);
    C->frame_stmt = C->async && s->a->has_await;
    cond_branch(s->a, brk);
    Loop *lp = xcalloc(1, sizeof *lp);
    lp->brk = brk;
    lp->cont = head;
    lp->try_depth = C->tries.len;
    lp->brk_mark = lp->cont_mark = C->held.len;
    lp->exc_mark = C->excs.len;
    vec_push(&C->loops, lp);
    stmt_list(&s->b->list);
    C->loops.len--;
    resume_line(s->loc.line);
    emit("goto %s;", head);
    emit_label(brk);
}

/* leaving the loop lets go of the sequence it iterates */
static void emit_break(Node *s) {
    Loop *lp = C->loops.data[C->loops.len - 1];
    char *rel = releases_above(s->kind == N_BREAK ? lp->brk_mark : lp->cont_mark);
    if (*rel) emit("%s", rel);
    release_handled(lp->exc_mark);
    jump_through_finally(lp->try_depth, s->kind == N_BREAK ? lp->brk : lp->cont, s->kind == N_BREAK ? 3 : 4);
}

static void emit_return(Node *s, int mark) {
    if (s->a) {
        Val v = expr(s->a);
        Type *rt = C->fn->ret;
        if (rt == ty_float) v = as_float(v);
        if (C->async) {
            if (rt != ty_none) emit("f->ret = %s;", to_val((Val){take_ref(v), rt, false}));
        } else if (rt != ty_none) {
            emit("rv = %s;", take_ref(v));
        }
    }
    release_held_from(mark);
    {
        char *rel = releases_above(0);   /* sequences of enclosing loops */
        if (*rel) emit("%s", rel);
        release_handled(0);
    }
    jump_through_finally(0, ret_target(), 2);
}

static void emit_raise(Node *s, int mark) {
    if (!s->a) {
        char *exc = C->excs.len ? C->excs.data[C->excs.len - 1] : NULL;
        if (exc) emit("ac_incref(%s); ac_raise(%s);", exc, exc);
        else emit("ac_raise_msg(&ac_cls_RuntimeError, \"No active exception to reraise\");");
        emit("%sgoto %s;", releases_above(handler_mark()), handler());
        return;
    }
    Val v;
    if (s->a->ty->kind == TY_CLASS) v = call_value(ty_exc(s->a->ty->cls), "ac_exc_new(&%s, ac_tuple_new(%s, NULL))", s->a->ty->cls->cname, desc(ty_tuple(NULL, 0)));
    else v = expr(s->a);
    char *x = take_ref(v);
    release_held_from(mark);
    emit("ac_raise(%s);", x);
    emit("%sgoto %s;", releases_above(handler_mark()), handler());
}

static void emit_assert(Node *s) {
    char *ok = new_label("assert_ok");
    int m = C->held.len;
    Val c = expr(s->a);
    char *tv = new_temp(ty_bool);
    emit("%s = %s;", tv, truth(c));
    release_held_from(m);
    emit("if (%s) goto %s;", tv, ok);
    if (s->b) {
        Val msg = to_str(expr(s->b), false);
        emit("ac_raise_str(&ac_cls_AssertionError, %s);", msg.c);
        release_held_from(m);
    } else {
        emit("ac_raise_msg(&ac_cls_AssertionError, \"\");");
    }
    emit("%sgoto %s;", releases_above(handler_mark()), handler());
    emit_label(ok);
}

static void stmt(Node *s) {
    C->frame_stmt = C->async && s->has_await;
    int mark = C->held.len;
    switch (s->kind) {
    case N_EXPR: {
        emit_line(s);
        C->discard = s->a->kind == N_AWAIT;
        Val v = expr(s->a);
        if (!v.owned && (!strncmp(v.c, "tmp", 3))) emit("(void)%s;", v.c);
        release_held_from(mark);
        return;
    }
    case N_ASSIGN: {
        if (!s->b) return;
        emit_line(s);
        Val v = expr(s->b);
        assign_target(s->a, v);
        release_held_from(mark);
        return;
    }
    case N_AUGASSIGN: emit_line(s); emit_augassign(s, mark); return;
    case N_IF: emit_line(s); emit_if(s); return;
    case N_WHILE: emit_line(s); emit_while(s); return;
    case N_FOR:
        emit_line(s);
        emit_for_iter(s->a, s->b, s->c, NULL, 0, NULL);
        return;
    case N_BREAK: case N_CONTINUE: emit_line(s); emit_break(s); return;
    case N_RETURN: emit_line(s); emit_return(s, mark); return;
    case N_RAISE: emit_line(s); emit_raise(s, mark); return;
    case N_ASSERT: emit_line(s); emit_assert(s); return;
    case N_TRY: emit_line(s); emit_try(s); return;
    case N_BLOCK: stmt_list(&s->list); return;
    default: return;   /* pass, import, global, def, class: nothing to run */
    }
}

/* ---- functions --------------------------------------------------------------------- */

static void release_locals(Buf *out, Func *fn, const char *indent) {
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!is_obj(v->ty)) continue;
        buf_printf(out, "%sac_decref(%s); %s = NULL;\n", indent, var_ref(v), var_ref(v));
    }
}

static const char *c_keywords[] = {"auto", "break", "case", "char", "const", "continue", "default",
    "do", "double", "else", "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long",
    "register", "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
    "typedef", "union", "unsigned", "void", "volatile", "while", "st", "f", "rv", "main", "errno",
    "stdin", "stdout", "stderr", "NULL", "bool", "true", "false", NULL};

static char *safe_name(const char *n) {
    for (int i = 0; c_keywords[i]; i++)
        if (!strcmp(c_keywords[i], n)) return format("%s_", n);
    if (!strncmp(n, "tmp", 3) || !strncmp(n, "ac_", 3) || !strncmp(n, "why", 3) ||
        !strncmp(n, "exc", 3) || !strncmp(n, "fexc", 4) || !strncmp(n, "kids", 4) ||
        !strncmp(n, "runres", 6) || !strncmp(n, "sub", 3) || !strncmp(n, "ret", 3) ||
        !strncmp(n, "state", 5) || !strncmp(n, "AC_", 3))
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
            else v->cname = format("f->%s", n);
        } else {
            v->cname = n;
        }
        (void)v;
    }
}

static Buf out_protos, out_frames, out_funcs;


static int func_index(Func *fn) {
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

static char *drop_unused_labels(char *text) {
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
            if (!set[i]) { s += n; continue; }
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
    for (int i = 0; i < frame_exc_slots.len; i++) buf_printf(&rest, "    ac_decref(%s);\n", (char *)frame_exc_slots.data[i]);
    int *d = &drop_of[func_index(fn)];
    if (!cases.len && !rest.len && *d != DROP_NAMED) {
        *d = DROP_NONE;
        return NULL;
    }
    *d = DROP_YES;
    Buf b = {0};
    buf_printf(&b, "\n/* release what an unfinished %s frame holds */\nstatic void %s_drop(void *frame) {\n", fn->name, fn->cname);
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
    buf_printf(out, "%sL_fail:\n", ends_with_return(body) ? "" : "    goto L_return;\n");
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
    for (int i = 0; i < fn->nparams; i++) {
        Var *v = fn->params[i].var;
        buf_printf(&sig, "%s%s", i ? ", " : "", c_decl(c_type(v->ty), var_ref(v)));
    }
    char *proto = format("static %s(%s)", c_decl(rt, fn->cname), sig.data ? sig.data : "void");
    buf_printf(&out_protos, "%s;\n", proto);
    buf_printf(&out, "\n/* def %s (line %d) */\n%s {\n", fn->name, fn->def->loc.line, proto);
    if (fn->ret != ty_none) buf_printf(&out, "    %s = 0;\n", c_decl(rt, "rv"));
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->is_param) buf_printf(&out, "    %s = %s;\n", c_decl(c_type(v->ty), var_ref(v)), is_obj(v->ty) ? "NULL" : "0");
    }
    if (ctx->decls.data) buf_puts(&out, ctx->decls.data);
    /* Python allows unused names; C would warn about them (objects are
     * used: they are released at the end) */
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->read && !is_obj(v->ty)) buf_printf(&out, "    (void)%s;\n", var_ref(v));
    }
    /* parameters are owned like any local (the body may rebind them) */
    for (int i = 0; i < fn->nparams; i++)
        if (is_obj(fn->params[i].var->ty)) buf_printf(&out, "    ac_incref(%s);\n", var_ref(fn->params[i].var));
    epilogue(&out, fn, ctx->body.data, format("    return%s;\n", fn->ret == ty_none ? "" : is_obj(fn->ret) ? " NULL" : " 0"),
             format("    return%s;\n", fn->ret == ty_none ? "" : " rv"));
    buf_puts(&out_funcs, drop_unused_labels(buf_take(&out)));
}

/* The frame struct, as lower.c laid it out.  Scalars that are never live
 * at the same time share one slot; a union keeps each one's name visible
 * (gdb: p f->s0.total). */
static void frame_struct(Func *fn) {
    Buf fr = {0};
    buf_printf(&fr, "\n/* async def %s (line %d): what lives across its awaits */\n", fn->name, fn->def->loc.line);
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
                buf_printf(&fr, "%s    %s;\n", shared ? "    " : "", c_decl(c_type(fn->slot_ty[s]), safe_name(v->cbase ? v->cbase : v->name)));
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
    buf_printf(&out, "\n/* async def %s (line %d) */\nstatic ac_status %s_resume(void *frame) {\n", fn->name, fn->def->loc.line, fn->cname);
    buf_printf(&out, "    struct %s_frame *f = frame;\n", fn->cname);
    if (ctx->uses_st) buf_printf(&out, "    ac_status st;\n");
    if (ctx->decls.data) buf_puts(&out, ctx->decls.data);
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->in_frame) buf_printf(&out, "    %s = 0;\n", c_decl(c_type(v->ty), var_ref(v)));
    }
    for (int i = 0; i < fn->locals.len; i++) {
        Var *v = fn->locals.data[i];
        if (!v->in_frame && !v->read && !is_obj(v->ty)) buf_printf(&out, "    (void)%s;\n", var_ref(v));
    }
    resume_dispatch(&out, nstates);
    epilogue(&out, fn, ctx->body.data, format("    f->state = %d;\n    return AC_ERROR;\n", nstates + 1),
             format("    f->state = %d;\n    return AC_DONE;\n", nstates + 1));
    char *drop = emit_drop(fn, ctx);
    buf_printf(&out_protos, "static const ac_coro_vt %s_vt;\n", fn->cname);
    if (drop) {
        buf_printf(&out_protos, "static void %s_drop(void *frame);\n", fn->cname);
        buf_puts(&out, drop);
    }
    buf_printf(&out, "\nstatic const ac_coro_vt %s_vt = {%s_resume, %s, \"%s\", %s, sizeof(struct %s_frame)};\n",
               fn->cname, fn->cname, drop ? format("%s_drop", fn->cname) : "NULL", fn->name, desc(fn->ret), fn->cname);
    buf_puts(&out_funcs, drop_unused_labels(buf_take(&out)));
}

static void emit_function(Func *fn) {
    static Ctx ctx;
    memset(&ctx, 0, sizeof ctx);
    frame_exc_slots = (Vec){0};
    py_line = 0;
    ctx.fn = fn;
    ctx.async = fn->is_async;
    C = &ctx;
    fn->frame_temps = fn->frame_awaits = (Vec){0};
    name_vars(fn, fn->is_async);
    ctx.indent = 1;
    stmt_list(&fn->def->b->list);
    if (fn->is_async) emit_async_function(fn, &ctx);
    else emit_sync_function(fn, &ctx);
}


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
    return format("asyncc_%s_new_%s", module_cid(p), c_ident(fn->name));
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
    py_line = 0;
    ctx.indent = 1;
    stmt_list(&p->module->list);
    Buf fnbuf = {0};
    Buf *out = &fnbuf;
    buf_printf(out, "\n/* the module's top-level statements */\nstatic void module_body(void) {\n");
    if (ctx.decls.data) buf_puts(out, ctx.decls.data);
    buf_puts(out, ctx.body.data ? ctx.body.data : "");
    buf_printf(out, "@@CLINE@@\n");
    buf_printf(out, "L_fail:\nL_return:\n    return;\n}\n");
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
    if (fn->host) return;   /* the host provides it */
    for (int k = 0; k < fn->children.len; k++) emit_in_order(fn->children.data[k], started);
    emit_function(fn);
}

static char *c_params(Func *fn, bool names) {
    Buf b = {0};
    for (int i = 0; i < fn->nparams; i++) {
        Var *v = fn->params[i].var;
        const char *ct = c_type(v->ty);
        buf_printf(&b, "%s%s%s%s", i ? ", " : "", ct, names && ct[strlen(ct) - 1] != '*' ? " " : "", names ? safe_name(v->name) : "");
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
            buf_printf(&b, "/* @asyncc.deferred async def %s (line %d): complete `id` later with\n"
                           " * asyncc_call_return / asyncc_call_raise (result type %s) */\nvoid %s(ac_call_id id%s%s);\n",
                       fn->name, fn->def->loc.line, ty_name(fn->ret), fn->cname, ps ? ", " : "", ps ? ps : "");
        } else if (fn->is_async && !fn->helper && for_header) {
            buf_printf(&b, "/* async def %s (line %d): a new coroutine (pass it to asyncc_spawn) */\nac_task *%s(%s);\n",
                       fn->name, fn->def->loc.line, constructor_name(p, fn), ps ? ps : "void");
        }
    }
    if (for_header) {
        buf_printf(&b, "/* run the module's top-level statements (with __name__ set to \"%s\") */\n"
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
        if (!fn->is_async || fn->host || fn->helper) continue;
        char *ps = c_params(fn, true);
        buf_printf(out, "\nac_task *%s(%s) {\n    ac_task *coro_ = ac_coro_new(&%s_vt);\n", constructor_name(p, fn), ps ? ps : "void", fn->cname);
        if (fn->nparams) buf_printf(out, "    struct %s_frame *f = AC_TASK_FRAME(coro_, struct %s_frame);\n", fn->cname, fn->cname);
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
    for (char *q = guard; *q; q++) *q = (*q >= 'a' && *q <= 'z') ? (char)(*q - 32) : (((*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')) ? *q : '_');
    buf_printf(&b, "/* Generated by asyncc %s from %s -- the host interface. */\n#ifndef %s\n#define %s\n\n#include \"asyncc.h\"\n\n"
                   "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n%s\n#ifdef __cplusplus\n}\n#endif\n#endif\n",
               ASYNCC_VERSION, p->src->path, guard, guard, host_interface(p, true));
    return buf_take(&b);
}

/* String literals that the code refers to (some are made while building
 * an expression that turns out not to need them). */
static char *used_strings(const char *code) {
    bool *used = xcalloc((size_t)nstrings + 2, sizeof(bool));
    for (const char *p = code; (p = strstr(p, "(&S")); p += 3) {
        long k = strtol(p + 3, NULL, 10);
        if (k > 0 && k <= nstrings) used[k] = true;
    }
    Buf out = {0};
    for (const char *s = strings.data ? strings.data : ""; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) + 1 : strlen(s);
        long k = strtol(s + strlen("static ac_str S"), NULL, 10);
        if (k > 0 && k <= nstrings && used[k]) buf_putn(&out, s, n);
        s += n;
    }
    return out.data ? buf_take(&out) : "";
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
    int errors_before = diag_errors;
    for (int i = 0; i < p->funcs.len; i++) {
        Func *fn = p->funcs.data[i];
        fn->cname = fn->host ? format("host_%s", fn->name) : fn->is_async ? xstrdup(fn->name) : format("py_%s", fn->name);
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
        buf_printf(&classes, "static const ac_class %s = {\"%s\", &%s};\n", c->cname, c->name, c->base->cname);
    }
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
        if (fn->is_async) buf_printf(&coros, "    &%s_vt,\n", fn->cname);
        else buf_printf(&keep, "    (void)%s;   /* Python allows unused functions */\n", fn->cname);
    }
    for (int i = 0; i < p->classes.len; i++)
        buf_printf(&keep, "    (void)&%s;\n", ((Class *)p->classes.data[i])->cname);
    emit_constructors(p, &out_funcs);
    Buf descs = {0};
    emit_descriptors(&descs);

    TplVar vars[] = {
        {"source", py_path},
        {"version", ASYNCC_VERSION},
        {"types", section("type descriptors", descs.data)},
        {"strings", section("string literals", used_strings(out_funcs.data ? out_funcs.data : ""))},
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
            if (line_markers) buf_printf(&fin, "#line %d \"%s\"\n", line + 1, c_path);
            else { s += n; continue; }
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
        if (!fn->is_async) continue;
        fprintf(out, "%s:%d: async def %s: frame %d bytes%s\n", p->src->path, fn->def->loc.line, fn->name,
                fn->frame_size, fn->recursive ? " (recursive: awaited frames come from the heap)" : "");
    }
}
