/* closure.h -- what the checker (check_closure.c) tells the emitter
 * (emit_closure.c) about a call through a function value. */
#ifndef ASYNCC_CLOSURE_H
#define ASYNCC_CLOSURE_H

#include "compiler.h"

/* f(args) where f is a value whose type names one or more defs: the
 * arguments are evaluated once, in source order (positional, then keyword
 * values); each possible def binds them its own way. */
typedef struct CallPlan {
    int ntargets;
    Func **specs; /* per target: the specialisation it calls */
    int **argmap; /* per target, per parameter: index into the arguments, or a MAP_ code */
    int **kwsel;  /* per target: the keyword arguments its **kwargs takes, -1 ends */
    const char **kwnames; /* argument npos + k is keyword kwnames[k] */
    int npos, nargs;
    Type **arg_ty; /* the arguments' types */
    Type *ret;     /* the joined result; a coroutine for async defs */
    struct BindPlan *bind; /* f(*xs, **kw) bound when it runs (argmap unused) */
} CallPlan;
/* f(*xs, **kw) where the length of xs or the keys of kw are known only
 * when the call runs (check_spread.c, emit_spread.c): the arguments are
 * gathered as objects, in source order, and bound to the def's parameters
 * by the runtime (rt_bind.c), which raises CPython's TypeErrors.  A direct
 * call's parameters are then B_BOUND_ARG nodes (Node.bind, Node.ival the
 * parameter, Node.a its default); the first evaluates the arguments. */
typedef struct BindPlan {
    Vec pos;            /* Node*: the positional arguments, N_STARRED for *x */
    Vec kwnames, kwvals; /* a keyword's name (NULL for **d) and value */
    Func *def;          /* a direct call's def (value calls: each target's) */
    int skip;           /* a method's receiver, bound already */
    int prefix;         /* the positional arguments before the first *x: parameters skip.. take them */
    const char *fname;  /* the callee as the call site's messages name it */
    Vec qualnames;      /* per def (a value call's targets): as the binding's messages name it */
    char *c_pos, *c_kw, *c_bound; /* emit: the gathered arguments, the bound list */
} BindPlan;
/* parameter j takes a positional argument before any *x (or the call raises) */
bool spread_fixed(const BindPlan *bp, Func *def, int j);

/* argmap codes: the default, **kwargs (the keywords in kwsel), and
 * MAP_STAR - s for a *args tuple of the positional arguments from s on */
enum { MAP_DEFAULT = -1, MAP_KW = -2, MAP_STAR = -100 };

/* A variable captured by a nested def: its cell is the hidden local box,
 * filled from the parameter arg when it is one. */
typedef struct CellRec {
    Func *fn;
    Var *var, *box, *arg;
} CellRec;
void closure_cells(Func *fn, Vec *out); /* fn's CellRecs */

#endif
