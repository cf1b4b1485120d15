/*
 * The shared-memory transport: the peers on this node, through per-pair rings in the node
 * segment. Rings are indexed by local rank; pt2pt speaks world ranks, mapped at init from what
 * every local rank publishes in its control block. Rendezvous reads use CMA (shm_rndv.c).
 */
#include "transport/shm/shm.h"

#include "core/copy.h"
#include "core/errcode.h"
#include "core/param.h"
#include "core/state.h"
#include "transport/shm/shm_cma.h"
#include "transport/shm/shm_impl.h"
#include "transport/shm/shm_node.h"
#include "transport/shm/shm_ring.h"
#include "transport/shm/shm_segment.h"

#include <linux/futex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct mpr_shm_state mpr_shm;

int mpr_shm_active(void)
{
    return mpr_shm.up;
}

void *mpr_shm_segment(void)
{
    return mpr_shm.up && mpr_shm.node_colls ? mpr_shm_node.base : NULL;
}

static int shm_up(void)
{
    return mpr_shm.up;
}

static int shm_reaches(int peer)
{
    int l = mpr_shm.up && peer >= 0 && peer < mpr_state.size ? mpr_shm.local_of[peer] : -1;

    if (l < 0 || l == mpr_shm.me) {
        return 0;
    }
    /* MPR_TRANSPORT=parity: a mixed job on one node, the other half through the fabric. */
    return !mpr_shm.parity || (peer & 1) == (mpr_state.rank & 1);
}

/*
 * Fault in the start of this rank's own rings now (its tx and rx rings), so that the first lap
 * of small messages does not take a page fault every 64 records. At most PREFAULT_BUDGET bytes
 * per rank: a large job pays for its start-up in faults otherwise (32 ranks on 2 cores: +85 ms
 * for whole rings). Best effort: older kernels lack the advice.
 */
#define PREFAULT_BUDGET (2u << 20)

static void prefault(void *ring, size_t ring_size)
{
#ifdef MADV_POPULATE_WRITE
    size_t len = mpr_shm_ring_footprint(ring_size);
    size_t cap = PREFAULT_BUDGET / (2 * (size_t)(mpr_shm.n - 1));

    len = len < cap ? len : cap;
    uintptr_t start = (uintptr_t)ring & ~(uintptr_t)4095;
    uintptr_t end = ((uintptr_t)ring + len + 4095) & ~(uintptr_t)4095;

    madvise((void *)start, end - start, MADV_POPULATE_WRITE);
#else
    (void)ring;
    (void)ring_size;
#endif
}

static int attach_rings(void *base, size_t ring_size)
{
    int n = mpr_shm.n, me = mpr_shm.me;

    mpr_shm.tx = calloc((size_t)n, sizeof(*mpr_shm.tx));
    mpr_shm.rx = calloc((size_t)n, sizeof(*mpr_shm.rx));
    mpr_shm.ctl = calloc((size_t)n, sizeof(*mpr_shm.ctl));
    if (!mpr_shm.tx || !mpr_shm.rx || !mpr_shm.ctl) {
        return -MPR_ERR_NOMEM;
    }
    for (int r = 0; r < n; r++) {
        mpr_shm.ctl[r] = mpr_seg_ctl(base, (uint32_t)r);
        if (r == me) {
            continue;
        }
        mpr_shm_ring_tx_init(&mpr_shm.tx[r], mpr_seg_ring(base, (uint32_t)me, (uint32_t)r),
                             ring_size);
        mpr_shm_ring_rx_init(&mpr_shm.rx[r], mpr_seg_ring(base, (uint32_t)r, (uint32_t)me),
                             ring_size);
        prefault(mpr_seg_ring(base, (uint32_t)me, (uint32_t)r), ring_size);
        prefault(mpr_seg_ring(base, (uint32_t)r, (uint32_t)me), ring_size);
    }
    mpr_shm.max_record = mpr_shm_ring_max_body(ring_size);
    return 0;
}

/* Who is who on this node: every local rank published its world rank before the fences. */
static int map_ranks(void)
{
    mpr_shm.local_of = malloc((size_t)mpr_state.size * sizeof(int));
    mpr_shm.world_of = malloc((size_t)mpr_shm.n * sizeof(int));
    if (!mpr_shm.local_of || !mpr_shm.world_of) {
        return -MPR_ERR_NOMEM;
    }
    for (int r = 0; r < mpr_state.size; r++) {
        mpr_shm.local_of[r] = -1;
    }
    for (int l = 0; l < mpr_shm.n; l++) {
        int w = atomic_load_explicit(&mpr_shm.ctl[l]->world_rank, memory_order_acquire);
        if (w < 0 || w >= mpr_state.size) {
            return -MPR_ERR_PROTO;
        }
        mpr_shm.world_of[l] = w;
        mpr_shm.local_of[w] = l;
    }
    return 0;
}

static int shm_init(void)
{
    const struct mpr_seg_header *h = mpr_shm_node.base;
    const char *mode = mpr_param_str(MPR_P_TRANSPORT);
    long split = mpr_param_int(MPR_P_CMA_SPLIT);
    int rc;

    /* A singleton, or MPR_TRANSPORT=ofi: every peer goes through the fabric. */
    if (!h || mpr_state.size == 1 || (mode && !strcmp(mode, "ofi"))) {
        return 0;
    }
    mpr_shm.n = mpr_state.local_size;
    mpr_shm.me = mpr_state.local_rank;
    mpr_shm.parity = mode && !strcmp(mode, "parity");
    /* Node-local collectives only when every pt2pt path is shm's (see architecture.md). */
    mpr_shm.node_colls = !mpr_shm.parity;
    mpr_shm.split_min = split <= 0 ? SIZE_MAX : (size_t)split;
    rc = attach_rings(mpr_shm_node.base, h->ring_size);
    if (rc == 0) {
        /* Published by the first fence of the CMA set-up. */
        atomic_store_explicit(&mpr_shm.ctl[mpr_shm.me]->world_rank, mpr_state.rank,
                              memory_order_release);
        rc = mpr_shm_cma_setup(mpr_shm_node.base, mpr_shm.me, mpr_shm.n);
    }
    if (rc == 0) {
        rc = map_ranks();
    }
    mpr_shm.strict_wake = mpr_state.oversubscribed;
    mpr_shm.up = rc == 0;
    return rc;
}

/*
 * Ring the local rank's doorbell if it may be asleep. On an oversubscribed node ranks sleep
 * often, so the seq_cst fence pairs with shm_block's and no wake-up is ever missed. On a dedicated
 * node the fence (a full store-buffer drain on every send) is left out. Then a wake-up can be
 * missed only by a record published in the instant the peer raises its `sleeping` flag (its
 * store and our stamp store cross): the flag stays raised for the whole wait, and the first
 * sleep of a wait is short (see core/wait.c), so a missed doorbell costs at most that.
 */
void mpr_shm_wake_local(int l)
{
    struct mpr_shm_ctl *c = mpr_shm.ctl[l];

    if (mpr_shm.strict_wake) {
        atomic_thread_fence(memory_order_seq_cst);
    }
    if (atomic_load_explicit(&c->sleeping, memory_order_relaxed)) {
        atomic_fetch_add_explicit(&c->futex, 1, memory_order_release);
        syscall(SYS_futex, &c->futex, FUTEX_WAKE, 1, NULL, NULL, 0);
    }
}

void mpr_shm_wake(int peer)
{
    mpr_shm_wake_local(mpr_shm.local_of[peer]);
}

int mpr_shm_send_local(int l, const void *head, size_t headlen, const void *payload, size_t len)
{
    size_t body = headlen + len;
    unsigned char *p;

    if (body > mpr_shm.max_record) {
        return -MPR_ERR_ARG;
    }
    p = mpr_shm_ring_reserve(&mpr_shm.tx[l], (uint32_t)body);
    if (!p) {
        return -MPR_ERR_AGAIN;
    }
    /* The common eager header is 24 bytes: a constant-size copy, inline. */
    if (headlen == 24) {
        memcpy(p, head, 24);
    } else {
        memcpy(p, head, headlen);
    }
    mpr_copy(p + headlen, payload, len);
    mpr_shm_ring_publish(&mpr_shm.tx[l]);
    mpr_shm_wake_local(l);
    return 0;
}

static int shm_send(int peer, const void *head, size_t headlen, const void *payload, size_t len)
{
    return mpr_shm_send_local(mpr_shm.local_of[peer], head, headlen, payload, len);
}

/* Drain one peer's ring: every record goes up while it still sits in the ring. */
static int drain(int l)
{
    struct mpr_shm_ring_rx *r = &mpr_shm.rx[l];
    const unsigned char *body;
    uint32_t len;
    int n = 0;

    while ((body = mpr_shm_ring_peek(r, &len)) != NULL) {
        if (body[0] >= MPR_TP_KIND_PRIVATE) {
            mpr_shm_rndv_incoming(l, body, len);
        } else {
            mpr_pt2pt_incoming(mpr_shm.world_of[l], body, len);
        }
        mpr_shm_ring_commit(r);
        n++;
    }
    return n;
}

static int shm_progress(void)
{
    int n = mpr_shm.nqueued ? mpr_shm_rndv_retry() : 0;

    for (int s = 0; s < mpr_shm.n; s++) {
        if (s != mpr_shm.me) {
            n += drain(s);
        }
    }
    return n;
}

static int any_waiting(void)
{
    uint32_t len;

    for (int s = 0; s < mpr_shm.n; s++) {
        if (s != mpr_shm.me && mpr_shm_ring_peek(&mpr_shm.rx[s], &len)) {
            return 1;
        }
    }
    return 0;
}

static void shm_block(long timeout_ns)
{
    struct mpr_shm_ctl *c = mpr_shm.ctl[mpr_shm.me];
    uint32_t seen = atomic_load_explicit(&c->futex, memory_order_acquire);
    struct timespec ts = {.tv_sec = timeout_ns / 1000000000L, .tv_nsec = timeout_ns % 1000000000L};

    /*
     * The flag stays up across the sleeps of one wait (shm_unblock lowers it), so a missed
     * doorbell is possible only around the first sleep, which the caller keeps short.
     */
    atomic_store_explicit(&c->sleeping, 1, memory_order_relaxed);
    /* Pairs with the fence in wake(): either we see the record, or the sender sees us asleep. */
    atomic_thread_fence(memory_order_seq_cst);
    if (!any_waiting() && !mpr_shm.nqueued) {
        syscall(SYS_futex, &c->futex, FUTEX_WAIT, seen, &ts, NULL, 0);
    }
}

static void shm_unblock(void)
{
    atomic_store_explicit(&mpr_shm.ctl[mpr_shm.me]->sleeping, 0, memory_order_relaxed);
}

static void shm_fini(void)
{
    mpr_shm_rndv_fini();
    free(mpr_shm.tx);
    free(mpr_shm.rx);
    free(mpr_shm.ctl);
    free(mpr_shm.local_of);
    free(mpr_shm.world_of);
    memset(&mpr_shm, 0, sizeof(mpr_shm));
}

static size_t shm_max_record(void)
{
    return mpr_shm.max_record;
}

const struct mpr_transport mpr_transport_shm = {
    .name = "shm",
    .init = shm_init,
    .up = shm_up,
    .reaches = shm_reaches,
    .max_record = shm_max_record,
    .send = shm_send,
    .expose = mpr_shm_expose,
    .unexpose = mpr_shm_unexpose,
    .get = mpr_shm_get,
    .progress = shm_progress,
    .block = shm_block,
    .unblock = shm_unblock,
    .fini = shm_fini,
};
