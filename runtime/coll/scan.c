/* MPI_Scan, MPI_Exscan and their nonblocking forms: algorithm table and selection. */
#include "coll/algs.h"
#include "coll/coll.h"
#include "coll/coll_util.h"
#include "coll/select.h"
#include "coll/shm_coll.h"
#include "comm/comm.h"
#include "core/errcode.h"

enum { RECURSIVE_DOUBLING, LINEAR, SHM, NALGS };

static const char *const names[NALGS] = {"recursive_doubling", "linear", "shm"};

/*
 * The chain up to this many ranks with a core each, recursive doubling above (its log n rounds
 * beat n - 1 dependent steps once n grows; not measurable on 2 cores). Measured
 * (docs/performance.md, switch points): at 2 ranks the chain wins from 256 B (1 MiB: 94-390
 * against 276-980 us: recursive doubling moves both halves), and oversubscribed at 3, 4 and 8
 * ranks at every size (8 ranks, 64 KiB: 74 against 292 us), so oversubscribed jobs always chain.
 */
#define SCAN_CHAIN_MAX 2

static int scan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op, int exscan,
                struct mpr_comm *comm, struct mpr_request **req)
{
    struct mpr_red r = {.count = count, .dt = dt, .op = op, .bytes = mpr_coll_bytes(count, dt)};
    const void *x = sbuf == MPI_IN_PLACE ? rbuf : sbuf;
    /* Count, type and op are the same on every rank: so is the decision (the allreduce rule). */
    int usable[NALGS] = {1, 1, !req && mpr_shm_coll_red_usable(comm, r.bytes, op)};
    struct mpr_sched *s;
    int alg, rc = 0;

    alg = comm->size > SCAN_CHAIN_MAX && !mpr_coll_oversubscribed() ? RECURSIVE_DOUBLING : LINEAR;
    alg = mpr_coll_pick(MPR_COLL_SCAN, names, usable, NALGS, usable[SHM] ? SHM : alg);
    if (alg == SHM) {
        return mpr_shm_coll_scan(sbuf, rbuf, count, dt, op, exscan, comm);
    }
    s = mpr_sched_new(comm);
    if (!s) {
        return -MPR_ERR_NOMEM;
    }
    if (!exscan && x != rbuf) {
        rc = mpr_sched_copy(s, rbuf, x, r.bytes);
        if (rc == 0) {
            rc = mpr_sched_round(s);
        }
        x = rbuf;
    }
    if (rc == 0 && alg == LINEAR) {
        rc = mpr_scan_linear(s, x, rbuf, &r, exscan, comm);
    } else if (rc == 0) {
        rc = mpr_scan_recursive_doubling(s, x, rbuf, &r, exscan, comm);
    }
    return mpr_coll_launch(s, rc, req);
}

int mpr_coll_scan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                  struct mpr_comm *comm, struct mpr_request **req)
{
    return scan(sbuf, rbuf, count, dt, op, 0, comm, req);
}

int mpr_coll_exscan(const void *sbuf, void *rbuf, int count, MPI_Datatype dt, MPI_Op op,
                    struct mpr_comm *comm, struct mpr_request **req)
{
    return scan(sbuf, rbuf, count, dt, op, 1, comm, req);
}
