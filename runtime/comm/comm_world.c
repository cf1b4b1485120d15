#include "comm/comm.h"

#include "core/errhandler.h"
#include "core/state.h"

static int self_world_rank;

/* Context ids 0..3 belong to the predefined communicators (even: point-to-point, odd: collectives). */
struct mpr_comm mpr_mpi_comm_world = {
    .magic = MPR_COMM_MAGIC,
    .rank = 0,
    .size = 1,
    .context_id = 0,
    .errhandler = &mpr_mpi_errors_are_fatal,
    .predefined = 1,
    .name = "MPI_COMM_WORLD",
};

struct mpr_comm mpr_mpi_comm_self = {
    .magic = MPR_COMM_MAGIC,
    .rank = 0,
    .size = 1,
    .context_id = 2,
    .world = &self_world_rank,
    .errhandler = &mpr_mpi_errors_are_fatal,
    .predefined = 1,
    .name = "MPI_COMM_SELF",
};

void mpr_comm_world_init(void)
{
    mpr_mpi_comm_world.rank = mpr_state.rank;
    mpr_mpi_comm_world.size = mpr_state.size;
    self_world_rank = mpr_state.rank;
}
