/*
 * The shared-memory transport: per ordered pair of local ranks one single-producer ring in the
 * node segment; single-copy rendezvous with process_vm_readv (CMA) when the kernel allows it.
 * It serves exactly the peers on its own node (local rank != world rank).
 */
#ifndef MPR_SHM_H
#define MPR_SHM_H

/* Whether the transport is up (a launched job with a node segment, not MPR_TRANSPORT=ofi). */
int mpr_shm_active(void);
/*
 * The node segment, when the node-local collectives may use it (shm up and serving every local
 * peer), else NULL.
 */
void *mpr_shm_segment(void);
/* Ring world rank `peer`'s doorbell if it may be asleep (after publishing something it waits
 * for). The peer must be on this node. */
void mpr_shm_wake(int peer);

#endif
