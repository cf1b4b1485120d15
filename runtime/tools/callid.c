#include "tools/callid.h"

static const char *const call_names[MPR_CALL_MAX] = {
    [MPR_CALL_NONE] = "(outside MPI)",
    [MPR_CALL_INIT] = "MPI_Init",
    [MPR_CALL_FINALIZE] = "MPI_Finalize",
    [MPR_CALL_BARRIER] = "MPI_Barrier",
    [MPR_CALL_ABORT] = "MPI_Abort",
    [MPR_CALL_NAMED] = "an MPI call",
};

const char *mpr_call_name(unsigned call)
{
    if (call >= MPR_CALL_MAX || !call_names[call]) {
        return "?";
    }
    return call_names[call];
}
