/*
 * rt_sys.c -- the sys module (argv, stdin) and input(), and the exit status
 * of an uncaught SystemExit.
 */
#include <stdio.h>
#include <string.h>
#include "rt_internal.h"

static ac_list *argv_list;

/* Frames running, counted down from the limit by the generated code: past
 * the limit a call raises RecursionError instead of running off the C stack. */
int64_t ac_depth_left = 999; /* the module's own frame runs */
int64_t ac_depth_limit = 1000;

void ac_recursion_fail(void) {
    ac_depth_left++;
    ac_raise_msg(&ac_cls_RecursionError, "maximum recursion depth exceeded");
}

int64_t ac_sys_getrecursionlimit(void) { return ac_depth_limit; }

/* CPython takes a C int and refuses a limit at or below the current depth. */
void ac_sys_setrecursionlimit(int64_t limit) {
    int64_t depth = ac_depth_limit - ac_depth_left + 1; /* counting this call, as CPython does */
    if (limit < 1) {
        ac_raise_msg(&ac_cls_ValueError, "recursion limit must be greater or equal than 1");
    } else if (limit > INT32_MAX) {
        ac_raise_msg(&ac_cls_OverflowError, "Python int too large to convert to C int");
    } else if (depth >= limit) {
        ac_raise_msg(&ac_cls_RecursionError,
                     "cannot set the recursion limit to %d at the recursion depth %d: the limit is too low",
                     (int)limit, (int)depth);
    } else {
        ac_depth_left += limit - ac_depth_limit;
        ac_depth_limit = limit;
    }
}

void ac_sys_set_argv(int argc, char **argv) {
    int i;
    if (argv_list) ac_decref(argv_list);
    argv_list = ac_list_new(&ac_t_str, 0, NULL);
    for (i = 0; i < argc; i++) {
        ac_val v;
        v.p = ac_str_from_cstr(argv[i]);
        ac_list_append(argv_list, v);
    }
}

/* An embedding host has no command line: CPython's embedded default. */
ac_list *ac_sys_argv(void) {
    if (!argv_list) {
        char *none[1] = {""};
        ac_sys_set_argv(1, none);
    }
    ac_incref(argv_list);
    return argv_list;
}

/* One line with its '\n' (none at the end of input), or NULL at the end. */
static ac_str *read_line(void) {
    rt_buf b = {NULL, 0, 0};
    int c;
    ac_flush(); /* a prompt written with print(end='') */
    while ((c = getchar()) != EOF) {
        rt_buf_putc(&b, (char)c);
        if (c == '\n') break;
    }
    if (!b.len) {
        rt_buf_free(&b);
        return NULL;
    }
    return rt_buf_finish(&b);
}

ac_str *ac_sys_stdin_readline(void) {
    ac_str *s = read_line();
    return s ? s : ac_str_new("", 0);
}

ac_str *ac_sys_stdin_read(void) {
    rt_buf b = {NULL, 0, 0};
    char chunk[4096];
    size_t n;
    ac_flush();
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) rt_buf_put(&b, chunk, n);
    if (!b.len) {
        rt_buf_free(&b);
        return ac_str_new("", 0);
    }
    return rt_buf_finish(&b);
}

ac_list *ac_sys_stdin_lines(void) {
    ac_list *l = ac_list_new(&ac_t_str, 0, NULL);
    ac_str *s;
    while ((s = read_line()) != NULL) {
        ac_val v;
        v.p = s;
        ac_list_append(l, v);
    }
    return l;
}

ac_str *ac_input(const ac_str *prompt) {
    ac_str *s;
    if (prompt) ac_write(prompt);
    s = read_line();
    if (!s) {
        ac_raise_msg(&ac_cls_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (s->len && s->s[s->len - 1] == '\n') {
        ac_str *t = ac_str_new(s->s, s->len - 1);
        ac_decref(s);
        return t;
    }
    return s;
}

int ac_system_exit_status(const ac_exc *e) {
    const ac_tuple *a = e->args;
    ac_str *msg;
    if (a->type->n == 0) return 0;
    if (a->type->n == 1) {
        int k = a->type->elems[0]->kind;
        if (k == AC_K_NONE) return 0;
        if (k == AC_K_INT || k == AC_K_BOOL) return (int)(a->items[0].i & 0xff);
    }
    msg = ac_exc_str(e);
    fprintf(stderr, "%s\n", msg->s);
    fflush(stderr);
    ac_decref(msg);
    return 1;
}
