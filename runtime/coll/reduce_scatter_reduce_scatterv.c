/*
 * reduce_scatter_reduce_scatterv: a binomial reduce of the whole input to rank 0 over absolute
 * ranks, then rank 0 sends each rank its block. In the reduce, rank me (a multiple of 2d)
 * combines its partial result over ranks [me, me + d) with the one of [me + d, me + 2d) lower
 * first, so the ranks are combined in order: any op, commutative or not, and every block is
 * reduced once, at rank 0. Any n, any counts.
 * Cost: ceil(log2 n) (alpha + m beta + m gamma) + (n - 1) alpha + (n - 1)/n m beta at rank 0,
 * m the input bytes: the fallback for non-commutative ops.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* The reduce to rank 0; *acc is where rank 0 finds the result. */
static int reduce(struct mpr_sched *s, const struct mpr_rs *x, const struct mpr_red *r,
                  struct mpr_comm *comm, const char **acc)
{
    int n = comm->size, me = comm->rank, rc = 0, d;
    char *buf[2] = {NULL, NULL};
    int next = 0;

    *acc = x->in;
    /* acc = acc op received: the received partial goes to a free buffer and becomes acc. */
    for (d = 1; d < n && !(me & d) && rc == 0; d <<= 1) {
        if (me + d >= n) {
            continue;
        }
        buf[next] = buf[next] ? buf[next] : mpr_sched_tmp(s, r->bytes);
        if (!buf[next]) {
            return -MPR_ERR_NOMEM;
        }
        rc = mpr_sched_recv(s, buf[next], r->bytes, me + d);
        if (rc == 0) {
            rc = mpr_sched_reduce(s, *acc, buf[next], r->count, r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        *acc = buf[next];
        next ^= 1;
    }
    if (rc == 0 && d < n) {
        rc = mpr_sched_send(s, *acc, r->bytes, me - d);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}

int mpr_reduce_scatter_reduce_scatterv(struct mpr_sched *s, const struct mpr_rs *x,
                                       const struct mpr_red *r, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc;
    size_t ext = r->count ? r->bytes / (size_t)r->count : 0;
    const char *acc;

    rc = reduce(s, x, r, comm, &acc);
    if (rc == 0 && me != 0) {
        rc = mpr_sched_recv(s, x->rbuf, (size_t)x->cnt[me] * ext, 0);
    }
    for (int i = 1; i < n && me == 0 && rc == 0; i++) {
        rc = mpr_sched_send(s, acc + (size_t)x->disp[i] * ext, (size_t)x->cnt[i] * ext, i);
    }
    if (rc == 0 && me == 0) {
        rc = mpr_sched_copy(s, x->rbuf, acc + (size_t)x->disp[0] * ext, (size_t)x->cnt[0] * ext);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
