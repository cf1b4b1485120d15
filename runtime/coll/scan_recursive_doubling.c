/*
 * scan_recursive_doubling: log2 rounds of pairwise exchange: at the step with distance 2^k,
 * rank r and r ^ 2^k swap the reduction of their aligned group of 2^k ranks ('partial'); each
 * folds the other's into its partial, and the higher one also into its result. Groups are runs
 * of consecutive ranks and every combination is (lower ranks) op (higher ranks), so
 * non-commutative ops keep rank order and the result is deterministic. Scan and exscan (whose
 * result starts as the first lower group received). Any n.
 * Cost: ceil(log2 n) (alpha + m beta + 2 m gamma). The latency algorithm.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* The result on the higher side: inclusive rbuf = t op rbuf; exclusive starts as t. */
static int fold_result(struct mpr_sched *s, const void *t, void *rbuf, const struct mpr_red *r,
                       int exscan, int *have)
{
    int rc;

    if (exscan && !*have) {
        rc = mpr_sched_copy(s, rbuf, t, r->bytes);
    } else {
        rc = mpr_sched_reduce(s, t, rbuf, r->count, r->dt, r->op);
    }
    *have = 1;
    return rc;
}

int mpr_scan_recursive_doubling(struct mpr_sched *s, const void *x, void *rbuf,
                                const struct mpr_red *r, int exscan, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc = 0, have = 0;
    char *buf[2] = {NULL, NULL};
    const char *part = x; /* this rank's group reduced; x until first changed */

    if (n > 1) {
        buf[0] = mpr_sched_tmp(s, r->bytes);
        buf[1] = mpr_sched_tmp(s, r->bytes);
        if (!buf[0] || !buf[1]) {
            return -MPR_ERR_NOMEM;
        }
    }
    for (int mask = 1; mask < n && rc == 0; mask <<= 1) {
        int peer = me ^ mask;
        if (peer >= n) {
            continue;
        }
        /* t: a scratch buffer that is not part; the other one is free as well. */
        char *t = part == buf[0] ? buf[1] : buf[0], *o = t == buf[0] ? buf[1] : buf[0];
        rc = mpr_sched_send(s, part, r->bytes, peer);
        if (rc == 0) {
            rc = mpr_sched_recv(s, t, r->bytes, peer);
        }
        if (rc == 0 && peer > me) {
            /* part = part op t, computed into t. */
            rc = mpr_sched_reduce(s, part, t, r->count, r->dt, r->op);
            part = t;
        } else if (rc == 0) {
            /* part = t op part; x is never written: copy it to scratch first (it may be rbuf). */
            if (part != o && part != t) {
                rc = mpr_sched_copy(s, o, part, r->bytes);
                part = o;
            }
            if (rc == 0) {
                rc = mpr_sched_reduce(s, t, (char *)part, r->count, r->dt, r->op);
            }
            if (rc == 0) {
                rc = fold_result(s, t, rbuf, r, exscan, &have);
            }
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}
