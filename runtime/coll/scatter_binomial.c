/*
 * scatter_binomial: a binomial tree rooted at `root` (root-relative numbering): the root sends
 * each child the blocks of its whole subtree in one message, largest subtree first; each rank
 * keeps its own block and passes its children's subtrees on. Any n. The root sends straight
 * from sbuf, through scratch only for the one subtree that wraps past rank n - 1.
 * Cost: ceil(log2 n) alpha + (n-1) b beta on the critical path (b bytes per rank), with every
 * block copied once more per tree level it descends. The latency algorithm; for large blocks
 * see scatter_linear.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* Root: where the blocks of virtual ranks [lo, lo + cnt) are, contiguous (a copy if they wrap). */
static const char *root_blocks(struct mpr_sched *s, const char *sbuf, size_t block, int lo, int cnt,
                               int root, int n, int *rc)
{
    int first = (root + lo) % n, head = n - first;
    char *t;

    if (cnt <= head) {
        return sbuf + (size_t)first * block;
    }
    t = mpr_sched_tmp(s, (size_t)cnt * block);
    *rc = t ? mpr_sched_copy(s, t, sbuf + (size_t)first * block, (size_t)head * block)
            : -MPR_ERR_NOMEM;
    if (*rc == 0) {
        *rc = mpr_sched_copy(s, t + (size_t)head * block, sbuf, (size_t)(cnt - head) * block);
    }
    return t;
}

int mpr_scatter_binomial(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block, int root,
                         struct mpr_comm *comm)
{
    int n = comm->size, vr = (comm->rank - root + n) % n, mask = 1, rc = 0;
    const char *src[32]; /* per child, largest first: where its subtree's blocks are */
    char *t = NULL;

    while (mask < n && !(vr & mask)) {
        mask <<= 1;
    }
    int sub = vr == 0 ? n : (mask < n - vr ? mask : n - vr);
    if (vr != 0) {
        t = sub > 1 ? mpr_sched_tmp(s, (size_t)sub * block) : rbuf;
        if (!t) {
            return -MPR_ERR_NOMEM;
        }
        rc = mpr_sched_recv(s, t, (size_t)sub * block, (vr - mask + root) % n);
        if (rc == 0 && t != rbuf) {
            rc = mpr_sched_copy(s, rbuf, t, block);
        }
    }
    /* Child vr + 2^k gets src[k]; the root's wrapped subtree is copied in this round. */
    int nk = 0;
    for (int m = 1; m < mask && vr + m < n && rc == 0; m <<= 1, nk++) {
        int cnt = m < n - vr - m ? m : n - vr - m;
        src[nk] =
            vr == 0 ? root_blocks(s, sbuf, block, m, cnt, root, n, &rc) : t + (size_t)m * block;
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    for (int k = nk - 1; k >= 0 && rc == 0; k--) {
        int m = 1 << k, cnt = m < n - vr - m ? m : n - vr - m;
        rc = mpr_sched_send(s, src[k], (size_t)cnt * block, (vr + m + root) % n);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
