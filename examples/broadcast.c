/*
 * broadcast: rank 0 holds the value 100 and shares it with every rank in one call.
 *
 *   mpcc -o broadcast broadcast.c && mplaunch -n 4 ./broadcast
 *
 * mpi4py: value = comm.bcast(value, root=0) returns the object everywhere. MPI_Bcast instead
 * overwrites a buffer that every rank passes: on the root it is the data to send, on the others
 * the place to put it. Every rank of the communicator must make the same call with the same root.
 */
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int rank, variable_to_share = 0;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (rank == 0) {
        variable_to_share = 100;
    }
    MPI_Bcast(&variable_to_share, 1, MPI_INT, 0, MPI_COMM_WORLD);
    printf("process = %d variable shared = %d\n", rank, variable_to_share);
    MPI_Finalize();
    return 0;
}
