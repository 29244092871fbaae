/*
 * check.h -- what check.c (the checker) and infer.c (whole-program
 * inference: the passes, specialisation, the type lattice) share.  Private
 * to those two files; compiler.h is the rest of the compiler's view.
 */
#ifndef ASYNCC_CHECK_H
#define ASYNCC_CHECK_H

#include "compiler.h"
#include "closure.h"

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

/* check_closure.c: nested defs, lambdas, function values, closures */
Type *ty_funcs(Type **elems, int n);       /* check.c: interned */
char *func_type_name(const Type *t);
Type *func_join(Type *a, Type *b);         /* the union of two function types */
Var *closure_lookup(Func *fn, const char *name, bool store);
bool closure_nonlocal(Func *fn, const char *name);
Type *closure_def_value(Node *def, Func *cur, Vec *scopes); /* a nested def or lambda: its value's type */
Type *closure_default_type(Func *fn, int j);                /* NULL: not a nested def */
Type *value_call(Node *call, Type *ft);                      /* f(...) of a function value */
Type *value_call_types(Node *at, Type *ft, Type **args, int n, CallPlan **plan); /* key=, map() */
Type *map_filter_call(Node *call, bool is_filter);
void closure_new_pass(void);
void closure_finish(Program *p);                             /* cells: after the last pass */
Node *def_value_node(Node *def, bool toplevel); /* what `def f` binds f to */
Node *builtin_as_lambda(Node *name);
Node *method_as_lambda(Node *attr); /* `str.lower` as a value */             /* `str` as a value: a lambda calling it */
void check_signature(Func *fn);
Type *partial_call(Node *call, Func *cur, Vec *scopes); /* functools.partial(f, ...) */
Type *func_attr(Node *e, Type *t);                      /* f.__name__, f.cache */
bool func_attr_store(Node *target, Type *t);            /* f.cache = v: false if f is no function */
Type *tuple_as_list(Node *it, Type *t); /* `for x in t`: t's items as a list */
bool closure_star_call(Node *call, Func *def); /* *args, **kwargs or keyword-only involved */
Node **closure_bind(Node *call, Func *def);     /* one node per parameter */
Type *closure_kwargs_type(Node *dict, Type *t); /* a **kwargs parameter's type */
Type *ty_intern(Type *t);                       /* check.c */

/* infer.c */
Node *clone_node(const Node *n);
Func *specialise(Func *def, Type **key);
void mutated_args(Node *call, Func *fn);
void reset_spec(Func *fn);

/* check_gen.c */
Type *gen_type_of(Func *fn);             /* Generator[Y, S, R] of a call of fn */
void gen_keep_genexprs(Vec *funcs);       /* the <genexpr> functions the last pass reached */
void tinyio_keep_funcs(Vec *funcs);       /* the run_in_thread functions the last pass reached */

#endif
