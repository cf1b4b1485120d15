#include "coll/select.h"

#include "core/log.h"
#include "core/param.h"
#include "core/state.h"

#include <string.h>

static const enum mpr_param_id params[MPR_COLL_ID_MAX] = {
    [MPR_COLL_BARRIER] = MPR_P_COLL_BARRIER,
    [MPR_COLL_BCAST] = MPR_P_COLL_BCAST,
    [MPR_COLL_REDUCE] = MPR_P_COLL_REDUCE,
    [MPR_COLL_ALLREDUCE] = MPR_P_COLL_ALLREDUCE,
    [MPR_COLL_GATHER] = MPR_P_COLL_GATHER,
    [MPR_COLL_SCATTER] = MPR_P_COLL_SCATTER,
    [MPR_COLL_ALLGATHER] = MPR_P_COLL_ALLGATHER,
    [MPR_COLL_ALLTOALL] = MPR_P_COLL_ALLTOALL,
    [MPR_COLL_REDUCE_SCATTER] = MPR_P_COLL_REDUCE_SCATTER,
    [MPR_COLL_SCAN] = MPR_P_COLL_SCAN,
};

static int warned[MPR_COLL_ID_MAX];

int mpr_coll_oversubscribed(void)
{
    return mpr_state.oversubscribed;
}

int mpr_coll_pick(enum mpr_coll_id id, const char *const names[], const int usable[], int n,
                  int chosen)
{
    const char *forced = mpr_param_str(params[id]);

    if (!forced || !*forced) {
        return chosen;
    }
    for (int i = 0; i < n; i++) {
        if (!strcmp(forced, names[i]) && (!usable || usable[i])) {
            return i;
        }
    }
    if (!warned[id] && mpr_state.rank == 0) {
        warned[id] = 1;
        mpr_log_warn("%s=%s: no such algorithm, or it cannot run on this call; using %s",
                     mpr_param_defs[params[id]].name, forced, names[chosen]);
    }
    return chosen;
}
