/*
 * Internals shared by the node-local collectives (shm_coll.c, shm_coll_rooted.c, shm_coll_v.c).
 *
 * The generation protocol. Every rank runs the node-local collectives of MPI_COMM_WORLD and of
 * the communicators congruent to it (mpr_shm_coll_usable) in the same order and draws one
 * generation g per call (per chunk for bcast). Rank r writes only its own slot: inline in line g %
 * LINES when small, else in data area g % AREAS, and publishes it with post(g) in that line. Two
 * invariants keep this safe:
 *   - a rank posts g only after it finished every read of every generation below g (reads of g
 *     happen inside the call of g, and a call posts g at most once);
 *   - a rank writes line l (area a) at g only after every rank posted g - LINES + 1
 *     (g - AREAS + 1), i.e. nobody still reads what it wrote there at g - LINES (g - AREAS):
 *     mpr_shm_coll_writable.
 * Posting without writing (barrier, a reader that is done) needs no such wait. A wait never
 * depends on a post of a later generation, so with every rank on the same sequence of calls
 * nothing deadlocks, whichever ranks return early (the non-roots of gather and reduce do).
 * Posted values only grow and a rank posts every generation in order, so "line h % LINES of
 * rank r holds >= h" means r posted h.
 */
#ifndef MPR_SHM_COLL_IMPL_H
#define MPR_SHM_COLL_IMPL_H

#include "transport/shm/shm_segment.h"

#include <stddef.h>
#include <stdint.h>

struct mpr_comm;
struct mpr_sched;

/* The next generation (one per call or chunk, the same sequence on every rank). */
uint64_t mpr_shm_coll_next(void);
struct mpr_shm_coll_slot *mpr_shm_coll_slot(int rank);

/* Where a contribution of `bytes` sits in generation g: inline up to MPR_SHM_COLL_INLINE. */
static inline unsigned char *mpr_shm_coll_area(struct mpr_shm_coll_slot *s, uint64_t g,
                                               size_t bytes)
{
    return bytes <= MPR_SHM_COLL_INLINE ? s->line[g % MPR_SHM_COLL_LINES].inline_data
                                        : s->data[g % MPR_SHM_COLL_AREAS];
}

/*
 * Where block i of a slot split n ways sits in generation g (scatter, alltoallv: one slot
 * carries a block per rank): inline at i * (INLINE / n) when it fits there, else in the data
 * area at i * mpr_shm_coll_part_max(n); NULL when it fits neither (it goes by message). Writer
 * and reader decide from the block's length and n alone, which both know.
 */
unsigned char *mpr_shm_coll_part(struct mpr_shm_coll_slot *s, uint64_t g, int i, int n, size_t len);
/* Whether any of n blocks split that way goes past the inline line (the writable rule). */
struct mpr_shm_blocks;
int mpr_shm_coll_parts_in_data(const struct mpr_shm_blocks *b, int n);

/* Publish this rank's generation g: its contribution is written, its reads of g - 1 are done. */
void mpr_shm_coll_post(struct mpr_comm *comm, uint64_t g);
/* Wait until every rank posted g. */
void mpr_shm_coll_wait_all(struct mpr_comm *comm, uint64_t g);
/* Wait until ranks 0..hi-1 posted g. */
void mpr_shm_coll_wait_first(struct mpr_comm *comm, int hi, uint64_t g);
/* Wait until `rank` posted g. */
void mpr_shm_coll_wait_rank(int rank, uint64_t g);
/*
 * Wait until this rank may write its slot in generation g: its line (every rank posted
 * g - LINES + 1) and, when in_data, its data area too (every rank posted g - AREAS + 1).
 */
void mpr_shm_coll_writable(struct mpr_comm *comm, uint64_t g, int in_data);
/* Whether a contribution of `bytes` goes to the data area. */
static inline int mpr_shm_coll_in_data(size_t bytes)
{
    return bytes > MPR_SHM_COLL_INLINE;
}

/*
 * Reduce contributions 0..hi-1 of generation g in rank order into acc:
 * acc = x0 op x1 op ... op x(hi-1), the same expression on every rank. x[r] is read from r's
 * slot, except x[own_rank] = own when own_rank >= 0 (own may be acc itself only for rank 0).
 * Non-commutative ops only up to MPR_SHM_COLL_INLINE bytes (-MPR_ERR_ARG beyond).
 */
struct mpr_red;
int mpr_shm_coll_fold(void *acc, int hi, const struct mpr_red *r, uint64_t g, const void *own,
                      int own_rank);

/*
 * Blocks of a v-collective too large for the slots travel as point-to-point messages, all in
 * one round of one schedule, after the rank's part in the generation (a post never waits for a
 * message, so no rank blocks on one while another waits for its post). Every rank of such a
 * call draws exactly one collective tag: from mpr_sched_new when it has messages (*s starts
 * NULL and is made on the first), else mpr_shm_coll_msgs_run skips it, so the tags of later
 * collectives stay the same on every rank.
 */
int mpr_shm_coll_msg(struct mpr_comm *comm, int send, void *buf, size_t bytes, int peer,
                     struct mpr_sched **s);
/*
 * Run the messages (if any) to completion and free them. v: the call is one whose ranks all
 * draw a tag (a v-collective); the uniform ones never have messages and draw none.
 * rc: an earlier error, passed on.
 */
int mpr_shm_coll_msgs_run(struct mpr_sched *s, struct mpr_comm *comm, int v, int rc);

#endif
