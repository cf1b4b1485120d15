/*
 * Persistent requests: MPI_Send_init & co. keep the arguments; each start runs an operation.
 * The request holds a reference on its datatype until it is freed, and each start stages the
 * data like the nonblocking call would (pt2pt/typed.h).
 */
#include "pt2pt/pt2pt.h"

#include "core/errcode.h"
#include "datatype/datatype_ops.h"
#include "pt2pt/typed.h"

int mpr_pt2pt_persist_init(enum mpr_req_kind kind, void *buf, int count, MPI_Datatype dtype,
                           int rank, int tag, struct mpr_comm *comm, enum mpr_send_mode mode,
                           struct mpr_request **out)
{
    struct mpr_request *req = mpr_request_new(kind);

    if (!req) {
        return -MPR_ERR_NOMEM;
    }
    req->buf = buf;
    req->count = count;
    req->dtype = dtype;
    req->bytes = (size_t)count * (size_t)dtype->packed;
    mpr_type_retain(dtype); /* released by mpr_request_free */
    req->rank = rank;
    req->tag = tag;
    req->comm = comm;
    req->mode = mode;
    /* An inactive request reports an empty status. */
    req->src = MPI_ANY_SOURCE;
    req->rtag = MPI_ANY_TAG;
    *out = req;
    return 0;
}

int mpr_pt2pt_start(struct mpr_request *req)
{
    int rc;

    if (req->kind == MPR_REQ_PERSIST_RECV) {
        rc = mpr_pt2pt_irecv_dt(req->buf, req->count, req->dtype, req->rank, req->tag, req->comm,
                                &req->inner);
    } else {
        rc = mpr_pt2pt_isend_dt(req->buf, req->count, req->dtype, req->rank, req->tag, req->comm,
                                req->mode, &req->inner);
    }
    if (rc == 0) {
        req->persist_active = 1;
    }
    return rc;
}
