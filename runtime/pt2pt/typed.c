/* Point-to-point on datatypes: staging around the byte calls (pt2pt/typed.h). */
#include "pt2pt/typed.h"

#include "core/errcode.h"
#include "datatype/flat.h"
#include "datatype/stage.h"

#include <stdlib.h>

/* Non-contig messages up to this size are packed (unpacked) on the stack by blocking calls. */
#define SEND_NOW_STACK 512

int mpr_pt2pt_send_now_dt(const void *buf, int count, MPI_Datatype dt, int dest, int tag,
                          struct mpr_comm *comm)
{
    unsigned char tmp[SEND_NOW_STACK];
    MPI_Count bytes = (MPI_Count)count * dt->packed;

    if (bytes > SEND_NOW_STACK) {
        return 0;
    }
    mpr_dt_pack(dt, count, buf, tmp, 0, bytes);
    return mpr_pt2pt_send_now(tmp, (size_t)bytes, dest, tag, comm);
}

/* Whether count elements of dt are large enough to stream (pack as they leave). */
static int streams(int count, MPI_Datatype dt)
{
    return !mpr_datatype_direct(dt, count) &&
           (size_t)count * (size_t)dt->packed >= MPR_STAGE_STREAM_MIN;
}

int mpr_pt2pt_isend_dt(const void *buf, int count, MPI_Datatype dt, int dest, int tag,
                       struct mpr_comm *comm, enum mpr_send_mode mode, struct mpr_request **out)
{
    struct mpr_stage *st;
    const void *data;
    size_t bytes;
    int rc;

    if (mode != MPR_MODE_BUFFERED && streams(count, dt)) {
        rc = mpr_stage_send_streamed(buf, count, dt, &st);
        if (rc == 0) {
            rc = mpr_pt2pt_isend_streamed(st, (size_t)count * (size_t)dt->packed, dest, tag, comm,
                                          mode, out);
        }
        if (rc != 0) {
            mpr_stage_discard(st);
        }
        return rc;
    }
    rc = mpr_stage_send(buf, count, dt, &data, &bytes, &st);
    if (rc != 0) {
        return rc;
    }
    if (mode == MPR_MODE_BUFFERED) {
        rc = mpr_bsend_start(data, bytes, dest, tag, comm, out);
    } else {
        rc = mpr_pt2pt_isend(data, bytes, dest, tag, comm, mode, out);
    }
    if (rc != 0) {
        mpr_stage_discard(st);
        return rc;
    }
    mpr_request_set_stage(*out, st); /* freed when the send no longer reads the packed copy */
    return 0;
}

/*
 * The stage goes on the request after the receive is posted: a streamed message's fragments,
 * which unpack straight into buf once the request has its stage, arrive only from the progress
 * engine for a peer, and within the post itself for a send to self (the self transport delivers
 * at once), so they all find the stage or all land in the temporary, never some of each.
 */
int mpr_pt2pt_irecv_dt(void *buf, int count, MPI_Datatype dt, int src, int tag,
                       struct mpr_comm *comm, struct mpr_request **out)
{
    struct mpr_stage *st;
    void *data;
    size_t cap;
    int rc = mpr_stage_recv(buf, count, dt, &data, &cap, &st);

    if (rc == 0) {
        rc = mpr_pt2pt_irecv(data, cap, src, tag, comm, out);
    }
    if (rc != 0) {
        mpr_stage_discard(st);
        return rc;
    }
    mpr_request_set_stage(*out, st);
    return 0;
}

/*
 * Blocking: the temporary lives in this call, on the stack when small. A receive large enough
 * to be streamed takes a request, so fragments unpack as they arrive.
 */
int mpr_pt2pt_recv_dt(void *buf, int count, MPI_Datatype dt, int src, int tag,
                      struct mpr_comm *comm, MPI_Status *status)
{
    unsigned char small[SEND_NOW_STACK];
    size_t cap = (size_t)count * (size_t)dt->packed;
    unsigned char *tmp;
    struct mpr_request *req;
    int rc;

    if (streams(count, dt)) {
        rc = mpr_pt2pt_irecv_dt(buf, count, dt, src, tag, comm, &req);
        if (rc == 0) {
            mpr_pt2pt_wait(req);
            (void)mpr_request_finish(&req, status);
        }
        return rc;
    }
    tmp = cap <= sizeof(small) ? small : malloc(cap);
    if (!tmp) {
        return -MPR_ERR_NOMEM;
    }
    rc = mpr_pt2pt_recv(tmp, cap, src, tag, comm, status);
    if (rc == 0) {
        mpr_dt_unpack(dt, count, buf, tmp, 0, status->mpr_count);
    }
    if (tmp != small) {
        free(tmp);
    }
    return rc;
}

int mpr_pt2pt_imrecv_dt(void *buf, int count, MPI_Datatype dt, struct mpr_message *msg,
                        struct mpr_request **out)
{
    struct mpr_stage *st;
    void *data;
    size_t cap;
    int rc = mpr_stage_recv(buf, count, dt, &data, &cap, &st);

    if (rc == 0) {
        rc = mpr_pt2pt_imrecv(data, cap, msg, out);
    }
    if (rc != 0) {
        mpr_stage_discard(st);
        return rc;
    }
    mpr_request_set_stage(*out, st);
    return 0;
}
