/* check_asyncio.c -- the types of asyncio's Event, Lock, Semaphore,
 * Condition, Queue and Timeout.  Each is one builtin object type (TY_SYNC, Type.sub says which);
 * their methods are rows of builtins.c under the receiver names below,
 * and the awaited ones (B_SYNC_AWAIT) are lowered by emit_await.c.
 * BoundedSemaphore shares Semaphore's type and LifoQueue/PriorityQueue
 * share Queue's: they differ only in what their constructors make.  A
 * queue's items are `object` (boxed) whatever the program puts in it. */
#include "compiler.h"

#include <string.h>

static const char *const sync_names[SY_NKINDS] = {
    [SY_EVENT] = "Event", [SY_LOCK] = "Lock",           [SY_SEMAPHORE] = "Semaphore",
    [SY_QUEUE] = "Queue", [SY_CONDITION] = "Condition", [SY_TIMEOUT] = "Timeout",
    /* not "tinyio.X": a dotted receiver would be taken for a module's */
    [SY_TLOOP] = "tinyio_Loop", [SY_TEVENT] = "tinyio_Event", [SY_TSEM] = "tinyio_Semaphore",
    [SY_TGUARD] = "tinyio_CloseSemaphore", [SY_TBARRIER] = "tinyio_Barrier"};

Type *ty_sync(SyncKind k) {
    static Type *types[SY_NKINDS];
    if (!types[k]) {
        Type *t = xcalloc(1, sizeof *t);
        t->kind = TY_SYNC;
        t->sub = (int)k;
        t->elem = k == SY_QUEUE ? ty_any : NULL;
        t->id = all_types.len + 1;
        vec_push(&all_types, t);
        types[k] = t;
    }
    return types[k];
}

Type *sync_type_named(const char *name) {
    if (!strcmp(name, "BoundedSemaphore")) return ty_sync(SY_SEMAPHORE);
    if (!strcmp(name, "LifoQueue") || !strcmp(name, "PriorityQueue")) return ty_sync(SY_QUEUE);
    for (int k = 0; k < SY_NKINDS; k++)
        if (!strcmp(name, sync_names[k])) return ty_sync((SyncKind)k);
    if (!strcmp(name, "tinyio_Lock") || !strcmp(name, "tinyio_ThreadPool")) return ty_sync(SY_TSEM);
    return NULL;
}

const char *sync_recv_name(const Type *t) { return sync_names[t->sub]; }

/* as messages spell the type: tinyio.Loop */
const char *sync_type_name(const Type *t) {
    const char *n = sync_names[t->sub];
    return SY_IS_TINYIO(t->sub) ? format("tinyio.%s", n + 7) : n;
}
