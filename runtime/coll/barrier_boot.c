/*
 * Barrier through the bootstrap fence: every rank sends one message to mplaunch and waits for
 * its answer. Correct for MPI_COMM_WORLD at any size; cost ~2 socket round trips, O(n) work in
 * the launcher. Stands in until the shared-memory barrier of the collectives work replaces it.
 */
#include "coll/coll.h"

#include "bootstrap/boot.h"
#include "comm/comm.h"
#include "tools/record.h"

int mpr_coll_barrier(struct mpr_comm *comm)
{
    int rc;

    if (comm->size == 1) {
        return 0;
    }
    mpr_record_enter(MPR_CALL_BARRIER, -1, -1);
    rc = mpr_boot_fence();
    mpr_record_leave();
    return rc;
}
