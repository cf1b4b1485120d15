/*
 * Node-local collectives through the shared segment, for blocking calls on a communicator whose
 * ranks all share it: MPI_COMM_WORLD of a one-node job, or a communicator with every world rank in
 * world order (a dup of it), which shares world's slots and generations. Each call is one
 * generation: a rank posts its contribution in its own slot and the ranks that need it read it
 * there once posted (the protocol and its invariants: shm_coll_impl.h). No messages, no rings: for
 * small data a call costs about one cache-line transfer per peer. Reductions combine the
 * contributions in rank order, x0 op x1 op ... op x(n-1), so results are bitwise identical on every
 * rank, and non-commutative ops are applied in rank order. Cost: alpha ~ one line transfer; n m
 * bytes read and (n - 1) m gamma per reducing rank.
 *
 * Every rank of a call must take the node-local path or none (each call consumes a generation),
 * so the callers decide from arguments every rank has identically; the rule of each collective
 * is at its function below.
 */
#ifndef MPR_SHM_COLL_H
#define MPR_SHM_COLL_H

#include <mpi.h>
#include "transport/shm/shm_segment.h"

#include <stddef.h>

struct mpr_comm;

/* Whether the node-local paths may serve this communicator. */
int mpr_shm_coll_usable(const struct mpr_comm *comm);
/* Largest contribution per rank the node-local allreduce carries. */
size_t mpr_shm_coll_max_bytes(void);
/* Largest message the node-local bcast carries (in chunks). */
#define MPR_SHM_COLL_BCAST_MAX MPR_SHM_COLL_BYTES

int mpr_shm_coll_barrier(struct mpr_comm *comm);
/* sbuf may be MPI_IN_PLACE (input in rbuf). bytes = count * extent <= max_bytes. */
int mpr_shm_coll_allreduce(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt,
                           MPI_Op op, struct mpr_comm *comm);
int mpr_shm_coll_bcast(void *buf, size_t bytes, int root, struct mpr_comm *comm);
/* block bytes per rank, n * block <= max_bytes for alltoall, block <= max_bytes for allgather. */
int mpr_shm_coll_allgather(const void *sbuf, void *rbuf, size_t block, struct mpr_comm *comm);
int mpr_shm_coll_alltoall(const void *sbuf, void *rbuf, size_t block, struct mpr_comm *comm);
/*
 * Reduce-scatter, commutative ops: this rank's block (`count` elements from element `first` of
 * the `total`-element input) reduced over all ranks in rank order. total * extent <= max_bytes.
 */
int mpr_shm_coll_reduce_scatter(const void *sbuf, void *rbuf, MPI_Count first, MPI_Count count,
                                MPI_Count total, MPI_Datatype dt, MPI_Op op, struct mpr_comm *comm);

/*
 * Reduce, scan, exscan: the allreduce rule, mpr_shm_coll_red_usable (count, type and op are the
 * same on every rank, so is the decision). Reduce: non-roots write and return; the root folds.
 * Exscan leaves rank 0's rbuf alone.
 */
int mpr_shm_coll_red_usable(const struct mpr_comm *comm, size_t bytes, MPI_Op op);
int mpr_shm_coll_reduce(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt, MPI_Op op,
                        int root, struct mpr_comm *comm);
int mpr_shm_coll_scan(const void *sbuf, void *rbuf, MPI_Count count, MPI_Datatype dt, MPI_Op op,
                      int exscan, struct mpr_comm *comm);

/*
 * The blocks of a rooted or v-collective where they live (the root's buffer for gather and
 * scatter, every rank's for allgatherv and alltoallv): block i is len bytes at off.
 * counts == NULL: uniform blocks of `block` bytes at i * block.
 */
struct mpr_shm_blocks {
    const int *counts, *displs; /* displs may be negative */
    size_t ext;                 /* bytes per count */
    size_t block;
};

static inline size_t mpr_shm_coll_len(const struct mpr_shm_blocks *b, int i)
{
    return b->counts ? (size_t)b->counts[i] * b->ext : b->block;
}

static inline ptrdiff_t mpr_shm_coll_off(const struct mpr_shm_blocks *b, int i)
{
    return b->counts ? (ptrdiff_t)b->displs[i] * (ptrdiff_t)b->ext
                     : (ptrdiff_t)i * (ptrdiff_t)b->block;
}

/*
 * Gather(v): each rank's block goes in its own slot; rb is the root's layout (read at the root
 * only). Gather: the block (the same bytes everywhere) <= max_bytes, checked by the caller.
 * Gatherv (v != 0): always node-local, as non-roots cannot know the other counts; a block above
 * max_bytes goes by message instead, which its sender and the root both see from its length.
 * sbuf may be MPI_IN_PLACE at the root.
 */
int mpr_shm_coll_gather(const void *sbuf, size_t sbytes, void *rbuf,
                        const struct mpr_shm_blocks *rb, int v, int root, struct mpr_comm *comm);
/* Largest block a slot split n ways carries per rank (scatter, alltoallv). */
size_t mpr_shm_coll_part_max(int n);
/*
 * Scatter(v): the root's slot split n ways. Scatter: the block <= mpr_shm_coll_part_max(n),
 * checked by the caller. Scatterv (v != 0): always node-local, a block too large for its part
 * by message. rbuf may be MPI_IN_PLACE at the root.
 */
int mpr_shm_coll_scatter(const void *sbuf, const struct mpr_shm_blocks *sb, void *rbuf,
                         size_t rbytes, int v, int root, struct mpr_comm *comm);
/* Allgatherv: every block <= max_bytes (every rank knows every count). sbuf may be in place. */
int mpr_shm_coll_allgatherv(const void *sbuf, void *rbuf, const struct mpr_shm_blocks *rb,
                            struct mpr_comm *comm);
/*
 * Alltoallv: always node-local (a rank knows only its own counts). Rank s's slot split n ways
 * carries its block for rank d at part d; a block too large for a part goes by message, which
 * sender and receiver both see from its length. sbuf == MPI_IN_PLACE: sent from rbuf with rb.
 */
int mpr_shm_coll_alltoallv(const void *sbuf, const struct mpr_shm_blocks *sb, void *rbuf,
                           const struct mpr_shm_blocks *rb, struct mpr_comm *comm);

#endif
