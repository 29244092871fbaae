/*
 * rt_bind.c -- a call's arguments bound to a def's parameters while the
 * program runs: f(*xs, **kw) where the length of xs or the keys of kw are
 * known only then (the compiler binds every other call itself).  The
 * rules and the TypeError wording are CPython 3.11's (ceval.c's
 * initialize_locals, the call site's messages of DICT_MERGE and
 * LIST_EXTEND), so a program can catch them and print the same text.
 */
#include <stdio.h>
#include <string.h>

#include "rt_internal.h"

/* A generator's items as objects, each boxed by its yield type. */
static void gen_items(ac_list *pos, ac_gen *g) {
    ac_val v;
    while (ac_gen_next(g, &v) == 1) ac_list_append(pos, ac_ptr_val(ac_obj_from(v, g->yt)));
}

/* A dict view's items as objects: keys and values boxed by the dict's
 * types, items as (key, value) tuples of objects. */
static void view_items(ac_list *pos, const ac_dictview *view) {
    static const ac_type *const two_objects[2] = {&ac_t_object, &ac_t_object};
    static const ac_type pair_t = {AC_K_TUPLE, 2, two_objects};
    const ac_type *kt = view->d->type->elems[0], *vt = view->d->type->elems[1];
    int64_t at = 0;
    ac_val k, v;
    while (ac_dict_next(view->d, &at, &k, &v)) {
        ac_val pair[2];
        ac_val_incref(k, kt);
        ac_val_incref(v, vt);
        if (view->which == 1) {
            ac_val_decref(v, vt);
            ac_list_append(pos, ac_ptr_val(ac_obj_from(k, kt)));
        } else if (view->which == 2) {
            ac_val_decref(k, kt);
            ac_list_append(pos, ac_ptr_val(ac_obj_from(v, vt)));
        } else {
            pair[0] = ac_ptr_val(ac_obj_from(k, kt));
            pair[1] = ac_ptr_val(ac_obj_from(v, vt));
            ac_list_append(pos, ac_ptr_val(ac_tuple_new(&pair_t, pair)));
        }
    }
}

/* The arguments travel as objects: the positional ones in a list, the
 * keywords in a dict[str, object] in call order. */
void ac_bind_star(ac_list *pos, const ac_obj *it, const char *fname) {
    ac_list *items;
    int64_t i;
    if (it && it->kind == AC_K_GEN) {
        gen_items(pos, (ac_gen *)it);
        return;
    }
    if (it && it->kind == AC_K_DICTVIEW) {
        view_items(pos, (const ac_dictview *)it);
        return;
    }
    if (!ac_obj_kind_in(it, (1u << AC_K_STR) | (1u << AC_K_LIST) | (1u << AC_K_TUPLE) | (1u << AC_K_DICT) |
                                (1u << AC_K_SET) | (1u << AC_K_FROZENSET))) {
        ac_str *tn = ac_obj_type_name(it);
        ac_raise_msg(&ac_cls_TypeError, "%s argument after * must be an iterable, not %s", fname, tn ? tn->s : "?");
        ac_decref(tn);
        return;
    }
    items = ac_obj_to_list(it);
    if (!items) return;
    for (i = 0; i < items->len; i++) {
        ac_list_append(pos, items->items[i]);
        items->items[i].p = NULL; /* moved */
    }
    ac_decref(items);
}

static int kw_taken(ac_dict *kw, ac_str *name, const char *fname) {
    if (!ac_dict_contains(kw, ac_ptr_val(name))) return 0;
    ac_raise_msg(&ac_cls_TypeError, "%s got multiple values for keyword argument '%s'", fname, name->s);
    return 1;
}

void ac_bind_kw(ac_dict *kw, const char *name, ac_obj *v, const char *fname) {
    ac_str *key = ac_str_from_cstr(name);
    if (!key || kw_taken(kw, key, fname)) {
        ac_decref(key);
        ac_decref(v);
        return;
    }
    ac_dict_set(kw, ac_ptr_val(key), ac_ptr_val(v));
}

void ac_bind_kwmap(ac_dict *kw, const ac_obj *m, const char *fname) {
    ac_val d, k, v;
    const ac_type *t = ac_obj_unwrap(m, &d);
    int64_t pos = 0;
    if (t->kind != AC_K_DICT) {
        ac_str *tn = ac_obj_type_name(m);
        ac_raise_msg(&ac_cls_TypeError, "%s argument after ** must be a mapping, not %s", fname, tn ? tn->s : "?");
        ac_decref(tn);
        return;
    }
    while (ac_dict_next(d.p, &pos, &k, &v)) {
        ac_val kv;
        ac_obj *key;
        ac_val_incref(k, t->elems[0]);
        key = ac_obj_from(k, t->elems[0]);
        if (ac_obj_unwrap(key, &kv)->kind != AC_K_STR) {
            ac_decref(key);
            ac_raise_msg(&ac_cls_TypeError, "keywords must be strings");
            return;
        }
        if (kw_taken(kw, kv.p, fname)) {
            ac_decref(key);
            return;
        }
        ac_incref(kv.p);
        ac_decref(key);
        ac_val_incref(v, t->elems[1]);
        ac_dict_set(kw, kv, ac_ptr_val(ac_obj_from(v, t->elems[1])));
    }
}

/* ---- binding ------------------------------------------------------------ */

static void plural_names(char *out, size_t room, const char *const *names, const int *which, int n) {
    size_t at = 0;
    int i;
    out[0] = 0;
    for (i = 0; i < n && at < room; i++) {
        const char *sep = i == 0 ? "" : n == 2 ? " and " : i == n - 1 ? ", and " : ", ";
        int w = snprintf(out + at, room - at, "%s'%s'", sep, names[which[i]]);
        if (w < 0) break;
        at += (size_t)w;
    }
}

/* "f() missing 2 required positional arguments: 'a' and 'b'" over the
 * unbound parameters of one kind without a default. */
static int missing(const char *qn, int n, const char *const *names, const unsigned char *flags, int nskip,
                   ac_list *out, int kwonly) {
    int which[64], k = 0, j;
    char buf[1024];
    for (j = nskip; j < n && k < 64; j++) {
        if (flags[j] & (AC_BIND_STAR | AC_BIND_DSTAR | AC_BIND_DEFAULT)) continue;
        if (!!(flags[j] & AC_BIND_KWONLY) != kwonly || out->items[j].p) continue;
        which[k++] = j;
    }
    if (!k) return 0;
    plural_names(buf, sizeof buf, names, which, k);
    ac_raise_msg(&ac_cls_TypeError, "%s() missing %d required %s argument%s: %s", qn, k,
                 kwonly ? "keyword-only" : "positional", k == 1 ? "" : "s", buf);
    return 1;
}

static void too_many(const char *qn, int n, const unsigned char *flags, ac_list *out, int npos, int64_t given) {
    int ndef = 0, kwonly_given = 0, j;
    char sig[64], kws[96];
    for (j = 0; j < n; j++) {
        if ((flags[j] & (AC_BIND_KWONLY | AC_BIND_STAR | AC_BIND_DSTAR)) == 0 && (flags[j] & AC_BIND_DEFAULT)) ndef++;
        if ((flags[j] & AC_BIND_KWONLY) && !(flags[j] & (AC_BIND_STAR | AC_BIND_DSTAR)) && out->items[j].p)
            kwonly_given++;
    }
    if (ndef)
        snprintf(sig, sizeof sig, "from %d to %d", npos - ndef, npos);
    else
        snprintf(sig, sizeof sig, "%d", npos);
    kws[0] = 0;
    if (kwonly_given)
        snprintf(kws, sizeof kws, " positional argument%s (and %d keyword-only argument%s)", given != 1 ? "s" : "",
                 kwonly_given, kwonly_given != 1 ? "s" : "");
    ac_raise_msg(&ac_cls_TypeError, "%s() takes %s positional argument%s but %lld%s %s given", qn, sig,
                 ndef || npos != 1 ? "s" : "", (long long)given, kws, given == 1 && !kwonly_given ? "was" : "were");
}

/* The keywords to their parameters (or the **kwargs dict); nonzero after
 * an error. */
static int bind_keywords(const char *qn, int n, const char *const *names, const unsigned char *flags, int nskip,
                         const ac_dict *kw, ac_list *out, ac_dict *rest) {
    ac_val k, v;
    int64_t pos = 0;
    while (kw && ac_dict_next(kw, &pos, &k, &v)) {
        const char *name = ((ac_str *)k.p)->s;
        int j;
        for (j = 0; j < n; j++)
            if (!(flags[j] & (AC_BIND_STAR | AC_BIND_DSTAR)) && !strcmp(names[j], name)) break;
        if (j == n && rest) {
            ac_incref(k.p);
            ac_incref(v.p);
            ac_dict_set(rest, k, v);
            continue;
        }
        if (j == n) {
            ac_raise_msg(&ac_cls_TypeError, "%s() got an unexpected keyword argument '%s'", qn, name);
            return 1;
        }
        if (j < nskip || out->items[j].p) {
            ac_raise_msg(&ac_cls_TypeError, "%s() got multiple values for argument '%s'", qn, name);
            return 1;
        }
        ac_incref(v.p);
        out->items[j] = v;
    }
    return 0;
}

ac_list *ac_bind_args(const char *qn, int n, const char *const *names, const unsigned char *flags, int nskip,
                      const ac_list *pos, const ac_dict *kw, const ac_type *kw_t) {
    ac_list *out = ac_list_new(&ac_t_object, 0, NULL), *extra = NULL;
    ac_dict *rest = NULL;
    int npos = 0, star = -1, dstar = -1, j;
    int64_t i, given = nskip + pos->len;
    if (!out) return NULL;
    for (j = 0; j < n; j++) {
        ac_list_append(out, ac_ptr_val(NULL));
        if (flags[j] & AC_BIND_STAR)
            star = j;
        else if (flags[j] & AC_BIND_DSTAR)
            dstar = j;
        else if (!(flags[j] & AC_BIND_KWONLY))
            npos++;
    }
    if (ac_err) goto fail; /* (MemoryError: out is short) */
    if (star >= 0) out->items[star].p = extra = ac_list_new(&ac_t_object, 0, NULL);
    if (dstar >= 0) out->items[dstar].p = rest = ac_dict_new(kw_t);
    if (ac_err) goto fail;
    for (i = 0; i < pos->len; i++) {
        ac_val v = pos->items[i];
        ac_incref(v.p);
        if (nskip + i < npos)
            out->items[nskip + i] = v;
        else if (extra)
            ac_list_append(extra, v);
        else
            ac_decref(v.p);
    }
    if (bind_keywords(qn, n, names, flags, nskip, kw, out, rest)) goto fail;
    if (given > npos && !extra) {
        too_many(qn, n, flags, out, npos, given);
        goto fail;
    }
    for (j = 0; j < nskip; j++) out->items[j].p = NULL; /* the receiver: the caller's */
    if (missing(qn, n, names, flags, nskip, out, 0) || missing(qn, n, names, flags, nskip, out, 1)) goto fail;
    return out;
fail:
    ac_decref(out);
    return NULL;
}
