/* MPI_Scatter(v) / MPI_Iscatter(v): algorithm table and selection; scatterv is linear only. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "comm/comm.h"
#include "core/errcode.h"

enum { BINOMIAL, LINEAR, NALGS };

static const char *const names[NALGS] = {"binomial", "linear"};

/* Switch point: TODO(bench/coll) measured value; binomial below (bytes per rank), linear above. */
#define SCATTER_LARGE (8u * 1024)

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
    struct mpr_sched *s = mpr_sched_new(comm);

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (me_root) {
        rc = own_block(s, (const char *)sbuf + (size_t)root * block, block, rbuf);
    }
    alg = comm->size > 2 && block < SCATTER_LARGE ? BINOMIAL : LINEAR;
    alg = mpr_coll_pick(MPR_COLL_SCATTER, names, NULL, NALGS, alg);
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
    struct mpr_sched *s = mpr_sched_new(comm);
    size_t rbytes = 0;
    int rc = 0;

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (rbuf != MPI_IN_PLACE) {
        rbytes = mpr_coll_bytes(rcount, rdt);
    }
    if (comm->rank == root) {
        v.ext = mpr_coll_bytes(1, sdt);
        rc = own_block(s, (const char *)sbuf + (ptrdiff_t)displs[root] * (ptrdiff_t)v.ext,
                       (size_t)scounts[root] * v.ext, rbuf);
    }
    if (rc == 0) {
        rc = mpr_scatterv_linear(s, sbuf, &v, rbuf, rbytes, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
