/* emit_gen.c -- generators in C: a generator object made by a call, its
 * yield points (one state each, like an await), yield from, the items of
 * a for loop, and next/send/throw/close/iter.  The frame and resume
 * function are an async def's (emit_func.c); the protocol is asyncc_rt.h's
 * "Generators" block. */
#include "emit.h"

#include <string.h>

static Type *gen_yield_type(void) { return C->fn && C->fn->yield_ty ? C->fn->yield_ty : ty_none; }

/* g(args): one block, header and frame; the parameters go in the frame. */
static Val gen_object(Node *e) {
    Func *fn = e->fn;
    Vec args = call_args(fn, e);
    char *tmp = new_temp(e->ty);
    emit("%s = ac_%sgen_new(&%s_vt, %s);", tmp, fn->is_async ? "a" : "", fn->cname, desc(e->ty->elem));
    for (int i = 0; i < fn->nparams; i++)
        emit("AC_GEN_FRAME(%s, struct %s_frame)->%s = %s;", tmp, fn->cname, safe_name(fn->params[i].var->name),
             take_ref(*(Val *)args.data[i]));
    hold(tmp, e->ty);
    return (Val){tmp, e->ty, true};
}

static Val item_value(Type *t, const char *call) { return call_value(t, "%s", from_val(call, t)); }

static char *exc_arg(Node *a) {
    if (a->ty->kind == TY_CLASS) return format("ac_exc_new(&%s, NULL)", a->ty->cls->cname);
    return take_ref(expr(a));
}

Val gen_call(Node *e) {
    Node *a0 = e->list.len ? e->list.data[0] : NULL;
    if (e->ival == GOP_NEW) return gen_object(e);
    bool method = (e->ival >= GOP_SEND && e->ival <= GOP_CLOSE) || e->ival >= GOP_CSEND || (e->ival == GOP_NEXT && !a0);
    Val g = method ? expr(e->a->a) : expr(a0);
    switch (e->ival) {
    case GOP_NEXT: return item_value(e->ty, format("ac_gen_send(%s, &ac_None)", g.c));
    case GOP_NEXT_DEFAULT: {
        Type *it = g.ty->elem;
        Val d = coerce(expr(e->list.data[1]), it == e->ty ? it : e->ty);
        if (it != e->ty) {
            /* items and the default travel as objects */
            char *tmp = new_temp(ty_any);
            emit("{ ac_val gv_; int gr_ = ac_gen_next(%s, &gv_); %s = gr_ == 1 ? ac_obj_from(gv_, %s) : gr_ == 0 ? "
                 "(ac_incref(%s), %s) : NULL; }",
                 g.c, tmp, desc(it), d.c, d.c);
            check_err();
            hold(tmp, ty_any);
            return (Val){tmp, ty_any, true};
        }
        return item_value(e->ty, format("ac_gen_next_default(%s, %s, %s)", g.c, to_val(d), desc(it)));
    }
    case GOP_SEND: {
        Val v = coerce(expr(a0), ty_any);
        return item_value(e->ty, format("ac_gen_send(%s, %s)", g.c, take_ref(v)));
    }
    case GOP_THROW: return item_value(e->ty, format("ac_gen_throw(%s, %s)", g.c, exc_arg(a0)));
    case GOP_CLOSE:
        emit("ac_gen_close(%s);", g.c);
        check_err();
        return (Val){"0", ty_none, false};
    case GOP_ITER_LIST: return call_value(e->ty, "ac_list_iter(%s)", g.c);
    case GOP_ITER_GEN: return call_value(e->ty, "ac_gen_iter(%s)", g.c);
    case GOP_CSEND: {
        Val v = coerce(expr(a0), ty_any);
        return call_value(ty_any, "ac_coro_send(%s, %s)", g.c, take_ref(v));
    }
    case GOP_CTHROW: return call_value(ty_any, "ac_coro_throw(%s, %s)", g.c, exc_arg(a0));
    case GOP_CCLOSE:
        emit("ac_coro_close(%s);", g.c);
        check_err();
        return (Val){"0", ty_none, false};
    case GOP_TO_LIST: return call_value(e->ty, "ac_gen_to_list(%s, %s)", g.c, desc(e->ty->elem));
    }
    return (Val){"0", ty_none, false};
}

/* StopIteration's e.value */
Val gen_attr(Node *e) {
    Val x = expr(e->a);
    return call_value(ty_any, "ac_exc_value(%s)", x.c);
}

/* The value a resumed yield receives: what send() put in the mailbox, as
 * type t (the send type, or what a tinyio loop sends back). */
static Val received(bool discard, Type *t) {
    if (discard) { /* next() and a tinyio pause send None: no call for it */
        emit("AC_DROP_SENT(f->ret.p);");
        return (Val){"0", ty_none, false};
    }
    char *tmp = new_temp(ty_any);
    emit("%s = (ac_obj *)f->ret.p;", tmp);
    hold(tmp, ty_any);
    return coerce((Val){tmp, ty_any, true}, t);
}

/* A delegation to a generator (yield from, await of an __await__
 * generator): the generator held in a temporary while it runs, a state
 * for its resume point. */
Val gen_delegate_begin(Node *sub_expr) {
    Val sub = expr(sub_expr);
    char *gs = new_temp(sub.ty);
    emit("%s = %s;", gs, take_ref(sub));
    hold(gs, sub.ty);
    new_state();
    C->uses_st = true;
    return (Val){gs, sub.ty, true};
}

/* ... and after it: its return value (the ac_val `ret`) as a temporary,
 * or released when discarded; the generator released. */
Val gen_delegate_end(Val held, const char *ret, bool discard) {
    Type *r = held.ty->elems[2];
    Val out = {"0", ty_none, false};
    if (discard) {
        if (r != ty_none && is_obj(r)) emit("ac_decref(%s.p);", ret);
    } else if (r != ty_none) {
        out = (Val){new_temp(r), r, is_obj(r)};
        emit("%s = %s;", out.c, from_val(ret, r));
    }
    unhold(held);
    emit("ac_decref(%s);", held.c);
    if (out.owned) hold(out.c, r);
    return out;
}

/* yield from sub: sub's items go out as ours, what we are sent goes to
 * sub; the value is sub's return value. */
static Val yield_from(Node *e, bool discard) {
    Val held = gen_delegate_begin(e->a);
    Type *st = held.ty;
    const char *conv = "";
    if (gen_yield_type() != st->elem) conv = format("f->ret.p = ac_obj_from(f->ret, %s); ", desc(st->elem));
    emit("AC_YIELD_FROM(%d, %s, %s, %s);", e->await_id + 1, held.c, *conv ? format("{ %s}", conv) : "(void)0",
         fail_stmt(""));
    return gen_delegate_end(held, "f->ret", discard);
}

Val yield_expr(Node *e) {
    bool discard = C->discard;
    C->discard = false;
    if (e->ival) return yield_from(e, discard);
    Type *yt = gen_yield_type();
    int k = e->await_id + 1;
    if (!C->fn->is_async && yt == ty_any && (!e->a || e->a->kind == N_NONE)) {
        /* None said by the status: the tinyio loop's pause reads nothing */
        new_state();
        emit("AC_GEN_PAUSE(%d, %s);", k, fail_stmt("ac_decref(f->ret.p); "));
        return received(discard, e->ty ? e->ty : C->fn->send_ty);
    }
    if (e->a && yt != ty_none) {
        Val v = coerce(expr(e->a), yt);
        /* a value made while MemoryError was set is real: it must not
         * reach the consumer, who would see the error and drop the value */
        check_err();
        emit("f->ret = %s;", to_val((Val){take_ref(v), yt, false}));
    } else {
        if (e->a) expr(e->a);
        emit("f->ret.p = %s;", yt == ty_any ? "&ac_None" : "NULL");
    }
    new_state();
    /* resumed with an error: a value sent along with it (a driver that
     * sent while MemoryError was set) is still ours to release */
    if (C->fn->is_async)
        emit("AC_AGEN_YIELD(%d, %s);", k, fail_stmt(""));
    else
        emit("AC_AWAIT_YIELD(%d, %s);", k, fail_stmt("ac_decref(f->ret.p); "));
    return received(discard, e->ty ? e->ty : C->fn->send_ty);
}

/* The next item of a for loop over a generator, or the jump out. */
Val gen_for_item(const char *g, Type *gt, const char *brk) {
    Type *it = gt->elem;
    char *x = new_temp(it);
    emit("{ ac_val gv_; int gr_; gv_.i = 0; gr_ = ac_gen_next(%s, &gv_); if (gr_ == 0) goto %s; %s = %s; }", g, brk, x,
         from_val("gv_", it));
    if (is_obj(it)) hold(x, it); /* before the test: an item made under MemoryError is real */
    check_err();
    return (Val){x, it, is_obj(it)};
}

/* One step of `async for` over the async generator held in g: an await
 * (AC_AWAIT_AGEN) that gives the next item or jumps out at the end. */
Val agen_for_item(Node *c, const char *g, Type *gt, const char *brk) {
    int k = c->await_id + 1;
    Type *it = gt->elem;
    new_state();
    C->uses_st = true;
    char *io = format("io%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s = {0};\n", io);
    emit("AC_AWAIT_AGEN(%d, %s, ac_agen_begin(%s, AC_AOP_FOR, &ac_None, NULL, &%s), %s, { goto %s; }, %s);", k, g, g, io,
         io, brk, fail_stmt(""));
    char *x = new_temp(it);
    emit("%s = %s;", x, from_val(io, it));
    if (is_obj(it)) hold(x, it);
    return (Val){x, it, is_obj(it)};
}

/* await of anext(g) [default], g.asend(v), g.athrow(e), g.aclose(): one
 * state, the operation begun on the first entry and continued on every
 * resume (AC_AWAIT_AGEN). */
Val agen_await(Node *aw, bool discard) {
    Node *x = aw->a;
    int k = aw->await_id + 1;
    Val g = expr(x->list.data[0]);
    Type *gt = g.ty, *yt = gt->elem, *rt = aw->ty;
    char *gs = new_temp(gt);
    emit("%s = %s;", gs, take_ref(g));
    hold(gs, gt);
    Val held = {gs, gt, true};
    char *io = format("io%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s = {0};\n", io);
    char *dflt = NULL, *begin;
    Node *a1 = x->list.len > 1 ? x->list.data[1] : NULL;
    switch (x->ival) {
    case GOP_ANEXT_DEFAULT: {
        Val d = coerce(expr(a1), rt);
        dflt = new_temp(rt);
        emit("%s = %s;", dflt, take_ref(d));
        if (is_obj(rt)) hold(dflt, rt);
        begin = format("ac_agen_begin(%s, AC_AOP_FOR, &ac_None, NULL, &%s)", gs, io);
        break;
    }
    case GOP_ASEND: {
        Val v = coerce(expr(a1), ty_any);
        begin = format("ac_agen_begin(%s, AC_AOP_SEND, %s, NULL, &%s)", gs, take_ref(v), io);
        break;
    }
    case GOP_ATHROW: {
        char *e = a1->ty->kind == TY_CLASS ? format("ac_exc_new(&%s, NULL)", a1->ty->cls->cname) : take_ref(expr(a1));
        begin = format("ac_agen_begin(%s, AC_AOP_THROW, &ac_None, %s, &%s)", gs, e, io);
        break;
    }
    case GOP_ACLOSE:
        begin = format("ac_agen_begin(%s, AC_AOP_CLOSE, &ac_None, ac_exc_new(&ac_cls_GeneratorExit, NULL), &%s)", gs, io);
        break;
    default: begin = format("ac_agen_begin(%s, AC_AOP_NEXT, &ac_None, NULL, &%s)", gs, io); break;
    }
    new_state();
    C->uses_st = true;
    emit("AC_AWAIT_AGEN(%d, %s, %s, %s, (void)0, %s);", k, gs, begin, io, fail_stmt(""));
    Val out = {"0", ty_none, false};
    if (x->ival == GOP_ACLOSE) {
        /* nothing comes back */
    } else if (dflt) {
        if (is_obj(rt)) unhold((Val){dflt, rt, true});
        const char *item = rt == yt ? from_val(io, yt) : format("ac_obj_from(%s, %s)", io, desc(yt));
        emit("if (st == AC_ITEM) { %s%s = %s; }", is_obj(rt) ? format("ac_decref(%s); ", dflt) : "", dflt, item);
        out = (Val){dflt, rt, is_obj(rt)};
    } else if (x->ival == GOP_ATHROW) {
        out = (Val){new_temp(ty_any), ty_any, true};
        emit("%s = st == AC_ITEM ? ac_obj_from(%s, %s) : &ac_None;", out.c, io, desc(yt));
    } else {
        out = (Val){new_temp(yt), yt, is_obj(yt)};
        emit("%s = %s;", out.c, from_val(io, yt));
    }
    unhold(held);
    emit("ac_decref(%s);", gs);
    if (discard && out.owned) {
        emit("%s;", is_obj(out.ty) && out.ty != ty_any ? format("ac_decref(%s)", out.c) : format("ac_decref(%s)", out.c));
        return (Val){"0", ty_none, false};
    }
    if (discard) return (Val){"0", ty_none, false};
    if (out.owned) hold(out.c, out.ty);
    return out;
}
