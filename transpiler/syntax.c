/* syntax.c -- syntax errors worded and placed as CPython 3.11 words and
 * places them.
 *
 * tree-sitter only says where it gave up (an ERROR node), often a whole
 * statement before the real fault.  CPython's messages come from its
 * tokenizer (strings, brackets, indentation; pytoken.c redoes it) and from
 * parser rules that look at a logical line or two (a missing ':', a missing
 * block, a try without except), so rules over the tokens reproduce them.
 * The report follows CPython's order:
 *   - a string or bracket error of the tokenizer wins wherever it is, and
 *     is the only error; an indentation error of the tokenizer comes after
 *     the errors before it;
 *   - a bracket still open at the end of the file explains every error
 *     after its line: "'[' was never closed";
 *   - otherwise each logical line gets one error: a rule's, or for a
 *     tree-sitter ERROR "invalid syntax" at the first token that cannot
 *     follow the one before it (an ERROR with no such token gives way to
 *     any other error). */
#include "syntax.h"

#include <stdlib.h>
#include <string.h>

/* ---- token classes ---------------------------------------------------------- */

/* Can the token end an operand (a name, a literal, a closing bracket)? */
static bool ends_operand(const SyntaxScan *s, const Tok *t) {
    static const char *const consts[] = {"True", "False", "None", NULL};
    static const char *const closers[] = {")", "]", "}", NULL};
    if (t->kind == T_NAME) return !is_keyword(s, t) || tok_in(s, t, consts);
    if (t->kind == T_NUMBER || t->kind == T_STRING) return true;
    return t->kind == T_OP && tok_in(s, t, closers);
}

/* An atom that cannot directly follow an operand. */
static bool is_atom(const SyntaxScan *s, const Tok *t) {
    static const char *const consts[] = {"True", "False", "None", NULL};
    if (t->kind == T_NAME) return !is_keyword(s, t) || tok_in(s, t, consts);
    return t->kind == T_NUMBER || t->kind == T_STRING;
}

static bool starts_operand(const SyntaxScan *s, const Tok *t) {
    static const char *const kw[] = {"True", "False", "None", "not", "lambda", "await", "yield", NULL};
    static const char *const ops[] = {"(", "[", "{", "-", "+", "~", "...", "*", "**", NULL};
    if (t->kind == T_NAME) return !is_keyword(s, t) || tok_in(s, t, kw);
    if (t->kind == T_NUMBER || t->kind == T_STRING) return true;
    return t->kind == T_OP && tok_in(s, t, ops);
}

static bool is_infix(const SyntaxScan *s, const Tok *t) {
    static const char *const ops[] = {
        "+",  "-",  "*",  "/",   "//",  "%",  "**", "@",   "&",  "|",  "^",   "<<", ">>",  "<",
        ">",  "==", "!=", "<=",  ">=",  "=",  "+=", "-=",  "*=", "/=", "//=", "%=", "**=", "@=",
        "&=", "|=", "^=", "<<=", ">>=", ":=", "->", "and", "or", "in", "is",  NULL,
    };
    return (t->kind == T_OP || t->kind == T_NAME) && tok_in(s, t, ops);
}

/* ---- rules over logical lines --------------------------------------------- */

/* What CPython calls the statement a block belongs to; NULL when the line
 * does not start a compound statement. */
static const char *block_owner(const SyntaxScan *s, const Tok *t) {
    static const char *const names[][2] = {
        {"if", "'if' statement"},         {"elif", "'elif' statement"},       {"else", "'else' statement"},
        {"while", "'while' statement"},   {"for", "'for' statement"},         {"try", "'try' statement"},
        {"except", "'except' statement"}, {"finally", "'finally' statement"}, {"with", "'with' statement"},
        {"def", "function definition"},   {"class", "class definition"},      {"match", "'match' statement"},
        {"case", "'case' statement"},
    };
    if (t->kind == T_NAME && tok_is(s, t, "async") && t[1].kind == T_NAME) t++;
    if (t->kind != T_NAME) return NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (tok_is(s, t, names[i][0])) return names[i][1];
    return NULL;
}

/* Where CPython reports a block missing at the end of the file: the end
 * of the last line, not counting its newline. */
static Loc end_of_text(const Source *src) {
    size_t end = src->len;
    if (end > 0 && src->text[end - 1] == '\n') end--;
    if (end > 0 && src->text[end - 1] == '\r') end--;
    Loc l = {1, 1};
    for (size_t i = 0; i < end; i++) {
        if (src->text[i] == '\n')
            l.line++, l.col = 1;
        else
            l.col++;
    }
    return l;
}

static Err *generic_error(const SyntaxScan *s, uint32_t from, uint32_t to);

static const char *const bare_headers[] = {"else", "try", "finally", NULL};
static const char *const assigning_headers[] = {"if", "elif", "while", NULL}; /* 'if x = 1:' */

/* Does the header from keyword `kw` to `last` lack only its ':'?  CPython
 * says "expected ':'" then, and "invalid syntax" for a header cut short
 * ('if', 'for x', 'def'). */
static bool header_complete(const SyntaxScan *s, const Tok *kw, const Tok *last) {
    if (tok_in(s, kw, bare_headers) || (tok_is(s, kw, "except") && last == kw)) return true;
    if (last == kw || !ends_operand(s, last)) return false;
    if (!tok_is(s, kw, "for")) return true;
    for (const Tok *t = kw + 1; t <= last; t++)
        if (t->depth == kw->depth && tok_is(s, t, "in") && t < last) return true;
    return false;
}

static void line_rules(SyntaxScan *s) {
    static const char *const async_ok[] = {"def", "for", "with", NULL};
    Tok *t = s->toks;
    bool block_expected = false, indent_ok = false;
    const char *owner = NULL;
    int owner_line = 0;
    Tok *prev_last = NULL;
    struct {
        int col, line;
    } tries[100]; /* try blocks awaiting except/finally */
    int ntries = 0;
    for (int i = 0; i < s->ntoks && t[i].kind != T_END;) {
        /* one logical line: [i, j) then its NEWLINE at j */
        bool indented = t[i].kind == T_INDENT;
        int a = indented ? i + 1 : i, j = a;
        while (t[j].kind != T_NEWLINE && t[j].kind != T_END) j++;
        if (a == j) {
            i = j + 1;
            continue;
        }
        Tok *first = &t[a], *last = &t[j - 1];
        bool block_missing = block_expected && !indented;
        if (block_missing) {
            Err *e = new_err(first->loc, first->lline,
                             format("expected an indented block after %s on line %d", owner, owner_line));
            e->shadow_from = owner_line;
            push_err(s, e);
        } else if (!block_expected && !indent_ok && indented && !(prev_last && tok_is(s, prev_last, ":"))) {
            Err *e = new_err(first->loc, first->lline, xstrdup("unexpected indent"));
            e->shadow_to = last->loc.line;
            push_err(s, e);
        }
        while (ntries > 0 && tries[ntries - 1].col >= first->loc.col) {
            ntries--;
            if (tries[ntries].col == first->loc.col && (tok_is(s, first, "except") || tok_is(s, first, "finally")))
                break;
            if (block_missing) continue; /* the try has no block at all */
            Err *e = new_err(first->loc, first->lline, xstrdup("expected 'except' or 'finally' block"));
            e->shadow_from = tries[ntries].line;
            push_err(s, e);
        }
        /* a line cut short by an open bracket or a tokenizer error is not
         * a statement to judge */
        if (t[j].kind == T_END && (s->unclosed.line || s->fatal)) break;
        const char *own = block_owner(s, first);
        const Tok *d = tok_is(s, first, "async") ? first + 1 : first;
        if (tok_is(s, d, "def") && d[1].kind == T_NAME && d + 2 <= &t[j] && !tok_is(s, d + 2, "(")) {
            push_err(s, new_err(d[2].loc, first->lline, xstrdup("expected '('")));
            own = NULL;
        }
        for (int k = a; k < j; k++)
            if (tok_is(s, &t[k], "async") && !tok_in(s, &t[k + 1], async_ok)) {
                push_err(s, new_err(t[k + 1].loc, first->lline, xstrdup("invalid syntax")));
                own = NULL;
                break;
            }
        bool colon = false;
        for (int k = a; k < j; k++) colon |= t[k].depth == 0 && tok_is(s, &t[k], ":");
        if (own && tok_in(s, d, bare_headers) && !tok_is(s, d + 1, ":")) colon = false; /* 'else if x:' */
        bool soft = first->kind == T_NAME && (tok_is(s, first, "match") || tok_is(s, first, "case"));
        if (soft && !colon) own = NULL; /* a name, not a keyword, here */
        Err *bad_header = own && !colon ? generic_error(s, first->at, last->end) : NULL;
        if (tok_in(s, d, assigning_headers) && d[1].kind == T_NAME && !is_keyword(s, &d[1]) && tok_is(s, &d[2], "=")) {
            bad_header = new_err(d[1].loc, first->lline,
                                 xstrdup("invalid syntax. Maybe you meant '==' or ':=' instead of '='?"));
            colon = true; /* the block that follows is fine */
        }
        if (!bad_header && own && !colon && !header_complete(s, d, last))
            bad_header = new_err(t[j].loc, first->lline, xstrdup("invalid syntax"));
        if (bad_header) {
            push_err(s, bad_header);
        } else if (own && !colon) {
            Tok *at = tok_in(s, d, bare_headers) ? (Tok *)d + 1 : &t[j];
            Err *e = new_err(at->loc, first->lline, xstrdup("expected ':'"));
            /* tree-sitter's error may start at the header or in the body */
            int k = t[j].kind == T_END ? j : j + 1;
            while (t[k].kind != T_NEWLINE && t[k].kind != T_END) k++;
            e->shadow_from = first->loc.line;
            e->shadow_to = t[k].loc.line;
            push_err(s, e);
        }
        if (tok_is(s, first, "try") && colon && ntries < 100) {
            tries[ntries].col = first->loc.col;
            tries[ntries++].line = first->loc.line;
        }
        block_expected = own && tok_is(s, last, ":");
        indent_ok = own && !colon; /* the header's error explains the block */
        owner = own;
        owner_line = first->loc.line;
        prev_last = last;
        i = j + 1;
    }
    if (ntries > 0 && !block_expected && !s->fatal && !s->unclosed.line) {
        Err *e = new_err(end_of_text(s->src), prev_last ? prev_last->lline : 0,
                         xstrdup("expected 'except' or 'finally' block"));
        e->shadow_from = tries[ntries - 1].line;
        push_err(s, e);
    }
    if (block_expected && prev_last) {
        Err *e = new_err(end_of_text(s->src), prev_last->lline,
                         format("expected an indented block after %s on line %d", owner, owner_line));
        e->shadow_from = owner_line;
        push_err(s, e);
    }
}

SyntaxScan *syntax_scan(const Source *src) {
    SyntaxScan *s = xcalloc(1, sizeof *s);
    s->src = src;
    for (size_t i = 0; i < src->len; i++) s->nlines += src->text[i] == '\n';
    s->nlines += 2;
    lex(s);
    s->lline_of = xcalloc((size_t)s->nlines + 1, sizeof(int));
    for (int i = 0; i <= s->nlines; i++) s->lline_of[i] = -1;
    for (int i = 0; i < s->ntoks; i++) {
        int l = s->toks[i].loc.line;
        if (l >= 0 && l <= s->nlines && s->lline_of[l] < 0) s->lline_of[l] = s->toks[i].lline;
    }
    line_rules(s);
    return s;
}

/* The logical line holding physical line `line`: lines with no token of
 * their own (inside a string, blank) belong to the one before. */
static int lline_at(const SyntaxScan *s, int line) {
    if (line > s->nlines) line = s->nlines;
    while (line > 0 && s->lline_of[line] < 0) line--;
    return line > 0 ? s->lline_of[line] : 0;
}

/* ---- tree-sitter's errors -------------------------------------------------- */


/* Where CPython's expression `a` of "Perhaps you forgot a comma?" starts:
 * back from token k to the separator at its bracket depth. */
static Loc expression_start(const SyntaxScan *s, int k) {
    static const char *const seps[] = {",",      ":",     "=",      ":=", "->", "if", "else", "for",
                                       "lambda", "yield", "return", "(",  "[",  "{",  NULL};
    const Tok *t = s->toks;
    int d = t[k].depth;
    while (k > 0 && t[k - 1].kind != T_NEWLINE && t[k - 1].kind != T_INDENT &&
           (t[k - 1].depth > d || (t[k - 1].depth == d && !tok_in(s, &t[k - 1], seps))))
        k--;
    return t[k].loc;
}

/* "(:", "[,", "{=": what no bracket can start with */
static bool cannot_follow_opener(const SyntaxScan *s, const Tok *p, const Tok *n) {
    static const char *const after_paren[] = {":", ",", "=", "]", "}", NULL};
    static const char *const after_square[] = {",", "=", ")", "}", NULL};
    static const char *const after_brace[] = {":", ",", "=", ")", "]", NULL};
    if (tok_is(s, p, "(")) return tok_in(s, n, after_paren);
    if (tok_is(s, p, "[")) return tok_in(s, n, after_square);
    if (tok_is(s, p, "{")) return tok_in(s, n, after_brace);
    return false;
}

static int first_tok_at(const SyntaxScan *s, uint32_t at) {
    int lo = 0, hi = s->ntoks;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (s->toks[mid].at < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "invalid syntax" at the first token of the logical lines holding bytes
 * [from, to) that cannot follow the token before it, as CPython reports the
 * token its parser stopped at; NULL when no such pair is found. */
static Err *generic_error(const SyntaxScan *s, uint32_t from, uint32_t to) {
    static const char *const after_operand[] = {"and",  "or",  "not", "in",    "is",   "if",
                                                "else", "for", "as",  "async", "from", NULL};
    /* keywords that cannot end an expression or a statement */
    static const char *const needs_operand[] = {"and", "or",     "not",   "in",    "is",     "await",  "for",
                                                "if",  "elif",   "while", "as",    "import", "global", "nonlocal",
                                                "del", "assert", "with",  "class", "def",    NULL};
    const Tok *t = s->toks;
    int k = first_tok_at(s, from);
    if (k >= s->ntoks) return NULL;
    int ll = t[k].lline;
    while (k > 0 && t[k - 1].lline == ll && t[k - 1].kind != T_NEWLINE) k--;
    int z = first_tok_at(s, to) - 1;
    int last_ll = z >= 0 && z < s->ntoks ? t[z].lline : ll;
    if (last_ll < ll) last_ll = ll;
    for (; k + 1 < s->ntoks && t[k].lline <= last_ll && t[k].kind != T_END; k++) {
        const Tok *p = &t[k], *n = &t[k + 1];
        if (p->kind == T_NEWLINE || p->kind == T_INDENT) continue;
        if (n->kind == T_INDENT) n++;
        bool star = tok_is(s, n, "*") || tok_is(s, n, "**");
        if (is_infix(s, p) && (!starts_operand(s, n) || (star && !tok_is(s, p, "="))) &&
            !(tok_is(s, p, "*") && (tok_is(s, n, ",") || tok_is(s, n, ")")))) {
            return new_err(n->loc, p->lline, xstrdup("invalid syntax"));
        }
        if (cannot_follow_opener(s, p, n) || (tok_is(s, p, ",") && tok_is(s, n, ",")))
            return new_err(n->loc, p->lline, xstrdup("invalid syntax"));
        if (tok_is(s, p, ".") && n->kind != T_NAME && !tok_is(s, n, "."))
            return new_err(n->loc, p->lline, xstrdup("invalid syntax"));
        if (tok_in(s, p, needs_operand) && !tok_is(s, n, "not") && !starts_operand(s, n) && n->kind != T_NAME)
            return new_err(n->loc, p->lline, xstrdup("invalid syntax"));
        if (ends_operand(s, p) && is_keyword(s, n) && !is_atom(s, n) && !tok_in(s, n, after_operand))
            return new_err(n->loc, p->lline, xstrdup("invalid syntax"));
        if (ends_operand(s, p) && is_atom(s, n) && !(p->kind == T_STRING && n->kind == T_STRING)) {
            if (p->depth > 0 && !(p->kind == T_NAME && n->kind == T_STRING))
                return new_err(expression_start(s, k), p->lline,
                               xstrdup("invalid syntax. Perhaps you forgot a comma?"));
            return new_err(n->loc, p->lline, xstrdup("invalid syntax"));
        }
    }
    return NULL;
}

void syntax_add(SyntaxScan *s, uint32_t from, uint32_t to, Loc at, bool exact) {
    for (int i = 0; i < s->errs.len; i++) {
        Err *e = s->errs.data[i];
        if (at.line >= e->shadow_from && at.line <= e->shadow_to) return;
    }
    Err *e = exact ? NULL : generic_error(s, from, to);
    if (exact) {
        e = new_err(at, lline_at(s, at.line), xstrdup("invalid syntax"));
    } else if (!e) {
        e = new_err(at, lline_at(s, at.line), xstrdup("invalid syntax"));
        e->guessed = true;
    }
    e->generic = true;
    push_err(s, e);
}

static int by_position(const void *a, const void *b) {
    const Err *x = *(Err *const *)a, *y = *(Err *const *)b;
    if (x->loc.line != y->loc.line) return x->loc.line < y->loc.line ? -1 : 1;
    if (x->loc.col != y->loc.col) return x->loc.col < y->loc.col ? -1 : 1;
    return (int)x->generic - (int)y->generic;
}

static bool before(Loc a, Loc b) { return a.line < b.line || (a.line == b.line && a.col < b.col); }

/* The errors to show, in order: one per logical line, the scan's own
 * first. */
static Vec errors_to_show(SyntaxScan *s) {
    if (s->errs.len > 1) qsort(s->errs.data, (size_t)s->errs.len, sizeof(void *), by_position);
    /* an ERROR where no token looks wrong is tree-sitter giving up on a
     * whole statement or more: a sure error explains it */
    bool sure = s->fatal || s->unclosed.line;
    for (int i = 0; i < s->errs.len && !sure; i++) sure = !((Err *)s->errs.data[i])->guessed;
    Vec shown = {0};
    for (int i = 0; i < s->errs.len; i++) {
        Err *e = s->errs.data[i];
        bool dup = sure && e->guessed;
        for (int j = 0; j < s->errs.len && !dup; j++) {
            Err *o = s->errs.data[j];
            dup = j != i && o->lline == e->lline && (e->generic > o->generic || (e->generic == o->generic && j < i));
        }
        if (!dup) vec_push(&shown, e);
    }
    return shown;
}

int syntax_report(SyntaxScan *s) {
    const Source *src = s->src;
    /* the scan's rules do not look past the explained lines */
    Vec shown = {0}, all = errors_to_show(s);
    for (int i = 0; i < all.len; i++) {
        Err *e = all.data[i];
        bool shadowed = false;
        for (int j = 0; j < all.len && !shadowed; j++) {
            Err *o = all.data[j];
            shadowed = e->generic && !o->generic && e->loc.line >= o->shadow_from && e->loc.line <= o->shadow_to;
        }
        if (!shadowed) vec_push(&shown, e);
    }
    if (s->fatal && !s->fatal->overrides) {
        int n = 0;
        for (int i = 0; i < shown.len; i++) {
            Err *e = shown.data[i];
            if (!before(e->loc, s->fatal->loc)) break;
            diag_error(src, e->loc, "%s", e->msg);
            n++;
        }
        diag_error(src, s->fatal->loc, "%s", s->fatal->msg);
        return n + 1;
    }
    if (s->fatal) {
        /* CPython's parser stops at an unexpected indent before its
         * tokenizer reaches a later error */
        Err *first = shown.len ? shown.data[0] : NULL;
        Err *e =
            first && !first->generic && !strcmp(first->msg, "unexpected indent") && before(first->loc, s->fatal->loc)
                ? first
                : s->fatal;
        diag_error(src, e->loc, "%s", e->msg);
        return 1;
    }
    int n = 0;
    bool explained = false;
    for (int i = 0; i < shown.len; i++) {
        Err *e = shown.data[i];
        if (s->unclosed.line && e->loc.line > s->unclosed.line) continue;
        if (s->unclosed.line && e->loc.line == s->unclosed.line) {
            /* CPython names the bracket only for an error on a later line */
            if (!e->generic || e->guessed || !before(s->unclosed, e->loc) || strstr(e->msg, "comma")) continue;
            explained = true;
        }
        diag_error(src, e->loc, "%s", e->msg);
        n++;
    }
    if (s->unclosed.line && !explained) {
        diag_error(src, s->unclosed, "'%c' was never closed", s->unclosed_ch);
        n++;
    }
    return n;
}
