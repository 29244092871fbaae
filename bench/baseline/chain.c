/* chain baseline: `await f(n)` recursing to depth DEPTH, REPS times, inline
 * (no scheduler trip: a child frame is resumed directly by its parent).
 * usage: chain [DEPTH=100] [REPS=10000] [arena|malloc]
 *   arena  (default): child frames come from a preallocated frame stack,
 *          the equivalent of "the whole await chain is one allocation";
 *   malloc: one malloc/free per frame, as a heap-allocated recursive frame.
 * prints the same as chain.py */
#include "hc.h"

typedef struct f_frame {
    uint32_t state;
    int64_t n, r;
    struct f_frame *child;
} f_frame;

static int use_malloc;
static f_frame *arena;
static size_t arena_top;

static f_frame *f_new(int64_t n) {
    f_frame *f = use_malloc ? hc_xmalloc(sizeof *f) : &arena[arena_top++];
    f->state = 0;
    f->n = n;
    return f;
}

static void f_free(f_frame *f) {
    if (use_malloc)
        free(f);
    else
        arena_top--;
}

/* returns 1 when finished (result in *out), 0 when suspended */
static int f_resume(f_frame *f, int64_t *out) {
    switch (f->state) {
    case 0:
        if (f->n == 0) {
            *out = 0;
            return 1;
        }
        f->child = f_new(f->n - 1);
        f->state = 1;
        /* fallthrough */
    case 1:
        if (!f_resume(f->child, &f->r)) return 0;
        f_free(f->child);
        *out = f->r + 1;
        return 1;
    }
    return 0;
}

typedef struct {
    hc_task t;
    int64_t depth, reps, k, total, r;
    f_frame *child;
} main_frame;

static void main_resume(hc_task *t) {
    main_frame *m = (main_frame *)t;
    switch (t->state) {
    case 0:
        for (m->k = 0; m->k < m->reps; m->k++) {
            m->child = f_new(m->depth);
            t->state = 1;
            /* fallthrough */
        case 1:
            if (!f_resume(m->child, &m->r)) return;
            f_free(m->child);
            m->total += m->r;
        }
        printf("%lld\n", (long long)m->total);
        return;
    }
}

int main(int argc, char **argv) {
    main_frame m = {.depth = hc_arg(argc, argv, 1, 100), .reps = hc_arg(argc, argv, 2, 10000)};
    use_malloc = argc > 3 && strcmp(argv[3], "malloc") == 0;
    arena = hc_xmalloc(((size_t)m.depth + 2) * sizeof *arena);
    m.t.resume = main_resume;
    hc_ready(&m.t);
    hc_run();
    free(arena);
    return 0;
}
