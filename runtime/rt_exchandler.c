/*
 * rt_exchandler.c -- what the loop does with an exception nobody can
 * catch (a callback's, a task's never retrieved): CPython's
 * call_exception_handler.  With a handler set by
 * loop.set_exception_handler(fn) the loop calls fn(loop, context), the
 * context a dict[str, object] ('message', 'exception', 'handle' or
 * 'future'); without one, the default handler prints the message, the
 * other keys as `key: repr(value)` in sorted order, then the traceback,
 * as CPython's logger shows them.
 *
 * A callback is named as CPython's format_helpers name it: the def's
 * name, its arguments through reprlib (each repr cut to 30 characters
 * around '...'), then ` at FILE:LINE` for a def (the compiler passes the
 * name as "NAME at FILE:LINE"; a function value has no location).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

static struct {
    ac_exc_handler_fn fn; /* NULL: the default handler */
    ac_obj *env;          /* the handler's function value or receiver, owned */
    ac_sync *loop;        /* the loop object it is called with, owned */
    const ac_type *ctx_t; /* the program's dict[str, object] */
} handler;

void ac_loop_set_exception_handler(ac_sync *loop, ac_exc_handler_fn fn, ac_obj *env, const ac_type *ctx_t) {
    ac_obj *old_env = handler.env, *old_loop = (ac_obj *)handler.loop;
    ac_incref(env);
    ac_incref(loop);
    handler.fn = fn;
    handler.env = env;
    handler.loop = loop;
    handler.ctx_t = ctx_t;
    ac_decref(old_env);
    ac_decref(old_loop);
}

/* the handler as an object: None, or its function value (a def named
 * directly has none: True stands for it) */
ac_obj *ac_loop_get_exception_handler(ac_sync *loop) {
    (void)loop;
    if (!handler.fn) return &ac_None;
    if (handler.env && handler.env->kind == AC_K_FN) {
        ac_incref(handler.env);
        return handler.env;
    }
    return ac_obj_bool(1);
}

/* the loop is done: what the handler holds goes */
void rt_exchandler_fini(void) {
    ac_obj *env = handler.env, *loop = (ac_obj *)handler.loop;
    memset(&handler, 0, sizeof handler);
    ac_decref(env);
    ac_decref(loop);
}

/* ---- the default handler ----------------------------------------------- */

static int key_cmp(const void *a, const void *b) {
    return strcmp((*(ac_str *const *)a)->s, (*(ac_str *const *)b)->s);
}

static ac_obj *ctx_get(const ac_dict *ctx, const char *key) {
    ac_str *k = ac_str_from_cstr(key);
    ac_val none, v;
    none.p = NULL;
    v = ac_dict_get_or(ctx, ac_ptr_val(k), none);
    ac_decref(k);
    return v.p;
}

void ac_loop_default_exception_handler(ac_sync *loop, ac_dict *ctx) {
    ac_obj *msg = ctx_get(ctx, "message"), *exc = ctx_get(ctx, "exception");
    ac_str **keys = malloc(sizeof *keys * (size_t)(ctx->len + 1));
    int64_t pos = 0, n = 0, i;
    ac_val k, v;
    (void)loop;
    while (ac_dict_next(ctx, &pos, &k, &v)) keys[n++] = k.p;
    qsort(keys, (size_t)n, sizeof *keys, key_cmp);
    ac_flush();
    if (msg && msg->kind == AC_K_STR && ((ac_str *)msg)->len)
        fputs(((ac_str *)msg)->s, stderr);
    else
        fputs("Unhandled exception in event loop", stderr);
    for (i = 0; i < n; i++) {
        ac_str *r;
        if (!strcmp(keys[i]->s, "message") || !strcmp(keys[i]->s, "exception")) continue;
        r = ac_repr_of(ac_dict_get(ctx, ac_ptr_val(keys[i])), &ac_t_object);
        fprintf(stderr, "\n%s: %s", keys[i]->s, r->s);
        ac_decref(r);
    }
    fputc('\n', stderr);
    free(keys);
    if (exc && exc->kind == AC_K_EXC) ac_report_uncaught((ac_exc *)exc);
    fflush(stderr);
}

/* ---- calling the handler -------------------------------------------------- */

/* an error of the handler itself: CPython's default handler reports it
 * with the context it was given */
static void handler_failed(ac_dict *ctx) {
    ac_exc *e = ac_take_err();
    ac_str *r = ac_repr_of(ac_ptr_val(ctx), ctx->type);
    ac_flush();
    fprintf(stderr, "Unhandled error in exception handler\ncontext: %s\n", r->s);
    ac_decref(r);
    ac_report_uncaught(e);
    ac_decref(e);
}

/* ctx as a dict[str, object] (a display of str values is a dict[str, str]) */
static ac_dict *as_object_dict(ac_dict *ctx, const ac_type *ctx_t) {
    const ac_type *vt = ctx->type->elems[1];
    ac_dict *d;
    int64_t pos = 0;
    ac_val k, v;
    if (vt->kind == AC_K_OBJECT) {
        ac_incref(ctx);
        return ctx;
    }
    d = ac_dict_new(ctx_t);
    while (ac_dict_next(ctx, &pos, &k, &v)) {
        ac_incref(k.p);
        ac_val_incref(v, vt);
        ac_dict_set(d, k, ac_ptr_val(ac_obj_from(v, vt)));
    }
    return d;
}

void ac_loop_call_exception_handler(ac_sync *loop, ac_dict *ctx, const ac_type *ctx_t) {
    ac_dict *d = as_object_dict(ctx, ctx_t);
    if (!handler.fn) {
        ac_loop_default_exception_handler(loop, d);
    } else {
        handler.fn(handler.env, handler.loop, d);
        if (ac_err) handler_failed(d);
    }
    ac_decref(d);
}

/* ---- the loop's own reports ----------------------------------------------- */

static void ctx_put(ac_dict *d, const char *key, ac_obj *value) {
    ac_incref(value);
    ac_dict_set(d, ac_ptr_val(ac_str_from_cstr(key)), ac_ptr_val(value));
}

/* an exception nobody caught, reported as CPython's loop reports it: to
 * the handler set, else message, `key: what` and the traceback; value is
 * what the context holds under key (NULL: none), what its repr */
void rt_report_to_handler(const char *message, ac_exc *e, const char *key, ac_obj *value, const char *what) {
    if (handler.fn) {
        ac_dict *d = ac_dict_new(handler.ctx_t);
        ac_str *m = ac_str_from_cstr(message);
        ctx_put(d, "message", &m->h);
        ac_decref(m);
        ctx_put(d, "exception", &e->h);
        if (key && value) ctx_put(d, key, value);
        handler.fn(handler.env, handler.loop, d);
        if (ac_err) handler_failed(d);
        ac_decref(d);
        return;
    }
    ac_flush();
    fputs(message, stderr);
    if (key && what) fprintf(stderr, "\n%s: %s", key, what);
    fputc('\n', stderr);
    ac_report_uncaught(e);
}

int rt_has_exception_handler(void) { return handler.fn != NULL; }

/* reprlib's cut: at most lim characters, the middle replaced by '...' */
static void put_cut(rt_buf *b, const ac_str *r, int lim) {
    if (r->len <= lim) {
        rt_buf_put(b, r->s, (size_t)r->len);
    } else {
        int i = (lim - 3) / 2, j = lim - 3 - i;
        rt_buf_put(b, r->s, (size_t)i);
        rt_buf_puts(b, "...");
        rt_buf_put(b, r->s + r->len - j, (size_t)j);
    }
}

/* reprlib.repr of one argument (CPython's maxlong 40, maxother 30) */
static void short_repr(rt_buf *b, ac_val v, const ac_type *t) {
    ac_str *r = ac_repr_of(v, t);
    put_cut(b, r, t->kind == AC_K_INT ? 40 : 30);
    ac_decref(r);
}

/* "boom(3, 'x') at prog.py:2" for the name "boom at prog.py:2": args are
 * the tuple's items, or the one task `fut` */
void rt_callback_source(rt_buf *b, const char *name, const ac_tuple *args, ac_task *fut) {
    const char *at = strchr(name, ' ');
    int i;
    rt_buf_put(b, name, at ? (size_t)(at - name) : strlen(name));
    rt_buf_putc(b, '(');
    for (i = 0; args && i < args->type->n; i++) {
        if (i) rt_buf_puts(b, ", ");
        short_repr(b, args->items[i], args->type->elems[i]);
    }
    if (fut) {
        rt_buf tb = {NULL, 0, 0};
        ac_str *r;
        rt_task_repr(&tb, fut);
        r = rt_buf_finish(&tb);
        put_cut(b, r, 30);
        ac_decref(r);
    }
    rt_buf_putc(b, ')');
    if (at) rt_buf_puts(b, at);
}
