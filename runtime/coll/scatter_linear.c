/*
 * scatter_linear: the root sends every rank its block directly, all in one round. Any n.
 * Cost: (n-1) alpha + (n-1) b beta at the root (b bytes per rank), no intermediate copies: the
 * bandwidth algorithm on one node; for small blocks see scatter_binomial.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_scatter_linear(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                       struct mpr_comm *comm)
{
    int n = comm->size, rc = 0;

    if (comm->rank != root) {
        rc = mpr_sched_recv(s, rbuf, block, root);
    }
    for (int i = 0; i < n && rc == 0 && comm->rank == root; i++) {
        if (i != root) {
            rc = mpr_sched_send(s, (const char *)sbuf + (size_t)i * block, block, i);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
