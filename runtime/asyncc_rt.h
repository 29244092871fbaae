/*
 * asyncc_rt.h -- the runtime interface that generated C code is written
 * against.  C99, libc only.
 *
 * Names show the layer they belong to:
 *   asyncc_  the host API (asyncc.h): what a C program embedding compiled
 *            coroutines calls; stable, documented for hosts;
 *   ac_      this file: the ABI generated code is written against (hosts
 *            use its value functions too);
 *   rt_      runtime-internal (rt_internal.h, rt_sched.h): free to change,
 *            never referenced by generated code.
 *
 * Conventions (read these first; every function below follows them):
 *
 *  Values.  int is int64_t, float is double, bool is int (0/1), None has no
 *  C value.  str, list, tuple, exception, Task and coroutine objects are
 *  reference-counted heap objects that start with an ac_obj header.  Inside
 *  containers every value is one ac_val (8 bytes) and the container carries
 *  an ac_type descriptor that says how to release, compare and print it.
 *
 *  Ownership.  Arguments are borrowed.  A function that returns an object
 *  returns a new reference (the caller owns it).  "Steals" in a comment means
 *  the callee takes over the caller's reference.  ac_incref/ac_decref accept
 *  NULL.  Objects whose rc is negative are immortal (static literals).
 *
 *  Errors.  An operation that raises sets ac_err (the current exception,
 *  owned by the runtime slot) and returns a dummy value (0, 0.0 or NULL).
 *  Generated code tests ac_err after every call that may raise and jumps to
 *  its handler.  Nothing here uses setjmp/longjmp.
 *
 *  Coroutines.  A resume function runs a frame until it finishes (AC_DONE),
 *  raises (AC_ERROR, ac_err set), suspends on a wait record (AC_SUSPEND) or
 *  yields for one loop round (AC_YIELD).  A heap coroutine
 *  object and a task are the same struct (ac_task) followed by the frame.
 */
#ifndef ASYNCC_RT_H
#define ASYNCC_RT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The types by name (asyncc.h repeats this block under the same guard). */
#include "asyncc_types.h"

#if defined(__GNUC__) || defined(__clang__)
#define AC_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define AC_LIKELY(x)   __builtin_expect(!!(x), 1)
#else
#define AC_UNLIKELY(x) (x)
#define AC_LIKELY(x)   (x)
#endif

/* ------------------------------------------------------------------ */
/* Types and objects                                                   */
/* ------------------------------------------------------------------ */

typedef enum ac_kind {
    AC_K_NONE,
    AC_K_BOOL,
    AC_K_INT,
    AC_K_FLOAT,
    AC_K_STR,
    AC_K_LIST,
    AC_K_TUPLE,
    AC_K_EXC,
    AC_K_TASK,
    AC_K_OBJECT, /* descriptor only: any object, printed by its own kind */
    AC_K_BOX,    /* object only: a value of any type with its descriptor */
    AC_K_DICT,
    AC_K_SET,
    AC_K_FROZENSET,
    AC_K_DICTVIEW,
    AC_K_SYNC, /* asyncio.Event, Lock, Semaphore, Queue (rt_sync.c) */
    AC_K_GEN,  /* a generator object (rt_gen.c) */
    AC_K_TIO,  /* tinyio's Loop, Event, Semaphore, ... (rt_tinyio.c) */
    AC_K_INST, /* an instance of a user class (rt_class.c) */
    AC_K_FN,   /* a function value (rt_func.c) */
    AC_K_NKINDS
} ac_kind;

union ac_val {
    int64_t i;
    double f;
    void *p;
};

/* Constructors used by generated code (C99 has no designated-initialiser
 * expressions for unions in every position). */
static inline ac_val ac_int_val(int64_t i) {
    ac_val v;
    v.i = i;
    return v;
}
static inline ac_val ac_float_val(double f) {
    ac_val v;
    v.f = f;
    return v;
}
static inline ac_val ac_ptr_val(void *p) {
    ac_val v;
    v.p = p;
    return v;
}

/* A static type descriptor.  list[T]: n == 1, elems[0] == T.
 * tuple[A, B]: n == 2, elems == {A, B}.  Task[T]: elems[0] == T.
 * The compiler emits descriptors for composite types as static consts. */
struct ac_type {
    uint8_t kind;
    uint8_t n;
    const struct ac_type *const *elems;
};

extern const ac_type ac_t_none, ac_t_bool, ac_t_int, ac_t_float, ac_t_str, ac_t_exc, ac_t_object;

typedef struct ac_obj {
    int32_t rc;
    uint32_t kind;
} ac_obj;

#define AC_IMMORTAL (-1)

/* The reference count's fast paths, inline in generated code (the program
 * template maps ac_incref/ac_decref onto them): a call per count change was
 * most of an object-heavy program's time (bench/richards.py).  The table of
 * free functions per kind is rt_obj.c's. */
extern void (*rt_obj_free[AC_K_NKINDS])(ac_obj *o);
static inline void ac_incref_inline(void *obj) {
    ac_obj *o = (ac_obj *)obj;
    if (o && o->rc >= 0) o->rc++;
}
static inline void ac_decref_inline(void *obj) {
    ac_obj *o = (ac_obj *)obj;
    if (o && o->rc >= 0 && --o->rc == 0) rt_obj_free[o->kind](o);
}

/* Strings: immutable UTF-8, NUL-terminated; len in bytes, nchars in code
 * points.  Literals are static with rc == AC_IMMORTAL:
 *   static ac_str s1 = { {AC_IMMORTAL, AC_K_STR}, 5, 5, "hello" };
 * Heap strings store their bytes right after the struct (s points there). */
struct ac_str {
    ac_obj h;
    int64_t len;
    int64_t nchars;
    const char *s;
};

struct ac_list {
    ac_obj h;
    const ac_type *elem;
    int64_t len, cap;
    ac_val *items;
};

struct ac_tuple {
    ac_obj h;
    const ac_type *type; /* kind AC_K_TUPLE, n elements */
    ac_val items[1];     /* really type->n items (allocated to fit) */
};

/* Exception classes form a single-inheritance tree.  A program's own
 * exception class may have attributes and methods (check_class.c): its
 * record then gives the slots every instance carries (bases' first, as
 * ac_uclass does) and its __str__/__repr__ (NULL: BaseException's). */
struct ac_class {
    const char *name;
    const struct ac_class *base;
    uint32_t nslots;
    const ac_type *const *slots;
    ac_str *(*str)(ac_exc *self);
    ac_str *(*repr)(ac_exc *self);
};
#define AC_CLASS(name, base) {name, base, 0, NULL, NULL, NULL}

/* Where an exception passed through a line of the program: one static
 * record per (function, line) that can raise, emitted by the compiler with
 * the source line's text (stripped, NULL when unknown).  CPython's
 * traceback entry, built the same way: while an error unwinds, each frame
 * it leaves appends its record (ac_tb_here), on the error path only. */
typedef struct ac_tb_site {
    const char *file;
    const char *func; /* "<module>" for top-level statements */
    const char *text;
    int32_t line;
} ac_tb_site;

struct ac_exc {
    ac_obj h;
    const ac_class *cls;
    ac_tuple *args; /* never NULL once constructed */
    /* the traceback, innermost first (printed outermost first) */
    const ac_tb_site **tb;
    uint32_t ntb, captb;
    ac_exc *context; /* __context__ (owned), printed before it */
    ac_exc *cause;   /* __cause__ (owned): `raise ... from cause` */
    int suppress;    /* __suppress_context__: set by any `raise ... from` */
    uint32_t pad;
    uint64_t set;  /* as ac_inst.set: slot k was stored */
    ac_val *slots; /* cls->nslots attributes, in the same block */
};

extern const ac_class ac_cls_BaseException, ac_cls_Exception, ac_cls_ArithmeticError, ac_cls_LookupError,
    ac_cls_ValueError, ac_cls_TypeError, ac_cls_KeyError, ac_cls_IndexError, ac_cls_ZeroDivisionError,
    ac_cls_OverflowError, ac_cls_RuntimeError, ac_cls_AssertionError, ac_cls_OSError, ac_cls_TimeoutError,
    ac_cls_NotImplementedError, ac_cls_CancelledError, ac_cls_KeyboardInterrupt, ac_cls_SystemExit, ac_cls_ImportError,
    ac_cls_ModuleNotFoundError, ac_cls_EOFError, ac_cls_AttributeError, ac_cls_MemoryError, ac_cls_RecursionError,
    ac_cls_NameError, ac_cls_UnboundLocalError,
    ac_cls_ConnectionError, ac_cls_BrokenPipeError, ac_cls_ConnectionAbortedError, ac_cls_ConnectionRefusedError, ac_cls_ConnectionResetError;

/* list[object] (gather with return_exceptions=True) holds exceptions as
 * they are and every other value boxed with its type. */
typedef struct ac_box {
    ac_obj h;
    const ac_type *type;
    ac_val v;
} ac_box;
ac_box *ac_box_new(const ac_type *t, ac_val v); /* steals v */

/* Instances of user classes (rt_class.c): one object whose attributes are
 * slots, typed by the class record the compiler emits.  The dunder hooks
 * are the class's own methods (NULL: object's behaviour), called by the
 * runtime's generic print, ==, <, hash (containers, boxed objects). */
typedef struct ac_uclass ac_uclass;
typedef struct ac_inst ac_inst;
struct ac_uclass {
    const char *name;
    const ac_uclass *base;
    uint32_t nslots;
    const ac_type *const *slots; /* the type of each slot */
    ac_str *(*repr)(ac_inst *self);
    ac_str *(*str)(ac_inst *self);
    int (*eq)(ac_inst *self, ac_inst *other);
    int (*lt)(ac_inst *self, ac_inst *other);
    int64_t (*hash)(ac_inst *self);
    int unhashable; /* __eq__ without __hash__: __hash__ is None */
    int (*bool_)(ac_inst *self);    /* __bool__ */
    int64_t (*len)(ac_inst *self);  /* __len__ */
};
struct ac_inst {
    ac_obj h;
    const ac_uclass *cls;
    /* bit k: slot k was stored (for the attributes a method may leave
     * unassigned, whose reads the compiler checks) */
    uint64_t set;
    ac_val slots[1]; /* really cls->nslots (allocated to fit) */
};
extern const ac_type ac_t_inst;
ac_inst *ac_inst_new(const ac_uclass *c); /* slots zero: None / 0 */
int ac_inst_isinstance(const ac_inst *o, const ac_uclass *c);
void ac_inst_set(ac_inst *o, uint32_t slot, ac_val v); /* steals v */
ac_str *ac_inst_repr(ac_inst *o); /* __repr__ or <__main__.C object at 0x...> */
ac_str *ac_inst_str(ac_inst *o);  /* __str__, else repr */
int ac_inst_eq(ac_inst *a, ac_inst *b);
int ac_inst_cmp(ac_inst *a, ac_inst *b); /* by __lt__; TypeError without it */
int64_t ac_inst_hash(ac_inst *o);
int ac_inst_truth(ac_inst *o); /* __bool__, else __len__() != 0, else true */
/* AttributeError("'C' object has no attribute 'x'") for a slot read
 * before any store */
void ac_inst_no_attr(const ac_inst *o, const char *name);
/* the same on None: an attribute or method of a C | None receiver */
void ac_none_no_attr(const char *name);
void ac_inst_no_setter(const ac_inst *o, const char *name); /* a property without one */
/* a store to a field of a frozen dataclass */
extern const ac_class ac_cls_FrozenInstanceError;
void ac_inst_frozen(const char *field);

void ac_incref(void *obj);
void ac_decref(void *obj); /* frees at zero, releasing children */
/* Release an ac_val of the given type (no-op for scalars). */
void ac_val_decref(ac_val v, const ac_type *t);
void ac_val_incref(ac_val v, const ac_type *t);
/* gc.collect(): frees the reference cycles no one outside them holds;
 * returns how many objects it freed (rt_gc.c) */
int64_t ac_gc_collect(void);

/* ------------------------------------------------------------------ */
/* Errors                                                              */
/* ------------------------------------------------------------------ */

extern ac_exc *ac_err; /* the exception being propagated */

void ac_raise(ac_exc *e); /* steals e; replaces any ac_err */
void ac_raise_msg(const ac_class *cls, const char *fmt, ...);
void ac_raise_str(const ac_class *cls, ac_str *msg);      /* borrows msg */
ac_exc *ac_take_err(void);                                /* returns ac_err and clears it */
int ac_exc_matches(const ac_exc *e, const ac_class *cls); /* isinstance */
/* cls(*args): args is a tuple whose type descriptor the compiler emitted */
ac_exc *ac_exc_new(const ac_class *cls, ac_tuple *args); /* steals args */
ac_str *ac_exc_str(const ac_exc *e);                     /* str(e), CPython rules */
ac_str *ac_exc_repr(const ac_exc *e);                    /* repr(e): ValueError('x') */
/* BaseException's own __str__/__repr__ (super().__str__() in a class
 * that defines its own) */
ac_str *ac_exc_base_str(const ac_exc *e);
ac_str *ac_exc_base_repr(const ac_exc *e);
ac_tuple *ac_exc_args(const ac_exc *e);                  /* e.args, new reference */
/* BaseException.__init__(self, *args) called again (super().__init__ in a
 * user class's __init__): e.args becomes args (stolen) */
void ac_exc_set_args(ac_exc *e, ac_tuple *args);
void ac_exc_set(ac_exc *e, uint32_t slot, ac_val v); /* steals v */
void ac_exc_no_attr(const ac_exc *e, const char *name); /* AttributeError */
/* Print "Traceback (most recent call last):" and the frames the exception
 * passed through, then the CPython last line ("ValueError: msg", or just
 * "ValueError" when str(e) is empty); its context first, as CPython does. */
void ac_report_uncaught(const ac_exc *e);
/* Append s to the traceback of ac_err (which is set): generated code calls
 * it on its error paths only, where an error leaves a line for a handler
 * of the same function. */
void ac_tb_here(const ac_tb_site *s);
/* Where an error leaves a line for the function's exit (L_fail), the path
 * only stores the line's record here, and the exit appends it
 * (ac_tb_leave, a tail call): a store keeps no register alive across a
 * call, so the compiler lays the hot path out as if the traceback did not
 * exist.  NULL except between such a store and its exit. */
extern const ac_tb_site *ac_tb_at;
/* ac_err escapes an except block that handled `handled`: it becomes its
 * __context__ (unless it is that exception, or one is set already), and
 * the report prints "During handling of the above exception ..." */
void ac_exc_chain(ac_exc *handled);
/* raise e from cause (NULL: from None); steals cause */
void ac_exc_set_cause(ac_exc *e, ac_exc *cause);
ac_exc *ac_exc_cause(const ac_exc *e);   /* e.__cause__: a new reference or NULL */
ac_exc *ac_exc_context(const ac_exc *e); /* e.__context__ */
/* The exit status of an uncaught SystemExit (CPython's rules: no argument
 * or None is 0, an int is itself, anything else is printed to stderr and
 * is 1). */
int ac_system_exit_status(const ac_exc *e);

/* ------------------------------------------------------------------ */
/* int and float arithmetic with Python semantics                      */
/* ------------------------------------------------------------------ */

/* Overflow raises OverflowError("integer overflow") (a documented
 * difference from CPython's unbounded ints). */
int64_t ac_int_overflow(void); /* raises OverflowError, returns 0 */

/* r = a op b; nonzero (r unset) when the exact result does not fit.  The
 * compiler's builtins where it has them (one instruction and a flag test),
 * else plain C99 that tests the operands before operating.
 * -DAC_NO_OVERFLOW_BUILTINS forces the C99 versions (tests/runtime). */
#if !defined(AC_NO_OVERFLOW_BUILTINS)
#if defined(__has_builtin)
#if __has_builtin(__builtin_add_overflow) && __has_builtin(__builtin_sub_overflow) &&                                  \
    __has_builtin(__builtin_mul_overflow)
#define AC_OVERFLOW_BUILTINS 1
#endif
#elif defined(__GNUC__) && __GNUC__ >= 5
#define AC_OVERFLOW_BUILTINS 1
#endif
#endif

#ifdef AC_OVERFLOW_BUILTINS
static inline int ac_add_overflows(int64_t a, int64_t b, int64_t *r) { return __builtin_add_overflow(a, b, r); }
static inline int ac_sub_overflows(int64_t a, int64_t b, int64_t *r) { return __builtin_sub_overflow(a, b, r); }
static inline int ac_mul_overflows(int64_t a, int64_t b, int64_t *r) { return __builtin_mul_overflow(a, b, r); }
#else
static inline int ac_add_overflows(int64_t a, int64_t b, int64_t *r) {
    if ((b > 0 && a > INT64_MAX - b) || (b < 0 && a < INT64_MIN - b)) return 1;
    *r = a + b;
    return 0;
}
static inline int ac_sub_overflows(int64_t a, int64_t b, int64_t *r) {
    if ((b < 0 && a > INT64_MAX + b) || (b > 0 && a < INT64_MIN + b)) return 1;
    *r = a - b;
    return 0;
}
static inline int ac_mul_overflows(int64_t a, int64_t b, int64_t *r) {
    if (a > 0 ? (b > 0 ? a > INT64_MAX / b : b < INT64_MIN / a)
              : (b > 0 ? a < INT64_MIN / b : (a != 0 && b < INT64_MAX / a)))
        return 1;
    *r = a * b;
    return 0;
}
#endif

/* inline: these run in every loop of compiled code */
static inline int64_t ac_int_add(int64_t a, int64_t b) {
    int64_t r;
    return AC_UNLIKELY(ac_add_overflows(a, b, &r)) ? ac_int_overflow() : r;
}
static inline int64_t ac_int_sub(int64_t a, int64_t b) {
    int64_t r;
    return AC_UNLIKELY(ac_sub_overflows(a, b, &r)) ? ac_int_overflow() : r;
}
static inline int64_t ac_int_mul(int64_t a, int64_t b) {
    int64_t r;
    return AC_UNLIKELY(ac_mul_overflows(a, b, &r)) ? ac_int_overflow() : r;
}
int64_t ac_int_neg(int64_t a);
int64_t ac_int_floordiv(int64_t a, int64_t b); /* floor; ZeroDivisionError */
int64_t ac_int_mod(int64_t a, int64_t b);      /* sign of b */
int64_t ac_int_pow(int64_t a, int64_t b);      /* b < 0: ValueError */
double ac_int_truediv(int64_t a, int64_t b);
int64_t ac_int_abs(int64_t a);
int64_t ac_int_lshift(int64_t a, int64_t b);
int64_t ac_int_rshift(int64_t a, int64_t b);
double ac_float_div(double a, double b);
double ac_float_floordiv(double a, double b);
double ac_float_mod(double a, double b);
double ac_float_pow(double a, double b);
int64_t ac_float_to_int(double a);                  /* int(x): trunc, errors */
int64_t ac_float_round(double a);                   /* round(x) */
double ac_float_round_n(double a, int64_t ndigits); /* round(x, n) */

/* ------------------------------------------------------------------ */
/* Strings                                                             */
/* ------------------------------------------------------------------ */

ac_str *ac_str_new(const char *bytes, int64_t len); /* copies */
ac_str *ac_str_from_cstr(const char *s);
ac_str *ac_str_from_int(int64_t v);
ac_str *ac_str_from_float(double v); /* repr: shortest round-trip */
ac_str *ac_str_from_bool(int v);
ac_str *ac_str_none(void);            /* "None" */
ac_str *ac_str_repr(const ac_str *s); /* CPython quoting rules */
/* str(v) / repr(v) for any value given its type descriptor. */
ac_str *ac_str_of(ac_val v, const ac_type *t);
ac_str *ac_repr_of(ac_val v, const ac_type *t);

ac_str *ac_str_concat(const ac_str *a, const ac_str *b);
ac_str *ac_str_repeat(const ac_str *a, int64_t n);
/* Build from n parts in one allocation (f-strings, join of known parts). */
ac_str *ac_str_build(int n, ac_str *const *parts);
int64_t ac_str_len(const ac_str *s);              /* code points */
ac_str *ac_str_index(const ac_str *s, int64_t i); /* IndexError */
/* Slice: has_* say whether the bound was given (None means absent).
 * step 0 raises ValueError("slice step cannot be zero"). */
ac_str *ac_str_slice(const ac_str *s, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                     int64_t step);
int ac_str_eq(const ac_str *a, const ac_str *b);
int ac_str_cmp(const ac_str *a, const ac_str *b); /* <0, 0, >0 by code point */
int ac_str_contains(const ac_str *hay, const ac_str *needle);
ac_str *ac_str_join(const ac_str *sep, const ac_list *parts);
ac_list *ac_str_split(const ac_str *s, const ac_str *sep /* NULL: whitespace */, int64_t maxsplit);
ac_str *ac_str_strip(const ac_str *s, const ac_str *chars /* NULL: ws */);
ac_str *ac_str_lstrip(const ac_str *s, const ac_str *chars);
ac_str *ac_str_rstrip(const ac_str *s, const ac_str *chars);
ac_str *ac_str_upper(const ac_str *s);
/* rt_str_layout.c */
ac_list *ac_str_splitlines(const ac_str *s, int keepends);
ac_str *ac_str_title(const ac_str *s);
ac_str *ac_str_ljust(const ac_str *s, int64_t width, const ac_str *fill);
ac_str *ac_str_rjust(const ac_str *s, int64_t width, const ac_str *fill);
ac_str *ac_str_center(const ac_str *s, int64_t width, const ac_str *fill);
ac_str *ac_str_zfill(const ac_str *s, int64_t width);
ac_str *ac_str_lower(const ac_str *s);
int ac_str_startswith(const ac_str *s, const ac_str *prefix);
int ac_str_endswith(const ac_str *s, const ac_str *suffix);
ac_str *ac_str_replace(const ac_str *s, const ac_str *old, const ac_str *new_, int64_t count /* -1: all */);
int64_t ac_str_find(const ac_str *s, const ac_str *sub); /* code points */
int64_t ac_str_rfind(const ac_str *s, const ac_str *sub);
int64_t ac_str_count(const ac_str *s, const ac_str *sub);
int ac_str_isdigit(const ac_str *s);
int ac_str_isalpha(const ac_str *s);
int ac_str_isspace(const ac_str *s);
int64_t ac_str_to_int(const ac_str *s, int64_t base); /* int(s); ValueError */
double ac_str_to_float(const ac_str *s);              /* float(s) */
/* Iteration over characters: *pos is a byte offset, starts at 0. Returns
 * the next one-character string, or NULL at the end. */
ac_str *ac_str_next_char(const ac_str *s, int64_t *pos);
ac_list *ac_str_split_chars(const ac_str *s); /* list(s) */
/* s.partition(sep), s.rpartition(sep): t is tuple[str, str, str]'s descriptor */
ac_tuple *ac_str_partition(const ac_str *s, const ac_str *sep, const ac_type *t);
ac_tuple *ac_str_rpartition(const ac_str *s, const ac_str *sep, const ac_type *t);

/* format(v, spec): the format-spec mini-language (fill, align, sign, #, 0,
 * width, grouping, precision, type).  ValueError on a bad spec, with
 * CPython's messages. */
ac_str *ac_format_int(int64_t v, const ac_str *spec);
ac_str *ac_format_float(double v, const ac_str *spec);
ac_str *ac_format_str(const ac_str *v, const ac_str *spec);
ac_str *ac_format_bool(int v, const ac_str *spec);
ac_str *ac_format(ac_val v, const ac_type *t, const ac_str *spec);

/* ------------------------------------------------------------------ */
/* Lists and tuples                                                    */
/* ------------------------------------------------------------------ */

/* items are stolen (the list takes the references) */
ac_list *ac_list_new(const ac_type *elem, int64_t n, const ac_val *items);
int64_t ac_list_len(const ac_list *l);
ac_val ac_list_get(const ac_list *l, int64_t i);      /* borrowed; IndexError */
void ac_list_set(ac_list *l, int64_t i, ac_val v);    /* steals v; IndexError */
void ac_list_append(ac_list *l, ac_val v);            /* steals v */
/* append with room left, inline (generated code maps ac_list_append onto
 * it): a list built by a loop or a comprehension pays no call per item */
static inline void ac_list_append_inline(ac_list *l, ac_val v) {
    if (l->len < l->cap)
        l->items[l->len++] = v;
    else
        ac_list_append(l, v);
}
void ac_list_insert(ac_list *l, int64_t i, ac_val v); /* steals v */
ac_val ac_list_pop(ac_list *l, int64_t i);            /* new ref; IndexError */
int64_t ac_list_index(const ac_list *l, ac_val v);    /* ValueError */
int ac_list_contains(const ac_list *l, ac_val v);
ac_list *ac_list_slice(const ac_list *l, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                       int64_t step);
ac_list *ac_list_concat(const ac_list *a, const ac_list *b);
ac_list *ac_list_repeat(const ac_list *a, int64_t n);
ac_list *ac_list_sorted(const ac_list *l, int reverse);
void ac_list_sort(ac_list *l, int reverse);
void ac_list_reverse(ac_list *l);
ac_val ac_list_sum(const ac_list *l); /* int or float lists; objects: new ref */
ac_val ac_list_min(const ac_list *l); /* new ref; ValueError */
ac_val ac_list_max(const ac_list *l);
ac_list *ac_list_copy(const ac_list *l);
void ac_list_extend(ac_list *l, const ac_list *other);

ac_tuple *ac_tuple_new(const ac_type *type, const ac_val *items); /* steals */

/* enumerate/zip/reversed as lists (tuple_t describes their tuples), and
 * key= sorting and min/max given keys[i] = key(l[i]) */
ac_list *ac_enumerate(const ac_list *l, int64_t start, const ac_type *tuple_t);
ac_list *ac_zip(int n, const ac_list *const *lists, const ac_type *tuple_t);
ac_list *ac_zip_star(const ac_list *rows, const ac_type *col_t); /* zip(*rows) */
ac_list *ac_list_reversed(const ac_list *l);
ac_list *ac_list_sorted_by(const ac_list *l, const ac_list *keys, int reverse);
void ac_list_sort_by(ac_list *l, const ac_list *keys, int reverse);
ac_val ac_list_extreme_by(const ac_list *l, const ac_list *keys, int want_max);

/* Generic comparisons used by lists, tuples, min/max/sorted and ==. */
int ac_val_eq(ac_val a, ac_val b, const ac_type *t);
int ac_val_cmp(ac_val a, ac_val b, const ac_type *t); /* TypeError if unordered */

#include "asyncc_lib.h" /* sys, time, random, object, dict and set */

/* ------------------------------------------------------------------ */
/* Output                                                              */
/* ------------------------------------------------------------------ */

/* stdout is line-buffered on a terminal and block-buffered otherwise, as
 * CPython's; stderr is written through.  ac_out_stdout/ac_out_stderr name
 * the stream for print(file=...) and sys.stdout/sys.stderr.write. */
void ac_write(const ac_str *s); /* to stdout, buffered */
void ac_write_cstr(const char *s);
void ac_flush(void);
enum { AC_OUT_STDOUT = 1, AC_OUT_STDERR = 2 };
void ac_write_to(int stream, const ac_str *s);
void ac_write_cstr_to(int stream, const char *s);
void ac_flush_to(int stream);
int64_t ac_stdout_write(const ac_str *s); /* sys.stdout.write: len(s) */
int64_t ac_stderr_write(const ac_str *s);
void ac_stdout_flush(void);
void ac_stderr_flush(void);

/* ------------------------------------------------------------------ */
/* Coroutines, tasks and the scheduler                                 */
/* ------------------------------------------------------------------ */

/* The two "not finished" statuses are the largest, so generated code tests
 * `st >= AC_SUSPEND` and passes st up unchanged. */
typedef enum ac_status {
    AC_DONE = 0,
    AC_ERROR = 1,
    AC_SUSPEND = 2, /* waiting on the wait record set by a begin call */
    AC_YIELD = 3,   /* `await sleep(0)`: requeue me for the next round */
    AC_ITEM = 4,    /* an async generator's `yield v`: v is in the frame's ret;
                     * only its driver (rt_agen.c) ever sees it */
    AC_PAUSE = 5    /* a generator's bare `yield` (yield type object): it
                     * yielded None without storing it in ret; only the
                     * drivers of generators (rt_gen.c, rt_tinyio.c) see it */
} ac_status;

/* A yield (`await asyncio.sleep(0)` with a literal delay) is not a call
 * (AC_AWAIT_YIELD below):
 *
 *     f->state = N; return AC_YIELD;
 *   LN:
 *     if (ac_err != NULL) goto handler;    // cancelled while yielding
 *
 * The task's step requeues the task; a cancellation that arrives meanwhile
 * is thrown in: the next step resumes the frames with ac_err already set to
 * CancelledError, and the innermost frame finds it at LN.  A frame that
 * yields holds no wait record, so its drop has nothing to release for it. */

/* Per async def, emitted by the compiler.  Every frame struct begins with
 * `ac_val ret;` (the result, typed by vt->ret, valid after AC_DONE) followed
 * by its state number; state 0 means "not started". */
struct ac_coro_vt {
    ac_status (*resume)(void *frame);
    /* Release what an unfinished frame holds: parameters when state == 0,
     * the live locals of the await it is suspended at otherwise, and that
     * await's wait record: call ac_wait_drop(&f->w) (a no-op on an idle
     * record) and the drop of any inline child frame that is active.
     * Never called on a frame that returned AC_DONE or AC_ERROR. */
    void (*drop)(void *frame);
    const char *name;
    const ac_type *ret; /* result type */
    uint32_t frame_size;
    /* where the async def is (file, line, name) for reports such as "Task
     * exception was never retrieved"; NULL when unknown */
    const ac_tb_site *def;
};

/* ac_task: a coroutine object or task (the same object: a coroutine
 * becomes a task when it is scheduled).  The frame follows the struct in
 * the same block; AC_TASK_FRAME(t) points at it.  Fields are private to the
 * runtime (rt_sched.h). */

/* Allocate a coroutine object with a zeroed frame of vt->frame_size bytes;
 * the caller fills the frame's parameters through AC_TASK_FRAME. */
ac_task *ac_coro_new(const ac_coro_vt *vt);
void *ac_task_frame(ac_task *t);
/* The frame of a recursive `await f(...)`: the caller runs it by direct
 * calls like an inline child, so it needs no task header; just a block of
 * `size` bytes (uninitialised, 8-aligned) from the runtime's frame pool.
 * The pool is a LIFO free list per 8-byte size class over blocks carved
 * from slabs (rt_task.c); a block always goes back to its class's list.
 * The fast paths are inline because a recursive await is otherwise only a
 * call and a switch, and `size` is a constant there, so the class
 * arithmetic folds away.  Under AddressSanitizer every block goes through
 * the runtime, which gives each its own allocation and poisons freed ones. */
#define AC_POOL_MAXSIZE 1024        /* larger blocks are not pooled */
#define AC_POOL_BYTES   (64 * 1024) /* ASan: at most this much per class */
typedef struct ac_pool_list {
    void *head;
    uint32_t n; /* blocks on the list; kept only under ASan (rt_task.c) */
} ac_pool_list;
extern ac_pool_list ac_frame_pool[AC_POOL_MAXSIZE / 8 + 1];
void *ac_frame_alloc_slow(size_t size);
void ac_frame_free_slow(void *frame, size_t size);

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AC_POOL_CHECKED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define AC_POOL_CHECKED 1
#endif

static inline void *ac_frame_alloc(size_t size) {
#ifndef AC_POOL_CHECKED
    size_t n = (size + 7) & ~(size_t)7;
    ac_pool_list *l = &ac_frame_pool[n / 8];
    void *b;
    if (n <= AC_POOL_MAXSIZE && (b = l->head) != NULL) {
        l->head = *(void **)b;
        return b;
    }
#endif
    return ac_frame_alloc_slow(size);
}

static inline void ac_frame_free(void *frame, size_t size) {
#ifndef AC_POOL_CHECKED
    size_t n = (size + 7) & ~(size_t)7;
    ac_pool_list *l = &ac_frame_pool[n / 8];
    if (n <= AC_POOL_MAXSIZE) {
        *(void **)frame = l->head;
        l->head = frame;
        return;
    }
#endif
    ac_frame_free_slow(frame, size);
}
/* The header's size is public (the object header, three pointer-sized
 * words, two 32-bit ones; rt_sched.h checks it against the struct) so that
 * filling a new frame's parameters costs no call. */
#define AC_TASK_HEAD           (sizeof(ac_obj) + 3 * sizeof(void *) + 8)
#define AC_TASK_FRAME(t, type) ((type *)(void *)((char *)(t) + AC_TASK_HEAD))

/* The wait record an await point keeps inside its frame: the timer node,
 * the waiter-list node on the awaited task, the awaited object.  All fields
 * are private to the runtime; a zeroed record is idle.  One record per
 * frame is enough (a frame waits on one thing at a time).  32 bytes on
 * LP64 and on 32-bit targets. */
typedef struct ac_wait {
    uintptr_t link; /* ready-queue or waiter-list link */
    void *owner;    /* the waiting task (or a gather block) */
    void *obj;      /* the awaited task / coroutine / gather block */
    uint32_t idx;   /* index in the timer heap */
    uint8_t kind;   /* 0: idle */
    uint8_t st;     /* outcome */
    uint16_t bits;  /* phase and bookkeeping bits */
#if UINTPTR_MAX < UINT64_MAX
    /* an armed timer's deadline and sequence number; with 64-bit pointers
     * they live in link and obj, which an armed sleep does not use */
    double when;
    uint64_t seq;
#endif
} ac_wait;

/* Every leaf await is two calls around a suspension (AC_AWAIT below).
 * `st` is a local of the resume function:
 *
 *     st = ac_X_begin(&f->w, ...);
 *     if (st >= AC_SUSPEND) { f->state = N; return st;
 *   LN:  (case N of the resume switch jumps here)
 *         st = ac_wait_end(&f->w);
 *         if (st >= AC_SUSPEND) return st;    // still waiting
 *     }
 *     if (st == AC_ERROR) goto handler;
 *     x = ac_wait_result(&f->w);    // AC_DONE: ALWAYS call it exactly once
 *                                   // (decref the value if unused)
 *
 * begin may also complete at once (AC_DONE) or raise (AC_ERROR).
 * ac_wait_end may return AC_SUSPEND again (wait_for waiting for its
 * cancelled child), and begin/end of an inline coroutine return whatever
 * the coroutine returned, AC_YIELD included: the frame then stays in state
 * N.  After a resume, ac_wait_end raises CancelledError if the current task
 * was cancelled while waiting, and otherwise reports the awaited result.
 * After AC_ERROR the record is idle again (nothing to release); after
 * AC_DONE ac_wait_result makes it idle.  A frame dropped while suspended
 * releases its record with ac_wait_drop. */
ac_status ac_sleep_begin(ac_wait *w, double seconds);
/* await on a coroutine object or task held in a variable (borrowed; the
 * record takes its own reference).  A fresh coroutine runs inline in the
 * current task; a task is waited for (a finished one gives its result at
 * once).  Awaiting a coroutine that was already awaited raises
 * RuntimeError("cannot reuse already awaited coroutine"). */
ac_status ac_await_begin(ac_wait *w, ac_task *t);
ac_status ac_wait_end(ac_wait *w);
/* The value of a finished await (new reference for objects).  Types:
 * sleep -> None; coroutine/task/wait_for/with_timeout -> the child's
 * vt->ret; gather -> ac_list* (element type as passed to begin). */
ac_val ac_wait_result(ac_wait *w);
/* Release an active wait record (frame dropped while suspended, or an
 * AC_DONE result that is not wanted).  No-op on an idle record. */
void ac_wait_drop(ac_wait *w);

/* asyncio spelling */
ac_task *ac_create_task(ac_task *coro); /* steals coro, returns task */
int ac_task_cancel(ac_task *t);         /* task.cancel() */
int ac_task_done(const ac_task *t);
int ac_task_cancelled(const ac_task *t);
/* task.result(): raises the task's exception, CancelledError, or
 * InvalidStateError("Result is not set.") when not done. */
ac_val ac_task_get_result(ac_task *t);
extern const ac_class ac_cls_InvalidStateError; /* base: Exception */
/* The rarely used part of the task API (rt_taskx.c): names ('Task-N'
 * unless named), cancel(msg) and the count of cancellation requests,
 * exception() (None when the task returned), current_task(). */
ac_task *ac_create_task_named(ac_task *coro, ac_str *name); /* steals coro; name NULL: 'Task-N' */
int ac_task_cancel_msg(ac_task *t, ac_str *msg);            /* msg NULL: no message */
int64_t ac_task_cancelling(ac_task *t);
int64_t ac_task_uncancel(ac_task *t);
ac_str *ac_task_get_name(ac_task *t);
void ac_task_set_name(ac_task *t, ac_str *name);
ac_exc *ac_task_exception(ac_task *t); /* new reference or NULL (None) */
ac_task *ac_current_task(void);        /* new reference */
ac_set *ac_all_tasks(const ac_type *set_t); /* set[Task[object]] */
/* add_done_callback(fn): the compiler writes an ac_done_fn per callback
 * def ("thunk"); env is what it closes over (borrowed; NULL: nothing);
 * name is the def's, for the report of an exception in the callback */
typedef void (*ac_done_fn)(ac_obj *env, ac_task *fut);
void ac_task_add_done_callback(ac_task *t, ac_done_fn fn, ac_obj *env, const char *name);
int64_t ac_task_remove_done_callback(ac_task *t, ac_done_fn fn);
/* a function value (method NULL) or the bound method env.method */
int64_t ac_task_remove_done_callback_value(ac_task *t, ac_obj *env, const char *method);
/* gather: children are coroutines or tasks (stolen; the array itself is
 * borrowed).  The result is a list whose element type is elem.  With
 * return_exceptions the failed children's items are their ac_exc* objects
 * (and CancelledError('') for cancelled ones), so elem must then describe
 * a type that can hold an exception object: list[object], whose other
 * items are boxed (ac_box). */
ac_status ac_gather_begin(ac_wait *w, int64_t n, ac_task **children, const ac_type *elem, int return_exceptions);
/* gather(*l): the same with the children in a list (stolen); a list held
 * nowhere else lends its items array to gather instead of being copied. */
ac_status ac_gather_list_begin(ac_wait *w, ac_list *children, const ac_type *elem, int return_exceptions);
ac_status ac_wait_for_begin(ac_wait *w, ac_task *child, /* stolen */
                            int has_timeout, double timeout);

/* builtins spelling (Edge Python semantics) */
ac_status ac_edge_gather_begin(ac_wait *w, int64_t n, ac_task **children, const ac_type *elem); /* children stolen */
ac_status ac_edge_gather_list_begin(ac_wait *w, ac_list *children, const ac_type *elem);        /* stolen */
ac_status ac_with_timeout_begin(ac_wait *w, double seconds, ac_task *child);                    /* stolen */
void ac_edge_cancel(ac_task *t); /* silent cancel (borrowed) */

/* receive(): the next event the host pushed (FIFO; the longest waiting
 * receiver gets it; events pushed before anyone waits are queued).
 * Result: ac_str*.  frame(): waits for the host's next frame tick; every
 * coroutine waiting resumes on that tick.  Result: None. */
ac_status ac_receive_begin(ac_wait *w);
ac_status ac_frame_begin(ac_wait *w);

/* Deferred host calls.  The wrapper the compiler emits for a deferred host
 * function `f(args) -> T` does
 *     ac_call_id id;
 *     st = ac_host_call_begin(&f->w, &T_descriptor, &id);
 *     if (st == AC_SUSPEND) host_f(id, args...);   // the host's C function
 * and then the usual suspend / ac_wait_end / ac_wait_result.  The host
 * completes the call later (or at once, from inside host_f) with
 * asyncc_call_return / asyncc_call_raise (asyncc.h); the value or error
 * goes to the coroutine that made the call, and only to it.  An id whose
 * caller was cancelled in the meantime is refused: asyncc_call_return
 * returns 0 and the value stays the host's. */
ac_status ac_host_call_begin(ac_wait *w, const ac_type *ret, ac_call_id *id);

/* asyncio's Event, Lock, Semaphore, BoundedSemaphore and queues
 * (rt_sync.c), with CPython 3.11's wake-up order.  The begin calls are
 * awaits like the ones above; acquire/wait results are bool (True).
 * Queue.get's result is the item (new reference); put(x) is
 * ac_queue_put_begin, which waits for room, then ac_queue_put_nowait(x)
 * once it is DONE.  Items are borrowed on the way in. */
typedef struct ac_sync ac_sync;
enum { AC_QUEUE_FIFO, AC_QUEUE_LIFO, AC_QUEUE_PRIORITY };
extern const ac_class ac_cls_QueueEmpty, ac_cls_QueueFull;
ac_sync *ac_event_new(void);
int ac_event_is_set(const ac_sync *e);
void ac_event_set(ac_sync *e);
void ac_event_clear(ac_sync *e);
ac_status ac_event_wait_begin(ac_wait *w, ac_sync *e);
ac_sync *ac_lock_new(void);
int ac_lock_locked(const ac_sync *l);
void ac_lock_release(ac_sync *l);
ac_status ac_lock_acquire_begin(ac_wait *w, ac_sync *l);
ac_sync *ac_semaphore_new(int64_t value);
ac_sync *ac_bounded_semaphore_new(int64_t value);
int ac_semaphore_locked(const ac_sync *s);
void ac_semaphore_release(ac_sync *s);
ac_status ac_semaphore_acquire_begin(ac_wait *w, ac_sync *s);
/* Condition(lock=None): its own Lock unless one is given (borrowed) */
ac_sync *ac_condition_new(ac_sync *lock);
ac_sync *ac_condition_lock(ac_sync *c); /* borrowed */
int ac_condition_locked(const ac_sync *c);
void ac_condition_release(ac_sync *c);
ac_status ac_condition_acquire_begin(ac_wait *w, ac_sync *c);
ac_status ac_condition_wait_begin(ac_wait *w, ac_sync *c);
void ac_condition_notify(ac_sync *c, int64_t n);
void ac_condition_notify_all(ac_sync *c);
/* asyncio.timeout(delay) / timeout_at(when): `async with` calls aenter,
 * then aexit(1) in its except CancelledError (raises TimeoutError when
 * the timeout expired) and aexit(0) in its finally */
ac_sync *ac_timeout_new(double delay);
ac_sync *ac_timeout_at_new(double when);
void ac_timeout_aenter(ac_sync *t);
void ac_timeout_aexit(ac_sync *t, int cancelled);
int ac_timeout_expired(const ac_sync *t);
double ac_timeout_when(const ac_sync *t);
void ac_timeout_reschedule(ac_sync *t, double when);
/* asyncio.wait(fs, timeout=, return_when=): fs is a list or set of tasks
 * (borrowed), return_when NULL or one of the three constants (strings, as
 * in CPython); tt describes the result, tuple[set[Task[T]], set[Task[T]]] */
ac_status ac_asyncio_wait_begin(ac_wait *w, void *fs, ac_str *return_when, int has_timeout, double timeout,
                                const ac_type *tt);
/* asyncio.TaskGroup (rt_taskgroup.c): the parser lowers `async with` to
 * aenter, the body, and `await tg.__aexit__(err or None)` (aexit_begin);
 * create_task steals coro (name NULL: 'Task-N') */
ac_sync *ac_taskgroup_new(void);
void ac_taskgroup_aenter(ac_sync *tg);
ac_status ac_taskgroup_aexit_begin(ac_wait *w, ac_sync *tg, ac_exc *exc);
ac_task *ac_taskgroup_create_task(ac_sync *tg, ac_task *coro, ac_str *name);
extern const ac_class ac_cls_BaseExceptionGroup, ac_cls_ExceptionGroup;
ac_list *ac_exc_group_exceptions(const ac_exc *e); /* eg.exceptions, as a list */
/* except* cls (e borrowed, may be NULL): the matching part as a group, and
 * the rest (e itself when nothing matched); new references or NULL */
ac_exc *ac_eg_match(ac_exc *e, int n, const ac_class *const *cls);
ac_exc *ac_eg_rest(ac_exc *e, int n, const ac_class *const *cls);
/* await asyncio.shield(aw): aw a coroutine or task (stolen) */
ac_status ac_shield_begin(ac_wait *w, ac_task *aw);
/* asyncio.as_completed(fs, timeout=): the awaitables, one per item of fs
 * (a list of coroutines or tasks, borrowed), each giving the next result
 * (ret describes it) in the order they finish; elem describes the list's items */
ac_list *ac_as_completed(ac_list *fs, int has_timeout, double timeout, const ac_type *ret, const ac_type *elem);
ac_str *ac_asyncio_first_completed(void);
ac_str *ac_asyncio_first_exception(void);
ac_str *ac_asyncio_all_completed(void);
/* Futures (rt_future.c): a future is a task without a coroutine, its
 * result an `object`; set_result borrows v (an object).  The loop's
 * callbacks: the compiler writes an ac_call_fn per callback def that
 * calls it with the arguments of the typed tuple args (stolen); env as for
 * done-callbacks.  The handles are ac_sync objects. */
ac_task *ac_loop_create_future(ac_sync *loop);
ac_task *ac_future_new(void);
void ac_future_set_result(ac_task *fut, ac_val v);
void ac_future_set_exception(ac_task *fut, ac_exc *e);
typedef void (*ac_call_fn)(ac_obj *env, ac_tuple *args);
ac_sync *ac_loop_call_soon(ac_sync *loop, ac_call_fn fn, ac_obj *env, ac_tuple *args, const char *name);
ac_sync *ac_loop_call_later(ac_sync *loop, double delay, ac_call_fn fn, ac_obj *env, ac_tuple *args,
                            const char *name);
ac_sync *ac_loop_call_at(ac_sync *loop, double when, ac_call_fn fn, ac_obj *env, ac_tuple *args, const char *name);
void ac_handle_cancel(ac_sync *h);
int ac_handle_cancelled(ac_sync *h);
double ac_handle_when(ac_sync *h);
/* asyncio.get_running_loop() (RuntimeError outside a task) and its
 * methods; the object is immortal */
/* asyncio.Barrier (rt_barrier.c): wait/reset/abort return coroutines */
extern const ac_class ac_cls_BrokenBarrierError;
ac_sync *ac_barrier_new(int64_t parties);
ac_task *ac_barrier_wait(ac_sync *b);
ac_task *ac_barrier_reset(ac_sync *b);
ac_task *ac_barrier_abort(ac_sync *b);
int64_t ac_barrier_parties(ac_sync *b);
int64_t ac_barrier_n_waiting(ac_sync *b);
int ac_barrier_broken(ac_sync *b);
ac_sync *ac_get_running_loop(void);
ac_sync *ac_new_event_loop(void);
void ac_loop_close(ac_sync *loop);
int ac_loop_is_closed(const ac_sync *loop);
/* loop.run_until_complete(coro): steals coro; the result goes to *result */
ac_status ac_loop_run_until_complete(ac_sync *loop, ac_task *coro, ac_val *result);
void ac_loop_run_forever(ac_sync *loop);
/* loop.set_exception_handler(fn): fn(env, loop, context) with a
 * dict[str, object] of type ctx_t; fn NULL for None (rt_exchandler.c) */
typedef void (*ac_exc_handler_fn)(ac_obj *env, ac_sync *loop, ac_dict *ctx);
void ac_loop_set_exception_handler(ac_sync *loop, ac_exc_handler_fn fn, ac_obj *env, const ac_type *ctx_t);
ac_obj *ac_loop_get_exception_handler(ac_sync *loop);
void ac_loop_call_exception_handler(ac_sync *loop, ac_dict *ctx, const ac_type *ctx_t);
void ac_loop_default_exception_handler(ac_sync *loop, ac_dict *ctx);
/* asyncio.Runner: a loop object; run() is run_until_complete, close() is
 * asyncio.run's end (the pending tasks cancelled) */
ac_sync *ac_runner_new(void);
ac_status ac_runner_run(ac_sync *runner, ac_task *coro, ac_val *result);
ac_sync *ac_runner_get_loop(ac_sync *runner);
void ac_runner_close(ac_sync *runner);
void ac_loop_stop(ac_sync *loop);
void ac_set_event_loop(ac_sync *loop); /* one loop: nothing to do */
double ac_loop_time(const ac_sync *loop);
/* await q.put(x) / q.get() when it need not wait: done, 1; else 0 */
int ac_queue_try_put(ac_sync *q, ac_val item); /* item borrowed */
int ac_lock_try_acquire(ac_sync *l);           /* await lock.acquire() done at once: 1 */
int ac_queue_try_get(ac_sync *q, ac_val *out); /* *out: the item, owned */
ac_sync *ac_queue_new(int64_t maxsize, const ac_type *elem, int order);
ac_sync *ac_queue_fifo_new(int64_t maxsize); /* items: object */
ac_sync *ac_queue_lifo_new(int64_t maxsize);
ac_sync *ac_queue_priority_new(int64_t maxsize);
extern const ac_type ac_t_sync;

/* ------------------------------------------------------------------ */
/* Function values (rt_func.c)                                         */
/* ------------------------------------------------------------------ */

/* A def, lambda or closure used as a value: which def (the compiler's
 * number; a call through the value switches on it) and its cells: the
 * boxes of the variables it captures, shared with the function that
 * defined it and every other closure over them, then the boxes of the
 * defaults evaluated where it was defined.  A module-level def's value is
 * a static, immortal ac_fn without cells. */
typedef struct ac_fn {
    ac_obj h;
    int32_t id, n;
    const char *name; /* __qualname__, for repr */
    ac_obj *cells[1]; /* really n (allocated to fit) */
} ac_fn;
extern const ac_type ac_t_fn;
ac_fn *ac_fn_new(int32_t id, const char *name, int32_t ncells); /* cells NULL */
ac_obj *ac_cell_new(const ac_type *t, ac_val v);                /* steals v */
extern const ac_type ac_t_unbound; /* a scalar cell's type while its variable is unbound */
/* The value in a cell as an lvalue of C type T. */
#define AC_CELL(c, T) (*(T *)&((ac_box *)(c))->v)
ac_list *ac_tuple_list(const ac_tuple *t, const ac_type *elem); /* for x in a tuple */
int64_t ac_queue_qsize(const ac_sync *q);
int64_t ac_queue_maxsize(const ac_sync *q);
int ac_queue_empty(const ac_sync *q);
int ac_queue_full(const ac_sync *q);
void ac_queue_put_nowait(ac_sync *q, ac_val item);
ac_val ac_queue_get_nowait(ac_sync *q);
void ac_queue_task_done(ac_sync *q);
ac_status ac_queue_get_begin(ac_wait *w, ac_sync *q);
ac_status ac_queue_put_begin(ac_wait *w, ac_sync *q);
ac_status ac_queue_join_begin(ac_wait *w, ac_sync *q);

/* ------------------------------------------------------------------ */
/* The await protocol, as macros                                       */
/* ------------------------------------------------------------------ */
/*
 * Each await point of a resume function is one line: one of the four
 * macros below, the way protothreads spells its waits.  Generated code and
 * hand-written frames (tests/runtime) both use them, so the protocol is
 * written down only here.
 *
 * They assume the resume function's own names: `f` points at the frame,
 * whose `state` field says which await to come back to, and `st` is an
 * ac_status local.  N is the await's number, a literal from 1 up: the macro
 * defines the label resume_N, which the switch at the top of the resume
 * function jumps to (`case N: goto resume_N;`) and where a debugger can
 * stop (`break resume_3`).  FAIL is the statement that runs when the await
 * raises (ac_err is set): `goto L_fail`, `{ ac_decref(tmp3); goto L_fail; }`,
 * `return AC_ERROR`.  A frame left with a "not finished" status is resumed
 * at resume_N however many times it takes; the status goes up unchanged
 * (`st >= AC_SUSPEND`, see ac_status).
 *
 *   AC_AWAIT(N, w, begin, FAIL)     a leaf await on the wait record w:
 *                                   st = begin (ac_sleep_begin(w, ...),
 *                                   ac_await_begin, ac_gather_begin ...);
 *                                   if it did not finish, suspend, and on
 *                                   resume ask ac_wait_end(w).  Afterwards
 *                                   the caller takes the value with
 *                                   ac_wait_result(w), exactly once.
 *   AC_AWAIT_BEGUN(N, w, FAIL)      the same after a begin call the code
 *                                   made itself (a deferred host call hands
 *                                   the call id to the host in between).
 *   AC_AWAIT_FRAME(N, resume, FAIL) an inline child frame: resume is the
 *                                   child's resume call, repeated on every
 *                                   resume of the parent until it finishes;
 *                                   its result is the child's `ret`.
 *   AC_AWAIT_YIELD(N, FAIL)         `await asyncio.sleep(0)`: give up the
 *                                   rest of this loop round, no record, no
 *                                   call; a cancellation that arrives
 *                                   meanwhile is found in ac_err on resume.
 */
#define AC_AWAIT(N, w, begin, FAIL)                                                                                    \
    do {                                                                                                               \
        st = (begin);                                                                                                  \
        AC_AWAIT_BEGUN(N, w, FAIL);                                                                                    \
    } while (0)

#define AC_AWAIT_BEGUN(N, w, FAIL)                                                                                     \
    do {                                                                                                               \
        if (st >= AC_SUSPEND) {                                                                                        \
            f->state = N;                                                                                              \
            return st;                                                                                                 \
            resume_##N : st = ac_wait_end(w);                                                                          \
            if (st >= AC_SUSPEND) return st;                                                                           \
        }                                                                                                              \
        if (st == AC_ERROR) FAIL;                                                                                      \
    } while (0)

#define AC_AWAIT_FRAME(N, resume, FAIL)                                                                                \
    do {                                                                                                               \
        f->state = N;                                                                                                  \
        resume_##N : st = (resume);                                                                                    \
        if (st >= AC_SUSPEND) return st;                                                                               \
        if (st == AC_ERROR) FAIL;                                                                                      \
    } while (0)

/* AC_AWAIT_FRAME for the child of a recursive async def (a pooled frame):
 * it takes one frame of the recursion limit while its C frame runs, on
 * every resume, like a plain call.  AC_DEPTH_TAKE(FAIL) goes before the
 * child's frame is allocated, on the path that starts it: past the limit
 * FAIL runs with RecursionError set.  A resume of a suspended child takes
 * its frame without the test (it ran within the limit before). */
#define AC_DEPTH_TAKE(FAIL)                                                                                            \
    do {                                                                                                               \
        if (AC_UNLIKELY(--ac_depth_left < 0)) {                                                                        \
            ac_recursion_fail();                                                                                       \
            FAIL;                                                                                                      \
        }                                                                                                              \
    } while (0)

#define AC_AWAIT_DEEP(N, resume, FAIL)                                                                                 \
    do {                                                                                                               \
        f->state = N;                                                                                                  \
        if (0) {                                                                                                       \
            resume_##N : ac_depth_left--;                                                                              \
        }                                                                                                              \
        st = (resume);                                                                                                 \
        ac_depth_left++;                                                                                               \
        if (st >= AC_SUSPEND) return st;                                                                               \
        if (st == AC_ERROR) FAIL;                                                                                      \
    } while (0)

#define AC_AWAIT_YIELD(N, FAIL)                                                                                        \
    do {                                                                                                               \
        f->state = N;                                                                                                  \
        return AC_YIELD;                                                                                               \
        resume_##N : if (AC_UNLIKELY(ac_err != NULL)) FAIL;                                                            \
    } while (0)

/* ------------------------------------------------------------------ */
/* Generators (rt_gen.c)                                               */
/* ------------------------------------------------------------------ */
/*
 * A `def` with `yield` is compiled as an async def is: a frame struct that
 * begins with `ac_val ret; state`, a resume function and a drop, described
 * by an ac_coro_vt.  The frame's `ret` is the mailbox both ways: the driver
 * puts the sent value there (an owned ac_obj *, ac_None for next()) before
 * it calls resume; a `yield v` stores v there (a new reference typed by the
 * generator's yield type) and returns AC_YIELD (a bare yield with yield
 * type object stores nothing and returns AC_PAUSE: None); `return v`
 * leaves the result there with AC_DONE.  throw() sets ac_err before the resume, so the
 * frame finds it at its resume label, as a cancelled await does.  The
 * generator object is one block: this header, then the frame.
 */
typedef struct ac_gen {
    ac_obj h;                   /* kind AC_K_GEN */
    const ac_coro_vt *vt;
    const ac_type *yt;          /* what it yields */
    uint32_t flags;             /* private to rt_gen.c */
    uint32_t pad;
} ac_gen;
#define AC_GEN_FRAME(g, T) ((T *)(void *)((ac_gen *)(g) + 1))

extern const ac_class ac_cls_StopIteration, ac_cls_GeneratorExit;
ac_gen *ac_gen_new(const ac_coro_vt *vt, const ac_type *yt);  /* zeroed frame */
/* for loops and consumers: 1 with a new reference in *out, 0 when the
 * generator is exhausted (its return value is discarded), -1 on error */
int ac_gen_next(ac_gen *g, ac_val *out);
ac_val ac_gen_send(ac_gen *g, ac_obj *v);         /* steals v; next(g) sends ac_None */
ac_val ac_gen_next_default(ac_gen *g, ac_val dflt, const ac_type *t);  /* borrows dflt */
ac_val ac_gen_throw(ac_gen *g, ac_exc *e);        /* steals e */
void ac_gen_close(ac_gen *g);
ac_list *ac_gen_to_list(ac_gen *g, const ac_type *elem);
/* `yield from sub`, called at the delegating frame's resume point with
 * *io holding the sent value (and ac_err a thrown exception): AC_YIELD with
 * sub's item in *io, AC_DONE with sub's return value in *io, or AC_ERROR. */
ac_status ac_gen_delegate(ac_gen *sub, ac_val *io);
ac_gen *ac_list_iter(ac_list *l);                 /* iter(list): borrows l */
ac_gen *ac_gen_iter(ac_gen *g);
/* A generator over an iterator object `it` (borrowed): each item is
 * next(it), a thunk the compiler writes around the class's __next__; its
 * StopIteration ends the generator. */
ac_gen *ac_obj_iter(void *it, ac_val (*next)(void *it), const ac_type *yt);
/* One resume by a driver that reads results itself (rt_tinyio.c): AC_YIELD
 * with the item (typed by g->yt, owned) in *out, AC_DONE with the return
 * value (typed by g->vt->ret, owned), or AC_ERROR.  Steals sent and thrown.
 * A generator that finished before gives AC_SUSPEND (nothing in *out), or
 * AC_ERROR with `thrown` raised. */
ac_status ac_gen_resume(ac_gen *g, ac_obj *sent, ac_exc *thrown, ac_val *out);
int ac_gen_started(const ac_gen *g);  /* it ran, or was closed */
int ac_gen_finished(const ac_gen *g); /* returned, raised or closed */

/* ------------------------------------------------------------------ */
/* The tinyio spelling (rt_tinyio.c, rt_tinyio_lib.c)                  */
/* ------------------------------------------------------------------ */
/* Loop, Event, Semaphore/Lock, the guard `with (yield sem())` holds,
 * Barrier: ac_tio objects.  sleep(), Event.wait(), sem(), Barrier.wait(),
 * timeout() and as_completed() make generator objects the loop drives
 * like compiled ones.  A timeout < 0 means None. */
typedef struct ac_tio ac_tio;
extern const ac_type ac_t_tio;
extern const ac_class ac_cls_tio_CancelledError, ac_cls_tio_TimeoutError; /* and the groups (rt_taskgroup.c) */
ac_tio *ac_tio_loop_new(void);
/* Loop.run(coro, exception_group): the result as an object (new), or
 * NULL with the error; exception_group -1 None, 0 False, 1 True */
ac_obj *ac_tio_run(ac_tio *loop, ac_gen *coro, int exception_group);
ac_gen *ac_tio_sleep(double seconds);
ac_tio *ac_tio_event_new(void);
void ac_tio_event_set(ac_tio *ev);
void ac_tio_event_clear(ac_tio *ev);
int ac_tio_event_is_set(ac_tio *ev);
ac_gen *ac_tio_event_wait(ac_tio *ev, double timeout);
ac_tio *ac_tio_semaphore_new(int64_t value); /* NULL: ValueError */
ac_tio *ac_tio_lock_new(void);
ac_gen *ac_tio_semaphore_call(ac_tio *sem);
void ac_tio_guard_exit(ac_tio *guard);
ac_tio *ac_tio_barrier_new(int64_t value);
ac_gen *ac_tio_barrier_wait(ac_tio *barrier);
ac_gen *ac_tio_timeout(ac_gen *coro, double seconds);
ac_gen *ac_tio_as_completed(ac_set *coros);                   /* iter(gen): g itself, new ref */
/* An async def's coroutine object driven by hand (rt_coro_send.c):
 * send() returns None at each bare yield, raises StopIteration(result) at
 * the end; NULL with ac_err set on error. */
ac_obj *ac_coro_send(ac_task *t, ac_obj *v);      /* steals v */
ac_obj *ac_coro_throw(ac_task *t, ac_exc *e);     /* steals e */
void ac_coro_close(ac_task *t);
/* e.value of a StopIteration (args[0], or None), as an object */
ac_obj *ac_exc_value(const ac_exc *e);

/* `yield from sub` in a generator: one suspension point, resumed until
 * sub finishes; CONV runs on each item sub yields before it goes out (a
 * box when we yield objects and sub does not). */
#define AC_YIELD_FROM(N, sub, CONV, FAIL)                                  \
    do {                                                                   \
        f->ret.p = &ac_None;                                               \
        f->state = N;                                                      \
    resume_##N:                                                            \
        st = ac_gen_delegate(sub, &f->ret);                                \
        if (st == AC_YIELD) {                                              \
            CONV;                                                          \
            return AC_YIELD;                                               \
        }                                                                  \
        if (st == AC_ERROR) FAIL;                                          \
    } while (0)

/* A generator's `yield` of None when its yield type is object: the status
 * says None (AC_PAUSE), so the mailbox is not written and a driver that
 * only wants to know "paused" (the tinyio loop) does not read it. */
#define AC_GEN_PAUSE(N, FAIL)                                              \
    do {                                                                   \
        f->state = N;                                                      \
        return AC_PAUSE;                                                   \
    resume_##N:                                                            \
        if (AC_UNLIKELY(ac_err != NULL)) FAIL;                             \
    } while (0)

/* The value a resumed yield received and does not use: an object (a
 * driver sends NULL only along with ac_err, which is tested first), most
 * often None, which costs a comparison and nothing else. */
#define AC_DROP_SENT(x)                                                    \
    do {                                                                   \
        ac_obj *sent_ = (ac_obj *)(x);                                     \
        if (sent_ != &ac_None && sent_->rc >= 0 && --sent_->rc == 0)       \
            rt_obj_free[sent_->kind](sent_);                               \
    } while (0)

/* `await obj` in an async def, where obj.__await__() is the generator sub:
 * one suspension point, resumed until sub finishes.  sub's items go out
 * through ac_coro_yielded (CONV boxes io into it) to whoever called
 * coro.send(); what send() passes arrives in ac_coro_sent (rt_coro_send.c).
 * On the first entry sub starts with None.  io ends with sub's result.
 * Under a task (no send() on the stack) an item is a bad yield. */
extern ac_obj *ac_coro_sent, *ac_coro_yielded;
extern int ac_coro_by_hand;
void ac_coro_bad_yield(void);
#define AC_AWAIT_GEN(N, sub, io, CONV, FAIL)                               \
    do {                                                                   \
        (io).p = &ac_None;                                                 \
        f->state = N;                                                      \
        if (0) {                                                           \
        resume_##N:                                                        \
            (io).p = ac_coro_sent ? ac_coro_sent : &ac_None;               \
            ac_coro_sent = NULL;                                           \
        }                                                                  \
        st = ac_gen_delegate(sub, &(io));                                  \
        if (st == AC_YIELD) {                                              \
            CONV;                                                          \
            if (ac_coro_by_hand) return AC_YIELD;                          \
            ac_coro_bad_yield(); /* thrown into sub */                     \
            goto resume_##N;                                               \
        }                                                                  \
        if (st == AC_ERROR) FAIL;                                          \
    } while (0)

/* ------------------------------------------------------------------ */
/* Async generators (rt_agen.c)                                        */
/* ------------------------------------------------------------------ */
/*
 * An `async def` with `yield` is an ac_gen (flags say async) whose frame
 * is a coroutine's: its awaits suspend the task that drives it (AC_SUSPEND,
 * AC_YIELD pass up through the consumer's frame, as an inline child's do),
 * and `yield v` returns AC_ITEM with v in `ret` (AC_AGEN_YIELD).  The
 * consumer's await (`async for`, anext, asend, athrow, aclose) is one
 * state (AC_AWAIT_AGEN): ac_agen_begin starts the operation, every later
 * resume of the consumer continues it with ac_agen_again until it ends.
 * Nothing is allocated per item.  An unfinished generator whose last
 * reference goes while a loop runs is closed as CPython's finalizer hook
 * does it (a task running aclose(), two hops later), and asyncio.run's end
 * closes those still alive (shutdown_asyncgens).
 */
enum { AC_AOP_NEXT, AC_AOP_FOR, AC_AOP_SEND, AC_AOP_THROW, AC_AOP_CLOSE };
extern const ac_class ac_cls_StopAsyncIteration;
ac_gen *ac_agen_new(const ac_coro_vt *vt, const ac_type *yt); /* zeroed frame */
/* AC_ITEM with the item (owned, typed g->yt) in *out; AC_DONE when it
 * ended without one (async for's end, aclose, athrow of a finished one:
 * anext/asend raise StopAsyncIteration instead); AC_ERROR; or not
 * finished (AC_SUSPEND/AC_YIELD).  Steals sent and thrown. */
ac_status ac_agen_begin(ac_gen *g, int op, ac_obj *sent, ac_exc *thrown, ac_val *out);
ac_status ac_agen_again(ac_gen *g, ac_val *out);
void rt_agen_shutdown(void); /* asyncio.run's end: aclose() the live ones */

/* `yield v` in an async generator, v stored in f->ret before */
#define AC_AGEN_YIELD(N, FAIL)                                             \
    do {                                                                   \
        f->state = N;                                                      \
        return AC_ITEM;                                                    \
    resume_##N:                                                            \
        if (AC_UNLIKELY(ac_err != NULL)) FAIL;                             \
    } while (0)

/* an await of an operation on the async generator g (a frame field):
 * begin is the ac_agen_begin call; the item lands in out; END runs when
 * the operation ended without an item */
#define AC_AWAIT_AGEN(N, g, begin, out, END, FAIL)                         \
    do {                                                                   \
        st = (begin);                                                      \
        if (0) {                                                           \
        resume_##N:                                                        \
            st = ac_agen_again(g, &(out));                                 \
        }                                                                  \
        if (st == AC_SUSPEND || st == AC_YIELD) {                          \
            f->state = N;                                                  \
            return st;                                                     \
        }                                                                  \
        if (st == AC_ERROR) FAIL;                                          \
        if (st == AC_DONE) END;                                            \
    } while (0)

/* The error exit of a generated function: appends ac_tb_at (if set) to
 * ac_err's traceback, clears it, returns AC_ERROR. */
ac_status ac_tb_leave(void);

/* Entry points used by the generated main(): run main coroutines to the
 * end.  asyncio.run(c): returns the status; the result goes to *result.
 * run(c1, c2, ...): runs all concurrently, result of c1.  Both steal the
 * coroutines. */
ac_status ac_asyncio_run(ac_task *main_coro, ac_val *result);
ac_status ac_edge_run(int n, ac_task **coros, ac_val *result);

#ifdef __cplusplus
}
#endif
#endif
