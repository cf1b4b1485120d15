/* MPI_Barrier / MPI_Ibarrier: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "core/errcode.h"

static const char *const names[] = {"dissemination"};

int mpr_coll_barrier(struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_sched *s = mpr_sched_new(comm);

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    (void)mpr_coll_pick(MPR_COLL_BARRIER, names, NULL, 1, 0);
    return mpr_coll_launch(s, mpr_barrier_dissemination(s, comm), req);
}
