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
struct mpr_topo;
struct mpr_attr;

struct mpr_comm {
    uint64_t magic;
    int rank;
    int size;
    uint32_t context_id;
    uint32_t coll_seq; /* collectives started on it so far: the next one's tag */
    const int *world;  /* world rank of each comm rank; NULL: the identity (MPI_COMM_WORLD) */
    int world_order;   /* every world rank, in world order (a dup of MPI_COMM_WORLD, say) */
    struct mpr_errhandler *errhandler;
    int predefined;         /* MPI_COMM_WORLD, MPI_COMM_SELF: static, never freed */
    struct mpr_topo *topo;  /* virtual topology (comm/topo.h), NULL when none */
    struct mpr_attr *attrs; /* user attributes (comm/attr.h), in the order they were set */
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

/*
 * Communicator construction (comm/comm.c). All are collective over the parent communicator and
 * return 0, a negative MPR_ERR_*, or (dup and free) the positive MPI error code a user attribute
 * callback returned; *out is set only on success. The new communicator has the
 * parent's error handler, no name, no topology and no attributes (dup copies attributes through
 * their copy callbacks and the topology).
 *
 * split: members with the same color form one communicator, ordered by (key, parent rank);
 * color MPI_UNDEFINED gives *out = NULL (MPI_COMM_NULL).
 */
int mpr_comm_split(struct mpr_comm *parent, int color, int key, struct mpr_comm **out);
int mpr_comm_dup(struct mpr_comm *parent, struct mpr_comm **out);
/*
 * A communicator of the parent ranks ranks[0..n) (new rank i is parent rank ranks[i]); called by
 * every parent member, with the same arguments; non-members get *out = NULL.
 */
int mpr_comm_create_ranks(struct mpr_comm *parent, int n, const int *ranks, struct mpr_comm **out);
/*
 * MPI_Comm_create_group: called by the n members only; members[i] is the world rank of new rank
 * i, me this process's index. tag keeps concurrent calls on one parent apart.
 */
int mpr_comm_create_group(struct mpr_comm *parent, const int *members, int n, int me, int tag,
                          struct mpr_comm **out);
/* Release a communicator made by the functions above: attributes deleted, topology freed. */
int mpr_comm_free(struct mpr_comm *c);

/* Fill in rank and size of the predefined communicators from the process state. */
void mpr_comm_world_init(void);

#endif
