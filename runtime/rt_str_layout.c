/*
 * rt_str_layout.c -- str methods that lay text out: splitlines, title,
 * zfill, center, ljust, rjust, with CPython's rules (widths count code
 * points; center's odd padding goes where CPython puts it).
 */
#include <string.h>
#include "rt_internal.h"

/* Python's line boundaries: \n \r \r\n \v \f \x1c \x1d \x1e \x85 U+2028 U+2029 */
static int line_break(uint32_t c) {
    return c == '\n' || c == '\r' || c == '\v' || c == '\f' || (c >= 0x1C && c <= 0x1E) || c == 0x85 || c == 0x2028 ||
           c == 0x2029;
}

ac_list *ac_str_splitlines(const ac_str *s, int keepends) {
    ac_list *l = ac_list_new(&ac_t_str, 0, NULL);
    int64_t start = 0, i = 0;
    while (i < s->len) {
        int64_t at = i;
        uint32_t c = rt_utf8_decode(s->s, &i);
        if (!line_break(c)) continue;
        if (c == '\r' && i < s->len && s->s[i] == '\n') i++;
        ac_list_append(l, ac_ptr_val(ac_str_new(s->s + start, (keepends ? i : at) - start)));
        start = i;
    }
    if (start < s->len) ac_list_append(l, ac_ptr_val(ac_str_new(s->s + start, s->len - start)));
    return l;
}

/* A cased letter starts a word in upper case, the rest of it in lower. */
ac_str *ac_str_title(const ac_str *s) {
    rt_buf b = {NULL, 0, 0};
    int64_t i = 0;
    int prev_cased = 0;
    char enc[4];
    while (i < s->len) {
        uint32_t c = rt_utf8_decode(s->s, &i), up = rt_to_upper(c), low = rt_to_lower(c);
        int cased = up != c || low != c;
        uint32_t out = !cased ? c : prev_cased ? low : up;
        prev_cased = cased;
        rt_buf_put(&b, enc, (size_t)rt_utf8_encode(out, enc));
    }
    return rt_buf_finish(&b);
}

/* s with `left` and `right` copies of the one-character fill around it */
static ac_str *pad(const ac_str *s, int64_t left, int64_t right, const ac_str *fill) {
    rt_buf b = {NULL, 0, 0};
    int64_t k;
    for (k = 0; k < left; k++) rt_buf_put(&b, fill->s, (size_t)fill->len);
    rt_buf_put(&b, s->s, (size_t)s->len);
    for (k = 0; k < right; k++) rt_buf_put(&b, fill->s, (size_t)fill->len);
    return rt_buf_finish(&b);
}

static const ac_str *space(void) {
    static ac_str sp = {{AC_IMMORTAL, AC_K_STR}, 1, 1, " "};
    return &sp;
}

/* fill NULL: the default ' ' */
static int one_char(const ac_str **fill) {
    if (!*fill) *fill = space();
    if ((*fill)->nchars == 1) return 1;
    ac_raise_msg(&ac_cls_TypeError, "The fill character must be exactly one character long");
    return 0;
}

static ac_str *same(const ac_str *s) {
    ac_incref((void *)s);
    return (ac_str *)s;
}

ac_str *ac_str_ljust(const ac_str *s, int64_t width, const ac_str *fill) {
    if (!one_char(&fill)) return NULL;
    return width <= s->nchars ? same(s) : pad(s, 0, width - s->nchars, fill);
}

ac_str *ac_str_rjust(const ac_str *s, int64_t width, const ac_str *fill) {
    if (!one_char(&fill)) return NULL;
    return width <= s->nchars ? same(s) : pad(s, width - s->nchars, 0, fill);
}

ac_str *ac_str_center(const ac_str *s, int64_t width, const ac_str *fill) {
    int64_t marg, left;
    if (!one_char(&fill)) return NULL;
    if (width <= s->nchars) return same(s);
    marg = width - s->nchars;
    left = marg / 2 + (marg & width & 1);
    return pad(s, left, marg - left, fill);
}

/* zeros after a leading sign */
ac_str *ac_str_zfill(const ac_str *s, int64_t width) {
    rt_buf b = {NULL, 0, 0};
    int64_t k, sign = s->len && (s->s[0] == '+' || s->s[0] == '-');
    if (width <= s->nchars) return same(s);
    rt_buf_put(&b, s->s, (size_t)sign);
    for (k = 0; k < width - s->nchars; k++) rt_buf_putc(&b, '0');
    rt_buf_put(&b, s->s + sign, (size_t)(s->len - sign));
    return rt_buf_finish(&b);
}
