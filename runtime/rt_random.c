/*
 * rt_random.c -- the random module: MT19937 (Matsumoto and Nishimura's
 * reference generator) with CPython's seeding and derived draws, so that a
 * program that seeds gets the numbers CPython prints for the same calls.
 *
 * CPython's rules, as documented by Lib/random.py and the _random module:
 * seed(n) feeds the 32-bit words of abs(n), least significant first (one
 * zero word for 0), to init_by_array; random() builds 53 bits from two
 * draws (27 + 26 bits); integers below n are drawn by rejection with
 * getrandbits(n.bit_length()); choice, shuffle, randrange and randint are
 * built on that; uniform(a, b) is a + (b - a) * random().
 */
#if !defined(_POSIX_C_SOURCE) || _POSIX_C_SOURCE < 199309L
#undef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "rt_internal.h"

enum { MT_N = 624, MT_M = 397 };

static uint32_t mt[MT_N];
static int mti = MT_N + 1; /* MT_N + 1: not seeded yet */

static void init_genrand(uint32_t s) {
    int i;
    mt[0] = s;
    for (i = 1; i < MT_N; i++) mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    mti = MT_N;
}

static void init_by_array(const uint32_t *key, int len) {
    int i = 1, j = 0, k;
    init_genrand(19650218u);
    for (k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u; /* a non-zero initial state for sure */
}

static uint32_t twist(uint32_t a, uint32_t b, uint32_t c) {
    uint32_t y = (a & 0x80000000u) | (b & 0x7fffffffu);
    return c ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u);
}

static uint32_t genrand(void) {
    uint32_t y;
    if (mti >= MT_N) {
        int k;
        if (mti == MT_N + 1) ac_random_seed_system();
        for (k = 0; k < MT_N - MT_M; k++) mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M]);
        for (; k < MT_N - 1; k++) mt[k] = twist(mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
        mt[MT_N - 1] = twist(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
        mti = 0;
    }
    y = mt[mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    y ^= y >> 18;
    return y;
}

void ac_random_seed(int64_t a) {
    /* abs() as an unsigned magnitude: INT64_MIN has one too */
    uint64_t m = a < 0 ? (uint64_t)0 - (uint64_t)a : (uint64_t)a;
    uint32_t key[2];
    key[0] = (uint32_t)m;
    key[1] = (uint32_t)(m >> 32);
    init_by_array(key, key[1] ? 2 : 1);
}

/* CPython reads os.urandom; any unpredictable key will do. */
void ac_random_seed_system(void) {
    uint32_t key[8];
    FILE *f = fopen("/dev/urandom", "rb");
    size_t got = f ? fread(key, sizeof key[0], 8, f) : 0;
    if (f) fclose(f);
    if (got < 8) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        key[0] = (uint32_t)ts.tv_sec;
        key[1] = (uint32_t)ts.tv_nsec;
        key[2] = (uint32_t)(uintptr_t)&ts;
        got = 3;
    }
    init_by_array(key, (int)got);
}

double ac_random_random(void) {
    uint32_t a = genrand() >> 5, b = genrand() >> 6;
    return ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
}

/* The first draw is the low word, as CPython fills its digits. */
uint64_t ac_random_getrandbits(int k) {
    uint64_t lo;
    if (k <= 0) return 0;
    if (k <= 32) return genrand() >> (32 - k);
    lo = genrand();
    return (uint64_t)(genrand() >> (64 - k)) << 32 | lo;
}

static int bit_length(uint64_t n) {
    int k = 0;
    while (n) {
        k++;
        n >>= 1;
    }
    return k;
}

/* 0 <= r < n, n > 0 */
static uint64_t randbelow(uint64_t n) {
    int k = bit_length(n);
    uint64_t r = ac_random_getrandbits(k);
    while (r >= n) r = ac_random_getrandbits(k);
    return r;
}

int64_t ac_random_randrange(int64_t start, int has_stop, int64_t stop, int64_t step) {
    int64_t width, n;
    if (!has_stop) {
        if (start > 0) return (int64_t)randbelow((uint64_t)start);
        ac_raise_msg(&ac_cls_ValueError, "empty range for randrange()");
        return 0;
    }
    if ((start < 0 && stop > INT64_MAX + start) || (start > 0 && stop < INT64_MIN + start)) {
        ac_raise_msg(&ac_cls_OverflowError, "integer overflow");
        return 0;
    }
    width = stop - start;
    if (step == 1) {
        if (width > 0) return start + (int64_t)randbelow((uint64_t)width);
        ac_raise_msg(&ac_cls_ValueError, "empty range for randrange() (%lld, %lld, %lld)", (long long)start,
                     (long long)stop, (long long)width);
        return 0;
    }
    if (step == 0) {
        ac_raise_msg(&ac_cls_ValueError, "zero step for randrange()");
        return 0;
    }
    /* ceil(width / step) without overflowing: C truncates toward zero,
     * which is already the ceiling for a negative quotient */
    n = width / step;
    if (width % step != 0 && (width < 0) == (step < 0)) n++;
    if (n <= 0) {
        ac_raise_msg(&ac_cls_ValueError, "empty range for randrange()");
        return 0;
    }
    return start + step * (int64_t)randbelow((uint64_t)n);
}

int64_t ac_random_randint(int64_t a, int64_t b) {
    if (b == INT64_MAX) {
        ac_raise_msg(&ac_cls_OverflowError, "integer overflow");
        return 0;
    }
    return ac_random_randrange(a, 1, b + 1, 1);
}

ac_val ac_random_choice(const ac_list *l) {
    ac_val v;
    if (!l->len) {
        ac_raise_msg(&ac_cls_IndexError, "Cannot choose from an empty sequence");
        v.i = 0;
        return v;
    }
    v = l->items[randbelow((uint64_t)l->len)];
    ac_val_incref(v, l->elem);
    return v;
}

ac_str *ac_random_choice_str(const ac_str *s) {
    if (!s->nchars) {
        ac_raise_msg(&ac_cls_IndexError, "Cannot choose from an empty sequence");
        return NULL;
    }
    return ac_str_index(s, (int64_t)randbelow((uint64_t)s->nchars));
}

void ac_random_shuffle(ac_list *l) {
    int64_t i;
    for (i = l->len - 1; i > 0; i--) {
        uint64_t j = randbelow((uint64_t)i + 1);
        ac_val t = l->items[i];
        l->items[i] = l->items[j];
        l->items[j] = t;
    }
}

double ac_random_uniform(double a, double b) { return a + (b - a) * ac_random_random(); }
