/*
 * Collective communication: the MPI entry points (blocking and nonblocking).
 * Each checks its arguments, then calls coll/ (coll/coll.h): a nonblocking call passes a request
 * to fill, a blocking one NULL. MPI_IN_PLACE is accepted exactly where MPI 3.1 allows it.
 */
#include "api/api.h"

#include "coll/coll.h"
#include "comm/comm.h"
#include "core/errclass.h"
#include "core/errcode.h"
#include "datatype/datatype.h"
#include "op/op.h"

struct call {
    const char *fn;
    MPI_Comm comm;
};

/* ---- argument checks: MPI_SUCCESS, or what mpr_api_error returned ---- */

static int check_comm(const struct call *c)
{
    if (mpr_api_comm_ok(c->comm)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, c->fn, MPI_ERR_COMM, "comm: %s",
                         c->comm == MPI_COMM_NULL ? "MPI_COMM_NULL" : "not a communicator");
}

static int check_type(const struct call *c, MPI_Datatype dt, const char *what)
{
    if (!mpr_datatype_ok(dt)) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_TYPE, "%s: %s", what,
                             dt == MPI_DATATYPE_NULL ? "MPI_DATATYPE_NULL" : "not a datatype");
    }
    if (!dt->committed) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_TYPE,
                             "%s: not committed; call MPI_Type_commit first", what);
    }
    return MPI_SUCCESS;
}

/* A buffer of count elements: count >= 0, valid type, not NULL unless empty or in place. */
static int check_buf(const struct call *c, const void *buf, int count, MPI_Datatype dt,
                     const char *what, int in_place_ok)
{
    int rc;

    if (buf == MPI_IN_PLACE) {
        return in_place_ok ? MPI_SUCCESS
                           : mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER,
                                           "%s: MPI_IN_PLACE is not allowed here", what);
    }
    if (count < 0) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "%s count: %d is negative", what,
                             count);
    }
    rc = check_type(c, dt, what);
    if (rc == MPI_SUCCESS && buf == NULL && count > 0 && dt->size > 0) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "%s: NULL with count %d", what,
                           count);
    }
    return rc;
}

static int check_counts(const struct call *c, const int *counts, const int *displs,
                        MPI_Datatype dt, const void *buf, const char *what)
{
    int rc = check_type(c, dt, what);

    if (rc == MPI_SUCCESS && (counts == NULL || (displs == NULL && buf != NULL))) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "%s counts or displacements: NULL",
                           what);
    }
    for (int i = 0; rc == MPI_SUCCESS && i < c->comm->size; i++) {
        if (counts[i] < 0) {
            rc = mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "%s counts[%d]: %d is negative",
                               what, i, counts[i]);
        } else if (counts[i] > 0 && buf == NULL) {
            rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "%s: NULL with counts[%d] %d",
                               what, i, counts[i]);
        }
    }
    return rc;
}

static int check_root(const struct call *c, int root)
{
    if (root >= 0 && root < c->comm->size) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(c->comm, c->fn, MPI_ERR_ROOT,
                         "root: %d is not a rank of the communicator (size %d)", root,
                         c->comm->size);
}

static int check_op(const struct call *c, MPI_Op op, MPI_Datatype dt)
{
    if (!mpr_op_ok(op)) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_OP, "op: %s",
                             op == MPI_OP_NULL ? "MPI_OP_NULL" : "not an operation");
    }
    if (mpr_op_check(op, dt) != 0) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_OP, "op: %s is not defined on %s",
                             op->name, dt->name[0] ? dt->name : "this datatype");
    }
    return MPI_SUCCESS;
}

/* The standard forbids the same memory as send and receive buffer (use MPI_IN_PLACE). */
static int check_alias(const struct call *c, const void *sbuf, const void *rbuf, int nonempty)
{
    if (nonempty && sbuf == rbuf && sbuf != MPI_IN_PLACE) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER,
                             "sendbuf and recvbuf are the same buffer; pass MPI_IN_PLACE as "
                             "sendbuf instead");
    }
    return MPI_SUCCESS;
}

static int check_req(const struct call *c, MPI_Request *req)
{
    return req ? MPI_SUCCESS : mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "request: NULL pointer");
}

/* Report a failure of the layer below. */
static int done(const struct call *c, int rc)
{
    if (rc == 0) {
        return MPI_SUCCESS;
    }
    if (rc == -MPR_ERR_NOMEM) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_NO_MEM, "out of memory");
    }
    if (rc == -MPR_ERR_UNSUPPORTED) {
        return mpr_api_unsupported(c->fn);
    }
    return mpr_api_error(c->comm, c->fn, mpr_errclass_from_internal(rc),
                         "internal error %d (the cause is logged above)", -rc);
}

static int begin(const struct call *c, MPI_Request *req, int nonblocking)
{
    int rc;

    mpr_api_require_init(c->fn);
    rc = check_comm(c);
    if (rc == MPI_SUCCESS && nonblocking) {
        rc = check_req(c, req);
    }
    return rc;
}

/* ---- barrier, bcast ---- */

static int barrier(const struct call *c, MPI_Request *req)
{
    int rc = begin(c, req, req != NULL);

    return rc != MPI_SUCCESS ? rc : done(c, mpr_coll_barrier(c->comm, req));
}

#pragma weak MPI_Barrier = PMPI_Barrier
int PMPI_Barrier(MPI_Comm comm)
{
    struct call c = {"MPI_Barrier", comm};

    return barrier(&c, NULL);
}

#pragma weak MPI_Ibarrier = PMPI_Ibarrier
int PMPI_Ibarrier(MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Ibarrier", comm};

    if (!request) {
        return begin(&c, request, 1);
    }
    return barrier(&c, request);
}

static int bcast(const struct call *c, void *buf, int count, MPI_Datatype dt, int root,
                 MPI_Request *req, int nonblocking)
{
    int rc = begin(c, req, nonblocking);

    if (rc == MPI_SUCCESS) {
        rc = check_buf(c, buf, count, dt, "buffer", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_root(c, root);
    }
    return rc != MPI_SUCCESS ? rc : done(c, mpr_coll_bcast(buf, count, dt, root, c->comm, req));
}

#pragma weak MPI_Bcast = PMPI_Bcast
int PMPI_Bcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm)
{
    struct call c = {"MPI_Bcast", comm};

    return bcast(&c, buffer, count, datatype, root, NULL, 0);
}

#pragma weak MPI_Ibcast = PMPI_Ibcast
int PMPI_Ibcast(void *buffer, int count, MPI_Datatype datatype, int root, MPI_Comm comm,
                MPI_Request *request)
{
    struct call c = {"MPI_Ibcast", comm};

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

static int check_red(const struct call *c, const struct red_args *a, int is_root)
{
    int rc = check_buf(c, a->sbuf, a->count, a->dt, "sendbuf", is_root);

    if (rc == MPI_SUCCESS && is_root) {
        rc = check_buf(c, a->rbuf, a->count, a->dt, "recvbuf", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_op(c, a->op, a->dt);
    }
    if (rc == MPI_SUCCESS && is_root) {
        rc = check_alias(c, a->sbuf, a->rbuf, a->count > 0);
    }
    return rc;
}

static int reduce(const struct call *c, const struct red_args *a, MPI_Request *req, int nb)
{
    int rc = begin(c, req, nb);

    if (rc == MPI_SUCCESS) {
        rc = check_root(c, a->root);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_red(c, a, c->comm->rank == a->root);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return done(c, mpr_coll_reduce(a->sbuf, a->rbuf, a->count, a->dt, a->op, a->root, c->comm,
                                   req));
}

#pragma weak MPI_Reduce = PMPI_Reduce
int PMPI_Reduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                int root, MPI_Comm comm)
{
    struct call c = {"MPI_Reduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, root};

    return reduce(&c, &a, NULL, 0);
}

#pragma weak MPI_Ireduce = PMPI_Ireduce
int PMPI_Ireduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                 int root, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Ireduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, root};

    return reduce(&c, &a, request, 1);
}

enum red_kind { RED_ALL, RED_SCAN, RED_EXSCAN };

static int allred(const struct call *c, const struct red_args *a, enum red_kind k,
                  MPI_Request *req, int nb)
{
    int rc = begin(c, req, nb);

    if (rc == MPI_SUCCESS) {
        rc = check_red(c, a, 1);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    switch (k) {
    case RED_SCAN:
        rc = mpr_coll_scan(a->sbuf, a->rbuf, a->count, a->dt, a->op, c->comm, req);
        break;
    case RED_EXSCAN:
        rc = mpr_coll_exscan(a->sbuf, a->rbuf, a->count, a->dt, a->op, c->comm, req);
        break;
    default:
        rc = mpr_coll_allreduce(a->sbuf, a->rbuf, a->count, a->dt, a->op, c->comm, req);
    }
    return done(c, rc);
}

#pragma weak MPI_Allreduce = PMPI_Allreduce
int PMPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                   MPI_Comm comm)
{
    struct call c = {"MPI_Allreduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, RED_ALL, NULL, 0);
}

#pragma weak MPI_Iallreduce = PMPI_Iallreduce
int PMPI_Iallreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype,
                    MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iallreduce", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, RED_ALL, request, 1);
}

#pragma weak MPI_Scan = PMPI_Scan
int PMPI_Scan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
              MPI_Comm comm)
{
    struct call c = {"MPI_Scan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, RED_SCAN, NULL, 0);
}

#pragma weak MPI_Iscan = PMPI_Iscan
int PMPI_Iscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
               MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iscan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, RED_SCAN, request, 1);
}

#pragma weak MPI_Exscan = PMPI_Exscan
int PMPI_Exscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                MPI_Comm comm)
{
    struct call c = {"MPI_Exscan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, RED_EXSCAN, NULL, 0);
}

#pragma weak MPI_Iexscan = PMPI_Iexscan
int PMPI_Iexscan(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype, MPI_Op op,
                 MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iexscan", comm};
    struct red_args a = {sendbuf, recvbuf, count, datatype, op, -1};

    return allred(&c, &a, RED_EXSCAN, request, 1);
}

static int no_counts(const struct call *c)
{
    int rc = begin(c, NULL, 0);

    return rc != MPI_SUCCESS ? rc : mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "recvcounts: NULL");
}

static int redscat(const struct call *c, const void *sbuf, void *rbuf, const int *rcounts,
                   int rcount, MPI_Datatype dt, MPI_Op op, MPI_Request *req, int nb)
{
    int rc = begin(c, req, nb), total = 0;

    for (int i = 0; rc == MPI_SUCCESS && rcounts && i < c->comm->size; i++) {
        if (rcounts[i] < 0) {
            rc = mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "recvcounts[%d]: %d is negative",
                               i, rcounts[i]);
        }
        total += rcounts[i];
    }
    if (rc == MPI_SUCCESS && !rcounts) {
        total = rcount * c->comm->size;
    }
    if (rc == MPI_SUCCESS) {
        rc = check_buf(c, sbuf, total, dt, "sendbuf", 1);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_buf(c, rbuf, rcounts ? rcounts[c->comm->rank] : rcount, dt, "recvbuf", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_op(c, op, dt);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_alias(c, sbuf, rbuf, total > 0);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (rcounts) {
        return done(c, mpr_coll_reduce_scatter(sbuf, rbuf, rcounts, dt, op, c->comm, req));
    }
    return done(c, mpr_coll_reduce_scatter_block(sbuf, rbuf, rcount, dt, op, c->comm, req));
}

#pragma weak MPI_Reduce_scatter = PMPI_Reduce_scatter
int PMPI_Reduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                        MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    struct call c = {"MPI_Reduce_scatter", comm};

    if (!recvcounts) {
        return no_counts(&c);
    }
    return redscat(&c, sendbuf, recvbuf, recvcounts, 0, datatype, op, NULL, 0);
}

#pragma weak MPI_Ireduce_scatter = PMPI_Ireduce_scatter
int PMPI_Ireduce_scatter(const void *sendbuf, void *recvbuf, const int recvcounts[],
                         MPI_Datatype datatype, MPI_Op op, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Ireduce_scatter", comm};

    if (!recvcounts) {
        return no_counts(&c);
    }
    return redscat(&c, sendbuf, recvbuf, recvcounts, 0, datatype, op, request, 1);
}

#pragma weak MPI_Reduce_scatter_block = PMPI_Reduce_scatter_block
int PMPI_Reduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                              MPI_Datatype datatype, MPI_Op op, MPI_Comm comm)
{
    struct call c = {"MPI_Reduce_scatter_block", comm};

    return redscat(&c, sendbuf, recvbuf, NULL, recvcount, datatype, op, NULL, 0);
}

#pragma weak MPI_Ireduce_scatter_block = PMPI_Ireduce_scatter_block
int PMPI_Ireduce_scatter_block(const void *sendbuf, void *recvbuf, int recvcount,
                               MPI_Datatype datatype, MPI_Op op, MPI_Comm comm,
                               MPI_Request *request)
{
    struct call c = {"MPI_Ireduce_scatter_block", comm};

    return redscat(&c, sendbuf, recvbuf, NULL, recvcount, datatype, op, request, 1);
}

#pragma weak MPI_Reduce_local = PMPI_Reduce_local
int PMPI_Reduce_local(const void *inbuf, void *inoutbuf, int count, MPI_Datatype datatype,
                      MPI_Op op)
{
    struct call c = {"MPI_Reduce_local", MPI_COMM_WORLD};
    int rc;

    mpr_api_require_init(c.fn);
    rc = check_buf(&c, inbuf, count, datatype, "inbuf", 0);
    if (rc == MPI_SUCCESS) {
        rc = check_buf(&c, inoutbuf, count, datatype, "inoutbuf", 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_op(&c, op, datatype);
    }
    if (rc == MPI_SUCCESS && count > 0) {
        mpr_op_apply(op, inbuf, inoutbuf, count, datatype);
    }
    return rc;
}

/* ---- gather, scatter, allgather, alltoall: one description of both sides ---- */

struct xfer {
    const void *sbuf;
    int scount;
    const int *scounts, *sdispls;
    MPI_Datatype sdt;
    const MPI_Datatype *sdts;
    void *rbuf;
    int rcount;
    const int *rcounts, *rdispls;
    MPI_Datatype rdt;
    const MPI_Datatype *rdts;
    int root;
};

enum xfer_kind {
    X_GATHER,
    X_GATHERV,
    X_SCATTER,
    X_SCATTERV,
    X_ALLGATHER,
    X_ALLGATHERV,
    X_ALLTOALL,
    X_ALLTOALLV,
    X_ALLTOALLW
};

/* Which sides matter on this rank, and where MPI_IN_PLACE is allowed (MPI 3.1, 5.5-5.8). */
static int check_sides(const struct call *c, const struct xfer *x, enum xfer_kind k)
{
    int root = k <= X_SCATTERV && c->comm->rank == x->root;
    int rc = MPI_SUCCESS;

    switch (k) {
    case X_GATHER:
    case X_GATHERV:
        rc = check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", root);
        if (rc == MPI_SUCCESS && root) {
            rc = k == X_GATHER ? check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", 0)
                               : check_counts(c, x->rcounts, x->rdispls, x->rdt, x->rbuf, "recv");
        }
        return rc;
    case X_SCATTER:
    case X_SCATTERV:
        if (root) {
            rc = k == X_SCATTER ? check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", 0)
                                : check_counts(c, x->scounts, x->sdispls, x->sdt, x->sbuf, "send");
        }
        return rc == MPI_SUCCESS ? check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", root) : rc;
    case X_ALLGATHER:
    case X_ALLGATHERV:
        rc = check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", 1);
        if (rc == MPI_SUCCESS) {
            rc = k == X_ALLGATHER ? check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", 0)
                                  : check_counts(c, x->rcounts, x->rdispls, x->rdt, x->rbuf, "recv");
        }
        return rc;
    default:
        return MPI_SUCCESS; /* alltoall family: below */
    }
}

static int check_alltoall(const struct call *c, const struct xfer *x, enum xfer_kind k)
{
    int rc = MPI_SUCCESS;

    if (k == X_ALLTOALL) {
        rc = check_buf(c, x->sbuf, x->scount, x->sdt, "sendbuf", 1);
        return rc == MPI_SUCCESS ? check_buf(c, x->rbuf, x->rcount, x->rdt, "recvbuf", 0) : rc;
    }
    if (k == X_ALLTOALLV) {
        if (x->sbuf != MPI_IN_PLACE) {
            rc = check_counts(c, x->scounts, x->sdispls, x->sdt, x->sbuf, "send");
        }
        return rc == MPI_SUCCESS ? check_counts(c, x->rcounts, x->rdispls, x->rdt, x->rbuf, "recv")
                                 : rc;
    }
    for (int i = 0; rc == MPI_SUCCESS && i < c->comm->size; i++) {
        if (x->sbuf != MPI_IN_PLACE) {
            rc = check_counts(c, x->scounts, x->sdispls, x->sdts[i], x->sbuf, "send");
        }
        if (rc == MPI_SUCCESS) {
            rc = check_counts(c, x->rcounts, x->rdispls, x->rdts[i], x->rbuf, "recv");
        }
    }
    return rc;
}

static int run_xfer(const struct call *c, const struct xfer *x, enum xfer_kind k,
                    MPI_Request *req)
{
    struct mpr_comm *m = c->comm;

    switch (k) {
    case X_GATHER:
        return mpr_coll_gather(x->sbuf, x->scount, x->sdt, x->rbuf, x->rcount, x->rdt, x->root, m,
                               req);
    case X_GATHERV:
        return mpr_coll_gatherv(x->sbuf, x->scount, x->sdt, x->rbuf, x->rcounts, x->rdispls,
                                x->rdt, x->root, m, req);
    case X_SCATTER:
        return mpr_coll_scatter(x->sbuf, x->scount, x->sdt, x->rbuf, x->rcount, x->rdt, x->root,
                                m, req);
    case X_SCATTERV:
        return mpr_coll_scatterv(x->sbuf, x->scounts, x->sdispls, x->sdt, x->rbuf, x->rcount,
                                 x->rdt, x->root, m, req);
    case X_ALLGATHER:
        return mpr_coll_allgather(x->sbuf, x->scount, x->sdt, x->rbuf, x->rcount, x->rdt, m, req);
    case X_ALLGATHERV:
        return mpr_coll_allgatherv(x->sbuf, x->scount, x->sdt, x->rbuf, x->rcounts, x->rdispls,
                                   x->rdt, m, req);
    case X_ALLTOALL:
        return mpr_coll_alltoall(x->sbuf, x->scount, x->sdt, x->rbuf, x->rcount, x->rdt, m, req);
    case X_ALLTOALLV:
        return mpr_coll_alltoallv(x->sbuf, x->scounts, x->sdispls, x->sdt, x->rbuf, x->rcounts,
                                  x->rdispls, x->rdt, m, req);
    default:
        return mpr_coll_alltoallw(x->sbuf, x->scounts, x->sdispls, x->sdts, x->rbuf, x->rcounts,
                                  x->rdispls, x->rdts, m, req);
    }
}

static int xfer(const struct call *c, const struct xfer *x, enum xfer_kind k, MPI_Request *req,
                int nb)
{
    int rc = begin(c, req, nb);

    if (rc == MPI_SUCCESS && k <= X_SCATTERV) {
        rc = check_root(c, x->root); /* gather, gatherv, scatter, scatterv have a root */
    }
    if (rc == MPI_SUCCESS) {
        rc = k >= X_ALLTOALL ? check_alltoall(c, x, k) : check_sides(c, x, k);
    }
    if (rc == MPI_SUCCESS && x->rbuf == MPI_IN_PLACE && k != X_SCATTER && k != X_SCATTERV) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "recvbuf: MPI_IN_PLACE is not allowed");
    }
    return rc != MPI_SUCCESS ? rc : done(c, run_xfer(c, x, k, req));
}
#pragma weak MPI_Gather = PMPI_Gather
int PMPI_Gather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    struct call c = {"MPI_Gather", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_GATHER, NULL, 0);
}

#pragma weak MPI_Igather = PMPI_Igather
int PMPI_Igather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Igather", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_GATHER, request, 1);
}

#pragma weak MPI_Gatherv = PMPI_Gatherv
int PMPI_Gatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    struct call c = {"MPI_Gatherv", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = displs, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_GATHERV, NULL, 0);
}

#pragma weak MPI_Igatherv = PMPI_Igatherv
int PMPI_Igatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int displs[], MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Igatherv", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = displs, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_GATHERV, request, 1);
}

#pragma weak MPI_Scatter = PMPI_Scatter
int PMPI_Scatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    struct call c = {"MPI_Scatter", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_SCATTER, NULL, 0);
}

#pragma weak MPI_Iscatter = PMPI_Iscatter
int PMPI_Iscatter(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iscatter", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_SCATTER, request, 1);
}

#pragma weak MPI_Scatterv = PMPI_Scatterv
int PMPI_Scatterv(const void *sendbuf, const int sendcounts[], const int displs[], MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm)
{
    struct call c = {"MPI_Scatterv", comm};
    struct xfer x = {.sbuf = sendbuf, .scounts = sendcounts, .sdispls = displs, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_SCATTERV, NULL, 0);
}

#pragma weak MPI_Iscatterv = PMPI_Iscatterv
int PMPI_Iscatterv(const void *sendbuf, const int sendcounts[], const int displs[], MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, int root, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iscatterv", comm};
    struct xfer x = {.sbuf = sendbuf, .scounts = sendcounts, .sdispls = displs, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = root};

    return xfer(&c, &x, X_SCATTERV, request, 1);
}

#pragma weak MPI_Allgather = PMPI_Allgather
int PMPI_Allgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    struct call c = {"MPI_Allgather", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLGATHER, NULL, 0);
}

#pragma weak MPI_Iallgather = PMPI_Iallgather
int PMPI_Iallgather(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iallgather", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLGATHER, request, 1);
}

#pragma weak MPI_Allgatherv = PMPI_Allgatherv
int PMPI_Allgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int displs[], MPI_Datatype recvtype, MPI_Comm comm)
{
    struct call c = {"MPI_Allgatherv", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = displs, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLGATHERV, NULL, 0);
}

#pragma weak MPI_Iallgatherv = PMPI_Iallgatherv
int PMPI_Iallgatherv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int displs[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Iallgatherv", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = displs, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLGATHERV, request, 1);
}

#pragma weak MPI_Alltoall = PMPI_Alltoall
int PMPI_Alltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm)
{
    struct call c = {"MPI_Alltoall", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLTOALL, NULL, 0);
}

#pragma weak MPI_Ialltoall = PMPI_Ialltoall
int PMPI_Ialltoall(const void *sendbuf, int sendcount, MPI_Datatype sendtype, void *recvbuf, int recvcount, MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Ialltoall", comm};
    struct xfer x = {.sbuf = sendbuf, .scount = sendcount, .sdt = sendtype, .rbuf = recvbuf, .rcount = recvcount, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLTOALL, request, 1);
}

#pragma weak MPI_Alltoallv = PMPI_Alltoallv
int PMPI_Alltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[], MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm)
{
    struct call c = {"MPI_Alltoallv", comm};
    struct xfer x = {.sbuf = sendbuf, .scounts = sendcounts, .sdispls = sdispls, .sdt = sendtype, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = rdispls, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLTOALLV, NULL, 0);
}

#pragma weak MPI_Ialltoallv = PMPI_Ialltoallv
int PMPI_Ialltoallv(const void *sendbuf, const int sendcounts[], const int sdispls[], MPI_Datatype sendtype, void *recvbuf, const int recvcounts[], const int rdispls[], MPI_Datatype recvtype, MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Ialltoallv", comm};
    struct xfer x = {.sbuf = sendbuf, .scounts = sendcounts, .sdispls = sdispls, .sdt = sendtype, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = rdispls, .rdt = recvtype, .root = -1};

    return xfer(&c, &x, X_ALLTOALLV, request, 1);
}

#pragma weak MPI_Alltoallw = PMPI_Alltoallw
int PMPI_Alltoallw(const void *sendbuf, const int sendcounts[], const int sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[], const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm)
{
    struct call c = {"MPI_Alltoallw", comm};
    struct xfer x = {.sbuf = sendbuf, .scounts = sendcounts, .sdispls = sdispls, .sdts = sendtypes, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = rdispls, .rdts = recvtypes, .root = -1};

    return xfer(&c, &x, X_ALLTOALLW, NULL, 0);
}

#pragma weak MPI_Ialltoallw = PMPI_Ialltoallw
int PMPI_Ialltoallw(const void *sendbuf, const int sendcounts[], const int sdispls[], const MPI_Datatype sendtypes[], void *recvbuf, const int recvcounts[], const int rdispls[], const MPI_Datatype recvtypes[], MPI_Comm comm, MPI_Request *request)
{
    struct call c = {"MPI_Ialltoallw", comm};
    struct xfer x = {.sbuf = sendbuf, .scounts = sendcounts, .sdispls = sdispls, .sdts = sendtypes, .rbuf = recvbuf, .rcounts = recvcounts, .rdispls = rdispls, .rdts = recvtypes, .root = -1};

    return xfer(&c, &x, X_ALLTOALLW, request, 1);
}
