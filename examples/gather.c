/*
 * gather: each rank computes (rank + 1)^2 and the root collects them all; it prints each value
 * with the rank it came from.
 *
 *   mpcc -o gather gather.c && mplaunch -n 5 ./gather
 *
 * mpi4py: values = comm.gather(x, root=0) returns a list on the root and None elsewhere.
 * MPI_Gather fills the root's receive buffer in rank order: element i came from rank i. The
 * receive buffer is only used on the root.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    int rank, size, data;
    int *gathered = NULL;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    data = (rank + 1) * (rank + 1);
    if (rank == 0) {
        gathered = malloc((size_t)size * sizeof(int));
        if (gathered == NULL) {
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
    }
    MPI_Gather(&data, 1, MPI_INT, gathered, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("rank = %d ...receiving data to other process\n", rank);
        /* gathered[0] is the root's own value; the others came from rank i */
        for (int i = 1; i < size; i++) {
            printf("process %d receiving %d from process %d\n", rank, gathered[i], i);
        }
    }
    free(gathered);
    MPI_Finalize();
    return 0;
}
