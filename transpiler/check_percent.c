/* check_percent.c -- printf-style `"fmt" % args` with a literal format
 * string, rewritten as the f-string that prints the same: each conversion
 * becomes a replacement field whose format spec says what the %-flags say
 * (`%-5d` is `{x:<5d}`, `%5s` is `{x!s:>5}`, `%r` is `{x!r}`). */
#include "check.h"

#include <string.h>

static Node *str_node(const char *s, size_t n, Loc loc) {
    Node *p = check_node_at(N_STR, loc);
    p->sval = xstrndup(s, n);
    p->slen = n;
    return p;
}

/* The operands: a tuple display's items, a tuple-typed name's items by
 * index, or the one value. */
static Vec percent_args(Node *rhs, Type *(*type_of)(Node *)) {
    Vec args = {0};
    if (rhs->kind == N_TUPLE) return rhs->list;
    Type *t = rhs->kind == N_NAME ? type_of(rhs) : NULL;
    if (t && t->kind == TY_TUPLE && t->nelems >= 0) {
        for (int i = 0; i < t->nelems; i++) {
            Node *ix = check_node_at(N_INDEX, rhs->loc);
            ix->a = check_node_at(N_NAME, rhs->loc);
            ix->a->sval = rhs->sval;
            ix->b = check_node_at(N_INT, rhs->loc);
            ix->b->ival = i;
            vec_push(&args, ix);
        }
        return args;
    }
    vec_push(&args, rhs);
    return args;
}

/* int(x): %d of a float truncates, as CPython's does */
static Node *int_of(Node *x) {
    Node *call = check_node_at(N_CALL, x->loc);
    call->a = check_node_at(N_NAME, x->loc);
    call->a->sval = "int";
    vec_push(&call->list, x);
    return call;
}

/* One conversion at s[*i] (after the '%'): the field, or NULL after an
 * error.  Flags, width and precision are copied into a format spec. */
static Node *conversion(Node *e, const char *s, size_t n, size_t *i, Node *arg, Type *(*type_of)(Node *)) {
    char flags[8] = {0};
    int nf = 0;
    while (*i < n && strchr("-+ #0", s[*i])) {
        if (nf < 7 && !strchr(flags, s[*i])) flags[nf++] = s[*i];
        (*i)++;
    }
    size_t w0 = *i;
    while (*i < n && s[*i] >= '0' && s[*i] <= '9') (*i)++;
    char *width = xstrndup(s + w0, *i - w0);
    char *prec = "";
    if (*i < n && s[*i] == '.') {
        size_t p0 = (*i)++;
        while (*i < n && s[*i] >= '0' && s[*i] <= '9') (*i)++;
        prec = xstrndup(s + p0, *i - p0);
    }
    if (*i < n && strchr("hlL", s[*i])) (*i)++; /* length modifiers: ignored, as by CPython */
    if (*i >= n || s[*i] == '*' || s[*i] == '(') {
        check_error(e, *i < n ? "'%%%c' in a printf-style format is not supported; use an f-string"
                              : "incomplete format", *i < n ? s[*i] : 0);
        return NULL;
    }
    char c = s[(*i)++];
    bool left = strchr(flags, '-') != NULL;
    Node *fm = check_node_at(N_FMT, e->loc);
    fm->a = arg;
    Buf spec = {0};
    if (c == 's' || c == 'r' || c == 'a') {
        fm->op = c == 's' ? 's' : 'r';
        if (*width) buf_puts(&spec, left ? "<" : ">");
        buf_printf(&spec, "%s%s", width, prec);
    } else if (strchr("diouxXeEfFgG", c)) {
        if (left && *width) buf_puts(&spec, "<");
        for (int k = 0; k < nf; k++)
            if (flags[k] == '+' || flags[k] == ' ') buf_putn(&spec, &flags[k], 1);
        if (strchr(flags, '#')) buf_puts(&spec, "#");
        if (strchr(flags, '0') && !left && *width) buf_puts(&spec, "0");
        bool integral = c == 'd' || c == 'i' || c == 'u';
        buf_printf(&spec, "%s%s%c", width, integral ? "" : prec, integral ? 'd' : c);
        if (integral && type_of(arg) == ty_float) fm->a = int_of(arg);
    } else {
        check_error(e, "unsupported format character '%c' (0x%x)", c, (unsigned)(unsigned char)c);
        return NULL;
    }
    if (spec.len) fm->b = str_node(spec.data, spec.len, e->loc);
    return fm;
}

bool percent_rewrite(Node *e, Type *(*type_of)(Node *)) {
    const char *s = e->a->sval;
    size_t n = e->a->slen;
    Vec args = percent_args(e->b, type_of), parts = {0};
    Buf text = {0};
    int used = 0;
    for (size_t i = 0; i < n;) {
        if (s[i] != '%') {
            buf_putn(&text, s + i, 1);
            i++;
            continue;
        }
        i++;
        if (i < n && s[i] == '%') {
            buf_puts(&text, "%");
            i++;
            continue;
        }
        if (used >= args.len) {
            check_error(e, "not enough arguments for format string");
            return false;
        }
        Node *fm = conversion(e, s, n, &i, args.data[used++], type_of);
        if (!fm) return false;
        if (text.len) vec_push(&parts, str_node(text.data, text.len, e->loc));
        text.len = 0;
        vec_push(&parts, fm);
    }
    if (used < args.len) {
        check_error(e, "not all arguments converted during string formatting");
        return false;
    }
    if (text.len || !parts.len) vec_push(&parts, str_node(text.data ? text.data : "", text.len, e->loc));
    e->kind = N_FSTRING;
    e->list = parts;
    e->a = e->b = NULL;
    e->op = 0;
    return true;
}
