/*
 * Rendezvous gets between local ranks: the receiver reads the sender's buffer with
 * process_vm_readv (CMA). A large get is split so both cores copy: the receiver asks the sender
 * (a private WRITE record) to write the tail straight into the receiver's buffer while it reads
 * the head itself; the get is done when the sender's WDONE arrives. Either side's ring carries
 * these records in order with pt2pt's, so the sender writes before it sees the receiver's FIN,
 * and its buffer is still there.
 */
#include "core/errcode.h"
#include "core/log.h"
#include "transport/shm/shm_cma.h"
#include "transport/shm/shm_impl.h"

#include <stdlib.h>
#include <string.h>

enum { SHM_WRITE = MPR_TP_KIND_PRIVATE, SHM_WDONE };

/* WRITE: write len bytes from src (sender's address) to dst (receiver's), then WDONE(token). */
struct shm_write {
    uint8_t kind;
    uint8_t pad[7];
    uint64_t src;
    uint64_t dst;
    uint64_t len;
    uint64_t token;
};
_Static_assert(sizeof(struct shm_write) == 40, "WRITE record is 40 bytes");

struct shm_wdone {
    uint8_t kind;
    uint8_t pad[7];
    uint64_t token; /* the receiver's get context */
};
_Static_assert(sizeof(struct shm_wdone) == 16, "WDONE record is 16 bytes");

struct mpr_shm_private {
    struct mpr_shm_private *next;
    int l;
    size_t len;
    struct shm_write rec; /* the largest private record */
};

int mpr_shm_expose(int peer, const void *buf, size_t len, struct mpr_tp_desc *desc, void **handle)
{
    (void)peer;
    (void)len;
    if (!mpr_shm_cma_enabled()) {
        return -MPR_ERR_UNSUPPORTED;
    }
    *desc = (struct mpr_tp_desc){.addr = (uint64_t)(uintptr_t)buf};
    *handle = NULL;
    return 0;
}

void mpr_shm_unexpose(void *handle)
{
    (void)handle; /* CMA reads any mapped address: nothing was taken */
}

static void queue_private(int l, const void *rec, size_t len)
{
    struct mpr_shm_private *q = malloc(sizeof(*q)), **tail = &mpr_shm.queued;

    if (!q) {
        /* Without it the peer waits forever: end the job rather than hang it. */
        mpr_log_error("out of memory queueing a shared-memory control record");
        abort();
    }
    q->next = NULL;
    q->l = l;
    q->len = len;
    memcpy(&q->rec, rec, len);
    while (*tail) {
        tail = &(*tail)->next;
    }
    *tail = q;
    mpr_shm.nqueued++;
}

static void send_private(int l, const void *rec, size_t len)
{
    if (mpr_shm.nqueued || mpr_shm_send_local(l, rec, len, NULL, 0) != 0) {
        queue_private(l, rec, len);
    }
}

int mpr_shm_rndv_retry(void)
{
    int n = 0;

    while (mpr_shm.queued && mpr_shm_send_local(mpr_shm.queued->l, &mpr_shm.queued->rec,
                                                mpr_shm.queued->len, NULL, 0) == 0) {
        struct mpr_shm_private *q = mpr_shm.queued;
        mpr_shm.queued = q->next;
        mpr_shm.nqueued--;
        free(q);
        n++;
    }
    return n;
}

void mpr_shm_rndv_fini(void)
{
    while (mpr_shm.queued) {
        struct mpr_shm_private *q = mpr_shm.queued;
        mpr_shm.queued = q->next;
        free(q);
    }
    mpr_shm.nqueued = 0;
}

static void cma_failed(int l, const char *what)
{
    mpr_log_error("single-copy %s with rank %d failed after the probe allowed it; set "
                  "MPR_SHM_CMA=0",
                  what, mpr_shm.world_of[l]);
    abort();
}

int mpr_shm_get(int peer, void *dst, size_t len, const struct mpr_tp_desc *desc, void *ctx)
{
    int l = mpr_shm.local_of[peer];
    size_t head = len;

    if (!mpr_shm_cma_enabled()) {
        return -MPR_ERR_UNSUPPORTED;
    }
    if (len >= mpr_shm.split_min) {
        /* Announced first, so the sender copies while we do. */
        struct shm_write w = {.kind = SHM_WRITE, .token = (uint64_t)(uintptr_t)ctx};
        head = (len / 2) & ~(size_t)4095;
        w.src = desc->addr + head;
        w.dst = (uint64_t)(uintptr_t)dst + head;
        w.len = len - head;
        send_private(l, &w, sizeof(w));
    }
    if (mpr_shm_cma_read(mpr_shm.ctl[l], dst, desc->addr, head) != 0) {
        cma_failed(l, "read");
    }
    if (head == len) {
        mpr_pt2pt_get_done(ctx);
    }
    return 0;
}

void mpr_shm_rndv_incoming(int l, const unsigned char *rec, uint32_t len)
{
    if (rec[0] == SHM_WRITE && len == sizeof(struct shm_write)) {
        struct shm_write w;
        struct shm_wdone d = {.kind = SHM_WDONE};
        memcpy(&w, rec, sizeof(w));
        if (mpr_shm_cma_write(mpr_shm.ctl[l], w.dst, (const void *)(uintptr_t)w.src,
                              (size_t)w.len) != 0) {
            cma_failed(l, "write");
        }
        d.token = w.token;
        send_private(l, &d, sizeof(d));
    } else if (rec[0] == SHM_WDONE && len == sizeof(struct shm_wdone)) {
        struct shm_wdone d;
        memcpy(&d, rec, sizeof(d));
        mpr_pt2pt_get_done((void *)(uintptr_t)d.token);
    } else {
        mpr_log_error("unknown shared-memory record %u from rank %d", rec[0], mpr_shm.world_of[l]);
        abort();
    }
}
