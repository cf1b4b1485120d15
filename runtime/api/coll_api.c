/*
 * Collective communication, the API edge shared by coll.c and coll_xfer.c: argument checks,
 * reporting the layer below's failures, and running a checked call (stage the buffers whose
 * datatypes are not contig, call coll/, finish or hand over the staging).
 */
#include "api/coll_api.h"

#include "coll/coll.h"
#include "comm/comm.h"
#include "core/errclass.h"
#include "core/errcode.h"
#include "datatype/datatype.h"
#include "op/op.h"
#include "pt2pt/request.h"

/* ---- argument checks: MPI_SUCCESS, or what mpr_api_error returned ---- */

static int check_comm(const struct mpr_api_call *c)
{
    if (mpr_api_comm_ok(c->comm)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, c->fn, MPI_ERR_COMM, "comm: %s",
                         c->comm == MPI_COMM_NULL ? "MPI_COMM_NULL" : "not a communicator");
}

static int check_type(const struct mpr_api_call *c, MPI_Datatype dt, const char *what)
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

/*
 * A buffer of count elements: count >= 0, valid type, not NULL unless empty or in place (or the
 * type is derived: its displacements may be addresses from MPI_BOTTOM).
 */
int mpr_api_coll_check_buf(const struct mpr_api_call *c, const void *buf, int count,
                           MPI_Datatype dt, const char *what, int in_place_ok)
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
    if (rc == MPI_SUCCESS && buf == NULL && count > 0 && dt->size > 0 &&
        dt->combiner == MPI_COMBINER_NAMED) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "%s: NULL with count %d", what, count);
    }
    return rc;
}

int mpr_api_coll_check_counts(const struct mpr_api_call *c, const int *counts, const int *displs,
                              MPI_Datatype dt, const void *buf, const char *what)
{
    int rc = check_type(c, dt, what);
    int named = rc == MPI_SUCCESS && dt->combiner == MPI_COMBINER_NAMED;

    if (rc == MPI_SUCCESS && (counts == NULL || (displs == NULL && buf != NULL))) {
        rc = mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "%s counts or displacements: NULL", what);
    }
    for (int i = 0; rc == MPI_SUCCESS && i < c->comm->size; i++) {
        if (counts[i] < 0) {
            rc = mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT, "%s counts[%d]: %d is negative", what,
                               i, counts[i]);
        } else if (counts[i] > 0 && buf == NULL && named) {
            rc = mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER, "%s: NULL with counts[%d] %d", what,
                               i, counts[i]);
        }
    }
    return rc;
}

int mpr_api_coll_check_root(const struct mpr_api_call *c, int root)
{
    if (root >= 0 && root < c->comm->size) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(c->comm, c->fn, MPI_ERR_ROOT,
                         "root: %d is not a rank of the communicator (size %d)", root,
                         c->comm->size);
}

/* A predefined op reduces a derived type as its base type; a user op takes any boxed type. */
int mpr_api_coll_check_op(const struct mpr_api_call *c, MPI_Op op, MPI_Datatype dt)
{
    const struct mpr_datatype *as;

    if (!mpr_op_ok(op)) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_OP, "op: %s",
                             op == MPI_OP_NULL ? "MPI_OP_NULL" : "not an operation");
    }
    as = mpr_stage_red_type(dt, op->kind == MPR_OP_USER);
    if (!as && op->kind == MPR_OP_USER) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_OP,
                             "op: a user op on a derived datatype whose data lies outside "
                             "[0, extent) is not supported; resize the type to cover it");
    }
    if (!as) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_OP,
                             "op: %s needs a datatype whose basic elements are all one "
                             "predefined type; this derived type mixes them",
                             op->name);
    }
    if (mpr_op_check(op, as) != 0) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_OP, "op: %s is not defined on %s", op->name,
                             as->name[0] ? as->name : "this datatype");
    }
    return MPI_SUCCESS;
}

/* The standard forbids the same memory as send and receive buffer (use MPI_IN_PLACE). */
int mpr_api_coll_check_alias(const struct mpr_api_call *c, const void *sbuf, const void *rbuf,
                             int nonempty)
{
    if (nonempty && sbuf == rbuf && sbuf != MPI_IN_PLACE) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_BUFFER,
                             "sendbuf and recvbuf are the same buffer; pass MPI_IN_PLACE as "
                             "sendbuf instead");
    }
    return MPI_SUCCESS;
}

static int check_req(const struct mpr_api_call *c, MPI_Request *req)
{
    return req ? MPI_SUCCESS : mpr_api_error(c->comm, c->fn, MPI_ERR_ARG, "request: NULL pointer");
}

/* Report a failure of the layer below. */
int mpr_api_coll_done(const struct mpr_api_call *c, int rc)
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

int mpr_api_coll_begin(const struct mpr_api_call *c, MPI_Request *req, int nonblocking)
{
    int rc;

    mpr_api_require_init(c->fn);
    rc = check_comm(c);
    if (rc == MPI_SUCCESS && nonblocking) {
        rc = check_req(c, req);
    }
    return rc;
}

/* ---- running a checked call ---- */

/* The collective of kind k on a's (staged) buffers. */
static int dispatch(enum mpr_coll_kind k, const struct mpr_coll_args *a, MPI_Op op,
                    struct mpr_comm *m, MPI_Request *req)
{
    switch (k) {
    case MPR_CK_BCAST:
        return mpr_coll_bcast(a->rbuf, a->rcount, a->rdt, a->root, m, req);
    case MPR_CK_GATHER:
        return mpr_coll_gather(a->sbuf, a->scount, a->sdt, a->rbuf, a->rcount, a->rdt, a->root, m,
                               req);
    case MPR_CK_GATHERV:
        return mpr_coll_gatherv(a->sbuf, a->scount, a->sdt, a->rbuf, a->rcounts, a->rdispls, a->rdt,
                                a->root, m, req);
    case MPR_CK_SCATTER:
        return mpr_coll_scatter(a->sbuf, a->scount, a->sdt, a->rbuf, a->rcount, a->rdt, a->root, m,
                                req);
    case MPR_CK_SCATTERV:
        return mpr_coll_scatterv(a->sbuf, a->scounts, a->sdispls, a->sdt, a->rbuf, a->rcount,
                                 a->rdt, a->root, m, req);
    case MPR_CK_ALLGATHER:
        return mpr_coll_allgather(a->sbuf, a->scount, a->sdt, a->rbuf, a->rcount, a->rdt, m, req);
    case MPR_CK_ALLGATHERV:
        return mpr_coll_allgatherv(a->sbuf, a->scount, a->sdt, a->rbuf, a->rcounts, a->rdispls,
                                   a->rdt, m, req);
    case MPR_CK_ALLTOALL:
        return mpr_coll_alltoall(a->sbuf, a->scount, a->sdt, a->rbuf, a->rcount, a->rdt, m, req);
    case MPR_CK_ALLTOALLV:
        return mpr_coll_alltoallv(a->sbuf, a->scounts, a->sdispls, a->sdt, a->rbuf, a->rcounts,
                                  a->rdispls, a->rdt, m, req);
    case MPR_CK_ALLTOALLW:
        return mpr_coll_alltoallw(a->sbuf, a->scounts, a->sdispls, a->sdts, a->rbuf, a->rcounts,
                                  a->rdispls, a->rdts, m, req);
    case MPR_CK_REDUCE:
        return mpr_coll_reduce(a->sbuf, a->rbuf, a->scount, a->sdt, op, a->root, m, req);
    case MPR_CK_ALLREDUCE:
        return mpr_coll_allreduce(a->sbuf, a->rbuf, a->scount, a->sdt, op, m, req);
    case MPR_CK_SCAN:
        return mpr_coll_scan(a->sbuf, a->rbuf, a->scount, a->sdt, op, m, req);
    case MPR_CK_EXSCAN:
        return mpr_coll_exscan(a->sbuf, a->rbuf, a->scount, a->sdt, op, m, req);
    case MPR_CK_REDUCE_SCATTER:
        return mpr_coll_reduce_scatter(a->sbuf, a->rbuf, a->rcounts, a->sdt, op, m, req);
    default:
        return mpr_coll_reduce_scatter_block(a->sbuf, a->rbuf, a->rcount, a->sdt, op, m, req);
    }
}

/*
 * Stage, run, and finish the staging: at once for a blocking call, at completion for a
 * nonblocking one (the request runs it), never for a call that failed to start.
 */
int mpr_api_coll_run(const struct mpr_api_call *c, enum mpr_coll_kind k, struct mpr_coll_args *a,
                     MPI_Op op, MPI_Request *req)
{
    struct mpr_stage *st = NULL;
    int rc;

    a->user_op = op != MPI_OP_NULL && op->kind == MPR_OP_USER;
    rc = mpr_stage_coll(k, a, c->comm->rank, c->comm->size, &st);
    if (rc == -MPR_ERR_ARG) {
        return mpr_api_error(c->comm, c->fn, MPI_ERR_COUNT,
                             "the counts of a non-contiguous datatype, packed, exceed an int");
    }
    if (rc == 0) {
        rc = dispatch(k, a, op, c->comm, req);
    }
    if (rc != 0) {
        mpr_stage_discard(st);
        return mpr_api_coll_done(c, rc);
    }
    if (req) {
        mpr_request_set_stage(*req, st);
    } else {
        mpr_stage_finish(st, 0);
    }
    return MPI_SUCCESS;
}
