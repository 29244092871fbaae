/*
 * rt_str.c -- immutable UTF-8 strings.  Lengths and indices are in code
 * points as in Python; ASCII strings (len == nchars) take byte fast paths.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "rt_internal.h"

/* ---- UTF-8 ----------------------------------------------------------- */

uint32_t rt_utf8_decode(const char *s, int64_t *pos) {
    const unsigned char *p = (const unsigned char *)s + *pos;
    uint32_t c = p[0];
    if (c < 0x80) {
        *pos += 1;
        return c;
    }
    if (c < 0xE0) {
        *pos += 2;
        return ((c & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if (c < 0xF0) {
        *pos += 3;
        return ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *pos += 4;
    return ((c & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) | ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
}

int rt_utf8_encode(uint32_t c, char *o) {
    if (c < 0x80) {
        o[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        o[0] = (char)(0xC0 | (c >> 6));
        o[1] = (char)(0x80 | (c & 0x3F));
        return 2;
    }
    if (c < 0x10000) {
        o[0] = (char)(0xE0 | (c >> 12));
        o[1] = (char)(0x80 | ((c >> 6) & 0x3F));
        o[2] = (char)(0x80 | (c & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (c >> 18));
    o[1] = (char)(0x80 | ((c >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((c >> 6) & 0x3F));
    o[3] = (char)(0x80 | (c & 0x3F));
    return 4;
}

/* Python's whitespace set (str.split(), str.strip(), int(), float()). */
int rt_is_space(uint32_t c) {
    if (c < 0x80) return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F);
    return c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Byte offset of code point i (0 <= i <= nchars). */
static int64_t cp_offset(const ac_str *s, int64_t i) {
    int64_t b = 0;
    if (s->len == s->nchars) return i;
    while (i-- > 0) rt_utf8_decode(s->s, &b);
    return b;
}

/* Code point index of byte offset b. */
static int64_t cp_index(const ac_str *s, int64_t b) {
    if (s->len == s->nchars) return b;
    return rt_utf8_count(s->s, b);
}

/* ---- construction ---------------------------------------------------- */

ac_str *ac_str_new(const char *bytes, int64_t len) {
    ac_str *s = rt_str_alloc(len);
    if (len) memcpy(rt_str_buf(s), bytes, (size_t)len);
    return rt_str_done(s);
}

ac_str *ac_str_from_cstr(const char *s) { return ac_str_new(s, (int64_t)strlen(s)); }

/* str(int): the digits by hand, not through snprintf (str() of many ints
 * is a common way to build output) */
ac_str *ac_str_from_int(int64_t v) {
    char b[24];
    char *p = b + sizeof b;
    uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
    do {
        *--p = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0) *--p = '-';
    return ac_str_new(p, (int64_t)(b + sizeof b - p));
}

static ac_str lit_true = {{AC_IMMORTAL, AC_K_STR}, 4, 4, "True"};
static ac_str lit_false = {{AC_IMMORTAL, AC_K_STR}, 5, 5, "False"};
static ac_str lit_none = {{AC_IMMORTAL, AC_K_STR}, 4, 4, "None"};

ac_str *ac_str_from_bool(int v) { return v ? &lit_true : &lit_false; }
ac_str *ac_str_none(void) { return &lit_none; }

/* Shortest digits that read back as v (v finite, nonzero): try each
 * precision in turn; printf rounds correctly, so the first precision that
 * round-trips gives the digits repr would print. */
int rt_float_shortest(double v, char *dig, int *ndig) {
    char tmp[40];
    int p, n = 0, exp;
    const char *q;
    for (p = 1; p <= 17; p++) {
        snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    for (q = tmp; *q != 'e'; q++)
        if (*q >= '0' && *q <= '9') dig[n++] = *q;
    while (n > 1 && dig[n - 1] == '0') n--; /* 1e+16 prints one digit */
    dig[n] = '\0';
    exp = atoi(q + 1);
    *ndig = n;
    return exp;
}

void rt_float_repr(double v, char *out) {
    char dig[24];
    int nd, e, k = 0;
    if (isnan(v)) {
        strcpy(out, "nan");
        return;
    }
    if (isinf(v)) {
        strcpy(out, v < 0 ? "-inf" : "inf");
        return;
    }
    if (v == 0) {
        strcpy(out, signbit(v) ? "-0.0" : "0.0");
        return;
    }
    e = rt_float_shortest(v, dig, &nd);
    if (v < 0) out[k++] = '-';
    rt_float_layout(out + k, dig, nd, e, e < -4 || e >= 16, 0); /* CPython's repr thresholds */
}

/* Digits dig[0..nd) with decimal exponent e, as CPython writes floats:
 * scientific ("1.5e-05", "1e+16") when sci, else positional with at least
 * one fractional digit ("100.0"); alt keeps the point after a lone digit. */
void rt_float_layout(char *out, const char *dig, int nd, int e, int sci, int alt) {
    int i, k = 0;
    if (sci) {
        out[k++] = dig[0];
        if (nd > 1 || alt) out[k++] = '.';
        for (i = 1; i < nd; i++) out[k++] = dig[i];
        sprintf(out + k, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
        return;
    }
    if (e < 0) {
        out[k++] = '0';
        out[k++] = '.';
        for (i = 0; i < -e - 1; i++) out[k++] = '0';
        for (i = 0; i < nd; i++) out[k++] = dig[i];
    } else {
        for (i = 0; i <= e; i++) out[k++] = i < nd ? dig[i] : '0';
        out[k++] = '.';
        if (nd > e + 1)
            for (i = e + 1; i < nd; i++) out[k++] = dig[i];
        else
            out[k++] = '0';
    }
    out[k] = '\0';
}

ac_str *ac_str_from_float(double v) {
    char b[40];
    rt_float_repr(v, b);
    return ac_str_from_cstr(b);
}

/* Printable as Python's str.isprintable() judges it, for the code points
 * programs meet in practice: controls, separators other than ' ',
 * format characters, surrogates and private use are not. */
static int is_printable(uint32_t c) {
    if (c < 0x20 || c == 0x7F) return 0;
    if (c < 0x7F) return 1;
    if (c <= 0xA0 || c == 0xAD) return 0;
    if (c == 0x1680 || c == 0x180E || (c >= 0x2000 && c <= 0x200F)) return 0;
    if ((c >= 0x2028 && c <= 0x202F) || (c >= 0x205F && c <= 0x206F)) return 0;
    if (c == 0x3000 || c == 0xFEFF || (c >= 0xFFF9 && c <= 0xFFFB)) return 0;
    if (c >= 0x600 && c <= 0x605) return 0;
    if ((c >= 0xD800 && c <= 0xF8FF) || c == 0xFFFE || c == 0xFFFF) return 0;
    if (c >= 0xE0000 || c > 0x10FFFF) return 0;
    return 1;
}

static void repr_into(rt_buf *b, const ac_str *s) {
    char q = '\'';
    int64_t i = 0;
    if (memchr(s->s, '\'', (size_t)s->len) && !memchr(s->s, '"', (size_t)s->len)) q = '"';
    rt_buf_putc(b, q);
    while (i < s->len) {
        int64_t start = i;
        uint32_t c = rt_utf8_decode(s->s, &i);
        if (c == (uint32_t)q || c == '\\') {
            rt_buf_putc(b, '\\');
            rt_buf_putc(b, (char)c);
        } else if (c == '\n')
            rt_buf_puts(b, "\\n");
        else if (c == '\t')
            rt_buf_puts(b, "\\t");
        else if (c == '\r')
            rt_buf_puts(b, "\\r");
        else if (is_printable(c))
            rt_buf_put(b, s->s + start, (size_t)(i - start));
        else if (c < 0x100)
            rt_buf_printf(b, "\\x%02x", (unsigned)c);
        else if (c < 0x10000)
            rt_buf_printf(b, "\\u%04x", (unsigned)c);
        else
            rt_buf_printf(b, "\\U%08x", (unsigned)c);
    }
    rt_buf_putc(b, q);
}

void rt_buf_repr_str(rt_buf *b, const ac_str *s) { repr_into(b, s); }

ac_str *ac_str_repr(const ac_str *s) {
    rt_buf b = {NULL, 0, 0};
    repr_into(&b, s);
    return rt_buf_finish(&b);
}

/* ---- basic operations ------------------------------------------------ */

ac_str *ac_str_concat(const ac_str *a, const ac_str *b) {
    ac_str *r;
    if (b->len == 0) {
        ac_incref((void *)a);
        return (ac_str *)a;
    }
    if (a->len == 0) {
        ac_incref((void *)b);
        return (ac_str *)b;
    }
    r = rt_str_alloc(a->len + b->len);
    memcpy(rt_str_buf(r), a->s, (size_t)a->len);
    memcpy(rt_str_buf(r) + a->len, b->s, (size_t)b->len);
    rt_str_done(r);
    return r;
}

ac_str *ac_str_repeat(const ac_str *a, int64_t n) {
    ac_str *r;
    int64_t i;
    if (n <= 0 || a->len == 0) return ac_str_new("", 0);
    if (n == 1) {
        ac_incref((void *)a);
        return (ac_str *)a;
    }
    if (a->len > INT64_MAX / 2 / n) {
        ac_raise_msg(&ac_cls_OverflowError, "repeated string is too long");
        return NULL;
    }
    if (a->len * n > (int64_t)(SIZE_MAX / 2)) {
        ac_raise_msg(&ac_cls_MemoryError, NULL);
        return NULL;
    }
    r = rt_str_try_alloc(a->len * n);
    if (!r) { /* a size the program chose: CPython's MemoryError */
        ac_raise_msg(&ac_cls_MemoryError, NULL);
        return NULL;
    }
    for (i = 0; i < n; i++) memcpy(rt_str_buf(r) + i * a->len, a->s, (size_t)a->len);
    r->nchars = a->nchars * n;
    return r;
}

ac_str *ac_str_build(int n, ac_str *const *parts) {
    int64_t len = 0, nch = 0, off = 0;
    int i;
    ac_str *r;
    for (i = 0; i < n; i++) {
        len += parts[i]->len;
        nch += parts[i]->nchars;
    }
    r = rt_str_alloc(len);
    for (i = 0; i < n; i++) {
        memcpy(rt_str_buf(r) + off, parts[i]->s, (size_t)parts[i]->len);
        off += parts[i]->len;
    }
    r->nchars = nch;
    return r;
}

int64_t ac_str_len(const ac_str *s) { return s->nchars; }

ac_str *ac_str_index(const ac_str *s, int64_t i) {
    int64_t b, e;
    if (i < 0) i += s->nchars;
    if (i < 0 || i >= s->nchars) {
        ac_raise_msg(&ac_cls_IndexError, "string index out of range");
        return NULL;
    }
    b = cp_offset(s, i);
    e = b;
    rt_utf8_decode(s->s, &e);
    return ac_str_new(s->s + b, e - b);
}

/* Python's slice.indices(): clamp the bounds for a sequence of n items. */
int64_t rt_slice_indices(int64_t n, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                         int64_t step, int64_t *pstart, int64_t *pstep) {
    int64_t count;
    if (!has_step) step = 1;
    if (step == 0) {
        ac_raise_msg(&ac_cls_ValueError, "slice step cannot be zero");
        return -1;
    }
    if (step > 0) {
        if (!has_start)
            start = 0;
        else if (start < 0) {
            start += n;
            if (start < 0) start = 0;
        } else if (start > n)
            start = n;
        if (!has_stop)
            stop = n;
        else if (stop < 0) {
            stop += n;
            if (stop < 0) stop = 0;
        } else if (stop > n)
            stop = n;
        count = stop > start ? (stop - start - 1) / step + 1 : 0;
    } else {
        if (!has_start)
            start = n - 1;
        else if (start < 0) {
            start += n;
            if (start < 0) start = -1;
        } else if (start >= n)
            start = n - 1;
        if (!has_stop)
            stop = -1;
        else if (stop < 0) {
            stop += n;
            if (stop < 0) stop = -1;
        } else if (stop >= n)
            stop = n - 1;
        /* negate in unsigned arithmetic: step may be INT64_MIN */
        count = start > stop ? (int64_t)((uint64_t)(start - stop - 1) / (0u - (uint64_t)step)) + 1 : 0;
    }
    *pstart = start;
    *pstep = step;
    return count;
}

ac_str *ac_str_slice(const ac_str *s, int has_start, int64_t start, int has_stop, int64_t stop, int has_step,
                     int64_t step) {
    int64_t n, i, k, pos;
    rt_buf b = {NULL, 0, 0};
    n = rt_slice_indices(s->nchars, has_start, start, has_stop, stop, has_step, step, &start, &step);
    if (n < 0) return NULL;
    if (n == 0) return ac_str_new("", 0);
    if (step == 1) {
        int64_t b0 = cp_offset(s, start), b1 = b0;
        if (s->len == s->nchars)
            b1 = b0 + n;
        else
            for (k = 0; k < n; k++) rt_utf8_decode(s->s, &b1);
        return ac_str_new(s->s + b0, b1 - b0);
    }
    if (s->len == s->nchars) {
        ac_str *r = rt_str_alloc(n);
        for (k = 0, i = start; k < n; k++, i += step) rt_str_buf(r)[k] = s->s[i];
        return r;
    }
    { /* general case: index the code points once */
        int64_t *offs = rt_malloc(sizeof(int64_t) * (size_t)(s->nchars + 1));
        for (pos = 0, k = 0; k < s->nchars; k++) {
            offs[k] = pos;
            rt_utf8_decode(s->s, &pos);
        }
        offs[s->nchars] = pos;
        for (k = 0, i = start; k < n; k++, i += step) rt_buf_put(&b, s->s + offs[i], (size_t)(offs[i + 1] - offs[i]));
        rt_free(offs);
        return rt_buf_finish(&b);
    }
}

int ac_str_eq(const ac_str *a, const ac_str *b) {
    return a == b || (a->len == b->len && memcmp(a->s, b->s, (size_t)a->len) == 0);
}

/* UTF-8 byte order is code point order, so memcmp suffices. */
int ac_str_cmp(const ac_str *a, const ac_str *b) {
    int64_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(a->s, b->s, (size_t)n) : 0;
    if (c) return c < 0 ? -1 : 1;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* Byte offset of the first match at or after from, or -1. */
static int64_t find_bytes(const ac_str *h, const ac_str *n, int64_t from) {
    int64_t i, last = h->len - n->len;
    if (n->len == 0) return from <= h->len ? from : -1;
    for (i = from; i <= last; i++) {
        const char *p = memchr(h->s + i, n->s[0], (size_t)(last - i + 1));
        if (!p) return -1;
        i = p - h->s;
        if (memcmp(p, n->s, (size_t)n->len) == 0) return i;
    }
    return -1;
}

static int64_t rfind_bytes(const ac_str *h, const ac_str *n) {
    int64_t i;
    for (i = h->len - n->len; i >= 0; i--)
        if (memcmp(h->s + i, n->s, (size_t)n->len) == 0) return i;
    return -1;
}

int ac_str_contains(const ac_str *hay, const ac_str *needle) { return find_bytes(hay, needle, 0) >= 0; }

int64_t ac_str_find(const ac_str *s, const ac_str *sub) {
    int64_t b = find_bytes(s, sub, 0);
    return b < 0 ? -1 : cp_index(s, b);
}

int64_t ac_str_rfind(const ac_str *s, const ac_str *sub) {
    int64_t b = rfind_bytes(s, sub);
    return b < 0 ? -1 : cp_index(s, b);
}

int64_t ac_str_count(const ac_str *s, const ac_str *sub) {
    int64_t n = 0, b = 0;
    if (sub->len == 0) return s->nchars + 1;
    while ((b = find_bytes(s, sub, b)) >= 0) {
        n++;
        b += sub->len;
    }
    return n;
}

int ac_str_startswith(const ac_str *s, const ac_str *p) {
    return p->len <= s->len && memcmp(s->s, p->s, (size_t)p->len) == 0;
}

int ac_str_endswith(const ac_str *s, const ac_str *p) {
    return p->len <= s->len && memcmp(s->s + s->len - p->len, p->s, (size_t)p->len) == 0;
}

ac_str *ac_str_join(const ac_str *sep, const ac_list *parts) {
    rt_buf b = {NULL, 0, 0};
    int64_t i;
    if (parts->len == 1) {
        ac_incref(parts->items[0].p);
        return parts->items[0].p;
    }
    for (i = 0; i < parts->len; i++) {
        const ac_str *p = parts->items[i].p;
        if (i) rt_buf_put(&b, sep->s, (size_t)sep->len);
        rt_buf_put(&b, p->s, (size_t)p->len);
    }
    return rt_buf_finish(&b);
}

static void push_str(ac_list *l, const char *p, int64_t n) {
    ac_val v;
    v.p = ac_str_new(p, n);
    ac_list_append(l, v);
}

ac_list *ac_str_split(const ac_str *s, const ac_str *sep, int64_t maxsplit) {
    ac_list *l = ac_list_new(&ac_t_str, 0, NULL);
    int64_t i = 0, start, splits = 0;
    if (maxsplit < 0) maxsplit = INT64_MAX;
    if (sep == NULL) { /* runs of whitespace; no empty fields */
        for (;;) {
            int64_t j = i;
            while (i < s->len) {
                j = i;
                if (!rt_is_space(rt_utf8_decode(s->s, &j))) break;
                i = j;
            }
            if (i >= s->len) break;
            if (splits == maxsplit) { /* the rest, verbatim */
                push_str(l, s->s + i, s->len - i);
                break;
            }
            start = i;
            while (i < s->len) {
                j = i;
                if (rt_is_space(rt_utf8_decode(s->s, &j))) break;
                i = j;
            }
            push_str(l, s->s + start, i - start);
            splits++;
        }
        return l;
    }
    if (sep->len == 0) {
        ac_decref(l);
        ac_raise_msg(&ac_cls_ValueError, "empty separator");
        return NULL;
    }
    start = 0;
    while (splits < maxsplit && (i = find_bytes(s, sep, start)) >= 0) {
        push_str(l, s->s + start, i - start);
        start = i + sep->len;
        splits++;
    }
    push_str(l, s->s + start, s->len - start);
    return l;
}

static int in_chars(uint32_t c, const ac_str *chars) {
    int64_t i = 0;
    if (!chars) return rt_is_space(c);
    while (i < chars->len)
        if (rt_utf8_decode(chars->s, &i) == c) return 1;
    return 0;
}

static ac_str *strip(const ac_str *s, const ac_str *chars, int left, int right) {
    int64_t b = 0, e = s->len, i;
    if (left)
        while (b < e) {
            i = b;
            if (!in_chars(rt_utf8_decode(s->s, &i), chars)) break;
            b = i;
        }
    if (right)
        while (e > b) {
            int64_t k = e - 1;
            while (k > b && ((unsigned char)s->s[k] & 0xC0) == 0x80) k--;
            i = k;
            if (!in_chars(rt_utf8_decode(s->s, &i), chars)) break;
            e = k;
        }
    if (b == 0 && e == s->len) {
        ac_incref((void *)s);
        return (ac_str *)s;
    }
    return ac_str_new(s->s + b, e - b);
}

ac_str *ac_str_strip(const ac_str *s, const ac_str *c) { return strip(s, c, 1, 1); }
ac_str *ac_str_lstrip(const ac_str *s, const ac_str *c) { return strip(s, c, 1, 0); }
ac_str *ac_str_rstrip(const ac_str *s, const ac_str *c) { return strip(s, c, 0, 1); }

/* Case mapping covers ASCII, Latin-1, Latin Extended-A, Greek and
 * Cyrillic; other scripts pass through unchanged. */
static uint32_t to_upper(uint32_t c) {
    if (c >= 'a' && c <= 'z') return c - 32;
    if (c < 0xB5) return c;
    if (c == 0xB5) return 0x39C;
    if ((c >= 0xE0 && c <= 0xFE && c != 0xF7)) return c - 32;
    if (c == 0xFF) return 0x178;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x131) return 'I';
        if (c == 0x17F) return 'S';
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c : c - 1;
        if (c == 0x130 || c == 0x138 || c == 0x149 || c == 0x178) return c;
        return (c & 1) ? c - 1 : c;
    }
    if (c >= 0x3B1 && c <= 0x3C9) return c == 0x3C2 ? 0x3A3 : c - 32;
    if (c >= 0x430 && c <= 0x44F) return c - 32;
    if (c >= 0x450 && c <= 0x45F) return c - 80;
    return c;
}

static uint32_t to_lower(uint32_t c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c < 0xC0) return c;
    if (c <= 0xDE && c != 0xD7) return c + 32;
    if (c >= 0x100 && c <= 0x17F) {
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) return (c & 1) ? c + 1 : c;
        if (c == 0x131 || c == 0x138 || c == 0x149 || c == 0x17F) return c;
        return (c & 1) ? c : c + 1;
    }
    if (c >= 0x391 && c <= 0x3A9 && c != 0x3A2) return c + 32;
    if (c >= 0x410 && c <= 0x42F) return c + 32;
    if (c >= 0x400 && c <= 0x40F) return c + 80;
    return c;
}

static ac_str *map_case(const ac_str *s, int up) {
    rt_buf b = {NULL, 0, 0};
    int64_t i = 0;
    char enc[4];
    if (s->len == s->nchars) { /* ASCII */
        ac_str *r = rt_str_alloc(s->len);
        for (i = 0; i < s->len; i++) {
            char c = s->s[i];
            rt_str_buf(r)[i] = up ? (char)toupper((unsigned char)c) : (char)tolower((unsigned char)c);
        }
        return r;
    }
    while (i < s->len) {
        uint32_t c = rt_utf8_decode(s->s, &i);
        if (up && c == 0xDF) {
            rt_buf_puts(&b, "SS");
            continue;
        }
        c = up ? to_upper(c) : to_lower(c);
        rt_buf_put(&b, enc, (size_t)rt_utf8_encode(c, enc));
    }
    return rt_buf_finish(&b);
}

uint32_t rt_to_upper(uint32_t c) { return to_upper(c); }
uint32_t rt_to_lower(uint32_t c) { return to_lower(c); }

ac_str *ac_str_upper(const ac_str *s) { return map_case(s, 1); }
ac_str *ac_str_lower(const ac_str *s) { return map_case(s, 0); }

ac_str *ac_str_replace(const ac_str *s, const ac_str *old, const ac_str *new_, int64_t count) {
    rt_buf b = {NULL, 0, 0};
    int64_t pos = 0, i, n = 0;
    if (count < 0) count = INT64_MAX;
    if (old->len == 0) { /* insert before every char and at the end */
        while (pos <= s->len) {
            if (n < count) {
                rt_buf_put(&b, new_->s, (size_t)new_->len);
                n++;
            } else {
                rt_buf_put(&b, s->s + pos, (size_t)(s->len - pos));
                break;
            }
            if (pos == s->len) break;
            i = pos;
            rt_utf8_decode(s->s, &i);
            rt_buf_put(&b, s->s + pos, (size_t)(i - pos));
            pos = i;
        }
        return rt_buf_finish(&b);
    }
    while (n < count && (i = find_bytes(s, old, pos)) >= 0) {
        rt_buf_put(&b, s->s + pos, (size_t)(i - pos));
        rt_buf_put(&b, new_->s, (size_t)new_->len);
        pos = i + old->len;
        n++;
    }
    if (n == 0) {
        rt_buf_free(&b);
        ac_incref((void *)s);
        return (ac_str *)s;
    }
    rt_buf_put(&b, s->s + pos, (size_t)(s->len - pos));
    return rt_buf_finish(&b);
}

/* ---- classification -------------------------------------------------- */

static int cp_isdigit(uint32_t c) {
    if (c < 0x80) return c >= '0' && c <= '9';
    return c == 0xB2 || c == 0xB3 || c == 0xB9 || (c >= 0x660 && c <= 0x669) || (c >= 0x6F0 && c <= 0x6F9) ||
           (c >= 0x966 && c <= 0x96F) || c == 0x2070 || (c >= 0x2074 && c <= 0x2079) || (c >= 0x2080 && c <= 0x2089) ||
           (c >= 0xFF10 && c <= 0xFF19);
}

/* Letters of the common scripts (approximates Unicode category L*). */
static int cp_isalpha(uint32_t c) {
    if (c < 0x80) return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (c < 0xC0) return c == 0xAA || c == 0xB5 || c == 0xBA;
    if (c <= 0x24F) return c != 0xD7 && c != 0xF7;
    if (c >= 0x370 && c <= 0x3FF)
        return c != 0x375 && c != 0x37E && c != 0x384 && c != 0x385 && c != 0x387 && c != 0x3F6 &&
               (c >= 0x386 || c >= 0x370);
    if (c >= 0x400 && c <= 0x52F) return c < 0x482 || c > 0x489;
    if (c >= 0x5D0 && c <= 0x5EA) return 1;
    if (c >= 0x620 && c <= 0x64A) return 1;
    if (c >= 0x3041 && c <= 0x3096) return 1;
    if (c >= 0x30A1 && c <= 0x30FA) return 1;
    if (c >= 0x4E00 && c <= 0x9FFF) return 1;
    if (c >= 0xAC00 && c <= 0xD7A3) return 1;
    return 0;
}

static int all_chars(const ac_str *s, int (*pred)(uint32_t)) {
    int64_t i = 0;
    if (s->len == 0) return 0;
    while (i < s->len)
        if (!pred(rt_utf8_decode(s->s, &i))) return 0;
    return 1;
}

int ac_str_isdigit(const ac_str *s) { return all_chars(s, cp_isdigit); }
int ac_str_isalpha(const ac_str *s) { return all_chars(s, cp_isalpha); }
int ac_str_isspace(const ac_str *s) { return all_chars(s, rt_is_space); }

ac_str *ac_str_next_char(const ac_str *s, int64_t *pos) {
    int64_t b = *pos;
    if (b >= s->len) return NULL;
    rt_utf8_decode(s->s, pos);
    return ac_str_new(s->s + b, *pos - b);
}

/* ---- parsing --------------------------------------------------------- */

/* Bounds of s without surrounding Python whitespace. */
static void trim(const ac_str *s, int64_t *pb, int64_t *pe) {
    int64_t b = 0, e = s->len, i;
    while (b < e) {
        i = b;
        if (!rt_is_space(rt_utf8_decode(s->s, &i))) break;
        b = i;
    }
    while (e > b) {
        int64_t k = e - 1;
        while (k > b && ((unsigned char)s->s[k] & 0xC0) == 0x80) k--;
        i = k;
        if (!rt_is_space(rt_utf8_decode(s->s, &i))) break;
        e = k;
    }
    *pb = b;
    *pe = e;
}

static int digit_val(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static void raise_literal(const ac_str *s, int64_t base) {
    ac_str *r = ac_str_repr(s);
    ac_raise_msg(&ac_cls_ValueError, "invalid literal for int() with base %lld: %s", (long long)base, r->s);
    ac_decref(r);
}

int64_t ac_str_to_int(const ac_str *s, int64_t base) {
    int64_t b, e, acc = 0;
    int neg = 0, ndig = 0, under_ok = 0, nonzero = 0, first = -1;
    int64_t b0 = base;
    const char *p = s->s;
    if (base != 0 && (base < 2 || base > 36)) {
        ac_raise_msg(&ac_cls_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return 0;
    }
    trim(s, &b, &e);
    if (b < e && (p[b] == '+' || p[b] == '-')) neg = p[b++] == '-';
    if (e - b >= 2 && p[b] == '0') {
        char x = (char)(p[b + 1] | 32);
        int pb = x == 'x' ? 16 : x == 'o' ? 8 : x == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            b += 2;
            under_ok = 1; /* "0x_1f" is allowed */
        }
    }
    if (base == 0) base = 10;
    for (; b < e; b++) {
        int d;
        if (p[b] == '_') {
            if (!under_ok) goto bad;
            under_ok = 0;
            continue;
        }
        d = digit_val(p[b]);
        if (d >= base) goto bad;
        if (d) nonzero = 1;
        if (first < 0) first = d;
        /* accumulate negatively so INT64_MIN parses */
        if (acc < (INT64_MIN + d) / base) {
            ac_raise_msg(&ac_cls_OverflowError, "integer overflow");
            return 0;
        }
        acc = acc * base - d;
        ndig++;
        under_ok = 1;
    }
    if (ndig == 0 || p[e - 1] == '_') goto bad;
    /* base 0 forbids leading zeros in decimal: "010" is ambiguous */
    if (b0 == 0 && base == 10 && nonzero && first == 0) goto bad;
    if (!neg) {
        if (acc == INT64_MIN) {
            ac_raise_msg(&ac_cls_OverflowError, "integer overflow");
            return 0;
        }
        acc = -acc;
    }
    return acc;
bad:
    raise_literal(s, b0);
    return 0;
}

static int ieq(const char *p, int64_t n, const char *word) {
    int64_t i;
    if ((int64_t)strlen(word) != n) return 0;
    for (i = 0; i < n; i++)
        if ((p[i] | 32) != word[i]) return 0;
    return 1;
}

/* Copy digits from p[*i..e), dropping underscores that sit between two
 * digits; any other underscore is an error. */
static int digits(const char *p, int64_t *i, int64_t e, rt_buf *out) {
    int n = 0;
    while (*i < e) {
        char c = p[*i];
        if (c >= '0' && c <= '9') {
            rt_buf_putc(out, c);
            n++;
            (*i)++;
        } else if (c == '_' && n && *i + 1 < e && p[*i + 1] >= '0' && p[*i + 1] <= '9')
            (*i)++;
        else
            break;
    }
    return n;
}

double ac_str_to_float(const ac_str *s) {
    int64_t b, e, i;
    const char *p = s->s;
    int neg = 0, nd = 0;
    rt_buf num = {NULL, 0, 0};
    double v;
    trim(s, &b, &e);
    i = b;
    if (i < e && (p[i] == '+' || p[i] == '-')) neg = p[i++] == '-';
    if (ieq(p + i, e - i, "inf") || ieq(p + i, e - i, "infinity")) return neg ? -HUGE_VAL : HUGE_VAL;
    if (ieq(p + i, e - i, "nan")) return neg ? -NAN : NAN;
    if (neg) rt_buf_putc(&num, '-');
    nd = digits(p, &i, e, &num);
    if (i < e && p[i] == '.') {
        rt_buf_putc(&num, '.');
        i++;
        nd += digits(p, &i, e, &num);
    }
    if (nd == 0) goto bad;
    if (i < e && (p[i] | 32) == 'e') {
        rt_buf_putc(&num, 'e');
        i++;
        if (i < e && (p[i] == '+' || p[i] == '-')) rt_buf_putc(&num, p[i++]);
        if (!digits(p, &i, e, &num)) goto bad;
    }
    if (i != e) goto bad;
    rt_buf_putc(&num, '\0');
    v = strtod(num.p, NULL);
    rt_buf_free(&num);
    return v;
bad:
    rt_buf_free(&num);
    {
        ac_str *r = ac_str_repr(s);
        ac_raise_msg(&ac_cls_ValueError, "could not convert string to float: %s", r->s);
        ac_decref(r);
    }
    return 0.0;
}

/* list(s): one single-character string per code point. */
ac_list *ac_str_split_chars(const ac_str *s) {
    ac_list *l = ac_list_new(&ac_t_str, 0, NULL);
    int64_t pos = 0;
    ac_str *c;
    while ((c = ac_str_next_char(s, &pos)) != NULL) ac_list_append(l, ac_ptr_val(c));
    return l;
}

/* s.partition(sep) / s.rpartition(sep): a 3-tuple of type t (the generated
 * code's descriptor for tuple[str, str, str]).  When sep is missing, s
 * itself is the first (partition) or last (rpartition) part. */
static ac_tuple *partition_at(const ac_str *s, const ac_str *sep, int64_t at, int right, const ac_type *t) {
    ac_val parts[3];
    if (at < 0) {
        ac_incref((void *)s);
        parts[right ? 2 : 0] = ac_ptr_val((void *)s);
        parts[1] = ac_ptr_val(ac_str_new("", 0));
        parts[right ? 0 : 2] = ac_ptr_val(ac_str_new("", 0));
    } else {
        parts[0] = ac_ptr_val(ac_str_new(s->s, at));
        ac_incref((void *)sep);
        parts[1] = ac_ptr_val((void *)sep);
        parts[2] = ac_ptr_val(ac_str_new(s->s + at + sep->len, s->len - at - sep->len));
    }
    return ac_tuple_new(t, parts);
}

ac_tuple *ac_str_partition(const ac_str *s, const ac_str *sep, const ac_type *t) {
    if (sep->len == 0) {
        ac_raise_msg(&ac_cls_ValueError, "empty separator");
        return NULL;
    }
    return partition_at(s, sep, find_bytes(s, sep, 0), 0, t);
}

ac_tuple *ac_str_rpartition(const ac_str *s, const ac_str *sep, const ac_type *t) {
    if (sep->len == 0) {
        ac_raise_msg(&ac_cls_ValueError, "empty separator");
        return NULL;
    }
    return partition_at(s, sep, rfind_bytes(s, sep), 1, t);
}
