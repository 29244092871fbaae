/* emit_tinyio.c -- the tinyio rows whose C call is not the regular one:
 * Loop.run (its result comes back as an object and is read as the
 * coroutine's return type) and Event.wait (None, or no argument, is a
 * negative timeout). */
#include "emit.h"

#include <string.h>

/* the argument named name (positional index pos), or NULL */
static Node *argument(Node *e, int pos, const char *name) {
    if (pos < e->list.len) return e->list.data[pos];
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        if (!strcmp(kw->sval, name)) return kw->a;
    }
    return NULL;
}

Val emit_tio_run(Node *e) {
    Val loop = expr(e->a->a);
    Val coro = expr(e->list.data[0]);
    Node *g = argument(e, 1, "exception_group");
    const char *eg = "-1";
    if (g && g->kind != N_NONE) {
        Val v = expr(g);
        eg = format("(%s ? 1 : 0)", v.c);
    }
    Val r = call_value(ty_any, "ac_tio_run(%s, %s, %s)", loop.c, coro.c, eg);
    return coerce(r, e->ty);
}

Val emit_tio_wait(Node *e) {
    Val ev = expr(e->a->a);
    Node *t = argument(e, 0, "timeout_in_seconds");
    const char *secs = "-1.0";
    if (t && t->kind != N_NONE) secs = as_float(expr(t)).c;
    return call_value(e->ty, "ac_tio_event_wait(%s, %s)", ev.c, secs);
}
