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
 * bounds a long run. */
#include "compiler.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
        (void)emit_program(prog, "fuzz.c");
    }
    /* text stays alive: the program's nodes point into it */
    return 0;
}
