/* MPI_Allreduce / MPI_Iallreduce: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "comm/comm.h"
#include "coll/shm_coll.h"
#include "core/errcode.h"
#include "transport/shm/shm_segment.h"
#include "op/op.h"

enum { SHM, RECURSIVE_DOUBLING, RING, NALGS };

static const char *const names[NALGS] = {"shm", "recursive_doubling", "ring"};

/* Switch point: TODO(bench/coll) measured value. */
#define ALLREDUCE_LARGE (64u * 1024)

int mpr_coll_allreduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                       struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    int usable[NALGS] = {!req && mpr_shm_coll_usable(comm) &&
                             r.bytes <= mpr_shm_coll_max_bytes() &&
                             (op->commutative || r.bytes <= MPR_SHM_COLL_INLINE),
                         1, op->commutative && comm->size > 1};
    struct mpr_sched *s;
    int alg, rc = 0;

    alg = usable[RING] && r.bytes >= ALLREDUCE_LARGE && (MPI_Count)comm->size <= r.count
              ? RING
              : RECURSIVE_DOUBLING;
    alg = mpr_coll_pick(MPR_COLL_ALLREDUCE, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_allreduce(sbuf, rbuf, count, dt, op, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (sbuf != MPI_IN_PLACE) {
        rc = mpr_sched_copy(s, rbuf, sbuf, r.bytes);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    if (rc == 0 && alg == RING) {
        rc = mpr_allreduce_ring(s, rbuf, &r, comm);
    } else if (rc == 0) {
        rc = mpr_allreduce_recursive_doubling(s, rbuf, &r, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
