/* measure: run a command, then print
 *     "<wall ns> <peak RSS KiB> <exit status> <user+system CPU ns>"
 * to the file descriptor given as the first argument.
 *
 * usage: measure FD cmd [args...]
 *
 * bench/run.py launches programs through this small process instead of
 * forking them from Python: on Linux a child's ru_maxrss includes the RSS it
 * had before exec, i.e. the forking parent's, so forking from a 20 MB Python
 * process would hide the peak RSS of a 2 MB C program.  Wall time is
 * CLOCK_MONOTONIC around fork/exec/wait4; CPU time is the child's user +
 * system time from wait4 (robust on a machine that other jobs load). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 3) {
        fputs("usage: measure FD cmd [args...]\n", stderr);
        return 2;
    }
    int fd = atoi(argv[1]);
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    pid_t pid = fork();
    if (pid < 0) { perror("fork"); return 2; }
    if (pid == 0) {
        close(fd);
        execvp(argv[2], argv + 2);
        perror(argv[2]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    while (wait4(pid, &status, 0, &ru) < 0) {
        if (errno != EINTR) { perror("wait4"); return 2; }
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    long long ns = (long long)(t1.tv_sec - t0.tv_sec) * 1000000000LL + (t1.tv_nsec - t0.tv_nsec);
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    FILE *f = fdopen(fd, "w");
    if (!f) { perror("fdopen"); return 2; }
    long long cpu = ((long long)ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
                    ((long long)ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
    fprintf(f, "%lld %ld %d %lld\n", ns, ru.ru_maxrss, code, cpu);
    fclose(f);
    return 0;
}
