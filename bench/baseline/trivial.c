/* trivial baseline: start-up cost of a hand-written C program (one print). */
#include "hc.h"

static void main_resume(hc_task *t) {
    (void)t;
    printf("0\n");
}

int main(void) {
    hc_task m = {.resume = main_resume};
    hc_ready(&m);
    hc_run();
    return 0;
}
