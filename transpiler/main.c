/* main.c -- the asyncc command line: emit, build, run, check. */
#define _POSIX_C_SOURCE 200809L
#include "cli.h"
#include "compiler.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ASYNCC_VERSION
#define ASYNCC_VERSION "0.0.0"
#endif

static const char usage[] = "usage: asyncc emit  [options] FILE.py\n"
                            "       asyncc build [options] [cc-flags] FILE.py [HOST.c...] [-- cc-flags...]\n"
                            "       asyncc run   [cc-flags] [HOST.c...] FILE.py [program arguments...]\n"
                            "       asyncc check [--frame-sizes] [--types] FILE.py\n"
                            "       asyncc annotate FILE.py [-o FILE.html]\n"
                            "       asyncc cache clean | info\n"
                            "\n"
                            "Compile Python-syntax async code to C99 state machines.\n"
                            "\n"
                            "commands:\n"
                            "  emit FILE.py -o FILE.c     transpile to C (writes FILE.h with --header)\n"
                            "  build FILE.py -o PROG      transpile, compile with $CC (default cc) and link\n"
                            "                             the runtime\n"
                            "  run FILE.py [ARGS...]      build into the cache and execute; everything after\n"
                            "                             FILE.py goes to the program unchanged (compiler\n"
                            "                             flags go before FILE.py); the program's exit\n"
                            "                             status is passed through\n"
                            "  check FILE.py              parse and type-check only\n"
                            "  annotate FILE.py           write an HTML page of the source marking the lines\n"
                            "                             that use boxed dynamic values (object), with the\n"
                            "                             inferred types of their names and each coroutine's\n"
                            "                             frame size (-o: default FILE.html)\n"
                            "  cache clean                empty the cache; 'cache info' shows its size\n"
                            "\n"
                            "options (an option a command does not take is an error):\n"
                            "  -o PATH                    emit, build: output file (default FILE.c, FILE)\n"
                            "  --header PATH              emit: also write the host-function header\n"
                            "  -MD                        emit: write a make dependency file (OUT.d)\n"
                            "  -MF PATH                   emit: dependency file path (implies -MD)\n"
                            "  --frame-sizes              emit, check: print each async function's frame size\n"
                            "  --types                    check: print each function's inferred signature\n"
                            "                             (one line per specialisation) and the globals' types\n"
                            "  --no-line                  emit: leave out #line directives\n"
                            "  -Wdynamic                  emit, build, run, check: warn where a value becomes\n"
                            "                             a boxed object, naming both sites of the join\n"
                            "  -O0 -O1 -O2 -O3 -Os -g     build, run: passed to the C compiler (default -O2)\n"
                            "  -f... -W... -D... -I... -L... -l... -m...\n"
                            "                             build, run: passed to the C compiler\n"
                            "  HOST.c HOST.o LIB.a        build, run: C code linked with the program, such as\n"
                            "                             the host functions (@asyncc.host, @asyncc.deferred)\n"
                            "  -- FLAGS...                build: everything after -- goes to the C compiler\n"
                            "  -h, --help                 show this help\n"
                            "  --version                  show the version\n"
                            "\n"
                            "environment:\n"
                            "  CC                         C compiler for build and run (default cc)\n"
                            "  ASYNCC_RUNTIME             directory holding the runtime sources\n"
                            "  ASYNCC_CACHE               cache directory (default $XDG_CACHE_HOME/asyncc\n"
                            "                             or ~/.cache/asyncc)\n"
                            "  ASYNCC_CACHE_MAX           cache size cap, e.g. 500M (default 100M; 0: none);\n"
                            "                             the least recently used entries go first\n"
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

enum { C_EMIT = 1, C_BUILD = 2, C_RUN = 4, C_CHECK = 8, C_ANNOTATE = 16 };

typedef struct Options {
    const char *cmd, *input, *output, *header, *depfile;
    int cmd_bit;
    bool md, frame_sizes, no_line, types;
    Vec ccflags;
    Vec link_inputs; /* C sources, objects and libraries to link */
    bool user_opt;   /* user chose an -O level */
    bool links_libs; /* -l given: host functions may come from there */
    char **run_args;
    int nrun_args;
} Options;

static const char *self_path;

/* ---- temporary files ------------------------------------------------------
 * Every file asyncc writes goes to a temporary name first and is renamed
 * when complete, so an interrupted build leaves no half-written output; the
 * signal handler removes the temporaries (and stops the C compiler). */

enum { MAX_TEMPS = 64 };
static char *temps[MAX_TEMPS];
static volatile sig_atomic_t ntemps;
static volatile pid_t child_pid;

void temp_add(const char *path) {
    if (ntemps < MAX_TEMPS) {
        temps[ntemps] = xstrdup(path);
        ntemps = ntemps + 1;
    }
}

void temp_drop(const char *path) {
    for (int i = ntemps - 1; i >= 0; i--) {
        if (strcmp(temps[i], path)) continue;
        temps[i] = temps[ntemps - 1];
        ntemps = ntemps - 1;
        return;
    }
}

/* Only async-signal-safe calls: kill, waitpid, unlink, rmdir, raise. */
static void on_signal(int sig) {
    pid_t c = child_pid;
    if (c > 0) {
        kill(c, SIGTERM);
        waitpid(c, NULL, 0);
    }
    for (int i = ntemps - 1; i >= 0; i--)
        if (unlink(temps[i]) != 0) rmdir(temps[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_signals(void) {
    int sigs[] = {SIGINT, SIGTERM, SIGHUP};
    for (int i = 0; i < 3; i++) {
        struct sigaction sa;
        /* a signal ignored by whoever started us (nohup, sh's '&') stays so */
        if (sigaction(sigs[i], NULL, &sa) == 0 && sa.sa_handler == SIG_IGN) continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sigs[i], &sa, NULL);
    }
}

static char *temp_name(const char *path) { return format("%s.%d.tmp", path, (int)getpid()); }

/* ---- front end ---------------------------------------------------------- */

static Source *read_source(const char *path) {
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
    return src;
}

static Program *compile_front(const char *path) {
    Source *src = read_source(path);
    if (!src) return NULL;
    int before = diag_errors;
    Program *prog = parse_program(src);
    if (!prog) return NULL;
    /* checked even after parse errors: those left placeholders */
    if (!check_program(prog) || diag_errors > before) return NULL;
    if (warn_dynamic) dyn_report(prog);
    lower_program(prog);
    return prog;
}

/* Write `text` to `path` through a temporary file (straight to a device
 * or pipe such as /dev/stdout, which cannot be renamed over). */
static bool write_text(const char *path, const char *text) {
    struct stat st;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        FILE *f = fopen(path, "wb");
        bool ok = f && fputs(text, f) >= 0;
        if (f && fclose(f) != 0) ok = false;
        if (!ok) fprintf(stderr, "asyncc: cannot write '%s': %s\n", path, strerror(errno));
        return ok;
    }
    char *tmp = temp_name(path);
    temp_add(tmp);
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        fprintf(stderr, "asyncc: cannot write '%s': %s\n", path, strerror(errno));
        temp_drop(tmp);
        return false;
    }
    fputs(text, f);
    bool ok = fclose(f) == 0 && rename(tmp, path) == 0;
    if (!ok) {
        fprintf(stderr, "asyncc: cannot write '%s': %s\n", path, strerror(errno));
        remove(tmp);
    }
    temp_drop(tmp);
    return ok;
}

static char *replace_ext(const char *path, const char *ext) {
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(path, '.');
    size_t n = dot && (!slash || dot > slash) ? (size_t)(dot - path) : strlen(path);
    return format("%.*s%s", (int)n, path, ext);
}

static bool ends_with(const char *s, const char *tail) {
    size_t n = strlen(s), k = strlen(tail);
    return n >= k && !strcmp(s + n - k, tail);
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
    if (pid < 0) {
        perror("asyncc: fork");
        return -1;
    }
    if (pid == 0) {
        execvp(argv[0], argv);
        fprintf(stderr, "asyncc: cannot run '%s': %s\n", argv[0], strerror(errno));
        _exit(127);
    }
    child_pid = pid;
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR) {
            child_pid = 0;
            return -1;
        }
    child_pid = 0;
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

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

static const char *cc_name(void) {
    const char *cc = getenv("CC");
    return cc && *cc ? cc : "cc";
}

/* Whether the first word of $CC names a program that can be run; checked
 * once, up front, so a wrong CC is one clear message, not one per file. */
static bool cc_exists(char **prog) {
    char *word = xstrdup(cc_name());
    word[strcspn(word, " \t")] = 0;
    *prog = word;
    if (strchr(word, '/')) return access(word, X_OK) == 0;
    const char *path = getenv("PATH");
    char *dirs = xstrdup(path && *path ? path : "/usr/bin:/bin");
    for (char *d = strtok(dirs, ":"); d; d = strtok(NULL, ":"))
        if (access(format("%s/%s", *d ? d : ".", word), X_OK) == 0) return true;
    return false;
}

/* $CC plus the flags every compilation gets (CC may carry flags itself:
 * "ccache gcc", "gcc -m32"). */
static Vec cc_command(Options *o, const char *rt) {
    Vec argv = {0};
    char *ccdup = xstrdup(cc_name());
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
 * library in the cache.  *failed is set when the C compiler rejected the
 * runtime (reported here); NULL without it means there is no usable cache,
 * and the caller compiles the sources with the program. */
static char *runtime_library(Options *o, const char *rt, bool *failed) {
    *failed = false;
    Vec base = cc_command(o, rt);
    uint64_t h = FNV_START;
    for (int i = 0; i < base.len; i++) h = fnv(h, base.data[i], strlen(base.data[i]) + 1);
    Vec files = list_runtime_files(rt, true);
    for (int i = 0; i < files.len; i++) {
        char *t;
        size_t n;
        if (read_file(files.data[i], &t, &n)) h = fnv(h, t, n);
    }
    Vec srcs = list_runtime(rt);
    const char *dir = cache_dir();
    if (!dir) return NULL;
    char *lib = format("%s/runtime-%016llx.a", dir, (unsigned long long)h);
    struct stat st;
    if (stat(lib, &st) == 0) {
        cache_touch(lib);
        return lib;
    }
    char *tmp = format("%s.%d.d", lib, (int)getpid());
    if (!mkdirs(tmp)) return NULL;
    temp_add(tmp);
    Vec ar = {0};
    vec_push(&ar, "ar");
    vec_push(&ar, "rcs");
    char *tmplib = format("%s.%d.a", lib, (int)getpid());
    temp_add(tmplib);
    vec_push(&ar, tmplib);
    bool ok = true;
    for (int i = 0; i < srcs.len && ok; i++) {
        Vec argv = cc_command(o, rt);
        const char *src = srcs.data[i];
        const char *base_name = strrchr(src, '/') ? strrchr(src, '/') + 1 : src;
        char *obj = format("%s/%s.o", tmp, base_name);
        temp_add(obj);
        vec_push(&argv, "-c");
        vec_push(&argv, (void *)src);
        vec_push(&argv, "-o");
        vec_push(&argv, obj);
        vec_push(&argv, NULL);
        vec_push(&ar, obj);
        if (run_process((char **)argv.data) != 0) {
            fprintf(stderr, "asyncc: the C compiler (%s) failed on the runtime source %s\n", cc_name(), src);
            ok = false;
            *failed = true;
        }
    }
    vec_push(&ar, NULL);
    if (ok) ok = run_process((char **)ar.data) == 0 && rename(tmplib, lib) == 0;
    for (int i = 3; i < ar.len - 1; i++) {
        remove(ar.data[i]);
        temp_drop(ar.data[i]);
    }
    remove(tmplib);
    temp_drop(tmplib);
    rmdir(tmp);
    temp_drop(tmp);
    if (!ok) return NULL;
    cache_trim(lib);
    return lib;
}

/* Each host function the program declares, as an error at its def: the
 * program cannot link without a C implementation. */
static int missing_host_functions(Program *prog, bool is_run) {
    int n = 0;
    for (int i = 0; i < prog->funcs.len; i++) {
        Func *fn = prog->funcs.data[i];
        if (!fn->host) continue;
        diag_error(prog->src, fn->def->loc,
                   "host function '%s' has no C implementation; "
                   "link C code that defines host_%s()",
                   fn->name, fn->name);
        n++;
    }
    if (n) {
        const char *py = prog->src->path;
        fprintf(stderr,
                "asyncc: note: link C code that defines %s (%s), or embed the program in a C "
                "program: asyncc emit %s --header %s, compiled with -DASYNCC_NO_MAIN "
                "(README: Embedding in a C program)\n",
                n == 1 ? "it" : "them",
                is_run ? format("asyncc run host.c %s", py) : format("asyncc build %s host.c", py), py,
                replace_ext(py, ".h"));
    }
    return n;
}

static bool has_host_functions(Program *prog) {
    for (int i = 0; i < prog->funcs.len; i++)
        if (((Func *)prog->funcs.data[i])->host) return true;
    return false;
}

/* Compile cfile with the runtime and the user's link inputs into `out`
 * (through a temporary name). */
static int cc_compile(Options *o, Program *prog, const char *cfile, const char *out) {
    const char *rt = find_runtime();
    if (!rt) {
        fprintf(stderr, "asyncc: cannot find the runtime sources (set ASYNCC_RUNTIME)\n");
        return 1;
    }
    char *prog_name;
    if (!cc_exists(&prog_name)) {
        fprintf(stderr, "asyncc: C compiler '%s' not found%s (set CC to a C compiler, e.g. CC=gcc)\n", prog_name,
                strchr(prog_name, '/') ? "" : " in PATH");
        return 1;
    }
    bool failed;
    char *lib = runtime_library(o, rt, &failed);
    if (failed) return 1;
    /* never rename over a device: 'build -o /dev/null' must not replace it */
    struct stat st_out;
    bool direct = stat(out, &st_out) == 0 && !S_ISREG(st_out.st_mode);
    char *tmp = direct ? (char *)out : temp_name(out);
    if (!direct) temp_add(tmp);
    Vec argv = cc_command(o, rt);
    vec_push(&argv, (void *)cfile);
    for (int i = 0; i < o->link_inputs.len; i++) vec_push(&argv, o->link_inputs.data[i]);
    if (lib) {
        vec_push(&argv, lib);
    } else {
        Vec srcs = list_runtime(rt);
        for (int i = 0; i < srcs.len; i++) vec_push(&argv, srcs.data[i]);
    }
    vec_push(&argv, "-o");
    vec_push(&argv, tmp);
    vec_push(&argv, "-lm");
    vec_push(&argv, NULL);
    int st = run_process((char **)argv.data);
    if (!direct) {
        if (st == 0 && rename(tmp, out) != 0) {
            fprintf(stderr, "asyncc: cannot write '%s': %s\n", out, strerror(errno));
            st = 1;
        }
        remove(tmp);
        temp_drop(tmp);
    }
    if (st != 0) {
        fprintf(stderr, "asyncc: the C compiler failed (exit status %d)\n", st);
        if (has_host_functions(prog))
            fprintf(stderr, "asyncc: note: undefined references to host_NAME are host functions "
                            "(@asyncc.host, @asyncc.deferred) that no linked C file defines\n");
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
        if (!emit_program(prog, NULL)) return 1; /* sizes come from the layout */
        print_frame_sizes(prog, stdout);
    }
    return 0;
}

/* asyncc annotate: the source as HTML, the lines using objects marked */
static int cmd_annotate(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    if (!emit_program(prog, NULL)) return 1; /* frame sizes come from the layout */
    return write_text(o->output ? o->output : replace_ext(o->input, ".html"), annotate_html(prog)) ? 0 : 1;
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
        char *text = format("%s: %s\n%s:\n", make_escape(out), make_escape(o->input), make_escape(o->input));
        if (!write_text(dep, text)) return 1;
    }
    if (o->frame_sizes) print_frame_sizes(prog, stdout);
    return 0;
}

/* Host functions need C code: without any linked input that could hold
 * them, say which are missing instead of letting the linker fail. */
static bool host_code_given(Options *o) { return o->link_inputs.len > 0 || o->links_libs; }

static int cmd_build(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    if (!host_code_given(o) && missing_host_functions(prog, false)) return 1;
    const char *out = o->output ? o->output : replace_ext(o->input, "");
    if (!strcmp(out, o->input)) out = format("%s.out", o->input);
    char *cpath = format("%s.asyncc.c", out);
    char *c = emit_program(prog, cpath);
    if (!c) return 1;
    bool keep = getenv("ASYNCC_KEEP_C") != NULL;
    if (!keep) temp_add(cpath);
    if (!write_text(cpath, c)) return 1;
    int st = cc_compile(o, prog, cpath, out);
    if (!keep) {
        remove(cpath);
        temp_drop(cpath);
    }
    return st;
}

static int cmd_run(Options *o) {
    Program *prog = compile_front(o->input);
    if (!prog) return 1;
    if (!host_code_given(o) && missing_host_functions(prog, true)) return 1;
    char *c = emit_program(prog, o->input);
    if (!c) return 1;
    /* the cache key covers the C text, the flags, the compiler, the linked
     * inputs and the runtime sources, so a stale binary is never reused */
    uint64_t h = FNV_START;
    h = fnv(h, c, strlen(c));
    for (int i = 0; i < o->ccflags.len; i++) h = fnv(h, o->ccflags.data[i], strlen(o->ccflags.data[i]) + 1);
    const char *cc = getenv("CC");
    if (cc) h = fnv(h, cc, strlen(cc));
    for (int i = 0; i < o->link_inputs.len; i++) {
        char *t;
        size_t n;
        const char *path = o->link_inputs.data[i];
        h = fnv(h, path, strlen(path) + 1);
        if (read_file(path, &t, &n)) h = fnv(h, t, n);
    }
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
    if (!dir) {
        fprintf(stderr, "asyncc: cannot create a cache directory (set ASYNCC_CACHE)\n");
        return 1;
    }
    char *exe = format("%s/%016llx", dir, (unsigned long long)h);
    struct stat st;
    if (stat(exe, &st) != 0) {
        char *cpath = format("%s.%d.c", exe, (int)getpid());
        temp_add(cpath);
        if (!write_text(cpath, c)) return 1;
        int r = cc_compile(o, prog, cpath, exe);
        remove(cpath);
        temp_drop(cpath);
        if (r) return r;
        cache_trim(exe);
    } else {
        cache_touch(exe);
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

static int cmd_cache(int argc, char **argv) {
    if (argc != 3) return bad_usage("usage: asyncc cache clean | info");
    if (cache_cap() < 0)
        return bad_usage("ASYNCC_CACHE_MAX='%s' is not a size such as 100M", getenv("ASYNCC_CACHE_MAX"));
    if (!strcmp(argv[2], "clean")) return cache_clean();
    if (!strcmp(argv[2], "info")) return cache_info();
    return bad_usage("unknown cache command '%s' (clean or info)", argv[2]);
}

/* ---- arguments ------------------------------------------------------------ */

static bool is_cc_flag(const char *a) {
    return !strncmp(a, "-O", 2) || !strncmp(a, "-g", 2) || !strncmp(a, "-f", 2) || !strncmp(a, "-W", 2) ||
           !strncmp(a, "-D", 2) || !strncmp(a, "-I", 2) || !strncmp(a, "-L", 2) || !strncmp(a, "-l", 2) ||
           !strncmp(a, "-m", 2) || !strcmp(a, "-pg") || !strcmp(a, "-static");
}

static bool is_link_input(const char *a) {
    return ends_with(a, ".c") || ends_with(a, ".o") || ends_with(a, ".a") || ends_with(a, ".so");
}

static const struct {
    const char *name;
    bool arg;
    int cmds;
} options[] = {
    {"-o", true, C_EMIT | C_BUILD | C_ANNOTATE},
    {"-Wdynamic", false, C_EMIT | C_BUILD | C_RUN | C_CHECK},
    {"--header", true, C_EMIT},
    {"-MD", false, C_EMIT},
    {"-MF", true, C_EMIT},
    {"--frame-sizes", false, C_EMIT | C_CHECK},
    {"--types", false, C_CHECK},
    {"--no-line", false, C_EMIT},
};

static const char *commands_of(int cmds) {
    static const char *names[] = {"emit", "build", "run", "check", "annotate"};
    Buf b = {0};
    for (int i = 0; i < 5; i++) {
        if (!(cmds & (1 << i))) continue;
        if (b.len) buf_puts(&b, " and ");
        buf_puts(&b, names[i]);
    }
    return buf_take(&b);
}

static void add_ccflag(Options *o, const char *a) {
    vec_push(&o->ccflags, (void *)a);
    if (!strncmp(a, "-O", 2)) o->user_opt = true;
    if (!strncmp(a, "-l", 2)) o->links_libs = true;
}

/* Parse argv into o; returns -1 to go on, else the exit status. */
static int parse_args(Options *o, int argc, char **argv) {
    const char *cmd = o->cmd;
    bool compiles = o->cmd_bit & (C_BUILD | C_RUN);
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (o->cmd_bit == C_RUN && o->input) { /* the rest belongs to the program */
            o->run_args = argv + i;
            o->nrun_args = argc - i;
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            fputs(usage, stdout);
            return 0;
        }
        if (!strcmp(a, "--")) {
            if (o->cmd_bit == C_BUILD) {
                for (i++; i < argc; i++) add_ccflag(o, argv[i]);
                break;
            }
            if (o->cmd_bit == C_RUN)
                return bad_usage("'--' is not needed by run: compiler flags go before FILE.py, "
                                 "and everything after it goes to the program");
            return bad_usage("'--' does not apply to '%s' (only to build)", cmd);
        }
        size_t k;
        for (k = 0; k < sizeof options / sizeof *options; k++)
            if (!strcmp(a, options[k].name)) break;
        if (k < sizeof options / sizeof *options) {
            if (!(options[k].cmds & o->cmd_bit))
                return bad_usage("option '%s' does not apply to '%s' (only to %s)", a, cmd,
                                 commands_of(options[k].cmds));
            const char *val = NULL;
            if (options[k].arg) {
                if (++i >= argc) return bad_usage("%s needs a path", a);
                val = argv[i];
            }
            if (!strcmp(a, "-o"))
                o->output = val;
            else if (!strcmp(a, "--header"))
                o->header = val;
            else if (!strcmp(a, "-MD"))
                o->md = true;
            else if (!strcmp(a, "-MF"))
                o->depfile = val;
            else if (!strcmp(a, "--frame-sizes"))
                o->frame_sizes = true;
            else if (!strcmp(a, "--types"))
                o->types = true;
            else if (!strcmp(a, "-Wdynamic"))
                warn_dynamic = true;
            else
                o->no_line = true;
        } else if (a[0] == '-' && a[1] && is_cc_flag(a)) {
            if (!compiles)
                return bad_usage("option '%s' does not apply to '%s' (C compiler flags go to build and run)", a, cmd);
            add_ccflag(o, a);
        } else if (a[0] == '-' && a[1]) {
            return bad_usage("unknown option '%s' for '%s'", a, cmd);
        } else if (compiles && is_link_input(a)) {
            vec_push(&o->link_inputs, (void *)a);
        } else if (o->input) {
            return bad_usage("more than one input file ('%s' and '%s')", o->input, a);
        } else {
            o->input = a;
        }
    }
    if (!o->input) return bad_usage("'%s' needs an input file", cmd);
    return -1;
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
    if (!strcmp(cmd, "cache")) return cmd_cache(argc, argv);
    static const char *names[] = {"emit", "build", "run", "check", "annotate"};
    for (int i = 0; i < 5; i++)
        if (!strcmp(cmd, names[i])) o.cmd_bit = 1 << i;
    if (!o.cmd_bit) return bad_usage("unknown command '%s'", cmd);
    o.cmd = cmd;
    int st = parse_args(&o, argc, argv);
    if (st >= 0) return st;
    if (o.cmd_bit & (C_BUILD | C_RUN) && cache_cap() < 0)
        return bad_usage("ASYNCC_CACHE_MAX='%s' is not a size such as 100M", getenv("ASYNCC_CACHE_MAX"));
    catch_signals();
    switch (o.cmd_bit) {
    case C_CHECK: return cmd_check(&o);
    case C_ANNOTATE: return cmd_annotate(&o);
    case C_EMIT: return cmd_emit(&o);
    case C_BUILD: return cmd_build(&o);
    default: return cmd_run(&o);
    }
}
