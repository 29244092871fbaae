/* emit.h -- private to the emitter (emit*.c): its state and the functions
 * its files share.
 *
 * Expressions become straight-line C over temporaries; every operation that
 * can raise is followed by a test of ac_err that releases the temporaries
 * held at that point and jumps to the innermost handler.  Control flow uses
 * labels, so the resume switch of an async function can jump to any await
 * point, however deeply it is nested (brief, section 5).
 *
 * Ownership: a Val is either borrowed (a variable, a literal) or owned (a
 * new reference held in a temporary, released at the end of the statement
 * unless a consumer takes it over).
 *
 * The files: emit_out.c (output, temporaries, values), emit_expr.c
 * (expressions), emit.c (calls, builtins and methods), emit_await.c
 * (await points), emit_stmt.c (statements), emit_func.c (functions and
 * frames), emit_program.c (the C file and the host header). */
#ifndef ASYNCC_EMIT_H
#define ASYNCC_EMIT_H

#include "compiler.h"

typedef struct Val {
    char *c;
    Type *ty;
    bool owned;
} Val;

typedef struct Held {
    char *name;
    Type *ty;
} Held;

typedef struct StateInfo {
    Vec held;         /* Held* live in the frame at this await */
    char *child_drop; /* "g_drop(&f->sub.a3)" for inline children */
} StateInfo;

typedef struct Try {
    char *fin;        /* label of the finally block, or NULL */
    char *why, *fexc; /* finally dispatch state */
    int loop_depth;   /* loops open when the try began */
    bool uses_return, uses_break, uses_continue;
    char *brk, *cont; /* targets of break/continue through this finally */
} Try;

typedef struct Loop {
    char *brk, *cont;
    int try_depth, brk_mark, cont_mark, exc_mark;
} Loop;

/* An error handler and how many held temporaries are still needed there
 * (those held when the try began, e.g. the sequence of an enclosing loop). */
typedef struct Handler {
    const char *label;
    int mark;
} Handler;

typedef struct Ctx {
    Func *fn; /* NULL for the module body */
    bool async;
    Buf body;
    Buf decls; /* C locals of the function */
    int ntemps, nlabels;
    Vec held;        /* Held* */
    Vec handlers;    /* Handler* */
    Vec tries;       /* Try* */
    Vec loops;       /* Loop* */
    Vec excs;        /* char* names of exceptions being handled */
    Vec states;      /* StateInfo* per await, in order */
    bool frame_stmt; /* temporaries of this statement go to the frame */
    bool discard;    /* the await being emitted is a whole statement */
    bool uses_st;    /* an await needs the resume function's `st` */
    char *ret_c;     /* C type of the return value */
    int indent;
    Buf chains;   /* release chains, placed after the body */
    Map chain_of; /* "next|temporary" -> label of its chain link */
} Ctx;

/* Per function (by index): does its drop exist?  A frame that holds
 * nothing at any await has none (the vtable's drop is NULL), unless a
 * caller emitted before it (recursion) already names it. */
enum { DROP_UNKNOWN, DROP_NAMED, DROP_YES, DROP_NONE };
extern int *drop_of;

extern Program *prog;
extern Ctx *C;              /* the function being written */
extern Vec frame_exc_slots; /* frame fields holding exceptions (NULL when idle) */
extern Buf strings;         /* string literal objects */
extern int nstrings;
extern Vec string_vals; /* for deduplication */
extern const char *py_path;
extern bool line_markers;
extern int py_line, py_line_fresh; /* the Python line being written */
extern Buf out_protos, out_frames, out_funcs;

static inline bool is_obj(Type *t) { return ty_is_obj(t); }

/* emit_out.c */
char *new_label(const char *what);
void frame_field(const char *ct, const char *name);
void emit(const char *fmt, ...);
void emit_label(const char *l);
void resume_line(int line);
void emit_line(Node *n);
const char *c_type(Type *t);
char *desc(Type *t);
void emit_descriptors(Buf *out);
void c_escape(Buf *b, const char *s, size_t n);
char *c_path_lit(const char *path);
char *c_path_comment(const char *path);
int64_t utf8_len(const char *s, size_t n);
char *str_lit(const char *s, size_t n);
char *new_temp(Type *t);
void hold(char *name, Type *t);
void unhold(Val v);
void release_held_from(int mark);
void push_handler(const char *label);
const char *handler(void);
int handler_mark(void);
char *releases_above(int mark);
const char *release_chain(int mark, const char *target);
void check_err(void);
void emit_unbound_test(Node *name); /* a read that may find its local unbound: UnboundLocalError */
Val call_value(Type *t, const char *fmt, ...);
/* emit_func.c: direct calls of defs whose object parameters are borrowed */
bool param_borrowed(Func *fn, Var *v);
bool fn_borrows(Func *fn);
const char *direct_cname(Func *fn);
Val borrowable_arg(Func *fn, int i, Node *a, Val v);
Val emit_raise_at(Node *e); /* a B_RAISE node (check_raise_at) */
char *take_ref(Val v);
Val pin(Val v);
char *to_val(Val v);
char *from_val(const char *v, Type *t);
Val as_float(Val v);
char *truth(Val v);
Val to_str(Val v, bool repr);
/* object (TY_ANY): box a static value, unbox with a run-time check, widen
 * int to float: at every point where a value's type differs from its
 * slot's (assignments, arguments, returns, items). */
Val coerce(Val v, Type *to);
Val as_object(Val v);

/* emit_expr.c */
char *var_ref(Var *v);
Val binop(Node *e, int op, Val l, Val r);
Val compare1(int op, Val a, Val b);
Val int_lit(int64_t v);
Val float_lit(double d);
Val tuple_lit(Node *e, Type *t);
Val expr(Node *e);     /* a tagged union boxed */
Val expr_tag(Node *e); /* a tagged union as it is (consumers that know them) */

/* emit.c */
Vec call_args(Func *fn, Node *call);
Val call_expr(Node *e);

/* emit_iter.c: a generator expression's item inside any()/all() */
void comp_sink(Node *comp);

/* emit_await.c */
Val await_expr(Node *aw);
StateInfo *new_state(void);          /* a suspension point: what the drop releases there */
char *fail_stmt(const char *extra);  /* what a suspension point runs when it raises */

/* emit_gen.c */
Val gen_delegate_begin(Node *sub_expr);                    /* yield from / await __await__: the held generator */
Val gen_delegate_end(Val held, const char *ret, bool discard); /* its result; the generator released */
Val gen_call(Node *e);
Val gen_attr(Node *e);
Val yield_expr(Node *e);
Val gen_for_item(const char *g, Type *gt, const char *brk);

/* emit_class.c */
void emit_attr_augassign(Node *s);
void emit_index_set(Node *t, Val val);
char *inst_truth(Val v);
void emit_class_stmt(Node *s);
bool emit_is_class_attr(Node *e);
/* emit_stmt.c */
void assign_var(Var *v, Val val);

/* emit_dyn.c */
Val emit_isinstance(Node *e);
Val emit_type_name(Node *e);
Val emit_obj_method(Node *e);
Val obj_convert(const char *fn, Val v);

/* emit_closure.c: function values */
char *closure_var_ref(Var *v); /* a captured variable: its cell's value */
char *closure_cell_ref(Var *v); /* a captured variable: its cell (an ac_obj *) */
void closure_prologue(Func *fn);
Val emit_lambda(Node *e);
Val emit_def_value(Node *e);
Val emit_value_call(Node *e);
void emit_closure_begin(void); /* a new program: value ids start again */
Val emit_map_filter(Node *e);
Val key_list_value(Node *key, Val l);
Val emit_tuple_list(Node *e);

/* emit_spread.c: f(*xs, **kw) bound when it runs (closure.h BindPlan) */
struct BindPlan;
void spread_gather(struct BindPlan *bp, Vec *pos, Vec *kws);
char *spread_bind_list(struct BindPlan *bp, Func *def, int target);
Val spread_slot(const char *bound, Func *def, int j, Type *to, Val (*dflt)(void *), void *ctx);
Val emit_bound_arg(Node *e);
Val emit_fn_attr(Node *e);
void emit_fn_attr_store(Node *target, Val v);

/* emit_stmt.c */
void comp_rest(Node *comp, int idx, char *result, const char *cont);
void emit_for_iter(Node *target, Node *iter, Node *body, Node *comp, int next, char *result);
void emit_afor(Node *c, Node *body, Node *comp, int next, char *result);
Val agen_for_item(Node *c, const char *g, Type *gt, const char *brk); /* emit_gen.c */
Val agen_await(Node *aw, bool discard);
void stmt_list(Vec *list);

/* emit_tb.c: traceback records */
extern int tb_line;
void tb_reset(void);
char *tb_note(void);
char *tb_exit(Func *fn, const char *ret);
char *tb_def_site(Func *fn);
char *tb_section(const char *code);

/* emit_func.c */
char *safe_name(const char *n);
int func_index(Func *fn);
char *drop_unused_labels(char *text);
void emit_function(Func *fn);

char *used_decls(const char *code, const char *ref, const char *decls, const char *prefix, int n);

#endif
