/*
 * The shared-memory transport: per ordered pair of local ranks one single-producer ring in the
 * node segment; single-copy rendezvous with process_vm_readv (CMA) when the kernel allows it.
 */
#ifndef MPR_SHM_H
#define MPR_SHM_H

/* Attach to the node segment's rings, probe CMA (two bootstrap fences). Singleton: no-op. */
int mpr_shm_init(void);
/* Whether the transport is up (a launched job with a node segment). */
int mpr_shm_active(void);
/* The node segment when the transport is up (node-local collectives use it), else NULL. */
void *mpr_shm_segment(void);
/* Ring `peer`'s doorbell if it may be asleep (after publishing something it waits for). */
void mpr_shm_wake(int peer);
/* Whether world rank `peer` is on this node. */
int mpr_shm_reaches(int peer);
/*
 * Sleep until a peer rings this rank's doorbell, or timeout_ns, unless a record is waiting.
 * Raises the rank's `sleeping` flag, which stays up until mpr_shm_unblock (end of the wait).
 */
void mpr_shm_block(long timeout_ns);
void mpr_shm_unblock(void);

#endif
