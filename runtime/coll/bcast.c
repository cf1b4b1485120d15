/* MPI_Bcast / MPI_Ibcast: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "comm/comm.h"
#include "coll/shm_coll.h"
#include "core/errcode.h"

enum { SHM, BINOMIAL, SCATTER_ALLGATHER, NALGS };

static const char *const names[NALGS] = {"shm", "binomial", "scatter_allgather"};

/* Switch point: TODO(bench/coll) measured value; binomial below, scatter+allgather above. */
#define BCAST_LARGE (256u * 1024)

int mpr_coll_bcast(void *buf, int count, MPI_Datatype dt, int root, struct mpr_comm *comm,
                   struct mpr_request **req)
{
    size_t bytes = mpr_coll_bytes(count, dt);
    int usable[NALGS] = {!req && mpr_shm_coll_usable(comm) && bytes <= MPR_SHM_COLL_BCAST_MAX,
                         1, 1};
    struct mpr_sched *s;
    int alg, rc;

    alg = comm->size > 2 && bytes >= BCAST_LARGE ? SCATTER_ALLGATHER : BINOMIAL;
    alg = mpr_coll_pick(MPR_COLL_BCAST, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_bcast(buf, bytes, root, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (alg == SCATTER_ALLGATHER) {
        rc = mpr_bcast_scatter_allgather(s, buf, bytes, root, comm);
    } else {
        rc = mpr_bcast_binomial(s, buf, bytes, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
