/*
 * Matching: per communicator context, the receives posted and not yet matched (in post order)
 * and the messages arrived and not yet received (in arrival order). Transports deliver each
 * peer's records in order, so first-match on both lists keeps MPI's non-overtaking rule per
 * (source, communicator, tag), wildcards included. Messages for a context nobody has created
 * yet simply wait in that context's unexpected list.
 */
#ifndef MPR_MATCH_H
#define MPR_MATCH_H

#include "pt2pt/proto.h"
#include "pt2pt/request.h"

#include <stdint.h>

/* A message that arrived before its receive: eager data copied out of the ring, or an RTS. */
struct mpr_unexp {
    struct mpr_msg_hdr hdr;
    int peer;                /* world rank it came from */
    uint64_t sreq;           /* EAGER_SYNC and RTS */
    struct mpr_tp_desc desc; /* RTS */
    void *data;              /* EAGER*: hdr.size bytes (NULL when 0) */
    struct mpr_unexp *next;
};

struct mpr_match_queues {
    struct mpr_request *posted, *posted_tail;
    struct mpr_unexp *unexp, *unexp_tail;
};

/* The queues of context `ctx`, created empty on first use; NULL only when out of memory. */
struct mpr_match_queues *mpr_match_queues_slow(uint32_t ctx);

extern struct mpr_match_queues **mpr_match_ctxs;
extern uint32_t mpr_match_nctxs;

static inline struct mpr_match_queues *mpr_match_queues(uint32_t ctx)
{
    if (ctx < mpr_match_nctxs && mpr_match_ctxs[ctx]) {
        return mpr_match_ctxs[ctx];
    }
    return mpr_match_queues_slow(ctx);
}

void mpr_match_post(struct mpr_match_queues *q, struct mpr_request *req);
/* Take the first posted receive that accepts (src, tag), or NULL. */
struct mpr_request *mpr_match_take_posted(struct mpr_match_queues *q, int src, int tag);
/* Remove a posted receive (cancel); 1 if it was there. */
int mpr_match_unpost(struct mpr_match_queues *q, struct mpr_request *req);

void mpr_match_add_unexp(struct mpr_match_queues *q, struct mpr_unexp *u);
/* The first unexpected message a receive for (src, tag) accepts, or NULL; taken off if `take`. */
struct mpr_unexp *mpr_match_find_unexp(struct mpr_match_queues *q, int src, int tag, int take);
void mpr_match_free_unexp(struct mpr_unexp *u);

#endif
