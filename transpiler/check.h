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
bool ty_adopts(Type *want, Type *t);    /* an item of type t may take its expected type want */
Class *common_base(Class *a, Class *b); /* of two exception classes */
Vec check_declare(Program *p);          /* names and signatures: the defs */
void check_module(Node *module);        /* the module's statements, one pass */
void check_func(Func *fn);              /* a specialisation's body, once a pass */
Type *default_type(Param *p);           /* a default value's type */
Node *default_node(Param *p);           /* a copy of the default, typed */
Var *check_new_var(const char *name, Loc loc, Func *owner);
void check_widen(Var *v, Type *t, Loc at);
void check_flow_back(Node *src, Type *to); /* a list value's source widens with its use */
void check_err_at(Loc loc, const char *fmt, ...);
void check_float_item(Node *item, Type *want); /* an int among declared float items: error */
Func *check_def_named(Node *n); /* a name that is a def (not shadowed), else NULL */
Var *check_bound_local(Func *fn, const char *name); /* fn binds name: its local (made now if need be) */
/* check_assign.c: Python's local-variable rule, and the reads that may find a local unbound */
void assign_begin(void);
Func *closure_nested_in(Func *cur, Func *parsed); /* check_closure.c: the nested def made there, or NULL */
bool assign_binds(Func *fn, const char *name); /* fn's body binds name (not global/nonlocal-checked) */

/* dynamic.c: a join that made a value `object`, with both sites */
void dyn_var(Var *v, Type *old, Loc old_at, Type *t, Loc at);
void dyn_ret(Func *fn, Type *old, Loc old_at, Type *t, Loc at);
/* check.c, for check_class.c */
Func *check_cur_fn(void);
Class *check_find_class(const char *name);
void check_put_class(Class *c);
/* a call of a user def (self_ty: its first parameter is bound to the
 * receiver, of that type); the call's type */
Type *check_user_call(Node *e, Func *def, Type *self_ty);
Type *check_maybe_none(Node *at, Type *t); /* NULL when t is not T | None */
Type *check_raise_at(Node *e, const char *cls, Type *ty, const char *fmt, ...); /* a run-time error */
Type *check_inst_recv(Type *t);              /* C | None as a receiver: C, tested at run time */

/* check_class.c: user classes (declared with the module's names; checked
 * with every pass) */
void class_begin(Program *p);
void closure_begin(void); /* check_closure.c: a new program */
void gen_begin(void);     /* check_gen.c: a new program */
void asyncio_begin(void); /* check_asyncio.c: a new program */
Node *check_node_at(NodeKind k, Loc loc);
/* a function the checker writes per call site (check.c) */
typedef struct CheckSite {
    Func *encl, *fn;
    Loc loc;
} CheckSite;
Func *check_site_func(Vec *sites, Func *encl, Loc loc, const char *name, const char *cprefix);
void tinyio_begin(void);  /* check_tinyio.c: a new program */
void class_declare(Program *p, Node *s);
bool class_obj_attr(Node *e);            /* x.a of an object, looked up at run time */
Type *class_obj_iter(Node *e, Type *t); /* a B_OBJ_ITER node over an iterator of type t */
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
Type *bound_method_value(Node *attr);                   /* obj.method as a value */
Type *lib_bound_method_value(Node *attr, const Builtin *b); /* d.get as a value */
Type *check_lambda_here(Node *e);                       /* check.c: closure_def_value where e stands */
Type *func_attr(Node *e, Type *t);                      /* f.__name__, f.cache */
bool func_attr_store(Node *target, Type *t);            /* f.cache = v: false if f is no function */
Type *tuple_as_list(Node *it, Type *t); /* `for x in t`: t's items as a list */
bool closure_star_call(Node *call, Func *def); /* *args, **kwargs or keyword-only involved */
Node **closure_bind(Node *call, Func *def);     /* one node per parameter */
extern char *closure_bind_error;                /* why closure_bind failed: CPython's TypeError */
/* check_spread.c: f(*xs, **kw) bound when it runs (closure.h BindPlan) */
bool spread_dynamic(Node *call);                  /* a spread whose length or keys only the run knows */
Node **spread_bind(Node *call, Func *def, int skip); /* B_BOUND_ARG per parameter; NULL: not known yet */
struct BindPlan *spread_plan(Node *call, Func *def, int skip);
Type *spread_param_type(struct BindPlan *bp, Func *def, int j); /* NULL: not known yet */
const char *spread_site_name(Node *call, Func *def); /* "__main__.f()", as the call site's messages name it */
const char *check_qualname(Func *fn);           /* C.m, f.<locals>.g, as CPython's messages name a def */
Type *closure_kwargs_type(Node *dict, Type *t); /* a **kwargs parameter's type */
Type *ty_intern(Type *t);                       /* check.c */

/* check_percent.c: "fmt" % args with a literal format, rewritten in place as
 * an f-string (type_of checks an operand); false after an error */
bool percent_rewrite(Node *e, Type *(*type_of)(Node *));

/* infer.c */
Node *clone_node(const Node *n);
Func *specialise(Func *def, Type **key);
void mutated_args(Node *call, Func *fn);
void reset_spec(Func *fn);

/* check_gen.c */
Type *gen_type_of(Func *fn);             /* Generator[Y, S, R] of a call of fn */
void gen_keep_genexprs(Vec *funcs);       /* the <genexpr> functions the last pass reached */
void asyncio_keep_callbacks(Vec *funcs);  /* check_asyncio.c: the function-value callback sites reached */
void tinyio_keep_funcs(Vec *funcs);       /* the run_in_thread functions the last pass reached */

#endif
