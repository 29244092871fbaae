/*
 * check.h -- what check.c (the checker) and infer.c (whole-program
 * inference: the passes, specialisation, the type lattice) share.  Private
 * to those two files; compiler.h is the rest of the compiler's view.
 */
#ifndef ASYNCC_CHECK_H
#define ASYNCC_CHECK_H

#include "compiler.h"

/* The program is checked again and again, with diagnostics muted, until no
 * type widens; then once more, reporting errors (infer.c). */
typedef struct InferState {
    int pass;    /* 1, 2, ... */
    int changes; /* widenings in this pass */
    bool final_pass;
    bool defaulting; /* unconstrained list elements become int */
    int residue;     /* places where defaulting would apply */
    Vec defs;        /* Func*: the parsed defs, in source order */
} InferState;
extern InferState inf;

/* check.c */
Type *ty_optional(Type *t);             /* T | None for a pointer kind, else NULL */
Class *common_base(Class *a, Class *b); /* of two exception classes */
Vec check_declare(Program *p);          /* names and signatures: the defs */
void check_module(Node *module);        /* the module's statements, one pass */
void check_func(Func *fn);              /* a specialisation's body, once a pass */
Type *default_type(Param *p);           /* a default value's type */
Var *check_new_var(const char *name, Loc loc, Func *owner);
void check_widen(Var *v, Type *t, Loc at);
void check_flow_back(Node *src, Type *to); /* a list value's source widens with its use */
void check_err_at(Loc loc, const char *fmt, ...);
void check_float_item(Node *item, Type *want); /* an int among declared float items: error */
Func *check_def_named(Node *n); /* a name that is a def (not shadowed), else NULL */

/* infer.c */
Node *clone_node(const Node *n);
Func *specialise(Func *def, Type **key);
void mutated_args(Node *call, Func *fn);
void reset_spec(Func *fn);

#endif
