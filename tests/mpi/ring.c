/*
 * ring: a token goes around all ranks LAPS times, each rank adding one; rank 0 checks the count
 * after every lap. With -n 64 on a 2-core machine this is heavy oversubscription: every hop is a
 * sleep and a wake-up, so it also checks that no doorbell is ever missed.
 *   mpt_ring LAPS
 */
#include "mpt.h"

int main(int argc, char **argv)
{
    int laps = argc > 1 ? atoi(argv[1]) : 100;
    int size, token = 0;

    MPT_OK(MPI_Init(&argc, &argv));
    MPT_OK(MPI_Comm_rank(MPI_COMM_WORLD, &mpt_rank));
    MPT_OK(MPI_Comm_size(MPI_COMM_WORLD, &size));
    for (int lap = 0; lap < laps; lap++) {
        int next = (mpt_rank + 1) % size, prev = (mpt_rank + size - 1) % size;
        if (mpt_rank == 0) {
            token = lap * size;
            MPT_OK(MPI_Send(&token, 1, MPI_INT, next, lap, MPI_COMM_WORLD));
            MPT_OK(MPI_Recv(&token, 1, MPI_INT, prev, lap, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
            MPT_CHECK(token == lap * size + size - 1, "lap %d: token %d, want %d", lap, token,
                      lap * size + size - 1);
        } else {
            MPT_OK(MPI_Recv(&token, 1, MPI_INT, prev, lap, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
            token++;
            MPT_OK(MPI_Send(&token, 1, MPI_INT, next, lap, MPI_COMM_WORLD));
        }
    }
    if (mpt_rank == 0) {
        printf("ring of %d ranks: %d laps ok\n", size, laps);
    }
    MPT_OK(MPI_Finalize());
    return 0;
}
