/*
 * bcast_binomial: a binomial tree rooted at `root`: each rank receives the whole message from
 * its parent, then sends it to its children. Any n. Cost: ceil(log2 n) (alpha + m beta) on the
 * critical path. The latency algorithm; for large m see bcast_scatter_allgather.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_bcast_binomial(struct mpr_sched *s, void *buf, size_t bytes, int root,
                       struct mpr_comm *comm)
{
    int n = comm->size, vr = (comm->rank - root + n) % n, mask = 1, rc = 0;

    /* Receive from the parent: vr without its lowest set bit. */
    while (mask < n) {
        if (vr & mask) {
            rc = mpr_sched_recv(s, buf, bytes, ((vr - mask) + root) % n);
            if (rc == 0) {
                rc = mpr_sched_round(s);
            }
            break;
        }
        mask <<= 1;
    }
    /* Send to the children: vr + 2^k for every 2^k below that bit. */
    for (mask >>= 1; mask > 0 && rc == 0; mask >>= 1) {
        if (vr + mask < n) {
            rc = mpr_sched_send(s, buf, bytes, (vr + mask + root) % n);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
