/* spawn baseline: N tasks each sleeping 10 ms and returning i % 7, gathered.
 * usage: spawn [N=100000]; prints the same as spawn.py */
#include "hc.h"

typedef struct {
    hc_task t;
    hc_timer tm;
    hc_join *join;
    int64_t i;
} job_frame;

static void job_resume(hc_task *t) {
    job_frame *f = (job_frame *)t;
    switch (t->state) {
    case 0:
        t->state = 1;
        hc_sleep(t, &f->tm, 0.01);
        return;
    case 1:
        hc_join_done(f->join, (size_t)f->i, f->i % 7);
        free(f);
        return;
    }
}

typedef struct {
    hc_task t;
    int64_t n;
    hc_join join;
} main_frame;

static void main_resume(hc_task *t) {
    main_frame *m = (main_frame *)t;
    switch (t->state) {
    case 0:
        m->join.parent = t;
        m->join.results = hc_xmalloc((size_t)m->n * sizeof(int64_t));
        m->join.remaining = (size_t)m->n;
        for (int64_t k = 0; k < m->n; k++) {
            job_frame *w = hc_xmalloc(sizeof *w);
            w->t.resume = job_resume;
            w->t.state = 0;
            w->join = &m->join;
            w->i = k;
            hc_ready(&w->t);
        }
        t->state = 1;
        if (m->n) return;
        /* fallthrough */
    case 1: {
        int64_t total = 0;
        for (int64_t k = 0; k < m->n; k++) total += m->join.results[k];
        printf("%lld %lld\n", (long long)m->n, (long long)total);
        free(m->join.results);
        return;
    }
    }
}

int main(int argc, char **argv) {
    main_frame m = {.n = hc_arg(argc, argv, 1, 100000)};
    m.t.resume = main_resume;
    hc_ready(&m.t);
    hc_run();
    return 0;
}
