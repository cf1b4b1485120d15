/* MPI_Reduce / MPI_Ireduce: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "comm/comm.h"
#include "core/errcode.h"
#include "op/op.h"

enum { BINOMIAL, RABENSEIFNER, SHM, NALGS };

static const char *const names[NALGS] = {"binomial", "rabenseifner", "shm"};

/*
 * Rabenseifner from this many bytes on more than 2 ranks with a core each: the textbook rule,
 * which a 2-core machine cannot measure. Measured (docs/performance.md, switch points): at 2
 * ranks binomial wins from 64 KiB (1 MiB: 69 against 151-577 us), and oversubscribed at 3, 4 and
 * 8 ranks binomial wins at every size (1 MiB at 4 ranks: 290-680 against 1640-2350 us), so
 * oversubscribed jobs always take binomial.
 */
#define REDUCE_LARGE (64u * 1024)

int mpr_coll_reduce(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op, int root,
                    struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    const void *x = sbuf == MPI_IN_PLACE ? rbuf : sbuf;
    /* Count, type and op are the same on every rank: so is the decision (the allreduce rule). */
    int usable[NALGS] = {1, 1, !req && mpr_shm_coll_red_usable(comm, r.bytes, op)};
    struct mpr_sched *s;
    int alg, rc;

    /* Rabenseifner keeps rank order too, at one extra copy per step: large commutative only. */
    alg = op->commutative && comm->size > 2 && r.bytes >= REDUCE_LARGE && !mpr_coll_oversubscribed()
              ? RABENSEIFNER
              : BINOMIAL;
    alg = mpr_coll_pick(MPR_COLL_REDUCE, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_reduce(sbuf, rbuf, count, dt, op, root, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (alg == RABENSEIFNER) {
        rc = mpr_reduce_rabenseifner(s, x, rbuf, &r, root, comm);
    } else {
        rc = mpr_reduce_binomial(s, x, rbuf, &r, root, comm);
    }
    return mpr_coll_launch(s, rc, req);
}
