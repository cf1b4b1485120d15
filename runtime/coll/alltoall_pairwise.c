/*
 * alltoall_pairwise: n - 1 rounds; in round k each rank sends to rank + k and receives from
 * rank - k, so every rank has one message in and one out at a time. In place (MPI 2.2), what
 * goes to a peer must leave before what comes from it lands in the same spot, so the rounds pair
 * ranks symmetrically instead (round k: me with k - me, n or n - 1 rounds) and the outgoing data
 * is first copied to a scratch block. Any n, per-peer sizes and places (alltoall, alltoallv,
 * alltoallw all map to it). Cost: (n - 1) (alpha + m/n beta), m the bytes sent by one rank
 * (+ m copied in place). The bandwidth algorithm; see alltoall_bruck for small blocks.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

static int in_place(struct mpr_sched *s, const struct mpr_a2a *x, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc = 0;
    size_t max = 0;
    char *tmp;

    for (int i = 0; i < n; i++) {
        max = x->rlen[i] > max ? x->rlen[i] : max;
    }
    tmp = mpr_sched_tmp(s, max);
    if (!tmp) {
        return -MPR_ERR_NOMEM;
    }
    /*
     * Round k: me and (k - me) mod n swap in place. The copy out for a round is a local step of
     * the round before, which runs once that round's send from tmp has completed.
     */
    for (int k = 0; k < n && rc == 0; k++) {
        int p = (k - me + n) % n;
        if (p == me) {
            continue;
        }
        rc = mpr_sched_copy(s, tmp, x->rbuf + x->roff[p], x->rlen[p]);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        if (rc == 0) {
            rc = mpr_sched_send(s, tmp, x->rlen[p], p);
        }
        if (rc == 0) {
            rc = mpr_sched_recv(s, x->rbuf + x->roff[p], x->rlen[p], p);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

int mpr_alltoall_pairwise(struct mpr_sched *s, const struct mpr_a2a *x, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc;
    size_t own = x->slen[me] < x->rlen[me] ? x->slen[me] : x->rlen[me];

    if (!x->sbuf) {
        return in_place(s, x, comm);
    }
    rc = mpr_sched_copy(s, x->rbuf + x->roff[me], x->sbuf + x->soff[me], own);
    for (int k = 1; k < n && rc == 0; k++) {
        int to = (me + k) % n, from = (me - k + n) % n;
        rc = mpr_sched_send(s, x->sbuf + x->soff[to], x->slen[to], to);
        if (rc == 0) {
            rc = mpr_sched_recv(s, x->rbuf + x->roff[from], x->rlen[from], from);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
