/*
 * allgather_bruck: ceil(log2 n) rounds; at the round of distance d each rank sends the blocks it
 * has gathered so far (at most d) to rank - d and receives as many from rank + d, so after the
 * last round it holds the blocks of ranks me, me + 1, ... in that order in a scratch buffer; a
 * local rotation puts them in place. Any n. Cost: ceil(log2 n) alpha + (n - 1)/n m beta + m
 * local copy, m = n * block. The latency algorithm for any n (small blocks); see
 * allgather_ring for large ones.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

int mpr_allgather_bruck(struct mpr_sched *s, void *rbuf, size_t block, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc;
    char *b = rbuf, *tmp = mpr_sched_tmp(s, (size_t)n * block);

    if (!tmp) {
        return -MPR_ERR_NOMEM;
    }
    /* Invariant: tmp block i holds the block of rank (me + i) % n for every i < d. */
    rc = mpr_sched_copy(s, tmp, b + (size_t)me * block, block);
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    for (int d = 1; d < n && rc == 0; d <<= 1) {
        size_t cnt = (size_t)(d < n - d ? d : n - d);
        rc = mpr_sched_send(s, tmp, cnt * block, (me - d + n) % n);
        if (rc == 0) {
            rc = mpr_sched_recv(s, tmp + (size_t)d * block, cnt * block, (me + d) % n);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    if (rc == 0) {
        rc = mpr_sched_copy(s, b + (size_t)me * block, tmp, (size_t)(n - me) * block);
    }
    if (rc == 0) {
        rc = mpr_sched_copy(s, b, tmp + (size_t)(n - me) * block, (size_t)me * block);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
