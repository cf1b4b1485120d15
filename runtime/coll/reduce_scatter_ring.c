/*
 * reduce_scatter_ring: n - 1 rounds; block c starts at rank c + 1 and goes once round the ring,
 * each rank adding its own part of it, so in round k a rank passes on the partial block
 * (me - k - 1) and receives block (me - k - 2), and the last block it receives is its own.
 * Commutative ops only (block c is reduced in ring order from rank c + 1); each block is
 * reduced at one rank, so the result does not depend on where it is read. Any n, any counts.
 * Cost: (n - 1) (alpha + m/n beta + m/n gamma), m the input bytes: the bandwidth algorithm.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

int mpr_reduce_scatter_ring(struct mpr_sched *s, const struct mpr_rs *x, const struct mpr_red *r,
                            struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, next = (me + 1) % n, prev = (me + n - 1) % n, rc = 0;
    size_t ext = r->count ? r->bytes / (size_t)r->count : 0;
    const char *in = x->in, *res;
    MPI_Count max = 0;
    char *buf[2];

    for (int i = 0; i < n; i++) {
        max = x->cnt[i] > max ? x->cnt[i] : max;
    }
    buf[0] = mpr_sched_tmp(s, (size_t)max * ext);
    buf[1] = mpr_sched_tmp(s, (size_t)max * ext);
    if (!buf[0] || !buf[1]) {
        return -MPR_ERR_NOMEM;
    }
    /* The partial block received in one round is sent on in the next: alternate two buffers. */
    for (int k = 0; k < n - 1 && rc == 0; k++) {
        int sb = (me - k - 1 + n) % n, rb = (me - k - 2 + 2 * n) % n;
        const char *out = k == 0 ? in + (size_t)x->disp[sb] * ext : buf[(k + 1) % 2];
        char *cur = buf[k % 2];
        rc = mpr_sched_send(s, out, (size_t)x->cnt[sb] * ext, next);
        if (rc == 0) {
            rc = mpr_sched_recv(s, cur, (size_t)x->cnt[rb] * ext, prev);
        }
        if (rc == 0) {
            rc = mpr_sched_reduce(s, in + (size_t)x->disp[rb] * ext, cur, x->cnt[rb], r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    /* The own block, now reduced over all ranks (or the input itself when n == 1). */
    res = n > 1 ? buf[(n - 2) % 2] : in + (size_t)x->disp[me] * ext;
    if (rc == 0) {
        rc = mpr_sched_copy(s, x->rbuf, res, (size_t)x->cnt[me] * ext);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
