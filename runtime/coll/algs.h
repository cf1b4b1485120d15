/*
 * The collective algorithms: each adds its steps to a schedule (coll/sched.h) and returns 0 or
 * -MPR_ERR_NOMEM. One algorithm per file, named <collective>_<algorithm>.c, opening with when it
 * applies and its cost (alpha: per message, beta: per byte, gamma: per reduced byte; n ranks,
 * m bytes). Buffers are contiguous; `bytes` counts are count * type extent.
 */
#ifndef MPR_COLL_ALGS_H
#define MPR_COLL_ALGS_H

#include "coll/sched.h"

#include <mpi.h>
#include <stddef.h>

struct mpr_comm;

/* Reduction arguments shared by the reduce family. */
struct mpr_red {
    MPI_Count count;
    MPI_Datatype dt;
    MPI_Op op;
    size_t bytes; /* count * extent */
};

int mpr_barrier_dissemination(struct mpr_sched *s, struct mpr_comm *comm);

int mpr_bcast_binomial(struct mpr_sched *s, void *buf, size_t bytes, int root,
                       struct mpr_comm *comm);
int mpr_bcast_scatter_allgather(struct mpr_sched *s, void *buf, size_t bytes, int root,
                                struct mpr_comm *comm);

/* rbuf already holds this rank's contribution (the entry point copies sbuf unless in place). */
int mpr_allreduce_recursive_doubling(struct mpr_sched *s, void *rbuf, const struct mpr_red *r,
                                     struct mpr_comm *comm);
int mpr_allreduce_ring(struct mpr_sched *s, void *rbuf, const struct mpr_red *r,
                       struct mpr_comm *comm);

#endif
