/* pytoken.c -- a tokenizer for Python source, just enough of CPython's to
 * find the errors its tokenizer reports (strings, brackets, indentation,
 * stray characters) and to give syntax.c the tokens of each logical line.
 * Every f-string is one token, as in 3.11. */
#include "syntax.h"

#include <string.h>

static const char *const keywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

bool tok_is(const SyntaxScan *s, const Tok *t, const char *text) {
    size_t n = strlen(text);
    return t->end - t->at == n && !memcmp(s->src->text + t->at, text, n);
}

bool tok_in(const SyntaxScan *s, const Tok *t, const char *const *set) {
    for (; *set; set++)
        if (tok_is(s, t, *set)) return true;
    return false;
}

bool is_keyword(const SyntaxScan *s, const Tok *t) {
    if (t->kind != T_NAME) return false;
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++)
        if (tok_is(s, t, keywords[i])) return true;
    return false;
}

Err *new_err(Loc loc, int lline, char *msg) {
    Err *e = xcalloc(1, sizeof *e);
    e->loc = loc;
    e->lline = lline;
    e->msg = msg;
    e->shadow_from = e->shadow_to = loc.line;
    return e;
}

void push_err(SyntaxScan *s, Err *e) {
    if (s->errs.len < MAX_ERRORS) vec_push(&s->errs, e);
}

/* ---- the tokenizer ------------------------------------------------------ */

typedef struct Lexer {
    SyntaxScan *s;
    const char *p; /* the text */
    uint32_t i, n;
    int line;
    uint32_t line_at; /* byte where the current line starts */
    int depth;
    int lline;
    struct {
        char ch;
        Loc loc;
    } brackets[200];
    int nbr; /* may exceed the array; only the top 200 are kept */
    int ind[100], altind[100], nind;
} Lexer;

static Loc here(const Lexer *L, uint32_t at) { return (Loc){L->line, (int)(at - L->line_at) + 1}; }

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
        if (L->nbr == 200) {
            fatal(L, loc, xstrdup("too many nested parentheses"));
            return;
        }
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
                fatal(L, loc,
                      oline != loc.line
                          ? format("closing parenthesis '%c' does not match opening parenthesis '%c' on line %d", c, o,
                                   oline)
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
        "==",  "->",  "+=",  "-=",  "*=",  "/=", "%=", "&=", "|=", "^=", "@=", ":=",
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
        if (c == ' ')
            col++, alt++;
        else if (c == '\t')
            col = (col / 8 + 1) * 8, alt++;
        else if (c == '\f')
            col = alt = 0;
        else
            break;
    }
    /* blank and comment-only lines do not count */
    if (i >= L->n || L->p[i] == '\n' || L->p[i] == '#' || (L->p[i] == '\r' && i + 1 < L->n && L->p[i + 1] == '\n') ||
        (L->p[i] == '\\' && i + 1 < L->n && L->p[i + 1] == '\n'))
        return;
    Loc loc = here(L, i);
    int top = L->nind - 1;
    if (col == L->ind[top]) {
        if (alt != L->altind[top]) fatal(L, loc, xstrdup("inconsistent use of tabs and spaces in indentation"));
    } else if (col > L->ind[top]) {
        if (alt <= L->altind[top]) {
            fatal(L, loc, xstrdup("inconsistent use of tabs and spaces in indentation"));
            return;
        }
        if (L->nind == 100) {
            fatal(L, loc, xstrdup("too many levels of indentation"));
            return;
        }
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

void lex(SyntaxScan *s) {
    Lexer L = {.s = s, .p = s->src->text, .n = (uint32_t)s->src->len, .line = 1, .nind = 1};
    bool line_start = true, any = false;
    uint32_t comment_at = UINT32_MAX; /* a comment after the last token */
    while (!s->fatal) {
        if (line_start && L.depth == 0) {
            lex_indent(&L);
            if (s->fatal) break;
            line_start = false;
        }
        if (L.i >= L.n) break;
        char c = L.p[L.i];
        Loc loc = here(&L, L.i);
        if (c == ' ' || c == '\t' || c == '\f' || c == '\r') {
            L.i++;
            continue;
        }
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
            if (L.i + 1 < L.n && L.p[L.i + 1] == '\n') {
                L.i += 2;
                newline(&L);
                continue;
            }
            if (L.i + 2 < L.n && L.p[L.i + 1] == '\r' && L.p[L.i + 2] == '\n') {
                L.i += 3;
                newline(&L);
                continue;
            }
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
                if (prefix) {
                    lex_string(&L, a, loc);
                    continue;
                }
            }
            push_tok(&L, T_NAME, a, L.i, loc);
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && L.i + 1 < L.n && L.p[L.i + 1] >= '0' && L.p[L.i + 1] <= '9')) {
            uint32_t a = L.i;
            bool hex = c == '0' && L.i + 1 < L.n && (L.p[L.i + 1] | 0x20) == 'x';
            while (L.i < L.n) {
                char d = L.p[L.i];
                if ((d >= '0' && d <= '9') || name_char((unsigned char)d, true) || d == '.')
                    L.i++;
                else if ((d == '+' || d == '-') && !hex && (L.p[L.i - 1] | 0x20) == 'e')
                    L.i++;
                else
                    break;
            }
            push_tok(&L, T_NUMBER, a, L.i, loc);
            continue;
        }
        if (c == '"' || c == '\'') {
            lex_string(&L, L.i, loc);
            continue;
        }
        if (strchr("()[]{}", c)) {
            lex_bracket(&L, c, loc);
            continue;
        }
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
