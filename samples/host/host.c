/* host.c -- a C program with its own main loop that drives compiled
 * coroutines through the embedding API (runtime/asyncc.h): it feeds them
 * events and frame ticks, completes their deferred host calls, advances its
 * own clock and prints what happens. */
#include <stdio.h>
#include <string.h>

#include "asyncc_rt.h" /* the value API: ac_str, ac_list, ac_incref ... */
#include "sensors.h"

/* the host's own clock: the loop reads it through the time hook */
static double now;
static double host_clock(void *ud) {
    (void)ud;
    return now;
}

/* @asyncc.host def read_temp(sensor: int) -> float */
double host_read_temp(int64_t sensor) { return 18.5 + 0.25 * (double)sensor; }

/* @asyncc.deferred: remember each call; the main loop completes them */
static ac_call_id calls[16];
static ac_str *call_keys[16];
static int ncalls;
void host_fetch(ac_call_id id, ac_str *key) {
    asyncc_flush(); /* the coroutines' output is buffered separately */
    printf("host: fetch(%s) issued\n", key->s);
    ac_incref(key);
    calls[ncalls] = id;
    call_keys[ncalls++] = key;
}

static void complete_calls(asyncc_loop *L) {
    /* answer in reverse order: results must still reach their callers */
    while (ncalls > 0) {
        int i = --ncalls;
        if (!strcmp(call_keys[i]->s, "bad")) {
            asyncc_call_raise(L, calls[i], &ac_cls_ValueError, "no such key");
        } else {
            char buf[64];
            snprintf(buf, sizeof buf, "<%s>", call_keys[i]->s);
            asyncc_call_return(L, calls[i], ac_ptr_val(ac_str_from_cstr(buf)));
        }
        ac_decref(call_keys[i]);
    }
}

static const char *status_name(int st) {
    return st == ASYNCC_IDLE ? "idle" : st == ASYNCC_READY ? "ready" : st == ASYNCC_TIMER ? "timer" : "waiting";
}

int main(void) {
    asyncc_loop *L = asyncc_open();
    asyncc_set_time(L, host_clock, NULL);
    asyncc_sensors_init();

    ac_task *sensors = asyncc_spawn(L, asyncc_sensors_new_sensor_loop(3));
    ac_task *fetches = asyncc_spawn(L, asyncc_sensors_new_fetch_all());
    ac_task *ticks = asyncc_spawn(L, asyncc_sensors_new_ticker(2));

    const char *events[] = {"boot", "door open", "door closed"};
    int next_event = 0, frames = 0;
    for (int round = 0; round < 20; round++) {
        double when = 0;
        int st = asyncc_step(L, &when);
        asyncc_flush();
        printf("host: round %d at t=%.2f: %s\n", round, now, status_name(st));
        if (st == ASYNCC_IDLE) break;
        if (ncalls)
            complete_calls(L);
        else if (next_event < 3)
            asyncc_push_event(L, events[next_event], strlen(events[next_event])), next_event++;
        else if (frames < 2)
            asyncc_frame_tick(L), frames++;
        now += 0.5;
    }

    ac_val v;
    ac_exc *e;
    if (asyncc_result(sensors, &v, &e) == ASYNCC_OK) printf("host: sensor_loop -> %lld\n", (long long)v.i);
    if (asyncc_result(fetches, &v, &e) == ASYNCC_OK) {
        ac_list *l = v.p;
        printf("host: fetch_all ->");
        for (int64_t i = 0; i < l->len; i++) printf(" %s", ((ac_str *)l->items[i].p)->s);
        printf("\n");
        ac_decref(l);
    }
    if (asyncc_result(ticks, &v, &e) == ASYNCC_OK) printf("host: ticker -> %lld\n", (long long)v.i);
    asyncc_release(sensors);
    asyncc_release(fetches);
    asyncc_release(ticks);
    asyncc_sensors_exit();
    asyncc_close(L);
    return 0;
}
