/*
 * scatterv_linear: the root sends rank i its block (counts[i] elements at displs[i] * extent)
 * directly, all in one round. Any n, any counts (zero included) and displacements.
 * Cost: (n-1) alpha + sum(b_i) beta at the root.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_scatterv_linear(struct mpr_sched *s, const void *sbuf, const struct mpr_vblocks *v,
                        void *rbuf, size_t rbytes, int root, struct mpr_comm *comm)
{
    int n = comm->size, rc = 0;

    if (comm->rank != root) {
        rc = mpr_sched_recv(s, rbuf, rbytes, root);
    }
    for (int i = 0; i < n && rc == 0 && comm->rank == root; i++) {
        if (i != root) {
            rc = mpr_sched_send(s, (const char *)sbuf + (ptrdiff_t)v->displs[i] * (ptrdiff_t)v->ext,
                                (size_t)v->counts[i] * v->ext, i);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
