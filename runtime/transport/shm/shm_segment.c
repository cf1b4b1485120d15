#include "transport/shm/shm_segment.h"

#include "core/errcode.h"

#include <string.h>

size_t mpr_seg_size(uint32_t local_size)
{
    return sizeof(struct mpr_seg_header) + (size_t)local_size * sizeof(struct mpr_rank_record);
}

void mpr_seg_format(void *base, uint32_t local_size)
{
    struct mpr_seg_header *h = base;

    memset(h, 0, sizeof(*h));
    h->magic = MPR_SEG_MAGIC;
    h->version = MPR_SEG_VERSION;
    h->local_size = local_size;
    h->records_off = sizeof(struct mpr_seg_header);
    h->total_size = mpr_seg_size(local_size);
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
