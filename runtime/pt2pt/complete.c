/* Completion as MPI_Wait/Test see it: done?, status, release or deactivate; cancel; probe. */
#include "pt2pt/pt2pt.h"

#include "comm/comm.h"
#include "core/progress.h"
#include "core/errcode.h"
#include "datatype/datatype_ops.h"
#include "pt2pt/match.h"
#include "pt2pt/message.h"

#include <stdlib.h>

int mpr_request_done(const struct mpr_request *req)
{
    if (req->kind == MPR_REQ_PERSIST_SEND || req->kind == MPR_REQ_PERSIST_RECV) {
        return !req->persist_active || req->inner->complete;
    }
    return req->complete;
}

int mpr_request_finish(MPI_Request *handle, MPI_Status *status)
{
    struct mpr_request *req = *handle;
    int err;

    if (req->kind == MPR_REQ_PERSIST_SEND || req->kind == MPR_REQ_PERSIST_RECV) {
        if (!req->persist_active) {
            mpr_request_status(req, status); /* empty status of an inactive request */
            return MPI_SUCCESS;
        }
        err = req->inner->error;
        mpr_request_unstage(req->inner);
        mpr_request_status(req->inner, status);
        mpr_request_release(req->inner);
        req->inner = NULL;
        req->persist_active = 0;
        return err;
    }
    err = req->error;
    mpr_request_unstage(req);
    mpr_request_status(req, status);
    mpr_request_release(req);
    *handle = MPI_REQUEST_NULL;
    return err;
}

void mpr_request_free(MPI_Request *handle)
{
    struct mpr_request *req = *handle;

    *handle = MPI_REQUEST_NULL;
    if (req->kind == MPR_REQ_PERSIST_SEND || req->kind == MPR_REQ_PERSIST_RECV) {
        if (req->persist_active && !req->inner->complete) {
            req->inner->freed = 1; /* the operation finishes on its own */
        } else if (req->inner) {
            mpr_request_unstage(req->inner);
            mpr_request_release(req->inner);
        }
        mpr_type_release(req->dtype); /* taken by mpr_pt2pt_persist_init */
        mpr_request_release(req);
        return;
    }
    if (req->complete) {
        mpr_request_unstage(req);
        mpr_request_release(req);
    } else {
        req->freed = 1;
    }
}

void mpr_pt2pt_cancel(struct mpr_request *req)
{
    struct mpr_match_queues *q;

    if (req->kind == MPR_REQ_PERSIST_RECV && req->persist_active) {
        req = req->inner;
    }
    if (req->kind != MPR_REQ_RECV || req->complete) {
        return; /* sends are not cancelled: MPI allows that, and the receive side keeps order */
    }
    q = mpr_match_queues(req->ctx);
    if (q && mpr_match_unpost(q, req)) {
        req->cancelled = 1;
        req->src = MPI_ANY_SOURCE;
        req->rtag = MPI_ANY_TAG;
        req->got = 0;
        mpr_request_complete(req);
    }
}

static void probe_status(const struct mpr_unexp *u, MPI_Status *status)
{
    if (status != MPI_STATUS_IGNORE) {
        status->MPI_SOURCE = u->hdr.src;
        status->MPI_TAG = u->hdr.tag;
        status->MPI_ERROR = MPI_SUCCESS;
        status->mpr_cancelled = 0;
        status->mpr_count = (MPI_Count)u->hdr.size;
    }
}

int mpr_pt2pt_iprobe(int src, int tag, struct mpr_comm *comm, int *flag, MPI_Status *status,
                     struct mpr_message **msg)
{
    struct mpr_match_queues *q = mpr_match_queues(comm->context_id);
    /* Allocated before the message is taken, so that running out of memory loses nothing. */
    struct mpr_message *m = msg ? calloc(1, sizeof(*m)) : NULL;
    struct mpr_unexp *u;

    if (!q || (msg && !m)) {
        free(m);
        return -MPR_ERR_NOMEM;
    }
    mpr_progress();
    u = mpr_match_find_unexp(q, src, tag, msg != NULL);
    *flag = u != NULL;
    if (!u) {
        free(m);
        return 0;
    }
    probe_status(u, status);
    if (msg) {
        m->magic = MPR_MESSAGE_MAGIC;
        m->unexp = u;
        m->comm = comm;
        *msg = m;
    }
    return 0;
}
