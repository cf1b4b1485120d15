#include "pt2pt/request.h"

#include "datatype/stage.h"
#include "pt2pt/bsend.h"

#include <stdlib.h>
#include <string.h>

/*
 * Freed requests are kept on a list and reused: the blocking paths allocate one per call, and
 * malloc/free per message would show in the latency. Single-threaded use (the thread level is
 * at most MPI_THREAD_SERIALIZED), so no lock.
 */
static struct mpr_request *free_list;

struct mpr_request *mpr_request_new(enum mpr_req_kind kind)
{
    struct mpr_request *r = free_list;

    if (r) {
        free_list = r->next;
    } else {
        r = malloc(sizeof(*r));
        if (!r) {
            return NULL;
        }
    }
    memset(r, 0, sizeof(*r));
    r->magic = MPR_REQUEST_MAGIC;
    r->kind = kind;
    r->peer = -1;
    r->error = MPI_SUCCESS;
    return r;
}

void mpr_request_release(struct mpr_request *req)
{
    if (req->stage) {
        /* released without completing (an operation that failed to start) */
        mpr_stage_discard(req->stage);
        req->stage = NULL;
    }
    req->magic = 0;
    req->next = free_list;
    free_list = req;
}

void mpr_request_complete(struct mpr_request *req)
{
    req->complete = 1;
    if (req->bsend) {
        mpr_bsend_release(req->bsend);
        req->bsend = NULL;
    }
    if (req->freed) {
        mpr_request_unstage(req); /* nobody will finish it: the data goes in now */
        mpr_request_release(req);
    }
}

void mpr_request_set_stage(struct mpr_request *req, struct mpr_stage *st)
{
    req->stage = st;
}

void mpr_request_unstage(struct mpr_request *req)
{
    if (req->stage) {
        mpr_stage_finish(req->stage, req->got);
        req->stage = NULL;
    }
}

void mpr_request_status(const struct mpr_request *req, MPI_Status *status)
{
    if (status == MPI_STATUS_IGNORE) {
        return;
    }
    if (req->kind != MPR_REQ_SEND) {
        status->MPI_SOURCE = req->src;
        status->MPI_TAG = req->rtag;
        status->mpr_count = (MPI_Count)req->got;
    } else {
        status->mpr_count = 0;
    }
    status->MPI_ERROR = req->error;
    status->mpr_cancelled = req->cancelled;
}
