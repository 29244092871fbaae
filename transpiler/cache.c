/* cache.c -- the build cache of `asyncc run` (programs) and of build/run
 * (the runtime library): where it lives, its size cap, `asyncc cache`.
 *
 * Entries are named by a hash of everything that went into them, so an
 * entry is never stale, only unused; the least recently used go first when
 * the cache outgrows its cap.  Only files named as asyncc names them are
 * ever removed, whatever directory ASYNCC_CACHE points to. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "compiler.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum { STALE_TEMP_SECONDS = 3600 };

uint64_t fnv(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

bool mkdirs(const char *path) {
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = 0;
        mkdir(p, 0755);
        *s = '/';
    }
    return mkdir(p, 0755) == 0 || errno == EEXIST;
}

const char *cache_dir(void) {
    static const char *dir;
    if (dir) return dir;
    const char *c = getenv("ASYNCC_CACHE");
    if (c && *c) return dir = mkdirs(c) ? c : NULL;
    c = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char *cand = c && *c ? format("%s/asyncc", c) : home && *home ? format("%s/.cache/asyncc", home) : NULL;
    if (cand && mkdirs(cand)) return dir = cand;
    cand = format("/tmp/asyncc-cache-%d", (int)getuid());
    return dir = mkdirs(cand) ? cand : NULL;
}

long long cache_cap(void) {
    const char *s = getenv("ASYNCC_CACHE_MAX");
    if (!s || !*s) return 100ll << 20;
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (errno || v < 0 || end == s) return -1;
    int shift = *end == 'K' || *end == 'k' ? 10 : *end == 'M' || *end == 'm' ? 20 : *end == 'G' || *end == 'g' ? 30 : 0;
    if (shift) end++;
    if (*end == 'B' || *end == 'b') end++;
    if (*end || v > (1ll << (62 - shift))) return -1;
    return v << shift;
}

void cache_touch(const char *path) { utimensat(AT_FDCWD, path, NULL, 0); }

static bool hex16(const char *s) {
    for (int i = 0; i < 16; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

/* 1: a finished entry, 2: a file or directory of a build in progress (or
 * one that died), 0: not asyncc's. */
static int kind_of(const char *name) {
    const char *rest = NULL;
    if (strlen(name) >= 16 && hex16(name))
        rest = name + 16;
    else if (!strncmp(name, "runtime-", 8) && strlen(name) >= 24 && hex16(name + 8)) {
        rest = name + 24;
        if (!strncmp(rest, ".a", 2)) rest += 2;
    }
    if (!rest) return 0;
    return *rest ? (*rest == '.' ? 2 : 0) : 1;
}

typedef struct Entry {
    char *path;
    long long size;
    time_t mtime;
    bool dir;
} Entry;

static int by_age(const void *a, const void *b) {
    const Entry *x = a, *y = b;
    return x->mtime < y->mtime ? -1 : x->mtime > y->mtime;
}

static bool remove_entry(const Entry *e) {
    if (!e->dir) return unlink(e->path) == 0;
    DIR *d = opendir(e->path);
    if (d) {
        struct dirent *de;
        while ((de = readdir(d)))
            if (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")) unlink(format("%s/%s", e->path, de->d_name));
        closedir(d);
    }
    return rmdir(e->path) == 0;
}

/* The entries of kind `want` (or any of ours when 0). */
static Entry *list_entries(const char *dir, int want, int *n) {
    *n = 0;
    DIR *d = opendir(dir);
    if (!d) return NULL;
    int cap = 16;
    Entry *v = xcalloc((size_t)cap, sizeof *v);
    struct dirent *de;
    while ((de = readdir(d))) {
        int k = kind_of(de->d_name);
        if (!k || (want && k != want)) continue;
        struct stat st;
        char *p = format("%s/%s", dir, de->d_name);
        if (lstat(p, &st) != 0) continue;
        if (*n == cap) v = xrealloc(v, (size_t)(cap *= 2) * sizeof *v);
        v[(*n)++] = (Entry){p, (long long)st.st_size, st.st_mtime, S_ISDIR(st.st_mode)};
    }
    closedir(d);
    return v;
}

void cache_trim(const char *keep) {
    const char *dir = cache_dir();
    long long cap = cache_cap();
    if (!dir || cap <= 0) return;
    int n;
    /* what interrupted or crashed builds left behind */
    Entry *temps = list_entries(dir, 2, &n);
    time_t now = time(NULL);
    for (int i = 0; i < n; i++)
        if (now - temps[i].mtime > STALE_TEMP_SECONDS) remove_entry(&temps[i]);
    Entry *v = list_entries(dir, 1, &n);
    long long total = 0;
    for (int i = 0; i < n; i++) total += v[i].size;
    if (total <= cap) return;
    qsort(v, (size_t)n, sizeof *v, by_age);
    for (int i = 0; i < n && total > cap; i++) {
        if (keep && !strcmp(v[i].path, keep)) continue;
        if (remove_entry(&v[i])) total -= v[i].size;
    }
}

static const char *human(long long bytes) {
    if (bytes >= 10ll << 20) return format("%lld MB", bytes >> 20);
    if (bytes >= 10ll << 10) return format("%lld KB", bytes >> 10);
    return format("%lld bytes", bytes);
}

int cache_clean(void) {
    const char *dir = cache_dir();
    if (!dir) {
        fprintf(stderr, "asyncc: no cache directory\n");
        return 1;
    }
    int n, removed = 0;
    long long bytes = 0;
    Entry *v = list_entries(dir, 0, &n);
    for (int i = 0; i < n; i++)
        if (remove_entry(&v[i])) removed++, bytes += v[i].size;
    printf("asyncc: removed %d file%s (%s) from %s\n", removed, removed == 1 ? "" : "s", human(bytes), dir);
    return 0;
}

int cache_info(void) {
    const char *dir = cache_dir();
    if (!dir) {
        fprintf(stderr, "asyncc: no cache directory\n");
        return 1;
    }
    int n;
    long long total = 0, cap = cache_cap();
    Entry *v = list_entries(dir, 1, &n);
    for (int i = 0; i < n; i++) total += v[i].size;
    printf("%s: %d entr%s, %s", dir, n, n == 1 ? "y" : "ies", human(total));
    if (cap > 0)
        printf(" (cap %s, set by ASYNCC_CACHE_MAX)\n", human(cap));
    else
        printf(" (no cap: ASYNCC_CACHE_MAX=0)\n");
    return 0;
}
