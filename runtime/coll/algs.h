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

/* Reduce: x is this rank's input (rbuf at a root called in place); only the root's rbuf is set. */
int mpr_reduce_binomial(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                        int root, struct mpr_comm *comm);
int mpr_reduce_rabenseifner(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                            int root, struct mpr_comm *comm);

/*
 * Gather, scatter: rank i's block is `block` bytes at rbuf (gather) or sbuf (scatter) + i * block
 * at the root; the entry point already placed the root's own block (or it is in place).
 */
int mpr_gather_binomial(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                        struct mpr_comm *comm);
int mpr_gather_linear(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                      struct mpr_comm *comm);
int mpr_scatter_binomial(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                         struct mpr_comm *comm);
int mpr_scatter_linear(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                       struct mpr_comm *comm);

/* The root's side of gatherv, scatterv: rank i's block is counts[i] elements at displs[i] * ext. */
struct mpr_vblocks {
    const int *counts, *displs; /* displs may be negative */
    size_t ext;
};
int mpr_gatherv_linear(struct mpr_sched *s, const void *sbuf, size_t sbytes, void *rbuf,
                       const struct mpr_vblocks *v, int root, struct mpr_comm *comm);
int mpr_scatterv_linear(struct mpr_sched *s, const void *sbuf, const struct mpr_vblocks *v,
                        void *rbuf, size_t rbytes, int root, struct mpr_comm *comm);

/*
 * Scan (exscan == 0) and exscan: x is this rank's input. For scan, rbuf already holds it
 * (x == rbuf); for exscan x may be rbuf (in place) and rank 0's rbuf is left alone.
 */
int mpr_scan_linear(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                    int exscan, struct mpr_comm *comm);
int mpr_scan_recursive_doubling(struct mpr_sched *s, const void *x, void *rbuf,
                                const struct mpr_red *r, int exscan, struct mpr_comm *comm);

/*
 * Allgather: block i (of `block` bytes) belongs at rbuf + i * block; rbuf already holds this
 * rank's block (the entry point copies sbuf unless in place).
 */
int mpr_allgather_recursive_doubling(struct mpr_sched *s, void *rbuf, size_t block,
                                     struct mpr_comm *comm);
int mpr_allgather_bruck(struct mpr_sched *s, void *rbuf, size_t block, struct mpr_comm *comm);
int mpr_allgather_ring(struct mpr_sched *s, void *rbuf, size_t block, struct mpr_comm *comm);

/* Allgatherv: block i is len[i] bytes at rbuf + off[i]; this rank's block is in place. */
struct mpr_agv {
    char *rbuf;
    const size_t *len;
    const MPI_Aint *off; /* may be negative */
};
int mpr_allgatherv_ring(struct mpr_sched *s, const struct mpr_agv *x, struct mpr_comm *comm);
int mpr_allgatherv_linear(struct mpr_sched *s, const struct mpr_agv *x, struct mpr_comm *comm);

/*
 * All-to-all in bytes: slen[i] bytes at sbuf + soff[i] go to rank i, rlen[i] bytes from rank i
 * land at rbuf + roff[i]. sbuf == NULL: in place, what goes to rank i is first read from where
 * its data lands (rbuf + roff[i], rlen[i] bytes).
 */
struct mpr_a2a {
    const char *sbuf;
    char *rbuf;
    const size_t *slen, *rlen;
    const MPI_Aint *soff, *roff; /* may be negative */
};
int mpr_alltoall_pairwise(struct mpr_sched *s, const struct mpr_a2a *x, struct mpr_comm *comm);
int mpr_alltoall_linear(struct mpr_sched *s, const struct mpr_a2a *x, struct mpr_comm *comm);
/* Uniform blocks of `block` bytes; sbuf == NULL: in place. */
int mpr_alltoall_bruck(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block,
                       struct mpr_comm *comm);

/*
 * Reduce-scatter: `in` holds n blocks, block i is cnt[i] elements at element offset disp[i]
 * (disp[n] is the total); block `rank` reduced over all ranks lands at rbuf. in == rbuf: in place
 * (the input may be overwritten). r->count and r->bytes describe the whole input.
 */
struct mpr_rs {
    const void *in;
    void *rbuf;
    const MPI_Count *cnt, *disp;
};
int mpr_reduce_scatter_recursive_halving(struct mpr_sched *s, const struct mpr_rs *x,
                                         const struct mpr_red *r, struct mpr_comm *comm);
int mpr_reduce_scatter_ring(struct mpr_sched *s, const struct mpr_rs *x, const struct mpr_red *r,
                            struct mpr_comm *comm);
int mpr_reduce_scatter_reduce_scatterv(struct mpr_sched *s, const struct mpr_rs *x,
                                       const struct mpr_red *r, struct mpr_comm *comm);

#endif
