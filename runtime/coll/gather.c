/*
 * MPI_Gather(v) / MPI_Igather(v): algorithm table and selection. Gatherv runs linear or, blocking
 * on a one-node MPI_COMM_WORLD (or a dup), node-local (shm_coll.h says why it can always take that
 * path).
 */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "comm/comm.h"
#include "core/errcode.h"

enum { BINOMIAL, LINEAR, SHM, NALGS };

static const char *const names[NALGS] = {"binomial", "linear", "shm"};

/*
 * Binomial below these many bytes per rank, linear from there (docs/performance.md, switch
 * points). Oversubscribed at 4 ranks linear wins from 2 KiB (1.9 against 5.6 us; 1 MiB 212
 * against 378) and binomial below (64 B: 0.4 against 1.6). With a core each: 8 KiB, the textbook
 * rule (at 2 ranks both are one message; more ranks are not measurable on 2 cores).
 */
#define GATHER_LARGE (8u * 1024)
#define GATHER_OVERSUB_LARGE (2u * 1024)

/* The root's own block, unless it is in place; the rest of the schedule comes after. */
static int own_block(struct mpr_sched *s, const void *sbuf, size_t sbytes, void *dst)
{
    int rc = 0;

    if (sbuf != MPI_IN_PLACE) {
        rc = mpr_sched_copy(s, dst, sbuf, sbytes);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

int mpr_coll_gather(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                    MPI_Datatype rdt, int root, struct mpr_comm *comm, struct mpr_request **req)
{
    int me_root = comm->rank == root, alg, rc = 0;
    size_t sbytes = sbuf != MPI_IN_PLACE ? mpr_coll_bytes(scount, sdt) : 0;
    /* Only the root's receive side and the others' send side are significant. */
    size_t block = me_root ? mpr_coll_bytes(rcount, rdt) : sbytes;
    /* The block is the same bytes on every rank (type signatures match): so is the decision. */
    int usable[NALGS] = {1, 1,
                         !req && mpr_shm_coll_usable(comm) && block <= mpr_shm_coll_max_bytes()};
    struct mpr_shm_blocks rb = {.block = block};
    struct mpr_sched *s;

    alg =
        comm->size > 2 && block < (mpr_coll_oversubscribed() ? GATHER_OVERSUB_LARGE : GATHER_LARGE)
            ? BINOMIAL
            : LINEAR;
    alg = mpr_coll_pick(MPR_COLL_GATHER, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_gather(sbuf, sbytes, rbuf, &rb, 0, root, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (me_root) {
        rc = own_block(s, sbuf, sbytes, (char *)rbuf + (size_t)root * block);
    }
    if (rc == 0 && alg == BINOMIAL) {
        rc = mpr_gather_binomial(s, sbuf, rbuf, block, root, comm);
    } else if (rc == 0) {
        rc = mpr_gather_linear(s, sbuf, rbuf, block, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}

int mpr_coll_gatherv(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, const int *rcounts,
                     const int *displs, MPI_Datatype rdt, int root, struct mpr_comm *comm,
                     struct mpr_request **req)
{
    struct mpr_vblocks v = {.counts = rcounts, .displs = displs};
    int usable[NALGS] = {0, 1, !req && mpr_shm_coll_usable(comm)};
    size_t sbytes = sbuf != MPI_IN_PLACE ? mpr_coll_bytes(scount, sdt) : 0;
    struct mpr_sched *s;
    int rc = 0;

    if (comm->rank == root) {
        v.ext = mpr_coll_bytes(1, rdt);
    }
    if (mpr_coll_pick(MPR_COLL_GATHER, names, usable, NALGS, usable[SHM] ? SHM : LINEAR) == SHM) {
        struct mpr_shm_blocks rb = {.counts = rcounts, .displs = displs, .ext = v.ext};
        return mpr_shm_coll_gather(sbuf, sbytes, rbuf, &rb, 1, root, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (comm->rank == root) {
        rc = own_block(s, sbuf, sbytes, (char *)rbuf + (ptrdiff_t)displs[root] * (ptrdiff_t)v.ext);
    }
    if (rc == 0) {
        rc = mpr_gatherv_linear(s, sbuf, sbytes, rbuf, &v, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
