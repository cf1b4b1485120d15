/* SPSC shared-memory ring: setup and the rare paths (full ring, wrap-around). See shm_ring.h. */
#include "transport/shm/shm_ring.h"

#include <string.h>

/* A ring is a power-of-two data area of at least 4096 bytes after a line-aligned control line. */
static void ring_assert_valid(const void *mem, size_t size)
{
    (void)mem;
    (void)size;
    assert(size >= MPR_SHM_RING_MIN_SIZE && (size & (size - 1)) == 0 &&
           (uintptr_t)mem % MPR_SHM_RING_LINE == 0);
}

size_t mpr_shm_ring_footprint(size_t size)
{
    return sizeof(struct mpr_shm_ring_ctl) + size;
}

void mpr_shm_ring_format(void *mem, size_t size)
{
    struct mpr_shm_ring_ctl *ctl = mem;

    ring_assert_valid(mem, size);
    memset(mem, 0, mpr_shm_ring_footprint(size));
    ctl->size = size;
}

void mpr_shm_ring_tx_init(struct mpr_shm_ring_tx *t, void *mem, size_t size)
{
    struct mpr_shm_ring_ctl *ctl = mem;

    ring_assert_valid(mem, size);
    assert(ctl->size == size);
    *t = (struct mpr_shm_ring_tx){
        .data = (unsigned char *)(ctl + 1),
        .ctl = ctl,
        .mask = size - 1,
        .seq = 1,
    };
}

void mpr_shm_ring_rx_init(struct mpr_shm_ring_rx *r, void *mem, size_t size)
{
    struct mpr_shm_ring_ctl *ctl = mem;

    ring_assert_valid(mem, size);
    assert(ctl->size == size);
    *r = (struct mpr_shm_ring_rx){
        .data = (unsigned char *)(ctl + 1),
        .ctl = ctl,
        .mask = size - 1,
        .seq = 1,
    };
}

size_t mpr_shm_ring_max_body(size_t size)
{
    /* Cap so that a record length always fits in uint32 and stays below MPR_SHM_RING_PAD. */
    uint64_t half = (size < (1ull << 32) ? size : (1ull << 32)) / 2;

    return half - MPR_SHM_RING_LINE - sizeof(struct mpr_shm_ring_rec);
}

/*
 * The record does not fit before the end of the data area, or the cached `consumed` says the ring
 * is full. Room is checked for the PAD record (if any), the record and its zero-ahead line
 * together, so a PAD is only written when the record that follows it fits too.
 */
void *mpr_shm_ring_reserve_slow(struct mpr_shm_ring_tx *t, uint32_t len)
{
    uint64_t size = t->mask + 1;
    uint64_t reclen = mpr_shm_ring_reclen(len);
    uint64_t off = t->tail & t->mask;
    uint64_t skip = off + reclen > size ? size - off : 0;
    uint64_t end = t->tail + skip + reclen + MPR_SHM_RING_LINE;
    struct mpr_shm_ring_rec *rec;

    if (end - t->consumed > size) {
        /* Acquire: the consumer has finished reading everything before the value loaded. */
        t->consumed = atomic_load_explicit(&t->ctl->consumed, memory_order_acquire);
        if (end - t->consumed > size) {
            return NULL;
        }
    }
    if (skip != 0) {
        rec = mpr_shm_ring_rec_at(t->data, t->mask, t->tail);
        rec->len = MPR_SHM_RING_PAD;
        atomic_store_explicit(&mpr_shm_ring_rec_at(t->data, t->mask, 0)->stamp, 0,
                              memory_order_relaxed);
        /* Publishes the PAD marker and the zeroed stamp at offset 0. */
        atomic_store_explicit(&rec->stamp, t->seq, memory_order_release);
        t->seq = mpr_shm_ring_next_seq(t->seq);
        t->tail += skip;
    }
    rec = mpr_shm_ring_rec_at(t->data, t->mask, t->tail);
    rec->len = len;
    t->reclen = (uint32_t)reclen;
    return rec + 1;
}

/* Skip the PAD record at head; the record after it (if published) starts at offset 0. */
const void *mpr_shm_ring_peek_slow(struct mpr_shm_ring_rx *r, uint32_t *len)
{
    r->head += r->mask + 1 - (r->head & r->mask);
    r->seq = mpr_shm_ring_next_seq(r->seq);
    /* Publishes that the PAD's lines are free for the producer (nothing in them was read). */
    atomic_store_explicit(&r->ctl->consumed, r->head, memory_order_release);
    /* Not a PAD again: a record at offset 0 always fits before the end of the area. */
    return mpr_shm_ring_peek(r, len);
}
