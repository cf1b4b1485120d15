/*
 * barrier_dissemination: ceil(log2 n) rounds; in round k each rank sends an empty message to
 * rank + 2^k and receives one from rank - 2^k (mod n). Any n. Cost: ceil(log2 n) alpha.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_barrier_dissemination(struct mpr_sched *s, struct mpr_comm *comm)
{
    int n = comm->size, r = comm->rank, rc = 0;

    for (int d = 1; d < n && rc == 0; d <<= 1) {
        rc = mpr_sched_send(s, NULL, 0, (r + d) % n);
        if (rc == 0) {
            rc = mpr_sched_recv(s, NULL, 0, (r - d + n) % n);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}
