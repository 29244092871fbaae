/*
 * sched_script.h -- test helper for the scheduler tests: a coroutine whose
 * body is a small list of operations, written the way the compiler writes
 * resume functions (a frame struct that starts with `ac_val ret;` and the
 * state number, one switch at the top that jumps to the resume_N labels,
 * one ac_wait record, the await macros of asyncc_rt.h).  Each scenario also exists as a Python program
 * in tests/runtime/py/; the expected traces in the tests are that
 * program's output under the reference runner's virtual clock.
 */
#ifndef SCHED_SCRIPT_H
#define SCHED_SCRIPT_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "asyncc_rt.h"

/* ---- trace ------------------------------------------------------------ */
static char trace_buf[1 << 16];
static size_t trace_len;

static void trace(const char *fmt, ...) {
    va_list ap;
    if (trace_len) trace_buf[trace_len++] = ' ';
    va_start(ap, fmt);
    trace_len += (size_t)vsnprintf(trace_buf + trace_len, sizeof trace_buf - trace_len, fmt, ap);
    va_end(ap);
}

static void trace_reset(void) {
    trace_len = 0;
    trace_buf[0] = 0;
}

/* ---- scripts ------------------------------------------------------------ */
typedef enum {
    OP_END = 0,
    OP_PRINT,    /* trace s */
    OP_SLEEP,    /* await sleep(d) */
    OP_SPAWN,    /* slot[i] = create_task(script j) */
    OP_AWAIT,    /* x = await slot[i]; trace "name=x" */
    OP_CANCEL,   /* trace "name:cancel=<slot[i].cancel()>" */
    OP_RETURN,   /* return i */
    OP_RAISE,    /* raise ValueError(s) */
    OP_CATCH,    /* from here on, a CancelledError is caught (traced) */
    OP_INLINE,   /* x = await script j (coroutine run inline) */
    OP_GATHER,   /* x = await asyncio.gather(*scripts js[], return_exceptions=i) */
    OP_GATHER_T, /* x = await asyncio.gather(*slots js[]) */
    OP_WAITFOR,  /* x = await asyncio.wait_for(script j, d) (i: no timeout) */
    OP_EGATHER,  /* x = await gather(*scripts js[]) (builtins) */
    OP_WTIMEOUT, /* x = await with_timeout(d, script j) */
    OP_ECANCEL,  /* cancel(slot[i]) (builtins, silent) */
    OP_STATE,    /* trace "name:done=..,cancelled=.." of slot[i] */
    OP_CATCHALL, /* from here on every exception is caught (traced) */
    OP_SPAWN_ANY /* slot[i] = create_task(script j) without keeping order */
} op_kind;

typedef struct op {
    op_kind k;
    int i, j;
    double d;
    const char *s;
    const int *js; /* -1 terminated */
} op;

typedef struct script {
    const char *name;
    const op *ops;
} script;

#define NSLOTS 64
static ac_task *slots[NSLOTS];
static const script *scripts; /* the current scenario's table */
static int drops;

typedef struct script_frame {
    ac_val ret;
    uint8_t state;
    uint8_t catch_cancel, catch_all;
    int pc;
    const script *sc;
    ac_wait w;
} script_frame;

static ac_status script_resume(void *p);
static void script_drop(void *p);

static const ac_coro_vt script_vt = {script_resume, script_drop, "script", &ac_t_int, sizeof(script_frame), NULL};

static ac_task *script_new(int j) {
    ac_task *t = ac_coro_new(&script_vt);
    script_frame *f = AC_TASK_FRAME(t, script_frame);
    f->sc = &scripts[j];
    return t;
}

static void script_drop(void *p) {
    script_frame *f = p;
    drops++;
    ac_wait_drop(&f->w);
}

static const char *cls_name(const ac_exc *e) { return e ? e->cls->name : "?"; }

static void trace_list(const char *name, ac_list *l, int excs) {
    char buf[512];
    size_t n = 0;
    int64_t i;
    buf[0] = 0;
    for (i = 0; i < l->len; i++) {
        if (excs) {
            const ac_exc *e = l->items[i].p;
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", i ? "," : "", e ? cls_name(e) : "0");
        } else {
            n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%lld", i ? "," : "", (long long)l->items[i].i);
        }
    }
    trace("%s=[%s]", name, buf);
}

static int njs(const int *js) {
    int n = 0;
    while (js[n] >= 0) n++;
    return n;
}

static ac_status script_resume(void *p) {
    script_frame *f = p;
    ac_status st = AC_SUSPEND;
    const op *o;
    ac_task *kids[32];
    int n, k;
    switch (f->state) {
    case 0: break;
    case 1: goto resume_1;
    case 2: goto resume_2;
    }
    f->pc = 0;
    for (;;) {
        o = &f->sc->ops[f->pc];
        switch (o->k) {
        case OP_END: f->ret.i = 0; return AC_DONE;
        case OP_RETURN: f->ret.i = o->i; return AC_DONE;
        case OP_PRINT:
            trace("%s", o->s);
            f->pc++;
            continue;
        case OP_RAISE:
            trace("%s:raise", f->sc->name);
            ac_raise_msg(&ac_cls_ValueError, "%s", o->s);
            goto error;
        case OP_CATCH:
            f->catch_cancel = 1;
            f->pc++;
            continue;
        case OP_CATCHALL:
            f->catch_all = 1;
            f->pc++;
            continue;
        case OP_SPAWN:
        case OP_SPAWN_ANY:
            ac_decref(slots[o->i]);
            slots[o->i] = ac_create_task(script_new(o->j));
            f->pc++;
            continue;
        case OP_CANCEL:
            trace("%s:cancel=%d", f->sc->name, ac_task_cancel(slots[o->i]));
            f->pc++;
            continue;
        case OP_ECANCEL:
            ac_edge_cancel(slots[o->i]);
            f->pc++;
            continue;
        case OP_STATE:
            trace("%s:done=%d,cancelled=%d", f->sc->name, ac_task_done(slots[o->i]), ac_task_cancelled(slots[o->i]));
            f->pc++;
            continue;
        case OP_SLEEP:
            if (o->d == 0.0) { /* the compiler's `await sleep(0)` */
                AC_AWAIT_YIELD(2, goto error);
                o = &f->sc->ops[f->pc];
                f->pc++;
                continue;
            }
            st = ac_sleep_begin(&f->w, o->d);
            break;
        case OP_AWAIT: st = ac_await_begin(&f->w, slots[o->i]); break;
        case OP_INLINE: {
            ac_task *c = script_new(o->j);
            st = ac_await_begin(&f->w, c);
            ac_decref(c);
            break;
        }
        case OP_GATHER:
        case OP_EGATHER:
            n = njs(o->js);
            for (k = 0; k < n; k++) kids[k] = script_new(o->js[k]);
            if (o->k == OP_GATHER)
                st = ac_gather_begin(&f->w, n, kids, o->i ? &ac_t_exc : &ac_t_int, o->i);
            else
                st = ac_edge_gather_begin(&f->w, n, kids, &ac_t_int);
            break;
        case OP_GATHER_T:
            n = njs(o->js);
            for (k = 0; k < n; k++) {
                kids[k] = slots[o->js[k]];
                ac_incref(kids[k]);
            }
            st = ac_gather_begin(&f->w, n, kids, &ac_t_int, 0);
            break;
        case OP_WAITFOR: st = ac_wait_for_begin(&f->w, script_new(o->j), !o->i, o->d); break;
        case OP_WTIMEOUT: st = ac_with_timeout_begin(&f->w, o->d, script_new(o->j)); break;
        }
        AC_AWAIT_BEGUN(1, &f->w, goto error); /* asyncc_rt.h's protocol */
        o = &f->sc->ops[f->pc];
        {
            ac_val v = ac_wait_result(&f->w);
            switch (o->k) {
            case OP_SLEEP: break;
            case OP_GATHER:
            case OP_GATHER_T:
            case OP_EGATHER:
                trace_list(f->sc->name, v.p, o->k == OP_GATHER && o->i);
                ac_decref(v.p);
                break;
            default: trace("%s=%lld", f->sc->name, (long long)v.i); break;
            }
        }
        f->pc++;
        continue;
    error:
        if ((f->catch_cancel && ac_exc_matches(ac_err, &ac_cls_CancelledError)) || f->catch_all) {
            ac_exc *e = ac_take_err();
            trace("%s:caught:%s", f->sc->name, cls_name(e));
            ac_decref(e);
            f->pc++;
            continue;
        }
        trace("%s!%s", f->sc->name, cls_name(ac_err));
        return AC_ERROR;
    }
}

static void slots_clear(void) {
    int i;
    for (i = 0; i < NSLOTS; i++) {
        ac_decref(slots[i]);
        slots[i] = NULL;
    }
}

/* Run scenario `sc` under asyncio.run(script 0) on the virtual clock. */
static const char *run_scenario(const script *sc, int edge, int nmain) {
    ac_val r;
    ac_status st;
    scripts = sc;
    trace_reset();
    if (!edge) {
        st = ac_asyncio_run(script_new(0), &r);
    } else {
        ac_task *m[8];
        int i;
        for (i = 0; i < nmain; i++) {
            m[i] = script_new(i);
            slots[i] = m[i];
            ac_incref(m[i]);
        }
        st = ac_edge_run(nmain, m, &r);
    }
    if (st == AC_ERROR) {
        ac_exc *e = ac_take_err();
        trace("run!%s", cls_name(e));
        ac_decref(e);
    } else {
        trace("run=%lld", (long long)r.i);
    }
    slots_clear();
    return trace_buf;
}

#endif
