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

/*
 * Scatter+allgather from this many bytes on more than 2 ranks with a core each: the textbook
 * rule (bandwidth-bound beyond a few hundred KiB), which a 2-core machine cannot measure.
 * Measured (docs/performance.md, switch points): at 2 ranks binomial wins at every size (1 MiB:
 * 41 against 102 us), and oversubscribed at 3, 4 and 8 ranks too (1 MiB at 3 ranks: 194 against
 * 532 us), so oversubscribed jobs always take binomial.
 */
#define BCAST_LARGE (256u * 1024)

/*
 * The node-local path carries up to 16 KiB (one chunk). Oversubscribed, it carries as many chunks
 * as a slot has data areas (64 KiB): the root deposits the whole message and returns without
 * waiting for a reader to be scheduled, where binomial's rendezvous waits for each child
 * (4 ranks on 2 cores, 64 KiB: 10-55 against 21-76 us in six runs; at 1 MiB neither wins).
 */
static size_t shm_max(void)
{
    return mpr_coll_oversubscribed() ? MPR_SHM_COLL_AREAS * MPR_SHM_COLL_BYTES
                                     : MPR_SHM_COLL_BCAST_MAX;
}

int mpr_coll_bcast(void *buf, int count, MPI_Datatype dt, int root, struct mpr_comm *comm,
                   struct mpr_request **req)
{
    size_t bytes = mpr_coll_bytes(count, dt);
    int usable[NALGS] = {!req && mpr_shm_coll_usable(comm) && bytes <= shm_max(), 1, 1};
    struct mpr_sched *s;
    int alg, rc;

    alg = comm->size > 2 && bytes >= BCAST_LARGE && !mpr_coll_oversubscribed() ? SCATTER_ALLGATHER
                                                                               : BINOMIAL;
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
