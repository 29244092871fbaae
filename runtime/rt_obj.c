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

static void oom(void) {
    ac_flush(); /* the program's output before the report */
    fputs("asyncc: out of memory\n", stderr);
    abort();
}

void *rt_malloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (!p) oom();
    return p;
}

void *rt_realloc(void *p, size_t n) {
    p = realloc(p, n ? n : 1);
    if (!p) oom();
    return p;
}

void rt_free(void *p) { free(p); }

/* ---- strings: allocation only (operations live in rt_str.c) ---------- */

/* One block: header then bytes, so a string costs one malloc. */
ac_str *rt_str_alloc(int64_t len) {
    ac_str *s = rt_malloc(sizeof(ac_str) + (size_t)len + 1);
    s->h.rc = 1;
    s->h.kind = AC_K_STR;
    s->len = len;
    s->nchars = len;
    s->s = (const char *)(s + 1);
    ((char *)(s + 1))[len] = '\0';
    return s;
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
    for (i = 0; i < l->len; i++) ac_val_decref(l->items[i], l->elem);
    rt_free(l->items);
    rt_free(l);
}

static void free_tuple(ac_obj *o) {
    ac_tuple *t = (ac_tuple *)o;
    int i;
    for (i = 0; i < t->type->n; i++) ac_val_decref(t->items[i], t->type->elems[i]);
    rt_free(t);
}

static void free_exc(ac_obj *o) {
    ac_exc *e = (ac_exc *)o;
    ac_decref(e->args);
    ac_decref(e->context);
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

static void free_box(ac_obj *o) {
    ac_box *x = (ac_box *)o;
    ac_val_decref(x->v, x->type);
#ifndef AC_POOL_CHECKED
    *(void **)x = box_pool;
    box_pool = x;
#else
    rt_free(x);
#endif
}

static ac_box *box_alloc(void) {
#ifndef AC_POOL_CHECKED
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
#else
    return rt_malloc(sizeof(ac_box));
#endif
}

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

static int is_obj_kind(const ac_type *t) { return t && t->kind >= AC_K_STR; }

void ac_val_decref(ac_val v, const ac_type *t) {
    if (is_obj_kind(t)) ac_decref(v.p);
}

void ac_val_incref(ac_val v, const ac_type *t) {
    if (is_obj_kind(t)) ac_incref(v.p);
}

/* ---- exception classes ----------------------------------------------- */

#define CLS(name, base) const ac_class ac_cls_##name = {#name, base}
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
CLS(MemoryError, &ac_cls_Exception);
CLS(RecursionError, &ac_cls_RuntimeError);
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
    return 0;
}

ac_exc *ac_exc_new(const ac_class *cls, ac_tuple *args) {
    ac_exc *e = rt_malloc(sizeof *e);
    e->h.rc = 1;
    e->h.kind = AC_K_EXC;
    e->cls = cls;
    e->args = args ? args : ac_tuple_new(&rt_t_tuple0, NULL);
    e->tb = NULL;
    e->ntb = e->captb = 0;
    e->context = NULL;
    return e;
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
    const ac_tuple *a = e->args;
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

static int same_line(const ac_tb_site *a, const ac_tb_site *b) {
    return a->line == b->line && !strcmp(a->file, b->file) && !strcmp(a->func, b->func);
}

/* CPython prints a line that repeats (recursion) three times, then
 * counts the rest. */
#define TB_RECURSIVE_CUTOFF 3
static void print_repeated(uint32_t count) {
    if (count <= TB_RECURSIVE_CUTOFF) return;
    count -= TB_RECURSIVE_CUTOFF;
    fprintf(stderr, "  [Previous line repeated %u more time%s]\n", (unsigned)count, count > 1 ? "s" : "");
}

/* The frames, outermost first, as CPython prints them (without the
 * carets it draws under part of a line). */
static void print_tb(const ac_exc *e) {
    uint32_t i = e->ntb, count = 0;
    const ac_tb_site *last = NULL;
    if (!i) return;
    fputs("Traceback (most recent call last):\n", stderr);
    while (i--) {
        const ac_tb_site *s = e->tb[i];
        if (!last || !same_line(s, last)) {
            print_repeated(count);
            last = s;
            count = 0;
        }
        if (++count > TB_RECURSIVE_CUTOFF) continue;
        fprintf(stderr, "  File \"%s\", line %d, in %s\n", s->file, (int)s->line, s->func);
        if (s->text && *s->text) fprintf(stderr, "    %s\n", s->text);
    }
    print_repeated(count);
}

static void print_exc(const ac_exc *e) {
    ac_str *msg;
    const char *name = e->cls->name;
    if (e->context) {
        print_exc(e->context);
        fputs("\nDuring handling of the above exception, another exception "
              "occurred:\n\n",
              stderr);
    }
    /* CPython qualifies classes outside builtins and __main__. */
    if (e->cls == &ac_cls_CancelledError) name = "asyncio.exceptions.CancelledError";
    if (e->cls == &ac_cls_tio_CancelledError) name = "tinyio.CancelledError";
    if (e->cls == &ac_cls_tio_TimeoutError) name = "tinyio.TimeoutError";
    msg = ac_exc_str(e);
    print_tb(e);
    if (msg->len)
        fprintf(stderr, "%s: %s\n", name, msg->s);
    else
        fprintf(stderr, "%s\n", name);
    ac_decref(msg);
}

void ac_report_uncaught(const ac_exc *e) {
    ac_flush(); /* keep program output before the report */
    print_exc(e);
    fflush(stderr);
}

ac_box *ac_box_new(const ac_type *t, ac_val v) {
    ac_box *x = box_alloc();
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
