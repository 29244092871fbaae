/* Unit tests for the library table (transpiler/builtins.c) and the
 * str.format() template parser (transpiler/libcheck.c): every row is
 * complete enough for check.c and emit.c to use it without a special case. */
#define _POSIX_C_SOURCE 200809L /* open_memstream */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <cmocka.h>
#include <string.h>

#include "compiler.h"

/* The basic types exist once a program has been checked. */
static int init_types(void **state) {
    (void)state;
    static Source src = {"empty.py", "", 0};
    Program *p = parse_program(&src);
    assert_non_null(p);
    assert_true(check_program(p));
    return 0;
}

static void every_row_is_found_by_its_name(void **state) {
    (void)state;
    for (int i = 0; i < builtin_count; i++) {
        const Builtin *b = &builtin_table[i];
        assert_ptr_equal(builtin_find(b->recv, b->name), b);
    }
    assert_null(builtin_find("str", "no_such_method"));
    assert_null(builtin_find(NULL, "upper")); /* a method is not a builtin */
    assert_null(builtin_find("list", "upper"));
}

/* A row emit.c calls generically must say how: a C function (its
 * parameters of types the emitter can pass), an emit hook, or an
 * awaitable code the await lowering knows. */
static void every_supported_row_can_be_checked_and_emitted(void **state) {
    (void)state;
    for (int i = 0; i < builtin_count; i++) {
        const Builtin *b = &builtin_table[i];
        if (b->flags & BF_NOT_YET) {
            assert_null(b->sig);
            continue;
        }
        const Sig *s = builtin_sig(b);
        assert_non_null(s);
        assert_non_null(s->result);
        bool awaitable = (b->code >= B_SLEEP && b->code <= B_FRAME) || b->code == B_ASYNC_WAIT || b->code == B_SHIELD ||
                         b->code == B_GEN_OP ||                 /* generator operations: emit_gen.c */
                         (b->code == B_SYNC_AWAIT && b->type); /* lowered by its own code (Condition.wait_for) */
        if (!b->emit && !awaitable) {
            if (!b->cfn) fail_msg("%s: no C function, emit hook or await lowering", builtin_qualname(b));
            /* tinyio's rows take and return generators (pointers), which
             * libcheck.c admits only there and check_tinyio.c types */
            bool gen = b->recv && !strncmp(b->recv, "tinyio", 6);
            for (int k = 0; k < s->n; k++) {
                const SigParam *p = &s->params[k];
                if (p->def && !builtin_c_default(p->def)) fail_msg("%s: default %s", builtin_qualname(b), p->def);
                if (!builtin_parse_type(p->type, ty_int) && !(gen && !strcmp(p->type, "object")))
                    fail_msg("%s: parameter %s: the emitter cannot pass a '%s'", builtin_qualname(b), p->name, p->type);
            }
            if (!gen && !builtin_parse_type(s->result, ty_int)) fail_msg("%s: result '%s'", builtin_qualname(b), s->result);
        }
    }
}

static void signatures_parse_as_python_writes_them(void **state) {
    (void)state;
    const Sig *s = builtin_sig(builtin_find("str", "split"));
    assert_int_equal(s->n, 2);
    assert_int_equal(s->npos, 2);
    assert_int_equal(s->star, -1);
    assert_string_equal(s->params[0].name, "sep");
    assert_string_equal(s->params[0].type, "str|None");
    assert_string_equal(s->params[0].def, "None");
    assert_int_equal(s->params[1].kind, PK_POS);
    assert_string_equal(s->result, "list[str]");

    s = builtin_sig(builtin_find(NULL, "print"));
    assert_int_equal(s->star, 0);
    assert_int_equal(s->npos, 0);
    assert_int_equal(s->params[1].kind, PK_KW_ONLY);
    assert_string_equal(s->params[2].def, "'\\n'");

    s = builtin_sig(builtin_find(NULL, "sorted"));
    assert_int_equal(s->params[0].kind, PK_POS_ONLY);
    assert_int_equal(s->params[1].kind, PK_KW_ONLY);
    assert_string_equal(s->params[1].name, "key");
    assert_int_equal(s->params[2].kind, PK_KW_ONLY);
    assert_string_equal(s->params[2].name, "reverse");
}

static void types_in_signatures(void **state) {
    (void)state;
    assert_ptr_equal(builtin_parse_type("list[str]", NULL), ty_list(ty_str));
    assert_ptr_equal(builtin_parse_type("str|None", NULL), ty_str);
    assert_ptr_equal(builtin_parse_type("T", ty_float), ty_float);
    assert_ptr_equal(builtin_parse_type("list[T]", ty_int), ty_list(ty_int));
    assert_null(builtin_parse_type("list[T]", NULL));       /* unbound: a hook types it */
    assert_null(builtin_parse_type("list[str]|str", NULL)); /* a union: a hook types it */
    Type *t = builtin_parse_type("tuple[str, int, str]", NULL);
    assert_non_null(t);
    assert_int_equal(t->nelems, 3);
    assert_ptr_equal(t->elems[1], ty_int);
    assert_string_equal(builtin_c_default("None"), "NULL");
    assert_string_equal(builtin_c_default("-1"), "-1");
}

static void format_template_pieces(void **state) {
    (void)state;
    int n;
    char *err = NULL;
    const char *s = "a{{b}}{}:{1!r:>{0}}";
    FmtPiece *p = format_template(s, strlen(s), 2, &n, &err);
    /* automatic then manual numbering is an error in Python too */
    assert_null(p);
    assert_non_null(strstr(err, "cannot switch"));

    s = "a{{b}}{0}:{1!r:>{0}}";
    p = format_template(s, strlen(s), 2, &n, &err);
    assert_non_null(p);
    assert_int_equal(n, 4);
    assert_string_equal(p[0].lit, "a{b}");
    assert_int_equal(p[1].arg, 0);
    assert_string_equal(p[2].lit, ":");
    assert_int_equal(p[3].arg, 1);
    assert_true(p[3].repr);
    assert_int_equal(p[3].nspec, 2);
    assert_string_equal(p[3].spec[0].lit, ">");
    assert_null(p[3].spec[1].lit);
    assert_int_equal(p[3].spec[1].arg, 0);
}

static void format_template_errors(void **state) {
    (void)state;
    static const char *bad[][2] = {
        {"{1}", "out of range"},     {"}", "single '}'"},     {"{", "single '{'"},
        {"{name}", "not supported"}, {"{0!x}", "conversion"}, {"{:{}}", "out of range"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int n;
        char *err = NULL;
        assert_null(format_template(bad[i][0], strlen(bad[i][0]), 1, &n, &err));
        if (!err || !strstr(err, bad[i][1])) fail_msg("%s: %s", bad[i][0], err ? err : "(no message)");
    }
}

static void markdown_lists_every_row(void **state) {
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    builtin_markdown(f);
    fclose(f);
    for (int i = 0; i < builtin_count; i++) {
        const Builtin *b = &builtin_table[i];
        if (!strncmp(b->name, "__asyncc_", 9)) { /* the parser's lowering targets: not listed */
            assert_null(strstr(text, format("`%s(", b->name)));
            continue;
        }
        char *needle = b->flags & BF_NOT_YET ? format("`%s`", b->name)
                       : b->flags & BF_ATTR  ? format("`%s.%s`", b->recv, b->name) /* sys.argv: no call */
                                             : format("`%s%s%s(", b->recv ? b->recv : "", b->recv ? "." : "", b->name);
        if (!strstr(text, needle)) fail_msg("%s is missing from the Markdown", needle);
    }
    assert_null(strstr(text, "str|None")); /* a bare '|' would split the table cell */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_row_is_found_by_its_name),
        cmocka_unit_test(every_supported_row_can_be_checked_and_emitted),
        cmocka_unit_test(signatures_parse_as_python_writes_them),
        cmocka_unit_test(types_in_signatures),
        cmocka_unit_test(format_template_pieces),
        cmocka_unit_test(format_template_errors),
        cmocka_unit_test(markdown_lists_every_row),
    };
    return cmocka_run_group_tests(tests, init_types, NULL);
}
