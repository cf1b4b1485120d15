/*
 * reduce_rabenseifner: a reduce-scatter by recursive halving among the largest power of two
 * p <= n ranks (after log2 p exchanges, each holds 1/p of the vector reduced over all), then a
 * binomial gather of the pieces to the root, retracing the halving. The n - p extra ranks first
 * fold their data into a neighbour, as in allreduce_recursive_doubling; a root that folded gets
 * the result from its neighbour at the end. Any n, any op: halving partners are aligned groups
 * of consecutive ranks and combine lower group first, so non-commutative ops keep rank order
 * (at the cost of one copy of the kept half on the lower side).
 * Cost: 2 log2 p alpha + 2 (p-1)/p m beta + (p-1)/p m gamma, plus alpha + m beta + m gamma when
 * n != p and alpha + m beta when the root folded. The bandwidth algorithm, for large m.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "op/op.h"

/* Element offset of piece c of p: the first count % p pieces one element larger. */
static MPI_Count piece_off(MPI_Count count, int p, int c)
{
    MPI_Count base = count / p, rem = count % p;

    return c * base + (c < rem ? c : rem);
}

/* Real rank of new rank v: the first 2*extra ranks pair up, the odd ones stay. */
static int real_rank(int v, int extra)
{
    return v < extra ? 2 * v + 1 : v + extra;
}

/* mine = (lower) op (higher) of mine and theirs, theirs being scratch. */
static int combine(struct mpr_sched *s, char *mine, char *theirs, MPI_Count cnt, size_t ext,
                   const struct mpr_red *r, int theirs_lower)
{
    int rc;

    if (theirs_lower || r->op->commutative) {
        return mpr_sched_reduce(s, theirs, mine, cnt, r->dt, r->op);
    }
    rc = mpr_sched_reduce(s, mine, theirs, cnt, r->dt, r->op);
    return rc == 0 ? mpr_sched_copy(s, mine, theirs, (size_t)cnt * ext) : rc;
}

/* Halving among new ranks: keep[k] / give[k] are the piece ranges [lo, hi) of step k. */
struct halves {
    int keep[32][2], give[32][2];
    int steps;
};

static int halve(struct mpr_sched *s, char *acc, char *tmp, const struct mpr_red *r, size_t ext,
                 int v, int p, int extra, struct halves *h)
{
    int lo = 0, hi = p, rc = 0;

    h->steps = 0;
    for (int mask = 1; mask < p && rc == 0; mask <<= 1, h->steps++) {
        int pv = v ^ mask, mid = lo + (hi - lo) / 2, *k = h->keep[h->steps];
        int *g = h->give[h->steps];
        k[0] = v < pv ? lo : mid;
        k[1] = v < pv ? mid : hi;
        g[0] = v < pv ? mid : lo;
        g[1] = v < pv ? hi : mid;
        MPI_Count koff = piece_off(r->count, p, k[0]), kcnt = piece_off(r->count, p, k[1]) - koff;
        MPI_Count goff = piece_off(r->count, p, g[0]), gcnt = piece_off(r->count, p, g[1]) - goff;
        rc = mpr_sched_send(s, acc + goff * ext, (size_t)gcnt * ext, real_rank(pv, extra));
        if (rc == 0) {
            rc = mpr_sched_recv(s, tmp, (size_t)kcnt * ext, real_rank(pv, extra));
        }
        if (rc == 0) {
            rc = combine(s, acc + koff * ext, tmp, kcnt, ext, r, pv < v);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        lo = k[0], hi = k[1];
    }
    return rc;
}

/* Retrace the halving toward new rank vroot: at each step one side of a pair hands its range
 * to the side on vroot's path, then drops out. */
static int gather(struct mpr_sched *s, char *acc, const struct mpr_red *r, size_t ext, int v,
                  int vroot, int p, int extra, const struct halves *h)
{
    int rc = 0, active = 1;

    for (int k = h->steps - 1; k >= 0 && active && rc == 0; k--) {
        int mask = 1 << k, peer = real_rank(v ^ mask, extra);
        int recv = (v & mask) == (vroot & mask);
        const int *rg = recv ? h->give[k] : h->keep[k];
        MPI_Count off = piece_off(r->count, p, rg[0]), cnt = piece_off(r->count, p, rg[1]) - off;
        if (recv) {
            rc = mpr_sched_recv(s, acc + off * ext, (size_t)cnt * ext, peer);
        } else {
            rc = mpr_sched_send(s, acc + off * ext, (size_t)cnt * ext, peer);
            active = 0;
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}

int mpr_reduce_rabenseifner(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                            int root, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, p = 1, rc = 0;
    size_t ext = r->count ? r->bytes / (size_t)r->count : 0;
    struct halves h;

    while (p * 2 <= n) {
        p *= 2;
    }
    int extra = n - p, holder = root < 2 * extra && root % 2 == 0 ? root + 1 : root;
    int vroot = holder < 2 * extra ? holder / 2 : holder - extra, v;
    if (me < 2 * extra && me % 2 == 0) {
        /* Fold into the odd neighbour; a root here gets the result from it at the end. */
        rc = mpr_sched_send(s, x, r->bytes, me + 1);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        if (rc == 0 && me == root) {
            rc = mpr_sched_recv(s, rbuf, r->bytes, holder);
        }
        return rc == 0 ? mpr_sched_round(s) : rc;
    }
    char *acc = me == root ? rbuf : mpr_sched_tmp(s, r->bytes), *tmp = mpr_sched_tmp(s, r->bytes);
    if (!acc || !tmp) {
        return -MPR_ERR_NOMEM;
    }
    if (acc != x) {
        rc = mpr_sched_copy(s, acc, x, r->bytes);
    }
    if (rc == 0 && me < 2 * extra) {
        rc = mpr_sched_recv(s, tmp, r->bytes, me - 1);
        if (rc == 0) {
            rc = mpr_sched_reduce(s, tmp, acc, r->count, r->dt, r->op);
        }
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    v = me < 2 * extra ? me / 2 : me - extra;
    if (rc == 0) {
        rc = halve(s, acc, tmp, r, ext, v, p, extra, &h);
    }
    if (rc == 0) {
        rc = gather(s, acc, r, ext, v, vroot, p, extra, &h);
    }
    if (rc == 0 && me == holder && holder != root) {
        rc = mpr_sched_send(s, acc, r->bytes, root);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
