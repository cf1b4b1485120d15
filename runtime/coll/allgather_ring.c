/*
 * allgather_ring: n - 1 rounds; in round k each rank passes block (me - k) to rank + 1 and takes
 * block (me - k - 1) from rank - 1. Any n. Cost: (n - 1) (alpha + block beta) = (n - 1) alpha +
 * (n - 1)/n m beta, m = n * block: the least data per link, one message in flight per rank. The
 * bandwidth algorithm; for small blocks see allgather_bruck and allgather_recursive_doubling.
 */
#include "coll/algs.h"
#include "comm/comm.h"

int mpr_allgather_ring(struct mpr_sched *s, void *rbuf, size_t block, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, next = (me + 1) % n, prev = (me + n - 1) % n, rc = 0;
    char *b = rbuf;

    for (int k = 0; k < n - 1 && rc == 0; k++) {
        int sb = (me - k + n) % n, rb = (me - k - 1 + n) % n;
        rc = mpr_sched_send(s, b + (size_t)sb * block, block, next);
        if (rc == 0) {
            rc = mpr_sched_recv(s, b + (size_t)rb * block, block, prev);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}
