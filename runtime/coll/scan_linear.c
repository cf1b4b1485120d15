/*
 * scan_linear: a chain in rank order: rank r receives the prefix x_0 op ... op x_(r-1) from
 * r - 1, combines it with its own x_r (prefix first) and passes the new prefix to r + 1. Scan
 * and exscan, any n, any op; each prefix is computed once, in rank order, so the result is
 * deterministic. Cost: (n-1) (alpha + m beta + m gamma) on the critical path, one message per
 * rank: the algorithm for tiny n; otherwise see scan_recursive_doubling.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* Inclusive: rbuf holds x; it becomes the prefix and is passed on. */
static int inclusive(struct mpr_sched *s, void *rbuf, const struct mpr_red *r, int me, int n)
{
    int rc = 0;

    if (me > 0) {
        void *t = mpr_sched_tmp(s, r->bytes);
        rc = t ? mpr_sched_recv(s, t, r->bytes, me - 1) : -MPR_ERR_NOMEM;
        if (rc == 0) {
            rc = mpr_sched_reduce(s, t, rbuf, r->count, r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    if (rc == 0 && me < n - 1) {
        rc = mpr_sched_send(s, rbuf, r->bytes, me + 1);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

/* Exclusive: the prefix received is the result; prefix op x is passed on. */
static int exclusive(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                     int me, int n)
{
    int rc = 0;
    const void *next = x;

    if (me > 0) {
        /* x may be rbuf (in place): then the prefix goes to scratch until x is used. */
        void *pre = x != rbuf || me == n - 1 ? rbuf : mpr_sched_tmp(s, r->bytes);
        void *t = me < n - 1 ? mpr_sched_tmp(s, r->bytes) : NULL;
        if (!pre || (me < n - 1 && !t)) {
            return -MPR_ERR_NOMEM;
        }
        rc = mpr_sched_recv(s, pre, r->bytes, me - 1);
        if (rc == 0 && t) {
            rc = mpr_sched_copy(s, t, x, r->bytes);
            if (rc == 0) {
                rc = mpr_sched_reduce(s, pre, t, r->count, r->dt, r->op);
            }
            if (rc == 0 && pre != rbuf) {
                rc = mpr_sched_copy(s, rbuf, pre, r->bytes);
            }
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        next = t;
    }
    if (rc == 0 && me < n - 1) {
        rc = mpr_sched_send(s, next, r->bytes, me + 1);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

int mpr_scan_linear(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                    int exscan, struct mpr_comm *comm)
{
    if (exscan) {
        return exclusive(s, x, rbuf, r, comm->rank, comm->size);
    }
    return inclusive(s, rbuf, r, comm->rank, comm->size);
}
