/*
 * Collective communication: the MPI entry points for barrier, broadcast and the reductions
 * (blocking and nonblocking); gather, scatter and the all-to-all family are in coll_xfer.c.
 * Each checks its arguments (coll_api.h), then runs the collective: buffers whose datatypes are
 * not contig are staged (datatype/stage_coll.h: packed temporaries, unpacked when the
 * collective completes) around coll/ (coll/coll.h); a nonblocking call passes a request to fill,
 * a blocking one NULL. MPI_IN_PLACE is accepted exactly where MPI 3.1 allows it.
 */
#include "api/coll_api.h"

#include "coll/coll.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "datatype/datatype.h"
#include "op/op.h"

/* ---- barrier, bcast ---- */

static int barrier(const struct mpr_api_call *c, MPI_Request *req)
{
    int rc = mpr_api_coll_begin(c, req, req != NULL);

    return rc != MPI_SUCCESS ? rc : mpr_api_coll_done(c, mpr_coll_barrier(c->comm, req));
}

#pragma weak MPI_Barrier = PMPI_Barrier
int PMPI_Barrier(MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Barrier", comm};

    return barrier(&c, NULL);
}

#pragma weak MPI_Ibarrier = PMPI_Ibarrier
int PMPI_Ibarrier(MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ibarrier", comm};

    if (!request) {
        return mpr_api_coll_begin(&c, request, 1);
    }
    return barrier(&c, request);
}

static int bcast(const struct mpr_api_call *c, void *buf, int count, MPI_Datatype dt, int root,
                 MPI_Request *req, int nonblocking)
{
    struct mpr_coll_args a = {.rbuf = buf, .rcount = count, .rdt = dt, .root = root};
    int rc = mpr_api_coll_begin(c, req, nonblocking);

    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_buf(c, buf, count, dt, "buffer", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_root(c, root);
    }
    return rc != MPI_SUCCESS ? rc : mpr_api_coll_run(c, MPR_CK_BCAST, &a, MPI_OP_NULL, req);
}

#pragma weak MPI_Bcast = PMPI_Bcast
int PMPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Bcast", comm};

    return bcast(&c, buffer, count, datatype, root, NULL, 0);
}

#pragma weak MPI_Ibcast = PMPI_Ibcast
int PMPI_Ibcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm,
                MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ibcast", comm};

    return bcast(&c, buffer, count, datatype, root, request, 1);
}

/* ---- reductions ---- */

struct red_args {
    const void *sbuf;
    void *rbuf;
    int count;
    MPI_Datatype dt;
    MPI_Op op;
    int root; /* -1: no root */
};

static int check_red(const struct mpr_api_call *c, const struct red_args *a, int is_root)
{
    int rc = mpr_api_coll_check_buf(c, a->sbuf, a->count, a->dt, "sendbuf", is_root);

    if (rc == MPI_SUCCESS && is_root) {
        rc = mpr_api_coll_check_buf(c, a->rbuf, a->count, a->dt, "recvbuf", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_op(c, a->op, a->dt);
    }
    if (rc == MPI_SUCCESS && is_root) {
        rc = mpr_api_coll_check_alias(c, a->sbuf, a->rbuf, a->count > 0);
    }
    return rc;
}

/* The staging arguments of a reduction. */
static struct mpr_coll_args red_coll(const struct red_args *a)
{
    return (struct mpr_coll_args){.sbuf = a->sbuf,
                                  .scount = a->count,
                                  .sdt = a->dt,
                                  .rbuf = a->rbuf,
                                  .rcount = a->count,
                                  .rdt = a->dt,
                                  .root = a->root};
}

static int reduce(const struct mpr_api_call *c, const struct red_args *a, MPI_Request *req, int nb)
{
    struct mpr_coll_args x = red_coll(a);
    int rc = mpr_api_coll_begin(c, req, nb);

    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_root(c, a->root);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_red(c, a, c->comm->rank == a->root);
    }
    return rc != MPI_SUCCESS ? rc : mpr_api_coll_run(c, MPR_CK_REDUCE, &x, a->op, req);
}

#pragma weak MPI_Reduce = PMPI_Reduce
int PMPI_Reduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                int root, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Reduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, root};

    return reduce(&c, &a, NULL, 0);
}

#pragma weak MPI_Ireduce = PMPI_Ireduce
int PMPI_Ireduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                 int root, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ireduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, root};

    return reduce(&c, &a, request, 1);
}

/* MPR_CK_ALLREDUCE, MPR_CK_SCAN or MPR_CK_EXSCAN. */
static int allred(const struct mpr_api_call *c, const struct red_args *a, enum mpr_coll_kind k,
                  MPI_Request *req, int nb)
{
    struct mpr_coll_args x = red_coll(a);
    int rc = mpr_api_coll_begin(c, req, nb);

    if (rc == MPI_SUCCESS) {
        rc = check_red(c, a, 1);
    }
    return rc != MPI_SUCCESS ? rc : mpr_api_coll_run(c, k, &x, a->op, req);
}

#pragma weak MPI_Allreduce = PMPI_Allreduce
int PMPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                   MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Allreduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, MPR_CK_ALLREDUCE, NULL, 0);
}

#pragma weak MPI_Iallreduce = PMPI_Iallreduce
int PMPI_Iallreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                    MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iallreduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, MPR_CK_ALLREDUCE, request, 1);
}

#pragma weak MPI_Scan = PMPI_Scan
int PMPI_Scan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
              MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Scan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, MPR_CK_SCAN, NULL, 0);
}

#pragma weak MPI_Iscan = PMPI_Iscan
int PMPI_Iscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
               MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iscan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, MPR_CK_SCAN, request, 1);
}

#pragma weak MPI_Exscan = PMPI_Exscan
int PMPI_Exscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Exscan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, MPR_CK_EXSCAN, NULL, 0);
}

#pragma weak MPI_Iexscan = PMPI_Iexscan
int PMPI_Iexscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                 MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Iexscan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, MPR_CK_EXSCAN, request, 1);
}

static int no_counts(const struct mpr_api_call *c)
{
    int rc = mpr_api_coll_begin(c, NULL, 0);

    return rc != MPI_SUCCESS ? rc : mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "recvcounts: NULL");
}

static int redscat(const struct mpr_api_call *c, const void *sbuf, void *rbuf, const int *rcounts,
                   int rcount, MPI_Datatype dt, MPI_Op op, MPI_Request *req, int nb)
{
    struct mpr_coll_args x = {.sbuf = sbuf,
                              .sdt = dt,
                              .rbuf = rbuf,
                              .rcount = rcount,
                              .rcounts = rcounts,
                              .rdt = dt,
                              .root = -1};
    int rc = mpr_api_coll_begin(c, req, nb), total = 0;

    for (int i = 0; rc == MPI_SUCCESS && rcounts && i < c->comm->size; i++) {
        if (rcounts[i] < 0) {
            rc = mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "recvcounts[%d]: %d is negative", i,
                               rcounts[i]);
        }
        total += rcounts[i];
    }
    if (rc == MPI_SUCCESS && !rcounts) {
        total = rcount * c->comm->size;
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_buf(c, sbuf, total, dt, "sendbuf", 1);
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_buf(c, rbuf, rcounts ? rcounts[c->comm->rank] : rcount, dt,
                                    "recvbuf", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_op(c, op, dt);
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_alias(c, sbuf, rbuf, total > 0);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return mpr_api_coll_run(c, rcounts ? MPR_CK_REDUCE_SCATTER : MPR_CK_REDUCE_SCATTER_BLOCK, &x,
                            op, req);
}

#pragma weak MPI_Reduce_scatter = PMPI_Reduce_scatter
int PMPI_Reduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                        MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Reduce_scatter", comm};

    if (!recvcounts) {
        return no_counts(&c);
    }
    return redscat(&c, sendbuf, recvbuf, recvcounts, 0, datatype, op, NULL, 0);
}

#pragma weak MPI_Ireduce_scatter = PMPI_Ireduce_scatter
int PMPI_Ireduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                         MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ireduce_scatter", comm};

    if (!recvcounts) {
        return no_counts(&c);
    }
    return redscat(&c, sendbuf, recvbuf, recvcounts, 0, datatype, op, request, 1);
}

#pragma weak MPI_Reduce_scatter_block = PMPI_Reduce_scatter_block
int PMPI_Reduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                              MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    struct mpr_api_call c = {"MPI_Reduce_scatter_block", comm};

    return redscat(&c, sendbuf, recvbuf, NULL, recvcount, datatype, op, NULL, 0);
}

#pragma weak MPI_Ireduce_scatter_block = PMPI_Ireduce_scatter_block
int PMPI_Ireduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                               MPI_Datatype datatype, MPI_Op op, MPI_Comm comm,
                               MPI_Request *request)
{
    struct mpr_api_call c = {"MPI_Ireduce_scatter_block", comm};

    return redscat(&c, sendbuf, recvbuf, NULL, recvcount, datatype, op, request, 1);
}

/*
 * A user op gets the user's buffers and type as they are; a predefined op reduces packed
 * copies as the base type, unpacked into inoutbuf after.
 */
#pragma weak MPI_Reduce_local = PMPI_Reduce_local
int PMPI_Reduce_local(const void *inbuf, void *inoutbuf, int count, MPI_Datatype datatype,
                      MPI_Op op)
{
    struct mpr_api_call c = {"MPI_Reduce_local", MPI_COMM_WORLD};
    struct mpr_coll_args x = {.sbuf = inbuf,
                              .scount = count,
                              .sdt = datatype,
                              .rbuf = inoutbuf,
                              .rcount = count,
                              .rdt = datatype,
                              .root = -1};
    struct mpr_stage *st = NULL;
    int rc;

    mpr_api_require_init(c.fn);
    rc = mpr_api_coll_check_buf(&c, inbuf, count, datatype, "inbuf", 0);
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_buf(&c, inoutbuf, count, datatype, "inoutbuf", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = mpr_api_coll_check_op(&c, op, datatype);
    }
    if (rc != MPI_SUCCESS || count == 0) {
        return rc;
    }
    if (op->kind == MPR_OP_USER) {
        mpr_op_apply(op, inbuf, inoutbuf, count, datatype);
        return MPI_SUCCESS;
    }
    rc = mpr_stage_coll(MPR_CK_REDUCE_LOCAL, &x, 0, 1, &st);
    if (rc != 0) {
        return rc == -MPR_ERR_ARG ? mpr_api_error(c.comm, c.fn, MPI_ERR_COUNT,
                                                  "count: too large once packed as the base type")
                                  : mpr_api_coll_done(&c, rc);
    }
    mpr_op_apply(op, x.sbuf, x.rbuf, x.scount, x.sdt);
    mpr_stage_finish(st, 0);
    return MPI_SUCCESS;
}
