/*
 * pingpong: the smallest latency measurement. Rank 0 sends a message to rank 1, which sends it
 * straight back; half the time of one round trip is the one-way latency. Written to be read:
 * bench/ has the real benchmarks (warm-up rules, many sizes, comparisons with other MPIs).
 *
 *   mpcc -O2 -o pingpong pingpong.c && mplaunch -n 2 ./pingpong [iterations]
 *
 * MPI_Wtime() is a wall clock in seconds (a double), like Python's time.perf_counter().
 * One round trip is far too short to time alone, so the loop repeats it many times and
 * divides; a few unmeasured rounds first let both ranks settle (page faults, caches).
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

enum { TAG = 0, WARMUP = 100 };

/* Rank 0 and rank 1 bounce `bytes` bytes back and forth `iters` times; returns the seconds. */
static double bounce(char *buf, int bytes, int iters, int rank)
{
    double t0 = 0.0;

    for (int i = -WARMUP; i < iters; i++) {
        if (i == 0) {
            t0 = MPI_Wtime();
        }
        if (rank == 0) {
            MPI_Send(buf, bytes, MPI_CHAR, 1, TAG, MPI_COMM_WORLD);
            MPI_Recv(buf, bytes, MPI_CHAR, 1, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        } else {
            MPI_Recv(buf, bytes, MPI_CHAR, 0, TAG, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            MPI_Send(buf, bytes, MPI_CHAR, 0, TAG, MPI_COMM_WORLD);
        }
    }
    return MPI_Wtime() - t0;
}

int main(int argc, char **argv)
{
    static const int sizes[] = {1, 1024, 65536, 1048576};
    int rank, size, iters = argc > 1 ? atoi(argv[1]) : 1000;
    char *buf = calloc(1048576, 1);

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2 || iters < 1 || buf == NULL) {
        if (rank == 0) {
            fprintf(stderr, "usage: mplaunch -n 2 ./pingpong [iterations >= 1]\n");
        }
        MPI_Finalize();
        return 2;
    }
    if (rank == 0) {
        printf("# %d round trips per size; one-way latency = round trip / 2\n", iters);
        printf("# bytes  latency (us)\n");
    }
    for (size_t k = 0; k < sizeof(sizes) / sizeof(sizes[0]) && rank < 2; k++) {
        double seconds = bounce(buf, sizes[k], iters, rank);
        if (rank == 0) {
            printf("%7d  %12.2f\n", sizes[k], seconds / iters / 2 * 1e6);
        }
    }
    free(buf);
    MPI_Finalize();
    return 0;
}
