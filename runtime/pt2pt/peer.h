/*
 * Per-peer send state: which transport reaches the peer, and what waits for room in it.
 * Sends to one peer leave in the order they were started (a send never overtakes one queued
 * before it); control records (ACK, FIN, CTS) may pass data, since they are matched by request.
 */
#ifndef MPR_PEER_H
#define MPR_PEER_H

#include "pt2pt/request.h"
#include "transport/transport.h"

#include <stddef.h>

#define MPR_CTRL_MAX 64 /* header + extension of the largest control record */

struct mpr_ctrl {
    struct mpr_ctrl *next;
    size_t len;
    unsigned char rec[MPR_CTRL_MAX];
};

struct mpr_peer {
    const struct mpr_transport *tp;
    size_t eager_limit;                    /* largest message sent eagerly to this peer */
    struct mpr_request *sq_head, *sq_tail; /* sends not (fully) injected yet, in order */
    struct mpr_ctrl *cq_head, *cq_tail;    /* control records not injected yet */
    int listed;                            /* on the pending list */
};

extern struct mpr_peer *mpr_peers; /* indexed by world rank */

int mpr_peers_init(int nranks);
void mpr_peers_fini(void);

/* Inject a control record now, or queue it. 0 or -MPR_ERR_NOMEM. */
int mpr_peer_send_ctrl(int peer, const void *rec, size_t len);
/* Queue a send that found no room (or must wait behind earlier ones). */
void mpr_peer_queue_send(int peer, struct mpr_request *req);
/* Whether sends to the peer are queued (a new send must queue behind them). */
static inline int mpr_peer_busy(int peer)
{
    return mpr_peers[peer].sq_head != NULL;
}
/* Retry everything queued, in order, until each peer is empty or out of room. Events done. */
int mpr_peers_push(void);
extern int mpr_peers_npending; /* peers with something queued */

/* Whether anything at all is queued. */
static inline int mpr_peers_pending(void)
{
    return mpr_peers_npending > 0;
}

/* Defined in send.c: inject as much of req as fits; 0 when fully injected, or -MPR_ERR_AGAIN. */
int mpr_send_inject(struct mpr_request *req);
/* Defined in send.c: the receiver has read the data, or will not (CTS): release the exposure. */
void mpr_send_unexpose(struct mpr_request *req);

#endif
