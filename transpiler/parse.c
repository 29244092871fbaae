/* parse.c -- tree-sitter-python CST to asyncc AST.
 *
 * Two jobs: report every syntax error (ERROR and MISSING nodes) and every
 * construct outside the dialect, and build the small AST of asyncc.h for
 * the rest.  The conversion is recursive, so nesting depth is bounded to
 * keep hostile inputs (a 1 MB line of "1+1+...") from overflowing the
 * stack. */
#include "compiler.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

enum { MAX_DEPTH = 400 };

static Source *src;
static int depth;

/* ---- the table of unsupported constructs --------------------------------
 * Later issues shrink this table; the parser consults it for every node. */
static const struct {
    const char *node;
    const char *msg;
} unsupported[] = {
    {"with_statement", "with is not supported"},
    {"match_statement", "match is not supported"},
    {"print_statement", "Missing parentheses in call to 'print'. Did you mean print(...)?"},
    {"exec_statement", "exec is not supported"},
    {"ellipsis", "... is not supported here"},
    {"dictionary_splat_pattern", "**kwargs parameters are not supported here"},
    {"list_splat_pattern", "*args parameters are not supported here"},
    {"type_alias_statement", "type aliases are not supported"},
    {"list_pattern", "list patterns in assignments are not supported"},
    {"as_pattern", "'as' patterns are not supported here"},
};

const char *unsupported_message(const char *type) {
    for (size_t i = 0; i < sizeof unsupported / sizeof *unsupported; i++)
        if (!strcmp(unsupported[i].node, type)) return unsupported[i].msg;
    return NULL;
}

/* ---- helpers ----------------------------------------------------------- */

/* unsupported_message by grammar symbol, looked up once per symbol */
static const char *unsupported_for(TSNode n) {
    static const char **cache;
    static uint32_t nsym;
    if (!cache) {
        nsym = ts_language_symbol_count(tree_sitter_python());
        cache = xcalloc(nsym + 1, sizeof(char *));
        for (uint32_t i = 0; i < nsym; i++) {
            const char *m = unsupported_message(ts_language_symbol_name(tree_sitter_python(), (TSSymbol)i));
            cache[i] = m ? m : "";
        }
    }
    TSSymbol sym = ts_node_symbol(n);
    const char *m = sym < nsym ? cache[sym] : "";
    return *m ? m : NULL;
}

static Loc loc_of(TSNode n) {
    TSPoint p = ts_node_start_point(n);
    return (Loc){(int)p.row + 1, (int)p.column + 1};
}

static const char *type_of(TSNode n) { return ts_node_type(n); }
static bool is(TSNode n, const char *t) { return !strcmp(ts_node_type(n), t); }

static char *text_of(TSNode n) {
    uint32_t a = ts_node_start_byte(n), b = ts_node_end_byte(n);
    return xstrndup(src->text + a, b - a);
}

/* Field names are string literals here, so their address is a key: each
 * is looked up in the grammar once, not at every node. */
static TSNode field(TSNode n, const char *name) {
    enum { SLOTS = 256 }; /* > the number of field(...) call sites */
    static struct {
        const char *name;
        TSFieldId id;
    } cache[SLOTS];
    unsigned h = (unsigned)((uintptr_t)name >> 3) % SLOTS;
    while (cache[h].name && cache[h].name != name) h = (h + 1) % SLOTS;
    if (!cache[h].name) {
        cache[h].name = name;
        cache[h].id = ts_language_field_id_for_name(tree_sitter_python(), name, (uint32_t)strlen(name));
    }
    return ts_node_child_by_field_id(n, cache[h].id);
}

static Node *new_node(NodeKind kind, TSNode at) {
    Node *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->loc = loc_of(at);
    return n;
}

/* Errors in the statement being converted; stmts_into replaces a statement
 * with any by a placeholder, so the checker still sees the rest. */
static int stmt_errors;

static void error_at(TSNode n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, loc_of(n), "error", fmt, ap);
    va_end(ap);
    diag_errors++;
    stmt_errors++;
}

static Node *bad(TSNode n, const char *msg) {
    error_at(n, "%s", msg);
    return new_node(N_NONE, n);
}

/* Named, non-comment children. */
static int nchildren(TSNode n) { return (int)ts_node_named_child_count(n); }
static TSNode child(TSNode n, int i) { return ts_node_named_child(n, (uint32_t)i); }

static bool has_token(TSNode n, const char *tok) {
    uint32_t c = ts_node_child_count(n);
    for (uint32_t i = 0; i < c; i++) {
        TSNode k = ts_node_child(n, i);
        if (!ts_node_is_named(k) && !strcmp(ts_node_type(k), tok)) return true;
    }
    return false;
}

/* ---- syntax errors ----------------------------------------------------- */

static void add_error(SyntaxScan *scan, TSNode n) {
    syntax_add(scan, ts_node_start_byte(n), ts_node_end_byte(n), loc_of(n), ts_node_is_missing(n));
}

static void find_syntax_errors(TSNode n, SyntaxScan *scan) {
    /* iterative walk: the tree may be very deep */
    TSTreeCursor c = ts_tree_cursor_new(n);
    for (;;) {
        TSNode cur = ts_tree_cursor_current_node(&c);
        bool descend = true;
        if (ts_node_is_missing(cur)) {
            add_error(scan, cur);
            descend = false;
        } else if (is(cur, "ERROR")) {
            /* f"{x:=^8}" is a format spec, not a broken walrus */
            TSNode p = ts_node_parent(cur);
            if (!ts_node_is_null(p) && is(p, "named_expression")) p = ts_node_parent(p);
            bool spec = !ts_node_is_null(p) && is(p, "interpolation") && is(field(p, "expression"), "named_expression");
            if (!spec) add_error(scan, cur);
            descend = false;
        } else if (!ts_node_has_error(cur)) {
            descend = false;
        }
        if (descend && ts_tree_cursor_goto_first_child(&c)) continue;
        while (!ts_tree_cursor_goto_next_sibling(&c)) {
            if (!ts_tree_cursor_goto_parent(&c)) {
                ts_tree_cursor_delete(&c);
                return;
            }
        }
    }
}

/* ---- expressions ------------------------------------------------------- */

static Node *expr(TSNode n);
static Node *lambda_expr(TSNode n);
static Node *block(TSNode n);

static int binop_of(const char *op) {
    static const struct {
        const char *s;
        int op;
    } t[] = {
        {"+", OP_ADD},     {"-", OP_SUB},        {"*", OP_MUL},    {"/", OP_DIV},   {"//", OP_FLOORDIV},
        {"%", OP_MOD},     {"**", OP_POW},       {"&", OP_BITAND}, {"|", OP_BITOR}, {"^", OP_BITXOR},
        {"<<", OP_LSHIFT}, {">>", OP_RSHIFT},    {"==", OP_EQ},    {"!=", OP_NE},   {"<", OP_LT},
        {"<=", OP_LE},     {">", OP_GT},         {">=", OP_GE},    {"in", OP_IN},   {"not in", OP_NOTIN},
        {"is", OP_IS},     {"is not", OP_ISNOT},
    };
    for (size_t i = 0; i < sizeof t / sizeof *t; i++)
        if (!strcmp(t[i].s, op)) return t[i].op;
    return 0;
}

static Node *int_literal(TSNode n) {
    char *s = text_of(n);
    Node *e = new_node(N_INT, n);
    size_t len = strlen(s);
    if (len && (s[len - 1] == 'j' || s[len - 1] == 'J')) return bad(n, "complex numbers are not supported");
    /* strip the underscores Python allows between digits */
    char *w = s;
    for (char *r = s; *r; r++)
        if (*r != '_') *w++ = *r;
    *w = 0;
    int base = 10;
    char *digits = s;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X'))
        base = 16, digits = s + 2;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O'))
        base = 8, digits = s + 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B'))
        base = 2, digits = s + 2;
    errno = 0;
    char *end;
    unsigned long long v = strtoull(digits, &end, base);
    if (errno || *end || v > (unsigned long long)INT64_MAX) return bad(n, "integer literal does not fit in 64 bits");
    e->ival = (int64_t)v;
    return e;
}

static Node *float_literal(TSNode n) {
    char *s = text_of(n);
    size_t len = strlen(s);
    if (len && (s[len - 1] == 'j' || s[len - 1] == 'J')) return bad(n, "complex numbers are not supported");
    char *w = s;
    for (char *r = s; *r; r++)
        if (*r != '_') *w++ = *r;
    *w = 0;
    Node *e = new_node(N_FLOAT, n);
    e->fval = strtod(s, NULL);
    return e;
}

static void put_utf8(Buf *b, uint32_t cp) {
    char u[4];
    size_t k;
    if (cp < 0x80)
        u[0] = (char)cp, k = 1;
    else if (cp < 0x800)
        u[0] = (char)(0xC0 | cp >> 6), u[1] = (char)(0x80 | (cp & 63)), k = 2;
    else if (cp < 0x10000)
        u[0] = (char)(0xE0 | cp >> 12), u[1] = (char)(0x80 | (cp >> 6 & 63)), u[2] = (char)(0x80 | (cp & 63)), k = 3;
    else
        u[0] = (char)(0xF0 | cp >> 18), u[1] = (char)(0x80 | (cp >> 12 & 63)), u[2] = (char)(0x80 | (cp >> 6 & 63)),
        u[3] = (char)(0x80 | (cp & 63)), k = 4;
    buf_putn(b, u, k);
}

/* Decode the escapes of one piece of string text into b. */
static void decode_escapes(Buf *b, const char *s, size_t len, bool raw, bool fstr, TSNode at) {
    for (size_t i = 0; i < len; i++) {
        /* f"{{" and f"}}" stand for single braces */
        if (fstr && (s[i] == '{' || s[i] == '}') && i + 1 < len && s[i + 1] == s[i]) {
            buf_putn(b, s + i, 1);
            i++;
            continue;
        }
        if (s[i] != '\\' || raw || i + 1 >= len) {
            buf_putn(b, s + i, 1);
            continue;
        }
        char c = s[++i];
        switch (c) {
        case '\n': break;
        case 'n': buf_puts(b, "\n"); break;
        case 't': buf_puts(b, "\t"); break;
        case 'r': buf_puts(b, "\r"); break;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7': {
            uint32_t v = 0;
            int k = 0;
            while (k < 3 && i < len && s[i] >= '0' && s[i] <= '7') v = v * 8 + (uint32_t)(s[i++] - '0'), k++;
            i--;
            put_utf8(b, v);
            break;
        }
        case 'a': buf_puts(b, "\a"); break;
        case 'b': buf_puts(b, "\b"); break;
        case 'f': buf_puts(b, "\f"); break;
        case 'v': buf_puts(b, "\v"); break;
        case '\\': buf_puts(b, "\\"); break;
        case '\'': buf_puts(b, "'"); break;
        case '"': buf_puts(b, "\""); break;
        case 'x':
        case 'u':
        case 'U': {
            int nd = c == 'x' ? 2 : c == 'u' ? 4 : 8;
            uint32_t v = 0;
            int k;
            for (k = 0; k < nd && i + 1 < len; k++) {
                char h = s[i + 1];
                int d = h >= '0' && h <= '9'   ? h - '0'
                        : h >= 'a' && h <= 'f' ? h - 'a' + 10
                        : h >= 'A' && h <= 'F' ? h - 'A' + 10
                                               : -1;
                if (d < 0) break;
                v = v * 16 + (uint32_t)d;
                i++;
            }
            if (k < nd || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
                error_at(at, "invalid \\%c escape in string literal", c);
                return;
            }
            put_utf8(b, v);
            break;
        }
        case 'N': error_at(at, "\\N{...} escapes are not supported"); return;
        default: buf_putn(b, s + i - 1, 2);
        }
    }
}

static Node *fstring_part_str(Buf *b, TSNode at);

/* The spec after ':' is literal text, or an f-string of its own when it
 * nests replacement fields: f"{x:{width}.{prec}f}". */
static Node *format_spec(TSNode spec) {
    uint32_t a = ts_node_start_byte(spec), z = ts_node_end_byte(spec);
    if (a < z && src->text[a] == ':') a++;
    Node *f = new_node(N_FSTRING, spec);
    Buf b = {0};
    for (int j = 0; j < nchildren(spec); j++) {
        TSNode k = child(spec, j);
        if (!is(k, "format_expression")) continue;
        uint32_t ka = ts_node_start_byte(k);
        if (ka > a) buf_putn(&b, src->text + a, ka - a);
        if (b.len) vec_push(&f->list, fstring_part_str(&b, k));
        Node *fm = new_node(N_FMT, k);
        fm->a = expr(field(k, "expression"));
        vec_push(&f->list, fm);
        a = ts_node_end_byte(k);
    }
    if (a < z) buf_putn(&b, src->text + a, z - a);
    if (b.len || !f->list.len) vec_push(&f->list, fstring_part_str(&b, spec));
    if (f->list.len == 1 && ((Node *)f->list.data[0])->kind == N_STR) return f->list.data[0];
    return f;
}

/* A format spec from raw source bytes, where nested fields may only be
 * names: f"{x:={width}}". */
static Node *spec_from_text(uint32_t from, uint32_t to, TSNode at) {
    Node *f = new_node(N_FSTRING, at);
    Buf b = {0};
    for (uint32_t i = from; i < to; i++) {
        if (src->text[i] != '{') {
            buf_putn(&b, src->text + i, 1);
            continue;
        }
        uint32_t j = i + 1;
        while (j < to && src->text[j] != '}') j++;
        char *name = xstrndup(src->text + i + 1, j - i - 1);
        bool ident = *name != 0;
        for (char *q = name; *q; q++)
            ident &= (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || *q == '_' ||
                     (q > name && *q >= '0' && *q <= '9');
        if (!ident) {
            error_at(at, "a nested field after ':=' in an f-string may only be a name");
            return f;
        }
        if (b.len) vec_push(&f->list, fstring_part_str(&b, at));
        Node *fm = new_node(N_FMT, at);
        fm->a = new_node(N_NAME, at);
        fm->a->sval = name;
        vec_push(&f->list, fm);
        i = j;
    }
    if (b.len || !f->list.len) vec_push(&f->list, fstring_part_str(&b, at));
    if (f->list.len == 1 && ((Node *)f->list.data[0])->kind == N_STR) return f->list.data[0];
    return f;
}

static Node *fstring_part_str(Buf *b, TSNode at) {
    Node *e = new_node(N_STR, at);
    e->slen = b->len;
    e->sval = buf_take(b);
    return e;
}

/* One string node: plain literal or f-string.  Appends parts to `parts`
 * (N_STR pieces and N_FMT interpolations); returns false on error. */
static void string_parts(TSNode n, Vec *parts, bool *is_f) {
    TSNode start = child(n, 0);
    char *prefix = text_of(start);
    bool raw = false, f = false;
    for (char *p = prefix; *p && *p != '\'' && *p != '"'; p++) {
        char c = (char)(*p | 0x20);
        if (c == 'r')
            raw = true;
        else if (c == 'f')
            f = true;
        else if (c == 'b') {
            error_at(n, "bytes literals are not supported");
            return;
        }
    }
    if (f) *is_f = true;
    Buf b = {0};
    int nc = nchildren(n);
    for (int i = 0; i < nc; i++) {
        TSNode k = child(n, i);
        if (is(k, "string_content")) {
            uint32_t a = ts_node_start_byte(k), z = ts_node_end_byte(k);
            decode_escapes(&b, src->text + a, z - a, raw, f, k);
        } else if (is(k, "interpolation")) {
            if (b.len) vec_push(parts, fstring_part_str(&b, k));
            Node *fm = new_node(N_FMT, k);
            TSNode ex = field(k, "expression");
            if (is(ex, "expression_list") && nchildren(ex) == 1 && is(child(ex, 0), "named_expression"))
                ex = child(ex, 0);
            if (is(ex, "named_expression")) {
                /* tree-sitter reads f"{x:=8}" as a walrus; Python reads the
                 * name x and the format spec "=8" (taken from the source) */
                TSNode name = field(ex, "name");
                fm->a = expr(name);
                uint32_t from = ts_node_end_byte(name), to = ts_node_end_byte(k) - 1;
                while (from < to && src->text[from] != ':') from++;
                fm->b = spec_from_text(from + 1, to, ex);
                vec_push(parts, fm);
                continue;
            }
            fm->a = expr(ex);
            TSNode conv = field(k, "type_conversion");
            if (!ts_node_is_null(conv)) {
                char *t = text_of(conv);
                if (strcmp(t, "!r") && strcmp(t, "!s")) error_at(conv, "conversion '%s' is not supported", t);
                fm->op = t[1];
            }
            TSNode spec = field(k, "format_specifier");
            if (!ts_node_is_null(spec)) fm->b = format_spec(spec);
            /* f"{x=}" self-documenting expressions */
            if (has_token(k, "=")) error_at(k, "'=' in f-strings is not supported");
            vec_push(parts, fm);
        } else if (is(k, "escape_interpolation")) {
            char *t = text_of(k);
            buf_putn(&b, t, 1);
        }
    }
    if (b.len || parts->len == 0) vec_push(parts, fstring_part_str(&b, n));
}

static Node *string_literal(TSNode n) {
    Vec parts = {0};
    bool is_f = false;
    if (is(n, "concatenated_string")) {
        for (int i = 0; i < nchildren(n); i++) string_parts(child(n, i), &parts, &is_f);
    } else {
        string_parts(n, &parts, &is_f);
    }
    /* merge adjacent literal pieces */
    Vec merged = {0};
    for (int i = 0; i < parts.len; i++) {
        Node *p = parts.data[i];
        Node *last = merged.len ? merged.data[merged.len - 1] : NULL;
        if (p->kind == N_STR && last && last->kind == N_STR) {
            Buf b = {0};
            buf_putn(&b, last->sval, last->slen);
            buf_putn(&b, p->sval, p->slen);
            last->slen = b.len;
            last->sval = buf_take(&b);
        } else {
            vec_push(&merged, p);
        }
    }
    if (!is_f && merged.len == 1) return merged.data[0];
    Node *e = new_node(N_FSTRING, n);
    e->list = merged;
    return e;
}

static Node *comprehension(TSNode n);
static const char *comp_kind;      /* the comprehension being parsed, for 'yield' inside one */

static Node *call_args(Node *call, TSNode args) {
    if (is(args, "generator_expression")) {
        /* f(x for x in xs): a comprehension marked as a generator; the
         * checker allows it where a loop over a list means the same */
        Node *g = comprehension(args);
        g->ival = 1;
        vec_push(&call->list, g);
        return call;
    }
    for (int i = 0; i < nchildren(args); i++) {
        TSNode a = child(args, i);
        if (is(a, "comment")) continue;
        if (is(a, "keyword_argument")) {
            Node *kw = new_node(N_KWARG, a);
            kw->sval = text_of(field(a, "name"));
            kw->a = expr(field(a, "value"));
            vec_push(&call->list2, kw);
        } else if (is(a, "dictionary_splat")) { /* f(**d): a keyword named "**" */
            Node *kw = new_node(N_KWARG, a);
            kw->sval = "**";
            kw->a = expr(child(a, 0));
            vec_push(&call->list2, kw);
        } else if (is(a, "list_splat")) {
            Node *st = new_node(N_STARRED, a);
            TSNode inner = child(a, 0);
            /* f(*(g(x) for x in xs)): the generator is spread into arguments
             * at once, as the list it yields */
            st->a = is(inner, "generator_expression") ? comprehension(inner) : expr(inner);
            vec_push(&call->list, st);
        } else if (is(a, "generator_expression")) {
            /* f((x for x in xs), ...): parenthesised, the same as above */
            if (call->list2.len) error_at(a, "positional argument follows keyword argument");
            Node *g = comprehension(a);
            g->ival = 1;
            vec_push(&call->list, g);
        } else {
            if (call->list2.len) error_at(a, "positional argument follows keyword argument");
            vec_push(&call->list, expr(a));
        }
    }
    return call;
}

static Node *slice_of(TSNode n, Node *obj) {
    /* (slice a? : b? : c?) -- the colons tell which parts are present */
    Node *e = new_node(N_SLICE, n);
    e->a = obj;
    Node *part[3] = {0};
    int which = 0;
    uint32_t c = ts_node_child_count(n);
    for (uint32_t i = 0; i < c; i++) {
        TSNode k = ts_node_child(n, i);
        if (!ts_node_is_named(k)) {
            if (!strcmp(type_of(k), ":")) which++;
            continue;
        }
        if (is(k, "comment")) continue;
        if (which < 3) part[which] = expr(k);
    }
    e->b = part[0];
    e->c = part[1];
    e->d = part[2];
    return e;
}

/* [body for x in it if c for y in it2 ...]: Node.list holds the clauses in
 * order, N_FOR (a = target, b = iterable) and N_IF (a = condition). */
static Node *comprehension(TSNode n) {
    const char *outer = comp_kind;
    comp_kind = is(n, "generator_expression")   ? "generator expression"
                : is(n, "set_comprehension")  ? "set comprehension"
                : is(n, "dictionary_comprehension") ? "dict comprehension"
                                              : "list comprehension";
    Node *e = new_node(N_LISTCOMP, n);
    TSNode body = field(n, "body");
    if (is(body, "pair")) { /* {k: v for ...} */
        e->kind = N_DICTCOMP;
        e->a = expr(field(body, "key"));
        e->b = expr(field(body, "value"));
    } else {
        e->a = expr(body);
    }
    if (is(n, "set_comprehension")) e->kind = N_SETCOMP;
    for (int i = 0; i < nchildren(n); i++) {
        TSNode k = child(n, i);
        if (is(k, "for_in_clause")) {
            Node *c = new_node(N_FOR, k);
            c->ival = has_token(k, "async"); /* async for: check.c says over what */
            TSNode left = field(k, "left");
            c->a = expr(left);
            if (is(left, "pattern_list")) c->a->kind = N_TUPLE;
            c->b = expr(field(k, "right"));
            vec_push(&e->list, c);
        } else if (is(k, "if_clause")) {
            Node *c = new_node(N_IF, k);
            c->a = expr(child(k, 0));
            vec_push(&e->list, c);
        }
    }
    comp_kind = outer;
    return e;
}

/* a < b <= c: the operands in list, the operators in ops. */
static Node *comparison(TSNode n) {
    Node *e = new_node(N_COMPARE, n);
    uint32_t c = ts_node_child_count(n);
    e->ops = xcalloc(c, sizeof(int));
    int nops = 0;
    for (uint32_t i = 0; i < c; i++) {
        TSNode k = ts_node_child(n, i);
        if (ts_node_is_named(k)) {
            if (!is(k, "comment")) vec_push(&e->list, expr(k));
        } else {
            char *op = text_of(k);
            /* "not in" / "is not" arrive as one token or two */
            char *sp;
            while ((sp = strstr(op, "  "))) memmove(sp, sp + 1, strlen(sp));
            if (!strcmp(op, "<>")) {
                error_at(k, "'<>' is not supported");
                continue;
            }
            if (!strcmp(op, "not") || !strcmp(op, "is")) {
                TSNode nx = ts_node_child(n, i + 1);
                if (!ts_node_is_null(nx) && !ts_node_is_named(nx)) {
                    char *op2 = text_of(nx);
                    if ((!strcmp(op, "not") && !strcmp(op2, "in")) || (!strcmp(op, "is") && !strcmp(op2, "not"))) {
                        op = format("%s %s", op, op2);
                        i++;
                    }
                }
            }
            int o = binop_of(op);
            if (!o) {
                error_at(k, "comparison '%s' is not supported", op);
                continue;
            }
            e->ops[nops++] = o;
        }
    }
    return e;
}

/* x[i] or x[a:b:c]. */
static Node *subscript(TSNode n) {
    Node *obj = expr(field(n, "value"));
    TSNode sub = field(n, "subscript");
    TSNode next = ts_node_next_named_sibling(sub);
    if (!ts_node_is_null(next) && !is(next, "comment")) {
        /* grid[x, y]: the key is the tuple (x, y) */
        Node *e = new_node(N_INDEX, n);
        e->a = obj;
        e->b = new_node(N_TUPLE, sub);
        for (TSNode k = sub; !ts_node_is_null(k); k = ts_node_next_named_sibling(k)) {
            if (is(k, "comment")) continue;
            if (is(k, "slice")) return bad(k, "slices in a multi-dimensional subscript are not supported");
            vec_push(&e->b->list, expr(k));
        }
        return e;
    }
    if (is(sub, "slice")) return slice_of(sub, obj);
    Node *e = new_node(N_INDEX, n);
    e->a = obj;
    e->b = expr(sub);
    return e;
}

/* yield, yield x, yield from x: N_YIELD, ival 1 for yield from. */
static Node *yield_expr(TSNode n) {
    if (comp_kind) error_at(n, "'yield' inside %s", comp_kind);
    Node *e = new_node(N_YIELD, n);
    uint32_t c = ts_node_child_count(n);
    for (uint32_t i = 0; i < c; i++)
        if (is(ts_node_child(n, i), "from")) e->ival = 1;
    if (nchildren(n) > 0) e->a = expr(child(n, 0));
    return e;
}

/* a + b, -a, not a, a and b: the operators other than comparisons (NULL:
 * not an operator). */
static Node *operator_expr(TSNode n, const char *t) {
    if (!strcmp(t, "binary_operator")) {
        char *op = text_of(field(n, "operator"));
        if (!strcmp(op, "@")) return bad(n, "the @ operator is not supported");
        Node *e = new_node(N_BINOP, n);
        e->op = binop_of(op);
        e->a = expr(field(n, "left"));
        e->b = expr(field(n, "right"));
        e->loc = loc_of(field(n, "operator"));
        return e;
    }
    if (!strcmp(t, "unary_operator")) {
        char *op = text_of(field(n, "operator"));
        Node *e = new_node(N_UNARY, n);
        e->op = op[0] == '-' ? OP_NEG : op[0] == '+' ? OP_POS : OP_INVERT;
        e->a = expr(field(n, "argument"));
        return e;
    }
    if (!strcmp(t, "not_operator")) {
        Node *e = new_node(N_NOT, n);
        e->a = expr(field(n, "argument"));
        return e;
    }
    if (!strcmp(t, "boolean_operator")) {
        char *op = text_of(field(n, "operator"));
        Node *e = new_node(op[0] == 'a' ? N_AND : N_OR, n);
        e->a = expr(field(n, "left"));
        e->b = expr(field(n, "right"));
        return e;
    }
    return NULL;
}

static bool has_splat(TSNode n);
static Node *splat_display(TSNode n, bool is_list);

static Node *expr_inner(TSNode n) {
    const char *t = type_of(n);
    const char *msg = unsupported_for(n);
    if (msg) return bad(n, msg);
    if (!strcmp(t, "integer")) return int_literal(n);
    if (!strcmp(t, "float")) return float_literal(n);
    if (!strcmp(t, "string") || !strcmp(t, "concatenated_string")) return string_literal(n);
    if (!strcmp(t, "true") || !strcmp(t, "false")) {
        Node *e = new_node(N_BOOL, n);
        e->ival = t[0] == 't';
        return e;
    }
    if (!strcmp(t, "none")) return new_node(N_NONE, n);
    if (!strcmp(t, "identifier")) {
        Node *e = new_node(N_NAME, n);
        e->sval = text_of(n);
        return e;
    }
    if (!strcmp(t, "parenthesized_expression")) {
        TSNode in = child(n, 0);
        return expr(in);
    }
    if (strstr(t, "operator") && strcmp(t, "comparison_operator")) {
        Node *e = operator_expr(n, t);
        if (e) return e;
    }
    if (!strcmp(t, "comparison_operator")) return comparison(n);
    if (!strcmp(t, "lambda")) return lambda_expr(n);
    if (!strcmp(t, "call")) {
        Node *e = new_node(N_CALL, n);
        e->a = expr(field(n, "function"));
        return call_args(e, field(n, "arguments"));
    }
    if (!strcmp(t, "attribute")) {
        Node *e = new_node(N_ATTR, n);
        e->a = expr(field(n, "object"));
        e->sval = text_of(field(n, "attribute"));
        e->loc = loc_of(field(n, "attribute"));
        return e;
    }
    if (!strcmp(t, "subscript")) return subscript(n);
    if ((!strcmp(t, "list") || !strcmp(t, "set")) && has_splat(n)) return splat_display(n, t[0] == 'l');
    if (!strcmp(t, "list") || !strcmp(t, "tuple") || !strcmp(t, "expression_list") || !strcmp(t, "pattern_list") ||
        !strcmp(t, "tuple_pattern")) {
        Node *e = new_node(t[0] == 'l' ? N_LIST : N_TUPLE, n);
        for (int i = 0; i < nchildren(n); i++) {
            TSNode k = child(n, i);
            if (is(k, "comment")) continue;
            if (is(k, "list_splat")) {
                error_at(k, "starred items in literals are not supported");
                continue;
            }
            if (is(k, "list_splat_pattern")) { /* first, *rest = xs */
                Node *st = new_node(N_STARRED, k);
                st->a = expr(child(k, 0));
                vec_push(&e->list, st);
                continue;
            }
            vec_push(&e->list, expr(k));
        }
        return e;
    }
    if (!strcmp(t, "list_comprehension") || !strcmp(t, "dictionary_comprehension") || !strcmp(t, "set_comprehension"))
        return comprehension(n);
    if (!strcmp(t, "dictionary")) {
        Node *e = new_node(N_DICT, n);
        for (int i = 0; i < nchildren(n); i++) {
            TSNode k = child(n, i);
            if (is(k, "comment")) continue;
            if (is(k, "dictionary_splat")) { /* {**d, ...}: key N_STARRED of the dict, no value */
                Node *st = new_node(N_STARRED, k);
                st->a = expr(child(k, 0));
                vec_push(&e->list, st);
                vec_push(&e->list2, new_node(N_NONE, k));
                continue;
            }
            if (!is(k, "pair")) {
                error_at(k, "this item in a dict literal is not supported");
                continue;
            }
            vec_push(&e->list, expr(field(k, "key")));
            vec_push(&e->list2, expr(field(k, "value")));
        }
        return e;
    }
    if (!strcmp(t, "set")) {
        Node *e = new_node(N_SET, n);
        for (int i = 0; i < nchildren(n); i++) {
            TSNode k = child(n, i);
            if (is(k, "comment")) continue;
            if (is(k, "list_splat")) {
                error_at(k, "starred items in literals are not supported");
                continue;
            }
            vec_push(&e->list, expr(k));
        }
        return e;
    }
    if (!strcmp(t, "conditional_expression")) {
        Node *e = new_node(N_IFEXP, n);
        e->b = expr(child(n, 0)); /* value if true */
        e->a = expr(child(n, 1)); /* condition */
        e->c = expr(child(n, 2)); /* value if false */
        return e;
    }
    if (!strcmp(t, "named_expression")) {
        Node *e = new_node(N_WALRUS, n);
        e->a = expr(field(n, "name"));
        e->b = expr(field(n, "value"));
        return e;
    }
    if (!strcmp(t, "yield")) return yield_expr(n);
    if (!strcmp(t, "generator_expression")) {
        Node *g = comprehension(n);
        g->ival = 2;            /* a lazy generator (check_gen.c) */
        return g;
    }
    if (!strcmp(t, "await")) {
        Node *e = new_node(N_AWAIT, n);
        e->a = expr(child(n, 0));
        return e;
    }
    if (!strcmp(t, "list_splat")) return bad(n, "starred expressions are only supported in calls");
    if (!strcmp(t, "keyword_argument")) return bad(n, "unexpected keyword argument");
    if (!strcmp(t, "comment")) return new_node(N_NONE, n);
    return bad(n, format("%s is not supported", t));
}

static bool has_splat(TSNode n) {
    for (int i = 0; i < nchildren(n); i++)
        if (is(child(n, i), "list_splat")) return true;
    return false;
}

static Node *name_call(const char *fn, Node *arg, TSNode at) {
    Node *c = new_node(N_CALL, at);
    c->a = new_node(N_NAME, at);
    c->a->sval = (char *)fn;
    vec_push(&c->list, arg);
    return c;
}

/* [x, *a, *b] is [x] + list(a) + list(b); {x, *a} is {x} | set(a) */
static Node *splat_display(TSNode n, bool is_list) {
    Node *acc = NULL, *run = NULL;
    for (int i = 0; i <= nchildren(n); i++) {
        TSNode k = i < nchildren(n) ? child(n, i) : (TSNode){0};
        bool end = i == nchildren(n);
        if (!end && is(k, "comment")) continue;
        Node *part = NULL;
        if (end || is(k, "list_splat")) {
            part = run;
            run = NULL;
        } else {
            if (!run) run = new_node(is_list ? N_LIST : N_SET, k);
            vec_push(&run->list, expr(k));
            continue;
        }
        for (int j = 0; j < 2; j++) {
            if (part) {
                if (!acc) {
                    acc = part;
                } else {
                    Node *b = new_node(N_BINOP, n);
                    b->op = is_list ? OP_ADD : OP_BITOR;
                    b->a = acc;
                    b->b = part;
                    acc = b;
                }
            }
            part = !end && j == 0 ? name_call(is_list ? "list" : "set", expr(child(k, 0)), k) : NULL;
        }
    }
    return acc;
}

static Node *expr(TSNode n) {
    if (ts_node_is_null(n)) {
        Node *e = xcalloc(1, sizeof *e);
        e->kind = N_NONE;
        return e;
    }
    if (++depth > MAX_DEPTH) {
        depth--;
        static bool told;
        if (!told) {
            told = true;
            return bad(n, "expression is nested too deeply");
        }
        diag_errors++;
        return new_node(N_NONE, n);
    }
    Node *e = expr_inner(n);
    depth--;
    return e;
}

/* ---- statements -------------------------------------------------------- */

static Node *stmt(TSNode n);
static Node *funcdef(TSNode n);

/* The names a statement binds, nested blocks included (a rejected 'for'
 * takes its body with it): assignment, for and with targets, def and class
 * names, imports. */
static void bound_names(TSNode n, bool target, Vec *out) {
    if (ts_node_is_null(n)) return;
    if (target && is(n, "identifier")) {
        vec_push(out, text_of(n));
        return;
    }
    if (is(n, "function_definition") || is(n, "class_definition")) {
        vec_push(out, text_of(field(n, "name")));
        return;
    }
    if (is(n, "assignment") || is(n, "augmented_assignment") || is(n, "for_statement") || is(n, "for_in_clause")) {
        bound_names(field(n, "left"), true, out);
        if (is(n, "assignment")) bound_names(field(n, "right"), false, out); /* a = b = ... */
        if (is(n, "for_statement")) bound_names(field(n, "body"), false, out);
        if (is(n, "for_statement")) bound_names(field(n, "alternative"), false, out);
        return;
    }
    if (is(n, "as_pattern_target") || is(n, "aliased_import")) target = true;
    if (is(n, "aliased_import")) {
        bound_names(field(n, "alias"), true, out);
        return;
    }
    if ((is(n, "import_statement") || is(n, "import_from_statement")) && nchildren(n) > 0) {
        for (int i = is(n, "import_from_statement") ? 1 : 0; i < nchildren(n); i++) {
            TSNode k = child(n, i);
            if (is(k, "dotted_name"))
                bound_names(child(k, 0), true, out);
            else
                bound_names(k, true, out);
        }
        return;
    }
    for (int i = 0; i < nchildren(n); i++)
        bound_names(child(n, i), target && !is(n, "subscript") && !is(n, "attribute"), out);
}

/* The lines where a name bound by statement n is visible: its function,
 * or the whole file for a module-level name. */
static void scope_lines(TSNode n, int *from, int *to) {
    *from = 1;
    *to = INT_MAX;
    for (TSNode p = ts_node_parent(n); !ts_node_is_null(p); p = ts_node_parent(p)) {
        if (!is(p, "function_definition")) continue;
        *from = (int)ts_node_start_point(p).row + 1;
        *to = (int)ts_node_end_point(p).row + 1;
        return;
    }
}

/* 'raise Exception': it says nothing about types, and as a way out of
 * the function it keeps "missing return" quiet where the rejected
 * statement may have returned. */
static Node *placeholder(TSNode at) {
    Node *s = new_node(N_RAISE, at);
    s->a = new_node(N_NAME, at);
    s->a->sval = "Exception";
    return s;
}

/* A statement with an error becomes a placeholder; its names are poisoned,
 * so the checker's complaints about them (not defined, wrong type) stay
 * quiet. */
static void stmts_into(Vec *out, TSNode parent) {
    for (int i = 0; i < nchildren(parent); i++) {
        TSNode k = child(parent, i);
        if (is(k, "comment")) continue;
        int outer = stmt_errors;
        stmt_errors = 0;
        Node *s = stmt(k);
        if (stmt_errors) {
            Vec names = {0};
            bound_names(k, false, &names);
            int from, to;
            scope_lines(k, &from, &to);
            for (int j = 0; j < names.len; j++) diag_poison(names.data[j], from, to);
            s = placeholder(k);
        }
        stmt_errors = outer;
        if (s) vec_push(out, s);
    }
}

/* What CPython calls the statement that owns a block. */
static const char *block_owner(TSNode p, int *line) {
    *line = ts_node_is_null(p) ? 0 : (int)ts_node_start_point(p).row + 1;
    const char *t = ts_node_is_null(p) ? "" : type_of(p);
    static const char *names[][2] = {
        {"function_definition", "function definition"},
        {"class_definition", "class definition"},
        {"if_statement", "'if' statement"},
        {"elif_clause", "'elif' statement"},
        {"else_clause", "'else' statement"},
        {"while_statement", "'while' statement"},
        {"for_statement", "'for' statement"},
        {"try_statement", "'try' statement"},
        {"except_clause", "'except' statement"},
        {"finally_clause", "'finally' statement"},
        {"with_statement", "'with' statement"},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (!strcmp(names[i][0], t)) return names[i][1];
    return "statement";
}

/* Leading whitespace of the line a node starts on, if the node is the first
 * thing on its line; NULL otherwise. */
static const char *indent_of(TSNode n, size_t *len) {
    uint32_t at = ts_node_start_byte(n);
    uint32_t b = at;
    while (b > 0 && src->text[b - 1] != '\n') b--;
    for (uint32_t i = b; i < at; i++)
        if (src->text[i] != ' ' && src->text[i] != '\t' && src->text[i] != '\f') return NULL;
    *len = at - b;
    return src->text + b;
}

static int indent_width(const char *s, size_t n, int tab) {
    int w = 0;
    for (size_t i = 0; i < n; i++) w = s[i] == '\t' ? (w / tab + 1) * tab : w + 1;
    return w;
}

/* tree-sitter accepts some indentation that Python's tokenizer refuses:
 * statements of one block must share the same leading whitespace. */
static void check_indentation(TSNode blk) {
    const char *first = NULL;
    size_t flen = 0;
    for (int i = 0; i < nchildren(blk); i++) {
        TSNode k = child(blk, i);
        if (is(k, "comment")) continue;
        size_t len;
        const char *ws = indent_of(k, &len);
        if (!ws) continue;
        if (!first) {
            first = ws;
            flen = len;
            continue;
        }
        if (len == flen && !memcmp(ws, first, len)) continue;
        int w8 = indent_width(ws, len, 8), f8 = indent_width(first, flen, 8);
        int w1 = indent_width(ws, len, 1), f1 = indent_width(first, flen, 1);
        if ((w8 == f8) != (w1 == f1) || (w8 > f8) != (w1 > f1))
            error_at(k, "inconsistent use of tabs and spaces in indentation");
        else if (w8 > f8)
            error_at(k, "unexpected indent");
        else
            error_at(k, "unindent does not match any outer indentation level");
        return;
    }
}

static Node *block_in(TSNode n, TSNode owner) {
    Node *b = new_node(N_BLOCK, n);
    if (ts_node_is_null(n)) return b;
    bool empty = true;
    for (int i = 0; i < nchildren(n) && empty; i++) empty = is(child(n, i), "comment");
    if (empty && is(n, "block")) {
        int line;
        const char *what = block_owner(owner, &line);
        error_at(n, "expected an indented block after %s on line %d", what, line);
        return b;
    }
    if (is(n, "block")) check_indentation(n);
    stmts_into(&b->list, n);
    return b;
}

static Node *block(TSNode n) { return block_in(n, ts_node_parent(n)); }

static Node *flag_store(const char *flag, bool value, Loc loc) {
    Node *s = xcalloc(1, sizeof *s), *name = xcalloc(1, sizeof *name), *v = xcalloc(1, sizeof *v);
    s->kind = N_ASSIGN;
    name->kind = N_NAME;
    name->sval = (char *)flag;
    v->kind = N_BOOL;
    v->ival = value;
    s->loc = name->loc = v->loc = loc;
    s->a = name;
    s->b = v;
    return s;
}

/* The loop's own breaks (not those of nested loops) first set the flag. */
static void flag_breaks(Node *n, const char *flag) {
    if (!n || n->kind == N_FOR || n->kind == N_WHILE || n->kind == N_FUNCDEF) return;
    for (int i = 0; i < n->list.len; i++) {
        Node *k = n->list.data[i];
        if (k && k->kind == N_BREAK) {
            Node *blk = xcalloc(1, sizeof *blk);
            blk->kind = N_BLOCK;
            blk->loc = k->loc;
            vec_push(&blk->list, flag_store(flag, true, k->loc));
            vec_push(&blk->list, k);
            n->list.data[i] = blk;
        } else {
            flag_breaks(k, flag);
        }
    }
    Node *parts[] = {n->a, n->b, n->c, n->d};
    for (int i = 0; i < 4; i++)
        if (parts[i] && (parts[i]->kind == N_BLOCK || parts[i]->kind == N_IF || parts[i]->kind == N_TRY ||
                         parts[i]->kind == N_EXCEPT))
            flag_breaks(parts[i], flag);
}

/* for/while ... else E: `broke = False`, the loop with `broke = True`
 * before each of its breaks, then `if not broke: E` (Python runs the else
 * block when the loop ends without break). */
static Node *loop_else(Node *loop, Node *body, TSNode n) {
    TSNode alt = field(n, "alternative");
    if (ts_node_is_null(alt)) return loop;
    const char *flag = format("loop_broke_L%d_%d", loop->loc.line, loop->loc.col);
    flag_breaks(body, flag);
    Node *blk = new_node(N_BLOCK, n), *test = new_node(N_IF, alt), *not = new_node(N_NOT, alt);
    Node *name = new_node(N_NAME, alt);
    name->sval = (char *)flag;
    not->a = name;
    test->a = not;
    test->b = block_in(field(alt, "body"), alt);
    vec_push(&blk->list, flag_store(flag, false, loop->loc));
    vec_push(&blk->list, loop);
    vec_push(&blk->list, test);
    return blk;
}

/* An annotation is kept as an expression and resolved by check.c. */
static Node *annotation(TSNode n) {
    if (ts_node_is_null(n)) return NULL;
    if (is(n, "type")) n = child(n, 0);
    if (is(n, "generic_type")) {
        /* list[int] -> INDEX(NAME list, ...) ; tuple[a, b] -> TUPLE operands */
        Node *e = new_node(N_INDEX, n);
        e->a = expr(child(n, 0));
        TSNode params = child(n, 1);
        Node *tup = new_node(N_TUPLE, params);
        for (int i = 0; i < nchildren(params); i++) vec_push(&tup->list, annotation(child(params, i)));
        e->b = tup;
        return e;
    }
    if (is(n, "union_type") || is(n, "constrained_type") || is(n, "splat_type"))
        return bad(n, "this kind of annotation is not supported");
    if (is(n, "member_type")) {
        Node *e = new_node(N_ATTR, n);
        e->a = annotation(child(n, 0));
        e->sval = text_of(child(n, 1));
        return e;
    }
    return expr(n);
}

static void parse_params(Func *fn, TSNode ps);

static Node *funcdef(TSNode n) {
    Node *d = new_node(N_FUNCDEF, n);
    Func *fn = xcalloc(1, sizeof *fn);
    d->fn = fn;
    fn->def = d;
    fn->name = text_of(field(n, "name"));
    fn->is_async = has_token(n, "async");
    TSNode tp = field(n, "type_parameters");
    if (!ts_node_is_null(tp)) error_at(tp, "type parameters are not supported");
    parse_params(fn, field(n, "parameters"));
    d->a = annotation(field(n, "return_type"));
    d->b = block_in(field(n, "body"), n);
    return d;
}

/* The parameters of a def or a lambda (a lambda may have none). */
static void parse_params(Func *fn, TSNode ps) {
    int np = ts_node_is_null(ps) ? 0 : nchildren(ps);
    bool kwonly = false;
    fn->params = xcalloc((size_t)np + 1, sizeof(Param));
    for (int i = 0; i < np; i++) {
        TSNode p = child(ps, i);
        if (is(p, "comment")) continue;
        Param *pa = &fn->params[fn->nparams];
        TSNode name = p;
        if (is(p, "keyword_separator")) { /* def f(a, *, b): b by keyword only */
            kwonly = true;
            continue;
        }
        if (is(p, "positional_separator")) continue; /* def f(a, /, b): a positional only */
        if (is(p, "typed_parameter") && nchildren(p) &&
            (is(child(p, 0), "list_splat_pattern") || is(child(p, 0), "dictionary_splat_pattern")))
            p = child(p, 0); /* *args: int: the annotation types the items, not checked */
        if (is(p, "list_splat_pattern") || is(p, "dictionary_splat_pattern")) {
            pa->star = is(p, "list_splat_pattern") ? 1 : 2;
            pa->kwonly = kwonly;
            kwonly = true;
            name = child(p, 0);
        } else {
            pa->kwonly = kwonly;
        }
        const char *msg = pa->star ? NULL : unsupported_message(type_of(p));
        if (msg) {
            error_at(p, "%s", msg);
            continue;
        }
        if (pa->star) {
        } else if (is(p, "typed_parameter")) {
            name = child(p, 0);
            if (!is(name, "identifier")) {
                error_at(name, "%s",
                         unsupported_message(type_of(name)) ? unsupported_message(type_of(name))
                                                            : "unsupported parameter");
                continue;
            }
            pa->ann = annotation(field(p, "type"));
        } else if (is(p, "default_parameter")) {
            name = field(p, "name");
            pa->def = expr(field(p, "value"));
        } else if (is(p, "typed_default_parameter")) {
            name = field(p, "name");
            pa->ann = annotation(field(p, "type"));
            pa->def = expr(field(p, "value"));
        } else if (!is(p, "identifier")) {
            error_at(p, "unsupported parameter");
            continue;
        }
        if (!is(name, "identifier")) {
            error_at(name, "unsupported parameter");
            continue;
        }
        Var *v = xcalloc(1, sizeof *v);
        v->name = text_of(name);
        v->loc = loc_of(name);
        v->is_param = true;
        pa->var = v;
        fn->nparams++;
    }
}

/* lambda params: body -> a def whose body returns the expression */
static Node *lambda_expr(TSNode n) {
    Node *e = new_node(N_LAMBDA, n);
    Node *d = new_node(N_FUNCDEF, n);
    Func *fn = xcalloc(1, sizeof *fn);
    d->fn = fn;
    fn->def = d;
    fn->name = "<lambda>";
    fn->is_lambda = true;
    parse_params(fn, field(n, "parameters"));
    Node *ret = new_node(N_RETURN, field(n, "body"));
    ret->a = expr(field(n, "body"));
    d->b = new_node(N_BLOCK, n);
    vec_push(&d->b->list, ret);
    e->fn = fn;
    return e;
}

/* Host functions: @asyncc.host (an ordinary C function the host provides)
 * and @asyncc.deferred (an async def the host completes later).  The body
 * is the Python fallback that the reference runner uses. */
static Node *classdef(TSNode n);

/* @dataclass, @dataclass(order=True, frozen=True) on a class: Node.ival
 * bits (1 dataclass, 2 order, 4 frozen, 8 eq=False); -1 if not one. */
static int dataclass_flags(const char *t) {
    if (!strcmp(t, "@dataclass") || !strcmp(t, "@dataclass()")) return 1;
    if (strncmp(t, "@dataclass(", 11)) return -1;
    int flags = 1;
    const char *p = t + 11;
    while (*p && *p != ')') {
        while (*p == ' ' || *p == ',') p++;
        const char *opts[] = {"order=True", "frozen=True", "eq=True", "order=False", "frozen=False", "eq=False"};
        int bits[] = {2, 4, 0, 0, 0, 8};
        int k;
        for (k = 0; k < 6; k++)
            if (!strncmp(p, opts[k], strlen(opts[k]))) break;
        if (k == 6) return -1;
        flags |= bits[k];
        p += strlen(opts[k]);
    }
    return flags;
}

static Node *decorated(TSNode n) {
    TSNode def = field(n, "definition");
    int host = 0, mkind = MK_METHOD, dc = 0;
    Vec decos = {0};
    for (int i = 0; i < nchildren(n); i++) {
        TSNode d = child(n, i);
        if (!is(d, "decorator")) continue;
        char *t = text_of(d);
        size_t tl = strlen(t);
        if (!strcmp(t, "@asyncc.host"))
            host = HOST_CALL;
        else if (!strcmp(t, "@asyncc.deferred"))
            host = HOST_DEFERRED;
        else if (!strcmp(t, "@staticmethod"))
            mkind = MK_STATIC;
        else if (!strcmp(t, "@classmethod"))
            mkind = MK_CLASS;
        else if (!strcmp(t, "@property"))
            mkind = MK_GETTER;
        else if (tl > 8 && !strcmp(t + tl - 7, ".setter"))
            mkind = MK_SETTER;
        else if (dataclass_flags(t) > 0 && is(def, "class_definition"))
            dc = dataclass_flags(t);
        else
            vec_push(&decos, expr(child(d, 0)));
    }
    if (decos.len && !host && is(def, "function_definition")) {
        /* @dec def f: f = dec(<the def>), applied innermost first (check_closure.c) */
        Node *d = funcdef(def);
        d->list = decos;
        d->fn->mkind = mkind;
        return d;
    }
    if (decos.len) {
        error_at(n, "decorators on host functions and classes are not supported");
        return NULL;
    }
    if (is(def, "class_definition")) {
        Node *c = classdef(def);
        if (c && c->kind == N_CLASSDEF) c->ival = dc;
        return c;
    }
    if (!is(def, "function_definition")) {
        error_at(def, "only functions can be host functions");
        return NULL;
    }
    Node *d = funcdef(def);
    d->fn->host = host;
    d->fn->mkind = mkind; /* check_class.c: only in a class body */
    if (host == HOST_CALL && d->fn->is_async)
        error_at(n, "@asyncc.host functions are plain 'def'; use @asyncc.deferred for async ones");
    if (host == HOST_DEFERRED && !d->fn->is_async) error_at(n, "@asyncc.deferred functions must be 'async def'");
    return d;
}

static Node *classdef(TSNode n) {
    Node *d = new_node(N_CLASSDEF, n);
    d->sval = text_of(field(n, "name"));
    TSNode sup = field(n, "superclasses");
    if (!ts_node_is_null(sup)) {
        for (int i = 0; i < nchildren(sup); i++)
            if (is(child(sup, i), "keyword_argument"))
                return bad(child(sup, i), "metaclasses and class keyword arguments are not supported");
        if (nchildren(sup) > 1) return bad(sup, "multiple inheritance is not supported");
        if (nchildren(sup) == 1 && !is(child(sup, 0), "identifier"))
            return bad(child(sup, 0), "a base class must be a class name");
        if (nchildren(sup) == 1) d->a = expr(child(sup, 0));
    }
    /* check_class.c decides what the body may hold (exception classes:
     * nothing but 'pass', '...' or a docstring yet) */
    TSNode body = field(n, "body");
    for (int i = 0; i < nchildren(body); i++) {
        TSNode k = child(body, i);
        if (is(k, "comment") || is(k, "pass_statement")) continue;
        if (is(k, "expression_statement") && nchildren(k) == 1 &&
            (is(child(k, 0), "string") || is(child(k, 0), "ellipsis")))
            continue; /* docstring or ... */
        Node *m = stmt(k);
        if (m) vec_push(&d->list, m);
    }
    return d;
}

static Node *assignment(TSNode n);

/* a = b[i] = v: a = v, then b[i] = a (the value is evaluated once and
 * stored left to right, as Python does) */
static Node *hidden_name(const char *what, TSNode at);

/* A first target that is not a name (self.a = self.b = None) gets the
 * value through a hidden name: each target is stored once, left to right. */
static Node *chained_assignment(TSNode n) {
    Node *blk = new_node(N_BLOCK, n);
    TSNode left = field(n, "left"), right = field(n, "right");
    Node *first = new_node(N_ASSIGN, n);
    bool via_name = !is(left, "identifier");
    first->a = via_name ? hidden_name("chain", n) : expr(left);
    vec_push(&blk->list, first);
    if (via_name) {
        Node *s = new_node(N_ASSIGN, n);
        s->a = expr(left);
        if (is(left, "pattern_list")) s->a->kind = N_TUPLE;
        s->b = hidden_name("chain", n);
        vec_push(&blk->list, s);
    }
    while (is(right, "assignment")) {
        TSNode next = field(right, "right");
        if (ts_node_is_null(next) || !ts_node_is_null(field(right, "type"))) return bad(right, "invalid chained assignment");
        Node *s = new_node(N_ASSIGN, right);
        s->a = expr(field(right, "left"));
        if (is(field(right, "left"), "pattern_list")) s->a->kind = N_TUPLE;
        s->b = via_name ? hidden_name("chain", n) : expr(left);
        vec_push(&blk->list, s);
        right = next;
    }
    if (is(right, "augmented_assignment") || is(right, "yield")) return bad(right, "invalid chained assignment");
    first->b = expr(right);
    return blk;
}

static Node *assignment(TSNode n) {
    TSNode right = field(n, "right");
    TSNode left = field(n, "left");
    Node *s = new_node(N_ASSIGN, n);
    s->a = expr(left);
    s->c = annotation(field(n, "type"));
    if (!ts_node_is_null(right)) {
        if (is(right, "assignment") && ts_node_is_null(field(n, "type"))) return chained_assignment(n);
        if (is(right, "augmented_assignment")) return bad(right, "chained assignment is not supported");
        s->b = expr(right);
    } else if (!s->c) {
        return bad(n, "assignment without a value");
    }
    if (is(left, "pattern_list")) s->a->kind = N_TUPLE;
    return s;
}

/* Inside a try body with handlers an import of a module asyncc does not
 * have raises ModuleNotFoundError at run time (the `try: import X / except
 * ImportError:` pattern); elsewhere it is a compile-time error. */
static int guarded_imports;

static Node *hidden_name(const char *what, TSNode at) {
    Node *n = new_node(N_NAME, at);
    n->sval = format("%s_%d_%d", what, n->loc.line, n->loc.col);
    return n;
}

static Node *assign_to(Node *target, Node *value, TSNode at) {
    Node *s = new_node(N_ASSIGN, at);
    s->a = target;
    s->b = value;
    return s;
}

static Node *name_node(const char *name, TSNode at) {
    Node *n = new_node(N_NAME, at);
    n->sval = (char *)name;
    return n;
}

static Node *call_of(const char *fn, Node *a, Node *b, TSNode at) {
    Node *c = new_node(N_CALL, at);
    c->a = name_node(fn, at);
    vec_push(&c->list, a);
    if (b) vec_push(&c->list, b);
    return c;
}

/* CPython's SyntaxError: no return, nor break/continue leaving the block */
static void no_exit_from(Node *s, bool in_loop) {
    if (!s) return;
    if (s->kind == N_RETURN || (!in_loop && (s->kind == N_BREAK || s->kind == N_CONTINUE))) {
        diag_error(src, s->loc, "'break', 'continue' and 'return' cannot appear in an except* block");
        stmt_errors++;
        return;
    }
    if (s->kind == N_BLOCK)
        for (int i = 0; i < s->list.len; i++) no_exit_from(s->list.data[i], in_loop);
    if (s->kind == N_IF) {
        no_exit_from(s->b, in_loop);
        no_exit_from(s->c, in_loop);
    }
    if (s->kind == N_WHILE) no_exit_from(s->b, true);
    if (s->kind == N_FOR) no_exit_from(s->c, true);
    if (s->kind == N_TRY) {
        no_exit_from(s->b, in_loop);
        no_exit_from(s->c, in_loop);
    }
    if (s->kind == N_TRY) {
        no_exit_from(s->a, in_loop);
        for (int i = 0; i < s->list.len; i++) no_exit_from(((Node *)s->list.data[i])->b, in_loop);
    }
}

/* one `except* C [as e]: body` clause, as an N_EXCEPT (a: C, sval: e) */
static Node *except_star(TSNode k) {
    Node *h = new_node(N_EXCEPT, k);
    for (int j = 0; j < nchildren(k); j++) {
        TSNode c = child(k, j);
        if (is(c, "block")) {
            h->b = block_in(c, k);
        } else if (ts_node_is_named(c) && !h->a) {
            TSNode v = c, alias = {0};
            if (is(c, "as_pattern")) {
                v = child(c, 0);
                alias = field(c, "alias");
                if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = child(alias, 0);
                if (ts_node_is_null(alias) || !is(alias, "identifier")) error_at(c, "'except* ... as' needs a name");
                else h->sval = text_of(alias);
            }
            h->a = expr(v); /* a class, or a tuple of classes */
        }
    }
    if (!h->a) error_at(k, "except* needs an exception class");
    if (!h->b) h->b = new_node(N_BLOCK, k);
    no_exit_from(h->b, false);
    return h;
}

/* The except* clauses of a try become one handler (rt_taskgroup.c splits
 * the groups the way CPython does):
 *     except BaseException as eg:
 *         rest = eg
 *         m1 = __asyncc_eg_match(rest, C1); rest = __asyncc_eg_rest(rest, C1)
 *         if m1 is not None: e1 = m1; body1
 *         ...
 *         if rest is not None: raise rest */
static Node *except_star_handler(Vec *clauses, TSNode n) {
    Node *h = new_node(N_EXCEPT, n), *blk = new_node(N_BLOCK, n);
    Node *eg = hidden_name("egroup", n), *rest = hidden_name("egrest", n);
    h->a = name_node("BaseException", n);
    h->sval = eg->sval;
    h->b = blk;
    vec_push(&blk->list, assign_to(rest, eg, n));
    for (int i = 0; i < clauses->len; i++) {
        Node *c = clauses->data[i];
        TSNode at = n;
        Node *m = new_node(N_NAME, at);
        m->loc = c->loc;
        m->sval = format("egmatch_%d_%d", c->loc.line, c->loc.col);
        vec_push(&blk->list, assign_to(m, call_of("__asyncc_eg_match", rest, c->a, at), at));
        vec_push(&blk->list, assign_to(rest, call_of("__asyncc_eg_rest", rest, c->a, at), at));
        Node *test = new_node(N_COMPARE, at), *body = new_node(N_BLOCK, at), *iff = new_node(N_IF, at);
        test->ops = xcalloc(1, sizeof(int));
        test->ops[0] = OP_ISNOT;
        vec_push(&test->list, m);
        vec_push(&test->list, new_node(N_NONE, at));
        if (c->sval) vec_push(&body->list, assign_to(name_node(c->sval, at), m, at));
        for (int j = 0; j < c->b->list.len; j++) vec_push(&body->list, c->b->list.data[j]);
        iff->a = test;
        iff->b = body;
        vec_push(&blk->list, iff);
    }
    Node *test = new_node(N_COMPARE, n), *iff = new_node(N_IF, n), *raise = new_node(N_RAISE, n);
    test->ops = xcalloc(1, sizeof(int));
    test->ops[0] = OP_ISNOT;
    vec_push(&test->list, rest);
    vec_push(&test->list, new_node(N_NONE, n));
    raise->a = rest;
    iff->a = test;
    iff->b = new_node(N_BLOCK, n);
    vec_push(&iff->b->list, raise);
    vec_push(&blk->list, iff);
    return h;
}

static Node *try_stmt(TSNode n) {
    Node *s = new_node(N_TRY, n);
    Vec groups = {0};
    bool handled = false;
    for (int i = 0; i < nchildren(n); i++) handled |= is(child(n, i), "except_clause") || is(child(n, i), "except_group_clause");
    guarded_imports += handled;
    s->a = block_in(field(n, "body"), n);
    guarded_imports -= handled;
    for (int i = 0; i < nchildren(n); i++) {
        TSNode k = child(n, i);
        if (is(k, "except_clause")) {
            Node *h = new_node(N_EXCEPT, k);
            TSNode v = field(k, "value");
            TSNode alias = field(k, "alias");
            if (!ts_node_is_null(v) && is(v, "as_pattern")) {
                /* tree-sitter 0.23: except (A, B) as e */
                alias = field(v, "alias");
                if (!ts_node_is_null(alias)) alias = child(alias, 0);
                v = child(v, 0);
            }
            if (!ts_node_is_null(v)) h->a = expr(v);
            if (!ts_node_is_null(alias)) {
                if (!is(alias, "identifier")) error_at(alias, "'except ... as' needs a name");
                h->sval = text_of(alias);
            }
            for (int j = 0; j < nchildren(k); j++)
                if (is(child(k, j), "block")) h->b = block_in(child(k, j), k);
            if (!h->b) h->b = new_node(N_BLOCK, k);
            vec_push(&s->list, h);
        } else if (is(k, "else_clause")) {
            s->b = block_in(field(k, "body"), k);
        } else if (is(k, "finally_clause")) {
            for (int j = 0; j < nchildren(k); j++)
                if (is(child(k, j), "block")) s->c = block_in(child(k, j), k);
        } else if (is(k, "except_group_clause")) {
            vec_push(&groups, except_star(k));
        }
    }
    if (groups.len) vec_push(&s->list, except_star_handler(&groups, n));
    return s;
}

/* One imported name: item->sval the module (import X) or the name (from M
 * import X), item->a its alias, item->ival 1 when the module is missing and
 * the import raises at run time. */
static Node *import_item(TSNode k) {
    TSNode name = is(k, "aliased_import") ? field(k, "name") : k;
    Node *item = new_node(N_NAME, name);
    item->sval = text_of(name);
    if (is(k, "aliased_import")) {
        item->a = new_node(N_NAME, field(k, "alias"));
        item->a->sval = text_of(field(k, "alias"));
    }
    return item;
}

/* A module asyncc lacks: an error, or a run-time raise inside a guarded try. */
static bool module_available(TSNode at, const char *name) {
    int status = builtin_module_status(name);
    if (status == 1) return true;
    if (!guarded_imports)
        error_at(at, "module '%s' is not supported%s (asyncc has %s)", name, status == 2 ? " yet" : "",
                 builtin_module_list());
    return false;
}

/* N_IMPORT: list holds the items; sval is the module of a from-import. */
static Node *import_stmt(TSNode n) {
    Node *s = new_node(N_IMPORT, n);
    if (is(n, "import_from_statement")) {
        TSNode mod = field(n, "module_name");
        s->sval = text_of(mod);
        if (is(mod, "relative_import")) {
            error_at(mod, "relative imports are not supported");
            return s;
        }
        bool ok = module_available(mod, s->sval);
        for (int i = 0; i < nchildren(n); i++) {
            TSNode k = child(n, i);
            if (ts_node_eq(k, mod)) continue;
            if (is(k, "wildcard_import")) {
                error_at(k, "'from %s import *' is not supported; import the names", s->sval);
                continue;
            }
            Node *item = import_item(k);
            item->ival = !ok;
            vec_push(&s->list, item);
        }
        if (!ok && !s->list.len) vec_push(&s->list, new_node(N_NAME, mod));
        if (!ok) ((Node *)s->list.data[0])->ival = 1;
        return s;
    }
    for (int i = 0; i < nchildren(n); i++) {
        Node *item = import_item(child(n, i));
        item->ival = !module_available(child(n, i), item->sval);
        vec_push(&s->list, item);
    }
    return s;
}

static Node *if_stmt(TSNode n) {
    Node *s = new_node(N_IF, n);
    s->a = expr(field(n, "condition"));
    s->b = block_in(field(n, "consequence"), n);
    /* elif chains become nested ifs in the else branch */
    Node *cur = s;
    for (int i = 0; i < nchildren(n); i++) {
        TSNode k = child(n, i);
        if (is(k, "elif_clause")) {
            Node *e = new_node(N_IF, k);
            e->a = expr(field(k, "condition"));
            e->b = block_in(field(k, "consequence"), k);
            Node *blk = new_node(N_BLOCK, k);
            vec_push(&blk->list, e);
            cur->c = blk;
            cur = e;
        } else if (is(k, "else_clause")) {
            cur->c = block_in(field(k, "body"), k);
        }
    }
    return s;
}

static Node *simple(NodeKind k, TSNode n) { return new_node(k, n); }

/* `cm.name()` as a statement (awaited when `await_it`) */
static Node *cm_call(Node *cm, const char *name, bool await_it, TSNode at) {
    Node *attr = new_node(N_ATTR, at), *call = new_node(N_CALL, at), *s = new_node(N_EXPR, at);
    attr->a = cm;
    attr->sval = (char *)name;
    call->a = attr;
    s->a = call;
    if (await_it) {
        Node *aw = new_node(N_AWAIT, at);
        aw->a = call;
        s->a = aw;
    }
    return s;
}

/* asyncio.timeout(...) / timeout_at(...), however asyncio was imported */
/* the name a call's function ends with (asyncio.X(...) or X(...)); "" for
 * anything else */
static const char *called_name(TSNode v) {
    if (!is(v, "call")) return "";
    TSNode fn = field(v, "function");
    return is(fn, "attribute") ? text_of(field(fn, "attribute")) : is(fn, "identifier") ? text_of(fn) : "";
}

static bool is_timeout_call(TSNode v) {
    const char *name = called_name(v);
    return !strcmp(name, "timeout") || !strcmp(name, "timeout_at");
}

/* `async with asyncio.timeout(d) as cm:` becomes (rt_sync.c says why)
 *     cm = asyncio.timeout(d); cm.__aenter__()
 *     try: body
 *     except CancelledError: cm.__aexit__(True); raise
 *     finally: cm.__aexit__(False)
 * without `as`, cm is a hidden local. */
static Node *async_with_timeout(TSNode n, TSNode v) {
    TSNode call = is(v, "as_pattern") ? child(v, 0) : v;
    Node *cm = new_node(N_NAME, v);
    if (is(v, "as_pattern")) {
        TSNode alias = field(v, "alias");
        if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = child(alias, 0);
        if (ts_node_is_null(alias) || !is(alias, "identifier")) return bad(v, "'async with ... as' needs a name");
        cm->sval = text_of(alias);
    } else {
        cm->sval = format("timeout_%d_%d", cm->loc.line, cm->loc.col);
    }
    Node *blk = new_node(N_BLOCK, n), *set = new_node(N_ASSIGN, v);
    set->a = cm;
    set->b = expr(call);
    vec_push(&blk->list, set);
    Node *enter = cm_call(cm, "__aenter__", false, v);
    vec_push(&blk->list, enter);
    Node *t = new_node(N_TRY, n), *h = new_node(N_EXCEPT, n);
    t->a = block_in(field(n, "body"), n);
    h->a = new_node(N_NAME, v);
    h->a->sval = "CancelledError";
    h->b = new_node(N_BLOCK, n);
    Node *exit1 = cm_call(cm, "__aexit__", false, v), *yes = new_node(N_BOOL, v);
    yes->ival = 1;
    vec_push(&exit1->a->list, yes);
    vec_push(&h->b->list, exit1);
    vec_push(&h->b->list, new_node(N_RAISE, n));
    vec_push(&t->list, h);
    t->c = new_node(N_BLOCK, n);
    Node *exit0 = cm_call(cm, "__aexit__", false, v), *no = new_node(N_BOOL, v);
    vec_push(&exit0->a->list, no);
    vec_push(&t->c->list, exit0);
    vec_push(&blk->list, t);
    return blk;
}

/* asyncio.TaskGroup(), however asyncio was imported */
static bool is_taskgroup_call(TSNode v) { return !strcmp(called_name(v), "TaskGroup"); }

/* `async with asyncio.TaskGroup() as tg:` becomes (rt_taskgroup.c says why)
 *     tg = asyncio.TaskGroup(); tg.__aenter__(); failed = False
 *     try: body
 *     except BaseException as err:
 *         failed = True; await tg.__aexit__(err); raise
 *     finally:
 *         if not failed: await tg.__aexit__(None)
 * so every way out of the body (return, break) waits for the children;
 * __aexit__ raises the group (or returns, and the body's error goes on). */
static Node *async_with_taskgroup(TSNode n, TSNode v) {
    TSNode call = is(v, "as_pattern") ? child(v, 0) : v;
    Node *tg = hidden_name("taskgroup", v), *failed = hidden_name("tgfailed", v), *err = hidden_name("tgerror", v);
    if (is(v, "as_pattern")) {
        TSNode alias = field(v, "alias");
        if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = child(alias, 0);
        if (ts_node_is_null(alias) || !is(alias, "identifier")) return bad(v, "'async with ... as' needs a name");
        tg->sval = text_of(alias);
    }
    Node *blk = new_node(N_BLOCK, n);
    vec_push(&blk->list, assign_to(tg, expr(call), v));
    vec_push(&blk->list, cm_call(tg, "__aenter__", false, v));
    Node *no = new_node(N_BOOL, v), *yes = new_node(N_BOOL, v);
    yes->ival = 1;
    vec_push(&blk->list, assign_to(failed, no, v));
    Node *t = new_node(N_TRY, n), *h = new_node(N_EXCEPT, n);
    t->a = block_in(field(n, "body"), n);
    h->a = new_node(N_NAME, v);
    h->a->sval = "BaseException";
    h->sval = err->sval;
    h->b = new_node(N_BLOCK, n);
    vec_push(&h->b->list, assign_to(failed, yes, v));
    Node *exit1 = cm_call(tg, "__aexit__", true, v);
    vec_push(&exit1->a->a->list, err);
    vec_push(&h->b->list, exit1);
    vec_push(&h->b->list, new_node(N_RAISE, n));
    vec_push(&t->list, h);
    t->c = new_node(N_BLOCK, n);
    Node *check = new_node(N_IF, v), *not = new_node(N_NOT, v);
    not->a = failed;
    check->a = not;
    check->b = new_node(N_BLOCK, v);
    Node *exit0 = cm_call(tg, "__aexit__", true, v);
    vec_push(&exit0->a->a->list, new_node(N_NONE, v));
    vec_push(&check->b->list, exit0);
    vec_push(&t->c->list, check);
    vec_push(&blk->list, t);
    return blk;
}

/* The one with_item of a with statement; a null node when it has several. */
static TSNode sole_with_item(TSNode n) {
    TSNode clause = {0}, item = {0};
    int items = 0;
    for (int i = 0; i < nchildren(n); i++)
        if (is(child(n, i), "with_clause")) clause = child(n, i);
    for (int i = 0; !ts_node_is_null(clause) && i < nchildren(clause); i++)
        if (is(child(clause, i), "with_item")) item = child(clause, i), items++;
    return items == 1 ? item : (TSNode){0};
}

/* `async with lock:` on asyncio's Lock or Semaphore is what CPython's
 * __aenter__/__aexit__ do: `await lock.acquire()`, then the body inside
 * `try: ... finally: lock.release()`, so every way out of the body
 * (exception, return, break) releases.  The manager is a name or an
 * attribute, read again at the release as CPython's bound __aexit__ is. */
static Node *user_with(TSNode n, bool async);

static Node *async_with(TSNode n) {
    TSNode item = sole_with_item(n);
    if (ts_node_is_null(item)) return bad(n, "async with of several context managers is not supported yet");
    TSNode v = field(item, "value");
    if (is_timeout_call(v) || (is(v, "as_pattern") && is_timeout_call(child(v, 0)))) return async_with_timeout(n, v);
    if (is_taskgroup_call(v) || (is(v, "as_pattern") && is_taskgroup_call(child(v, 0))))
        return async_with_taskgroup(n, v);
    TSNode inner = is(v, "as_pattern") ? child(v, 0) : v;
    if ((!is(inner, "identifier") && !is(inner, "attribute")) || is(v, "as_pattern")) return user_with(n, true);
    /* a name: a Lock, Semaphore or Condition, or a user class's instance:
     * check.c keeps the form that fits its type (Node.ival WITH_CHOICE) */
    Node *choice = new_node(N_BLOCK, n);
    choice->ival = WITH_CHOICE;
    Node *blk = new_node(N_BLOCK, n), *t = new_node(N_TRY, n);
    vec_push(&blk->list, cm_call(expr(v), "acquire", true, v));
    t->a = block_in(field(n, "body"), n);
    t->c = new_node(N_BLOCK, n);
    vec_push(&t->c->list, cm_call(expr(v), "release", false, v));
    vec_push(&blk->list, t);
    vec_push(&choice->list, blk);
    vec_push(&choice->list, user_with(n, true));
    return choice;
}

/* asyncio.Runner(...), however asyncio was imported */
static bool is_runner_call(TSNode v) { return !strcmp(called_name(v), "Runner"); }

/* `with asyncio.Runner() as runner:` is what Runner.__exit__ does:
 *     runner = asyncio.Runner()
 *     try: body
 *     finally: runner.close()
 * without `as`, runner is a hidden local. */
static Node *runner_with(TSNode n) {
    TSNode item = sole_with_item(n);
    if (ts_node_is_null(item)) return NULL;
    TSNode v = field(item, "value");
    TSNode call = is(v, "as_pattern") ? child(v, 0) : v;
    if (!is_runner_call(call)) return NULL;
    Node *r = hidden_name("runner", v);
    if (is(v, "as_pattern")) {
        TSNode alias = field(v, "alias");
        if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = child(alias, 0);
        if (ts_node_is_null(alias) || !is(alias, "identifier")) return bad(v, "'with ... as' needs a name");
        r->sval = text_of(alias);
    }
    Node *blk = new_node(N_BLOCK, n), *t = new_node(N_TRY, n);
    vec_push(&blk->list, assign_to(r, expr(call), v));
    t->a = block_in(field(n, "body"), n);
    t->c = new_node(N_BLOCK, n);
    vec_push(&t->c->list, cm_call(r, "close", false, v));
    vec_push(&blk->list, t);
    return blk;
}

/* `with (yield sem()):` -- the tinyio spelling's one context manager: the
 * coroutine yields sem(), the loop sends back a guard, and leaving the body
 * any way calls the guard's __exit__ (CPython's __exit__ sees the error and
 * lets it go on, which is what `finally` does):
 *     g = (yield sem())
 *     try: body
 *     finally: g.__exit__()
 * g is a hidden local.  Other context managers are not supported yet. */
static Node *yield_with(TSNode n) {
    TSNode item = sole_with_item(n);
    if (ts_node_is_null(item)) return NULL;
    TSNode v = field(item, "value");
    if (!is(v, "parenthesized_expression") || !is(child(v, 0), "yield")) return NULL;
    Node *g = new_node(N_NAME, v);
    g->sval = format("with_%d_%d", g->loc.line, g->loc.col);
    Node *blk = new_node(N_BLOCK, n), *set = new_node(N_ASSIGN, v), *t = new_node(N_TRY, n);
    set->a = g;
    set->b = expr(child(v, 0));
    vec_push(&blk->list, set);
    t->a = block_in(field(n, "body"), n);
    t->c = new_node(N_BLOCK, n);
    vec_push(&t->c->list, cm_call(g, "__exit__", false, v));
    vec_push(&blk->list, t);
    return blk;
}

/* `[async] with m as v: body` on a user class, as CPython runs it, with
 * hidden locals mgr and err:
 *     mgr = m; err = None
 *     v = [await] mgr.__enter__()
 *     try: body
 *     except BaseException as e:
 *         err = e
 *         if not [await] mgr.__exit__(err, err, None): raise
 *     finally:
 *         if err is None: [await] mgr.__exit__(err, err, None)
 * __exit__'s exc_type receives the exception itself (or None): asyncc has
 * no class values; `exc_type is None`, `exc_type.__name__` and truth work.
 * Several items nest. */
static Node *user_with_items(TSNode n, TSNode *items, int k, int nitems, bool async) {
    if (k == nitems) return block_in(field(n, "body"), n);
    TSNode v = field(items[k], "value");
    TSNode value = is(v, "as_pattern") ? child(v, 0) : v;
    Loc l = loc_of(v);
    const char *mgr = format("with_mgr_%d_%d", l.line, l.col), *errv = format("with_err_%d_%d", l.line, l.col);
    Node *blk = new_node(N_BLOCK, n), *set = new_node(N_ASSIGN, v), *none = new_node(N_ASSIGN, v);
    blk->ival = async ? WITH_AUSER : WITH_USER;
    set->a = name_node(mgr, v);
    set->b = expr(value);
    none->a = name_node(errv, v);
    none->b = new_node(N_NONE, v);
    vec_push(&blk->list, set);
    vec_push(&blk->list, none);
    Node *enter = cm_call(name_node(mgr, v), async ? "__aenter__" : "__enter__", async, v);
    if (is(v, "as_pattern")) {
        TSNode alias = field(v, "alias");
        if (!ts_node_is_null(alias) && is(alias, "as_pattern_target")) alias = child(alias, 0);
        Node *as = new_node(N_ASSIGN, v);
        as->a = expr(alias);
        as->b = enter->a;
        enter = as;
    }
    vec_push(&blk->list, enter);
    Node *t = new_node(N_TRY, n), *h = new_node(N_EXCEPT, n);
    t->a = new_node(N_BLOCK, n);
    vec_push(&t->a->list, user_with_items(n, items, k + 1, nitems, async));
    h->a = name_node("BaseException", v);
    h->sval = format("with_exc_%d_%d", l.line, l.col);
    h->b = new_node(N_BLOCK, n);
    Node *keep = new_node(N_ASSIGN, v);
    keep->a = name_node(errv, v);
    keep->b = name_node(h->sval, v);
    vec_push(&h->b->list, keep);
    Node *exit1 = cm_call(name_node(mgr, v), async ? "__aexit__" : "__exit__", async, v);
    Node *call1 = async ? exit1->a->a : exit1->a;
    vec_push(&call1->list, name_node(errv, v));
    vec_push(&call1->list, name_node(errv, v));
    vec_push(&call1->list, new_node(N_NONE, v));
    Node *iff = new_node(N_IF, v), *neg = new_node(N_NOT, v);
    neg->a = exit1->a;
    iff->a = neg;
    iff->b = new_node(N_BLOCK, n);
    vec_push(&iff->b->list, new_node(N_RAISE, n));
    vec_push(&h->b->list, iff);
    vec_push(&t->list, h);
    t->c = new_node(N_BLOCK, n);
    Node *exit0 = cm_call(name_node(mgr, v), async ? "__aexit__" : "__exit__", async, v);
    Node *call0 = async ? exit0->a->a : exit0->a;
    vec_push(&call0->list, name_node(errv, v));
    vec_push(&call0->list, name_node(errv, v));
    vec_push(&call0->list, new_node(N_NONE, v));
    Node *clean = new_node(N_IF, v), *isnone = new_node(N_COMPARE, v);
    vec_push(&isnone->list, name_node(errv, v));
    vec_push(&isnone->list, new_node(N_NONE, v));
    isnone->ops = xcalloc(2, sizeof(int));
    isnone->ops[0] = OP_IS;
    clean->a = isnone;
    clean->b = new_node(N_BLOCK, n);
    vec_push(&clean->b->list, exit0);
    vec_push(&t->c->list, clean);
    vec_push(&blk->list, t);
    return blk;
}

static Node *user_with(TSNode n, bool async) {
    TSNode clause = {0}, items[16];
    int nitems = 0;
    for (int i = 0; i < nchildren(n); i++)
        if (is(child(n, i), "with_clause")) clause = child(n, i);
    for (int i = 0; !ts_node_is_null(clause) && i < nchildren(clause) && nitems < 16; i++)
        if (is(child(clause, i), "with_item")) items[nitems++] = child(clause, i);
    if (!nitems) return bad(n, "with needs a context manager");
    return user_with_items(n, items, 0, nitems, async);
}

static Node *stmt(TSNode n) {
    const char *t = type_of(n);
    if (!strcmp(t, "async") || is(n, "ERROR")) return NULL;
    if (!strcmp(t, "with_statement") && has_token(n, "async")) return async_with(n);
    if (!strcmp(t, "with_statement") && !has_token(n, "async")) {
        Node *w = yield_with(n);
        if (!w) w = runner_with(n);
        return w ? w : user_with(n, false);
    }
    const char *msg = unsupported_for(n);
    if (msg) return bad(n, msg);
    if (!strcmp(t, "expression_statement")) {
        if (nchildren(n) != 1) {
            Node *s = new_node(N_EXPR, n);
            Node *tup = new_node(N_TUPLE, n);
            for (int i = 0; i < nchildren(n); i++) vec_push(&tup->list, expr(child(n, i)));
            s->a = tup;
            return s;
        }
        TSNode e = child(n, 0);
        if (is(e, "assignment")) return assignment(e);
        if (is(e, "augmented_assignment")) {
            Node *s = new_node(N_AUGASSIGN, e);
            char *op = text_of(field(e, "operator"));
            op[strlen(op) - 1] = 0;
            if (!strcmp(op, "@")) return bad(e, "the @ operator is not supported");
            s->op = binop_of(op);
            s->a = expr(field(e, "left"));
            s->b = expr(field(e, "right"));
            return s;
        }
        Node *s = new_node(N_EXPR, n);
        s->a = expr(e);
        return s;
    }
    if (!strcmp(t, "function_definition")) return funcdef(n);
    if (!strcmp(t, "decorated_definition")) return decorated(n);
    if (!strcmp(t, "class_definition")) return classdef(n);
    if (!strcmp(t, "if_statement")) return if_stmt(n);
    if (!strcmp(t, "while_statement")) {
        Node *s = new_node(N_WHILE, n);
        s->a = expr(field(n, "condition"));
        s->b = block_in(field(n, "body"), n);
        return loop_else(s, s->b, n);
    }
    if (!strcmp(t, "for_statement")) {
        Node *s = new_node(N_FOR, n);
        s->ival = has_token(n, "async");
        TSNode left = field(n, "left");
        s->a = expr(left);
        if (is(left, "pattern_list")) s->a->kind = N_TUPLE;
        s->b = expr(field(n, "right"));
        s->c = block_in(field(n, "body"), n);
        return loop_else(s, s->c, n);
    }
    if (!strcmp(t, "return_statement")) {
        Node *s = new_node(N_RETURN, n);
        if (nchildren(n) > 0) s->a = expr(child(n, 0));
        return s;
    }
    if (!strcmp(t, "delete_statement")) {
        Node *s = new_node(N_DEL, n);
        TSNode what = child(n, 0);
        if (is(what, "expression_list")) {
            for (int i = 0; i < nchildren(what); i++) vec_push(&s->list, expr(child(what, i)));
        } else {
            vec_push(&s->list, expr(what));
        }
        return s;
    }
    if (!strcmp(t, "pass_statement")) return simple(N_PASS, n);
    if (!strcmp(t, "break_statement")) return simple(N_BREAK, n);
    if (!strcmp(t, "continue_statement")) return simple(N_CONTINUE, n);
    if (!strcmp(t, "raise_statement")) {
        Node *s = new_node(N_RAISE, n);
        TSNode cause = field(n, "cause");
        if (nchildren(n) > 0) s->a = expr(child(n, 0));
        if (!ts_node_is_null(cause)) s->b = expr(cause); /* N_NONE for `from None` */
        return s;
    }
    if (!strcmp(t, "try_statement")) return try_stmt(n);
    if (!strcmp(t, "assert_statement")) {
        Node *s = new_node(N_ASSERT, n);
        s->a = expr(child(n, 0));
        if (nchildren(n) > 1) s->b = expr(child(n, 1));
        return s;
    }
    if (!strcmp(t, "global_statement") || !strcmp(t, "nonlocal_statement")) {
        Node *s = new_node(N_GLOBAL, n);
        TSNode comment = {0};
        s->ival = t[0] == 'n'; /* nonlocal */
        for (int i = 0; i < nchildren(n); i++) {
            TSNode k = child(n, i);
            if (is(k, "comment")) { /* the grammar lets a name follow on the next line */
                comment = k;
                continue;
            }
            if (is(k, "line_continuation")) continue;
            if (!ts_node_is_null(comment)) return bad(comment, "invalid syntax");
            if (!is(k, "identifier")) return bad(k, "invalid syntax");
            vec_push(&s->list, expr(k));
        }
        return s;
    }
    if (!strcmp(t, "import_statement") || !strcmp(t, "import_from_statement")) return import_stmt(n);
    if (!strcmp(t, "future_import_statement")) return simple(N_PASS, n); /* annotations are never evaluated */
    if (!strcmp(t, "comment")) return NULL;
    return bad(n, format("%s is not supported", t));
}

/* ---- input validation -------------------------------------------------- */

static Loc loc_at_byte(size_t off) {
    Loc l = {1, 1};
    for (size_t i = 0; i < off; i++) {
        if (src->text[i] == '\n')
            l.line++, l.col = 1;
        else
            l.col++;
    }
    return l;
}

/* CPython refuses NUL bytes and invalid UTF-8 before parsing; so do we. */
static bool validate_bytes(void) {
    const unsigned char *s = (const unsigned char *)src->text;
    size_t n = src->len;
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        if (c == 0) {
            diag_error(src, loc_at_byte(i), "source code cannot contain null bytes");
            return false;
        }
        size_t k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = k > 0 && i + k <= n;
        for (size_t j = 1; ok && j < k; j++) ok = (s[i + j] & 0xC0) == 0x80;
        if (ok && k == 2) ok = c >= 0xC2;
        if (ok && k == 3) {
            uint32_t cp = (uint32_t)(c & 15) << 12 | (uint32_t)(s[i + 1] & 63) << 6 | (s[i + 2] & 63);
            ok = cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF);
        }
        if (ok && k == 4) {
            uint32_t cp = (uint32_t)(c & 7) << 18 | (uint32_t)(s[i + 1] & 63) << 12 | (uint32_t)(s[i + 2] & 63) << 6 |
                          (s[i + 3] & 63);
            ok = cp >= 0x10000 && cp <= 0x10FFFF;
        }
        if (!ok) {
            diag_error(src, loc_at_byte(i), "invalid UTF-8 byte 0x%02x; source files must be UTF-8", c);
            return false;
        }
        i += k;
    }
    return true;
}

/* ---- entry ------------------------------------------------------------- */

static void check_language_version(void) {
    uint32_t v = ts_language_version(tree_sitter_python());
    if (v < TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION || v > TREE_SITTER_LANGUAGE_VERSION) {
        fprintf(stderr,
                "asyncc: the Python grammar has ABI version %u, but this tree-sitter "
                "library accepts %d to %d; rebuild with a matching tree-sitter-python "
                "(0.23.6 is ABI 14)\n",
                v, TREE_SITTER_MIN_COMPATIBLE_LANGUAGE_VERSION, TREE_SITTER_LANGUAGE_VERSION);
        exit(3);
    }
}

static TSTree *last_tree;

/* The fuzz target's: the last program's syntax tree is not needed once
 * its AST is built (the compiler proper keeps it until it exits). */
void parse_release(void) {
    if (last_tree) ts_tree_delete(last_tree);
    last_tree = NULL;
}

/* ---- mutable defaults ------------------------------------------------------ */

/* A default CPython evaluates once, at the def, whose object every call
 * then shares (def f(x, acc=[]): the list grows across calls). */
static bool mutable_default(const Node *d) {
    switch (d->kind) {
    case N_LIST:
    case N_DICT:
    case N_SET:
    case N_LISTCOMP:
    case N_DICTCOMP:
    case N_SETCOMP: return true;
    case N_CALL:
        return d->a && d->a->kind == N_NAME &&
               (!strcmp(d->a->sval, "list") || !strcmp(d->a->sval, "dict") || !strcmp(d->a->sval, "set"));
    default: return false;
    }
}

/* Each such default of a module-level def (or a method of a module-level
 * class) becomes a hidden global assigned just before the statement, and
 * the parameter's default reads it: one object, made once, in order. */
static void hoist_defaults_of(Node *def, const char *owner, Vec *out) {
    Func *fn = def->fn;
    if (def->kind != N_FUNCDEF || !fn || def->list.len || fn->host) return; /* decorated: a closure's own */
    for (int i = 0; i < fn->nparams; i++) {
        Param *p = &fn->params[i];
        if (!p->def || !mutable_default(p->def) || !p->var) continue;
        const char *g = format("__default_%s%s%s_%s", owner ? owner : "", owner ? "_" : "", fn->name, p->var->name);
        Node *store = ast_node(N_ASSIGN, p->def->loc);
        store->a = ast_name(g, p->def->loc);
        store->b = p->def;
        vec_push(out, store);
        p->def = ast_name(g, p->def->loc);
    }
}

static void hoist_mutable_defaults(Node *module) {
    Vec out = {0};
    for (int i = 0; i < module->list.len; i++) {
        Node *st = module->list.data[i];
        if (st && st->kind == N_FUNCDEF) hoist_defaults_of(st, NULL, &out);
        if (st && st->kind == N_CLASSDEF)
            for (int k = 0; k < st->list.len; k++) hoist_defaults_of(st->list.data[k], st->sval, &out);
        vec_push(&out, st);
    }
    module->list = out;
}

/* ---- the slice class ------------------------------------------------------- */

/* obj[a:b] on an instance calls obj.__getitem__(slice(a, b, None)): a
 * program that defines __getitem__ gets this class, and check.c turns
 * xs[s] of one into xs[s.start:s.stop:s.step]. */
const char prelude_slice_name[] = "slice";
static const char prelude_slice_text[] =
    "class slice:\n"
    "    def __init__(self, start, stop, step):\n"
    "        self.start = start\n"
    "        self.stop = stop\n"
    "        self.step = step\n"
    "\n"
    "    def __repr__(self):\n"
    "        return 'slice(' + repr(self.start) + ', ' + repr(self.stop) + ', ' + repr(self.step) + ')'\n";

static bool binds_slice(const Node *module) {
    for (int i = 0; i < module->list.len; i++) {
        const Node *st = module->list.data[i];
        if (!st) continue;
        if ((st->kind == N_CLASSDEF && !strcmp(st->sval, "slice")) ||
            (st->kind == N_FUNCDEF && st->fn && !strcmp(st->fn->name, "slice")) ||
            (st->kind == N_ASSIGN && st->a && st->a->kind == N_NAME && !strcmp(st->a->sval, "slice")))
            return true;
    }
    return false;
}

static bool mentions(const Source *s, const char *word) {
    size_t n = strlen(word);
    for (size_t i = 0; i + n <= s->len; i++)
        if (s->text[i] == word[0] && !memcmp(s->text + i, word, n)) return true;
    return false;
}

static Node *prelude_slice_class(void) {
    static Source prelude = {"<slice>", prelude_slice_text, sizeof prelude_slice_text - 1};
    Program *p = parse_program(&prelude);
    if (!p || !p->module || p->module->kind != N_BLOCK || p->module->list.len != 1) return NULL;
    Node *c = p->module->list.data[0];
    c->sval = (char *)prelude_slice_name;
    return c;
}

Program *parse_program(Source *s) {
    Node *slice_cls = NULL;
    if (s->text != prelude_slice_text && mentions(s, "__getitem__")) slice_cls = prelude_slice_class();
    src = s;
    stmt_errors = 0;
    check_language_version();
    if (!validate_bytes()) return NULL;
    if (s->len > UINT32_MAX / 2) {
        diag_error(s, (Loc){0, 0}, "file is too large");
        return NULL;
    }
    TSParser *parser = ts_parser_new();
    ts_parser_set_language(parser, tree_sitter_python());
    TSTree *tree = ts_parser_parse_string(parser, NULL, s->text, (uint32_t)s->len);
    ts_parser_delete(parser);
    parse_release();
    last_tree = tree;
    TSNode root = ts_tree_root_node(tree);
    SyntaxScan *scan = syntax_scan(s);
    if (ts_node_has_error(root)) find_syntax_errors(root, scan);
    if (syntax_report(scan) > 0) return NULL;

    Program *prog = xcalloc(1, sizeof *prog);
    prog->src = s;
    prog->module = block(root);
    if (prog->module && prog->module->kind == N_BLOCK) hoist_mutable_defaults(prog->module);
    if (slice_cls && prog->module && prog->module->kind == N_BLOCK && !binds_slice(prog->module)) {
        Vec body = {0};
        vec_push(&body, slice_cls);
        for (int i = 0; i < prog->module->list.len; i++) vec_push(&body, prog->module->list.data[i]);
        prog->module->list = body;
    }
    /* the tree is not freed: the compiler exits soon, and freeing a deep
     * tree is itself recursive in some tree-sitter versions.  Statements
     * with errors are placeholders now, so the program is returned for
     * the checker to report the rest; the caller counts diag_errors. */
    return prog;
}
