/* util.c -- allocation, growable buffers and vectors.  The compiler never
 * frees: it runs once per file and exits. */
#include "compiler.h"

#include <stdlib.h>
#include <string.h>

static void out_of_memory(void) {
    fputs("asyncc: out of memory\n", stderr);
    exit(3);
}

void *xcalloc(size_t n, size_t size) {
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p) out_of_memory();
    return p;
}

void *xrealloc(void *p, size_t size) {
    p = realloc(p, size ? size : 1);
    if (!p) out_of_memory();
    return p;
}

char *xstrndup(const char *s, size_t n) {
    char *p = xcalloc(n + 1, 1);
    memcpy(p, s, n);
    return p;
}

char *xstrdup(const char *s) { return xstrndup(s, strlen(s)); }

/* printf into a fresh string. */
char *vformat(const char *fmt, va_list ap) {
    char small[256];
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    char *s = xcalloc((size_t)n + 1, 1);
    if ((size_t)n < sizeof small)
        memcpy(s, small, (size_t)n);
    else
        vsnprintf(s, (size_t)n + 1, fmt, ap2);
    va_end(ap2);
    return s;
}

char *format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    char *s = vformat(fmt, ap);
    va_end(ap);
    return s;
}

static void buf_reserve(Buf *b, size_t extra) {
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) cap *= 2;
    b->data = xrealloc(b->data, cap);
    b->cap = cap;
}

void buf_putn(Buf *b, const char *s, size_t n) {
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = 0;
}

void buf_puts(Buf *b, const char *s) { buf_putn(b, s, strlen(s)); }

void buf_printf(Buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    buf_puts(b, vformat(fmt, ap));
    va_end(ap);
}

char *buf_take(Buf *b) {
    char *s = b->data ? b->data : xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}

void vec_push(Vec *v, void *p) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 8;
        v->data = xrealloc(v->data, sizeof(void *) * (size_t)v->cap);
    }
    v->data[v->len++] = p;
}

bool read_file(const char *path, char **data, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return false;
    Buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) buf_putn(&b, chunk, n);
    bool ok = !ferror(f);
    fclose(f);
    *len = b.len;
    *data = buf_take(&b);
    return ok;
}

static uint64_t hash_str(const char *s) {
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

void *map_get(const Map *m, const char *key) {
    if (!m->cap) return NULL;
    for (uint64_t i = hash_str(key) & (uint64_t)(m->cap - 1);; i = (i + 1) & (uint64_t)(m->cap - 1)) {
        if (!m->keys[i]) return NULL;
        if (!strcmp(m->keys[i], key)) return m->vals[i];
    }
}

void map_put(Map *m, const char *key, void *val) {
    if ((m->len + 1) * 2 > m->cap) {
        Map bigger = {0};
        bigger.cap = m->cap ? m->cap * 2 : 16;
        bigger.keys = xcalloc((size_t)bigger.cap, sizeof(char *));
        bigger.vals = xcalloc((size_t)bigger.cap, sizeof(void *));
        for (int i = 0; i < m->cap; i++)
            if (m->keys[i]) map_put(&bigger, m->keys[i], m->vals[i]);
        free(m->keys);
        free(m->vals);
        *m = bigger;
    }
    uint64_t i = hash_str(key) & (uint64_t)(m->cap - 1);
    while (m->keys[i] && strcmp(m->keys[i], key)) i = (i + 1) & (uint64_t)(m->cap - 1);
    if (!m->keys[i]) m->len++;
    m->keys[i] = key;
    m->vals[i] = val;
}

Node *ast_node(NodeKind k, Loc loc) {
    Node *n = xcalloc(1, sizeof *n);
    n->kind = k;
    n->loc = loc;
    return n;
}

Node *ast_name(const char *name, Loc loc) {
    Node *n = ast_node(N_NAME, loc);
    n->sval = (char *)name;
    return n;
}
