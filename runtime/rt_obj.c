/*
 * rt_obj.c -- object headers, reference counting, type descriptors,
 * exceptions and the current-exception slot.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_internal.h"

const ac_type ac_t_none = {AC_K_NONE, 0, NULL};
const ac_type ac_t_bool = {AC_K_BOOL, 0, NULL};
const ac_type ac_t_int = {AC_K_INT, 0, NULL};
const ac_type ac_t_float = {AC_K_FLOAT, 0, NULL};
const ac_type ac_t_str = {AC_K_STR, 0, NULL};
const ac_type ac_t_exc = {AC_K_EXC, 0, NULL};
const ac_type ac_t_object = {AC_K_OBJECT, 0, NULL};

static const ac_type *const str1_elems[1] = {&ac_t_str};
const ac_type rt_t_tuple0 = {AC_K_TUPLE, 0, NULL};
const ac_type rt_t_tuple_str1 = {AC_K_TUPLE, 1, str1_elems};

/* ---- memory ---------------------------------------------------------- */

/* Out of memory, CPython raises MemoryError and the program may catch it.
 * The runtime's callers do not test for NULL, so a failed allocation is
 * made to succeed instead: a reserve kept for the purpose is given back to
 * the system, the allocation is tried once more, and MemoryError is set as
 * the current exception, which the running code finds at its next error
 * test (the values it made meanwhile are real, so they are released the
 * usual way: nothing leaks).  The reserve is taken again by a later
 * allocation.  Only when even the second try fails does the program stop.
 *
 * ASYNCC_FAIL_ALLOC=N makes the Nth allocation fail (fault injection:
 * tests/test_oom.py runs programs with failures at many points). */
#define RESERVE_BYTES (256 * 1024)
static void *reserve;
static int in_oom;
static uint64_t fail_at, nallocs;

void rt_memory_init(void) {
    const char *s = getenv("ASYNCC_FAIL_ALLOC");
    if (s) fail_at = strtoull(s, NULL, 10);
    rt_gc_init();
}

int rt_alloc_fails(void) { return fail_at && ++nallocs == fail_at; }

static void oom(void) {
    ac_flush(); /* the program's output before the report */
    fputs("asyncc: out of memory\n", stderr);
    abort();
}

static void take_reserve(void) {
    if (!in_oom) reserve = malloc(RESERVE_BYTES);
}

static void *out_of_memory(void *old, size_t n) {
    void *p;
    free(reserve);
    reserve = NULL;
    p = old ? realloc(old, n) : malloc(n);
    if (!p || in_oom) oom();
    rt_memory_error();
    return p;
}

void rt_memory_error(void) {
    if (ac_err) return; /* the exception in flight goes on */
    in_oom = 1;
    ac_raise_msg(&ac_cls_MemoryError, NULL); /* CPython: a bare MemoryError */
    in_oom = 0;
}

void *rt_malloc(size_t n) {
    void *p = AC_UNLIKELY(fail_at) && rt_alloc_fails() ? NULL : malloc(n ? n : 1);
    if (AC_UNLIKELY(!p)) return out_of_memory(NULL, n ? n : 1);
    if (AC_UNLIKELY(!reserve)) take_reserve();
    return p;
}

/* A block whose size the program chose ("ab" * n): NULL when it cannot be
 * had, and the caller raises MemoryError (no reserve would be enough). */
void *rt_try_realloc(void *old, size_t n) {
    if (AC_UNLIKELY(fail_at) && rt_alloc_fails()) return NULL;
    if ((uint64_t)n >= (uint64_t)1 << 40) return NULL; /* no machine has 1 TiB to give (ASan's cap too) */
    return realloc(old, n ? n : 1);
}

void *rt_realloc(void *old, size_t n) {
    void *p = AC_UNLIKELY(fail_at) && rt_alloc_fails() ? NULL : realloc(old, n ? n : 1);
    if (AC_UNLIKELY(!p)) return out_of_memory(old, n ? n : 1);
    if (AC_UNLIKELY(!reserve)) take_reserve();
    return p;
}

void rt_free(void *p) { free(p); }

/* ---- strings: allocation only (operations live in rt_str.c) ---------- */

static ac_str *str_init(ac_str *s, int64_t len) {
    s->h.rc = 1;
    s->h.kind = AC_K_STR;
    s->len = len;
    s->nchars = len;
    s->s = (const char *)(s + 1);
    ((char *)(s + 1))[len] = '\0';
    return s;
}

/* One block: header then bytes, so a string costs one malloc. */
ac_str *rt_str_alloc(int64_t len) { return str_init(rt_malloc(sizeof(ac_str) + (size_t)len + 1), len); }

ac_str *rt_str_try_alloc(int64_t len) {
    ac_str *s = rt_try_realloc(NULL, sizeof(ac_str) + (size_t)len + 1);
    return s ? str_init(s, len) : NULL;
}

char *rt_str_buf(ac_str *s) { return (char *)(s + 1); }

int64_t rt_utf8_count(const char *s, int64_t len) {
    int64_t n = 0, i;
    for (i = 0; i < len; i++) n += ((unsigned char)s[i] & 0xC0) != 0x80; /* skip continuations */
    return n;
}

ac_str *rt_str_done(ac_str *s) {
    rt_str_buf(s)[s->len] = '\0';
    s->nchars = rt_utf8_count(s->s, s->len);
    return s;
}

/* ---- byte buffers ---------------------------------------------------- */

void rt_buf_put(rt_buf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 64;
        while (cap < b->len + n + 1) cap *= 2;
        b->p = rt_realloc(b->p, cap);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

void rt_buf_puts(rt_buf *b, const char *s) { rt_buf_put(b, s, strlen(s)); }
void rt_buf_putc(rt_buf *b, char c) { rt_buf_put(b, &c, 1); }

void rt_buf_printf(rt_buf *b, const char *fmt, ...) {
    char small[256];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) return;
    if ((size_t)n < sizeof small) {
        rt_buf_put(b, small, (size_t)n);
    } else {
        char *big = rt_malloc((size_t)n + 1);
        va_start(ap, fmt);
        vsnprintf(big, (size_t)n + 1, fmt, ap);
        va_end(ap);
        rt_buf_put(b, big, (size_t)n);
        rt_free(big);
    }
}

ac_str *rt_buf_finish(rt_buf *b) {
    ac_str *s = rt_str_alloc((int64_t)b->len);
    if (b->len) memcpy(rt_str_buf(s), b->p, b->len);
    rt_buf_free(b);
    return rt_str_done(s);
}

void rt_buf_free(rt_buf *b) {
    rt_free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

/* ---- reference counting ---------------------------------------------- */

static int is_obj_kind(const ac_type *t) { return t && t->kind >= AC_K_STR; }

void ac_incref(void *obj) {
    ac_obj *o = obj;
    if (o && o->rc >= 0) o->rc++;
}

#if defined(__GNUC__) || defined(__clang__)
__attribute__((noinline))
#endif
static void
free_list(ac_obj *o) {
    ac_list *l = (ac_list *)o;
    int64_t i;
    /* a list of ints, floats or None owns nothing in its items */
    if (is_obj_kind(l->elem))
        for (i = 0; i < l->len; i++) ac_decref(l->items[i].p);
    rt_free(l->items);
    rt_gc_free(l);
}

static void free_tuple(ac_obj *o) {
    ac_tuple *t = (ac_tuple *)o;
    int i;
    for (i = 0; i < t->type->n; i++) ac_val_decref(t->items[i], t->type->elems[i]);
    rt_gc_free(t);
}

static void free_exc(ac_obj *o) {
    ac_exc *e = (ac_exc *)o;
    uint32_t k;
    for (k = 0; k < e->cls->nslots; k++) ac_val_decref(e->slots[k], e->cls->slots[k]);
    ac_decref(e->args);
    ac_decref(e->context);
    ac_decref(e->cause);
    rt_free((void *)e->tb);
    rt_free(e);
}

/* Boxes (object values holding a float or a large int) come and go at
 * the rate of arithmetic on objects, so they are carved from slabs of
 * BOX_SLAB and freed ones wait on a LIFO list for the next box, the way
 * CPython's small-object allocator serves its ints: memory stays at the
 * peak number of live boxes and is never handed back to malloc.  Under
 * AddressSanitizer every box is its own allocation, so use-after-free
 * stays visible. */
#define BOX_SLAB 128
#ifndef AC_POOL_CHECKED
static void *box_pool;
#endif

/* A box whose value can hold a reference (a cell of a closure over a
 * list, an instance ...) can close a cycle: it is the collector's, with
 * its head, and is not pooled (rt_gc_box_headless says which).  The
 * boxes of numbers keep the pool and no head. */
static void free_box(ac_obj *o) {
    ac_box *x = (ac_box *)o;
    ac_val_decref(x->v, x->type);
    if (rt_gc_type_refs(x->type)) {
        rt_gc_free(x);
        return;
    }
#ifndef AC_POOL_CHECKED
    *(void **)x = box_pool;
    box_pool = x;
#else
    rt_free(x);
#endif
}

static ac_box *box_alloc(const ac_type *t) {
    if (rt_gc_type_refs(t)) return rt_gc_alloc(sizeof(ac_box), 1);
#ifndef AC_POOL_CHECKED
    {
        ac_box *x = box_pool;
        if (AC_UNLIKELY(!x)) {
            ac_box *slab = rt_malloc(sizeof *slab * BOX_SLAB);
            int i;
            for (i = 1; i < BOX_SLAB - 1; i++) *(void **)&slab[i] = &slab[i + 1];
            *(void **)&slab[BOX_SLAB - 1] = NULL;
            box_pool = &slab[1];
            return slab;
        }
        box_pool = *(void **)x;
        return x;
    }
#else
    return rt_malloc(sizeof(ac_box));
#endif
}

int rt_gc_box_headless(const ac_obj *o) { return !rt_gc_type_refs(((const ac_box *)o)->type); }

static void free_block(ac_obj *o) { rt_free(o); } /* str: one block */

/* How an object whose count reached zero is freed, by kind.  This file
 * frees the value kinds; a subsystem that owns another kind sets its slot
 * before it makes the first object of that kind (rt_task.c: AC_K_TASK, in
 * ac_coro_new), so the value code links and runs without the scheduler and
 * the base depends on nothing above it.  Kinds that only describe values
 * (int, float, ...) never reach it. */
void (*rt_obj_free[AC_K_NKINDS])(ac_obj *o) = {
    NULL,
    NULL,
    NULL,
    NULL,         /* none, bool, int, float: not objects */
    free_block,   /* AC_K_STR */
    free_list,    /* AC_K_LIST */
    free_tuple,   /* AC_K_TUPLE */
    free_exc,     /* AC_K_EXC */
    NULL,         /* AC_K_TASK: set by rt_task.c */
    NULL,         /* AC_K_OBJECT: a descriptor only */
    free_box,     /* AC_K_BOX */
    rt_dict_free, /* AC_K_DICT */
    rt_set_free,
    rt_set_free,      /* AC_K_SET, AC_K_FROZENSET */
    rt_dictview_free, /* AC_K_DICTVIEW */
    NULL,             /* AC_K_SYNC: set by rt_sync.c */
    NULL,             /* AC_K_GEN: set by rt_gen.c */
    NULL              /* AC_K_TIO: set by rt_tinyio.c */
};

void ac_decref(void *obj) {
    ac_obj *o = obj;
    if (!o || o->rc < 0) return;
    if (--o->rc == 0) rt_obj_free[o->kind](o);
}

void ac_val_decref(ac_val v, const ac_type *t) {
    if (is_obj_kind(t)) ac_decref(v.p);
}

void ac_val_incref(ac_val v, const ac_type *t) {
    if (is_obj_kind(t)) ac_incref(v.p);
}

/* ---- exception classes ----------------------------------------------- */

#define CLS(name, base) const ac_class ac_cls_##name = AC_CLASS(#name, base)
CLS(BaseException, NULL);
CLS(Exception, &ac_cls_BaseException);
CLS(ArithmeticError, &ac_cls_Exception);
CLS(ZeroDivisionError, &ac_cls_ArithmeticError);
CLS(OverflowError, &ac_cls_ArithmeticError);
CLS(LookupError, &ac_cls_Exception);
CLS(KeyError, &ac_cls_LookupError);
CLS(IndexError, &ac_cls_LookupError);
CLS(ValueError, &ac_cls_Exception);
CLS(TypeError, &ac_cls_Exception);
CLS(RuntimeError, &ac_cls_Exception);
CLS(NotImplementedError, &ac_cls_RuntimeError);
CLS(AssertionError, &ac_cls_Exception);
CLS(AttributeError, &ac_cls_Exception);
CLS(OSError, &ac_cls_Exception);
CLS(TimeoutError, &ac_cls_OSError);
CLS(ConnectionError, &ac_cls_OSError);
CLS(BrokenPipeError, &ac_cls_ConnectionError);
CLS(ConnectionAbortedError, &ac_cls_ConnectionError);
CLS(ConnectionRefusedError, &ac_cls_ConnectionError);
CLS(ConnectionResetError, &ac_cls_ConnectionError);
CLS(MemoryError, &ac_cls_Exception);
CLS(RecursionError, &ac_cls_RuntimeError);
CLS(NameError, &ac_cls_Exception);
CLS(UnboundLocalError, &ac_cls_NameError);
/* asyncio.CancelledError derives from BaseException since 3.8, so a bare
 * `except Exception` does not swallow cancellation. */
CLS(CancelledError, &ac_cls_BaseException);
CLS(KeyboardInterrupt, &ac_cls_BaseException);
/* exit statuses and the `try: import X / except ImportError` pattern */
CLS(SystemExit, &ac_cls_BaseException);
CLS(ImportError, &ac_cls_Exception);
CLS(ModuleNotFoundError, &ac_cls_ImportError);
CLS(EOFError, &ac_cls_Exception);

/* ---- the current exception ------------------------------------------- */

ac_exc *ac_err;

void ac_raise(ac_exc *e) {
    ac_exc *old = ac_err;
    ac_err = e;
    ac_decref(old);
}

ac_exc *ac_take_err(void) {
    ac_exc *e = ac_err;
    ac_err = NULL;
    return e;
}

int ac_exc_matches(const ac_exc *e, const ac_class *cls) {
    const ac_class *c;
    if (!e) return 0;
    for (c = e->cls; c; c = c->base)
        if (c == cls) return 1;
    /* ExceptionGroup is also an Exception (its one other base) */
    return cls == &ac_cls_Exception && ac_exc_matches(e, &ac_cls_ExceptionGroup);
}

ac_exc *ac_exc_new(const ac_class *cls, ac_tuple *args) {
    ac_exc *e = rt_malloc(sizeof *e + cls->nslots * sizeof(ac_val));
    e->h.rc = 1;
    e->h.kind = AC_K_EXC;
    e->cls = cls;
    e->args = args ? args : ac_tuple_new(&rt_t_tuple0, NULL);
    e->tb = NULL;
    e->ntb = e->captb = 0;
    e->context = NULL;
    e->cause = NULL;
    e->suppress = 0;
    e->pad = 0;
    e->set = 0;
    e->slots = (ac_val *)(void *)(e + 1);
    if (cls->nslots) memset(e->slots, 0, cls->nslots * sizeof(ac_val));
    return e;
}

void ac_exc_set_args(ac_exc *e, ac_tuple *args) {
    ac_tuple *old = e->args;
    e->args = args;
    ac_decref(old);
}

void ac_exc_set(ac_exc *e, uint32_t slot, ac_val v) {
    ac_val old = e->slots[slot];
    e->slots[slot] = v;
    ac_val_decref(old, e->cls->slots[slot]);
}

void ac_exc_no_attr(const ac_exc *e, const char *name) {
    ac_raise_msg(&ac_cls_AttributeError, "'%s' object has no attribute '%s'", e->cls->name, name);
}


static ac_exc *exc_with_str(const ac_class *cls, ac_str *msg /* stolen */) {
    ac_val v;
    v.p = msg;
    return ac_exc_new(cls, ac_tuple_new(&rt_t_tuple_str1, &v));
}

/* fmt == NULL raises cls() with no arguments. */
void ac_raise_msg(const ac_class *cls, const char *fmt, ...) {
    rt_buf b = {NULL, 0, 0};
    va_list ap;
    char small[512];
    int n;
    if (!fmt) {
        ac_raise(ac_exc_new(cls, NULL));
        return;
    }
    va_start(ap, fmt);
    n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    if ((size_t)n < sizeof small) {
        rt_buf_put(&b, small, (size_t)n);
    } else {
        b.p = rt_malloc((size_t)n + 1);
        b.cap = (size_t)n + 1;
        va_start(ap, fmt);
        vsnprintf(b.p, b.cap, fmt, ap);
        va_end(ap);
        b.len = (size_t)n;
    }
    ac_raise(exc_with_str(cls, rt_buf_finish(&b)));
}

void ac_raise_str(const ac_class *cls, ac_str *msg) {
    ac_incref(msg);
    ac_raise(exc_with_str(cls, msg));
}

/* str(e): no args -> '', one arg -> str(arg) (repr for KeyError, so that
 * a missing key '' is still visible), several -> repr(args). */
ac_str *ac_exc_str(const ac_exc *e) {
    if (e->cls->str) return e->cls->str((ac_exc *)e);
    return ac_exc_base_str(e);
}

ac_str *ac_exc_base_str(const ac_exc *e) {
    const ac_tuple *a = e->args;
    if (a->type->n == 2 && ac_exc_matches(e, &ac_cls_BaseExceptionGroup) &&
        (a->type->elems[1]->kind == AC_K_LIST || a->type->elems[1]->kind == AC_K_TUPLE)) {
        int64_t n = a->type->elems[1]->kind == AC_K_LIST ? ((const ac_list *)a->items[1].p)->len
                                                         : a->type->elems[1]->n; /* msg (n sub-exceptions) */
        ac_str *msg = ac_str_of(a->items[0], a->type->elems[0]), *r;
        rt_buf b = {NULL, 0, 0};
        rt_buf_printf(&b, "%s (%lld sub-exception%s)", msg->s, (long long)n, n == 1 ? "" : "s");
        ac_decref(msg);
        r = rt_buf_finish(&b);
        return r;
    }
    if (a->type->n == 0) return ac_str_new("", 0);
    if (a->type->n == 1) {
        if (ac_exc_matches(e, &ac_cls_KeyError)) return ac_repr_of(a->items[0], a->type->elems[0]);
        return ac_str_of(a->items[0], a->type->elems[0]);
    }
    {
        ac_val v;
        v.p = (void *)a;
        return ac_repr_of(v, a->type);
    }
}

/* repr(e): Name(arg) for one argument, Name(a, b) for several. */
ac_str *ac_exc_repr(const ac_exc *e) {
    if (e->cls->repr) return e->cls->repr((ac_exc *)e);
    return ac_exc_base_repr(e);
}

ac_str *ac_exc_base_repr(const ac_exc *e) {
    rt_buf b = {NULL, 0, 0};
    const ac_tuple *a = e->args;
    int i;
    rt_buf_puts(&b, e->cls->name);
    rt_buf_putc(&b, '(');
    for (i = 0; i < a->type->n; i++) {
        if (i) rt_buf_puts(&b, ", ");
        rt_buf_repr(&b, a->items[i], a->type->elems[i]);
    }
    rt_buf_putc(&b, ')');
    return rt_buf_finish(&b);
}

void ac_tb_here(const ac_tb_site *s) {
    ac_exc *e = ac_err;
    if (!e) return;
    if (e->ntb == e->captb) {
        e->captb = e->captb ? e->captb * 2 : 8;
        e->tb = rt_realloc((void *)e->tb, e->captb * sizeof *e->tb);
    }
    e->tb[e->ntb++] = s;
}

const ac_tb_site *ac_tb_at;

ac_status ac_tb_leave(void) {
    const ac_tb_site *s = ac_tb_at;
    ac_tb_at = NULL;
    if (s) ac_tb_here(s);
    return AC_ERROR;
}

void ac_exc_chain(ac_exc *handled) {
    ac_exc *e = ac_err, *c;
    if (!e || !handled || e == handled || e->context) return;
    for (c = handled; c; c = c->context) /* no cycle: a count would leak */
        if (c == e) return;
    ac_incref(handled);
    e->context = handled;
}

void ac_exc_set_cause(ac_exc *e, ac_exc *cause) {
    ac_exc *old = e->cause;
    e->cause = cause;
    e->suppress = 1;
    ac_decref(old);
}

ac_exc *ac_exc_cause(const ac_exc *e) {
    if (e->cause) ac_incref(e->cause);
    return e->cause;
}

ac_exc *ac_exc_context(const ac_exc *e) {
    if (e->context) ac_incref(e->context);
    return e->context;
}

static int same_line(const ac_tb_site *a, const ac_tb_site *b) {
    return a->line == b->line && !strcmp(a->file, b->file) && !strcmp(a->func, b->func);
}

/* CPython prints a line that repeats (recursion) three times, then
 * counts the rest. */
#define TB_RECURSIVE_CUTOFF 3

/* Inside an exception group every line has a margin (traceback.py's
 * _ExceptionPrintContext): two spaces per level, then '|' (or '+' on the
 * top group's first line). */
static int group_depth, need_close;

static void margin(char c) {
    int i;
    for (i = 0; i < group_depth; i++) fputs("  ", stderr);
    if (group_depth) fprintf(stderr, "%c ", c);
}

static void print_repeated(uint32_t count) {
    if (count <= TB_RECURSIVE_CUTOFF) return;
    count -= TB_RECURSIVE_CUTOFF;
    margin('|');
    fprintf(stderr, "  [Previous line repeated %u more time%s]\n", (unsigned)count, count > 1 ? "s" : "");
}

/* The frames, outermost first, as CPython prints them (without the
 * carets it draws under part of a line). */
static void print_tb(const ac_exc *e, const char *title, char first_margin) {
    uint32_t i = e->ntb, count = 0;
    const ac_tb_site *last = NULL;
    if (!i) return;
    margin(first_margin);
    fprintf(stderr, "%s (most recent call last):\n", title);
    while (i--) {
        const ac_tb_site *s = e->tb[i];
        if (!last || !same_line(s, last)) {
            print_repeated(count);
            last = s;
            count = 0;
        }
        if (++count > TB_RECURSIVE_CUTOFF) continue;
        margin('|');
        fprintf(stderr, "  File \"%s\", line %d, in %s\n", s->file, (int)s->line, s->func);
        if (s->text && *s->text) {
            margin('|');
            fprintf(stderr, "    %s\n", s->text);
        }
    }
    print_repeated(count);
}

static void print_group(const ac_exc *e);

/* str(e) for a report; CPython's placeholder when the class's __str__
 * raises (or runs out of memory), that error dropped */
static ac_str *report_str(const ac_exc *e) {
    ac_str *s = ac_exc_str(e);
    if (s) return s;
    ac_decref(ac_take_err());
    return ac_str_from_cstr("<exception str() failed>");
}

static void print_exc(const ac_exc *e) {
    ac_str *msg;
    const char *name = e->cls->name;
    /* CPython prints the cause, or else the context unless a `raise
     * ... from` suppressed it */
    const ac_exc *first = e->cause ? e->cause : e->suppress ? NULL : e->context;
    if (first) {
        print_exc(first);
        margin('|');
        fputs("\n", stderr);
        margin('|');
        fputs(e->cause ? "The above exception was the direct cause of the following exception:\n"
                       : "During handling of the above exception, another exception occurred:\n",
              stderr);
        margin('|');
        fputs("\n", stderr);
    }
    /* CPython qualifies classes outside builtins and __main__. */
    if (e->cls == &ac_cls_CancelledError) name = "asyncio.exceptions.CancelledError";
    if (e->cls == &ac_cls_tio_CancelledError) name = "tinyio.CancelledError";
    if (e->cls == &ac_cls_tio_TimeoutError) name = "tinyio.TimeoutError";
    if (e->cls == &ac_cls_BrokenBarrierError) name = "asyncio.exceptions.BrokenBarrierError";
    if (ac_exc_matches(e, &ac_cls_BaseExceptionGroup) && e->args->type->n == 2) {
        print_group(e);
        return;
    }
    msg = report_str(e);
    print_tb(e, "Traceback", '|');
    margin('|');
    if (msg->len)
        fprintf(stderr, "%s: %s\n", name, msg->s);
    else
        fprintf(stderr, "%s\n", name);
    ac_decref(msg);
}

/* traceback.py's format of an exception group: its frames and message in
 * a margin, then each sub-exception in a numbered box (at most 15) */
static void print_group(const ac_exc *e) {
    const ac_type *st = e->args->type->elems[1];
    const void *subs = e->args->items[1].p;
    int64_t n = st->kind == AC_K_LIST ? ((const ac_list *)subs)->len : st->n, shown, i;
    int top = group_depth == 0;
    ac_str *msg = report_str(e);
    if (top) group_depth++;
    print_tb(e, "Exception Group Traceback", top ? '+' : '|');
    margin('|');
    fprintf(stderr, "%s: %s\n", e->cls->name, msg->s);
    ac_decref(msg);
    shown = n <= 15 ? n : 16;
    need_close = 0;
    for (i = 0; i < shown; i++) {
        int last = i == shown - 1, j;
        if (last) need_close = 1;
        for (j = 0; j < group_depth; j++) fputs("  ", stderr);
        if (i < 15)
            fprintf(stderr, "%s+---------------- %lld ----------------\n", i == 0 ? "+-" : "  ", (long long)(i + 1));
        else
            fprintf(stderr, "  +---------------- ... ----------------\n");
        group_depth++;
        if (i < 15) {
            const ac_exc *sub = st->kind == AC_K_LIST ? ((const ac_list *)subs)->items[i].p
                                                      : ((const ac_tuple *)subs)->items[i].p;
            print_exc(sub);
        } else {
            margin('|');
            fprintf(stderr, "and %lld more exception%s\n", (long long)(n - 15), n - 15 > 1 ? "s" : "");
        }
        if (last && need_close) {
            for (j = 0; j < group_depth; j++) fputs("  ", stderr);
            fputs("+------------------------------------\n", stderr);
            need_close = 0;
        }
        group_depth--;
    }
    if (top) group_depth = 0;
}

void ac_report_uncaught(const ac_exc *e) {
    ac_flush(); /* keep program output before the report */
    print_exc(e);
    fflush(stderr);
}

ac_box *ac_box_new(const ac_type *t, ac_val v) {
    ac_box *x = box_alloc(t);
    x->h.rc = 1;
    x->h.kind = AC_K_BOX;
    x->type = t;
    x->v = v;
    return x;
}

/* e.args */
ac_tuple *ac_exc_args(const ac_exc *e) {
    ac_incref(e->args);
    return e->args;
}
