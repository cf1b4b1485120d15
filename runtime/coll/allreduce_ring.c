/*
 * allreduce_ring: a ring reduce-scatter (n - 1 steps: each rank passes one chunk on and adds the
 * chunk it receives) then a ring allgather (n - 1 steps). Commutative ops only: chunk c is
 * reduced in ring order starting at rank c + 1. Each chunk's final value is computed once and
 * copied to everyone, so every rank ends with bitwise the same result. Any n.
 * Cost: 2 (n - 1) alpha + 2 (n - 1)/n m beta + (n - 1)/n m gamma: the bandwidth algorithm.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/* Chunk c of n: element offset and count, the first count % n chunks one element larger. */
static void chunk(MPI_Count count, int n, int c, MPI_Count *off, MPI_Count *len)
{
    MPI_Count base = count / n, rem = count % n;

    *len = base + (c < rem);
    *off = c * base + (c < rem ? c : rem);
}

int mpr_allreduce_ring(struct mpr_sched *s, void *rbuf, const struct mpr_red *r,
                       struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, next = (me + 1) % n, prev = (me + n - 1) % n, rc = 0;
    size_t ext = r->count ? r->bytes / (size_t)r->count : 0;
    MPI_Count maxlen = r->count / n + 1, off, len;
    char *tmp = mpr_sched_tmp(s, (size_t)maxlen * ext), *buf = rbuf;

    if (!tmp) {
        return -MPR_ERR_NOMEM;
    }
    /* Reduce-scatter: after step k this rank holds chunk (me - k - 1) reduced over k + 2 ranks. */
    for (int k = 0; k < n - 1 && rc == 0; k++) {
        int sc = (me - k + n) % n, rcv = (me - k - 1 + n) % n;
        chunk(r->count, n, sc, &off, &len);
        rc = mpr_sched_send(s, buf + off * ext, (size_t)len * ext, next);
        chunk(r->count, n, rcv, &off, &len);
        if (rc == 0) {
            rc = mpr_sched_recv(s, tmp, (size_t)len * ext, prev);
        }
        if (rc == 0) {
            rc = mpr_sched_reduce(s, tmp, buf + off * ext, len, r->dt, r->op);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    /* Allgather: this rank owns chunk me + 1; pass the finished chunks around. */
    for (int k = 0; k < n - 1 && rc == 0; k++) {
        int sc = (me + 1 - k + n) % n, rcv = (me - k + n) % n;
        chunk(r->count, n, sc, &off, &len);
        rc = mpr_sched_send(s, buf + off * ext, (size_t)len * ext, next);
        chunk(r->count, n, rcv, &off, &len);
        if (rc == 0) {
            rc = mpr_sched_recv(s, buf + off * ext, (size_t)len * ext, prev);
        }
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}
