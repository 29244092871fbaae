/*
 * asyncc_lib.h -- the library part of the generated-code ABI: the sys,
 * time and random modules, `object` (the boxed dynamic value) and dict/set.
 * Included by asyncc_rt.h at this point (it uses the value types declared
 * before it); not a header of its own.  Split out to keep each header
 * readable in one sitting.
 */
#ifndef ASYNCC_LIB_H
#define ASYNCC_LIB_H

/* ------------------------------------------------------------------ */
/* sys, time, random, input()                                          */
/* ------------------------------------------------------------------ */

/* sys.argv: a new reference to the program's one list (set by asyncc_main;
 * [""] in an embedding host). */
ac_list *ac_sys_argv(void);
void ac_sys_set_argv(int argc, char **argv);
/* The recursion limit (sys.setrecursionlimit) and how many more frames may
 * start under it: a plain def, a recursive async def's inline child and a
 * coroutine object each take one while their C frame runs and give it back
 * when it returns (a suspended chain has returned: it does not count, as
 * CPython counts only the frames it is executing).  Counting down lets the
 * test be the decrement's sign. */
extern int64_t ac_depth_left, ac_depth_limit;
void ac_recursion_fail(void); /* gives the frame back, raises RecursionError */
int64_t ac_sys_getrecursionlimit(void);
void ac_sys_setrecursionlimit(int64_t limit);
ac_list *ac_sys_stdin_lines(void);   /* `for line in sys.stdin`: the rest */
ac_str *ac_sys_stdin_readline(void); /* "" at end of input */
ac_str *ac_sys_stdin_read(void);
ac_str *ac_input(const ac_str *prompt); /* NULL: no prompt; EOFError at end */

/* time.*: the loop's virtual clock when ASYNCC_CLOCK=virtual (time.sleep
 * then advances it), else the system clocks. */
double ac_time_time(void);
double ac_time_monotonic(void);
double ac_time_perf_counter(void);
void ac_time_sleep(double seconds); /* blocks; ValueError if negative */
/* time.localtime/gmtime: a tuple of struct_time's 9 fields (t: its type);
 * has_secs 0: now */
ac_tuple *ac_time_struct(int local, int has_secs, double secs, const ac_type *t);
ac_str *ac_time_strftime(ac_str *format, ac_tuple *t /* NULL: localtime() */);

/* random.*: CPython's Mersenne Twister and its derived draws, so a seeded
 * program prints CPython's numbers. */
void ac_random_seed(int64_t a);   /* seed(a): by abs(a)'s 32-bit words */
void ac_random_seed_system(void); /* seed() / seed(None) */
double ac_random_random(void);
uint64_t ac_random_getrandbits(int k); /* 0 <= k <= 64 */
int64_t ac_random_randint(int64_t a, int64_t b);
int64_t ac_random_randrange(int64_t start, int has_stop, int64_t stop, int64_t step);
ac_val ac_random_choice(const ac_list *l); /* new reference; IndexError */
ac_str *ac_random_choice_str(const ac_str *s);
void ac_random_shuffle(ac_list *l);
double ac_random_uniform(double a, double b);

/* ------------------------------------------------------------------ */
/* object: a boxed dynamic value (rt_dyn.c)                           */
/* ------------------------------------------------------------------ */
/*
 * A value of static type `object` is an ac_obj * that says its own type at
 * run time.  str, list, tuple, exception and task objects are themselves;
 * int, float and bool travel in an ac_box with their descriptor; None is
 * the one immortal object ac_None (kind AC_K_NONE), never NULL.  True,
 * False and the ints -5..256 are immortal static boxes, so boxing them
 * allocates nothing.  In a container an object is an ac_val whose
 * descriptor is ac_t_object (list[object]); the generic functions above
 * (ac_str_of, ac_repr_of, ac_format, ac_val_eq, ac_val_cmp) look inside.
 * Every operation follows CPython's rules across int/float/bool/str/list/
 * tuple, and raises CPython's TypeError where the types do not support it.
 */
extern ac_obj ac_None;
ac_obj *ac_obj_from(ac_val v, const ac_type *t); /* steals v; new ref */
ac_obj *ac_obj_int(int64_t i);
ac_obj *ac_obj_float(double f);
ac_obj *ac_obj_bool(int b);
/* What an object holds: its value (borrowed) and a descriptor of it. */
const ac_type *ac_obj_unwrap(const ac_obj *o, ac_val *v);
/* Unboxing into a static type: TypeError when the object is not one
 * ("expected int, got str").  bool passes for int, int and bool for float.
 * ac_obj_as_ptr returns the object itself, borrowed; an empty list of
 * objects held nowhere else takes the element type asked for. */
int64_t ac_obj_as_int(const ac_obj *o);
double ac_obj_as_float(const ac_obj *o);
int ac_obj_as_bool(const ac_obj *o);
void *ac_obj_as_ptr(const ac_obj *o, const ac_type *t);

/* Operator codes of ac_obj_binop / ac_obj_compare / ac_obj_unary. */
enum {
    AC_OP_ADD,
    AC_OP_SUB,
    AC_OP_MUL,
    AC_OP_DIV,
    AC_OP_FLOORDIV,
    AC_OP_MOD,
    AC_OP_POW,
    AC_OP_LSHIFT,
    AC_OP_RSHIFT,
    AC_OP_AND,
    AC_OP_OR,
    AC_OP_XOR,
    AC_OP_LT,
    AC_OP_LE,
    AC_OP_GT,
    AC_OP_GE,
    AC_OP_EQ,
    AC_OP_NE,
    AC_OP_NEG,
    AC_OP_POS,
    AC_OP_INVERT,
    AC_OP_INPLACE = 0x100 /* or'ed in: x += y (lists extend in place) */
};
ac_obj *ac_obj_binop(int op, const ac_obj *a, const ac_obj *b); /* new ref */

/* A tagged scalar union (int | float, int | None, bool | int | float | None,
 * ...): a value of one of a few scalar types, passed by value, never
 * boxed.  The tag is the member's own descriptor (&ac_t_int, &ac_t_float,
 * &ac_t_bool, &ac_t_none), so ac_str_of(x.v, x.t), ac_repr_of,
 * ac_format, ac_val_hash and ac_obj_from(x.v, x.t) (boxing, where it flows
 * into an object) take it as it is.  The operations (rt_tag.c) dispatch on
 * the members' kinds with CPython's rules and TypeError messages. */
typedef struct ac_tag {
    const ac_type *t;
    ac_val v;
} ac_tag;
static inline ac_tag ac_tag_int(int64_t i) {
    ac_tag x;
    x.t = &ac_t_int;
    x.v.i = i;
    return x;
}
static inline ac_tag ac_tag_float(double f) {
    ac_tag x;
    x.t = &ac_t_float;
    x.v.f = f;
    return x;
}
static inline ac_tag ac_tag_bool(int b) {
    ac_tag x;
    x.t = &ac_t_bool;
    x.v.i = b != 0;
    return x;
}
static inline ac_tag ac_tag_none(void) {
    ac_tag x;
    x.t = &ac_t_none;
    x.v.i = 0;
    return x;
}
ac_tag ac_tag_binop(int op, ac_tag a, ac_tag b); /* TypeError: unsupported operand type(s) */
ac_tag ac_tag_unary(int op, ac_tag a);           /* TypeError: bad operand type for unary */
int ac_tag_compare(int op, ac_tag a, ac_tag b);  /* AC_OP_LT .. AC_OP_NE */
int ac_tag_truth(ac_tag a);
/* An object (or a union's value read as one member) as a union of the
 * member kinds in `kinds` (bit 1 << AC_K_*): TypeError when it holds
 * another type. */
ac_tag ac_tag_from_obj(const ac_obj *o, unsigned kinds);
int64_t ac_tag_as_int(ac_tag a);  /* int or bool; TypeError otherwise */
double ac_tag_as_float(ac_tag a); /* int, bool or float */

ac_obj *ac_obj_unary(int op, const ac_obj *a);                  /* new ref */
int ac_obj_compare(int op, const ac_obj *a, const ac_obj *b);   /* 0/1 */
int ac_obj_eq(const ac_obj *a, const ac_obj *b);                /* never raises */
int ac_obj_truth(const ac_obj *o);
int64_t ac_obj_hash(const ac_obj *o); /* CPython's for numbers, tuples */
int64_t ac_obj_len(const ac_obj *o);
int ac_obj_contains(const ac_obj *container, const ac_obj *item);
ac_obj *ac_obj_getitem(const ac_obj *o, const ac_obj *index); /* new ref */
ac_str *ac_obj_str(const ac_obj *o);
ac_str *ac_obj_repr(const ac_obj *o);
ac_str *ac_obj_format(const ac_obj *o, const ac_str *spec);
/* isinstance(o, C) for the builtin classes, by kind (AC_K_INT is true for
 * bools too, as in Python); type(o).__name__ */
int ac_obj_isinstance(const ac_obj *o, int kind);
int ac_obj_isinstance_exc(const ac_obj *o, const ac_class *cls);
int ac_obj_kind_in(const ac_obj *o, unsigned kinds); /* holds a kind of the mask (1u << AC_K_...) */
ac_str *ac_obj_type_name(const ac_obj *o);
/* int(o), float(o), abs(o) (new reference) */
int64_t ac_obj_to_int(const ac_obj *o);
double ac_obj_to_float(const ac_obj *o);
ac_obj *ac_obj_to_abs(const ac_obj *o);
int64_t ac_obj_round(const ac_obj *o);                  /* round(o) */
ac_obj *ac_obj_round_n(const ac_obj *o, int64_t ndigits); /* round(o, n) */
/* o[start:stop:step] for a str or list */
ac_obj *ac_obj_slice(const ac_obj *o, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                     int64_t step);
/* o.name(args...) for the common str and list methods (rt_dyn_method.c);
 * AttributeError for a name the held type does not have.  New reference
 * (ac_None for the methods that return None). */
ac_obj *ac_obj_call_method(const ac_obj *o, const char *name, int n, ac_obj *const *args);
/* for x in o: TypeError unless o holds a str, list or tuple; then each
 * item as a new reference from *pos = 0 on, NULL at the end. */
void ac_obj_iter_check(const ac_obj *o);
ac_obj *ac_obj_next(const ac_obj *o, int64_t *pos);
ac_list *ac_obj_to_list(const ac_obj *o); /* the items as objects; TypeError if not iterable */

/* ------------------------------------------------------------------ */
/* dict, set, frozenset (rt_dict.c, rt_set.c)                          */
/* ------------------------------------------------------------------ */
/*
 * dict[K, V]: descriptor kind AC_K_DICT, n == 2, elems == {K, V}.
 * set[T] / frozenset[T]: kind AC_K_SET / AC_K_FROZENSET, n == 1.
 * Keys are hashed as CPython hashes them (ints mod 2**61-1, floats by the
 * rational they equal, tuples by xxHash mixing), so 1, 1.0 and True held
 * as objects are one key.  A dict keeps insertion order (an entries array
 * plus an index table); a set is CPython's open-addressing table with its
 * probing, sizes and resize rules, so sets of ints and tuples iterate in
 * CPython's order.  Lookups, getters and views return borrowed values
 * unless the comment says "new"; stores steal key and value.
 */
typedef struct ac_dict ac_dict;
typedef struct ac_set ac_set;
typedef struct ac_dict_entry {
    int64_t hash;
    ac_val key, val;
    int64_t live;
} ac_dict_entry;
struct ac_dict {
    ac_obj h;
    const ac_type *type;
    int64_t len, used, cap; /* live entries, entries written, room */
    int64_t mask;           /* index table size - 1 */
    ac_dict_entry *entries;
    int64_t *index; /* entry number, -1 empty, -2 deleted */
};
typedef struct ac_set_entry {
    int64_t hash;
    ac_val key;
    int64_t state;
} ac_set_entry;
struct ac_set {
    ac_obj h;
    const ac_type *type;
    int64_t fill, used, mask, finger;
    ac_set_entry *table;
};
/* hash(v) as CPython computes it; TypeError for unhashable values */
int64_t ac_val_hash(ac_val v, const ac_type *t);

ac_dict *ac_dict_new(const ac_type *t);
int64_t ac_dict_len(const ac_dict *d);
ac_val ac_dict_get(const ac_dict *d, ac_val key);   /* d[k]; KeyError */
void ac_dict_set(ac_dict *d, ac_val key, ac_val v); /* steals both */
void ac_dict_del(ac_dict *d, ac_val key);           /* KeyError */
int ac_dict_contains(const ac_dict *d, ac_val key);
/* d.get(k, dflt): dflt when absent (both borrowed) */
ac_val ac_dict_get_or(const ac_dict *d, ac_val key, ac_val dflt);
ac_val ac_dict_setdefault(ac_dict *d, ac_val key, ac_val dflt);
ac_val ac_dict_pop(ac_dict *d, ac_val key);                    /* new; KeyError */
ac_val ac_dict_pop_or(ac_dict *d, ac_val key, ac_val dflt);    /* new */
ac_tuple *ac_dict_popitem(ac_dict *d, const ac_type *tuple_t); /* new */
void ac_dict_update(ac_dict *d, const ac_dict *other);
void ac_dict_clear(ac_dict *d);
ac_dict *ac_dict_copy(const ac_dict *d);
/* dict(pairs): pairs is a list of 2-tuples of the dict's key and value types */
ac_dict *ac_dict_from_items(const ac_type *t, const ac_list *pairs);
int ac_dict_eq(const ac_dict *a, const ac_dict *b);
/* Iteration in insertion order: *pos starts at 0; 0 at the end.  Keys and
 * values borrowed. */
int ac_dict_next(const ac_dict *d, int64_t *pos, ac_val *key, ac_val *val);
/* d.keys(), d.values(), d.items(): a live view of d (which: 1, 2, 3);
 * its descriptor is {AC_K_DICTVIEW, 1, {item type}} */
typedef struct ac_dictview {
    ac_obj h;
    ac_dict *d;
    int64_t which;
} ac_dictview;
ac_dictview *ac_dict_view(ac_dict *d, int which);
ac_list *ac_dictview_list(const ac_dictview *v, const ac_type *item_t); /* new */
int ac_dictview_contains(const ac_dictview *v, ac_val x);

/* f(*xs, **kw) bound while the program runs (rt_bind.c): the positional
 * arguments gather as objects in a list (ac_bind_star adds an iterable's
 * items), the keywords in a dict[str, object] (ac_bind_kw steals v,
 * ac_bind_kwmap adds a dict's items); fname is the callee as the call
 * site's messages name it ("__main__.f()").  ac_bind_args then binds them
 * to n parameters with CPython's TypeErrors, the first nskip (a method's
 * receiver) bound already: a list of n objects, NULL where a default
 * applies, *args a list (tuple[object, ...]) and **kwargs a dict of type
 * kw_t. */
enum { AC_BIND_DEFAULT = 1, AC_BIND_KWONLY = 2, AC_BIND_STAR = 4, AC_BIND_DSTAR = 8 };
void ac_bind_star(ac_list *pos, const ac_obj *it, const char *fname);
void ac_bind_kw(ac_dict *kw, const char *name, ac_obj *v, const char *fname);
void ac_bind_kwmap(ac_dict *kw, const ac_obj *m, const char *fname);
ac_list *ac_bind_args(const char *qualname, int n, const char *const *names, const unsigned char *flags, int nskip,
                      const ac_list *pos, const ac_dict *kw, const ac_type *kw_t);

/* keys(), values(), items() as new lists */
ac_list *ac_dict_keys(const ac_dict *d, const ac_type *key_t);
ac_list *ac_dict_values(const ac_dict *d, const ac_type *val_t);
ac_list *ac_dict_items(const ac_dict *d, const ac_type *tuple_t);

ac_set *ac_set_new(const ac_type *t);
ac_set *ac_set_from_list(const ac_type *t, const ac_list *l);
/* {c1, c2, c3, ...}: a display of 3 or more constants, in the order
 * CPython gives it (items stolen) */
ac_set *ac_set_const(const ac_type *t, int64_t n, const ac_val *items);
ac_set *ac_set_from_set(const ac_type *t, const ac_set *s); /* set(s), s.copy() */
int64_t ac_set_len(const ac_set *s);
void ac_set_add(ac_set *s, ac_val key); /* steals key */
int ac_set_contains(const ac_set *s, ac_val key);
void ac_set_discard(ac_set *s, ac_val key);
void ac_set_remove(ac_set *s, ac_val key); /* KeyError */
ac_val ac_set_pop(ac_set *s);              /* new; KeyError */
void ac_set_clear(ac_set *s);
/* the operators: results are new sets of a's type */
ac_set *ac_set_or(const ac_set *a, const ac_set *b);
ac_set *ac_set_and(const ac_set *a, const ac_set *b);
ac_set *ac_set_sub(const ac_set *a, const ac_set *b);
ac_set *ac_set_xor(const ac_set *a, const ac_set *b);
void ac_set_ior(ac_set *a, const ac_set *b);
void ac_set_iand(ac_set *a, const ac_set *b);
void ac_set_isub(ac_set *a, const ac_set *b);
void ac_set_ixor(ac_set *a, const ac_set *b);
int ac_set_eq(const ac_set *a, const ac_set *b);
int ac_set_le(const ac_set *a, const ac_set *b); /* issubset */
int ac_set_lt(const ac_set *a, const ac_set *b);
int ac_set_isdisjoint(const ac_set *a, const ac_set *b);
/* iteration in table order: *pos starts at 0; 0 at the end */
int ac_set_next(const ac_set *s, int64_t *pos, ac_val *key);
/* s.update(l); s.union/intersection/difference/symmetric_difference(l)
 * (op 0..3) with a list, item by item as CPython does */
void ac_set_update_list(ac_set *s, const ac_list *l);
ac_set *ac_set_list_op(const ac_set *s, const ac_list *l, int op);
ac_list *ac_set_to_list(const ac_set *s); /* list(s), new */

#endif
