/*
 * scatter: rank 0 holds the list 1, 2, ..., N (N = number of processes) and hands one element
 * to each rank, in rank order: rank r gets r + 1.
 *
 *   mpcc -o scatter scatter.c && mplaunch -n 10 ./scatter
 *
 * mpi4py: x = comm.scatter(list, root=0) with a list of exactly `size` items. MPI_Scatter sends
 * `sendcount` elements to each rank from consecutive slices of the root's buffer; the send
 * buffer is only read on the root (the others may pass NULL).
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int rank, size, recvbuf;
    int *array_to_share = NULL;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (rank == 0) {
        array_to_share = malloc((size_t)size * sizeof(int));
        if (array_to_share == NULL) {
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
        for (int i = 0; i < size; i++) {
            array_to_share[i] = i + 1;
        }
    }
    MPI_Scatter(array_to_share, 1, MPI_INT, &recvbuf, 1, MPI_INT, 0, MPI_COMM_WORLD);
    printf("process = %d variable shared = %d\n", rank, recvbuf);
    free(array_to_share);
    MPI_Finalize();
    return 0;
}
