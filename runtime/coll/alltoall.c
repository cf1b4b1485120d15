/* MPI_Alltoall(v,w) / MPI_Ialltoall(v,w): algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "comm/comm.h"
#include "core/errcode.h"

enum { PAIRWISE, BRUCK, LINEAR, SHM, NALGS };

static const char *const names[NALGS] = {"pairwise", "bruck", "linear", "shm"};

/*
 * Switch points on the bytes per block (docs/performance.md, switch points): Bruck up to 256 B on
 * more than 2 ranks with a core each (the textbook rule: log n rounds; not measurable on 2
 * cores), linear up to 8 KiB, pairwise above (at 2 ranks all three are one exchange: 1 KiB 0.5
 * us each, Bruck 0.7). Oversubscribed no Bruck: linear posts every message at once and waits
 * once (3 ranks, 64 B: 2.8 against 4.8 us).
 */
#define ALLTOALL_SMALL 256u
#define ALLTOALL_MEDIUM (8u * 1024)

/* Room for the per-peer layout of an all-to-all on n ranks, in s's scratch memory. */
static int layout(struct mpr_sched *s, int n, struct mpr_a2a *x, size_t **slen, size_t **rlen,
                  MPI_Aint **soff, MPI_Aint **roff)
{
    *slen = mpr_sched_tmp(s, 2 * (size_t)n * sizeof(**slen));
    *soff = mpr_sched_tmp(s, 2 * (size_t)n * sizeof(**soff));
    if (!*slen || !*soff) {
        return -MPR_ERR_NOMEM;
    }
    *rlen = *slen + n;
    *roff = *soff + n;
    x->slen = *slen;
    x->rlen = *rlen;
    x->soff = *soff;
    x->roff = *roff;
    return 0;
}

/* Run the per-peer algorithm `alg` (PAIRWISE or LINEAR) on x. */
static int run(struct mpr_sched *s, int alg, const struct mpr_a2a *x, struct mpr_comm *comm)
{
    return alg == LINEAR ? mpr_alltoall_linear(s, x, comm) : mpr_alltoall_pairwise(s, x, comm);
}

static int uniform(struct mpr_sched *s, const void *sbuf, size_t sblock, void *rbuf, size_t rblock,
                   int alg, struct mpr_comm *comm)
{
    struct mpr_a2a x = {.sbuf = sbuf == MPI_IN_PLACE ? NULL : sbuf, .rbuf = rbuf};
    size_t *slen, *rlen;
    MPI_Aint *soff, *roff;
    int rc = layout(s, comm->size, &x, &slen, &rlen, &soff, &roff);

    for (int i = 0; i < comm->size && rc == 0; i++) {
        slen[i] = sblock;
        soff[i] = (MPI_Aint)i * (MPI_Aint)sblock;
        rlen[i] = rblock;
        roff[i] = (MPI_Aint)i * (MPI_Aint)rblock;
    }
    return rc == 0 ? run(s, alg, &x, comm) : rc;
}

int mpr_coll_alltoall(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                      MPI_Datatype rdt, struct mpr_comm *comm, struct mpr_request **req)
{
    size_t rblock = mpr_coll_bytes(rcount, rdt);
    size_t sblock = sbuf == MPI_IN_PLACE ? rblock : mpr_coll_bytes(scount, sdt);
    int usable[NALGS] = {1, 1, 1,
                         !req && mpr_shm_coll_usable(comm) &&
                             rblock * (size_t)comm->size <= mpr_shm_coll_max_bytes()};
    struct mpr_sched *s;
    int alg, rc;

    if (comm->size > 2 && rblock <= ALLTOALL_SMALL && !mpr_coll_oversubscribed()) {
        alg = BRUCK;
    } else {
        alg = rblock <= ALLTOALL_MEDIUM ? LINEAR : PAIRWISE;
    }
    alg = mpr_coll_pick(MPR_COLL_ALLTOALL, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_alltoall(sbuf, rbuf, rblock, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (alg == BRUCK) {
        rc = mpr_alltoall_bruck(s, sbuf == MPI_IN_PLACE ? NULL : sbuf, rbuf, rblock, comm);
    } else {
        rc = uniform(s, sbuf, sblock, rbuf, rblock, alg, comm);
    }
    return mpr_coll_launch(s, rc, req);
}

/*
 * shm: alltoallv blocking on a one-node MPI_COMM_WORLD (or a dup) always runs node-local (a rank
 * knows only its own counts, so no size rule could be the same everywhere; shm_coll.h).
 */
static int pick_v(size_t total, int n, int shm)
{
    const int usable[NALGS] = {[PAIRWISE] = 1, [LINEAR] = 1, [SHM] = shm};
    int alg = total / (size_t)n <= ALLTOALL_MEDIUM ? LINEAR : PAIRWISE;

    return mpr_coll_pick(MPR_COLL_ALLTOALL, names, usable, NALGS, shm ? SHM : alg);
}

int mpr_coll_alltoallv(const void *sbuf, const int *scounts, const int *sdispls, MPI_Datatype sdt,
                       void *rbuf, const int *rcounts, const int *rdispls, MPI_Datatype rdt,
                       struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_a2a x = {.sbuf = sbuf == MPI_IN_PLACE ? NULL : sbuf, .rbuf = rbuf};
    size_t *slen, *rlen, total = 0, sext, rext = mpr_coll_bytes(1, rdt);
    MPI_Aint *soff, *roff;
    int n = comm->size, alg, rc;
    struct mpr_sched *s;

    for (int i = 0; i < n; i++) {
        total += (size_t)rcounts[i] * rext;
    }
    alg = pick_v(total, n, !req && mpr_shm_coll_usable(comm));
    if (alg == SHM) {
        struct mpr_shm_blocks sb = {
            .counts = scounts, .displs = sdispls, .ext = x.sbuf ? mpr_coll_bytes(1, sdt) : 0};
        struct mpr_shm_blocks rb = {.counts = rcounts, .displs = rdispls, .ext = rext};
        return mpr_shm_coll_alltoallv(sbuf, &sb, rbuf, &rb, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    rc = layout(s, n, &x, &slen, &rlen, &soff, &roff);
    sext = x.sbuf ? mpr_coll_bytes(1, sdt) : 0;
    for (int i = 0; i < n && rc == 0; i++) {
        slen[i] = x.sbuf ? (size_t)scounts[i] * sext : 0;
        soff[i] = x.sbuf ? (MPI_Aint)sdispls[i] * (MPI_Aint)sext : 0;
        rlen[i] = (size_t)rcounts[i] * rext;
        roff[i] = (MPI_Aint)rdispls[i] * (MPI_Aint)rext;
    }
    if (rc == 0) {
        rc = run(s, alg, &x, comm);
    }
    return mpr_coll_launch(s, rc, req);
}

int mpr_coll_alltoallw(const void *sbuf, const int *scounts, const int *sdispls,
                       const MPI_Datatype *sdts, void *rbuf, const int *rcounts, const int *rdispls,
                       const MPI_Datatype *rdts, struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_a2a x = {.sbuf = sbuf == MPI_IN_PLACE ? NULL : sbuf, .rbuf = rbuf};
    struct mpr_sched *s = mpr_sched_new(comm);
    size_t *slen, *rlen, total = 0;
    MPI_Aint *soff, *roff;
    int n = comm->size, rc;

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    rc = layout(s, n, &x, &slen, &rlen, &soff, &roff);
    /* Displacements of alltoallw are in bytes (MPI 3.1, 5.8). */
    for (int i = 0; i < n && rc == 0; i++) {
        slen[i] = x.sbuf ? mpr_coll_bytes(scounts[i], sdts[i]) : 0;
        soff[i] = x.sbuf ? sdispls[i] : 0;
        rlen[i] = mpr_coll_bytes(rcounts[i], rdts[i]);
        roff[i] = rdispls[i];
        total += rlen[i];
    }
    if (rc == 0) {
        rc = run(s, pick_v(total, n, 0), &x, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
