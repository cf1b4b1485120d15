/*
 * Buffered sends. Each MPI_Bsend copies its message into the attached buffer and starts an
 * ordinary send from the copy; the caller gets a request that is already complete. Every
 * message takes its size plus MPI_BSEND_OVERHEAD bytes of the buffer (the accounting the
 * standard tells users to plan with), first fit; the space returns when the send completes.
 */
#include "pt2pt/bsend.h"

#include "core/progress.h"
#include "core/errcode.h"
#include "pt2pt/pt2pt.h"

#include <stdlib.h>
#include <string.h>

struct mpr_bsend_block {
    size_t off, len;
    struct mpr_bsend_block *next; /* blocks in use, by offset */
};

static char *buffer;
static size_t buffer_size;
static int attached;
static struct mpr_bsend_block *used;

int mpr_bsend_attach(void *buf, size_t size)
{
    if (attached) {
        return -MPR_ERR_BUFFER;
    }
    buffer = buf;
    buffer_size = size;
    attached = 1;
    return 0;
}

int mpr_bsend_detach(void **buf, size_t *size)
{
    /* MPI: detach blocks until every message buffered in it has been transmitted. */
    while (used) {
        mpr_progress();
    }
    *buf = attached ? buffer : NULL;
    *size = attached ? buffer_size : 0;
    buffer = NULL;
    buffer_size = 0;
    attached = 0;
    return 0;
}

/* First fit among the gaps between blocks in use. */
static struct mpr_bsend_block *take_space(size_t need)
{
    struct mpr_bsend_block **link = &used, *b;
    size_t off = 0;

    for (; *link; link = &(*link)->next) {
        if ((*link)->off - off >= need) {
            break;
        }
        off = (*link)->off + (*link)->len;
    }
    if (off > buffer_size || buffer_size - off < need || (*link && (*link)->off - off < need)) {
        return NULL;
    }
    b = malloc(sizeof(*b));
    if (b) {
        b->off = off;
        b->len = need;
        b->next = *link;
        *link = b;
    }
    return b;
}

void mpr_bsend_release(struct mpr_bsend_block *b)
{
    for (struct mpr_bsend_block **link = &used; *link; link = &(*link)->next) {
        if (*link == b) {
            *link = b->next;
            free(b);
            return;
        }
    }
}

int mpr_bsend_start(const void *buf, size_t bytes, int dest, int tag, struct mpr_comm *comm,
                    struct mpr_request **out)
{
    struct mpr_bsend_block *b = NULL;
    struct mpr_request *inner, *done = mpr_request_new(MPR_REQ_SEND);
    int rc;

    if (!done) {
        return -MPR_ERR_NOMEM;
    }
    if (dest != MPI_PROC_NULL) {
        b = attached ? take_space(bytes + MPI_BSEND_OVERHEAD) : NULL;
        if (!b) {
            mpr_request_release(done);
            return -MPR_ERR_BUFFER;
        }
        memcpy(buffer + b->off, buf, bytes);
        rc = mpr_pt2pt_isend(buffer + b->off, bytes, dest, tag, comm, MPR_MODE_STANDARD, &inner);
        if (rc != 0) {
            mpr_bsend_release(b);
            mpr_request_release(done);
            return rc;
        }
        if (inner->complete) {
            mpr_bsend_release(b);
            mpr_request_release(inner);
        } else {
            inner->bsend = b;
            inner->freed = 1; /* nobody waits for it: it releases itself and its block */
        }
    }
    done->complete = 1;
    *out = done;
    return 0;
}
