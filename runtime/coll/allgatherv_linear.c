/*
 * allgatherv_linear: one round in which every rank sends its block to every other rank and
 * receives theirs. Any n, any counts and displacements. Cost: (n - 1) (alpha + block beta) out of
 * each rank, all in flight at once: one round where the ring takes n - 1, for few ranks and small
 * blocks.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_allgatherv_linear(struct mpr_sched *s, const struct mpr_agv *x, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc = 0;

    for (int k = 1; k < n && rc == 0; k++) {
        int to = (me + k) % n, from = (me - k + n) % n;
        rc = mpr_sched_send(s, x->rbuf + x->off[me], x->len[me], to);
        if (rc == 0) {
            rc = mpr_sched_recv(s, x->rbuf + x->off[from], x->len[from], from);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
