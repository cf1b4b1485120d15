/*
 * Point-to-point communication: the MPI entry points.
 * Each checks its arguments and calls runtime/pt2pt/: contig datatypes as bytes (count x packed
 * size, from where the data starts), the others through pt2pt/typed.h, which packs and unpacks
 * around the byte calls. Internal errors are mapped to MPI classes and reported through the
 * communicator's handler.
 * Argument checks come in one order everywhere: comm, count, datatype, buffer, rank, tag, handles.
 */
#include "api/api.h"

#include "comm/comm.h"
#include "comm/comm_attr.h"
#include "core/progress.h"
#include "core/errclass.h"
#include "core/errcode.h"
#include "core/wait.h"
#include "datatype/datatype.h"
#include "datatype/flat.h"
#include "pt2pt/message.h"
#include "pt2pt/pt2pt.h"
#include "pt2pt/typed.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

/* One side of a point-to-point call as the user gave it. */
struct p2p_args {
    const char *fn;
    MPI_Comm comm;
    const void *buf;
    int count;
    MPI_Datatype dt;
    int rank; /* destination of a send, source of a receive */
    int tag;
};

/* What an error report about a finished request needs, taken before the request is released. */
struct done_info {
    MPI_Comm comm;
    size_t cap; /* receive buffer capacity */
    MPI_Status st;
};

/* The MPI_Buffer_attach buffer, kept here for argument checks and error messages. */
static struct {
    int attached;
    size_t size;
} bsend_buf;

/* Bytes of count elements of dt on the wire (packed; for contig types their memory too). */
static size_t nbytes(int count, MPI_Datatype dt)
{
    return (size_t)count * (size_t)dt->packed;
}

static int is_persistent(const struct mpr_request *r)
{
    return r->kind == MPR_REQ_PERSIST_SEND || r->kind == MPR_REQ_PERSIST_RECV;
}

/* MPI_REQUEST_NULL and inactive persistent requests: Wait and Test return an empty status. */
static int request_inactive(const struct mpr_request *r)
{
    return r == MPI_REQUEST_NULL || (is_persistent(r) && !r->persist_active);
}

static void fill_status(MPI_Status *st, int source)
{
    if (st == MPI_STATUS_IGNORE) {
        return;
    }
    st->MPI_SOURCE = source;
    st->MPI_TAG = MPI_ANY_TAG;
    st->MPI_ERROR = MPI_SUCCESS;
    st->mpr_cancelled = 0;
    st->mpr_count = 0;
}

/* The status of a null or inactive request. */
static void empty_status(MPI_Status *st)
{
    fill_status(st, MPI_ANY_SOURCE);
}

/* The status of a receive or probe from MPI_PROC_NULL. */
static void proc_null_status(MPI_Status *st)
{
    fill_status(st, MPI_PROC_NULL);
}

static int internal_error(MPI_Comm comm, const char *fn, int rc)
{
    if (rc == -MPR_ERR_NOMEM) {
        return mpr_api_error(comm, fn, MPI_ERR_NO_MEM, "out of memory");
    }
    return mpr_api_error(comm, fn, mpr_errclass_from_internal(rc), "internal error %d", -rc);
}

static int bsend_error(MPI_Comm comm, const char *fn, size_t bytes)
{
    if (!bsend_buf.attached) {
        return mpr_api_error(comm, fn, MPI_ERR_BUFFER,
                             "buffer: no buffer is attached for a %zu-byte buffered send; see "
                             "MPI_Buffer_attach",
                             bytes);
    }
    return mpr_api_error(comm, fn, MPI_ERR_BUFFER,
                         "buffer: the attached buffer (%zu bytes) has no room for %zu more bytes; "
                         "see MPI_Buffer_attach",
                         bsend_buf.size, bytes + MPI_BSEND_OVERHEAD);
}

/* ---- argument checks: each returns MPI_SUCCESS or what mpr_api_error returned ---- */

static int check_comm(const char *fn, MPI_Comm comm)
{
    if (mpr_api_comm_ok(comm)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COMM, "comm: %s",
                         comm == MPI_COMM_NULL ? "MPI_COMM_NULL" : "not a communicator");
}

static int check_buffer(MPI_Comm comm, const char *fn, const void *buf, int count, MPI_Datatype dt)
{
    if (count < 0) {
        return mpr_api_error(comm, fn, MPI_ERR_COUNT, "count: %d is negative", count);
    }
    if (dt == MPI_DATATYPE_NULL) {
        return mpr_api_error(comm, fn, MPI_ERR_TYPE, "datatype: MPI_DATATYPE_NULL");
    }
    if (!mpr_datatype_ok(dt)) {
        return mpr_api_error(comm, fn, MPI_ERR_TYPE, "datatype: not a datatype");
    }
    if (!dt->committed) {
        return mpr_api_error(comm, fn, MPI_ERR_TYPE,
                             "datatype: %s is not committed; call MPI_Type_commit first",
                             dt->name[0] ? dt->name : "the type");
    }
    /* Derived types may address absolute memory from MPI_BOTTOM (NULL). */
    if (buf == NULL && count > 0 && dt->size > 0 && dt->combiner == MPI_COMBINER_NAMED) {
        return mpr_api_error(comm, fn, MPI_ERR_BUFFER, "buf: NULL with count %d of %s", count,
                             dt->name[0] ? dt->name : "a non-empty type");
    }
    return MPI_SUCCESS;
}

/* A rank argument: [0, size), MPI_PROC_NULL, and MPI_ANY_SOURCE when any_ok. */
static int check_rank(MPI_Comm comm, const char *fn, const char *what, int rank, int any_ok)
{
    if ((rank >= 0 && rank < comm->size) || rank == MPI_PROC_NULL ||
        (any_ok && rank == MPI_ANY_SOURCE)) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(
        comm, fn, MPI_ERR_RANK, "%s: %d is not a rank of the communicator (size %d)%s", what, rank,
        comm->size, any_ok ? ", MPI_ANY_SOURCE or MPI_PROC_NULL" : " or MPI_PROC_NULL");
}

/* A tag argument: 0..MPI_TAG_UB, and MPI_ANY_TAG when any_ok. */
static int check_tag(MPI_Comm comm, const char *fn, const char *what, int tag, int any_ok)
{
    if (tag >= 0 || (any_ok && tag == MPI_ANY_TAG)) {
        return MPI_SUCCESS; /* MPR_TAG_UB is INT_MAX: every non-negative int is a tag */
    }
    return mpr_api_error(comm, fn, MPI_ERR_TAG, "%s: %d is outside 0..%d (MPI_TAG_UB)%s", what, tag,
                         MPR_TAG_UB, any_ok ? " and is not MPI_ANY_TAG" : "");
}

static int check_ptr(MPI_Comm comm, const char *fn, const void *p, const char *what)
{
    if (p != NULL) {
        return MPI_SUCCESS;
    }
    return mpr_api_error(comm, fn, MPI_ERR_ARG, "%s: NULL pointer", what);
}

static int check_send(const struct p2p_args *a)
{
    int rc = check_comm(a->fn, a->comm);

    if (rc == MPI_SUCCESS) {
        rc = check_buffer(a->comm, a->fn, a->buf, a->count, a->dt);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_rank(a->comm, a->fn, "dest", a->rank, 0);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_tag(a->comm, a->fn, "tag", a->tag, 0);
    }
    return rc;
}

/* Receives and probes (a->count 0 and a->dt MPI_BYTE for a probe). */
static int check_recv(const struct p2p_args *a)
{
    int rc = check_comm(a->fn, a->comm);

    if (rc == MPI_SUCCESS) {
        rc = check_buffer(a->comm, a->fn, a->buf, a->count, a->dt);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_rank(a->comm, a->fn, "source", a->rank, 1);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_tag(a->comm, a->fn, "tag", a->tag, 1);
    }
    return rc;
}

/* A request argument; MPI_REQUEST_NULL passes when null_ok. */
static int check_request(const char *fn, const MPI_Request *request, int null_ok)
{
    if (request == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "request: NULL pointer");
    }
    if (*request == MPI_REQUEST_NULL && !null_ok) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST, "request: MPI_REQUEST_NULL");
    }
    if (*request != MPI_REQUEST_NULL && !mpr_request_ok(*request)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST,
                             "request: not a request (already completed or freed?)");
    }
    return MPI_SUCCESS;
}

static int check_request_array(const char *fn, int count, const MPI_Request reqs[])
{
    if (count < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_COUNT, "count: %d is negative", count);
    }
    if (count > 0 && reqs == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "array_of_requests: NULL pointer");
    }
    for (int i = 0; i < count; i++) {
        if (reqs[i] != MPI_REQUEST_NULL && !mpr_request_ok(reqs[i])) {
            return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST,
                                 "array_of_requests[%d]: not a request (already completed or "
                                 "freed?)",
                                 i);
        }
    }
    return MPI_SUCCESS;
}

/* ---- starting and completing operations ---- */

static int start_send(const struct p2p_args *a, enum mpr_send_mode mode, MPI_Request *out)
{
    int rc = mpr_pt2pt_isend_dt(a->buf, a->count, a->dt, a->rank, a->tag, a->comm, mode, out);

    if (rc == -MPR_ERR_BUFFER) {
        return bsend_error(a->comm, a->fn, nbytes(a->count, a->dt));
    }
    return rc < 0 ? internal_error(a->comm, a->fn, rc) : MPI_SUCCESS;
}

/* Receive into a's buffer and type, or, with raw non-NULL, its packed bytes into raw. */
static int start_recv(const struct p2p_args *a, void *raw, MPI_Request *out)
{
    int rc;

    if (raw) {
        rc = mpr_pt2pt_irecv(raw, nbytes(a->count, a->dt), a->rank, a->tag, a->comm, out);
    } else {
        rc = mpr_pt2pt_irecv_dt((void *)a->buf, a->count, a->dt, a->rank, a->tag, a->comm, out);
    }
    return rc < 0 ? internal_error(a->comm, a->fn, rc) : MPI_SUCCESS;
}

static size_t request_capacity(const struct mpr_request *r)
{
    if (is_persistent(r)) {
        return nbytes(r->count, r->dtype);
    }
    return r->bytes;
}

/* Finish a done, active request: status into *status and info; returns the operation's class. */
static int finish(MPI_Request *handle, MPI_Status *status, struct done_info *info)
{
    int err;

    info->comm = (*handle)->comm;
    info->cap = request_capacity(*handle);
    empty_status(&info->st); /* a send's status has no source or tag */
    err = mpr_request_finish(handle, &info->st);
    if (status != MPI_STATUS_IGNORE) {
        *status = info->st;
    }
    return err;
}

/*
 * Report the failed operation `err` (of array_of_requests[index], or index -1) as `errclass`
 * (err itself, or MPI_ERR_IN_STATUS for the array calls with statuses).
 */
static int op_error(const char *fn, int errclass, int err, int index, const struct done_info *in)
{
    char what[48] = "";
    const char *name = mpr_errclass_name(err);

    if (index >= 0) {
        snprintf(what, sizeof(what), "array_of_requests[%d]: ", index);
    }
    if (err == MPI_ERR_TRUNCATE) {
        return mpr_api_error(in->comm, fn, errclass,
                             "%sthe message from rank %d tag %d does not fit the %zu-byte "
                             "receive buffer (truncated)",
                             what, in->st.MPI_SOURCE, in->st.MPI_TAG, in->cap);
    }
    return mpr_api_error(in->comm, fn, errclass, "%sthe operation failed with %s", what,
                         name ? name : "an unknown error class");
}

static int finish_one(const char *fn, MPI_Request *handle, MPI_Status *status)
{
    struct done_info info;
    int err = finish(handle, status, &info);

    return err == MPI_SUCCESS ? MPI_SUCCESS : op_error(fn, err, err, -1, &info);
}

static int wait_one(const char *fn, MPI_Request *handle, MPI_Status *status)
{
    mpr_pt2pt_wait(*handle);
    return finish_one(fn, handle, status);
}

/*
 * Finish reqs[idx[k]] (reqs[k] when idx is NULL) into statuses[k] for k < n; inactive entries
 * get an empty status. Any failed operation makes the call fail: with MPI_ERR_IN_STATUS when
 * there are statuses to look at, else with the first failure's class.
 */
static int finish_entries(const char *fn, MPI_Request reqs[], int n, const int *idx,
                          MPI_Status statuses[])
{
    struct done_info info, bad;
    int first = MPI_SUCCESS, where = -1;

    for (int k = 0; k < n; k++) {
        int i = idx ? idx[k] : k;
        MPI_Status *st = statuses == MPI_STATUSES_IGNORE ? MPI_STATUS_IGNORE : &statuses[k];
        int err;

        if (request_inactive(reqs[i])) {
            empty_status(st);
            continue;
        }
        err = finish(&reqs[i], st, &info);
        if (err != MPI_SUCCESS && first == MPI_SUCCESS) {
            first = err;
            where = i;
            bad = info;
        }
    }
    if (first == MPI_SUCCESS) {
        return MPI_SUCCESS;
    }
    return op_error(fn, statuses == MPI_STATUSES_IGNORE ? first : MPI_ERR_IN_STATUS, first, where,
                    &bad);
}

/*
 * Progress until an active entry of reqs completes. mpr_pt2pt_wait_any takes an inactive
 * persistent request as complete, so those are hidden from it in a copy.
 */
static int wait_any_active(const char *fn, MPI_Request reqs[], int count)
{
    struct mpr_request *few[16], **v = reqs;
    int hidden = 0;

    for (int i = 0; i < count; i++) {
        hidden |= reqs[i] != MPI_REQUEST_NULL && request_inactive(reqs[i]);
    }
    if (hidden) {
        v = count <= 16 ? few : malloc((size_t)count * sizeof(*v));
        if (v == NULL) {
            return internal_error(MPI_COMM_WORLD, fn, -MPR_ERR_NOMEM);
        }
        for (int i = 0; i < count; i++) {
            v[i] = request_inactive(reqs[i]) ? NULL : reqs[i];
        }
    }
    mpr_pt2pt_wait_any(v, count);
    if (v != reqs && v != few) {
        free(v);
    }
    return MPI_SUCCESS;
}

/* Indices of the active entries that are done into idx; returns how many, -1 if none is active. */
static int collect_done(MPI_Request reqs[], int count, int idx[])
{
    int n = 0, active = 0;

    for (int i = 0; i < count; i++) {
        if (request_inactive(reqs[i])) {
            continue;
        }
        active = 1;
        if (mpr_request_done(reqs[i])) {
            idx[n++] = i;
        }
    }
    return active ? n : -1;
}

/* The first active entry that is done; -1 when none is, -2 when no entry is active. */
static int first_done(MPI_Request reqs[], int count)
{
    int active = 0;

    for (int i = 0; i < count; i++) {
        if (request_inactive(reqs[i])) {
            continue;
        }
        if (mpr_request_done(reqs[i])) {
            return i;
        }
        active = 1;
    }
    return active ? -1 : -2;
}

/* ---- sends and receives ---- */

/* The eager fast path: a contig type sends from the buffer, a small other one packed. */
static int send_now(const struct p2p_args *a)
{
    if (__builtin_expect(mpr_datatype_direct(a->dt, a->count), 1)) {
        return mpr_pt2pt_send_now(mpr_datatype_data(a->buf, a->dt), nbytes(a->count, a->dt),
                                  a->rank, a->tag, a->comm);
    }
    return mpr_pt2pt_send_now_dt(a->buf, a->count, a->dt, a->rank, a->tag, a->comm);
}

static int blocking_send(const struct p2p_args *a, enum mpr_send_mode mode)
{
    MPI_Request req;
    int rc = check_send(a);

    if (rc == MPI_SUCCESS && mode == MPR_MODE_STANDARD && send_now(a)) {
        return MPI_SUCCESS;
    }
    if (rc == MPI_SUCCESS) {
        rc = start_send(a, mode, &req);
    }
    if (rc == MPI_SUCCESS) {
        rc = wait_one(a->fn, &req, MPI_STATUS_IGNORE);
    }
    return rc;
}

static int nonblocking_send(const struct p2p_args *a, enum mpr_send_mode mode, MPI_Request *request)
{
    int rc = check_send(a);

    if (rc == MPI_SUCCESS) {
        rc = check_ptr(a->comm, a->fn, request, "request");
    }
    if (rc == MPI_SUCCESS) {
        rc = start_send(a, mode, request);
    }
    return rc;
}

#pragma weak MPI_Send = PMPI_Send
int PMPI_Send(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    struct p2p_args a = {"MPI_Send", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return blocking_send(&a, MPR_MODE_STANDARD);
}

#pragma weak MPI_Ssend = PMPI_Ssend
int PMPI_Ssend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    struct p2p_args a = {"MPI_Ssend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return blocking_send(&a, MPR_MODE_SYNC);
}

#pragma weak MPI_Rsend = PMPI_Rsend
int PMPI_Rsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    struct p2p_args a = {"MPI_Rsend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return blocking_send(&a, MPR_MODE_READY);
}

#pragma weak MPI_Bsend = PMPI_Bsend
int PMPI_Bsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm)
{
    struct p2p_args a = {"MPI_Bsend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return blocking_send(&a, MPR_MODE_BUFFERED);
}

#pragma weak MPI_Isend = PMPI_Isend
int PMPI_Isend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
               MPI_Request *request)
{
    struct p2p_args a = {"MPI_Isend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return nonblocking_send(&a, MPR_MODE_STANDARD, request);
}

#pragma weak MPI_Issend = PMPI_Issend
int PMPI_Issend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                MPI_Request *request)
{
    struct p2p_args a = {"MPI_Issend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return nonblocking_send(&a, MPR_MODE_SYNC, request);
}

#pragma weak MPI_Irsend = PMPI_Irsend
int PMPI_Irsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                MPI_Request *request)
{
    struct p2p_args a = {"MPI_Irsend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return nonblocking_send(&a, MPR_MODE_READY, request);
}

/* The request is complete at once: the message is in the attached buffer. */
#pragma weak MPI_Ibsend = PMPI_Ibsend
int PMPI_Ibsend(const void *buf, int count, MPI_Datatype datatype, int dest, int tag, MPI_Comm comm,
                MPI_Request *request)
{
    struct p2p_args a = {"MPI_Ibsend", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return nonblocking_send(&a, MPR_MODE_BUFFERED, request);
}

#pragma weak MPI_Recv = PMPI_Recv
int PMPI_Recv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
              MPI_Status *status)
{
    struct p2p_args a = {"MPI_Recv", comm, buf, count, datatype, source, tag};
    struct done_info info;
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_recv(&a);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (__builtin_expect(mpr_datatype_direct(datatype, count), 1)) {
        rc = mpr_pt2pt_recv(mpr_datatype_data(buf, datatype), nbytes(count, datatype), source, tag,
                            comm, &info.st);
    } else {
        rc = mpr_pt2pt_recv_dt(buf, count, datatype, source, tag, comm, &info.st);
    }
    if (rc < 0) {
        return internal_error(comm, a.fn, rc);
    }
    if (status != MPI_STATUS_IGNORE) {
        *status = info.st;
    }
    if (info.st.MPI_ERROR != MPI_SUCCESS) {
        info.comm = comm;
        info.cap = nbytes(count, datatype);
        return op_error(a.fn, info.st.MPI_ERROR, info.st.MPI_ERROR, -1, &info);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Irecv = PMPI_Irecv
int PMPI_Irecv(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
               MPI_Request *request)
{
    struct p2p_args a = {"MPI_Irecv", comm, buf, count, datatype, source, tag};
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_recv(&a);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(comm, a.fn, request, "request");
    }
    if (rc == MPI_SUCCESS) {
        rc = start_recv(&a, NULL, request);
    }
    return rc;
}

/*
 * Post the receive (into r's buffer, or its packed bytes into raw), then start the send, then
 * wait for both: two ranks exchanging large messages with each other cannot deadlock. A failed
 * send start cancels the receive.
 */
static int exchange(const struct p2p_args *s, const struct p2p_args *r, void *raw,
                    MPI_Status *status)
{
    MPI_Request rreq, sreq;
    int rc = start_recv(r, raw, &rreq);

    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = start_send(s, MPR_MODE_STANDARD, &sreq);
    if (rc != MPI_SUCCESS) {
        mpr_pt2pt_cancel(rreq);
        mpr_pt2pt_wait(rreq);
        (void)mpr_request_finish(&rreq, MPI_STATUS_IGNORE);
        return rc;
    }
    rc = wait_one(s->fn, &sreq, MPI_STATUS_IGNORE);
    if (rc == MPI_SUCCESS) {
        rc = wait_one(r->fn, &rreq, status);
    } else {
        mpr_pt2pt_wait(rreq);
        (void)mpr_request_finish(&rreq, status);
    }
    return rc;
}

#pragma weak MPI_Sendrecv = PMPI_Sendrecv
int PMPI_Sendrecv(const void *sendbuf, int sendcount, MPI_Datatype sendtype, int dest, int sendtag,
                  void *recvbuf, int recvcount, MPI_Datatype recvtype, int source, int recvtag,
                  MPI_Comm comm, MPI_Status *status)
{
    struct p2p_args s = {"MPI_Sendrecv", comm, sendbuf, sendcount, sendtype, dest, sendtag};
    struct p2p_args r = {"MPI_Sendrecv", comm, recvbuf, recvcount, recvtype, source, recvtag};
    int rc;

    mpr_api_require_init(s.fn);
    rc = check_send(&s);
    if (rc == MPI_SUCCESS) {
        rc = check_recv(&r);
    }
    if (rc == MPI_SUCCESS) {
        rc = exchange(&s, &r, NULL, status);
    }
    return rc;
}

/*
 * The receive goes to a temporary buffer as packed bytes, unpacked over buf once the send from
 * buf is done.
 */
#pragma weak MPI_Sendrecv_replace = PMPI_Sendrecv_replace
int PMPI_Sendrecv_replace(void *buf, int count, MPI_Datatype datatype, int dest, int sendtag,
                          int source, int recvtag, MPI_Comm comm, MPI_Status *status)
{
    struct p2p_args s = {"MPI_Sendrecv_replace", comm, buf, count, datatype, dest, sendtag};
    struct p2p_args r = {"MPI_Sendrecv_replace", comm, buf, count, datatype, source, recvtag};
    MPI_Status st;
    void *tmp = NULL;
    size_t cap;
    int rc;

    mpr_api_require_init(s.fn);
    rc = check_send(&s);
    if (rc == MPI_SUCCESS) {
        rc = check_rank(comm, r.fn, "source", source, 1);
    }
    if (rc == MPI_SUCCESS) {
        rc = check_tag(comm, r.fn, "recvtag", recvtag, 1);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    cap = nbytes(count, datatype);
    if (cap > 0 && (tmp = malloc(cap)) == NULL) {
        return mpr_api_error(comm, s.fn, MPI_ERR_NO_MEM,
                             "out of memory for a %zu-byte receive buffer", cap);
    }
    empty_status(&st);
    rc = exchange(&s, &r, tmp ? tmp : buf, &st);
    if (st.mpr_count > 0) {
        mpr_dt_unpack(datatype, count, buf, tmp, 0,
                      (size_t)st.mpr_count < cap ? (MPI_Count)st.mpr_count : (MPI_Count)cap);
    }
    free(tmp);
    if (status != MPI_STATUS_IGNORE) {
        *status = st;
    }
    return rc;
}

/* ---- buffered-send buffer ---- */

#pragma weak MPI_Buffer_attach = PMPI_Buffer_attach
int PMPI_Buffer_attach(void *buffer, int size)
{
    const char *fn = "MPI_Buffer_attach";
    int rc;

    mpr_api_require_init(fn);
    if (size < 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "size: %d is negative", size);
    }
    if (buffer == NULL && size > 0) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_BUFFER, "buffer: NULL with size %d", size);
    }
    if (bsend_buf.attached) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_BUFFER,
                             "buffer: a %zu-byte buffer is already attached; call "
                             "MPI_Buffer_detach first",
                             bsend_buf.size);
    }
    rc = mpr_bsend_attach(buffer, (size_t)size);
    if (rc < 0) {
        return internal_error(MPI_COMM_WORLD, fn, rc);
    }
    bsend_buf.attached = 1;
    bsend_buf.size = (size_t)size;
    return MPI_SUCCESS;
}

/* Waits until every buffered send from the buffer is done. With none attached: NULL and 0. */
#pragma weak MPI_Buffer_detach = PMPI_Buffer_detach
int PMPI_Buffer_detach(void *buffer_addr, int *size)
{
    const char *fn = "MPI_Buffer_detach";
    void *buf = NULL;
    size_t sz = 0;
    int rc;

    mpr_api_require_init(fn);
    if (buffer_addr == NULL || size == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "%s: NULL pointer",
                             buffer_addr == NULL ? "buffer_addr" : "size");
    }
    if (bsend_buf.attached) {
        rc = mpr_bsend_detach(&buf, &sz);
        if (rc < 0) {
            return internal_error(MPI_COMM_WORLD, fn, rc);
        }
        bsend_buf.attached = 0;
        bsend_buf.size = 0;
    }
    *(void **)buffer_addr = buf;
    *size = (int)sz;
    return MPI_SUCCESS;
}

/* ---- probes and matched receives ---- */

/* A probe as mpr_wait_until polls it; the results go where the pointers point. */
struct probe_poll {
    const struct p2p_args *a;
    MPI_Status *status;
    MPI_Message *msg;
    int *found;
    int *rc;
};

static int probe_done(const void *arg)
{
    const struct probe_poll *p = arg;

    *p->rc = mpr_pt2pt_iprobe(p->a->rank, p->a->tag, p->a->comm, p->found, p->status, p->msg);
    return *p->found || *p->rc < 0;
}

/*
 * Probe for a message; with msg non-NULL, take it as a matched message. Blocks until one is
 * there when flag is NULL. MPI_PROC_NULL finds an empty message at once.
 */
static int probe(const struct p2p_args *a, int *flag, MPI_Status *status, MPI_Message *msg)
{
    int found = 0, rc = 0;
    struct probe_poll poll = {a, status, msg, &found, &rc};

    if (a->rank == MPI_PROC_NULL) {
        found = 1;
        proc_null_status(status);
        if (msg) {
            *msg = MPI_MESSAGE_NO_PROC;
        }
    } else if (flag) {
        (void)probe_done(&poll);
    } else {
        mpr_wait_until(probe_done, &poll);
    }
    if (rc < 0) {
        return internal_error(a->comm, a->fn, rc);
    }
    if (flag) {
        *flag = found;
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Iprobe = PMPI_Iprobe
int PMPI_Iprobe(int source, int tag, MPI_Comm comm, int *flag, MPI_Status *status)
{
    struct p2p_args a = {"MPI_Iprobe", comm, NULL, 0, MPI_BYTE, source, tag};
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_recv(&a);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(comm, a.fn, flag, "flag");
    }
    return rc == MPI_SUCCESS ? probe(&a, flag, status, NULL) : rc;
}

#pragma weak MPI_Probe = PMPI_Probe
int PMPI_Probe(int source, int tag, MPI_Comm comm, MPI_Status *status)
{
    struct p2p_args a = {"MPI_Probe", comm, NULL, 0, MPI_BYTE, source, tag};
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_recv(&a);
    return rc == MPI_SUCCESS ? probe(&a, NULL, status, NULL) : rc;
}

#pragma weak MPI_Improbe = PMPI_Improbe
int PMPI_Improbe(int source, int tag, MPI_Comm comm, int *flag, MPI_Message *message,
                 MPI_Status *status)
{
    struct p2p_args a = {"MPI_Improbe", comm, NULL, 0, MPI_BYTE, source, tag};
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_recv(&a);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(comm, a.fn, flag, "flag");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(comm, a.fn, message, "message");
    }
    return rc == MPI_SUCCESS ? probe(&a, flag, status, message) : rc;
}

#pragma weak MPI_Mprobe = PMPI_Mprobe
int PMPI_Mprobe(int source, int tag, MPI_Comm comm, MPI_Message *message, MPI_Status *status)
{
    struct p2p_args a = {"MPI_Mprobe", comm, NULL, 0, MPI_BYTE, source, tag};
    int rc;

    mpr_api_require_init(a.fn);
    rc = check_recv(&a);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(comm, a.fn, message, "message");
    }
    return rc == MPI_SUCCESS ? probe(&a, NULL, status, message) : rc;
}

/*
 * Check a matched receive's arguments and start it; *message becomes MPI_MESSAGE_NULL.
 * MPI_MESSAGE_NO_PROC gives a receive from MPI_PROC_NULL, complete at once.
 */
static int start_mrecv(const char *fn, void *buf, int count, MPI_Datatype dt, MPI_Message *message,
                       MPI_Request *out)
{
    struct mpr_message *m;
    MPI_Comm comm;
    int rc;

    if (message == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_ARG, "message: NULL pointer");
    }
    m = *message;
    if (m == MPI_MESSAGE_NULL || m->magic != MPR_MESSAGE_MAGIC) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST, "message: %s",
                             m == MPI_MESSAGE_NULL ? "MPI_MESSAGE_NULL"
                                                   : "not a matched message (already received?)");
    }
    comm = m->no_proc ? MPI_COMM_WORLD : m->comm;
    rc = check_buffer(comm, fn, buf, count, dt);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (m->no_proc) {
        rc = mpr_pt2pt_irecv(buf, 0, MPI_PROC_NULL, MPI_ANY_TAG, comm, out);
    } else {
        rc = mpr_pt2pt_imrecv_dt(buf, count, dt, m, out);
    }
    if (rc < 0) {
        return internal_error(comm, fn, rc);
    }
    *message = MPI_MESSAGE_NULL;
    return MPI_SUCCESS;
}

#pragma weak MPI_Mrecv = PMPI_Mrecv
int PMPI_Mrecv(void *buf, int count, MPI_Datatype datatype, MPI_Message *message,
               MPI_Status *status)
{
    MPI_Request req;
    int rc;

    mpr_api_require_init("MPI_Mrecv");
    rc = start_mrecv("MPI_Mrecv", buf, count, datatype, message, &req);
    return rc == MPI_SUCCESS ? wait_one("MPI_Mrecv", &req, status) : rc;
}

#pragma weak MPI_Imrecv = PMPI_Imrecv
int PMPI_Imrecv(void *buf, int count, MPI_Datatype datatype, MPI_Message *message,
                MPI_Request *request)
{
    mpr_api_require_init("MPI_Imrecv");
    if (request == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Imrecv", MPI_ERR_ARG, "request: NULL pointer");
    }
    return start_mrecv("MPI_Imrecv", buf, count, datatype, message, request);
}

/* ---- completion ---- */

#pragma weak MPI_Wait = PMPI_Wait
int PMPI_Wait(MPI_Request *request, MPI_Status *status)
{
    int rc;

    mpr_api_require_init("MPI_Wait");
    rc = check_request("MPI_Wait", request, 1);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (request_inactive(*request)) {
        empty_status(status);
        return MPI_SUCCESS;
    }
    return wait_one("MPI_Wait", request, status);
}

#pragma weak MPI_Test = PMPI_Test
int PMPI_Test(MPI_Request *request, int *flag, MPI_Status *status)
{
    int rc;

    mpr_api_require_init("MPI_Test");
    rc = check_request("MPI_Test", request, 1);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, "MPI_Test", flag, "flag");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (request_inactive(*request)) {
        *flag = 1;
        empty_status(status);
        return MPI_SUCCESS;
    }
    mpr_progress();
    *flag = mpr_request_done(*request);
    return *flag ? finish_one("MPI_Test", request, status) : MPI_SUCCESS;
}

/* Like MPI_Test, but the request stays as it is. */
#pragma weak MPI_Request_get_status = PMPI_Request_get_status
int PMPI_Request_get_status(MPI_Request request, int *flag, MPI_Status *status)
{
    struct mpr_request *op;
    int rc;

    mpr_api_require_init("MPI_Request_get_status");
    rc = check_request("MPI_Request_get_status", &request, 1);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, "MPI_Request_get_status", flag, "flag");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (request_inactive(request)) {
        *flag = 1;
        empty_status(status);
        return MPI_SUCCESS;
    }
    mpr_progress();
    *flag = mpr_request_done(request);
    op = is_persistent(request) && request->inner ? request->inner : request;
    if (*flag) {
        mpr_request_unstage(op); /* the data must be there when it says so */
        empty_status(status);
        mpr_request_status(op, status);
    }
    return MPI_SUCCESS;
}

#pragma weak MPI_Waitany = PMPI_Waitany
int PMPI_Waitany(int count, MPI_Request array_of_requests[], int *index, MPI_Status *status)
{
    const char *fn = "MPI_Waitany";
    int i = -1, rc;

    mpr_api_require_init(fn);
    rc = check_request_array(fn, count, array_of_requests);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, fn, index, "index");
    }
    while (rc == MPI_SUCCESS && (i = first_done(array_of_requests, count)) == -1) {
        rc = wait_any_active(fn, array_of_requests, count);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    if (i == -2) {
        *index = MPI_UNDEFINED;
        empty_status(status);
        return MPI_SUCCESS;
    }
    *index = i;
    return finish_one(fn, &array_of_requests[i], status);
}

#pragma weak MPI_Testany = PMPI_Testany
int PMPI_Testany(int count, MPI_Request array_of_requests[], int *index, int *flag,
                 MPI_Status *status)
{
    const char *fn = "MPI_Testany";
    int i, rc;

    mpr_api_require_init(fn);
    rc = check_request_array(fn, count, array_of_requests);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, fn, index, "index");
    }
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, fn, flag, "flag");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    mpr_progress();
    i = first_done(array_of_requests, count);
    *flag = i != -1;
    *index = i >= 0 ? i : MPI_UNDEFINED;
    if (i == -2) {
        empty_status(status);
    }
    return i >= 0 ? finish_one(fn, &array_of_requests[i], status) : MPI_SUCCESS;
}

#pragma weak MPI_Waitall = PMPI_Waitall
int PMPI_Waitall(int count, MPI_Request array_of_requests[], MPI_Status array_of_statuses[])
{
    int rc;

    mpr_api_require_init("MPI_Waitall");
    rc = check_request_array("MPI_Waitall", count, array_of_requests);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    for (int i = 0; i < count; i++) {
        if (!request_inactive(array_of_requests[i])) {
            mpr_pt2pt_wait(array_of_requests[i]);
        }
    }
    return finish_entries("MPI_Waitall", array_of_requests, count, NULL, array_of_statuses);
}

/* Completes nothing unless every active request is done. */
#pragma weak MPI_Testall = PMPI_Testall
int PMPI_Testall(int count, MPI_Request array_of_requests[], int *flag,
                 MPI_Status array_of_statuses[])
{
    int rc;

    mpr_api_require_init("MPI_Testall");
    rc = check_request_array("MPI_Testall", count, array_of_requests);
    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, "MPI_Testall", flag, "flag");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    mpr_progress();
    *flag = 1;
    for (int i = 0; i < count && *flag; i++) {
        *flag = request_inactive(array_of_requests[i]) || mpr_request_done(array_of_requests[i]);
    }
    if (!*flag) {
        return MPI_SUCCESS;
    }
    return finish_entries("MPI_Testall", array_of_requests, count, NULL, array_of_statuses);
}

static int check_some(const char *fn, int incount, MPI_Request reqs[], int *outcount, int indices[])
{
    int rc = check_request_array(fn, incount, reqs);

    if (rc == MPI_SUCCESS) {
        rc = check_ptr(MPI_COMM_WORLD, fn, outcount, "outcount");
    }
    if (rc == MPI_SUCCESS && incount > 0) {
        rc = check_ptr(MPI_COMM_WORLD, fn, indices, "array_of_indices");
    }
    return rc;
}

/* Waitsome and Testsome after the checks: n from collect_done, -1 when nothing is active. */
static int finish_some(const char *fn, MPI_Request reqs[], int n, int *outcount, int indices[],
                       MPI_Status statuses[])
{
    *outcount = n < 0 ? MPI_UNDEFINED : n;
    return n > 0 ? finish_entries(fn, reqs, n, indices, statuses) : MPI_SUCCESS;
}

#pragma weak MPI_Waitsome = PMPI_Waitsome
int PMPI_Waitsome(int incount, MPI_Request array_of_requests[], int *outcount,
                  int array_of_indices[], MPI_Status array_of_statuses[])
{
    const char *fn = "MPI_Waitsome";
    int n = 0, rc;

    mpr_api_require_init(fn);
    rc = check_some(fn, incount, array_of_requests, outcount, array_of_indices);
    while (rc == MPI_SUCCESS &&
           (n = collect_done(array_of_requests, incount, array_of_indices)) == 0) {
        rc = wait_any_active(fn, array_of_requests, incount);
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    return finish_some(fn, array_of_requests, n, outcount, array_of_indices, array_of_statuses);
}

#pragma weak MPI_Testsome = PMPI_Testsome
int PMPI_Testsome(int incount, MPI_Request array_of_requests[], int *outcount,
                  int array_of_indices[], MPI_Status array_of_statuses[])
{
    const char *fn = "MPI_Testsome";
    int n, rc;

    mpr_api_require_init(fn);
    rc = check_some(fn, incount, array_of_requests, outcount, array_of_indices);
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    mpr_progress();
    n = collect_done(array_of_requests, incount, array_of_indices);
    return finish_some(fn, array_of_requests, n, outcount, array_of_indices, array_of_statuses);
}

#pragma weak MPI_Request_free = PMPI_Request_free
int PMPI_Request_free(MPI_Request *request)
{
    int rc;

    mpr_api_require_init("MPI_Request_free");
    rc = check_request("MPI_Request_free", request, 0);
    if (rc == MPI_SUCCESS) {
        mpr_request_free(request);
    }
    return rc;
}

#pragma weak MPI_Cancel = PMPI_Cancel
int PMPI_Cancel(MPI_Request *request)
{
    int rc;

    mpr_api_require_init("MPI_Cancel");
    rc = check_request("MPI_Cancel", request, 0);
    if (rc == MPI_SUCCESS) {
        mpr_pt2pt_cancel(*request);
    }
    return rc;
}

#pragma weak MPI_Test_cancelled = PMPI_Test_cancelled
int PMPI_Test_cancelled(const MPI_Status *status, int *flag)
{
    mpr_api_require_init("MPI_Test_cancelled");
    if (status == NULL || flag == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Test_cancelled", MPI_ERR_ARG, "%s: NULL pointer",
                             status == NULL ? "status" : "flag");
    }
    *flag = status->mpr_cancelled;
    return MPI_SUCCESS;
}

/* A count that is not a whole number of elements, or does not fit an int, is MPI_UNDEFINED. */
#pragma weak MPI_Get_count = PMPI_Get_count
int PMPI_Get_count(const MPI_Status *status, MPI_Datatype datatype, int *count)
{
    MPI_Count n;

    mpr_api_require_init("MPI_Get_count");
    if (status == NULL || count == NULL) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_count", MPI_ERR_ARG, "%s: NULL pointer",
                             status == NULL ? "status" : "count");
    }
    if (!mpr_datatype_ok(datatype)) {
        return mpr_api_error(MPI_COMM_WORLD, "MPI_Get_count", MPI_ERR_TYPE,
                             "datatype: not a valid datatype");
    }
    if (datatype->packed == 0) {
        *count = 0;
        return MPI_SUCCESS;
    }
    n = status->mpr_count / datatype->packed;
    *count = (status->mpr_count % datatype->packed != 0 || n > INT_MAX) ? MPI_UNDEFINED : (int)n;
    return MPI_SUCCESS;
}

/* ---- persistent requests ---- */

static int persist_init(const struct p2p_args *a, enum mpr_req_kind kind, enum mpr_send_mode mode,
                        MPI_Request *request)
{
    int rc = kind == MPR_REQ_PERSIST_SEND ? check_send(a) : check_recv(a);

    if (rc == MPI_SUCCESS) {
        rc = check_ptr(a->comm, a->fn, request, "request");
    }
    if (rc != MPI_SUCCESS) {
        return rc;
    }
    rc = mpr_pt2pt_persist_init(kind, (void *)a->buf, a->count, a->dt, a->rank, a->tag, a->comm,
                                mode, request);
    return rc < 0 ? internal_error(a->comm, a->fn, rc) : MPI_SUCCESS;
}

#pragma weak MPI_Send_init = PMPI_Send_init
int PMPI_Send_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                   MPI_Comm comm, MPI_Request *request)
{
    struct p2p_args a = {"MPI_Send_init", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return persist_init(&a, MPR_REQ_PERSIST_SEND, MPR_MODE_STANDARD, request);
}

#pragma weak MPI_Bsend_init = PMPI_Bsend_init
int PMPI_Bsend_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request)
{
    struct p2p_args a = {"MPI_Bsend_init", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return persist_init(&a, MPR_REQ_PERSIST_SEND, MPR_MODE_BUFFERED, request);
}

#pragma weak MPI_Ssend_init = PMPI_Ssend_init
int PMPI_Ssend_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request)
{
    struct p2p_args a = {"MPI_Ssend_init", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return persist_init(&a, MPR_REQ_PERSIST_SEND, MPR_MODE_SYNC, request);
}

#pragma weak MPI_Rsend_init = PMPI_Rsend_init
int PMPI_Rsend_init(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
                    MPI_Comm comm, MPI_Request *request)
{
    struct p2p_args a = {"MPI_Rsend_init", comm, buf, count, datatype, dest, tag};

    mpr_api_require_init(a.fn);
    return persist_init(&a, MPR_REQ_PERSIST_SEND, MPR_MODE_READY, request);
}

#pragma weak MPI_Recv_init = PMPI_Recv_init
int PMPI_Recv_init(void *buf, int count, MPI_Datatype datatype, int source, int tag, MPI_Comm comm,
                   MPI_Request *request)
{
    struct p2p_args a = {"MPI_Recv_init", comm, buf, count, datatype, source, tag};

    mpr_api_require_init(a.fn);
    return persist_init(&a, MPR_REQ_PERSIST_RECV, MPR_MODE_STANDARD, request);
}

/* An inactive persistent request, or an error naming `what`. */
static int check_startable(const char *fn, MPI_Request r, const char *what)
{
    if (r == MPI_REQUEST_NULL || !mpr_request_ok(r)) {
        return mpr_api_error(MPI_COMM_WORLD, fn, MPI_ERR_REQUEST, "%s: %s", what,
                             r == MPI_REQUEST_NULL ? "MPI_REQUEST_NULL" : "not a request");
    }
    if (!is_persistent(r)) {
        return mpr_api_error(r->comm, fn, MPI_ERR_REQUEST,
                             "%s: not a persistent request (made by MPI_Send_init & co.)", what);
    }
    if (r->persist_active) {
        return mpr_api_error(r->comm, fn, MPI_ERR_REQUEST,
                             "%s: still active; complete it (MPI_Wait...) before starting it again",
                             what);
    }
    return MPI_SUCCESS;
}

static int start_persistent(const char *fn, MPI_Request r)
{
    int rc = mpr_pt2pt_start(r);

    if (rc == -MPR_ERR_BUFFER) {
        return bsend_error(r->comm, fn, request_capacity(r));
    }
    return rc < 0 ? internal_error(r->comm, fn, rc) : MPI_SUCCESS;
}

#pragma weak MPI_Start = PMPI_Start
int PMPI_Start(MPI_Request *request)
{
    int rc;

    mpr_api_require_init("MPI_Start");
    rc = check_ptr(MPI_COMM_WORLD, "MPI_Start", request, "request");
    if (rc == MPI_SUCCESS) {
        rc = check_startable("MPI_Start", *request, "request");
    }
    return rc == MPI_SUCCESS ? start_persistent("MPI_Start", *request) : rc;
}

/* Every request is checked before any is started. */
#pragma weak MPI_Startall = PMPI_Startall
int PMPI_Startall(int count, MPI_Request array_of_requests[])
{
    char what[48];
    int rc;

    mpr_api_require_init("MPI_Startall");
    rc = check_request_array("MPI_Startall", count, array_of_requests);
    for (int i = 0; i < count && rc == MPI_SUCCESS; i++) {
        snprintf(what, sizeof(what), "array_of_requests[%d]", i);
        rc = check_startable("MPI_Startall", array_of_requests[i], what);
    }
    for (int i = 0; i < count && rc == MPI_SUCCESS; i++) {
        rc = start_persistent("MPI_Startall", array_of_requests[i]);
    }
    return rc;
}
