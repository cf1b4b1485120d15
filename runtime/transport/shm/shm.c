#include "transport/shm/shm.h"

#include "core/copy.h"
#include "core/errcode.h"
#include "core/log.h"
#include "core/state.h"
#include "pt2pt/proto.h"
#include "transport/shm/shm_cma.h"
#include "transport/shm/shm_node.h"
#include "transport/shm/shm_ring.h"
#include "transport/shm/shm_segment.h"
#include "transport/transport_table.h"

#include <limits.h>
#include <linux/futex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

struct shm_state {
    int up;
    int n;  /* local ranks; on one node the local rank is the world rank */
    int me;
    struct mpr_shm_ring_tx *tx; /* tx[r]: ring me -> r */
    struct mpr_shm_ring_rx *rx; /* rx[s]: ring s -> me */
    struct mpr_shm_ctl **ctl;   /* every local rank's control block */
    size_t max_record;
    int strict_wake; /* oversubscribed: senders fence before looking at the doorbell */
};


static struct shm_state shm;

int mpr_shm_active(void)
{
    return shm.up;
}

void *mpr_shm_segment(void)
{
    return shm.up ? mpr_shm_node.base : NULL;
}

int mpr_shm_reaches(int peer)
{
    return shm.up && peer >= 0 && peer < shm.n;
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
    size_t cap = PREFAULT_BUDGET / (2 * (size_t)(shm.n - 1));

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
    shm.tx = calloc((size_t)shm.n, sizeof(*shm.tx));
    shm.rx = calloc((size_t)shm.n, sizeof(*shm.rx));
    shm.ctl = calloc((size_t)shm.n, sizeof(*shm.ctl));
    if (!shm.tx || !shm.rx || !shm.ctl) {
        return -MPR_ERR_NOMEM;
    }
    for (int r = 0; r < shm.n; r++) {
        shm.ctl[r] = mpr_seg_ctl(base, (uint32_t)r);
        if (r == shm.me) {
            continue;
        }
        mpr_shm_ring_tx_init(&shm.tx[r], mpr_seg_ring(base, (uint32_t)shm.me, (uint32_t)r),
                             ring_size);
        mpr_shm_ring_rx_init(&shm.rx[r], mpr_seg_ring(base, (uint32_t)r, (uint32_t)shm.me),
                             ring_size);
        prefault(mpr_seg_ring(base, (uint32_t)shm.me, (uint32_t)r), ring_size);
        prefault(mpr_seg_ring(base, (uint32_t)r, (uint32_t)shm.me), ring_size);
    }
    shm.max_record = mpr_shm_ring_max_body(ring_size);
    return 0;
}

int mpr_shm_init(void)
{
    const struct mpr_seg_header *h = mpr_shm_node.base;
    int rc;

    if (!h || mpr_state.size == 1) {
        return 0;
    }
    if (mpr_state.local_size != mpr_state.size) {
        mpr_log_error("ranks on several nodes need the fabric transport, which is not built in "
                      "yet");
        return -MPR_ERR_IO;
    }
    shm.n = mpr_state.local_size;
    shm.me = mpr_state.local_rank;
    rc = attach_rings(mpr_shm_node.base, h->ring_size);
    if (rc == 0) {
        rc = mpr_shm_cma_setup(mpr_shm_node.base, shm.me, shm.n);
    }
    shm.strict_wake = mpr_state.oversubscribed;
    shm.up = rc == 0;
    return rc;
}

/*
 * Ring the peer's doorbell if it may be asleep. On an oversubscribed node ranks sleep often, so
 * the seq_cst fence pairs with mpr_shm_block's and no wake-up is ever missed. On a dedicated
 * node the fence (a full store-buffer drain on every send) is left out. Then a wake-up can be
 * missed only by a record published in the instant the peer raises its `sleeping` flag (its
 * store and our stamp store cross): the flag stays raised for the whole wait, and the first
 * sleep of a wait is short (see core/wait.c), so a missed doorbell costs at most that.
 */
void mpr_shm_wake(int peer)
{
    struct mpr_shm_ctl *c = shm.ctl[peer];

    if (shm.strict_wake) {
        atomic_thread_fence(memory_order_seq_cst);
    }
    if (atomic_load_explicit(&c->sleeping, memory_order_relaxed)) {
        atomic_fetch_add_explicit(&c->futex, 1, memory_order_release);
        syscall(SYS_futex, &c->futex, FUTEX_WAKE, 1, NULL, NULL, 0);
    }
}

static int shm_send(int peer, const void *head, size_t headlen, const void *payload, size_t len)
{
    size_t body = headlen + len;
    unsigned char *p;

    if (body > shm.max_record) {
        return -MPR_ERR_ARG;
    }
    p = mpr_shm_ring_reserve(&shm.tx[peer], (uint32_t)body);
    if (!p) {
        return -MPR_ERR_AGAIN;
    }
    /* The common eager header is 24 bytes: a constant-size copy, inline. */
    if (headlen == sizeof(struct mpr_msg_hdr)) {
        memcpy(p, head, sizeof(struct mpr_msg_hdr));
    } else {
        memcpy(p, head, headlen);
    }
    mpr_copy(p + headlen, payload, len);
    mpr_shm_ring_publish(&shm.tx[peer]);
    mpr_shm_wake(peer);
    return 0;
}

/* Drain one peer's ring: every record goes up while it still sits in the ring. */
static int drain(int peer)
{
    struct mpr_shm_ring_rx *r = &shm.rx[peer];
    const unsigned char *body;
    uint32_t len;
    int n = 0;

    while ((body = mpr_shm_ring_peek(r, &len)) != NULL) {
        size_t hl = mpr_msg_headlen(body[0]);
        mpr_pt2pt_incoming(peer, body, hl, body + hl, len - hl);
        mpr_shm_ring_commit(r);
        n++;
    }
    return n;
}

static int shm_progress(void)
{
    int n = 0;

    for (int s = 0; s < shm.n; s++) {
        if (s != shm.me) {
            n += drain(s);
        }
    }
    return n;
}

static int any_waiting(void)
{
    uint32_t len;

    for (int s = 0; s < shm.n; s++) {
        if (s != shm.me && mpr_shm_ring_peek(&shm.rx[s], &len)) {
            return 1;
        }
    }
    return 0;
}

void mpr_shm_block(long timeout_ns)
{
    struct mpr_shm_ctl *c = shm.ctl[shm.me];
    uint32_t seen = atomic_load_explicit(&c->futex, memory_order_acquire);
    struct timespec ts = {.tv_sec = timeout_ns / 1000000000L,
                          .tv_nsec = timeout_ns % 1000000000L};

    /*
     * The flag stays up across the sleeps of one wait (mpr_shm_unblock lowers it), so a missed
     * doorbell is possible only around the first sleep, which the caller keeps short.
     */
    atomic_store_explicit(&c->sleeping, 1, memory_order_relaxed);
    /* Pairs with the fence in wake(): either we see the record, or the sender sees us asleep. */
    atomic_thread_fence(memory_order_seq_cst);
    if (!any_waiting()) {
        syscall(SYS_futex, &c->futex, FUTEX_WAIT, seen, &ts, NULL, 0);
    }
}

void mpr_shm_unblock(void)
{
    atomic_store_explicit(&shm.ctl[shm.me]->sleeping, 0, memory_order_relaxed);
}

static int shm_can_pull(int peer)
{
    (void)peer;
    return mpr_shm_cma_enabled();
}

static int shm_pull(int peer, void *dst, uint64_t addr, size_t len)
{
    return mpr_shm_cma_read(shm.ctl[peer], dst, addr, len);
}

static int shm_push(int peer, uint64_t addr, const void *src, size_t len)
{
    return mpr_shm_cma_write(shm.ctl[peer], addr, src, len);
}

static void shm_fini(void)
{
    free(shm.tx);
    free(shm.rx);
    free(shm.ctl);
    memset(&shm, 0, sizeof(shm));
}

static size_t shm_max_record(void)
{
    return shm.max_record;
}

const struct mpr_transport mpr_transport_shm = {
    .name = "shm",
    .max_record = shm_max_record,
    .send = shm_send,
    .pull = shm_pull,
    .push = shm_push,
    .can_pull = shm_can_pull,
    .progress = shm_progress,
    .fini = shm_fini,
};
