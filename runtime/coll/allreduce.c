/* MPI_Allreduce / MPI_Iallreduce: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "op/op.h"

enum { RECURSIVE_DOUBLING, RING, NALGS };

static const char *const names[NALGS] = {"recursive_doubling", "ring"};

/* Switch point: TODO(bench/coll) measured value. */
#define ALLREDUCE_LARGE (64u * 1024)

int mpr_coll_allreduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                       struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    int usable[NALGS] = {1, op->commutative && comm->size > 1};
    struct mpr_sched *s = mpr_sched_new(comm);
    int alg, rc = 0;

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (sbuf != MPI_IN_PLACE) {
        rc = mpr_sched_copy(s, rbuf, sbuf, r.bytes);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
    }
    alg = usable[RING] && r.bytes >= ALLREDUCE_LARGE && (MPI_Count)comm->size <= r.count
              ? RING
              : RECURSIVE_DOUBLING;
    alg = mpr_coll_pick(MPR_COLL_ALLREDUCE, names, usable, NALGS, alg);
    if (rc == 0 && alg == RING) {
        rc = mpr_allreduce_ring(s, rbuf, &r, comm);
    } else if (rc == 0) {
        rc = mpr_allreduce_recursive_doubling(s, rbuf, &r, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
