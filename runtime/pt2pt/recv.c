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
#include "pt2pt/proto_limits.h"

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
 * Split copy: this rank pulls the head of the message while the sender pushes the tail straight
 * into our buffer, so both cores copy. The sender's part is announced first (CTSW), so it copies
 * while we do; FIN after our part, and the receive completes when the sender's WDONE arrives.
 */
static void recv_split(struct mpr_request *req, int peer, uint64_t sreq, uint64_t addr)
{
    const struct mpr_transport *tp = mpr_peers[peer].tp;
    size_t head = (req->got / 2) & ~(size_t)4095;
    struct mpr_msg_ext_ctsw w = {.sreq = sreq,
                                 .rreq = (uint64_t)(uintptr_t)req,
                                 .raddr = (uint64_t)(uintptr_t)req->buf + head,
                                 .offset = head,
                                 .len = req->got - head};

    send_ctrl(peer, MPR_MSG_CTSW, &w, sizeof(w));
    if (tp->pull(peer, req->buf, addr, head) != 0) {
        mpr_log_error("single-copy read from rank %d failed after the probe allowed it; set "
                      "MPR_SHM_CMA=0",
                      peer);
        abort();
    }
    send_ctrl(peer, MPR_MSG_FIN, &sreq, sizeof(sreq));
}

/* A matched rendezvous: pull the data now (single copy), or ask the sender to stream it. */
static void recv_rndv(struct mpr_request *req, int peer, uint64_t sreq, uint64_t addr)
{
    const struct mpr_transport *tp = mpr_peers[peer].tp;
    struct mpr_msg_ext_cts cts = {.sreq = sreq, .rreq = (uint64_t)(uintptr_t)req};

    req->peer = peer;
    /* addr 0: the sender packs as it streams (a non-contig datatype); nothing to pull */
    if (addr && tp->can_pull(peer) && req->got >= mpr_proto_split_min() &&
        peer != mpr_state.rank) {
        recv_split(req, peer, sreq, addr);
        return;
    }
    if (addr && tp->can_pull(peer) &&
        (req->got == 0 || tp->pull(peer, req->buf, addr, req->got) == 0)) {
        send_ctrl(peer, MPR_MSG_FIN, &sreq, sizeof(sreq));
        mpr_request_complete(req);
        return;
    }
    req->recvd = 0;
    send_ctrl(peer, MPR_MSG_CTS, &cts, sizeof(cts));
}

/* Receive a message that was waiting in the unexpected list; frees u. */
static void deliver_unexp(struct mpr_request *req, struct mpr_unexp *u)
{
    set_result(req, &u->hdr);
    if (u->hdr.kind == MPR_MSG_RTS) {
        recv_rndv(req, u->peer, u->sreq, u->addr);
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

static void keep_unexp(const struct mpr_msg_hdr *h, int peer, const void *head,
                       const void *payload, size_t len)
{
    struct mpr_match_queues *q = mpr_match_queues(h->ctx);
    struct mpr_unexp *u = calloc(1, sizeof(*u));

    if (!q || !u || (len && !(u->data = malloc(len)))) {
        mpr_log_error("out of memory holding an unexpected message of %zu bytes from rank %d",
                      len, peer);
        abort();
    }
    u->hdr = *h;
    u->peer = peer;
    if (h->kind == MPR_MSG_RTS) {
        struct mpr_msg_ext_rts ext;
        memcpy(&ext, (const char *)head + sizeof(*h), sizeof(ext));
        u->sreq = ext.sreq;
        u->addr = ext.addr;
    } else if (h->kind == MPR_MSG_EAGER_SYNC) {
        memcpy(&u->sreq, (const char *)head + sizeof(*h), sizeof(u->sreq));
    }
    if (len) {
        memcpy(u->data, payload, len);
    }
    mpr_match_add_unexp(q, u);
}

/* EAGER, EAGER_SYNC or RTS: a new message to match. */
static void on_message(int peer, const struct mpr_msg_hdr *h, const void *head,
                       const void *payload, size_t len)
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
        recv_rndv(req, peer, ext.sreq, ext.addr);
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
    req->rreq = ext.rreq;
    req->offset = 0;
    req->state = MPR_SEND_STREAM;
    if (mpr_peer_busy(req->peer) || mpr_send_inject(req) != 0) {
        mpr_peer_queue_send(req->peer, req);
    }
}

/* CTSW: write our part of a split copy into the receiver's buffer, then say so. */
static void on_ctsw(int peer, const void *head)
{
    struct mpr_msg_ext_ctsw w;
    struct mpr_request *req;

    memcpy(&w, (const char *)head + sizeof(struct mpr_msg_hdr), sizeof(w));
    req = (struct mpr_request *)(uintptr_t)w.sreq;
    if (mpr_peers[peer].tp->push(peer, w.raddr, (const char *)req->buf + w.offset, w.len) != 0) {
        mpr_log_error("single-copy write to rank %d failed after the probe allowed it; set "
                      "MPR_SHM_CMA=0",
                      peer);
        abort();
    }
    send_ctrl(peer, MPR_MSG_WDONE, &w.rreq, sizeof(w.rreq));
}

static void on_data(const struct mpr_msg_hdr *h, const void *head, const void *payload,
                    size_t len)
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

void mpr_pt2pt_incoming(int peer, const void *head, size_t headlen, const void *payload,
                        size_t len)
{
    struct mpr_msg_hdr h;

    (void)headlen;
    memcpy(&h, head, sizeof(h));
    switch (h.kind) {
    case MPR_MSG_EAGER:
    case MPR_MSG_EAGER_SYNC:
    case MPR_MSG_RTS:
        on_message(peer, &h, head, payload, len);
        break;
    case MPR_MSG_ACK:
    case MPR_MSG_FIN:
        mpr_request_complete(ext_request(head));
        break;
    case MPR_MSG_CTS:
        on_cts(head);
        break;
    case MPR_MSG_DATA:
        on_data(&h, head, payload, len);
        break;
    case MPR_MSG_CTSW:
        on_ctsw(peer, head);
        break;
    case MPR_MSG_WDONE:
        mpr_request_complete(ext_request(head));
        break;
    default:
        mpr_log_error("unknown message kind %u from rank %d", h.kind, peer);
        abort();
    }
}
