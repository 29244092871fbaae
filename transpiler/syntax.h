/* syntax.h -- shared by the two halves of the syntax-error scan: the
 * tokenizer (pytoken.c) and the rules and report (syntax.c). */
#ifndef ASYNCC_SYNTAX_H
#define ASYNCC_SYNTAX_H

#include "compiler.h"

typedef enum { T_NAME, T_NUMBER, T_STRING, T_OP, T_NEWLINE, T_INDENT, T_END } TokKind;

typedef struct Tok {
    TokKind kind;
    uint32_t at, end; /* bytes */
    Loc loc;
    int depth; /* brackets open around the token */
    int lline; /* logical line number, from 0 */
} Tok;

typedef struct Err {
    Loc loc;
    char *msg;
    int lline;
    int shadow_from, shadow_to; /* tree-sitter errors on these lines are explained */
    bool generic;               /* from a tree-sitter ERROR */
    bool guessed;               /* ... where no token looked wrong */
    bool overrides;             /* a tokenizer error CPython reports before any other */
} Err;

struct SyntaxScan {
    const Source *src;
    Tok *toks;
    int ntoks, cap;
    Err *fatal;   /* a tokenizer error */
    Vec errs;     /* Err*, the scan's and tree-sitter's */
    Loc unclosed; /* innermost bracket open at EOF; line 0: none */
    char unclosed_ch;
    int *lline_of; /* physical line -> logical line (-1: none) */
    int nlines;
};

/* The report compares errors pairwise; past this many, a file has told
 * its reader enough (CPython stops at the first). */
enum { MAX_ERRORS = 500 };

bool tok_is(const SyntaxScan *s, const Tok *t, const char *text);
bool tok_in(const SyntaxScan *s, const Tok *t, const char *const *set); /* NULL-ended */
bool is_keyword(const SyntaxScan *s, const Tok *t);
Err *new_err(Loc loc, int lline, char *msg);
void push_err(SyntaxScan *s, Err *e);

/* Tokens of the whole source into s->toks (ending with T_END), CPython's
 * tokenizer error into s->fatal, the bracket open at the end into
 * s->unclosed. */
void lex(SyntaxScan *s);

#endif
