/*
 * reduce_binomial: a binomial tree toward the root; each rank receives its children's partial
 * results one after the other and combines them with its own, then sends the result up. Any n,
 * any op. Contributions always combine (lower ranks) op (higher ranks) of the tree's numbering:
 * for commutative ops the tree is rooted at `root` (numbered root-relative); for non-commutative
 * ops it is rooted at rank 0 so that numbering is rank order, and rank 0 then sends the result to
 * the root. The tree is fixed, so the result is deterministic.
 * Cost: ceil(log2 n) (alpha + m beta + m gamma) on the critical path, plus alpha + m beta for a
 * non-commutative op with root != 0. The latency algorithm; for large m see
 * reduce_rabenseifner.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "op/op.h"

/* Buffers the children's data is received into: two alternate, so combining never copies. */
static int pick_bufs(struct mpr_sched *s, const void *x, void *rbuf, size_t bytes, int nchild,
                     int is_root, void *buf[2])
{
    int start = 0;

    buf[0] = nchild > 0 ? mpr_sched_tmp(s, bytes) : NULL;
    buf[1] = is_root ? rbuf : nchild > 1 ? mpr_sched_tmp(s, bytes) : NULL;
    if ((nchild > 0 && !buf[0]) || (nchild > 1 && !buf[1])) {
        return -MPR_ERR_NOMEM;
    }
    /* At the root, start so that the last child lands in rbuf (unless rbuf holds x: in place). */
    if (is_root && x != rbuf) {
        start = nchild % 2;
    }
    return start;
}

int mpr_reduce_binomial(struct mpr_sched *s, const void *x, void *rbuf, const struct mpr_red *r,
                        int root, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, top = r->op->commutative ? root : 0;
    int vr = (me - top + n) % n, mask = 1, nchild = 0, rc = 0, i;
    const void *acc = x;
    void *buf[2];

    /* Children: vr + m for every m below the lowest set bit of vr (mask, after the loop). */
    while (mask < n && !(vr & mask)) {
        nchild += vr + mask < n;
        mask <<= 1;
    }
    i = pick_bufs(s, x, rbuf, r->bytes, nchild, me == root, buf);
    if (i < 0) {
        return i;
    }
    for (int m = 1; m < mask && vr + m < n && rc == 0; m <<= 1) {
        void *t = buf[i++ % 2];
        rc = mpr_sched_recv(s, t, r->bytes, (vr + m + top) % n);
        if (rc == 0) {
            rc = mpr_sched_reduce(s, acc, t, r->count, r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        acc = t;
    }
    if (rc != 0) {
        return rc;
    }
    if (vr != 0) {
        rc = mpr_sched_send(s, acc, r->bytes, (vr - mask + top) % n);
    } else if (top != root) {
        rc = mpr_sched_send(s, acc, r->bytes, root);
    } else if (acc != rbuf) {
        rc = mpr_sched_copy(s, rbuf, acc, r->bytes);
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    if (rc == 0 && me == root && top != root) {
        rc = mpr_sched_recv(s, rbuf, r->bytes, top);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
