/*
 * Context ids: the tag space a communicator's messages match in. Every communicator takes a
 * pair, 2k for point-to-point and 2k + 1 for collectives (mpr_comm_coll_ctx). Slots 0 and 1 are
 * MPI_COMM_WORLD's and MPI_COMM_SELF's. A new communicator takes the lowest slot free on every
 * process of its parent, agreed with one MPI_BAND allreduce of the free masks; disjoint
 * communicators made by one split may share a slot since they never exchange messages. A freed
 * communicator's slot is free again at once: 10,000 dup/free cycles use one slot.
 */
#ifndef MPR_CONTEXT_H
#define MPR_CONTEXT_H

#include <stdint.h>

struct mpr_comm;

/* Communicators that may be alive at once in one process (predefined ones included). */
#define MPR_CONTEXT_SLOTS 4096

/*
 * Agree on a slot with every process of parent (collective over it). `member`: whether this
 * process belongs to the new communicator and takes the slot. *ctx is the slot's even context
 * id. 0, -MPR_ERR_EXHAUSTED when no slot is free everywhere, or the allreduce's error.
 */
int mpr_context_alloc(struct mpr_comm *parent, int member, uint32_t *ctx);
/*
 * The same among the processes of `group` only (MPI_Comm_create_group): they reduce their masks
 * over point-to-point messages on parent's collective context, with `tag` set apart from
 * schedule tags. world holds the n members' world ranks; me is this process's index.
 */
int mpr_context_alloc_group(struct mpr_comm *parent, const int *world, int n, int me, int tag,
                            uint32_t *ctx);
/* Give a slot back (MPI_Comm_free). */
void mpr_context_release(uint32_t ctx);

#endif
