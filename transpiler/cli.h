/* cli.h -- what the command line's files share: the build cache (cache.c)
 * and the temporary files an interrupted build must not leave behind
 * (main.c). */
#ifndef ASYNCC_CLI_H
#define ASYNCC_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* $ASYNCC_CACHE, else $XDG_CACHE_HOME/asyncc, else ~/.cache/asyncc, else a
 * directory under /tmp; created on first use (NULL when it cannot be). */
const char *cache_dir(void);
/* The cap on the cache's size in bytes: $ASYNCC_CACHE_MAX (a number with
 * an optional K, M or G suffix; 0 means no cap), 100 MB by default.  -1
 * when the variable cannot be read. */
long long cache_cap(void);
/* A cache entry was used: it becomes the newest. */
void cache_touch(const char *path);
/* Remove the oldest entries until the cache fits its cap; `keep` (the
 * entry just made) stays. */
void cache_trim(const char *keep);
/* asyncc cache clean / asyncc cache info */
int cache_clean(void);
int cache_info(void);

/* Files being written: removed if the build is interrupted (SIGINT,
 * SIGTERM, SIGHUP) or fails. */
void temp_add(const char *path);
void temp_drop(const char *path);

bool mkdirs(const char *path);
uint64_t fnv(uint64_t h, const char *s, size_t n);
#define FNV_START 1469598103934665603ull

#endif
