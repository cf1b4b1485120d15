/*
 * alltoall_linear: one round in which every rank posts all its n - 1 receives and sends at once
 * and the transport interleaves them. In place, the outgoing data is first copied to a scratch
 * buffer. Any n, per-peer sizes and places. Cost: (n - 1) (alpha + m/n beta) out of each rank
 * with no round boundaries: good for few ranks and mid-size messages, but all n - 1 messages
 * compete for the receivers at once.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* The span of rbuf that receives data: [*lo, *hi) bytes from rbuf. */
static void recv_span(const struct mpr_a2a *x, int n, MPI_Aint *lo, MPI_Aint *hi)
{
    int seen = 0;

    *lo = *hi = 0;
    for (int i = 0; i < n; i++) {
        MPI_Aint a = x->roff[i], b = a + (MPI_Aint)x->rlen[i];
        if (x->rlen[i] && (!seen || a < *lo)) {
            *lo = a;
        }
        if (x->rlen[i] && (!seen || b > *hi)) {
            *hi = b;
        }
        seen |= x->rlen[i] != 0;
    }
}

int mpr_alltoall_linear(struct mpr_sched *s, const struct mpr_a2a *x, struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc = 0;
    const char *src = x->sbuf;
    const MPI_Aint *soff = x->soff;
    const size_t *slen = x->slen;
    MPI_Aint lo = 0, hi = 0;

    if (!src) {
        /* Send from a scratch copy of rbuf: offset o in rbuf is o - lo in it. */
        recv_span(x, n, &lo, &hi);
        char *tmp = mpr_sched_tmp(s, (size_t)(hi - lo));
        if (!tmp) {
            return -MPR_ERR_NOMEM;
        }
        rc = mpr_sched_copy(s, tmp, x->rbuf + lo, (size_t)(hi - lo));
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        src = tmp;
        soff = x->roff;
        slen = x->rlen;
    }
    for (int k = 1; k < n && rc == 0; k++) {
        int to = (me + k) % n, from = (me - k + n) % n;
        /* A zero-length block may sit outside the scratch span: send from its start. */
        rc = mpr_sched_send(s, slen[to] ? src + (soff[to] - lo) : src, slen[to], to);
        if (rc == 0) {
            rc = mpr_sched_recv(s, x->rbuf + x->roff[from], x->rlen[from], from);
        }
    }
    if (rc == 0 && x->sbuf) {
        size_t own = slen[me] < x->rlen[me] ? slen[me] : x->rlen[me];
        rc = mpr_sched_copy(s, x->rbuf + x->roff[me], src + soff[me], own);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
