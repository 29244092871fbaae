/* check.h -- helpers shared by the runtime's value tests. */
#ifndef TEST_CHECK_H
#define TEST_CHECK_H

#include <stdio.h>
#include <string.h>

#include "asyncc_rt.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Checks the pending error against (cls, msg); returns 1 on a mismatch. */
static int check_err(const ac_class *cls, const char *msg, const char *what) {
    ac_exc *e = ac_take_err();
    ac_str *m = e ? ac_exc_str(e) : NULL;
    int bad = !e || e->cls != cls || strcmp(m->s, msg) != 0;
    if (bad)
        fprintf(stderr, "%s: want %s(%s), got %s(%s)\n", what, cls->name, msg, e ? e->cls->name : "no error",
                m ? m->s : "");
    ac_decref(m);
    ac_decref(e);
    return bad;
}

/* Consumes got; returns 1 on a mismatch (also when its length in code
 * points is inconsistent). */
static int check_str(ac_str *got, const char *want, const char *what) {
    int bad = ac_err || !got || strcmp(got->s, want) != 0 || got->nchars != (int64_t)ac_str_len(got);
    if (bad) {
        fprintf(stderr, "%s: want <%s>, got <%s>%s\n", what, want, got ? got->s : "NULL", ac_err ? " (raised)" : "");
        ac_decref(ac_take_err());
    }
    ac_decref(got);
    return bad;
}

#endif
