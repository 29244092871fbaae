/*
 * rt_out.c -- buffered stdout.  print() is the hottest I/O path of most
 * programs, so bytes collect in one large buffer and leave in big writes.
 */
#include <stdio.h>
#include <string.h>
#include "rt_internal.h"

#define OUT_CAP 65536
static char out_buf[OUT_CAP];
static size_t out_len;

static void out_put(const char *s, size_t n)
{
    if (out_len + n > OUT_CAP) {
        ac_flush();
        if (n >= OUT_CAP) {     /* too big to buffer: write straight out */
            fwrite(s, 1, n, stdout);
            fflush(stdout);
            return;
        }
    }
    memcpy(out_buf + out_len, s, n);
    out_len += n;
}

void ac_write(const ac_str *s) { out_put(s->s, (size_t)s->len); }
void ac_write_cstr(const char *s) { out_put(s, strlen(s)); }

void ac_flush(void)
{
    if (out_len) fwrite(out_buf, 1, out_len, stdout);
    out_len = 0;
    fflush(stdout);
}
