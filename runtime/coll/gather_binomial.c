/*
 * gather_binomial: a binomial tree rooted at `root` (root-relative numbering): each rank
 * collects the blocks of its subtree in a scratch buffer (its own first, then each child's
 * subtree as one message) and sends them to its parent in one message. Any n. The root places
 * each child's subtree straight into rbuf, through scratch only for the one subtree that wraps
 * past rank n - 1. Cost: ceil(log2 n) alpha + (n-1) b beta on the critical path (b bytes per
 * rank), with every block copied once more per tree level it climbs. The latency algorithm;
 * for large blocks see gather_linear.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* Root: receive the subtree of virtual ranks [lo, lo + cnt) into rbuf, in absolute order. */
static int root_recv(struct mpr_sched *s, char *rbuf, size_t block, int lo, int cnt, int root,
                     int n)
{
    int first = (root + lo) % n, head = n - first;
    char *t;

    if (cnt <= head) {
        return mpr_sched_recv(s, rbuf + (size_t)first * block, (size_t)cnt * block, first);
    }
    t = mpr_sched_tmp(s, (size_t)cnt * block);
    if (!t) {
        return -MPR_ERR_NOMEM;
    }
    int rc = mpr_sched_recv(s, t, (size_t)cnt * block, first);
    if (rc == 0) {
        rc = mpr_sched_copy(s, rbuf + (size_t)first * block, t, (size_t)head * block);
    }
    return rc == 0 ? mpr_sched_copy(s, rbuf, t + (size_t)head * block, (size_t)(cnt - head) * block)
                   : rc;
}

int mpr_gather_binomial(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                        struct mpr_comm *comm)
{
    int n = comm->size, vr = (comm->rank - root + n) % n, mask = 1, rc = 0;
    char *t = NULL;

    while (mask < n && !(vr & mask)) {
        mask <<= 1;
    }
    /* This rank's subtree: virtual ranks [vr, vr + sub); child vr + m holds [vr + m, + min(m, ..)).
     */
    int sub = vr == 0 ? n : (mask < n - vr ? mask : n - vr);
    if (vr != 0 && sub > 1) {
        t = mpr_sched_tmp(s, (size_t)sub * block);
        if (!t) {
            return -MPR_ERR_NOMEM;
        }
        rc = mpr_sched_copy(s, t, sbuf, block);
    }
    for (int m = 1; m < mask && vr + m < n && rc == 0; m <<= 1) {
        int cnt = m < n - vr - m ? m : n - vr - m;
        if (vr == 0) {
            rc = root_recv(s, rbuf, block, m, cnt, root, n);
        } else {
            rc = mpr_sched_recv(s, t + (size_t)m * block, (size_t)cnt * block, (vr + m + root) % n);
        }
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    if (rc == 0 && vr != 0) {
        rc = mpr_sched_send(s, t ? t : sbuf, (size_t)sub * block, (vr - mask + root) % n);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
