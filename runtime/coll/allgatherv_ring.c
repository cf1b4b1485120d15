/*
 * allgatherv_ring: allgather_ring with blocks of their own length and place: n - 1 rounds, in
 * round k each rank passes block (me - k) to rank + 1 and takes block (me - k - 1) from rank - 1.
 * Any n, any counts (zero too) and displacements. Cost: (n - 1) alpha + sum over the rounds of
 * the largest block in flight times beta; (n - 1)/n m beta when the blocks are even.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_allgatherv_ring(struct mpr_sched *s, const struct mpr_agv *x, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, next = (me + 1) % n, prev = (me + n - 1) % n, rc = 0;

    for (int k = 0; k < n - 1 && rc == 0; k++) {
        int sb = (me - k + n) % n, rb = (me - k - 1 + n) % n;
        rc = mpr_sched_send(s, x->rbuf + x->off[sb], x->len[sb], next);
        if (rc == 0) {
            rc = mpr_sched_recv(s, x->rbuf + x->off[rb], x->len[rb], prev);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}
