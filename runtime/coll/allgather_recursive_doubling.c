/*
 * allgather_recursive_doubling: log2 p rounds among the largest power of two p <= n ranks; at
 * the round of distance d each rank swaps the d virtual ranks' blocks it holds with partner
 * v ^ d, so the blocks held double every round. The n - p extra ranks (the even ones among the
 * first 2 (n - p)) first hand their block to their odd neighbour, which then stands for both,
 * and get the whole result back at the end. Because a virtual rank's blocks are a contiguous
 * run of real blocks, every exchange is one message. Any n, any block size.
 * Cost: (log2 p + 2 [n != p]) alpha + (n - 1)/n m beta (+ m beta for the fold), m = n * block.
 * The latency algorithm for powers of two; see allgather_bruck (any n) and allgather_ring.
 */
#include "coll/algs.h"
#include "comm/comm.h"

/* First real block of virtual rank v (v == p gives n). */
static int first_block(int v, int extra)
{
    return v < extra ? 2 * v : v + extra;
}

static int real_rank(int v, int extra)
{
    return v < extra ? 2 * v + 1 : v + extra;
}

int mpr_allgather_recursive_doubling(struct mpr_sched *s, void *rbuf, size_t block,
                                     struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, p = 1, rc = 0, v;
    char *b = rbuf;

    while (p * 2 <= n) {
        p *= 2;
    }
    int extra = n - p;
    if (me < 2 * extra && me % 2 == 0) {
        rc = mpr_sched_send(s, b + (size_t)me * block, block, me + 1);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        if (rc == 0) {
            rc = mpr_sched_recv(s, b, (size_t)n * block, me + 1);
        }
        return rc == 0 ? mpr_sched_round(s) : rc;
    }
    if (me < 2 * extra) {
        rc = mpr_sched_recv(s, b + (size_t)(me - 1) * block, block, me - 1);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        v = me / 2;
    } else {
        v = me - extra;
    }
    for (int d = 1; d < p && rc == 0; d <<= 1) {
        int pv = v ^ d, mine = v & ~(d - 1), theirs = pv & ~(d - 1);
        int m0 = first_block(mine, extra), m1 = first_block(mine + d, extra);
        int t0 = first_block(theirs, extra), t1 = first_block(theirs + d, extra);
        rc = mpr_sched_send(s, b + (size_t)m0 * block, (size_t)(m1 - m0) * block,
                            real_rank(pv, extra));
        if (rc == 0) {
            rc = mpr_sched_recv(s, b + (size_t)t0 * block, (size_t)(t1 - t0) * block,
                                real_rank(pv, extra));
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    if (rc == 0 && me < 2 * extra) {
        rc = mpr_sched_send(s, b, (size_t)n * block, me - 1);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
