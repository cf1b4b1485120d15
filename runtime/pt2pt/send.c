/*
 * Sending: eager for small messages (the data travels in the first record; the send is done
 * once it is injected, or, for Ssend, once the receiver ACKs the match), rendezvous above the
 * eager limit (an RTS carrying the transport's descriptor of this rank's buffer; the receiver gets
 * the data straight from it and answers FIN, or answers CTS and this rank streams DATA fragments
 * through the transport). A send with a stage and no buffer (a large non-contig datatype,
 * pt2pt/typed.c) has nothing to expose: its RTS carries an empty descriptor, the receiver answers
 * CTS, and each DATA fragment is packed just before it leaves, while the receiver unpacks the one
 * before.
 */
#include "pt2pt/pt2pt.h"

#include "comm/comm.h"
#include "core/errcode.h"
#include "datatype/stage.h"
#include "pt2pt/peer.h"
#include "pt2pt/proto.h"
#include "pt2pt/proto_limits.h"

#include <string.h>

static void fill_hdr(struct mpr_msg_hdr *h, unsigned kind, const struct mpr_request *req)
{
    h->kind = (uint8_t)kind;
    h->sync = req->mode == MPR_MODE_SYNC;
    h->reserved = 0;
    h->ctx = req->ctx;
    h->src = req->comm->rank;
    h->tag = req->tag;
    h->size = req->bytes;
}

static int inject_eager(struct mpr_request *req, const struct mpr_transport *tp)
{
    unsigned char head[sizeof(struct mpr_msg_hdr) + sizeof(struct mpr_msg_ext_sreq)];
    int sync = req->mode == MPR_MODE_SYNC;
    uint64_t id = (uint64_t)(uintptr_t)req;
    int rc;

    fill_hdr((struct mpr_msg_hdr *)head, sync ? MPR_MSG_EAGER_SYNC : MPR_MSG_EAGER, req);
    if (sync) {
        memcpy(head + sizeof(struct mpr_msg_hdr), &id, sizeof(id));
        /* Set before send(): a self-delivered ACK may arrive before send() returns. */
        req->state = MPR_SEND_WAIT_ACK;
    }
    rc = tp->send(req->peer, head, mpr_msg_headlen(head[0]), req->buf, req->bytes);
    if (rc != 0) {
        req->state = MPR_SEND_QUEUED;
        return rc;
    }
    if (!sync) {
        mpr_request_complete(req);
    }
    return 0;
}

static int inject_rts(struct mpr_request *req, const struct mpr_transport *tp)
{
    unsigned char head[sizeof(struct mpr_msg_hdr) + sizeof(struct mpr_msg_ext_rts)];
    struct mpr_msg_ext_rts ext = {.sreq = (uint64_t)(uintptr_t)req, .desc = req->desc};
    int rc;

    fill_hdr((struct mpr_msg_hdr *)head, MPR_MSG_RTS, req);
    memcpy(head + sizeof(struct mpr_msg_hdr), &ext, sizeof(ext));
    req->state = MPR_SEND_WAIT_FIN; /* before send(): self delivers FIN or CTS inside it */
    rc = tp->send(req->peer, head, sizeof(head), NULL, 0);
    if (rc != 0) {
        req->state = MPR_SEND_QUEUED;
    }
    return rc;
}

/* Rendezvous without single-copy: DATA fragments until all of the message is out. */
static int inject_stream(struct mpr_request *req, const struct mpr_transport *tp)
{
    unsigned char head[sizeof(struct mpr_msg_hdr) + sizeof(struct mpr_msg_ext_data)];
    size_t frag = mpr_proto_max_fragment(tp);

    fill_hdr((struct mpr_msg_hdr *)head, MPR_MSG_DATA, req);
    if (!req->buf && frag > MPR_STAGE_FRAGMENT) {
        frag = MPR_STAGE_FRAGMENT; /* small fragments: the receiver unpacks while we pack */
    }
    while (req->offset < req->bytes) {
        struct mpr_msg_ext_data ext = {.rreq = req->rreq, .offset = req->offset};
        size_t n = req->bytes - req->offset < frag ? req->bytes - req->offset : frag;
        /* Packed again if the transport has no room now: the same bytes, retried later. */
        const void *src = req->buf ? (const char *)req->buf + req->offset
                                   : mpr_stage_pack_range(req->stage, req->offset, n);
        memcpy(head + sizeof(struct mpr_msg_hdr), &ext, sizeof(ext));
        int rc = tp->send(req->peer, head, sizeof(head), src, n);
        if (rc != 0) {
            return rc;
        }
        req->offset += n;
    }
    mpr_request_complete(req);
    return 0;
}

/* Let the receiver read the data of a rendezvous send (once: a retried RTS sends the same). */
static void expose(struct mpr_request *req)
{
    const struct mpr_transport *tp = mpr_peers[req->peer].tp;

    if (!req->buf ||
        tp->expose(req->peer, req->buf, req->bytes, &req->desc, &req->tp_handle) != 0) {
        req->desc = (struct mpr_tp_desc){0};
        req->tp_handle = NULL;
    }
}

void mpr_send_unexpose(struct mpr_request *req)
{
    if (req->desc.addr) {
        mpr_peers[req->peer].tp->unexpose(req->tp_handle);
        req->desc.addr = 0;
        req->tp_handle = NULL;
    }
}

int mpr_send_inject(struct mpr_request *req)
{
    const struct mpr_transport *tp = mpr_peers[req->peer].tp;

    if (req->state == MPR_SEND_STREAM) {
        return inject_stream(req, tp);
    }
    return req->rndv ? inject_rts(req, tp) : inject_eager(req, tp);
}

int mpr_pt2pt_send_now(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm)
{
    struct mpr_msg_hdr h;
    int peer;

    if (dest == MPI_PROC_NULL) {
        return 1;
    }
    peer = mpr_comm_world_rank(comm, dest);
    if (bytes > mpr_peers[peer].eager_limit || mpr_peer_busy(peer)) {
        return 0;
    }
    h = (struct mpr_msg_hdr){.kind = MPR_MSG_EAGER,
                             .ctx = comm->context_id,
                             .src = comm->rank,
                             .tag = tag,
                             .size = bytes};
    return mpr_peers[peer].tp->send(peer, &h, sizeof(h), buf, bytes) == 0;
}

/* One send as the entry points below describe it. */
struct send_desc {
    const void *buf;
    size_t bytes;
    int dest, tag;
    struct mpr_comm *comm;
    uint32_t ctx;
    enum mpr_send_mode mode;
    struct mpr_stage *stage; /* non-NULL: packed as it streams (pt2pt/typed.c) */
    int exchange; /* a collective step whose receiver posts its receive in the same round */
};

static int isend(const struct send_desc *d, struct mpr_request **out);

int mpr_pt2pt_isend(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm,
                    enum mpr_send_mode mode, struct mpr_request **out)
{
    struct send_desc d = {buf, bytes, dest, tag, comm, comm->context_id, mode, NULL, 0};

    return isend(&d, out);
}

int mpr_pt2pt_isend_ctx(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm,
                        uint32_t ctx, struct mpr_request **out)
{
    struct send_desc d = {buf, bytes, dest, tag, comm, ctx, MPR_MODE_STANDARD, NULL, 0};

    return isend(&d, out);
}

int mpr_pt2pt_isend_exchange(const void *buf, size_t bytes, int dest, int tag,
                             struct mpr_comm *comm, uint32_t ctx, struct mpr_request **out)
{
    struct send_desc d = {buf, bytes, dest, tag, comm, ctx, MPR_MODE_STANDARD, NULL, 1};

    return isend(&d, out);
}

int mpr_pt2pt_isend_streamed(struct mpr_stage *st, size_t bytes, int dest, int tag,
                             struct mpr_comm *comm, enum mpr_send_mode mode,
                             struct mpr_request **out)
{
    struct send_desc d = {NULL, bytes, dest, tag, comm, comm->context_id, mode, st, 0};

    return isend(&d, out);
}

/*
 * Eager or rendezvous. Collective messages (odd contexts) often arrive before their receive is
 * posted, where eager costs a second copy, and in a loop of rooted collectives the ring then
 * streams through memory instead of cache: they switch to rendezvous sooner
 * (MPR_COLL_EAGER_LIMIT), unless the receiver posts in the same round (an exchange).
 */
static int use_rndv(const struct send_desc *d, int peer)
{
    size_t limit = mpr_peers[peer].eager_limit;

    if ((d->ctx & 1) && !d->exchange) {
        limit = mpr_proto_coll_eager_limit(limit);
    }
    return d->stage != NULL || d->bytes > limit;
}

static int isend(const struct send_desc *d, struct mpr_request **out)
{
    struct mpr_request *req = mpr_request_new(MPR_REQ_SEND);

    if (!req) {
        return -MPR_ERR_NOMEM;
    }
    req->stage = d->stage; /* before injecting: a send to self may stream inside it */
    if (d->dest == MPI_PROC_NULL) {
        req->kind = MPR_REQ_DONE;
        req->src = MPI_PROC_NULL;
        req->rtag = MPI_ANY_TAG;
        req->complete = 1;
        *out = req;
        return 0;
    }
    req->buf = (void *)d->buf;
    req->bytes = d->bytes;
    req->rank = d->dest;
    req->tag = d->tag;
    req->comm = d->comm;
    req->ctx = d->ctx;
    req->mode = d->mode;
    req->peer = mpr_comm_world_rank(d->comm, d->dest);
    req->rndv = use_rndv(d, req->peer);
    req->state = MPR_SEND_QUEUED;
    if (req->rndv) {
        expose(req);
    }
    *out = req;
    if (mpr_peer_busy(req->peer) || mpr_send_inject(req) != 0) {
        mpr_peer_queue_send(req->peer, req);
    }
    return 0;
}
