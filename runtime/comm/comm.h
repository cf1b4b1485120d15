/* Communicators. MPI_COMM_WORLD and MPI_COMM_SELF are static objects defined in comm_world.c. */
#ifndef MPR_COMM_H
#define MPR_COMM_H

#include <mpi.h>
#include <stdint.h>

#define MPR_COMM_MAGIC 0x4d5052636f6d6d31ull /* "MPRcomm1": catches stale or foreign handles */

/*
 * Context ids are even: point-to-point of a communicator matches on context_id, its collectives
 * on context_id + 1 (MPR_COLL_CTX), so the two never see each other's messages.
 */
struct mpr_comm {
    uint64_t magic;
    int rank;
    int size;
    uint32_t context_id;
    uint32_t coll_seq; /* collectives started on it so far: the next one's tag */
    const int *world; /* world rank of each comm rank; NULL: the identity (MPI_COMM_WORLD) */
    struct mpr_errhandler *errhandler;
    char name[MPI_MAX_OBJECT_NAME];
};

static inline uint32_t mpr_comm_coll_ctx(const struct mpr_comm *c)
{
    return c->context_id + 1;
}

static inline int mpr_comm_world_rank(const struct mpr_comm *c, int rank)
{
    return c->world ? c->world[rank] : rank;
}

/* Fill in rank and size of the predefined communicators from the process state. */
void mpr_comm_world_init(void);

#endif
