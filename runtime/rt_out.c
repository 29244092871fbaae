/*
 * rt_out.c -- stdout and stderr as CPython buffers them.  print() is the
 * hottest I/O path of most programs, so stdout bytes collect in one large
 * buffer and leave in big writes; on a terminal, as in CPython, every
 * complete line leaves at once, so a program that prints a tick a second is
 * seen ticking.  stderr is written through.
 */
#if defined(__unix__) || defined(__APPLE__)
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 200112L
#undef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200112L
#endif
#include <unistd.h>
#define HAVE_ISATTY 1
#endif
#include <stdio.h>
#include <string.h>
#include "rt_internal.h"

#define OUT_CAP 65536
static char out_buf[OUT_CAP];
static size_t out_len;
static int out_mode; /* 0: not decided yet, 1: block, 2: by line */

static int line_buffered(void) {
    if (!out_mode) {
#ifdef HAVE_ISATTY
        out_mode = isatty(fileno(stdout)) ? 2 : 1;
#else
        out_mode = 1;
#endif
    }
    return out_mode == 2;
}

static void out_put(const char *s, size_t n) {
    if (out_len + n > OUT_CAP) {
        ac_flush();
        if (n >= OUT_CAP) { /* too big to buffer: write straight out */
            fwrite(s, 1, n, stdout);
            fflush(stdout);
            return;
        }
    }
    memcpy(out_buf + out_len, s, n);
    out_len += n;
    if (line_buffered() && memchr(s, '\n', n)) ac_flush();
}

void ac_write(const ac_str *s) { out_put(s->s, (size_t)s->len); }
void ac_write_cstr(const char *s) { out_put(s, strlen(s)); }

void ac_flush(void) {
    if (out_len) fwrite(out_buf, 1, out_len, stdout);
    out_len = 0;
    fflush(stdout);
}

/* print(file=...): AC_OUT_STDOUT or AC_OUT_STDERR */
void ac_write_to(int stream, const ac_str *s) {
    if (stream == AC_OUT_STDERR)
        fwrite(s->s, 1, (size_t)s->len, stderr);
    else
        ac_write(s);
}

void ac_write_cstr_to(int stream, const char *s) {
    if (stream == AC_OUT_STDERR)
        fputs(s, stderr);
    else
        ac_write_cstr(s);
}

void ac_flush_to(int stream) {
    if (stream == AC_OUT_STDERR)
        fflush(stderr);
    else
        ac_flush();
}

/* sys.stdout.write(s) / sys.stderr.write(s) return len(s) */
int64_t ac_stdout_write(const ac_str *s) {
    ac_write(s);
    return s->nchars;
}

int64_t ac_stderr_write(const ac_str *s) {
    ac_write_to(AC_OUT_STDERR, s);
    return s->nchars;
}

void ac_stdout_flush(void) { ac_flush(); }
void ac_stderr_flush(void) { fflush(stderr); }
