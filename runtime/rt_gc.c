/*
 * rt_gc.c -- the cycle collector: trial deletion over the tracked
 * containers (docs/DESIGN.md, "Cycle collection").
 *
 * Reference counting frees everything but cycles.  A container that can
 * hold a reference to another container (a list of objects, an instance,
 * a closure, a cell ...) is allocated with a small head in front of its
 * ac_obj, and linked into one list while its type says it can hold such a
 * reference.  A collection copies each tracked object's count, subtracts
 * the references tracked objects hold to each other (rt_gc_traverse, one
 * function per kind), and what keeps a count above zero is referenced
 * from outside the tracked set: a C local, a coroutine or generator frame,
 * a global, a task, a queue.  Those and everything they reach survive; the
 * rest is garbage, which is freed by clearing its references first, so
 * that the counts of a cycle fall to zero by the ordinary ac_decref.
 *
 * The collector never allocates: its lists run through the heads.
 */
#include <stdio.h>
#include <stdlib.h>
#include "rt_internal.h"

/* Why these numbers: a collection costs time in proportion to the tracked
 * objects alive, so it runs once the allocations since the last one
 * outnumber the survivors of the last one (the cost per allocation stays
 * bounded), and not before GC_MIN_ALLOCS, so that a small heap is not
 * scanned over and over.  At most about twice the live set plus GC_MIN_ALLOCS
 * of garbage waits at any time. */
#define GC_MIN_ALLOCS 10000

static rt_gc_head all = {&all, &all, 0};
static uint64_t allocs_since, survivors;
static int collecting, disabled;

static void link_tail(rt_gc_head *list, rt_gc_head *h) {
    h->prev = list->prev;
    h->next = list;
    list->prev->next = h;
    list->prev = h;
}

static void unlink_head(rt_gc_head *h) {
    h->prev->next = h->next;
    h->next->prev = h->prev;
}

static void collect_if_due(void) {
    if (++allocs_since > GC_MIN_ALLOCS && allocs_since > survivors && !collecting && !disabled) ac_gc_collect();
}

void *rt_gc_alloc(size_t n, int track) {
    rt_gc_head *h;
    if (track) collect_if_due();
    h = rt_malloc(sizeof *h + n);
    h->next = h->prev = NULL;
    if (track) link_tail(&all, h);
    return h + 1;
}

void rt_gc_untrack(ac_obj *o) {
    rt_gc_head *h = rt_gc_of(o);
    if (!h->next) return;
    unlink_head(h);
    h->next = h->prev = NULL;
}

void rt_gc_free(void *o) {
    rt_gc_untrack(o);
    rt_free(rt_gc_of(o));
}

/* ---- one collection ---------------------------------------------------- */

/* A child the collector looks at: heap objects of the tracked kinds that
 * are linked (an untracked one holds nothing the collector needs to see,
 * and stands outside like a C local). */
static rt_gc_head *tracked(ac_obj *o) {
    const rt_gc_ops *k;
    if (!o || o->rc < 0) return NULL;
    k = &rt_gc_kind[o->kind];
    if (!k->traverse || (k->headless && k->headless(o))) return NULL;
    return rt_gc_of(o)->next ? rt_gc_of(o) : NULL;
}

static void subtract_internal(ac_obj *child, void *arg) {
    rt_gc_head *h = tracked(child);
    (void)arg;
    if (h) h->refs--;
}

/* A tracked child of a reachable object is reachable: back into `all`
 * behind the scan, which will come to it. */
static void keep_reachable(ac_obj *child, void *arg) {
    rt_gc_head *h = tracked(child);
    (void)arg;
    if (h && h->refs == 0) {
        h->refs = 1;
        unlink_head(h);
        link_tail(&all, h);
    }
}

static void traverse(rt_gc_head *h, rt_gc_visit fn) {
    ac_obj *o = rt_gc_obj(h);
    rt_gc_kind[o->kind].traverse(o, fn, NULL);
}

/* What is left in `garbage` is referenced only from inside it.  A
 * negative count (a reference the traversal saw that the count does not
 * have: a bug) is treated as outside, so the error keeps objects alive. */
static void split_garbage(rt_gc_head *garbage) {
    rt_gc_head *h;
    for (h = all.next; h != &all; h = h->next) h->refs = rt_gc_obj(h)->rc;
    for (h = all.next; h != &all; h = h->next) traverse(h, subtract_internal);
    h = all.next;
    while (h != &all) {
        if (h->refs != 0) {
            traverse(h, keep_reachable);
            h = h->next;
        } else {
            rt_gc_head *next = h->next;
            unlink_head(h);
            link_tail(garbage, h);
            h = next;
        }
    }
}

/* Each garbage object is held once more while all of them drop their
 * references, so none is freed while another still points at it; the
 * last ac_decref frees each by its kind's ordinary free. */
static uint64_t free_garbage(rt_gc_head *garbage) {
    rt_gc_head *h;
    uint64_t n = 0;
    for (h = garbage->next; h != garbage; h = h->next) rt_gc_obj(h)->rc++;
    for (h = garbage->next; h != garbage; h = h->next) {
        ac_obj *o = rt_gc_obj(h);
        rt_gc_kind[o->kind].clear(o);
    }
    while (garbage->next != garbage) {
        h = garbage->next;
        unlink_head(h);
        link_tail(&all, h); /* where a survivor (a count still held) stays */
        ac_decref(rt_gc_obj(h));
        n++;
    }
    return n;
}

int64_t ac_gc_collect(void) {
    rt_gc_head garbage = {&garbage, &garbage, 0};
    uint64_t n, live = 0;
    rt_gc_head *h;
    if (collecting) return 0;
    collecting = 1;
    split_garbage(&garbage);
    n = free_garbage(&garbage);
    for (h = all.next; h != &all; h = h->next) live++;
    survivors = live;
    allocs_since = 0;
    collecting = 0;
    return (int64_t)n;
}

/* At exit every cycle left goes, so that a leak checker sees none.  What
 * is still tracked then is held from outside (a count never released):
 * the list lets go of it, so that LeakSanitizer, which would take the
 * list for an owner, reports it as it did before there was a collector. */
void rt_gc_exit(void) {
    if (!disabled) ac_gc_collect();
    while (all.next != &all) rt_gc_untrack(rt_gc_obj(all.next));
}

/* ASYNCC_GC=0 turns automatic collection off, at exit too (to measure
 * what it costs, or to show a leak); ac_gc_collect still runs when called. */
void rt_gc_init(void) {
    const char *s = getenv("ASYNCC_GC");
    disabled = s && s[0] == '0';
}
