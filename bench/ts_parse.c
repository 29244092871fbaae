/* ts_parse: parse a file with tree-sitter and the Python grammar, nothing
 * else -- the floor under `asyncc check` (bench/run.py's transpile section).
 * usage: ts_parse FILE [REPEAT=1]; prints the seconds of the fastest parse.
 * Linked against build/obj/grammar_parser.o, grammar_scanner.o and
 * -ltree-sitter, exactly as the compiler is. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <tree_sitter/api.h>

const TSLanguage *tree_sitter_python(void);

int main(int argc, char **argv) {
    if (argc < 2) { fputs("usage: ts_parse FILE [REPEAT]\n", stderr); return 2; }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *src = malloc((size_t)n + 1);
    if (!src || fread(src, 1, (size_t)n, f) != (size_t)n) { perror("read"); return 2; }
    fclose(f);
    int repeat = argc > 2 ? atoi(argv[2]) : 1;
    double best = 1e30;
    unsigned nodes = 0;   /* top-level statements, a sanity check */
    for (int r = 0; r < repeat; r++) {
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        TSParser *p = ts_parser_new();
        ts_parser_set_language(p, tree_sitter_python());
        TSTree *t = ts_parser_parse_string(p, NULL, src, (uint32_t)n);
        clock_gettime(CLOCK_MONOTONIC, &t1);
        double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
        if (s < best) best = s;
        nodes = ts_node_child_count(ts_tree_root_node(t));
        ts_tree_delete(t);
        ts_parser_delete(p);
    }
    printf("%.6f %u\n", best, nodes);
    free(src);
    return 0;
}
