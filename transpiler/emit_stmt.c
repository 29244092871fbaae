/* emit_stmt.c -- statements: assignments, loops and comprehensions,
 * try/except/finally with break/continue/return through finally blocks. */
#include "emit.h"
#include "emit_dict.h"

#include <string.h>

static void stmt(Node *s);

/* ---- statements ----------------------------------------------------------------- */

void assign_var(Var *v, Val val) {
    val = coerce(val, v->ty);
    char *dst = var_ref(v);
    if (!strcmp(dst, val.c) && !val.owned) { /* x = x (o = o if isinstance(o, C) else ...): a use, no store */
        emit("(void)%s;", dst);
        return;
    }
    if (is_obj(v->ty)) {
        char *src = take_ref(val);
        emit("ac_decref(%s);", dst);
        emit("%s = %s;", dst, src);
    } else {
        emit("%s = %s;", dst, val.c);
    }
    if (v->flag) emit("%s = 1;", var_ref(v->flag)); /* it is bound now (check_assign.c) */
    if (v->unbound_cell) emit("((ac_box *)%s)->type = %s;", closure_cell_ref(v), desc(v->ty));
}

static void assign_target(Node *t, Val val);

/* first, *rest = xs: items before and after the star, the rest as a list */
static void assign_starred(Node *t, Val src, int star) {
    int n = t->list.len, after = n - 1 - star;
    Node *st = t->list.data[star];
    if (src.ty->kind == TY_LIST) {
        emit("if (%s->len < %d) ac_raise_msg(&ac_cls_ValueError, \"not enough values to unpack (expected at least %d, "
             "got %%d)\", (int)%s->len);",
             src.c, n - 1, n - 1, src.c);
        check_err();
        Type *el = src.ty->elem;
        for (int i = 0; i < n; i++) {
            if (i == star) continue;
            char *at = i < star ? format("%d", i) : format("%s->len - %d", src.c, n - i);
            assign_target(t->list.data[i], (Val){from_val(format("%s->items[%s]", src.c, at), el), el, false});
        }
        Val rest = call_value(st->ty, "ac_list_slice(%s, 1, %d, 1, %s->len - %d, 0, 1)", src.c, star, src.c, after);
        assign_target(st->a, rest);
        return;
    }
    Type *tt = src.ty, *el = st->ty->elem;
    for (int i = 0; i < n; i++) {
        if (i == star) continue;
        int k = i < star ? i : tt->nelems - (n - i);
        assign_target(t->list.data[i],
                      (Val){from_val(format("%s->items[%d]", src.c, k), tt->elems[k]), tt->elems[k], false});
    }
    char *rest = new_temp(st->ty);
    emit("%s = ac_list_new(%s, 0, NULL);", rest, desc(el));
    hold(rest, st->ty);
    for (int k = star; k < tt->nelems - after; k++) {
        char *x = take_ref((Val){from_val(format("%s->items[%d]", src.c, k), tt->elems[k]), tt->elems[k], false});
        emit("ac_list_append(%s, %s);", rest, to_val((Val){x, el, false}));
    }
    assign_target(st->a, (Val){rest, st->ty, true});
}

/* a, b = obj: as many items as targets, or CPython's ValueError */
static void unpack_object(Node *t, Val val) {
    int n = t->list.len;
    Val src = pin(val);
    Val len = call_value(ty_int, "ac_obj_len(%s)", src.c);
    emit("if (%s != %d) ac_raise_msg(&ac_cls_ValueError, %s < %d ? \"not enough values to unpack (expected %d, got "
         "%%d)\" : \"too many values to unpack (expected %d)\", (int)%s);",
         len.c, n, len.c, n, n, n, len.c);
    check_err();
    for (int i = 0; i < n; i++) {
        Val item = call_value(ty_any, "ac_obj_getitem(%s, ac_obj_int(%d))", src.c, i);
        assign_target(t->list.data[i], item);
    }
}

static void assign_target(Node *t, Val val) {
    if (t->kind == N_NAME) {
        assign_var(t->var, val);
        return;
    }
    if (val.ty->tag) val = as_object(val); /* an attribute, an item: a slot */
    if (t->kind == N_ATTR && t->builtin == B_FN_ATTR) {
        emit_fn_attr_store(t, val);
        return;
    }
    if ((t->kind == N_TUPLE || t->kind == N_LIST) && val.ty->kind == TY_ANY) {
        unpack_object(t, val);
        return;
    }
    if (t->kind == N_TUPLE || t->kind == N_LIST) {
        for (int i = 0; i < t->list.len; i++)
            if (((Node *)t->list.data[i])->kind == N_STARRED) {
                assign_starred(t, pin(val), i);
                return;
            }
        Val src = pin(val);
        int n = t->list.len;
        if (val.ty->kind == TY_LIST) {
            emit("if (%s->len != %d) ac_raise_msg(&ac_cls_ValueError, %s->len < %d ? \"not enough values to unpack "
                 "(expected %d, got %%d)\" : \"too many values to unpack (expected %d)\", (int)%s->len);",
                 src.c, n, src.c, n, n, n, src.c);
            check_err();
        }
        for (int i = 0; i < n; i++) {
            Node *x = t->list.data[i];
            Type *et = val.ty->kind == TY_LIST ? val.ty->elem : val.ty->elems[i];
            Val ev = {from_val(format("%s->items[%d]", src.c, i), et), et, false};
            assign_target(x, ev);
        }
        return;
    }
    if (t->kind == N_ATTR) {
        emit_attr_set(t, val);
        return;
    }
    if (t->kind == N_INDEX && t->fn) {
        emit_index_set(t, val);
        return;
    }
    if (t->kind == N_INDEX) {
        Val c = expr(t->a);
        if (c.ty->kind == TY_DICT) {
            dict_store(t, c, val);
            return;
        }
        Val i = expr(t->b);
        Type *el = c.ty->elem;
        val = coerce(val, el);
        char *x = take_ref(val);
        emit("ac_list_set(%s, %s, %s);", c.c, i.c, to_val((Val){x, el, false}));
        check_err();
    }
}

/* The rest of a comprehension from clause `idx` on, inside the loops of
 * the clauses before it (`cont` continues the innermost one). */
void comp_rest(Node *comp, int idx, char *result, const char *cont) {
    if (idx == comp->list.len) {
        if (comp->ival && !result) { /* a generator expression in any()/all() */
            comp_sink(comp);
            return;
        }
        int m = C->held.len;
        if (comp->kind != N_LISTCOMP) {
            comp_store(comp, result);
            release_held_from(m);
            return;
        }
        Val v = coerce(expr(comp->a), comp->ty->elem);
        char *x = take_ref(v);
        emit("ac_list_append(%s, %s);", result, to_val((Val){x, comp->ty->elem, false}));
        release_held_from(m);
        return;
    }
    Node *c = comp->list.data[idx];
    if (c->kind == N_IF) {
        int m = C->held.len;
        Val v = expr(c->a);
        char *tv = new_temp(ty_bool);
        emit("%s = %s;", tv, truth(v));
        release_held_from(m);
        emit("if (!%s) goto %s;", tv, cont);
        comp_rest(comp, idx + 1, result, cont);
        return;
    }
    if (c->ival)
        emit_afor(c, NULL, comp, idx + 1, result);
    else
        emit_for_iter(c->a, c->b, NULL, comp, idx + 1, result);
}

/* The body of one loop iteration: statements, the rest of a
 * comprehension, or (list(range(...))) an append of the counter. */
static void loop_body(Node *body, Node *comp, int next, char *result, char *cur, char *brk, char *cont, int brk_mark) {
    if (body) {
        Loop *lp = xcalloc(1, sizeof *lp);
        lp->brk = brk;
        lp->cont = cont;
        lp->try_depth = C->tries.len;
        /* the loop's own sequence is released after its end label */
        (void)brk_mark;
        lp->brk_mark = lp->cont_mark = C->held.len;
        lp->exc_mark = C->excs.len;
        vec_push(&C->loops, lp);
        stmt_list(&body->list);
        C->loops.len--;
    } else if (comp) {
        comp_rest(comp, next, result, cont);
    } else if (result) {
        emit("ac_list_append(%s, ac_int_val(%s));", result, cur);
    }
}

/* for loops, comprehension clauses and list(range(...)): over a range, a
 * list or a str.  The sequence and the position live in temporaries, in
 * the frame when the loop contains an await. */
void emit_for_iter(Node *target, Node *iter, Node *body, Node *comp, int next, char *result) {
    bool is_range = iter->kind == N_CALL && iter->builtin == B_RANGE;
    char *brk = new_label("loop_end"), *cont = new_label("loop_next"), *head = new_label("loop");
    int line = py_line;
    int mark = C->held.len;
    if (is_range) {
        int n = iter->list.len;
        Val a = coerce(expr(iter->list.data[0]), ty_int); /* range(obj): unboxed */
        Val start = n == 1 ? int_lit(0) : a;
        Val stop = n == 1 ? a : coerce(expr(iter->list.data[1]), ty_int);
        /* a literal step needs no variable and fixes the loop's direction */
        Node *sn = n == 3 ? iter->list.data[2] : NULL;
        bool const_step = !sn || sn->kind == N_INT || (sn->kind == N_UNARY && sn->op == OP_NEG && sn->a->kind == N_INT);
        int64_t step_val = !sn ? 1 : sn->kind == N_INT ? sn->ival : const_step ? -sn->a->ival : 0;
        if (const_step && step_val == 0) const_step = false; /* raises at run time */
        Val step = const_step ? int_lit(step_val) : coerce(expr(sn), ty_int);
        char *vstop = new_temp(ty_int);
        char *vstep = const_step ? int_lit(step_val).c : new_temp(ty_int);
        char *cur = new_temp(ty_int);
        emit("%s = %s;", cur, start.c);
        emit("%s = %s;", vstop, stop.c);
        if (!const_step) {
            emit("%s = %s;", vstep, step.c);
            emit("if (%s == 0) ac_raise_msg(&ac_cls_ValueError, \"range() arg 3 must not be zero\");", vstep);
            check_err();
        }
        release_held_from(mark);
        emit_label(head);
        if (const_step)
            emit("if (%s %s %s) goto %s;", cur, step_val > 0 ? ">=" : "<=", vstop, brk);
        else
            emit("if (%s > 0 ? %s >= %s : %s <= %s) goto %s;", vstep, cur, vstop, cur, vstop, brk);
        if (target) assign_target(target, (Val){cur, ty_int, false});
        loop_body(body, comp, next, result, cur, brk, cont, mark);
        resume_line(line);
        emit_label(cont);
        emit("if (AC_UNLIKELY(ac_add_overflows(%s, %s, &%s))) goto %s;", cur, vstep, cur, brk);
        emit("goto %s;", head);
        emit_label(brk);
        return;
    }
    /* list or str: hold the sequence for the whole loop */
    Val seq = iter_as_list(expr(iter));
    Type *st = seq.ty;
    char *sv = new_temp(st);
    emit("%s = %s;", sv, take_ref(seq));
    release_held_from(mark);
    char *idx = new_temp(ty_int);
    emit("%s = 0;", idx);
    hold(sv, st);
    int loop_mark = C->held.len;
    emit_label(head);
    if (st->kind == TY_ANY) {
        /* an object holding a str, list or tuple: each item as an object */
        emit("ac_obj_iter_check(%s);", sv);
        check_err();
        char *x = new_temp(ty_any);
        emit("%s = ac_obj_next(%s, &%s);", x, sv, idx);
        emit("if (%s == NULL) goto %s;", x, brk);
        hold(x, ty_any);
        if (target) assign_target(target, (Val){x, ty_any, true});
        release_held_from(loop_mark);
    } else if (st->kind == TY_GEN) {
        emit("(void)%s;", idx);
        Val x = gen_for_item(sv, st, brk);
        if (target) assign_target(target, x);
        release_held_from(loop_mark);
    } else if (st == ty_str) {
        char *ch = new_temp(ty_str);
        emit("%s = ac_str_next_char(%s, &%s);", ch, sv, idx);
        emit("if (%s == NULL) goto %s;", ch, brk);
        hold(ch, ty_str);
        if (target) assign_target(target, (Val){ch, ty_str, true});
        release_held_from(loop_mark);
    } else {
        Type *vt = st->elem;
        emit("if (%s >= %s->len) goto %s;", idx, sv, brk);
        if (target) assign_target(target, (Val){from_val(format("%s->items[%s]", sv, idx), vt), vt, false});
        emit("%s++;", idx);
    }
    loop_body(body, comp, next, result, NULL, brk, cont, mark);
    resume_line(line);
    emit_label(cont);
    emit("goto %s;", head);
    emit_label(brk);
    release_held_from(mark);
}

/* async for (a statement or a comprehension clause c): over an async
 * generator, one await per item (agen_for_item); over what has no
 * __aiter__, CPython's TypeError once the iterable is evaluated (the body
 * is still written, unreachable, so that its await states exist). */
void emit_afor(Node *c, Node *body, Node *comp, int next, char *result) {
    char *brk = new_label("loop_end"), *cont = new_label("loop_next"), *head = new_label("loop");
    int line = py_line;
    int mark = C->held.len;
    Val seq = expr(c->b);
    if (c->ival == 2) {
        release_held_from(mark);
        emit("ac_raise_msg(&ac_cls_TypeError, \"'async for' requires an object with __aiter__ method, got %s\");",
             c->sval);
        emit("%s%sgoto %s;", tb_note(), releases_above(handler_mark()), handler());
        emit_label(head);
        loop_body(body, comp, next, result, NULL, brk, cont, mark);
        emit_label(cont);
        emit("goto %s;", head);
        emit_label(brk);
        return;
    }
    Type *st = seq.ty;
    char *sv = new_temp(st);
    emit("%s = %s;", sv, take_ref(seq));
    release_held_from(mark);
    hold(sv, st);
    int loop_mark = C->held.len;
    emit_label(head);
    Val x = agen_for_item(c, sv, st, brk);
    if (c->a) assign_target(c->a, x);
    release_held_from(loop_mark);
    loop_body(body, comp, next, result, NULL, brk, cont, mark);
    resume_line(line);
    emit_label(cont);
    emit("goto %s;", head);
    emit_label(brk);
    release_held_from(mark);
}

void stmt_list(Vec *list) {
    for (int i = 0; i < list->len; i++) stmt(list->data[i]);
}

/* The finally blocks whose bodies are being emitted: a break, continue or
 * return that leaves one drops the exception it was going to re-raise
 * (CPython discards it too). */
typedef struct FinBody {
    const char *fexc;
    int loops; /* C->loops.len when the body began */
} FinBody;
static Vec fin_bodies;

static void drop_pending(bool all) {
    for (int i = fin_bodies.len - 1; i >= 0; i--) {
        FinBody *b = fin_bodies.data[i];
        if (!all && b->loops < C->loops.len) break; /* a loop inside the body: we stay in it */
        emit("ac_decref(%s); %s = NULL;", b->fexc, b->fexc);
    }
}

/* Jump to `target` through every finally block between here and `depth`
 * (the try depth where the target lives). */
static void jump_through_finally(int depth, const char *target, int why) {
    if (C->tries.len > depth) {
        for (int i = C->tries.len - 1; i >= depth; i--) {
            Try *t = C->tries.data[i];
            if (t->fin) {
                emit("%s = %d;", t->why, why);
                if (why == 2) t->uses_return = true;
                if (why == 3) t->uses_break = true, t->brk = (char *)target;
                if (why == 4) t->uses_continue = true, t->cont = (char *)target;
                emit("goto %s;", t->fin);
                return;
            }
        }
    }
    emit("goto %s;", target);
}

static void cond_branch(Node *cond, const char *if_false) {
    int mark = C->held.len;
    Val c = expr_tag(cond);
    char *tv = truth(c);
    if (C->held.len > mark) {
        char *tmp = new_temp(ty_bool);
        emit("%s = %s;", tmp, tv);
        release_held_from(mark);
        tv = tmp;
    }
    emit("if (!%s) goto %s;", tv, if_false);
}

static const char *ret_target(void) { return "L_return"; }

/* Leaving except blocks by return/break/continue lets go of the
 * exceptions they were handling. */
static void release_handled(int mark) {
    for (int i = C->excs.len - 1; i >= mark; i--)
        emit("ac_decref(%s); %s = NULL;", (char *)C->excs.data[i], (char *)C->excs.data[i]);
}

/* The except clauses: the exception is taken out of ac_err, matched
 * against each clause in turn, and raised again when none matches. */
static void emit_except_clauses(Node *s, Try *t, bool frame, const char *hlabel, const char *end, const char *fin_exc) {
    emit_label(hlabel);
    int k = ++C->ntemps;
    char *exc;
    if (frame) {
        frame_field("ac_exc *", format("exc%d", k));
        exc = format("f->exc%d", k);
    } else {
        buf_printf(&C->decls, "    ac_exc *exc%d = NULL;\n", k);
        exc = format("exc%d", k);
    }
    emit("%s = ac_take_err();", exc);
    char *unhandled = new_label("unhandled");
    for (int i = 0; i < s->list.len; i++) {
        Node *h = s->list.data[i];
        char *next = new_label("next_except");
        if (h->a) {
            Buf b = {0};
            Vec classes = {0};
            if (h->a->kind == N_TUPLE)
                classes = h->a->list;
            else
                vec_push(&classes, h->a);
            for (int j = 0; j < classes.len; j++) {
                Node *cn = classes.data[j];
                buf_printf(&b, "%sac_exc_matches(%s, &%s)", j ? " || " : "", exc,
                           cn->cls ? cn->cls->cname : "ac_cls_BaseException");
            }
            emit(classes.len > 1 ? "if (!(%s)) goto %s;" : "if (!%s) goto %s;", b.data, next);
        }
        if (h->var) {
            emit("ac_incref(%s);", exc);
            assign_var(h->var, (Val){exc, h->var->ty, true});
            /* assign_var took our reference */
        }
        /* errors in the handler run finally (if any) with the new error */
        char *h_exit = new_label("handler_raised");
        push_handler(h_exit);
        vec_push(&C->excs, exc);
        stmt_list(&h->b->list);
        C->excs.len--;
        C->handlers.len--;
        emit("ac_decref(%s); %s = NULL;", exc, exc);
        if (t->fin) emit("%s = 0;", t->why);
        emit("goto %s;", t->fin ? t->fin : end);
        /* an exception escaping the handler: drop the handled one, which
         * becomes its context */
        emit_label(h_exit);
        emit("ac_exc_chain(%s); ac_decref(%s); %s = NULL;", exc, exc, exc);
        if (fin_exc)
            emit("goto %s;", fin_exc);
        else
            emit("%sgoto %s;", releases_above(handler_mark()), handler());
        emit_label(next);
    }
    emit_label(unhandled);
    emit("ac_raise(%s); %s = NULL;", exc, exc);
    /* the temporaries held around the try (a for loop's list) go too */
    emit("goto %s;", fin_exc ? fin_exc : release_chain(handler_mark(), handler()));
}

/* The finally block, entered with `why` saying how (normally, by an
 * exception, or by return/break/continue), and the dispatch after it. */
static void emit_finally(Node *s, Try *t, const char *fin_exc) {
    emit_label(fin_exc);
    emit("%s = ac_take_err();", t->fexc);
    emit("%s = 1;", t->why);
    emit_label(t->fin);
    /* an exception escaping the finally block: the pending one (if any)
     * becomes its context and is released */
    char *raised = new_label("finally_raised");
    push_handler(raised);
    FinBody *body = xcalloc(1, sizeof *body);
    body->fexc = t->fexc;
    body->loops = C->loops.len;
    vec_push(&fin_bodies, body);
    stmt_list(&s->c->list);
    fin_bodies.len--;
    C->handlers.len--;
    emit("switch (%s) {", t->why);
    emit("case 1: ac_raise(%s); %s = NULL; %sgoto %s;", t->fexc, t->fexc, releases_above(handler_mark()), handler());
    if (t->uses_return) {
        C->indent++;
        emit("case 2:");
        jump_through_finally(0, ret_target(), 2);
        C->indent--;
    }
    if (t->uses_break) {
        C->indent++;
        emit("case 3:");
        jump_through_finally(((Loop *)C->loops.data[C->loops.len - 1])->try_depth, t->brk, 3);
        C->indent--;
    }
    if (t->uses_continue) {
        C->indent++;
        emit("case 4:");
        jump_through_finally(((Loop *)C->loops.data[C->loops.len - 1])->try_depth, t->cont, 4);
        C->indent--;
    }
    emit("default: break;");
    emit("}");
    char *after = new_label("finally_end");
    emit("goto %s;", after);
    emit_label(raised);
    emit("ac_exc_chain(%s); ac_decref(%s); %s = NULL;", t->fexc, t->fexc, t->fexc);
    emit("%sgoto %s;", releases_above(handler_mark()), handler());
    emit_label(after);
}

static void emit_try(Node *s) {
    bool frame = C->async && s->has_await;
    Try *t = xcalloc(1, sizeof *t);
    char *hlabel = new_label("except");
    char *end = new_label("try_end");
    if (s->c) {
        t->fin = new_label("finally");
        int k = ++C->ntemps;
        if (frame) {
            frame_field("int", format("why%d", k));
            frame_field("ac_exc *", format("fexc%d", k));
            t->why = format("f->why%d", k);
            t->fexc = format("f->fexc%d", k);
        } else {
            buf_printf(&C->decls, "    int why%d = 0;\n    ac_exc *fexc%d = NULL;\n", k, k);
            t->why = format("why%d", k);
            t->fexc = format("fexc%d", k);
        }
    }
    t->loop_depth = C->loops.len;
    char *fin_exc = t->fin ? new_label("finally_exc") : NULL;
    vec_push(&C->tries, t);
    /* body */
    push_handler(s->list.len ? hlabel : (fin_exc ? fin_exc : handler()));
    stmt_list(&s->a->list);
    C->handlers.len--;
    /* else runs only when the body finished normally */
    if (s->b) {
        if (fin_exc) push_handler(fin_exc);
        stmt_list(&s->b->list);
        if (fin_exc) C->handlers.len--;
    }
    if (t->fin) emit("%s = 0;", t->why);
    emit("goto %s;", t->fin ? t->fin : end);
    if (s->list.len) emit_except_clauses(s, t, frame, hlabel, end, fin_exc);
    C->tries.len--;
    if (t->fin) emit_finally(s, t, fin_exc);
    emit_label(end);
}

static void emit_augassign(Node *s, int mark) {
    Node *t = s->a;
    if (t->kind == N_NAME) {
        Val cur = {var_ref(t->var), t->var->ty, false};
        t->var->read = true;
        emit_unbound_test(t);
        Val r = expr_tag(s->b);
        if (cur.ty->kind == TY_LIST && s->op == OP_ADD) {
            emit("ac_list_extend(%s, %s);", cur.c, r.c);
            check_err();
        } else if (ty_is_set(cur.ty) && ty_is_set(r.ty)) {
            set_inplace(s->op, cur, r); /* in place: other names see it */
        } else {
            Node fake = *s;
            fake.ty = s->ty ? s->ty : cur.ty;
            fake.a = t;
            fake.b = s->b;
            Val res = binop(&fake, s->op, cur, r);
            assign_var(t->var, res);
        }
    } else if (t->kind == N_ATTR) {
        emit_attr_augassign(s);
    } else {
        Val c = expr(t->a);
        if (c.ty->kind == TY_DICT) {
            dict_augassign(s, c);
            release_held_from(mark);
            return;
        }
        Val i = pin(expr(t->b));
        Type *el = t->ty;
        char *tmp = new_temp(el);
        emit("%s = %s;", tmp, from_val(format("ac_list_get(%s, %s)", c.c, i.c), el));
        check_err();
        Val r = expr(s->b);
        Node fake = *s;
        fake.ty = s->ty ? s->ty : el;
        fake.a = t;
        Val res = coerce(binop(&fake, s->op, (Val){tmp, el, false}, r), el);
        char *x = take_ref(res);
        emit("ac_list_set(%s, %s, %s);", c.c, i.c, to_val((Val){x, el, false}));
        check_err();
    }
    release_held_from(mark);
}

static void emit_if(Node *s) {
    char *els = new_label("else"), *end = new_label("endif");
    cond_branch(s->a, els);
    stmt_list(&s->b->list);
    resume_line(s->loc.line);
    if (s->c) emit("goto %s;", end);
    emit_label(els);
    if (s->c) {
        stmt_list(&s->c->list);
        emit_label(end);
    }
}

static void emit_while(Node *s) {
    char *head = new_label("while"), *brk = new_label("while_end");
    emit_label(head);
    C->frame_stmt = C->async && s->a->has_await;
    cond_branch(s->a, brk);
    Loop *lp = xcalloc(1, sizeof *lp);
    lp->brk = brk;
    lp->cont = head;
    lp->try_depth = C->tries.len;
    lp->brk_mark = lp->cont_mark = C->held.len;
    lp->exc_mark = C->excs.len;
    vec_push(&C->loops, lp);
    stmt_list(&s->b->list);
    C->loops.len--;
    resume_line(s->loc.line);
    emit("goto %s;", head);
    emit_label(brk);
}

/* leaving the loop lets go of the sequence it iterates */
static void emit_break(Node *s) {
    Loop *lp = C->loops.data[C->loops.len - 1];
    char *rel = releases_above(s->kind == N_BREAK ? lp->brk_mark : lp->cont_mark);
    if (*rel) emit("%s", rel);
    release_handled(lp->exc_mark);
    drop_pending(false);
    jump_through_finally(lp->try_depth, s->kind == N_BREAK ? lp->brk : lp->cont, s->kind == N_BREAK ? 3 : 4);
}

static void emit_return(Node *s, int mark) {
    if (s->a) {
        Val v = expr_tag(s->a);
        Type *rt = C->fn->ret;
        v = coerce(v, rt);
        if (C->async) {
            if (rt != ty_none) emit("f->ret = %s;", to_val((Val){take_ref(v), rt, false}));
        } else if (rt != ty_none) {
            emit("rv = %s;", take_ref(v));
        }
    }
    release_held_from(mark);
    {
        char *rel = releases_above(0); /* sequences of enclosing loops */
        if (*rel) emit("%s", rel);
        release_handled(0);
    }
    drop_pending(true);
    jump_through_finally(0, ret_target(), 2);
}

/* Only an import of a missing module inside a guarded try does anything:
 * it raises what CPython raises. */
static void emit_import(Node *s) {
    for (int i = 0; i < s->list.len; i++) {
        Node *item = s->list.data[i];
        if (!item->ival) continue;
        const char *m = s->sval ? s->sval : item->sval;
        emit_line(s);
        emit("ac_raise_msg(&ac_cls_ModuleNotFoundError, \"No module named '%%s'\", \"%.*s\");", (int)strcspn(m, "."),
             m);
        check_err();
        return;
    }
}

static void emit_raise(Node *s, int mark) {
    if (!s->a) {
        char *exc = C->excs.len ? C->excs.data[C->excs.len - 1] : NULL;
        if (exc)
            emit("ac_incref(%s); ac_raise(%s);", exc, exc);
        else
            emit("ac_raise_msg(&ac_cls_RuntimeError, \"No active exception to reraise\");");
        emit("%sgoto %s;", releases_above(handler_mark()), handler());
        return;
    }
    Val v;
    if (s->a->ty->kind == TY_CLASS)
        v = call_value(ty_exc(s->a->ty->cls), "ac_exc_new(&%s, ac_tuple_new(%s, NULL))", s->a->ty->cls->cname,
                       desc(ty_tuple(NULL, 0)));
    else
        v = expr(s->a);
    char *x = take_ref(v);
    if (s->b && s->b->kind == N_NONE) {
        emit("ac_exc_set_cause(%s, NULL);", x);
    } else if (s->b) { /* the cause as an instance, made before the raise */
        Val c = s->b->ty->kind == TY_CLASS ? call_value(ty_exc(s->b->ty->cls), "ac_exc_new(&%s, ac_tuple_new(%s, NULL))",
                                                        s->b->ty->cls->cname, desc(ty_tuple(NULL, 0)))
                                           : expr(s->b);
        emit("ac_exc_set_cause(%s, %s);", x, take_ref(c));
    }
    release_held_from(mark);
    emit("ac_raise(%s);", x);
    emit("%s%sgoto %s;", tb_note(), releases_above(handler_mark()), handler());
}

static void emit_assert(Node *s) {
    char *ok = new_label("assert_ok");
    int m = C->held.len;
    Val c = expr_tag(s->a);
    char *tv = new_temp(ty_bool);
    emit("%s = %s;", tv, truth(c));
    release_held_from(m);
    emit("if (%s) goto %s;", tv, ok);
    if (s->b) {
        Val msg = to_str(expr(s->b), false);
        emit("ac_raise_str(&ac_cls_AssertionError, %s);", msg.c);
        release_held_from(m);
    } else {
        emit("ac_raise_msg(&ac_cls_AssertionError, \"\");");
    }
    emit("%s%sgoto %s;", tb_note(), releases_above(handler_mark()), handler());
    emit_label(ok);
}

static void stmt(Node *s) {
    C->frame_stmt = C->async && s->has_await;
    int mark = C->held.len;
    switch (s->kind) {
    case N_EXPR: {
        emit_line(s);
        C->discard = s->a->kind == N_AWAIT || s->a->kind == N_YIELD;
        Val v = expr(s->a);
        if (!v.owned && (!strncmp(v.c, "tmp", 3))) emit("(void)%s;", v.c);
        release_held_from(mark);
        return;
    }
    case N_ASSIGN: {
        if (!s->b) return;
        emit_line(s);
        Val v = expr_tag(s->b);
        assign_target(s->a, v);
        release_held_from(mark);
        return;
    }
    case N_AUGASSIGN:
        emit_line(s);
        emit_augassign(s, mark);
        return;
    case N_IF:
        emit_line(s);
        emit_if(s);
        return;
    case N_WHILE:
        emit_line(s);
        emit_while(s);
        return;
    case N_FOR:
        emit_line(s);
        if (s->ival)
            emit_afor(s, s->c, NULL, 0, NULL);
        else
            emit_for_iter(s->a, s->b, s->c, NULL, 0, NULL);
        return;
    case N_BREAK:
    case N_CONTINUE:
        emit_line(s);
        emit_break(s);
        return;
    case N_RETURN:
        emit_line(s);
        emit_return(s, mark);
        return;
    case N_RAISE:
        emit_line(s);
        emit_raise(s, mark);
        return;
    case N_ASSERT:
        emit_line(s);
        emit_assert(s);
        return;
    case N_TRY:
        emit_line(s);
        emit_try(s);
        return;
    case N_BLOCK: stmt_list(&s->list); return;
    case N_CLASSDEF: emit_class_stmt(s); return;
    case N_IMPORT: emit_import(s); return;
    case N_DEL:
        emit_line(s);
        emit_del(s);
        return;
    case N_FUNCDEF:
        if (!s->c) return; /* a module-level def: nothing to run */
        emit_line(s);
        assign_target(s->d, expr(s->c)); /* a nested or decorated def binds its name */
        release_held_from(mark);
        return;
    default: return; /* pass, global, class: nothing to run */
    }
}
