/*
 * MPI_Scatter(v) / MPI_Iscatter(v): algorithm table and selection. Scatterv runs linear or,
 * blocking on a one-node MPI_COMM_WORLD (or a dup), node-local (shm_coll.h says why it can always
 * take that path).
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
 * points). Oversubscribed at 4 ranks linear wins from 2 KiB (8 KiB: 7.3 against 8.2 us; 1 MiB
 * 221 against 406). With a core each: 8 KiB, the textbook rule (not measurable on 2 cores).
 */
#define SCATTER_LARGE (8u * 1024)
#define SCATTER_OVERSUB_LARGE (2u * 1024)

/* The root keeps its own block, unless it is in place; the rest of the schedule comes after. */
static int own_block(struct mpr_sched *s, const void *src, size_t bytes, void *rbuf)
{
    int rc = 0;

    if (rbuf != MPI_IN_PLACE) {
        rc = mpr_sched_copy(s, rbuf, src, bytes);
    }
    return rc == 0 ? mpr_sched_round(s) : rc;
}

int mpr_coll_scatter(const void *sbuf, int scount, MPI_Datatype sdt, void *rbuf, int rcount,
                     MPI_Datatype rdt, int root, struct mpr_comm *comm, struct mpr_request **req)
{
    int me_root = comm->rank == root, alg, rc = 0;
    /* Only the root's send side and the others' receive side are significant. */
    size_t block = me_root ? mpr_coll_bytes(scount, sdt) : mpr_coll_bytes(rcount, rdt);
    /* The block is the same bytes on every rank (type signatures match): so is the decision. */
    int usable[NALGS] = {
        1, 1, !req && mpr_shm_coll_usable(comm) && block <= mpr_shm_coll_part_max(comm->size)};
    struct mpr_shm_blocks sb = {.block = block};
    struct mpr_sched *s;

    alg = comm->size > 2 &&
                  block < (mpr_coll_oversubscribed() ? SCATTER_OVERSUB_LARGE : SCATTER_LARGE)
              ? BINOMIAL
              : LINEAR;
    alg = mpr_coll_pick(MPR_COLL_SCATTER, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_scatter(sbuf, &sb, rbuf, rbuf == MPI_IN_PLACE ? 0 : block, 0, root,
                                    comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (me_root) {
        rc = own_block(s, (const char *)sbuf + (size_t)root * block, block, rbuf);
    }
    if (rc == 0 && alg == BINOMIAL) {
        rc = mpr_scatter_binomial(s, sbuf, rbuf, block, root, comm);
    } else if (rc == 0) {
        rc = mpr_scatter_linear(s, sbuf, rbuf, block, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}

int mpr_coll_scatterv(const void *sbuf, const int *scounts, const int *displs, MPI_Datatype sdt,
                      void *rbuf, int rcount, MPI_Datatype rdt, int root, struct mpr_comm *comm,
                      struct mpr_request **req)
{
    struct mpr_vblocks v = {.counts = scounts, .displs = displs};
    int usable[NALGS] = {0, 1, !req && mpr_shm_coll_usable(comm)};
    size_t rbytes = rbuf != MPI_IN_PLACE ? mpr_coll_bytes(rcount, rdt) : 0;
    struct mpr_sched *s;
    int rc = 0;

    if (comm->rank == root) {
        v.ext = mpr_coll_bytes(1, sdt);
    }
    if (mpr_coll_pick(MPR_COLL_SCATTER, names, usable, NALGS, usable[SHM] ? SHM : LINEAR) == SHM) {
        struct mpr_shm_blocks sb = {.counts = scounts, .displs = displs, .ext = v.ext};
        return mpr_shm_coll_scatter(sbuf, &sb, rbuf, rbytes, 1, root, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (comm->rank == root) {
        rc = own_block(s, (const char *)sbuf + (ptrdiff_t)displs[root] * (ptrdiff_t)v.ext,
                       (size_t)scounts[root] * v.ext, rbuf);
    }
    if (rc == 0) {
        rc = mpr_scatterv_linear(s, sbuf, &v, rbuf, rbytes, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
