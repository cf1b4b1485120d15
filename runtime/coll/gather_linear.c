/*
 * gather_linear: every rank sends its block straight to the root, which receives them all in
 * one round. Any n. Cost: (n-1) alpha + (n-1) b beta at the root (b bytes per rank), no
 * intermediate copies: the bandwidth algorithm on one node, where the root's receives proceed
 * in parallel; for small blocks see gather_binomial.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_gather_linear(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                      struct mpr_comm *comm)
{
    int n = comm->size, rc = 0;

    if (comm->rank != root) {
        rc = mpr_sched_send(s, sbuf, block, root);
    }
    for (int i = 0; i < n && rc == 0 && comm->rank == root; i++) {
        if (i != root) {
            rc = mpr_sched_recv(s, (char *)rbuf + (size_t)i * block, block, i);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
