/* The shared-memory transport's internals, shared by shm.c (rings) and shm_rndv.c (CMA gets). */
#ifndef MPR_SHM_IMPL_H
#define MPR_SHM_IMPL_H

#include "transport/shm/shm_ring.h"
#include "transport/shm/shm_segment.h"
#include "transport/transport.h"

#include <stddef.h>
#include <stdint.h>

struct mpr_shm_private; /* a private record waiting for room (shm_rndv.c) */

struct mpr_shm_state {
    int up;
    int n;          /* local ranks */
    int me;         /* this rank's local rank */
    int parity;     /* MPR_TRANSPORT=parity: reach only the local peers of this rank's parity */
    int node_colls; /* the node-local collectives may use the segment */
    int *local_of;  /* world rank -> local rank, or -1 off this node */
    int *world_of;  /* local rank -> world rank */
    struct mpr_shm_ring_tx *tx; /* tx[l]: ring me -> l */
    struct mpr_shm_ring_rx *rx; /* rx[l]: ring l -> me */
    struct mpr_shm_ctl **ctl;   /* every local rank's control block */
    size_t max_record;
    size_t split_min; /* gets of at least this many bytes are copied by both sides */
    int strict_wake;  /* oversubscribed: senders fence before looking at the doorbell */
    struct mpr_shm_private *queued; /* private records that found no room, in order */
    int nqueued;
};

extern struct mpr_shm_state mpr_shm;

/* One record into local rank l's ring and ring its doorbell: 0 or -MPR_ERR_AGAIN. */
int mpr_shm_send_local(int l, const void *head, size_t headlen, const void *payload, size_t len);
void mpr_shm_wake_local(int l);

/* The rendezvous members of the transport (shm_rndv.c). */
int mpr_shm_expose(int peer, const void *buf, size_t len, struct mpr_tp_desc *desc, void **handle);
void mpr_shm_unexpose(void *handle);
int mpr_shm_get(int peer, void *dst, size_t len, const struct mpr_tp_desc *desc, void *ctx);
/* A private record (first byte >= MPR_TP_KIND_PRIVATE) from local rank l. */
void mpr_shm_rndv_incoming(int l, const unsigned char *rec, uint32_t len);
/* Retry the private records that found no room; events. */
int mpr_shm_rndv_retry(void);
void mpr_shm_rndv_fini(void);

#endif
