/*
 * rt_tinyio.h -- what rt_tinyio.c (the loop) and rt_tinyio_lib.c (events,
 * waits, Semaphore, Barrier, sleep, timeout, as_completed) share.
 * Generated code sees only asyncc_rt.h's "tinyio" block.
 */
#ifndef ASYNCC_RT_TINYIO_H
#define ASYNCC_RT_TINYIO_H

#include "rt_sched.h"

/* ac_tio.sub */
enum { TIO_LOOP, TIO_EVENT, TIO_WAIT, TIO_SEM, TIO_GUARD, TIO_BARRIER, TIO_CELL, TIO_ACSTATE };

struct ac_tio {
    ac_obj h; /* kind AC_K_TIO */
    int sub;
};

typedef struct tio_run tio_run;
typedef struct tio_wf tio_wf;

/* A coroutine the loop has seen: running, finished (its result kept for
 * whoever yields it later) or cancelled. */
enum { TN_NEW, TN_ACTIVE, TN_DONE, TN_CANCELLED };
typedef struct tio_node {
    ac_gen *g;      /* owned */
    ac_obj *result; /* owned, once TN_DONE */
    int state;
    int pinned;       /* listed by runs going on (not swept meanwhile) */
    tio_run *run;     /* the run it is active in */
    tio_wf **waiters; /* gathers waiting for it, in the order they came */
    uint32_t nw, capw;
} tio_node;

typedef struct tio_loop {
    ac_tio t;
    int running;
    tio_node **tab; /* open addressing on the generator's address */
    uint32_t cap, n;
} tio_loop;

/* tinyio's _WaitingFor: a suspended coroutine and how many of the things
 * it yielded have not finished yet. */
struct tio_wf {
    int64_t counter;
    tio_node *coro;
    ac_obj *out; /* what it yielded (owned): a coroutine, a wait or a list */
    tio_run *run;
    tio_wf *prev, *next; /* the run's live ones, freed if the run fails */
};

typedef struct tio_todo {
    tio_node *n;
    ac_obj *v; /* the value to send (owned) */
} tio_todo;

/* One Loop.run: tinyio's queue, wait heap and waiting_on. */
struct tio_run {
    tio_loop *lp;
    rt_loop *clock;
    tio_todo *q;
    uint32_t qhead, qtail, qmask, qcap; /* head and tail run free: q[i & qmask] */
    tio_todo *batch_q; /* the ring run_batch goes round: growing keeps it */
    struct tio_wait **heap;
    uint32_t nheap, capheap;
    uint64_t seq;
    tio_node **active; /* in the order they started (cancellation order) */
    uint32_t nactive, capactive, nlive;
    tio_wf *wfs;
    tio_node *current;
};

typedef struct tio_event {
    ac_tio t;
    int value;
    struct tio_wait **waits; /* registered waits, in registration order */
    uint32_t nwaits, capwaits;
} tio_event;

enum { TW_INIT, TW_REGISTERED, TW_NOTIFIED_EVENT, TW_NOTIFIED_TIMEOUT, TW_DONE };
typedef struct tio_wait {
    ac_tio t;
    int state;
    tio_event *ev;   /* owned until cleanup */
    double timeout;  /* < 0: none */
    double deadline; /* once registered with a timeout */
    uint64_t seq;
    tio_wf *wf;
} tio_wait;

void *tio_new(int sub, size_t size);
void *tio_grow(void *p, uint32_t *cap, uint32_t need, size_t size);
void tio_lib_free(ac_tio *t); /* what rt_tinyio_lib.c's objects hold */
void tio_wf_decrement(tio_wf *wf);
void tio_wf_increment(tio_wf *wf);
void tio_wait_register(tio_wait *w, tio_wf *wf, double now);
void tio_wait_timeout(tio_wait *w);
void tio_wait_cleanup(tio_wait *w);
/* BaseExceptionGroup(msg, subs) (ExceptionGroup when every one is an
 * Exception); steals the subs */
ac_exc *tio_exception_group(const char *msg, ac_exc **subs, uint32_t n);

#endif
