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
} CallPlan;
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
