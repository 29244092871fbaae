/* host.c -- two compiled modules (alpha.py, beta-2.py) linked into one C
 * program: each exports its own asyncc_<module>_... symbols, so the same
 * Python names in both do not clash.  The coroutines of both run on one
 * loop; driver.py does the same under CPython (the oracle). */
#include <stdio.h>

#include "asyncc_rt.h"

#include "alpha.h"
#include "beta-2.h"

static void show(const char *what, ac_task *t, int is_str) {
    ac_val v;
    ac_exc *e;
    int r = asyncc_result(t, &v, &e);
    if (r != ASYNCC_OK) {
        printf("result %s: status %d\n", what, r);
        if (r == ASYNCC_RAISED) ac_decref(e);
    } else if (is_str) {
        printf("result %s: %s\n", what, ((ac_str *)v.p)->s);
        ac_decref(v.p);
    } else {
        printf("result %s: %lld\n", what, (long long)v.i);
    }
    asyncc_release(t);
}

int main(void) {
    asyncc_loop *L = asyncc_open();
    asyncc_alpha_init();
    asyncc_beta_2_init();
    ac_task *aw = asyncc_spawn(L, asyncc_alpha_new_work(3));
    ac_task *bw = asyncc_spawn(L, asyncc_beta_2_new_work(3));
    ac_task *am = asyncc_spawn(L, asyncc_alpha_new_main());
    ac_task *bm = asyncc_spawn(L, asyncc_beta_2_new_main());
    int st = asyncc_run(L, NULL);
    asyncc_flush();
    printf("loop: %s\n", st == ASYNCC_IDLE ? "idle" : "not idle");
    show("alpha.work", aw, 0);
    show("beta-2.work", bw, 0);
    show("alpha.main", am, 1);
    show("beta-2.main", bm, 1);
    asyncc_beta_2_exit();
    asyncc_alpha_exit();
    asyncc_close(L);
    return 0;
}
