/* Which transports are up, which one reaches each peer. */
#ifndef MPR_TRANSPORT_TABLE_H
#define MPR_TRANSPORT_TABLE_H

#include "transport/transport.h"

extern const struct mpr_transport mpr_transport_self;
extern const struct mpr_transport mpr_transport_shm;
extern const struct mpr_transport mpr_transport_ofi;

/*
 * Bring up every transport (in the order of the table, on every rank), give each peer the first
 * that reaches it, and register the ones in use with the progress engine. Collective: returns
 * after every rank of the job has called it (bootstrap fences).
 */
int mpr_transports_init(void);
void mpr_transports_fini(void);

#endif
