/*
 * This rank's state record in the node segment: which blocking MPI call it is in and on whom it
 * waits, for the launcher's --timeout report and deadlock watch. Costs two stores per call.
 */
#ifndef MPR_RECORD_H
#define MPR_RECORD_H

#include "tools/callid.h"
#include "transport/shm/shm_segment.h"

extern struct mpr_rank_record *mpr_record_self;
/* The MPI function being executed, set by every entry point (named when a call really blocks). */
extern const char *mpr_record_call;

/* Point the record at the shared one (or a private one for a singleton). */
void mpr_record_attach(struct mpr_rank_record *shared);

static inline void mpr_record_enter(enum mpr_call call, int peer, int tag)
{
    mpr_record_self->peer = peer;
    mpr_record_self->tag = tag;
    /* Publishes peer and tag together with the call to the launcher's acquire-load. */
    atomic_store_explicit(&mpr_record_self->call, call, memory_order_release);
}

/* Waiting inside `name` (an MPI function): only when a call really blocks, not on every call. */
void mpr_record_enter_named(const char *name);

static inline void mpr_record_leave(void)
{
    atomic_store_explicit(&mpr_record_self->call, MPR_CALL_NONE, memory_order_release);
}

#endif
