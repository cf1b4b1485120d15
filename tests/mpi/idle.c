/*
 * idle: a rank blocked for seconds in MPI_Recv (or MPI_Barrier) must not burn its core.
 *   mpt_idle SECONDS MAX_CPU_SECONDS
 * Rank 1 sleeps SECONDS (the idle time is the scenario under test), then sends; rank 0 waits
 * in MPI_Recv meanwhile and checks the CPU time it used while waiting. Ranks 2.. wait in
 * MPI_Barrier and check theirs too.
 */
#include "mpt.h"

#include <sys/resource.h>
#include <unistd.h>

static double cpu_seconds(void)
{
    struct rusage ru;

    getrusage(RUSAGE_SELF, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec * 1e-6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec * 1e-6;
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 5.0;
    double max_cpu = argc > 2 ? atof(argv[2]) : 0.1;
    int size, token = 0;
    double c0, used;

    MPT_OK(MPI_Init(&argc, &argv));
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &mpt_rank));
    MPT_OK(MPI_Comm_size(MPI_COMM_WORLD, &size));
    MPT_CHECK(size >= 2, "needs at least 2 ranks");
    c0 = cpu_seconds();
    if (mpt_rank == 1) {
        usleep((useconds_t)(secs * 1e6));
        token = 42;
        MPT_OK(MPI_Send(&token, 1, MPI_INT, 0, 5, MPI_COMM_WORLD));
    } else if (mpt_rank == 0) {
        MPT_OK(MPI_Recv(&token, 1, MPI_INT, 1, 5, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
        MPT_CHECK(token == 42, "received %d, want 42", token);
    }
    MPT_OK(MPI_Barrier(MPI_COMM_WORLD));
    used = cpu_seconds() - c0;
    if (mpt_rank != 1) {
        MPT_CHECK(used < max_cpu, "used %.3f s of CPU while blocked %.1f s (limit %.3f s)", used,
                  secs, max_cpu);
        printf("rank %d idle ok: %.3f s CPU in %.1f s\n", mpt_rank, used, secs);
    }
    MPT_OK(MPI_Finalize());
    return 0;
}
