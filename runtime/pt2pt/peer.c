#include "pt2pt/peer.h"

#include "core/errcode.h"

#include <stdlib.h>
#include <string.h>

struct mpr_peer *mpr_peers;
static int *pending;  /* world ranks with something queued */
int mpr_peers_npending;

int mpr_peers_init(int nranks)
{
    mpr_peers = calloc((size_t)nranks, sizeof(*mpr_peers));
    pending = calloc((size_t)nranks, sizeof(*pending));
    if (!mpr_peers || !pending) {
        mpr_peers_fini();
        return -MPR_ERR_NOMEM;
    }
    mpr_peers_npending = 0;
    return 0;
}

void mpr_peers_fini(void)
{
    free(mpr_peers);
    free(pending);
    mpr_peers = NULL;
    pending = NULL;
    mpr_peers_npending = 0;
}

static void list_peer(int peer)
{
    if (!mpr_peers[peer].listed) {
        mpr_peers[peer].listed = 1;
        pending[mpr_peers_npending++] = peer;
    }
}

int mpr_peer_send_ctrl(int peer, const void *rec, size_t len)
{
    struct mpr_peer *p = &mpr_peers[peer];
    struct mpr_ctrl *c;

    if (!p->cq_head && p->tp->send(peer, rec, len, NULL, 0) == 0) {
        return 0;
    }
    c = malloc(sizeof(*c));
    if (!c) {
        return -MPR_ERR_NOMEM;
    }
    c->next = NULL;
    c->len = len;
    memcpy(c->rec, rec, len);
    if (p->cq_tail) {
        p->cq_tail->next = c;
    } else {
        p->cq_head = c;
    }
    p->cq_tail = c;
    list_peer(peer);
    return 0;
}

void mpr_peer_queue_send(int peer, struct mpr_request *req)
{
    struct mpr_peer *p = &mpr_peers[peer];

    req->next = NULL;
    if (p->sq_tail) {
        p->sq_tail->next = req;
    } else {
        p->sq_head = req;
    }
    p->sq_tail = req;
    list_peer(peer);
}

/* Push one peer's queues; returns events and whether it is now empty (*empty). */
static int push_peer(int peer, int *empty)
{
    struct mpr_peer *p = &mpr_peers[peer];
    int events = 0;

    while (p->cq_head && p->tp->send(peer, p->cq_head->rec, p->cq_head->len, NULL, 0) == 0) {
        struct mpr_ctrl *c = p->cq_head;
        p->cq_head = c->next;
        if (!p->cq_head) {
            p->cq_tail = NULL;
        }
        free(c);
        events++;
    }
    while (p->sq_head) {
        struct mpr_request *r = p->sq_head;
        /* Take it off first: injection may complete it, and completion may release it. */
        p->sq_head = r->next;
        if (!p->sq_head) {
            p->sq_tail = NULL;
        }
        if (mpr_send_inject(r) != 0) {
            r->next = p->sq_head; /* still not all out: back at the front */
            p->sq_head = r;
            if (!p->sq_tail) {
                p->sq_tail = r;
            }
            break;
        }
        events++;
    }
    *empty = !p->cq_head && !p->sq_head;
    return events;
}

int mpr_peers_push(void)
{
    int events = 0;

    for (int i = 0; i < mpr_peers_npending;) {
        int peer = pending[i], empty;
        events += push_peer(peer, &empty);
        if (empty) {
            mpr_peers[peer].listed = 0;
            pending[i] = pending[--mpr_peers_npending];
        } else {
            i++;
        }
    }
    return events;
}
