/* Unit tests for the template engine (transpiler/template.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "compiler.h"

static void substitutes_every_occurrence(void **state) {
    (void)state;
    TplVar vars[] = {{"name", "main"}, {"n", "3"}};
    char *err;
    char *out = tpl_render("struct {{name}}_frame; /* {{n}} */ {{name}}_resume", vars, 2, &err);
    assert_non_null(out);
    assert_null(err);
    assert_string_equal(out, "struct main_frame; /* 3 */ main_resume");
}

static void quadruple_brace_is_literal(void **state) {
    (void)state;
    char *err;
    char *out = tpl_render("a {{{{ b", NULL, 0, &err);
    assert_non_null(out);
    assert_string_equal(out, "a {{ b");
}

static void single_braces_pass_through(void **state) {
    (void)state;
    char *err;
    char *out = tpl_render("int main(void) { return 0; }", NULL, 0, &err);
    assert_string_equal(out, "int main(void) { return 0; }");
}

static void unbound_name_is_an_error(void **state) {
    (void)state;
    TplVar vars[] = {{"a", "1"}};
    char *err;
    char *out = tpl_render("x {{b}} y", vars, 1, &err);
    assert_null(out);
    assert_non_null(err);
    assert_non_null(strstr(err, "'b'"));
}

static void unterminated_is_an_error(void **state) {
    (void)state;
    char *err;
    assert_null(tpl_render("x {{oops", NULL, 0, &err));
    assert_non_null(err);
}

static void program_template_is_embedded(void **state) {
    (void)state;
    const char *t = tpl_get("program.c.in");
    assert_non_null(t);
    assert_non_null(strstr(t, "{{functions}}"));
    assert_null(tpl_get("no-such-template"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(substitutes_every_occurrence), cmocka_unit_test(quadruple_brace_is_literal),
        cmocka_unit_test(single_braces_pass_through),   cmocka_unit_test(unbound_name_is_an_error),
        cmocka_unit_test(unterminated_is_an_error),     cmocka_unit_test(program_template_is_embedded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
