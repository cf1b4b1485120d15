/*
 * allreduce_recursive_doubling: log2 rounds of pairwise exchange-and-reduce among the largest
 * power of two p <= n ranks; the n - p extra ranks first fold their data into a neighbour and get
 * the result back at the end (Rabenseifner's handling of non-powers of two). Any n, any op:
 * every reduction is (lower ranks) op (higher ranks), so non-commutative ops are applied in rank
 * order, and both partners of an exchange compute the same expression, so every rank ends with
 * bitwise the same result. Cost: (log2 p + 2 [n != p]) (alpha + m beta) + log2 p m gamma.
 * The latency algorithm; for large m with commutative ops see allreduce_ring.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* Real rank of new rank v: the first 2*extra ranks pair up, odd ones stay. */
static int real_rank(int v, int extra)
{
    return v < extra ? 2 * v + 1 : v + extra;
}

/* Exchange with `partner` (real rank) and combine, lower side first. */
static int exchange(struct mpr_sched *s, void *rbuf, void *tmp, const struct mpr_red *r,
                    int partner, int partner_is_lower)
{
    int rc = mpr_sched_send(s, rbuf, r->bytes, partner);

    if (rc == 0) {
        rc = mpr_sched_recv(s, tmp, r->bytes, partner);
    }
    if (rc == 0 && partner_is_lower) {
        rc = mpr_sched_reduce(s, tmp, rbuf, r->count, r->dt, r->op);
    } else if (rc == 0) {
        rc = mpr_sched_reduce(s, rbuf, tmp, r->count, r->dt, r->op);
        if (rc == 0) {
            rc = mpr_sched_copy(s, rbuf, tmp, r->bytes);
        }
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

int mpr_allreduce_recursive_doubling(struct mpr_sched *s, void *rbuf, const struct mpr_red *r,
                                     struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, p = 1, rc = 0;
    void *tmp = mpr_sched_tmp(s, r->bytes);

    if (!tmp) {
        return -MPR_ERR_NOMEM;
    }
    while (p * 2 <= n) {
        p *= 2;
    }
    int extra = n - p, v;
    if (me < 2 * extra && me % 2 == 0) {
        /* Fold into the odd neighbour, take the result back at the end. */
        rc = mpr_sched_send(s, rbuf, r->bytes, me + 1);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        if (rc == 0) {
            rc = mpr_sched_recv(s, rbuf, r->bytes, me + 1);
        }
        return rc == 0 ? mpr_sched_round(s) : rc;
    }
    if (me < 2 * extra) {
        rc = mpr_sched_recv(s, tmp, r->bytes, me - 1);
        if (rc == 0) {
            rc = mpr_sched_reduce(s, tmp, rbuf, r->count, r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        v = me / 2;
    } else {
        v = me - extra;
    }
    for (int mask = 1; mask < p && rc == 0; mask <<= 1) {
        int pv = v ^ mask;
        rc = exchange(s, rbuf, tmp, r, real_rank(pv, extra), pv < v);
    }
    if (rc == 0 && me < 2 * extra) {
        rc = mpr_sched_send(s, rbuf, r->bytes, me - 1);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
