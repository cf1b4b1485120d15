/*
 * Node-local collectives through the shared segment, for blocking calls on a communicator whose
 * ranks all share it (MPI_COMM_WORLD of a one-node job). Each call is one generation: a rank
 * posts its contribution in its own slot, waits until the others have posted, reads theirs, and
 * marks itself done. No messages, no rings: for small data a call costs about one cache-line
 * transfer per peer. Every rank reduces all contributions itself, in rank order, so results are
 * bitwise identical everywhere and non-commutative ops are applied in rank order.
 * Cost: alpha ~ one line transfer; n m bytes read and (n - 1) m gamma per rank.
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
                                MPI_Count total, MPI_Datatype dt, MPI_Op op,
                                struct mpr_comm *comm);

#endif
