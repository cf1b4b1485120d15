/* MPI_GROUP_EMPTY: the group with no members. */
#include "comm/group.h"

#include <stddef.h>

struct mpr_group mpr_mpi_group_empty = {
    .magic = MPR_GROUP_MAGIC,
    .size = 0,
    .rank = MPI_UNDEFINED,
    .refcount = 1,
    .world_ranks = NULL,
};
