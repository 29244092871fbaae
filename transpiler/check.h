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

/* check.c, for check_class.c */
Func *check_cur_fn(void);
Class *check_find_class(const char *name);
void check_put_class(Class *c);
/* a call of a user def (self_ty: its first parameter is bound to the
 * receiver, of that type); the call's type */
Type *check_user_call(Node *e, Func *def, Type *self_ty);
Type *check_maybe_none(Node *at, Type *t); /* NULL when t is not T | None */

/* check_class.c: user classes (declared with the module's names; checked
 * with every pass) */
void class_init(Program *p);
void class_declare(Program *p, Node *s);
void class_body(Node *s);                     /* the class statement: class attributes */
Type *class_call(Node *e, Class *c);          /* C(args) */
Type *class_method_call(Node *e, Type *rt);   /* x.m(args), C.m(args) */
Type *class_super_call(Node *e);              /* super().m(args) */
bool is_super_call(const Node *callee);
Type *class_attr(Node *e, Type *t);           /* x.a, C.a */
void class_store(Node *target, Type *t, Node *value_at);
Type *class_dunder(Node *e, Node *recv, const char *name, Node *arg, Node *args_of);
Type *class_binop(Node *e, Type *l, Type *r);
Type *class_compare(Node *e, Type *l, Type *r);    /* NULL: the generic comparison */
Type *class_builtin_dunder(Node *e, const char *name); /* NULL: not one */
void class_setitem(Node *target, Type *ct, Type *t);
void class_augassign(Node *s); /* rewrites s as an assignment */
bool class_issubclass(Node *e);              /* issubclass(C, D): answered statically */
void class_with_user(Node *s);   /* with m: m must be an instance */
void class_with_choice(Node *s); /* async with m: an instance's form or a primitive's */
void class_pass(void);                        /* methods nothing calls, dunders */

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
