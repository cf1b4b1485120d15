/*
 * virtual_topology: arrange the processes in a 2D periodic grid (a torus) and ask each one for
 * its coordinates and its four neighbours.
 *
 *   mpcc -o virtual_topology virtual_topology.c -lm && mplaunch -n 9 ./virtual_topology
 *
 * The grid is as square as it can be: rows = floor(sqrt(size)), columns = size / rows. When
 * rows * columns < size (5, 7, 10 processes...) the last ranks are left out of the grid:
 * MPI_Cart_create gives them MPI_COMM_NULL.
 *
 * mpi4py: cart = comm.Create_cart((rows, cols), periods=(True, True), reorder=True),
 * cart.Get_coords(cart.rank), up, down = cart.Shift(0, 1), left, right = cart.Shift(1, 1).
 * MPI_Cart_shift(comm, dim, 1, &source, &dest) gives the rank one step back (source) and one
 * step forward (dest) along dimension dim; with periodic dimensions every rank has both.
 * With reorder = 1 the library may number the grid's ranks differently from MPI_COMM_WORLD, so
 * everything printed here is a rank in the grid communicator.
 */
#include <math.h>
#include <mpi.h>
#include <stdio.h>

enum { UP, DOWN, LEFT, RIGHT };

int main(int argc, char **argv)
{
    int rank, size, dims[2], periods[2] = {1, 1}, coords[2], neighbour[4];
    MPI_Comm cart;

    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    dims[0] = (int)floor(sqrt((double)size)); /* rows */
    dims[1] = size / dims[0];                 /* columns: rows * columns <= size */
    if (rank == 0) {
        printf("Building a %d x %d grid topology:\n", dims[0], dims[1]);
    }

    MPI_Cart_create(MPI_COMM_WORLD, 2, dims, periods, 1, &cart);
    if (cart == MPI_COMM_NULL) {
        printf("Process %d is not part of the grid\n", rank);
        MPI_Finalize();
        return 0;
    }
    MPI_Comm_rank(cart, &rank);
    MPI_Cart_coords(cart, rank, 2, coords);
    MPI_Cart_shift(cart, 0, 1, &neighbour[UP], &neighbour[DOWN]);
    MPI_Cart_shift(cart, 1, 1, &neighbour[LEFT], &neighbour[RIGHT]);
    printf("Process = %d row = %d column = %d ----> UP = %d DOWN = %d LEFT = %d RIGHT = %d\n", rank,
           coords[0], coords[1], neighbour[UP], neighbour[DOWN], neighbour[LEFT], neighbour[RIGHT]);
    MPI_Comm_free(&cart);
    MPI_Finalize();
    return 0;
}
