/*
 * Single-producer, single-consumer byte ring in shared memory: it carries every small message
 * between one ordered pair of local ranks. The memory is a memfd mapped at different addresses in
 * the two processes, so the shared part holds positions (byte counts), never pointers.
 *
 * Shared layout at `mem` (64-byte aligned):
 *
 *   [ control line: consumed, size ][ data: `size` bytes, size a power of two >= 4096 ]
 *
 * Records start at 64-byte boundaries of the data area: an 8-byte prefix (stamp, len), `len` body
 * bytes, padding up to a multiple of 64. A small record is one cache line, so the receiver pays
 * one line transfer per message: the stamp it polls, the length and the body arrive together.
 *
 * Invariants:
 * - Stamps number the records 1, 2, 3, ... as uint32, skipping 0 when the counter wraps. A slot
 *   holds a record for the consumer iff its stamp equals the consumer's expected number.
 * - Zero-ahead: the header slot just after the last published record always has stamp 0, so the
 *   consumer never reads stale bytes of an earlier lap (payload, old headers) as a stamp. The
 *   producer therefore keeps one spare line of room past every record it reserves, and zeroes that
 *   slot's stamp before the release-store that publishes the record.
 * - A record never wraps around the end of the data area: the producer first publishes a PAD
 *   record (len == MPR_SHM_RING_PAD) covering the rest of the area, which the consumer skips.
 * - `consumed` (bytes the consumer is done with, monotonic) is written only by the consumer; the
 *   producer writes into [tail, consumed + size) and nowhere else. The producer's tail and a cached
 *   copy of `consumed` stay process-local, so the producer touches the control line only when its
 *   cached value says the ring is full.
 *
 * Both handles are process-local and own no resources: nothing to destroy. No function blocks;
 * "no room" and "empty" are ordinary NULL returns (back-pressure, retry after progress).
 */
#ifndef MPR_SHM_RING_H
#define MPR_SHM_RING_H

#include <assert.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define MPR_SHM_RING_LINE 64u
#define MPR_SHM_RING_MIN_SIZE 4096u
#define MPR_SHM_RING_PAD UINT32_MAX /* len of a PAD record: skip to offset 0 */

_Static_assert(ATOMIC_INT_LOCK_FREE == 2 && ATOMIC_LLONG_LOCK_FREE == 2,
               "cross-process atomics must be lock-free");

/* Shared: the ring's first cache line. */
struct mpr_shm_ring_ctl {
    _Atomic uint64_t consumed; /* written by the consumer only */
    uint64_t size;             /* data bytes, written by format, checked by both inits */
    unsigned char pad[48];
};
_Static_assert(sizeof(struct mpr_shm_ring_ctl) == MPR_SHM_RING_LINE, "control is one line");

/* Shared: the prefix of every record. */
struct mpr_shm_ring_rec {
    _Atomic uint32_t stamp; /* record number; 0 = nothing here yet */
    uint32_t len;           /* body bytes, or MPR_SHM_RING_PAD */
};
_Static_assert(sizeof(struct mpr_shm_ring_rec) == 8, "record prefix is 8 bytes");

/* Producer handle (process-local). */
struct mpr_shm_ring_tx {
    unsigned char *data;          /* the data area in this process's mapping */
    struct mpr_shm_ring_ctl *ctl; /* the control line in this process's mapping */
    uint64_t mask;                /* size - 1 */
    uint64_t tail;                /* bytes produced, monotonic; the next record starts here */
    uint64_t consumed;            /* last value of ctl->consumed seen */
    uint32_t reclen;              /* line-rounded length of the outstanding reservation, or 0 */
    uint32_t seq;                 /* stamp of the next record */
};

/* Consumer handle (process-local). */
struct mpr_shm_ring_rx {
    unsigned char *data;
    struct mpr_shm_ring_ctl *ctl;
    uint64_t mask;   /* size - 1 */
    uint64_t head;   /* bytes consumed, monotonic; the next record starts here */
    uint32_t reclen; /* line-rounded length of the peeked record, or 0 */
    uint32_t seq;    /* stamp expected on the next record */
};

/* Bytes a ring of `size` data bytes occupies at `mem`: the control line plus the data. */
size_t mpr_shm_ring_footprint(size_t size);

/*
 * Zero the ring at `mem` (mpr_shm_ring_footprint(size) bytes, 64-byte aligned) and record its
 * size. Called once, by whoever creates the segment, before either side inits; the caller makes
 * it visible to the peer (fork, or the bootstrap fence).
 */
void mpr_shm_ring_format(void *mem, size_t size);

/*
 * Attach the producer (tx) or the consumer (rx) side to a formatted ring at `mem` in this
 * process's mapping. Each side inits exactly once, before any record is sent; the caller keeps
 * the mapping alive as long as the handle is used. Cannot fail.
 */
void mpr_shm_ring_tx_init(struct mpr_shm_ring_tx *t, void *mem, size_t size);
void mpr_shm_ring_rx_init(struct mpr_shm_ring_rx *r, void *mem, size_t size);

/*
 * Largest body a record may have in a ring of `size` data bytes: a record plus its zero-ahead
 * line fits in half the ring, so it always fits once the consumer has drained the ring, wherever
 * the tail is. Callers pick their eager limit at or below it.
 */
size_t mpr_shm_ring_max_body(size_t size);

/* Slow path of mpr_shm_ring_reserve: refresh `consumed`, write a PAD record if needed. */
void *mpr_shm_ring_reserve_slow(struct mpr_shm_ring_tx *t, uint32_t len);

/* Slow path of mpr_shm_ring_peek: the record at head is a PAD record. */
const void *mpr_shm_ring_peek_slow(struct mpr_shm_ring_rx *r, uint32_t *len);

static inline uint64_t mpr_shm_ring_reclen(uint32_t len)
{
    return ((uint64_t)len + sizeof(struct mpr_shm_ring_rec) + MPR_SHM_RING_LINE - 1) &
           ~(uint64_t)(MPR_SHM_RING_LINE - 1);
}

static inline uint32_t mpr_shm_ring_next_seq(uint32_t seq)
{
    return seq == UINT32_MAX ? 1 : seq + 1;
}

static inline struct mpr_shm_ring_rec *mpr_shm_ring_rec_at(unsigned char *data, uint64_t mask,
                                                           uint64_t pos)
{
    return (struct mpr_shm_ring_rec *)(data + (pos & mask));
}

/*
 * Reserve a record with a contiguous body of `len` bytes (len <= mpr_shm_ring_max_body):
 * returns where to write the body, in the shared mapping, valid until mpr_shm_ring_publish; or
 * NULL when there is no room now (the consumer has not caught up: progress and retry). At most
 * one reservation is outstanding; it must be published before the next reserve. Never blocks.
 */
static inline void *mpr_shm_ring_reserve(struct mpr_shm_ring_tx *t, uint32_t len)
{
    uint64_t reclen = mpr_shm_ring_reclen(len);
    uint64_t size = t->mask + 1;
    struct mpr_shm_ring_rec *rec;

    /* len <= mpr_shm_ring_max_body(size), checked without a call on the hot path. */
    assert(t->reclen == 0 && len <= INT32_MAX && 2 * (reclen + MPR_SHM_RING_LINE) <= size);
    if ((t->tail & t->mask) + reclen > size ||
        t->tail + reclen + MPR_SHM_RING_LINE - t->consumed > size) {
        return mpr_shm_ring_reserve_slow(t, len);
    }
    rec = mpr_shm_ring_rec_at(t->data, t->mask, t->tail);
    rec->len = len;
    t->reclen = (uint32_t)reclen;
    return rec + 1;
}

/* Make the reserved record visible to the consumer. Never blocks. */
static inline void mpr_shm_ring_publish(struct mpr_shm_ring_tx *t)
{
    struct mpr_shm_ring_rec *rec = mpr_shm_ring_rec_at(t->data, t->mask, t->tail);
    struct mpr_shm_ring_rec *ahead = mpr_shm_ring_rec_at(t->data, t->mask, t->tail + t->reclen);

    assert(t->reclen != 0);
    atomic_store_explicit(&ahead->stamp, 0, memory_order_relaxed);
    /* Publishes the record's len and body, and the zeroed stamp of the slot after it. */
    atomic_store_explicit(&rec->stamp, t->seq, memory_order_release);
    t->seq = mpr_shm_ring_next_seq(t->seq);
    t->tail += t->reclen;
    t->reclen = 0;
}

/*
 * Begin receiving: returns the next record's body (in the shared mapping) and sets *len, or
 * returns NULL (*len untouched) when the ring is empty. PAD records are skipped. The body stays
 * valid and unchanged until mpr_shm_ring_commit; peeking again before commit returns the same
 * record. When empty this costs one acquire-load of a stamp. Never blocks.
 */
static inline const void *mpr_shm_ring_peek(struct mpr_shm_ring_rx *r, uint32_t *len)
{
    struct mpr_shm_ring_rec *rec = mpr_shm_ring_rec_at(r->data, r->mask, r->head);

    if (atomic_load_explicit(&rec->stamp, memory_order_acquire) != r->seq) {
        return NULL;
    }
    if (rec->len == MPR_SHM_RING_PAD) {
        return mpr_shm_ring_peek_slow(r, len);
    }
    r->reclen = (uint32_t)mpr_shm_ring_reclen(rec->len);
    *len = rec->len;
    return rec + 1;
}

/* End receiving the record returned by the last successful peek: its space goes back to the
 * producer. Never blocks. */
static inline void mpr_shm_ring_commit(struct mpr_shm_ring_rx *r)
{
    assert(r->reclen != 0);
    r->head += r->reclen;
    r->seq = mpr_shm_ring_next_seq(r->seq);
    r->reclen = 0;
    /* Publishes that this process has finished reading every byte before head. */
    atomic_store_explicit(&r->ctl->consumed, r->head, memory_order_release);
}

#endif
