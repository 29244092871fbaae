/*
 * rt_internal.h -- declarations shared between runtime modules only.
 * Generated code never includes this; it sees asyncc_rt.h alone.
 */
#ifndef ASYNCC_RT_INTERNAL_H
#define ASYNCC_RT_INTERNAL_H

#include <stdarg.h>
#include "asyncc_rt.h"

/* How ac_decref frees an object of each kind (rt_obj.c); the file that
 * owns a kind beyond the values sets its slot (rt_task.c: AC_K_TASK). */
extern void (*rt_obj_free[AC_K_NKINDS])(ac_obj *o);
void rt_dict_free(ac_obj *o);
void rt_set_free(ac_obj *o);
void rt_dictview_free(ac_obj *o);
/* dicts, sets and views held as objects (rt_dict.c, rt_set.c, for rt_dyn.c):
 * is t one, its size, an object as one of its keys (borrowed; 0 when no key
 * of type kt can equal it), CPython's frozenset hash */
int rt_is_container(const ac_type *t);
int64_t rt_container_len(ac_val v, const ac_type *t);
int rt_obj_as_key(const ac_obj *item, const ac_type *kt, ac_val *out);
int rt_same_type(const ac_type *a, const ac_type *b);
int64_t rt_frozenset_hash(const ac_set *fs);
/* KeyError(key): args hold the key (borrowed), so str(e) is its repr */
void rt_key_error(ac_val key, const ac_type *t);


/* The cycle collector (rt_gc.c).  A container kind that can hold other
 * containers is allocated with this head in front of its ac_obj, and the
 * head is linked into the collector's list while the object's type can
 * hold such a reference (next == NULL: not tracked).  refs is the
 * collector's scratch count. */
typedef struct rt_gc_head {
    struct rt_gc_head *next, *prev;
    intptr_t refs;
} rt_gc_head;
static inline rt_gc_head *rt_gc_of(void *o) { return (rt_gc_head *)o - 1; }
static inline ac_obj *rt_gc_obj(rt_gc_head *h) { return (ac_obj *)(void *)(h + 1); }
void *rt_gc_alloc(size_t n, int track); /* the object after a head; may collect first */
void rt_gc_free(void *o);               /* unlinks it and frees the block */
void rt_gc_untrack(ac_obj *o);
void rt_gc_init(void);                  /* reads ASYNCC_GC */
void rt_gc_exit(void);                  /* the program ends: the cycles left */
/* How the collector sees each kind (rt_gc_kinds.c): traverse calls fn on
 * every object the object holds a counted reference to (NULL, immortal
 * or untracked ones included: fn skips them); clear drops those
 * references, leaving the object valid for its free.  Kinds without a
 * traverse are never tracked and have no head. */
typedef void (*rt_gc_visit)(ac_obj *child, void *arg);
typedef struct rt_gc_ops {
    void (*traverse)(ac_obj *o, rt_gc_visit fn, void *arg);
    void (*clear)(ac_obj *o);
    int (*headless)(const ac_obj *o); /* NULL: every object of the kind has a head */
} rt_gc_ops;
int rt_gc_box_headless(const ac_obj *o); /* rt_obj.c: boxes of numbers */
extern const rt_gc_ops rt_gc_kind[AC_K_NKINDS];
/* Can a value of type t hold a reference the collector follows?  A
 * container is tracked when one of its element types can. */
int rt_gc_type_refs(const ac_type *t);
int rt_gc_types_refs(const ac_type *const *ts, int n);
void rt_dict_gc_traverse(ac_obj *o, rt_gc_visit fn, void *arg); /* rt_dict.c */
void rt_dict_gc_clear(ac_obj *o);
void rt_set_gc_traverse(ac_obj *o, rt_gc_visit fn, void *arg); /* rt_set.c */
void rt_set_gc_clear(ac_obj *o);

/* Allocation: never NULL.  On exhaustion the block comes from a reserve
 * and MemoryError is set as the current exception (rt_obj.c); only when
 * that is not enough either, abort with a message. */
void *rt_malloc(size_t n);
void *rt_realloc(void *p, size_t n);
void rt_free(void *p);
void *rt_try_realloc(void *p, size_t n); /* NULL when out of memory */
void rt_memory_init(void);  /* reads ASYNCC_FAIL_ALLOC (fault injection) */
int rt_alloc_fails(void);   /* counts an allocation: 1 if it is to fail */
void rt_memory_error(void); /* MemoryError, unless an exception is in flight */

/* Heap strings: rt_str_alloc returns a string with room for len bytes
 * (plus the NUL) whose bytes the caller fills through rt_str_buf, then
 * rt_str_done counts the code points and terminates it. */
ac_str *rt_str_alloc(int64_t len);
ac_str *rt_str_try_alloc(int64_t len); /* NULL when out of memory */
char *rt_str_buf(ac_str *s);
ac_str *rt_str_done(ac_str *s);
int64_t rt_utf8_count(const char *s, int64_t len);
uint32_t rt_to_upper(uint32_t c); /* rt_str.c's case mapping of one code point */
uint32_t rt_to_lower(uint32_t c);

/* Descriptors the runtime needs for the tuples it builds itself. */
extern const ac_type rt_t_tuple0;     /* () */
extern const ac_type rt_t_tuple_str1; /* (str,) */

/* Type names as CPython prints them in error messages ("int", "list"). */
const char *rt_type_name(const ac_type *t);

/* A growable byte buffer used by repr/format/join. */
typedef struct rt_buf {
    char *p;
    size_t len, cap;
} rt_buf;
void rt_buf_put(rt_buf *b, const char *s, size_t n);
void rt_buf_puts(rt_buf *b, const char *s);
void rt_buf_putc(rt_buf *b, char c);
void rt_buf_printf(rt_buf *b, const char *fmt, ...);
ac_str *rt_buf_finish(rt_buf *b); /* turns the buffer into a str */
void rt_buf_free(rt_buf *b);

/* Equality and three-way order of two values held as objects (rt_dyn.c):
 * list[object] items and tuple members typed object. */
int rt_dyn_val_eq(ac_val a, ac_val b);
int rt_dyn_val_cmp(ac_val a, ac_val b);
int rt_dyn_to_val(const ac_obj *o, const ac_type *t, ac_val *out);
/* The operations of objects on (value, descriptor) pairs, for rt_tag.c:
 * ==, the orderings (TypeError when unordered), arithmetic of two numbers,
 * and CPython's TypeError for operands that have none (returns NULL). */
int rt_val_eq2(ac_val a, const ac_type *ta, ac_val b, const ac_type *tb);
int rt_val_order2(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb);
ac_tag rt_num_binop(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb);
ac_obj *rt_unsupported(int op, ac_val a, const ac_type *ta, ac_val b, const ac_type *tb);

/* repr of an asyncio Event, Lock, ... (rt_sync.c): CPython's without the
 * address, which no two runs share */
void rt_sync_repr(rt_buf *b, const void *s);
void rt_fn_repr(rt_buf *b, const void *fn); /* rt_func.c */

/* repr of a value appended to a buffer (lists nest). */
void rt_buf_repr(rt_buf *b, ac_val v, const ac_type *t);
void rt_dict_repr(rt_buf *b, const ac_dict *d);
void rt_set_repr(rt_buf *b, const ac_set *s);
void rt_dictview_repr(rt_buf *b, const ac_dictview *v);

/* UTF-8 helpers (rt_str.c).  Input is assumed valid UTF-8. */
uint32_t rt_utf8_decode(const char *s, int64_t *pos); /* advances *pos */
int rt_utf8_encode(uint32_t cp, char *out);           /* returns bytes */
int rt_is_space(uint32_t cp);                         /* str.isspace */

/* Float repr, shortest round trip, CPython's spelling.  out >= 32 bytes.
 * Also the shortest digits alone for format(): digits into dig (>= 20
 * bytes), returns the decimal exponent of the first digit. */
/* Python's slice.indices() + length: clamps the bounds for a sequence of
 * n items; returns the item count, or -1 with ValueError for step 0. */
int64_t rt_slice_indices(int64_t n, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                         int64_t step, int64_t *pstart, int64_t *pstep);
void rt_buf_repr_str(rt_buf *b, const ac_str *s);

void rt_float_repr(double v, char *out);
void rt_float_layout(char *out, const char *dig, int nd, int e, int sci, int alt);
int rt_float_shortest(double v, char *dig, int *ndig);

/* ac_gen.flags (rt_gen.c) and the send a driver makes at every step
 * (rt_tinyio.c), inline: into a paused generator, not thrown into.
 * AC_SUSPEND when the generator is not paused (the caller takes the
 * general path, ac_gen_resume); otherwise as ac_gen_resume (AC_PAUSE
 * comes back as AC_YIELD of None). */
enum { GEN_STARTED = 1, GEN_RUNNING = 2, GEN_DONE = 4,
       GEN_ASYNC = 8,     /* an async generator (rt_agen.c) */
       GEN_AWAITING = 16, /* ... with an operation under way; its op above */
       GEN_LISTED = 32,   /* ... on the list asyncio.run's end closes */
       GEN_OP_SHIFT = 8 };
int rt_agen_finalize(ac_gen *g); /* the last reference went: 1 if it lives on */
ac_status rt_gen_finish_fast(ac_gen *g, ac_status st, ac_val *out);
static inline ac_status rt_gen_send_fast(ac_gen *g, ac_obj *sent, ac_val *out) {
    if (AC_UNLIKELY(g->flags != GEN_STARTED)) return AC_SUSPEND;
    ac_val *mb = AC_GEN_FRAME(g, ac_val);
    mb->p = sent;
    g->flags = GEN_STARTED | GEN_RUNNING;
    ac_status st = g->vt->resume(mb);
    g->flags = GEN_STARTED;
    if (AC_LIKELY(st == AC_YIELD)) {
        *out = *mb;
        return st;
    }
    if (st == AC_PAUSE) {
        mb->p = &ac_None;
        out->p = &ac_None;
        return AC_YIELD;
    }
    return rt_gen_finish_fast(g, st, out);
}

#endif
