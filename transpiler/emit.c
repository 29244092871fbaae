/* emit.c -- calls: user functions, coroutine objects, asyncio.run, and
 * the builtin functions and methods of the library surface. */
#include "emit.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- calls ------------------------------------------------------------------- */

/* The arguments of a call to a user function, one per parameter, in
 * order (defaults filled in, ints widened for float parameters). */
Vec call_args(Func *fn, Node *call) {
    Vec args = {0};
    for (int i = 0; i < fn->nparams; i++) {
        Node *a = call->list.data[i];
        Val *v = xcalloc(1, sizeof *v);
        *v = a ? expr(a) : expr(fn->params[i].def);
        if (fn->params[i].var->ty == ty_float) *v = as_float(*v);
        vec_push(&args, v);
    }
    return args;
}

static Val call_user(Node *e) {
    Func *fn = e->fn;
    Vec vals = call_args(fn, e);
    Buf b = {0};
    for (int i = 0; i < vals.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", ((Val *)vals.data[i])->c);
    if (fn->ret == ty_none) {
        emit("%s(%s);", fn->cname, b.data ? b.data : "");
        check_err();
        return (Val){"0", ty_none, false};
    }
    if (is_obj(fn->ret)) return call_value(fn->ret, "%s(%s)", fn->cname, b.data ? b.data : "");
    return call_value(fn->ret, "%s(%s)", fn->cname, b.data ? b.data : "");
}

/* A coroutine object for `f(args)` (heap frame, not yet running). */
static Val coro_object(Node *e) {
    Func *fn = e->fn;
    if (fn->host) {
        fprintf(stderr, "%s:%d:%d: error: a deferred host function must be awaited directly\n", py_path, e->loc.line, e->loc.col);
        diag_errors++;
        return (Val){"NULL", e->ty, false};
    }
    Vec args = call_args(fn, e);
    char *tmp = new_temp(ty_coro(fn->ret));
    emit("%s = ac_coro_new(&%s_vt);", tmp, fn->cname);
    for (int i = 0; i < fn->nparams; i++) {
        Val *v = args.data[i];
        emit("AC_TASK_FRAME(%s, struct %s_frame)->%s = %s;", tmp, fn->cname,
             safe_name(fn->params[i].var->name), take_ref(*v));
    }
    hold(tmp, e->ty);
    return (Val){tmp, e->ty, true};
}

static Val print_call(Node *e) {
    Val sep = {NULL, ty_str, false}, end = {NULL, ty_str, false};
    for (int i = 0; i < e->list2.len; i++) {
        Node *kw = e->list2.data[i];
        if (kw->a->kind == N_NONE) continue;
        Val v = expr(kw->a);
        if (!strcmp(kw->sval, "sep")) sep = v;
        else end = v;
    }
    /* the arguments are all evaluated before anything is written */
    int mark = C->held.len;
    Vec strs = {0};
    for (int i = 0; i < e->list.len; i++) {
        Val *v = xcalloc(1, sizeof *v);
        *v = pin(expr(e->list.data[i]));
        vec_push(&strs, v);
    }
    for (int i = 0; i < strs.len; i++) {
        if (i) {
            if (sep.c) emit("ac_write(%s);", sep.c);
            else emit("ac_write_cstr(\" \");");
        }
        Val v = to_str(*(Val *)strs.data[i], false);
        emit("ac_write(%s);", v.c);
    }
    release_held_from(mark);
    if (end.c) emit("ac_write(%s);", end.c);
    else emit("ac_write_cstr(\"\\n\");");
    return (Val){"0", ty_none, false};
}

static Val exc_new(Node *e) {
    int n = e->list.len;
    Type **el = xcalloc((size_t)n + 1, sizeof(Type *));
    for (int i = 0; i < n; i++) el[i] = ((Node *)e->list.data[i])->ty;
    Type *tt = ty_tuple(el, n);
    Node fake = {0};
    fake.list = e->list;
    Val args = tuple_lit(&fake, tt);
    char *a = take_ref(args);
    return call_value(e->ty, "ac_exc_new(&%s, %s)", e->cls->cname, a);
}

static Val minmax(Node *e, bool is_min) {
    int n = e->list.len;
    if (n == 1) {
        Val l = expr(e->list.data[0]);
        Type *t = e->ty;
        char *tmp = new_temp(t);
        emit("%s = %s;", tmp, from_val(format("ac_list_%s(%s)", is_min ? "min" : "max", l.c), t));
        check_err();
        if (is_obj(t)) hold(tmp, t);
        return (Val){tmp, t, is_obj(t)};
    }
    Type *t = e->ty;
    char *res = new_temp(t);
    Val first = expr(e->list.data[0]);
    if (t == ty_float) first = as_float(first);
    emit("%s = %s;", res, first.c);
    for (int i = 1; i < n; i++) {
        Val v = expr(e->list.data[i]);
        if (t == ty_float) v = as_float(v);
        Val r = compare1(is_min ? OP_LT : OP_GT, v, (Val){res, t, false});
        emit("if (%s) %s = %s;", r.c, res, v.c);
    }
    if (is_obj(t)) {
        emit("ac_incref(%s);", res);
        hold(res, t);
        return (Val){res, t, true};
    }
    return (Val){res, t, false};
}

static Val method(Node *e) {
    Node *callee = e->a;
    Val r = expr(callee->a);
    const char *m = e->sval;
    int n = e->list.len;
    Val a[3] = {{0}};
    for (int i = 0; i < n && i < 3; i++) {
        Node *x = e->list.data[i];
        if (x->kind == N_NONE) a[i] = (Val){"NULL", ty_none, false};
        else a[i] = expr(x);
    }
    if (r.ty == ty_str) {
        if (!strcmp(m, "upper") || !strcmp(m, "lower")) return call_value(ty_str, "ac_str_%s(%s)", m, r.c);
        if (!strcmp(m, "strip") || !strcmp(m, "lstrip") || !strcmp(m, "rstrip"))
            return call_value(ty_str, "ac_str_%s(%s, %s)", m, r.c, n ? a[0].c : "NULL");
        if (!strcmp(m, "split"))
            return call_value(e->ty, "ac_str_split(%s, %s, %s)", r.c, n ? a[0].c : "NULL", n > 1 ? a[1].c : "-1");
        if (!strcmp(m, "join")) {
            if (a[0].ty == ty_str) a[0] = call_value(ty_list(ty_str), "ac_str_split_chars(%s)", a[0].c);
            return call_value(ty_str, "ac_str_join(%s, %s)", r.c, a[0].c);
        }
        if (!strcmp(m, "startswith") || !strcmp(m, "endswith"))
            return (Val){format("ac_str_%s(%s, %s)", m, r.c, a[0].c), ty_bool, false};
        if (!strcmp(m, "replace")) return call_value(ty_str, "ac_str_replace(%s, %s, %s, %s)", r.c, a[0].c, a[1].c, n > 2 ? a[2].c : "-1");
        if (!strcmp(m, "find") || !strcmp(m, "rfind") || !strcmp(m, "count"))
            return call_value(ty_int, "ac_str_%s(%s, %s)", m, r.c, a[0].c);
        if (!strcmp(m, "isdigit") || !strcmp(m, "isalpha") || !strcmp(m, "isspace"))
            return (Val){format("ac_str_%s(%s)", m, r.c), ty_bool, false};
        if (!strcmp(m, "format")) {
            /* "...{}...".format(args): only literal templates with {} / {N} / {:spec} */
            Node *recv = callee->a;
            if (recv->kind != N_STR) {
                fprintf(stderr, "%s:%d:%d: error: str.format() needs a literal template\n", py_path, e->loc.line, e->loc.col);
                diag_errors++;
                return (Val){str_lit("", 0), ty_str, false};
            }
            Buf tpl = {0};
            Vec parts = {0};
            const char *s = recv->sval;
            size_t len = recv->slen;
            int auto_idx = 0;
            Val args[64];
            bool used[64] = {0};
            for (int i = 0; i < n && i < 64; i++) args[i] = i < 3 ? a[i] : expr(e->list.data[i]);
            for (size_t i = 0; i < len; i++) {
                if (s[i] == '{' && i + 1 < len && s[i + 1] == '{') { buf_putn(&tpl, "{", 1); i++; continue; }
                if (s[i] == '}' && i + 1 < len && s[i + 1] == '}') { buf_putn(&tpl, "}", 1); i++; continue; }
                if (s[i] != '{') { buf_putn(&tpl, s + i, 1); continue; }
                /* the field ends at its matching brace: specs may nest {} */
                size_t j = i + 1;
                for (int depth = 1; j < len; j++) {
                    if (s[j] == '{') depth++;
                    else if (s[j] == '}' && --depth == 0) break;
                }
                char *field = xstrndup(s + i + 1, j - i - 1);
                i = j;
                if (tpl.len) vec_push(&parts, str_lit(tpl.data, tpl.len)), tpl.len = 0;
                char *spec = strchr(field, ':');
                if (spec) *spec++ = 0;
                bool rep = false;
                char *conv = strchr(field, '!');
                if (conv) { rep = conv[1] == 'r'; *conv = 0; }
                int idx = *field ? atoi(field) : auto_idx++;
                if (idx < 0 || idx >= n || idx >= 64) {
                    fprintf(stderr, "%s:%d:%d: error: str.format() field {%s} has no argument\n", py_path, e->loc.line, e->loc.col, field);
                    diag_errors++;
                    continue;
                }
                /* the spec: literal text and nested {} / {N} fields */
                Vec sparts = {0};
                Buf lit = {0};
                for (char *q = spec; q && *q; q++) {
                    if (*q != '{') { buf_putn(&lit, q, 1); continue; }
                    char *close = strchr(q, '}');
                    if (!close) { buf_puts(&lit, q); break; }
                    int k = close > q + 1 ? atoi(q + 1) : auto_idx++;
                    q = close;
                    if (k < 0 || k >= n || k >= 64) {
                        fprintf(stderr, "%s:%d:%d: error: str.format() nested field has no argument\n", py_path, e->loc.line, e->loc.col);
                        diag_errors++;
                        continue;
                    }
                    if (lit.len) vec_push(&sparts, str_lit(lit.data, lit.len)), lit.len = 0;
                    used[k] = true;
                    vec_push(&sparts, to_str(args[k], false).c);
                }
                if (lit.len) vec_push(&sparts, str_lit(lit.data, lit.len));
                used[idx] = true;
                Val v = args[idx];
                Val sv;
                if (rep) v = to_str(v, true);
                if (sparts.len) {
                    char *sp = sparts.data[0];
                    if (sparts.len > 1 || strncmp(sp, "(&S", 3)) {
                        Buf sb = {0};
                        for (int k = 0; k < sparts.len; k++) buf_printf(&sb, "%s%s", k ? ", " : "", (char *)sparts.data[k]);
                        sp = call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", sparts.len, sb.data).c;
                    }
                    sv = call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), sp);
                } else {
                    sv = to_str(v, false);
                }
                vec_push(&parts, sv.c);
            }
            /* Python evaluates every argument, used or not */
            for (int i = 0; i < n && i < 64; i++)
                if (!used[i] && !strncmp(args[i].c, "tmp", 3)) emit("(void)%s;", args[i].c);
            if (tpl.len) vec_push(&parts, str_lit(tpl.data, tpl.len));
            if (!parts.len) return (Val){str_lit("", 0), ty_str, false};
            Buf b = {0};
            for (int i = 0; i < parts.len; i++) buf_printf(&b, "%s%s", i ? ", " : "", (char *)parts.data[i]);
            return call_value(ty_str, "ac_str_build(%d, (ac_str *const[]){%s})", parts.len, b.data);
        }
    }
    if (r.ty->kind == TY_LIST) {
        Type *el = r.ty->elem;
        if (n >= 1 && el == ty_float && strcmp(m, "insert")) a[0] = as_float(a[0]);
        if (!strcmp(m, "append")) {
            char *x = take_ref(a[0]);
            emit("ac_list_append(%s, %s);", r.c, to_val((Val){x, el, false}));
            check_err();
            return (Val){"0", ty_none, false};
        }
        if (!strcmp(m, "insert")) {
            if (el == ty_float) a[1] = as_float(a[1]);
            char *x = take_ref(a[1]);
            emit("ac_list_insert(%s, %s, %s);", r.c, a[0].c, to_val((Val){x, el, false}));
            check_err();
            return (Val){"0", ty_none, false};
        }
        if (!strcmp(m, "pop")) {
            char *tmp = new_temp(el);
            emit("%s = %s;", tmp, from_val(format("ac_list_pop(%s, %s)", r.c, n ? a[0].c : "-1"), el));
            check_err();
            if (is_obj(el)) hold(tmp, el);
            return (Val){tmp, el, is_obj(el)};
        }
        if (!strcmp(m, "index")) return call_value(ty_int, "ac_list_index(%s, %s)", r.c, to_val((Val){a[0].c, el, false}));
        if (!strcmp(m, "count")) {
            char *cnt = new_temp(ty_int), *k = new_temp(ty_int);
            emit("%s = 0;", cnt);
            emit("for (%s = 0; %s < %s->len; %s++) %s += ac_val_eq(%s->items[%s], %s, %s);", k, k, r.c, k, cnt, r.c, k,
                 to_val((Val){a[0].c, el, false}), desc(el));
            return (Val){cnt, ty_int, false};
        }
        if (!strcmp(m, "remove")) {
            char *k = new_temp(ty_int);
            emit("for (%s = 0; %s < %s->len && !ac_val_eq(%s->items[%s], %s, %s); %s++) {}", k, k, r.c, r.c, k,
                 to_val((Val){a[0].c, el, false}), desc(el), k);
            emit("if (%s == %s->len) ac_raise_msg(&ac_cls_ValueError, \"list.remove(x): x not in list\");", k, r.c);
            emit("else ac_val_decref(ac_list_pop(%s, %s), %s);", r.c, k, desc(el));
            check_err();
            return (Val){"0", ty_none, false};
        }
        if (!strcmp(m, "extend")) { emit("ac_list_extend(%s, %s);", r.c, a[0].c); check_err(); return (Val){"0", ty_none, false}; }
        if (!strcmp(m, "sort")) { emit("ac_list_sort(%s, 0);", r.c); check_err(); return (Val){"0", ty_none, false}; }
        if (!strcmp(m, "reverse")) { emit("ac_list_reverse(%s);", r.c); return (Val){"0", ty_none, false}; }
        if (!strcmp(m, "copy")) return call_value(r.ty, "ac_list_copy(%s)", r.c);
        if (!strcmp(m, "clear")) {
            char *tmp = new_temp(r.ty);
            emit("%s = ac_list_slice(%s, 0, 0, 1, 0, 0, 0);", tmp, r.c);
            emit("while (%s->len) ac_val_decref(ac_list_pop(%s, -1), %s);", r.c, r.c, desc(el));
            emit("ac_decref(%s);", tmp);
            return (Val){"0", ty_none, false};
        }
    }
    if (r.ty->kind == TY_TASK) {
        if (!strcmp(m, "done")) return (Val){format("ac_task_done(%s)", r.c), ty_bool, false};
        if (!strcmp(m, "cancelled")) return (Val){format("ac_task_cancelled(%s)", r.c), ty_bool, false};
        if (!strcmp(m, "cancel")) return call_value(ty_bool, "ac_task_cancel(%s)", r.c);
        if (!strcmp(m, "result")) {
            Type *t = e->ty;
            char *tmp = new_temp(t);
            emit("%s = %s;", tmp, from_val(format("ac_task_get_result(%s)", r.c), t));
            check_err();
            if (is_obj(t)) hold(tmp, t);
            return (Val){tmp, t, is_obj(t)};
        }
    }
    fprintf(stderr, "%s:%d:%d: error: method '%s' is not supported here\n", py_path, e->loc.line, e->loc.col, m);
    diag_errors++;
    return (Val){"0", ty_none, false};
}

static Val builtin(Node *e) {
    int n = e->list.len;
    Node *a0 = n ? e->list.data[0] : NULL;
    switch (e->builtin) {
    case B_PRINT: return print_call(e);
    case B_LEN: {
        Val v = expr(a0);
        if (v.ty == ty_str) return (Val){format("%s->nchars", v.c), ty_int, false};
        if (v.ty->kind == TY_LIST) return (Val){format("%s->len", v.c), ty_int, false};
        return (Val){format("(int64_t)%s->type->n", v.c), ty_int, false};
    }
    case B_STR: if (!n) return (Val){str_lit("", 0), ty_str, false}; return to_str(expr(a0), false);
    case B_REPR: return to_str(expr(a0), true);
    case B_INT: {
        if (!n) return int_lit(0);
        Val v = expr(a0);
        if (v.ty == ty_int) return v;
        if (v.ty == ty_bool) return (Val){format("(int64_t)%s", v.c), ty_int, false};
        if (v.ty == ty_float) return call_value(ty_int, "ac_float_to_int(%s)", v.c);
        if (n == 2) { Val b = expr(e->list.data[1]); return call_value(ty_int, "ac_str_to_int(%s, %s)", v.c, b.c); }
        return call_value(ty_int, "ac_str_to_int(%s, 10)", v.c);
    }
    case B_FLOAT: {
        if (!n) return float_lit(0.0);
        Val v = expr(a0);
        if (v.ty == ty_str) return call_value(ty_float, "ac_str_to_float(%s)", v.c);
        return as_float(v);
    }
    case B_BOOL: {
        if (!n) return (Val){"0", ty_bool, false};
        Val v = expr(a0);
        return (Val){truth(v), ty_bool, false};
    }
    case B_ABS: {
        Val v = expr(a0);
        if (v.ty == ty_float) return (Val){format("fabs(%s)", v.c), ty_float, false};
        return call_value(ty_int, "ac_int_abs(%s)", v.c);
    }
    case B_ROUND: {
        Val v = expr(a0);
        if (n == 1) {
            if (v.ty == ty_float) return call_value(ty_int, "ac_float_round(%s)", v.c);
            return v;
        }
        Val d = expr(e->list.data[1]);
        if (v.ty == ty_float) return call_value(ty_float, "ac_float_round_n(%s, %s)", v.c, d.c);
        return v;
    }
    case B_MIN: return minmax(e, true);
    case B_MAX: return minmax(e, false);
    case B_SUM: {
        Val l = expr(a0);
        Type *t = e->ty;
        return call_value(t, "%s", from_val(format("ac_list_sum(%s)", l.c), t));
    }
    case B_SORTED: {
        Val l = expr(a0);
        char *rev = "0";
        for (int i = 0; i < e->list2.len; i++) rev = expr(((Node *)e->list2.data[i])->a).c;
        if (l.ty == ty_str) {
            Val lst = call_value(e->ty, "ac_str_split_chars(%s)", l.c);
            emit("ac_list_sort(%s, %s);", lst.c, rev);
            return lst;
        }
        return call_value(e->ty, "ac_list_sorted(%s, %s)", l.c, rev);
    }
    case B_LIST: {
        if (a0->kind == N_CALL && a0->builtin == B_RANGE) {
            char *res = new_temp(e->ty);
            emit("%s = ac_list_new(&ac_t_int, 0, NULL);", res);
            hold(res, e->ty);
            emit_for_iter(NULL, a0, NULL, NULL, 0, res);
            return (Val){res, e->ty, true};
        }
        Val v = expr(a0);
        if (v.ty == ty_str) return call_value(e->ty, "ac_str_split_chars(%s)", v.c);
        return call_value(e->ty, "ac_list_copy(%s)", v.c);
    }
    case B_FORMAT: {
        Val v = expr(a0);
        Val spec = n > 1 ? expr(e->list.data[1]) : (Val){str_lit("", 0), ty_str, false};
        return call_value(ty_str, "ac_format(%s, %s, %s)", to_val(v), desc(v.ty), spec.c);
    }
    case B_RANGE: {
        char *res = new_temp(e->ty);
        emit("%s = ac_list_new(&ac_t_int, 0, NULL);", res);
        hold(res, e->ty);
        emit_for_iter(NULL, e, NULL, NULL, 0, res);
        return (Val){res, e->ty, true};
    }
    }
    return (Val){"0", ty_none, false};
}

/* ---- expression dispatch --------------------------------------------------------- */

/* asyncio.run(c) / run(c1, c2, ...): the main coroutines, run to the end
 * by a loop of their own. */
static Val run_call(Node *e) {
    int n = e->list.len;
    Buf b = {0};
    Vec vals = {0};
    for (int i = 0; i < n; i++) {
        Val *pv = xcalloc(1, sizeof *pv);
        *pv = expr(e->list.data[i]);
        vec_push(&vals, pv);
    }
    for (int i = 0; i < n; i++) buf_printf(&b, "%s%s", i ? ", " : "", take_ref(*(Val *)vals.data[i]));
    char *res = format("runres%d", ++C->ntemps);
    buf_printf(&C->decls, "    ac_val %s;\n", res);
    if (e->builtin == B_ERUN) emit("ac_edge_run(%d, (ac_task *[]){%s}, &%s);", n, b.data, res);
    else emit("ac_asyncio_run(%s, &%s);", b.data, res);
    check_err();
    Type *t = e->ty;
    if (t == ty_none || t == ty_any) return (Val){"0", ty_none, false};
    char *tmp = new_temp(t);
    emit("%s = %s;", tmp, from_val(res, t));
    if (is_obj(t)) hold(tmp, t);
    return (Val){tmp, t, is_obj(t)};
}

Val call_expr(Node *e) {
    switch (e->builtin) {
    case B_USER: return call_user(e);
    case B_CORO_CALL: return coro_object(e);
    case B_EXC_NEW: return exc_new(e);
    case B_METHOD: return method(e);
    case B_CREATE_TASK: {
        Val c = expr(e->list.data[0]);
        return call_value(e->ty, "ac_create_task(%s)", take_ref(c));
    }
    case B_ECANCEL: {
        Val c = expr(e->list.data[0]);
        emit("ac_edge_cancel(%s);", c.c);
        return (Val){"0", ty_none, false};
    }
    case B_ARUN: case B_ERUN: return run_call(e);
    default: return builtin(e);
    }
}
