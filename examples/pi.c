/*
 * pi: numerical integration of 4 / (1 + x^2) over [0, 1] with the midpoint rule, split across
 * ranks. Each rank sums every size-th interval; rank 0 collects the partial sums (in rank order,
 * so the result is the same on every run) and prints the result, its error and the time.
 *
 *   mpcc -O2 -o pi pi.c && mplaunch -n 4 ./pi [intervals]
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

#define PI25 3.141592653589793238462643

static double partial_sum(long n, int rank, int size)
{
    double h = 1.0 / (double)n, sum = 0.0;

    for (long i = rank; i < n; i += size) {
        double x = h * ((double)i + 0.5);
        sum += 4.0 / (1.0 + x * x);
    }
    return sum * h;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 100000000L;
    int rank, size;
    double t0, mine, pi;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (n < 1) {
        if (rank == 0) {
            fprintf(stderr, "pi: the number of intervals must be positive\n");
        }
        MPI_Abort(MPI_COMM_WORLD, 2);
    }

    MPI_Barrier(MPI_COMM_WORLD);
    t0 = MPI_Wtime();
    mine = partial_sum(n, rank, size);
    if (rank == 0) {
        pi = mine;
        for (int src = 1; src < size; src++) {
            double part;
            MPI_Recv(&part, 1, MPI_DOUBLE, src, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
            pi += part;
        }
        printf("pi is approximately %.16f, error %.3e\n", pi, fabs(pi - PI25));
        printf("%ld intervals on %d ranks in %.3f s\n", n, size, MPI_Wtime() - t0);
    } else {
        MPI_Send(&mine, 1, MPI_DOUBLE, 0, 0, MPI_COMM_WORLD);
    }
    MPI_Finalize();
    return 0;
}
