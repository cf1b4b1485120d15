/*
 * Process groups: an ordered set of processes, named by their MPI_COMM_WORLD ranks.
 * MPI_GROUP_EMPTY is the static object in group_predefined.c; other groups will be allocated and
 * reference counted by the group constructors.
 */
#ifndef MPR_GROUP_H
#define MPR_GROUP_H

#include <mpi.h>
#include <stdint.h>

#define MPR_GROUP_MAGIC 0x4d50526772707331ull /* "MPRgrps1": catches stale or foreign handles */

struct mpr_group {
    uint64_t magic;
    int size;
    int rank;         /* this process's rank in the group, MPI_UNDEFINED if not a member */
    int refcount;     /* MPI_GROUP_EMPTY is never freed */
    int *world_ranks; /* size entries: group rank -> MPI_COMM_WORLD rank; NULL when size is 0 */
};

#endif
