#include "transport/shm/shm_segment.h"

#include "core/errcode.h"
#include "transport/shm/shm_ring.h"

#include <string.h>

#define RING_MIN (16u * 1024)
#define RING_MAX (1024u * 1024)

size_t mpr_seg_ring_size(uint32_t local_size, size_t budget)
{
    size_t per = local_size > 1 ? budget / (local_size - 1) : RING_MAX;
    size_t size = RING_MIN;

    while (size * 2 <= per && size * 2 <= RING_MAX) {
        size *= 2;
    }
    return size;
}

static void layout(struct mpr_seg_header *h, uint32_t n, size_t ring_size)
{
    h->local_size = n;
    h->records_off = sizeof(struct mpr_seg_header);
    h->ctl_off = h->records_off + (uint64_t)n * sizeof(struct mpr_rank_record);
    h->coll_off = h->ctl_off + (uint64_t)n * sizeof(struct mpr_shm_ctl);
    h->rings_off = h->coll_off + (uint64_t)n * sizeof(struct mpr_shm_coll_slot);
    h->ring_size = ring_size;
    h->ring_stride = mpr_shm_ring_footprint(ring_size);
    h->total_size = h->rings_off + (uint64_t)n * n * h->ring_stride;
}

size_t mpr_seg_size(uint32_t local_size, size_t ring_size)
{
    struct mpr_seg_header h;

    layout(&h, local_size, ring_size);
    return h.total_size;
}

void mpr_seg_format(void *base, uint32_t local_size, size_t ring_size)
{
    struct mpr_seg_header *h = base;

    memset(h, 0, sizeof(*h));
    h->magic = MPR_SEG_MAGIC;
    h->version = MPR_SEG_VERSION;
    layout(h, local_size, ring_size);
    /*
     * A fresh memfd is zero, which is a formatted ring but for its size field: write just that
     * line per ring, so that untouched ring pages never take memory.
     */
    for (uint32_t s = 0; s < local_size; s++) {
        for (uint32_t r = 0; r < local_size; r++) {
            struct mpr_shm_ring_ctl *ctl = mpr_seg_ring(base, s, r);
            if (s != r) {
                ctl->size = ring_size;
            }
        }
    }
}

int mpr_seg_check(const void *base, size_t len)
{
    const struct mpr_seg_header *h = base;

    if (len < sizeof(*h) || h->magic != MPR_SEG_MAGIC || h->version != MPR_SEG_VERSION ||
        h->total_size > len) {
        return -MPR_ERR_PROTO;
    }
    return 0;
}

struct mpr_rank_record *mpr_seg_record(void *base, uint32_t local_rank)
{
    struct mpr_seg_header *h = base;

    return (struct mpr_rank_record *)((char *)base + h->records_off) + local_rank;
}

struct mpr_shm_ctl *mpr_seg_ctl(void *base, uint32_t local_rank)
{
    struct mpr_seg_header *h = base;

    return (struct mpr_shm_ctl *)((char *)base + h->ctl_off) + local_rank;
}

struct mpr_shm_coll_slot *mpr_seg_coll(void *base, uint32_t local_rank)
{
    struct mpr_seg_header *h = base;

    return (struct mpr_shm_coll_slot *)((char *)base + h->coll_off) + local_rank;
}

void *mpr_seg_ring(void *base, uint32_t from, uint32_t to)
{
    struct mpr_seg_header *h = base;

    return (char *)base + h->rings_off + ((uint64_t)from * h->local_size + to) * h->ring_stride;
}
