#include "pt2pt/match.h"

#include <stdlib.h>
#include <string.h>

struct mpr_match_queues **mpr_match_ctxs;
uint32_t mpr_match_nctxs;

struct mpr_match_queues *mpr_match_queues_slow(uint32_t ctx)
{
    if (ctx >= mpr_match_nctxs) {
        uint32_t n = mpr_match_nctxs ? mpr_match_nctxs : 16;
        while (n <= ctx) {
            n *= 2;
        }
        struct mpr_match_queues **grown = realloc(mpr_match_ctxs, n * sizeof(*grown));
        if (!grown) {
            return NULL;
        }
        memset(grown + mpr_match_nctxs, 0, (n - mpr_match_nctxs) * sizeof(*grown));
        mpr_match_ctxs = grown;
        mpr_match_nctxs = n;
    }
    if (!mpr_match_ctxs[ctx]) {
        mpr_match_ctxs[ctx] = calloc(1, sizeof(**mpr_match_ctxs));
    }
    return mpr_match_ctxs[ctx];
}

static int accepts(int want_src, int want_tag, int src, int tag)
{
    return (want_src == MPI_ANY_SOURCE || want_src == src) &&
           (want_tag == MPI_ANY_TAG || want_tag == tag);
}

void mpr_match_post(struct mpr_match_queues *q, struct mpr_request *req)
{
    req->next = NULL;
    if (q->posted_tail) {
        q->posted_tail->next = req;
    } else {
        q->posted = req;
    }
    q->posted_tail = req;
}

static void unlink_posted(struct mpr_match_queues *q, struct mpr_request *prev,
                          struct mpr_request *r)
{
    if (prev) {
        prev->next = r->next;
    } else {
        q->posted = r->next;
    }
    if (q->posted_tail == r) {
        q->posted_tail = prev;
    }
    r->next = NULL;
}

struct mpr_request *mpr_match_take_posted(struct mpr_match_queues *q, int src, int tag)
{
    struct mpr_request *prev = NULL;

    for (struct mpr_request *r = q->posted; r; prev = r, r = r->next) {
        if (accepts(r->rank, r->tag, src, tag)) {
            unlink_posted(q, prev, r);
            return r;
        }
    }
    return NULL;
}

int mpr_match_unpost(struct mpr_match_queues *q, struct mpr_request *req)
{
    struct mpr_request *prev = NULL;

    for (struct mpr_request *r = q->posted; r; prev = r, r = r->next) {
        if (r == req) {
            unlink_posted(q, prev, r);
            return 1;
        }
    }
    return 0;
}

void mpr_match_add_unexp(struct mpr_match_queues *q, struct mpr_unexp *u)
{
    u->next = NULL;
    if (q->unexp_tail) {
        q->unexp_tail->next = u;
    } else {
        q->unexp = u;
    }
    q->unexp_tail = u;
}

struct mpr_unexp *mpr_match_find_unexp(struct mpr_match_queues *q, int src, int tag, int take)
{
    struct mpr_unexp *prev = NULL;

    for (struct mpr_unexp *u = q->unexp; u; prev = u, u = u->next) {
        if (!accepts(src, tag, u->hdr.src, u->hdr.tag)) {
            continue;
        }
        if (take) {
            if (prev) {
                prev->next = u->next;
            } else {
                q->unexp = u->next;
            }
            if (q->unexp_tail == u) {
                q->unexp_tail = prev;
            }
            u->next = NULL;
        }
        return u;
    }
    return NULL;
}

void mpr_match_free_unexp(struct mpr_unexp *u)
{
    free(u->data);
    free(u);
}
