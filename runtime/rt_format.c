/*
 * rt_format.c -- str()/repr() of every kind and format(v, spec): the
 * format-spec mini-language with CPython's output and error messages.
 *   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_sched.h"

/* ---- str() and repr() ------------------------------------------------ */

void rt_buf_repr(rt_buf *b, ac_val v, const ac_type *t) {
    int64_t i;
    char tmp[40];
    if (t->kind >= AC_K_STR && !v.p) { /* T | None: NULL is None */
        rt_buf_puts(b, "None");
        return;
    }
    switch (t->kind) {
    case AC_K_NONE: rt_buf_puts(b, "None"); break;
    case AC_K_BOOL: rt_buf_puts(b, v.i ? "True" : "False"); break;
    case AC_K_INT: rt_buf_printf(b, "%lld", (long long)v.i); break;
    case AC_K_FLOAT:
        rt_float_repr(v.f, tmp);
        rt_buf_puts(b, tmp);
        break;
    case AC_K_STR: rt_buf_repr_str(b, v.p); break;
    case AC_K_LIST: {
        /* n == 2: a tuple whose length is known only at run time (zip(*m)) */
        const ac_list *l = v.p;
        rt_buf_putc(b, t->n == 2 ? '(' : '[');
        for (i = 0; i < l->len; i++) {
            if (i) rt_buf_puts(b, ", ");
            rt_buf_repr(b, l->items[i], l->elem);
        }
        if (t->n == 2 && l->len == 1) rt_buf_putc(b, ',');
        rt_buf_putc(b, t->n == 2 ? ')' : ']');
        break;
    }
    case AC_K_TUPLE: {
        const ac_tuple *tu = v.p;
        rt_buf_putc(b, '(');
        for (i = 0; i < t->n; i++) {
            if (i) rt_buf_puts(b, ", ");
            rt_buf_repr(b, tu->items[i], t->elems[i]);
        }
        if (t->n == 1) rt_buf_putc(b, ','); /* (1,) is a tuple */
        rt_buf_putc(b, ')');
        break;
    }
    case AC_K_EXC: {
        ac_str *r = ac_exc_repr(v.p); /* NULL: its class's __repr__ raised */
        if (r) rt_buf_put(b, r->s, (size_t)r->len);
        ac_decref(r);
        break;
    }
    case AC_K_OBJECT: {
        /* any object: by what it holds */
        ac_val x;
        const ac_type *xt = ac_obj_unwrap(v.p, &x);
        rt_buf_repr(b, x, xt);
        break;
    }
    case AC_K_SYNC: rt_sync_repr(b, v.p); break;
    case AC_K_INST: {
        ac_str *r = ac_inst_repr(v.p);
        if (r) rt_buf_put(b, r->s, (size_t)r->len);
        ac_decref(r);
        break;
    }
    case AC_K_FN: rt_fn_repr(b, v.p); break;
    case AC_K_DICT: rt_dict_repr(b, v.p); break;
    case AC_K_SET:
    case AC_K_FROZENSET: rt_set_repr(b, v.p); break;
    case AC_K_DICTVIEW: rt_dictview_repr(b, v.p); break;
    case AC_K_GEN:
        rt_buf_printf(b, "<%sgenerator object %s at %p>", (((const ac_gen *)v.p)->flags & GEN_ASYNC) ? "async_" : "",
                      ((const ac_gen *)v.p)->vt->name, v.p);
        break;
    case AC_K_TIO: rt_buf_printf(b, "<tinyio object at %p>", v.p); break;
    default: {
        const ac_task *task = v.p;
        char text[200];
        if (t->kind == AC_K_TASK && !(task->flags & TF_TASK)) {
            /* as CPython prints a coroutine object (the address differs) */
            snprintf(text, sizeof text, "<coroutine object %.150s at %p>", task->vt->name, v.p);
            rt_buf_puts(b, text);
        } else {
            rt_buf_puts(b, "<Task>");
        }
        break;
    }
    }
}

ac_str *ac_repr_of(ac_val v, const ac_type *t) {
    rt_buf b = {NULL, 0, 0};
    if (t->kind == AC_K_FLOAT) return ac_str_from_float(v.f);
    if (t->kind == AC_K_BOOL) return ac_str_from_bool((int)v.i);
    if (t->kind == AC_K_NONE) return ac_str_none();
    if (t->kind == AC_K_INT) return ac_str_from_int(v.i);
    rt_buf_repr(&b, v, t);
    return rt_buf_finish(&b);
}

ac_str *ac_str_of(ac_val v, const ac_type *t) {
    if (t->kind >= AC_K_STR && !v.p) return ac_str_none(); /* T | None */
    if (t->kind == AC_K_STR) {
        ac_incref(v.p);
        return v.p;
    }
    if (t->kind == AC_K_EXC) return ac_exc_str(v.p);
    if (t->kind == AC_K_INST) return ac_inst_str(v.p);
    if (t->kind == AC_K_OBJECT) {
        ac_val x;
        const ac_type *xt = ac_obj_unwrap(v.p, &x);
        return ac_str_of(x, xt);
    }
    return ac_repr_of(v, t);
}

/* ---- spec parsing ---------------------------------------------------- */

typedef struct spec {
    char fill[5]; /* one UTF-8 code point */
    int fill_len;
    char align; /* 0 when not given */
    int fill_given, align_given;
    char sign; /* 0, '+', '-', ' ' */
    int z, alt, zero;
    int64_t width; /* -1: none */
    char grouping; /* 0, ',', '_' */
    int64_t prec;  /* -1: none */
    char type;     /* 0: none */
} spec;

static int is_align(char c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static int parse_spec(const ac_str *sp, spec *f, const char *tname) {
    const char *p = sp->s, *e = sp->s + sp->len;
    int64_t cl = 0;
    memset(f, 0, sizeof *f);
    f->width = f->prec = -1;
    f->fill[0] = ' ';
    f->fill_len = 1;
    if (p < e) rt_utf8_decode(p, &cl); /* byte length of 1st char */
    if (p + cl < e && is_align(p[cl])) {
        memcpy(f->fill, p, (size_t)cl);
        f->fill_len = (int)cl;
        f->align = p[cl];
        f->fill_given = f->align_given = 1;
        p += cl + 1;
    } else if (p < e && is_align(*p)) {
        f->align = *p++;
        f->align_given = 1;
    }
    if (p < e && (*p == '+' || *p == '-' || *p == ' ')) f->sign = *p++;
    if (p < e && *p == 'z') {
        f->z = 1;
        p++;
    }
    if (p < e && *p == '#') {
        f->alt = 1;
        p++;
    }
    if (p < e && *p == '0') {
        f->zero = 1; /* sign-aware zero padding unless told otherwise */
        p++;
    }
    if (p < e && *p >= '0' && *p <= '9') {
        f->width = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            if (f->width > 100000000) {
                ac_raise_msg(&ac_cls_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            f->width = f->width * 10 + (*p++ - '0');
        }
    } else if (f->zero) {
        f->width = 0; /* "0" alone is a zero width */
    }
    if (f->zero) {
        if (!f->align) f->align = '=';
        if (!f->fill_given) {
            f->fill[0] = '0';
            f->fill_len = 1;
        }
    }
    if (p < e && (*p == ',' || *p == '_')) {
        f->grouping = *p++;
        if (p < e && (*p == ',' || *p == '_') && *p != f->grouping) {
            ac_raise_msg(&ac_cls_ValueError, "Cannot specify both ',' and '_'.");
            return -1;
        }
    }
    if (p < e && *p == '.') {
        p++;
        if (p >= e || *p < '0' || *p > '9') {
            ac_raise_msg(&ac_cls_ValueError, "Format specifier missing precision");
            return -1;
        }
        f->prec = 0;
        while (p < e && *p >= '0' && *p <= '9') {
            if (f->prec > 100000000) {
                ac_raise_msg(&ac_cls_ValueError, "Too many decimal digits in format string");
                return -1;
            }
            f->prec = f->prec * 10 + (*p++ - '0');
        }
    }
    if (e - p > 1) {
        ac_raise_msg(&ac_cls_ValueError, "Invalid format specifier '%s' for object of type '%s'", sp->s, tname);
        return -1;
    }
    if (p < e) f->type = *p;
    if (f->grouping) {
        /* ',' goes with decimal types; '_' also with b, o, x, X */
        const char *ok = f->grouping == ',' ? "deEfFgG%" : "deEfFgG%boxX";
        if (f->type && !strchr(ok, f->type)) {
            ac_raise_msg(&ac_cls_ValueError, "Cannot specify '%c' with '%c'.", f->grouping, f->type);
            return -1;
        }
    }
    return 0;
}

/* ---- layout ---------------------------------------------------------- */

static void put_fill(rt_buf *b, const spec *f, int64_t n) {
    while (n-- > 0) rt_buf_put(b, f->fill, (size_t)f->fill_len);
}

/* Integer-part digits with separators every `every` digits, left-padded
 * with zeros to at least min_len characters (grouped zero padding). */
static void put_grouped(rt_buf *b, const char *dig, int64_t nd, char sep, int every, int64_t min_len) {
    int64_t total = nd, i;
    if (sep)
        while (total + (total - 1) / every < min_len) total++;
    else if (total < min_len)
        total = min_len;
    for (i = 0; i < total; i++) {
        int64_t left = total - i; /* digits from here to the end */
        rt_buf_putc(b, i < total - nd ? '0' : dig[i - (total - nd)]);
        if (sep && left > 1 && (left - 1) % every == 0) rt_buf_putc(b, sep);
    }
}

static int64_t grouped_len(int64_t nd, char sep, int every) { return sep && nd > 0 ? nd + (nd - 1) / every : nd; }

/* Lay out a number: sign and prefix, then the integer digits (grouped),
 * then the rest (fraction, exponent, '%'), inside width. */
static ac_str *layout_number(const spec *f, const char *sign, const char *prefix, const char *body, int64_t nd,
                             int every) {
    rt_buf b = {NULL, 0, 0};
    int64_t lead, len, pad;
    const char *rest;
    char align = f->align ? f->align : '>';
    if (!f->grouping) nd = 0; /* no need to split the body */
    rest = body + nd;
    lead = (int64_t)strlen(sign) + (int64_t)strlen(prefix);
    len = lead + grouped_len(nd, f->grouping, every) + rt_utf8_count(rest, (int64_t)strlen(rest));
    pad = f->width > len ? f->width - len : 0;
    if (align == '=' && f->fill_len == 1 && f->fill[0] == '0' && f->grouping && nd) {
        /* zero padding takes part in the grouping: 00,001,234 */
        rt_buf_puts(&b, sign);
        rt_buf_puts(&b, prefix);
        put_grouped(&b, body, nd, f->grouping, every, f->width - lead - rt_utf8_count(rest, (int64_t)strlen(rest)));
        rt_buf_puts(&b, rest);
        return rt_buf_finish(&b);
    }
    if (align == '>')
        put_fill(&b, f, pad);
    else if (align == '^')
        put_fill(&b, f, pad / 2);
    rt_buf_puts(&b, sign);
    rt_buf_puts(&b, prefix);
    if (align == '=') put_fill(&b, f, pad);
    if (nd) put_grouped(&b, body, nd, f->grouping, every, 0);
    rt_buf_puts(&b, rest);
    if (align == '<')
        put_fill(&b, f, pad);
    else if (align == '^')
        put_fill(&b, f, pad - pad / 2);
    return rt_buf_finish(&b);
}

static const char *sign_of(const spec *f, int neg) {
    if (neg) return "-";
    return f->sign == '+' ? "+" : f->sign == ' ' ? " " : "";
}

/* ---- floats ---------------------------------------------------------- */

/* Body for format type '' with a precision: like 'g', but the switch to
 * exponent notation comes one digit earlier and a fixed result always
 * shows a fractional digit. */
static void general_no_type(char *out, double a, int64_t p, int alt) {
    char tmp[1200], dig[1200]; /* a double has < 800 significant digits */
    int nd = 0, e;
    const char *q;
    if (p == 0) p = 1;
    if (p > 1100) p = 1100;
    snprintf(tmp, sizeof tmp, "%.*e", (int)p - 1, a);
    for (q = tmp; *q != 'e'; q++)
        if (*q >= '0' && *q <= '9') dig[nd++] = *q;
    e = atoi(q + 1);
    if (!alt)
        while (nd > 1 && dig[nd - 1] == '0') nd--;
    rt_float_layout(out, dig, nd, e, e < -4 || e >= p - 1, alt);
}

static int all_zero(const char *s) {
    for (; *s; s++)
        if ((*s >= '1' && *s <= '9')) return 0;
    return 1;
}

static ac_str *format_double(double v, const spec *f) {
    char fmt[16], *body;
    int64_t p = f->prec;
    int neg, n;
    double a;
    char type = f->type;
    ac_str *r;
    size_t cap;
    if (isnan(v)) {
        neg = 0;
        a = v;
    } else {
        neg = signbit(v) != 0;
        a = fabs(v);
    }
    if (type == '%') a *= 100;
    if (p > 100000) p = 100000;
    /* %f of 1e308 needs 310 digits; size for the worst case */
    cap = (size_t)(p < 0 ? 6 : p) + 400;
    body = rt_malloc(cap);
    if (isnan(a) || isinf(a)) {
        int up = type == 'E' || type == 'F' || type == 'G';
        strcpy(body, isnan(a) ? (up ? "NAN" : "nan") : (up ? "INF" : "inf"));
        if (type == '%') strcat(body, "%");
    } else if (type == 0 && p < 0) {
        rt_float_repr(a, body);
    } else if (type == 0) {
        general_no_type(body, a, p, f->alt);
    } else {
        char conv = type == 'n' ? 'g' : type == '%' ? 'f' : type;
        if (p < 0) p = 6;
        if ((conv == 'g' || conv == 'G') && p == 0) p = 1;
        snprintf(fmt, sizeof fmt, "%%%s.*%c", f->alt ? "#" : "", conv);
        n = snprintf(body, cap, fmt, (int)p, a);
        if (n < 0 || (size_t)n + 2 >= cap) { /* cannot happen; be safe */
            body = rt_realloc(body, (size_t)n + 4);
            snprintf(body, (size_t)n + 4, fmt, (int)p, a);
        }
        if (type == '%') strcat(body, "%");
    }
    if (f->z && neg && all_zero(body)) neg = 0; /* z: no "-0.00" */
    for (n = 0; body[n] >= '0' && body[n] <= '9'; n++) {}
    r = layout_number(f, sign_of(f, neg), "", body, n, 3);
    rt_free(body);
    return r;
}

ac_str *ac_format_float(double v, const ac_str *sp) {
    spec f;
    if (sp->len == 0) return ac_str_from_float(v);
    if (parse_spec(sp, &f, "float") < 0) return NULL;
    if (f.type && !strchr("eEfFgGn%", f.type)) {
        ac_raise_msg(&ac_cls_ValueError, "Unknown format code '%c' for object of type 'float'", f.type);
        return NULL;
    }
    if (f.type == 'n' && f.grouping) {
        ac_raise_msg(&ac_cls_ValueError, "Cannot specify '%c' with 'n'.", f.grouping);
        return NULL;
    }
    return format_double(v, &f);
}

/* ---- ints ------------------------------------------------------------ */

static ac_str *format_int_as(int64_t v, const ac_str *sp, const char *tname) {
    spec f;
    char dig[80];
    const char *prefix = "";
    int base = 10, every = 3, nd = 0, i;
    uint64_t u;
    if (parse_spec(sp, &f, tname) < 0) return NULL;
    if (f.type && strchr("eEfFgG%", f.type)) return format_double((double)v, &f);
    if (f.type && !strchr("bcdoxXn", f.type)) {
        ac_raise_msg(&ac_cls_ValueError, "Unknown format code '%c' for object of type '%s'", f.type, tname);
        return NULL;
    }
    if (f.prec >= 0) {
        ac_raise_msg(&ac_cls_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (f.z) {
        ac_raise_msg(&ac_cls_ValueError, "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (f.type == 'n' && f.grouping) {
        ac_raise_msg(&ac_cls_ValueError, "Cannot specify '%c' with 'n'.", f.grouping);
        return NULL;
    }
    if (f.type == 'c') {
        char enc[8];
        int k;
        if (f.sign) {
            ac_raise_msg(&ac_cls_ValueError, "Sign not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (f.alt) {
            ac_raise_msg(&ac_cls_ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
            return NULL;
        }
        if (v < 0 || v > 0x10FFFF) {
            ac_raise_msg(&ac_cls_OverflowError, "%%c arg not in range(0x110000)");
            return NULL;
        }
        k = rt_utf8_encode((uint32_t)v, enc);
        enc[k] = '\0';
        f.grouping = 0;
        return layout_number(&f, "", "", enc, 0, 3);
    }
    switch (f.type) {
    case 'b':
        base = 2;
        every = 4;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        every = 4;
        prefix = "0o";
        break;
    case 'x':
        base = 16;
        every = 4;
        prefix = "0x";
        break;
    case 'X':
        base = 16;
        every = 4;
        prefix = "0X";
        break;
    default: break;
    }
    if (!f.alt) prefix = "";
    u = v < 0 ? 0u - (uint64_t)v : (uint64_t)v; /* INT64_MIN safe */
    do {
        int d = (int)(u % (unsigned)base);
        dig[nd++] = (char)(d < 10 ? '0' + d : (f.type == 'X' ? 'A' : 'a') + d - 10);
        u /= (unsigned)base;
    } while (u);
    for (i = 0; i < nd / 2; i++) {
        char t = dig[i];
        dig[i] = dig[nd - 1 - i];
        dig[nd - 1 - i] = t;
    }
    dig[nd] = '\0';
    return layout_number(&f, sign_of(&f, v < 0), prefix, dig, nd, every);
}

ac_str *ac_format_int(int64_t v, const ac_str *sp) {
    if (sp->len == 0) return ac_str_from_int(v);
    return format_int_as(v, sp, "int");
}

/* bool.__format__ is int's: only the empty spec prints True/False. */
ac_str *ac_format_bool(int v, const ac_str *sp) {
    if (sp->len == 0) return ac_str_from_bool(v);
    return format_int_as(v ? 1 : 0, sp, "bool");
}

/* ---- strings --------------------------------------------------------- */

ac_str *ac_format_str(const ac_str *v, const ac_str *sp) {
    spec f;
    rt_buf b = {NULL, 0, 0};
    int64_t n, pad, bytes;
    char align;
    if (sp->len == 0) {
        ac_incref((void *)v);
        return (ac_str *)v;
    }
    if (parse_spec(sp, &f, "str") < 0) return NULL;
    if (f.type && f.type != 's') {
        ac_raise_msg(&ac_cls_ValueError, "Unknown format code '%c' for object of type 'str'", f.type);
        return NULL;
    }
    if (f.grouping) {
        ac_raise_msg(&ac_cls_ValueError, "Cannot specify '%c' with 's'.", f.grouping);
        return NULL;
    }
    if (f.sign) {
        ac_raise_msg(&ac_cls_ValueError, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (f.alt) {
        ac_raise_msg(&ac_cls_ValueError, "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (f.z) {
        ac_raise_msg(&ac_cls_ValueError, "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    align = f.align;
    if (align == '=') {
        if (!f.align_given)
            align = '<'; /* "05": zero fill, left */
        else {
            ac_raise_msg(&ac_cls_ValueError, "'=' alignment not allowed in string format specifier");
            return NULL;
        }
    }
    if (!align) align = '<';
    n = v->nchars;
    bytes = v->len;
    if (f.prec >= 0 && f.prec < n) { /* truncate to prec code points */
        int64_t i = 0, k;
        for (k = 0; k < f.prec; k++) rt_utf8_decode(v->s, &i);
        n = f.prec;
        bytes = i;
    }
    pad = f.width > n ? f.width - n : 0;
    if (align == '>')
        put_fill(&b, &f, pad);
    else if (align == '^')
        put_fill(&b, &f, pad / 2);
    rt_buf_put(&b, v->s, (size_t)bytes);
    if (align == '<')
        put_fill(&b, &f, pad);
    else if (align == '^')
        put_fill(&b, &f, pad - pad / 2);
    return rt_buf_finish(&b);
}

/* ---- dispatch -------------------------------------------------------- */

ac_str *ac_format(ac_val v, const ac_type *t, const ac_str *spec_) {
    switch (t->kind) {
    case AC_K_INT: return ac_format_int(v.i, spec_);
    case AC_K_FLOAT: return ac_format_float(v.f, spec_);
    case AC_K_BOOL: return ac_format_bool((int)v.i, spec_);
    case AC_K_STR: return ac_format_str(v.p, spec_);
    case AC_K_OBJECT: {
        ac_val x;
        const ac_type *xt = ac_obj_unwrap(v.p, &x);
        return ac_format(x, xt, spec_);
    }
    default:
        if (spec_->len == 0) return ac_str_of(v, t);
        ac_raise_msg(&ac_cls_TypeError, "unsupported format string passed to %s.__format__",
                     t->kind == AC_K_EXC ? ((const ac_exc *)v.p)->cls->name : rt_type_name(t));
        return NULL;
    }
}
