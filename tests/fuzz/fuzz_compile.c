/* fuzz_compile.c -- libFuzzer target: the whole compiler in process.
 *
 * Each input is a source file: parse, check, lower and emit, exactly as
 * `asyncc emit` does (`make fuzz` passes -close_fd_mask=2: the diagnostics
 * go nowhere, libFuzzer's own reports still reach the terminal).  A crash, a
 * sanitizer report or a timeout is a bug; rejecting the input is not.
 *
 *     make fuzz FUZZ_SECONDS=60
 *
 * The compiler keeps what it allocates until it exits (it compiles one
 * file per process), so leak detection is off and libFuzzer's RSS limit
 * bounds a long run.
 *
 * Two checks on every accepted input: the emitted C grows linearly with
 * the input (at most FUZZ_C_FIXED + FUZZ_C_PER_BYTE bytes per input byte:
 * the samples stay under 3 KB + 42 per byte), and, with FUZZ_CC set (a C
 * compiler: `make fuzz FUZZ_CC_CHECK=cc`), that it compiles with
 * -std=c99 -Wall -Wextra -Werror ("accepted => compiles"; slower: one
 * compiler run per accepted input).  A failure aborts, which libFuzzer
 * reports as a crash. */
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen */
#include "compiler.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum { FUZZ_C_FIXED = 64 * 1024, FUZZ_C_PER_BYTE = 400 };

static void check_linear(const char *c, size_t in) {
    size_t out = strlen(c);
    if (out > FUZZ_C_FIXED + FUZZ_C_PER_BYTE * in) {
        fprintf(stderr, "fuzz_compile: %zu bytes of C from %zu bytes of input: not linear\n", out, in);
        abort();
    }
}

static void check_compiles(const char *c) {
    const char *cc = getenv("FUZZ_CC");
    const char *rt = getenv("FUZZ_RUNTIME");
    char path[] = "/tmp/fuzz_compile_XXXXXX";
    if (!cc || !*cc) return;
    int fd = mkstemp(path);
    if (fd < 0) return;
    FILE *f = fdopen(fd, "w");
    fputs(c, f);
    fclose(f);
    char *cmd = format("%s -x c -fsyntax-only -std=c99 -Wall -Wextra -Werror -I%s %s 1>&2", cc, rt ? rt : "runtime",
                       path);
    int st = system(cmd);
    if (st != 0) {
        fprintf(stderr, "fuzz_compile: accepted, but the C does not compile (kept in %s)\n", path);
        abort();
    }
    remove(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = malloc(size + 1);
    if (!text) return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    Source *src = xcalloc(1, sizeof *src);
    src->path = "fuzz.py";
    src->text = text;
    src->len = size;
    int before = diag_errors;
    Program *prog = parse_program(src);
    if (prog && check_program(prog) && diag_errors == before) {
        lower_program(prog);
        char *c = emit_program(prog, "fuzz.c");
        if (c) {
            check_linear(c, size);
            check_compiles(c);
        }
    }
    /* text stays alive: the program's nodes point into it.  The rest of
     * what the compiler allocates is never freed (it compiles one file and
     * exits), so `make fuzz` runs a long campaign as processes of a minute
     * (tests/fuzz/long_run.sh) */
    parse_release();
    return 0;
}
