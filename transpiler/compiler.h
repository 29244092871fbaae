/*
 * compiler.h -- the compiler's shared data types and each pass's entry point.
 *
 * Pipeline (one file per pass):
 *   parse.c   tree-sitter CST -> AST, rejects constructs outside the dialect
 *             (syntax.c and pytoken.c word its syntax errors as CPython)
 *   check.c   names, types and inference; annotates every Node with a Type
 *   lower.c   async functions: await points, liveness, frame layout
 *   emit.c    C code from the annotated AST, through templates (template.c)
 *
 * The compiler allocates freely and exits; nothing in the front end is freed.
 */
#ifndef ASYNCC_COMPILER_H
#define ASYNCC_COMPILER_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- util.c ------------------------------------------------------------ */

void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *format(const char *fmt, ...);
char *vformat(const char *fmt, va_list ap);

typedef struct Buf { char *data; size_t len, cap; } Buf;
void buf_putn(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...);
char *buf_take(Buf *b);             /* NUL-terminated; resets b */

/* A growable array of pointers. */
typedef struct Vec { void **data; int len, cap; } Vec;
void vec_push(Vec *v, void *p);
#define vec_at(v, i, T) ((T)(v)->data[i])

/* A string-keyed hash map (open addressing; keys are not copied). */
typedef struct Map { const char **keys; void **vals; int len, cap; } Map;
void *map_get(const Map *m, const char *key);
void map_put(Map *m, const char *key, void *val);

bool read_file(const char *path, char **data, size_t *len);

/* ---- diag.c ------------------------------------------------------------ */

typedef struct Source {
    const char *path;
    const char *text;
    size_t len;
} Source;

typedef struct Loc { int line, col; } Loc;   /* 1-based; col in bytes */

extern int diag_errors;
void diag_error(const Source *src, Loc loc, const char *fmt, ...);
void diag_note(const Source *src, Loc loc, const char *fmt, ...);
void diag_verror(const Source *src, Loc loc, const char *kind,
                 const char *fmt, va_list ap);
extern FILE *diag_out;              /* stderr unless a test redirects it */
/* A name bound by a statement that was rejected: errors quoting it on
 * lines from..to (its scope), and their notes, are not shown, since they
 * follow from the first error. */
void diag_poison(const char *name, int from, int to);

/* ---- template.c -------------------------------------------------------- */

/* "{{name}}" is replaced by the value bound to name; "{{{{" is a literal
 * "{{".  An unknown name is a fatal internal error. */
typedef struct TplVar { const char *name; const char *value; } TplVar;
char *tpl_render(const char *tpl, const TplVar *vars, int nvars, char **err);
const char *tpl_get(const char *name);      /* embedded template by name */

/* ---- types ------------------------------------------------------------- */

typedef enum {
    TY_NONE, TY_BOOL, TY_INT, TY_FLOAT, TY_STR, TY_LIST, TY_TUPLE,
    TY_EXC, TY_TASK, TY_CORO, TY_CLASS, TY_FUNC, TY_MODULE, TY_ANY
} TypeKind;

typedef struct Class Class;
typedef struct Func Func;

typedef struct Type {
    TypeKind kind;
    struct Type *elem;          /* list/task/coro element, */
    struct Type **elems;        /* tuple members */
    int nelems;
    Class *cls;                 /* TY_EXC instance / TY_CLASS object */
    Func *fn;                   /* TY_FUNC */
    int id;                     /* dense id for C descriptor names */
    bool used;                  /* emit.c: its descriptor is referenced */
} Type;

extern Type *ty_none, *ty_bool, *ty_int, *ty_float, *ty_str, *ty_any,
    *ty_module;
Type *ty_list(Type *elem);
Type *ty_tuple(Type **elems, int n);
Type *ty_task(Type *elem);
Type *ty_coro(Type *elem);
Type *ty_exc(Class *cls);
Type *ty_class(Class *cls);
Type *ty_func(Func *fn);
bool ty_is_obj(const Type *t);       /* refcounted in C */
char *ty_name(const Type *t);        /* Python spelling, for messages */
extern Vec all_types;               /* interned composite types */

/* ---- AST --------------------------------------------------------------- */

typedef enum {
    /* expressions */
    N_INT, N_FLOAT, N_STR, N_FSTRING, N_BOOL, N_NONE, N_NAME,
    N_BINOP, N_UNARY, N_AND, N_OR, N_NOT, N_COMPARE, N_CALL, N_ATTR,
    N_INDEX, N_SLICE, N_LIST, N_TUPLE, N_LISTCOMP, N_IFEXP, N_AWAIT,
    N_STARRED, N_KWARG, N_FMT,
    /* statements */
    N_EXPR, N_ASSIGN, N_AUGASSIGN, N_IF, N_WHILE, N_FOR, N_BREAK,
    N_CONTINUE, N_RETURN, N_PASS, N_RAISE, N_TRY, N_EXCEPT, N_ASSERT,
    N_GLOBAL, N_FUNCDEF, N_CLASSDEF, N_IMPORT, N_BLOCK
} NodeKind;

typedef struct Var Var;

typedef struct Node {
    NodeKind kind;
    Loc loc;
    Type *ty;                   /* set by check.c for expressions */
    int op;                     /* operator token for BINOP/UNARY/AUG/COMPARE */
    int64_t ival;
    double fval;
    char *sval;                 /* N_STR bytes, N_NAME/N_ATTR/N_KWARG name */
    size_t slen;
    struct Node *a, *b, *c, *d; /* operands / condition, body, orelse ... */
    Vec list;                   /* items, args, statements, handlers ... */
    Vec list2;                  /* keyword args, compare operands, ... */
    int *ops;                   /* N_COMPARE operators */
    Var *var;                   /* N_NAME resolved by check.c */
    Func *fn;                   /* N_CALL of a user function, N_FUNCDEF */
    Class *cls;                 /* N_CLASSDEF, class in except clauses */
    int builtin;                /* N_CALL/N_ATTR: which builtin (check.c) */
    int pos;                    /* program-order position (lower.c) */
    int await_id;               /* N_AWAIT: index in the function (lower.c) */
    bool has_await;             /* subtree contains an await (lower.c) */
} Node;

/* Operators (values of Node.op). */
enum {
    OP_ADD = 1, OP_SUB, OP_MUL, OP_DIV, OP_FLOORDIV, OP_MOD, OP_POW,
    OP_NEG, OP_POS, OP_INVERT, OP_BITAND, OP_BITOR, OP_BITXOR, OP_LSHIFT,
    OP_RSHIFT, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_IN, OP_NOTIN,
    OP_IS, OP_ISNOT
};

enum { HOST_CALL = 1, HOST_DEFERRED = 2 };

/* ---- program ----------------------------------------------------------- */

struct Var {
    char *name;
    Type *ty;
    Loc loc;                    /* first definition */
    bool is_global, is_param, is_const;
    Func *owner;                /* NULL for module globals */
    int first_pos, last_pos;    /* lower.c: live interval (conservative) */
    bool in_frame;              /* lower.c: stored in the frame */
    int slot;                   /* lower.c: shared frame slot for scalars */
    char *cname;                /* C spelling */
    char *cbase;                /* base of the C name when it must differ */
};

struct Class {
    char *name;
    Class *base;
    Loc loc;
    bool builtin;
    char *cname;                /* C ac_class object */
};

typedef struct Param { Var *var; Node *def; Node *ann; bool def_checked; } Param;

struct Func {
    char *name;
    char *cname;
    Node *def;                  /* N_FUNCDEF */
    bool is_async;
    int host;                   /* 0, HOST_CALL or HOST_DEFERRED (@asyncc.host/deferred) */
    Param *params;
    int nparams;
    Type *ret;                  /* declared or inferred */
    Vec locals;                 /* Var* including params */
    Vec globals_decl;           /* names declared global */
    int state;                  /* check.c: 0 new, 1 checking, 2 done */
    bool ret_inferred;
    /* lower.c */
    Vec awaits;                 /* N_AWAIT nodes in program order */
    bool recursive;             /* on a cycle of direct awaits */
    Vec children;               /* Func* awaited inline (frame union) */
    int nslots;
    Type **slot_ty;
    int frame_size;             /* estimate printed by --frame-sizes */
};

typedef struct Program {
    Source *src;
    Node *module;               /* N_BLOCK of top-level statements */
    Vec funcs;                  /* Func* in source order */
    Vec classes;                /* user Class* */
    Vec globals;                /* Var* */
    bool uses_asyncio;
} Program;

/* ---- passes ------------------------------------------------------------ */

Program *parse_program(Source *src);         /* NULL on syntax errors; other errors leave
                                                placeholders and count in diag_errors */
bool check_program(Program *prog);
void lower_program(Program *prog);
char *emit_program(Program *prog, const char *c_path);
char *emit_header(Program *prog, const char *h_path);
void print_frame_sizes(Program *prog, FILE *out);

/* syntax.c: syntax errors worded and placed as CPython's.  parse.c adds
 * each tree-sitter error: the bytes an ERROR covers and where it starts,
 * or (exact) where a token is MISSING.  The report prints them, or the
 * tokenizer error that explains them, and returns how many it printed. */
typedef struct SyntaxScan SyntaxScan;
SyntaxScan *syntax_scan(const Source *src);
void syntax_add(SyntaxScan *s, uint32_t from, uint32_t to, Loc at, bool exact);
int syntax_report(SyntaxScan *s);

/* parse.c: the one table of Python constructs outside the dialect. */
const char *unsupported_message(const char *ts_node_type);

/* check.c: builtin classes by name (for except clauses and raise). */
Class *find_builtin_class(const char *name);

#endif

/* ---- builtins (Node.builtin, set by check.c, used by emit.c) ------------ */
enum {
    B_NONE, B_USER, B_EXC_NEW,
    B_PRINT, B_LEN, B_STR, B_REPR, B_INT, B_FLOAT, B_BOOL, B_ABS, B_MIN,
    B_MAX, B_SUM, B_SORTED, B_ROUND, B_RANGE, B_LIST, B_FORMAT,
    B_METHOD,                    /* receiver.method(...): Node.sval */
    /* asyncio spelling */
    B_ARUN, B_SLEEP, B_GATHER, B_WAIT_FOR, B_CREATE_TASK,
    /* builtins spelling */
    B_ERUN, B_EGATHER, B_WITH_TIMEOUT, B_ECANCEL,
    B_CORO_CALL,                 /* call of an async def: a coroutine */
    B_RECEIVE, B_FRAME           /* builtins spelling: host events and frame ticks */
};
