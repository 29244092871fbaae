/* diag.c -- diagnostics in the form C compilers use:
 *     prog.py:12:5: error: message
 *         x = lambda: 1
 *             ^
 */
#include "compiler.h"

#include <stdlib.h>
#include <string.h>

int diag_errors;
bool diag_muted;
FILE *diag_out;

/* The text of line `line` (1-based), without its newline. */
static const char *line_start(const Source *src, int line, size_t *len) {
    const char *p = src->text, *end = src->text + src->len;
    for (int l = 1; l < line && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            p = end;
            break;
        }
        p = nl + 1;
    }
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    *len = (size_t)((nl ? nl : end) - p);
    return p;
}

/* Show the source line with a caret under the column.  Very long lines are
 * cut around the column so a 1 MB line does not flood the terminal. */
static void show_line(FILE *out, const Source *src, Loc loc) {
    size_t len;
    const char *p = line_start(src, loc.line, &len);
    if (len > 0 && p[len - 1] == '\r') len--;
    size_t col = loc.col > 0 ? (size_t)loc.col - 1 : 0;
    if (col > len) col = len;
    size_t from = 0, to = len;
    if (len > 120) {
        from = col > 60 ? col - 60 : 0;
        to = from + 120 < len ? from + 120 : len;
    }
    fputs("    ", out);
    size_t caret = 0;
    for (size_t i = from; i < to; i++) {
        unsigned char c = (unsigned char)p[i];
        /* keep the caret aligned: tabs stay tabs, control bytes become '?' */
        char shown = c == '\t' ? '\t' : (c < 0x20 || c == 0x7f) ? '?' : (char)c;
        fputc(shown, out);
        if (i < col) caret += (c & 0xC0) != 0x80; /* count code points */
    }
    fputs("\n    ", out);
    size_t k = 0;
    for (size_t i = from; i < col && k < caret; i++) {
        unsigned char c = (unsigned char)p[i];
        if ((c & 0xC0) == 0x80) continue;
        fputc(c == '\t' ? '\t' : ' ', out);
        k++;
    }
    fputs("^\n", out);
}

typedef struct Poison {
    char *quoted;
    int from, to;
} Poison;
static Vec poisoned;     /* Poison* */
static bool last_hidden; /* the error a note belongs to was not shown */

void diag_poison(const char *name, int from, int to) {
    if (!name || !*name) return;
    Poison *p = xcalloc(1, sizeof *p);
    p->quoted = format("'%s'", name);
    p->from = from;
    p->to = to;
    vec_push(&poisoned, p);
}

static bool quotes_poisoned(const char *msg, int line) {
    for (int i = 0; i < poisoned.len; i++) {
        Poison *p = poisoned.data[i];
        if (line >= p->from && line <= p->to && strstr(msg, p->quoted)) return true;
    }
    return false;
}

void diag_verror(const Source *src, Loc loc, const char *kind, const char *fmt, va_list ap) {
    if (diag_muted && getenv("ASYNCC_DEBUG_MUTED")) {
        fprintf(stderr, "[muted] %d:%d: ", loc.line, loc.col);
        va_list c2;
        va_copy(c2, ap);
        vfprintf(stderr, fmt, c2);
        va_end(c2);
        fputc('\n', stderr);
    }
    if (diag_muted) return;
    FILE *out = diag_out ? diag_out : stderr;
    if (poisoned.len) {
        va_list copy;
        va_copy(copy, ap);
        char *msg = vformat(fmt, copy);
        va_end(copy);
        bool note = !strcmp(kind, "note");
        if (note ? last_hidden : quotes_poisoned(msg, loc.line)) {
            last_hidden = true;
            return;
        }
        if (!note) last_hidden = false;
    }
    fprintf(out, "%s:%d:%d: %s: ", src->path, loc.line, loc.col, kind);
    vfprintf(out, fmt, ap);
    fputc('\n', out);
    if (loc.line > 0) show_line(out, src, loc);
}

void diag_error(const Source *src, Loc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, loc, "error", fmt, ap);
    va_end(ap);
    diag_errors++;
}

void diag_warning(const Source *src, Loc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, loc, "warning", fmt, ap);
    va_end(ap);
}

void diag_note(const Source *src, Loc loc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    diag_verror(src, loc, "note", fmt, ap);
    va_end(ap);
}
