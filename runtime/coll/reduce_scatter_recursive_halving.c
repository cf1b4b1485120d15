/*
 * reduce_scatter_recursive_halving: log2 p rounds among the largest power of two p <= n ranks;
 * each round splits the blocks a rank is still responsible for in two halves, sends the half
 * its partner (v ^ d) keeps and reduces the half it keeps with what the partner sends. The
 * n - p extra ranks (the even ones among the first 2 (n - p)) first fold their whole input into
 * their odd neighbour, which then stands for both, and get their block from it at the end.
 * A virtual rank's blocks are a contiguous run of real blocks, so every exchange is one message.
 * Commutative ops only; each block is reduced at one rank. Any n, any counts.
 * Cost: log2 p alpha + (p - 1)/p m beta + (p - 1)/p m gamma, plus 2 alpha + m (beta + gamma)
 * for the fold when n != p; m the input bytes. The latency algorithm; see reduce_scatter_ring.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* First real block of virtual rank v (v == p gives n). */
static int first_block(int v, int extra)
{
    return v < extra ? 2 * v : v + extra;
}

static int real_rank(int v, int extra)
{
    return v < extra ? 2 * v + 1 : v + extra;
}

/* The halving rounds, run by virtual rank v on the working copy w. */
static int halve(struct mpr_sched *s, char *w, char *tmp, int v, int p, int extra, size_t ext,
                 const struct mpr_rs *x, const struct mpr_red *r)
{
    int lo = 0, rc = 0; /* this rank is responsible for virtual ranks [lo, lo + 2d) */

    for (int d = p / 2; d >= 1 && rc == 0; d /= 2) {
        int pv = v ^ d, keep = v < pv ? lo : lo + d, give = v < pv ? lo + d : lo;
        MPI_Count k0 = x->disp[first_block(keep, extra)];
        MPI_Count k1 = x->disp[first_block(keep + d, extra)];
        MPI_Count g0 = x->disp[first_block(give, extra)];
        MPI_Count g1 = x->disp[first_block(give + d, extra)];
        rc = mpr_sched_send(s, w + (size_t)g0 * ext, (size_t)(g1 - g0) * ext, real_rank(pv, extra));
        if (rc == 0) {
            rc = mpr_sched_recv(s, tmp, (size_t)(k1 - k0) * ext, real_rank(pv, extra));
        }
        if (rc == 0) {
            rc = mpr_sched_reduce(s, tmp, w + (size_t)k0 * ext, k1 - k0, r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        lo = keep;
    }
    return rc;
}

int mpr_reduce_scatter_recursive_halving(struct mpr_sched *s, const struct mpr_rs *x,
                                         const struct mpr_red *r, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, p = 1, rc = 0, v;
    size_t ext = r->count ? r->bytes / (size_t)r->count : 0;
    char *w = x->in == x->rbuf ? x->rbuf : mpr_sched_tmp(s, r->bytes);
    char *tmp = mpr_sched_tmp(s, r->bytes);

    if (!w || !tmp) {
        return -MPR_ERR_NOMEM;
    }
    if (w != x->in) {
        rc = mpr_sched_copy(s, w, x->in, r->bytes);
    }
    while (p * 2 <= n) {
        p *= 2;
    }
    int extra = n - p;
    if (rc == 0 && me < 2 * extra && me % 2 == 0) {
        rc = mpr_sched_round(s);
        if (rc == 0) {
            rc = mpr_sched_send(s, w, r->bytes, me + 1);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        if (rc == 0) {
            rc = mpr_sched_recv(s, x->rbuf, (size_t)x->cnt[me] * ext, me + 1);
        }
        return rc == 0 ? mpr_sched_round(s) : rc;
    }
    if (rc == 0 && me < 2 * extra) {
        rc = mpr_sched_round(s);
        if (rc == 0) {
            rc = mpr_sched_recv(s, tmp, r->bytes, me - 1);
        }
        if (rc == 0) {
            rc = mpr_sched_reduce(s, tmp, w, r->count, r->dt, r->op);
        }
        v = me / 2;
    } else {
        v = me - extra;
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    if (rc == 0) {
        rc = halve(s, w, tmp, v, p, extra, ext, x, r);
    }
    if (rc == 0 && me < 2 * extra) {
        rc = mpr_sched_send(s, w + (size_t)x->disp[me - 1] * ext, (size_t)x->cnt[me - 1] * ext,
                            me - 1);
    }
    if (rc == 0) {
        rc = mpr_sched_copy(s, x->rbuf, w + (size_t)x->disp[me] * ext, (size_t)x->cnt[me] * ext);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
