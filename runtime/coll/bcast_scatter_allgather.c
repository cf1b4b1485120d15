/*
 * bcast_scatter_allgather (van de Geijn): the root sends chunk i of the message to rank i, then
 * a ring allgather passes the chunks around. Any n. Cost: (n - 1) alpha + (n-1)/n m beta at the
 * root for the scatter (linear: n is small on one node), then (n - 1) (alpha + m/n beta):
 * about 2 m beta against log2(n) m beta for the binomial tree. The bandwidth algorithm.
 */
#include "coll/algs.h"
#include "comm/comm.h"

static void piece(size_t bytes, int n, int i, size_t *off, size_t *len)
{
    size_t base = bytes / (size_t)n, rem = bytes % (size_t)n;

    *len = base + ((size_t)i < rem);
    *off = (size_t)i * base + ((size_t)i < rem ? (size_t)i : rem);
}

int mpr_bcast_scatter_allgather(struct mpr_sched *s, void *buf, size_t bytes, int root,
                                struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, vr = (me - root + n) % n, rc = 0;
    char *b = buf;
    size_t off, len;

    /* Scatter, in root-relative numbering: virtual rank v gets piece v. */
    if (vr == 0) {
        for (int v = 1; v < n && rc == 0; v++) {
            piece(bytes, n, v, &off, &len);
            rc = mpr_sched_send(s, b + off, len, (v + root) % n);
        }
    } else {
        piece(bytes, n, vr, &off, &len);
        rc = mpr_sched_recv(s, b + off, len, root);
    }
    if (rc == 0) {
        rc = mpr_sched_round(s);
    }
    /* Ring allgather of the pieces among virtual ranks. */
    for (int k = 0; k < n - 1 && rc == 0; k++) {
        int sp = (vr - k + n) % n, rp = (vr - k - 1 + n) % n;
        piece(bytes, n, sp, &off, &len);
        rc = mpr_sched_send(s, b + off, len, ((vr + 1) % n + root) % n);
        piece(bytes, n, rp, &off, &len);
        if (rc == 0) {
            rc = mpr_sched_recv(s, b + off, len, ((vr - 1 + n) % n + root) % n);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}
