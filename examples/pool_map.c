/*
 * pool_map: the MPI version of Python's multiprocessing Pool.map(f, items). The root holds a
 * list of work items, splits it over all ranks (itself included), every rank applies f to its
 * share, and the root collects the results in the original order and checks them against the
 * serial map.
 *
 *   mpcc -o pool_map pool_map.c && mplaunch -n 4 ./pool_map [items]
 *
 * Python:  with Pool(4) as pool: results = pool.map(f, range(23))
 *
 * The number of items rarely divides evenly, so each rank gets items / size, and the first
 * items % size ranks one more. MPI_Scatterv and MPI_Gatherv take one count and one offset
 * (displacement) per rank for exactly this. Every rank can compute the counts itself from the
 * item count and the number of ranks, so they need not be sent.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

/* The function being mapped: any pure function of one item. */
static long f(long x)
{
    return x * x;
}

/* counts[r] and displs[r]: how many items rank r gets, and where its share starts. */
static void split(int n, int size, int *counts, int *displs)
{
    for (int r = 0, start = 0; r < size; r++) {
        counts[r] = n / size + (r < n % size ? 1 : 0);
        displs[r] = start;
        start += counts[r];
    }
}

/* The root's report: the results as Python would print the list, then the check. */
static int report(const long *items, const long *results, int n, int size)
{
    int bad = 0;

    printf("[");
    for (int i = 0; i < n; i++) {
        printf("%s%ld", i > 0 ? ", " : "", results[i]);
        bad += results[i] != f(items[i]);
    }
    printf("]\n");
    if (bad > 0) {
        printf("pool_map: %d of %d results differ from the serial map\n", bad, n);
        return 1;
    }
    printf("pool_map: %d items on %d ranks, same result as the serial map\n", n, size);
    return 0;
}

int main(int argc, char **argv)
{
    int rank, size, n = argc > 1 ? atoi(argv[1]) : 23, status = 0;
    long *items = NULL, *results = NULL;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int *counts = malloc((size_t)size * sizeof(int)), *displs = malloc((size_t)size * sizeof(int));
    if (counts == NULL || displs == NULL || n < 0) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    split(n, size, counts, displs);
    if (rank == 0) {
        items = malloc((size_t)n * sizeof(long) + 1);
        results = malloc((size_t)n * sizeof(long) + 1);
        if (items == NULL || results == NULL) {
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
        for (int i = 0; i < n; i++) {
            items[i] = i;
        }
    }

    int mine = counts[rank];
    long *chunk = malloc((size_t)mine * sizeof(long) + 1);
    if (chunk == NULL) {
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    MPI_Scatterv(items, counts, displs, MPI_LONG, chunk, mine, MPI_LONG, 0, MPI_COMM_WORLD);
    for (int i = 0; i < mine; i++) {
        chunk[i] = f(chunk[i]);
    }
    MPI_Gatherv(chunk, mine, MPI_LONG, results, counts, displs, MPI_LONG, 0, MPI_COMM_WORLD);

    if (rank == 0) {
        status = report(items, results, n, size);
    }
    free(chunk);
    free(results);
    free(items);
    free(displs);
    free(counts);
    MPI_Finalize();
    return status;
}
