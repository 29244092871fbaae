/* timers baseline: N tasks sleeping LCG durations in [0, 0.5) s; each
 * records its index when it wakes.  usage: timers [N=100000] [SEED=12345];
 * prints the same as timers.py */
#include "hc.h"

static int64_t *order;
static size_t norder;

typedef struct {
    hc_task t;
    hc_timer tm;
    hc_join *join;
    int64_t i;
    double d;
} sleeper_frame;

static void sleeper_resume(hc_task *t) {
    sleeper_frame *f = (sleeper_frame *)t;
    switch (t->state) {
    case 0:
        t->state = 1;
        hc_sleep(t, &f->tm, f->d);
        return;
    case 1:
        order[norder++] = f->i;
        hc_join_done(f->join, (size_t)f->i, 0);
        free(f);
        return;
    }
}

typedef struct {
    hc_task t;
    int64_t n, seed;
    hc_join join;
} main_frame;

static void main_resume(hc_task *t) {
    main_frame *m = (main_frame *)t;
    switch (t->state) {
    case 0: {
        int64_t state = m->seed;
        order = hc_xmalloc(((size_t)m->n + 1) * sizeof *order);
        m->join.parent = t;
        m->join.results = hc_xmalloc(((size_t)m->n + 1) * sizeof(int64_t));
        m->join.remaining = (size_t)m->n;
        for (int64_t k = 0; k < m->n; k++) {
            state = (state * 1103515245 + 12345) % 2147483648;
            sleeper_frame *w = hc_xmalloc(sizeof *w);
            w->t.resume = sleeper_resume;
            w->t.state = 0;
            w->join = &m->join;
            w->i = k;
            w->d = (double)(state % 500000) / 1000000.0;
            hc_ready(&w->t);
        }
        t->state = 1;
        if (m->n) return;
    }
        /* fallthrough */
    case 1: {
        /* print len(order), then the order joined by spaces */
        char *buf = hc_xmalloc(norder * 21 + 2), *p = buf;
        for (size_t k = 0; k < norder; k++) {
            char tmp[24];
            int len = 0;
            uint64_t v = (uint64_t)order[k];
            do {
                tmp[len++] = (char)('0' + v % 10);
                v /= 10;
            } while (v);
            if (k) *p++ = ' ';
            while (len) *p++ = tmp[--len];
        }
        *p++ = '\n';
        printf("%zu\n", norder);
        fwrite(buf, 1, (size_t)(p - buf), stdout);
        free(buf);
        free(order);
        free(m->join.results);
        return;
    }
    }
}

int main(int argc, char **argv) {
    main_frame m = {.n = hc_arg(argc, argv, 1, 100000), .seed = hc_arg(argc, argv, 2, 12345)};
    m.t.resume = main_resume;
    hc_ready(&m.t);
    hc_run();
    return 0;
}
