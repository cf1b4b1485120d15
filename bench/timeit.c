/*
 * timeit: run a command repeatedly and print the median wall time in milliseconds.
 *   timeit [-r RUNS] [-w WARMUP] -- command [args]
 * Output of the command is discarded; a run that exits non-zero makes timeit fail (a benchmark
 * of a broken launch is no figure).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec * 1e-6;
}

static int run_once(char **cmd, double *ms)
{
    double t0 = now_ms();
    pid_t pid = fork();
    int st;

    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        execvp(cmd[0], cmd);
        _exit(127);
    }
    if (pid < 0 || waitpid(pid, &st, 0) != pid) {
        return -1;
    }
    *ms = now_ms() - t0;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = 21, warmup = 2, i = 1;
    double *t;

    for (; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (!strcmp(argv[i], "-r") && i + 1 < argc) {
            runs = atoi(argv[++i]);
        } else if (!strcmp(argv[i], "-w") && i + 1 < argc) {
            warmup = atoi(argv[++i]);
        }
    }
    if (i + 1 >= argc || runs < 1) {
        fprintf(stderr, "usage: timeit [-r RUNS] [-w WARMUP] -- command [args]\n");
        return 2;
    }
    t = calloc((size_t)runs, sizeof(*t));
    for (int k = 0; k < warmup + runs; k++) {
        double ms;
        if (run_once(argv + i + 1, &ms) != 0) {
            fprintf(stderr, "timeit: '%s' failed\n", argv[i + 1]);
            return 1;
        }
        if (k >= warmup) {
            t[k - warmup] = ms;
        }
    }
    qsort(t, (size_t)runs, sizeof(*t), cmp);
    printf("%.1f\n", t[runs / 2]);
    free(t);
    return 0;
}
