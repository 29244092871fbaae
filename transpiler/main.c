/* main.c -- the asyncc command line: emit, build, run, check. */
#define _POSIX_C_SOURCE 200809L
#include "compiler.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ASYNCC_VERSION
#define ASYNCC_VERSION "0.0.0"
#endif

static const char usage[] =
    "usage: asyncc <command> [options] FILE.py\n"
    "\n"
    "Compile Python-syntax async code to C99 state machines.\n"
    "\n"
    "commands:\n"
    "  emit FILE.py -o FILE.c     transpile to C (writes FILE.h with --header)\n"
    "  build FILE.py -o PROG      transpile, compile with $CC (default cc) and link\n"
    "                             the runtime\n"
    "  run FILE.py [ARGS...]      build into a cache directory and execute; the\n"
    "                             program's exit status is passed through\n"
    "  check FILE.py              parse and type-check only\n"
    "\n"
    "options:\n"
    "  -o PATH                    output file (emit: default FILE.c; build: FILE)\n"
    "  --header PATH              emit: also write the host-function header\n"
    "  -MD                        emit: write a make dependency file (OUT.d)\n"
    "  -MF PATH                   emit: dependency file path (implies -MD)\n"
    "  --frame-sizes              emit/check: print each async function's frame size\n"
    "  --types                    check: print each function's inferred signature\n"
    "                             (one line per specialisation) and the globals' types\n"
    "  --no-line                  emit: leave out #line directives\n"
    "  -O0 -O1 -O2 -O3 -Os -g     build/run: passed to the C compiler (default -O2)\n"
    "  -f... -W... -D... -I... -L... -l... -m...\n"
    "                             build/run: passed to the C compiler\n"
    "  -- FLAGS...                build: everything after -- goes to the C compiler\n"
    "  -h, --help                 show this help\n"
    "  --version                  show the version\n"
    "\n"
    "environment:\n"
    "  CC                         C compiler for build/run (default cc)\n"
    "  ASYNCC_RUNTIME             directory holding the runtime sources\n"
    "  ASYNCC_CACHE               cache directory for run (default ~/.cache/asyncc)\n"
    "  ASYNCC_CLOCK=virtual       (read by compiled programs) virtual clock\n";

static int bad_usage(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fputs("asyncc: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\ntry 'asyncc --help' for more information\n", stderr);
    va_end(ap);
    return 2;
}

typedef struct Options {
    const char *cmd, *input, *output, *header, *depfile;
    bool md, frame_sizes, no_line, types;
    Vec ccflags;
    bool user_opt;            /* user chose an -O level */
    char **run_args;
    int nrun_args;
} Options;

static const char *self_path;

/* ---- front end ---------------------------------------------------------- */

static Program *compile_front(const char *path) {
    Source *src = xcalloc(1, sizeof *src);
    src->path = path;
    char *text;
    size_t len;
    if (!read_file(path, &text, &len)) {
        fprintf(stderr, "asyncc: cannot read '%s': %s\n", path, strerror(errno));
        return NULL;
    }
    /* a UTF-8 byte-order mark is not part of the program (as in CPython) */
    if (len >= 3 && !memcmp(text, "\xef\xbb\xbf", 3)) text += 3, len -= 3;
    src->text = text;
    src->len = len;
    Program *prog = parse_program(src);
    if (!prog) return NULL;
    if (!check_program(prog)) return NULL;
    lower_program(prog);
    return prog;
}

static bool write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "wb");
    if (!f) {
        fprintf(stderr, "asyncc: cannot write '%s': %s\n", path, strerror(errno));
        return false;
    }
    fputs(text, f);
    bool ok = fclose(f) == 0;
    if (!ok) fprintf(stderr, "asyncc: cannot write '%s'\n", path);
    return ok;
}

static char *replace_ext(const char *path, const char *ext) {
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    size_t n = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    return format("%.*s%s", (int)n, path, ext);
}

/* ---- runtime discovery and the C compiler ------------------------------- */

static bool is_dir_with(const char *dir, const char *file) {
    struct stat st;
    return stat(format("%s/%s", dir, file), &st) == 0;
}

static char *exe_dir(void) {
    char buf[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0) {
        const char *slash = strrchr(self_path, '/');
        return slash ? xstrndup(self_path, (size_t)(slash - self_path)) : xstrdup(".");
    }
    buf[n] = 0;
    char *slash = strrchr(buf, '/');
    if (slash) *slash = 0;
    return xstrdup(buf);
}

/* The runtime sources live beside the compiler: ../runtime in the source
 * tree (build/asyncc), ../share/asyncc/runtime once installed. */
static const char *find_runtime(void) {
    const char *env = getenv("ASYNCC_RUNTIME");
    if (env && *env) return env;
    char *dir = exe_dir();
    const char *cands[] = {"%s/../runtime", "%s/../share/asyncc/runtime"};
    for (int i = 0; i < 2; i++) {
        char *d = format(cands[i], dir);
        if (is_dir_with(d, "asyncc_rt.h")) return d;
    }
    return NULL;
}

static int run_process(char **argv) {
    pid_t pid = fork();
    if (pid < 0) { perror("asyncc: fork"); return -1; }
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "asyncc: cannot run '%s': %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) return -1;
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The runtime's sources (rt_*.c), or with headers also every *.h. */
static Vec list_runtime_files(const char *rt, bool headers) {
    Vec v = {0};
    DIR *d = opendir(rt);
    if (!d) return v;
    struct dirent *e;
    while ((e = readdir(d))) {
        size_t n = strlen(e->d_name);
        if ((!strncmp(e->d_name, "rt_", 3) && n > 2 && !strcmp(e->d_name + n - 2, ".c")) ||
            (headers && n > 2 && !strcmp(e->d_name + n - 2, ".h")))
            vec_push(&v, format("%s/%s", rt, e->d_name));
    }
    closedir(d);
    qsort(v.data, (size_t)v.len, sizeof(void *), cmp_str);
    return v;
}

static Vec list_runtime(const char *rt) { return list_runtime_files(rt, false); }

static uint64_t fnv(uint64_t h, const char *s, size_t n);
static const char *cache_dir(void);
static bool mkdirs(const char *path);

/* $CC plus the flags every compilation gets (CC may carry flags itself:
 * "ccache gcc", "gcc -m32"). */
static Vec cc_command(Options *o, const char *rt) {
    const char *cc = getenv("CC");
    if (!cc || !*cc) cc = "cc";
    Vec argv = {0};
    char *ccdup = xstrdup(cc);
    for (char *tok = strtok(ccdup, " \t"); tok; tok = strtok(NULL, " \t")) vec_push(&argv, tok);
    vec_push(&argv, "-std=c99");
    vec_push(&argv, "-Wall");
    vec_push(&argv, "-Wextra");
    vec_push(&argv, "-Werror");
    if (!o->user_opt) vec_push(&argv, "-O2");
    for (int i = 0; i < o->ccflags.len; i++) vec_push(&argv, o->ccflags.data[i]);
    vec_push(&argv, format("-I%s", rt));
    return argv;
}

/* The runtime compiled once per (compiler, flags, sources) into a static
 * library in the cache directory; NULL when it cannot be cached (then the
 * sources are compiled with the program). */
static char *runtime_library(Options *o, const char *rt) {
    Vec base = cc_command(o, rt);
    uint64_t h = 1469598103934665603ull;
    for (int i = 0; i < base.len; i++) h = fnv(h, base.data[i], strlen(base.data[i]) + 1);
    Vec files = list_runtime_files(rt, true);
    for (int i = 0; i < files.len; i++) {
        char *t;
        size_t n;
        if (read_file(files.data[i], &t, &n)) h = fnv(h, t, n);
    }
    Vec srcs = list_runtime(rt);
    const char *dir = cache_dir();
    if (!mkdirs(dir)) return NULL;
    char *lib = format("%s/runtime-%016llx.a", dir, (unsigned long long)h);
    struct stat st;
    if (stat(lib, &st) == 0) return lib;
    char *tmp = format("%s.%d.d", lib, (int)getpid());
    if (!mkdirs(tmp)) return NULL;
    Vec ar = {0};
    vec_push(&ar, "ar");
    vec_push(&ar, "rcs");
    char *tmplib = format("%s.%d.a", lib, (int)getpid());
    vec_push(&ar, tmplib);
    for (int i = 0; i < srcs.len; i++) {
        Vec argv = cc_command(o, rt);
        const char *src = srcs.data[i];
        const char *base_name = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
        char *obj = format("%s/%s.o", tmp, base_name);
        vec_push(&argv, "-c");
        vec_push(&argv, (void *)src);
        vec_push(&argv, "-o");
        vec_push(&argv, obj);
        vec_push(&argv, NULL);
        if (run_process((char **)argv.data) != 0) return NULL;
        vec_push(&ar, obj);
    }
    vec_push(&ar, NULL);
    bool ok = run_process((char **)ar.data) == 0 && rename(tmplib, lib) == 0;
    for (int i = 3; i < ar.len - 1; i++) remove(ar.data[i]);
    rmdir(tmp);
    return ok ? lib : NULL;
}

static int cc_compile(Options *o, const char *cfile, const char *out) {
    const char *rt = find_runtime();
    if (!rt) {
        fprintf(stderr, "asyncc: cannot find the runtime sources (set ASYNCC_RUNTIME)\n");
        return 1;
    }
    char *lib = runtime_library(o, rt);
    Vec argv = cc_command(o, rt);
    vec_push(&argv, (void *)cfile);
    if (lib) {
        vec_push(&argv, lib);
    } else {
        Vec srcs = list_runtime(rt);
        for (int i = 0; i < srcs.len; i++) vec_push(&argv, srcs.data[i]);
    }
    vec_push(&argv, "-o");
    vec_push(&argv, (void *)out);
    vec_push(&argv, "-lm");
    vec_push(&argv, NULL);
    int st = run_process((char **)argv.data);
    if (st != 0) {
        fprintf(stderr, "asyncc: the C compiler failed (exit status %d)\n", st);
        return 1;
    }
    return 0;
}

/* ---- commands ------------------------------------------------------------ */

static int cmd_check(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    if (o->types) print_inferred_types(prog, stdout);
    if (o->frame_sizes) {
        if (!emit_program(prog, NULL)) return 1;   /* sizes come from the layout */
        print_frame_sizes(prog, stdout);
    }
    return 0;
}

static char *make_escape(const char *s) {
    Buf b = {0};
    for (; *s; s++) {
        if (*s == ' ' || *s == '#') buf_putn(&b, "\\", 1);
        if (*s == '$') buf_putn(&b, "$", 1);
        buf_putn(&b, s, 1);
    }
    return buf_take(&b);
}

static int cmd_emit(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    const char *out = o->output ? o->output : replace_ext(o->input, ".c");
    char *c = emit_program(prog, o->no_line ? NULL : out);
    if (!c || !write_text(out, c)) return 1;
    if (o->header && !write_text(o->header, emit_header(prog, o->header))) return 1;
    if (o->md || o->depfile) {
        const char *dep = o->depfile ? o->depfile : replace_ext(out, ".d");
        char *text = format("%s: %s\n%s:\n", make_escape(out), make_escape(o->input),
                            make_escape(o->input));
        if (!write_text(dep, text)) return 1;
    }
    if (o->frame_sizes) print_frame_sizes(prog, stdout);
    return 0;
}

static int cmd_build(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    const char *out = o->output ? o->output : replace_ext(o->input, "");
    if (!strcmp(out, o->input)) out = format("%s.out", o->input);
    char *cpath = format("%s.asyncc.c", out);
    char *c = emit_program(prog, cpath);
    if (!c || !write_text(cpath, c)) return 1;
    int st = cc_compile(o, cpath, out);
    if (!getenv("ASYNCC_KEEP_C")) remove(cpath);
    return st;
}

static uint64_t fnv(uint64_t h, const char *s, size_t n) {
    for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static bool mkdirs(const char *path) {
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/') continue;
        *s = 0;
        mkdir(p, 0755);
        *s = '/';
    }
    return mkdir(p, 0755) == 0 || errno == EEXIST;
}

/* $ASYNCC_CACHE, else the XDG cache, else /tmp when those cannot be made. */
static const char *cache_dir(void) {
    static const char *dir;
    if (dir) return dir;
    const char *c = getenv("ASYNCC_CACHE");
    if (c && *c) return dir = c;
    c = getenv("XDG_CACHE_HOME");
    const char *home = getenv("HOME");
    char *cand = c && *c ? format("%s/asyncc", c) : home && *home ? format("%s/.cache/asyncc", home) : NULL;
    if (cand && mkdirs(cand)) return dir = cand;
    return dir = format("/tmp/asyncc-cache-%d", (int)getuid());
}

static int cmd_run(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    char *c = emit_program(prog, o->input);
    if (!c) return 1;
    /* the cache key covers the C text, the flags, the compiler and the
     * runtime sources, so a stale binary is never reused */
    uint64_t h = 1469598103934665603ull;
    h = fnv(h, c, strlen(c));
    for (int i = 0; i < o->ccflags.len; i++) h = fnv(h, o->ccflags.data[i], strlen(o->ccflags.data[i]) + 1);
    const char *cc = getenv("CC");
    if (cc) h = fnv(h, cc, strlen(cc));
    const char *rt = find_runtime();
    if (rt) {
        Vec srcs = list_runtime_files(rt, true);
        for (int i = 0; i < srcs.len; i++) {
            char *t;
            size_t n;
            if (read_file(srcs.data[i], &t, &n)) h = fnv(h, t, n);
        }
    }
    const char *dir = cache_dir();
    if (!mkdirs(dir)) {
        fprintf(stderr, "asyncc: cannot create cache directory '%s'\n", dir);
        return 1;
    }
    char *exe = format("%s/%016llx", dir, (unsigned long long)h);
    struct stat st;
    if (stat(exe, &st) != 0) {
        char *cpath = format("%s.%d.c", exe, (int)getpid());
        char *tmp = format("%s.%d.tmp", exe, (int)getpid());
        if (!write_text(cpath, c)) return 1;
        int r = cc_compile(o, cpath, tmp);
        remove(cpath);
        if (r) { remove(tmp); return r; }
        rename(tmp, exe);
    }
    fflush(NULL);
    Vec argv = {0};
    vec_push(&argv, exe);
    for (int i = 0; i < o->nrun_args; i++) vec_push(&argv, o->run_args[i]);
    vec_push(&argv, NULL);
    execv(exe, (char **)argv.data);
    fprintf(stderr, "asyncc: cannot run '%s': %s\n", exe, strerror(errno));
    return 1;
}

static bool is_cc_flag(const char *a) {
    return !strncmp(a, "-O", 2) || !strcmp(a, "-g") || !strncmp(a, "-g", 2) ||
           !strncmp(a, "-f", 2) || !strncmp(a, "-W", 2) || !strncmp(a, "-D", 2) ||
           !strncmp(a, "-I", 2) || !strncmp(a, "-L", 2) || !strncmp(a, "-l", 2) ||
           !strncmp(a, "-m", 2) || !strcmp(a, "-pg") || !strcmp(a, "-static");
}

int main(int argc, char **argv) {
    self_path = argv[0];
    if (argc < 2) return bad_usage("missing command");
    Options o = {0};
    const char *cmd = argv[1];
    if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help") || !strcmp(cmd, "help")) {
        fputs(usage, stdout);
        return 0;
    }
    if (!strcmp(cmd, "--version") || !strcmp(cmd, "-V")) {
        printf("asyncc %s\n", ASYNCC_VERSION);
        return 0;
    }
    /* hidden: docs/LANGUAGE.md's library reference (tests/run_errors.py
     * checks the committed copy against it) */
    if (!strcmp(cmd, "--library-markdown")) {
        builtin_markdown(stdout);
        return 0;
    }
    if (strcmp(cmd, "emit") && strcmp(cmd, "build") && strcmp(cmd, "run") && strcmp(cmd, "check"))
        return bad_usage("unknown command '%s'", cmd);
    o.cmd = cmd;
    bool is_run = !strcmp(cmd, "run");
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (is_run && o.input) {            /* the rest belongs to the program */
            o.run_args = argv + i;
            o.nrun_args = argc - i;
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) { fputs(usage, stdout); return 0; }
        if (!strcmp(a, "--")) {
            if (!strcmp(cmd, "build") || is_run) {
                for (i++; i < argc; i++) {
                    vec_push(&o.ccflags, argv[i]);
                    if (!strncmp(argv[i], "-O", 2)) o.user_opt = true;
                }
                break;
            }
            return bad_usage("'--' is only accepted by build and run");
        }
        if (!strcmp(a, "-o")) {
            if (++i >= argc) return bad_usage("-o needs a path");
            o.output = argv[i];
        } else if (!strcmp(a, "--header")) {
            if (++i >= argc) return bad_usage("--header needs a path");
            o.header = argv[i];
        } else if (!strcmp(a, "-MD")) {
            o.md = true;
        } else if (!strcmp(a, "-MF")) {
            if (++i >= argc) return bad_usage("-MF needs a path");
            o.depfile = argv[i];
        } else if (!strcmp(a, "--frame-sizes")) {
            o.frame_sizes = true;
        } else if (!strcmp(a, "--types") && !strcmp(cmd, "check")) {
            o.types = true;
        } else if (!strcmp(a, "--no-line")) {
            o.no_line = true;
        } else if ((!strcmp(cmd, "build") || is_run) && is_cc_flag(a)) {
            vec_push(&o.ccflags, (void *)a);
            if (!strncmp(a, "-O", 2)) o.user_opt = true;
        } else if (a[0] == '-' && a[1]) {
            return bad_usage("unknown option '%s' for '%s'", a, cmd);
        } else if (o.input) {
            return bad_usage("more than one input file ('%s' and '%s')", o.input, a);
        } else {
            o.input = a;
        }
    }
    if (!o.input) return bad_usage("'%s' needs an input file", cmd);
    if (o.output && (!strcmp(cmd, "check") || is_run))
        return bad_usage("-o is not accepted by '%s'", cmd);
    if (!strcmp(cmd, "check")) return cmd_check(&o);
    if (!strcmp(cmd, "emit")) return cmd_emit(&o);
    if (!strcmp(cmd, "build")) return cmd_build(&o);
    return cmd_run(&o);
}
