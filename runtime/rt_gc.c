/*
 * rt_gc.c -- the cycle collector: trial deletion over the tracked
 * containers, in two generations (docs/DESIGN.md, "Cycle collection").
 *
 * Reference counting frees everything but cycles.  A container that can
 * hold a reference to another container (a list of objects, an instance,
 * a closure, a cell ...) is allocated with a small head in front of its
 * ac_obj, and linked into a list while its type says it can hold such a
 * reference.  A collection copies each collected object's count,
 * subtracts the references collected objects hold to each other
 * (rt_gc_kind[].traverse), and what keeps a count above zero is
 * referenced from outside the collected set: a C local, a coroutine or
 * generator frame, a global, a task, a queue, an object of the older
 * generation.  Those and everything they reach survive; the rest is
 * garbage, which is freed by clearing its references first, so that the
 * counts of a cycle fall to zero by the ordinary ac_decref.
 *
 * The collector never allocates: its lists run through the heads.
 */
#include <stdio.h>
#include <stdlib.h>
#include "rt_internal.h"

/* Why these numbers.  New objects go to the young list; a young
 * collection runs every GC_YOUNG tracked allocations and costs time in
 * proportion to the young objects still alive then (most objects die
 * young, by their counts or in a young cycle).  While young collections
 * find no cycle the interval doubles, up to GC_YOUNG_MAX, so that a
 * program that makes no cycles pays for few scans (its objects die by
 * their counts before one comes); the first cycle found brings it back.
 * The survivors are promoted to the old list, which a full collection
 * scans only once the old objects are a quarter more than after the last
 * full one (old objects freed by their counts leave it): the cost per
 * allocation stays bounded however large the live heap, and the garbage
 * waiting in the old list is at most about a quarter of it. */
#define GC_YOUNG     10000
#define GC_YOUNG_MAX 160000
#define GC_OLD_MIN   10000

/* refs outside a collection: old objects carry OLD, which a young
 * collection reads as "not collected now" (their references count as
 * outside); young ones carry YOUNG until a collection sets their counts */
#define OLD   INTPTR_MIN
#define YOUNG (INTPTR_MIN + 1)

static rt_gc_head young = {&young, &young, 0}, old = {&old, &old, 0};
static uint64_t young_allocs, young_every = GC_YOUNG, old_count, old_base;
static int collecting, disabled, stress;
/* what ASYNCC_GC_STATS=1 prints at exit */
static uint64_t n_young, n_full, n_kept, n_freed;

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

/* all of `from` at the end of `to` */
static void splice(rt_gc_head *to, rt_gc_head *from) {
    if (from->next == from) return;
    from->next->prev = to->prev;
    to->prev->next = from->next;
    from->prev->next = to;
    to->prev = from->prev;
    from->next = from->prev = from;
}

static void collect(int full);

static void collect_if_due(void) {
    if (++young_allocs <= young_every || collecting || disabled) return;
    collect(stress || old_count > old_base + old_base / 4 + GC_OLD_MIN);
}

void *rt_gc_alloc(size_t n, int track) {
    rt_gc_head *h;
    if (track) collect_if_due();
    h = rt_malloc(sizeof *h + n);
    h->next = h->prev = NULL;
    if (track) {
        h->refs = YOUNG;
        link_tail(&young, h);
    }
    return h + 1;
}

/* Tracked and counted, but no collection now: for a MemoryError made
 * inside rt_realloc, whose caller has not yet stored the new block (a
 * list's items), so a traversal would read the freed one. */
void *rt_gc_alloc_quiet(size_t n) {
    rt_gc_head *h;
    young_allocs++;
    h = rt_malloc(sizeof *h + n);
    h->refs = YOUNG;
    link_tail(&young, h);
    return h + 1;
}

void rt_gc_untrack(ac_obj *o) {
    rt_gc_head *h = rt_gc_of(o);
    if (!h->next) return;
    if (h->refs == OLD && old_count) old_count--;
    unlink_head(h);
    h->next = h->prev = NULL;
}

void rt_gc_free(void *o) {
    rt_gc_untrack(o);
    rt_free(rt_gc_of(o));
}

/* ---- one collection ---------------------------------------------------- */

/* A child in the set being collected: a tracked heap object of a kind
 * with a row (an untracked one holds nothing the collector needs to see,
 * and stands outside like a C local), not of the old generation during a
 * young collection. */
static rt_gc_head *collected(ac_obj *o) {
    const rt_gc_ops *k;
    rt_gc_head *h;
    if (!o || o->rc <= 0) return NULL; /* immortal, or being freed (see split_garbage) */
    k = &rt_gc_kind[o->kind];
    if (!k->traverse || (k->headless && k->headless(o))) return NULL;
    h = rt_gc_of(o);
    return h->next && h->refs != OLD ? h : NULL;
}

static void subtract_internal(ac_obj *child, void *list) {
    rt_gc_head *h = collected(child);
    (void)list;
    if (h) h->refs--;
}

/* A collected child of a reachable object is reachable: to the end of
 * the list being scanned, which will come to it. */
static void keep_reachable(ac_obj *child, void *list) {
    rt_gc_head *h = collected(child);
    if (h && h->refs == 0) {
        h->refs = 1;
        unlink_head(h);
        link_tail(list, h);
    }
}

static void traverse(rt_gc_head *h, rt_gc_visit fn, rt_gc_head *list) {
    ac_obj *o = rt_gc_obj(h);
    if (o->rc == 0) return; /* being freed: what it holds may be gone already */
    rt_gc_kind[o->kind].traverse(o, fn, list);
}

/* What is left in `garbage` is referenced only from inside it.  A
 * negative count (a reference the traversal saw that the count does not
 * have: a bug) is treated as outside, so the error keeps objects alive.
 * An object whose count is zero is in the middle of its free, which ran
 * code that allocated (a generator it held closed, its finally block
 * making a list): it is still linked, half released, and its free goes
 * on after this collection, so it stays out of it (kept, not traversed;
 * its free unlinks it). */
static void split_garbage(rt_gc_head *list, rt_gc_head *garbage) {
    rt_gc_head *h;
    for (h = list->next; h != list; h = h->next) h->refs = rt_gc_obj(h)->rc ? rt_gc_obj(h)->rc : 1;
    for (h = list->next; h != list; h = h->next) traverse(h, subtract_internal, list);
    h = list->next;
    while (h != list) {
        if (h->refs != 0) {
            traverse(h, keep_reachable, list);
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
 * last ac_decref frees each by its kind's ordinary free.  One whose count
 * does not fall (none should) stays, with the survivors in `list`. */
static uint64_t free_garbage(rt_gc_head *garbage, rt_gc_head *list) {
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
        link_tail(list, h);
        ac_decref(rt_gc_obj(h));
        n++;
    }
    return n;
}

/* The survivors in `list` join the old generation. */
static void promote(rt_gc_head *list) {
    rt_gc_head *h;
    uint64_t n = 0;
    for (h = list->next; h != list; h = h->next, n++) h->refs = OLD;
    splice(&old, list);
    old_count += n;
    n_kept += n;
}

static uint64_t collect_list(rt_gc_head *list) {
    rt_gc_head garbage = {&garbage, &garbage, 0};
    uint64_t n;
    split_garbage(list, &garbage);
    n = free_garbage(&garbage, list);
    promote(list);
    return n;
}

/* A full collection takes the old objects back into the young list and
 * collects everything. */
static int64_t collect_n(int full) {
    rt_gc_head all = {&all, &all, 0};
    uint64_t n;
    if (collecting) return 0;
    collecting = 1;
    splice(&all, &young);
    if (full) {
        splice(&all, &old);
        old_count = 0;
    }
    young_allocs = 0;
    ++*(full ? &n_full : &n_young);
    n = collect_list(&all);
    n_freed += n;
    if (full) old_base = old_count;
    if (!stress) young_every = n ? GC_YOUNG : (young_every * 2 < GC_YOUNG_MAX ? young_every * 2 : GC_YOUNG_MAX);
    collecting = 0;
    return (int64_t)n;
}

static void collect(int full) { (void)collect_n(full); }

int64_t ac_gc_collect(void) { return collect_n(1); }

/* At exit every cycle left goes, so that a leak checker sees none.  What
 * is still tracked then is held from outside (a count never released):
 * the lists let go of it, so that LeakSanitizer, which would take a list
 * for an owner, reports it as it did before there was a collector. */
void rt_gc_exit(void) {
    if (getenv("ASYNCC_GC_STATS"))
        fprintf(stderr, "gc: %llu young and %llu full collections; %llu objects kept, %llu freed\n",
                (unsigned long long)n_young, (unsigned long long)n_full, (unsigned long long)n_kept,
                (unsigned long long)n_freed);
    if (!disabled) ac_gc_collect();
    while (old.next != &old) rt_gc_untrack(rt_gc_obj(old.next));
    while (young.next != &young) rt_gc_untrack(rt_gc_obj(young.next));
}

/* ASYNCC_GC=0 turns automatic collection off, at exit too (to measure
 * what it costs, or to show a leak); ac_gc_collect still runs when called.
 * ASYNCC_GC=N makes a full collection after every N tracked allocations:
 * N=1 runs the collector over everything at every point where it can
 * run, which is how the samples test that it frees nothing live. */
void rt_gc_init(void) {
    const char *s = getenv("ASYNCC_GC");
    if (!s || !*s) return;
    young_every = strtoull(s, NULL, 10);
    if (young_every == 0) {
        disabled = 1;
        return;
    }
    stress = 1;
    young_every--; /* collect_if_due collects once it counts past it */
}
