#include "comm/comm_attr.h"

#include "core/errclass.h"
#include "core/state.h"

#include <mpi.h>

/*
 * Values of the predefined attributes (MPI 3.1, 8.1.2). One node, no external clock agreement:
 * MPI_WTIME_IS_GLOBAL is 0; every rank can do I/O (MPI_ANY_SOURCE); there is no host process
 * (MPI_PROC_NULL); the universe is the job.
 */
static int tag_ub = MPR_TAG_UB;
static int host = MPI_PROC_NULL;
static int io = MPI_ANY_SOURCE;
static int wtime_is_global = 0;
static int appnum;
static int universe_size;
static int lastusedcode;

int mpr_comm_attr_predefined(const struct mpr_comm *comm, int keyval, void **value)
{
    (void)comm;
    switch (keyval) {
    case MPI_TAG_UB:
        *value = &tag_ub;
        return 1;
    case MPI_HOST:
        *value = &host;
        return 1;
    case MPI_IO:
        *value = &io;
        return 1;
    case MPI_WTIME_IS_GLOBAL:
        *value = &wtime_is_global;
        return 1;
    case MPI_APPNUM:
        appnum = mpr_state.appnum;
        *value = &appnum;
        return 1;
    case MPI_UNIVERSE_SIZE:
        universe_size = mpr_state.size;
        *value = &universe_size;
        return 1;
    case MPI_LASTUSEDCODE:
        lastusedcode = mpr_errcode_last_used();
        *value = &lastusedcode;
        return 1;
    default:
        return 0;
    }
}
