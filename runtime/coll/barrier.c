/* MPI_Barrier / MPI_Ibarrier: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "core/errcode.h"

enum { SHM, DISSEMINATION, NALGS };

static const char *const names[NALGS] = {"shm", "dissemination"};

int mpr_coll_barrier(struct mpr_comm *comm, struct mpr_request **req)
{
    int usable[NALGS] = {!req && mpr_shm_coll_usable(comm), 1};
    int alg =
        mpr_coll_pick(MPR_COLL_BARRIER, names, usable, NALGS, usable[SHM] ? SHM : DISSEMINATION);
    struct mpr_sched *s;

    if (alg == SHM) {
        return mpr_shm_coll_barrier(comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    return mpr_coll_launch(s, mpr_barrier_dissemination(s, comm), req);
}
