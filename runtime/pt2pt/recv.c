/*
 * Receiving: posting receives, and the upcall that handles every record a transport delivers.
 * An eager message matching a posted receive is copied once, from the transport's ring straight
 * into the user buffer; one that matches nothing is copied out of the ring into the unexpected
 * list, so rings never stay clogged. A large message that matches nothing stays at the sender
 * (only its RTS waits here) until a receive wants it.
 */
#include "pt2pt/pt2pt.h"

#include "comm/comm.h"
#include "core/copy.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/state.h"
#include "datatype/stage.h"
#include "pt2pt/match.h"
#include "pt2pt/message.h"
#include "pt2pt/peer.h"
#include "pt2pt/proto.h"

#include <stdlib.h>
#include <string.h>

static void set_result(struct mpr_request *req, const struct mpr_msg_hdr *h)
{
    req->src = h->src;
    req->rtag = h->tag;
    req->got = h->size < req->bytes ? h->size : req->bytes;
    req->error = h->size > req->bytes ? MPI_ERR_TRUNCATE : MPI_SUCCESS;
}

static void send_ctrl(int peer, unsigned kind, const void *ext, size_t extlen)
{
    unsigned char rec[MPR_CTRL_MAX];
    struct mpr_msg_hdr h = {.kind = (uint8_t)kind};

    memcpy(rec, &h, sizeof(h));
    memcpy(rec + sizeof(h), ext, extlen);
    if (mpr_peer_send_ctrl(peer, rec, sizeof(h) + extlen) != 0) {
        /* Without it the peer waits forever: end the job rather than hang it. */
        mpr_log_error("out of memory queueing a control message to rank %d", peer);
        abort();
    }
}

/*
 * A matched rendezvous: get the data through the transport straight into the buffer (FIN once it
 * has landed: mpr_pt2pt_get_done), or ask the sender to stream it as DATA records.
 */
static void recv_rndv(struct mpr_request *req, int peer, uint64_t sreq,
                      const struct mpr_tp_desc *desc)
{
    const struct mpr_transport *tp = mpr_peers[peer].tp;
    struct mpr_msg_ext_cts cts = {.sreq = sreq, .rreq = (uint64_t)(uintptr_t)req};

    req->peer = peer;
    req->sreq = sreq;
    if (desc->addr && req->got == 0) {
        mpr_pt2pt_get_done(req); /* nothing to read (a receive truncated to 0 bytes) */
        return;
    }
    /* desc->addr 0: the sender packs as it streams (a non-contig datatype); nothing to read */
    if (desc->addr && req->buf && tp->get(peer, req->buf, req->got, desc, req) == 0) {
        return;
    }
    req->recvd = 0;
    send_ctrl(peer, MPR_MSG_CTS, &cts, sizeof(cts));
}

void mpr_pt2pt_get_done(void *ctx)
{
    struct mpr_request *req = ctx;

    send_ctrl(req->peer, MPR_MSG_FIN, &req->sreq, sizeof(req->sreq));
    mpr_request_complete(req);
}

/* Receive a message that was waiting in the unexpected list; frees u. */
static void deliver_unexp(struct mpr_request *req, struct mpr_unexp *u)
{
    set_result(req, &u->hdr);
    if (u->hdr.kind == MPR_MSG_RTS) {
        recv_rndv(req, u->peer, u->sreq, &u->desc);
    } else {
        if (req->got) {
            memcpy(req->buf, u->data, req->got);
        }
        if (u->hdr.kind == MPR_MSG_EAGER_SYNC) {
            send_ctrl(u->peer, MPR_MSG_ACK, &u->sreq, sizeof(u->sreq));
        }
        mpr_request_complete(req);
    }
    mpr_match_free_unexp(u);
}

static void recv_init(struct mpr_request *req, void *buf, size_t cap, int src, int tag,
                      struct mpr_comm *comm, uint32_t ctx)
{
    req->buf = buf;
    req->bytes = cap;
    req->rank = src;
    req->tag = tag;
    req->comm = comm;
    req->ctx = ctx;
}

/* Match against the unexpected messages, or post. 0 or -MPR_ERR_NOMEM. */
static int recv_start(struct mpr_request *req)
{
    struct mpr_match_queues *q = mpr_match_queues(req->ctx);
    struct mpr_unexp *u;

    if (!q) {
        return -MPR_ERR_NOMEM;
    }
    u = mpr_match_find_unexp(q, req->rank, req->tag, 1);
    if (u) {
        deliver_unexp(req, u);
    } else {
        mpr_match_post(q, req);
    }
    return 0;
}

static void proc_null_done(struct mpr_request *req)
{
    req->kind = MPR_REQ_DONE;
    req->src = MPI_PROC_NULL;
    req->rtag = MPI_ANY_TAG;
    req->complete = 1;
}

int mpr_pt2pt_irecv(void *buf, size_t cap, int src, int tag, struct mpr_comm *comm,
                    struct mpr_request **out)
{
    return mpr_pt2pt_irecv_ctx(buf, cap, src, tag, comm, comm->context_id, out);
}

int mpr_pt2pt_irecv_ctx(void *buf, size_t cap, int src, int tag, struct mpr_comm *comm,
                        uint32_t ctx, struct mpr_request **out)
{
    struct mpr_request *req = mpr_request_new(MPR_REQ_RECV);

    if (!req) {
        return -MPR_ERR_NOMEM;
    }
    *out = req;
    if (src == MPI_PROC_NULL) {
        proc_null_done(req);
        return 0;
    }
    recv_init(req, buf, cap, src, tag, comm, ctx);
    if (recv_start(req) != 0) {
        mpr_request_release(req);
        return -MPR_ERR_NOMEM;
    }
    return 0;
}

int mpr_pt2pt_recv(void *buf, size_t cap, int src, int tag, struct mpr_comm *comm,
                   MPI_Status *status)
{
    /* Lives until it completes, which this function waits for: never on the free list. */
    struct mpr_request req = {.magic = MPR_REQUEST_MAGIC, .kind = MPR_REQ_RECV, .peer = -1};

    if (src == MPI_PROC_NULL) {
        proc_null_done(&req);
    } else {
        recv_init(&req, buf, cap, src, tag, comm, comm->context_id);
        if (recv_start(&req) != 0) {
            return -MPR_ERR_NOMEM;
        }
        mpr_pt2pt_wait(&req);
    }
    mpr_request_status(&req, status);
    return 0;
}

int mpr_pt2pt_imrecv(void *buf, size_t cap, struct mpr_message *msg, struct mpr_request **out)
{
    struct mpr_request *req = mpr_request_new(MPR_REQ_RECV);

    if (!req) {
        return -MPR_ERR_NOMEM;
    }
    req->buf = buf;
    req->bytes = cap;
    req->comm = msg->comm;
    req->ctx = msg->comm->context_id;
    deliver_unexp(req, msg->unexp);
    free(msg);
    *out = req;
    return 0;
}

static void keep_unexp(const struct mpr_msg_hdr *h, int peer, const void *head, const void *payload,
                       size_t len)
{
    struct mpr_match_queues *q = mpr_match_queues(h->ctx);
    struct mpr_unexp *u = calloc(1, sizeof(*u));

    if (!q || !u || (len && !(u->data = malloc(len)))) {
        mpr_log_error("out of memory holding an unexpected message of %zu bytes from rank %d", len,
                      peer);
        abort();
    }
    u->hdr = *h;
    u->peer = peer;
    if (h->kind == MPR_MSG_RTS) {
        struct mpr_msg_ext_rts ext;
        memcpy(&ext, (const char *)head + sizeof(*h), sizeof(ext));
        u->sreq = ext.sreq;
        u->desc = ext.desc;
    } else if (h->kind == MPR_MSG_EAGER_SYNC) {
        memcpy(&u->sreq, (const char *)head + sizeof(*h), sizeof(u->sreq));
    }
    if (len) {
        memcpy(u->data, payload, len);
    }
    mpr_match_add_unexp(q, u);
}

/* EAGER, EAGER_SYNC or RTS: a new message to match. */
static void on_message(int peer, const struct mpr_msg_hdr *h, const void *head, const void *payload,
                       size_t len)
{
    struct mpr_match_queues *q = mpr_match_queues(h->ctx);
    struct mpr_request *req = q ? mpr_match_take_posted(q, h->src, h->tag) : NULL;
    uint64_t sreq;

    if (!req) {
        keep_unexp(h, peer, head, payload, len);
        return;
    }
    set_result(req, h);
    if (h->kind == MPR_MSG_RTS) {
        struct mpr_msg_ext_rts ext;
        memcpy(&ext, (const char *)head + sizeof(*h), sizeof(ext));
        recv_rndv(req, peer, ext.sreq, &ext.desc);
        return;
    }
    mpr_copy(req->buf, payload, req->got);
    if (h->kind == MPR_MSG_EAGER_SYNC) {
        memcpy(&sreq, (const char *)head + sizeof(*h), sizeof(sreq));
        send_ctrl(peer, MPR_MSG_ACK, &sreq, sizeof(sreq));
    }
    mpr_request_complete(req);
}

static struct mpr_request *ext_request(const void *head)
{
    uint64_t id;

    memcpy(&id, (const char *)head + sizeof(struct mpr_msg_hdr), sizeof(id));
    return (struct mpr_request *)(uintptr_t)id;
}

/* CTS: this rank's rendezvous send must stream its data. */
static void on_cts(const void *head)
{
    struct mpr_msg_ext_cts ext;
    struct mpr_request *req;

    memcpy(&ext, (const char *)head + sizeof(struct mpr_msg_hdr), sizeof(ext));
    req = (struct mpr_request *)(uintptr_t)ext.sreq;
    mpr_send_unexpose(req);
    req->rreq = ext.rreq;
    req->offset = 0;
    req->state = MPR_SEND_STREAM;
    if (mpr_peer_busy(req->peer) || mpr_send_inject(req) != 0) {
        mpr_peer_queue_send(req->peer, req);
    }
}

static void on_data(const struct mpr_msg_hdr *h, const void *head, const void *payload, size_t len)
{
    struct mpr_msg_ext_data ext;
    struct mpr_request *req;

    memcpy(&ext, (const char *)head + sizeof(*h), sizeof(ext));
    req = (struct mpr_request *)(uintptr_t)ext.rreq;
    if (ext.offset < req->bytes) {
        size_t room = req->bytes - ext.offset;
        if (req->stage) {
            /* a non-contig receive: straight into the user's layout, while the next comes */
            mpr_stage_unpack_range(req->stage, ext.offset, payload, len < room ? len : room);
        } else {
            memcpy((char *)req->buf + ext.offset, payload, len < room ? len : room);
        }
    }
    req->recvd += len;
    if (req->recvd >= h->size) {
        mpr_request_complete(req);
    }
}

/* FIN: the receiver has the data of this rank's rendezvous send. */
static void on_fin(struct mpr_request *req)
{
    mpr_send_unexpose(req);
    mpr_request_complete(req);
}

void mpr_pt2pt_incoming(int peer, const void *rec, size_t reclen)
{
    struct mpr_msg_hdr h;
    const void *head = rec;
    size_t hl;
    const void *payload;
    size_t len;

    memcpy(&h, rec, sizeof(h));
    hl = mpr_msg_headlen(h.kind);
    payload = (const char *)rec + hl;
    len = reclen - hl;
    switch (h.kind) {
    case MPR_MSG_EAGER:
    case MPR_MSG_EAGER_SYNC:
    case MPR_MSG_RTS:
        on_message(peer, &h, head, payload, len);
        break;
    case MPR_MSG_ACK:
        mpr_request_complete(ext_request(head));
        break;
    case MPR_MSG_FIN:
        on_fin(ext_request(head));
        break;
    case MPR_MSG_CTS:
        on_cts(head);
        break;
    case MPR_MSG_DATA:
        on_data(&h, head, payload, len);
        break;
    default:
        mpr_log_error("unknown message kind %u from rank %d", h.kind, peer);
        abort();
    }
}
