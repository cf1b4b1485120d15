/* barrier DIR [ROUNDS]: in round k, rank k % N stores its CLOCK_MONOTONIC time in DIR/t.k,
 * sleeps 200 ms and enters MPI_Barrier; every other rank checks after the barrier that the
 * clock reads at least that time + 0.2 s (CLOCK_MONOTONIC is machine-wide). Then 500 barriers
 * back to back, to check they neither hang nor fail. */
#include "mpt.h"
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    MPT_OK(MPI_Init(&argc, &argv));
    int rank, size;
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
    MPT_OK(MPI_Comm_size(MPI_COMM_WORLD, &size));
    mpt_rank = rank;
    if (argc < 2) mpt_fail("usage: barrier DIR [ROUNDS]");
    const char *dir = argv[1];
    int rounds = argc > 2 ? atoi(argv[2]) : 2;
    for (int k = 0; k < rounds; k++) {
        int sleeper = k % size;
        char name[64], path[4096];
        snprintf(name, sizeof name, "t.%d", k);
        if (rank == sleeper) {
            double t = now();
            mpt_write_file(dir, name, "%.9f\n", t);
            struct timespec d = {0, 200000000};
            while (nanosleep(&d, &d) != 0) {}
            MPT_OK(MPI_Barrier(MPI_COMM_WORLD));
        } else {
            MPT_OK(MPI_Barrier(MPI_COMM_WORLD));
            double after = now(), t = 0;
            snprintf(path, sizeof path, "%s/%s", dir, name);
            FILE *f = fopen(path, "r");
            MPT_CHECK(f != NULL, "round %d: %s missing after the barrier", k, path);
            MPT_CHECK(fscanf(f, "%lf", &t) == 1, "round %d: cannot read %s", k, path);
            fclose(f);
            MPT_CHECK(after >= t + 0.2, "round %d: left the barrier at %.6f, before rank %d "
                      "entered it (%.6f + 0.2)", k, after, sleeper, t);
        }
    }
    for (int i = 0; i < 500; i++) MPT_OK(MPI_Barrier(MPI_COMM_WORLD));
    printf("rank %d barrier ok\n", rank);
    MPT_OK(MPI_Finalize());
    return 0;
}
