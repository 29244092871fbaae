/*
 * rt_tinyio.c -- the tinyio spelling: a loop that drives generators as
 * coroutines, with tinyio's rules (its README and source are the
 * specification; this file is written from them, nothing is copied).
 *
 * A coroutine is any generator object.  What it yields decides what
 * happens: None pauses it (it goes to the back of the queue), a coroutine
 * or a list of coroutines makes it wait for their results (a "gather"; the
 * same coroutine yielded twice runs once, and a finished one answers at
 * once), a set starts coroutines in the background, and a wait object
 * (made by Event.wait()/sleep()) waits for an event or a timeout.  The
 * loop is tinyio's: a FIFO queue of (coroutine, value to send), a heap of
 * timeouts checked before every step, and a counter per suspended
 * coroutine of the things it still waits for (tio_wf).  When a coroutine
 * raises, every coroutine still running gets tinyio.CancelledError thrown
 * in at its yield, in the order they started, and the error leaves
 * Loop.run (or a BaseExceptionGroup, as exception_group= asks).
 *
 * Why a loop of its own rather than rt_loop.c's: rt_loop.c reproduces
 * asyncio's callback hops (its ready queue holds task steps and
 * done-callbacks, each a hop CPython makes), while tinyio has no hops at
 * all -- one queue entry is one send() into a generator, and a finished
 * coroutine wakes its waiters directly.  Both use the same clock
 * (rt_clock.c), so the virtual clock (ASYNCC_CLOCK) applies to tinyio
 * programs as it does to asyncio ones.
 *
 * run_in_thread/ThreadPool (run_in_thread, map) run the function inline, when the coroutine
 * first runs (there are no threads in the runtime); see rt_tinyio_lib.c.
 */
#include "rt_tinyio.h"

#include <stdio.h>
#include <string.h>

const ac_class ac_cls_tio_CancelledError = AC_CLASS("CancelledError", &ac_cls_BaseException);
const ac_class ac_cls_tio_TimeoutError = AC_CLASS("TimeoutError", &ac_cls_BaseException);
const ac_type ac_t_tio = {AC_K_TIO, 0, NULL};

/* ---- objects --------------------------------------------------------------- */

static void tio_free(ac_obj *o);

void *tio_new(int sub, size_t size) {
    rt_obj_free[AC_K_TIO] = tio_free;
    ac_tio *t = rt_malloc(size);
    memset(t, 0, size);
    t->h.rc = 1;
    t->h.kind = AC_K_TIO;
    t->sub = sub;
    return t;
}

static void loop_free(tio_loop *lp);

static void tio_free(ac_obj *o) {
    ac_tio *t = (ac_tio *)o;
    switch (t->sub) {
    case TIO_LOOP: loop_free((tio_loop *)t); break;
    case TIO_EVENT: {
        tio_event *ev = (tio_event *)t;
        rt_free(ev->waits);
        break;
    }
    case TIO_WAIT: {
        tio_wait *w = (tio_wait *)t;
        if (w->ev) ac_decref(w->ev);
        break;
    }
    default: tio_lib_free(t); break;
    }
    rt_free(t);
}

/* ---- the table of coroutines a loop has seen -------------------------------- */

static uint32_t slot_of(const tio_loop *lp, const ac_gen *g) {
    uintptr_t h = (uintptr_t)g >> 4;
    h ^= h >> 17;
    return (uint32_t)(h * 2654435761u) & (lp->cap - 1);
}

static tio_node *find_node(const tio_loop *lp, const ac_gen *g) {
    if (!lp->cap) return NULL;
    for (uint32_t i = slot_of(lp, g);; i = (i + 1) & (lp->cap - 1)) {
        tio_node *n = lp->tab[i];
        if (!n) return NULL;
        if (n->g == g) return n;
    }
}

static void put_node(tio_loop *lp, tio_node *n) {
    uint32_t i = slot_of(lp, n->g);
    while (lp->tab[i]) i = (i + 1) & (lp->cap - 1);
    lp->tab[i] = n;
}

static void node_free(tio_node *n) {
    ac_decref(n->g);
    if (n->result) ac_decref(n->result);
    rt_free(n->waiters);
    rt_free(n);
}

/* Grow the table; finished coroutines nobody else holds are dropped on the
 * way (tinyio keeps results in a WeakKeyDictionary: a coroutine no one can
 * name again cannot be yielded again). */
static void rehash(tio_loop *lp) {
    tio_node **old = lp->tab;
    uint32_t oldcap = lp->cap, live = 0;
    for (uint32_t i = 0; i < oldcap; i++) {
        tio_node *n = old[i];
        if (n && n->state == TN_DONE && n->g->h.rc == 1 && !n->pinned) {
            node_free(n);
            old[i] = NULL;
        } else if (n) {
            live++;
        }
    }
    uint32_t cap = 16;
    while (cap < 4 * (live + 1)) cap *= 2;
    lp->tab = rt_malloc(cap * sizeof *lp->tab);
    memset(lp->tab, 0, cap * sizeof *lp->tab);
    lp->cap = cap;
    lp->n = live;
    for (uint32_t i = 0; i < oldcap; i++)
        if (old[i]) put_node(lp, old[i]);
    rt_free(old);
}

static tio_node *new_node(tio_loop *lp, ac_gen *g) {
    if (2 * (lp->n + 1) > lp->cap) rehash(lp);
    tio_node *n = rt_malloc(sizeof *n);
    memset(n, 0, sizeof *n);
    ac_incref(g);
    n->g = g;
    put_node(lp, n);
    lp->n++;
    return n;
}

static void loop_free(tio_loop *lp) {
    for (uint32_t i = 0; i < lp->cap; i++)
        if (lp->tab[i]) node_free(lp->tab[i]);
    rt_free(lp->tab);
}

ac_tio *ac_tio_loop_new(void) { return tio_new(TIO_LOOP, sizeof(tio_loop)); }

/* ---- growable arrays ------------------------------------------------------- */

void *tio_grow(void *p, uint32_t *cap, uint32_t need, size_t size) {
    if (need <= *cap) return p;
    uint32_t c = *cap ? *cap : 4;
    while (c < need) c *= 2;
    *cap = c;
    return rt_realloc(p, c * size);
}

/* ---- the queue and the waiting counters -------------------------------------- */

/* The queue is a ring of a power-of-two size; its head and tail count
 * up without wrapping to the ring (fewer instructions per step). */
static inline uint32_t qlen(const tio_run *R) { return R->qtail - R->qhead; }

static AC_NOINLINE void grow_queue(tio_run *R) {
    uint32_t cap = R->qcap ? 2 * R->qcap : 64, n = qlen(R);
    tio_todo *q = rt_malloc(cap * sizeof *q);
    for (uint32_t i = 0; i < n; i++) q[i] = R->q[(R->qhead + i) & R->qmask];
    if (R->q != R->batch_q) rt_free(R->q);
    R->q = q;
    R->qhead = 0;
    R->qtail = n;
    R->qcap = cap;
    R->qmask = cap - 1;
}

static inline void push(tio_run *R, tio_node *n, ac_obj *v /* stolen */) {
    if (AC_UNLIKELY(qlen(R) == R->qcap)) grow_queue(R);
    tio_todo *t = &R->q[R->qtail++ & R->qmask];
    t->n = n;
    t->v = v;
}

static inline tio_todo pop(tio_run *R) { return R->q[R->qhead++ & R->qmask]; }

static tio_wf *wf_new(tio_run *R, int64_t count, tio_node *coro, ac_obj *out /* stolen */) {
    tio_wf *wf = rt_malloc(sizeof *wf);
    wf->counter = count;
    wf->coro = coro;
    wf->out = out;
    wf->run = R;
    wf->prev = NULL;
    wf->next = R->wfs;
    if (R->wfs) R->wfs->prev = wf;
    R->wfs = wf;
    return wf;
}

static void wf_free(tio_wf *wf) {
    tio_run *R = wf->run;
    if (wf->prev)
        wf->prev->next = wf->next;
    else
        R->wfs = wf->next;
    if (wf->next) wf->next->prev = wf->prev;
    ac_decref(wf->out);
    rt_free(wf);
}

static int is_wait(const ac_obj *o) { return o->kind == AC_K_TIO && ((const ac_tio *)o)->sub == TIO_WAIT; }

/* The items of a yielded list as objects (new references). */
static ac_obj *item_obj(const ac_list *l, int64_t i) {
    ac_val v = l->items[i];
    ac_val_incref(v, l->elem);
    return ac_obj_from(v, l->elem);
}

/* The list of results a gather resumes with: typed by the results when
 * they all have one type (the compiled code reads it as list[R]). */
static ac_obj *gather_result(tio_run *R, const ac_list *out) {
    const ac_type *et = NULL;
    for (int64_t i = 0; i < out->len; i++) {
        ac_obj *o = item_obj(out, i);
        const ac_type *t = is_wait(o) ? &ac_t_none : ((ac_gen *)o)->vt->ret;
        ac_decref(o);
        et = !et || rt_same_type(et, t) ? t : &ac_t_object;
    }
    if (!et) et = &ac_t_object;
    ac_list *res = ac_list_new(et, 0, NULL);
    for (int64_t i = 0; i < out->len; i++) {
        ac_obj *o = item_obj(out, i);
        ac_val v;
        v.i = 0;
        if (is_wait(o)) {
            tio_wait_cleanup((tio_wait *)o);
            if (et == &ac_t_object) v.p = &ac_None;
        } else {
            tio_node *n = find_node(R->lp, (ac_gen *)o);
            rt_dyn_to_val(n->result, et, &v);
        }
        ac_decref(o);
        ac_list_append(res, v);
    }
    return &res->h;
}

void tio_wf_decrement(tio_wf *wf) {
    if (--wf->counter > 0) return;
    tio_run *R = wf->run;
    ac_obj *out = wf->out, *result;
    if (out->kind == AC_K_LIST) {
        result = gather_result(R, (ac_list *)out);
    } else if (is_wait(out)) {
        tio_wait_cleanup((tio_wait *)out);
        result = &ac_None;
    } else {
        result = find_node(R->lp, (ac_gen *)out)->result;
        ac_incref(result);
    }
    push(R, wf->coro, result);
    wf_free(wf);
}

void tio_wf_increment(tio_wf *wf) { wf->counter++; }

/* ---- timeouts ---------------------------------------------------------------- */

static int earlier(const tio_wait *a, const tio_wait *b) {
    return a->deadline < b->deadline || (a->deadline == b->deadline && a->seq < b->seq);
}

static void heap_push(tio_run *R, tio_wait *w) {
    R->heap = tio_grow(R->heap, &R->capheap, R->nheap + 1, sizeof *R->heap);
    ac_incref(w);
    w->seq = R->seq++;
    uint32_t i = R->nheap++;
    while (i > 0 && earlier(w, R->heap[(i - 1) / 2])) {
        R->heap[i] = R->heap[(i - 1) / 2];
        i = (i - 1) / 2;
    }
    R->heap[i] = w;
}

static tio_wait *heap_pop(tio_run *R) {
    tio_wait *top = R->heap[0], *last = R->heap[--R->nheap];
    uint32_t i = 0;
    for (;;) {
        uint32_t c = 2 * i + 1;
        if (c >= R->nheap) break;
        if (c + 1 < R->nheap && earlier(R->heap[c + 1], R->heap[c])) c++;
        if (!earlier(R->heap[c], last)) break;
        R->heap[i] = R->heap[c];
        i = c;
    }
    if (R->nheap) R->heap[i] = last;
    return top;
}

/* tinyio's _clear: notify every wait whose timeout has passed. */
static void fire_due(tio_run *R) {
    if (!R->nheap) return; /* no clock read per step when nothing is timed */
    double now = rt_loop_time(R->clock);
    while (R->nheap) {
        tio_wait *w = R->heap[0];
        if (w->state == TW_DONE) {
            ac_decref(heap_pop(R));
        } else if (w->deadline < now + 1e-9) {
            heap_pop(R);
            tio_wait_timeout(w);
            ac_decref(w);
        } else {
            break;
        }
    }
}

/* Nothing is ready: sleep until the soonest timeout.  0 when nothing can
 * ever wake the loop (no thread can set an event here). */
static int wait_for_timeout(tio_run *R) {
    while (R->nheap && R->heap[0]->state == TW_DONE) ac_decref(heap_pop(R));
    if (!R->nheap) return 0;
    double dt = R->heap[0]->deadline - rt_loop_time(R->clock);
    if (dt > 0) rt_loop_sleep(R->clock, dt);
    return 1;
}

/* ---- one step ---------------------------------------------------------------- */

static int started_elsewhere(tio_run *R, tio_node *by, ac_gen *g);
static int invalid(tio_run *R, tio_node *by, ac_obj *out);

/* A coroutine seen for the first time: it joins the running ones. */
static tio_node *start(tio_run *R, ac_gen *g) {
    tio_node *n = find_node(R->lp, g);
    if (!n) n = new_node(R->lp, g);
    n->state = TN_ACTIVE;
    n->run = R;
    R->active = tio_grow(R->active, &R->capactive, R->nactive + 1, sizeof *R->active);
    R->active[R->nactive++] = n;
    n->pinned++;
    R->nlive++;
    push(R, n, &ac_None);
    return n;
}

static int known(tio_run *R, ac_gen *g, tio_node **out) {
    tio_node *n = find_node(R->lp, g);
    *out = n;
    return n && (n->state == TN_DONE || (n->state == TN_ACTIVE && n->run == R));
}

static int background(tio_run *R, tio_node *by, ac_obj *out) {
    const ac_set *s = (const ac_set *)out;
    int64_t pos = 0;
    ac_val key;
    while (ac_set_next(s, &pos, &key)) {
        ac_val_incref(key, s->type->elems[0]);
        ac_obj *o = ac_obj_from(key, s->type->elems[0]);
        tio_node *n;
        int r = 0;
        if (o->kind != AC_K_GEN)
            r = invalid(R, by, out);
        else if (!known(R, (ac_gen *)o, &n))
            r = started_elsewhere(R, by, (ac_gen *)o) ? -1 : (start(R, (ac_gen *)o), 0);
        ac_decref(o);
        if (r < 0) return -1;
    }
    ac_decref(out);
    push(R, by, &ac_None);
    return 0;
}

static void add_waiter(tio_node *n, tio_wf *wf) {
    n->waiters = tio_grow(n->waiters, &n->capw, n->nw + 1, sizeof *n->waiters);
    n->waiters[n->nw++] = wf;
}

/* One thing a gather waits for. */
static int wait_on(tio_run *R, tio_node *by, tio_wf *wf, ac_obj *o, ac_obj *out) {
    tio_node *n;
    if (is_wait(o)) {
        tio_wait *w = (tio_wait *)o;
        if (w->state != TW_INIT) return invalid(R, by, out);
        tio_wait_register(w, wf, rt_loop_time(R->clock));
        if (w->timeout >= 0) heap_push(R, w);
        return 0;
    }
    if (o->kind != AC_K_GEN) return invalid(R, by, out);
    if (known(R, (ac_gen *)o, &n)) {
        if (n->state == TN_DONE)
            tio_wf_decrement(wf);
        else
            add_waiter(n, wf);
        return 0;
    }
    if (started_elsewhere(R, by, (ac_gen *)o)) return -1;
    add_waiter(start(R, (ac_gen *)o), wf);
    return 0;
}

static int gather(tio_run *R, tio_node *by, ac_obj *out) {
    if (out->kind != AC_K_LIST) { /* one coroutine or wait: a gather of one */
        tio_wf *wf = wf_new(R, 1, by, out);
        ac_incref(out);
        int r = wait_on(R, by, wf, out, out);
        ac_decref(out);
        return r;
    }
    ac_list *l = (ac_list *)out;
    int64_t len = l->len;
    /* the items are read before any completes: the wf owns the list */
    ac_obj **items = rt_malloc((size_t)len * sizeof *items);
    for (int64_t i = 0; i < len; i++) items[i] = item_obj(l, i);
    tio_wf *wf = wf_new(R, len, by, out);
    int r = 0;
    for (int64_t i = 0; i < len; i++) {
        if (r == 0) r = wait_on(R, by, wf, items[i], out);
        ac_decref(items[i]);
    }
    rt_free(items);
    return r;
}

static void finish(tio_run *R, tio_node *n, ac_obj *result) {
    n->result = result;
    n->state = TN_DONE;
    n->run = NULL;
    R->nlive--;
    uint32_t nw = n->nw;
    tio_wf **ws = n->waiters;
    n->waiters = NULL;
    n->nw = n->capw = 0;
    for (uint32_t i = 0; i < nw; i++) tio_wf_decrement(ws[i]);
    rt_free(ws);
}

static int yielded(tio_run *R, tio_node *n, ac_obj *out);

/* What a send into n came back with (st, and the value in v) decides the
 * next step; -1 with the error in ac_err when it raised. */
static int sent(tio_run *R, tio_node *n, ac_status st, ac_val v) {
    if (AC_LIKELY(st == AC_YIELD)) {
        const ac_type *yt = n->g->yt;
        ac_obj *out;
        if (AC_LIKELY(yt->kind >= AC_K_STR)) {
            out = v.p;
            if (AC_LIKELY(out == &ac_None)) { /* a pause, the common step: no more tests */
                push(R, n, out);
                return 0;
            }
            if (AC_UNLIKELY(!out)) out = &ac_None; /* T | None holding None */
        } else {
            out = yt->kind == AC_K_NONE ? &ac_None : ac_obj_from(v, yt);
        }
        if (out->kind == AC_K_NONE) { /* a pause */
            push(R, n, out);
            return 0;
        }
        return yielded(R, n, out);
    }
    if (st == AC_ERROR) return -1;
    if (st == AC_SUSPEND) { /* closed meanwhile (timeout() threw in): send() gives None */
        finish(R, n, &ac_None);
        return 0;
    }
    finish(R, n, ac_obj_from(v, n->g->vt->ret));
    return 0;
}

/* Send todo's value into its coroutine and act on what it yields. */
static int step(tio_run *R, tio_todo t) {
    ac_val v;
    R->current = t.n;
    return sent(R, t.n, ac_gen_resume(t.n->g, t.v, NULL, &v), v);
}

/* ---- the steps of pausing coroutines, in a batch --------------------------- */

/* Reverse the queue's entries [a, b) (positions counted as head and tail
 * are). */
static void reverse(tio_run *R, uint32_t a, uint32_t b) {
    while (a + 1 < b) {
        b--;
        tio_todo t = R->q[a & R->qmask];
        R->q[a & R->qmask] = R->q[b & R->qmask];
        R->q[b & R->qmask] = t;
        a++;
    }
}

/* The batch below leaves the coroutines that paused where they were in
 * the queue.  When something else happens, k of them paused in front of
 * the entry that just ran (taken out of the queue now), and m entries
 * were pushed while it ran (an Event.set() in that step) behind the
 * window of w entries the batch goes round: tinyio queued the k before
 * the m. */
static void requeue_paused(tio_run *R, uint32_t w, uint32_t k) {
    uint32_t h = R->qhead, m = R->qtail - h - w;
    R->qhead = h + k + 1;
    /* the length only shrank: push() does not grow the ring, and no copy
     * lands on an entry still to be copied */
    for (uint32_t i = 0; i < k; i++) push(R, R->q[(h + i) & R->qmask].n, &ac_None);
    if (m && k) { /* the m then the k: swap the two runs */
        uint32_t a = h + w;
        reverse(R, a, a + m + k);
        reverse(R, a, a + k);
        reverse(R, a + k, a + k + m);
    }
}

/* One round of the batch below over the window (at most two runs of the
 * ring): the entry where something other than a pause happened, with st
 * (-1: not sent, v its value), or NULL.  The first round sends the
 * entries' values and leaves None in their place; every later one sends
 * None and reads no value. */
static AC_ALWAYS_INLINE tio_todo *go_round(tio_run *R, uint32_t tail, tio_todo *const runs[2][2], int first_round,
                                           int *st, ac_obj **v) {
    ac_obj *none = &ac_None;
    for (int r = 0; r < 2; r++) {
        for (tio_todo *p = runs[r][0], *end = runs[r][1]; p != end; p++) {
            ac_gen *g = p->n->g;
            ac_obj *sent_v = first_round ? p->v : none;
            if (AC_UNLIKELY(g->flags != GEN_STARTED)) {
                *st = -1;
                *v = sent_v;
                return p;
            }
            if (first_round) p->v = none;
            ac_val *mb = AC_GEN_FRAME(g, ac_val);
            mb->p = sent_v;
            g->flags = GEN_STARTED | GEN_RUNNING;
            int r_st = g->vt->resume(mb);
            g->flags = GEN_STARTED;
            if (AC_UNLIKELY(r_st != AC_PAUSE)) {
                *st = r_st;
                return p;
            }
            if (AC_UNLIKELY(R->qtail != tail)) {
                *st = AC_PAUSE;
                return p;
            }
        }
    }
    return NULL;
}

/* The steps while every coroutine just pauses (no timeout is pending:
 * tinyio's check before each step has nothing to do).  A coroutine that
 * pauses goes to the back of the queue; when the queue holds only such
 * ones, going round it in place is the same order, so a step is a send
 * and a test.  Anything else (another outcome, a push while the
 * coroutine ran, a generator not plainly paused) puts the queue in
 * tinyio's order (requeue_paused) and takes the general way for that
 * step; the caller then comes back. */
static AC_NOINLINE int run_batch(tio_run *R) {
    tio_todo *q = R->q;
    uint32_t tail = R->qtail, w = tail - R->qhead, cap = R->qmask + 1;
    uint32_t at = R->qhead & R->qmask, wrap = at + w > cap ? at + w - cap : 0;
    tio_todo *first = q + at;
    tio_todo *const runs[2][2] = {{first, q + (at + w - wrap)}, {q, q + wrap}};
    int st;
    ac_obj *v = NULL;
    R->batch_q = q; /* grown meanwhile, the ring stays until the batch ends */
    tio_todo *p = go_round(R, tail, runs, 1, &st, &v);
    while (!p) p = go_round(R, tail, runs, 0, &st, &v);
    tio_node *n = p->n;
    /* the ring may have grown meanwhile: the position counts from R's head */
    requeue_paused(R, w, (uint32_t)(p - first) & (cap - 1));
    if (R->q != q) rt_free(q);
    R->batch_q = NULL;
    if (st < 0) return step(R, (tio_todo){n, v});
    R->current = n;
    if (st == AC_PAUSE) {
        push(R, n, &ac_None);
        return 0;
    }
    ac_val out;
    if (st == AC_YIELD)
        out = *AC_GEN_FRAME(n->g, ac_val);
    else
        st = rt_gen_finish_fast(n->g, (ac_status)st, &out);
    return sent(R, n, (ac_status)st, out);
}

/* What a coroutine yielded other than None decides what it waits for. */
static int yielded(tio_run *R, tio_node *n, ac_obj *out) {
    if (out->kind == AC_K_NONE || (out->kind == AC_K_LIST && ((ac_list *)out)->len == 0)) {
        push(R, n, out); /* a pause: [] comes back as itself */
        return 0;
    }
    if (out->kind == AC_K_SET) return background(R, n, out);
    if (out->kind == AC_K_LIST || out->kind == AC_K_GEN || is_wait(out)) return gather(R, n, out);
    return invalid(R, n, out);
}

/* ---- errors ------------------------------------------------------------------ */

static ac_exc *new_exc(const ac_class *cls, ac_str *msg /* stolen; NULL: no args */) {
    if (!msg) return ac_exc_new(cls, NULL);
    ac_val v;
    v.p = msg;
    return ac_exc_new(cls, ac_tuple_new(&rt_t_tuple_str1, &v));
}

/* tinyio's warning when a coroutine does not let CancelledError out:
 * what it did instead is "returned `v`.", "yielded `v`." or "raised the
 * exception `E: msg`." (warnings.warn's file and line are not given). */
static void warn_cancel(ac_gen *g, const char *did, ac_obj *what /* stolen */, const ac_exc *e) {
    ac_str *s = NULL;
    if (what) s = ac_obj_str(what);
    if (e) s = ac_exc_str(e);
    ac_flush();
    fprintf(stderr,
            "RuntimeWarning: Coroutine `<generator object %s at %p>` did not respond properly to cancellation on "
            "receiving a `tinyio.CancelledError`, and so a resource leak may have occurred. The coroutine is expected "
            "to propagate the `tinyio.CancelledError` to indicate success in cleaning up resources. Instead, the "
            "coroutine %s `%s%s%s`.\n",
            g->vt->name, (void *)g, did, e ? e->cls->name : "", e && s && s->len ? ": " : "", s ? s->s : "");
    if (s) ac_decref(s);
    if (what) ac_decref(what);
}

/* _cancel: throw CancelledError(msg) in; what came out (owned), or NULL
 * when the coroutine returned or yielded instead. */
static ac_exc *cancel_one(tio_node *n, ac_str *msg) {
    ac_val v;
    ac_status st = ac_gen_resume(n->g, &ac_None, new_exc(&ac_cls_tio_CancelledError, msg), &v);
    if (st == AC_ERROR) {
        ac_exc *e = ac_take_err();
        if (!ac_exc_matches(e, &ac_cls_tio_CancelledError)) warn_cancel(n->g, "raised the exception", NULL, e);
        return e;
    }
    if (st == AC_DONE)
        warn_cancel(n->g, "returned", ac_obj_from(v, n->g->vt->ret), NULL);
    else if (st == AC_YIELD)
        warn_cancel(n->g, "yielded", ac_obj_from(v, n->g->yt), NULL);
    return NULL;
}

/* _throw: the coroutine gets CancelledError(msg); that error (or a new
 * one) is what the loop then raises. */
static int throw_into(tio_node *n, const char *msg) {
    ac_exc *e = cancel_one(n, ac_str_from_cstr(msg));
    if (e && ac_exc_matches(e, &ac_cls_tio_CancelledError)) {
        ac_raise(e);
        return -1;
    }
    ac_exc *c = new_exc(&ac_cls_tio_CancelledError, ac_str_from_cstr(msg));
    c->context = e; /* tinyio raises it `from` what the coroutine did */
    ac_raise(c);
    return -1;
}

static int invalid(tio_run *R, tio_node *by, ac_obj *out) {
    ac_str *s = ac_obj_str(out);
    rt_buf b = {0};
    rt_buf_printf(&b, "Invalid yield %s. Must be either `None`, a coroutine, or a list/set of coroutines.",
                  s ? s->s : "?");
    if (out->kind == AC_K_TUPLE)
        rt_buf_puts(&b, " In particular to wait on multiple coroutines (a 'gather'), then the syntax is `yield [foo, "
                        "bar]`, not `yield foo, bar`.");
    if (s) ac_decref(s);
    ac_decref(out);
    ac_str *msg = rt_buf_finish(&b);
    int r = throw_into(by, msg->s);
    ac_decref(msg);
    (void)R;
    return r;
}

static int started_elsewhere(tio_run *R, tio_node *by, ac_gen *g) {
    if (!ac_gen_started(g)) return 0;
    char msg[300];
    snprintf(msg, sizeof msg,
             "The coroutine `<generator object %s at %p>` has already started. However it has not been seen by the "
             "`tinyio` loop before and as such does not have any result associated with it.",
             g->vt->name, (void *)g);
    (void)R;
    return throw_into(by, msg) < 0;
}

static const char group_msg[] =
    "An error occured running a `tinyio` loop.\nThe first exception below is the original error. Since it is common "
    "for each coroutine to only have one other coroutine waiting on it, then we have stitched together their "
    "tracebacks for as long as that is possible.\nThe other exceptions are all exceptions that occurred whilst "
    "stopping the other coroutines.\n(For a debugger that allows for navigating within exception groups, try "
    "`https://github.com/patrick-kidger/patdb`.)\n";

/* _cleanup: cancel everything still running, in the order it started,
 * then decide what Loop.run raises (the original error is stolen). */
static void cleanup(tio_run *R, ac_exc *base, int exception_group) {
    ac_exc **cancelled = rt_malloc((R->nactive + 1) * sizeof *cancelled);
    tio_node **by = rt_malloc((R->nactive + 1) * sizeof *by);
    ac_exc **others = rt_malloc((R->nactive + 1) * sizeof *others);
    uint32_t nc = 0, no = 0;
    for (uint32_t i = 0; i < R->nactive; i++) {
        tio_node *n = R->active[i];
        if (n->state != TN_ACTIVE) continue;
        ac_exc *e = cancel_one(n, NULL);
        n->state = TN_CANCELLED;
        n->run = NULL;
        if (!e) continue;
        if (ac_exc_matches(e, &ac_cls_tio_CancelledError)) {
            by[nc] = n;
            cancelled[nc++] = e;
        } else {
            others[no++] = e;
        }
    }
    /* tinyio stitches the tracebacks of the chain that waited on the
     * failing coroutine (one waiter each) into the original error: those
     * cancellations are not listed again */
    for (tio_node *n = R->current; n;) {
        uint32_t k = 0;
        while (k < nc && by[k] != n) k++;
        if (k == nc) break;
        ac_decref(cancelled[k]);
        memmove(&cancelled[k], &cancelled[k + 1], (nc - k - 1) * sizeof *cancelled);
        memmove(&by[k], &by[k + 1], (nc - k - 1) * sizeof *by);
        nc--;
        n = n->nw == 1 ? n->waiters[0]->coro : NULL;
    }
    if (exception_group < 0) exception_group = no > 0;
    if (exception_group) {
        ac_exc **subs = rt_malloc((1 + no + nc) * sizeof *subs);
        uint32_t k = 0;
        subs[k++] = base;
        for (uint32_t i = 0; i < no; i++) subs[k++] = others[i];
        for (uint32_t i = 0; i < nc; i++) subs[k++] = cancelled[i];
        ac_raise(tio_exception_group(group_msg, subs, k)); /* steals the subs */
        rt_free(subs);
    } else {
        for (uint32_t i = 0; i < no; i++) ac_decref(others[i]);
        for (uint32_t i = 0; i < nc; i++) ac_decref(cancelled[i]);
        ac_raise(base);
    }
    rt_free(cancelled);
    rt_free(by);
    rt_free(others);
}

/* ---- Loop.run ---------------------------------------------------------------- */

static void run_fini(tio_run *R) {
    while (qlen(R)) {
        tio_todo t = pop(R);
        ac_decref(t.v);
    }
    rt_free(R->q);
    while (R->wfs) {
        tio_wf *wf = R->wfs;
        ac_obj *out = wf->out;
        if (is_wait(out)) tio_wait_cleanup((tio_wait *)out);
        if (out->kind == AC_K_LIST)
            for (int64_t i = 0; i < ((ac_list *)out)->len; i++) {
                ac_obj *o = item_obj((ac_list *)out, i);
                if (is_wait(o)) tio_wait_cleanup((tio_wait *)o);
                ac_decref(o);
            }
        wf_free(wf);
    }
    for (uint32_t i = 0; i < R->nheap; i++) ac_decref(R->heap[i]);
    rt_free(R->heap);
    for (uint32_t i = 0; i < R->nactive; i++) {
        tio_node *n = R->active[i];
        rt_free(n->waiters);
        n->waiters = NULL;
        n->nw = n->capw = 0;
        if (n->state == TN_ACTIVE) n->state = TN_CANCELLED;
        n->run = NULL;
        n->pinned--;
    }
    rt_free(R->active);
}

static int run_loop(tio_run *R, tio_node *root) {
    for (;;) {
        if (R->qtail == R->qhead) {
            if (R->nlive == 0) return 0;
            while (R->qtail == R->qhead) {
                if (!wait_for_timeout(R)) {
                    /* tinyio would block for ever, unless a cycle is found */
                    return throw_into(root, "Cycle detected in `tinyio` loop. Cancelling all coroutines.");
                }
                fire_due(R);
            }
        } else if (AC_UNLIKELY(R->nheap)) {
            fire_due(R);
        }
        if (AC_UNLIKELY(R->nheap)) { /* timeouts to check before every step */
            if (step(R, pop(R)) < 0) return -1;
        } else if (run_batch(R) < 0) {
            return -1;
        }
    }
}

ac_obj *ac_tio_run(ac_tio *loop, ac_gen *coro, int exception_group) {
    tio_loop *lp = (tio_loop *)loop;
    if (lp->running) {
        ac_raise_msg(&ac_cls_RuntimeError, "Cannot call `tinyio.Loop().run` whilst the loop is currently running.");
        return NULL;
    }
    tio_node *root = find_node(lp, coro);
    if (root && root->state == TN_DONE) {
        ac_incref(root->result);
        return root->result;
    }
    if (ac_gen_started(coro)) {
        ac_raise_msg(&ac_cls_ValueError,
                     "Invalid input <generator object %s at %p>, which is a generator that has already started.",
                     coro->vt->name, (void *)coro);
        return NULL;
    }
    tio_run R;
    memset(&R, 0, sizeof R);
    R.lp = lp;
    R.clock = rt_need_loop();
    lp->running = 1;
    root = start(&R, coro);
    ac_obj *result = NULL;
    if (run_loop(&R, root) < 0) {
        ac_exc *e = ac_take_err();
        cleanup(&R, e, exception_group);
    } else {
        result = root->result;
        ac_incref(result);
    }
    run_fini(&R);
    lp->running = 0;
    return result;
}
