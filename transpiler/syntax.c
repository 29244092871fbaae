/* syntax.c -- syntax errors worded and placed as CPython 3.11 words and
 * places them.
 *
 * tree-sitter only says where it gave up (an ERROR node), often a whole
 * statement earlier than the real fault.  CPython's messages come from its
 * tokenizer (strings, brackets, indentation) and from a few parser rules
 * that look at whole logical lines (a missing ':', a missing block), so a
 * scan of the tokens reproduces them.  The rules mirror CPython's order:
 *   - a tokenizer error anywhere in the file wins, and is the only error;
 *   - a bracket still open at the end of the file explains every error
 *     from its line on: "'[' was never closed";
 *   - otherwise each logical line gets at most one error, the scan's own
 *     (expected ':', unexpected indent, expected an indented block) or, for
 *     a tree-sitter ERROR, "invalid syntax" at the first token that cannot
 *     follow the one before it. */
#include "compiler.h"

#include <stdlib.h>
#include <string.h>

typedef enum { T_NAME, T_NUMBER, T_STRING, T_OP, T_NEWLINE, T_INDENT, T_END } TokKind;

typedef struct Tok {
    TokKind kind;
    uint32_t at, end;       /* bytes */
    Loc loc;
    int depth;              /* brackets open around the token */
    int lline;              /* logical line number, from 0 */
} Tok;

typedef struct Err {
    Loc loc;
    char *msg;
    int lline;
    int shadow_from, shadow_to; /* tree-sitter errors on these lines are explained */
    bool generic;           /* from a tree-sitter ERROR */
    bool guessed;           /* ... where no token looked wrong */
    bool overrides;         /* a tokenizer error CPython reports before any other */
} Err;

struct SyntaxScan {
    const Source *src;
    Tok *toks;
    int ntoks, cap;
    Err *fatal;             /* a tokenizer error */
    Vec errs;               /* Err*, the scan's and tree-sitter's */
    Loc unclosed;           /* innermost bracket open at EOF; line 0: none */
    char unclosed_ch;
    int *lline_of;          /* physical line -> logical line (-1: none) */
    int nlines;
};

static const char *const keywords[] = {
    "False", "None", "True", "and", "as", "assert", "async", "await", "break",
    "class", "continue", "def", "del", "elif", "else", "except", "finally",
    "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
};

static bool tok_is(const SyntaxScan *s, const Tok *t, const char *text) {
    size_t n = strlen(text);
    return t->end - t->at == n && !memcmp(s->src->text + t->at, text, n);
}

static bool tok_in(const SyntaxScan *s, const Tok *t, const char *const *set) {
    for (; *set; set++)
        if (tok_is(s, t, *set)) return true;
    return false;
}

static bool is_keyword(const SyntaxScan *s, const Tok *t) {
    if (t->kind != T_NAME) return false;
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
        if (tok_is(s, t, keywords[i])) return true;
    return false;
}

static Err *new_err(Loc loc, int lline, char *msg) {
    Err *e = xcalloc(1, sizeof *e);
    e->loc = loc;
    e->lline = lline;
    e->msg = msg;
    e->shadow_from = e->shadow_to = loc.line;
    return e;
}

/* The report compares errors pairwise; past this many, a file has told
 * its reader enough (CPython stops at the first). */
enum { MAX_ERRORS = 500 };

static void push_err(SyntaxScan *s, Err *e) {
    if (s->errs.len < MAX_ERRORS) vec_push(&s->errs, e);
}

/* ---- the tokenizer ------------------------------------------------------ */

typedef struct Lexer {
    SyntaxScan *s;
    const char *p;          /* the text */
    uint32_t i, n;
    int line;
    uint32_t line_at;       /* byte where the current line starts */
    int depth;
    int lline;
    struct { char ch; Loc loc; } brackets[200];
    int nbr;                /* may exceed the array; only the top 200 are kept */
    int ind[100], altind[100], nind;
} Lexer;

static Loc here(const Lexer *L, uint32_t at) {
    return (Loc){L->line, (int)(at - L->line_at) + 1};
}

static void push_tok(Lexer *L, TokKind k, uint32_t at, uint32_t end, Loc loc) {
    SyntaxScan *s = L->s;
    if (s->ntoks == s->cap) {
        s->cap = s->cap ? s->cap * 2 : 256;
        s->toks = xrealloc(s->toks, (size_t)s->cap * sizeof *s->toks);
    }
    s->toks[s->ntoks++] = (Tok){k, at, end, loc, L->depth, L->lline};
}

/* CPython's tokenizer raises most of its errors itself, and those win over
 * any parser error; the indentation ones it leaves to the parser, which
 * reports them only if nothing failed before. */
static void fatal(Lexer *L, Loc loc, char *msg) {
    Err *e = new_err(loc, L->lline, msg);
    e->overrides = strncmp(msg, "inconsistent use", 16) && strncmp(msg, "unindent does", 13) &&
                   strncmp(msg, "too many levels", 15) && strncmp(msg, "unexpected character after line", 31);
    L->s->fatal = e;
}

static void newline(Lexer *L) {
    L->line++;
    L->line_at = L->i;
}

static bool name_char(unsigned char c, bool first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80 ||
           (!first && c >= '0' && c <= '9');
}

/* A string literal starting at L->i (after its prefix, at the quote). */
static void lex_string(Lexer *L, uint32_t start, Loc loc) {
    const char *p = L->p;
    char q = p[L->i];
    bool triple = L->i + 2 < L->n && p[L->i + 1] == q && p[L->i + 2] == q;
    L->i += triple ? 3 : 1;
    while (L->i < L->n) {
        char c = p[L->i];
        if (c == '\\' && L->i + 1 < L->n) {
            L->i += 2;
            if (p[L->i - 1] == '\n') newline(L);
            continue;
        }
        if (c == q && (!triple || (L->i + 2 < L->n && p[L->i + 1] == q && p[L->i + 2] == q))) {
            L->i += triple ? 3 : 1;
            push_tok(L, T_STRING, start, L->i, loc);
            return;
        }
        if (c == '\n') {
            if (!triple) {
                fatal(L, loc, format("unterminated string literal (detected at line %d)", L->line));
                return;
            }
            L->i++;
            newline(L);
            continue;
        }
        L->i++;
    }
    if (triple) {
        int last = L->line - (L->n > 0 && p[L->n - 1] == '\n');
        fatal(L, loc, format("unterminated triple-quoted string literal (detected at line %d)", last));
    } else {
        fatal(L, loc, format("unterminated string literal (detected at line %d)", L->line));
    }
}

static void lex_bracket(Lexer *L, char c, Loc loc) {
    static const char open[] = "([{", close[] = ")]}";
    if (strchr(open, c)) {
        if (L->nbr == 200) { fatal(L, loc, xstrdup("too many nested parentheses")); return; }
        push_tok(L, T_OP, L->i, L->i + 1, loc);
        if (L->nbr < 200) L->brackets[L->nbr].ch = c, L->brackets[L->nbr].loc = loc;
        L->nbr++;
        L->depth++;
    } else {
        if (L->nbr == 0) {
            fatal(L, loc, format("unmatched '%c'", c));
            return;
        }
        L->nbr--;
        L->depth--;
        if (L->nbr < 200) {
            char o = L->brackets[L->nbr].ch;
            int oline = L->brackets[L->nbr].loc.line;
            if (close[strchr(open, o) - open] != c) {
                fatal(L, loc, oline != loc.line
                    ? format("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, o, oline)
                    : format("closing parenthesis '%c' does not match opening parenthesis '%c'", c, o));
                return;
            }
        }
        push_tok(L, T_OP, L->i, L->i + 1, loc);
    }
    L->i++;
}

static uint32_t op_len(const char *p, uint32_t left) {
    static const char *const ops[] = {
        "**=", "//=", ">>=", "<<=", "...", "!=", "**", "//", ">>", "<<", "<=", ">=",
        "==", "->", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", ":=",
    };
    for (size_t k = 0; k < sizeof ops / sizeof *ops; k++) {
        size_t n = strlen(ops[k]);
        if (n <= left && !memcmp(p, ops[k], n)) return (uint32_t)n;
    }
    return 1;
}

/* Indentation at the start of a logical line, as CPython's tokenizer
 * measures it: tab stops of 8 and of 1 must agree on the order. */
static void lex_indent(Lexer *L) {
    int col = 0, alt = 0;
    uint32_t i = L->i;
    for (; i < L->n; i++) {
        char c = L->p[i];
        if (c == ' ') col++, alt++;
        else if (c == '\t') col = (col / 8 + 1) * 8, alt++;
        else if (c == '\f') col = alt = 0;
        else break;
    }
    /* blank and comment-only lines do not count */
    if (i >= L->n || L->p[i] == '\n' || L->p[i] == '#' ||
        (L->p[i] == '\r' && i + 1 < L->n && L->p[i + 1] == '\n') ||
        (L->p[i] == '\\' && i + 1 < L->n && L->p[i + 1] == '\n'))
        return;
    Loc loc = here(L, i);
    int top = L->nind - 1;
    if (col == L->ind[top]) {
        if (alt != L->altind[top]) fatal(L, loc, xstrdup("inconsistent use of tabs and spaces in indentation"));
    } else if (col > L->ind[top]) {
        if (alt <= L->altind[top]) { fatal(L, loc, xstrdup("inconsistent use of tabs and spaces in indentation")); return; }
        if (L->nind == 100) { fatal(L, loc, xstrdup("too many levels of indentation")); return; }
        L->ind[L->nind] = col;
        L->altind[L->nind++] = alt;
        push_tok(L, T_INDENT, i, i, loc);
    } else {
        while (L->nind > 1 && col < L->ind[L->nind - 1]) L->nind--;
        if (col != L->ind[L->nind - 1])
            fatal(L, loc, xstrdup("unindent does not match any outer indentation level"));
        else if (alt != L->altind[L->nind - 1])
            fatal(L, loc, xstrdup("inconsistent use of tabs and spaces in indentation"));
    }
}

static void lex(SyntaxScan *s) {
    Lexer L = {.s = s, .p = s->src->text, .n = (uint32_t)s->src->len, .line = 1, .nind = 1};
    bool line_start = true, any = false;
    uint32_t comment_at = UINT32_MAX;     /* a comment after the last token */
    while (!s->fatal) {
        if (line_start && L.depth == 0) {
            lex_indent(&L);
            if (s->fatal) break;
            line_start = false;
        }
        if (L.i >= L.n) break;
        char c = L.p[L.i];
        Loc loc = here(&L, L.i);
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') { L.i++; continue; }
        if (c == '#') {
            if (comment_at == UINT32_MAX) comment_at = L.i;
            while (L.i < L.n && L.p[L.i] != '\n') L.i++;
            continue;
        }
        if (c == '\n') {
            if (L.depth == 0 && any) {
                /* CPython's NEWLINE token starts at the comment, else
                 * after the trailing blanks */
                uint32_t nl = L.i > 0 && L.p[L.i - 1] == '\r' ? L.i - 1 : L.i;
                uint32_t at = comment_at != UINT32_MAX ? comment_at : nl;
                push_tok(&L, T_NEWLINE, at, nl, here(&L, at));
                L.lline++;
                any = false;
            }
            L.i++;
            newline(&L);
            line_start = L.depth == 0;
            comment_at = UINT32_MAX;
            continue;
        }
        if ((unsigned char)c < 0x20 || c == 0x7f) {
            fatal(&L, loc, format("invalid non-printable character U+%04X", (unsigned)(unsigned char)c));
            break;
        }
        if (c == '\\') {
            if (L.i + 1 < L.n && L.p[L.i + 1] == '\n') { L.i += 2; newline(&L); continue; }
            if (L.i + 2 < L.n && L.p[L.i + 1] == '\r' && L.p[L.i + 2] == '\n') { L.i += 3; newline(&L); continue; }
            fatal(&L, loc, xstrdup("unexpected character after line continuation character"));
            break;
        }
        any = true;
        comment_at = UINT32_MAX;
        if (name_char((unsigned char)c, true)) {
            uint32_t a = L.i;
            while (L.i < L.n && name_char((unsigned char)L.p[L.i], false)) L.i++;
            /* string prefixes: r"", b'', f"", rb"", ... */
            if (L.i < L.n && (L.p[L.i] == '"' || L.p[L.i] == '\'') && L.i - a <= 2) {
                bool prefix = true;
                for (uint32_t k = a; k < L.i; k++) prefix &= strchr("rRbBfFuU", L.p[k]) != NULL;
                if (prefix) { lex_string(&L, a, loc); continue; }
            }
            push_tok(&L, T_NAME, a, L.i, loc);
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && L.i + 1 < L.n && L.p[L.i + 1] >= '0' && L.p[L.i + 1] <= '9')) {
            uint32_t a = L.i;
            bool hex = c == '0' && L.i + 1 < L.n && (L.p[L.i + 1] | 0x20) == 'x';
            while (L.i < L.n) {
                char d = L.p[L.i];
                if ((d >= '0' && d <= '9') || name_char((unsigned char)d, true) || d == '.') L.i++;
                else if ((d == '+' || d == '-') && !hex && (L.p[L.i - 1] | 0x20) == 'e') L.i++;
                else break;
            }
            push_tok(&L, T_NUMBER, a, L.i, loc);
            continue;
        }
        if (c == '"' || c == '\'') { lex_string(&L, L.i, loc); continue; }
        if (strchr("()[]{}", c)) { lex_bracket(&L, c, loc); continue; }
        uint32_t k = op_len(L.p + L.i, L.n - L.i);
        push_tok(&L, T_OP, L.i, L.i + k, loc);
        L.i += k;
    }
    if (s->fatal) {
        /* the tokens before it still tell of an earlier unexpected indent */
        push_tok(&L, T_END, L.i, L.i, here(&L, L.i < L.n ? L.i : L.n));
        return;
    }
    if (L.nbr > 0) {
        int top = L.nbr <= 200 ? L.nbr - 1 : 199;
        s->unclosed = L.brackets[top].loc;
        s->unclosed_ch = L.brackets[top].ch;
    } else if (any) {
        uint32_t at = comment_at != UINT32_MAX ? comment_at : L.n;
        push_tok(&L, T_NEWLINE, at, L.n, here(&L, at));
        L.lline++;
    }
    push_tok(&L, T_END, L.n, L.n, here(&L, L.n));
}

/* ---- rules over logical lines --------------------------------------------- */

/* What CPython calls the statement a block belongs to; NULL when the line
 * does not start a compound statement. */
static const char *block_owner(const SyntaxScan *s, const Tok *t) {
    static const char *const names[][2] = {
        {"if", "'if' statement"}, {"elif", "'elif' statement"}, {"else", "'else' statement"},
        {"while", "'while' statement"}, {"for", "'for' statement"}, {"try", "'try' statement"},
        {"except", "'except' statement"}, {"finally", "'finally' statement"},
        {"with", "'with' statement"}, {"def", "function definition"},
        {"class", "class definition"}, {"match", "'match' statement"},
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
        if (src->text[i] == '\n') l.line++, l.col = 1;
        else l.col++;
    }
    return l;
}

static Err *generic_error(const SyntaxScan *s, uint32_t from, uint32_t to);
static bool ends_operand(const SyntaxScan *s, const Tok *t);

static const char *const bare_headers[] = {"else", "try", "finally", NULL};

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
    struct { int col, line; } tries[100];   /* try blocks awaiting except/finally */
    int ntries = 0;
    for (int i = 0; i < s->ntoks && t[i].kind != T_END;) {
        /* one logical line: [i, j) then its NEWLINE at j */
        bool indented = t[i].kind == T_INDENT;
        int a = indented ? i + 1 : i, j = a;
        while (t[j].kind != T_NEWLINE && t[j].kind != T_END) j++;
        if (a == j) { i = j + 1; continue; }
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
            if (block_missing) continue;    /* the try has no block at all */
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
        bool soft = first->kind == T_NAME && (tok_is(s, first, "match") || tok_is(s, first, "case"));
        if (soft && !colon) own = NULL;     /* a name, not a keyword, here */
        Err *bad_header = own && !colon ? generic_error(s, first->at, last->end) : NULL;
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
        indent_ok = own && !colon;      /* the header's error explains the block */
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
        "+", "-", "*", "/", "//", "%", "**", "@", "&", "|", "^", "<<", ">>", "<", ">",
        "==", "!=", "<=", ">=", "=", "+=", "-=", "*=", "/=", "//=", "%=", "**=", "@=",
        "&=", "|=", "^=", "<<=", ">>=", ":=", "->", "and", "or", "in", "is", NULL,
    };
    return (t->kind == T_OP || t->kind == T_NAME) && tok_in(s, t, ops);
}

/* Where CPython's expression `a` of "Perhaps you forgot a comma?" starts:
 * back from token k to the separator at its bracket depth. */
static Loc expression_start(const SyntaxScan *s, int k) {
    static const char *const seps[] = {",", ":", "=", ":=", "->", "if", "else", "for",
                                       "lambda", "yield", "return", "(", "[", "{", NULL};
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
        if (s->toks[mid].at < at) lo = mid + 1;
        else hi = mid;
    }
    return lo;
}

/* "invalid syntax" at the first token of the logical lines holding bytes
 * [from, to) that cannot follow the token before it, as CPython reports the
 * token its parser stopped at; NULL when no such pair is found. */
static Err *generic_error(const SyntaxScan *s, uint32_t from, uint32_t to) {
    static const char *const after_operand[] = {"and", "or", "not", "in", "is", "if", "else",
                                                "for", "as", "async", "from", NULL};
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

bool syntax_fatal(const SyntaxScan *s) { return s->fatal != NULL; }

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

static bool before(Loc a, Loc b) {
    return a.line < b.line || (a.line == b.line && a.col < b.col);
}

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
            dup = j != i && o->lline == e->lline &&
                  (e->generic > o->generic || (e->generic == o->generic && j < i));
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
        Err *e = first && !first->generic && !strcmp(first->msg, "unexpected indent") &&
                 before(first->loc, s->fatal->loc) ? first : s->fatal;
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
            if (!e->generic || e->guessed || !before(s->unclosed, e->loc) || strstr(e->msg, "comma"))
                continue;
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
