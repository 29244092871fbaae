/* pingpong baseline: TASKS tasks x ITERS yields (sleep(0)), gathered.
 * usage: pingpong [TASKS=1000] [ITERS=1000]; prints the same as pingpong.py */
#include "hc.h"

typedef struct {
    hc_task t;
    hc_join *join;
    int64_t idx, n, i;
} worker_frame;

static void worker_resume(hc_task *t) {
    worker_frame *f = (worker_frame *)t;
    switch (t->state) {
    case 0:
        for (f->i = 0; f->i < f->n; f->i++) {
            t->state = 1; /* await asyncio.sleep(0) */
            hc_ready(t);
            return;
        case 1:;
        }
        hc_join_done(f->join, (size_t)f->idx, f->i);
        free(f);
        return;
    }
}

typedef struct {
    hc_task t;
    int64_t tasks, iters;
    hc_join join;
} main_frame;

static void main_resume(hc_task *t) {
    main_frame *m = (main_frame *)t;
    switch (t->state) {
    case 0:
        m->join.parent = t;
        m->join.results = hc_xmalloc((size_t)m->tasks * sizeof(int64_t));
        m->join.remaining = (size_t)m->tasks;
        for (int64_t k = 0; k < m->tasks; k++) {
            worker_frame *w = hc_xmalloc(sizeof *w);
            w->t.resume = worker_resume;
            w->t.state = 0;
            w->join = &m->join;
            w->idx = k;
            w->n = m->iters;
            hc_ready(&w->t);
        }
        t->state = 1;
        if (m->tasks) return;
        /* fallthrough */
    case 1: {
        int64_t total = 0;
        for (int64_t k = 0; k < m->tasks; k++) total += m->join.results[k];
        printf("%lld\n", (long long)total);
        free(m->join.results);
        return;
    }
    }
}

int main(int argc, char **argv) {
    main_frame m = {.tasks = hc_arg(argc, argv, 1, 1000), .iters = hc_arg(argc, argv, 2, 1000)};
    m.t.resume = main_resume;
    hc_ready(&m.t);
    hc_run();
    return 0;
}
