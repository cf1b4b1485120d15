/* Which transports are up, which one reaches each peer, and driving them all. */
#ifndef MPR_TRANSPORT_TABLE_H
#define MPR_TRANSPORT_TABLE_H

#include "transport/transport.h"

extern const struct mpr_transport mpr_transport_self;
extern const struct mpr_transport mpr_transport_shm;

/*
 * Bring up every transport the job needs and give each peer its transport (self > shm > ofi).
 * Collective: returns after every rank of the job has called it (bootstrap fences).
 */
int mpr_transports_init(void);
void mpr_transports_fini(void);
/* progress() of every transport that is up; returns the events. */
int mpr_transports_progress(void);
/* Sleep until a transport may have something, at most timeout_ns (shm futex doorbell). */
void mpr_transports_block(long timeout_ns);
/* The wait that slept is over: senders need not ring the doorbell any more. */
void mpr_transports_unblock(void);

#endif
