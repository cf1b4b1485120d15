/* MPI_Allgather(v) / MPI_Iallgather(v): algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "comm/comm.h"
#include "core/errcode.h"

enum { RECURSIVE_DOUBLING, BRUCK, RING, LINEAR, SHM, NALGS };

static const char *const names[NALGS] = {"recursive_doubling", "bruck", "ring", "linear", "shm"};

/*
 * Switch points on the gathered bytes. With a core each: ring from 64 KiB (at 2 ranks every
 * algorithm is one exchange and they measure alike: 1 MiB 109-112 us, Bruck 181). Oversubscribed:
 * linear (every block sent at once: one wait) up to 256 KiB, where it measured best at 3 and 4
 * ranks (4 x 64 KiB: 37 against 47-90 us); beyond it the default rule.
 */
#define ALLGATHER_LARGE (64u * 1024)
#define ALLGATHER_OVERSUB_LINEAR (256u * 1024)

/* Put this rank's own contribution at its place in rbuf, unless it is there already. */
static int own_block(struct mpr_sched *s, const void *sbuf, int scount, MPI_Datatype sdt, void *dst)
{
    int rc = 0;

    if (sbuf != MPI_IN_PLACE) {
        rc = mpr_sched_copy(s, dst, sbuf, mpr_coll_bytes(scount, sdt));
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    return rc;
}

/* Uniform blocks as an allgatherv layout, for the algorithms that take one. */
static int uniform(struct mpr_sched *s, void *rbuf, size_t block, int n, struct mpr_agv *x)
{
    size_t *len = mpr_sched_tmp(s, (size_t)n * sizeof(*len));
    MPI_Aint *off = mpr_sched_tmp(s, (size_t)n * sizeof(*off));

    if (!len || !off) {
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        len[i] = block;
        off[i] = (MPI_Aint)i * (MPI_Aint)block;
    }
    *x = (struct mpr_agv){.rbuf = rbuf, .len = len, .off = off};
    return 0;
}

int mpr_coll_allgather(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                       MPI_Datatype rdt, struct mpr_comm *comm, struct mpr_request **req)
{
    size_t block = mpr_coll_bytes(rcount, rdt);
    int n = comm->size, pow2 = (n & (n - 1)) == 0, alg, rc;
    int usable[NALGS] = {1, 1, 1, 1,
                         !req && mpr_shm_coll_usable(comm) && block <= mpr_shm_coll_max_bytes()};
    struct mpr_sched *s;
    struct mpr_agv x;

    if (mpr_coll_oversubscribed() && block * (size_t)n <= ALLGATHER_OVERSUB_LINEAR) {
        alg = LINEAR;
    } else if (block * (size_t)n >= ALLGATHER_LARGE) {
        alg = RING;
    } else {
        alg = pow2 ? RECURSIVE_DOUBLING : BRUCK;
    }
    alg = mpr_coll_pick(MPR_COLL_ALLGATHER, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_allgather(sbuf, rbuf, block, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    rc = own_block(s, sbuf, scount, sdt, (char *)rbuf + (size_t)comm->rank * block);
    if (rc == 0 && alg == RECURSIVE_DOUBLING) {
        rc = mpr_allgather_recursive_doubling(s, rbuf, block, comm);
    } else if (rc == 0 && alg == BRUCK) {
        rc = mpr_allgather_bruck(s, rbuf, block, comm);
    } else if (rc == 0 && alg == RING) {
        rc = mpr_allgather_ring(s, rbuf, block, comm);
    } else if (rc == 0) {
        rc = uniform(s, rbuf, block, n, &x);
        if (rc == 0) {
            rc = mpr_allgatherv_linear(s, &x, comm);
        }
    }
    return mpr_coll_launch(s, rc, req);
}

/* Every rank's block fits its slot: every rank knows every count, so all decide alike. */
static int shm_fits(const int *rcounts, size_t ext, int n)
{
    for (int i = 0; i < n; i++) {
        if ((size_t)rcounts[i] * ext > mpr_shm_coll_max_bytes()) {
            return 0;
        }
    }
    return 1;
}

int mpr_coll_allgatherv(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf,
                        const int *rcounts, const int *displs, MPI_Datatype rdt,
                        struct mpr_comm *comm, struct mpr_request **req)
{
    int n = comm->size, alg, rc = 0;
    size_t ext = mpr_coll_bytes(1, rdt), total = 0;
    int usable[NALGS] = {[RING] = 1, [LINEAR] = 1};
    struct mpr_sched *s;

    usable[SHM] = !req && mpr_shm_coll_usable(comm) && shm_fits(rcounts, ext, n);
    for (int i = 0; i < n; i++) {
        total += (size_t)rcounts[i] * ext;
    }
    alg = total >= ALLGATHER_LARGE &&
                  !(mpr_coll_oversubscribed() && total <= ALLGATHER_OVERSUB_LINEAR)
              ? RING
              : LINEAR;
    alg = mpr_coll_pick(MPR_COLL_ALLGATHER, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        struct mpr_shm_blocks rb = {.counts = rcounts, .displs = displs, .ext = ext};
        return mpr_shm_coll_allgatherv(sbuf, rbuf, &rb, comm);
    }
    s = mpr_sched_new(comm);
    size_t *len = s ? mpr_sched_tmp(s, (size_t)n * sizeof(*len)) : NULL;
    MPI_Aint *off = s ? mpr_sched_tmp(s, (size_t)n * sizeof(*off)) : NULL;

    if (!len || !off) {
        mpr_sched_free(s);
        return -MPR_ERR_NOMEM;
    }
    for (int i = 0; i < n; i++) {
        len[i] = (size_t)rcounts[i] * ext;
        off[i] = (MPI_Aint)displs[i] * (MPI_Aint)ext;
    }
    struct mpr_agv x = {.rbuf = rbuf, .len = len, .off = off};
    rc = own_block(s, sbuf, scount, sdt, x.rbuf + x.off[comm->rank]);
    if (rc == 0 && alg == RING) {
        rc = mpr_allgatherv_ring(s, &x, comm);
    } else if (rc == 0) {
        rc = mpr_allgatherv_linear(s, &x, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
