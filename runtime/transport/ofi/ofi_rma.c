/*
 * Rendezvous over the fabric: the sender registers its buffer for remote reads (expose); the
 * receiver reads it with fi_read straight into the user buffer, in chunks of at most
 * READ_CHUNK bytes with at most READ_DEPTH of them in flight, and reports the get done when the
 * last chunk has landed. A provider without FI_RMA says no to expose, and pt2pt streams the data.
 */
#include "core/errcode.h"
#include "core/log.h"
#include "transport/ofi/ofi_impl.h"

#include <rdma/fi_errno.h>
#include <rdma/fi_rma.h>
#include <stdlib.h>

/* Large enough to run at the wire's speed, small enough that reads pipeline (measured: perf.md). */
#define READ_CHUNK (4u << 20)
#define READ_DEPTH 4

struct mpr_ofi_read {
    struct mpr_ofi_op op; /* first: the fabric's context */
    struct mpr_ofi_get *get;
    int busy; /* posted, not completed */
};

struct mpr_ofi_get {
    struct mpr_ofi_get *next; /* on mpr_ofi.gets while chunks wait for room */
    void *ctx;                /* pt2pt's, for mpr_pt2pt_get_done */
    unsigned char *dst;
    size_t len;
    size_t posted;   /* bytes of reads posted so far */
    int outstanding; /* reads posted, not completed */
    int queued;      /* on mpr_ofi.gets */
    uint64_t raddr;  /* remote address of byte 0 (virtual, or an offset) */
    uint64_t key;
    struct fid_mr *mr; /* FI_MR_LOCAL: dst registered for the reads */
    struct mpr_ofi_read reads[READ_DEPTH];
    int peer;
};

int mpr_ofi_expose(int peer, const void *buf, size_t len, struct mpr_tp_desc *desc, void **handle)
{
    struct fid_mr *mr;

    (void)peer;
    if (!mpr_ofi.rma || mpr_ofi_mr_reg(buf, len, FI_REMOTE_READ, &mr) != 0) {
        return -MPR_ERR_UNSUPPORTED;
    }
    *desc = (struct mpr_tp_desc){.addr = (uint64_t)(uintptr_t)buf, .key = fi_mr_key(mr)};
    *handle = mr;
    return 0;
}

void mpr_ofi_unexpose(void *handle)
{
    fi_close(&((struct fid_mr *)handle)->fid);
}

/* Post reads until the get is all posted, READ_DEPTH are out, or the provider has no room. */
static int post_reads(struct mpr_ofi_get *g)
{
    size_t chunk = mpr_ofi.max_read < READ_CHUNK ? mpr_ofi.max_read : READ_CHUNK;

    for (int k = 0; k < READ_DEPTH && g->posted < g->len; k++) {
        struct mpr_ofi_read *r = &g->reads[k];
        size_t n = g->len - g->posted < chunk ? g->len - g->posted : chunk;
        ssize_t rc;
        if (r->busy) {
            continue;
        }
        r->get = g;
        r->op.kind = MPR_OFI_OP_READ;
        r->op.peer = g->peer;
        rc = fi_read(mpr_ofi.ep, g->dst + g->posted, n, mpr_ofi_mr_desc(g->mr),
                     mpr_ofi.addr[g->peer], g->raddr + g->posted, g->key, &r->op.ctx);
        if (rc == -FI_EAGAIN) {
            return 0;
        }
        if (rc != 0) {
            mpr_ofi_fatal(g->peer, "fi_read", (int)-rc);
        }
        r->busy = 1;
        g->posted += n;
        g->outstanding++;
        mpr_ofi.inflight++;
    }
    return g->posted == g->len;
}

static void queue_get(struct mpr_ofi_get *g)
{
    if (!g->queued) {
        g->queued = 1;
        g->next = mpr_ofi.gets;
        mpr_ofi.gets = g;
    }
}

int mpr_ofi_get(int peer, void *dst, size_t len, const struct mpr_tp_desc *desc, void *ctx)
{
    struct mpr_ofi_get *g;

    if (!mpr_ofi.rma) {
        return -MPR_ERR_UNSUPPORTED;
    }
    g = calloc(1, sizeof(*g));
    if (!g) {
        return -MPR_ERR_UNSUPPORTED; /* stream it instead */
    }
    g->ctx = ctx;
    g->dst = dst;
    g->len = len;
    g->peer = peer;
    g->raddr = mpr_ofi.mr_virt ? desc->addr : 0;
    g->key = desc->key;
    if (mpr_ofi.mr_local && mpr_ofi_mr_reg(dst, len, FI_READ, &g->mr) != 0) {
        free(g);
        return -MPR_ERR_UNSUPPORTED;
    }
    if (!post_reads(g)) {
        queue_get(g);
    }
    return 0;
}

static void get_free(struct mpr_ofi_get *g)
{
    if (g->mr) {
        fi_close(&g->mr->fid);
    }
    free(g);
}

/* All of it has landed: free the get and tell pt2pt (not while it waits on the queue). */
static int finish_if_done(struct mpr_ofi_get *g)
{
    void *ctx = g->ctx;

    if (g->posted < g->len || g->outstanding > 0 || g->queued) {
        return 0;
    }
    get_free(g);
    mpr_pt2pt_get_done(ctx);
    return 1;
}

void mpr_ofi_read_done(struct mpr_ofi_op *op)
{
    struct mpr_ofi_read *r = (struct mpr_ofi_read *)op;
    struct mpr_ofi_get *g = r->get;

    r->busy = 0;
    g->outstanding--;
    if (g->posted < g->len && !g->queued && !post_reads(g)) {
        queue_get(g);
    }
    finish_if_done(g);
}

int mpr_ofi_gets_retry(void)
{
    struct mpr_ofi_get **at = &mpr_ofi.gets;
    int events = 0;

    while (*at) {
        struct mpr_ofi_get *g = *at;
        if (post_reads(g)) {
            *at = g->next;
            g->queued = 0;
            finish_if_done(g);
            events++;
        } else {
            at = &g->next;
        }
    }
    return events;
}

void mpr_ofi_rma_fini(void)
{
    while (mpr_ofi.gets) {
        struct mpr_ofi_get *g = mpr_ofi.gets;
        mpr_ofi.gets = g->next;
        get_free(g);
    }
}
