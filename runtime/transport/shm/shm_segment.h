/*
 * Layout of the node's shared segment: one memfd per node, created by mplaunch (or a node agent)
 * and inherited by every local rank (fd number in MPR_SHM_FD). Offsets, never pointers; every
 * struct here has a fixed size asserted at compile time.
 *
 *   [ header | rank record x local_size | ... transport areas (later) ]
 */
#ifndef MPR_SHM_SEGMENT_H
#define MPR_SHM_SEGMENT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define MPR_SEG_MAGIC 0x6d70722d73656731ull /* "mpr-seg1" */
#define MPR_SEG_VERSION 1u
#define MPR_CACHELINE 64

struct mpr_seg_header {
    uint64_t magic;
    uint32_t version;
    uint32_t local_size;
    uint64_t records_off; /* offset of local_size struct mpr_rank_record */
    uint64_t total_size;
    unsigned char pad[32];
};
_Static_assert(sizeof(struct mpr_seg_header) == MPR_CACHELINE, "segment header is one line");

/*
 * What a rank is doing, written only by that rank, read by the launcher's watch. The rank
 * release-stores `call` after `peer`/`tag`, so a reader that acquire-loads `call` sees them.
 */
struct mpr_rank_record {
    _Atomic uint32_t call;     /* enum mpr_call */
    int32_t peer;              /* rank waited on, or -1 */
    int32_t tag;               /* tag waited on, or -1 */
    uint32_t pid;
    _Atomic uint64_t progress; /* bumped by the progress engine */
    unsigned char pad[40];
};
_Static_assert(sizeof(struct mpr_rank_record) == MPR_CACHELINE, "one record per cache line");

/* Bytes the segment needs for `local_size` ranks. */
size_t mpr_seg_size(uint32_t local_size);
/* Write the header into a freshly mapped, zeroed segment. */
void mpr_seg_format(void *base, uint32_t local_size);
/* 0 if `base` (of `len` mapped bytes) holds a segment this build understands, else -MPR_ERR_PROTO. */
int mpr_seg_check(const void *base, size_t len);
struct mpr_rank_record *mpr_seg_record(void *base, uint32_t local_rank);

#endif
