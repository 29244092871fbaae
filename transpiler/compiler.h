/*
 * compiler.h -- the compiler's shared data types and each pass's entry point.
 *
 * Pipeline (one file per pass):
 *   parse.c   tree-sitter CST -> AST, rejects constructs outside the dialect
 *             (syntax.c and pytoken.c word its syntax errors as CPython)
 *   check.c   names and types; annotates every Node with a Type
 *   infer.c   whole-program inference around check.c: passes to a fixed
 *             point, one Func per argument-type tuple (check.h: shared)
 *   lower.c   awaitables used as values -> helper coroutines; async
 *             functions: await points, liveness, frame layout and size
 *   emit*.c   C code from the annotated AST, through templates (template.c);
 *             emit.h lists the emitter's files
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

typedef struct Buf {
    char *data;
    size_t len, cap;
} Buf;
void buf_putn(Buf *b, const char *s, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...);
char *buf_take(Buf *b); /* NUL-terminated; resets b */

/* A growable array of pointers. */
typedef struct Vec {
    void **data;
    int len, cap;
} Vec;
void vec_push(Vec *v, void *p);
#define vec_at(v, i, T) ((T)(v)->data[i])

/* A string-keyed hash map (open addressing; keys are not copied). */
typedef struct Map {
    const char **keys;
    void **vals;
    int len, cap;
} Map;
void *map_get(const Map *m, const char *key);
void map_put(Map *m, const char *key, void *val);

bool read_file(const char *path, char **data, size_t *len);

/* ---- diag.c ------------------------------------------------------------ */

typedef struct Source {
    const char *path;
    const char *text;
    size_t len;
} Source;

typedef struct Loc {
    int line, col;
} Loc; /* 1-based; col in bytes */

extern int diag_errors;
extern bool diag_muted; /* check.c's inference passes: print nothing */
void diag_error(const Source *src, Loc loc, const char *fmt, ...);
void diag_note(const Source *src, Loc loc, const char *fmt, ...);
void diag_warning(const Source *src, Loc loc, const char *fmt, ...);
void diag_verror(const Source *src, Loc loc, const char *kind, const char *fmt, va_list ap);
extern FILE *diag_out; /* stderr unless a test redirects it */
/* A name bound by a statement that was rejected: errors quoting it on
 * lines from..to (its scope), and their notes, are not shown, since they
 * follow from the first error. */
void diag_poison(const char *name, int from, int to);

/* ---- template.c -------------------------------------------------------- */

/* "{{name}}" is replaced by the value bound to name; "{{{{" is a literal
 * "{{".  An unknown name is a fatal internal error. */
typedef struct TplVar {
    const char *name;
    const char *value;
} TplVar;
char *tpl_render(const char *tpl, const TplVar *vars, int nvars, char **err);
const char *tpl_get(const char *name); /* embedded template by name */

/* ---- types ------------------------------------------------------------- */

typedef enum {
    TY_NONE,
    TY_BOOL,
    TY_INT,
    TY_FLOAT,
    TY_STR,
    TY_LIST,
    TY_TUPLE,
    TY_EXC,
    TY_TASK,
    TY_CORO,
    TY_CLASS,
    TY_FUNC,
    TY_MODULE,
    TY_ANY,
    TY_DICT,
    TY_SET,
    TY_FROZENSET, /* dict: elems {K, V}; sets: elem */
    TY_VIEW,      /* d.keys()/values()/items(): elem, view */
    TY_UNKNOWN,   /* check.c: not inferred yet (the lattice's bottom) */
    TY_SYNC,      /* asyncio.Event, Lock, Semaphore, Queue (check_asyncio.c) */
    TY_GEN,       /* Generator[Y, S, R]: elem Y, elems {Y, S, R} */
    TY_INST,      /* an instance of a user class (check_class.c): cls */
    TY_AGEN       /* AsyncGenerator[Y, S]: elem Y, elems {Y, S} (check_gen.c) */
} TypeKind;

typedef struct Class Class;
typedef struct Func Func;

typedef struct Type {
    TypeKind kind;
    struct Type *elem;   /* list/task/coro element, */
    struct Type **elems; /* tuple members */
    int nelems;
    Class *cls; /* TY_EXC instance / TY_CLASS object */
    Func *fn;   /* TY_FUNC */
    bool opt;   /* T | None for a pointer kind: NULL is None */
    int id;     /* dense id for C descriptor names */
    bool used;  /* emit.c: its descriptor is referenced */
    int view;   /* TY_VIEW: 1 keys, 2 values, 3 items */
    int sub;    /* TY_SYNC: which primitive (SyncKind); TY_LIST: 1 for a
                 * tuple[T, ...] of a length known only at run time (the
                 * columns of zip(*m)), a list that prints as a tuple */
    unsigned tag; /* a tagged scalar union (kind TY_ANY): bits 1 << TY_NONE/BOOL/INT/FLOAT */
} Type;

/* ty_any is `object`: the lattice's top, a boxed dynamic value */
extern Type *ty_none, *ty_bool, *ty_int, *ty_float, *ty_str, *ty_any, *ty_module, *ty_unknown;
Type *ty_join(Type *a, Type *b);    /* least upper bound */
Type *ty_strip(Type *t);            /* T of T | None */
/* Tagged scalar unions (int | float, int | None, ...): kind TY_ANY, so
 * whatever does not know them treats them as `object` (the emitter boxes
 * them there), with Type.tag naming the members.  ty_tagged(mask) is the
 * union of the members (the scalar itself for one); ty_tag_mask(t) a
 * scalar's or union's members (0: neither); ty_slot(t) is t where a value
 * lives in an ac_val (containers, cells, attributes, task results): a
 * union there is an object. */
Type *ty_tagged(unsigned mask);
unsigned ty_tag_mask(const Type *t);
Type *ty_slot(Type *t);
bool ty_has_unknown(const Type *t); /* not fully inferred yet (or NULL) */
Type *ty_list(Type *elem);
Type *ty_tuple_list(Type *elem); /* tuple[T, ...]: see Type.sub */
Type *ty_tuple(Type **elems, int n);
Type *ty_task(Type *elem);
Type *ty_coro(Type *elem);
Type *ty_exc(Class *cls);
Type *ty_class(Class *cls);
Type *ty_func(Func *fn);
/* check_dict.c: dict[K, V], set[T], frozenset[T] */
Type *ty_dict(Type *k, Type *v);
Type *ty_set(Type *elem, bool frozen);
bool ty_is_set(const Type *t); /* set or frozenset */
bool ty_holds_class(const Type *t); /* a class or module, or a container of one */
extern const char prelude_slice_name[]; /* parse.c: the name of its `slice` class, for obj[a:b] */
Type *ty_view(Type *item, int view);
Type *ty_gen(Type *y, Type *s, Type *r);
Type *ty_agen(Type *y, Type *s);
bool ty_is_obj(const Type *t); /* refcounted in C */
char *ty_name(const Type *t);  /* Python spelling, for messages */
bool ty_has_attr(Type *t, const char *name); /* hasattr() of a value of static type t */
extern Vec all_types;          /* interned composite types */

/* ---- AST --------------------------------------------------------------- */

typedef enum {
    /* expressions */
    N_INT,
    N_FLOAT,
    N_STR,
    N_FSTRING,
    N_BOOL,
    N_NONE,
    N_NAME,
    N_BINOP,
    N_UNARY,
    N_AND,
    N_OR,
    N_NOT,
    N_COMPARE,
    N_CALL,
    N_ATTR,
    N_INDEX,
    N_SLICE,
    N_LIST,
    N_TUPLE,
    N_LISTCOMP,
    N_IFEXP,
    N_AWAIT,
    N_STARRED,
    N_KWARG,
    N_FMT,
    N_DICT,
    N_SET,
    N_DICTCOMP,
    N_SETCOMP, /* dict: keys in list, values in list2;
                * dict comp: a key, b value */
    N_YIELD,   /* yield [x] / yield from x (ival 1); check_gen.c */
    N_LAMBDA,  /* Node.fn: the lambda's def (a `return` of its body) */
    N_WALRUS,  /* (a := b): a the N_NAME target, b the value */
    /* statements */
    N_EXPR,
    N_ASSIGN,
    N_AUGASSIGN,
    N_IF,
    N_WHILE,
    N_FOR,
    N_BREAK,
    N_CONTINUE,
    N_RETURN,
    N_PASS,
    N_RAISE,
    N_TRY,
    N_EXCEPT,
    N_ASSERT,
    N_GLOBAL,
    N_FUNCDEF,
    N_CLASSDEF,
    N_IMPORT,
    N_BLOCK,
    N_DEL /* del t1, t2: targets in list */
} NodeKind;

typedef struct Var Var;

typedef struct Node {
    NodeKind kind;
    Loc loc;
    Type *ty; /* set by check.c for expressions */
    int op;   /* operator token for BINOP/UNARY/AUG/COMPARE */
    int64_t ival;
    double fval;
    char *sval; /* N_STR bytes, N_NAME/N_ATTR/N_KWARG name */
    size_t slen;
    struct Node *a, *b, *c, *d; /* operands / condition, body, orelse ... */
    Vec list;                   /* items, args, statements, handlers ... */
    Vec list2;                  /* keyword args, compare operands, ... */
    int *ops;                   /* N_COMPARE operators */
    Var *var;                   /* N_NAME resolved by check.c */
    Func *fn;                   /* N_CALL of a user function, N_FUNCDEF */
    Class *cls;                 /* N_CLASSDEF, class in except clauses */
    int builtin;                /* N_CALL/N_ATTR: which builtin (check.c) */
    const struct Builtin *bi;   /* N_CALL of a library function or method */
    int pos;                    /* program-order position (lower.c) */
    int await_id;               /* N_AWAIT: index in the function (lower.c) */
    bool has_await;             /* subtree contains an await (lower.c) */
    struct CallPlan *plan;      /* N_CALL through a function value (check_closure.c) */
    struct BindPlan *bind;      /* B_BOUND_ARG: the call bound when it runs (closure.h) */
    bool unbound_check;         /* N_NAME read (or del) that may find its local unbound (check_assign.c) */
} Node;

/* util.c: a node made by a pass (the parser makes its own from the CST) */
Node *ast_node(NodeKind k, Loc loc);
Node *ast_name(const char *name, Loc loc); /* N_NAME */

/* Operators (values of Node.op). */
enum {
    OP_ADD = 1,
    OP_SUB,
    OP_MUL,
    OP_DIV,
    OP_FLOORDIV,
    OP_MOD,
    OP_POW,
    OP_NEG,
    OP_POS,
    OP_INVERT,
    OP_BITAND,
    OP_BITOR,
    OP_BITXOR,
    OP_LSHIFT,
    OP_RSHIFT,
    OP_EQ,
    OP_NE,
    OP_LT,
    OP_LE,
    OP_GT,
    OP_GE,
    OP_IN,
    OP_NOTIN,
    OP_IS,
    OP_ISNOT
};

enum { HOST_CALL = 1, HOST_DEFERRED = 2 };

/* ---- program ----------------------------------------------------------- */

struct Var {
    char *name;
    Type *ty;
    Loc loc; /* first definition */
    bool is_global, is_param, is_const;
    Func *owner;             /* NULL for module globals */
    int first_pos, last_pos; /* lower.c: live interval (conservative) */
    bool in_frame;           /* lower.c: stored in the frame */
    int slot;                /* lower.c: shared frame slot for scalars */
    char *cname;             /* C spelling */
    char *cbase;             /* base of the C name when it must differ */
    bool read;               /* emit.c: the generated code reads it */
    bool fixed;              /* check.c: annotated; its type does not widen */
    Type *bound;             /* check.c: `float` annotation: int or float is stored, the type follows */
    bool scoped;             /* check.c: bound by a comprehension or except */
    int assigned_pass;       /* check.c: inference pass of its last store */
    Loc ty_at;               /* check.c: the store that gave it its type */
    bool cell;               /* check_closure.c: captured by a nested def, lives in a cell */
    Var *cellbox;            /* the hidden local holding its cell (NULL: a free variable) */
    Var *shadows;            /* check_class.c: an instance attribute over this class attribute */
    Func *over;              /* ... over this method (x.m = v from outside the methods) */
    Var *flag;               /* check_assign.c: a scalar read where it may be unbound: its "assigned" flag */
    bool is_flag;            /* ... and that flag (a bool local of the same function) */
    bool free_check;         /* a closure may run before it is bound (or after a del): their reads test it */
    bool unbound_cell;       /* a scalar cell with tested reads: unbound while its box's type is ac_t_unbound */
};

struct Class {
    char *name;
    Class *base;
    Loc loc;
    bool builtin;
    char *cname; /* C ac_class object */
    /* check_class.c: a user class that is not an exception */
    bool plain;
    Node *def;      /* N_CLASSDEF */
    Vec fields;     /* Var*: instance attributes it introduces */
    int first_slot; /* slots of its bases come first */
    Vec methods;    /* Func*: the defs in its body */
    Vec cattrs;     /* Var*: class attributes (module globals) */
    int id;         /* 1-based, in source order */
    int dc_flags;   /* @dataclass: DC_* bits (0: not one) */
    Vec dc_fields;  /* Node*: its annotated fields, bases' first (N_ASSIGN) */
};

typedef struct Param {
    Var *var;
    Node *def;
    Node *ann;
    bool def_checked;
    int star;    /* 1: *args (a tuple), 2: **kwargs (a dict) */
    bool kwonly; /* after * or *args: by keyword only */
} Param;

struct Func {
    char *name;
    char *cname;
    Node *def; /* N_FUNCDEF */
    bool is_async;
    bool implicit;              /* suspend.c: made async by the builtins spelling (a plain def that suspends, the module body) */
    bool is_gen;                /* a def with yield: a state machine like an async def */
    Type *yield_ty, *send_ty;   /* generators: what yield gives out and gets back */
    bool yield_declared;        /* by a Generator[...]/Iterator[...] annotation */
    bool helper;                /* generated by lower.c (static, no constructor) */
    int host;                   /* 0, HOST_CALL or HOST_DEFERRED (@asyncc.host/deferred) */
    Param *params;
    int nparams;
    Type *ret;        /* declared or inferred */
    Vec locals;       /* Var* including params */
    Vec globals_decl; /* names declared global */
    int state;        /* check.c: 0 new, 1 checking, 2 done */
    bool ret_inferred;
    int redef; /* k for the (k+1)-th def of its name at module level */
    /* check.c: specialisation.  A parsed def is never emitted: each
     * argument-type tuple it is called with gets a Func of its own */
    Func *origin;  /* the def this specialises (NULL: a def) */
    Type **key;    /* argument types, one per parameter */
    Vec specs;     /* a def's specialisations, in creation order */
    int used_pass; /* last inference pass that called it */
    char *spname;  /* C base name: name, name_int, name__2 */
    Class *cls;    /* check_class.c: the class whose body defines it */
    int mkind;     /* MK_* of a method */
    Loc ret_at;    /* the return that gave ret its type */
    Type *ret_bound; /* `-> float`: returns int or float, ret follows them */
    /* lower.c */
    Vec awaits;     /* N_AWAIT nodes in program order */
    bool recursive; /* on a cycle of direct awaits */
    Vec children;   /* Func* awaited inline (frame union) */
    int nslots;
    Type **slot_ty;
    Vec frame_temps;  /* FrameSlot*: temporaries, handler state */
    Vec frame_awaits; /* FrameSlot*: the await union's members */
    int frame_size;   /* sizeof the frame struct (LP64), --frame-sizes */
    /* check_closure.c: nested defs and lambdas (docs/DESIGN.md, "Functions
     * as values") */
    Func *parsed;       /* a nested def: the parsed def it copies */
    Func *enclosing;    /* ... and the specialisation it stands in */
    Vec captures;       /* Var*: enclosing variables it uses (its cells) */
    Vec def_scopes;     /* Vec*: comprehension scopes open where it stands */
    Type **def_types;   /* types of its defaults, evaluated where it stands */
    Vec nonlocals;      /* char*: names declared nonlocal */
    Var *self;          /* a nested specialisation's own function value */
    int value_id;       /* emit_closure.c: its number among function values */
    Vec attrs;          /* Var*: attributes stored on its values (f.cache = {}) */
    bool is_lambda;
};

/* lower.c: a member of a frame struct that the emitter asks for while it
 * writes an async def (the temporaries of a statement that contains an
 * await, a handler's state, an await point's wait record or child frame).
 * Locals are laid out by lower_program itself. */
typedef struct FrameSlot {
    const char *ctype, *name;
    int size;
} FrameSlot;

typedef struct Program {
    Source *src;
    Node *module; /* N_BLOCK of top-level statements */
    Vec funcs;    /* Func* in source order */
    Vec classes;  /* user Class* */
    Vec globals;  /* Var* */
    bool uses_asyncio;
    bool uses_tinyio;
} Program;

/* ---- passes ------------------------------------------------------------ */

Program *parse_program(Source *src); /* NULL on syntax errors; other errors leave
                                                placeholders and count in diag_errors */
/* suspend.c: the builtins spelling's plain defs and module body that
 * suspend become coroutines, with the awaits they leave out */
void suspend_program(Program *prog);
void parse_release(void); /* the fuzz target: free the last syntax tree */
bool check_program(Program *prog);
void assign_program(Program *prog); /* check_assign.c: mark the reads of possibly unbound locals */
void print_inferred_types(Program *prog, FILE *out); /* check --types */
void lower_program(Program *prog);
char *emit_program(Program *prog, const char *c_path);
char *emit_header(Program *prog, const char *h_path);
void print_frame_sizes(Program *prog, FILE *out);
/* dynamic.c: the joins that made values `object` (-Wdynamic, annotate) */
extern bool warn_dynamic;
bool dyn_introduced(Type *old, Type *joined); /* old had no object in it, joined has */
/* a join in an expression: "<what> 'A' (here) and 'B': <result>" */
void dyn_expr(Loc at, const char *what, const char *result, Type *a, Type *b, Loc b_at);
void dyn_report(Program *prog);                  /* -Wdynamic warnings */
Vec dyn_joins(Program *prog);                    /* opaque joins, in source order */
const char *dyn_join_message(void *join, Loc *at); /* a join's warning text and site */
/* annotate.c: asyncc annotate */
char *annotate_html(Program *prog);

/* lower.c: frame layout, as an LP64 C compiler does it. */
int type_size(const Type *t); /* a value of t in C */
void frame_temp(Func *fn, const char *ctype, const char *name);
void frame_await(Func *fn, const char *ctype, const char *name, int size);
void frame_finish(Func *fn); /* sets fn->frame_size */
const char *frame_state_type(const Func *fn);
enum { AC_WAIT_SIZE = 32, PTR_SIZE = 8 }; /* sizeof(ac_wait), a pointer */

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

/* check_asyncio.c: asyncio's Event, Lock, Semaphore and Queue types. */
typedef enum {
    SY_EVENT,
    SY_LOCK,
    SY_SEMAPHORE,
    SY_QUEUE,
    SY_CONDITION,
    SY_TIMEOUT,
    SY_LOOP,
    SY_TASKGROUP,
    SY_HANDLE,
    SY_BARRIER,
    SY_RUNNER, /* asyncio.Runner: a loop object that run() runs and close() shuts down */
    /* tinyio's objects (check_tinyio.c): C type ac_tio */
    SY_TLOOP,
    SY_TEVENT,
    SY_TSEM, /* Semaphore, Lock */
    SY_TGUARD,
    SY_TBARRIER,
    SY_NKINDS
} SyncKind;
#define SY_IS_TINYIO(k) ((k) >= SY_TLOOP)
Type *ty_sync(SyncKind k);
Type *sync_type_named(const char *name);   /* "Event", "BoundedSemaphore", ...; NULL if none */
const char *sync_recv_name(const Type *t); /* the receiver of its method rows */
const char *sync_type_name(const Type *t); /* its name in messages */
bool check_uses_tinyio(void);              /* check.c: the program imports tinyio */

/* check_class.c: user classes. */
enum { MK_METHOD, MK_STATIC, MK_CLASS, MK_GETTER, MK_SETTER };
enum { WITH_CHOICE = 7070, WITH_USER, WITH_AUSER }; /* N_BLOCK of a with statement (parse.c): both forms, a
                                                    * user class's form (async) */
enum { DC_ON = 1, DC_ORDER = 2, DC_FROZEN = 4, DC_NO_EQ = 8 }; /* Node.ival of a class */
void dataclass_methods(Class *c, Node *s); /* dataclass.c: the generated defs */
Type *ty_inst(Class *c);
Func *class_method(Class *c, const char *name); /* resolved through the bases */
Var *class_field(Class *c, const char *name);   /* instance attribute */
void class_sum_declare(Program *p); /* sum() of instances: the def it calls */
Type *class_sum_call(Node *e);      /* NULL: not a sum of instances */
bool class_del_attr(Node *t);        /* del x.a: false if not an instance attribute */
int class_has_method(Class *c, const char *name); /* 1: an instance has it, 0: none has, -1: a subclass's has */
bool class_cattr_named(const char *name);          /* a class attribute of some class */
bool class_field_below(Class *c, const char *name); /* ... of c, a base or a subclass (NULL: any class) */
Var *class_cattr(Class *c, const char *name);   /* class attribute */
bool class_is_sub(const Class *c, const Class *base);
Type *class_self(Class *c);             /* self in its methods: an instance, or an exception */
bool class_is_user_exc(const Class *c); /* an exception class of the program */
/* emit_class.c */
struct Val emit_new_inst(Node *e);
struct Val emit_obj_iter(Node *e);
struct Val emit_obj_attr(Node *e);
struct Val emit_method_dispatch(Node *e);
struct Val emit_attr_get(Node *e);
struct Val recv_checked(Node *a, struct Val r, const char *name); /* C | None: None raises */
struct Val emit_over_method_call(Node *e); /* x.m(...) where x.m = v may hide the method */
void emit_del_attr(Node *t);                                         /* del x.a (emit_class.c) */
void emit_attr_set(Node *target, struct Val v);
void emit_class_infos(Buf *out);

/* check.c: builtin classes by name (for except clauses and raise). */
Class *find_builtin_class(const char *name);

/* ---- builtins.c: the Python library surface ----------------------------
 * One row per builtin function, method and module function.  check.c binds
 * and types a call from the row (its signature is Python's own notation);
 * emit.c calls the row's C function, or its emit hook when the call is
 * irregular.  docs/LANGUAGE.md's library reference is printed from it. */

typedef struct Builtin Builtin;
struct Val; /* emit.c: the C value of an expression */

/* Result type from the argument types (at[i]: type of e->list.data[i], NULL
 * where a default applies); recv is the receiver's type or NULL.  May report
 * errors; returns NULL to use the signature's result. */
typedef Type *(*BuiltinType)(Node *call, Type *recv, Type **at);
typedef struct Val (*BuiltinEmit)(Node *call);

enum {                     /* Builtin.flags */
       BF_PURE = 1,        /* the C function cannot raise: used inline */
       BF_STEALS = 2,      /* it steals its T (element) arguments */
       BF_RESULT_DESC = 4, /* the result's type descriptor is passed last */
       BF_STARRED = 8,     /* accepts *list arguments (gather) */
       BF_NOT_YET = 16,    /* Python has it, asyncc not yet: an error */
       BF_ATTR = 32,       /* a module attribute read as a value (sys.argv):
                                 * its C function makes the value */
};

struct Builtin {
    const char *recv; /* NULL: builtin function; "str", "list", "Task":
                                 * method; "asyncio": module function */
    const char *name;
    const char *sig;  /* "(sep: str|None = None, maxsplit: int = -1) -> list[str]";
                                 * T is the receiver's element type */
    int code;         /* Node.builtin (B_LIB unless lowered specially) */
    const char *cfn;  /* C runtime function of a regular row */
    BuiltinType type; /* typing hook, or NULL */
    BuiltinEmit emit; /* emit hook of an irregular row, or NULL */
    int flags;
    const char *later; /* arguments Python accepts and asyncc does not yet:
                                 * names ("start end"), or "**" for any keyword */
    const char *doc;   /* remark for docs/LANGUAGE.md */
};

typedef enum { PK_POS, PK_POS_ONLY, PK_KW_ONLY, PK_STAR } ParamKind;
typedef struct SigParam {
    const char *name, *type; /* type as written in the signature */
    const char *def;         /* default as written, NULL when required */
    ParamKind kind;
} SigParam;
typedef struct Sig {
    SigParam *params;
    int n;
    int npos; /* parameters that take positional arguments */
    int star; /* index of the *param, or -1 */
    const char *result;
} Sig;

extern const Builtin builtin_table[];
extern const int builtin_count;
const Builtin *builtin_find(const char *recv, const char *name);
const Sig *builtin_sig(const Builtin *b);
/* "str.split" / "len" / "asyncio.sleep", for messages */
const char *builtin_qualname(const Builtin *b);
/* Receiver name of a value of type t for the table ("str", "list", ...). */
const char *builtin_recv_name(const Type *t);
/* K and V in the signatures of dict methods (lib_call binds them). */
void builtin_bind_kv(Type *k, Type *v);
/* A type written in a signature; T stands for elem (NULL: unbound). */
Type *builtin_parse_type(const char *text, Type *elem);
/* C spelling of a default written in a signature ("None" -> "NULL"). */
const char *builtin_c_default(const char *def);
/* Modules: 0 unknown, 1 supported, 2 planned ("not supported yet"). */
int builtin_module_status(const char *name);
const char *builtin_module_list(void);    /* "asyncio, asyncc, time, ..." for messages */
bool builtin_is_module(const char *recv); /* a row of a module, not a method */
void builtin_markdown(FILE *out);         /* the library reference for LANGUAGE.md */

/* A str.format() template, parsed: literal runs and replacement fields.
 * A field's spec is itself a list of pieces (literal text and nested
 * fields). */
typedef struct FmtPiece {
    const char *lit; /* literal text, or NULL for a field */
    size_t len;
    int arg;   /* field: positional argument index */
    bool repr; /* field: !r */
    struct FmtPiece *spec;
    int nspec;
} FmtPiece;
/* NULL with *err set when the template cannot be compiled. */
FmtPiece *format_template(const char *s, size_t len, int nargs, int *npieces, char **err);
/* The same with keyword fields: names lists the keyword arguments,
 * space-separated; {name} is argument nargs + its position there. */
FmtPiece *format_template_kw(const char *s, size_t len, int nargs, const char *names, int *npieces, char **err);

/* libcheck.c: a call of a row, bound to its signature and typed (check.c) */
Type *lib_call(Node *call, const Builtin *b, Type *recv);
/* The error for a name Python has and asyncc does not (yet), once per name;
 * false when the name is not in the table. */
bool lib_not_yet(Node *at, const char *recv, const char *name);

/* check_gen.c: generators (yield, Generator[Y, S, R], iteration) */
bool gen_body_yields(Node *body);
Type *check_ann(Node *a);           /* check.c: a type annotation */
Var *check_lookup(const char *name); /* check.c: the variable a name means here */
void check_function(Func *fn);       /* check.c: a function's body */
Type *gen_expr_value(Node *e, Func *cur);   /* (x for x in xs) as a value */
Type *gen_yield_expr(Node *e, Func *fn);
Type *gen_ann(const char *name, Node *a, Vec *args, int nargs);
Type *gen_method_call(Node *e, Type *recv);
bool gen_coro_method(const char *name);     /* send/throw/close of a coroutine */
Type *gen_builtin_call(Node *e, const char *name);
Type *agen_builtin_call(Node *e, const char *name);
Type *agen_method_call(Node *e, Type *recv);
const char *agen_py_type_name(Node *it, Type *t);
Type *class_aiter_of(Node *e, Type *t); /* what e.__aiter__() gives (check_class.c); t: no __aiter__ */
void gen_finish(Func *fn);
Type *gen_materialize(Node *a);
Type *class_iter_of(Node *e, Type *t); /* t, or what e.__iter__() gives (check_class.c) */
Type *class_await_of(Node *e, Type *t); /* what e.__await__() gives; NULL: no __await__ */
/* check_tinyio.c */
Class *tinyio_class(const char *name);
Type *tinyio_type_named(const char *name);
Type *tinyio_sent_type(Node *v, Type *t);
Type *tinyio_run_in_thread(Node *e, Node *f, int first, Func *cur);
Type *tinyio_pool_map(Node *e, Func *cur); /* ThreadPool.map(fn, xs), inline */
Type *type_tio_none_coro(Node *e, Type *recv, Type **at);
Type *type_tio_sem_call(Node *e, Type *recv, Type **at);
Type *type_tio_barrier_wait(Node *e, Type *recv, Type **at);
Type *type_tio_run(Node *e, Type *recv, Type **at);
Type *type_tio_timeout(Node *e, Type *recv, Type **at);
Type *type_tio_as_completed(Node *e, Type *recv, Type **at);
struct Val emit_tio_run(Node *e);
struct Val emit_tio_wait(Node *e);     /* a generator argument where a list is wanted */

/* check.c, for libcheck.c */
Type *check_expr(Node *e, Type *expect);
void check_list_flow(Node *arg, Type *want); /* an empty list typed by where it goes */
void check_error(Node *at, const char *fmt, ...);
void check_origin(Node *e); /* note: where e got its type */
bool ty_assignable(Type *to, Type *from);
Type *ty_unify(Type *a, Type *b);
bool ty_numeric(const Type *t);
bool ty_orderable(const Type *t);
bool ty_sortable(const Type *t); /* ty_orderable, or instances (checked when compared) */
Type *awaitable_result(Node *at, Type *t, const char *what);
/* key=f of sorted/min/max: f a def taking one item; the type of its result,
 * NULL after an error */
Type *key_func_result(Node *key, Type *item, const char *what);
enum { KEY_DEF, KEY_LEN, KEY_ABS, KEY_VALUE }; /* KEY_VALUE: a function value (Node.plan) */ /* Node.ival of a key= argument */

/* libcheck.c: the typing hooks named in builtin_table */
Type *type_len(Node *e, Type *recv, Type **at);
Type *type_int(Node *e, Type *recv, Type **at);
Type *type_float(Node *e, Type *recv, Type **at);
Type *type_abs(Node *e, Type *recv, Type **at);
Type *type_round(Node *e, Type *recv, Type **at);
Type *type_minmax(Node *e, Type *recv, Type **at);
Type *type_sum(Node *e, Type *recv, Type **at);
Type *type_vars(Node *e, Type *recv, Type **at); /* check_class.c */
Type *type_sorted(Node *e, Type *recv, Type **at);
Type *type_list(Node *e, Type *recv, Type **at);
Type *type_tuple(Node *e, Type *recv, Type **at);
Type *type_erun(Node *e, Type *recv, Type **at);
Type *type_gather(Node *e, Type *recv, Type **at);
Type *type_with_timeout(Node *e, Type *recv, Type **at);
Type *type_cancel(Node *e, Type *recv, Type **at);
Type *type_str_join(Node *e, Type *recv, Type **at);
Type *type_str_format(Node *e, Type *recv, Type **at);
Type *type_list_sort(Node *e, Type *recv, Type **at);
Type *type_arun(Node *e, Type *recv, Type **at);
Type *type_wait_for(Node *e, Type *recv, Type **at);
Type *type_create_task(Node *e, Type *recv, Type **at);
/* check_asyncio.c */
Type *type_task_exception(Node *e, Type *recv, Type **at);
Type *type_sleep(Node *e, Type *recv, Type **at);
Type *type_asyncio_wait(Node *e, Type *recv, Type **at);
Type *type_done_callback(Node *e, Type *recv, Type **at);
Type *type_shield(Node *e, Type *recv, Type **at);
Type *type_shield_result(Node *e, Type *recv, Type **at); /* a coroutine or task: its result type */
Type *type_loop_call(Node *e, Type *recv, Type **at);
Type *type_as_completed(Node *e, Type *recv, Type **at);
Type *type_eg_split(Node *e, Type *recv, Type **at);
Type *type_cond_wait_for(Node *e, Type *recv, Type **at);
Type *type_set_exc_handler(Node *e, Type *recv, Type **at);
Type *type_queue_new(Node *e, Type *recv, Type **at);
void queue_stores(Node *call, const char *m); /* q.put(x): the items widen */
Type *type_call_exc_handler(Node *e, Type *recv, Type **at);
Type *type_get_exc_handler(Node *e, Type *recv, Type **at);
/* emit_asyncio.c */
struct Val emit_set_exc_handler(Node *e);
struct Val emit_queue_new(Node *e);
struct Val emit_call_exc_handler(Node *e);
struct Val emit_get_exc_handler(Node *e);
struct Val emit_done_callback(Node *e);
struct Val emit_taskgroup_create_task(Node *e);
struct Val emit_loop_call(Node *e);
struct Val emit_as_completed(Node *e);
struct Val emit_eg_split(Node *e);
Type *type_print(Node *e, Type *recv, Type **at);
Type *type_sys_exit(Node *e, Type *recv, Type **at);
Type *type_enumerate(Node *e, Type *recv, Type **at);
Type *type_zip(Node *e, Type *recv, Type **at);
Type *type_type(Node *e, Type *recv, Type **at);
Type *type_reversed(Node *e, Type *recv, Type **at);
Type *type_any_all(Node *e, Type *recv, Type **at);
Type *type_random_choice(Node *e, Type *recv, Type **at);
Type *type_random_shuffle(Node *e, Type *recv, Type **at);
Type *type_dict_method(Node *e, Type *recv, Type **at); /* check_dict.c */
Type *type_set_method(Node *e, Type *recv, Type **at);
Type *type_set_ctor(Node *e, Type *recv, Type **at);
Type *type_dict_ctor(Node *e, Type *recv, Type **at);

/* emit.c: the emit hooks named in builtin_table */
struct Val emit_print(Node *e);
struct Val emit_dict_method(Node *e); /* emit_dict.c */
struct Val emit_set_method(Node *e);
struct Val emit_set_ctor(Node *e);
struct Val emit_dict_ctor(Node *e);
struct Val emit_len(Node *e);
struct Val emit_str(Node *e);
struct Val emit_repr(Node *e);
struct Val emit_int(Node *e);
struct Val emit_float(Node *e);
struct Val emit_bool(Node *e);
struct Val emit_abs(Node *e);
struct Val emit_round(Node *e);
struct Val emit_min(Node *e);
struct Val emit_max(Node *e);
struct Val emit_sum(Node *e);
struct Val emit_sorted(Node *e);
struct Val emit_list(Node *e);
struct Val emit_tuple(Node *e);
struct Val emit_range(Node *e);
struct Val emit_format(Node *e);
struct Val emit_str_format(Node *e);
struct Val emit_str_join(Node *e);
struct Val emit_list_count(Node *e);
struct Val emit_list_remove(Node *e);
struct Val emit_list_clear(Node *e);
struct Val emit_list_sort(Node *e);
struct Val emit_arun(Node *e);
struct Val emit_erun(Node *e);
struct Val emit_create_task(Node *e);
struct Val emit_run_until_complete(Node *e);
struct Val emit_ecancel(Node *e);
struct Val emit_hash(Node *e); /* emit_class.c */
/* emit_iter.c */
struct Val emit_enumerate(Node *e);
struct Val emit_zip(Node *e);
struct Val emit_reversed(Node *e);
struct Val emit_any(Node *e);
struct Val emit_static_answer(Node *e);
struct Val emit_vars(Node *e); /* emit_class.c */
struct Val emit_type_name(Node *e);
struct Val emit_all(Node *e);
/* emit_gen.c: next() and iter() (their calls are B_GEN_OP) */
struct Val gen_call(Node *e);
/* emit_stdlib.c */
struct Val emit_sys_exit(Node *e);
struct Val emit_random_seed(Node *e);
struct Val emit_time_struct(Node *e); /* time.localtime / time.gmtime */
struct Val emit_random_randrange(Node *e);
struct Val emit_random_choice(Node *e);


/* ---- builtins (Node.builtin, set by check.c, used by emit.c) ------------ */
enum {
    B_NONE,
    B_USER,
    B_EXC_NEW,
    B_LIB,   /* a row of builtin_table (Node.bi) */
    B_RANGE, /* range(): a for loop iterates it in place */
    /* awaitables lowered in place by an await (both spellings) */
    B_SLEEP,
    B_GATHER,
    B_EGATHER,
    B_WAIT_FOR,
    B_WITH_TIMEOUT,
    B_RECEIVE,
    B_FRAME,      /* builtins spelling: host events and frame ticks */
    B_SYNC_AWAIT, /* ev.wait(), lock.acquire(), q.get() ...: the row's C function
                   * is the await's begin call (check_asyncio.c) */
    B_CORO_CALL,  /* call of an async def: a coroutine */
    B_ISINSTANCE, /* isinstance(x, C): Node.list2 holds the classes */
    B_TYPENAME,   /* N_ATTR type(x).__name__ */
    B_OBJ_METHOD, /* x.name(...) on an object: looked up at run time */
    B_NEW_INST,   /* C(args): a user class's instance, then its __init__ */
    B_METHOD_DYN, /* x.m(args) dispatched on x's class (check_class.c) */
    B_ASYNC_WAIT, /* asyncio.wait(fs, ...): awaited in place (emit_await.c) */
    B_SHIELD,     /* asyncio.shield(aw): awaited in place */
    B_GEN_OP,                    /* generators (check_gen.c): Node.ival is a GOP_* */
    B_VALUE_CALL, /* f(...) of a function value (Node.plan, check_closure.c) */
    B_MAP,        /* map(f, xs, ...) and filter(f, xs) (check_closure.c) */
    B_FILTER,
    B_TUPLE_LIST, /* the items of a tuple iterated by a loop, as a list */
    B_FN_NAME,    /* N_ATTR f.__name__ of a function value */
    B_FN_ATTR,    /* N_ATTR f.name of a closure: one of its cells (Node.var) */
    B_OBJ_ITER,   /* an iterator object (Node.a) as a generator: Node.fn its __next__ */
    B_OBJ_ATTR,   /* N_ATTR x.a of an object: on its class record at run time */
    B_BOUND_ARG,  /* a parameter of a call bound when it runs (closure.h BindPlan) */
    B_SET_FOLD,   /* s.union(a, *b), set.union(*sets), s.update(a, b): Node.list is the
                   * list display of the sets, then the receiver (none for
                   * set.union(*sets)); Node.ival the operation (check_dict.c) */
    B_RAISE,      /* what CPython rejects when it runs: evaluates Node.list, then
                   * raises Node.cls with the message Node.sval (check_raise_at) */
    B_NOT_NONE    /* Node.a, typed T | None, used as a T: None raises Node.cls with
                   * the message Node.sval (check_not_none) */
};

enum {                           /* Node.ival of a B_GEN_OP call or attribute */
    GOP_NEW,                     /* g(...) of a def with yield: a generator object */
    GOP_NEXT, GOP_NEXT_DEFAULT, GOP_SEND, GOP_THROW, GOP_CLOSE,
    GOP_ITER_LIST, GOP_ITER_GEN, GOP_TO_LIST, GOP_EXC_VALUE,
    GOP_CSEND, GOP_CTHROW, GOP_CCLOSE,  /* an async def's coroutine driven by hand */
    GOP_ANEXT, GOP_ANEXT_DEFAULT, GOP_ASEND, GOP_ATHROW, GOP_ACLOSE /* awaitables of an async generator */
};

#endif
