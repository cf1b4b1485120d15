/*
 * alltoall_bruck: a local rotation puts the block for rank me + i at index i of a scratch
 * buffer; then in the round of distance d = 1, 2, 4, ... every rank sends the blocks whose
 * index has bit d set to rank me + d (packed in one message) and receives as many from
 * rank - d into the same indices; a block for me + i thus travels i in hops of its bits. At the
 * end index i holds the block from rank me - i, and a last rotation puts it in place. In place
 * needs nothing more: rbuf is read into the scratch buffer first. Any n, uniform blocks.
 * Cost: ceil(log2 n) (alpha + m/2 beta) + about (log2 n + 2) m of local copies, m = n * block:
 * the latency algorithm for small blocks; alltoall_pairwise moves each byte once.
 */
#include "coll/algs.h"
#include "comm/comm.h"
#include "core/errcode.h"

/*
 * Copy the blocks of `all` whose index has bit d set to or from `packed` (runs of d blocks).
 * Returns 0 or -MPR_ERR_NOMEM; *bytes is the packed size.
 */
static int pack(struct mpr_sched *s, char *all, char *packed, int d, int n, size_t block,
                int unpack, size_t *bytes)
{
    size_t at = 0;
    int rc = 0;

    for (int i = d; i < n && rc == 0; i += 2 * d) {
        size_t run = (size_t)(i + d <= n ? d : n - i) * block;
        if (unpack) {
            rc = mpr_sched_copy(s, all + (size_t)i * block, packed + at, run);
        } else {
            rc = mpr_sched_copy(s, packed + at, all + (size_t)i * block, run);
        }
        at += run;
    }
    *bytes = at;
    return rc;
}

int mpr_alltoall_bruck(struct mpr_sched *s, const void *sbuf, void *rbuf, size_t block,
                       struct mpr_comm *comm)
{
    int n = comm->size, me = comm->rank, rc;
    size_t half = ((size_t)n / 2 + 1) * block, bytes;
    const char *src = sbuf ? sbuf : rbuf;
    char *b = rbuf, *tmp = mpr_sched_tmp(s, (size_t)n * block);
    char *out = mpr_sched_tmp(s, half), *in = mpr_sched_tmp(s, half);

    if (!tmp || !out || !in) {
        return -MPR_ERR_NOMEM;
    }
    rc = mpr_sched_copy(s, tmp, src + (size_t)me * block, (size_t)(n - me) * block);
    if (rc == 0) {
        rc = mpr_sched_copy(s, tmp + (size_t)(n - me) * block, src, (size_t)me * block);
    }
    for (int d = 1; d < n && rc == 0; d <<= 1) {
        rc = pack(s, tmp, out, d, n, block, 0, &bytes);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        if (rc == 0) {
            rc = mpr_sched_send(s, out, bytes, (me + d) % n);
        }
        if (rc == 0) {
            rc = mpr_sched_recv(s, in, bytes, (me - d + n) % n);
        }
        if (rc == 0) {
            rc = pack(s, tmp, in, d, n, block, 1, &bytes);
        }
    }
    for (int i = 0; i < n && rc == 0; i++) {
        rc = mpr_sched_copy(s, b + (size_t)((me - i + n) % n) * block, tmp + (size_t)i * block,
                            block);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}
