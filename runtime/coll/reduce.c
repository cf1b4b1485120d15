/* MPI_Reduce / MPI_Ireduce: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "op/op.h"

enum { BINOMIAL, RABENSEIFNER, NALGS };

static const char *const names[NALGS] = {"binomial", "rabenseifner"};

/* Switch point: TODO(bench/coll) measured value; binomial below, Rabenseifner above. */
#define REDUCE_LARGE (64u * 1024)

int mpr_coll_reduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op, int root,
                    struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    const void *x = sbuf == MPI_IN_PLACE ? rbuf : sbuf;
    struct mpr_sched *s = mpr_sched_new(comm);
    int alg, rc;

    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    /* Rabenseifner keeps rank order too, at one extra copy per step: large commutative only. */
    alg = op->commutative && comm->size > 2 && r.bytes >= REDUCE_LARGE ? RABENSEIFNER : BINOMIAL;
    alg = mpr_coll_pick(MPR_COLL_REDUCE, names, NULL, NALGS, alg);
    if (alg == RABENSEIFNER) {
        rc = mpr_reduce_rabenseifner(s, x, rbuf, &r, root, comm);
    } else {
        rc = mpr_reduce_binomial(s, x, rbuf, &r, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
