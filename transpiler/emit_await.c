/* emit_await.c -- await points: each is one line of the await protocol
 * (the AC_AWAIT macros of asyncc_rt.h), with the frame members it needs
 * (lower.c) and what the drop releases while the frame waits there. */
#include "emit.h"

#include <string.h>

static Val await_value(Node *aw, bool discard);

/* ---- awaits ------------------------------------------------------------------- */

/* What an await runs when it raises: `extra` (releasing a child frame),
 * then the temporaries held above the handler, then the jump. */
char *fail_stmt(const char *extra) {
    const char *to = release_chain(handler_mark(), handler());
    char *tb = tb_note();
    if (!*extra && !*tb) return format("goto %s", to);
    return format("{ %s%sgoto %s; }", tb, extra, to);
}

StateInfo *new_state(void) {
    StateInfo *s = xcalloc(1, sizeof *s);
    for (int i = 0; i < C->held.len; i++) vec_push(&s->held, C->held.data[i]);
    vec_push(&C->states, s);
    return s;
}

static char *after_begin; /* code to run right after a begin call */

/* A leaf await: begin, suspend, wait_end.  Returns the wait record. */
static char *leaf_await(Node *aw, const char *begin_fmt, ...) {
    int k = aw->await_id + 1;
    frame_await(C->fn, "ac_wait", format("w%d", k), AC_WAIT_SIZE);
    char *w = format("&f->sub.w%d", k);
    va_list ap;
    va_start(ap, begin_fmt);
    char *call = vformat(begin_fmt, ap);
    va_end(ap);
    StateInfo *si = new_state();
    si->child_drop = format("ac_wait_drop(%s)", w);
    C->uses_st = true;
    if (after_begin) {
        emit("st = %s;", call);
        emit("%s", after_begin);
        after_begin = NULL;
        emit("AC_AWAIT_BEGUN(%d, %s, %s);", k, w, fail_stmt(""));
    } else {
        emit("AC_AWAIT(%d, %s, %s, %s);", k, w, call, fail_stmt(""));
    }
    return w;
}

/* Every finished leaf await hands over its value exactly once; an
 * expression statement's await lets go of it at once. */
static Val wait_value(char *w, bool discard, Type *t) {
    if (t == ty_none || (discard && !is_obj(t))) {
        emit("ac_wait_result(%s);", w);
        return (Val){"0", ty_none, false};
    }
    if (discard) {
        emit("ac_decref(ac_wait_result(%s).p);", w);
        return (Val){"0", ty_none, false};
    }
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(format("ac_wait_result(%s)", w), t));
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

static bool has_starred(Node *call) {
    for (int i = 0; i < call->list.len; i++)
        if (((Node *)call->list.data[i])->kind == N_STARRED) return true;
    return false;
}

/* gather(*xs, ...): the children as one list, a new reference that gather
 * steals (a list held nowhere else lends gather its items array). */
static char *gather_list(Node *call) {
    Node *only = call->list.len == 1 ? ((Node *)call->list.data[0])->a : NULL;
    if (only) return take_ref(expr(only)); /* gather(*xs): the list itself */
    Type *lt = NULL;
    for (int i = 0; i < call->list.len && !lt; i++) {
        Node *a = call->list.data[i];
        if (a->kind == N_STARRED) lt = a->a->ty;
    }
    Val all = call_value(lt, "ac_list_new(%s, 0, NULL)", desc(lt->elem));
    for (int i = 0; i < call->list.len; i++) {
        Node *a = call->list.data[i];
        if (a->kind == N_STARRED) {
            Val l = expr(a->a);
            emit("ac_list_extend(%s, %s);", all.c, l.c);
            if (l.owned) {
                unhold(l);
                emit("ac_decref(%s);", l.c);
            }
        } else {
            Val v = expr(a);
            emit("ac_list_append(%s, ac_ptr_val(%s));", all.c, take_ref(v));
        }
    }
    return take_ref(all);
}

/* gather(a, b, c): an array of stolen coroutine/task references. */
static char *gather_array(Node *call) {
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < call->list.len; i++) {
        Val v = expr(call->list.data[i]);
        /* an object: a task or coroutine at run time, or gather's TypeError */
        if (v.ty == ty_any) v = call_value(ty_task(ty_any), "ac_obj_task(%s)", v.c);
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = v;
        vec_push(&vals, pv);
    }
    for (int i = 0; i < vals.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", take_ref(*(Val *)vals.data[i]));
    if (!call->list.len) return "NULL";
    return format("(ac_task *[]){%s}", b.data);
}

static bool is_zero_literal(Node *n) {
    if (n->kind == N_UNARY && n->op == OP_NEG) return is_zero_literal(n->a);
    return (n->kind == N_INT && n->ival == 0) || (n->kind == N_FLOAT && n->fval == 0.0);
}

Val await_expr(Node *aw) {
    /* only the outermost await of an expression statement discards */
    bool discard = C->discard;
    C->discard = false;
    if (!C->async) return (Val){"0", ty_none, false};
    return await_value(aw, discard);
}

/* What the drop of a frame suspended in an inline child releases: the
 * child's frame contents, and a pooled frame itself. */
static char *child_drop(Func *fn, const char *cf, const char *release) {
    int *d = &drop_of[func_index(fn)];
    if (*d == DROP_NONE) return *release ? xstrdup(release) : NULL;
    if (*d == DROP_UNKNOWN) *d = DROP_NAMED;
    return *release ? format("%s_drop(%s); %s", fn->cname, cf, release) : format("%s_drop(%s)", fn->cname, cf);
}

/* await f(args) of a known async def: the callee's frame runs by direct
 * calls to its resume function, no allocation and no scheduler round.  It
 * is a member of our await union, or for a recursive callee, which cannot
 * sit inside its own frame, a block from the runtime's frame pool (no task
 * header either way). */
static Val await_child(Node *aw, bool discard) {
    Node *x = aw->a;
    int k = aw->await_id + 1;
    Func *fn = x->fn;
    Vec args = call_args(fn, x);
    char *cf, *mem, *release = ""; /* a pointer to the child frame; its members */
    if (fn->recursive) {
        frame_await(C->fn, format("struct %s_frame *", fn->cname), format("p%d", k), PTR_SIZE);
        cf = format("f->sub.p%d", k);
        mem = format("%s->", cf);
        release = format("ac_frame_free(%s, sizeof(struct %s_frame))", cf, fn->cname);
        /* the child runs on our C stack: it counts against the recursion
         * limit, tested only here where the chain grows (AC_AWAIT_DEEP) */
        emit("AC_DEPTH_TAKE(%s);", fail_stmt(""));
        emit("%s = ac_frame_alloc(sizeof(struct %s_frame));", cf, fn->cname);
    } else {
        frame_await(C->fn, format("struct %s_frame", fn->cname), format("a%d", k), fn->frame_size);
        cf = format("&f->sub.a%d", k);
        mem = format("f->sub.a%d.", k);
    }
    emit("memset(%s, 0, sizeof(struct %s_frame));", cf, fn->cname);
    for (int i = 0; i < fn->nparams; i++)
        emit("%s%s = %s;", mem, safe_name(fn->params[i].var->name), take_ref(*(Val *)args.data[i]));
    StateInfo *si = new_state();
    si->child_drop = child_drop(fn, cf, release);
    C->uses_st = true;
    emit("%s(%d, %s_resume(%s), %s);", fn->recursive ? "AC_AWAIT_DEEP" : "AC_AWAIT_FRAME", k, fn->cname, cf,
         fail_stmt(*release ? format("%s; ", release) : ""));
    Val r = {"0", ty_none, false};
    if (discard && is_obj(fn->ret))
        emit("ac_decref(%sret.p);", mem);
    else if (fn->ret != ty_none && !discard) {
        r = (Val){new_temp(fn->ret), fn->ret, is_obj(fn->ret)};
        emit("%s = %s;", r.c, from_val(format("%sret", mem), fn->ret)); /* moved out */
    }
    if (*release) emit("%s;", release);
    if (r.owned) hold(r.c, r.ty);
    return r;
}

/* await ev.wait(), lock.acquire(), q.get() ...: the row's C function is
 * the begin call, on the receiver.  q.put(x) waits for room and then puts
 * (CPython's put is that loop followed by put_nowait). */
static Val await_sync(Node *aw, bool discard) {
    Node *x = aw->a;
    int k = aw->await_id + 1;
    const Builtin *b = x->bi;
    Val r = expr(x->a->a);
    /* a queue with room (put) or items (get) goes on at once, as CPython's
     * `while self.full():` loop does: no record, no runtime call but the
     * _nowait one */
    if (!strcmp(b->name, "put")) {
        Val item = coerce(expr(x->list.data[0]), r.ty->elem);
        const char *v = to_val(item);
        emit("if (AC_UNLIKELY(!ac_queue_try_put(%s, %s))) {", r.c, v);
        char *w = leaf_await(aw, "ac_queue_put_begin(&f->sub.w%d, %s)", k, r.c);
        emit("ac_wait_result(%s);", w);
        emit("ac_queue_put_nowait(%s, %s);", r.c, v);
        emit("}");
        return (Val){"0", ty_none, false};
    }
    /* lock.acquire() of a free lock (the uncontended `async with lock:`)
     * returns True at once in CPython: no record, no runtime round.  An
     * event is usually waited on before it is set: no such test there. */
    const char *now = !strcmp(b->cfn, "ac_lock_acquire_begin") ? "ac_lock_try_acquire(%s)" : NULL;
    if (now) {
        bool keep = !discard;
        char *tmp = keep ? new_temp(ty_bool) : NULL;
        emit(format("if (AC_LIKELY(%s)) {", now), r.c);
        if (keep) emit("%s = 1;", tmp);
        emit("} else {");
        char *w = leaf_await(aw, "%s(&f->sub.w%d, %s)", b->cfn, k, r.c);
        if (keep)
            emit("%s = %s;", tmp, from_val(format("ac_wait_result(%s)", w), ty_bool));
        else
            emit("ac_wait_result(%s);", w);
        emit("}");
        return keep ? (Val){tmp, ty_bool, false} : (Val){"0", ty_none, false};
    }
    if (!strcmp(b->name, "get")) {
        Type *t = aw->ty;
        bool keep = t != ty_none && !(discard && !is_obj(t));
        char *tmp = keep ? new_temp(t) : NULL;
        char *qv = format("qitem%d", ++C->ntemps);
        buf_printf(&C->decls, "    ac_val %s;\n", qv);
        emit("if (AC_LIKELY(ac_queue_try_get(%s, &%s))) {", r.c, qv);
        if (keep)
            emit("%s = %s;", tmp, from_val(qv, t));
        else if (is_obj(t))
            emit("ac_decref(%s.p);", qv);
        emit("} else {");
        char *w = leaf_await(aw, "ac_queue_get_begin(&f->sub.w%d, %s)", k, r.c);
        if (keep)
            emit("%s = %s;", tmp, from_val(format("ac_wait_result(%s)", w), t));
        else
            emit("ac_wait_result(%s);", w);
        emit("}");
        if (!keep) return (Val){"0", ty_none, false};
        if (discard) {
            emit("ac_decref(%s);", tmp);
            return (Val){"0", ty_none, false};
        }
        if (is_obj(t)) hold(tmp, t);
        return (Val){tmp, t, is_obj(t)};
    }
    if (!strcmp(b->name, "wait_for")) { /* Condition: `while not (r := predicate()): await c.wait()` */
        Func *fn = x->fn ? x->fn : ((Node *)x->list.data[0])->ty->fn;
        /* a function value: its site function called with it (kept in the frame meanwhile) */
        char *pv = NULL;
        if (x->fn) {
            Val fv = expr(x->list.data[0]);
            pv = new_temp(fv.ty);
            emit("%s = %s;", pv, take_ref(fv));
            hold(pv, fv.ty);
        }
        Type *rt = fn->ret;
        char *res = new_temp(rt);
        emit("%s = %s(%s);", res, fn->cname, pv ? pv : "");
        check_err();
        emit("while (!%s) {", truth((Val){res, rt, false}));
        if (is_obj(rt)) emit("ac_decref(%s); %s = NULL;", res, res); /* not held while waiting */
        char *w = leaf_await(aw, "ac_condition_wait_begin(&f->sub.w%d, %s)", k, r.c);
        emit("ac_wait_result(%s);", w);
        emit("%s = %s(%s);", res, fn->cname, pv ? pv : "");
        check_err();
        emit("}");
        Val v = {res, rt, is_obj(rt)};
        if (discard) {
            if (is_obj(rt)) emit("ac_decref(%s);", res);
            return (Val){"0", ty_none, false};
        }
        if (is_obj(rt)) hold(res, rt);
        return v;
    }
    if (!strcmp(b->name, "__aexit__")) { /* TaskGroup: the body's exception or None */
        Node *a = x->list.data[0];
        Val e = a->kind == N_NONE ? (Val){"NULL", ty_none, false} : expr(a);
        char *w = leaf_await(aw, "%s(&f->sub.w%d, %s, %s)", b->cfn, k, r.c, e.c);
        return wait_value(w, discard, aw->ty);
    }
    char *w = leaf_await(aw, "%s(&f->sub.w%d, %s)", b->cfn, k, r.c);
    return wait_value(w, discard, aw->ty);
}

/* sleep(delay, result): result is computed before the sleep (CPython's
 * argument) and kept in the frame meanwhile */
static Val await_sleep_result(Node *aw, bool discard) {
    Node *x = aw->a;
    Val s = as_float(expr(x->list.data[0]));
    Val r = coerce(expr(x->list.data[1]), aw->ty);
    char *keep = new_temp(aw->ty);
    emit("%s = %s;", keep, take_ref(r));
    if (is_obj(aw->ty)) hold(keep, aw->ty);
    char *w = leaf_await(aw, "ac_sleep_begin(&f->sub.w%d, %s)", aw->await_id + 1, s.c);
    emit("ac_wait_result(%s);", w);
    Val v = {keep, aw->ty, is_obj(aw->ty)};
    if (discard && v.owned) {
        unhold(v);
        emit("ac_decref(%s);", keep);
        return (Val){"0", ty_none, false};
    }
    return v;
}

/* asyncio.wait(fs, timeout=, return_when=) */
static Val await_asyncio_wait(Node *aw, bool discard) {
    Node *x = aw->a;
    Node *timeout = NULL, *when = NULL;
    for (int i = 0; i < x->list2.len; i++) {
        Node *kw = x->list2.data[i];
        if (!strcmp(kw->sval, "timeout")) timeout = kw->a;
        if (!strcmp(kw->sval, "return_when")) when = kw->a;
    }
    Val fs = expr(x->list.data[0]);
    Val rw = when ? expr(when) : (Val){"NULL", ty_none, false};
    Val t = timeout && timeout->kind != N_NONE ? as_float(expr(timeout)) : (Val){"0.0", ty_float, false};
    char *w = leaf_await(aw, "ac_asyncio_wait_begin(&f->sub.w%d, %s, %s, %d, %s, %s)", aw->await_id + 1, fs.c, rw.c,
                         timeout && timeout->kind != N_NONE, t.c, desc(aw->ty));
    return wait_value(w, discard, aw->ty);
}

/* await obj, obj.__await__() a generator: the yield from of rt_gen.c
 * with the items going out through send() (AC_AWAIT_GEN). */
static Val await_gen(Node *aw, bool discard) {
    Val held = gen_delegate_begin(aw->a);
    Type *st = held.ty;
    char *io = format("io%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s;\n", io);
    char *conv = is_obj(st->elem) ? format("ac_coro_yielded = %s.p", io)
                                  : format("ac_coro_yielded = ac_obj_from(%s, %s)", io, desc(st->elem));
    emit("AC_AWAIT_GEN(%d, %s, %s, %s, %s);", aw->await_id + 1, held.c, io, conv, fail_stmt(""));
    return gen_delegate_end(held, io, discard);
}

/* await x where x is an `object`: what it holds is known at run time
 * only, and so is the type of the result (boxed) */
static Val await_object(Node *aw, Val v, bool discard) {
    char *w = leaf_await(aw, "ac_await_obj_begin(&f->sub.w%d, (ac_obj *)%s)", aw->await_id + 1, v.c);
    if (discard) {
        emit("ac_decref(ac_await_obj_result(%s));", w);
        return (Val){"0", ty_none, false};
    }
    char *tmp = new_temp(ty_any);
    emit("%s = ac_await_obj_result(%s);", tmp, w);
    hold(tmp, ty_any);
    return (Val){tmp, ty_any, true};
}

static Val await_value(Node *aw, bool discard) {
    Node *x = aw->a;
    int k = aw->await_id + 1;
    if (x->ty && x->ty->kind == TY_GEN) return await_gen(aw, discard);
    if (x->kind == N_CALL && x->builtin == B_GEN_OP && x->ival >= GOP_ANEXT) return agen_await(aw, discard);
    if (x->kind == N_CALL && x->builtin == B_SYNC_AWAIT) return await_sync(aw, discard);
    if (x->kind == N_CALL && x->builtin == B_ASYNC_WAIT) return await_asyncio_wait(aw, discard);
    if (x->kind == N_CALL && x->builtin == B_SHIELD) {
        Val c = expr(x->list.data[0]);
        char *w = leaf_await(aw, "ac_shield_begin(&f->sub.w%d, %s)", k, take_ref(c));
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && (x->builtin == B_RECEIVE || x->builtin == B_FRAME)) {
        char *w = leaf_await(
            aw, x->builtin == B_RECEIVE ? "ac_receive_begin(&f->sub.w%d)" : "ac_frame_begin(&f->sub.w%d)", k);
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && x->builtin == B_CORO_CALL && x->fn->host == HOST_DEFERRED) {
        /* the host gets the call id and completes the call later */
        Func *fn = x->fn;
        Vec vals = call_args(fn, x);
        Buf args = {0};
        for (int i = 0; i < vals.len; i++) buf_printf(&args, ", %s", ((Val *)vals.data[i])->c);
        char *id = format("call%d", ++C->ntemps);
        buf_printf(&C->decls, "    ac_call_id %s;\n", id);
        after_begin = format("if (st == AC_SUSPEND) %s(%s%s);", fn->cname, id, args.data ? args.data : "");
        char *w = leaf_await(aw, "ac_host_call_begin(&f->sub.w%d, %s, &%s)", k, desc(fn->ret), id);
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && x->builtin == B_CORO_CALL) return await_child(aw, discard);
    if (x->kind == N_CALL && x->builtin == B_SLEEP && x->list.len > 1 && x->list.data[1] &&
        ((Node *)x->list.data[1])->kind != N_NONE)
        return await_sleep_result(aw, discard); /* sleep(0, result) too: the await gives result */
    if (x->kind == N_CALL && x->builtin == B_SLEEP && is_zero_literal(x->list.data[0])) {
        /* sleep(0): a bare yield, no wait record (see AC_YIELD) */
        new_state();
        emit("AC_AWAIT_YIELD(%d, %s);", k, fail_stmt(""));
        return (Val){"0", ty_none, false};
    }
    if (x->kind == N_CALL && x->builtin == B_SLEEP && x->list.len > 1 && x->list.data[1]) return await_sleep_result(aw, discard);
    if (x->kind == N_CALL && x->builtin == B_SLEEP) {
        Val s = as_float(expr(x->list.data[0]));
        char *w = leaf_await(aw, "ac_sleep_begin(&f->sub.w%d, %s)", k, s.c);
        return wait_value(w, discard, ty_none);
    }
    if (x->kind == N_CALL && (x->builtin == B_GATHER || x->builtin == B_EGATHER)) {
        Type *lt = aw->ty;
        bool edge = x->builtin == B_EGATHER;
        char *w;
        if (has_starred(x)) {
            char *l = gather_list(x);
            if (edge)
                w = leaf_await(aw, "ac_edge_gather_list_begin(&f->sub.w%d, %s, %s)", k, l, desc(lt->elem));
            else
                w = leaf_await(aw, "ac_gather_list_begin(&f->sub.w%d, %s, %s, %d)", k, l, desc(lt->elem), (int)x->ival);
        } else {
            char *kids = gather_array(x);
            if (edge)
                w = leaf_await(aw, "ac_edge_gather_begin(&f->sub.w%d, %d, %s, %s)", k, x->list.len, kids,
                               desc(lt->elem));
            else
                w = leaf_await(aw, "ac_gather_begin(&f->sub.w%d, %d, %s, %s, %d)", k, x->list.len, kids, desc(lt->elem),
                               (int)x->ival);
        }
        return wait_value(w, discard, lt);
    }
    if (x->kind == N_CALL && x->builtin == B_WAIT_FOR) {
        Val c = expr(x->list.data[0]);
        Node *to = x->list.data[1];
        char *child = take_ref(c);
        char *w;
        if (to->kind == N_NONE)
            w = leaf_await(aw, "ac_wait_for_begin(&f->sub.w%d, %s, 0, 0.0)", k, child);
        else {
            Val t = as_float(expr(to));
            w = leaf_await(aw, "ac_wait_for_begin(&f->sub.w%d, %s, 1, %s)", k, child, t.c);
        }
        return wait_value(w, discard, aw->ty);
    }
    if (x->kind == N_CALL && x->builtin == B_WITH_TIMEOUT) {
        Val t = as_float(expr(x->list.data[0]));
        Val c = expr(x->list.data[1]);
        char *w = leaf_await(aw, "ac_with_timeout_begin(&f->sub.w%d, %s, %s)", k, t.c, take_ref(c));
        return wait_value(w, discard, aw->ty);
    }
    /* a coroutine object or task held in a value */
    Val v = expr(x);
    if (x->ty == ty_any) return await_object(aw, v, discard);
    char *w = leaf_await(aw, "ac_await_begin(&f->sub.w%d, %s)", k, v.c);
    return wait_value(w, discard, aw->ty);
}
