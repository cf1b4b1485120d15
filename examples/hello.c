/*
 * hello: every rank says who it is. The smallest MPI program: initialise, ask for this process's
 * rank in MPI_COMM_WORLD (the communicator holding every process of the job), finalise.
 *
 * mpi4py: comm = MPI.COMM_WORLD; rank = comm.Get_rank(); print("hello world from process", rank)
 *
 *   mpcc -o hello hello.c && mplaunch -n 4 ./hello
 *
 * The lines come out in whatever order the ranks reach printf: each rank runs on its own.
 */
#include <mpi.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int rank;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    printf("hello world from process %d\n", rank);
    MPI_Finalize();
    return 0;
}
