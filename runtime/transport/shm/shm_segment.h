/*
 * Layout of the node's shared segment: one memfd per node, created by mplaunch (or a node agent)
 * and inherited by every local rank (fd number in MPR_SHM_FD). Offsets, never pointers; every
 * struct here has a fixed size asserted at compile time.
 *
 *   [ header | rank record x N | rank control x N | collective slot x N | ring x N*N ]
 *
 * Ring (s -> r) carries records from local rank s to local rank r; the diagonal is never used
 * (and, being untouched, costs no memory: memfd pages are allocated on first write).
 */
#ifndef MPR_SHM_SEGMENT_H
#define MPR_SHM_SEGMENT_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#define MPR_SEG_MAGIC 0x6d70722d73656731ull /* "mpr-seg1" */
#define MPR_SEG_VERSION 5u
#define MPR_CACHELINE 64

struct mpr_seg_header {
    uint64_t magic;
    uint32_t version;
    uint32_t local_size;
    uint64_t records_off; /* offset of local_size struct mpr_rank_record */
    uint64_t total_size;
    uint64_t ctl_off;     /* offset of local_size struct mpr_shm_ctl */
    uint64_t rings_off;   /* offset of ring (0 -> 0); ring (s -> r) is at + (s*N + r) * stride */
    uint64_t ring_size;   /* data bytes of each ring (a power of two) */
    uint64_t ring_stride; /* bytes from one ring to the next */
    uint64_t coll_off;    /* offset of local_size struct mpr_shm_coll_slot */
    unsigned char pad[56];
};
_Static_assert(sizeof(struct mpr_seg_header) == 2 * MPR_CACHELINE, "segment header is two lines");

/*
 * What a rank is doing, written only by that rank, read by the launcher's watch. The rank
 * release-stores `call` after `peer`/`tag`, so a reader that acquire-loads `call` sees them.
 */
struct mpr_rank_record {
    _Atomic uint32_t call; /* enum mpr_call */
    int32_t peer;          /* rank waited on, or -1 */
    int32_t tag;           /* tag waited on, or -1 */
    uint32_t pid;
    _Atomic uint64_t progress; /* bumped by the progress engine */
    char name[32];             /* MPR_CALL_NAMED: the MPI function, NUL-terminated */
    unsigned char pad[8];
};
_Static_assert(sizeof(struct mpr_rank_record) == MPR_CACHELINE, "one record per cache line");

/*
 * What a rank publishes about itself to its node: the futex doorbell peers ring after writing to
 * its rings, and what the single-copy probe needs. Two lines: the doorbell is written by senders,
 * the rest only at start-up.
 */
struct mpr_shm_ctl {
    _Atomic uint32_t futex;    /* bumped by a sender that found the rank asleep */
    _Atomic uint32_t sleeping; /* 1 while the rank may be asleep on `futex` */
    unsigned char pad0[56];
    _Atomic uint32_t pid;
    _Atomic uint32_t cma_ok;     /* 1: this rank could read its neighbour's probe word */
    _Atomic uint64_t probe_addr; /* address of a word holding MPR_SEG_PROBE ^ local rank */
    _Atomic int32_t world_rank;  /* the rank's rank in MPI_COMM_WORLD (local rank != world) */
    unsigned char pad1[44];
};
_Static_assert(sizeof(struct mpr_shm_ctl) == 2 * MPR_CACHELINE, "control block is two lines");

/*
 * A rank's part of the node-local collectives (coll/shm_coll.c), written by that rank only.
 * Generation g uses line g % LINES and, when its contribution does not fit inline, data area
 * g % AREAS: the rank writes its contribution, then release-stores line[g % LINES].posted = g;
 * readers wait until that is >= g. Line l is rewritten at g only after every rank has posted
 * g - LINES + 1, that is, finished reading g - LINES (area a likewise with AREAS), so a rank that
 * need not wait for the others (a bcast root, a gather leaf) runs up to LINES - 1 calls ahead:
 * oversubscribed, the other ranks then catch up in one time slice instead of one context switch
 * per call. A small contribution and its flag share one line: one line transfer per peer.
 */
#define MPR_SHM_COLL_INLINE 56
#define MPR_SHM_COLL_BYTES (16u * 1024)
#define MPR_SHM_COLL_LINES 64u
#define MPR_SHM_COLL_AREAS 4u

struct mpr_shm_coll_line {
    _Atomic uint64_t posted;
    unsigned char inline_data[MPR_SHM_COLL_INLINE];
};
_Static_assert(sizeof(struct mpr_shm_coll_line) == MPR_CACHELINE, "one line per generation");

struct mpr_shm_coll_slot {
    struct mpr_shm_coll_line line[MPR_SHM_COLL_LINES];
    unsigned char data[MPR_SHM_COLL_AREAS][MPR_SHM_COLL_BYTES];
};

#define MPR_SEG_PROBE 0x70726f6265636d61ull /* "probecma" */

/* Data bytes of each ring for N local ranks and a per-rank receive budget in bytes. */
size_t mpr_seg_ring_size(uint32_t local_size, size_t budget);
/* Bytes the segment needs. */
size_t mpr_seg_size(uint32_t local_size, size_t ring_size);
/* Write the header into a freshly mapped, zeroed segment (rings are zero: formatted). */
void mpr_seg_format(void *base, uint32_t local_size, size_t ring_size);
struct mpr_shm_ctl *mpr_seg_ctl(void *base, uint32_t local_rank);
struct mpr_shm_coll_slot *mpr_seg_coll(void *base, uint32_t local_rank);
/* Shared memory of ring (from -> to). */
void *mpr_seg_ring(void *base, uint32_t from, uint32_t to);
/* 0 if `base` (of `len` mapped bytes) holds a segment this build understands, else -MPR_ERR_PROTO.
 */
int mpr_seg_check(const void *base, size_t len);
struct mpr_rank_record *mpr_seg_record(void *base, uint32_t local_rank);

#endif
