/*
 * rt_host.c -- what a coroutine waits on that the host provides: receive()
 * (events the host pushes), frame() (the host's frame ticks) and deferred
 * host calls (completed later with asyncc_call_return/raise).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

/* a deferred host call in flight */
typedef struct rt_call {
    ac_wait *w; /* NULL when the slot is free */
    uint32_t gen, next_free;
    const ac_type *t;
    ac_val v;
    ac_exc *err;
    int completed;
} rt_call;

/* ---- receive(), frame(), deferred host calls ------------------------- */
/* Hops: an event pushed to a waiting receiver, a frame tick and a host
 * call's completion each queue the waiting task's step (one hop, like a
 * future's set_result waking its task).  An event already queued when
 * receive() is called is returned at once (asyncio.Queue.get_nowait). */

static void fifo_append(ac_wait **head, ac_wait **tail, ac_wait *w) {
    w->link = 0;
    if (*tail)
        (*tail)->link = (uintptr_t)w;
    else
        *head = w;
    *tail = w;
    w->bits |= B_LISTED;
}

static ac_wait *fifo_pop(ac_wait **head, ac_wait **tail) {
    ac_wait *w = *head;
    if (!w) return NULL;
    *head = (ac_wait *)w->link;
    if (!*head) *tail = NULL;
    w->link = 0;
    w->bits &= (uint16_t)~B_LISTED;
    return w;
}

static void fifo_remove(ac_wait **head, ac_wait **tail, ac_wait *w) {
    ac_wait *prev = NULL, *cur = *head;
    if (!(w->bits & B_LISTED)) return;
    while (cur && cur != w) {
        prev = cur;
        cur = (ac_wait *)cur->link;
    }
    if (!cur) return;
    if (prev)
        prev->link = w->link;
    else
        *head = (ac_wait *)w->link;
    if (*tail == w) *tail = prev;
    w->link = 0;
    w->bits &= (uint16_t)~B_LISTED;
}

static void ev_push(rt_loop *L, ac_str *s, int front) {
    if (L->ev_len == L->ev_cap) { /* grow the ring, unrolled */
        uint32_t i, cap = L->ev_cap ? L->ev_cap * 2 : 16;
        ac_str **n = rt_sched_alloc(cap * sizeof(ac_str *));
        for (i = 0; i < L->ev_len; i++) n[i] = L->ev[(L->ev_head + i) % L->ev_cap];
        rt_sched_free(L->ev);
        L->ev = n;
        L->ev_cap = cap;
        L->ev_head = 0;
    }
    if (front) {
        L->ev_head = (L->ev_head + L->ev_cap - 1) % L->ev_cap;
        L->ev[L->ev_head] = s;
    } else {
        L->ev[(L->ev_head + L->ev_len) % L->ev_cap] = s;
    }
    L->ev_len++;
}

static ac_str *ev_pop(rt_loop *L) {
    ac_str *s = L->ev[L->ev_head];
    L->ev_head = (L->ev_head + 1) % L->ev_cap;
    L->ev_len--;
    return s;
}

/* hand an event to the longest-waiting receiver, or queue it */
static void deliver_event(rt_loop *L, ac_str *s, int front) {
    ac_wait *w = fifo_pop(&L->recv_head, &L->recv_tail);
    if (!w) {
        ev_push(L, s, front);
        return;
    }
    w->obj = s;
    w->st = ST_READY;
    wake(L, w->owner);
}

void rt_push_event(rt_loop *L, ac_str *s) { deliver_event(L, s, 0); }

void rt_frame_tick(rt_loop *L) {
    ac_wait *head = L->frame_head, *w;
    L->frame_head = L->frame_tail = NULL;
    while ((w = head) != NULL) {
        head = (ac_wait *)w->link;
        w->link = 0;
        w->bits &= (uint16_t)~B_LISTED;
        w->st = ST_READY;
        wake(L, w->owner);
    }
}

ac_status ac_receive_begin(ac_wait *w) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = rt_current_or_die();
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    w->kind = W_RECV;
    w->owner = cur;
    if (L->ev_len) {
        w->obj = ev_pop(L);
        w->st = ST_DONE;
        return AC_DONE;
    }
    fifo_append(&L->recv_head, &L->recv_tail, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

ac_status ac_frame_begin(ac_wait *w) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = rt_current_or_die();
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    w->kind = W_FRAME;
    w->owner = cur;
    fifo_append(&L->frame_head, &L->frame_tail, w);
    set_leaf(cur, w);
    return AC_SUSPEND;
}

static rt_call *call_of(rt_loop *L, ac_call_id id) {
    uint32_t i = (uint32_t)(id & 0xffffffffu);
    if (i >= L->ncalls) return NULL;
    if (L->calls[i].gen != (uint32_t)(id >> 32) || !L->calls[i].w) return NULL;
    return &L->calls[i];
}

static void call_free(rt_loop *L, ac_wait *w) {
    rt_call *c = &L->calls[w->idx];
    if (c->completed) {
        ac_val_decref(c->v, c->t);
        ac_decref(c->err);
    }
    memset(&c->v, 0, sizeof c->v);
    c->err = NULL;
    c->w = NULL;
    c->completed = 0;
    c->gen++;
    c->next_free = L->call_free;
    L->call_free = w->idx + 1; /* 0 means "none" */
}

ac_status ac_host_call_begin(ac_wait *w, const ac_type *ret, ac_call_id *id) {
    rt_loop *L = rt_need_loop();
    ac_task *cur = rt_current_or_die();
    uint32_t i;
    rt_call *c;
    *id = 0;
    if (!cur) return AC_ERROR;
    memset(w, 0, sizeof *w);
    if (L->call_free) {
        i = L->call_free - 1;
        L->call_free = L->calls[i].next_free;
    } else {
        if (L->ncalls == L->capcalls) {
            L->capcalls = L->capcalls ? L->capcalls * 2 : 16;
            L->calls = rt_sched_realloc(L->calls, L->capcalls * sizeof(rt_call));
        }
        i = L->ncalls++;
        memset(&L->calls[i], 0, sizeof(rt_call));
        L->calls[i].gen = 1;
    }
    c = &L->calls[i];
    c->w = w;
    c->t = ret;
    c->completed = 0;
    w->kind = W_HOST;
    w->owner = cur;
    w->idx = i;
    set_leaf(cur, w);
    *id = ((uint64_t)c->gen << 32) | i;
    return AC_SUSPEND;
}

int rt_call_return(rt_loop *L, ac_call_id id, ac_val v) {
    rt_call *c = call_of(L, id);
    if (!c || c->completed) return 0;
    c->v = v;
    c->completed = 1;
    c->w->st = ST_READY;
    wake(L, c->w->owner);
    return 1;
}

int rt_call_raise(rt_loop *L, ac_call_id id, ac_exc *e) {
    rt_call *c = call_of(L, id);
    if (!c || c->completed) {
        ac_decref(e);
        return 0;
    }
    c->err = e;
    c->completed = 1;
    c->w->st = ST_READY;
    wake(L, c->w->owner);
    return 1;
}


void rt_host_fini(rt_loop *L) {
    while (L->ev_len) ac_decref(ev_pop(L));
    rt_sched_free(L->ev);
    rt_sched_free(L->calls);
    L->ev = NULL;
    L->calls = NULL;
    L->ev_cap = L->ev_head = L->ncalls = L->capcalls = L->call_free = 0;
}

/* ---- the rows ----------------------------------------------------------- */
/* A W_HOST record whose slot was released (cancelled, or its value taken)
 * becomes a W_FRAME record that is on no list: nothing is left to release
 * and the slot cannot be freed twice. */

static void recv_drop(rt_loop *L, ac_wait *w) {
    fifo_remove(&L->recv_head, &L->recv_tail, w);
    if (w->obj) deliver_event(L, w->obj, 1); /* not consumed: back */
    w->obj = NULL;
}

static void frame_drop(rt_loop *L, ac_wait *w) { fifo_remove(&L->frame_head, &L->frame_tail, w); }

static void host_drop(rt_loop *L, ac_wait *w) {
    call_free(L, w);
    w->kind = W_FRAME;
}

static ac_status host_wait_end(rt_loop *L, ac_wait *w, ac_task *cur) {
    if (take_must_cancel(cur) || w->st == ST_CANCELLED) {
        WAIT_OPS(w)->drop(L, w);
        return rt_raise_idle(w, &ac_cls_CancelledError);
    }
    if (w->st != ST_READY) {
        set_leaf(cur, w);
        return AC_SUSPEND;
    }
    if (w->kind == W_HOST && L->calls[w->idx].err) { /* the host raised */
        ac_exc *e = L->calls[w->idx].err;
        L->calls[w->idx].err = NULL;
        L->calls[w->idx].completed = 0;
        call_free(L, w);
        rt_wait_idle(w);
        ac_raise(e);
        return AC_ERROR;
    }
    w->st = ST_DONE;
    return AC_DONE;
}

/* the waiting task wakes with the record cancelled */
static int host_wait_cancel(rt_loop *L, ac_wait *w) {
    if (w->st != ST_PENDING) return 0;
    WAIT_OPS(w)->drop(L, w);
    w->st = ST_CANCELLED;
    wake(L, w->owner);
    return 1;
}

static ac_val host_result(rt_loop *L, ac_wait *w) {
    ac_val v;
    rt_call *c = &L->calls[w->idx];
    v = c->v;
    c->completed = 0; /* the value is the caller's now */
    host_drop(L, w);
    return v;
}

const rt_wait_ops rt_ops_recv = {
    .end = host_wait_end, .result = rt_obj_result, .cancel = host_wait_cancel, .drop = recv_drop};
const rt_wait_ops rt_ops_frame = {.end = host_wait_end, .cancel = host_wait_cancel, .drop = frame_drop};
const rt_wait_ops rt_ops_host = {
    .end = host_wait_end, .result = host_result, .cancel = host_wait_cancel, .drop = host_drop};
