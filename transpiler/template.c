/* template.c -- the code generator fills C skeletons from templates/.
 * The syntax is deliberately tiny: "{{name}}" inserts a value, "{{{{"
 * stands for a literal "{{".  Templates are embedded at build time. */
#include "compiler.h"

#include <string.h>

#include "templates.h"

const char *tpl_get(const char *name) {
    for (const embedded_file *f = embedded_files; f->name; f++)
        if (!strcmp(f->name, name)) return f->text;
    return NULL;
}

static const char *lookup(const TplVar *vars, int n, const char *name, size_t len) {
    for (int i = 0; i < n; i++)
        if (strlen(vars[i].name) == len && !strncmp(vars[i].name, name, len)) return vars[i].value;
    return NULL;
}

char *tpl_render(const char *tpl, const TplVar *vars, int nvars, char **err) {
    Buf out = {0};
    const char *p = tpl;
    *err = NULL;
    while (*p) {
        const char *open = strstr(p, "{{");
        if (!open) {
            buf_puts(&out, p);
            break;
        }
        buf_putn(&out, p, (size_t)(open - p));
        if (!strncmp(open, "{{{{", 4)) {
            buf_puts(&out, "{{");
            p = open + 4;
            continue;
        }
        const char *close = strstr(open + 2, "}}");
        if (!close) {
            *err = xstrdup("unterminated {{ in template");
            return NULL;
        }
        const char *name = open + 2;
        size_t len = (size_t)(close - name);
        const char *val = lookup(vars, nvars, name, len);
        if (!val) {
            *err = format("template variable '%.*s' is not bound", (int)len, name);
            return NULL;
        }
        buf_puts(&out, val);
        p = close + 2;
    }
    return buf_take(&out);
}
