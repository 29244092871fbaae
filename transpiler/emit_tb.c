/* emit_tb.c -- traceback records: one static const ac_tb_site per
 * (function, line) of the program where an error can leave that line, and
 * the call that appends it to the exception on the error path.
 *
 * CPython builds a traceback while an exception unwinds: every frame it
 * leaves adds an entry (file, line, function).  Generated code does the same
 * from its error paths only (`if (ac_err) { ac_tb_here(&TB3); goto ...; }`),
 * so the path without an error runs no extra instruction.  Generated helper
 * coroutines (lower.c) add nothing: CPython has no such frames. */
#include "emit.h"

#include <stdlib.h>
#include <string.h>

int tb_line;        /* the Python line being written, markers or not */
static Buf records; /* the ac_tb_site definitions */
static Map sites;   /* "function index:line" -> "TBn" */
static int nsites;

void tb_reset(void) {
    records = (Buf){0};
    sites = (Map){0};
    nsites = 0;
    tb_line = 0;
}

/* Line n of the source, without its indentation and trailing blanks, as
 * CPython prints it under a frame. */
static void source_line(int n, const char **start, size_t *len) {
    const char *s = prog->src->text, *end = s + prog->src->len;
    for (int line = 1; line < n && s < end; s++)
        if (*s == '\n') line++;
    const char *e = s;
    while (e < end && *e != '\n') e++;
    while (s < e && (*s == ' ' || *s == '\t' || *s == '\f')) s++;
    while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
    *start = s;
    *len = (size_t)(e - s);
}

/* the module body that suspend.c made a coroutine is still `<module>` */
static const char *frame_name(const Func *fn) {
    return !fn || (fn->implicit && !strcmp(fn->name, "__module__")) ? "<module>" : fn->name;
}

static char *site(const char *func, int fidx, int line) {
    char *key = format("%d:%d", fidx, line);
    char *name = map_get(&sites, key);
    if (name) return name;
    name = format("TB%d", ++nsites);
    map_put(&sites, key, name);
    const char *text;
    size_t len;
    source_line(line, &text, &len);
    buf_printf(&records, "static const ac_tb_site %s = {tb_file, \"", name);
    c_escape(&records, func, strlen(func));
    buf_puts(&records, "\", \"");
    c_escape(&records, text, len);
    buf_printf(&records, "\", %d};\n", line);
    return name;
}

/* What an error path runs first where it leaves the current line: the
 * append of this line's record (a store when the function's exit appends
 * it, see ac_tb_at), or nothing in a helper coroutine. */
char *tb_note(void) {
    if (tb_line <= 0 || (C->fn && C->fn->helper)) return "";
    const char *func = frame_name(C->fn);
    char *s = site(func, C->fn ? func_index(C->fn) : -1, tb_line);
    if (!strcmp(handler(), "L_fail")) return format("ac_tb_at = &%s; ", s);
    return format("ac_tb_here(&%s); ", s);
}

/* The error exit's last statements: the append of the record a path
 * stored on its way there (nothing to append in a helper coroutine). */
char *tb_exit(Func *fn, const char *ret) {
    if (fn && fn->helper) return format("    return%s;\n", ret);
    if (fn && (fn->is_async || fn->is_gen)) return "    return ac_tb_leave();\n";
    return format("    ac_tb_leave();\n    return%s;\n", ret);
}

/* "&TBn" for the line of an async def (its vtable's `def`), or "NULL". */
char *tb_def_site(Func *fn) {
    if (fn->helper || fn->def->loc.line <= 0) return "NULL";
    return format("&%s", site(frame_name(fn), func_index(fn), fn->def->loc.line));
}

/* The records the code refers to (code the emitter wrote and then dropped
 * may have made others) and the file name they share, for the template. */
char *tb_section(const char *code) {
    char *kept = used_decls(code, "&TB", records.data, "static const ac_tb_site TB", nsites);
    if (!*kept) return "";
    Buf out = {0};
    buf_puts(&out, "static const char tb_file[] = \"");
    c_escape(&out, py_path, strlen(py_path));
    buf_printf(&out, "\";\n%s", kept);
    return buf_take(&out);
}
