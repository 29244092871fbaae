/* Unit tests for diagnostics (transpiler/diag.c) and the front end's
 * error reporting (parse.c, check.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler.h"

/* Run fn with diagnostics captured; return what was printed. */
static char *captured(void (*fn)(void *), void *arg) {
    FILE *f = tmpfile();
    assert_non_null(f);
    diag_out = f;
    fn(arg);
    diag_out = NULL;
    long n = ftell(f);
    rewind(f);
    char *buf = calloc((size_t)n + 1, 1);
    assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return buf;
}

static Source *source(const char *text) {
    Source *s = calloc(1, sizeof *s);
    s->path = "prog.py";
    s->text = text;
    s->len = strlen(text);
    return s;
}

static void one_error(void *arg) { diag_error(arg, (Loc){2, 9}, "lambda is not supported"); }

static void error_has_location_line_and_caret(void **state) {
    (void)state;
    diag_errors = 0;
    char *out = captured(one_error, source("def main():\n    f = lambda: 1\n"));
    assert_string_equal(out, "prog.py:2:9: error: lambda is not supported\n"
                             "        f = lambda: 1\n"
                             "            ^\n");
    assert_int_equal(diag_errors, 1);
}

static void caret_counts_code_points(void **state) {
    (void)state;
    char *out = captured(one_error, source("x = 1\n\"\xc3\xa9\xc3\xa9\" + lambda: 1\n"));
    /* byte column 9 follows 8 bytes that are 6 code points: 4 + 6 spaces */
    assert_non_null(strstr(out, "\n          ^\n"));
}

/* Parse errors leave placeholders, so a program may come back: the
 * tests count diag_errors. */
static void parse_text(void *arg) { (void)parse_program(arg); }

static void every_syntax_error_is_reported(void **state) {
    (void)state;
    diag_errors = 0;
    char *out = captured(parse_text, source("x = 1 2\ny = 3\nz = 4 5\n"));
    assert_true(diag_errors >= 2);
    assert_non_null(strstr(out, "prog.py:1:"));
    assert_non_null(strstr(out, "prog.py:3:"));
}

static void unsupported_constructs_are_named(void **state) {
    (void)state;
    assert_null(unsupported_message("yield")); /* generators are in the dialect */
    assert_non_null(unsupported_message("match_statement"));
    assert_null(unsupported_message("dictionary")); /* dicts are supported */
    assert_null(unsupported_message("lambda"));     /* so are lambdas */
    assert_null(unsupported_message("if_statement"));
    diag_errors = 0;
    char *out = captured(parse_text, source("def f() -> None:\n    g = ...\n    match x:\n        case 1: pass\n"));
    assert_int_equal(diag_errors, 2);
    assert_non_null(strstr(out, "prog.py:2:9: error: ... is not supported here"));
    assert_non_null(strstr(out, "prog.py:3:5: error: match is not supported"));
    assert_null(unsupported_message("named_expression")); /* (x := v) is in the dialect */
}

static void nul_byte_is_rejected(void **state) {
    (void)state;
    diag_errors = 0;
    Source *s = source("x = 1\n");
    char text[] = "x = 1\ny = \0\n";
    s->text = text;
    s->len = sizeof text - 1;
    char *out = captured(parse_text, s);
    assert_non_null(strstr(out, "prog.py:2:5: error: source code cannot contain null bytes"));
}

static void check_text(void *arg) {
    Program *p = parse_program(arg);
    assert_non_null(p);
    assert_false(check_program(p));
}

static void type_conflict_names_both_places(void **state) {
    (void)state;
    diag_errors = 0;
    char *out = captured(check_text, source("def f():\n    x = 1\n    print(len(x))\n\nf()\n"));
    assert_non_null(strstr(out, "prog.py:3:15: error: object of type 'int' has no len()"));
    assert_non_null(strstr(out, "prog.py:2:5: note: 'x' gets type 'int' here"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(error_has_location_line_and_caret),
        cmocka_unit_test(caret_counts_code_points),
        cmocka_unit_test(every_syntax_error_is_reported),
        cmocka_unit_test(unsupported_constructs_are_named),
        cmocka_unit_test(nul_byte_is_rejected),
        cmocka_unit_test(type_conflict_names_both_places),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
