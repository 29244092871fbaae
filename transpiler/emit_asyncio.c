/* emit_asyncio.c -- the asyncio rows that need more than a C call: done
 * callbacks, whose function is a def of the program.
 *
 * The runtime calls every callback through one signature, ac_done_fn
 * (env, future); per callback def the emitter writes a small C function of
 * that signature (a "thunk") that calls the def's specialisation.  env is
 * what a closure would carry: NULL for a plain def. */
#include "emit.h"

#include <string.h>

/* the thunk of a callback specialisation, written once */
static const char *done_thunk(Func *fn) {
    static Map written;
    char *name = format("cb_%s", fn->cname);
    if (map_get(&written, name)) return name;
    map_put(&written, name, name);
    const char *pt = c_type(fn->params[0].var->ty);
    buf_printf(&out_protos, "static void %s(ac_obj *env, ac_task *fut);\n", name);
    buf_printf(&out_funcs, "\n/* %s(task) as a done-callback */\nstatic void %s(ac_obj *env, ac_task *fut) {\n", fn->name,
               name);
    buf_printf(&out_funcs, "    (void)env;\n");
    if (is_obj(fn->ret))
        buf_printf(&out_funcs, "    ac_decref(%s((%s)fut));\n", fn->cname, pt);
    else
        buf_printf(&out_funcs, "    (void)%s((%s)fut);\n", fn->cname, pt);
    buf_printf(&out_funcs, "}\n");
    return name;
}

Val emit_done_callback(Node *e) {
    Val t = expr(e->a->a);
    Node *cb = e->list.data[0];
    const char *thunk = done_thunk(cb->ty->fn);
    if (!strcmp(e->bi->name, "remove_done_callback"))
        return call_value(ty_int, "ac_task_remove_done_callback(%s, %s)", t.c, thunk);
    emit("ac_task_add_done_callback(%s, %s, NULL, \"%s\");", t.c, thunk, cb->ty->fn->name);
    return (Val){"0", ty_none, false};
}
